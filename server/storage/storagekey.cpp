// SPDX-License-Identifier: GPL-3.0-or-later
#include "storage/storagekey.h"

namespace slidespec::server {

namespace {

bool isKeyChar(QChar c)
{
    const char16_t u = c.unicode();
    return (u >= 'a' && u <= 'z') || (u >= 'A' && u <= 'Z') || (u >= '0' && u <= '9') || u == '.'
        || u == '_' || u == '-';
}

QString describeChar(QChar c)
{
    const char16_t u = c.unicode();
    const QString code = QStringLiteral("U+%1").arg(QString::number(u, 16).toUpper().rightJustified(4, u'0'));
    if (u < 0x20 || u == 0x7f)
        return QStringLiteral("control character %1").arg(code);
    if (u > 0x7e)
        return QStringLiteral("non-ASCII character %1").arg(code);
    return QStringLiteral("character '%1'").arg(c);
}

StorageError keyError(const QString &what, const QString &message)
{
    return storageError(StorageErrorKind::InvalidKey, QStringLiteral("Invalid storage %1: %2").arg(what, message));
}

StorageResult<void> check(const QString &key, const QString &what, bool allowTrailingSlash)
{
    if (key.isEmpty())
        return keyError(what, QStringLiteral("it is empty."));
    if (key.size() > MaxStorageKeyLength)
        return keyError(what, QStringLiteral("it has %1 characters; at most %2 are allowed.")
                                  .arg(key.size())
                                  .arg(MaxStorageKeyLength));
    qsizetype segmentStart = 0;
    for (qsizetype i = 0; i <= key.size(); ++i) {
        const bool end = i == key.size();
        const QChar c = end ? QChar(u'/') : key.at(i);
        if (c == u'/') {
            if (i == segmentStart) {
                if (end && allowTrailingSlash && i > 0)
                    break;
                if (i == 0)
                    return keyError(what, QStringLiteral("it starts with '/'; keys are relative."));
                return keyError(what, end ? QStringLiteral("it ends with '/'.")
                                          : QStringLiteral("empty segment ('//') at position %1.").arg(i));
            }
            if (i - segmentStart > MaxStorageKeySegmentLength)
                return keyError(what, QStringLiteral("the segment at position %1 has %2 characters; at most %3 are "
                                                     "allowed (the longest file name most filesystems take).")
                                          .arg(segmentStart)
                                          .arg(i - segmentStart)
                                          .arg(MaxStorageKeySegmentLength));
            segmentStart = i + 1;
            continue;
        }
        if (!isKeyChar(c))
            return keyError(what, QStringLiteral("%1 at position %2; only letters, digits, '.', '_', '-' and '/' "
                                                 "are allowed.")
                                      .arg(describeChar(c))
                                      .arg(i));
        if (i == segmentStart && c == u'.')
            return keyError(what, QStringLiteral("a segment starts with '.' at position %1 (no '.', '..' or "
                                                 "hidden names).")
                                      .arg(i));
    }
    return {};
}

} // namespace

StorageResult<void> validateStorageKey(const QString &key)
{
    return check(key, QStringLiteral("key"), false);
}

StorageResult<void> validateStoragePrefix(const QString &prefix)
{
    if (prefix.isEmpty())
        return {};
    return check(prefix, QStringLiteral("prefix"), true);
}

} // namespace slidespec::server
