// SPDX-License-Identifier: GPL-3.0-or-later
#include "panels/undohistorymodel.h"

namespace slidespec {

UndoHistoryModel::UndoHistoryModel(QObject *parent)
    : QAbstractListModel(parent)
{
}

void UndoHistoryModel::setStack(QUndoStack *stack)
{
    if (m_stack == stack)
        return;
    if (m_stack)
        disconnect(m_stack, nullptr, this, nullptr);
    m_stack = stack;
    if (m_stack) {
        connect(m_stack, &QUndoStack::indexChanged, this, &UndoHistoryModel::refresh);
        connect(m_stack, &QUndoStack::cleanChanged, this, &UndoHistoryModel::refresh);
        connect(m_stack, &QObject::destroyed, this, &UndoHistoryModel::refresh);
    }
    refresh();
    emit stackChanged();
}

void UndoHistoryModel::refresh()
{
    // Commands are few (the stack's undo limit) and their texts change on
    // merges: a reset is simplest and exact.
    const int oldRows = m_rows;
    beginResetModel();
    m_rows = m_stack ? m_stack->count() + 1 : 1;
    endResetModel();
    if (m_rows != oldRows)
        emit countChanged();
    emit currentRowChanged();
}

int UndoHistoryModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : m_rows;
}

QString UndoHistoryModel::text(int row) const
{
    if (row == 0)
        return tr("Opened");
    if (!m_stack || row < 0 || row > m_stack->count())
        return {};
    return m_stack->text(row - 1);
}

QVariant UndoHistoryModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_rows)
        return {};
    const int row = index.row();
    switch (role) {
    case Qt::DisplayRole:
    case TextRole: return text(row);
    case CurrentRole: return row == currentRow();
    case CleanRole: return m_stack && m_stack->cleanIndex() == row;
    case UndoneRole: return row > currentRow();
    default: return {};
    }
}

QHash<int, QByteArray> UndoHistoryModel::roleNames() const
{
    return {{TextRole, "label"}, {CurrentRole, "current"}, {CleanRole, "clean"}, {UndoneRole, "undone"}};
}

bool UndoHistoryModel::goTo(int row)
{
    if (!m_stack || row < 0 || row > m_stack->count())
        return false;
    m_stack->setIndex(row);
    return true;
}

} // namespace slidespec
