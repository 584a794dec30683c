// SPDX-License-Identifier: GPL-3.0-or-later
// Rate limits of the expensive endpoints (RateLimits over auth's token-bucket
// RateLimiter): bursts, refill, one bucket per subject (org, else user, else
// address) and class, 429 with Retry-After and the rate_limited envelope, the
// refusal counter in /metrics (promtool-clean) — on a fake clock, then over a
// real socket.
#include "serverfixture.h"

#include "http/metrics.h"
#include "http/requestcontext.h"
#include "http/service.h"
#include "ops/ratelimits.h"

#include <QJsonDocument>
#include <QProcess>
#include <QTest>

#include <atomic>

using namespace slidespec::server;
using namespace slidespec::server::test;
using namespace std::chrono;

namespace {

RequestContext contextFor(const QString &orgId, const QString &userId, const QString &address)
{
    HttpRequestData request;
    request.method = "POST";
    request.path = QStringLiteral("/api/v1/orgs/x/exports");
    RequestContext context(request, "req", QHostAddress(address));
    if (!userId.isEmpty()) {
        Identity identity;
        identity.userId = userId;
        context.setIdentity(identity);
    }
    context.setOrgId(orgId);
    return context;
}

} // namespace

class TestRateLimits : public QObject
{
    Q_OBJECT

    std::shared_ptr<std::atomic<qint64>> m_now = std::make_shared<std::atomic<qint64>>(1000000);

    MonotonicClock fakeClock()
    {
        auto now = m_now;
        return [now] { return milliseconds(now->load()); };
    }

private slots:
    void subjects_data()
    {
        QTest::addColumn<QString>("org");
        QTest::addColumn<QString>("user");
        QTest::addColumn<QString>("expected");
        QTest::newRow("org wins") << "o1" << "u1" << "org:o1";
        QTest::newRow("user without org") << "" << "u1" << "user:u1";
        QTest::newRow("anonymous by address") << "" << "" << "addr:192.0.2.4";
    }

    void subjects()
    {
        QFETCH(QString, org);
        QFETCH(QString, user);
        QFETCH(QString, expected);
        QCOMPARE(RateLimits::subjectOf(contextFor(org, user, QStringLiteral("192.0.2.4"))), expected);
    }

    void burstThenRefillOnAFakeClock()
    {
        MetricsRegistry metrics;
        RateLimits limits(&metrics, fakeClock());
        limits.setLimit(RateLimits::exportClass(), {3, 0.5}); // burst 3, one token per 2 s
        const RequestContext a = contextFor(QStringLiteral("org-a"), QStringLiteral("u"), QStringLiteral("127.0.0.1"));
        const RequestContext b = contextFor(QStringLiteral("org-b"), QStringLiteral("u"), QStringLiteral("127.0.0.1"));
        for (int i = 0; i < 3; ++i)
            QVERIFY(!limits.check(a, RateLimits::exportClass()).has_value());
        const auto refused = limits.check(a, RateLimits::exportClass());
        QVERIFY(refused.has_value());
        QCOMPARE(refused->status(), 429);
        QCOMPARE(refused->header("Retry-After"), QByteArray("2"));
        const QJsonObject error = QJsonDocument::fromJson(refused->body()).object().value(QStringLiteral("error")).toObject();
        QCOMPARE(error.value(QStringLiteral("code")).toString(), QStringLiteral("rate_limited"));
        QCOMPARE(error.value(QStringLiteral("details")).toObject().value(QStringLiteral("class")).toString(),
                 QStringLiteral("export"));
        // Another org has its own bucket; another class is separate too.
        QVERIFY(!limits.check(b, RateLimits::exportClass()).has_value());
        QVERIFY(!limits.check(a, RateLimits::previewClass()).has_value());
        // After 2 s one more export is allowed, then refused again.
        *m_now += 2000;
        QVERIFY(!limits.check(a, RateLimits::exportClass()).has_value());
        QVERIFY(limits.check(a, RateLimits::exportClass()).has_value());
        QCOMPARE(limits.refusals(RateLimits::exportClass()), qint64(2));
        QVERIFY(metrics.render().contains("slidespec_rate_limited_total{class=\"export\"} 2"));
    }

