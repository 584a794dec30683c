// SPDX-License-Identifier: GPL-3.0-or-later
// The audit log against the real PostgreSQL (a database of its own, migrated):
// an event commits or rolls back with the caller's transaction; the app role
// can only append (UPDATE, DELETE, TRUNCATE refused with 42501); org A never
// sees org B's events; the list filters and pages; and GET
// /api/v1/orgs/{orgId}/audit over a real socket (audit.read: owner yes,
// editor 403, another org 404, bad parameters 400).
#include "serverfixture.h"
#include "tst_auth_support.h"

#include "auth/authroutes.h"
#include "auth/authservices.h"
#include "http/service.h"
#include "ops/auditlog.h"
#include "ops/opsmodule.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSet>
#include <QTest>

using namespace slidespec::server;
using namespace slidespec::server::test;

namespace {

struct Member
{
    QString userId;
    QString token;
};

} // namespace

class TestAudit : public QObject
{
    Q_OBJECT

    TestDatabase m_testDb;
    std::unique_ptr<Database> m_db;
    std::unique_ptr<AuthServices> m_auth;
    std::unique_ptr<AuditLog> m_audit;
    std::unique_ptr<Service> m_service;
    Member m_owner;
    Member m_editor;
    Member m_stranger;
    QString m_orgId;
    QString m_otherOrgId;

    Member signup(const QString &tag)
    {
        auto grant = m_auth->accounts().signup(authtest::uniqueEmail(tag), authtest::password, tag, {});
        if (!grant.ok())
            qFatal("signup failed: %s", qPrintable(grant.error().message));
        return {grant.value().user.id, grant.value().token};
    }

    RawResponse get(const QString &path, const QString &token)
    {
        RawConnection c(m_service->port());
        return c.request("GET", path.toUtf8(), {}, {{"Authorization", "Bearer " + token.toLatin1()}});
    }

    static QJsonObject json(const RawResponse &r) { return QJsonDocument::fromJson(r.body).object(); }

    AuditEvent event(const QString &action, const QString &objectType = QStringLiteral("deck"),
                     const QString &objectId = QStringLiteral("d1"))
    {
        AuditEvent e;
        e.orgId = m_orgId;
        e.actorUserId = m_owner.userId;
        e.action = action;
        e.objectType = objectType;
        e.objectId = objectId;
        e.clientAddress = QStringLiteral("203.0.113.7");
        e.requestId = QStringLiteral("req-1");
        return e;
    }

    int countActions(const QString &orgId, const QString &action)
    {
        auto n = m_db->withTransaction(OrgScope{m_owner.userId, orgId}, [&](pqxx::work &tx) {
            return tx.exec_params1("SELECT count(*) FROM audit_events WHERE action = $1", action.toStdString())[0].as<int>();
        });
        return n ? n.value() : -1;
    }

private slots:
    void initTestCase()
    {
        QString error;
        const QString appRole = QUrl(qEnvironmentVariable("SLIDESPEC_TEST_DATABASE_URL")).userName();
        QVERIFY2(m_testDb.createMigrated(QStringLiteral("audit"), appRole.isEmpty() ? QStringLiteral("slidespec_app") : appRole, &error),
                 qPrintable(error));
        m_db = authtest::connect(m_testDb.appUrl(), 8);
        m_auth = std::make_unique<AuthServices>(*m_db, authtest::testConfig());
        m_audit = std::make_unique<AuditLog>(*m_db);

        m_owner = signup(QStringLiteral("owner"));
        m_editor = signup(QStringLiteral("editor"));
        m_stranger = signup(QStringLiteral("stranger"));
        auto org = m_auth->orgs().create(m_owner.userId, QStringLiteral("Audit Org"));
        AUTH_VERIFY_OK(org);
        m_orgId = org.value().id;
        auto other = m_auth->orgs().create(m_stranger.userId, QStringLiteral("Other Org"));
        AUTH_VERIFY_OK(other);
        m_otherOrgId = other.value().id;
        // Make the editor a member directly (scoped insert, as docs/auth.md describes for fixtures).
        auto added = m_db->withTransaction(OrgScope{m_owner.userId, m_orgId}, [&](pqxx::work &tx) {
            tx.exec_params0("INSERT INTO memberships (org_id, user_id, role) VALUES ($1::uuid, $2::uuid, 'editor')",
                            m_orgId.toStdString(), m_editor.userId.toStdString());
        });
        QVERIFY2(added.ok(), qPrintable(added.error().message));

        ServerConfig config;
        config.databaseUrl = m_testDb.appUrl();
        config.listenAddress = QHostAddress(QHostAddress::LocalHost);
        config.listenPort = 0;
        config.dbPoolSize = 4;
        config.workerThreads = 4;
        m_service = std::make_unique<Service>(config);
        installAuth(*m_service);
        installOps(*m_service);
        QVERIFY2(m_service->start(&error), qPrintable(error));
    }

