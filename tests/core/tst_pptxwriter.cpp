// SPDX-License-Identifier: GPL-3.0-or-later
// Tests of the PPTX writer: package structure, DrawingML content, brand
// theme, text, images, notes, determinism and atomic writing. The written
// package is unzipped with libzip and every XML part parsed.

#include "components/componentlibrary.h"
#include "format/specjson.h"
#include "model/assetstore.h"
#include "pptx/pptxwriter.h"
#include "text/fontresolver.h"
#include "text/textlayout.h"

#include <QBuffer>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QGuiApplication>
#include <QImage>
#include <QTemporaryDir>
#include <QTest>
#include <QRegularExpression>
#include <QXmlStreamReader>

#include <zip.h>

#include <limits>
#include <map>
#include <set>

using namespace slidespec;

namespace {

// Package reading ------------------------------------------------------------------

struct Package
{
    QStringList order;                  //!< entry names in zip order
    std::map<QString, QByteArray> parts;
    QString error;

    bool has(const QString &name) const { return parts.count(name) > 0; }
    QByteArray part(const QString &name) const
    {
        const auto it = parts.find(name);
        return it == parts.end() ? QByteArray() : it->second;
    }
};

Package unzip(const QByteArray &bytes)
{
    Package pkg;
    zip_error_t zerr;
    zip_error_init(&zerr);
    zip_source_t *src = zip_source_buffer_create(bytes.constData(), zip_uint64_t(bytes.size()), 0, &zerr);
    zip_t *za = src ? zip_open_from_source(src, ZIP_RDONLY | ZIP_CHECKCONS, &zerr) : nullptr;
    if (!za) {
        pkg.error = QString::fromUtf8(zip_error_strerror(&zerr));
        if (src)
            zip_source_free(src);
        zip_error_fini(&zerr);
        return pkg;
    }
    zip_error_fini(&zerr);
    const zip_int64_t n = zip_get_num_entries(za, 0);
    for (zip_int64_t i = 0; i < n; ++i) {
        zip_stat_t st;
        zip_stat_init(&st);
        if (zip_stat_index(za, zip_uint64_t(i), 0, &st) < 0) {
            pkg.error = QStringLiteral("cannot stat entry %1").arg(i);
            break;
        }
        zip_file_t *f = zip_fopen_index(za, zip_uint64_t(i), 0);
        QByteArray data(qsizetype(st.size), Qt::Uninitialized);
        const zip_int64_t got = f ? zip_fread(f, data.data(), st.size) : -1;
        if (f)
            zip_fclose(f);
        if (got != zip_int64_t(st.size)) {
            pkg.error = QStringLiteral("cannot read %1").arg(QString::fromUtf8(st.name));
            break;
        }
        const QString name = QString::fromUtf8(st.name);
        pkg.order.append(name);
        pkg.parts[name] = data;
    }
    zip_close(za);
    return pkg;
}

// A tiny element tree built with QXmlStreamReader ------------------------------------

struct Node
{
    QString name; //!< qualified, e.g. "p:sp"
    QString ns;   //!< namespace URI
    std::map<QString, QString> attrs;
    QString text;
    std::vector<Node> children;

