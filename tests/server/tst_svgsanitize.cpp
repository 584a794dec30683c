// SPDX-License-Identifier: GPL-3.0-or-later
// The SVG sanitiser: one row per attack, each proving that the dangerous part
// is gone from the output and reported; documents that must be refused; and a
// normal SVG that survives and still renders (Qt's SVG image plugin).
#include "storage/svgsanitizer.h"

#include <QFile>
#include <QImage>
#include <QImageReader>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QTest>
#include <QXmlStreamReader>

using namespace slidespec::server;

namespace {

QByteArray svg(const QByteArray &body, const QByteArray &rootAttributes = {})
{
    return "<svg xmlns=\"http://www.w3.org/2000/svg\" xmlns:xlink=\"http://www.w3.org/1999/xlink\" width=\"20\" "
           "height=\"10\""
        + rootAttributes + ">" + body + "<rect id=\"keep\" width=\"20\" height=\"10\" fill=\"red\"/></svg>";
}

QByteArray normalSvg()
{
    QFile file(QStringLiteral(SLIDESPEC_TEST_DATA_DIR "/server/normal.svg"));
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

/*! What a sanitised document must not hold, judged on its parsed structure; empty when clean. */
QString structuralLeak(const QByteArray &svgBytes)
{
    QXmlStreamReader xml(svgBytes);
    QString element;
    while (!xml.atEnd()) {
        const auto token = xml.readNext();
        if (token == QXmlStreamReader::StartElement) {
            element = xml.name().toString().toLower();
            if (element == QLatin1String("script") || element == QLatin1String("foreignobject")
                || element.startsWith(QLatin1String("animate")) || element == QLatin1String("set"))
                return QStringLiteral("element <%1>").arg(element);
            for (const QXmlStreamAttribute &attribute : xml.attributes()) {
                const QString name = attribute.name().toString().toLower();
                QString value = attribute.value().toString().toLower();
                value.remove(QRegularExpression(QStringLiteral("[\\s\\x00-\\x1f]")));
                if (name.startsWith(QLatin1String("on")))
                    return QStringLiteral("event handler %1").arg(name);
                if (value.contains(QLatin1String("javascript:")))
                    return QStringLiteral("javascript: in %1").arg(name);
                if (name == QLatin1String("href") && !value.startsWith(u'#') && !value.startsWith(QLatin1String("data:image/")))
                    return QStringLiteral("href %1").arg(value);
            }
        } else if (token == QXmlStreamReader::Characters && element == QLatin1String("style")) {
            if (xml.text().contains(QLatin1String("@import")) || xml.text().contains(QLatin1String("javascript:")))
                return QStringLiteral("unsafe <style>");
        } else if (token == QXmlStreamReader::ProcessingInstruction || token == QXmlStreamReader::DTD) {
            return QStringLiteral("processing instruction or DOCTYPE");
        }
    }
    return xml.hasError() ? QStringLiteral("output is not well-formed: ") + xml.errorString() : QString();
}

} // namespace

class TestSvgSanitize : public QObject
{
    Q_OBJECT

private slots:
    void attacksAreRemoved_data();
    void attacksAreRemoved();
    void dangerousDocumentsAreRefused_data();
    void dangerousDocumentsAreRefused();
    void normalSvgSurvivesAndRenders();
    void outputIsStableWhenSanitisedTwice();
    void mutatedDocumentsNeverCrashOrLeak();
};

void TestSvgSanitize::attacksAreRemoved_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<QStringList>("forbidden"); // must not appear in the output (case-insensitive)
    QTest::addColumn<QString>("reported");      // must appear in a removal description

