// SPDX-License-Identifier: GPL-3.0-or-later
// The workspace content API (decks, brand kits, templates) over HTTP against
// the real server and the real PostgreSQL: create, list, search, paginate,
// get with ETags, updates with If-Match, revisions byte for byte, trash and
// restore, refused input that writes nothing, other orgs' ids → 404.
#include "tst_content_support.h"

#include "auth/permissions.h"

#include <QFile>
#include <QRegularExpression>
#include <QSet>
#include <QUuid>

#include <thread>

using namespace contenttest;

namespace {

QByteArray resource(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

// A valid deck in a deliberately non-canonical layout (member order, spacing,
// an unknown member): the server must give back exactly these bytes.
QByteArray deckSpec(const QString &title = QStringLiteral("Quarterly review"), const QString &text = QStringLiteral("Hello"))
{
    return QStringLiteral(R"({"version":1,  "format":"slidespec", "id": "d1", "title": "%1", "x-note": "keep me",
 "brand":{"colors":{"background":"#ffffff","text":"#1a1a1a"},"fonts":{"body":{"family":"Inter"}}},
 "slides":[{"id":"s1","elements":[{"type":"text","id":"t1","role":"title",
   "frame":{"x":40,"y":30,"w":400,"h":60},
   "text":{"paragraphs":[{"runs":[{"text":"%2"}]}]}}]}]}
)").arg(title, text).toUtf8();
}

QByteArray specFor(const QString &kind)
{
    if (kind == u"brand-kits")
        return resource(QStringLiteral(":/slidespec/brands/midnight.json"));
    if (kind == u"templates")
        return resource(QStringLiteral(":/slidespec/templates/title.json"));
    return deckSpec();
}

} // namespace

class TstContent : public QObject
{
    Q_OBJECT

private:
    ContentFixture f;

    /*! Creates a deck in org A as the owner; returns its id. */
    QString createDeck(const QString &name, const QByteArray &spec = deckSpec())
    {
        const RawResponse r = f.call("POST", f.api(f.orgA, QStringLiteral("decks?name=")
                                                               + QString::fromLatin1(QUrl::toPercentEncoding(name))),
                                     f.owner.token, spec);
        if (r.status != 201)
            qWarning("create failed: %s", describe(r).constData());
        return jsonOf(r).value(QStringLiteral("id")).toString();
    }

    QString deckUrl(const QString &id, const QString &rest = {}) const
    {
        return f.api(f.orgA, QStringLiteral("decks/") + id + rest);
    }

    qint64 deckRows() { return f.count(f.orgA, "SELECT count(*) FROM decks"); }
    qint64 revisionRows() { return f.count(f.orgA, "SELECT count(*) FROM deck_revisions"); }

private slots:
    void initTestCase()
    {
        const QString error = f.start(QStringLiteral("content"), /*useModuleInstaller=*/true);
        QVERIFY2(error.isEmpty(), qPrintable(error));
    }

    void createAndGetByteExact_data()
    {
        QTest::addColumn<QString>("kind");
        QTest::addColumn<QString>("expectedName");
        QTest::addColumn<QString>("templateKind");
        QTest::newRow("deck-named-by-its-title") << QStringLiteral("decks") << QStringLiteral("Quarterly review") << QString();
        QTest::newRow("brand-kit-named-by-its-name") << QStringLiteral("brand-kits") << QStringLiteral("Midnight Analytics") << QString();
        QTest::newRow("slide-template") << QStringLiteral("templates") << QStringLiteral("Title") << QStringLiteral("slide");
    }

    void createAndGetByteExact()
    {
        QFETCH(QString, kind);
        QFETCH(QString, expectedName);
        QFETCH(QString, templateKind);
        const QByteArray spec = specFor(kind);
        QVERIFY(!spec.isEmpty());
        const RawResponse created = f.call("POST", f.api(f.orgA, kind), f.owner.token, spec);
        QVERIFY2(created.status == 201, describe(created).constData());
        const QJsonObject item = jsonOf(created);
        const QString id = item.value(QStringLiteral("id")).toString();
        QCOMPARE(item.value(QStringLiteral("revision")).toInt(), 1);
        QCOMPARE(item.value(QStringLiteral("name")).toString(), expectedName);
        QCOMPARE(item.value(QStringLiteral("size")).toInteger(), spec.size());
        QCOMPARE(item.value(QStringLiteral("createdBy")).toString(), f.owner.id);
        if (!templateKind.isEmpty())
            QCOMPARE(item.value(QStringLiteral("templateKind")).toString(), templateKind);
        QCOMPARE(created.header("etag"), QByteArray("\"1\""));
        QCOMPARE(created.header("location"), f.api(f.orgA, kind + QLatin1Char('/') + id).toUtf8());

        const RawResponse got = f.call("GET", f.api(f.orgA, kind + QLatin1Char('/') + id), f.viewer.token);
        QCOMPARE(got.status, 200);
        QCOMPARE(got.body, spec); // byte for byte, not re-serialised
        QCOMPARE(got.header("etag"), QByteArray("\"1\""));
        QVERIFY(got.header("content-type").startsWith("application/json"));

        const RawResponse meta = f.call("GET", f.api(f.orgA, kind + QLatin1Char('/') + id + QStringLiteral("/metadata")),
                                        f.viewer.token);
        QCOMPARE(meta.status, 200);
        QCOMPARE(jsonOf(meta).value(QStringLiteral("name")).toString(), expectedName);
    }

