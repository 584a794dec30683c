// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "result.h"

#include <QString>

#include <pqxx/pqxx>

#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <type_traits>
#include <utility>
#include <vector>

namespace slidespec::server {

struct ApiError;

/*!
 * \brief Why a database call failed.
 */
struct DbError
{
    enum class Kind {
        PoolExhausted,  //!< no connection became free within the acquire timeout
        Unavailable,    //!< cannot connect, or the connection broke
        Query,          //!< the statement failed (sqlState says why)
        Timeout,        //!< statement_timeout or lock timeout hit
        Serialization,  //!< serialization failure or deadlock: retry the transaction
        Internal,       //!< an unexpected exception from the callback
    };
    Kind kind = Kind::Internal;
    QString message;      //!< for the log, never for clients (may contain SQL)
    std::string sqlState; //!< SQLSTATE when known, e.g. "23505" (unique violation)

    bool isUniqueViolation() const { return sqlState == "23505"; }
    bool isForeignKeyViolation() const { return sqlState == "23503"; }
    bool isCheckViolation() const { return sqlState == "23514"; }

    /*! The API error to send: 503 for pool/availability/timeouts, 500 otherwise. */
    ApiError toApiError() const;
};

/*! \brief A value or a DbError. DbResult<void> holds no value. */
template<typename T>
using DbResult = Result<T, DbError>;

/*!
 * \brief Tenant scope of a transaction: sets the session settings
 * `app.user_id` and `app.org_id` with set_config(…, true), so they last only
 * until the transaction ends. Row-level security policies read them with
 * current_setting('app.org_id', true) (or app.current_org() /
 * app.current_user(), see migration 0001). Empty ids set ''.
 */
struct OrgScope
{
    QString userId; //!< uuid text or empty
    QString orgId;  //!< uuid text or empty

    /*! Applies the scope inside \a tx. Throws what libpqxx throws (call inside withTransaction). */
    void apply(pqxx::transaction_base &tx) const;
};

/*!
 * \brief Pool figures for /metrics.
 */
struct DbPoolStats
{
    int size = 0;            //!< configured maximum
    int open = 0;            //!< connections currently open
    int inUse = 0;           //!< connections leased right now
    std::uint64_t acquisitions = 0; //!< leases handed out
    std::uint64_t waits = 0;        //!< acquisitions that had to wait for a free connection
    std::uint64_t timeouts = 0;     //!< acquisitions that gave up (PoolExhausted)
    std::uint64_t connectFailures = 0;
};

/*!
 * \brief A thread-safe pool of PostgreSQL connections (libpqxx).
 *
 * Connections are opened lazily up to the pool size and reused. acquire()
 * waits up to the acquire timeout for a free one and then fails with
 * DbError::PoolExhausted. Broken connections are dropped and replaced on the
 * next acquire. Every connection gets `statement_timeout` set to the
 * configured value.
 *
 * Use withTransaction() for nearly everything: it leases a connection, runs
 * the callback inside a pqxx::work, commits, and turns every libpqxx
 * exception into a DbError (no exception escapes). The callback may return a
 * value (DbResult<T>) or nothing (DbResult<void>).
 *
 * \code
 * auto count = db.withTransaction(OrgScope{userId, orgId}, [&](pqxx::work &tx) {
 *     return tx.exec_params1("SELECT count(*) FROM decks").at(0).as<int>();
 * });
 * if (!count)
 *     return HttpResponse(count.error().toApiError());
 * \endcode
 */
class Database
{
public:
    struct Options
    {
        std::string url;               //!< postgresql:// URL or libpq key=value string
        int poolSize = 8;
        std::chrono::milliseconds acquireTimeout{5000};
        std::chrono::milliseconds statementTimeout{30000}; //!< 0 = none
        std::string applicationName = "slidespec-server";
    };

    /*! A leased connection, returned to the pool when destroyed. */
    class Lease
    {
    public:
        Lease(Lease &&other) noexcept;
        Lease &operator=(Lease &&) = delete;
        Lease(const Lease &) = delete;
        ~Lease();
        pqxx::connection &connection() { return *m_connection; }
        pqxx::connection *operator->() { return m_connection.get(); }
        /*! Drops the connection instead of returning it (after a broken connection). */
        void discard() { m_discard = true; }

    private:
        friend class Database;
        Lease(Database *db, std::unique_ptr<pqxx::connection> connection);
        Database *m_db;
        std::unique_ptr<pqxx::connection> m_connection;
        bool m_discard = false;
    };

    explicit Database(Options options);
    ~Database();
    Database(const Database &) = delete;
    Database &operator=(const Database &) = delete;

    const Options &options() const { return m_options; }

    /*! Leases a connection (opening one if needed), waiting up to the acquire timeout. */
    DbResult<Lease> acquire();

    /*! Runs \a fn(pqxx::work &) in a transaction and commits. */
    template<typename Fn>
    auto withTransaction(Fn &&fn) -> DbResult<std::invoke_result_t<Fn, pqxx::work &>>
    {
        return withTransaction(OrgScope{}, std::forward<Fn>(fn), /*applyScope=*/false);
    }

    /*! Runs \a fn(pqxx::work &) in a transaction scoped to \a scope, and commits. */
    template<typename Fn>
    auto withTransaction(const OrgScope &scope, Fn &&fn, bool applyScope = true)
        -> DbResult<std::invoke_result_t<Fn, pqxx::work &>>
    {
        using R = std::invoke_result_t<Fn, pqxx::work &>;
        auto lease = acquire();
        if (!lease)
            return lease.error();
        DbError error;
        try {
            pqxx::work tx(lease->connection());
            if (applyScope)
                scope.apply(tx);
            if constexpr (std::is_void_v<R>) {
                fn(tx);
                tx.commit();
                return DbResult<void>();
            } else {
                R result = fn(tx);
                tx.commit();
                return DbResult<R>(std::move(result));
            }
        } catch (const pqxx::broken_connection &e) {
            lease->discard();
            error = classify(e);
        } catch (const std::exception &e) {
            if (!lease->connection().is_open())
                lease->discard();
            error = classify(e);
        } catch (...) {
            error = DbError{DbError::Kind::Internal, QStringLiteral("unknown exception"), {}};
        }
        return error;
    }

    /*! Runs `SELECT 1`; false with \a error filled when the database cannot be reached. */
    bool ping(QString *error = nullptr);

    DbPoolStats stats() const;

    /*! Turns a libpqxx (or other) exception into a DbError. */
    static DbError classify(const std::exception &e);

private:
    void release(std::unique_ptr<pqxx::connection> connection, bool discard);
    std::unique_ptr<pqxx::connection> connect(DbError *error);

    Options m_options;
    mutable std::mutex m_mutex;
    std::condition_variable m_available;
    std::vector<std::unique_ptr<pqxx::connection>> m_idle;
    int m_open = 0;   // idle + leased + being opened
    int m_inUse = 0;
    std::uint64_t m_acquisitions = 0;
    std::uint64_t m_waits = 0;
    std::uint64_t m_timeouts = 0;
    std::uint64_t m_connectFailures = 0;
};

} // namespace slidespec::server
