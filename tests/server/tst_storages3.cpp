// SPDX-License-Identifier: GPL-3.0-or-later
// The S3 backend: the SigV4 signer against AWS's published examples, storage
// URLs, and the behaviour against the real S3-compatible server that
// scripts/s3.sh starts (wrong credentials, missing bucket, server down,
// virtual-host style addressing the same bucket; every plain-HTTP request
// has its signature recomputed by scripts/s3-sigv4-gateway.cjs with AWS's own
// signer, so a wrong secret is refused). Fails, does not skip, when
// SLIDESPEC_TEST_S3_URL is not set.
#include "storage/s3storage.h"
#include "storage/sigv4.h"
#include "storage/storagekey.h"
#include "storage/storagebackend.h"

#include <algorithm>

#include <QElapsedTimer>
#include <QRandomGenerator>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>
#include <QTimeZone>
#include <QUrl>
#include <QUrlQuery>

using namespace slidespec::server;

namespace {

QString describe(const StorageError &error)
{
    return QStringLiteral("[kind %1] %2").arg(int(error.kind)).arg(error.message);
}

QDateTime utc(const char *text)
{
    QDateTime time = QDateTime::fromString(QString::fromLatin1(text), Qt::ISODate);
    time.setTimeZone(QTimeZone::utc());
    return time;
}

/*! The test URL with its user/password replaced. */
QString withCredentials(const QString &url, const QString &access, const QString &secret)
{
    QUrl u(url);
    u.setUserName(access);
    u.setPassword(secret);
    return u.toString();
}

QString withPort(const QString &url, int port)
{
    QUrl u(url);
    u.setPort(port);
    return u.toString();
}

int freePort()
{
    QTcpServer server;
    server.listen(QHostAddress::LocalHost, 0);
    return server.serverPort();
}

const char *AwsExampleAccess = "AKIAIOSFODNN7EXAMPLE";
const char *AwsExampleSecret = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY";
const char *EmptySha256 = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";

} // namespace

using Pairs = QList<QPair<QByteArray, QByteArray>>;

#define CHECK_OK(result) QVERIFY2((result).ok(), qPrintable(describe((result).error())))

class TestStorageS3 : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();

    // The signer, offline, against published values.
    void signerMatchesAwsGetObjectExample();
    void signerMatchesAwsS3Examples_data();
    void signerMatchesAwsS3Examples();
    void signerMatchesAwsSigV4TestSuiteGetVanilla();
    void signerEncodesPathAndQueryAsAwsSays();
    void putSignsTheBodyHashNotUnsignedPayload();

    // Storage URLs.
    void urlsAreParsed_data();
    void urlsAreParsed();
    void badUrlsAreRefusedWithoutTheSecret_data();
    void badUrlsAreRefusedWithoutTheSecret();
    void credentialsFromFiles();
    void credentialsFromEnvironment();
    void redactedUrlHidesTheSecret();

    // Against the real server.
    void virtualHostStyleAddressesTheSameBucket();
    void unknownAccessKeyIsRefusedClearly();
    void wrongSecretIsRefused();
    void signaturesPassAnIndependentChecker_data();
    void signaturesPassAnIndependentChecker();
    void missingBucketIsAClearError();
    void serverDownIsAClearErrorAndUnhealthy();
    void silentServerTimesOut();
    void badHttpAnswersAreClearErrors_data();
    void badHttpAnswersAreClearErrors();
    void worksFromManyThreadsAtOnce();
    void httpsWithTheTrustedCertificateWorks();
    void httpsWithAnUntrustedCertificateIsRefused();
    void httpsWithAnotherHostNameIsRefused();

private:
    QString m_pathUrl;
    QString m_virtualUrl;
    QString m_tlsUrl;
};

void TestStorageS3::initTestCase()
{
    m_pathUrl = qEnvironmentVariable("SLIDESPEC_TEST_S3_URL");
    m_virtualUrl = qEnvironmentVariable("SLIDESPEC_TEST_S3_VHOST_URL");
    m_tlsUrl = qEnvironmentVariable("SLIDESPEC_TEST_S3_TLS_URL");
}

#define REQUIRE_S3()                                                                                                    \
    do {                                                                                                                \
        if (m_pathUrl.isEmpty() || m_virtualUrl.isEmpty() || m_tlsUrl.isEmpty())                                        \
            QFAIL("SLIDESPEC_TEST_S3_URL, SLIDESPEC_TEST_S3_VHOST_URL and SLIDESPEC_TEST_S3_TLS_URL must be set: run "    \
                  "`scripts/s3.sh start && eval \"$(scripts/s3.sh env)\"` first (scripts/test.sh does).");               \
    } while (false)

