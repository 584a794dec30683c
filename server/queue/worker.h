// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "queue/jobqueue.h"

#include <QHash>
#include <QJsonObject>
#include <QString>

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <deque>
#include <map>
#include <optional>
#include <memory>
#include <mutex>
#include <thread>
#include <vector>

namespace slidespec::server {

class Worker;

/*!
 * \brief Why a running job is asked to stop.
 */
enum class JobStopReason {
    None,            //!< keep going
    CancelRequested, //!< a user cancelled it: the job ends cancelled
    Shutdown,        //!< the worker is stopping: the job is released, to run again elsewhere
    LeaseLost,       //!< the lease expired and the job was rescued: nothing this run does counts
};

/*!
 * \brief What a handler sees of the job it runs.
 *
 * Handlers poll isCancelled() (or hand cancelFlag() to a Sandbox) and return
 * JobOutcome::stopped() soon after it turns true: within a second is the
 * contract. setProgress() may be called as often as convenient: writes are
 * throttled.
 */
class JobContext
{
public:
    JobContext(Worker *worker, Job job);

    const Job &job() const { return m_job; }
    const QJsonObject &payload() const { return m_job.payload; }

    /*! True once the job should stop (see stopReason()). */
    bool isCancelled() const { return m_cancelled.load(std::memory_order_acquire); }
    JobStopReason stopReason() const { return m_reason.load(std::memory_order_acquire); }
    /*! The flag isCancelled() reads, for code that polls a plain atomic (Sandbox). */
    const std::atomic<bool> &cancelFlag() const { return m_cancelled; }

    /*! Records progress (0–100) and a short message; throttled to one write per progress interval. */
    void setProgress(int percent, const QString &message = QString());

    /*! Asks the job to stop for \a reason (the first reason wins). */
    void requestStop(JobStopReason reason);

private:
    Worker *m_worker;
    Job m_job;
    std::atomic<bool> m_cancelled{false};
    std::atomic<JobStopReason> m_reason{JobStopReason::None};
    std::chrono::steady_clock::time_point m_lastProgressWrite{};
    int m_lastPercent = -1;
};

/*!
 * \brief What a handler returns.
 */
struct JobOutcome
{
    enum class Kind {
        Succeeded, //!< done; result stored
        Failed,    //!< this attempt failed: retried with backoff, dead after max attempts
        FailedPermanently, //!< failed in a way retrying cannot fix: dead at once
        Stopped,   //!< stopped because isCancelled() turned true
    };
    Kind kind = Kind::Succeeded;
    QJsonObject result;
    QString error; //!< what went wrong, for last_error (Failed*)

    static JobOutcome success(QJsonObject result = {}) { return {Kind::Succeeded, std::move(result), {}}; }
    static JobOutcome failure(QString error) { return {Kind::Failed, {}, std::move(error)}; }
    static JobOutcome permanentFailure(QString error) { return {Kind::FailedPermanently, {}, std::move(error)}; }
    static JobOutcome stopped() { return {Kind::Stopped, {}, {}}; }
};

/*!
 * \brief Runs the jobs of one kind. Called on a worker thread, one call per
 * job; a handler object serves many jobs at once, so run() must be
 * thread-safe. An exception escaping run() fails the attempt.
 */
class JobHandler
{
public:
    virtual ~JobHandler() = default;
    virtual JobOutcome run(JobContext &context) = 0;
};

/*!
 * \brief Worker settings. Lease timings: a job is rescued at most
 * leaseDuration + rescueInterval after its worker's last heartbeat.
 */
struct WorkerOptions
{
    std::string listenUrl;     //!< connection URL for the dedicated LISTEN connection (the pool's URL)
    QString workerId;          //!< lease owner id; default host:pid:random
    int concurrency = 4;       //!< jobs run at once (threads); the pool needs concurrency + 2 connections (dispatcher, completer)
    int prefetch = -1;         //!< jobs claimed ahead of a free thread (leased, waiting); -1 = adaptive (below)
    /*!
     * With prefetch = -1, the prefetch adapts to the jobs: it starts at
     * concurrency and doubles (up to maxPrefetch) whenever a claim comes back
     * full after the threads had run out of claimed jobs while it was on its
     * way (short jobs, deep backlog: claim more at once), and halves (down to
     * concurrency) when a claim comes back less than half full (no backlog).
     * Long jobs never let the threads run dry, so a worker does not hoard
     * them while other workers idle.
     */
    int maxPrefetch = -1;      //!< -1 = 32 × concurrency
    /*!
     * Successful outcomes are buffered and written together
     * (JobQueue::completeMany): a batch is written once it holds
     * completionBatch jobs or its first job has waited completionDelay;
     * failures, cancellations and releases are written one by one at once.
     * completionBatch = 1 writes every success on its own (JobQueue::complete).
     */
    int completionBatch = 256;
    std::chrono::milliseconds completionDelay{2};
    std::chrono::milliseconds leaseDuration{30000};
    std::chrono::milliseconds heartbeatInterval{10000}; //!< keep well under leaseDuration
    std::chrono::milliseconds pollInterval{2000};       //!< claim without a NOTIFY this often
    std::chrono::milliseconds rescueInterval{2000};     //!< look for expired leases this often
    std::chrono::milliseconds progressInterval{500};    //!< at most one progress write per job per interval
    bool rescue = true;        //!< whether this worker runs the lease rescue
};

/*!
 * \brief Counters since start().
 */
struct WorkerStats
{
    std::uint64_t claimed = 0;
    std::uint64_t succeeded = 0;
    std::uint64_t failed = 0;    //!< attempts that failed (retrying or dead)
    std::uint64_t cancelled = 0;
    std::uint64_t released = 0;  //!< handed back at shutdown
    std::uint64_t leaseLost = 0; //!< outcomes dropped because the lease was gone
    std::uint64_t rescued = 0;   //!< other workers' expired jobs this one rescued
    std::uint64_t notifications = 0;
    std::uint64_t claims = 0;            //!< claim calls that leased at least one job
    std::uint64_t completionWrites = 0;  //!< completeMany() statements (each ends a batch of successes)
};

/*!
 * \brief Claims jobs from a JobQueue and runs them on threads.
 *
 * One dispatcher thread owns a dedicated connection (not from the pool) that
 * LISTENs on slidespec_jobs (wake-ups, payload = kind) and
 * slidespec_job_cancel (payload = job id). It claims when woken, when a slot
 * frees up and every pollInterval (the fallback when notifications are lost
 * or the LISTEN connection is down, which it re-opens), sends heartbeats for
 * the running jobs (a job missing from the answer lost its lease and is told
 * to stop), and rescues expired leases. `concurrency` threads run the
 * handlers and write failures, cancellations and releases; successes go to a
 * completer thread that writes them in batches (WorkerOptions::completionBatch).
 * A job stays leased, heartbeated and counted as in flight until its outcome
 * is written.
 *
 * stop() is the graceful shutdown (call it from the SIGTERM path): no new
 * claims; running jobs get \a grace to finish; the rest are told to stop
 * (JobStopReason::Shutdown) and are released back to the queue without
 * counting the attempt.
 */
class Worker
{
public:
    Worker(JobQueue &queue, WorkerOptions options);
    ~Worker();
    Worker(const Worker &) = delete;
    Worker &operator=(const Worker &) = delete;

