// SPDX-License-Identifier: GPL-3.0-or-later
#include "http/service.h"

#include "db/migrator.h"
#include "http/httpserver.h"
#include "http/logging.h"
#include "http/openapi.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>

namespace slidespec::server {

Service::Service(ServerConfig config) : m_config(std::move(config))
{
    Database::Options options;
    options.url = m_config.databaseUrl.toStdString();
    options.poolSize = m_config.dbPoolSize;
    options.acquireTimeout = std::chrono::milliseconds(m_config.dbAcquireTimeoutMs);
    options.statementTimeout = std::chrono::milliseconds(m_config.requestTimeoutMs);
    m_database = std::make_unique<Database>(std::move(options));

    auto *poolSize = m_metrics.gauge(QStringLiteral("db_pool_size"), QStringLiteral("Configured database pool size."));
    auto *poolOpen = m_metrics.gauge(QStringLiteral("db_pool_connections_open"), QStringLiteral("Database connections open."));
    auto *poolInUse = m_metrics.gauge(QStringLiteral("db_pool_connections_in_use"), QStringLiteral("Database connections leased to requests."));
    auto *poolWaits = m_metrics.counter(QStringLiteral("db_pool_waits_total"), QStringLiteral("Acquisitions that waited for a free connection."));
    auto *poolTimeouts = m_metrics.counter(QStringLiteral("db_pool_timeouts_total"), QStringLiteral("Acquisitions that gave up waiting."));
    auto *poolFailures = m_metrics.counter(QStringLiteral("db_pool_connect_failures_total"), QStringLiteral("Failed attempts to open a connection."));
    m_metrics.addCollector([this, poolSize, poolOpen, poolInUse, poolWaits, poolTimeouts, poolFailures] {
        const auto s = m_database->stats();
        poolSize->set(s.size);
        poolOpen->set(s.open);
        poolInUse->set(s.inUse);
        poolWaits->set(double(s.waits));
        poolTimeouts->set(double(s.timeouts));
        poolFailures->set(double(s.connectFailures));
    });

    m_readiness.add(QStringLiteral("database"), [this](QString *reason) {
        QString error;
        if (m_database->ping(&error))
            return true;
        *reason = QStringLiteral("the database cannot be reached");
        logging::warn(QStringLiteral("readiness: database unreachable"), {{QStringLiteral("error"), error}});
        return false;
    });

    addSystemRoutes();
}

Service::~Service()
{
    m_http.reset(); // waits for the workers before the router and pool go
    // Then the modules' own threads, newest first, while the pool and metrics they use still exist.
    while (!m_adopted.empty())
        m_adopted.pop_back();
}

void Service::adopt(std::shared_ptr<void> state)
{
    if (state)
        m_adopted.push_back(std::move(state));
}

void Service::addSystemRoutes()
{
    m_router.add({.method = "GET",
                  .pattern = QStringLiteral("/healthz"),
                  .handler = [](RequestContext &) {
                      return HttpResponse::json(QJsonObject{{QStringLiteral("status"), QStringLiteral("ok")}});
                  },
                  .auth = AuthMode::None,
                  .doc = {.summary = QStringLiteral("Liveness: the process answers"),
                          .tag = QStringLiteral("operations"),
                          .responseSchema = QStringLiteral("Health")}});
    m_router.add({.method = "GET",
                  .pattern = QStringLiteral("/readyz"),
                  .handler = [this](RequestContext &) {
                      QJsonArray checks;
                      bool ready = true;
                      for (const auto &r : m_readiness.run()) {
                          ready = ready && r.ok;
                          QJsonObject check{{QStringLiteral("name"), r.name},
                                            {QStringLiteral("ok"), r.ok},
                                            {QStringLiteral("elapsed_ms"), r.elapsedMs}};
                          if (!r.ok)
                              check.insert(QStringLiteral("reason"), r.reason);
                          checks.append(check);
                      }
                      if (ready)
                          return HttpResponse::json(QJsonObject{{QStringLiteral("status"), QStringLiteral("ready")},
                                                                {QStringLiteral("checks"), checks}});
                      return HttpResponse(ApiError{503, QStringLiteral("server.not_ready"),
                                                   QStringLiteral("The server is not ready."),
                                                   {{QStringLiteral("checks"), checks}}});
                  },
                  .auth = AuthMode::None,
                  .doc = {.summary = QStringLiteral("Readiness: the database and storage are reachable"),
                          .tag = QStringLiteral("operations"),
                          .responseSchema = QStringLiteral("Readiness"),
                          .errorStatuses = {503}}});
    m_router.add({.method = "GET",
                  .pattern = QStringLiteral("/metrics"),
                  .handler = [this](RequestContext &) {
                      return HttpResponse::bytes(QByteArrayLiteral("text/plain; version=0.0.4; charset=utf-8"),
                                                 m_metrics.render());
                  },
                  .auth = AuthMode::None,
                  .doc = {.summary = QStringLiteral("Prometheus metrics (text exposition format)"),
                          .tag = QStringLiteral("operations"),
                          .responseContentType = QStringLiteral("text/plain")}});
    m_router.add({.method = "GET",
                  .pattern = QStringLiteral("/api/v1/openapi.json"),
                  .handler = [this](RequestContext &) {
                      return HttpResponse::json(openApiDocument(m_router, m_config.publicBaseUrl,
                                                                QCoreApplication::applicationVersion().isEmpty()
                                                                    ? QStringLiteral(SLIDESPEC_SERVER_VERSION)
                                                                    : QCoreApplication::applicationVersion()));
                  },
                  .auth = AuthMode::None,
                  .doc = {.summary = QStringLiteral("This OpenAPI 3 document, generated from the route table"),
                          .tag = QStringLiteral("operations")}});

    m_router.addSchema(QStringLiteral("Health"),
                       QJsonObject{{QStringLiteral("type"), QStringLiteral("object")},
                                   {QStringLiteral("properties"),
                                    QJsonObject{{QStringLiteral("status"), QJsonObject{{QStringLiteral("type"), QStringLiteral("string")}}}}}});
    m_router.addSchema(
        QStringLiteral("Readiness"),
        QJsonObject{{QStringLiteral("type"), QStringLiteral("object")},
                    {QStringLiteral("properties"),
                     QJsonObject{{QStringLiteral("status"), QJsonObject{{QStringLiteral("type"), QStringLiteral("string")}}},
                                 {QStringLiteral("checks"),
                                  QJsonObject{{QStringLiteral("type"), QStringLiteral("array")},
                                              {QStringLiteral("items"),
                                               QJsonObject{{QStringLiteral("type"), QStringLiteral("object")},
                                                           {QStringLiteral("properties"),
                                                            QJsonObject{{QStringLiteral("name"), QJsonObject{{QStringLiteral("type"), QStringLiteral("string")}}},
                                                                        {QStringLiteral("ok"), QJsonObject{{QStringLiteral("type"), QStringLiteral("boolean")}}},
                                                                        {QStringLiteral("reason"), QJsonObject{{QStringLiteral("type"), QStringLiteral("string")}}},
                                                                        {QStringLiteral("elapsed_ms"), QJsonObject{{QStringLiteral("type"), QStringLiteral("integer")}}}}}}}}}}}});
}

bool Service::migrate(QString *error)
{
    Migrator migrator(m_config.migrationDatabaseUrl, m_config.appRole);
    const auto report = migrator.migrate();
    if (!report.ok) {
        if (error)
            *error = report.error;
        return false;
    }
    QJsonArray applied;
    for (const int v : report.applied)
        applied.append(v);
    logging::info(QStringLiteral("migrations done"),
                  {{QStringLiteral("applied"), applied}, {QStringLiteral("version"), report.currentVersion}});
    for (const int v : report.outOfOrder)
        logging::warn(QStringLiteral("migration applied out of order (numbered below one already applied)"),
                      {{QStringLiteral("version"), v}});
    return true;
}

bool Service::start(QString *error)
{
    HttpServer::Options options;
    options.maxBodyBytes = m_config.maxBodyBytes;
    options.workerThreads = m_config.workerThreads;
    options.requestTimeoutMs = m_config.requestTimeoutMs;
    options.trustedProxies = m_config.trustedProxies;
    options.maxStreams = m_config.maxEventStreams;
    options.maxStreamsPerOrg = m_config.maxEventStreamsPerOrg;
    m_http = std::make_unique<HttpServer>(m_router, m_metrics, options);
    if (!m_http->start(m_config.listenAddress, m_config.listenPort, error)) {
        m_http.reset();
        return false;
    }
    return true;
}

quint16 Service::port() const
{
    return m_http ? m_http->port() : 0;
}

bool Service::shutdown(int graceMs)
{
    if (!m_http)
        return true;
    m_http->stopAccepting();
    return m_http->drain(graceMs);
}

} // namespace slidespec::server
