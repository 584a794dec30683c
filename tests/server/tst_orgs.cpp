// SPDX-License-Identifier: GPL-3.0-or-later
// Orgs, members and invites against the real PostgreSQL: the creator is
// owner, slugs, rename and settings, invites (single use, expiring, for the
// invited email only, revocable), role changes and removals with the owner
// rules, and other orgs' ids answering 404.
#include "tst_auth_support.h"

#include <QFuture>
#include <QJsonArray>
#include <QtConcurrent/QtConcurrentRun>
#include <QJsonObject>

#include <pqxx/pqxx>

using namespace slidespec::server;
using namespace authtest;

class TestOrgs : public QObject
{
    Q_OBJECT

    Urls m_urls;
    std::unique_ptr<Database> m_db;
    AuthConfig m_config = testConfig();
    LoginThrottle m_throttle;
    std::unique_ptr<AccountService> m_accounts;
    std::unique_ptr<OrgService> m_orgs;

    void ownerExec(const std::string &sql)
    {
        pqxx::connection c(m_urls.migration.toStdString());
        pqxx::work tx(c);
        tx.exec("SELECT set_config('app.trusted_function', 'on', true)");
        tx.exec(sql);
        tx.commit();
    }

    UserInfo newUser(const QString &tag)
    {
        auto grant = m_accounts->signup(uniqueEmail(tag), password, tag, {QStringLiteral("192.0.2.30"), {}, {}});
        if (!grant.ok())
            qFatal("signup failed: %s", qPrintable(grant.error().message));
        return grant->user;
    }

    /*! An org owned by \a owner with \a member joined as \a role through an invite. */
    void join(const QString &ownerId, const QString &orgId, const UserInfo &member, Role role)
    {
        auto invite = m_orgs->invite(ownerId, orgId, member.email, role);
        if (!invite.ok())
            qFatal("invite failed: %s", qPrintable(invite.error().message));
        auto accepted = m_orgs->accept(member.id, invite->token.toLatin1());
        if (!accepted.ok())
            qFatal("accept failed: %s", qPrintable(accepted.error().message));
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
    }

