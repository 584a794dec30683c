// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QString>
#include <QUrlQuery>

#include <functional>

namespace slidespec::server {

/*!
 * \brief Signed, expiring URLs for asset downloads without a session
 * (docs/storage.md, "Signed URLs").
 *
 * sign() returns the query "expires=UNIX_SECONDS&sig=BASE64URL" where sig is
 * HMAC-SHA256(key, METHOD "\n" PATH "\n" EXPIRES), base64url without padding.
 * PATH is the URL's path exactly as sent (percent-encoded), without the
 * query. verify() recomputes it and compares in constant time
 * (sodium_memcmp), then checks the expiry against the clock.
 *
 * Immutable after construction; safe from any thread.
 */
class UrlSigner
{
public:
    using Clock = std::function<QDateTime()>;

    /*! Shortest key accepted, in bytes (256 bits). */
    static constexpr int MinKeyBytes = 32;

    /*! \a key: the secret (at least MinKeyBytes); \a clock: "now" (tests inject one). */
    explicit UrlSigner(QByteArray key, Clock clock = {});

    /*! False when the key is too short; sign() then returns empty and verify() refuses everything. */
    bool isValid() const { return m_key.size() >= MinKeyBytes; }

    /*! The query to append to \a path: "expires=…&sig=…". */
    QString sign(const QString &path, const QDateTime &expiresAt, const QByteArray &method = "GET") const;

    /*! \a path with the query appended: "/api/v1/assets/x?expires=…&sig=…". */
    QString signedPath(const QString &path, const QDateTime &expiresAt, const QByteArray &method = "GET") const;

    enum class Verdict {
        Valid,
        Missing,      //!< expires or sig absent
        Malformed,    //!< not a number / not base64url / repeated
        BadSignature, //!< tampered path, expiry or signature, or another key
        Expired,      //!< genuine but past its expiry
    };

    struct Verification
    {
        Verdict verdict = Verdict::BadSignature;
        QString message; //!< for the API error; never reveals the expected signature
        bool ok() const { return verdict == Verdict::Valid; }
    };

    /*! Checks the \a query of a request for \a path. */
    Verification verify(const QString &path, const QUrlQuery &query, const QByteArray &method = "GET") const;

private:
    QByteArray mac(const QByteArray &method, const QString &path, qint64 expires) const;

    QByteArray m_key;
    Clock m_clock;
};

} // namespace slidespec::server
