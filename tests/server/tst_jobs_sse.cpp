// SPDX-License-Identifier: GPL-3.0-or-later
// Job progress as Server-Sent Events, against the real things: the server
// in-process (auth, content, jobs and the job stream routes) on a fresh,
// migrated PostgreSQL database, spoken to over TCP; render workers in this
// process running the real slidespec-cli in the sandbox; a file store in a
// temporary folder; LibreOffice and pdfinfo for the exported PPTX.
//
// What it proves: a job is followed over one stream from queued through
// running and progress to succeeded, and the stream ends there; another
// org's job is 404 before anything streams; an org's stream sees its own jobs
// and no other org's; Last-Event-ID resumes sensibly; heartbeats flow;
// disconnects and shutdown release streams; and the issue's end-to-end path
// (deck → export-pptx → SSE to completion → result → signed download →
// LibreOffice opens it with one page per slide).
#include "jobs/jobsmodule.h"
#include "jobs/jobstreams.h"
#include "http/httpserver.h"
#include "tst_jobs_support.h"
#include "tst_serverbinary_support.h"

#include <QFile>
#include <QProcess>
#include <QTcpServer>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>

using namespace jobstest;

namespace {

/*! One Server-Sent Events frame. */
struct SseEvent
{
    QByteArray id;
    QByteArray event;
    QByteArray data;

    QJsonObject json() const { return QJsonDocument::fromJson(data).object(); }
    QString state() const { return json().value(QStringLiteral("state")).toString(); }
    QString jobId() const { return json().value(QStringLiteral("id")).toString(); }
    int progress() const { return json().value(QStringLiteral("progress")).toInt(); }
};

/*!
 * \brief A client of one event stream (or of whatever else the route
 * answers): reads the head, then parses frames as they arrive. Runs the event
 * loop while it waits, so the in-process server keeps serving.
 */
class SseClient
{
public:
    SseClient(quint16 port, const QString &target, const QByteArray &token, const Headers &headers = {})
    {
        QObject::connect(&m_socket, &QTcpSocket::readyRead, &m_socket, [this] { onBytes(m_socket.readAll()); });
        QObject::connect(&m_socket, &QTcpSocket::disconnected, &m_socket, [this] { m_closed = true; });
        m_socket.connectToHost(QStringLiteral("127.0.0.1"), port);
        QByteArray request = "GET " + QUrl(target).toEncoded(QUrl::FullyEncoded)
                             + " HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept: text/event-stream\r\n";
        if (!token.isEmpty())
            request += "Authorization: Bearer " + token + "\r\n";
        for (const auto &h : headers)
            request += h.first + ": " + h.second + "\r\n";
        m_socket.write(request + "\r\n");
    }

    bool waitHead(int timeoutMs = 10000)
    {
        return QTest::qWaitFor([&] { return m_headDone || m_closed; }, timeoutMs) && m_headDone;
    }
    bool waitFor(const std::function<bool()> &done, int timeoutMs)
    {
        return QTest::qWaitFor([&] { return done() || m_closed; }, timeoutMs) && done();
    }
    /*! Waits until the connection closed, or (chunked, through a proxy) the answer's last chunk came. */
    bool waitClosed(int timeoutMs = 10000) { return QTest::qWaitFor([&] { return m_closed; }, timeoutMs); }

    int status() const { return m_status; }
    QByteArray header(const QByteArray &name) const
    {
        for (const auto &h : m_headers) {
            if (h.first.compare(name, Qt::CaseInsensitive) == 0)
                return h.second;
        }
        return {};
    }
    const QList<SseEvent> &events() const { return m_events; }
    int comments(const QByteArray &text) const { return int(m_comments.count(text)); }
    const QList<QByteArray> &retries() const { return m_retries; }
    QByteArray body() const { return m_body; }
    bool isClosed() const { return m_closed; }
    void abort() { m_socket.abort(); }

