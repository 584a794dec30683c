// SPDX-License-Identifier: GPL-3.0-or-later
// Webhooks end to end against the real PostgreSQL and a real HTTP receiver (a
// QTcpServer in this test): the SSRF guard, registration (secret shown once,
// unreadable by the app role), the outbox (a rolled-back change sends
// nothing), signed deliveries a receiver can verify, retries with backoff
// after failures and timeouts, failure after the last attempt, the delivery
// log, the test route, and org isolation.
#include "serverfixture.h"
#include "tst_auth_support.h"
#include "tst_webhook_receiver.h"

#include "auth/authroutes.h"
#include "auth/authservices.h"
#include "http/service.h"
#include "ops/opsmodule.h"
#include "ops/webhookdispatcher.h"
#include "ops/webhooks.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSet>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>

using namespace slidespec::server;
using namespace slidespec::server::test;
using namespace std::chrono_literals;
using webhooktest::Receiver;

class TestWebhooks : public QObject
{
    Q_OBJECT

    TestDatabase m_testDb;
    std::unique_ptr<Database> m_db;
    std::unique_ptr<AuthServices> m_auth;
    std::unique_ptr<Service> m_service;
    std::unique_ptr<OpsModule> m_ops;
    Receiver m_receiver;
    QString m_ownerId;
    QString m_token;
    QString m_orgId;
    QString m_otherOrgId;
    QString m_otherToken;

    static WebhookConfig testConfig()
    {
        WebhookConfig config;
        config.allowHttpLoopback = true;
        config.maxAttempts = 3;
        config.retryDelays = {300ms, 600ms};
        config.timeout = 1500ms;
        config.pollInterval = 50ms;
        config.lease = 30s;
        return config;
    }

    RawResponse call(const QByteArray &method, const QString &path, const QByteArray &body = {}, const QString &token = {})
    {
        RawConnection c(m_service->port());
        QList<QPair<QByteArray, QByteArray>> headers{{"Authorization", "Bearer " + (token.isEmpty() ? m_token : token).toLatin1()}};
        if (!body.isEmpty())
            headers.append(qMakePair(QByteArray("Content-Type"), QByteArray("application/json")));
        return c.request(method, path.toUtf8(), body, headers);
    }

    static QJsonObject json(const RawResponse &r) { return QJsonDocument::fromJson(r.body).object(); }

    QString hooks(const QString &rest = {}) const { return QStringLiteral("/api/v1/orgs/%1/webhooks%2").arg(m_orgId, rest); }

    /*! Registers a webhook to the receiver; returns {id, secret}. */
    QPair<QString, QByteArray> registerHook(const QString &path, const QStringList &events)
    {
        const QJsonObject body{{QStringLiteral("url"), m_receiver.url(path)},
                               {QStringLiteral("events"), QJsonArray::fromStringList(events)}};
        const RawResponse r = call("POST", hooks(), QJsonDocument(body).toJson(QJsonDocument::Compact));
        if (r.status != 201)
            qWarning("register failed: %d %s", r.status, r.body.constData());
        const QJsonObject o = json(r);
        return {o.value(QStringLiteral("id")).toString(), o.value(QStringLiteral("secret")).toString().toLatin1()};
    }

    QList<Receiver::Request> requestsTo(const QString &path) const
    {
        QList<Receiver::Request> out;
        for (const auto &r : m_receiver.requests) {
            if (r.target == path.toLatin1())
                out.append(r);
        }
        return out;
    }

    QJsonArray deliveries(const QString &webhookId)
    {
        return json(call("GET", hooks(QStringLiteral("/%1/deliveries").arg(webhookId)))).value(QStringLiteral("deliveries")).toArray();
    }

    bool waitForState(const QString &webhookId, const QString &state, int timeoutMs = 10000)
    {
        return QTest::qWaitFor(
            [&] {
                const QJsonArray list = deliveries(webhookId);
                return !list.isEmpty() && list.at(0).toObject().value(QStringLiteral("state")).toString() == state;
            },
            timeoutMs);
    }

