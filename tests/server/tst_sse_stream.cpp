// SPDX-License-Identifier: GPL-3.0-or-later
// The HTTP layer's streamed responses (the hook Server-Sent Events use),
// against the real HttpServer on an ephemeral port, spoken to over TCP: the
// head, writes from other threads, the end of a stream from either side,
// the caps, HEAD, slow clients, shutdown, the metrics — and that ordinary
// answers are still written byte for byte as before.
#include "http/httpserver.h"
#include "http/metrics.h"
#include "http/router.h"

#include <QElapsedTimer>
#include <QHash>
#include <QTcpSocket>
#include <QTest>
#include <QThread>

#include <atomic>
#include <memory>
#include <mutex>
#include <thread>

using namespace slidespec::server;

namespace {

/*! What the test sees of one stream: its sink and how often it was attached and detached. */
struct Probe
{
    std::mutex mutex;
    std::shared_ptr<StreamSink> sink;
    std::atomic<int> attached{0};
    std::atomic<int> detached{0};
    std::atomic<bool> detachedOnEventLoop{true};

    std::shared_ptr<StreamSink> currentSink()
    {
        std::lock_guard lock(mutex);
        return sink;
    }
};

class ProbeStream : public ResponseStream
{
public:
    explicit ProbeStream(std::shared_ptr<Probe> probe) : m_probe(std::move(probe)) {}
    void attach(std::shared_ptr<StreamSink> sink) override
    {
        std::lock_guard lock(m_probe->mutex);
        m_probe->sink = std::move(sink);
        ++m_probe->attached;
    }
    void detach() override
    {
        if (QThread::currentThread() != qApp->thread())
            m_probe->detachedOnEventLoop = false;
        ++m_probe->detached;
    }

private:
    std::shared_ptr<Probe> m_probe;
};

/*! A client of one streamed (or plain) response: reads the head, then collects the body as it comes. */
class StreamClient
{
public:
    explicit StreamClient(quint16 port, int readBufferSize = 0)
    {
        if (readBufferSize > 0)
            m_socket.setReadBufferSize(readBufferSize);
        m_socket.connectToHost(QStringLiteral("127.0.0.1"), port);
        QObject::connect(&m_socket, &QTcpSocket::readyRead, &m_socket, [this] {
            if (m_reading)
                m_raw += m_socket.readAll();
        });
        QObject::connect(&m_socket, &QTcpSocket::disconnected, &m_socket, [this] { m_closed = true; });
    }

    void get(const QByteArray &target, const QByteArray &method = "GET", const QByteArray &extra = {})
    {
        m_socket.write(method + ' ' + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\n" + extra + "\r\n");
    }

    bool waitHead(int timeoutMs = 5000)
    {
        return QTest::qWaitFor([&] { return m_raw.contains("\r\n\r\n") || m_closed; }, timeoutMs)
               && m_raw.contains("\r\n\r\n");
    }
    bool waitBody(const QByteArray &needle, int timeoutMs = 5000)
    {
        return QTest::qWaitFor([&] { return body().contains(needle); }, timeoutMs);
    }
    bool waitClosed(int timeoutMs = 5000)
    {
        return QTest::qWaitFor([&] { return m_closed; }, timeoutMs);
    }

    QByteArray head() const { return m_raw.left(m_raw.indexOf("\r\n\r\n") + 4); }
    QByteArray body() const
    {
        const qsizetype end = m_raw.indexOf("\r\n\r\n");
        return end < 0 ? QByteArray() : m_raw.mid(end + 4);
    }
    int status() const { return head().split(' ').value(1).toInt(); }
    QByteArray header(const QByteArray &name) const
    {
        for (const QByteArray &line : head().split('\n')) {
            const qsizetype colon = line.indexOf(':');
            if (colon > 0 && line.left(colon).trimmed().compare(name, Qt::CaseInsensitive) == 0)
                return line.mid(colon + 1).trimmed();
        }
        return {};
    }
    bool hasHeader(const QByteArray &name) const
    {
        for (const QByteArray &line : head().split('\n')) {
            const qsizetype colon = line.indexOf(':');
            if (colon > 0 && line.left(colon).trimmed().compare(name, Qt::CaseInsensitive) == 0)
                return true;
        }
        return false;
    }
    bool isClosed() const { return m_closed; }
    /*! Stops reading: what the server sends piles up in the kernel (the read buffer is small). */
    void stopReading() { m_reading = false; }
    void abort() { m_socket.abort(); }
    QTcpSocket &socket() { return m_socket; }

private:
    QTcpSocket m_socket;
    QByteArray m_raw;
    bool m_closed = false;
    bool m_reading = true;
};

} // namespace

class TstSseStream : public QObject
{
    Q_OBJECT

private:
    Router m_router;
    std::mutex m_probesMutex;
    QHash<QString, std::shared_ptr<Probe>> m_probes;
    std::unique_ptr<MetricsRegistry> m_metrics;
    std::unique_ptr<HttpServer> m_server;

