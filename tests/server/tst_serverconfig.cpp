// SPDX-License-Identifier: GPL-3.0-or-later
// ServerConfig: environment and flags (flags win), URL files, validation
// messages, and that secrets stay out of what is logged.
#include "config/serverconfig.h"

#include <QCommandLineParser>
#include <QTemporaryDir>
#include <QTest>

using namespace slidespec::server;

class TstServerConfig : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_goodKey;

    QString writeFile(const QString &name, const QByteArray &bytes)
    {
        const QString path = m_dir.filePath(name);
        QFile f(path);
        if (!f.open(QIODevice::WriteOnly))
            return {};
        f.write(bytes);
        return path;
    }

    QProcessEnvironment baseEnv() const
    {
        QProcessEnvironment env;
        env.insert(QStringLiteral("SLIDESPEC_DATABASE_URL"), QStringLiteral("postgresql://app:apppw@db/slidespec"));
        env.insert(QStringLiteral("SLIDESPEC_MIGRATION_DATABASE_URL"), QStringLiteral("postgresql://owner:ownerpw@db/slidespec"));
        env.insert(QStringLiteral("SLIDESPEC_SECRET_KEY_FILE"), m_goodKey);
        return env;
    }

    bool load(const QStringList &flags, const QProcessEnvironment &env, ConfigPurpose purpose, ServerConfig *config,
              QStringList *errors)
    {
        QCommandLineParser parser;
        ServerConfig::addOptions(parser);
        if (!parser.parse(QStringList{QStringLiteral("slidespec-server")} + flags)) {
            errors->append(parser.errorText());
            return false;
        }
        return ServerConfig::load(&parser, env, purpose, config, errors);
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_goodKey = writeFile(QStringLiteral("good.key"), QByteArray(48, 'k') + '\n');
    }

    void defaultsAndEnvironment()
    {
        ServerConfig c;
        QStringList errors;
        QVERIFY2(load({}, baseEnv(), ConfigPurpose::Serve, &c, &errors), qPrintable(errors.join('\n')));
        QCOMPARE(c.listenAddress, QHostAddress(QHostAddress::LocalHost));
        QCOMPARE(c.listenPort, quint16(8080));
        QCOMPARE(c.publicBaseUrl, QStringLiteral("http://127.0.0.1:8080"));
        QCOMPARE(c.dbPoolSize, 8);
        QCOMPARE(c.workerThreads, 8);
        QCOMPARE(c.maxBodyBytes, qint64(32 * 1024 * 1024));
        QCOMPARE(c.requestTimeoutMs, 30000);
        QCOMPARE(c.logLevel, QStringLiteral("info"));
        QCOMPARE(c.appRole, QStringLiteral("app"));
        QCOMPARE(c.secretKey, QByteArray(48, 'k'));
    }

    void flagsWinOverEnvironment()
    {
        QProcessEnvironment env = baseEnv();
        env.insert(QStringLiteral("SLIDESPEC_LISTEN"), QStringLiteral("0.0.0.0:9000"));
        env.insert(QStringLiteral("SLIDESPEC_DB_POOL_SIZE"), QStringLiteral("3"));
        env.insert(QStringLiteral("SLIDESPEC_LOG_LEVEL"), QStringLiteral("debug"));
        ServerConfig c;
        QStringList errors;
        QVERIFY2(load({QStringLiteral("--listen"), QStringLiteral("[::1]:7000"), QStringLiteral("--db-pool-size=5"),
                       QStringLiteral("--public-url"), QStringLiteral("https://slides.example.com/")},
                      env, ConfigPurpose::Serve, &c, &errors),
                 qPrintable(errors.join('\n')));
        QCOMPARE(c.listenAddress, QHostAddress(QStringLiteral("::1")));
        QCOMPARE(c.listenPort, quint16(7000));
        QCOMPARE(c.dbPoolSize, 5);
        QCOMPARE(c.workerThreads, 5);
        QCOMPARE(c.logLevel, QStringLiteral("debug"));
        QCOMPARE(c.publicBaseUrl, QStringLiteral("https://slides.example.com"));
    }

    void webhookAndMaintenanceSettings()
    {
        ServerConfig c;
        QStringList errors;
        QVERIFY2(load({}, baseEnv(), ConfigPurpose::Serve, &c, &errors), qPrintable(errors.join('\n')));
        QCOMPARE(c.webhookAllowHttpLoopback, false);
        QVERIFY(c.webhookAllowedNetworks.isEmpty());
        QCOMPARE(c.maintenanceIntervalSeconds, 3600);
        QCOMPARE(c.jobRetentionDays, 14);
        QCOMPARE(c.usageDailyRetentionDays, 400);

        QProcessEnvironment env = baseEnv();
        env.insert(QStringLiteral("SLIDESPEC_WEBHOOK_ALLOWED_NETWORKS"), QStringLiteral("10.20.0.0/16, fd12::/16,192.0.2.7"));
        env.insert(QStringLiteral("SLIDESPEC_WEBHOOK_ALLOW_HTTP_LOOPBACK"), QStringLiteral("1"));
        env.insert(QStringLiteral("SLIDESPEC_MAINTENANCE_INTERVAL_SECONDS"), QStringLiteral("900"));
        QVERIFY2(load({QStringLiteral("--job-retention-days"), QStringLiteral("30"),
                       QStringLiteral("--webhook-allow-http-loopback"), QStringLiteral("false"),
                       QStringLiteral("--usage-daily-retention-days=730")},
                      env, ConfigPurpose::Serve, &c, &errors),
                 qPrintable(errors.join('\n')));
        QCOMPARE(c.webhookAllowedNetworks.size(), 3);
        QCOMPARE(c.webhookAllowedNetworks.at(2), qMakePair(QHostAddress(QStringLiteral("192.0.2.7")), 32));
        QCOMPARE(c.webhookAllowHttpLoopback, false); // the flag wins
        QCOMPARE(c.maintenanceIntervalSeconds, 900);
        QCOMPARE(c.jobRetentionDays, 30);
        QCOMPARE(c.usageDailyRetentionDays, 730);

        env.insert(QStringLiteral("SLIDESPEC_MAINTENANCE_INTERVAL_SECONDS"), QStringLiteral("0"));
        QVERIFY(load({}, env, ConfigPurpose::Serve, &c, &errors));
        QCOMPARE(c.maintenanceIntervalSeconds, 0); // this process schedules nothing
    }

    void eventStreamAndSandboxSettings()
    {
        ServerConfig c;
        QStringList errors;
        QVERIFY2(load({}, baseEnv(), ConfigPurpose::Serve, &c, &errors), qPrintable(errors.join('\n')));
        QCOMPARE(c.maxEventStreams, 1000);
        QCOMPARE(c.maxEventStreamsPerOrg, 100);
        QCOMPARE(c.sandboxIsolation, QStringLiteral("auto"));

        QProcessEnvironment env = baseEnv();
        env.insert(QStringLiteral("SLIDESPEC_MAX_EVENT_STREAMS"), QStringLiteral("5000"));
        env.insert(QStringLiteral("SLIDESPEC_SANDBOX_ISOLATION"), QStringLiteral(" Required "));
        QVERIFY2(load({QStringLiteral("--max-event-streams-per-org"), QStringLiteral("20")}, env, ConfigPurpose::Serve,
                      &c, &errors),
                 qPrintable(errors.join('\n')));
        QCOMPARE(c.maxEventStreams, 5000);
        QCOMPARE(c.maxEventStreamsPerOrg, 20);
        QCOMPARE(c.sandboxIsolation, QStringLiteral("required"));
        QVERIFY2(load({QStringLiteral("--sandbox-isolation=off")}, env, ConfigPurpose::Serve, &c, &errors),
                 qPrintable(errors.join('\n')));
        QCOMPARE(c.sandboxIsolation, QStringLiteral("off")); // the flag wins
    }

    void urlsCanComeFromFiles()
    {
        QProcessEnvironment env = baseEnv();
        env.remove(QStringLiteral("SLIDESPEC_DATABASE_URL"));
        env.insert(QStringLiteral("SLIDESPEC_DATABASE_URL_FILE"),
                   writeFile(QStringLiteral("db_url"), "postgresql://app:s3cret@db/slidespec\n"));
        ServerConfig c;
        QStringList errors;
        QVERIFY2(load({}, env, ConfigPurpose::Serve, &c, &errors), qPrintable(errors.join('\n')));
        QCOMPARE(c.databaseUrl, QStringLiteral("postgresql://app:s3cret@db/slidespec"));
    }

    void invalidSettingsAreRefusedClearly_data()
    {
        QTest::addColumn<QString>("variable");
        QTest::addColumn<QString>("value");
        QTest::addColumn<QString>("expected");
        QTest::newRow("missing database URL") << "SLIDESPEC_DATABASE_URL" << "" << "SLIDESPEC_DATABASE_URL: the database URL is required";
        QTest::newRow("not a PostgreSQL URL") << "SLIDESPEC_DATABASE_URL" << "mysql://x/y" << "is not a postgresql:// URL";
        QTest::newRow("missing secret key file") << "SLIDESPEC_SECRET_KEY_FILE" << "" << "a secret-key file is required";
        QTest::newRow("unreadable secret key file") << "SLIDESPEC_SECRET_KEY_FILE" << "/nonexistent/key" << "cannot read the secret-key file";
        QTest::newRow("short secret key") << "SLIDESPEC_SECRET_KEY_FILE" << "@short" << "must be at least 32 bytes";
        QTest::newRow("listen without a port") << "SLIDESPEC_LISTEN" << "127.0.0.1" << "is not address:port";
        QTest::newRow("listen on a name") << "SLIDESPEC_LISTEN" << "example.com:80" << "is not address:port";
        QTest::newRow("pool size zero") << "SLIDESPEC_DB_POOL_SIZE" << "0" << "from 1 to 200";
        QTest::newRow("pool size not a number") << "SLIDESPEC_DB_POOL_SIZE" << "many" << "from 1 to 200";
        QTest::newRow("body limit negative") << "SLIDESPEC_MAX_BODY_BYTES" << "-1" << "SLIDESPEC_MAX_BODY_BYTES";
        QTest::newRow("timeout too short") << "SLIDESPEC_REQUEST_TIMEOUT_MS" << "5" << "from 100";
        QTest::newRow("unknown log level") << "SLIDESPEC_LOG_LEVEL" << "loud" << "is not one of trace";
        QTest::newRow("public URL not http") << "SLIDESPEC_PUBLIC_URL" << "ftp://x" << "is not an http(s) URL";
        QTest::newRow("trusted proxy not an address") << "SLIDESPEC_TRUSTED_PROXIES" << "10.0.0.0/8,proxy.local" << "\"proxy.local\" is not an address";
        QTest::newRow("webhook network not a network") << "SLIDESPEC_WEBHOOK_ALLOWED_NETWORKS" << "10.20.0.0/16,intranet" << "\"intranet\" is not an address or CIDR network";
        QTest::newRow("webhook network with a bad prefix") << "SLIDESPEC_WEBHOOK_ALLOWED_NETWORKS" << "10.0.0.0/33" << "SLIDESPEC_WEBHOOK_ALLOWED_NETWORKS";
        QTest::newRow("webhook loopback not a boolean") << "SLIDESPEC_WEBHOOK_ALLOW_HTTP_LOOPBACK" << "yes" << "is not 1, 0, true or false";
        QTest::newRow("maintenance interval too short") << "SLIDESPEC_MAINTENANCE_INTERVAL_SECONDS" << "5" << "at least 10 seconds";
        QTest::newRow("maintenance interval not a number") << "SLIDESPEC_MAINTENANCE_INTERVAL_SECONDS" << "hourly" << "from 0 to 604800";
        QTest::newRow("job retention zero") << "SLIDESPEC_JOB_RETENTION_DAYS" << "0" << "from 1 to 3650";
        QTest::newRow("usage retention shorter than the dashboard") << "SLIDESPEC_USAGE_DAILY_RETENTION_DAYS" << "30" << "from 367 to 36500";
        QTest::newRow("no event streams at all") << "SLIDESPEC_MAX_EVENT_STREAMS" << "0" << "from 1 to 100000";
        QTest::newRow("event streams per org not a number") << "SLIDESPEC_MAX_EVENT_STREAMS_PER_ORG" << "lots" << "from 1 to 100000";
        QTest::newRow("unknown sandbox isolation") << "SLIDESPEC_SANDBOX_ISOLATION" << "strict" << "is not one of auto, required, off";
    }

    void invalidSettingsAreRefusedClearly()
    {
        QFETCH(QString, variable);
        QFETCH(QString, value);
        QFETCH(QString, expected);
        QProcessEnvironment env = baseEnv();
        if (value.isEmpty())
            env.remove(variable);
        else if (value == QLatin1String("@short"))
            env.insert(variable, writeFile(QStringLiteral("short.key"), "too short\n"));
        else
            env.insert(variable, value);
        ServerConfig c;
        QStringList errors;
        QVERIFY(!load({}, env, ConfigPurpose::Serve, &c, &errors));
        const QString all = errors.join(QLatin1Char('\n'));
        QVERIFY2(all.contains(expected), qPrintable(all));
        QVERIFY2(!all.contains(QStringLiteral("apppw")) && !all.contains(QStringLiteral("ownerpw")), qPrintable(all));
    }

    void migrateNeedsNeitherKeyNorAppUrl()
    {
        QProcessEnvironment env;
        env.insert(QStringLiteral("SLIDESPEC_MIGRATION_DATABASE_URL"), QStringLiteral("postgresql://owner@db/slidespec"));
        ServerConfig c;
        QStringList errors;
        QVERIFY2(load({}, env, ConfigPurpose::Migrate, &c, &errors), qPrintable(errors.join('\n')));
        QCOMPARE(c.appRole, QStringLiteral("slidespec_app"));
    }

    void describeRedactsSecrets()
    {
        ServerConfig c;
        QStringList errors;
        QVERIFY(load({QStringLiteral("--storage-url"), QStringLiteral("s3://AKIA:storagepw@bucket")}, baseEnv(),
                     ConfigPurpose::Serve, &c, &errors));
        const QString text = c.describe();
        QVERIFY2(!text.contains(QStringLiteral("apppw")), qPrintable(text));
        QVERIFY2(!text.contains(QStringLiteral("storagepw")), qPrintable(text));
        QVERIFY2(!text.contains(QStringLiteral("kkkk")), qPrintable(text));
        QVERIFY2(text.contains(QStringLiteral("secret_key=loaded")), qPrintable(text));
        QCOMPARE(ServerConfig::redactUrl(QStringLiteral("postgresql://h/db?user=a&password=pw&sslmode=require")),
                 QStringLiteral("postgresql://h/db?user=a&password=***&sslmode=require"));
    }

    void trustedProxiesMatchAddressesAndNetworks_data()
    {
        QTest::addColumn<QString>("address");
        QTest::addColumn<bool>("trusted");
        QTest::newRow("exact address") << "127.0.0.1" << true;
        QTest::newRow("inside the network") << "10.1.2.3" << true;
        QTest::newRow("IPv4-mapped IPv6 inside the network") << "::ffff:10.1.2.3" << true;
        QTest::newRow("outside") << "192.168.1.1" << false;
        QTest::newRow("IPv6 loopback not listed") << "::1" << false;
    }

    void trustedProxiesMatchAddressesAndNetworks()
    {
        QFETCH(QString, address);
        QFETCH(bool, trusted);
        QProcessEnvironment env = baseEnv();
        env.insert(QStringLiteral("SLIDESPEC_TRUSTED_PROXIES"), QStringLiteral("127.0.0.1, 10.0.0.0/8"));
        ServerConfig c;
        QStringList errors;
        QVERIFY2(load({}, env, ConfigPurpose::Serve, &c, &errors), qPrintable(errors.join('\n')));
        QCOMPARE(c.isTrustedProxy(QHostAddress(address)), trusted);
    }

    void everySettingIsAFlagAndAVariable()
    {
        QSet<QString> flags, vars;
        for (const auto &s : ServerConfig::settingsTable()) {
            QVERIFY(!s.flag.startsWith(QLatin1Char('-')));
            QVERIFY(s.env.startsWith(QLatin1String("SLIDESPEC_")));
            QVERIFY(!s.description.isEmpty());
            flags.insert(s.flag);
            vars.insert(s.env);
        }
        QCOMPARE(flags.size(), ServerConfig::settingsTable().size());
        QCOMPARE(vars.size(), ServerConfig::settingsTable().size());
        // docs/server.md documents each one.
        QFile doc(QStringLiteral(SLIDESPEC_TEST_DATA_DIR "/../../docs/server.md"));
        QVERIFY(doc.open(QIODevice::ReadOnly));
        const QString text = QString::fromUtf8(doc.readAll());
        for (const auto &s : ServerConfig::settingsTable()) {
            QVERIFY2(text.contains(QStringLiteral("`--%1`").arg(s.flag)), qPrintable(s.flag));
            QVERIFY2(text.contains(QStringLiteral("`%1`").arg(s.env)), qPrintable(s.env));
        }
    }
};

QTEST_GUILESS_MAIN(TstServerConfig)
#include "tst_serverconfig.moc"
