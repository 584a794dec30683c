// SPDX-License-Identifier: GPL-3.0-or-later
#include "jobs/jobsmodule.h"

#include "config/serverconfig.h"
#include "content/contentroutes.h"
#include "content/contentservice.h"
#include "db/database.h"
#include "db/runscoped.h"
#include "http/httpserver.h"
#include "http/logging.h"
#include "http/metrics.h"
#include "http/router.h"
#include "http/service.h"
#include "maintenance/maintenance.h"
#include "ops/usage.h"
#include "storage/storagebackend.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QEventLoop>
#include <QHostAddress>
#include <QJsonArray>
#include <QJsonObject>
#include <QProcessEnvironment>
#include <QTimer>
#include <QSet>

#include <algorithm>
#include <atomic>
#include <csignal>
#include <thread>

namespace slidespec::server {

namespace {

const QString kApiPrefix = QStringLiteral("/api/v1");

QString iso(const QDateTime &t)
{
    return t.isValid() ? t.toUTC().toString(Qt::ISODateWithMs) : QString();
}

QJsonValue isoOrNull(const QDateTime &t)
{
    return t.isValid() ? QJsonValue(iso(t)) : QJsonValue(QJsonValue::Null);
}

RouteDoc doc(const QString &summary, const QString &request, const QString &response, int status = 200,
             QList<int> errors = {}, QList<QueryParamDoc> params = {})
{
    return routeDoc(QStringLiteral("Jobs"), summary, request, response, status, std::move(errors), std::move(params));
}

ApiError jobNotFound()
{
    return ApiError{404, QStringLiteral("jobs.not_found"), QStringLiteral("No such job in this org."), {}};
}

std::optional<qint64> jobIdOf(const RequestContext &ctx)
{
    bool ok = false;
    const qint64 id = ctx.pathParam(QStringLiteral("jobId")).toLongLong(&ok);
    if (!ok || id <= 0)
        return std::nullopt;
    return id;
}

struct ApiContext
{
    ApiContext(Database &d, std::shared_ptr<JobQueue> q, JobsApiOptions o)
        : db(d), queue(std::move(q)), options(std::move(o)), signer(options.urlSigningKey)
    {
    }
    Database &db;
    std::shared_ptr<JobQueue> queue;
    JobsApiOptions options;
    UrlSigner signer;
};

void addSchemas(Router &router)
{
    const QJsonObject str{{QStringLiteral("type"), QStringLiteral("string")}};
    const QJsonObject integer{{QStringLiteral("type"), QStringLiteral("integer")}};
    const QJsonObject nullableStr{{QStringLiteral("type"), QJsonArray{QStringLiteral("string"), QStringLiteral("null")}}};
    QJsonObject states{{QStringLiteral("type"), QStringLiteral("string")},
                       {QStringLiteral("enum"), QJsonArray{QStringLiteral("queued"), QStringLiteral("running"),
                                                           QStringLiteral("succeeded"), QStringLiteral("retrying"),
                                                           QStringLiteral("dead"), QStringLiteral("cancelled")}}};
    QJsonObject kinds{{QStringLiteral("type"), QStringLiteral("string")},
                      {QStringLiteral("enum"), QJsonArray::fromStringList(renderJobKinds())}};
    router.addSchema(QStringLiteral("Job"),
                     QJsonObject{{QStringLiteral("type"), QStringLiteral("object")},
                                 {QStringLiteral("properties"),
                                  QJsonObject{{QStringLiteral("id"), str},
                                              {QStringLiteral("kind"), kinds},
                                              {QStringLiteral("state"), states},
                                              {QStringLiteral("progress"), integer},
                                              {QStringLiteral("progressMessage"), str},
                                              {QStringLiteral("attempts"), integer},
                                              {QStringLiteral("maxAttempts"), integer},
                                              {QStringLiteral("lastError"), str},
                                              {QStringLiteral("cancelRequested"), QJsonObject{{QStringLiteral("type"), QStringLiteral("boolean")}}},
                                              {QStringLiteral("payload"), QJsonObject{{QStringLiteral("type"), QStringLiteral("object")}}},
                                              {QStringLiteral("result"), QJsonObject{{QStringLiteral("type"), QJsonArray{QStringLiteral("object"), QStringLiteral("null")}}}},
                                              {QStringLiteral("createdAt"), str},
                                              {QStringLiteral("runAt"), nullableStr},
                                              {QStringLiteral("startedAt"), nullableStr},
                                              {QStringLiteral("finishedAt"), nullableStr}}}});
    router.addSchema(QStringLiteral("JobList"),
                     QJsonObject{{QStringLiteral("type"), QStringLiteral("object")},
                                 {QStringLiteral("properties"),
                                  QJsonObject{{QStringLiteral("items"),
                                               QJsonObject{{QStringLiteral("type"), QStringLiteral("array")},
                                                           {QStringLiteral("items"), QJsonObject{{QStringLiteral("$ref"), QStringLiteral("#/components/schemas/Job")}}}}},
                                              {QStringLiteral("nextCursor"), str}}}});
    router.addSchema(QStringLiteral("ExportRequest"),
                     QJsonObject{{QStringLiteral("type"), QStringLiteral("object")},
                                 {QStringLiteral("required"), QJsonArray{QStringLiteral("kind")}},
                                 {QStringLiteral("properties"),
                                  QJsonObject{{QStringLiteral("kind"), kinds},
                                              {QStringLiteral("revision"), integer},
                                              {QStringLiteral("options"),
                                               QJsonObject{{QStringLiteral("type"), QStringLiteral("object")},
                                                           {QStringLiteral("description"), QStringLiteral("preview: {\"widths\": [px, …]} (1–8 widths, 16–4096 px); exports: {}")}}}}}});
    router.addSchema(QStringLiteral("JobResult"),
                     QJsonObject{{QStringLiteral("type"), QStringLiteral("object")},
                                 {QStringLiteral("description"), QStringLiteral("The result of (deck revision, kind, options) with a signed link per output")}});
}

} // namespace

QJsonObject jobToJson(const Job &job)
{
    return {{QStringLiteral("id"), QString::number(job.id)},
            {QStringLiteral("kind"), job.kind},
            {QStringLiteral("state"), jobStateName(job.state)},
            {QStringLiteral("priority"), job.priority},
            {QStringLiteral("attempts"), job.attempts},
            {QStringLiteral("maxAttempts"), job.maxAttempts},
            {QStringLiteral("progress"), job.progress},
            {QStringLiteral("progressMessage"), job.progressMessage},
            {QStringLiteral("lastError"), job.lastError},
            {QStringLiteral("cancelRequested"), job.cancelRequested},
            {QStringLiteral("payload"), job.payload},
            {QStringLiteral("result"), job.result ? QJsonValue(*job.result) : QJsonValue(QJsonValue::Null)},
            {QStringLiteral("createdBy"), job.createdBy},
            {QStringLiteral("createdAt"), iso(job.createdAt)},
            {QStringLiteral("runAt"), isoOrNull(job.runAt)},
            {QStringLiteral("startedAt"), isoOrNull(job.startedAt)},
            {QStringLiteral("finishedAt"), isoOrNull(job.finishedAt)}};
}

/*! A job looked up in the caller's org, as the API answers it: 404 when it is not there. */
HttpResponse jobOrNotFound(const DbResult<std::optional<Job>> &job)
{
    if (!job)
        return job.error().toApiError();
    if (!job->has_value())
        return jobNotFound();
    return HttpResponse::json(jobToJson(**job));
}

// ---- metrics ---------------------------------------------------------------

class InstrumentedHandler : public JobHandler
{
public:
    InstrumentedHandler(JobMetrics *metrics, QString kind, std::shared_ptr<JobHandler> inner)
        : m_metrics(metrics), m_kind(std::move(kind)), m_inner(std::move(inner))
    {
    }