    void deckTemplateIsATemplateKind()
    {
        const RawResponse r = f.call("POST", f.api(f.orgA, QStringLiteral("templates?name=Pitch")), f.editor.token,
                                     deckSpec());
        QVERIFY2(r.status == 201, describe(r).constData());
        QCOMPARE(jsonOf(r).value(QStringLiteral("templateKind")).toString(), QStringLiteral("deck"));
        // The gallery is the org's templates list, seen by every member.
        const RawResponse gallery = f.call("GET", f.api(f.orgA, QStringLiteral("templates?q=pitch")), f.viewer.token);
        QCOMPARE(gallery.status, 200);
        QCOMPARE(jsonOf(gallery).value(QStringLiteral("items")).toArray().size(), 1);
    }

    void etagConditionalGetAndUpdates()
    {
        const QString id = createDeck(QStringLiteral("ETag flow"));
        QVERIFY(!id.isEmpty());

        RawResponse r = f.call("GET", deckUrl(id), f.owner.token, {}, {{"If-None-Match", "\"1\""}});
        QCOMPARE(r.status, 304);
        QVERIFY(r.body.isEmpty());
        QCOMPARE(r.header("etag"), QByteArray("\"1\""));

        const qint64 revisionsBefore = revisionRows();
        const QByteArray v2 = deckSpec(QStringLiteral("ETag flow"), QStringLiteral("Second"));
        r = f.call("PUT", deckUrl(id), f.owner.token, v2);
        QCOMPARE(r.status, 428);
        QCOMPARE(errorCode(r), QStringLiteral("content.if_match_required"));

        r = f.call("PUT", deckUrl(id), f.owner.token, v2, {{"If-Match", "\"7\""}});
        QCOMPARE(r.status, 412);
        QCOMPARE(errorCode(r), QStringLiteral("content.revision_mismatch"));
        QCOMPARE(pick(r, {"error", "details", "currentRevision"}).toInt(), 1);
        QCOMPARE(r.header("etag"), QByteArray("\"1\""));
        QCOMPARE(revisionRows(), revisionsBefore);

        for (const QByteArray &bad : {QByteArray("*"), QByteArray("W/\"1\""), QByteArray("1"), QByteArray("\"1\", \"2\"")}) {
            r = f.call("PUT", deckUrl(id), f.owner.token, v2, {{"If-Match", bad}});
            QVERIFY2(r.status == 400, QByteArray(bad + " → " + describe(r)).constData());
        }
        QCOMPARE(revisionRows(), revisionsBefore);

        r = f.call("PUT", deckUrl(id), f.editor.token, v2, {{"If-Match", "\"1\""}});
        QVERIFY2(r.status == 200, describe(r).constData());
        QCOMPARE(jsonOf(r).value(QStringLiteral("revision")).toInt(), 2);
        QCOMPARE(jsonOf(r).value(QStringLiteral("updatedBy")).toString(), f.editor.id);
        QCOMPARE(r.header("etag"), QByteArray("\"2\""));
        QCOMPARE(revisionRows(), revisionsBefore + 1);

        // A second writer still holding revision 1 is refused.
        r = f.call("PUT", deckUrl(id), f.owner.token, deckSpec(QStringLiteral("x"), QStringLiteral("Lost")),
                   {{"If-Match", "\"1\""}});
        QCOMPARE(r.status, 412);
        QCOMPARE(pick(r, {"error", "details", "currentRevision"}).toInt(), 2);

        r = f.call("GET", deckUrl(id), f.owner.token, {}, {{"If-None-Match", "\"1\""}});
        QCOMPARE(r.status, 200);
        QCOMPARE(r.body, v2);
        r = f.call("GET", deckUrl(id), f.owner.token, {}, {{"If-None-Match", "W/\"2\""}});
        QCOMPARE(r.status, 304);

        // Renaming with a save.
        r = f.call("PUT", deckUrl(id, QStringLiteral("?name=Renamed%20deck")), f.owner.token, v2, {{"If-Match", "\"2\""}});
        QCOMPARE(r.status, 200);
        QCOMPARE(jsonOf(r).value(QStringLiteral("name")).toString(), QStringLiteral("Renamed deck"));
    }

    void concurrentSavesOfOneRevisionOneWins()
    {
        const QString id = createDeck(QStringLiteral("Race"));
        QVERIFY(!id.isEmpty());
        const qint64 revisions = revisionRows();
        // Eight writers who all loaded revision 1 save at the same moment.
        std::vector<std::unique_ptr<RawConnection>> writers;
        for (int i = 0; i < 8; ++i) {
            const QByteArray body = deckSpec(QStringLiteral("Race"), QStringLiteral("writer %1").arg(i));
            QByteArray request = "PUT " + QUrl(deckUrl(id)).toEncoded() + " HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                                 "Authorization: Bearer " + f.owner.token + "\r\nIf-Match: \"1\"\r\n"
                                 "Content-Type: application/json\r\nContent-Length: " + QByteArray::number(body.size())
                                 + "\r\n\r\n" + body;
            writers.push_back(std::make_unique<RawConnection>(f.service().port()));
            writers.back()->send(request);
        }
        int saved = 0;
        int conflicts = 0;
        for (auto &w : writers) {
            const RawResponse r = w->read();
            saved += r.status == 200;
            conflicts += r.status == 412;
        }
        QCOMPARE(saved, 1);
        QCOMPARE(conflicts, 7);
        QCOMPARE(revisionRows(), revisions + 1);
        QCOMPARE(f.call("GET", deckUrl(id), f.owner.token).header("etag"), QByteArray("\"2\""));
    }

    void everyKindSavesTrashesAndRestores_data()
    {
        QTest::addColumn<QString>("kind");
        QTest::addColumn<QByteArray>("token"); // a role allowed to write and delete this kind
        QTest::newRow("decks-by-an-editor") << QStringLiteral("decks") << f.editor.token;
        QTest::newRow("brand-kits-by-the-owner") << QStringLiteral("brand-kits") << f.owner.token;
        QTest::newRow("templates-by-an-editor") << QStringLiteral("templates") << f.editor.token;
    }

