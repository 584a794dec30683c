// SPDX-License-Identifier: GPL-3.0-or-later
// The bundled resources: samples, templates, brand kits, schemas and the
// format documentation, from the source tree and from Qt resources.
#include "components/componentlibrary.h"
#include "format/specjson.h"
#include "model/assetstore.h"
#include "text/fontresolver.h"
#include "text/textlayout.h"

#include <nlohmann/json.hpp>

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>
#include <QSet>
#include <QtTest>

#include <cmath>
#include <functional>

using namespace slidespec;
using nlohmann::json;

namespace {

const QString kSourceDir = QStringLiteral(SLIDESPEC_RESOURCES_DIR);
const QString kQrcDir = QStringLiteral(":/slidespec");

QByteArray readAll(const QString &fileName)
{
    QFile f(fileName);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return f.readAll();
}

json parseFile(const QString &fileName)
{
    const QByteArray data = readAll(fileName);
    try {
        return json::parse(data.constBegin(), data.constEnd());
    } catch (const std::exception &) {
        return json();
    }
}

/*! Adds one row per file of \a subdir, from the source tree and from Qt resources. */
void addFileRows(const QString &subdir)
{
    QTest::addColumn<QString>("fileName");
    const QStringList names = QDir(kSourceDir + u'/' + subdir).entryList({QStringLiteral("*.json")}, QDir::Files, QDir::Name);
    QVERIFY2(!names.isEmpty(), qPrintable(subdir));
    for (const QString &name : names) {
        QTest::newRow(qPrintable(QStringLiteral("source %1").arg(name))) << kSourceDir + u'/' + subdir + u'/' + name;
        QTest::newRow(qPrintable(QStringLiteral("qrc %1").arg(name))) << kQrcDir + u'/' + subdir + u'/' + name;
    }
}

double relativeLuminance(const QColor &c)
{
    auto channel = [](double v) { return v <= 0.03928 ? v / 12.92 : std::pow((v + 0.055) / 1.055, 2.4); };
    return 0.2126 * channel(c.redF()) + 0.7152 * channel(c.greenF()) + 0.0722 * channel(c.blueF());
}

double contrast(const QColor &a, const QColor &b)
{
    const double la = relativeLuminance(a);
    const double lb = relativeLuminance(b);
    return (std::max(la, lb) + 0.05) / (std::min(la, lb) + 0.05);
}

/*! Leaf primitives of \a elements: groups opened, components expanded. */
QVector<Element> primitives(const QVector<Element> &elements)
{
    QVector<Element> out;
    for (const Element &e : elements) {
        if (e.kind == ElementKind::Group)
            out += primitives(e.children);
        else if (e.kind == ElementKind::Component)
            out += ComponentLibrary::builtin().expand(e);
        else
            out.append(e);
    }
    return out;
}

/*! Overflowing text boxes of \a slide under \a kit, as "id (needs H of h)". */
QStringList overflowingText(const Slide &slide, const BrandKit &kit)
{
    static const FontResolver fonts;
    static const TextLayoutEngine engine(&fonts);
    QStringList problems;
    for (const Element &e : primitives(slide.elements)) {
        if (!e.text || e.text->isEmpty())
            continue;
        const auto layout = engine.layout(*e.text, kit, e.frame.rect().size());
        if (layout->overflows())
            problems.append(QStringLiteral("%1/%2 (needs %3 × %4 pt, has %5 × %6)")
                                .arg(slide.id, e.id).arg(layout->requiredWidth()).arg(layout->requiredHeight())
                                .arg(e.frame.w).arg(e.frame.h));
    }
    return problems;
}

/*! Property names of every "properties" object in a schema. */
void collectSchemaNames(const json &j, QSet<QString> &names)
{
    if (j.is_object()) {
        for (auto it = j.begin(); it != j.end(); ++it) {
            if (it.key() == "properties" && it.value().is_object()) {
                for (auto p = it.value().begin(); p != it.value().end(); ++p)
                    names.insert(QString::fromStdString(p.key()));
            }
            collectSchemaNames(it.value(), names);
        }
    } else if (j.is_array()) {
        for (const json &item : j)
            collectSchemaNames(item, names);
    }
}

/*! Names in the first column of the field tables ("| Field | Type | …") of the format doc. */
QSet<QString> documentedFields(const QString &markdown)
{
    QSet<QString> names;
    bool inFieldTable = false;
    static const QRegularExpression row(QStringLiteral("^\\|\\s*`([A-Za-z]+)`\\s*\\|"));
    for (const QString &line : markdown.split(u'\n')) {
        if (line.startsWith(QLatin1String("| Field |"))) {
            inFieldTable = true;
            continue;
        }
        if (!line.startsWith(u'|')) {
            inFieldTable = false;
            continue;
        }
        if (!inFieldTable)
            continue;
        const QRegularExpressionMatch m = row.match(line);
        if (m.hasMatch())
            names.insert(m.captured(1));
    }
    return names;
}

/*! A deck that sets every member the writer can write. */
Deck maximalDeck()
{
    Deck deck;
    deck.id = QStringLiteral("max");
    deck.title = QStringLiteral("Everything");
    deck.size = QSizeF(1280, 720);
    deck.brand.id = QStringLiteral("kit");
    deck.brand.name = QStringLiteral("Kit");
    deck.brand.colors[QStringLiteral("primary")] = QColor(0x11, 0x22, 0x33);
    deck.brand.fonts[QStringLiteral("body")] = FontRole{QStringLiteral("Inter"), {QStringLiteral("DejaVu Sans")}, {}};
    deck.brand.logos.append(Logo{QStringLiteral("logo"), QStringLiteral("Logo"), QStringLiteral("data:image/svg+xml,<svg/>"), QStringLiteral("light"), {}});
    BrandGuidance &g = deck.brand.guidance;
    g.minFontSize = 12;
    g.allowedColorsOnly = true;
    g.allowedFontsOnly = true;
    g.safeMargins = Insets{1, 2, 3, 4};
    g.contrast = ContrastLevel::AAA;
    g.rules = {QStringLiteral("Be nice")};
    deck.assets[QStringLiteral("a")] = Asset{QStringLiteral("a.png"), {}, QStringLiteral("image/png"), {}};
    deck.assets[QStringLiteral("b")] = Asset{{}, QStringLiteral("data:image/png;base64,AA=="), {}, {}};

    Slide s;
    s.id = QStringLiteral("s1");
    s.layout = QStringLiteral("title");
    s.background.color = ColorRef::fromToken(QStringLiteral("primary"));
    s.background.image = QStringLiteral("asset:a");
    s.notes = QStringLiteral("notes");
    s.hidden = true;

    TextStyle style;
    style.font = QStringLiteral("brand:body");
    style.size = 20;
    style.color = ColorRef::fromColor(QColor(1, 2, 3));
    style.bold = true;
    style.italic = true;
    style.underline = true;
    TextRun run{QStringLiteral("hi"), style, QStringLiteral("https://example.com"), {}};
    Paragraph para;
    para.runs = {run};
    para.align = HAlign::Center;
    para.list = ListKind::Number;
    para.level = 2;
    para.lineSpacing = 1.5;
    para.spaceBefore = 3;
    para.spaceAfter = 4;
    TextBody body;
    body.paragraphs = {para};
    body.style = style;
    body.insets = Insets{1, 1, 1, 1};
    body.anchor = VAnchor::Bottom;

    Element text;
    text.id = QStringLiteral("t");
    text.kind = ElementKind::Text;
    text.name = QStringLiteral("Text");
    text.role = QStringLiteral("title");
    text.frame = Frame{1, 2, 3, 4, 45};
    text.z = 3;
    text.locked = true;
    text.text = body;
    text.fill = ColorRef::fromToken(QStringLiteral("primary"));

    Element shape;
    shape.id = QStringLiteral("sh");
    shape.kind = ElementKind::Shape;
    shape.shape = ShapeKind::RoundedRectangle;
    shape.frame = Frame{0, 0, 10, 10, 0};
    shape.fill = ColorRef::fromToken(QStringLiteral("primary"));
    shape.stroke = Stroke{ColorRef::fromToken(QStringLiteral("primary")), 2, DashStyle::Dot, {}};
    shape.cornerRadius = 4;
    shape.flipV = true;
    shape.text = body;

    Element image;
    image.id = QStringLiteral("im");
    image.kind = ElementKind::Image;
    image.frame = Frame{0, 0, 10, 10, 0};
    image.src = QStringLiteral("asset:a");
    image.alt = QStringLiteral("alt");
    image.decorative = true;
    image.fit = ImageFit::Cover;

    Element comp;
    comp.id = QStringLiteral("c");
    comp.kind = ElementKind::Component;
    comp.frame = Frame{0, 0, 10, 10, 0};
    comp.component = QStringLiteral("card");
    comp.params[QStringLiteral("title")] = QStringLiteral("T");

    Element group;
    group.id = QStringLiteral("g");
    group.kind = ElementKind::Group;
    group.frame = Frame{0, 0, 10, 10, 0};
    group.children = {shape, image};

    s.elements = {text, group, comp};
    deck.slides = {s};
    return deck;
}

/*! Follows "$ref": "#/$defs/NAME" within \a root. */
const json &resolveRef(const json &root, const json &node)
{
    const auto ref = node.find("$ref");
    if (ref == node.end() || !ref->is_string())
        return node;
    const std::string r = ref->get<std::string>();
    const std::string prefix = "#/$defs/";
    if (r.rfind(prefix, 0) != 0)
        return node;
    return resolveRef(root, root["$defs"][r.substr(prefix.size())]);
}

/*! Members of \a value that the schema node does not describe. */
void undescribedMembers(const json &root, const json &value, const json &schemaNode, const QString &path, QStringList &missing)
{
    const json &schema = resolveRef(root, schemaNode);
    if (value.is_object()) {
        for (auto it = value.begin(); it != value.end(); ++it) {
            const QString p = path + u'.' + QString::fromStdString(it.key());
            const auto props = schema.find("properties");
            const auto additional = schema.find("additionalProperties");
            if (props != schema.end() && props->contains(it.key()))
                undescribedMembers(root, it.value(), (*props)[it.key()], p, missing);
            else if (additional != schema.end() && additional->is_object())
                undescribedMembers(root, it.value(), *additional, p, missing);
            else
                missing.append(p);
        }
    } else if (value.is_array()) {
        const auto items = schema.find("items");
        if (items == schema.end())
            return;
        for (size_t i = 0; i < value.size(); ++i)
            undescribedMembers(root, value[i], *items, path + u'[' + QString::number(i) + u']', missing);
    }
}

} // namespace

