// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QHostAddress>
#include <QList>
#include <QPair>
#include <QProcessEnvironment>
#include <QString>
#include <QStringList>

class QCommandLineParser;

namespace slidespec::server {

/*!
 * \brief What the configuration is loaded for: serving needs more settings
 * (secret key, database URL) than running migrations.
 */
enum class ConfigPurpose {
    Serve,
    Migrate,
};

/*!
 * \brief One documented setting: its command-line flag, environment variable,
 * default and description. settingsTable() lists them all; docs/server.md
 * carries the same table.
 */
struct ConfigSetting
{
    QString flag;        //!< without the leading dashes, e.g. "database-url"
    QString env;         //!< e.g. "SLIDESPEC_DATABASE_URL"
    QString valueName;   //!< e.g. "url"
    QString defaultText; //!< human-readable default ("" when required or none)
    QString description;
};

/*!
 * \brief The server's configuration, from environment variables and
 * command-line flags (flags win).
 *
 * Every setting is listed by settingsTable(). Secrets (the secret key, and
 * database URLs that carry passwords) are never logged: describe() redacts
 * them. URLs may also be given in a file through the `<ENV>_FILE` variable
 * (for example SLIDESPEC_DATABASE_URL_FILE), as container secrets are.
 */
struct ServerConfig
{
    QString databaseUrl;          //!< the app role's connection URL (RLS applies to it)
    QString migrationDatabaseUrl; //!< the schema owner's URL, used to migrate
    QString storageUrl;           //!< file:///path or s3://…, parsed by the storage backends
    QHostAddress listenAddress = QHostAddress(QHostAddress::LocalHost);
    quint16 listenPort = 8080;
    QString publicBaseUrl;        //!< e.g. https://slides.example.com (no trailing slash)
    QString secretKeyFile;
    QByteArray secretKey;         //!< the secret key's bytes; never logged
    int dbPoolSize = 8;
    int workerThreads = 8;        //!< handler threads (defaults to the pool size)
    int dbAcquireTimeoutMs = 5000;
    qint64 maxBodyBytes = 32 * 1024 * 1024;
    int requestTimeoutMs = 30000;
    QString logLevel = QStringLiteral("info");
    QString appRole;              //!< role the migrations grant to (default: the database URL's user)
    /*! Proxies whose X-Forwarded-For is believed: (network, prefix length). */
    QList<QPair<QHostAddress, int>> trustedProxies;
    /*! Webhooks may reach these networks despite the SSRF guard. */
    QList<QPair<QHostAddress, int>> webhookAllowedNetworks;
    bool webhookAllowHttpLoopback = false; //!< development only: http:// to loopback addresses
    /*! Maintenance jobs: one per task and period of this length; 0 = this process schedules none. */
    int maintenanceIntervalSeconds = 3600;
    int jobRetentionDays = 14;             //!< finished jobs are pruned after this
    int usageDailyRetentionDays = 400;     //!< daily usage rows of whole months older than this are rolled up
    int maxEventStreams = 1000;            //!< Server-Sent Event streams open at once (HttpServer::Options)
    int maxEventStreamsPerOrg = 100;       //!< …per org
    /*! The render sandbox's isolation: "auto", "required" or "off" (docs/queue.md, "The sandbox"). */
    QString sandboxIsolation = QStringLiteral("auto");
    /*! Set by load(): every setting came from flags and the environment (not filled in by hand). */
    bool loaded = false;

    /*! The minimum length of the secret key, in bytes. */
    static constexpr int minimumSecretKeyBytes = 32;

    /*! Every setting, in documentation order. */
    static const QList<ConfigSetting> &settingsTable();

    /*! Adds one option per setting (plus nothing else) to \a parser. */
    static void addOptions(QCommandLineParser &parser);

    /*!
     * \brief Loads the configuration: defaults, then \a env, then the flags
     * set in \a parser (which must have been given addOptions() and parsed).
     * Validates for \a purpose; on failure returns false and fills \a errors
     * with one clear message per problem (which setting, what is wrong, what
     * to do).
     */
    static bool load(const QCommandLineParser *parser, const QProcessEnvironment &env,
                     ConfigPurpose purpose, ServerConfig *config, QStringList *errors);

    /*! A one-line description for the start-up log, secrets redacted. */
    QString describe() const;

    /*! \a url with any password replaced by "***". */
    static QString redactUrl(const QString &url);

    /*! Whether \a address falls in one of the trusted proxy networks. */
    bool isTrustedProxy(const QHostAddress &address) const;
};

} // namespace slidespec::server
