// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QString>

#include <atomic>
#include <condition_variable>
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
/*! The same with a text id (newlines and NULs in \a id are dropped; empty = no `id:` line). */
QByteArray sseEvent(const QByteArray &event, const QJsonObject &data, const QByteArray &id);
/*! A comment frame (`: text`) that keeps proxies from closing an idle stream. */
QByteArray sseComment(const QByteArray &text = "heartbeat");

/*!
 * \brief Fans job events out to subscribers: one dedicated LISTEN
 * connection per process (not from a pool) on slidespec_job_events, read on
 * its own thread, re-opened when it breaks.
 *
 * This is the jobs side of the SSE routes (`GET …/jobs/{jobId}/events`,
 * `GET …/jobs/events`, jobs/jobstreams.h). Subscribers are called on the
 * feed's thread, under the feed's lock, and must not block (nor call
 * subscribe/unsubscribe). After unsubscribe() returns, the callbacks of that
 * token are not running and are never called again.
 *
 * Notifications sent while the connection was broken are lost: after it is
 * re-opened, every subscriber's resync callback is called, so it can re-read
 * what it follows.
 */
class JobEventFeed
{
public:
    using Callback = std::function<void(const JobEvent &)>;
    using Resync = std::function<void()>;

    explicit JobEventFeed(std::string url);
    ~JobEventFeed();
    JobEventFeed(const JobEventFeed &) = delete;
    JobEventFeed &operator=(const JobEventFeed &) = delete;

    /*!
     * Starts the thread and waits (up to 10 s) until its connection LISTENs,
     * so that every change committed after start() returns is seen; false
     * with \a error when it cannot connect.
     */
    bool start(QString *error = nullptr);
    void stop();
    bool isRunning() const { return m_started; }

    /*!
     * Calls \a callback for events of \a orgId (and of job \a jobId when > 0),
     * and \a resync (when set) after the connection was re-opened. Returns a
     * token for unsubscribe().
     */
    quint64 subscribe(const QString &orgId, qint64 jobId, Callback callback, Resync resync = {});
    void unsubscribe(quint64 token);
    /*! How many subscribers there are. */
    int subscribers() const;

private:
    struct Subscriber
    {
        QString orgId;
        qint64 jobId = 0;
        Callback callback;
        Resync resync;
    };
    void run();
    void dispatch(const JobEvent &event);
    void dispatchResync();

    std::string m_url;
    std::atomic<bool> m_quit{false};
    std::thread m_thread;
    mutable std::mutex m_mutex;
    // The first connection's outcome, for start().
    std::mutex m_startMutex;
    std::condition_variable m_startCondition;
    int m_startState = 0; //!< 0 = pending, 1 = listening, -1 = failed
    QString m_startError;
    std::map<quint64, Subscriber> m_subscribers;
    quint64 m_nextToken = 1;
    bool m_started = false;
};

} // namespace slidespec::server
