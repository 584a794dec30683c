// SPDX-License-Identifier: GPL-3.0-or-later
// The slidespec-server executable as an operator runs it: --version, bad
// configuration, `migrate`, `serve` with JSON request logs, and SIGTERM.
#include "serverfixture.h"
#include "tst_serverbinary_support.h"

#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>

using slidespec::server::test::RawConnection;
using slidespec::server::test::RawResponse;
using slidespec::server::test::TestDatabase;

class TstServerBinary : public QObject
{
    Q_OBJECT

private:
    TestDatabase m_db;
    QTemporaryDir m_dir;
    QString m_binary;
    QString m_keyFile;
    QByteArray m_key;

    QProcessEnvironment env() const { return binarytest::serverEnvironment(m_db, m_keyFile); }

    static QList<QJsonObject> jsonLines(const QByteArray &text)
    {
        QList<QJsonObject> lines;
        for (const QByteArray &line : text.split('\n')) {
            const auto doc = QJsonDocument::fromJson(line);
            if (doc.isObject())
                lines.append(doc.object());
        }
        return lines;
    }

private slots:
    void initTestCase()
    {
        m_binary = binarytest::serverBinary();
        QVERIFY2(QFileInfo(m_binary).isExecutable(),
                 qPrintable(QStringLiteral("%1 is missing: build the slidespec-server target").arg(m_binary)));
        QVERIFY(m_dir.isValid());
        QString error;
        QVERIFY2(m_db.create(QStringLiteral("binary"), &error), qPrintable(error));
        m_key = "0123456789abcdef0123456789abcdef-very-secret-key";
        m_keyFile = m_dir.filePath(QStringLiteral("secret.key"));
        QVERIFY(binarytest::writeSecretKey(m_keyFile, m_key));
    }

    void cleanupTestCase() { m_db.drop(); }

    void printsItsVersion()
    {
        QProcess p;
        p.start(m_binary, {QStringLiteral("--version")});
        QVERIFY(p.waitForFinished(10000));
        QCOMPARE(p.exitCode(), 0);
        QVERIFY2(p.readAllStandardOutput().startsWith("slidespec-server 0."), "version line");
    }

    void refusesBadConfigurationWithExitCode2()
    {
        QProcess p;
        QProcessEnvironment e = env();
        e.remove(QStringLiteral("SLIDESPEC_SECRET_KEY_FILE"));
        p.setProcessEnvironment(e);
        p.start(m_binary, {QStringLiteral("serve")});
        QVERIFY(p.waitForFinished(10000));
        QCOMPARE(p.exitCode(), 2);
        QVERIFY(p.readAllStandardError().contains("SLIDESPEC_SECRET_KEY_FILE: a secret-key file is required"));

        p.setProcessEnvironment(env());
        p.start(m_binary, {QStringLiteral("frobnicate")});
        QVERIFY(p.waitForFinished(10000));
        QCOMPARE(p.exitCode(), 2);
    }

    void migrateAppliesThenIsANoop()
    {
        for (int run = 0; run < 2; ++run) {
            QProcess p;
            p.setProcessEnvironment(env());
            p.start(m_binary, {QStringLiteral("migrate")});
            QVERIFY(p.waitForFinished(60000));
            const QByteArray err = p.readAllStandardError();
            QVERIFY2(p.exitCode() == 0, err.constData());
            bool found = false;
            for (const auto &line : jsonLines(err)) {
                if (line.value(QStringLiteral("msg")).toString() == QLatin1String("migrations done")) {
                    found = true;
                    QCOMPARE(line.value(QStringLiteral("applied")).toArray().isEmpty(), run == 1);
                }
            }
            QVERIFY2(found, err.constData());
        }
    }

    void servesLogsAndStopsOnSigterm()
    {
        QProcess p;
        p.setProcessEnvironment(env());
        p.setReadChannel(QProcess::StandardError);
        p.start(m_binary, {QStringLiteral("serve")});
        QVERIFY(p.waitForStarted(10000));
        QByteArray err; // the read channel is stderr
        const int port = binarytest::waitForLogLine(p, err, QStringLiteral("listening")).value(QStringLiteral("port")).toInt();
        QVERIFY2(port > 0, err.constData());

        RawConnection c{quint16(port)};
        const RawResponse r = c.request("GET", "/api/v1/nowhere?token=abc", {},
                                        {{"X-Request-Id", "binary-test-1"}, {"Authorization", "Bearer tok_SECRET"}});
        QCOMPARE(r.status, 404);
        QCOMPARE(r.header("x-request-id"), QByteArray("binary-test-1"));

        ::kill(pid_t(p.processId()), SIGTERM);
        QVERIFY(p.waitForFinished(15000));
        QCOMPARE(p.exitStatus(), QProcess::NormalExit);
        QCOMPARE(p.exitCode(), 0);
        err += p.readAllStandardError();

        // One JSON line per request, with the fields operators search by.
        QJsonObject request;
        for (const auto &line : jsonLines(err)) {
            if (line.value(QStringLiteral("msg")).toString() == QLatin1String("request")
                && line.value(QStringLiteral("request_id")).toString() == QLatin1String("binary-test-1"))
                request = line;
        }
        QVERIFY2(!request.isEmpty(), err.constData());
        for (const char *key : {"ts", "level", "request_id", "method", "route", "status", "latency_ms", "user_id", "org_id", "remote"})
            QVERIFY2(request.contains(QLatin1String(key)), key);
        QCOMPARE(request.value(QStringLiteral("status")).toInt(), 404);
        QCOMPARE(request.value(QStringLiteral("route")).toString(), QStringLiteral("<unmatched>"));
        // Secrets stay out of the log.
        QVERIFY2(!err.contains(m_key), "the secret key was logged");
        QVERIFY2(!err.contains("tok_SECRET"), "a bearer token was logged");
        QVERIFY(err.contains("\"msg\":\"stopped\""));
    }
};

QTEST_GUILESS_MAIN(TstServerBinary)
#include "tst_serverbinary.moc"
