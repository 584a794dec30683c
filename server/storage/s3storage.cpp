// SPDX-License-Identifier: GPL-3.0-or-later
#include "storage/s3storage.h"

#include "storage/httpclient.h"
#include "storage/storagekey.h"

#include <QLocale>
#include <QThread>
#include <QTimeZone>
#include <QXmlStreamReader>

namespace slidespec::server {

namespace {

struct S3ErrorDocument
{
    QString code;
    QString message;
};

S3ErrorDocument parseErrorDocument(const QByteArray &body)
{
    S3ErrorDocument document;
    QXmlStreamReader xml(body);
    QString element;
    int depth = 0;
    while (!xml.atEnd()) {
        const auto token = xml.readNext();
        if (token == QXmlStreamReader::StartElement) {
            ++depth;
            element = xml.name().toString();
            if (depth == 2 && element == QLatin1String("Code"))
                document.code = xml.readElementText().trimmed(), --depth;
            else if (depth == 2 && element == QLatin1String("Message"))
                document.message = xml.readElementText().trimmed(), --depth;
        } else if (token == QXmlStreamReader::EndElement) {
            --depth;
        }
        if (xml.hasError())
            break;
    }
    return document;
}

StorageErrorKind kindFor(int status, const QString &code)
{
    if (code == QLatin1String("NoSuchKey"))
        return StorageErrorKind::NotFound;
    if (status == 401 || status == 403 || code == QLatin1String("InvalidAccessKeyId")
        || code == QLatin1String("SignatureDoesNotMatch") || code == QLatin1String("AccessDenied"))
        return StorageErrorKind::Denied;
    if (code == QLatin1String("NoSuchBucket") || status >= 500)
        return StorageErrorKind::Unavailable;
    if (code == QLatin1String("EntityTooLarge") || status == 413)
        return StorageErrorKind::TooLarge;
    if (status == 404)
        return StorageErrorKind::NotFound;
    return StorageErrorKind::Protocol;
}

/*! An RFC 9110 IMF-fixdate ("Thu, 26 Nov 2026 01:24:58 GMT"); invalid when it is not one. */
QDateTime parseHttpDate(const QByteArray &value)
{
    QDateTime time = QLocale::c().toDateTime(QString::fromLatin1(value).trimmed(),
                                             QStringLiteral("ddd, dd MMM yyyy HH:mm:ss 'GMT'"));
    if (!time.isValid())
        return {};
    time.setTimeZone(QTimeZone::utc());
    return time;
}

} // namespace

S3Storage::S3Storage(S3Config config)
    : m_config(std::move(config)), m_signer(m_config.accessKey, m_config.secretKey, m_config.region),
      m_clock([] { return QDateTime::currentDateTimeUtc(); })
{
    if (m_config.port == 0)
        m_config.port = m_config.tls ? 443 : 80;
}

QString S3Storage::hostName() const
{
    if (m_config.style == S3Config::Style::Virtual)
        return m_config.bucket + u'.' + m_config.host;
    return m_config.host;
}

QByteArray S3Storage::hostHeader() const
{
    QByteArray host = hostName().toUtf8();
    if (host.contains(':'))
        host = '[' + host + ']'; // an IPv6 address
    const bool defaultPort = (m_config.tls && m_config.port == 443) || (!m_config.tls && m_config.port == 80);
    if (!defaultPort)
        host += ':' + QByteArray::number(m_config.port);
    return host;
}

QByteArray S3Storage::pathFor(const QString &key) const
{
    QByteArray path;
    if (m_config.style == S3Config::Style::Path)
        path = '/' + SigV4Signer::uriEncode(m_config.bucket.toUtf8(), false);
    if (!key.isEmpty())
        path += '/' + SigV4Signer::uriEncode(key.toUtf8(), true);
    return path.isEmpty() ? QByteArray("/") : path;
}

QString S3Storage::describe() const
{
    return QStringLiteral("s3://%1/%2 (%3-style%4)")
        .arg(QString::fromUtf8(hostHeader()), m_config.bucket,
             m_config.style == S3Config::Style::Path ? QStringLiteral("path") : QStringLiteral("virtual-host"),
             m_config.tls ? QStringLiteral(", TLS") : QString());
}

StorageResult<HttpClientResponse> S3Storage::send(const QByteArray &method, const QString &key,
                                            const QList<QPair<QByteArray, QByteArray>> &query,
                                            const QList<QPair<QByteArray, QByteArray>> &extraHeaders,
                                            const QByteArray &body, int timeoutMs) const
{
    const QDateTime now = m_clock();
    SigV4Signer::Request signing;
    signing.method = method;
    signing.canonicalUri = pathFor(key);
    signing.query = query;
    signing.payloadHash = SigV4Signer::sha256Hex(body);
    signing.headers = {{"Host", hostHeader()},
                       {"x-amz-content-sha256", signing.payloadHash},
                       {"x-amz-date", SigV4Signer::amzDate(now)}};
    signing.headers += extraHeaders;

    HttpClientRequest request;
    request.method = method;
    request.target = signing.canonicalUri;
    if (!query.isEmpty()) {
        QByteArrayList parts;
        for (const auto &[name, value] : query)
            parts.append(SigV4Signer::uriEncode(name, false) + '=' + SigV4Signer::uriEncode(value, false));
        request.target += '?' + parts.join('&');
    }
    request.headers = signing.headers;
    request.headers.append({"Authorization", m_signer.authorization(signing, now)});
    request.body = body;

    BlockingHttpClient::Endpoint endpoint;
    endpoint.connectHost = m_config.connectHost.isEmpty() ? hostName() : m_config.connectHost;
    endpoint.port = m_config.port;
    endpoint.tls = m_config.tls;
    endpoint.tlsPeerName = hostName();
    endpoint.extraCaCertificates = m_config.caCertificates;
    endpoint.timeoutMs = timeoutMs > 0 ? timeoutMs : m_config.timeoutMs;
    endpoint.maxResponseBytes = m_config.maxObjectBytes + 64 * 1024;
    // Every operation here is idempotent, so a server error (500, 502, 503,
    // 504: "InternalError", "SlowDown") or a garbled answer is tried twice
    // more after 50 and 200 ms. A refused connection or a timeout is not:
    // that would only multiply the wait of a health check.
    auto response = BlockingHttpClient::send(endpoint, request);
    for (int retry = 1; retry <= 2; ++retry) {
        const bool serverError = response.ok() && response.value().status >= 500 && response.value().status <= 504
            && response.value().status != 501;
        const bool garbled = !response.ok() && response.error().kind == StorageErrorKind::Protocol;
        if (!serverError && !garbled)
            break;
        QThread::msleep(retry == 1 ? 50 : 200);
        response = BlockingHttpClient::send(endpoint, request);
    }
    if (!response) {
        StorageError error = response.error();
        error.message = QStringLiteral("S3 storage %1: %2").arg(describe(), error.message);
        return error;
    }
    return response;
}

StorageError S3Storage::failure(const QByteArray &method, const QString &key, const HttpClientResponse &response) const
{
    const S3ErrorDocument document = parseErrorDocument(response.body);
    const QString target = key.isEmpty() ? QStringLiteral("the bucket") : QStringLiteral("key '%1'").arg(key);
    QString detail;
    if (!document.code.isEmpty())
        detail = document.code + (document.message.isEmpty() ? QString() : QStringLiteral(": ") + document.message);
    else if (response.status == 404)
        detail = QStringLiteral("not found");
    else if (response.status == 403)
        detail = QStringLiteral("access denied (check the access key and secret)");
    else
        detail = QStringLiteral("unexpected answer");
    const StorageErrorKind kind = kindFor(response.status, document.code);
    if (kind == StorageErrorKind::NotFound)
        return storageError(kind, QStringLiteral("No object under key '%1'.").arg(key));
    return storageError(kind, QStringLiteral("S3 storage %1: %2 of %3 failed: %4 (HTTP %5).")
                                  .arg(describe(), QString::fromLatin1(method), target, detail)
                                  .arg(response.status));
}

StorageResult<void> S3Storage::put(const QString &key, const QByteArray &bytes, const QString &contentType)
{
    if (auto valid = validateStorageKey(key); !valid)
        return valid;
    if (bytes.size() > m_config.maxObjectBytes)
        return storageError(StorageErrorKind::TooLarge, QStringLiteral("The object for key '%1' has %2 bytes; the limit is %3.")
                                                            .arg(key)
                                                            .arg(bytes.size())
                                                            .arg(m_config.maxObjectBytes));
    const QByteArray type = contentType.isEmpty() ? QByteArray("application/octet-stream") : contentType.toUtf8();
    // The body's SHA-256 travels as user metadata too, so get() can check
    // that what it read is what was written.
    auto response = send("PUT", key, {}, {{"Content-Type", type}, {"x-amz-meta-sha256", SigV4Signer::sha256Hex(bytes)}}, bytes);
    if (!response)
        return response.error();
    if (response.value().status != 200)
        return failure("PUT", key, response.value());
    return {};
}

StorageResult<StoredObject> S3Storage::get(const QString &key)
{
    if (auto valid = validateStorageKey(key); !valid)
        return valid.error();
    // A read that does not match the SHA-256 stored at put() time raced a
    // writer on a store that does not replace objects atomically (or met
    // corruption): read again, then give up with an error, never with a
    // partial object.
    for (int attempt = 0; attempt < 3; ++attempt) {
        auto response = send("GET", key, {}, {}, {});
        if (!response)
            return response.error();
        if (response.value().status != 200)
            return failure("GET", key, response.value());
        const QByteArray expected = response.value().header("x-amz-meta-sha256").toLower();
        if (!expected.isEmpty() && SigV4Signer::sha256Hex(response.value().body) != expected)
            continue;
        StoredObject object;
        object.contentType = QString::fromUtf8(response.value().header("Content-Type"));
        if (object.contentType.isEmpty())
            object.contentType = QStringLiteral("application/octet-stream");
        object.data = std::move(response).value().body;
        return object;
    }
    return storageError(StorageErrorKind::Protocol,
                        QStringLiteral("S3 storage %1: the bytes read for key '%2' did not match their SHA-256 three "
                                       "times (changed while being read, or corrupted).")
                            .arg(describe(), key));
}

StorageResult<ObjectInfo> S3Storage::stat(const QString &key)
{
    if (auto valid = validateStorageKey(key); !valid)
        return valid.error();
    auto response = send("HEAD", key, {}, {}, {});
    if (!response)
        return response.error();
    const HttpClientResponse &head = response.value();
    if (head.status != 200)
        return failure("HEAD", key, head);
    ObjectInfo info;
    info.key = key;
    info.size = head.header("Content-Length").toLongLong();
    info.contentType = QString::fromUtf8(head.header("Content-Type"));
    if (info.contentType.isEmpty())
        info.contentType = QStringLiteral("application/octet-stream");
    info.modified = parseHttpDate(head.header("Last-Modified"));
    return info;
}

StorageResult<void> S3Storage::remove(const QString &key)
{
    if (auto valid = validateStorageKey(key); !valid)
        return valid;
    auto response = send("DELETE", key, {}, {}, {});
    if (!response)
        return response.error();
    const int status = response.value().status;
    if (status == 204 || status == 200 || status == 404) {
        if (status == 404 && parseErrorDocument(response.value().body).code == QLatin1String("NoSuchBucket"))
            return failure("DELETE", key, response.value());
        return {};
    }
    return failure("DELETE", key, response.value());
}

StorageResult<QList<ObjectInfo>> S3Storage::list(const QString &prefix)
{
    if (auto valid = validateStoragePrefix(prefix); !valid)
        return valid.error();
    QList<ObjectInfo> result;
    QByteArray token;
    for (int page = 0; page < 100000; ++page) {
        QList<QPair<QByteArray, QByteArray>> query = {{"list-type", "2"}};
        if (!prefix.isEmpty())
            query.append({"prefix", prefix.toUtf8()});
        if (!token.isEmpty())
            query.append({"continuation-token", token});
        auto response = send("GET", QString(), query, {}, {});
        if (!response)
            return response.error();
        if (response.value().status != 200)
            return failure("GET (ListObjectsV2)", QString(), response.value());

        QXmlStreamReader xml(response.value().body);
        bool truncated = false;
        token.clear();
        ObjectInfo current;
        bool inContents = false;
        while (!xml.atEnd()) {
            const auto type = xml.readNext();
            if (type == QXmlStreamReader::StartElement) {
                const auto name = xml.name();
                if (name == QLatin1String("Contents")) {
                    inContents = true;
                    current = ObjectInfo();
                } else if (inContents && name == QLatin1String("Key")) {
                    current.key = xml.readElementText();
                } else if (inContents && name == QLatin1String("Size")) {
                    current.size = xml.readElementText().toLongLong();
                } else if (inContents && name == QLatin1String("LastModified")) {
                    current.modified = QDateTime::fromString(xml.readElementText(), Qt::ISODateWithMs).toUTC();
                } else if (!inContents && name == QLatin1String("IsTruncated")) {
                    truncated = xml.readElementText().trimmed() == QLatin1String("true");
                } else if (!inContents && name == QLatin1String("NextContinuationToken")) {
                    token = xml.readElementText().toUtf8();
                }
            } else if (type == QXmlStreamReader::EndElement && xml.name() == QLatin1String("Contents")) {
                inContents = false;
                if (current.key.startsWith(prefix))
                    result.append(current);
            }
        }
        if (xml.hasError())
            return storageError(StorageErrorKind::Protocol,
                                QStringLiteral("S3 storage %1: the object listing is not valid XML (%2 at line %3).")
                                    .arg(describe(), xml.errorString())
                                    .arg(xml.lineNumber()));
        if (!truncated)
            break;
        if (token.isEmpty())
            return storageError(StorageErrorKind::Protocol,
                                QStringLiteral("S3 storage %1: a truncated listing came without a continuation token.").arg(describe()));
    }
    std::sort(result.begin(), result.end(), [](const ObjectInfo &a, const ObjectInfo &b) { return a.key < b.key; });
    return result;
}

StorageResult<void> S3Storage::checkHealth()
{
    // A one-key listing rather than HEAD: an error comes with an S3 error
    // document, so the message says what is wrong.
    auto response = send("GET", QString(), {{"list-type", "2"}, {"max-keys", "1"}}, {}, {},
                         std::min(m_config.healthTimeoutMs, m_config.timeoutMs));
    if (!response)
        return response.error();
    if (response.value().status != 200)
        return failure("GET (ListObjectsV2)", QString(), response.value());
    return {};
}

} // namespace slidespec::server
