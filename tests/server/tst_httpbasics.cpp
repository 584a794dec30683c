// SPDX-License-Identifier: GPL-3.0-or-later
// The HTTP layer against the real server: started in-process on an ephemeral
// port over a real, migrated PostgreSQL database, and spoken to over TCP.
#include "http/httpserver.h"
#include "http/metrics.h"
#include "http/service.h"
#include "serverfixture.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QProcess>
#include <QRegularExpression>
#include <QSet>
#include <QTcpServer>
#include <QTest>
#include <QThread>

#include <stdexcept>

using namespace slidespec::server;
using slidespec::server::test::RawConnection;
using slidespec::server::test::RawResponse;
using slidespec::server::test::TestDatabase;

namespace {

// Accepts "Bearer good" (user u1) and "Bearer viewer" (user u2, who lacks
// every permission); anything else is anonymous.
class TestAuthenticator : public Authenticator
{
public:
    AuthOutcome authenticate(RequestContext &context) override
    {
        const QByteArray auth = context.header("authorization");
        if (auth == "Bearer good")
            return AuthOutcome::authenticated({QStringLiteral("u1"), QStringLiteral("org1"), {}, QStringLiteral("api_token"), {}});
        if (auth == "Bearer viewer")
            return AuthOutcome::authenticated({QStringLiteral("u2"), {}, {}, QStringLiteral("session"), {}});
        if (auth == "Bearer throttled")
            return AuthOutcome::failed({429, QStringLiteral("auth.throttled"), QStringLiteral("Slow down."), {}});
        return AuthOutcome::anonymous();
    }

    std::optional<ApiError> authorize(RequestContext &context, const QString &permission) override
    {
        if (context.userId() == QLatin1String("u1") && permission == QLatin1String("test.read"))
            return std::nullopt;
        return ApiError::forbidden();
    }
};

QJsonObject jsonOf(const RawResponse &r)
{
    return QJsonDocument::fromJson(r.body).object();
}

} // namespace

class TstHttpBasics : public QObject
{
    Q_OBJECT

private:
    TestDatabase m_db;
    std::unique_ptr<Service> m_service;
    TestAuthenticator m_auth;
    std::atomic<bool> m_readyHookOk{true};
    static constexpr qint64 kMaxBody = 4096;

    ServerConfig baseConfig() const
    {
        ServerConfig config;
        config.databaseUrl = m_db.appUrl();
        config.migrationDatabaseUrl = m_db.ownerUrl();
        config.appRole = QStringLiteral("slidespec_app");
        config.listenAddress = QHostAddress(QHostAddress::LocalHost);
        config.listenPort = 0;
        config.publicBaseUrl = QStringLiteral("http://127.0.0.1");
        config.dbPoolSize = 2;
        config.workerThreads = 4;
        config.dbAcquireTimeoutMs = 2000;
        config.maxBodyBytes = kMaxBody;
        config.requestTimeoutMs = 1500;
        config.trustedProxies = {QHostAddress::parseSubnet(QStringLiteral("127.0.0.1/32"))};
        return config;
    }

