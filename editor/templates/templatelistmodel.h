// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QAbstractListModel>

namespace slidespec {

class TemplateLibrary;

/*!
 * \brief The templates of a TemplateLibrary for the gallery: slide
 * templates first, then deck templates.
 *
 * Call refresh() after changing the library (it does not signal).
 */
class TemplateListModel : public QAbstractListModel
{
    Q_OBJECT

public:
    enum Role {
        IdRole = Qt::UserRole + 1,  //!< "id": the template's id
        NameRole,                   //!< "name": display name
        DescriptionRole,            //!< "description": what it is for ("" for deck templates)
        BuiltinRole,                //!< "builtin": bundled, read-only
        KindRole,                   //!< "kind": "slide" or "deck"
        ElementCountRole,           //!< "elementCount": top-level elements (slide templates; 0 for decks)
        SlideCountRole,             //!< "slideCount": slides (1 for slide templates)
        FileNameRole,               //!< "fileName": the template's file
    };
    Q_ENUM(Role)

    explicit TemplateListModel(const TemplateLibrary *library, QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

public slots:
    /*! Re-reads the library's lists (a model reset). */
    void refresh();

private:
    const TemplateLibrary *m_library;
};

} // namespace slidespec
