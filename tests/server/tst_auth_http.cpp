// SPDX-License-Identifier: GPL-3.0-or-later
// The auth routes through the real router pipeline (in-process, no sockets)
// on the real PostgreSQL: signup → login → me → logout → 401; every route
// needs a credential; login throttling and the auth rate limit answer 429
// with Retry-After; API tokens stay in their org and die when revoked; a
// password change revokes the other sessions; invites are single use; the
// last owner cannot leave; and each role × route meets the permission matrix.
#include "tst_auth_support.h"

#include "auth/authroutes.h"
#include "auth/authservices.h"
#include "auth/sessionauthenticator.h"
#include "http/openapi.h"
#include "http/requestcontext.h"
#include "http/router.h"
#include "http/service.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

using namespace slidespec::server;
using namespace authtest;

namespace {

struct Reply
{
    int status = 0;
    QJsonObject json;
    QByteArray retryAfter;
    QString code() const { return json.value(QStringLiteral("error")).toObject().value(QStringLiteral("code")).toString(); }
};

QString randomUuid()
{
    return QUuid::createUuid().toString(QUuid::WithoutBraces);
}

} // namespace

class TestAuthHttp : public QObject
{
    Q_OBJECT

    Urls m_urls;
    std::unique_ptr<Database> m_db;
    std::unique_ptr<AuthModule> m_auth;
    Router m_router;
    int m_addressCounter = 1;

    /*! A fresh client address, so rate limits of one test do not touch another. */
    QString freshAddress()
    {
        const int n = m_addressCounter++;
        return QStringLiteral("10.9.%1.%2").arg(n / 250).arg(n % 250 + 1);
    }

    Reply call(const QByteArray &method, const QString &path, const QByteArray &body = {}, const QString &token = {},
               const QString &address = QStringLiteral("10.0.0.1"))
    {
        HttpRequestData request;
        request.method = method;
        request.path = path;
        if (!body.isEmpty())
            request.headers.append(qMakePair(QByteArray("content-type"), QByteArray("application/json")));
        if (!token.isEmpty())
            request.headers.append(qMakePair(QByteArray("authorization"), QByteArray("Bearer " + token.toLatin1())));
        request.headers.append(qMakePair(QByteArray("user-agent"), QByteArray("tst_auth_http")));
        request.body = body;
        request.peerAddress = QHostAddress(address);
        RequestContext context(request, newRequestId(), QHostAddress(address));
        const HttpResponse response = m_router.dispatch(context);
        Reply reply;
        reply.status = response.status();
        reply.json = QJsonDocument::fromJson(response.body()).object();
        reply.retryAfter = response.header("Retry-After");
        return reply;
    }

    static QByteArray json(const QJsonObject &object) { return QJsonDocument(object).toJson(QJsonDocument::Compact); }

    /*! Signs up a new account over HTTP; returns (token, user id, email). */
    std::tuple<QString, QString, QString> signup(const QString &tag)
    {
        const QString email = uniqueEmail(tag);
        const Reply reply = call("POST", QStringLiteral("/api/v1/auth/signup"),
                                 json({{QStringLiteral("email"), email}, {QStringLiteral("password"), password}}), {},
                                 freshAddress());
        if (reply.status != 201)
            qFatal("signup over HTTP: %d %s", reply.status, QJsonDocument(reply.json).toJson().constData());
        return {reply.json.value(QStringLiteral("token")).toString(),
                reply.json.value(QStringLiteral("user")).toObject().value(QStringLiteral("id")).toString(), email};
    }

    QString createOrg(const QString &token, const QString &name)
    {
        const Reply reply = call("POST", QStringLiteral("/api/v1/orgs"), json({{QStringLiteral("name"), name}}), token);
        if (reply.status != 201)
            qFatal("create org: %d", reply.status);
        return reply.json.value(QStringLiteral("id")).toString();
    }

    /*! Invites \a email as \a role (by \a ownerToken) and accepts with \a token. */
    void join(const QString &ownerToken, const QString &orgId, const QString &email, const QString &token,
              const QString &role)
    {
        const Reply invite = call("POST", QStringLiteral("/api/v1/orgs/%1/invites").arg(orgId),
                                  json({{QStringLiteral("email"), email}, {QStringLiteral("role"), role}}), ownerToken);
        if (invite.status != 201)
            qFatal("invite: %d", invite.status);
        const Reply accepted = call(
            "POST", QStringLiteral("/api/v1/invites/%1/accept").arg(invite.json.value(QStringLiteral("token")).toString()),
            {}, token, freshAddress());
        if (accepted.status != 200)
            qFatal("accept: %d", accepted.status);
    }

