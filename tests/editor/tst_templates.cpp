// SPDX-License-Identifier: GPL-3.0-or-later
// TemplateLibrary: bundled slide templates are listed and read-only; a
// slide saved as a template gets template-local ids in a canonical file and
// instantiates any number of times with deck-unique ids and equal content;
// deck templates round-trip; bundled deck templates (the sample decks) are
// read-only and make decks that stand on their own; corrupt files are
// reported by name and skipped.

#include "templates/templatelibrary.h"
#include "templates/templatelistmodel.h"

#include "brand/brandkitlibrary.h"
#include "document/deckedit.h"
#include "format/specjson.h"
#include "model/assetstore.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QGuiApplication>
#include <QTemporaryDir>
#include <QTest>

using namespace slidespec;

namespace {

void stripIds(QVector<Element> &elements)
{
    for (Element &e : elements) {
        e.id.clear();
        stripIds(e.children);
    }
}

QVector<Element> withoutIds(QVector<Element> elements)
{
    stripIds(elements);
    return elements;
}

// Every slide and element id of the deck, duplicates kept.
QStringList allIds(const Deck &deck)
{
    QStringList ids;
    for (const Slide &s : deck.slides) {
        ids.append(s.id);
        for (const Element &e : s.elements)
            DeckEdit::collectIds(e, ids);
    }
    return ids;
}

Deck sampleDeck()
{
    BrandKitLibrary kits(QString{});
    QString error;
    std::optional<Deck> deck = kits.newDeck(QStringLiteral("northwind"), QStringLiteral("Sample"), &error);
    if (!deck)
        qFatal("%s", qPrintable(error));
    TemplateLibrary templates(QString{});
    templates.insertInto(*deck, QStringLiteral("title-body"));
    templates.insertInto(*deck, QStringLiteral("two-columns"));
    deck->slides[1].notes = QStringLiteral("Speaker notes stay with the deck");
    return *deck;
}

} // namespace

class TestTemplates : public QObject
{
    Q_OBJECT

private slots:
    void bundledTemplatesListed();
    void bundledTemplatesReadOnly();
    void saveSlideAsTemplate();
    void instantiateTwiceGivesUniqueIds();
    void deckImagesAreEmbedded();
    void deckTemplateRoundTrip();
    void bundledDeckTemplates_data();
    void bundledDeckTemplates();
    void userDeckTemplateCannotShadowABundledOne();
    void removeUserTemplates();
    void corruptTemplate_data();
    void corruptTemplate();
    void listModel();
};

void TestTemplates::bundledTemplatesListed()
{
    QTemporaryDir dir;
    TemplateLibrary lib(dir.filePath(QStringLiteral("templates")));
    QVERIFY2(lib.loadErrors().isEmpty(), qPrintable(lib.loadErrors().join(u'\n')));
    const QStringList expected{QStringLiteral("title"), QStringLiteral("title-body"), QStringLiteral("two-columns"),
                               QStringLiteral("section-header"), QStringLiteral("image-text"),
                               QStringLiteral("quote"), QStringLiteral("closing"), QStringLiteral("blank")};
    for (const QString &id : expected) {
        const SlideTemplate *t = lib.findSlideTemplate(id);
        QVERIFY2(t, qPrintable(id));
        QVERIFY(t->builtin);
        // Written back and read again, a template is the same template.
        QTemporaryDir out;
        QFile f(out.filePath(QStringLiteral("t.json")));
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(TemplateLibrary::writeTemplate(*t));
        f.close();
        const std::optional<SlideTemplate> again = TemplateLibrary::readTemplateFile(f.fileName());
        QVERIFY(again);
        QCOMPARE(again->id, t->id);
        QCOMPARE(again->name, t->name);
        QCOMPARE(again->description, t->description);
        QCOMPARE(again->slide, t->slide);
    }
}

void TestTemplates::bundledTemplatesReadOnly()
{
    QTemporaryDir dir;
    TemplateLibrary lib(dir.filePath(QStringLiteral("templates")));
    QString error;
    QVERIFY(!lib.remove(QStringLiteral("title"), &error));
    QVERIFY2(error.contains(QLatin1String("bundled")), qPrintable(error));
    QVERIFY(lib.findSlideTemplate(QStringLiteral("title")));
    QVERIFY(!lib.remove(QStringLiteral("no-such"), &error));
}

