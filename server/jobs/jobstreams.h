// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <chrono>
#include <memory>
#include <string>

namespace slidespec::server {

class JobQueue;
class Router;
class Service;

/*!
 * \brief Settings of the job event streams.
 */
struct JobStreamOptions
{
    std::chrono::milliseconds heartbeat{15000}; //!< a `: heartbeat` comment this often (proxies close idle streams)
    int retryMs = 3000;                         //!< the `retry:` hint: how long a client waits before reconnecting
    int snapshotLimit = 100;                    //!< org stream: active jobs sent on connect, per state
    int readerThreads = 2;                      //!< threads that re-read jobs after events (never the event loop)
};

/*!
 * \brief What registerJobStreamRoutes() keeps running: the LISTEN feed
 * (started on the first stream), the threads that re-read jobs, the
 * heartbeat timer. Lives as long as the routes (they hold it).
 */
class JobStreamHub
{
public:
    virtual ~JobStreamHub() = default;
    /*! Streams attached to a client now. */
    virtual int openStreams() const = 0;
    /*! Stops the feed and waits for running reads; later requests are answered 503. Event-loop thread. */
    virtual void stop() = 0;
};

/*!
 * \brief Adds the Server-Sent Events routes of the jobs API (docs/queue.md,
 * "Server-Sent Events"), permission jobs.read, org-scoped:
 *
 * - `GET /api/v1/orgs/{orgId}/jobs/{jobId}/events`: the job's state now,
 *   then `state` / `progress` events as it changes; ends after a final
 *   state (succeeded, dead, cancelled). Another org's job is 404 before
 *   anything streams.
 * - `GET /api/v1/orgs/{orgId}/jobs/events[?kind=]`: the org's active jobs
 *   now, then every change of any of its jobs; stays open.
 *
 * Must be called on the thread that runs the event loop (the heartbeat
 * timer lives there). \a feedUrl is the database URL the LISTEN connection
 * uses. Returns null when a route was refused.
 */
std::shared_ptr<JobStreamHub> registerJobStreamRoutes(Router &router, std::shared_ptr<JobQueue> queue,
                                                      std::string feedUrl, JobStreamOptions options = {});

/*!
 * \brief Installs the job event streams on \a service (server/http/modules.cpp,
 * after installJobsModule()); the feed stops when the application quits.
 */
bool installJobStreams(Service &service);

} // namespace slidespec::server
