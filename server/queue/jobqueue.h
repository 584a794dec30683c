// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "db/database.h"

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

#include <chrono>
#include <optional>
#include <type_traits>

namespace slidespec::server {

/*!
 * \brief The life cycle of a job (docs/queue.md has the diagram).
 */
enum class JobState {
    Queued,    //!< waiting to run (run_at reached or not)
    Running,   //!< leased by a worker
    Succeeded, //!< finished with a result
    Retrying,  //!< an attempt failed; runs again at run_at
    Dead,      //!< failed max_attempts times (or permanently): the dead-letter state
    Cancelled, //!< cancelled before or while running
};

/*! The database spelling: "queued", "running", … */
QString jobStateName(JobState state);
/*! Parses a database spelling; nullopt when unknown. */
std::optional<JobState> jobStateFromName(QStringView name);
/*! Whether a job in \a state can still change (queued, running, retrying). */
bool isActiveJobState(JobState state);

/*!
 * \brief One row of the jobs table.
 */
struct Job
{
    qint64 id = 0;
    QString kind;
    QString orgId;
    QJsonObject payload;
    JobState state = JobState::Queued;
    int priority = 0;
    int attempts = 0;
    int maxAttempts = 5;
    QDateTime runAt;
    QString leaseOwner;          //!< the worker holding it, when running
    QDateTime leaseExpiresAt;
    QDateTime heartbeatAt;
    int progress = 0;            //!< 0–100
    QString progressMessage;
    std::optional<QJsonObject> result;
    QString lastError;
    QString dedupKey;
    bool cancelRequested = false;
    QString createdBy;           //!< user id or empty
    QDateTime createdAt;
    QDateTime startedAt;
    QDateTime finishedAt;
};

/*!
 * \brief What to enqueue.
 */
struct EnqueueRequest
{
    QString kind;                      //!< ^[a-z][a-z0-9-]{0,62}$
    QJsonObject payload;
    int priority = 0;                  //!< -100…100, higher runs first within an org
    int maxAttempts = 5;               //!< 1…100
    QString dedupKey;                  //!< empty = no dedup; else one active job per (org, kind, key)
    std::chrono::milliseconds delay{0}; //!< run no earlier than now + delay
};

/*!
 * \brief The job enqueue() returns, and whether it was created or an active
 * job with the same dedup key was returned instead.
 */
struct EnqueueResult
{
    Job job;
    bool created = false;
};

/*!
 * \brief Filters for JobQueue::list().
 */
struct JobFilter
{
    std::optional<JobState> state;
    QString kind;           //!< empty = any
    int limit = 50;         //!< 1…500
    qint64 beforeId = 0;    //!< keyset pagination: only ids below this (0 = from the newest)
};

/*!
 * \brief Retry delays: exponential backoff with full jitter.
 *
 * Attempt n (1-based, the attempt that just failed) waits
 * `delay = U · min(cap, base · 2^(n−1))` with U uniform in [0, 1):
 * the ceiling doubles per attempt up to the cap, and the actual delay is
 * spread over the whole range so that jobs that failed together do not come
 * back together.
 */
struct BackoffPolicy
{
    std::chrono::milliseconds base{2000};
    std::chrono::milliseconds cap{std::chrono::hours(1)};

    /*! The upper bound of the delay after attempt \a attempt (≥ 1). */
    std::chrono::milliseconds ceiling(int attempt) const;
    /*! The delay after attempt \a attempt for a uniform draw \a u in [0, 1). */
    std::chrono::milliseconds delay(int attempt, double u) const;
    /*! The delay after attempt \a attempt with a fresh random draw. */
    std::chrono::milliseconds randomDelay(int attempt) const;
};

/*!
 * \brief A worker's view of one of its leased jobs after a heartbeat.
 */
struct LeaseStatus
{
    qint64 id = 0;
    bool cancelRequested = false;
};

/*!
 * \brief A job a worker's handler finished successfully, for JobQueue::completeMany().
 */
struct JobCompletion
{
    qint64 id = 0;
    QJsonObject result;
};

/*!
 * \brief Jobs in one (state, kind), for the metrics.
 */
struct QueueDepth
{
    JobState state = JobState::Queued;
    QString kind;
    qint64 jobs = 0;
    double oldestRunnableSeconds = 0; //!< how long the oldest runnable (queued/retrying, due) job has waited
};

/*!
 * \brief The durable job queue on PostgreSQL (docs/queue.md).
 *
 * Two sides. The API side (enqueue, get, list, cancel, dead-letter admin)
 * runs as the app role inside an OrgScope, so row-level security keeps every
 * call to the scope's org. The worker side (claim, heartbeat, progress,
 * complete, fail, markCancelled, release, rescueExpired) works across orgs
 * through the SECURITY DEFINER functions of migration 0020, and every call
 * names the worker's lease owner id: a worker whose lease was lost (its job
 * was rescued) can no longer change the job.
 *
 * Thread-safe (the Database pool is). Never throws: errors come back as
 * DbError.
 */
class JobQueue
{
public:
    explicit JobQueue(Database &db, BackoffPolicy backoff = {});

