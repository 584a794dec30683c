// SPDX-License-Identifier: GPL-3.0-or-later
#include "http/apierror.h"

#include <QJsonDocument>

namespace slidespec::server {

QByteArray ApiError::toJson() const
{
    QJsonObject error{
        {QStringLiteral("code"), code},
        {QStringLiteral("message"), message},
        {QStringLiteral("details"), details},
    };
    return QJsonDocument(QJsonObject{{QStringLiteral("error"), error}}).toJson(QJsonDocument::Compact);
}

QHttpServerResponse ApiError::toResponse() const
{
    return QHttpServerResponse(QByteArrayLiteral("application/json"), toJson(),
                               static_cast<QHttpServerResponder::StatusCode>(status));
}

ApiError ApiError::badRequest(const QString &code, const QString &message, QJsonObject details)
{
    return {400, code, message, std::move(details)};
}

ApiError ApiError::unauthorized(const QString &message)
{
    return {401, QStringLiteral("auth.required"), message, {}};
}

ApiError ApiError::forbidden(const QString &message)
{
    return {403, QStringLiteral("auth.forbidden"), message, {}};
}

ApiError ApiError::notFound(const QString &what)
{
    return {404, QStringLiteral("not_found"), QStringLiteral("No such %1.").arg(what), {}};
}

ApiError ApiError::conflict(const QString &code, const QString &message, QJsonObject details)
{
    return {409, code, message, std::move(details)};
}

ApiError ApiError::internal()
{
    // Never leak internals: the log has the cause under the request id.
    return {500, QStringLiteral("internal"),
            QStringLiteral("The server failed to handle this request; it has been logged."), {}};
}

} // namespace slidespec::server