    JobOutcome run(JobContext &context) override
    {
        const Job &job = context.job();
        const QDateTime now = QDateTime::currentDateTimeUtc();
        // Enqueue→start: from when the job became runnable (created, or its retry's run_at).
        QDateTime ready = job.createdAt;
        if (job.runAt.isValid() && (!ready.isValid() || job.runAt > ready))
            ready = job.runAt;
        const QDateTime started = job.startedAt.isValid() ? job.startedAt : now;
        if (ready.isValid())
            m_metrics->m_wait->observe({m_kind}, std::max<qint64>(0, ready.msecsTo(started)) / 1000.0);
        const auto t0 = std::chrono::steady_clock::now();
        JobOutcome outcome = m_inner->run(context);
        const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
        m_metrics->m_run->observe({m_kind}, seconds);
        const char *name = "succeeded";
        switch (outcome.kind) {
        case JobOutcome::Kind::Succeeded: break;
        case JobOutcome::Kind::Failed: name = "failed"; break;
        case JobOutcome::Kind::FailedPermanently: name = "failed_permanently"; break;
        case JobOutcome::Kind::Stopped: name = "stopped"; break;
        }
        m_metrics->m_finished->inc({m_kind, QString::fromLatin1(name)});
        if (outcome.kind == JobOutcome::Kind::Failed || outcome.kind == JobOutcome::Kind::FailedPermanently) {
            m_metrics->m_failures->inc({m_kind});
            if (outcome.kind == JobOutcome::Kind::FailedPermanently || job.attempts >= job.maxAttempts)
                m_metrics->m_dead->inc({m_kind});
        }
        return outcome;
    }

private:
    JobMetrics *m_metrics;
    QString m_kind;
    std::shared_ptr<JobHandler> m_inner;
};

JobMetrics::JobMetrics(MetricsRegistry &registry, JobQueue &queue, std::chrono::milliseconds refreshInterval)
    : m_queue(queue), m_refreshInterval(refreshInterval)
{
    const std::vector<double> buckets{0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 300, 900};
    m_depth = registry.gauge(QStringLiteral("slidespec_jobs"),
                             QStringLiteral("Jobs in the queue by state and kind (all orgs)"),
                             {QStringLiteral("state"), QStringLiteral("kind")});
    m_oldest = registry.gauge(QStringLiteral("slidespec_jobs_oldest_runnable_seconds"),
                              QStringLiteral("How long the oldest runnable job of a kind has waited"),
                              {QStringLiteral("kind")});
    m_wait = registry.histogram(QStringLiteral("slidespec_job_wait_seconds"),
                                QStringLiteral("Enqueue (or retry due) to start of an attempt"),
                                {QStringLiteral("kind")}, buckets);
    m_run = registry.histogram(QStringLiteral("slidespec_job_run_seconds"),
                               QStringLiteral("Start to finish of an attempt"), {QStringLiteral("kind")}, buckets);
    m_finished = registry.counter(QStringLiteral("slidespec_job_attempts_total"),
                                  QStringLiteral("Finished attempts by outcome"),
                                  {QStringLiteral("kind"), QStringLiteral("outcome")});
    m_failures = registry.counter(QStringLiteral("slidespec_job_failures_total"),
                                  QStringLiteral("Failed attempts"), {QStringLiteral("kind")});
    m_dead = registry.counter(QStringLiteral("slidespec_job_dead_letters_total"),
                              QStringLiteral("Jobs this process sent to the dead letters"), {QStringLiteral("kind")});
    m_workers = registry.gauge(QStringLiteral("slidespec_job_workers"),
                               QStringLiteral("Job workers running in this process"));
    m_refreshErrors = registry.counter(QStringLiteral("slidespec_jobs_depth_errors_total"),
                                       QStringLiteral("Failed reads of the queue depth"));
    m_isolated = registry.gauge(QStringLiteral("slidespec_sandbox_isolated"),
                                QStringLiteral("1 when this process's renders run in bubblewrap, 0 when they run with "
                                               "resource limits only (docs/queue.md, The sandbox)"));
    m_workers->set(0);
    m_isolated->set(0);
    // Series for every kind and state from the start, so alert rules see 0 rather than nothing.
    for (const QString &kind : renderJobKinds()) {
        for (const char *state : {"queued", "running", "retrying", "succeeded", "dead", "cancelled"})
            m_seenDepthLabels.insert({QString::fromLatin1(state), kind});
    }
    registry.addCollector([this] {
        {
            std::lock_guard lock(m_mutex);
            if (std::chrono::steady_clock::now() - m_lastRefresh < m_refreshInterval)
                return;
        }
        refreshDepth();
    });
}

std::shared_ptr<JobHandler> JobMetrics::instrument(const QString &kind, std::shared_ptr<JobHandler> handler)
{
    return std::make_shared<InstrumentedHandler>(this, kind, std::move(handler));
}

void JobMetrics::refreshDepth()
{
    auto depth = m_queue.depth();
    std::lock_guard lock(m_mutex);
    m_lastRefresh = std::chrono::steady_clock::now();
    if (!depth) {
        m_refreshErrors->inc();
        return;
    }
    // Every (state, kind) seen before goes back to 0 when it has no jobs now.
    QSet<QPair<QString, QString>> now;
    QHash<QString, double> oldest;
    for (const QueueDepth &d : std::as_const(*depth)) {
        const QPair<QString, QString> key{jobStateName(d.state), d.kind};
        now.insert(key);
        m_depth->set({key.first, key.second}, double(d.jobs));
        oldest[d.kind] = std::max(oldest.value(d.kind), d.oldestRunnableSeconds);
    }
    for (const auto &key : std::as_const(m_seenDepthLabels)) {
        if (!now.contains(key))
            m_depth->set({key.first, key.second}, 0);
    }
    m_seenDepthLabels.unite(now);
    for (auto it = oldest.cbegin(); it != oldest.cend(); ++it)
        m_oldest->set({it.key()}, it.value());
}

void JobMetrics::workerStarted()
{
    std::lock_guard lock(m_mutex);
    m_workers->set(++m_workersRunning);
}

void JobMetrics::workerStopped()
{
    std::lock_guard lock(m_mutex);
    m_workers->set(--m_workersRunning);
}

// ---- routes ----------------------------------------------------------------

bool registerJobsRoutes(Router &router, Database &db, std::shared_ptr<JobQueue> queue, JobsApiOptions apiOptions)
{
    auto cx = std::make_shared<ApiContext>(db, std::move(queue), std::move(apiOptions));
    addSchemas(router);
    const QString jobs = kApiPrefix + QStringLiteral("/orgs/{orgId}/jobs");
    const QString one = jobs + QStringLiteral("/{jobId}");
    bool added = true;
    auto add = [&](const char *method, const QString &pattern, const char *permission, RouteDoc d, RouteHandler handler) {
        added = router.add(Route{.method = method,
                              .pattern = pattern,
                              .handler = std::move(handler),
                              .auth = AuthMode::Required,
                              .permission = QString::fromLatin1(permission),
                              .doc = std::move(d)})
             && added;
    };

    RouteDoc enqueue = doc(QStringLiteral("Export or preview a deck revision (202 with the job; the same request while "
                                          "it is active returns the same job)"),
                           QStringLiteral("ExportRequest"), QStringLiteral("Job"), 202, {400, 402, 404});
    enqueue.description = QStringLiteral(
        "kind: export-pptx, export-pdf or preview. revision defaults to the deck's current revision. The job is "
        "deduplicated by (revision, kind, options): while one is queued or running, the same request returns it "
        "(\"created\": false). A new job counts against the org's daily exports (or previews) quota: over it, 402 "
        "quota.exceeded and no job; the same request while active charges nothing. Follow it with GET "
        "…/jobs/{jobId} and fetch GET …/jobs/{jobId}/result when it has succeeded.");
    add("POST", kApiPrefix + QStringLiteral("/orgs/{orgId}/decks/{deckId}/exports"), "jobs.write", enqueue,
        [cx](RequestContext &ctx) -> HttpResponse {
            ApiError error;
            const auto body = ctx.jsonObject(&error);
            if (!body)
                return error;
            const QString kind = body->value(QStringLiteral("kind")).toString();
            QString problem;
            const QJsonValue optionsValue = body->value(QStringLiteral("options"));
            if (!optionsValue.isUndefined() && !optionsValue.isObject() && !optionsValue.isNull())
                return ApiError::badRequest(QStringLiteral("request.invalid_field"),
                                            QStringLiteral("\"options\" is an object."),
                                            {{QStringLiteral("field"), QStringLiteral("options")}});
            const auto options = normalizeRenderOptions(kind, optionsValue.toObject(), &problem);
            if (!options)
                return ApiError::badRequest(QStringLiteral("request.invalid_field"), problem,
                                            {{QStringLiteral("field"), kind.isEmpty() || !renderJobKinds().contains(kind)
                                                                           ? QStringLiteral("kind")
                                                                           : QStringLiteral("options")}});
            const QString deckId = ctx.pathParam(QStringLiteral("deckId")).toLower();
            const ContentActor actor{ctx.userId(), ctx.orgId()};
            ContentService content(cx->db);
            int revision = 0;
            const QJsonValue revisionValue = body->value(QStringLiteral("revision"));
            if (revisionValue.isUndefined() || revisionValue.isNull()) {
                auto item = content.item(ContentKind::Deck, actor, deckId);
                if (!item)
                    return item.error();
                revision = item->revision;
            } else {
                const double n = revisionValue.toDouble(-1);
                if (!revisionValue.isDouble() || n != double(qint64(n)) || n < 1 || n > 2147483647)
                    return ApiError::badRequest(QStringLiteral("request.invalid_field"),
                                                QStringLiteral("\"revision\" is a revision number (1 or more)."),
                                                {{QStringLiteral("field"), QStringLiteral("revision")}});
                revision = int(n);
                auto spec = content.get(ContentKind::Deck, actor, deckId, revision);
                if (!spec)
                    return spec.error();
            }
            EnqueueRequest request;
            request.kind = kind;
            request.payload = {{QStringLiteral("deckId"), deckId},
                               {QStringLiteral("revision"), revision},
                               {QStringLiteral("options"), *options}};
            request.dedupKey = renderDedupKey(deckId, revision, *options);
            request.maxAttempts = 3;
            // The job and its usage charge commit together: a new job charges one export (or preview) of
            // today's quota, a dedup hit (the active job returned) charges nothing, and a refused charge
            // rolls the insert back (402, no job).
            const UsageKind metered = kind == QLatin1String("preview") ? UsageKind::Previews : UsageKind::Exports;
            const QString orgId = ctx.orgId();
            auto enqueued = runScoped<EnqueueResult>(
                cx->db, ctx.orgScope(), "jobs.enqueue", [&](pqxx::work &tx) -> ServiceResult<EnqueueResult> {
                    EnqueueResult result = JobQueue::enqueue(tx, orgId, request);
                    if (result.created) {
                        const ChargeOutcome charged = Usage::charge(tx, orgId, metered, 1);
                        if (!charged.allowed)
                            return charged.refused->toApiError();
                    }
                    return result;
                });
            if (!enqueued)
                return enqueued.error().status == 402 ? Usage::refusalResponse(enqueued.error())
                                                      : HttpResponse(enqueued.error());
            QJsonObject json = jobToJson(enqueued->job);
            json.insert(QStringLiteral("created"), enqueued->created);
            HttpResponse response = HttpResponse::json(json, 202);
            response.setHeader("Location", QStringLiteral("%1/orgs/%2/jobs/%3")
                                               .arg(kApiPrefix, ctx.orgId())
                                               .arg(enqueued->job.id)
                                               .toUtf8());
            return response;
        });

    add("GET", jobs, "jobs.read",
        doc(QStringLiteral("The org's jobs, newest first"), {}, QStringLiteral("JobList"), 200, {400},
            {{QStringLiteral("state"), QStringLiteral("string"), QStringLiteral("queued, running, retrying, succeeded, dead or cancelled"), false},
             {QStringLiteral("kind"), QStringLiteral("string"), QStringLiteral("export-pptx, export-pdf, preview"), false},
             {QStringLiteral("limit"), QStringLiteral("integer"), QStringLiteral("1–100, default 50"), false},
             {QStringLiteral("cursor"), QStringLiteral("string"), QStringLiteral("nextCursor of the previous page"), false}}),
        [cx](RequestContext &ctx) -> HttpResponse {
            JobFilter filter;
            const QString state = ctx.queryValue(QStringLiteral("state"));
            if (!state.isEmpty()) {
                filter.state = jobStateFromName(state);
                if (!filter.state)
                    return ApiError::badRequest(QStringLiteral("request.invalid_parameter"),
                                                QStringLiteral("state is one of queued, running, retrying, succeeded, dead, cancelled."),
                                                {{QStringLiteral("parameter"), QStringLiteral("state")}});
            }
            filter.kind = ctx.queryValue(QStringLiteral("kind"));
            bool ok = true;
            const QString limit = ctx.queryValue(QStringLiteral("limit"));
            filter.limit = limit.isEmpty() ? 50 : limit.toInt(&ok);
            if (!ok || filter.limit < 1 || filter.limit > 100)
                return ApiError::badRequest(QStringLiteral("request.invalid_parameter"),
                                            QStringLiteral("limit is a whole number from 1 to 100."),
                                            {{QStringLiteral("parameter"), QStringLiteral("limit")}});
            const QString cursor = ctx.queryValue(QStringLiteral("cursor"));
            if (!cursor.isEmpty()) {
                filter.beforeId = cursor.toLongLong(&ok);
                if (!ok || filter.beforeId <= 0)
                    return ApiError::badRequest(QStringLiteral("request.invalid_parameter"),
                                                QStringLiteral("cursor is the nextCursor of a previous page."),
                                                {{QStringLiteral("parameter"), QStringLiteral("cursor")}});
            }
            auto listed = cx->queue->list(ctx.orgScope(), filter);
            if (!listed)
                return listed.error().toApiError();
            QJsonArray items;
            for (const Job &job : std::as_const(*listed))
                items.append(jobToJson(job));
            const QString next = listed->size() == filter.limit && !listed->isEmpty()
                                     ? QString::number(listed->last().id)
                                     : QString();
            return HttpResponse::json({{QStringLiteral("items"), items}, {QStringLiteral("nextCursor"), next}});
        });

    add("GET", one, "jobs.read", doc(QStringLiteral("A job: state, progress, attempts, last error"), {}, QStringLiteral("Job"), 200, {404}),
        [cx](RequestContext &ctx) -> HttpResponse {
            const auto id = jobIdOf(ctx);
            return id ? jobOrNotFound(cx->queue->get(ctx.orgScope(), *id)) : HttpResponse(jobNotFound());
        });

    add("POST", one + QStringLiteral("/cancel"), "jobs.write",
        doc(QStringLiteral("Cancel a job: queued at once, running within a second (its renderer is killed)"), {},
            QStringLiteral("Job"), 200, {404}),
        [cx](RequestContext &ctx) -> HttpResponse {
            const auto id = jobIdOf(ctx);
            return id ? jobOrNotFound(cx->queue->cancel(ctx.orgScope(), *id)) : HttpResponse(jobNotFound());
        });

    add("POST", one + QStringLiteral("/retry"), "jobs.manage",
        doc(QStringLiteral("Retry a dead job (admins): back in the queue with its attempts reset"), {},
            QStringLiteral("Job"), 200, {403, 404, 409}),
        [cx](RequestContext &ctx) -> HttpResponse {
            const auto id = jobIdOf(ctx);
            if (!id)
                return jobNotFound();
            auto job = cx->queue->retryDead(ctx.orgScope(), *id);
            if (!job) {
                if (job.error().isUniqueViolation())
                    return ApiError::conflict(QStringLiteral("jobs.duplicate_active"),
                                              QStringLiteral("The same export is already queued or running."));
                return job.error().toApiError();
            }
            if (!job->has_value())
                return ApiError{404, QStringLiteral("jobs.not_dead"), QStringLiteral("No dead job with this id in this org."), {}};
            return HttpResponse::json(jobToJson(**job));
        });

    add("DELETE", one, "jobs.manage",
        doc(QStringLiteral("Discard a dead job (admins): removes it from the dead letters"), {}, {}, 204, {403, 404}),
        [cx](RequestContext &ctx) -> HttpResponse {
            const auto id = jobIdOf(ctx);
            if (!id)
                return jobNotFound();
            auto discarded = cx->queue->discardDead(ctx.orgScope(), *id);
            if (!discarded)
                return discarded.error().toApiError();
            if (!*discarded)
                return ApiError{404, QStringLiteral("jobs.not_dead"), QStringLiteral("No dead job with this id in this org."), {}};
            return HttpResponse::noContent();
        });

    add("GET", one + QStringLiteral("/result"), "jobs.read",
        doc(QStringLiteral("A succeeded job's result: its outputs with signed download links"), {},
            QStringLiteral("JobResult"), 200, {404, 409, 503}),
        [cx](RequestContext &ctx) -> HttpResponse {
            const auto id = jobIdOf(ctx);
            if (!id)
                return jobNotFound();
            auto job = cx->queue->get(ctx.orgScope(), *id);
            if (!job)
                return job.error().toApiError();
            if (!job->has_value())
                return jobNotFound();
            const Job &j = **job;
            if (j.state != JobState::Succeeded)
                return ApiError::conflict(QStringLiteral("jobs.no_result"),
                                          QStringLiteral("The job is %1; a result exists once it has succeeded.")
                                              .arg(jobStateName(j.state)),
                                          {{QStringLiteral("state"), jobStateName(j.state)}});
            if (!cx->signer.isValid())
                return ApiError{503, QStringLiteral("assets.signing_unavailable"),
                                QStringLiteral("Signed links need the server's secret key (SLIDESPEC_SECRET_KEY_FILE)."), {}};
            QString problem;
            const auto options = normalizeRenderOptions(j.kind, j.payload.value(QStringLiteral("options")).toObject(), &problem);
            if (!options)
                return jobNotFound();
            auto result = loadRenderResult(cx->db, ctx.orgId(), j.payload.value(QStringLiteral("deckId")).toString(),
                                           j.payload.value(QStringLiteral("revision")).toInt(), j.kind, *options);
            if (!result)
                return result.error().toApiError();
            if (!result->has_value())
                return ApiError{404, QStringLiteral("jobs.result_gone"),
                                QStringLiteral("The job's result is no longer stored; run the export again."), {}};
            QJsonObject json = (*result)->toJson();
            const QDateTime expires = QDateTime::currentDateTimeUtc().addSecs(cx->options.signedUrlSeconds);
            QJsonArray outputs;
            for (const QJsonValue &v : (*result)->outputs) {
                QJsonObject o = v.toObject();
                const QString path = cx->signer.signedPath(QStringLiteral("%1/signed/assets/%2/%3")
                                                               .arg(kApiPrefix, ctx.orgId().toLower(),
                                                                    o.value(QStringLiteral("assetId")).toString()),
                                                           expires);
                o.insert(QStringLiteral("path"), path);
                o.insert(QStringLiteral("url"), QString(cx->options.publicBaseUrl + path));
                outputs.append(o);
            }
            json.insert(QStringLiteral("outputs"), outputs);
            json.insert(QStringLiteral("expiresAt"), iso(expires));
            json.insert(QStringLiteral("job"), jobToJson(j));
            return HttpResponse::json(json);
        });
    return added;
}

// ---- workers ---------------------------------------------------------------

int inProcessWorkerThreads()
{
    bool ok = false;
    const int n = QProcessEnvironment::systemEnvironment().value(QStringLiteral("SLIDESPEC_JOB_WORKERS")).toInt(&ok);
    return ok ? std::clamp(n, 0, 64) : 2;
}

void JobMetrics::setSandboxIsolated(bool isolated)
{
    m_isolated->set(isolated ? 1 : 0);
}

RenderJobsOptions renderOptionsFor(const ServerConfig &config)
{
    RenderJobsOptions render;
    const QString mode = config.sandboxIsolation.trimmed().toLower();
    if (mode == QLatin1String("required"))
        render.limits.isolation = SandboxIsolation::Required;
    else if (mode == QLatin1String("off"))
        render.limits.isolation = SandboxIsolation::Off;
    else
        render.limits.isolation = SandboxIsolation::Auto;
    return render;
}

bool checkSandboxIsolation(const RenderJobsOptions &render, JobMetrics *metrics, QString *error)
{
    const SandboxIsolationStatus status = Sandbox::isolationStatus(render.limits);
    if (metrics)
        metrics->setSandboxIsolated(status.isolated);
    const QJsonObject fields{{QStringLiteral("mode"), sandboxIsolationName(status.mode)},
                             {QStringLiteral("isolated"), status.isolated},
                             {QStringLiteral("bwrap"), status.bwrapPath},
                             {QStringLiteral("problem"), status.problem}};
    if (status.mode == SandboxIsolation::Required && !status.isolated) {
        *error = QStringLiteral("the sandbox isolation is required (--sandbox-isolation / SLIDESPEC_SANDBOX_ISOLATION) "
                                "but bubblewrap does not work here: %1 Install bubblewrap (Debian: apt-get install "
                                "bubblewrap) or allow unprivileged user namespaces.")
                     .arg(status.problem);
        logging::error(QStringLiteral("jobs: renders cannot be isolated"), fields);
        return false;
    }
    if (status.isolated)
        logging::info(QStringLiteral("jobs: renders run in bubblewrap"), fields);
    else if (status.mode == SandboxIsolation::Off)
        logging::warn(QStringLiteral("jobs: sandbox isolation is off; renders see the host's files"), fields);
    else
        logging::warn(QStringLiteral("jobs: bubblewrap does not work here; renders run with resource limits only"),
                      fields);
    return true;
}

RenderWorker::RenderWorker(const QString &databaseUrl, std::shared_ptr<StorageBackend> storage, RenderJobsOptions render,
                           int threads, JobMetrics *metrics, WorkerOptions base)
    : m_metrics(metrics)
{
    threads = std::max(1, threads);
    Database::Options dbOptions;
    dbOptions.url = databaseUrl.toStdString();
    dbOptions.poolSize = threads + 2;
    dbOptions.applicationName = "slidespec-worker";
    m_db = std::make_unique<Database>(dbOptions);
    m_queue = std::make_unique<JobQueue>(*m_db);
    base.listenUrl = dbOptions.url;
    base.concurrency = threads;
    m_worker = std::make_unique<Worker>(*m_queue, base);
    for (const QString &kind : renderJobKinds()) {
        std::shared_ptr<JobHandler> handler = std::make_shared<RenderJobHandler>(*m_db, storage, kind, render);
        if (m_metrics)
            handler = m_metrics->instrument(kind, std::move(handler));
        m_worker->registerHandler(kind, std::move(handler));
    }
    maintenance::registerHandlers(*m_worker, *m_db, storage); // maintenance jobs of the system org (docs/operations.md)
}

RenderWorker::~RenderWorker()
{
    stop(std::chrono::seconds(0));
}

bool RenderWorker::start(QString *error)
{
    if (m_started)
        return true;
    if (!m_worker->start(error))
        return false;
    m_started = true;
    if (m_metrics)
        m_metrics->workerStarted();
    return true;
}

void RenderWorker::stop(std::chrono::milliseconds grace)
{
    if (!m_started)
        return;
    m_worker->stop(grace);
    m_started = false;
    if (m_metrics)
        m_metrics->workerStopped();
}

namespace {

std::shared_ptr<StorageBackend> storageFor(const ServerConfig &config)
{
    if (config.storageUrl.isEmpty())
        return {};
    auto created = createStorage(config.storageUrl);
    if (!created) {
        logging::error(QStringLiteral("jobs: storage unusable"), {{QStringLiteral("error"), created.error().message}});
        return {};
    }
    return created.value();
}

/*! What installJobsModule() keeps alive: the queue, metrics and the in-process worker. */
struct JobsModuleState
{
    std::shared_ptr<JobQueue> queue;
    std::unique_ptr<JobMetrics> metrics;
    std::unique_ptr<RenderWorker> worker;
};

} // namespace

bool installJobsModule(Service &service)
{
    const ServerConfig &config = service.config();
    auto state = std::make_shared<JobsModuleState>();
    state->queue = std::make_shared<JobQueue>(service.database());
    state->metrics = std::make_unique<JobMetrics>(service.metrics(), *state->queue);
    JobsApiOptions api;
    api.urlSigningKey = deriveUrlSigningKey(config.secretKey);
    api.publicBaseUrl = config.publicBaseUrl;
    while (api.publicBaseUrl.endsWith(QLatin1Char('/')))
        api.publicBaseUrl.chop(1);
    if (!registerJobsRoutes(service.router(), service.database(), state->queue, api))
        return false;
    const int threads = inProcessWorkerThreads();
    if (threads > 0 && QCoreApplication::instance()) {
        auto storage = storageFor(config);
        if (!storage) {
            logging::warn(QStringLiteral("jobs: no usable storage; the in-process worker does not run"));
        } else {
            const RenderJobsOptions render = renderOptionsFor(config);
            QString isolationError;
            if (!checkSandboxIsolation(render, state->metrics.get(), &isolationError)) {
                logging::error(QStringLiteral("jobs: the in-process worker does not run"),
                               {{QStringLiteral("error"), isolationError}});
                service.adopt(state);
                return true; // the API still serves; jobs wait for a worker that can isolate
            }
            state->worker = std::make_unique<RenderWorker>(config.databaseUrl, storage, render, threads,
                                                           state->metrics.get());
            // Started once the event loop runs (after migrations); stopped gracefully when it quits.
            QTimer::singleShot(0, QCoreApplication::instance(), [weak = std::weak_ptr<JobsModuleState>(state)] {
                const auto alive = weak.lock();
                if (!alive)
                    return;
                QString error;
                if (!alive->worker->start(&error))
                    logging::error(QStringLiteral("jobs: the in-process worker cannot start"),
                                   {{QStringLiteral("error"), error}});
                else
                    logging::info(QStringLiteral("jobs: in-process worker running"),
                                  {{QStringLiteral("worker"), alive->worker->worker().workerId()},
                                   {QStringLiteral("threads"), alive->worker->worker().options().concurrency}});
            });
            QObject::connect(QCoreApplication::instance(), &QCoreApplication::aboutToQuit,
                             [weak = std::weak_ptr<JobsModuleState>(state)] {
                const auto alive = weak.lock();
                if (!alive)
                    return;
                alive->worker->stop(std::chrono::seconds(20));
                logging::info(QStringLiteral("jobs: in-process worker stopped"));
            });
        }
    }
    // Alive as long as the service (the collector and routes hold raw pointers); the worker stops before the pool goes.
    service.adopt(state);
    return true;
}

namespace {
std::atomic<bool> g_workerStop{false};
void onWorkerSignal(int)
{
    g_workerStop.store(true);
}
} // namespace

std::optional<QPair<QHostAddress, quint16>> parseListenAddress(const QString &text, QString *error)
{
    const QString value = text.trimmed();
    const qsizetype colon = value.lastIndexOf(QLatin1Char(':'));
    if (colon <= 0) {
        *error = QStringLiteral("\"%1\" is not HOST:PORT (e.g. 127.0.0.1:9101 or [::1]:9101)").arg(value.left(100));
        return std::nullopt;
    }
    QString host = value.left(colon);
    if (host.startsWith(QLatin1Char('[')) && host.endsWith(QLatin1Char(']')))
        host = host.mid(1, host.size() - 2);
    const QHostAddress address(host);
    bool ok = false;
    const uint port = value.mid(colon + 1).toUInt(&ok);
    if (address.isNull() || !ok || port > 65535) {
        *error = QStringLiteral("\"%1\" is not HOST:PORT with a numeric address and a port 0–65535 "
                                "(e.g. 127.0.0.1:9101)")
                     .arg(value.left(100));
        return std::nullopt;
    }
    return QPair<QHostAddress, quint16>{address, quint16(port)};
}

namespace {

/*!
 * The worker process's own small HTTP listener (SLIDESPEC_WORKER_METRICS_LISTEN):
 * GET /metrics (the job metrics of this process, with the queue depth read
 * through a one-connection pool of its own) and GET /healthz.
 */
struct WorkerMetricsEndpoint
{
    MetricsRegistry registry;
    Router router;
    std::unique_ptr<Database> db;
    std::unique_ptr<JobQueue> queue;
    std::unique_ptr<JobMetrics> jobs;
    std::unique_ptr<HttpServer> http;

