// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "http/apierror.h"
#include "http/authenticator.h"

#include <QByteArray>
#include <QElapsedTimer>
#include <QHash>
#include <QHostAddress>
#include <QJsonDocument>
#include <QJsonObject>
#include <QList>
#include <QPair>
#include <QString>
#include <QUrlQuery>

#include <optional>

namespace slidespec::server {

struct Route;
struct OrgScope;

/*!
 * \brief A request as the server received it: a plain value, safe to hand
 * to a worker thread. Header names are stored lower-case.
 */
struct HttpRequestData
{
    QByteArray method;   //!< "GET", "POST", …
    QString path;        //!< the path as sent (percent-encoded), e.g. /api/v1/decks/42
    QUrlQuery query;
    QList<QPair<QByteArray, QByteArray>> headers;
    QByteArray body;
    QHostAddress peerAddress; //!< the TCP peer (nginx, when behind it)

    QByteArray header(QByteArrayView name) const;
};

/*!
 * \brief Everything a handler gets about its request.
 *
 * Created by the router on the worker thread that runs the handler; the
 * handler may call setters (org id, response headers) freely. Not shared
 * between threads.
 */
class RequestContext
{
public:
    RequestContext(HttpRequestData request, QByteArray requestId, QHostAddress clientAddress);

    /*! The request id: the client's X-Request-Id when sane (1–128 of [A-Za-z0-9._:-]), else a new UUID. */
    const QByteArray &requestId() const { return m_requestId; }
    const HttpRequestData &request() const { return m_request; }
    const QByteArray &method() const { return m_request.method; }
    const QString &path() const { return m_request.path; }
    const QUrlQuery &query() const { return m_request.query; }
    /*! A query item's value (decoded), or \a fallback when absent. */
    QString queryValue(const QString &key, const QString &fallback = {}) const;
    /*! A request header (case-insensitive), or empty. */
    QByteArray header(QByteArrayView name) const { return m_request.header(name); }
    const QByteArray &body() const { return m_request.body; }

    /*! The matched route (null for the 404/405 paths). */
    const Route *route() const { return m_route; }
    /*! The path parameter \a name ({name} in the route's pattern), decoded, or empty. */
    QString pathParam(const QString &name) const { return m_pathParams.value(name); }
    const QHash<QString, QString> &pathParams() const { return m_pathParams; }

    /*! The client's address: the TCP peer, or X-Forwarded-For's client when the peer is a trusted proxy. */
    const QHostAddress &clientAddress() const { return m_clientAddress; }

    /*!
     * \brief Parses the body as JSON. On failure returns std::nullopt and
     * sets \a error to a 400 (`request.invalid_json`, details: line, column,
     * offset, reason) or 415 when Content-Type is set and is not JSON. An
     * empty body is an error too (`request.body_required`).
     */
    std::optional<QJsonDocument> jsonBody(ApiError *error) const;
    /*! Like jsonBody(), and requires an object (400 `request.expected_object` otherwise). */
    std::optional<QJsonObject> jsonObject(ApiError *error) const;

    /*! Authentication (filled by the router through the Authenticator). */
    const std::optional<Identity> &identity() const { return m_identity; }
    bool isAuthenticated() const { return m_identity.has_value(); }
    QString userId() const { return m_identity ? m_identity->userId : QString(); }
    /*! The org the request acts in: set by the authenticator (token scope or authorize()) or a handler. */
    const QString &orgId() const { return m_orgId; }
    void setOrgId(const QString &orgId) { m_orgId = orgId; }
    void setIdentity(std::optional<Identity> identity);
    /*! The tenant scope for database work: {userId(), orgId()} (include db/database.h to use it). */
    OrgScope orgScope() const;

    /*! Milliseconds since the server received the request. */
    qint64 elapsedMs() const { return m_timer.elapsed(); }

    // Set by the router.
    void setRoute(const Route *route, QHash<QString, QString> params);

private:
    HttpRequestData m_request;
    QByteArray m_requestId;
    QHostAddress m_clientAddress;
    const Route *m_route = nullptr;
    QHash<QString, QString> m_pathParams;
    std::optional<Identity> m_identity;
    QString m_orgId;
    QElapsedTimer m_timer;
};

/*! Whether \a id is acceptable as a client-supplied request id. */
bool isSaneRequestId(const QByteArray &id);

/*! A new request id (UUID without braces). */
QByteArray newRequestId();

} // namespace slidespec::server
