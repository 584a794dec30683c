// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QColor>
#include <QString>

#include <optional>

namespace slidespec {

/*!
 * \brief A colour as written in a spec: a brand token (`brand:primary`) or a
 * literal (`#RRGGBB`, `#RRGGBBAA`).
 *
 * Tokens are resolved against a BrandKit when rendering, validating or
 * exporting, so changing the kit restyles every element that names a token.
 */
class ColorRef
{
public:
    ColorRef() = default;
    static ColorRef fromToken(const QString &token);
    static ColorRef fromColor(const QColor &color);

    /*! Parses `brand:NAME` or `#RRGGBB[AA]`; returns nullopt on anything else. */
    static std::optional<ColorRef> parse(const QString &text);

    bool isNull() const { return !m_isToken && !m_color.isValid(); }
    bool isToken() const { return m_isToken; }
    const QString &token() const { return m_token; }
    const QColor &color() const { return m_color; }

    /*! The spec spelling: `brand:NAME`, `#rrggbb` or `#rrggbbaa`. */
    QString toString() const;

    bool operator==(const ColorRef &other) const;
    bool operator!=(const ColorRef &other) const { return !(*this == other); }

private:
    bool m_isToken = false;
    QString m_token;
    QColor m_color;
};

/*! Formats \a color as `#rrggbb`, or `#rrggbbaa` when not opaque. */
QString colorToHex(const QColor &color);

} // namespace slidespec
