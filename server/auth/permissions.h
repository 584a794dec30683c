// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <QStringList>
#include <QStringView>

#include <optional>
#include <span>

/*!
 * \file permissions.h
 * \brief The permission matrix: which org role may do which action. This one
 * table drives enforcement (the router checks a route's required action
 * against it), what `GET /me` tells clients, and docs/permissions.md (a test
 * checks the document's table is the one generated from this table).
 */

namespace slidespec::server {

/*! \brief A member's role in an org, from least to most powerful. */
enum class Role { Viewer = 0, Editor = 1, Admin = 2, Owner = 3 };

/*! "viewer", "editor", "admin", "owner". */
QString roleName(Role role);

/*! The role spelled \a name (exactly as roleName() spells it), or nullopt. */
std::optional<Role> roleFromName(QStringView name);

/*! All roles, least powerful first. */
std::span<const Role> allRoles();

/*! \brief One action of the matrix and the roles allowed to do it. */
struct Permission
{
    const char *action;      //!< dotted name, e.g. "decks.write"
    const char *description; //!< what it allows, for the documentation
    bool viewer;
    bool editor;
    bool admin;
    bool owner;

    bool allows(Role role) const;
};

/*! The whole matrix, in documentation order. */
std::span<const Permission> permissionTable();

/*! True when \a action is a row of the matrix. */
bool isKnownAction(QStringView action);

/*! True when \a role may do \a action; false for an unknown action. */
bool roleAllows(Role role, QStringView action);

/*! The actions \a role may do, in table order (what `/me` lists per org). */
QStringList allowedActions(Role role);

/*!
 * \brief The matrix as the Markdown table docs/permissions.md holds between
 * its `<!-- permission-matrix:begin -->` and `<!-- permission-matrix:end -->`
 * markers.
 */
QString permissionTableMarkdown();

/*!
 * \brief A refused membership change: a stable code and a message for the
 * user. The HTTP layer returns it as 403 (not allowed for this role) or 409
 * (would leave the org without an owner), see \c isConflict.
 */
struct MembershipRuleViolation
{
    QString code;
    QString message;
    bool isConflict = false; //!< true: 409 (state), false: 403 (permission)
};

/*!
 * \brief The rules on top of the matrix for changing \a target's role from
 * \a current to \a requested, done by a member whose role is \a actor.
 * \a ownerCount is the org's number of owners now; \a actorIsTarget when a
 * member changes their own role.
 *
 * - the actor needs members.update_role (admins and owners);
 * - only an owner may make someone an owner, or change an owner's role
 *   ("an admin cannot promote to owner");
 * - the last owner cannot be demoted (the org must keep an owner).
 */
std::optional<MembershipRuleViolation> checkRoleChange(Role actor, Role current, Role requested, int ownerCount,
                                                       bool actorIsTarget);

/*!
 * \brief The rules for removing a member whose role is \a target, done by
 * \a actor. Anyone may leave (\a actorIsTarget); removing someone else needs
 * members.remove, and only owners remove owners; the last owner can neither
 * leave nor be removed.
 */
std::optional<MembershipRuleViolation> checkRemoval(Role actor, Role target, int ownerCount, bool actorIsTarget);

/*!
 * \brief The rules for inviting someone as \a invited, done by \a actor: the
 * actor needs members.invite, and only owners invite owners.
 */
std::optional<MembershipRuleViolation> checkInvite(Role actor, Role invited);

} // namespace slidespec::server
