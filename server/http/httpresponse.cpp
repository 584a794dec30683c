// SPDX-License-Identifier: GPL-3.0-or-later
#include "http/httpresponse.h"

#include <QJsonDocument>

namespace slidespec::server {

HttpResponse::HttpResponse(int status) : m_status(status) {}

HttpResponse::HttpResponse(const ApiError &error)
    : m_status(error.status),
      m_contentType(QByteArrayLiteral("application/json")),
      m_body(error.toJson()),
      m_errorCode(error.code)
{
}

HttpResponse HttpResponse::json(const QJsonObject &object, int status)
{
    return rawJson(QJsonDocument(object).toJson(QJsonDocument::Compact), status);
}

HttpResponse HttpResponse::json(const QJsonArray &array, int status)
{
    return rawJson(QJsonDocument(array).toJson(QJsonDocument::Compact), status);
}

HttpResponse HttpResponse::json(std::initializer_list<QPair<QString, QJsonValue>> members, int status)
{
    return json(QJsonObject(members), status);
}

HttpResponse HttpResponse::rawJson(QByteArray json, int status)
{
    return bytes(QByteArrayLiteral("application/json"), std::move(json), status);
}

HttpResponse HttpResponse::bytes(QByteArray contentType, QByteArray body, int status)
{
    HttpResponse r(status);
    r.m_contentType = std::move(contentType);
    r.m_body = std::move(body);
    return r;
}

HttpResponse HttpResponse::noContent()
{
    return HttpResponse(204);
}

HttpResponse HttpResponse::stream(std::shared_ptr<ResponseStream> stream, QByteArray initial, int status)
{
    HttpResponse r(status);
    r.m_contentType = QByteArrayLiteral("text/event-stream");
    r.m_body = std::move(initial);
    r.m_stream = std::move(stream);
    return r;
}

void HttpResponse::setHeader(const QByteArray &name, const QByteArray &value)
{
    m_headers.removeIf([&](const auto &h) { return h.first.compare(name, Qt::CaseInsensitive) == 0; });
    m_headers.append({name, value});
}

void HttpResponse::addHeader(const QByteArray &name, const QByteArray &value)
{
    m_headers.append({name, value});
}

QByteArray HttpResponse::header(const QByteArray &name) const
{
    for (const auto &h : m_headers) {
        if (h.first.compare(name, Qt::CaseInsensitive) == 0)
            return h.second;
    }
    return {};
}

QByteArray httpReasonPhrase(int status)
{
    switch (status) {
    case 100: return "Continue";
    case 200: return "OK";
    case 201: return "Created";
    case 202: return "Accepted";
    case 204: return "No Content";
    case 206: return "Partial Content";
    case 301: return "Moved Permanently";
    case 302: return "Found";
    case 303: return "See Other";
    case 304: return "Not Modified";
    case 307: return "Temporary Redirect";
    case 308: return "Permanent Redirect";
    case 400: return "Bad Request";
    case 401: return "Unauthorized";
    case 403: return "Forbidden";
    case 404: return "Not Found";
    case 405: return "Method Not Allowed";
    case 406: return "Not Acceptable";
    case 408: return "Request Timeout";
    case 409: return "Conflict";
    case 410: return "Gone";
    case 411: return "Length Required";
    case 412: return "Precondition Failed";
    case 413: return "Payload Too Large";
    case 414: return "URI Too Long";
    case 415: return "Unsupported Media Type";
    case 416: return "Range Not Satisfiable";
    case 422: return "Unprocessable Entity";
    case 428: return "Precondition Required";
    case 429: return "Too Many Requests";
    case 431: return "Request Header Fields Too Large";
    case 500: return "Internal Server Error";
    case 501: return "Not Implemented";
    case 502: return "Bad Gateway";
    case 503: return "Service Unavailable";
    case 504: return "Gateway Timeout";
    case 507: return "Insufficient Storage";
    default: break;
    }
    return "Status";
}

} // namespace slidespec::server
