// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Shared by the auth, org and RLS tests: the real PostgreSQL the test script
// starts (scripts/pg.sh), migrated to the current schema, and helpers that
// make unique users and orgs so tests never depend on each other's rows.

#include "auth/accountservice.h"
#include "auth/authtypes.h"
#include "auth/orgservice.h"
#include "auth/throttle.h"
#include "db/database.h"
#include "db/migrator.h"

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
    QString app;       //!< SLIDESPEC_TEST_DATABASE_URL: the non-owner, RLS-bound role
    QString migration; //!< SLIDESPEC_TEST_MIGRATION_DATABASE_URL: the schema owner
    QString error;
};

inline Urls urls()
{
    Urls u;
    u.app = qEnvironmentVariable("SLIDESPEC_TEST_DATABASE_URL");
    u.migration = qEnvironmentVariable("SLIDESPEC_TEST_MIGRATION_DATABASE_URL");
    if (u.app.isEmpty() || u.migration.isEmpty()) {
        u.error = QStringLiteral(
            "SLIDESPEC_TEST_DATABASE_URL and SLIDESPEC_TEST_MIGRATION_DATABASE_URL must be set: these tests run "
            "against a real PostgreSQL. Run `scripts/pg.sh start && eval \"$(scripts/pg.sh env)\"` (scripts/test.sh "
            "does it for you).");
    }
    return u;
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
