// SPDX-License-Identifier: GPL-3.0-or-later
// Signed download URLs: valid links pass until they expire; every kind of
// tampering, another key, and missing or malformed parameters are refused.
#include "storage/urlsigner.h"

#include <QTest>
#include <QUrl>

using namespace slidespec::server;

Q_DECLARE_METATYPE(slidespec::server::UrlSigner::Verdict)

namespace {

const QByteArray Key = QByteArray("0123456789abcdef0123456789abcdef");
const QByteArray OtherKey = QByteArray("fedcba9876543210fedcba9876543210");
const QString Path = QStringLiteral("/api/v1/orgs/7/assets/sha256-3fa4c2");

QDateTime at(qint64 seconds)
{
    return QDateTime::fromSecsSinceEpoch(seconds, Qt::UTC);
}

UrlSigner signerAt(qint64 now, const QByteArray &key = Key)
{
    return UrlSigner(key, [now] { return at(now); });
}

/*! Replaces the value of \a name in \a query. */
QString withParam(const QString &query, const QString &name, const QString &value)
{
    QUrlQuery q(query);
    q.removeAllQueryItems(name);
    q.addQueryItem(name, value);
    return q.toString(QUrl::FullyEncoded);
}

} // namespace

class TestSignedUrl : public QObject
{
    Q_OBJECT

private slots:
    void signedLinkIsValidUntilItExpires();
    void linksAreRefused_data();
    void linksAreRefused();
    void shortKeyIsRefused();
    void signatureIsBase64UrlWithoutPadding();
};

void TestSignedUrl::signedLinkIsValidUntilItExpires()
{
    const qint64 now = 1'800'000'000;
    const UrlSigner signer = signerAt(now);
    const QString query = signer.sign(Path, at(now + 300));
    QVERIFY(query.startsWith(QStringLiteral("expires=%1&sig=").arg(now + 300)));
    QVERIFY(signer.verify(Path, QUrlQuery(query)).ok());
    QVERIFY(signerAt(now + 299).verify(Path, QUrlQuery(query)).ok());
    const auto atExpiry = signerAt(now + 300).verify(Path, QUrlQuery(query));
    QCOMPARE(atExpiry.verdict, UrlSigner::Verdict::Expired);
    QVERIFY2(atExpiry.message.contains(QLatin1String("expired")), qPrintable(atExpiry.message));
    // The whole path form, parsed back from a URL.
    const QUrl url(QStringLiteral("https://slides.example") + signer.signedPath(Path, at(now + 60)));
    QVERIFY(signer.verify(url.path(QUrl::FullyEncoded), QUrlQuery(url)).ok());
}

