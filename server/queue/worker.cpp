// SPDX-License-Identifier: GPL-3.0-or-later
#include "queue/worker.h"

#include "http/logging.h"

#include <QRandomGenerator>
#include <QSet>
#include <QSysInfo>

#include <pqxx/connection>
#include <pqxx/notification>

#include <poll.h>
#include <sys/eventfd.h>
#include <unistd.h>

#include <algorithm>
#include <functional>
#include <iterator>

namespace slidespec::server {

namespace {

using Clock = std::chrono::steady_clock;

constexpr const char *jobsChannel = "slidespec_jobs";
constexpr const char *cancelChannel = "slidespec_job_cancel";

class Receiver : public pqxx::notification_receiver
{
public:
    Receiver(pqxx::connection_base &c, const std::string &channel, std::function<void(const std::string &)> fn)
        : pqxx::notification_receiver(c, channel), m_fn(std::move(fn))
    {
    }
    void operator()(const std::string &payload, int /*backendPid*/) override { m_fn(payload); }

private:
    std::function<void(const std::string &)> m_fn;
};

QString defaultWorkerId()
{
    return QStringLiteral("%1:%2:%3")
        .arg(QSysInfo::machineHostName())
        .arg(::getpid())
        .arg(QRandomGenerator::global()->generate(), 8, 16, QLatin1Char('0'));
}

QJsonObject jobFields(const Job &job)
{
    return {{QStringLiteral("job_id"), QString::number(job.id)},
            {QStringLiteral("kind"), job.kind},
            {QStringLiteral("org_id"), job.orgId},
            {QStringLiteral("attempt"), job.attempts}};
}

} // namespace

struct Worker::Listener
{
    std::unique_ptr<pqxx::connection> connection;
    std::unique_ptr<Receiver> jobs;
    std::unique_ptr<Receiver> cancel;

