// SPDX-License-Identifier: GPL-3.0-or-later
// The job queue and its workers against a database of their own on the
// PostgreSQL scripts/pg.sh starts (from SLIDESPEC_TEST_DATABASE_URL, the app role,
// and SLIDESPEC_TEST_MIGRATION_DATABASE_URL, the owner), with worker
// processes (queue_helpers/queue_worker) for SIGKILL and SIGTERM.
#include "db/database.h"
#include "db/migrator.h"
#include "queue/jobqueue.h"
#include "queue/worker.h"
#include "sandbox/sandbox.h"
#include "serverfixture.h"

#include <QElapsedTimer>
#include <QProcess>
#include <QSet>
#include <QTest>
#include <QThread>
#include <QUrl>
#include <QUuid>

#include <pqxx/connection>
#include <pqxx/nontransaction>
#include <pqxx/notification>

#include <atomic>
#include <barrier>
#include <numeric>
#include <thread>

#include <csignal>

using namespace slidespec::server;
using namespace std::chrono_literals;

Q_DECLARE_METATYPE(slidespec::server::JobState)

namespace {

QString newUuid()
{
    return QUuid::createUuid().toString(QUuid::WithoutBraces);
}

// Handlers the tests register.

class CountingHandler : public JobHandler
{
public:
    std::atomic<int> runs{0};
    JobOutcome run(JobContext &) override
    {
        ++runs;
        return JobOutcome::success({{QStringLiteral("ok"), true}});
    }
};

// Fails until told to succeed (or its first `failures` runs).
class FlakyHandler : public JobHandler
{
public:
    explicit FlakyHandler(int failures) : m_failures(failures) {}
    std::atomic<int> runs{0};
    std::atomic<bool> succeedNow{false};
    JobOutcome run(JobContext &context) override
    {
        const int n = ++runs;
        if (succeedNow || (m_failures >= 0 && n > m_failures))
            return JobOutcome::success({{QStringLiteral("attempt"), context.job().attempts}});
        return JobOutcome::failure(QStringLiteral("flaky failure %1").arg(n));
    }

private:
    int m_failures;
};

// Runs until cancelled (or payload.ms); records when it saw the cancel.
class HoldHandler : public JobHandler
{
public:
    std::atomic<int> started{0};
    std::atomic<bool> sawCancel{false};
    std::atomic<qint64> cancelSeenAtMs{-1};
    JobOutcome run(JobContext &context) override
    {
        ++started;
        const int ms = context.payload().value(QStringLiteral("ms")).toInt(60000);
        QElapsedTimer timer;
        timer.start();
        context.setProgress(50, QStringLiteral("half way"));
        while (timer.elapsed() < ms) {
            if (context.isCancelled()) {
                cancelSeenAtMs = QDateTime::currentMSecsSinceEpoch();
                sawCancel = true;
                return JobOutcome::stopped();
            }
            QThread::msleep(5);
        }
        return JobOutcome::success();
    }
};

// Runs a subprocess that never ends, in the sandbox, with the job's cancel flag.
class SandboxHangHandler : public JobHandler
{
public:
    std::atomic<int> started{0};
    SandboxResult last;
    JobOutcome run(JobContext &context) override
    {
        ++started;
        SandboxRequest request;
        request.program = QStringLiteral(SANDBOX_PROBE_PATH);
        request.arguments = {QStringLiteral("hang")};
        request.cancel = &context.cancelFlag();
        last = Sandbox::run(request);
        if (last.outcome == SandboxResult::Outcome::Cancelled)
            return JobOutcome::stopped();
        return JobOutcome::failure(last.error);
    }
};

class ThrowingHandler : public JobHandler
{
public:
    JobOutcome run(JobContext &) override { throw std::runtime_error("renderer exploded"); }
};

class PermanentHandler : public JobHandler
{
public:
    JobOutcome run(JobContext &) override { return JobOutcome::permanentFailure(QStringLiteral("deck is invalid")); }
};

} // namespace

class TstQueue : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanupTestCase();

    void backoffFormula_data();
    void backoffFormula();
    void enqueueRefusesBadInput_data();
    void enqueueRefusesBadInput();
    void dedupUnderConcurrency();
    void dedupIsPerOrgAndKind();
    void enqueueInCallersTransaction_data();
    void enqueueInCallersTransaction();
    void enqueueInTransactionDedup();
    void enqueueInTransactionRefuses_data();
    void enqueueInTransactionRefuses();
    void enqueueManyReturnsResultsInOrder();
    void enqueueManyDedup_data();
    void enqueueManyDedup();
    void enqueueManyIsAllOrNothing();
    void enqueueManyConcurrentProducersShareKeys();
    void otherOrgsJobsAreInvisible();
    void fairnessAcrossOrgs_data();
    void fairnessAcrossOrgs();
    void backoffTiming();
    void retriesThenSucceeds();
    void deadLetterAfterMaxAttemptsAndRetry();
    void handlerErrors_data();
    void handlerErrors();
    void cancelQueued();
    void cancelRunning();
    void cancelRunningKillsItsSubprocess();
    void notifyWakesAnIdleWorker();
    void pollingPicksUpDelayedJobs();
    void lostLeaseDropsTheOutcome();
    void leaseRescueAfterSigkill();
    void gracefulStop_data();
    void gracefulStop();
    void sigtermReleasesInFlightJobs();
    void burnDownRunsEachJobOnce_data();
    void burnDownRunsEachJobOnce();
    void completeManyChecksEachLease();
    void batchedChangesNotifyEveryJob();
    void heartbeatsAndCompletionBatchesDoNotDeadlock();
    void depthAndPrune();

private:
    OrgScope scopeA() const { return OrgScope{QString(), m_orgA}; }
    OrgScope scopeB() const { return OrgScope{QString(), m_orgB}; }
    void ownerExec(const std::string &sql);
    std::unique_ptr<Worker> startWorker(const QString &kind, std::shared_ptr<JobHandler> handler,
                                        WorkerOptions options = {});
    std::optional<Job> waitFor(const OrgScope &scope, qint64 id, JobState state, int timeoutMs);
    Job mustGet(const OrgScope &scope, qint64 id);
    qint64 enqueue(const OrgScope &scope, const QString &kind, QJsonObject payload = {}, int maxAttempts = 5);
    QString createOrg(const QString &name);

    test::TestDatabase m_testDb; //!< this test's own database (declared first: dropped last)
    std::string m_appUrl;
    std::string m_ownerUrl;
    std::unique_ptr<Database> m_db;
    std::unique_ptr<JobQueue> m_queue;
    QString m_orgA;
    QString m_orgB;
};

void TstQueue::ownerExec(const std::string &sql)
{
    // The owner is subject to the forced RLS too: the jobs_trusted policy
    // lets it through with the setting the SECURITY DEFINER functions use.
    pqxx::connection c(m_ownerUrl);
    pqxx::nontransaction n(c);
    n.exec("SELECT set_config('app.trusted_function', 'on', false)");
    n.exec(sql);
}

QString TstQueue::createOrg(const QString &name)
{
    const QString id = newUuid();
    const auto r = m_db->withTransaction(OrgScope{QString(), id}, [&](pqxx::work &tx) {
        tx.exec_params("INSERT INTO orgs (id, name, slug) VALUES ($1::uuid, $2, $3)", id.toStdString(),
                       name.toStdString(), ("queue-test-" + id.left(8) + "-" + name).toLower().toStdString());
    });
    if (!r)
        qWarning("cannot create org %s: %s", qPrintable(name), qPrintable(r.error().message));
    return r ? id : QString();
}

void TstQueue::initTestCase()
{
    // A database of its own (from SLIDESPEC_TEST_DATABASE_URL and SLIDESPEC_TEST_MIGRATION_DATABASE_URL).
    const QString appRole = QUrl(qEnvironmentVariable("SLIDESPEC_TEST_DATABASE_URL")).userName();
    QString error;
    QVERIFY2(m_testDb.createMigrated(QStringLiteral("queue"), appRole.isEmpty() ? QStringLiteral("slidespec_app") : appRole,
                                     &error),
             qPrintable(error));
    m_appUrl = m_testDb.appUrl().toStdString();
    m_ownerUrl = m_testDb.ownerUrl().toStdString();

    Database::Options options;
    options.url = m_appUrl;
    options.poolSize = 24;
    options.applicationName = "tst_queue";
    m_db = std::make_unique<Database>(options);
    m_queue = std::make_unique<JobQueue>(*m_db, BackoffPolicy{100ms, 2s});
    m_orgA = createOrg(QStringLiteral("a"));
    m_orgB = createOrg(QStringLiteral("b"));
    QVERIFY(!m_orgA.isEmpty() && !m_orgB.isEmpty());
}

