// SPDX-License-Identifier: GPL-3.0-or-later
// Migrations against the real PostgreSQL cluster (scripts/pg.sh): from an
// empty database, re-run, concurrent instances, refused changes, and what the
// app role may and may not do once migrated.
#include "db/database.h"
#include "db/migrator.h"
#include "serverfixture.h"

#include <QTest>

#include <atomic>
#include <thread>
#include <vector>

using namespace slidespec::server;
using slidespec::server::test::TestDatabase;

class TstMigrations : public QObject
{
    Q_OBJECT

private:
    static QString appRole(const TestDatabase &db) { return QUrl(db.appUrl()).userName(); }

    static long long scalar(const QString &url, const std::string &sql)
    {
        pqxx::connection c(url.toStdString());
        pqxx::nontransaction n(c);
        return n.exec(sql).at(0).at(0).as<long long>();
    }

private slots:
    void builtInMigrationsAreNumberedInOrder()
    {
        const auto list = Migration::builtIn();
        QVERIFY2(!list.isEmpty(), "no migrations compiled in");
        QCOMPARE(list.first().version, 1);
        QCOMPARE(list.first().name, QStringLiteral("base"));
        for (qsizetype i = 1; i < list.size(); ++i)
            QVERIFY2(list.at(i - 1).version < list.at(i).version, "versions must strictly increase");
        for (const auto &m : list)
            QCOMPARE(m.checksum.size(), 64);
    }

    void fromEmptyThenRerunIsANoop()
    {
        TestDatabase db;
        QString error;
        QVERIFY2(db.create(QStringLiteral("empty"), &error), qPrintable(error));
        const auto all = Migration::builtIn();

        const auto first = Migrator(db.ownerUrl(), appRole(db)).migrate();
        QVERIFY2(first.ok, qPrintable(first.error));
        QCOMPARE(first.applied.size(), all.size());
        QCOMPARE(first.currentVersion, all.last().version);
        QCOMPARE(scalar(db.ownerUrl(), "SELECT count(*) FROM schema_migrations"), all.size());
        QCOMPARE(scalar(db.ownerUrl(), "SELECT count(*) FROM schema_migrations WHERE checksum ~ '^[0-9a-f]{64}$' "
                                       "AND applied_at <= now()"),
                 all.size());

        const auto second = Migrator(db.ownerUrl(), appRole(db)).migrate();
        QVERIFY2(second.ok, qPrintable(second.error));
        QVERIFY(second.applied.isEmpty());
        QCOMPARE(second.currentVersion, all.last().version);
        QCOMPARE(scalar(db.ownerUrl(), "SELECT count(*) FROM schema_migrations"), all.size());

        const auto check = Migrator(db.ownerUrl(), appRole(db)).check();
        QVERIFY2(check.ok, qPrintable(check.error));
    }

    void checkReportsPendingMigrations()
    {
        TestDatabase db;
        QString error;
        QVERIFY2(db.create(QStringLiteral("pending"), &error), qPrintable(error));
        const auto report = Migrator(db.ownerUrl(), appRole(db)).check();
        QVERIFY(!report.ok);
        QVERIFY2(report.error.contains(QStringLiteral("pending")), qPrintable(report.error));
        QCOMPARE(scalar(db.ownerUrl(), "SELECT count(*) FROM pg_tables WHERE tablename = 'schema_migrations'"), 0);
    }

    void fourConcurrentMigratorsApplyEachMigrationOnce()
    {
        TestDatabase db;
        QString error;
        QVERIFY2(db.create(QStringLiteral("concurrent"), &error), qPrintable(error));
        const auto all = Migration::builtIn();

        std::vector<MigrationReport> reports(4);
        std::vector<std::thread> threads;
        std::atomic<int> ready{0};
        for (size_t i = 0; i < reports.size(); ++i) {
            threads.emplace_back([&, i] {
                ++ready;
                while (ready.load() < int(reports.size()))
                    std::this_thread::yield();
                reports[i] = Migrator(db.ownerUrl(), appRole(db)).migrate();
            });
        }
        for (auto &t : threads)
            t.join();

        qsizetype appliedTotal = 0;
        for (const auto &r : reports) {
            QVERIFY2(r.ok, qPrintable(r.error));
            QCOMPARE(r.currentVersion, all.last().version);
            appliedTotal += r.applied.size();
        }
        QCOMPARE(appliedTotal, all.size());
        QCOMPARE(scalar(db.ownerUrl(), "SELECT count(*) FROM schema_migrations"), all.size());
        QCOMPARE(scalar(db.ownerUrl(), "SELECT count(DISTINCT version) FROM schema_migrations"), all.size());
    }

