// SPDX-License-Identifier: GPL-3.0-or-later
// BrandKitLibrary: bundled kits are read-only; user kits are created,
// duplicated, renamed and deleted as canonical files; logos are imported
// once by hash and sniffed by content; the contrast matrix has the known
// WCAG values; a new deck from a kit validates clean; a corrupt file in the
// folder is reported by name and skipped.

#include "brand/brandkitlibrary.h"
#include "brand/brandkitlistmodel.h"

#include "components/componentlibrary.h"
#include "format/specjson.h"
#include "model/assetstore.h"
#include "text/fontresolver.h"
#include "text/textlayout.h"
#include "validation/validator.h"

#include <QBuffer>
#include <QDir>
#include <QFile>
#include <QGuiApplication>
#include <QImage>
#include <QTemporaryDir>
#include <QTest>

using namespace slidespec;

namespace {

QByteArray pngBytes(QRgb color)
{
    QImage image(8, 8, QImage::Format_RGB32);
    image.fill(color);
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    image.save(&buffer, "PNG");
    return bytes;
}

QString writeFile(const QTemporaryDir &dir, const QString &name, const QByteArray &bytes)
{
    const QString path = dir.filePath(name);
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly))
        return {};
    f.write(bytes);
    return path;
}

QByteArray readAll(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

} // namespace

class TestBrandKits : public QObject
{
    Q_OBJECT

private slots:
    void bundledKitsListed();
    void bundledKitsReadOnly_data();
    void bundledKitsReadOnly();
    void createFromScratch();
    void createFromBundled();
    void duplicateGivesUniqueIds();
    void renameKeepsId();
    void deleteRemovesFile();
    void logoImport_data();
    void logoImport();
    void logoDedupByHash();
    void contrastMatrix_data();
    void contrastMatrix();
    void contrastMatrixPairs();
    void checkReportsFontsAndLogos();
    void bundledKitsPassTheirOwnLevel_data();
    void bundledKitsPassTheirOwnLevel();
    void newDeckValidates_data();
    void newDeckValidates();
    void corruptKitFile_data();
    void corruptKitFile();
    void listModel();
};

void TestBrandKits::bundledKitsListed()
{
    QTemporaryDir dir;
    BrandKitLibrary lib(dir.filePath(QStringLiteral("brands")));
    QVERIFY2(lib.loadErrors().isEmpty(), qPrintable(lib.loadErrors().join(u'\n')));
    for (const char *id : {"northwind", "midnight", "evergreen"}) {
        const BrandKitEntry *e = lib.find(QString::fromLatin1(id));
        QVERIFY2(e, id);
        QVERIFY(e->builtin);
        QVERIFY(lib.isBuiltin(QString::fromLatin1(id)));
    }
}

void TestBrandKits::bundledKitsReadOnly_data()
{
    QTest::addColumn<QString>("operation");
    QTest::newRow("rename is refused") << QStringLiteral("rename");
    QTest::newRow("delete is refused") << QStringLiteral("delete");
    QTest::newRow("save over a bundled id is refused") << QStringLiteral("save");
    QTest::newRow("logo import is refused") << QStringLiteral("logo");
}

void TestBrandKits::bundledKitsReadOnly()
{
    QFETCH(QString, operation);
    QTemporaryDir dir;
    BrandKitLibrary lib(dir.filePath(QStringLiteral("brands")));
    const BrandKit before = lib.find(QStringLiteral("northwind"))->kit;
    QString error;
    bool ok = true;
    if (operation == QLatin1String("rename")) {
        ok = lib.rename(QStringLiteral("northwind"), QStringLiteral("Mine"), &error);
    } else if (operation == QLatin1String("delete")) {
        ok = lib.remove(QStringLiteral("northwind"), &error);
    } else if (operation == QLatin1String("save")) {
        BrandKit kit = before;
        kit.name = QStringLiteral("Changed");
        ok = lib.save(kit, &error);
    } else {
        const QString png = writeFile(dir, QStringLiteral("logo.png"), pngBytes(qRgb(255, 0, 0)));
        ok = !lib.importLogo(QStringLiteral("northwind"), png, {}, &error).isEmpty();
    }
    QVERIFY(!ok);
    QVERIFY2(error.contains(QLatin1String("bundled")), qPrintable(error));
    QCOMPARE(lib.find(QStringLiteral("northwind"))->kit, before);
    QVERIFY(!QFileInfo::exists(dir.filePath(QStringLiteral("brands/northwind.json"))));
}

