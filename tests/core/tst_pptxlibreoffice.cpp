// SPDX-License-Identifier: GPL-3.0-or-later
// The real-client check of the PPTX writer: every sample deck and every
// golden deck of tests/data/pptx is exported, converted to PDF by
// LibreOffice, and the PDF must have one page per shown slide and contain
// the text of every run, and each page must look like our renderer's
// picture of the slide. Needs soffice and poppler-utils (pdfinfo, pdftotext,
// pdftoppm); without them the test skips, or fails when the CI environment
// variable is set. SLIDESPEC_KEEP_TEST_OUTPUT=1 keeps the PPTX, PDF and PNG
// files (the path is printed) for a look by eye.

#include "components/componentlibrary.h"
#include "format/specjson.h"
#include "model/assetstore.h"
#include "pptx/pptxwriter.h"
#include "render/sliderenderer.h"
#include "text/fontresolver.h"
#include "text/textlayout.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QGuiApplication>
#include <QImage>
#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QUrl>

using namespace slidespec;

namespace {

constexpr int kConvertTimeoutMs = 120000;
/*! Width of the images compared between LibreOffice and our renderer. */
constexpr int kCompareWidth = 96;
/*! Differences (mean of |ΔR|, |ΔG|, |ΔB|, 0–255) allowed between a page
 *  LibreOffice renders and our renderer's picture of the slide. Fonts are
 *  rasterised differently (measured: mean ≤ 5, worst block ≤ 23 on the
 *  samples), but a lost image, a wrong fill or a misplaced shape goes well
 *  past these. */
constexpr double kMaxMeanDifference = 8.0;
constexpr double kMaxBlockDifference = 45.0;

int channelDifference(QRgb p, QRgb q)
{
    return std::abs(qRed(p) - qRed(q)) + std::abs(qGreen(p) - qGreen(q)) + std::abs(qBlue(p) - qBlue(q));
}

/*! The largest pixel difference after scaling \a b to \a a's size. */
double worstBlockDifference(const QImage &a, const QImage &b)
{
    const QImage y = b.scaled(a.size(), Qt::IgnoreAspectRatio, Qt::SmoothTransformation);
    double worst = 0;
    for (int row = 0; row < a.height(); ++row) {
        for (int col = 0; col < a.width(); ++col)
            worst = std::max(worst, channelDifference(a.pixel(col, row), y.pixel(col, row)) / 3.0);
    }
    return worst;
}

double meanDifference(const QImage &a, const QImage &b)
{
    const QImage x = a.convertToFormat(QImage::Format_RGB32);
    const QImage y = b.convertToFormat(QImage::Format_RGB32).scaled(x.size(), Qt::IgnoreAspectRatio, Qt::SmoothTransformation);
    double sum = 0;
    for (int row = 0; row < x.height(); ++row) {
        const QRgb *p = reinterpret_cast<const QRgb *>(x.constScanLine(row));
        const QRgb *q = reinterpret_cast<const QRgb *>(y.constScanLine(row));
        for (int col = 0; col < x.width(); ++col)
            sum += channelDifference(p[col], q[col]) / 3.0;
    }
    return sum / (double(x.width()) * x.height());
}

struct Tools
{
    QString soffice;
    QString pdfinfo;
    QString pdftotext;
    QString pdftoppm;
    bool ok() const { return !soffice.isEmpty() && !pdfinfo.isEmpty() && !pdftotext.isEmpty() && !pdftoppm.isEmpty(); }
};

Tools findTools()
{
    Tools t;
    t.soffice = QStandardPaths::findExecutable(QStringLiteral("soffice"));
    if (t.soffice.isEmpty())
        t.soffice = QStandardPaths::findExecutable(QStringLiteral("libreoffice"));
    t.pdfinfo = QStandardPaths::findExecutable(QStringLiteral("pdfinfo"));
    t.pdftotext = QStandardPaths::findExecutable(QStringLiteral("pdftotext"));
    t.pdftoppm = QStandardPaths::findExecutable(QStringLiteral("pdftoppm"));
    return t;
}

/*! Text compared without whitespace, ligatures or soft hyphens, so line
 *  breaking and typography in the PDF do not matter. */
QString comparable(const QString &text)
{
    QString s = text.normalized(QString::NormalizationForm_KC);
    QString out;
    out.reserve(s.size());
    for (const QChar c : s) {
        if (c.isSpace() || c == QChar(0x00AD) || c == QChar(0x200B))
            continue;
        out += c;
    }
    return out;
}

/*! Every run's text under \a e, with components expanded as the writer does. */
void collectRuns(const Element &e, QStringList &out, int depth = 0)
{
    if (depth > 16)
        return;
    if (e.text && !(e.kind == ElementKind::Shape && e.shape == ShapeKind::Line)) {
        for (const Paragraph &p : e.text->paragraphs) {
            for (const TextRun &r : p.runs) {
                if (!r.text.trimmed().isEmpty())
                    out.append(r.text);
            }
        }
    }
    for (const Element &c : e.children)
        collectRuns(c, out, depth + 1);
    if (e.kind == ElementKind::Component) {
        for (const Element &part : ComponentLibrary::builtin().expand(e))
            collectRuns(part, out, depth + 1);
    }
}

QStringList deckFiles()
{
    QStringList files;
    const QDir samples(QStringLiteral(SLIDESPEC_RESOURCES_DIR "/samples"));
    for (const QString &name : samples.entryList({QStringLiteral("*.json")}, QDir::Files, QDir::Name))
        files.append(samples.filePath(name));
    const QDir golden(QStringLiteral(SLIDESPEC_TEST_DATA_DIR "/pptx"));
    for (const QString &name : golden.entryList(QDir::Dirs | QDir::NoDotAndDotDot, QDir::Name)) {
        const QString file = golden.filePath(name + QStringLiteral("/deck.json"));
        if (QFileInfo::exists(file))
            files.append(file);
    }
    return files;
}

} // namespace

