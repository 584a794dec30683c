// SPDX-License-Identifier: GPL-3.0-or-later
// The audit trail and webhook outbox of accounts and access, against the real
// PostgreSQL: every account, token, org, invite and membership action leaves
// exactly its audit row (action, org, actor, object, details, client address,
// request id) and, for membership changes, its webhook delivery — written in
// the action's own transaction, so a refused action leaves neither.
#include "tst_auth_support.h"

#include "auth/authroutes.h"
#include "http/requestcontext.h"
#include "http/router.h"
#include "ops/auditlog.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>

#include <pqxx/pqxx>

#include <variant>

using namespace slidespec::server;
using namespace authtest;

namespace {

struct AuditRow
{
    QString orgId;
    QString actorId;
    QString action;
    QString objectType;
    QString objectId;
    QJsonObject details;
    QString address;
    QString requestId;
};

struct Delivery
{
    QString event;
    QJsonObject body;
};

/*! What one action should have left behind. */
struct Expected
{
    QString orgId;       //!< the org whose trail and outbox take the event (empty: account-level)
    QString actorId;
    QString objectType;
    QString objectId;
    QJsonObject details{};     //!< each of these keys with this value (others may be there too)
    QStringList absentDetails{}; //!< keys that must not be there
    QString webhookEvent{};    //!< empty: no delivery
    QJsonObject webhookData{};
};

const QString clientIp = QStringLiteral("203.0.113.7");

} // namespace

class TestAuthAudit : public QObject
{
    Q_OBJECT

    Urls m_urls;
    QString m_adminUrl; //!< the cluster's superuser: reads audit rows no app scope can see (a failed login's)
    std::unique_ptr<Database> m_db;
    AuthConfig m_config = testConfig();
    LoginThrottle m_throttle;
    std::unique_ptr<AccountService> m_accounts;
    std::unique_ptr<OrgService> m_orgs;
    std::unique_ptr<AuthModule> m_auth; //!< the real routes and authenticator, for the pipeline test
    Router m_router;

    /*! Dispatches a request through the router as the HTTP server would, with request id \a rid from \a address. */
    QJsonObject call(const QByteArray &method, const QString &path, const QJsonObject &body, const QString &token,
                     const QString &rid, const QString &address, int *status)
    {
        HttpRequestData request;
        request.method = method;
        request.path = path;
        request.headers.append(qMakePair(QByteArray("content-type"), QByteArray("application/json")));
        if (!token.isEmpty())
            request.headers.append(qMakePair(QByteArray("authorization"), QByteArray("Bearer " + token.toLatin1())));
        request.body = QJsonDocument(body).toJson(QJsonDocument::Compact);
        request.peerAddress = QHostAddress(address);
        RequestContext context(request, rid.toLatin1(), QHostAddress(address));
        const HttpResponse response = m_router.dispatch(context);
        *status = response.status();
        return QJsonDocument::fromJson(response.body()).object();
    }

    /*! The request's side of the events: what AuditEvent::fromRequest() gives the services. */
    static AuditEvent trail(const QString &requestId)
    {
        AuditEvent event;
        event.clientAddress = clientIp;
        event.requestId = requestId;
        event.details = {{QStringLiteral("credential"), QStringLiteral("session")}};
        return event;
    }

    static AccountService::Client client()
    {
        // A throttle key of its own, so failed logins here never lock out another test.
        return {clientIp, QStringLiteral("tst_auth_audit"), QUuid::createUuid().toString()};
    }

    QList<AuditRow> auditRows(const QString &requestId)
    {
        pqxx::connection c(m_adminUrl.toStdString());
        pqxx::work tx(c);
        QList<AuditRow> rows;
        for (const auto &r : tx.exec_params(
                 "SELECT coalesce(org_id::text, ''), coalesce(actor_user_id::text, ''), action, object_type, "
                 "object_id, details::text, coalesce(host(client_address), ''), request_id FROM audit_events "
                 "WHERE request_id = $1 ORDER BY id",
                 requestId.toStdString())) {
            rows.append({QString::fromStdString(r[0].as<std::string>()), QString::fromStdString(r[1].as<std::string>()),
                         QString::fromStdString(r[2].as<std::string>()), QString::fromStdString(r[3].as<std::string>()),
                         QString::fromStdString(r[4].as<std::string>()),
                         QJsonDocument::fromJson(QByteArray::fromStdString(r[5].as<std::string>())).object(),
                         QString::fromStdString(r[6].as<std::string>()), QString::fromStdString(r[7].as<std::string>())});
        }
        return rows;
    }

