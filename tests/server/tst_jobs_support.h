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
#include "tst_serverbinary_support.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QRegularExpression>
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

/*!
 * \brief A started RenderWorker (two threads, polling every 200 ms, a 60 s
 * wall clock per job) running the render handlers with slidespec-cli at
 * \a cliPath over \a dbUrl and \a storage; null with \a error set if it
 * would not start. \a metrics may be null.
 */
inline std::unique_ptr<RenderWorker> startRenderWorker(const QString &dbUrl, std::shared_ptr<StorageBackend> storage,
                                                       const QString &cliPath, JobMetrics *metrics, QString *error)
{
    RenderJobsOptions render;
    render.cliPath = cliPath;
    render.limits.wallTimeout = std::chrono::seconds(60);
    WorkerOptions base;
    base.pollInterval = std::chrono::milliseconds(200);
    base.progressInterval = std::chrono::milliseconds(0);
    auto worker = std::make_unique<RenderWorker>(dbUrl, std::move(storage), render, 2, metrics, base);
    if (!worker->start(error))
        return {};
    return worker;
}

/*! The server with auth, content and jobs routes, its org A (owner, editor, viewer) and org B. */
class JobsFixture : public worldtest::World
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
        ServerConfig config = worldtest::loopbackConfig(m_db, QUrl(urls.app).userName(), m_storageDir.path(), 'k');
        config.dbPoolSize = 6;
        config.workerThreads = 4;
        config.maxBodyBytes = 1 << 20;
        m_service = std::make_unique<Service>(config);
        storageUrl = config.storageUrl;
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
        error = worldtest::populateWorld(m_auth->services(), *this);
        if (!error.isEmpty())
            return error;
        auto plan = Usage(m_service->database()).setPlan(OrgScope{owner.id, orgA}, QStringLiteral("enterprise"));
        if (!plan || !*plan)
            return QStringLiteral("cannot put org A on the enterprise plan");
        return {};
    }

    /*! A worker running the render handlers with slidespec-cli at \a cliPath. */
    std::unique_ptr<RenderWorker> startWorker(const QString &cliPath, QString *error)
    {
        return startRenderWorker(m_db.appUrl(), storage, cliPath, metrics.get(), error);
    }

    RawResponse call(const QByteArray &method, const QString &target, const QByteArray &token,
                     const QByteArray &body = {}, Headers headers = {})
    {
        return callServer(m_service->port(), method, target, token, body, std::move(headers));
    }

    qint64 count(const QString &orgId, const char *sql)
    {
        return countInOrg(m_service->database(), orgId, sql);
    }

    QString api(const QString &orgId, const QString &rest) const
    {
        return orgApi(orgId, rest);
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

    /*!
     * The environment of a slidespec-server process (`worker` or `serve`)
     * that renders over this fixture's database and storage with the test's
     * slidespec-cli and \a workers render threads, with the secret key in
     * \a keyFile (binarytest::writeSecretKey).
     */
    QProcessEnvironment renderProcessEnvironment(const QString &keyFile, int workers) const
    {
        QProcessEnvironment env = binarytest::serverEnvironment(m_db, keyFile);
        env.insert(QStringLiteral("SLIDESPEC_STORAGE_URL"), storageUrl);
        env.insert(QStringLiteral("SLIDESPEC_CLI_PATH"), QStringLiteral(SLIDESPEC_CLI_PATH));
        env.insert(QStringLiteral("SLIDESPEC_JOB_WORKERS"), QString::number(workers));
        return env;
    }

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

/*! The executable \a name on the PATH, else in /usr/sbin or /sbin; empty if none. */
inline QString findTool(const char *name)
{
    const QString found = QStandardPaths::findExecutable(QString::fromLatin1(name));
    return found.isEmpty() ? QStandardPaths::findExecutable(QString::fromLatin1(name), {QStringLiteral("/usr/sbin"), QStringLiteral("/sbin")})
                           : found;
}

/*! What LibreOffice made of a PPTX: see officePdfPages(). */
struct OfficePdf
{
    QString error; //!< empty when LibreOffice wrote the PDF
    QString pdf;   //!< the PDF's path
    int pages = -1; //!< its page count per pdfinfo; -1 when pdfinfo (poppler-utils) is not installed
};

/*!
 * \brief Writes \a pptxBytes to \a baseName.pptx in \a workDir, has
 * LibreOffice (\a soffice, headless, with its own profile in \a workDir)
 * convert it to \a baseName.pdf there, and counts the PDF's pages with
 * pdfinfo. A LibreOffice that cannot open the file writes no PDF: error says so
 * with its output.
 */
inline OfficePdf officePdfPages(const QString &soffice, const QByteArray &pptxBytes, const QString &workDir,
                                const QString &baseName, int timeoutMs = 180000)
{
    OfficePdf out;
    const QDir dir(workDir);
    const QString pptx = dir.filePath(baseName + QStringLiteral(".pptx"));
    {
        QFile file(pptx);
        if (!file.open(QIODevice::WriteOnly) || file.write(pptxBytes) != pptxBytes.size()) {
            out.error = QStringLiteral("cannot write %1").arg(pptx);
            return out;
        }
    }
    const QString profile = QUrl::fromLocalFile(dir.filePath(QStringLiteral("lo-profile"))).toString();
    QProcess office;
    office.setProcessChannelMode(QProcess::MergedChannels);
    office.start(soffice, {QStringLiteral("--headless"), QStringLiteral("--norestore"),
                           QStringLiteral("-env:UserInstallation=") + profile, QStringLiteral("--convert-to"),
                           QStringLiteral("pdf"), QStringLiteral("--outdir"), workDir, pptx});
    if (!office.waitForStarted(10000)) {
        out.error = QStringLiteral("soffice did not start: ") + office.errorString();
        return out;
    }
    if (!office.waitForFinished(timeoutMs)) {
        office.kill();
        office.waitForFinished(5000);
        out.error = QStringLiteral("soffice timed out");
        return out;
    }
    out.pdf = dir.filePath(baseName + QStringLiteral(".pdf"));
    if (!QFileInfo::exists(out.pdf)) {
        out.error = QStringLiteral("LibreOffice wrote no PDF: ") + QString::fromLocal8Bit(office.readAll());
        return out;
    }
    const QString pdfinfo = findTool("pdfinfo");
    if (pdfinfo.isEmpty())
        return out;
    QProcess info;
    info.start(pdfinfo, {out.pdf});
    if (!info.waitForFinished(20000)) {
        out.error = QStringLiteral("pdfinfo timed out");
        return out;
    }
    const QString text = QString::fromUtf8(info.readAll());
    const QRegularExpressionMatch pages = QRegularExpression(QStringLiteral("Pages:\\s+(\\d+)")).match(text);
    if (!pages.hasMatch()) {
        out.error = QStringLiteral("pdfinfo gave no page count: ") + text;
        return out;
    }
    out.pages = pages.captured(1).toInt();
    return out;
}

} // namespace jobstest