class TestPptxLibreOffice : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void convertsToPdf_data();
    void convertsToPdf();
    void firstSlideRendersToPng();
    void featuresSurviveImport_data();
    void featuresSurviveImport();

private:
    bool requireTools();
    /*! Runs soffice --convert-to \a format; returns the output file or empty. */
    QString convert(const QString &pptx, const QString &format, const QString &outDir);
    QString exportDeck(const QString &deckFile, const QString &outDir, Deck *deckOut);

    Tools m_tools;
    QTemporaryDir m_work;
    FontResolver m_fonts;
    std::unique_ptr<TextLayoutEngine> m_engine;
};

void TestPptxLibreOffice::initTestCase()
{
    m_tools = findTools();
    m_engine = std::make_unique<TextLayoutEngine>(&m_fonts);
    QVERIFY(m_work.isValid());
    if (qEnvironmentVariableIsSet("SLIDESPEC_KEEP_TEST_OUTPUT")) {
        m_work.setAutoRemove(false);
        qInfo("Output kept in %s", qPrintable(m_work.path()));
    }
}

bool TestPptxLibreOffice::requireTools()
{
    if (m_tools.ok())
        return true;
    const QString msg = QStringLiteral("LibreOffice (soffice) and poppler-utils (pdfinfo, pdftotext, pdftoppm) are needed");
    if (qEnvironmentVariableIsSet("CI"))
        QTest::qFail(qPrintable(msg), __FILE__, __LINE__);
    else
        QTest::qSkip(qPrintable(msg), __FILE__, __LINE__);
    return false;
}