    void everyKindSavesTrashesAndRestores()
    {
        QFETCH(QString, kind);
        QFETCH(QByteArray, token);
        const QByteArray spec = specFor(kind);
        RawResponse r = f.call("POST", f.api(f.orgA, kind + QStringLiteral("?name=Lifecycle")), token, spec);
        QVERIFY2(r.status == 201, describe(r).constData());
        const QString url = f.api(f.orgA, kind + QLatin1Char('/') + jsonOf(r).value(QStringLiteral("id")).toString());
        const QByteArray edited = QByteArray(spec).replace("{", "{ ");
        QCOMPARE(f.call("PUT", url, token, edited).status, 428);
        r = f.call("PUT", url, token, edited, {qMakePair(QByteArray("If-Match"), QByteArray("\"1\""))});
        QVERIFY2(r.status == 200, describe(r).constData());
        QCOMPARE(r.header("etag"), QByteArray("\"2\""));
        QCOMPARE(f.call("GET", url, f.viewer.token).body, edited);
        QCOMPARE(f.call("GET", url + QStringLiteral("/revisions/1"), f.viewer.token).body, spec);
        QCOMPARE(pick(f.call("GET", url + QStringLiteral("/revisions"), f.viewer.token), {"revisions"}).toArray().size(), 2);
        QCOMPARE(f.call("DELETE", url, token).status, 200);
        r = f.call("GET", f.api(f.orgA, kind + QStringLiteral("?deleted=true&q=lifecycle")), f.viewer.token);
        QCOMPARE(pick(r, {"items"}).toArray().size(), 1);
        QCOMPARE(f.call("POST", url + QStringLiteral("/restore"), token).status, 200);
        r = f.call("GET", f.api(f.orgA, kind + QStringLiteral("?q=lifecycle")), f.viewer.token);
        QCOMPARE(pick(r, {"items"}).toArray().size(), 1);
    }

    void revisionsListAndFetchOldOnes()
    {
        const QByteArray v1 = deckSpec(QStringLiteral("History"), QStringLiteral("one"));
        const QString id = createDeck(QStringLiteral("History"), v1);
        QVERIFY(!id.isEmpty());
        const QByteArray v2 = deckSpec(QStringLiteral("History"), QStringLiteral("two")) + "\n\n";
        const QByteArray v3 = deckSpec(QStringLiteral("History"), QStringLiteral("three — ünïcode"));
        QCOMPARE(f.call("PUT", deckUrl(id), f.owner.token, v2, {{"If-Match", "\"1\""}}).status, 200);
        QCOMPARE(f.call("PUT", deckUrl(id), f.owner.token, v3, {{"If-Match", "\"2\""}}).status, 200);

        RawResponse r = f.call("GET", deckUrl(id, QStringLiteral("/revisions?limit=2")), f.viewer.token);
        QCOMPARE(r.status, 200);
        QJsonArray revisions = jsonOf(r).value(QStringLiteral("revisions")).toArray();
        QCOMPARE(revisions.size(), 2);
        QCOMPARE(pick(revisions[0], {"revision"}).toInt(), 3);
        QCOMPARE(pick(revisions[1], {"revision"}).toInt(), 2);
        QCOMPARE(pick(revisions[0], {"size"}).toInteger(), v3.size());
        QCOMPARE(pick(revisions[0], {"sha256"}).toString(), sha256Hex(v3));
        QCOMPARE(pick(revisions[0], {"author"}).toString(), f.owner.id);
        const QString cursor = jsonOf(r).value(QStringLiteral("nextCursor")).toString();
        QVERIFY(!cursor.isEmpty());
        r = f.call("GET", deckUrl(id, QStringLiteral("/revisions?limit=2&cursor=") + cursor), f.viewer.token);
        QCOMPARE(r.status, 200);
        revisions = jsonOf(r).value(QStringLiteral("revisions")).toArray();
        QCOMPARE(revisions.size(), 1);
        QCOMPARE(pick(revisions[0], {"revision"}).toInt(), 1);
        QVERIFY(jsonOf(r).value(QStringLiteral("nextCursor")).isNull());

        for (const auto &[n, bytes] : {std::pair{1, v1}, std::pair{2, v2}, std::pair{3, v3}}) {
            r = f.call("GET", deckUrl(id, QStringLiteral("/revisions/%1").arg(n)), f.viewer.token);
            QCOMPARE(r.status, 200);
            QCOMPARE(r.body, bytes);
            QCOMPARE(r.header("etag"), '"' + QByteArray::number(n) + '"');
            QCOMPARE(r.header("x-slidespec-current-revision"), QByteArray("3"));
        }
        QCOMPARE(f.call("GET", deckUrl(id, QStringLiteral("/revisions/4")), f.viewer.token).status, 404);
        QCOMPARE(f.call("GET", deckUrl(id, QStringLiteral("/revisions/0")), f.viewer.token).status, 404);
        QCOMPARE(f.call("GET", deckUrl(id, QStringLiteral("/revisions/abc")), f.viewer.token).status, 404);
        QCOMPARE(f.call("GET", deckUrl(id, QStringLiteral("/revisions?cursor=bogus")), f.viewer.token).status, 400);
    }

