// SPDX-License-Identifier: GPL-3.0-or-later
// FileStorage specifics: the on-disk layout, names that could escape the
// root, leftovers, and the health check when the folder goes away.
#include "storage/filestorage.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace slidespec::server;

class TestStorageFile : public QObject
{
    Q_OBJECT

private slots:
    void layoutFansOutByTheKeysLastSegment();
    void dotsInTheFanOutNeverLeaveTheRoot_data();
    void dotsInTheFanOutNeverLeaveTheRoot();
    void aKeyAndAKeyUnderItCoexist();
    void relativeRootIsRefused();
    void missingFolderMakesHealthFailClearly();
    void listIgnoresTemporaryAndTypeFiles(); // and maintenance removes stale ones
};

void TestStorageFile::layoutFansOutByTheKeysLastSegment()
{
    QTemporaryDir dir;
    auto storage = FileStorage::open(dir.path());
    QVERIFY(storage.ok());
    const QString key = QStringLiteral("sha256/3fa4c2e1");
    QCOMPARE(storage.value()->pathForKey(key), dir.path() + QStringLiteral("/objects/3f/a4/sha256~3fa4c2e1"));
    QVERIFY(storage.value()->put(key, "bytes", QStringLiteral("image/png")).ok());
    QFile data(dir.path() + QStringLiteral("/objects/3f/a4/sha256~3fa4c2e1"));
    QVERIFY(data.open(QIODevice::ReadOnly));
    QCOMPARE(data.readAll(), QByteArray("bytes"));
    QFile type(dir.path() + QStringLiteral("/objects/3f/a4/.sha256~3fa4c2e1.type"));
    QVERIFY(type.open(QIODevice::ReadOnly));
    QCOMPARE(type.readAll(), QByteArray("image/png"));
    // A short last segment is padded.
    QCOMPARE(storage.value()->pathForKey(QStringLiteral("x")), dir.path() + QStringLiteral("/objects/x_/__/x"));
}

void TestStorageFile::dotsInTheFanOutNeverLeaveTheRoot_data()
{
    QTest::addColumn<QString>("key");
    QTest::newRow("'..' as the second fan-out pair (ab..cd)") << QStringLiteral("ab..cd");
    QTest::newRow("'..' after a folder (a/x..y)") << QStringLiteral("a/x..y");
    QTest::newRow("dashes and underscores (-_-_)") << QStringLiteral("-_-_");
}

void TestStorageFile::dotsInTheFanOutNeverLeaveTheRoot()
{
    QFETCH(QString, key);
    QTemporaryDir dir;
    auto storage = FileStorage::open(dir.filePath(QStringLiteral("root")));
    QVERIFY(storage.ok());
    const QString path = storage.value()->pathForKey(key);
    const QString objects = dir.filePath(QStringLiteral("root/objects/"));
    QVERIFY2(QDir::cleanPath(path).startsWith(objects), qPrintable(path));
    QVERIFY(!path.contains(QLatin1String("/../")));
    QVERIFY(storage.value()->put(key, "inside", QStringLiteral("text/plain")).ok());
    QVERIFY(QFile::exists(path));
    // Nothing outside root/.
    QCOMPARE(QDir(dir.path()).entryList(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden), QStringList{QStringLiteral("root")});
}

void TestStorageFile::aKeyAndAKeyUnderItCoexist()
{
    // As in S3, "a" and "a/b" are independent keys (no file/folder clash).
    QTemporaryDir dir;
    auto storage = FileStorage::open(dir.path());
    QVERIFY(storage.ok());
    QVERIFY(storage.value()->put(QStringLiteral("abcd"), "parent", {}).ok());
    QVERIFY(storage.value()->put(QStringLiteral("abcd/abcd"), "child", {}).ok());
    QCOMPARE(storage.value()->get(QStringLiteral("abcd")).value().data, QByteArray("parent"));
    QCOMPARE(storage.value()->get(QStringLiteral("abcd/abcd")).value().data, QByteArray("child"));
    QCOMPARE(storage.value()->get(QStringLiteral("abcd")).value().contentType, QStringLiteral("application/octet-stream"));
}

void TestStorageFile::relativeRootIsRefused()
{
    auto storage = FileStorage::open(QStringLiteral("relative/assets"));
    QVERIFY(!storage.ok());
    QCOMPARE(storage.error().kind, StorageErrorKind::InvalidConfig);
    QVERIFY(storage.error().message.contains(QLatin1String("absolute")));
}

void TestStorageFile::missingFolderMakesHealthFailClearly()
{
    QTemporaryDir dir;
    const QString root = dir.filePath(QStringLiteral("store"));
    auto storage = FileStorage::open(root);
    QVERIFY(storage.ok());
    QVERIFY(storage.value()->checkHealth().ok());
    QVERIFY(QDir(root).removeRecursively());
    auto health = storage.value()->checkHealth();
    QVERIFY(!health.ok());
    QCOMPARE(health.error().kind, StorageErrorKind::Unavailable);
    QVERIFY2(health.error().message.contains(root), qPrintable(health.error().message));
    auto list = storage.value()->list(QString());
    QVERIFY(!list.ok());
    QCOMPARE(list.error().kind, StorageErrorKind::Unavailable);
    // The health probe leaves nothing behind once the folder is back.
    QVERIFY(QDir().mkpath(root + QStringLiteral("/objects")));
    QVERIFY(storage.value()->checkHealth().ok());
    QCOMPARE(QDir(root + QStringLiteral("/objects")).entryList(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden),
             QStringList());
}

void TestStorageFile::listIgnoresTemporaryAndTypeFiles()
{
    QTemporaryDir dir;
    auto storage = FileStorage::open(dir.path());
    QVERIFY(storage.ok());
    QVERIFY(storage.value()->put(QStringLiteral("kept"), "x", QStringLiteral("text/plain")).ok());
    // A temporary file left by a crash mid-write.
    QFile leftover(QFileInfo(storage.value()->pathForKey(QStringLiteral("kept"))).path() + QStringLiteral("/.tmp-deadbeef"));
    QVERIFY(leftover.open(QIODevice::WriteOnly));
    leftover.write("partial");
    leftover.close();
    auto list = storage.value()->list(QString());
    QVERIFY(list.ok());
    QCOMPARE(list.value().size(), 1);
    QCOMPARE(list.value().constFirst().key, QStringLiteral("kept"));
    QCOMPARE(list.value().constFirst().contentType, QStringLiteral("text/plain"));

    // Maintenance removes it once it is old enough, and nothing else.
    auto young = storage.value()->removeStaleTemporaryFiles(3600);
    QVERIFY(young.ok());
    QCOMPARE(young.value(), 0);
    QVERIFY(leftover.open(QIODevice::ReadWrite));
    QVERIFY(leftover.setFileTime(QDateTime::currentDateTimeUtc().addSecs(-7200), QFileDevice::FileModificationTime));
    leftover.close();
    auto old = storage.value()->removeStaleTemporaryFiles(3600);
    QVERIFY(old.ok());
    QCOMPARE(old.value(), 1);
    QVERIFY(!leftover.exists());
    QCOMPARE(storage.value()->get(QStringLiteral("kept")).value().data, QByteArray("x"));
}

QTEST_GUILESS_MAIN(TestStorageFile)
#include "tst_storagefile.moc"
