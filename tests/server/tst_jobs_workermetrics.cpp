// SPDX-License-Identifier: GPL-3.0-or-later
// `slidespec-server worker` serves its own /metrics and /healthz when
// SLIDESPEC_WORKER_METRICS_LISTEN is set (off by default): the binary is run
// as a subprocess against a migrated database of its own, runs a real export,
// and its metrics are scraped over TCP and checked with `promtool check
// metrics`. A malformed address stops the worker before it takes jobs.
#include "sandbox/sandbox.h"
#include "tst_jobs_support.h"
#include "tst_serverbinary_support.h"

#include <QProcess>
#include <QTest>

#include <csignal>

using namespace jobstest;

class TstJobsWorkerMetrics : public QObject
{
    Q_OBJECT

    JobsFixture f;
    QTemporaryDir m_work;
    QString m_binary;

    QProcessEnvironment workerEnvironment(const QString &metricsListen)
    {
        const QString keyFile = m_work.filePath(QStringLiteral("secret.key"));
        if (!binarytest::writeSecretKey(keyFile, QByteArray(48, 'k')))
            qWarning("cannot write %s", qPrintable(keyFile));
        QProcessEnvironment env = f.renderProcessEnvironment(keyFile, 1);
        if (metricsListen.isNull())
            env.remove(QStringLiteral("SLIDESPEC_WORKER_METRICS_LISTEN"));
        else
            env.insert(QStringLiteral("SLIDESPEC_WORKER_METRICS_LISTEN"), metricsListen);
        return env;
    }

private slots:
    void initTestCase()
    {
        const QString error = f.start();
        if (!error.isEmpty())
            QFAIL(qPrintable(error));
        QVERIFY(m_work.isValid());
        m_binary = binarytest::serverBinary();
        if (!QFileInfo(m_binary).isExecutable())
            QFAIL("slidespec-server is not built next to the tests (tests/server/CMakeLists.txt makes this test depend on it)");
    }

    void workerServesMetricsAndHealth()
    {
        QProcess worker;
        worker.setProcessEnvironment(workerEnvironment(QStringLiteral("127.0.0.1:0")));
        worker.setProcessChannelMode(QProcess::MergedChannels);
        worker.start(m_binary, {QStringLiteral("worker")});
        QVERIFY(worker.waitForStarted(10000));
        QByteArray log;
        const QJsonObject listening = binarytest::waitForLogLine(worker, log, QStringLiteral("worker metrics listening"));
        QVERIFY2(!listening.isEmpty(), log.constData());
        const quint16 port = quint16(listening.value(QStringLiteral("port")).toInt());
        QVERIFY(port > 0);

        // A real export run by the worker process, so the histograms have series.
        const QString deckId = f.createDeck(f.orgA, f.owner.token, sampleDeck(1, QStringLiteral("worker metrics")));
        const RawResponse queued = f.call("POST", f.api(f.orgA, QStringLiteral("decks/%1/exports").arg(deckId)),
                                          f.owner.token, R"({"kind":"export-pdf"})");
        QCOMPARE(queued.status, 202);
        const QJsonObject job = f.waitFinal(f.orgA, jsonOf(queued).value(QStringLiteral("id")).toString(), 60000);
        QVERIFY2(job.value(QStringLiteral("state")).toString() == u"succeeded", log.constData());

        RawConnection health(port);
        const RawResponse healthz = health.request("GET", "/healthz", {}, {});
        QCOMPARE(healthz.status, 200);
        QCOMPARE(jsonOf(healthz).value(QStringLiteral("status")).toString(), QStringLiteral("ok"));
        RawConnection scrape(port);
        const RawResponse metrics = scrape.request("GET", "/metrics", {}, {});
        QCOMPARE(metrics.status, 200);
        QVERIFY(metrics.header("content-type").startsWith("text/plain"));
        for (const char *series : {"slidespec_job_workers 1", "slidespec_job_run_seconds_count{kind=\"export-pdf\"} 1",
                                   "slidespec_job_attempts_total{kind=\"export-pdf\",outcome=\"succeeded\"} 1",
                                   "slidespec_jobs{state=\"succeeded\",kind=\"export-pdf\"}", "http_requests_total"})
            QVERIFY2(metrics.body.contains(series), series);
        // Whether renders are isolated is visible to the scraper (bubblewrap works on the test machines).
        const bool isolated = Sandbox::isolationStatus({}).isolated;
        QVERIFY2(metrics.body.contains(isolated ? "\nslidespec_sandbox_isolated 1" : "\nslidespec_sandbox_isolated 0"),
                 metrics.body.constData());
        RawConnection missing(port);
        QCOMPARE(missing.request("GET", "/api/v1/openapi.json", {}, {}).status, 404); // only the two routes

        const QString promtool = findTool("promtool");
        if (!promtool.isEmpty()) {
            QProcess check;
            check.setProcessChannelMode(QProcess::MergedChannels);
            check.start(promtool, {QStringLiteral("check"), QStringLiteral("metrics")});
            QVERIFY(check.waitForStarted(10000));
            check.write(metrics.body);
            check.closeWriteChannel();
            QVERIFY(check.waitForFinished(30000));
            QVERIFY2(check.exitCode() == 0, check.readAll().constData());
        } else {
            qWarning("promtool is not installed: the exposition format was not checked");
        }

        ::kill(pid_t(worker.processId()), SIGTERM);
        QVERIFY(worker.waitForFinished(30000));
        log += worker.readAll();
        QCOMPARE(worker.exitStatus(), QProcess::NormalExit);
        QVERIFY2(worker.exitCode() == 0, log.constData());
        QVERIFY2(log.contains("worker stopped"), log.constData());
    }