    ~Listener()
    {
        // Receivers unregister from the connection: drop them first.
        jobs.reset();
        cancel.reset();
        connection.reset();
    }
};

// --- JobContext ------------------------------------------------------------

JobContext::JobContext(Worker *worker, Job job) : m_worker(worker), m_job(std::move(job)) {}

void JobContext::setProgress(int percent, const QString &message)
{
    percent = std::clamp(percent, 0, 100);
    const auto now = Clock::now();
    if (percent != 100 && m_lastPercent >= 0 && now - m_lastProgressWrite < m_worker->m_options.progressInterval)
        return;
    m_lastProgressWrite = now;
    m_lastPercent = percent;
    m_worker->writeProgress(m_job, percent, message);
}

void JobContext::requestStop(JobStopReason reason)
{
    auto expected = JobStopReason::None;
    m_reason.compare_exchange_strong(expected, reason, std::memory_order_acq_rel);
    m_cancelled.store(true, std::memory_order_release);
}

// --- Worker ----------------------------------------------------------------

Worker::Worker(JobQueue &queue, WorkerOptions options) : m_queue(queue), m_options(std::move(options))
{
    if (m_options.workerId.isEmpty())
        m_options.workerId = defaultWorkerId();
    m_options.concurrency = std::max(1, m_options.concurrency);
    if (m_options.maxPrefetch < 0)
        m_options.maxPrefetch = 32 * m_options.concurrency;
    m_options.maxPrefetch = std::max(m_options.maxPrefetch, m_options.concurrency);
    m_options.completionBatch = std::max(1, m_options.completionBatch);
    m_prefetch = m_options.prefetch < 0 ? m_options.concurrency : m_options.prefetch;
}

Worker::~Worker()
{
    stop(std::chrono::milliseconds(0));
}

void Worker::registerHandler(const QString &kind, std::shared_ptr<JobHandler> handler)
{
    if (!m_handlers.contains(kind))
        m_kinds.append(kind);
    m_handlers.insert(kind, std::move(handler));
}

bool Worker::connectListener(QString *error)
{
    try {
        auto listener = std::make_unique<Listener>();
        listener->connection = std::make_unique<pqxx::connection>(m_options.listenUrl);
        listener->jobs = std::make_unique<Receiver>(*listener->connection, jobsChannel, [this](const std::string &kind) {
            {
                std::lock_guard lock(m_mutex);
                ++m_stats.notifications;
            }
            if (m_handlers.contains(QString::fromStdString(kind)))
                m_claimWanted = true;
        });
        listener->cancel = std::make_unique<Receiver>(*listener->connection, cancelChannel, [this](const std::string &id) {
            const qint64 jobId = QByteArray::fromStdString(id).toLongLong();
            std::lock_guard lock(m_mutex);
            ++m_stats.notifications;
            if (auto it = m_active.find(jobId); it != m_active.end())
                it->second->requestStop(JobStopReason::CancelRequested);
        });
        m_listener = std::move(listener);
        return true;
    } catch (const std::exception &e) {
        if (error)
            *error = QStringLiteral("cannot open the LISTEN connection: %1").arg(QString::fromUtf8(e.what()).trimmed());
        return false;
    }
}

bool Worker::start(QString *error)
{
    if (m_running)
        return true;
    if (m_handlers.isEmpty()) {
        if (error)
            *error = QStringLiteral("the worker has no job handlers registered");
        return false;
    }
    if (!connectListener(error))
        return false;
    m_wakeFd = ::eventfd(0, EFD_CLOEXEC | EFD_NONBLOCK);
    if (m_wakeFd < 0) {
        m_listener.reset();
        if (error)
            *error = QStringLiteral("eventfd failed: %1").arg(qt_error_string(errno));
        return false;
    }
    m_draining = false;
    m_quit = false;
    m_executorsQuit = false;
    m_completerQuit = false;
    m_claimWanted = true;
    m_mayHaveMore = true;
    m_stats = WorkerStats();
    m_prefetch = m_options.prefetch < 0 ? m_options.concurrency : m_options.prefetch;
    m_running = true;
    m_completer = std::thread([this] { completerLoop(); });
    for (int i = 0; i < m_options.concurrency; ++i)
        m_executors.emplace_back([this] { executorLoop(); });
    m_dispatcher = std::thread([this] { dispatchLoop(); });
    logging::info(QStringLiteral("job worker started"),
                  {{QStringLiteral("worker"), m_options.workerId},
                   {QStringLiteral("kinds"), m_kinds.join(QLatin1Char(','))},
                   {QStringLiteral("concurrency"), m_options.concurrency}});
    return true;
}

void Worker::stop(std::chrono::milliseconds grace)
{
    if (!m_running)
        return;
    m_draining = true;
    wake();
    {
        std::unique_lock lock(m_mutex);
        // Jobs claimed but not started go back at once, for other workers.
        for (auto &context : m_pending)
            context->requestStop(JobStopReason::Shutdown);
        m_idle.wait_for(lock, grace, [this] { return m_active.empty(); });
        for (auto &[id, context] : m_active)
            context->requestStop(JobStopReason::Shutdown);
        m_executorsQuit = true;
    }
    m_workAvailable.notify_all();
    for (auto &t : m_executors)
        t.join();
    m_executors.clear();
    // The completer writes what is still buffered, then ends.
    {
        std::lock_guard lock(m_mutex);
        m_completerQuit = true;
    }
    m_completionsAvailable.notify_all();
    m_completer.join();
    m_quit = true;
    wake();
    m_dispatcher.join();
    m_listener.reset();
    ::close(m_wakeFd);
    m_wakeFd = -1;
    m_running = false;
    const auto s = stats();
    logging::info(QStringLiteral("job worker stopped"),
                  {{QStringLiteral("worker"), m_options.workerId},
                   {QStringLiteral("succeeded"), qint64(s.succeeded)},
                   {QStringLiteral("released"), qint64(s.released)}});
}

WorkerStats Worker::stats() const
{
    std::lock_guard lock(m_mutex);
    return m_stats;
}

int Worker::inFlight() const
{
    std::lock_guard lock(m_mutex);
    return int(m_active.size());
}

void Worker::wake()
{
    if (m_wakeFd >= 0) {
        const std::uint64_t one = 1;
        [[maybe_unused]] const auto n = ::write(m_wakeFd, &one, sizeof one);
    }
}

void Worker::writeProgress(const Job &job, int percent, const QString &message)
{
    const auto r = m_queue.setProgress(job.id, m_options.workerId, percent, message);
    if (!r)
        logging::warn(QStringLiteral("job progress not recorded"),
                      {{QStringLiteral("job_id"), QString::number(job.id)},
                       {QStringLiteral("error"), r.error().message}});
}

void Worker::claimJobs()
{
    // Keep up to concurrency + prefetch jobs leased, and claim only when the
    // local queue runs low, so claims come in batches rather than one job
    // per freed thread.
    int free = 0;
    int pending = 0;
    {
        std::lock_guard lock(m_mutex);
        // Jobs whose success is being written no longer take a thread or a
        // prefetch slot (they stay in m_active for the heartbeats).
        free = m_options.concurrency + m_prefetch - (int(m_active.size()) - m_completing);
        pending = int(m_pending.size());
    }
    m_claimWanted = false;
    if (m_draining)
        return;
    if (free <= 0 || pending > m_prefetch / 2) {
        // No room now: claim again when a job ends, there may be more.
        m_mayHaveMore = true;
        return;
    }
    auto claimed = m_queue.claim(m_options.workerId, m_kinds, free, m_options.leaseDuration);
    if (!claimed) {
        logging::warn(QStringLiteral("claiming jobs failed; retrying at the next poll"),
                      {{QStringLiteral("worker"), m_options.workerId},
                       {QStringLiteral("error"), claimed.error().message}});
        return;
    }
    const int got = int(claimed->size());
    bool starved = false;
    {
        std::lock_guard lock(m_mutex);
        // The threads ran out of claimed jobs while this claim was on its way.
        starved = m_pending.empty() && int(m_active.size()) - m_completing < m_options.concurrency;
        for (auto &job : *claimed) {
            auto context = std::make_shared<JobContext>(this, std::move(job));
            m_active.emplace(context->job().id, context);
            m_pending.push_back(std::move(context));
        }
        m_stats.claimed += std::uint64_t(got);
        if (got > 0)
            ++m_stats.claims;
    }
    // Adaptive prefetch: a full claim that arrived after the threads had run
    // dry says the jobs are short and the backlog deep: claim more at once
    // next time. A claim less than half full says there is no backlog. Long
    // jobs never let the threads run dry, so they are not hoarded.
    if (m_options.prefetch < 0) {
        if (got >= free && starved)
            m_prefetch = std::min(m_options.maxPrefetch, m_prefetch * 2);
        else if (got < free / 2)
            m_prefetch = std::max(m_options.concurrency, m_prefetch / 2);
    }
    // A full claim says more may be waiting: claim again at once and after
    // each job that ends. Otherwise the queue is drained (as far as this
    // claim could see): wait for a notification or the poll, and do not
    // claim after every job (at a trickle of jobs that would be one empty
    // claim per job, each keeping the dispatcher from the next wake-up).
    m_mayHaveMore = got >= free;
    if (got == 0)
        return;
    m_workAvailable.notify_all();
    if (got >= free)
        m_claimWanted = true;
}

void Worker::sendHeartbeats()
{
    QList<qint64> ids;
    {
        std::lock_guard lock(m_mutex);
        for (const auto &[id, context] : m_active)
            ids.append(id);
    }
    if (ids.isEmpty())
        return;
    const auto answer = m_queue.heartbeat(m_options.workerId, ids, m_options.leaseDuration);
    if (!answer) {
        logging::warn(QStringLiteral("job heartbeat failed; leases may expire"),
                      {{QStringLiteral("worker"), m_options.workerId},
                       {QStringLiteral("error"), answer.error().message}});
        return;
    }
    QHash<qint64, bool> held;
    for (const auto &status : *answer)
        held.insert(status.id, status.cancelRequested);
    std::lock_guard lock(m_mutex);
    for (const qint64 id : ids) {
        auto it = m_active.find(id);
        if (it == m_active.end())
            continue; // finished meanwhile
        if (!held.contains(id))
            it->second->requestStop(JobStopReason::LeaseLost);
        else if (held.value(id))
            it->second->requestStop(JobStopReason::CancelRequested);
    }
}

void Worker::dispatchLoop()
{
    auto now = Clock::now();
    auto nextPoll = now;
    auto nextHeartbeat = now + m_options.heartbeatInterval;
    auto nextRescue = now;
    auto nextReconnect = now + m_options.pollInterval;

    while (!m_quit) {
        now = Clock::now();
        if (!m_listener && now >= nextReconnect) {
            QString error;
            if (connectListener(&error)) {
                m_claimWanted = true; // notifications may have been missed
                logging::info(QStringLiteral("job worker LISTEN connection re-opened"),
                              {{QStringLiteral("worker"), m_options.workerId}});
            }
            nextReconnect = now + m_options.pollInterval;
        }
        if (!m_draining && (m_claimWanted || now >= nextPoll)) {
            claimJobs();
            nextPoll = Clock::now() + m_options.pollInterval;
        }
        if (Clock::now() >= nextHeartbeat) {
            sendHeartbeats();
            nextHeartbeat = Clock::now() + m_options.heartbeatInterval;
        }
        if (m_options.rescue && !m_draining && Clock::now() >= nextRescue) {
            const auto rescued = m_queue.rescueExpired();
            if (rescued && *rescued > 0) {
                {
                    std::lock_guard lock(m_mutex);
                    m_stats.rescued += std::uint64_t(*rescued);
                }
                logging::warn(QStringLiteral("rescued jobs whose worker stopped renewing its lease"),
                              {{QStringLiteral("worker"), m_options.workerId},
                               {QStringLiteral("count"), *rescued}});
                m_claimWanted = true;
            }
            nextRescue = Clock::now() + m_options.rescueInterval;
        }

        // Sleep until the next timer, a notification or a wake-up.
        now = Clock::now();
        auto until = std::min({nextPoll, nextHeartbeat, m_options.rescue ? nextRescue : nextHeartbeat});
        if (!m_listener)
            until = std::min(until, nextReconnect);
        if (m_claimWanted && !m_draining)
            until = now;
        const auto timeout = std::clamp<long long>(
            std::chrono::duration_cast<std::chrono::milliseconds>(until - now).count(), 0, 1000);
        pollfd fds[2];
        int count = 0;
        fds[count++] = {m_wakeFd, POLLIN, 0};
        if (m_listener)
            fds[count++] = {m_listener->connection->sock(), POLLIN, 0};
        if (timeout > 0 || count > 0)
            ::poll(fds, nfds_t(count), int(timeout));
        std::uint64_t drained = 0;
        [[maybe_unused]] const auto n = ::read(m_wakeFd, &drained, sizeof drained);
        if (m_listener) {
            try {
                m_listener->connection->get_notifs();
            } catch (const std::exception &e) {
                logging::warn(QStringLiteral("job worker LISTEN connection lost; polling until it is back"),
                              {{QStringLiteral("worker"), m_options.workerId},
                               {QStringLiteral("error"), QString::fromUtf8(e.what()).trimmed()}});
                m_listener.reset();
                nextReconnect = Clock::now() + m_options.pollInterval;
            }
        }
    }
}

void Worker::executorLoop()
{
    for (;;) {
        std::shared_ptr<JobContext> context;
        {
            std::unique_lock lock(m_mutex);
            m_workAvailable.wait(lock, [this] { return !m_pending.empty() || m_executorsQuit; });
            if (m_pending.empty())
                return;
            context = std::move(m_pending.front());
            m_pending.pop_front();
        }
        runJob(context);
    }
}

void Worker::runJob(const std::shared_ptr<JobContext> &context)
{
    const Job &job = context->job();
    JobOutcome outcome = JobOutcome::stopped();
    if (!context->isCancelled()) {
        const auto handler = m_handlers.value(job.kind);
        if (!handler) {
            outcome = JobOutcome::permanentFailure(QStringLiteral("no handler for job kind '%1'").arg(job.kind));
        } else {
            try {
                outcome = handler->run(*context);
            } catch (const std::exception &e) {
                outcome = JobOutcome::failure(
                    QStringLiteral("the %1 handler threw: %2").arg(job.kind, QString::fromUtf8(e.what())));
            } catch (...) {
                outcome = JobOutcome::failure(QStringLiteral("the %1 handler threw an unknown exception").arg(job.kind));
            }
        }
    }

    const auto reason = context->stopReason();
    if (outcome.kind == JobOutcome::Kind::Succeeded && m_options.completionBatch > 1) {
        // Written with others by the completer thread; the job stays in
        // m_active (leased, heartbeated) until then.
        {
            std::lock_guard lock(m_mutex);
            if (m_completions.empty())
                m_oldestCompletion = Clock::now();
            m_completions.emplace_back(context, std::move(outcome.result));
            ++m_completing;
        }
        m_completionsAvailable.notify_one();
        wakeForClaim();
        return;
    }
    DbResult<std::optional<JobState>> written = std::optional<JobState>();
    bool lost = false;
    // The outcome write is retried briefly: if it never lands, the lease
    // expires and the rescue runs the job again.
    for (int attempt = 0; attempt < 3; ++attempt) {
        switch (outcome.kind) {
        case JobOutcome::Kind::Succeeded:
            written = m_queue.complete(job.id, m_options.workerId, outcome.result);
            break;
        case JobOutcome::Kind::Failed:
        case JobOutcome::Kind::FailedPermanently:
            written = m_queue.fail(job.id, m_options.workerId, job.attempts, outcome.error,
                                   outcome.kind == JobOutcome::Kind::FailedPermanently);
            break;
        case JobOutcome::Kind::Stopped:
            if (reason == JobStopReason::CancelRequested)
                written = m_queue.markCancelled(job.id, m_options.workerId);
            else if (reason == JobStopReason::Shutdown)
                written = m_queue.release(job.id, m_options.workerId);
            else if (reason == JobStopReason::LeaseLost)
                written = std::optional<JobState>();
            else
                written = m_queue.fail(job.id, m_options.workerId, job.attempts,
                                       QStringLiteral("the %1 handler stopped without being asked to").arg(job.kind));
            break;
        }
        if (written)
            break;
        std::this_thread::sleep_for(std::chrono::milliseconds(200 * (attempt + 1)));
    }
    if (!written) {
        auto fields = jobFields(job);
        fields.insert(QStringLiteral("error"), written.error().message);
        logging::error(QStringLiteral("could not record a job's outcome; its lease will expire and it will be rescued"),
                       fields);
    } else if (!written->has_value()) {
        lost = true;
        if (reason != JobStopReason::LeaseLost) {
            logging::warn(QStringLiteral("job outcome dropped: the lease was lost (the job was rescued)"), jobFields(job));
        }
    } else if (outcome.kind == JobOutcome::Kind::Failed || outcome.kind == JobOutcome::Kind::FailedPermanently) {
        auto fields = jobFields(job);
        fields.insert(QStringLiteral("error"), outcome.error);
        fields.insert(QStringLiteral("state"), jobStateName(**written));
        logging::warn(QStringLiteral("job attempt failed"), fields);
    }

    finishJob(job, lost || reason == JobStopReason::LeaseLost,
              written && written->has_value() ? std::optional<JobState>(**written) : std::nullopt);
}

void Worker::finishJob(const Job &job, bool lost, const std::optional<JobState> &state)
{
    {
        std::lock_guard lock(m_mutex);
        if (lost) {
            ++m_stats.leaseLost;
        } else if (state) {
            switch (*state) {
            case JobState::Succeeded:
                ++m_stats.succeeded;
                break;
            case JobState::Cancelled:
                ++m_stats.cancelled;
                break;
            case JobState::Queued:
                ++m_stats.released;
                break;
            case JobState::Retrying:
            case JobState::Dead:
                ++m_stats.failed;
                break;
            case JobState::Running:
                break;
            }
        }
        m_active.erase(job.id);
        if (m_active.empty())
            m_idle.notify_all();
    }
    wakeForClaim();
}

void Worker::wakeForClaim()
{
    if (m_mayHaveMore) {
        m_claimWanted = true;
        wake();
    }
}

void Worker::completerLoop()
{
    for (;;) {
        std::vector<std::pair<std::shared_ptr<JobContext>, QJsonObject>> batch;
        {
            std::unique_lock lock(m_mutex);
            m_completionsAvailable.wait(lock, [this] { return !m_completions.empty() || m_completerQuit; });
            if (m_completions.empty())
                return; // quitting, nothing left
            // Linger until the batch is full or its oldest success has
            // waited completionDelay (not when quitting).
            const auto due = m_oldestCompletion + m_options.completionDelay;
            m_completionsAvailable.wait_until(lock, due, [this] {
                return int(m_completions.size()) >= m_options.completionBatch || m_completerQuit;
            });
            const auto take = std::min<std::size_t>(m_completions.size(), std::size_t(m_options.completionBatch));
            batch.assign(std::make_move_iterator(m_completions.begin()),
                         std::make_move_iterator(m_completions.begin() + std::ptrdiff_t(take)));
            m_completions.erase(m_completions.begin(), m_completions.begin() + std::ptrdiff_t(take));
            if (!m_completions.empty())
                m_oldestCompletion = Clock::now();
        }
        std::vector<std::shared_ptr<JobContext>> contexts;
        QList<JobCompletion> completions;
        contexts.reserve(batch.size());
        completions.reserve(qsizetype(batch.size()));
        for (auto &[context, result] : batch) {
            completions.append(JobCompletion{context->job().id, std::move(result)});
            contexts.push_back(std::move(context));
        }
        writeCompletions(contexts, completions);
    }
}

void Worker::writeCompletions(const std::vector<std::shared_ptr<JobContext>> &contexts,
                              const QList<JobCompletion> &completions)
{
    // Retried briefly like a single outcome: if it never lands, the leases
    // expire and the rescue runs the jobs again.
    DbResult<QList<qint64>> written = QList<qint64>();
    for (int attempt = 0; attempt < 3; ++attempt) {
        written = m_queue.completeMany(m_options.workerId, completions);
        if (written)
            break;
        std::this_thread::sleep_for(std::chrono::milliseconds(200 * (attempt + 1)));
    }
    if (!written) {
        logging::error(QStringLiteral("could not record jobs' outcomes; their leases will expire and they will be rescued"),
                       {{QStringLiteral("worker"), m_options.workerId},
                        {QStringLiteral("jobs"), int(completions.size())},
                        {QStringLiteral("error"), written.error().message}});
    }
    const QSet<qint64> done = written ? QSet<qint64>(written->cbegin(), written->cend()) : QSet<qint64>();
    for (const auto &context : contexts) {
        if (written && !done.contains(context->job().id) && context->stopReason() != JobStopReason::LeaseLost)
            logging::warn(QStringLiteral("job outcome dropped: the lease was lost (the job was rescued)"),
                          jobFields(context->job()));
    }
    {
        std::lock_guard lock(m_mutex);
        ++m_stats.completionWrites;
        for (const auto &context : contexts) {
            const qint64 id = context->job().id;
            if (done.contains(id))
                ++m_stats.succeeded;
            else if (written)
                ++m_stats.leaseLost;
            m_active.erase(id);
        }
        m_completing -= int(contexts.size());
        if (m_active.empty())
            m_idle.notify_all();
    }
    wakeForClaim();
}

} // namespace slidespec::server
