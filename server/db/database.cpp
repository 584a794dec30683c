// SPDX-License-Identifier: GPL-3.0-or-later
#include "db/database.h"

#include "http/apierror.h"

namespace slidespec::server {

ApiError DbError::toApiError() const
{
    switch (kind) {
    case Kind::PoolExhausted:
        return {503, QStringLiteral("server.busy"),
                QStringLiteral("The server is busy; try again in a moment."), {}};
    case Kind::Unavailable:
        return {503, QStringLiteral("database.unavailable"),
                QStringLiteral("The database is unavailable; try again later."), {}};
    case Kind::Timeout:
        return {503, QStringLiteral("request.timeout"),
                QStringLiteral("The request took too long and was stopped; try again."), {}};
    case Kind::Serialization:
        return {503, QStringLiteral("database.conflict"),
                QStringLiteral("The request collided with another one; try again."), {}};
    case Kind::Query:
    case Kind::Internal:
        break;
    }
    return ApiError::internal();
}

void OrgScope::apply(pqxx::transaction_base &tx) const
{
    tx.exec_params("SELECT set_config('app.user_id', $1, true), set_config('app.org_id', $2, true)",
                   userId.toStdString(), orgId.toStdString());
}

Database::Lease::Lease(Database *db, std::unique_ptr<pqxx::connection> connection)
    : m_db(db), m_connection(std::move(connection))
{
}

Database::Lease::Lease(Lease &&other) noexcept
    : m_db(std::exchange(other.m_db, nullptr)),
      m_connection(std::move(other.m_connection)),
      m_discard(other.m_discard)
{
}

Database::Lease::~Lease()
{
    if (m_db)
        m_db->release(std::move(m_connection), m_discard);
}

Database::Database(Options options) : m_options(std::move(options))
{
    if (m_options.poolSize < 1)
        m_options.poolSize = 1;
}

Database::~Database() = default;

std::unique_ptr<pqxx::connection> Database::connect(DbError *error)
{
    try {
        auto c = std::make_unique<pqxx::connection>(m_options.url);
        pqxx::nontransaction setup(*c);
        setup.exec_params("SELECT set_config('application_name', $1, false), "
                          "set_config('statement_timeout', $2, false)",
                          m_options.applicationName,
                          std::to_string(m_options.statementTimeout.count()));
        setup.commit();
        return c;
    } catch (const std::exception &e) {
        *error = classify(e);
        error->kind = DbError::Kind::Unavailable;
        return nullptr;
    }
}

DbResult<Database::Lease> Database::acquire()
{
    std::unique_lock lock(m_mutex);
    const auto deadline = std::chrono::steady_clock::now() + m_options.acquireTimeout;
    bool waited = false;
    for (;;) {
        if (!m_idle.empty()) {
            auto c = std::move(m_idle.back());
            m_idle.pop_back();
            ++m_inUse;
            ++m_acquisitions;
            if (waited)
                ++m_waits;
            return Lease(this, std::move(c));
        }
        if (m_open < m_options.poolSize) {
            // Open a new connection outside the lock; the slot is reserved.
            ++m_open;
            ++m_inUse;
            lock.unlock();
            DbError error;
            auto c = connect(&error);
            lock.lock();
            if (!c) {
                --m_open;
                --m_inUse;
                ++m_connectFailures;
                m_available.notify_one();
                return error;
            }
            ++m_acquisitions;
            if (waited)
                ++m_waits;
            return Lease(this, std::move(c));
        }
        waited = true;
        if (m_available.wait_until(lock, deadline) == std::cv_status::timeout && m_idle.empty()
            && m_open >= m_options.poolSize) {
            ++m_timeouts;
            return DbError{DbError::Kind::PoolExhausted,
                           QStringLiteral("no database connection free within %1 ms (pool size %2)")
                               .arg(m_options.acquireTimeout.count())
                               .arg(m_options.poolSize),
                           {}};
        }
    }
}

void Database::release(std::unique_ptr<pqxx::connection> connection, bool discard)
{
    std::lock_guard lock(m_mutex);
    --m_inUse;
    if (!connection || discard || !connection->is_open()) {
        --m_open;
    } else {
        m_idle.push_back(std::move(connection));
    }
    m_available.notify_one();
}

bool Database::ping(QString *error)
{
    auto r = withTransaction([](pqxx::work &tx) { tx.exec("SELECT 1"); });
    if (!r && error)
        *error = r.error().message;
    return r.ok();
}

DbPoolStats Database::stats() const
{
    std::lock_guard lock(m_mutex);
    DbPoolStats s;
    s.size = m_options.poolSize;
    s.open = m_open;
    s.inUse = m_inUse;
    s.acquisitions = m_acquisitions;
    s.waits = m_waits;
    s.timeouts = m_timeouts;
    s.connectFailures = m_connectFailures;
    return s;
}

namespace {

// libpqxx 6.4 throws a subclass for well-known SQLSTATEs and then often
// leaves sqlstate() empty: recover the code from the type.
std::string sqlStateFromType(const std::exception &e)
{
    if (dynamic_cast<const pqxx::insufficient_privilege *>(&e))
        return "42501";
    if (dynamic_cast<const pqxx::unique_violation *>(&e))
        return "23505";
    if (dynamic_cast<const pqxx::foreign_key_violation *>(&e))
        return "23503";
    if (dynamic_cast<const pqxx::check_violation *>(&e))
        return "23514";
    if (dynamic_cast<const pqxx::not_null_violation *>(&e))
        return "23502";
    if (dynamic_cast<const pqxx::restrict_violation *>(&e))
        return "23001";
    if (dynamic_cast<const pqxx::integrity_constraint_violation *>(&e))
        return "23000";
    if (dynamic_cast<const pqxx::undefined_table *>(&e))
        return "42P01";
    if (dynamic_cast<const pqxx::undefined_column *>(&e))
        return "42703";
    if (dynamic_cast<const pqxx::undefined_function *>(&e))
        return "42883";
    if (dynamic_cast<const pqxx::syntax_error *>(&e))
        return "42601";
    if (dynamic_cast<const pqxx::data_exception *>(&e))
        return "22000";
    if (dynamic_cast<const pqxx::plpgsql_raise *>(&e))
        return "P0001";
    if (dynamic_cast<const pqxx::serialization_failure *>(&e))
        return "40001";
    if (dynamic_cast<const pqxx::deadlock_detected *>(&e))
        return "40P01";
    return {};
}

} // namespace

DbError Database::classify(const std::exception &e)
{
    DbError error;
    error.message = QString::fromUtf8(e.what()).trimmed();
    if (dynamic_cast<const pqxx::broken_connection *>(&e)) {
        error.kind = DbError::Kind::Unavailable;
    } else if (dynamic_cast<const pqxx::serialization_failure *>(&e)
               || dynamic_cast<const pqxx::deadlock_detected *>(&e)) {
        error.kind = DbError::Kind::Serialization;
        error.sqlState = sqlStateFromType(e);
    } else if (const auto *sql = dynamic_cast<const pqxx::sql_error *>(&e)) {
        error.sqlState = sql->sqlstate().empty() ? sqlStateFromType(e) : sql->sqlstate();
        if (error.sqlState == "57014" || error.sqlState == "55P03")
            error.kind = DbError::Kind::Timeout; // query_canceled (statement_timeout), lock_not_available
        else if (error.sqlState == "40001" || error.sqlState == "40P01")
            error.kind = DbError::Kind::Serialization;
        else if (error.sqlState.rfind("08", 0) == 0 || error.sqlState == "57P01")
            error.kind = DbError::Kind::Unavailable;
        else
            error.kind = DbError::Kind::Query;
    } else if (dynamic_cast<const pqxx::in_doubt_error *>(&e)) {
        error.kind = DbError::Kind::Unavailable;
    } else {
        error.kind = DbError::Kind::Internal;
    }
    return error;
}

} // namespace slidespec::server
