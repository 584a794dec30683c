// SPDX-License-Identifier: GPL-3.0-or-later
// TemplateSession, the template gallery's logic: saving the current slide or
// the deck as a template lists it at once; inserting a slide template is one
// undo step with fresh ids; new decks from slide and deck templates (bundled
// sample decks too) open untitled or, with a workspace, as workspace decks;
// refusals say why; search and kind filter the list; the thumbnails are
// painted by the core renderer on the provider's worker threads, asynchronously.

#include "app/templatesession.h"
#include "app/workspacesession.h"
#include "document/documentcontroller.h"
#include "workspace/workspace.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QQmlComponent>
#include <QQmlEngine>
#include <QQmlExtensionPlugin>
#include <QQuickImageResponse>
#include <QQuickTextureFactory>
#include <QSet>
#include <QTemporaryDir>
#include <QThread>
#include <QtTest>

Q_IMPORT_QML_PLUGIN(Slidespec_UiPlugin)

using namespace slidespec;

namespace {

const QString kDeck = QStringLiteral(SLIDESPEC_QML_TEST_DATA_DIR "/canvas-deck.json");

void collectIds(const QVector<Element> &elements, QSet<QString> &ids)
{
    for (const Element &e : elements) {
        ids.insert(e.id);
        collectIds(e.children, ids);
    }
}

QSet<QString> deckIds(const Deck &deck)
{
    QSet<QString> ids;
    for (const Slide &slide : deck.slides) {
        ids.insert(slide.id);
        collectIds(slide.elements, ids);
    }
    return ids;
}

int elementCount(const QVector<Element> &elements)
{
    int n = 0;
    for (const Element &e : elements)
        n += 1 + elementCount(e.children);
    return n;
}

} // namespace

class TestTemplateSession : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void bundledTemplatesListed();
    void saveSlideListsItAndInsertIsOneUndoStep();
    void saveDeckAndNewDeckFromIt();
    void newDeckFromTemplates_data();
    void newDeckFromTemplates();
    void newDeckWithWorkspaceIsAWorkspaceDeck();
    void refusalsExplain_data();
    void refusalsExplain();
    void searchAndKindFilter_data();
    void searchAndKindFilter();
    void thumbnailsRenderAsynchronously_data();
    void thumbnailsRenderAsynchronously();

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<DocumentController> m_document;
    std::unique_ptr<TemplateSession> m_session;
};

void TestTemplateSession::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_document = std::make_unique<DocumentController>();
    QVERIFY(m_document->open(kDeck));
    m_session = std::make_unique<TemplateSession>();
    m_session->setFolder(m_dir->filePath(QStringLiteral("templates")));
    m_session->setDocument(m_document.get());
}

void TestTemplateSession::cleanup()
{
    m_session.reset();
    m_document.reset();
    m_dir.reset();
}

void TestTemplateSession::bundledTemplatesListed()
{
    const TemplateLibrary *library = m_session->library();
    QVERIFY(library->findSlideTemplate(QStringLiteral("title")));
    QVERIFY(library->findSlideTemplate(QStringLiteral("title")) ->builtin);
    const DeckTemplate *pitch = library->findDeckTemplate(QStringLiteral("pitch-deck"));
    QVERIFY2(pitch, "the sample decks are bundled deck templates");
    QVERIFY(pitch->builtin);
    QVERIFY(pitch->slideCount > 1);
    QCOMPARE(m_session->templates()->count(),
             int(library->slideTemplates().size() + library->deckTemplates().size()));
    QCOMPARE(m_session->loadErrors(), QStringList());
}

