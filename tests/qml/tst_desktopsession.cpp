// SPDX-License-Identifier: GPL-3.0-or-later
// The main window's workspace wiring: an autosave journal left by a crash is
// offered for recovery at startup and restores the edit, as modified.
// Writes screenshots of the dialogs under the build folder.

#include "app/exportsession.h"
#include "app/workspacesession.h"
#include "document/documentcontroller.h"
#include "format/specjson.h"
#include "panels/thumbnailprovider.h"
#include "settings/settings.h"
#include "workspace/autosavecontroller.h"
#include "workspace/workspace.h"
#include "workspace/workspacemodel.h"

#include <QDir>
#include <QFile>
#include <QQmlApplicationEngine>
#include <QQmlExtensionPlugin>
#include <QQuickItem>
#include <QQuickStyle>
#include <QQuickWindow>
#include <QTemporaryDir>
#include <QtTest>

Q_IMPORT_QML_PLUGIN(Slidespec_UiPlugin)

using namespace slidespec;

namespace {

const QString kDeck = QStringLiteral(SLIDESPEC_QML_TEST_DATA_DIR "/canvas-deck.json");
const QString kMoved = QStringLiteral("other");
constexpr double kDx = 48;

double frameX(const Deck &deck, const QString &id)
{
    for (const Slide &slide : deck.slides)
        for (const Element &element : slide.elements)
            if (element.id == id)
                return element.frame.x;
    return -1;
}

void saveShot(QQuickWindow *window, const QString &name)
{
    const QString path = QDir(QStringLiteral(SLIDESPEC_SCREENSHOT_DIR)).absoluteFilePath(name + QStringLiteral(".png"));
    QDir().mkpath(QFileInfo(path).absolutePath());
    QVERIFY(window->grabWindow().save(path));
    qInfo("screenshot: %s", qPrintable(path));
}

} // namespace

class TestDesktopSession : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void offersAndRecoversJournal_data();
    void offersAndRecoversJournal();
    void discardRemovesJournal();
    void exportsPdfAndShowsIt();
    void exportsPngsAndPptx();
    void cancelledExportLeavesNoFile_data();
    void cancelledExportLeavesNoFile();
    void settingsDriveTheWindow();
    void deckLibrary();

private:
    std::unique_ptr<QTemporaryDir> m_workspace;
};