    QList<Delivery> deliveries(const QString &orgId)
    {
        QList<Delivery> list;
        if (orgId.isEmpty())
            return list;
        pqxx::connection c(m_adminUrl.toStdString());
        pqxx::work tx(c);
        for (const auto &r : tx.exec_params("SELECT event, body FROM webhook_deliveries WHERE org_id = $1::uuid "
                                            "ORDER BY created_at, id",
                                            orgId.toStdString())) {
            list.append({QString::fromStdString(r[0].as<std::string>()),
                         QJsonDocument::fromJson(QByteArray::fromStdString(r[1].as<std::string>())).object()});
        }
        return list;
    }

    /*! An active webhook of \a orgId subscribed to the membership events. */
    void addWebhook(const QString &orgId)
    {
        pqxx::connection c(m_adminUrl.toStdString());
        pqxx::work tx(c);
        tx.exec_params("INSERT INTO webhooks (org_id, url, events, secret) VALUES ($1::uuid, "
                       "'https://hooks.example.com/slidespec', "
                       "ARRAY['member.added', 'member.removed', 'member.role_changed'], 'whsec_test')",
                       orgId.toStdString());
        tx.commit();
    }

    SessionGrant newAccount(const QString &tag)
    {
        auto grant = m_accounts->signup(uniqueEmail(tag), password, tag, client());
        if (!grant.ok())
            qFatal("signup failed: %s", qPrintable(grant.error().message));
        return *grant;
    }

    QString newOrg(const QString &ownerId)
    {
        auto org = m_orgs->create(ownerId, QStringLiteral("Audit Test Org"));
        if (!org.ok())
            qFatal("org creation failed: %s", qPrintable(org.error().message));
        return org->id;
    }

    void join(const QString &ownerId, const QString &orgId, const UserInfo &member, Role role)
    {
        auto invite = m_orgs->invite(ownerId, orgId, member.email, role);
        if (!invite.ok())
            qFatal("invite failed: %s", qPrintable(invite.error().message));
        auto accepted = m_orgs->accept(member.id, invite->token.toLatin1());
        if (!accepted.ok())
            qFatal("accept failed: %s", qPrintable(accepted.error().message));
    }

