// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QString>

namespace slidespec {

/*!
 * \brief Crash-safe file writing for recovery journals.
 *
 * write() puts the bytes in a temporary file next to the target (named
 * `.NAME.XXXXXX.tmp`), flushes it to disk (fsync), renames it over the
 * target and syncs the folder. Killed at any moment, the target holds either
 * the previous complete content or the new one; a leftover temporary file is
 * recognised by isTemporary() and ignored by readers.
 */
namespace DurableFile {

/*! Writes \a data to \a fileName durably; false with \a error on failure
 *  (the target is then untouched and no temporary file is left). */
bool write(const QString &fileName, const QByteArray &data, QString *error);

/*! True for the name of a temporary file write() creates. */
bool isTemporary(const QString &fileName);

} // namespace DurableFile

} // namespace slidespec
