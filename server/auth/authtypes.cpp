// SPDX-License-Identifier: GPL-3.0-or-later
#include "auth/authtypes.h"

#include <QJsonArray>
#include <QRegularExpression>

namespace slidespec::server {

namespace {

QJsonValue orNull(const QString &value)
{
    return value.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(value);
}

} // namespace

QJsonObject UserInfo::toJson() const
{
    return {{QStringLiteral("id"), id},
            {QStringLiteral("email"), email},
            {QStringLiteral("displayName"), displayName},
            {QStringLiteral("createdAt"), createdAt}};
}

QJsonObject SessionGrant::toJson() const
{
    return {{QStringLiteral("token"), token},
            {QStringLiteral("sessionId"), sessionId},
            {QStringLiteral("expiresAt"), expiresAt},
            {QStringLiteral("user"), user.toJson()}};
}

QJsonObject SessionInfo::toJson() const
{
    return {{QStringLiteral("id"), id},
            {QStringLiteral("createdAt"), createdAt},
            {QStringLiteral("lastSeenAt"), lastSeenAt},
            {QStringLiteral("expiresAt"), expiresAt},
            {QStringLiteral("userAgent"), userAgent},
            {QStringLiteral("address"), address},
            {QStringLiteral("current"), current}};
}

QJsonObject ApiTokenInfo::toJson() const
{
    QJsonObject object{{QStringLiteral("id"), id},
            {QStringLiteral("name"), name},
            {QStringLiteral("orgId"), orgId},
            {QStringLiteral("orgName"), orgName},
            {QStringLiteral("hint"), hint},
            {QStringLiteral("createdAt"), createdAt},
            {QStringLiteral("lastUsedAt"), orNull(lastUsedAt)},
            {QStringLiteral("expiresAt"), orNull(expiresAt)},
            {QStringLiteral("revokedAt"), orNull(revokedAt)}};
    if (!userId.isEmpty())
        object.insert(QStringLiteral("userId"), userId);
    if (!userEmail.isEmpty())
        object.insert(QStringLiteral("userEmail"), userEmail);
    return object;
}

QJsonObject NewApiToken::toJson() const
{
    QJsonObject object = info.toJson();
    object.insert(QStringLiteral("token"), token);
    return object;
}

QJsonObject OrgInfo::toJson(bool withActions) const
{
    QJsonObject object{{QStringLiteral("id"), id},
                       {QStringLiteral("name"), name},
                       {QStringLiteral("slug"), slug},
                       {QStringLiteral("settings"), settings},
                       {QStringLiteral("createdAt"), createdAt},
                       {QStringLiteral("updatedAt"), updatedAt}};
    if (role) {
        object.insert(QStringLiteral("role"), roleName(*role));
        if (withActions)
            object.insert(QStringLiteral("allowedActions"), QJsonArray::fromStringList(allowedActions(*role)));
    }
    return object;
}

QJsonObject MemberInfo::toJson() const
{
    return {{QStringLiteral("userId"), userId},
            {QStringLiteral("email"), email},
            {QStringLiteral("displayName"), displayName},
            {QStringLiteral("role"), roleName(role)},
            {QStringLiteral("joinedAt"), joinedAt}};
}

QJsonObject InviteInfo::toJson() const
{
    return {{QStringLiteral("id"), id},
            {QStringLiteral("orgId"), orgId},
            {QStringLiteral("email"), email},
            {QStringLiteral("role"), roleName(role)},
            {QStringLiteral("createdBy"), orNull(createdBy)},
            {QStringLiteral("createdAt"), createdAt},
            {QStringLiteral("expiresAt"), expiresAt},
            {QStringLiteral("usedAt"), orNull(usedAt)},
            {QStringLiteral("revokedAt"), orNull(revokedAt)},
            {QStringLiteral("status"), status}};
}

QJsonObject NewInvite::toJson() const
{
    QJsonObject object = info.toJson();
    object.insert(QStringLiteral("token"), token);
    object.insert(QStringLiteral("link"), link);
    return object;
}

QJsonObject AcceptedInvite::toJson() const
{
    return {{QStringLiteral("orgId"), orgId},
            {QStringLiteral("role"), roleName(role)},
            {QStringLiteral("alreadyMember"), alreadyMember}};
}

std::optional<QString> normalizeEmail(const QString &email, QString *problem)
{
    const QString trimmed = email.trimmed();
    auto fail = [problem](const QString &why) -> std::optional<QString> {
        if (problem)
            *problem = why;
        return std::nullopt;
    };
    if (trimmed.size() < 3 || trimmed.size() > 254)
        return fail(QStringLiteral("An email address has 3 to 254 characters."));
    for (const QChar c : trimmed) {
        if (c.isSpace() || c.category() == QChar::Other_Control)
            return fail(QStringLiteral("An email address has no spaces or control characters."));
    }
    const qsizetype at = trimmed.lastIndexOf(u'@');
    if (at <= 0 || trimmed.indexOf(u'@') != at)
        return fail(QStringLiteral("An email address has exactly one @ with a name before it."));
    const QString domain = trimmed.mid(at + 1);
    if (domain.size() < 3 || !domain.contains(u'.') || domain.startsWith(u'.') || domain.endsWith(u'.'))
        return fail(QStringLiteral("The part after @ must be a domain such as example.com."));
    return trimmed;
}

bool isUuid(const QString &text)
{
    static const QRegularExpression pattern(
        QStringLiteral("^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$"));
    return text.size() == 36 && pattern.match(text).hasMatch();
}

} // namespace slidespec::server
