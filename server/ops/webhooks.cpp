// SPDX-License-Identifier: GPL-3.0-or-later
#include "ops/webhooks.h"

#include "http/logging.h"
#include "ops/auditlog.h"
#include "ops/opsdb.h"

#include <QHostInfo>
#include <QJsonDocument>
#include <QMessageAuthenticationCode>
#include <QRandomGenerator>
#include <QSet>

#include <algorithm>
#include <cstdlib>

namespace slidespec::server {

using namespace opsdb;
using namespace std::chrono;

namespace {

constexpr int maxWebhooksPerOrg = 25;

ApiError invalidUrl(const QString &message)
{
    return ApiError::badRequest(QStringLiteral("webhooks.invalid_url"), message, {{QStringLiteral("field"), QStringLiteral("url")}});
}

ApiError invalidField(const QString &field, const QString &message)
{
    return ApiError::badRequest(QStringLiteral("request.invalid_field"), message, {{QStringLiteral("field"), field}});
}

QHostAddress unmapped(const QHostAddress &address)
{
    bool ok = false;
    const quint32 v4 = address.toIPv4Address(&ok);
    return ok ? QHostAddress(v4) : address;
}

bool inNetworks(const QHostAddress &address, const QList<QPair<QHostAddress, int>> &networks)
{
    for (const auto &net : networks) {
        if (address.isInSubnet(net))
            return true;
    }
    return false;
}

QString newSecret()
{
    QByteArray bytes(32, Qt::Uninitialized);
    QRandomGenerator::system()->generate(reinterpret_cast<quint32 *>(bytes.data()),
                                         reinterpret_cast<quint32 *>(bytes.data() + bytes.size()));
    return QStringLiteral("whsec_")
           + QString::fromLatin1(bytes.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
}

const char *webhookColumns()
{
    return "id::text, url, array_to_json(events)::text, description, active, "
           "to_char(created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS.MS\"Z\"'), "
           "to_char(updated_at AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS.MS\"Z\"')";
}

QJsonObject webhookJson(const pqxx::row &row)
{
    return {{QStringLiteral("id"), q(row[0])},
            {QStringLiteral("url"), q(row[1])},
            {QStringLiteral("events"), QJsonDocument::fromJson(QByteArray::fromStdString(row[2].c_str())).array()},
            {QStringLiteral("description"), q(row[3])},
            {QStringLiteral("active"), row[4].as<bool>()},
            {QStringLiteral("createdAt"), q(row[5])},
            {QStringLiteral("updatedAt"), q(row[6])}};
}

std::string pgTextArray(const QStringList &items)
{
    // Event names are validated ([a-z._]) before they get here: no quoting needed.
    return s(QLatin1Char('{') + items.join(QLatin1Char(',')) + QLatin1Char('}'));
}

ApiError dbFailure(const DbError &error, const char *what)
{
    logging::error(QStringLiteral("webhooks database step failed"),
                   {{QStringLiteral("step"), QString::fromLatin1(what)}, {QStringLiteral("error"), error.message}});
    return error.toApiError();
}

} // namespace

milliseconds WebhookConfig::retryDelay(int attempt) const
{
    if (retryDelays.empty())
        return seconds(60);
    const size_t index = size_t(std::clamp<int>(attempt, 1, int(retryDelays.size())) - 1);
    return retryDelays[index];
}

bool WebhookConfig::fromEnvironment(const QProcessEnvironment &env, WebhookConfig *config, QStringList *errors)
{
    bool ok = true;
    const QString loopback = env.value(QStringLiteral("SLIDESPEC_WEBHOOK_ALLOW_HTTP_LOOPBACK")).trimmed();
    if (!loopback.isEmpty()) {
        if (loopback == u"1" || loopback == u"true")
            config->allowHttpLoopback = true;
        else if (loopback == u"0" || loopback == u"false")
            config->allowHttpLoopback = false;
        else {
            errors->append(QStringLiteral("SLIDESPEC_WEBHOOK_ALLOW_HTTP_LOOPBACK must be 1 or 0 (got \"%1\").").arg(loopback));
            ok = false;
        }
    }
    const QString networks = env.value(QStringLiteral("SLIDESPEC_WEBHOOK_ALLOWED_NETWORKS")).trimmed();
    if (!networks.isEmpty()) {
        for (const QString &item : networks.split(QLatin1Char(','), Qt::SkipEmptyParts)) {
            const auto subnet = QHostAddress::parseSubnet(item.trimmed());
            if (subnet.first.isNull()) {
                errors->append(QStringLiteral("SLIDESPEC_WEBHOOK_ALLOWED_NETWORKS: \"%1\" is not a network such as "
                                              "10.1.0.0/16 or fd00::/8.")
                                   .arg(item.trimmed()));
                ok = false;
                continue;
            }
            config->allowedNetworks.append(subnet);
        }
    }
    return ok;
}

QStringList webhookEventNames()
{
    return {QStringLiteral("deck.created"),    QStringLiteral("deck.updated"),   QStringLiteral("deck.deleted"),
            QStringLiteral("deck.restored"),   QStringLiteral("asset.uploaded"), QStringLiteral("job.succeeded"),
            QStringLiteral("job.failed"),      QStringLiteral("job.cancelled"), QStringLiteral("member.added"),   QStringLiteral("member.removed"),
            QStringLiteral("member.role_changed")};
}

bool WebhookUrlGuard::isNonPublic(const QHostAddress &raw)
{
    const QHostAddress address = unmapped(raw);
    if (address.isNull() || address.isLoopback() || address.isMulticast() || address.isLinkLocal()
        || address.isBroadcast() || address.isUniqueLocalUnicast() || address.isSiteLocal()
        || address == QHostAddress(QHostAddress::AnyIPv4) || address == QHostAddress(QHostAddress::AnyIPv6)) {
        return true;
    }
    static const char *const blocked[] = {
        "0.0.0.0/8",      "10.0.0.0/8",      "100.64.0.0/10",   "127.0.0.0/8",     "169.254.0.0/16",
        "172.16.0.0/12",  "192.0.0.0/24",    "192.0.2.0/24",    "192.168.0.0/16",  "198.18.0.0/15",
        "198.51.100.0/24", "203.0.113.0/24", "224.0.0.0/4",     "240.0.0.0/4",     "::/128",
        "::1/128",        "fc00::/7",        "fe80::/10",       "ff00::/8",        "2001:db8::/32",
        "64:ff9b::/96",   "64:ff9b:1::/48",  "100::/64",        "2002::/16",
    };
    for (const char *net : blocked) {
        if (address.isInSubnet(QHostAddress::parseSubnet(QLatin1StringView(net))))
            return true;
    }
    return false;
}

ServiceResult<WebhookTarget> WebhookUrlGuard::check(const QString &text, const WebhookConfig &config)
{
    if (text.size() > 2000)
        return invalidUrl(QStringLiteral("The URL is longer than 2000 characters."));
    const QUrl url(text, QUrl::StrictMode);
    if (!url.isValid() || url.isRelative() || url.host().isEmpty())
        return invalidUrl(QStringLiteral("\"%1\" is not an absolute URL such as https://example.com/hooks/slidespec.")
                              .arg(text.left(200)));
    const QString scheme = url.scheme().toLower();
    if (scheme != u"https" && scheme != u"http")
        return invalidUrl(QStringLiteral("Webhook URLs must use https (got %1:).").arg(scheme));
    if (!url.userInfo().isEmpty())
        return invalidUrl(QStringLiteral("Webhook URLs cannot carry a user name or password; authenticate the request by its signature."));
    if (url.hasFragment())
        return invalidUrl(QStringLiteral("Webhook URLs cannot have a #fragment."));

    WebhookTarget target;
    target.url = url;
    target.host = url.host(QUrl::FullyEncoded);
    target.tls = scheme == u"https";
    target.port = quint16(url.port(target.tls ? 443 : 80));

    QHostAddress literal;
    if (literal.setAddress(url.host())) {
        target.addresses = {literal};
    } else {
        const QHostInfo info = QHostInfo::fromName(url.host());
        if (info.error() != QHostInfo::NoError || info.addresses().isEmpty())
            return invalidUrl(QStringLiteral("The host \"%1\" does not resolve.").arg(url.host()));
        target.addresses = info.addresses();
    }

    bool allLoopback = true;
    for (const QHostAddress &address : std::as_const(target.addresses)) {
        const QHostAddress a = unmapped(address);
        allLoopback = allLoopback && a.isLoopback();
        if (!isNonPublic(a))
            continue;
        if (inNetworks(a, config.allowedNetworks))
            continue;
        if (config.allowHttpLoopback && a.isLoopback())
            continue;
        return invalidUrl(QStringLiteral("\"%1\" resolves to %2, a private, loopback or reserved address that webhooks "
                                         "may not reach. An operator can allow a network with "
                                         "SLIDESPEC_WEBHOOK_ALLOWED_NETWORKS.")
                              .arg(url.host(), a.toString()));
    }
    if (!target.tls && !(config.allowHttpLoopback && allLoopback))
        return invalidUrl(QStringLiteral("Webhook URLs must use https (http is accepted only to loopback with "
                                         "SLIDESPEC_WEBHOOK_ALLOW_HTTP_LOOPBACK=1, for development)."));
    return target;
}

QByteArray webhookSignature(const QByteArray &secret, qint64 unixTime, const QByteArray &body)
{
    const QByteArray t = QByteArray::number(unixTime);
    const QByteArray mac = QMessageAuthenticationCode::hash(t + '.' + body, secret, QCryptographicHash::Sha256);
    return "t=" + t + ",v1=" + mac.toHex();
}

bool verifyWebhookSignature(const QByteArray &header, const QByteArray &secret, const QByteArray &body, qint64 nowUnix,
                            qint64 toleranceSeconds)
{
    QByteArray t;
    QList<QByteArray> candidates;
    for (const QByteArray &part : header.split(',')) {
        const QByteArray p = part.trimmed();
        if (p.startsWith("t="))
            t = p.mid(2);
        else if (p.startsWith("v1="))
            candidates.append(p.mid(3));
    }
    bool ok = false;
    const qint64 when = t.toLongLong(&ok);
    if (!ok || std::llabs(nowUnix - when) > toleranceSeconds)
        return false;
    const QByteArray expected = webhookSignature(secret, when, body).mid(int(t.size()) + 6);
    for (const QByteArray &candidate : candidates) {
        if (candidate.size() != expected.size())
            continue;
        unsigned char diff = 0;
        for (qsizetype i = 0; i < expected.size(); ++i)
            diff |= static_cast<unsigned char>(candidate.at(i) ^ expected.at(i));
        if (diff == 0)
            return true;
    }
    return false;
}

Webhooks::Webhooks(Database &db, WebhookConfig config)
    : m_db(db)
    , m_config(std::move(config))
{
}

int Webhooks::emitEvent(pqxx::transaction_base &tx, const QString &orgId, const QString &event, const QJsonObject &data)
{
    const pqxx::result rows = tx.exec_params(
        "WITH targets AS ("
        "  SELECT w.id AS webhook_id, w.org_id, gen_random_uuid() AS delivery_id FROM webhooks w"
        "  WHERE w.org_id = $1::uuid AND w.active AND $2 = ANY (w.events)) "
        "INSERT INTO webhook_deliveries (id, org_id, webhook_id, event, body) "
        "SELECT t.delivery_id, t.org_id, t.webhook_id, $2, "
        "  jsonb_build_object('id', t.delivery_id, 'event', $2, 'orgId', t.org_id, "
        "    'createdAt', to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS.MS\"Z\"'), "
        "    'data', $3::jsonb)::text "
        "FROM targets t",
        s(orgId), s(event), json(data));
    return int(rows.affected_rows());
}

DbResult<int> Webhooks::emitEvent(const OrgScope &scope, const QString &event, const QJsonObject &data)
{
    return m_db.withTransaction(scope, [&](pqxx::work &tx) { return emitEvent(tx, scope.orgId, event, data); });
}

std::optional<ApiError> Webhooks::validate(const QJsonObject &body, bool creating, QString *url, QStringList *events,
                                           QString *description, std::optional<bool> *active) const
{
    const QJsonValue urlValue = body.value(QStringLiteral("url"));
    if (!urlValue.isUndefined()) {
        if (!urlValue.isString())
            return invalidField(QStringLiteral("url"), QStringLiteral("\"url\" must be a string."));
        *url = urlValue.toString().trimmed();
    } else if (creating) {
        return invalidField(QStringLiteral("url"), QStringLiteral("\"url\" is required."));
    }
    const QJsonValue eventsValue = body.value(QStringLiteral("events"));
    if (!eventsValue.isUndefined()) {
        const QStringList known = webhookEventNames();
        if (!eventsValue.isArray() || eventsValue.toArray().isEmpty())
            return invalidField(QStringLiteral("events"),
                                QStringLiteral("\"events\" must be a non-empty array of event names: %1.").arg(known.join(QStringLiteral(", "))));
        QSet<QString> seen;
        for (const QJsonValue &v : eventsValue.toArray()) {
            if (!v.isString() || !known.contains(v.toString()))
                return invalidField(QStringLiteral("events"),
                                    QStringLiteral("Unknown event \"%1\"; the events are: %2.")
                                        .arg(v.isString() ? v.toString().left(100) : QStringLiteral("(not a string)"),
                                             known.join(QStringLiteral(", "))));
            if (!seen.contains(v.toString())) {
                seen.insert(v.toString());
                events->append(v.toString());
            }
        }
    } else if (creating) {
        return invalidField(QStringLiteral("events"), QStringLiteral("\"events\" is required (an array of event names)."));
    }
    const QJsonValue descriptionValue = body.value(QStringLiteral("description"));
    if (!descriptionValue.isUndefined() && !descriptionValue.isNull()) {
        if (!descriptionValue.isString() || descriptionValue.toString().size() > 500)
            return invalidField(QStringLiteral("description"), QStringLiteral("\"description\" is a string of at most 500 characters."));
        *description = descriptionValue.toString();
    }
    const QJsonValue activeValue = body.value(QStringLiteral("active"));
    if (!activeValue.isUndefined()) {
        if (!activeValue.isBool())
            return invalidField(QStringLiteral("active"), QStringLiteral("\"active\" must be true or false."));
        *active = activeValue.toBool();
    }
    for (auto it = body.begin(); it != body.end(); ++it) {
        static const QStringList fields{QStringLiteral("url"), QStringLiteral("events"), QStringLiteral("description"),
                                        QStringLiteral("active")};
        if (!fields.contains(it.key()))
            return invalidField(it.key(), QStringLiteral("Unknown field \"%1\"; webhooks have url, events, description, active.")
                                              .arg(it.key().left(100)));
    }
    if (!url->isEmpty()) {
        const auto target = WebhookUrlGuard::check(*url, m_config);
        if (!target)
            return target.error();
    }
    return std::nullopt;
}

ServiceResult<QJsonObject> Webhooks::create(const OrgScope &scope, const QJsonObject &body, const AuditEvent *audit)
{
    QString url, description;
    QStringList events;
    std::optional<bool> active;
    if (auto error = validate(body, true, &url, &events, &description, &active))
        return *error;
    const QString secret = newSecret();
    std::optional<ApiError> refused;
    auto result = m_db.withTransaction(scope, [&](pqxx::work &tx) -> QJsonObject {
        // Serialise creations per org so the count check holds.
        tx.exec_params("SELECT pg_advisory_xact_lock(hashtext('webhooks:' || $1))", s(scope.orgId));
        const auto count = tx.exec_params1("SELECT count(*) FROM webhooks WHERE org_id = $1::uuid", s(scope.orgId))[0].as<int>();
        if (count >= maxWebhooksPerOrg) {
            refused = ApiError::conflict(QStringLiteral("webhooks.limit_reached"),
                                         QStringLiteral("An org can have at most %1 webhooks; delete one first.").arg(maxWebhooksPerOrg));
            return {};
        }
        const pqxx::row row = tx.exec_params1(
            std::string("INSERT INTO webhooks (org_id, url, events, secret, description, active, created_by) "
                        "VALUES ($1::uuid, $2, $3::text[], $4, $5, $6, NULLIF($7, '')::uuid) RETURNING ")
                + webhookColumns(),
            s(scope.orgId), s(url), pgTextArray(events), s(secret), s(description), active.value_or(true), s(scope.userId));
        QJsonObject webhook = webhookJson(row);
        if (audit) {
            AuditEvent event = *audit;
            event.objectType = QStringLiteral("webhook");
            event.objectId = webhook.value(QStringLiteral("id")).toString();
            event.details.insert(QStringLiteral("url"), url);
            event.details.insert(QStringLiteral("events"), QJsonArray::fromStringList(events));
            AuditLog::record(tx, event);
        }
        return webhook;
    });
    if (refused)
        return *refused;
    if (!result)
        return dbFailure(result.error(), "create");
    QJsonObject webhook = result.value();
    webhook.insert(QStringLiteral("secret"), secret);
    return webhook;
}

ServiceResult<QJsonArray> Webhooks::list(const OrgScope &scope)
{
    auto result = m_db.withTransaction(scope, [&](pqxx::work &tx) {
        QJsonArray out;
        for (const auto &row : tx.exec_params(std::string("SELECT ") + webhookColumns()
                                                  + " FROM webhooks WHERE org_id = $1::uuid ORDER BY created_at, id",
                                              s(scope.orgId)))
            out.append(webhookJson(row));
        return out;
    });
    if (!result)
        return dbFailure(result.error(), "list");
    return result.value();
}

ServiceResult<QJsonObject> Webhooks::get(const OrgScope &scope, const QString &id)
{
    if (!isUuid(id))
        return ApiError::notFound(QStringLiteral("webhook"));
    auto result = m_db.withTransaction(scope, [&](pqxx::work &tx) -> std::optional<QJsonObject> {
        const auto rows = tx.exec_params(std::string("SELECT ") + webhookColumns()
                                             + " FROM webhooks WHERE org_id = $1::uuid AND id = $2::uuid",
                                         s(scope.orgId), s(id));
        if (rows.empty())
            return std::nullopt;
        return webhookJson(rows[0]);
    });
    if (!result)
        return dbFailure(result.error(), "get");
    if (!result.value())
        return ApiError::notFound(QStringLiteral("webhook"));
    return *result.value();
}

ServiceResult<QJsonObject> Webhooks::update(const OrgScope &scope, const QString &id, const QJsonObject &body,
                                        const AuditEvent *audit)
{
    if (!isUuid(id))
        return ApiError::notFound(QStringLiteral("webhook"));
    QString url, description;
    QStringList events;
    std::optional<bool> active;
    if (auto error = validate(body, false, &url, &events, &description, &active))
        return *error;
    const bool hasDescription = body.contains(QStringLiteral("description"));
    auto result = m_db.withTransaction(scope, [&](pqxx::work &tx) -> std::optional<QJsonObject> {
        const auto rows = tx.exec_params(
            std::string("UPDATE webhooks SET "
                        "url = CASE WHEN $3 = '' THEN url ELSE $3 END, "
                        "events = CASE WHEN $4 = '{}' THEN events ELSE $4::text[] END, "
                        "description = CASE WHEN $5 THEN $6 ELSE description END, "
                        "active = CASE WHEN $7 THEN $8 ELSE active END, "
                        "updated_at = now() "
                        "WHERE org_id = $1::uuid AND id = $2::uuid RETURNING ")
                + webhookColumns(),
            s(scope.orgId), s(id), s(url), pgTextArray(events), hasDescription, s(description), active.has_value(),
            active.value_or(true));
        if (rows.empty())
            return std::nullopt;
        if (audit) {
            AuditEvent event = *audit;
            event.objectType = QStringLiteral("webhook");
            event.objectId = id;
            event.details.insert(QStringLiteral("changed"), QJsonArray::fromStringList(body.keys()));
            AuditLog::record(tx, event);
        }
        return webhookJson(rows[0]);
    });
    if (!result)
        return dbFailure(result.error(), "update");
    if (!result.value())
        return ApiError::notFound(QStringLiteral("webhook"));
    return *result.value();
}

ServiceResult<bool> Webhooks::remove(const OrgScope &scope, const QString &id, const AuditEvent *audit)
{
    if (!isUuid(id))
        return ApiError::notFound(QStringLiteral("webhook"));
    auto result = m_db.withTransaction(scope, [&](pqxx::work &tx) {
        const auto rows = tx.exec_params("DELETE FROM webhooks WHERE org_id = $1::uuid AND id = $2::uuid RETURNING url",
                                         s(scope.orgId), s(id));
        if (rows.empty())
            return false;
        if (audit) {
            AuditEvent event = *audit;
            event.objectType = QStringLiteral("webhook");
            event.objectId = id;
            event.details.insert(QStringLiteral("url"), q(rows[0][0]));
            AuditLog::record(tx, event);
        }
        return true;
    });
    if (!result)
        return dbFailure(result.error(), "delete");
    if (!result.value())
        return ApiError::notFound(QStringLiteral("webhook"));
    return true;
}

ServiceResult<QJsonObject> Webhooks::deliveries(const OrgScope &scope, const QString &id, int limit)
{
    if (!isUuid(id))
        return ApiError::notFound(QStringLiteral("webhook"));
    auto result = m_db.withTransaction(scope, [&](pqxx::work &tx) -> std::optional<QJsonObject> {
        if (tx.exec_params("SELECT 1 FROM webhooks WHERE org_id = $1::uuid AND id = $2::uuid", s(scope.orgId), s(id)).empty())
            return std::nullopt;
        const auto rows = tx.exec_params(
            "SELECT d.id::text, d.event, d.state, d.attempts, d.max_attempts, "
            "to_char(d.next_attempt_at AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS.MS\"Z\"'), "
            "d.last_status, coalesce(d.last_error, ''), "
            "to_char(d.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS.MS\"Z\"'), "
            "coalesce(to_char(d.finished_at AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS.MS\"Z\"'), ''), d.body, "
            "coalesce((SELECT json_agg(json_build_object('attempt', a.attempt, 'status', a.response_status, "
            "  'error', a.error, 'durationMs', a.duration_ms, "
            "  'at', to_char(a.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS.MS\"Z\"')) ORDER BY a.attempt) "
            "  FROM webhook_delivery_attempts a WHERE a.delivery_id = d.id), '[]')::text "
            "FROM webhook_deliveries d WHERE d.org_id = $1::uuid AND d.webhook_id = $2::uuid "
            "ORDER BY d.created_at DESC, d.id LIMIT $3",
            s(scope.orgId), s(id), limit);
        QJsonArray out;
        for (const auto &row : rows) {
            out.append(QJsonObject{
                {QStringLiteral("id"), q(row[0])},
                {QStringLiteral("event"), q(row[1])},
                {QStringLiteral("state"), q(row[2])},
                {QStringLiteral("attempts"), row[3].as<int>()},
                {QStringLiteral("maxAttempts"), std::min(row[4].as<int>(), m_config.maxAttempts)},
                {QStringLiteral("nextAttemptAt"), q(row[2]) == u"pending" ? QJsonValue(q(row[5])) : QJsonValue()},
                {QStringLiteral("lastStatus"), row[6].is_null() ? QJsonValue() : QJsonValue(row[6].as<int>())},
                {QStringLiteral("lastError"), q(row[7]).isEmpty() ? QJsonValue() : QJsonValue(q(row[7]))},
                {QStringLiteral("createdAt"), q(row[8])},
                {QStringLiteral("finishedAt"), q(row[9]).isEmpty() ? QJsonValue() : QJsonValue(q(row[9]))},
                {QStringLiteral("payload"), QJsonDocument::fromJson(QByteArray::fromStdString(row[10].c_str())).object()},
                {QStringLiteral("log"), QJsonDocument::fromJson(QByteArray::fromStdString(row[11].c_str())).array()},
            });
        }
        return QJsonObject{{QStringLiteral("deliveries"), out}};
    });
    if (!result)
        return dbFailure(result.error(), "deliveries");
    if (!result.value())
        return ApiError::notFound(QStringLiteral("webhook"));
    return *result.value();
}

ServiceResult<QJsonObject> Webhooks::sendTest(const OrgScope &scope, const QString &id)
{
    if (!isUuid(id))
        return ApiError::notFound(QStringLiteral("webhook"));
    auto result = m_db.withTransaction(scope, [&](pqxx::work &tx) -> std::optional<QJsonObject> {
        const auto rows = tx.exec_params(
            "WITH target AS (SELECT w.id AS webhook_id, w.org_id, gen_random_uuid() AS delivery_id FROM webhooks w "
            "  WHERE w.org_id = $1::uuid AND w.id = $2::uuid) "
            "INSERT INTO webhook_deliveries (id, org_id, webhook_id, event, body) "
            "SELECT t.delivery_id, t.org_id, t.webhook_id, 'ping', "
            "  jsonb_build_object('id', t.delivery_id, 'event', 'ping', 'orgId', t.org_id, "
            "    'createdAt', to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS.MS\"Z\"'), "
            "    'data', jsonb_build_object('webhookId', t.webhook_id, 'message', 'Slidespec webhook test'))::text "
            "FROM target t RETURNING id::text",
            s(scope.orgId), s(id));
        if (rows.empty())
            return std::nullopt;
        return QJsonObject{{QStringLiteral("deliveryId"), q(rows[0][0])}, {QStringLiteral("event"), QStringLiteral("ping")},
                           {QStringLiteral("state"), QStringLiteral("pending")}};
    });
    if (!result)
        return dbFailure(result.error(), "test");
    if (!result.value())
        return ApiError::notFound(QStringLiteral("webhook"));
    return *result.value();
}

} // namespace slidespec::server
