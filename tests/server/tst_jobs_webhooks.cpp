// SPDX-License-Identifier: GPL-3.0-or-later
// Webhook events of jobs (migration 0036) against the real things: a job that
// reaches a final state — succeeded, dead, cancelled — queues exactly one
// delivery per subscribed webhook of its org, in the transaction of that
// state change (a rolled-back change queues nothing); the delivery worker
// sends it, signed, to a real HTTP receiver in this test (worker finish,
// API cancel and lease rescue are all covered); webhooks that did
// not subscribe, and other orgs' webhooks, get nothing.
#include "tst_jobs_support.h"
#include "tst_webhook_receiver.h"

#include "ops/webhookdispatcher.h"
#include "ops/webhooks.h"

#include <QDateTime>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>
#include <QUuid>

using namespace jobstest;
using namespace std::chrono_literals;

namespace {

using webhooktest::Receiver;

/*! The requests \a receiver got for job \a jobId's event \a event. */
QList<Receiver::Request> forJob(const Receiver &receiver, const QString &event, const QString &jobId)
{
    QList<Receiver::Request> out;
    for (const Receiver::Request &r : receiver.requests) {
        const QJsonObject body = QJsonDocument::fromJson(r.body).object();
        if (r.headers.value("x-slidespec-event") == event.toLatin1()
            && body.value(QStringLiteral("data")).toObject().value(QStringLiteral("jobId")).toString() == jobId)
            out.append(r);
    }
    return out;
}

WebhookConfig hookConfig()
{
    WebhookConfig config;
    config.allowHttpLoopback = true;
    config.maxAttempts = 3;
    config.retryDelays = {300ms};
    config.timeout = 2000ms;
    config.pollInterval = 50ms;
    return config;
}

} // namespace

class TstJobsWebhooks : public QObject
{
    Q_OBJECT

    JobsFixture f;
    Receiver m_receiver; // answers 200 to every delivery
    std::unique_ptr<WebhookDispatcher> m_dispatcher;
    QByteArray m_secret;
    QString m_jobsHook;  // org A: job.succeeded, job.failed, job.cancelled
    QString m_deckHook;  // org A: deck.created only
    QString m_otherHook; // org B: the job events

    QString registerHook(const QString &ownerId, const QString &orgId, const QString &path, const QStringList &events,
                         QByteArray *secret = nullptr)
    {
        Webhooks hooks(f.service().database(), hookConfig());
        auto created = hooks.create(OrgScope{ownerId, orgId}, {{QStringLiteral("url"), m_receiver.url(path)},
                                                               {QStringLiteral("events"), QJsonArray::fromStringList(events)}});
        if (!created) {
            qWarning("webhook registration failed: %s", qPrintable(created.error().message));
            return {};
        }
        if (secret)
            *secret = created->value(QStringLiteral("secret")).toString().toLatin1();
        return created->value(QStringLiteral("id")).toString();
    }

    /*! Deliveries queued in \a orgId for job \a jobId (any webhook), with event \a event. */
    qint64 deliveries(const QString &orgId, const QString &event, const QString &jobId, const QString &webhookId = {})
    {
        QByteArray sql = "SELECT count(*) FROM webhook_deliveries WHERE event = '" + event.toLatin1()
                         + "' AND (body::jsonb -> 'data' ->> 'jobId') = '" + jobId.toLatin1() + "'";
        if (!webhookId.isEmpty())
            sql += " AND webhook_id = '" + webhookId.toLatin1() + "'";
        return f.count(orgId, sql.constData());
    }