    Database &database() { return m_db; }
    const BackoffPolicy &backoff() const { return m_backoff; }

    // --- API side: org-scoped -------------------------------------------

    /*!
     * Enqueues a job for \a scope's org. With a dedup key, an active job
     * (queued, running, retrying) of the same org, kind and key is returned
     * instead (created = false): one INSERT … ON CONFLICT on the partial
     * unique index, so concurrent producers cannot both create one. A bad
     * kind, priority or attempt count fails with a Query error whose sqlState
     * is 23514 (check violation).
     */
    DbResult<EnqueueResult> enqueue(const OrgScope &scope, const EnqueueRequest &request);

    /*!
     * \brief enqueue() inside the caller's transaction \a tx, so that the job
     * and the caller's other writes (a usage charge, an audit row) commit or
     * roll back together.
     *
     * \a tx must already be in \a orgId's scope (OrgScope::apply(), as
     * Database::withTransaction(scope, …) does): row-level security refuses a
     * job for another org. The job's created_by is the scope's user
     * (app.user_id), or none. Same dedup semantics as enqueue(): with a dedup
     * key, an active job of the same org, kind and key is returned with
     * created = false (the returned row is locked until \a tx ends; a
     * concurrent enqueue of the same key waits for \a tx and then gets this
     * job, or creates its own when \a tx rolled back).
     *
     * Throws what libpqxx throws (call inside withTransaction): a bad kind,
     * priority or attempt count is a pqxx::check_violation (23514), an empty
     * \a orgId a pqxx::data_exception (22023 invalid parameter value).
     *
     * \code
     * db.withTransaction(ctx.orgScope(), [&](pqxx::work &tx) {
     *     if (!Usage::charge(tx, ctx.orgId(), UsageKind::Exports, 1).allowed)
     *         throw Rollback();
     *     return JobQueue::enqueue(tx, ctx.orgId(), request);
     * });
     * \endcode
     */
    static EnqueueResult enqueue(pqxx::transaction_base &tx, const QString &orgId, const EnqueueRequest &request);

    /*!
     * \brief Enqueues \a requests for \a scope's org in one statement and
     * returns one result per request, in the order of \a requests.
     *
     * The same dedup semantics as enqueue(), per request: a request whose
     * dedup key matches an active job (queued, running, retrying) of the org
     * and kind gets that job (created = false); a key repeated inside the
     * batch creates at most one job, made from its first request, and every
     * later request with that key gets that job (created = false). Rows are
     * inserted in (kind, dedup key) order, so concurrent batches that share
     * keys wait for each other instead of deadlocking.
     *
     * All or nothing: one bad request (kind, priority, attempts, key length)
     * fails the whole batch with a check violation (23514) and nothing is
     * enqueued. An empty list returns an empty list without a round trip.
     */
    DbResult<QList<EnqueueResult>> enqueueMany(const OrgScope &scope, const QList<EnqueueRequest> &requests);

    /*!
     * \brief enqueueMany() inside the caller's transaction \a tx, which must
     * already be in \a orgId's scope (see the transaction-level enqueue()).
     * Throws what libpqxx throws.
     */
    static QList<EnqueueResult> enqueueMany(pqxx::transaction_base &tx, const QString &orgId,
                                            const QList<EnqueueRequest> &requests);

    /*! The job \a id of \a scope's org, or nullopt (another org's job is not found either). */
    DbResult<std::optional<Job>> get(const OrgScope &scope, qint64 id);

    /*! \a scope's org's jobs, newest first, filtered. */
    DbResult<QList<Job>> list(const OrgScope &scope, const JobFilter &filter);

    /*!
     * Cancels job \a id: a queued or retrying job becomes cancelled at once;
     * a running one gets cancel_requested (and a NOTIFY on
     * slidespec_job_cancel) and stays running until its worker stops it.
     * Returns the job afterwards, or nullopt when not found. A finished job
     * is returned unchanged.
     */
    DbResult<std::optional<Job>> cancel(const OrgScope &scope, qint64 id);

