// SPDX-License-Identifier: GPL-3.0-or-later
// From upload to stored asset: checked, SVG sanitised, content-addressed and
// deduplicated in a real file store.
#include "storage/assetingest.h"
#include "storage/filestorage.h"
#include "tst_image_support.h"

#include <QBuffer>
#include <QCryptographicHash>
#include <QImage>
#include <QTemporaryDir>
#include <QTest>

using namespace slidespec::server;

namespace {

QByteArray png()
{
    return imagetest::solidPng(Qt::blue, 4, 4, QImage::Format_RGB32);
}

} // namespace

class TestStorageIngest : public QObject
{
    Q_OBJECT

private slots:
    void pngIsKeyedByItsHash();
    void svgIsStoredSanitised();
    void refusalsCarryACode_data();
    void refusalsCarryACode();
    void storingTwiceWritesOnce();
};

void TestStorageIngest::pngIsKeyedByItsHash()
{
    const QByteArray bytes = png();
    const PreparedAssetResult result = prepareAsset(bytes, QStringLiteral("image/png"));
    QVERIFY2(result.ok(), qPrintable(result.error));
    QCOMPARE(result.asset.type, AssetType::Png);
    QCOMPARE(result.asset.mime, QStringLiteral("image/png"));
    QCOMPARE(result.asset.bytes, bytes);
    const QByteArray hash = QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex();
    QCOMPARE(result.asset.sha256, hash);
    QCOMPARE(result.asset.key, QStringLiteral("sha256/") + QString::fromLatin1(hash));
}

void TestStorageIngest::svgIsStoredSanitised()
{
    const QByteArray upload = "<svg xmlns=\"http://www.w3.org/2000/svg\" onload=\"alert(1)\"><script>alert(2)</script>"
                              "<rect width=\"1\" height=\"1\"/></svg>";
    const PreparedAssetResult result = prepareAsset(upload, QStringLiteral("image/svg+xml"));
    QVERIFY2(result.ok(), qPrintable(result.error));
    QCOMPARE(result.asset.type, AssetType::Svg);
    QVERIFY(!result.asset.bytes.contains("alert"));
    QVERIFY(result.asset.bytes.contains("<rect"));
    QCOMPARE(result.asset.svgRemovals.size(), 2);
    // The key is the hash of what is stored, not of the upload.
    QCOMPARE(result.asset.sha256, QCryptographicHash::hash(result.asset.bytes, QCryptographicHash::Sha256).toHex());
}

void TestStorageIngest::refusalsCarryACode_data()
{
    QTest::addColumn<QByteArray>("upload");
    QTest::addColumn<QString>("declared");
    QTest::addColumn<QString>("code");
    QTest::newRow("PNG declared as SVG") << png() << QStringLiteral("image/svg+xml") << QStringLiteral("asset.type_mismatch");
    QTest::newRow("PDF") << QByteArray("%PDF-1.4\n") << QString() << QStringLiteral("asset.unsupported_type");
    QTest::newRow("SVG over 2 MiB") << QByteArray("<svg>") + QByteArray(3 * 1024 * 1024, ' ') + QByteArray("</svg>")
                                    << QStringLiteral("image/svg+xml") << QStringLiteral("asset.too_large");
    QTest::newRow("SVG with an XXE DOCTYPE")
        << QByteArray("<!DOCTYPE svg [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><svg>&x;</svg>")
        << QStringLiteral("image/svg+xml") << QStringLiteral("asset.svg_invalid");
    QTest::newRow("malformed SVG") << QByteArray("<svg><g></svg>") << QString() << QStringLiteral("asset.svg_invalid");
}

void TestStorageIngest::refusalsCarryACode()
{
    QFETCH(QByteArray, upload);
    QFETCH(QString, declared);
    QFETCH(QString, code);
    const PreparedAssetResult result = prepareAsset(upload, declared);
    QVERIFY(!result.ok());
    QCOMPARE(result.code, code);
    QVERIFY(!result.error.isEmpty());
}

void TestStorageIngest::storingTwiceWritesOnce()
{
    QTemporaryDir dir;
    auto storage = FileStorage::open(dir.path());
    QVERIFY(storage.ok());
    const PreparedAssetResult prepared = prepareAsset(png(), QString());
    QVERIFY(prepared.ok());
    auto first = storeAsset(*storage.value(), prepared.asset);
    QVERIFY2(first.ok(), qPrintable(first.error().message));
    QVERIFY(first.value());
    const QDateTime written = QFileInfo(storage.value()->pathForKey(prepared.asset.key)).lastModified();
    QTest::qWait(20);
    auto second = storeAsset(*storage.value(), prepared.asset);
    QVERIFY(second.ok());
    QVERIFY(!second.value());
    QCOMPARE(QFileInfo(storage.value()->pathForKey(prepared.asset.key)).lastModified(), written);
    auto got = storage.value()->get(prepared.asset.key);
    QVERIFY(got.ok());
    QCOMPARE(got.value().data, prepared.asset.bytes);
    QCOMPARE(got.value().contentType, QStringLiteral("image/png"));
}

QTEST_GUILESS_MAIN(TestStorageIngest)
#include "tst_storageingest.moc"
