// SPDX-License-Identifier: GPL-3.0-or-later
// Decks that use uploaded images render with them (docs/queue.md, "Images"):
// a deck asset whose path is "org-assets/<asset id>" is fetched from storage
// in the job's org scope and copied next to the deck in the sandbox. Against
// the real things: PostgreSQL, the file store, slidespec-cli in the sandbox;
// the exported PPTX is unzipped to find the image in ppt/media. Another org's
// asset, a missing one or a malformed reference fails the job with a clear
// message.
#include "tst_jobs_support.h"
#include "tst_image_support.h"

#include <QBuffer>
#include <QImage>
#include <QProcess>
#include <QRegularExpression>
#include <QTest>
#include <QUuid>

using namespace jobstest;

namespace {

/*! A 64×48 PNG of one colour. */
QByteArray solidPng(QRgb colour)
{
    return imagetest::solidPng(QColor(colour), 64, 48, QImage::Format_RGB32);
}

/*! A one-slide deck whose image element shows deck asset "logo" stored at \a path. */
QByteArray deckWithImage(const QString &path)
{
    return QStringLiteral(R"({"version":1,"format":"slidespec","id":"images","title":"Images",
 "brand":{"colors":{"background":"#ffffff","text":"#1a1a1a"},"fonts":{"body":{"family":"Inter"}}},
 "assets":{"logo":{"path":"%1"}},
 "slides":[{"id":"s1","elements":[
   {"type":"text","id":"t1","role":"title","frame":{"x":40,"y":30,"w":600,"h":80},
    "text":{"paragraphs":[{"runs":[{"text":"With an uploaded image"}]}]}},
   {"type":"image","id":"i1","src":"asset:logo","alt":"a red block","frame":{"x":100,"y":150,"w":320,"h":240}}]}]})")
        .arg(path)
        .toUtf8();
}

} // namespace

class TstJobsAssets : public QObject
{
    Q_OBJECT

    JobsFixture f;
    QTemporaryDir m_work;
    std::unique_ptr<RenderWorker> m_worker;

    QString upload(const QString &orgId, const QByteArray &token, const QByteArray &png)
    {
        RawConnection c(f.service().port());
        const RawResponse r = c.request("POST", f.api(orgId, QStringLiteral("assets?name=logo.png")).toUtf8(), png,
                                        {{"Authorization", "Bearer " + token}, {"Content-Type", "image/png"}});
        if (r.status != 201 && r.status != 200)
            qWarning("upload failed: %s", describe(r).constData());
        return jsonOf(r).value(QStringLiteral("id")).toString();
    }

    QJsonObject exportDeck(const QByteArray &spec)
    {
        const QString deckId = f.createDeck(f.orgA, f.owner.token, spec);
        if (deckId.isEmpty())
            return {};
        const RawResponse queued = f.call("POST", f.api(f.orgA, QStringLiteral("decks/%1/exports").arg(deckId)),
                                          f.owner.token, R"({"kind":"export-pptx"})");
        if (queued.status != 202)
            return {};
        return f.waitFinal(f.orgA, jsonOf(queued).value(QStringLiteral("id")).toString(), 60000);
    }

private slots:
    void initTestCase()
    {
        const QString error = f.start();
        if (!error.isEmpty())
            QFAIL(qPrintable(error));
        QVERIFY(m_work.isValid());
        QString workerError;
        m_worker = f.startWorker(QStringLiteral(SLIDESPEC_CLI_PATH), &workerError);
        QVERIFY2(m_worker, qPrintable(workerError));
    }

    void cleanupTestCase()
    {
        if (m_worker)
            m_worker->stop(std::chrono::seconds(5));
    }

    void orgAssetPaths_data()
    {
        QTest::addColumn<QString>("path");
        QTest::addColumn<QString>("id");
        const QString uuid = QStringLiteral("3f0c2a4e-9b1d-4c6e-8f00-1234567890ab");
        QTest::newRow("plain-id") << QStringLiteral("org-assets/") + uuid << uuid;
        QTest::newRow("upper-case-id-is-lowered") << QStringLiteral("org-assets/") + uuid.toUpper() << uuid;
        QTest::newRow("with-an-extension") << QStringLiteral("org-assets/%1.png").arg(uuid) << uuid;
        QTest::newRow("a-file-next-to-the-deck-is-not-one") << QStringLiteral("logo.png") << QString();
        QTest::newRow("not-a-uuid") << QStringLiteral("org-assets/logo.png") << QString();
        QTest::newRow("traversal-is-not-one") << QStringLiteral("org-assets/../%1").arg(uuid) << QString();
        QTest::newRow("sub-folder-is-not-one") << QStringLiteral("org-assets/%1/x.png").arg(uuid) << QString();
        QTest::newRow("absolute-is-not-one") << QStringLiteral("/org-assets/") + uuid << QString();
        QTest::newRow("trailing-newline-is-not-one") << QStringLiteral("org-assets/%1\n").arg(uuid) << QString();
    }