    void addTestRoutes(Service &service)
    {
        Router &r = service.router();
        r.setAuthenticator(&m_auth);
        QVERIFY(r.add({.method = "POST",
                       .pattern = QStringLiteral("/api/v1/test/echo"),
                       .handler = [](RequestContext &ctx) {
                           ApiError error;
                           const auto body = ctx.jsonObject(&error);
                           if (!body)
                               return HttpResponse(error);
                           return HttpResponse::json(QJsonObject{{QStringLiteral("echo"), *body}});
                       },
                       .auth = AuthMode::None,
                       .doc = {.summary = QStringLiteral("Echo a JSON object"), .tag = QStringLiteral("test")}}));
        QVERIFY(r.add({.method = "GET",
                       .pattern = QStringLiteral("/api/v1/test/items/{itemId}"),
                       .handler = [](RequestContext &ctx) {
                           return HttpResponse::json(QJsonObject{
                               {QStringLiteral("itemId"), ctx.pathParam(QStringLiteral("itemId"))},
                               {QStringLiteral("q"), ctx.queryValue(QStringLiteral("q"))},
                               {QStringLiteral("worker"), QThread::currentThread() != qApp->thread()}});
                       },
                       .auth = AuthMode::None,
                       .doc = {.summary = QStringLiteral("An item"), .tag = QStringLiteral("test")}}));
        QVERIFY(r.add({.method = "DELETE",
                       .pattern = QStringLiteral("/api/v1/test/items/{itemId}"),
                       .handler = [](RequestContext &) { return HttpResponse::noContent(); },
                       .auth = AuthMode::None,
                       .doc = {.summary = QStringLiteral("Delete an item"), .tag = QStringLiteral("test"), .successStatus = 204}}));
        QVERIFY(r.add({.method = "GET",
                       .pattern = QStringLiteral("/api/v1/test/boom"),
                       .handler = [](RequestContext &) -> HttpResponse {
                           throw std::runtime_error("secret internal detail 0xdeadbeef");
                       },
                       .auth = AuthMode::None}));
        QVERIFY(r.add({.method = "GET",
                       .pattern = QStringLiteral("/api/v1/test/slow"),
                       .handler = [](RequestContext &) {
                           QThread::msleep(2500);
                           return HttpResponse::json(QJsonObject{{QStringLiteral("late"), true}});
                       },
                       .auth = AuthMode::None}));
        QVERIFY(r.add({.method = "GET",
                       .pattern = QStringLiteral("/api/v1/test/private"),
                       .handler = [](RequestContext &ctx) {
                           return HttpResponse::json(QJsonObject{{QStringLiteral("user"), ctx.userId()},
                                                                 {QStringLiteral("org"), ctx.orgId()}});
                       },
                       .permission = QStringLiteral("test.read")}));
        QVERIFY(r.add({.method = "GET",
                       .pattern = QStringLiteral("/api/v1/test/whoami"),
                       .handler = [](RequestContext &ctx) {
                           return HttpResponse::json(QJsonObject{{QStringLiteral("client"), ctx.clientAddress().toString()}});
                       },
                       .auth = AuthMode::Optional}));
        QVERIFY(r.add({.method = "GET",
                       .pattern = QStringLiteral("/api/v1/test/db"),
                       .handler = [&service](RequestContext &ctx) {
                           auto now = service.database().withTransaction(OrgScope{ctx.userId(), QString()}, [](pqxx::work &tx) {
                               return tx.exec("SELECT current_user").at(0).at(0).as<std::string>();
                           });
                           if (!now)
                               return HttpResponse(now.error().toApiError());
                           return HttpResponse::json(QJsonObject{{QStringLiteral("role"), QString::fromStdString(now.value())}});
                       },
                       .auth = AuthMode::None}));
        service.readiness().add(QStringLiteral("test-hook"), [this](QString *reason) {
            if (m_readyHookOk)
                return true;
            *reason = QStringLiteral("the test hook says no");
            return false;
        });
    }

    RawResponse get(const QByteArray &target, const QList<QPair<QByteArray, QByteArray>> &headers = {})
    {
        RawConnection c(m_service->port());
        return c.request("GET", target, {}, headers);
    }

    static void verifyEnvelope(const RawResponse &r, int status, const QString &code)
    {
        QVERIFY2(r.ok, "no complete response");
        QCOMPARE(r.status, status);
        QVERIFY2(r.header("content-type").startsWith("application/json"), r.header("content-type").constData());
        QJsonParseError parseError;
        const QJsonDocument doc = QJsonDocument::fromJson(r.body, &parseError);
        QVERIFY2(parseError.error == QJsonParseError::NoError, r.body.constData());
        const QJsonObject top = doc.object();
        QCOMPARE(top.keys(), QStringList{QStringLiteral("error")});
        const QJsonObject error = top.value(QStringLiteral("error")).toObject();
        QCOMPARE(error.keys(), (QStringList{QStringLiteral("code"), QStringLiteral("details"), QStringLiteral("message")}));
        QCOMPARE(error.value(QStringLiteral("code")).toString(), code);
        QVERIFY(!error.value(QStringLiteral("message")).toString().isEmpty());
        QVERIFY(error.value(QStringLiteral("details")).isObject());
        QVERIFY(!r.header("x-request-id").isEmpty());
    }