    /*! The events of job \a jobId. */
    QList<SseEvent> eventsOf(const QString &jobId) const
    {
        QList<SseEvent> out;
        for (const SseEvent &e : m_events) {
            if (e.jobId() == jobId)
                out.append(e);
        }
        return out;
    }

private:
    void onBytes(const QByteArray &bytes)
    {
        m_raw += bytes;
        if (!m_headDone) {
            const qsizetype end = m_raw.indexOf("\r\n\r\n");
            if (end < 0)
                return;
            const QList<QByteArray> lines = m_raw.left(end).split('\n');
            m_status = lines.value(0).split(' ').value(1).toInt();
            for (qsizetype i = 1; i < lines.size(); ++i) {
                const qsizetype colon = lines.at(i).indexOf(':');
                if (colon > 0)
                    m_headers.append({lines.at(i).left(colon).trimmed(), lines.at(i).mid(colon + 1).trimmed()});
            }
            m_raw.remove(0, end + 4);
            m_headDone = true;
            m_chunked = header("transfer-encoding").toLower().contains("chunked");
        }
        if (m_chunked) {
            // Through a proxy (nginx speaks HTTP/1.1 chunked to clients): undo the framing; the 0 chunk ends the answer.
            m_chunkBuffer += m_raw;
            m_raw.clear();
            for (;;) {
                const qsizetype lineEnd = m_chunkBuffer.indexOf("\r\n");
                if (lineEnd < 0)
                    break;
                bool ok = false;
                const qsizetype size = m_chunkBuffer.left(lineEnd).split(';').value(0).trimmed().toLongLong(&ok, 16);
                if (!ok)
                    break;
                if (size == 0) {
                    m_closed = true; // the whole answer arrived
                    break;
                }
                if (m_chunkBuffer.size() < lineEnd + 2 + size + 2)
                    break;
                m_raw += m_chunkBuffer.mid(lineEnd + 2, size);
                m_chunkBuffer.remove(0, lineEnd + 2 + size + 2);
            }
        }
        m_body += m_raw;
        if (const QByteArray length = header("content-length"); !length.isEmpty() && m_body.size() >= length.toLongLong())
            m_closed = true; // a whole answer (an error, or a finished job's last event) has arrived
        if (!header("content-type").startsWith("text/event-stream")) {
            m_raw.clear();
            return;
        }
        // Frames end with a blank line.
        for (qsizetype end = m_raw.indexOf("\n\n"); end >= 0; end = m_raw.indexOf("\n\n")) {
            const QByteArray frame = m_raw.left(end);
            m_raw.remove(0, end + 2);
            SseEvent e;
            for (const QByteArray &line : frame.split('\n')) {
                if (line.startsWith(':'))
                    m_comments.append(line.mid(1).trimmed());
                else if (line.startsWith("id: "))
                    e.id = line.mid(4);
                else if (line.startsWith("event: "))
                    e.event = line.mid(7);
                else if (line.startsWith("data: "))
                    e.data += line.mid(6);
                else if (line.startsWith("retry: "))
                    m_retries.append(line.mid(7));
            }
            if (!e.data.isEmpty())
                m_events.append(e);
        }
    }

    QTcpSocket m_socket;
    QByteArray m_raw;
    QByteArray m_body;
    QByteArray m_chunkBuffer;
    bool m_chunked = false;
    bool m_headDone = false;
    bool m_closed = false;
    int m_status = 0;
    QList<QPair<QByteArray, QByteArray>> m_headers;
    QList<SseEvent> m_events;
    QList<QByteArray> m_comments;
    QList<QByteArray> m_retries;
};

quint16 freePort()
{
    QTcpServer probe;
    probe.listen(QHostAddress(QHostAddress::LocalHost), 0);
    return probe.serverPort();
}

} // namespace

class TstJobsSse : public QObject
{
    Q_OBJECT

private:
    TestDatabase m_db;
    QTemporaryDir m_storageDir;
    QTemporaryDir m_work;
    std::unique_ptr<Service> m_service;
    std::unique_ptr<AuthModule> m_auth;
    std::shared_ptr<StorageBackend> m_storage;
    std::shared_ptr<JobQueue> m_queue;
    std::shared_ptr<JobStreamHub> m_hub;
    worldtest::World m_world; //!< org A ("SSE org A": owner, editor, viewer) and org B

    QString api(const QString &orgId, const QString &rest) const
    {
        return orgApi(orgId, rest);
    }

    RawResponse call(const QByteArray &method, const QString &target, const QByteArray &token, const QByteArray &body = {},
                     Headers headers = {})
    {
        return callServer(m_service->port(), method, target, token, body, std::move(headers));
    }

    std::unique_ptr<SseClient> stream(const QString &target, const QByteArray &token, const Headers &headers = {})
    {
        auto client = std::make_unique<SseClient>(m_service->port(), target, token, headers);
        if (!client->waitHead())
            qWarning("no head from %s", qPrintable(target));
        return client;
    }

    QString createDeck(const QString &orgId, const QByteArray &token, int slides, const QString &title)
    {
        const RawResponse r = call("POST", api(orgId, QStringLiteral("decks?name=") + QUrl::toPercentEncoding(title)), token,
                                   sampleDeck(slides, title));
        if (r.status != 201)
            qWarning("deck create failed: %s", describe(r).constData());
        return jsonOf(r).value(QStringLiteral("id")).toString();
    }

    /*! Enqueues \a kind of a new deck in \a orgId; the job id (empty on failure). */
    QString enqueue(const QString &orgId, const QByteArray &token, const QByteArray &kindBody, int slides = 2)
    {
        const QString deck = createDeck(orgId, token, slides, QStringLiteral("SSE %1").arg(QUuid::createUuid().toString(QUuid::Id128).left(8)));
        const RawResponse r = call("POST", api(orgId, QStringLiteral("decks/%1/exports").arg(deck)), token, kindBody);
        if (r.status != 202)
            qWarning("enqueue failed: %s", describe(r).constData());
        return jsonOf(r).value(QStringLiteral("id")).toString();
    }

    void cancel(const QString &orgId, const QByteArray &token, const QString &jobId)
    {
        call("POST", api(orgId, QStringLiteral("jobs/%1/cancel").arg(jobId)), token);
    }

    std::unique_ptr<RenderWorker> startWorker(QString *error)
    {
        return startRenderWorker(m_db.appUrl(), m_storage, QStringLiteral(SLIDESPEC_CLI_PATH), nullptr, error);
    }

    bool streamsReleased(int timeoutMs = 5000)
    {
        return QTest::qWaitFor([&] { return m_hub->openStreams() == 0 && m_service->httpServer()->openStreams() == 0; },
                               timeoutMs);
    }

