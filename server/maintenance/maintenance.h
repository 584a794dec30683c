// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "db/database.h"

#include <QDateTime>
#include <QJsonObject>
#include <QString>
#include <QStringList>

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <memory>
#include <mutex>
#include <thread>

namespace slidespec::server {

class JobQueue;
class Service;
class StorageBackend;
class Worker;
struct ServerConfig;

/*!
 * \brief The reserved org that owns the maintenance jobs (migration 0038):
 * no members, never listed, cannot be signed into or deleted.
 */
inline const QString kSystemOrgId = QStringLiteral("00000000-0000-0000-0000-000000000001");

/*! \brief The maintenance tasks; each runs as one job kind in the system org. */
enum class MaintenanceTask {
    PruneJobs,      //!< "prune-jobs": finished jobs past the job retention
    ExpireAssets,   //!< "expire-assets": unreferenced assets past their org's assetRetentionDays
    AggregateUsage, //!< "aggregate-usage": usage_daily → usage_monthly, storage totals recomputed
    PurgeOrgs,      //!< "purge-orgs": storage objects of deleted orgs
};

/*! "prune-jobs", "expire-assets", "aggregate-usage", "purge-orgs". */
QString maintenanceTaskName(MaintenanceTask task);
/*! The job kind: "maintenance-" + the task's name. */
QString maintenanceJobKind(MaintenanceTask task);
/*! Every task, in the order a scheduler enqueues them. */
QList<MaintenanceTask> allMaintenanceTasks();

/*! \brief Settings of the scheduler and the payloads it gives the jobs (ServerConfig has them). */
struct MaintenanceOptions
{
    std::chrono::seconds interval{3600};          //!< one job per task and period of this length; 0 = no scheduler
    std::chrono::seconds jobRetention{14 * 86400}; //!< finished jobs older than this are pruned
    int usageDailyRetentionDays = 400;            //!< whole months older than this are rolled up
    int batch = 500;                              //!< rows per transaction

    static MaintenanceOptions fromConfig(const ServerConfig &config);
};

/*! \brief What one run of a task did (also the job's result). */
struct MaintenanceReport
{
    qint64 jobsPruned = 0;
    qint64 runsPruned = 0;
    qint64 orgsVisited = 0;
    qint64 assetsExpired = 0;
    qint64 bytesExpired = 0;
    qint64 resultsDropped = 0;     //!< job_results rows whose outputs were expired
    qint64 dailyRowsRolledUp = 0;
    qint64 totalsCorrected = 0;    //!< orgs whose storage total was wrong
    qint64 objectsPurged = 0;
    qint64 orgsPurged = 0;
    QStringList errors;            //!< per-org or per-object problems; the run goes on

