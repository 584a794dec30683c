// SPDX-License-Identifier: GPL-3.0-or-later
// Accounts, sessions and API tokens against the real PostgreSQL: signup and
// login (generic failures, throttling), session expiry (idle and absolute)
// and revocation, password change revoking the other sessions, rehash on
// login, API tokens scoped to one org with last-used times.
#include "tst_auth_support.h"

#include <QElapsedTimer>

#include <pqxx/pqxx>

#include <algorithm>

using namespace slidespec::server;
using namespace authtest;

class TestAuthAccounts : public QObject
{
    Q_OBJECT

    Urls m_urls;
    std::unique_ptr<Database> m_db;
    AuthConfig m_config = testConfig();
    std::unique_ptr<LoginThrottle> m_throttle;
    std::unique_ptr<AccountService> m_accounts;
    std::unique_ptr<OrgService> m_orgs;
    AccountService::Client m_client{QStringLiteral("192.0.2.10"), QStringLiteral("tst_auth_accounts"), {}};

    /*! Runs \a sql as the schema owner with the trusted flag (FORCE RLS binds the owner too). */
    void ownerExec(const std::string &sql)
    {
        pqxx::connection c(m_urls.migration.toStdString());
        pqxx::work tx(c);
        tx.exec("SELECT set_config('app.trusted_function', 'on', true)");
        tx.exec(sql);
        tx.commit();
    }

    std::string ownerQuery1(const std::string &sql)
    {
        pqxx::connection c(m_urls.migration.toStdString());
        pqxx::work tx(c);
        tx.exec("SELECT set_config('app.trusted_function', 'on', true)");
        const auto row = tx.exec1(sql);
        tx.commit();
        return row[0].is_null() ? std::string() : row[0].as<std::string>();
    }

    SessionGrant signup(const QString &email)
    {
        auto grant = m_accounts->signup(email, password, QStringLiteral("Test User"), m_client);
        if (!grant.ok())
            qFatal("signup failed: %s", qPrintable(grant.error().message));
        return *grant;
    }

    std::optional<Principal> resolve(const QString &token)
    {
        auto principal = m_accounts->resolveToken(token.toLatin1());
        if (!principal.ok())
            qFatal("resolve failed: %s", qPrintable(principal.error().message));
        return *principal;
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
        m_throttle = std::make_unique<LoginThrottle>();
        m_accounts = std::make_unique<AccountService>(*m_db, m_config, *m_throttle);
        m_orgs = std::make_unique<OrgService>(*m_db, m_config);
    }

    void signupCreatesAccountAndSession()
    {
        const QString email = uniqueEmail(QStringLiteral("Signup"));
        auto grant = m_accounts->signup(email, password, QStringLiteral("  Ana  "), m_client);
        AUTH_VERIFY_OK(grant);
        QVERIFY(grant->token.startsWith(QLatin1StringView(crypto::SessionTokenPrefix)));
        QCOMPARE(grant->user.email, email);
        QCOMPARE(grant->user.displayName, QStringLiteral("Ana"));
        QVERIFY(!grant->expiresAt.isEmpty());
        const auto principal = resolve(grant->token);
        QVERIFY(principal.has_value());
        QCOMPARE(principal->userId, grant->user.id);
        QCOMPARE(principal->credentialId, grant->sessionId);
        QVERIFY(principal->kind == Principal::Kind::Session);

        // Only the hash is stored.
        const std::string stored = ownerQuery1("SELECT encode(token_hash, 'hex') FROM sessions WHERE id = '"
                                               + grant->sessionId.toStdString() + "'");
        QCOMPARE(QByteArray::fromStdString(stored), crypto::hashToken(grant->token.toLatin1()).toHex());
        const std::string hash = ownerQuery1("SELECT password_hash FROM users WHERE id = '"
                                             + grant->user.id.toStdString() + "'");
        QVERIFY2(QByteArray::fromStdString(hash).startsWith("$argon2id$v=19$m=19456,t=2,p=1$"), hash.c_str());
    }

