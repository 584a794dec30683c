// SPDX-License-Identifier: GPL-3.0-or-later
// Asset sniffing: real images encoded by Qt, real installed fonts, zips
// written with libzip; declared-type checks and size limits.
#include "storage/assetsniff.h"
#include "tst_image_support.h"

#include <QBuffer>
#include <QFile>
#include <QImage>
#include <QImageWriter>
#include <QTemporaryDir>
#include <QTest>

#include <zip.h>

using namespace slidespec::server;

Q_DECLARE_METATYPE(slidespec::server::AssetType)

namespace {

QByteArray encodeImage(const char *format)
{
    QImage image(16, 12, QImage::Format_ARGB32);
    image.fill(QColor(200, 40, 90));
    return imagetest::encodeImage(image, format);
}

QByteArray readFile(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

/*! A zip with the given entries, written by libzip. */
QByteArray makeZip(const QList<QPair<QByteArray, QByteArray>> &entries)
{
    QTemporaryDir dir;
    const QByteArray path = QFile::encodeName(dir.filePath(QStringLiteral("t.zip")));
    int error = 0;
    zip_t *archive = zip_open(path.constData(), ZIP_CREATE | ZIP_TRUNCATE, &error);
    if (!archive)
        return {};
    // The data must outlive zip_close(), which is when libzip reads it.
    QList<QByteArray> keep;
    for (const auto &[name, data] : entries) {
        keep.append(data);
        zip_source_t *source = zip_source_buffer(archive, keep.last().constData(), zip_uint64_t(keep.last().size()), 0);
        zip_file_add(archive, name.constData(), source, ZIP_FL_OVERWRITE);
    }
    if (zip_close(archive) != 0)
        return {};
    return readFile(dir.filePath(QStringLiteral("t.zip")));
}

QByteArray minimalPptx()
{
    return makeZip({{"[Content_Types].xml", "<?xml version=\"1.0\"?><Types/>"},
                    {"_rels/.rels", "<?xml version=\"1.0\"?><Relationships/>"},
                    {"ppt/presentation.xml", "<?xml version=\"1.0\"?><p:presentation/>"}});
}

QByteArray fontHeader(const char *tag, int size)
{
    QByteArray bytes(size, '\0');
    memcpy(bytes.data(), tag, 4);
    return bytes;
}

} // namespace

class TestAssetSniff : public QObject
{
    Q_OBJECT

private slots:
    void sniffsContent_data();
    void sniffsContent();
    void checksDeclaredType_data();
    void checksDeclaredType();
    void enforcesLimits();
    void refusesZipBombsAndHugeDirectories();
};

void TestAssetSniff::sniffsContent_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<AssetType>("expected");

    QVERIFY2(QImageWriter::supportedImageFormats().contains("webp"),
             "Qt's WebP plugin is missing: install qt6-image-formats-plugins (scripts/setup.sh does).");
    QTest::newRow("PNG encoded by Qt") << encodeImage("PNG") << AssetType::Png;
    QTest::newRow("JPEG encoded by Qt") << encodeImage("JPEG") << AssetType::Jpeg;
    QTest::newRow("WebP encoded by Qt") << encodeImage("WEBP") << AssetType::WebP;
    QTest::newRow("GIF89a header") << QByteArray("GIF89a\x10\x00\x0c\x00\x80\x00\x00", 13) << AssetType::Gif;
    QTest::newRow("GIF87a header") << QByteArray("GIF87a\x10\x00\x0c\x00\x80\x00\x00", 13) << AssetType::Gif;

    const QString dejavu = QStringLiteral("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf");
    const QString inter = QStringLiteral("/usr/share/fonts/opentype/inter/Inter-Regular.otf");
    QVERIFY2(QFile::exists(dejavu), "DejaVuSans.ttf is missing: install fonts-dejavu-core (scripts/setup.sh does).");
    QVERIFY2(QFile::exists(inter), "Inter-Regular.otf is missing: install fonts-inter (scripts/setup.sh does).");
    QTest::newRow("TrueType font (DejaVu Sans, installed)") << readFile(dejavu) << AssetType::Ttf;
    QTest::newRow("OpenType CFF font (Inter, installed)") << readFile(inter) << AssetType::Otf;
    // No WOFF files are installed: headers as the WOFF and WOFF2 specs lay them out.
    QTest::newRow("WOFF header") << fontHeader("wOFF", 44) << AssetType::Woff;
    QTest::newRow("WOFF2 header") << fontHeader("wOF2", 48) << AssetType::Woff2;
    QTest::newRow("WOFF signature too short for its header") << fontHeader("wOFF", 20) << AssetType::Unknown;