    /*!
     * Sets up and performs \a action with request id \a rid; returns what it
     * should have recorded, or an error message. Setup runs without a
     * request id, so only the action itself can leave rows with \a rid.
     */
    std::variant<Expected, QString> perform(const QString &action, const QString &rid)
    {
        const AuditEvent t = trail(rid);
        const auto failed = [](const ApiError &e) { return e.code + QStringLiteral(": ") + e.message; };

        if (action == u"account.signup") {
            const QString email = uniqueEmail(QStringLiteral("signup"));
            auto grant = m_accounts->signup(email, password, QStringLiteral("New"), client(), t);
            if (!grant)
                return failed(grant.error());
            return Expected{{}, grant->user.id, QStringLiteral("user"), grant->user.id};
        }
        if (action == u"account.login") {
            const SessionGrant account = newAccount(QStringLiteral("login"));
            auto grant = m_accounts->login(account.user.email, password, client(), t);
            if (!grant)
                return failed(grant.error());
            return Expected{{}, account.user.id, QStringLiteral("session"), grant->sessionId};
        }
        if (action == u"account.login_failed (wrong password)") {
            const SessionGrant account = newAccount(QStringLiteral("wrongpw"));
            auto grant = m_accounts->login(account.user.email, QStringLiteral("not the password at all"), client(), t);
            if (grant || grant.error().status != 401)
                return QStringLiteral("the login was not refused with 401");
            return Expected{{}, {}, QStringLiteral("user"), account.user.id,
                            {{QStringLiteral("email"), account.user.email.toLower()},
                             {QStringLiteral("reason"), QStringLiteral("wrong_password")}}};
        }
        if (action == u"account.login_failed (unknown email)") {
            const QString email = uniqueEmail(QStringLiteral("nobody"));
            auto grant = m_accounts->login(email, password, client(), t);
            if (grant || grant.error().status != 401)
                return QStringLiteral("the login was not refused with 401");
            return Expected{{}, {}, {}, {},
                            {{QStringLiteral("email"), email.toLower()},
                             {QStringLiteral("reason"), QStringLiteral("unknown_email")}}};
        }
        if (action == u"account.login_failed (a password typed as the email is not kept)") {
            auto grant = m_accounts->login(QStringLiteral("hunter2 secret words"), password, client(), t);
            if (grant || grant.error().status != 401)
                return QStringLiteral("the login was not refused with 401");
            return Expected{{}, {}, {}, {}, {{QStringLiteral("emailMalformed"), true}}, {QStringLiteral("email")}};
        }
        if (action == u"account.logout") {
            const SessionGrant account = newAccount(QStringLiteral("logout"));
            auto done = m_accounts->logout(account.user.id, account.sessionId, t);
            if (!done)
                return failed(done.error());
            return Expected{{}, account.user.id, QStringLiteral("session"), account.sessionId};
        }
        if (action == u"account.password_changed") {
            const SessionGrant account = newAccount(QStringLiteral("pwchange"));
            auto other = m_accounts->login(account.user.email, password, client());
            if (!other)
                return failed(other.error());
            auto done = m_accounts->changePassword(account.user.id, account.sessionId, password,
                                                   QStringLiteral("a brand new long passphrase"), clientIp, t);
            if (!done)
                return failed(done.error());
            return Expected{{}, account.user.id, QStringLiteral("user"), account.user.id,
                            {{QStringLiteral("sessionsRevoked"), 1}}};
        }
        if (action == u"account.session_revoked") {
            const SessionGrant account = newAccount(QStringLiteral("device"));
            auto other = m_accounts->login(account.user.email, password, client());
            if (!other)
                return failed(other.error());
            auto done = m_accounts->revokeSession(account.user.id, other->sessionId, t);
            if (!done)
                return failed(done.error());
            return Expected{{}, account.user.id, QStringLiteral("session"), other->sessionId};
        }

        // Org-level actions: an owner, an org with a webhook on the membership events.
        const SessionGrant owner = newAccount(QStringLiteral("owner"));
        if (action == u"org.created") {
            auto org = m_orgs->create(owner.user.id, QStringLiteral("Fresh Org"), {}, t);
            if (!org)
                return failed(org.error());
            return Expected{org->id, owner.user.id, QStringLiteral("org"), org->id,
                            {{QStringLiteral("name"), QStringLiteral("Fresh Org")}}};
        }
        const QString orgId = newOrg(owner.user.id);
        const SessionGrant member = newAccount(QStringLiteral("member"));

        if (action == u"org.updated") {
            addWebhook(orgId);
            auto org = m_orgs->update(owner.user.id, orgId, QStringLiteral("Renamed"), std::nullopt, t);
            if (!org)
                return failed(org.error());
            return Expected{orgId, owner.user.id, QStringLiteral("org"), orgId,
                            {{QStringLiteral("changed"), QJsonArray{QStringLiteral("name")}}}};
        }
        if (action == u"token.created") {
            addWebhook(orgId);
            auto token = m_accounts->createApiToken(owner.user.id, orgId, QStringLiteral("ci"), 30, t);
            if (!token)
                return failed(token.error());
            return Expected{orgId, owner.user.id, QStringLiteral("api_token"), token->info.id,
                            {{QStringLiteral("name"), QStringLiteral("ci")}},
                            {QStringLiteral("token")}};
        }
        if (action == u"token.revoked (by its owner)") {
            auto token = m_accounts->createApiToken(owner.user.id, orgId, QStringLiteral("ci"));
            if (!token)
                return failed(token.error());
            addWebhook(orgId);
            auto done = m_accounts->revokeApiToken(owner.user.id, token->info.id, t);
            if (!done)
                return failed(done.error());
            return Expected{orgId, owner.user.id, QStringLiteral("api_token"), token->info.id,
                            {{QStringLiteral("ownerUserId"), owner.user.id}}};
        }
        if (action == u"token.revoked (by an admin)") {
            join(owner.user.id, orgId, member.user, Role::Editor);
            auto token = m_accounts->createApiToken(member.user.id, orgId, QStringLiteral("laptop"));
            if (!token)
                return failed(token.error());
            addWebhook(orgId);
            auto done = m_accounts->revokeOrgApiToken(owner.user.id, orgId, token->info.id, t);
            if (!done)
                return failed(done.error());
            return Expected{orgId, owner.user.id, QStringLiteral("api_token"), token->info.id,
                            {{QStringLiteral("ownerUserId"), member.user.id}}};
        }
        if (action == u"member.invited") {
            addWebhook(orgId);
            auto invite = m_orgs->invite(owner.user.id, orgId, member.user.email, Role::Editor, t);
            if (!invite)
                return failed(invite.error());
            return Expected{orgId, owner.user.id, QStringLiteral("invite"), invite->info.id,
                            {{QStringLiteral("email"), member.user.email.toLower()},
                             {QStringLiteral("role"), QStringLiteral("editor")}}};
        }
        if (action == u"invite.revoked") {
            auto invite = m_orgs->invite(owner.user.id, orgId, member.user.email, Role::Viewer);
            if (!invite)
                return failed(invite.error());
            addWebhook(orgId);
            auto done = m_orgs->revokeInvite(owner.user.id, orgId, invite->info.id, t);
            if (!done)
                return failed(done.error());
            return Expected{orgId, owner.user.id, QStringLiteral("invite"), invite->info.id};
        }
        if (action == u"member.joined") {
            auto invite = m_orgs->invite(owner.user.id, orgId, member.user.email, Role::Editor);
            if (!invite)
                return failed(invite.error());
            addWebhook(orgId);
            auto accepted = m_orgs->accept(member.user.id, invite->token.toLatin1(), t);
            if (!accepted)
                return failed(accepted.error());
            return Expected{orgId, member.user.id, QStringLiteral("user"), member.user.id,
                            {{QStringLiteral("role"), QStringLiteral("editor")}}, {},
                            QStringLiteral("member.added"),
                            {{QStringLiteral("userId"), member.user.id}, {QStringLiteral("role"), QStringLiteral("editor")}}};
        }
        if (action == u"member.role_changed") {
            join(owner.user.id, orgId, member.user, Role::Editor);
            addWebhook(orgId);
            auto changed = m_orgs->changeRole(owner.user.id, orgId, member.user.id, Role::Admin, t);
            if (!changed)
                return failed(changed.error());
            return Expected{orgId, owner.user.id, QStringLiteral("user"), member.user.id,
                            {{QStringLiteral("from"), QStringLiteral("editor")}, {QStringLiteral("to"), QStringLiteral("admin")}},
                            {}, QStringLiteral("member.role_changed"),
                            {{QStringLiteral("userId"), member.user.id}, {QStringLiteral("role"), QStringLiteral("admin")}}};
        }
        if (action == u"member.removed") {
            join(owner.user.id, orgId, member.user, Role::Viewer);
            addWebhook(orgId);
            auto done = m_orgs->removeMember(owner.user.id, orgId, member.user.id, t);
            if (!done)
                return failed(done.error());
            return Expected{orgId, owner.user.id, QStringLiteral("user"), member.user.id,
                            {{QStringLiteral("role"), QStringLiteral("viewer")}, {QStringLiteral("left"), false}},
                            {}, QStringLiteral("member.removed"),
                            {{QStringLiteral("userId"), member.user.id}, {QStringLiteral("role"), QStringLiteral("viewer")}}};
        }
        if (action == u"member.removed (leaving)") {
            join(owner.user.id, orgId, member.user, Role::Admin);
            addWebhook(orgId);
            auto done = m_orgs->removeMember(member.user.id, orgId, member.user.id, t);
            if (!done)
                return failed(done.error());
            return Expected{orgId, member.user.id, QStringLiteral("user"), member.user.id,
                            {{QStringLiteral("role"), QStringLiteral("admin")}, {QStringLiteral("left"), true}},
                            {}, QStringLiteral("member.removed"),
                            {{QStringLiteral("userId"), member.user.id}, {QStringLiteral("role"), QStringLiteral("admin")}}};
        }
        return QStringLiteral("no such test action: ") + action;
    }

