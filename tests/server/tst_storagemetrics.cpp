// SPDX-License-Identifier: GPL-3.0-or-later
// Storage metrics and the readiness check: a real file store wrapped by
// InstrumentedStorage, the exposition checked by promtool.
#include "http/metrics.h"
#include "storage/filestorage.h"
#include "storage/instrumentedstorage.h"

#include <QDir>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace slidespec::server;

class TestStorageMetrics : public QObject
{
    Q_OBJECT

private slots:
    void operationsErrorsAndBytesAreCounted();
    void readinessSaysWhyStorageIsNotReady();
};

void TestStorageMetrics::operationsErrorsAndBytesAreCounted()
{
    QTemporaryDir dir;
    auto file = FileStorage::open(dir.path());
    QVERIFY(file.ok());
    MetricsRegistry metrics;
    InstrumentedStorage storage(file.value(), metrics, QStringLiteral("file"));
    QVERIFY(storage.put(QStringLiteral("a"), QByteArray(1000, 'x'), QStringLiteral("text/plain")).ok());
    QVERIFY(storage.get(QStringLiteral("a")).ok());
    QVERIFY(storage.get(QStringLiteral("missing")).isNotFound());
    QVERIFY(!storage.put(QStringLiteral("../escape"), "x", {}).ok());
    QVERIFY(storage.checkHealth().ok());

    const QByteArray text = metrics.render();
    for (const char *line : {
             "slidespec_storage_operations_total{backend=\"file\",operation=\"put\",result=\"ok\"} 1",
             "slidespec_storage_operations_total{backend=\"file\",operation=\"put\",result=\"error\"} 1",
             "slidespec_storage_operations_total{backend=\"file\",operation=\"get\",result=\"ok\"} 1",
             "slidespec_storage_operations_total{backend=\"file\",operation=\"get\",result=\"not_found\"} 1",
             "slidespec_storage_operations_total{backend=\"file\",operation=\"health\",result=\"ok\"} 1",
             "slidespec_storage_errors_total{backend=\"file\",operation=\"put\",kind=\"invalid_key\"} 1",
             "slidespec_storage_bytes_total{backend=\"file\",direction=\"written\"} 1000",
             "slidespec_storage_bytes_total{backend=\"file\",direction=\"read\"} 1000",
             "slidespec_storage_operation_duration_seconds_count{backend=\"file\",operation=\"put\"} 2",
         })
        QVERIFY2(text.contains(line), qPrintable(QStringLiteral("missing '%1' in:\n%2").arg(QLatin1String(line), QString::fromUtf8(text))));
    QVERIFY(!text.contains("kind=\"not_found\""));

    const QString promtool = QStandardPaths::findExecutable(QStringLiteral("promtool"));
    QVERIFY2(!promtool.isEmpty(), "promtool is missing: install prometheus (scripts/setup.sh does).");
    QProcess check;
    check.start(promtool, {QStringLiteral("check"), QStringLiteral("metrics")});
    QVERIFY(check.waitForStarted());
    check.write(text);
    check.closeWriteChannel();
    QVERIFY(check.waitForFinished(30000));
    QVERIFY2(check.exitCode() == 0, check.readAllStandardError().constData());
}

void TestStorageMetrics::readinessSaysWhyStorageIsNotReady()
{
    QTemporaryDir dir;
    const QString root = dir.filePath(QStringLiteral("store"));
    auto file = FileStorage::open(root);
    QVERIFY(file.ok());
    QString reason;
    QVERIFY(storageReady(*file.value(), &reason));
    QVERIFY(QDir(root).removeRecursively());
    QVERIFY(!storageReady(*file.value(), &reason));
    QVERIFY2(reason.startsWith(QLatin1String("unavailable: ")) && reason.contains(root), qPrintable(reason));
}

QTEST_GUILESS_MAIN(TestStorageMetrics)
#include "tst_storagemetrics.moc"