    /*! Registers the handler for \a kind (before start()). */
    void registerHandler(const QString &kind, std::shared_ptr<JobHandler> handler);

    /*! Opens the LISTEN connection and starts the threads. False with \a error when it cannot. */
    bool start(QString *error = nullptr);

    /*! Graceful stop: waits up to \a grace for running jobs, then releases the rest. Blocks until done. */
    void stop(std::chrono::milliseconds grace);

    bool isRunning() const { return m_running.load(); }
    const QString &workerId() const { return m_options.workerId; }
    const WorkerOptions &options() const { return m_options; }
    WorkerStats stats() const;
    /*! Jobs running right now. */
    int inFlight() const;

private:
    friend class JobContext;

    void dispatchLoop();
    void executorLoop();
    void runJob(const std::shared_ptr<JobContext> &context);
    bool connectListener(QString *error);
    void claimJobs();
    void wakeForClaim(); // after a job ends: claim again if more may be waiting
    void sendHeartbeats();
    void wake();
    void writeProgress(const Job &job, int percent, const QString &message);
    void completerLoop();
    void writeCompletions(const std::vector<std::shared_ptr<JobContext>> &contexts,
                          const QList<JobCompletion> &completions);
    void finishJob(const Job &job, bool lost, const std::optional<JobState> &state);

    JobQueue &m_queue;
    WorkerOptions m_options;
    QHash<QString, std::shared_ptr<JobHandler>> m_handlers;
    QStringList m_kinds;

    std::atomic<bool> m_running{false};
    std::atomic<bool> m_draining{false}; // stop(): no more claims
    std::atomic<bool> m_quit{false};     // stop(): the dispatcher ends
    std::atomic<bool> m_claimWanted{true};
    std::atomic<bool> m_mayHaveMore{true}; // the last claim was full, or one was skipped for lack of room
    int m_wakeFd = -1;

    struct Listener;
    std::unique_ptr<Listener> m_listener; // dispatcher thread only

    mutable std::mutex m_mutex;
    std::condition_variable m_workAvailable;
    std::condition_variable m_idle;
    std::deque<std::shared_ptr<JobContext>> m_pending;               // claimed, not yet started
    std::map<qint64, std::shared_ptr<JobContext>> m_active;          // claimed (pending or running)
    bool m_executorsQuit = false;
    WorkerStats m_stats;
    int m_prefetch = 0;                                              // the current prefetch (dispatcher thread)

    // Successes waiting to be written (completerLoop).
    std::condition_variable m_completionsAvailable;
    std::vector<std::pair<std::shared_ptr<JobContext>, QJsonObject>> m_completions;
    int m_completing = 0; // jobs in m_active whose success is buffered or being written
    std::chrono::steady_clock::time_point m_oldestCompletion{};
    bool m_completerQuit = false;
    std::thread m_completer;

    std::thread m_dispatcher;
    std::vector<std::thread> m_executors;
};

} // namespace slidespec::server