    /*!
     * Sets up a refused action and tries it with request id \a rid; returns
     * the org whose outbox must stay empty, or sets \a problem.
     */
    QString refuse(const QString &what, const QString &rid, int *status, QString *problem)
    {
        const AuditEvent t = trail(rid);
        const auto fail = [problem](const QString &message) {
            *problem = message;
            return QString();
        };
        const SessionGrant owner = newAccount(QStringLiteral("owner"));
        const QString orgId = newOrg(owner.user.id);
        const SessionGrant member = newAccount(QStringLiteral("member"));
        join(owner.user.id, orgId, member.user, Role::Editor);
        addWebhook(orgId);
        ApiError error;
        const auto keep = [&](const auto &result) {
            if (result.ok())
                return false;
            error = result.error();
            return true;
        };

        bool refused = false;
        if (what == u"the last owner leaving")
            refused = keep(m_orgs->removeMember(owner.user.id, orgId, owner.user.id, t));
        else if (what == u"the last owner demoting themselves")
            refused = keep(m_orgs->changeRole(owner.user.id, orgId, owner.user.id, Role::Admin, t));
        else if (what == u"an editor removing a member")
            refused = keep(m_orgs->removeMember(member.user.id, orgId, owner.user.id, t));
        else if (what == u"an editor promoting themselves")
            refused = keep(m_orgs->changeRole(member.user.id, orgId, member.user.id, Role::Owner, t));
        else if (what == u"inviting an existing member")
            refused = keep(m_orgs->invite(owner.user.id, orgId, member.user.email, Role::Viewer, t));
        else if (what == u"accepting an invite for another email") {
            auto invite = m_orgs->invite(owner.user.id, orgId, uniqueEmail(QStringLiteral("someone")), Role::Viewer);
            if (!invite)
                return fail(QStringLiteral("setup: ") + invite.error().message);
            const SessionGrant stranger = newAccount(QStringLiteral("stranger"));
            refused = keep(m_orgs->accept(stranger.user.id, invite->token.toLatin1(), t));
        } else if (what == u"signing up with a weak password")
            refused = keep(m_accounts->signup(uniqueEmail(), QStringLiteral("short"), {}, client(), t));
        else if (what == u"signing up with a taken email")
            refused = keep(m_accounts->signup(member.user.email, password, {}, client(), t));
        else if (what == u"changing the password with a wrong current one")
            refused = keep(m_accounts->changePassword(member.user.id, member.sessionId, QStringLiteral("wrong guess here"),
                                                      QStringLiteral("another fine passphrase"), clientIp, t));
        else if (what == u"revoking someone else's token") {
            auto token = m_accounts->createApiToken(member.user.id, orgId, QStringLiteral("mine"));
            if (!token)
                return fail(QStringLiteral("setup: ") + token.error().message);
            refused = keep(m_accounts->revokeApiToken(owner.user.id, token->info.id, t));
        } else if (what == u"revoking someone else's session")
            refused = keep(m_accounts->revokeSession(owner.user.id, member.sessionId, t));
        else if (what == u"an editor updating the org")
            refused = keep(m_orgs->update(member.user.id, orgId, QStringLiteral("Mine now"), std::nullopt, t));
        else
            return fail(QStringLiteral("no such refusal: ") + what);
        if (!refused)
            return fail(QStringLiteral("the action was not refused"));
        *status = error.status;
        return orgId;
    }

private slots:
    void initTestCase()
    {
        m_urls = urls();
        if (!m_urls.error.isEmpty())
            QFAIL(qPrintable(m_urls.error));
        const QString migrated = migrate(m_urls);
        QVERIFY2(migrated.isEmpty(), qPrintable(migrated));
        // scripts/pg.sh's superuser (trust auth on the test cluster), overridable.
        m_adminUrl = qEnvironmentVariable("SLIDESPEC_TEST_ADMIN_DATABASE_URL");
        if (m_adminUrl.isEmpty()) {
            QUrl admin(m_urls.migration);
            admin.setUserName(QStringLiteral("slidespec_admin"));
            m_adminUrl = admin.toString();
        }
        try {
            pqxx::connection c(m_adminUrl.toStdString());
            pqxx::work tx(c);
            QVERIFY2(tx.exec1("SELECT rolbypassrls OR rolsuper FROM pg_roles WHERE rolname = current_user")[0].as<bool>(),
                     "the admin URL must be a role that bypasses RLS (SLIDESPEC_TEST_ADMIN_DATABASE_URL)");
        } catch (const std::exception &e) {
            QFAIL(qPrintable(QStringLiteral("cannot connect as the test cluster's superuser (%1): %2; set "
                                            "SLIDESPEC_TEST_ADMIN_DATABASE_URL")
                                 .arg(m_adminUrl, QString::fromUtf8(e.what()))));
        }
        m_db = authtest::connect(m_urls.app);
        m_accounts = std::make_unique<AccountService>(*m_db, m_config, m_throttle);
        m_orgs = std::make_unique<OrgService>(*m_db, m_config);
        m_auth = std::make_unique<AuthModule>(*m_db, m_config);
        QVERIFY(m_auth->install(m_router));
    }