    double counterValue(const QByteArray &metrics, const QByteArray &series)
    {
        for (const QByteArray &line : metrics.split('\n')) {
            if (line.startsWith(QByteArray(series + ' ')))
                return line.mid(series.size() + 1).toDouble();
        }
        return 0;
    }

private slots:
    void initTestCase()
    {
        QString error;
        QVERIFY2(m_db.create(QStringLiteral("http"), &error), qPrintable(error));
        m_service = std::make_unique<Service>(baseConfig());
        addTestRoutes(*m_service);
        QVERIFY2(m_service->migrate(&error), qPrintable(error));
        QVERIFY2(m_service->start(&error), qPrintable(error));
        QVERIFY(m_service->port() > 0);
    }

    void cleanupTestCase()
    {
        if (m_service)
            m_service->shutdown(3000);
        m_service.reset();
        m_db.drop();
    }

    void errorsUseTheEnvelope_data()
    {
        QTest::addColumn<QByteArray>("method");
        QTest::addColumn<QByteArray>("target");
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<QByteArray>("extraHeader");
        QTest::addColumn<int>("status");
        QTest::addColumn<QString>("code");

        QTest::newRow("unknown route → 404") << QByteArray("GET") << QByteArray("/api/v1/nope") << QByteArray() << QByteArray() << 404 << "route.not_found";
        QTest::newRow("unknown nested route → 404") << QByteArray("GET") << QByteArray("/api/v1/test/items/1/extra") << QByteArray() << QByteArray() << 404 << "route.not_found";
        QTest::newRow("wrong method → 405") << QByteArray("PUT") << QByteArray("/api/v1/test/items/7") << QByteArray("{}") << QByteArray() << 405 << "route.method_not_allowed";
        QTest::newRow("malformed JSON → 400") << QByteArray("POST") << QByteArray("/api/v1/test/echo") << QByteArray("{\"a\": ") << QByteArray() << 400 << "request.invalid_json";
        QTest::newRow("JSON that is not an object → 400") << QByteArray("POST") << QByteArray("/api/v1/test/echo") << QByteArray("[1,2]") << QByteArray() << 400 << "request.expected_object";
        QTest::newRow("empty body where JSON is needed → 400") << QByteArray("POST") << QByteArray("/api/v1/test/echo") << QByteArray() << QByteArray() << 400 << "request.body_required";
        QTest::newRow("non-JSON content type → 415") << QByteArray("POST") << QByteArray("/api/v1/test/echo") << QByteArray("a=b") << QByteArray("Content-Type: application/x-www-form-urlencoded") << 415 << "request.unsupported_media_type";
        QTest::newRow("handler exception → 500, nothing leaked") << QByteArray("GET") << QByteArray("/api/v1/test/boom") << QByteArray() << QByteArray() << 500 << "internal";
        QTest::newRow("no credential → 401") << QByteArray("GET") << QByteArray("/api/v1/test/private") << QByteArray() << QByteArray() << 401 << "auth.required";
        QTest::newRow("bad credential → 401") << QByteArray("GET") << QByteArray("/api/v1/test/private") << QByteArray() << QByteArray("Authorization: Bearer forged") << 401 << "auth.required";
        QTest::newRow("authenticated without the permission → 403") << QByteArray("GET") << QByteArray("/api/v1/test/private") << QByteArray() << QByteArray("Authorization: Bearer viewer") << 403 << "auth.forbidden";
        QTest::newRow("authenticator's own error (throttled) → 429") << QByteArray("GET") << QByteArray("/api/v1/test/private") << QByteArray() << QByteArray("Authorization: Bearer throttled") << 429 << "auth.throttled";
        QTest::newRow("declared body above the limit → 413") << QByteArray("POST") << QByteArray("/api/v1/test/echo") << QByteArray() << QByteArray("Content-Length: 999999999999") << 413 << "request.too_large";
        QTest::newRow("chunked body → 411") << QByteArray("POST") << QByteArray("/api/v1/test/echo") << QByteArray() << QByteArray("Transfer-Encoding: chunked") << 411 << "request.length_required";
        QTest::newRow("unparseable Content-Length → 400") << QByteArray("POST") << QByteArray("/api/v1/test/echo") << QByteArray() << QByteArray("Content-Length: ten") << 400 << "request.invalid_content_length";
        QTest::newRow("SQL metacharacters in a path parameter stay data (404 for unknown path)") << QByteArray("GET") << QByteArray("/api/v1/test/items/1';DROP%20TABLE%20x;--/y") << QByteArray() << QByteArray() << 404 << "route.not_found";
    }

