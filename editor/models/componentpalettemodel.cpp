// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/componentpalettemodel.h"

#include "components/componentlibrary.h"

#include <algorithm>

namespace slidespec {

ComponentPaletteModel::ComponentPaletteModel(const ComponentLibrary &library, QObject *parent)
    : QAbstractListModel(parent)
    , m_library(library)
{
    reload();
}

void ComponentPaletteModel::setFilter(const QString &filter)
{
    if (filter == m_filter)
        return;
    m_filter = filter;
    reload();
    emit filterChanged();
}

void ComponentPaletteModel::reload()
{
    beginResetModel();
    m_rows.clear();
    const QStringList words = m_filter.split(u' ', Qt::SkipEmptyParts);
    for (const ComponentDef &def : m_library.components()) {
        const QString haystack = def.id + u' ' + def.name + u' ' + def.description + u' ' + def.category;
        const bool match = std::all_of(words.begin(), words.end(), [&](const QString &w) {
            return haystack.contains(w, Qt::CaseInsensitive);
        });
        if (match)
            m_rows.append(&def);
    }
    std::stable_sort(m_rows.begin(), m_rows.end(), [](const ComponentDef *a, const ComponentDef *b) {
        return a->category != b->category ? a->category < b->category : a->name < b->name;
    });
    endResetModel();
}

int ComponentPaletteModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

QVariant ComponentPaletteModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const ComponentDef *def = m_rows[index.row()];
    switch (role) {
    case Qt::DisplayRole:
    case NameRole: return def->name;
    case IdRole: return def->id;
    case DescriptionRole: return def->description;
    case CategoryRole: return def->category;
    default: return {};
    }
}

QHash<int, QByteArray> ComponentPaletteModel::roleNames() const
{
    return {
        {IdRole, "componentId"},
        {NameRole, "name"},
        {DescriptionRole, "description"},
        {CategoryRole, "category"},
    };
}

} // namespace slidespec
