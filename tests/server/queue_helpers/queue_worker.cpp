// SPDX-License-Identifier: GPL-3.0-or-later
// A job worker process for tst_queue: the lease-rescue test kills it with
// SIGKILL, the shutdown test stops it with SIGTERM.
//
//   queue_worker <database-url> <lease-ms> <heartbeat-ms> <grace-ms> [--chaos]
//
// Handles kind "test-hold": runs until told to stop (or payload.ms
// elapsed), then succeeds. Prints "ready" once listening.
//
// With --chaos (tst_queuechaos): 4 handler threads, this worker rescues
// expired leases too (every 500 ms), and kind "test-chaos" is handled: it
// records the execution in chaos_executions, works payload.ms, then writes
// its result idempotently (INSERT … ON CONFLICT (job_id) DO NOTHING into
// chaos_results; the test creates both tables).
#include "queue/jobqueue.h"
#include "queue/worker.h"

#include <QCoreApplication>
#include <QThread>

#include <atomic>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <cstring>

using namespace slidespec::server;

namespace {

std::atomic<bool> g_terminate{false};

void onSigterm(int)
{
    g_terminate = true;
}

class HoldHandler : public JobHandler
{
public:
    JobOutcome run(JobContext &context) override
    {
        const int ms = context.payload().value(QStringLiteral("ms")).toInt(60000);
        for (int waited = 0; waited < ms; waited += 10) {
            if (context.isCancelled())
                return JobOutcome::stopped();
            QThread::msleep(10);
        }
        return JobOutcome::success({{QStringLiteral("by"), QStringLiteral("helper")}});
    }
};

// Records each start, works, then stores the result once per job whatever
// how many times it runs (a killed worker's job is run again elsewhere).
class ChaosHandler : public JobHandler
{
public:
    explicit ChaosHandler(Database &db, QString workerId) : m_db(db), m_workerId(std::move(workerId)) {}

    JobOutcome run(JobContext &context) override
    {
        const qint64 id = context.job().id;
        const int attempt = context.job().attempts;
        const std::string worker = m_workerId.toStdString();
        const auto started = m_db.withTransaction([&](pqxx::work &tx) {
            tx.exec_params("INSERT INTO chaos_executions (job_id, attempt, worker) VALUES ($1, $2, $3)", id,
                           attempt, worker);
        });
        if (!started)
            return JobOutcome::failure(QStringLiteral("recording the execution: ") + started.error().message);
        const int ms = context.payload().value(QStringLiteral("ms")).toInt(100);
        for (int waited = 0; waited < ms; waited += 5) {
            if (context.isCancelled())
                return JobOutcome::stopped();
            QThread::msleep(5);
        }
        const auto stored = m_db.withTransaction([&](pqxx::work &tx) {
            tx.exec_params("INSERT INTO chaos_results (job_id, attempt, worker) VALUES ($1, $2, $3) "
                           "ON CONFLICT (job_id) DO NOTHING",
                           id, attempt, worker);
        });
        if (!stored)
            return JobOutcome::failure(QStringLiteral("storing the result: ") + stored.error().message);
        return JobOutcome::success({{QStringLiteral("attempt"), attempt}});
    }

private:
    Database &m_db;
    QString m_workerId;
};

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const bool chaos = argc == 6 && std::strcmp(argv[5], "--chaos") == 0;
    if (argc != 5 && !chaos) {
        std::fprintf(stderr, "usage: queue_worker <database-url> <lease-ms> <heartbeat-ms> <grace-ms> [--chaos]\n");
        return 2;
    }
    std::signal(SIGTERM, onSigterm);
    Database::Options dbOptions;
    dbOptions.url = argv[1];
    dbOptions.poolSize = chaos ? 9 : 4; // chaos: the handlers' own writes besides the worker's
    Database db(dbOptions);
    JobQueue queue(db);
    WorkerOptions options;
    options.listenUrl = argv[1];
    options.concurrency = 2;
    options.leaseDuration = std::chrono::milliseconds(std::atoi(argv[2]));
    options.heartbeatInterval = std::chrono::milliseconds(std::atoi(argv[3]));
    options.pollInterval = std::chrono::milliseconds(200);
    options.rescue = false;
    if (chaos) {
        options.concurrency = 4;
        options.rescue = true;
        options.rescueInterval = std::chrono::milliseconds(500);
    }
    Worker worker(queue, options);
    worker.registerHandler(QStringLiteral("test-hold"), std::make_shared<HoldHandler>());
    if (chaos)
        worker.registerHandler(QStringLiteral("test-chaos"), std::make_shared<ChaosHandler>(db, worker.workerId()));
    QString error;
    if (!worker.start(&error)) {
        std::fprintf(stderr, "%s\n", qPrintable(error));
        return 1;
    }
    std::printf("ready %s\n", qPrintable(worker.workerId()));
    std::fflush(stdout);
    while (!g_terminate)
        QThread::msleep(20);
    worker.stop(std::chrono::milliseconds(std::atoi(argv[4])));
    std::printf("stopped released=%llu succeeded=%llu\n", static_cast<unsigned long long>(worker.stats().released),
                static_cast<unsigned long long>(worker.stats().succeeded));
    return 0;
}