    void cleanupTestCase()
    {
        if (m_service)
            m_service->shutdown(2000);
    }

    void recordCommitsAndRollsBackWithTheCallersTransaction()
    {
        struct Abort : std::exception {};
        auto rolledBack = m_db->withTransaction(OrgScope{m_owner.userId, m_orgId}, [&](pqxx::work &tx) {
            AuditLog::record(tx, event(QStringLiteral("deck.rolled_back")));
            throw Abort();
        });
        QVERIFY(!rolledBack.ok());
        QCOMPARE(countActions(m_orgId, QStringLiteral("deck.rolled_back")), 0);

        auto committed = m_db->withTransaction(OrgScope{m_owner.userId, m_orgId}, [&](pqxx::work &tx) {
            AuditLog::record(tx, event(QStringLiteral("deck.committed")));
        });
        QVERIFY2(committed.ok(), qPrintable(committed.error().message));
        QCOMPARE(countActions(m_orgId, QStringLiteral("deck.committed")), 1);
    }

    void standaloneRecordStoresEveryField()
    {
        AuditEvent e = event(QStringLiteral("deck.standalone"), QStringLiteral("deck"), QStringLiteral("deck-42"));
        e.details = {{QStringLiteral("name"), QStringLiteral("Q3 review")}};
        e.clientAddress = QStringLiteral("::ffff:198.51.100.9");
        QVERIFY(m_audit->record(e).ok());
        AuditQuery query;
        query.action = QStringLiteral("deck.standalone");
        auto page = m_audit->list(OrgScope{m_owner.userId, m_orgId}, query);
        QVERIFY(page.ok());
        QCOMPARE(page->events.size(), 1);
        const QJsonObject stored = page->events.at(0).toObject();
        QCOMPARE(stored.value(QStringLiteral("actorUserId")).toString(), m_owner.userId);
        QCOMPARE(stored.value(QStringLiteral("objectType")).toString(), QStringLiteral("deck"));
        QCOMPARE(stored.value(QStringLiteral("objectId")).toString(), QStringLiteral("deck-42"));
        QCOMPARE(stored.value(QStringLiteral("clientAddress")).toString(), QStringLiteral("198.51.100.9"));
        QCOMPARE(stored.value(QStringLiteral("requestId")).toString(), QStringLiteral("req-1"));
        QCOMPARE(stored.value(QStringLiteral("details")).toObject().value(QStringLiteral("name")).toString(),
                 QStringLiteral("Q3 review"));
        QVERIFY(stored.value(QStringLiteral("createdAt")).toString().endsWith(u'Z'));
    }

    void accountLevelEventsAreTheUsersOwn()
    {
        AuditEvent e = event(QStringLiteral("account.password_changed"), QStringLiteral("user"), m_owner.userId);
        e.orgId.clear();
        QVERIFY(m_audit->record(e).ok());
        // Outside any org the user sees their own account events; another user does not.
        auto mine = m_db->withTransaction(OrgScope{m_owner.userId, {}}, [&](pqxx::work &tx) {
            return tx.exec("SELECT count(*) FROM audit_events WHERE action = 'account.password_changed'")[0][0].as<int>();
        });
        QVERIFY(mine.ok());
        QCOMPARE(mine.value(), 1);
        auto theirs = m_db->withTransaction(OrgScope{m_stranger.userId, {}}, [&](pqxx::work &tx) {
            return tx.exec("SELECT count(*) FROM audit_events WHERE action = 'account.password_changed'")[0][0].as<int>();
        });
        QVERIFY(theirs.ok());
        QCOMPARE(theirs.value(), 0);
        // An account-level event is not in the org's log.
        QCOMPARE(countActions(m_orgId, QStringLiteral("account.password_changed")), 0);
    }