    void refusesADatabaseItCannotTrust_data()
    {
        QTest::addColumn<QString>("tamper");
        QTest::addColumn<QString>("expected");
        QTest::newRow("an applied migration's file changed afterwards")
            << QStringLiteral("checksum") << QStringLiteral("was changed after it was applied");
        QTest::newRow("the database has a migration the binary does not know (newer)")
            << QStringLiteral("newer") << QStringLiteral("newer than the server");
    }

    void refusesADatabaseItCannotTrust()
    {
        QFETCH(QString, tamper);
        QFETCH(QString, expected);
        TestDatabase db;
        QString error;
        QVERIFY2(db.createMigrated(QStringLiteral("tamper"), QStringLiteral("slidespec_app"), &error), qPrintable(error));
        const long long before = scalar(db.ownerUrl(), "SELECT count(*) FROM schema_migrations");

        auto list = Migration::builtIn();
        if (tamper == QLatin1String("checksum")) {
            list.first().sql += "\n-- edited after release\n";
            list.first().checksum = QString::fromLatin1(
                QCryptographicHash::hash(list.first().sql, QCryptographicHash::Sha256).toHex());
        } else {
            list.removeLast();
        }
        // A brand-new migration alongside, to prove nothing is applied on refusal.
        Migration extra;
        extra.version = 9999;
        extra.name = QStringLiteral("must_not_run");
        extra.sql = "CREATE TABLE must_not_exist (id int);";
        extra.checksum = QStringLiteral("0").repeated(64);
        list.append(extra);

        const auto report = Migrator(db.ownerUrl(), QStringLiteral("slidespec_app"), list).migrate();
        QVERIFY(!report.ok);
        QVERIFY2(report.error.contains(expected), qPrintable(report.error));
        QVERIFY(report.applied.isEmpty());
        QCOMPARE(scalar(db.ownerUrl(), "SELECT count(*) FROM schema_migrations"), before);
        QCOMPARE(scalar(db.ownerUrl(), "SELECT count(*) FROM pg_tables WHERE tablename = 'must_not_exist'"), 0);
    }

    void aLateMergedLowerMigrationIsAppliedAndReported()
    {
        TestDatabase db;
        QString error;
        QVERIFY2(db.create(QStringLiteral("late"), &error), qPrintable(error));
        auto make = [](int version, const char *name, const char *sql) {
            Migration m;
            m.version = version;
            m.name = QString::fromLatin1(name);
            m.sql = sql;
            m.checksum = QString::fromLatin1(QCryptographicHash::hash(m.sql, QCryptographicHash::Sha256).toHex());
            return m;
        };
        auto list = Migration::builtIn();
        list.append(make(9990, "late_b", "CREATE TABLE late_b (id int);"));
        auto first = Migrator(db.ownerUrl(), QStringLiteral("slidespec_app"), list).migrate();
        QVERIFY2(first.ok, qPrintable(first.error));
        QVERIFY(first.outOfOrder.isEmpty());

        list.insert(list.size() - 1, make(9980, "late_a", "CREATE TABLE late_a (id int);"));
        auto second = Migrator(db.ownerUrl(), QStringLiteral("slidespec_app"), list).migrate();
        QVERIFY2(second.ok, qPrintable(second.error));
        QCOMPARE(second.applied, QList<int>{9980});
        QCOMPARE(second.outOfOrder, QList<int>{9980});
        QCOMPARE(second.currentVersion, 9990);
        QCOMPARE(scalar(db.ownerUrl(), "SELECT count(*) FROM pg_tables WHERE tablename IN ('late_a', 'late_b')"), 2);
    }