void TstQueue::init()
{
    // Every test function starts with an empty queue.
    ownerExec("TRUNCATE jobs");
}

void TstQueue::cleanupTestCase()
{
    if (!m_db)
        return;
    for (const auto &org : {m_orgA, m_orgB}) {
        if (!org.isEmpty())
            m_db->withTransaction(OrgScope{QString(), org}, [&](pqxx::work &tx) {
                tx.exec_params("DELETE FROM orgs WHERE id = $1::uuid", org.toStdString());
            });
    }
}

std::unique_ptr<Worker> TstQueue::startWorker(const QString &kind, std::shared_ptr<JobHandler> handler,
                                              WorkerOptions options)
{
    options.listenUrl = m_appUrl;
    auto worker = std::make_unique<Worker>(*m_queue, options);
    worker->registerHandler(kind, std::move(handler));
    QString error;
    if (!worker->start(&error))
        qWarning("worker did not start: %s", qPrintable(error));
    return worker;
}

Job TstQueue::mustGet(const OrgScope &scope, qint64 id)
{
    const auto job = m_queue->get(scope, id);
    if (!job || !job->has_value()) {
        qWarning("job %lld not readable", static_cast<long long>(id));
        return Job();
    }
    return **job;
}

std::optional<Job> TstQueue::waitFor(const OrgScope &scope, qint64 id, JobState state, int timeoutMs)
{
    QElapsedTimer timer;
    timer.start();
    while (timer.elapsed() < timeoutMs) {
        const auto job = m_queue->get(scope, id);
        if (job && job->has_value() && (*job)->state == state)
            return **job;
        QThread::msleep(10);
    }
    return std::nullopt;
}

qint64 TstQueue::enqueue(const OrgScope &scope, const QString &kind, QJsonObject payload, int maxAttempts)
{
    EnqueueRequest request;
    request.kind = kind;
    request.payload = std::move(payload);
    request.maxAttempts = maxAttempts;
    const auto r = m_queue->enqueue(scope, request);
    if (!r) {
        qWarning("enqueue failed: %s", qPrintable(r.error().message));
        return 0;
    }
    return r->job.id;
}

// --- the formula -------------------------------------------------------------

void TstQueue::backoffFormula_data()
{
    QTest::addColumn<int>("attempt");
    QTest::addColumn<double>("u");
    QTest::addColumn<qint64>("expectedMs");
    // base 2 s, cap 1 h (the defaults)
    QTest::newRow("attempt 1 draws up to the base") << 1 << 0.5 << qint64(1000);
    QTest::newRow("attempt 2 doubles the ceiling") << 2 << 0.5 << qint64(2000);
    QTest::newRow("attempt 5: base x 16") << 5 << 0.999 << qint64(31968);
    QTest::newRow("u = 0 is no wait (full jitter)") << 3 << 0.0 << qint64(0);
    QTest::newRow("attempt 20 is capped at an hour") << 20 << 1.0 << qint64(3600000);
    QTest::newRow("attempt 1000 does not overflow") << 1000 << 0.25 << qint64(900000);
    QTest::newRow("attempt 0 counts as 1") << 0 << 1.0 << qint64(2000);
}

void TstQueue::backoffFormula()
{
    QFETCH(int, attempt);
    QFETCH(double, u);
    QFETCH(qint64, expectedMs);
    const BackoffPolicy policy;
    QCOMPARE(qint64(policy.delay(attempt, u).count()), expectedMs);
    for (int i = 0; i < 50; ++i) {
        const auto d = policy.randomDelay(attempt);
        QVERIFY(d.count() >= 0 && d <= policy.ceiling(attempt));
    }
}

// --- enqueue and dedup ---------------------------------------------------------

void TstQueue::enqueueRefusesBadInput_data()
{
    QTest::addColumn<QString>("kind");
    QTest::addColumn<int>("priority");
    QTest::addColumn<int>("maxAttempts");
    QTest::addColumn<QString>("dedupKey");
    QTest::newRow("kind with spaces and capitals") << QStringLiteral("Bad Kind") << 0 << 5 << QString();
    QTest::newRow("kind with SQL metacharacters") << QStringLiteral("x'); DROP TABLE jobs;--") << 0 << 5 << QString();
    QTest::newRow("priority above 100") << QStringLiteral("noop") << 101 << 5 << QString();
    QTest::newRow("zero attempts") << QStringLiteral("noop") << 0 << 0 << QString();
    QTest::newRow("dedup key of 201 characters") << QStringLiteral("noop") << 0 << 5 << QString(201, QLatin1Char('k'));
}

void TstQueue::enqueueRefusesBadInput()
{
    QFETCH(QString, kind);
    QFETCH(int, priority);
    QFETCH(int, maxAttempts);
    QFETCH(QString, dedupKey);
    EnqueueRequest request;
    request.kind = kind;
    request.priority = priority;
    request.maxAttempts = maxAttempts;
    request.dedupKey = dedupKey;
    const auto r = m_queue->enqueue(scopeA(), request);
    QVERIFY(!r);
    QVERIFY2(r.error().isCheckViolation(), r.error().sqlState.c_str());
    const auto all = m_queue->list(scopeA(), {});
    QVERIFY(all);
    QVERIFY2(all->isEmpty(), "nothing half-written");
}

void TstQueue::dedupUnderConcurrency()
{
    constexpr int producers = 10;
    std::barrier start(producers);
    std::vector<std::thread> threads;
    std::vector<qint64> ids(producers, 0);
    std::vector<int> created(producers, 0);
    std::atomic<int> failures{0};
    for (int i = 0; i < producers; ++i) {
        threads.emplace_back([&, i] {
            EnqueueRequest request;
            request.kind = QStringLiteral("count");
            request.dedupKey = QStringLiteral("deck-1:rev-7:pptx");
            request.payload = {{QStringLiteral("producer"), i}};
            start.arrive_and_wait();
            const auto r = m_queue->enqueue(scopeA(), request);
            if (!r) {
                ++failures;
                return;
            }
            ids[size_t(i)] = r->job.id;
            created[size_t(i)] = r->created ? 1 : 0;
        });
    }
    for (auto &t : threads)
        t.join();
    QCOMPARE(failures.load(), 0);
    QCOMPARE(QSet<qint64>(ids.begin(), ids.end()).size(), 1);
    QCOMPARE(std::accumulate(created.begin(), created.end(), 0), 1);
    const auto all = m_queue->list(scopeA(), {});
    QCOMPARE(all->size(), 1);

    // One execution.
    auto handler = std::make_shared<CountingHandler>();
    WorkerOptions options;
    options.pollInterval = 100ms;
    auto worker = startWorker(QStringLiteral("count"), handler, options);
    QVERIFY(waitFor(scopeA(), ids.front(), JobState::Succeeded, 5000));
    worker->stop(1s);
    QCOMPARE(handler->runs.load(), 1);

    // A finished job no longer holds the key: the same key makes a new job.
    EnqueueRequest again;
    again.kind = QStringLiteral("count");
    again.dedupKey = QStringLiteral("deck-1:rev-7:pptx");
    const auto next = m_queue->enqueue(scopeA(), again);
    QVERIFY(next);
    QVERIFY(next->created);
    QVERIFY(next->job.id != ids.front());
}

void TstQueue::dedupIsPerOrgAndKind()
{
    EnqueueRequest request;
    request.kind = QStringLiteral("export-pptx");
    request.dedupKey = QStringLiteral("same-key");
    const auto a = m_queue->enqueue(scopeA(), request);
    const auto b = m_queue->enqueue(scopeB(), request);
    request.kind = QStringLiteral("export-pdf");
    const auto c = m_queue->enqueue(scopeA(), request);
    QVERIFY(a && b && c);
    QVERIFY(a->created && b->created && c->created);
    QCOMPARE(QSet<qint64>({a->job.id, b->job.id, c->job.id}).size(), 3);
}

void TstQueue::enqueueInCallersTransaction_data()
{
    QTest::addColumn<bool>("commit");
    QTest::newRow("commit: the jobs and the other write land together") << true;
    QTest::newRow("rollback: neither the jobs nor the other write land") << false;
}