    void signupRefuses_data()
    {
        QTest::addColumn<QString>("email");
        QTest::addColumn<QString>("password");
        QTest::addColumn<int>("status");
        QTest::addColumn<QString>("code");
        QTest::newRow("no @") << "not-an-email" << password << 400 << "auth.invalid_email";
        QTest::newRow("two @") << "a@b@example.com" << password << 400 << "auth.invalid_email";
        QTest::newRow("no domain dot") << "a@localhost" << password << 400 << "auth.invalid_email";
        QTest::newRow("space inside") << "a b@example.com" << password << 400 << "auth.invalid_email";
        QTest::newRow("SQL metacharacters") << "x'); DROP TABLE users;--@example.com" << password << 400
                                            << "auth.invalid_email";
        QTest::newRow("short password") << uniqueEmail() << "short" << 400 << "auth.weak_password";
        QTest::newRow("whitespace password") << uniqueEmail() << "            " << 400 << "auth.weak_password";
    }

    void signupRefuses()
    {
        QFETCH(QString, email);
        QFETCH(QString, password);
        QFETCH(int, status);
        QFETCH(QString, code);
        auto grant = m_accounts->signup(email, password, {}, m_client);
        QVERIFY(!grant.ok());
        QCOMPARE(grant.error().status, status);
        QCOMPARE(grant.error().code, code);
        QVERIFY(!grant.error().message.isEmpty());
    }

    void emailIsUniqueWhateverItsCase()
    {
        const QString email = uniqueEmail(QStringLiteral("case"));
        signup(email);
        auto again = m_accounts->signup(email.toUpper(), password, {}, m_client);
        QVERIFY(!again.ok());
        QCOMPARE(again.error().status, 409);
        QCOMPARE(again.error().code, QStringLiteral("auth.email_taken"));
        // And login works whatever the case.
        AUTH_VERIFY_OK(m_accounts->login(email.toUpper(), password, m_client));
    }

    void loginFailuresAreGeneric()
    {
        const QString email = uniqueEmail(QStringLiteral("generic"));
        signup(email);
        auto wrongPassword = m_accounts->login(email, QStringLiteral("wrong password here"), m_client);
        auto unknownEmail = m_accounts->login(uniqueEmail(QStringLiteral("nobody")), password, m_client);
        QVERIFY(!wrongPassword.ok() && !unknownEmail.ok());
        QCOMPARE(wrongPassword.error().status, 401);
        QCOMPARE(unknownEmail.error().status, 401);
        QCOMPARE(wrongPassword.error().code, unknownEmail.error().code);
        QCOMPARE(wrongPassword.error().message, unknownEmail.error().message);
        QCOMPARE(wrongPassword.error().toJson(), unknownEmail.error().toJson());
    }

    void unknownEmailCostsTheSameHashing()
    {
        // An unknown email is verified against a dummy hash, so it takes about
        // as long as a wrong password for a real account (no timing oracle).
        // Medians of 5, with a loose bound: skipping argon2id would be ~50x faster.
        const QString email = uniqueEmail(QStringLiteral("timing"));
        signup(email);
        LoginThrottle throttle; // its own, so the attempts are not throttled
        AccountService accounts(*m_db, m_config, throttle);
        auto median = [&](const QString &who) {
            QList<qint64> times;
            for (int i = 0; i < 5; ++i) {
                QElapsedTimer timer;
                timer.start();
                accounts.login(who, QStringLiteral("wrong password %1").arg(i), {QStringLiteral("192.0.2.%1").arg(100 + i), {}, {}});
                times.append(timer.nsecsElapsed());
            }
            std::sort(times.begin(), times.end());
            return times.at(2);
        };
        const qint64 known = median(email);
        const qint64 unknown = median(uniqueEmail(QStringLiteral("nobody")));
        qInfo("login, wrong password: %.1f ms; unknown email: %.1f ms", known / 1e6, unknown / 1e6);
        QVERIFY2(unknown * 2 > known && known * 2 > unknown, "login timing differs between known and unknown emails");
    }

    void disabledAccountCannotLoginNorUseSessions()
    {
        const QString email = uniqueEmail(QStringLiteral("disabled"));
        const SessionGrant grant = signup(email);
        ownerExec("UPDATE users SET disabled_at = now() WHERE id = '" + grant.user.id.toStdString() + "'");
        QVERIFY(!resolve(grant.token).has_value());
        auto login = m_accounts->login(email, password, m_client);
        QVERIFY(!login.ok());
        QCOMPARE(login.error().code, QStringLiteral("auth.invalid_credentials"));
    }

