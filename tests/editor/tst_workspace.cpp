// SPDX-License-Identifier: GPL-3.0-or-later
// Workspace, WorkspaceModel and AutosaveController: the SQLite index and its
// migrations, search, recent list, content-addressed assets, debounced
// autosave journals, and crash recovery — simulated leftovers and a real
// crashing subprocess.

#include "document/commands.h"
#include "document/documentcontroller.h"
#include "format/specjson.h"
#include "model/assetstore.h"
#include "workspace/autosavecontroller.h"
#include "workspace/durablefile.h"
#include "workspace/workspace.h"
#include "workspace/workspacemodel.h"

#include <QElapsedTimer>
#include <QFile>
#include <QGuiApplication>
#include <QProcess>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <QUuid>

using namespace slidespec;

namespace {

/*! A bundled sample with its kit embedded, so it can live in any folder. */
Deck sample(const QString &name)
{
    SpecResult<Deck> result =
        SpecJson::readDeckFile(QStringLiteral(SLIDESPEC_RESOURCES_DIR "/samples/") + name + QStringLiteral(".json"));
    if (!result.ok())
        qFatal("cannot read sample %s: %s", qPrintable(name), qPrintable(result.errorString()));
    Deck deck = *result.value;
    deck.brandRef.clear();
    // Embed the images: their paths are relative to the samples folder.
    for (auto &[id, asset] : deck.assets) {
        Q_UNUSED(id);
        QFile file(QStringLiteral(SLIDESPEC_RESOURCES_DIR "/samples/") + asset.path);
        if (!file.open(QIODevice::ReadOnly))
            qFatal("cannot read %s", qPrintable(file.fileName()));
        const QByteArray bytes = file.readAll();
        asset.data = QStringLiteral("data:") + AssetStore::sniffMime(bytes) + QStringLiteral(";base64,")
            + QString::fromLatin1(bytes.toBase64());
        asset.path.clear();
    }
    return deck;
}

Deck titledDeck(const QString &title, const QString &slideText)
{
    Deck deck = sample(QStringLiteral("quarterly-review"));
    deck.id = title.toLower().replace(u' ', u'-');
    deck.title = title;
    deck.slides.resize(1);
    Element text;
    text.id = QStringLiteral("searchable");
    text.kind = ElementKind::Text;
    text.frame = Frame{40, 300, 400, 60, 0};
    TextBody body;
    Paragraph p;
    p.runs.append(TextRun{slideText, {}, {}, {}});
    body.paragraphs.append(p);
    text.text = body;
    deck.slides[0].elements.append(text);
    return deck;
}

QByteArray readAll(const QString &fileName)
{
    QFile file(fileName);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

QStringList ids(const QVector<DeckRecord> &records)
{
    QStringList out;
    for (const DeckRecord &r : records)
        out.append(r.id);
    return out;
}

QString notesOf(const Deck &deck)
{
    return deck.slides.isEmpty() ? QString() : deck.slides.first().notes;
}

} // namespace

class TestWorkspace : public QObject
{
    Q_OBJECT

private slots:
    // ---- schema -----------------------------------------------------------
    void migratesFromEmpty();
    void reopeningRerunsNoMigration();
    void migratesFromVersionOne();
    void refusesNewerSchema();

    // ---- decks ------------------------------------------------------------
    void createListRecentDelete();
    void search_data();
    void search();
    void thumbnailIsSlideOne();
    void model();

    // ---- assets -----------------------------------------------------------
    void assetsAreStoredOnceByHash();

    // ---- autosave ---------------------------------------------------------
    void autosaveDebouncesAndJournalsTheDeck();
    void autosaveNeverTouchesTheUsersFile();
    void journalRemovedOnSaveUndoAndClose();
    void autosaveLargeDeckTiming();