    QTest::newRow("script element") << svg("<script>alert(1)</script>") << QStringList{"script", "alert"}
                                    << QStringLiteral("element <script>");
    QTest::newRow("script element in CDATA") << svg("<script><![CDATA[alert(document.cookie)]]></script>")
                                             << QStringList{"script", "cookie"} << QStringLiteral("element <script>");
    QTest::newRow("upper-case SCRIPT element") << svg("<SCRIPT>alert(1)</SCRIPT>") << QStringList{"alert"}
                                               << QStringLiteral("element <SCRIPT>");
    QTest::newRow("XHTML-namespace script")
        << svg("<html:script xmlns:html=\"http://www.w3.org/1999/xhtml\">alert(1)</html:script>")
        << QStringList{"alert", "xhtml"} << QStringLiteral("element <html:script>");
    QTest::newRow("foreignObject with an HTML iframe")
        << svg("<foreignObject><iframe xmlns=\"http://www.w3.org/1999/xhtml\" src=\"javascript:alert(1)\"/></foreignObject>")
        << QStringList{"foreignobject", "iframe", "javascript"} << QStringLiteral("element <foreignObject>");
    QTest::newRow("onload on the root") << svg("", " onload=\"alert(1)\"") << QStringList{"onload", "alert"}
                                        << QStringLiteral("event handler onload on <svg>");
    QTest::newRow("mixed-case OnMouseOver on a shape")
        << svg("<circle r=\"1\" OnMouseOver=\"alert(1)\"/>") << QStringList{"mouseover", "alert"}
        << QStringLiteral("event handler OnMouseOver on <circle>");
    QTest::newRow("javascript: href on a link") << svg("<a href=\"javascript:alert(1)\"><text>x</text></a>")
                                                << QStringList{"javascript", "alert"} << QStringLiteral("href on <a>");
    QTest::newRow("javascript: hidden by character references")
        << svg("<a xlink:href=\"&#106;&#97;vascript:alert(1)\"><text>x</text></a>") << QStringList{"vascript", "alert"}
        << QStringLiteral("xlink:href on <a>");
    QTest::newRow("javascript: split by a tab and a newline")
        << svg("<a href=\"java&#x09;scr&#x0A;ipt:alert(1)\"><text>x</text></a>") << QStringList{"alert"}
        << QStringLiteral("href on <a>");
    QTest::newRow("protocol-relative link") << svg("<a href=\"//evil.example/\"><text>x</text></a>")
                                            << QStringList{"evil.example"} << QStringLiteral("href on <a>");
    QTest::newRow("use of an external sprite") << svg("<use href=\"https://evil.example/sprite.svg#icon\"/>")
                                               << QStringList{"evil.example"} << QStringLiteral("href on <use>");
    QTest::newRow("image from an external URL (tracking pixel)")
        << svg("<image href=\"http://evil.example/pixel.png\" width=\"1\" height=\"1\"/>") << QStringList{"evil.example"}
        << QStringLiteral("href on <image>");
    QTest::newRow("image of a nested SVG data URL")
        << svg("<image href=\"data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+\"/>") << QStringList{"svg+xml"}
        << QStringLiteral("href on <image>");
    QTest::newRow("image of a data:text/html URL")
        << svg("<image xlink:href=\"data:text/html,&lt;script&gt;alert(1)&lt;/script&gt;\"/>")
        << QStringList{"text/html", "alert"} << QStringLiteral("xlink:href on <image>");
    QTest::newRow("feImage of an external file")
        << svg("<filter id=\"f\"><feImage href=\"file:///etc/passwd\"/></filter>") << QStringList{"passwd"}
        << QStringLiteral("href on <feImage>");
    QTest::newRow("animate rewriting href to javascript:")
        << svg("<a href=\"#keep\"><animate attributeName=\"href\" values=\"javascript:alert(1)\"/><text>x</text></a>")
        << QStringList{"animate", "javascript"} << QStringLiteral("element <animate>");
    QTest::newRow("set adding an event handler")
        << svg("<set attributeName=\"onmouseover\" to=\"alert(1)\"/>") << QStringList{"onmouseover", "alert"}
        << QStringLiteral("element <set>");
    QTest::newRow("SVG Tiny handler element")
        << svg("<handler xmlns:ev=\"http://www.w3.org/2001/xml-events\" ev:event=\"load\">alert(1)</handler>")
        << QStringList{"handler", "alert"} << QStringLiteral("element <handler>");
    QTest::newRow("iframe, embed and object elements")
        << svg("<iframe src=\"https://evil.example\"/><embed src=\"x.swf\"/><object data=\"x\"/>")
        << QStringList{"iframe", "embed", "object", "evil.example"} << QStringLiteral("element <embed>");
    QTest::newRow("attribute in a foreign namespace")
        << svg("<rect xmlns:ev=\"http://www.w3.org/2001/xml-events\" ev:event=\"click\" width=\"1\" height=\"1\"/>")
        << QStringList{"ev:event", "xml-events"} << QStringLiteral("foreign namespace");
    QTest::newRow("style element with @import") << svg("<style>@import url(https://evil.example/x.css);</style>")
                                                << QStringList{"@import", "evil.example"}
                                                << QStringLiteral("element <style> (@import)");
    QTest::newRow("style element with an external url()")
        << svg("<style>rect { fill: url( 'https://evil.example/leak?x' ) }</style>") << QStringList{"evil.example"}
        << QStringLiteral("element <style> (an external url())");
    QTest::newRow("style element hiding url() behind a CSS escape")
        << svg("<style>rect { background: \\75 rl(https://evil.example/) }</style>") << QStringList{"evil.example"}
        << QStringLiteral("a CSS escape");
    QTest::newRow("style element with javascript:")
        << svg("<style>rect { behavior: url(javascript:alert(1)) }</style>") << QStringList{"javascript", "alert"}
        << QStringLiteral("element <style>");
    QTest::newRow("style attribute with an external url() keeps the safe declarations")
        << svg("<circle r=\"1\" style=\"fill:url(http://evil.example/x);stroke:blue\"/>") << QStringList{"evil.example"}
        << QStringLiteral("style declaration 'fill:url(http://evil.example/x)' on <circle>");
    QTest::newRow("style attribute with expression()")
        << svg("<circle r=\"1\" style=\"width: expression(alert(1))\"/>") << QStringList{"expression", "alert"}
        << QStringLiteral("expression()");
    QTest::newRow("fill pointing at an external paint server")
        << svg("<circle r=\"1\" fill=\"url(https://evil.example/p.svg#g)\"/>") << QStringList{"evil.example"}
        << QStringLiteral("attribute fill on <circle> (external url())");
    QTest::newRow("javascript: in an ordinary attribute") << svg("<rect width=\"1\" height=\"1\" class=\"javascript:x\"/>")
                                                         << QStringList{"javascript"} << QStringLiteral("(javascript:)");
    QTest::newRow("xml:base redirecting relative references")
        << svg("<g xml:base=\"https://evil.example/\"><rect width=\"1\" height=\"1\"/></g>") << QStringList{"evil.example"}
        << QStringLiteral("xml:base");
    QTest::newRow("xml-stylesheet processing instruction")
        << QByteArray("<?xml-stylesheet href=\"https://evil.example/x.css\"?>") + svg("") << QStringList{"evil.example", "stylesheet"}
        << QStringLiteral("processing instruction <?xml-stylesheet?>");
    QTest::newRow("processing instruction inside the document") << svg("<?php system('id'); ?>")
                                                                << QStringList{"php", "system"}
                                                                << QStringLiteral("processing instruction <?php?>");
    QTest::newRow("DOCTYPE without declarations is dropped")
        << QByteArray("<!DOCTYPE svg PUBLIC \"-//W3C//DTD SVG 1.1//EN\" "
                      "\"http://www.w3.org/Graphics/SVG/1.1/DTD/svg11.dtd\">")
            + svg("")
        << QStringList{"doctype", "w3.org/graphics"} << QStringLiteral("DOCTYPE svg");
}