void TstQueue::enqueueInCallersTransaction()
{
    QFETCH(bool, commit);
    const QString userId = newUuid();
    ownerExec("INSERT INTO users (id, email, password_hash) VALUES ('" + userId.toStdString() + "', 'q-"
              + userId.left(8).toStdString() + "@example.org', 'x')");
    const OrgScope scope{userId, m_orgA};
    QList<qint64> seenInside;
    bool invisibleOutside = false;
    struct Abort : std::exception {};
    const auto r = m_db->withTransaction(scope, [&](pqxx::work &tx) {
        EnqueueRequest request;
        request.kind = QStringLiteral("export-pptx");
        request.dedupKey = QStringLiteral("deck-9:rev-1");
        const auto first = JobQueue::enqueue(tx, m_orgA, request);
        request.kind = QStringLiteral("preview");
        const auto second = JobQueue::enqueue(tx, m_orgA, request);
        seenInside = {first.job.id, second.job.id};
        if (!first.created || !second.created || first.job.createdBy != userId || first.job.orgId != m_orgA
            || first.job.state != JobState::Queued)
            throw std::runtime_error("unexpected enqueue result inside the transaction");
        // Another connection sees nothing before the commit.
        const auto outside = m_queue->list(scopeA(), {});
        invisibleOutside = outside && outside->isEmpty();
        if (!commit)
            throw Abort();
    });
    QCOMPARE(bool(r), commit);
    QVERIFY2(invisibleOutside, "uncommitted jobs are invisible to other transactions");
    QCOMPARE(seenInside.size(), 2);
    const auto all = m_queue->list(scopeA(), {});
    QVERIFY(all);
    QCOMPARE(all->size(), commit ? 2 : 0);
    if (commit) {
        QCOMPARE(mustGet(scopeA(), seenInside.at(0)).createdBy, userId);
        // Committed: the same key now answers with the existing job.
        EnqueueRequest again;
        again.kind = QStringLiteral("export-pptx");
        again.dedupKey = QStringLiteral("deck-9:rev-1");
        const auto dup = m_queue->enqueue(scopeA(), again);
        QVERIFY(dup);
        QVERIFY(!dup->created);
        QCOMPARE(dup->job.id, seenInside.at(0));
    }
    ownerExec("DELETE FROM users WHERE id = '" + userId.toStdString() + "'");
}

void TstQueue::enqueueInTransactionDedup()
{
    const qint64 existing = [&] {
        EnqueueRequest request;
        request.kind = QStringLiteral("count");
        request.dedupKey = QStringLiteral("k");
        const auto r = m_queue->enqueue(scopeA(), request);
        return r ? r->job.id : 0;
    }();
    QVERIFY(existing > 0);
    const auto r = m_db->withTransaction(scopeA(), [&](pqxx::work &tx) {
        EnqueueRequest request;
        request.kind = QStringLiteral("count");
        request.dedupKey = QStringLiteral("k");
        request.payload = {{QStringLiteral("ignored"), true}};
        const auto a = JobQueue::enqueue(tx, m_orgA, request);
        const auto b = JobQueue::enqueue(tx, m_orgA, request);
        request.dedupKey = QStringLiteral("other");
        const auto c = JobQueue::enqueue(tx, m_orgA, request);
        return QList<EnqueueResult>{a, b, c};
    });
    QVERIFY2(r, r ? "" : qPrintable(r.error().message));
    QVERIFY(!r->at(0).created && !r->at(1).created);
    QCOMPARE(r->at(0).job.id, existing);
    QCOMPARE(r->at(1).job.id, existing);
    QVERIFY2(r->at(0).job.payload.isEmpty(), "the existing job is returned unchanged");
    QVERIFY(r->at(2).created);
    QCOMPARE(m_queue->list(scopeA(), {})->size(), 2);
}

void TstQueue::enqueueInTransactionRefuses_data()
{
    QTest::addColumn<QString>("which");
    QTest::addColumn<QString>("sqlState");
    QTest::newRow("a bad kind is a check violation") << QStringLiteral("bad-kind") << QStringLiteral("23514");
    QTest::newRow("an empty org id is an invalid parameter") << QStringLiteral("no-org") << QStringLiteral("22023");
    QTest::newRow("another org than the scope's is refused by RLS") << QStringLiteral("other-org")
                                                                    << QStringLiteral("42501");
}

void TstQueue::enqueueInTransactionRefuses()
{
    QFETCH(QString, which);
    QFETCH(QString, sqlState);
    bool threw = false;
    const auto r = m_db->withTransaction(scopeB(), [&](pqxx::work &tx) {
        EnqueueRequest request;
        request.kind = which == QLatin1String("bad-kind") ? QStringLiteral("Bad Kind") : QStringLiteral("noop");
        const QString org = which == QLatin1String("no-org") ? QString()
                            : which == QLatin1String("other-org") ? m_orgA
                                                                  : m_orgB;
        try {
            JobQueue::enqueue(tx, org, request);
        } catch (const pqxx::sql_error &) {
            threw = true;
            throw;
        }
    });
    QVERIFY2(threw, "the tx-level enqueue throws the pqxx error");
    QVERIFY(!r);
    QCOMPARE(QString::fromStdString(r.error().sqlState), sqlState);
    QVERIFY(m_queue->list(scopeA(), {})->isEmpty());
    QVERIFY(m_queue->list(scopeB(), {})->isEmpty());
}

void TstQueue::enqueueManyReturnsResultsInOrder()
{
    QList<EnqueueRequest> requests;
    for (int i = 0; i < 300; ++i) {
        EnqueueRequest request;
        request.kind = i % 3 == 0 ? QStringLiteral("preview") : QStringLiteral("export-pdf");
        request.payload = {{QStringLiteral("i"), i}, {QStringLiteral("text"), QStringLiteral("quote \" and \\ and é")}};
        request.priority = (i % 201) - 100;
        request.maxAttempts = 1 + i % 100;
        if (i % 5 == 0)
            request.dedupKey = QStringLiteral("key-%1").arg(i);
        if (i % 7 == 0)
            request.delay = 60s;
        requests.append(request);
    }
    const auto before = QDateTime::currentDateTimeUtc();
    const auto r = m_queue->enqueueMany(scopeA(), requests);
    QVERIFY2(r, r ? "" : qPrintable(r.error().message));
    QCOMPARE(r->size(), requests.size());
    QSet<qint64> ids;
    for (int i = 0; i < requests.size(); ++i) {
        const auto &job = r->at(i).job;
        QVERIFY(r->at(i).created);
        QCOMPARE(job.kind, requests.at(i).kind);
        QCOMPARE(job.payload, requests.at(i).payload);
        QCOMPARE(job.priority, requests.at(i).priority);
        QCOMPARE(job.maxAttempts, requests.at(i).maxAttempts);
        QCOMPARE(job.dedupKey, requests.at(i).dedupKey);
        QCOMPARE(job.orgId, m_orgA);
        QCOMPARE(job.state, JobState::Queued);
        if (requests.at(i).delay > 0ms)
            QVERIFY(job.runAt >= before.addSecs(59));
        else
            QVERIFY(job.runAt < before.addSecs(5));
        ids.insert(job.id);
        QCOMPARE(mustGet(scopeA(), job.id).payload, requests.at(i).payload);
    }
    QCOMPARE(ids.size(), requests.size());
    QVERIFY(m_queue->enqueueMany(scopeA(), {})->isEmpty());
}

void TstQueue::enqueueManyDedup_data()
{
    // Each batch is a list of "kind/key" ("kind/" = no key); expected: the
    // index of the request whose job each request gets (-1 = an existing
    // job from before the batch) and whether it created it.
    QTest::addColumn<QStringList>("batch");
    QTest::addColumn<QList<int>>("sameAs");
    QTest::addColumn<QList<bool>>("created");
    QTest::newRow("a key repeated inside the batch makes one job, from its first request")
        << QStringList{"count/k1", "count/", "count/k1", "count/k2", "count/k1"} << QList<int>{0, 1, 0, 3, 0}
        << QList<bool>{true, true, false, true, false};
    QTest::newRow("a key held by an active job returns that job")
        << QStringList{"count/active", "count/new", "count/active"} << QList<int>{-1, 1, -1}
        << QList<bool>{false, true, false};
    QTest::newRow("a key of a finished job makes a new job")
        << QStringList{"count/finished", "count/finished"} << QList<int>{0, 0} << QList<bool>{true, false};
    QTest::newRow("the same key in two kinds is two jobs")
        << QStringList{"count/k", "preview/k", "count/k"} << QList<int>{0, 1, 0} << QList<bool>{true, true, false};
    QTest::newRow("requests without keys are never merged")
        << QStringList{"count/", "count/", "count/"} << QList<int>{0, 1, 2} << QList<bool>{true, true, true};
}