    /*!
     * Through the router: the routes hand the services the request's id,
     * client address and credential kind, so the rows carry them.
     */
    void routesRecordTheRequestContext()
    {
        const QString address = QStringLiteral("198.51.100.23");
        const QString email = uniqueEmail(QStringLiteral("http"));
        int status = 0;

        const QString signupRid = QStringLiteral("http-signup-") + QUuid::createUuid().toString(QUuid::Id128);
        const QJsonObject session = call("POST", QStringLiteral("/api/v1/auth/signup"),
                                         {{QStringLiteral("email"), email}, {QStringLiteral("password"), password}},
                                         {}, signupRid, address, &status);
        QCOMPARE(status, 201);
        const QString token = session.value(QStringLiteral("token")).toString();
        const QString userId = session.value(QStringLiteral("user")).toObject().value(QStringLiteral("id")).toString();
        QList<AuditRow> rows = auditRows(signupRid);
        QCOMPARE(rows.size(), 1);
        QCOMPARE(rows.first().action, QStringLiteral("account.signup"));
        QCOMPARE(rows.first().actorId, userId);
        QCOMPARE(rows.first().address, address);
        QVERIFY(!rows.first().details.contains(QStringLiteral("credential"))); // anonymous: no credential yet

        const QString orgRid = QStringLiteral("http-org-") + QUuid::createUuid().toString(QUuid::Id128);
        const QJsonObject org = call("POST", QStringLiteral("/api/v1/orgs"), {{QStringLiteral("name"), QStringLiteral("Via HTTP")}},
                                     token, orgRid, address, &status);
        QCOMPARE(status, 201);
        rows = auditRows(orgRid);
        QCOMPARE(rows.size(), 1);
        QCOMPARE(rows.first().action, QStringLiteral("org.created"));
        QCOMPARE(rows.first().orgId, org.value(QStringLiteral("id")).toString());
        QCOMPARE(rows.first().actorId, userId);
        QCOMPARE(rows.first().address, address);
        QCOMPARE(rows.first().requestId, orgRid);
        QCOMPARE(rows.first().details.value(QStringLiteral("credential")).toString(), QStringLiteral("session"));

        const QString failRid = QStringLiteral("http-fail-") + QUuid::createUuid().toString(QUuid::Id128);
        call("POST", QStringLiteral("/api/v1/auth/login"),
             {{QStringLiteral("email"), email}, {QStringLiteral("password"), QStringLiteral("not my password at all")}}, {},
             failRid, address, &status);
        QCOMPARE(status, 401);
        rows = auditRows(failRid);
        QCOMPARE(rows.size(), 1);
        QCOMPARE(rows.first().action, QStringLiteral("account.login_failed"));
        QCOMPARE(rows.first().actorId, QString());
        QCOMPARE(rows.first().objectId, userId);
        QCOMPARE(rows.first().address, address);
        QCOMPARE(rows.first().details.value(QStringLiteral("email")).toString(), email.toLower());
    }