    QString setUp()
    {
        const authtest::Urls urls = authtest::urls();
        if (!urls.error.isEmpty())
            return urls.error;
        QString error;
        if (!m_db.createMigrated(QStringLiteral("jobssse"), QUrl(urls.app).userName(), &error))
            return error;
        if (!m_storageDir.isValid() || !m_work.isValid())
            return QStringLiteral("cannot create temporary folders");
        ServerConfig config = worldtest::loopbackConfig(m_db, QUrl(urls.app).userName(), m_storageDir.path(), 's');
        config.dbPoolSize = 8;
        config.workerThreads = 4;
        config.maxBodyBytes = 1 << 20;
        m_service = std::make_unique<Service>(config);
        m_auth = std::make_unique<AuthModule>(m_service->database(), authtest::testConfig());
        if (!m_auth->install(m_service->router()))
            return QStringLiteral("auth routes refused");
        auto created = createStorage(config.storageUrl);
        if (!created)
            return created.error().message;
        m_storage = created.value();
        ContentOptions content;
        content.urlSigningKey = deriveUrlSigningKey(config.secretKey);
        content.publicBaseUrl = config.publicBaseUrl;
        if (!registerContentRoutes(m_service->router(), m_service->database(), m_storage, content))
            return QStringLiteral("content routes refused");
        m_queue = std::make_shared<JobQueue>(m_service->database());
        JobsApiOptions jobsApi;
        jobsApi.urlSigningKey = content.urlSigningKey;
        jobsApi.publicBaseUrl = config.publicBaseUrl;
        if (!registerJobsRoutes(m_service->router(), m_service->database(), m_queue, jobsApi))
            return QStringLiteral("jobs routes refused");
        JobStreamOptions streams;
        streams.heartbeat = std::chrono::milliseconds(300); // 15 s in production
        streams.retryMs = 1500;
        m_hub = registerJobStreamRoutes(m_service->router(), m_queue, m_db.appUrl().toStdString(), streams);
        if (!m_hub)
            return QStringLiteral("job stream routes refused");
        if (!m_service->migrate(&error) || !m_service->start(&error))
            return error;

        return worldtest::populateWorld(m_auth->services(), m_world, QStringLiteral("SSE org A"), QStringLiteral("SSE org B"));
    }

private slots:
    void initTestCase()
    {
        const QString error = setUp();
        QVERIFY2(error.isEmpty(), qPrintable(error));
    }

    void refusedBeforeAnythingStreams_data()
    {
        QTest::addColumn<QString>("who");     // owner, viewer, other, anonymous
        QTest::addColumn<QString>("pathOrg"); // A or B
        QTest::addColumn<QString>("jobOrg");  // A, B, or a literal id
        QTest::addColumn<QString>("suffix");  // events path after …/jobs/
        QTest::addColumn<int>("status");
        QTest::addColumn<QString>("code");
        QTest::newRow("anonymous-job-stream-is-401") << "anonymous" << "A" << "A" << "{job}/events" << 401 << "auth.required";
        QTest::newRow("anonymous-org-stream-is-401") << "anonymous" << "A" << "" << "events" << 401 << "auth.required";
        QTest::newRow("another-orgs-job-in-my-org-is-404") << "owner" << "A" << "B" << "{job}/events" << 404 << "jobs.not_found";
        QTest::newRow("another-orgs-job-in-its-org-is-404") << "owner" << "B" << "B" << "{job}/events" << 404 << "";
        QTest::newRow("another-orgs-stream-is-404") << "owner" << "B" << "" << "events" << 404 << "";
        QTest::newRow("a-job-id-that-is-not-a-number-is-404") << "owner" << "A" << "x1" << "{job}/events" << 404 << "jobs.not_found";
        QTest::newRow("a-job-that-does-not-exist-is-404") << "viewer" << "A" << "999999999" << "{job}/events" << 404 << "jobs.not_found";
        QTest::newRow("a-bad-kind-filter-is-400") << "viewer" << "A" << "" << "events?kind=Not%20A%20Kind" << 400 << "request.invalid_parameter";
    }

    void refusedBeforeAnythingStreams()
    {
        QFETCH(QString, who);
        QFETCH(QString, pathOrg);
        QFETCH(QString, jobOrg);
        QFETCH(QString, suffix);
        QFETCH(int, status);
        QFETCH(QString, code);
        static QHash<QString, QString> jobs; // one queued job per org, made once
        QString jobId = jobOrg;
        if (jobOrg == u"A" || jobOrg == u"B") {
            if (!jobs.contains(jobOrg)) {
                jobs.insert(jobOrg, jobOrg == u"A" ? enqueue(m_world.orgA, m_world.owner.token, R"({"kind":"export-pdf"})")
                                                   : enqueue(m_world.orgB, m_world.otherOwner.token, R"({"kind":"export-pdf"})"));
            }
            jobId = jobs.value(jobOrg);
            QVERIFY(!jobId.isEmpty());
        }
        const QByteArray token = who == u"owner" ? m_world.owner.token : who == u"viewer" ? m_world.viewer.token : QByteArray();
        const QString path = api(pathOrg == u"A" ? m_world.orgA : m_world.orgB, QStringLiteral("jobs/") + QString(suffix).replace(QStringLiteral("{job}"), jobId));
        auto c = stream(path, token);
        QCOMPARE(c->status(), status);
        QVERIFY2(c->header("content-type").startsWith("application/json"), c->header("content-type").constData());
        QVERIFY(c->waitFor([&] { return QJsonDocument::fromJson(c->body()).isObject(); }, 5000));
        const QString got = QJsonDocument::fromJson(c->body()).object().value(QStringLiteral("error")).toObject().value(QStringLiteral("code")).toString();
        if (!code.isEmpty())
            QCOMPARE(got, code);
        if (jobOrg == u"B")
            QVERIFY2(!c->body().contains("SSE org B"), c->body().constData());
        QVERIFY(c->events().isEmpty());
        QVERIFY(streamsReleased());
    }