    void errorsUseTheEnvelope()
    {
        QFETCH(QByteArray, method);
        QFETCH(QByteArray, target);
        QFETCH(QByteArray, body);
        QFETCH(QByteArray, extraHeader);
        QFETCH(int, status);
        QFETCH(QString, code);
        QList<QPair<QByteArray, QByteArray>> headers;
        if (!extraHeader.isEmpty()) {
            const qsizetype colon = extraHeader.indexOf(':');
            headers.append({extraHeader.left(colon), extraHeader.mid(colon + 1).trimmed()});
        }
        RawConnection c(m_service->port());
        const RawResponse r = c.request(method, target, body, headers);
        verifyEnvelope(r, status, code);
        if (status == 405)
            QCOMPARE(r.header("allow"), QByteArray("GET, HEAD, DELETE"));
        if (status == 500)
            QVERIFY2(!r.body.contains("deadbeef") && !r.body.contains("secret"), r.body.constData());
        if (status == 413 || status == 411)
            QVERIFY(r.header("connection").contains("close"));
    }

    void malformedJsonNamesThePosition()
    {
        RawConnection c(m_service->port());
        const RawResponse r = c.request("POST", "/api/v1/test/echo", "{\n  \"title\": \"x\",\n  \"size\": ,\n}");
        verifyEnvelope(r, 400, QStringLiteral("request.invalid_json"));
        const QJsonObject details = jsonOf(r).value(QStringLiteral("error")).toObject().value(QStringLiteral("details")).toObject();
        QCOMPARE(details.value(QStringLiteral("line")).toInt(), 3);
        QVERIFY2(details.value(QStringLiteral("column")).toInt() >= 10, r.body.constData());
        QVERIFY(details.contains(QStringLiteral("offset")));
        QVERIFY(jsonOf(r).value(QStringLiteral("error")).toObject().value(QStringLiteral("message")).toString().contains(QStringLiteral("line 3")));
    }

    void bodiesAboveTheLimitGet413_data()
    {
        QTest::addColumn<int>("size");
        QTest::addColumn<int>("status");
        QTest::newRow("exactly the limit is accepted") << int(kMaxBody) << 200;
        QTest::newRow("one byte over is refused before buffering") << int(kMaxBody + 1) << 413;
        QTest::newRow("a megabyte sent in full is refused") << 1024 * 1024 << 413;
    }

    void bodiesAboveTheLimitGet413()
    {
        QFETCH(int, size);
        QFETCH(int, status);
        QByteArray body = "{\"pad\":\"";
        body += QByteArray(size - body.size() - 2, 'x');
        body += "\"}";
        QCOMPARE(body.size(), size);
        const QByteArray series = "http_requests_total{route=\"/api/v1/test/echo\",method=\"POST\",status=\""
            + QByteArray::number(status) + "\"}";
        const double before = counterValue(get("/metrics").body, series);
        RawConnection c(m_service->port());
        const RawResponse r = c.request("POST", "/api/v1/test/echo", body, {{"Content-Type", "application/json"}});
        QVERIFY2(r.ok, "no response");
        QCOMPARE(r.status, status);
        if (status == 413) {
            verifyEnvelope(r, 413, QStringLiteral("request.too_large"));
            QCOMPARE(jsonOf(r).value(QStringLiteral("error")).toObject().value(QStringLiteral("details")).toObject().value(QStringLiteral("limit")).toInteger(), kMaxBody);
        }
        // Answered once: the refused body never reached Qt's parser as a request.
        QCOMPARE(counterValue(get("/metrics").body, series), before + 1);
        // The server is still fine afterwards.
        QCOMPARE(get("/healthz").status, 200);
    }

    void requestIdIsEchoedOrGenerated_data()
    {
        QTest::addColumn<QByteArray>("sent");
        QTest::addColumn<bool>("echoed");
        QTest::newRow("a sane id is echoed") << QByteArray("abc-123_x.y:z") << true;
        QTest::newRow("no id: one is generated") << QByteArray() << false;
        QTest::newRow("an id with spaces is replaced") << QByteArray("two words") << false;
        QTest::newRow("an over-long id is replaced") << QByteArray(200, 'a') << false;
        QTest::newRow("an id with a quote is replaced") << QByteArray("x\"y") << false;
    }