    QString enqueueMissingDeck()
    {
        EnqueueRequest request;
        request.kind = QStringLiteral("export-pdf");
        request.payload = {{QStringLiteral("deckId"), QUuid::createUuid().toString(QUuid::WithoutBraces)},
                           {QStringLiteral("revision"), 1}, {QStringLiteral("options"), QJsonObject()}};
        auto enqueued = f.queue->enqueue(OrgScope{f.owner.id, f.orgA}, request);
        return enqueued ? QString::number(enqueued->job.id) : QString();
    }

private slots:
    void initTestCase()
    {
        const QString error = f.start();
        if (!error.isEmpty())
            QFAIL(qPrintable(error));
        QVERIFY(m_receiver.start());
        m_jobsHook = registerHook(f.owner.id, f.orgA, QStringLiteral("/jobs"),
                                  {QStringLiteral("job.succeeded"), QStringLiteral("job.failed"), QStringLiteral("job.cancelled")},
                                  &m_secret);
        m_deckHook = registerHook(f.owner.id, f.orgA, QStringLiteral("/decks"), {QStringLiteral("deck.created")});
        m_otherHook = registerHook(f.otherOwner.id, f.orgB, QStringLiteral("/other"),
                                   {QStringLiteral("job.succeeded"), QStringLiteral("job.failed"), QStringLiteral("job.cancelled")});
        QVERIFY(!m_jobsHook.isEmpty() && !m_deckHook.isEmpty() && !m_otherHook.isEmpty());
        m_dispatcher = std::make_unique<WebhookDispatcher>(f.service().database().options(), hookConfig());
        m_dispatcher->start();
    }

    void cleanupTestCase()
    {
        if (m_dispatcher)
            m_dispatcher->stop();
    }

    void unknownJobEventIsRefused()
    {
        Webhooks hooks(f.service().database(), hookConfig());
        auto refused = hooks.create(OrgScope{f.owner.id, f.orgA}, {{QStringLiteral("url"), m_receiver.url(QStringLiteral("/x"))},
                                                                  {QStringLiteral("events"), QJsonArray{QStringLiteral("job.exploded")}}});
        QVERIFY(!refused);
        QCOMPARE(refused.error().status, 400);
        QVERIFY2(refused.error().message.contains(u"job.cancelled"), qPrintable(refused.error().message));
    }

    void succeededJobIsDeliveredOnceAndSigned()
    {
        QString error;
        auto worker = f.startWorker(QStringLiteral(SLIDESPEC_CLI_PATH), &error);
        QVERIFY2(worker, qPrintable(error));
        const QString deckId = f.createDeck(f.orgA, f.owner.token, sampleDeck(2, QStringLiteral("hooked")));
        const RawResponse queued = f.call("POST", f.api(f.orgA, QStringLiteral("decks/%1/exports").arg(deckId)),
                                          f.editor.token, R"({"kind":"export-pptx"})");
        QCOMPARE(queued.status, 202);
        const QString jobId = jsonOf(queued).value(QStringLiteral("id")).toString();
        const QJsonObject job = f.waitFinal(f.orgA, jobId, 60000);
        QCOMPARE(job.value(QStringLiteral("state")).toString(), QStringLiteral("succeeded"));
        worker->stop(std::chrono::seconds(5));

        // Queued once, for the subscribed webhook only; nothing in org B.
        QCOMPARE(deliveries(f.orgA, QStringLiteral("job.succeeded"), jobId), qint64(1));
        QCOMPARE(deliveries(f.orgA, QStringLiteral("job.succeeded"), jobId, m_jobsHook), qint64(1));
        QCOMPARE(deliveries(f.orgB, QStringLiteral("job.succeeded"), jobId), qint64(0));

        // Sent to the receiver, signed with the webhook's secret.
        QVERIFY(QTest::qWaitFor([&] { return !forJob(m_receiver, QStringLiteral("job.succeeded"), jobId).isEmpty(); }, 15000));
        const auto requests = forJob(m_receiver, QStringLiteral("job.succeeded"), jobId);
        QCOMPARE(requests.size(), 1);
        const Receiver::Request &r = requests.first();
        QCOMPARE(r.target, QByteArray("/jobs"));
        QVERIFY(verifyWebhookSignature(r.headers.value("x-slidespec-signature"), m_secret, r.body,
                                       QDateTime::currentSecsSinceEpoch()));
        const QJsonObject body = QJsonDocument::fromJson(r.body).object();
        QCOMPARE(body.value(QStringLiteral("event")).toString(), QStringLiteral("job.succeeded"));
        QCOMPARE(body.value(QStringLiteral("orgId")).toString(), f.orgA);
        QCOMPARE(body.value(QStringLiteral("id")).toString().toLatin1(), r.headers.value("x-slidespec-delivery"));
        const QJsonObject data = body.value(QStringLiteral("data")).toObject();
        QCOMPARE(data.value(QStringLiteral("kind")).toString(), QStringLiteral("export-pptx"));
        QCOMPARE(data.value(QStringLiteral("deckId")).toString(), deckId);
        QCOMPARE(data.value(QStringLiteral("revision")).toInt(), 1);
        QCOMPARE(data.value(QStringLiteral("state")).toString(), QStringLiteral("succeeded"));
        QCOMPARE(data.value(QStringLiteral("attempts")).toInt(), 1);
        QVERIFY(data.value(QStringLiteral("lastError")).isNull());
        const QString resultPath = data.value(QStringLiteral("resultPath")).toString();
        QCOMPARE(resultPath, f.api(f.orgA, QStringLiteral("jobs/%1/result").arg(jobId)));
        // The link path works for a member.
        const RawResponse result = f.call("GET", resultPath, f.viewer.token);
        QCOMPARE(result.status, 200);
        QCOMPARE(jsonOf(result).value(QStringLiteral("outputs")).toArray().size(), 1);
        // The deck-only webhook got no job event.
        for (const auto &other : m_receiver.requests)
            QVERIFY(other.target != "/decks" || other.headers.value("x-slidespec-event") == "deck.created");
    }

