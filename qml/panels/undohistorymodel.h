// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QAbstractListModel>
#include <QPointer>
#include <QQmlEngine>
#include <QUndoStack>

namespace slidespec {

/*!
 * \brief The states of a QUndoStack as a list, for the history view.
 *
 * Row 0 is the state before any command ("Opened" deck); row N is the state
 * after command N-1, named by that command's text. Going to a row is
 * QUndoStack::setIndex(row): undoing or redoing every command between. The
 * model resets whenever the stack's index, clean index or commands change
 * (a push, a merge, clear()), which the stack reports as indexChanged or
 * cleanChanged.
 */
class UndoHistoryModel : public QAbstractListModel
{
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(QUndoStack *stack READ stack WRITE setStack NOTIFY stackChanged)
    Q_PROPERTY(int currentRow READ currentRow NOTIFY currentRowChanged)
    Q_PROPERTY(int count READ count NOTIFY countChanged)

public:
    enum Role {
        TextRole = Qt::UserRole + 1, //!< QString "label": the command's text, or the initial state's name
        CurrentRole,                 //!< bool: the document is in this state
        CleanRole,                   //!< bool: the state last opened or saved
        UndoneRole,                  //!< bool: a state after the current one (redo reaches it)
    };
    Q_ENUM(Role)

    explicit UndoHistoryModel(QObject *parent = nullptr);

    QUndoStack *stack() const { return m_stack; }
    void setStack(QUndoStack *stack);
    /*! The row of the current state (the stack's index). */
    int currentRow() const { return m_stack ? m_stack->index() : 0; }
    int count() const { return rowCount(); }

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

    /*! Undoes or redoes to the state of \a row; false when out of range. */
    Q_INVOKABLE bool goTo(int row);
    /*! The text of \a row (tests, accessibility). */
    Q_INVOKABLE QString text(int row) const;

signals:
    void stackChanged();
    void currentRowChanged();
    void countChanged();

private:
    void refresh();

    QPointer<QUndoStack> m_stack;
    int m_rows = 1;
};

} // namespace slidespec
