// SPDX-License-Identifier: GPL-3.0-or-later
// The main window loads offscreen on a sample deck, shows its slides, canvas
// and problem count, and leaves a screenshot under the build folder. It asks
// to save changes before a modified deck file is left (quit, open, new);
// a workspace deck is saved without asking.

#include "app/workspacesession.h"
#include "document/documentcontroller.h"
#include "format/specjson.h"
#include "panels/thumbnailprovider.h"

#include <QDir>
#include <QQmlApplicationEngine>
#include <QQmlExtensionPlugin>
#include <QQuickItem>
#include <QQuickStyle>
#include <QQuickWindow>
#include <QTemporaryDir>
#include <QUndoStack>
#include <QtTest>

Q_IMPORT_QML_PLUGIN(Slidespec_UiPlugin)

using namespace slidespec;

class TestMainWindow : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void loadsSampleDeck_data();
    void loadsSampleDeck();
    void asksToSaveChanges_data();
    void asksToSaveChanges();
    void workspaceDeckSavesWithoutAsking();

private:
    /*! Loads Main.qml on \a document; the window, or nullptr. */
    QQuickWindow *loadWindow(QQmlApplicationEngine &engine, DocumentController &document);

    QTemporaryDir m_workspace; // no journal of an earlier run is offered
};

