// SPDX-License-Identifier: GPL-3.0-or-later
// Assets over HTTP against the real server, PostgreSQL and a file store:
// uploads sniffed by content (a declared type must match), SVG sanitised,
// deduplication by hash, downloads with authentication and through signed,
// expiring links (expired or altered → 403), refused names and bodies that
// write nothing, other orgs' ids → 404.
#include "tst_content_support.h"
#include "tst_image_support.h"

#include <QBuffer>
#include <QImage>
#include <QUrlQuery>

using namespace contenttest;

namespace {

QByteArray png(QColor color, int size = 16)
{
    return imagetest::solidPng(color, size, size);
}

const QByteArray kHostileSvg =
    "<svg xmlns=\"http://www.w3.org/2000/svg\" xmlns:xlink=\"http://www.w3.org/1999/xlink\" width=\"10\" "
    "height=\"10\" onload=\"alert(1)\">\n"
    "<script>alert(document.cookie)</script>\n"
    "<rect width=\"10\" height=\"10\" fill=\"teal\"/>\n"
    "<image xlink:href=\"https://evil.example/track.png\" width=\"1\" height=\"1\"/>\n"
    "</svg>\n";

} // namespace

class TstAssets : public QObject
{
    Q_OBJECT

private:
    ContentFixture f;

    RawResponse upload(const QByteArray &bytes, const QByteArray &type, const QString &name,
                       const QByteArray &token = {}, const QString &org = {})
    {
        const QString target = f.api(org.isEmpty() ? f.orgA : org, QStringLiteral("assets?name=")
                                                                      + QString::fromLatin1(QUrl::toPercentEncoding(name)));
        Headers headers;
        if (!type.isEmpty())
            headers.append(qMakePair(QByteArray("Content-Type"), type));
        return f.call("POST", target, token.isEmpty() ? f.editor.token : token, bytes, headers);
    }

    qint64 assetRows(const QString &org = {}) { return f.count(org.isEmpty() ? f.orgA : org, "SELECT count(*) FROM assets"); }

    QString uploadedId(const QByteArray &bytes, const QString &name)
    {
        const RawResponse r = upload(bytes, "image/png", name);
        if (r.status != 201 && r.status != 200)
            qWarning("upload failed: %s", describe(r).constData());
        return jsonOf(r).value(QStringLiteral("id")).toString();
    }

private slots:
    void initTestCase()
    {
        const QString error = f.start(QStringLiteral("assets"), /*useModuleInstaller=*/false);
        QVERIFY2(error.isEmpty(), qPrintable(error));
    }

    void uploadIsSniffedAndDeduplicated()
    {
        const QByteArray bytes = png(Qt::red);
        const qint64 rows = assetRows();
        const int objects = f.storedObjects();

        RawResponse r = upload(bytes, "image/png", QStringLiteral("logo.png"));
        QVERIFY2(r.status == 201, describe(r).constData());
        const QJsonObject asset = jsonOf(r);
        const QString id = asset.value(QStringLiteral("id")).toString();
        QCOMPARE(asset.value(QStringLiteral("contentType")).toString(), QStringLiteral("image/png"));
        QCOMPARE(asset.value(QStringLiteral("size")).toInteger(), bytes.size());
        QCOMPARE(asset.value(QStringLiteral("sha256")).toString(), sha256Hex(bytes));
        QCOMPARE(asset.value(QStringLiteral("name")).toString(), QStringLiteral("logo.png"));
        QCOMPARE(asset.value(QStringLiteral("createdBy")).toString(), f.editor.id);
        QCOMPARE(r.header("location"), f.api(f.orgA, QStringLiteral("assets/") + id).toUtf8());
        QCOMPARE(assetRows(), rows + 1);
        QCOMPARE(f.storedObjects(), objects + 1);

        // The same bytes again, under another name and undeclared type: the existing asset, 200.
        r = upload(bytes, "application/octet-stream", QStringLiteral("copy.png"), f.owner.token);
        QVERIFY2(r.status == 200, describe(r).constData());
        QCOMPARE(jsonOf(r).value(QStringLiteral("id")).toString(), id);
        QCOMPARE(jsonOf(r).value(QStringLiteral("name")).toString(), QStringLiteral("logo.png"));
        QCOMPARE(assetRows(), rows + 1);
        QCOMPARE(f.storedObjects(), objects + 1);

        // One audit row for the one upload that stored something.
        QCOMPARE(f.count(f.orgA, QStringLiteral("SELECT count(*) FROM audit_events WHERE action = 'asset.uploaded' "
                                                "AND object_id = '%1'").arg(id).toUtf8().constData()),
                 1);

        // Another org uploading the same bytes gets its own asset.
        r = upload(bytes, "image/png", QStringLiteral("theirs.png"), f.otherOwner.token, f.orgB);
        QCOMPARE(r.status, 201);
        QVERIFY(jsonOf(r).value(QStringLiteral("id")).toString() != id);

        r = f.call("GET", f.api(f.orgA, QStringLiteral("assets/") + id), f.viewer.token);
        QCOMPARE(r.status, 200);
        QCOMPARE(jsonOf(r).value(QStringLiteral("sha256")).toString(), sha256Hex(bytes));
    }

