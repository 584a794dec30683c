// SPDX-License-Identifier: GPL-3.0-or-later
// slidespec-cli end to end: commands, exit codes, refusing to overwrite,
// machine output, and no partial files on failure.
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

namespace {

struct Run
{
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
};

Run cli(const QStringList &args)
{
    QProcess p;
    p.start(QStringLiteral(SLIDESPEC_CLI_PATH), args);
    Run r;
    if (!p.waitForFinished(120000)) {
        p.kill();
        p.waitForFinished();
        r.err = "timed out";
        return r;
    }
    r.exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -2;
    r.out = p.readAllStandardOutput();
    r.err = p.readAllStandardError();
    return r;
}

QString data(const char *name)
{
    return QStringLiteral(SLIDESPEC_TEST_DATA_DIR "/") + QLatin1String(name);
}

QString writeFile(const QTemporaryDir &dir, const QString &name, const QByteArray &content)
{
    const QString path = dir.filePath(name);
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly))
        qFatal("cannot write a test file");
    f.write(content);
    return path;
}

QByteArray readFile(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

} // namespace

class TestCli : public QObject
{
    Q_OBJECT

private slots:
    void usage_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<int>("exitCode");
        QTest::newRow("no-arguments-is-usage-error") << QStringList{} << 2;
        QTest::newRow("help") << QStringList{QStringLiteral("help")} << 0;
        QTest::newRow("help-for-a-command") << QStringList{QStringLiteral("help"), QStringLiteral("export")} << 0;
        QTest::newRow("command-help-option") << QStringList{QStringLiteral("validate"), QStringLiteral("--help")} << 0;
        QTest::newRow("unknown-command") << QStringList{QStringLiteral("frobnicate")} << 2;
        QTest::newRow("missing-argument") << QStringList{QStringLiteral("export"), data("format/minimal-deck.json")} << 2;
        QTest::newRow("unknown-option") << QStringList{QStringLiteral("info"), QStringLiteral("--bogus"), data("format/minimal-deck.json")} << 2;
        QTest::newRow("bad-format-value") << QStringList{QStringLiteral("info"), QStringLiteral("--format"), QStringLiteral("xml"), data("format/minimal-deck.json")} << 2;
        QTest::newRow("slide-out-of-range") << QStringList{QStringLiteral("validate"), QStringLiteral("--slide"), QStringLiteral("9"), data("format/minimal-deck.json")} << 2;
        QTest::newRow("missing-file") << QStringList{QStringLiteral("info"), QStringLiteral("/nonexistent/deck.json")} << 2;
        QTest::newRow("version") << QStringList{QStringLiteral("--version")} << 0;
    }

    void usage()
    {
        QFETCH(QStringList, args);
        QFETCH(int, exitCode);
        const Run r = cli(args);
        QCOMPARE(r.exitCode, exitCode);
        if (exitCode == 2)
            QVERIFY2(!r.err.isEmpty(), "a usage error says what is wrong on stderr");
        else
            QVERIFY(!r.out.isEmpty());
    }

    void infoAsJson()
    {
        const Run r = cli({QStringLiteral("info"), QStringLiteral("--format"), QStringLiteral("json"), data("format/minimal-deck.json")});
        QCOMPARE(r.exitCode, 0);
        const QJsonObject info = QJsonDocument::fromJson(r.out).object();
        QCOMPARE(info.value(QLatin1String("id")).toString(), QStringLiteral("d1"));
        QCOMPARE(info.value(QLatin1String("slides")).toArray().size(), 1);
        QCOMPARE(info.value(QLatin1String("width")).toDouble(), 960.0);
    }

    void syntaxErrorsSayWhere()
    {
        QTemporaryDir dir;
        const QString deck = writeFile(dir, QStringLiteral("broken.json"), "{\n  \"format\": \"slidespec\",\n  \"id\" \"x\"\n}\n");
        const Run text = cli({QStringLiteral("validate"), deck});
        QCOMPARE(text.exitCode, 2);
        QVERIFY2(text.err.contains("broken.json:3:"), text.err.constData());

        const Run json = cli({QStringLiteral("validate"), QStringLiteral("--format"), QStringLiteral("json"), deck});
        QCOMPARE(json.exitCode, 2);
        const QJsonArray errors = QJsonDocument::fromJson(json.out).object().value(QLatin1String("errors")).toArray();
        QCOMPARE(errors.size(), 1);
        QCOMPARE(errors.first().toObject().value(QLatin1String("line")).toInt(), 3);
    }

    void schemaErrorsSayThePath()
    {
        QTemporaryDir dir;
        QByteArray deck = readFile(data("format/minimal-deck.json"));
        deck.replace("\"w\": 400", "\"w\": \"wide\"");
        const Run r = cli({QStringLiteral("info"), writeFile(dir, QStringLiteral("d.json"), deck)});
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains("$.slides[0].elements[0].frame.w"), r.err.constData());
    }

    void validateCleanDeckExitsZero()
    {
        const Run r = cli({QStringLiteral("validate"), data("format/minimal-deck.json")});
        QVERIFY2(r.exitCode == 0, r.out.constData());
        QVERIFY(r.out.contains("0 errors"));
    }

    void validateReportsErrorsWithExitOne()
    {
        QTemporaryDir dir;
        QByteArray deck = readFile(data("format/minimal-deck.json"));
        // Light grey on white fails contrast; the box is far too small for the text.
        deck.replace("\"color\": \"brand:text\"", "\"color\": \"#dddddd\"");
        deck.replace("\"h\": 60", "\"h\": 4");
        const Run r = cli({QStringLiteral("validate"), QStringLiteral("--format"), QStringLiteral("json"),
                           writeFile(dir, QStringLiteral("bad.json"), deck)});
        QCOMPARE(r.exitCode, 1);
        const QJsonArray issues = QJsonDocument::fromJson(r.out).array();
        QStringList rules;
        for (const QJsonValue &v : issues)
            rules.append(v.toObject().value(QLatin1String("ruleId")).toString());
        QVERIFY2(rules.contains(QLatin1String("contrast")), qPrintable(rules.join(u',')));
        QVERIFY2(rules.contains(QLatin1String("text-overflow")), qPrintable(rules.join(u',')));
    }

    void validateFixWritesAFixedDeck()
    {
        QTemporaryDir dir;
        QByteArray deck = readFile(data("format/minimal-deck.json"));
        deck.replace("\"color\": \"brand:text\"", "\"color\": \"#dddddd\"");
        const QString bad = writeFile(dir, QStringLiteral("bad.json"), deck);
        const QString fixed = dir.filePath(QStringLiteral("fixed.json"));
        const Run r = cli({QStringLiteral("validate"), QStringLiteral("--fix"), fixed, bad});
        QVERIFY2(r.exitCode == 0, QByteArray(r.out + r.err).constData());
        QCOMPARE(cli({QStringLiteral("validate"), fixed}).exitCode, 0);
        QCOMPARE(readFile(bad), deck); // the input is never touched
    }

    void exportsAndRefusesToOverwrite_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QByteArray>("magic");
        QTest::newRow("pptx") << QStringLiteral("out.pptx") << QByteArray("PK\x03\x04");
        QTest::newRow("pdf") << QStringLiteral("out.pdf") << QByteArray("%PDF-");
    }

    void exportsAndRefusesToOverwrite()
    {
        QFETCH(QString, name);
        QFETCH(QByteArray, magic);
        QTemporaryDir dir;
        const QString target = dir.filePath(name);
        const Run first = cli({QStringLiteral("export"), data("format/minimal-deck.json"), target});
        QVERIFY2(first.exitCode == 0, first.err.constData());
        const QByteArray written = readFile(target);
        QVERIFY(written.startsWith(magic));

        const Run again = cli({QStringLiteral("export"), data("format/minimal-deck.json"), target});
        QCOMPARE(again.exitCode, 3);
        QVERIFY(again.err.contains("--overwrite"));
        QCOMPARE(readFile(target), written);

        const Run forced = cli({QStringLiteral("export"), QStringLiteral("--overwrite"), data("format/minimal-deck.json"), target});
        QCOMPARE(forced.exitCode, 0);
    }

    void exportRefusesUnknownExtension()
    {
        QTemporaryDir dir;
        const Run r = cli({QStringLiteral("export"), data("format/minimal-deck.json"), dir.filePath(QStringLiteral("out.key"))});
        QCOMPARE(r.exitCode, 2);
        QVERIFY(QDir(dir.path()).entryList(QDir::Files).isEmpty());
    }

    void exportToUnwritablePlaceLeavesNothing()
    {
        QTemporaryDir dir;
        QVERIFY(QDir(dir.path()).mkdir(QStringLiteral("ro")));
        QFile::setPermissions(dir.filePath(QStringLiteral("ro")), QFile::ReadOwner | QFile::ExeOwner);
        const QString target = dir.filePath(QStringLiteral("ro/out.pptx"));
        const Run r = cli({QStringLiteral("export"), data("format/minimal-deck.json"), target});
        QFile::setPermissions(dir.filePath(QStringLiteral("ro")), QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
        if (r.exitCode == 0 && QFileInfo::exists(target))
            QSKIP("running as root: the read-only folder is writable");
        QCOMPARE(r.exitCode, 3);
        QVERIFY(QDir(dir.filePath(QStringLiteral("ro"))).entryList(QDir::Files | QDir::Hidden).isEmpty());
    }

    void renderWritesOnePngPerSlide()
    {
        QTemporaryDir dir;
        const QString outDir = dir.filePath(QStringLiteral("png"));
        const Run r = cli({QStringLiteral("render"), QStringLiteral("--width"), QStringLiteral("640"),
                           data("format/minimal-deck.json"), outDir});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        const QStringList files = QDir(outDir).entryList({QStringLiteral("*.png")}, QDir::Files);
        QCOMPARE(files, QStringList{QStringLiteral("minimal-deck-01.png")});
        QImage image(QDir(outDir).filePath(files.first()));
        QCOMPARE(image.size(), QSize(640, 360));

        const Run single = cli({QStringLiteral("render"), QStringLiteral("--slide"), QStringLiteral("1"),
                                data("format/minimal-deck.json"), dir.filePath(QStringLiteral("one.png"))});
        QCOMPARE(single.exitCode, 0);
        QCOMPARE(QImage(dir.filePath(QStringLiteral("one.png"))).width(), 1280);

        // One slide of a bigger deck into a folder keeps the slide's number.
        const QString sample = QStringLiteral(SLIDESPEC_RESOURCES_DIR "/samples/quarterly-review.json");
        const QString slideDir = dir.filePath(QStringLiteral("slide3"));
        const Run third = cli({QStringLiteral("render"), QStringLiteral("--slide"), QStringLiteral("3"),
                               QStringLiteral("--width"), QStringLiteral("320"), sample, slideDir});
        QVERIFY2(third.exitCode == 0, third.err.constData());
        QCOMPARE(QDir(slideDir).entryList(QDir::Files), QStringList{QStringLiteral("quarterly-review-03.png")});
    }

    void brokenImageStillExports()
    {
        QTemporaryDir dir;
        QByteArray deck = readFile(data("format/minimal-deck.json"));
        deck.replace("\"id\": \"t1\",", "\"id\": \"t1\",\n          \"zz\": 1,");
        // Add an image whose bytes are not an image.
        deck.replace("\"slides\": [", "\"assets\": {\"bad\": {\"data\": \"data:image/png;base64,bm90IGFuIGltYWdl\"}},\n  \"slides\": [");
        deck.replace("      \"id\": \"s1\"",
                     "      \"id\": \"s1\", \"background\": {\"image\": \"asset:bad\"}");
        const QString path = writeFile(dir, QStringLiteral("img.json"), deck);
        const Run v = cli({QStringLiteral("validate"), QStringLiteral("--format"), QStringLiteral("json"), path});
        QVERIFY2(v.exitCode == 0 || v.exitCode == 1, v.err.constData());
        const Run e = cli({QStringLiteral("export"), path, dir.filePath(QStringLiteral("img.pptx"))});
        QVERIFY2(e.exitCode == 0, e.err.constData());
        const Run p = cli({QStringLiteral("export"), path, dir.filePath(QStringLiteral("img.pdf"))});
        QVERIFY2(p.exitCode == 0, p.err.constData());
    }

    void schemaIsJson()
    {
        const Run r = cli({QStringLiteral("schema")});
        QCOMPARE(r.exitCode, 0);
        QJsonParseError error;
        const QJsonDocument schema = QJsonDocument::fromJson(r.out, &error);
        QCOMPARE(error.error, QJsonParseError::NoError);
        QVERIFY(schema.object().contains(QLatin1String("$schema")));
    }
};

QTEST_GUILESS_MAIN(TestCli)
#include "tst_cli.moc"