class TestResources : public QObject
{
    Q_OBJECT

private slots:
    void samplesLoad_data() { addFileRows(QStringLiteral("samples")); }
    void samplesLoad();
    void samplesAreCanonical_data() { addFileRows(QStringLiteral("samples")); }
    void samplesAreCanonical();
    void sampleTextFits_data() { addFileRows(QStringLiteral("samples")); }
    void sampleTextFits();
    void sampleSlidesHaveIdsTitlesNotes_data() { addFileRows(QStringLiteral("samples")); }
    void sampleSlidesHaveIdsTitlesNotes();
    void sampleAssetsResolve_data() { addFileRows(QStringLiteral("samples")); }
    void sampleAssetsResolve();
    void samplesUseKitComponentsAndGroups_data() { addFileRows(QStringLiteral("samples")); }
    void samplesUseKitComponentsAndGroups();

    void templatesLoad_data() { addFileRows(QStringLiteral("templates")); }
    void templatesLoad();

    void brandKitsLoad_data() { addFileRows(QStringLiteral("brands")); }
    void brandKitsLoad();

    void everyBundledFileIsSmall();
    void schemasParseAndAreBuiltIn();
    void schemaAndFormatDocAgree();
    void writerOutputIsInTheSchema();
};

void TestResources::samplesLoad()
{
    QFETCH(QString, fileName);
    const SpecResult<Deck> r = SpecJson::readDeckFile(fileName);
    QVERIFY2(r.ok(), qPrintable(r.errorString()));
    QVERIFY(r.warnings.isEmpty());
    QVERIFY(r.value->slides.size() >= 8);
}