QString TestPptxLibreOffice::convert(const QString &pptx, const QString &format, const QString &outDir)
{
    // A private profile: no interference with a user's LibreOffice or other test runs.
    const QString profile = QUrl::fromLocalFile(m_work.filePath(QStringLiteral("lo-profile"))).toString();
    QProcess process;
    process.setProcessChannelMode(QProcess::MergedChannels);
    process.start(m_tools.soffice, {QStringLiteral("--headless"), QStringLiteral("--norestore"),
                                    QStringLiteral("-env:UserInstallation=") + profile,
                                    QStringLiteral("--convert-to"), format, QStringLiteral("--outdir"), outDir, pptx});
    if (!process.waitForStarted(10000)) {
        qWarning("soffice did not start: %s", qPrintable(process.errorString()));
        return {};
    }
    if (!process.waitForFinished(kConvertTimeoutMs)) {
        process.kill();
        process.waitForFinished(5000);
        qWarning("soffice timed out converting %s", qPrintable(pptx));
        return {};
    }
    const QString output = QDir(outDir).filePath(QFileInfo(pptx).completeBaseName() + u'.' + format.section(u':', 0, 0));
    if (process.exitStatus() != QProcess::NormalExit || process.exitCode() != 0 || !QFileInfo::exists(output)) {
        qWarning("soffice failed (exit %d): %s", process.exitCode(), process.readAll().constData());
        return {};
    }
    return output;
}

QString TestPptxLibreOffice::exportDeck(const QString &deckFile, const QString &outDir, Deck *deckOut)
{
    const SpecResult<Deck> loaded = SpecJson::readDeckFile(deckFile);
    if (!loaded.ok()) {
        qWarning("%s", qPrintable(loaded.errorString()));
        return {};
    }
    *deckOut = *loaded.value;
    AssetStore assets(QFileInfo(deckFile).absolutePath());
    PptxWriter writer(ComponentLibrary::builtin(), *m_engine, assets);
    const QString pptx = QDir(outDir).filePath(QStringLiteral("deck.pptx"));
    QString error;
    QStringList warnings;
    QElapsedTimer timer;
    timer.start();
    if (!writer.writeFile(*deckOut, pptx, &error, {}, &warnings)) {
        qWarning("export failed: %s", qPrintable(error));
        return {};
    }
    qInfo("exported %lld slides in %lld ms, %lld bytes", qlonglong(deckOut->slides.size()), timer.elapsed(),
          QFileInfo(pptx).size());
    for (const QString &w : warnings)
        qInfo("export warning: %s", qPrintable(w));
    return pptx;
}

void TestPptxLibreOffice::convertsToPdf_data()
{
    QTest::addColumn<QString>("deckFile");
    for (const QString &file : deckFiles()) {
        const QString label = QFileInfo(file).fileName() == QLatin1String("deck.json")
            ? QFileInfo(file).dir().dirName()
            : QFileInfo(file).completeBaseName();
        QTest::newRow(qPrintable(label)) << file;
    }
}

