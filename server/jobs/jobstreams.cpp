// SPDX-License-Identifier: GPL-3.0-or-later
#include "jobs/jobstreams.h"

#include "config/serverconfig.h"
#include "http/logging.h"
#include "http/router.h"
#include "http/service.h"
#include "jobs/jobevents.h"
#include "jobs/jobsmodule.h"
#include "queue/jobqueue.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QThreadPool>
#include <QTimer>

#include <algorithm>
#include <map>
#include <mutex>
#include <set>

namespace slidespec::server {

namespace {

const QString kApiPrefix = QStringLiteral("/api/v1");
constexpr int kMaxRemembered = 1000; //!< org stream: jobs whose last event is remembered (to skip repeats)

ApiError jobNotFound()
{
    return ApiError{404, QStringLiteral("jobs.not_found"), QStringLiteral("No such job in this org."), {}};
}

/*!
 * The `id:` of a job's event: the job id and a digest of its JSON, the same
 * on every server for the same state of the job, so a client's Last-Event-ID
 * says exactly which state it saw last.
 */
QByteArray eventIdOf(qint64 jobId, const QByteArray &json)
{
    return QByteArray::number(jobId) + '-'
           + QCryptographicHash::hash(json, QCryptographicHash::Sha256).toHex().left(12);
}

/*! What a stream last sent about one job. */
struct Sent
{
    QByteArray eventId;
    JobState state = JobState::Queued;
};

/*! One job as an SSE frame: `state` when its state changed since \a previous (or nothing was sent), else `progress`. */
QByteArray frameOf(const Job &job, const Sent *previous, Sent *now)
{
    const QJsonObject json = jobToJson(job);
    now->eventId = eventIdOf(job.id, QJsonDocument(json).toJson(QJsonDocument::Compact));
    now->state = job.state;
    if (previous && previous->eventId == now->eventId)
        return {};
    const bool stateChanged = !previous || previous->state != job.state;
    return sseEvent(stateChanged ? QByteArrayLiteral("state") : QByteArrayLiteral("progress"), json, now->eventId);
}

bool isFinalState(JobState state)
{
    return state == JobState::Succeeded || state == JobState::Dead || state == JobState::Cancelled;
}

class Hub;

/*!
 * One client's stream: a job (jobId > 0) or an org's jobs. Attached on the
 * event loop; feed events (feed thread) mark jobs dirty and start one
 * re-read on the hub's threads, which writes what changed to the sink.
 */
class JobStream final : public ResponseStream, public std::enable_shared_from_this<JobStream>
{
public:
    JobStream(std::weak_ptr<Hub> hub, OrgScope scope, qint64 jobId, QString kind, std::map<qint64, Sent> sent)
        : m_hub(std::move(hub)), m_scope(std::move(scope)), m_jobId(jobId), m_kind(std::move(kind)),
          m_sent(std::move(sent))
    {
    }

    void attach(std::shared_ptr<StreamSink> sink) override;
    void detach() override;

    /*! A heartbeat comment (hub timer, event loop). */
    void heartbeat()
    {
        std::shared_ptr<StreamSink> sink;
        {
            std::lock_guard lock(m_mutex);
            sink = m_sink;
        }
        if (sink)
            sink->write(sseComment());
    }

private:
    friend class Hub;
    void onEvent(const JobEvent &event);
    void onResync();
    void scheduleLocked();
    void refresh(Hub *hub);

    std::weak_ptr<Hub> m_hub;
    const OrgScope m_scope;
    const qint64 m_jobId;
    const QString m_kind;
    quint64 m_token = 0;

    std::mutex m_mutex;
    std::shared_ptr<StreamSink> m_sink;
    std::map<qint64, Sent> m_sent;
    std::set<qint64> m_dirty;
    bool m_relist = false;  //!< org stream: list the active jobs again (after attach and reconnects)
    bool m_running = false; //!< a refresh is queued or running
    bool m_done = false;    //!< detached, or the job stream sent its final state
};

class Hub final : public JobStreamHub, public std::enable_shared_from_this<Hub>
{
public:
    Hub(std::shared_ptr<JobQueue> queue, std::string feedUrl, JobStreamOptions options)
        : m_queue(std::move(queue)), m_feed(std::move(feedUrl)), m_options(options)
    {
        m_pool.setMaxThreadCount(std::max(1, options.readerThreads));
        m_pool.setObjectName(QStringLiteral("slidespec-job-streams"));
        m_heartbeat.setInterval(int(std::max<qint64>(50, options.heartbeat.count())));
        QObject::connect(&m_heartbeat, &QTimer::timeout, [this] { beat(); });
    }