void TestResources::samplesAreCanonical()
{
    QFETCH(QString, fileName);
    const SpecResult<Deck> r = SpecJson::readDeckFile(fileName);
    QVERIFY2(r.ok(), qPrintable(r.errorString()));
    const QByteArray original = readAll(fileName);
    const QByteArray written = SpecJson::writeDeck(*r.value);
    QCOMPARE(written, original);
}

void TestResources::sampleTextFits()
{
    QFETCH(QString, fileName);
    const SpecResult<Deck> r = SpecJson::readDeckFile(fileName);
    QVERIFY2(r.ok(), qPrintable(r.errorString()));
    QStringList problems;
    for (const Slide &s : r.value->slides)
        problems += overflowingText(s, r.value->brand);
    QVERIFY2(problems.isEmpty(), qPrintable(problems.join(QStringLiteral("; "))));
}

void TestResources::sampleSlidesHaveIdsTitlesNotes()
{
    QFETCH(QString, fileName);
    const SpecResult<Deck> r = SpecJson::readDeckFile(fileName);
    QVERIFY2(r.ok(), qPrintable(r.errorString()));
    QSet<QString> titles;
    for (const Slide &s : r.value->slides) {
        QVERIFY(!s.id.isEmpty());
        const QString title = s.title();
        QVERIFY2(!title.isEmpty(), qPrintable(s.id));
        QVERIFY2(!titles.contains(title), qPrintable(QStringLiteral("duplicate title \"%1\"").arg(title)));
        titles.insert(title);
        QVERIFY2(!s.notes.isEmpty(), qPrintable(s.id + QStringLiteral(" has no speaker notes")));
        for (const Element &e : primitives(s.elements)) {
            if (e.kind == ElementKind::Image)
                QVERIFY2(!e.alt.isEmpty() || e.decorative, qPrintable(e.id + QStringLiteral(" has no alt text")));
        }
    }
}

