// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Shared by the tests that run the slidespec-server executable as a
// subprocess (tst_serverbinary, tst_maintenance_binary, tst_jobs,
// tst_jobs_sse, tst_jobs_workermetrics): where the binary is, a secret-key
// file, the environment every run needs, and waiting for a JSON log line.

#include "serverfixture.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QProcessEnvironment>

namespace binarytest {

/*!
 * \brief The slidespec-server executable of this build: the tests run from
 * <build>/tests/server, the binary is <build>/server/app/slidespec-server
 * (tests/server/CMakeLists.txt makes the tests that need it depend on it).
 */
inline QString serverBinary()
{
    return QDir(QCoreApplication::applicationDirPath()).absoluteFilePath(QStringLiteral("../../server/app/slidespec-server"));
}

/*! Writes \a key to the file \a path (the server's SLIDESPEC_SECRET_KEY_FILE); false if it cannot. */
inline bool writeSecretKey(const QString &path, const QByteArray &key)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(key) == key.size();
}

/*!
 * \brief This process's environment plus what every server run needs: \a db's
 * app and migration URLs, the secret-key file \a keyFile and a free loopback
 * port (SLIDESPEC_LISTEN 127.0.0.1:0; the port is in the "listening" log line).
 */
inline QProcessEnvironment serverEnvironment(const slidespec::server::test::TestDatabase &db, const QString &keyFile)
{
    QProcessEnvironment e = QProcessEnvironment::systemEnvironment();
    e.insert(QStringLiteral("SLIDESPEC_DATABASE_URL"), db.appUrl());
    e.insert(QStringLiteral("SLIDESPEC_MIGRATION_DATABASE_URL"), db.ownerUrl());
    e.insert(QStringLiteral("SLIDESPEC_SECRET_KEY_FILE"), keyFile);
    e.insert(QStringLiteral("SLIDESPEC_LISTEN"), QStringLiteral("127.0.0.1:0"));
    return e;
}

/*!
 * \brief Reads \a process's current read channel into \a log until a JSON log
 * line with "msg" \a message is in it, and returns that line; empty when
 * \a timeoutMs pass or the process exits first. Lines already in \a log count,
 * so waiting for two messages one after the other finds both in any order.
 */
inline QJsonObject waitForLogLine(QProcess &process, QByteArray &log, const QString &message, int timeoutMs = 30000)
{
    auto find = [&]() -> QJsonObject {
        for (const QByteArray &line : log.split('\n')) {
            const QJsonObject o = QJsonDocument::fromJson(line).object();
            if (o.value(QStringLiteral("msg")).toString() == message)
                return o;
        }
        return {};
    };
    QElapsedTimer timer;
    timer.start();
    while (timer.elapsed() < timeoutMs) {
        if (QJsonObject found = find(); !found.isEmpty())
            return found;
        if (process.state() != QProcess::Running) {
            log += process.readAll();
            return find();
        }
        process.waitForReadyRead(200);
        log += process.readAll();
    }
    return find();
}

} // namespace binarytest
