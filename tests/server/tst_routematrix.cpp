// SPDX-License-Identifier: GPL-3.0-or-later
// The route × role authorization matrix, generated from the router of the
// real server (installModules on a fresh, migrated PostgreSQL database), so a
// route registered anywhere is covered without touching this file.
//
// For every route (one data row each):
// - no credential → 401 with the error envelope (AuthMode::Required); routes
//   with AuthMode::None/Optional are only checked never to answer 5xx;
// - each role of org A (viewer, editor, admin, owner) → when the permission
//   matrix allows the route's permission: neither 401/403 nor 5xx (a
//   `*.not_found` 404 only when a path parameter could not be resolved to a
//   real object; a state 404 such as jobs.not_dead is fine); when it does
//   not: 403 with the envelope;
// - A's owner with org B's ids (B's org and B's objects), and with A's org
//   but B's objects → 404, and the body shows none of B's ids or names.
//
// Event streams (text/event-stream routes) are checked like any route: the
// client reads just the status line and headers of a streamed answer (it has
// no Content-Length, so RawConnection returns at the end of the head), checks
// it is an event stream, and hangs up, which ends the stream on the server.
//
// Order never matters: writes run on a fresh session of the caller (logout or
// a password change cannot break later rows), DELETE runs as a freshly
// joined member with the role on freshly made objects.
#include "auth/authroutes.h"
#include "auth/authservices.h"
#include "auth/permissions.h"
#include "http/service.h"
#include "serverfixture.h"
#include "tst_auth_support.h"
#include "tst_image_support.h"
#include "tst_world_support.h"

#include <QBuffer>
#include <QColor>
#include <QFile>
#include <QHash>
#include <QMap>
#include <QImage>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>
#include <QUrl>
#include <QUuid>

#include <algorithm>
#include <functional>
#include <memory>

using namespace slidespec::server;
using slidespec::server::test::RawConnection;
using slidespec::server::test::RawResponse;
using slidespec::server::test::TestDatabase;

namespace {

using Headers = QList<QPair<QByteArray, QByteArray>>;

struct Member
{
    QString id;
    QString email;
    QByteArray token; //!< a long-lived session, for reads
};

/*! One org and the objects made in it, by path parameter name. */
struct Org
{
    QString id;
    QString name;
    Member owner;
    QHash<QString, QString> objects; //!< deckId → …, brandKitId → …
    QStringList secrets;             //!< ids and names that must never leak to another org
};

QByteArray deckSpec()
{
    return QByteArrayLiteral("{\"version\":1,\"format\":\"slidespec\",\"id\":\"d1\",\"title\":\"Matrix\","
                             "\"brand\":{\"colors\":{\"background\":\"#ffffff\",\"text\":\"#1a1a1a\"},"
                             "\"fonts\":{\"body\":{\"family\":\"Inter\"}}},"
                             "\"slides\":[{\"id\":\"s1\",\"elements\":[{\"type\":\"text\",\"id\":\"t1\",\"role\":\"title\","
                             "\"frame\":{\"x\":40,\"y\":30,\"w\":400,\"h\":60},"
                             "\"text\":{\"paragraphs\":[{\"runs\":[{\"text\":\"Hi\"}]}]}}]}]}");
}

QByteArray resource(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

QJsonObject jsonOf(const RawResponse &r)
{
    return QJsonDocument::fromJson(r.body).object();
}

QByteArray describe(const RawResponse &r)
{
    if (!r.ok)
        return QByteArrayLiteral("no complete response");
    return QByteArray::number(r.status) + ": " + r.body.left(300);
}

/*! Empty when \a r is an error envelope `{error: {code, message}}`, else what is wrong. */
QByteArray envelopeProblem(const RawResponse &r)
{
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(r.body, &parseError);
    if (parseError.error != QJsonParseError::NoError || !doc.isObject())
        return QByteArrayLiteral("the error body is not a JSON object");
    const QJsonObject error = doc.object().value(QStringLiteral("error")).toObject();
    if (error.value(QStringLiteral("code")).toString().isEmpty()
        || error.value(QStringLiteral("message")).toString().isEmpty())
        return QByteArrayLiteral("the error body has no error.code/error.message");
    if (!r.header("content-type").startsWith("application/json"))
        return QByteArrayLiteral("the error is not served as application/json");
    return {};
}

const QList<Role> kRoles{Role::Viewer, Role::Editor, Role::Admin, Role::Owner};

bool isWrite(const QByteArray &method)
{
    return method != "GET" && method != "HEAD";
}

} // namespace

class TstRouteMatrix : public QObject
{
    Q_OBJECT

private:
    TestDatabase m_db;
    QTemporaryDir m_storageDir;
    std::unique_ptr<Service> m_service;
    std::unique_ptr<AuthModule> m_auth; //!< services on the same database, to make users, orgs and invites (not installed)
    QString m_setupError;
    Org m_a;
    Org m_b;
    Org m_c; //!< a third org, only to hold invites the callers may accept
    QMap<Role, Member> m_members; //!< org A's member with each role
    QStringList m_table;           //!< the summary, one line per route
    int m_counter = 0;

