// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "auth/authtypes.h"
#include "auth/permissions.h"
#include "http/serviceresult.h"
#include "ops/auditlog.h"

#include <QJsonObject>
#include <QList>
#include <QString>

#include <optional>

namespace slidespec::server {

class Database;

/*!
 * \brief Orgs, members and invites, on the Database pool.
 *
 * Calls taking an \c actorId check the actor's role themselves where a rule
 * goes beyond the matrix (owner rules); the plain matrix check is the
 * router's (each route names its action). Every query runs in a transaction
 * scoped to the org (RLS as the second wall). Blocking, thread-safe, never
 * throws. Unknown or foreign org, member and invite ids are 404.
 *
 * Every change records its audit event in its own transaction, and
 * membership changes also queue their webhook event (`member.added`,
 * `member.removed`, `member.role_changed` with {userId, role}) in it: the
 * change, its audit row and its outbox rows commit together or not at all.
 * \a trail is the request's side of the event (`AuditEvent::fromRequest(ctx,
 * {})`: client address, request id, credential kind); see AccountService.
 */
class OrgService
{
public:
    OrgService(Database &db, const AuthConfig &config);

    /*!
     * \brief Creates an org; \a creatorId becomes its owner. Without a
     * \a slug one is made from the name (a suffix is added when taken); a
     * given slug that is taken is 409 `orgs.slug_taken`.
     */
    ServiceResult<OrgInfo> create(const QString &creatorId, const QString &name, const QString &slug = {},
                                  const AuditEvent &trail = {});

    /*! The orgs \a userId belongs to, with the user's role, by name. */
    ServiceResult<QList<OrgInfo>> listForUser(const QString &userId);

    /*! \a userId's role in \a orgId, or nullopt when not a member (or no such org). */
    ServiceResult<std::optional<Role>> roleOf(const QString &userId, const QString &orgId);

    /*! The org, with \a userId's role. */
    ServiceResult<OrgInfo> get(const QString &userId, const QString &orgId);

    /*!
     * \brief Renames the org and/or replaces its settings (a JSON object of
     * at most 64 KiB). Absent values are left as they are.
     */
    ServiceResult<OrgInfo> update(const QString &userId, const QString &orgId, const std::optional<QString> &name,
                                  const std::optional<QJsonObject> &settings, const AuditEvent &trail = {});

    /*!
     * \brief Deletes the org for good (owners only): \a confirm must be its
     * exact name (409 `orgs.confirmation_required` otherwise). Its rows go
     * at once with everything that belongs to it (migration 0039); its
     * storage objects are removed by the `purge-orgs` maintenance job.
     * Records `org.deleted` (the audit log keeps it).
     */
    ServiceResult<void> remove(const QString &actorId, const QString &orgId, const QString &confirm,
                               const AuditEvent &trail = {});

    ServiceResult<QList<MemberInfo>> members(const QString &userId, const QString &orgId);

    /*!
     * \brief Changes \a targetId's role (rules: checkRoleChange()). Setting
     * the role a member already has changes nothing and records nothing.
     */
    ServiceResult<MemberInfo> changeRole(const QString &actorId, const QString &orgId, const QString &targetId,
                                         Role role, const AuditEvent &trail = {});

    /*!
     * \brief Removes \a targetId from the org (\a actorId == \a targetId:
     * leaving; rules: checkRemoval()). The member's API tokens for the org
     * are revoked.
     */
    ServiceResult<void> removeMember(const QString &actorId, const QString &orgId, const QString &targetId,
                                     const AuditEvent &trail = {});

    /*!
     * \brief Invites \a email as \a role (rules: checkInvite()); returns the
     * secret token and the link (publicBaseUrl + "/invite/" + token), shown
     * once. A pending invite for the same email is revoked. 409
     * `invites.already_member` when the email belongs to a member.
     */
    ServiceResult<NewInvite> invite(const QString &actorId, const QString &orgId, const QString &email, Role role,
                                    const AuditEvent &trail = {});

    /*! The org's invites, newest first, with their status. */
    ServiceResult<QList<InviteInfo>> invites(const QString &userId, const QString &orgId);

    /*!
     * \brief Revokes a pending invite; 409 `invites.used` when already
     * accepted. Idempotent (`invite.revoked` only when it was pending).
     */
    ServiceResult<void> revokeInvite(const QString &userId, const QString &orgId, const QString &inviteId,
                                     const AuditEvent &trail = {});

    /*!
     * \brief Accepts the invite whose token is \a token for \a userId: once
     * only, before it expires, and only by the account whose email the
     * invite names (403 `invites.email_mismatch`). 404 for an unknown token,
     * 410 `invites.used` / `invites.revoked` / `invites.expired`.
     */
    ServiceResult<AcceptedInvite> accept(const QString &userId, const QByteArray &token, const AuditEvent &trail = {});

    /*! A slug made from \a name: lower-case ASCII letters, digits and dashes, 1–63 characters. */
    static QString slugify(const QString &name);

private:
    Database &m_db;
    const AuthConfig &m_config;
};

} // namespace slidespec::server