void TestSvgSanitize::attacksAreRemoved()
{
    QFETCH(QByteArray, input);
    QFETCH(QStringList, forbidden);
    QFETCH(QString, reported);
    const SvgSanitizeResult result = sanitizeSvg(input);
    QVERIFY2(result.ok(), qPrintable(result.error));
    const QString output = QString::fromUtf8(result.svg).toLower();
    for (const QString &word : forbidden)
        QVERIFY2(!output.contains(word.toLower()), qPrintable(QStringLiteral("'%1' survived in: %2").arg(word, output)));
    const QString removed = result.removedDescriptions().join(u'\n');
    QVERIFY2(removed.contains(reported), qPrintable(removed));
    QVERIFY2(structuralLeak(result.svg).isEmpty(), qPrintable(structuralLeak(result.svg)));
    // The harmless rest of the document is still there.
    QVERIFY2(output.contains(QLatin1String("<rect id=\"keep\"")), qPrintable(output));
    QVERIFY(output.contains(QLatin1String("xmlns=\"http://www.w3.org/2000/svg\"")));
}

void TestSvgSanitize::dangerousDocumentsAreRefused_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<QString>("errorPart");
    QTest::newRow("billion laughs (nested entities)")
        << QByteArray("<?xml version=\"1.0\"?>\n<!DOCTYPE svg [\n <!ENTITY lol \"lol\">\n"
                      " <!ENTITY lol2 \"&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;\">\n"
                      " <!ENTITY lol3 \"&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;\">\n]>\n"
                      "<svg xmlns=\"http://www.w3.org/2000/svg\"><text>&lol3;</text></svg>")
        << QStringLiteral("declares entities");
    QTest::newRow("external entity reading /etc/passwd (XXE)")
        << QByteArray("<!DOCTYPE svg [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>"
                      "<svg xmlns=\"http://www.w3.org/2000/svg\"><text>&xxe;</text></svg>")
        << QStringLiteral("declares entities");
    QTest::newRow("external parameter entity (out-of-band XXE)")
        << QByteArray("<!DOCTYPE svg [<!ENTITY % remote SYSTEM \"http://evil.example/x.dtd\"> %remote;]>"
                      "<svg xmlns=\"http://www.w3.org/2000/svg\"/>")
        << QStringLiteral("line 1");
    QTest::newRow("undeclared entity reference") << QByteArray("<svg xmlns=\"http://www.w3.org/2000/svg\"><text>&xxe;</text></svg>")
                                                 << QStringLiteral("line 1");
    QTest::newRow("malformed XML names line and column")
        << QByteArray("<svg xmlns=\"http://www.w3.org/2000/svg\">\n  <g>\n    <rect></g>\n</svg>") << QStringLiteral("line 3, column");
    QTest::newRow("root element is not svg") << QByteArray("<html><svg/></html>") << QStringLiteral("not <svg>");
    QTest::newRow("svg root in another namespace")
        << QByteArray("<svg xmlns=\"http://www.w3.org/1999/xhtml\"/>") << QStringLiteral("not <svg>");
    QTest::newRow("empty input") << QByteArray() << QStringLiteral("line 1");
    QTest::newRow("text that is not XML") << QByteArray("hello") << QStringLiteral("line 1");
    QByteArray deep = "<svg xmlns=\"http://www.w3.org/2000/svg\">";
    for (int i = 0; i < 300; ++i)
        deep += "<g>";
    for (int i = 0; i < 300; ++i)
        deep += "</g>";
    deep += "</svg>";
    QTest::newRow("nesting deeper than 256 (stack exhaustion)") << deep << QStringLiteral("deeper than 256");
    QTest::newRow("larger than the size limit") << QByteArray(3 * 1024 * 1024, ' ') << QStringLiteral("at most");
}

