// SPDX-License-Identifier: GPL-3.0-or-later
#include "config/serverconfig.h"

#include <QCommandLineOption>
#include <QCommandLineParser>
#include <QFile>
#include <QFileInfo>
#include <QUrl>

namespace slidespec::server {

namespace {

const QString kDatabaseUrl = QStringLiteral("database-url");
const QString kMigrationUrl = QStringLiteral("migration-database-url");
const QString kStorageUrl = QStringLiteral("storage-url");
const QString kListen = QStringLiteral("listen");
const QString kPublicUrl = QStringLiteral("public-url");
const QString kSecretKeyFile = QStringLiteral("secret-key-file");
const QString kPoolSize = QStringLiteral("db-pool-size");
const QString kWorkers = QStringLiteral("worker-threads");
const QString kAcquireTimeout = QStringLiteral("db-acquire-timeout-ms");
const QString kMaxBody = QStringLiteral("max-body-bytes");
const QString kTimeout = QStringLiteral("request-timeout-ms");
const QString kLogLevel = QStringLiteral("log-level");
const QString kAppRole = QStringLiteral("app-role");
const QString kTrustedProxies = QStringLiteral("trusted-proxies");
const QString kWebhookNetworks = QStringLiteral("webhook-allowed-networks");
const QString kWebhookLoopback = QStringLiteral("webhook-allow-http-loopback");
const QString kMaintenanceInterval = QStringLiteral("maintenance-interval-seconds");
const QString kJobRetention = QStringLiteral("job-retention-days");
const QString kUsageRetention = QStringLiteral("usage-daily-retention-days");
const QString kMaxStreams = QStringLiteral("max-event-streams");
const QString kMaxStreamsPerOrg = QStringLiteral("max-event-streams-per-org");
const QString kSandboxIsolation = QStringLiteral("sandbox-isolation");

const QStringList kIsolationModes{QStringLiteral("auto"), QStringLiteral("required"), QStringLiteral("off")};

const QStringList kLogLevels{QStringLiteral("trace"), QStringLiteral("debug"), QStringLiteral("info"),
                             QStringLiteral("warn"), QStringLiteral("error"), QStringLiteral("off")};

// Looks a setting up: the flag wins, then the variable, then <variable>_FILE
// (URLs only: the file's first line). Returns whether it was set at all.
struct Lookup
{
    const QCommandLineParser *parser;
    const QProcessEnvironment &env;
    QStringList *errors;