    void listSearchAndPaginate()
    {
        QStringList ids;
        for (const QString &name : {QStringLiteral("Alpha one"), QStringLiteral("alpha two"), QStringLiteral("ALPHA three"),
                                    QStringLiteral("Beta"), QStringLiteral("under_score"), QStringLiteral("100% done")})
            ids << createDeck(name);
        QVERIFY(!ids.contains(QString()));

        // Walk all pages of two: every deck exactly once.
        QSet<QString> seen;
        QString cursor;
        int pages = 0;
        do {
            const RawResponse r = f.call("GET", f.api(f.orgA, QStringLiteral("decks?limit=2") +
                                                              (cursor.isEmpty() ? QString() : QStringLiteral("&cursor=") + cursor)),
                                         f.viewer.token);
            QVERIFY2(r.status == 200, describe(r).constData());
            const QJsonArray items = jsonOf(r).value(QStringLiteral("items")).toArray();
            QVERIFY(items.size() <= 2);
            for (const QJsonValue &item : items) {
                const QString id = pick(item, {"id"}).toString();
                QVERIFY2(!seen.contains(id), "a deck was listed twice");
                seen.insert(id);
            }
            cursor = jsonOf(r).value(QStringLiteral("nextCursor")).toString();
            ++pages;
        } while (!cursor.isEmpty() && pages < 100);
        QCOMPARE(qint64(seen.size()), f.count(f.orgA, "SELECT count(*) FROM decks WHERE deleted_at IS NULL"));
        for (const QString &id : ids)
            QVERIFY(seen.contains(id));

        auto names = [&](const QString &query) {
            const RawResponse r = f.call("GET", f.api(f.orgA, QStringLiteral("decks?") + query), f.viewer.token);
            QStringList out;
            if (r.status != 200) {
                out << QStringLiteral("HTTP %1").arg(r.status);
                return out;
            }
            for (const QJsonValue &item : jsonOf(r).value(QStringLiteral("items")).toArray())
                out << pick(item, {"name"}).toString();
            return out;
        };
        QStringList alpha = names(QStringLiteral("q=alpha&sort=name"));
        QCOMPARE(alpha, (QStringList{QStringLiteral("Alpha one"), QStringLiteral("ALPHA three"), QStringLiteral("alpha two")}));
        // LIKE wildcards and SQL are plain text in a search.
        QCOMPARE(names(QStringLiteral("q=_")), QStringList{QStringLiteral("under_score")});
        QCOMPARE(names(QStringLiteral("q=%25")), QStringList{QStringLiteral("100% done")});
        QCOMPARE(names(QStringLiteral("q=") + QString::fromLatin1(QUrl::toPercentEncoding("' OR 1=1 --"))), QStringList());
        QCOMPARE(names(QStringLiteral("q=") + QString::fromLatin1(QUrl::toPercentEncoding("\"; DROP TABLE decks; --"))),
                 QStringList());
        QVERIFY(deckRows() > 0);

        // Sorted by name across pages.
        QStringList byName;
        cursor.clear();
        do {
            const RawResponse r = f.call("GET", f.api(f.orgA, QStringLiteral("decks?sort=name&limit=3") +
                                                              (cursor.isEmpty() ? QString() : QStringLiteral("&cursor=") + cursor)),
                                         f.viewer.token);
            QCOMPARE(r.status, 200);
            for (const QJsonValue &item : jsonOf(r).value(QStringLiteral("items")).toArray())
                byName << pick(item, {"name"}).toString().toLower();
            cursor = jsonOf(r).value(QStringLiteral("nextCursor")).toString();
        } while (!cursor.isEmpty());
        QStringList sorted = byName;
        std::sort(sorted.begin(), sorted.end());
        QCOMPARE(byName.size(), seen.size());
        QCOMPARE(byName, sorted);
    }

    void badListQueries_data()
    {
        QTest::addColumn<QString>("query");
        QTest::newRow("limit-zero") << QStringLiteral("limit=0");
        QTest::newRow("limit-too-big") << QStringLiteral("limit=101");
        QTest::newRow("limit-not-a-number") << QStringLiteral("limit=ten");
        QTest::newRow("cursor-not-base64") << QStringLiteral("cursor=%%%");
        QTest::newRow("cursor-forged-json") << QStringLiteral("cursor=") + QString::fromLatin1(QByteArray("{\"s\":\"updated\",\"k\":\"x\x27; --\",\"i\":\"1\"}").toBase64(QByteArray::Base64UrlEncoding));
        QTest::newRow("cursor-of-another-sort") << QStringLiteral("sort=name&cursor=") + QString::fromLatin1(QByteArray(R"({"s":"updated","d":false,"k":"2026-01-01T00:00:00.000000Z","i":"00000000-0000-0000-0000-000000000000"})").toBase64(QByteArray::Base64UrlEncoding));
        QTest::newRow("deleted-not-boolean") << QStringLiteral("deleted=maybe");
        QTest::newRow("sort-unknown") << QStringLiteral("sort=id;drop");
        QTest::newRow("q-with-control-character") << QStringLiteral("q=a%0Ab");
        QTest::newRow("q-too-long") << QStringLiteral("q=") + QString(300, QLatin1Char('x'));
    }

    void badListQueries()
    {
        QFETCH(QString, query);
        const RawResponse r = f.call("GET", f.api(f.orgA, QStringLiteral("decks?") + query), f.viewer.token);
        QVERIFY2(r.status == 400, describe(r).constData());
        QCOMPARE(errorCode(r), QStringLiteral("request.invalid_query"));
    }