    QTest::newRow("SVG, bare root") << QByteArray("<svg xmlns=\"http://www.w3.org/2000/svg\"/>") << AssetType::Svg;
    QTest::newRow("SVG after XML declaration, comment and DOCTYPE")
        << QByteArray("<?xml version=\"1.0\"?>\n<!-- logo -->\n<!DOCTYPE svg PUBLIC \"-//W3C//DTD SVG 1.1//EN\" "
                      "\"http://www.w3.org/Graphics/SVG/1.1/DTD/svg11.dtd\">\n<svg width=\"1\"></svg>")
        << AssetType::Svg;
    QTest::newRow("SVG with BOM and leading whitespace") << QByteArray("\xef\xbb\xbf  \n<svg>\n</svg>") << AssetType::Svg;
    QTest::newRow("SVG with an internal DTD subset")
        << QByteArray("<!DOCTYPE svg [<!ENTITY a \"b\">]><svg/>") << AssetType::Svg;
    QTest::newRow("HTML page containing an svg is not SVG")
        << QByteArray("<html><body><svg/></body></html>") << AssetType::Unknown;
    QTest::newRow("<svgx> is not <svg>") << QByteArray("<svgx/>") << AssetType::Unknown;
    QTest::newRow("UTF-16 SVG is refused") << QByteArray("\xff\xfe<\0s\0v\0g\0", 10) << AssetType::Unknown;
    QTest::newRow("text mentioning svg") << QByteArray("this is an svg, honest") << AssetType::Unknown;

    QTest::newRow("PPTX (zip with [Content_Types].xml and ppt/presentation.xml)") << minimalPptx() << AssetType::Pptx;
    QTest::newRow("DOCX-like zip is not PPTX")
        << makeZip({{"[Content_Types].xml", "<Types/>"}, {"word/document.xml", "<w:document/>"}}) << AssetType::Unknown;
    QTest::newRow("zip without content types is not PPTX")
        << makeZip({{"ppt/presentation.xml", "<p:presentation/>"}}) << AssetType::Unknown;
    QTest::newRow("truncated PPTX (central directory cut off)") << minimalPptx().left(60) << AssetType::Unknown;

    QTest::newRow("PDF") << QByteArray("%PDF-1.7\n%\xe2\xe3\xcf\xd3\n") << AssetType::Unknown;
    QTest::newRow("ELF executable") << QByteArray("\x7f" "ELF\x02\x01\x01\0\0\0\0\0", 12) << AssetType::Unknown;
    QTest::newRow("empty file") << QByteArray() << AssetType::Unknown;
    QTest::newRow("GIF/script polyglot sniffs as GIF (magic first)")
        << QByteArray("GIF89a/*<svg onload=alert(1)>*/") << AssetType::Gif;
}

void TestAssetSniff::sniffsContent()
{
    QFETCH(QByteArray, bytes);
    QFETCH(AssetType, expected);
    const AssetSniff sniff = sniffAsset(bytes);
    QCOMPARE(sniff.type, expected);
    if (expected == AssetType::Unknown)
        QVERIFY2(!sniff.reason.isEmpty(), "an unknown type comes with a reason");
    QCOMPARE(sniffAssetType(bytes), expected);
}

void TestAssetSniff::checksDeclaredType_data()
{
    QTest::addColumn<QString>("declared");
    QTest::addColumn<AssetType>("sniffed");
    QTest::addColumn<bool>("accepted");
    QTest::addColumn<QString>("messagePart");
    QTest::newRow("exact match") << QStringLiteral("image/png") << AssetType::Png << true << QString();
    QTest::newRow("match with parameters and case") << QStringLiteral("Image/SVG+XML; charset=utf-8") << AssetType::Svg
                                                    << true << QString();
    QTest::newRow("alias image/jpg") << QStringLiteral("image/jpg") << AssetType::Jpeg << true << QString();
    QTest::newRow("legacy font alias") << QStringLiteral("application/x-font-ttf") << AssetType::Ttf << true << QString();
    QTest::newRow("font/ttf for an OpenType font (both sfnt)") << QStringLiteral("font/ttf") << AssetType::Otf << true
                                                               << QString();
    QTest::newRow("undeclared (empty) takes the sniffed type") << QString() << AssetType::Gif << true << QString();
    QTest::newRow("application/octet-stream takes the sniffed type") << QStringLiteral("application/octet-stream")
                                                                     << AssetType::Woff2 << true << QString();
    QTest::newRow("PNG declared as JPEG") << QStringLiteral("image/jpeg") << AssetType::Png << false
                                          << QStringLiteral("declare it as image/png");
    QTest::newRow("SVG declared as PNG (script smuggling)") << QStringLiteral("image/png") << AssetType::Svg << false
                                                            << QStringLiteral("an SVG image");
    QTest::newRow("PPTX declared as a zip") << QStringLiteral("application/zip") << AssetType::Pptx << false
                                            << QStringLiteral("not accepted");
    QTest::newRow("HTML declared, PNG content") << QStringLiteral("text/html") << AssetType::Png << false
                                                << QStringLiteral("'text/html'");
    QTest::newRow("unknown content whatever the declaration") << QStringLiteral("image/png") << AssetType::Unknown << false
                                                              << QStringLiteral("accepted types");
}