    QString attr(const QString &n) const
    {
        const auto it = attrs.find(n);
        return it == attrs.end() ? QString() : it->second;
    }
    bool hasAttr(const QString &n) const { return attrs.count(n) > 0; }
    const Node *child(const QString &n) const
    {
        for (const Node &c : children) {
            if (c.name == n)
                return &c;
        }
        return nullptr;
    }
    void findAll(const QString &n, QVector<const Node *> &out) const
    {
        for (const Node &c : children) {
            if (c.name == n)
                out.append(&c);
            c.findAll(n, out);
        }
    }
    QVector<const Node *> all(const QString &n) const
    {
        QVector<const Node *> out;
        findAll(n, out);
        return out;
    }
    const Node *first(const QString &n) const
    {
        for (const Node &c : children) {
            if (c.name == n)
                return &c;
            if (const Node *d = c.first(n))
                return d;
        }
        return nullptr;
    }
    /*! The concatenated a:t text below this node. */
    QString allText() const
    {
        QString s;
        for (const Node *t : all(QStringLiteral("a:t")))
            s += t->text;
        return s;
    }
};

bool parseXml(const QByteArray &data, Node *root, QString *error)
{
    QXmlStreamReader r(data);
    std::vector<Node *> stack{root};
    while (!r.atEnd()) {
        r.readNext();
        if (r.isStartElement()) {
            Node n;
            n.name = r.qualifiedName().toString();
            n.ns = r.namespaceUri().toString();
            for (const QXmlStreamAttribute &a : r.attributes())
                n.attrs[a.qualifiedName().toString()] = a.value().toString();
            stack.back()->children.push_back(std::move(n));
            stack.push_back(&stack.back()->children.back());
        } else if (r.isEndElement()) {
            stack.pop_back();
        } else if (r.isCharacters()) {
            stack.back()->text += r.text();
        }
    }
    if (r.hasError()) {
        *error = QStringLiteral("line %1, column %2: %3").arg(r.lineNumber()).arg(r.columnNumber()).arg(r.errorString());
        return false;
    }
    return true;
}

Node xml(const Package &pkg, const QString &part)
{
    Node root;
    QString error;
    if (!parseXml(pkg.part(part), &root, &error))
        qWarning("%s: %s", qPrintable(part), qPrintable(error));
    return root.children.empty() ? Node() : root.children.front();
}

// Writer fixture -------------------------------------------------------------------------

const FontResolver &fonts()
{
    static const FontResolver resolver;
    return resolver;
}

const TextLayoutEngine &engine()
{
    static const TextLayoutEngine layout(&fonts());
    return layout;
}

QByteArray writeDeck(const Deck &deck, const QString &baseDir = {}, QStringList *warnings = nullptr,
                     QString *errorOut = nullptr)
{
    AssetStore assets(baseDir);
    PptxWriter writer(ComponentLibrary::builtin(), engine(), assets);
    QString error;
    const QByteArray bytes = writer.write(deck, &error, {}, warnings);
    if (errorOut)
        *errorOut = error;
    else if (bytes.isEmpty())
        qWarning("write failed: %s", qPrintable(error));
    return bytes;
}

// Deck building --------------------------------------------------------------------------

BrandKit testKit()
{
    BrandKit kit;
    kit.id = QStringLiteral("test");
    kit.name = QStringLiteral("Test Kit");
    kit.colors[QStringLiteral("text")] = QColor(0x11, 0x22, 0x33);
    kit.colors[QStringLiteral("background")] = QColor(0xFA, 0xFB, 0xFC);
    kit.colors[QStringLiteral("primary")] = QColor(0x12, 0x34, 0x56);
    kit.colors[QStringLiteral("secondary")] = QColor(0x65, 0x43, 0x21);
    kit.colors[QStringLiteral("accent")] = QColor(0xAB, 0xCD, 0xEF);
    kit.fonts[QStringLiteral("heading")] = FontRole{QStringLiteral("No Such Font Family"), {QStringLiteral("Lato")}, {}};
    kit.fonts[QStringLiteral("body")] = FontRole{QStringLiteral("Roboto"), {}, {}};
    return kit;
}

TextRun run(const QString &text, TextStyle style = {}, const QString &link = {})
{
    TextRun r;
    r.text = text;
    r.style = style;
    r.link = link;
    return r;
}

Paragraph para(QVector<TextRun> runs, HAlign align = HAlign::Left, ListKind list = ListKind::None, int level = 0)
{
    Paragraph p;
    p.runs = std::move(runs);
    p.align = align;
    p.list = list;
    p.level = level;
    return p;
}

Element textElement(const QString &id, Frame frame, QVector<Paragraph> paragraphs, TextStyle style = {})
{
    Element e;
    e.id = id;
    e.kind = ElementKind::Text;
    e.frame = frame;
    TextBody body;
    body.paragraphs = std::move(paragraphs);
    body.style = style;
    e.text = body;
    return e;
}

Element shapeElement(const QString &id, ShapeKind shape, Frame frame, std::optional<ColorRef> fill = {})
{
    Element e;
    e.id = id;
    e.kind = ElementKind::Shape;
    e.shape = shape;
    e.frame = frame;
    e.fill = fill;
    return e;
}

QString pngDataUri(int w, int h, QColor color = Qt::red)
{
    QImage image(w, h, QImage::Format_RGB32);
    image.fill(color);
    QByteArray png;
    QBuffer buffer(&png);
    buffer.open(QIODevice::WriteOnly);
    image.save(&buffer, "PNG");
    return QStringLiteral("data:image/png;base64,") + QString::fromLatin1(png.toBase64());
}

QString svgDataUri()
{
    const QByteArray svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"200\" height=\"100\" viewBox=\"0 0 200 100\">"
                           "<rect width=\"200\" height=\"100\" fill=\"#336699\"/></svg>";
    return QStringLiteral("data:image/svg+xml;base64,") + QString::fromLatin1(svg.toBase64());
}

Element imageElement(const QString &id, const QString &src, Frame frame, ImageFit fit = ImageFit::Contain)
{
    Element e;
    e.id = id;
    e.kind = ElementKind::Image;
    e.src = src;
    e.frame = frame;
    e.fit = fit;
    return e;
}

/*! A deck with every kind of element, notes, a hidden slide and links. */
Deck richDeck()
{
    Deck deck;
    deck.id = QStringLiteral("rich");
    deck.title = QStringLiteral("Rich deck");
    deck.brand = testKit();

    Slide s1;
    s1.id = QStringLiteral("s1");
    s1.layout = QStringLiteral("title");
    s1.notes = QStringLiteral("First line of notes\nSecond line");
    TextStyle heading;
    heading.font = QStringLiteral("brand:heading");
    heading.size = 40;
    heading.color = ColorRef::fromToken(QStringLiteral("primary"));
    s1.elements.append(textElement(QStringLiteral("title"), {60, 60, 800, 100},
                                   {para({run(QStringLiteral("Hello & <world>"))}, HAlign::Center)}, heading));
    s1.elements.back().role = QStringLiteral("title");
    TextStyle bold;
    bold.bold = true;
    TextStyle italicUnderline;
    italicUnderline.italic = true;
    italicUnderline.underline = true;
    italicUnderline.color = ColorRef::fromColor(QColor(0xFF, 0x00, 0x00, 0x80));
    s1.elements.append(textElement(
        QStringLiteral("body"), {60, 200, 800, 300},
        {para({run(QStringLiteral("Bold"), bold), run(QStringLiteral(" and italic"), italicUnderline)}, HAlign::Right),
         para({run(QStringLiteral("Bullet one"))}, HAlign::Left, ListKind::Bullet),
         para({run(QStringLiteral("Bullet two"))}, HAlign::Left, ListKind::Bullet, 1),
         para({run(QStringLiteral("Number one"))}, HAlign::Justify, ListKind::Number),
         para({run(QStringLiteral("Visit "), {}), run(QStringLiteral("the site"), {}, QStringLiteral("https://example.com/a?b=1&c=2"))}),
         para({run(QStringLiteral("Jump"), {}, QStringLiteral("#s2"))})}));

    Slide s2;
    s2.id = QStringLiteral("s2");
    s2.layout = QStringLiteral("titleBody");
    s2.hidden = true;
    s2.background.color = ColorRef::fromToken(QStringLiteral("secondary"));
    Element rect = shapeElement(QStringLiteral("rect"), ShapeKind::RoundedRectangle, {10, 10, 200, 100, 45},
                                ColorRef::fromToken(QStringLiteral("accent")));
    rect.cornerRadius = 25;
    rect.stroke = Stroke{ColorRef::fromToken(QStringLiteral("primary")), 2.5, DashStyle::Dash, {}};
    s2.elements.append(rect);
    s2.elements.append(shapeElement(QStringLiteral("oval"), ShapeKind::Ellipse, {300, 10, 100, 100}));
    Element line = shapeElement(QStringLiteral("line"), ShapeKind::Line, {10, 300, 400, 50});
    line.flipV = true;
    line.stroke = Stroke{ColorRef::fromToken(QStringLiteral("text")), 1, DashStyle::Dot, {}};
    s2.elements.append(line);
    Element photo = imageElement(QStringLiteral("photo"), pngDataUri(40, 20), {500, 10, 100, 100}, ImageFit::Cover);
    photo.alt = QStringLiteral("A red rectangle");
    s2.elements.append(photo);
    Element deco = imageElement(QStringLiteral("deco"), pngDataUri(40, 20), {500, 200, 100, 100});
    deco.decorative = true;
    s2.elements.append(deco);
    Element group;
    group.id = QStringLiteral("grp");
    group.kind = ElementKind::Group;
    group.name = QStringLiteral("My group");
    group.frame = {600, 300, 200, 100, 15};
    group.children.append(shapeElement(QStringLiteral("g1"), ShapeKind::Rectangle, {600, 300, 100, 100}));
    group.children.append(textElement(QStringLiteral("g2"), {700, 300, 100, 100}, {para({run(QStringLiteral("In group"))})}));
    s2.elements.append(group);
    if (const std::optional<Element> card = ComponentLibrary::builtin().instantiate(QStringLiteral("card"), QStringLiteral("card1"), {100, 380})) {
        Element c = *card;
        c.frame.rotation = 90;
        s2.elements.append(c);
    }

    Slide s3;
    s3.id = QStringLiteral("s3");
    s3.notes = QStringLiteral("Closing notes");
    s3.background.image = pngDataUri(16, 9, Qt::blue);

    deck.slides = {s1, s2, s3};
    return deck;
}

Deck manySlides(int count)
{
    Deck deck;
    deck.id = QStringLiteral("many");
    deck.brand = testKit();
    const QString photo = pngDataUri(320, 200, Qt::darkGreen);
    for (int i = 0; i < count; ++i) {
        Slide s;
        s.id = QStringLiteral("s%1").arg(i);
        s.layout = QStringLiteral("titleBody");
        s.notes = QStringLiteral("Notes for slide %1").arg(i + 1);
        s.elements.append(textElement(QStringLiteral("t%1").arg(i), {40, 30, 880, 60},
                                      {para({run(QStringLiteral("Slide %1 title").arg(i + 1))})}));
        QVector<Paragraph> bullets;
        for (int b = 0; b < 5; ++b)
            bullets.append(para({run(QStringLiteral("Point %1 with a few words of body text on slide %2").arg(b + 1).arg(i + 1))},
                                HAlign::Left, ListKind::Bullet, b % 2));
        s.elements.append(textElement(QStringLiteral("b%1").arg(i), {40, 110, 560, 380}, bullets));
        s.elements.append(imageElement(QStringLiteral("p%1").arg(i), photo, {620, 110, 300, 200}, ImageFit::Cover));
        s.elements.append(shapeElement(QStringLiteral("r%1").arg(i), ShapeKind::Rectangle, {0, 520, 960, 20},
                                       ColorRef::fromToken(QStringLiteral("primary"))));
        deck.slides.append(s);
    }
    return deck;
}

QStringList goldenCases()
{
    QStringList cases;
    const QDir dir(QStringLiteral(SLIDESPEC_TEST_DATA_DIR "/pptx"));
    for (const QString &name : dir.entryList(QDir::Dirs | QDir::NoDotAndDotDot, QDir::Name)) {
        if (QFileInfo::exists(dir.filePath(name + QStringLiteral("/deck.json"))))
            cases.append(name);
    }
    return cases;
}

QString resolveTarget(const QString &relsPart, const QString &target)
{
    // "ppt/slides/_rels/slide1.xml.rels" → source folder "ppt/slides/"
    QString source = relsPart;
    source.remove(QStringLiteral("_rels/"));
    source.chop(5); // ".rels"
    const QString dir = source.contains(u'/') ? source.left(source.lastIndexOf(u'/') + 1) : QString();
    if (target.startsWith(u'/'))
        return target.mid(1);
    return QDir::cleanPath(dir + target);
}

/*! Structural checks every written package must pass. */
void checkPackage(const QByteArray &bytes, const Deck &deck)
{
    QVERIFY(!bytes.isEmpty());
    const Package pkg = unzip(bytes);
    QVERIFY2(pkg.error.isEmpty(), qPrintable(pkg.error));
    QVERIFY(!pkg.order.isEmpty());
    QCOMPARE(pkg.order.first(), QStringLiteral("[Content_Types].xml"));

    // Every XML part is well-formed.
    for (const auto &[name, data] : pkg.parts) {
        if (!name.endsWith(QLatin1String(".xml")) && !name.endsWith(QLatin1String(".rels")))
            continue;
        Node root;
        QString error;
        QVERIFY2(parseXml(data, &root, &error), qPrintable(name + QStringLiteral(": ") + error));
    }

    // [Content_Types].xml lists exactly the parts present.
    const Node types = xml(pkg, QStringLiteral("[Content_Types].xml"));
    std::set<QString> defaults, overrides;
    for (const Node &n : types.children) {
        if (n.name == QLatin1String("Default"))
            defaults.insert(n.attr(QStringLiteral("Extension")).toLower());
        else if (n.name == QLatin1String("Override"))
            overrides.insert(n.attr(QStringLiteral("PartName")));
    }
    std::set<QString> usedDefaults;
    for (const QString &name : pkg.order) {
        if (name == QLatin1String("[Content_Types].xml"))
            continue;
        if (overrides.count(u'/' + name))
            continue;
        const QString ext = QFileInfo(name).suffix().toLower();
        QVERIFY2(defaults.count(ext), qPrintable(QStringLiteral("no content type for ") + name));
        usedDefaults.insert(ext);
    }
    for (const QString &o : overrides)
        QVERIFY2(pkg.has(o.mid(1)), qPrintable(QStringLiteral("override for a missing part: ") + o));
    for (const QString &d : defaults) {
        // "xml" is always declared (PowerPoint expects it), every other default must be used.
        if (d != QLatin1String("xml"))
            QVERIFY2(usedDefaults.count(d), qPrintable(QStringLiteral("default for an unused extension: ") + d));
    }

    // Every internal relationship target exists.
    for (const auto &[name, data] : pkg.parts) {
        if (!name.endsWith(QLatin1String(".rels")))
            continue;
        Node root;
        QString error;
        QVERIFY(parseXml(data, &root, &error));
        std::set<QString> ids;
        for (const Node *r : root.all(QStringLiteral("Relationship"))) {
            QVERIFY2(ids.insert(r->attr(QStringLiteral("Id"))).second, qPrintable(name + QStringLiteral(": duplicate Id")));
            if (r->attr(QStringLiteral("TargetMode")) == QLatin1String("External"))
                continue;
            const QString target = resolveTarget(name, r->attr(QStringLiteral("Target")));
            QVERIFY2(pkg.has(target), qPrintable(name + QStringLiteral(" → missing ") + target));
        }
    }

    // presentation.xml: one slide per deck slide, size in EMU.
    const Node pres = xml(pkg, QStringLiteral("ppt/presentation.xml"));
    QCOMPARE(pres.all(QStringLiteral("p:sldId")).size(), deck.slides.size());
    const Node *sz = pres.first(QStringLiteral("p:sldSz"));
    QVERIFY(sz);
    QCOMPARE(sz->attr(QStringLiteral("cx")).toLongLong(), qlonglong(pointsToEmu(deck.size.width())));
    QCOMPARE(sz->attr(QStringLiteral("cy")).toLongLong(), qlonglong(pointsToEmu(deck.size.height())));

    // Slides: unique shape ids, explicit geometry on every shape.
    for (int i = 0; i < deck.slides.size(); ++i) {
        const QString part = QStringLiteral("ppt/slides/slide%1.xml").arg(i + 1);
        QVERIFY2(pkg.has(part), qPrintable(part));
        const Node slide = xml(pkg, part);
        std::set<qlonglong> ids;
        for (const Node *c : slide.all(QStringLiteral("p:cNvPr"))) {
            const qlonglong id = c->attr(QStringLiteral("id")).toLongLong();
            QVERIFY(id >= 1);
            QVERIFY2(ids.insert(id).second, qPrintable(part + QStringLiteral(": duplicate shape id ") + QString::number(id)));
        }
        for (const char *kind : {"p:sp", "p:pic", "p:cxnSp"}) {
            for (const Node *n : slide.all(QLatin1String(kind))) {
                const Node *spPr = n->child(QStringLiteral("p:spPr"));
                QVERIFY2(spPr && spPr->child(QStringLiteral("a:xfrm")), qPrintable(part + QStringLiteral(": shape without a:xfrm")));
            }
        }
        for (const Node *n : slide.all(QStringLiteral("p:grpSp"))) {
            const Node *grpSpPr = n->child(QStringLiteral("p:grpSpPr"));
            QVERIFY2(grpSpPr && grpSpPr->child(QStringLiteral("a:xfrm")), qPrintable(part + QStringLiteral(": group without a:xfrm")));
        }
        QCOMPARE(slide.attr(QStringLiteral("show")) == QLatin1String("0"), deck.slides.at(i).hidden);
    }
}

} // namespace

