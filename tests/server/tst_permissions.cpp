// SPDX-License-Identifier: GPL-3.0-or-later
// The permission matrix: docs/permissions.md holds exactly the table the code
// enforces; roles nest (each role may do all its lesser role may); the owner
// rules (admins cannot make owners, the last owner stays).
#include "auth/permissions.h"

#include <QFile>
#include <QSet>
#include <QTest>

using namespace slidespec::server;

namespace {

const char *const beginMarker = "<!-- permission-matrix:begin -->\n";
const char *const endMarker = "<!-- permission-matrix:end -->";

} // namespace

class TestPermissions : public QObject
{
    Q_OBJECT

private slots:
    void documentHoldsTheTable()
    {
        QFile file(QStringLiteral(SLIDESPEC_RESOURCES_DIR "/../docs/permissions.md"));
        QVERIFY2(file.open(QIODevice::ReadOnly), qPrintable(file.fileName()));
        QString text = QString::fromUtf8(file.readAll());
        const qsizetype begin = text.indexOf(QLatin1StringView(beginMarker));
        const qsizetype end = text.indexOf(QLatin1StringView(endMarker));
        QVERIFY2(begin >= 0 && end > begin, "docs/permissions.md lacks the permission-matrix markers");
        const qsizetype tableStart = begin + qsizetype(qstrlen(beginMarker));
        const QString documented = text.mid(tableStart, end - tableStart);
        const QString generated = permissionTableMarkdown();
        if (documented != generated && qEnvironmentVariableIsSet("SLIDESPEC_UPDATE_GOLDEN")) {
            text.replace(tableStart, end - tableStart, generated);
            file.close();
            QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
            file.write(text.toUtf8());
            QSKIP("docs/permissions.md rewritten; review the diff");
        }
        QVERIFY2(documented == generated,
                 qPrintable(QStringLiteral("docs/permissions.md is out of step with permissions.cpp; run with "
                                           "SLIDESPEC_UPDATE_GOLDEN=1 or paste:\n")
                            + generated));
    }

    void actionsAreUniqueAndDotted()
    {
        QSet<QString> seen;
        for (const Permission &p : permissionTable()) {
            const QString action = QString::fromLatin1(p.action);
            QVERIFY2(!seen.contains(action), p.action);
            seen.insert(action);
            QVERIFY2(action.count(u'.') == 1 && action == action.toLower(), p.action);
            QVERIFY2(p.owner, p.action); // owners may do everything
            QVERIFY(isKnownAction(action));
        }
        QVERIFY(!isKnownAction(u"decks.burn"));
        QVERIFY(!roleAllows(Role::Owner, u"decks.burn"));
    }

    void rolesNest()
    {
        // Each role may do everything the role below it may.
        const auto roles = allRoles();
        for (std::size_t i = 1; i < roles.size(); ++i) {
            const QStringList lower = allowedActions(roles[i - 1]);
            const QStringList higher = allowedActions(roles[i]);
            for (const QString &action : lower)
                QVERIFY2(higher.contains(action), qPrintable(roleName(roles[i]) + QStringLiteral(" lacks ") + action));
            QVERIFY(higher.size() > lower.size());
        }
    }

    void roleNamesRoundTrip()
    {
        for (const Role role : allRoles())
            QCOMPARE(roleFromName(roleName(role)), std::optional<Role>(role));
        QCOMPARE(roleFromName(u"Owner"), std::nullopt);
        QCOMPARE(roleFromName(u"superuser"), std::nullopt);
        QCOMPARE(roleFromName(u""), std::nullopt);
    }

    void matrixCells_data()
    {
        QTest::addColumn<QString>("role");
        QTest::addColumn<QString>("action");
        QTest::addColumn<bool>("allowed");
        QTest::newRow("viewer reads decks") << "viewer" << "decks.read" << true;
        QTest::newRow("viewer cannot write decks") << "viewer" << "decks.write" << false;
        QTest::newRow("viewer creates a personal token") << "viewer" << "tokens.create" << true;
        QTest::newRow("editor writes decks") << "editor" << "decks.write" << true;
        QTest::newRow("editor cannot invite") << "editor" << "members.invite" << false;
        QTest::newRow("editor cannot edit brand kits") << "editor" << "brandkits.write" << false;
        QTest::newRow("admin invites") << "admin" << "members.invite" << true;
        QTest::newRow("admin reads the audit log") << "admin" << "audit.read" << true;
        QTest::newRow("admin cannot delete the org") << "admin" << "org.delete" << false;
        QTest::newRow("owner deletes the org") << "owner" << "org.delete" << true;
    }

    void matrixCells()
    {
        QFETCH(QString, role);
        QFETCH(QString, action);
        QFETCH(bool, allowed);
        QCOMPARE(roleAllows(*roleFromName(role), action), allowed);
        QCOMPARE(allowedActions(*roleFromName(role)).contains(action), allowed);
    }