    // ---- crash recovery ---------------------------------------------------
    void recoveryIgnoresCorruptLeftovers_data();
    void recoveryIgnoresCorruptLeftovers();
    void durableWriteLeavesNoTemporary();
    void realCrashIsRecovered_data();
    void realCrashIsRecovered();
};

// ---- schema ---------------------------------------------------------------

void TestWorkspace::migratesFromEmpty()
{
    QTemporaryDir dir;
    Workspace ws(dir.path());
    QCOMPARE(ws.schemaVersion(), 0);
    QString error;
    QVERIFY2(ws.open(&error), qPrintable(error));
    QCOMPARE(ws.schemaVersion(), Workspace::latestSchemaVersion());
    QVERIFY(QFile::exists(ws.databasePath()));
    QVERIFY(QFileInfo(ws.assetsPath()).isDir());
    QVERIFY(QFileInfo(ws.recoveryPath()).isDir());

    QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("check-wal"));
    db.setDatabaseName(ws.databasePath());
    QVERIFY(db.open());
    {
        QSqlQuery q(db);
        QVERIFY(q.exec(QStringLiteral("PRAGMA journal_mode")) && q.next());
        QCOMPARE(q.value(0).toString(), QStringLiteral("wal"));
        QVERIFY(q.exec(QStringLiteral("SELECT COUNT(*) FROM schema_version")) && q.next());
        QCOMPARE(q.value(0).toInt(), Workspace::latestSchemaVersion());
    }
    db.close();
    db = QSqlDatabase();
    QSqlDatabase::removeDatabase(QStringLiteral("check-wal"));
    qInfo() << "full-text search:" << (ws.hasFullTextSearch() ? "FTS5" : "LIKE fallback");
}

void TestWorkspace::reopeningRerunsNoMigration()
{
    QTemporaryDir dir;
    QString id;
    {
        Workspace ws(dir.path());
        QVERIFY(ws.open());
        id = ws.createDeck(titledDeck(QStringLiteral("Kept"), QStringLiteral("survives reopening")));
        QVERIFY(!id.isEmpty());
    }
    Workspace again(dir.path());
    QVERIFY(again.open());
    QCOMPARE(again.schemaVersion(), Workspace::latestSchemaVersion());
    QCOMPARE(ids(again.decks()), QStringList{id});
    QCOMPARE(ids(again.search(QStringLiteral("reopening"))), QStringList{id});
}

void TestWorkspace::migratesFromVersionOne()
{
    // A database as version 1 left it: the decks table, no search index.
    QTemporaryDir dir;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("v1"));
        db.setDatabaseName(dir.filePath(QStringLiteral("workspace.sqlite")));
        QVERIFY(db.open());
        QSqlQuery q(db);
        QVERIFY(q.exec(QStringLiteral("CREATE TABLE schema_version (version INTEGER PRIMARY KEY NOT NULL, applied INTEGER NOT NULL)")));
        QVERIFY(q.exec(QStringLiteral("INSERT INTO schema_version VALUES (1, 0)")));
        QVERIFY(q.exec(QStringLiteral("CREATE TABLE decks (id TEXT PRIMARY KEY NOT NULL, title TEXT NOT NULL, "
                                      "file_path TEXT NOT NULL, created INTEGER NOT NULL, modified INTEGER NOT NULL, "
                                      "last_opened INTEGER, slide_count INTEGER NOT NULL DEFAULT 0, thumbnail BLOB, "
                                      "search_text TEXT NOT NULL DEFAULT '')")));
        QVERIFY(q.exec(QStringLiteral("INSERT INTO decks(id, title, file_path, created, modified, search_text) "
                                      "VALUES ('old', 'Legacy Deck', 'x', 1, 1, 'legacy deck\nzebra crossing')")));
        db.close();
    }
    QSqlDatabase::removeDatabase(QStringLiteral("v1"));

    Workspace ws(dir.path());
    QString error;
    QVERIFY2(ws.open(&error), qPrintable(error));
    QCOMPARE(ws.schemaVersion(), Workspace::latestSchemaVersion());
    QCOMPARE(ids(ws.decks()), QStringList{QStringLiteral("old")});
    // The rows written before the search index existed are searchable.
    QCOMPARE(ids(ws.search(QStringLiteral("ZEBRA"))), QStringList{QStringLiteral("old")});
}