void TestBrandKits::createFromScratch()
{
    QTemporaryDir dir;
    const QString folder = dir.filePath(QStringLiteral("brands"));
    BrandKitLibrary lib(folder);
    QString error;
    const QString id = lib.create(QStringLiteral("Acme Corp"), {}, &error);
    QVERIFY2(!id.isEmpty(), qPrintable(error));
    QCOMPARE(id, QStringLiteral("acme-corp"));
    const QString file = QDir(folder).filePath(QStringLiteral("acme-corp.json"));
    QVERIFY(QFileInfo::exists(file));
    // Canonical: reading and writing again gives the same bytes.
    const SpecResult<BrandKit> read = SpecJson::readBrandKitFile(file);
    QVERIFY2(read.ok(), qPrintable(read.errorString()));
    QCOMPARE(SpecJson::writeBrandKit(*read.value), readAll(file));
    QCOMPARE(read.value->name, QStringLiteral("Acme Corp"));
    QVERIFY(read.value->color(QStringLiteral("primary")).has_value());

    BrandKitLibrary again(folder);
    QVERIFY(again.find(id));
    QVERIFY(!again.isBuiltin(id));
    // The same name again gets a new id.
    const QString second = lib.create(QStringLiteral("Acme Corp"));
    QCOMPARE(second, QStringLiteral("acme-corp-2"));
    QVERIFY(lib.create(QStringLiteral("   "), {}, &error).isEmpty());
    QVERIFY(!error.isEmpty());
}

void TestBrandKits::createFromBundled()
{
    QTemporaryDir dir;
    BrandKitLibrary lib(dir.filePath(QStringLiteral("brands")));
    const QString id = lib.create(QStringLiteral("Night shift"), QStringLiteral("midnight"));
    QVERIFY(!id.isEmpty());
    const BrandKit &mine = lib.find(id)->kit;
    const BrandKit &base = lib.find(QStringLiteral("midnight"))->kit;
    QCOMPARE(mine.colors, base.colors);
    QCOMPARE(mine.fonts, base.fonts);
    QCOMPARE(mine.guidance, base.guidance);
    QCOMPARE(mine.name, QStringLiteral("Night shift"));
    QString error;
    QVERIFY(lib.create(QStringLiteral("X"), QStringLiteral("nope"), &error).isEmpty());
    QVERIFY2(error.contains(QLatin1String("nope")), qPrintable(error));
}

void TestBrandKits::duplicateGivesUniqueIds()
{
    QTemporaryDir dir;
    BrandKitLibrary lib(dir.filePath(QStringLiteral("brands")));
    const QString a = lib.duplicate(QStringLiteral("northwind"));
    const QString b = lib.duplicate(QStringLiteral("northwind"));
    const QString c = lib.duplicate(a);
    QVERIFY(!a.isEmpty() && !b.isEmpty() && !c.isEmpty());
    QVERIFY(a != b && b != c && a != c);
    const QString baseName = lib.find(QStringLiteral("northwind"))->kit.name;
    QCOMPARE(lib.find(a)->kit.name, QStringLiteral("Copy of %1").arg(baseName));
    QCOMPARE(lib.find(c)->kit.name, QStringLiteral("Copy of Copy of %1").arg(baseName));
    QCOMPARE(lib.find(a)->kit.colors, lib.find(QStringLiteral("northwind"))->kit.colors);
    QVERIFY(!lib.find(a)->builtin);
}

void TestBrandKits::renameKeepsId()
{
    QTemporaryDir dir;
    const QString folder = dir.filePath(QStringLiteral("brands"));
    BrandKitLibrary lib(folder);
    const QString id = lib.create(QStringLiteral("Old name"));
    QString error;
    QVERIFY2(lib.rename(id, QStringLiteral("New name"), &error), qPrintable(error));
    QCOMPARE(lib.find(id)->kit.name, QStringLiteral("New name"));
    BrandKitLibrary again(folder);
    QCOMPARE(again.find(id)->kit.name, QStringLiteral("New name"));
    QVERIFY(!lib.rename(QStringLiteral("missing"), QStringLiteral("x"), &error));
    QVERIFY(!lib.rename(id, QString(), &error));
}