void TstQueue::enqueueManyDedup()
{
    QFETCH(QStringList, batch);
    QFETCH(QList<int>, sameAs);
    QFETCH(QList<bool>, created);
    // Before the batch: an active job with key "active", a finished one with key "finished".
    EnqueueRequest existing;
    existing.kind = QStringLiteral("count");
    existing.dedupKey = QStringLiteral("active");
    const auto active = m_queue->enqueue(scopeA(), existing);
    existing.dedupKey = QStringLiteral("finished");
    const auto finished = m_queue->enqueue(scopeA(), existing);
    QVERIFY(active && finished);
    QVERIFY(m_queue->cancel(scopeA(), finished->job.id));
    QCOMPARE(mustGet(scopeA(), finished->job.id).state, JobState::Cancelled);

    QList<EnqueueRequest> requests;
    for (int i = 0; i < batch.size(); ++i) {
        const auto parts = batch.at(i).split(QLatin1Char('/'));
        EnqueueRequest request;
        request.kind = parts.at(0);
        request.dedupKey = parts.at(1);
        request.payload = {{QStringLiteral("request"), i}};
        requests.append(request);
    }
    const auto r = m_queue->enqueueMany(scopeA(), requests);
    QVERIFY2(r, r ? "" : qPrintable(r.error().message));
    QCOMPARE(r->size(), batch.size());
    for (int i = 0; i < batch.size(); ++i) {
        const auto &result = r->at(i);
        QCOMPARE(result.created, created.at(i));
        if (sameAs.at(i) < 0) {
            QCOMPARE(result.job.id, active->job.id);
            QVERIFY2(result.job.payload.isEmpty(), "the existing job is returned unchanged");
        } else {
            QCOMPARE(result.job.id, r->at(sameAs.at(i)).job.id);
            QCOMPARE(result.job.payload.value(QStringLiteral("request")).toInt(), sameAs.at(i));
        }
        QVERIFY(result.job.id != finished->job.id);
    }
    // Jobs in the table: the two from before plus one per distinct new one.
    QSet<qint64> newIds;
    for (const auto &result : *r) {
        if (result.created)
            newIds.insert(result.job.id);
    }
    QCOMPARE(m_queue->list(scopeA(), {})->size(), 2 + newIds.size());
}

void TstQueue::enqueueManyIsAllOrNothing()
{
    QList<EnqueueRequest> requests;
    for (int i = 0; i < 10; ++i) {
        EnqueueRequest request;
        request.kind = QStringLiteral("count");
        request.dedupKey = QStringLiteral("k%1").arg(i);
        requests.append(request);
    }
    requests[7].priority = 500;
    const auto r = m_queue->enqueueMany(scopeA(), requests);
    QVERIFY(!r);
    QVERIFY2(r.error().isCheckViolation(), r.error().sqlState.c_str());
    QVERIFY2(m_queue->list(scopeA(), {})->isEmpty(), "nothing of the batch was enqueued");
    QVERIFY(!m_queue->enqueueMany(OrgScope{}, requests));
}

void TstQueue::enqueueManyConcurrentProducersShareKeys()
{
    // 10 producers, each a batch of the same 40 keys in its own order, plus
    // 5 keyless jobs: one job per key, every producer gets the same job for
    // a key, exactly one of them created it, and nobody deadlocked.
    constexpr int producers = 10;
    constexpr int keys = 40;
    std::barrier start(producers);
    std::vector<std::thread> threads;
    std::vector<QList<EnqueueResult>> results(producers);
    std::vector<QString> errors(producers);
    for (int p = 0; p < producers; ++p) {
        threads.emplace_back([&, p] {
            QList<EnqueueRequest> batch;
            for (int k = 0; k < keys; ++k) {
                EnqueueRequest request;
                request.kind = QStringLiteral("count");
                request.dedupKey = QStringLiteral("shared-%1").arg((k * 7 + p * 13) % keys);
                request.payload = {{QStringLiteral("producer"), p}};
                batch.append(request);
                if (k % 8 == p % 8) {
                    EnqueueRequest keyless;
                    keyless.kind = QStringLiteral("count");
                    batch.append(keyless);
                }
            }
            std::reverse(batch.begin() + (p % 2 ? 0 : batch.size() / 2), batch.end());
            start.arrive_and_wait();
            const auto r = m_queue->enqueueMany(scopeA(), batch);
            if (!r) {
                errors[size_t(p)] = r.error().message;
                return;
            }
            for (int i = 0; i < batch.size(); ++i) {
                if (r->at(i).job.dedupKey != batch.at(i).dedupKey)
                    errors[size_t(p)] = QStringLiteral("result %1 is for another key").arg(i);
            }
            results[size_t(p)] = *r;
        });
    }
    for (auto &t : threads)
        t.join();
    for (int p = 0; p < producers; ++p)
        QVERIFY2(errors[size_t(p)].isEmpty(), qPrintable(errors[size_t(p)]));
    QHash<QString, QSet<qint64>> idsPerKey;
    QHash<QString, int> createdPerKey;
    int keyless = 0;
    for (const auto &batch : results) {
        for (const auto &result : batch) {
            if (result.job.dedupKey.isEmpty()) {
                QVERIFY(result.created);
                ++keyless;
                continue;
            }
            idsPerKey[result.job.dedupKey].insert(result.job.id);
            createdPerKey[result.job.dedupKey] += result.created ? 1 : 0;
        }
    }
    QCOMPARE(idsPerKey.size(), keys);
    for (auto it = idsPerKey.cbegin(); it != idsPerKey.cend(); ++it) {
        QVERIFY2(it.value().size() == 1, qPrintable(it.key()));
        QVERIFY2(createdPerKey.value(it.key()) == 1, qPrintable(it.key()));
    }
    JobFilter filter;
    filter.limit = 500;
    QCOMPARE(m_queue->list(scopeA(), filter)->size(), keys + keyless);
}

void TstQueue::otherOrgsJobsAreInvisible()
{
    const qint64 id = enqueue(scopeA(), QStringLiteral("noop"));
    QVERIFY(id > 0);
    QVERIFY(m_queue->get(scopeA(), id)->has_value());
    QVERIFY(!m_queue->get(scopeB(), id)->has_value());
    QVERIFY(m_queue->list(scopeB(), {})->isEmpty());
    QVERIFY(!m_queue->cancel(scopeB(), id)->has_value());
    QCOMPARE(mustGet(scopeA(), id).state, JobState::Queued);
    // Enqueueing into another org than the scope's is refused by RLS.
    const auto wrong = m_db->withTransaction(scopeB(), [&](pqxx::work &tx) {
        tx.exec_params("INSERT INTO jobs (kind, org_id) VALUES ('noop', $1::uuid)", m_orgA.toStdString());
    });
    QVERIFY(!wrong);
}

// --- fairness ------------------------------------------------------------------

void TstQueue::fairnessAcrossOrgs_data()
{
    QTest::addColumn<int>("priorityB");
    QTest::addColumn<int>("batch");
    QTest::newRow("B's single job after A's 1,000, batch 10") << 0 << 10;
    QTest::newRow("B's job has a lower priority than A's") << -50 << 10;
    QTest::newRow("batch of 2") << 0 << 2;
}

void TstQueue::fairnessAcrossOrgs()
{
    QFETCH(int, priorityB);
    QFETCH(int, batch);
    const auto burst = m_db->withTransaction(scopeA(), [&](pqxx::work &tx) {
        tx.exec_params("INSERT INTO jobs (kind, org_id, payload) SELECT 'render', $1::uuid, jsonb_build_object('n', n)"
                       " FROM generate_series(1, 1000) n",
                       m_orgA.toStdString());
    });
    QVERIFY(burst);
    EnqueueRequest request;
    request.kind = QStringLiteral("render");
    request.priority = priorityB;
    const auto single = m_queue->enqueue(scopeB(), request);
    QVERIFY(single);

    QElapsedTimer timer;
    timer.start();
    const auto first = m_queue->claim(QStringLiteral("fair-test"), {QStringLiteral("render")}, batch, 30s);
    const qint64 claimMs = timer.elapsed();
    QVERIFY2(first, first ? "" : qPrintable(first.error().message));
    QCOMPARE(first->size(), batch);
    QSet<QString> orgs;
    bool hasB = false;
    for (const auto &job : *first) {
        orgs.insert(job.orgId);
        hasB = hasB || job.id == single->job.id;
        QCOMPARE(job.state, JobState::Running);
        QCOMPARE(job.attempts, 1);
    }
    QVERIFY2(hasB, "org B's job is in the first batch");
    QCOMPARE(orgs.size(), 2);
    qInfo("fair claim of %d out of 1,001 runnable jobs: %lld ms", batch, static_cast<long long>(claimMs));

    // The rest is A's, in order.
    const auto second = m_queue->claim(QStringLiteral("fair-test"), {QStringLiteral("render")}, batch, 30s);
    QVERIFY(second);
    for (const auto &job : *second)
        QCOMPARE(job.orgId, m_orgA);
}

// --- retries, backoff, dead letters ------------------------------------------------