    bool get(const ConfigSetting &s, QString *value, bool allowFile = false) const
    {
        if (parser && parser->isSet(s.flag)) {
            *value = parser->value(s.flag);
            return true;
        }
        if (env.contains(s.env)) {
            *value = env.value(s.env);
            return true;
        }
        const QString fileVar = s.env + QStringLiteral("_FILE");
        if (allowFile && env.contains(fileVar)) {
            QFile file(env.value(fileVar));
            if (!file.open(QIODevice::ReadOnly)) {
                errors->append(QStringLiteral("%1: cannot read %2 (%3).")
                                   .arg(fileVar, file.fileName(), file.errorString()));
                return false;
            }
            *value = QString::fromUtf8(file.readLine()).trimmed();
            return true;
        }
        return false;
    }
};

const ConfigSetting &setting(const QString &flag)
{
    for (const auto &s : ServerConfig::settingsTable()) {
        if (s.flag == flag)
            return s;
    }
    Q_UNREACHABLE();
}

QString where(const ConfigSetting &s)
{
    return QStringLiteral("--%1 / %2").arg(s.flag, s.env);
}

bool parseInt(const Lookup &lookup, const QString &flag, qint64 min, qint64 max, qint64 *out)
{
    const auto &s = setting(flag);
    QString text;
    if (!lookup.get(s, &text))
        return true;
    bool ok = false;
    const qint64 v = text.trimmed().toLongLong(&ok);
    if (!ok || v < min || v > max) {
        lookup.errors->append(QStringLiteral("%1: \"%2\" is not a whole number from %3 to %4.")
                                  .arg(where(s), text)
                                  .arg(min)
                                  .arg(max));
        return false;
    }
    *out = v;
    return true;
}

// "a,b/16,…": addresses (a single host) or CIDR networks.
bool parseNetworks(const Lookup &lookup, const QString &flag, QList<QPair<QHostAddress, int>> *out)
{
    QString text;
    if (!lookup.get(setting(flag), &text))
        return true;
    bool ok = true;
    for (QString part : text.split(QLatin1Char(','), Qt::SkipEmptyParts)) {
        part = part.trimmed();
        if (part.isEmpty())
            continue;
        const auto subnet = QHostAddress::parseSubnet(
            part.contains(QLatin1Char('/'))
                ? part
                : part + (part.contains(QLatin1Char(':')) ? QStringLiteral("/128") : QStringLiteral("/32")));
        if (subnet.first.isNull()) {
            lookup.errors->append(QStringLiteral("%1: \"%2\" is not an address or CIDR network (for example "
                                                 "10.20.0.0/16 or fd12::/16).")
                                      .arg(where(setting(flag)), part));
            ok = false;
        } else {
            out->append(subnet);
        }
    }
    return ok;
}

bool isPostgresUrl(const QString &url)
{
    return url.startsWith(QLatin1String("postgresql://")) || url.startsWith(QLatin1String("postgres://"));
}

} // namespace

const QList<ConfigSetting> &ServerConfig::settingsTable()
{
    static const QList<ConfigSetting> table{
        {kDatabaseUrl, QStringLiteral("SLIDESPEC_DATABASE_URL"), QStringLiteral("url"), QString(),
         QStringLiteral("PostgreSQL URL the server connects with: the app role, which owns nothing and "
                        "does not bypass row-level security. Required to serve.")},
        {kMigrationUrl, QStringLiteral("SLIDESPEC_MIGRATION_DATABASE_URL"), QStringLiteral("url"), QString(),
         QStringLiteral("PostgreSQL URL of the schema owner, used to apply migrations (at start-up "
                        "and by `migrate`). Required.")},
        {kStorageUrl, QStringLiteral("SLIDESPEC_STORAGE_URL"), QStringLiteral("url"), QString(),
         QStringLiteral("Where assets are stored: file:///absolute/path or s3://… (see the storage "
                        "documentation).")},
        {kListen, QStringLiteral("SLIDESPEC_LISTEN"), QStringLiteral("address:port"),
         QStringLiteral("127.0.0.1:8080"),
         QStringLiteral("Address and port to listen on. Port 0 picks a free port.")},
        {kPublicUrl, QStringLiteral("SLIDESPEC_PUBLIC_URL"), QStringLiteral("url"),
         QStringLiteral("http://<listen>"),
         QStringLiteral("The base URL clients reach the server at (behind nginx: the https URL); used "
                        "in links the API returns.")},
        {kSecretKeyFile, QStringLiteral("SLIDESPEC_SECRET_KEY_FILE"), QStringLiteral("path"), QString(),
         QStringLiteral("File holding the server's secret key (at least 32 bytes; signs URLs and "
                        "tokens). Never logged. Required to serve.")},
        {kPoolSize, QStringLiteral("SLIDESPEC_DB_POOL_SIZE"), QStringLiteral("n"), QStringLiteral("8"),
         QStringLiteral("PostgreSQL connections in the pool (1–200).")},
        {kWorkers, QStringLiteral("SLIDESPEC_WORKER_THREADS"), QStringLiteral("n"),
         QStringLiteral("the pool size"),
         QStringLiteral("Threads that run request handlers off the event loop (1–256).")},
        {kAcquireTimeout, QStringLiteral("SLIDESPEC_DB_ACQUIRE_TIMEOUT_MS"), QStringLiteral("ms"),
         QStringLiteral("5000"),
         QStringLiteral("How long a request waits for a free connection before failing with 503.")},
        {kMaxBody, QStringLiteral("SLIDESPEC_MAX_BODY_BYTES"), QStringLiteral("bytes"),
         QStringLiteral("33554432"),
         QStringLiteral("Largest request body accepted; larger ones get 413. Keep nginx's "
                        "client_max_body_size the same.")},
        {kTimeout, QStringLiteral("SLIDESPEC_REQUEST_TIMEOUT_MS"), QStringLiteral("ms"),
         QStringLiteral("30000"),
         QStringLiteral("A request not answered in this time gets 503 (request.timeout); also the "
                        "database statement timeout.")},
        {kLogLevel, QStringLiteral("SLIDESPEC_LOG_LEVEL"), QStringLiteral("level"), QStringLiteral("info"),
         QStringLiteral("trace, debug, info, warn, error or off. Logs are JSON lines on stderr.")},
        {kAppRole, QStringLiteral("SLIDESPEC_DB_APP_ROLE"), QStringLiteral("role"),
         QStringLiteral("the database URL's user, else slidespec_app"),
         QStringLiteral("The role migrations grant table access to.")},
        {kTrustedProxies, QStringLiteral("SLIDESPEC_TRUSTED_PROXIES"), QStringLiteral("list"), QString(),
         QStringLiteral("Comma-separated addresses or networks (CIDR) of reverse proxies whose "
                        "X-Forwarded-For is believed, e.g. 127.0.0.1,10.0.0.0/8.")},
        {kWebhookNetworks, QStringLiteral("SLIDESPEC_WEBHOOK_ALLOWED_NETWORKS"), QStringLiteral("list"), QString(),
         QStringLiteral("Comma-separated addresses or CIDR networks webhooks may reach despite the SSRF "
                        "guard, e.g. 10.20.0.0/16,fd12::/16 (an internal receiver).")},
        {kWebhookLoopback, QStringLiteral("SLIDESPEC_WEBHOOK_ALLOW_HTTP_LOOPBACK"), QStringLiteral("0|1"),
         QStringLiteral("0"),
         QStringLiteral("1 (or true): webhook URLs may also be http:// to loopback addresses. Development "
                        "only.")},
        {kMaintenanceInterval, QStringLiteral("SLIDESPEC_MAINTENANCE_INTERVAL_SECONDS"), QStringLiteral("s"),
         QStringLiteral("3600"),
         QStringLiteral("Maintenance jobs (prune jobs, expire assets, roll up usage, purge deleted orgs) run "
                        "once per task and period of this length, however many processes run (10–604800; "
                        "0: this process schedules none).")},
        {kJobRetention, QStringLiteral("SLIDESPEC_JOB_RETENTION_DAYS"), QStringLiteral("days"),
         QStringLiteral("14"),
         QStringLiteral("Finished jobs (succeeded, cancelled, dead) are deleted this many days after they "
                        "finished (1–3650).")},
        {kUsageRetention, QStringLiteral("SLIDESPEC_USAGE_DAILY_RETENTION_DAYS"), QStringLiteral("days"),
         QStringLiteral("400"),
         QStringLiteral("Daily usage rows of whole months older than this are rolled up into monthly rows "
                        "(367–36500: the dashboard shows up to 366 days).")},
        {kMaxStreams, QStringLiteral("SLIDESPEC_MAX_EVENT_STREAMS"), QStringLiteral("n"), QStringLiteral("1000"),
         QStringLiteral("Server-Sent Event streams (job progress) open at once; more get 503 with Retry-After "
                        "(1–100000). Each holds a connection: keep nginx's worker_connections above it.")},
        {kMaxStreamsPerOrg, QStringLiteral("SLIDESPEC_MAX_EVENT_STREAMS_PER_ORG"), QStringLiteral("n"),
         QStringLiteral("100"),
         QStringLiteral("Event streams one org may hold open; more get 429 with Retry-After (1–100000).")},
        {kSandboxIsolation, QStringLiteral("SLIDESPEC_SANDBOX_ISOLATION"), QStringLiteral("mode"),
         QStringLiteral("auto"),
         QStringLiteral("How the renderer is isolated: auto (bubblewrap when it works here, else resource "
                        "limits only, with a warning), required (bubblewrap or no rendering: a worker that "
                        "cannot isolate does not start) or off.")},
    };
    return table;
}

void ServerConfig::addOptions(QCommandLineParser &parser)
{
    for (const auto &s : settingsTable()) {
        QString description = s.description + QStringLiteral(" [env: %1]").arg(s.env);
        if (!s.defaultText.isEmpty())
            description += QStringLiteral(" [default: %1]").arg(s.defaultText);
        parser.addOption(QCommandLineOption(s.flag, description, s.valueName));
    }
}

bool ServerConfig::load(const QCommandLineParser *parser, const QProcessEnvironment &env,
                        ConfigPurpose purpose, ServerConfig *config, QStringList *errors)
{
    ServerConfig c;
    QStringList problems;
    const Lookup lookup{parser, env, &problems};

    lookup.get(setting(kDatabaseUrl), &c.databaseUrl, true);
    lookup.get(setting(kMigrationUrl), &c.migrationDatabaseUrl, true);
    lookup.get(setting(kStorageUrl), &c.storageUrl, true);

    if (purpose == ConfigPurpose::Serve && c.databaseUrl.isEmpty())
        problems.append(QStringLiteral("%1: the database URL is required (for example "
                                       "postgresql://slidespec_app@127.0.0.1:54329/slidespec; "
                                       "`scripts/pg.sh env` prints the local ones).")
                            .arg(where(setting(kDatabaseUrl))));
    if (c.migrationDatabaseUrl.isEmpty())
        problems.append(QStringLiteral("%1: the migration database URL (the schema owner's) is required.")
                            .arg(where(setting(kMigrationUrl))));
    for (const auto &[url, flag] : {std::pair{c.databaseUrl, kDatabaseUrl}, std::pair{c.migrationDatabaseUrl, kMigrationUrl}}) {
        if (!url.isEmpty() && !isPostgresUrl(url))
            problems.append(QStringLiteral("%1: \"%2\" is not a postgresql:// URL.")
                                .arg(where(setting(flag)), redactUrl(url)));
    }

    QString listen;
    if (lookup.get(setting(kListen), &listen)) {
        const int colon = listen.lastIndexOf(QLatin1Char(':'));
        bool portOk = false;
        const uint port = colon > 0 ? listen.mid(colon + 1).toUInt(&portOk) : 0;
        QString host = colon > 0 ? listen.left(colon) : QString();
        if (host.startsWith(QLatin1Char('[')) && host.endsWith(QLatin1Char(']')))
            host = host.mid(1, host.size() - 2);
        QHostAddress address;
        if (host == QLatin1String("localhost"))
            address = QHostAddress(QHostAddress::LocalHost);
        else
            address = QHostAddress(host);
        if (!portOk || port > 65535 || address.isNull()) {
            problems.append(QStringLiteral("%1: \"%2\" is not address:port (for example 127.0.0.1:8080 "
                                           "or [::]:8080).")
                                .arg(where(setting(kListen)), listen));
        } else {
            c.listenAddress = address;
            c.listenPort = quint16(port);
        }
    }

    if (lookup.get(setting(kPublicUrl), &c.publicBaseUrl)) {
        const QUrl url(c.publicBaseUrl, QUrl::StrictMode);
        if (!url.isValid() || (url.scheme() != QLatin1String("http") && url.scheme() != QLatin1String("https"))
            || url.host().isEmpty()) {
            problems.append(QStringLiteral("%1: \"%2\" is not an http(s) URL.")
                                .arg(where(setting(kPublicUrl)), c.publicBaseUrl));
        }
        while (c.publicBaseUrl.endsWith(QLatin1Char('/')))
            c.publicBaseUrl.chop(1);
    } else {
        const QString host = c.listenAddress.protocol() == QAbstractSocket::IPv6Protocol
            ? QStringLiteral("[%1]").arg(c.listenAddress.toString())
            : c.listenAddress.toString();
        c.publicBaseUrl = QStringLiteral("http://%1:%2").arg(host).arg(c.listenPort);
    }

    if (lookup.get(setting(kSecretKeyFile), &c.secretKeyFile) || purpose == ConfigPurpose::Serve) {
        const auto &s = setting(kSecretKeyFile);
        if (c.secretKeyFile.isEmpty()) {
            if (purpose == ConfigPurpose::Serve)
                problems.append(QStringLiteral("%1: a secret-key file is required. Create one with "
                                               "`head -c 48 /dev/urandom | base64 > secret.key && chmod 600 secret.key`.")
                                    .arg(where(s)));
        } else {
            QFile file(c.secretKeyFile);
            if (!file.open(QIODevice::ReadOnly)) {
                problems.append(QStringLiteral("%1: cannot read the secret-key file %2 (%3).")
                                    .arg(where(s), c.secretKeyFile, file.errorString()));
            } else {
                c.secretKey = file.read(64 * 1024).trimmed();
                if (c.secretKey.size() < minimumSecretKeyBytes) {
                    problems.append(QStringLiteral("%1: the secret key in %2 is %3 bytes; it must be at "
                                                   "least %4 bytes of random data.")
                                        .arg(where(s), c.secretKeyFile)
                                        .arg(c.secretKey.size())
                                        .arg(minimumSecretKeyBytes));
                    c.secretKey.fill('\0');
                    c.secretKey.clear();
                }
            }
        }
    }

    qint64 v = c.dbPoolSize;
    if (parseInt(lookup, kPoolSize, 1, 200, &v))
        c.dbPoolSize = int(v);
    v = -1;
    if (parseInt(lookup, kWorkers, 1, 256, &v))
        c.workerThreads = v > 0 ? int(v) : c.dbPoolSize;
    v = c.dbAcquireTimeoutMs;
    if (parseInt(lookup, kAcquireTimeout, 1, 600000, &v))
        c.dbAcquireTimeoutMs = int(v);
    v = c.maxBodyBytes;
    if (parseInt(lookup, kMaxBody, 1, qint64(4) * 1024 * 1024 * 1024, &v))
        c.maxBodyBytes = v;
    v = c.requestTimeoutMs;
    if (parseInt(lookup, kTimeout, 100, 3600000, &v))
        c.requestTimeoutMs = int(v);

    if (lookup.get(setting(kLogLevel), &c.logLevel)) {
        c.logLevel = c.logLevel.trimmed().toLower();
        if (c.logLevel == QLatin1String("warning"))
            c.logLevel = QStringLiteral("warn");
        if (!kLogLevels.contains(c.logLevel))
            problems.append(QStringLiteral("%1: \"%2\" is not one of %3.")
                                .arg(where(setting(kLogLevel)), c.logLevel, kLogLevels.join(QStringLiteral(", "))));
    }

    if (!lookup.get(setting(kAppRole), &c.appRole) || c.appRole.isEmpty()) {
        const QUrl url(c.databaseUrl);
        c.appRole = url.userName().isEmpty() ? QStringLiteral("slidespec_app") : url.userName();
    }

    QString proxies;
    if (lookup.get(setting(kTrustedProxies), &proxies)) {
        const auto parts = proxies.split(QLatin1Char(','), Qt::SkipEmptyParts);
        for (QString part : parts) {
            part = part.trimmed();
            auto subnet = QHostAddress::parseSubnet(part.contains(QLatin1Char('/'))
                                                        ? part
                                                        : part + (part.contains(QLatin1Char(':')) ? QStringLiteral("/128")
                                                                                                  : QStringLiteral("/32")));
            if (subnet.first.isNull())
                problems.append(QStringLiteral("%1: \"%2\" is not an address or CIDR network.")
                                    .arg(where(setting(kTrustedProxies)), part));
            else
                c.trustedProxies.append(subnet);
        }
    }

    parseNetworks(lookup, kWebhookNetworks, &c.webhookAllowedNetworks);
    QString loopback;
    if (lookup.get(setting(kWebhookLoopback), &loopback)) {
        loopback = loopback.trimmed().toLower();
        if (loopback == u"1" || loopback == u"true")
            c.webhookAllowHttpLoopback = true;
        else if (loopback == u"0" || loopback == u"false" || loopback.isEmpty())
            c.webhookAllowHttpLoopback = false;
        else
            problems.append(QStringLiteral("%1: \"%2\" is not 1, 0, true or false.")
                                .arg(where(setting(kWebhookLoopback)), loopback));
    }

    v = c.maintenanceIntervalSeconds;
    if (parseInt(lookup, kMaintenanceInterval, 0, 604800, &v)) {
        if (v != 0 && v < 10)
            problems.append(QStringLiteral("%1: \"%2\" is too short: use 0 (no scheduling here) or at least 10 seconds.")
                                .arg(where(setting(kMaintenanceInterval)))
                                .arg(v));
        else
            c.maintenanceIntervalSeconds = int(v);
    }
    v = c.jobRetentionDays;
    if (parseInt(lookup, kJobRetention, 1, 3650, &v))
        c.jobRetentionDays = int(v);
    v = c.usageDailyRetentionDays;
    if (parseInt(lookup, kUsageRetention, 367, 36500, &v))
        c.usageDailyRetentionDays = int(v);
    v = c.maxEventStreams;
    if (parseInt(lookup, kMaxStreams, 1, 100000, &v))
        c.maxEventStreams = int(v);
    v = c.maxEventStreamsPerOrg;
    if (parseInt(lookup, kMaxStreamsPerOrg, 1, 100000, &v))
        c.maxEventStreamsPerOrg = int(v);
    QString isolation;
    if (lookup.get(setting(kSandboxIsolation), &isolation)) {
        isolation = isolation.trimmed().toLower();
        if (isolation.isEmpty())
            isolation = QStringLiteral("auto");
        if (kIsolationModes.contains(isolation))
            c.sandboxIsolation = isolation;
        else
            problems.append(QStringLiteral("%1: \"%2\" is not one of %3.")
                                .arg(where(setting(kSandboxIsolation)), isolation.left(40),
                                     kIsolationModes.join(QStringLiteral(", "))));
    }

    if (!problems.isEmpty()) {
        if (errors)
            *errors = problems;
        return false;
    }
    c.loaded = true;
    *config = std::move(c);
    return true;
}

QString ServerConfig::redactUrl(const QString &url)
{
    QUrl u(url);
    if (!u.isValid())
        return QStringLiteral("<invalid URL>");
    if (!u.password().isEmpty())
        u.setPassword(QStringLiteral("***"));
    // Passwords can also ride in the query (?password=…).
    QString text = u.toString();
    const int at = text.indexOf(QLatin1String("password="), 0, Qt::CaseInsensitive);
    if (at >= 0) {
        int end = text.indexOf(QLatin1Char('&'), at);
        text.replace(at, (end < 0 ? text.size() : end) - at, QStringLiteral("password=***"));
    }
    return text;
}

QString ServerConfig::describe() const
{
    QStringList proxies;
    for (const auto &p : trustedProxies)
        proxies.append(QStringLiteral("%1/%2").arg(p.first.toString()).arg(p.second));
    return QStringLiteral("listen=%1:%2 public=%3 database=%4 storage=%5 pool=%6 workers=%7 "
                          "max_body=%8 timeout_ms=%9 log=%10 trusted_proxies=[%11] secret_key=%12")
        .arg(listenAddress.toString())
        .arg(listenPort)
        .arg(publicBaseUrl, redactUrl(databaseUrl), storageUrl.isEmpty() ? QStringLiteral("-") : redactUrl(storageUrl))
        .arg(dbPoolSize)
        .arg(workerThreads)
        .arg(maxBodyBytes)
        .arg(requestTimeoutMs)
        .arg(logLevel, proxies.join(QLatin1Char(',')),
             secretKey.isEmpty() ? QStringLiteral("none") : QStringLiteral("loaded"));
}

bool ServerConfig::isTrustedProxy(const QHostAddress &address) const
{
    QHostAddress a = address;
    bool isV4 = false;
    const quint32 v4 = a.toIPv4Address(&isV4);
    if (isV4)
        a = QHostAddress(v4); // ::ffff:1.2.3.4 → 1.2.3.4
    for (const auto &p : trustedProxies) {
        if (a.isInSubnet(p))
            return true;
    }
    return false;
}

} // namespace slidespec::server