void TestWorkspace::refusesNewerSchema()
{
    QTemporaryDir dir;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("future"));
        db.setDatabaseName(dir.filePath(QStringLiteral("workspace.sqlite")));
        QVERIFY(db.open());
        QSqlQuery q(db);
        QVERIFY(q.exec(QStringLiteral("CREATE TABLE schema_version (version INTEGER PRIMARY KEY NOT NULL, applied INTEGER NOT NULL)")));
        QVERIFY(q.exec(QStringLiteral("INSERT INTO schema_version VALUES (99, 0)")));
        db.close();
    }
    QSqlDatabase::removeDatabase(QStringLiteral("future"));
    Workspace ws(dir.path());
    QString error;
    QVERIFY(!ws.open(&error));
    QVERIFY2(error.contains(QStringLiteral("99")) && error.contains(QStringLiteral("update Slidespec")),
             qPrintable(error));
}

// ---- decks ----------------------------------------------------------------

void TestWorkspace::createListRecentDelete()
{
    QTemporaryDir dir;
    Workspace ws(dir.path());
    QVERIFY(ws.open());
    QSignalSpy changed(&ws, &Workspace::decksChanged);

    const QString a = ws.createDeck(titledDeck(QStringLiteral("Alpha"), QStringLiteral("one")));
    QTest::qWait(2);
    const QString b = ws.createDeck(titledDeck(QStringLiteral("Beta"), QStringLiteral("two")));
    QTest::qWait(2);
    const QString c = ws.createDeck(titledDeck(QStringLiteral("Alpha"), QStringLiteral("three")));
    QCOMPARE(a, QStringLiteral("alpha"));
    QCOMPARE(c, QStringLiteral("alpha-2")); // ids stay unique
    QCOMPARE(changed.count(), 3);
    QCOMPARE(ids(ws.decks()), (QStringList{c, b, a})); // newest first

    // The deck file is canonical spec JSON.
    const Deck beta = titledDeck(QStringLiteral("Beta"), QStringLiteral("two"));
    QCOMPARE(readAll(ws.deckFilePath(b)), SpecJson::writeDeck(beta));
    const std::optional<DeckRecord> record = ws.record(b);
    QVERIFY(record);
    QCOMPARE(record->title, QStringLiteral("Beta"));
    QCOMPARE(record->filePath, ws.deckFilePath(b));
    QCOMPARE(record->slideCount, 1);
    QVERIFY(record->created.isValid() && !record->lastOpened.isValid());

    // Recent: opened decks only, most recent first.
    QVERIFY(ws.recent().isEmpty());
    QVERIFY(ws.loadDeck(a));
    QTest::qWait(2);
    QVERIFY(ws.loadDeck(b));
    QCOMPARE(ids(ws.recent()), (QStringList{b, a}));
    QCOMPARE(ids(ws.recent(1)), QStringList{b});

    // Saving updates title, time and order.
    QTest::qWait(2);
    Deck renamed = *ws.loadDeck(a);
    renamed.title = QStringLiteral("Alpha renamed");
    QVERIFY(ws.saveDeck(a, renamed));
    QCOMPARE(ws.record(a)->title, QStringLiteral("Alpha renamed"));
    QCOMPARE(ids(ws.decks()).first(), a);
    QCOMPARE(ws.loadDeck(a)->title, QStringLiteral("Alpha renamed"));

    // Delete removes row, file and journal.
    QVERIFY(DurableFile::write(ws.journalPath(b), SpecJson::writeDeck(beta), nullptr));
    QVERIFY(ws.removeDeck(b));
    QVERIFY(!ws.record(b));
    QVERIFY(!QFile::exists(ws.deckFilePath(b)));
    QVERIFY(!QFile::exists(ws.journalPath(b)));
    QCOMPARE(ids(ws.decks()), (QStringList{a, c}));
    QString error;
    QVERIFY(!ws.removeDeck(b, &error));
    QVERIFY(error.contains(b));
    QVERIFY(!ws.loadDeck(QStringLiteral("nope"), &error));
}

void TestWorkspace::search_data()
{
    QTest::addColumn<QString>("query");
    QTest::addColumn<QStringList>("expected");
    QTest::newRow("title word") << "budget" << QStringList{QStringLiteral("budget-review")};
    QTest::newRow("slide text, other case") << "PENGUINS" << QStringList{QStringLiteral("wildlife")};
    QTest::newRow("word prefix") << "pengu" << QStringList{QStringLiteral("wildlife")};
    QTest::newRow("non-ASCII folded") << "ÉTÉ" << QStringList{QStringLiteral("summer")};
    QTest::newRow("all words must match") << "annual penguins" << QStringList{QStringLiteral("wildlife")};
    QTest::newRow("words from title and text") << "budget spreadsheet" << QStringList{QStringLiteral("budget-review")};
    QTest::newRow("no match") << "giraffe" << QStringList{};
    QTest::newRow("quotes and operators are literal") << "pengu*\"(" << QStringList{QStringLiteral("wildlife")};
    QTest::newRow("empty lists everything")
        << "  " << QStringList{QStringLiteral("summer"), QStringLiteral("wildlife"), QStringLiteral("budget-review")};
}

