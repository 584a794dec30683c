// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

#include <optional>

namespace slidespec::server {

/*!
 * \brief The password rules: 10 to 256 characters (Unicode code points, so
 * "é" counts once), not only whitespace, no NUL characters. No composition
 * rules (NIST SP 800-63B): length is what makes a password strong.
 */
struct PasswordPolicy
{
    static constexpr int MinLength = 10;
    static constexpr int MaxLength = 256;

    /*!
     * \brief Returns nullopt when \a password is acceptable, otherwise a
     * message for the user that says what to change.
     */
    static std::optional<QString> check(const QString &password);
};

} // namespace slidespec::server