    void aJobIsFollowedFromQueuedToSucceeded()
    {
        // No worker yet: the first event is the job queued, then a worker takes it.
        const QString jobId = enqueue(m_world.orgA, m_world.editor.token, R"({"kind":"export-pdf"})", 3);
        QVERIFY(!jobId.isEmpty());
        auto c = stream(api(m_world.orgA, QStringLiteral("jobs/%1/events").arg(jobId)), m_world.viewer.token);
        QCOMPARE(c->status(), 200);
        QCOMPARE(c->header("content-type"), QByteArray("text/event-stream"));
        QCOMPARE(c->header("cache-control"), QByteArray("no-cache"));
        QCOMPARE(c->header("x-accel-buffering"), QByteArray("no"));
        QVERIFY(c->header("content-length").isEmpty());
        QVERIFY(c->waitFor([&] { return !c->events().isEmpty(); }, 5000));
        QCOMPARE(c->retries(), QList<QByteArray>{"1500"});
        QCOMPARE(c->events().first().event, QByteArray("state"));
        QCOMPARE(c->events().first().state(), QStringLiteral("queued"));
        QVERIFY2(QRegularExpression(QStringLiteral("^%1-[0-9a-f]{12}$").arg(jobId)).match(QString::fromLatin1(c->events().first().id)).hasMatch(),
                 c->events().first().id.constData());
        QCOMPARE(m_hub->openStreams(), 1);

        QElapsedTimer timer;
        timer.start();
        QString error;
        auto worker = startWorker(&error);
        QVERIFY2(worker, qPrintable(error));
        QVERIFY2(c->waitClosed(90000), "the stream did not end after the job finished");
        worker->stop(std::chrono::seconds(5));

        QStringList trace;
        QSet<QByteArray> ids;
        for (const SseEvent &e : c->events()) {
            trace << QStringLiteral("%1:%2/%3").arg(QString::fromLatin1(e.event), e.state()).arg(e.progress());
            QCOMPARE(e.jobId(), jobId);
            QVERIFY2(!ids.contains(e.id), "an event is never sent twice");
            ids.insert(e.id);
        }
        qInfo("%lld ms from the worker's start to the end of the stream; events: %s", timer.elapsed(),
              qPrintable(trace.join(u' ')));
        const QList<SseEvent> &events = c->events();
        QCOMPARE(events.last().event, QByteArray("state"));
        QCOMPARE(events.last().state(), QStringLiteral("succeeded"));
        QCOMPARE(events.last().progress(), 100);
        QVERIFY2(std::any_of(events.begin(), events.end(), [](const SseEvent &e) { return e.event == "state" && e.state() == u"running"; }),
                 qPrintable(trace.join(u' ')));
        QVERIFY2(std::any_of(events.begin(), events.end(), [](const SseEvent &e) { return e.event == "progress"; }),
                 qPrintable(trace.join(u' ')));
        int last = 0;
        for (const SseEvent &e : events) {
            QVERIFY2(e.progress() >= last, "progress never goes back");
            last = e.progress();
            if (e.event == "progress")
                QCOMPARE(e.state(), QStringLiteral("running"));
        }
        QVERIFY(streamsReleased());

        // Reconnecting: having seen the final state → 204 (an EventSource stops); an older id → the final state at once.
        auto seen = stream(api(m_world.orgA, QStringLiteral("jobs/%1/events").arg(jobId)), m_world.viewer.token,
                           {{QByteArray("Last-Event-ID"), events.last().id}});
        QCOMPARE(seen->status(), 204);
        auto older = stream(api(m_world.orgA, QStringLiteral("jobs/%1/events").arg(jobId)), m_world.viewer.token,
                            {{QByteArray("Last-Event-ID"), events.first().id}});
        QCOMPARE(older->status(), 200);
        QVERIFY(older->waitFor([&] { return older->events().size() == 1; }, 5000));
        QCOMPARE(older->events().first().id, events.last().id);
        QVERIFY(!older->header("content-length").isEmpty()); // a whole answer, not a stream
        QVERIFY(streamsReleased());
    }