void TestWorkspace::search()
{
    QFETCH(QString, query);
    QFETCH(QStringList, expected);
    QTemporaryDir dir;
    Workspace ws(dir.path());
    QVERIFY(ws.open());
    ws.createDeck(titledDeck(QStringLiteral("Budget Review"), QStringLiteral("See the spreadsheet")));
    QTest::qWait(2);
    ws.createDeck(titledDeck(QStringLiteral("Wildlife"), QStringLiteral("Annual count of Penguins")));
    QTest::qWait(2);
    ws.createDeck(titledDeck(QStringLiteral("Summer"), QStringLiteral("Plans for l'été")));
    QCOMPARE(ids(ws.search(query)), expected);
}

void TestWorkspace::thumbnailIsSlideOne()
{
    QTemporaryDir dir;
    Workspace ws(dir.path());
    QVERIFY(ws.open());
    const QString id = ws.createDeck(sample(QStringLiteral("quarterly-review")));
    const QByteArray png = ws.record(id)->thumbnailPng;
    QVERIFY(png.startsWith("\x89PNG"));
    const QImage image = QImage::fromData(png, "PNG");
    QCOMPARE(image.width(), 320);
    QCOMPARE(image.height(), 180);

    Deck empty = sample(QStringLiteral("quarterly-review"));
    empty.slides.clear();
    const QString emptyId = ws.createDeck(empty);
    QVERIFY(ws.record(emptyId)->thumbnailPng.isEmpty());
}

void TestWorkspace::model()
{
    QTemporaryDir dir;
    Workspace ws(dir.path());
    QVERIFY(ws.open());
    WorkspaceModel model(&ws);
    QCOMPARE(model.rowCount(), 0);
    const QString a = ws.createDeck(titledDeck(QStringLiteral("Alpha"), QStringLiteral("apples")));
    QTest::qWait(2);
    const QString b = ws.createDeck(titledDeck(QStringLiteral("Beta"), QStringLiteral("bananas")));
    QCOMPARE(model.rowCount(), 2); // refreshed by decksChanged

    const QHash<int, QByteArray> roles = model.roleNames();
    QCOMPARE(roles.value(WorkspaceModel::IdRole), QByteArray("deckId"));
    QCOMPARE(roles.value(WorkspaceModel::SlideCountRole), QByteArray("slideCount"));
    const QModelIndex first = model.index(0);
    QCOMPARE(model.data(first, WorkspaceModel::IdRole).toString(), b);
    QCOMPARE(model.data(first, WorkspaceModel::TitleRole).toString(), QStringLiteral("Beta"));
    QCOMPARE(model.data(first, WorkspaceModel::FilePathRole).toString(), ws.deckFilePath(b));
    QVERIFY(model.data(first, WorkspaceModel::ThumbnailRole).toString().startsWith(QStringLiteral("data:image/png;base64,")));
    QCOMPARE(model.data(first, WorkspaceModel::SlideCountRole).toInt(), 1);
    QVERIFY(model.data(first, WorkspaceModel::ModifiedRole).toDateTime().isValid());

    model.setSearchText(QStringLiteral("apples"));
    QCOMPARE(model.rowCount(), 1);
    QCOMPARE(model.recordAt(0).id, a);
    model.setSearchText({});
    model.setRecentOnly(true);
    QCOMPARE(model.rowCount(), 0);
    ws.markOpened(a);
    QCOMPARE(model.rowCount(), 1);
}

// ---- assets ---------------------------------------------------------------