void TestStorageS3::signerMatchesAwsGetObjectExample()
{
    // "Example: GET Object" in the Amazon S3 API reference, "Signature
    // Calculations for the Authorization Header: Transferring Payload in a
    // Single Chunk".
    SigV4Signer signer(QString::fromLatin1(AwsExampleAccess), AwsExampleSecret, QStringLiteral("us-east-1"));
    SigV4Signer::Request request;
    request.method = "GET";
    request.canonicalUri = "/test.txt";
    request.payloadHash = EmptySha256;
    request.headers = {{"Host", "examplebucket.s3.amazonaws.com"},
                       {"Range", "bytes=0-9"},
                       {"x-amz-content-sha256", EmptySha256},
                       {"x-amz-date", "20130524T000000Z"}};
    const QDateTime time = utc("2013-05-24T00:00:00Z");
    QCOMPARE(signer.canonicalRequest(request),
             QByteArray("GET\n/test.txt\n\nhost:examplebucket.s3.amazonaws.com\nrange:bytes=0-9\n"
                        "x-amz-content-sha256:e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855\n"
                        "x-amz-date:20130524T000000Z\n\nhost;range;x-amz-content-sha256;x-amz-date\n"
                        "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"));
    QCOMPARE(signer.stringToSign(request, time),
             QByteArray("AWS4-HMAC-SHA256\n20130524T000000Z\n20130524/us-east-1/s3/aws4_request\n"
                        "7344ae5b7ee6c3e7e6b0fe0640412a37625d1fbfff95c48bbb2dc43964946972"));
    QCOMPARE(signer.authorization(request, time),
             QByteArray("AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/20130524/us-east-1/s3/aws4_request,"
                        "SignedHeaders=host;range;x-amz-content-sha256;x-amz-date,"
                        "Signature=f0e8bdb87c964420e857bd35b5d6ed310bd44f0170aba48dd91039c6036bdb41"));
}

void TestStorageS3::signerMatchesAwsS3Examples_data()
{
    // The other examples of the same AWS page: PUT Object (a signed body and
    // a '$' in the key), GET Bucket Lifecycle (a valueless sub-resource) and
    // GET Bucket (List Objects) (a sorted query).
    QTest::addColumn<QByteArray>("method");
    QTest::addColumn<QByteArray>("uri");
    QTest::addColumn<Pairs>("query");
    QTest::addColumn<Pairs>("headers");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QByteArray>("signature");
    const QByteArray putBody = "Welcome to Amazon S3.";
    const QByteArray putHash = SigV4Signer::sha256Hex(putBody);
    QTest::newRow("PUT Object") << QByteArray("PUT") << SigV4Signer::uriEncode("/test$file.text", true)
                                << Pairs{}
                                << Pairs{{"Host", "examplebucket.s3.amazonaws.com"},
                                                                        {"Date", "Fri, 24 May 2013 00:00:00 GMT"},
                                                                        {"x-amz-date", "20130524T000000Z"},
                                                                        {"x-amz-storage-class", "REDUCED_REDUNDANCY"},
                                                                        {"x-amz-content-sha256", putHash}}
                                << putBody << QByteArray("98ad721746da40c64f1a55b78f14c238d841ea1380cd77a1b5971af0ece108bd");
    const Pairs bucketHeaders = {{"Host", "examplebucket.s3.amazonaws.com"},
                                                                {"x-amz-date", "20130524T000000Z"},
                                                                {"x-amz-content-sha256", EmptySha256}};
    QTest::newRow("GET Bucket Lifecycle") << QByteArray("GET") << QByteArray("/")
                                          << Pairs{{"lifecycle", ""}} << bucketHeaders
                                          << QByteArray()
                                          << QByteArray("fea454ca298b7da1c68078a5d1bdbfbbe0d65c699e0f91ac7a200a0136783543");
    QTest::newRow("GET Bucket (List Objects)")
        << QByteArray("GET") << QByteArray("/")
        << Pairs{{"prefix", "J"}, {"max-keys", "2"}} << bucketHeaders << QByteArray()
        << QByteArray("34b48302e7b5fa45bde8084f4b7868a86f0a534bc59db6670ed5711ef69dc6f7");
}

void TestStorageS3::signerMatchesAwsS3Examples()
{
    QFETCH(QByteArray, method);
    QFETCH(QByteArray, uri);
    QFETCH(Pairs, query);
    QFETCH(Pairs, headers);
    QFETCH(QByteArray, body);
    QFETCH(QByteArray, signature);
    SigV4Signer signer(QString::fromLatin1(AwsExampleAccess), AwsExampleSecret, QStringLiteral("us-east-1"));
    SigV4Signer::Request request;
    request.method = method;
    request.canonicalUri = uri;
    request.query = query;
    request.headers = headers;
    request.payloadHash = SigV4Signer::sha256Hex(body);
    QCOMPARE(signer.signature(request, utc("2013-05-24T00:00:00Z")), signature);
}