    void loginThrottledAfterFiveFailures()
    {
        const QString email = uniqueEmail(QStringLiteral("throttle"));
        signup(email);
        const AccountService::Client client{QStringLiteral("198.51.100.20"), {}, {}};
        for (int i = 0; i < 4; ++i)
            QCOMPARE(m_accounts->login(email, QStringLiteral("wrong password %1").arg(i), client).error().status, 401);
        QCOMPARE(m_accounts->login(email, QStringLiteral("wrong password 5"), client).error().status, 401);
        // Locked now: even the right password gets 429 with a Retry-After.
        auto locked = m_accounts->login(email, password, client);
        QVERIFY(!locked.ok());
        QCOMPARE(locked.error().status, 429);
        QCOMPARE(locked.error().code, QStringLiteral("auth.throttled"));
        QVERIFY(locked.error().details.value(QStringLiteral("retryAfter")).toInteger() >= 1);
        QTest::qWait(1100);
        AUTH_VERIFY_OK(m_accounts->login(email, password, client));
        QCOMPARE(m_throttle->accountFailures(email.toLower()), 0);
    }

    void logoutRevokesTheSession()
    {
        const SessionGrant grant = signup(uniqueEmail(QStringLiteral("logout")));
        auto second = m_accounts->login(grant.user.email, password, m_client);
        AUTH_VERIFY_OK(second);
        AUTH_VERIFY_OK(m_accounts->logout(grant.user.id, grant.sessionId));
        QVERIFY(!resolve(grant.token).has_value());
        QVERIFY(resolve(second->token).has_value()); // other sessions live on
        // Logging out someone else's session does nothing (RLS: not visible).
        const SessionGrant other = signup(uniqueEmail(QStringLiteral("other")));
        AUTH_VERIFY_OK(m_accounts->logout(grant.user.id, other.sessionId));
        QVERIFY(resolve(other.token).has_value());
    }

    void idleAndAbsoluteExpiry_data()
    {
        QTest::addColumn<QString>("column");
        QTest::newRow("idle expiry passed") << "idle_expires_at";
        QTest::newRow("absolute expiry passed") << "expires_at";
        QTest::newRow("revoked") << "revoked_at";
    }

    void idleAndAbsoluteExpiry()
    {
        QFETCH(QString, column);
        const SessionGrant grant = signup(uniqueEmail(QStringLiteral("expiry")));
        QVERIFY(resolve(grant.token).has_value());
        ownerExec("UPDATE sessions SET " + column.toStdString() + " = now() - interval '1 second' WHERE id = '"
                  + grant.sessionId.toStdString() + "'");
        QVERIFY(!resolve(grant.token).has_value());
    }

    void lastSeenTouchedAtMostOnceAMinute()
    {
        const SessionGrant grant = signup(uniqueEmail(QStringLiteral("touch")));
        const std::string id = grant.sessionId.toStdString();
        ownerExec("UPDATE sessions SET last_seen_at = now() - interval '2 minutes', "
                  "idle_expires_at = now() + interval '5 minutes' WHERE id = '" + id + "'");
        QVERIFY(resolve(grant.token).has_value());
        const std::string seen1 = ownerQuery1("SELECT last_seen_at::text FROM sessions WHERE id = '" + id + "'");
        QVERIFY(ownerQuery1("SELECT (last_seen_at > now() - interval '10 seconds')::text FROM sessions WHERE id = '"
                            + id + "'") == "true");
        // The idle expiry moved forward by the idle timeout (24 h), never past the absolute expiry.
        QCOMPARE(ownerQuery1("SELECT (idle_expires_at > now() + interval '23 hours' AND idle_expires_at <= expires_at)"
                             "::text FROM sessions WHERE id = '" + id + "'"),
                 std::string("true"));
        QVERIFY(resolve(grant.token).has_value());
        const std::string seen2 = ownerQuery1("SELECT last_seen_at::text FROM sessions WHERE id = '" + id + "'");
        QCOMPARE(seen2, seen1);
    }