void TestDesktopSession::initTestCase()
{
    QCoreApplication::setOrganizationName(QStringLiteral("Slidespec"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_desktopsession"));
    QQuickStyle::setStyle(QStringLiteral("Fusion"));
}

void TestDesktopSession::init()
{
    m_workspace = std::make_unique<QTemporaryDir>();
    QVERIFY(m_workspace->isValid());
    qputenv("SLIDESPEC_WORKSPACE", m_workspace->path().toUtf8());
}

void TestDesktopSession::offersAndRecoversJournal_data()
{
    QTest::addColumn<bool>("inWorkspace");
    QTest::newRow("a workspace deck's journal, written by AutosaveController, recovers onto its file") << true;
    QTest::newRow("a deck file outside the workspace, journalled by the app, recovers onto that file") << false;
}

void TestDesktopSession::offersAndRecoversJournal()
{
    QFETCH(bool, inWorkspace);
    QString error;
    SpecResult<Deck> original = SpecJson::readDeckFile(kDeck);
    QVERIFY2(original.ok(), qPrintable(original.errorString()));
    const double x0 = frameX(*original.value, kMoved);
    QVERIFY(x0 >= 0);

    // The "crashed" session: an edit journalled, then nothing closes cleanly.
    QString deckId;
    QString deckPath;
    {
        DocumentController document;
        std::unique_ptr<Workspace> workspace;
        std::unique_ptr<AutosaveController> autosave;
        std::unique_ptr<WorkspaceSession> session;
        if (inWorkspace) {
            workspace = std::make_unique<Workspace>(m_workspace->path());
            QVERIFY2(workspace->open(&error), qPrintable(error));
            deckId = workspace->createDeck(*original.value, &error);
            QVERIFY2(!deckId.isEmpty(), qPrintable(error));
            deckPath = workspace->deckFilePath(deckId);
            QVERIFY2(document.open(deckPath, &error), qPrintable(error));
            autosave = std::make_unique<AutosaveController>(&document, workspace->journalPath(deckId));
            autosave->setInterval(0);
            QVERIFY(document.moveElements({kMoved}, kDx, 0));
            QVERIFY(autosave->flush());
        } else {
            deckPath = QDir(m_workspace->path()).absoluteFilePath(QStringLiteral("elsewhere/my deck.json"));
            QDir().mkpath(QFileInfo(deckPath).absolutePath());
            QVERIFY(QFile::copy(kDeck, deckPath));
            QVERIFY2(document.open(deckPath, &error), qPrintable(error));
            session = std::make_unique<WorkspaceSession>();
            session->setDocument(&document);
            deckId = session->journalId(deckPath);
            QVERIFY(document.moveElements({kMoved}, kDx, 0));
            QVERIFY(session->flushAutosave());
        }
        QVERIFY(QFile::exists(Workspace(m_workspace->path()).journalPath(deckId)));
    }

    // The next start: the window offers the journal.
    DocumentController document;
    QVERIFY(document.open(QStringLiteral(":/slidespec/samples/pitch-deck.json"), &error));
    QQmlApplicationEngine engine;
    engine.addImportPath(QStringLiteral("qrc:/qt/qml"));
    ThumbnailProvider::install(&engine, &document);
    engine.setInitialProperties({{QStringLiteral("document"), QVariant::fromValue(&document)}});
    engine.load(QUrl(QStringLiteral("qrc:/qt/qml/Slidespec/Ui/app/Main.qml")));
    QCOMPARE(engine.rootObjects().size(), 1);
    auto *window = qobject_cast<QQuickWindow *>(engine.rootObjects().constFirst());
    QVERIFY(window && QTest::qWaitForWindowExposed(window));

    auto *session = window->property("workspace").value<WorkspaceSession *>();
    QVERIFY(session);
    QCOMPARE(session->rootPath(), m_workspace->path());
    const QVariantList offered = session->recoverableSessions();
    QCOMPARE(offered.size(), 1);
    QCOMPARE(offered.constFirst().toMap().value(QStringLiteral("deckId")).toString(), deckId);
    QCOMPARE(offered.constFirst().toMap().value(QStringLiteral("filePath")).toString(), deckPath);
    auto *dialog = window->property("recoveryDialog").value<QObject *>();
    QVERIFY(dialog);
    QTRY_VERIFY(dialog->property("opened").toBool());
    QTest::qWait(100);
    if (inWorkspace) {
        saveShot(window, QStringLiteral("recovery-dialog"));
        // The dialog speaks German too.
        QVERIFY(QMetaObject::invokeMethod(window, "setLanguage", Q_ARG(QVariant, QStringLiteral("de"))));
        QTRY_COMPARE(dialog->property("title").toString(), QStringLiteral("Ungespeicherte Arbeit wiederherstellen"));
        QTest::qWait(100);
        saveShot(window, QStringLiteral("recovery-dialog-de"));
        QVERIFY(QMetaObject::invokeMethod(window, "setLanguage", Q_ARG(QVariant, QStringLiteral("en"))));
        QTRY_COMPARE(dialog->property("title").toString(), QStringLiteral("Recover unsaved work"));
    }

    QCOMPARE(session->recover(deckId), QString());
    QTRY_VERIFY(!dialog->property("visible").toBool());
    QVERIFY(session->recoverableSessions().isEmpty());
    QCOMPARE(document.filePath(), QFileInfo(deckPath).absoluteFilePath());
    QVERIFY(document.isModified());
    QCOMPARE(frameX(document.deck(), kMoved), x0 + kDx);
    // The journal stays until the recovered deck is saved.
    const QString journal = session->journalPath();
    QVERIFY(QFile::exists(journal));
    QVERIFY2(document.save(&error), qPrintable(error));
    QVERIFY(!document.isModified());
    QVERIFY(!QFile::exists(journal));
    SpecResult<Deck> saved = SpecJson::readDeckFile(deckPath);
    QVERIFY(saved.ok());
    QCOMPARE(frameX(*saved.value, kMoved), x0 + kDx);
}

void TestDesktopSession::discardRemovesJournal()
{
    QString error;
    Workspace workspace(m_workspace->path());
    QVERIFY2(workspace.open(&error), qPrintable(error));
    SpecResult<Deck> original = SpecJson::readDeckFile(kDeck);
    QVERIFY(original.ok());
    const QString id = workspace.createDeck(*original.value, &error);
    QVERIFY2(!id.isEmpty(), qPrintable(error));
    {
        DocumentController crashed;
        QVERIFY(crashed.open(workspace.deckFilePath(id), &error));
        AutosaveController autosave(&crashed, workspace.journalPath(id));
        QVERIFY(crashed.moveElements({kMoved}, kDx, 0));
        QVERIFY(autosave.flush());
    }
    DocumentController document;
    WorkspaceSession session;
    session.setDocument(&document);
    QCOMPARE(session.recoverableSessions().size(), 1);
    session.discard(id);
    QVERIFY(session.recoverableSessions().isEmpty());
    QVERIFY(!QFile::exists(workspace.journalPath(id)));
    QVERIFY(workspace.recoverableSessions().isEmpty());
}

namespace {

/*! The main window on \a document, exposed; null on failure. */
QQuickWindow *loadWindow(QQmlApplicationEngine &engine, DocumentController &document,
                         bool startWithLibrary = false)
{
    engine.addImportPath(QStringLiteral("qrc:/qt/qml"));
    ThumbnailProvider::install(&engine, &document);
    engine.setInitialProperties({{QStringLiteral("document"), QVariant::fromValue(&document)},
                                 {QStringLiteral("startWithLibrary"), startWithLibrary}});
    engine.load(QUrl(QStringLiteral("qrc:/qt/qml/Slidespec/Ui/app/Main.qml")));
    if (engine.rootObjects().size() != 1)
        return nullptr;
    auto *window = qobject_cast<QQuickWindow *>(engine.rootObjects().constFirst());
    return window && QTest::qWaitForWindowExposed(window) ? window : nullptr;
}

} // namespace

void TestDesktopSession::exportsPdfAndShowsIt()
{
    DocumentController document;
    QString error;
    QVERIFY2(document.open(QStringLiteral(":/slidespec/samples/pitch-deck.json"), &error), qPrintable(error));
    QQmlApplicationEngine engine;
    QQuickWindow *window = loadWindow(engine, document);
    QVERIFY(window);
    auto *exporter = window->property("exporter").value<ExportSession *>();
    QVERIFY(exporter);
    auto *dialog = window->property("exportDialog").value<QObject *>();
    QVERIFY(dialog);

    const QString target = QDir(m_workspace->path()).absoluteFilePath(QStringLiteral("pitch #1.pdf"));
    QSignalSpy finished(exporter, &ExportSession::finished);
    QVERIFY(QMetaObject::invokeMethod(dialog, "begin", Q_ARG(QVariant, int(ExportSession::Pdf)),
                                      Q_ARG(QVariant, QUrl::fromLocalFile(target))));
    QTRY_VERIFY(dialog->property("opened").toBool());
    QVERIFY(exporter->isRunning() || finished.size() == 1);
    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 60000);
    QVERIFY2(finished.constFirst().at(0).toBool(), qPrintable(finished.constFirst().at(1).toString()));
    QCOMPARE(exporter->progress(), 100);
    QVERIFY(QFileInfo(target).size() > 1000);
    QCOMPARE(exporter->files(), QStringList{target});
    QTRY_VERIFY(dialog->property("succeeded").toBool());
    QTest::qWait(100);
    saveShot(window, QStringLiteral("export-dialog-done"));

    // Show opens the PDF in the app.
    auto *show = window->findChild<QObject *>(QStringLiteral("exportShow"));
    QVERIFY(show);
    QVERIFY(show->property("visible").toBool());
    QVERIFY(QMetaObject::invokeMethod(show, "clicked"));
    auto *viewer = window->property("pdfViewer").value<QObject *>();
    QVERIFY(viewer);
    QTRY_VERIFY(viewer->property("opened").toBool());
    QTRY_COMPARE(viewer->property("pageCount").toInt(), document.slideCount());
    QTest::qWait(300);
    saveShot(window, QStringLiteral("export-pdf-viewer"));
}

void TestDesktopSession::exportsPngsAndPptx()
{
    DocumentController document;
    QString error;
    QVERIFY2(document.open(kDeck, &error), qPrintable(error));
    ExportSession exporter;
    exporter.setDocument(&document);
    QSignalSpy finished(&exporter, &ExportSession::finished);

    const QString folder = QDir(m_workspace->path()).absoluteFilePath(QStringLiteral("pngs"));
    QVERIFY(QDir().mkpath(folder));
    QCOMPARE(exporter.start(ExportSession::Png, QUrl::fromLocalFile(folder)), QString());
    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 60000);
    QVERIFY2(finished.constLast().at(0).toBool(), qPrintable(exporter.error()));
    QCOMPARE(exporter.progress(), 100);
    QCOMPARE(exporter.files().size(), document.slideCount());
    for (const QString &file : exporter.files())
        QVERIFY2(!QImage(file).isNull(), qPrintable(file));

    const QString pptx = QDir(m_workspace->path()).absoluteFilePath(QStringLiteral("deck.pptx"));
    QCOMPARE(exporter.start(ExportSession::Pptx, QUrl::fromLocalFile(pptx)), QString());
    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 2, 60000);
    QVERIFY2(finished.constLast().at(0).toBool(), qPrintable(exporter.error()));
    QCOMPARE(exporter.progress(), 100);
    QVERIFY(QFileInfo(pptx).size() > 1000);
    QCOMPARE(exporter.suggestedTarget(ExportSession::Pdf).toLocalFile(),
             QFileInfo(kDeck).absolutePath() + QStringLiteral("/canvas-deck.pdf"));
}

