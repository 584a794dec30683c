// SPDX-License-Identifier: GPL-3.0-or-later
// Usage metering and plan quotas against the real PostgreSQL: charges count
// per UTC day, refusals change nothing and say kind/limit/used/resets_at
// (402 quota.exceeded), a charge rolls back with its transaction, 20 threads
// charging at the limit never exceed it, storage is a running total; and
// GET /api/v1/orgs/{orgId}/usage over a real socket.
#include "serverfixture.h"
#include "tst_auth_support.h"

#include "auth/authroutes.h"
#include "auth/authservices.h"
#include "http/service.h"
#include "ops/opsmodule.h"
#include "ops/usage.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

#include <atomic>
#include <thread>
#include <vector>

using namespace slidespec::server;
using namespace slidespec::server::test;

class TestUsage : public QObject
{
    Q_OBJECT

    TestDatabase m_testDb;
    std::unique_ptr<Database> m_db;
    std::unique_ptr<AuthServices> m_auth;
    std::unique_ptr<Usage> m_usage;
    std::unique_ptr<Service> m_service;
    QString m_ownerId;
    QString m_ownerToken;
    QString m_editorToken;

    QString newOrg(const QString &name)
    {
        auto org = m_auth->orgs().create(m_ownerId, name);
        if (!org.ok())
            qFatal("org: %s", qPrintable(org.error().message));
        return org.value().id;
    }

    OrgScope scope(const QString &orgId) const { return OrgScope{m_ownerId, orgId}; }

    void ownerExec(const std::string &sql)
    {
        pqxx::connection owner(m_testDb.ownerUrl().toStdString());
        pqxx::work tx(owner);
        tx.exec(sql);
        tx.commit();
    }

    qint64 used(const QString &orgId, const char *kind)
    {
        auto n = m_db->withTransaction(scope(orgId), [&](pqxx::work &tx) {
            return tx.exec_params1("SELECT coalesce(sum(used), 0) FROM usage_daily WHERE kind = $1", std::string(kind))[0].as<qint64>();
        });
        return n ? n.value() : -1;
    }

    RawResponse get(const QString &path, const QString &token)
    {
        RawConnection c(m_service->port());
        return c.request("GET", path.toUtf8(), {}, {{"Authorization", "Bearer " + token.toLatin1()}});
    }

private slots:
    void initTestCase()
    {
        QString error;
        const QString appRole = QUrl(qEnvironmentVariable("SLIDESPEC_TEST_DATABASE_URL")).userName();
        QVERIFY2(m_testDb.createMigrated(QStringLiteral("usage"), appRole.isEmpty() ? QStringLiteral("slidespec_app") : appRole, &error),
                 qPrintable(error));
        m_db = authtest::connect(m_testDb.appUrl(), 24);
        m_auth = std::make_unique<AuthServices>(*m_db, authtest::testConfig());
        m_usage = std::make_unique<Usage>(*m_db);
        auto owner = m_auth->accounts().signup(authtest::uniqueEmail(QStringLiteral("owner")), authtest::password, {}, {});
        AUTH_VERIFY_OK(owner);
        m_ownerId = owner.value().user.id;
        m_ownerToken = owner.value().token;
        auto editor = m_auth->accounts().signup(authtest::uniqueEmail(QStringLiteral("editor")), authtest::password, {}, {});
        AUTH_VERIFY_OK(editor);
        m_editorToken = editor.value().token;
        // Operators add plans as the schema owner; tests use small ones.
        ownerExec("INSERT INTO plans (name, display_name, exports_per_day, previews_per_day, downloads_per_day, storage_bytes) "
                  "VALUES ('tiny', 'Tiny', 10, 3, NULL, 1000)");

        ServerConfig config;
        config.databaseUrl = m_testDb.appUrl();
        config.listenAddress = QHostAddress(QHostAddress::LocalHost);
        config.listenPort = 0;
        config.dbPoolSize = 4;
        config.workerThreads = 4;
        m_service = std::make_unique<Service>(config);
        installAuth(*m_service);
        installOps(*m_service);
        QVERIFY2(m_service->start(&error), qPrintable(error));

        const QString orgId = newOrg(QStringLiteral("Editor's"));
        auto added = m_db->withTransaction(scope(orgId), [&](pqxx::work &tx) {
            tx.exec_params0("INSERT INTO memberships (org_id, user_id, role) VALUES ($1::uuid, $2::uuid, 'editor')",
                            orgId.toStdString(), editor.value().user.id.toStdString());
        });
        QVERIFY(added.ok());
        m_editorOrg = orgId;
    }

