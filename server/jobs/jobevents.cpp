// SPDX-License-Identifier: GPL-3.0-or-later
#include "jobs/jobevents.h"

#include "http/logging.h"

#include <QJsonDocument>
#include <QList>

#include <pqxx/pqxx>

#include <chrono>

namespace slidespec::server {

namespace {

constexpr const char *kChannel = "slidespec_job_events";

class EventReceiver : public pqxx::notification_receiver
{
public:
    EventReceiver(pqxx::connection_base &c, std::function<void(const std::string &)> fn)
        : pqxx::notification_receiver(c, kChannel), m_fn(std::move(fn))
    {
    }
    void operator()(const std::string &payload, int /*backendPid*/) override { m_fn(payload); }

private:
    std::function<void(const std::string &)> m_fn;
};

} // namespace

JobEvent JobEvent::parse(const QByteArray &payload)
{
    JobEvent e;
    const QList<QByteArray> parts = payload.split(':');
    if (parts.size() != 4)
        return e;
    bool idOk = false;
    bool progressOk = false;
    const qint64 id = parts.at(1).toLongLong(&idOk);
    const int progress = parts.at(3).toInt(&progressOk);
    if (!idOk || !progressOk || id <= 0 || parts.at(0).isEmpty() || parts.at(2).isEmpty())
        return e;
    e.orgId = QString::fromLatin1(parts.at(0));
    e.jobId = id;
    e.state = QString::fromLatin1(parts.at(2));
    e.progress = progress;
    return e;
}

bool JobEvent::isFinal() const
{
    return state == QLatin1String("succeeded") || state == QLatin1String("dead") || state == QLatin1String("cancelled");
}

QByteArray sseEvent(const QByteArray &event, const QJsonObject &data, qint64 id)
{
    QByteArray out;
    if (id > 0)
        out += "id: " + QByteArray::number(id) + '\n';
    out += "event: " + event + '\n';
    // Compact JSON has no raw newlines (they are escaped in strings), so one data line is enough.
    out += "data: " + QJsonDocument(data).toJson(QJsonDocument::Compact) + "\n\n";
    return out;
}

QByteArray sseEvent(const QByteArray &event, const QJsonObject &data, const QByteArray &id)
{
    QByteArray cleanId = id;
    cleanId.replace('\n', "").replace('\r', "").replace('\0', "");
    QByteArray out;
    if (!cleanId.isEmpty())
        out += "id: " + cleanId + '\n';
    out += "event: " + event + '\n';
    out += "data: " + QJsonDocument(data).toJson(QJsonDocument::Compact) + "\n\n";
    return out;
}

QByteArray sseComment(const QByteArray &text)
{
    QByteArray clean = text;
    clean.replace('\n', ' ').replace('\r', ' ');
    return ": " + clean + "\n\n";
}

JobEventFeed::JobEventFeed(std::string url)
    : m_url(std::move(url))
{
}

JobEventFeed::~JobEventFeed()
{
    stop();
}

bool JobEventFeed::start(QString *error)
{
    if (m_started)
        return true;
    {
        std::lock_guard lock(m_startMutex);
        m_startState = 0;
        m_startError.clear();
    }
    m_quit = false;
    m_thread = std::thread([this] { run(); });
    std::unique_lock lock(m_startMutex);
    m_startCondition.wait_for(lock, std::chrono::seconds(10), [this] { return m_startState != 0; });
    if (m_startState != 1) {
        const QString why = m_startState == 0 ? QStringLiteral("no answer within 10 s") : m_startError;
        lock.unlock();
        m_quit = true;
        m_thread.join();
        if (error)
            *error = QStringLiteral("cannot open the job events connection: %1").arg(why);
        return false;
    }
    m_started = true;
    return true;
}

void JobEventFeed::stop()
{
    if (!m_started)
        return;
    m_quit = true;
    if (m_thread.joinable())
        m_thread.join();
    m_started = false;
}

quint64 JobEventFeed::subscribe(const QString &orgId, qint64 jobId, Callback callback, Resync resync)
{
    std::lock_guard lock(m_mutex);
    const quint64 token = m_nextToken++;
    m_subscribers.emplace(token, Subscriber{orgId.toLower(), jobId, std::move(callback), std::move(resync)});
    return token;
}

int JobEventFeed::subscribers() const
{
    std::lock_guard lock(m_mutex);
    return int(m_subscribers.size());
}

void JobEventFeed::dispatchResync()
{
    std::lock_guard lock(m_mutex);
    for (const auto &[token, s] : m_subscribers) {
        if (s.resync)
            s.resync();
    }
}

void JobEventFeed::unsubscribe(quint64 token)
{
    std::lock_guard lock(m_mutex);
    m_subscribers.erase(token);
}

void JobEventFeed::dispatch(const JobEvent &event)
{
    std::lock_guard lock(m_mutex);
    for (const auto &[token, s] : m_subscribers) {
        if (s.orgId == event.orgId.toLower() && (s.jobId == 0 || s.jobId == event.jobId))
            s.callback(event);
    }
}

void JobEventFeed::run()
{
    bool reported = false;
    bool connectedBefore = false;
    while (!m_quit.load()) {
        try {
            pqxx::connection connection(m_url);
            EventReceiver receiver(connection, [this](const std::string &payload) {
                const JobEvent event = JobEvent::parse(QByteArray::fromStdString(payload));
                if (event.isValid())
                    dispatch(event);
            });
            // LISTEN is in place from here on.
            if (!connectedBefore) {
                std::lock_guard lock(m_startMutex);
                m_startState = 1;
                m_startCondition.notify_all();
            } else {
                dispatchResync(); // what was sent while the connection was down is lost: re-read
            }
            connectedBefore = true;
            if (reported) {
                logging::info(QStringLiteral("job events connection re-opened"));
                reported = false;
            }
            while (!m_quit.load())
                connection.await_notification(0, 200000); // wakes at least every 200 ms to see m_quit
        } catch (const std::exception &e) {
            if (!connectedBefore) {
                // start() reports the first failure and stops the thread.
                std::lock_guard lock(m_startMutex);
                m_startState = -1;
                m_startError = QString::fromUtf8(e.what()).trimmed();
                m_startCondition.notify_all();
                return;
            }
            if (!reported) {
                logging::warn(QStringLiteral("job events connection lost; retrying"),
                              {{QStringLiteral("error"), QString::fromUtf8(e.what()).trimmed()}});
                reported = true;
            }
            for (int i = 0; i < 10 && !m_quit.load(); ++i)
                std::this_thread::sleep_for(std::chrono::milliseconds(100));
        }
    }
}

} // namespace slidespec::server
