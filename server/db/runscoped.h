// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "db/database.h"
#include "http/logging.h"
#include "http/serviceresult.h"

#include <pqxx/pqxx>

#include <exception>
#include <optional>

namespace slidespec::server {

/*! Thrown inside a transaction to roll it back; runScoped() returns the refusal. */
struct Rollback : std::exception
{
    const char *what() const noexcept override { return "rollback"; }
};

/*!
 * Runs \a fn(pqxx::work &) -> ServiceResult<T> in one transaction scoped to
 * \a scope. A refusal rolls the transaction back (nothing half-written) and
 * is returned as it is; a database failure becomes its ApiError (503/500)
 * and is logged with \a what, the step that failed.
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
        logging::error(QStringLiteral("database step failed"),
                       {{QStringLiteral("step"), QString::fromLatin1(what)},
                        {QStringLiteral("error"), result.error().message},
                        {QStringLiteral("sqlstate"), QString::fromStdString(result.error().sqlState)}});
        return result.error().toApiError();
    }
    return std::move(result.value());
}

} // namespace slidespec::server
