// SPDX-License-Identifier: GPL-3.0-or-later
#include "components/componentlibrary.h"
#include "format/specjson.h"
#include "model/assetstore.h"
#include "render/deckexport.h"
#include "render/sliderenderer.h"
#include "text/fontresolver.h"
#include "text/textlayout.h"

#include <QBuffer>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QPdfDocument>
#include <QPdfSelection>
#include <QSet>
#include <QTemporaryDir>
#include <QtTest>

#include <cmath>

using namespace slidespec;

namespace {

// Words with "fi", "ffi", "fl", "ti": ligatures would make them unextractable.
const char *const kSlideTexts[] = {"Opening office time", "Middle fluffy retention", "Closing affirmation"};
const QColor kBackgrounds[] = {QColor(0xc0, 0x30, 0x30), QColor(0x30, 0xa0, 0x40), QColor(0x20, 0x40, 0xb0)};

/*! Three slides of \a size: a coloured background, a white box and a title. */
Deck threeSlideDeck(QSizeF size)
{
    Deck deck;
    deck.id = QStringLiteral("pdf");
    deck.title = QStringLiteral("PDF export test");
    deck.size = size;
    deck.brand.colors[QStringLiteral("background")] = Qt::white;
    deck.brand.colors[QStringLiteral("text")] = Qt::black;
    // Lato ligates "ti" and "fi" where ligatures are on.
    deck.brand.fonts[QStringLiteral("body")] = FontRole{QStringLiteral("Lato"), {}, {}};
    for (int i = 0; i < 3; ++i) {
        Slide slide;
        slide.id = QStringLiteral("s%1").arg(i + 1);
        slide.background.color = ColorRef::fromColor(kBackgrounds[i]);
        Element box;
        box.id = QStringLiteral("box%1").arg(i + 1);
        box.kind = ElementKind::Shape;
        box.shape = ShapeKind::Rectangle;
        box.fill = ColorRef::fromColor(Qt::white);
        box.frame = Frame{size.width() / 2, size.height() / 2, size.width() / 4, size.height() / 4, 0};
        slide.elements.append(box);
        Element title;
        title.id = QStringLiteral("title%1").arg(i + 1);
        title.kind = ElementKind::Text;
        title.role = QStringLiteral("title");
        title.frame = Frame{20, 20, size.width() - 40, 60, 0};
        TextBody body;
        body.style.size = 28;
        body.style.color = ColorRef::fromColor(Qt::white);
        Paragraph p;
        TextRun run;
        run.text = QString::fromLatin1(kSlideTexts[i]);
        p.runs.append(run);
        body.paragraphs.append(p);
        title.text = body;
        slide.elements.append(title);
        deck.slides.append(slide);
    }
    return deck;
}

bool near(QColor a, QColor b, int tolerance)
{
    return std::abs(a.red() - b.red()) <= tolerance && std::abs(a.green() - b.green()) <= tolerance
        && std::abs(a.blue() - b.blue()) <= tolerance;
}

QStringList filesIn(const QString &dir)
{
    return QDir(dir).entryList(QDir::Files | QDir::Hidden | QDir::NoDotAndDotDot, QDir::Name);
}

} // namespace

class TestPdfExport : public QObject
{
    Q_OBJECT

public:
    TestPdfExport()
        : m_text(&m_fonts)
        , m_renderer(ComponentLibrary::builtin(), m_text, m_assets)
    {}

private slots:
    void pagesMatchTheDeck_data();
    void pagesMatchTheDeck();
    void unwritableTargetReportsError_data();
    void unwritableTargetReportsError();
    void cancelLeavesNoFile();
    void emptyDeckIsRefused();
    void repeatedImageIsEmbeddedOnce();
    void sampleDecksExport_data();
    void sampleDecksExport();
    void exportSpeed();

private:
    FontResolver m_fonts;
    TextLayoutEngine m_text;
    AssetStore m_assets;
    SlideRenderer m_renderer;
};

