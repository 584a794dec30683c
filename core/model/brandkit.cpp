// SPDX-License-Identifier: GPL-3.0-or-later
#include "model/brandkit.h"

namespace slidespec {

std::optional<QColor> BrandKit::color(const QString &token) const
{
    const auto it = colors.find(token);
    if (it == colors.end())
        return std::nullopt;
    return it->second;
}

const FontRole *BrandKit::font(const QString &role) const
{
    const auto it = fonts.find(role);
    return it == fonts.end() ? nullptr : &it->second;
}

std::optional<QColor> BrandKit::resolve(const ColorRef &ref) const
{
    if (ref.isNull())
        return std::nullopt;
    if (ref.isToken())
        return color(ref.token());
    return ref.color();
}

} // namespace slidespec