    void requestIdIsEchoedOrGenerated()
    {
        QFETCH(QByteArray, sent);
        QFETCH(bool, echoed);
        QList<QPair<QByteArray, QByteArray>> headers;
        if (!sent.isEmpty())
            headers.append({"X-Request-Id", sent});
        const RawResponse ok = get("/healthz", headers);
        const RawResponse missing = get("/nowhere", headers);
        for (const RawResponse &r : {ok, missing}) {
            QVERIFY(r.ok);
            const QByteArray id = r.header("x-request-id");
            if (echoed) {
                QCOMPARE(id, sent);
            } else {
                static const QRegularExpression uuid(QStringLiteral("^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$"));
                QVERIFY2(uuid.match(QString::fromLatin1(id)).hasMatch(), id.constData());
            }
        }
        QVERIFY(ok.header("x-request-id") != missing.header("x-request-id") || echoed);
    }

    void healthzAnswers()
    {
        const RawResponse r = get("/healthz");
        QCOMPARE(r.status, 200);
        QCOMPARE(jsonOf(r).value(QStringLiteral("status")).toString(), QStringLiteral("ok"));
    }

    void readyzReportsEachCheck()
    {
        m_readyHookOk = true;
        RawResponse r = get("/readyz");
        QCOMPARE(r.status, 200);
        QCOMPARE(jsonOf(r).value(QStringLiteral("checks")).toArray().size(), 2);

        m_readyHookOk = false;
        r = get("/readyz");
        verifyEnvelope(r, 503, QStringLiteral("server.not_ready"));
        const QJsonArray checks = jsonOf(r)[QStringLiteral("error")][QStringLiteral("details")][QStringLiteral("checks")].toArray();
        bool sawHook = false;
        for (const auto &c : checks) {
            if (c[QStringLiteral("name")].toString() == QLatin1String("test-hook")) {
                sawHook = true;
                QCOMPARE(c[QStringLiteral("ok")].toBool(), false);
                QCOMPARE(c[QStringLiteral("reason")].toString(), QStringLiteral("the test hook says no"));
            } else {
                QCOMPARE(c[QStringLiteral("ok")].toBool(), true);
            }
        }
        QVERIFY(sawHook);
        m_readyHookOk = true;
    }

    void readyzIs503WhenTheDatabaseIsDown()
    {
        // A server whose database does not answer (nothing listens on the port).
        ServerConfig config = baseConfig();
        QTcpServer probe;
        QVERIFY(probe.listen(QHostAddress::LocalHost));
        const quint16 deadPort = probe.serverPort();
        probe.close();
        QUrl url(m_db.appUrl());
        url.setPort(deadPort);
        config.databaseUrl = url.toString();
        Service down(config);
        QString error;
        QVERIFY2(down.start(&error), qPrintable(error));
        RawConnection c(down.port());
        RawResponse r = c.request("GET", "/readyz");
        verifyEnvelope(r, 503, QStringLiteral("server.not_ready"));
        const QJsonArray checks = jsonOf(r)[QStringLiteral("error")][QStringLiteral("details")][QStringLiteral("checks")].toArray();
        QCOMPARE(checks.first()[QStringLiteral("name")].toString(), QStringLiteral("database"));
        QCOMPARE(checks.first()[QStringLiteral("ok")].toBool(), false);
        QVERIFY2(!r.body.contains(QByteArray::number(deadPort)), "the reason must not leak connection details");
        // Liveness does not depend on the database.
        r = c.request("GET", "/healthz");
        QCOMPARE(r.status, 200);
        down.shutdown(2000);
    }

    void handlersRunOffTheEventLoopWithParams()
    {
        const RawResponse r = get("/api/v1/test/items/a%20b%2Fc?q=caf%C3%A9");
        QCOMPARE(r.status, 200);
        const QJsonObject o = jsonOf(r);
        QCOMPARE(o.value(QStringLiteral("itemId")).toString(), QStringLiteral("a b/c"));
        QCOMPARE(o.value(QStringLiteral("q")).toString(), QStringLiteral("café"));
        QCOMPARE(o.value(QStringLiteral("worker")).toBool(), true);
    }

    void handlersReachTheDatabaseAsTheAppRole()
    {
        const RawResponse r = get("/api/v1/test/db");
        QCOMPARE(r.status, 200);
        QCOMPARE(jsonOf(r).value(QStringLiteral("role")).toString(), QStringLiteral("slidespec_app"));
    }

