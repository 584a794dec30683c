// SPDX-License-Identifier: GPL-3.0-or-later
#include "validation/contrast.h"

#include <QGuiApplication>
#include <QTest>

using namespace slidespec;

class TestContrast : public QObject
{
    Q_OBJECT

private slots:
    void apcaRecommendation_data()
    {
        QTest::addColumn<double>("size");
        QTest::addColumn<bool>("bold");
        QTest::addColumn<double>("lc");
        QTest::newRow("body-text") << 14.0 << false << 75.0;
        QTest::newRow("bold-12pt-is-content-text") << 12.0 << true << 60.0;
        QTest::newRow("18pt-is-content-text") << 18.0 << false << 60.0;
        QTest::newRow("bold-18pt-is-a-headline") << 18.0 << true << 45.0;
        QTest::newRow("27pt-is-a-headline") << 27.0 << false << 45.0;
    }
    void apcaRecommendation()
    {
        QFETCH(double, size);
        QFETCH(bool, bold);
        QFETCH(double, lc);
        QCOMPARE(Contrast::apcaRecommendedLc(size, bold), lc);
    }
    void wcagRatio_data();
    void wcagRatio();
    void ratioIsSymmetric();
    void luminanceEndpoints();
    void largeText_data();
    void largeText();
    void requiredRatio_data();
    void requiredRatio();
    void apca_data();
    void apca();
    void compositing_data();
    void compositing();
};

void TestContrast::wcagRatio_data()
{
    QTest::addColumn<QString>("foreground");
    QTest::addColumn<QString>("background");
    QTest::addColumn<double>("expected");
    QTest::addColumn<double>("tolerance");

    QTest::newRow("black on white is the maximum, 21") << "#000000" << "#ffffff" << 21.0 << 1e-9;
    QTest::newRow("same colour is the minimum, 1") << "#336699" << "#336699" << 1.0 << 1e-9;
    QTest::newRow("#777 on white just fails AA (4.48)") << "#777777" << "#ffffff" << 4.478 << 0.005;
    QTest::newRow("#767676 on white just passes AA (4.54)") << "#767676" << "#ffffff" << 4.542 << 0.005;
    QTest::newRow("#595959 on white passes AAA (7.0)") << "#595959" << "#ffffff" << 7.0 << 0.01;
    QTest::newRow("pure red on white (4.0)") << "#ff0000" << "#ffffff" << 3.998 << 0.005;
    QTest::newRow("pure blue on white (8.59)") << "#0000ff" << "#ffffff" << 8.592 << 0.005;
    QTest::newRow("white on #0066cc (5.57)") << "#ffffff" << "#0066cc" << 5.57 << 0.01;
}

void TestContrast::wcagRatio()
{
    QFETCH(QString, foreground);
    QFETCH(QString, background);
    QFETCH(double, expected);
    QFETCH(double, tolerance);
    const double r = Contrast::ratio(QColor(foreground).rgb(), QColor(background).rgb());
    QVERIFY2(std::abs(r - expected) <= tolerance, qPrintable(QStringLiteral("ratio %1, expected %2").arg(r).arg(expected)));
}

void TestContrast::ratioIsSymmetric()
{
    const QRgb a = qRgb(12, 200, 90), b = qRgb(250, 240, 10);
    QCOMPARE(Contrast::ratio(a, b), Contrast::ratio(b, a));
}

void TestContrast::luminanceEndpoints()
{
    QCOMPARE(Contrast::relativeLuminance(qRgb(0, 0, 0)), 0.0);
    QVERIFY(std::abs(Contrast::relativeLuminance(qRgb(255, 255, 255)) - 1.0) < 1e-9);
    // Green dominates perceived luminance.
    QVERIFY(std::abs(Contrast::relativeLuminance(qRgb(0, 255, 0)) - 0.7152) < 1e-9);
}

