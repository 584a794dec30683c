// SPDX-License-Identifier: GPL-3.0-or-later
#include "db/migrator.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QHash>
#include <QRegularExpression>

#include <pqxx/pqxx>
#include <pqxx/nontransaction>
#include <pqxx/transaction>

#include <algorithm>
#include <map>

namespace slidespec::server {

namespace {

const QRegularExpression &fileNamePattern()
{
    static const QRegularExpression re(QStringLiteral("^(\\d{4})_([a-z0-9_]+)\\.sql$"));
    return re;
}

QList<Migration> load(const QString &directory, QString *error)
{
    QList<Migration> list;
    QHash<int, QString> seen;
    const auto entries = QDir(directory).entryInfoList({QStringLiteral("*.sql")}, QDir::Files, QDir::Name);
    for (const auto &info : entries) {
        const auto m = fileNamePattern().match(info.fileName());
        if (!m.hasMatch()) {
            if (error)
                *error = QStringLiteral("migration file %1 is not named NNNN_lower_case_name.sql").arg(info.fileName());
            return {};
        }
        Migration migration;
        migration.version = m.captured(1).toInt();
        migration.name = m.captured(2);
        if (seen.contains(migration.version)) {
            if (error)
                *error = QStringLiteral("migrations %1 and %2 share version %3")
                             .arg(seen.value(migration.version), info.fileName())
                             .arg(migration.version);
            return {};
        }
        seen.insert(migration.version, info.fileName());
        QFile file(info.filePath());
        if (!file.open(QIODevice::ReadOnly)) {
            if (error)
                *error = QStringLiteral("cannot read %1: %2").arg(info.filePath(), file.errorString());
            return {};
        }
        migration.sql = file.readAll();
        migration.checksum =
            QString::fromLatin1(QCryptographicHash::hash(migration.sql, QCryptographicHash::Sha256).toHex());
        list.append(migration);
    }
    std::sort(list.begin(), list.end(), [](const Migration &a, const Migration &b) { return a.version < b.version; });
    return list;
}

std::string quoteIdentifier(const QString &name)
{
    QString q = name;
    q.replace(QLatin1Char('"'), QStringLiteral("\"\""));
    return QString(QLatin1Char('"') + q + QLatin1Char('"')).toStdString();
}

} // namespace

QList<Migration> Migration::builtIn()
{
    QString error;
    auto list = load(QStringLiteral(":/slidespec/server/migrations"), &error);
    Q_ASSERT_X(error.isEmpty(), "Migration::builtIn", qPrintable(error));
    return list;
}

QList<Migration> Migration::fromDirectory(const QString &directory, QString *error)
{
    return load(directory, error);
}

Migrator::Migrator(QString url, QString appRole, QList<Migration> migrations)
    : m_url(std::move(url)), m_appRole(std::move(appRole)), m_migrations(std::move(migrations))
{
}

MigrationReport Migrator::migrate()
{
    return run(true);
}

MigrationReport Migrator::check()
{
    return run(false);
}

MigrationReport Migrator::run(bool apply)
{
    MigrationReport report;
    try {
        pqxx::connection c(m_url.toStdString());
        {
            pqxx::nontransaction n(c);
            // Quiet "already exists" notices; keep warnings.
            n.exec("SET client_min_messages = warning");
            if (apply) {
                // Session-level lock: held across the per-migration transactions.
                n.exec("SELECT pg_advisory_lock(" + std::to_string(advisoryLockKey) + ")");
                n.exec("CREATE TABLE IF NOT EXISTS schema_migrations ("
                       " version integer PRIMARY KEY,"
                       " name text NOT NULL,"
                       " checksum text NOT NULL,"
                       " applied_at timestamptz NOT NULL DEFAULT now())");
            }
        }

        std::map<int, std::pair<std::string, std::string>> applied; // version → (name, checksum)
        {
            pqxx::nontransaction n(c);
            const auto exists = n.exec("SELECT to_regclass('schema_migrations') IS NOT NULL");
            if (exists.at(0).at(0).as<bool>()) {
                const pqxx::result rows = n.exec("SELECT version, name, checksum FROM schema_migrations ORDER BY version");
                for (const auto &row : rows)
                    applied[row.at(0).as<int>()] = {row.at(1).as<std::string>(), row.at(2).as<std::string>()};
            }
        }

        const int known = m_migrations.isEmpty() ? 0 : m_migrations.constLast().version;
        QStringList problems;
        for (const auto &[version, entry] : applied) {
            const auto it = std::find_if(m_migrations.cbegin(), m_migrations.cend(),
                                         [v = version](const Migration &m) { return m.version == v; });
            if (it == m_migrations.cend()) {
                problems.append(QStringLiteral("the database has migration %1 (%2), which this binary does not "
                                               "know (it knows up to %3): the database is newer than the server. "
                                               "Run the newer server version.")
                                    .arg(version)
                                    .arg(QString::fromStdString(entry.first))
                                    .arg(known));
            } else if (it->checksum.toStdString() != entry.second) {
                problems.append(QStringLiteral("migration %1 (%2) was changed after it was applied (checksum "
                                               "%3 in the database, %4 in the binary). Applied migrations are "
                                               "immutable: restore the file and add a new migration instead.")
                                    .arg(version)
                                    .arg(it->name, QString::fromStdString(entry.second).left(12), it->checksum.left(12)));
            }
        }
        if (!problems.isEmpty()) {
            report.error = problems.join(QLatin1Char('\n'));
            report.currentVersion = applied.empty() ? 0 : applied.rbegin()->first;
            if (apply) {
                pqxx::nontransaction n(c);
                n.exec("SELECT pg_advisory_unlock(" + std::to_string(advisoryLockKey) + ")");
            }
            return report;
        }

        report.currentVersion = applied.empty() ? 0 : applied.rbegin()->first;
        QList<int> pending;
        for (const auto &m : m_migrations) {
            if (!applied.count(m.version))
                pending.append(m.version);
        }
        if (!apply) {
            if (!pending.isEmpty()) {
                report.error = QStringLiteral("%1 migration(s) pending (first: %2); run `slidespec-server migrate`.")
                                   .arg(pending.size())
                                   .arg(pending.first());
                return report;
            }
            report.ok = true;
            return report;
        }

        for (const auto &m : m_migrations) {
            if (applied.count(m.version))
                continue;
            QByteArray sql = m.sql;
            sql.replace("{{app_role}}", QByteArray::fromStdString(quoteIdentifier(m_appRole)));
            try {
                pqxx::work tx(c);
                tx.exec(sql.toStdString());
                tx.exec_params("INSERT INTO schema_migrations (version, name, checksum) VALUES ($1, $2, $3)",
                               m.version, m.name.toStdString(), m.checksum.toStdString());
                tx.commit();
            } catch (const std::exception &e) {
                report.error = QStringLiteral("migration %1 (%2) failed and was rolled back: %3")
                                   .arg(m.version)
                                   .arg(m.name, QString::fromUtf8(e.what()).trimmed());
                pqxx::nontransaction n(c);
                n.exec("SELECT pg_advisory_unlock(" + std::to_string(advisoryLockKey) + ")");
                return report;
            }
            report.applied.append(m.version);
            if (m.version < report.currentVersion)
                report.outOfOrder.append(m.version);
            report.currentVersion = qMax(report.currentVersion, m.version);
        }
        pqxx::nontransaction n(c);
        n.exec("SELECT pg_advisory_unlock(" + std::to_string(advisoryLockKey) + ")");
        report.ok = true;
    } catch (const std::exception &e) {
        // The advisory lock is a session lock: closing the connection frees it.
        report.ok = false;
        report.error = QStringLiteral("migrating failed: %1").arg(QString::fromUtf8(e.what()).trimmed());
    }
    return report;
}

} // namespace slidespec::server
