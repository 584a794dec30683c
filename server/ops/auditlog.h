// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "db/database.h"
#include "http/apierror.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonObject>
#include <QString>

#include <optional>
#include <variant>

namespace slidespec::server {

class RequestContext;

/*!
 * \brief One audit event: who (actor), did what (action), to which object,
 * in which org (empty: an account-level event), from where (client address,
 * request id), with what details.
 *
 * Actions are dotted lower-case words (`member.role_changed`); the list the
 * server records is in docs/operations.md.
 */
struct AuditEvent
{
    QString orgId{};        //!< uuid text; empty for account-level events
    QString actorUserId{};  //!< uuid text; empty when unknown (a failed login)
    QString action{};       //!< e.g. "webhook.created"
    QString objectType{};   //!< e.g. "webhook"
    QString objectId{};     //!< e.g. the webhook's id
    QJsonObject details{};  //!< anything else worth keeping (never secrets)
    QString clientAddress{}; //!< IPv4/IPv6 text, or empty
    QString requestId{};

    /*!
     * \brief An event for the request in \a context: actor, org, client
     * address and request id taken from it.
     */
    static AuditEvent fromRequest(const RequestContext &context, const QString &action,
                                  const QString &objectType = {}, const QString &objectId = {},
                                  const QJsonObject &details = {});
};

/*! \brief Filters and page of GET /orgs/{orgId}/audit. */
struct AuditQuery
{
    QString action{};      //!< exact action, or a prefix ending in ".*" ("webhook.*")
    QString actorUserId{}; //!< uuid text
    QString objectType{};
    QString objectId{};
    std::optional<QDateTime> since{}; //!< inclusive
    std::optional<QDateTime> until{}; //!< exclusive
    qint64 beforeId = 0;   //!< from the cursor: events older than this id
    int limit = 50;        //!< 1 … 200
};

/*! \brief One page of events, newest first. */
struct AuditPage
{
    QJsonArray events{};
    QString nextCursor{}; //!< empty on the last page
};

/*!
 * \brief The audit log: an append-only table (migration 0030) the server
 * may insert into and read, never change.
 *
 * Record inside the transaction of the action itself, so both commit or
 * neither does:
 * \code
 * db.withTransaction(ctx.orgScope(), [&](pqxx::work &tx) {
 *     ... change something ...
 *     AuditLog::record(tx, AuditEvent::fromRequest(ctx, "member.removed", "user", userId));
 * });
 * \endcode
 * or standalone (its own transaction) with record(const AuditEvent &).
 */
class AuditLog
{
public:
    explicit AuditLog(Database &db);

    /*!
     * \brief Inserts \a event with \a tx. The transaction's scope must be the
     * event's org (or the event is account-level). Throws what libpqxx throws
     * (a bad action name is a check violation): call inside withTransaction.
     */
    static void record(pqxx::transaction_base &tx, const AuditEvent &event);

    /*! Records \a event in a transaction of its own. Never throws. */
    DbResult<void> record(const AuditEvent &event);

    /*!
     * \brief Parses \a context's query string (action, actor, objectType,
     * objectId, since, until, cursor, limit) into \a query, or returns the
     * 400 error that says which parameter is wrong.
     */
    static std::optional<ApiError> parseQuery(const RequestContext &context, AuditQuery *query);

    /*! The org's events matching \a query, newest first. */
    DbResult<AuditPage> list(const OrgScope &scope, const AuditQuery &query);

    /*! True when \a action has the accepted shape (dotted lower-case words). */
    static bool isValidAction(const QString &action);

private:
    Database &m_db;
};

} // namespace slidespec::server