    void authenticatedRequestsSeeTheirIdentity()
    {
        const RawResponse r = get("/api/v1/test/private", {{"Authorization", "Bearer good"}});
        QCOMPARE(r.status, 200);
        QCOMPARE(jsonOf(r).value(QStringLiteral("user")).toString(), QStringLiteral("u1"));
        QCOMPARE(jsonOf(r).value(QStringLiteral("org")).toString(), QStringLiteral("org1"));
    }

    void forwardedForIsBelievedFromTrustedProxiesOnly_data()
    {
        QTest::addColumn<QByteArray>("forwardedFor");
        QTest::addColumn<QString>("client");
        QTest::newRow("no header: the TCP peer") << QByteArray() << QStringLiteral("127.0.0.1");
        QTest::newRow("one hop from the trusted proxy") << QByteArray("203.0.113.7") << QStringLiteral("203.0.113.7");
        QTest::newRow("a spoofed left part is ignored") << QByteArray("1.2.3.4, 203.0.113.7") << QStringLiteral("203.0.113.7");
        QTest::newRow("garbage keeps the peer") << QByteArray("not-an-address") << QStringLiteral("127.0.0.1");
    }

    void forwardedForIsBelievedFromTrustedProxiesOnly()
    {
        QFETCH(QByteArray, forwardedFor);
        QFETCH(QString, client);
        QList<QPair<QByteArray, QByteArray>> headers;
        if (!forwardedFor.isEmpty())
            headers.append({"X-Forwarded-For", forwardedFor});
        const RawResponse r = get("/api/v1/test/whoami", headers);
        QCOMPARE(r.status, 200);
        QCOMPARE(jsonOf(r).value(QStringLiteral("client")).toString(), client);

        // The same header from an untrusted peer is ignored.
        HttpServer::Options options;
        options.trustedProxies = {QHostAddress::parseSubnet(QStringLiteral("10.0.0.0/8"))};
        HttpServer strict(m_service->router(), m_service->metrics(), options);
        QCOMPARE(strict.clientAddress(QHostAddress(QStringLiteral("127.0.0.1")), forwardedFor).toString(),
                 QStringLiteral("127.0.0.1"));
    }

    void pipelinedRequestsAreAnsweredInOrder()
    {
        RawConnection c(m_service->port());
        // A slow-ish DB request, a POST with a body, and a GET, in one write.
        const QByteArray body = "{\"n\":1}";
        c.send("GET /api/v1/test/db HTTP/1.1\r\nHost: x\r\nX-Request-Id: first\r\n\r\n"
               "POST /api/v1/test/echo HTTP/1.1\r\nHost: x\r\nX-Request-Id: second\r\nContent-Type: application/json\r\n"
               "Content-Length: " + QByteArray::number(body.size()) + "\r\n\r\n" + body +
               "GET /api/v1/test/items/3 HTTP/1.1\r\nHost: x\r\nX-Request-Id: third\r\n\r\n");
        const RawResponse a = c.read();
        const RawResponse b = c.read();
        const RawResponse d = c.read();
        QCOMPARE(a.header("x-request-id"), QByteArray("first"));
        QCOMPARE(a.status, 200);
        QCOMPARE(b.header("x-request-id"), QByteArray("second"));
        QCOMPARE(b.status, 200);
        QCOMPARE(jsonOf(b)[QStringLiteral("echo")][QStringLiteral("n")].toInt(), 1);
        QCOMPARE(d.header("x-request-id"), QByteArray("third"));
        QCOMPARE(jsonOf(d).value(QStringLiteral("itemId")).toString(), QStringLiteral("3"));
        // And the connection stays open for more.
        QCOMPARE(c.request("GET", "/healthz").status, 200);
        QVERIFY(!c.isClosed());
    }

    void headRequestsHaveNoBody()
    {
        RawConnection c(m_service->port());
        const RawResponse r = c.request("HEAD", "/healthz");
        // The test client reads Content-Length bytes; HEAD must send none, so
        // the next response parses cleanly right after.
        QCOMPARE(r.status, 200);
        QCOMPARE(r.header("content-length"), QByteArray("15"));
        const RawResponse next = c.request("GET", "/healthz");
        QCOMPARE(next.status, 200);
        QCOMPARE(next.body, QByteArray("{\"status\":\"ok\"}"));
    }

    void slowHandlersTimeOutWith503()
    {
        const RawResponse r = get("/api/v1/test/slow");
        verifyEnvelope(r, 503, QStringLiteral("request.timeout"));
    }

