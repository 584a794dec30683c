// SPDX-License-Identifier: GPL-3.0-or-later
// ExportJob: PPTX, PDF and PNG exports on a worker thread, with progress
// that only goes up, a deck copied at start, and cancel leaving no file.

#include "export/exportjob.h"
#include "format/specjson.h"

#include <QDir>
#include <QFile>
#include <QGuiApplication>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

using namespace slidespec;

Q_DECLARE_METATYPE(slidespec::ExportJob::Format)

namespace {

QString samplesDir()
{
    return QStringLiteral(SLIDESPEC_RESOURCES_DIR "/samples");
}

Deck sampleDeck(int minSlides = 0)
{
    SpecResult<Deck> result = SpecJson::readDeckFile(samplesDir() + QStringLiteral("/quarterly-review.json"));
    if (!result.ok())
        qFatal("%s", qPrintable(result.errorString()));
    Deck deck = *result.value;
    const QVector<Slide> base = deck.slides;
    for (int i = 0; deck.slides.size() < minSlides; ++i) {
        Slide slide = base.at(i % base.size());
        slide.id = QStringLiteral("copy-%1").arg(i);
        deck.slides.append(slide);
    }
    return deck;
}

QString targetFor(ExportJob::Format format, const QTemporaryDir &dir)
{
    switch (format) {
    case ExportJob::Format::Pptx:
        return dir.filePath(QStringLiteral("out.pptx"));
    case ExportJob::Format::Pdf:
        return dir.filePath(QStringLiteral("out.pdf"));
    case ExportJob::Format::Png:
        return dir.filePath(QStringLiteral("png/"));
    }
    return {};
}

QStringList filesIn(const QString &folder)
{
    QStringList out;
    const QFileInfoList entries = QDir(folder).entryInfoList(QDir::Files | QDir::Hidden);
    for (const QFileInfo &entry : entries)
        out.append(entry.fileName());
    return out;
}

} // namespace

class TestExportJob : public QObject
{
    Q_OBJECT

private slots:
    void exports_data();
    void exports();
    void cancelLeavesNoFile_data();
    void cancelLeavesNoFile();
    void deckIsCopiedAtStart();
    void failureIsReported();
};

void TestExportJob::exports_data()
{
    QTest::addColumn<ExportJob::Format>("format");
    QTest::addColumn<QByteArray>("magic");
    QTest::addColumn<int>("fileCount");
    const int slides = int(sampleDeck().slides.size());
    QTest::newRow("PPTX: one zip file") << ExportJob::Format::Pptx << QByteArray("PK\x03\x04") << 1;
    QTest::newRow("PDF: one file") << ExportJob::Format::Pdf << QByteArray("%PDF") << 1;
    QTest::newRow("PNG: one image per slide") << ExportJob::Format::Png << QByteArray("\x89PNG") << slides;
}

void TestExportJob::exports()
{
    QFETCH(ExportJob::Format, format);
    QFETCH(QByteArray, magic);
    QFETCH(int, fileCount);
    QTemporaryDir dir;
    QDir().mkpath(dir.filePath(QStringLiteral("png")));
    ExportJob job;
    QSignalSpy progress(&job, &ExportJob::progressChanged);
    QSignalSpy finished(&job, &ExportJob::finished);
    QSignalSpy running(&job, &ExportJob::runningChanged);

    QElapsedTimer clock;
    clock.start();
    QVERIFY(job.start(sampleDeck(), samplesDir(), format, targetFor(format, dir), 480));
    QVERIFY(job.isRunning());
    QVERIFY(!job.start(sampleDeck(), samplesDir(), format, targetFor(format, dir))); // one at a time
    QVERIFY(finished.wait(120000));
    qInfo("export took %lld ms", clock.elapsed());
    QCOMPARE(finished.count(), 1);
    QVERIFY2(finished.first().at(0).toBool(), qPrintable(finished.first().at(1).toString()));
    QVERIFY(!job.isRunning());
    QCOMPARE(running.count(), 2);

    const QStringList files = finished.first().at(2).toStringList();
    QCOMPARE(files.size(), fileCount);
    for (const QString &file : files) {
        QFile f(file);
        QVERIFY2(f.open(QIODevice::ReadOnly), qPrintable(file));
        QVERIFY2(f.read(magic.size()) == magic, qPrintable(file));
    }

    // Progress: starts at 0, ends at 100, never goes down, says something.
    QVERIFY(progress.count() >= 3);
    int last = -1;
    for (const QList<QVariant> &args : std::as_const(progress)) {
        const int percent = args.at(0).toInt();
        QVERIFY2(percent >= last, "progress went down");
        QVERIFY(percent >= 0 && percent <= 100);
        QVERIFY(!args.at(1).toString().isEmpty());
        last = percent;
    }
    QCOMPARE(progress.first().at(0).toInt(), 0);
    QCOMPARE(last, 100);
    QCOMPARE(job.progressValue(), 100);
}