    void appRoleCannotChangeTheLog_data()
    {
        QTest::addColumn<QString>("sql");
        QTest::newRow("update is refused") << QStringLiteral("UPDATE audit_events SET action = 'deck.forged'");
        QTest::newRow("delete is refused") << QStringLiteral("DELETE FROM audit_events");
        QTest::newRow("truncate is refused") << QStringLiteral("TRUNCATE audit_events");
        QTest::newRow("insert into another org is refused")
            << QStringLiteral("INSERT INTO audit_events (org_id, action) VALUES ('%1', 'deck.forged')");
    }

    void appRoleCannotChangeTheLog()
    {
        QFETCH(QString, sql);
        QVERIFY(m_audit->record(event(QStringLiteral("deck.kept"))).ok());
        const int before = countActions(m_orgId, QStringLiteral("deck.kept"));
        auto changed = m_db->withTransaction(OrgScope{m_owner.userId, m_orgId}, [&](pqxx::work &tx) {
            tx.exec((sql.contains(QStringLiteral("%1")) ? sql.arg(m_otherOrgId) : sql).toStdString());
        });
        QVERIFY(!changed.ok());
        QCOMPARE(QString::fromStdString(changed.error().sqlState), QStringLiteral("42501"));
        QCOMPARE(countActions(m_orgId, QStringLiteral("deck.kept")), before);
    }

    void grantsAreAppendOnly()
    {
        const QString role = QUrl(m_testDb.appUrl()).userName();
        pqxx::connection owner(m_testDb.ownerUrl().toStdString());
        pqxx::work tx(owner);
        for (const char *privilege : {"SELECT", "INSERT", "UPDATE", "DELETE", "TRUNCATE"}) {
            const bool has = tx.exec_params1("SELECT has_table_privilege($1, 'audit_events', $2)", role.toStdString(),
                                             std::string(privilege))[0]
                                 .as<bool>();
            const bool expected = QByteArray(privilege) == "SELECT" || QByteArray(privilege) == "INSERT";
            QVERIFY2(has == expected, privilege);
        }
    }

    void otherOrgsEventsAreInvisible()
    {
        AuditEvent e = event(QStringLiteral("deck.secret_thing"));
        e.orgId = m_otherOrgId;
        e.actorUserId = m_stranger.userId;
        QVERIFY(m_audit->record(e).ok());
        QCOMPARE(countActions(m_otherOrgId, QStringLiteral("deck.secret_thing")), 1);
        // Org A's scope sees none of it, even without a WHERE on org_id.
        QCOMPARE(countActions(m_orgId, QStringLiteral("deck.secret_thing")), 0);
    }

    void listFilters_data()
    {
        QTest::addColumn<QString>("query");
        QTest::addColumn<QStringList>("expected"); // actions, newest first

        QTest::newRow("exact action") << QStringLiteral("action=filter.b") << QStringList{QStringLiteral("filter.b")};
        QTest::newRow("action prefix") << QStringLiteral("action=filter.*")
                                       << QStringList{QStringLiteral("filter.d"), QStringLiteral("filter.c"),
                                                      QStringLiteral("filter.b"), QStringLiteral("filter.a")};
        QTest::newRow("object type and id") << QStringLiteral("action=filter.*&objectType=webhook&objectId=w2")
                                            << QStringList{QStringLiteral("filter.d")};
        QTest::newRow("actor") << QStringLiteral("action=filter.*&actor=EDITOR")
                               << QStringList{QStringLiteral("filter.c")};
        QTest::newRow("since excludes older") << QStringLiteral("action=filter.*&since=SINCE")
                                              << QStringList{QStringLiteral("filter.d"), QStringLiteral("filter.c")};
        QTest::newRow("until excludes newer") << QStringLiteral("action=filter.*&until=SINCE")
                                              << QStringList{QStringLiteral("filter.b"), QStringLiteral("filter.a")};
    }