    void metricsPassPromtoolAndCountRequests()
    {
        const QByteArray before = get("/metrics").body;
        const QByteArray series = "http_requests_total{route=\"/api/v1/test/items/{itemId}\",method=\"GET\",status=\"200\"}";
        const double start = counterValue(before, series);
        for (int i = 0; i < 5; ++i)
            QCOMPARE(get("/api/v1/test/items/" + QByteArray::number(i)).status, 200);
        get("/api/v1/nope");
        const RawResponse r = get("/metrics");
        QCOMPARE(r.status, 200);
        QVERIFY(r.header("content-type").startsWith("text/plain; version=0.0.4"));
        QCOMPARE(counterValue(r.body, series), start + 5);
        QVERIFY(counterValue(r.body, "http_requests_total{route=\"<unmatched>\",method=\"GET\",status=\"404\"}") >= 1);
        QVERIFY(r.body.contains("http_request_duration_seconds_bucket{route=\"/api/v1/test/items/{itemId}\",method=\"GET\",status=\"200\",le=\"+Inf\"}"));
        QVERIFY(r.body.contains("\ndb_pool_size 2\n"));
        QVERIFY(r.body.contains("\ndb_pool_connections_in_use "));
        QVERIFY(r.body.contains("\ndb_pool_waits_total "));

        QProcess promtool;
        promtool.start(QStringLiteral("promtool"), {QStringLiteral("check"), QStringLiteral("metrics")});
        QVERIFY2(promtool.waitForStarted(10000), "promtool is not installed (scripts/setup.sh installs prometheus)");
        promtool.write(r.body);
        promtool.closeWriteChannel();
        QVERIFY(promtool.waitForFinished(30000));
        const QByteArray output = promtool.readAllStandardOutput() + promtool.readAllStandardError();
        QVERIFY2(promtool.exitCode() == 0, output.constData());
    }

    void openApiListsExactlyTheRoutes()
    {
        const RawResponse r = get("/api/v1/openapi.json");
        QCOMPARE(r.status, 200);
        const QJsonObject doc = jsonOf(r);
        QCOMPARE(doc.value(QStringLiteral("openapi")).toString(), QStringLiteral("3.0.3"));

        QSet<QString> documented;
        const QJsonObject paths = doc.value(QStringLiteral("paths")).toObject();
        for (auto p = paths.begin(); p != paths.end(); ++p) {
            const QJsonObject item = p.value().toObject();
            for (auto op = item.begin(); op != item.end(); ++op) {
                documented.insert(op.key().toUpper() + QLatin1Char(' ') + p.key());
                const QJsonObject operation = op.value().toObject();
                QVERIFY2(operation.contains(QStringLiteral("responses")), qPrintable(p.key()));
                QVERIFY2(operation.value(QStringLiteral("responses")).toObject().contains(QStringLiteral("500")), qPrintable(p.key()));
                // Every {param} in the path is declared.
                QSet<QString> declared;
                for (const auto &param : operation.value(QStringLiteral("parameters")).toArray()) {
                    if (param[QStringLiteral("in")].toString() == QLatin1String("path"))
                        declared.insert(param[QStringLiteral("name")].toString());
                }
                static const QRegularExpression braces(QStringLiteral("\\{(\\w+)\\}"));
                QSet<QString> inPath;
                for (const auto &m : braces.globalMatch(p.key()))
                    inPath.insert(m.captured(1));
                QCOMPARE(declared, inPath);
            }
        }
        QSet<QString> routed;
        for (const Route &route : m_service->router().routes())
            routed.insert(QString::fromLatin1(route.method) + QLatin1Char(' ') + route.pattern);
        QCOMPARE(documented, routed);

        // Security: the private route needs a credential and names its permission.
        const QJsonObject priv = paths[QStringLiteral("/api/v1/test/private")][QStringLiteral("get")].toObject();
        QVERIFY(!priv.value(QStringLiteral("security")).toArray().isEmpty());
        QCOMPARE(priv.value(QStringLiteral("x-slidespec-permission")).toString(), QStringLiteral("test.read"));
        QVERIFY(priv.value(QStringLiteral("responses")).toObject().contains(QStringLiteral("401")));
        QVERIFY(priv.value(QStringLiteral("responses")).toObject().contains(QStringLiteral("403")));
        QVERIFY(paths[QStringLiteral("/healthz")][QStringLiteral("get")][QStringLiteral("security")].toArray().isEmpty());

        // Every $ref resolves.
        const QByteArray text = r.body;
        static const QRegularExpression refs(QStringLiteral("\"\\$ref\":\"#/components/(schemas|responses)/([^\"]+)\""));
        int count = 0;
        for (const auto &m : refs.globalMatch(QString::fromUtf8(text))) {
            ++count;
            QVERIFY2(doc[QStringLiteral("components")][m.captured(1)].toObject().contains(m.captured(2)),
                     qPrintable(m.captured(0)));
        }
        QVERIFY(count > 0);
        QVERIFY(doc[QStringLiteral("components")][QStringLiteral("schemas")].toObject().contains(QStringLiteral("Error")));
    }

