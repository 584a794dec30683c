// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QElapsedTimer>
#include <QObject>
#include <QPointer>
#include <QString>
#include <QTimer>

namespace slidespec {

class DocumentController;

/*!
 * \brief Writes the open deck to a recovery journal shortly after every
 * change, so a crash loses at most the last interval() of work.
 *
 * Attached to a DocumentController: each change of its undo stack's index
 * (an edit, undo or redo) restarts a single-shot timer of interval()
 * milliseconds (the debounce); when it fires, the deck is written as
 * canonical spec JSON to journalPath() with DurableFile (temporary file,
 * fsync, rename), never to the user's file. When the history returns to its
 * clean state (a save, or undo back to it) the journal is removed, and
 * close() removes it when the document is closed cleanly.
 *
 * Workspace::recoverableSessions() finds journals left by a crash. A
 * journal of a deck using `brandRef` must be read with the deck's folder as
 * base (Workspace::recover() does).
 */
class AutosaveController : public QObject
{
    Q_OBJECT
    Q_PROPERTY(int interval READ interval WRITE setInterval NOTIFY intervalChanged)
    Q_PROPERTY(QString journalPath READ journalPath WRITE setJournalPath NOTIFY journalPathChanged)
    Q_PROPERTY(bool pending READ isPending NOTIFY pendingChanged)

public:
    static constexpr int kDefaultInterval = 800;

    AutosaveController(DocumentController *document, const QString &journalPath, QObject *parent = nullptr);
    ~AutosaveController() override;

    int interval() const { return m_timer.interval(); }
    /*! Debounce in milliseconds (0 = write on the next event loop turn). */
    void setInterval(int ms);

    QString journalPath() const { return m_journalPath; }
    /*! Moves journalling to \a path (e.g. after Save As); the old journal is removed. */
    void setJournalPath(const QString &path);

    /*! True while a change waits for the timer. */
    bool isPending() const { return m_timer.isActive(); }
    /*! Number of journals written so far. */
    int writeCount() const { return m_writes; }
    /*! Milliseconds the last journal write took (serialising and writing). */
    double lastWriteMs() const { return m_lastWriteMs; }

public slots:
    /*! Writes the journal now if a change is pending; returns false on a
     *  write error (also reported by writeFailed()). */
    bool flush();
    /*! Writes the journal now, pending or not. */
    bool writeJournal();
    /*! The document closes cleanly (saved or changes discarded): stops the
     *  timer and removes the journal. */
    void close();

signals:
    void intervalChanged();
    void journalPathChanged();
    void pendingChanged();
    void journalWritten(const QString &path);
    void journalRemoved(const QString &path);
    void writeFailed(const QString &error);

private:
    void onIndexChanged();
    void onCleanChanged(bool clean);
    void removeJournal();

    QPointer<DocumentController> m_document;
    QString m_journalPath;
    QTimer m_timer;
    int m_writes = 0;
    double m_lastWriteMs = 0;
};

} // namespace slidespec
