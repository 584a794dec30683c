// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "auth/crypto.h"
#include "auth/permissions.h"
#include "auth/throttle.h"

#include <QJsonObject>
#include <QString>

#include <chrono>
#include <optional>

/*!
 * \file authtypes.h
 * \brief Configuration and the plain values the account and org services
 * exchange with the HTTP layer. Times are ISO 8601 UTC strings as the API
 * sends them ("2026-11-26T01:24:39.123Z"); empty when unset.
 */

namespace slidespec::server {

/*! \brief Settings of accounts and access (docs/auth.md has the defaults' reasons). */
struct AuthConfig
{
    crypto::PasswordHashParams passwordParams;
    std::chrono::seconds sessionIdleTimeout{24 * 60 * 60};            //!< unused this long: expired
    std::chrono::seconds sessionAbsoluteLifetime{30 * 24 * 60 * 60};  //!< from login, whatever the use
    std::chrono::seconds inviteLifetime{7 * 24 * 60 * 60};
    QString publicBaseUrl = QStringLiteral("http://localhost:8080");  //!< invite links start with it
    LoginThrottleConfig loginThrottle;
    BucketLimit authRateLimit{20, 1.0};                               //!< per address: signup, login, accept
};

/*! \brief Who a credential belongs to (what the authenticator resolves). */
struct Principal
{
    enum class Kind { Session, ApiToken };
    Kind kind = Kind::Session;
    QString userId;
    QString credentialId; //!< session id or API token id
    QString orgId;        //!< API tokens: the one org they act in; sessions: empty
};

struct UserInfo
{
    QString id;
    QString email;
    QString displayName;
    QString createdAt;
    QJsonObject toJson() const;
};

/*! \brief A new session: the secret token (shown once) and its expiry. */
struct SessionGrant
{
    QString token;
    QString sessionId;
    QString expiresAt;
    UserInfo user;
    QJsonObject toJson() const;
};

/*! \brief A live login session, as its user sees it ("where am I logged in"). */
struct SessionInfo
{
    QString id;
    QString createdAt;
    QString lastSeenAt;
    QString expiresAt;
    QString userAgent;
    QString address;
    bool current = false; //!< the session making the request
    QJsonObject toJson() const;
};

struct ApiTokenInfo
{
    QString id;
    QString name;
    QString orgId;
    QString orgName;
    QString hint; //!< the first characters, e.g. "ssp_Ab3d"
    QString createdAt;
    QString lastUsedAt;
    QString expiresAt;
    QString revokedAt;
    QString userId;    //!< the token's owner (org listings)
    QString userEmail; //!< the owner's email (org listings only)
    QJsonObject toJson() const;
};

/*! \brief A new API token: its description and the secret (shown once). */
struct NewApiToken
{
    ApiTokenInfo info;
    QString token;
    QJsonObject toJson() const;
};

struct OrgInfo
{
    QString id;
    QString name;
    QString slug;
    QJsonObject settings;
    QString createdAt;
    QString updatedAt;
    std::optional<Role> role; //!< the caller's role, when known
    /*! With \a withActions, the caller's allowed actions too (`/me`). */
    QJsonObject toJson(bool withActions = false) const;
};

struct MemberInfo
{
    QString userId;
    QString email;
    QString displayName;
    Role role = Role::Viewer;
    QString joinedAt;
    QJsonObject toJson() const;
};

struct InviteInfo
{
    QString id;
    QString orgId;
    QString email;
    Role role = Role::Viewer;
    QString createdBy;
    QString createdAt;
    QString expiresAt;
    QString usedAt;
    QString revokedAt;
    QString status; //!< pending, used, revoked, expired
    QJsonObject toJson() const;
};

/*! \brief A new invite: the secret token and the link to send (shown once). */
struct NewInvite
{
    InviteInfo info;
    QString token;
    QString link;
    QJsonObject toJson() const;
};

/*! \brief The result of accepting an invite. */
struct AcceptedInvite
{
    QString orgId;
    Role role = Role::Viewer;
    bool alreadyMember = false;
    QJsonObject toJson() const;
};

/*!
 * \brief \a email trimmed, or nullopt with \a problem set when it is not a
 * plausible address (one @, something on both sides, a dot in the domain,
 * 3–254 characters, no spaces or control characters).
 */
std::optional<QString> normalizeEmail(const QString &email, QString *problem);

/*! True when \a text is a UUID in its canonical 36-character text form. */
bool isUuid(const QString &text);

} // namespace slidespec::server