void TestAssetSniff::checksDeclaredType()
{
    QFETCH(QString, declared);
    QFETCH(AssetType, sniffed);
    QFETCH(bool, accepted);
    QFETCH(QString, messagePart);
    const AssetCheck check = checkDeclaredType(declared, sniffed);
    QCOMPARE(check.ok(), accepted);
    if (accepted)
        QCOMPARE(check.type, sniffed);
    else
        QVERIFY2(check.error.contains(messagePart), qPrintable(check.error));
}

void TestAssetSniff::enforcesLimits()
{
    AssetLimits limits;
    limits.maxImageBytes = 100;
    limits.maxSvgBytes = 50;
    limits.maxFontBytes = 1000;
    limits.maxPptxBytes = 100000;
    const QByteArray png = encodeImage("PNG");
    QVERIFY(png.size() > 100);
    AssetCheck check = checkAsset(png, QStringLiteral("image/png"), limits);
    QVERIFY(!check.ok());
    QVERIFY2(check.error.contains(QLatin1String("limit for this type is 100 bytes")), qPrintable(check.error));

    const QByteArray svg = "<svg xmlns=\"http://www.w3.org/2000/svg\"><rect width=\"10\" height=\"10\"/></svg>";
    check = checkAsset(svg, QStringLiteral("image/svg+xml"), limits);
    QVERIFY(!check.ok());
    QVERIFY(check.error.contains(QLatin1String("an SVG image")));

    // Larger than every limit: refused before sniffing.
    check = checkAsset(QByteArray(100001, 'x'), QString(), limits);
    QVERIFY(!check.ok());
    QVERIFY2(check.error.contains(QLatin1String("no asset may exceed 100000 bytes")), qPrintable(check.error));

    check = checkAsset(minimalPptx(), QString(), limits);
    QVERIFY2(check.ok(), qPrintable(check.error));
    QCOMPARE(check.type, AssetType::Pptx);

    check = checkAsset("plain text", QStringLiteral("text/plain"), limits);
    QVERIFY(!check.ok());
    QVERIFY2(check.error.contains(QLatin1String("('plain te')")), qPrintable(check.error));
}

void TestAssetSniff::refusesZipBombsAndHugeDirectories()
{
    // 2 MB of zeros compresses to a few KB.
    const QByteArray bomb = makeZip({{"[Content_Types].xml", "<Types/>"},
                                     {"ppt/presentation.xml", "<p:presentation/>"},
                                     {"ppt/media/zeros.bin", QByteArray(2 * 1024 * 1024, '\0')}});
    QVERIFY(bomb.size() < 100 * 1024);
    AssetLimits limits;
    limits.maxPptxUncompressed = 1024 * 1024;
    AssetSniff sniff = sniffAsset(bomb, limits);
    QCOMPARE(sniff.type, AssetType::Unknown);
    QVERIFY2(sniff.reason.contains(QLatin1String("zip bomb")), qPrintable(sniff.reason));
    QCOMPARE(sniffAsset(bomb).type, AssetType::Pptx); // within the default limit

    QList<QPair<QByteArray, QByteArray>> many = {{"[Content_Types].xml", "<Types/>"},
                                                 {"ppt/presentation.xml", "<p:presentation/>"}};
    for (int i = 0; i < 30; ++i)
        many.append({"ppt/slides/s" + QByteArray::number(i) + ".xml", "<p:sld/>"});
    limits = AssetLimits();
    limits.maxPptxEntries = 20;
    sniff = sniffAsset(makeZip(many), limits);
    QCOMPARE(sniff.type, AssetType::Unknown);
    QVERIFY2(sniff.reason.contains(QLatin1String("32 entries")), qPrintable(sniff.reason));
}

QTEST_GUILESS_MAIN(TestAssetSniff)
#include "tst_assetsniff.moc"
