// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Shared by tst_content and tst_assets: the real server in-process (auth and
// content modules) over a per-run, migrated PostgreSQL database and a file
// store in a temporary folder; members with each role in org A, an owner of
// org B; an HTTP client speaking over TCP; row counts read through the app
// role scoped to an org.

#include "auth/authroutes.h"
#include "auth/authservices.h"
#include "content/contentroutes.h"
#include "http/service.h"
#include "ops/ratelimits.h"
#include "serverfixture.h"
#include "storage/storagebackend.h"
#include "tst_auth_support.h"
#include "tst_world_support.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>
#include <QUrl>

#include <atomic>
#include <memory>
#include <utility>

namespace contenttest {

using namespace slidespec::server;
using slidespec::server::test::RawConnection;
using slidespec::server::test::RawResponse;
using slidespec::server::test::TestDatabase;

using Headers = QList<QPair<QByteArray, QByteArray>>;

using worldtest::client;
using worldtest::Member;

inline QJsonObject jsonOf(const RawResponse &r)
{
    return QJsonDocument::fromJson(r.body).object();
}

/*! The member at \a keys (nested objects) of \a value, e.g. pick(body, {"error", "details", "limit"}). */
inline QJsonValue pick(QJsonValue value, std::initializer_list<const char *> keys)
{
    for (const char *key : keys)
        value = value.toObject().value(QLatin1StringView(key));
    return value;
}

inline QJsonValue pick(const RawResponse &r, std::initializer_list<const char *> keys)
{
    return pick(QJsonValue(jsonOf(r)), keys);
}

inline QString errorCode(const RawResponse &r)
{
    return jsonOf(r).value(QStringLiteral("error")).toObject().value(QStringLiteral("code")).toString();
}

/*! "status code: body" for failure messages. */
inline QByteArray describe(const RawResponse &r)
{
    return QByteArray::number(r.status) + ": " + r.body.left(600);
}

/*! The API path of \a rest in org \a orgId: /api/v1/orgs/{orgId}/{rest}. */
inline QString orgApi(const QString &orgId, const QString &rest)
{
    return QStringLiteral("/api/v1/orgs/%1/%2").arg(orgId, rest);
}

/*! The single number \a sql counts in \a orgId's scope through \a db (row-level security applies to the app role); -1 on failure. */
inline qint64 countInOrg(Database &db, const QString &orgId, const char *sql)
{
    auto n = db.withTransaction(OrgScope{QString(), orgId}, [&](pqxx::work &tx) { return tx.exec(sql).at(0).at(0).as<qint64>(); });
    return n ? *n : -1;
}

/*! Whether \a headers has one named \a name (case-insensitive). */
inline bool hasHeader(const Headers &headers, const QByteArray &name)
{
    for (const auto &h : headers) {
        if (h.first.compare(name, Qt::CaseInsensitive) == 0)
            return true;
    }
    return false;
}

/*!
 * \brief One request to the server on \a port over a fresh connection: with
 * \a token as a bearer credential ("" sends none), \a body as JSON unless
 * \a headers name another Content-Type, and Content-Length 0 on a POST or PUT
 * without a body.
 */
inline RawResponse callServer(quint16 port, const QByteArray &method, const QString &target, const QByteArray &token,
                              const QByteArray &body = {}, Headers headers = {})
{
    RawConnection c(port);
    if (!token.isEmpty())
        headers.append(qMakePair(QByteArray("Authorization"), QByteArray("Bearer " + token)));
    if (!body.isEmpty() && !hasHeader(headers, "content-type"))
        headers.append(qMakePair(QByteArray("Content-Type"), QByteArray("application/json")));
    if ((method == "POST" || method == "PUT") && body.isEmpty())
        headers.append(qMakePair(QByteArray("Content-Length"), QByteArray("0")));
    return c.request(method, QUrl(target).toEncoded(QUrl::FullyEncoded), body, headers);
}

/*! The server, two orgs and their members (the world's fields). */
class ContentFixture : public worldtest::World
{
public:
    static constexpr qint64 kMaxBody = 256 * 1024;