void TestWorkspace::assetsAreStoredOnceByHash()
{
    QTemporaryDir dir;
    Workspace ws(dir.path());
    QVERIFY(ws.open());
    const QString source = QStringLiteral(SLIDESPEC_RESOURCES_DIR "/samples/assets/warehouse-aisle.png");
    QString error;
    const QString first = ws.importAssetFile(source, &error);
    QVERIFY2(!first.isEmpty(), qPrintable(error));
    QVERIFY(first.startsWith(QStringLiteral("assets/")) && first.endsWith(QStringLiteral(".png")));
    QCOMPARE(QFileInfo(first).completeBaseName().size(), 64); // SHA-256 hex
    const QString copy = dir.filePath(QStringLiteral("elsewhere.png"));
    QVERIFY(QFile::copy(source, copy));
    QCOMPARE(ws.importAssetFile(copy), first); // same bytes, another name: one file
    QCOMPARE(QDir(ws.assetsPath()).entryList(QDir::Files).size(), 1);
    QCOMPARE(readAll(dir.filePath(first)), readAll(source));

    // Two decks referring to the same image share the file.
    Deck one = titledDeck(QStringLiteral("One"), QStringLiteral("x"));
    Deck two = titledDeck(QStringLiteral("Two"), QStringLiteral("y"));
    const size_t assetsBefore = one.assets.size();
    const QString ref1 = ws.addImageToDeck(one, source);
    const QString ref2 = ws.addImageToDeck(two, copy);
    QVERIFY(ref1.startsWith(QStringLiteral("asset:")));
    QCOMPARE(ref1, ref2);
    QCOMPARE(ws.addImageToDeck(one, copy), ref1); // not added twice to the deck
    QCOMPARE(one.assets.size(), assetsBefore + 1);
    QCOMPARE(one.assets.at(ref1.mid(6)).mime, QStringLiteral("image/png"));
    QCOMPARE(one.assets.at(ref1.mid(6)).path, first);
    QCOMPARE(QDir(ws.assetsPath()).entryList(QDir::Files).size(), 1);

    // The reference resolves from the deck file's folder.
    Element picture;
    picture.id = QStringLiteral("pic");
    picture.kind = ElementKind::Image;
    picture.src = ref1;
    picture.frame = Frame{0, 0, 100, 100, 0};
    one.slides[0].elements.append(picture);
    const QString id = ws.createDeck(one);
    SpecResult<Deck> reread = SpecJson::readDeckFile(ws.deckFilePath(id));
    QVERIFY(reread.ok());
    AssetStore store(ws.rootPath());
    QVERIFY(!store.image(*reread.value, ref1).isNull());

    QVERIFY(ws.importAssetData("not an image", &error).isEmpty());
    QVERIFY(error.contains(QStringLiteral("PNG")));
}

// ---- autosave -------------------------------------------------------------

void TestWorkspace::autosaveDebouncesAndJournalsTheDeck()
{
    QTemporaryDir dir;
    DocumentController doc;
    doc.setDeck(sample(QStringLiteral("quarterly-review")));
    const QString journal = dir.filePath(QStringLiteral("recovery/deck.json"));
    AutosaveController autosave(&doc, journal);
    QCOMPARE(autosave.interval(), AutosaveController::kDefaultInterval);
    autosave.setInterval(150);
    QSignalSpy written(&autosave, &AutosaveController::journalWritten);

    QElapsedTimer sinceLastEdit;
    for (int i = 0; i < 5; ++i) {
        if (i > 0)
            QTest::qWait(40); // faster than the debounce: keeps restarting it
        QVERIFY(doc.setSlideProperty(0, SlideProperty::Notes, QStringLiteral("note %1").arg(i)));
        sinceLastEdit.start();
    }
    QVERIFY(autosave.isPending());
    QCOMPARE(written.count(), 0);
    QVERIFY(!QFile::exists(journal));
    QVERIFY(written.wait(2000));
    // The write follows the last edit by the interval (QTimer's coarse timers may be 5 % early).
    QVERIFY2(sinceLastEdit.elapsed() >= 140, qPrintable(QString::number(sinceLastEdit.elapsed())));
    QTest::qWait(300);
    QCOMPARE(written.count(), 1); // five edits, one write
    QCOMPARE(autosave.writeCount(), 1);
    QCOMPARE(readAll(journal), SpecJson::writeDeck(doc.deck()));
    QCOMPARE(notesOf(*SpecJson::readDeck(readAll(journal)).value), QStringLiteral("note 4"));

    // Undo is a change too.
    doc.undoStack()->undo();
    QVERIFY(written.wait(2000));
    QCOMPARE(notesOf(*SpecJson::readDeck(readAll(journal)).value), QStringLiteral("note 3"));

    // flush() writes a pending change at once.
    QVERIFY(doc.setSlideProperty(0, SlideProperty::Notes, QStringLiteral("flushed")));
    QVERIFY(autosave.flush());
    QVERIFY(!autosave.isPending());
    QCOMPARE(notesOf(*SpecJson::readDeck(readAll(journal)).value), QStringLiteral("flushed"));
}

