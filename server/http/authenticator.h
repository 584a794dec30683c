// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "http/apierror.h"

#include <QString>
#include <QStringList>
#include <QVariantMap>

#include <optional>

namespace slidespec::server {

class RequestContext;
struct Route;

/*!
 * \brief Who made a request, as the authenticator established it.
 */
struct Identity
{
    QString userId{};         //!< uuid text
    QString orgId{};          //!< set when the credential is scoped to one org (API token), else empty
    QString credentialId{};   //!< session or token id (never the secret itself), for the audit log
    QString credentialKind{}; //!< e.g. "session", "api_token"
    QVariantMap extra{};      //!< anything else the auth module wants handlers to see
};

/*!
 * \brief The result of Authenticator::authenticate().
 *
 * Either an identity, or nothing (the router answers 401 with the standard
 * envelope), or an error the authenticator chose (for example 429 when
 * throttled, 503 when the session store is down).
 */
struct AuthOutcome
{
    std::optional<Identity> identity{};
    std::optional<ApiError> error{};

    static AuthOutcome authenticated(Identity identity) { return {std::move(identity), std::nullopt}; }
    static AuthOutcome anonymous() { return {}; }
    static AuthOutcome failed(ApiError error) { return {std::nullopt, std::move(error)}; }
};

/*!
 * \brief The hook the router calls for routes that need (or accept)
 * authentication. The auth module installs one with Router::setAuthenticator().
 *
 * Both functions run on a worker thread (never the event loop), may use the
 * database, must be thread-safe, and must not throw (the router turns an
 * exception into a 500 anyway).
 */
class Authenticator
{
public:
    virtual ~Authenticator() = default;

    /*!
     * \brief Establishes who sent \a context's request (from its
     * Authorization header, cookie, …). Return AuthOutcome::anonymous() when
     * there is no valid credential: the router answers 401.
     */
    virtual AuthOutcome authenticate(RequestContext &context) = 0;

    /*!
     * \brief Checks that the authenticated identity may do \a permission
     * (the route's permission string, see the permission matrix) on this
     * request, typically within the org named by the {orgId} path parameter.
     * Return std::nullopt to allow, or the error to send (403, or 404 when
     * the org must not be revealed). May set the context's org id. Called
     * only for authenticated requests on routes with a non-empty permission.
     */
    virtual std::optional<ApiError> authorize(RequestContext &context, const QString &permission)
    {
        Q_UNUSED(context);
        Q_UNUSED(permission);
        return std::nullopt;
    }
};

} // namespace slidespec::server
