// SPDX-License-Identifier: GPL-3.0-or-later
// Usage quotas of exports and previews, against the real PostgreSQL: a new
// export or preview job charges one of today's exports (or previews) in the
// transaction that inserts it; the same request while that job is active
// (a dedup hit) charges nothing, even at the limit; over the limit the answer
// is 402 quota.exceeded with Retry-After, and no job is created. No worker
// runs: the jobs stay queued.
#include "tst_jobs_support.h"

#include <QTest>

#include <pqxx/pqxx>

using namespace jobstest;

class TstJobsQuota : public QObject
{
    Q_OBJECT

    JobsFixture f;

    qint64 used(const char *kind)
    {
        const QByteArray sql = QByteArray("SELECT coalesce(sum(used), 0) FROM usage_daily WHERE kind = '") + kind + "'";
        return f.count(f.orgA, sql.constData());
    }

    qint64 jobsOf(const QString &deckId)
    {
        const QByteArray sql = "SELECT count(*) FROM jobs WHERE payload ->> 'deckId' = '" + deckId.toLatin1() + "'";
        return f.count(f.orgA, sql.constData());
    }

    RawResponse enqueue(const QString &deckId, const QByteArray &body)
    {
        return f.call("POST", f.api(f.orgA, QStringLiteral("decks/%1/exports").arg(deckId)), f.editor.token, body);
    }

private slots:
    void initTestCase()
    {
        const QString error = f.start();
        if (!error.isEmpty())
            QFAIL(qPrintable(error));
        // A plan of 2 exports and 1 preview a day (plans are the operator's: written as the schema owner).
        try {
            pqxx::connection owner(f.database().ownerUrl().toStdString());
            pqxx::work tx(owner);
            tx.exec0("INSERT INTO plans (name, display_name, exports_per_day, previews_per_day) "
                     "VALUES ('quota-test', 'Quota test', 2, 1)");
            tx.commit();
        } catch (const std::exception &e) {
            QFAIL(e.what());
        }
        auto plan = Usage(f.service().database()).setPlan(OrgScope{f.owner.id, f.orgA}, QStringLiteral("quota-test"));
        QVERIFY(plan && *plan);
    }

    void newJobsChargeAndDedupHitsDoNot()
    {
        const QString deck = f.createDeck(f.orgA, f.owner.token, sampleDeck(1, QStringLiteral("quota")));
        QVERIFY(!deck.isEmpty());
        QCOMPARE(used("exports"), qint64(0));

        const RawResponse first = enqueue(deck, R"({"kind":"export-pptx"})");
        QCOMPARE(first.status, 202);
        QCOMPARE(jsonOf(first).value(QStringLiteral("created")).toBool(), true);
        QCOMPARE(used("exports"), qint64(1));

        // The same request while the job is queued: the same job, no charge.
        const RawResponse again = enqueue(deck, R"({"kind":"export-pptx","revision":1})");
        QCOMPARE(again.status, 202);
        QCOMPARE(jsonOf(again).value(QStringLiteral("created")).toBool(), false);
        QCOMPARE(jsonOf(again).value(QStringLiteral("id")), jsonOf(first).value(QStringLiteral("id")));
        QCOMPARE(used("exports"), qint64(1));

        QCOMPARE(enqueue(deck, R"({"kind":"export-pdf"})").status, 202);
        QCOMPARE(used("exports"), qint64(2));
        QCOMPARE(jobsOf(deck), qint64(2));
    }

    void overTheLimitIs402AndNoJob_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<QString>("kind");
        QTest::newRow("third-export-of-the-day-is-refused") << QByteArray(R"({"kind":"export-pdf"})") << "exports";
        QTest::newRow("second-preview-of-the-day-is-refused")
            << QByteArray(R"({"kind":"preview","options":{"widths":[200]}})") << "previews";
    }

    void overTheLimitIs402AndNoJob()
    {
        QFETCH(QByteArray, body);
        QFETCH(QString, kind);
        if (kind == u"previews") {
            // The one preview of the day goes through.
            const QString deck = f.createDeck(f.orgA, f.owner.token, sampleDeck(1, QStringLiteral("preview ok")));
            QCOMPARE(enqueue(deck, R"({"kind":"preview"})").status, 202);
            QCOMPARE(used("previews"), qint64(1));
        }
        const qint64 before = used(kind.toLatin1().constData());
        const QString deck = f.createDeck(f.orgA, f.owner.token, sampleDeck(1, QStringLiteral("over ") + kind));
        const RawResponse refused = enqueue(deck, body);
        QVERIFY2(refused.status == 402, describe(refused).constData());
        QCOMPARE(errorCode(refused), QStringLiteral("quota.exceeded"));
        QCOMPARE(pick(refused, {"error", "details", "kind"}).toString(), kind);
        QCOMPARE(pick(refused, {"error", "details", "plan"}).toString(), QStringLiteral("quota-test"));
        QVERIFY2(!pick(refused, {"error", "message"}).toString().isEmpty(), refused.body.constData());
        QVERIFY(refused.header("retry-after").toLongLong() > 0);
        QCOMPARE(jobsOf(deck), qint64(0));
        QCOMPARE(used(kind.toLatin1().constData()), before);
    }

    void dedupHitAtTheLimitIsNotRefused()
    {
        // The org is at its 2 exports: asking again for an active one still answers that job.
        const QString deck = f.createDeck(f.orgA, f.owner.token, sampleDeck(1, QStringLiteral("quota")));
        QCOMPARE(used("exports"), qint64(2));
        const RawResponse refused = enqueue(deck, R"({"kind":"export-pptx"})");
        QCOMPARE(refused.status, 402);
        // A job queued before the limit was reached (by the queue, which charges nothing) is shared for free.
        EnqueueRequest request;
        request.kind = QStringLiteral("export-pptx");
        request.payload = {{QStringLiteral("deckId"), deck}, {QStringLiteral("revision"), 1}, {QStringLiteral("options"), QJsonObject()}};
        request.dedupKey = renderDedupKey(deck, 1, QJsonObject());
        auto queued = f.queue->enqueue(OrgScope{f.owner.id, f.orgA}, request);
        QVERIFY(queued && queued->created);
        const RawResponse shared = enqueue(deck, R"({"kind":"export-pptx"})");
        QVERIFY2(shared.status == 202, describe(shared).constData());
        QCOMPARE(jsonOf(shared).value(QStringLiteral("created")).toBool(), false);
        QCOMPARE(jsonOf(shared).value(QStringLiteral("id")).toString(), QString::number(queued->job.id));
        QCOMPARE(used("exports"), qint64(2));
    }
};

QTEST_GUILESS_MAIN(TstJobsQuota)
#include "tst_jobs_quota.moc"