void TestBrandKits::deleteRemovesFile()
{
    QTemporaryDir dir;
    const QString folder = dir.filePath(QStringLiteral("brands"));
    BrandKitLibrary lib(folder);
    const QString id = lib.create(QStringLiteral("Short lived"));
    const QString file = lib.find(id)->fileName;
    QVERIFY(QFileInfo::exists(file));
    QString error;
    QVERIFY2(lib.remove(id, &error), qPrintable(error));
    QVERIFY(!QFileInfo::exists(file));
    QVERIFY(!lib.find(id));
    QVERIFY(!lib.remove(id, &error));
}

void TestBrandKits::logoImport_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<QString>("fileName");
    QTest::addColumn<QString>("extension"); // empty: refused
    QTest::newRow("png is stored as .png") << pngBytes(qRgb(10, 20, 30)) << QStringLiteral("mark.png")
                                           << QStringLiteral("png");
    QTest::newRow("svg is sniffed from content, whatever the name")
        << QByteArray("<?xml version=\"1.0\"?>\n<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"10\" "
                      "height=\"10\"><rect width=\"10\" height=\"10\" fill=\"#123456\"/></svg>\n")
        << QStringLiteral("mark.bin") << QStringLiteral("svg");
    QTest::newRow("jpeg signature is stored as .jpg")
        << QByteArray("\xFF\xD8\xFF\xE0\x00\x10JFIF\x00\x01\x01\x00\x00\x01\x00\x01\x00\x00", 20)
        << QStringLiteral("photo.jpeg") << QStringLiteral("jpg");
    QTest::newRow("text file named .png is refused") << QByteArray("just some text\n")
                                                     << QStringLiteral("fake.png") << QString();
}

void TestBrandKits::logoImport()
{
    QFETCH(QByteArray, bytes);
    QFETCH(QString, fileName);
    QFETCH(QString, extension);
    QTemporaryDir dir;
    BrandKitLibrary lib(dir.filePath(QStringLiteral("brands")));
    const QString kitId = lib.create(QStringLiteral("Logo kit"));
    const QString path = writeFile(dir, fileName, bytes);
    QString error;
    const QString logoId = lib.importLogo(kitId, path, QStringLiteral("light"), &error);
    if (extension.isEmpty()) {
        QVERIFY(logoId.isEmpty());
        QVERIFY2(error.contains(QLatin1String("not a PNG, JPEG or SVG")), qPrintable(error));
        QVERIFY(lib.find(kitId)->kit.logos.isEmpty());
        QVERIFY(QDir(lib.assetsPath()).entryList(QDir::Files).isEmpty());
        return;
    }
    QVERIFY2(!logoId.isEmpty(), qPrintable(error));
    const BrandKit &kit = lib.find(kitId)->kit;
    QCOMPARE(kit.logos.size(), 1);
    QCOMPARE(kit.logos[0].id, logoId);
    QCOMPARE(kit.logos[0].variant, QStringLiteral("light"));
    QVERIFY(kit.logos[0].src.startsWith(QLatin1String("asset:")));
    const QStringList stored = QDir(lib.assetsPath()).entryList(QDir::Files);
    QCOMPARE(stored.size(), 1);
    QVERIFY(stored[0].endsWith(u'.' + extension));
    QCOMPARE(lib.logoBytes(kit.logos[0]), bytes);
    // The kit file on disk references it too.
    BrandKitLibrary again(lib.userFolder());
    QCOMPARE(again.find(kitId)->kit.logos, kit.logos);
}

