// SPDX-License-Identifier: GPL-3.0-or-later
#include "storage/filestorage.h"

#include "storage/storagekey.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QRandomGenerator>

#include <algorithm>
#include <cerrno>
#include <cstring>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace slidespec::server {

namespace {

const QString DefaultContentType = QStringLiteral("application/octet-stream");

QString errnoText(int error)
{
    return QString::fromLocal8Bit(std::strerror(error));
}

StorageError ioError(const QString &what, const QString &path, int error)
{
    const StorageErrorKind kind = (error == ENOENT || error == ENOTDIR) ? StorageErrorKind::Unavailable
                                                                        : StorageErrorKind::Io;
    return storageError(kind, QStringLiteral("%1 %2: %3").arg(what, path, errnoText(error)));
}

QString fileNameForKey(const QString &key)
{
    QString name = key;
    name.replace(u'/', u'~');
    return name;
}

QString keyForFileName(const QString &name)
{
    QString key = name;
    key.replace(u'~', u'/');
    return key;
}

QString fanOut(const QString &key)
{
    const QString last = key.section(u'/', -1);
    QString chars = last.left(4).leftJustified(4, u'_');
    for (QChar &c : chars) {
        if (!c.isLetterOrNumber() || c.unicode() > 0x7e)
            c = u'_';
    }
    return chars.left(2) + u'/' + chars.mid(2, 2);
}

QString tempName()
{
    return QStringLiteral(".tmp-%1").arg(QRandomGenerator::global()->generate64(), 16, 16, QLatin1Char('0'));
}

bool writeAll(int fd, const char *data, qint64 size)
{
    while (size > 0) {
        const ssize_t written = ::write(fd, data, size_t(std::min<qint64>(size, 1 << 20)));
        if (written < 0) {
            if (errno == EINTR)
                continue;
            return false;
        }
        data += written;
        size -= written;
    }
    return true;
}

/*! Writes \a bytes to a temporary file in \a dir, fsyncs it and renames it to \a target. */
StorageResult<void> writeAtomically(const QString &dir, const QString &target, const QByteArray &bytes)
{
    const QString temp = dir + u'/' + tempName();
    const QByteArray tempPath = QFile::encodeName(temp);
    const int fd = ::open(tempPath.constData(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0644);
    if (fd < 0)
        return ioError(QStringLiteral("Cannot create"), temp, errno);
    if (!writeAll(fd, bytes.constData(), bytes.size()) || ::fsync(fd) != 0) {
        const int error = errno;
        ::close(fd);
        ::unlink(tempPath.constData());
        return ioError(QStringLiteral("Cannot write"), temp, error);
    }
    if (::close(fd) != 0) {
        const int error = errno;
        ::unlink(tempPath.constData());
        return ioError(QStringLiteral("Cannot write"), temp, error);
    }
    if (::rename(tempPath.constData(), QFile::encodeName(target).constData()) != 0) {
        const int error = errno;
        ::unlink(tempPath.constData());
        return ioError(QStringLiteral("Cannot rename a temporary file to"), target, error);
    }
    return {};
}

void syncDirectory(const QString &dir)
{
    const int fd = ::open(QFile::encodeName(dir).constData(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd >= 0) {
        ::fsync(fd);
        ::close(fd);
    }
}

QString typeFileFor(const QString &dataPath)
{
    const QFileInfo info(dataPath);
    return info.path() + QStringLiteral("/.") + info.fileName() + QStringLiteral(".type");
}

QString readContentType(const QString &dataPath)
{
    QFile file(typeFileFor(dataPath));
    if (!file.open(QIODevice::ReadOnly))
        return DefaultContentType;
    const QString type = QString::fromUtf8(file.read(256)).trimmed();
    return type.isEmpty() ? DefaultContentType : type;
}

} // namespace

FileStorage::FileStorage(QString root) : m_root(std::move(root)) { }

StorageResult<std::shared_ptr<FileStorage>> FileStorage::open(const QString &rootPath)
{
    if (rootPath.isEmpty() || !QDir::isAbsolutePath(rootPath))
        return storageError(StorageErrorKind::InvalidConfig,
                            QStringLiteral("The storage folder must be an absolute path (got '%1').").arg(rootPath));
    const QString root = QDir::cleanPath(rootPath);
    if (!QDir().mkpath(root + QStringLiteral("/objects")))
        return storageError(StorageErrorKind::Unavailable,
                            QStringLiteral("Cannot create the storage folder %1/objects: check that it exists and "
                                           "the server may write there.")
                                .arg(root));
    return std::shared_ptr<FileStorage>(new FileStorage(root));
}

QString FileStorage::pathForKey(const QString &key) const
{
    return QStringLiteral("%1/objects/%2/%3").arg(m_root, fanOut(key), fileNameForKey(key));
}

QString FileStorage::describe() const
{
    return QStringLiteral("file://") + m_root;
}

StorageResult<void> FileStorage::put(const QString &key, const QByteArray &bytes, const QString &contentType)
{
    if (auto valid = validateStorageKey(key); !valid)
        return valid;
    const QString path = pathForKey(key);
    const QString dir = QFileInfo(path).path();
    if (!QDir().mkpath(dir))
        return storageError(StorageErrorKind::Io, QStringLiteral("Cannot create the folder %1.").arg(dir));
    // The type first: a reader that sees the new bytes sees their type.
    const QString type = contentType.isEmpty() ? DefaultContentType : contentType;
    if (auto written = writeAtomically(dir, typeFileFor(path), type.toUtf8()); !written)
        return written;
    if (auto written = writeAtomically(dir, path, bytes); !written)
        return written;
    syncDirectory(dir);
    return {};
}

StorageResult<StoredObject> FileStorage::get(const QString &key)
{
    if (auto valid = validateStorageKey(key); !valid)
        return valid.error();
    const QString path = pathForKey(key);
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        if (!QFileInfo::exists(path))
            return storageError(StorageErrorKind::NotFound, QStringLiteral("No object under key '%1'.").arg(key));
        return storageError(StorageErrorKind::Io, QStringLiteral("Cannot read %1: %2").arg(path, file.errorString()));
    }
    StoredObject object;
    object.data = file.readAll();
    if (file.error() != QFileDevice::NoError)
        return storageError(StorageErrorKind::Io, QStringLiteral("Cannot read %1: %2").arg(path, file.errorString()));
    object.contentType = readContentType(path);
    return object;
}

StorageResult<ObjectInfo> FileStorage::stat(const QString &key)
{
    if (auto valid = validateStorageKey(key); !valid)
        return valid.error();
    const QString path = pathForKey(key);
    struct ::stat st {};
    if (::stat(QFile::encodeName(path).constData(), &st) != 0) {
        if (errno == ENOENT || errno == ENOTDIR)
            return storageError(StorageErrorKind::NotFound, QStringLiteral("No object under key '%1'.").arg(key));
        return ioError(QStringLiteral("Cannot stat"), path, errno);
    }
    ObjectInfo info;
    info.key = key;
    info.size = qint64(st.st_size);
    info.contentType = readContentType(path);
    info.modified = QDateTime::fromSecsSinceEpoch(qint64(st.st_mtime), Qt::UTC);
    return info;
}

StorageResult<void> FileStorage::remove(const QString &key)
{
    if (auto valid = validateStorageKey(key); !valid)
        return valid;
    const QString path = pathForKey(key);
    if (::unlink(QFile::encodeName(path).constData()) != 0 && errno != ENOENT && errno != ENOTDIR)
        return ioError(QStringLiteral("Cannot remove"), path, errno);
    ::unlink(QFile::encodeName(typeFileFor(path)).constData());
    syncDirectory(QFileInfo(path).path());
    return {};
}

StorageResult<QList<ObjectInfo>> FileStorage::list(const QString &prefix)
{
    if (auto valid = validateStoragePrefix(prefix); !valid)
        return valid.error();
    const QString objects = m_root + QStringLiteral("/objects");
    if (!QFileInfo(objects).isDir())
        return storageError(StorageErrorKind::Unavailable, QStringLiteral("The storage folder %1 is missing.").arg(objects));
    QList<ObjectInfo> result;
    QDirIterator it(objects, QDir::Files | QDir::NoDotAndDotDot, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        it.next();
        const QFileInfo file = it.fileInfo();
        if (file.fileName().startsWith(u'.'))
            continue;
        const QString key = keyForFileName(file.fileName());
        if (!key.startsWith(prefix) || !validateStorageKey(key))
            continue;
        ObjectInfo info;
        info.key = key;
        info.size = file.size();
        info.contentType = readContentType(file.filePath());
        info.modified = file.lastModified().toUTC();
        result.append(info);
    }
    std::sort(result.begin(), result.end(), [](const ObjectInfo &a, const ObjectInfo &b) { return a.key < b.key; });
    return result;
}

StorageResult<int> FileStorage::removeStaleTemporaryFiles(qint64 maxAgeSeconds)
{
    const QString objects = m_root + QStringLiteral("/objects");
    if (!QFileInfo(objects).isDir())
        return storageError(StorageErrorKind::Unavailable, QStringLiteral("The storage folder %1 is missing.").arg(objects));
    const QDateTime cutoff = QDateTime::currentDateTimeUtc().addSecs(-maxAgeSeconds);
    int removed = 0;
    QDirIterator it(objects, {QStringLiteral(".tmp-*")}, QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        it.next();
        if (it.fileInfo().lastModified().toUTC() < cutoff && QFile::remove(it.filePath()))
            ++removed;
    }
    return removed;
}

StorageResult<void> FileStorage::checkHealth()
{
    const QString objects = m_root + QStringLiteral("/objects");
    if (!QFileInfo(objects).isDir())
        return storageError(StorageErrorKind::Unavailable, QStringLiteral("The storage folder %1 is missing.").arg(objects));
    // A real write: a read-only or full disk fails here, not on the first upload.
    const QString probe = objects + u'/' + tempName();
    const int fd = ::open(QFile::encodeName(probe).constData(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0644);
    if (fd < 0)
        return ioError(QStringLiteral("The storage folder is not writable:"), objects, errno);
    const bool written = writeAll(fd, "ok", 2);
    const int error = errno;
    ::close(fd);
    ::unlink(QFile::encodeName(probe).constData());
    if (!written)
        return ioError(QStringLiteral("Cannot write in the storage folder"), objects, error);
    return {};
}

} // namespace slidespec::server