void TstQueue::backoffTiming()
{
    // Claim and fail by hand, attempt after attempt: run_at lands within
    // [now, now + min(cap, base · 2^(n−1))] (base 100 ms, cap 2 s here).
    const qint64 id = enqueue(scopeA(), QStringLiteral("flaky"), {}, 6);
    QVERIFY(id > 0);
    for (int attempt = 1; attempt <= 6; ++attempt) {
        ownerExec("UPDATE jobs SET run_at = now() WHERE id = " + std::to_string(id));
        const auto claimed = m_queue->claim(QStringLiteral("w-backoff"), {QStringLiteral("flaky")}, 1, 30s);
        QVERIFY(claimed);
        QCOMPARE(claimed->size(), 1);
        QCOMPARE(claimed->first().attempts, attempt);
        const qint64 before = QDateTime::currentMSecsSinceEpoch();
        const auto state = m_queue->fail(id, QStringLiteral("w-backoff"), attempt, QStringLiteral("boom"));
        const qint64 after = QDateTime::currentMSecsSinceEpoch();
        QVERIFY(state && state->has_value());
        const Job job = mustGet(scopeA(), id);
        if (attempt == 6) {
            QCOMPARE(**state, JobState::Dead);
            QCOMPARE(job.state, JobState::Dead);
            QVERIFY(job.finishedAt.isValid());
            break;
        }
        QCOMPARE(**state, JobState::Retrying);
        const qint64 ceiling = m_queue->backoff().ceiling(attempt).count();
        const qint64 runAt = job.runAt.toMSecsSinceEpoch();
        QVERIFY2(runAt >= before - 50 && runAt <= after + ceiling + 50,
                 qPrintable(QStringLiteral("attempt %1: run_at %2 ms after the call, ceiling %3 ms")
                                .arg(attempt)
                                .arg(runAt - before)
                                .arg(ceiling)));
        QCOMPARE(job.lastError, QStringLiteral("boom"));
    }
}

void TstQueue::retriesThenSucceeds()
{
    auto handler = std::make_shared<FlakyHandler>(2);
    WorkerOptions options;
    options.pollInterval = 50ms;
    auto worker = startWorker(QStringLiteral("flaky"), handler, options);
    const qint64 id = enqueue(scopeA(), QStringLiteral("flaky"), {}, 5);
    const auto done = waitFor(scopeA(), id, JobState::Succeeded, 10000);
    worker->stop(1s);
    QVERIFY(done);
    QCOMPARE(done->attempts, 3);
    QCOMPARE(done->lastError, QStringLiteral("flaky failure 2"));
    QCOMPARE(done->result->value(QStringLiteral("attempt")).toInt(), 3);
    QCOMPARE(done->progress, 100);
}

void TstQueue::deadLetterAfterMaxAttemptsAndRetry()
{
    auto handler = std::make_shared<FlakyHandler>(-1); // fails until told otherwise
    WorkerOptions options;
    options.pollInterval = 50ms;
    auto worker = startWorker(QStringLiteral("flaky"), handler, options);
    const qint64 id = enqueue(scopeA(), QStringLiteral("flaky"), {}, 3);
    const qint64 discardId = enqueue(scopeA(), QStringLiteral("flaky"), {}, 1);
    const auto dead = waitFor(scopeA(), id, JobState::Dead, 10000);
    QVERIFY(dead);
    QCOMPARE(dead->attempts, 3);
    QVERIFY2(dead->lastError.startsWith(QStringLiteral("flaky failure ")), qPrintable(dead->lastError));
    QVERIFY(waitFor(scopeA(), discardId, JobState::Dead, 5000));

    const auto deadList = m_queue->listDead(scopeA());
    QVERIFY(deadList);
    QCOMPARE(deadList->size(), 2);
    QVERIFY(m_queue->listDead(scopeB())->isEmpty());

    // Retry from the dead letters: attempts start again, and it succeeds.
    handler->succeedNow = true;
    const auto retried = m_queue->retryDead(scopeA(), id);
    QVERIFY(retried && retried->has_value());
    QCOMPARE((*retried)->state, JobState::Queued);
    QCOMPARE((*retried)->attempts, 0);
    const auto done = waitFor(scopeA(), id, JobState::Succeeded, 5000);
    QVERIFY(done);
    QCOMPARE(done->attempts, 1);

    // Retrying a job that is not dead does nothing; another org cannot.
    QVERIFY(!m_queue->retryDead(scopeA(), id)->has_value());
    QVERIFY(!m_queue->retryDead(scopeB(), discardId)->has_value());
    QVERIFY(!*m_queue->discardDead(scopeB(), discardId));
    QVERIFY(*m_queue->discardDead(scopeA(), discardId));
    QVERIFY(!m_queue->get(scopeA(), discardId)->has_value());
    worker->stop(1s);
}

void TstQueue::handlerErrors_data()
{
    QTest::addColumn<QString>("which");
    QTest::addColumn<int>("attempts");
    QTest::addColumn<QString>("error");
    QTest::newRow("an exception fails the attempt, retried until dead")
        << QStringLiteral("throw") << 2 << QStringLiteral("the throwing handler threw: renderer exploded");
    QTest::newRow("a permanent failure is dead at once")
        << QStringLiteral("permanent") << 1 << QStringLiteral("deck is invalid");
}

void TstQueue::handlerErrors()
{
    QFETCH(QString, which);
    QFETCH(int, attempts);
    QFETCH(QString, error);
    std::shared_ptr<JobHandler> handler;
    if (which == QLatin1String("throw"))
        handler = std::make_shared<ThrowingHandler>();
    else
        handler = std::make_shared<PermanentHandler>();
    WorkerOptions options;
    options.pollInterval = 50ms;
    const QString kind = which == QLatin1String("throw") ? QStringLiteral("throwing") : QStringLiteral("permanent");
    auto worker = startWorker(kind, handler, options);
    const qint64 id = enqueue(scopeA(), kind, {}, 2);
    const auto dead = waitFor(scopeA(), id, JobState::Dead, 10000);
    worker->stop(1s);
    QVERIFY(dead);
    QCOMPARE(dead->attempts, attempts);
    QCOMPARE(dead->lastError, error);
}

// --- cancellation ------------------------------------------------------------------

void TstQueue::cancelQueued()
{
    EnqueueRequest request;
    request.kind = QStringLiteral("noop");
    request.delay = 1h;
    const auto queued = m_queue->enqueue(scopeA(), request);
    QVERIFY(queued);
    const auto cancelled = m_queue->cancel(scopeA(), queued->job.id);
    QVERIFY(cancelled && cancelled->has_value());
    QCOMPARE((*cancelled)->state, JobState::Cancelled);
    QVERIFY((*cancelled)->finishedAt.isValid());
    QVERIFY(!(*cancelled)->cancelRequested);
    // Cancelling again changes nothing; a cancelled job is never claimed.
    QCOMPARE((*m_queue->cancel(scopeA(), queued->job.id))->state, JobState::Cancelled);
    ownerExec("UPDATE jobs SET run_at = now()");
    QVERIFY(m_queue->claim(QStringLiteral("w"), {QStringLiteral("noop")}, 10, 30s)->isEmpty());
}

void TstQueue::cancelRunning()
{
    auto handler = std::make_shared<HoldHandler>();
    WorkerOptions options;
    options.pollInterval = 100ms;
    options.heartbeatInterval = 10s; // the NOTIFY must do it, not the heartbeat
    auto worker = startWorker(QStringLiteral("hold"), handler, options);
    const qint64 id = enqueue(scopeA(), QStringLiteral("hold"));
    QVERIFY(waitFor(scopeA(), id, JobState::Running, 5000));
    QTRY_COMPARE_WITH_TIMEOUT(handler->started.load(), 1, 5000);
    // Progress written by the handler is visible.
    QTRY_COMPARE_WITH_TIMEOUT(mustGet(scopeA(), id).progress, 50, 2000);
    QCOMPARE(mustGet(scopeA(), id).progressMessage, QStringLiteral("half way"));

    const qint64 cancelAt = QDateTime::currentMSecsSinceEpoch();
    const auto requested = m_queue->cancel(scopeA(), id);
    QVERIFY(requested && requested->has_value());
    QCOMPARE((*requested)->state, JobState::Running);
    QVERIFY((*requested)->cancelRequested);
    QTRY_VERIFY_WITH_TIMEOUT(handler->sawCancel.load(), 1000);
    const qint64 reaction = handler->cancelSeenAtMs.load() - cancelAt;
    QVERIFY2(reaction < 1000, qPrintable(QString::number(reaction)));
    qInfo("cancel of a running job seen by its handler after %lld ms", static_cast<long long>(reaction));
    const auto cancelled = waitFor(scopeA(), id, JobState::Cancelled, 2000);
    QVERIFY(cancelled);
    QCOMPARE(cancelled->attempts, 1);
    worker->stop(1s);
    QCOMPARE(worker->stats().cancelled, std::uint64_t(1));
}