class TestPptxWriter : public QObject
{
    Q_OBJECT

private slots:
    void structure_data();
    void structure();
    void slideSize_data();
    void slideSize();
    void unsupportedSlideSizeFails_data();
    void unsupportedSlideSizeFails();
    void themeCarriesBrand();
    void textRunsAndParagraphs();
    void hyperlinks();
    void altTextAndDecorative();
    void notesAndHiddenSlides();
    void overflowShrinksWithAutofit();
    void fittingTextHasNoAutofit();
    void svgGetsPngFallback();
    void imageFitModes();
    void mediaIsDeduplicated();
    void missingImageBecomesPlaceholder();
    void componentsBecomeNamedGroups();
    void unknownComponentBecomesPlaceholder();
    void groupsKeepSlideCoordinates();
    void untrustedStringsStayWellFormed();
    void lockedElementsAreLocked();
    void hostileNumbersStayInRange();
    void layoutMapping_data();
    void layoutMapping();
    void slidesReferenceTheirLayout();
    void deterministicOutput();
    void writeFileIsAtomic();
    void badTargetPathFails();
    void cancelLeavesNoFile();
    void progressReportsEverySlide();
    void timing();
};

void TestPptxWriter::structure_data()
{
    QTest::addColumn<QString>("caseName");
    QTest::newRow("built: every element kind, notes, hidden slide") << QStringLiteral(":rich");
    QTest::newRow("built: a deck with no slides") << QStringLiteral(":empty");
    QTest::newRow("built: 30 slides with images and notes") << QStringLiteral(":many");
    for (const QString &name : goldenCases())
        QTest::newRow(qPrintable(QStringLiteral("golden: ") + name)) << name;
}

void TestPptxWriter::structure()
{
    QFETCH(QString, caseName);
    Deck deck;
    QString baseDir;
    if (caseName == QLatin1String(":rich")) {
        deck = richDeck();
    } else if (caseName == QLatin1String(":empty")) {
        deck.brand = testKit();
    } else if (caseName == QLatin1String(":many")) {
        deck = manySlides(30);
    } else {
        const QString file = QStringLiteral(SLIDESPEC_TEST_DATA_DIR "/pptx/") + caseName + QStringLiteral("/deck.json");
        const SpecResult<Deck> r = SpecJson::readDeckFile(file);
        QVERIFY2(r.ok(), qPrintable(r.errorString()));
        deck = *r.value;
        baseDir = QFileInfo(file).absolutePath();
    }
    QStringList warnings;
    const QByteArray bytes = writeDeck(deck, baseDir, &warnings);
    for (const QString &w : warnings)
        qInfo("export warning: %s", qPrintable(w));
    checkPackage(bytes, deck);
    if (QTest::currentTestFailed() || baseDir.isEmpty())
        return;

    // Golden snippets: "part | snippet" lines, "!" in front for must-not-contain.
    QFile expected(baseDir + QStringLiteral("/expected.txt"));
    if (!expected.open(QIODevice::ReadOnly))
        return;
    const Package pkg = unzip(bytes);
    int lineNumber = 0;
    for (const QByteArray &rawLine : expected.readAll().split('\n')) {
        ++lineNumber;
        const QString line = QString::fromUtf8(rawLine).trimmed();
        if (line.isEmpty() || line.startsWith(u'#'))
            continue;
        const qsizetype bar = line.indexOf(QLatin1String(" | "));
        QVERIFY2(bar > 0, qPrintable(QStringLiteral("expected.txt:%1: write \"part | snippet\"").arg(lineNumber)));
        QString part = line.left(bar).trimmed();
        const bool negated = part.startsWith(u'!');
        if (negated)
            part = part.mid(1);
        const QByteArray snippet = line.mid(bar + 3).toUtf8();
        QVERIFY2(pkg.has(part), qPrintable(QStringLiteral("expected.txt:%1: no part %2").arg(lineNumber).arg(part)));
        QVERIFY2(pkg.part(part).contains(snippet) != negated,
                 qPrintable(QStringLiteral("expected.txt:%1: %2 %3 %4").arg(lineNumber)
                                .arg(part, negated ? QStringLiteral("contains") : QStringLiteral("lacks"),
                                     QString::fromUtf8(snippet))));
    }
}

