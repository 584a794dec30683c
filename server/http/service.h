// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "config/serverconfig.h"
#include "db/database.h"
#include "http/metrics.h"
#include "http/readiness.h"
#include "http/router.h"

#include <QString>

#include <memory>
#include <vector>

namespace slidespec::server {

class HttpServer;

/*!
 * \brief The whole server wired together: configuration, the database pool,
 * the router with the system routes, metrics, readiness, and the HTTP server.
 *
 * Feature modules (auth, storage, …) register their routes on router(), their
 * readiness checks on readiness() and their metrics on metrics() between
 * construction and start(). serverMain() does that through installModules().
 *
 * System routes (no authentication): GET /healthz, GET /readyz,
 * GET /metrics, GET /api/v1/openapi.json.
 */
class Service
{
public:
    explicit Service(ServerConfig config);
    ~Service();
    Service(const Service &) = delete;
    Service &operator=(const Service &) = delete;

    const ServerConfig &config() const { return m_config; }
    Router &router() { return m_router; }
    Database &database() { return *m_database; }
    MetricsRegistry &metrics() { return m_metrics; }
    Readiness &readiness() { return m_readiness; }

    /*! Applies pending migrations with the migration URL. */
    bool migrate(QString *error);

    /*! Listens (config's address and port). The event loop must run to serve. */
    bool start(QString *error);
    /*! The port listened on (useful with port 0). */
    quint16 port() const;
    /*! The HTTP server, once started. */
    HttpServer *httpServer() const { return m_http.get(); }

    /*! Stops accepting, lets in-flight requests finish (up to \a graceMs), closes connections. */
    bool shutdown(int graceMs);

    /*!
     * \brief Keeps a module's state (its workers, dispatchers, schedulers)
     * alive exactly as long as the service.
     *
     * Adopted states are destroyed in reverse order after the HTTP server
     * has stopped and before the database pool, metrics and router go, so a
     * module's threads never outlive what they use. Lambdas connected to
     * application signals should hold a std::weak_ptr to the state, not a
     * copy of the shared_ptr, or they keep it past the service.
     */
    void adopt(std::shared_ptr<void> state);

private:
    void addSystemRoutes();

    ServerConfig m_config;
    Router m_router;
    MetricsRegistry m_metrics;
    Readiness m_readiness;
    std::unique_ptr<Database> m_database;
    std::unique_ptr<HttpServer> m_http;
    std::vector<std::shared_ptr<void>> m_adopted; //!< module states; see adopt()
};

/*!
 * \brief Registers the feature modules (auth, storage, …) on \a service.
 * Defined in server/http/modules.cpp: the one place that lists them.
 */
void installModules(Service &service);

/*!
 * \brief The slidespec-server command line: `[serve]`, `migrate`, `--help`,
 * `--version`. Returns the process exit code.
 */
int serverMain(int argc, char **argv);

} // namespace slidespec::server
