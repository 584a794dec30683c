// SPDX-License-Identifier: GPL-3.0-or-later
#include "format/specjson.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace slidespec;

namespace {

QByteArray minimalDeck()
{
    QFile file(QStringLiteral(SLIDESPEC_TEST_DATA_DIR "/format/minimal-deck.json"));
    if (!file.open(QIODevice::ReadOnly))
        qFatal("cannot open the minimal deck fixture");
    return file.readAll();
}

const QByteArray kMinimalDeck = minimalDeck();

SpecResult<Deck> load(const QByteArray &data)
{
    return SpecJson::readDeck(data, QStringLiteral("test.json"));
}

} // namespace

class TestSpecJson : public QObject
{
    Q_OBJECT

private slots:
    void minimalDeckLoads()
    {
        const auto r = load(kMinimalDeck);
        QVERIFY2(r.ok(), qPrintable(r.errorString()));
        QCOMPARE(r.value->slides.size(), 1);
        QCOMPARE(r.value->size, QSizeF(960, 540));
        QCOMPARE(r.value->slides[0].title(), QStringLiteral("Hello"));
        const Element &t = r.value->slides[0].elements[0];
        QCOMPARE(t.kind, ElementKind::Text);
        QCOMPARE(t.frame.w, 400.0);
        QVERIFY(t.text->paragraphs[0].runs[0].style.bold.value());
        QCOMPARE(t.text->paragraphs[0].runs[0].style.color->token(), QStringLiteral("text"));
    }

    void canonicalDeckIsByteStable()
    {
        const auto r = load(kMinimalDeck);
        QVERIFY(r.ok());
        QCOMPARE(SpecJson::writeDeck(*r.value), kMinimalDeck);
    }

    void saveOfNonCanonicalInputIsAFixedPoint()
    {
        QByteArray messy = kMinimalDeck;
        messy.replace("\"w\": 400", "\"w\": 400.0");
        messy.replace("\n", " ");
        const auto first = load(messy);
        QVERIFY(first.ok());
        const QByteArray saved = SpecJson::writeDeck(*first.value);
        QCOMPARE(saved, kMinimalDeck);
        const auto second = load(saved);
        QVERIFY(second.ok());
        QVERIFY(*second.value == *first.value);
    }

    void unknownMembersSurviveRoundTrip_data()
    {
        QTest::addColumn<QByteArray>("from");
        QTest::addColumn<QByteArray>("to");
        QTest::addColumn<QByteArray>("key");
        QTest::newRow("deck") << QByteArray("\"format\": \"slidespec\",")
                              << QByteArray("\"format\": \"slidespec\", \"futureDeck\": {\"a\": [1, 2.5, \"x\"]},")
                              << QByteArray("futureDeck");
        QTest::newRow("slide") << QByteArray("\"id\": \"s1\"") << QByteArray("\"id\": \"s1\", \"transition\": \"fade\"")
                               << QByteArray("transition");
        QTest::newRow("element") << QByteArray("\"id\": \"t1\",") << QByteArray("\"id\": \"t1\", \"animation\": {\"kind\": \"fly\"},")
                                 << QByteArray("animation");
        QTest::newRow("run") << QByteArray("\"text\": \"Hello\"") << QByteArray("\"text\": \"Hello\", \"kerning\": 1.5")
                             << QByteArray("kerning");
        QTest::newRow("brand") << QByteArray("\"colors\": {") << QByteArray("\"motion\": \"calm\", \"colors\": {")
                               << QByteArray("motion");
        QTest::newRow("font-role") << QByteArray("\"family\": \"Inter\"") << QByteArray("\"family\": \"Inter\", \"weight\": 600")
                                   << QByteArray("weight");
    }

    void unknownMembersSurviveRoundTrip()
    {
        QFETCH(QByteArray, from);
        QFETCH(QByteArray, to);
        QFETCH(QByteArray, key);
        QByteArray data = kMinimalDeck;
        QVERIFY(data.contains(from));
        data.replace(data.indexOf(from), from.size(), to);
        const auto r = load(data);
        QVERIFY2(r.ok(), qPrintable(r.errorString()));
        const QByteArray saved = SpecJson::writeDeck(*r.value);
        // The unknown member is written back, and a second round trip is stable.
        QVERIFY2(saved.contains(QByteArray('"' + key + '"')), saved.constData());
        const auto again = load(saved);
        QVERIFY(again.ok());
        QCOMPARE(SpecJson::writeDeck(*again.value), saved);
    }