void TestBrandKits::logoDedupByHash()
{
    QTemporaryDir dir;
    BrandKitLibrary lib(dir.filePath(QStringLiteral("brands")));
    const QString a = lib.create(QStringLiteral("A"));
    const QString b = lib.create(QStringLiteral("B"));
    const QByteArray png = pngBytes(qRgb(200, 100, 0));
    const QString p1 = writeFile(dir, QStringLiteral("one.png"), png);
    const QString p2 = writeFile(dir, QStringLiteral("two.png"), png);
    const QString la = lib.importLogo(a, p1);
    const QString lb = lib.importLogo(b, p2);
    QVERIFY(!la.isEmpty() && !lb.isEmpty());
    QCOMPARE(QDir(lib.assetsPath()).entryList(QDir::Files).size(), 1);
    QCOMPARE(lib.find(a)->kit.logos[0].src, lib.find(b)->kit.logos[0].src);
    // The same image again in the same kit is the same logo.
    QCOMPARE(lib.importLogo(a, p2), la);
    QCOMPARE(lib.find(a)->kit.logos.size(), 1);
    // A different image is a second logo and a second file.
    const QString p3 = writeFile(dir, QStringLiteral("three.png"), pngBytes(qRgb(0, 0, 0)));
    const QString second = lib.importLogo(a, p3);
    QVERIFY(!second.isEmpty() && second != la);
    QCOMPARE(lib.find(a)->kit.logos.size(), 2);
    QCOMPARE(QDir(lib.assetsPath()).entryList(QDir::Files).size(), 2);
}

void TestBrandKits::contrastMatrix_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("background");
    QTest::addColumn<bool>("aaa");
    QTest::addColumn<double>("ratio");
    QTest::addColumn<bool>("passes");
    QTest::newRow("black on white is 21:1") << "#000000" << "#ffffff" << false << 21.0 << true;
    QTest::newRow("same colour is 1:1 and fails") << "#336699" << "#336699" << false << 1.0 << false;
    QTest::newRow("#767676 on white just passes AA (4.54)") << "#767676" << "#ffffff" << false << 4.54 << true;
    QTest::newRow("#777777 on white just fails AA (4.48)") << "#777777" << "#ffffff" << false << 4.48 << false;
    QTest::newRow("#767676 on white fails AAA (needs 7)") << "#767676" << "#ffffff" << true << 4.54 << false;
    QTest::newRow("white on #1d4ed8 passes AA (6.70)") << "#ffffff" << "#1d4ed8" << false << 6.70 << true;
}

void TestBrandKits::contrastMatrix()
{
    QFETCH(QString, text);
    QFETCH(QString, background);
    QFETCH(bool, aaa);
    QFETCH(double, ratio);
    QFETCH(bool, passes);
    BrandKit kit;
    kit.colors[QStringLiteral("text")] = QColor(text);
    kit.colors[QStringLiteral("background")] = QColor(background);
    kit.guidance.contrast = aaa ? ContrastLevel::AAA : ContrastLevel::AA;
    const QVector<ContrastCell> cells = BrandKitLibrary::contrastMatrix(kit);
    QCOMPARE(cells.size(), 1);
    QCOMPARE(cells[0].text, QStringLiteral("text"));
    QCOMPARE(cells[0].background, QStringLiteral("background"));
    QVERIFY2(qAbs(cells[0].ratio - ratio) < 0.01, qPrintable(QString::number(cells[0].ratio)));
    QCOMPARE(cells[0].passes, passes);
    QCOMPARE(cells[0].required, aaa ? 7.0 : 4.5);
    QVERIFY(cells[0].intended);
}

void TestBrandKits::contrastMatrixPairs()
{
    QTemporaryDir dir;
    BrandKitLibrary lib(dir.filePath(QStringLiteral("brands")));
    const BrandKit &kit = lib.find(QStringLiteral("midnight"))->kit;
    const QVector<ContrastCell> cells = BrandKitLibrary::contrastMatrix(kit);
    auto cell = [&](const char *t, const char *b) -> const ContrastCell * {
        for (const ContrastCell &c : cells) {
            if (c.text == QLatin1String(t) && c.background == QLatin1String(b))
                return &c;
        }
        return nullptr;
    };
    QVERIFY(cell("text", "background") && cell("text", "background")->intended);
    QVERIFY(cell("onPrimary", "primary") && cell("onPrimary", "primary")->intended);
    QVERIFY(cell("onPrimary", "background") && !cell("onPrimary", "background")->intended);
    QVERIFY(cell("textMuted", "surface"));
    QVERIFY(!cell("border", "background"));   // border is neither text nor background
    QVERIFY(!cell("text", "border"));
    for (const ContrastCell &c : cells)
        QCOMPARE(c.required, 7.0); // midnight asks for AAA
}

