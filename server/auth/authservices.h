// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "auth/accountservice.h"
#include "auth/authtypes.h"
#include "auth/orgservice.h"
#include "auth/throttle.h"

namespace slidespec::server {

class Database;

/*!
 * \brief Everything accounts and access need, owned in one place: the
 * configuration, the login throttle, the rate limiter (class "auth": per
 * client address on signup, login and invite acceptance) and the two
 * services. Thread-safe; must outlive the router it is registered on.
 */
class AuthServices
{
public:
    /*! \a clock drives the throttle and the rate limiter (tests pass a fake one). */
    AuthServices(Database &db, AuthConfig config, MonotonicClock clock = steadyNow);

    const AuthConfig &config() const { return m_config; }
    AccountService &accounts() { return m_accounts; }
    OrgService &orgs() { return m_orgs; }
    Database &database() { return m_db; }
    LoginThrottle &loginThrottle() { return m_throttle; }
    RateLimiter &rateLimiter() { return m_limiter; }

    /*! The rate-limiter class of the unauthenticated auth routes. */
    static QString authRouteClass() { return QStringLiteral("auth"); }

private:
    Database &m_db;
    AuthConfig m_config;
    LoginThrottle m_throttle;
    RateLimiter m_limiter;
    AccountService m_accounts;
    OrgService m_orgs;
};

} // namespace slidespec::server
