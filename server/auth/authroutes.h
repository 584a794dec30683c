// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <memory>

namespace slidespec::server {

class AuthServices;
class Router;
class Database;
class Service;
class SessionAuthenticator;
struct AuthConfig;
struct ServerConfig;

/*!
 * \brief Registers the account, org, member and invite routes under /api/v1
 * (docs/auth.md lists them), each with the permission the router enforces
 * through the Authenticator, and their OpenAPI schemas. Returns false when
 * the router refused a route (a duplicate; logged by the router).
 *
 * Signup, login and invite acceptance are rate limited per client address
 * (429 with Retry-After); login is also throttled per account and address.
 * Routes that manage credentials (/me/password, /me/tokens, logout, creating
 * orgs, accepting invites) need a session: an API token gets 403
 * `auth.session_required`.
 */
bool registerAuthRoutes(Router &router, AuthServices &services);

/*!
 * \brief Accounts and access as one object: the services, the
 * authenticator installed on the router, and the routes. Keep it alive as
 * long as the router.
 */
class AuthModule
{
public:
    AuthModule(Database &db, const AuthConfig &config);
    ~AuthModule();
    AuthModule(const AuthModule &) = delete;
    AuthModule &operator=(const AuthModule &) = delete;

    /*! Registers the routes and installs the authenticator on \a router. */
    bool install(Router &router);

    AuthServices &services() { return *m_services; }
    SessionAuthenticator &authenticator() { return *m_authenticator; }

private:
    std::unique_ptr<AuthServices> m_services;
    std::unique_ptr<SessionAuthenticator> m_authenticator;
};

/*!
 * \brief The auth settings for a server configuration: its public base URL
 * (for invite links); everything else at the AuthConfig defaults.
 */
AuthConfig authConfigFor(const ServerConfig &config);

/*!
 * \brief Installs accounts and access on \a service in one call (what
 * installModules() in server/http/modules.cpp calls): an AuthModule on the
 * service's database and configuration, its routes and authenticator on the
 * service's router. The module is kept alive until the process exits (the
 * Service has no place to own modules); returns it for tests.
 */
AuthModule &installAuth(Service &service);

} // namespace slidespec::server
