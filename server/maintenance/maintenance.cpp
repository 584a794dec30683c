// SPDX-License-Identifier: GPL-3.0-or-later
#include "maintenance/maintenance.h"

#include "config/serverconfig.h"
#include "http/logging.h"
#include "http/service.h"
#include "ops/auditlog.h"
#include "ops/usage.h"
#include "queue/jobqueue.h"
#include "queue/worker.h"
#include "storage/storagebackend.h"

#include <QCoreApplication>
#include <QHostInfo>
#include <QJsonArray>
#include <QSet>
#include <QTimer>

#include <pqxx/pqxx>

#include <algorithm>
#include <optional>
#include <unistd.h>
#include <vector>

namespace slidespec::server {

namespace {

std::string s(const QString &text)
{
    return text.toStdString();
}

QString q(const pqxx::field &field)
{
    return field.is_null() ? QString() : QString::fromStdString(field.as<std::string>());
}

// A purged org's prefix is swept again for this long (migration 0040).
constexpr double kPurgeSweepSeconds = 86400;

bool cancelled(const std::atomic<bool> *cancel)
{
    return cancel && cancel->load(std::memory_order_acquire);
}

/*! One page after another of app.maintenance_orgs(): (org id, retention days or 0). */
template<typename Fn>
std::optional<DbError> forEachOrg(Database &db, const std::atomic<bool> *cancel, Fn &&fn)
{
    QString after;
    for (;;) {
        auto page = db.withTransaction([&](pqxx::work &tx) {
            std::vector<std::pair<QString, int>> orgs;
            const pqxx::result rows = tx.exec_params("SELECT org_id::text, coalesce(asset_retention_days, 0) "
                                                     "FROM app.maintenance_orgs(NULLIF($1, '')::uuid, 200)",
                                                     s(after));
            for (const auto &row : rows)
                orgs.emplace_back(q(row[0]), row[1].as<int>());
            return orgs;
        });
        if (!page)
            return page.error();
        for (const auto &[org, days] : *page) {
            if (cancelled(cancel))
                return std::nullopt;
            fn(org, days);
        }
        if (page->size() < 200)
            return std::nullopt;
        after = page->back().first;
    }
}

} // namespace

QString maintenanceTaskName(MaintenanceTask task)
{
    switch (task) {
    case MaintenanceTask::PruneJobs: return QStringLiteral("prune-jobs");
    case MaintenanceTask::ExpireAssets: return QStringLiteral("expire-assets");
    case MaintenanceTask::AggregateUsage: return QStringLiteral("aggregate-usage");
    case MaintenanceTask::PurgeOrgs: return QStringLiteral("purge-orgs");
    }
    return {};
}

QString maintenanceJobKind(MaintenanceTask task)
{
    return QStringLiteral("maintenance-") + maintenanceTaskName(task);
}

QList<MaintenanceTask> allMaintenanceTasks()
{
    return {MaintenanceTask::PruneJobs, MaintenanceTask::ExpireAssets, MaintenanceTask::AggregateUsage,
            MaintenanceTask::PurgeOrgs};
}

MaintenanceOptions MaintenanceOptions::fromConfig(const ServerConfig &config)
{
    MaintenanceOptions o;
    o.interval = std::chrono::seconds(config.maintenanceIntervalSeconds);
    o.jobRetention = std::chrono::seconds(qint64(config.jobRetentionDays) * 86400);
    o.usageDailyRetentionDays = config.usageDailyRetentionDays;
    return o;
}

QJsonObject MaintenanceReport::toJson() const
{
    QJsonObject o{{QStringLiteral("jobsPruned"), jobsPruned},
                  {QStringLiteral("runsPruned"), runsPruned},
                  {QStringLiteral("orgsVisited"), orgsVisited},
                  {QStringLiteral("assetsExpired"), assetsExpired},
                  {QStringLiteral("bytesExpired"), bytesExpired},
                  {QStringLiteral("resultsDropped"), resultsDropped},
                  {QStringLiteral("dailyRowsRolledUp"), dailyRowsRolledUp},
                  {QStringLiteral("totalsCorrected"), totalsCorrected},
                  {QStringLiteral("objectsPurged"), objectsPurged},
                  {QStringLiteral("orgsPurged"), orgsPurged}};
    if (!errors.isEmpty())
        o.insert(QStringLiteral("errors"), QJsonArray::fromStringList(errors.mid(0, 20)));
    return o;
}

namespace maintenance {

DbResult<MaintenanceReport> pruneJobs(Database &db, JobQueue &queue, std::chrono::seconds olderThan, int batch,
                                      const std::atomic<bool> *cancel)
{
    MaintenanceReport report;
    batch = std::clamp(batch, 1, 10000);
    // app.jobs_prune (migration 0022): one bounded, SKIP LOCKED delete per call.
    while (!cancelled(cancel)) {
        auto pruned = queue.pruneFinished(olderThan, /*includeDead=*/true, batch);
        if (!pruned)
            return pruned.error();
        report.jobsPruned += *pruned;
        if (*pruned < batch)
            break;
    }
    // The schedulers' claims are kept as long as the jobs they name.
    auto runs = db.withTransaction([&](pqxx::work &tx) {
        return tx.exec_params("DELETE FROM maintenance_runs WHERE claimed_at < now() - make_interval(secs => $1)",
                              double(olderThan.count()))
            .affected_rows();
    });
    if (!runs)
        return runs.error();
    report.runsPruned = qint64(*runs);
    return report;
}

DbResult<MaintenanceReport> expireAssets(Database &db, StorageBackend *storage, int batch,
                                         const std::atomic<bool> *cancel)
{
    MaintenanceReport report;
    if (!storage) {
        report.errors.append(QStringLiteral("no storage is configured: assets are not expired"));
        return report;
    }
    batch = std::clamp(batch, 1, 1000);
    auto failed = forEachOrg(db, cancel, [&](const QString &org, int days) {
        ++report.orgsVisited;
        if (days <= 0)
            return;
        const OrgScope scope{QString(), org};
        // 1. Anything old at all? (assets_org_created_idx) Most runs stop here.
        auto any = db.withTransaction(scope, [&](pqxx::work &tx) {
            return !tx.exec_params("SELECT 1 FROM assets WHERE org_id = $1::uuid "
                                   "AND created_at < now() - make_interval(days => $2) LIMIT 1",
                                   s(org), days)
                        .empty();
        });
        if (!any) {
            report.errors.append(QStringLiteral("org %1: %2").arg(org, any.error().message));
            return;
        }
        if (!*any)
            return;
        // 2. What the revisions name: every uuid and every 64-hex-digit run in the text of every
        //    revision (live or in the trash) of every deck, brand kit and template, lower-cased.
        //    One scan of the org's specs per run, instead of one per candidate asset. Revisions
        //    saved after this snapshot are checked again per batch (3.), from `since` on: ten
        //    minutes earlier than the scan, for transactions that began before it and committed
        //    after it (created_at is their start).
        auto scanned = db.withTransaction(scope, [&](pqxx::work &tx) {
            QSet<QString> tokens;
            for (const auto &row : tx.exec_params(
                     "SELECT DISTINCT m[1] FROM ("
                     "  SELECT spec FROM deck_revisions WHERE org_id = $1::uuid "
                     "  UNION ALL SELECT spec FROM brand_kit_revisions WHERE org_id = $1::uuid "
                     "  UNION ALL SELECT spec FROM template_revisions WHERE org_id = $1::uuid) s, "
                     "regexp_matches(lower(s.spec), "
                     "  '([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|[0-9a-f]{64})', 'g') AS m",
                     s(org)))
                tokens.insert(q(row[0]));
            const std::string since = tx.exec1("SELECT to_char((now() - interval '10 minutes') AT TIME ZONE 'UTC', "
                                               "'YYYY-MM-DD\"T\"HH24:MI:SS.US\"Z\"')")[0]
                                          .as<std::string>();
            return std::pair{tokens, since};
        });
        if (!scanned) {
            report.errors.append(QStringLiteral("org %1: %2").arg(org, scanned.error().message));
            return;
        }
        const QSet<QString> &named = scanned->first;
        const std::string &since = scanned->second;
        // 3. Old assets in (created_at, id) order, a batch per transaction, locked; those the
        //    revisions name are passed over, the rest expired.
        std::string afterAt;
        std::string afterId;
        for (;;) {
            if (cancelled(cancel))
                return;
            int seen = 0;
            qint64 expiredNow = 0;
            auto done = db.withTransaction(scope, [&](pqxx::work &tx) {
                const pqxx::result rows = tx.exec_params(
                    "SELECT a.id::text, a.sha256, a.size, a.storage_key, a.storage_charged, a.original_name, "
                    "a.content_type, to_char(a.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"'), "
                    "to_char(a.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS.US\"Z\"') "
                    "FROM assets a "
                    "WHERE a.org_id = $1::uuid AND a.created_at < now() - make_interval(days => $2) "
                    "AND ($3 = '' OR (a.created_at, a.id) > ($3::timestamptz, NULLIF($4, '')::uuid)) "
                    "ORDER BY a.created_at, a.id LIMIT $5 FOR UPDATE OF a SKIP LOCKED",
                    s(org), days, afterAt, afterId, batch);
                seen = int(rows.size());
                if (rows.empty())
                    return true;
                afterAt = rows.back()[8].as<std::string>();
                afterId = rows.back()[0].as<std::string>();
                std::vector<pqxx::row> victims;
                QStringList ids;
                QStringList hashes;
                for (const auto &row : rows) {
                    if (named.contains(q(row[0])) || named.contains(q(row[1])))
                        continue;
                    victims.push_back(row);
                    ids.append(q(row[0]));
                    hashes.append(q(row[1]));
                }
                if (victims.empty())
                    return true;
                // Named by a revision saved since the scan? Then it stays too.
                QSet<QString> recent;
                for (const auto &row : tx.exec_params(
                         "SELECT v.id::text FROM unnest($2::uuid[], $3::text[]) AS v(id, sha) "
                         "WHERE EXISTS (SELECT 1 FROM ("
                         "  SELECT spec FROM deck_revisions WHERE org_id = $1::uuid AND created_at >= $4::timestamptz "
                         "  UNION ALL SELECT spec FROM brand_kit_revisions WHERE org_id = $1::uuid AND created_at >= $4::timestamptz "
                         "  UNION ALL SELECT spec FROM template_revisions WHERE org_id = $1::uuid AND created_at >= $4::timestamptz"
                         ") r WHERE strpos(lower(r.spec), v.id::text) > 0 OR strpos(lower(r.spec), v.sha) > 0)",
                         s(org), s(QLatin1Char('{') + ids.join(QLatin1Char(',')) + QLatin1Char('}')),
                         s(QLatin1Char('{') + hashes.join(QLatin1Char(',')) + QLatin1Char('}')), since))
                    recent.insert(q(row[0]));
                qint64 released = 0;
                for (const pqxx::row &row : victims) {
                    const QString id = q(row[0]);
                    if (recent.contains(id))
                        continue;
                    const QString key = q(row[3]);
                    // The object goes first, inside the transaction that deletes the row: an upload of
                    // the same bytes sees the row until we commit (and then writes the object again),
                    // so no committed row ever names a removed object. A failed commit leaves a row
                    // whose object is gone; the next run expires it (removal is idempotent).
                    if (auto removed = storage->remove(key); !removed) {
                        report.errors.append(QStringLiteral("org %1, asset %2: %3").arg(org, id, removed.error().message));
                        continue;
                    }
                    report.resultsDropped += qint64(
                        tx.exec_params("DELETE FROM job_results WHERE org_id = $1::uuid "
                                       "AND outputs @> jsonb_build_array(jsonb_build_object('assetId', $2::text))",
                                       s(org), s(id))
                            .affected_rows());
                    tx.exec_params0("DELETE FROM assets WHERE org_id = $1::uuid AND id = $2::uuid", s(org), s(id));
                    released += row[4].as<qint64>();
                    report.bytesExpired += row[2].as<qint64>();
                    ++expiredNow;
                    AuditEvent event;
                    event.orgId = org;
                    event.action = QStringLiteral("asset.expired");
                    event.objectType = QStringLiteral("asset");
                    event.objectId = id;
                    event.details = {{QStringLiteral("sha256"), q(row[1])},
                                     {QStringLiteral("size"), row[2].as<qint64>()},
                                     {QStringLiteral("name"), q(row[5])},
                                     {QStringLiteral("contentType"), q(row[6])},
                                     {QStringLiteral("createdAt"), q(row[7])},
                                     {QStringLiteral("retentionDays"), days}};
                    AuditLog::record(tx, event);
                }
                if (released > 0)
                    Usage::release(tx, org, UsageKind::StorageBytes, released);
                return true;
            });
            if (!done) {
                report.errors.append(QStringLiteral("org %1: %2").arg(org, done.error().message));
                return;
            }
            report.assetsExpired += expiredNow;
            if (seen < batch)
                return;
        }
    });
    if (failed)
        return *failed;
    return report;
}

DbResult<MaintenanceReport> aggregateUsage(Database &db, int dailyRetentionDays, const std::atomic<bool> *cancel)
{
    MaintenanceReport report;
    // The dashboard shows up to 366 days: never roll up a day it can still ask for.
    dailyRetentionDays = std::max(dailyRetentionDays, 367);
    auto failed = forEachOrg(db, cancel, [&](const QString &org, int) {
        ++report.orgsVisited;
        auto done = db.withTransaction(OrgScope{QString(), org}, [&](pqxx::work &tx) {
            // Whole UTC months older than the retention: a month is rolled up once, complete.
            const pqxx::row rolled = tx.exec_params1(
                "WITH old AS ("
                "  DELETE FROM usage_daily WHERE org_id = $1::uuid AND day < date_trunc('month', "
                "    ((now() AT TIME ZONE 'UTC')::date - $2::integer)::timestamp)::date "
                "  RETURNING kind, day, used), "
                "rolled AS ("
                "  INSERT INTO usage_monthly (org_id, kind, month, used) "
                "  SELECT $1::uuid, kind, date_trunc('month', day::timestamp)::date, sum(used) FROM old "
                "  GROUP BY kind, date_trunc('month', day::timestamp)::date "
                "  ON CONFLICT (org_id, kind, month) DO UPDATE SET used = usage_monthly.used + EXCLUDED.used "
                "  RETURNING 1) "
                "SELECT (SELECT count(*) FROM old), (SELECT count(*) FROM rolled)",
                s(org), dailyRetentionDays);
            const qint64 rolledRows = rolled[0].as<qint64>();
            // The storage total, recomputed from the assets' charges. The total's row lock is taken
            // first: an upload charges it before inserting its asset, in one transaction, so once we
            // hold it every charged asset is committed and visible to the next statement.
            tx.exec_params0("INSERT INTO usage_totals (org_id, kind) VALUES ($1::uuid, 'storage_bytes') "
                            "ON CONFLICT DO NOTHING",
                            s(org));
            const qint64 recorded = tx.exec_params1("SELECT used FROM usage_totals WHERE org_id = $1::uuid "
                                                    "AND kind = 'storage_bytes' FOR UPDATE",
                                                    s(org))[0]
                                        .as<qint64>();
            const qint64 actual = tx.exec_params1("SELECT coalesce(sum(storage_charged), 0)::bigint FROM assets "
                                                  "WHERE org_id = $1::uuid",
                                                  s(org))[0]
                                      .as<qint64>();
            bool corrected = false;
            if (recorded != actual) {
                tx.exec_params0("UPDATE usage_totals SET used = $2, updated_at = now() "
                                "WHERE org_id = $1::uuid AND kind = 'storage_bytes'",
                                s(org), actual);
                corrected = true;
            }
            return std::pair{rolledRows, corrected};
        });
        if (!done) {
            report.errors.append(QStringLiteral("org %1: %2").arg(org, done.error().message));
            return;
        }
        report.dailyRowsRolledUp += done->first;
        report.totalsCorrected += done->second ? 1 : 0;
    });
    if (failed)
        return *failed;
    return report;
}

DbResult<MaintenanceReport> purgeDeletedOrgs(Database &db, StorageBackend *storage, int batch,
                                             const std::atomic<bool> *cancel)
{
    MaintenanceReport report;
    if (!storage) {
        report.errors.append(QStringLiteral("no storage is configured: deleted orgs' objects are not purged"));
        return report;
    }
    auto pending = db.withTransaction([&](pqxx::work &tx) {
        QList<QPair<QString, QString>> rows;
        for (const auto &row : tx.exec_params("SELECT org_id::text, storage_prefix FROM app.org_purges_pending($1, $2)",
                                              std::clamp(batch, 1, 1000), kPurgeSweepSeconds))
            rows.append({q(row[0]), q(row[1])});
        return rows;
    });
    if (!pending)
        return pending.error();
    for (const auto &[org, prefix] : *pending) {
        if (cancelled(cancel))
            break;
        auto objects = storage->list(prefix);
        if (!objects) {
            report.errors.append(QStringLiteral("org %1: listing %2: %3").arg(org, prefix, objects.error().message));
            continue;
        }
        bool complete = true;
        for (const ObjectInfo &object : objects.value()) {
            if (cancelled(cancel)) {
                complete = false;
                break;
            }
            if (auto removed = storage->remove(object.key); !removed) {
                report.errors.append(QStringLiteral("org %1: %2: %3").arg(org, object.key, removed.error().message));
                complete = false;
                continue;
            }
            ++report.objectsPurged;
        }
        if (!complete)
            continue;
        auto deleted = db.withTransaction([&](pqxx::work &tx) {
            tx.exec_params1("SELECT app.org_purges_done($1::uuid, $2)", s(org), qint64(objects.value().size()));
            return true;
        });
        if (!deleted)
            return deleted.error();
        ++report.orgsPurged;
    }
    // A purged org's row is kept a day (a render job of the org still running at deletion
    // could write one more object under its prefix; the next runs sweep it), then dropped.
    auto dropped = db.withTransaction([&](pqxx::work &tx) {
        tx.exec_params1("SELECT app.org_purges_forget($1)", kPurgeSweepSeconds);
        return true;
    });
    if (!dropped)
        return dropped.error();
    return report;
}

DbResult<qint64> enqueue(Database &db, MaintenanceTask task, const QJsonObject &payload, const QString &dedupKey)
{
    JobQueue queue(db);
    EnqueueRequest request;
    request.kind = maintenanceJobKind(task);
    request.payload = payload;
    request.dedupKey = dedupKey;
    request.maxAttempts = 3;
    auto enqueued = queue.enqueue(OrgScope{QString(), kSystemOrgId}, request);
    if (!enqueued)
        return enqueued.error();
    return enqueued->job.id;
}

namespace {

class MaintenanceHandler : public JobHandler
{
public:
    MaintenanceHandler(Database &db, std::shared_ptr<StorageBackend> storage, MaintenanceTask task)
        : m_db(db), m_storage(std::move(storage)), m_task(task)
    {
    }

