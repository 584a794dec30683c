// SPDX-License-Identifier: GPL-3.0-or-later
#include "auth/passwordpolicy.h"

#include <QList>

namespace slidespec::server {

std::optional<QString> PasswordPolicy::check(const QString &password)
{
    const QList<uint> codePoints = password.toUcs4();
    const auto length = codePoints.size();
    if (length < MinLength) {
        return QStringLiteral("The password is too short: use at least %1 characters (it has %2).")
            .arg(MinLength)
            .arg(length);
    }
    if (length > MaxLength) {
        return QStringLiteral("The password is too long: use at most %1 characters (it has %2).")
            .arg(MaxLength)
            .arg(length);
    }
    if (password.contains(QChar(0)))
        return QStringLiteral("The password contains a NUL character; remove it.");
    if (password.trimmed().isEmpty())
        return QStringLiteral("The password is only whitespace; use letters, digits or symbols too.");
    return std::nullopt;
}

} // namespace slidespec::server