void TestDesktopSession::cancelledExportLeavesNoFile_data()
{
    QTest::addColumn<int>("format");
    QTest::addColumn<QString>("name");
    QTest::newRow("a PDF export cancelled at once writes no PDF") << int(ExportSession::Pdf) << QStringLiteral("c.pdf");
    QTest::newRow("a PPTX export cancelled at once writes no PPTX")
        << int(ExportSession::Pptx) << QStringLiteral("c.pptx");
}

void TestDesktopSession::cancelledExportLeavesNoFile()
{
    QFETCH(int, format);
    QFETCH(QString, name);
    DocumentController document;
    QString error;
    QVERIFY2(document.open(QStringLiteral(":/slidespec/samples/pitch-deck.json"), &error), qPrintable(error));
    ExportSession exporter;
    exporter.setDocument(&document);
    const QString target = QDir(m_workspace->path()).absoluteFilePath(name);
    QSignalSpy finished(&exporter, &ExportSession::finished);
    QCOMPARE(exporter.start(format, QUrl::fromLocalFile(target)), QString());
    QVERIFY(exporter.isRunning());
    QVERIFY(!exporter.start(format, QUrl::fromLocalFile(target)).isEmpty()); // one at a time
    exporter.cancel();
    QVERIFY(exporter.wait());
    QTRY_COMPARE(finished.size(), 1);
    QCOMPARE(finished.constFirst().at(0).toBool(), false);
    QVERIFY(!exporter.error().isEmpty());
    QVERIFY(!QFile::exists(target));
    QVERIFY(QDir(m_workspace->path()).entryList({name + QStringLiteral("*")}, QDir::Files | QDir::Hidden).isEmpty());
}

