// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QAbstractListModel>

namespace slidespec {

class BrandKitLibrary;

/*!
 * \brief The kits of a BrandKitLibrary for a picker or a management page.
 *
 * Call refresh() after changing the library (it does not signal).
 */
class BrandKitListModel : public QAbstractListModel
{
    Q_OBJECT

public:
    enum Role {
        IdRole = Qt::UserRole + 1,  //!< "id": the kit's id
        NameRole,                   //!< "name": the kit's display name
        BuiltinRole,                //!< "builtin": bundled, read-only
        PrimaryColorRole,           //!< "primaryColor": QColor of token primary (invalid when none)
        BackgroundColorRole,        //!< "backgroundColor": QColor of token background (invalid when none)
        TextColorRole,              //!< "textColor": QColor of token text (invalid when none)
        HeadingFamilyRole,          //!< "headingFamily": family of the heading role, or ""
        BodyFamilyRole,             //!< "bodyFamily": family of the body role, or ""
        LogoCountRole,              //!< "logoCount": number of logos
        FileNameRole,               //!< "fileName": the kit's JSON file
    };
    Q_ENUM(Role)

    explicit BrandKitListModel(const BrandKitLibrary *library, QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

    /*! Row of kit \a id, or -1. */
    Q_INVOKABLE int indexOf(const QString &id) const;

public slots:
    /*! Re-reads the library's list (a model reset). */
    void refresh();

private:
    const BrandKitLibrary *m_library;
};

} // namespace slidespec
