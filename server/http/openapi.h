// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QJsonObject>
#include <QString>
#include <QStringList>

namespace slidespec::server {

class Router;

/*!
 * \brief The OpenAPI 3.0.3 document of \a router's routes: every route with
 * its path parameters, query parameters, security (bearer token or session
 * cookie when it needs authentication, the permission in
 * x-slidespec-permission), request body and responses, including the error
 * envelope (components/schemas/Error) for every error status it can return.
 * Route patterns are OpenAPI paths already ({name}).
 */
QJsonObject openApiDocument(const Router &router, const QString &serverUrl, const QString &version);

/*! Building blocks of the schemas modules register with Router::addSchema(). */
namespace openapi {

/*! `{"type": name}`, with `"format"` when given. */
QJsonObject type(const char *name, const char *format = nullptr);
/*! \a schema with `"nullable": true`. */
QJsonObject nullable(QJsonObject schema);
/*! A reference to the registered schema \a name. */
QJsonObject ref(const QString &name);
/*! An array of \a items. */
QJsonObject arrayOf(const QJsonObject &items);
/*! An object with \a properties, of which \a required must be present. */
QJsonObject objectSchema(const QJsonObject &properties, const QStringList &required = {});

} // namespace openapi

} // namespace slidespec::server