void TestDesktopSession::settingsDriveTheWindow()
{
    DocumentController document;
    QString error;
    QVERIFY2(document.open(QStringLiteral(":/slidespec/samples/pitch-deck.json"), &error), qPrintable(error));
    QQmlApplicationEngine engine;
    QQuickWindow *window = loadWindow(engine, document);
    QVERIFY(window);
    auto *settings = window->property("settings").value<Settings *>();
    QVERIFY(settings);
    auto *workspace = window->property("workspace").value<WorkspaceSession *>();
    QVERIFY(workspace);
    auto *canvas = window->findChild<QQuickItem *>(QStringLiteral("slideCanvas"));
    QVERIFY(canvas);

    // Each preference reaches what it controls.
    settings->setAutosaveInterval(1234);
    QCOMPARE(workspace->autosaveInterval(), 1234);
    QCOMPARE(workspace->autosave()->interval(), 1234);
    settings->setSnapping(false);
    QCOMPARE(canvas->property("snapping").toBool(), false);
    settings->setSnapping(true);
    QCOMPARE(canvas->property("snapping").toBool(), true);
    settings->setShowGrid(true);
    settings->setGridSize(20);
    QCOMPARE(canvas->property("showGrid").toBool(), true);
    QCOMPARE(canvas->property("gridSize").toDouble(), 20.0);
    settings->setAppearance(Settings::Appearance::Dark);
    QCOMPARE(window->property("appearance").toString(), QStringLiteral("dark"));
    settings->setAppearance(Settings::Appearance::Light);
    QCOMPARE(window->property("appearance").toString(), QStringLiteral("light"));

    // Opening a file puts it first in the recent files.
    settings->clearRecentFiles();
    QVariant result;
    QVERIFY(QMetaObject::invokeMethod(window, "openFile", Q_RETURN_ARG(QVariant, result),
                                      Q_ARG(QVariant, QUrl::fromLocalFile(kDeck))));
    QCOMPARE(result.toString(), QString());
    QCOMPARE(settings->recentFiles().value(0), QFileInfo(kDeck).absoluteFilePath());
    // …and in the Open menu, after "Open…" and a separator.
    auto *openMenu = window->findChild<QObject *>(QStringLiteral("openMenu"));
    QVERIFY(openMenu);
    const auto menuText = [openMenu](int index) {
        QQuickItem *item = nullptr;
        QMetaObject::invokeMethod(openMenu, "itemAt", Q_RETURN_ARG(QQuickItem *, item), Q_ARG(int, index));
        return item ? item->property("text").toString() : QString();
    };
    QTRY_COMPARE(menuText(2), QFileInfo(kDeck).fileName());

    auto *dialog = window->property("settingsDialog").value<QObject *>();
    QVERIFY(dialog);
    QVERIFY(QMetaObject::invokeMethod(dialog, "open"));
    QTRY_VERIFY(dialog->property("opened").toBool());
    QTest::qWait(100);
    saveShot(window, QStringLiteral("settings-dialog"));

    settings->setShowGrid(false);
    settings->setGridSize(Settings::kDefaultGridSize);
    settings->setAutosaveInterval(Settings::kDefaultAutosaveInterval);
}