    void trashAndRestore()
    {
        const QString id = createDeck(QStringLiteral("Trash me"));
        QVERIFY(!id.isEmpty());
        auto listed = [&](bool deleted) {
            const RawResponse r = f.call("GET", f.api(f.orgA, QStringLiteral("decks?q=trash%20me&deleted=%1").arg(deleted ? "true" : "false")),
                                         f.viewer.token);
            return jsonOf(r).value(QStringLiteral("items")).toArray().size();
        };
        QCOMPARE(listed(false), 1);
        QCOMPARE(listed(true), 0);

        QCOMPARE(f.call("DELETE", deckUrl(id), f.viewer.token).status, 403); // viewers cannot delete
        RawResponse r = f.call("DELETE", deckUrl(id), f.editor.token);
        QVERIFY2(r.status == 200, describe(r).constData());
        QVERIFY(!jsonOf(r).value(QStringLiteral("deletedAt")).toString().isEmpty());
        QCOMPARE(listed(false), 0);
        QCOMPARE(listed(true), 1);
        QCOMPARE(f.call("DELETE", deckUrl(id), f.editor.token).status, 200); // idempotent

        // In the trash: readable, not writable.
        QCOMPARE(f.call("GET", deckUrl(id), f.viewer.token).status, 200);
        r = f.call("PUT", deckUrl(id), f.owner.token, deckSpec(), {{"If-Match", "\"1\""}});
        QCOMPARE(r.status, 409);
        QCOMPARE(errorCode(r), QStringLiteral("content.in_trash"));

        r = f.call("POST", deckUrl(id, QStringLiteral("/restore")), f.editor.token);
        QVERIFY2(r.status == 200, describe(r).constData());
        QVERIFY(jsonOf(r).value(QStringLiteral("deletedAt")).isNull());
        QCOMPARE(listed(false), 1);
        QCOMPARE(listed(true), 0);
        r = f.call("POST", deckUrl(id, QStringLiteral("/restore")), f.editor.token);
        QCOMPARE(r.status, 409);
        QCOMPARE(errorCode(r), QStringLiteral("content.not_in_trash"));

        // The audit log has one row per real change, with who did it (the second delete changed nothing).
        auto audited = [&](const char *action) {
            return f.count(f.orgA, QStringLiteral("SELECT count(*) FROM audit_events WHERE action = '%1' AND object_id = '%2' "
                                                  "AND actor_user_id = '%3'")
                                       .arg(QLatin1StringView(action), id, f.editor.id)
                                       .toUtf8()
                                       .constData());
        };
        QCOMPARE(audited("deck.deleted"), 1);
        QCOMPARE(audited("deck.restored"), 1);
    }

    void refusedSpecsWriteNothing_data()
    {
        QTest::addColumn<QString>("kind");
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<QByteArray>("contentType");
        QTest::addColumn<int>("status");
        QTest::addColumn<QString>("code");
        QTest::addColumn<QString>("path"); // the first problem's JSON path ("" for syntax errors)

        const QByteArray deck = deckSpec();
        QTest::newRow("malformed-json-has-line-and-column") << "decks" << QByteArray("{\n  \"format\": \"slidespec\",\n  oops\n}")
                                                            << QByteArray("application/json") << 400 << "spec.invalid_json" << "";
        QTest::newRow("truncated-json") << "decks" << deck.left(deck.size() / 2) << QByteArray("application/json") << 400
                                        << "spec.invalid_json" << "";
        QTest::newRow("wrong-type-slides-is-a-string") << "decks"
            << QByteArray(deck).replace(deck.mid(deck.indexOf("\"slides\""), deck.size() - deck.indexOf("\"slides\"")),
                                        "\"slides\": \"many\"}")
            << QByteArray("application/json") << 422 << "spec.invalid" << "$.slides";
        QTest::newRow("wrong-type-frame-width") << "decks" << QByteArray(deck).replace("\"w\":400", "\"w\":\"wide\"")
                                                << QByteArray("application/json") << 422 << "spec.invalid"
                                                << "$.slides[0].elements[0].frame.w";
        QTest::newRow("missing-brand") << "decks"
            << QByteArray(R"({"format":"slidespec","version":1,"slides":[]})") << QByteArray("application/json") << 422
            << "spec.invalid" << "$.brand";
        QTest::newRow("brandRef-names-a-server-file") << "decks"
            << QByteArray(R"({"format":"slidespec","version":1,"brandRef":"../../../../etc/passwd","slides":[]})")
            << QByteArray("application/json") << 422 << "spec.invalid" << "$.brandRef";
        QTest::newRow("array-instead-of-object") << "decks" << QByteArray("[1,2,3]") << QByteArray("application/json")
                                                 << 422 << "spec.invalid" << "$";
        QTest::newRow("deck-sent-as-brand-kit") << "brand-kits" << deck << QByteArray("application/json") << 422
                                                << "spec.invalid" << "$.format";
        QTest::newRow("template-of-unknown-format") << "templates" << QByteArray(R"({"format":"pptx"})")
                                                    << QByteArray("application/json") << 422 << "spec.invalid" << "$.format";
        QTest::newRow("slide-template-with-bad-element") << "templates"
            << QByteArray(R"({"format":"slidespec-template","version":1,"id":"t","name":"T","slide":{"id":"s","elements":[{"type":"blob","id":"e"}]}})")
            << QByteArray("application/json") << 422 << "spec.invalid" << "$.slide.elements[0].type";
        QTest::newRow("not-json-content-type") << "decks" << deck << QByteArray("text/plain") << 415
                                               << "request.unsupported_media_type" << "";
        QTest::newRow("empty-body") << "decks" << QByteArray() << QByteArray("application/json") << 400
                                    << "request.body_required" << "";
        QTest::newRow("huge-body") << "decks" << QByteArray(ContentFixture::kMaxBody + 10, ' ')
                                   << QByteArray("application/json") << 413 << "request.too_large" << "";
        QTest::newRow("nesting-bomb") << "decks" << QByteArray(5000, '[') << QByteArray("application/json") << 400
                                      << "spec.invalid_json" << "";
    }