    void cleanupTestCase()
    {
        if (m_service)
            m_service->shutdown(2000);
    }

    void newOrgsAreOnTheFreePlan()
    {
        const QString orgId = newOrg(QStringLiteral("Free"));
        auto plan = m_db->withTransaction(scope(orgId), [&](pqxx::work &tx) { return Usage::plan(tx, orgId); });
        QVERIFY(plan.ok());
        QCOMPARE(plan->name, QStringLiteral("free"));
        QCOMPARE(plan->exportsPerDay.value_or(-1), qint64(20));
        QVERIFY(plan->storageBytes.has_value());
        auto set = m_usage->setPlan(scope(orgId), QStringLiteral("enterprise"));
        QVERIFY(set.ok() && set.value());
        plan = m_db->withTransaction(scope(orgId), [&](pqxx::work &tx) { return Usage::plan(tx, orgId); });
        QCOMPARE(plan->name, QStringLiteral("enterprise"));
        QVERIFY(!plan->exportsPerDay.has_value()); // unlimited
        auto unknown = m_usage->setPlan(scope(orgId), QStringLiteral("platinum"));
        QVERIFY(unknown.ok() && !unknown.value());
    }

    void chargesUpToTheLimitThenRefuses()
    {
        const QString orgId = newOrg(QStringLiteral("Tiny"));
        QVERIFY(m_usage->setPlan(scope(orgId), QStringLiteral("tiny")).value());
        for (int i = 1; i <= 3; ++i) {
            auto c = m_usage->charge(scope(orgId), UsageKind::Previews, 1);
            QVERIFY(c.ok() && c->allowed);
            QCOMPARE(c->used, qint64(i));
        }
        auto refused = m_usage->charge(scope(orgId), UsageKind::Previews, 1);
        QVERIFY(refused.ok());
        QVERIFY(!refused->allowed);
        QVERIFY(refused->refused.has_value());
        QCOMPARE(used(orgId, "previews"), qint64(3)); // the refusal changed nothing

        const ApiError error = refused->refused->toApiError();
        QCOMPARE(error.status, 402);
        QCOMPARE(error.code, QStringLiteral("quota.exceeded"));
        QCOMPARE(error.details.value(QStringLiteral("kind")).toString(), QStringLiteral("previews"));
        QCOMPARE(error.details.value(QStringLiteral("limit")).toInteger(), qint64(3));
        QCOMPARE(error.details.value(QStringLiteral("used")).toInteger(), qint64(3));
        const QDateTime resets = QDateTime::fromString(error.details.value(QStringLiteral("resets_at")).toString(), Qt::ISODate);
        const QDateTime midnight(QDateTime::currentDateTimeUtc().date().addDays(1), QTime(0, 0), Qt::UTC);
        QCOMPARE(resets.toUTC(), midnight);
        QVERIFY(error.message.contains(QStringLiteral("resets")));

        // A bigger charge that would cross the limit is refused whole.
        auto exportsBig = m_usage->charge(scope(orgId), UsageKind::Exports, 11);
        QVERIFY(exportsBig.ok() && !exportsBig->allowed);
        QCOMPARE(used(orgId, "exports"), qint64(0));
    }