    AccountService::Client client() const
    {
        AccountService::Client c;
        c.address = QStringLiteral("192.0.2.77");
        c.throttleKey = QStringLiteral("matrix-") + QUuid::createUuid().toString(QUuid::Id128);
        return c;
    }

    QString unique(const QString &tag) { return QStringLiteral("%1-%2-%3").arg(tag).arg(++m_counter).arg(QUuid::createUuid().toString(QUuid::Id128).left(8)); }

    /*! One request over a fresh connection; an empty \a token sends no Authorization. */
    RawResponse call(const QByteArray &method, const QString &target, const QByteArray &token,
                     const QByteArray &body = {}, Headers headers = {})
    {
        RawConnection c(m_service->port());
        if (!token.isEmpty())
            headers.append({QByteArray("Authorization"), QByteArray("Bearer " + token)});
        bool hasType = false;
        for (const auto &h : headers)
            hasType = hasType || h.first.compare("content-type", Qt::CaseInsensitive) == 0;
        if (!body.isEmpty() && !hasType)
            headers.append({QByteArray("Content-Type"), QByteArray("application/json")});
        if (isWrite(method) && body.isEmpty())
            headers.append({QByteArray("Content-Length"), QByteArray("0")});
        return c.request(method, QUrl(target).toEncoded(QUrl::FullyEncoded), body, headers, 20000);
    }

    /*! A new account; empty id on failure (m_setupError says why). */
    Member signup(const QString &tag)
    {
        const QString email = authtest::uniqueEmail(tag);
        auto grant = m_auth->services().accounts().signup(email, authtest::password, tag, client());
        if (!grant) {
            m_setupError = QStringLiteral("signup failed: ") + grant.error().message;
            return {};
        }
        return {grant->user.id, grant->user.email, grant->token.toUtf8()};
    }

    /*! A fresh session of \a m (a write may log it out or change its password). */
    QByteArray freshSession(const Member &m)
    {
        auto grant = m_auth->services().accounts().login(m.email, authtest::password, client());
        return grant ? grant->token.toUtf8() : QByteArray();
    }

    /*! Invites \a m into \a org with \a role (by \a org's owner) and accepts. */
    bool join(const Org &org, const Member &m, Role role)
    {
        auto invite = m_auth->services().orgs().invite(org.owner.id, org.id, m.email, role);
        if (!invite) {
            m_setupError = QStringLiteral("invite failed: ") + invite.error().message;
            return false;
        }
        auto accepted = m_auth->services().orgs().accept(m.id, invite->token.toLatin1());
        if (!accepted) {
            m_setupError = QStringLiteral("accept failed: ") + accepted.error().message;
            return false;
        }
        return true;
    }