    void resumingAnUnchangedJobSkipsItsFirstEvent()
    {
        const QString jobId = enqueue(m_world.orgA, m_world.owner.token, R"({"kind":"export-pdf"})");
        auto first = stream(api(m_world.orgA, QStringLiteral("jobs/%1/events").arg(jobId)), m_world.owner.token);
        QVERIFY(first->waitFor([&] { return first->events().size() == 1; }, 5000));
        const QByteArray lastId = first->events().first().id;
        first->abort();
        QVERIFY(streamsReleased());

        auto resumed = stream(api(m_world.orgA, QStringLiteral("jobs/%1/events").arg(jobId)), m_world.owner.token,
                              {{QByteArray("Last-Event-ID"), lastId}});
        QCOMPARE(resumed->status(), 200);
        QVERIFY(resumed->waitFor([&] { return resumed->comments("heartbeat") >= 1; }, 5000));
        QVERIFY2(resumed->events().isEmpty(), "nothing changed since the client's last event");
        // A cancel is the next change: a state event, and the stream ends.
        cancel(m_world.orgA, m_world.owner.token, jobId);
        QVERIFY(resumed->waitClosed());
        QCOMPARE(resumed->events().size(), 1);
        QCOMPARE(resumed->events().first().state(), QStringLiteral("cancelled"));
        QVERIFY(streamsReleased());
    }

    void anOrgStreamSeesItsOwnJobsOnly()
    {
        auto streamA = stream(api(m_world.orgA, QStringLiteral("jobs/events")), m_world.viewer.token);
        auto streamB = stream(api(m_world.orgB, QStringLiteral("jobs/events")), m_world.otherOwner.token);
        auto previews = stream(api(m_world.orgA, QStringLiteral("jobs/events?kind=preview")), m_world.viewer.token);
        QCOMPARE(streamA->status(), 200);
        QCOMPARE(streamB->status(), 200);
        QCOMPARE(previews->status(), 200);
        QVERIFY(QTest::qWaitFor([&] { return m_hub->openStreams() == 3; }, 5000));
        const int before = int(streamA->events().size());

        const QString a1 = enqueue(m_world.orgA, m_world.editor.token, R"({"kind":"export-pdf"})");
        const QString a2 = enqueue(m_world.orgA, m_world.owner.token, R"({"kind":"preview","options":{"widths":[64]}})");
        const QString b1 = enqueue(m_world.orgB, m_world.otherOwner.token, R"({"kind":"export-pdf"})");
        QVERIFY(!a1.isEmpty() && !a2.isEmpty() && !b1.isEmpty());
        QVERIFY(streamA->waitFor([&] { return !streamA->eventsOf(a1).isEmpty() && !streamA->eventsOf(a2).isEmpty(); }, 10000));
        QVERIFY(streamB->waitFor([&] { return !streamB->eventsOf(b1).isEmpty(); }, 10000));
        QVERIFY(previews->waitFor([&] { return !previews->eventsOf(a2).isEmpty(); }, 10000));
        QCOMPARE(streamA->eventsOf(a1).first().state(), QStringLiteral("queued"));
        QCOMPARE(streamA->eventsOf(a1).first().event, QByteArray("state"));

        // A new stream starts with the org's active jobs.
        auto late = stream(api(m_world.orgA, QStringLiteral("jobs/events")), m_world.owner.token);
        QVERIFY(late->waitFor([&] { return !late->eventsOf(a1).isEmpty() && !late->eventsOf(a2).isEmpty(); }, 5000));

        // Cancelling shows too, and nothing of org B ever reached A (or the reverse).
        cancel(m_world.orgA, m_world.owner.token, a1);
        cancel(m_world.orgA, m_world.owner.token, a2);
        cancel(m_world.orgB, m_world.otherOwner.token, b1);
        QVERIFY(streamA->waitFor([&] { return streamA->eventsOf(a1).last().state() == u"cancelled"
                                              && streamA->eventsOf(a2).last().state() == u"cancelled"; }, 10000));
        QVERIFY(streamB->waitFor([&] { return streamB->eventsOf(b1).last().state() == u"cancelled"; }, 10000));
        QTest::qWait(300);
        QVERIFY(streamA->eventsOf(b1).isEmpty());
        QVERIFY(late->eventsOf(b1).isEmpty());
        QVERIFY(streamB->eventsOf(a1).isEmpty() && streamB->eventsOf(a2).isEmpty());
        QVERIFY(!streamB->body().contains(m_world.orgA.toUtf8()));
        QVERIFY(!streamA->body().contains(m_world.orgB.toUtf8()));
        // The kind filter: the preview only.
        QVERIFY(previews->eventsOf(a1).isEmpty());
        for (const SseEvent &e : previews->events())
            QCOMPARE(e.json().value(QStringLiteral("kind")).toString(), QStringLiteral("preview"));
        QVERIFY(streamA->events().size() >= before + 4);
        // An org stream stays open after its jobs finish.
        QVERIFY(!streamA->isClosed());
        for (auto *c : {streamA.get(), streamB.get(), previews.get(), late.get()})
            c->abort();
        QVERIFY(streamsReleased());
    }

