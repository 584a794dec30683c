// SPDX-License-Identifier: GPL-3.0-or-later
// Slidespec's job queue (JobQueue + Worker) through the phases of the queue
// benchmark (bench/queue/run.sh; the peers' scripts are in bench/peers/queue):
//   1. enqueue BENCH_QUEUE_JOBS no-op jobs with JobQueue::enqueueMany (the
//      batch API: one statement per 1,000 jobs, like the peers' chunks),
//      from in-flight-many threads at once; before that, for the record,
//      BENCH_QUEUE_SINGLE_JOBS (20,000) with JobQueue::enqueue, one job per
//      call, from as many threads (those are deleted again, not burnt);
//   2. burn them down with one Worker of concurrency = in-flight jobs
//      (prefetch left at its default, = concurrency), until the database
//      says none is active or the cap passed (a capped run's backlog is
//      then drained, not measured, before the next phase);
//   3. enqueue → handler start latency: one job every 1000/rate ms for
//      BENCH_QUEUE_LATENCY_S seconds, the worker idle and woken by NOTIFY.
// Settings from the environment, as for the peers: BENCH_QUEUE_URL (the
// owner's URL of an empty database: it is migrated here), BENCH_QUEUE_APP_ROLE,
// BENCH_QUEUE_JOBS, BENCH_QUEUE_SINGLE_JOBS, BENCH_QUEUE_CONNECTIONS, BENCH_QUEUE_IN_FLIGHT,
// BENCH_QUEUE_BURN_CAP_S, BENCH_QUEUE_RATE, BENCH_QUEUE_LATENCY_S; and for experiments with
// the worker (unset = its defaults): BENCH_QUEUE_PREFETCH, BENCH_QUEUE_MAX_PREFETCH,
// BENCH_QUEUE_COMPLETION_BATCH, BENCH_QUEUE_COMPLETION_DELAY_MS.
// Prints one RESULT line. Measures; asserts nothing.
#include "db/database.h"
#include "db/migrator.h"
#include "queue/jobqueue.h"
#include "queue/worker.h"

#include <QCoreApplication>
#include <QUrl>
#include <QUuid>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

using namespace slidespec::server;
using Clock = std::chrono::steady_clock;