void TestSvgSanitize::dangerousDocumentsAreRefused()
{
    QFETCH(QByteArray, input);
    QFETCH(QString, errorPart);
    const SvgSanitizeResult result = sanitizeSvg(input);
    QVERIFY2(!result.ok(), qPrintable(QString::fromUtf8(result.svg)));
    QVERIFY2(result.error.contains(errorPart), qPrintable(result.error));
    QVERIFY2(result.error.startsWith(QLatin1String("line ")), qPrintable(result.error));
    QVERIFY(result.svg.isEmpty());
}

void TestSvgSanitize::normalSvgSurvivesAndRenders()
{
    const QByteArray input = normalSvg();
    QVERIFY2(!input.isEmpty(), "tests/data/server/normal.svg is missing");
    const SvgSanitizeResult result = sanitizeSvg(input);
    QVERIFY2(result.ok(), qPrintable(result.error));
    QVERIFY2(result.removed.isEmpty(), qPrintable(result.removedDescriptions().join(u'\n')));
    const QString output = QString::fromUtf8(result.svg);
    for (const char *kept : {"<title>Logo &amp; mark</title>", "linearGradient id=\"g1\"", "clip-path=\"url(#c1)\"",
                             "fill: url(#g1)", "xlink:href=\"#r1\"", "href=\"data:image/png;base64,iVBOR",
                             "xml:space=\"preserve\"", "A &lt; B", "viewBox=\"0 0 20 10\"", "style=\"opacity: 1; stroke: none\""})
        QVERIFY2(output.contains(QLatin1String(kept)), qPrintable(QStringLiteral("lost '%1' in: %2").arg(QLatin1String(kept), output)));

    // It still renders: Qt's SVG image plugin (libqt6svg6) draws the red rectangle.
    QVERIFY2(QImageReader::supportedImageFormats().contains("svg"),
             "Qt's SVG image plugin is missing: install libqt6svg6 (scripts/setup.sh does).");
    const QImage image = QImage::fromData(result.svg, "SVG");
    QVERIFY(!image.isNull());
    QCOMPARE(image.size(), QSize(20, 10));
    const QColor centre = image.pixelColor(10, 5);
    QVERIFY2(centre.red() > 200 && centre.green() < 40 && centre.blue() < 40, qPrintable(centre.name()));
}