void TestWorkspace::autosaveNeverTouchesTheUsersFile()
{
    QTemporaryDir dir;
    const QString file = dir.filePath(QStringLiteral("mine.json"));
    QVERIFY(SpecJson::writeFileAtomically(file, SpecJson::writeDeck(sample(QStringLiteral("quarterly-review"))), nullptr));
    const QByteArray before = readAll(file);
    DocumentController doc;
    QVERIFY(doc.open(file));
    AutosaveController autosave(&doc, dir.filePath(QStringLiteral("journal.json")));
    autosave.setInterval(0);
    QSignalSpy written(&autosave, &AutosaveController::journalWritten);
    QVERIFY(doc.setSlideProperty(0, SlideProperty::Notes, QStringLiteral("unsaved work")));
    QVERIFY(written.wait(2000));
    QCOMPARE(readAll(file), before);
    QVERIFY(readAll(dir.filePath(QStringLiteral("journal.json"))).contains("unsaved work"));
}

void TestWorkspace::journalRemovedOnSaveUndoAndClose()
{
    QTemporaryDir dir;
    const QString file = dir.filePath(QStringLiteral("deck.json"));
    const QString journal = dir.filePath(QStringLiteral("deck.journal.json"));
    DocumentController doc;
    doc.setDeck(sample(QStringLiteral("quarterly-review")), file);
    AutosaveController autosave(&doc, journal);
    autosave.setInterval(0);
    QSignalSpy written(&autosave, &AutosaveController::journalWritten);
    QSignalSpy removed(&autosave, &AutosaveController::journalRemoved);

    // Save: the journal goes.
    QVERIFY(doc.setSlideProperty(0, SlideProperty::Notes, QStringLiteral("a")));
    QVERIFY(written.wait(2000));
    QVERIFY(QFile::exists(journal));
    QVERIFY(doc.save());
    QVERIFY(!QFile::exists(journal));
    QCOMPARE(removed.count(), 1);

    // Undo back to the saved state: nothing to recover.
    QVERIFY(doc.setSlideProperty(0, SlideProperty::Notes, QStringLiteral("b")));
    QVERIFY(written.wait(2000));
    QVERIFY(QFile::exists(journal));
    doc.undoStack()->undo();
    QVERIFY(!QFile::exists(journal));
    QVERIFY(!autosave.isPending());

    // A pending change then a clean close: no journal written, none left.
    autosave.setInterval(10000);
    QVERIFY(doc.setSlideProperty(0, SlideProperty::Notes, QStringLiteral("c")));
    QVERIFY(autosave.isPending());
    autosave.close();
    QVERIFY(!autosave.isPending());
    QVERIFY(!QFile::exists(journal));
}

void TestWorkspace::autosaveLargeDeckTiming()
{
    // 200 slides (the quarterly review's slides repeated).
    Deck deck = sample(QStringLiteral("quarterly-review"));
    const QVector<Slide> base = deck.slides;
    deck.slides.clear();
    for (int i = 0; deck.slides.size() < 200; ++i) {
        Slide slide = base.at(i % base.size());
        slide.id = QStringLiteral("s%1").arg(i);
        deck.slides.append(slide);
    }
    QTemporaryDir dir;
    DocumentController doc;
    doc.setDeck(deck);
    AutosaveController autosave(&doc, dir.filePath(QStringLiteral("big.json")));
    QVERIFY(doc.setSlideProperty(0, SlideProperty::Notes, QStringLiteral("edit")));
    double total = 0;
    constexpr int runs = 5;
    for (int i = 0; i < runs; ++i) {
        QVERIFY(autosave.writeJournal());
        total += autosave.lastWriteMs();
    }
    const qint64 bytes = QFileInfo(dir.filePath(QStringLiteral("big.json"))).size();
    qInfo("autosave of a 200-slide deck: %.1f ms per journal write (%lld KiB, serialise + fsync + rename)",
          total / runs, bytes / 1024);
    QVERIFY(total / runs < 2000);
}