    DbResult<int> emitEvent(const QString &event, const QJsonObject &data, bool commit)
    {
        struct Abort : std::exception {};
        int queued = 0;
        auto r = m_db->withTransaction(OrgScope{m_ownerId, m_orgId}, [&](pqxx::work &tx) {
            queued = Webhooks::emitEvent(tx, m_orgId, event, data);
            if (!commit)
                throw Abort();
            return queued;
        });
        if (r.ok())
            m_ops->dispatcher().wake();
        return r;
    }

private slots:
    void initTestCase()
    {
        QString error;
        const QString appRole = QUrl(qEnvironmentVariable("SLIDESPEC_TEST_DATABASE_URL")).userName();
        QVERIFY2(m_testDb.createMigrated(QStringLiteral("webhooks"), appRole.isEmpty() ? QStringLiteral("slidespec_app") : appRole, &error),
                 qPrintable(error));
        m_db = authtest::connect(m_testDb.appUrl(), 4);
        m_auth = std::make_unique<AuthServices>(*m_db, authtest::testConfig());
        auto owner = m_auth->accounts().signup(authtest::uniqueEmail(QStringLiteral("hooks")), authtest::password, {}, {});
        AUTH_VERIFY_OK(owner);
        m_ownerId = owner.value().user.id;
        m_token = owner.value().token;
        auto org = m_auth->orgs().create(m_ownerId, QStringLiteral("Hooks"));
        AUTH_VERIFY_OK(org);
        m_orgId = org.value().id;
        auto other = m_auth->accounts().signup(authtest::uniqueEmail(QStringLiteral("other")), authtest::password, {}, {});
        AUTH_VERIFY_OK(other);
        m_otherToken = other.value().token;
        auto otherOrg = m_auth->orgs().create(other.value().user.id, QStringLiteral("Other"));
        AUTH_VERIFY_OK(otherOrg);
        m_otherOrgId = otherOrg.value().id;

        QVERIFY(m_receiver.start());

        ServerConfig config;
        config.databaseUrl = m_testDb.appUrl();
        config.listenAddress = QHostAddress(QHostAddress::LocalHost);
        config.listenPort = 0;
        config.dbPoolSize = 4;
        config.workerThreads = 4;
        m_service = std::make_unique<Service>(config);
        installAuth(*m_service);
        m_ops = std::make_unique<OpsModule>(m_service->database(), m_service->database().options(), testConfig(),
                                            &m_service->metrics());
        QVERIFY(m_ops->install(m_service->router()));
        m_ops->dispatcher().start();
        QVERIFY2(m_service->start(&error), qPrintable(error));
    }

    void cleanupTestCase()
    {
        if (m_ops)
            m_ops->dispatcher().stop();
        if (m_service)
            m_service->shutdown(2000);
    }