    void anOrgsStreamsAreCappedAndAllSeeAChange()
    {
        // The server's default cap per org (100) through the real route: the 101st is 429; then one change fans out to all.
        const int cap = HttpServer::Options{}.maxStreamsPerOrg;
        std::vector<std::unique_ptr<SseClient>> clients;
        for (int i = 0; i < cap; ++i) {
            clients.push_back(std::make_unique<SseClient>(m_service->port(), api(m_world.orgA, QStringLiteral("jobs/events")),
                                                          m_world.viewer.token));
        }
        QVERIFY(QTest::qWaitFor([&] {
            return m_hub->openStreams() == cap
                   && std::all_of(clients.begin(), clients.end(), [](const auto &c) { return c->status() != 0; });
        }, 30000));
        for (const auto &c : clients)
            QCOMPARE(c->status(), 200);
        auto over = stream(api(m_world.orgA, QStringLiteral("jobs/events")), m_world.viewer.token);
        QCOMPARE(over->status(), 429);
        QCOMPARE(over->header("retry-after"), QByteArray("5"));
        QVERIFY(over->waitFor([&] { return over->body().contains("streams.org_limit"); }, 5000));
        auto otherOrg = stream(api(m_world.orgB, QStringLiteral("jobs/events")), m_world.otherOwner.token);
        QCOMPARE(otherOrg->status(), 200); // another org is not affected

        QElapsedTimer timer;
        timer.start();
        const QString jobId = enqueue(m_world.orgA, m_world.owner.token, R"({"kind":"export-pdf"})");
        const qint64 enqueued = timer.elapsed();
        QVERIFY(QTest::qWaitFor([&] {
            return std::all_of(clients.begin(), clients.end(), [&](const auto &c) { return !c->eventsOf(jobId).isEmpty(); });
        }, 30000));
        qInfo("one new job reached all %d streams of its org %lld ms after its enqueue answered", cap,
              timer.elapsed() - enqueued);
        cancel(m_world.orgA, m_world.owner.token, jobId);
        for (const auto &c : clients)
            c->abort();
        otherOrg->abort();
        QVERIFY(streamsReleased(10000));
    }

    void heartbeatsFlowWhileNothingChanges()
    {
        auto c = stream(api(m_world.orgA, QStringLiteral("jobs/events")), m_world.viewer.token);
        QCOMPARE(c->status(), 200);
        QVERIFY(c->waitFor([&] { return c->comments("heartbeat") >= 3; }, 5000));
        QVERIFY(!c->isClosed());
        c->abort();
        QVERIFY(streamsReleased());
    }

    void theStreamsMetricCountsOpenStreams()
    {
        auto c = stream(api(m_world.orgA, QStringLiteral("jobs/events")), m_world.viewer.token);
        QVERIFY(QTest::qWaitFor([&] { return m_hub->openStreams() == 1; }, 5000));
        const RawResponse metrics = call("GET", QStringLiteral("/metrics"), {});
        QVERIFY2(metrics.body.contains("\nhttp_event_streams_open 1\n"), metrics.body.constData());
        c->abort();
        QVERIFY(streamsReleased());
    }

    void endToEndPptxOverSseOpensInLibreOffice()
    {
        const QString soffice = findTool("soffice");
        if (soffice.isEmpty())
            QSKIP("LibreOffice (soffice) is not installed: the PPTX cannot be opened here (apt install libreoffice-impress)");
        const int slides = 4;
        const QString deckId = createDeck(m_world.orgA, m_world.editor.token, slides, QStringLiteral("End to end over SSE"));
        QVERIFY(!deckId.isEmpty());
        QElapsedTimer timer;
        timer.start();
        const RawResponse queued = call("POST", api(m_world.orgA, QStringLiteral("decks/%1/exports").arg(deckId)), m_world.editor.token,
                                        R"({"kind":"export-pptx"})");
        QVERIFY2(queued.status == 202, describe(queued).constData());
        const QString jobId = jsonOf(queued).value(QStringLiteral("id")).toString();

        // Subscribed while the job waits, then a worker takes it: the stream sees all of it.
        auto c = stream(api(m_world.orgA, QStringLiteral("jobs/%1/events").arg(jobId)), m_world.viewer.token);
        QCOMPARE(c->status(), 200);
        QVERIFY(c->waitFor([&] { return c->events().size() == 1; }, 5000));
        QCOMPARE(c->events().first().state(), QStringLiteral("queued"));
        QString error;
        auto worker = startWorker(&error);
        QVERIFY2(worker, qPrintable(error));
        QVERIFY2(c->waitClosed(90000), "the stream did not end");
        QVERIFY(!c->events().isEmpty());
        QStringList trace;
        for (const SseEvent &e : c->events())
            trace << QStringLiteral("%1/%2").arg(e.state()).arg(e.progress());
        qInfo("end to end over SSE: %lld ms from enqueue (no worker yet) to the stream's end; %s", timer.elapsed(),
              qPrintable(trace.join(u' ')));
        QCOMPARE(c->events().last().state(), QStringLiteral("succeeded"));
        worker->stop(std::chrono::seconds(5));

        const RawResponse result = call("GET", api(m_world.orgA, QStringLiteral("jobs/%1/result").arg(jobId)), m_world.viewer.token);
        QVERIFY2(result.status == 200, describe(result).constData());
        const QJsonObject output = jsonOf(result).value(QStringLiteral("outputs")).toArray().at(0).toObject();
        const QString path = output.value(QStringLiteral("path")).toString();
        QVERIFY2(path.contains(u"sig="), qPrintable(path));
        const RawResponse download = call("GET", path, QByteArray()); // no credential: the signature is the permission
        QCOMPARE(download.status, 200);
        QVERIFY(download.body.startsWith("PK\x03\x04"));

        const OfficePdf opened = officePdfPages(soffice, download.body, m_work.path(), QStringLiteral("sse-export"));
        QVERIFY2(opened.error.isEmpty(), qPrintable(opened.error));
        if (opened.pages < 0)
            QSKIP("pdfinfo (poppler-utils) is not installed: the PDF exists, its pages are not counted");
        QCOMPARE(opened.pages, slides);
    }

