// SPDX-License-Identifier: GPL-3.0-or-later
// Row-level security as the second wall, checked on the real PostgreSQL with
// the role the server connects as: it owns no table and cannot bypass RLS;
// every table with an org_id has RLS enabled and forced (jobs: enabled, not forced, see migration 0021); with the scope set
// to org A, queries that forget their WHERE see none of org B's rows; writes
// into another org are refused; the trusted-function flag does nothing for
// the app role.
#include "tst_auth_support.h"

#include <pqxx/pqxx>

using namespace slidespec::server;
using namespace authtest;

class TestRls : public QObject
{
    Q_OBJECT

    Urls m_urls;
    std::unique_ptr<Database> m_db;
    AuthConfig m_config = testConfig();
    LoginThrottle m_throttle;
    std::unique_ptr<AccountService> m_accounts;
    std::unique_ptr<OrgService> m_orgs;

    struct Tenant
    {
        SessionGrant user;
        OrgInfo org;
        NewApiToken token;
        NewInvite invite;
    };
    Tenant m_a;
    Tenant m_b;

    Tenant makeTenant(const QString &tag)
    {
        Tenant t;
        auto grant = m_accounts->signup(uniqueEmail(tag), password, tag, {QStringLiteral("192.0.2.40"), {}, {}});
        if (!grant.ok())
            qFatal("signup: %s", qPrintable(grant.error().message));
        t.user = *grant;
        auto org = m_orgs->create(t.user.user.id, QStringLiteral("RLS ") + tag);
        if (!org.ok())
            qFatal("org: %s", qPrintable(org.error().message));
        t.org = *org;
        auto token = m_accounts->createApiToken(t.user.user.id, t.org.id, tag);
        if (!token.ok())
            qFatal("token: %s", qPrintable(token.error().message));
        t.token = *token;
        auto invite = m_orgs->invite(t.user.user.id, t.org.id, uniqueEmail(tag + QStringLiteral("-guest")), Role::Viewer);
        if (!invite.ok())
            qFatal("invite: %s", qPrintable(invite.error().message));
        t.invite = *invite;
        return t;
    }

    /*! Counts rows of \a sql as the app role with the given scope. */
    int countAs(const QString &userId, const QString &orgId, const std::string &sql)
    {
        auto n = m_db->withTransaction(OrgScope{userId, orgId}, [&](pqxx::work &tx) {
            return int(tx.exec(sql).size());
        });
        if (!n.ok())
            qFatal("query failed: %s", qPrintable(n.error().message));
        return *n;
    }

    /*! The ids (text) that \a sql returns as the app role with the given scope. */
    QStringList idsAs(const QString &userId, const QString &orgId, const std::string &sql)
    {
        auto ids = m_db->withTransaction(OrgScope{userId, orgId}, [&](pqxx::work &tx) {
            QStringList out;
            for (const auto &row : tx.exec(sql))
                out.append(QString::fromStdString(row[0].as<std::string>()));
            return out;
        });
        if (!ids.ok())
            qFatal("query failed: %s", qPrintable(ids.error().message));
        return *ids;
    }

private slots:
    void initTestCase()
    {
        m_urls = urls();
        if (!m_urls.error.isEmpty())
            QFAIL(qPrintable(m_urls.error));
        const QString migrated = migrate(m_urls);
        QVERIFY2(migrated.isEmpty(), qPrintable(migrated));
        m_db = authtest::connect(m_urls.app);
        m_accounts = std::make_unique<AccountService>(*m_db, m_config, m_throttle);
        m_orgs = std::make_unique<OrgService>(*m_db, m_config);
        m_a = makeTenant(QStringLiteral("tenant-a"));
        m_b = makeTenant(QStringLiteral("tenant-b"));
    }

    void appRoleOwnsNothingAndCannotBypass()
    {
        auto facts = m_db->withTransaction([](pqxx::work &tx) {
            const auto row = tx.exec1(
                "SELECT r.rolsuper, r.rolbypassrls, "
                "(SELECT count(*) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
                " WHERE c.relowner = r.oid AND n.nspname IN ('public', 'app')) "
                "FROM pg_roles r WHERE r.rolname = current_user");
            return std::tuple<bool, bool, int>(row[0].as<bool>(), row[1].as<bool>(), row[2].as<int>());
        });
        QVERIFY2(facts.ok(), qPrintable(facts.error().message));
        QCOMPARE(std::get<0>(*facts), false);
        QCOMPARE(std::get<1>(*facts), false);
        QCOMPARE(std::get<2>(*facts), 0);
    }

