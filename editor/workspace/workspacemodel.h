// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "workspace/workspace.h"

#include <QAbstractListModel>
#include <QPointer>

namespace slidespec {

/*!
 * \brief The workspace's decks as a list for the UI: every deck (most
 * recently modified first), the recent list, or the result of a search.
 *
 * Refreshes itself when the workspace's deck list changes.
 */
class WorkspaceModel : public QAbstractListModel
{
    Q_OBJECT
    Q_PROPERTY(QString searchText READ searchText WRITE setSearchText NOTIFY searchTextChanged)
    Q_PROPERTY(bool recentOnly READ recentOnly WRITE setRecentOnly NOTIFY recentOnlyChanged)
    Q_PROPERTY(int count READ rowCount NOTIFY countChanged)

public:
    enum Role {
        IdRole = Qt::UserRole + 1, //!< QString: workspace id of the deck
        TitleRole,                 //!< QString: the deck's title
        FilePathRole,              //!< QString: absolute path of the deck file
        CreatedRole,               //!< QDateTime: when the deck was added
        ModifiedRole,              //!< QDateTime: when it was last saved
        LastOpenedRole,            //!< QDateTime: when it was last opened (invalid if never)
        ThumbnailRole,             //!< QString: slide 1 as a `data:image/png;base64,` URL (empty without slides)
        SlideCountRole,            //!< int: number of slides
    };
    Q_ENUM(Role)

    explicit WorkspaceModel(Workspace *workspace, QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

    QString searchText() const { return m_searchText; }
    /*! Shows only decks matching \a text (empty: all). */
    void setSearchText(const QString &text);
    bool recentOnly() const { return m_recentOnly; }
    /*! Shows the recent list instead (ignored while searching). */
    void setRecentOnly(bool recentOnly);

    /*! The record at \a row (empty if out of range). */
    DeckRecord recordAt(int row) const;

public slots:
    void refresh();

signals:
    void searchTextChanged();
    void recentOnlyChanged();
    void countChanged();

private:
    QPointer<Workspace> m_workspace;
    QVector<DeckRecord> m_records;
    QString m_searchText;
    bool m_recentOnly = false;
};

} // namespace slidespec