    /*! The dead-letter list: \a scope's org's dead jobs, newest first. */
    DbResult<QList<Job>> listDead(const OrgScope &scope, int limit = 50, qint64 beforeId = 0);

    /*!
     * Puts dead job \a id back in the queue with its attempts reset. Returns
     * the job, or nullopt when there is no dead job \a id. Fails with a unique
     * violation (23505) when an active job with the same dedup key exists.
     */
    DbResult<std::optional<Job>> retryDead(const OrgScope &scope, qint64 id);

    /*! Deletes dead job \a id; false when there is no dead job \a id. */
    DbResult<bool> discardDead(const OrgScope &scope, qint64 id);

    // --- worker side: across orgs, through the owner's functions --------

    /*!
     * Leases up to \a batch runnable jobs of \a kinds to \a workerId for
     * \a lease, fairly across orgs (round-robin over the orgs' best jobs),
     * counting an attempt on each.
     */
    DbResult<QList<Job>> claim(const QString &workerId, const QStringList &kinds, int batch,
                               std::chrono::milliseconds lease);

    /*! Extends the leases of \a ids; the answer lists the ones still held and their cancel flags. */
    DbResult<QList<LeaseStatus>> heartbeat(const QString &workerId, const QList<qint64> &ids,
                                           std::chrono::milliseconds lease);

    /*! Records progress; false when the lease was lost. */
    DbResult<bool> setProgress(qint64 id, const QString &workerId, int percent, const QString &message);

    /*! Ends a leased job as succeeded. nullopt = the lease was lost and nothing was written. */
    DbResult<std::optional<JobState>> complete(qint64 id, const QString &workerId, const QJsonObject &result);

    /*!
     * \brief Ends many leased jobs as succeeded in one statement (migration
     * 0033): per job exactly what complete() does, with the same lease check
     * per job. Returns the ids that were completed; a job missing from the
     * answer had lost its lease and nothing was written for it. Rows are
     * locked in id order (as heartbeat() does), so concurrent batches cannot
     * deadlock.
     */
    DbResult<QList<qint64>> completeMany(const QString &workerId, const QList<JobCompletion> &jobs);

    /*!
     * Ends a leased attempt as failed: retrying after BackoffPolicy's delay
     * for \a attempt, or dead when it was the last attempt or \a permanent.
     * A job whose cancel was requested ends cancelled. nullopt = lease lost.
     */
    DbResult<std::optional<JobState>> fail(qint64 id, const QString &workerId, int attempt,
                                           const QString &error, bool permanent = false);

    /*! Ends a leased job as cancelled (its handler stopped on request). nullopt = lease lost. */
    DbResult<std::optional<JobState>> markCancelled(qint64 id, const QString &workerId);

    /*! Hands a leased job back unfinished (shutdown): queued, attempt not counted. nullopt = lease lost. */
    DbResult<std::optional<JobState>> release(qint64 id, const QString &workerId);

    /*!
     * Rescues up to \a limit running jobs whose lease expired: retrying at
     * once (the attempt stays counted), dead after the last attempt,
     * cancelled when a cancel was requested. Returns how many.
     */
    DbResult<int> rescueExpired(int limit = 100);

    // --- maintenance and metrics: across orgs --------------------------------

    /*! Jobs per (state, kind) across all orgs, with the oldest runnable job's wait. */
    DbResult<QList<QueueDepth>> depth();

    /*!
     * Deletes up to \a limit jobs that finished (succeeded, cancelled; dead
     * too when \a includeDead) more than \a olderThan ago. Returns how many.
     */
    DbResult<int> pruneFinished(std::chrono::seconds olderThan, bool includeDead = false, int limit = 1000);

private:
    /*!
     * Runs \a fn(pqxx::transaction_base &) on a pooled connection in
     * autocommit mode (pqxx::nontransaction): one round trip for a worker's
     * single-statement calls instead of three (BEGIN, the call, COMMIT).
     * Errors become DbError as in Database::withTransaction().
     */
    template<typename Fn>
    auto autocommit(Fn &&fn) -> DbResult<std::invoke_result_t<Fn, pqxx::transaction_base &>>;

    DbResult<std::optional<JobState>> finish(qint64 id, const QString &workerId, const char *outcome,
                                             const QJsonObject *result, const QString &error,
                                             double retryDelaySeconds, bool permanent);

    Database &m_db;
    BackoffPolicy m_backoff;
};

} // namespace slidespec::server