void TestStorageS3::signerMatchesAwsSigV4TestSuiteGetVanilla()
{
    // "get-vanilla" from the AWS Signature Version 4 test suite.
    SigV4Signer signer(QStringLiteral("AKIDEXAMPLE"), "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY",
                       QStringLiteral("us-east-1"), QStringLiteral("service"));
    SigV4Signer::Request request;
    request.method = "GET";
    request.canonicalUri = "/";
    request.payloadHash = EmptySha256;
    request.headers = {{"Host", "example.amazonaws.com"}, {"X-Amz-Date", "20150830T123600Z"}};
    QCOMPARE(signer.signature(request, utc("2015-08-30T12:36:00Z")),
             QByteArray("5fa00fa31553b73ebf1942676e86291e8372ff2a2260956d9b8aae1d763fbf31"));
}

void TestStorageS3::signerEncodesPathAndQueryAsAwsSays()
{
    QCOMPARE(SigV4Signer::uriEncode("a b/c~d+e=f", true), QByteArray("a%20b/c~d%2Be%3Df"));
    QCOMPARE(SigV4Signer::uriEncode("a/b", false), QByteArray("a%2Fb"));
    SigV4Signer signer(QStringLiteral("A"), "S", QStringLiteral("us-east-1"));
    SigV4Signer::Request request;
    request.method = "GET";
    request.canonicalUri = "/bucket";
    request.query = {{"prefix", "a/b c"}, {"list-type", "2"}, {"continuation-token", "x+y="}};
    request.headers = {{"Host", "h"}};
    request.payloadHash = EmptySha256;
    // Sorted by name, names and values encoded, '/' too.
    QVERIFY(signer.canonicalRequest(request).startsWith(
        "GET\n/bucket\ncontinuation-token=x%2By%3D&list-type=2&prefix=a%2Fb%20c\nhost:h\n"));
}

void TestStorageS3::putSignsTheBodyHashNotUnsignedPayload()
{
    // Against the real server: a PUT whose body differs from what was signed
    // cannot be produced by the client, so check the header the client signs
    // by signing a known body and comparing the canonical request's last line.
    const QByteArray body = "Welcome to Amazon S3.";
    QCOMPARE(SigV4Signer::sha256Hex(body), QByteArray("44ce7dd67c959e0d3524ffac1771dfbba87d2b6b4b4e99e42034a8b803f8b072"));
    SigV4Signer signer(QStringLiteral("A"), "S", QStringLiteral("us-east-1"));
    SigV4Signer::Request request;
    request.method = "PUT";
    request.canonicalUri = "/bucket/key";
    request.payloadHash = SigV4Signer::sha256Hex(body);
    request.headers = {{"Host", "h"}, {"x-amz-content-sha256", request.payloadHash}};
    const QByteArray canonical = signer.canonicalRequest(request);
    QVERIFY(canonical.endsWith("\n44ce7dd67c959e0d3524ffac1771dfbba87d2b6b4b4e99e42034a8b803f8b072"));
    QVERIFY(!canonical.contains("UNSIGNED-PAYLOAD"));
}

void TestStorageS3::urlsAreParsed_data()
{
    QTest::addColumn<QString>("url");
    QTest::addColumn<QString>("hostHeader");
    QTest::addColumn<QString>("path");
    QTest::addColumn<bool>("tls");
    QTest::addColumn<QString>("region");
    QTest::addColumn<QString>("connect");
    QTest::newRow("path style, plain HTTP, custom port")
        << QStringLiteral("s3://AK:SK@127.0.0.1:54330/my-bucket?region=eu-west-1&style=path&tls=0")
        << QStringLiteral("127.0.0.1:54330") << QStringLiteral("/my-bucket/a/b.png") << false
        << QStringLiteral("eu-west-1") << QString();
    QTest::newRow("virtual-host style over TLS, default port hidden")
        << QStringLiteral("s3://AK:SK@s3.amazonaws.com/my-bucket?style=virtual")
        << QStringLiteral("my-bucket.s3.amazonaws.com") << QStringLiteral("/a/b.png") << true
        << QStringLiteral("us-east-1") << QString();
    QTest::newRow("virtual-host style with a connect address")
        << QStringLiteral("s3://AK:SK@s3.localtest:9000/b-1?style=virtual&tls=0&connect=127.0.0.1")
        << QStringLiteral("b-1.s3.localtest:9000") << QStringLiteral("/a/b.png") << false
        << QStringLiteral("us-east-1") << QStringLiteral("127.0.0.1");
    QTest::newRow("IPv6 loopback address")
        << QStringLiteral("s3://AK:SK@[::1]:9000/bkt?tls=0") << QStringLiteral("[::1]:9000")
        << QStringLiteral("/bkt/a/b.png") << false << QStringLiteral("us-east-1") << QString();
    QTest::newRow("secret with an encoded slash and plus")
        << QStringLiteral("s3://AK:wJal%2FK7+X@minio.internal:9000/assets?tls=1")
        << QStringLiteral("minio.internal:9000") << QStringLiteral("/assets/a/b.png") << true
        << QStringLiteral("us-east-1") << QString();
}

