// SPDX-License-Identifier: GPL-3.0-or-later
// The connection pool against the real PostgreSQL: exhaustion with a clear
// error, waits counted, broken connections replaced, errors classified, and
// no exception escaping withTransaction().
#include "db/database.h"
#include "http/apierror.h"
#include "serverfixture.h"

#include <QTest>

#include <atomic>
#include <thread>

using namespace slidespec::server;
using slidespec::server::test::TestDatabase;

class TstDbPool : public QObject
{
    Q_OBJECT

private:
    TestDatabase m_db;

    Database::Options options(int size, int acquireMs) const
    {
        Database::Options o;
        o.url = m_db.appUrl().toStdString();
        o.poolSize = size;
        o.acquireTimeout = std::chrono::milliseconds(acquireMs);
        o.statementTimeout = std::chrono::milliseconds(500);
        return o;
    }

private slots:
    void initTestCase()
    {
        QString error;
        QVERIFY2(m_db.createMigrated(QStringLiteral("pool"), QStringLiteral("slidespec_app"), &error), qPrintable(error));
    }

    void cleanupTestCase() { m_db.drop(); }

    void exhaustedPoolFailsClearlyAfterTheTimeout()
    {
        Database db(options(1, 200));
        auto held = db.acquire();
        QVERIFY2(held.ok(), qPrintable(held.error().message));
        QCOMPARE(db.stats().inUse, 1);

        QElapsedTimer timer;
        timer.start();
        const auto r = db.withTransaction([](pqxx::work &tx) { tx.exec("SELECT 1"); });
        QVERIFY(!r.ok());
        QVERIFY(timer.elapsed() >= 190);
        QCOMPARE(r.error().kind, DbError::Kind::PoolExhausted);
        QVERIFY2(r.error().message.contains(QStringLiteral("pool size 1")), qPrintable(r.error().message));
        QCOMPARE(r.error().toApiError().status, 503);
        QCOMPARE(r.error().toApiError().code, QStringLiteral("server.busy"));
        QCOMPARE(db.stats().timeouts, std::uint64_t(1));
    }

    void waitersGetTheConnectionWhenItIsReturned()
    {
        Database db(options(1, 5000));
        std::atomic<bool> holding{false};
        std::thread holder([&] {
            auto lease = db.acquire();
            holding = true;
            std::this_thread::sleep_for(std::chrono::milliseconds(150));
        });
        while (!holding)
            std::this_thread::yield();
        const auto r = db.withTransaction([](pqxx::work &tx) { return tx.exec("SELECT 41 + 1").at(0).at(0).as<int>(); });
        holder.join();
        QVERIFY2(r.ok(), qPrintable(r.error().message));
        QCOMPARE(r.value(), 42);
        const auto stats = db.stats();
        QCOMPARE(stats.waits, std::uint64_t(1));
        QCOMPARE(stats.open, 1);
        QCOMPARE(stats.inUse, 0);
    }

    void brokenConnectionsAreReplaced()
    {
        Database db(options(1, 2000));
        const auto pid = db.withTransaction([](pqxx::work &tx) { return tx.exec("SELECT pg_backend_pid()").at(0).at(0).as<int>(); });
        QVERIFY(pid.ok());
        // Kill that backend from another connection of the same role.
        {
            pqxx::connection killer(m_db.appUrl().toStdString());
            pqxx::nontransaction n(killer);
            n.exec_params("SELECT pg_terminate_backend($1)", pid.value());
        }
        const auto broken = db.withTransaction([](pqxx::work &tx) { tx.exec("SELECT 1"); });
        QVERIFY(!broken.ok());
        QCOMPARE(broken.error().kind, DbError::Kind::Unavailable);
        QCOMPARE(broken.error().toApiError().code, QStringLiteral("database.unavailable"));
        const auto again = db.withTransaction([](pqxx::work &tx) { return tx.exec("SELECT pg_backend_pid()").at(0).at(0).as<int>(); });
        QVERIFY2(again.ok(), qPrintable(again.error().message));
        QVERIFY(again.value() != pid.value());
    }

    void errorsAreClassified_data()
    {
        QTest::addColumn<QString>("sql");
        QTest::addColumn<int>("kind");
        QTest::addColumn<QString>("sqlState");
        QTest::newRow("statement timeout") << QStringLiteral("SELECT pg_sleep(2)") << int(DbError::Kind::Timeout) << QStringLiteral("57014");
        QTest::newRow("syntax error") << QStringLiteral("SELEC 1") << int(DbError::Kind::Query) << QStringLiteral("42601");
        QTest::newRow("missing table") << QStringLiteral("SELECT * FROM no_such_table") << int(DbError::Kind::Query) << QStringLiteral("42P01");
        QTest::newRow("division by zero") << QStringLiteral("SELECT 1/0") << int(DbError::Kind::Query) << QStringLiteral("22012");
    }

    void errorsAreClassified()
    {
        QFETCH(QString, sql);
        QFETCH(int, kind);
        QFETCH(QString, sqlState);
        Database db(options(1, 2000));
        const auto r = db.withTransaction([&](pqxx::work &tx) { tx.exec(sql.toStdString()); });
        QVERIFY(!r.ok());
        QCOMPARE(int(r.error().kind), kind);
        // 6.4 reports some states only through the exception type; the class is what matters.
        QVERIFY2(QString::fromStdString(r.error().sqlState).left(2) == sqlState.left(2),
                 qPrintable(QString::fromStdString(r.error().sqlState) + QLatin1Char(' ') + r.error().message));
        // The connection survives a failed statement and is reused.
        QVERIFY(db.withTransaction([](pqxx::work &tx) { tx.exec("SELECT 1"); }).ok());
        QCOMPARE(db.stats().open, 1);
    }

    void exceptionsFromTheCallbackDoNotEscape()
    {
        Database db(options(1, 2000));
        const auto r = db.withTransaction([](pqxx::work &) -> int { throw std::runtime_error("callback failed"); });
        QVERIFY(!r.ok());
        QCOMPARE(r.error().kind, DbError::Kind::Internal);
        QCOMPARE(r.error().toApiError().status, 500);
    }

    void unreachableDatabaseIsUnavailable()
    {
        Database::Options o = options(2, 500);
        QUrl url(m_db.appUrl());
        url.setPort(1);
        o.url = url.toString().toStdString();
        Database db(o);
        QString error;
        QVERIFY(!db.ping(&error));
        QVERIFY(!error.isEmpty());
        QCOMPARE(db.stats().connectFailures, std::uint64_t(1));
        QCOMPARE(db.stats().open, 0);
    }
};

QTEST_GUILESS_MAIN(TstDbPool)
#include "tst_dbpool.moc"
