// SPDX-License-Identifier: GPL-3.0-or-later
#include "auth/permissions.h"

#include <array>

namespace slidespec::server {

namespace {

constexpr std::array<Role, 4> roles{Role::Viewer, Role::Editor, Role::Admin, Role::Owner};

// The matrix. Columns: viewer, editor, admin, owner. Keep docs/permissions.md
// in step (tst_permissions fails and prints the new table otherwise).
constexpr Permission table[] = {
    {"org.read", "See the org's name, slug and settings", true, true, true, true},
    {"org.update", "Rename the org, change its settings", false, false, true, true},
    {"org.delete", "Delete the org", false, false, false, true},
    {"members.read", "List members and their roles", true, true, true, true},
    {"members.invite", "Create invites (admins up to admin, owners any role)", false, false, true, true},
    {"members.update_role", "Change a member's role (owners only to or from owner)", false, false, true, true},
    {"members.remove", "Remove a member (owners only remove owners)", false, false, true, true},
    {"invites.read", "List pending invites", false, false, true, true},
    {"invites.revoke", "Revoke an invite", false, false, true, true},
    {"decks.read", "List, search and open decks and their revisions", true, true, true, true},
    {"decks.write", "Create decks, save revisions", false, true, true, true},
    {"decks.delete", "Move decks to the trash, restore them", false, true, true, true},
    {"brandkits.read", "List and open brand kits", true, true, true, true},
    {"brandkits.write", "Create brand kits, save revisions", false, false, true, true},
    {"brandkits.delete", "Move brand kits to the trash, restore them", false, false, true, true},
    {"templates.read", "Browse the org's template gallery", true, true, true, true},
    {"templates.write", "Create templates, save revisions", false, true, true, true},
    {"templates.delete", "Move templates to the trash, restore them", false, true, true, true},
    {"assets.read", "Download assets, get signed links", true, true, true, true},
    {"assets.write", "Upload assets", false, true, true, true},
    {"jobs.read", "See export and preview jobs and their results", true, true, true, true},
    {"jobs.write", "Start exports and previews", false, true, true, true},
    {"jobs.manage", "Retry or discard dead jobs", false, false, true, true},
    {"tokens.create", "Create personal API tokens scoped to this org", true, true, true, true},
    {"tokens.manage", "List and revoke any member's API tokens for this org", false, false, true, true},
    {"audit.read", "Read the audit log", false, false, true, true},
    {"usage.read", "Read usage and quotas", false, false, true, true},
    {"webhooks.manage", "Register webhooks, read their delivery log", false, false, true, true},
};

MembershipRuleViolation forbidden(const char *code, const QString &message)
{
    return {QString::fromLatin1(code), message, false};
}

MembershipRuleViolation conflict(const char *code, const QString &message)
{
    return {QString::fromLatin1(code), message, true};
}

} // namespace

QString roleName(Role role)
{
    switch (role) {
    case Role::Viewer:
        return QStringLiteral("viewer");
    case Role::Editor:
        return QStringLiteral("editor");
    case Role::Admin:
        return QStringLiteral("admin");
    case Role::Owner:
        return QStringLiteral("owner");
    }
    return QStringLiteral("viewer");
}

std::optional<Role> roleFromName(QStringView name)
{
    for (const Role role : roles) {
        if (name == roleName(role))
            return role;
    }
    return std::nullopt;
}

std::span<const Role> allRoles()
{
    return roles;
}

bool Permission::allows(Role role) const
{
    switch (role) {
    case Role::Viewer:
        return viewer;
    case Role::Editor:
        return editor;
    case Role::Admin:
        return admin;
    case Role::Owner:
        return owner;
    }
    return false;
}

std::span<const Permission> permissionTable()
{
    return table;
}

bool isKnownAction(QStringView action)
{
    for (const Permission &p : table) {
        if (action == QLatin1StringView(p.action))
            return true;
    }
    return false;
}

bool roleAllows(Role role, QStringView action)
{
    for (const Permission &p : table) {
        if (action == QLatin1StringView(p.action))
            return p.allows(role);
    }
    return false;
}

QStringList allowedActions(Role role)
{
    QStringList actions;
    for (const Permission &p : table) {
        if (p.allows(role))
            actions.append(QString::fromLatin1(p.action));
    }
    return actions;
}

QString permissionTableMarkdown()
{
    QString out = QStringLiteral("| action | viewer | editor | admin | owner | allows |\n|---|:-:|:-:|:-:|:-:|---|\n");
    for (const Permission &p : table) {
        out += QStringLiteral("| `%1` |").arg(QLatin1StringView(p.action));
        for (const Role role : roles)
            out += p.allows(role) ? QStringLiteral(" ✓ |") : QStringLiteral(" — |");
        out += QStringLiteral(" %1 |\n").arg(QString::fromUtf8(p.description));
    }
    return out;
}

std::optional<MembershipRuleViolation> checkRoleChange(Role actor, Role current, Role requested, int ownerCount,
                                                       bool actorIsTarget)
{
    Q_UNUSED(actorIsTarget); // the same rules apply to one's own role
    if (!roleAllows(actor, u"members.update_role"))
        return forbidden("members.forbidden", QStringLiteral("Only admins and owners can change roles."));
    if (requested == Role::Owner && current != Role::Owner && actor != Role::Owner)
        return forbidden("members.owner_only", QStringLiteral("Only an owner can make someone an owner."));
    if (current == Role::Owner && requested != Role::Owner && actor != Role::Owner)
        return forbidden("members.owner_only", QStringLiteral("Only an owner can change an owner's role."));
    if (current == Role::Owner && requested != Role::Owner && ownerCount <= 1) {
        return conflict("members.last_owner",
                        QStringLiteral("This is the org's only owner: make another member owner first."));
    }
    return std::nullopt;
}

std::optional<MembershipRuleViolation> checkRemoval(Role actor, Role target, int ownerCount, bool actorIsTarget)
{
    if (!actorIsTarget) {
        if (!roleAllows(actor, u"members.remove"))
            return forbidden("members.forbidden", QStringLiteral("Only admins and owners can remove members."));
        if (target == Role::Owner && actor != Role::Owner)
            return forbidden("members.owner_only", QStringLiteral("Only an owner can remove an owner."));
    }
    if (target == Role::Owner && ownerCount <= 1) {
        return conflict("members.last_owner",
                        actorIsTarget
                            ? QStringLiteral("You are the org's only owner: make another member owner before leaving.")
                            : QStringLiteral("This is the org's only owner: make another member owner first."));
    }
    return std::nullopt;
}

std::optional<MembershipRuleViolation> checkInvite(Role actor, Role invited)
{
    if (!roleAllows(actor, u"members.invite"))
        return forbidden("members.forbidden", QStringLiteral("Only admins and owners can invite members."));
    if (invited == Role::Owner && actor != Role::Owner)
        return forbidden("members.owner_only", QStringLiteral("Only an owner can invite an owner."));
    return std::nullopt;
}

} // namespace slidespec::server
