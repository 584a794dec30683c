// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "document/documentcontroller.h"
#include "workspace/autosavecontroller.h"
#include "workspace/workspace.h"
#include "workspace/workspacemodel.h"

#include <QObject>
#include <QPointer>
#include <QQmlEngine>
#include <QString>
#include <QStringList>
#include <QUrl>
#include <QVariantList>

#include <memory>

namespace slidespec {

/*!
 * \brief The app's local workspace for QML: autosave of the open document
 * and crash recovery.
 *
 * The workspace folder is \c SLIDESPEC_WORKSPACE when that environment
 * variable is set (tests set it to a temporary folder), else
 * `QStandardPaths::AppDataLocation/workspace`.
 *
 * Every document set as \c document gets an AutosaveController whose
 * journal lies under the workspace's `recovery/` folder: a workspace deck's
 * journal is named by its id; any other file's by its stem and a hash of its
 * path (with the path kept beside it in `ID.origin`); an unsaved deck's by a
 * fresh `untitled-…` id. When the document changes to another file, the
 * previous journal is removed (the user moved on) unless it is still
 * offered for recovery.
 *
 * recoverableSessions lists the journals found at construction that the
 * user has not yet recovered or discarded.
 */
class WorkspaceSession : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(slidespec::DocumentController *document READ document WRITE setDocument NOTIFY documentChanged)
    Q_PROPERTY(QString rootPath READ rootPath CONSTANT)
    Q_PROPERTY(QString error READ error CONSTANT)
    Q_PROPERTY(QVariantList recoverableSessions READ recoverableSessions NOTIFY recoverableSessionsChanged)
    Q_PROPERTY(QString journalPath READ journalPath NOTIFY journalPathChanged)
    Q_PROPERTY(int autosaveInterval READ autosaveInterval WRITE setAutosaveInterval NOTIFY autosaveIntervalChanged)
    Q_PROPERTY(slidespec::WorkspaceModel *decks READ decks CONSTANT)
    Q_PROPERTY(QStringList deckTemplates READ deckTemplates CONSTANT)
    Q_PROPERTY(QString currentDeckId READ currentDeckId NOTIFY journalPathChanged)

public:
    explicit WorkspaceSession(QObject *parent = nullptr);
    ~WorkspaceSession() override;

    DocumentController *document() const { return m_document; }
    void setDocument(DocumentController *document);

    QString rootPath() const;
    /*! Why the workspace could not open, or empty. */
    QString error() const { return m_error; }
    Workspace *workspace() const { return m_workspace.get(); }
    AutosaveController *autosave() const { return m_autosave.get(); }

    /*! Each {deckId, title, journalPath, filePath, time} still to decide. */
    QVariantList recoverableSessions() const;
    /*! Where the open document is journalled (empty without a document). */
    QString journalPath() const;

    int autosaveInterval() const { return m_interval; }
    void setAutosaveInterval(int ms);

    /*! Opens the journalled deck \a deckId in the document, as modified
     *  (saving it writes the original file, or asks where for an unsaved
     *  deck). Returns what went wrong, or empty. */
    Q_INVOKABLE QString recover(const QString &deckId);
    /*! Deletes the journal of \a deckId. */
    Q_INVOKABLE void discard(const QString &deckId);
    /*! Writes the journal now if a change waits for the autosave timer. */
    Q_INVOKABLE bool flushAutosave();

    /*! The workspace's decks, searchable, with thumbnails. */
    WorkspaceModel *decks() const { return m_decks; }
    /*! Sample decks to start a new deck from (`:/slidespec/samples`). */
    QStringList deckTemplates() const;
    /*! The workspace id of the open deck, empty when it is not a workspace deck. */
    QString currentDeckId() const;

    /*! Opens workspace deck \a id in the document; returns what went wrong, or empty. */
    Q_INVOKABLE QString openDeck(const QString &id);
    /*! Adds a new workspace deck copied from sample \a templateName (empty:
     *  a blank deck) and opens it; its kit is embedded and its images
     *  imported into the workspace. Returns what went wrong, or empty. */
    Q_INVOKABLE QString newDeckFromTemplate(const QString &templateName);
    /*! Saves the open deck into the workspace: over its workspace file, or
     *  as a new workspace deck (kit embedded, images imported) that then
     *  becomes the open file. Returns what went wrong, or empty. */
    Q_INVOKABLE QString saveToWorkspace();

    /*! \a path as a file URL (safe for names with `#`, `?` or spaces). */
    Q_INVOKABLE QUrl fileUrl(const QString &path) const { return QUrl::fromLocalFile(path); }

    /*! The journal id of the deck file \a filePath (empty: a new untitled id). */
    QString journalId(const QString &filePath) const;

signals:
    void documentChanged();
    void recoverableSessionsChanged();
    void journalPathChanged();
    void autosaveIntervalChanged();
    void autosaveFailed(const QString &error);

private:
    void attach(const QString &id);
    void onDocumentReplaced();
    QString originPath(const QString &id) const;
    bool makePortable(Deck &deck, const QString &baseDir, QString *error);
    QString addAndOpen(Deck deck, const QString &baseDir);
    void forget(const QString &id);

    std::unique_ptr<Workspace> m_workspace;
    QString m_error;
    WorkspaceModel *m_decks = nullptr;
    QPointer<DocumentController> m_document;
    std::unique_ptr<AutosaveController> m_autosave;
    QString m_journalId;
    QString m_journalFile; // the file path the journal id was made for
    QVector<RecoverableSession> m_pending;
    int m_interval = AutosaveController::kDefaultInterval;
    bool m_recovering = false;
};

} // namespace slidespec
