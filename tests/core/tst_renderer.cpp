// SPDX-License-Identifier: GPL-3.0-or-later
#include "components/componentlibrary.h"
#include "format/specjson.h"
#include "model/assetstore.h"
#include "render/deckexport.h"
#include "render/pngencoder.h"
#include "render/sliderenderer.h"
#include "text/fontresolver.h"
#include "text/textlayout.h"

#include <QBuffer>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QGuiApplication>
#include <QImage>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QPainter>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QtEndian>
#include <QtTest>

#include <cmath>
#include <limits>

using namespace slidespec;

namespace {

const QString kDefaultColors = QStringLiteral(
    R"("background": "#ffffff", "text": "#111111", "primary": "#0050c8", "accent": "#ff0000",
       "surface": "#00ff00", "border": "#0000ff")");

/*! A one-slide 960 × 540 deck; \a slide holds the slide object's members. */
QByteArray deckJson(const QString &slide, const QString &colors = kDefaultColors)
{
    return (QStringLiteral(R"({"format": "slidespec", "version": 1, "id": "test", "title": "Render test",
        "brand": {"colors": {)") + colors
            + QStringLiteral(R"(}, "fonts": {"body": {"family": "DejaVu Sans"}, "heading": {"family": "DejaVu Sans"}}},
        "slides": [{"id": "s1", )") + slide + QStringLiteral("}]}"))
        .toUtf8();
}

Deck loadDeck(const QByteArray &json)
{
    const SpecResult<Deck> r = SpecJson::readDeck(json, QStringLiteral("test.json"));
    if (!r.ok())
        qWarning().noquote() << r.errorString();
    return r.value.value_or(Deck{});
}

/*! A 200 × 100 PNG, left half red and right half blue, as a data URI. */
QString twoColourPng()
{
    QImage image(200, 100, QImage::Format_RGB32);
    image.fill(Qt::blue);
    QPainter(&image).fillRect(0, 0, 100, 100, Qt::red);
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    image.save(&buffer, "PNG");
    return QStringLiteral("data:image/png;base64,") + QString::fromLatin1(bytes.toBase64());
}

/*! An 8 × 8 SVG, left half red, right half blue, as a data URI. */
QString twoColourSvg()
{
    const QByteArray svg = R"(<svg xmlns="http://www.w3.org/2000/svg" width="8" height="8" viewBox="0 0 8 8">)"
                           R"(<rect x="0" y="0" width="4" height="8" fill="#ff0000"/><rect x="4" y="0" width="4" height="8" fill="#0000ff"/></svg>)";
    return QStringLiteral("data:image/svg+xml;base64,") + QString::fromLatin1(svg.toBase64());
}

/*! CRC-32 as PNG chunks use it (bitwise: slow, obviously right). */
quint32 crc32Of(const QByteArray &bytes)
{
    quint32 crc = 0xffffffffu;
    for (char ch : bytes) {
        crc ^= quint8(ch);
        for (int k = 0; k < 8; ++k)
            crc = (crc & 1) ? (crc >> 1) ^ 0xedb88320u : crc >> 1;
    }
    return crc ^ 0xffffffffu;
}

bool near(QColor a, QColor b, int tolerance)
{
    return std::abs(a.red() - b.red()) <= tolerance && std::abs(a.green() - b.green()) <= tolerance
        && std::abs(a.blue() - b.blue()) <= tolerance;
}

/*! Checks "x,y=#rrggbb" probes (slide points, 1 px = 1 pt at 960 px). */
QString checkProbes(const QImage &image, const QString &probes, double scale = 1.0, int tolerance = 12)
{
    static const QRegularExpression re(QStringLiteral(R"((\d+),(\d+)=(#[0-9a-fA-F]{6}))"));
    QStringList failures;
    auto it = re.globalMatch(probes);
    int count = 0;
    while (it.hasNext()) {
        const auto m = it.next();
        const int x = int(std::floor((m.captured(1).toInt() + 0.5) * scale));
        const int y = int(std::floor((m.captured(2).toInt() + 0.5) * scale));
        const QColor want(m.captured(3));
        const QColor got = image.pixelColor(x, y);
        ++count;
        if (!near(got, want, tolerance))
            failures.append(QStringLiteral("(%1,%2): expected %3, found %4").arg(m.captured(1), m.captured(2), want.name(), got.name()));
    }
    if (count == 0)
        return QStringLiteral("no probes parsed from \"%1\"").arg(probes);
    return failures.join(QStringLiteral("; "));
}

int darkPixels(const QImage &image, const QRect &inside, bool countInside)
{
    int n = 0;
    for (int y = 0; y < image.height(); ++y) {
        const QRgb *line = reinterpret_cast<const QRgb *>(image.constScanLine(y));
        for (int x = 0; x < image.width(); ++x) {
            if (inside.contains(x, y) != countInside)
                continue;
            if (qGray(line[x]) < 128)
                ++n;
        }
    }
    return n;
}

QString textElement(const QString &frame, const QString &text, const QString &more = {})
{
    return QStringLiteral(R"({"id": "t", "type": "text", "frame": %1, %3
        "text": {"paragraphs": [{"runs": [{"text": "%2"}]}], "style": {"size": 24, "color": "#000000"}}})")
        .arg(frame, text, more);
}

} // namespace

class TestRenderer : public QObject
{
    Q_OBJECT

public:
    TestRenderer()
        : m_text(&m_fonts)
        , m_renderer(ComponentLibrary::builtin(), m_text, m_assets)
    {}

private slots:
    void pixels_data();
    void pixels();
    void goldenFolders_data();
    void goldenFolders();
    void largeImagesAreScaledDownSmoothly();
    void placeholders_data();
    void placeholders();
    void textStaysInsideItsFrame_data();
    void textStaysInsideItsFrame();
    void overflowingTextShrinksOnlyForExport();
    void widthScaling_data();
    void widthScaling();
    void devicePixelRatio();
    void badInputDoesNotCrash();
    void paintUsesSlidePoints();
    void paintDoesNotDependOnDeviceDpi();
    void pngEncoderRoundTrips_data();
    void pngEncoderRoundTrips();
    void pngExport();
    void pngExportFileNames_data();
    void pngExportFileNames();
    void pngExportCancelLeavesNothing();
    void pngExportFailureReportsError();
    void pngExportSpeed();

private:
    FontResolver m_fonts;
    TextLayoutEngine m_text;
    AssetStore m_assets;
    SlideRenderer m_renderer;
};

void TestRenderer::pixels_data()
{
    QTest::addColumn<QString>("slide");
    QTest::addColumn<QString>("colors");
    QTest::addColumn<QString>("probes");

    const QString colors = kDefaultColors;
    QTest::newRow("slide colour fills every corner")
        << R"("background": {"color": "#203040"}, "elements": [])" << colors
        << "0,0=#203040 959,0=#203040 0,539=#203040 959,539=#203040 480,270=#203040";
    QTest::newRow("slide colour token resolves through the kit")
        << R"("background": {"color": "brand:primary"}, "elements": [])" << colors << "5,5=#0050c8 950,530=#0050c8";
    QTest::newRow("no slide colour falls back to brand:background")
        << R"("elements": [])" << R"("background": "#fafad2", "text": "#000000")" << "0,0=#fafad2 959,539=#fafad2";
    QTest::newRow("no slide colour and no kit background is white")
        << R"("elements": [])" << R"("text": "#000000")" << "0,0=#ffffff 959,539=#ffffff";
    QTest::newRow("unknown background token falls back to brand:background")
        << R"("background": {"color": "brand:nope"}, "elements": [])" << R"("background": "#fafad2")" << "10,10=#fafad2";
    QTest::newRow("hidden slide still renders")
        << R"("hidden": true, "background": {"color": "#203040"}, "elements": [
               {"id": "r", "type": "shape", "shape": "rect", "frame": {"x": 100, "y": 100, "w": 100, "h": 100}, "fill": "#ff0000"}])"
        << colors << "10,10=#203040 150,150=#ff0000";
    QTest::newRow("filled rect: fill at centre, background just outside")
        << R"("elements": [{"id": "r", "type": "shape", "shape": "rect",
               "frame": {"x": 100, "y": 100, "w": 200, "h": 100}, "fill": "#ff0000"}])"
        << colors << "200,150=#ff0000 101,101=#ff0000 298,198=#ff0000 98,150=#ffffff 301,150=#ffffff 200,98=#ffffff 200,201=#ffffff";
    QTest::newRow("fill token resolves through the kit")
        << R"("elements": [{"id": "r", "type": "shape", "shape": "rect",
               "frame": {"x": 100, "y": 100, "w": 200, "h": 100}, "fill": "brand:primary"}])"
        << colors << "200,150=#0050c8";
    QTest::newRow("unknown fill token paints nothing")
        << R"("elements": [{"id": "r", "type": "shape", "shape": "rect",
               "frame": {"x": 100, "y": 100, "w": 200, "h": 100}, "fill": "brand:nope"}])"
        << colors << "200,150=#ffffff";
    QTest::newRow("ellipse: centre filled, frame corner is background")
        << R"("elements": [{"id": "e", "type": "shape", "shape": "ellipse",
               "frame": {"x": 100, "y": 100, "w": 200, "h": 200}, "fill": "#0000ff"}])"
        << colors << "200,200=#0000ff 103,103=#ffffff 296,296=#ffffff 102,200=#0000ff";
    QTest::newRow("roundRect: corner cut, edges filled")
        << R"("elements": [{"id": "e", "type": "shape", "shape": "roundRect", "cornerRadius": 30,
               "frame": {"x": 100, "y": 100, "w": 200, "h": 100}, "fill": "#0000ff"}])"
        << colors << "101,101=#ffffff 298,198=#ffffff 200,101=#0000ff 101,150=#0000ff";
    QTest::newRow("rotation 90 turns a tall thin rect wide")
        << R"("elements": [{"id": "r", "type": "shape", "shape": "rect",
               "frame": {"x": 470, "y": 170, "w": 20, "h": 200, "rotation": 90}, "fill": "#ff0000"}])"
        << colors << "390,270=#ff0000 570,270=#ff0000 480,270=#ff0000 480,190=#ffffff 480,350=#ffffff";
    QTest::newRow("stroke drawn on the outline, inside left empty")
        << R"("elements": [{"id": "r", "type": "shape", "shape": "rect",
               "frame": {"x": 100, "y": 100, "w": 200, "h": 100}, "stroke": {"color": "#ff0000", "width": 6}}])"
        << colors << "100,150=#ff0000 299,150=#ff0000 200,100=#ff0000 200,199=#ff0000 200,150=#ffffff 106,150=#ffffff";
    QTest::newRow("stroke and fill: stroke over fill on the edge")
        << R"("elements": [{"id": "r", "type": "shape", "shape": "rect", "fill": "#00ff00",
               "frame": {"x": 100, "y": 100, "w": 200, "h": 100}, "stroke": {"color": "#ff0000", "width": 6}}])"
        << colors << "100,150=#ff0000 200,150=#00ff00";
    QTest::newRow("line runs from top left to bottom right")
        << R"("elements": [{"id": "l", "type": "shape", "shape": "line",
               "frame": {"x": 100, "y": 100, "w": 200, "h": 200}, "stroke": {"color": "#0000ff", "width": 6}}])"
        << colors << "200,200=#0000ff 150,150=#0000ff 250,250=#0000ff 250,150=#ffffff 150,250=#ffffff";
    QTest::newRow("flipV line runs from bottom left to top right")
        << R"("elements": [{"id": "l", "type": "shape", "shape": "line", "flipV": true,
               "frame": {"x": 100, "y": 100, "w": 200, "h": 200}, "stroke": {"color": "#0000ff", "width": 6}}])"
        << colors << "200,200=#0000ff 150,250=#0000ff 250,150=#0000ff 150,150=#ffffff 250,250=#ffffff";
    QTest::newRow("horizontal line of zero height is drawn")
        << R"("elements": [{"id": "l", "type": "shape", "shape": "line",
               "frame": {"x": 100, "y": 300, "w": 400, "h": 0}, "stroke": {"color": "#0000ff", "width": 4}}])"
        << colors << "300,300=#0000ff 300,299=#0000ff 300,305=#ffffff";
    QTest::newRow("alpha fill blends with the background")
        << R"("elements": [{"id": "r", "type": "shape", "shape": "rect",
               "frame": {"x": 100, "y": 100, "w": 200, "h": 100}, "fill": "#ff000080"}])"
        << colors << "200,150=#ff7f7f";
    QTest::newRow("alpha fill over another shape mixes both")
        << R"("elements": [{"id": "a", "type": "shape", "shape": "rect", "frame": {"x": 100, "y": 100, "w": 200, "h": 100}, "fill": "#0000ff"},
               {"id": "b", "type": "shape", "shape": "rect", "frame": {"x": 100, "y": 100, "w": 200, "h": 100}, "fill": "#ff000080"}])"
        << colors << "200,150=#80007f";
    QTest::newRow("higher z paints on top whatever the array order")
        << R"("elements": [{"id": "a", "type": "shape", "shape": "rect", "z": 2, "frame": {"x": 100, "y": 100, "w": 200, "h": 100}, "fill": "#ff0000"},
               {"id": "b", "type": "shape", "shape": "rect", "z": 1, "frame": {"x": 100, "y": 100, "w": 200, "h": 100}, "fill": "#0000ff"}])"
        << colors << "200,150=#ff0000";
    QTest::newRow("equal z keeps array order: the later element wins")
        << R"("elements": [{"id": "a", "type": "shape", "shape": "rect", "frame": {"x": 100, "y": 100, "w": 200, "h": 100}, "fill": "#ff0000"},
               {"id": "b", "type": "shape", "shape": "rect", "frame": {"x": 150, "y": 100, "w": 200, "h": 100}, "fill": "#0000ff"}])"
        << colors << "120,150=#ff0000 200,150=#0000ff 330,150=#0000ff";
    QTest::newRow("group rotation turns children about the group centre")
        << R"("elements": [{"id": "g", "type": "group", "frame": {"x": 400, "y": 200, "w": 200, "h": 100, "rotation": 90}, "children": [
               {"id": "l", "type": "shape", "shape": "rect", "frame": {"x": 400, "y": 200, "w": 100, "h": 100}, "fill": "#ff0000"},
               {"id": "r", "type": "shape", "shape": "rect", "frame": {"x": 500, "y": 200, "w": 100, "h": 100}, "fill": "#0000ff"}]}])"
        << colors << "500,170=#ff0000 500,330=#0000ff 420,250=#ffffff 580,250=#ffffff";
    QTest::newRow("group children keep slide coordinates and their z")
        << R"("elements": [{"id": "g", "type": "group", "frame": {"x": 100, "y": 100, "w": 200, "h": 100}, "children": [
               {"id": "a", "type": "shape", "shape": "rect", "z": 5, "frame": {"x": 100, "y": 100, "w": 200, "h": 100}, "fill": "#ff0000"},
               {"id": "b", "type": "shape", "shape": "rect", "frame": {"x": 100, "y": 100, "w": 200, "h": 100}, "fill": "#0000ff"}]}])"
        << colors << "200,150=#ff0000 98,150=#ffffff";
    QTest::newRow("text element fill is painted behind its text")
        << R"("elements": [{"id": "t", "type": "text", "fill": "#00ff00", "frame": {"x": 100, "y": 100, "w": 200, "h": 100},
               "text": {"paragraphs": [{"runs": [{"text": "Hi"}]}]}}])"
        << colors << "295,195=#00ff00 105,195=#00ff00 98,150=#ffffff";
    QTest::newRow("component instance expands to its parts")
        << R"("elements": [{"id": "c", "type": "component", "component": "accent-bar", "params": {"color": "#ff0000"},
               "frame": {"x": 100, "y": 100, "w": 200, "h": 40}}])"
        << colors << "200,120=#ff0000 200,95=#ffffff 310,120=#ffffff";
    QTest::newRow("component rotation turns its parts about the instance centre")
        << R"("elements": [{"id": "c", "type": "component", "component": "accent-bar", "params": {"color": "#ff0000"},
               "frame": {"x": 400, "y": 260, "w": 200, "h": 20, "rotation": 90}}])"
        << colors << "500,190=#ff0000 500,350=#ff0000 420,270=#ffffff 580,270=#ffffff";
    QTest::newRow("component parts use the kit: card fill is brand:surface")
        << R"("elements": [{"id": "c", "type": "component", "component": "card",
               "frame": {"x": 100, "y": 100, "w": 280, "h": 180}}])"
        << colors << "360,265=#00ff00 30,30=#ffffff";
    QTest::newRow("image contain: letterboxed inside the frame")
        << R"("elements": [{"id": "i", "type": "image", "src": "IMAGE", "fit": "contain",
               "frame": {"x": 100, "y": 100, "w": 200, "h": 200}}])"
        << colors << "150,200=#ff0000 250,200=#0000ff 200,120=#ffffff 200,280=#ffffff";
    QTest::newRow("image cover: fills the frame, cropped to its centre")
        << R"("elements": [{"id": "i", "type": "image", "src": "IMAGE", "fit": "cover",
               "frame": {"x": 100, "y": 100, "w": 200, "h": 200}}])"
        << colors << "105,105=#ff0000 180,295=#ff0000 220,105=#0000ff 295,295=#0000ff 98,200=#ffffff 302,200=#ffffff 200,97=#ffffff 200,303=#ffffff";
    QTest::newRow("image stretch: fills the frame, distorted")
        << R"("elements": [{"id": "i", "type": "image", "src": "IMAGE", "fit": "stretch",
               "frame": {"x": 100, "y": 100, "w": 200, "h": 200}}])"
        << colors << "105,105=#ff0000 190,295=#ff0000 210,105=#0000ff 295,295=#0000ff 98,200=#ffffff";
    QTest::newRow("rotated image turns with its frame")
        << R"("elements": [{"id": "i", "type": "image", "src": "IMAGE", "fit": "stretch",
               "frame": {"x": 100, "y": 100, "w": 200, "h": 200, "rotation": 90}}])"
        << colors << "150,110=#ff0000 150,290=#0000ff";
    QTest::newRow("SVG is rasterised at the drawn size: edges stay crisp")
        << R"("elements": [{"id": "i", "type": "image", "src": "SVGIMAGE", "fit": "contain",
               "frame": {"x": 100, "y": 100, "w": 400, "h": 400}}])"
        << colors << "102,300=#ff0000 298,300=#ff0000 301,300=#0000ff 497,300=#0000ff 503,300=#ffffff";
    QTest::newRow("background image covers the slide")
        << R"("background": {"image": "IMAGE", "color": "#00ff00"}, "elements": [])"
        << colors << "5,5=#ff0000 470,270=#ff0000 490,270=#0000ff 955,535=#0000ff";
}

