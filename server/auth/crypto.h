// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QString>

#include <cstddef>
#include <optional>

/*!
 * \file crypto.h
 * \brief The server's cryptographic primitives, all from libsodium: argon2id
 * password hashing, 256-bit random tokens, token hashing and constant-time
 * comparison. Nothing else in the server calls libsodium for these.
 */

namespace slidespec::server::crypto {

/*!
 * \brief Initialises libsodium once (thread-safe); every function here calls
 * it. Returns false only if libsodium cannot initialise (no entropy source);
 * then every function below fails closed.
 */
bool ensureInitialised();

/*!
 * \brief Cost parameters of argon2id (libsodium's crypto_pwhash; the
 * parallelism is always 1).
 *
 * The default is t = 2 passes over m = 64 MiB: above both of OWASP's argon2id
 * minimums that use p = 1 (m = 19 MiB, t = 2 and m = 46 MiB, t = 1) and equal
 * to libsodium's INTERACTIVE preset. docs/auth.md gives the measured cost.
 * Hashes carry their parameters (the PHC string `$argon2id$v=19$m=…,t=…,p=1$…`),
 * so the parameters can rise later: needsRehash() says when a stored hash is
 * below the current ones, and login rehashes it.
 */
struct PasswordHashParams
{
    unsigned long long opsLimit = 2;                 //!< t: passes over memory
    std::size_t memLimitBytes = 64u * 1024u * 1024u; //!< m: bytes of memory

    /*! OWASP's floor for argon2id with p = 1: m = 19 MiB, t = 2. */
    static PasswordHashParams owaspMinimum() { return {2, 19u * 1024u * 1024u}; }

    /*! True when both values are at least OWASP's floor (owaspMinimum()). */
    bool meetsOwaspMinimum() const;
};

/*!
 * \brief Hashes \a password (UTF-8) with argon2id at \a params; returns the
 * encoded string with its salt and parameters, or nullopt when libsodium
 * fails (out of memory).
 */
std::optional<QByteArray> hashPassword(const QString &password, const PasswordHashParams &params = {});

/*!
 * \brief True when \a password matches the encoded argon2id hash \a encoded.
 * False for a wrong password or a malformed hash; never throws.
 */
bool verifyPassword(const QByteArray &encoded, const QString &password);

/*!
 * \brief True when \a encoded was made with other parameters than \a params
 * (or is not an argon2id string): hash the password again after a login.
 */
bool needsRehash(const QByteArray &encoded, const PasswordHashParams &params = {});

/*! Bytes of entropy in every token: 256 bits. */
inline constexpr int TokenBytes = 32;

/*! Prefixes that make a leaked token recognisable (secret scanners, logs). */
inline constexpr char SessionTokenPrefix[] = "sss_";
inline constexpr char ApiTokenPrefix[] = "ssp_";
inline constexpr char InviteTokenPrefix[] = "ssi_";

/*!
 * \brief A new token: \a prefix followed by TokenBytes random bytes in
 * unpadded base64url (43 characters). Only its hash (hashToken()) is stored.
 */
QByteArray randomToken(QByteArrayView prefix);

/*! \a count random bytes from libsodium's CSPRNG. */
QByteArray randomBytes(int count);

/*!
 * \brief SHA-256 of the whole token text (prefix included): the 32 bytes the
 * database stores and looks tokens up by. A database leak yields no usable
 * token; tokens have 256 bits of entropy, so no salt or slow hash is needed.
 */
QByteArray hashToken(QByteArrayView token);

/*! True when \a token has \a prefix and a well-formed 43-character body. */
bool looksLikeToken(QByteArrayView token, QByteArrayView prefix);

/*!
 * \brief Compares \a a and \a b in time that depends only on their lengths
 * (sodium_memcmp), for secrets and their hashes.
 */
bool constantTimeEquals(QByteArrayView a, QByteArrayView b);

} // namespace slidespec::server::crypto