    JobOutcome run(JobContext &job) override
    {
        const QJsonObject payload = job.payload();
        const int batch = payload.value(QStringLiteral("batch")).toInt(500);
        const std::atomic<bool> *cancel = &job.cancelFlag();
        job.setProgress(5, maintenanceTaskName(m_task));
        DbResult<MaintenanceReport> report = MaintenanceReport{};
        switch (m_task) {
        case MaintenanceTask::PruneJobs: {
            JobQueue queue(m_db);
            const qint64 seconds = payload.value(QStringLiteral("olderThanSeconds")).toInteger(14 * 86400);
            report = maintenance::pruneJobs(m_db, queue, std::chrono::seconds(std::max<qint64>(0, seconds)), batch,
                                            cancel);
            break;
        }
        case MaintenanceTask::ExpireAssets:
            report = maintenance::expireAssets(m_db, m_storage.get(), batch, cancel);
            break;
        case MaintenanceTask::AggregateUsage:
            report = maintenance::aggregateUsage(m_db, payload.value(QStringLiteral("dailyRetentionDays")).toInt(400),
                                                 cancel);
            break;
        case MaintenanceTask::PurgeOrgs:
            report = maintenance::purgeDeletedOrgs(m_db, m_storage.get(), batch, cancel);
            break;
        }
        if (job.isCancelled())
            return JobOutcome::stopped();
        if (!report)
            return JobOutcome::failure(QStringLiteral("%1: %2").arg(maintenanceTaskName(m_task), report.error().message));
        logging::info(QStringLiteral("maintenance: %1 done").arg(maintenanceTaskName(m_task)), report->toJson());
        return JobOutcome::success(report->toJson());
    }

private:
    Database &m_db;
    std::shared_ptr<StorageBackend> m_storage;
    MaintenanceTask m_task;
};

} // namespace

void registerHandlers(Worker &worker, Database &db, std::shared_ptr<StorageBackend> storage)
{
    for (MaintenanceTask task : allMaintenanceTasks())
        worker.registerHandler(maintenanceJobKind(task), std::make_shared<MaintenanceHandler>(db, storage, task));
}

} // namespace maintenance

MaintenanceScheduler::MaintenanceScheduler(Database &db, MaintenanceOptions options, QString name)
    : m_db(db)
    , m_options(options)
    , m_name(name.isEmpty() ? QStringLiteral("%1:%2").arg(QHostInfo::localHostName()).arg(::getpid()) : name)
{
}

MaintenanceScheduler::MaintenanceScheduler(std::unique_ptr<Database> db, MaintenanceOptions options, QString name)
    : m_ownedDb(std::move(db))
    , m_db(*m_ownedDb)
    , m_options(options)
    , m_name(name.isEmpty() ? QStringLiteral("%1:%2").arg(QHostInfo::localHostName()).arg(::getpid()) : name)
{
}

MaintenanceScheduler::~MaintenanceScheduler()
{
    stop();
}

QDateTime MaintenanceScheduler::periodStart(const QDateTime &now) const
{
    const qint64 interval = std::max<qint64>(1, m_options.interval.count());
    const qint64 seconds = now.toSecsSinceEpoch();
    return QDateTime::fromSecsSinceEpoch(seconds - seconds % interval, Qt::UTC);
}

QJsonObject MaintenanceScheduler::payloadFor(MaintenanceTask task) const
{
    QJsonObject payload{{QStringLiteral("batch"), m_options.batch}};
    if (task == MaintenanceTask::PruneJobs)
        payload.insert(QStringLiteral("olderThanSeconds"), qint64(m_options.jobRetention.count()));
    if (task == MaintenanceTask::AggregateUsage)
        payload.insert(QStringLiteral("dailyRetentionDays"), m_options.usageDailyRetentionDays);
    return payload;
}

DbResult<qint64> MaintenanceScheduler::enqueueNow(MaintenanceTask task, const QString &dedupKey)
{
    return maintenance::enqueue(m_db, task, payloadFor(task), dedupKey);
}

DbResult<QList<qint64>> MaintenanceScheduler::tick(const QDateTime &now)
{
    QList<qint64> mine;
    const QDateTime period = periodStart(now);
    const std::string periodText = period.toString(Qt::ISODate).toStdString();
    for (MaintenanceTask task : allMaintenanceTasks()) {
        const QString name = maintenanceTaskName(task);
        // The claim: one row per (task, period); only the scheduler that inserts it enqueues.
        auto claimed = m_db.withTransaction([&](pqxx::work &tx) {
            return !tx.exec_params("INSERT INTO maintenance_runs (task, period_start, claimed_by) "
                                   "VALUES ($1, $2::timestamptz, $3) ON CONFLICT DO NOTHING RETURNING 1",
                                   s(name), periodText, s(m_name))
                        .empty();
        });
        if (!claimed)
            return claimed.error();
        if (!*claimed)
            continue;
        auto job = enqueueNow(task, name + QLatin1Char(':') + QString::fromStdString(periodText));
        auto recorded = m_db.withTransaction([&](pqxx::work &tx) {
            if (job)
                tx.exec_params0("UPDATE maintenance_runs SET job_id = $3 WHERE task = $1 AND period_start = $2::timestamptz",
                                s(name), periodText, *job);
            else // give the period back: the next tick (ours or another scheduler's) tries again
                tx.exec_params0("DELETE FROM maintenance_runs WHERE task = $1 AND period_start = $2::timestamptz",
                                s(name), periodText);
            return true;
        });
        if (!job)
            return job.error();
        if (!recorded)
            return recorded.error();
        mine.append(*job);
    }
    return mine;
}

void MaintenanceScheduler::start()
{
    if (m_options.interval.count() <= 0 || m_thread.joinable())
        return;
    m_stopping = false;
    m_thread = std::thread([this] { loop(); });
}

void MaintenanceScheduler::stop()
{
    {
        std::lock_guard lock(m_mutex);
        m_stopping = true;
    }
    m_wake.notify_all();
    if (m_thread.joinable())
        m_thread.join();
}

void MaintenanceScheduler::loop()
{
    const auto step = std::min<std::chrono::seconds>(m_options.interval, std::chrono::seconds(60));
    for (;;) {
        auto ticked = tick();
        if (!ticked)
            logging::warn(QStringLiteral("maintenance: scheduling failed; retrying at the next tick"),
                          {{QStringLiteral("error"), ticked.error().message}});
        else if (!ticked->isEmpty())
            logging::info(QStringLiteral("maintenance: jobs enqueued"),
                          {{QStringLiteral("scheduler"), m_name}, {QStringLiteral("jobs"), qint64(ticked->size())}});
        std::unique_lock lock(m_mutex);
        if (m_wake.wait_for(lock, step, [this] { return m_stopping; }))
            return;
    }
}

namespace {

/*! A scheduler on a pool of its own (two connections), not started; null when the interval is 0. */
std::unique_ptr<MaintenanceScheduler> makeScheduler(const ServerConfig &config)
{
    const MaintenanceOptions options = MaintenanceOptions::fromConfig(config);
    if (options.interval.count() <= 0)
        return nullptr;
    Database::Options dbOptions;
    dbOptions.url = config.databaseUrl.toStdString();
    dbOptions.poolSize = 2;
    dbOptions.applicationName = "slidespec-maintenance";
    return std::make_unique<MaintenanceScheduler>(std::make_unique<Database>(dbOptions), options);
}

} // namespace

bool installMaintenanceModule(Service &service)
{
    if (!QCoreApplication::instance())
        return true;
    // Its own pool, not the service's: the thread never outlives the connections it uses.
    std::shared_ptr<MaintenanceScheduler> scheduler = makeScheduler(service.config());
    if (!scheduler)
        return true;
    // Started once the event loop runs (after migrations); stopped when it quits.
    QTimer::singleShot(0, QCoreApplication::instance(), [weak = std::weak_ptr<MaintenanceScheduler>(scheduler)] {
        if (const auto s = weak.lock())
            s->start();
    });
    QObject::connect(QCoreApplication::instance(), &QCoreApplication::aboutToQuit,
                     [weak = std::weak_ptr<MaintenanceScheduler>(scheduler)] {
                         if (const auto s = weak.lock())
                             s->stop();
                     });
    service.adopt(scheduler); // stopped with the service
    return true;
}

std::unique_ptr<MaintenanceScheduler> startMaintenanceScheduler(const ServerConfig &config)
{
    auto scheduler = makeScheduler(config);
    if (scheduler)
        scheduler->start();
    return scheduler;
}

} // namespace slidespec::server
