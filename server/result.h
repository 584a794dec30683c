// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <optional>
#include <utility>

namespace slidespec::server {

/*!
 * \brief A value or an error of type \a E; never throws. Result<void, E>
 * holds no value.
 *
 * The server's layers name their own: DbResult<T> (db/database.h, DbError),
 * StorageResult<T> (storage/storageresult.h, StorageError) and
 * ServiceResult<T> (http/serviceresult.h, ApiError).
 *
 * \code
 * auto deck = service.get(scope, id);
 * if (!deck)
 *     return deck.error();
 * use(deck->name);
 * \endcode
 */
template<typename T, typename E>
class Result
{
public:
    Result(T value) : m_value(std::move(value)) {} // NOLINT(google-explicit-constructor): values are results
    Result(E error) : m_error(std::move(error)) {} // NOLINT(google-explicit-constructor): so are errors
    bool ok() const { return m_value.has_value(); }
    explicit operator bool() const { return ok(); }
    T &value() & { return *m_value; }
    const T &value() const & { return *m_value; }
    T &&value() && { return *std::move(m_value); }
    T &operator*() { return *m_value; }
    const T &operator*() const { return *m_value; }
    T *operator->() { return &*m_value; }
    const T *operator->() const { return &*m_value; }
    /*! The error; a default-constructed one when ok(). */
    const E &error() const { return m_error; }

private:
    std::optional<T> m_value;
    E m_error;
};

template<typename E>
class Result<void, E>
{
public:
    Result() = default;
    Result(E error) : m_ok(false), m_error(std::move(error)) {} // NOLINT(google-explicit-constructor)
    bool ok() const { return m_ok; }
    explicit operator bool() const { return ok(); }
    const E &error() const { return m_error; }

private:
    bool m_ok = true;
    E m_error;
};

} // namespace slidespec::server