    void eachActionLeavesExactlyItsAuditRow_data()
    {
        QTest::addColumn<QString>("action");
        for (const char *name :
             {"account.signup", "account.login", "account.login_failed (wrong password)",
              "account.login_failed (unknown email)", "account.login_failed (a password typed as the email is not kept)",
              "account.logout", "account.password_changed", "account.session_revoked", "token.created",
              "token.revoked (by its owner)", "token.revoked (by an admin)", "org.created", "org.updated",
              "member.invited", "invite.revoked", "member.joined", "member.role_changed", "member.removed",
              "member.removed (leaving)"}) {
            QTest::newRow(name) << QString::fromLatin1(name);
        }
    }

    void eachActionLeavesExactlyItsAuditRow()
    {
        QFETCH(QString, action);
        const QString rid = QStringLiteral("req-") + QUuid::createUuid().toString(QUuid::Id128);
        auto outcome = perform(action, rid);
        if (std::holds_alternative<QString>(outcome))
            QFAIL(qPrintable(std::get<QString>(outcome)));
        const Expected expected = std::get<Expected>(outcome);

        const QList<AuditRow> rows = auditRows(rid);
        QCOMPARE(rows.size(), 1);
        const AuditRow &row = rows.first();
        QCOMPARE(row.action, action.section(u' ', 0, 0));
        QCOMPARE(row.orgId, expected.orgId);
        QCOMPARE(row.actorId, expected.actorId);
        QCOMPARE(row.objectType, expected.objectType);
        QCOMPARE(row.objectId, expected.objectId);
        QCOMPARE(row.address, clientIp);
        QCOMPARE(row.requestId, rid);
        QCOMPARE(row.details.value(QStringLiteral("credential")).toString(), QStringLiteral("session"));
        for (auto it = expected.details.begin(); it != expected.details.end(); ++it)
            QVERIFY2(row.details.value(it.key()) == it.value(), qPrintable(QStringLiteral("details.") + it.key()));
        for (const QString &key : expected.absentDetails)
            QVERIFY2(!row.details.contains(key), qPrintable(QStringLiteral("details.") + key + QStringLiteral(" kept")));
        const QByteArray detailsText = QJsonDocument(row.details).toJson(QJsonDocument::Compact);
        QVERIFY2(!detailsText.contains(password.toUtf8()), "a password in the audit details");
        // A token's hint (its first 8 characters) may be there; a whole token never.
        static const QRegularExpression wholeToken(QStringLiteral("ss[psi]_[A-Za-z0-9_-]{16,}"));
        QVERIFY2(!QString::fromUtf8(detailsText).contains(wholeToken), "a token in the audit details");

        const QList<Delivery> sent = deliveries(expected.orgId);
        if (expected.webhookEvent.isEmpty()) {
            QVERIFY2(sent.isEmpty(), qPrintable(QStringLiteral("unexpected delivery: ") + (sent.isEmpty() ? QString() : sent.first().event)));
        } else {
            QCOMPARE(sent.size(), 1);
            QCOMPARE(sent.first().event, expected.webhookEvent);
            QCOMPARE(sent.first().body.value(QStringLiteral("event")).toString(), expected.webhookEvent);
            QCOMPARE(sent.first().body.value(QStringLiteral("orgId")).toString(), expected.orgId);
            const QJsonObject data = sent.first().body.value(QStringLiteral("data")).toObject();
            for (auto it = expected.webhookData.begin(); it != expected.webhookData.end(); ++it)
                QVERIFY2(data.value(it.key()) == it.value(), qPrintable(QStringLiteral("data.") + it.key()));
        }
    }

