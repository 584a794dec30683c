// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QJsonObject>
#include <QString>

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

} // namespace slidespec::server
