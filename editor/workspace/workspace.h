// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "model/deck.h"

#include <QByteArray>
#include <QDateTime>
#include <QImage>
#include <QObject>
#include <QString>
#include <QVector>

#include <optional>

namespace slidespec {

/*! \brief One deck listed in the workspace. */
struct DeckRecord
{
    QString id;              //!< workspace id, also the deck file's stem
    QString title;
    QString filePath;        //!< absolute path of the deck's spec JSON
    QDateTime created;
    QDateTime modified;
    QDateTime lastOpened;    //!< invalid when never opened
    QByteArray thumbnailPng; //!< slide 1 as PNG, empty when the deck has no slide
    int slideCount = 0;
};

/*! \brief A recovery journal newer than its deck file (see Workspace::recoverableSessions). */
struct RecoverableSession
{
    QString deckId;
    QString title;           //!< the journal deck's title
    QString journalPath;
    QString deckPath;        //!< may not exist (a deck never saved)
    QDateTime journalTime;
};

/*!
 * \brief The user's local library of decks: a folder of spec JSON files,
 * a content-addressed `assets/` folder and a SQLite index (Qt Sql).
 *
 * Layout of rootPath():
 * - `workspace.sqlite` — the index (WAL mode), schema versioned by the
 *   `schema_version` table and brought up to date by ordered migrations;
 * - `ID.json` — one deck per file, canonical SpecJson, written atomically;
 * - `assets/SHA256.EXT` — each imported image stored once by content hash,
 *   referenced from decks as a path relative to the deck (`assets/…`);
 * - `recovery/ID.json` — autosave journals (AutosaveController), removed
 *   when the deck is saved or closed cleanly.
 *
 * Search matches the title and every slide's text, case-insensitively,
 * through an FTS5 index when the SQLite build has FTS5, else LIKE over a
 * case-folded copy of the text.
 *
 * Methods return false / empty with \a error set on failure; nothing throws.
 * Use a Workspace from the thread that opened it (a Qt Sql connection
 * belongs to one thread); two Workspace objects on one folder are fine
 * (SQLite WAL).
 */
class Workspace : public QObject
{
    Q_OBJECT

public:
    /*! \a rootPath is the workspace folder; empty means
     *  `QStandardPaths::AppDataLocation/workspace`. Call open() next. */
    explicit Workspace(const QString &rootPath = {}, QObject *parent = nullptr);
    ~Workspace() override;

    /*! Creates the folder and the database if needed and migrates the schema. */
    bool open(QString *error = nullptr);
    bool isOpen() const { return m_open; }
    QString rootPath() const { return m_root; }
    QString databasePath() const;
    QString assetsPath() const;
    QString recoveryPath() const;

    /*! The schema version the database is at (0 before open()). */
    int schemaVersion() const;
    /*! The version open() migrates to. */
    static int latestSchemaVersion();
    /*! True when search runs on SQLite FTS5. */
    bool hasFullTextSearch() const { return m_fts; }

    // ---- decks ----------------------------------------------------------

    /*! Adds \a deck as a new deck file; returns its id (derived from the
     *  deck's id or title, made unique; an empty deck id is set to it), or
     *  empty with \a error set. */
    QString createDeck(const Deck &deck, QString *error = nullptr);
    /*! Writes \a deck over deck \a id's file and refreshes its index row
     *  (title, text, modified time, thumbnail). */
    bool saveDeck(const QString &id, const Deck &deck, QString *error = nullptr);
    /*! Reads deck \a id's file; records it as opened now. */
    std::optional<Deck> loadDeck(const QString &id, QString *error = nullptr);
    /*! Removes deck \a id: its file, its journal and its row. Assets stay
     *  (other decks may share them). */
    bool removeDeck(const QString &id, QString *error = nullptr);
    /*! Records that deck \a id was opened now (recent list). */
    bool markOpened(const QString &id);

    std::optional<DeckRecord> record(const QString &id) const;
    /*! Every deck, most recently modified first. */
    QVector<DeckRecord> decks() const;
    /*! Decks opened at least once, most recently opened first. */
    QVector<DeckRecord> recent(int limit = 10) const;
    /*! Decks whose title or slide text contains every word of \a text
     *  (case-insensitive, word prefixes with FTS5); most recently modified first. */
    QVector<DeckRecord> search(const QString &text) const;
    QString deckFilePath(const QString &id) const;

    // ---- assets ---------------------------------------------------------

    /*! Stores the image \a bytes once by SHA-256 under assets/ and returns
     *  its path relative to the workspace folder (`assets/HASH.EXT`). */
    QString importAssetData(const QByteArray &bytes, QString *error = nullptr);
    /*! Reads \a fileName and stores it like importAssetData(). */
    QString importAssetFile(const QString &fileName, QString *error = nullptr);
    /*! Imports \a fileName and adds it to \a deck's assets; returns the
     *  reference (`asset:ID`) to put in an element's src. */
    QString addImageToDeck(Deck &deck, const QString &fileName, QString *error = nullptr);

    // ---- crash recovery -------------------------------------------------

    /*! Where AutosaveController writes deck \a id's journal. */
    QString journalPath(const QString &id) const;
    /*! Journals newer than their deck file that hold a complete, readable
     *  deck. Leftover temporary files and unreadable (truncated) journals
     *  are skipped with a warning in the log. */
    QVector<RecoverableSession> recoverableSessions() const;
    /*! The deck journalled for \a id (the last complete autosave), to open
     *  in place of the file; the journal stays until discardRecovery() or a
     *  clean save. */
    std::optional<Deck> recover(const QString &id, QString *error = nullptr) const;
    /*! Writes the journalled deck over the deck file and removes the journal. */
    bool restore(const QString &id, QString *error = nullptr);
    /*! Removes deck \a id's journal. */
    void discardRecovery(const QString &id);

    /*! All the slides' text of \a deck, one line per text body (for search). */
    static QString deckText(const Deck &deck);
    /*! Slide 1 of \a deck as PNG bytes \a widthPx wide (empty without slides);
     *  images resolve relative to \a baseDir. */
    static QByteArray renderThumbnail(const Deck &deck, const QString &baseDir, int widthPx = 320);

signals:
    /*! The deck list changed (created, saved, removed, opened). */
    void decksChanged();

private:
    bool migrate(QString *error);
    bool writeIndex(const QString &id, const Deck &deck, bool create, QString *error);
    QVector<DeckRecord> query(const QString &sql, const QVariantList &values) const;
    QString uniqueId(const QString &wanted) const;

    QString m_root;
    QString m_connection;
    bool m_open = false;
    bool m_fts = false;
};

} // namespace slidespec