void TestStorageS3::urlsAreParsed()
{
    QFETCH(QString, url);
    QFETCH(QString, hostHeader);
    QFETCH(QString, path);
    QFETCH(bool, tls);
    QFETCH(QString, region);
    QFETCH(QString, connect);
    auto storage = createStorage(url);
    CHECK_OK(storage);
    auto *s3 = dynamic_cast<S3Storage *>(storage.value().get());
    QVERIFY(s3);
    QCOMPARE(QString::fromUtf8(s3->hostHeader()), hostHeader);
    QCOMPARE(QString::fromUtf8(s3->pathFor(QStringLiteral("a/b.png"))), path);
    QCOMPARE(s3->config().tls, tls);
    QCOMPARE(s3->config().region, region);
    QCOMPARE(s3->config().connectHost, connect);
    QCOMPARE(s3->config().accessKey, QStringLiteral("AK"));
    QVERIFY(!s3->describe().contains(QString::fromUtf8(s3->config().secretKey)));
    if (url.contains(QLatin1String("%2F")))
        QCOMPARE(s3->config().secretKey, QByteArray("wJal/K7+X"));
}

void TestStorageS3::badUrlsAreRefusedWithoutTheSecret_data()
{
    QTest::addColumn<QString>("url");
    QTest::addColumn<QString>("messagePart");
    QTest::newRow("unknown scheme") << QStringLiteral("ftp://AK:TOPSECRET@h/b") << QStringLiteral("unknown scheme");
    QTest::newRow("no bucket") << QStringLiteral("s3://AK:TOPSECRET@h:1/") << QStringLiteral("bucket");
    QTest::newRow("upper-case bucket") << QStringLiteral("s3://AK:TOPSECRET@h:1/MyBucket") << QStringLiteral("bucket");
    QTest::newRow("bucket with a slash") << QStringLiteral("s3://AK:TOPSECRET@h:1/a/b") << QStringLiteral("bucket");
    QTest::newRow("bad style") << QStringLiteral("s3://AK:TOPSECRET@h:1/bkt?style=dns") << QStringLiteral("style");
    QTest::newRow("bad tls") << QStringLiteral("s3://AK:TOPSECRET@h:1/bkt?tls=yes") << QStringLiteral("tls");
    QTest::newRow("unknown parameter (typo)") << QStringLiteral("s3://AK:TOPSECRET@h:1/bkt?regoin=x") << QStringLiteral("regoin");
    QTest::newRow("bad timeout") << QStringLiteral("s3://AK:TOPSECRET@h:1/bkt?timeout=-1") << QStringLiteral("timeout");
    QTest::newRow("access key without secret") << QStringLiteral("s3://AK@h:1/bkt") << QStringLiteral("no secret");
    QTest::newRow("dotted bucket virtual over TLS")
        << QStringLiteral("s3://AK:TOPSECRET@h/a.b.c?style=virtual") << QStringLiteral("certificate");
    QTest::newRow("CA file without TLS") << QStringLiteral("s3://AK:TOPSECRET@h:1/bkt?tls=0&ca_file=/etc/hostname")
                                         << QStringLiteral("tls=1");
    QTest::newRow("CA file that is not PEM") << QStringLiteral("s3://AK:TOPSECRET@h:1/bkt?ca_file=/etc/hostname")
                                             << QStringLiteral("no PEM certificate");
    QTest::newRow("file URL with a host") << QStringLiteral("file://server/var/x") << QStringLiteral("three slashes");
    QTest::newRow("file URL relative") << QStringLiteral("file:relative/path") << QStringLiteral("absolute");
    QTest::newRow("not a URL") << QStringLiteral("s3://AK:TOPSECRET@[bad/b") << QStringLiteral("not a valid URL");
}

void TestStorageS3::badUrlsAreRefusedWithoutTheSecret()
{
    QFETCH(QString, url);
    QFETCH(QString, messagePart);
    auto storage = createStorage(url);
    QVERIFY(!storage.ok());
    QCOMPARE(storage.error().kind, StorageErrorKind::InvalidConfig);
    QVERIFY2(storage.error().message.contains(messagePart), qPrintable(storage.error().message));
    QVERIFY2(!storage.error().message.contains(QLatin1String("TOPSECRET")), qPrintable(storage.error().message));
}