void TestMainWindow::initTestCase()
{
    QCoreApplication::setOrganizationName(QStringLiteral("Slidespec"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_mainwindow"));
    QQuickStyle::setStyle(QStringLiteral("Fusion"));
    QVERIFY(m_workspace.isValid());
    qputenv("SLIDESPEC_WORKSPACE", m_workspace.path().toUtf8());
}

void TestMainWindow::loadsSampleDeck_data()
{
    QTest::addColumn<QString>("sample");
    QTest::addColumn<QString>("path");
    QTest::addColumn<QString>("appearance");
    QTest::addColumn<bool>("overlap");
    QTest::addColumn<QString>("language");
    QTest::newRow("pitch deck opens from the bundled resources, light")
        << QStringLiteral("pitch-deck") << QStringLiteral(":/slidespec/samples/pitch-deck.json")
        << QStringLiteral("light") << false << QStringLiteral("en");
    QTest::newRow("quarterly review opens, dark appearance")
        << QStringLiteral("quarterly-review") << QStringLiteral(":/slidespec/samples/quarterly-review.json")
        << QStringLiteral("dark") << false << QStringLiteral("en");
    QTest::newRow("an overlap shows on the canvas, in the issues tab and the problem count")
        << QStringLiteral("overlap") << QStringLiteral(SLIDESPEC_QML_TEST_DATA_DIR "/canvas-deck.json")
        << QStringLiteral("light") << true << QStringLiteral("en");
    QTest::newRow("the German UI, dark, with an overlap")
        << QStringLiteral("overlap-de") << QStringLiteral(SLIDESPEC_QML_TEST_DATA_DIR "/canvas-deck.json")
        << QStringLiteral("dark") << true << QStringLiteral("de");
}

void TestMainWindow::loadsSampleDeck()
{
    QFETCH(QString, sample);
    QFETCH(QString, path);
    QFETCH(QString, appearance);
    QFETCH(bool, overlap);
    QFETCH(QString, language);

    DocumentController document;
    QString error;
    QVERIFY2(document.open(path, &error), qPrintable(error));

    QQmlApplicationEngine engine;
    engine.addImportPath(QStringLiteral("qrc:/qt/qml"));
    ThumbnailProvider::install(&engine, &document);
    engine.setInitialProperties({{QStringLiteral("document"), QVariant::fromValue(&document)}});
    engine.load(QUrl(QStringLiteral("qrc:/qt/qml/Slidespec/Ui/app/Main.qml")));
    QCOMPARE(engine.rootObjects().size(), 1);
    auto *window = qobject_cast<QQuickWindow *>(engine.rootObjects().constFirst());
    QVERIFY(window);
    // The appearance is a setting; the test sets the window's own property.
    QVERIFY(window->setProperty("appearance", appearance));
    QVERIFY(QTest::qWaitForWindowExposed(window));

    auto *canvas = window->findChild<QQuickItem *>(QStringLiteral("slideCanvas"));
    QVERIFY(canvas);
    auto *slideList = window->findChild<QQuickItem *>(QStringLiteral("slideList"));
    QVERIFY(slideList);
    QTRY_COMPARE(slideList->property("count").toInt(), document.slideCount());
    auto *problems = window->findChild<QQuickItem *>(QStringLiteral("problemCount"));
    QVERIFY(problems);
    QVERIFY(!problems->property("text").toString().isEmpty());

    // The language switches at runtime.
    QVERIFY(QMetaObject::invokeMethod(window, "setLanguage", Q_ARG(QVariant, QStringLiteral("de"))));
    QTRY_VERIFY(problems->property("text").toString().contains(QStringLiteral("Probleme"))
                || problems->property("text").toString().contains(QStringLiteral("Problem ")));
    QVERIFY(QMetaObject::invokeMethod(window, "setLanguage", Q_ARG(QVariant, QStringLiteral("en"))));
    QTRY_VERIFY(problems->property("text").toString().contains(QStringLiteral("problem")));

    if (overlap) {
        QVERIFY(document.moveElements({QStringLiteral("other")}, -210, 0));
        auto *tabs = window->findChild<QObject *>(QStringLiteral("rightTabs"));
        QVERIFY(tabs);
        tabs->setProperty("currentIndex", 1);
        auto *session = window->property("session").value<QObject *>();
        QVERIFY(session);
        QTRY_VERIFY(!session->property("markers").toList().isEmpty());
        QVERIFY(document.problemCount() > 0);
        QTRY_VERIFY(!problems->property("text").toString().contains(QStringLiteral("No problems")));
    }

    if (language != QLatin1String("en")) {
        QVERIFY(QMetaObject::invokeMethod(window, "setLanguage", Q_ARG(QVariant, language)));
        QTRY_VERIFY(!problems->property("text").toString().contains(QStringLiteral("problem")));
    }

    // Select the last element so the screenshot shows handles.
    const Slide *slide = document.currentSlideData();
    QVERIFY(slide && !slide->elements.isEmpty());
    document.setSelection({slide->elements.last().id});
    QTest::qWait(200);

    const QImage shot = window->grabWindow();
    QVERIFY(!shot.isNull());
    const QString shotPath = QDir(QStringLiteral(SLIDESPEC_SCREENSHOT_DIR))
                             .absoluteFilePath(QStringLiteral("mainwindow-%1-%2.png").arg(sample, appearance));
    QDir().mkpath(QFileInfo(shotPath).absolutePath());
    QVERIFY(shot.save(shotPath));
    qInfo("screenshot: %s", qPrintable(shotPath));

    // The template gallery, previewing each layout in the deck's kit.
    auto *slidesPanel = window->property("slidesPanel").value<QObject *>();
    QVERIFY(slidesPanel);
    auto *gallery = slidesPanel->property("gallery").value<QObject *>();
    QVERIFY(gallery);
    QVERIFY(QMetaObject::invokeMethod(gallery, "open"));
    QTRY_VERIFY(gallery->property("opened").toBool());
    QTest::qWait(100);
    const QString galleryPath = QString(shotPath).replace(QLatin1String(".png"), QLatin1String("-gallery.png"));
    QVERIFY(window->grabWindow().save(galleryPath));
    qInfo("screenshot: %s", qPrintable(galleryPath));

    // The brand-kit editor on the deck's kit and the template gallery with
    // its thumbnails (rendered off the UI thread).
    QVERIFY(QMetaObject::invokeMethod(gallery, "close"));
    QTRY_VERIFY(!gallery->property("visible").toBool());
    auto *brandKits = window->property("brandKits").value<QObject *>();
    auto *brandKitDialog = window->property("brandKitDialog").value<QObject *>();
    QVERIFY(brandKits && brandKitDialog);
    brandKits->setProperty("currentKitId", QStringLiteral("northwind"));
    QVERIFY(QMetaObject::invokeMethod(brandKitDialog, "open"));
    QTRY_VERIFY(brandKitDialog->property("opened").toBool());
    QTest::qWait(100);
    const QString brandPath = QString(shotPath).replace(QLatin1String(".png"), QLatin1String("-brandkits.png"));
    QVERIFY(window->grabWindow().save(brandPath));
    qInfo("screenshot: %s", qPrintable(brandPath));
    QVERIFY(QMetaObject::invokeMethod(brandKitDialog, "close"));
    QTRY_VERIFY(!brandKitDialog->property("visible").toBool());
    auto *templateGallery = window->property("templateGallery").value<QObject *>();
    QVERIFY(templateGallery);
    QVERIFY(QMetaObject::invokeMethod(templateGallery, "open"));
    QTRY_VERIFY(templateGallery->property("opened").toBool());
    QTest::qWait(400);
    const QString templatesPath = QString(shotPath).replace(QLatin1String(".png"), QLatin1String("-templates.png"));
    QVERIFY(window->grabWindow().save(templatesPath));
    qInfo("screenshot: %s", qPrintable(templatesPath));

    // Leave the remembered language as the next run expects it, and no
    // autosave of the edit to be offered for recovery in the next row.
    QVERIFY(QMetaObject::invokeMethod(window, "setLanguage", Q_ARG(QVariant, QStringLiteral("en"))));
    while (document.undoStack()->canUndo())
        document.undoStack()->undo();
    QVERIFY(!document.isModified());
}

QQuickWindow *TestMainWindow::loadWindow(QQmlApplicationEngine &engine, DocumentController &document)
{
    engine.addImportPath(QStringLiteral("qrc:/qt/qml"));
    ThumbnailProvider::install(&engine, &document);
    engine.setInitialProperties({{QStringLiteral("document"), QVariant::fromValue(&document)}});
    engine.load(QUrl(QStringLiteral("qrc:/qt/qml/Slidespec/Ui/app/Main.qml")));
    if (engine.rootObjects().size() != 1)
        return nullptr;
    auto *window = qobject_cast<QQuickWindow *>(engine.rootObjects().constFirst());
    if (!window || !QTest::qWaitForWindowExposed(window))
        return nullptr;
    return window;
}

namespace {

double firstElementX(const QString &path)
{
    const SpecResult<Deck> deck = SpecJson::readDeckFile(path);
    return deck.ok() ? deck.value->slides.first().elements.first().frame.x : -1;
}

} // namespace

void TestMainWindow::asksToSaveChanges_data()
{
    QTest::addColumn<QString>("leave");  // quit, new
    QTest::addColumn<QString>("choice"); // save, discard, cancel
    QTest::addColumn<bool>("leaves");    // the deck was left (window closed / new deck)
    QTest::addColumn<bool>("fileChanged");
    QTest::newRow("quit, Cancel: the window stays with the changes, the file as it was")
        << QStringLiteral("quit") << QStringLiteral("cancel") << false << false;
    QTest::newRow("quit, Don't save: the window closes, the file as it was")
        << QStringLiteral("quit") << QStringLiteral("discard") << true << false;
    QTest::newRow("quit, Save: the file has the change, then the window closes")
        << QStringLiteral("quit") << QStringLiteral("save") << true << true;
    QTest::newRow("new deck, Cancel: the deck stays open and modified")
        << QStringLiteral("new") << QStringLiteral("cancel") << false << false;
    QTest::newRow("new deck, Don't save: a new deck, the file as it was")
        << QStringLiteral("new") << QStringLiteral("discard") << true << false;
    QTest::newRow("new deck, Save: the file has the change, then a new deck")
        << QStringLiteral("new") << QStringLiteral("save") << true << true;
}

void TestMainWindow::asksToSaveChanges()
{
    QFETCH(QString, leave);
    QFETCH(QString, choice);
    QFETCH(bool, leaves);
    QFETCH(bool, fileChanged);

    // A plain .json deck file outside the workspace.
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("plain deck.json"));
    QVERIFY(QFile::copy(QStringLiteral(SLIDESPEC_QML_TEST_DATA_DIR "/canvas-deck.json"), path));
    QFile::setPermissions(path, QFile::ReadOwner | QFile::WriteOwner);
    const double x0 = firstElementX(path);
    QVERIFY(x0 >= 0);

    DocumentController document;
    QString error;
    QVERIFY2(document.open(path, &error), qPrintable(error));
    QQmlApplicationEngine engine;
    QQuickWindow *window = loadWindow(engine, document);
    QVERIFY(window);
    auto *dialog = window->property("saveChangesDialog").value<QObject *>();
    QVERIFY(dialog);

    // Unmodified: nothing to ask, a new deck comes at once.
    if (leave == QLatin1String("new")) {
        QVERIFY(QMetaObject::invokeMethod(window, "newDeck"));
        QVERIFY(!dialog->property("visible").toBool());
        QVERIFY(document.filePath().isEmpty());
        QVERIFY2(document.open(path, &error), qPrintable(error));
    }

    const QString firstId = document.deck().slides.first().elements.first().id;
    QVERIFY(document.moveElements({firstId}, 25, 0));
    QVERIFY(document.isModified());

    if (leave == QLatin1String("quit"))
        window->close();
    else
        QVERIFY(QMetaObject::invokeMethod(window, "newDeck"));
    QTRY_VERIFY(dialog->property("opened").toBool());
    QVERIFY(window->isVisible());
    QCOMPARE(document.filePath(), path); // nothing left yet
    QVERIFY(dialog->property("title").toString().contains(QStringLiteral("Save")));
    if (leave == QLatin1String("quit") && choice == QLatin1String("save")) {
        QDir().mkpath(QStringLiteral(SLIDESPEC_SCREENSHOT_DIR));
        QVERIFY(window->grabWindow().save(
            QStringLiteral(SLIDESPEC_SCREENSHOT_DIR "/mainwindow-save-changes.png")));
    }

    QVERIFY(QMetaObject::invokeMethod(dialog, "choose", Q_ARG(QVariant, choice)));
    QTRY_VERIFY(!dialog->property("visible").toBool());
    if (leave == QLatin1String("quit"))
        QTRY_COMPARE(window->isVisible(), !leaves);
    else
        QCOMPARE(document.filePath().isEmpty(), leaves);
    if (!leaves) {
        QVERIFY(document.isModified());
        QCOMPARE(document.filePath(), path);
    }
    QCOMPARE(firstElementX(path), fileChanged ? x0 + 25 : x0);
}

void TestMainWindow::workspaceDeckSavesWithoutAsking()
{
    DocumentController document;
    QQmlApplicationEngine engine;
    QQuickWindow *window = loadWindow(engine, document);
    QVERIFY(window);
    auto *workspace = window->property("workspace").value<WorkspaceSession *>();
    QVERIFY(workspace);
    QString error;
    QVERIFY(QMetaObject::invokeMethod(workspace, "newDeckFromTemplate", Q_RETURN_ARG(QString, error),
                                      Q_ARG(QString, QString())));
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QVERIFY(!workspace->currentDeckId().isEmpty());
    const QString path = document.filePath();
    const QString firstId = document.deck().slides.first().elements.first().id;
    const double x0 = firstElementX(path);
    QVERIFY(document.moveElements({firstId}, 30, 0));
    QVERIFY(document.isModified());

    QVERIFY(QMetaObject::invokeMethod(window, "newDeck"));
    auto *dialog = window->property("saveChangesDialog").value<QObject *>();
    QVERIFY(!dialog->property("visible").toBool());
    QVERIFY(document.filePath().isEmpty()); // the new deck is open
    QCOMPARE(firstElementX(path), x0 + 30);
    auto *status = window->findChild<QObject *>(QStringLiteral("statusText"));
    QVERIFY(status);
    QVERIFY2(status->property("text").toString().contains(QStringLiteral("workspace")),
             qPrintable(status->property("text").toString()));

    // Quitting with a modified workspace deck saves it too and closes.
    QVERIFY(QMetaObject::invokeMethod(workspace, "openDeck", Q_RETURN_ARG(QString, error),
                                      Q_ARG(QString, QFileInfo(path).completeBaseName())));
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QCOMPARE(document.filePath(), path);
    QVERIFY(document.moveElements({firstId}, 5, 0));
    window->close();
    QTRY_VERIFY(!window->isVisible());
    QVERIFY(!dialog->property("visible").toBool());
    QCOMPARE(firstElementX(path), x0 + 35);
}

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