    void deadJobSendsJobFailedOncePerDeath()
    {
        QString error;
        auto worker = f.startWorker(QStringLiteral(SLIDESPEC_CLI_PATH), &error);
        QVERIFY2(worker, qPrintable(error));
        const QString jobId = enqueueMissingDeck();
        QVERIFY(!jobId.isEmpty());
        QCOMPARE(f.waitFinal(f.orgA, jobId, 20000).value(QStringLiteral("state")).toString(), QStringLiteral("dead"));
        QCOMPARE(deliveries(f.orgA, QStringLiteral("job.failed"), jobId), qint64(1));
        QVERIFY(QTest::qWaitFor([&] { return !forJob(m_receiver, QStringLiteral("job.failed"), jobId).isEmpty(); }, 15000));
        const QJsonObject data =
            QJsonDocument::fromJson(forJob(m_receiver, QStringLiteral("job.failed"), jobId).first().body).object().value(QStringLiteral("data")).toObject();
        QCOMPARE(data.value(QStringLiteral("state")).toString(), QStringLiteral("dead"));
        QVERIFY2(data.value(QStringLiteral("lastError")).toString().contains(u"does not exist"),
                 qPrintable(data.value(QStringLiteral("lastError")).toString()));
        QVERIFY(data.value(QStringLiteral("resultPath")).isNull());

        // An admin retry that dies again is a second final transition: a second event, not more.
        QCOMPARE(f.call("POST", f.api(f.orgA, QStringLiteral("jobs/%1/retry").arg(jobId)), f.owner.token).status, 200);
        QCOMPARE(f.waitFinal(f.orgA, jobId, 20000).value(QStringLiteral("state")).toString(), QStringLiteral("dead"));
        worker->stop(std::chrono::seconds(5));
        QCOMPARE(deliveries(f.orgA, QStringLiteral("job.failed"), jobId), qint64(2));
        QCOMPARE(deliveries(f.orgA, QStringLiteral("job.succeeded"), jobId), qint64(0));
    }

    void cancelledJobSendsJobCancelledOnce()
    {
        // No worker: the job stays queued and is cancelled at once, as the app role, by the API.
        const QString deckId = f.createDeck(f.orgA, f.owner.token, sampleDeck(1, QStringLiteral("cancel me")));
        const RawResponse queued = f.call("POST", f.api(f.orgA, QStringLiteral("decks/%1/exports").arg(deckId)),
                                          f.owner.token, R"({"kind":"export-pdf"})");
        QCOMPARE(queued.status, 202);
        const QString jobId = jsonOf(queued).value(QStringLiteral("id")).toString();
        for (int i = 0; i < 2; ++i)
            QCOMPARE(f.call("POST", f.api(f.orgA, QStringLiteral("jobs/%1/cancel").arg(jobId)), f.owner.token).status, 200);
        QCOMPARE(deliveries(f.orgA, QStringLiteral("job.cancelled"), jobId), qint64(1));
        QVERIFY(QTest::qWaitFor([&] { return !forJob(m_receiver, QStringLiteral("job.cancelled"), jobId).isEmpty(); }, 15000));
        QCOMPARE(forJob(m_receiver, QStringLiteral("job.cancelled"), jobId).size(), 1);
    }