void TestTemplateSession::saveSlideListsItAndInsertIsOneUndoStep()
{
    const int before = m_session->templates()->count();
    const int revision = m_session->revision();
    QCOMPARE(m_session->saveSlideAsTemplate(QStringLiteral("Canvas layout"), QStringLiteral("Two blocks")), QString());
    const QString id = m_session->lastSavedId();
    QVERIFY(!id.isEmpty());
    QCOMPARE(m_session->templates()->count(), before + 1);
    QVERIFY2(m_session->revision() > revision, "thumbnails are refreshed");
    const SlideTemplate *tpl = m_session->library()->findSlideTemplate(id);
    QVERIFY(tpl);
    QVERIFY(!tpl->builtin);
    QCOMPARE(tpl->description, QStringLiteral("Two blocks"));
    QVERIFY(QFile::exists(tpl->fileName));
    QVERIFY(tpl->fileName.startsWith(m_session->folder()));

    // Insert after the current (first) slide: one undo step, fresh ids.
    const QSet<QString> idsBefore = deckIds(m_document->deck());
    QCOMPARE(m_session->insertSlide(id), QString());
    QCOMPARE(m_document->slideCount(), 3);
    QCOMPARE(m_document->currentSlide(), 1);
    QCOMPARE(m_document->undoStack()->count(), 1);
    const Slide &inserted = m_document->deck().slides.at(1);
    QCOMPARE(elementCount(inserted.elements), elementCount(m_document->deck().slides.at(0).elements));
    QSet<QString> insertedIds;
    insertedIds.insert(inserted.id);
    collectIds(inserted.elements, insertedIds);
    QVERIFY2(!insertedIds.intersects(idsBefore), "the inserted slide's ids are new in the deck");
    for (const Issue &issue : m_document->slideIssues(1))
        QVERIFY2(issue.severity != Severity::Error, qPrintable(issue.message));

    // Twice: still unique.
    QCOMPARE(m_session->insertSlide(id), QString());
    QCOMPARE(int(deckIds(m_document->deck()).size()), int(idsBefore.size() + 2 * insertedIds.size()));

    m_document->undoStack()->undo();
    m_document->undoStack()->undo();
    QCOMPARE(m_document->slideCount(), 2);
    QCOMPARE(deckIds(m_document->deck()), idsBefore);

    QCOMPARE(m_session->remove(id), QString());
    QVERIFY(!QFile::exists(tpl->fileName));
    QCOMPARE(m_session->templates()->count(), before);
}

void TestTemplateSession::saveDeckAndNewDeckFromIt()
{
    QCOMPARE(m_session->saveDeckAsTemplate(QStringLiteral("Canvas deck")), QString());
    const QString id = m_session->lastSavedId();
    const DeckTemplate *tpl = m_session->library()->findDeckTemplate(id);
    QVERIFY(tpl);
    QVERIFY(!tpl->builtin);
    QCOMPARE(tpl->slideCount, 2);
    QCOMPARE(tpl->name, QStringLiteral("Canvas deck"));

    const Deck original = m_document->deck();
    QVERIFY(m_document->moveElements({QStringLiteral("block")}, 10, 0)); // something to lose
    QCOMPARE(m_session->newDeck(id, QStringLiteral("deck")), QString());
    QCOMPARE(m_document->filePath(), QString());
    QCOMPARE(m_document->slideCount(), 2);
    QCOMPARE(m_document->deck().title, QStringLiteral("Canvas deck"));
    QVERIFY(m_document->deck().brand == original.brand);
    QVERIFY(!m_document->undoStack()->canUndo());
}

void TestTemplateSession::newDeckFromTemplates_data()
{
    QTest::addColumn<QString>("id");
    QTest::addColumn<QString>("kind");
    QTest::addColumn<int>("slides");
    QTest::addColumn<bool>("openDecksKit"); // styled with the open deck's kit
    QTest::addColumn<bool>("clean");        // no errors (the test deck's small kit lacks some tokens)

    QTest::newRow("a bundled slide template, in the open deck's kit") << "quote" << "slide" << 1 << true << false;
    QTest::newRow("the blank slide template") << "blank" << "slide" << 1 << true << true;
    QTest::newRow("a bundled sample deck, its kit and images embedded") << "pitch-deck" << "deck" << -1 << false << true;
    QTest::newRow("another sample deck") << "training-module" << "deck" << -1 << false << true;
}

void TestTemplateSession::newDeckFromTemplates()
{
    QFETCH(QString, id);
    QFETCH(QString, kind);
    QFETCH(int, slides);
    QFETCH(bool, openDecksKit);
    QFETCH(bool, clean);

    const BrandKit openKit = m_document->deck().brand;
    if (slides < 0)
        slides = m_session->library()->findDeckTemplate(id)->slideCount;
    QCOMPARE(m_session->newDeck(id, kind), QString());
    QCOMPARE(m_document->slideCount(), slides);
    QCOMPARE(m_document->filePath(), QString());
    if (openDecksKit)
        QVERIFY(m_document->deck().brand == openKit);
    for (const auto &[assetId, asset] : m_document->deck().assets)
        QVERIFY2(asset.path.isEmpty() && asset.data.startsWith(QLatin1String("data:")),
                 qPrintable(assetId + QStringLiteral(" is embedded")));
    QVERIFY2(m_document->deck().brandRef.isEmpty(), "the kit travels embedded");
    QVERIFY(!m_document->deck().brand.colors.empty());
    // Nothing the new deck draws is missing.
    for (const Issue &issue : m_document->deckIssues())
        QVERIFY2(!clean || issue.severity != Severity::Error, qPrintable(issue.message));
}

