// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>

namespace slidespec::server {

/*!
 * \brief One migration: server/db/migrations/NNNN_name.sql, compiled in as a
 * Qt resource under :/slidespec/server/migrations/.
 */
struct Migration
{
    int version = 0;
    QString name;     //!< the part after NNNN_, without .sql
    QByteArray sql;   //!< the file's bytes
    QString checksum; //!< SHA-256 of the file's bytes, hex

    /*! The migrations compiled into this binary, in version order. */
    static QList<Migration> builtIn();

    /*! Migrations from *.sql files in \a directory (tests); \a error on a bad name or duplicate version. */
    static QList<Migration> fromDirectory(const QString &directory, QString *error);
};

/*!
 * \brief What Migrator::migrate() did.
 */
struct MigrationReport
{
    bool ok = false;
    QString error;            //!< set when !ok: what is wrong and what to do
    QList<int> applied;       //!< versions applied by this run
    QList<int> outOfOrder;    //!< of those, versions below one the database already had (merged late)
    int currentVersion = 0;   //!< the database's version afterwards
};

/*!
 * \brief Applies versioned SQL migrations in order.
 *
 * Each migration runs in its own transaction and is recorded in
 * `schema_migrations(version, name, checksum, applied_at)`. The whole run
 * holds a PostgreSQL advisory lock, so several server instances starting at
 * once apply each migration exactly once. Refuses (and applies nothing) when
 * an applied migration's checksum differs from the binary's, or when the
 * database has versions the binary does not know (it is newer). A migration
 * numbered below the database's newest that was never applied (merged from a
 * parallel branch) is applied too and listed in MigrationReport::outOfOrder.
 *
 * Migration SQL may write `{{app_role}}`: it is replaced by the quoted name of
 * the role the server connects as (ServerConfig::appRole), so grants need no
 * hard-coded role name. The checksum is taken before the replacement.
 */
class Migrator
{
public:
    /*! \a url is the schema owner's connection URL. */
    Migrator(QString url, QString appRole, QList<Migration> migrations = Migration::builtIn());

    /*! Applies the pending migrations. Never throws. */
    MigrationReport migrate();

    /*! Checks without changing anything: ok when the database is exactly up to date. */
    MigrationReport check();

    /*! The advisory lock key used while migrating. */
    static constexpr long long advisoryLockKey = 0x736c6964657370; // "slidesp"

private:
    MigrationReport run(bool apply);

    QString m_url;
    QString m_appRole;
    QList<Migration> m_migrations;
};

} // namespace slidespec::server