    /*! \a pattern with its parameters filled: {orgId} by \a orgId, others by a random UUID. */
    static QString fill(const QString &pattern, const QString &orgId)
    {
        QString path = pattern;
        path.replace(QStringLiteral("{orgId}"), orgId);
        static const QRegularExpression param(QStringLiteral("\\{[A-Za-z_]+\\}"));
        while (path.contains(param))
            path.replace(path.indexOf(param), path.indexOf(u'}', path.indexOf(param)) - path.indexOf(param) + 1,
                         randomUuid());
        return path;
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
        m_auth = std::make_unique<AuthModule>(*m_db, testConfig());
        QVERIFY(m_auth->install(m_router));
    }

    void routesNameKnownPermissions()
    {
        int count = 0;
        for (const Route &route : m_router.routes()) {
            QVERIFY2(route.permission.isEmpty() || isKnownAction(route.permission), qPrintable(route.pattern));
            QVERIFY2(!route.doc.summary.isEmpty(), qPrintable(route.pattern));
            ++count;
        }
        QCOMPARE(count, 24); // + DELETE /orgs/{orgId}
    }

    void installAuthWiresAServiceInOneCall()
    {
        ServerConfig config;
        config.databaseUrl = m_urls.app;
        config.publicBaseUrl = QStringLiteral("https://team.example.org");
        Service service(config);
        AuthModule &module = installAuth(service);
        QCOMPARE(module.services().config().publicBaseUrl, QStringLiteral("https://team.example.org"));
        QCOMPARE(service.router().authenticator(), static_cast<Authenticator *>(&module.authenticator()));
        // Every auth route is in the OpenAPI document, with its schemas.
        const QJsonObject doc = openApiDocument(service.router(), config.publicBaseUrl, QStringLiteral("test"));
        const QJsonObject paths = doc.value(QStringLiteral("paths")).toObject();
        const QJsonObject schemas =
            doc.value(QStringLiteral("components")).toObject().value(QStringLiteral("schemas")).toObject();
        for (const Route &route : m_router.routes()) {
            const QJsonObject item = paths.value(route.pattern).toObject();
            QVERIFY2(item.contains(QString::fromLatin1(route.method.toLower())),
                     qPrintable(QString::fromLatin1(route.method) + u' ' + route.pattern));
            for (const QString &schema : {route.doc.requestSchema, route.doc.responseSchema})
                QVERIFY2(schema.isEmpty() || schemas.contains(schema), qPrintable(schema));
        }
    }

    void signupLoginMeLogout()
    {
        const QString address = freshAddress();
        const QString email = uniqueEmail(QStringLiteral("flow"));
        Reply reply = call("POST", QStringLiteral("/api/v1/auth/signup"),
                           json({{QStringLiteral("email"), email},
                                 {QStringLiteral("password"), password},
                                 {QStringLiteral("displayName"), QStringLiteral("Flow")}}),
                           {}, address);
        QCOMPARE(reply.status, 201);
        QVERIFY(reply.json.value(QStringLiteral("token")).toString().startsWith(QStringLiteral("sss_")));

        reply = call("POST", QStringLiteral("/api/v1/auth/login"),
                     json({{QStringLiteral("email"), email}, {QStringLiteral("password"), password}}), {}, address);
        QCOMPARE(reply.status, 200);
        const QString token = reply.json.value(QStringLiteral("token")).toString();

        reply = call("GET", QStringLiteral("/api/v1/me"), {}, token);
        QCOMPARE(reply.status, 200);
        QCOMPARE(reply.json.value(QStringLiteral("user")).toObject().value(QStringLiteral("email")).toString(), email);
        QCOMPARE(reply.json.value(QStringLiteral("orgs")).toArray().size(), 0);
        QCOMPARE(reply.json.value(QStringLiteral("credential")).toObject().value(QStringLiteral("kind")).toString(),
                 QStringLiteral("session"));

        const QString orgId = createOrg(token, QStringLiteral("Flow Org"));
        reply = call("GET", QStringLiteral("/api/v1/me"), {}, token);
        const QJsonObject org = reply.json.value(QStringLiteral("orgs")).toArray().at(0).toObject();
        QCOMPARE(org.value(QStringLiteral("id")).toString(), orgId);
        QCOMPARE(org.value(QStringLiteral("role")).toString(), QStringLiteral("owner"));
        QJsonArray expected;
        for (const QString &action : allowedActions(Role::Owner))
            expected.append(action);
        QCOMPARE(org.value(QStringLiteral("allowedActions")).toArray(), expected);

        QCOMPARE(call("POST", QStringLiteral("/api/v1/auth/logout"), {}, token).status, 204);
        reply = call("GET", QStringLiteral("/api/v1/me"), {}, token);
        QCOMPARE(reply.status, 401);
        QCOMPARE(reply.code(), QStringLiteral("auth.required"));
    }