    void syntaxErrorsHaveLineAndColumn_data()
    {
        QTest::addColumn<QByteArray>("data");
        QTest::addColumn<int>("line");
        QTest::addColumn<int>("column");
        QTest::newRow("missing-comma") << QByteArray("{\n  \"a\": 1\n  \"b\": 2\n}") << 3 << 5;
        QTest::newRow("trailing-comma") << QByteArray("{\n  \"a\": [1, 2,]\n}") << 2 << 14;
        QTest::newRow("unterminated-string") << QByteArray("{\n\"id\": \"abc") << 2 << 11;
        QTest::newRow("garbage-after-document") << QByteArray("{}\n}") << 2 << 1;
        QTest::newRow("invalid-utf8") << QByteArray("{\"id\": \"a\xff\"}") << 1 << 10;
        QTest::newRow("nan-literal") << QByteArray("{\"w\": NaN}") << 1 << 7;
        QTest::newRow("empty") << QByteArray("") << 1 << 1;
    }

    void syntaxErrorsHaveLineAndColumn()
    {
        QFETCH(QByteArray, data);
        QFETCH(int, line);
        QFETCH(int, column);
        const auto r = load(data);
        QVERIFY(!r.ok());
        QCOMPARE(r.errors.size(), 1);
        const SpecError &e = r.errors.first();
        QCOMPARE(e.file, QStringLiteral("test.json"));
        QCOMPARE(e.line, line);
        QCOMPARE(e.column, column);
        QVERIFY(e.message.startsWith(QLatin1String("invalid JSON")));
        QVERIFY(e.toString().startsWith(QStringLiteral("test.json:%1:%2: ").arg(line).arg(column)));
    }

    void schemaErrorsHavePaths_data()
    {
        QTest::addColumn<QByteArray>("from");
        QTest::addColumn<QByteArray>("to");
        QTest::addColumn<QString>("path");
        QTest::addColumn<QString>("expected");
        QTest::newRow("wrong-type") << QByteArray("\"w\": 400") << QByteArray("\"w\": \"400\"")
                                    << "$.slides[0].elements[0].frame.w" << "expected a number, found a string";
        QTest::newRow("negative-size") << QByteArray("\"w\": 400") << QByteArray("\"w\": -5")
                                       << "$.slides[0].elements[0].frame.w" << "expected a number from 0";
        QTest::newRow("huge-coordinate") << QByteArray("\"x\": 40") << QByteArray("\"x\": 1e300")
                                         << "$.slides[0].elements[0].frame.x" << "expected a number from";
        QTest::newRow("overflowing-number") << QByteArray("\"x\": 40") << QByteArray("\"x\": 1e999")
                                            << "" << "";
        QTest::newRow("missing-id") << QByteArray("\"id\": \"t1\",") << QByteArray()
                                    << "$.slides[0].elements[0].id" << "is required but missing";
        QTest::newRow("bad-enum") << QByteArray("\"type\": \"text\"") << QByteArray("\"type\": \"video\"")
                                  << "$.slides[0].elements[0].type" << "expected one of \"text\"";
        QTest::newRow("bad-colour") << QByteArray("\"color\": \"brand:text\"") << QByteArray("\"color\": \"red\"")
                                    << "$.slides[0].elements[0].text.paragraphs[0].runs[0].color" << "expected a colour";
        QTest::newRow("bad-kit-colour") << QByteArray("\"text\": \"#1a1a1a\"") << QByteArray("\"text\": \"#12\"")
                                        << "$.brand.colors.text" << "expected a colour";
        QTest::newRow("slides-not-array") << QByteArray("\"slides\": [") << QByteArray("\"slides\": {\"x\": [")
                                          << "" << "";
        QTest::newRow("wrong-format") << QByteArray("\"format\": \"slidespec\"") << QByteArray("\"format\": \"pptx\"")
                                      << "$.format" << "expected \"slidespec\"";
        QTest::newRow("bool-as-string") << QByteArray("\"bold\": true") << QByteArray("\"bold\": \"yes\"")
                                        << "$.slides[0].elements[0].text.paragraphs[0].runs[0].bold" << "expected true or false";
        QTest::newRow("level-out-of-range") << QByteArray("\"runs\": [") << QByteArray("\"level\": 12, \"runs\": [")
                                            << "$.slides[0].elements[0].text.paragraphs[0].level" << "from 0 to 8";
    }

