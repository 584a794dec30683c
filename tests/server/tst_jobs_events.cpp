// SPDX-License-Identifier: GPL-3.0-or-later
// Job events for progress streams, against a real PostgreSQL: the triggers of
// migration 0024 notify on insert and on every state or progress change,
// JobEventFeed's LISTEN connection fans them out per org and job, and the
// Server-Sent Events frames are well formed.
#include "db/database.h"
#include "jobs/jobevents.h"
#include "queue/jobqueue.h"
#include "queue/worker.h"
#include "serverfixture.h"

#include <QTest>
#include <QUuid>

#include <mutex>
#include <thread>

using namespace slidespec::server;
using slidespec::server::test::TestDatabase;

namespace {

/*! Reports progress 30 and 60 with short pauses, then succeeds. */
class SteppingHandler : public JobHandler
{
public:
    JobOutcome run(JobContext &context) override
    {
        for (int p : {30, 60}) {
            context.setProgress(p, QStringLiteral("step"));
            std::this_thread::sleep_for(std::chrono::milliseconds(30));
        }
        return JobOutcome::success({{QStringLiteral("ok"), true}});
    }
};

struct Collected
{
    std::mutex mutex;
    QList<JobEvent> events;
    void add(const JobEvent &e)
    {
        std::lock_guard lock(mutex);
        events.append(e);
    }
    QList<JobEvent> snapshot()
    {
        std::lock_guard lock(mutex);
        return events;
    }
};

} // namespace

class TstJobsEvents : public QObject
{
    Q_OBJECT

private:
    TestDatabase m_testDb;
    std::unique_ptr<Database> m_db;
    QString m_orgA;
    QString m_orgB;

    QString createOrg(const QString &name)
    {
        const QString id = QUuid::createUuid().toString(QUuid::WithoutBraces);
        const auto r = m_db->withTransaction(OrgScope{QString(), id}, [&](pqxx::work &tx) {
            tx.exec_params("INSERT INTO orgs (id, name, slug) VALUES ($1::uuid, $2, $3)", id.toStdString(),
                           name.toStdString(), QString(QStringLiteral("events-") + id.left(8)).toStdString());
        });
        return r ? id : QString();
    }

private slots:
    void initTestCase()
    {
        const QString app = qEnvironmentVariable("SLIDESPEC_TEST_DATABASE_URL");
        if (app.isEmpty())
            QFAIL("SLIDESPEC_TEST_DATABASE_URL is not set: run scripts/test.sh or eval \"$(scripts/pg.sh env)\"");
        QString error;
        QVERIFY2(m_testDb.createMigrated(QStringLiteral("jobevents"), QUrl(app).userName(), &error), qPrintable(error));
        m_db = std::make_unique<Database>(Database::Options{.url = m_testDb.appUrl().toStdString(), .poolSize = 6});
        m_orgA = createOrg(QStringLiteral("A"));
        m_orgB = createOrg(QStringLiteral("B"));
        QVERIFY(!m_orgA.isEmpty() && !m_orgB.isEmpty());
    }

    void parse_data()
    {
        QTest::addColumn<QByteArray>("payload");
        QTest::addColumn<bool>("valid");
        QTest::addColumn<bool>("final");
        QTest::newRow("running-with-progress") << QByteArray("0b2c-org:42:running:30") << true << false;
        QTest::newRow("succeeded-is-final") << QByteArray("org:7:succeeded:100") << true << true;
        QTest::newRow("dead-is-final") << QByteArray("org:7:dead:5") << true << true;
        QTest::newRow("too-few-parts-is-refused") << QByteArray("org:7:queued") << false << false;
        QTest::newRow("non-numeric-id-is-refused") << QByteArray("org:x:queued:0") << false << false;
        QTest::newRow("empty-is-refused") << QByteArray() << false << false;
    }

    void parse()
    {
        QFETCH(QByteArray, payload);
        QFETCH(bool, valid);
        QFETCH(bool, final);
        const JobEvent e = JobEvent::parse(payload);
        QCOMPARE(e.isValid(), valid);
        if (valid)
            QCOMPARE(e.isFinal(), final);
    }

    void sseFrames_data()
    {
        QTest::addColumn<QByteArray>("frame");
        QTest::addColumn<QByteArray>("expected");
        QTest::newRow("event-with-id")
            << sseEvent("state", {{QStringLiteral("state"), QStringLiteral("running")}}, 12)
            << QByteArray("id: 12\nevent: state\ndata: {\"state\":\"running\"}\n\n");
        QTest::newRow("event-without-id")
            << sseEvent("progress", {{QStringLiteral("progress"), 30}})
            << QByteArray("event: progress\ndata: {\"progress\":30}\n\n");
        QTest::newRow("newline-in-a-message-stays-on-one-data-line")
            << sseEvent("progress", {{QStringLiteral("message"), QStringLiteral("a\nb")}})
            << QByteArray("event: progress\ndata: {\"message\":\"a\\nb\"}\n\n");
        QTest::newRow("text-id")
            << sseEvent("state", {{QStringLiteral("progress"), 0}}, QByteArray("42-0123abcd"))
            << QByteArray("id: 42-0123abcd\nevent: state\ndata: {\"progress\":0}\n\n");
        QTest::newRow("text-id-cannot-inject-lines")
            << sseEvent("state", {}, QByteArray("1\ndata: x\r"))
            << QByteArray("id: 1data: x\nevent: state\ndata: {}\n\n");
        QTest::newRow("heartbeat-comment") << sseComment() << QByteArray(": heartbeat\n\n");
        QTest::newRow("comment-cannot-inject-lines") << sseComment("x\ndata: y") << QByteArray(": x data: y\n\n");
    }