    void passwordChangeRevokesOtherSessions()
    {
        const QString email = uniqueEmail(QStringLiteral("chpw"));
        const SessionGrant first = signup(email);
        auto second = m_accounts->login(email, password, m_client);
        AUTH_VERIFY_OK(second);
        const QString newPassword = QStringLiteral("a brand new passphrase");

        auto wrong = m_accounts->changePassword(first.user.id, first.sessionId, QStringLiteral("not the password"),
                                                newPassword, m_client.address);
        QVERIFY(!wrong.ok());
        QCOMPARE(wrong.error().status, 403);
        auto weak = m_accounts->changePassword(first.user.id, first.sessionId, password, QStringLiteral("short"),
                                               m_client.address);
        QCOMPARE(weak.error().code, QStringLiteral("auth.weak_password"));

        AUTH_VERIFY_OK(m_accounts->changePassword(first.user.id, first.sessionId, password, newPassword,
                                                  m_client.address));
        QVERIFY(resolve(first.token).has_value());
        QVERIFY(!resolve(second->token).has_value());
        QCOMPARE(*m_accounts->liveSessionCount(first.user.id), 1);
        QCOMPARE(m_accounts->login(email, password, m_client).error().status, 401);
        AUTH_VERIFY_OK(m_accounts->login(email, newPassword, m_client));
    }

    void loginRehashesOutdatedHashes()
    {
        const QString email = uniqueEmail(QStringLiteral("rehash"));
        const SessionGrant grant = signup(email); // m=19 MiB
        AuthConfig stronger = m_config;
        stronger.passwordParams = {3, 24u * 1024u * 1024u};
        LoginThrottle throttle;
        AccountService upgraded(*m_db, stronger, throttle);
        AUTH_VERIFY_OK(upgraded.login(email, password, m_client));
        const std::string hash = ownerQuery1("SELECT password_hash FROM users WHERE id = '" + grant.user.id.toStdString()
                                             + "'");
        QVERIFY2(QByteArray::fromStdString(hash).startsWith("$argon2id$v=19$m=24576,t=3,p=1$"), hash.c_str());
        AUTH_VERIFY_OK(m_accounts->login(email, password, m_client)); // still verifies at the old service's params
    }

    void malformedTokensResolveToNobody_data()
    {
        QTest::addColumn<QByteArray>("token");
        QTest::newRow("empty") << QByteArray();
        QTest::newRow("no prefix") << QByteArray(43, 'A');
        QTest::newRow("unknown session token") << crypto::randomToken(crypto::SessionTokenPrefix);
        QTest::newRow("unknown API token") << crypto::randomToken(crypto::ApiTokenPrefix);
        QTest::newRow("invite token is not a credential") << crypto::randomToken(crypto::InviteTokenPrefix);
        QTest::newRow("SQL metacharacters") << QByteArray("sss_'; SELECT pg_sleep(5); --");
    }

    void malformedTokensResolveToNobody()
    {
        QFETCH(QByteArray, token);
        auto principal = m_accounts->resolveToken(token);
        AUTH_VERIFY_OK(principal);
        QVERIFY(!principal->has_value());
    }

    void apiTokensScopedToOneOrg()
    {
        const SessionGrant ana = signup(uniqueEmail(QStringLiteral("tokens")));
        auto org = m_orgs->create(ana.user.id, QStringLiteral("Token Org"));
        AUTH_VERIFY_OK(org);
        auto created = m_accounts->createApiToken(ana.user.id, org->id, QStringLiteral("  CI script  "));
        AUTH_VERIFY_OK(created);
        QVERIFY(created->token.startsWith(QLatin1StringView(crypto::ApiTokenPrefix)));
        QCOMPARE(created->info.name, QStringLiteral("CI script"));
        QCOMPARE(created->info.hint, created->token.left(8));
        QCOMPARE(created->info.orgName, QStringLiteral("Token Org"));

        auto listed = m_accounts->listApiTokens(ana.user.id);
        AUTH_VERIFY_OK(listed);
        QCOMPARE(listed->size(), 1);
        QVERIFY(listed->at(0).lastUsedAt.isEmpty());

        const auto principal = resolve(created->token);
        QVERIFY(principal.has_value());
        QVERIFY(principal->kind == Principal::Kind::ApiToken);
        QCOMPARE(principal->orgId, org->id);
        QCOMPARE(principal->userId, ana.user.id);
        QCOMPARE(principal->credentialId, created->info.id);
        QVERIFY(!m_accounts->listApiTokens(ana.user.id)->at(0).lastUsedAt.isEmpty());

        // Another user can neither revoke nor see it.
        const SessionGrant bob = signup(uniqueEmail(QStringLiteral("bob")));
        QCOMPARE(m_accounts->revokeApiToken(bob.user.id, created->info.id).error().status, 404);
        QCOMPARE(m_accounts->listApiTokens(bob.user.id)->size(), 0);
        // Nor make one for an org he is not in: 404, not 403.
        QCOMPARE(m_accounts->createApiToken(bob.user.id, org->id, QStringLiteral("sneaky")).error().status, 404);
        QCOMPARE(m_accounts->createApiToken(bob.user.id, QStringLiteral("not-a-uuid"), QStringLiteral("x")).error().status,
                 404);

        AUTH_VERIFY_OK(m_accounts->revokeApiToken(ana.user.id, created->info.id));
        AUTH_VERIFY_OK(m_accounts->revokeApiToken(ana.user.id, created->info.id)); // idempotent
        QVERIFY(!resolve(created->token).has_value());
        QVERIFY(!m_accounts->listApiTokens(ana.user.id)->at(0).revokedAt.isEmpty());
    }