void TestPdfExport::pagesMatchTheDeck_data()
{
    QTest::addColumn<QSizeF>("size");
    QTest::newRow("16:9, 960 x 540 pt") << QSizeF(960, 540);
    QTest::newRow("4:3, 720 x 540 pt") << QSizeF(720, 540);
    QTest::newRow("portrait A4, 595 x 842 pt") << QSizeF(595, 842);
}

void TestPdfExport::pagesMatchTheDeck()
{
    QFETCH(QSizeF, size);
    const Deck deck = threeSlideDeck(size);
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString fileName = dir.filePath(QStringLiteral("deck.pdf"));
    QString error;
    QVector<int> progress;
    QVERIFY2(exportPdf(m_renderer, deck, fileName, &error, [&](int done, int total) {
                 progress.append(done);
                 return total == 3;
             }),
             qPrintable(error));
    QCOMPARE(progress, (QVector<int>{1, 2, 3}));
    QCOMPARE(filesIn(dir.path()), QStringList{QStringLiteral("deck.pdf")});

    QPdfDocument pdf;
    QCOMPARE(pdf.load(fileName), QPdfDocument::Error::None);
    QCOMPARE(pdf.pageCount(), deck.slides.size());
    QCOMPARE(pdf.metaData(QPdfDocument::MetaDataField::Title).toString(), deck.title);
    QCOMPARE(pdf.metaData(QPdfDocument::MetaDataField::Creator).toString(), QStringLiteral("Slidespec"));

    RenderOptions exportMode;
    exportMode.fitOverflowingText = true;
    const int width = 480;
    for (int i = 0; i < pdf.pageCount(); ++i) {
        const QSizeF pageSize = pdf.pagePointSize(i);
        QVERIFY2(std::abs(pageSize.width() - size.width()) < 0.01 && std::abs(pageSize.height() - size.height()) < 0.01,
                 qPrintable(QStringLiteral("page %1 is %2 x %3 pt").arg(i + 1).arg(pageSize.width()).arg(pageSize.height())));

        // Vector text: the title can be extracted from the page.
        const QString text = pdf.getAllText(i).text();
        QVERIFY2(text.contains(QString::fromLatin1(kSlideTexts[i])), qPrintable(QStringLiteral("page %1 text: \"%2\"").arg(i + 1).arg(text)));

        // The page drawn back by PDFium looks like the QPainter render.
        const QImage painted = m_renderer.renderSlide(deck, i, width, exportMode);
        const QImage fromPdf = pdf.render(i, painted.size()).convertToFormat(QImage::Format_RGB32);
        QCOMPARE(fromPdf.size(), painted.size());
        const QPointF probes[] = {{0.02, 0.97}, {0.98, 0.97}, {0.98, 0.2}, {0.625, 0.625}, {0.45, 0.6}, {0.8, 0.8}};
        for (const QPointF &pr : probes) {
            const QPoint px(int(pr.x() * painted.width()), int(pr.y() * painted.height()));
            const QColor want = painted.pixelColor(px);
            const QColor got = fromPdf.pixelColor(px);
            QVERIFY2(near(want, got, 16), qPrintable(QStringLiteral("page %1 at %2,%3: QPainter %4, PDF %5")
                                                         .arg(i + 1).arg(px.x()).arg(px.y()).arg(want.name(), got.name())));
        }
        QVERIFY(near(fromPdf.pixelColor(5, painted.height() - 5), kBackgrounds[i], 4));
        QVERIFY(near(fromPdf.pixelColor(int(painted.width() * 0.625), int(painted.height() * 0.625)), Qt::white, 4));
    }
}

void TestPdfExport::unwritableTargetReportsError_data()
{
    QTest::addColumn<QString>("target");
    QTest::newRow("folder that does not exist") << QStringLiteral("missing/folder/deck.pdf");
    QTest::newRow("target is a folder") << QStringLiteral("existing-folder");
    QTest::newRow("below a file") << QStringLiteral("plain-file/deck.pdf");
}