    void roleChanges_data()
    {
        QTest::addColumn<QString>("actor");
        QTest::addColumn<QString>("current");
        QTest::addColumn<QString>("requested");
        QTest::addColumn<int>("owners");
        QTest::addColumn<bool>("self");
        QTest::addColumn<QString>("code"); // empty: allowed
        QTest::newRow("admin promotes viewer to editor") << "admin" << "viewer" << "editor" << 1 << false << "";
        QTest::newRow("admin promotes editor to admin") << "admin" << "editor" << "admin" << 1 << false << "";
        QTest::newRow("admin cannot promote to owner")
            << "admin" << "editor" << "owner" << 1 << false << "members.owner_only";
        QTest::newRow("admin cannot promote self to owner")
            << "admin" << "admin" << "owner" << 1 << true << "members.owner_only";
        QTest::newRow("admin cannot demote an owner")
            << "admin" << "owner" << "viewer" << 2 << false << "members.owner_only";
        QTest::newRow("owner promotes admin to owner") << "owner" << "admin" << "owner" << 1 << false << "";
        QTest::newRow("owner demotes one of two owners") << "owner" << "owner" << "admin" << 2 << false << "";
        QTest::newRow("last owner cannot demote self")
            << "owner" << "owner" << "admin" << 1 << true << "members.last_owner";
        QTest::newRow("editor cannot change roles")
            << "editor" << "viewer" << "editor" << 1 << false << "members.forbidden";
        QTest::newRow("viewer cannot promote self")
            << "viewer" << "viewer" << "editor" << 1 << true << "members.forbidden";
        QTest::newRow("editor cannot change even their own role")
            << "editor" << "editor" << "viewer" << 1 << true << "members.forbidden";
    }

    void roleChanges()
    {
        QFETCH(QString, actor);
        QFETCH(QString, current);
        QFETCH(QString, requested);
        QFETCH(int, owners);
        QFETCH(bool, self);
        QFETCH(QString, code);
        const auto violation =
            checkRoleChange(*roleFromName(actor), *roleFromName(current), *roleFromName(requested), owners, self);
        QCOMPARE(violation ? violation->code : QString(), code);
        if (violation) {
            QVERIFY(!violation->message.isEmpty());
            QCOMPARE(violation->isConflict, code == QLatin1StringView("members.last_owner"));
        }
    }

    void removals_data()
    {
        QTest::addColumn<QString>("actor");
        QTest::addColumn<QString>("target");
        QTest::addColumn<int>("owners");
        QTest::addColumn<bool>("self");
        QTest::addColumn<QString>("code");
        QTest::newRow("viewer leaves") << "viewer" << "viewer" << 1 << true << "";
        QTest::newRow("admin removes editor") << "admin" << "editor" << 1 << false << "";
        QTest::newRow("editor cannot remove viewer") << "editor" << "viewer" << 1 << false << "members.forbidden";
        QTest::newRow("admin cannot remove an owner") << "admin" << "owner" << 2 << false << "members.owner_only";
        QTest::newRow("owner removes one of two owners") << "owner" << "owner" << 2 << false << "";
        QTest::newRow("last owner cannot leave") << "owner" << "owner" << 1 << true << "members.last_owner";
        QTest::newRow("one of two owners leaves") << "owner" << "owner" << 2 << true << "";
    }

    void removals()
    {
        QFETCH(QString, actor);
        QFETCH(QString, target);
        QFETCH(int, owners);
        QFETCH(bool, self);
        QFETCH(QString, code);
        const auto violation = checkRemoval(*roleFromName(actor), *roleFromName(target), owners, self);
        QCOMPARE(violation ? violation->code : QString(), code);
    }

    void invites_data()
    {
        QTest::addColumn<QString>("actor");
        QTest::addColumn<QString>("invited");
        QTest::addColumn<QString>("code");
        QTest::newRow("admin invites an editor") << "admin" << "editor" << "";
        QTest::newRow("admin invites an admin") << "admin" << "admin" << "";
        QTest::newRow("admin cannot invite an owner") << "admin" << "owner" << "members.owner_only";
        QTest::newRow("owner invites an owner") << "owner" << "owner" << "";
        QTest::newRow("editor cannot invite") << "editor" << "viewer" << "members.forbidden";
    }

    void invites()
    {
        QFETCH(QString, actor);
        QFETCH(QString, invited);
        QFETCH(QString, code);
        const auto violation = checkInvite(*roleFromName(actor), *roleFromName(invited));
        QCOMPARE(violation ? violation->code : QString(), code);
    }
};

QTEST_GUILESS_MAIN(TestPermissions)
#include "tst_permissions.moc"