void TestPptxWriter::slideSize_data()
{
    QTest::addColumn<QSizeF>("size");
    QTest::addColumn<qlonglong>("cx");
    QTest::addColumn<qlonglong>("cy");
    QTest::addColumn<QString>("type");
    QTest::newRow("default 16:9 (13.333 × 7.5 in) is custom") << QSizeF(960, 540) << 12192000LL << 6858000LL << QStringLiteral("custom");
    QTest::newRow("10 × 7.5 in is screen4x3") << QSizeF(720, 540) << 9144000LL << 6858000LL << QStringLiteral("screen4x3");
    QTest::newRow("10 × 5.625 in is screen16x9") << QSizeF(720, 405) << 9144000LL << 5143500LL << QStringLiteral("screen16x9");
    QTest::newRow("fractional points convert exactly") << QSizeF(1000.5, 333.25) << 12706350LL << 4232275LL << QStringLiteral("custom");
}

void TestPptxWriter::slideSize()
{
    QFETCH(QSizeF, size);
    QFETCH(qlonglong, cx);
    QFETCH(qlonglong, cy);
    QFETCH(QString, type);
    Deck deck;
    deck.size = size;
    deck.slides.append(Slide{});
    const Package pkg = unzip(writeDeck(deck));
    const Node pres = xml(pkg, QStringLiteral("ppt/presentation.xml"));
    const Node *sz = pres.first(QStringLiteral("p:sldSz"));
    QVERIFY(sz);
    QCOMPARE(sz->attr(QStringLiteral("cx")).toLongLong(), cx);
    QCOMPARE(sz->attr(QStringLiteral("cy")).toLongLong(), cy);
    QCOMPARE(sz->attr(QStringLiteral("type")), type);
}

void TestPptxWriter::unsupportedSlideSizeFails_data()
{
    QTest::addColumn<QSizeF>("size");
    QTest::newRow("narrower than one inch") << QSizeF(50, 540);
    QTest::newRow("taller than 56 inches") << QSizeF(960, 5000);
    QTest::newRow("not a number") << QSizeF(std::numeric_limits<double>::quiet_NaN(), 540);
}

void TestPptxWriter::unsupportedSlideSizeFails()
{
    QFETCH(QSizeF, size);
    Deck deck;
    deck.size = size;
    deck.slides.append(Slide{});
    QString error;
    QVERIFY(writeDeck(deck, {}, nullptr, &error).isEmpty());
    QVERIFY(error.contains(QLatin1String("72 pt to 4032 pt")));
}

void TestPptxWriter::themeCarriesBrand()
{
    const Deck deck = richDeck();
    const Package pkg = unzip(writeDeck(deck));
    const Node theme = xml(pkg, QStringLiteral("ppt/theme/theme1.xml"));
    auto slot = [&](const char *name) {
        const Node *n = theme.first(QLatin1String(name));
        const Node *c = n ? n->child(QStringLiteral("a:srgbClr")) : nullptr;
        return c ? c->attr(QStringLiteral("val")) : QString();
    };
    QCOMPARE(slot("a:dk1"), QStringLiteral("112233"));
    QCOMPARE(slot("a:lt1"), QStringLiteral("FAFBFC"));
    QCOMPARE(slot("a:accent1"), QStringLiteral("123456"));
    QCOMPARE(slot("a:accent2"), QStringLiteral("654321"));
    QCOMPARE(slot("a:accent3"), QStringLiteral("ABCDEF"));
    QCOMPARE(slot("a:hlink"), QStringLiteral("123456"));
    QVERIFY(!slot("a:folHlink").isEmpty());

    // Fonts are the families the renderer uses, not the kit's wish list.
    const Node *major = theme.first(QStringLiteral("a:majorFont"));
    const Node *minor = theme.first(QStringLiteral("a:minorFont"));
    QVERIFY(major && minor);
    QCOMPARE(major->child(QStringLiteral("a:latin"))->attr(QStringLiteral("typeface")),
             fonts().resolve(QStringLiteral("brand:heading"), deck.brand));
    QCOMPARE(major->child(QStringLiteral("a:latin"))->attr(QStringLiteral("typeface")), QStringLiteral("Lato"));
    QCOMPARE(minor->child(QStringLiteral("a:latin"))->attr(QStringLiteral("typeface")), QStringLiteral("Roboto"));
    QCOMPARE(theme.attr(QStringLiteral("name")), QStringLiteral("Test Kit"));
}

void TestPptxWriter::textRunsAndParagraphs()
{
    const Deck deck = richDeck();
    const Package pkg = unzip(writeDeck(deck));
    const Node slide = xml(pkg, QStringLiteral("ppt/slides/slide1.xml"));
    const QVector<const Node *> shapes = slide.all(QStringLiteral("p:sp"));
    QCOMPARE(shapes.size(), 2);

    // Title: escaped text, centred, heading font resolved, size and colour.
    const Node *title = shapes.at(0);
    QCOMPARE(title->child(QStringLiteral("p:nvSpPr"))->child(QStringLiteral("p:cNvSpPr"))->attr(QStringLiteral("txBox")), QStringLiteral("1"));
    QCOMPARE(title->allText(), QStringLiteral("Hello & <world>"));
    QCOMPARE(title->first(QStringLiteral("a:pPr"))->attr(QStringLiteral("algn")), QStringLiteral("ctr"));
    const Node *rPr = title->first(QStringLiteral("a:rPr"));
    QCOMPARE(rPr->attr(QStringLiteral("sz")), QStringLiteral("4000"));
    QCOMPARE(rPr->attr(QStringLiteral("lang")), QStringLiteral("en-US"));
    QCOMPARE(rPr->first(QStringLiteral("a:srgbClr"))->attr(QStringLiteral("val")), QStringLiteral("123456"));
    QCOMPARE(rPr->child(QStringLiteral("a:latin"))->attr(QStringLiteral("typeface")), QStringLiteral("Lato"));

    // bodyPr: insets in EMU, top anchor, square wrap.
    const Node *bodyPr = title->first(QStringLiteral("a:bodyPr"));
    QCOMPARE(bodyPr->attr(QStringLiteral("lIns")), QString::number(pointsToEmu(kDefaultTextInsets.left)));
    QCOMPARE(bodyPr->attr(QStringLiteral("tIns")), QString::number(pointsToEmu(kDefaultTextInsets.top)));
    QCOMPARE(bodyPr->attr(QStringLiteral("anchor")), QStringLiteral("t"));
    QCOMPARE(bodyPr->attr(QStringLiteral("wrap")), QStringLiteral("square"));

    const Node *body = shapes.at(1);
    const QVector<const Node *> paras = body->all(QStringLiteral("a:p"));
    QCOMPARE(paras.size(), 6);

    // Paragraph 1: right aligned, bold run then italic underlined translucent red.
    QCOMPARE(paras[0]->child(QStringLiteral("a:pPr"))->attr(QStringLiteral("algn")), QStringLiteral("r"));
    const QVector<const Node *> runs = paras[0]->all(QStringLiteral("a:r"));
    QCOMPARE(runs.size(), 2);
    QCOMPARE(runs[0]->child(QStringLiteral("a:rPr"))->attr(QStringLiteral("b")), QStringLiteral("1"));
    QCOMPARE(runs[0]->child(QStringLiteral("a:rPr"))->attr(QStringLiteral("i")), QStringLiteral("0"));
    QCOMPARE(runs[0]->child(QStringLiteral("a:rPr"))->child(QStringLiteral("a:latin"))->attr(QStringLiteral("typeface")),
             QStringLiteral("Roboto"));
    const Node *r2 = runs[1]->child(QStringLiteral("a:rPr"));
    QCOMPARE(r2->attr(QStringLiteral("i")), QStringLiteral("1"));
    QCOMPARE(r2->attr(QStringLiteral("u")), QStringLiteral("sng"));
    QCOMPARE(r2->first(QStringLiteral("a:srgbClr"))->attr(QStringLiteral("val")), QStringLiteral("FF0000"));
    const int alpha = r2->first(QStringLiteral("a:alpha"))->attr(QStringLiteral("val")).toInt();
    QVERIFY2(std::abs(alpha - 50196) <= 1, qPrintable(QString::number(alpha)));
    QCOMPARE(runs[1]->child(QStringLiteral("a:t"))->text, QStringLiteral(" and italic"));

    // Bullets with the shared list geometry.
    const Node *b1 = paras[1]->child(QStringLiteral("a:pPr"));
    QCOMPARE(b1->attr(QStringLiteral("marL")), QString::number(pointsToEmu(kListHanging)));
    QCOMPARE(b1->attr(QStringLiteral("indent")), QString::number(-pointsToEmu(kListHanging)));
    QCOMPARE(b1->child(QStringLiteral("a:buChar"))->attr(QStringLiteral("char")), QStringLiteral("\u2022"));
    const Node *b2 = paras[2]->child(QStringLiteral("a:pPr"));
    QCOMPARE(b2->attr(QStringLiteral("lvl")), QStringLiteral("1"));
    QCOMPARE(b2->attr(QStringLiteral("marL")), QString::number(pointsToEmu(kListIndentPerLevel + kListHanging)));
    QVERIFY(b2->child(QStringLiteral("a:buChar")));
    const Node *n1 = paras[3]->child(QStringLiteral("a:pPr"));
    QCOMPARE(n1->attr(QStringLiteral("algn")), QStringLiteral("just"));
    QCOMPARE(n1->child(QStringLiteral("a:buAutoNum"))->attr(QStringLiteral("type")), QStringLiteral("arabicPeriod"));
    // Numbers hang by more than bullets, as TextLayoutEngine lays them out.
    QVERIFY(n1->attr(QStringLiteral("marL")).toLongLong() > pointsToEmu(kListHanging));
    QCOMPARE(n1->attr(QStringLiteral("indent")).toLongLong(), -n1->attr(QStringLiteral("marL")).toLongLong());
    QVERIFY(paras[4]->child(QStringLiteral("a:pPr"))->child(QStringLiteral("a:buNone")));

    // Element order inside pPr and rPr follows the schema.
    auto childOrder = [](const Node *n) {
        QStringList names;
        for (const Node &c : n->children)
            names.append(c.name);
        return names;
    };
    QCOMPARE(childOrder(b1), (QStringList{QStringLiteral("a:spcBef"), QStringLiteral("a:spcAft"),
                                           QStringLiteral("a:buFontTx"), QStringLiteral("a:buChar")}));
    QCOMPARE(childOrder(rPr), (QStringList{QStringLiteral("a:solidFill"), QStringLiteral("a:latin"), QStringLiteral("a:cs")}));
    QCOMPARE(childOrder(bodyPr), QStringList{QStringLiteral("a:noAutofit")});
    QCOMPARE(childOrder(body->child(QStringLiteral("p:txBody"))).mid(0, 2),
             (QStringList{QStringLiteral("a:bodyPr"), QStringLiteral("a:lstStyle")}));
}