void TestDesktopSession::deckLibrary()
{
    QString error;
    {
        Workspace workspace(m_workspace->path());
        QVERIFY2(workspace.open(&error), qPrintable(error));
        SpecResult<Deck> canvasDeck = SpecJson::readDeckFile(kDeck);
        QVERIFY(canvasDeck.ok());
        QVERIFY(!workspace.createDeck(*canvasDeck.value, &error).isEmpty());
        SpecResult<Deck> review = SpecJson::readDeckFile(QStringLiteral(":/slidespec/samples/quarterly-review.json"));
        QVERIFY(review.ok());
        review.value->brandRef.clear();
        review.value->assets.clear();
        QVERIFY(!workspace.createDeck(*review.value, &error).isEmpty());
    }

    DocumentController document;
    QVERIFY2(document.open(QStringLiteral(":/slidespec/samples/pitch-deck.json"), &error), qPrintable(error));
    QQmlApplicationEngine engine;
    // The app starts on the library when no deck was named.
    QQuickWindow *window = loadWindow(engine, document, true);
    QVERIFY(window);
    auto *session = window->property("workspace").value<WorkspaceSession *>();
    QVERIFY(session);
    WorkspaceModel *decks = session->decks();
    QCOMPARE(decks->rowCount(), 2);
    QVERIFY(session->currentDeckId().isEmpty());

    auto *dialog = window->property("libraryDialog").value<QObject *>();
    QVERIFY(dialog);
    QTRY_VERIFY(dialog->property("opened").toBool());
    QVERIFY(!decks->index(0).data(WorkspaceModel::ThumbnailRole).toString().isEmpty());
    QTest::qWait(200);
    saveShot(window, QStringLiteral("library-dialog"));

    // Search narrows the list to the deck whose slide text matches.
    decks->setSearchText(QStringLiteral("canvas"));
    QCOMPARE(decks->rowCount(), 1);
    const QString canvasId = decks->index(0).data(WorkspaceModel::IdRole).toString();
    decks->setSearchText({});
    QCOMPARE(decks->rowCount(), 2);

    // Open from the library.
    QVERIFY(QMetaObject::invokeMethod(dialog, "openDeck", Q_ARG(QVariant, canvasId)));
    QTRY_VERIFY(!dialog->property("visible").toBool());
    QCOMPARE(session->currentDeckId(), canvasId);
    QCOMPARE(document.filePath(), Workspace(m_workspace->path()).deckFilePath(canvasId));

    // A new deck from a sample: kit embedded, images imported.
    QCOMPARE(session->newDeckFromTemplate(QStringLiteral("pitch-deck")), QString());
    QCOMPARE(decks->rowCount(), 3);
    const QString newId = session->currentDeckId();
    QVERIFY(!newId.isEmpty());
    QVERIFY(document.deck().brandRef.isEmpty());
    QCOMPARE(document.slideCount(), 11);
    QVERIFY(!document.deck().assets.empty());
    for (const auto &[name, asset] : document.deck().assets) {
        QVERIFY2(asset.path.startsWith(QLatin1String("assets/")), qPrintable(asset.path));
        QVERIFY(QFile::exists(QDir(m_workspace->path()).absoluteFilePath(asset.path)));
    }
    QCOMPARE(document.problemCount(), 0);
    QCOMPARE(session->newDeckFromTemplate(QString()), QString());
    QCOMPARE(decks->rowCount(), 4);

    // Save to workspace: an outside file becomes a workspace deck.
    const QString outside = QDir(m_workspace->path()).absoluteFilePath(QStringLiteral("outside/deck.json"));
    QDir().mkpath(QFileInfo(outside).absolutePath());
    QVERIFY(QFile::copy(kDeck, outside));
    QVERIFY(document.open(outside, &error));
    QVERIFY(document.moveElements({kMoved}, kDx, 0));
    QVariant result;
    QVERIFY(QMetaObject::invokeMethod(window, "saveToWorkspace", Q_RETURN_ARG(QVariant, result)));
    QCOMPARE(result.toString(), QString());
    QCOMPARE(decks->rowCount(), 5);
    const QString savedId = session->currentDeckId();
    QVERIFY(!savedId.isEmpty());
    QVERIFY(!document.isModified());
    QCOMPARE(frameX(document.deck(), kMoved), frameX(*SpecJson::readDeckFile(kDeck).value, kMoved) + kDx);

    // Saving again writes over the same workspace deck.
    QVERIFY(document.moveElements({kMoved}, kDx, 0));
    QCOMPARE(session->saveToWorkspace(), QString());
    QCOMPARE(decks->rowCount(), 5);
    QCOMPARE(session->currentDeckId(), savedId);
    QVERIFY(!document.isModified());
}

QTEST_MAIN(TestDesktopSession)
#include "tst_desktopsession.moc"
