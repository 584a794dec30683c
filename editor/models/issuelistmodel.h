// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "validation/issue.h"

#include <QAbstractListModel>
#include <QVector>

namespace slidespec {

class DocumentController;

/*!
 * \brief Validator issues of a DocumentController, for the issues panel:
 * those of the current slide, or of the whole deck.
 */
class IssueListModel : public QAbstractListModel
{
    Q_OBJECT
    Q_PROPERTY(bool wholeDeck READ wholeDeck WRITE setWholeDeck NOTIFY wholeDeckChanged)

public:
    enum Role {
        RuleIdRole = Qt::UserRole + 1, //!< QString: stable rule id (overlap, contrast, …)
        SeverityRole,                  //!< QString: "error", "warning" or "info"
        MessageRole,                   //!< QString: what is wrong and how to fix it
        ElementIdsRole,                //!< QStringList: elements involved
        HasFixRole,                    //!< bool: applyFix(row) can fix it automatically
        FixDescriptionRole,            //!< QString: what the fix does, empty without one
        SlideIndexRole,                //!< int: the slide it is on
    };
    Q_ENUM(Role)

    explicit IssueListModel(DocumentController *document, QObject *parent = nullptr);

    bool wholeDeck() const { return m_wholeDeck; }
    void setWholeDeck(bool wholeDeck);

    /*! The issue in \a row (a default Issue when out of range). */
    Issue issue(int row) const;
    /*! Applies the fix of the issue in \a row as one undo step. */
    Q_INVOKABLE bool applyFix(int row);

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

signals:
    void wholeDeckChanged();

private:
    void reload();

    DocumentController *m_document;
    bool m_wholeDeck = false;
    QVector<Issue> m_issues;
};

} // namespace slidespec