    std::shared_ptr<Probe> probe(const QString &name)
    {
        std::lock_guard lock(m_probesMutex);
        auto &p = m_probes[name];
        if (!p)
            p = std::make_shared<Probe>();
        return p;
    }

    void startServer(HttpServer::Options options = {})
    {
        m_server.reset();
        m_metrics = std::make_unique<MetricsRegistry>();
        options.workerThreads = 4;
        m_server = std::make_unique<HttpServer>(m_router, *m_metrics, options);
        QString error;
        QVERIFY2(m_server->start(QHostAddress(QHostAddress::LocalHost), 0, &error), qPrintable(error));
    }

    /*! Opens stream \a name (in org \a org) and waits for its head and attach(). */
    std::unique_ptr<StreamClient> open(const QString &name, const QString &org = QStringLiteral("org-a"))
    {
        auto client = std::make_unique<StreamClient>(m_server->port());
        client->get("/stream/" + name.toUtf8() + "?org=" + org.toUtf8());
        if (!client->waitHead())
            return client;
        if (client->status() == 200 && !QTest::qWaitFor([&] { return probe(name)->attached.load() == 1; }, 5000))
            qWarning("stream %s was not attached", qPrintable(name));
        return client;
    }

    double gauge(const QByteArray &series)
    {
        for (const QByteArray &line : m_metrics->render().split('\n')) {
            if (line.startsWith(QByteArray(series + ' ')))
                return line.mid(series.size() + 1).toDouble();
        }
        return -1;
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_router.add({.method = "GET",
                              .pattern = QStringLiteral("/stream/{name}"),
                              .handler = [this](RequestContext &ctx) {
                                  ctx.setOrgId(ctx.queryValue(QStringLiteral("org")));
                                  return HttpResponse::stream(
                                      std::make_shared<ProbeStream>(probe(ctx.pathParam(QStringLiteral("name")))),
                                      "retry: 1000\n\n");
                              },
                              .auth = AuthMode::None}));
        QVERIFY(m_router.add({.method = "GET",
                              .pattern = QStringLiteral("/plain"),
                              .handler = [](RequestContext &) {
                                  HttpResponse r = HttpResponse::json(QJsonObject{{QStringLiteral("a"), 1}});
                                  r.setHeader("ETag", "\"7\"");
                                  return r;
                              },
                              .auth = AuthMode::None}));
    }

    void cleanup()
    {
        m_server.reset();
        std::lock_guard lock(m_probesMutex);
        m_probes.clear();
    }

    void headIsAnEventStreamWithoutLength()
    {
        startServer();
        auto c = open(QStringLiteral("head"));
        QCOMPARE(c->status(), 200);
        QCOMPARE(c->header("content-type"), QByteArray("text/event-stream"));
        QCOMPARE(c->header("cache-control"), QByteArray("no-cache"));
        QCOMPARE(c->header("x-accel-buffering"), QByteArray("no"));
        QCOMPARE(c->header("connection"), QByteArray("close"));
        QVERIFY(!c->header("x-request-id").isEmpty());
        QVERIFY2(!c->hasHeader("content-length"), c->head().constData());
        QVERIFY(!c->hasHeader("transfer-encoding"));
        QVERIFY(c->waitBody("retry: 1000\n\n"));
        QCOMPARE(probe(QStringLiteral("head"))->attached.load(), 1);
        QCOMPARE(m_server->openStreams(), 1);
        QCOMPARE(m_server->inFlight(), 0); // a stream is not in flight: drain() does not wait for it
        QCOMPARE(gauge("http_event_streams_open"), 1.0);
    }

    void writesFromAnyThreadArriveInOrder()
    {
        startServer();
        auto c = open(QStringLiteral("order"));
        auto sink = probe(QStringLiteral("order"))->currentSink();
        QVERIFY(sink);
        std::thread writer([sink] {
            for (int i = 0; i < 500; ++i)
                sink->write("data: " + QByteArray::number(i) + "\n\n");
        });
        writer.join();
        QVERIFY(sink->write("data: end\n\n")); // and from the event-loop thread
        QVERIFY(c->waitBody("data: end\n\n"));
        QByteArray expected = "retry: 1000\n\n";
        for (int i = 0; i < 500; ++i)
            expected += "data: " + QByteArray::number(i) + "\n\n";
        expected += "data: end\n\n";
        QCOMPARE(c->body(), expected);
        QVERIFY(!c->isClosed());
    }

