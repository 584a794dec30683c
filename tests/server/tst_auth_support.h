// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Shared by the auth, org and RLS tests: a database of the test process's own
// on the PostgreSQL scripts/pg.sh starts, migrated to the current schema, and helpers that
// make unique users and orgs so tests never depend on each other's rows.

#include "auth/accountservice.h"
#include "auth/authtypes.h"
#include "auth/orgservice.h"
#include "auth/throttle.h"
#include "db/database.h"
#include "db/migrator.h"
#include "serverfixture.h"

#include <QCoreApplication>
#include <QRegularExpression>
#include <QString>
#include <QTest>
#include <QUrl>
#include <QUuid>

#include <memory>

namespace authtest {

using namespace slidespec::server;

/*! The connection URLs, or a failure that says how to get them. */
struct Urls
{
    QString app;       //!< the non-owner, RLS-bound role, on this process's own database
    QString migration; //!< the schema owner, on the same database
    QString error;
};

/*! This test process's own database (see urls()). */
inline slidespec::server::test::TestDatabase &processDatabase()
{
    static slidespec::server::test::TestDatabase database;
    return database;
}

/*!
 * \brief URLs of a database of this test process's own, created on the
 * first call from SLIDESPEC_TEST_DATABASE_URL and
 * SLIDESPEC_TEST_MIGRATION_DATABASE_URL (scripts/pg.sh env), so test
 * programs never share a schema (a migration changed on a development
 * machine cannot leave a stale checksum behind) and parallel runs never see
 * each other's rows. It is dropped when the QCoreApplication goes, inside
 * main(): a static destructor would run after OpenSSL's exit handlers, which
 * libpq still needs.
 */
inline Urls urls()
{
    static const Urls cached = [] {
        Urls u;
        QString tag = QCoreApplication::applicationName().toLower();
        tag.replace(QRegularExpression(QStringLiteral("[^a-z0-9]+")), QStringLiteral("_"));
        if (!processDatabase().create(tag.isEmpty() ? QStringLiteral("auth") : tag.left(30), &u.error))
            return u;
        qAddPostRoutine([] { processDatabase().drop(); });
        u.app = processDatabase().appUrl();
        u.migration = processDatabase().ownerUrl();
        return u;
    }();
    return cached;
}

/*! Migrates the test database; the app role is the app URL's user. Empty on success. */
inline QString migrate(const Urls &u)
{
    const QString role = QUrl(u.app).userName();
    Migrator migrator(u.migration, role.isEmpty() ? QStringLiteral("slidespec_app") : role);
    const MigrationReport report = migrator.migrate();
    return report.ok ? QString() : QStringLiteral("migrations failed: ") + report.error;
}

inline std::unique_ptr<Database> connect(const QString &url, int poolSize = 4)
{
    Database::Options options;
    options.url = url.toStdString();
    options.poolSize = poolSize;
    return std::make_unique<Database>(options);
}

/*! A unique, valid email for this run. */
inline QString uniqueEmail(const QString &tag = QStringLiteral("user"))
{
    return tag + QStringLiteral("-") + QUuid::createUuid().toString(QUuid::Id128).left(12)
           + QStringLiteral("@example.com");
}

/*! Fast, still OWASP-compliant hashing for tests that make many accounts. */
inline AuthConfig testConfig()
{
    AuthConfig config;
    config.passwordParams = crypto::PasswordHashParams::owaspMinimum();
    config.publicBaseUrl = QStringLiteral("https://slides.example.com/");
    return config;
}

inline const QString password = QStringLiteral("correct horse battery staple");

} // namespace authtest

/*! QVERIFY for a ServiceResult, printing its error. */
#define AUTH_VERIFY_OK(result)                                                                                         \
    QVERIFY2((result).ok(), qPrintable((result).error().code + QStringLiteral(": ") + (result).error().message))