    void listFilters()
    {
        QFETCH(QString, query);
        QFETCH(QStringList, expected);
        static QString since;
        if (since.isEmpty()) {
            QVERIFY(m_audit->record(event(QStringLiteral("filter.a"))).ok());
            QVERIFY(m_audit->record(event(QStringLiteral("filter.b"))).ok());
            QTest::qWait(30);
            since = QDateTime::currentDateTimeUtc().addMSecs(-5).toString(Qt::ISODateWithMs);
            QTest::qWait(30);
            AuditEvent c = event(QStringLiteral("filter.c"));
            c.actorUserId = m_editor.userId;
            QVERIFY(m_audit->record(c).ok());
            QVERIFY(m_audit->record(event(QStringLiteral("filter.d"), QStringLiteral("webhook"), QStringLiteral("w2"))).ok());
        }
        query.replace(QStringLiteral("EDITOR"), m_editor.userId).replace(QStringLiteral("SINCE"), since);
        const RawResponse r = get(QStringLiteral("/api/v1/orgs/%1/audit?%2").arg(m_orgId, query), m_owner.token);
        QCOMPARE(r.status, 200);
        QStringList actions;
        for (const QJsonValue &v : json(r).value(QStringLiteral("events")).toArray())
            actions.append(v.toObject().value(QStringLiteral("action")).toString());
        QCOMPARE(actions, expected);
    }

    void cursorPagesThroughEverythingOnce()
    {
        for (int i = 0; i < 7; ++i)
            QVERIFY(m_audit->record(event(QStringLiteral("page.item"), QStringLiteral("deck"), QString::number(i))).ok());
        QStringList seen;
        QString cursor;
        int pages = 0;
        do {
            QString path = QStringLiteral("/api/v1/orgs/%1/audit?action=page.item&limit=3").arg(m_orgId);
            if (!cursor.isEmpty())
                path += QStringLiteral("&cursor=") + cursor;
            const RawResponse r = get(path, m_owner.token);
            QCOMPARE(r.status, 200);
            const QJsonObject page = json(r);
            for (const QJsonValue &v : page.value(QStringLiteral("events")).toArray())
                seen.append(v.toObject().value(QStringLiteral("objectId")).toString());
            cursor = page.value(QStringLiteral("nextCursor")).toString();
            ++pages;
        } while (!cursor.isEmpty() && pages < 10);
        QCOMPARE(pages, 3);
        QCOMPARE(seen, (QStringList{"6", "5", "4", "3", "2", "1", "0"}));
    }

    void routeAccess_data()
    {
        QTest::addColumn<QString>("who");
        QTest::addColumn<QString>("org");
        QTest::addColumn<int>("status");
        QTest::newRow("owner reads") << "owner" << "mine" << 200;
        QTest::newRow("editor lacks audit.read") << "editor" << "mine" << 403;
        QTest::newRow("another org is not found") << "owner" << "other" << 404;
        QTest::newRow("no credential is 401") << "nobody" << "mine" << 401;
    }

    void routeAccess()
    {
        QFETCH(QString, who);
        QFETCH(QString, org);
        QFETCH(int, status);
        const QString token = who == u"owner" ? m_owner.token : who == u"editor" ? m_editor.token : QString();
        const QString orgId = org == u"mine" ? m_orgId : m_otherOrgId;
        const RawResponse r = get(QStringLiteral("/api/v1/orgs/%1/audit").arg(orgId), token);
        QCOMPARE(r.status, status);
        if (status == 404)
            QVERIFY(!r.body.contains("deck.secret_thing"));
    }

    void badParameters_data()
    {
        QTest::addColumn<QString>("query");
        QTest::addColumn<QString>("parameter");
        QTest::newRow("limit too big") << "limit=500" << "limit";
        QTest::newRow("limit not a number") << "limit=ten" << "limit";
        QTest::newRow("actor not a uuid") << "actor=1%27%20OR%201=1" << "actor";
        QTest::newRow("since not a time") << "since=yesterday" << "since";
        QTest::newRow("forged cursor") << "cursor=abc" << "cursor";
        QTest::newRow("action with SQL") << "action=x%27;DROP%20TABLE%20audit_events;--" << "action";
    }

    void badParameters()
    {
        QFETCH(QString, query);
        QFETCH(QString, parameter);
        const RawResponse r = get(QStringLiteral("/api/v1/orgs/%1/audit?%2").arg(m_orgId, query), m_owner.token);
        QCOMPARE(r.status, 400);
        const QJsonObject error = json(r).value(QStringLiteral("error")).toObject();
        QCOMPARE(error.value(QStringLiteral("code")).toString(), QStringLiteral("request.invalid_parameter"));
        QCOMPARE(error.value(QStringLiteral("details")).toObject().value(QStringLiteral("parameter")).toString(), parameter);
    }

