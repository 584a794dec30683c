// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "storage/storageresult.h"

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QString>

#include <memory>

namespace slidespec::server {

/*! \brief What stat() and list() know about a stored object. */
struct ObjectInfo
{
    QString key;
    qint64 size = 0;
    QString contentType; //!< as given to put(); "application/octet-stream" when unknown
    QDateTime modified;  //!< UTC; may be invalid when the backend does not say
};

/*! \brief An object's bytes and content type, as returned by get(). */
struct StoredObject
{
    QByteArray data;
    QString contentType;
};

/*!
 * \brief One place objects are kept: the local filesystem (FileStorage) or an
 * S3-compatible service (S3Storage). Create one with createStorage().
 *
 * Guarantees every backend keeps (docs/storage.md):
 * \list
 * \li Keys are checked with validateStorageKey() before anything else; a bad
 *     key is an InvalidKey error, never a path outside the store.
 * \li put() is atomic: a reader sees the old object, the new one, or nothing,
 *     never a partial one. Putting the same bytes again under the same key
 *     (content-addressed keys) succeeds and changes nothing a reader can see.
 * \li remove() of a missing key succeeds (removal is idempotent).
 * \li Every method is thread-safe: one backend is shared by the worker threads.
 * \li No method throws; failures are StorageError values whose messages never
 *     contain a secret.
 * \endlist
 */
class StorageBackend
{
public:
    virtual ~StorageBackend();

    /*! The backend's URL without credentials, for logs and errors. */
    virtual QString describe() const = 0;

    /*! Stores \a bytes under \a key, replacing any object there. */
    virtual StorageResult<void> put(const QString &key, const QByteArray &bytes, const QString &contentType) = 0;

    /*! The object under \a key, or a NotFound error. */
    virtual StorageResult<StoredObject> get(const QString &key) = 0;

    /*! The object's size, type and time, or a NotFound error. */
    virtual StorageResult<ObjectInfo> stat(const QString &key) = 0;

    /*! Whether \a key holds an object (false is not an error; failures are). */
    StorageResult<bool> exists(const QString &key);

    /*! Removes \a key; succeeds when it was not there. */
    virtual StorageResult<void> remove(const QString &key) = 0;

    /*!
     * Every object whose key starts with \a prefix (empty: all), sorted by key.
     * For maintenance (garbage collection, audits): it may be slow on big stores.
     */
    virtual StorageResult<QList<ObjectInfo>> list(const QString &prefix) = 0;

    /*!
     * Whether the store can be used right now (for /readyz): the folder is
     * writable, or the bucket answers with our credentials.
     */
    virtual StorageResult<void> checkHealth() = 0;

protected:
    StorageBackend() = default;
    StorageBackend(const StorageBackend &) = delete;
    StorageBackend &operator=(const StorageBackend &) = delete;
};

/*!
 * \brief Creates a backend from a storage URL (docs/storage.md):
 *
 * \list
 * \li \c{file:///var/lib/slidespec/assets} — FileStorage under that folder
 *     (created when missing).
 * \li \c{s3://ACCESS:SECRET@host:port/bucket?region=us-east-1&style=path|virtual&tls=0|1}
 *     — S3Storage. Other parameters: \c connect (an address to connect to
 *     instead of resolving the host, like curl's --connect-to),
 *     \c timeout (seconds, default 30), \c ca_file (a PEM CA to trust besides
 *     the system's), \c access_key_file and
 *     \c secret_key_file (credentials read from files), and without any of
 *     these the environment's AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY.
 * \endlist
 *
 * Nothing is contacted here; call checkHealth() for that. Errors are
 * InvalidConfig and never repeat the secret.
 */
StorageResult<std::shared_ptr<StorageBackend>> createStorage(const QString &url);

/*! The URL with any password replaced by "***", for logs. */
QString redactStorageUrl(const QString &url);

} // namespace slidespec::server