    void refusedUploadsWriteNothing_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<QByteArray>("type");
        QTest::addColumn<QString>("name");
        QTest::addColumn<int>("status");
        QTest::addColumn<QString>("code");
        const QByteArray image = png(Qt::blue);
        QTest::newRow("png-declared-as-jpeg") << image << QByteArray("image/jpeg") << "a.jpg" << 422 << "assets.type_mismatch";
        QTest::newRow("png-declared-as-svg") << image << QByteArray("image/svg+xml") << "a.svg" << 422 << "assets.type_mismatch";
        QTest::newRow("svg-declared-as-png") << kHostileSvg << QByteArray("image/png") << "a.png" << 422 << "assets.type_mismatch";
        QTest::newRow("text-is-no-asset") << QByteArray("hello, world") << QByteArray("text/plain") << "a.txt" << 415
                                          << "assets.unsupported_type";
        QTest::newRow("html-posing-as-png") << QByteArray("<html><script>alert(1)</script></html>") << QByteArray("image/png")
                                            << "a.png" << 415 << "assets.unsupported_type";
        QTest::newRow("truncated-png-signature") << image.left(4) << QByteArray("image/png") << "a.png" << 415
                                                 << "assets.unsupported_type";
        QTest::newRow("svg-declaring-entities") << QByteArray("<!DOCTYPE svg [<!ENTITY lol \"lol\">]><svg xmlns=\"http://www.w3.org/2000/svg\">&lol;</svg>")
                                                << QByteArray("image/svg+xml") << "bomb.svg" << 422 << "assets.invalid_svg";
        QTest::newRow("svg-over-its-limit") << QByteArray("<svg xmlns=\"http://www.w3.org/2000/svg\"><desc>")
                                                   + QByteArray(70 * 1024, 'x') + QByteArray("</desc></svg>")
                                            << QByteArray("image/svg+xml") << "big.svg" << 413 << "assets.too_large";
        QTest::newRow("body-over-the-server-limit") << QByteArray(ContentFixture::kMaxBody + 1, 'x') << QByteArray("image/png")
                                                    << "huge.png" << 413 << "request.too_large";
        QTest::newRow("empty-body") << QByteArray() << QByteArray("image/png") << "empty.png" << 400 << "request.body_required";
        QTest::newRow("name-climbs-out") << image << QByteArray("image/png") << "../../etc/passwd" << 400 << "request.invalid_name";
        QTest::newRow("name-with-slash") << image << QByteArray("image/png") << "logos/a.png" << 400 << "request.invalid_name";
        QTest::newRow("name-with-backslash") << image << QByteArray("image/png") << "..\\..\\win.ini" << 400 << "request.invalid_name";
        QTest::newRow("name-dot-dot") << image << QByteArray("image/png") << ".." << 400 << "request.invalid_name";
        QTest::newRow("name-empty") << image << QByteArray("image/png") << "" << 400 << "request.invalid_name";
        QTest::newRow("name-with-nul") << image << QByteArray("image/png") << QStringLiteral("a") + QChar(0) + QStringLiteral(".png")
                                       << 400 << "request.invalid_name";
        QTest::newRow("name-with-newline") << image << QByteArray("image/png") << "a\r\nX-Evil: 1.png" << 400 << "request.invalid_name";
    }

    void refusedUploadsWriteNothing()
    {
        QFETCH(QByteArray, body);
        QFETCH(QByteArray, type);
        QFETCH(QString, name);
        QFETCH(int, status);
        QFETCH(QString, code);
        const qint64 rows = assetRows();
        const int objects = f.storedObjects();
        const RawResponse r = upload(body, type, name);
        QVERIFY2(r.status == status, describe(r).constData());
        QCOMPARE(errorCode(r), code);
        QVERIFY(!pick(r, {"error", "message"}).toString().isEmpty());
        QCOMPARE(assetRows(), rows);
        QCOMPARE(f.storedObjects(), objects);
    }

    void missingNameIsRefused()
    {
        const RawResponse r = f.call("POST", f.api(f.orgA, QStringLiteral("assets")), f.editor.token, png(Qt::green),
                                     {{"Content-Type", "image/png"}});
        QCOMPARE(r.status, 400);
        QCOMPARE(errorCode(r), QStringLiteral("request.invalid_name"));
    }

    void sqlMetacharactersInNamesAreText()
    {
        const QString name = QStringLiteral("x'); DELETE FROM assets; --.png");
        const RawResponse r = upload(png(QColor(1, 2, 3)), "image/png", name);
        QVERIFY2(r.status == 201, describe(r).constData());
        QCOMPARE(jsonOf(r).value(QStringLiteral("name")).toString(), name);
        QVERIFY(assetRows() >= 1);
    }

    void svgIsSanitisedAndReported()
    {
        RawResponse r = upload(kHostileSvg, "image/svg+xml", QStringLiteral("badge.svg"));
        QVERIFY2(r.status == 201, describe(r).constData());
        const QJsonObject asset = jsonOf(r);
        QCOMPARE(asset.value(QStringLiteral("contentType")).toString(), QStringLiteral("image/svg+xml"));
        const QString removed = asset.value(QStringLiteral("sanitized")).toVariant().toStringList().join(u'\n');
        QVERIFY2(removed.contains(QStringLiteral("<script>")), qPrintable(removed));
        QVERIFY2(removed.contains(QStringLiteral("onload")), qPrintable(removed));
        QVERIFY2(removed.contains(QStringLiteral("href")), qPrintable(removed));

        r = f.call("GET", f.api(f.orgA, QStringLiteral("assets/%1/content").arg(asset.value(QStringLiteral("id")).toString())),
                   f.viewer.token);
        QCOMPARE(r.status, 200);
        QVERIFY(r.header("content-type").startsWith("image/svg+xml"));
        QCOMPARE(r.header("x-content-type-options"), QByteArray("nosniff"));
        QVERIFY2(r.header("content-disposition").startsWith("attachment;"), r.header("content-disposition"));
        QVERIFY(!r.body.contains("<script"));
        QVERIFY(!r.body.contains("onload"));
        QVERIFY(!r.body.contains("evil.example"));
        QVERIFY(r.body.contains("<rect"));
        // The stored bytes are what the hash names.
        QCOMPARE(sha256Hex(r.body), asset.value(QStringLiteral("sha256")).toString());

        // Re-uploading the same hostile file finds the sanitised asset.
        r = upload(kHostileSvg, "image/svg+xml", QStringLiteral("again.svg"));
        QCOMPARE(r.status, 200);
        QCOMPARE(jsonOf(r).value(QStringLiteral("id")).toString(), asset.value(QStringLiteral("id")).toString());
    }

    void authenticatedDownload()
    {
        const QByteArray bytes = png(Qt::darkCyan, 24);
        const QString id = uploadedId(bytes, QStringLiteral("Grüße \"quoted\".png"));
        QVERIFY(!id.isEmpty());
        const QString url = f.api(f.orgA, QStringLiteral("assets/%1/content").arg(id));
        RawResponse r = f.call("GET", url, f.viewer.token);
        QCOMPARE(r.status, 200);
        QCOMPARE(r.body, bytes);
        QCOMPARE(r.header("content-type"), QByteArray("image/png"));
        QCOMPARE(r.header("x-content-type-options"), QByteArray("nosniff"));
        const QByteArray disposition = r.header("content-disposition");
        QVERIFY2(disposition.startsWith("inline; filename=\"Gr__e _quoted_.png\""), disposition);
        QVERIFY2(disposition.contains("filename*=UTF-8''Gr%C3%BC%C3%9Fe%20%22quoted%22.png"), disposition);
        QCOMPARE(r.header("etag"), '"' + sha256Hex(bytes).toLatin1() + '"');
        r = f.call("GET", url, f.viewer.token, {}, {{"If-None-Match", '"' + sha256Hex(bytes).toLatin1() + '"'}});
        QCOMPARE(r.status, 304);
        QCOMPARE(f.call("GET", url, QByteArray()).status, 401);
    }

    void signedUrls()
    {
        const QByteArray bytes = png(Qt::magenta, 20);
        const QString id = uploadedId(bytes, QStringLiteral("shared.png"));
        const QString other = uploadedId(png(Qt::yellow, 20), QStringLiteral("other.png"));
        QVERIFY(!id.isEmpty() && !other.isEmpty());

        RawResponse r = f.call("POST", f.api(f.orgA, QStringLiteral("assets/%1/signed-url").arg(id)), f.viewer.token,
                               QByteArray(R"({"expiresIn": 600})"));
        QVERIFY2(r.status == 200, describe(r).constData());
        const QString path = jsonOf(r).value(QStringLiteral("path")).toString();
        QVERIFY(jsonOf(r).value(QStringLiteral("url")).toString().endsWith(path));
        QVERIFY(path.startsWith(QStringLiteral("/api/v1/signed/assets/") + f.orgA + QLatin1Char('/') + id + QLatin1Char('?')));

        // No login needed.
        r = f.call("GET", path, QByteArray());
        QVERIFY2(r.status == 200, describe(r).constData());
        QCOMPARE(r.body, bytes);
        QCOMPARE(r.header("x-content-type-options"), QByteArray("nosniff"));

        const QUrl signedUrl(path);
        const QUrlQuery query(signedUrl);
        const QString sig = query.queryItemValue(QStringLiteral("sig"));
        const QString expires = query.queryItemValue(QStringLiteral("expires"));
        auto with = [&](const QString &p, const QString &e, const QString &s) -> QString {
            return p + QStringLiteral("?expires=") + e + QStringLiteral("&sig=") + s;
        };
        const QString base = signedUrl.path();
        QString flipped = sig;
        flipped[flipped.size() - 1] = flipped.endsWith(QLatin1Char('A')) ? QLatin1Char('B') : QLatin1Char('A');
        const QList<QPair<QString, QString>> tampered{
            {QStringLiteral("signature-altered"), with(base, expires, flipped)},
            {QStringLiteral("expiry-extended"), with(base, QString::number(expires.toLongLong() + 3600), sig)},
            {QStringLiteral("other-asset"), with(QString(base).replace(id, other), expires, sig)},
            {QStringLiteral("other-org"), with(QString(base).replace(f.orgA, f.orgB), expires, sig)},
            {QStringLiteral("signature-missing"), base + QStringLiteral("?expires=") + expires},
            {QStringLiteral("no-query"), base},
        };
        for (const auto &[what, target] : tampered) {
            r = f.call("GET", target, QByteArray());
            QVERIFY2(r.status == 403, qPrintable(what + QStringLiteral(": ") + QString::fromUtf8(describe(r))));
            QCOMPARE(errorCode(r), QStringLiteral("assets.link_invalid"));
            QVERIFY(!r.body.contains(bytes.left(8)));
        }

        // Genuine but past its expiry.
        f.shiftClock(601);
        r = f.call("GET", path, QByteArray());
        f.shiftClock(-601);
        QCOMPARE(r.status, 403);
        QCOMPARE(errorCode(r), QStringLiteral("assets.link_expired"));
        QCOMPARE(f.call("GET", path, QByteArray()).status, 200);

        for (const QByteArray &body : {QByteArray(R"({"expiresIn": 0})"), QByteArray(R"({"expiresIn": "600"})"),
                                      QByteArray(R"({"expiresIn": 1.5})"), QByteArray(R"({"expiresIn": 99999999})"),
                                      QByteArray("{not json")}) {
            r = f.call("POST", f.api(f.orgA, QStringLiteral("assets/%1/signed-url").arg(id)), f.viewer.token, body);
            QVERIFY2(r.status == 400, QByteArray(body + " → " + describe(r)).constData());
        }
    }

    void otherOrgsIdsAreNotFound()
    {
        const QByteArray bytes = png(Qt::darkRed, 12);
        const QString id = uploadedId(bytes, QStringLiteral("private.png"));
        QVERIFY(!id.isEmpty());
        for (const QString &org : {f.orgB, f.orgA}) {
            for (const QString &suffix : {QString(), QStringLiteral("/content")}) {
                const RawResponse r = f.call("GET", f.api(org, QStringLiteral("assets/") + id + suffix), f.otherOwner.token);
                QVERIFY2(r.status == 404, describe(r).constData());
                QVERIFY(!r.body.contains("private.png"));
                QVERIFY(!r.body.contains(bytes.left(8)));
            }
            const RawResponse r = f.call("POST", f.api(org, QStringLiteral("assets/%1/signed-url").arg(id)), f.otherOwner.token);
            QCOMPARE(r.status, 404);
        }
        for (const QString &bad : {QStringLiteral("not-a-uuid"), QStringLiteral("..%2F..%2Fsecret")}) {
            const RawResponse r = f.call("GET", f.api(f.orgA, QStringLiteral("assets/") + bad + QStringLiteral("/content")), f.owner.token);
            QVERIFY2(r.status == 404, describe(r).constData());
        }
        // A viewer may download but not upload.
        QCOMPARE(upload(png(Qt::gray), "image/png", QStringLiteral("v.png"), f.viewer.token).status, 403);
    }

    void uploadsAndDownloadsAreRateLimited()
    {
        const QByteArray bytes = png(Qt::darkGreen, 9);
        const QString id = uploadedId(bytes, QStringLiteral("limited.png"));
        QVERIFY(!id.isEmpty());
        const qint64 rows = assetRows();
        f.limits()->setLimit(RateLimits::uploadClass(), {1, 0.001});
        f.limits()->setLimit(RateLimits::downloadClass(), {1, 0.001});
        RawResponse refused;
        for (int i = 0; i < 3 && refused.status != 429; ++i)
            refused = upload(png(QColor(10, 20, 30 + i), 9), "image/png", QStringLiteral("burst.png"));
        QVERIFY2(refused.status == 429, describe(refused).constData());
        QVERIFY(refused.header("retry-after").toInt() >= 1);
        QCOMPARE(errorCode(refused), QStringLiteral("rate_limited"));
        RawResponse download;
        for (int i = 0; i < 3; ++i)
            download = f.call("GET", f.api(f.orgA, QStringLiteral("assets/%1/content").arg(id)), f.viewer.token);
        QCOMPARE(download.status, 429);
        f.limits()->setLimit(RateLimits::uploadClass(), {1000, 1000});
        f.limits()->setLimit(RateLimits::downloadClass(), {1000, 1000});
        QVERIFY(assetRows() <= rows + 1); // at most the one upload the bucket allowed
    }

    void plansQuotasRefuseUploadsAndDownloads()
    {
        // Org B on a tiny plan: room for a small image more, and one more download today.
        const qint64 stored = f.count(f.orgB, "SELECT coalesce(sum(used), 0) FROM usage_totals WHERE kind = 'storage_bytes'");
        const qint64 downloaded = f.count(f.orgB, "SELECT coalesce(sum(used), 0) FROM usage_daily WHERE kind = 'downloads' "
                                                  "AND day = (now() AT TIME ZONE 'UTC')::date");
        QVERIFY(stored >= 0 && downloaded >= 0);
        QVERIFY(f.asOwner(f.orgB, QStringLiteral("INSERT INTO plans (name, display_name, downloads_per_day, storage_bytes) "
                                                 "VALUES ('tiny-test', 'Tiny', %1, %2); "
                                                 "INSERT INTO org_plans (org_id, plan) VALUES ('%3', 'tiny-test') "
                                                 "ON CONFLICT (org_id) DO UPDATE SET plan = 'tiny-test'")
                                      .arg(downloaded + 1)
                                      .arg(stored + 2000)
                                      .arg(f.orgB)));
        RawResponse r = upload(png(Qt::cyan, 8), "image/png", QStringLiteral("small.png"), f.otherOwner.token, f.orgB);
        QVERIFY2(r.status == 201, describe(r).constData());
        const QString id = jsonOf(r).value(QStringLiteral("id")).toString();

        QImage noise(64, 64, QImage::Format_ARGB32);
        for (int y = 0; y < 64; ++y)
            for (int x = 0; x < 64; ++x)
                noise.setPixel(x, y, qRgba((x * 37 + y * 91) % 256, (x * y * 13) % 256, (x * 7 + y * y) % 256, 255));
        QByteArray big;
        QBuffer buffer(&big);
        buffer.open(QIODevice::WriteOnly);
        noise.save(&buffer, "PNG");
        QVERIFY(big.size() > 2000);
        const qint64 rows = assetRows(f.orgB);
        r = upload(big, "image/png", QStringLiteral("big.png"), f.otherOwner.token, f.orgB);
        QVERIFY2(r.status == 402, describe(r).constData());
        QCOMPARE(errorCode(r), QStringLiteral("quota.exceeded"));
        QCOMPARE(assetRows(f.orgB), rows);

        const QString content = f.api(f.orgB, QStringLiteral("assets/%1/content").arg(id));
        QCOMPARE(f.call("GET", content, f.otherOwner.token).status, 200);
        r = f.call("GET", content, f.otherOwner.token);
        QVERIFY2(r.status == 402, describe(r).constData());
        QVERIFY(r.header("retry-after").toInt() >= 1);
        QVERIFY(f.asOwner(f.orgB, QStringLiteral("DELETE FROM org_plans WHERE org_id = '%1'").arg(f.orgB)));
    }

    void listIsPaginated()
    {
        QSet<QString> seen;
        QString cursor;
        int pages = 0;
        do {
            const RawResponse r = f.call("GET", f.api(f.orgA, QStringLiteral("assets?limit=2") +
                                                              (cursor.isEmpty() ? QString() : QStringLiteral("&cursor=") + cursor)),
                                         f.viewer.token);
            QVERIFY2(r.status == 200, describe(r).constData());
            for (const QJsonValue &item : jsonOf(r).value(QStringLiteral("items")).toArray()) {
                QVERIFY(!seen.contains(pick(item, {"id"}).toString()));
                seen.insert(pick(item, {"id"}).toString());
            }
            cursor = jsonOf(r).value(QStringLiteral("nextCursor")).toString();
        } while (!cursor.isEmpty() && ++pages < 100);
        QCOMPARE(qint64(seen.size()), assetRows());
        QCOMPARE(f.call("GET", f.api(f.orgA, QStringLiteral("assets?cursor=nope")), f.viewer.token).status, 400);
    }
};

QTEST_GUILESS_MAIN(TstAssets)
#include "tst_assets.moc"
