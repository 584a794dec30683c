// SPDX-License-Identifier: GPL-3.0-or-later
// The slidespec-server command line (server/app/main.cpp only calls this).
#include "db/migrator.h"
#include "http/httpserver.h"
#include "http/logging.h"
#include "http/service.h"
#include "jobs/jobsmodule.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QJsonArray>
#include <QSocketNotifier>
#include <QTextStream>

#include <csignal>
#include <sys/socket.h>
#include <unistd.h>

namespace slidespec::server {

namespace {

int g_signalFds[2] = {-1, -1};

void onSignal(int)
{
    const char c = 1;
    [[maybe_unused]] const auto n = ::write(g_signalFds[1], &c, 1);
}

void printErrors(const QStringList &errors)
{
    QTextStream err(stderr);
    for (const auto &e : errors)
        err << "slidespec-server: " << e << '\n';
}

} // namespace

int serverMain(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("slidespec-server"));
    QCoreApplication::setApplicationVersion(QStringLiteral(SLIDESPEC_SERVER_VERSION));

    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("Slidespec team server.\n\n"
                       "Commands:\n"
                       "  serve    apply pending migrations, then serve HTTP (the default)\n"
                       "  migrate  apply pending migrations and exit\n"
                       "  worker   run export/preview jobs until SIGTERM (docs/queue.md); with\n"
                       "           SLIDESPEC_WORKER_METRICS_LISTEN=127.0.0.1:9101 it also serves /metrics and /healthz\n\n"
                       "Every option can also be given as the environment variable shown; the flag wins.\n"
                       "See docs/server.md."));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addPositionalArgument(QStringLiteral("command"), QStringLiteral("serve (default), migrate or worker"),
                                 QStringLiteral("[serve|migrate|worker]"));
    ServerConfig::addOptions(parser);
    parser.process(app); // handles --help/--version, exits 1 on unknown options

    const QStringList positional = parser.positionalArguments();
    const QString command = positional.value(0, QStringLiteral("serve"));
    if (positional.size() > 1
        || (command != QLatin1String("serve") && command != QLatin1String("migrate") && command != QLatin1String("worker"))) {
        printErrors({QStringLiteral("unknown command \"%1\"; use serve, migrate or worker (see --help).")
                         .arg(positional.join(QLatin1Char(' ')))});
        return 2;
    }
    const ConfigPurpose purpose = command == QLatin1String("migrate") ? ConfigPurpose::Migrate : ConfigPurpose::Serve;

    ServerConfig config;
    QStringList errors;
    if (!ServerConfig::load(&parser, QProcessEnvironment::systemEnvironment(), purpose, &config, &errors)) {
        printErrors(errors);
        return 2;
    }
    logging::setup(config.logLevel);
    if (command == QLatin1String("worker"))
        return runJobWorker(config); // jobs/jobsmodule.h

    if (purpose == ConfigPurpose::Migrate) {
        Migrator migrator(config.migrationDatabaseUrl, config.appRole);
        const auto report = migrator.migrate();
        if (!report.ok) {
            logging::error(QStringLiteral("migration failed"), {{QStringLiteral("error"), report.error}});
            printErrors({report.error});
            return 1;
        }
        QJsonArray applied;
        for (const int v : report.applied)
            applied.append(v);
        logging::info(QStringLiteral("migrations done"),
                      {{QStringLiteral("applied"), applied}, {QStringLiteral("version"), report.currentVersion}});
        for (const int v : report.outOfOrder)
            logging::warn(QStringLiteral("migration applied out of order (numbered below one already applied)"),
                          {{QStringLiteral("version"), v}});
        return 0;
    }

    logging::info(QStringLiteral("starting"), {{QStringLiteral("version"), QStringLiteral(SLIDESPEC_SERVER_VERSION)},
                                               {QStringLiteral("config"), config.describe()}});
    Service service(config);
    installModules(service);

    QString error;
    if (!service.migrate(&error)) {
        logging::error(QStringLiteral("migration failed; not serving"), {{QStringLiteral("error"), error}});
        printErrors({error});
        return 1;
    }
    if (!service.start(&error)) {
        logging::error(QStringLiteral("cannot start"), {{QStringLiteral("error"), error}});
        printErrors({error});
        return 1;
    }
    logging::info(QStringLiteral("listening"), {{QStringLiteral("address"), config.listenAddress.toString()},
                                                {QStringLiteral("port"), service.port()},
                                                {QStringLiteral("public_url"), config.publicBaseUrl}});

    // SIGTERM/SIGINT: stop accepting, finish in-flight requests, exit 0.
    if (::socketpair(AF_UNIX, SOCK_STREAM, 0, g_signalFds) != 0) {
        printErrors({QStringLiteral("cannot create the signal pipe")});
        return 1;
    }
    QSocketNotifier notifier(g_signalFds[0], QSocketNotifier::Read);
    bool stopping = false;
    QObject::connect(&notifier, &QSocketNotifier::activated, &app, [&] {
        char c;
        [[maybe_unused]] const auto n = ::read(g_signalFds[0], &c, 1);
        if (stopping)
            return;
        stopping = true;
        logging::info(QStringLiteral("stopping: finishing in-flight requests"),
                      {{QStringLiteral("in_flight"), service.httpServer() ? service.httpServer()->inFlight() : 0}});
        const bool clean = service.shutdown(config.requestTimeoutMs + 1000);
        logging::info(QStringLiteral("stopped"), {{QStringLiteral("clean"), clean}});
        QCoreApplication::quit();
    });
    struct sigaction action = {};
    action.sa_handler = onSignal;
    sigemptyset(&action.sa_mask);
    action.sa_flags = SA_RESTART;
    ::sigaction(SIGTERM, &action, nullptr);
    ::sigaction(SIGINT, &action, nullptr);

    return app.exec();
}

} // namespace slidespec::server