void TestRenderer::pixels()
{
    QFETCH(QString, slide);
    QFETCH(QString, colors);
    QFETCH(QString, probes);
    static const QString png = twoColourPng();
    static const QString svg = twoColourSvg();
    slide.replace(QLatin1String("SVGIMAGE"), svg);
    slide.replace(QLatin1String("IMAGE"), png);
    const Deck deck = loadDeck(deckJson(slide, colors));
    QCOMPARE(deck.slides.size(), 1);
    const QImage image = m_renderer.renderSlide(deck, 0, 960);
    QCOMPARE(image.size(), QSize(960, 540));
    const QString failures = checkProbes(image, probes);
    if (!failures.isEmpty())
        image.save(QDir::temp().filePath(QStringLiteral("tst_renderer-%1.png").arg(QString::fromLatin1(QTest::currentDataTag()).replace(u' ', u'_'))));
    QVERIFY2(failures.isEmpty(), qPrintable(failures));
}

void TestRenderer::goldenFolders_data()
{
    QTest::addColumn<QString>("folder");
    const QDir root(QStringLiteral(SLIDESPEC_TEST_DATA_DIR "/render"));
    const QStringList cases = root.entryList(QDir::Dirs | QDir::NoDotAndDotDot, QDir::Name);
    QVERIFY2(!cases.isEmpty(), "no golden folders under tests/data/render");
    for (const QString &name : cases)
        QTest::newRow(qPrintable(name)) << root.filePath(name);
}