void TestTemplateSession::newDeckWithWorkspaceIsAWorkspaceDeck()
{
    qputenv("SLIDESPEC_WORKSPACE", m_dir->filePath(QStringLiteral("workspace")).toUtf8());
    WorkspaceSession workspace;
    QCOMPARE(workspace.error(), QString());
    workspace.setDocument(m_document.get());
    m_session->setWorkspace(&workspace);
    const int decks = int(workspace.workspace()->decks().size());
    QCOMPARE(m_session->newDeck(QStringLiteral("pitch-deck"), QStringLiteral("deck")), QString());
    QCOMPARE(int(workspace.workspace()->decks().size()), decks + 1);
    QVERIFY2(m_document->filePath().startsWith(workspace.rootPath()), qPrintable(m_document->filePath()));
    QVERIFY(!workspace.currentDeckId().isEmpty());
    QCOMPARE(m_session->newDeck(QStringLiteral("title"), QStringLiteral("slide")), QString());
    QCOMPARE(int(workspace.workspace()->decks().size()), decks + 2);
    QCOMPARE(m_document->slideCount(), 1);
    qunsetenv("SLIDESPEC_WORKSPACE");
}

void TestTemplateSession::refusalsExplain_data()
{
    QTest::addColumn<QString>("action");
    QTest::addColumn<QString>("argument");
    QTest::addColumn<QString>("message");

    QTest::newRow("inserting an unknown template") << "insert" << "nope" << "no slide template \"nope\"";
    QTest::newRow("inserting a deck template as a slide") << "insert" << "pitch-deck" << "no slide template";
    QTest::newRow("a new deck from an unknown slide template") << "newSlideDeck" << "nope" << "no slide template";
    QTest::newRow("a new deck from an unknown deck template") << "newDeckDeck" << "nope" << "no deck template";
    QTest::newRow("deleting a bundled slide template") << "remove" << "title" << "bundled";
    QTest::newRow("deleting a bundled deck template") << "remove" << "pitch-deck" << "bundled";
    QTest::newRow("deleting an unknown template") << "remove" << "nope" << "no template \"nope\"";
    QTest::newRow("saving a slide without a name") << "saveSlide" << "  " << "Give the template a name";
    QTest::newRow("saving a slide under a built-in's name") << "saveSlide" << "TITLE" << "already a slide template";
    QTest::newRow("saving a deck without a name") << "saveDeck" << "" << "Give the template a name";
    QTest::newRow("saving a deck under a sample's name") << "saveDeck" << "PITCH" << "already a deck template";
    QTest::newRow("a name that is too long") << "saveSlide" << QString(81, u'x') << "too long";
    QTest::newRow("saving a slide without a document") << "saveSlideNoDocument" << "Fine" << "no slide to save";
    QTest::newRow("inserting without a document") << "insertNoDocument" << "title" << "no open deck";
}

void TestTemplateSession::refusalsExplain()
{
    QFETCH(QString, action);
    QFETCH(QString, argument);
    QFETCH(QString, message);

    // Names of bundled templates as the library has them.
    if (argument == QLatin1String("TITLE"))
        argument = m_session->library()->findSlideTemplate(QStringLiteral("title"))->name.toUpper();
    if (argument == QLatin1String("PITCH"))
        argument = m_session->library()->findDeckTemplate(QStringLiteral("pitch-deck"))->name.toLower();
    if (action.endsWith(QLatin1String("NoDocument")))
        m_session->setDocument(nullptr);
    const int count = m_session->templates()->count();
    const int slides = m_document->slideCount();

    QString error;
    if (action == QLatin1String("insert") || action == QLatin1String("insertNoDocument"))
        error = m_session->insertSlide(argument);
    else if (action == QLatin1String("newSlideDeck"))
        error = m_session->newDeck(argument, QStringLiteral("slide"));
    else if (action == QLatin1String("newDeckDeck"))
        error = m_session->newDeck(argument, QStringLiteral("deck"));
    else if (action == QLatin1String("remove"))
        error = m_session->remove(argument);
    else if (action.startsWith(QLatin1String("saveSlide")))
        error = m_session->saveSlideAsTemplate(argument);
    else if (action == QLatin1String("saveDeck"))
        error = m_session->saveDeckAsTemplate(argument);
    QVERIFY2(error.contains(message), qPrintable(error));
    QCOMPARE(m_session->lastError(), error);
    QCOMPARE(m_session->templates()->count(), count);
    QCOMPARE(m_document->slideCount(), slides);
    QVERIFY(!m_document->undoStack()->canUndo());
    QVERIFY(QDir(m_session->folder()).entryList({QStringLiteral("*.json")}, QDir::Files).isEmpty());
}