void TestPptxLibreOffice::convertsToPdf()
{
    QFETCH(QString, deckFile);
    if (!requireTools())
        return;
    const QString outDir = m_work.filePath(QFileInfo(deckFile).dir().dirName() + u'-' + QFileInfo(deckFile).completeBaseName());
    QVERIFY(QDir().mkpath(outDir));
    Deck deck;
    const QString pptx = exportDeck(deckFile, outDir, &deck);
    QVERIFY2(!pptx.isEmpty(), qPrintable(deckFile));

    const QString pdf = convert(pptx, QStringLiteral("pdf"), outDir);
    QVERIFY2(!pdf.isEmpty(), "LibreOffice could not convert the exported PPTX to PDF");

    // One page per shown slide (LibreOffice leaves hidden slides out of PDFs).
    QProcess info;
    info.start(m_tools.pdfinfo, {pdf});
    QVERIFY(info.waitForFinished(30000));
    const QString infoText = QString::fromUtf8(info.readAllStandardOutput());
    const QRegularExpressionMatch pages = QRegularExpression(QStringLiteral("^Pages:\\s+(\\d+)"), QRegularExpression::MultilineOption).match(infoText);
    QVERIFY2(pages.hasMatch(), qPrintable(infoText));
    int shown = 0;
    for (const Slide &s : deck.slides)
        shown += s.hidden ? 0 : 1;
    QCOMPARE(pages.captured(1).toInt(), shown);

    // The text of every run of every shown slide is in the PDF.
    // Reading order (-raw) keeps rotated text together; the layout mode
    // keeps columns apart. A run passes when either contains it.
    QString pdfText;
    for (const bool raw : {false, true}) {
        QProcess toText;
        QStringList args{QStringLiteral("-enc"), QStringLiteral("UTF-8"), pdf, QStringLiteral("-")};
        if (raw)
            args.prepend(QStringLiteral("-raw"));
        toText.start(m_tools.pdftotext, args);
        QVERIFY(toText.waitForFinished(30000));
        QCOMPARE(toText.exitCode(), 0);
        pdfText += comparable(QString::fromUtf8(toText.readAllStandardOutput())) + QChar(0x2029);
    }
    QVERIFY(pdfText.size() > 2 || shown == 0);
    QStringList missing;
    int checked = 0;
    for (const Slide &s : deck.slides) {
        if (s.hidden)
            continue;
        QStringList runs;
        for (const Element &e : s.elements)
            collectRuns(e, runs);
        for (const QString &r : runs) {
            ++checked;
            if (!pdfText.contains(comparable(r)))
                missing.append(QStringLiteral("slide %1: \"%2\"").arg(s.id, r));
        }
    }
    QVERIFY2(missing.isEmpty(), qPrintable(QStringLiteral("text missing from the PDF:\n") + missing.join(u'\n')));
    qInfo("%s: %d pages, %d runs found in the PDF", qPrintable(QFileInfo(deckFile).fileName()), shown, checked);

    // Each page looks like our renderer's picture of the slide.
    const QString prefix = QDir(outDir).filePath(QStringLiteral("page"));
    QProcess toPng;
    toPng.start(m_tools.pdftoppm, {QStringLiteral("-png"), QStringLiteral("-r"), QStringLiteral("24"), pdf, prefix});
    QVERIFY(toPng.waitForFinished(60000));
    QCOMPARE(toPng.exitCode(), 0);
    const QStringList pagePngs = QDir(outDir).entryList({QStringLiteral("page-*.png")}, QDir::Files, QDir::Name);
    QCOMPARE(pagePngs.size(), shown);
    AssetStore assets(QFileInfo(deckFile).absolutePath());
    const SlideRenderer renderer(ComponentLibrary::builtin(), *m_engine, assets);
    RenderOptions options;
    options.fitOverflowingText = true;
    int page = 0;
    QStringList different;
    for (int i = 0; i < deck.slides.size(); ++i) {
        if (deck.slides.at(i).hidden)
            continue;
        const QImage lo(QDir(outDir).filePath(pagePngs.at(page++)));
        QVERIFY(!lo.isNull());
        const QImage full = renderer.renderSlide(deck, i, kCompareWidth * 4, options);
        if (!m_work.autoRemove()) // SLIDESPEC_KEEP_TEST_OUTPUT: keep our picture beside LibreOffice's
            full.save(QDir(outDir).filePath(QStringLiteral("ours-%1.png").arg(i + 1, 2, 10, QLatin1Char('0'))));
        const QImage ours = full.scaled(kCompareWidth, qRound(kCompareWidth * deck.size.height() / deck.size.width()),
                                        Qt::IgnoreAspectRatio, Qt::SmoothTransformation);
        const double mean = meanDifference(ours, lo);
        // 24 px wide: each pixel is a 40 pt block, so a lost or moved shape stands out.
        const QImage coarse = ours.scaled(24, qRound(24 * deck.size.height() / deck.size.width()),
                                          Qt::IgnoreAspectRatio, Qt::SmoothTransformation);
        const double worst = worstBlockDifference(coarse, lo);
        if (mean > kMaxMeanDifference || worst > kMaxBlockDifference)
            different.append(QStringLiteral("slide %1 (%2): mean difference %3, worst 40 pt block %4")
                                 .arg(i + 1).arg(deck.slides.at(i).id).arg(mean, 0, 'f', 1).arg(worst, 0, 'f', 1));
        qInfo("slide %d: difference from LibreOffice: mean %.1f, worst block %.1f", i + 1, mean, worst);
    }
    QVERIFY2(different.isEmpty(), qPrintable(QStringLiteral("LibreOffice shows these slides differently from the renderer:\n")
                                             + different.join(u'\n')));
}