    bool makeOrg(Org *org, const QString &tag)
    {
        org->owner = signup(tag + QStringLiteral("-owner"));
        if (org->owner.id.isEmpty())
            return false;
        org->name = unique(QStringLiteral("Org ") + tag);
        auto created = m_auth->services().orgs().create(org->owner.id, org->name);
        if (!created) {
            m_setupError = QStringLiteral("org creation failed: ") + created.error().message;
            return false;
        }
        org->id = created->id;
        org->secrets << org->id << org->name << org->owner.id << org->owner.email;
        return true;
    }

    /*! The id in a 2xx JSON answer (top level "id", else the first object member's "id"). */
    static QString idOf(const RawResponse &r)
    {
        const QJsonObject o = jsonOf(r);
        if (o.contains(QStringLiteral("id")))
            return o.value(QStringLiteral("id")).toString();
        for (auto it = o.begin(); it != o.end(); ++it) {
            if (it.value().isObject() && it.value().toObject().contains(QStringLiteral("id")))
                return it.value().toObject().value(QStringLiteral("id")).toString();
        }
        return {};
    }

    QString api(const Org &org, const QString &rest) const
    {
        return QStringLiteral("/api/v1/orgs/%1/%2").arg(org.id, rest);
    }

    /*!
     * \brief Makes a new object for the path parameter \a param in \a org,
     * owned (for /me routes) by \a caller. Empty when this test does not know
     * how to make one (the row then uses a random UUID).
     */
    QString makeObject(const QString &param, Org &org, const Member &caller)
    {
        auto content = [&](const QString &kind, const QByteArray &spec) -> QString {
            const QString name = unique(QStringLiteral("matrix-") + kind);
            const RawResponse r = call("POST", api(org, kind + QStringLiteral("?name=") + name), org.owner.token, spec);
            if (r.status != 201) {
                m_setupError = QStringLiteral("POST %1: %2").arg(kind, QString::fromUtf8(describe(r)));
                return {};
            }
            org.secrets << name;
            return idOf(r);
        };
        if (param == u"deckId")
            return content(QStringLiteral("decks"), deckSpec());
        if (param == u"brandKitId")
            return content(QStringLiteral("brand-kits"), resource(QStringLiteral(":/slidespec/brands/midnight.json")));
        if (param == u"templateId")
            return content(QStringLiteral("templates"), resource(QStringLiteral(":/slidespec/templates/title.json")));
        if (param == u"revision")
            return QStringLiteral("1");
        if (param == u"assetId") {
            // Unique bytes (a different colour each time) so the asset is new, not deduplicated.
            const QByteArray bytes =
                imagetest::solidPng(QColor::fromRgb(quint32(0xff000000u | quint32(++m_counter * 2654435761u & 0xffffff))), 8, 8);
            const QString name = unique(QStringLiteral("matrix-asset")) + QStringLiteral(".png");
            const RawResponse r = call("POST", api(org, QStringLiteral("assets?name=") + name), org.owner.token, bytes,
                                       {{QByteArray("Content-Type"), QByteArray("image/png")}});
            if (r.status != 201 && r.status != 200) {
                m_setupError = QStringLiteral("POST assets: ") + QString::fromUtf8(describe(r));
                return {};
            }
            org.secrets << name;
            return idOf(r);
        }
        if (param == u"webhookId") {
            const RawResponse r =
                call("POST", api(org, QStringLiteral("webhooks")), org.owner.token,
                     "{\"url\":\"http://127.0.0.1:9/matrix\",\"events\":[\"deck.created\"],\"description\":\"matrix\"}");
            if (r.status != 201)
                m_setupError = QStringLiteral("POST webhooks: ") + QString::fromUtf8(describe(r));
            return r.status == 201 ? idOf(r) : QString();
        }
        if (param == u"jobId") {
            const QString deck = content(QStringLiteral("decks"), deckSpec());
            if (deck.isEmpty())
                return {};
            const RawResponse r = call("POST", api(org, QStringLiteral("decks/%1/exports").arg(deck)),
                                       org.owner.token, "{\"kind\":\"export-pdf\"}");
            if (r.status != 202 && r.status != 201)
                m_setupError = QStringLiteral("POST exports: ") + QString::fromUtf8(describe(r));
            return r.status == 202 || r.status == 201 ? idOf(r) : QString();
        }
        if (param == u"inviteId") {
            auto invite = m_auth->services().orgs().invite(org.owner.id, org.id, authtest::uniqueEmail(QStringLiteral("invitee")),
                                                           Role::Viewer);
            return invite ? invite->info.id : QString();
        }
        if (param == u"userId") {
            // A spare member of the org (a viewer), never one of the callers.
            const Member spare = signup(QStringLiteral("spare"));
            if (spare.id.isEmpty() || !join(org, spare, Role::Viewer))
                return {};
            org.secrets << spare.id << spare.email;
            return spare.id;
        }
        if (param == u"tokenId") {
            // The caller's own token for /me routes, a member's token in the org otherwise (see resolve()).
            auto token = m_auth->services().accounts().createApiToken(caller.id, org.id, unique(QStringLiteral("matrix-token")));
            return token ? token->info.id : QString();
        }
        if (param == u"sessionId") {
            auto grant = m_auth->services().accounts().login(caller.email, authtest::password, client());
            return grant ? grant->sessionId : QString();
        }
        if (param == u"token") {
            // An invite for the caller into the third org: accepting it is the caller's right.
            auto invite = m_auth->services().orgs().invite(m_c.owner.id, m_c.id, caller.email, Role::Viewer);
            return invite ? invite->token : QString();
        }
        return {};
    }

