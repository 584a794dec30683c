// SPDX-License-Identifier: GPL-3.0-or-later
#include "model/color.h"

namespace slidespec {

namespace {
const QLatin1String kBrandPrefix("brand:");

bool isTokenName(QStringView name)
{
    if (name.isEmpty() || name.size() > 64)
        return false;
    for (QChar c : name) {
        if (!(c.isLetterOrNumber() || c == u'-' || c == u'_' || c == u'.'))
            return false;
    }
    return true;
}

int hexValue(QChar c)
{
    if (c >= u'0' && c <= u'9')
        return c.unicode() - '0';
    if (c >= u'a' && c <= u'f')
        return c.unicode() - 'a' + 10;
    if (c >= u'A' && c <= u'F')
        return c.unicode() - 'A' + 10;
    return -1;
}
} // namespace

ColorRef ColorRef::fromToken(const QString &token)
{
    ColorRef ref;
    ref.m_isToken = true;
    ref.m_token = token;
    return ref;
}

ColorRef ColorRef::fromColor(const QColor &color)
{
    ColorRef ref;
    ref.m_color = color;
    return ref;
}

std::optional<ColorRef> ColorRef::parse(const QString &text)
{
    if (text.startsWith(kBrandPrefix)) {
        const QStringView name = QStringView(text).mid(kBrandPrefix.size());
        if (!isTokenName(name))
            return std::nullopt;
        return fromToken(name.toString());
    }
    if (!text.startsWith(u'#') || (text.size() != 7 && text.size() != 9))
        return std::nullopt;
    int bytes[4] = {0, 0, 0, 255};
    for (int i = 0; i < (text.size() - 1) / 2; ++i) {
        const int hi = hexValue(text.at(1 + 2 * i));
        const int lo = hexValue(text.at(2 + 2 * i));
        if (hi < 0 || lo < 0)
            return std::nullopt;
        bytes[i] = hi * 16 + lo;
    }
    return fromColor(QColor(bytes[0], bytes[1], bytes[2], bytes[3]));
}

QString ColorRef::toString() const
{
    if (m_isToken)
        return kBrandPrefix + m_token;
    return colorToHex(m_color);
}

bool ColorRef::operator==(const ColorRef &other) const
{
    if (m_isToken != other.m_isToken)
        return false;
    if (m_isToken)
        return m_token == other.m_token;
    return m_color.isValid() == other.m_color.isValid()
        && (!m_color.isValid() || m_color.rgba() == other.m_color.rgba());
}

QString colorToHex(const QColor &color)
{
    if (color.alpha() == 255)
        return color.name(QColor::HexRgb);
    const QString argb = color.name(QColor::HexArgb); // #aarrggbb
    return u'#' + argb.mid(3) + argb.mid(1, 2);
}

} // namespace slidespec