/*!
 * Each tests/data/render/<case>/ holds deck.json and probes.json:
 * {"width": px, "probes": [{"slide": n, "x": pt, "y": pt, "color": "#rrggbb", "why": "…"}]}.
 */
void TestRenderer::goldenFolders()
{
    QFETCH(QString, folder);
    const QDir dir(folder);
    const SpecResult<Deck> r = SpecJson::readDeckFile(dir.filePath(QStringLiteral("deck.json")));
    QVERIFY2(r.ok(), qPrintable(r.errorString()));
    QFile probesFile(dir.filePath(QStringLiteral("probes.json")));
    QVERIFY(probesFile.open(QIODevice::ReadOnly));
    const QJsonObject spec = QJsonDocument::fromJson(probesFile.readAll()).object();
    const int width = spec.value(QStringLiteral("width")).toInt(960);
    const double scale = width / r.value->size.width();
    AssetStore assets(folder);
    const SlideRenderer renderer(ComponentLibrary::builtin(), m_text, assets);
    RenderOptions options;
    options.fitOverflowingText = true;
    QHash<int, QImage> images;
    QStringList failures;
    const QJsonArray probes = spec.value(QStringLiteral("probes")).toArray();
    QVERIFY(!probes.isEmpty());
    for (const QJsonValue &v : probes) {
        const QJsonObject p = v.toObject();
        const int slide = p.value(QStringLiteral("slide")).toInt(0);
        if (!images.contains(slide))
            images.insert(slide, renderer.renderSlide(*r.value, slide, width, options));
        const QImage &image = images[slide];
        QVERIFY2(!image.isNull(), "slide did not render");
        const QString probe = QStringLiteral("%1,%2=%3").arg(p.value(QStringLiteral("x")).toInt())
                                  .arg(p.value(QStringLiteral("y")).toInt()).arg(p.value(QStringLiteral("color")).toString());
        const QString failure = checkProbes(image, probe, scale);
        if (!failure.isEmpty())
            failures.append(QStringLiteral("slide %1 %2 (%3)").arg(slide).arg(failure, p.value(QStringLiteral("why")).toString()));
    }
    QVERIFY2(failures.isEmpty(), qPrintable(failures.join(u'\n')));
}

