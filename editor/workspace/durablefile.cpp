// SPDX-License-Identifier: GPL-3.0-or-later
#include "workspace/durablefile.h"

#include <QDir>
#include <QFileInfo>
#include <QTemporaryFile>

#include <cstdio>

#ifdef Q_OS_UNIX
#include <fcntl.h>
#include <unistd.h>
#endif

namespace slidespec::DurableFile {

namespace {

void syncFolder([[maybe_unused]] const QString &folder)
{
#ifdef Q_OS_UNIX
    const int fd = ::open(QFile::encodeName(folder).constData(), O_RDONLY | O_DIRECTORY);
    if (fd >= 0) {
        ::fsync(fd);
        ::close(fd);
    }
#endif
}

} // namespace

bool write(const QString &fileName, const QByteArray &data, QString *error)
{
    const QFileInfo info(fileName);
    const QString folder = info.absolutePath();
    if (!QDir().mkpath(folder)) {
        if (error)
            *error = QStringLiteral("Cannot create the folder %1: check its permissions.").arg(folder);
        return false;
    }
    QTemporaryFile temp(folder + QStringLiteral("/.") + info.fileName() + QStringLiteral(".XXXXXX.tmp"));
    if (!temp.open()) {
        if (error)
            *error = QStringLiteral("Cannot write in %1: %2").arg(folder, temp.errorString());
        return false;
    }
    bool ok = temp.write(data) == data.size() && temp.flush();
#ifdef Q_OS_UNIX
    ok = ok && ::fsync(temp.handle()) == 0;
#endif
    if (!ok) {
        if (error)
            *error = QStringLiteral("Cannot write %1: %2").arg(temp.fileName(), temp.errorString());
        return false; // QTemporaryFile removes itself
    }
    temp.close();
    const QString tempName = temp.fileName();
#ifdef Q_OS_UNIX
    // rename(2) replaces the target atomically.
    ok = std::rename(QFile::encodeName(tempName).constData(),
                     QFile::encodeName(info.absoluteFilePath()).constData()) == 0;
#else
    QFile::remove(info.absoluteFilePath());
    ok = QFile::rename(tempName, info.absoluteFilePath());
#endif
    if (!ok) {
        if (error)
            *error = QStringLiteral("Cannot replace %1 by the new journal.").arg(info.absoluteFilePath());
        return false;
    }
    temp.setAutoRemove(false);
    syncFolder(folder);
    return true;
}

bool isTemporary(const QString &fileName)
{
    const QString name = QFileInfo(fileName).fileName();
    return name.startsWith(u'.') && name.endsWith(QStringLiteral(".tmp"));
}

} // namespace slidespec::DurableFile
