// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "queue/worker.h"
#include "sandbox/sandbox.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QString>

#include <memory>
#include <optional>

namespace slidespec::server {

class Database;
class StorageBackend;

/*! The job kinds the render handlers run. */
inline const QStringList &renderJobKinds()
{
    static const QStringList kinds{QStringLiteral("export-pptx"), QStringLiteral("export-pdf"),
                                   QStringLiteral("preview")};
    return kinds;
}

/*!
 * \brief Settings of the render handlers.
 */
struct RenderJobsOptions
{
    QString cliPath;      //!< absolute path of slidespec-cli (defaultCliPath() when empty)
    QString tempRoot;     //!< where sandbox folders and staging go; default QDir::tempPath()
    SandboxLimits limits; //!< per renderer run
};

/*!
 * \brief slidespec-cli's path: SLIDESPEC_CLI_PATH when set, else the
 * slidespec-cli next to the running executable.
 */
QString defaultCliPath();

/*!
 * \brief Checks and normalises a render job's options for \a kind:
 * `preview` takes {"widths": [px, …]} (1–8 widths of 16–4096 px, default
 * [320], sorted and deduplicated); the exports take {} (unknown members are
 * refused). nullopt with \a error saying what is wrong.
 */
std::optional<QJsonObject> normalizeRenderOptions(const QString &kind, const QJsonObject &options, QString *error);

/*! Canonical text of normalised options (compact JSON, sorted keys): part of the result key. */
QString renderOptionsKey(const QJsonObject &normalizedOptions);

/*! The dedup key of a render job: "deck:revision:optionsKey". */
QString renderDedupKey(const QString &deckId, int revision, const QJsonObject &normalizedOptions);

/*!
 * \brief A stored render result (table job_results): one per (deck,
 * revision, kind, options). `outputs` lists the assets written:
 * [{"name", "assetId", "sha256", "size", "contentType", "width"?, "slide"?}].
 */
struct RenderResult
{
    qint64 id = 0;
    QString deckId;
    int revision = 0;
    QString kind;
    QJsonObject options;
    QJsonArray outputs;
    qint64 jobId = 0;
    int runs = 0;       //!< how many job runs wrote it (re-runs overwrite, never add a row)
    QString updatedAt;  //!< ISO 8601 UTC

    QJsonObject toJson() const;
};

/*!
 * \brief The result of job \a jobId's work, looked up by what the job
 * rendered (its payload), in \a orgId's scope. nullopt when there is none.
 */
DbResult<std::optional<RenderResult>> loadRenderResult(Database &db, const QString &orgId, const QString &deckId,
                                                       int revision, const QString &kind,
                                                       const QJsonObject &normalizedOptions);

/*!
 * \brief Runs `export-pptx`, `export-pdf` and `preview` jobs.
 *
 * Payload: {"deckId": uuid, "revision": n, "options": {…}}. The handler
 * loads that deck revision's spec (in the job's org scope), writes it into a
 * private sandbox folder, runs slidespec-cli under Sandbox (limits, timeout,
 * empty environment, cancel flag), stores each output content-addressed in
 * storage and as an org asset (deduplicated by sha256), and upserts the
 * job_results row for (deck, revision, kind, options): a re-run overwrites
 * the same row. A missing deck or bad payload fails permanently; a crashing,
 * hanging or failing renderer fails the attempt (retried) with the
 * sandbox's sentence and the renderer's last stderr line.
 */
class RenderJobHandler : public JobHandler
{
public:
    RenderJobHandler(Database &db, std::shared_ptr<StorageBackend> storage, QString kind, RenderJobsOptions options);

    JobOutcome run(JobContext &context) override;

private:
    JobOutcome runUnchecked(JobContext &context);

    Database &m_db;
    std::shared_ptr<StorageBackend> m_storage;
    QString m_kind;
    RenderJobsOptions m_options;
};

/*! Registers a RenderJobHandler for each of renderJobKinds() on \a worker. */
void registerRenderHandlers(Worker &worker, Database &db, std::shared_ptr<StorageBackend> storage,
                            const RenderJobsOptions &options);

} // namespace slidespec::server
