// SPDX-License-Identifier: GPL-3.0-or-later
#include "text/fontresolver.h"

#include <QFontDatabase>

namespace slidespec {

FontResolver::FontResolver() = default;

QStringList FontResolver::defaultFallbacks()
{
    return {QStringLiteral("Inter"), QStringLiteral("Lato"), QStringLiteral("DejaVu Sans"),
            QStringLiteral("Liberation Sans")};
}

QStringList FontResolver::requestedFamilies(const QString &fontSpec, const BrandKit &kit)
{
    const QString spec = fontSpec.isEmpty() ? defaultFontSpec() : fontSpec;
    if (spec.startsWith(QLatin1String("brand:"))) {
        const QString roleName = spec.mid(6);
        const FontRole *role = kit.font(roleName);
        if (!role && roleName != QLatin1String("body"))
            role = kit.font(QStringLiteral("body"));
        if (!role)
            return {};
        QStringList families{role->family};
        families += role->fallbacks;
        return families;
    }
    return {spec};
}

bool FontResolver::isInstalled(const QString &family) const
{
    const QString key = family.toLower();
    QMutexLocker lock(&m_mutex);
    const auto it = m_installed.constFind(key);
    if (it != m_installed.constEnd())
        return *it;
    const bool installed = !family.isEmpty() && QFontDatabase::hasFamily(family);
    m_installed.insert(key, installed);
    return installed;
}

QString FontResolver::resolve(const QString &fontSpec, const BrandKit &kit) const
{
    for (const QString &family : requestedFamilies(fontSpec, kit)) {
        if (isInstalled(family))
            return family;
    }
    for (const QString &family : defaultFallbacks()) {
        if (isInstalled(family))
            return family;
    }
    // Nothing we know is installed: let Qt pick, consistently.
    return QStringLiteral("Sans Serif");
}

} // namespace slidespec