    void clientDisconnectDetachesTheStream()
    {
        startServer();
        auto c = open(QStringLiteral("gone"));
        auto p = probe(QStringLiteral("gone"));
        auto sink = p->currentSink();
        QVERIFY(sink && sink->isOpen());
        c->abort();
        QVERIFY(QTest::qWaitFor([&] { return p->detached.load() == 1; }, 5000));
        QVERIFY(p->detachedOnEventLoop.load());
        QVERIFY(!sink->isOpen());
        QVERIFY(!sink->write("data: late\n\n")); // a late write from any thread is refused, never a crash
        QCOMPARE(m_server->openStreams(), 0);
        QCOMPARE(gauge("http_event_streams_open"), 0.0);
        QTest::qWait(200);
        QCOMPARE(p->detached.load(), 1); // once
    }

    void closeFlushesThenEndsTheConnection()
    {
        startServer();
        auto c = open(QStringLiteral("close"));
        auto p = probe(QStringLiteral("close"));
        auto sink = p->currentSink();
        std::thread([sink] {
            sink->write("event: last\ndata: {}\n\n");
            sink->close();
            sink->close(); // idempotent
        }).join();
        QVERIFY(c->waitClosed());
        QVERIFY(c->body().endsWith("event: last\ndata: {}\n\n"));
        QVERIFY(QTest::qWaitFor([&] { return p->detached.load() == 1; }, 5000));
        QVERIFY(!sink->write("more"));
        QCOMPARE(m_server->openStreams(), 0);
    }

    void requestAndIdleTimeoutsDoNotEndAStream()
    {
        HttpServer::Options options;
        options.requestTimeoutMs = 200;
        options.idleTimeoutMs = 200;
        startServer(options);
        auto c = open(QStringLiteral("long"));
        QTest::qWait(900);
        QVERIFY(!c->isClosed());
        auto sink = probe(QStringLiteral("long"))->currentSink();
        QVERIFY(sink->write(": heartbeat\n\n"));
        QVERIFY(c->waitBody(": heartbeat\n\n"));
        QCOMPARE(c->status(), 200);
        QCOMPARE(probe(QStringLiteral("long"))->detached.load(), 0);
    }

    void overTheServerCapIs503_data()
    {
        QTest::addColumn<int>("cap");
        QTest::newRow("cap-1") << 1;
        QTest::newRow("cap-3") << 3;
    }

    void overTheServerCapIs503()
    {
        QFETCH(int, cap);
        HttpServer::Options options;
        options.maxStreams = cap;
        options.maxStreamsPerOrg = -1;
        startServer(options);
        std::vector<std::unique_ptr<StreamClient>> streams;
        for (int i = 0; i < cap; ++i) {
            streams.push_back(open(QStringLiteral("cap%1").arg(i)));
            QCOMPARE(streams.back()->status(), 200);
        }
        auto refused = open(QStringLiteral("over"));
        QCOMPARE(refused->status(), 503);
        QCOMPARE(refused->header("retry-after"), QByteArray("5"));
        QVERIFY(refused->waitBody("server.streams_full"));
        QCOMPARE(probe(QStringLiteral("over"))->attached.load(), 0);
        QVERIFY(gauge("http_event_streams_refused_total{reason=\"server_limit\"}") >= 1);
        // One ends: there is room again.
        streams.front()->abort();
        QVERIFY(QTest::qWaitFor([&] { return m_server->openStreams() == cap - 1; }, 5000));
        auto again = open(QStringLiteral("again"));
        QCOMPARE(again->status(), 200);
    }

    void overAnOrgsCapIs429()
    {
        HttpServer::Options options;
        options.maxStreamsPerOrg = 2;
        startServer(options);
        auto a1 = open(QStringLiteral("a1"), QStringLiteral("org-a"));
        auto a2 = open(QStringLiteral("a2"), QStringLiteral("org-a"));
        auto a3 = open(QStringLiteral("a3"), QStringLiteral("org-a"));
        auto b1 = open(QStringLiteral("b1"), QStringLiteral("org-b"));
        QCOMPARE(a1->status(), 200);
        QCOMPARE(a2->status(), 200);
        QCOMPARE(a3->status(), 429);
        QVERIFY(a3->waitBody("streams.org_limit"));
        QCOMPARE(a3->header("retry-after"), QByteArray("5"));
        QCOMPARE(b1->status(), 200); // another org is not affected
        a1->abort();
        QVERIFY(QTest::qWaitFor([&] { return m_server->openStreams() == 2; }, 5000));
        auto a4 = open(QStringLiteral("a4"), QStringLiteral("org-a"));
        QCOMPARE(a4->status(), 200);
    }

