// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QAbstractListModel>
#include <QString>
#include <QVector>

namespace slidespec {

class DocumentController;

/*!
 * \brief The slides of a DocumentController's deck, for the slide strip.
 *
 * Follows the controller's typed signals: rows are inserted, removed and
 * moved, not reset, so the strip keeps its scroll position and animations.
 */
class SlideListModel : public QAbstractListModel
{
    Q_OBJECT

public:
    enum Role {
        IdRole = Qt::UserRole + 1, //!< QString: the slide's id
        TitleRole,                 //!< QString: the slide's title (text of its title element), may be empty
        LayoutRole,                //!< QString: id of the template it was made from
        HiddenRole,                //!< bool: skipped in the show
        IssueCountRole,            //!< int: validator issues on the slide
        ThumbnailRevisionRole,     //!< int: grows whenever the slide's look may have changed (cache-busting)
    };
    Q_ENUM(Role)

    explicit SlideListModel(DocumentController *document, QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

private:
    struct Row
    {
        QString id;
        QString title;
        QString layout;
        bool hidden = false;
        int issueCount = 0;
        int revision = 0;
    };

    Row rowFor(int slideIndex) const;
    void reset();
    void refresh(int slideIndex, bool looksChanged);
    void refreshIssueCounts();

    DocumentController *m_document;
    QVector<Row> m_rows;
};

} // namespace slidespec