    void refusedSpecsWriteNothing()
    {
        QFETCH(QString, kind);
        QFETCH(QByteArray, body);
        QFETCH(QByteArray, contentType);
        QFETCH(int, status);
        QFETCH(QString, code);
        QFETCH(QString, path);
        const QString table = kind == u"decks" ? QStringLiteral("deck") : kind == u"brand-kits" ? QStringLiteral("brand_kit")
                                                                                               : QStringLiteral("template");
        const QByteArray countObjects = QStringLiteral("SELECT count(*) FROM %1s").arg(table).toUtf8();
        const QByteArray countRevisions = QStringLiteral("SELECT count(*) FROM %1_revisions").arg(table).toUtf8();
        const qint64 objects = f.count(f.orgA, countObjects.constData());
        const qint64 revisions = f.count(f.orgA, countRevisions.constData());

        const RawResponse r = f.call("POST", f.api(f.orgA, kind), f.owner.token, body, {{"Content-Type", contentType}});
        QVERIFY2(r.status == status, describe(r).constData());
        QCOMPARE(errorCode(r), code);
        const QJsonObject error = jsonOf(r).value(QStringLiteral("error")).toObject();
        QVERIFY(!error.value(QStringLiteral("message")).toString().isEmpty());
        if (code.startsWith(u"spec.")) {
            const QJsonArray problems = pick(error, {"details", "problems"}).toArray();
            QVERIFY2(!problems.isEmpty(), describe(r).constData());
            if (path.isEmpty()) {
                QVERIFY2(pick(problems[0], {"line"}).toInt() > 0, describe(r).constData()); // syntax errors say where
            } else {
                bool found = false;
                for (const QJsonValue &p : problems)
                    found = found || pick(p, {"path"}).toString() == path;
                QVERIFY2(found, describe(r).constData());
            }
        }
        // The same body as an update of an existing deck is refused the same way.
        QCOMPARE(f.count(f.orgA, countObjects.constData()), objects);
        QCOMPARE(f.count(f.orgA, countRevisions.constData()), revisions);
    }

    void refusedUpdateKeepsTheRevision()
    {
        const QString id = createDeck(QStringLiteral("Keeps"));
        const qint64 revisions = revisionRows();
        const RawResponse r = f.call("PUT", deckUrl(id), f.owner.token, QByteArray("{\"format\": 1}"), {{"If-Match", "\"1\""}});
        QCOMPARE(r.status, 422);
        QCOMPARE(revisionRows(), revisions);
        QCOMPARE(f.call("GET", deckUrl(id), f.owner.token).body, deckSpec());
        QCOMPARE(f.call("GET", deckUrl(id), f.owner.token).header("etag"), QByteArray("\"1\""));
    }

