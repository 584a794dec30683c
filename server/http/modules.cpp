// SPDX-License-Identifier: GPL-3.0-or-later
// The one list of feature modules the server runs. Each module adds its routes
// to service.router(), its readiness checks to service.readiness() and its
// metrics to service.metrics(). Add yours here.
#include "http/service.h"

#include "auth/authroutes.h"
#include "content/contentroutes.h"
#include "ops/opsmodule.h"
#include "jobs/jobsmodule.h"
#include "jobs/jobstreams.h"
#include "maintenance/maintenance.h"

namespace slidespec::server {

void installModules(Service &service)
{
    installAuth(service); // accounts, sessions, orgs, members, invites + the authenticator (docs/auth.md)
    installOps(service); // audit log, usage and quotas, webhooks + their delivery worker, rate limits (docs/operations.md)
    installContentModule(service); // decks, brand kits, templates, assets (docs/api-content.md)
    installJobsModule(service); // exports and previews as jobs, in-process worker, queue metrics (docs/queue.md)
    installJobStreams(service); // job progress as Server-Sent Events (docs/queue.md, "Server-Sent Events")
    installMaintenanceModule(service); // the maintenance scheduler: prune jobs, expire assets, roll up usage (docs/operations.md)
}

} // namespace slidespec::server
