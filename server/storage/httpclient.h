// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "storage/storageresult.h"

#include <QByteArray>
#include <QList>
#include <QPair>
#include <QSslCertificate>
#include <QString>

namespace slidespec::server {

using HttpClientHeaders = QList<QPair<QByteArray, QByteArray>>;

/*! \brief One HTTP/1.1 request for BlockingHttpClient. */
struct HttpClientRequest
{
    QByteArray method;
    QByteArray target;   //!< path and query, already percent-encoded
    HttpClientHeaders headers; //!< sent as given (include Host); Content-Length and Connection are added
    QByteArray body;
};

/*! \brief A complete HTTP response. */
struct HttpClientResponse
{
    int status = 0;
    HttpClientHeaders headers;
    QByteArray body;

    /*! The first header named \a name (case-insensitive), or empty. */
    QByteArray header(const QByteArray &name) const;
};

/*!
 * \brief A small blocking HTTP/1.1 client over QTcpSocket / QSslSocket, for
 * the S3 backend. Each call opens its own connection and needs no event loop,
 * so it is safe from any thread (QThreadPool workers included).
 */
class BlockingHttpClient
{
public:
    struct Endpoint
    {
        QString connectHost; //!< name or address to connect to
        quint16 port = 80;
        bool tls = false;
        QString tlsPeerName; //!< SNI and certificate name when TLS (the Host header's name)
        QList<QSslCertificate> extraCaCertificates; //!< trusted besides the system's (a private CA)
        int timeoutMs = 30000;
        qint64 maxResponseBytes = qint64(1) << 30;
    };

    /*!
     * Sends \a request and reads the whole response. Errors: Unavailable when
     * the connection fails or times out, Protocol when the answer is not HTTP,
     * TooLarge past maxResponseBytes.
     */
    static StorageResult<HttpClientResponse> send(const Endpoint &endpoint, const HttpClientRequest &request);
};

} // namespace slidespec::server