void TestPptxWriter::hyperlinks()
{
    const Deck deck = richDeck();
    const Package pkg = unzip(writeDeck(deck));
    const Node slide = xml(pkg, QStringLiteral("ppt/slides/slide1.xml"));
    const Node rels = xml(pkg, QStringLiteral("ppt/slides/_rels/slide1.xml.rels"));
    const QVector<const Node *> links = slide.all(QStringLiteral("a:hlinkClick"));
    QCOMPARE(links.size(), 2);
    std::map<QString, const Node *> relById;
    for (const Node *r : rels.all(QStringLiteral("Relationship")))
        relById[r->attr(QStringLiteral("Id"))] = r;

    const Node *external = relById[links[0]->attr(QStringLiteral("r:id"))];
    QVERIFY(external);
    QCOMPARE(external->attr(QStringLiteral("TargetMode")), QStringLiteral("External"));
    QCOMPARE(external->attr(QStringLiteral("Target")), QStringLiteral("https://example.com/a?b=1&c=2"));
    QVERIFY(external->attr(QStringLiteral("Type")).endsWith(QLatin1String("/hyperlink")));

    // "#s2" jumps to the second slide.
    QCOMPARE(links[1]->attr(QStringLiteral("action")), QStringLiteral("ppaction://hlinksldjump"));
    const Node *jump = relById[links[1]->attr(QStringLiteral("r:id"))];
    QVERIFY(jump);
    QCOMPARE(jump->attr(QStringLiteral("Target")), QStringLiteral("slide2.xml"));
    QVERIFY(!jump->hasAttr(QStringLiteral("TargetMode")));
}

void TestPptxWriter::altTextAndDecorative()
{
    const Package pkg = unzip(writeDeck(richDeck()));
    const Node slide = xml(pkg, QStringLiteral("ppt/slides/slide2.xml"));
    const QVector<const Node *> pics = slide.all(QStringLiteral("p:pic"));
    QCOMPARE(pics.size(), 2);
    const Node *photo = pics[0]->first(QStringLiteral("p:cNvPr"));
    QCOMPARE(photo->attr(QStringLiteral("name")), QStringLiteral("photo"));
    QCOMPARE(photo->attr(QStringLiteral("descr")), QStringLiteral("A red rectangle"));
    QVERIFY(!photo->first(QStringLiteral("adec:decorative")));

    const Node *deco = pics[1]->first(QStringLiteral("p:cNvPr"));
    const Node *flag = deco->first(QStringLiteral("adec:decorative"));
    QVERIFY(flag);
    QCOMPARE(flag->attr(QStringLiteral("val")), QStringLiteral("1"));
    QCOMPARE(flag->ns, QStringLiteral("http://schemas.microsoft.com/office/drawing/2017/decorative"));
    QCOMPARE(deco->first(QStringLiteral("a:ext"))->attr(QStringLiteral("uri")), QStringLiteral("{C183D7F6-B498-43B3-948B-1728B52AA6E4}"));
}

void TestPptxWriter::notesAndHiddenSlides()
{
    const Deck deck = richDeck();
    const Package pkg = unzip(writeDeck(deck));
    QVERIFY(pkg.has(QStringLiteral("ppt/notesMasters/notesMaster1.xml")));
    QVERIFY(pkg.has(QStringLiteral("ppt/theme/theme2.xml")));
    QVERIFY(pkg.has(QStringLiteral("ppt/notesSlides/notesSlide1.xml")));
    QVERIFY(!pkg.has(QStringLiteral("ppt/notesSlides/notesSlide2.xml")));
    QVERIFY(pkg.has(QStringLiteral("ppt/notesSlides/notesSlide3.xml")));

    const Node notes = xml(pkg, QStringLiteral("ppt/notesSlides/notesSlide1.xml"));
    const QVector<const Node *> paras = notes.all(QStringLiteral("a:p"));
    QCOMPARE(paras.size(), 2);
    QCOMPARE(paras[0]->allText(), QStringLiteral("First line of notes"));
    QCOMPARE(paras[1]->allText(), QStringLiteral("Second line"));

    // Relationships both ways, and the notes master is listed in presentation.xml.
    QVERIFY(pkg.part(QStringLiteral("ppt/slides/_rels/slide1.xml.rels")).contains("../notesSlides/notesSlide1.xml"));
    QVERIFY(pkg.part(QStringLiteral("ppt/notesSlides/_rels/notesSlide1.xml.rels")).contains("../slides/slide1.xml"));
    QVERIFY(xml(pkg, QStringLiteral("ppt/presentation.xml")).first(QStringLiteral("p:notesMasterId")));

    QCOMPARE(xml(pkg, QStringLiteral("ppt/slides/slide2.xml")).attr(QStringLiteral("show")), QStringLiteral("0"));
    QVERIFY(!xml(pkg, QStringLiteral("ppt/slides/slide1.xml")).hasAttr(QStringLiteral("show")));

    // Without notes there is no notes master at all.
    Deck plain;
    plain.slides.append(Slide{});
    const Package p2 = unzip(writeDeck(plain));
    QVERIFY(!p2.has(QStringLiteral("ppt/notesMasters/notesMaster1.xml")));
    QVERIFY(!xml(p2, QStringLiteral("ppt/presentation.xml")).first(QStringLiteral("p:notesMasterIdLst")));
}

void TestPptxWriter::overflowShrinksWithAutofit()
{
    Deck deck;
    deck.brand = testKit();
    Slide s;
    QString longText;
    for (int i = 0; i < 40; ++i)
        longText += QStringLiteral("overflowing words ");
    TextStyle style;
    style.size = 24;
    const Element e = textElement(QStringLiteral("t"), {40, 40, 300, 80}, {para({run(longText)})}, style);
    s.elements.append(e);
    deck.slides.append(s);

    const double scale = engine().fitScale(*e.text, deck.brand, QSizeF(300, 80));
    QVERIFY(scale < 1.0);
    const Package pkg = unzip(writeDeck(deck));
    const Node slide = xml(pkg, QStringLiteral("ppt/slides/slide1.xml"));
    const Node *autofit = slide.first(QStringLiteral("a:normAutofit"));
    QVERIFY(autofit);
    const int fontScale = autofit->attr(QStringLiteral("fontScale")).toInt();
    QVERIFY(fontScale < 100000);
    QCOMPARE(fontScale, int(std::lround(scale * 100000)));
    QVERIFY(!slide.first(QStringLiteral("a:noAutofit")));
    // Run sizes stay the design size: PowerPoint multiplies them by fontScale.
    QCOMPARE(slide.first(QStringLiteral("a:rPr"))->attr(QStringLiteral("sz")), QStringLiteral("2400"));
}

