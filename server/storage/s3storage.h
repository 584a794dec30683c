// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "storage/sigv4.h"
#include "storage/storagebackend.h"

#include <QSslCertificate>

#include <functional>

namespace slidespec::server {

struct HttpClientResponse;

/*! \brief Where and how S3Storage talks to an S3-compatible service. */
struct S3Config
{
    enum class Style {
        Path,    //!< http://host:port/bucket/key
        Virtual, //!< http://bucket.host:port/key
    };

    QString host;        //!< the service endpoint name (Host header; with Virtual, prefixed by "bucket.")
    quint16 port = 0;    //!< 0: 443 with TLS, 80 without
    bool tls = true;
    QString bucket;
    QString region = QStringLiteral("us-east-1");
    Style style = Style::Path;
    QString connectHost; //!< connect here instead of resolving the Host name (empty: the Host name)
    QList<QSslCertificate> caCertificates; //!< trusted besides the system's CAs (a private CA's PEM file)
    int timeoutMs = 30000;
    int healthTimeoutMs = 3000; //!< checkHealth() answers within this (readiness probes are short)
    QString accessKey;
    QByteArray secretKey; //!< never logged or put in a message
    qint64 maxObjectBytes = qint64(1) << 30;
};

/*!
 * \brief Objects in a bucket of an S3-compatible service (AWS S3, MinIO,
 * s3rver, ...), signed with AWS Signature Version 4 (SigV4Signer): PUT, GET,
 * HEAD, DELETE and ListObjectsV2, path-style or virtual-host-style.
 *
 * Every request signs the SHA-256 of its body (x-amz-content-sha256; never
 * UNSIGNED-PAYLOAD). Each call uses its own connection through
 * BlockingHttpClient, so the backend is safe from any number of threads.
 * S3 error documents become StorageErrors that quote the service's code and
 * message ("SignatureDoesNotMatch: ...").
 */
class S3Storage final : public StorageBackend
{
public:
    explicit S3Storage(S3Config config);

    const S3Config &config() const { return m_config; }

    /*! Replaces the clock used for x-amz-date (tests). Call before sharing the backend. */
    void setClock(std::function<QDateTime()> clock) { m_clock = std::move(clock); }

    QString describe() const override;
    StorageResult<void> put(const QString &key, const QByteArray &bytes, const QString &contentType) override;
    StorageResult<StoredObject> get(const QString &key) override;
    StorageResult<ObjectInfo> stat(const QString &key) override;
    StorageResult<void> remove(const QString &key) override;
    /*! ListObjectsV2, following continuation tokens. contentType is empty (S3 listings do not carry it). */
    StorageResult<QList<ObjectInfo>> list(const QString &prefix) override;
    StorageResult<void> checkHealth() override;

    /*! The name the requests address: "host" or "bucket.host". */
    QString hostName() const;
    /*! The Host header value: "host[:port]" or "bucket.host[:port]" ("[::1]:9000" for IPv6). */
    QByteArray hostHeader() const;
    /*! The encoded request path for \a key (empty: the bucket itself). */
    QByteArray pathFor(const QString &key) const;

private:
    StorageResult<HttpClientResponse> send(const QByteArray &method, const QString &key,
                                     const QList<QPair<QByteArray, QByteArray>> &query,
                                     const QList<QPair<QByteArray, QByteArray>> &extraHeaders, const QByteArray &body,
                                     int timeoutMs = -1) const;
    StorageError failure(const QByteArray &method, const QString &key, const HttpClientResponse &response) const;

    S3Config m_config;
    SigV4Signer m_signer;
    std::function<QDateTime()> m_clock;
};

} // namespace slidespec::server
