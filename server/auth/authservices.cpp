// SPDX-License-Identifier: GPL-3.0-or-later
#include "auth/authservices.h"

namespace slidespec::server {

AuthServices::AuthServices(Database &db, AuthConfig config, MonotonicClock clock)
    : m_db(db)
    , m_config(std::move(config))
    , m_throttle(m_config.loginThrottle, clock)
    , m_limiter(clock)
    , m_accounts(db, m_config, m_throttle)
    , m_orgs(db, m_config)
{
    m_limiter.setLimit(authRouteClass(), m_config.authRateLimit);
}

} // namespace slidespec::server
