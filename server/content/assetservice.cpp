// SPDX-License-Identifier: GPL-3.0-or-later
#include "content/assetservice.h"

#include "content/contentdb.h"
#include "db/database.h"
#include "ops/auditlog.h"
#include "ops/usage.h"
#include "ops/webhooks.h"
#include "storage/assetingest.h"
#include "storage/storagebackend.h"

#include <QJsonArray>
#include <QRegularExpression>

#include <spdlog/spdlog.h>

namespace slidespec::server {

using namespace contentdb;

namespace {

ApiError assetNotFound()
{
    return {404, QStringLiteral("assets.not_found"), QStringLiteral("No such asset in this org."), {}};
}

ApiError storageFailure(const StorageError &error, const char *operation)
{
    spdlog::error("content: storage {} failed: {}", operation, error.message.toStdString());
    if (error.kind == StorageErrorKind::Unavailable || error.kind == StorageErrorKind::Denied
        || error.kind == StorageErrorKind::InvalidConfig) {
        return {503, QStringLiteral("storage.unavailable"),
                QStringLiteral("Asset storage is not reachable right now; try again later."), {}};
    }
    return ApiError::internal();
}

const std::string kAssetColumns = "a.id::text, a.original_name, a.sha256, a.size, a.content_type, "
                                  "coalesce(a.created_by::text, ''), "
                                  + iso("a.created_at") + ", a.sanitized::text, a.storage_key";
constexpr int kAssetColumnCount = 9;

AssetInfo readAsset(const pqxx::row &row)
{
    AssetInfo a;
    a.id = text(row[0]);
    a.name = text(row[1]);
    a.sha256 = text(row[2]);
    a.size = row[3].as<qint64>();
    a.contentType = text(row[4]);
    a.createdBy = text(row[5]);
    a.createdAt = text(row[6]);
    const QJsonArray removed = QJsonDocument::fromJson(text(row[7]).toUtf8()).array();
    for (const QJsonValue &v : removed)
        a.removed.append(v.toString());
    a.storageKey = text(row[8]);
    return a;
}

std::optional<AssetInfo> selectAsset(pqxx::work &tx, const ContentActor &actor, const QString &where,
                                     const std::string &value)
{
    const pqxx::result rows = tx.exec_params("SELECT " + kAssetColumns + " FROM assets a WHERE a.org_id = $1 AND "
                                                 + where.toStdString(),
                                             actor.orgId.toStdString(), value);
    if (rows.empty())
        return std::nullopt;
    return readAsset(rows[0]);
}

} // namespace

QJsonObject AssetInfo::toJson() const
{
    return {{QStringLiteral("id"), id},
            {QStringLiteral("name"), name},
            {QStringLiteral("sha256"), sha256},
            {QStringLiteral("size"), size},
            {QStringLiteral("contentType"), contentType},
            {QStringLiteral("createdBy"), createdBy.isEmpty() ? QJsonValue() : QJsonValue(createdBy)},
            {QStringLiteral("createdAt"), createdAt},
            {QStringLiteral("sanitized"), QJsonArray::fromStringList(removed)}};
}

AssetService::AssetService(Database &db, std::shared_ptr<StorageBackend> storage, AssetOptions options)
    : m_db(db)
    , m_storage(std::move(storage))
    , m_options(options)
{
}

std::optional<QString> AssetService::normalizeFileName(const QString &raw, QString *error)
{
    const auto name = ContentService::normalizeName(raw, error);
    if (!name)
        return std::nullopt;
    if (name->contains(QLatin1Char('/')) || name->contains(QLatin1Char('\\')) || *name == u"." || *name == u"..") {
        *error = QStringLiteral("The name is a file name, not a path: no '/', '\\', \".\" or \"..\".");
        return std::nullopt;
    }
    return name;
}

ServiceResult<AssetUpload> AssetService::upload(const ContentActor &actor, const QString &name,
                                                const QString &contentType, const QByteArray &bytes)
{
    if (!m_storage) {
        return ApiError{503, QStringLiteral("storage.unconfigured"),
                        QStringLiteral("This server has no asset storage configured (SLIDESPEC_STORAGE_URL)."), {}};
    }
    if (bytes.isEmpty())
        return ApiError::badRequest(QStringLiteral("request.body_required"),
                                    QStringLiteral("Send the asset's bytes as the request body."));
    if (bytes.size() > m_options.maxBytes)
        return ApiError{413, QStringLiteral("assets.too_large"),
                        QStringLiteral("An asset may be at most %1 bytes; this one has %2.")
                            .arg(m_options.maxBytes)
                            .arg(bytes.size()),
                        {{QStringLiteral("limit"), m_options.maxBytes}, {QStringLiteral("size"), qint64(bytes.size())}}};

    // Check, sanitise and hash with the storage layer's pipeline (storage/assetingest.h).
    PreparedAssetResult prepared = prepareAsset(bytes, contentType, m_options.limits);
    if (!prepared.ok()) {
        const QString &code = prepared.code;
        if (code == u"asset.too_large") {
            return ApiError{413, QStringLiteral("assets.too_large"), prepared.error,
                            {{QStringLiteral("size"), qint64(bytes.size())}}};
        }
        if (code == u"asset.type_mismatch") {
            return ApiError{422, QStringLiteral("assets.type_mismatch"), prepared.error,
                            {{QStringLiteral("declared"), contentType.section(QLatin1Char(';'), 0, 0).trimmed()},
                             {QStringLiteral("sniffed"), assetTypeMime(sniffAssetType(bytes))}}};
        }
        if (code == u"asset.svg_invalid")
            return ApiError{422, QStringLiteral("assets.invalid_svg"), prepared.error, {}};
        return ApiError{415, QStringLiteral("assets.unsupported_type"), prepared.error,
                        {{QStringLiteral("accepted"), QJsonArray::fromStringList(acceptedAssetMimes())}}};
    }
    PreparedAsset &asset = prepared.asset;
    // Per-org keys: an org's objects can be listed and removed without looking at other orgs.
    asset.key = QStringLiteral("orgs/%1/assets/%2").arg(actor.orgId.toLower(), QString::fromLatin1(asset.sha256));
    const QString hash = QString::fromLatin1(asset.sha256);
    const QString key = asset.key;
    const QByteArray &stored = asset.bytes;
    const QStringList &removed = asset.svgRemovals;
    const std::string mime = asset.mime.toStdString();

    // Already there? Then the bytes are in storage too: answer with it.
    auto existing = runScoped<std::optional<AssetInfo>>(m_db, {actor.userId, actor.orgId}, "asset lookup",
                                                        [&](pqxx::work &tx) -> ServiceResult<std::optional<AssetInfo>> {
                                                            return selectAsset(tx, actor, QStringLiteral("a.sha256 = $2"),
                                                                               hash.toStdString());
                                                        });
    if (!existing)
        return existing.error();
    if (existing->has_value())
        return AssetUpload{**existing, false};

    // The plan's storage quota, checked before any byte is written: a refused upload leaves
    // nothing in storage. (The charge itself is made with the row, below.)
    auto precheck = runScoped<std::optional<ApiError>>(
        m_db, {actor.userId, actor.orgId}, "asset quota check",
        [&](pqxx::work &tx) -> ServiceResult<std::optional<ApiError>> {
            const PlanLimits limits = Usage::plan(tx, actor.orgId);
            const auto limit = limits.limit(UsageKind::StorageBytes);
            if (!limit)
                return std::optional<ApiError>{};
            const qint64 used = tx.exec_params1("SELECT coalesce((SELECT used FROM usage_totals WHERE org_id = $1::uuid "
                                                "AND kind = 'storage_bytes'), 0)",
                                                actor.orgId.toStdString())[0]
                                    .as<qint64>();
            if (used + stored.size() <= *limit)
                return std::optional<ApiError>{};
            QuotaExceeded refused;
            refused.kind = UsageKind::StorageBytes;
            refused.plan = limits.name;
            refused.limit = *limit;
            refused.used = used;
            refused.requested = stored.size();
            return std::optional<ApiError>{refused.toApiError()};
        });
    if (!precheck)
        return precheck.error();
    if (*precheck)
        return **precheck;

    if (auto put = storeAsset(*m_storage, asset); !put)
        return storageFailure(put.error(), "put");

    const QJsonArray removedJson = QJsonArray::fromStringList(removed);
    auto inserted = runScoped<AssetUpload>(m_db, {actor.userId, actor.orgId}, "asset insert", [&](pqxx::work &tx)
                                                                                      -> ServiceResult<AssetUpload> {
        // The plan's storage quota, charged with the row (and recorded on it, so expiring the
        // asset gives back exactly this): a refusal inserts nothing.
        qint64 charge = 0;
        if (!selectAsset(tx, actor, QStringLiteral("a.sha256 = $2"), hash.toStdString())) {
            const ChargeOutcome charged = Usage::charge(tx, actor.orgId, UsageKind::StorageBytes, stored.size());
            if (!charged.allowed && charged.refused)
                return charged.refused->toApiError();
            charge = stored.size();
        }
        const pqxx::result rows = tx.exec_params(
            "INSERT INTO assets (org_id, sha256, size, content_type, original_name, storage_key, sanitized, created_by, "
            "storage_charged) "
            "VALUES ($1, $2, $3, $4, $5, $6, $7::jsonb, NULLIF($8, '')::uuid, $9) "
            "ON CONFLICT (org_id, sha256) DO NOTHING RETURNING id::text",
            actor.orgId.toStdString(), hash.toStdString(), static_cast<long long>(stored.size()), mime,
            name.toStdString(), key.toStdString(),
            QJsonDocument(removedJson).toJson(QJsonDocument::Compact).toStdString(), actor.userId.toStdString(),
            static_cast<long long>(charge));
        if (rows.empty()) {
            // Another upload of the same bytes won the race: it was charged, this one is not.
            if (charge > 0)
                Usage::release(tx, actor.orgId, UsageKind::StorageBytes, charge);
            const auto raced = selectAsset(tx, actor, QStringLiteral("a.sha256 = $2"), hash.toStdString());
            if (!raced)
                return ApiError::internal();
            return AssetUpload{*raced, false};
        }
        const AssetInfo created = *selectAsset(tx, actor, QStringLiteral("a.id = $2::uuid"), text(rows[0][0]).toStdString());
        const QJsonObject data{{QStringLiteral("id"), created.id},
                               {QStringLiteral("sha256"), created.sha256},
                               {QStringLiteral("contentType"), created.contentType},
                               {QStringLiteral("size"), created.size}};
        AuditEvent event;
        event.orgId = actor.orgId;
        event.actorUserId = actor.userId;
        event.action = QStringLiteral("asset.uploaded");
        event.objectType = QStringLiteral("asset");
        event.objectId = created.id;
        event.details = data;
        event.clientAddress = actor.clientAddress;
        event.requestId = actor.requestId;
        AuditLog::record(tx, event);
        Webhooks::emitEvent(tx, actor.orgId, QStringLiteral("asset.uploaded"), data);
        return AssetUpload{created, true};
    });
    if (!inserted && inserted.error().status == 402) {
        // Refused by a concurrent charge after the check above: take the bytes back out unless a
        // row of the org names them (an upload of the same bytes that was allowed).
        auto referenced = runScoped<bool>(m_db, {actor.userId, actor.orgId}, "asset refusal cleanup",
                                          [&](pqxx::work &tx) -> ServiceResult<bool> {
                                              return selectAsset(tx, actor, QStringLiteral("a.sha256 = $2"),
                                                                 hash.toStdString())
                                                  .has_value();
                                          });
        if (referenced && !*referenced) {
            if (auto removedObject = m_storage->remove(key); !removedObject)
                spdlog::warn("content: refused upload's object {} not removed: {}", key.toStdString(),
                             removedObject.error().message.toStdString());
        }
    }
    return inserted;
}

ServiceResult<AssetInfo> AssetService::get(const ContentActor &actor, const QString &id)
{
    if (!looksLikeUuid(id))
        return assetNotFound();
    return runScoped<AssetInfo>(m_db, {actor.userId, actor.orgId}, "asset get", [&](pqxx::work &tx)
                                                                                 -> ServiceResult<AssetInfo> {
        const auto asset = selectAsset(tx, actor, QStringLiteral("a.id = $2::uuid"), id.toStdString());
        if (!asset)
            return assetNotFound();
        return *asset;
    });
}

ServiceResult<AssetDownload> AssetService::download(const ContentActor &actor, const QString &id)
{
    if (!looksLikeUuid(id))
        return assetNotFound();
    // The asset, and one download charged to the org's daily quota (402 when used up).
    auto asset = runScoped<AssetInfo>(m_db, {actor.userId, actor.orgId}, "asset download", [&](pqxx::work &tx)
                                                                                           -> ServiceResult<AssetInfo> {
        const auto found = selectAsset(tx, actor, QStringLiteral("a.id = $2::uuid"), id.toStdString());
        if (!found)
            return assetNotFound();
        const ChargeOutcome charged = Usage::charge(tx, actor.orgId, UsageKind::Downloads, 1);
        if (!charged.allowed && charged.refused)
            return charged.refused->toApiError();
        return *found;
    });
    if (!asset)
        return asset.error();
    if (!m_storage) {
        return ApiError{503, QStringLiteral("storage.unconfigured"),
                        QStringLiteral("This server has no asset storage configured (SLIDESPEC_STORAGE_URL)."), {}};
    }
    auto object = m_storage->get(asset->storageKey);
    if (!object) {
        if (object.isNotFound()) {
            spdlog::error("content: asset {} has no bytes in storage ({})", id.toStdString(),
                          asset->storageKey.toStdString());
            return ApiError{500, QStringLiteral("assets.missing_content"),
                            QStringLiteral("The asset's content is missing from storage; an administrator has to "
                                           "restore it."),
                            {}};
        }
        return storageFailure(object.error(), "get");
    }
    return AssetDownload{*asset, std::move(object).value().data};
}

ServiceResult<Page<AssetInfo>> AssetService::list(const ContentActor &actor, int limit, const QString &cursor)
{
    QString afterKey;
    QString afterId;
    if (!cursor.isEmpty()) {
        static const QRegularExpression timestamp(
            QStringLiteral("^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{6}Z$"));
        const auto decoded = decodeCursor(cursor);
        afterKey = decoded ? decoded->value(QStringLiteral("k")).toString() : QString();
        afterId = decoded ? decoded->value(QStringLiteral("i")).toString() : QString();
        if (!looksLikeUuid(afterId) || !timestamp.match(afterKey).hasMatch()) {
            return ApiError::badRequest(QStringLiteral("request.invalid_query"),
                                        QStringLiteral("\"cursor\" is not one this server gave out: start again "
                                                       "without it."),
                                        {{QStringLiteral("parameter"), QStringLiteral("cursor")}});
        }
    }
    return runScoped<Page<AssetInfo>>(m_db, {actor.userId, actor.orgId}, "asset list", [&](pqxx::work &tx)
                                                                                        -> ServiceResult<Page<AssetInfo>> {
        std::string sql = "SELECT " + kAssetColumns
                          + ", to_char(a.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS.US\"Z\"') "
                            "FROM assets a WHERE a.org_id = $1";
        sql += afterId.isEmpty() ? " AND $2 = '' AND $3 = ''" : " AND (a.created_at, a.id) < ($2::timestamptz, $3::uuid)";
        sql += " ORDER BY a.created_at DESC, a.id DESC LIMIT $4";
        const pqxx::result rows = tx.exec_params(sql, actor.orgId.toStdString(), afterKey.toStdString(),
                                                 afterId.toStdString(), limit + 1);
        Page<AssetInfo> page;
        for (int i = 0; i < int(rows.size()) && i < limit; ++i)
            page.items.append(readAsset(rows[i]));
        if (int(rows.size()) > limit) {
            const pqxx::row last = rows[limit - 1];
            page.nextCursor = encodeCursor({{QStringLiteral("k"), text(last[kAssetColumnCount])},
                                            {QStringLiteral("i"), text(last[0])}});
        }
        return page;
    });
}

} // namespace slidespec::server