    void orgAssetPaths()
    {
        QFETCH(QString, path);
        QFETCH(QString, id);
        QCOMPARE(orgAssetIdOfPath(path).value_or(QString()), id);
    }

    void uploadedPngIsInTheExportedPptx()
    {
        const QString unzip = findTool("unzip");
        if (unzip.isEmpty())
            QSKIP("unzip is not installed");
        const QByteArray png = solidPng(qRgb(200, 30, 40));
        const QString assetId = upload(f.orgA, f.owner.token, png);
        QVERIFY(!assetId.isEmpty());
        const QJsonObject job = exportDeck(deckWithImage(QStringLiteral("org-assets/") + assetId));
        QVERIFY2(job.value(QStringLiteral("state")).toString() == u"succeeded", QJsonDocument(job).toJson().constData());

        const RawResponse result = f.call("GET", f.api(f.orgA, QStringLiteral("jobs/%1/result").arg(job.value(QStringLiteral("id")).toString())),
                                          f.viewer.token);
        QCOMPARE(result.status, 200);
        const QJsonObject output = jsonOf(result).value(QStringLiteral("outputs")).toArray().at(0).toObject();
        auto stored = f.storage->get(QStringLiteral("orgs/%1/assets/%2").arg(f.orgA, output.value(QStringLiteral("sha256")).toString()));
        QVERIFY(stored);
        const QString pptx = m_work.filePath(QStringLiteral("with-image.pptx"));
        {
            QFile file(pptx);
            QVERIFY(file.open(QIODevice::WriteOnly));
            file.write(stored.value().data);
        }
        QProcess list;
        list.start(unzip, {QStringLiteral("-Z1"), pptx});
        QVERIFY(list.waitForFinished(20000));
        const QStringList media = QString::fromUtf8(list.readAllStandardOutput())
                                      .split(u'\n', Qt::SkipEmptyParts)
                                      .filter(QRegularExpression(QStringLiteral("^ppt/media/")));
        QVERIFY2(!media.isEmpty(), "no ppt/media/* in the PPTX");
        // One of them is our image: same size, same colour.
        bool found = false;
        for (const QString &entry : media) {
            QProcess extract;
            extract.start(unzip, {QStringLiteral("-p"), pptx, entry});
            QVERIFY(extract.waitForFinished(20000));
            const QImage image = QImage::fromData(extract.readAllStandardOutput());
            if (!image.isNull() && image.size() == QSize(64, 48) && image.pixel(10, 10) == qRgb(200, 30, 40))
                found = true;
        }
        QVERIFY2(found, qPrintable(media.join(u' ')));
    }

    void unusableReferencesFailTheJobClearly_data()
    {
        QTest::addColumn<QString>("reference");
        QTest::addColumn<QString>("message");
        QTest::newRow("another-orgs-asset-is-not-found") << "other-org" << "not in this org";
        QTest::newRow("a-missing-asset-is-not-found") << "missing" << "not in this org";
        QTest::newRow("a-malformed-reference-says-the-form") << "malformed" << "org-assets/<asset id>";
    }

    void unusableReferencesFailTheJobClearly()
    {
        QFETCH(QString, reference);
        QFETCH(QString, message);
        QString path;
        if (reference == u"other-org") {
            const QString otherAsset = upload(f.orgB, f.otherOwner.token, solidPng(qRgb(10, 200, 10)));
            QVERIFY(!otherAsset.isEmpty());
            path = QStringLiteral("org-assets/") + otherAsset;
        } else if (reference == u"missing") {
            path = QStringLiteral("org-assets/") + QUuid::createUuid().toString(QUuid::WithoutBraces);
        } else {
            path = QStringLiteral("org-assets/logo.png");
        }
        const QJsonObject job = exportDeck(deckWithImage(path));
        QCOMPARE(job.value(QStringLiteral("state")).toString(), QStringLiteral("dead"));
        QCOMPARE(job.value(QStringLiteral("attempts")).toInt(), 1); // permanent: not retried
        const QString lastError = job.value(QStringLiteral("lastError")).toString();
        QVERIFY2(lastError.contains(message) && lastError.contains(u"\"logo\""), qPrintable(lastError));
    }
};

QTEST_GUILESS_MAIN(TstJobsAssets)
#include "tst_jobs_assets.moc"