void TestResources::sampleAssetsResolve()
{
    QFETCH(QString, fileName);
    const SpecResult<Deck> r = SpecJson::readDeckFile(fileName);
    QVERIFY2(r.ok(), qPrintable(r.errorString()));
    const AssetStore store(QFileInfo(fileName).absolutePath());
    QVERIFY(!r.value->assets.empty());
    for (const auto &[id, asset] : r.value->assets) {
        const AssetData d = store.load(*r.value, QStringLiteral("asset:") + id);
        QVERIFY2(d.ok(), qPrintable(id + QStringLiteral(": ") + d.error));
        QVERIFY2(asset.mime.isEmpty() || asset.mime == d.mime, qPrintable(id));
    }
}

void TestResources::samplesUseKitComponentsAndGroups()
{
    QFETCH(QString, fileName);
    const SpecResult<Deck> r = SpecJson::readDeckFile(fileName);
    QVERIFY2(r.ok(), qPrintable(r.errorString()));
    QVERIFY(r.value->brandRef.startsWith(QLatin1String("../brands/")));
    int components = 0;
    int groups = 0;
    int images = 0;
    std::function<void(const QVector<Element> &)> count = [&](const QVector<Element> &elements) {
        for (const Element &e : elements) {
            components += e.kind == ElementKind::Component;
            groups += e.kind == ElementKind::Group;
            images += e.kind == ElementKind::Image || (e.kind == ElementKind::Component && e.component == QLatin1String("image-placeholder"));
            count(e.children);
            if (e.kind == ElementKind::Component) {
                QString error;
                ComponentLibrary::builtin().expand(e, &error);
                QVERIFY2(error.isEmpty(), qPrintable(error));
            }
        }
    };
    for (const Slide &s : r.value->slides)
        count(s.elements);
    QVERIFY(components >= 5);
    QVERIFY(groups >= 1);
    QVERIFY(images >= 1);
}