    void everyOrgTableHasForcedRls()
    {
        // Any table of the schema with an org_id column, today's and tomorrow's
        // (so a new org-scoped table cannot forget its policies), plus the
        // user-scoped ones of accounts.
        auto unprotected = m_db->withTransaction([](pqxx::work &tx) {
            QStringList names;
            for (const auto &row : tx.exec(
                     "SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
                     "WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p') "
                     "AND (EXISTS (SELECT 1 FROM pg_attribute a WHERE a.attrelid = c.oid AND a.attname = 'org_id' "
                     "             AND NOT a.attisdropped) "
                     "     OR c.relname IN ('users', 'orgs', 'memberships', 'sessions', 'api_tokens', 'invites')) "
                     "AND NOT (c.relrowsecurity "
                     // jobs is exempt from FORCE only (0021_jobs_owner_bypass.sql
                     // says why): RLS stays on for the app role, which owns nothing.
                     "         AND (c.relforcerowsecurity OR c.relname IN ('jobs')) "
                     "         AND EXISTS (SELECT 1 FROM pg_policy p WHERE p.polrelid = c.oid)) "
                     "ORDER BY 1")) {
                names.append(QString::fromStdString(row[0].as<std::string>()));
            }
            return names;
        });
        QVERIFY2(unprotected.ok(), qPrintable(unprotected.error().message));
        QVERIFY2(unprotected->isEmpty(),
                 qPrintable(QStringLiteral("tables without ENABLE + FORCE ROW LEVEL SECURITY and a policy: ")
                            + unprotected->join(QStringLiteral(", "))));
    }

    void forgottenWhereSeesOnlyTheScopedOrg_data()
    {
        QTest::addColumn<QString>("table");
        QTest::addColumn<QString>("idColumn");
        QTest::newRow("orgs") << "orgs" << "id";
        QTest::newRow("memberships") << "memberships" << "org_id";
        QTest::newRow("invites") << "invites" << "org_id";
        QTest::newRow("api_tokens") << "api_tokens" << "org_id";
    }

    void forgottenWhereSeesOnlyTheScopedOrg()
    {
        QFETCH(QString, table);
        QFETCH(QString, idColumn);
        const std::string sql = "SELECT DISTINCT " + idColumn.toStdString() + "::text FROM " + table.toStdString();
        // Scoped to A (as A's owner, or even as B's owner: the scope decides).
        QCOMPARE(idsAs(m_a.user.user.id, m_a.org.id, sql), QStringList{m_a.org.id});
        QCOMPARE(idsAs(m_b.user.user.id, m_a.org.id, sql), QStringList{m_a.org.id});
        QCOMPARE(idsAs(m_b.user.user.id, m_b.org.id, sql), QStringList{m_b.org.id});
        // No scope at all: nothing.
        QCOMPARE(countAs({}, {}, "SELECT 1 FROM " + table.toStdString()), 0);
    }

    void userScopedTables()
    {
        // Sessions: only the scoped user's, whatever the org.
        const std::string sessions = "SELECT DISTINCT user_id::text FROM sessions";
        QCOMPARE(idsAs(m_a.user.user.id, {}, sessions), QStringList{m_a.user.user.id});
        QCOMPARE(idsAs(m_a.user.user.id, m_b.org.id, sessions), QStringList{m_a.user.user.id});
        QCOMPARE(countAs({}, m_a.org.id, "SELECT 1 FROM sessions"), 0);
        // Users: oneself, and the members of the scoped org.
        QCOMPARE(idsAs(m_a.user.user.id, {}, "SELECT id::text FROM users"), QStringList{m_a.user.user.id});
        QCOMPARE(idsAs({}, m_b.org.id, "SELECT id::text FROM users"), QStringList{m_b.user.user.id});
        QCOMPARE(countAs({}, {}, "SELECT 1 FROM users"), 0);
        // Outside any org, a user sees the orgs and memberships that are theirs only.
        QCOMPARE(idsAs(m_a.user.user.id, {}, "SELECT id::text FROM orgs"), QStringList{m_a.org.id});
        QCOMPARE(idsAs(m_a.user.user.id, {}, "SELECT DISTINCT org_id::text FROM memberships"), QStringList{m_a.org.id});
        QCOMPARE(idsAs(m_a.user.user.id, {}, "SELECT DISTINCT org_id::text FROM api_tokens"), QStringList{m_a.org.id});
    }

