// SPDX-License-Identifier: GPL-3.0-or-later
#include "ops/auditlog.h"

#include "http/requestcontext.h"
#include "ops/opsdb.h"

#include <QRegularExpression>

namespace slidespec::server {

using namespace opsdb;

AuditEvent AuditEvent::fromRequest(const RequestContext &context, const QString &action, const QString &objectType,
                                   const QString &objectId, const QJsonObject &details)
{
    AuditEvent event;
    event.orgId = context.orgId();
    event.actorUserId = context.userId();
    event.action = action;
    event.objectType = objectType;
    event.objectId = objectId;
    event.details = details;
    if (!context.clientAddress().isNull())
        event.clientAddress = context.clientAddress().toString();
    event.requestId = QString::fromLatin1(context.requestId());
    if (context.identity() && !context.identity()->credentialKind.isEmpty())
        event.details.insert(QStringLiteral("credential"), context.identity()->credentialKind);
    return event;
}

AuditLog::AuditLog(Database &db)
    : m_db(db)
{
}

bool AuditLog::isValidAction(const QString &action)
{
    static const QRegularExpression shape(QStringLiteral("^[a-z][a-z0-9_]*(\\.[a-z][a-z0-9_]*)+$"));
    return action.size() <= 100 && shape.match(action).hasMatch();
}

void AuditLog::record(pqxx::transaction_base &tx, const AuditEvent &event)
{
    // The address goes through inet only when it parses as one (an IPv4-mapped
    // or scoped address from Qt is normalised by PostgreSQL or dropped).
    QString address = event.clientAddress;
    if (address.startsWith(QStringLiteral("::ffff:")) && address.count(u'.') == 3)
        address = address.mid(7);
    const qsizetype zone = address.indexOf(u'%');
    if (zone >= 0)
        address.truncate(zone);
    tx.exec_params0(
        "INSERT INTO audit_events (org_id, actor_user_id, action, object_type, object_id, details, client_address, "
        "request_id) VALUES (NULLIF($1, '')::uuid, NULLIF($2, '')::uuid, $3, $4, $5, $6::jsonb, "
        "CASE WHEN $7 = '' THEN NULL ELSE $7::inet END, $8)",
        s(event.orgId), s(event.actorUserId), s(event.action), s(event.objectType.left(100)),
        s(event.objectId.left(200)), json(event.details), s(address), s(event.requestId.left(128)));
}

DbResult<void> AuditLog::record(const AuditEvent &event)
{
    return m_db.withTransaction(OrgScope{event.actorUserId, event.orgId},
                                [&](pqxx::work &tx) { record(tx, event); });
}

namespace {

ApiError badParameter(const QString &name, const QString &message)
{
    return ApiError::badRequest(QStringLiteral("request.invalid_parameter"), message,
                                {{QStringLiteral("parameter"), name}});
}

std::optional<QDateTime> parseTime(const QString &text)
{
    QDateTime t = QDateTime::fromString(text, Qt::ISODateWithMs);
    if (!t.isValid())
        t = QDateTime::fromString(text, Qt::ISODate);
    if (!t.isValid())
        return std::nullopt;
    return t.toUTC();
}

QString encodeCursor(qint64 id)
{
    return QString::fromLatin1(QByteArray("a:" + QByteArray::number(id))
                                   .toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
}

qint64 decodeCursor(const QString &cursor)
{
    const auto decoded = QByteArray::fromBase64Encoding(cursor.toLatin1(), QByteArray::Base64UrlEncoding
                                                                                | QByteArray::AbortOnBase64DecodingErrors);
    if (!decoded || !decoded.decoded.startsWith("a:"))
        return -1;
    bool ok = false;
    const qint64 id = decoded.decoded.mid(2).toLongLong(&ok);
    return ok && id > 0 ? id : -1;
}

} // namespace

std::optional<ApiError> AuditLog::parseQuery(const RequestContext &context, AuditQuery *query)
{
    const auto has = [&](const char *key) { return context.query().hasQueryItem(QLatin1StringView(key)); };
    const auto value = [&](const char *key) { return context.queryValue(QLatin1StringView(key)); };

    if (has("action")) {
        query->action = value("action");
        const bool prefix = query->action.endsWith(QStringLiteral(".*"));
        if (!isValidAction(prefix ? query->action.chopped(2) + QStringLiteral(".x") : query->action)) {
            return badParameter(QStringLiteral("action"),
                                QStringLiteral("\"action\" is an action name such as member.removed, or a prefix "
                                               "such as member.* (got \"%1\").")
                                    .arg(query->action.left(100)));
        }
    }
    if (has("actor")) {
        query->actorUserId = value("actor");
        if (!isUuid(query->actorUserId))
            return badParameter(QStringLiteral("actor"), QStringLiteral("\"actor\" must be a user id (a UUID)."));
    }
    if (has("objectType"))
        query->objectType = value("objectType").left(100);
    if (has("objectId"))
        query->objectId = value("objectId").left(200);
    if (has("since")) {
        query->since = parseTime(value("since"));
        if (!query->since)
            return badParameter(QStringLiteral("since"),
                                QStringLiteral("\"since\" must be an ISO 8601 time such as 2026-01-31T12:00:00Z."));
    }
    if (has("until")) {
        query->until = parseTime(value("until"));
        if (!query->until)
            return badParameter(QStringLiteral("until"),
                                QStringLiteral("\"until\" must be an ISO 8601 time such as 2026-01-31T12:00:00Z."));
    }
    if (has("cursor")) {
        query->beforeId = decodeCursor(value("cursor"));
        if (query->beforeId < 0)
            return badParameter(QStringLiteral("cursor"),
                                QStringLiteral("\"cursor\" is not one this server gave out; use nextCursor as it came."));
    }
    if (has("limit")) {
        bool ok = false;
        query->limit = value("limit").toInt(&ok);
        if (!ok || query->limit < 1 || query->limit > 200)
            return badParameter(QStringLiteral("limit"), QStringLiteral("\"limit\" is a whole number from 1 to 200."));
    }
    return std::nullopt;
}

DbResult<AuditPage> AuditLog::list(const OrgScope &scope, const AuditQuery &query)
{
    return m_db.withTransaction(scope, [&](pqxx::work &tx) {
        QString actionExact = query.action;
        QString actionPrefix;
        if (query.action.endsWith(QStringLiteral(".*"))) {
            actionPrefix = query.action.chopped(1); // keeps the dot
            actionExact.clear();
        }
        const std::string since = query.since ? s(query.since->toString(Qt::ISODateWithMs)) : std::string();
        const std::string until = query.until ? s(query.until->toString(Qt::ISODateWithMs)) : std::string();
        const pqxx::result rows = tx.exec_params(
            "SELECT id, coalesce(actor_user_id::text, ''), action, object_type, object_id, details::text, "
            "coalesce(host(client_address), ''), request_id, " + iso("created_at") + " "
            "FROM audit_events "
            "WHERE org_id = NULLIF($1, '')::uuid "
            "AND ($2 = '' OR action = $2) "
            "AND ($3 = '' OR left(action, length($3)) = $3) "
            "AND ($4 = '' OR actor_user_id = NULLIF($4, '')::uuid) "
            "AND ($5 = '' OR object_type = $5) "
            "AND ($6 = '' OR object_id = $6) "
            "AND ($7 = '' OR created_at >= NULLIF($7, '')::timestamptz) "
            "AND ($8 = '' OR created_at < NULLIF($8, '')::timestamptz) "
            "AND ($9::bigint = 0 OR id < $9::bigint) "
            "ORDER BY id DESC LIMIT $10",
            s(scope.orgId), s(actionExact), s(actionPrefix), s(query.actorUserId), s(query.objectType),
            s(query.objectId), since, until, query.beforeId, query.limit + 1);
        AuditPage page;
        qint64 lastId = 0;
        for (int i = 0; i < int(rows.size()) && i < query.limit; ++i) {
            const auto &row = rows[i];
            lastId = row[0].as<qint64>();
            page.events.append(QJsonObject{
                {QStringLiteral("id"), QString::number(lastId)},
                {QStringLiteral("actorUserId"), q(row[1]).isEmpty() ? QJsonValue() : QJsonValue(q(row[1]))},
                {QStringLiteral("action"), q(row[2])},
                {QStringLiteral("objectType"), q(row[3])},
                {QStringLiteral("objectId"), q(row[4])},
                {QStringLiteral("details"), jsonObject(row[5])},
                {QStringLiteral("clientAddress"), q(row[6]).isEmpty() ? QJsonValue() : QJsonValue(q(row[6]))},
                {QStringLiteral("requestId"), q(row[7])},
                {QStringLiteral("createdAt"), q(row[8])},
            });
        }
        if (int(rows.size()) > query.limit)
            page.nextCursor = encodeCursor(lastId);
        return page;
    });
}

} // namespace slidespec::server
