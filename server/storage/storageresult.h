// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

#include <utility>
#include <variant>

namespace slidespec::server {

/*!
 * \brief What kind of failure a storage operation met, so callers can map it
 * to an HTTP status (NotFound → 404, InvalidKey → 400, the rest → 503/500).
 */
enum class StorageErrorKind {
    NotFound,      //!< the key does not exist
    InvalidKey,    //!< the key breaks the rules of validateStorageKey()
    InvalidConfig, //!< the storage URL or its credentials are unusable
    Unavailable,   //!< the store cannot be reached (connection refused, timeout, disk missing)
    Denied,        //!< the store refused the credentials or the permission
    Io,            //!< a local read/write failed (disk full, permissions)
    Protocol,      //!< the store answered something we do not understand or an unexpected error
    TooLarge,      //!< the object is larger than the configured limit
};

/*! \brief A storage failure: its kind and a message for people (never a secret). */
struct StorageError
{
    StorageErrorKind kind = StorageErrorKind::Protocol;
    QString message;
};

/*!
 * \brief Either a value or a StorageError. Storage APIs never throw.
 *
 * \code
 * auto object = storage.get(key);
 * if (!object)
 *     return reply(object.error().message);
 * use(object.value().data);
 * \endcode
 */
template <typename T>
class StorageResult
{
public:
    StorageResult(T value) : m_state(std::in_place_index<0>, std::move(value)) { }
    StorageResult(StorageError error) : m_state(std::in_place_index<1>, std::move(error)) { }

    bool ok() const { return m_state.index() == 0; }
    explicit operator bool() const { return ok(); }

    const T &value() const & { return std::get<0>(m_state); }
    T &value() & { return std::get<0>(m_state); }
    T &&value() && { return std::get<0>(std::move(m_state)); }

    /*! The error; an empty one when ok() (safe to call either way). */
    const StorageError &error() const
    {
        static const StorageError none{StorageErrorKind::Protocol, QString()};
        return ok() ? none : std::get<1>(m_state);
    }
    bool isNotFound() const { return !ok() && error().kind == StorageErrorKind::NotFound; }

private:
    std::variant<T, StorageError> m_state;
};

/*! \brief A result without a value: success, or a StorageError. */
template <>
class StorageResult<void>
{
public:
    StorageResult() = default;
    StorageResult(StorageError error) : m_error(std::move(error)), m_ok(false) { }

    bool ok() const { return m_ok; }
    explicit operator bool() const { return m_ok; }
    const StorageError &error() const { return m_error; }
    bool isNotFound() const { return !m_ok && m_error.kind == StorageErrorKind::NotFound; }

private:
    StorageError m_error;
    bool m_ok = true;
};

/*! Shorthand for a StorageError. */
inline StorageError storageError(StorageErrorKind kind, QString message)
{
    return StorageError{kind, std::move(message)};
}

} // namespace slidespec::server