    explicit WorkerMetricsEndpoint(const QString &databaseUrl)
    {
        Database::Options options;
        options.url = databaseUrl.toStdString();
        options.poolSize = 1;
        options.applicationName = "slidespec-worker-metrics";
        db = std::make_unique<Database>(options);
        queue = std::make_unique<JobQueue>(*db);
        jobs = std::make_unique<JobMetrics>(registry, *queue);
        router.add({.method = "GET",
                    .pattern = QStringLiteral("/metrics"),
                    .handler = [this](RequestContext &) {
                        return HttpResponse::bytes(QByteArrayLiteral("text/plain; version=0.0.4; charset=utf-8"),
                                                   registry.render());
                    },
                    .auth = AuthMode::None});
        router.add({.method = "GET",
                    .pattern = QStringLiteral("/healthz"),
                    .handler = [](RequestContext &) {
                        return HttpResponse::json(QJsonObject{{QStringLiteral("status"), QStringLiteral("ok")}});
                    },
                    .auth = AuthMode::None});
    }

    bool start(const QHostAddress &address, quint16 port, QString *error)
    {
        HttpServer::Options options;
        options.workerThreads = 2;
        options.maxBodyBytes = 1024;
        http = std::make_unique<HttpServer>(router, registry, options);
        return http->start(address, port, error);
    }
};

} // namespace

int runJobWorker(const ServerConfig &config)
{
    auto storage = storageFor(config);
    if (!storage) {
        logging::error(QStringLiteral("worker: a storage URL is needed to store outputs (SLIDESPEC_STORAGE_URL)"));
        return 2;
    }
    // The optional metrics listener: parsed first, so a typo stops the worker before it takes jobs.
    std::optional<QPair<QHostAddress, quint16>> metricsListen;
    const QString metricsValue =
        QProcessEnvironment::systemEnvironment().value(QStringLiteral("SLIDESPEC_WORKER_METRICS_LISTEN")).trimmed();
    if (!metricsValue.isEmpty()) {
        QString error;
        metricsListen = parseListenAddress(metricsValue, &error);
        if (!metricsListen) {
            logging::error(QStringLiteral("worker: SLIDESPEC_WORKER_METRICS_LISTEN: ") + error);
            return 2;
        }
        if (!QCoreApplication::instance()) {
            logging::error(QStringLiteral("worker: the metrics listener needs a QCoreApplication"));
            return 2;
        }
    }
    std::unique_ptr<WorkerMetricsEndpoint> endpoint;
    if (metricsListen)
        endpoint = std::make_unique<WorkerMetricsEndpoint>(config.databaseUrl);

    const int threads = std::max(1, inProcessWorkerThreads());
    const RenderJobsOptions render = renderOptionsFor(config);
    QString isolationError;
    if (!checkSandboxIsolation(render, endpoint ? endpoint->jobs.get() : nullptr, &isolationError)) {
        logging::error(QStringLiteral("worker: cannot start"), {{QStringLiteral("error"), isolationError}});
        return 2;
    }
    RenderWorker worker(config.databaseUrl, storage, render, threads, endpoint ? endpoint->jobs.get() : nullptr);
    struct sigaction action = {};
    action.sa_handler = onWorkerSignal;
    sigemptyset(&action.sa_mask);
    ::sigaction(SIGTERM, &action, nullptr);
    ::sigaction(SIGINT, &action, nullptr);
    QString error;
    if (endpoint && !endpoint->start(metricsListen->first, metricsListen->second, &error)) {
        logging::error(QStringLiteral("worker: cannot listen for metrics"),
                       {{QStringLiteral("address"), metricsValue}, {QStringLiteral("error"), error}});
        return 1;
    }
    if (!worker.start(&error)) {
        logging::error(QStringLiteral("worker: cannot start"), {{QStringLiteral("error"), error}});
        return 1;
    }
    logging::info(QStringLiteral("worker running"), {{QStringLiteral("worker"), worker.worker().workerId()},
                                                     {QStringLiteral("threads"), threads}});
    const auto maintenanceScheduler = startMaintenanceScheduler(config); // docs/operations.md, "Maintenance"
    if (endpoint)
        logging::info(QStringLiteral("worker metrics listening"),
                      {{QStringLiteral("address"), metricsListen->first.toString()},
                       {QStringLiteral("port"), endpoint->http->port()}});
    if (QCoreApplication::instance()) {
        // An event loop, so that the metrics listener (when on) answers; the signal handler only sets the flag.
        QEventLoop loop;
        QTimer poll;
        QObject::connect(&poll, &QTimer::timeout, &loop, [&loop] {
            if (g_workerStop.load())
                loop.quit();
        });
        poll.start(100);
        loop.exec();
    } else {
        while (!g_workerStop.load())
            std::this_thread::sleep_for(std::chrono::milliseconds(100));
    }
    logging::info(QStringLiteral("worker stopping: finishing or releasing running jobs"),
                  {{QStringLiteral("in_flight"), worker.worker().inFlight()}});
    if (endpoint)
        endpoint->http->stopAccepting();
    worker.stop(std::chrono::seconds(20));
    const WorkerStats stats = worker.worker().stats();
    logging::info(QStringLiteral("worker stopped"), {{QStringLiteral("succeeded"), qint64(stats.succeeded)},
                                                     {QStringLiteral("failed"), qint64(stats.failed)},
                                                     {QStringLiteral("released"), qint64(stats.released)}});
    if (endpoint)
        endpoint->http->drain(2000);
    return 0;
}

} // namespace slidespec::server