void TestPptxLibreOffice::firstSlideRendersToPng()
{
    if (!requireTools())
        return;
    const QStringList files = deckFiles();
    QVERIFY(!files.isEmpty());
    const QString outDir = m_work.filePath(QStringLiteral("png"));
    QVERIFY(QDir().mkpath(outDir));
    Deck deck;
    const QString pptx = exportDeck(files.last(), outDir, &deck);
    QVERIFY(!pptx.isEmpty());
    const QString png = convert(pptx, QStringLiteral("png"), outDir);
    QVERIFY2(!png.isEmpty(), "LibreOffice could not render the exported PPTX to PNG");
    const QImage image(png);
    QVERIFY(!image.isNull());
    QVERIFY(image.width() > 100 && image.height() > 50);
    // Not blank: more than one colour, and a fair share of pixels differ from the corner.
    const QRgb corner = image.pixel(0, 0);
    int differing = 0, samples = 0;
    for (int y = 0; y < image.height(); y += 4) {
        for (int x = 0; x < image.width(); x += 4) {
            ++samples;
            differing += image.pixel(x, y) != corner ? 1 : 0;
        }
    }
    QVERIFY2(differing > samples / 100, qPrintable(QStringLiteral("%1 of %2 samples differ").arg(differing).arg(samples)));
}

void TestPptxLibreOffice::featuresSurviveImport_data()
{
    QTest::addColumn<QString>("caseName");
    QTest::addColumn<QStringList>("expected"); // substrings of LibreOffice's flat ODP after import
    QTest::newRow("alt text on pictures and placeholders")
        << QStringLiteral("shapes-images-groups")
        << QStringList{QStringLiteral("<svg:desc>A blue gradient photo, cropped</svg:desc>"),
                       QStringLiteral("<svg:desc>Missing picture</svg:desc>")};
    QTest::newRow("hidden slide stays hidden")
        << QStringLiteral("shapes-images-groups") << QStringList{QStringLiteral("presentation:visibility=\"hidden\"")};
    QTest::newRow("element names become shape names")
        << QStringLiteral("shapes-images-groups")
        << QStringList{QStringLiteral("draw:name=\"rounded\""), QStringLiteral("draw:name=\"Badge\"")};
    QTest::newRow("external and slide hyperlinks")
        << QStringLiteral("text-and-lists")
        << QStringList{QStringLiteral("xlink:href=\"https://example.com/report?q=1&amp;x=2\""),
                       QStringLiteral("xlink:href=\"#closing\"")};
    QTest::newRow("overflowing text shrinks on open")
        << QStringLiteral("shapes-images-groups") << QStringList{QStringLiteral("shrink-to-fit=\"true\"")};
    QTest::newRow("speaker notes") << QStringLiteral("text-and-lists")
                                   << QStringList{QStringLiteral("Welcome everyone."), QStringLiteral("Keep it short.")};
}

void TestPptxLibreOffice::featuresSurviveImport()
{
    QFETCH(QString, caseName);
    QFETCH(QStringList, expected);
    if (!requireTools())
        return;
    const QString deckFile = QStringLiteral(SLIDESPEC_TEST_DATA_DIR "/pptx/") + caseName + QStringLiteral("/deck.json");
    const QString outDir = m_work.filePath(QStringLiteral("import-") + caseName);
    QString fodp = outDir + QStringLiteral("/deck.fodp");
    if (!QFileInfo::exists(fodp)) { // converted once per case
        QVERIFY(QDir().mkpath(outDir));
        Deck deck;
        const QString pptx = exportDeck(deckFile, outDir, &deck);
        QVERIFY(!pptx.isEmpty());
        fodp = convert(pptx, QStringLiteral("fodp"), outDir);
        QVERIFY2(!fodp.isEmpty(), "LibreOffice could not import the exported PPTX");
    }
    QFile file(fodp);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QString content = QString::fromUtf8(file.readAll());
    for (const QString &e : expected)
        QVERIFY2(content.contains(e), qPrintable(QStringLiteral("LibreOffice's import lacks ") + e));
}

int main(int argc, char **argv)
{
    QGuiApplication app(argc, argv);
    TestPptxLibreOffice test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_pptxlibreoffice.moc"
