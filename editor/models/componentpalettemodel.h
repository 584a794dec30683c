// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QAbstractListModel>
#include <QString>
#include <QVector>

namespace slidespec {

class ComponentLibrary;
struct ComponentDef;

/*!
 * \brief The components of a library, for the palette: searchable with a
 * filter string matched (case-insensitively, every word) against id, name,
 * description and category.
 */
class ComponentPaletteModel : public QAbstractListModel
{
    Q_OBJECT
    Q_PROPERTY(QString filter READ filter WRITE setFilter NOTIFY filterChanged)

public:
    enum Role {
        IdRole = Qt::UserRole + 1, //!< QString: component id, for DocumentController::addComponent
        NameRole,                  //!< QString: name shown on the palette tile
        DescriptionRole,           //!< QString: what the component is for (tooltip)
        CategoryRole,              //!< QString: palette section
    };
    Q_ENUM(Role)

    /*! \a library must outlive the model. */
    explicit ComponentPaletteModel(const ComponentLibrary &library, QObject *parent = nullptr);

    QString filter() const { return m_filter; }
    void setFilter(const QString &filter);

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

signals:
    void filterChanged();

private:
    void reload();

    const ComponentLibrary &m_library;
    QString m_filter;
    QVector<const ComponentDef *> m_rows;
};

} // namespace slidespec
