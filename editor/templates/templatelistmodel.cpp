// SPDX-License-Identifier: GPL-3.0-or-later
#include "templates/templatelistmodel.h"

#include "templates/templatelibrary.h"

namespace slidespec {

TemplateListModel::TemplateListModel(const TemplateLibrary *library, QObject *parent)
    : QAbstractListModel(parent)
    , m_library(library)
{
}

int TemplateListModel::rowCount(const QModelIndex &parent) const
{
    if (parent.isValid() || !m_library)
        return 0;
    return int(m_library->slideTemplates().size() + m_library->deckTemplates().size());
}

QVariant TemplateListModel::data(const QModelIndex &index, int role) const
{
    if (!m_library || !index.isValid() || index.row() >= rowCount())
        return {};
    const int slides = int(m_library->slideTemplates().size());
    if (index.row() < slides) {
        const SlideTemplate &t = m_library->slideTemplates().at(index.row());
        switch (role) {
        case Qt::DisplayRole:
        case NameRole: return t.name;
        case IdRole: return t.id;
        case DescriptionRole: return t.description;
        case BuiltinRole: return t.builtin;
        case KindRole: return QStringLiteral("slide");
        case ElementCountRole: return int(t.slide.elements.size());
        case SlideCountRole: return 1;
        case FileNameRole: return t.fileName;
        default: return {};
        }
    }
    const DeckTemplate &d = m_library->deckTemplates().at(index.row() - slides);
    switch (role) {
    case Qt::DisplayRole:
    case NameRole: return d.name;
    case IdRole: return d.id;
    case DescriptionRole: return QString();
    case BuiltinRole: return d.builtin;
    case KindRole: return QStringLiteral("deck");
    case ElementCountRole: return 0;
    case SlideCountRole: return d.slideCount;
    case FileNameRole: return d.fileName;
    default: return {};
    }
}

QHash<int, QByteArray> TemplateListModel::roleNames() const
{
    return {
        {IdRole, "id"},
        {NameRole, "name"},
        {DescriptionRole, "description"},
        {BuiltinRole, "builtin"},
        {KindRole, "kind"},
        {ElementCountRole, "elementCount"},
        {SlideCountRole, "slideCount"},
        {FileNameRole, "fileName"},
    };
}

void TemplateListModel::refresh()
{
    beginResetModel();
    endResetModel();
}

} // namespace slidespec
