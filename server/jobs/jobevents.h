// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QString>

#include <atomic>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <thread>

namespace slidespec::server {

/*!
 * \brief One change of a job, from the slidespec_job_events notification
 * (migration 0024): which job, its new state and progress.
 */
struct JobEvent
{
    QString orgId;
    qint64 jobId = 0;
    QString state;
    int progress = 0;

    /*! Parses "org:id:state:progress"; nullopt-like (jobId 0) when malformed. */
    static JobEvent parse(const QByteArray &payload);
    bool isValid() const { return jobId > 0 && !orgId.isEmpty() && !state.isEmpty(); }
    /*! Whether the state is final (succeeded, dead, cancelled): a job stream ends after it. */
    bool isFinal() const;
};

/*!
 * \brief One Server-Sent Events frame: `id:`, `event:` and one `data:` line
 * of compact JSON, ended by a blank line.
 */
QByteArray sseEvent(const QByteArray &event, const QJsonObject &data, qint64 id = 0);
/*! A comment frame (`: text`) that keeps proxies from closing an idle stream. */
QByteArray sseComment(const QByteArray &text = "heartbeat");

/*!
 * \brief Fans job events out to subscribers: one dedicated LISTEN
 * connection per process (not from a pool) on slidespec_job_events, read on
 * its own thread, re-opened when it breaks.
 *
 * This is the jobs side of the SSE routes (`GET …/jobs/{jobId}/events`,
 * `GET …/jobs/events`); the HTTP side needs a streaming hook in
 * server/http (docs/queue.md, "Server-Sent Events"). Subscribers are called
 * on the feed's thread and must not block.
 */
class JobEventFeed
{
public:
    using Callback = std::function<void(const JobEvent &)>;

    explicit JobEventFeed(std::string url);
    ~JobEventFeed();
    JobEventFeed(const JobEventFeed &) = delete;
    JobEventFeed &operator=(const JobEventFeed &) = delete;

    /*! Opens the LISTEN connection and starts the thread; false with \a error when it cannot connect. */
    bool start(QString *error = nullptr);
    void stop();

    /*! Calls \a callback for events of \a orgId (and of job \a jobId when > 0). Returns a token for unsubscribe(). */
    quint64 subscribe(const QString &orgId, qint64 jobId, Callback callback);
    void unsubscribe(quint64 token);

private:
    struct Subscriber
    {
        QString orgId;
        qint64 jobId = 0;
        Callback callback;
    };
    void run();
    void dispatch(const JobEvent &event);

    std::string m_url;
    std::atomic<bool> m_quit{false};
    std::thread m_thread;
    std::mutex m_mutex;
    std::map<quint64, Subscriber> m_subscribers;
    quint64 m_nextToken = 1;
    bool m_started = false;
};

} // namespace slidespec::server
