// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "queue/worker.h"
#include "sandbox/sandbox.h"

#include <QByteArray>
#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QPair>
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
 * \brief The org asset id named by a deck asset's \a path of the form
 * `org-assets/<asset id>` (optionally followed by an extension, e.g.
 * `org-assets/3f0c…-….png`), lower-cased; nullopt for any other path.
 */
std::optional<QString> orgAssetIdOfPath(const QString &path);

/*!
 * \brief A deck made ready for the sandbox: its uploaded images fetched and
 * the deck pointing at the local copies.
 */
struct StagedDeck
{
    QByteArray spec;                          //!< the deck to render (the original bytes when nothing was resolved)
    QList<QPair<QString, QString>> inputs{};  //!< (file on disk, plain name) to copy next to the deck
    int resolved = 0;                         //!< how many org assets were fetched
    QString error{};                          //!< empty on success
    bool permanent = false;                   //!< the error will not go away by retrying
};

/*!
 * \brief Resolves the deck's uploaded images (docs/queue.md, "Images"):
 * every entry of the deck's `assets` whose `path` is `org-assets/<asset id>`
 * is looked up in \a orgId's scope (row-level security: another org's asset
 * is not found), read from \a storage, checked against its sha256, written
 * into \a folder as `org-asset-<id>.<ext>`, and the entry's path rewritten to
 * that plain name (the renderer resolves paths against the deck file's
 * folder, where the sandbox copies \c inputs). An asset that is missing, of
 * another org, not an image, or a malformed `org-assets/` path is a permanent
 * error naming the deck asset; a storage or database failure a transient one.
 * Paths never come from the deck: local names are built from the UUID.
 */
StagedDeck stageOrgAssets(Database &db, StorageBackend &storage, const QString &orgId, const QByteArray &spec,
                          const QString &folder);

/*!
 * \brief Runs `export-pptx`, `export-pdf` and `preview` jobs.
 *
 * Payload: {"deckId": uuid, "revision": n, "options": {…}}. The handler
 * loads that deck revision's spec (in the job's org scope), fetches the
 * uploaded images it names (stageOrgAssets()), writes both into a private
 * sandbox folder, runs slidespec-cli under Sandbox (limits, timeout,
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
