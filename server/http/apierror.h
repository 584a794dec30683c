// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QHttpServerResponse>
#include <QJsonObject>
#include <QString>

namespace slidespec::server {

/*!
 * \brief An API error: the HTTP status, a stable machine-readable code and a
 * human message, with optional details (for example the JSON path of the
 * problem in a request body).
 *
 * Every error the API returns has this one shape:
 * \code
 * { "error": { "code": "deck.invalid", "message": "...", "details": { ... } } }
 * \endcode
 * Codes are dotted lower-case words, documented in docs/server.md; messages
 * are for people and may change, codes may not.
 */
struct ApiError
{
    int status = 500;
    QString code;
    QString message;
    QJsonObject details;

    /*! The JSON body: { "error": { code, message, details } }. */
    QByteArray toJson() const;

    /*! A complete response: status, JSON body and content type. */
    QHttpServerResponse toResponse() const;

    static ApiError badRequest(const QString &code, const QString &message, QJsonObject details = {});
    static ApiError unauthorized(const QString &message = QStringLiteral("Authentication required."));
    static ApiError forbidden(const QString &message = QStringLiteral("You do not have permission to do this."));
    static ApiError notFound(const QString &what = QStringLiteral("resource"));
    static ApiError conflict(const QString &code, const QString &message, QJsonObject details = {});
    static ApiError internal();
};

} // namespace slidespec::server
