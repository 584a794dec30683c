// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "jobs/renderjobs.h"
#include "queue/jobqueue.h"
#include "queue/worker.h"

#include <QByteArray>
#include <QHostAddress>
#include <QJsonObject>
#include <QPair>
#include <QSet>
#include <QString>

#include <chrono>
#include <memory>
#include <mutex>
#include <optional>

namespace slidespec::server {

class Database;
class MetricsRegistry;
class MetricFamily;
class Router;
class Service;
class StorageBackend;
struct ServerConfig;

/*! The API's JSON form of a job. */
QJsonObject jobToJson(const Job &job);

/*!
 * \brief The queue's metrics on a MetricsRegistry (docs/queue.md, "Metrics").
 *
 * Depth per (state, kind) and the oldest runnable job's wait are gauges
 * read from the database at most every refreshInterval (on scrape);
 * enqueue→start and start→finish are histograms per kind observed by the
 * handlers' wrapper (instrument()); finished attempts per outcome, failures
 * and dead letters are counters; workers running in this process a gauge.
 */
class JobMetrics
{
public:
    JobMetrics(MetricsRegistry &registry, JobQueue &queue,
               std::chrono::milliseconds refreshInterval = std::chrono::seconds(5));

    /*! Wraps \a handler so that its runs are measured. */
    std::shared_ptr<JobHandler> instrument(const QString &kind, std::shared_ptr<JobHandler> handler);
    /*! Reads the depth now (the collector calls it when the last read is older than the interval). */
    void refreshDepth();
    void workerStarted();
    void workerStopped();
    /*! slidespec_sandbox_isolated: 1 when this process's renders run in bubblewrap. */
    void setSandboxIsolated(bool isolated);

private:
    friend class InstrumentedHandler;
    JobQueue &m_queue;
    std::chrono::milliseconds m_refreshInterval;
    std::mutex m_mutex;
    std::chrono::steady_clock::time_point m_lastRefresh{};
    QSet<QPair<QString, QString>> m_seenDepthLabels;
    MetricFamily *m_depth;
    MetricFamily *m_oldest;
    MetricFamily *m_wait;
    MetricFamily *m_run;
    MetricFamily *m_finished;
    MetricFamily *m_failures;
    MetricFamily *m_dead;
    MetricFamily *m_workers;
    MetricFamily *m_refreshErrors;
    MetricFamily *m_isolated;
    int m_workersRunning = 0;
};

/*!
 * \brief Settings of the jobs API.
 */
struct JobsApiOptions
{
    QByteArray urlSigningKey; //!< the content module's (deriveUrlSigningKey): result links use its signed-asset route
    QString publicBaseUrl;    //!< signed URLs start with it (no trailing slash)
    int signedUrlSeconds = 3600;
};

/*!
 * \brief Adds the jobs routes (docs/queue.md, "API"): enqueue an export or
 * preview of a deck revision, list/get/cancel jobs, retry dead ones
 * (admins), and a finished job's result with signed download links.
 */
bool registerJobsRoutes(Router &router, Database &db, std::shared_ptr<JobQueue> queue, JobsApiOptions options);

/*!
 * \brief Worker process settings from the environment:
 * SLIDESPEC_JOB_WORKERS (handler threads of the in-process worker of
 * `serve`, default 2, 0 = none) and SLIDESPEC_CLI_PATH.
 */
int inProcessWorkerThreads();

/*!
 * \brief The render options of this process's workers: the sandbox
 * isolation from \a config (`--sandbox-isolation`).
 */
RenderJobsOptions renderOptionsFor(const ServerConfig &config);

/*!
 * \brief Probes the sandbox isolation \a render asks for, logs what renders
 * will get and sets the isolation gauge of \a metrics (may be null). False,
 * with \a error, when isolation is required and bubblewrap does not work
 * here: the caller must not start a worker then.
 */
bool checkSandboxIsolation(const RenderJobsOptions &render, JobMetrics *metrics, QString *error);

/*!
 * \brief Builds a Worker with the render handlers (instrumented when
 * \a metrics is set) on its own pool of \a threads + 2 connections.
 */
class RenderWorker
{
public:
    RenderWorker(const QString &databaseUrl, std::shared_ptr<StorageBackend> storage, RenderJobsOptions render,
                 int threads, JobMetrics *metrics = nullptr, WorkerOptions base = {});
    ~RenderWorker();
    bool start(QString *error);
    void stop(std::chrono::milliseconds grace);
    Worker &worker() { return *m_worker; }
    JobQueue &queue() { return *m_queue; }

private:
    std::unique_ptr<Database> m_db;
    std::unique_ptr<JobQueue> m_queue;
    std::unique_ptr<Worker> m_worker;
    JobMetrics *m_metrics;
    bool m_started = false;
};

/*!
 * \brief Installs the jobs module on \a service: routes, metrics and (when
 * inProcessWorkerThreads() > 0) a render worker stopped gracefully when the
 * application quits.
 */
bool installJobsModule(Service &service);

/*!
 * \brief Parses HOST:PORT (`127.0.0.1:9101`, `[::1]:9101`; port 0 = any
 * free port) as SLIDESPEC_WORKER_METRICS_LISTEN takes it; nullopt with
 * \a error saying what is wrong.
 */
std::optional<QPair<QHostAddress, quint16>> parseListenAddress(const QString &text, QString *error);

/*!
 * \brief `slidespec-server worker`: runs render workers against the
 * configured database and storage until SIGTERM/SIGINT, then stops
 * gracefully (running jobs get 20 s, the rest are released). With
 * SLIDESPEC_WORKER_METRICS_LISTEN=HOST:PORT (off by default) it also serves
 * GET /metrics (this process's job metrics and the queue depth) and
 * GET /healthz on that address. Returns the exit code.
 */
int runJobWorker(const ServerConfig &config);

} // namespace slidespec::server
