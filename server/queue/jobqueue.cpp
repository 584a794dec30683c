// SPDX-License-Identifier: GPL-3.0-or-later
#include "queue/jobqueue.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QRandomGenerator>

#include <algorithm>
#include <cmath>

namespace slidespec::server {

namespace {

struct StateName
{
    JobState state;
    const char *name;
};

constexpr StateName stateNames[] = {
    {JobState::Queued, "queued"},       {JobState::Running, "running"}, {JobState::Succeeded, "succeeded"},
    {JobState::Retrying, "retrying"},   {JobState::Dead, "dead"},       {JobState::Cancelled, "cancelled"},
};

// Every query selects these from a source aliased `j`, so rowToJob reads
// them by position.
#define SLIDESPEC_JOB_COLUMNS                                                                                   \
    " j.id, j.kind, j.org_id::text, j.payload::text, j.state, j.priority, j.attempts, j.max_attempts,"           \
    " (extract(epoch FROM j.run_at) * 1000)::bigint, j.lease_owner,"                                           \
    " (extract(epoch FROM j.lease_expires_at) * 1000)::bigint, (extract(epoch FROM j.heartbeat_at) * 1000)::bigint," \
    " j.progress, j.progress_message, j.result::text, j.last_error, j.dedup_key, j.cancel_requested,"          \
    " j.created_by::text, (extract(epoch FROM j.created_at) * 1000)::bigint,"                                  \
    " (extract(epoch FROM j.started_at) * 1000)::bigint, (extract(epoch FROM j.finished_at) * 1000)::bigint "

constexpr int jobColumnCount = 22;

QString text(const pqxx::field &f)
{
    return f.is_null() ? QString() : QString::fromUtf8(f.c_str(), int(f.size()));
}

QDateTime time(const pqxx::field &f)
{
    return f.is_null() ? QDateTime() : QDateTime::fromMSecsSinceEpoch(f.as<qint64>(), Qt::UTC);
}

QJsonObject object(const pqxx::field &f)
{
    if (f.is_null())
        return {};
    return QJsonDocument::fromJson(QByteArray(f.c_str(), int(f.size()))).object();
}

Job rowToJob(const pqxx::row &r)
{
    Job job;
    job.id = r[0].as<qint64>();
    job.kind = text(r[1]);
    job.orgId = text(r[2]);
    job.payload = object(r[3]);
    job.state = jobStateFromName(text(r[4])).value_or(JobState::Queued);
    job.priority = r[5].as<int>();
    job.attempts = r[6].as<int>();
    job.maxAttempts = r[7].as<int>();
    job.runAt = time(r[8]);
    job.leaseOwner = text(r[9]);
    job.leaseExpiresAt = time(r[10]);
    job.heartbeatAt = time(r[11]);
    job.progress = r[12].as<int>();
    job.progressMessage = text(r[13]);
    if (!r[14].is_null())
        job.result = object(r[14]);
    job.lastError = text(r[15]);
    job.dedupKey = text(r[16]);
    job.cancelRequested = r[17].as<bool>();
    job.createdBy = text(r[18]);
    job.createdAt = time(r[19]);
    job.startedAt = time(r[20]);
    job.finishedAt = time(r[21]);
    return job;
}

QList<Job> rowsToJobs(const pqxx::result &rows)
{
    QList<Job> jobs;
    jobs.reserve(int(rows.size()));
    for (const auto &r : rows)
        jobs.append(rowToJob(r));
    return jobs;
}

std::string json(const QJsonObject &o)
{
    return QJsonDocument(o).toJson(QJsonDocument::Compact).toStdString();
}

// A PostgreSQL array literal of quoted strings: {"a","b"}.
std::string textArray(const QStringList &items)
{
    std::string out = "{";
    for (int i = 0; i < items.size(); ++i) {
        if (i)
            out += ',';
        out += '"';
        for (const char c : items.at(i).toStdString()) {
            if (c == '"' || c == '\\')
                out += '\\';
            out += c;
        }
        out += '"';
    }
    out += '}';
    return out;
}

std::string idArray(const QList<qint64> &ids)
{
    std::string out = "{";
    for (int i = 0; i < ids.size(); ++i) {
        if (i)
            out += ',';
        out += std::to_string(ids.at(i));
    }
    out += '}';
    return out;
}

double seconds(std::chrono::milliseconds ms)
{
    return double(ms.count()) / 1000.0;
}

DbError badArgument(const QString &message)
{
    // 22023 invalid_parameter_value: the caller passed something unusable.
    return DbError{DbError::Kind::Query, message, "22023"};
}

} // namespace

QString jobStateName(JobState state)
{
    for (const auto &s : stateNames) {
        if (s.state == state)
            return QString::fromLatin1(s.name);
    }
    return QStringLiteral("queued");
}

std::optional<JobState> jobStateFromName(QStringView name)
{
    for (const auto &s : stateNames) {
        if (name == QLatin1String(s.name))
            return s.state;
    }
    return std::nullopt;
}

bool isActiveJobState(JobState state)
{
    return state == JobState::Queued || state == JobState::Running || state == JobState::Retrying;
}

std::chrono::milliseconds BackoffPolicy::ceiling(int attempt) const
{
    const int n = std::max(1, attempt);
    // base · 2^(n−1), computed in floating point so large n cannot overflow.
    const double raw = double(base.count()) * std::ldexp(1.0, std::min(n - 1, 62));
    return std::chrono::milliseconds(qint64(std::min(raw, double(cap.count()))));
}

std::chrono::milliseconds BackoffPolicy::delay(int attempt, double u) const
{
    u = std::clamp(u, 0.0, 1.0);
    return std::chrono::milliseconds(qint64(double(ceiling(attempt).count()) * u));
}

std::chrono::milliseconds BackoffPolicy::randomDelay(int attempt) const
{
    return delay(attempt, QRandomGenerator::global()->generateDouble());
}

JobQueue::JobQueue(Database &db, BackoffPolicy backoff) : m_db(db), m_backoff(backoff) {}

template<typename Fn>
auto JobQueue::autocommit(Fn &&fn) -> DbResult<std::invoke_result_t<Fn, pqxx::transaction_base &>>
{
    using R = std::invoke_result_t<Fn, pqxx::transaction_base &>;
    auto lease = m_db.acquire();
    if (!lease)
        return lease.error();
    try {
        pqxx::nontransaction n(lease->connection());
        R result = fn(n);
        n.commit();
        return DbResult<R>(std::move(result));
    } catch (const pqxx::broken_connection &e) {
        lease->discard();
        return Database::classify(e);
    } catch (const std::exception &e) {
        if (!lease->connection().is_open())
            lease->discard();
        return Database::classify(e);
    } catch (...) {
        return DbError{DbError::Kind::Internal, QStringLiteral("unknown exception"), {}};
    }
}

EnqueueResult JobQueue::enqueue(pqxx::transaction_base &tx, const QString &orgId, const EnqueueRequest &request)
{
    if (orgId.isEmpty())
        throw pqxx::data_exception("enqueue needs an org id", std::string(), "22023");
    // The conflict arm is a no-op update, so RETURNING yields the existing
    // active job; xmax = 0 only on a freshly inserted row.
    const auto r = tx.exec_params1(
        "INSERT INTO jobs AS j (kind, org_id, payload, priority, max_attempts, dedup_key, run_at, created_by)"
        " VALUES ($1, $2::uuid, $3::jsonb, $4, $5, NULLIF($6, ''),"
        "         now() + make_interval(secs => $7::double precision), app.current_user())"
        " ON CONFLICT (org_id, kind, dedup_key)"
        "   WHERE dedup_key IS NOT NULL AND state IN ('queued', 'running', 'retrying')"
        " DO UPDATE SET dedup_key = EXCLUDED.dedup_key"
        " RETURNING" SLIDESPEC_JOB_COLUMNS ", (j.xmax = 0)",
        request.kind.toStdString(), orgId.toStdString(), json(request.payload), request.priority,
        request.maxAttempts, request.dedupKey.toStdString(), seconds(request.delay));
    EnqueueResult result;
    result.job = rowToJob(r);
    result.created = r[jobColumnCount].as<bool>();
    return result;
}

DbResult<EnqueueResult> JobQueue::enqueue(const OrgScope &scope, const EnqueueRequest &request)
{
    if (scope.orgId.isEmpty())
        return badArgument(QStringLiteral("enqueue needs an org scope"));
    return m_db.withTransaction(scope, [&](pqxx::work &tx) { return enqueue(tx, scope.orgId, request); });
}

QList<EnqueueResult> JobQueue::enqueueMany(pqxx::transaction_base &tx, const QString &orgId,
                                           const QList<EnqueueRequest> &requests)
{
    if (orgId.isEmpty())
        throw pqxx::data_exception("enqueue needs an org id", std::string(), "22023");
    if (requests.isEmpty())
        return {};
    QJsonArray input;
    for (int i = 0; i < requests.size(); ++i) {
        const auto &request = requests.at(i);
        input.append(QJsonObject{{QStringLiteral("n"), i},
                                 {QStringLiteral("kind"), request.kind},
                                 {QStringLiteral("payload"), request.payload},
                                 {QStringLiteral("priority"), request.priority},
                                 {QStringLiteral("max_attempts"), request.maxAttempts},
                                 {QStringLiteral("dedup_key"), request.dedupKey},
                                 {QStringLiteral("delay"), seconds(request.delay)}});
    }
    // One statement:
    //   input  the requests, each with the position of the first request of
    //          its (kind, dedup key) group (its own when it has no key) and
    //          whether it is that first request;
    //   fresh  one row per group, with an id drawn now, so that rows without
    //          a key can be found again in the INSERT's answer;
    //   ins    the insert in (kind, key) order (concurrent batches lock keys
    //          in the same order: no deadlock); a key held by an active job
    //          takes the no-op conflict arm and returns that job;
    //   then every request joins its group's row, in request order, on one
    //   text key (the id, or kind/key: a kind has no '/'), so the join is a
    //   hash join whatever the planner guesses about the CTEs' sizes (with
    //   several conditions it chose a nested loop: 170 ms for 1,000 rows).
    const auto rows = tx.exec_params(
        "WITH input AS MATERIALIZED ("
        "  SELECT r.n, r.kind, coalesce(r.payload, '{}'::jsonb) AS payload, r.priority, r.max_attempts,"
        "         NULLIF(r.dedup_key, '') AS dedup_key, r.delay,"
        "         CASE WHEN NULLIF(r.dedup_key, '') IS NULL THEN r.n"
        "              ELSE min(r.n) OVER (PARTITION BY r.kind, NULLIF(r.dedup_key, '')) END AS first_n,"
        "         NULLIF(r.dedup_key, '') IS NULL"
        "           OR r.n = min(r.n) OVER (PARTITION BY r.kind, NULLIF(r.dedup_key, '')) AS first"
        "  FROM jsonb_to_recordset($2::jsonb) AS r(n integer, kind text, payload jsonb, priority integer,"
        "                                           max_attempts integer, dedup_key text, delay double precision)"
        "), fresh AS MATERIALIZED ("
        "  SELECT i.*, nextval('public.jobs_id_seq'::regclass) AS new_id FROM input i WHERE i.first"
        "), ins AS ("
        "  INSERT INTO jobs AS j (id, kind, org_id, payload, priority, max_attempts, dedup_key, run_at, created_by)"
        "  OVERRIDING SYSTEM VALUE"
        "  SELECT f.new_id, f.kind, $1::uuid, f.payload, f.priority, f.max_attempts, f.dedup_key,"
        "         now() + make_interval(secs => f.delay), app.current_user()"
        "  FROM fresh f ORDER BY f.kind, f.dedup_key, f.n"
        "  ON CONFLICT (org_id, kind, dedup_key)"
        "    WHERE dedup_key IS NOT NULL AND state IN ('queued', 'running', 'retrying')"
        "  DO UPDATE SET dedup_key = EXCLUDED.dedup_key"
        "  RETURNING j.*, (j.xmax = 0) AS inserted"
        ")"
        " SELECT" SLIDESPEC_JOB_COLUMNS ", (j.inserted AND i.n = i.first_n)"
        " FROM input i"
        " JOIN fresh f ON f.n = i.first_n"
        " JOIN ins j ON CASE WHEN j.dedup_key IS NULL THEN j.id::text ELSE j.kind || '/' || j.dedup_key END"
        "            = CASE WHEN f.dedup_key IS NULL THEN f.new_id::text ELSE f.kind || '/' || f.dedup_key END"
        " ORDER BY i.n",
        orgId.toStdString(), QJsonDocument(input).toJson(QJsonDocument::Compact).toStdString());
    if (int(rows.size()) != requests.size())
        throw pqxx::internal_error("enqueueMany: " + std::to_string(rows.size()) + " results for "
                                   + std::to_string(requests.size()) + " requests");
    QList<EnqueueResult> out;
    out.reserve(requests.size());
    for (const auto &r : rows)
        out.append(EnqueueResult{rowToJob(r), r[jobColumnCount].as<bool>()});
    return out;
}

DbResult<QList<EnqueueResult>> JobQueue::enqueueMany(const OrgScope &scope, const QList<EnqueueRequest> &requests)
{
    if (scope.orgId.isEmpty())
        return badArgument(QStringLiteral("enqueue needs an org scope"));
    if (requests.isEmpty())
        return QList<EnqueueResult>();
    return m_db.withTransaction(scope, [&](pqxx::work &tx) { return enqueueMany(tx, scope.orgId, requests); });
}

DbResult<std::optional<Job>> JobQueue::get(const OrgScope &scope, qint64 id)
{
    return m_db.withTransaction(scope, [&](pqxx::work &tx) -> std::optional<Job> {
        const auto rows = tx.exec_params("SELECT" SLIDESPEC_JOB_COLUMNS "FROM jobs j WHERE j.id = $1", id);
        if (rows.empty())
            return std::nullopt;
        return rowToJob(rows[0]);
    });
}

DbResult<QList<Job>> JobQueue::list(const OrgScope &scope, const JobFilter &filter)
{
    const int limit = std::clamp(filter.limit, 1, 500);
    const std::string state = filter.state ? jobStateName(*filter.state).toStdString() : std::string();
    return m_db.withTransaction(scope, [&](pqxx::work &tx) {
        return rowsToJobs(tx.exec_params("SELECT" SLIDESPEC_JOB_COLUMNS "FROM jobs j"
                                         " WHERE ($1 = '' OR j.state = $1) AND ($2 = '' OR j.kind = $2)"
                                         "   AND ($3 = 0 OR j.id < $3)"
                                         " ORDER BY j.id DESC LIMIT $4",
                                         state, filter.kind.toStdString(), filter.beforeId, limit));
    });
}

DbResult<std::optional<Job>> JobQueue::cancel(const OrgScope &scope, qint64 id)
{
    return m_db.withTransaction(scope, [&](pqxx::work &tx) -> std::optional<Job> {
        // Right-hand sides see the old row: a queued/retrying job ends now, a
        // running one is flagged (the update trigger sends the NOTIFY).
        const auto rows = tx.exec_params(
            "UPDATE jobs j SET"
            "  state = CASE WHEN j.state IN ('queued', 'retrying') THEN 'cancelled' ELSE j.state END,"
            "  cancel_requested = j.cancel_requested OR j.state = 'running',"
            "  finished_at = CASE WHEN j.state IN ('queued', 'retrying') THEN now() ELSE j.finished_at END,"
            "  updated_at = now()"
            " WHERE j.id = $1"
            " RETURNING" SLIDESPEC_JOB_COLUMNS,
            id);
        if (rows.empty())
            return std::nullopt;
        return rowToJob(rows[0]);
    });
}

DbResult<QList<Job>> JobQueue::listDead(const OrgScope &scope, int limit, qint64 beforeId)
{
    JobFilter filter;
    filter.state = JobState::Dead;
    filter.limit = limit;
    filter.beforeId = beforeId;
    return list(scope, filter);
}

DbResult<std::optional<Job>> JobQueue::retryDead(const OrgScope &scope, qint64 id)
{
    return m_db.withTransaction(scope, [&](pqxx::work &tx) -> std::optional<Job> {
        const auto rows = tx.exec_params(
            "UPDATE jobs j SET state = 'queued', attempts = 0, run_at = now(), finished_at = NULL,"
            "  cancel_requested = false, progress = 0, progress_message = '', updated_at = now()"
            " WHERE j.id = $1 AND j.state = 'dead'"
            " RETURNING" SLIDESPEC_JOB_COLUMNS,
            id);
        if (rows.empty())
            return std::nullopt;
        return rowToJob(rows[0]);
    });
}

DbResult<bool> JobQueue::discardDead(const OrgScope &scope, qint64 id)
{
    return m_db.withTransaction(scope, [&](pqxx::work &tx) {
        return tx.exec_params("DELETE FROM jobs j WHERE j.id = $1 AND j.state = 'dead'", id).affected_rows() > 0;
    });
}

DbResult<QList<Job>> JobQueue::claim(const QString &workerId, const QStringList &kinds, int batch,
                                     std::chrono::milliseconds lease)
{
    if (kinds.isEmpty() || batch < 1)
        return QList<Job>();
    return autocommit([&](pqxx::transaction_base &tx) {
        return rowsToJobs(tx.exec_params("SELECT" SLIDESPEC_JOB_COLUMNS
                                         "FROM app.jobs_claim($1, $2::text[], $3, $4::double precision) j",
                                         workerId.toStdString(), textArray(kinds), batch, seconds(lease)));
    });
}

DbResult<QList<LeaseStatus>> JobQueue::heartbeat(const QString &workerId, const QList<qint64> &ids,
                                                 std::chrono::milliseconds lease)
{
    if (ids.isEmpty())
        return QList<LeaseStatus>();
    return autocommit([&](pqxx::transaction_base &tx) {
        QList<LeaseStatus> out;
        for (const auto &r : tx.exec_params("SELECT id, cancel_requested FROM app.jobs_heartbeat($1, $2::bigint[], $3)",
                                            workerId.toStdString(), idArray(ids), seconds(lease)))
            out.append(LeaseStatus{r[0].as<qint64>(), r[1].as<bool>()});
        return out;
    });
}

DbResult<bool> JobQueue::setProgress(qint64 id, const QString &workerId, int percent, const QString &message)
{
    return autocommit([&](pqxx::transaction_base &tx) {
        return tx.exec_params1("SELECT app.jobs_progress($1, $2, $3, $4)", id, workerId.toStdString(),
                               std::clamp(percent, 0, 100), message.toStdString())[0]
            .as<bool>();
    });
}

DbResult<std::optional<JobState>> JobQueue::finish(qint64 id, const QString &workerId, const char *outcome,
                                                   const QJsonObject *result, const QString &error,
                                                   double retryDelaySeconds, bool permanent)
{
    return autocommit([&](pqxx::transaction_base &tx) -> std::optional<JobState> {
        const auto r = tx.exec_params1("SELECT app.jobs_finish($1, $2, $3, NULLIF($4, '')::jsonb, $5, $6, $7)", id,
                                       workerId.toStdString(), std::string(outcome),
                                       result ? json(*result) : std::string(), error.toStdString(),
                                       retryDelaySeconds, permanent);
        if (r[0].is_null())
            return std::nullopt;
        return jobStateFromName(text(r[0]));
    });
}

DbResult<std::optional<JobState>> JobQueue::complete(qint64 id, const QString &workerId, const QJsonObject &result)
{
    return finish(id, workerId, "succeeded", &result, QString(), 0, false);
}

DbResult<QList<qint64>> JobQueue::completeMany(const QString &workerId, const QList<JobCompletion> &jobs)
{
    if (jobs.isEmpty())
        return QList<qint64>();
    QJsonArray items;
    for (const auto &job : jobs)
        items.append(QJsonObject{{QStringLiteral("id"), job.id}, {QStringLiteral("result"), job.result}});
    const std::string input = QJsonDocument(items).toJson(QJsonDocument::Compact).toStdString();
    return autocommit([&](pqxx::transaction_base &tx) {
        QList<qint64> done;
        for (const auto &r : tx.exec_params("SELECT id FROM app.jobs_complete_many($1, $2::jsonb)",
                                            workerId.toStdString(), input))
            done.append(r[0].as<qint64>());
        return done;
    });
}

DbResult<std::optional<JobState>> JobQueue::fail(qint64 id, const QString &workerId, int attempt,
                                                 const QString &error, bool permanent)
{
    return finish(id, workerId, "failed", nullptr, error, seconds(m_backoff.randomDelay(attempt)), permanent);
}

DbResult<std::optional<JobState>> JobQueue::markCancelled(qint64 id, const QString &workerId)
{
    return finish(id, workerId, "cancelled", nullptr, QString(), 0, false);
}

DbResult<std::optional<JobState>> JobQueue::release(qint64 id, const QString &workerId)
{
    return finish(id, workerId, "released", nullptr, QString(), 0, false);
}

DbResult<int> JobQueue::rescueExpired(int limit)
{
    return autocommit([&](pqxx::transaction_base &tx) {
        return int(tx.exec_params("SELECT id FROM app.jobs_rescue($1)", std::max(1, limit)).size());
    });
}

DbResult<QList<QueueDepth>> JobQueue::depth()
{
    return m_db.withTransaction([&](pqxx::work &tx) {
        QList<QueueDepth> out;
        for (const auto &r : tx.exec("SELECT state, kind, jobs, oldest_runnable_seconds FROM app.jobs_depth()"
                                     " ORDER BY state, kind")) {
            QueueDepth d;
            d.state = jobStateFromName(text(r[0])).value_or(JobState::Queued);
            d.kind = text(r[1]);
            d.jobs = r[2].as<qint64>();
            d.oldestRunnableSeconds = r[3].as<double>();
            out.append(d);
        }
        return out;
    });
}

DbResult<int> JobQueue::pruneFinished(std::chrono::seconds olderThan, bool includeDead, int limit)
{
    return m_db.withTransaction([&](pqxx::work &tx) {
        return tx.exec_params1("SELECT app.jobs_prune($1, $2, $3)", double(olderThan.count()), includeDead,
                               std::max(1, limit))[0]
            .as<int>();
    });
}

} // namespace slidespec::server