    void writesIntoAnotherOrgAreRefused_data()
    {
        QTest::addColumn<QString>("sql");
        QTest::newRow("membership into B") << "INSERT INTO memberships (org_id, user_id, role) VALUES ('%B', '%U', 'owner')";
        QTest::newRow("invite into B") << "INSERT INTO invites (org_id, email, role, token_hash, expires_at) VALUES "
                                          "('%B', 'x@example.com', 'owner', digest('x', 'sha256'), now() + interval '1 day')";
        QTest::newRow("move A's invite to B") << "UPDATE invites SET org_id = '%B'";
        QTest::newRow("session for another user")
            << "INSERT INTO sessions (user_id, token_hash, idle_expires_at, expires_at) VALUES "
               "('%V', digest('y', 'sha256'), now() + interval '1 hour', now() + interval '1 day')";
    }

    void writesIntoAnotherOrgAreRefused()
    {
        QFETCH(QString, sql);
        sql.replace(QStringLiteral("%B"), m_b.org.id)
            .replace(QStringLiteral("%U"), m_a.user.user.id)
            .replace(QStringLiteral("%V"), m_b.user.user.id);
        auto result = m_db->withTransaction(OrgScope{m_a.user.user.id, m_a.org.id}, [&](pqxx::work &tx) {
            tx.exec(sql.toStdString());
        });
        QVERIFY(!result.ok());
        QCOMPARE(result.error().sqlState, std::string("42501")); // insufficient_privilege: RLS WITH CHECK
    }

    void updatesAndDeletesCannotReachAnotherOrg()
    {
        auto touched = m_db->withTransaction(OrgScope{m_a.user.user.id, m_a.org.id}, [&](pqxx::work &tx) {
            int n = 0;
            n += int(tx.exec_params("UPDATE orgs SET name = 'pwned' WHERE id = $1::uuid", m_b.org.id.toStdString())
                         .affected_rows());
            n += int(tx.exec_params("DELETE FROM memberships WHERE org_id = $1::uuid", m_b.org.id.toStdString())
                         .affected_rows());
            n += int(tx.exec_params("UPDATE api_tokens SET revoked_at = now() WHERE org_id = $1::uuid",
                                    m_b.org.id.toStdString())
                         .affected_rows());
            n += int(tx.exec_params("DELETE FROM sessions WHERE user_id = $1::uuid", m_b.user.user.id.toStdString())
                         .affected_rows());
            return n;
        });
        QVERIFY2(touched.ok(), qPrintable(touched.error().message));
        QCOMPARE(*touched, 0);
        QCOMPARE(m_orgs->get(m_b.user.user.id, m_b.org.id)->name, m_b.org.name);
    }

    void trustedFlagDoesNothingForTheAppRole()
    {
        auto seen = m_db->withTransaction([&](pqxx::work &tx) {
            tx.exec("SELECT set_config('app.trusted_function', 'on', true)");
            return int(tx.exec("SELECT 1 FROM users").size() + tx.exec("SELECT 1 FROM orgs").size()
                       + tx.exec("SELECT 1 FROM sessions").size());
        });
        QVERIFY2(seen.ok(), qPrintable(seen.error().message));
        QCOMPARE(*seen, 0);
        // And the definer functions put the flag back.
        auto flag = m_db->withTransaction([&](pqxx::work &tx) {
            tx.exec_params("SELECT * FROM app.login_lookup($1)", m_a.user.user.email.toStdString());
            return tx.exec1("SELECT coalesce(current_setting('app.trusted_function', true), '')")[0].as<std::string>();
        });
        QVERIFY(flag.ok());
        QCOMPARE(*flag, std::string());
    }

    void acceptInviteActsOnlyForTheScopedUser()
    {
        // The function takes no user parameter: without a user scope it finds nothing.
        auto status = m_db->withTransaction([&](pqxx::work &tx) {
            return tx.exec_params1("SELECT status FROM app.accept_invite(decode($1, 'hex'))",
                                   crypto::hashToken(m_a.invite.token.toLatin1()).toHex().toStdString())[0]
                .as<std::string>();
        });
        QVERIFY(status.ok());
        QCOMPARE(*status, std::string("not_found"));
    }
};

QTEST_GUILESS_MAIN(TestRls)
#include "tst_rls.moc"