    void aFailingMigrationIsRolledBackAndReported()
    {
        TestDatabase db;
        QString error;
        QVERIFY2(db.createMigrated(QStringLiteral("failing"), QStringLiteral("slidespec_app"), &error), qPrintable(error));
        auto list = Migration::builtIn();
        Migration bad;
        bad.version = 9998;
        bad.name = QStringLiteral("half_done");
        bad.sql = "CREATE TABLE half_done (id int); SELECT no_such_function();";
        bad.checksum = QStringLiteral("1").repeated(64);
        list.append(bad);
        const auto report = Migrator(db.ownerUrl(), QStringLiteral("slidespec_app"), list).migrate();
        QVERIFY(!report.ok);
        QVERIFY2(report.error.contains(QStringLiteral("9998")) && report.error.contains(QStringLiteral("rolled back")),
                 qPrintable(report.error));
        QCOMPARE(scalar(db.ownerUrl(), "SELECT count(*) FROM pg_tables WHERE tablename = 'half_done'"), 0);
        QCOMPARE(scalar(db.ownerUrl(), "SELECT count(*) FROM schema_migrations WHERE version = 9998"), 0);
    }

    void appRoleCannotChangeTheSchema_data()
    {
        QTest::addColumn<QString>("sql");
        QTest::newRow("create a table in public") << QStringLiteral("CREATE TABLE intruder (id int)");
        QTest::newRow("create a function in app") << QStringLiteral("CREATE FUNCTION app.intruder() RETURNS int LANGUAGE sql AS 'SELECT 1'");
        QTest::newRow("create a schema") << QStringLiteral("CREATE SCHEMA intruder");
        QTest::newRow("drop the migrations table") << QStringLiteral("DROP TABLE schema_migrations");
        QTest::newRow("alter the migrations table") << QStringLiteral("ALTER TABLE schema_migrations ADD COLUMN x int");
        QTest::newRow("write the migrations table") << QStringLiteral("DELETE FROM schema_migrations");
        QTest::newRow("truncate a data table") << QStringLiteral("TRUNCATE rls_probe");
        QTest::newRow("disable row-level security") << QStringLiteral("ALTER TABLE rls_probe DISABLE ROW LEVEL SECURITY");
        QTest::newRow("drop a data table") << QStringLiteral("DROP TABLE rls_probe");
        QTest::newRow("replace a helper function") << QStringLiteral(
            "CREATE OR REPLACE FUNCTION app.current_org() RETURNS uuid LANGUAGE sql AS 'SELECT NULL::uuid'");
        QTest::newRow("turn row security off for the session") << QStringLiteral(
            "SET row_security = off; SELECT count(*) FROM rls_probe");
    }

    void appRoleCannotChangeTheSchema()
    {
        QFETCH(QString, sql);
        QVERIFY2(m_shared.appUrl().size() > 0, "initTestCase did not create the shared database");
        pqxx::connection c(m_shared.appUrl().toStdString());
        bool refused = false;
        try {
            pqxx::work tx(c);
            tx.exec(sql.toStdString());
            tx.commit();
        } catch (const pqxx::sql_error &e) {
            refused = true;
            // insufficient_privilege, or (row_security = off) "query would be affected by row-level security"
            QVERIFY2(Database::classify(e).sqlState == "42501", e.what());
        }
        QVERIFY2(refused, qPrintable(QStringLiteral("the app role could run: %1").arg(sql)));
    }

    void appRoleIsNotPrivilegedAndOwnsNothing()
    {
        pqxx::connection c(m_shared.appUrl().toStdString());
        pqxx::nontransaction n(c);
        const auto role = n.exec("SELECT rolsuper, rolbypassrls, rolcreatedb, rolcreaterole FROM pg_roles "
                                 "WHERE rolname = current_user");
        QCOMPARE(role.at(0).at(0).as<bool>(), false);
        QCOMPARE(role.at(0).at(1).as<bool>(), false);
        QCOMPARE(role.at(0).at(2).as<bool>(), false);
        QCOMPARE(role.at(0).at(3).as<bool>(), false);
        QCOMPARE(n.exec("SELECT count(*) FROM pg_class WHERE relowner = "
                        "(SELECT oid FROM pg_roles WHERE rolname = current_user)").at(0).at(0).as<int>(), 0);
        QCOMPARE(n.exec("SELECT count(*) FROM pg_namespace WHERE nspowner = "
                        "(SELECT oid FROM pg_roles WHERE rolname = current_user)").at(0).at(0).as<int>(), 0);
        QCOMPARE(n.exec("SELECT count(*) FROM pg_proc WHERE proowner = "
                        "(SELECT oid FROM pg_roles WHERE rolname = current_user)").at(0).at(0).as<int>(), 0);
    }