void TestBrandKits::checkReportsFontsAndLogos()
{
    QTemporaryDir dir;
    BrandKitLibrary lib(dir.filePath(QStringLiteral("brands")));
    FontResolver fonts;
    const BrandKitReport clean = lib.check(lib.find(QStringLiteral("northwind"))->kit, fonts);
    QVERIFY(clean.missingFonts.isEmpty());
    QVERIFY(clean.missingLogos.isEmpty());
    QVERIFY(clean.failures().isEmpty());

    BrandKit kit = lib.find(QStringLiteral("northwind"))->kit;
    kit.fonts[QStringLiteral("heading")].family = QStringLiteral("No Such Family Slidespec");
    kit.logos.append(Logo{QStringLiteral("gone"), {}, QStringLiteral("asset:deadbeef"), {}, {}});
    kit.colors[QStringLiteral("textMuted")] = QColor(QStringLiteral("#eeeeee"));
    const BrandKitReport bad = lib.check(kit, fonts);
    QCOMPARE(bad.missingFonts, QStringList{QStringLiteral("No Such Family Slidespec")});
    QCOMPARE(bad.missingLogos, QStringList{QStringLiteral("gone")});
    bool mutedFails = false;
    for (const ContrastCell &c : bad.failures())
        mutedFails |= c.text == QLatin1String("textMuted");
    QVERIFY(mutedFails);
}

void TestBrandKits::bundledKitsPassTheirOwnLevel_data()
{
    QTest::addColumn<QString>("kitId");
    QTest::newRow("northwind (AA)") << QStringLiteral("northwind");
    QTest::newRow("midnight (AAA)") << QStringLiteral("midnight");
    QTest::newRow("evergreen") << QStringLiteral("evergreen");
}

void TestBrandKits::bundledKitsPassTheirOwnLevel()
{
    QFETCH(QString, kitId);
    BrandKitLibrary lib(QString{});
    FontResolver fonts;
    const BrandKitReport report = lib.check(lib.find(kitId)->kit, fonts);
    QStringList failing;
    for (const ContrastCell &c : report.failures())
        failing.append(QStringLiteral("%1 on %2: %3").arg(c.text, c.background).arg(c.ratio, 0, 'f', 2));
    QVERIFY2(failing.isEmpty(), qPrintable(failing.join(u'\n')));
    QVERIFY(!report.contrast.isEmpty());
    QVERIFY2(report.missingFonts.isEmpty(), qPrintable(report.missingFonts.join(u',')));
    QVERIFY(report.missingLogos.isEmpty());
}

void TestBrandKits::newDeckValidates_data()
{
    QTest::addColumn<QString>("kitId");
    QTest::addColumn<bool>("userKitWithLogo");
    QTest::newRow("bundled northwind") << QStringLiteral("northwind") << false;
    QTest::newRow("bundled midnight") << QStringLiteral("midnight") << false;
    QTest::newRow("bundled evergreen") << QStringLiteral("evergreen") << false;
    QTest::newRow("user starter kit with an imported logo") << QString() << true;
}

void TestBrandKits::newDeckValidates()
{
    QFETCH(QString, kitId);
    QFETCH(bool, userKitWithLogo);
    QTemporaryDir dir;
    BrandKitLibrary lib(dir.filePath(QStringLiteral("brands")));
    if (userKitWithLogo) {
        kitId = lib.create(QStringLiteral("Mine"));
        const QString png = writeFile(dir, QStringLiteral("logo.png"), pngBytes(qRgb(1, 2, 3)));
        QVERIFY(!lib.importLogo(kitId, png).isEmpty());
    }
    QString error;
    const std::optional<Deck> deck = lib.newDeck(kitId, QStringLiteral("Quarterly review"), &error);
    QVERIFY2(deck, qPrintable(error));
    QCOMPARE(deck->title, QStringLiteral("Quarterly review"));
    QCOMPARE(deck->brand, lib.find(kitId)->kit);
    QVERIFY(deck->brandRef.isEmpty());
    QCOMPARE(deck->slides.size(), 1);
    QCOMPARE(deck->slides[0].layout, QStringLiteral("title"));

    // It survives a save/load round trip and validates without errors.
    const SpecResult<Deck> reread = SpecJson::readDeck(SpecJson::writeDeck(*deck));
    QVERIFY2(reread.ok(), qPrintable(reread.errorString()));
    FontResolver fonts;
    TextLayoutEngine text(&fonts);
    AssetStore assets;
    Validator validator(ComponentLibrary::builtin(), text, assets);
    const QVector<Issue> issues = validator.validateDeck(*reread.value);
    QStringList errors;
    for (const Issue &i : issues) {
        if (i.severity == Severity::Error)
            errors.append(i.ruleId + QStringLiteral(": ") + i.message);
    }
    QVERIFY2(errors.isEmpty(), qPrintable(errors.join(u'\n')));
    if (userKitWithLogo) {
        const Logo &logo = deck->brand.logos.at(0);
        const auto it = deck->assets.find(logo.src.mid(6));
        QVERIFY(it != deck->assets.end());
        QVERIFY(it->second.data.startsWith(QLatin1String("data:image/png;base64,")));
        QVERIFY(assets.load(*deck, logo.src).ok());
    }
    QVERIFY(!lib.newDeck(QStringLiteral("missing"), {}, &error));
    QVERIFY(error.contains(QLatin1String("missing")));
}