    void schemaErrorsHavePaths()
    {
        QFETCH(QByteArray, from);
        QFETCH(QByteArray, to);
        QFETCH(QString, path);
        QFETCH(QString, expected);
        QByteArray data = kMinimalDeck;
        QVERIFY(data.contains(from));
        data.replace(data.indexOf(from), from.size(), to);
        const auto r = load(data);
        QVERIFY(!r.ok());
        QVERIFY(!r.errors.isEmpty());
        if (path.isEmpty())
            return; // only that it fails cleanly (the input is not even valid JSON)
        bool found = false;
        for (const SpecError &e : r.errors)
            found = found || (e.path == path && e.message.contains(expected));
        QVERIFY2(found, qPrintable(r.errorString()));
    }

    void numberOverflowIsLocated()
    {
        const auto r = load("{\n  \"w\": 1e999\n}");
        QVERIFY(!r.ok());
        QCOMPARE(r.errors.first().line, 2);
        QCOMPARE(r.errors.first().column, 8);
        QVERIFY(r.errors.first().message.contains(QLatin1String("too large")));
    }

    void manyErrorsAreReportedAtOnce()
    {
        QByteArray data = kMinimalDeck;
        data.replace("\"w\": 400", "\"w\": \"wide\"");
        data.replace("\"bold\": true", "\"bold\": 1");
        const auto r = load(data);
        QCOMPARE(r.errors.size(), 2);
    }

    void duplicateIdsAreRejected()
    {
        QByteArray data = kMinimalDeck;
        const QByteArray element = data.mid(data.indexOf("        {\n          \"frame\""),
                                            data.indexOf("      ],\n      \"id\": \"s1\"") - data.indexOf("        {\n          \"frame\""));
        data.replace("      ],\n      \"id\": \"s1\"", QByteArray("      ,\n" + element + "      ],\n      \"id\": \"s1\""));
        const auto r = load(data);
        QVERIFY(!r.ok());
        QVERIFY2(r.errorString().contains(QLatin1String("is used twice")), qPrintable(r.errorString()));
    }

    void missingAssetReferenceIsAnError()
    {
        QByteArray data = kMinimalDeck;
        data.replace("\"id\": \"t1\",", "\"id\": \"i1\", \"src\": \"asset:nope\", \"alt\": \"x\",");
        data.replace("\"type\": \"text\"", "\"type\": \"image\"");
        const auto r = load(data);
        QVERIFY(!r.ok());
        QVERIFY2(r.errorString().contains(QLatin1String("asset \"nope\"")), qPrintable(r.errorString()));
    }

    void deepNestingIsRefused()
    {
        const QByteArray data = QByteArray(100000, '[') + QByteArray(100000, ']');
        const auto r = load(data);
        QVERIFY(!r.ok());
        QVERIFY(r.errors.first().message.contains(QLatin1String("nesting")));
        QCOMPARE(r.errors.first().line, 1);
        QCOMPARE(r.errors.first().column, 65);
    }

