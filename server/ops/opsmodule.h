// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "ops/auditlog.h"
#include "ops/ratelimits.h"
#include "ops/usage.h"
#include "ops/webhookdispatcher.h"
#include "ops/webhooks.h"

#include <memory>

namespace slidespec::server {

class MetricsRegistry;
class Router;
class Service;

/*!
 * \brief The operating features as one object: audit log, usage and
 * quotas, webhooks (with their delivery worker) and the rate limits of the
 * expensive endpoints. Keep it alive as long as the router.
 *
 * Routes (docs/operations.md), all under /api/v1/orgs/{orgId}:
 * GET audit (audit.read); GET usage (usage.read); POST/GET webhooks,
 * GET/PATCH/DELETE webhooks/{webhookId}, GET webhooks/{webhookId}/deliveries,
 * POST webhooks/{webhookId}/test (webhooks.manage).
 */
class OpsModule
{
public:
    /*!
     * \a db serves the routes; \a workerDb is what the webhook worker's own
     * pool connects with (usually db.options()).
     */
    OpsModule(Database &db, Database::Options workerDb, WebhookConfig webhookConfig, MetricsRegistry *metrics = nullptr);
    ~OpsModule();
    OpsModule(const OpsModule &) = delete;
    OpsModule &operator=(const OpsModule &) = delete;

    /*! Registers the routes on \a router. False when the router refused one. */
    bool install(Router &router);

    AuditLog &audit() { return m_audit; }
    Usage &usage() { return m_usage; }
    Webhooks &webhooks() { return m_webhooks; }
    RateLimits &rateLimits() { return m_rateLimits; }
    WebhookDispatcher &dispatcher() { return *m_dispatcher; }

private:
    AuditLog m_audit;
    Usage m_usage;
    Webhooks m_webhooks;
    RateLimits m_rateLimits;
    std::unique_ptr<WebhookDispatcher> m_dispatcher;
};

/*!
 * \brief Installs the operating features on \a service (what installModules()
 * calls): routes on its router, the refusal and delivery metrics on its
 * registry, the webhook configuration from the service's ServerConfig
 * (--webhook-* / SLIDESPEC_WEBHOOK_*, refused at start-up when malformed;
 * a ServerConfig filled in by hand falls back to the variables), and starts
 * the webhook delivery worker. The module lives as long as the service (Service::adopt);
 * returned so other modules can use its rate limits and services.
 */
OpsModule &installOps(Service &service);

} // namespace slidespec::server
