// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "http/authenticator.h"
#include "http/httpresponse.h"
#include "http/requestcontext.h"

#include <QByteArray>
#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QRegularExpression>
#include <QString>
#include <QStringList>

#include <functional>
#include <memory>
#include <optional>

namespace slidespec::server {

/*! A route's handler: runs on a worker thread, never on the event loop. */
using RouteHandler = std::function<HttpResponse(RequestContext &)>;

/*! Whether a route needs an authenticated caller. */
enum class AuthMode {
    Required, //!< no valid credential → 401 (the default)
    Optional, //!< the identity is filled when a valid credential is sent
    None,     //!< the authenticator is not called
};

/*! A documented query parameter. */
struct QueryParamDoc
{
    QString name{};
    QString type = QStringLiteral("string"); //!< OpenAPI type: string, integer, boolean
    QString description{};
    bool required = false;
};

/*!
 * \brief OpenAPI metadata of a route. Schema names refer to
 * Router::addSchema() entries (components/schemas); empty means none.
 */
struct RouteDoc
{
    QString summary{};
    QString description{};
    QString tag{};
    QString requestSchema{};   //!< request body schema name (JSON)
    QString responseSchema{};  //!< success body schema name (JSON)
    int successStatus = 200;
    QList<int> errorStatuses{}; //!< besides the ones the router adds (400/401/403/404/413/500…)
    QList<QueryParamDoc> queryParams{};
    QString requestContentType = QStringLiteral("application/json");
    QString responseContentType = QStringLiteral("application/json");
};

/*! A JSON route's documentation from the parts most routes set. */
inline RouteDoc routeDoc(QString tag, QString summary, QString requestSchema, QString responseSchema,
                         int successStatus = 200, QList<int> errorStatuses = {}, QList<QueryParamDoc> queryParams = {})
{
    return {.summary = std::move(summary),
            .tag = std::move(tag),
            .requestSchema = std::move(requestSchema),
            .responseSchema = std::move(responseSchema),
            .successStatus = successStatus,
            .errorStatuses = std::move(errorStatuses),
            .queryParams = std::move(queryParams)};
}

/*!
 * \brief One route: method, path pattern with {name} parameters, handler,
 * authentication, permission (a string from the permission matrix, checked
 * by the Authenticator) and documentation.
 *
 * \code
 * router.add({.method = "GET", .pattern = "/api/v1/orgs/{orgId}/decks/{deckId}",
 *             .handler = [&](RequestContext &ctx) { ... },
 *             .permission = "deck.read",
 *             .doc = {.summary = "Get a deck", .tag = "decks", .responseSchema = "Deck"}});
 * \endcode
 */
struct Route
{
    QByteArray method{};  //!< GET, POST, PUT, PATCH, DELETE
    QString pattern{};    //!< /api/v1/things/{id}; a parameter matches one non-empty segment
    RouteHandler handler{};
    AuthMode auth = AuthMode::Required;
    QString permission{}; //!< empty: authentication alone suffices
    RouteDoc doc{};

    /*! The pattern's parameter names, in order. */
    QStringList paramNames() const;
};

/*!
 * \brief The route table and the request pipeline for one request.
 *
 * Thread-safe for dispatching once routes are added (add routes and install
 * the authenticator before the server starts listening).
 */
class Router
{
public:
    Router();
    ~Router();

    /*!
     * \brief Adds \a route. Returns false (and logs why) when the pattern is
     * malformed or the same method and pattern exist already.
     */
    bool add(Route route);

    /*! The routes, in the order added. */
    const QList<Route> &routes() const { return m_routes; }

    /*! Installs the authenticator (the router does not own it). */
    void setAuthenticator(Authenticator *authenticator) { m_authenticator = authenticator; }
    Authenticator *authenticator() const { return m_authenticator; }

    /*! Adds a JSON Schema under components/schemas/\a name in the OpenAPI document. */
    void addSchema(const QString &name, const QJsonObject &schema);
    const QHash<QString, QJsonObject> &schemas() const { return m_schemas; }

    struct Match
    {
        const Route *route = nullptr;
        QHash<QString, QString> params;
        QByteArrayList allowedMethods; //!< when the path matches but not the method
    };
    /*! Finds the route for \a method and \a path. HEAD matches GET routes. */
    Match match(const QByteArray &method, const QString &path) const;

    /*!
     * \brief Runs the whole pipeline for one request on the calling thread:
     * match (404 / 405 with Allow), authenticate (401), authorize (403/404),
     * handler; an exception anywhere becomes a 500 envelope (logged with the
     * request id, never sent).
     */
    HttpResponse dispatch(RequestContext &context) const;

private:
    struct Compiled
    {
        QRegularExpression regex;
        QStringList names;
    };
    QList<Route> m_routes;
    QList<Compiled> m_compiled;
    QHash<QString, QJsonObject> m_schemas;
    Authenticator *m_authenticator = nullptr;
};

} // namespace slidespec::server