    void webhookRoutesAreAudited()
    {
        // A change made through an ops route lands in the log with the request's id and address.
        RawConnection c(m_service->port());
        const RawResponse created = c.request(
            "POST", QStringLiteral("/api/v1/orgs/%1/webhooks").arg(m_orgId).toUtf8(),
            "{\"url\":\"https://93.184.216.34/hook\",\"events\":[\"deck.created\"]}",
            {{"Authorization", "Bearer " + m_owner.token.toLatin1()}, {"Content-Type", "application/json"},
             {"X-Request-Id", "audit-test-1"}});
        QCOMPARE(created.status, 201);
        const QString id = json(created).value(QStringLiteral("id")).toString();
        const RawResponse r = get(QStringLiteral("/api/v1/orgs/%1/audit?action=webhook.created&objectId=%2").arg(m_orgId, id),
                                  m_owner.token);
        QCOMPARE(r.status, 200);
        const QJsonArray events = json(r).value(QStringLiteral("events")).toArray();
        QCOMPARE(events.size(), 1);
        const QJsonObject e = events.at(0).toObject();
        QCOMPARE(e.value(QStringLiteral("actorUserId")).toString(), m_owner.userId);
        QCOMPARE(e.value(QStringLiteral("requestId")).toString(), QStringLiteral("audit-test-1"));
        QCOMPARE(e.value(QStringLiteral("clientAddress")).toString(), QStringLiteral("127.0.0.1"));
        QVERIFY(!QJsonDocument(e).toJson().contains("whsec_")); // never the secret
    }

    void orgDeletionOverHttpIsAudited()
    {
        // DELETE /api/v1/orgs/{orgId}: the owner, confirmed by the org's name; the audit row
        // outlives the org (read here in the gone org's scope: its audit route is 404 now).
        auto org = m_auth->orgs().create(m_owner.userId, QStringLiteral("Short Lived"));
        QVERIFY(org.ok());
        const QByteArray path = QStringLiteral("/api/v1/orgs/%1").arg(org->id).toUtf8();
        auto send = [&](const Member &who, const QByteArray &body, const QByteArray &requestId = "audit-delete") {
            RawConnection c(m_service->port());
            return c.request("DELETE", path, body,
                             {{"Authorization", "Bearer " + who.token.toLatin1()}, {"Content-Type", "application/json"},
                              {"X-Request-Id", requestId}});
        };
        QCOMPARE(send(m_stranger, "{\"confirm\":\"Short Lived\"}").status, 404);
        RawResponse r = send(m_owner, "{\"confirm\":\"short lived\"}");
        QCOMPARE(r.status, 409);
        QCOMPARE(json(r).value(QStringLiteral("error")).toObject().value(QStringLiteral("code")).toString(),
                 QStringLiteral("orgs.confirmation_required"));
        QCOMPARE(send(m_owner, "{}").status, 409);
        QCOMPARE(get(QStringLiteral("/api/v1/orgs/%1").arg(org->id), m_owner.token).status, 200);

        r = send(m_owner, "{\"confirm\":\"Short Lived\"}", "audit-delete-ok");
        QCOMPARE(r.status, 204);
        QCOMPARE(get(QStringLiteral("/api/v1/orgs/%1").arg(org->id), m_owner.token).status, 404);
        auto row = m_db->withTransaction(OrgScope{m_owner.userId, org->id}, [&](pqxx::work &tx) {
            const pqxx::result rows = tx.exec("SELECT actor_user_id::text, request_id, host(client_address), "
                                              "details->>'name' FROM audit_events WHERE action = 'org.deleted'");
            QStringList values;
            if (rows.size() == 1) {
                for (int i = 0; i < 4; ++i)
                    values.append(QString::fromStdString(rows[0][i].as<std::string>()));
            }
            return values;
        });
        QVERIFY2(row.ok(), qPrintable(row.error().message));
        QCOMPARE(*row, QStringList({m_owner.userId, QStringLiteral("audit-delete-ok"), QStringLiteral("127.0.0.1"),
                                    QStringLiteral("Short Lived")}));
    }
};

QTEST_GUILESS_MAIN(TestAudit)
#include "tst_audit.moc"
