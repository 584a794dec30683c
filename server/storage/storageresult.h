// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "result.h"

#include <QString>

#include <utility>

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
template<typename T>
class StorageResult : public Result<T, StorageError>
{
public:
    using Result<T, StorageError>::Result;
    bool isNotFound() const { return !this->ok() && this->error().kind == StorageErrorKind::NotFound; }
};

/*! Shorthand for a StorageError. */
inline StorageError storageError(StorageErrorKind kind, QString message)
{
    return StorageError{kind, std::move(message)};
}

} // namespace slidespec::server
