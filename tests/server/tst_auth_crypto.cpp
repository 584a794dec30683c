// SPDX-License-Identifier: GPL-3.0-or-later
// The crypto primitives and the password policy: argon2id hashes carry their
// parameters and verify, needsRehash follows the parameters, tokens have 256
// bits and their prefix, token hashes are SHA-256.
#include "auth/crypto.h"
#include "auth/passwordpolicy.h"

#include <QElapsedTimer>
#include <QSet>
#include <QTest>

using namespace slidespec::server;

class TestAuthCrypto : public QObject
{
    Q_OBJECT

private slots:
    void defaultParamsMeetOwasp()
    {
        QVERIFY(crypto::PasswordHashParams{}.meetsOwaspMinimum());
        QVERIFY(crypto::PasswordHashParams::owaspMinimum().meetsOwaspMinimum());
        QVERIFY(!(crypto::PasswordHashParams{1, 19u * 1024u * 1024u}.meetsOwaspMinimum()));
        QVERIFY(!(crypto::PasswordHashParams{2, 8u * 1024u * 1024u}.meetsOwaspMinimum()));
    }

    void hashCarriesParamsAndVerifies()
    {
        const auto params = crypto::PasswordHashParams::owaspMinimum();
        const auto hash = crypto::hashPassword(QStringLiteral("correct horse battery"), params);
        QVERIFY(hash.has_value());
        QVERIFY2(hash->startsWith("$argon2id$v=19$m=19456,t=2,p=1$"), hash->constData());
        QVERIFY(crypto::verifyPassword(*hash, QStringLiteral("correct horse battery")));
        QVERIFY(!crypto::verifyPassword(*hash, QStringLiteral("correct horse battery ")));
        QVERIFY(!crypto::verifyPassword(*hash, QString()));
        // Same password, new salt: different strings.
        QCOMPARE_NE(*crypto::hashPassword(QStringLiteral("correct horse battery"), params), *hash);
    }

    void defaultHashCost()
    {
        // The default parameters, measured: docs/auth.md quotes this figure.
        QElapsedTimer timer;
        timer.start();
        const auto hash = crypto::hashPassword(QStringLiteral("measure the default cost"));
        const qint64 ms = timer.elapsed();
        QVERIFY(hash.has_value());
        QVERIFY2(hash->startsWith("$argon2id$v=19$m=65536,t=2,p=1$"), hash->constData());
        qInfo("argon2id m=64MiB t=2 p=1: %lld ms", ms);
        QVERIFY(!crypto::needsRehash(*hash));
    }

    void unicodePasswordsVerify()
    {
        const auto params = crypto::PasswordHashParams::owaspMinimum();
        const QString password = QStringLiteral("pässwörd–ünïcødé 🔑");
        const auto hash = crypto::hashPassword(password, params);
        QVERIFY(hash.has_value());
        QVERIFY(crypto::verifyPassword(*hash, password));
        QVERIFY(!crypto::verifyPassword(*hash, QStringLiteral("passwords-unicode")));
    }

    void malformedHashesFailClosed_data()
    {
        QTest::addColumn<QByteArray>("encoded");
        QTest::newRow("empty string") << QByteArray();
        QTest::newRow("not a PHC string") << QByteArray("hunter2hunter2");
        QTest::newRow("bcrypt string") << QByteArray("$2b$12$abcdefghijklmnopqrstuuJ5yQ1k0Y8mHcPz3rB8kUe8H0lq6zHi");
        QTest::newRow("truncated argon2id") << QByteArray("$argon2id$v=19$m=19456,t=2,p=1$c2FsdA");
        QTest::newRow("longer than the buffer") << QByteArray(200, 'a');
    }

    void malformedHashesFailClosed()
    {
        QFETCH(QByteArray, encoded);
        QVERIFY(!crypto::verifyPassword(encoded, QStringLiteral("anything at all")));
        QVERIFY(crypto::needsRehash(encoded));
    }

    void needsRehashFollowsParams_data()
    {
        QTest::addColumn<quint64>("hashOps");
        QTest::addColumn<quint64>("hashMiB");
        QTest::addColumn<quint64>("wantOps");
        QTest::addColumn<quint64>("wantMiB");
        QTest::addColumn<bool>("expected");
        QTest::newRow("same params: no rehash") << quint64(2) << quint64(19) << quint64(2) << quint64(19) << false;
        QTest::newRow("memory raised: rehash") << quint64(2) << quint64(19) << quint64(2) << quint64(64) << true;
        QTest::newRow("passes raised: rehash") << quint64(2) << quint64(19) << quint64(3) << quint64(19) << true;
        QTest::newRow("params lowered: rehash too") << quint64(3) << quint64(19) << quint64(2) << quint64(19) << true;
    }

    void needsRehashFollowsParams()
    {
        QFETCH(quint64, hashOps);
        QFETCH(quint64, hashMiB);
        QFETCH(quint64, wantOps);
        QFETCH(quint64, wantMiB);
        QFETCH(bool, expected);
        const auto hash = crypto::hashPassword(QStringLiteral("rehash me please"),
                                               {hashOps, std::size_t(hashMiB) * 1024u * 1024u});
        QVERIFY(hash.has_value());
        QCOMPARE(crypto::needsRehash(*hash, {wantOps, std::size_t(wantMiB) * 1024u * 1024u}), expected);
    }

