// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QPair>
#include <QString>

namespace slidespec::server {

/*!
 * \brief AWS Signature Version 4 for requests signed in the Authorization
 * header (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_sigv-create-signed-request.html).
 *
 * Stateless and immutable after construction: one signer may be used from
 * many threads at once.
 */
class SigV4Signer
{
public:
    /*! One request to sign. Header names are matched case-insensitively. */
    struct Request
    {
        QByteArray method;                            //!< "GET", "PUT", ...
        QByteArray canonicalUri;                      //!< the path, already URI-encoded ("/bucket/a%20b")
        QList<QPair<QByteArray, QByteArray>> query;   //!< decoded names and values; encoded and sorted when signed
        QList<QPair<QByteArray, QByteArray>> headers; //!< every header to sign, Host included
        QByteArray payloadHash;                       //!< lower-case hex SHA-256 of the body
    };

    SigV4Signer(QString accessKey, QByteArray secretKey, QString region, QString service = QStringLiteral("s3"));

    /*! The canonical request (step 1). */
    QByteArray canonicalRequest(const Request &request) const;
    /*! "host;range;x-amz-date": the lower-case sorted names of the signed headers. */
    static QByteArray signedHeaders(const Request &request);
    /*! The string to sign (step 2) at \a time (UTC). */
    QByteArray stringToSign(const Request &request, const QDateTime &time) const;
    /*! The derived signing key for \a time's date: HMAC chain over date, region, service, "aws4_request". */
    QByteArray signingKey(const QDateTime &time) const;
    /*! The lower-case hex signature. */
    QByteArray signature(const Request &request, const QDateTime &time) const;
    /*! The whole Authorization header value. */
    QByteArray authorization(const Request &request, const QDateTime &time) const;

    /*! "20130524T000000Z" */
    static QByteArray amzDate(const QDateTime &time);
    /*! Lower-case hex SHA-256 of \a bytes. */
    static QByteArray sha256Hex(const QByteArray &bytes);
    /*! RFC 3986 percent-encoding of everything but unreserved characters; '/' kept when \a keepSlash. */
    static QByteArray uriEncode(const QByteArray &bytes, bool keepSlash);

    QString accessKey() const { return m_accessKey; }
    QString region() const { return m_region; }

private:
    QString m_accessKey;
    QByteArray m_secretKey;
    QString m_region;
    QString m_service;
};

} // namespace slidespec::server