void TestRenderer::largeImagesAreScaledDownSmoothly()
{
    // A 2-pixel checkerboard drawn at a tenth of its size averages to grey;
    // sampling it without filtering would give black and white pixels.
    QImage checker(1000, 1000, QImage::Format_RGB32);
    for (int y = 0; y < checker.height(); ++y) {
        QRgb *line = reinterpret_cast<QRgb *>(checker.scanLine(y));
        for (int x = 0; x < checker.width(); ++x)
            line[x] = ((x / 2 + y / 2) & 1) ? qRgb(255, 255, 255) : qRgb(0, 0, 0);
    }
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    checker.save(&buffer, "PNG");
    const QString uri = QStringLiteral("data:image/png;base64,") + QString::fromLatin1(bytes.toBase64());
    const Deck deck = loadDeck(deckJson(QStringLiteral(R"("background": {"color": "#ff0000"}, "elements": [{"id": "i", "type": "image",
        "src": "%1", "frame": {"x": 100, "y": 100, "w": 100, "h": 100}}])").arg(uri)));
    QCOMPARE(deck.slides.size(), 1);
    for (int pass = 0; pass < 2; ++pass) { // the second pass uses the cached copy
        const QImage image = m_renderer.renderSlide(deck, 0, 960);
        int outliers = 0;
        for (int y = 102; y < 198; ++y) {
            for (int x = 102; x < 198; ++x) {
                const int g = qGray(image.pixel(x, y));
                if (g < 100 || g > 155)
                    ++outliers;
            }
        }
        QCOMPARE(outliers, 0);
        QCOMPARE(image.pixelColor(99, 150), QColor(Qt::red));
    }
}

void TestRenderer::placeholders_data()
{
    QTest::addColumn<QString>("element");
    QTest::newRow("corrupt data URI")
        << R"({"id": "i", "type": "image", "src": "data:image/png;base64,AAAA", "frame": {"x": 100, "y": 100, "w": 200, "h": 150}})";
    QTest::newRow("data URI that is not an image")
        << R"({"id": "i", "type": "image", "src": "data:text/plain,hello", "frame": {"x": 100, "y": 100, "w": 200, "h": 150}})";
    QTest::newRow("truncated PNG")
        << R"({"id": "i", "type": "image", "src": "data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAMgAAABkCAIAAAD", "frame": {"x": 100, "y": 100, "w": 200, "h": 150}})";
    QTest::newRow("empty source")
        << R"({"id": "i", "type": "image", "src": "", "frame": {"x": 100, "y": 100, "w": 200, "h": 150}})";
    QTest::newRow("unknown component")
        << R"({"id": "c", "type": "component", "component": "no-such-component", "frame": {"x": 100, "y": 100, "w": 200, "h": 150}})";
}