void TestStorageS3::credentialsFromFiles()
{
    QTemporaryDir dir;
    QFile access(dir.filePath(QStringLiteral("access")));
    QVERIFY(access.open(QIODevice::WriteOnly));
    access.write("FILEKEY\n");
    access.close();
    QFile secret(dir.filePath(QStringLiteral("secret")));
    QVERIFY(secret.open(QIODevice::WriteOnly));
    secret.write("file/secret+1\n");
    secret.close();
    QUrlQuery query;
    query.addQueryItem(QStringLiteral("access_key_file"), access.fileName());
    query.addQueryItem(QStringLiteral("secret_key_file"), secret.fileName());
    query.addQueryItem(QStringLiteral("tls"), QStringLiteral("0"));
    auto storage = createStorage(QStringLiteral("s3://h:1/bkt?") + query.toString(QUrl::FullyEncoded));
    CHECK_OK(storage);
    auto *s3 = dynamic_cast<S3Storage *>(storage.value().get());
    QCOMPARE(s3->config().accessKey, QStringLiteral("FILEKEY"));
    QCOMPARE(s3->config().secretKey, QByteArray("file/secret+1"));

    auto missing = createStorage(QStringLiteral("s3://h:1/bkt?access_key_file=/nonexistent/a&secret_key_file=/nonexistent/b"));
    QVERIFY(!missing.ok());
    QVERIFY2(missing.error().message.contains(QLatin1String("/nonexistent/a")), qPrintable(missing.error().message));
}

void TestStorageS3::credentialsFromEnvironment()
{
    qputenv("AWS_ACCESS_KEY_ID", "ENVKEY");
    qputenv("AWS_SECRET_ACCESS_KEY", "ENVSECRET");
    auto storage = createStorage(QStringLiteral("s3://h:1/bkt?tls=0"));
    qunsetenv("AWS_ACCESS_KEY_ID");
    qunsetenv("AWS_SECRET_ACCESS_KEY");
    CHECK_OK(storage);
    auto *s3 = dynamic_cast<S3Storage *>(storage.value().get());
    QCOMPARE(s3->config().accessKey, QStringLiteral("ENVKEY"));
    QCOMPARE(s3->config().secretKey, QByteArray("ENVSECRET"));

    auto none = createStorage(QStringLiteral("s3://h:1/bkt?tls=0"));
    QVERIFY(!none.ok());
    QVERIFY2(none.error().message.contains(QLatin1String("AWS_ACCESS_KEY_ID")), qPrintable(none.error().message));
}

void TestStorageS3::redactedUrlHidesTheSecret()
{
    const QString redacted = redactStorageUrl(QStringLiteral("s3://AK:TOPSECRET@h:1/bkt?tls=0"));
    QVERIFY(!redacted.contains(QLatin1String("TOPSECRET")));
    QVERIFY(redacted.contains(QLatin1String("AK")));
    QVERIFY(!redactStorageUrl(QStringLiteral("s3://AK:TOPSECRET@[bad/b")).contains(QLatin1String("TOPSECRET")));
}

void TestStorageS3::virtualHostStyleAddressesTheSameBucket()
{
    REQUIRE_S3();
    auto path = createStorage(m_pathUrl);
    auto virt = createStorage(m_virtualUrl);
    CHECK_OK(path);
    CHECK_OK(virt);
    QVERIFY(virt.value()->describe().contains(QLatin1String("slidespec-test.s3.localtest")));
    const QString key = QStringLiteral("vhost-%1").arg(QRandomGenerator::global()->generate(), 8, 16, QLatin1Char('0'));
    auto put = virt.value()->put(key, "written virtual-host-style", QStringLiteral("text/plain"));
    CHECK_OK(put);
    auto got = path.value()->get(key);
    CHECK_OK(got);
    QCOMPARE(got.value().data, QByteArray("written virtual-host-style"));
    auto removed = path.value()->remove(key);
    CHECK_OK(removed);
    QVERIFY(virt.value()->get(key).isNotFound());
}

void TestStorageS3::unknownAccessKeyIsRefusedClearly()
{
    REQUIRE_S3();
    auto storage = createStorage(withCredentials(m_pathUrl, QStringLiteral("NOTAKEY"), QStringLiteral("TOPSECRET")));
    CHECK_OK(storage);
    auto put = storage.value()->put(QStringLiteral("denied"), "x", QStringLiteral("text/plain"));
    QVERIFY(!put.ok());
    QCOMPARE(put.error().kind, StorageErrorKind::Denied);
    QVERIFY2(put.error().message.contains(QLatin1String("InvalidAccessKeyId")), qPrintable(put.error().message));
    QVERIFY2(put.error().message.contains(QLatin1String("HTTP 403")), qPrintable(put.error().message));
    QVERIFY2(!put.error().message.contains(QLatin1String("TOPSECRET")), qPrintable(put.error().message));
    auto health = storage.value()->checkHealth();
    QVERIFY(!health.ok());
    QCOMPARE(health.error().kind, StorageErrorKind::Denied);
    auto got = storage.value()->get(QStringLiteral("denied"));
    QVERIFY(!got.ok());
    QCOMPARE(got.error().kind, StorageErrorKind::Denied);
}