void TestResources::templatesLoad()
{
    QFETCH(QString, fileName);
    const json doc = parseFile(fileName);
    QVERIFY(doc.is_object());
    QCOMPARE(doc.value("format", std::string()), std::string("slidespec-template"));
    QCOMPARE(doc.value("version", 0), 1);
    const QString id = QString::fromStdString(doc.value("id", std::string()));
    QCOMPARE(id, QFileInfo(fileName).completeBaseName());
    QVERIFY(!doc.value("name", std::string()).empty());
    QVERIFY(!doc.value("description", std::string()).empty());
    QVERIFY(doc.contains("slide"));

    QVector<SpecError> errors;
    const std::optional<Slide> slide = SpecJson::slideFromJson(doc["slide"], QStringLiteral("$.slide"), fileName, errors);
    QVERIFY2(slide, errors.isEmpty() ? "" : qPrintable(errors.first().toString()));
    QCOMPARE(slide->layout, id);
    if (id != QLatin1String("blank"))
        QVERIFY2(!slide->title().isEmpty(), "every template but blank has a title text");

    // Canonical, like the samples: writing the slide back gives the file's bytes.
    json canonical = doc;
    canonical["slide"] = SpecJson::slideToJson(*slide);
    QFile file(fileName);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QCOMPARE(SpecJson::dump(canonical), file.readAll());

    // Brand tokens only: no literal colours, so every kit restyles it.
    const std::string dumped = doc["slide"].dump();
    QVERIFY2(dumped.find("\"#") == std::string::npos, "templates use brand tokens, not literal colours");

    // Text fits under every bundled kit.
    const QStringList kits = QDir(kSourceDir + QStringLiteral("/brands")).entryList({QStringLiteral("*.json")}, QDir::Files);
    for (const QString &kitName : kits) {
        const SpecResult<BrandKit> kit = SpecJson::readBrandKitFile(kSourceDir + QStringLiteral("/brands/") + kitName);
        QVERIFY2(kit.ok(), qPrintable(kit.errorString()));
        const QStringList problems = overflowingText(*slide, *kit.value);
        QVERIFY2(problems.isEmpty(), qPrintable(kitName + QStringLiteral(": ") + problems.join(QStringLiteral("; "))));
    }
}

void TestResources::brandKitsLoad()
{
    QFETCH(QString, fileName);
    const SpecResult<BrandKit> r = SpecJson::readBrandKitFile(fileName);
    QVERIFY2(r.ok(), qPrintable(r.errorString()));
    const BrandKit &kit = *r.value;
    QCOMPARE(kit.id, QFileInfo(fileName).completeBaseName());
    QVERIFY(!kit.name.isEmpty());
    QCOMPARE(SpecJson::writeBrandKit(kit), readAll(fileName));

    for (const char *token : {"background", "surface", "text", "textMuted", "primary", "onPrimary", "secondary",
                              "onSecondary", "accent", "onAccent", "border"})
        QVERIFY2(kit.color(QLatin1String(token)), token);
    const double minimum = kit.guidance.contrast == ContrastLevel::AAA ? 7.0 : 4.5;
    auto check = [&](const char *fg, const char *bg, double min) {
        const double ratio = contrast(*kit.color(QLatin1String(fg)), *kit.color(QLatin1String(bg)));
        QVERIFY2(ratio >= min, qPrintable(QStringLiteral("%1 on %2 is %3:1").arg(QLatin1String(fg), QLatin1String(bg)).arg(ratio)));
    };
    check("text", "background", minimum);
    check("text", "surface", minimum);
    check("textMuted", "background", 4.5);
    check("textMuted", "surface", 4.5);
    check("primary", "background", 4.5);
    check("primary", "surface", 4.5);
    check("accent", "surface", 4.5);
    check("secondary", "surface", 4.5);
    check("onPrimary", "primary", 4.5);
    check("onSecondary", "secondary", 4.5);
    check("onAccent", "accent", 4.5);

    const FontResolver fonts;
    for (const char *role : {"heading", "body"}) {
        const FontRole *f = kit.font(QLatin1String(role));
        QVERIFY2(f, role);
        QVERIFY2(fonts.isInstalled(f->family), qPrintable(f->family));
        QVERIFY(!f->fallbacks.isEmpty());
        QCOMPARE(f->fallbacks.last(), QStringLiteral("DejaVu Sans"));
    }
    QVERIFY(!kit.logos.isEmpty());
    for (const Logo &logo : kit.logos) {
        const AssetData d = AssetStore::decodeDataUri(logo.src);
        QVERIFY2(d.ok(), qPrintable(logo.id + QStringLiteral(": ") + d.error));
        QCOMPARE(d.mime, QStringLiteral("image/svg+xml"));
        QVERIFY(logo.variant == QLatin1String("light") || logo.variant == QLatin1String("dark"));
        // The data URI is the SVG source kept beside the kits.
        const QString svg = kSourceDir + QStringLiteral("/brands/logos/%1-%2.svg").arg(kit.id, logo.variant);
        QCOMPARE(d.bytes, readAll(svg));
    }
    QVERIFY(kit.guidance.safeMargins.has_value());
    QVERIFY(kit.guidance.minFontSize > 0);
}

