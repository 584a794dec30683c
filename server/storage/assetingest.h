// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "storage/assetsniff.h"
#include "storage/storagebackend.h"

#include <QStringList>

namespace slidespec::server {

/*! \brief An upload made ready to store: checked, sanitised, hashed. */
struct PreparedAsset
{
    AssetType type = AssetType::Unknown;
    QString mime;               //!< the canonical MIME type of the sniffed type (serve with this)
    QByteArray bytes;           //!< what to store: the upload, or the sanitised SVG
    QByteArray sha256;          //!< lower-case hex of bytes
    QString key;                //!< assetStorageKey(sha256)
    QStringList svgRemovals;    //!< what the sanitiser took out (SVG only), for the response and the audit log
};

/*! \brief prepareAsset()'s verdict: the asset, or why it was refused. */
struct PreparedAssetResult
{
    PreparedAsset asset;
    QString code;  //!< "asset.too_large", "asset.unsupported_type", "asset.type_mismatch", "asset.svg_invalid"
    QString error; //!< for people; empty when ok()
    bool ok() const { return error.isEmpty(); }
};

/*! The content-addressed key for a SHA-256 (hex): "sha256/<hex>". */
QString assetStorageKey(const QByteArray &sha256Hex);

/*!
 * \brief checkAsset() (size limits, sniffing, declared type), then for SVG
 * sanitizeSvg(), then the SHA-256 of the bytes to store and their key.
 * Pure: touches no storage.
 */
PreparedAssetResult prepareAsset(const QByteArray &upload, const QString &declaredMime, const AssetLimits &limits = {});

/*!
 * \brief Stores a prepared asset once: when its key already exists the bytes
 * are not sent again (content addressing makes them identical). Returns
 * whether it was newly written.
 */
StorageResult<bool> storeAsset(StorageBackend &storage, const PreparedAsset &asset);

} // namespace slidespec::server