    void throughTheInstallersNginxEventsFlowAsTheyCome()
    {
        const QString nginx = findTool("nginx");
        const QString openssl = findTool("openssl");
        if (nginx.isEmpty() || openssl.isEmpty())
            QSKIP("nginx and openssl (for a test certificate) are needed to run installers/nginx/slidespec.conf here");
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString cert = dir.filePath(QStringLiteral("cert.pem"));
        const QString key = dir.filePath(QStringLiteral("key.pem"));
        QProcess tls;
        tls.setProcessChannelMode(QProcess::MergedChannels);
        tls.start(openssl, {QStringLiteral("req"), QStringLiteral("-x509"), QStringLiteral("-newkey"), QStringLiteral("rsa:2048"),
                            QStringLiteral("-nodes"), QStringLiteral("-keyout"), key, QStringLiteral("-out"), cert,
                            QStringLiteral("-days"), QStringLiteral("1"), QStringLiteral("-subj"), QStringLiteral("/CN=slides.example.com")});
        QVERIFY2(tls.waitForFinished(60000) && tls.exitCode() == 0, tls.readAll().constData());

        // The installer's site as shipped, pointed at this server, on plain-HTTP loopback ports.
        QFile file(QStringLiteral(SLIDESPEC_TEST_DATA_DIR "/../../installers/nginx/slidespec.conf"));
        QVERIFY(file.open(QIODevice::ReadOnly));
        QString site = QString::fromUtf8(file.readAll());
        const quint16 httpsPort = freePort();
        const quint16 httpPort = freePort();
        const QList<QPair<QString, QString>> edits{
            {QStringLiteral("/etc/letsencrypt/live/slides.example.com/fullchain.pem"), cert},
            {QStringLiteral("/etc/letsencrypt/live/slides.example.com/privkey.pem"), key},
            {QStringLiteral("server 127.0.0.1:8080;"), QStringLiteral("server 127.0.0.1:%1;").arg(m_service->port())},
            {QStringLiteral("listen 443 ssl http2;"), QStringLiteral("listen 127.0.0.1:%1;").arg(httpsPort)},
            {QStringLiteral("listen [::]:443 ssl http2;"), QString()},
            {QStringLiteral("listen 80;"), QStringLiteral("listen 127.0.0.1:%1;").arg(httpPort)},
            {QStringLiteral("listen [::]:80;"), QString()},
        };
        for (const auto &[from, to] : edits) {
            QVERIFY2(site.contains(from), qPrintable(QStringLiteral("the installer's nginx site no longer has \"%1\"").arg(from)));
            site.replace(from, to);
        }
        const QString main = QStringLiteral(
            "pid %1/nginx.pid;\nerror_log %1/error.log;\nmaster_process off;\nevents {}\nhttp {\n    access_log off;\n"
            "    client_body_temp_path %1/body;\n    proxy_temp_path %1/proxy;\n    fastcgi_temp_path %1/fcgi;\n"
            "    uwsgi_temp_path %1/uwsgi;\n    scgi_temp_path %1/scgi;\n    include %1/site.conf;\n}\n").arg(dir.path());
        for (const auto &[name, text] : {std::pair{QStringLiteral("site.conf"), site}, std::pair{QStringLiteral("nginx.conf"), main}}) {
            QFile out(dir.filePath(name));
            QVERIFY(out.open(QIODevice::WriteOnly));
            out.write(text.toUtf8());
        }
        const QStringList args{QStringLiteral("-p"), dir.path(), QStringLiteral("-c"), dir.filePath(QStringLiteral("nginx.conf"))};
        QProcess check;
        check.setProcessChannelMode(QProcess::MergedChannels);
        check.start(nginx, QStringList(args) << QStringLiteral("-t"));
        QVERIFY(check.waitForFinished(20000));
        QVERIFY2(check.exitCode() == 0, check.readAll().constData());

        QProcess proxy;
        proxy.setProcessChannelMode(QProcess::MergedChannels);
        proxy.start(nginx, QStringList(args) << QStringLiteral("-g") << QStringLiteral("daemon off;"));
        QVERIFY(proxy.waitForStarted(10000));
        QVERIFY2(QTest::qWaitFor([&] {
                     QTcpSocket probe;
                     probe.connectToHost(QStringLiteral("127.0.0.1"), httpsPort);
                     return probe.waitForConnected(100);
                 }, 10000),
                 proxy.readAll().constData());

        // The org stream through nginx: headers of both, heartbeats as they are written (300 ms apart here).
        SseClient org(httpsPort, api(m_world.orgA, QStringLiteral("jobs/events")), m_world.viewer.token);
        QVERIFY(org.waitHead());
        QCOMPARE(org.status(), 200);
        QCOMPARE(org.header("content-type"), QByteArray("text/event-stream"));
        QVERIFY2(!org.header("strict-transport-security").isEmpty(), "the events location keeps the site's headers");
        QVERIFY(!org.header("x-request-id").isEmpty());
        QElapsedTimer timer;
        timer.start();
        QVERIFY2(org.waitFor([&] { return org.comments("heartbeat") >= 3; }, 3000), "heartbeats are held back by the proxy");
        qInfo("3 heartbeats through nginx in %lld ms (300 ms apart at the server)", timer.elapsed());
        const QString jobId = enqueue(m_world.orgA, m_world.owner.token, R"({"kind":"export-pdf"})");
        QVERIFY(org.waitFor([&] { return !org.eventsOf(jobId).isEmpty(); }, 3000));

        // A job stream through nginx ends when the job does.
        SseClient job(httpsPort, api(m_world.orgA, QStringLiteral("jobs/%1/events").arg(jobId)), m_world.viewer.token);
        QVERIFY(job.waitFor([&] { return job.events().size() == 1; }, 5000));
        cancel(m_world.orgA, m_world.owner.token, jobId);
        QVERIFY2(job.waitClosed(), "the end of the stream reaches the client through nginx");
        QCOMPARE(job.events().last().state(), QStringLiteral("cancelled"));

        proxy.terminate();
        QVERIFY(proxy.waitForFinished(10000));
        QVERIFY(streamsReleased());
    }