void TestTemplateSession::searchAndKindFilter_data()
{
    QTest::addColumn<QString>("search");
    QTest::addColumn<QString>("kind");
    QTest::addColumn<QStringList>("mustList");
    QTest::addColumn<QStringList>("mustNotList");

    QTest::newRow("no filter lists slides and decks") << "" << "" << QStringList{"title", "pitch-deck"} << QStringList{};
    QTest::newRow("a word of the name, any case") << "QUOTE" << "" << QStringList{"quote"} << QStringList{"title"};
    QTest::newRow("decks only") << "" << "deck" << QStringList{"pitch-deck"} << QStringList{"title", "quote"};
    QTest::newRow("slides only") << "" << "slide" << QStringList{"title"} << QStringList{"pitch-deck"};
    QTest::newRow("nothing matches") << "zzzz no such template" << "" << QStringList{} << QStringList{"title"};
}

void TestTemplateSession::searchAndKindFilter()
{
    QFETCH(QString, search);
    QFETCH(QString, kind);
    QFETCH(QStringList, mustList);
    QFETCH(QStringList, mustNotList);

    TemplateFilterModel *model = m_session->templates();
    QSignalSpy counted(model, &TemplateFilterModel::countChanged);
    model->setSearchText(search);
    model->setKind(kind);
    if (!search.isEmpty() || !kind.isEmpty())
        QVERIFY(counted.count() > 0);
    QStringList listed;
    for (int row = 0; row < model->count(); ++row) {
        listed.append(model->get(row, QStringLiteral("id")).toString());
        if (!kind.isEmpty())
            QCOMPARE(model->get(row, QStringLiteral("kind")).toString(), kind);
    }
    for (const QString &id : mustList)
        QVERIFY2(listed.contains(id), qPrintable(id));
    for (const QString &id : mustNotList)
        QVERIFY2(!listed.contains(id), qPrintable(id));
    QVERIFY(!model->get(-1, QStringLiteral("id")).isValid());
    QVERIFY(!model->get(0, QStringLiteral("nosuchrole")).isValid());
}

void TestTemplateSession::thumbnailsRenderAsynchronously_data()
{
    QTest::addColumn<QString>("id");

    QTest::newRow("a slide template in the open deck's kit") << "slide/title/1";
    QTest::newRow("a slide template with an image") << "slide/image-text/1";
    QTest::newRow("a sample deck's first slide") << "deck/pitch-deck/1";
}

void TestTemplateSession::thumbnailsRenderAsynchronously()
{
    QFETCH(QString, id);

    QQmlEngine engine;
    engine.addImportPath(QStringLiteral("qrc:/qt/qml"));
    QQmlComponent component(&engine);
    component.setData("import Slidespec.Ui\nTemplateSession {}", QUrl());
    std::unique_ptr<QObject> object(component.create());
    QVERIFY2(object, qPrintable(component.errorString()));
    auto *session = qobject_cast<TemplateSession *>(object.get());
    session->setDocument(m_document.get());
    auto *provider = dynamic_cast<QQuickAsyncImageProvider *>(
            engine.imageProvider(QLatin1String(TemplateThumbnailProvider::kName)));
    QVERIFY2(provider, "the session installs its provider in its engine");

    QElapsedTimer timer;
    timer.start();
    std::unique_ptr<QQuickImageResponse> response(provider->requestImageResponse(id, QSize(320, 180)));
    QSignalSpy finished(response.get(), &QQuickImageResponse::finished);
    QVERIFY(finished.wait(10000) || finished.count() == 1);
    qInfo("%s: %lld ms", qPrintable(id), timer.elapsed());
    std::unique_ptr<QQuickTextureFactory> texture(response->textureFactory());
    QVERIFY(texture);
    const QImage image = texture->image();
    QCOMPARE(image.width(), 320);
    QVERIFY(image.height() > 100);

    // The same image as the renderer paints on this thread; a slide template
    // shows the open deck's background colour.
    TemplateThumbnailProvider::Store store;
    store.preview.size = m_document->deck().size;
    store.preview.brand = m_document->deck().brand;
    for (const SlideTemplate &t : session->library()->slideTemplates())
        store.slides.insert(t.id, t.slide);
    for (const DeckTemplate &t : session->library()->deckTemplates())
        store.deckFiles.insert(t.id, t.fileName);
    const QImage direct = TemplateThumbnailProvider::render(store, id, 320);
    QCOMPARE(image.convertToFormat(QImage::Format_ARGB32), direct.convertToFormat(QImage::Format_ARGB32));
    QVERIFY(TemplateThumbnailProvider::render(store, QStringLiteral("slide/nope/1"), 320).isNull());
}

QTEST_MAIN(TestTemplateSession)

#include "tst_templatesession.moc"
