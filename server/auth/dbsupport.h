// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Internal to server/auth: running a service step in one scoped transaction
// that may end with an ApiError (and then rolls back), and small conversions.

#include "db/database.h"
#include "db/runscoped.h"
#include "http/serviceresult.h"
#include "ops/auditlog.h"
#include "ops/webhooks.h"

#include <pqxx/result>
#include <pqxx/row>

#include <QByteArray>
#include <QJsonObject>
#include <QString>

#include <optional>
#include <string>

namespace slidespec::server::authdb {

inline std::string hex(const QByteArray &bytes)
{
    return bytes.toHex().toStdString();
}

inline std::string s(const QString &text)
{
    return text.toStdString();
}

inline QString q(const pqxx::field &field)
{
    return field.is_null() ? QString() : QString::fromStdString(field.as<std::string>());
}

/*! SQL for a timestamptz column as the API's ISO 8601 UTC text. */
inline std::string iso(const char *column)
{
    return std::string("to_char(") + column + " AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS.MS\"Z\"')";
}

/*!
 * The audit event for \a action: \a trail (the request's client address,
 * request id and credential kind, from AuditEvent::fromRequest()) with the
 * org, actor, object and \a details (merged into the trail's) set here.
 */
inline AuditEvent auditEvent(const AuditEvent &trail, const QString &action, const QString &orgId,
                             const QString &actorId, const QString &objectType, const QString &objectId,
                             const QJsonObject &details = {})
{
    AuditEvent event = trail;
    event.action = action;
    event.orgId = orgId;
    event.actorUserId = actorId;
    event.objectType = objectType;
    event.objectId = objectId;
    for (auto it = details.begin(); it != details.end(); ++it)
        event.details.insert(it.key(), it.value());
    return event;
}

/*!
 * Narrows the transaction's scope to \a orgId, so the org's audit row and
 * webhook deliveries pass RLS. Only after the caller has established that
 * the user acts in that org (a token of theirs for it, an accepted invite).
 */
inline void enterOrg(pqxx::work &tx, const QString &orgId)
{
    tx.exec_params("SELECT set_config('app.org_id', $1, true)", s(orgId));
}

/*! Queues the membership webhook \a event ({userId, role, …}) in \a tx, whose scope is the org. */
inline void emitMemberEvent(pqxx::work &tx, const QString &orgId, const QString &event, const QString &userId,
                            const QString &role, const QJsonObject &extra = {})
{
    QJsonObject data{{QStringLiteral("userId"), userId}, {QStringLiteral("role"), role}};
    for (auto it = extra.begin(); it != extra.end(); ++it)
        data.insert(it.key(), it.value());
    Webhooks::emitEvent(tx, orgId, event, data);
}

} // namespace slidespec::server::authdb