// ---- crash recovery -------------------------------------------------------

void TestWorkspace::recoveryIgnoresCorruptLeftovers_data()
{
    QTest::addColumn<QString>("leftover");
    QTest::addColumn<bool>("expectRecovery");
    QTest::addColumn<QString>("expectedNotes");
    // The journal holds "complete" (a finished autosave) in every case but the last two.
    QTest::newRow("killed while writing the temporary file: last journal wins")
        << "partial temp" << true << "complete";
    QTest::newRow("killed before the rename: last journal wins, finished temp ignored")
        << "unrenamed temp" << true << "complete";
    QTest::newRow("temporary file with no journal yet: nothing to recover, nothing lost")
        << "temp only" << false << "";
    QTest::newRow("truncated journal (copied by hand, disk full): ignored with a warning")
        << "truncated journal" << false << "";
    QTest::newRow("journal older than the deck file: the file wins") << "stale journal" << false << "";
}

void TestWorkspace::recoveryIgnoresCorruptLeftovers()
{
    QFETCH(QString, leftover);
    QFETCH(bool, expectRecovery);
    QFETCH(QString, expectedNotes);

    QTemporaryDir dir;
    Workspace ws(dir.path());
    QVERIFY(ws.open());
    Deck deck = titledDeck(QStringLiteral("Crashy"), QStringLiteral("text"));
    const QString id = ws.createDeck(deck);
    const QByteArray savedFile = readAll(ws.deckFilePath(id));

    Deck complete = deck;
    complete.slides[0].notes = QStringLiteral("complete");
    Deck newer = deck;
    newer.slides[0].notes = QStringLiteral("newer, never finished");
    const QByteArray completeJson = SpecJson::writeDeck(complete);
    const QByteArray newerJson = SpecJson::writeDeck(newer);
    const QString journal = ws.journalPath(id);
    const QString temp = ws.recoveryPath() + QStringLiteral("/.") + id + QStringLiteral(".json.a1b2c3.tmp");
    auto writeRaw = [](const QString &name, const QByteArray &data) {
        QFile f(name);
        return f.open(QIODevice::WriteOnly | QIODevice::Truncate) && f.write(data) == data.size();
    };

    if (leftover == QLatin1String("partial temp")) {
        QVERIFY(DurableFile::write(journal, completeJson, nullptr));
        QVERIFY(writeRaw(temp, newerJson.left(newerJson.size() / 3)));
    } else if (leftover == QLatin1String("unrenamed temp")) {
        QVERIFY(DurableFile::write(journal, completeJson, nullptr));
        QVERIFY(writeRaw(temp, newerJson));
    } else if (leftover == QLatin1String("temp only")) {
        QVERIFY(writeRaw(temp, newerJson.left(100)));
    } else if (leftover == QLatin1String("truncated journal")) {
        QVERIFY(writeRaw(journal, completeJson.left(completeJson.size() - 40)));
        QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("ignoring unreadable autosave .*%1\\.json").arg(id)));
    } else if (leftover == QLatin1String("stale journal")) {
        QVERIFY(DurableFile::write(journal, completeJson, nullptr));
        QFile journalFile(journal);
        QVERIFY(journalFile.open(QIODevice::ReadWrite));
        QVERIFY(journalFile.setFileTime(QDateTime::currentDateTime().addSecs(-3600), QFileDevice::FileModificationTime));
    }
    if (QFile::exists(temp))
        QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("ignoring .*\\.tmp.*never completed")));

    const QVector<RecoverableSession> sessions = ws.recoverableSessions();
    QCOMPARE(sessions.size(), expectRecovery ? 1 : 0);
    if (expectRecovery) {
        QCOMPARE(sessions.first().deckId, id);
        QCOMPARE(sessions.first().title, QStringLiteral("Crashy"));
        QCOMPARE(sessions.first().deckPath, ws.deckFilePath(id));
        const std::optional<Deck> recovered = ws.recover(id);
        QVERIFY(recovered);
        QCOMPARE(notesOf(*recovered), expectedNotes);
        QCOMPARE(*recovered, complete);
        QString error;
        QVERIFY2(ws.restore(id, &error), qPrintable(error));
        QCOMPARE(notesOf(*ws.loadDeck(id)), expectedNotes);
        QVERIFY(!QFile::exists(journal));
    } else {
        QCOMPARE(readAll(ws.deckFilePath(id)), savedFile); // the user's file is intact
    }
}