void TestPdfExport::unwritableTargetReportsError()
{
    QFETCH(QString, target);
    QTemporaryDir dir;
    QVERIFY(QDir().mkpath(dir.filePath(QStringLiteral("existing-folder"))));
    QFile plain(dir.filePath(QStringLiteral("plain-file")));
    QVERIFY(plain.open(QIODevice::WriteOnly));
    plain.close();
    const QStringList before = filesIn(dir.path());

    QString error;
    const QString fileName = dir.filePath(target);
    QVERIFY(!exportPdf(m_renderer, threeSlideDeck({960, 540}), fileName, &error));
    QVERIFY2(error.contains(QDir::toNativeSeparators(fileName)), qPrintable(error));
    QCOMPARE(filesIn(dir.path()), before);
    QVERIFY(!QFileInfo(fileName).isFile());
}

void TestPdfExport::cancelLeavesNoFile()
{
    QTemporaryDir dir;
    const QString fileName = dir.filePath(QStringLiteral("deck.pdf"));
    QString error;
    QVERIFY(!exportPdf(m_renderer, threeSlideDeck({960, 540}), fileName, &error, [](int done, int) { return done < 2; }));
    QVERIFY(error.contains(QStringLiteral("cancelled")));
    QCOMPARE(filesIn(dir.path()), QStringList());

    // An older file of the same name survives a cancelled export untouched.
    QFile old(fileName);
    QVERIFY(old.open(QIODevice::WriteOnly));
    old.write("old contents");
    old.close();
    QVERIFY(!exportPdf(m_renderer, threeSlideDeck({960, 540}), fileName, &error, [](int, int) { return false; }));
    QCOMPARE(filesIn(dir.path()), QStringList{QStringLiteral("deck.pdf")});
    QVERIFY(old.open(QIODevice::ReadOnly));
    QCOMPARE(old.readAll(), QByteArray("old contents"));
}

void TestPdfExport::emptyDeckIsRefused()
{
    QTemporaryDir dir;
    Deck deck = threeSlideDeck({960, 540});
    deck.slides.clear();
    QString error;
    QVERIFY(!exportPdf(m_renderer, deck, dir.filePath(QStringLiteral("deck.pdf")), &error));
    QVERIFY(error.contains(QStringLiteral("no slides")));
    QCOMPARE(filesIn(dir.path()), QStringList());
}

void TestPdfExport::repeatedImageIsEmbeddedOnce()
{
    // A noisy 400 × 400 photo-like image (does not compress away).
    QImage photo(400, 400, QImage::Format_RGB32);
    quint32 seed = 12345;
    for (int y = 0; y < photo.height(); ++y) {
        for (int x = 0; x < photo.width(); ++x) {
            seed = seed * 1664525u + 1013904223u;
            photo.setPixel(x, y, seed >> 8);
        }
    }
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    photo.save(&buffer, "PNG");
    Deck deck = threeSlideDeck({960, 540});
    deck.assets[QStringLiteral("photo")] = Asset{{}, QStringLiteral("data:image/png;base64,") + QString::fromLatin1(bytes.toBase64()),
                                                 QStringLiteral("image/png"), {}};
    Element image;
    image.id = QStringLiteral("img");
    image.kind = ElementKind::Image;
    image.src = QStringLiteral("asset:photo");
    image.frame = Frame{40, 100, 300, 300, 0};
    for (Slide &slide : deck.slides)
        slide.elements.append(image);
    Deck one = deck;
    one.slides.resize(1);

    QTemporaryDir dir;
    QString error;
    QVERIFY2(exportPdf(m_renderer, one, dir.filePath(QStringLiteral("one.pdf")), &error), qPrintable(error));
    QVERIFY2(exportPdf(m_renderer, deck, dir.filePath(QStringLiteral("three.pdf")), &error), qPrintable(error));
    const qint64 oneSize = QFileInfo(dir.filePath(QStringLiteral("one.pdf"))).size();
    const qint64 threeSize = QFileInfo(dir.filePath(QStringLiteral("three.pdf"))).size();
    QVERIFY2(oneSize > 400 * 400, "the image is embedded");
    QVERIFY2(threeSize < oneSize * 3 / 2, qPrintable(QStringLiteral("one slide %1 B, three slides %2 B").arg(oneSize).arg(threeSize)));

    QPdfDocument pdf;
    QCOMPARE(pdf.load(dir.filePath(QStringLiteral("three.pdf"))), QPdfDocument::Error::None);
    QCOMPARE(pdf.pageCount(), 3);
    const QImage page = pdf.render(2, QSize(960, 540)).convertToFormat(QImage::Format_RGB32);
    int background = 0;
    for (int y = 110; y < 390; y += 4) {
        for (int x = 50; x < 330; x += 4) {
            if (near(page.pixelColor(x, y), kBackgrounds[2], 2))
                ++background;
        }
    }
    QVERIFY2(background < 50, "the image is drawn on the last page too");
}