    void repeatingAnIdempotentActionRecordsNothingMore_data()
    {
        QTest::addColumn<QString>("what");
        QTest::newRow("revoking a revoked session") << QStringLiteral("session");
        QTest::newRow("revoking a revoked token") << QStringLiteral("token");
        QTest::newRow("revoking a revoked invite") << QStringLiteral("invite");
        QTest::newRow("setting the role a member has") << QStringLiteral("role");
    }

    void repeatingAnIdempotentActionRecordsNothingMore()
    {
        QFETCH(QString, what);
        const SessionGrant owner = newAccount(QStringLiteral("owner"));
        const QString orgId = newOrg(owner.user.id);
        const SessionGrant member = newAccount(QStringLiteral("member"));
        const QString first = QStringLiteral("req-") + QUuid::createUuid().toString(QUuid::Id128);
        const QString again = QStringLiteral("req-") + QUuid::createUuid().toString(QUuid::Id128);
        if (what == u"session") {
            auto other = m_accounts->login(owner.user.email, password, client());
            AUTH_VERIFY_OK(other);
            AUTH_VERIFY_OK(m_accounts->revokeSession(owner.user.id, other->sessionId, trail(first)));
            AUTH_VERIFY_OK(m_accounts->revokeSession(owner.user.id, other->sessionId, trail(again)));
        } else if (what == u"token") {
            auto token = m_accounts->createApiToken(owner.user.id, orgId, QStringLiteral("t"));
            AUTH_VERIFY_OK(token);
            AUTH_VERIFY_OK(m_accounts->revokeApiToken(owner.user.id, token->info.id, trail(first)));
            AUTH_VERIFY_OK(m_accounts->revokeOrgApiToken(owner.user.id, orgId, token->info.id, trail(again)));
        } else if (what == u"invite") {
            auto invite = m_orgs->invite(owner.user.id, orgId, member.user.email, Role::Viewer);
            AUTH_VERIFY_OK(invite);
            AUTH_VERIFY_OK(m_orgs->revokeInvite(owner.user.id, orgId, invite->info.id, trail(first)));
            AUTH_VERIFY_OK(m_orgs->revokeInvite(owner.user.id, orgId, invite->info.id, trail(again)));
        } else {
            join(owner.user.id, orgId, member.user, Role::Editor);
            addWebhook(orgId);
            AUTH_VERIFY_OK(m_orgs->changeRole(owner.user.id, orgId, member.user.id, Role::Viewer, trail(first)));
            AUTH_VERIFY_OK(m_orgs->changeRole(owner.user.id, orgId, member.user.id, Role::Viewer, trail(again)));
            QCOMPARE(deliveries(orgId).size(), 1);
        }
        QCOMPARE(auditRows(first).size(), 1);
        QCOMPARE(auditRows(again).size(), 0);
    }

