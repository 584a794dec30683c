// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "http/serviceresult.h"
#include "content/contentservice.h"
#include "storage/assetsniff.h"

#include <QByteArray>
#include <QJsonObject>
#include <QString>
#include <QStringList>

#include <memory>
#include <optional>

namespace slidespec::server {

class Database;
class StorageBackend;

/*! \brief An uploaded asset's metadata (its bytes are in storage). */
struct AssetInfo
{
    QString id;
    QString name;        //!< the name given at upload (display and download name only)
    QString sha256;      //!< of the stored bytes (after SVG sanitising), lower-case hex
    qint64 size = 0;
    QString contentType; //!< sniffed from the content
    QString createdBy;
    QString createdAt;
    QStringList removed; //!< what the SVG sanitiser took out (empty otherwise)
    QString storageKey;  //!< not shown to clients

    QJsonObject toJson() const;
};

/*! \brief The result of an upload: the asset, and whether it is new (201) or already there (200). */
struct AssetUpload
{
    AssetInfo asset;
    bool created = false;
};

/*! \brief An asset with its bytes. */
struct AssetDownload
{
    AssetInfo asset;
    QByteArray bytes;
};

/*! \brief Upload limits. */
struct AssetOptions
{
    qint64 maxBytes = 32 * 1024 * 1024; //!< overall (the server's body limit bounds it too)
    AssetLimits limits{};               //!< per type (images, SVG, fonts, PPTX)
};

/*!
 * \brief Assets of an org: uploads checked by content, SVG sanitised and
 * hashed by prepareAsset() (storage/assetingest.h), kept immutable in storage under the
 * content-addressed key `orgs/<org>/assets/<sha256>`, deduplicated per org by
 * that hash (migration 0010's unique (org_id, sha256)). Thread-safe; never
 * throws.
 *
 * An upload writes the bytes to storage before the row, so a row never
 * points at missing bytes; a failed insert leaves only an unreferenced,
 * content-addressed object (harmless, collectable).
 */
class AssetService
{
public:
    AssetService(Database &db, std::shared_ptr<StorageBackend> storage, AssetOptions options);

    /*!
     * \brief Checks a file name: a display name (normalizeName() rules) that
     * is not a path: no '/', '\\', nor "." / "..".
     */
    static std::optional<QString> normalizeFileName(const QString &raw, QString *error);

    /*!
     * \brief Uploads \a bytes named \a name with the declared \a contentType:
     * 413 over a limit, 415 when the content is no accepted type, 422 when it
     * differs from the declared type or an SVG cannot be sanitised, 200 with
     * the existing asset when the org has the same bytes already.
     */
    ServiceResult<AssetUpload> upload(const ContentActor &actor, const QString &name, const QString &contentType,
                                      const QByteArray &bytes);

    ServiceResult<AssetInfo> get(const ContentActor &actor, const QString &id);

    /*! The bytes as well; \a actor's userId may be empty (signed downloads). */
    ServiceResult<AssetDownload> download(const ContentActor &actor, const QString &id);

    /*! Newest first. */
    ServiceResult<Page<AssetInfo>> list(const ContentActor &actor, int limit, const QString &cursor);

    bool hasStorage() const { return m_storage != nullptr; }

private:
    Database &m_db;
    std::shared_ptr<StorageBackend> m_storage;
    AssetOptions m_options;
};

} // namespace slidespec::server
