// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/issuelistmodel.h"

#include "document/documentcontroller.h"

namespace slidespec {

IssueListModel::IssueListModel(DocumentController *document, QObject *parent)
    : QAbstractListModel(parent)
    , m_document(document)
{
    reload();
    connect(document, &DocumentController::issuesChanged, this, &IssueListModel::reload);
    connect(document, &DocumentController::currentSlideChanged, this, [this] {
        if (!m_wholeDeck)
            reload();
    });
    connect(document, &DocumentController::deckReset, this, &IssueListModel::reload);
}

void IssueListModel::setWholeDeck(bool wholeDeck)
{
    if (wholeDeck == m_wholeDeck)
        return;
    m_wholeDeck = wholeDeck;
    reload();
    emit wholeDeckChanged();
}

void IssueListModel::reload()
{
    beginResetModel();
    m_issues = m_wholeDeck ? m_document->deckIssues() : m_document->issues();
    endResetModel();
}

Issue IssueListModel::issue(int row) const
{
    return row >= 0 && row < m_issues.size() ? m_issues[row] : Issue{};
}

bool IssueListModel::applyFix(int row)
{
    if (row < 0 || row >= m_issues.size())
        return false;
    return m_document->applyFix(m_issues[row]);
}

int IssueListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_issues.size());
}

QVariant IssueListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Issue &is = m_issues[index.row()];
    switch (role) {
    case Qt::DisplayRole:
    case MessageRole: return is.message;
    case RuleIdRole: return is.ruleId;
    case SeverityRole: return severityName(is.severity);
    case ElementIdsRole: return is.elementIds;
    case HasFixRole: return is.fix.has_value();
    case FixDescriptionRole: return is.fix ? is.fix->description : QString();
    case SlideIndexRole: return is.slideIndex;
    default: return {};
    }
}

QHash<int, QByteArray> IssueListModel::roleNames() const
{
    return {
        {RuleIdRole, "ruleId"},
        {SeverityRole, "severity"},
        {MessageRole, "message"},
        {ElementIdsRole, "elementIds"},
        {HasFixRole, "hasFix"},
        {FixDescriptionRole, "fixDescription"},
        {SlideIndexRole, "slideIndex"},
    };
}

} // namespace slidespec