    struct Resolved
    {
        QString path;
        QStringList unresolved; //!< parameters filled with a random UUID
    };

    /*!
     * \brief \a route's pattern with {orgId} → \a pathOrg's id and every other
     * parameter → an object of \a objectOrg (shared ones for reads and
     * non-destructive writes, new ones for DELETE when \a fresh).
     */
    Resolved resolve(const Route &route, Org &pathOrg, Org &objectOrg, const Member &caller, bool fresh)
    {
        Resolved out{route.pattern, {}};
        const bool meRoute = route.pattern.startsWith(QStringLiteral("/api/v1/me")) || !route.pattern.contains(QStringLiteral("{orgId}"));
        for (const QString &name : route.paramNames()) {
            QString value;
            if (name == u"orgId") {
                value = pathOrg.id;
            } else if (name == u"userId" && fresh && &objectOrg == &m_a) {
                // DELETE …/members/{userId} with the caller's own id: leaving, which
                // the route's permission governs (removing others has extra rules,
                // tested in tst_orgs). The caller joined just for this request.
                value = caller.id;
            } else if (meRoute) {
                // Objects of the caller (own session, own token); for another org's
                // ids, the other org's owner's objects.
                const Member &owner = &objectOrg == &m_a ? caller : objectOrg.owner;
                value = makeObject(name, objectOrg, owner);
            } else if (!fresh && objectOrg.objects.contains(name)) {
                value = objectOrg.objects.value(name);
            } else {
                value = makeObject(name, objectOrg, objectOrg.owner);
                if (!fresh && !value.isEmpty())
                    objectOrg.objects.insert(name, value);
            }
            if (value.isEmpty()) {
                value = QUuid::createUuid().toString(QUuid::WithoutBraces);
                out.unresolved << name;
            }
            if (objectOrg.id == m_b.id && value.size() >= 8)
                m_b.secrets << value;
            out.path.replace(QLatin1Char('{') + name + QLatin1Char('}'), value);
        }
        return out;
    }