    void chargeRollsBackWithItsTransaction()
    {
        const QString orgId = newOrg(QStringLiteral("Rollback"));
        struct Abort : std::exception {};
        auto r = m_db->withTransaction(scope(orgId), [&](pqxx::work &tx) {
            const auto c = Usage::charge(tx, orgId, UsageKind::Exports, 1);
            QVERIFY(c.allowed);
            throw Abort();
        });
        QVERIFY(!r.ok());
        QCOMPARE(used(orgId, "exports"), qint64(0));
    }

    void concurrentChargesNeverExceedTheLimit_data()
    {
        QTest::addColumn<int>("kind");
        QTest::addColumn<qint64>("amount");
        QTest::addColumn<qint64>("expectedUsed");
        QTest::newRow("20 threads x 3 exports against 10 a day") << int(UsageKind::Exports) << qint64(1) << qint64(10);
        QTest::newRow("20 threads x 3 uploads of 70 bytes against 1000 bytes") << int(UsageKind::StorageBytes) << qint64(70)
                                                                              << qint64(980);
    }

    void concurrentChargesNeverExceedTheLimit()
    {
        QFETCH(int, kind);
        QFETCH(qint64, amount);
        QFETCH(qint64, expectedUsed);
        const QString orgId = newOrg(QStringLiteral("Race"));
        QVERIFY(m_usage->setPlan(scope(orgId), QStringLiteral("tiny")).value());
        std::atomic<int> allowed{0}, refused{0}, failed{0};
        std::atomic<bool> go{false};
        std::vector<std::thread> threads;
        for (int t = 0; t < 20; ++t) {
            threads.emplace_back([&] {
                while (!go.load())
                    std::this_thread::yield();
                for (int i = 0; i < 3; ++i) {
                    auto c = m_usage->charge(scope(orgId), UsageKind(kind), amount);
                    if (!c.ok())
                        ++failed;
                    else if (c->allowed)
                        ++allowed;
                    else
                        ++refused;
                }
            });
        }
        go = true;
        for (auto &t : threads)
            t.join();
        QCOMPARE(failed.load(), 0);
        QCOMPARE(qint64(allowed.load()) * amount, expectedUsed);
        QCOMPARE(allowed.load() + refused.load(), 60);
        if (UsageKind(kind) == UsageKind::StorageBytes) {
            auto total = m_db->withTransaction(scope(orgId), [&](pqxx::work &tx) {
                return tx.exec("SELECT used FROM usage_totals WHERE kind = 'storage_bytes'")[0][0].as<qint64>();
            });
            QCOMPARE(total.value(), expectedUsed);
        } else {
            QCOMPARE(used(orgId, "exports"), expectedUsed);
        }
    }

    void storageIsARunningTotal()
    {
        const QString orgId = newOrg(QStringLiteral("Storage"));
        QVERIFY(m_usage->setPlan(scope(orgId), QStringLiteral("tiny")).value());
        QVERIFY(m_usage->charge(scope(orgId), UsageKind::StorageBytes, 900)->allowed);
        QVERIFY(!m_usage->charge(scope(orgId), UsageKind::StorageBytes, 200)->allowed);
        auto freed = m_db->withTransaction(scope(orgId), [&](pqxx::work &tx) {
            Usage::release(tx, orgId, UsageKind::StorageBytes, 500);
        });
        QVERIFY(freed.ok());
        auto again = m_usage->charge(scope(orgId), UsageKind::StorageBytes, 200);
        QVERIFY(again->allowed);
        QCOMPARE(again->used, qint64(600));
        const auto refusal = m_usage->chargeOrRefuse(scope(orgId), UsageKind::StorageBytes, 401);
        QVERIFY(refusal.has_value());
        QCOMPARE(refusal->status, 402);
        QVERIFY(refusal->details.value(QStringLiteral("resets_at")).isNull()); // waiting does not help
    }