void TestTemplates::saveSlideAsTemplate()
{
    QTemporaryDir dir;
    const QString folder = dir.filePath(QStringLiteral("templates"));
    TemplateLibrary lib(folder);
    const Deck deck = sampleDeck();
    const Slide &source = deck.slides[1];
    QString error;
    const QString id = lib.saveSlideAsTemplate(source, QStringLiteral("My layout"), QStringLiteral("For updates"), &error);
    QVERIFY2(!id.isEmpty(), qPrintable(error));
    QCOMPARE(id, QStringLiteral("my-layout"));

    const SlideTemplate *t = lib.findSlideTemplate(id);
    QVERIFY(t);
    QVERIFY(!t->builtin);
    QCOMPARE(t->name, QStringLiteral("My layout"));
    QCOMPARE(t->description, QStringLiteral("For updates"));
    QCOMPARE(t->slide.layout, id);
    QCOMPARE(t->slide.background, source.background);
    QVERIFY(t->slide.notes.isEmpty());
    QCOMPARE(withoutIds(t->slide.elements), withoutIds(source.elements));
    // Ids are template-local: the role (or kind), without the deck's slide prefix.
    for (const Element &e : t->slide.elements) {
        QVERIFY2(!e.id.startsWith(source.id), qPrintable(e.id));
        if (!e.role.isEmpty())
            QVERIFY2(e.id.startsWith(e.role), qPrintable(e.id));
    }

    // The file is a canonical slidespec-template.
    QFile f(QDir(folder).filePath(id + QStringLiteral(".json")));
    QVERIFY(f.open(QIODevice::ReadOnly));
    const QByteArray bytes = f.readAll();
    QVERIFY(bytes.contains("\"format\": \"slidespec-template\""));
    QVERIFY(bytes.contains("\"version\": 1"));
    QCOMPARE(TemplateLibrary::writeTemplate(*t), bytes);

    // A second save under the same name gets its own id; a new library sees both.
    QCOMPARE(lib.saveSlideAsTemplate(source, QStringLiteral("My layout")), QStringLiteral("my-layout-2"));
    TemplateLibrary again(folder);
    QVERIFY(again.findSlideTemplate(QStringLiteral("my-layout")));
    QVERIFY(again.findSlideTemplate(QStringLiteral("my-layout-2")));
    QVERIFY(lib.saveSlideAsTemplate(source, QStringLiteral(" "), {}, &error).isEmpty());
}

void TestTemplates::instantiateTwiceGivesUniqueIds()
{
    QTemporaryDir dir;
    TemplateLibrary lib(dir.filePath(QStringLiteral("templates")));
    Deck deck = sampleDeck();
    const Slide source = deck.slides[2];
    const QString id = lib.saveSlideAsTemplate(source, QStringLiteral("Columns"));
    QVERIFY(!id.isEmpty());

    QString error;
    const int first = lib.insertInto(deck, id, -1, &error);
    QVERIFY2(first >= 0, qPrintable(error));
    const int second = lib.insertInto(deck, id, 0, &error);
    QCOMPARE(second, 0);
    QCOMPARE(deck.slides.size(), 5);

    const QStringList ids = allIds(deck);
    QCOMPARE(QSet<QString>(ids.cbegin(), ids.cend()).size(), ids.size());
    const Slide &a = deck.slides[0];
    const Slide &b = deck.slides[4];
    QCOMPARE(a.layout, id);
    QCOMPARE(withoutIds(a.elements), withoutIds(b.elements));
    QCOMPARE(withoutIds(a.elements), withoutIds(source.elements));
    QCOMPARE(a.background, source.background);
    // The deck still loads (ids unique, everything valid to the reader).
    const SpecResult<Deck> reread = SpecJson::readDeck(SpecJson::writeDeck(deck));
    QVERIFY2(reread.ok(), qPrintable(reread.errorString()));

    QVERIFY(lib.insertInto(deck, QStringLiteral("missing"), -1, &error) < 0);
    QVERIFY(error.contains(QLatin1String("missing")));
}