    /*!
     * \brief A body (and headers) that passes \a route's validation, for the
     * other-org rows: there the object lookup must be what refuses (404), not
     * a 400/428 that never looked. Routes not listed here get `{}`; when such a
     * route validates before it looks up, its other-org row fails and says so,
     * so a new write route cannot slip through: add its body here.
     */
    std::pair<QByteArray, Headers> plausibleRequest(const Route &route)
    {
        const QString &p = route.pattern;
        if (route.method == "PUT" && p.endsWith(QStringLiteral("/decks/{deckId}")))
            return {deckSpec(), {{QByteArray("If-Match"), QByteArray("\"1\"")}}};
        if (route.method == "PUT" && p.endsWith(QStringLiteral("/brand-kits/{brandKitId}")))
            return {resource(QStringLiteral(":/slidespec/brands/midnight.json")), {{QByteArray("If-Match"), QByteArray("\"1\"")}}};
        if (route.method == "PUT" && p.endsWith(QStringLiteral("/templates/{templateId}")))
            return {resource(QStringLiteral(":/slidespec/templates/title.json")), {{QByteArray("If-Match"), QByteArray("\"1\"")}}};
        if (route.method == "PATCH" && p.endsWith(QStringLiteral("/members/{userId}")))
            return {QByteArrayLiteral("{\"role\":\"viewer\"}"), {}};
        if (route.method == "POST" && p.endsWith(QStringLiteral("/exports")))
            return {QByteArrayLiteral("{\"kind\":\"export-pdf\"}"), {}};
        return {isWrite(route.method) ? QByteArrayLiteral("{}") : QByteArray(), {}};
    }

    /*! The caller with \a role: the shared member, or (for DELETE) a freshly joined one. */
    Member callerFor(Role role, bool fresh)
    {
        if (!fresh)
            return m_members.value(role);
        Member m = signup(QStringLiteral("fresh-") + roleName(role));
        if (m.id.isEmpty() || !join(m_a, m, role))
            return {};
        return m;
    }

private slots:
    void initTestCase()
    {
        const authtest::Urls urls = authtest::urls();
        QVERIFY2(urls.error.isEmpty(), qPrintable(urls.error));
        QString error;
        QVERIFY2(m_db.createMigrated(QStringLiteral("routematrix"), QUrl(urls.app).userName(), &error), qPrintable(error));
        QVERIFY2(m_storageDir.isValid(), "cannot create a temporary folder for the file store");

        qputenv("SLIDESPEC_JOB_WORKERS", "0"); // jobs stay queued: rows never race a worker
        // Webhooks point at a closed loopback port: nothing leaves the machine.
        qputenv("SLIDESPEC_WEBHOOK_ALLOW_HTTP_LOOPBACK", "1");
        ServerConfig config = worldtest::loopbackConfig(m_db, QUrl(urls.app).userName(), m_storageDir.path(), 'm');
        config.dbPoolSize = 6;
        config.workerThreads = 4;
        m_service = std::make_unique<Service>(config);
        installModules(*m_service);
        m_auth = std::make_unique<AuthModule>(m_service->database(), authtest::testConfig());
        QVERIFY2(m_service->migrate(&error), qPrintable(error));
        QVERIFY2(m_service->start(&error), qPrintable(error));

        QVERIFY2(makeOrg(&m_a, QStringLiteral("A")), qPrintable(m_setupError));
        QVERIFY2(makeOrg(&m_b, QStringLiteral("B")), qPrintable(m_setupError));
        QVERIFY2(makeOrg(&m_c, QStringLiteral("C")), qPrintable(m_setupError));
        m_members.insert(Role::Owner, m_a.owner);
        for (Role role : {Role::Viewer, Role::Editor, Role::Admin}) {
            const Member m = signup(roleName(role));
            QVERIFY2(!m.id.isEmpty() && join(m_a, m, role), qPrintable(m_setupError));
            m_members.insert(role, m);
        }
        // B gets one of everything up front, so its ids exist before any row runs
        // (and a member besides its owner).
        for (const QString &param : {QStringLiteral("deckId"), QStringLiteral("brandKitId"), QStringLiteral("templateId"),
                                     QStringLiteral("assetId"), QStringLiteral("webhookId"), QStringLiteral("jobId"),
                                     QStringLiteral("inviteId"), QStringLiteral("userId"), QStringLiteral("tokenId")}) {
            const QString id = makeObject(param, m_b, m_b.owner);
            QVERIFY2(!id.isEmpty(), qPrintable(QStringLiteral("cannot make a %1 in org B %2").arg(param, m_setupError)));
            m_b.objects.insert(param, id);
            m_b.secrets << id;
        }
    }