void TestRenderer::placeholders()
{
    QFETCH(QString, element);
    const Deck deck = loadDeck(deckJson(QStringLiteral(R"("elements": [%1])").arg(element)));
    QCOMPARE(deck.slides.size(), 1);

    // With placeholders: a neutral, light, hatched box fills the frame.
    const QImage image = m_renderer.renderSlide(deck, 0, 960);
    QVERIFY(!image.isNull());
    const QRect frame(102, 102, 196, 146);
    int neutral = 0, white = 0, total = 0;
    for (int y = frame.top(); y <= frame.bottom(); ++y) {
        for (int x = frame.left(); x <= frame.right(); ++x) {
            const QColor c = image.pixelColor(x, y);
            ++total;
            if (std::abs(c.red() - c.green()) <= 4 && std::abs(c.green() - c.blue()) <= 4)
                ++neutral;
            if (c == Qt::white)
                ++white;
        }
    }
    QCOMPARE(neutral, total);
    QVERIFY2(white < total / 10, qPrintable(QStringLiteral("%1 of %2 pixels are white").arg(white).arg(total)));
    QCOMPARE(image.pixelColor(98, 175), QColor(Qt::white));

    // Without placeholders nothing is drawn.
    RenderOptions options;
    options.drawPlaceholders = false;
    const QImage bare = m_renderer.renderSlide(deck, 0, 960, options);
    QCOMPARE(bare.pixelColor(200, 175), QColor(Qt::white));
}

void TestRenderer::textStaysInsideItsFrame_data()
{
    QTest::addColumn<QString>("element");
    QTest::addColumn<QRect>("frame");
    QTest::newRow("left aligned, top")
        << textElement(QStringLiteral(R"({"x": 100, "y": 100, "w": 400, "h": 60})"), QStringLiteral("Hello world"))
        << QRect(100, 100, 400, 60);
    QTest::newRow("two lines wrapped in a narrow frame")
        << textElement(QStringLiteral(R"({"x": 100, "y": 100, "w": 160, "h": 90})"), QStringLiteral("Hello wide world"))
        << QRect(100, 100, 160, 90);
    QTest::newRow("label inside a shape")
        << QStringLiteral(R"({"id": "s", "type": "shape", "shape": "rect", "frame": {"x": 300, "y": 200, "w": 300, "h": 100},
               "text": {"paragraphs": [{"runs": [{"text": "Label"}], "align": "center"}], "anchor": "middle",
               "style": {"size": 28, "color": "#000000"}}})")
        << QRect(300, 200, 300, 100);
    QTest::newRow("bullet list")
        << QStringLiteral(R"({"id": "t", "type": "text", "frame": {"x": 100, "y": 100, "w": 400, "h": 120},
               "text": {"paragraphs": [{"runs": [{"text": "One"}], "list": "bullet"}, {"runs": [{"text": "Two"}], "list": "bullet"}],
               "style": {"size": 24, "color": "#000000"}}})")
        << QRect(100, 100, 400, 120);
}

void TestRenderer::textStaysInsideItsFrame()
{
    QFETCH(QString, element);
    QFETCH(QRect, frame);
    const Deck deck = loadDeck(deckJson(QStringLiteral(R"("elements": [%1])").arg(element)));
    QCOMPARE(deck.slides.size(), 1);
    const QImage image = m_renderer.renderSlide(deck, 0, 960);
    const int inside = darkPixels(image, frame, true);
    const int outside = darkPixels(image, frame, false);
    QVERIFY2(inside > 50, qPrintable(QStringLiteral("only %1 dark pixels inside the frame").arg(inside)));
    QCOMPARE(outside, 0);
}

void TestRenderer::overflowingTextShrinksOnlyForExport()
{
    const QString text = QStringLiteral("This sentence is much too long to fit in the small frame it was given at this size");
    const Deck deck = loadDeck(deckJson(QStringLiteral(R"("elements": [%1])")
                                            .arg(textElement(QStringLiteral(R"({"x": 100, "y": 100, "w": 300, "h": 60})"), text))));
    QCOMPARE(deck.slides.size(), 1);
    const QRect frame(100, 100, 300, 60);
    const Element &e = deck.slides[0].elements[0];
    QVERIFY(m_text.layout(*e.text, deck.brand, QSizeF(300, 60))->overflows());
    const double scale = m_text.fitScale(*e.text, deck.brand, QSizeF(300, 60));
    QVERIFY(scale < 1.0 && scale > 0.25);

    const QImage preview = m_renderer.renderSlide(deck, 0, 960);
    QVERIFY2(darkPixels(preview, frame, false) > 50, "the editor preview shows the overflow");

    RenderOptions exportMode;
    exportMode.fitOverflowingText = true;
    const QImage exported = m_renderer.renderSlide(deck, 0, 960, exportMode);
    QCOMPARE(darkPixels(exported, frame, false), 0);
    QVERIFY(darkPixels(exported, frame, true) > 100);
}

void TestRenderer::widthScaling_data()
{
    QTest::addColumn<int>("width");
    QTest::newRow("1920 px (2x)") << 1920;
    QTest::newRow("1280 px") << 1280;
    QTest::newRow("320 px thumbnail") << 320;
    QTest::newRow("97 px, odd size") << 97;
}