    void defaultClassesAreLimited_data()
    {
        QTest::addColumn<QString>("routeClass");
        QTest::newRow("export") << RateLimits::exportClass();
        QTest::newRow("preview") << RateLimits::previewClass();
        QTest::newRow("upload") << RateLimits::uploadClass();
        QTest::newRow("download") << RateLimits::downloadClass();
        QTest::newRow("webhook test") << RateLimits::webhookTestClass();
    }

    void defaultClassesAreLimited()
    {
        QFETCH(QString, routeClass);
        RateLimits limits(nullptr, fakeClock());
        const auto limit = limits.limit(routeClass);
        QVERIFY(limit.has_value());
        QVERIFY(limit->capacity >= 1 && limit->refillPerSecond > 0);
        const RequestContext c = contextFor(QStringLiteral("org-burst"), {}, QStringLiteral("127.0.0.1"));
        for (int i = 0; i < int(limit->capacity); ++i)
            QVERIFY(!limits.check(c, routeClass).has_value());
        QVERIFY(limits.check(c, routeClass).has_value());
    }

    void overARealSocket()
    {
        ServerConfig config;
        config.databaseUrl = QStringLiteral("postgresql://nobody@127.0.0.1:1/none"); // this test needs no database
        config.listenAddress = QHostAddress(QHostAddress::LocalHost);
        config.listenPort = 0;
        config.dbPoolSize = 1;
        config.workerThreads = 2;
        Service service(config);
        RateLimits limits(&service.metrics());
        limits.setLimit(RateLimits::exportClass(), {2, 0.25}); // burst 2, then one per 4 s
        Route route;
        route.method = "POST";
        route.pattern = QStringLiteral("/api/v1/test/export");
        route.auth = AuthMode::None;
        route.doc.summary = QStringLiteral("test");
        route.handler = limits.limited(RateLimits::exportClass(),
                                       [](RequestContext &) { return HttpResponse::json(QJsonObject{{"ok", true}}); });
        QVERIFY(service.router().add(route));
        QString error;
        QVERIFY2(service.start(&error), qPrintable(error));

        RawConnection c(service.port());
        QCOMPARE(c.request("POST", "/api/v1/test/export").status, 200);
        QCOMPARE(c.request("POST", "/api/v1/test/export").status, 200);
        const RawResponse refused = c.request("POST", "/api/v1/test/export");
        QCOMPARE(refused.status, 429);
        QCOMPARE(refused.header("Retry-After"), QByteArray("4"));
        QVERIFY(refused.header("Content-Type").startsWith("application/json"));
        QCOMPARE(QJsonDocument::fromJson(refused.body).object().value(QStringLiteral("error")).toObject()
                     .value(QStringLiteral("code")).toString(),
                 QStringLiteral("rate_limited"));
        const RawResponse metrics = c.request("GET", "/metrics");
        QCOMPARE(metrics.status, 200);
        QVERIFY2(metrics.body.contains("slidespec_rate_limited_total{class=\"export\"} 1"), metrics.body.left(2000).constData());

        QProcess promtool;
        promtool.start(QStringLiteral("promtool"), {QStringLiteral("check"), QStringLiteral("metrics")});
        QVERIFY2(promtool.waitForStarted(10000), "promtool is not installed (scripts/setup.sh installs prometheus)");
        promtool.write(metrics.body);
        promtool.closeWriteChannel();
        QVERIFY(promtool.waitForFinished(30000));
        const QByteArray output = promtool.readAllStandardOutput() + promtool.readAllStandardError();
        QVERIFY2(promtool.exitCode() == 0, output.constData());
        service.shutdown(2000);
    }
};

QTEST_GUILESS_MAIN(TestRateLimits)
#include "tst_ratelimits.moc"
