// SPDX-License-Identifier: GPL-3.0-or-later
#include "auth/crypto.h"

#include <sodium.h>

#include <cstring>
#include <mutex>

namespace slidespec::server::crypto {

bool ensureInitialised()
{
    static std::once_flag once;
    static bool ok = false;
    std::call_once(once, [] { ok = sodium_init() >= 0; });
    return ok;
}

bool PasswordHashParams::meetsOwaspMinimum() const
{
    const PasswordHashParams floor = owaspMinimum();
    return opsLimit >= floor.opsLimit && memLimitBytes >= floor.memLimitBytes;
}

std::optional<QByteArray> hashPassword(const QString &password, const PasswordHashParams &params)
{
    if (!ensureInitialised())
        return std::nullopt;
    const QByteArray utf8 = password.toUtf8();
    char out[crypto_pwhash_STRBYTES];
    if (crypto_pwhash_str_alg(out, utf8.constData(), static_cast<unsigned long long>(utf8.size()),
                              params.opsLimit, params.memLimitBytes, crypto_pwhash_ALG_ARGON2ID13)
        != 0) {
        return std::nullopt;
    }
    return QByteArray(out);
}

bool verifyPassword(const QByteArray &encoded, const QString &password)
{
    if (!ensureInitialised() || encoded.isEmpty() || encoded.size() >= crypto_pwhash_STRBYTES)
        return false;
    // crypto_pwhash_str_verify wants a NUL-terminated buffer of STRBYTES.
    char buffer[crypto_pwhash_STRBYTES] = {};
    std::memcpy(buffer, encoded.constData(), static_cast<std::size_t>(encoded.size()));
    const QByteArray utf8 = password.toUtf8();
    return crypto_pwhash_str_verify(buffer, utf8.constData(), static_cast<unsigned long long>(utf8.size())) == 0;
}

bool needsRehash(const QByteArray &encoded, const PasswordHashParams &params)
{
    if (!ensureInitialised() || encoded.isEmpty() || encoded.size() >= crypto_pwhash_STRBYTES
        || !encoded.startsWith("$argon2id$")) {
        return true;
    }
    char buffer[crypto_pwhash_STRBYTES] = {};
    std::memcpy(buffer, encoded.constData(), static_cast<std::size_t>(encoded.size()));
    return crypto_pwhash_str_needs_rehash(buffer, params.opsLimit, params.memLimitBytes) != 0;
}

QByteArray randomBytes(int count)
{
    if (count <= 0 || !ensureInitialised())
        return {};
    QByteArray bytes(count, Qt::Uninitialized);
    randombytes_buf(bytes.data(), static_cast<std::size_t>(count));
    return bytes;
}

QByteArray randomToken(QByteArrayView prefix)
{
    const QByteArray bytes = randomBytes(TokenBytes);
    if (bytes.isEmpty())
        return {};
    return prefix.toByteArray()
        + bytes.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
}

QByteArray hashToken(QByteArrayView token)
{
    if (!ensureInitialised())
        return {};
    QByteArray digest(crypto_hash_sha256_BYTES, Qt::Uninitialized);
    crypto_hash_sha256(reinterpret_cast<unsigned char *>(digest.data()),
                       reinterpret_cast<const unsigned char *>(token.data()),
                       static_cast<unsigned long long>(token.size()));
    return digest;
}

bool looksLikeToken(QByteArrayView token, QByteArrayView prefix)
{
    constexpr qsizetype bodyLength = 43; // ceil(32 * 4 / 3), unpadded
    if (!token.startsWith(prefix) || token.size() != prefix.size() + bodyLength)
        return false;
    for (const char c : token.sliced(prefix.size())) {
        const bool ok = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-'
                        || c == '_';
        if (!ok)
            return false;
    }
    return true;
}

bool constantTimeEquals(QByteArrayView a, QByteArrayView b)
{
    if (a.size() != b.size() || !ensureInitialised())
        return false;
    if (a.isEmpty())
        return true;
    return sodium_memcmp(a.data(), b.data(), static_cast<std::size_t>(a.size())) == 0;
}

} // namespace slidespec::server::crypto