    QJsonObject toJson() const;
};

/*!
 * \brief The maintenance work (docs/operations.md, "Maintenance"). Each
 * function works in bounded batches (one short transaction each), stops
 * between batches when \a cancel turns true, and never throws.
 *
 * Cross-org reads go through app.maintenance_orgs() (SECURITY DEFINER, id and
 * retention only) and app.jobs_prune(); everything an org owns is read and
 * changed as the app role in that org's own scope, so row-level security
 * applies to maintenance as it does to the API.
 */
namespace maintenance {

/*! Deletes succeeded, cancelled and dead jobs finished more than \a olderThan ago, and old maintenance_runs rows. */
DbResult<MaintenanceReport> pruneJobs(Database &db, JobQueue &queue, std::chrono::seconds olderThan, int batch,
                                      const std::atomic<bool> *cancel = nullptr);

/*!
 * \brief For each org with a positive `assetRetentionDays` setting: deletes
 * its assets created more than that many days ago that no revision of any
 * deck, brand kit or template (live or in the trash) names — by id or by
 * sha256, anywhere in the spec text — from storage and the table, drops the
 * job_results rows that list them, gives back their storage charge and
 * records `asset.expired`.
 */
DbResult<MaintenanceReport> expireAssets(Database &db, StorageBackend *storage, int batch,
                                         const std::atomic<bool> *cancel = nullptr);

/*!
 * \brief For each org: rolls usage_daily rows of whole UTC months older than
 * \a dailyRetentionDays into usage_monthly (and deletes them), and sets the
 * storage_bytes total to the sum of its assets' charges when it differs.
 */
DbResult<MaintenanceReport> aggregateUsage(Database &db, int dailyRetentionDays,
                                           const std::atomic<bool> *cancel = nullptr);

/*! Removes the storage objects of deleted orgs (org_purges, migrations 0039 and 0040); a purged prefix is swept again for a day, then its row dropped. */
DbResult<MaintenanceReport> purgeDeletedOrgs(Database &db, StorageBackend *storage, int batch,
                                             const std::atomic<bool> *cancel = nullptr);

/*!
 * \brief Enqueues \a task in the system org now with \a payload (settings
 * the handler reads; defaults otherwise) and \a dedupKey (one active job per
 * key). Returns the job id (an active job's, when the key is taken).
 */
DbResult<qint64> enqueue(Database &db, MaintenanceTask task, const QJsonObject &payload, const QString &dedupKey);

/*!
 * \brief Registers the maintenance job handlers on \a worker (before it
 * starts). Their settings come in each job's payload, from the scheduler.
 */
void registerHandlers(Worker &worker, Database &db, std::shared_ptr<StorageBackend> storage);

} // namespace maintenance

/*!
 * \brief Enqueues the maintenance jobs: every \a options.interval, one job
 * per task in the system org, whatever the number of schedulers running.
 *
 * Every `serve` and `worker` process runs one. For each task and period
 * (the interval's bucket of wall-clock time, e.g. 04:00–05:00 UTC) a
 * scheduler first inserts the (task, period) row of maintenance_runs; only
 * the one whose insert succeeded enqueues, with dedup key
 * "<task>:<period start>". A failed enqueue removes the row again so the next
 * tick retries.
 */
class MaintenanceScheduler
{
public:
    MaintenanceScheduler(Database &db, MaintenanceOptions options, QString name = {});
    /*! The same, on a pool of its own. */
    MaintenanceScheduler(std::unique_ptr<Database> db, MaintenanceOptions options, QString name = {});
    ~MaintenanceScheduler();

    /*! Starts the thread: a tick now, then one every min(interval, 60 s). No-op when the interval is 0. */
    void start();
    void stop();

    /*!
     * \brief One tick at \a now: claims and enqueues what is due. Returns the
     * jobs this scheduler enqueued (ids); the others were someone else's.
     */
    DbResult<QList<qint64>> tick(const QDateTime &now = QDateTime::currentDateTimeUtc());

    /*! The start of the period \a now falls in. */
    QDateTime periodStart(const QDateTime &now) const;

    /*! Enqueues one task at once (an operator's "run now"), outside the periods. */
    DbResult<qint64> enqueueNow(MaintenanceTask task, const QString &dedupKey);

    QJsonObject payloadFor(MaintenanceTask task) const;

private:
    void loop();

    std::unique_ptr<Database> m_ownedDb;
    Database &m_db;
    MaintenanceOptions m_options;
    QString m_name;
    std::thread m_thread;
    std::mutex m_mutex;
    std::condition_variable m_wake;
    bool m_stopping = false;
};

/*!
 * \brief `serve`: starts a MaintenanceScheduler (when the interval is not 0)
 * on a pool of two connections of its own, once the event loop runs; stopped
 * when the application quits (or at exit).
 */
bool installMaintenanceModule(Service &service);

/*!
 * \brief For `slidespec-server worker`: a running scheduler with the
 * configured options on a pool of two connections of its own, or null when
 * the interval is 0.
 */
std::unique_ptr<MaintenanceScheduler> startMaintenanceScheduler(const ServerConfig &config);

} // namespace slidespec::server