void TstQueue::cancelRunningKillsItsSubprocess()
{
    auto handler = std::make_shared<SandboxHangHandler>();
    WorkerOptions options;
    options.pollInterval = 100ms;
    auto worker = startWorker(QStringLiteral("render"), handler, options);
    const qint64 id = enqueue(scopeA(), QStringLiteral("render"));
    QVERIFY(waitFor(scopeA(), id, JobState::Running, 5000));
    QTRY_COMPARE_WITH_TIMEOUT(handler->started.load(), 1, 5000);
    QThread::msleep(200); // the subprocess is up
    QElapsedTimer timer;
    timer.start();
    QVERIFY(m_queue->cancel(scopeA(), id));
    const auto cancelled = waitFor(scopeA(), id, JobState::Cancelled, 2000);
    const qint64 ms = timer.elapsed();
    QVERIFY(cancelled);
    QVERIFY2(ms < 1000, qPrintable(QString::number(ms)));
    worker->stop(1s);
    QCOMPARE(sandboxOutcomeName(handler->last.outcome), QStringLiteral("cancelled"));
    QCOMPARE(handler->last.signal, int(SIGKILL));
    qInfo("cancel → subprocess killed and job cancelled in %lld ms", static_cast<long long>(ms));
}

// --- waking and polling ------------------------------------------------------------

void TstQueue::notifyWakesAnIdleWorker()
{
    auto handler = std::make_shared<CountingHandler>();
    WorkerOptions options;
    options.pollInterval = 60s; // only a NOTIFY can wake it in time
    options.rescue = false;
    auto worker = startWorker(QStringLiteral("count"), handler, options);
    QThread::msleep(300); // its first claim found nothing
    QList<qint64> latencies;
    for (int i = 0; i < 20; ++i) {
        const qint64 id = enqueue(scopeA(), QStringLiteral("count"));
        const auto done = waitFor(scopeA(), id, JobState::Succeeded, 2000);
        QVERIFY2(done, "a NOTIFY woke the worker");
        latencies.append(done->startedAt.toMSecsSinceEpoch() - done->createdAt.toMSecsSinceEpoch());
    }
    worker->stop(1s);
    std::sort(latencies.begin(), latencies.end());
    qInfo("enqueue → start through NOTIFY, 20 jobs one at a time: median %lld ms, max %lld ms",
          static_cast<long long>(latencies.at(latencies.size() / 2)), static_cast<long long>(latencies.last()));
    QVERIFY(latencies.last() < 1000);
}

void TstQueue::pollingPicksUpDelayedJobs()
{
    // A delayed job sends no NOTIFY when it becomes due: the poll finds it.
    auto handler = std::make_shared<CountingHandler>();
    WorkerOptions options;
    options.pollInterval = 200ms;
    auto worker = startWorker(QStringLiteral("count"), handler, options);
    EnqueueRequest request;
    request.kind = QStringLiteral("count");
    request.delay = 500ms;
    const auto queued = m_queue->enqueue(scopeA(), request);
    QVERIFY(queued);
    QThread::msleep(300);
    QCOMPARE(mustGet(scopeA(), queued->job.id).state, JobState::Queued);
    const auto done = waitFor(scopeA(), queued->job.id, JobState::Succeeded, 3000);
    worker->stop(1s);
    QVERIFY(done);
    QVERIFY(done->startedAt >= done->runAt);
}

// --- leases --------------------------------------------------------------------------

void TstQueue::lostLeaseDropsTheOutcome()
{
    const qint64 id = enqueue(scopeA(), QStringLiteral("noop"), {}, 3);
    QCOMPARE(m_queue->claim(QStringLiteral("w-old"), {QStringLiteral("noop")}, 1, 30s)->size(), 1);
    ownerExec("UPDATE jobs SET lease_expires_at = now() - interval '1 second' WHERE id = " + std::to_string(id));
    QCOMPARE(*m_queue->rescueExpired(), 1);
    Job job = mustGet(scopeA(), id);
    QCOMPARE(job.state, JobState::Retrying);
    QCOMPARE(job.attempts, 1);
    QVERIFY(job.lastError.contains(QStringLiteral("w-old stopped renewing its lease")));
    QCOMPARE(m_queue->claim(QStringLiteral("w-new"), {QStringLiteral("noop")}, 1, 30s)->size(), 1);
    // The old worker comes back: nothing it says counts any more.
    QVERIFY(m_queue->complete(id, QStringLiteral("w-old"), {})->has_value() == false);
    QVERIFY(m_queue->heartbeat(QStringLiteral("w-old"), {id}, 30s)->isEmpty());
    QCOMPARE(m_queue->heartbeat(QStringLiteral("w-new"), {id}, 30s)->size(), 1);
    QCOMPARE(**m_queue->complete(id, QStringLiteral("w-new"), {{QStringLiteral("by"), QStringLiteral("new")}}),
             JobState::Succeeded);
    job = mustGet(scopeA(), id);
    QCOMPARE(job.attempts, 2);
    QCOMPARE(job.result->value(QStringLiteral("by")).toString(), QStringLiteral("new"));
}

void TstQueue::leaseRescueAfterSigkill()
{
    // A worker process takes the job and is killed with SIGKILL; an
    // in-process worker rescues it once the 1.5 s lease expires and runs it.
    QProcess helper;
    helper.setProgram(QStringLiteral(QUEUE_WORKER_PATH));
    helper.setArguments({QString::fromStdString(m_appUrl), QStringLiteral("1500"), QStringLiteral("300"),
                         QStringLiteral("1000")});
    helper.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    helper.start();
    QVERIFY(helper.waitForStarted(5000));
    QVERIFY(helper.waitForReadyRead(10000));
    const QByteArray ready = helper.readLine().trimmed();
    QVERIFY2(ready.startsWith("ready "), ready.constData());
    const QString helperId = QString::fromUtf8(ready.mid(6));

    const qint64 id = enqueue(scopeA(), QStringLiteral("test-hold"), {{QStringLiteral("ms"), 60000}}, 3);
    const auto running = waitFor(scopeA(), id, JobState::Running, 5000);
    QVERIFY(running);
    QCOMPARE(running->leaseOwner, helperId);
    QThread::msleep(700); // a couple of heartbeats went out
    QVERIFY(mustGet(scopeA(), id).leaseExpiresAt > running->leaseExpiresAt);

    helper.kill(); // SIGKILL
    QVERIFY(helper.waitForFinished(5000));
    const qint64 killedAt = QDateTime::currentMSecsSinceEpoch();

    auto handler = std::make_shared<HoldHandler>();
    WorkerOptions options;
    options.pollInterval = 100ms;
    options.rescueInterval = 200ms;
    auto rescuer = startWorker(QStringLiteral("test-hold"), handler, options);
    const auto done = [&]() -> std::optional<Job> {
        QElapsedTimer t;
        t.start();
        while (t.elapsed() < 10000) {
            const Job job = mustGet(scopeA(), id);
            if (job.state == JobState::Running && job.leaseOwner == rescuer->workerId())
                return job;
            QThread::msleep(20);
        }
        return std::nullopt;
    }();
    QVERIFY2(done, "the job was rescued and claimed by the other worker");
    const qint64 rescuedAfter = done->startedAt.toMSecsSinceEpoch() - killedAt;
    QCOMPARE(done->attempts, 2);
    QVERIFY(done->lastError.contains(QStringLiteral("stopped renewing its lease")));
    qInfo("SIGKILLed worker's job re-run %lld ms after the kill (lease 1500 ms, heartbeat 300 ms, rescue every 200 ms)",
          static_cast<long long>(rescuedAfter));
    QVERIFY2(rescuedAfter < 1500 + 1500, qPrintable(QString::number(rescuedAfter)));
    // Let it finish: cancel → the rescuer's handler stops, proving it runs there.
    QVERIFY(m_queue->cancel(scopeA(), id));
    QVERIFY(waitFor(scopeA(), id, JobState::Cancelled, 2000));
    rescuer->stop(1s);
}

// --- shutdown -------------------------------------------------------------------------

void TstQueue::gracefulStop_data()
{
    QTest::addColumn<int>("jobMs");
    QTest::addColumn<int>("graceMs");
    QTest::addColumn<JobState>("endState");
    QTest::addColumn<int>("attempts");
    QTest::newRow("a job shorter than the grace finishes") << 400 << 5000 << JobState::Succeeded << 1;
    QTest::newRow("a job longer than the grace is released, attempt not counted")
        << 60000 << 300 << JobState::Queued << 0;
}

