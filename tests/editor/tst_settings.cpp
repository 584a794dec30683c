// SPDX-License-Identifier: GPL-3.0-or-later
// Settings: defaults, round trip through the file, change signals only on
// change, clamping, and the recent-files list.

#include "settings/settings.h"

#include <QFile>
#include <QGuiApplication>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace slidespec;

class TestSettings : public QObject
{
    Q_OBJECT

private slots:
    void defaults();
    void roundTrip();
    void signalsOnlyOnChange();
    void clamping_data();
    void clamping();
    void recentFiles();
    void badValuesFallBack();
};

void TestSettings::defaults()
{
    QTemporaryDir dir;
    Settings s(dir.filePath(QStringLiteral("s.ini")));
    QCOMPARE(s.appearance(), Settings::Appearance::System);
    QCOMPARE(s.language(), QString());
    QCOMPARE(s.snapping(), true);
    QCOMPARE(s.showGrid(), false);
    QCOMPARE(s.gridSize(), Settings::kDefaultGridSize);
    QCOMPARE(s.autosaveInterval(), Settings::kDefaultAutosaveInterval);
    QVERIFY(s.recentFiles().isEmpty());
}

void TestSettings::roundTrip()
{
    QTemporaryDir dir;
    const QString file = dir.filePath(QStringLiteral("s.ini"));
    {
        Settings s(file);
        s.setAppearance(Settings::Appearance::Dark);
        s.setLanguage(QStringLiteral("de"));
        s.setSnapping(false);
        s.setShowGrid(true);
        s.setGridSize(24);
        s.setAutosaveInterval(1500);
        s.addRecentFile(dir.filePath(QStringLiteral("a.json")));
        s.sync();
    }
    QVERIFY(QFile::exists(file));
    Settings again(file);
    QCOMPARE(again.appearance(), Settings::Appearance::Dark);
    QCOMPARE(again.language(), QStringLiteral("de"));
    QCOMPARE(again.snapping(), false);
    QCOMPARE(again.showGrid(), true);
    QCOMPARE(again.gridSize(), 24.0);
    QCOMPARE(again.autosaveInterval(), 1500);
    QCOMPARE(again.recentFiles(), QStringList{dir.filePath(QStringLiteral("a.json"))});
    // Properties work through the meta-object (QML).
    QCOMPARE(again.property("appearance").value<Settings::Appearance>(), Settings::Appearance::Dark);
    QVERIFY(again.setProperty("gridSize", 12.0));
    QCOMPARE(again.gridSize(), 12.0);
}

void TestSettings::signalsOnlyOnChange()
{
    QTemporaryDir dir;
    Settings s(dir.filePath(QStringLiteral("s.ini")));
    QSignalSpy appearance(&s, &Settings::appearanceChanged);
    QSignalSpy snapping(&s, &Settings::snappingChanged);
    QSignalSpy grid(&s, &Settings::gridSizeChanged);
    QSignalSpy autosave(&s, &Settings::autosaveIntervalChanged);
    QSignalSpy language(&s, &Settings::languageChanged);
    s.setAppearance(Settings::Appearance::Light);
    s.setAppearance(Settings::Appearance::Light);
    s.setSnapping(true); // already the default
    s.setSnapping(false);
    s.setGridSize(Settings::kDefaultGridSize);
    s.setAutosaveInterval(2000);
    s.setAutosaveInterval(2000);
    s.setLanguage(QStringLiteral("fr"));
    s.setLanguage(QStringLiteral("fr"));
    QCOMPARE(appearance.count(), 1);
    QCOMPARE(snapping.count(), 1);
    QCOMPARE(grid.count(), 0);
    QCOMPARE(autosave.count(), 1);
    QCOMPARE(language.count(), 1);
}

void TestSettings::clamping_data()
{
    QTest::addColumn<int>("interval");
    QTest::addColumn<int>("expected");
    QTest::newRow("too short becomes 100 ms") << 5 << 100;
    QTest::newRow("negative becomes 100 ms") << -1 << 100;
    QTest::newRow("in range kept") << 5000 << 5000;
    QTest::newRow("over ten minutes becomes ten minutes") << 10000000 << 600000;
}

void TestSettings::clamping()
{
    QFETCH(int, interval);
    QFETCH(int, expected);
    QTemporaryDir dir;
    Settings s(dir.filePath(QStringLiteral("s.ini")));
    s.setAutosaveInterval(interval);
    QCOMPARE(s.autosaveInterval(), expected);
    s.setGridSize(0);
    QCOMPARE(s.gridSize(), 1.0);
    s.setGridSize(1000);
    QCOMPARE(s.gridSize(), 200.0);
}

void TestSettings::recentFiles()
{
    QTemporaryDir dir;
    Settings s(dir.filePath(QStringLiteral("s.ini")));
    QSignalSpy changed(&s, &Settings::recentFilesChanged);
    auto path = [&dir](int i) { return dir.filePath(QStringLiteral("deck%1.json").arg(i)); };
    for (int i = 0; i < 15; ++i)
        s.addRecentFile(path(i));
    QCOMPARE(s.recentFiles().size(), Settings::kMaxRecentFiles);
    QCOMPARE(s.recentFiles().first(), path(14));
    QCOMPARE(s.recentFiles().last(), path(5));
    s.addRecentFile(path(10)); // moves to the front, once
    QCOMPARE(s.recentFiles().first(), path(10));
    QCOMPARE(s.recentFiles().count(path(10)), 1);
    QCOMPARE(s.recentFiles().size(), Settings::kMaxRecentFiles);
    const int before = int(changed.count());
    s.addRecentFile(path(10)); // already first: no change
    QCOMPARE(changed.count(), before);
    s.removeRecentFile(path(10));
    QVERIFY(!s.recentFiles().contains(path(10)));
    s.clearRecentFiles();
    QVERIFY(s.recentFiles().isEmpty());
}

void TestSettings::badValuesFallBack()
{
    QTemporaryDir dir;
    const QString file = dir.filePath(QStringLiteral("s.ini"));
    {
        QFile f(file);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("[appearance]\ntheme=Purple\n[canvas]\ngridSize=wide\n[document]\nautosaveInterval=soon\n");
    }
    Settings s(file);
    QCOMPARE(s.appearance(), Settings::Appearance::System);
    QCOMPARE(s.gridSize(), Settings::kDefaultGridSize);
    QCOMPARE(s.autosaveInterval(), Settings::kDefaultAutosaveInterval);
}

QTEST_MAIN(TestSettings)
#include "tst_settings.moc"