void TestWorkspace::durableWriteLeavesNoTemporary()
{
    QTemporaryDir dir;
    const QString target = dir.filePath(QStringLiteral("j/journal.json"));
    QVERIFY(DurableFile::write(target, "first", nullptr));
    QVERIFY(DurableFile::write(target, "second", nullptr));
    QCOMPARE(readAll(target), QByteArray("second"));
    QCOMPARE(QDir(dir.filePath(QStringLiteral("j"))).entryList(QDir::Files | QDir::Hidden), QStringList{QStringLiteral("journal.json")});
    QVERIFY(DurableFile::isTemporary(QStringLiteral("/x/.journal.json.Ab12Cd.tmp")));
    QVERIFY(!DurableFile::isTemporary(QStringLiteral("/x/journal.json")));
    QString error;
    QVERIFY(!DurableFile::write(QStringLiteral("/proc/no/such/folder/j.json"), "x", &error));
    QVERIFY(!error.isEmpty());
}

void TestWorkspace::realCrashIsRecovered_data()
{
    QTest::addColumn<QString>("mode");
    QTest::addColumn<int>("edits");
    QTest::newRow("SIGKILL with a half-written temporary file, after 3 autosaves") << "kill" << 3;
    QTest::newRow("abort() with an edit waiting for the debounce, after 5 autosaves") << "abort" << 5;
}

void TestWorkspace::realCrashIsRecovered()
{
    QFETCH(QString, mode);
    QFETCH(int, edits);
    QTemporaryDir dir;
    QString id;
    {
        Workspace ws(dir.path());
        QVERIFY(ws.open());
        id = ws.createDeck(titledDeck(QStringLiteral("Crash test"), QStringLiteral("before the crash")));
    }
    const QByteArray savedFile = readAll(dir.filePath(id + QStringLiteral(".json")));

    QProcess helper;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    helper.setProcessEnvironment(env);
    helper.start(QStringLiteral(SLIDESPEC_CRASH_HELPER_PATH), {dir.path(), id, QString::number(edits), mode});
    QVERIFY2(helper.waitForFinished(60000), "the crash helper did not finish");
    const QByteArray output = helper.readAllStandardOutput();
    QVERIFY2(helper.exitStatus() == QProcess::CrashExit, helper.readAllStandardError().constData());
    QVERIFY2(output.contains(QByteArray(QByteArray("autosaved ") + QByteArray::number(edits))), output.constData());
    QVERIFY2(output.contains("crashing"), output.constData());

    Workspace ws(dir.path());
    QVERIFY(ws.open());
    if (mode == QLatin1String("kill"))
        QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("ignoring .*\\.tmp.*never completed")));
    const QVector<RecoverableSession> sessions = ws.recoverableSessions();
    QCOMPARE(sessions.size(), 1);
    QCOMPARE(sessions.first().deckId, id);
    const std::optional<Deck> recovered = ws.recover(id);
    QVERIFY(recovered);
    // The last complete autosave, not the edit in flight.
    QCOMPARE(notesOf(*recovered), QStringLiteral("edit %1").arg(edits));
    QCOMPARE(readAll(ws.deckFilePath(id)), savedFile); // the user's file was never touched
    QVERIFY(ws.restore(id));
    QCOMPARE(notesOf(*ws.loadDeck(id)), QStringLiteral("edit %1").arg(edits));
    if (mode == QLatin1String("kill"))
        QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("ignoring .*\\.tmp.*never completed")));
    QVERIFY(ws.recoverableSessions().isEmpty());
}

int main(int argc, char **argv)
{
    QGuiApplication app(argc, argv);
    TestWorkspace test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_workspace.moc"