void TestTemplates::deckImagesAreEmbedded()
{
    QTemporaryDir dir;
    TemplateLibrary lib(dir.filePath(QStringLiteral("templates")));
    Deck deck = sampleDeck();
    const QByteArray svg("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"4\" height=\"4\"/>\n");
    Asset asset;
    asset.mime = QStringLiteral("image/svg+xml");
    asset.data = QStringLiteral("data:image/svg+xml;base64,") + QString::fromLatin1(svg.toBase64());
    deck.assets[QStringLiteral("pic")] = asset;
    Element image;
    image.kind = ElementKind::Image;
    image.id = QStringLiteral("pic-1");
    image.src = QStringLiteral("asset:pic");
    image.alt = QStringLiteral("A picture");
    image.frame = Frame{10, 10, 100, 100, 0};
    deck.slides[0].elements.append(image);

    QString error;
    QVERIFY(lib.saveSlideAsTemplate(deck.slides[0], QStringLiteral("With picture"), {}, &error).isEmpty());
    QVERIFY2(error.contains(QLatin1String("asset:pic")), qPrintable(error));

    const QString id = lib.saveSlideAsTemplate(deck.slides[0], QStringLiteral("With picture"), {}, &error, &deck);
    QVERIFY2(!id.isEmpty(), qPrintable(error));
    const SlideTemplate *t = lib.findSlideTemplate(id);
    const Element &saved = t->slide.elements.last();
    QVERIFY(saved.src.startsWith(QLatin1String("data:image/svg+xml;base64,")));
    QCOMPARE(AssetStore::decodeDataUri(saved.src).bytes, svg);
    QCOMPARE(saved.id, QStringLiteral("image"));
}

void TestTemplates::bundledDeckTemplates_data()
{
    QTest::addColumn<QString>("id");

    const QStringList samples = QDir(QStringLiteral(":/slidespec/samples")).entryList({QStringLiteral("*.json")});
    QVERIFY(!samples.isEmpty());
    for (const QString &file : samples)
        QTest::newRow(qPrintable(file.chopped(5) + QStringLiteral(" is a read-only deck template that stands alone")))
                << file.chopped(5);
}

void TestTemplates::bundledDeckTemplates()
{
    QFETCH(QString, id);
    QTemporaryDir dir;
    TemplateLibrary lib(dir.filePath(QStringLiteral("templates")), QStringLiteral(":/slidespec/templates"),
                        QStringLiteral(":/slidespec/samples"));
    QCOMPARE(lib.loadErrors(), QStringList());
    const DeckTemplate *t = lib.findDeckTemplate(id);
    QVERIFY(t);
    QVERIFY(t->builtin);
    QVERIFY(t->slideCount > 0);
    QCOMPARE(lib.deckTemplates().first().builtin, true); // bundled ones come first

    QString error;
    QVERIFY(!lib.remove(id, &error));
    QVERIFY2(error.contains(QLatin1String("bundled")), qPrintable(error));
    QVERIFY(QFile::exists(t->fileName));

    const std::optional<Deck> deck = lib.newDeckFromTemplate(id, QStringLiteral("fresh"), &error);
    QVERIFY2(deck, qPrintable(error));
    QCOMPARE(deck->id, QStringLiteral("fresh"));
    QCOMPARE(int(deck->slides.size()), t->slideCount);
    QVERIFY2(deck->brandRef.isEmpty(), "the kit is embedded, not referenced relative to the sample");
    QVERIFY(!deck->brand.colors.empty());
    for (const auto &[assetId, asset] : deck->assets) {
        QVERIFY2(asset.path.isEmpty(), qPrintable(assetId));
        QVERIFY2(asset.data.startsWith(QLatin1String("data:image/")), qPrintable(assetId));
    }
    // Written anywhere, it reads back whole.
    const QString copy = dir.filePath(QStringLiteral("elsewhere/deck.json"));
    QVERIFY(QDir().mkpath(QFileInfo(copy).absolutePath()));
    QVERIFY(SpecJson::writeFileAtomically(copy, SpecJson::writeDeck(*deck), &error));
    const SpecResult<Deck> reread = SpecJson::readDeckFile(copy);
    QVERIFY2(reread.ok(), qPrintable(reread.errorString()));
    QCOMPARE(reread.value->brand, deck->brand);

    // Without the bundled folder there are none.
    TemplateLibrary plain(dir.filePath(QStringLiteral("templates")));
    QVERIFY(!plain.findDeckTemplate(id));
}

