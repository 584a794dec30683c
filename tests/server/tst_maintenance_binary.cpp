// SPDX-License-Identifier: GPL-3.0-or-later
// The maintenance scheduler in real slidespec-server processes: two `serve`
// processes on one database, a period of 10 s, enqueue exactly one job per
// task and period between them, and their in-process workers run the jobs;
// malformed webhook and maintenance settings stop the server at start-up
// (exit code 2) with a line naming the flag and the variable.
#include "serverfixture.h"
#include "tst_serverbinary_support.h"

#include "maintenance/maintenance.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>

using namespace slidespec::server;
using namespace slidespec::server::test;

class TstMaintenanceBinary : public QObject
{
    Q_OBJECT

    TestDatabase m_db;
    QTemporaryDir m_dir;
    QString m_binary;
    QString m_keyFile;

    QProcessEnvironment env() const
    {
        QProcessEnvironment e = binarytest::serverEnvironment(m_db, m_keyFile);
        e.insert(QStringLiteral("SLIDESPEC_STORAGE_URL"), QUrl::fromLocalFile(m_dir.filePath(QStringLiteral("store"))).toString());
        e.insert(QStringLiteral("SLIDESPEC_JOB_WORKERS"), QStringLiteral("1"));
        e.insert(QStringLiteral("SLIDESPEC_LOG_LEVEL"), QStringLiteral("warn"));
        return e;
    }

private slots:
    void initTestCase()
    {
        m_binary = binarytest::serverBinary();
        QVERIFY2(QFileInfo(m_binary).isExecutable(),
                 qPrintable(QStringLiteral("%1 is missing: build the slidespec-server target").arg(m_binary)));
        QVERIFY(m_dir.isValid());
        QVERIFY(QDir(m_dir.path()).mkpath(QStringLiteral("store")));
        QString error;
        QVERIFY2(m_db.create(QStringLiteral("maintbin"), &error), qPrintable(error));
        m_keyFile = m_dir.filePath(QStringLiteral("secret.key"));
        QVERIFY(binarytest::writeSecretKey(m_keyFile, "0123456789abcdef0123456789abcdef-maintenance-key"));
    }

    void cleanupTestCase() { m_db.drop(); }

    void malformedSettingsStopTheServer_data()
    {
        QTest::addColumn<QString>("variable");
        QTest::addColumn<QString>("value");
        QTest::addColumn<QString>("message");
        QTest::newRow("webhook network that is a name")
            << "SLIDESPEC_WEBHOOK_ALLOWED_NETWORKS" << "10.0.0.0/8,intranet"
            << "--webhook-allowed-networks / SLIDESPEC_WEBHOOK_ALLOWED_NETWORKS: \"intranet\" is not an address or CIDR network";
        QTest::newRow("webhook loopback that is not a boolean")
            << "SLIDESPEC_WEBHOOK_ALLOW_HTTP_LOOPBACK" << "sometimes"
            << "--webhook-allow-http-loopback / SLIDESPEC_WEBHOOK_ALLOW_HTTP_LOOPBACK: \"sometimes\" is not 1, 0, true or false";
        QTest::newRow("maintenance interval of a second")
            << "SLIDESPEC_MAINTENANCE_INTERVAL_SECONDS" << "1" << "at least 10 seconds";
        QTest::newRow("job retention that is not a number")
            << "SLIDESPEC_JOB_RETENTION_DAYS" << "two weeks" << "SLIDESPEC_JOB_RETENTION_DAYS: \"two weeks\" is not a whole number";
    }

    void malformedSettingsStopTheServer()
    {
        QFETCH(QString, variable);
        QFETCH(QString, value);
        QFETCH(QString, message);
        QProcess p;
        QProcessEnvironment e = env();
        e.insert(variable, value);
        p.setProcessEnvironment(e);
        p.start(m_binary, {QStringLiteral("serve")});
        QVERIFY(p.waitForFinished(15000));
        QCOMPARE(p.exitCode(), 2);
        const QString err = QString::fromUtf8(p.readAllStandardError());
        QVERIFY2(err.contains(message), qPrintable(err));
    }

    void twoServersEnqueueOneJobPerTaskAndPeriod()
    {
        QProcessEnvironment e = env();
        e.insert(QStringLiteral("SLIDESPEC_MAINTENANCE_INTERVAL_SECONDS"), QStringLiteral("10"));
        QProcess a;
        QProcess b;
        for (QProcess *p : {&a, &b}) {
            p->setProcessEnvironment(e);
            p->start(m_binary, {QStringLiteral("serve")});
            QVERIFY(p->waitForStarted(10000));
        }
        // Over two period boundaries at least.
        QTest::qWait(23000);
        for (QProcess *p : {&a, &b}) {
            QCOMPARE(p->state(), QProcess::Running);
            ::kill(pid_t(p->processId()), SIGTERM);
        }
        for (QProcess *p : {&a, &b}) {
            QVERIFY(p->waitForFinished(30000));
            QCOMPARE(p->exitCode(), 0);
        }

        Database::Options options;
        options.url = m_db.appUrl().toStdString();
        options.poolSize = 1;
        Database db(options);
        auto facts = db.withTransaction(OrgScope{QString(), kSystemOrgId}, [](pqxx::work &tx) {
            return std::tuple{
                tx.exec1("SELECT count(DISTINCT period_start) FROM maintenance_runs")[0].as<int>(),
                tx.exec1("SELECT count(*) FROM maintenance_runs")[0].as<int>(),
                tx.exec1("SELECT count(*) FROM jobs WHERE kind LIKE 'maintenance-%'")[0].as<int>(),
                tx.exec1("SELECT count(DISTINCT (kind, dedup_key)) FROM jobs WHERE kind LIKE 'maintenance-%'")[0].as<int>(),
                tx.exec1("SELECT count(*) FROM jobs WHERE kind LIKE 'maintenance-%' AND state = 'succeeded'")[0].as<int>(),
                tx.exec1("SELECT count(DISTINCT claimed_by) FROM maintenance_runs")[0].as<int>()};
        });
        QVERIFY2(facts.ok(), qPrintable(facts.error().message));
        const auto [periods, runs, jobs, distinctJobs, succeeded, schedulers] = *facts;
        const int tasks = int(allMaintenanceTasks().size());
        QVERIFY2(periods >= 2, qPrintable(QString::number(periods)));
        QCOMPARE(runs, periods * tasks);  // one claim per task and period …
        QCOMPARE(jobs, runs);             // … one job per claim …
        QCOMPARE(distinctJobs, jobs);     // … each with its own period's key
        QVERIFY2(succeeded >= jobs - tasks, qPrintable(QStringLiteral("%1 of %2 succeeded").arg(succeeded).arg(jobs)));
        qInfo("%d periods, %d jobs (%d succeeded) from %d scheduler(s) of 2 processes", periods, jobs, succeeded,
              schedulers);
    }
};

QTEST_GUILESS_MAIN(TstMaintenanceBinary)
#include "tst_maintenance_binary.moc"
