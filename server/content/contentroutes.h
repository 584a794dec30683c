// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "content/assetservice.h"
#include "storage/urlsigner.h"

#include <QByteArray>
#include <QString>

#include <memory>

namespace slidespec::server {

class Database;
class RateLimits;
class Router;
class Service;
class StorageBackend;

/*! \brief What the content routes need besides the database and storage. */
struct ContentOptions
{
    qint64 maxSpecBytes = 32 * 1024 * 1024; //!< largest spec accepted (the body limit bounds it too)
    AssetOptions assets{};
    QByteArray urlSigningKey;               //!< ≥ 32 bytes, else signed URLs answer 503
    QString publicBaseUrl;                  //!< signed URLs start with it (no trailing slash)
    int defaultSignedUrlSeconds = 3600;
    int maxSignedUrlSeconds = 7 * 24 * 3600;
    UrlSigner::Clock clock{};               //!< "now" for signing and checking (tests inject one)
    /*! Token buckets (ops/ratelimits.h): "upload" on uploads, "download" on both downloads; null: none. */
    std::shared_ptr<RateLimits> rateLimits{};
};

/*!
 * \brief Registers the workspace content API (docs/api-content.md) on
 * \a router: decks, brand kits and templates under
 * `/api/v1/orgs/{orgId}/decks|brand-kits|templates` (create, list, get with
 * ETag, update with If-Match, trash, restore, revisions), assets under
 * `/api/v1/orgs/{orgId}/assets` (upload, metadata, content, signed URL) and
 * the signed download `/api/v1/signed/assets/{orgId}/{assetId}`, with their
 * OpenAPI schemas. Every org route declares its permission from the matrix
 * (the authenticator checks membership: another org → 404).
 *
 * The handlers share the services through shared pointers, so nothing needs
 * to outlive the router but \a db. Returns false when the router refused a
 * route (a duplicate).
 */
bool registerContentRoutes(Router &router, Database &db, std::shared_ptr<StorageBackend> storage,
                           ContentOptions options);

/*! The URL-signing key derived from the server's secret key (HMAC-SHA256 with a fixed label). */
QByteArray deriveUrlSigningKey(const QByteArray &secretKey);

/*!
 * \brief The content module for \a service: storage from the configured
 * storage URL (none: asset routes answer 503), wrapped in InstrumentedStorage
 * (storage metrics) with a "storage" readiness check; its own RateLimits for
 * the upload and download classes; the signing key derived
 * from the secret key; limits from the body limit. Called by installModules().
 */
bool installContentModule(Service &service);

} // namespace slidespec::server
