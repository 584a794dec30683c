// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "storage/storagebackend.h"

namespace slidespec::server {

/*!
 * \brief Objects as files under a root folder.
 *
 * Layout (docs/storage.md): the object for key \c{sha256/3fa4c2…} is
 * \c{ROOT/objects/3f/a4/sha256~3fa4c2…}: two fan-out folders from the first
 * four characters of the key's last segment (non-alphanumerics become '_'),
 * the file named by the key with '/' written as '~' (a character keys cannot
 * hold). Its content type sits beside it in \c{.sha256~3fa4c2….type}. Names
 * starting with '.' are never keys: temporary files (\c{.tmp-*}) and type
 * files.
 *
 * put() writes a temporary file in the target folder, fsyncs it, renames it
 * over the target and fsyncs the folder, so concurrent writers of one key
 * each replace the whole file and a reader opens a complete object or none.
 */
class FileStorage final : public StorageBackend
{
public:
    /*! Opens (creating when missing) the store under \a rootPath. */
    static StorageResult<std::shared_ptr<FileStorage>> open(const QString &rootPath);

    QString rootPath() const { return m_root; }

    /*! Where \a key's bytes live (\a key must be valid). */
    QString pathForKey(const QString &key) const;

    QString describe() const override;
    StorageResult<void> put(const QString &key, const QByteArray &bytes, const QString &contentType) override;
    StorageResult<StoredObject> get(const QString &key) override;
    StorageResult<ObjectInfo> stat(const QString &key) override;
    StorageResult<void> remove(const QString &key) override;
    StorageResult<QList<ObjectInfo>> list(const QString &prefix) override;
    StorageResult<void> checkHealth() override;

    /*!
     * Removes temporary files (".tmp-*") older than \a maxAgeSeconds, left
     * by a crash in the middle of put(); returns how many. For maintenance
     * (at start-up, or from a periodic job): a younger one may belong to a
     * put() in progress.
     */
    StorageResult<int> removeStaleTemporaryFiles(qint64 maxAgeSeconds = 3600);

private:
    explicit FileStorage(QString root);

    QString m_root;
};

} // namespace slidespec::server