    void routeTableIsCovered()
    {
        const QList<Route> &routes = m_service->router().routes();
        QVERIFY2(routes.size() >= 40, qPrintable(QString::number(routes.size())));
        for (const Route &route : routes) {
            const QByteArray where = route.method + ' ' + route.pattern.toUtf8();
            if (!route.permission.isEmpty())
                QVERIFY2(isKnownAction(route.permission),
                         QByteArray(where + " names a permission that is not in the matrix: " + route.permission.toUtf8()).constData());
            if (route.auth != AuthMode::Required)
                QVERIFY2(route.permission.isEmpty(), QByteArray(where + " has a permission but does not require authentication").constData());
        }
    }

    void everyRoute_data()
    {
        QTest::addColumn<int>("index");
        const QList<Route> &routes = m_service->router().routes();
        for (int i = 0; i < routes.size(); ++i)
            QTest::newRow(QByteArray(routes.at(i).method + ' ' + routes.at(i).pattern.toUtf8()).constData()) << i;
    }

    void everyRoute()
    {
        QFETCH(int, index);
        const Route route = m_service->router().routes().at(index);
        QStringList failures;
        QStringList cells;
        auto fail = [&](const QString &who, const QString &expected, const RawResponse &r) {
            failures << QStringLiteral("%1 %2 as %3: expected %4, got %5")
                            .arg(QString::fromLatin1(route.method), route.pattern, who, expected, QString::fromUtf8(describe(r)));
        };
        auto checkShape = [&](const QString &who, const RawResponse &r) {
            if (!r.ok) {
                fail(who, QStringLiteral("a complete response"), r);
                return;
            }
            if (r.status >= 500)
                fail(who, QStringLiteral("no 5xx"), r);
            if (r.status >= 400) {
                const QByteArray problem = envelopeProblem(r);
                if (!problem.isEmpty())
                    fail(who, QString::fromUtf8(problem), r);
            } else if (route.doc.responseContentType == u"text/event-stream" && r.status == 200) {
                // A stream (a job's, when it has not finished yet, or an org's): the head only.
                // (A finished job's answer is whole: Content-Length, keep-alive; a live stream has none and closes.)
                const bool streamed = r.header("content-length").isEmpty();
                if (!r.header("content-type").startsWith("text/event-stream"))
                    fail(who, QStringLiteral("a text/event-stream answer"), r);
                else if (r.header("cache-control") != "no-cache")
                    fail(who, QStringLiteral("Cache-Control: no-cache on an event stream"), r);
                else if (streamed && r.header("connection") != "close")
                    fail(who, QStringLiteral("a stream without Content-Length to end with its connection"), r);
            } else if (!r.body.isEmpty() && route.doc.responseContentType == u"application/json") {
                QJsonParseError e;
                QJsonDocument::fromJson(r.body, &e);
                if (e.error != QJsonParseError::NoError)
                    fail(who, QStringLiteral("a JSON body"), r);
            }
        };
        const QByteArray body = isWrite(route.method) ? QByteArrayLiteral("{}") : QByteArray();
        const bool fresh = route.method == "DELETE";

        // Anonymous.
        {
            Resolved where = resolve(route, m_a, m_a, m_a.owner, fresh);
            const RawResponse r = call(route.method, where.path, QByteArray(), body);
            checkShape(QStringLiteral("anonymous"), r);
            if (route.auth == AuthMode::Required && r.status != 401)
                fail(QStringLiteral("anonymous"), QStringLiteral("401"), r);
            cells << QString::number(r.status);
        }

        // Each role in org A.
        for (Role role : kRoles) {
            const QString who = roleName(role);
            const Member caller = callerFor(role, fresh);
            QVERIFY2(!caller.id.isEmpty(), qPrintable(m_setupError));
            Resolved where = resolve(route, m_a, m_a, caller, fresh);
            const QByteArray token = isWrite(route.method) ? freshSession(caller) : caller.token;
            QVERIFY2(!token.isEmpty(), "cannot open a session");
            const RawResponse r = call(route.method, where.path, token, body);
            checkShape(who, r);
            QString cell = QString::number(r.status);
            if (!where.unresolved.isEmpty())
                cell += QLatin1Char('*');
            cells << cell;
            if (route.auth == AuthMode::None)
                continue; // the credential is not even read
            const bool allowed = route.permission.isEmpty() || roleAllows(role, route.permission);
            if (allowed) {
                if (r.status == 401 || r.status == 403)
                    fail(who, QStringLiteral("allowed (%1 may %2)").arg(who, route.permission.isEmpty() ? QStringLiteral("do it: no permission needed") : route.permission), r);
                else if (r.status == 404 && where.unresolved.isEmpty()
                         && jsonOf(r).value(QStringLiteral("error")).toObject().value(QStringLiteral("code")).toString().endsWith(
                             QStringLiteral("not_found")))
                    fail(who, QStringLiteral("the real object (every parameter was a real object of org A)"), r);
            } else if (r.status != 403) {
                fail(who, QStringLiteral("403 (%1 may not %2)").arg(who, route.permission), r);
            }
        }

        // Another org's ids, as A's owner: B's org and B's objects, then A's org with B's objects.
        const QStringList params = route.paramNames();
        const bool hasObjects = std::any_of(params.begin(), params.end(), [](const QString &p) { return p != u"orgId"; });
        auto noLeak = [&](const QString &who, const RawResponse &r) {
            for (const QString &secret : std::as_const(m_b.secrets)) {
                if (!secret.isEmpty() && r.body.contains(secret.toUtf8()))
                    failures << QStringLiteral("%1 %2 as %3: the body shows org B's %4")
                                    .arg(QString::fromLatin1(route.method), route.pattern, who, secret);
            }
        };
        if (route.auth == AuthMode::Required && (params.contains(QStringLiteral("orgId")) || hasObjects)
            && !params.contains(QStringLiteral("token"))) {
            const Member caller = callerFor(Role::Owner, fresh);
            QVERIFY2(!caller.id.isEmpty(), qPrintable(m_setupError));
            QList<QPair<QString, Org *>> variants;
            if (params.contains(QStringLiteral("orgId")))
                variants.append({QStringLiteral("A's owner with B's org and ids"), &m_b});
            if (hasObjects)
                variants.append({QStringLiteral("A's owner with A's org and B's ids"), &m_a});
            for (const auto &[who, pathOrg] : variants) {
                Resolved where = resolve(route, *pathOrg, m_b, caller, fresh);
                const QByteArray token = isWrite(route.method) ? freshSession(caller) : caller.token;
                const auto [plausibleBody, plausibleHeaders] = plausibleRequest(route);
                const RawResponse r = call(route.method, where.path, token, plausibleBody, plausibleHeaders);
                checkShape(who, r);
                noLeak(who, r);
                if (r.status != 404)
                    fail(who, QStringLiteral("404"), r);
                cells << QString::number(r.status);
            }
        }

        m_table << QStringLiteral("%1 %2 [%3] %4%5")
                       .arg(QString::fromLatin1(route.method).leftJustified(6), route.pattern.leftJustified(62),
                            route.permission.isEmpty() ? (route.auth == AuthMode::Required ? QStringLiteral("auth") : QStringLiteral("none")) : route.permission,
                            cells.join(QLatin1Char(' ')),
                            failures.isEmpty() ? QString() : QStringLiteral("  ← FAILS (%1)").arg(failures.size()));
        QVERIFY2(failures.isEmpty(), qPrintable(failures.join(QStringLiteral("\n    "))));
    }

    void cleanupTestCase()
    {
        if (!m_table.isEmpty()) {
            qInfo().noquote() << "\nroute × caller → status (anon, viewer, editor, admin, owner | B's org+ids, A's org+B's ids; "
                                 "* = a parameter had no real object)";
            for (const QString &line : std::as_const(m_table))
                qInfo().noquote() << line;
        }
        if (m_service)
            m_service->shutdown(2000);
    }
};

QTEST_GUILESS_MAIN(TstRouteMatrix)
#include "tst_routematrix.moc"