namespace {

double envNumber(const char *name, double fallback)
{
    const char *value = std::getenv(name);
    return value && *value ? std::atof(value) : fallback;
}

double epochMs()
{
    return std::chrono::duration<double, std::milli>(std::chrono::system_clock::now().time_since_epoch()).count();
}

double secondsSince(Clock::time_point start)
{
    return std::chrono::duration<double>(Clock::now() - start).count();
}

double percentile(const std::vector<double> &sorted, double p)
{
    if (sorted.empty())
        return NAN;
    const auto rank = static_cast<std::size_t>(std::ceil(p / 100.0 * double(sorted.size())));
    return sorted[std::clamp<std::size_t>(rank, 1, sorted.size()) - 1];
}

class BurnHandler : public JobHandler
{
public:
    std::atomic<qint64> runs{0};
    JobOutcome run(JobContext &) override
    {
        ++runs;
        return JobOutcome::success();
    }
};

class LatencyHandler : public JobHandler
{
public:
    JobOutcome run(JobContext &context) override
    {
        const double latency = epochMs() - context.payload().value(QStringLiteral("t")).toDouble();
        std::lock_guard lock(mutex);
        latencies.push_back(latency);
        return JobOutcome::success();
    }
    std::mutex mutex;
    std::vector<double> latencies;
};

// Jobs still queued, running or retrying, from the depth query.
qint64 activeJobs(JobQueue &queue)
{
    const auto depth = queue.depth();
    if (!depth)
        return -1;
    qint64 active = 0;
    for (const auto &row : *depth) {
        if (isActiveJobState(row.state))
            active += row.jobs;
    }
    return active;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const char *ownerUrl = std::getenv("BENCH_QUEUE_URL");
    if (!ownerUrl || !*ownerUrl) {
        std::fprintf(stderr, "BENCH_QUEUE_URL is not set (bench/queue/run.sh sets it)\n");
        return 2;
    }
    const char *roleEnv = std::getenv("BENCH_QUEUE_APP_ROLE");
    const QString appRole = roleEnv && *roleEnv ? QString::fromUtf8(roleEnv) : QStringLiteral("slidespec_app");
    const auto jobs = static_cast<qint64>(envNumber("BENCH_QUEUE_JOBS", 200000));
    const int connections = int(envNumber("BENCH_QUEUE_CONNECTIONS", 10));
    const int inFlight = int(envNumber("BENCH_QUEUE_IN_FLIGHT", 8));
    const double burnCap = envNumber("BENCH_QUEUE_BURN_CAP_S", 120);
    const double rate = envNumber("BENCH_QUEUE_RATE", 500);
    const double latencySeconds = envNumber("BENCH_QUEUE_LATENCY_S", 20);

    const auto report = Migrator(QString::fromUtf8(ownerUrl), appRole).migrate();
    if (!report.ok) {
        std::fprintf(stderr, "migrating %s failed: %s\n", ownerUrl, qPrintable(report.error));
        return 1;
    }
    QUrl url(QString::fromUtf8(ownerUrl));
    url.setUserName(appRole);
    const std::string appUrl = url.toString().toStdString();

    // The worker's pool (concurrency + 1) and its LISTEN connection make up the connections.
    Database::Options options;
    options.url = appUrl;
    options.poolSize = connections - 1;
    options.applicationName = "bench_queue";
    Database db(options);
    JobQueue queue(db);

    const QString org = QUuid::createUuid().toString(QUuid::WithoutBraces);
    const OrgScope scope{QString(), org};
    const auto created = db.withTransaction(scope, [&](pqxx::work &tx) {
        tx.exec_params("INSERT INTO orgs (id, name, slug) VALUES ($1::uuid, 'bench', $2)", org.toStdString(),
                       "bench-" + org.left(8).toStdString());
    });
    if (!created) {
        std::fprintf(stderr, "creating the org failed: %s\n", qPrintable(created.error().message));
        return 1;
    }

    // 1a. enqueue, one job per call (the single-row figure; deleted afterwards)
    const auto singleJobs = static_cast<qint64>(envNumber("BENCH_QUEUE_SINGLE_JOBS", 20000));
    std::atomic<qint64> next{0};
    std::atomic<qint64> failures{0};
    auto start = Clock::now();
    {
        std::vector<std::thread> producers;
        for (int i = 0; i < inFlight; ++i) {
            producers.emplace_back([&] {
                EnqueueRequest request;
                request.kind = QStringLiteral("single");
                while (next.fetch_add(1) < singleJobs) {
                    if (!queue.enqueue(scope, request))
                        ++failures;
                }
            });
        }
        for (auto &t : producers)
            t.join();
    }
    const double singleS = secondsSince(start);
    std::fprintf(stderr, "[slidespec] enqueued %lld one per call in %.2f s (%lld failed)\n",
                 static_cast<long long>(singleJobs), singleS, static_cast<long long>(failures.load()));
    db.withTransaction(scope, [&](pqxx::work &tx) { tx.exec("DELETE FROM jobs WHERE kind = 'single'"); });

    // 1b. enqueue in batches of 1,000 (enqueueMany: one statement per batch)
    constexpr qint64 chunk = 1000;
    next = 0;
    start = Clock::now();
    {
        std::vector<std::thread> producers;
        for (int i = 0; i < inFlight; ++i) {
            producers.emplace_back([&] {
                EnqueueRequest request;
                request.kind = QStringLiteral("burn");
                for (;;) {
                    const qint64 first = next.fetch_add(chunk);
                    if (first >= jobs)
                        break;
                    const QList<EnqueueRequest> batch(qsizetype(std::min(chunk, jobs - first)), request);
                    if (!queue.enqueueMany(scope, batch))
                        failures += qint64(batch.size());
                }
            });
        }
        for (auto &t : producers)
            t.join();
    }
    const double enqueueS = secondsSince(start);
    std::fprintf(stderr, "[slidespec] enqueued %lld in batches of %lld in %.2f s (%lld failed)\n",
                 static_cast<long long>(jobs), static_cast<long long>(chunk), enqueueS,
                 static_cast<long long>(failures.load()));

    // 2. burn-down
    auto burn = std::make_shared<BurnHandler>();
    auto latency = std::make_shared<LatencyHandler>();
    WorkerOptions workerOptions;
    workerOptions.listenUrl = appUrl;
    workerOptions.concurrency = inFlight;
    // Knobs for experiments; unset = the Worker's defaults.
    workerOptions.prefetch = int(envNumber("BENCH_QUEUE_PREFETCH", workerOptions.prefetch));
    workerOptions.maxPrefetch = int(envNumber("BENCH_QUEUE_MAX_PREFETCH", workerOptions.maxPrefetch));
    workerOptions.completionBatch = int(envNumber("BENCH_QUEUE_COMPLETION_BATCH", workerOptions.completionBatch));
    workerOptions.completionDelay = std::chrono::milliseconds(
        qint64(envNumber("BENCH_QUEUE_COMPLETION_DELAY_MS", double(workerOptions.completionDelay.count()))));
    Worker worker(queue, workerOptions);
    worker.registerHandler(QStringLiteral("burn"), burn);
    worker.registerHandler(QStringLiteral("lat"), latency);
    start = Clock::now();
    QString error;
    if (!worker.start(&error)) {
        std::fprintf(stderr, "the worker did not start: %s\n", qPrintable(error));
        return 1;
    }
    bool finished = false;
    while (secondsSince(start) < burnCap) {
        if (burn->runs.load() >= jobs && activeJobs(queue) == 0) {
            finished = true;
            break;
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
    const double burnS = secondsSince(start);
    const qint64 burned = finished ? jobs : jobs - std::max<qint64>(0, activeJobs(queue));
    const auto burnStats = worker.stats();
    std::fprintf(stderr, "[slidespec] burned %lld in %.2f s%s: %llu claims (%.1f jobs each), %llu completion writes (%.1f each)\n",
                 static_cast<long long>(burned), burnS, finished ? "" : " (capped)",
                 static_cast<unsigned long long>(burnStats.claims),
                 double(burnStats.claimed) / double(std::max<std::uint64_t>(1, burnStats.claims)),
                 static_cast<unsigned long long>(burnStats.completionWrites),
                 double(burnStats.succeeded) / double(std::max<std::uint64_t>(1, burnStats.completionWrites)));

    // A capped burn-down leaves a backlog: drain it (not measured) so the
    // latency phase starts with an idle worker.
    const auto drainStart = Clock::now();
    while (activeJobs(queue) != 0 && secondsSince(drainStart) < 600)
        std::this_thread::sleep_for(std::chrono::milliseconds(100));

    // 3. latency at a steady rate
    const auto total = static_cast<qint64>(rate * latencySeconds);
    std::vector<double> enqueueCallMs; // how much of the latency is the enqueue call itself
    enqueueCallMs.reserve(std::size_t(std::max<qint64>(0, total)));
    start = Clock::now();
    for (qint64 i = 0; i < total; ++i) {
        const auto due = start + std::chrono::duration_cast<Clock::duration>(std::chrono::duration<double>(double(i) / rate));
        std::this_thread::sleep_until(due);
        EnqueueRequest request;
        request.kind = QStringLiteral("lat");
        request.payload = {{QStringLiteral("t"), epochMs()}};
        const auto callStart = Clock::now();
        if (!queue.enqueue(scope, request))
            ++failures;
        enqueueCallMs.push_back(std::chrono::duration<double, std::milli>(Clock::now() - callStart).count());
    }
    std::sort(enqueueCallMs.begin(), enqueueCallMs.end());
    std::fprintf(stderr, "[slidespec] the enqueue call itself: p50 %.1f / p95 %.1f / p99 %.1f ms\n",
                 percentile(enqueueCallMs, 50), percentile(enqueueCallMs, 95), percentile(enqueueCallMs, 99));
    const auto waitStart = Clock::now();
    std::vector<double> sorted;
    while (secondsSince(waitStart) < 60) {
        {
            std::lock_guard lock(latency->mutex);
            if (qint64(latency->latencies.size()) >= total) {
                sorted = latency->latencies;
                break;
            }
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
    worker.stop(std::chrono::seconds(5));
    if (sorted.empty()) {
        std::lock_guard lock(latency->mutex);
        sorted = latency->latencies;
    }
    std::sort(sorted.begin(), sorted.end());

    std::printf("RESULT system=slidespec jobs=%lld enqueue_s=%.2f enqueue_rate=%.0f single_jobs=%lld single_rate=%.0f"
                " burn_jobs=%lld burn_s=%.2f burn_rate=%.0f burn_capped=%d enqueue_failures=%lld lat_n=%zu"
                " p50_ms=%.1f p95_ms=%.1f p99_ms=%.1f\n",
                static_cast<long long>(jobs), enqueueS, double(jobs) / enqueueS, static_cast<long long>(singleJobs),
                double(singleJobs) / singleS, static_cast<long long>(burned), burnS, double(burned) / burnS,
                finished ? 0 : 1, static_cast<long long>(failures.load()), sorted.size(), percentile(sorted, 50),
                percentile(sorted, 95), percentile(sorted, 99));
    return 0;
}