    void everyProtectedRouteNeedsACredential_data()
    {
        QTest::addColumn<QByteArray>("method");
        QTest::addColumn<QString>("path");
        QTest::addColumn<QString>("token");
        const QStringList tokens{QString(), QStringLiteral("sss_") + QString(43, u'A'),
                                 QString::fromLatin1(crypto::randomToken(crypto::ApiTokenPrefix)),
                                 QStringLiteral("not a token at all")};
        const QStringList tokenNames{QStringLiteral("no header"), QStringLiteral("unknown session"),
                                     QStringLiteral("unknown API token"), QStringLiteral("garbage")};
        for (const Route &route : m_router.routes()) {
            if (route.auth != AuthMode::Required)
                continue;
            for (int i = 0; i < tokens.size(); ++i) {
                QTest::addRow("%s %s, %s", route.method.constData(), qPrintable(route.pattern),
                              qPrintable(tokenNames.at(i)))
                    << route.method << fill(route.pattern, randomUuid()) << tokens.at(i);
            }
        }
    }

    void everyProtectedRouteNeedsACredential()
    {
        QFETCH(QByteArray, method);
        QFETCH(QString, path);
        QFETCH(QString, token);
        const Reply reply = call(method, path, "{}", token);
        QCOMPARE(reply.status, 401);
        QCOMPARE(reply.code(), QStringLiteral("auth.required"));
    }

    void loginThrottleAnswers429WithRetryAfter()
    {
        const auto [token, userId, email] = signup(QStringLiteral("throttle"));
        Q_UNUSED(token);
        Q_UNUSED(userId);
        const QString address = freshAddress();
        const QByteArray wrong = json({{QStringLiteral("email"), email}, {QStringLiteral("password"), QStringLiteral("wrong wrong wrong")}});
        for (int i = 0; i < 5; ++i) {
            const Reply reply = call("POST", QStringLiteral("/api/v1/auth/login"), wrong, {}, address);
            QCOMPARE(reply.status, 401);
            QCOMPARE(reply.code(), QStringLiteral("auth.invalid_credentials"));
        }
        const Reply locked = call("POST", QStringLiteral("/api/v1/auth/login"),
                                  json({{QStringLiteral("email"), email}, {QStringLiteral("password"), password}}), {},
                                  address);
        QCOMPARE(locked.status, 429);
        QCOMPARE(locked.code(), QStringLiteral("auth.throttled"));
        QVERIFY(locked.retryAfter.toInt() >= 1);
        // Unknown accounts are throttled the same way: no enumeration through 429s either.
        const QString ghost = uniqueEmail(QStringLiteral("ghost"));
        const QString address2 = freshAddress();
        for (int i = 0; i < 5; ++i) {
            QCOMPARE(call("POST", QStringLiteral("/api/v1/auth/login"),
                          json({{QStringLiteral("email"), ghost}, {QStringLiteral("password"), QStringLiteral("whatever it is")}}),
                          {}, address2)
                         .status,
                     401);
        }
        QCOMPARE(call("POST", QStringLiteral("/api/v1/auth/login"),
                      json({{QStringLiteral("email"), ghost}, {QStringLiteral("password"), QStringLiteral("whatever it is")}}),
                      {}, address2)
                     .status,
                 429);
    }

    void authRateLimitPerAddress()
    {
        const QString address = freshAddress();
        int limited = 0;
        QByteArray retryAfter;
        for (int i = 0; i < 25; ++i) {
            const Reply reply = call("POST", QStringLiteral("/api/v1/auth/signup"), "{not json", {}, address);
            if (reply.status == 429) {
                ++limited;
                retryAfter = reply.retryAfter;
                QCOMPARE(reply.code(), QStringLiteral("rate_limited"));
            } else {
                QCOMPARE(reply.status, 400); // malformed JSON, refused clearly
            }
        }
        QVERIFY2(limited >= 4, qPrintable(QString::number(limited)));
        QVERIFY(retryAfter.toInt() >= 1);
        // Another address is not affected.
        QCOMPARE(call("POST", QStringLiteral("/api/v1/auth/signup"), "{not json", {}, freshAddress()).status, 400);
    }

