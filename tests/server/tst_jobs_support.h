// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Shared by tst_jobs and the tst_jobs_* tests: the server in-process with the
// auth, content and jobs routes over a migrated PostgreSQL database of its own
// and a file store in a temporary folder; org A (owner, editor, viewer; on the
// unlimited "enterprise" plan, so quotas never stop these tests unless a test
// changes the plan) and org B; render workers on demand.
#include "jobs/jobsmodule.h"
#include "jobs/renderjobs.h"
#include "ops/usage.h"
#include "tst_content_support.h"

#include <QElapsedTimer>
#include <QStandardPaths>
#include <QTemporaryDir>

namespace jobstest {

using namespace contenttest;


/*! A valid deck of \a slides slides, each with a title. */
inline QByteArray sampleDeck(int slides, const QString &title = QStringLiteral("Jobs sample"))
{
    QStringList parts;
    for (int i = 1; i <= slides; ++i) {
        parts.append(QStringLiteral(R"({"id":"s%1","elements":[{"type":"text","id":"t%1","role":"title",
  "frame":{"x":40,"y":30,"w":600,"h":80},"text":{"paragraphs":[{"runs":[{"text":"%2, slide %1"}]}]}}]})")
                         .arg(i)
                         .arg(title));
    }
    return QStringLiteral(R"({"version":1,"format":"slidespec","id":"jobs","title":"%1",
 "brand":{"colors":{"background":"#ffffff","text":"#1a1a1a"},"fonts":{"body":{"family":"Inter"}}},
 "slides":[%2]})")
        .arg(title, parts.join(u','))
        .toUtf8();
}

/*! The server with auth, content and jobs routes, its org A (owner, editor, viewer) and org B. */
class JobsFixture
{
public:
    QString start()
    {
        const authtest::Urls urls = authtest::urls();
        if (!urls.error.isEmpty())
            return urls.error;
        QString error;
        if (!m_db.createMigrated(QStringLiteral("jobs"), QUrl(urls.app).userName(), &error))
            return error;
        if (!m_storageDir.isValid())
            return QStringLiteral("cannot create a temporary folder for the file store");
        storageUrl = QUrl::fromLocalFile(m_storageDir.path()).toString();
        ServerConfig config;
        config.databaseUrl = m_db.appUrl();
        config.migrationDatabaseUrl = m_db.ownerUrl();
        config.appRole = QUrl(urls.app).userName();
        config.listenAddress = QHostAddress(QHostAddress::LocalHost);
        config.listenPort = 0;
        config.publicBaseUrl = QStringLiteral("http://127.0.0.1");
        config.storageUrl = storageUrl;
        config.secretKey = QByteArray(48, 'k');
        config.dbPoolSize = 6;
        config.workerThreads = 4;
        config.maxBodyBytes = 1 << 20;
        m_service = std::make_unique<Service>(config);
        m_auth = std::make_unique<AuthModule>(m_service->database(), authtest::testConfig());
        if (!m_auth->install(m_service->router()))
            return QStringLiteral("auth routes refused");
        auto created = createStorage(storageUrl);
        if (!created)
            return created.error().message;
        storage = created.value();
        ContentOptions content;
        content.urlSigningKey = deriveUrlSigningKey(config.secretKey);
        content.publicBaseUrl = config.publicBaseUrl;
        if (!registerContentRoutes(m_service->router(), m_service->database(), storage, content))
            return QStringLiteral("content routes refused");
        queue = std::make_shared<JobQueue>(m_service->database());
        metrics = std::make_unique<JobMetrics>(m_service->metrics(), *queue, std::chrono::milliseconds(0));
        JobsApiOptions api;
        api.urlSigningKey = content.urlSigningKey;
        api.publicBaseUrl = config.publicBaseUrl;
        if (!registerJobsRoutes(m_service->router(), m_service->database(), queue, api))
            return QStringLiteral("jobs routes refused");
        if (!m_service->migrate(&error) || !m_service->start(&error))
            return error;
        AuthServices &sv = m_auth->services();
        QHash<QString, QString> emails;
        auto member = [&](const QString &name, Member *out) -> bool {
            auto grant = sv.accounts().signup(authtest::uniqueEmail(name), authtest::password, name, client());
            if (!grant)
                return false;
            *out = {grant->user.id, grant->token.toUtf8()};
            emails.insert(out->id, grant->user.email);
            return true;
        };
        if (!member(QStringLiteral("owner"), &owner) || !member(QStringLiteral("editor"), &editor)
            || !member(QStringLiteral("viewer"), &viewer) || !member(QStringLiteral("other"), &otherOwner))
            return QStringLiteral("signup failed");
        auto a = sv.orgs().create(owner.id, QStringLiteral("Org A"));
        auto b = sv.orgs().create(otherOwner.id, QStringLiteral("Org B"));
        if (!a || !b)
            return QStringLiteral("org creation failed");
        orgA = a->id;
        orgB = b->id;
        for (auto [m, role] : {std::pair{&editor, Role::Editor}, std::pair{&viewer, Role::Viewer}}) {
            auto invite = sv.orgs().invite(owner.id, orgA, emails.value(m->id), role);
            if (!invite)
                return QStringLiteral("invite failed: ") + invite.error().message;
            if (!sv.orgs().accept(m->id, invite->token.toLatin1()))
                return QStringLiteral("accept failed");
        }
        auto plan = Usage(m_service->database()).setPlan(OrgScope{owner.id, orgA}, QStringLiteral("enterprise"));
        if (!plan || !*plan)
            return QStringLiteral("cannot put org A on the enterprise plan");
        return {};
    }