void TestRenderer::widthScaling()
{
    QFETCH(int, width);
    const Deck deck = loadDeck(deckJson(QStringLiteral(R"("background": {"color": "#203040"}, "elements": [
        {"id": "r", "type": "shape", "shape": "rect", "frame": {"x": 240, "y": 135, "w": 480, "h": 270}, "fill": "#ff0000"},
        {"id": "t", "type": "text", "frame": {"x": 20, "y": 20, "w": 200, "h": 60},
         "text": {"paragraphs": [{"runs": [{"text": "Scaled"}]}], "style": {"size": 30, "color": "#ffffff"}}}])")));
    const QImage image = m_renderer.renderSlide(deck, 0, width);
    QCOMPARE(image.width(), width);
    QCOMPARE(image.height(), int(std::lround(width * 540.0 / 960.0)));
    const double s = width / 960.0;
    const QString failures = checkProbes(image, QStringLiteral("480,270=#ff0000 250,145=#ff0000 710,395=#ff0000 5,535=#203040 955,5=#203040"), s);
    QVERIFY2(failures.isEmpty(), qPrintable(failures));
}

void TestRenderer::devicePixelRatio()
{
    const Deck deck = loadDeck(deckJson(QStringLiteral(R"("elements": [
        {"id": "r", "type": "shape", "shape": "rect", "frame": {"x": 480, "y": 0, "w": 480, "h": 540}, "fill": "#ff0000"}])")));
    RenderOptions options;
    options.devicePixelRatio = 2;
    const QImage image = m_renderer.renderSlide(deck, 0, 320, options);
    QCOMPARE(image.size(), QSize(640, 360));
    QCOMPARE(image.devicePixelRatio(), 2.0);
    QCOMPARE(image.pixelColor(330, 180), QColor(Qt::red));
    QCOMPARE(image.pixelColor(310, 180), QColor(Qt::white));
}

void TestRenderer::badInputDoesNotCrash()
{
    Deck deck = loadDeck(deckJson(QStringLiteral(R"("elements": [])")));
    QVERIFY(m_renderer.renderSlide(deck, -1, 100).isNull());
    QVERIFY(m_renderer.renderSlide(deck, 1, 100).isNull());
    QVERIFY(m_renderer.renderSlide(deck, 0, 0).isNull());
    QVERIFY(m_renderer.renderSlide(deck, 0, -5).isNull());
    m_renderer.paint(nullptr, deck, 0, {});

    const double nan = std::numeric_limits<double>::quiet_NaN();
    Slide &slide = deck.slides[0];
    Element broken;
    broken.id = QStringLiteral("nan");
    broken.fill = ColorRef::fromColor(Qt::red);
    broken.frame = Frame{nan, 10, 100, 100, 0};
    slide.elements.append(broken);
    Element empty = broken;
    empty.id = QStringLiteral("empty");
    empty.frame = Frame{10, 10, 0, 0, 0};
    empty.kind = ElementKind::Image;
    slide.elements.append(empty);
    Element text = empty;
    text.kind = ElementKind::Text;
    text.text = TextBody{};
    slide.elements.append(text);
    // Groups nested far deeper than a file may hold.
    Element nested;
    nested.kind = ElementKind::Shape;
    nested.fill = ColorRef::fromColor(Qt::blue);
    nested.frame = Frame{0, 0, 10, 10, 0};
    for (int i = 0; i < 100; ++i) {
        Element group;
        group.kind = ElementKind::Group;
        group.frame = Frame{0, 0, 10, 10, 5};
        group.children.append(nested);
        nested = group;
    }
    slide.elements.append(nested);
    const QImage image = m_renderer.renderSlide(deck, 0, 200);
    QVERIFY(!image.isNull());

    Deck noSize = deck;
    noSize.size = QSizeF(0, 0);
    QVERIFY(m_renderer.renderSlide(noSize, 0, 200).isNull());
}

void TestRenderer::paintUsesSlidePoints()
{
    // An editor view paints with its own transform: 1 unit = 1 pt, offset.
    const Deck deck = loadDeck(deckJson(QStringLiteral(R"("background": {"color": "#203040"}, "elements": [
        {"id": "r", "type": "shape", "shape": "rect", "frame": {"x": 0, "y": 0, "w": 480, "h": 270}, "fill": "#ff0000"}])")));
    QImage canvas(600, 400, QImage::Format_ARGB32_Premultiplied);
    canvas.fill(Qt::black);
    QPainter painter(&canvas);
    painter.translate(50, 50);
    painter.scale(0.5, 0.5);
    painter.setOpacity(1.0);
    m_renderer.paint(&painter, deck, 0, {});
    // The painter state is restored.
    QCOMPARE(painter.transform(), QTransform(0.5, 0, 0, 0.5, 50, 50));
    painter.end();
    QCOMPARE(canvas.pixelColor(40, 40), QColor(Qt::black));
    QCOMPARE(canvas.pixelColor(100, 100), QColor(Qt::red));
    QCOMPARE(canvas.pixelColor(400, 250), QColor(0x20, 0x30, 0x40));
    QCOMPARE(canvas.pixelColor(540, 330), QColor(Qt::black));
}

void TestRenderer::paintDoesNotDependOnDeviceDpi()
{
    // Bullets, text and shapes on a 96 dpi image (as an editor view paints)
    // match the 72 dpi export render pixel for pixel.
    const Deck deck = loadDeck(deckJson(QStringLiteral(R"("elements": [
        {"id": "t", "type": "text", "frame": {"x": 40, "y": 40, "w": 500, "h": 200},
         "text": {"paragraphs": [{"runs": [{"text": "First point"}], "list": "bullet"},
                                 {"runs": [{"text": "Second point"}], "list": "number"}],
                  "style": {"size": 28, "color": "#000000"}}},
        {"id": "r", "type": "shape", "shape": "ellipse", "frame": {"x": 600, "y": 100, "w": 200, "h": 100}, "fill": "#0050c8"}])")));
    const QImage exported = m_renderer.renderSlide(deck, 0, 960);
    QImage view(960, 540, QImage::Format_RGB32);
    view.setDotsPerMeterX(3780); // 96 dpi
    view.setDotsPerMeterY(3780);
    QVERIFY(view.logicalDpiY() == 96);
    view.fill(Qt::white);
    {
        QPainter painter(&view);
        m_renderer.paint(&painter, deck, 0, {});
    }
    int differing = 0;
    for (int y = 0; y < view.height(); ++y) {
        for (int x = 0; x < view.width(); ++x) {
            if (!near(view.pixelColor(x, y), exported.pixelColor(x, y), 8))
                ++differing;
        }
    }
    QVERIFY2(differing < 20, qPrintable(QStringLiteral("%1 pixels differ").arg(differing)));
}

namespace {

Deck threeSlides()
{
    Deck deck = loadDeck(deckJson(QStringLiteral(R"("background": {"color": "#ff0000"}, "elements": [])")));
    deck.id = QStringLiteral("three");
    Slide second = deck.slides[0];
    second.id = QStringLiteral("s2");
    second.background.color = ColorRef::fromColor(Qt::green);
    Slide third = second;
    third.id = QStringLiteral("s3");
    third.background.color = ColorRef::fromColor(Qt::blue);
    deck.slides << second << third;
    return deck;
}

} // namespace

void TestRenderer::pngEncoderRoundTrips_data()
{
    QTest::addColumn<QImage>("image");
    QTest::addColumn<int>("level");
    QVector<std::pair<QString, QImage>> images;
    QImage gradient(301, 17, QImage::Format_RGB32);
    for (int y = 0; y < gradient.height(); ++y)
        for (int x = 0; x < gradient.width(); ++x)
            gradient.setPixel(x, y, qRgb(x % 256, (y * 15) % 256, (x * y) % 256));
    images.append({QStringLiteral("opaque gradient, odd width: RGB"), gradient});
    QImage flat(64, 64, QImage::Format_RGB32);
    flat.fill(QColor(0x20, 0x30, 0x40));
    flat.setPixel(10, 10, qRgb(255, 0, 0));
    images.append({QStringLiteral("repeated rows use the up filter"), flat});
    QImage translucent(40, 30, QImage::Format_ARGB32);
    for (int y = 0; y < translucent.height(); ++y)
        for (int x = 0; x < translucent.width(); ++x)
            translucent.setPixel(x, y, qRgba(200, x * 6, y * 8, (x * 7 + y) % 256));
    images.append({QStringLiteral("alpha channel: RGBA, not premultiplied"), translucent});
    QImage one(1, 1, QImage::Format_RGB32);
    one.fill(Qt::magenta);
    images.append({QStringLiteral("one pixel"), one});
    QImage indexed = gradient.convertToFormat(QImage::Format_Indexed8);
    images.append({QStringLiteral("other formats are converted"), indexed});
    // A rendered slide: text, shapes, long runs and repeated rows.
    const Deck deck = loadDeck(deckJson(QStringLiteral(R"("elements": [%1, {"id": "r", "type": "shape", "shape": "ellipse",
        "frame": {"x": 500, "y": 100, "w": 300, "h": 300}, "fill": "#0050c880"}])")
                                            .arg(textElement(QStringLiteral(R"({"x": 40, "y": 40, "w": 400, "h": 300})"),
                                                             QStringLiteral("Some words to encode, wrapped over lines")))));
    images.append({QStringLiteral("rendered slide"), m_renderer.renderSlide(deck, 0, 1280)});
    QImage wide(12000, 3, QImage::Format_RGB32);
    wide.fill(Qt::yellow);
    wide.setPixel(11000, 2, qRgb(1, 2, 3));
    images.append({QStringLiteral("rows longer than the 32 KiB window"), wide});
    for (const auto &[name, image] : std::as_const(images)) {
        QTest::addRow("%s, fast encoder", qPrintable(name)) << image << 0;
        QTest::addRow("%s, zlib level 1", qPrintable(name)) << image << 1;
    }
}

void TestRenderer::pngEncoderRoundTrips()
{
    QFETCH(QImage, image);
    QFETCH(int, level);
    image.setDotsPerMeterX(3780);
    image.setDotsPerMeterY(3780);
    const QByteArray png = encodePng(image, level);
    QVERIFY(png.startsWith("\x89PNG\r\n\x1a\n"));
    QImage decoded;
    QVERIFY(decoded.loadFromData(png, "PNG"));
    QCOMPARE(decoded.size(), image.size());
    QCOMPARE(decoded.hasAlphaChannel(), image.hasAlphaChannel());
    QCOMPARE(decoded.dotsPerMeterX(), 3780);
    const QImage::Format format = image.hasAlphaChannel() ? QImage::Format_ARGB32 : QImage::Format_RGB32;
    QCOMPARE(decoded.convertToFormat(format), image.convertToFormat(format));
    QVERIFY(encodePng(QImage()).isEmpty());

    // The zlib stream checks out with zlib itself (qUncompress verifies the
    // Adler-32), and every chunk's CRC is right.
    QByteArray idat;
    qsizetype at = 8;
    while (at + 12 <= png.size()) {
        const quint32 length = qFromBigEndian<quint32>(png.constData() + at);
        const QByteArray typeAndData = png.mid(at + 4, qsizetype(length) + 4);
        const quint32 crc = qFromBigEndian<quint32>(png.constData() + at + 8 + length);
        QCOMPARE(crc, quint32(crc32Of(typeAndData)));
        if (typeAndData.startsWith("IDAT"))
            idat += typeAndData.mid(4);
        at += 12 + qsizetype(length);
    }
    QCOMPARE(at, png.size());
    const qsizetype rawSize = qsizetype(image.height()) * (image.width() * (image.hasAlphaChannel() ? 4 : 3) + 1);
    QByteArray prefixed(4, '\0');
    qToBigEndian<quint32>(quint32(rawSize), prefixed.data());
    QCOMPARE(qUncompress(prefixed + idat).size(), rawSize);
}

void TestRenderer::pngExport()
{
    const Deck deck = threeSlides();
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QString error;
    QStringList written;
    QVector<int> progress;
    const bool ok = exportPngs(m_renderer, deck, dir.path(), 480, &error,
                               [&](int done, int total) {
                                   progress.append(done);
                                   return total == 3;
                               },
                               &written);
    QVERIFY2(ok, qPrintable(error));
    QCOMPARE(progress, (QVector<int>{1, 2, 3}));
    QCOMPARE(written.size(), 3);
    const QColor expected[] = {Qt::red, Qt::green, Qt::blue};
    for (int i = 0; i < 3; ++i) {
        QCOMPARE(QFileInfo(written[i]).fileName(), QStringLiteral("three-0%1.png").arg(i + 1));
        const QImage image(written[i]);
        QCOMPARE(image.size(), QSize(480, 270));
        QCOMPARE(image.pixelColor(240, 135), expected[i]);
    }
    QCOMPARE(QDir(dir.path()).entryList(QDir::Files).size(), 3);
}

void TestRenderer::pngExportFileNames_data()
{
    QTest::addColumn<QString>("target");
    QTest::addColumn<int>("slides");
    QTest::addColumn<QString>("first");
    QTest::addColumn<QString>("last");
    QTest::newRow("folder: deck id as stem, two digits") << "out/" << 3 << "out/three-01.png" << "out/three-03.png";
    QTest::newRow("file name: its stem, in its folder") << "out/talk.png" << 12 << "out/talk-01.png" << "out/talk-12.png";
    QTest::newRow("100 slides or more: three digits") << "out/talk.png" << 120 << "out/talk-001.png" << "out/talk-120.png";
    QTest::newRow("name without .png is a folder") << "out/pngs" << 2 << "out/pngs/three-01.png" << "out/pngs/three-02.png";
}

void TestRenderer::pngExportFileNames()
{
    QFETCH(QString, target);
    QFETCH(int, slides);
    QFETCH(QString, first);
    QFETCH(QString, last);
    Deck deck = threeSlides();
    deck.slides.resize(slides);
    const QStringList names = pngFileNames(deck, target);
    QCOMPARE(names.size(), slides);
    QCOMPARE(names.first(), first);
    QCOMPARE(names.last(), last);
}

void TestRenderer::pngExportCancelLeavesNothing()
{
    Deck deck = threeSlides();
    for (int i = 0; i < 9; ++i)
        deck.slides.append(deck.slides[i % 3]);
    QTemporaryDir dir;
    QString error;
    QStringList written;
    int calls = 0;
    const bool ok = exportPngs(m_renderer, deck, dir.path(), 320, &error,
                               [&](int, int) { return ++calls < 4; }, &written);
    QVERIFY(!ok);
    QVERIFY(!error.isEmpty());
    QVERIFY(written.isEmpty());
    QCOMPARE(QDir(dir.path()).entryList(QDir::Files | QDir::Hidden | QDir::NoDotAndDotDot), QStringList());

    // A folder the export created is removed again.
    calls = 0;
    QVERIFY(!exportPngs(m_renderer, deck, dir.filePath(QStringLiteral("new/")), 320, &error,
                        [&](int, int) { return ++calls < 2; }));
    QVERIFY(!QFileInfo::exists(dir.filePath(QStringLiteral("new"))));
}

void TestRenderer::pngExportFailureReportsError()
{
    const Deck deck = threeSlides();
    QTemporaryDir dir;
    // A file where the folder should be: the folder cannot be created.
    const QString blocker = dir.filePath(QStringLiteral("blocker"));
    QFile f(blocker);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.close();
    QString error;
    QVERIFY(!exportPngs(m_renderer, deck, blocker + QStringLiteral("/sub/"), 320, &error));
    QVERIFY2(error.contains(QStringLiteral("blocker")), qPrintable(error));

    Deck empty = deck;
    empty.slides.clear();
    QVERIFY(!exportPngs(m_renderer, empty, dir.path(), 320, &error));
    QVERIFY(error.contains(QStringLiteral("no slides")));
    QVERIFY(!exportPngs(m_renderer, deck, dir.path(), 0, &error));
    QVERIFY(error.contains(QStringLiteral("width")));

    // A folder where the second file should go: the export fails midway,
    // and the first file, already written, is removed again.
    const QString out = dir.filePath(QStringLiteral("out"));
    QVERIFY(QDir().mkpath(out + QStringLiteral("/three-02.png")));
    QVERIFY(!exportPngs(m_renderer, deck, out, 320, &error));
    QVERIFY2(error.contains(QStringLiteral("three-02.png")), qPrintable(error));
    QCOMPARE(QDir(out).entryList(QDir::Files | QDir::Hidden | QDir::NoDotAndDotDot), QStringList());

    // A read-only folder: nothing is written, the error names the file.
    const QString readOnly = dir.filePath(QStringLiteral("ro"));
    QVERIFY(QDir().mkpath(readOnly));
    QFile::setPermissions(readOnly, QFileDevice::ReadOwner | QFileDevice::ExeOwner);
    const bool ok = exportPngs(m_renderer, deck, readOnly, 320, &error);
    QFile::setPermissions(readOnly, QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);
    if (ok)
        QSKIP("running as a user who can write to read-only folders");
    QVERIFY2(error.contains(QStringLiteral("three-0")), qPrintable(error));
    QCOMPARE(QDir(readOnly).entryList(QDir::Files | QDir::Hidden | QDir::NoDotAndDotDot), QStringList());
}

void TestRenderer::pngExportSpeed()
{
    // Not a benchmark, a guard: twenty text-and-shape slides at 1280 px.
    QString elements;
    for (int i = 0; i < 6; ++i) {
        elements += QStringLiteral(R"({"id": "r%1", "type": "shape", "shape": "roundRect", "cornerRadius": 8, "fill": "brand:primary",
            "frame": {"x": %2, "y": 300, "w": 140, "h": 120}, "stroke": {"color": "#000000", "width": 2}},
            {"id": "t%1", "type": "text", "frame": {"x": %2, "y": 120, "w": 140, "h": 160},
             "text": {"paragraphs": [{"runs": [{"text": "Point %1 with a few words that wrap"}], "list": "bullet"}]}},)")
                        .arg(i)
                        .arg(40 + i * 150);
    }
    elements += QStringLiteral(R"({"id": "title", "type": "text", "role": "title", "frame": {"x": 40, "y": 30, "w": 880, "h": 70},
        "text": {"paragraphs": [{"runs": [{"text": "A slide title", "bold": true}]}], "style": {"size": 40}}})");
    Deck deck = loadDeck(deckJson(QStringLiteral(R"("elements": [%1])").arg(elements)));
    QCOMPARE(deck.slides.size(), 1);
    for (int i = 1; i < 20; ++i) {
        Slide s = deck.slides[0];
        s.id = QStringLiteral("s%1").arg(i + 1);
        s.elements.last().text->paragraphs[0].runs[0].text = QStringLiteral("Slide title %1").arg(i + 1);
        deck.slides.append(s);
    }
    QTemporaryDir dir;
    QString error;
    QElapsedTimer timer;
    timer.start();
    QVERIFY2(exportPngs(m_renderer, deck, dir.path(), 1280, &error), qPrintable(error));
    const qint64 ms = timer.elapsed();
    qInfo("20 slides to PNG at 1280 px: %lld ms (%.1f ms per slide)", ms, ms / 20.0);
    QVERIFY2(ms < 20000, "PNG export is far too slow");
}

QTEST_MAIN(TestRenderer)
#include "tst_renderer.moc"
