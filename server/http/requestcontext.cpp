// SPDX-License-Identifier: GPL-3.0-or-later
#include "http/requestcontext.h"

#include "db/database.h"

#include <QJsonParseError>
#include <QUuid>

namespace slidespec::server {

QByteArray HttpRequestData::header(QByteArrayView name) const
{
    for (const auto &h : headers) {
        if (QByteArrayView(h.first).compare(name, Qt::CaseInsensitive) == 0)
            return h.second;
    }
    return {};
}

bool isSaneRequestId(const QByteArray &id)
{
    if (id.isEmpty() || id.size() > 128)
        return false;
    for (const char c : id) {
        const bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-'
            || c == '_' || c == '.' || c == ':';
        if (!ok)
            return false;
    }
    return true;
}

QByteArray newRequestId()
{
    return QUuid::createUuid().toByteArray(QUuid::WithoutBraces);
}

RequestContext::RequestContext(HttpRequestData request, QByteArray requestId, QHostAddress clientAddress)
    : m_request(std::move(request)), m_requestId(std::move(requestId)), m_clientAddress(std::move(clientAddress))
{
    m_timer.start();
}

QString RequestContext::queryValue(const QString &key, const QString &fallback) const
{
    if (!m_request.query.hasQueryItem(key))
        return fallback;
    return m_request.query.queryItemValue(key, QUrl::FullyDecoded);
}

void RequestContext::setIdentity(std::optional<Identity> identity)
{
    m_identity = std::move(identity);
    if (m_identity && !m_identity->orgId.isEmpty())
        m_orgId = m_identity->orgId;
}

OrgScope RequestContext::orgScope() const
{
    return OrgScope{userId(), m_orgId};
}

void RequestContext::setRoute(const Route *route, QHash<QString, QString> params)
{
    m_route = route;
    m_pathParams = std::move(params);
}

std::optional<QJsonDocument> RequestContext::jsonBody(ApiError *error) const
{
    const QByteArray type = header("content-type").toLower();
    if (!type.isEmpty() && !type.startsWith("application/json") && !type.contains("+json")) {
        *error = ApiError{415, QStringLiteral("request.unsupported_media_type"),
                          QStringLiteral("The body must be JSON (Content-Type: application/json), not %1.")
                              .arg(QString::fromLatin1(type)),
                          {}};
        return std::nullopt;
    }
    const QByteArray &body = m_request.body;
    if (body.trimmed().isEmpty()) {
        *error = ApiError::badRequest(QStringLiteral("request.body_required"),
                                      QStringLiteral("This request needs a JSON body."));
        return std::nullopt;
    }
    QJsonParseError parseError;
    QJsonDocument doc = QJsonDocument::fromJson(body, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        // Line and column (1-based, column in bytes) of the offset Qt reports.
        const qsizetype offset = qBound(qsizetype(0), qsizetype(parseError.offset), body.size());
        int line = 1;
        qsizetype lineStart = 0;
        for (qsizetype i = 0; i < offset; ++i) {
            if (body.at(i) == '\n') {
                ++line;
                lineStart = i + 1;
            }
        }
        const qsizetype column = offset - lineStart + 1;
        *error = ApiError::badRequest(
            QStringLiteral("request.invalid_json"),
            QStringLiteral("The body is not valid JSON: %1 at line %2, column %3.")
                .arg(parseError.errorString())
                .arg(line)
                .arg(column),
            QJsonObject{{QStringLiteral("line"), line},
                        {QStringLiteral("column"), qint64(column)},
                        {QStringLiteral("offset"), qint64(offset)},
                        {QStringLiteral("reason"), parseError.errorString()}});
        return std::nullopt;
    }
    return doc;
}

std::optional<QJsonObject> RequestContext::jsonObject(ApiError *error) const
{
    auto doc = jsonBody(error);
    if (!doc)
        return std::nullopt;
    if (!doc->isObject()) {
        *error = ApiError::badRequest(QStringLiteral("request.expected_object"),
                                      QStringLiteral("The body must be a JSON object ({ … })."));
        return std::nullopt;
    }
    return doc->object();
}

} // namespace slidespec::server
