// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "http/authenticator.h"

namespace slidespec::server {

class AuthServices;

/*!
 * \brief The router's Authenticator: `Authorization: Bearer <token>` with a
 * session token (`sss_…`, from login) or a personal API token (`ssp_…`).
 *
 * authenticate() fills the Identity (credentialKind "session" or
 * "api_token"; an API token's org in Identity::orgId). authorize() checks the
 * route's permission against the caller's role in the org named by the
 * route's {orgId} parameter, using the permission matrix (permissions.h):
 * not a member, a malformed id, or an org other than an API token's own →
 * 404 `orgs.not_found` (org ids are not revealed); a member without the
 * permission → 403 `auth.forbidden` with details {permission, role}. On
 * success it sets the context's org id and puts the role in
 * Identity::extra["role"].
 */
class SessionAuthenticator : public Authenticator
{
public:
    explicit SessionAuthenticator(AuthServices &services);

    AuthOutcome authenticate(RequestContext &context) override;
    std::optional<ApiError> authorize(RequestContext &context, const QString &permission) override;

private:
    AuthServices &m_services;
};

} // namespace slidespec::server