void TestSvgSanitize::outputIsStableWhenSanitisedTwice()
{
    const SvgSanitizeResult once = sanitizeSvg(svg("<script>x</script><circle r=\"1\" onclick=\"x\"/>"));
    QVERIFY(once.ok());
    const SvgSanitizeResult twice = sanitizeSvg(once.svg);
    QVERIFY2(twice.ok(), qPrintable(twice.error));
    QCOMPARE(twice.svg, once.svg);
    QVERIFY(twice.removed.isEmpty());
}

void TestSvgSanitize::mutatedDocumentsNeverCrashOrLeak()
{
    // 3,000 seeded mutations of an attack-laden document (bytes flipped,
    // inserted, deleted, slices duplicated): the sanitiser never crashes;
    // whatever it accepts is stable and free of what it must remove.
    const QByteArray seed = svg("<script>alert(1)</script><a href=\"javascript:alert(2)\"><text>t</text></a>"
                                "<foreignObject><p/></foreignObject><style>@import url(x.css);</style>",
                                " onload=\"alert(3)\"");
    QRandomGenerator random(20261126);
    const QByteArray alphabet = "<>/=\"'&;#:!?-[] \n\tsvgscriptonloadhrefjavascript:url(#x)";
    int accepted = 0;
    for (int round = 0; round < 3000; ++round) {
        QByteArray input = seed;
        const int edits = 1 + int(random.bounded(3));
        for (int e = 0; e < edits; ++e) {
            const int at = int(random.bounded(input.size()));
            switch (random.bounded(4)) {
            case 0:
                input[at] = alphabet.at(int(random.bounded(alphabet.size())));
                break;
            case 1:
                input.insert(at, alphabet.mid(int(random.bounded(alphabet.size() - 8)), int(random.bounded(8)) + 1));
                break;
            case 2:
                input.remove(at, int(random.bounded(16)) + 1);
                break;
            default:
                input.insert(at, input.mid(int(random.bounded(input.size())), int(random.bounded(64))));
                break;
            }
        }
        const SvgSanitizeResult result = sanitizeSvg(input);
        if (!result.ok()) {
            QVERIFY2(result.error.startsWith(QLatin1String("line ")), qPrintable(result.error));
            continue;
        }
        ++accepted;
        const QString leak = structuralLeak(result.svg);
        QVERIFY2(leak.isEmpty(), qPrintable(leak + QStringLiteral(" in ") + QString::fromUtf8(result.svg)));
        const SvgSanitizeResult again = sanitizeSvg(result.svg);
        QVERIFY2(again.ok(), qPrintable(again.error));
        QCOMPARE(again.svg, result.svg);
    }
    qInfo("%d of 3000 mutated documents were well-formed and sanitised", accepted);
    QVERIFY(accepted > 0);
}

QTEST_MAIN(TestSvgSanitize) // a QGuiApplication: rendering <text> needs fonts
#include "tst_svgsanitize.moc"