    void serveEndsOpenStreamsOnSigterm()
    {
        // The real binary: `slidespec-server serve` on this test's database, streams open, then SIGTERM.
        const QString binary = binarytest::serverBinary();
        if (!QFileInfo(binary).isExecutable())
            QFAIL("slidespec-server is not built next to the tests (tests/server/CMakeLists.txt makes tst_jobs_sse depend on it)");
        const QString keyFile = m_work.filePath(QStringLiteral("serve.key"));
        QVERIFY(binarytest::writeSecretKey(keyFile, QByteArray(48, 's')));
        QProcessEnvironment env = binarytest::serverEnvironment(m_db, keyFile);
        env.insert(QStringLiteral("SLIDESPEC_STORAGE_URL"), QUrl::fromLocalFile(m_storageDir.path()).toString());
        env.insert(QStringLiteral("SLIDESPEC_JOB_WORKERS"), QStringLiteral("0"));
        QProcess server;
        server.setProcessEnvironment(env);
        server.setProcessChannelMode(QProcess::MergedChannels);
        server.start(binary, {QStringLiteral("serve")});
        QVERIFY(server.waitForStarted(10000));
        QByteArray log;
        const int port = binarytest::waitForLogLine(server, log, QStringLiteral("listening")).value(QStringLiteral("port")).toInt();
        QVERIFY2(port > 0, log.constData());
        QElapsedTimer timer;

        const QString jobId = enqueue(m_world.orgA, m_world.owner.token, R"({"kind":"export-pdf"})");
        SseClient job(quint16(port), api(m_world.orgA, QStringLiteral("jobs/%1/events").arg(jobId)), m_world.viewer.token);
        SseClient org(quint16(port), api(m_world.orgA, QStringLiteral("jobs/events")), m_world.viewer.token);
        QVERIFY(job.waitFor([&] { return job.events().size() == 1; }, 10000));
        QVERIFY(org.waitFor([&] { return !org.eventsOf(jobId).isEmpty(); }, 10000));
        QCOMPARE(job.status(), 200);
        // Served by the binary: an event reaches its stream too (the job is cancelled through the in-process server).
        cancel(m_world.orgA, m_world.owner.token, jobId);
        QVERIFY(job.waitClosed());
        QCOMPARE(job.events().last().state(), QStringLiteral("cancelled"));
        QVERIFY(org.waitFor([&] { return org.eventsOf(jobId).last().state() == u"cancelled"; }, 10000));

        timer.start();
        ::kill(pid_t(server.processId()), SIGTERM);
        QVERIFY2(org.waitClosed(5000), "SIGTERM did not end the open stream");
        const qint64 closedAfter = timer.elapsed();
        QVERIFY(server.waitForFinished(30000));
        log += server.readAll();
        qInfo("serve: the open stream ended %lld ms after SIGTERM, the process exited after %lld ms", closedAfter,
              timer.elapsed());
        QCOMPARE(server.exitStatus(), QProcess::NormalExit);
        QVERIFY2(server.exitCode() == 0, log.right(3000).constData());
        QVERIFY2(log.contains("\"reason\":\"server_stopping\""), log.right(3000).constData());
        QVERIFY2(timer.elapsed() < 10000, "streams must not hold up the shutdown");
    }

    // Last: stops the server.
    void shutdownEndsOpenStreams()
    {
        const QString jobId = enqueue(m_world.orgA, m_world.owner.token, R"({"kind":"export-pdf"})");
        auto job = stream(api(m_world.orgA, QStringLiteral("jobs/%1/events").arg(jobId)), m_world.owner.token);
        auto org = stream(api(m_world.orgA, QStringLiteral("jobs/events")), m_world.owner.token);
        QVERIFY(QTest::qWaitFor([&] { return m_hub->openStreams() == 2; }, 5000));
        QElapsedTimer timer;
        timer.start();
        QVERIFY(m_service->shutdown(5000)); // nothing in flight: streams do not hold the drain
        QVERIFY(job->waitClosed());
        QVERIFY(org->waitClosed());
        qInfo("shutdown with two open streams took %lld ms", timer.elapsed());
        QVERIFY(timer.elapsed() < 3000);
        QCOMPARE(m_hub->openStreams(), 0);
        m_hub->stop();
    }
};

QTEST_GUILESS_MAIN(TstJobsSse)
#include "tst_jobs_sse.moc"