void TestPptxWriter::fittingTextHasNoAutofit()
{
    Deck deck;
    Slide s;
    s.elements.append(textElement(QStringLiteral("t"), {40, 40, 600, 200}, {para({run(QStringLiteral("Short"))})}));
    deck.slides.append(s);
    const Node slide = xml(unzip(writeDeck(deck)), QStringLiteral("ppt/slides/slide1.xml"));
    QVERIFY(!slide.first(QStringLiteral("a:normAutofit")));
    QVERIFY(slide.first(QStringLiteral("a:noAutofit")));
}

void TestPptxWriter::svgGetsPngFallback()
{
    Deck deck;
    Slide s;
    Element logo = imageElement(QStringLiteral("logo"), svgDataUri(), {100, 100, 200, 100});
    logo.alt = QStringLiteral("Logo");
    s.elements.append(logo);
    deck.slides.append(s);
    QStringList warnings;
    const Package pkg = unzip(writeDeck(deck, {}, &warnings));
    QVERIFY2(warnings.isEmpty(), qPrintable(warnings.join(u'\n')));
    const Node slide = xml(pkg, QStringLiteral("ppt/slides/slide1.xml"));
    const Node *blip = slide.first(QStringLiteral("a:blip"));
    QVERIFY(blip);
    const Node *svgBlip = blip->first(QStringLiteral("asvg:svgBlip"));
    QVERIFY(svgBlip);
    QCOMPARE(blip->first(QStringLiteral("a:ext"))->attr(QStringLiteral("uri")), QStringLiteral("{96DAC541-7B7A-43D3-8B79-37D633B846F1}"));

    const Node rels = xml(pkg, QStringLiteral("ppt/slides/_rels/slide1.xml.rels"));
    QString pngTarget, svgTarget;
    for (const Node *r : rels.all(QStringLiteral("Relationship"))) {
        if (r->attr(QStringLiteral("Id")) == blip->attr(QStringLiteral("r:embed")))
            pngTarget = r->attr(QStringLiteral("Target"));
        if (r->attr(QStringLiteral("Id")) == svgBlip->attr(QStringLiteral("r:embed")))
            svgTarget = r->attr(QStringLiteral("Target"));
    }
    QVERIFY(pngTarget.endsWith(QLatin1String(".png")));
    QVERIFY(svgTarget.endsWith(QLatin1String(".svg")));
    const QByteArray png = pkg.part(resolveTarget(QStringLiteral("ppt/slides/_rels/slide1.xml.rels"), pngTarget));
    QVERIFY(png.startsWith("\x89PNG"));
    const QImage fallback = QImage::fromData(png, "PNG");
    QVERIFY(!fallback.isNull());
    QCOMPARE(fallback.width() / fallback.height(), 2); // the SVG's aspect ratio
    QVERIFY(pkg.part(resolveTarget(QStringLiteral("ppt/slides/_rels/slide1.xml.rels"), svgTarget)).contains("<svg"));
    QVERIFY(pkg.part(QStringLiteral("[Content_Types].xml")).contains("image/svg+xml"));
}

void TestPptxWriter::imageFitModes()
{
    Deck deck;
    Slide s;
    // A 2:1 image in a square frame.
    const QString src = pngDataUri(200, 100);
    s.elements.append(imageElement(QStringLiteral("cover"), src, {0, 0, 100, 100}, ImageFit::Cover));
    s.elements.append(imageElement(QStringLiteral("contain"), src, {200, 0, 100, 100}, ImageFit::Contain));
    s.elements.append(imageElement(QStringLiteral("stretch"), src, {400, 0, 100, 100}, ImageFit::Stretch));
    deck.slides.append(s);
    const Node slide = xml(unzip(writeDeck(deck)), QStringLiteral("ppt/slides/slide1.xml"));
    const QVector<const Node *> pics = slide.all(QStringLiteral("p:pic"));
    QCOMPARE(pics.size(), 3);

    const Node *crop = pics[0]->first(QStringLiteral("a:srcRect"));
    QCOMPARE(crop->attr(QStringLiteral("l")), QStringLiteral("25000"));
    QCOMPARE(crop->attr(QStringLiteral("r")), QStringLiteral("25000"));
    QVERIFY(!crop->hasAttr(QStringLiteral("t")));
    QCOMPARE(pics[0]->first(QStringLiteral("a:ext"))->attr(QStringLiteral("cx")), QString::number(pointsToEmu(100)));

    const Node *xfrm = pics[1]->child(QStringLiteral("p:spPr"))->child(QStringLiteral("a:xfrm"));
    QCOMPARE(xfrm->child(QStringLiteral("a:off"))->attr(QStringLiteral("y")), QString::number(pointsToEmu(25)));
    QCOMPARE(xfrm->child(QStringLiteral("a:ext"))->attr(QStringLiteral("cx")), QString::number(pointsToEmu(100)));
    QCOMPARE(xfrm->child(QStringLiteral("a:ext"))->attr(QStringLiteral("cy")), QString::number(pointsToEmu(50)));

    const Node *xfrm3 = pics[2]->child(QStringLiteral("p:spPr"))->child(QStringLiteral("a:xfrm"));
    QCOMPARE(xfrm3->child(QStringLiteral("a:ext"))->attr(QStringLiteral("cy")), QString::number(pointsToEmu(100)));
    QVERIFY(pics[2]->first(QStringLiteral("a:srcRect"))->attrs.empty());
}

void TestPptxWriter::mediaIsDeduplicated()
{
    const Deck deck = manySlides(5);
    const Package pkg = unzip(writeDeck(deck));
    int media = 0;
    for (const QString &name : pkg.order)
        media += name.startsWith(QLatin1String("ppt/media/")) ? 1 : 0;
    QCOMPARE(media, 1);
}

void TestPptxWriter::missingImageBecomesPlaceholder()
{
    Deck deck;
    Slide s;
    Element broken = imageElement(QStringLiteral("broken"), QStringLiteral("asset:nope"), {10, 10, 100, 50});
    broken.alt = QStringLiteral("Chart");
    s.elements.append(broken);
    s.elements.append(imageElement(QStringLiteral("corrupt"), QStringLiteral("data:image/png;base64,iVBORw0KGgoAAAA="), {10, 100, 100, 50}));
    s.background.image = QStringLiteral("asset:missing-background");
    deck.slides.append(s);
    QStringList warnings;
    const QByteArray bytes = writeDeck(deck, {}, &warnings);
    checkPackage(bytes, deck);
    const Node slide = xml(unzip(bytes), QStringLiteral("ppt/slides/slide1.xml"));
    QVERIFY(slide.all(QStringLiteral("p:pic")).isEmpty());
    const QVector<const Node *> shapes = slide.all(QStringLiteral("p:sp"));
    QCOMPARE(shapes.size(), 2);
    const Node *nv = shapes[0]->first(QStringLiteral("p:cNvPr"));
    QVERIFY(nv->attr(QStringLiteral("name")).startsWith(QLatin1String("Missing image")));
    QCOMPARE(nv->attr(QStringLiteral("descr")), QStringLiteral("Chart"));
    QCOMPARE(warnings.size(), 3);
    QVERIFY(warnings.join(u'\n').contains(QLatin1String("nope")));
}

void TestPptxWriter::componentsBecomeNamedGroups()
{
    const Deck deck = richDeck();
    const Node slide = xml(unzip(writeDeck(deck)), QStringLiteral("ppt/slides/slide2.xml"));
    const Node *card = nullptr;
    for (const Node *g : slide.all(QStringLiteral("p:grpSp"))) {
        if (g->first(QStringLiteral("p:cNvPr"))->attr(QStringLiteral("name")) == QLatin1String("Card"))
            card = g;
    }
    QVERIFY(card);
    const Node *xfrm = card->child(QStringLiteral("p:grpSpPr"))->child(QStringLiteral("a:xfrm"));
    QCOMPARE(xfrm->attr(QStringLiteral("rot")), QStringLiteral("5400000"));
    // The parts of the card are inside the group.
    const QVector<Element> parts = ComponentLibrary::builtin().expand(deck.slides.at(1).elements.last());
    QVERIFY(!parts.isEmpty());
    int inside = 0;
    for (const Node &c : card->children)
        inside += (c.name == QLatin1String("p:sp") || c.name == QLatin1String("p:pic") || c.name == QLatin1String("p:cxnSp")
                   || c.name == QLatin1String("p:grpSp")) ? 1 : 0;
    QCOMPARE(inside, parts.size());
}