void TestStorageS3::wrongSecretIsRefused()
{
    REQUIRE_S3();
    auto storage = createStorage(withCredentials(m_pathUrl, QStringLiteral("S3RVER"), QStringLiteral("WRONGSECRET")));
    CHECK_OK(storage);
    auto health = storage.value()->checkHealth();
    // s3rver itself does not recompute V4 signatures; the URL goes through
    // scripts/s3-sigv4-gateway.cjs, which checks every request with AWS's
    // own signer and answers SignatureDoesNotMatch as S3 does.
    QVERIFY(!health.ok());
    QCOMPARE(health.error().kind, StorageErrorKind::Denied);
    QVERIFY2(health.error().message.contains(QLatin1String("SignatureDoesNotMatch")), qPrintable(health.error().message));
    QVERIFY2(!health.error().message.contains(QLatin1String("WRONGSECRET")), qPrintable(health.error().message));
    auto put = storage.value()->put(QStringLiteral("wrong-secret"), "x", QStringLiteral("text/plain"));
    QVERIFY(!put.ok());
    QCOMPARE(put.error().kind, StorageErrorKind::Denied);

    // The same secret, virtual-host style: the vhost URL is checked too.
    auto virtualStorage = createStorage(withCredentials(m_virtualUrl, QStringLiteral("S3RVER"), QStringLiteral("WRONGSECRET")));
    CHECK_OK(virtualStorage);
    auto virtualHealth = virtualStorage.value()->checkHealth();
    QVERIFY(!virtualHealth.ok());
    QVERIFY2(virtualHealth.error().message.contains(QLatin1String("SignatureDoesNotMatch")),
             qPrintable(virtualHealth.error().message));
}

void TestStorageS3::signaturesPassAnIndependentChecker_data()
{
    QTest::addColumn<QString>("key");
    QTest::addColumn<QByteArray>("body");
    QTest::newRow("plain key, empty body") << QStringLiteral("signed/plain") << QByteArray();
    QTest::newRow("every key character class") << QStringLiteral("signed/A-z_0.9/x-y_z.pptx") << QByteArray("classes");
    // The longest key, in segments a filesystem-backed S3 server can store.
    QString longest = QStringLiteral("signed-"); // 7 + 5 × 101 = MaxStorageKeyLength
    while (MaxStorageKeyLength - longest.size() >= 2)
        longest += QLatin1Char('/') + QString(std::min<qsizetype>(100, MaxStorageKeyLength - longest.size() - 1), QLatin1Char('k'));
    QTest::newRow("longest key") << longest << QByteArray("long");
    QTest::newRow("binary body") << QStringLiteral("signed/binary") << QByteArray("\x00\x01\xff\r\n\x00", 6);
}

void TestStorageS3::signaturesPassAnIndependentChecker()
{
    // Every request to these URLs goes through scripts/s3-sigv4-gateway.cjs,
    // which recomputes the V4 signature with AWS's signer and refuses any
    // mismatch: puts (body hash signed), gets, stats, listings (a signed
    // query string) and deletes all pass it, path and virtual-host style.
    REQUIRE_S3();
    QFETCH(QString, key);
    QFETCH(QByteArray, body);
    for (const QString &url : {m_pathUrl, m_virtualUrl}) {
        auto storage = createStorage(url);
        CHECK_OK(storage);
        CHECK_OK(storage.value()->put(key, body, QStringLiteral("application/octet-stream")));
        auto got = storage.value()->get(key);
        CHECK_OK(got);
        QCOMPARE(got.value().data, body);
        auto info = storage.value()->stat(key);
        CHECK_OK(info);
        QCOMPARE(info.value().size, body.size());
        auto listed = storage.value()->list(key.left(key.lastIndexOf(QLatin1Char('/')) + 1));
        CHECK_OK(listed);
        QVERIFY(std::any_of(listed.value().cbegin(), listed.value().cend(),
                            [&](const ObjectInfo &object) { return object.key == key; }));
        CHECK_OK(storage.value()->remove(key));
    }
}

void TestStorageS3::missingBucketIsAClearError()
{
    REQUIRE_S3();
    QUrl url(m_pathUrl);
    url.setPath(QStringLiteral("/no-such-bucket-here"));
    auto storage = createStorage(url.toString());
    CHECK_OK(storage);
    auto health = storage.value()->checkHealth();
    QVERIFY(!health.ok());
    QCOMPARE(health.error().kind, StorageErrorKind::Unavailable);
    QVERIFY2(health.error().message.contains(QLatin1String("NoSuchBucket")), qPrintable(health.error().message));
    auto put = storage.value()->put(QStringLiteral("k"), "x", QStringLiteral("text/plain"));
    QVERIFY(!put.ok());
    QVERIFY2(put.error().message.contains(QLatin1String("NoSuchBucket")), qPrintable(put.error().message));
}