void TestBrandKits::corruptKitFile_data()
{
    QTest::addColumn<QByteArray>("content");
    QTest::newRow("not JSON at all") << QByteArray("{ this is not json");
    QTest::newRow("wrong type for colors") << QByteArray(
        "{\"format\":\"slidespec-brand\",\"version\":1,\"id\":\"bad\",\"name\":\"Bad\",\"colors\":5}");
    QTest::newRow("empty file") << QByteArray();
    QTest::newRow("id of a bundled kit") << QByteArray(
        "{\"format\":\"slidespec-brand\",\"version\":1,\"id\":\"northwind\",\"name\":\"Fake\"}");
}

void TestBrandKits::corruptKitFile()
{
    QFETCH(QByteArray, content);
    QTemporaryDir dir;
    const QString folder = dir.filePath(QStringLiteral("brands"));
    {
        BrandKitLibrary lib(folder);
        QVERIFY(!lib.create(QStringLiteral("Good one")).isEmpty());
    }
    QFile f(QDir(folder).filePath(QStringLiteral("broken.json")));
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(content);
    f.close();
    BrandKitLibrary lib(folder);
    QVERIFY(!lib.reload());
    QCOMPARE(lib.loadErrors().size(), 1);
    QVERIFY2(lib.loadErrors()[0].contains(QLatin1String("broken.json")), qPrintable(lib.loadErrors()[0]));
    QVERIFY(lib.find(QStringLiteral("good-one")));
    QVERIFY(lib.find(QStringLiteral("northwind"))->builtin);
}

void TestBrandKits::listModel()
{
    QTemporaryDir dir;
    BrandKitLibrary lib(dir.filePath(QStringLiteral("brands")));
    BrandKitListModel model(&lib);
    QCOMPARE(model.rowCount(), int(lib.kits().size()));
    const QHash<int, QByteArray> roles = model.roleNames();
    QCOMPARE(roles.value(BrandKitListModel::IdRole), QByteArray("id"));
    QCOMPARE(roles.value(BrandKitListModel::HeadingFamilyRole), QByteArray("headingFamily"));
    QCOMPARE(int(BrandKitListModel::IdRole), Qt::UserRole + 1);
    const int row = model.indexOf(QStringLiteral("northwind"));
    QVERIFY(row >= 0);
    const QModelIndex idx = model.index(row);
    const BrandKit &kit = lib.find(QStringLiteral("northwind"))->kit;
    QCOMPARE(model.data(idx, BrandKitListModel::NameRole).toString(), kit.name);
    QCOMPARE(model.data(idx, BrandKitListModel::BuiltinRole).toBool(), true);
    QCOMPARE(model.data(idx, BrandKitListModel::PrimaryColorRole).value<QColor>(), *kit.color(QStringLiteral("primary")));
    QCOMPARE(model.data(idx, BrandKitListModel::HeadingFamilyRole).toString(), kit.font(QStringLiteral("heading"))->family);

    const QString id = lib.create(QStringLiteral("Zeta"));
    model.refresh();
    QCOMPARE(model.rowCount(), int(lib.kits().size()));
    QCOMPARE(model.data(model.index(model.indexOf(id)), BrandKitListModel::BuiltinRole).toBool(), false);
}

QTEST_MAIN(TestBrandKits)
#include "tst_brandkits.moc"
