// SPDX-License-Identifier: GPL-3.0-or-later
#include "auth/accountservice.h"

#include "auth/dbsupport.h"
#include "auth/passwordpolicy.h"

#include <QUuid>

namespace slidespec::server {

using namespace authdb;

namespace {

ApiError invalidCredentials()
{
    return {401, QStringLiteral("auth.invalid_credentials"), QStringLiteral("The email or password is incorrect."), {}};
}

ApiError throttled(std::chrono::seconds wait)
{
    return {429, QStringLiteral("auth.throttled"),
            QStringLiteral("Too many failed attempts; try again in %1 seconds.").arg(wait.count()),
            {{QStringLiteral("retryAfter"), qint64(wait.count())}}};
}

ApiError badField(const QString &code, const QString &field, const QString &message)
{
    return ApiError::badRequest(code, message, {{QStringLiteral("field"), field}});
}

QString newUuid()
{
    return QUuid::createUuid().toString(QUuid::WithoutBraces);
}

QString accountKey(const QString &email)
{
    return email.trimmed().toLower();
}

const std::string userColumns = "id::text, email, display_name, " + iso("created_at");

UserInfo userFromRow(const pqxx::row &row)
{
    return {q(row[0]), q(row[1]), q(row[2]), q(row[3])};
}

/*!
 * Records `account.login_failed` (account-level, no actor) in a transaction
 * of its own. details.email is the attempted address only when it is a
 * well-formed email (normalised), so a password typed into the email field
 * never lands in the log; details.reason says which check failed (the
 * client only ever sees 401). For a known account the object is the user,
 * so an operator can find attacks on one account.
 */
void recordLoginFailure(Database &db, const AuditEvent &trail, const QString &email, const QString &userId,
                        const QString &reason)
{
    QJsonObject details{{QStringLiteral("reason"), reason}};
    QString problem;
    if (const auto normalized = normalizeEmail(email, &problem))
        details.insert(QStringLiteral("email"), *normalized);
    else
        details.insert(QStringLiteral("emailMalformed"), true);
    const AuditEvent event = auditEvent(trail, QStringLiteral("account.login_failed"), {}, {},
                                        userId.isEmpty() ? QString() : QStringLiteral("user"), userId, details);
    const auto recorded = AuditLog(db).record(event);
    if (!recorded.ok()) {
        logging::warn(QStringLiteral("could not record a failed login in the audit log"),
                         {{QStringLiteral("error"), recorded.error().message}});
    }
}

} // namespace

AccountService::AccountService(Database &db, const AuthConfig &config, LoginThrottle &throttle)
    : m_db(db)
    , m_config(config)
    , m_throttle(throttle)
{
    // A real hash at the current parameters, so an unknown email costs the
    // same argon2id work as a known one.
    m_dummyHash = crypto::hashPassword(QString::fromLatin1(crypto::randomToken("dummy_")), m_config.passwordParams)
                      .value_or(QByteArray());
}

ServiceResult<SessionGrant> AccountService::signup(const QString &email, const QString &password,
                                                   const QString &displayName, const Client &client,
                                                   const AuditEvent &trail)
{
    QString problem;
    const auto normalized = normalizeEmail(email, &problem);
    if (!normalized)
        return badField(QStringLiteral("auth.invalid_email"), QStringLiteral("email"), problem);
    if (const auto weak = PasswordPolicy::check(password))
        return badField(QStringLiteral("auth.weak_password"), QStringLiteral("password"), *weak);
    const QString name = displayName.trimmed();
    if (name.size() > 200) {
        return badField(QStringLiteral("request.invalid_field"), QStringLiteral("displayName"),
                        QStringLiteral("The display name is longer than 200 characters."));
    }

    auto taken = runScoped<bool>(m_db, {}, "signup check", [&](pqxx::work &tx) -> ServiceResult<bool> {
        return tx.exec_params1("SELECT app.email_taken($1)", s(*normalized))[0].as<bool>();
    });
    if (!taken)
        return taken.error();
    const ApiError emailTaken = ApiError::conflict(QStringLiteral("auth.email_taken"),
                                                   QStringLiteral("An account with this email exists; log in instead."),
                                                   {{QStringLiteral("field"), QStringLiteral("email")}});
    if (*taken)
        return emailTaken;

    const auto hash = crypto::hashPassword(password, m_config.passwordParams);
    if (!hash)
        return ApiError::internal();

    const QString userId = newUuid();
    auto user = runScoped<UserInfo>(m_db, OrgScope{userId, {}}, "signup", [&](pqxx::work &tx) -> ServiceResult<UserInfo> {
        try {
            const auto row = tx.exec_params1(
                "INSERT INTO users (id, email, display_name, password_hash) VALUES ($1::uuid, $2, $3, $4) RETURNING "
                    + userColumns,
                s(userId), s(*normalized), s(name), hash->toStdString());
            AuditLog::record(tx, auditEvent(trail, QStringLiteral("account.signup"), {}, userId, QStringLiteral("user"),
                                            userId));
            return userFromRow(row);
        } catch (const pqxx::unique_violation &) {
            return emailTaken; // lost a race with another signup
        }
    });
    if (!user)
        return user.error();
    return openSession(*user, client, {});
}

ServiceResult<SessionGrant> AccountService::openSession(const UserInfo &user, const Client &client,
                                                        const AuditEvent &event)
{
    const QByteArray token = crypto::randomToken(crypto::SessionTokenPrefix);
    if (token.isEmpty())
        return ApiError::internal();
    return runScoped<SessionGrant>(
        m_db, OrgScope{user.id, {}}, "open session", [&](pqxx::work &tx) -> ServiceResult<SessionGrant> {
            const auto row = tx.exec_params1(
                "INSERT INTO sessions (user_id, token_hash, idle_expires_at, expires_at, user_agent, address) "
                "VALUES ($1::uuid, decode($2, 'hex'), now() + make_interval(secs => $3), "
                "now() + make_interval(secs => $4), $5, $6) RETURNING id::text, " + iso("expires_at"),
                s(user.id), hex(crypto::hashToken(token)), qint64(m_config.sessionIdleTimeout.count()),
                qint64(m_config.sessionAbsoluteLifetime.count()), s(client.userAgent.left(512)),
                s(client.address.left(64)));
            if (!event.action.isEmpty()) {
                AuditEvent recorded = event;
                recorded.objectType = QStringLiteral("session");
                recorded.objectId = q(row[0]);
                AuditLog::record(tx, recorded);
            }
            return SessionGrant{QString::fromLatin1(token), q(row[0]), q(row[1]), user};
        });
}

ServiceResult<SessionGrant> AccountService::login(const QString &email, const QString &password, const Client &client,
                                                  const AuditEvent &trail)
{
    const QString key = accountKey(email);
    if (const auto wait = m_throttle.retryAfter(key, client.throttleAddress()); wait.count() > 0)
        return throttled(wait);
    if (key.isEmpty() || key.size() > 254 || password.size() > 4 * PasswordPolicy::MaxLength) {
        m_throttle.recordFailure(key, client.throttleAddress());
        recordLoginFailure(m_db, trail, email, {}, QStringLiteral("malformed"));
        return invalidCredentials();
    }

    struct Found
    {
        QString userId;
        QByteArray hash;
        bool disabled = false;
    };
    auto found = runScoped<std::optional<Found>>(
        m_db, {}, "login lookup", [&](pqxx::work &tx) -> ServiceResult<std::optional<Found>> {
            const auto rows = tx.exec_params("SELECT user_id::text, password_hash, disabled FROM app.login_lookup($1)",
                                             s(email.trimmed()));
            if (rows.empty())
                return std::optional<Found>();
            return std::optional<Found>(
                Found{q(rows[0][0]), QByteArray::fromStdString(rows[0][1].as<std::string>()), rows[0][2].as<bool>()});
        });
    if (!found)
        return found.error();

    // Same argon2id work whether or not the account exists.
    const bool passwordOk = crypto::verifyPassword(*found ? (*found)->hash : m_dummyHash, password);
    if (!*found || !passwordOk || (*found)->disabled) {
        m_throttle.recordFailure(key, client.throttleAddress());
        const QString reason = !*found   ? QStringLiteral("unknown_email")
                               : !passwordOk ? QStringLiteral("wrong_password")
                                             : QStringLiteral("disabled");
        recordLoginFailure(m_db, trail, email, *found ? (*found)->userId : QString(), reason);
        return invalidCredentials();
    }
    m_throttle.recordSuccess(key);

    const Found account = **found;
    auto user = runScoped<UserInfo>(m_db, OrgScope{account.userId, {}}, "login", [&](pqxx::work &tx)
                                                                                     -> ServiceResult<UserInfo> {
        if (crypto::needsRehash(account.hash, m_config.passwordParams)) {
            if (const auto rehashed = crypto::hashPassword(password, m_config.passwordParams)) {
                tx.exec_params("UPDATE users SET password_hash = $2, updated_at = now() WHERE id = $1::uuid",
                               s(account.userId), rehashed->toStdString());
            }
        }
        const auto rows = tx.exec_params("SELECT " + userColumns + " FROM users WHERE id = $1::uuid", s(account.userId));
        if (rows.empty())
            return invalidCredentials();
        return userFromRow(rows[0]);
    });
    if (!user)
        return user.error();
    return openSession(*user, client,
                       auditEvent(trail, QStringLiteral("account.login"), {}, user->id, QStringLiteral("session"), {}));
}

ServiceResult<void> AccountService::logout(const QString &userId, const QString &sessionId, const AuditEvent &trail)
{
    if (!isUuid(userId) || !isUuid(sessionId))
        return ApiError::unauthorized();
    return runScoped<void>(m_db, OrgScope{userId, {}}, "logout", [&](pqxx::work &tx) -> ServiceResult<void> {
        const auto rows = tx.exec_params(
            "UPDATE sessions SET revoked_at = now() WHERE id = $1::uuid AND revoked_at IS NULL RETURNING id", s(sessionId));
        if (!rows.empty()) {
            AuditLog::record(tx, auditEvent(trail, QStringLiteral("account.logout"), {}, userId,
                                            QStringLiteral("session"), sessionId));
        }
        return {};
    });
}

ServiceResult<std::optional<Principal>> AccountService::resolveToken(const QByteArray &token)
{
    using Out = std::optional<Principal>;
    const bool isSession = crypto::looksLikeToken(token, crypto::SessionTokenPrefix);
    const bool isApiToken = !isSession && crypto::looksLikeToken(token, crypto::ApiTokenPrefix);
    if (!isSession && !isApiToken)
        return Out();
    const std::string tokenHash = hex(crypto::hashToken(token));
    return runScoped<Out>(m_db, {}, "resolve token", [&](pqxx::work &tx) -> ServiceResult<Out> {
        if (isSession) {
            const auto rows = tx.exec_params(
                "SELECT session_id::text, user_id::text FROM app.resolve_session(decode($1, 'hex'), $2)", tokenHash,
                qint64(m_config.sessionIdleTimeout.count()));
            if (rows.empty())
                return Out();
            return Out(Principal{Principal::Kind::Session, q(rows[0][1]), q(rows[0][0]), {}});
        }
        const auto rows = tx.exec_params(
            "SELECT token_id::text, user_id::text, org_id::text FROM app.resolve_api_token(decode($1, 'hex'))",
            tokenHash);
        if (rows.empty())
            return Out();
        return Out(Principal{Principal::Kind::ApiToken, q(rows[0][1]), q(rows[0][0]), q(rows[0][2])});
    });
}

ServiceResult<UserInfo> AccountService::user(const QString &userId)
{
    if (!isUuid(userId))
        return ApiError::notFound(QStringLiteral("user"));
    return runScoped<UserInfo>(m_db, OrgScope{userId, {}}, "user", [&](pqxx::work &tx) -> ServiceResult<UserInfo> {
        const auto rows = tx.exec_params("SELECT " + userColumns + " FROM users WHERE id = $1::uuid", s(userId));
        if (rows.empty())
            return ApiError::notFound(QStringLiteral("user"));
        return userFromRow(rows[0]);
    });
}

ServiceResult<void> AccountService::changePassword(const QString &userId, const QString &keepSessionId,
                                                   const QString &currentPassword, const QString &newPassword,
                                                   const QString &address, const AuditEvent &trail)
{
    if (!isUuid(userId))
        return ApiError::unauthorized();
    struct Current
    {
        QString email;
        QByteArray hash;
    };
    auto current = runScoped<Current>(m_db, OrgScope{userId, {}}, "password lookup", [&](pqxx::work &tx)
                                                                                         -> ServiceResult<Current> {
        const auto rows = tx.exec_params("SELECT email, password_hash FROM users WHERE id = $1::uuid", s(userId));
        if (rows.empty())
            return ApiError::unauthorized();
        return Current{q(rows[0][0]), QByteArray::fromStdString(rows[0][1].as<std::string>())};
    });
    if (!current)
        return current.error();

    const QString key = accountKey(current->email);
    if (const auto wait = m_throttle.retryAfter(key, address); wait.count() > 0)
        return throttled(wait);
    if (!crypto::verifyPassword(current->hash, currentPassword)) {
        m_throttle.recordFailure(key, address);
        return ApiError{403, QStringLiteral("auth.invalid_credentials"),
                        QStringLiteral("The current password is incorrect."),
                        {{QStringLiteral("field"), QStringLiteral("currentPassword")}}};
    }
    if (const auto weak = PasswordPolicy::check(newPassword))
        return badField(QStringLiteral("auth.weak_password"), QStringLiteral("newPassword"), *weak);
    if (newPassword == currentPassword) {
        return badField(QStringLiteral("auth.same_password"), QStringLiteral("newPassword"),
                        QStringLiteral("The new password is the current one; choose another."));
    }
    const auto hash = crypto::hashPassword(newPassword, m_config.passwordParams);
    if (!hash)
        return ApiError::internal();

    const QString keep = isUuid(keepSessionId) ? keepSessionId : QString();
    return runScoped<void>(m_db, OrgScope{userId, {}}, "change password", [&](pqxx::work &tx) -> ServiceResult<void> {
        tx.exec_params("UPDATE users SET password_hash = $2, updated_at = now() WHERE id = $1::uuid", s(userId),
                       hash->toStdString());
        const auto revoked = tx.exec_params(
            "UPDATE sessions SET revoked_at = now() WHERE user_id = $1::uuid AND revoked_at IS NULL AND id::text <> $2",
            s(userId), s(keep));
        AuditLog::record(tx, auditEvent(trail, QStringLiteral("account.password_changed"), {}, userId,
                                        QStringLiteral("user"), userId,
                                        {{QStringLiteral("sessionsRevoked"), qint64(revoked.affected_rows())}}));
        return {};
    });
}

ServiceResult<NewApiToken> AccountService::createApiToken(const QString &userId, const QString &orgId,
                                                          const QString &name, int expiresInDays,
                                                          const AuditEvent &trail)
{
    const QString trimmed = name.trimmed();
    if (trimmed.isEmpty() || trimmed.size() > 100) {
        return badField(QStringLiteral("request.invalid_field"), QStringLiteral("name"),
                        QStringLiteral("A token needs a name of 1 to 100 characters."));
    }
    if (expiresInDays < 0 || expiresInDays > 3650) {
        return badField(QStringLiteral("request.invalid_field"), QStringLiteral("expiresInDays"),
                        QStringLiteral("expiresInDays is 0 (never) to 3650."));
    }
    if (!isUuid(userId))
        return ApiError::unauthorized();
    const ApiError noSuchOrg{404, QStringLiteral("orgs.not_found"), QStringLiteral("No such org."),
                             {{QStringLiteral("field"), QStringLiteral("orgId")}}};
    if (!isUuid(orgId))
        return noSuchOrg;

    // The user's role in the org, read under the user's own scope.
    auto role = runScoped<std::optional<Role>>(m_db, OrgScope{userId, {}}, "token role", [&](pqxx::work &tx)
                                                                                             -> ServiceResult<std::optional<Role>> {
        const auto rows = tx.exec_params("SELECT role FROM memberships WHERE org_id = $1::uuid AND user_id = $2::uuid",
                                         s(orgId), s(userId));
        if (rows.empty())
            return std::optional<Role>();
        return roleFromName(q(rows[0][0]));
    });
    if (!role)
        return role.error();
    if (!*role)
        return noSuchOrg;
    if (!roleAllows(**role, u"tokens.create"))
        return ApiError::forbidden(QStringLiteral("Your role in this org cannot create API tokens."));

    const QByteArray token = crypto::randomToken(crypto::ApiTokenPrefix);
    if (token.isEmpty())
        return ApiError::internal();
    const QString hint = QString::fromLatin1(token.left(8));
    return runScoped<NewApiToken>(m_db, OrgScope{userId, orgId}, "create token", [&](pqxx::work &tx)
                                                                                    -> ServiceResult<NewApiToken> {
        const auto row = tx.exec_params1(
            "INSERT INTO api_tokens (user_id, org_id, name, token_hash, hint, expires_at) "
            "VALUES ($1::uuid, $2::uuid, $3, decode($4, 'hex'), $5, "
            "CASE WHEN $6 > 0 THEN now() + make_interval(days => $6) END) "
            "RETURNING id::text, " + iso("created_at") + ", " + iso("expires_at") +
                ", (SELECT name FROM orgs WHERE id = $2::uuid)",
            s(userId), s(orgId), s(trimmed), hex(crypto::hashToken(token)), s(hint), expiresInDays);
        ApiTokenInfo info;
        info.id = q(row[0]);
        info.name = trimmed;
        info.orgId = orgId;
        info.orgName = q(row[3]);
        info.hint = hint;
        info.createdAt = q(row[1]);
        info.expiresAt = q(row[2]);
        QJsonObject details{{QStringLiteral("name"), trimmed}, {QStringLiteral("hint"), hint}};
        if (!info.expiresAt.isEmpty())
            details.insert(QStringLiteral("expiresAt"), info.expiresAt);
        AuditLog::record(tx, auditEvent(trail, QStringLiteral("token.created"), orgId, userId,
                                        QStringLiteral("api_token"), info.id, details));
        return NewApiToken{info, QString::fromLatin1(token)};
    });
}

ServiceResult<QList<ApiTokenInfo>> AccountService::listApiTokens(const QString &userId)
{
    if (!isUuid(userId))
        return ApiError::unauthorized();
    return runScoped<QList<ApiTokenInfo>>(
        m_db, OrgScope{userId, {}}, "list tokens", [&](pqxx::work &tx) -> ServiceResult<QList<ApiTokenInfo>> {
            const auto rows = tx.exec_params(
                "SELECT t.id::text, t.name, t.org_id::text, coalesce(o.name, ''), t.hint, " + iso("t.created_at") + ", "
                    + iso("t.last_used_at") + ", " + iso("t.expires_at") + ", " + iso("t.revoked_at")
                    + " FROM api_tokens t LEFT JOIN orgs o ON o.id = t.org_id WHERE t.user_id = $1::uuid "
                      "ORDER BY t.created_at DESC, t.id",
                s(userId));
            QList<ApiTokenInfo> tokens;
            for (const auto &row : rows) {
                tokens.append({q(row[0]), q(row[1]), q(row[2]), q(row[3]), q(row[4]), q(row[5]), q(row[6]), q(row[7]),
                               q(row[8]), userId, QString()});
            }
            return tokens;
        });
}

ServiceResult<void> AccountService::revokeApiToken(const QString &userId, const QString &tokenId,
                                                   const AuditEvent &trail)
{
    if (!isUuid(userId) || !isUuid(tokenId))
        return ApiError::notFound(QStringLiteral("API token"));
    return runScoped<void>(m_db, OrgScope{userId, {}}, "revoke token", [&](pqxx::work &tx) -> ServiceResult<void> {
        const auto rows = tx.exec_params(
            "WITH old AS (SELECT id, org_id, revoked_at IS NULL AS live FROM api_tokens "
            "WHERE id = $1::uuid AND user_id = $2::uuid FOR UPDATE) "
            "UPDATE api_tokens t SET revoked_at = coalesce(t.revoked_at, now()) FROM old WHERE t.id = old.id "
            "RETURNING old.live, coalesce(old.org_id::text, '')",
            s(tokenId), s(userId));
        if (rows.empty())
            return ApiError::notFound(QStringLiteral("API token"));
        if (rows[0][0].as<bool>()) {
            // The token is the user's and was live, so they are still a member
            // of its org (leaving revokes them): the org's trail gets the row.
            const QString orgId = q(rows[0][1]);
            if (!orgId.isEmpty())
                enterOrg(tx, orgId);
            AuditLog::record(tx, auditEvent(trail, QStringLiteral("token.revoked"), orgId, userId,
                                            QStringLiteral("api_token"), tokenId,
                                            {{QStringLiteral("ownerUserId"), userId}}));
        }
        return {};
    });
}

namespace {

/*! Refuses unless \a actorId may manage the tokens of the transaction's org. */
std::optional<ApiError> requireTokenManager(pqxx::work &tx, const QString &actorId)
{
    const auto rows = tx.exec_params(
        "SELECT role FROM memberships WHERE org_id = app.current_org() AND user_id = $1::uuid", s(actorId));
    if (rows.empty())
        return ApiError{404, QStringLiteral("orgs.not_found"), QStringLiteral("No such org."), {}};
    const auto role = roleFromName(q(rows[0][0]));
    if (!role || !roleAllows(*role, u"tokens.manage"))
        return ApiError::forbidden(QStringLiteral("Only admins and owners manage the org's API tokens."));
    return std::nullopt;
}

} // namespace

ServiceResult<QList<ApiTokenInfo>> AccountService::listOrgApiTokens(const QString &actorId, const QString &orgId)
{
    if (!isUuid(actorId) || !isUuid(orgId))
        return ApiError{404, QStringLiteral("orgs.not_found"), QStringLiteral("No such org."), {}};
    return runScoped<QList<ApiTokenInfo>>(
        m_db, OrgScope{actorId, orgId}, "list org tokens", [&](pqxx::work &tx) -> ServiceResult<QList<ApiTokenInfo>> {
            if (auto refused = requireTokenManager(tx, actorId))
                return *refused;
            const auto rows = tx.exec(
                "SELECT t.id::text, t.name, t.org_id::text, o.name, t.hint, " + iso("t.created_at") + ", "
                + iso("t.last_used_at") + ", " + iso("t.expires_at") + ", " + iso("t.revoked_at")
                + ", t.user_id::text, coalesce(u.email, '') FROM api_tokens t JOIN orgs o ON o.id = t.org_id "
                  "LEFT JOIN users u ON u.id = t.user_id WHERE t.org_id = app.current_org() "
                  "ORDER BY t.created_at DESC, t.id LIMIT 1000");
            QList<ApiTokenInfo> tokens;
            for (const auto &row : rows) {
                tokens.append({q(row[0]), q(row[1]), q(row[2]), q(row[3]), q(row[4]), q(row[5]), q(row[6]), q(row[7]),
                               q(row[8]), q(row[9]), q(row[10])});
            }
            return tokens;
        });
}

ServiceResult<void> AccountService::revokeOrgApiToken(const QString &actorId, const QString &orgId,
                                                      const QString &tokenId, const AuditEvent &trail)
{
    if (!isUuid(actorId) || !isUuid(orgId))
        return ApiError{404, QStringLiteral("orgs.not_found"), QStringLiteral("No such org."), {}};
    if (!isUuid(tokenId))
        return ApiError::notFound(QStringLiteral("API token"));
    return runScoped<void>(m_db, OrgScope{actorId, orgId}, "revoke org token", [&](pqxx::work &tx)
                                                                                  -> ServiceResult<void> {
        if (auto refused = requireTokenManager(tx, actorId))
            return *refused;
        const auto rows = tx.exec_params(
            "WITH old AS (SELECT id, user_id, revoked_at IS NULL AS live FROM api_tokens "
            "WHERE id = $1::uuid AND org_id = app.current_org() FOR UPDATE) "
            "UPDATE api_tokens t SET revoked_at = coalesce(t.revoked_at, now()) FROM old WHERE t.id = old.id "
            "RETURNING old.live, old.user_id::text",
            s(tokenId));
        if (rows.empty())
            return ApiError::notFound(QStringLiteral("API token"));
        if (rows[0][0].as<bool>()) {
            AuditLog::record(tx, auditEvent(trail, QStringLiteral("token.revoked"), orgId, actorId,
                                            QStringLiteral("api_token"), tokenId,
                                            {{QStringLiteral("ownerUserId"), q(rows[0][1])}}));
        }
        return {};
    });
}

ServiceResult<QList<SessionInfo>> AccountService::listSessions(const QString &userId, const QString &currentSessionId)
{
    if (!isUuid(userId))
        return ApiError::unauthorized();
    return runScoped<QList<SessionInfo>>(
        m_db, OrgScope{userId, {}}, "list sessions", [&](pqxx::work &tx) -> ServiceResult<QList<SessionInfo>> {
            const auto rows = tx.exec_params(
                "SELECT id::text, " + iso("created_at") + ", " + iso("last_seen_at") + ", " + iso("expires_at")
                    + ", user_agent, address FROM sessions WHERE user_id = $1::uuid AND revoked_at IS NULL "
                      "AND expires_at > now() AND idle_expires_at > now() ORDER BY last_seen_at DESC, id LIMIT 200",
                s(userId));
            QList<SessionInfo> sessions;
            for (const auto &row : rows) {
                SessionInfo info{q(row[0]), q(row[1]), q(row[2]), q(row[3]), q(row[4]), q(row[5]), false};
                info.current = info.id == currentSessionId;
                sessions.append(info);
            }
            return sessions;
        });
}

ServiceResult<void> AccountService::revokeSession(const QString &userId, const QString &sessionId,
                                                  const AuditEvent &trail)
{
    if (!isUuid(userId) || !isUuid(sessionId))
        return ApiError::notFound(QStringLiteral("session"));
    return runScoped<void>(m_db, OrgScope{userId, {}}, "revoke session", [&](pqxx::work &tx) -> ServiceResult<void> {
        const auto rows = tx.exec_params(
            "WITH old AS (SELECT id, revoked_at IS NULL AS live FROM sessions "
            "WHERE id = $1::uuid AND user_id = $2::uuid FOR UPDATE) "
            "UPDATE sessions t SET revoked_at = coalesce(t.revoked_at, now()) FROM old WHERE t.id = old.id "
            "RETURNING old.live",
            s(sessionId), s(userId));
        if (rows.empty())
            return ApiError::notFound(QStringLiteral("session"));
        if (rows[0][0].as<bool>()) {
            AuditLog::record(tx, auditEvent(trail, QStringLiteral("account.session_revoked"), {}, userId,
                                            QStringLiteral("session"), sessionId));
        }
        return {};
    });
}

ServiceResult<int> AccountService::liveSessionCount(const QString &userId)
{
    if (!isUuid(userId))
        return 0;
    return runScoped<int>(m_db, OrgScope{userId, {}}, "count sessions", [&](pqxx::work &tx) -> ServiceResult<int> {
        return tx
            .exec_params1("SELECT count(*) FROM sessions WHERE user_id = $1::uuid AND revoked_at IS NULL "
                          "AND expires_at > now() AND idle_expires_at > now()",
                          s(userId))[0]
            .as<int>();
    });
}

} // namespace slidespec::server