void TestStorageS3::serverDownIsAClearErrorAndUnhealthy()
{
    REQUIRE_S3();
    const int port = freePort();
    auto storage = createStorage(withPort(m_pathUrl, port) + QStringLiteral("&timeout=5"));
    CHECK_OK(storage);
    QElapsedTimer timer;
    timer.start();
    auto health = storage.value()->checkHealth();
    QVERIFY(!health.ok());
    QCOMPARE(health.error().kind, StorageErrorKind::Unavailable);
    QVERIFY2(health.error().message.contains(QStringLiteral("Cannot connect to 127.0.0.1:%1").arg(port)),
             qPrintable(health.error().message));
    QVERIFY2(!health.error().message.contains(QLatin1String("S3RVER:")), qPrintable(health.error().message));
    auto put = storage.value()->put(QStringLiteral("k"), "x", QStringLiteral("text/plain"));
    QVERIFY(!put.ok());
    QCOMPARE(put.error().kind, StorageErrorKind::Unavailable);
    auto got = storage.value()->get(QStringLiteral("k"));
    QCOMPARE(got.error().kind, StorageErrorKind::Unavailable);
    QVERIFY(timer.elapsed() < 5000);
}

void TestStorageS3::silentServerTimesOut()
{
    // A real socket that accepts and never answers.
    QTcpServer silent;
    QVERIFY(silent.listen(QHostAddress::LocalHost, 0));
    const QString url = QStringLiteral("s3://AK:SK@127.0.0.1:%1/bkt?tls=0&timeout=0.5").arg(silent.serverPort());
    auto storage = createStorage(url);
    CHECK_OK(storage);
    QElapsedTimer timer;
    timer.start();
    StorageResult<void> health = storageError(StorageErrorKind::Protocol, QString());
    QThread *worker = QThread::create([&] { health = storage.value()->checkHealth(); });
    worker->start();
    while (!worker->wait(10))
        QCoreApplication::processEvents(); // let the server accept
    delete worker;
    QVERIFY(!health.ok());
    QCOMPARE(health.error().kind, StorageErrorKind::Unavailable);
    QVERIFY2(health.error().message.contains(QLatin1String("did not answer in time")), qPrintable(health.error().message));
    QVERIFY(timer.elapsed() < 3000);
}

void TestStorageS3::badHttpAnswersAreClearErrors_data()
{
    QTest::addColumn<QByteArray>("answer");
    QTest::addColumn<int>("kind");
    QTest::addColumn<QString>("messagePart");
    QTest::newRow("not HTTP at all") << QByteArray("SSH-2.0-OpenSSH_9.2\r\n") << int(StorageErrorKind::Protocol)
                                     << QStringLiteral("did not answer with HTTP");
    QTest::newRow("status that is not a number") << QByteArray("HTTP/1.1 abc OK\r\n\r\n") << int(StorageErrorKind::Protocol)
                                                 << QStringLiteral("invalid status line");
    QTest::newRow("header line without a colon") << QByteArray("HTTP/1.1 200 OK\r\nbroken\r\n\r\n")
                                                 << int(StorageErrorKind::Protocol) << QStringLiteral("malformed header");
    QTest::newRow("Content-Length above the object limit")
        << QByteArray("HTTP/1.1 200 OK\r\nContent-Length: 99999999999999\r\n\r\n") << int(StorageErrorKind::TooLarge)
        << QStringLiteral("larger than");
    QTest::newRow("negative Content-Length") << QByteArray("HTTP/1.1 200 OK\r\nContent-Length: -5\r\n\r\n")
                                             << int(StorageErrorKind::Protocol) << QStringLiteral("bad Content-Length");
    QTest::newRow("body cut short") << QByteArray("HTTP/1.1 200 OK\r\nContent-Length: 100\r\n\r\nonly this")
                                    << int(StorageErrorKind::Protocol) << QStringLiteral("closed in the body");
    QTest::newRow("bad chunk size") << QByteArray("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n")
                                    << int(StorageErrorKind::Protocol) << QStringLiteral("bad chunk size");
    QTest::newRow("headers never end") << QByteArray("HTTP/1.1 200 OK\r\nX: y\r\n") << int(StorageErrorKind::Protocol)
                                       << QStringLiteral("closed in the headers");
    QTest::newRow("S3 error document with code and message")
        << QByteArray("HTTP/1.1 503 Slow Down\r\nContent-Length: 86\r\n\r\n"
                      "<Error><Code>SlowDown</Code><Message>Reduce your request rate.</Message></Error>      ")
        << int(StorageErrorKind::Unavailable) << QStringLiteral("SlowDown: Reduce your request rate. (HTTP 503)");
    QTest::newRow("error without a document") << QByteArray("HTTP/1.1 418 I'm a teapot\r\nContent-Length: 0\r\n\r\n")
                                              << int(StorageErrorKind::Protocol) << QStringLiteral("HTTP 418");
}

