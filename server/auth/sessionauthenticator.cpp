// SPDX-License-Identifier: GPL-3.0-or-later
#include "auth/sessionauthenticator.h"

#include "auth/authservices.h"
#include "auth/permissions.h"
#include "http/requestcontext.h"
#include "http/router.h"

#include "http/logging.h"

namespace slidespec::server {

namespace {

ApiError orgNotFound()
{
    return {404, QStringLiteral("orgs.not_found"), QStringLiteral("No such org."), {}};
}

} // namespace

SessionAuthenticator::SessionAuthenticator(AuthServices &services)
    : m_services(services)
{
}

AuthOutcome SessionAuthenticator::authenticate(RequestContext &context)
{
    const QByteArray header = context.header("authorization").trimmed();
    if (header.isEmpty())
        return AuthOutcome::anonymous();
    const qsizetype space = header.indexOf(' ');
    if (space <= 0 || header.left(space).toLower() != "bearer")
        return AuthOutcome::anonymous();
    const QByteArray token = header.mid(space + 1).trimmed();
    auto principal = m_services.accounts().resolveToken(token);
    if (!principal.ok())
        return AuthOutcome::failed(principal.error());
    if (!principal->has_value())
        return AuthOutcome::anonymous();
    const Principal &p = **principal;
    Identity identity;
    identity.userId = p.userId;
    identity.orgId = p.orgId;
    identity.credentialId = p.credentialId;
    identity.credentialKind =
        p.kind == Principal::Kind::ApiToken ? QStringLiteral("api_token") : QStringLiteral("session");
    if (!p.orgId.isEmpty())
        context.setOrgId(p.orgId);
    return AuthOutcome::authenticated(std::move(identity));
}

std::optional<ApiError> SessionAuthenticator::authorize(RequestContext &context, const QString &permission)
{
    if (!context.identity())
        return ApiError::unauthorized();
    if (!isKnownAction(permission)) {
        logging::error(QStringLiteral("route names an unknown permission"),
                       {{QStringLiteral("route"), context.route() ? context.route()->pattern : QString()},
                        {QStringLiteral("permission"), permission}});
        return ApiError::forbidden();
    }
    Identity identity = *context.identity();
    QString orgId = context.pathParam(QStringLiteral("orgId"));
    if (orgId.isEmpty())
        orgId = identity.orgId; // an API token acts in its org
    if (orgId.isEmpty()) {
        return ApiError::forbidden(
            QStringLiteral("This action needs an org: use a route under /api/v1/orgs/{orgId}."));
    }
    if (!isUuid(orgId))
        return orgNotFound();
    if (!identity.orgId.isEmpty() && identity.orgId.compare(orgId, Qt::CaseInsensitive) != 0)
        return orgNotFound(); // an API token never reaches another org

    auto role = m_services.orgs().roleOf(identity.userId, orgId);
    if (!role.ok())
        return role.error();
    if (!role->has_value())
        return orgNotFound();
    const Role r = **role;
    if (!roleAllows(r, permission)) {
        return ApiError{403, QStringLiteral("auth.forbidden"),
                        QStringLiteral("Your role (%1) does not allow %2 in this org.").arg(roleName(r), permission),
                        {{QStringLiteral("permission"), permission}, {QStringLiteral("role"), roleName(r)}}};
    }
    context.setOrgId(orgId.toLower());
    identity.extra.insert(QStringLiteral("role"), roleName(r));
    context.setIdentity(std::move(identity));
    return std::nullopt;
}

} // namespace slidespec::server