    void urlGuard_data()
    {
        QTest::addColumn<QString>("url");
        QTest::addColumn<bool>("devLoopback");
        QTest::addColumn<QString>("allowedNetwork");
        QTest::addColumn<bool>("accepted");

        QTest::newRow("https to a public address") << "https://93.184.216.34/hook" << false << "" << true;
        QTest::newRow("http to a public address is refused") << "http://93.184.216.34/hook" << false << "" << false;
        QTest::newRow("http to loopback with the dev flag") << "http://127.0.0.1:9/hook" << true << "" << true;
        QTest::newRow("http to loopback without the dev flag") << "http://127.0.0.1:9/hook" << false << "" << false;
        QTest::newRow("https to loopback without the dev flag") << "https://127.0.0.1/hook" << false << "" << false;
        QTest::newRow("localhost resolves to loopback") << "https://localhost/hook" << false << "" << false;
        QTest::newRow("IPv6 loopback") << "https://[::1]/hook" << false << "" << false;
        QTest::newRow("IPv4-mapped loopback") << "https://[::ffff:127.0.0.1]/hook" << false << "" << false;
        QTest::newRow("private 10/8") << "https://10.0.0.5/hook" << false << "" << false;
        QTest::newRow("private 172.16/12") << "https://172.20.1.1/hook" << false << "" << false;
        QTest::newRow("private 192.168/16") << "https://192.168.1.10/hook" << false << "" << false;
        QTest::newRow("cloud metadata (link-local)") << "https://169.254.169.254/latest/meta-data" << false << "" << false;
        QTest::newRow("carrier-grade NAT") << "https://100.64.0.1/hook" << false << "" << false;
        QTest::newRow("unspecified 0.0.0.0") << "https://0.0.0.0/hook" << false << "" << false;
        QTest::newRow("IPv6 unique local") << "https://[fd00::1]/hook" << false << "" << false;
        QTest::newRow("private network allowed by config") << "https://10.1.2.3/hook" << false << "10.1.0.0/16" << true;
        QTest::newRow("other private network still refused") << "https://10.2.0.1/hook" << false << "10.1.0.0/16" << false;
        QTest::newRow("user info refused") << "https://user:pass@93.184.216.34/hook" << false << "" << false;
        QTest::newRow("ftp refused") << "ftp://93.184.216.34/hook" << false << "" << false;
        QTest::newRow("not a URL") << "hook me" << false << "" << false;
        QTest::newRow("unresolvable host") << "https://no-such-host.invalid/hook" << false << "" << false;
    }

    void urlGuard()
    {
        QFETCH(QString, url);
        QFETCH(bool, devLoopback);
        QFETCH(QString, allowedNetwork);
        QFETCH(bool, accepted);
        WebhookConfig config;
        config.allowHttpLoopback = devLoopback;
        if (!allowedNetwork.isEmpty())
            config.allowedNetworks.append(QHostAddress::parseSubnet(allowedNetwork));
        const auto target = WebhookUrlGuard::check(url, config);
        QVERIFY2(target.ok() == accepted, target.ok() ? "accepted" : qPrintable(target.error().message));
        if (!accepted) {
            QCOMPARE(target.error().status, 400);
            QCOMPARE(target.error().code, QStringLiteral("webhooks.invalid_url"));
        }
    }

    void signatureVerifies()
    {
        const QByteArray secret = "whsec_test";
        const QByteArray body = "{\"event\":\"deck.created\"}";
        const qint64 now = 1767225600;
        const QByteArray header = webhookSignature(secret, now, body);
        QVERIFY(header.startsWith("t=1767225600,v1="));
        QCOMPARE(header.size(), qsizetype(16 + 64));
        QVERIFY(verifyWebhookSignature(header, secret, body, now + 10));
        QVERIFY(!verifyWebhookSignature(header, secret, body + " ", now));         // tampered body
        QVERIFY(!verifyWebhookSignature(header, "whsec_other", body, now));       // wrong secret
        QVERIFY(!verifyWebhookSignature(header, secret, body, now + 301));        // too old (replay)
        QVERIFY(!verifyWebhookSignature("t=abc,v1=00", secret, body, now));       // malformed
    }

    void secretIsShownOnceAndUnreadable()
    {
        const auto [id, secret] = registerHook(QStringLiteral("/once"), {QStringLiteral("deck.created")});
        QVERIFY(secret.startsWith("whsec_"));
        QVERIFY(secret.size() >= 40);
        const RawResponse list = call("GET", hooks());
        QCOMPARE(list.status, 200);
        QVERIFY(!list.body.contains(secret));
        QVERIFY(!list.body.contains("secret"));
        const RawResponse one = call("GET", hooks(QStringLiteral("/%1").arg(id)));
        QCOMPARE(one.status, 200);
        QVERIFY(!one.body.contains("secret"));
        // The app role cannot read the column at all.
        auto read = m_db->withTransaction(OrgScope{m_ownerId, m_orgId}, [&](pqxx::work &tx) {
            tx.exec("SELECT secret FROM webhooks");
        });
        QVERIFY(!read.ok());
        QCOMPARE(QString::fromStdString(read.error().sqlState), QStringLiteral("42501"));
        QCOMPARE(call("DELETE", hooks(QStringLiteral("/%1").arg(id))).status, 204);
    }