void TestStorageS3::badHttpAnswersAreClearErrors()
{
    QFETCH(QByteArray, answer);
    QFETCH(int, kind);
    QFETCH(QString, messagePart);
    // A real socket that answers every request with the row's bytes, then closes.
    QTcpServer server;
    QVERIFY(server.listen(QHostAddress::LocalHost, 0));
    QObject::connect(&server, &QTcpServer::newConnection, &server, [&] {
        while (QTcpSocket *socket = server.nextPendingConnection()) {
            QObject::connect(socket, &QTcpSocket::readyRead, socket, [socket, answer] {
                socket->readAll();
                if (socket->property("answered").toBool())
                    return;
                socket->setProperty("answered", true);
                socket->write(answer);
                socket->disconnectFromHost();
            });
        }
    });
    auto storage = createStorage(QStringLiteral("s3://AK:SK@127.0.0.1:%1/bkt?tls=0&timeout=5").arg(server.serverPort()));
    CHECK_OK(storage);
    StorageResult<StoredObject> got = storageError(StorageErrorKind::Io, QString());
    QThread *worker = QThread::create([&] { got = storage.value()->get(QStringLiteral("key")); });
    worker->start();
    while (!worker->wait(5))
        QCoreApplication::processEvents();
    delete worker;
    QVERIFY(!got.ok());
    QVERIFY2(got.error().message.contains(messagePart), qPrintable(got.error().message));
    QCOMPARE(int(got.error().kind), kind);
}

void TestStorageS3::worksFromManyThreadsAtOnce()
{
    REQUIRE_S3();
    auto storage = createStorage(m_pathUrl);
    CHECK_OK(storage);
    StorageBackend *s3 = storage.value().get();
    const QString prefix = QStringLiteral("threads-%1/").arg(QRandomGenerator::global()->generate(), 8, 16, QLatin1Char('0'));
    std::atomic<int> failures{0};
    QList<QThread *> threads;
    for (int t = 0; t < 8; ++t) {
        threads.append(QThread::create([&, t] {
            for (int i = 0; i < 10; ++i) {
                const QString key = prefix + QStringLiteral("%1-%2").arg(t).arg(i);
                const QByteArray bytes = key.toUtf8().repeated(100);
                if (!s3->put(key, bytes, QStringLiteral("text/plain")))
                    ++failures;
                auto got = s3->get(key);
                if (!got || got.value().data != bytes)
                    ++failures;
            }
        }));
        threads.last()->start();
    }
    for (QThread *thread : threads) {
        thread->wait();
        delete thread;
    }
    QCOMPARE(failures.load(), 0);
    auto listed = s3->list(prefix);
    CHECK_OK(listed);
    QCOMPARE(listed.value().size(), 80);
    for (const ObjectInfo &info : listed.value())
        s3->remove(info.key);
}

void TestStorageS3::httpsWithTheTrustedCertificateWorks()
{
    REQUIRE_S3();
    auto storage = createStorage(m_tlsUrl);
    CHECK_OK(storage);
    QVERIFY(storage.value()->describe().contains(QLatin1String("TLS")));
    auto health = storage.value()->checkHealth();
    CHECK_OK(health);
    const QString key = QStringLiteral("tls-%1").arg(QRandomGenerator::global()->generate(), 8, 16, QLatin1Char('0'));
    auto put = storage.value()->put(key, "over TLS", QStringLiteral("text/plain"));
    CHECK_OK(put);
    auto got = storage.value()->get(key);
    CHECK_OK(got);
    QCOMPARE(got.value().data, QByteArray("over TLS"));
    CHECK_OK(storage.value()->remove(key));
}

void TestStorageS3::httpsWithAnUntrustedCertificateIsRefused()
{
    REQUIRE_S3();
    QUrl url(m_tlsUrl);
    QUrlQuery query(url);
    query.removeAllQueryItems(QStringLiteral("ca_file"));
    url.setQuery(query);
    auto storage = createStorage(url.toString());
    CHECK_OK(storage);
    auto health = storage.value()->checkHealth();
    QVERIFY(!health.ok());
    QCOMPARE(health.error().kind, StorageErrorKind::Unavailable);
    QVERIFY2(health.error().message.contains(QLatin1String("TLS")) && health.error().message.contains(QLatin1String("certificate")),
             qPrintable(health.error().message));
    auto put = storage.value()->put(QStringLiteral("never"), "x", QStringLiteral("text/plain"));
    QVERIFY(!put.ok());
}

void TestStorageS3::httpsWithAnotherHostNameIsRefused()
{
    REQUIRE_S3();
    // The certificate names localhost and 127.0.0.1, not s3.localtest.
    QUrl url(m_tlsUrl);
    url.setHost(QStringLiteral("s3.localtest"));
    QUrlQuery query(url);
    query.addQueryItem(QStringLiteral("connect"), QStringLiteral("127.0.0.1"));
    url.setQuery(query);
    auto storage = createStorage(url.toString());
    CHECK_OK(storage);
    auto health = storage.value()->checkHealth();
    QVERIFY(!health.ok());
    QVERIFY2(health.error().message.contains(QLatin1String("host name")) || health.error().message.contains(QLatin1String("hostname")),
             qPrintable(health.error().message));
}

QTEST_GUILESS_MAIN(TestStorageS3)
#include "tst_storages3.moc"