void TestTemplates::userDeckTemplateCannotShadowABundledOne()
{
    QTemporaryDir dir;
    const QString folder = dir.filePath(QStringLiteral("templates"));
    QVERIFY(QDir().mkpath(QDir(folder).filePath(QStringLiteral("decks"))));
    QVERIFY(QFile::copy(QStringLiteral(":/slidespec/samples/pitch-deck.json"),
                        QDir(folder).filePath(QStringLiteral("decks/pitch-deck.json"))));
    TemplateLibrary lib(folder, QStringLiteral(":/slidespec/templates"), QStringLiteral(":/slidespec/samples"));
    QCOMPARE(lib.loadErrors().size(), 1);
    QVERIFY2(lib.loadErrors().first().contains(QLatin1String("pitch-deck")), qPrintable(lib.loadErrors().first()));
    QVERIFY(lib.findDeckTemplate(QStringLiteral("pitch-deck"))->builtin);
    // A new user template named like it gets another id.
    QString error;
    const QString id = lib.saveDeckAsTemplate(sampleDeck(), QStringLiteral("Pitch deck"), &error);
    QVERIFY2(!id.isEmpty(), qPrintable(error));
    QVERIFY(id != QLatin1String("pitch-deck"));
}

void TestTemplates::deckTemplateRoundTrip()
{
    QTemporaryDir dir;
    const QString folder = dir.filePath(QStringLiteral("templates"));
    TemplateLibrary lib(folder);
    const Deck deck = sampleDeck();
    QString error;
    const QString id = lib.saveDeckAsTemplate(deck, QStringLiteral("Board update"), &error);
    QVERIFY2(!id.isEmpty(), qPrintable(error));
    const DeckTemplate *t = lib.findDeckTemplate(id);
    QVERIFY(t);
    QCOMPARE(t->name, QStringLiteral("Board update"));
    QCOMPARE(t->slideCount, int(deck.slides.size()));
    QVERIFY(t->fileName.startsWith(lib.deckTemplatesPath()));

    TemplateLibrary again(folder);
    const std::optional<Deck> fresh = again.newDeckFromTemplate(id, QStringLiteral("q3"), &error);
    QVERIFY2(fresh, qPrintable(error));
    QCOMPARE(fresh->id, QStringLiteral("q3"));
    QCOMPARE(fresh->brand, deck.brand);
    QCOMPARE(fresh->slides, deck.slides);
    QCOMPARE(fresh->assets, deck.assets);

    QVERIFY(!lib.newDeckFromTemplate(QStringLiteral("nope"), {}, &error));

    // An asset kept as a file next to the deck is embedded in the template.
    Deck withFile = deck;
    const QByteArray svg("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"2\" height=\"2\"/>\n");
    QFile pic(dir.filePath(QStringLiteral("pic.svg")));
    QVERIFY(pic.open(QIODevice::WriteOnly));
    pic.write(svg);
    pic.close();
    Asset asset;
    asset.path = QStringLiteral("pic.svg");
    asset.mime = QStringLiteral("image/svg+xml");
    withFile.assets[QStringLiteral("pic")] = asset;
    QVERIFY(lib.saveDeckAsTemplate(withFile, QStringLiteral("Missing file"), &error,
                                   dir.filePath(QStringLiteral("elsewhere"))).isEmpty());
    QVERIFY2(error.contains(QLatin1String("pic")), qPrintable(error));
    const QString embeddedId = lib.saveDeckAsTemplate(withFile, QStringLiteral("Embedded"), &error, dir.path());
    QVERIFY2(!embeddedId.isEmpty(), qPrintable(error));
    const std::optional<Deck> embedded = lib.newDeckFromTemplate(embeddedId);
    QVERIFY(embedded);
    const Asset &kept = embedded->assets.at(QStringLiteral("pic"));
    QVERIFY(kept.path.isEmpty());
    QCOMPARE(AssetStore::decodeDataUri(kept.data).bytes, svg);
}

void TestTemplates::removeUserTemplates()
{
    QTemporaryDir dir;
    TemplateLibrary lib(dir.filePath(QStringLiteral("templates")));
    const Deck deck = sampleDeck();
    const QString slideId = lib.saveSlideAsTemplate(deck.slides[0], QStringLiteral("Opening"));
    const QString deckId = lib.saveDeckAsTemplate(deck, QStringLiteral("Whole deck"));
    const QString slideFile = lib.findSlideTemplate(slideId)->fileName;
    const QString deckFile = lib.findDeckTemplate(deckId)->fileName;
    QString error;
    QVERIFY2(lib.remove(slideId, &error), qPrintable(error));
    QVERIFY2(lib.remove(deckId, &error), qPrintable(error));
    QVERIFY(!QFileInfo::exists(slideFile));
    QVERIFY(!QFileInfo::exists(deckFile));
    QVERIFY(!lib.findSlideTemplate(slideId));
    QVERIFY(!lib.findDeckTemplate(deckId));
}