void TestContrast::largeText_data()
{
    QTest::addColumn<double>("size");
    QTest::addColumn<bool>("bold");
    QTest::addColumn<bool>("large");
    QTest::newRow("18 pt regular is large") << 18.0 << false << true;
    QTest::newRow("17.9 pt regular is not") << 17.9 << false << false;
    QTest::newRow("14 pt bold is large") << 14.0 << true << true;
    QTest::newRow("13.9 pt bold is not") << 13.9 << true << false;
    QTest::newRow("14 pt regular is not") << 14.0 << false << false;
    QTest::newRow("44 pt title is large") << 44.0 << false << true;
}

void TestContrast::largeText()
{
    QFETCH(double, size);
    QFETCH(bool, bold);
    QFETCH(bool, large);
    QCOMPARE(Contrast::isLargeText(size, bold), large);
}

void TestContrast::requiredRatio_data()
{
    QTest::addColumn<int>("level");
    QTest::addColumn<bool>("large");
    QTest::addColumn<double>("required");
    QTest::newRow("AA normal text needs 4.5") << int(ContrastLevel::AA) << false << 4.5;
    QTest::newRow("AA large text needs 3") << int(ContrastLevel::AA) << true << 3.0;
    QTest::newRow("AAA normal text needs 7") << int(ContrastLevel::AAA) << false << 7.0;
    QTest::newRow("AAA large text needs 4.5") << int(ContrastLevel::AAA) << true << 4.5;
}

void TestContrast::requiredRatio()
{
    QFETCH(int, level);
    QFETCH(bool, large);
    QFETCH(double, required);
    QCOMPARE(Contrast::requiredRatio(ContrastLevel(level), large), required);
}

void TestContrast::apca_data()
{
    // Reference values of the APCA-W3 0.0.98G-4g formula (SAPC/APCA calculator).
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("background");
    QTest::addColumn<double>("lc");
    QTest::newRow("black on white is Lc 106.0") << "#000000" << "#ffffff" << 106.04;
    QTest::newRow("white on black is Lc -107.9") << "#ffffff" << "#000000" << -107.88;
    QTest::newRow("#888 on white is Lc 63.1") << "#888888" << "#ffffff" << 63.06;
    QTest::newRow("white on #888 is Lc -68.5") << "#ffffff" << "#888888" << -68.54;
    QTest::newRow("#000 on #aaa is Lc 58.1") << "#000000" << "#aaaaaa" << 58.15;
    QTest::newRow("#112233 on #ddeeff is Lc 91.7") << "#112233" << "#ddeeff" << 91.67;
    QTest::newRow("same colour is Lc 0") << "#777777" << "#777777" << 0.0;
}

void TestContrast::apca()
{
    QFETCH(QString, text);
    QFETCH(QString, background);
    QFETCH(double, lc);
    const double got = Contrast::apcaLc(QColor(text).rgb(), QColor(background).rgb());
    QVERIFY2(std::abs(got - lc) < 0.1, qPrintable(QStringLiteral("Lc %1, expected %2").arg(got).arg(lc)));
}

void TestContrast::compositing_data()
{
    QTest::addColumn<QString>("over");
    QTest::addColumn<QString>("under");
    QTest::addColumn<QString>("expected");
    QTest::newRow("opaque replaces") << "#ff336699" << "#ffffffff" << "#336699";
    QTest::newRow("transparent keeps") << "#00000000" << "#ff123456" << "#123456";
    QTest::newRow("half black on white is mid grey") << "#80000000" << "#ffffffff" << "#7f7f7f";
}

void TestContrast::compositing()
{
    QFETCH(QString, over);
    QFETCH(QString, under);
    QFETCH(QString, expected);
    // QColor parses #AARRGGBB.
    const QRgb got = Contrast::compositeOver(QColor(over).rgba(), QColor(under).rgba());
    QCOMPARE(QColor::fromRgb(got).name(), expected);
    QCOMPARE(qAlpha(got), 255);
}

QTEST_MAIN(TestContrast)
#include "tst_contrast.moc"
