// SPDX-License-Identifier: GPL-3.0-or-later
#include "workspace/workspacemodel.h"

namespace slidespec {

WorkspaceModel::WorkspaceModel(Workspace *workspace, QObject *parent)
    : QAbstractListModel(parent)
    , m_workspace(workspace)
{
    if (workspace)
        connect(workspace, &Workspace::decksChanged, this, &WorkspaceModel::refresh);
    refresh();
}

int WorkspaceModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_records.size());
}

QVariant WorkspaceModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const DeckRecord &r = m_records.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
    case TitleRole:
        return r.title;
    case IdRole:
        return r.id;
    case FilePathRole:
        return r.filePath;
    case CreatedRole:
        return r.created;
    case ModifiedRole:
        return r.modified;
    case LastOpenedRole:
        return r.lastOpened;
    case ThumbnailRole:
        return r.thumbnailPng.isEmpty()
            ? QString()
            : QString(QStringLiteral("data:image/png;base64,") + QString::fromLatin1(r.thumbnailPng.toBase64()));
    case SlideCountRole:
        return r.slideCount;
    default:
        return {};
    }
}

QHash<int, QByteArray> WorkspaceModel::roleNames() const
{
    return {
        {IdRole, "deckId"},
        {TitleRole, "title"},
        {FilePathRole, "filePath"},
        {CreatedRole, "created"},
        {ModifiedRole, "modified"},
        {LastOpenedRole, "lastOpened"},
        {ThumbnailRole, "thumbnail"},
        {SlideCountRole, "slideCount"},
    };
}

void WorkspaceModel::setSearchText(const QString &text)
{
    if (text == m_searchText)
        return;
    m_searchText = text;
    emit searchTextChanged();
    refresh();
}

void WorkspaceModel::setRecentOnly(bool recentOnly)
{
    if (recentOnly == m_recentOnly)
        return;
    m_recentOnly = recentOnly;
    emit recentOnlyChanged();
    refresh();
}

DeckRecord WorkspaceModel::recordAt(int row) const
{
    return row >= 0 && row < m_records.size() ? m_records.at(row) : DeckRecord();
}

void WorkspaceModel::refresh()
{
    const int before = int(m_records.size());
    beginResetModel();
    if (!m_workspace || !m_workspace->isOpen())
        m_records.clear();
    else if (!m_searchText.trimmed().isEmpty())
        m_records = m_workspace->search(m_searchText);
    else if (m_recentOnly)
        m_records = m_workspace->recent();
    else
        m_records = m_workspace->decks();
    endResetModel();
    if (before != m_records.size())
        emit countChanged();
}

} // namespace slidespec