    void dashboardRoute()
    {
        const QString orgId = newOrg(QStringLiteral("Dashboard"));
        QVERIFY(m_usage->charge(scope(orgId), UsageKind::Exports, 2)->allowed);
        QVERIFY(m_usage->charge(scope(orgId), UsageKind::Downloads, 5)->allowed);
        QVERIFY(m_usage->charge(scope(orgId), UsageKind::StorageBytes, 1234)->allowed);
        // Yesterday's figures, as an earlier day would have left them.
        auto seeded = m_db->withTransaction(scope(orgId), [&](pqxx::work &tx) {
            tx.exec_params0("INSERT INTO usage_daily (org_id, kind, day, used) VALUES "
                            "($1::uuid, 'previews', (now() AT TIME ZONE 'UTC')::date - 1, 7)",
                            orgId.toStdString());
        });
        QVERIFY(seeded.ok());

        const QDate today = QDateTime::currentDateTimeUtc().date();
        const RawResponse r = get(QStringLiteral("/api/v1/orgs/%1/usage?from=%2&to=%3")
                                      .arg(orgId, today.addDays(-6).toString(Qt::ISODate), today.toString(Qt::ISODate)),
                                  m_ownerToken);
        QCOMPARE(r.status, 200);
        const QJsonObject body = QJsonDocument::fromJson(r.body).object();
        QCOMPARE(body.value(QStringLiteral("plan")).toObject().value(QStringLiteral("name")).toString(), QStringLiteral("free"));
        QCOMPARE(body.value(QStringLiteral("plan")).toObject().value(QStringLiteral("limits")).toObject()
                     .value(QStringLiteral("exports")).toInteger(), qint64(20));
        const QJsonArray series = body.value(QStringLiteral("series")).toArray();
        QCOMPARE(series.size(), 7); // every day, zeros filled
        QCOMPARE(series.first().toObject().value(QStringLiteral("day")).toString(), today.addDays(-6).toString(Qt::ISODate));
        const QJsonObject last = series.last().toObject();
        QCOMPARE(last.value(QStringLiteral("exports")).toInteger(), qint64(2));
        QCOMPARE(last.value(QStringLiteral("downloads")).toInteger(), qint64(5));
        QCOMPARE(last.value(QStringLiteral("storage_bytes")).toInteger(), qint64(1234));
        QCOMPARE(series.at(5).toObject().value(QStringLiteral("previews")).toInteger(), qint64(7));
        QCOMPARE(series.at(0).toObject().value(QStringLiteral("exports")).toInteger(), qint64(0));
        const QJsonObject current = body.value(QStringLiteral("current")).toObject();
        QCOMPARE(current.value(QStringLiteral("exports")).toObject().value(QStringLiteral("used")).toInteger(), qint64(2));
        QCOMPARE(current.value(QStringLiteral("exports")).toObject().value(QStringLiteral("limit")).toInteger(), qint64(20));
        QCOMPARE(current.value(QStringLiteral("storage_bytes")).toObject().value(QStringLiteral("used")).toInteger(), qint64(1234));
    }

    void dashboardRefusals_data()
    {
        QTest::addColumn<QString>("query");
        QTest::addColumn<bool>("asEditor");
        QTest::addColumn<int>("status");
        QTest::newRow("editor lacks usage.read") << "" << true << 403;
        QTest::newRow("from after to") << "from=2026-02-01&to=2026-01-01" << false << 400;
        QTest::newRow("range over 366 days") << "from=2024-01-01&to=2026-01-01" << false << 400;
        QTest::newRow("not a date") << "from=last-week" << false << 400;
    }

    void dashboardRefusals()
    {
        QFETCH(QString, query);
        QFETCH(bool, asEditor);
        QFETCH(int, status);
        const RawResponse r = get(QStringLiteral("/api/v1/orgs/%1/usage?%2").arg(m_editorOrg, query),
                                  asEditor ? m_editorToken : m_ownerToken);
        QCOMPARE(r.status, status);
    }

private:
    QString m_editorOrg;
};

QTEST_GUILESS_MAIN(TestUsage)
#include "tst_usage.moc"
