// SPDX-License-Identifier: GPL-3.0-or-later
#include "brand/brandkitlistmodel.h"

#include "brand/brandkitlibrary.h"

#include <QColor>

namespace slidespec {

BrandKitListModel::BrandKitListModel(const BrandKitLibrary *library, QObject *parent)
    : QAbstractListModel(parent)
    , m_library(library)
{
}

int BrandKitListModel::rowCount(const QModelIndex &parent) const
{
    if (parent.isValid() || !m_library)
        return 0;
    return int(m_library->kits().size());
}

QVariant BrandKitListModel::data(const QModelIndex &index, int role) const
{
    if (!m_library || !index.isValid() || index.row() >= m_library->kits().size())
        return {};
    const BrandKitEntry &e = m_library->kits().at(index.row());
    auto colorOf = [&](const char *token) -> QVariant {
        const std::optional<QColor> c = e.kit.color(QString::fromLatin1(token));
        return c ? QVariant(*c) : QVariant(QColor());
    };
    auto familyOf = [&](const char *roleName) -> QString {
        const FontRole *f = e.kit.font(QString::fromLatin1(roleName));
        return f ? f->family : QString();
    };
    switch (role) {
    case Qt::DisplayRole:
    case NameRole: return e.kit.name.isEmpty() ? e.kit.id : e.kit.name;
    case IdRole: return e.kit.id;
    case BuiltinRole: return e.builtin;
    case PrimaryColorRole: return colorOf("primary");
    case BackgroundColorRole: return colorOf("background");
    case TextColorRole: return colorOf("text");
    case HeadingFamilyRole: return familyOf("heading");
    case BodyFamilyRole: return familyOf("body");
    case LogoCountRole: return int(e.kit.logos.size());
    case FileNameRole: return e.fileName;
    default: return {};
    }
}

QHash<int, QByteArray> BrandKitListModel::roleNames() const
{
    return {
        {IdRole, "id"},
        {NameRole, "name"},
        {BuiltinRole, "builtin"},
        {PrimaryColorRole, "primaryColor"},
        {BackgroundColorRole, "backgroundColor"},
        {TextColorRole, "textColor"},
        {HeadingFamilyRole, "headingFamily"},
        {BodyFamilyRole, "bodyFamily"},
        {LogoCountRole, "logoCount"},
        {FileNameRole, "fileName"},
    };
}

int BrandKitListModel::indexOf(const QString &id) const
{
    if (!m_library)
        return -1;
    for (int i = 0; i < m_library->kits().size(); ++i) {
        if (m_library->kits().at(i).kit.id == id)
            return i;
    }
    return -1;
}

void BrandKitListModel::refresh()
{
    beginResetModel();
    endResetModel();
}

} // namespace slidespec