    /*! Starts everything; empty on success, else what went wrong (and what to do). */
    QString start(const QString &tag, bool useModuleInstaller)
    {
        const authtest::Urls urls = authtest::urls();
        if (!urls.error.isEmpty())
            return urls.error;
        QString error;
        if (!m_db.createMigrated(tag, QUrl(urls.app).userName(), &error))
            return error;
        if (!m_storageDir.isValid())
            return QStringLiteral("cannot create a temporary folder for the file store");

        ServerConfig config = worldtest::loopbackConfig(m_db, QUrl(urls.app).userName(), m_storageDir.path(), 'k');
        config.dbPoolSize = 4;
        config.workerThreads = 4;
        config.maxBodyBytes = kMaxBody;
        m_service = std::make_unique<Service>(config);
        m_auth = std::make_unique<AuthModule>(m_service->database(), authtest::testConfig());
        if (!m_auth->install(m_service->router()))
            return QStringLiteral("auth routes refused");
        if (useModuleInstaller) {
            if (!installContentModule(*m_service))
                return QStringLiteral("installContentModule failed");
        } else {
            auto storage = createStorage(config.storageUrl);
            if (!storage)
                return storage.error().message;
            m_storage = storage.value();
            ContentOptions options;
            options.maxSpecBytes = kMaxBody;
            options.assets.maxBytes = kMaxBody;
            options.assets.limits.maxSvgBytes = 64 * 1024;
            options.urlSigningKey = deriveUrlSigningKey(config.secretKey);
            options.publicBaseUrl = config.publicBaseUrl;
            options.clock = [this] { return QDateTime::currentDateTimeUtc().addSecs(m_clockOffset.load()); };
            m_limits = std::make_shared<RateLimits>(&m_service->metrics());
            m_limits->setLimit(RateLimits::uploadClass(), {1000, 1000}); // generous: tests tighten it when they mean to
            m_limits->setLimit(RateLimits::downloadClass(), {1000, 1000});
            options.rateLimits = m_limits;
            if (!registerContentRoutes(m_service->router(), m_service->database(), m_storage, options))
                return QStringLiteral("content routes refused");
        }
        if (!m_service->migrate(&error) || !m_service->start(&error))
            return error;

        return worldtest::populateWorld(m_auth->services(), *this);
    }

    /*! One request over a fresh connection; \a token "" sends no Authorization. */
    RawResponse call(const QByteArray &method, const QString &target, const QByteArray &token,
                     const QByteArray &body = {}, Headers headers = {})
    {
        return callServer(m_service->port(), method, target, token, body, std::move(headers));
    }

    /*! A count in \a orgId's scope, through the app role (row-level security applies). */
    qint64 count(const QString &orgId, const char *sql)
    {
        return countInOrg(m_service->database(), orgId, sql);
    }

    /*! Every object in the file store. */
    int storedObjects()
    {
        auto listed = m_storage ? m_storage->list(QString()) : StorageResult<QList<ObjectInfo>>(QList<ObjectInfo>());
        return listed ? int(listed.value().size()) : -1;
    }

    QString api(const QString &orgId, const QString &rest) const
    {
        return orgApi(orgId, rest);
    }

    void shiftClock(qint64 seconds) { m_clockOffset += seconds; }

    /*! The content routes' rate limits (only with registerContentRoutes, see start()). */
    RateLimits *limits() { return m_limits.get(); }

    Service &service() { return *m_service; }

    /*! Runs \a sql as the schema owner in \a orgId's scope (operator actions such as plans); false on failure. */
    bool asOwner(const QString &orgId, const QString &sql)
    {
        Database::Options options;
        options.url = m_db.ownerUrl().toStdString();
        options.poolSize = 1;
        Database schemaOwner(options);
        auto done = schemaOwner.withTransaction(OrgScope{QString(), orgId}, [&](pqxx::work &tx) { tx.exec(sql.toStdString()); });
        if (!done)
            qWarning("%s", qPrintable(done.error().message));
        return done.ok();
    }

private:
    TestDatabase m_db;
    QTemporaryDir m_storageDir;
    std::shared_ptr<StorageBackend> m_storage;
    std::shared_ptr<RateLimits> m_limits;
    std::unique_ptr<Service> m_service;
    std::unique_ptr<AuthModule> m_auth;
    std::atomic<qint64> m_clockOffset{0};
};

} // namespace contenttest