    void hugeFileIsRefusedWithoutReadingIt()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        QFile file(dir.filePath(QStringLiteral("huge.json")));
        QVERIFY(file.open(QIODevice::WriteOnly));
        QVERIFY(file.resize(100LL * 1024 * 1024)); // sparse: costs no disk
        file.close();
        const auto r = SpecJson::readDeckFile(file.fileName());
        QVERIFY(!r.ok());
        QVERIFY2(r.errorString().contains(QLatin1String("100.0 MB")), qPrintable(r.errorString()));
    }

    void missingFileIsAClearError()
    {
        const auto r = SpecJson::readDeckFile(QStringLiteral("/nonexistent/deck.json"));
        QVERIFY(!r.ok());
        QVERIFY(r.errorString().contains(QLatin1String("cannot open")));
    }

    void brandRefLoadsRelativeToTheDeck()
    {
        QTemporaryDir dir;
        QVERIFY(QDir(dir.path()).mkpath(QStringLiteral("kits")));
        QFile kit(dir.filePath(QStringLiteral("kits/acme.json")));
        QVERIFY(kit.open(QIODevice::WriteOnly));
        kit.write("{\"format\": \"slidespec-brand\", \"version\": 1, \"id\": \"acme\", \"colors\": {\"text\": \"#000000\"}, \"fonts\": {}}");
        kit.close();
        QByteArray data = kMinimalDeck;
        const qsizetype start = data.indexOf("\"brand\"");
        const qsizetype end = data.indexOf("\"format\"");
        data.replace(start, end - start, "\"brandRef\": \"kits/acme.json\",\n  ");
        QFile deckFile(dir.filePath(QStringLiteral("deck.json")));
        QVERIFY(deckFile.open(QIODevice::WriteOnly));
        deckFile.write(data);
        deckFile.close();
        const auto r = SpecJson::readDeckFile(deckFile.fileName());
        QVERIFY2(r.ok(), qPrintable(r.errorString()));
        QCOMPARE(r.value->brand.id, QStringLiteral("acme"));
        // Saving keeps the reference instead of embedding the kit.
        const QByteArray saved = SpecJson::writeDeck(*r.value);
        QVERIFY(saved.contains("\"brandRef\": \"kits/acme.json\""));
        QVERIFY(!saved.contains("\"colors\""));

        QVERIFY(kit.remove());
        const auto broken = SpecJson::readDeckFile(deckFile.fileName());
        QVERIFY(!broken.ok());
        QVERIFY(broken.errorString().contains(QLatin1String("$.brandRef")));
    }

    void newerVersionLoadsWithAWarning()
    {
        QByteArray data = kMinimalDeck;
        data.replace("\"version\": 1", "\"version\": 3");
        const auto r = load(data);
        QVERIFY(r.ok());
        QCOMPARE(r.warnings.size(), 1);
        QVERIFY(SpecJson::writeDeck(*r.value).contains("\"version\": 3"));
    }

    void pointsConvertToEmuExactly_data()
    {
        QTest::addColumn<double>("points");
        QTest::addColumn<qint64>("emu");
        QTest::newRow("slide-width") << 960.0 << qint64(12192000);
        QTest::newRow("slide-height") << 540.0 << qint64(6858000);
        QTest::newRow("one-point") << 1.0 << qint64(12700);
        QTest::newRow("fraction") << 0.5 << qint64(6350);
        QTest::newRow("one-emu") << 1.0 / 12700 << qint64(1);
        QTest::newRow("negative") << -36.0 << qint64(-457200);
    }

    void pointsConvertToEmuExactly()
    {
        QFETCH(double, points);
        QFETCH(qint64, emu);
        QCOMPARE(pointsToEmu(points), emu);
    }

    void colorsParseAndPrint_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<bool>("valid");
        QTest::addColumn<QString>("printed");
        QTest::newRow("token") << "brand:primary" << true << "brand:primary";
        QTest::newRow("hex") << "#1F4E79" << true << "#1f4e79";
        QTest::newRow("hex-alpha") << "#1f4e7980" << true << "#1f4e7980";
        QTest::newRow("opaque-alpha-normalised") << "#1f4e79ff" << true << "#1f4e79";
        QTest::newRow("name-not-allowed") << "red" << false << "";
        QTest::newRow("short-hex") << "#fff" << false << "";
        QTest::newRow("empty-token") << "brand:" << false << "";
        QTest::newRow("token-with-space") << "brand:a b" << false << "";
    }

    void colorsParseAndPrint()
    {
        QFETCH(QString, text);
        QFETCH(bool, valid);
        QFETCH(QString, printed);
        const auto c = ColorRef::parse(text);
        QCOMPARE(c.has_value(), valid);
        if (c)
            QCOMPARE(c->toString(), printed);
    }

    void atomicWriteLeavesOldFileOnFailure()
    {
        QString error;
        QVERIFY(!SpecJson::writeFileAtomically(QStringLiteral("/nonexistent-dir/x.json"), "{}", &error));
        QVERIFY(error.contains(QLatin1String("cannot write")));
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("deck.json"));
        QVERIFY(SpecJson::writeFileAtomically(path, "old", &error));
        QVERIFY(SpecJson::writeFileAtomically(path, "new", &error));
        QFile f(path);
        QVERIFY(f.open(QIODevice::ReadOnly));
        QCOMPARE(f.readAll(), QByteArray("new"));
    }
};

QTEST_GUILESS_MAIN(TestSpecJson)
#include "tst_specjson.moc"
