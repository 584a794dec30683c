// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Shared by the server tests that run the real server in-process (tst_content,
// tst_assets, the tst_jobs_* tests, tst_routematrix): the ServerConfig they
// start from, and their "world": org A with an owner, an editor and a viewer
// (signed up, invited, accepted) and org B with an owner of its own.

#include "auth/authservices.h"
#include "config/serverconfig.h"
#include "serverfixture.h"
#include "tst_auth_support.h"

#include <QHash>
#include <QHostAddress>
#include <QUrl>

#include <utility>

namespace worldtest {

using namespace slidespec::server;
using slidespec::server::test::TestDatabase;

/*! A signed-up user and a session token. */
struct Member
{
    QString id;
    QByteArray token;
};

/*! The client every test signup and login comes from (a documentation address). */
inline AccountService::Client client()
{
    AccountService::Client c;
    c.address = QStringLiteral("192.0.2.40");
    return c;
}

/*!
 * \brief A server config over \a db (the app role \a appRole), listening on a
 * free loopback port, with its file store in the folder \a storageDir and a
 * secret key of 48 \a secretByte bytes. Pool sizes, threads and body limits
 * are the caller's to set.
 */
inline ServerConfig loopbackConfig(const TestDatabase &db, const QString &appRole, const QString &storageDir,
                                   char secretByte)
{
    ServerConfig config;
    config.databaseUrl = db.appUrl();
    config.migrationDatabaseUrl = db.ownerUrl();
    config.appRole = appRole;
    config.listenAddress = QHostAddress(QHostAddress::LocalHost);
    config.listenPort = 0;
    config.publicBaseUrl = QStringLiteral("http://127.0.0.1");
    config.storageUrl = QUrl::fromLocalFile(storageDir).toString();
    config.secretKey = QByteArray(48, secretByte);
    return config;
}

/*! Org A (owner, editor, viewer) and org B (another owner). */
struct World
{
    Member owner, editor, viewer, otherOwner;
    QString orgA, orgB;
    QHash<QString, QString> emails; //!< by user id
};

/*!
 * \brief Signs up the four members of \a world through \a sv, creates org A
 * (named \a nameA, owned by world.owner) and org B (\a nameB, owned by
 * world.otherOwner), and has the editor and the viewer accept invitations to
 * org A with their roles. Empty on success, else the step that failed.
 */
inline QString populateWorld(AuthServices &sv, World &world, const QString &nameA = QStringLiteral("Org A"),
                             const QString &nameB = QStringLiteral("Org B"))
{
    auto member = [&](const QString &name, Member *out) -> bool {
        auto grant = sv.accounts().signup(authtest::uniqueEmail(name), authtest::password, name, client());
        if (!grant)
            return false;
        *out = {grant->user.id, grant->token.toUtf8()};
        world.emails.insert(out->id, grant->user.email);
        return true;
    };
    if (!member(QStringLiteral("owner"), &world.owner) || !member(QStringLiteral("editor"), &world.editor)
        || !member(QStringLiteral("viewer"), &world.viewer) || !member(QStringLiteral("other"), &world.otherOwner))
        return QStringLiteral("signup failed");
    auto a = sv.orgs().create(world.owner.id, nameA);
    auto b = sv.orgs().create(world.otherOwner.id, nameB);
    if (!a || !b)
        return QStringLiteral("org creation failed");
    world.orgA = a->id;
    world.orgB = b->id;
    for (auto [m, role] : {std::pair{&world.editor, Role::Editor}, std::pair{&world.viewer, Role::Viewer}}) {
        auto invite = sv.orgs().invite(world.owner.id, world.orgA, world.emails.value(m->id), role);
        if (!invite)
            return QStringLiteral("invite failed: ") + invite.error().message;
        auto accepted = sv.orgs().accept(m->id, invite->token.toLatin1());
        if (!accepted)
            return QStringLiteral("accept failed: ") + accepted.error().message;
    }
    return {};
}

} // namespace worldtest
