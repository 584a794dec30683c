// SPDX-License-Identifier: GPL-3.0-or-later
#include "storage/sigv4.h"

#include <QCryptographicHash>
#include <QMessageAuthenticationCode>
#include <QTimeZone>

#include <algorithm>

namespace slidespec::server {

namespace {

QByteArray hmac(const QByteArray &key, const QByteArray &message)
{
    return QMessageAuthenticationCode::hash(message, key, QCryptographicHash::Sha256);
}

/*! Trims and collapses runs of spaces inside a header value, as SigV4 asks. */
QByteArray canonicalHeaderValue(const QByteArray &value)
{
    return value.simplified();
}

QList<QPair<QByteArray, QByteArray>> sortedHeaders(const SigV4Signer::Request &request)
{
    QList<QPair<QByteArray, QByteArray>> headers;
    for (const auto &[name, value] : request.headers) {
        const QByteArray lower = name.toLower().trimmed();
        auto existing = std::find_if(headers.begin(), headers.end(), [&](const auto &h) { return h.first == lower; });
        if (existing != headers.end())
            existing->second += ',' + canonicalHeaderValue(value);
        else
            headers.append({lower, canonicalHeaderValue(value)});
    }
    std::sort(headers.begin(), headers.end(), [](const auto &a, const auto &b) { return a.first < b.first; });
    return headers;
}

QByteArray dateStamp(const QDateTime &time)
{
    return time.toUTC().toString(QStringLiteral("yyyyMMdd")).toLatin1();
}

} // namespace

SigV4Signer::SigV4Signer(QString accessKey, QByteArray secretKey, QString region, QString service)
    : m_accessKey(std::move(accessKey)), m_secretKey(std::move(secretKey)), m_region(std::move(region)),
      m_service(std::move(service))
{
}

QByteArray SigV4Signer::uriEncode(const QByteArray &bytes, bool keepSlash)
{
    static const char hex[] = "0123456789ABCDEF";
    QByteArray out;
    out.reserve(bytes.size() * 3);
    for (const char ch : bytes) {
        const auto c = static_cast<unsigned char>(ch);
        if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '.'
            || c == '_' || c == '~' || (keepSlash && c == '/')) {
            out += char(c);
        } else {
            out += '%';
            out += hex[c >> 4];
            out += hex[c & 0xf];
        }
    }
    return out;
}

QByteArray SigV4Signer::sha256Hex(const QByteArray &bytes)
{
    return QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex();
}

QByteArray SigV4Signer::amzDate(const QDateTime &time)
{
    return time.toUTC().toString(QStringLiteral("yyyyMMdd'T'HHmmss'Z'")).toLatin1();
}

QByteArray SigV4Signer::signedHeaders(const Request &request)
{
    QByteArrayList names;
    for (const auto &header : sortedHeaders(request))
        names.append(header.first);
    return names.join(';');
}

QByteArray SigV4Signer::canonicalRequest(const Request &request) const
{
    QList<QPair<QByteArray, QByteArray>> query;
    for (const auto &[name, value] : request.query)
        query.append({uriEncode(name, false), uriEncode(value, false)});
    std::sort(query.begin(), query.end());
    QByteArrayList queryParts;
    for (const auto &[name, value] : query)
        queryParts.append(name + '=' + value);

    QByteArray canonicalHeaders;
    for (const auto &[name, value] : sortedHeaders(request))
        canonicalHeaders += name + ':' + value + '\n';

    return request.method + '\n' + (request.canonicalUri.isEmpty() ? QByteArray("/") : request.canonicalUri) + '\n'
        + queryParts.join('&') + '\n' + canonicalHeaders + '\n' + signedHeaders(request) + '\n' + request.payloadHash;
}

QByteArray SigV4Signer::stringToSign(const Request &request, const QDateTime &time) const
{
    const QByteArray scope = dateStamp(time) + '/' + m_region.toUtf8() + '/' + m_service.toUtf8() + "/aws4_request";
    return "AWS4-HMAC-SHA256\n" + amzDate(time) + '\n' + scope + '\n' + sha256Hex(canonicalRequest(request));
}

QByteArray SigV4Signer::signingKey(const QDateTime &time) const
{
    const QByteArray dateKey = hmac("AWS4" + m_secretKey, dateStamp(time));
    const QByteArray regionKey = hmac(dateKey, m_region.toUtf8());
    const QByteArray serviceKey = hmac(regionKey, m_service.toUtf8());
    return hmac(serviceKey, "aws4_request");
}

QByteArray SigV4Signer::signature(const Request &request, const QDateTime &time) const
{
    return hmac(signingKey(time), stringToSign(request, time)).toHex();
}

QByteArray SigV4Signer::authorization(const Request &request, const QDateTime &time) const
{
    return "AWS4-HMAC-SHA256 Credential=" + m_accessKey.toUtf8() + '/' + dateStamp(time) + '/' + m_region.toUtf8() + '/'
        + m_service.toUtf8() + "/aws4_request,SignedHeaders=" + signedHeaders(request)
        + ",Signature=" + signature(request, time);
}

} // namespace slidespec::server