    ~Hub() override { stop(); }

    int openStreams() const override
    {
        std::lock_guard lock(m_streamsMutex);
        return int(m_streams.size());
    }

    void stop() override
    {
        {
            std::lock_guard lock(m_feedMutex);
            m_stopped = true;
        }
        m_feed.stop();
        m_pool.waitForDone();
        m_heartbeat.stop();
    }

    /*! Starts the feed on first use (a request thread). False with \a error when it cannot. */
    bool ensureFeed(QString *error)
    {
        std::lock_guard lock(m_feedMutex);
        if (m_stopped) {
            *error = QStringLiteral("stopping");
            return false;
        }
        if (m_feed.isRunning())
            return true;
        return m_feed.start(error);
    }

    JobEventFeed &feed() { return m_feed; }
    JobQueue &queue() { return *m_queue; }
    const JobStreamOptions &options() const { return m_options; }

    void run(std::shared_ptr<JobStream> stream)
    {
        m_pool.start([this, stream = std::move(stream)] { stream->refresh(this); });
    }

    // Event-loop thread (attach/detach).
    void add(const std::shared_ptr<JobStream> &stream)
    {
        std::lock_guard lock(m_streamsMutex);
        m_streams.emplace(stream.get(), stream);
        if (!m_heartbeat.isActive())
            m_heartbeat.start();
    }
    void remove(JobStream *stream)
    {
        std::lock_guard lock(m_streamsMutex);
        m_streams.erase(stream);
        if (m_streams.empty())
            m_heartbeat.stop();
    }

private:
    void beat()
    {
        std::vector<std::shared_ptr<JobStream>> streams;
        {
            std::lock_guard lock(m_streamsMutex);
            for (const auto &[raw, weak] : m_streams) {
                if (auto s = weak.lock())
                    streams.push_back(std::move(s));
            }
        }
        for (const auto &s : streams)
            s->heartbeat();
    }

