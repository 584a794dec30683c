// SPDX-License-Identifier: GPL-3.0-or-later
#include "storage/urlsigner.h"

#include <QMessageAuthenticationCode>
#include <QRegularExpression>

#include <sodium.h>

namespace slidespec::server {

namespace {

constexpr auto Base64Url = QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals;

UrlSigner::Verification verdict(UrlSigner::Verdict verdict, const QString &message)
{
    return {verdict, message};
}

} // namespace

UrlSigner::UrlSigner(QByteArray key, Clock clock) : m_key(std::move(key)), m_clock(std::move(clock))
{
    if (!m_clock)
        m_clock = [] { return QDateTime::currentDateTimeUtc(); };
}

QByteArray UrlSigner::mac(const QByteArray &method, const QString &path, qint64 expires) const
{
    const QByteArray message = method.toUpper() + '\n' + path.toUtf8() + '\n' + QByteArray::number(expires);
    return QMessageAuthenticationCode::hash(message, m_key, QCryptographicHash::Sha256);
}

QString UrlSigner::sign(const QString &path, const QDateTime &expiresAt, const QByteArray &method) const
{
    if (!isValid())
        return {};
    const qint64 expires = expiresAt.toSecsSinceEpoch();
    return QStringLiteral("expires=%1&sig=%2")
        .arg(expires)
        .arg(QString::fromLatin1(mac(method, path, expires).toBase64(Base64Url)));
}

QString UrlSigner::signedPath(const QString &path, const QDateTime &expiresAt, const QByteArray &method) const
{
    const QString query = sign(path, expiresAt, method);
    return query.isEmpty() ? QString() : path + u'?' + query;
}

UrlSigner::Verification UrlSigner::verify(const QString &path, const QUrlQuery &query, const QByteArray &method) const
{
    if (!isValid())
        return verdict(Verdict::BadSignature, QStringLiteral("Signed URLs are not configured on this server."));
    const QStringList expiresValues = query.allQueryItemValues(QStringLiteral("expires"), QUrl::FullyDecoded);
    const QStringList sigValues = query.allQueryItemValues(QStringLiteral("sig"), QUrl::FullyDecoded);
    if (expiresValues.isEmpty() || sigValues.isEmpty())
        return verdict(Verdict::Missing, QStringLiteral("The link is not signed: it needs both 'expires' and 'sig'."));
    if (expiresValues.size() > 1 || sigValues.size() > 1)
        return verdict(Verdict::Malformed, QStringLiteral("The link repeats 'expires' or 'sig'."));

    static const QRegularExpression digits(QStringLiteral("^[0-9]{1,12}$"));
    if (!digits.match(expiresValues.constFirst()).hasMatch())
        return verdict(Verdict::Malformed, QStringLiteral("The link's 'expires' is not a time in seconds."));
    const qint64 expires = expiresValues.constFirst().toLongLong();

    const auto decoded = QByteArray::fromBase64Encoding(sigValues.constFirst().toLatin1(),
                                                        Base64Url | QByteArray::AbortOnBase64DecodingErrors);
    if (!decoded || decoded.decoded.size() != 32)
        return verdict(Verdict::Malformed, QStringLiteral("The link's 'sig' is not a base64url HMAC-SHA256."));

    const QByteArray expected = mac(method, path, expires);
    // Constant time: the comparison does not stop at the first differing byte.
    if (sodium_memcmp(expected.constData(), decoded.decoded.constData(), size_t(expected.size())) != 0)
        return verdict(Verdict::BadSignature, QStringLiteral("The link's signature does not match; it was altered or "
                                                             "is not for this file."));
    if (m_clock().toSecsSinceEpoch() >= expires)
        return verdict(Verdict::Expired, QStringLiteral("The link expired at %1; ask for a new one.")
                                             .arg(QDateTime::fromSecsSinceEpoch(expires, Qt::UTC).toString(Qt::ISODate)));
    return verdict(Verdict::Valid, QString());
}

} // namespace slidespec::server