void TstQueue::gracefulStop()
{
    QFETCH(int, jobMs);
    QFETCH(int, graceMs);
    QFETCH(JobState, endState);
    QFETCH(int, attempts);
    auto handler = std::make_shared<HoldHandler>();
    WorkerOptions options;
    options.pollInterval = 100ms;
    auto worker = startWorker(QStringLiteral("hold"), handler, options);
    const qint64 id = enqueue(scopeA(), QStringLiteral("hold"), {{QStringLiteral("ms"), jobMs}});
    QTRY_COMPARE_WITH_TIMEOUT(handler->started.load(), 1, 5000);
    QElapsedTimer timer;
    timer.start();
    worker->stop(std::chrono::milliseconds(graceMs));
    QVERIFY(timer.elapsed() < graceMs + 1000);
    const Job job = mustGet(scopeA(), id);
    QCOMPARE(jobStateName(job.state), jobStateName(endState));
    QCOMPARE(job.attempts, attempts);
    QVERIFY(job.leaseOwner.isEmpty());
}

void TstQueue::sigtermReleasesInFlightJobs()
{
    QProcess helper;
    helper.setProgram(QStringLiteral(QUEUE_WORKER_PATH));
    helper.setArguments({QString::fromStdString(m_appUrl), QStringLiteral("10000"), QStringLiteral("2000"),
                         QStringLiteral("300")});
    helper.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    helper.start();
    QVERIFY(helper.waitForStarted(5000));
    QVERIFY(helper.waitForReadyRead(10000));
    QVERIFY(helper.readLine().startsWith("ready "));
    const qint64 longJob = enqueue(scopeA(), QStringLiteral("test-hold"), {{QStringLiteral("ms"), 60000}});
    QVERIFY(waitFor(scopeA(), longJob, JobState::Running, 5000));
    helper.terminate(); // SIGTERM
    QVERIFY(helper.waitForFinished(5000));
    QCOMPARE(helper.exitStatus(), QProcess::NormalExit);
    QCOMPARE(helper.exitCode(), 0);
    QVERIFY(helper.readAll().contains("released=1"));
    const Job job = mustGet(scopeA(), longJob);
    QCOMPARE(job.state, JobState::Queued);
    QCOMPARE(job.attempts, 0);
}

void TstQueue::burnDownRunsEachJobOnce_data()
{
    QTest::addColumn<int>("completionBatch");
    QTest::addColumn<int>("prefetch");
    QTest::newRow("defaults: batched completions, adaptive prefetch") << 256 << -1;
    QTest::newRow("one completion per job, fixed prefetch") << 1 << 4;
}

void TstQueue::burnDownRunsEachJobOnce()
{
    // 5,000 no-op jobs in two orgs, two workers with 4 threads each claiming
    // side by side: every job succeeds after exactly one attempt, and the
    // handlers ran 5,000 times in all (SKIP LOCKED never hands a job to both).
    QFETCH(int, completionBatch);
    QFETCH(int, prefetch);
    constexpr int perOrg = 2500;
    for (const auto &scope : {scopeA(), scopeB()}) {
        const auto r = m_db->withTransaction(scope, [&](pqxx::work &tx) {
            tx.exec_params("INSERT INTO jobs (kind, org_id) SELECT 'count', $1::uuid FROM generate_series(1, $2)",
                           scope.orgId.toStdString(), perOrg);
        });
        QVERIFY(r);
    }
    auto handler = std::make_shared<CountingHandler>();
    WorkerOptions options;
    options.concurrency = 4;
    options.pollInterval = 200ms;
    options.completionBatch = completionBatch;
    options.prefetch = prefetch;
    QElapsedTimer timer;
    timer.start();
    auto worker = startWorker(QStringLiteral("count"), handler, options);
    auto second = startWorker(QStringLiteral("count"), handler, options);
    auto remaining = [&] {
        int n = 0;
        for (const auto &scope : {scopeA(), scopeB()}) {
            const auto r = m_db->withTransaction(scope, [&](pqxx::work &tx) {
                return tx.exec("SELECT count(*) FROM jobs WHERE state <> 'succeeded'")[0][0].as<int>();
            });
            n += r ? *r : 1;
        }
        return n;
    };
    while (remaining() > 0 && timer.elapsed() < 120000)
        QThread::msleep(20);
    const qint64 ms = timer.elapsed();
    worker->stop(1s);
    second->stop(1s);
    QCOMPARE(remaining(), 0);
    for (const auto *w : {worker.get(), second.get()}) {
        const auto stats = w->stats();
        qInfo("worker: %llu claimed in %llu claims, %llu succeeded in %llu writes, %llu lease lost",
              static_cast<unsigned long long>(stats.claimed), static_cast<unsigned long long>(stats.claims),
              static_cast<unsigned long long>(stats.succeeded), static_cast<unsigned long long>(stats.completionWrites),
              static_cast<unsigned long long>(stats.leaseLost));
    }
    // With a fixed prefetch both workers share the backlog. With the adaptive
    // one and no-op jobs, the worker whose prefetch grew first claims big
    // batches back to back and holds the head of the queue (SKIP LOCKED), so
    // the other may get little or nothing until its next poll: the split is
    // logged above, not asserted.
    if (prefetch >= 0)
        QVERIFY(worker->stats().succeeded > 0 && second->stats().succeeded > 0);
    QCOMPARE(worker->stats().succeeded + second->stats().succeeded, std::uint64_t(2 * perOrg));
    QCOMPARE(handler->runs.load(), 2 * perOrg);
    WorkerStats total;
    for (const auto *w : {worker.get(), second.get()}) {
        const auto stats = w->stats();
        total.claimed += stats.claimed;
        total.claims += stats.claims;
        total.succeeded += stats.succeeded;
        total.completionWrites += stats.completionWrites;
        total.leaseLost += stats.leaseLost;
    }
    QCOMPARE(total.leaseLost, std::uint64_t(0));
    if (completionBatch > 1) {
        // Successes were written in batches, and the adaptive prefetch grew
        // the claims beyond one job per thread.
        QVERIFY2(total.completionWrites < total.succeeded, qPrintable(QString::number(total.completionWrites)));
        QVERIFY2(total.claimed > total.claims * std::uint64_t(options.concurrency),
                 qPrintable(QStringLiteral("%1 jobs in %2 claims").arg(total.claimed).arg(total.claims)));
    } else {
        QCOMPARE(total.completionWrites, std::uint64_t(0));
        QVERIFY(total.claimed <= total.claims * std::uint64_t(options.concurrency + prefetch));
    }
    for (const auto &scope : {scopeA(), scopeB()}) {
        const auto attempts = m_db->withTransaction(scope, [&](pqxx::work &tx) {
            return tx.exec("SELECT count(*) FROM jobs WHERE attempts <> 1")[0][0].as<int>();
        });
        QVERIFY(attempts);
        QCOMPARE(*attempts, 0);
    }
    qInfo("burn-down of %d no-op jobs, two workers x 4 threads: %lld ms (%.0f jobs/s)", 2 * perOrg,
          static_cast<long long>(ms), 2.0 * perOrg * 1000.0 / double(std::max<qint64>(ms, 1)));
}