void TestPdfExport::sampleDecksExport_data()
{
    QTest::addColumn<QString>("fileName");
    const QDir samples(QStringLiteral(SLIDESPEC_RESOURCES_DIR "/samples"));
    const QStringList decks = samples.entryList({QStringLiteral("*.json")}, QDir::Files, QDir::Name);
    if (decks.isEmpty())
        QSKIP("no sample decks in resources/samples");
    for (const QString &deck : decks)
        QTest::newRow(qPrintable(deck)) << samples.filePath(deck);
}

void TestPdfExport::sampleDecksExport()
{
    QFETCH(QString, fileName);
    const SpecResult<Deck> r = SpecJson::readDeckFile(fileName);
    QVERIFY2(r.ok(), qPrintable(r.errorString()));
    const Deck &deck = *r.value;
    AssetStore assets(QFileInfo(fileName).absolutePath());
    const SlideRenderer renderer(ComponentLibrary::builtin(), m_text, assets);

    QTemporaryDir dir;
    QString error;
    const QString pdfName = dir.filePath(QStringLiteral("sample.pdf"));
    QVERIFY2(exportPdf(renderer, deck, pdfName, &error), qPrintable(error));
    QPdfDocument pdf;
    QCOMPARE(pdf.load(pdfName), QPdfDocument::Error::None);
    QCOMPARE(pdf.pageCount(), deck.slides.size());
    QVERIFY2(pdf.getAllText(0).text().contains(deck.slides[0].title().section(u' ', 0, 0)),
             qPrintable(pdf.getAllText(0).text()));

    QStringList written;
    QVERIFY2(exportPngs(renderer, deck, dir.filePath(QStringLiteral("png/")), 480, &error, {}, &written), qPrintable(error));
    QCOMPARE(written.size(), deck.slides.size());
    for (const QString &png : std::as_const(written)) {
        const QImage image(png);
        QCOMPARE(image.size(), QSize(480, 270));
        // Something is drawn: more than the background colour.
        QSet<QRgb> colours;
        for (int y = 0; y < image.height() && colours.size() < 3; y += 3)
            for (int x = 0; x < image.width() && colours.size() < 3; x += 3)
                colours.insert(image.pixel(x, y));
        QVERIFY2(colours.size() >= 3, qPrintable(png));
    }
}

void TestPdfExport::exportSpeed()
{
    // A guard, not the benchmark: 30 slides with text and shapes.
    const Deck base = threeSlideDeck({960, 540});
    Deck deck = base;
    for (int i = 0; i < 9; ++i)
        deck.slides += base.slides;
    QTemporaryDir dir;
    QString error;
    QElapsedTimer timer;
    timer.start();
    QVERIFY2(exportPdf(m_renderer, deck, dir.filePath(QStringLiteral("speed.pdf")), &error), qPrintable(error));
    const qint64 ms = timer.elapsed();
    qInfo("PDF of %d slides: %lld ms, %lld bytes", int(deck.slides.size()), ms,
          QFileInfo(dir.filePath(QStringLiteral("speed.pdf"))).size());
    QVERIFY2(ms < 20000, "PDF export is far too slow");
}

QTEST_MAIN(TestPdfExport)
#include "tst_pdfexport.moc"
