// SPDX-License-Identifier: GPL-3.0-or-later
#include "storage/httpclient.h"

#include <QDeadlineTimer>
#include <QSslConfiguration>
#include <QSslSocket>
#include <QTcpSocket>

#include <memory>

namespace slidespec::server {

QByteArray HttpClientResponse::header(const QByteArray &name) const
{
    for (const auto &[key, value] : headers) {
        if (key.compare(name, Qt::CaseInsensitive) == 0)
            return value;
    }
    return {};
}

namespace {

class Reader
{
public:
    Reader(QTcpSocket &socket, const QDeadlineTimer &deadline, QString where)
        : m_socket(socket), m_deadline(deadline), m_where(std::move(where))
    {
    }

    /*! Reads more bytes into the buffer; false at end of stream or on error (see m_error). */
    bool fill()
    {
        if (m_socket.bytesAvailable() == 0) {
            if (m_socket.state() != QAbstractSocket::ConnectedState) {
                m_eof = true;
                return false;
            }
            if (!m_socket.waitForReadyRead(int(std::max<qint64>(1, m_deadline.remainingTime())))) {
                if (m_socket.error() == QAbstractSocket::RemoteHostClosedError
                    || m_socket.state() != QAbstractSocket::ConnectedState) {
                    m_eof = m_socket.bytesAvailable() == 0;
                    if (m_eof)
                        return false;
                } else {
                    m_error = m_deadline.hasExpired()
                        ? storageError(StorageErrorKind::Unavailable,
                                       QStringLiteral("%1 did not answer in time.").arg(m_where))
                        : storageError(StorageErrorKind::Unavailable,
                                       QStringLiteral("Reading from %1 failed: %2").arg(m_where, m_socket.errorString()));
                    m_failed = true;
                    return false;
                }
            }
        }
        m_buffer += m_socket.readAll();
        return true;
    }

    bool readLine(QByteArray &line)
    {
        for (;;) {
            const qsizetype end = m_buffer.indexOf("\r\n", m_pos);
            if (end >= 0) {
                line = m_buffer.mid(m_pos, end - m_pos);
                m_pos = end + 2;
                return true;
            }
            if (m_buffer.size() - m_pos > 64 * 1024)
                return protocol(QStringLiteral("a header line longer than 64 KiB"));
            if (!fill())
                return m_failed ? false : protocol(QStringLiteral("the connection closed in the headers"));
        }
    }

    bool readExactly(qint64 count, QByteArray &out)
    {
        while (m_buffer.size() - m_pos < count) {
            if (!fill())
                return m_failed ? false : protocol(QStringLiteral("the connection closed in the body"));
            compact();
        }
        out.append(m_buffer.constData() + m_pos, count);
        m_pos += count;
        return true;
    }

    bool readToEnd(QByteArray &out, qint64 limit)
    {
        for (;;) {
            out.append(m_buffer.constData() + m_pos, m_buffer.size() - m_pos);
            m_buffer.clear();
            m_pos = 0;
            if (out.size() > limit)
                return false;
            if (!fill())
                return !m_failed;
        }
    }

    bool protocol(const QString &what)
    {
        m_error = storageError(StorageErrorKind::Protocol, QStringLiteral("%1 sent a bad HTTP response: %2.").arg(m_where, what));
        m_failed = true;
        return false;
    }

    StorageError error() const { return m_error; }

private:
    void compact()
    {
        if (m_pos > (1 << 20)) {
            m_buffer.remove(0, m_pos);
            m_pos = 0;
        }
    }