    void ipv6ClientsCountedByTheirSlash64()
    {
        // Rotating through addresses of one /64 does not escape the limit.
        int limited = 0;
        for (int i = 0; i < 25; ++i) {
            const QString address = QStringLiteral("2001:db8:77:1::%1").arg(i + 1, 0, 16);
            if (call("POST", QStringLiteral("/api/v1/auth/signup"), "{not json", {}, address).status == 429)
                ++limited;
        }
        QVERIFY2(limited >= 4, qPrintable(QString::number(limited)));
        QCOMPARE(call("POST", QStringLiteral("/api/v1/auth/signup"), "{not json", {}, QStringLiteral("2001:db8:77:2::1")).status,
                 400);
    }

    void badBodies_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<QString>("code");
        QTest::newRow("malformed JSON") << QByteArray("{\"email\": ") << "request.invalid_json";
        QTest::newRow("array instead of object") << QByteArray("[]") << "request.expected_object";
        QTest::newRow("email is a number") << QByteArray("{\"email\": 42, \"password\": \"x\"}") << "request.invalid_field";
        QTest::newRow("password missing") << QByteArray("{\"email\": \"a@example.com\"}") << "request.invalid_field";
        QTest::newRow("email with SQL") << QByteArray("{\"email\": \"a'--@example.com; DROP TABLE users\", \"password\": \"long enough password\"}")
                                        << "auth.invalid_email";
    }

    void badBodies()
    {
        QFETCH(QByteArray, body);
        QFETCH(QString, code);
        const Reply reply = call("POST", QStringLiteral("/api/v1/auth/signup"), body, {}, freshAddress());
        QCOMPARE(reply.status, 400);
        QCOMPARE(reply.code(), code);
    }

    void apiTokensStayInTheirOrgAndDieWhenRevoked()
    {
        const auto [session, userId, email] = signup(QStringLiteral("apitok"));
        Q_UNUSED(userId);
        Q_UNUSED(email);
        const QString orgA = createOrg(session, QStringLiteral("Token A"));
        const QString orgB = createOrg(session, QStringLiteral("Token B"));
        Reply created = call("POST", QStringLiteral("/api/v1/me/tokens"),
                             json({{QStringLiteral("name"), QStringLiteral("ci")}, {QStringLiteral("orgId"), orgA}}),
                             session);
        QCOMPARE(created.status, 201);
        const QString apiToken = created.json.value(QStringLiteral("token")).toString();
        QVERIFY(apiToken.startsWith(QStringLiteral("ssp_")));

        QCOMPARE(call("GET", QStringLiteral("/api/v1/orgs/%1").arg(orgA), {}, apiToken).status, 200);
        QCOMPARE(call("GET", QStringLiteral("/api/v1/orgs/%1").arg(orgB), {}, apiToken).status, 404);
        const Reply me = call("GET", QStringLiteral("/api/v1/me"), {}, apiToken);
        QCOMPARE(me.status, 200);
        QCOMPARE(me.json.value(QStringLiteral("orgs")).toArray().size(), 1);
        QCOMPARE(call("GET", QStringLiteral("/api/v1/orgs"), {}, apiToken).json.value(QStringLiteral("orgs")).toArray().size(), 1);
        QCOMPARE(call("GET", QStringLiteral("/api/v1/orgs"), {}, session).json.value(QStringLiteral("orgs")).toArray().size(), 2);
        // A script token cannot mint tokens, change the password or create orgs.
        QCOMPARE(call("POST", QStringLiteral("/api/v1/me/tokens"),
                      json({{QStringLiteral("name"), QStringLiteral("more")}, {QStringLiteral("orgId"), orgA}}), apiToken)
                     .code(),
                 QStringLiteral("auth.session_required"));
        QCOMPARE(call("POST", QStringLiteral("/api/v1/orgs"), json({{QStringLiteral("name"), QStringLiteral("x")}}), apiToken).status,
                 403);

        const Reply listed = call("GET", QStringLiteral("/api/v1/me/tokens"), {}, session);
        QCOMPARE(listed.status, 200);
        const QJsonObject first = listed.json.value(QStringLiteral("tokens")).toArray().at(0).toObject();
        QVERIFY(!first.contains(QStringLiteral("token"))); // the secret is never listed
        QVERIFY(first.value(QStringLiteral("lastUsedAt")).isString());

        QCOMPARE(call("DELETE", QStringLiteral("/api/v1/me/tokens/%1").arg(created.json.value(QStringLiteral("id")).toString()),
                      {}, session)
                     .status,
                 204);
        QCOMPARE(call("GET", QStringLiteral("/api/v1/orgs/%1").arg(orgA), {}, apiToken).status, 401);
    }

    void passwordChangeRevokesOtherSessions()
    {
        const auto [first, userId, email] = signup(QStringLiteral("pwhttp"));
        Q_UNUSED(userId);
        const Reply second = call("POST", QStringLiteral("/api/v1/auth/login"),
                                  json({{QStringLiteral("email"), email}, {QStringLiteral("password"), password}}), {},
                                  freshAddress());
        QCOMPARE(second.status, 200);
        const QString secondToken = second.json.value(QStringLiteral("token")).toString();
        QCOMPARE(call("POST", QStringLiteral("/api/v1/me/password"),
                      json({{QStringLiteral("currentPassword"), password},
                            {QStringLiteral("newPassword"), QStringLiteral("another long passphrase")}}),
                      first)
                     .status,
                 204);
        QCOMPARE(call("GET", QStringLiteral("/api/v1/me"), {}, first).status, 200);
        QCOMPARE(call("GET", QStringLiteral("/api/v1/me"), {}, secondToken).status, 401);
    }

    void sessionsListedAndRevokedOneByOne()
    {
        const auto [laptop, userId, email] = signup(QStringLiteral("devices"));
        Q_UNUSED(userId);
        const Reply phone = call("POST", QStringLiteral("/api/v1/auth/login"),
                                 json({{QStringLiteral("email"), email}, {QStringLiteral("password"), password}}), {},
                                 QStringLiteral("203.0.113.77"));
        QCOMPARE(phone.status, 200);
        const Reply listed = call("GET", QStringLiteral("/api/v1/me/sessions"), {}, laptop);
        QCOMPARE(listed.status, 200);
        const QJsonArray sessions = listed.json.value(QStringLiteral("sessions")).toArray();
        QCOMPARE(sessions.size(), 2);
        int current = 0;
        QString phoneId;
        for (const QJsonValue &v : sessions) {
            const QJsonObject session = v.toObject();
            QVERIFY(!session.contains(QStringLiteral("token")));
            QCOMPARE(session.value(QStringLiteral("userAgent")).toString(), QStringLiteral("tst_auth_http"));
            current += session.value(QStringLiteral("current")).toBool() ? 1 : 0;
            if (session.value(QStringLiteral("address")).toString() == u"203.0.113.77")
                phoneId = session.value(QStringLiteral("id")).toString();
        }
        QCOMPARE(current, 1);
        QVERIFY(!phoneId.isEmpty());
        QCOMPARE(call("DELETE", QStringLiteral("/api/v1/me/sessions/%1").arg(phoneId), {}, laptop).status, 204);
        QCOMPARE(call("GET", QStringLiteral("/api/v1/me"), {}, phone.json.value(QStringLiteral("token")).toString()).status,
                 401);
        QCOMPARE(call("GET", QStringLiteral("/api/v1/me"), {}, laptop).status, 200);
        // Someone else's session id: 404.
        const auto [other, otherId, otherEmail] = signup(QStringLiteral("devices-other"));
        Q_UNUSED(otherId);
        Q_UNUSED(otherEmail);
        const QString otherSession = call("GET", QStringLiteral("/api/v1/me/sessions"), {}, other)
                                         .json.value(QStringLiteral("sessions")).toArray().at(0).toObject()
                                         .value(QStringLiteral("id")).toString();
        QCOMPARE(call("DELETE", QStringLiteral("/api/v1/me/sessions/%1").arg(otherSession), {}, laptop).status, 404);
        QCOMPARE(call("GET", QStringLiteral("/api/v1/me"), {}, other).status, 200);
    }

    void inviteAcceptedOnceAndLastOwnerStays()
    {
        const auto [owner, ownerId, ownerEmail] = signup(QStringLiteral("inv-owner"));
        Q_UNUSED(ownerEmail);
        const auto [guest, guestId, guestEmail] = signup(QStringLiteral("inv-guest"));
        Q_UNUSED(guestId);
        const QString orgId = createOrg(owner, QStringLiteral("Invite HTTP"));
        const Reply invite = call("POST", QStringLiteral("/api/v1/orgs/%1/invites").arg(orgId),
                                  json({{QStringLiteral("email"), guestEmail}, {QStringLiteral("role"), QStringLiteral("editor")}}),
                                  owner);
        QCOMPARE(invite.status, 201);
        const QString link = invite.json.value(QStringLiteral("link")).toString();
        QVERIFY(link.startsWith(QStringLiteral("https://slides.example.com/invite/ssi_")));
        const QString path = QStringLiteral("/api/v1/invites/%1/accept").arg(invite.json.value(QStringLiteral("token")).toString());
        QCOMPARE(call("POST", path, {}, guest, freshAddress()).status, 200);
        const Reply again = call("POST", path, {}, guest, freshAddress());
        QCOMPARE(again.status, 410);
        QCOMPARE(again.code(), QStringLiteral("invites.used"));

        const Reply leave = call("DELETE", QStringLiteral("/api/v1/orgs/%1/members/%2").arg(orgId, ownerId), {}, owner);
        QCOMPARE(leave.status, 409);
        QCOMPARE(leave.code(), QStringLiteral("members.last_owner"));
        QCOMPARE(call("GET", QStringLiteral("/api/v1/orgs/%1/members").arg(orgId), {}, guest)
                     .json.value(QStringLiteral("members")).toArray().size(),
                 2);
    }

    void roleByRouteMatrix()
    {
        // One org with a member of each role; every org route with a
        // permission, called by each role: 403 auth.forbidden exactly when
        // the matrix says no. Other ids in the path are random (404 from the
        // handler when allowed), and bodies are empty (400), so nothing changes.
        const auto [owner, ownerId, ownerEmail] = signup(QStringLiteral("m-owner"));
        Q_UNUSED(ownerId);
        Q_UNUSED(ownerEmail);
        const QString orgId = createOrg(owner, QStringLiteral("Matrix"));
        QHash<Role, QString> tokens{{Role::Owner, owner}};
        for (const Role role : {Role::Admin, Role::Editor, Role::Viewer}) {
            const auto [token, id, email] = signup(QStringLiteral("m-") + roleName(role));
            Q_UNUSED(id);
            join(owner, orgId, email, token, roleName(role));
            tokens.insert(role, token);
        }
        const auto [outsider, outsiderId, outsiderEmail] = signup(QStringLiteral("m-outsider"));
        Q_UNUSED(outsiderId);
        Q_UNUSED(outsiderEmail);

        int checked = 0;
        for (const Route &route : m_router.routes()) {
            if (route.permission.isEmpty() || !route.pattern.contains(QStringLiteral("{orgId}")))
                continue;
            const QString path = fill(route.pattern, orgId);
            for (const Role role : allRoles()) {
                const Reply reply = call(route.method, path, {}, tokens.value(role));
                const bool allowed = roleAllows(role, route.permission);
                const QString what = QStringLiteral("%1 %2 as %3: %4 %5")
                                         .arg(QString::fromLatin1(route.method), route.pattern, roleName(role))
                                         .arg(reply.status)
                                         .arg(reply.code());
                if (allowed)
                    QVERIFY2(reply.code() != u"auth.forbidden" && reply.status != 401, qPrintable(what));
                else
                    QVERIFY2(reply.status == 403 && reply.code() == u"auth.forbidden", qPrintable(what));
                ++checked;
            }
            // Not a member: 404, never 403 (the org's existence is not revealed).
            const Reply stranger = call(route.method, path, {}, outsider);
            QCOMPARE(stranger.status, 404);
            QCOMPARE(stranger.code(), QStringLiteral("orgs.not_found"));
        }
        QCOMPARE(checked, 11 * 4); // 11 org routes with a permission × 4 roles
        // The viewer's own view agrees with the matrix.
        const Reply me = call("GET", QStringLiteral("/api/v1/me"), {}, tokens.value(Role::Viewer));
        QJsonArray viewerActions;
        for (const QString &a : allowedActions(Role::Viewer))
            viewerActions.append(a);
        QCOMPARE(me.json.value(QStringLiteral("orgs")).toArray().at(0).toObject().value(QStringLiteral("allowedActions")).toArray(),
                 viewerActions);
    }
};

QTEST_GUILESS_MAIN(TestAuthHttp)
#include "tst_auth_http.moc"
