// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "auth/authtypes.h"
#include "http/serviceresult.h"
#include "auth/throttle.h"
#include "ops/auditlog.h"

#include <QByteArray>
#include <QList>
#include <QString>

#include <optional>

namespace slidespec::server {

class Database;

/*!
 * \brief Accounts, sessions and personal API tokens, on the Database pool.
 *
 * Every call is blocking (argon2id takes ~170 ms at the default parameters):
 * call it from a worker thread, never the event loop. Thread-safe. Errors
 * come back as ApiErrors ready to send; nothing throws.
 *
 * Every call that changes something records its audit event
 * (docs/operations.md) in the same transaction as the change, so both
 * commit or neither does. Its \a trail argument carries the request's side
 * of the event — client address, request id, credential kind: pass
 * `AuditEvent::fromRequest(ctx, {})` — and the service fills in the action,
 * org, actor and object. A refused call records nothing (except a failed
 * login: `account.login_failed`).
 */
class AccountService
{
public:
    AccountService(Database &db, const AuthConfig &config, LoginThrottle &throttle);

    /*! Where a request came from, for sessions and throttling. */
    struct Client
    {
        QString address;     //!< recorded with the session
        QString userAgent;   //!< recorded with the session
        QString throttleKey; //!< what the login throttle counts by (empty: the address)

        const QString &throttleAddress() const { return throttleKey.isEmpty() ? address : throttleKey; }
    };

    /*!
     * \brief Creates an account and logs it in. 400 `auth.invalid_email`,
     * `auth.weak_password`, `request.invalid_field`; 409 `auth.email_taken`.
     */
    ServiceResult<SessionGrant> signup(const QString &email, const QString &password, const QString &displayName,
                                       const Client &client, const AuditEvent &trail = {});

    /*!
     * \brief Checks the password and opens a session. Every failure (unknown
     * email, wrong password, disabled account) is the same 401
     * `auth.invalid_credentials` after the same argon2id work; throttled
     * attempts get 429 `auth.throttled` with details.retryAfter (seconds).
     * Rehashes the password when the stored hash's parameters are outdated.
     */
    ServiceResult<SessionGrant> login(const QString &email, const QString &password, const Client &client,
                                      const AuditEvent &trail = {});

    /*! Revokes the session \a sessionId of \a userId (logout). */
    ServiceResult<void> logout(const QString &userId, const QString &sessionId, const AuditEvent &trail = {});

    /*!
     * \brief The principal of a session token (`sss_…`) or API token
     * (`ssp_…`), or nullopt when it is malformed, unknown, revoked, expired
     * (idle or absolute) or its user is disabled. Database failures come back
     * as errors (503), so a database outage is not mistaken for a bad token.
     */
    ServiceResult<std::optional<Principal>> resolveToken(const QByteArray &token);

    /*! The user's profile. 404 when the user is gone. */
    ServiceResult<UserInfo> user(const QString &userId);

    /*!
     * \brief Changes the password after checking the current one (wrong
     * current password: 403 `auth.invalid_credentials`, counted by the login
     * throttle, per account and \a address), then revokes every other session of the user (the one in
     * \a keepSessionId stays; pass empty to revoke all).
     */
    ServiceResult<void> changePassword(const QString &userId, const QString &keepSessionId,
                                       const QString &currentPassword, const QString &newPassword,
                                       const QString &address, const AuditEvent &trail = {});

    /*!
     * \brief A new API token named \a name for \a orgId, which the user must
     * belong to with tokens.create (404 `orgs.not_found` otherwise, so org
     * ids are not revealed). \a expiresInDays 0: until revoked.
     */
    ServiceResult<NewApiToken> createApiToken(const QString &userId, const QString &orgId, const QString &name,
                                              int expiresInDays = 0, const AuditEvent &trail = {});

    /*! The user's API tokens, newest first, revoked ones included. */
    ServiceResult<QList<ApiTokenInfo>> listApiTokens(const QString &userId);

    /*!
     * \brief Revokes one of the user's API tokens; 404 when it is not theirs.
     * Idempotent (`token.revoked` is recorded, in the token's org, only when
     * it was live).
     */
    ServiceResult<void> revokeApiToken(const QString &userId, const QString &tokenId, const AuditEvent &trail = {});

    /*!
     * \brief The API tokens of every member for \a orgId, newest first, with
     * their owners; \a actorId needs tokens.manage there (404 when not a
     * member, 403 otherwise).
     */
    ServiceResult<QList<ApiTokenInfo>> listOrgApiTokens(const QString &actorId, const QString &orgId);

    /*! Revokes any member's API token for \a orgId (tokens.manage). Idempotent; 404 when not in the org. */
    ServiceResult<void> revokeOrgApiToken(const QString &actorId, const QString &orgId, const QString &tokenId,
                                          const AuditEvent &trail = {});

    /*!
     * \brief The user's live sessions, most recently seen first;
     * \a currentSessionId is marked current.
     */
    ServiceResult<QList<SessionInfo>> listSessions(const QString &userId, const QString &currentSessionId);

    /*!
     * \brief Revokes one of the user's sessions (a lost device); 404 when not
     * theirs. Idempotent (`account.session_revoked` only when it was live).
     */
    ServiceResult<void> revokeSession(const QString &userId, const QString &sessionId, const AuditEvent &trail = {});

    /*! How many sessions of the user are live. */
    ServiceResult<int> liveSessionCount(const QString &userId);

private:
    /*! Opens a session; records \a event (its object: the new session) in the same transaction. */
    ServiceResult<SessionGrant> openSession(const UserInfo &user, const Client &client, const AuditEvent &event);

    Database &m_db;
    const AuthConfig &m_config;
    LoginThrottle &m_throttle;
    QByteArray m_dummyHash; //!< verified against for unknown emails: same work, same time
};

} // namespace slidespec::server