    void names_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<int>("status");
        QTest::addColumn<QString>("stored");
        QTest::newRow("trimmed") << QStringLiteral("  Roadmap  ") << 201 << QStringLiteral("Roadmap");
        QTest::newRow("sql-metacharacters-are-text") << QStringLiteral("Robert'); DROP TABLE decks;--") << 201
                                                     << QStringLiteral("Robert'); DROP TABLE decks;--");
        QTest::newRow("unicode-200-characters") << QString(200, QChar(0x00e9)) << 201 << QString(200, QChar(0x00e9));
        QTest::newRow("empty") << QString() << 400 << QString();
        QTest::newRow("only-spaces") << QStringLiteral("   ") << 400 << QString();
        QTest::newRow("201-characters") << QString(201, QLatin1Char('a')) << 400 << QString();
        QTest::newRow("tab") << QStringLiteral("a\tb") << 400 << QString();
        QTest::newRow("newline") << QStringLiteral("a\nb") << 400 << QString();
        QTest::newRow("nul") << QStringLiteral("a") + QChar(0) + QStringLiteral("b") << 400 << QString();
        QTest::newRow("line-separator") << QStringLiteral("a") + QChar(0x2028) + QStringLiteral("b") << 400 << QString();
    }

    void names()
    {
        QFETCH(QString, name);
        QFETCH(int, status);
        QFETCH(QString, stored);
        const qint64 before = deckRows();
        const RawResponse r = f.call("POST", f.api(f.orgA, QStringLiteral("decks?name=") +
                                                               QString::fromLatin1(QUrl::toPercentEncoding(name))),
                                     f.owner.token, deckSpec());
        QVERIFY2(r.status == status, describe(r).constData());
        if (status == 201) {
            QCOMPARE(jsonOf(r).value(QStringLiteral("name")).toString(), stored);
            QCOMPARE(deckRows(), before + 1);
        } else {
            QCOMPARE(errorCode(r), QStringLiteral("request.invalid_name"));
            QCOMPARE(deckRows(), before);
        }
    }

    void rolesFollowTheMatrix()
    {
        // Editors write decks and templates but not brand kits; viewers only read.
        QCOMPARE(f.call("POST", f.api(f.orgA, QStringLiteral("decks")), f.editor.token, deckSpec()).status, 201);
        RawResponse r = f.call("POST", f.api(f.orgA, QStringLiteral("brand-kits")), f.editor.token, specFor(QStringLiteral("brand-kits")));
        QCOMPARE(r.status, 403);
        QCOMPARE(errorCode(r), QStringLiteral("auth.forbidden"));
        QCOMPARE(f.call("POST", f.api(f.orgA, QStringLiteral("decks")), f.viewer.token, deckSpec()).status, 403);
        QCOMPARE(f.call("GET", f.api(f.orgA, QStringLiteral("brand-kits")), f.viewer.token).status, 200);
        QCOMPARE(f.call("GET", f.api(f.orgA, QStringLiteral("decks")), QByteArray()).status, 401);
        QCOMPARE(f.call("GET", f.api(f.orgA, QStringLiteral("decks")), QByteArray("sss_not-a-real-token")).status, 401);
    }

    void otherOrgsIdsAreNotFound_data()
    {
        QTest::addColumn<QByteArray>("method");
        QTest::addColumn<QString>("suffix");
        QTest::addColumn<bool>("sendsSpec");
        QTest::newRow("get") << QByteArray("GET") << QString() << false;
        QTest::newRow("metadata") << QByteArray("GET") << QStringLiteral("/metadata") << false;
        QTest::newRow("put") << QByteArray("PUT") << QString() << true;
        QTest::newRow("delete") << QByteArray("DELETE") << QString() << false;
        QTest::newRow("restore") << QByteArray("POST") << QStringLiteral("/restore") << false;
        QTest::newRow("revisions") << QByteArray("GET") << QStringLiteral("/revisions") << false;
        QTest::newRow("revision-1") << QByteArray("GET") << QStringLiteral("/revisions/1") << false;
    }

    void otherOrgsIdsAreNotFound()
    {
        QFETCH(QByteArray, method);
        QFETCH(QString, suffix);
        QFETCH(bool, sendsSpec);
        const QString secretName = QStringLiteral("Secret plans of org A");
        const QString id = createDeck(secretName);
        const QByteArray body = sendsSpec ? deckSpec(QStringLiteral("Hijack")) : QByteArray();
        const Headers ifMatch{{"If-Match", "\"1\""}};
        // Org B's owner: through org B's path (the deck is not there), and through org A's (not a member).
        for (const QString &org : {f.orgB, f.orgA}) {
            const RawResponse r = f.call(method, f.api(org, QStringLiteral("decks/") + id + suffix), f.otherOwner.token,
                                         body, ifMatch);
            QVERIFY2(r.status == 404, describe(r).constData());
            QVERIFY(!r.body.contains(secretName.toUtf8()));
            QVERIFY(!r.body.contains("Hello"));
        }
        // Malformed ids are not found either (never a 500).
        for (const QString &bad : {QStringLiteral("not-a-uuid"), QStringLiteral("..%2F..%2Fetc"), QStringLiteral("1%27%20OR%201%3D1")}) {
            const RawResponse r = f.call(method, f.api(f.orgA, QStringLiteral("decks/") + bad + suffix), f.owner.token, body, ifMatch);
            QVERIFY2(r.status == 404, QByteArray(bad.toUtf8() + " → " + describe(r)).constData());
        }
        // Still intact for its own org.
        const RawResponse mine = f.call("GET", deckUrl(id, QStringLiteral("/metadata")), f.owner.token);
        QCOMPARE(jsonOf(mine).value(QStringLiteral("revision")).toInt(), 1);
        QVERIFY(jsonOf(mine).value(QStringLiteral("deletedAt")).isNull());
        // Row-level security agrees: in org B's scope the row does not exist, even by id.
        QCOMPARE(f.count(f.orgB, QStringLiteral("SELECT count(*) FROM decks WHERE id = '%1'").arg(id).toUtf8().constData()), 0);
        QCOMPARE(f.count(f.orgB, QStringLiteral("SELECT count(*) FROM deck_revisions WHERE object_id = '%1'").arg(id).toUtf8().constData()), 0);
        QCOMPARE(f.count(f.orgA, QStringLiteral("SELECT count(*) FROM decks WHERE id = '%1'").arg(id).toUtf8().constData()), 1);
        // Org B's lists never show org A's decks.
        const RawResponse list = f.call("GET", f.api(f.orgB, QStringLiteral("decks?q=secret")), f.otherOwner.token);
        QCOMPARE(list.status, 200);
        QCOMPARE(jsonOf(list).value(QStringLiteral("items")).toArray().size(), 0);
    }

    // Not a benchmark (bench/ has those): figures for the report. The client
    // runs on its own thread with blocking reads, so the server's event loop
    // (this thread) keeps serving and no polling interval is measured.
    void latencyOfGetAndPutOnOneConnection()
    {
        const QString id = createDeck(QStringLiteral("Latency"));
        QVERIFY(!id.isEmpty());
        const QByteArray target = QUrl(deckUrl(id)).toEncoded();
        const QByteArray body = deckSpec(QStringLiteral("Latency"), QStringLiteral("again"));
        const quint16 port = f.service().port();
        const QByteArray token = f.owner.token;
        std::vector<double> gets;
        std::vector<double> puts;
        std::atomic<bool> done{false};
        std::atomic<int> failures{0};
        std::thread client([&] {
            QTcpSocket socket;
            socket.connectToHost(QStringLiteral("127.0.0.1"), port);
            if (!socket.waitForConnected(5000)) {
                failures = 1;
                done = true;
                QMetaObject::invokeMethod(qApp, [] {}, Qt::QueuedConnection);
                return;
            }
            QByteArray buffer;
            auto exchange = [&](const QByteArray &request) -> int {
                socket.write(request);
                socket.flush();
                for (;;) {
                    const qsizetype end = buffer.indexOf("\r\n\r\n");
                    if (end >= 0) {
                        const QByteArray head = buffer.left(end).toLower();
                        const qsizetype at = head.indexOf("content-length:");
                        const qsizetype length = at < 0 ? 0 : head.mid(at + 15, head.indexOf('\r', at) - at - 15).trimmed().toLongLong();
                        if (buffer.size() >= end + 4 + length) {
                            const int status = buffer.mid(9, 3).toInt();
                            buffer.remove(0, end + 4 + length);
                            return status;
                        }
                    }
                    if (!socket.waitForReadyRead(5000))
                        return 0;
                    buffer += socket.readAll();
                }
            };
            const QByteArray auth = "Authorization: Bearer " + token + "\r\n";
            for (int i = 0; i < 500; ++i) {
                QElapsedTimer t;
                t.start();
                const int status = exchange("GET " + target + " HTTP/1.1\r\nHost: x\r\n" + auth + "\r\n");
                gets.push_back(double(t.nsecsElapsed()) / 1e6);
                failures += status != 200;
            }
            for (int i = 1; i <= 200; ++i) {
                QElapsedTimer t;
                t.start();
                const int status = exchange("PUT " + target + " HTTP/1.1\r\nHost: x\r\n" + auth + "If-Match: \"" + QByteArray::number(i)
                                            + "\"\r\nContent-Type: application/json\r\nContent-Length: "
                                            + QByteArray::number(body.size()) + "\r\n\r\n" + body);
                puts.push_back(double(t.nsecsElapsed()) / 1e6);
                failures += status != 200;
            }
            done = true;
            QMetaObject::invokeMethod(qApp, [] {}, Qt::QueuedConnection); // wakes the loop below
        });
        while (!done)
            QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents);
        client.join();
        QCOMPARE(failures.load(), 0);
        auto percentiles = [](std::vector<double> ms) {
            std::sort(ms.begin(), ms.end());
            auto at = [&](double p) { return ms[std::min(ms.size() - 1, size_t(p * double(ms.size())))]; };
            return QStringLiteral("p50 %1 ms, p95 %2 ms, p99 %3 ms")
                .arg(at(0.50), 0, 'f', 2)
                .arg(at(0.95), 0, 'f', 2)
                .arg(at(0.99), 0, 'f', 2);
        };
        qInfo("GET deck (authenticated, one keep-alive connection, %d sequential): %s", int(gets.size()),
              qPrintable(percentiles(gets)));
        qInfo("PUT deck revision (authenticated, If-Match, %d sequential): %s", int(puts.size()),
              qPrintable(percentiles(puts)));
    }

    void readinessChecksTheStorage()
    {
        // installContentModule() added a "storage" check for the configured file store.
        const RawResponse r = f.call("GET", QStringLiteral("/readyz"), QByteArray());
        QVERIFY2(r.status == 200, describe(r).constData());
        QVERIFY2(r.body.contains("storage"), r.body.constData());
    }

    // Generated from the router, so a new content route cannot escape: no
    // credential → 401, a non-member → 404, each role → 403 exactly when the
    // permission matrix says so (and never a 5xx).
    void everyContentRouteIsGuarded()
    {
        const QStringList areas{QStringLiteral("/decks"), QStringLiteral("/brand-kits"), QStringLiteral("/templates"),
                                QStringLiteral("/assets"), QStringLiteral("/signed/")};
        int checked = 0;
        for (const Route &route : f.service().router().routes()) {
            if (std::none_of(areas.begin(), areas.end(), [&](const QString &a) { return route.pattern.contains(a); }))
                continue;
            ++checked;
            QString path = route.pattern;
            path.replace(QStringLiteral("{orgId}"), f.orgA).replace(QStringLiteral("{revision}"), QStringLiteral("1"));
            static const QRegularExpression parameter(QStringLiteral("\\{[A-Za-z]+\\}"));
            path.replace(parameter, QUuid::createUuid().toString(QUuid::WithoutBraces));
            const QByteArray where = route.method + ' ' + route.pattern.toUtf8();
            if (route.auth == AuthMode::None) {
                const RawResponse r = f.call(route.method, path, QByteArray());
                QVERIFY2(r.status == 403, QByteArray(where + " unsigned → " + describe(r)).constData());
                continue;
            }
            QVERIFY2(isKnownAction(route.permission), where.constData());
            RawResponse r = f.call(route.method, path, QByteArray());
            QVERIFY2(r.status == 401, QByteArray(where + " anonymous → " + describe(r)).constData());
            r = f.call(route.method, path, f.otherOwner.token);
            QVERIFY2(r.status == 404, QByteArray(where + " non-member → " + describe(r)).constData());
            for (const auto &[role, member] : {std::pair{Role::Viewer, &f.viewer}, std::pair{Role::Editor, &f.editor},
                                               std::pair{Role::Owner, &f.owner}}) {
                r = f.call(route.method, path, member->token);
                const QByteArray what = where + " as " + roleName(role).toUtf8() + " → " + describe(r);
                if (roleAllows(role, route.permission))
                    QVERIFY2(r.status != 401 && r.status != 403 && r.status < 500, what.constData());
                else
                    QVERIFY2(r.status == 403, what.constData());
            }
        }
        QVERIFY2(checked >= 33, QByteArray::number(checked).constData());
    }

    void openApiDocumentsTheRoutes()
    {
        const RawResponse r = f.call("GET", QStringLiteral("/api/v1/openapi.json"), QByteArray());
        QCOMPARE(r.status, 200);
        const QJsonObject paths = jsonOf(r).value(QStringLiteral("paths")).toObject();
        for (const char *path : {"/api/v1/orgs/{orgId}/decks", "/api/v1/orgs/{orgId}/decks/{deckId}",
                                 "/api/v1/orgs/{orgId}/brand-kits/{brandKitId}/revisions/{revision}",
                                 "/api/v1/orgs/{orgId}/templates/{templateId}/restore",
                                 "/api/v1/orgs/{orgId}/assets/{assetId}/signed-url",
                                 "/api/v1/signed/assets/{orgId}/{assetId}"})
            QVERIFY2(paths.contains(QLatin1StringView(path)), path);
        const QJsonObject schemas = pick(r, {"components", "schemas"}).toObject();
        for (const char *schema : {"Deck", "DeckList", "BrandKit", "Template", "RevisionList", "Asset", "SignedUrl"})
            QVERIFY2(schemas.contains(QLatin1StringView(schema)), schema);
    }
};

QTEST_GUILESS_MAIN(TstContent)
#include "tst_content.moc"