void TestExportJob::cancelLeavesNoFile_data()
{
    QTest::addColumn<ExportJob::Format>("format");
    QTest::newRow("PPTX") << ExportJob::Format::Pptx;
    QTest::newRow("PDF") << ExportJob::Format::Pdf;
    QTest::newRow("PNG") << ExportJob::Format::Png;
}

void TestExportJob::cancelLeavesNoFile()
{
    QFETCH(ExportJob::Format, format);
    QTemporaryDir dir;
    QDir().mkpath(dir.filePath(QStringLiteral("png")));
    ExportJob job;
    QSignalSpy finished(&job, &ExportJob::finished);
    // Cancel once a few slides are done, from the UI thread, mid-way.
    connect(&job, &ExportJob::progressChanged, &job, [&job](int percent) {
        if (percent > 0)
            job.cancel();
    });
    QVERIFY(job.start(sampleDeck(60), samplesDir(), format, targetFor(format, dir), 320));
    QVERIFY(finished.wait(120000));
    QCOMPARE(finished.first().at(0).toBool(), false);
    QCOMPARE(finished.first().at(1).toString(), QStringLiteral("Export cancelled."));
    QVERIFY(finished.first().at(2).toStringList().isEmpty());
    QVERIFY(job.progressValue() < 100);
    QCOMPARE(filesIn(dir.path()), QStringList{});                            // no pptx/pdf, no temp file
    QCOMPARE(filesIn(dir.filePath(QStringLiteral("png"))), QStringList{}); // no PNG left
}

void TestExportJob::deckIsCopiedAtStart()
{
    QTemporaryDir dir;
    Deck deck = sampleDeck();
    const QString title = deck.title;
    ExportJob job;
    QSignalSpy finished(&job, &ExportJob::finished);
    QVERIFY(job.start(deck, samplesDir(), ExportJob::Format::Pdf, dir.filePath(QStringLiteral("a.pdf"))));
    // The caller keeps editing its deck while the export runs.
    for (int i = 0; i < 200; ++i) {
        deck.title = QStringLiteral("edited %1").arg(i);
        deck.slides.append(deck.slides.first());
        deck.slides.removeFirst();
    }
    deck.slides.clear();
    QVERIFY(finished.wait(120000));
    QVERIFY(finished.first().at(0).toBool());
    QFile pdf(dir.filePath(QStringLiteral("a.pdf")));
    QVERIFY(pdf.open(QIODevice::ReadOnly));
    const QByteArray bytes = pdf.readAll();
    QVERIFY(bytes.contains(QByteArray("/Count " + QByteArray::number(sampleDeck().slides.size()))));
    Q_UNUSED(title);
}

void TestExportJob::failureIsReported()
{
    ExportJob job;
    QSignalSpy finished(&job, &ExportJob::finished);
    QVERIFY(job.start(sampleDeck(), samplesDir(), ExportJob::Format::Pptx,
                      QStringLiteral("/proc/no-such-folder/out.pptx")));
    QVERIFY(finished.wait(120000));
    QCOMPARE(finished.first().at(0).toBool(), false);
    QVERIFY(!finished.first().at(1).toString().isEmpty());
    // A destroyed job cancels and waits: no crash, no dangling worker.
    auto *running = new ExportJob;
    QVERIFY(running->start(sampleDeck(40), samplesDir(), ExportJob::Format::Pdf,
                           QDir::temp().filePath(QStringLiteral("destroyed-job.pdf"))));
    delete running;
    QVERIFY(!QFile::exists(QDir::temp().filePath(QStringLiteral("destroyed-job.pdf"))));
}

QTEST_MAIN(TestExportJob)
#include "tst_exportjob.moc"