    void apiTokenDiesWithMembershipAndExpiry()
    {
        const SessionGrant owner = signup(uniqueEmail(QStringLiteral("owner")));
        const SessionGrant member = signup(uniqueEmail(QStringLiteral("member")));
        auto org = m_orgs->create(owner.user.id, QStringLiteral("Membership Org"));
        AUTH_VERIFY_OK(org);
        auto invite = m_orgs->invite(owner.user.id, org->id, member.user.email, Role::Editor);
        AUTH_VERIFY_OK(invite);
        AUTH_VERIFY_OK(m_orgs->accept(member.user.id, invite->token.toLatin1()));
        auto token = m_accounts->createApiToken(member.user.id, org->id, QStringLiteral("laptop"), 30);
        AUTH_VERIFY_OK(token);
        QVERIFY(!token->info.expiresAt.isEmpty());
        QVERIFY(resolve(token->token).has_value());
        AUTH_VERIFY_OK(m_orgs->removeMember(owner.user.id, org->id, member.user.id));
        QVERIFY(!resolve(token->token).has_value());

        auto ownerToken = m_accounts->createApiToken(owner.user.id, org->id, QStringLiteral("expiring"), 1);
        AUTH_VERIFY_OK(ownerToken);
        ownerExec("UPDATE api_tokens SET expires_at = now() - interval '1 second' WHERE id = '"
                  + ownerToken->info.id.toStdString() + "'");
        QVERIFY(!resolve(ownerToken->token).has_value());
    }

    void adminsManageTheOrgsTokens()
    {
        const SessionGrant owner = signup(uniqueEmail(QStringLiteral("tm-owner")));
        const SessionGrant editor = signup(uniqueEmail(QStringLiteral("tm-editor")));
        auto org = m_orgs->create(owner.user.id, QStringLiteral("Token Managers"));
        auto other = m_orgs->create(editor.user.id, QStringLiteral("Elsewhere"));
        AUTH_VERIFY_OK(org);
        AUTH_VERIFY_OK(other);
        auto invite = m_orgs->invite(owner.user.id, org->id, editor.user.email, Role::Editor);
        AUTH_VERIFY_OK(invite);
        AUTH_VERIFY_OK(m_orgs->accept(editor.user.id, invite->token.toLatin1()));
        auto editorToken = m_accounts->createApiToken(editor.user.id, org->id, QStringLiteral("editor script"));
        auto elsewhereToken = m_accounts->createApiToken(editor.user.id, other->id, QStringLiteral("other org"));
        AUTH_VERIFY_OK(editorToken);
        AUTH_VERIFY_OK(elsewhereToken);

        auto listed = m_accounts->listOrgApiTokens(owner.user.id, org->id);
        AUTH_VERIFY_OK(listed);
        QCOMPARE(listed->size(), 1); // not the editor's token for the other org
        QCOMPARE(listed->at(0).userEmail, editor.user.email);
        QCOMPARE(listed->at(0).userId, editor.user.id);
        QCOMPARE(m_accounts->listOrgApiTokens(editor.user.id, org->id).error().status, 403);
        QCOMPARE(m_accounts->listOrgApiTokens(owner.user.id, other->id).error().status, 404);
        // The owner cannot reach a token of another org, even knowing its id.
        QCOMPARE(m_accounts->revokeOrgApiToken(owner.user.id, org->id, elsewhereToken->info.id).error().status, 404);
        QVERIFY(resolve(elsewhereToken->token).has_value());
        AUTH_VERIFY_OK(m_accounts->revokeOrgApiToken(owner.user.id, org->id, editorToken->info.id));
        QVERIFY(!resolve(editorToken->token).has_value());
    }
};

QTEST_GUILESS_MAIN(TestAuthAccounts)
#include "tst_auth_accounts.moc"