    void tokensAre256BitsWithPrefix_data()
    {
        QTest::addColumn<QByteArray>("prefix");
        QTest::newRow("session token") << QByteArray(crypto::SessionTokenPrefix);
        QTest::newRow("api token") << QByteArray(crypto::ApiTokenPrefix);
        QTest::newRow("invite token") << QByteArray(crypto::InviteTokenPrefix);
    }

    void tokensAre256BitsWithPrefix()
    {
        QFETCH(QByteArray, prefix);
        QSet<QByteArray> seen;
        for (int i = 0; i < 200; ++i) {
            const QByteArray token = crypto::randomToken(prefix);
            QVERIFY(token.startsWith(prefix));
            QVERIFY2(crypto::looksLikeToken(token, prefix), token.constData());
            const QByteArray body = QByteArray::fromBase64(token.mid(prefix.size()), QByteArray::Base64UrlEncoding);
            QCOMPARE(body.size(), 32);
            QVERIFY(!seen.contains(token));
            seen.insert(token);
        }
    }

    void looksLikeTokenRejects_data()
    {
        QTest::addColumn<QByteArray>("token");
        QTest::newRow("wrong prefix") << QByteArray("sss_") + QByteArray(43, 'A');
        QTest::newRow("body one short") << QByteArray("ssp_") + QByteArray(42, 'A');
        QTest::newRow("body one long") << QByteArray("ssp_") + QByteArray(44, 'A');
        QTest::newRow("standard base64 characters") << QByteArray("ssp_") + QByteArray(42, 'A') + '+';
        QTest::newRow("padding") << QByteArray("ssp_") + QByteArray(42, 'A') + '=';
        QTest::newRow("SQL metacharacters") << QByteArray("ssp_'; DROP TABLE users; --") + QByteArray(16, 'A');
        QTest::newRow("empty") << QByteArray();
    }

    void looksLikeTokenRejects()
    {
        QFETCH(QByteArray, token);
        QVERIFY(!crypto::looksLikeToken(token, crypto::ApiTokenPrefix));
    }

    void tokenHashIsSha256()
    {
        // FIPS 180-2 test vector.
        QCOMPARE(crypto::hashToken("abc").toHex(),
                 QByteArray("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"));
        const QByteArray token = crypto::randomToken(crypto::SessionTokenPrefix);
        QCOMPARE(crypto::hashToken(token), crypto::hashToken(token));
        QCOMPARE(crypto::hashToken(token).size(), 32);
    }

    void constantTimeEquals_data()
    {
        QTest::addColumn<QByteArray>("a");
        QTest::addColumn<QByteArray>("b");
        QTest::addColumn<bool>("equal");
        QTest::newRow("equal") << QByteArray("secret-value") << QByteArray("secret-value") << true;
        QTest::newRow("last byte differs") << QByteArray("secret-value") << QByteArray("secret-valuf") << false;
        QTest::newRow("lengths differ") << QByteArray("secret") << QByteArray("secret-value") << false;
        QTest::newRow("both empty") << QByteArray() << QByteArray() << true;
    }

    void constantTimeEquals()
    {
        QFETCH(QByteArray, a);
        QFETCH(QByteArray, b);
        QFETCH(bool, equal);
        QCOMPARE(crypto::constantTimeEquals(a, b), equal);
    }

    void passwordPolicy_data()
    {
        QTest::addColumn<QString>("password");
        QTest::addColumn<QString>("messagePart"); // empty: accepted
        QTest::newRow("9 characters: too short") << QStringLiteral("abcdefghi") << QStringLiteral("too short");
        QTest::newRow("10 characters: accepted") << QStringLiteral("abcdefghij") << QString();
        QTest::newRow("10 accented characters count as 10") << QStringLiteral("éééééééééé") << QString();
        QTest::newRow("5 emoji are 5 characters, not 10") << QStringLiteral("🔑🔑🔑🔑🔑") << QStringLiteral("too short");
        QTest::newRow("256 characters: accepted") << QString(256, u'x') << QString();
        QTest::newRow("257 characters: too long") << QString(257, u'x') << QStringLiteral("too long");
        QTest::newRow("only spaces") << QString(12, u' ') << QStringLiteral("only whitespace");
        QTest::newRow("only tabs and newlines") << QStringLiteral("\t\n\t\n\t\n\t\n\t\n") << QStringLiteral("only whitespace");
        QTest::newRow("spaces inside are fine") << QStringLiteral("correct horse battery staple") << QString();
        QTest::newRow("NUL character") << QStringLiteral("abcdefghij") + QChar(0) << QStringLiteral("NUL");
    }

    void passwordPolicy()
    {
        QFETCH(QString, password);
        QFETCH(QString, messagePart);
        const auto problem = PasswordPolicy::check(password);
        if (messagePart.isEmpty()) {
            QVERIFY2(!problem.has_value(), qPrintable(problem.value_or(QString())));
        } else {
            QVERIFY(problem.has_value());
            QVERIFY2(problem->contains(messagePart), qPrintable(*problem));
        }
    }
};

QTEST_GUILESS_MAIN(TestAuthCrypto)
#include "tst_auth_crypto.moc"
