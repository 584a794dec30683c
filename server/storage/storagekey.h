// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "storage/storageresult.h"

#include <QString>

namespace slidespec::server {

/*! The longest key, in characters (S3 allows 1024 bytes; ours are ASCII). */
inline constexpr int MaxStorageKeyLength = 512;
/*! The longest segment between slashes (NAME_MAX of common filesystems). */
inline constexpr int MaxStorageKeySegmentLength = 255;

/*!
 * \brief Checks that \a key is a safe object key, the same for every backend.
 *
 * A key is 1 to MaxStorageKeyLength characters from [A-Za-z0-9._-] in
 * segments separated by single '/', each at most MaxStorageKeySegmentLength
 * characters (a file name on disk). No segment may be empty or start with '.'
 * (so no ".", "..", hidden names or leading, trailing or doubled slashes).
 * Everything else — backslashes, colons, spaces, NUL and control characters,
 * non-ASCII — is refused, which makes path traversal impossible by
 * construction. Returns success or an InvalidKey error naming the problem and
 * its position.
 */
StorageResult<void> validateStorageKey(const QString &key);

/*!
 * \brief Checks a listing prefix: empty, or a key prefix under the same
 * character rules (it may end with '/').
 */
StorageResult<void> validateStoragePrefix(const QString &prefix);

} // namespace slidespec::server