    void sseFrames()
    {
        QFETCH(QByteArray, frame);
        QFETCH(QByteArray, expected);
        QCOMPARE(frame, expected);
    }

    void startFailsClearlyWithoutADatabase()
    {
        JobEventFeed feed("postgresql://nobody@127.0.0.1:1/none?connect_timeout=2");
        QString error;
        QVERIFY(!feed.start(&error));
        QVERIFY2(error.startsWith(QStringLiteral("cannot open the job events connection")), qPrintable(error));
        QVERIFY(!feed.isRunning());
    }

    void startReturnsOnceListeningAndResyncsAfterAReconnect()
    {
        JobEventFeed feed(m_testDb.appUrl().toStdString());
        QString error;
        QVERIFY2(feed.start(&error), qPrintable(error));
        Collected seen;
        std::atomic<int> resyncs{0};
        feed.subscribe(m_orgA, 0, [&](const JobEvent &e) { seen.add(e); }, [&] { ++resyncs; });
        // No pause: start() returned after LISTEN, so an insert committed now is seen.
        JobQueue queue(*m_db);
        EnqueueRequest request;
        request.kind = QStringLiteral("events-start");
        auto first = queue.enqueue(OrgScope{QString(), m_orgA}, request);
        QVERIFY(first);
        QVERIFY(QTest::qWaitFor([&] { return seen.snapshot().size() == 1; }, 5000));
        QCOMPARE(seen.snapshot().first().jobId, first->job.id);

        // Break the LISTEN connection: the feed re-opens it and asks subscribers to re-read.
        auto killed = m_db->withTransaction(OrgScope{}, [](pqxx::work &tx) {
            return tx.exec("SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity "
                           "WHERE query ILIKE 'LISTEN%' AND datname = current_database()")
                .at(0).at(0).as<int>();
        });
        if (!killed || *killed == 0)
            QSKIP("the app role cannot terminate the LISTEN backend here");
        QVERIFY(QTest::qWaitFor([&] { return resyncs.load() == 1; }, 10000));
        request.kind = QStringLiteral("events-after-reconnect");
        auto second = queue.enqueue(OrgScope{QString(), m_orgA}, request);
        QVERIFY(second);
        QVERIFY(QTest::qWaitFor([&] { return seen.snapshot().size() == 2; }, 5000));
        QCOMPARE(seen.snapshot().last().jobId, second->job.id);
        feed.stop();
    }

    void feedFollowsAJobToItsFinalState()
    {
        JobEventFeed feed(m_testDb.appUrl().toStdString());
        QString error;
        QVERIFY2(feed.start(&error), qPrintable(error));
        Collected orgWide, oneJob, otherOrg;
        feed.subscribe(m_orgA, 0, [&](const JobEvent &e) { orgWide.add(e); });
        feed.subscribe(m_orgB, 0, [&](const JobEvent &e) { otherOrg.add(e); });
        std::this_thread::sleep_for(std::chrono::milliseconds(300)); // the LISTEN is in place

        JobQueue queue(*m_db);
        EnqueueRequest request;
        request.kind = QStringLiteral("events-test");
        auto enqueued = queue.enqueue(OrgScope{QString(), m_orgA}, request);
        QVERIFY(enqueued);
        const qint64 id = enqueued->job.id;
        const quint64 token = feed.subscribe(m_orgA, id, [&](const JobEvent &e) { oneJob.add(e); });
        Q_UNUSED(token);

        WorkerOptions options;
        options.listenUrl = m_testDb.appUrl().toStdString();
        options.concurrency = 1;
        options.progressInterval = std::chrono::milliseconds(0);
        options.pollInterval = std::chrono::milliseconds(100);
        Worker worker(queue, options);
        worker.registerHandler(request.kind, std::make_shared<SteppingHandler>());
        QVERIFY2(worker.start(&error), qPrintable(error));

        QElapsedTimer timer;
        timer.start();
        while (timer.elapsed() < 15000) {
            const auto seen = orgWide.snapshot();
            if (!seen.isEmpty() && seen.last().isFinal())
                break;
            QTest::qWait(20);
        }
        worker.stop(std::chrono::seconds(2));
        feed.stop();

        const QList<JobEvent> seen = orgWide.snapshot();
        QStringList trace;
        for (const JobEvent &e : seen)
            trace << QStringLiteral("%1/%2").arg(e.state).arg(e.progress);
        qInfo("events: %s", qPrintable(trace.join(u' ')));
        QVERIFY2(seen.size() >= 4, qPrintable(trace.join(u' ')));
        QCOMPARE(seen.first().state, QStringLiteral("queued"));
        QCOMPARE(seen.first().jobId, id);
        QCOMPARE(seen.last().state, QStringLiteral("succeeded"));
        QVERIFY(trace.contains(QStringLiteral("running/30")));
        QVERIFY(trace.contains(QStringLiteral("running/60")));
        int last = -1;
        for (const JobEvent &e : seen) {
            if (e.state == u"running") {
                QVERIFY2(e.progress >= last, "progress never goes back");
                last = e.progress;
            }
        }
        // The job filter saw the same job's events after it subscribed; the other org saw nothing.
        const auto mine = oneJob.snapshot();
        QVERIFY(!mine.isEmpty());
        for (const JobEvent &e : mine)
            QCOMPARE(e.jobId, id);
        QCOMPARE(mine.last().state, QStringLiteral("succeeded"));
        QVERIFY(otherOrg.snapshot().isEmpty());
    }
};

QTEST_GUILESS_MAIN(TstJobsEvents)
#include "tst_jobs_events.moc"
