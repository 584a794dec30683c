// SPDX-License-Identifier: GPL-3.0-or-later
#include "content/contentservice.h"

#include "content/contentdb.h"
#include "db/database.h"
#include "ops/auditlog.h"
#include "ops/webhooks.h"

#include <QCryptographicHash>
#include <QJsonDocument>
#include <QRegularExpression>

namespace slidespec::server {

using namespace contentdb;

namespace {

const ContentKindInfo kKinds[] = {
    {ContentKind::Deck, "decks", "deck_revisions", "decks", "deckId", "decks", "decks", "deck", "Deck", "deck"},
    {ContentKind::BrandKit, "brand_kits", "brand_kit_revisions", "brand-kits", "brandKitId", "brandkits",
     "brandkits", "brand kit", "BrandKit", "brandkit"},
    {ContentKind::Template, "templates", "template_revisions", "templates", "templateId", "templates",
     "templates", "template", "Template", "template"},
};

ApiError notFound(const ContentKindInfo &k)
{
    return {404, QString::fromLatin1(k.codePrefix) + QStringLiteral(".not_found"),
            QStringLiteral("No such %1 in this org.").arg(QLatin1StringView(k.singular)), {}};
}

ApiError badQuery(const QString &parameter, const QString &message)
{
    return ApiError::badRequest(QStringLiteral("request.invalid_query"), message,
                                {{QStringLiteral("parameter"), parameter}});
}

// The item's columns, in the order readItem() expects (alias d).
std::string itemColumns(const ContentKindInfo &k)
{
    return "d.id::text, d.name, d.current_revision, coalesce(d.created_by::text, ''), "
           "coalesce(d.updated_by::text, ''), "
           + iso("d.created_at") + ", " + iso("d.updated_at") + ", coalesce(" + iso("d.deleted_at") + ", ''), "
           + (k.kind == ContentKind::Template ? "d.template_kind" : "''::text")
           + ", (SELECT r.size FROM " + k.revisionTable
           + " r WHERE r.object_id = d.id AND r.revision = d.current_revision)";
}
constexpr int kItemColumnCount = 10;

ContentItem readItem(const pqxx::row &row)
{
    ContentItem item;
    item.id = text(row[0]);
    item.name = text(row[1]);
    item.revision = row[2].as<int>();
    item.createdBy = text(row[3]);
    item.updatedBy = text(row[4]);
    item.createdAt = text(row[5]);
    item.updatedAt = text(row[6]);
    item.deletedAt = text(row[7]);
    item.templateKind = text(row[8]);
    item.size = row[9].is_null() ? 0 : row[9].as<qint64>();
    return item;
}

std::string revisionColumns()
{
    return "r.revision, r.size, r.sha256, coalesce(r.author::text, ''), " + iso("r.created_at");
}

RevisionInfo readRevision(const pqxx::row &row, int offset)
{
    RevisionInfo info;
    info.revision = row[offset].as<int>();
    info.size = row[offset + 1].as<qint64>();
    info.sha256 = text(row[offset + 2]);
    info.author = text(row[offset + 3]);
    info.createdAt = text(row[offset + 4]);
    return info;
}

std::optional<ContentItem> selectItem(pqxx::work &tx, const ContentKindInfo &k, const ContentActor &actor,
                                      const QString &id, bool forUpdate)
{
    const pqxx::result rows = tx.exec_params("SELECT " + itemColumns(k) + " FROM " + k.table
                                                 + " d WHERE d.org_id = $1 AND d.id = $2"
                                                 + (forUpdate ? " FOR UPDATE" : ""),
                                             actor.orgId.toStdString(), id.toStdString());
    if (rows.empty())
        return std::nullopt;
    return readItem(rows[0]);
}

void insertRevision(pqxx::work &tx, const ContentKindInfo &k, const ContentActor &actor, const QString &id,
                    int revision, const QByteArray &spec)
{
    tx.exec_params(std::string("INSERT INTO ") + k.revisionTable
                       + " (org_id, object_id, revision, spec, size, sha256, author) "
                         "VALUES ($1, $2, $3, $4, $5, $6, NULLIF($7, '')::uuid)",
                   actor.orgId.toStdString(), id.toStdString(), revision, spec.toStdString(),
                   static_cast<long long>(spec.size()), sha256Hex(spec).toStdString(), actor.userId.toStdString());
}

/*!
 * The change's audit row (when \a audit) and, for decks, its webhook event,
 * written in the change's own transaction.
 */
void recordChange(pqxx::work &tx, const ContentKindInfo &k, const ContentActor &actor, const char *verb,
                  const ContentItem &item, bool audit)
{
    const QString action = QLatin1StringView(k.auditName) + QLatin1Char('.') + QLatin1StringView(verb);
    if (audit) {
        AuditEvent event;
        event.orgId = actor.orgId;
        event.actorUserId = actor.userId;
        event.action = action;
        event.objectType = QLatin1StringView(k.auditName);
        event.objectId = item.id;
        event.details = {{QStringLiteral("name"), item.name}, {QStringLiteral("revision"), item.revision}};
        event.clientAddress = actor.clientAddress;
        event.requestId = actor.requestId;
        AuditLog::record(tx, event);
    }
    if (k.kind == ContentKind::Deck) {
        Webhooks::emitEvent(tx, actor.orgId, action,
                            {{QStringLiteral("id"), item.id},
                             {QStringLiteral("name"), item.name},
                             {QStringLiteral("revision"), item.revision}});
    }
}

ApiError badCursor()
{
    return badQuery(QStringLiteral("cursor"),
                    QStringLiteral("\"cursor\" is not one this server gave out: start again without it."));
}

bool isTimestampKey(const QString &text)
{
    static const QRegularExpression pattern(QStringLiteral("^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{6}Z$"));
    return pattern.match(text).hasMatch();
}

bool hasBadCharacter(const QString &text)
{
    for (const QChar c : text) {
        if (c.category() == QChar::Other_Control || c == QChar(0x2028) || c == QChar(0x2029))
            return true;
    }
    return false;
}

} // namespace

const ContentKindInfo &contentKindInfo(ContentKind kind)
{
    return kKinds[static_cast<int>(kind)];
}

QJsonObject ContentItem::toJson(ContentKind kind) const
{
    auto orNull = [](const QString &s) { return s.isEmpty() ? QJsonValue() : QJsonValue(s); };
    QJsonObject o{{QStringLiteral("id"), id},
                  {QStringLiteral("name"), name},
                  {QStringLiteral("revision"), revision},
                  {QStringLiteral("size"), size},
                  {QStringLiteral("createdBy"), orNull(createdBy)},
                  {QStringLiteral("updatedBy"), orNull(updatedBy)},
                  {QStringLiteral("createdAt"), createdAt},
                  {QStringLiteral("updatedAt"), updatedAt},
                  {QStringLiteral("deletedAt"), orNull(deletedAt)}};
    if (kind == ContentKind::Template)
        o.insert(QStringLiteral("templateKind"), templateKind);
    return o;
}

QJsonObject RevisionInfo::toJson() const
{
    return {{QStringLiteral("revision"), revision},
            {QStringLiteral("size"), size},
            {QStringLiteral("sha256"), sha256},
            {QStringLiteral("author"), author.isEmpty() ? QJsonValue() : QJsonValue(author)},
            {QStringLiteral("createdAt"), createdAt}};
}

QString sha256Hex(const QByteArray &bytes)
{
    return QString::fromLatin1(QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex());
}

bool looksLikeUuid(const QString &text)
{
    static const QRegularExpression pattern(
        QStringLiteral("^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$"));
    return text.size() == 36 && pattern.match(text).hasMatch();
}

ContentService::ContentService(Database &db)
    : m_db(db)
{
}

std::optional<QString> ContentService::normalizeName(const QString &raw, QString *error)
{
    const QString name = raw.trimmed();
    if (name.isEmpty()) {
        *error = QStringLiteral("The name is empty: give 1 to %1 characters.").arg(MaxNameLength);
        return std::nullopt;
    }
    if (hasBadCharacter(name)) {
        *error = QStringLiteral("The name contains a control character (a line break, tab or similar).");
        return std::nullopt;
    }
    if (name.toUcs4().size() > MaxNameLength) {
        *error = QStringLiteral("The name is longer than %1 characters.").arg(MaxNameLength);
        return std::nullopt;
    }
    // Unpaired surrogates would not survive UTF-8.
    if (!QStringView(name).isValidUtf16()) {
        *error = QStringLiteral("The name is not valid Unicode text.");
        return std::nullopt;
    }
    return name;
}

ServiceResult<ContentListQuery> ContentService::parseListQuery(const QString &limit, const QString &cursor,
                                                               const QString &q, const QString &deleted,
                                                               const QString &sort)
{
    ContentListQuery query;
    if (!limit.isEmpty()) {
        bool ok = false;
        const int n = limit.toInt(&ok);
        if (!ok || n < 1 || n > MaxPageSize)
            return badQuery(QStringLiteral("limit"),
                            QStringLiteral("\"limit\" is a whole number from 1 to %1.").arg(MaxPageSize));
        query.limit = n;
    }
    query.cursor = cursor;
    if (!q.isEmpty()) {
        if (q.size() > MaxNameLength || hasBadCharacter(q))
            return badQuery(QStringLiteral("q"), QStringLiteral("\"q\" is up to %1 characters of text without "
                                                                 "control characters.").arg(MaxNameLength));
        query.search = q.trimmed();
    }
    if (deleted == u"true" || deleted == u"1")
        query.deleted = true;
    else if (!deleted.isEmpty() && deleted != u"false" && deleted != u"0")
        return badQuery(QStringLiteral("deleted"), QStringLiteral("\"deleted\" is true or false."));
    if (!sort.isEmpty()) {
        if (sort != u"updated" && sort != u"name")
            return badQuery(QStringLiteral("sort"), QStringLiteral("\"sort\" is \"updated\" or \"name\"."));
        query.sort = sort;
    }
    return query;
}

ServiceResult<ContentItem> ContentService::create(ContentKind kind, const ContentActor &actor, const QString &name,
                                                  const QByteArray &spec, const SpecCheck &check)
{
    const ContentKindInfo &k = contentKindInfo(kind);
    return runScoped<ContentItem>(m_db, {actor.userId, actor.orgId}, "create", [&](pqxx::work &tx)
                                                                                   -> ServiceResult<ContentItem> {
        std::string columns = "org_id, name, created_by, updated_by";
        std::string values = "$1, $2, NULLIF($3, '')::uuid, NULLIF($3, '')::uuid";
        if (kind == ContentKind::Template) {
            columns += ", template_kind";
            values += ", $4";
        }
        const std::string sql = std::string("INSERT INTO ") + k.table + " (" + columns + ") VALUES (" + values
                                + ") RETURNING id::text";
        const pqxx::result inserted = kind == ContentKind::Template
            ? tx.exec_params(sql, actor.orgId.toStdString(), name.toStdString(), actor.userId.toStdString(),
                             check.templateKind.toStdString())
            : tx.exec_params(sql, actor.orgId.toStdString(), name.toStdString(), actor.userId.toStdString());
        const QString id = text(inserted[0][0]);
        insertRevision(tx, k, actor, id, 1, spec);
        const ContentItem created = *selectItem(tx, k, actor, id, false);
        recordChange(tx, k, actor, "created", created, false);
        return created;
    });
}

ServiceResult<Page<ContentItem>> ContentService::list(ContentKind kind, const ContentActor &actor,
                                                      const ContentListQuery &query)
{
    const ContentKindInfo &k = contentKindInfo(kind);
    const bool byName = query.sort == u"name";
    QString afterKey;
    QString afterId;
    if (!query.cursor.isEmpty()) {
        const auto cursor = decodeCursor(query.cursor);
        if (!cursor)
            return badCursor();
        afterKey = cursor->value(QStringLiteral("k")).toString();
        afterId = cursor->value(QStringLiteral("i")).toString();
        const QString sort = cursor->value(QStringLiteral("s")).toString();
        const bool deleted = cursor->value(QStringLiteral("d")).toBool();
        if (sort != query.sort || deleted != query.deleted || !looksLikeUuid(afterId)
            || (!byName && !isTimestampKey(afterKey)) || afterKey.size() > 4 * MaxNameLength)
            return badCursor();
    }
    return runScoped<Page<ContentItem>>(m_db, {actor.userId, actor.orgId}, "list", [&](pqxx::work &tx)
                                                                                     -> ServiceResult<Page<ContentItem>> {
        const std::string sortKey = byName ? "lower(d.name)"
                                           : "to_char(d.updated_at AT TIME ZONE 'UTC', "
                                             "'YYYY-MM-DD\"T\"HH24:MI:SS.US\"Z\"')";
        std::string sql = "SELECT " + itemColumns(k) + ", " + sortKey + " FROM " + k.table
                          + " d WHERE d.org_id = $1 AND (d.deleted_at IS NOT NULL) = $2"
                            " AND ($3 = '' OR strpos(lower(d.name), lower($3)) > 0)";
        if (!afterId.isEmpty()) {
            sql += byName ? " AND (lower(d.name), d.id) > ($4, $5::uuid)"
                          : " AND (d.updated_at, d.id) < ($4::timestamptz, $5::uuid)";
        } else {
            sql += " AND $4 = '' AND $5 = ''";
        }
        sql += byName ? " ORDER BY lower(d.name), d.id" : " ORDER BY d.updated_at DESC, d.id DESC";
        sql += " LIMIT $6";
        const pqxx::result rows = tx.exec_params(sql, actor.orgId.toStdString(), query.deleted,
                                                 query.search.toStdString(), afterKey.toStdString(),
                                                 afterId.toStdString(), query.limit + 1);
        Page<ContentItem> page;
        for (int i = 0; i < int(rows.size()) && i < query.limit; ++i)
            page.items.append(readItem(rows[i]));
        if (int(rows.size()) > query.limit) {
            const pqxx::row last = rows[query.limit - 1];
            page.nextCursor = encodeCursor({{QStringLiteral("s"), query.sort},
                                            {QStringLiteral("d"), query.deleted},
                                            {QStringLiteral("k"), text(last[kItemColumnCount])},
                                            {QStringLiteral("i"), text(last[0])}});
        }
        return page;
    });
}

ServiceResult<SpecRevision> ContentService::get(ContentKind kind, const ContentActor &actor, const QString &id,
                                                std::optional<int> revision)
{
    const ContentKindInfo &k = contentKindInfo(kind);
    if (!looksLikeUuid(id))
        return notFound(k);
    return runScoped<SpecRevision>(m_db, {actor.userId, actor.orgId}, "get", [&](pqxx::work &tx)
                                                                               -> ServiceResult<SpecRevision> {
        const auto item = selectItem(tx, k, actor, id, false);
        if (!item)
            return notFound(k);
        const int wanted = revision.value_or(item->revision);
        const pqxx::result rows = tx.exec_params("SELECT " + revisionColumns() + ", r.spec FROM " + k.revisionTable
                                                     + " r WHERE r.org_id = $1 AND r.object_id = $2 AND r.revision = $3",
                                                 actor.orgId.toStdString(), id.toStdString(), wanted);
        if (rows.empty()) {
            return ApiError{404, QStringLiteral("content.revision_not_found"),
                            QStringLiteral("This %1 has no revision %2 (the current one is %3).")
                                .arg(QLatin1StringView(k.singular))
                                .arg(wanted)
                                .arg(item->revision),
                            {{QStringLiteral("currentRevision"), item->revision}}};
        }
        SpecRevision out;
        out.item = *item;
        out.revision = readRevision(rows[0], 0);
        const pqxx::field spec = rows[0][5];
        out.spec = QByteArray(spec.c_str(), qsizetype(spec.size()));
        return out;
    });
}

ServiceResult<ContentItem> ContentService::item(ContentKind kind, const ContentActor &actor, const QString &id)
{
    const ContentKindInfo &k = contentKindInfo(kind);
    if (!looksLikeUuid(id))
        return notFound(k);
    return runScoped<ContentItem>(m_db, {actor.userId, actor.orgId}, "item", [&](pqxx::work &tx)
                                                                              -> ServiceResult<ContentItem> {
        const auto item = selectItem(tx, k, actor, id, false);
        if (!item)
            return notFound(k);
        return *item;
    });
}

ServiceResult<ContentItem> ContentService::update(ContentKind kind, const ContentActor &actor, const QString &id,
                                                  int expectedRevision, const std::optional<QString> &name,
                                                  const QByteArray &spec, const SpecCheck &check)
{
    const ContentKindInfo &k = contentKindInfo(kind);
    if (!looksLikeUuid(id))
        return notFound(k);
    return runScoped<ContentItem>(m_db, {actor.userId, actor.orgId}, "update", [&](pqxx::work &tx)
                                                                                -> ServiceResult<ContentItem> {
        const auto item = selectItem(tx, k, actor, id, true);
        if (!item)
            return notFound(k);
        if (!item->deletedAt.isEmpty()) {
            return ApiError{409, QStringLiteral("content.in_trash"),
                            QStringLiteral("This %1 is in the trash: restore it before saving.")
                                .arg(QLatin1StringView(k.singular)),
                            {}};
        }
        if (item->revision != expectedRevision) {
            return ApiError{412, QStringLiteral("content.revision_mismatch"),
                            QStringLiteral("Someone saved revision %1 after the revision %2 you edited: load it, "
                                           "merge your changes and save again with If-Match: \"%1\".")
                                .arg(item->revision)
                                .arg(expectedRevision),
                            {{QStringLiteral("currentRevision"), item->revision},
                             {QStringLiteral("expectedRevision"), expectedRevision}}};
        }
        const int next = item->revision + 1;
        insertRevision(tx, k, actor, id, next, spec);
        const std::string sql = std::string("UPDATE ") + k.table
                                + " SET current_revision = $3, name = coalesce(NULLIF($4, ''), name), "
                                  "updated_by = NULLIF($5, '')::uuid, updated_at = now()"
                                + (kind == ContentKind::Template ? ", template_kind = $6" : "")
                                + " WHERE org_id = $1 AND id = $2";
        if (kind == ContentKind::Template) {
            tx.exec_params(sql, actor.orgId.toStdString(), id.toStdString(), next,
                           name.value_or(QString()).toStdString(), actor.userId.toStdString(),
                           check.templateKind.toStdString());
        } else {
            tx.exec_params(sql, actor.orgId.toStdString(), id.toStdString(), next,
                           name.value_or(QString()).toStdString(), actor.userId.toStdString());
        }
        const ContentItem updated = *selectItem(tx, k, actor, id, false);
        recordChange(tx, k, actor, "updated", updated, false);
        return updated;
    });
}

ServiceResult<ContentItem> ContentService::trash(ContentKind kind, const ContentActor &actor, const QString &id)
{
    const ContentKindInfo &k = contentKindInfo(kind);
    if (!looksLikeUuid(id))
        return notFound(k);
    return runScoped<ContentItem>(m_db, {actor.userId, actor.orgId}, "trash", [&](pqxx::work &tx)
                                                                               -> ServiceResult<ContentItem> {
        const pqxx::result moved = tx.exec_params(std::string("UPDATE ") + k.table
                                                      + " SET deleted_at = now() WHERE org_id = $1 AND id = $2 "
                                                        "AND deleted_at IS NULL",
                                                  actor.orgId.toStdString(), id.toStdString());
        const auto item = selectItem(tx, k, actor, id, false);
        if (!item)
            return notFound(k);
        if (moved.affected_rows() > 0) // not again when it was in the trash already
            recordChange(tx, k, actor, "deleted", *item, true);
        return *item;
    });
}

ServiceResult<ContentItem> ContentService::restore(ContentKind kind, const ContentActor &actor, const QString &id)
{
    const ContentKindInfo &k = contentKindInfo(kind);
    if (!looksLikeUuid(id))
        return notFound(k);
    return runScoped<ContentItem>(m_db, {actor.userId, actor.orgId}, "restore", [&](pqxx::work &tx)
                                                                                 -> ServiceResult<ContentItem> {
        const auto item = selectItem(tx, k, actor, id, true);
        if (!item)
            return notFound(k);
        if (item->deletedAt.isEmpty()) {
            return ApiError{409, QStringLiteral("content.not_in_trash"),
                            QStringLiteral("This %1 is not in the trash.").arg(QLatin1StringView(k.singular)), {}};
        }
        tx.exec_params(std::string("UPDATE ") + k.table + " SET deleted_at = NULL WHERE org_id = $1 AND id = $2",
                       actor.orgId.toStdString(), id.toStdString());
        const ContentItem restored = *selectItem(tx, k, actor, id, false);
        recordChange(tx, k, actor, "restored", restored, true);
        return restored;
    });
}

ServiceResult<Page<RevisionInfo>> ContentService::revisions(ContentKind kind, const ContentActor &actor,
                                                            const QString &id, int limit, const QString &cursor)
{
    const ContentKindInfo &k = contentKindInfo(kind);
    if (!looksLikeUuid(id))
        return notFound(k);
    int before = std::numeric_limits<int>::max();
    if (!cursor.isEmpty()) {
        const auto decoded = decodeCursor(cursor);
        if (!decoded || !decoded->value(QStringLiteral("r")).isDouble())
            return badCursor();
        before = decoded->value(QStringLiteral("r")).toInt();
    }
    return runScoped<Page<RevisionInfo>>(m_db, {actor.userId, actor.orgId}, "revisions", [&](pqxx::work &tx)
                                                                                         -> ServiceResult<Page<RevisionInfo>> {
        if (!selectItem(tx, k, actor, id, false))
            return notFound(k);
        const pqxx::result rows = tx.exec_params("SELECT " + revisionColumns() + " FROM " + k.revisionTable
                                                     + " r WHERE r.org_id = $1 AND r.object_id = $2 AND r.revision < $3"
                                                       " ORDER BY r.revision DESC LIMIT $4",
                                                 actor.orgId.toStdString(), id.toStdString(), before, limit + 1);
        Page<RevisionInfo> page;
        for (int i = 0; i < int(rows.size()) && i < limit; ++i)
            page.items.append(readRevision(rows[i], 0));
        if (int(rows.size()) > limit)
            page.nextCursor = encodeCursor({{QStringLiteral("r"), page.items.last().revision}});
        return page;
    });
}

} // namespace slidespec::server
