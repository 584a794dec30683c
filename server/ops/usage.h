// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "db/database.h"
#include "http/apierror.h"
#include "http/httpresponse.h"

#include <QDate>
#include <QDateTime>
#include <QJsonObject>
#include <QString>
#include <QStringView>

#include <optional>

namespace slidespec::server {

class RequestContext;

/*! \brief What is metered. */
enum class UsageKind {
    Exports,      //!< per UTC day: exports started
    Previews,     //!< per UTC day: previews rendered
    Downloads,    //!< per UTC day: asset and export downloads
    StorageBytes, //!< bytes stored now (quota on the total; the daily series shows bytes added)
};

/*! "exports", "previews", "downloads", "storage_bytes". */
QString usageKindName(UsageKind kind);
std::optional<UsageKind> usageKindFromName(QStringView name);
/*! True for the kinds whose quota is per day (all but StorageBytes). */
bool isDailyKind(UsageKind kind);

/*! \brief A plan and its quotas; nullopt = unlimited. */
struct PlanLimits
{
    QString name = QStringLiteral("free");
    QString displayName = QStringLiteral("Free");
    std::optional<qint64> exportsPerDay{};
    std::optional<qint64> previewsPerDay{};
    std::optional<qint64> downloadsPerDay{};
    std::optional<qint64> storageBytes{};

    std::optional<qint64> limit(UsageKind kind) const;
    /*! {name, displayName, limits: {exports, previews, downloads, storage_bytes}} (null = unlimited). */
    QJsonObject toJson() const;
};

/*!
 * \brief A refused charge: what would have gone over which limit.
 */
struct QuotaExceeded
{
    UsageKind kind = UsageKind::Exports;
    QString plan{};
    qint64 limit = 0;
    qint64 used = 0;      //!< used before the refused charge
    qint64 requested = 0; //!< the refused amount
    QDateTime resetsAt{}; //!< next UTC midnight for daily kinds; invalid for storage

    /*!
     * \brief 402 `quota.exceeded`, details {kind, limit, used, requested,
     * plan, resets_at (ISO 8601 or null)}. docs/operations.md says why 402
     * and not 429.
     */
    ApiError toApiError() const;
};

/*! \brief The result of a charge. */
struct ChargeOutcome
{
    bool allowed = false;
    qint64 used = 0;                     //!< after the charge (allowed) or before it (refused)
    std::optional<qint64> limit{};       //!< nullopt: unlimited
    std::optional<QuotaExceeded> refused{};
};

/*!
 * \brief Usage metering and plan quotas (migration 0031).
 *
 * charge() adds to the org's counter for the kind (today's, or the storage
 * total) only when the result stays within the plan's limit, in one
 * conditional UPDATE: concurrent charges are serialised by the row lock and
 * each re-checks the limit against the latest value, so the limit is never
 * exceeded (tst_usage charges from 20 threads at once to prove it).
 *
 * Charge inside the transaction of the work itself when it has one, so a
 * rolled-back export is not counted:
 * \code
 * db.withTransaction(ctx.orgScope(), [&](pqxx::work &tx) {
 *     const auto charged = Usage::charge(tx, ctx.orgId(), UsageKind::Exports, 1);
 *     if (!charged.allowed)
 *         { refusal = charged.refused->toApiError(); throw Rollback(); }
 *     ... enqueue the export ...
 * });
 * \endcode
 */
class Usage
{
public:
    explicit Usage(Database &db);

    /*!
     * \brief Charges \a amount (> 0) of \a kind to \a orgId with \a tx, whose
     * scope must be that org. Refused charges change nothing. Throws what
     * libpqxx throws (call inside withTransaction).
     */
    static ChargeOutcome charge(pqxx::transaction_base &tx, const QString &orgId, UsageKind kind, qint64 amount);

    /*! Gives back \a amount of a total (storage bytes freed). Never refused; never below zero. */
    static void release(pqxx::transaction_base &tx, const QString &orgId, UsageKind kind, qint64 amount);

    /*! The plan of \a orgId (free when none is set). */
    static PlanLimits plan(pqxx::transaction_base &tx, const QString &orgId);

    /*! charge() in a transaction of its own. */
    DbResult<ChargeOutcome> charge(const OrgScope &scope, UsageKind kind, qint64 amount);

    /*!
     * \brief Charges and says what to answer: nullopt when allowed, else
     * 402 `quota.exceeded` (with Retry-After-worthy details) or the database
     * error (503/500).
     */
    std::optional<ApiError> chargeOrRefuse(const OrgScope &scope, UsageKind kind, qint64 amount);

    /*!
     * \brief \a error as a response; a daily-quota refusal (402 with
     * details.resets_at) also carries Retry-After: the seconds until the
     * reset.
     */
    static HttpResponse refusalResponse(const ApiError &error);

    /*! Puts the org on \a planName (an operator action). False when the plan does not exist. */
    DbResult<bool> setPlan(const OrgScope &scope, const QString &planName);

    /*!
     * \brief The dashboard: the plan and its limits, today's use of each
     * kind against its limit, and a per-day series from \a from to \a to
     * (UTC days, inclusive, zeros filled), plus `rolledUpMonths`: the
     * monthly totals of the range's months whose days maintenance rolled up
     * (days older than the daily retention show 0 in the series).
     */
    DbResult<QJsonObject> dashboard(const OrgScope &scope, QDate from, QDate to);

    /*!
     * \brief Reads ?from=YYYY-MM-DD&to=YYYY-MM-DD (default: the last 30 days
     * to today, UTC; at most 366 days), or returns the 400 to send.
     */
    static std::optional<ApiError> parseRange(const RequestContext &context, QDate *from, QDate *to);

private:
    Database &m_db;
};

} // namespace slidespec::server