void TestPptxWriter::unknownComponentBecomesPlaceholder()
{
    Deck deck;
    Slide s;
    Element c;
    c.id = QStringLiteral("c1");
    c.kind = ElementKind::Component;
    c.component = QStringLiteral("no-such-component");
    c.frame = {10, 10, 200, 100};
    s.elements.append(c);
    deck.slides.append(s);
    QStringList warnings;
    const QByteArray bytes = writeDeck(deck, {}, &warnings);
    checkPackage(bytes, deck);
    const Node slide = xml(unzip(bytes), QStringLiteral("ppt/slides/slide1.xml"));
    const Node *sp = slide.first(QStringLiteral("p:sp"));
    QVERIFY(sp);
    QCOMPARE(sp->first(QStringLiteral("p:cNvPr"))->attr(QStringLiteral("name")), QStringLiteral("Missing component: no-such-component"));
    QCOMPARE(warnings.size(), 1);
}

void TestPptxWriter::groupsKeepSlideCoordinates()
{
    const Node slide = xml(unzip(writeDeck(richDeck())), QStringLiteral("ppt/slides/slide2.xml"));
    const Node *group = nullptr;
    for (const Node *g : slide.all(QStringLiteral("p:grpSp"))) {
        if (g->first(QStringLiteral("p:cNvPr"))->attr(QStringLiteral("name")) == QLatin1String("My group"))
            group = g;
    }
    QVERIFY(group);
    const Node *xfrm = group->child(QStringLiteral("p:grpSpPr"))->child(QStringLiteral("a:xfrm"));
    QCOMPARE(xfrm->attr(QStringLiteral("rot")), QStringLiteral("900000"));
    QCOMPARE(xfrm->child(QStringLiteral("a:off"))->attrs, xfrm->child(QStringLiteral("a:chOff"))->attrs);
    QCOMPARE(xfrm->child(QStringLiteral("a:ext"))->attr(QStringLiteral("cx")), xfrm->child(QStringLiteral("a:chExt"))->attr(QStringLiteral("cx")));
    const Node *firstChild = group->child(QStringLiteral("p:sp"));
    QCOMPARE(firstChild->first(QStringLiteral("a:off"))->attr(QStringLiteral("x")), QString::number(pointsToEmu(600)));

    // Rounded rectangle: adj relative to the shorter side; rotation; dashed outline.
    const Node *rect = slide.first(QStringLiteral("p:sp"));
    QCOMPARE(rect->first(QStringLiteral("a:prstGeom"))->attr(QStringLiteral("prst")), QStringLiteral("roundRect"));
    QCOMPARE(rect->first(QStringLiteral("a:gd"))->attr(QStringLiteral("fmla")), QStringLiteral("val 25000"));
    QCOMPARE(rect->first(QStringLiteral("a:xfrm"))->attr(QStringLiteral("rot")), QStringLiteral("2700000"));
    const Node *ln = rect->first(QStringLiteral("a:ln"));
    QCOMPARE(ln->attr(QStringLiteral("w")), QString::number(pointsToEmu(2.5)));
    QCOMPARE(ln->child(QStringLiteral("a:prstDash"))->attr(QStringLiteral("val")), QStringLiteral("dash"));
    // Ellipse without fill has noFill.
    const Node *oval = slide.all(QStringLiteral("p:sp"))[1];
    QCOMPARE(oval->first(QStringLiteral("a:prstGeom"))->attr(QStringLiteral("prst")), QStringLiteral("ellipse"));
    QVERIFY(oval->child(QStringLiteral("p:spPr"))->child(QStringLiteral("a:noFill")));
    // Line: connector with flipV.
    const Node *line = slide.first(QStringLiteral("p:cxnSp"));
    QVERIFY(line);
    QCOMPARE(line->first(QStringLiteral("a:xfrm"))->attr(QStringLiteral("flipV")), QStringLiteral("1"));
    QCOMPARE(line->first(QStringLiteral("a:prstGeom"))->attr(QStringLiteral("prst")), QStringLiteral("line"));
    QCOMPARE(line->first(QStringLiteral("a:prstDash"))->attr(QStringLiteral("val")), QStringLiteral("sysDot"));
    // Background colour.
    QCOMPARE(slide.first(QStringLiteral("p:bgPr"))->first(QStringLiteral("a:srgbClr"))->attr(QStringLiteral("val")), QStringLiteral("654321"));
}

void TestPptxWriter::untrustedStringsStayWellFormed()
{
    Deck deck;
    deck.title = QStringLiteral("Bad\x01title\x1f");
    Slide s;
    s.id = QStringLiteral("id\x02with\x0b" "controls");
    s.notes = QStringLiteral("notes ]]> <!-- \x07 --> &amp;");
    QString evil = QStringLiteral("a\x00" "b\x08" "c\xFFFE" "d");
    evil += QChar(0xD800); // lone surrogate
    evil += QStringLiteral("e</a:t><a:t>f");
    Element e = textElement(QStringLiteral("t"), {0, 0, 400, 100}, {para({run(evil, {}, QStringLiteral("javascript:\"<x>"))})});
    e.name = QStringLiteral("name\"with'quotes\n<and>");
    e.alt = QStringLiteral("alt\x1b" "text & \"quotes\"");
    s.elements.append(e);
    deck.slides.append(s);
    const QByteArray bytes = writeDeck(deck);
    checkPackage(bytes, deck);
    const Package pkg = unzip(bytes);
    const Node slide = xml(pkg, QStringLiteral("ppt/slides/slide1.xml"));
    QCOMPARE(slide.first(QStringLiteral("a:t"))->text, QStringLiteral("abcde</a:t><a:t>f"));
    QCOMPARE(slide.first(QStringLiteral("p:sp"))->first(QStringLiteral("p:cNvPr"))->attr(QStringLiteral("descr")), QStringLiteral("alttext & \"quotes\""));
    QCOMPARE(xml(pkg, QStringLiteral("docProps/core.xml")).first(QStringLiteral("dc:title"))->text, QStringLiteral("Badtitle"));
}

void TestPptxWriter::lockedElementsAreLocked()
{
    Deck deck;
    Slide s;
    Element text = textElement(QStringLiteral("t"), {0, 0, 100, 50}, {para({run(QStringLiteral("Locked"))})});
    text.locked = true;
    s.elements.append(text);
    Element line = shapeElement(QStringLiteral("l"), ShapeKind::Line, {0, 100, 100, 0});
    line.locked = true;
    s.elements.append(line);
    Element pic = imageElement(QStringLiteral("p"), pngDataUri(10, 10), {0, 200, 50, 50});
    pic.locked = true;
    s.elements.append(pic);
    s.elements.append(shapeElement(QStringLiteral("free"), ShapeKind::Rectangle, {200, 0, 50, 50}));
    deck.slides.append(s);
    const QByteArray bytes = writeDeck(deck);
    checkPackage(bytes, deck);
    const Node slide = xml(unzip(bytes), QStringLiteral("ppt/slides/slide1.xml"));
    for (const char *lock : {"a:spLocks", "a:cxnSpLocks", "a:picLocks"}) {
        const QVector<const Node *> locks = slide.all(QLatin1String(lock));
        QCOMPARE(locks.size(), 1);
        QCOMPARE(locks[0]->attr(QStringLiteral("noMove")), QStringLiteral("1"));
        QCOMPARE(locks[0]->attr(QStringLiteral("noResize")), QStringLiteral("1"));
    }
    QCOMPARE(slide.all(QStringLiteral("p:sp")).size(), 2); // the free rectangle has no lock
}