void TestResources::everyBundledFileIsSmall()
{
    QDirIterator it(kSourceDir, QDir::Files, QDirIterator::Subdirectories);
    int files = 0;
    while (it.hasNext()) {
        const QFileInfo info(it.next());
        ++files;
        QVERIFY2(info.size() <= 50 * 1024, qPrintable(info.filePath()));
    }
    QVERIFY(files > 20);
}

void TestResources::schemasParseAndAreBuiltIn()
{
    for (const char *name : {"slidespec", "brand", "component", "template"}) {
        const QString file = QStringLiteral("/schema/%1.schema.json").arg(QLatin1String(name));
        const json source = parseFile(kSourceDir + file);
        QVERIFY2(source.is_object(), name);
        QCOMPARE(source.value("$schema", std::string()), std::string("https://json-schema.org/draft/2020-12/schema"));
        QCOMPARE(readAll(kQrcDir + file), readAll(kSourceDir + file));
    }
}

void TestResources::schemaAndFormatDocAgree()
{
    QSet<QString> schemaNames;
    for (const char *name : {"slidespec", "brand", "component", "template"})
        collectSchemaNames(parseFile(kSourceDir + QStringLiteral("/schema/%1.schema.json").arg(QLatin1String(name))), schemaNames);
    const QString doc = QString::fromUtf8(readAll(QStringLiteral(SLIDESPEC_RESOURCES_DIR "/../docs/format.md")));
    QVERIFY(!doc.isEmpty());
    const QSet<QString> documented = documentedFields(doc);
    QVERIFY(schemaNames.size() > 50);

    QStringList undocumented;
    for (const QString &n : schemaNames) {
        if (!documented.contains(n))
            undocumented.append(n);
    }
    undocumented.sort();
    QVERIFY2(undocumented.isEmpty(), qPrintable(QStringLiteral("in the schema, not in a field table of docs/format.md: ") + undocumented.join(u' ')));

    QStringList unknown;
    for (const QString &n : documented) {
        if (!schemaNames.contains(n))
            unknown.append(n);
    }
    unknown.sort();
    QVERIFY2(unknown.isEmpty(), qPrintable(QStringLiteral("in docs/format.md field tables, not in the schema: ") + unknown.join(u' ')));
}

void TestResources::writerOutputIsInTheSchema()
{
    const json schema = parseFile(kSourceDir + QStringLiteral("/schema/slidespec.schema.json"));
    QVERIFY(schema.is_object());
    const QByteArray written = SpecJson::writeDeck(maximalDeck());
    const json deck = json::parse(written.constBegin(), written.constEnd());
    // The maximal deck really is maximal: spot-check members that are only
    // written when they differ from their defaults.
    for (const char *needle : {"\"rotation\"", "\"lineSpacing\"", "\"flipV\"", "\"decorative\"", "\"contrast\"", "\"hidden\"", "\"dash\""})
        QVERIFY2(written.contains(needle), needle);
    QStringList missing;
    undescribedMembers(schema, deck, schema, QStringLiteral("$"), missing);
    QVERIFY2(missing.isEmpty(), qPrintable(missing.join(u' ')));

    // A brandRef deck too.
    Deck byRef = maximalDeck();
    byRef.brandRef = QStringLiteral("kit.json");
    const QByteArray writtenRef = SpecJson::writeDeck(byRef);
    undescribedMembers(schema, json::parse(writtenRef.constBegin(), writtenRef.constEnd()), schema, QStringLiteral("$"), missing);
    QVERIFY2(missing.isEmpty(), qPrintable(missing.join(u' ')));
}

QTEST_MAIN(TestResources)

#include "tst_resources.moc"