void TestSignedUrl::linksAreRefused_data()
{
    const qint64 now = 1'800'000'000;
    const QString good = signerAt(now).sign(Path, at(now + 300));
    const QString sig = QUrlQuery(good).queryItemValue(QStringLiteral("sig"));

    QTest::addColumn<QString>("path");
    QTest::addColumn<QString>("query");
    QTest::addColumn<QByteArray>("method");
    QTest::addColumn<QByteArray>("key");
    QTest::addColumn<qint64>("now");
    QTest::addColumn<UrlSigner::Verdict>("verdict");

    QTest::newRow("expired an hour ago") << Path << good << QByteArray("GET") << Key << now + 3600
                                         << UrlSigner::Verdict::Expired;
    QTest::newRow("tampered path (another asset)") << Path + QStringLiteral("x") << good << QByteArray("GET") << Key << now
                                                   << UrlSigner::Verdict::BadSignature;
    QTest::newRow("tampered path (another org)") << QStringLiteral("/api/v1/orgs/8/assets/sha256-3fa4c2") << good
                                                 << QByteArray("GET") << Key << now << UrlSigner::Verdict::BadSignature;
    QTest::newRow("tampered expiry (extended by a day)")
        << Path << withParam(good, QStringLiteral("expires"), QString::number(now + 86400)) << QByteArray("GET") << Key
        << now << UrlSigner::Verdict::BadSignature;
    QString flipped = sig;
    flipped[5] = flipped[5] == u'A' ? u'B' : u'A';
    QTest::newRow("tampered signature (one character)") << Path << withParam(good, QStringLiteral("sig"), flipped)
                                                        << QByteArray("GET") << Key << now << UrlSigner::Verdict::BadSignature;
    QTest::newRow("signature of another key") << Path << good << QByteArray("GET") << OtherKey << now
                                              << UrlSigner::Verdict::BadSignature;
    QTest::newRow("another method (DELETE with a GET link)") << Path << good << QByteArray("DELETE") << Key << now
                                                             << UrlSigner::Verdict::BadSignature;
    QTest::newRow("missing sig") << Path << QStringLiteral("expires=%1").arg(now + 300) << QByteArray("GET") << Key << now
                                 << UrlSigner::Verdict::Missing;
    QTest::newRow("missing expires") << Path << QStringLiteral("sig=") + sig << QByteArray("GET") << Key << now
                                     << UrlSigner::Verdict::Missing;
    QTest::newRow("no query at all") << Path << QString() << QByteArray("GET") << Key << now << UrlSigner::Verdict::Missing;
    QTest::newRow("expires not a number") << Path << withParam(good, QStringLiteral("expires"), QStringLiteral("soon"))
                                          << QByteArray("GET") << Key << now << UrlSigner::Verdict::Malformed;
    QTest::newRow("negative expires") << Path << withParam(good, QStringLiteral("expires"), QStringLiteral("-5"))
                                      << QByteArray("GET") << Key << now << UrlSigner::Verdict::Malformed;
    QTest::newRow("huge expires (overflow)") << Path
                                             << withParam(good, QStringLiteral("expires"), QStringLiteral("99999999999999999999"))
                                             << QByteArray("GET") << Key << now << UrlSigner::Verdict::Malformed;
    QTest::newRow("signature not base64url") << Path << withParam(good, QStringLiteral("sig"), QStringLiteral("***"))
                                             << QByteArray("GET") << Key << now << UrlSigner::Verdict::Malformed;
    QTest::newRow("truncated signature") << Path << withParam(good, QStringLiteral("sig"), sig.left(20))
                                         << QByteArray("GET") << Key << now << UrlSigner::Verdict::Malformed;
    QTest::newRow("empty signature") << Path << withParam(good, QStringLiteral("sig"), QString()) << QByteArray("GET")
                                     << Key << now << UrlSigner::Verdict::Malformed;
    QTest::newRow("repeated expires (parser confusion)") << Path << good + QStringLiteral("&expires=%1").arg(now + 99999)
                                                         << QByteArray("GET") << Key << now << UrlSigner::Verdict::Malformed;
}

void TestSignedUrl::linksAreRefused()
{
    QFETCH(QString, path);
    QFETCH(QString, query);
    QFETCH(QByteArray, method);
    QFETCH(QByteArray, key);
    QFETCH(qint64, now);
    QFETCH(UrlSigner::Verdict, verdict);
    const auto result = signerAt(now, key).verify(path, QUrlQuery(query), method);
    QVERIFY(!result.ok());
    QCOMPARE(result.verdict, verdict);
    QVERIFY(!result.message.isEmpty());
}

void TestSignedUrl::shortKeyIsRefused()
{
    const UrlSigner signer(QByteArray(31, 'k'));
    QVERIFY(!signer.isValid());
    QVERIFY(signer.sign(Path, at(2'000'000'000)).isEmpty());
    const UrlSigner good(Key);
    const QString query = good.sign(Path, at(2'000'000'000));
    QVERIFY(!signer.verify(Path, QUrlQuery(query)).ok());
}

void TestSignedUrl::signatureIsBase64UrlWithoutPadding()
{
    const UrlSigner signer = signerAt(0);
    for (int i = 0; i < 50; ++i) {
        const QString sig = QUrlQuery(signer.sign(Path + QString::number(i), at(1000 + i))).queryItemValue(QStringLiteral("sig"));
        QCOMPARE(sig.size(), 43); // 32 bytes
        QVERIFY(!sig.contains(u'=') && !sig.contains(u'+') && !sig.contains(u'/'));
    }
}

QTEST_GUILESS_MAIN(TestSignedUrl)
#include "tst_signedurl.moc"