    void registrationRefusesBadInput_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<QString>("code");
        QTest::newRow("unknown event") << QByteArray("{\"url\":\"https://93.184.216.34/\",\"events\":[\"deck.exploded\"]}")
                                       << "request.invalid_field";
        QTest::newRow("no events") << QByteArray("{\"url\":\"https://93.184.216.34/\",\"events\":[]}") << "request.invalid_field";
        QTest::newRow("events not an array") << QByteArray("{\"url\":\"https://93.184.216.34/\",\"events\":\"deck.created\"}")
                                             << "request.invalid_field";
        QTest::newRow("missing url") << QByteArray("{\"events\":[\"deck.created\"]}") << "request.invalid_field";
        QTest::newRow("private url") << QByteArray("{\"url\":\"https://10.0.0.1/\",\"events\":[\"deck.created\"]}")
                                     << "webhooks.invalid_url";
        QTest::newRow("unknown field") << QByteArray("{\"url\":\"https://93.184.216.34/\",\"events\":[\"deck.created\"],\"secret\":\"x\"}")
                                       << "request.invalid_field";
        QTest::newRow("malformed JSON") << QByteArray("{\"url\":") << "request.invalid_json";
    }

    void registrationRefusesBadInput()
    {
        QFETCH(QByteArray, body);
        QFETCH(QString, code);
        const RawResponse r = call("POST", hooks(), body);
        QCOMPARE(r.status, 400);
        QCOMPARE(json(r).value(QStringLiteral("error")).toObject().value(QStringLiteral("code")).toString(), code);
    }

    void rolledBackChangeSendsNothing()
    {
        const auto [id, secret] = registerHook(QStringLiteral("/outbox"), {QStringLiteral("deck.created")});
        auto rolledBack = emitEvent(QStringLiteral("deck.created"), {{QStringLiteral("deckId"), QStringLiteral("rolled-back")}}, false);
        QVERIFY(!rolledBack.ok());
        auto committed = emitEvent(QStringLiteral("deck.created"), {{QStringLiteral("deckId"), QStringLiteral("kept")}}, true);
        QVERIFY(committed.ok());
        QCOMPARE(committed.value(), 1);
        QVERIFY(QTest::qWaitFor([&] { return requestsTo(QStringLiteral("/outbox")).size() >= 1; }, 10000));
        QTest::qWait(300);
        const auto received = requestsTo(QStringLiteral("/outbox"));
        QCOMPARE(received.size(), 1);
        QVERIFY(received.at(0).body.contains("kept"));
        QVERIFY(!received.at(0).body.contains("rolled-back"));
        QCOMPARE(deliveries(id).size(), 1);
    }

    void deliveryIsSignedAndLogged()
    {
        const auto [id, secret] = registerHook(QStringLiteral("/signed"), {QStringLiteral("deck.updated"), QStringLiteral("job.failed")});
        QVERIFY(emitEvent(QStringLiteral("deck.updated"), {{QStringLiteral("deckId"), QStringLiteral("d-7")}}, true).ok());
        QVERIFY(QTest::qWaitFor([&] { return requestsTo(QStringLiteral("/signed")).size() >= 1; }, 10000));
        const Receiver::Request r = requestsTo(QStringLiteral("/signed")).at(0);
        QCOMPARE(r.method, QByteArray("POST"));
        QCOMPARE(r.headers.value("content-type"), QByteArray("application/json"));
        QCOMPARE(r.headers.value("x-slidespec-event"), QByteArray("deck.updated"));
        QVERIFY(verifyWebhookSignature(r.headers.value("x-slidespec-signature"), secret, r.body,
                                       QDateTime::currentSecsSinceEpoch()));
        QVERIFY(!verifyWebhookSignature(r.headers.value("x-slidespec-signature"), secret, r.body + "x",
                                        QDateTime::currentSecsSinceEpoch()));
        const QJsonObject body = QJsonDocument::fromJson(r.body).object();
        QCOMPARE(body.value(QStringLiteral("event")).toString(), QStringLiteral("deck.updated"));
        QCOMPARE(body.value(QStringLiteral("orgId")).toString(), m_orgId);
        QCOMPARE(body.value(QStringLiteral("id")).toString().toLatin1(), r.headers.value("x-slidespec-delivery"));
        QCOMPARE(body.value(QStringLiteral("data")).toObject().value(QStringLiteral("deckId")).toString(), QStringLiteral("d-7"));

        QVERIFY(waitForState(id, QStringLiteral("succeeded")));
        const QJsonObject d = deliveries(id).at(0).toObject();
        QCOMPARE(d.value(QStringLiteral("id")).toString().toLatin1(), r.headers.value("x-slidespec-delivery"));
        QCOMPARE(d.value(QStringLiteral("attempts")).toInt(), 1);
        QCOMPARE(d.value(QStringLiteral("lastStatus")).toInt(), 200);
        const QJsonArray log = d.value(QStringLiteral("log")).toArray();
        QCOMPARE(log.size(), 1);
        QCOMPARE(log.at(0).toObject().value(QStringLiteral("status")).toInt(), 200);

        // An event it did not subscribe to is not sent.
        auto none = emitEvent(QStringLiteral("member.added"), {}, true);
        QVERIFY(none.ok());
        QCOMPARE(none.value(), 0);
    }

    void retriesWithBackoffThenSucceeds()
    {
        const auto [id, secret] = registerHook(QStringLiteral("/flaky"), {QStringLiteral("job.succeeded")});
        m_receiver.script = {500, 0 /* hang: times out */, 200};
        QVERIFY(emitEvent(QStringLiteral("job.succeeded"), {{QStringLiteral("jobId"), 42}}, true).ok());
        QVERIFY(waitForState(id, QStringLiteral("succeeded"), 15000));
        const auto received = requestsTo(QStringLiteral("/flaky"));
        QCOMPARE(received.size(), 3);
        // Same delivery each time; waits follow the schedule (300 ms, then 600 ms after the timed-out attempt).
        QCOMPARE(received.at(0).headers.value("x-slidespec-delivery"), received.at(2).headers.value("x-slidespec-delivery"));
        QVERIFY2(received.at(1).atMs - received.at(0).atMs >= 280, qPrintable(QString::number(received.at(1).atMs - received.at(0).atMs)));
        QVERIFY2(received.at(2).atMs - received.at(1).atMs >= 1500 + 580,
                 qPrintable(QString::number(received.at(2).atMs - received.at(1).atMs)));
        const QJsonObject d = deliveries(id).at(0).toObject();
        QCOMPARE(d.value(QStringLiteral("attempts")).toInt(), 3);
        const QJsonArray log = d.value(QStringLiteral("log")).toArray();
        QCOMPARE(log.size(), 3);
        QCOMPARE(log.at(0).toObject().value(QStringLiteral("status")).toInt(), 500);
        QVERIFY(log.at(1).toObject().value(QStringLiteral("status")).isNull());
        QVERIFY(!log.at(1).toObject().value(QStringLiteral("error")).toString().isEmpty());
        QCOMPARE(log.at(2).toObject().value(QStringLiteral("status")).toInt(), 200);
        m_receiver.script.clear();
    }

    void failsAfterTheLastAttempt()
    {
        const auto [id, secret] = registerHook(QStringLiteral("/down"), {QStringLiteral("member.removed")});
        m_receiver.script = {503, 502, 500, 500, 500};
        QVERIFY(emitEvent(QStringLiteral("member.removed"), {{QStringLiteral("userId"), QStringLiteral("u-7")}}, true).ok());
        QVERIFY2(waitForState(id, QStringLiteral("failed"), 15000), QJsonDocument(deliveries(id)).toJson().constData());
        QTest::qWait(1000); // no fourth attempt comes
        QCOMPARE(requestsTo(QStringLiteral("/down")).size(), 3);
        const QJsonObject d = deliveries(id).at(0).toObject();
        QCOMPARE(d.value(QStringLiteral("attempts")).toInt(), 3);
        QCOMPARE(d.value(QStringLiteral("lastStatus")).toInt(), 500);
        QVERIFY(d.value(QStringLiteral("lastError")).toString().contains(QStringLiteral("HTTP 500")));
        QVERIFY(!d.value(QStringLiteral("finishedAt")).isNull());
        m_receiver.script.clear();
    }

    void aDnsChangeToAPrivateAddressIsCaughtAtDelivery()
    {
        // Registered while loopback was allowed; a worker whose guard refuses loopback (as production
        // would refuse an address that DNS now points inside) fails the delivery at once, sending nothing.
        const auto [id, secret] = registerHook(QStringLiteral("/rebound"), {QStringLiteral("member.role_changed")});
        m_ops->dispatcher().stop();
        WebhookConfig strict = testConfig();
        strict.allowHttpLoopback = false;
        WebhookDispatcher guarded(m_service->database().options(), strict);
        QVERIFY(emitEvent(QStringLiteral("member.role_changed"), {}, true).ok());
        QCOMPARE(guarded.runOnce(), 1);
        m_ops->dispatcher().start();
        QVERIFY(waitForState(id, QStringLiteral("failed")));
        QCOMPARE(requestsTo(QStringLiteral("/rebound")).size(), 0);
        const QJsonObject d = deliveries(id).at(0).toObject();
        QCOMPARE(d.value(QStringLiteral("attempts")).toInt(), 1);
        QVERIFY2(d.value(QStringLiteral("lastError")).toString().contains(QStringLiteral("127.0.0.1")),
                 qPrintable(d.value(QStringLiteral("lastError")).toString()));
        QCOMPARE(call("DELETE", hooks(QStringLiteral("/%1").arg(id))).status, 204);
    }

    void anAbandonedClaimIsRetriedAfterItsLease()
    {
        const auto [id, secret] = registerHook(QStringLiteral("/abandoned"), {QStringLiteral("asset.uploaded")});
        m_ops->dispatcher().stop();
        QVERIFY(emitEvent(QStringLiteral("asset.uploaded"), {}, true).ok());
        // A worker claims it with a short lease and dies without finishing.
        auto claimed = m_db->withTransaction([&](pqxx::work &tx) {
            return int(tx.exec("SELECT * FROM app.webhook_claim(10, 0.5)").size());
        });
        QVERIFY(claimed.ok());
        QCOMPARE(claimed.value(), 1);
        m_ops->dispatcher().start();
        QVERIFY(waitForState(id, QStringLiteral("succeeded")));
        QCOMPARE(requestsTo(QStringLiteral("/abandoned")).size(), 1);
        QCOMPARE(deliveries(id).at(0).toObject().value(QStringLiteral("attempts")).toInt(), 2);
    }

    void twoWorkersNeverSendTheSameDeliveryTwice()
    {
        const auto [id, secret] = registerHook(QStringLiteral("/shared"), {QStringLiteral("deck.deleted")});
        m_ops->dispatcher().stop();
        for (int i = 0; i < 30; ++i)
            QVERIFY(emitEvent(QStringLiteral("deck.deleted"), {{QStringLiteral("n"), i}}, true).ok());
        WebhookConfig config = testConfig();
        config.batchSize = 3;
        WebhookDispatcher first(m_service->database().options(), config);
        WebhookDispatcher second(m_service->database().options(), config);
        first.start();
        second.start();
        QVERIFY(QTest::qWaitFor([&] { return requestsTo(QStringLiteral("/shared")).size() >= 30; }, 20000));
        QTest::qWait(300);
        first.stop();
        second.stop();
        m_ops->dispatcher().start();
        QSet<QByteArray> ids;
        for (const auto &r : requestsTo(QStringLiteral("/shared")))
            ids.insert(r.headers.value("x-slidespec-delivery"));
        QCOMPARE(requestsTo(QStringLiteral("/shared")).size(), 30);
        QCOMPARE(ids.size(), 30);
    }

    void testRouteSendsAPing()
    {
        const auto [id, secret] = registerHook(QStringLiteral("/ping"), {QStringLiteral("deck.created")});
        const RawResponse r = call("POST", hooks(QStringLiteral("/%1/test").arg(id)));
        QCOMPARE(r.status, 202);
        QVERIFY(QTest::qWaitFor([&] { return requestsTo(QStringLiteral("/ping")).size() >= 1; }, 10000));
        const auto ping = requestsTo(QStringLiteral("/ping")).at(0);
        QCOMPARE(ping.headers.value("x-slidespec-event"), QByteArray("ping"));
        QVERIFY(verifyWebhookSignature(ping.headers.value("x-slidespec-signature"), secret, ping.body,
                                       QDateTime::currentSecsSinceEpoch()));
    }

    void patchAndDelete()
    {
        const auto [id, secret] = registerHook(QStringLiteral("/patched"), {QStringLiteral("deck.created")});
        RawResponse r = call("PATCH", hooks(QStringLiteral("/%1").arg(id)), "{\"events\":[\"member.added\"],\"description\":\"team\"}");
        QCOMPARE(r.status, 200);
        QCOMPARE(json(r).value(QStringLiteral("events")).toArray().at(0).toString(), QStringLiteral("member.added"));
        QCOMPARE(json(r).value(QStringLiteral("description")).toString(), QStringLiteral("team"));
        r = call("PATCH", hooks(QStringLiteral("/%1").arg(id)), "{\"active\":false}");
        QCOMPARE(r.status, 200);
        QCOMPARE(json(r).value(QStringLiteral("active")).toBool(), false);
        auto queued = emitEvent(QStringLiteral("member.added"), {}, true);
        QVERIFY(queued.ok());
        QCOMPARE(queued.value(), 0); // inactive: nothing queued
        r = call("PATCH", hooks(QStringLiteral("/%1").arg(id)), "{\"url\":\"https://192.168.0.1/\"}");
        QCOMPARE(r.status, 400);
        QCOMPARE(call("DELETE", hooks(QStringLiteral("/%1").arg(id))).status, 204);
        QCOMPARE(call("GET", hooks(QStringLiteral("/%1").arg(id))).status, 404);
        QCOMPARE(call("DELETE", hooks(QStringLiteral("/%1").arg(id))).status, 404);
        QCOMPARE(call("GET", hooks(QStringLiteral("/not-a-uuid"))).status, 404);
    }

    void otherOrgsCannotSeeOrTouch()
    {
        const auto [id, secret] = registerHook(QStringLiteral("/mine"), {QStringLiteral("deck.created")});
        // The other org's admin, on their own org's path with this id: not found.
        const QString theirs = QStringLiteral("/api/v1/orgs/%1/webhooks/%2").arg(m_otherOrgId, id);
        QCOMPARE(call("GET", theirs, {}, m_otherToken).status, 404);
        QCOMPARE(call("PATCH", theirs, "{\"active\":false}", m_otherToken).status, 404);
        QCOMPARE(call("DELETE", theirs, {}, m_otherToken).status, 404);
        QCOMPARE(call("GET", theirs + QStringLiteral("/deliveries"), {}, m_otherToken).status, 404);
        QCOMPARE(call("POST", theirs + QStringLiteral("/test"), {}, m_otherToken).status, 404);
        // And on this org's path they are not a member.
        QCOMPARE(call("GET", hooks(), {}, m_otherToken).status, 404);
        QCOMPARE(call("GET", hooks(QStringLiteral("/%1").arg(id))).status, 200);
    }
};

QTEST_GUILESS_MAIN(TestWebhooks)
#include "tst_webhooks.moc"