void TestTemplates::corruptTemplate_data()
{
    QTest::addColumn<QString>("relativePath");
    QTest::addColumn<QByteArray>("content");
    QTest::newRow("slide template that is not JSON") << QStringLiteral("broken.json") << QByteArray("[1, 2");
    QTest::newRow("slide template with the wrong format")
        << QStringLiteral("broken.json")
        << QByteArray("{\"format\":\"slidespec\",\"version\":1,\"id\":\"x\",\"name\":\"X\",\"slide\":{}}");
    QTest::newRow("slide template without a slide")
        << QStringLiteral("broken.json")
        << QByteArray("{\"format\":\"slidespec-template\",\"version\":1,\"id\":\"x\",\"name\":\"X\"}");
    QTest::newRow("slide template whose slide is wrong")
        << QStringLiteral("broken.json")
        << QByteArray("{\"format\":\"slidespec-template\",\"version\":1,\"id\":\"x\",\"name\":\"X\",\"slide\":{\"elements\":3}}");
    QTest::newRow("slide template reusing a bundled id")
        << QStringLiteral("broken.json")
        << QByteArray("{\"format\":\"slidespec-template\",\"version\":1,\"id\":\"title\",\"name\":\"X\","
                      "\"slide\":{\"id\":\"title\",\"elements\":[]}}");
    QTest::newRow("deck template that is not a deck") << QStringLiteral("decks/broken.json") << QByteArray("{}");
}

void TestTemplates::corruptTemplate()
{
    QFETCH(QString, relativePath);
    QFETCH(QByteArray, content);
    QTemporaryDir dir;
    const QString folder = dir.filePath(QStringLiteral("templates"));
    QVERIFY(QDir().mkpath(QDir(folder).filePath(QStringLiteral("decks"))));
    QFile f(QDir(folder).filePath(relativePath));
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(content);
    f.close();
    TemplateLibrary lib(folder);
    QVERIFY(!lib.reload());
    QCOMPARE(lib.loadErrors().size(), 1);
    QVERIFY2(lib.loadErrors()[0].contains(QLatin1String("broken.json")), qPrintable(lib.loadErrors()[0]));
    QVERIFY(lib.findSlideTemplate(QStringLiteral("title")));
    QVERIFY(lib.findSlideTemplate(QStringLiteral("title"))->builtin);
}

void TestTemplates::listModel()
{
    QTemporaryDir dir;
    TemplateLibrary lib(dir.filePath(QStringLiteral("templates")));
    TemplateListModel model(&lib);
    const int builtins = model.rowCount();
    QCOMPARE(builtins, int(lib.slideTemplates().size()));
    QCOMPARE(model.roleNames().value(TemplateListModel::KindRole), QByteArray("kind"));
    QCOMPARE(int(TemplateListModel::IdRole), Qt::UserRole + 1);

    const Deck deck = sampleDeck();
    QVERIFY(!lib.saveSlideAsTemplate(deck.slides[0], QStringLiteral("Mine")).isEmpty());
    QVERIFY(!lib.saveDeckAsTemplate(deck, QStringLiteral("Deck")).isEmpty());
    model.refresh();
    QCOMPARE(model.rowCount(), builtins + 2);
    const QModelIndex last = model.index(model.rowCount() - 1);
    QCOMPARE(model.data(last, TemplateListModel::KindRole).toString(), QStringLiteral("deck"));
    QCOMPARE(model.data(last, TemplateListModel::SlideCountRole).toInt(), int(deck.slides.size()));
    const QModelIndex mine = model.index(builtins);
    QCOMPARE(model.data(mine, TemplateListModel::NameRole).toString(), QStringLiteral("Mine"));
    QCOMPARE(model.data(mine, TemplateListModel::BuiltinRole).toBool(), false);
}

QTEST_MAIN(TestTemplates)
#include "tst_templates.moc"