    void headGetsTheHeadOnly()
    {
        startServer();
        StreamClient c(m_server->port());
        c.get("/stream/headonly?org=x", "HEAD");
        QVERIFY(c.waitHead());
        QCOMPARE(c.status(), 200);
        QCOMPARE(c.header("content-type"), QByteArray("text/event-stream"));
        QVERIFY(c.waitClosed());
        QCOMPARE(c.body(), QByteArray());
        QCOMPARE(probe(QStringLiteral("headonly"))->attached.load(), 0);
        QCOMPARE(m_server->openStreams(), 0);
    }

    void aClientThatDoesNotReadIsCut()
    {
        HttpServer::Options options;
        options.maxStreamBufferBytes = 256 * 1024;
        startServer(options);
        auto c = std::make_unique<StreamClient>(m_server->port(), 4096);
        c->get("/stream/slow?org=x");
        QVERIFY(c->waitHead());
        auto p = probe(QStringLiteral("slow"));
        QVERIFY(QTest::qWaitFor([&] { return p->attached.load() == 1; }, 5000));
        c->stopReading();
        c->socket().setReadBufferSize(1);
        auto sink = p->currentSink();
        const QByteArray chunk(16 * 1024, 'x');
        std::atomic<bool> refused{false};
        std::atomic<qint64> written{0};
        std::thread writer([&] {
            // Up to 256 MiB: far beyond any kernel's socket buffers, so the server's own buffer fills.
            for (int i = 0; i < 16 * 1024 && !refused; ++i) {
                if (!sink->write(chunk))
                    refused = true;
                else
                    written += chunk.size();
                if (i % 64 == 0)
                    std::this_thread::sleep_for(std::chrono::milliseconds(1));
            }
        });
        const bool cut = QTest::qWaitFor([&] { return p->detached.load() == 1; }, 30000);
        refused = true;
        writer.join();
        QVERIFY2(cut, qPrintable(QStringLiteral("still attached after %1 bytes").arg(written.load())));
        qInfo("a client that stopped reading was cut after %lld bytes were queued", qint64(written.load()));
        QVERIFY(!sink->write("x"));
        QCOMPARE(m_server->openStreams(), 0);
    }

    void stopAcceptingEndsStreamsAndDrainDoesNotWait()
    {
        startServer();
        auto c1 = open(QStringLiteral("s1"));
        auto c2 = open(QStringLiteral("s2"));
        QCOMPARE(m_server->openStreams(), 2);
        QElapsedTimer timer;
        timer.start();
        m_server->stopAccepting();
        QVERIFY(m_server->drain(5000));
        QVERIFY(c1->waitClosed());
        QVERIFY(c2->waitClosed());
        qInfo("two open streams ended and drained in %lld ms", timer.elapsed());
        QVERIFY(timer.elapsed() < 3000);
        QCOMPARE(probe(QStringLiteral("s1"))->detached.load(), 1);
        QCOMPARE(probe(QStringLiteral("s2"))->detached.load(), 1);
        QCOMPARE(m_server->openStreams(), 0);
        QVERIFY(!probe(QStringLiteral("s1"))->currentSink()->write("late"));
    }

    void destroyingTheServerDetachesOpenStreams()
    {
        startServer();
        auto c = open(QStringLiteral("dtor"));
        auto sink = probe(QStringLiteral("dtor"))->currentSink();
        m_server.reset();
        QCOMPARE(probe(QStringLiteral("dtor"))->detached.load(), 1);
        QVERIFY(!sink->write("after the server")); // the sink outlives the server safely
        QVERIFY(c->waitClosed());
    }

    void plainAnswersAreUnchanged()
    {
        // The exact bytes of an ordinary answer, as before streams existed.
        startServer();
        StreamClient c(m_server->port());
        c.get("/plain", "GET", "X-Request-Id: fixed-id-1\r\n");
        QVERIFY(c.waitHead());
        QVERIFY(c.waitBody("{\"a\":1}"));
        QCOMPARE(c.head(), QByteArray("HTTP/1.1 200 OK\r\n"
                                      "Content-Type: application/json\r\n"
                                      "Content-Length: 7\r\n"
                                      "X-Request-Id: fixed-id-1\r\n"
                                      "ETag: \"7\"\r\n"
                                      "Cache-Control: no-store\r\n"
                                      "X-Content-Type-Options: nosniff\r\n"
                                      "\r\n"));
        QTest::qWait(100);
        QVERIFY(!c.isClosed()); // keep-alive as before
    }
};

QTEST_GUILESS_MAIN(TstSseStream)
#include "tst_sse_stream.moc"
