// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/slidelistmodel.h"

#include "document/documentcontroller.h"

namespace slidespec {

SlideListModel::SlideListModel(DocumentController *document, QObject *parent)
    : QAbstractListModel(parent)
    , m_document(document)
{
    reset();
    connect(document, &DocumentController::deckReset, this, &SlideListModel::reset);
    connect(document, &DocumentController::slideChanged, this, [this](int i) { refresh(i, true); });
    connect(document, &DocumentController::elementsChanged, this, [this](int i) { refresh(i, true); });
    connect(document, &DocumentController::brandChanged, this, [this] {
        for (int i = 0; i < m_rows.size(); ++i)
            refresh(i, true);
    });
    connect(document, &DocumentController::issuesChanged, this, &SlideListModel::refreshIssueCounts);
    connect(document, &DocumentController::slidesInserted, this, [this](int first, int last) {
        beginInsertRows({}, first, last);
        for (int i = first; i <= last; ++i)
            m_rows.insert(i, rowFor(i));
        endInsertRows();
    });
    connect(document, &DocumentController::slidesRemoved, this, [this](int first, int last) {
        beginRemoveRows({}, first, last);
        m_rows.remove(first, last - first + 1);
        endRemoveRows();
    });
    connect(document, &DocumentController::slidesMoved, this, [this](int from, int to) {
        // Qt's destination row counts rows before the move.
        beginMoveRows({}, from, from, {}, to > from ? to + 1 : to);
        m_rows.move(from, to);
        endMoveRows();
    });
}

SlideListModel::Row SlideListModel::rowFor(int slideIndex) const
{
    Row row;
    if (slideIndex < 0 || slideIndex >= m_document->slideCount())
        return row;
    const Slide &slide = m_document->deck().slides[slideIndex];
    row.id = slide.id;
    row.title = slide.title();
    row.layout = slide.layout;
    row.hidden = slide.hidden;
    row.issueCount = m_document->issueCount(slideIndex);
    return row;
}

void SlideListModel::reset()
{
    beginResetModel();
    m_rows.clear();
    for (int i = 0; i < m_document->slideCount(); ++i)
        m_rows.append(rowFor(i));
    endResetModel();
}

void SlideListModel::refresh(int slideIndex, bool looksChanged)
{
    if (slideIndex < 0 || slideIndex >= m_rows.size())
        return;
    Row row = rowFor(slideIndex);
    row.revision = m_rows[slideIndex].revision + (looksChanged ? 1 : 0);
    m_rows[slideIndex] = row;
    const QModelIndex i = index(slideIndex);
    emit dataChanged(i, i);
}

void SlideListModel::refreshIssueCounts()
{
    for (int i = 0; i < m_rows.size(); ++i) {
        const int count = m_document->issueCount(i);
        if (count == m_rows[i].issueCount)
            continue;
        m_rows[i].issueCount = count;
        emit dataChanged(index(i), index(i), {IssueCountRole});
    }
}

int SlideListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

QVariant SlideListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Row &row = m_rows[index.row()];
    switch (role) {
    case Qt::DisplayRole:
    case TitleRole: return row.title;
    case IdRole: return row.id;
    case LayoutRole: return row.layout;
    case HiddenRole: return row.hidden;
    case IssueCountRole: return row.issueCount;
    case ThumbnailRevisionRole: return row.revision;
    default: return {};
    }
}

QHash<int, QByteArray> SlideListModel::roleNames() const
{
    return {
        {IdRole, "slideId"},
        {TitleRole, "title"},
        {LayoutRole, "layout"},
        {HiddenRole, "hidden"},
        {IssueCountRole, "issueCount"},
        {ThumbnailRevisionRole, "thumbnailRevision"},
    };
}

} // namespace slidespec