void TstQueue::completeManyChecksEachLease()
{
    QList<EnqueueRequest> requests(6, EnqueueRequest{QStringLiteral("noop"), {}, 0, 3, {}, 0ms});
    const auto enqueued = m_queue->enqueueMany(scopeA(), requests);
    QVERIFY(enqueued);
    const auto claimed = m_queue->claim(QStringLiteral("w-old"), {QStringLiteral("noop")}, 6, 30s);
    QVERIFY(claimed);
    QCOMPARE(claimed->size(), 6);
    QList<qint64> ids;
    for (const auto &job : *claimed)
        ids.append(job.id);
    std::sort(ids.begin(), ids.end());
    // Two jobs lose their lease and run elsewhere now; one has a cancel request.
    const qint64 lostA = ids.at(1);
    const qint64 lostB = ids.at(4);
    ownerExec("UPDATE jobs SET lease_expires_at = now() - interval '1 second' WHERE id IN ("
              + std::to_string(lostA) + "," + std::to_string(lostB) + ")");
    QCOMPARE(*m_queue->rescueExpired(), 2);
    QCOMPARE(m_queue->claim(QStringLiteral("w-new"), {QStringLiteral("noop")}, 6, 30s)->size(), 2);
    QVERIFY(m_queue->cancel(scopeA(), ids.at(2)));

    // The old worker writes all six (in reverse order, one twice, plus an id that does not exist).
    QList<JobCompletion> completions;
    for (auto it = ids.crbegin(); it != ids.crend(); ++it)
        completions.append(JobCompletion{*it, {{QStringLiteral("by"), QStringLiteral("old")}, {QStringLiteral("id"), *it}}});
    completions.append(JobCompletion{ids.at(0), {{QStringLiteral("by"), QStringLiteral("old")}, {QStringLiteral("id"), ids.at(0)}}});
    completions.append(JobCompletion{ids.last() + 1000, {}});
    const auto done = m_queue->completeMany(QStringLiteral("w-old"), completions);
    QVERIFY2(done, done ? "" : qPrintable(done.error().message));
    QList<qint64> doneIds = *done;
    std::sort(doneIds.begin(), doneIds.end());
    QCOMPARE(doneIds, (QList<qint64>{ids.at(0), ids.at(2), ids.at(3), ids.at(5)}));
    for (const qint64 id : doneIds) {
        const Job job = mustGet(scopeA(), id);
        QCOMPARE(job.state, JobState::Succeeded);
        QCOMPARE(job.progress, 100);
        QCOMPARE(job.result->value(QStringLiteral("id")).toInteger(), id);
        QVERIFY(job.leaseOwner.isEmpty());
        QVERIFY(job.finishedAt.isValid());
        QCOMPARE(job.attempts, 1);
    }
    for (const qint64 id : {lostA, lostB}) {
        const Job job = mustGet(scopeA(), id);
        QCOMPARE(job.state, JobState::Running);
        QCOMPARE(job.leaseOwner, QStringLiteral("w-new"));
        QVERIFY2(!job.result.has_value(), "the old worker's outcome changed nothing");
        QVERIFY(!job.finishedAt.isValid());
    }
    // The new owner completes them; a second write of the same jobs changes nothing.
    const QList<JobCompletion> mine{{lostA, {{QStringLiteral("by"), QStringLiteral("new")}}},
                                    {lostB, {{QStringLiteral("by"), QStringLiteral("new")}}}};
    QCOMPARE(m_queue->completeMany(QStringLiteral("w-new"), mine)->size(), 2);
    QVERIFY(m_queue->completeMany(QStringLiteral("w-new"), mine)->isEmpty());
    QCOMPARE(mustGet(scopeA(), lostA).result->value(QStringLiteral("by")).toString(), QStringLiteral("new"));
    QVERIFY(m_queue->completeMany(QStringLiteral("w-new"), {})->isEmpty());
}

void TstQueue::batchedChangesNotifyEveryJob()
{
    // Batched enqueue, claim and completion still send one job event per
    // job and change: '<org>:<id>:<state>:<progress>' (migration 0024).
    pqxx::connection listener(m_appUrl);
    QStringList events;
    struct Receiver : pqxx::notification_receiver
    {
        Receiver(pqxx::connection_base &c, QStringList &out)
            : pqxx::notification_receiver(c, "slidespec_job_events"), m_out(out) {}
        void operator()(const std::string &payload, int) override { m_out.append(QString::fromStdString(payload)); }
        QStringList &m_out;
    } receiver(listener, events);

    constexpr int n = 40;
    QList<EnqueueRequest> requests(n, EnqueueRequest{QStringLiteral("noop"), {}, 0, 3, {}, 0ms});
    const auto enqueued = m_queue->enqueueMany(scopeA(), requests);
    QVERIFY(enqueued);
    const auto claimed = m_queue->claim(QStringLiteral("w"), {QStringLiteral("noop")}, n, 30s);
    QCOMPARE(claimed->size(), n);
    QVERIFY(*m_queue->setProgress(claimed->at(0).id, QStringLiteral("w"), 40, QStringLiteral("half")));
    QList<JobCompletion> completions;
    for (const auto &job : *claimed)
        completions.append(JobCompletion{job.id, {}});
    QCOMPARE(m_queue->completeMany(QStringLiteral("w"), completions)->size(), n);

    QElapsedTimer timer;
    timer.start();
    while (events.size() < 3 * n + 1 && timer.elapsed() < 5000)
        listener.await_notification(0, 100000);
    QCOMPARE(events.size(), 3 * n + 1);
    for (const auto &result : *enqueued) {
        const QString prefix = m_orgA + QLatin1Char(':') + QString::number(result.job.id) + QLatin1Char(':');
        QStringList mine;
        for (const auto &event : events) {
            if (event.startsWith(prefix))
                mine.append(event.mid(prefix.size()));
        }
        if (result.job.id == claimed->at(0).id)
            QCOMPARE(mine, (QStringList{"queued:0", "running:0", "running:40", "succeeded:100"}));
        else
            QCOMPARE(mine, (QStringList{"queued:0", "running:0", "succeeded:100"}));
    }
}

void TstQueue::heartbeatsAndCompletionBatchesDoNotDeadlock()
{
    // A worker's heartbeat (all its jobs) and its completion batches (some
    // of them, in any order) lock rows in id order: run side by side they
    // wait for each other and never fail with a deadlock.
    constexpr int n = 400;
    QList<EnqueueRequest> requests(n, EnqueueRequest{QStringLiteral("noop"), {}, 0, 3, {}, 0ms});
    QVERIFY(m_queue->enqueueMany(scopeA(), requests));
    const auto claimed = m_queue->claim(QStringLiteral("w"), {QStringLiteral("noop")}, n, 60s);
    QCOMPARE(claimed->size(), n);
    QList<qint64> ids;
    for (const auto &job : *claimed)
        ids.append(job.id);
    std::atomic<bool> done{false};
    std::atomic<int> heartbeatErrors{0};
    QString completionError;
    std::thread heartbeats([&] {
        while (!done) {
            if (!m_queue->heartbeat(QStringLiteral("w"), ids, 60s))
                ++heartbeatErrors;
        }
    });
    int completed = 0;
    for (int first = 0; first < n; first += 20) {
        QList<JobCompletion> batch;
        for (int i = first + 19; i >= first; --i) // descending: the opposite of the heartbeat's order
            batch.append(JobCompletion{ids.at((i * 7) % n), {}});
        const auto r = m_queue->completeMany(QStringLiteral("w"), batch);
        if (!r) {
            completionError = r.error().message;
            break;
        }
        completed += int(r->size());
    }
    done = true;
    heartbeats.join();
    QVERIFY2(completionError.isEmpty(), qPrintable(completionError));
    QCOMPARE(heartbeatErrors.load(), 0);
    QCOMPARE(completed, n);
}

void TstQueue::depthAndPrune()
{
    // Three queued renders in A (one due for a while), one in B, one
    // succeeded and one dead export in A finished two hours ago.
    const qint64 old = enqueue(scopeA(), QStringLiteral("render"));
    enqueue(scopeA(), QStringLiteral("render"));
    enqueue(scopeA(), QStringLiteral("render"));
    enqueue(scopeB(), QStringLiteral("render"));
    const qint64 done = enqueue(scopeA(), QStringLiteral("export-pdf"));
    const qint64 dead = enqueue(scopeA(), QStringLiteral("export-pdf"));
    ownerExec("UPDATE jobs SET run_at = now() - interval '90 seconds' WHERE id = " + std::to_string(old));
    ownerExec("UPDATE jobs SET state = 'succeeded', finished_at = now() - interval '2 hours' WHERE id = "
              + std::to_string(done));
    ownerExec("UPDATE jobs SET state = 'dead', finished_at = now() - interval '2 hours' WHERE id = "
              + std::to_string(dead));

    const auto depth = m_queue->depth();
    QVERIFY(depth);
    QMap<QString, QueueDepth> byKey;
    for (const auto &d : *depth)
        byKey.insert(jobStateName(d.state) + QLatin1Char('/') + d.kind, d);
    QCOMPARE(byKey.size(), 3);
    QCOMPARE(byKey.value(QStringLiteral("queued/render")).jobs, qint64(4));
    QVERIFY(byKey.value(QStringLiteral("queued/render")).oldestRunnableSeconds >= 89);
    QCOMPARE(byKey.value(QStringLiteral("succeeded/export-pdf")).jobs, qint64(1));
    QCOMPARE(byKey.value(QStringLiteral("dead/export-pdf")).jobs, qint64(1));

    // Retention: the finished job goes, the dead letter stays until asked.
    QCOMPARE(*m_queue->pruneFinished(std::chrono::hours(3)), 0);
    QCOMPARE(*m_queue->pruneFinished(std::chrono::hours(1)), 1);
    QVERIFY(!m_queue->get(scopeA(), done)->has_value());
    QVERIFY(m_queue->get(scopeA(), dead)->has_value());
    QCOMPARE(*m_queue->pruneFinished(std::chrono::hours(1), true), 1);
    QVERIFY(!m_queue->get(scopeA(), dead)->has_value());
    QCOMPARE(m_queue->list(scopeA(), {})->size(), 3);
}

QTEST_GUILESS_MAIN(TstQueue)
#include "tst_queue.moc"