    void refusedActionLeavesNoRows_data()
    {
        QTest::addColumn<QString>("what");
        QTest::addColumn<int>("status");
        QTest::newRow("the last owner leaving") << QStringLiteral("the last owner leaving") << 409;
        QTest::newRow("the last owner demoting themselves") << QStringLiteral("the last owner demoting themselves") << 409;
        QTest::newRow("an editor removing a member") << QStringLiteral("an editor removing a member") << 403;
        QTest::newRow("an editor promoting themselves") << QStringLiteral("an editor promoting themselves") << 403;
        QTest::newRow("inviting an existing member") << QStringLiteral("inviting an existing member") << 409;
        QTest::newRow("accepting an invite for another email")
            << QStringLiteral("accepting an invite for another email") << 403;
        QTest::newRow("signing up with a weak password") << QStringLiteral("signing up with a weak password") << 400;
        QTest::newRow("signing up with a taken email") << QStringLiteral("signing up with a taken email") << 409;
        QTest::newRow("changing the password with a wrong current one")
            << QStringLiteral("changing the password with a wrong current one") << 403;
        QTest::newRow("revoking someone else's token") << QStringLiteral("revoking someone else's token") << 404;
        QTest::newRow("revoking someone else's session") << QStringLiteral("revoking someone else's session") << 404;
        QTest::newRow("an editor updating the org") << QStringLiteral("an editor updating the org") << 403;
    }

    void refusedActionLeavesNoRows()
    {
        QFETCH(QString, what);
        QFETCH(int, status);
        const QString rid = QStringLiteral("req-") + QUuid::createUuid().toString(QUuid::Id128);
        int got = 0;
        QString problem;
        const QString orgId = refuse(what, rid, &got, &problem);
        if (!problem.isEmpty())
            QFAIL(qPrintable(problem));
        QCOMPARE(got, status);
        QCOMPARE(auditRows(rid).size(), 0);
        QCOMPARE(deliveries(orgId).size(), 0);
    }
};

QTEST_GUILESS_MAIN(TestAuthAudit)
#include "tst_auth_audit.moc"