    /*! A worker running the render handlers with slidespec-cli at \a cliPath. */
    std::unique_ptr<RenderWorker> startWorker(const QString &cliPath, QString *error)
    {
        RenderJobsOptions render;
        render.cliPath = cliPath;
        render.limits.wallTimeout = std::chrono::seconds(60);
        WorkerOptions base;
        base.pollInterval = std::chrono::milliseconds(200);
        base.progressInterval = std::chrono::milliseconds(0);
        auto worker = std::make_unique<RenderWorker>(m_db.appUrl(), storage, render, 2, metrics.get(), base);
        if (!worker->start(error))
            return {};
        return worker;
    }

    RawResponse call(const QByteArray &method, const QString &target, const QByteArray &token,
                     const QByteArray &body = {}, Headers headers = {})
    {
        RawConnection c(m_service->port());
        if (!token.isEmpty())
            headers.append(qMakePair(QByteArray("Authorization"), QByteArray("Bearer " + token)));
        if (!body.isEmpty())
            headers.append(qMakePair(QByteArray("Content-Type"), QByteArray("application/json")));
        if ((method == "POST" || method == "PUT") && body.isEmpty())
            headers.append(qMakePair(QByteArray("Content-Length"), QByteArray("0")));
        return c.request(method, QUrl(target).toEncoded(QUrl::FullyEncoded), body, headers);
    }

    qint64 count(const QString &orgId, const char *sql)
    {
        auto n = m_service->database().withTransaction(OrgScope{QString(), orgId}, [&](pqxx::work &tx) {
            return tx.exec(sql).at(0).at(0).as<qint64>();
        });
        return n ? *n : -1;
    }

    QString api(const QString &orgId, const QString &rest) const
    {
        return QStringLiteral("/api/v1/orgs/%1/%2").arg(orgId, rest);
    }

    QString createDeck(const QString &orgId, const QByteArray &token, const QByteArray &spec)
    {
        const RawResponse r = call("POST", api(orgId, QStringLiteral("decks?name=Jobs%20sample")), token, spec);
        if (r.status != 201)
            qWarning("deck create failed: %s", describe(r).constData());
        return jsonOf(r).value(QStringLiteral("id")).toString();
    }

    /*! Polls the job until it reaches a final state (or \a timeoutMs); records the progress values seen. */
    QJsonObject waitFinal(const QString &orgId, const QString &jobId, int timeoutMs = 90000, QList<int> *progress = nullptr,
                          const QStringList &finalStates = {QStringLiteral("succeeded"), QStringLiteral("dead"),
                                                            QStringLiteral("cancelled")})
    {
        QElapsedTimer timer;
        timer.start();
        QJsonObject job;
        while (timer.elapsed() < timeoutMs) {
            job = jsonOf(call("GET", api(orgId, QStringLiteral("jobs/") + jobId), owner.token));
            const int p = job.value(QStringLiteral("progress")).toInt();
            if (progress && (progress->isEmpty() || progress->last() != p))
                progress->append(p);
            if (finalStates.contains(job.value(QStringLiteral("state")).toString()))
                return job;
            QTest::qWait(50);
        }
        return job;
    }

    Service &service() { return *m_service; }
    const TestDatabase &database() const { return m_db; }

    Member owner, editor, viewer, otherOwner;
    QString orgA, orgB;
    QString storageUrl;
    std::shared_ptr<StorageBackend> storage;
    std::shared_ptr<JobQueue> queue;
    std::unique_ptr<JobMetrics> metrics;

private:
    TestDatabase m_db;
    QTemporaryDir m_storageDir;
    std::unique_ptr<Service> m_service;
    std::unique_ptr<AuthModule> m_auth;
};

inline QString findTool(const char *name)
{
    return QStandardPaths::findExecutable(QString::fromLatin1(name));
}

} // namespace jobstest
