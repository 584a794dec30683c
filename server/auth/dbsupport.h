// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Internal to server/auth: running a service step in one scoped transaction
// that may end with an ApiError (and then rolls back), and small conversions.

#include "auth/serviceresult.h"
#include "db/database.h"

#include <pqxx/result>
#include <pqxx/row>

#include <QByteArray>
#include <QString>

#include "http/logging.h"

#include <exception>
#include <optional>
#include <string>

namespace slidespec::server::authdb {

/*! Thrown inside a transaction to roll it back; runScoped() returns its error. */
struct Rollback : std::exception
{
    const char *what() const noexcept override { return "rollback"; }
};

/*!
 * Runs \a fn(pqxx::work &) -> ServiceResult<T> in one transaction scoped to
 * \a scope. An error result rolls the transaction back and is returned as it
 * is; a database failure becomes its ApiError (503/500) and is logged.
 */
template<typename T, typename Fn>
ServiceResult<T> runScoped(Database &db, const OrgScope &scope, const char *what, Fn &&fn)
{
    std::optional<ApiError> refused;
    auto result = db.withTransaction(scope, [&](pqxx::work &tx) -> ServiceResult<T> {
        ServiceResult<T> out = fn(tx);
        if (!out.ok()) {
            refused = out.error();
            throw Rollback();
        }
        return out;
    });
    if (refused)
        return *refused;
    if (!result.ok()) {
        logging::error(QStringLiteral("auth database step failed"),
                       {{QStringLiteral("step"), QString::fromLatin1(what)},
                        {QStringLiteral("error"), result.error().message},
                        {QStringLiteral("sqlstate"), QString::fromStdString(result.error().sqlState)}});
        return result.error().toApiError();
    }
    return std::move(result.value());
}

inline std::string hex(const QByteArray &bytes)
{
    return bytes.toHex().toStdString();
}

inline std::string s(const QString &text)
{
    return text.toStdString();
}

inline QString q(const pqxx::field &field)
{
    return field.is_null() ? QString() : QString::fromStdString(field.as<std::string>());
}

/*! SQL for a timestamptz column as the API's ISO 8601 UTC text. */
inline std::string iso(const char *column)
{
    return std::string("to_char(") + column + " AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS.MS\"Z\"')";
}

} // namespace slidespec::server::authdb
