// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "http/apierror.h"
#include "http/responsestream.h"

#include <QByteArray>
#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QPair>

#include <initializer_list>
#include <memory>

namespace slidespec::server {

/*!
 * \brief What a handler returns: status, headers and body.
 *
 * A plain value (copyable, thread-safe to hand between threads). The server
 * adds Content-Length, X-Request-Id and Connection itself. An ApiError
 * converts implicitly, so a handler can `return ApiError::notFound("deck");`.
 */
class HttpResponse
{
public:
    explicit HttpResponse(int status = 200);
    HttpResponse(const ApiError &error); // NOLINT(google-explicit-constructor): errors are responses

    /*! A JSON body (compact), Content-Type application/json. */
    static HttpResponse json(const QJsonObject &object, int status = 200);
    static HttpResponse json(const QJsonArray &array, int status = 200);
    /*! A JSON object from members: `HttpResponse::json({{"id", id}, {"name", name}}, 201)`. */
    static HttpResponse json(std::initializer_list<QPair<QString, QJsonValue>> members, int status = 200);
    /*! Already-serialised JSON bytes. */
    static HttpResponse rawJson(QByteArray json, int status = 200);
    /*! Any bytes with their content type. */
    static HttpResponse bytes(QByteArray contentType, QByteArray body, int status = 200);
    /*! 204 No Content. */
    static HttpResponse noContent();
    /*!
     * \brief A streamed response (Server-Sent Events): the server writes the
     * status line and headers (Content-Type text/event-stream unless set,
     * Cache-Control no-cache, X-Accel-Buffering no, Connection close, no
     * Content-Length), then \a initial, then hands the connection to
     * \a stream (ResponseStream::attach()). The connection closes when the
     * stream ends. Over the server's stream caps the client gets 503 (or 429
     * for one org's cap) with Retry-After instead, and \a stream is dropped.
     */
    static HttpResponse stream(std::shared_ptr<ResponseStream> stream, QByteArray initial = {}, int status = 200);

    int status() const { return m_status; }
    void setStatus(int status) { m_status = status; }
    const QByteArray &body() const { return m_body; }
    void setBody(QByteArray body) { m_body = std::move(body); }
    const QByteArray &contentType() const { return m_contentType; }
    void setContentType(QByteArray type) { m_contentType = std::move(type); }

    /*! Replaces any header of that name (case-insensitive). */
    void setHeader(const QByteArray &name, const QByteArray &value);
    /*! Adds a header (may repeat, e.g. Set-Cookie). */
    void addHeader(const QByteArray &name, const QByteArray &value);
    /*! The first value of header \a name, or empty. */
    QByteArray header(const QByteArray &name) const;
    const QList<QPair<QByteArray, QByteArray>> &headers() const { return m_headers; }

    /*! The stream of a streamed response, else null. */
    const std::shared_ptr<ResponseStream> &responseStream() const { return m_stream; }
    bool isStream() const { return m_stream != nullptr; }

    /*! The error code when this is an error envelope (set by the ApiError constructor), else empty. */
    const QString &errorCode() const { return m_errorCode; }

private:
    int m_status = 200;
    QByteArray m_contentType;
    QByteArray m_body;
    QList<QPair<QByteArray, QByteArray>> m_headers;
    QString m_errorCode;
    std::shared_ptr<ResponseStream> m_stream;
};

/*! The reason phrase of an HTTP status, e.g. "Not Found". */
QByteArray httpReasonPhrase(int status);

} // namespace slidespec::server
