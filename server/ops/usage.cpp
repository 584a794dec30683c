// SPDX-License-Identifier: GPL-3.0-or-later
#include "ops/usage.h"

#include "http/logging.h"
#include "http/requestcontext.h"
#include "ops/opsdb.h"

#include <QJsonArray>

#include <algorithm>

namespace slidespec::server {

using namespace opsdb;

namespace {

constexpr UsageKind allKinds[] = {UsageKind::Exports, UsageKind::Previews, UsageKind::Downloads,
                                  UsageKind::StorageBytes};

QJsonValue limitValue(const std::optional<qint64> &limit)
{
    return limit ? QJsonValue(*limit) : QJsonValue();
}

std::optional<qint64> optionalInt(const pqxx::field &field)
{
    if (field.is_null())
        return std::nullopt;
    return field.as<qint64>();
}

} // namespace

QString usageKindName(UsageKind kind)
{
    switch (kind) {
    case UsageKind::Exports:
        return QStringLiteral("exports");
    case UsageKind::Previews:
        return QStringLiteral("previews");
    case UsageKind::Downloads:
        return QStringLiteral("downloads");
    case UsageKind::StorageBytes:
        return QStringLiteral("storage_bytes");
    }
    return QStringLiteral("exports");
}

std::optional<UsageKind> usageKindFromName(QStringView name)
{
    for (const UsageKind kind : allKinds) {
        if (name == usageKindName(kind))
            return kind;
    }
    return std::nullopt;
}

bool isDailyKind(UsageKind kind)
{
    return kind != UsageKind::StorageBytes;
}

std::optional<qint64> PlanLimits::limit(UsageKind kind) const
{
    switch (kind) {
    case UsageKind::Exports:
        return exportsPerDay;
    case UsageKind::Previews:
        return previewsPerDay;
    case UsageKind::Downloads:
        return downloadsPerDay;
    case UsageKind::StorageBytes:
        return storageBytes;
    }
    return std::nullopt;
}

QJsonObject PlanLimits::toJson() const
{
    QJsonObject limits;
    for (const UsageKind kind : allKinds)
        limits.insert(usageKindName(kind), limitValue(limit(kind)));
    return {{QStringLiteral("name"), name}, {QStringLiteral("displayName"), displayName},
            {QStringLiteral("limits"), limits}};
}

ApiError QuotaExceeded::toApiError() const
{
    const QString what = usageKindName(kind);
    QString message;
    if (resetsAt.isValid()) {
        message = QStringLiteral("The %1 plan allows %2 %3 a day and %4 are used; this needs %5 more. The quota resets "
                                 "at %6 (UTC midnight); upgrade the plan for more.")
                      .arg(plan)
                      .arg(limit)
                      .arg(what)
                      .arg(used)
                      .arg(requested)
                      .arg(resetsAt.toString(Qt::ISODate));
    } else {
        message = QStringLiteral("The %1 plan allows %2 bytes of storage and %3 are used; this needs %4 more. Delete "
                                 "unused assets or upgrade the plan.")
                      .arg(plan)
                      .arg(limit)
                      .arg(used)
                      .arg(requested);
    }
    return {402, QStringLiteral("quota.exceeded"), message,
            {{QStringLiteral("kind"), what},
             {QStringLiteral("limit"), limit},
             {QStringLiteral("used"), used},
             {QStringLiteral("requested"), requested},
             {QStringLiteral("plan"), plan},
             {QStringLiteral("resets_at"),
              resetsAt.isValid() ? QJsonValue(resetsAt.toString(Qt::ISODate)) : QJsonValue()}}};
}

Usage::Usage(Database &db)
    : m_db(db)
{
}

PlanLimits Usage::plan(pqxx::transaction_base &tx, const QString &orgId)
{
    const pqxx::result rows = tx.exec_params(
        "SELECT p.name, p.display_name, p.exports_per_day, p.previews_per_day, p.downloads_per_day, p.storage_bytes "
        "FROM plans p WHERE p.name = coalesce((SELECT op.plan FROM org_plans op WHERE op.org_id = $1::uuid), 'free')",
        s(orgId));
    PlanLimits limits;
    if (rows.empty()) {
        // The free plan was deleted by an operator: meter without limits rather than refuse everything.
        limits.name = QStringLiteral("free");
        return limits;
    }
    const auto &row = rows[0];
    limits.name = q(row[0]);
    limits.displayName = q(row[1]);
    limits.exportsPerDay = optionalInt(row[2]);
    limits.previewsPerDay = optionalInt(row[3]);
    limits.downloadsPerDay = optionalInt(row[4]);
    limits.storageBytes = optionalInt(row[5]);
    return limits;
}

ChargeOutcome Usage::charge(pqxx::transaction_base &tx, const QString &orgId, UsageKind kind, qint64 amount)
{
    ChargeOutcome outcome;
    if (amount <= 0) {
        outcome.allowed = true;
        return outcome;
    }
    const PlanLimits limits = plan(tx, orgId);
    outcome.limit = limits.limit(kind);
    const std::string kindName = s(usageKindName(kind));
    const qint64 limit = outcome.limit.value_or(-1);

    pqxx::result updated;
    if (isDailyKind(kind)) {
        tx.exec_params0("INSERT INTO usage_daily (org_id, kind, day) VALUES ($1::uuid, $2, (now() AT TIME ZONE 'UTC')::date) "
                        "ON CONFLICT DO NOTHING",
                        s(orgId), kindName);
        // The one statement that decides: the row lock serialises concurrent
        // charges and the WHERE is re-checked on the row's latest version.
        updated = tx.exec_params(
            "UPDATE usage_daily SET used = used + $3 "
            "WHERE org_id = $1::uuid AND kind = $2 AND day = (now() AT TIME ZONE 'UTC')::date "
            "AND ($4::bigint < 0 OR used + $3 <= $4::bigint) RETURNING used",
            s(orgId), kindName, amount, limit);
    } else {
        tx.exec_params0("INSERT INTO usage_totals (org_id, kind) VALUES ($1::uuid, $2) ON CONFLICT DO NOTHING",
                        s(orgId), kindName);
        updated = tx.exec_params(
            "UPDATE usage_totals SET used = used + $3, updated_at = now() "
            "WHERE org_id = $1::uuid AND kind = $2 AND ($4::bigint < 0 OR used + $3 <= $4::bigint) RETURNING used",
            s(orgId), kindName, amount, limit);
        if (!updated.empty()) {
            tx.exec_params0("INSERT INTO usage_daily (org_id, kind, day, used) "
                            "VALUES ($1::uuid, $2, (now() AT TIME ZONE 'UTC')::date, $3) "
                            "ON CONFLICT (org_id, kind, day) DO UPDATE SET used = usage_daily.used + EXCLUDED.used",
                            s(orgId), kindName, amount);
        }
    }
    if (!updated.empty()) {
        outcome.allowed = true;
        outcome.used = updated[0][0].as<qint64>();
        return outcome;
    }

    // Refused: report the current figure and when it resets.
    const pqxx::row now = tx.exec_params1(
        isDailyKind(kind)
            ? "SELECT coalesce((SELECT used FROM usage_daily WHERE org_id = $1::uuid AND kind = $2 "
              "AND day = (now() AT TIME ZONE 'UTC')::date), 0), "
              "to_char((((now() AT TIME ZONE 'UTC')::date + 1)::timestamp), 'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"')"
            : "SELECT coalesce((SELECT used FROM usage_totals WHERE org_id = $1::uuid AND kind = $2), 0), ''",
        s(orgId), kindName);
    QuotaExceeded refused;
    refused.kind = kind;
    refused.plan = limits.name;
    refused.limit = limit;
    refused.used = now[0].as<qint64>();
    refused.requested = amount;
    if (isDailyKind(kind))
        refused.resetsAt = QDateTime::fromString(q(now[1]), Qt::ISODate);
    outcome.used = refused.used;
    outcome.refused = refused;
    return outcome;
}

void Usage::release(pqxx::transaction_base &tx, const QString &orgId, UsageKind kind, qint64 amount)
{
    if (amount <= 0)
        return;
    const std::string kindName = s(usageKindName(kind));
    if (!isDailyKind(kind)) {
        tx.exec_params0("UPDATE usage_totals SET used = greatest(0, used - $3), updated_at = now() "
                        "WHERE org_id = $1::uuid AND kind = $2",
                        s(orgId), kindName, amount);
    }
    tx.exec_params0("INSERT INTO usage_daily (org_id, kind, day, used) "
                    "VALUES ($1::uuid, $2, (now() AT TIME ZONE 'UTC')::date, -$3::bigint) "
                    "ON CONFLICT (org_id, kind, day) DO UPDATE SET used = usage_daily.used + EXCLUDED.used",
                    s(orgId), kindName, amount);
}

DbResult<ChargeOutcome> Usage::charge(const OrgScope &scope, UsageKind kind, qint64 amount)
{
    return m_db.withTransaction(scope, [&](pqxx::work &tx) { return charge(tx, scope.orgId, kind, amount); });
}

std::optional<ApiError> Usage::chargeOrRefuse(const OrgScope &scope, UsageKind kind, qint64 amount)
{
    const auto outcome = charge(scope, kind, amount);
    if (!outcome) {
        logging::error(QStringLiteral("usage charge failed"), {{QStringLiteral("error"), outcome.error().message}});
        return outcome.error().toApiError();
    }
    if (outcome->refused)
        return outcome->refused->toApiError();
    return std::nullopt;
}

HttpResponse Usage::refusalResponse(const ApiError &error)
{
    HttpResponse response(error);
    const QJsonValue resets = error.details.value(QStringLiteral("resets_at"));
    if (error.status == 402 && resets.isString()) {
        const QDateTime at = QDateTime::fromString(resets.toString(), Qt::ISODate);
        const qint64 seconds = at.isValid() ? QDateTime::currentDateTimeUtc().secsTo(at) : 0;
        response.setHeader("Retry-After", QByteArray::number(std::max<qint64>(1, seconds)));
    }
    return response;
}

DbResult<bool> Usage::setPlan(const OrgScope &scope, const QString &planName)
{
    return m_db.withTransaction(scope, [&](pqxx::work &tx) {
        if (tx.exec_params("SELECT 1 FROM plans WHERE name = $1", s(planName)).empty())
            return false;
        tx.exec_params0("INSERT INTO org_plans (org_id, plan) VALUES ($1::uuid, $2) "
                        "ON CONFLICT (org_id) DO UPDATE SET plan = EXCLUDED.plan, updated_at = now()",
                        s(scope.orgId), s(planName));
        return true;
    });
}

DbResult<QJsonObject> Usage::dashboard(const OrgScope &scope, QDate from, QDate to)
{
    return m_db.withTransaction(scope, [&](pqxx::work &tx) {
        const PlanLimits limits = plan(tx, scope.orgId);
        const pqxx::result series = tx.exec_params(
            "SELECT to_char(d.day, 'YYYY-MM-DD'), "
            "coalesce(sum(u.used) FILTER (WHERE u.kind = 'exports'), 0), "
            "coalesce(sum(u.used) FILTER (WHERE u.kind = 'previews'), 0), "
            "coalesce(sum(u.used) FILTER (WHERE u.kind = 'downloads'), 0), "
            "coalesce(sum(u.used) FILTER (WHERE u.kind = 'storage_bytes'), 0) "
            "FROM generate_series($2::date, $3::date, interval '1 day') AS d(day) "
            "LEFT JOIN usage_daily u ON u.org_id = $1::uuid AND u.day = d.day::date "
            "GROUP BY d.day ORDER BY d.day",
            s(scope.orgId), s(from.toString(Qt::ISODate)), s(to.toString(Qt::ISODate)));
        QJsonArray days;
        for (const auto &row : series) {
            days.append(QJsonObject{{QStringLiteral("day"), q(row[0])},
                                    {QStringLiteral("exports"), row[1].as<qint64>()},
                                    {QStringLiteral("previews"), row[2].as<qint64>()},
                                    {QStringLiteral("downloads"), row[3].as<qint64>()},
                                    {QStringLiteral("storage_bytes"), row[4].as<qint64>()}});
        }
        // Days older than the daily retention were rolled up into months by maintenance
        // (aggregate-usage): such months of the range come as totals.
        const pqxx::result monthly = tx.exec_params(
            "SELECT to_char(m.month, 'YYYY-MM'), "
            "coalesce(sum(m.used) FILTER (WHERE m.kind = 'exports'), 0), "
            "coalesce(sum(m.used) FILTER (WHERE m.kind = 'previews'), 0), "
            "coalesce(sum(m.used) FILTER (WHERE m.kind = 'downloads'), 0), "
            "coalesce(sum(m.used) FILTER (WHERE m.kind = 'storage_bytes'), 0) "
            "FROM usage_monthly m WHERE m.org_id = $1::uuid "
            "AND m.month BETWEEN date_trunc('month', $2::date::timestamp)::date AND $3::date "
            "GROUP BY m.month ORDER BY m.month",
            s(scope.orgId), s(from.toString(Qt::ISODate)), s(to.toString(Qt::ISODate)));
        QJsonArray months;
        for (const auto &row : monthly) {
            months.append(QJsonObject{{QStringLiteral("month"), q(row[0])},
                                      {QStringLiteral("exports"), row[1].as<qint64>()},
                                      {QStringLiteral("previews"), row[2].as<qint64>()},
                                      {QStringLiteral("downloads"), row[3].as<qint64>()},
                                      {QStringLiteral("storage_bytes"), row[4].as<qint64>()}});
        }
        const pqxx::row today = tx.exec_params1(
            "SELECT "
            "coalesce((SELECT used FROM usage_daily WHERE org_id = $1::uuid AND kind = 'exports' AND day = (now() AT TIME ZONE 'UTC')::date), 0), "
            "coalesce((SELECT used FROM usage_daily WHERE org_id = $1::uuid AND kind = 'previews' AND day = (now() AT TIME ZONE 'UTC')::date), 0), "
            "coalesce((SELECT used FROM usage_daily WHERE org_id = $1::uuid AND kind = 'downloads' AND day = (now() AT TIME ZONE 'UTC')::date), 0), "
            "coalesce((SELECT used FROM usage_totals WHERE org_id = $1::uuid AND kind = 'storage_bytes'), 0), "
            "to_char((((now() AT TIME ZONE 'UTC')::date + 1)::timestamp), 'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"'), "
            "to_char((now() AT TIME ZONE 'UTC')::date, 'YYYY-MM-DD')",
            s(scope.orgId));
        QJsonObject current;
        for (int i = 0; i < 4; ++i) {
            const UsageKind kind = allKinds[i];
            current.insert(usageKindName(kind),
                           QJsonObject{{QStringLiteral("used"), today[i].as<qint64>()},
                                       {QStringLiteral("limit"), limitValue(limits.limit(kind))},
                                       {QStringLiteral("resets_at"), isDailyKind(kind) ? QJsonValue(q(today[4])) : QJsonValue()}});
        }
        return QJsonObject{{QStringLiteral("plan"), limits.toJson()},
                           {QStringLiteral("today"), q(today[5])},
                           {QStringLiteral("current"), current},
                           {QStringLiteral("from"), from.toString(Qt::ISODate)},
                           {QStringLiteral("to"), to.toString(Qt::ISODate)},
                           {QStringLiteral("series"), days},
                           {QStringLiteral("rolledUpMonths"), months}};
    });
}

std::optional<ApiError> Usage::parseRange(const RequestContext &context, QDate *from, QDate *to)
{
    const QDate today = QDateTime::currentDateTimeUtc().date();
    *to = today;
    *from = today.addDays(-29);
    const auto parse = [&](const char *key, QDate *out) -> std::optional<ApiError> {
        const QString name = QLatin1StringView(key);
        if (!context.query().hasQueryItem(name))
            return std::nullopt;
        const QDate d = QDate::fromString(context.queryValue(name), Qt::ISODate);
        if (!d.isValid()) {
            return ApiError::badRequest(QStringLiteral("request.invalid_parameter"),
                                        QStringLiteral("\"%1\" must be a date such as 2026-01-31.").arg(name),
                                        {{QStringLiteral("parameter"), name}});
        }
        *out = d;
        return std::nullopt;
    };
    if (auto e = parse("to", to))
        return e;
    if (!context.query().hasQueryItem(QStringLiteral("from")))
        *from = to->addDays(-29);
    if (auto e = parse("from", from))
        return e;
    if (*from > *to) {
        return ApiError::badRequest(QStringLiteral("request.invalid_parameter"),
                                    QStringLiteral("\"from\" must not be after \"to\"."),
                                    {{QStringLiteral("parameter"), QStringLiteral("from")}});
    }
    if (from->daysTo(*to) >= 366) {
        return ApiError::badRequest(QStringLiteral("request.invalid_parameter"),
                                    QStringLiteral("The range is at most 366 days; ask for a shorter one."),
                                    {{QStringLiteral("parameter"), QStringLiteral("from")}});
    }
    return std::nullopt;
}

} // namespace slidespec::server