void TestPptxWriter::hostileNumbersStayInRange()
{
    const double inf = std::numeric_limits<double>::infinity();
    const double nan = std::numeric_limits<double>::quiet_NaN();
    Deck deck;
    Slide s;
    TextStyle huge;
    huge.size = 1e300;
    Element t = textElement(QStringLiteral("t"), {1e300, -1e300, inf, nan, nan}, {para({run(QStringLiteral("x"), huge)})});
    t.text->paragraphs[0].lineSpacing = nan;
    t.text->paragraphs[0].spaceBefore = -inf;
    t.text->paragraphs[0].spaceAfter = 1e308;
    t.text->insets = {nan, -5, inf, 1e300};
    s.elements.append(t);
    Element r = shapeElement(QStringLiteral("r"), ShapeKind::RoundedRectangle, {0, 0, 10, 10, inf});
    r.cornerRadius = nan;
    r.stroke = Stroke{ColorRef::fromColor(Qt::black), 1e300, DashStyle::Solid, {}};
    s.elements.append(r);
    deck.slides.append(s);
    const QByteArray bytes = writeDeck(deck);
    checkPackage(bytes, deck);
    const QByteArray slide = unzip(bytes).part(QStringLiteral("ppt/slides/slide1.xml"));
    // Every number written is an integer inside ST_Coordinate's range.
    const QRegularExpression number(QStringLiteral("=\"(-?\\d+)\""));
    QRegularExpressionMatchIterator it = number.globalMatch(QString::fromUtf8(slide));
    int count = 0;
    while (it.hasNext()) {
        const QString value = it.next().captured(1);
        bool ok = false;
        const qlonglong v = value.toLongLong(&ok);
        QVERIFY2(ok && v >= -27273042329600LL && v <= 27273042316900LL, qPrintable(value));
        ++count;
    }
    QVERIFY(count > 20);
    QVERIFY(!slide.contains("nan") && !slide.contains("inf"));
    // Narrower ranges: line width (ST_LineWidth) and text insets (ST_Coordinate32).
    const Node root = xml(unzip(bytes), QStringLiteral("ppt/slides/slide1.xml"));
    for (const Node *ln : root.all(QStringLiteral("a:ln"))) {
        if (ln->hasAttr(QStringLiteral("w")))
            QVERIFY(ln->attr(QStringLiteral("w")).toLongLong() <= 20116800);
    }
    for (const Node *bodyPr : root.all(QStringLiteral("a:bodyPr"))) {
        for (const char *name : {"lIns", "tIns", "rIns", "bIns"}) {
            const qlonglong v = bodyPr->attr(QLatin1String(name)).toLongLong();
            QVERIFY2(v >= 0 && v <= 2147483647, name);
        }
    }
}

void TestPptxWriter::layoutMapping_data()
{
    QTest::addColumn<QString>("layout");
    QTest::addColumn<QString>("expected");
    QTest::newRow("title") << QStringLiteral("title") << QStringLiteral("Title Slide");
    QTest::newRow("titleBody") << QStringLiteral("titleBody") << QStringLiteral("Title and Content");
    QTest::newRow("two columns, any spelling") << QStringLiteral("two-columns") << QStringLiteral("Two Content");
    QTest::newRow("section header") << QStringLiteral("sectionHeader") << QStringLiteral("Section Header");
    QTest::newRow("image and text") << QStringLiteral("imageText") << QStringLiteral("Picture with Caption");
    QTest::newRow("quote") << QStringLiteral("quote") << QStringLiteral("Quote");
    QTest::newRow("closing") << QStringLiteral("closing") << QStringLiteral("Closing");
    QTest::newRow("template file spelling title-body") << QStringLiteral("title-body") << QStringLiteral("Title and Content");
    QTest::newRow("template file spelling image-text") << QStringLiteral("image-text") << QStringLiteral("Picture with Caption");
    QTest::newRow("template file spelling section-header") << QStringLiteral("section-header") << QStringLiteral("Section Header");
    QTest::newRow("empty layout is blank") << QString() << QStringLiteral("Blank");
    QTest::newRow("unknown layout is blank") << QStringLiteral("no-such-layout") << QStringLiteral("Blank");
}

void TestPptxWriter::layoutMapping()
{
    QFETCH(QString, layout);
    QFETCH(QString, expected);
    QCOMPARE(PptxWriter::layoutNames().value(PptxWriter::layoutIndex(layout)), expected);
}

void TestPptxWriter::slidesReferenceTheirLayout()
{
    const Package pkg = unzip(writeDeck(richDeck()));
    auto layoutOf = [&](int slide) {
        const Node rels = xml(pkg, QStringLiteral("ppt/slides/_rels/slide%1.xml.rels").arg(slide));
        for (const Node *r : rels.all(QStringLiteral("Relationship"))) {
            if (r->attr(QStringLiteral("Type")).endsWith(QLatin1String("/slideLayout"))) {
                const QString part = resolveTarget(QStringLiteral("ppt/slides/_rels/slide1.xml.rels"), r->attr(QStringLiteral("Target")));
                return xml(pkg, part).first(QStringLiteral("p:cSld"))->attr(QStringLiteral("name"));
            }
        }
        return QString();
    };
    // Looked up through the layout part itself: p:cSld is the first child.
    QCOMPARE(layoutOf(1), QStringLiteral("Title Slide"));
    QCOMPARE(layoutOf(2), QStringLiteral("Title and Content"));
    QCOMPARE(layoutOf(3), QStringLiteral("Blank"));
    QCOMPARE(xml(pkg, QStringLiteral("ppt/slideMasters/slideMaster1.xml")).all(QStringLiteral("p:sldLayoutId")).size(),
             PptxWriter::layoutNames().size());
}

void TestPptxWriter::deterministicOutput()
{
    const Deck deck = richDeck();
    const QByteArray a = writeDeck(deck);
    const QByteArray b = writeDeck(deck);
    QVERIFY(!a.isEmpty());
    QCOMPARE(a.size(), b.size());
    QVERIFY(a == b);
    // The timestamps are fixed at 1980-01-01 (MS-DOS date 0x0021, time 0).
    const Package pkg = unzip(a);
    QVERIFY(a.mid(10, 4) == QByteArray("\x00\x00\x21\x00", 4)); // first local header: time, date
}

void TestPptxWriter::writeFileIsAtomic()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString file = dir.filePath(QStringLiteral("out.pptx"));
    AssetStore assets;
    PptxWriter writer(ComponentLibrary::builtin(), engine(), assets);
    QString error;
    QVERIFY2(writer.writeFile(richDeck(), file, &error), qPrintable(error));
    QFile f(file);
    QVERIFY(f.open(QIODevice::ReadOnly));
    QCOMPARE(f.readAll(), writeDeck(richDeck()));
    QCOMPARE(QDir(dir.path()).entryList(QDir::Files), QStringList{QStringLiteral("out.pptx")});
}

void TestPptxWriter::badTargetPathFails()
{
    QTemporaryDir dir;
    const QString file = dir.filePath(QStringLiteral("no/such/folder/out.pptx"));
    AssetStore assets;
    PptxWriter writer(ComponentLibrary::builtin(), engine(), assets);
    QString error;
    QVERIFY(!writer.writeFile(richDeck(), file, &error));
    QVERIFY(!error.isEmpty());
    QVERIFY(error.contains(QLatin1String("out.pptx")));
    QVERIFY(!QFileInfo::exists(file));
}

void TestPptxWriter::cancelLeavesNoFile()
{
    QTemporaryDir dir;
    const QString file = dir.filePath(QStringLiteral("out.pptx"));
    AssetStore assets;
    PptxWriter writer(ComponentLibrary::builtin(), engine(), assets);
    QString error;
    QVERIFY(!writer.writeFile(manySlides(5), file, &error, [](int done, int) { return done < 2; }));
    QVERIFY(!error.isEmpty());
    QVERIFY(!QFileInfo::exists(file));

    // An existing file survives a cancelled export unchanged.
    {
        QFile f(file);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("previous");
    }
    QVERIFY(!writer.writeFile(manySlides(5), file, &error, [](int, int) { return false; }));
    QFile f(file);
    QVERIFY(f.open(QIODevice::ReadOnly));
    QCOMPARE(f.readAll(), QByteArray("previous"));
    QCOMPARE(QDir(dir.path()).entryList(QDir::Files), QStringList{QStringLiteral("out.pptx")});
}

void TestPptxWriter::progressReportsEverySlide()
{
    AssetStore assets;
    PptxWriter writer(ComponentLibrary::builtin(), engine(), assets);
    QVector<int> calls;
    QString error;
    const QByteArray bytes = writer.write(manySlides(4), &error, [&](int done, int total) {
        calls.append(done);
        return total == 4;
    });
    QVERIFY(!bytes.isEmpty());
    QCOMPARE(calls, (QVector<int>{1, 2, 3, 4}));
}

void TestPptxWriter::timing()
{
    for (const int count : {10, 100}) {
        const Deck deck = manySlides(count);
        AssetStore assets;
        const TextLayoutEngine coldEngine(&fonts()); // no cached layouts: honest figures
        PptxWriter writer(ComponentLibrary::builtin(), coldEngine, assets);
        QString error;
        QElapsedTimer timer;
        timer.start();
        const QByteArray bytes = writer.write(deck, &error);
        const qint64 ms = timer.elapsed();
        QVERIFY2(!bytes.isEmpty(), qPrintable(error));
        // Measured, not asserted: timing belongs to bench/ (docs/benchmarks.md).
        qInfo("PPTX export of %d slides: %lld ms, %lld bytes", count, ms, qlonglong(bytes.size()));
    }
}

int main(int argc, char **argv)
{
    QGuiApplication app(argc, argv);
    TestPptxWriter test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_pptxwriter.moc"