    void rolledBackFinalStateQueuesNothing()
    {
        const QString jobId = enqueueMissingDeck();
        QVERIFY(!jobId.isEmpty());
        struct Abort : std::exception {};
        auto r = f.service().database().withTransaction(OrgScope{f.owner.id, f.orgA}, [&](pqxx::work &tx) -> int {
            tx.exec_params0("UPDATE jobs SET state = 'cancelled', finished_at = now() WHERE id = $1", jobId.toLongLong());
            // The trigger queued the delivery in this transaction…
            if (tx.exec("SELECT count(*) FROM webhook_deliveries WHERE event = 'job.cancelled'"
                        " AND (body::jsonb -> 'data' ->> 'jobId') = '" + jobId.toStdString() + "'")[0][0].as<int>() != 1)
                return -1;
            throw Abort(); // …and the rollback takes it away with the state change.
        });
        QVERIFY2(!r, "the delivery was not queued inside the transaction");
        QCOMPARE(deliveries(f.orgA, QStringLiteral("job.cancelled"), jobId), qint64(0));
        QCOMPARE(f.call("POST", f.api(f.orgA, QStringLiteral("jobs/%1/cancel").arg(jobId)), f.owner.token).status, 200);
        QCOMPARE(deliveries(f.orgA, QStringLiteral("job.cancelled"), jobId), qint64(1));
    }

    void lostLeaseOnTheLastAttemptSendsJobFailedOnce()
    {
        // A worker that claims the job and vanishes: the rescue (app.jobs_rescue, another writer of the final
        // state) makes it dead, and the trigger queues job.failed there too.
        EnqueueRequest request;
        request.kind = QStringLiteral("webhook-rescue");
        request.maxAttempts = 1;
        auto enqueued = f.queue->enqueue(OrgScope{f.owner.id, f.orgA}, request);
        QVERIFY(enqueued);
        const QString jobId = QString::number(enqueued->job.id);
        auto claimed = f.queue->claim(QStringLiteral("vanishing-worker"), {request.kind}, 1, std::chrono::milliseconds(20));
        QVERIFY(claimed && claimed->size() == 1);
        QTest::qWait(100);
        for (int i = 0; i < 2; ++i)
            QVERIFY(f.queue->rescueExpired());
        const QJsonObject job = jsonOf(f.call("GET", f.api(f.orgA, QStringLiteral("jobs/") + jobId), f.owner.token));
        QCOMPARE(job.value(QStringLiteral("state")).toString(), QStringLiteral("dead"));
        QCOMPARE(deliveries(f.orgA, QStringLiteral("job.failed"), jobId), qint64(1));
        QVERIFY(QTest::qWaitFor([&] { return !forJob(m_receiver, QStringLiteral("job.failed"), jobId).isEmpty(); }, 15000));
        const QJsonObject data = QJsonDocument::fromJson(forJob(m_receiver, QStringLiteral("job.failed"), jobId).first().body)
                                     .object()
                                     .value(QStringLiteral("data"))
                                     .toObject();
        QVERIFY2(data.value(QStringLiteral("lastError")).toString().contains(u"vanishing-worker"),
                 qPrintable(data.value(QStringLiteral("lastError")).toString()));
    }

    void otherOrgsHooksHearNothing()
    {
        QCOMPARE(f.count(f.orgB, "SELECT count(*) FROM webhook_deliveries"), qint64(0));
        for (const auto &r : m_receiver.requests)
            QVERIFY(r.target != "/other");
    }
};

QTEST_GUILESS_MAIN(TstJobsWebhooks)
#include "tst_jobs_webhooks.moc"