    QTcpSocket &m_socket;
    QDeadlineTimer m_deadline;
    QString m_where;
    QByteArray m_buffer;
    qsizetype m_pos = 0;
    bool m_eof = false;
    bool m_failed = false;
    StorageError m_error;
};

} // namespace

StorageResult<HttpClientResponse> BlockingHttpClient::send(const Endpoint &endpoint, const HttpClientRequest &request)
{
    const QString where = QStringLiteral("%1:%2").arg(endpoint.connectHost).arg(endpoint.port);
    const QDeadlineTimer deadline(endpoint.timeoutMs);
    std::unique_ptr<QTcpSocket> socket;
    if (endpoint.tls) {
        if (!QSslSocket::supportsSsl())
            return storageError(StorageErrorKind::InvalidConfig, QStringLiteral("TLS is not available (no TLS backend for Qt)."));
        auto ssl = std::make_unique<QSslSocket>();
        if (!endpoint.extraCaCertificates.isEmpty()) {
            QSslConfiguration configuration = QSslConfiguration::defaultConfiguration();
            configuration.addCaCertificates(endpoint.extraCaCertificates);
            ssl->setSslConfiguration(configuration);
        }
        ssl->setPeerVerifyName(endpoint.tlsPeerName.isEmpty() ? endpoint.connectHost : endpoint.tlsPeerName);
        ssl->connectToHostEncrypted(endpoint.connectHost, endpoint.port,
                                    endpoint.tlsPeerName.isEmpty() ? endpoint.connectHost : endpoint.tlsPeerName);
        if (!ssl->waitForEncrypted(int(std::max<qint64>(1, deadline.remainingTime()))))
            return storageError(StorageErrorKind::Unavailable,
                                QStringLiteral("Cannot open a TLS connection to %1: %2").arg(where, ssl->errorString()));
        socket = std::move(ssl);
    } else {
        socket = std::make_unique<QTcpSocket>();
        socket->connectToHost(endpoint.connectHost, endpoint.port);
        if (!socket->waitForConnected(int(std::max<qint64>(1, deadline.remainingTime()))))
            return storageError(StorageErrorKind::Unavailable,
                                QStringLiteral("Cannot connect to %1: %2").arg(where, deadline.hasExpired()
                                                                                          ? QStringLiteral("timed out")
                                                                                          : socket->errorString()));
    }

    QByteArray head = request.method + ' ' + request.target + " HTTP/1.1\r\n";
    for (const auto &[name, value] : request.headers)
        head += name + ": " + value + "\r\n";
    const bool hasBody = !request.body.isEmpty() || request.method == "PUT" || request.method == "POST";
    if (hasBody)
        head += "Content-Length: " + QByteArray::number(request.body.size()) + "\r\n";
    head += "Connection: close\r\n\r\n";

    auto writeAll = [&](const QByteArray &bytes) -> bool {
        qint64 offset = 0;
        while (offset < bytes.size()) {
            const qint64 chunk = std::min<qint64>(bytes.size() - offset, 1 << 20);
            const qint64 written = socket->write(bytes.constData() + offset, chunk);
            if (written < 0)
                return false;
            offset += written;
            while (socket->bytesToWrite() > 0) {
                if (!socket->waitForBytesWritten(int(std::max<qint64>(1, deadline.remainingTime()))))
                    return false;
            }
        }
        return true;
    };
    if (!writeAll(head) || (hasBody && !writeAll(request.body)))
        return storageError(StorageErrorKind::Unavailable,
                            QStringLiteral("Sending to %1 failed: %2")
                                .arg(where, deadline.hasExpired() ? QStringLiteral("timed out") : socket->errorString()));

    Reader reader(*socket, deadline, where);
    HttpClientResponse response;
    QByteArray line;
    // Skip interim 1xx responses.
    for (;;) {
        if (!reader.readLine(line))
            return reader.error();
        const QList<QByteArray> parts = line.split(' ');
        if (parts.size() < 2 || !parts.at(0).startsWith("HTTP/1."))
            return storageError(StorageErrorKind::Protocol,
                                QStringLiteral("%1 did not answer with HTTP (status line '%2').")
                                    .arg(where, QString::fromLatin1(line.left(80))));
        bool ok = false;
        response.status = parts.at(1).toInt(&ok);
        if (!ok || response.status < 100 || response.status > 999)
            return storageError(StorageErrorKind::Protocol,
                                QStringLiteral("%1 sent an invalid status line '%2'.").arg(where, QString::fromLatin1(line.left(80))));
        response.headers.clear();
        for (;;) {
            if (!reader.readLine(line))
                return reader.error();
            if (line.isEmpty())
                break;
            const qsizetype colon = line.indexOf(':');
            if (colon <= 0)
                return storageError(StorageErrorKind::Protocol, QStringLiteral("%1 sent a malformed header line.").arg(where));
            response.headers.append({line.left(colon).trimmed(), line.mid(colon + 1).trimmed()});
            if (response.headers.size() > 200)
                return storageError(StorageErrorKind::Protocol, QStringLiteral("%1 sent too many headers.").arg(where));
        }
        if (response.status >= 200)
            break;
    }

    if (request.method == "HEAD" || response.status == 204 || response.status == 304)
        return response;

    const QByteArray transferEncoding = response.header("Transfer-Encoding").toLower();
    const QByteArray contentLength = response.header("Content-Length");
    if (transferEncoding.contains("chunked")) {
        for (;;) {
            if (!reader.readLine(line))
                return reader.error();
            bool ok = false;
            const qint64 size = line.split(';').constFirst().trimmed().toLongLong(&ok, 16);
            if (!ok || size < 0)
                return storageError(StorageErrorKind::Protocol, QStringLiteral("%1 sent a bad chunk size.").arg(where));
            if (response.body.size() + size > endpoint.maxResponseBytes)
                return storageError(StorageErrorKind::TooLarge,
                                    QStringLiteral("The response from %1 is larger than %2 bytes.").arg(where).arg(endpoint.maxResponseBytes));
            if (size == 0) {
                // Trailers, up to the empty line.
                do {
                    if (!reader.readLine(line))
                        return reader.error();
                } while (!line.isEmpty());
                break;
            }
            if (!reader.readExactly(size, response.body) || !reader.readLine(line))
                return reader.error();
        }
    } else if (!contentLength.isEmpty()) {
        bool ok = false;
        const qint64 size = contentLength.toLongLong(&ok);
        if (!ok || size < 0)
            return storageError(StorageErrorKind::Protocol, QStringLiteral("%1 sent a bad Content-Length.").arg(where));
        if (size > endpoint.maxResponseBytes)
            return storageError(StorageErrorKind::TooLarge,
                                QStringLiteral("The response from %1 is larger than %2 bytes.").arg(where).arg(endpoint.maxResponseBytes));
        response.body.reserve(size);
        if (!reader.readExactly(size, response.body))
            return reader.error();
    } else {
        if (!reader.readToEnd(response.body, endpoint.maxResponseBytes)) {
            if (response.body.size() > endpoint.maxResponseBytes)
                return storageError(StorageErrorKind::TooLarge,
                                    QStringLiteral("The response from %1 is larger than %2 bytes.").arg(where).arg(endpoint.maxResponseBytes));
            return reader.error();
        }
    }
    return response;
}

} // namespace slidespec::server