    void slugify_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QString>("slug");
        QTest::newRow("spaces and case") << "Acme Design Team" << "acme-design-team";
        QTest::newRow("accents folded") << "Équipe Café" << "equipe-cafe";
        QTest::newRow("punctuation collapses") << "  R&D -- Slides!! " << "r-d-slides";
        QTest::newRow("nothing usable") << "日本語" << "org";
        QTest::newRow("long names cut at 63") << QString(80, u'a') << QString(63, u'a');
    }

    void slugify()
    {
        QFETCH(QString, name);
        QFETCH(QString, slug);
        QCOMPARE(OrgService::slugify(name), slug);
    }

    void creatorIsOwner()
    {
        const UserInfo ana = newUser(QStringLiteral("ana"));
        auto org = m_orgs->create(ana.id, QStringLiteral("  Ana's Team "));
        AUTH_VERIFY_OK(org);
        QCOMPARE(org->name, QStringLiteral("Ana's Team"));
        QVERIFY(org->slug.startsWith(QStringLiteral("ana-s-team")));
        QCOMPARE(org->role, std::optional<Role>(Role::Owner));
        QCOMPARE(*m_orgs->roleOf(ana.id, org->id), std::optional<Role>(Role::Owner));
        auto mine = m_orgs->listForUser(ana.id);
        AUTH_VERIFY_OK(mine);
        QCOMPARE(mine->size(), 1);
        QCOMPARE(mine->at(0).id, org->id);
        const QJsonObject json = mine->at(0).toJson(true);
        QVERIFY(json.value(QStringLiteral("allowedActions")).toArray().contains(QStringLiteral("org.delete")));
    }

    void slugsStayUnique()
    {
        const UserInfo ana = newUser(QStringLiteral("slug"));
        const QString slug = QStringLiteral("fixed-") + QUuid::createUuid().toString(QUuid::Id128).left(10);
        auto first = m_orgs->create(ana.id, QStringLiteral("Same Name"), slug);
        AUTH_VERIFY_OK(first);
        QCOMPARE(first->slug, slug);
        auto taken = m_orgs->create(ana.id, QStringLiteral("Other"), slug);
        QCOMPARE(taken.error().status, 409);
        QCOMPARE(taken.error().code, QStringLiteral("orgs.slug_taken"));
        // A generated slug that is taken gets a suffix instead.
        auto a = m_orgs->create(ana.id, slug);
        AUTH_VERIFY_OK(a);
        QVERIFY(a->slug != slug && a->slug.startsWith(slug + u'-'));
        QCOMPARE(m_orgs->create(ana.id, QStringLiteral("x"), QStringLiteral("Bad Slug")).error().status, 400);
        QCOMPARE(m_orgs->create(ana.id, QStringLiteral("   ")).error().status, 400);
    }

    void renameAndSettings()
    {
        const UserInfo ana = newUser(QStringLiteral("rename"));
        const UserInfo vic = newUser(QStringLiteral("viewer"));
        auto org = m_orgs->create(ana.id, QStringLiteral("Before"));
        AUTH_VERIFY_OK(org);
        join(ana.id, org->id, vic, Role::Viewer);
        const QJsonObject settings{{QStringLiteral("defaultBrandKit"), QStringLiteral("acme")},
                                   {QStringLiteral("locale"), QStringLiteral("de")}};
        auto renamed = m_orgs->update(ana.id, org->id, QStringLiteral("After"), settings);
        AUTH_VERIFY_OK(renamed);
        QCOMPARE(renamed->name, QStringLiteral("After"));
        QCOMPARE(renamed->settings, settings);
        auto nameOnly = m_orgs->update(ana.id, org->id, QStringLiteral("After Again"), std::nullopt);
        AUTH_VERIFY_OK(nameOnly);
        QCOMPARE(nameOnly->settings, settings);
        QCOMPARE(m_orgs->update(vic.id, org->id, QStringLiteral("Hijack"), std::nullopt).error().status, 403);
        QJsonObject huge{{QStringLiteral("blob"), QString(70 * 1024, u'x')}};
        QCOMPARE(m_orgs->update(ana.id, org->id, std::nullopt, huge).error().status, 400);
        auto fetched = m_orgs->get(vic.id, org->id);
        AUTH_VERIFY_OK(fetched);
        QCOMPARE(fetched->name, QStringLiteral("After Again"));
        QCOMPARE(fetched->role, std::optional<Role>(Role::Viewer));
    }

    void otherOrgsAreNotFound()
    {
        const UserInfo ana = newUser(QStringLiteral("iso-a"));
        const UserInfo bob = newUser(QStringLiteral("iso-b"));
        auto orgA = m_orgs->create(ana.id, QStringLiteral("A"));
        auto orgB = m_orgs->create(bob.id, QStringLiteral("B"));
        AUTH_VERIFY_OK(orgA);
        AUTH_VERIFY_OK(orgB);
        QCOMPARE(m_orgs->get(ana.id, orgB->id).error().status, 404);
        QCOMPARE(m_orgs->members(ana.id, orgB->id).error().status, 404);
        QCOMPARE(m_orgs->invites(ana.id, orgB->id).error().status, 404);
        QCOMPARE(m_orgs->update(ana.id, orgB->id, QStringLiteral("pwned"), std::nullopt).error().status, 404);
        QCOMPARE(m_orgs->invite(ana.id, orgB->id, uniqueEmail(), Role::Viewer).error().status, 404);
        QCOMPARE(m_orgs->removeMember(ana.id, orgB->id, bob.id).error().status, 404);
        QCOMPARE(m_orgs->changeRole(ana.id, orgB->id, bob.id, Role::Viewer).error().status, 404);
        QCOMPARE(m_orgs->get(ana.id, QStringLiteral("'; DROP TABLE orgs; --")).error().status, 404);
        QCOMPARE(*m_orgs->roleOf(ana.id, orgB->id), std::nullopt);
        QCOMPARE(m_orgs->get(bob.id, orgB->id)->name, QStringLiteral("B"));
    }

    void inviteAcceptedOnceByTheInvitedEmail()
    {
        const UserInfo owner = newUser(QStringLiteral("inv-owner"));
        const UserInfo invited = newUser(QStringLiteral("inv-invited"));
        const UserInfo stranger = newUser(QStringLiteral("inv-stranger"));
        auto org = m_orgs->create(owner.id, QStringLiteral("Invites"));
        AUTH_VERIFY_OK(org);
        auto invite = m_orgs->invite(owner.id, org->id, invited.email.toUpper(), Role::Editor);
        AUTH_VERIFY_OK(invite);
        QVERIFY(invite->token.startsWith(QLatin1StringView(crypto::InviteTokenPrefix)));
        QCOMPARE(invite->link, QStringLiteral("https://slides.example.com/invite/") + invite->token);
        QCOMPARE(invite->info.status, QStringLiteral("pending"));

        auto wrongPerson = m_orgs->accept(stranger.id, invite->token.toLatin1());
        QCOMPARE(wrongPerson.error().status, 403);
        QCOMPARE(wrongPerson.error().code, QStringLiteral("invites.email_mismatch"));

        auto accepted = m_orgs->accept(invited.id, invite->token.toLatin1());
        AUTH_VERIFY_OK(accepted);
        QCOMPARE(accepted->orgId, org->id);
        QVERIFY(accepted->role == Role::Editor);
        QCOMPARE(*m_orgs->roleOf(invited.id, org->id), std::optional<Role>(Role::Editor));

        auto again = m_orgs->accept(invited.id, invite->token.toLatin1());
        QCOMPARE(again.error().status, 410);
        QCOMPARE(again.error().code, QStringLiteral("invites.used"));
        QCOMPARE(m_orgs->invites(owner.id, org->id)->at(0).status, QStringLiteral("used"));
        QCOMPARE(m_orgs->revokeInvite(owner.id, org->id, invite->info.id).error().code, QStringLiteral("invites.used"));
        QCOMPARE(m_orgs->accept(invited.id, crypto::randomToken(crypto::InviteTokenPrefix)).error().status, 404);
        QCOMPARE(m_orgs->accept(invited.id, "garbage").error().status, 404);
        // Inviting a member again is refused.
        QCOMPARE(m_orgs->invite(owner.id, org->id, invited.email, Role::Viewer).error().code,
                 QStringLiteral("invites.already_member"));
    }

    void revokedAndExpiredInvites()
    {
        const UserInfo owner = newUser(QStringLiteral("rev-owner"));
        const UserInfo invited = newUser(QStringLiteral("rev-invited"));
        auto org = m_orgs->create(owner.id, QStringLiteral("Revocations"));
        AUTH_VERIFY_OK(org);

        auto first = m_orgs->invite(owner.id, org->id, invited.email, Role::Viewer);
        AUTH_VERIFY_OK(first);
        AUTH_VERIFY_OK(m_orgs->revokeInvite(owner.id, org->id, first->info.id));
        AUTH_VERIFY_OK(m_orgs->revokeInvite(owner.id, org->id, first->info.id)); // idempotent
        QCOMPARE(m_orgs->accept(invited.id, first->token.toLatin1()).error().code, QStringLiteral("invites.revoked"));

        auto second = m_orgs->invite(owner.id, org->id, invited.email, Role::Viewer);
        AUTH_VERIFY_OK(second);
        ownerExec("UPDATE invites SET expires_at = now() - interval '1 second' WHERE id = '"
                  + second->info.id.toStdString() + "'");
        QCOMPARE(m_orgs->accept(invited.id, second->token.toLatin1()).error().code, QStringLiteral("invites.expired"));

        // A new invite for the same email replaces the pending one.
        auto third = m_orgs->invite(owner.id, org->id, invited.email, Role::Editor);
        auto fourth = m_orgs->invite(owner.id, org->id, invited.email, Role::Viewer);
        AUTH_VERIFY_OK(third);
        AUTH_VERIFY_OK(fourth);
        QCOMPARE(m_orgs->accept(invited.id, third->token.toLatin1()).error().code, QStringLiteral("invites.revoked"));
        AUTH_VERIFY_OK(m_orgs->accept(invited.id, fourth->token.toLatin1()));
        QCOMPARE(m_orgs->revokeInvite(owner.id, org->id, QUuid::createUuid().toString(QUuid::WithoutBraces))
                     .error()
                     .status,
                 404);
    }

    void inviteRoles()
    {
        const UserInfo owner = newUser(QStringLiteral("ir-owner"));
        const UserInfo admin = newUser(QStringLiteral("ir-admin"));
        const UserInfo editor = newUser(QStringLiteral("ir-editor"));
        auto org = m_orgs->create(owner.id, QStringLiteral("Invite Roles"));
        AUTH_VERIFY_OK(org);
        join(owner.id, org->id, admin, Role::Admin);
        join(owner.id, org->id, editor, Role::Editor);
        QCOMPARE(m_orgs->invite(admin.id, org->id, uniqueEmail(), Role::Owner).error().code,
                 QStringLiteral("members.owner_only"));
        AUTH_VERIFY_OK(m_orgs->invite(admin.id, org->id, uniqueEmail(), Role::Admin));
        QCOMPARE(m_orgs->invite(editor.id, org->id, uniqueEmail(), Role::Viewer).error().status, 403);
        AUTH_VERIFY_OK(m_orgs->invite(owner.id, org->id, uniqueEmail(), Role::Owner));
        QCOMPARE(m_orgs->invite(owner.id, org->id, QStringLiteral("nope"), Role::Viewer).error().code,
                 QStringLiteral("auth.invalid_email"));
    }

    void onlyOwnersDeleteAnOrg_data()
    {
        QTest::addColumn<int>("role"); // -1: not a member
        QTest::addColumn<int>("status");
        QTest::newRow("viewer is forbidden") << int(Role::Viewer) << 403;
        QTest::newRow("editor is forbidden") << int(Role::Editor) << 403;
        QTest::newRow("admin is forbidden") << int(Role::Admin) << 403;
        QTest::newRow("a non-member does not find it") << -1 << 404;
    }

    void onlyOwnersDeleteAnOrg()
    {
        QFETCH(int, role);
        QFETCH(int, status);
        const UserInfo owner = newUser(QStringLiteral("delowner"));
        const UserInfo other = newUser(QStringLiteral("delother"));
        auto org = m_orgs->create(owner.id, QStringLiteral("Keep Me"));
        AUTH_VERIFY_OK(org);
        if (role >= 0)
            join(owner.id, org->id, other, Role(role));
        auto refused = m_orgs->remove(other.id, org->id, QStringLiteral("Keep Me"));
        QVERIFY(!refused.ok());
        QCOMPARE(refused.error().status, status);
        AUTH_VERIFY_OK(m_orgs->get(owner.id, org->id));
    }

    void deletingAnOrgNeedsItsNameAndTakesItsTokens()
    {
        const UserInfo owner = newUser(QStringLiteral("delete"));
        auto org = m_orgs->create(owner.id, QStringLiteral("Gone Soon"));
        AUTH_VERIFY_OK(org);
        auto token = m_accounts->createApiToken(owner.id, org->id, QStringLiteral("ci"));
        AUTH_VERIFY_OK(token);
        for (const QString &wrong : {QString(), QStringLiteral("gone soon"), QStringLiteral("Gone Soon ")}) {
            auto refused = m_orgs->remove(owner.id, org->id, wrong);
            QVERIFY(!refused.ok());
            QCOMPARE(refused.error().status, 409);
            QCOMPARE(refused.error().code, QStringLiteral("orgs.confirmation_required"));
        }
        auto resolved = m_accounts->resolveToken(token->token.toLatin1());
        QVERIFY(resolved.ok() && resolved->has_value());

        AUTH_VERIFY_OK(m_orgs->remove(owner.id, org->id, QStringLiteral("Gone Soon")));
        auto gone = m_orgs->get(owner.id, org->id);
        QVERIFY(!gone.ok());
        QCOMPARE(gone.error().status, 404);
        auto mine = m_orgs->listForUser(owner.id);
        AUTH_VERIFY_OK(mine);
        for (const OrgInfo &o : *mine)
            QVERIFY(o.id != org->id);
        resolved = m_accounts->resolveToken(token->token.toLatin1());
        QVERIFY(resolved.ok());
        QVERIFY(!resolved->has_value()); // the org's API token went with it
        auto again = m_orgs->remove(owner.id, org->id, QStringLiteral("Gone Soon"));
        QVERIFY(!again.ok());
        QCOMPARE(again.error().status, 404);
    }

    void ownerRules()
    {
        const UserInfo owner = newUser(QStringLiteral("or-owner"));
        const UserInfo admin = newUser(QStringLiteral("or-admin"));
        const UserInfo editor = newUser(QStringLiteral("or-editor"));
        auto org = m_orgs->create(owner.id, QStringLiteral("Owner Rules"));
        AUTH_VERIFY_OK(org);
        join(owner.id, org->id, admin, Role::Admin);
        join(owner.id, org->id, editor, Role::Editor);

        // The last owner can neither leave nor step down.
        auto leave = m_orgs->removeMember(owner.id, org->id, owner.id);
        QCOMPARE(leave.error().status, 409);
        QCOMPARE(leave.error().code, QStringLiteral("members.last_owner"));
        QCOMPARE(m_orgs->changeRole(owner.id, org->id, owner.id, Role::Admin).error().code,
                 QStringLiteral("members.last_owner"));
        // An admin cannot promote to owner, nor remove the owner.
        QCOMPARE(m_orgs->changeRole(admin.id, org->id, editor.id, Role::Owner).error().code,
                 QStringLiteral("members.owner_only"));
        QCOMPARE(m_orgs->changeRole(admin.id, org->id, admin.id, Role::Owner).error().code,
                 QStringLiteral("members.owner_only"));
        QCOMPARE(m_orgs->removeMember(admin.id, org->id, owner.id).error().code, QStringLiteral("members.owner_only"));
        // An editor changes nobody's role.
        QCOMPARE(m_orgs->changeRole(editor.id, org->id, admin.id, Role::Viewer).error().status, 403);
        // The admin manages editors.
        auto demoted = m_orgs->changeRole(admin.id, org->id, editor.id, Role::Viewer);
        AUTH_VERIFY_OK(demoted);
        QVERIFY(demoted->role == Role::Viewer);
        // With a second owner, the first may leave.
        AUTH_VERIFY_OK(m_orgs->changeRole(owner.id, org->id, admin.id, Role::Owner));
        AUTH_VERIFY_OK(m_orgs->removeMember(owner.id, org->id, owner.id));
        QCOMPARE(*m_orgs->roleOf(owner.id, org->id), std::nullopt);
        QCOMPARE(m_orgs->get(owner.id, org->id).error().status, 404);
        // ...and now the promoted admin is the last owner.
        QCOMPARE(m_orgs->removeMember(admin.id, org->id, admin.id).error().code, QStringLiteral("members.last_owner"));
        auto members = m_orgs->members(admin.id, org->id);
        AUTH_VERIFY_OK(members);
        QCOMPARE(members->size(), 2);
        QCOMPARE(members->at(0).userId, admin.id);
        QVERIFY(members->at(0).role == Role::Owner);
        QCOMPARE(m_orgs->removeMember(admin.id, org->id, QUuid::createUuid().toString(QUuid::WithoutBraces))
                     .error()
                     .code,
                 QStringLiteral("members.not_found"));
    }

    void twoOwnersLeavingAtOnceKeepOne()
    {
        // Both owners leave at the same moment: the membership rows are
        // locked while the owner count is checked, so exactly one succeeds.
        for (int round = 0; round < 5; ++round) {
            const UserInfo first = newUser(QStringLiteral("race-1"));
            const UserInfo second = newUser(QStringLiteral("race-2"));
            auto org = m_orgs->create(first.id, QStringLiteral("Race"));
            AUTH_VERIFY_OK(org);
            join(first.id, org->id, second, Role::Owner);
            QFuture<ServiceResult<void>> a = QtConcurrent::run([&] { return m_orgs->removeMember(first.id, org->id, first.id); });
            QFuture<ServiceResult<void>> b = QtConcurrent::run([&] { return m_orgs->removeMember(second.id, org->id, second.id); });
            const ServiceResult<void> ra = a.result();
            const ServiceResult<void> rb = b.result();
            QCOMPARE(int(ra.ok()) + int(rb.ok()), 1);
            const ServiceResult<void> &refused = ra.ok() ? rb : ra;
            QCOMPARE(refused.error().code, QStringLiteral("members.last_owner"));
            const QString stays = ra.ok() ? second.id : first.id;
            QCOMPARE(*m_orgs->roleOf(stays, org->id), std::optional<Role>(Role::Owner));
        }
    }

    void concurrentAcceptsUseTheInviteOnce()
    {
        const UserInfo owner = newUser(QStringLiteral("once-owner"));
        const UserInfo invited = newUser(QStringLiteral("once-invited"));
        auto org = m_orgs->create(owner.id, QStringLiteral("Once"));
        AUTH_VERIFY_OK(org);
        auto invite = m_orgs->invite(owner.id, org->id, invited.email, Role::Editor);
        AUTH_VERIFY_OK(invite);
        const QByteArray token = invite->token.toLatin1();
        QList<QFuture<ServiceResult<AcceptedInvite>>> futures;
        for (int i = 0; i < 4; ++i)
            futures.append(QtConcurrent::run([&] { return m_orgs->accept(invited.id, token); }));
        int accepted = 0;
        for (auto &future : futures) {
            const auto result = future.result();
            if (result.ok()) {
                ++accepted;
                QVERIFY(!result->alreadyMember);
            } else {
                QCOMPARE(result.error().code, QStringLiteral("invites.used"));
            }
        }
        QCOMPARE(accepted, 1);
    }
};

QTEST_GUILESS_MAIN(TestOrgs)
#include "tst_orgs.moc"