    void listenerIsOffByDefault()
    {
        QProcess worker;
        worker.setProcessEnvironment(workerEnvironment(QString()));
        worker.setProcessChannelMode(QProcess::MergedChannels);
        worker.start(m_binary, {QStringLiteral("worker")});
        QVERIFY(worker.waitForStarted(10000));
        QByteArray log;
        QVERIFY2(!binarytest::waitForLogLine(worker, log, QStringLiteral("worker running")).isEmpty(), log.constData());
        QVERIFY2(!log.contains("worker metrics listening"), log.constData());
        ::kill(pid_t(worker.processId()), SIGTERM);
        QVERIFY(worker.waitForFinished(30000));
        QCOMPARE(worker.exitCode(), 0);
    }

    void sandboxIsolationSetting_data()
    {
        QTest::addColumn<QString>("value");
        QTest::addColumn<int>("exitCode"); // -1: the worker runs (stopped with SIGTERM)
        QTest::addColumn<QString>("logPart");
        const bool bwrapWorks = Sandbox::isolationStatus({}).isolated;
        QTest::newRow("off: runs, warns") << QStringLiteral("off") << -1 << QStringLiteral("sandbox isolation is off");
        QTest::newRow("auto: isolated when bubblewrap works")
            << QStringLiteral("auto") << -1
            << (bwrapWorks ? QStringLiteral("renders run in bubblewrap") : QStringLiteral("bubblewrap does not work"));
        if (bwrapWorks)
            QTest::newRow("required: runs isolated")
                << QStringLiteral("required") << -1 << QStringLiteral("renders run in bubblewrap");
        else
            QTest::newRow("required without bubblewrap: refuses to start")
                << QStringLiteral("required") << 2 << QStringLiteral("renders cannot be isolated");
        QTest::newRow("misspelt: refuses to start")
            << QStringLiteral("requird") << 2 << QStringLiteral("SLIDESPEC_SANDBOX_ISOLATION");
    }

    void sandboxIsolationSetting()
    {
        QFETCH(QString, value);
        QFETCH(int, exitCode);
        QFETCH(QString, logPart);
        QProcessEnvironment env = workerEnvironment(QString());
        env.insert(QStringLiteral("SLIDESPEC_SANDBOX_ISOLATION"), value);
        QProcess worker;
        worker.setProcessEnvironment(env);
        worker.setProcessChannelMode(QProcess::MergedChannels);
        worker.start(m_binary, {QStringLiteral("worker")});
        QVERIFY(worker.waitForStarted(10000));
        QByteArray log;
        if (exitCode < 0) {
            QVERIFY2(!binarytest::waitForLogLine(worker, log, QStringLiteral("worker running")).isEmpty(), log.constData());
            ::kill(pid_t(worker.processId()), SIGTERM);
            QVERIFY(worker.waitForFinished(30000));
            log += worker.readAll();
            QCOMPARE(worker.exitCode(), 0);
        } else {
            QVERIFY(worker.waitForFinished(30000));
            log += worker.readAll();
            QCOMPARE(worker.exitCode(), exitCode);
            QVERIFY2(!log.contains("worker running"), log.constData());
        }
        QVERIFY2(log.contains(logPart.toUtf8()), log.constData());
    }

    void malformedAddressStopsTheWorker_data()
    {
        QTest::addColumn<QString>("value");
        QTest::newRow("no-port") << QStringLiteral("127.0.0.1");
        QTest::newRow("host-name-not-address") << QStringLiteral("localhost:9101");
        QTest::newRow("port-out-of-range") << QStringLiteral("127.0.0.1:70000");
    }

    void malformedAddressStopsTheWorker()
    {
        QFETCH(QString, value);
        QProcess worker;
        worker.setProcessEnvironment(workerEnvironment(value));
        worker.setProcessChannelMode(QProcess::MergedChannels);
        worker.start(m_binary, {QStringLiteral("worker")});
        QVERIFY(worker.waitForFinished(30000));
        const QByteArray log = worker.readAll();
        QCOMPARE(worker.exitCode(), 2);
        QVERIFY2(log.contains("SLIDESPEC_WORKER_METRICS_LISTEN") && !log.contains("worker running"), log.constData());
    }
};

QTEST_GUILESS_MAIN(TstJobsWorkerMetrics)
#include "tst_jobs_workermetrics.moc"
