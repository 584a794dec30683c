// SPDX-License-Identifier: GPL-3.0-or-later
// A job worker process for tst_queue: the lease-rescue test kills it with
// SIGKILL, the shutdown test stops it with SIGTERM.
//
//   queue_worker <database-url> <lease-ms> <heartbeat-ms> <grace-ms>
//
// Handles kind "test-hold": runs until told to stop (or payload.ms
// elapsed), then succeeds. Prints "ready" once listening.
#include "queue/jobqueue.h"
#include "queue/worker.h"

#include <QCoreApplication>
#include <QThread>

#include <atomic>
#include <csignal>
#include <cstdio>
#include <cstdlib>

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

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    if (argc != 5) {
        std::fprintf(stderr, "usage: queue_worker <database-url> <lease-ms> <heartbeat-ms> <grace-ms>\n");
        return 2;
    }
    std::signal(SIGTERM, onSigterm);
    Database::Options dbOptions;
    dbOptions.url = argv[1];
    dbOptions.poolSize = 4;
    Database db(dbOptions);
    JobQueue queue(db);
    WorkerOptions options;
    options.listenUrl = argv[1];
    options.concurrency = 2;
    options.leaseDuration = std::chrono::milliseconds(std::atoi(argv[2]));
    options.heartbeatInterval = std::chrono::milliseconds(std::atoi(argv[3]));
    options.pollInterval = std::chrono::milliseconds(200);
    options.rescue = false;
    Worker worker(queue, options);
    worker.registerHandler(QStringLiteral("test-hold"), std::make_shared<HoldHandler>());
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
