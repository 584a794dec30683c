// SPDX-License-Identifier: GPL-3.0-or-later
#include "jobs/renderjobs.h"

#include "content/contentservice.h"
#include "db/database.h"
#include "storage/storagebackend.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QJsonDocument>
#include <QMap>
#include <QProcessEnvironment>
#include <QRegularExpression>
#include <QTemporaryDir>

#include <algorithm>

namespace slidespec::server {

namespace {

constexpr const char *kOrgAssetPrefix = "org-assets/";
constexpr int kMaxOrgAssetsPerDeck = 200;
constexpr qint64 kMaxOrgAssetBytes = qint64(256) * 1024 * 1024;

QString mimeOf(const QString &fileName)
{
    if (fileName.endsWith(QLatin1String(".pptx")))
        return QStringLiteral("application/vnd.openxmlformats-officedocument.presentationml.presentation");
    if (fileName.endsWith(QLatin1String(".pdf")))
        return QStringLiteral("application/pdf");
    return QStringLiteral("image/png");
}

/*! A display name the assets table accepts: no path separators or control characters, 1–200 characters. */
QString safeName(const QString &raw)
{
    QString name;
    for (const QChar c : raw) {
        if (c.category() == QChar::Other_Control || c == u'/' || c == u'\\' || c == QChar::LineSeparator
            || c == QChar::ParagraphSeparator)
            name.append(u'-');
        else
            name.append(c);
    }
    name = name.trimmed().left(120).trimmed();
    if (name.isEmpty() || name == QLatin1String(".") || name == QLatin1String(".."))
        name = QStringLiteral("deck");
    return name;
}

/*! The last non-empty line of the renderer's stderr, for last_error. */
QString lastLine(const QByteArray &text)
{
    const QList<QByteArray> lines = text.trimmed().split('\n');
    return lines.isEmpty() ? QString() : QString::fromUtf8(lines.last().trimmed()).left(300);
}

/*! Slide count of a spec (how many PNGs `render` writes), or -1. */
int slideCount(const QByteArray &spec)
{
    const QJsonDocument doc = QJsonDocument::fromJson(spec);
    const QJsonValue slides = doc.object().value(QStringLiteral("slides"));
    return slides.isArray() ? int(slides.toArray().size()) : -1;
}

struct StagedOutput
{
    QString path;      //!< on disk, in the staging folder
    QString name;      //!< asset display name
    QJsonObject extra; //!< width, slide
};

RenderResult resultFromRow(const pqxx::row &row)
{
    RenderResult r;
    r.id = row[0].as<qint64>();
    r.deckId = QString::fromStdString(row[1].as<std::string>());
    r.revision = row[2].as<int>();
    r.kind = QString::fromStdString(row[3].as<std::string>());
    r.options = QJsonDocument::fromJson(QByteArray::fromStdString(row[4].as<std::string>())).object();
    r.outputs = QJsonDocument::fromJson(QByteArray::fromStdString(row[5].as<std::string>())).array();
    r.jobId = row[6].is_null() ? 0 : row[6].as<qint64>();
    r.runs = row[7].as<int>();
    r.updatedAt = QString::fromStdString(row[8].as<std::string>());
    return r;
}

/*! The local (sandbox) file name of org asset \a assetId, with an extension for its type. */
QString localAssetName(const QString &assetId, const QString &contentType)
{
    static const QHash<QString, QString> extensions{{QStringLiteral("image/png"), QStringLiteral("png")},
                                                    {QStringLiteral("image/jpeg"), QStringLiteral("jpg")},
                                                    {QStringLiteral("image/gif"), QStringLiteral("gif")},
                                                    {QStringLiteral("image/webp"), QStringLiteral("webp")},
                                                    {QStringLiteral("image/svg+xml"), QStringLiteral("svg")}};
    return QStringLiteral("org-asset-%1.%2").arg(assetId, extensions.value(contentType, QStringLiteral("bin")));
}

} // namespace

std::optional<QString> orgAssetIdOfPath(const QString &path)
{
    // anchoredPattern: the whole string (a plain "$" would also match before a trailing newline).
    static const QRegularExpression pattern(QRegularExpression::anchoredPattern(QStringLiteral(
        "org-assets/([0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12})(\\.[A-Za-z0-9]{1,8})?")));
    const QRegularExpressionMatch match = pattern.match(path);
    if (!match.hasMatch())
        return std::nullopt;
    return match.captured(1).toLower();
}

StagedDeck stageOrgAssets(Database &db, StorageBackend &storage, const QString &orgId, const QByteArray &spec,
                          const QString &folder)
{
    StagedDeck staged;
    staged.spec = spec;
    QJsonParseError parseError{};
    const QJsonDocument document = QJsonDocument::fromJson(spec, &parseError);
    if (!document.isObject() || !document.object().value(QStringLiteral("assets")).isObject())
        return staged; // nothing to resolve (the renderer reports a malformed deck itself)
    QJsonObject root = document.object();
    QJsonObject assets = root.value(QStringLiteral("assets")).toObject();

    // Which deck assets name which org assets.
    QMap<QString, QString> assetOfKey; // deck asset key → org asset id
    for (auto it = assets.constBegin(); it != assets.constEnd(); ++it) {
        const QString path = it.value().toObject().value(QStringLiteral("path")).toString();
        if (!path.startsWith(QLatin1String(kOrgAssetPrefix)))
            continue;
        const auto id = orgAssetIdOfPath(path);
        if (!id) {
            staged.error = QStringLiteral("the deck's asset \"%1\" has path \"%2\": an uploaded asset is named "
                                          "\"org-assets/<asset id>\" (a UUID from POST …/assets)")
                               .arg(it.key().left(100), path.left(200));
            staged.permanent = true;
            return staged;
        }
        assetOfKey.insert(it.key(), *id);
    }
    if (assetOfKey.isEmpty())
        return staged;
    QStringList ids = assetOfKey.values();
    ids.removeDuplicates();
    if (ids.size() > kMaxOrgAssetsPerDeck) {
        staged.error = QStringLiteral("the deck names %1 uploaded assets; at most %2 can be rendered")
                           .arg(ids.size())
                           .arg(kMaxOrgAssetsPerDeck);
        staged.permanent = true;
        return staged;
    }

    // Their rows, in the job's org scope: another org's asset is simply not found.
    struct Row
    {
        QString key;
        QString contentType;
        QString sha256;
        qint64 size = 0;
    };
    auto rows = db.withTransaction(OrgScope{QString(), orgId}, [&](pqxx::work &tx) {
        QHash<QString, Row> found;
        for (const QString &id : std::as_const(ids)) {
            const pqxx::result r = tx.exec_params(
                "SELECT storage_key, content_type, sha256, size FROM assets WHERE org_id = $1::uuid AND id = $2::uuid",
                orgId.toStdString(), id.toStdString());
            if (!r.empty())
                found.insert(id, {QString::fromStdString(r[0][0].as<std::string>()),
                                  QString::fromStdString(r[0][1].as<std::string>()),
                                  QString::fromStdString(r[0][2].as<std::string>()), r[0][3].as<qint64>()});
        }
        return found;
    });
    if (!rows) {
        staged.error = QStringLiteral("cannot look up the deck's uploaded assets: ") + rows.error().message;
        return staged;
    }
    qint64 total = 0;
    for (auto it = assetOfKey.constBegin(); it != assetOfKey.constEnd(); ++it) {
        const auto row = rows->constFind(it.value());
        if (row == rows->constEnd()) {
            staged.error = QStringLiteral("the deck's asset \"%1\" names uploaded asset %2, which is not in this org "
                                          "(deleted, or another org's): upload the image again and update the deck")
                               .arg(it.key().left(100), it.value());
            staged.permanent = true;
            return staged;
        }
        if (!row->contentType.startsWith(QLatin1String("image/"))) {
            staged.error = QStringLiteral("the deck's asset \"%1\" names uploaded asset %2, which is %3, not an image")
                               .arg(it.key().left(100), it.value(), row->contentType);
            staged.permanent = true;
            return staged;
        }
    }
    for (const QString &id : std::as_const(ids)) {
        const Row &row = rows->value(id);
        total += row.size;
        if (total > kMaxOrgAssetBytes) {
            staged.error = QStringLiteral("the deck's uploaded images add up to more than %1 MiB")
                               .arg(kMaxOrgAssetBytes / (1024 * 1024));
            staged.permanent = true;
            return staged;
        }
        auto object = storage.get(row.key);
        if (!object) {
            staged.error = QStringLiteral("cannot read uploaded asset %1 from storage: %2").arg(id, object.error().message);
            return staged; // transient: retried
        }
        if (sha256Hex(object.value().data) != row.sha256) {
            staged.error = QStringLiteral("uploaded asset %1 is damaged in storage (its bytes do not match its sha256)").arg(id);
            return staged;
        }
        const QString name = localAssetName(id, row.contentType);
        const QString file = QDir(folder).filePath(name);
        QFile out(file);
        if (!out.open(QIODevice::WriteOnly) || out.write(object.value().data) != object.value().data.size() || !out.flush()) {
            staged.error = QStringLiteral("cannot write %1: %2").arg(file, out.errorString());
            return staged;
        }
        staged.inputs.append({file, name});
    }

    // Point the deck at the local copies (flat names next to the deck file, which the renderer resolves).
    for (auto it = assetOfKey.constBegin(); it != assetOfKey.constEnd(); ++it) {
        QJsonObject asset = assets.value(it.key()).toObject();
        asset.insert(QStringLiteral("path"), localAssetName(it.value(), rows->value(it.value()).contentType));
        assets.insert(it.key(), asset);
    }
    root.insert(QStringLiteral("assets"), assets);
    staged.spec = QJsonDocument(root).toJson(QJsonDocument::Compact);
    staged.resolved = int(ids.size());
    return staged;
}

namespace {

const char *kResultColumns =
    "id, deck_id::text, revision, kind, options::text, outputs::text, job_id, runs, "
    "to_char(updated_at AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS.MS\"Z\"')";

} // namespace

QString defaultCliPath()
{
    const QString fromEnv = QProcessEnvironment::systemEnvironment().value(QStringLiteral("SLIDESPEC_CLI_PATH"));
    if (!fromEnv.isEmpty())
        return fromEnv;
    return QDir(QCoreApplication::applicationDirPath()).filePath(QStringLiteral("slidespec-cli"));
}

std::optional<QJsonObject> normalizeRenderOptions(const QString &kind, const QJsonObject &options, QString *error)
{
    if (kind == QLatin1String("export-pptx") || kind == QLatin1String("export-pdf")) {
        if (!options.isEmpty()) {
            *error = QStringLiteral("%1 takes no options (got \"%2\").").arg(kind, options.keys().join(QStringLiteral("\", \"")));
            return std::nullopt;
        }
        return QJsonObject{};
    }
    if (kind != QLatin1String("preview")) {
        *error = QStringLiteral("Unknown kind \"%1\": use export-pptx, export-pdf or preview.").arg(kind);
        return std::nullopt;
    }
    for (const QString &key : options.keys()) {
        if (key != QLatin1String("widths")) {
            *error = QStringLiteral("preview takes only \"widths\", not \"%1\".").arg(key);
            return std::nullopt;
        }
    }
    QList<int> widths;
    const QJsonValue value = options.value(QStringLiteral("widths"));
    if (value.isUndefined()) {
        widths = {320};
    } else if (!value.isArray() || value.toArray().isEmpty() || value.toArray().size() > 8) {
        *error = QStringLiteral("\"widths\" is an array of 1 to 8 widths in pixels.");
        return std::nullopt;
    } else {
        for (const QJsonValue &w : value.toArray()) {
            const double n = w.toDouble(-1);
            if (!w.isDouble() || n != double(qint64(n)) || n < 16 || n > 4096) {
                *error = QStringLiteral("Each width is a whole number of pixels from 16 to 4096.");
                return std::nullopt;
            }
            widths.append(int(n));
        }
    }
    std::sort(widths.begin(), widths.end());
    widths.erase(std::unique(widths.begin(), widths.end()), widths.end());
    QJsonArray array;
    for (int w : std::as_const(widths))
        array.append(w);
    return QJsonObject{{QStringLiteral("widths"), array}};
}

QString renderOptionsKey(const QJsonObject &normalizedOptions)
{
    // QJsonObject keeps its keys sorted, so the compact form is canonical.
    return QString::fromUtf8(QJsonDocument(normalizedOptions).toJson(QJsonDocument::Compact));
}

QString renderDedupKey(const QString &deckId, int revision, const QJsonObject &normalizedOptions)
{
    return QStringLiteral("%1:%2:%3").arg(deckId.toLower()).arg(revision).arg(renderOptionsKey(normalizedOptions));
}

QJsonObject RenderResult::toJson() const
{
    return {{QStringLiteral("id"), QString::number(id)},
            {QStringLiteral("deckId"), deckId},
            {QStringLiteral("revision"), revision},
            {QStringLiteral("kind"), kind},
            {QStringLiteral("options"), options},
            {QStringLiteral("outputs"), outputs},
            {QStringLiteral("jobId"), QString::number(jobId)},
            {QStringLiteral("runs"), runs},
            {QStringLiteral("updatedAt"), updatedAt}};
}

DbResult<std::optional<RenderResult>> loadRenderResult(Database &db, const QString &orgId, const QString &deckId,
                                                       int revision, const QString &kind,
                                                       const QJsonObject &normalizedOptions)
{
    if (!looksLikeUuid(deckId))
        return std::optional<RenderResult>();
    return db.withTransaction(OrgScope{QString(), orgId}, [&](pqxx::work &tx) -> std::optional<RenderResult> {
        const pqxx::result rows = tx.exec_params(
            std::string("SELECT ") + kResultColumns
                + " FROM job_results WHERE org_id = $1::uuid AND deck_id = $2::uuid AND revision = $3 AND kind = $4"
                  " AND options_key = $5",
            orgId.toStdString(), deckId.toStdString(), revision, kind.toStdString(),
            renderOptionsKey(normalizedOptions).toStdString());
        if (rows.empty())
            return std::nullopt;
        return resultFromRow(rows[0]);
    });
}

RenderJobHandler::RenderJobHandler(Database &db, std::shared_ptr<StorageBackend> storage, QString kind,
                                   RenderJobsOptions options)
    : m_db(db), m_storage(std::move(storage)), m_kind(std::move(kind)), m_options(std::move(options))
{
    if (m_options.cliPath.isEmpty())
        m_options.cliPath = defaultCliPath();
}

JobOutcome RenderJobHandler::run(JobContext &context)
{
    try {
        return runUnchecked(context);
    } catch (const std::exception &e) {
        return JobOutcome::failure(QStringLiteral("render handler error: %1").arg(QString::fromUtf8(e.what())));
    }
}

JobOutcome RenderJobHandler::runUnchecked(JobContext &context)
{
    const Job &job = context.job();
    const QJsonObject payload = context.payload();
    const QString deckId = payload.value(QStringLiteral("deckId")).toString().toLower();
    const int revision = payload.value(QStringLiteral("revision")).toInt(0);
    QString error;
    const auto options = normalizeRenderOptions(m_kind, payload.value(QStringLiteral("options")).toObject(), &error);
    if (!options)
        return JobOutcome::permanentFailure(QStringLiteral("bad job options: ") + error);
    if (!looksLikeUuid(deckId) || revision < 1)
        return JobOutcome::permanentFailure(
            QStringLiteral("the job's payload needs \"deckId\" (a UUID) and \"revision\" (≥ 1)"));
    if (!m_storage)
        return JobOutcome::failure(QStringLiteral("no storage is configured: outputs cannot be stored"));
    if (!QFileInfo(m_options.cliPath).isExecutable())
        return JobOutcome::failure(QStringLiteral("the renderer %1 is missing or not executable (set SLIDESPEC_CLI_PATH)")
                                       .arg(m_options.cliPath));

    // 1. The deck revision's spec, in the job's org scope.
    context.setProgress(5, QStringLiteral("loading the deck"));
    ContentService content(m_db);
    auto spec = content.get(ContentKind::Deck, {job.createdBy, job.orgId}, deckId, revision);
    if (!spec) {
        if (spec.error().status == 404)
            return JobOutcome::permanentFailure(
                QStringLiteral("deck %1 revision %2 does not exist (any more)").arg(deckId).arg(revision));
        return JobOutcome::failure(QStringLiteral("cannot load deck %1 revision %2: %3")
                                       .arg(deckId).arg(revision).arg(spec.error().message));
    }

    // 2. Staging: the spec to copy in, and the folder the outputs are moved to.
    QTemporaryDir staging(QDir(m_options.tempRoot.isEmpty() ? QDir::tempPath() : m_options.tempRoot)
                              .filePath(QStringLiteral("slidespec-job-XXXXXX")));
    if (!staging.isValid())
        return JobOutcome::failure(QStringLiteral("cannot create a staging folder: ") + staging.errorString());
    // The deck's uploaded images (assets with path "org-assets/<id>"), copied next to it.
    context.setProgress(10, QStringLiteral("fetching images"));
    const QString assetDir = staging.filePath(QStringLiteral("assets"));
    QDir().mkpath(assetDir);
    const StagedDeck deck = stageOrgAssets(m_db, *m_storage, job.orgId, spec->spec, assetDir);
    if (!deck.error.isEmpty())
        return deck.permanent ? JobOutcome::permanentFailure(deck.error) : JobOutcome::failure(deck.error);
    const QString specPath = staging.filePath(QStringLiteral("input.json"));
    {
        QFile f(specPath);
        if (!f.open(QIODevice::WriteOnly) || f.write(deck.spec) != deck.spec.size() || !f.flush()) {
            return JobOutcome::failure(QStringLiteral("cannot write the deck to %1: %2").arg(specPath, f.errorString()));
        }
    }
    const QString outDir = staging.filePath(QStringLiteral("out"));
    QDir().mkpath(outDir);

    // The CLI names PNGs after the deck file (NAME-01.png …), so each width gets its own input name.
    auto runCli = [&](const QString &inputName, QStringList arguments, QStringList outputs) -> std::optional<QString> {
        SandboxRequest request;
        request.program = m_options.cliPath;
        request.arguments = std::move(arguments);
        request.inputs = {{specPath, inputName}};
        request.inputs += deck.inputs;
        request.outputs = std::move(outputs);
        request.outputDirectory = outDir;
        request.tempRoot = m_options.tempRoot;
        request.limits = m_options.limits;
        request.cancel = &context.cancelFlag();
        const SandboxResult result = Sandbox::run(request);
        if (result.ok())
            return std::nullopt;
        QString message = QStringLiteral("renderer %1: %2").arg(sandboxOutcomeName(result.outcome), result.error);
        const QString tail = lastLine(result.standardError);
        if (!tail.isEmpty() && !message.contains(tail))
            message += QStringLiteral(" (stderr: %1)").arg(tail);
        return message;
    };

    const QString base = safeName(spec->item.name);
    QList<StagedOutput> staged;
    context.setProgress(15, QStringLiteral("rendering"));
    if (m_kind == QLatin1String("preview")) {
        const int count = slideCount(spec->spec);
        if (count <= 0)
            return JobOutcome::permanentFailure(QStringLiteral("the deck has no slides to preview"));
        const int digits = std::max(2, int(QString::number(count).size()));
        const QJsonArray widths = options->value(QStringLiteral("widths")).toArray();
        for (qsizetype w = 0; w < widths.size(); ++w) {
            const int width = widths.at(w).toInt();
            const QString stem = QStringLiteral("w%1").arg(width);
            QStringList names;
            for (int i = 0; i < count; ++i)
                names.append(QStringLiteral("%1-%2.png").arg(stem).arg(i + 1, digits, 10, QLatin1Char('0')));
            if (auto failed = runCli(stem + QStringLiteral(".json"),
                                     {QStringLiteral("render"), QStringLiteral("{work}/") + stem + QStringLiteral(".json"),
                                      QStringLiteral("{work}"), QStringLiteral("--width"), QString::number(width),
                                      QStringLiteral("--quiet")},
                                     names)) {
                if (context.isCancelled())
                    return JobOutcome::stopped();
                return JobOutcome::failure(*failed);
            }
            for (int i = 0; i < count; ++i) {
                staged.append({QDir(outDir).filePath(names.at(i)),
                               QStringLiteral("%1-r%2-%3px-%4.png").arg(base).arg(revision).arg(width).arg(i + 1),
                               {{QStringLiteral("width"), width}, {QStringLiteral("slide"), i + 1}}});
            }
            context.setProgress(15 + int(70 * (w + 1) / widths.size()),
                                QStringLiteral("rendered %1 px").arg(width));
        }
    } else {
        const QString suffix = m_kind == QLatin1String("export-pptx") ? QStringLiteral("pptx") : QStringLiteral("pdf");
        const QString file = QStringLiteral("deck.") + suffix;
        if (auto failed = runCli(QStringLiteral("deck.json"), {QStringLiteral("export"), QStringLiteral("{work}/deck.json"),
                                  QStringLiteral("{work}/") + file, QStringLiteral("--quiet")},
                                 {file})) {
            if (context.isCancelled())
                return JobOutcome::stopped();
            return JobOutcome::failure(*failed);
        }
        staged.append({QDir(outDir).filePath(file), QStringLiteral("%1-r%2.%3").arg(base).arg(revision).arg(suffix), {}});
        context.setProgress(85, QStringLiteral("exported"));
    }
    if (context.isCancelled())
        return JobOutcome::stopped();

    // 3. Store the outputs content-addressed (the key is the hash: a re-run writes the same object).
    context.setProgress(90, QStringLiteral("storing"));
    struct Stored
    {
        StagedOutput out;
        QString sha256;
        qint64 size = 0;
        QString mime;
        QString key;
    };
    QList<Stored> stored;
    for (const StagedOutput &out : std::as_const(staged)) {
        QFile f(out.path);
        if (!f.open(QIODevice::ReadOnly))
            return JobOutcome::failure(QStringLiteral("cannot read the output %1: %2").arg(out.path, f.errorString()));
        const QByteArray bytes = f.readAll();
        const QString hash = sha256Hex(bytes);
        const QString key = QStringLiteral("orgs/%1/assets/%2").arg(job.orgId.toLower(), hash);
        const QString mime = mimeOf(out.path);
        if (!m_storage->stat(key)) {
            if (auto put = m_storage->put(key, bytes, mime); !put)
                return JobOutcome::failure(QStringLiteral("cannot store %1: %2").arg(out.name, put.error().message));
        }
        stored.append({out, hash, bytes.size(), mime, key});
    }

    // 4. Asset rows (deduplicated per org by sha256) and the one result row, in one transaction.
    auto written = m_db.withTransaction(OrgScope{job.createdBy, job.orgId}, [&](pqxx::work &tx) -> QJsonObject {
        QJsonArray outputs;
        for (const Stored &s : std::as_const(stored)) {
            const pqxx::row row = tx.exec_params1(
                "INSERT INTO assets (org_id, sha256, size, content_type, original_name, storage_key, created_by) "
                "VALUES ($1::uuid, $2, $3, $4, $5, $6, NULLIF($7, '')::uuid) "
                "ON CONFLICT (org_id, sha256) DO UPDATE SET sha256 = EXCLUDED.sha256 RETURNING id::text",
                job.orgId.toStdString(), s.sha256.toStdString(), static_cast<long long>(s.size),
                s.mime.toStdString(), s.out.name.toStdString(), s.key.toStdString(), job.createdBy.toStdString());
            QJsonObject o = s.out.extra;
            o.insert(QStringLiteral("name"), s.out.name);
            o.insert(QStringLiteral("assetId"), QString::fromStdString(row[0].as<std::string>()));
            o.insert(QStringLiteral("sha256"), s.sha256);
            o.insert(QStringLiteral("size"), double(s.size));
            o.insert(QStringLiteral("contentType"), s.mime);
            outputs.append(o);
        }
        const std::string outputsText = QJsonDocument(outputs).toJson(QJsonDocument::Compact).toStdString();
        const std::string optionsText = renderOptionsKey(*options).toStdString();
        const pqxx::row row = tx.exec_params1(
            "INSERT INTO job_results AS r (org_id, deck_id, revision, kind, options_key, options, outputs, job_id) "
            "VALUES ($1::uuid, $2::uuid, $3, $4, $5::text, $5::text::jsonb, $6::jsonb, $7) "
            "ON CONFLICT (org_id, deck_id, revision, kind, options_key) DO UPDATE "
            "SET outputs = EXCLUDED.outputs, job_id = EXCLUDED.job_id, runs = r.runs + 1, updated_at = now() "
            "RETURNING id",
            job.orgId.toStdString(), deckId.toStdString(), revision, m_kind.toStdString(), optionsText, outputsText,
            static_cast<long long>(job.id));
        return QJsonObject{{QStringLiteral("resultId"), QString::number(row[0].as<qint64>())},
                           {QStringLiteral("deckId"), deckId},
                           {QStringLiteral("revision"), revision},
                           {QStringLiteral("outputs"), outputs}};
    });
    if (!written)
        return JobOutcome::failure(QStringLiteral("cannot record the result: ") + written.error().message);
    context.setProgress(100, QStringLiteral("done"));
    return JobOutcome::success(*written);
}

void registerRenderHandlers(Worker &worker, Database &db, std::shared_ptr<StorageBackend> storage,
                            const RenderJobsOptions &options)
{
    for (const QString &kind : renderJobKinds())
        worker.registerHandler(kind, std::make_shared<RenderJobHandler>(db, storage, kind, options));
}

} // namespace slidespec::server
