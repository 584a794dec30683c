// SPDX-License-Identifier: GPL-3.0-or-later
#include "auth/orgservice.h"

#include <cmath>

#include "auth/crypto.h"
#include "auth/dbsupport.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QUuid>

namespace slidespec::server {

using namespace authdb;

namespace {

ApiError orgNotFound()
{
    return {404, QStringLiteral("orgs.not_found"), QStringLiteral("No such org."), {}};
}

ApiError memberNotFound()
{
    return {404, QStringLiteral("members.not_found"), QStringLiteral("No such member in this org."), {}};
}

ApiError inviteNotFound()
{
    return {404, QStringLiteral("invites.not_found"), QStringLiteral("No such invite."), {}};
}

ApiError badField(const QString &code, const QString &field, const QString &message)
{
    return ApiError::badRequest(code, message, {{QStringLiteral("field"), field}});
}

ApiError fromViolation(const MembershipRuleViolation &v)
{
    return {v.isConflict ? 409 : 403, v.code, v.message, {}};
}

const std::string orgColumns = "o.id::text, o.name, o.slug, o.settings::text, " + iso("o.created_at") + ", "
                               + iso("o.updated_at");

OrgInfo orgFromRow(const pqxx::row &row, std::optional<Role> role)
{
    OrgInfo org;
    org.id = q(row[0]);
    org.name = q(row[1]);
    org.slug = q(row[2]);
    org.settings = QJsonDocument::fromJson(q(row[3]).toUtf8()).object();
    org.createdAt = q(row[4]);
    org.updatedAt = q(row[5]);
    org.role = role;
    return org;
}

/*! The user's role in the transaction's org (scope set), or nullopt. */
std::optional<Role> roleInScope(pqxx::work &tx, const QString &userId)
{
    const auto rows = tx.exec_params(
        "SELECT role FROM memberships WHERE org_id = app.current_org() AND user_id = $1::uuid", s(userId));
    if (rows.empty())
        return std::nullopt;
    return roleFromName(q(rows[0][0]));
}

const std::string memberColumns = "m.user_id::text, u.email, u.display_name, m.role, " + iso("m.created_at");

MemberInfo memberFromRow(const pqxx::row &row)
{
    return {q(row[0]), q(row[1]), q(row[2]), roleFromName(q(row[3])).value_or(Role::Viewer), q(row[4])};
}

const std::string inviteColumns =
    "i.id::text, i.org_id::text, i.email, i.role, coalesce(i.created_by::text, ''), " + iso("i.created_at") + ", "
    + iso("i.expires_at") + ", " + iso("i.used_at") + ", " + iso("i.revoked_at")
    + ", CASE WHEN i.used_at IS NOT NULL THEN 'used' WHEN i.revoked_at IS NOT NULL THEN 'revoked' "
      "WHEN i.expires_at <= now() THEN 'expired' ELSE 'pending' END";

InviteInfo inviteFromRow(const pqxx::row &row)
{
    InviteInfo invite;
    invite.id = q(row[0]);
    invite.orgId = q(row[1]);
    invite.email = q(row[2]);
    invite.role = roleFromName(q(row[3])).value_or(Role::Viewer);
    invite.createdBy = q(row[4]);
    invite.createdAt = q(row[5]);
    invite.expiresAt = q(row[6]);
    invite.usedAt = q(row[7]);
    invite.revokedAt = q(row[8]);
    invite.status = q(row[9]);
    return invite;
}

/*! Locks the org's memberships (serialises owner-count checks) and returns (user → role). */
QHash<QString, Role> lockMembers(pqxx::work &tx)
{
    QHash<QString, Role> roles;
    for (const auto &row : tx.exec("SELECT user_id::text, role FROM memberships WHERE org_id = app.current_org() "
                                   "ORDER BY user_id FOR UPDATE")) {
        roles.insert(q(row[0]), roleFromName(q(row[1])).value_or(Role::Viewer));
    }
    return roles;
}

int ownerCount(const QHash<QString, Role> &roles)
{
    int owners = 0;
    for (const Role role : roles)
        owners += role == Role::Owner ? 1 : 0;
    return owners;
}

} // namespace

OrgService::OrgService(Database &db, const AuthConfig &config)
    : m_db(db)
    , m_config(config)
{
}

QString OrgService::slugify(const QString &name)
{
    QString slug;
    bool dash = false;
    for (const QChar c : name.normalized(QString::NormalizationForm_KD)) {
        const char16_t u = c.toLower().unicode();
        if ((u >= 'a' && u <= 'z') || (u >= '0' && u <= '9')) {
            if (dash && !slug.isEmpty())
                slug += u'-';
            slug += QChar(u);
            dash = false;
        } else if (c.category() != QChar::Mark_NonSpacing) {
            dash = true;
        }
        if (slug.size() >= 63)
            break;
    }
    while (slug.endsWith(u'-'))
        slug.chop(1);
    return slug.isEmpty() ? QStringLiteral("org") : slug;
}

ServiceResult<OrgInfo> OrgService::create(const QString &creatorId, const QString &name, const QString &slug,
                                          const AuditEvent &trail)
{
    const QString trimmed = name.trimmed();
    if (trimmed.isEmpty() || trimmed.size() > 100) {
        return badField(QStringLiteral("request.invalid_field"), QStringLiteral("name"),
                        QStringLiteral("An org needs a name of 1 to 100 characters."));
    }
    static const QRegularExpression slugPattern(QStringLiteral("^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$"));
    if (!slug.isEmpty() && !slugPattern.match(slug).hasMatch()) {
        return badField(QStringLiteral("request.invalid_field"), QStringLiteral("slug"),
                        QStringLiteral("A slug is 1 to 63 lower-case letters, digits and dashes, starting and ending "
                                       "with a letter or digit."));
    }
    if (!isUuid(creatorId))
        return ApiError::unauthorized();

    const QString base = slug.isEmpty() ? slugify(trimmed) : slug;
    for (int attempt = 0; attempt < 6; ++attempt) {
        QString candidate = base;
        if (attempt > 0) {
            const QString suffix = QString::fromLatin1(crypto::randomBytes(3).toHex());
            candidate = base.left(63 - 7) + u'-' + suffix;
        }
        const QString orgId = QUuid::createUuid().toString(QUuid::WithoutBraces);
        bool slugTaken = false;
        auto created = runScoped<OrgInfo>(
            m_db, OrgScope{creatorId, orgId}, "create org", [&](pqxx::work &tx) -> ServiceResult<OrgInfo> {
                try {
                    const auto row = tx.exec_params1(
                        "INSERT INTO orgs AS o (id, name, slug, created_by) VALUES ($1::uuid, $2, $3, $4::uuid) "
                        "RETURNING " + orgColumns,
                        s(orgId), s(trimmed), s(candidate), s(creatorId));
                    tx.exec_params("INSERT INTO memberships (org_id, user_id, role) VALUES ($1::uuid, $2::uuid, 'owner')",
                                   s(orgId), s(creatorId));
                    AuditLog::record(tx, auditEvent(trail, QStringLiteral("org.created"), orgId, creatorId,
                                                    QStringLiteral("org"), orgId,
                                                    {{QStringLiteral("name"), trimmed},
                                                     {QStringLiteral("slug"), candidate}}));
                    return orgFromRow(row, Role::Owner);
                } catch (const pqxx::unique_violation &) {
                    slugTaken = true;
                    return ApiError::conflict(QStringLiteral("orgs.slug_taken"),
                                              QStringLiteral("The slug \"%1\" is taken; choose another.").arg(candidate),
                                              {{QStringLiteral("field"), QStringLiteral("slug")}});
                }
            });
        if (created.ok() || !slugTaken || !slug.isEmpty())
            return created;
    }
    return ApiError::conflict(QStringLiteral("orgs.slug_taken"),
                              QStringLiteral("Could not find a free slug; give one explicitly."),
                              {{QStringLiteral("field"), QStringLiteral("slug")}});
}

ServiceResult<QList<OrgInfo>> OrgService::listForUser(const QString &userId)
{
    if (!isUuid(userId))
        return ApiError::unauthorized();
    return runScoped<QList<OrgInfo>>(m_db, OrgScope{userId, {}}, "list orgs", [&](pqxx::work &tx)
                                                                                   -> ServiceResult<QList<OrgInfo>> {
        QList<OrgInfo> orgs;
        for (const auto &row : tx.exec_params("SELECT " + orgColumns + ", m.role FROM orgs o JOIN memberships m "
                                              "ON m.org_id = o.id AND m.user_id = $1::uuid ORDER BY lower(o.name), o.id",
                                              s(userId))) {
            orgs.append(orgFromRow(row, roleFromName(q(row[6]))));
        }
        return orgs;
    });
}

ServiceResult<std::optional<Role>> OrgService::roleOf(const QString &userId, const QString &orgId)
{
    using Out = std::optional<Role>;
    if (!isUuid(userId) || !isUuid(orgId))
        return Out();
    return runScoped<Out>(m_db, OrgScope{userId, orgId}, "role", [&](pqxx::work &tx) -> ServiceResult<Out> {
        return roleInScope(tx, userId);
    });
}

ServiceResult<OrgInfo> OrgService::get(const QString &userId, const QString &orgId)
{
    if (!isUuid(userId) || !isUuid(orgId))
        return orgNotFound();
    return runScoped<OrgInfo>(m_db, OrgScope{userId, orgId}, "get org", [&](pqxx::work &tx) -> ServiceResult<OrgInfo> {
        const auto role = roleInScope(tx, userId);
        if (!role)
            return orgNotFound();
        const auto rows = tx.exec("SELECT " + orgColumns + " FROM orgs o WHERE o.id = app.current_org()");
        if (rows.empty())
            return orgNotFound();
        return orgFromRow(rows[0], role);
    });
}

ServiceResult<OrgInfo> OrgService::update(const QString &userId, const QString &orgId,
                                          const std::optional<QString> &name, const std::optional<QJsonObject> &settings,
                                          const AuditEvent &trail)
{
    QString trimmed;
    if (name) {
        trimmed = name->trimmed();
        if (trimmed.isEmpty() || trimmed.size() > 100) {
            return badField(QStringLiteral("request.invalid_field"), QStringLiteral("name"),
                            QStringLiteral("An org needs a name of 1 to 100 characters."));
        }
    }
    QByteArray settingsJson = "{}"; // cast even when unused: keep it valid
    if (settings) {
        // Settings the server acts on are checked; the rest is the clients' own.
        const QJsonValue retention = settings->value(QStringLiteral("assetRetentionDays"));
        if (!retention.isUndefined() && !retention.isNull()) {
            const double days = retention.toDouble(-1);
            if (!retention.isDouble() || days != std::floor(days) || days < 1 || days > 36500) {
                return badField(QStringLiteral("request.invalid_field"), QStringLiteral("settings.assetRetentionDays"),
                                QStringLiteral("\"assetRetentionDays\" is a whole number of days from 1 to 36500, or "
                                               "null (never expire assets)."));
            }
        }
        settingsJson = QJsonDocument(*settings).toJson(QJsonDocument::Compact);
        if (settingsJson.size() > 64 * 1024) {
            return badField(QStringLiteral("request.invalid_field"), QStringLiteral("settings"),
                            QStringLiteral("Settings are limited to 64 KiB of JSON."));
        }
    }
    if (!isUuid(userId) || !isUuid(orgId))
        return orgNotFound();
    return runScoped<OrgInfo>(m_db, OrgScope{userId, orgId}, "update org", [&](pqxx::work &tx) -> ServiceResult<OrgInfo> {
        const auto role = roleInScope(tx, userId);
        if (!role)
            return orgNotFound();
        if (!roleAllows(*role, u"org.update"))
            return ApiError::forbidden();
        const auto rows = tx.exec_params(
            "UPDATE orgs o SET name = CASE WHEN $1 THEN $2 ELSE o.name END, "
            "settings = CASE WHEN $3 THEN $4::jsonb ELSE o.settings END, updated_at = now() "
            "WHERE o.id = app.current_org() RETURNING " + orgColumns,
            name.has_value(), s(trimmed), settings.has_value(), settingsJson.toStdString());
        if (rows.empty())
            return orgNotFound();
        QJsonArray changed;
        if (name)
            changed.append(QStringLiteral("name"));
        if (settings)
            changed.append(QStringLiteral("settings"));
        AuditLog::record(tx, auditEvent(trail, QStringLiteral("org.updated"), orgId, userId, QStringLiteral("org"), orgId,
                                        {{QStringLiteral("changed"), changed}}));
        return orgFromRow(rows[0], role);
    });
}

ServiceResult<void> OrgService::remove(const QString &actorId, const QString &orgId, const QString &confirm,
                                       const AuditEvent &trail)
{
    if (!isUuid(actorId) || !isUuid(orgId))
        return orgNotFound();
    return runScoped<void>(m_db, OrgScope{actorId, orgId}, "delete org", [&](pqxx::work &tx) -> ServiceResult<void> {
        const auto role = roleInScope(tx, actorId);
        if (!role)
            return orgNotFound();
        if (!roleAllows(*role, u"org.delete"))
            return ApiError::forbidden();
        const auto current = tx.exec("SELECT o.name, o.slug FROM orgs o WHERE o.id = app.current_org()");
        if (current.empty())
            return orgNotFound();
        const QString name = QString::fromStdString(current[0][0].as<std::string>());
        const QString slug = QString::fromStdString(current[0][1].as<std::string>());
        if (confirm != name) {
            return ApiError{409, QStringLiteral("orgs.confirmation_required"),
                            QStringLiteral("Deleting an org removes all its decks, assets and members for good: send "
                                           "{\"confirm\": \"<the org's exact name>\"} to confirm."),
                            {{QStringLiteral("field"), QStringLiteral("confirm")}}};
        }
        // The audit row first (the audit log has no foreign key to orgs, so it stays), then the
        // org with everything that cascades from it, and the storage purge's row.
        AuditLog::record(tx, auditEvent(trail, QStringLiteral("org.deleted"), orgId, actorId, QStringLiteral("org"), orgId,
                                        {{QStringLiteral("name"), name}, {QStringLiteral("slug"), slug}}));
        const auto deleted = tx.exec_params1("SELECT app.org_delete($1::uuid, $2::uuid)", s(orgId), s(actorId));
        if (deleted[0].is_null())
            return ApiError::forbidden();
        return {};
    });
}

ServiceResult<QList<MemberInfo>> OrgService::members(const QString &userId, const QString &orgId)
{
    if (!isUuid(userId) || !isUuid(orgId))
        return orgNotFound();
    return runScoped<QList<MemberInfo>>(
        m_db, OrgScope{userId, orgId}, "members", [&](pqxx::work &tx) -> ServiceResult<QList<MemberInfo>> {
            if (!roleInScope(tx, userId))
                return orgNotFound();
            QList<MemberInfo> list;
            for (const auto &row : tx.exec("SELECT " + memberColumns + " FROM memberships m JOIN users u ON "
                                           "u.id = m.user_id WHERE m.org_id = app.current_org() "
                                           "ORDER BY CASE m.role WHEN 'owner' THEN 0 WHEN 'admin' THEN 1 "
                                           "WHEN 'editor' THEN 2 ELSE 3 END, lower(u.email)")) {
                list.append(memberFromRow(row));
            }
            return list;
        });
}

ServiceResult<MemberInfo> OrgService::changeRole(const QString &actorId, const QString &orgId,
                                                 const QString &targetId, Role role, const AuditEvent &trail)
{
    if (!isUuid(actorId) || !isUuid(orgId))
        return orgNotFound();
    if (!isUuid(targetId))
        return memberNotFound();
    return runScoped<MemberInfo>(m_db, OrgScope{actorId, orgId}, "change role", [&](pqxx::work &tx)
                                                                                    -> ServiceResult<MemberInfo> {
        const QHash<QString, Role> roles = lockMembers(tx);
        if (!roles.contains(actorId))
            return orgNotFound();
        if (!roles.contains(targetId))
            return memberNotFound();
        if (const auto violation = checkRoleChange(roles.value(actorId), roles.value(targetId), role,
                                                   ownerCount(roles), actorId == targetId)) {
            return fromViolation(*violation);
        }
        const Role previous = roles.value(targetId);
        if (previous != role) {
            tx.exec_params("UPDATE memberships SET role = $2, updated_at = now() "
                           "WHERE org_id = app.current_org() AND user_id = $1::uuid",
                           s(targetId), s(roleName(role)));
            AuditLog::record(tx, auditEvent(trail, QStringLiteral("member.role_changed"), orgId, actorId,
                                            QStringLiteral("user"), targetId,
                                            {{QStringLiteral("from"), roleName(previous)},
                                             {QStringLiteral("to"), roleName(role)}}));
            emitMemberEvent(tx, orgId, QStringLiteral("member.role_changed"), targetId, roleName(role),
                            {{QStringLiteral("previousRole"), roleName(previous)}});
        }
        const auto row = tx.exec_params1("SELECT " + memberColumns + " FROM memberships m JOIN users u ON "
                                         "u.id = m.user_id WHERE m.org_id = app.current_org() AND m.user_id = $1::uuid",
                                         s(targetId));
        return memberFromRow(row);
    });
}

ServiceResult<void> OrgService::removeMember(const QString &actorId, const QString &orgId, const QString &targetId,
                                             const AuditEvent &trail)
{
    if (!isUuid(actorId) || !isUuid(orgId))
        return orgNotFound();
    if (!isUuid(targetId))
        return memberNotFound();
    return runScoped<void>(m_db, OrgScope{actorId, orgId}, "remove member", [&](pqxx::work &tx) -> ServiceResult<void> {
        const QHash<QString, Role> roles = lockMembers(tx);
        if (!roles.contains(actorId))
            return orgNotFound();
        if (!roles.contains(targetId))
            return memberNotFound();
        if (const auto violation =
                checkRemoval(roles.value(actorId), roles.value(targetId), ownerCount(roles), actorId == targetId)) {
            return fromViolation(*violation);
        }
        tx.exec_params("DELETE FROM memberships WHERE org_id = app.current_org() AND user_id = $1::uuid", s(targetId));
        const auto tokens = tx.exec_params("UPDATE api_tokens SET revoked_at = now() WHERE org_id = app.current_org() "
                                           "AND user_id = $1::uuid AND revoked_at IS NULL",
                                           s(targetId));
        const QString role = roleName(roles.value(targetId));
        AuditLog::record(tx, auditEvent(trail, QStringLiteral("member.removed"), orgId, actorId, QStringLiteral("user"),
                                        targetId,
                                        {{QStringLiteral("role"), role},
                                         {QStringLiteral("left"), actorId == targetId},
                                         {QStringLiteral("tokensRevoked"), qint64(tokens.affected_rows())}}));
        emitMemberEvent(tx, orgId, QStringLiteral("member.removed"), targetId, role);
        return {};
    });
}

ServiceResult<NewInvite> OrgService::invite(const QString &actorId, const QString &orgId, const QString &email,
                                            Role role, const AuditEvent &trail)
{
    QString problem;
    const auto normalized = normalizeEmail(email, &problem);
    if (!normalized)
        return badField(QStringLiteral("auth.invalid_email"), QStringLiteral("email"), problem);
    if (!isUuid(actorId) || !isUuid(orgId))
        return orgNotFound();
    const QByteArray token = crypto::randomToken(crypto::InviteTokenPrefix);
    if (token.isEmpty())
        return ApiError::internal();
    return runScoped<NewInvite>(m_db, OrgScope{actorId, orgId}, "invite", [&](pqxx::work &tx) -> ServiceResult<NewInvite> {
        const auto actorRole = roleInScope(tx, actorId);
        if (!actorRole)
            return orgNotFound();
        if (const auto violation = checkInvite(*actorRole, role))
            return fromViolation(*violation);
        const auto members = tx.exec_params(
            "SELECT 1 FROM memberships m JOIN users u ON u.id = m.user_id "
            "WHERE m.org_id = app.current_org() AND lower(u.email) = lower($1)",
            s(*normalized));
        if (!members.empty()) {
            return ApiError::conflict(QStringLiteral("invites.already_member"),
                                      QStringLiteral("%1 is already a member of this org.").arg(*normalized),
                                      {{QStringLiteral("field"), QStringLiteral("email")}});
        }
        // One pending invite per email: a new one replaces the old.
        tx.exec_params("UPDATE invites SET revoked_at = now() WHERE org_id = app.current_org() "
                       "AND lower(email) = lower($1) AND used_at IS NULL AND revoked_at IS NULL",
                       s(*normalized));
        const auto row = tx.exec_params1(
            "INSERT INTO invites AS i (org_id, email, role, token_hash, created_by, expires_at) "
            "VALUES (app.current_org(), $1, $2, decode($3, 'hex'), $4::uuid, now() + make_interval(secs => $5)) "
            "RETURNING " + inviteColumns,
            s(*normalized), s(roleName(role)), hex(crypto::hashToken(token)), s(actorId),
            qint64(m_config.inviteLifetime.count()));
        const InviteInfo created = inviteFromRow(row);
        AuditLog::record(tx, auditEvent(trail, QStringLiteral("member.invited"), orgId, actorId,
                                        QStringLiteral("invite"), created.id,
                                        {{QStringLiteral("email"), *normalized},
                                         {QStringLiteral("role"), roleName(role)}}));
        QString base = m_config.publicBaseUrl;
        while (base.endsWith(u'/'))
            base.chop(1);
        return NewInvite{created, QString::fromLatin1(token),
                         base + QStringLiteral("/invite/") + QString::fromLatin1(token)};
    });
}

ServiceResult<QList<InviteInfo>> OrgService::invites(const QString &userId, const QString &orgId)
{
    if (!isUuid(userId) || !isUuid(orgId))
        return orgNotFound();
    return runScoped<QList<InviteInfo>>(
        m_db, OrgScope{userId, orgId}, "invites", [&](pqxx::work &tx) -> ServiceResult<QList<InviteInfo>> {
            if (!roleInScope(tx, userId))
                return orgNotFound();
            QList<InviteInfo> list;
            for (const auto &row : tx.exec("SELECT " + inviteColumns + " FROM invites i WHERE i.org_id = "
                                           "app.current_org() ORDER BY i.created_at DESC, i.id LIMIT 500")) {
                list.append(inviteFromRow(row));
            }
            return list;
        });
}

ServiceResult<void> OrgService::revokeInvite(const QString &userId, const QString &orgId, const QString &inviteId,
                                             const AuditEvent &trail)
{
    if (!isUuid(userId) || !isUuid(orgId))
        return orgNotFound();
    if (!isUuid(inviteId))
        return inviteNotFound();
    return runScoped<void>(m_db, OrgScope{userId, orgId}, "revoke invite", [&](pqxx::work &tx) -> ServiceResult<void> {
        if (!roleInScope(tx, userId))
            return orgNotFound();
        const auto rows = tx.exec_params(
            "SELECT used_at IS NOT NULL, revoked_at IS NULL, email FROM invites "
            "WHERE id = $1::uuid AND org_id = app.current_org() FOR UPDATE",
            s(inviteId));
        if (rows.empty())
            return inviteNotFound();
        if (rows[0][0].as<bool>()) {
            return ApiError::conflict(QStringLiteral("invites.used"),
                                      QStringLiteral("This invite has been accepted; remove the member instead."));
        }
        if (rows[0][1].as<bool>()) {
            tx.exec_params("UPDATE invites SET revoked_at = now() WHERE id = $1::uuid", s(inviteId));
            AuditLog::record(tx, auditEvent(trail, QStringLiteral("invite.revoked"), orgId, userId,
                                            QStringLiteral("invite"), inviteId,
                                            {{QStringLiteral("email"), q(rows[0][2])}}));
        }
        return {};
    });
}

ServiceResult<AcceptedInvite> OrgService::accept(const QString &userId, const QByteArray &token,
                                                 const AuditEvent &trail)
{
    if (!crypto::looksLikeToken(token, crypto::InviteTokenPrefix))
        return inviteNotFound();
    if (!isUuid(userId))
        return ApiError::unauthorized();
    return runScoped<AcceptedInvite>(m_db, OrgScope{userId, {}}, "accept invite", [&](pqxx::work &tx)
                                                                                     -> ServiceResult<AcceptedInvite> {
        const auto row = tx.exec_params1(
            "SELECT status, coalesce(org_id::text, ''), coalesce(role, '') FROM app.accept_invite(decode($1, 'hex'))",
            hex(crypto::hashToken(token)));
        const QString status = q(row[0]);
        if (status == u"accepted" || status == u"already_member") {
            const AcceptedInvite accepted{q(row[1]), roleFromName(q(row[2])).value_or(Role::Viewer),
                                          status == u"already_member"};
            if (!accepted.alreadyMember) {
                // The user is now a member: the org's trail and outbox take the event.
                enterOrg(tx, accepted.orgId);
                AuditLog::record(tx, auditEvent(trail, QStringLiteral("member.joined"), accepted.orgId, userId,
                                                QStringLiteral("user"), userId,
                                                {{QStringLiteral("role"), roleName(accepted.role)}}));
                emitMemberEvent(tx, accepted.orgId, QStringLiteral("member.added"), userId, roleName(accepted.role));
            }
            return accepted;
        }
        if (status == u"email_mismatch") {
            return ApiError{403, QStringLiteral("invites.email_mismatch"),
                            QStringLiteral("This invite is for another email address; log in with that account."),
                            {}};
        }
        if (status == u"used")
            return ApiError{410, QStringLiteral("invites.used"), QStringLiteral("This invite has been used."), {}};
        if (status == u"revoked")
            return ApiError{410, QStringLiteral("invites.revoked"), QStringLiteral("This invite was revoked."), {}};
        if (status == u"expired") {
            return ApiError{410, QStringLiteral("invites.expired"),
                            QStringLiteral("This invite has expired; ask for a new one."), {}};
        }
        return inviteNotFound();
    });
}

} // namespace slidespec::server