    std::shared_ptr<JobQueue> m_queue;
    JobEventFeed m_feed;
    JobStreamOptions m_options;
    std::mutex m_feedMutex;
    bool m_stopped = false;
    QThreadPool m_pool;
    QTimer m_heartbeat;
    mutable std::mutex m_streamsMutex;
    std::map<JobStream *, std::weak_ptr<JobStream>> m_streams;
};

void JobStream::attach(std::shared_ptr<StreamSink> sink)
{
    auto hub = m_hub.lock();
    if (!hub) {
        sink->close();
        return;
    }
    {
        std::lock_guard lock(m_mutex);
        m_sink = std::move(sink);
        // What changed between the handler's read and this subscription is read again now.
        if (m_jobId > 0)
            m_dirty.insert(m_jobId);
        else
            m_relist = true;
    }
    std::weak_ptr<JobStream> weak = weak_from_this();
    m_token = hub->feed().subscribe(
        m_scope.orgId, m_jobId,
        [weak](const JobEvent &event) {
            if (auto self = weak.lock())
                self->onEvent(event);
        },
        [weak] {
            if (auto self = weak.lock())
                self->onResync();
        });
    hub->add(shared_from_this());
    std::lock_guard lock(m_mutex);
    scheduleLocked();
}

void JobStream::detach()
{
    auto hub = m_hub.lock();
    if (hub) {
        // Not under m_mutex: the feed's thread may be in onEvent(), which takes it.
        hub->feed().unsubscribe(m_token);
        hub->remove(this);
    }
    std::lock_guard lock(m_mutex);
    m_done = true;
    m_sink.reset();
    m_dirty.clear();
}

void JobStream::onEvent(const JobEvent &event)
{
    std::lock_guard lock(m_mutex);
    if (m_done)
        return;
    m_dirty.insert(event.jobId);
    scheduleLocked();
}

void JobStream::onResync()
{
    std::lock_guard lock(m_mutex);
    if (m_done)
        return;
    if (m_jobId > 0)
        m_dirty.insert(m_jobId);
    else
        m_relist = true;
    scheduleLocked();
}

void JobStream::scheduleLocked()
{
    if (m_running || m_done || (m_dirty.empty() && !m_relist))
        return;
    auto hub = m_hub.lock();
    if (!hub)
        return;
    m_running = true;
    hub->run(shared_from_this());
}

void JobStream::refresh(Hub *hub)
{
    // One refresh per stream at a time (m_running): frames leave in the order the jobs were read.
    for (;;) {
        std::set<qint64> ids;
        bool relist = false;
        {
            std::lock_guard lock(m_mutex);
            if (m_done || (m_dirty.empty() && !m_relist)) {
                m_running = false;
                return;
            }
            ids.swap(m_dirty);
            relist = std::exchange(m_relist, false);
            if (relist) {
                // Jobs sent as active may have finished while we were not listening.
                for (const auto &[id, sent] : m_sent) {
                    if (!isFinalState(sent.state))
                        ids.insert(id);
                }
            }
        }
        QList<Job> jobs;
        bool gone = false;
        if (relist) {
            for (JobState state : {JobState::Queued, JobState::Running, JobState::Retrying}) {
                JobFilter filter;
                filter.state = state;
                filter.kind = m_kind;
                filter.limit = hub->options().snapshotLimit;
                auto listed = hub->queue().list(m_scope, filter);
                if (!listed) {
                    logging::warn(QStringLiteral("job stream: listing jobs failed"),
                                  {{QStringLiteral("org_id"), m_scope.orgId}, {QStringLiteral("error"), listed.error().message}});
                    continue;
                }
                for (const Job &job : std::as_const(*listed)) {
                    ids.erase(job.id); // read already
                    jobs.append(job);
                }
            }
        }
        for (qint64 id : ids) {
            auto job = hub->queue().get(m_scope, id);
            if (!job) {
                logging::warn(QStringLiteral("job stream: reading a job failed"),
                              {{QStringLiteral("job_id"), QString::number(id)}, {QStringLiteral("error"), job.error().message}});
                continue; // the next event (or resync) reads it again
            }
            if (!job->has_value()) {
                // Discarded, or the caller lost access: a job stream ends; the org stream forgets it.
                if (m_jobId > 0)
                    gone = true;
                std::lock_guard lock(m_mutex);
                m_sent.erase(id);
                continue;
            }
            jobs.append(**job);
        }
        std::sort(jobs.begin(), jobs.end(), [](const Job &a, const Job &b) { return a.id < b.id; });

        QByteArray out;
        bool finished = false;
        std::shared_ptr<StreamSink> sink;
        {
            std::lock_guard lock(m_mutex);
            if (m_done) {
                m_running = false;
                return;
            }
            for (const Job &job : std::as_const(jobs)) {
                if (!m_kind.isEmpty() && job.kind != m_kind)
                    continue;
                const auto it = m_sent.find(job.id);
                Sent now;
                out += frameOf(job, it == m_sent.end() ? nullptr : &it->second, &now);
                m_sent[job.id] = now;
                if (m_jobId > 0 && isFinalState(job.state))
                    finished = true;
            }
            if (m_sent.size() > size_t(kMaxRemembered)) {
                // Forget finished jobs first, oldest first.
                for (auto it = m_sent.begin(); it != m_sent.end() && m_sent.size() > size_t(kMaxRemembered) / 2;) {
                    it = isFinalState(it->second.state) ? m_sent.erase(it) : std::next(it);
                }
            }
            if (finished || gone)
                m_done = true;
            sink = m_sink;
        }
        if (sink) {
            if (!out.isEmpty())
                sink->write(out);
            if (finished || gone)
                sink->close(); // detach() follows on the event loop
        }
        if (finished || gone) {
            std::lock_guard lock(m_mutex);
            m_running = false;
            return;
        }
    }
}

QString invalidKind(const QString &kind)
{
    static const QRegularExpression pattern(QStringLiteral("^[a-z][a-z0-9-]{0,62}$"));
    return kind.isEmpty() || pattern.match(kind).hasMatch() ? QString() : kind;
}

ApiError unavailable(const QString &why)
{
    logging::warn(QStringLiteral("job streams unavailable"), {{QStringLiteral("error"), why}});
    return ApiError{503, QStringLiteral("jobs.events_unavailable"),
                    QStringLiteral("Job events are unavailable right now; poll GET …/jobs/{jobId} or reconnect later."),
                    {}};
}

HttpResponse withRetryAfter(HttpResponse response)
{
    if (response.status() == 503)
        response.setHeader("Retry-After", "5");
    return response;
}

RouteDoc streamDoc(const QString &summary, const QString &description, QList<int> errors, QList<QueryParamDoc> params = {})
{
    RouteDoc d;
    d.tag = QStringLiteral("Jobs");
    d.summary = summary;
    d.description = description;
    d.responseSchema = QStringLiteral("JobEventStream");
    d.responseContentType = QStringLiteral("text/event-stream");
    d.errorStatuses = std::move(errors);
    d.queryParams = std::move(params);
    return d;
}

} // namespace

std::shared_ptr<JobStreamHub> registerJobStreamRoutes(Router &router, std::shared_ptr<JobQueue> queue,
                                                      std::string feedUrl, JobStreamOptions options)
{
    auto hub = std::make_shared<Hub>(std::move(queue), std::move(feedUrl), options);
    router.addSchema(
        QStringLiteral("JobEventStream"),
        QJsonObject{{QStringLiteral("type"), QStringLiteral("string")},
                    {QStringLiteral("description"),
                     QStringLiteral("Server-Sent Events (text/event-stream): `retry: <ms>`, then frames `id: <jobId>-<digest>`, "
                                    "`event: state|progress`, `data: <Job as compact JSON>` (see Job), and `: heartbeat` "
                                    "comments.")}});
    const QByteArray retry = "retry: " + QByteArray::number(options.retryMs) + "\n\n";
    const QString jobs = kApiPrefix + QStringLiteral("/orgs/{orgId}/jobs");
    bool added = true;

    // The org stream is a literal segment ("events") where the job routes have {jobId}: the router
    // prefers literals, so GET …/jobs/events is never read as job "events".
    added = router.add(Route{
                .method = "GET",
                .pattern = jobs + QStringLiteral("/events"),
                .handler = [hub, retry](RequestContext &ctx) -> HttpResponse {
                    const QString kind = ctx.queryValue(QStringLiteral("kind"));
                    if (!invalidKind(kind).isEmpty())
                        return ApiError::badRequest(QStringLiteral("request.invalid_parameter"),
                                                    QStringLiteral("kind is a job kind such as export-pptx (lower-case letters, digits and -)."),
                                                    {{QStringLiteral("parameter"), QStringLiteral("kind")}});
                    QString error;
                    if (!hub->ensureFeed(&error))
                        return withRetryAfter(unavailable(error));
                    const OrgScope scope = ctx.orgScope();
                    // The org's active jobs now (subscribing happens on attach; it re-lists then).
                    QList<Job> active;
                    for (JobState state : {JobState::Queued, JobState::Running, JobState::Retrying}) {
                        JobFilter filter;
                        filter.state = state;
                        filter.kind = kind;
                        filter.limit = hub->options().snapshotLimit;
                        auto listed = hub->queue().list(scope, filter);
                        if (!listed)
                            return withRetryAfter(listed.error().toApiError());
                        active += *listed;
                    }
                    std::sort(active.begin(), active.end(), [](const Job &a, const Job &b) { return a.id < b.id; });
                    std::map<qint64, Sent> sent;
                    QByteArray initial = retry;
                    for (const Job &job : std::as_const(active)) {
                        Sent now;
                        initial += frameOf(job, nullptr, &now);
                        sent.emplace(job.id, now);
                    }
                    return HttpResponse::stream(std::make_shared<JobStream>(hub, scope, 0, kind, std::move(sent)),
                                                initial);
                },
                .auth = AuthMode::Required,
                .permission = QStringLiteral("jobs.read"),
                .doc = streamDoc(
                    QStringLiteral("Server-Sent Events: changes of the org's jobs"),
                    QStringLiteral("text/event-stream. First the org's active (queued, running, retrying) jobs, one "
                                   "`event: state` each, then `event: state` (the state changed) or `event: progress` "
                                   "(progress or its message changed) with the job as `data:` JSON whenever any job "
                                   "of the org changes, including new ones. `id:` is `<jobId>-<digest of the job>`. "
                                   "A `: heartbeat` comment every 15 s. Stays open. Optional kind= filter. Over the "
                                   "server's stream cap 503, over the org's 429, both with Retry-After."),
                    {400, 429, 503},
                    {{QStringLiteral("kind"), QStringLiteral("string"), QStringLiteral("only jobs of this kind, e.g. export-pptx"), false}}),
            })
            && added;

    added = router.add(Route{
                .method = "GET",
                .pattern = jobs + QStringLiteral("/{jobId}/events"),
                .handler = [hub, retry](RequestContext &ctx) -> HttpResponse {
                    bool ok = false;
                    const qint64 id = ctx.pathParam(QStringLiteral("jobId")).toLongLong(&ok);
                    if (!ok || id <= 0)
                        return jobNotFound();
                    const OrgScope scope = ctx.orgScope();
                    // Another org's job is not found: 404 before anything streams.
                    auto found = hub->queue().get(scope, id);
                    if (!found)
                        return withRetryAfter(found.error().toApiError());
                    if (!found->has_value())
                        return jobNotFound();
                    const Job &job = **found;
                    Sent now;
                    const QByteArray frame = frameOf(job, nullptr, &now);
                    const bool seen = ctx.header("last-event-id").trimmed() == now.eventId;
                    if (isFinalState(job.state)) {
                        // Nothing will change: the whole answer at once. A client that already saw this final
                        // state gets 204, which tells an EventSource to stop reconnecting.
                        if (seen)
                            return HttpResponse::noContent();
                        HttpResponse whole = HttpResponse::bytes("text/event-stream", retry + frame);
                        whole.setHeader("Cache-Control", "no-cache");
                        return whole;
                    }
                    QString error;
                    if (!hub->ensureFeed(&error))
                        return withRetryAfter(unavailable(error));
                    std::map<qint64, Sent> sent{{job.id, now}};
                    return HttpResponse::stream(std::make_shared<JobStream>(hub, scope, job.id, QString(), std::move(sent)),
                                                seen ? retry : retry + frame);
                },
                .auth = AuthMode::Required,
                .permission = QStringLiteral("jobs.read"),
                .doc = streamDoc(
                    QStringLiteral("Server-Sent Events: a job's state and progress until it finishes"),
                    QStringLiteral("text/event-stream. First the job now (`event: state`), then `event: state` or "
                                   "`event: progress` with the job as `data:` JSON on every change; the stream ends "
                                   "after a final state (succeeded, dead, cancelled). `id:` is `<jobId>-<digest of "
                                   "the job>`: reconnecting with Last-Event-ID skips the first event when nothing "
                                   "changed, and a finished job the client has seen answers 204 (an EventSource "
                                   "then stops). A `: heartbeat` comment every 15 s. Another org's job: 404."),
                    {404, 429, 503}),
            })
            && added;
    return added ? std::static_pointer_cast<JobStreamHub>(hub) : nullptr;
}

bool installJobStreams(Service &service)
{
    auto hub = registerJobStreamRoutes(service.router(), std::make_shared<JobQueue>(service.database()),
                                       service.config().databaseUrl.toStdString());
    if (!hub)
        return false;
    if (auto *app = QCoreApplication::instance()) {
        QObject::connect(app, &QCoreApplication::aboutToQuit, [weak = std::weak_ptr<JobStreamHub>(hub)] {
            if (auto h = weak.lock())
                h->stop();
        });
    }
    // The routes own the hub and the router outlives the pool: stop its readers and feed with the
    // service's modules, before the pool goes.
    struct StopWithService
    {
        explicit StopWithService(std::weak_ptr<JobStreamHub> h) : hub(std::move(h)) {}
        StopWithService(const StopWithService &) = delete;
        StopWithService &operator=(const StopWithService &) = delete;
        ~StopWithService()
        {
            if (auto h = hub.lock())
                h->stop();
        }
        std::weak_ptr<JobStreamHub> hub;
    };
    service.adopt(std::make_shared<StopWithService>(hub));
    return true;
}

} // namespace slidespec::server