    void rowLevelSecurityAppliesToTheAppRole_data()
    {
        QTest::addColumn<QString>("orgId");
        QTest::addColumn<int>("visible");
        QTest::newRow("scoped to org A: sees A's row only") << QStringLiteral("00000000-0000-0000-0000-00000000000a") << 1;
        QTest::newRow("scoped to org B: sees B's two rows") << QStringLiteral("00000000-0000-0000-0000-00000000000b") << 2;
        QTest::newRow("no org scope: sees nothing") << QString() << 0;
    }

    void rowLevelSecurityAppliesToTheAppRole()
    {
        QFETCH(QString, orgId);
        QFETCH(int, visible);
        Database db(Database::Options{m_shared.appUrl().toStdString(), 2});
        const auto count = db.withTransaction(OrgScope{QString(), orgId}, [](pqxx::work &tx) {
            return tx.exec("SELECT count(*) FROM rls_probe").at(0).at(0).as<int>();
        });
        QVERIFY2(count.ok(), qPrintable(count.error().message));
        QCOMPARE(count.value(), visible);

        // The scope lasts for the transaction only: the pooled connection forgets it.
        const auto after = db.withTransaction([](pqxx::work &tx) {
            return tx.exec("SELECT coalesce(current_setting('app.org_id', true), '')").at(0).at(0).as<std::string>();
        });
        QVERIFY(after.ok());
        QCOMPARE(QString::fromStdString(after.value()), QString());
    }

    void appRoleWritesThroughDefaultPrivilegesWithinItsOrg()
    {
        Database db(Database::Options{m_shared.appUrl().toStdString(), 1});
        const QString orgA = QStringLiteral("00000000-0000-0000-0000-00000000000a");
        const QString orgB = QStringLiteral("00000000-0000-0000-0000-00000000000b");
        // A later migration's table: no explicit GRANT, the default privileges of 0001 apply.
        const auto own = db.withTransaction(OrgScope{QString(), orgA}, [&](pqxx::work &tx) {
            tx.exec_params("INSERT INTO rls_probe (org_id, label) VALUES ($1, 'mine')", orgA.toStdString());
        });
        QVERIFY2(own.ok(), qPrintable(own.error().message));
        // Writing into another org's rows is refused by the policy's WITH CHECK.
        const auto other = db.withTransaction(OrgScope{QString(), orgA}, [&](pqxx::work &tx) {
            tx.exec_params("INSERT INTO rls_probe (org_id, label) VALUES ($1, 'theirs')", orgB.toStdString());
        });
        QVERIFY(!other.ok());
        QCOMPARE(other.error().kind, DbError::Kind::Query);
        QCOMPARE(QString::fromStdString(other.error().sqlState), QStringLiteral("42501"));
        // Clean up this row so the RLS rows above keep their counts.
        QVERIFY(db.withTransaction(OrgScope{QString(), orgA}, [](pqxx::work &tx) {
                      tx.exec("DELETE FROM rls_probe WHERE label = 'mine'");
                  }).ok());
    }

    void initTestCase()
    {
        QString error;
        QVERIFY2(m_shared.createMigrated(QStringLiteral("roles"), QStringLiteral("slidespec_app"), &error),
                 qPrintable(error));
        // A table as a later migration would create it: owned by the owner, RLS by org.
        pqxx::connection c(m_shared.ownerUrl().toStdString());
        pqxx::work tx(c);
        tx.exec("CREATE TABLE rls_probe (id serial PRIMARY KEY, org_id uuid NOT NULL, label text NOT NULL)");
        tx.exec("ALTER TABLE rls_probe ENABLE ROW LEVEL SECURITY");
        tx.exec("CREATE POLICY rls_probe_org ON rls_probe USING (org_id = app.current_org()) "
                "WITH CHECK (org_id = app.current_org())");
        tx.exec("INSERT INTO rls_probe (org_id, label) VALUES "
                "('00000000-0000-0000-0000-00000000000a', 'a1'), "
                "('00000000-0000-0000-0000-00000000000b', 'b1'), "
                "('00000000-0000-0000-0000-00000000000b', 'b2')");
        tx.commit();
    }

    void cleanupTestCase() { m_shared.drop(); }

private:
    TestDatabase m_shared;
};

QTEST_GUILESS_MAIN(TstMigrations)
#include "tst_migrations.moc"