    void idleConnectionsAreClosed_data()
    {
        QTest::addColumn<QByteArray>("sent");
        QTest::addColumn<bool>("answered");
        QTest::newRow("idle keep-alive after a response") << QByteArray("GET /quick HTTP/1.1\r\nHost: x\r\n\r\n") << true;
        QTest::newRow("stalled in the middle of the headers") << QByteArray("GET /quick HTTP/1.1\r\nHost") << false;
        QTest::newRow("stalled in the middle of the body") << QByteArray("POST /quick HTTP/1.1\r\nContent-Length: 10\r\n\r\nabc") << false;
        QTest::newRow("a handler slower than the idle timeout is not cut") << QByteArray("GET /slow HTTP/1.1\r\nHost: x\r\n\r\n") << true;
    }

    void idleConnectionsAreClosed()
    {
        QFETCH(QByteArray, sent);
        QFETCH(bool, answered);
        Router router;
        QVERIFY(router.add({.method = "GET", .pattern = QStringLiteral("/quick"),
                            .handler = [](RequestContext &) { return HttpResponse::noContent(); }, .auth = AuthMode::None}));
        QVERIFY(router.add({.method = "GET", .pattern = QStringLiteral("/slow"),
                            .handler = [](RequestContext &) { QThread::msleep(700); return HttpResponse::noContent(); },
                            .auth = AuthMode::None}));
        MetricsRegistry metrics;
        HttpServer::Options options;
        options.idleTimeoutMs = 300;
        HttpServer server(router, metrics, options);
        QString error;
        QVERIFY2(server.start(QHostAddress(QHostAddress::LocalHost), 0, &error), qPrintable(error));
        RawConnection c(server.port());
        c.send(sent);
        const RawResponse r = c.read(3000);
        QCOMPARE(r.ok, answered);
        if (answered)
            QCOMPARE(r.status, 204);
        QTRY_VERIFY_WITH_TIMEOUT(c.isClosed(), 3000);
    }

    void shutdownFinishesInFlightRequests()
    {
        ServerConfig config = baseConfig();
        config.requestTimeoutMs = 10000;
        Service service(config);
        QVERIFY(service.router().add({.method = "GET",
                                      .pattern = QStringLiteral("/api/v1/test/slowok"),
                                      .handler = [](RequestContext &) {
                                          QThread::msleep(700);
                                          return HttpResponse::json(QJsonObject{{QStringLiteral("done"), true}});
                                      },
                                      .auth = AuthMode::None}));
        QString error;
        QVERIFY2(service.start(&error), qPrintable(error));
        const quint16 port = service.port();
        RawConnection c(port);
        c.send("GET /api/v1/test/slowok HTTP/1.1\r\nHost: x\r\n\r\n");
        // Let the request reach the worker, then stop.
        QTRY_COMPARE_WITH_TIMEOUT(service.httpServer()->inFlight(), 1, 5000);
        QVERIFY(service.shutdown(5000));
        const RawResponse r = c.read();
        QCOMPARE(r.status, 200);
        QCOMPARE(jsonOf(r).value(QStringLiteral("done")).toBool(), true);
        QCOMPARE(r.header("connection"), QByteArray("close"));
        // No new connections are accepted.
        QTcpSocket late;
        late.connectToHost(QStringLiteral("127.0.0.1"), port);
        QVERIFY(!late.waitForConnected(1000) || !late.waitForReadyRead(500));
    }
};

QTEST_GUILESS_MAIN(TstHttpBasics)
#include "tst_httpbasics.moc"
