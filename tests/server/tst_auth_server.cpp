// SPDX-License-Identifier: GPL-3.0-or-later
// Accounts and access through the real server over a real socket: the
// Service with installAuth(), listening on loopback, driven by
// QNetworkAccessManager. Checks what only the wire shows: status lines, the
// Retry-After header of a 429, the envelope's content type, and the
// signup → login → me → logout → 401 flow end to end.
#include "tst_auth_support.h"

#include "auth/authroutes.h"
#include "http/service.h"

#include <QEventLoop>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QTimer>

using namespace slidespec::server;
using namespace authtest;

class TestAuthServer : public QObject
{
    Q_OBJECT

    Urls m_urls;
    std::unique_ptr<Service> m_service;
    QNetworkAccessManager m_network;

    struct Reply
    {
        int status = 0;
        QJsonObject json;
        QByteArray contentType;
        QByteArray retryAfter;
    };

    Reply send(const QByteArray &method, const QString &path, const QJsonObject &body = {}, const QString &token = {})
    {
        QNetworkRequest request(QUrl(QStringLiteral("http://127.0.0.1:%1%2").arg(m_service->port()).arg(path)));
        request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
        if (!token.isEmpty())
            request.setRawHeader("Authorization", "Bearer " + token.toLatin1());
        const QByteArray payload = body.isEmpty() ? QByteArray() : QJsonDocument(body).toJson(QJsonDocument::Compact);
        QNetworkReply *reply = m_network.sendCustomRequest(request, method, payload);
        QEventLoop loop;
        connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
        QTimer::singleShot(20000, &loop, &QEventLoop::quit);
        loop.exec();
        Reply out;
        out.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        out.json = QJsonDocument::fromJson(reply->readAll()).object();
        out.contentType = reply->rawHeader("Content-Type");
        out.retryAfter = reply->rawHeader("Retry-After");
        reply->deleteLater();
        return out;
    }

private slots:
    void initTestCase()
    {
        m_urls = urls();
        if (!m_urls.error.isEmpty())
            QFAIL(qPrintable(m_urls.error));
        const QString migrated = migrate(m_urls);
        QVERIFY2(migrated.isEmpty(), qPrintable(migrated));
        ServerConfig config;
        config.databaseUrl = m_urls.app;
        config.listenAddress = QHostAddress(QHostAddress::LocalHost);
        config.listenPort = 0;
        config.publicBaseUrl = QStringLiteral("https://slides.example.com");
        config.dbPoolSize = 4;
        config.workerThreads = 4;
        m_service = std::make_unique<Service>(config);
        installAuth(*m_service);
        QString error;
        QVERIFY2(m_service->start(&error), qPrintable(error));
        QVERIFY(m_service->port() > 0);
    }

    void cleanupTestCase()
    {
        if (m_service)
            m_service->shutdown(2000);
    }

    void flowOverTheWire()
    {
        const QString email = uniqueEmail(QStringLiteral("wire"));
        const QJsonObject credentials{{QStringLiteral("email"), email}, {QStringLiteral("password"), password}};
        Reply reply = send("POST", QStringLiteral("/api/v1/auth/signup"), credentials);
        QCOMPARE(reply.status, 201);
        reply = send("POST", QStringLiteral("/api/v1/auth/login"), credentials);
        QCOMPARE(reply.status, 200);
        const QString token = reply.json.value(QStringLiteral("token")).toString();
        QVERIFY(token.startsWith(QStringLiteral("sss_")));

        reply = send("GET", QStringLiteral("/api/v1/me"), {}, token);
        QCOMPARE(reply.status, 200);
        QCOMPARE(reply.json.value(QStringLiteral("user")).toObject().value(QStringLiteral("email")).toString(), email);

        reply = send("POST", QStringLiteral("/api/v1/orgs"), {{QStringLiteral("name"), QStringLiteral("Wire Org")}}, token);
        QCOMPARE(reply.status, 201);

        QCOMPARE(send("POST", QStringLiteral("/api/v1/auth/logout"), {}, token).status, 204);
        reply = send("GET", QStringLiteral("/api/v1/me"), {}, token);
        QCOMPARE(reply.status, 401);
        QVERIFY(reply.contentType.startsWith("application/json"));
        QCOMPARE(reply.json.value(QStringLiteral("error")).toObject().value(QStringLiteral("code")).toString(),
                 QStringLiteral("auth.required"));
    }

    void throttledLoginSendsRetryAfter()
    {
        const QString email = uniqueEmail(QStringLiteral("wire-throttle"));
        QCOMPARE(send("POST", QStringLiteral("/api/v1/auth/signup"),
                      {{QStringLiteral("email"), email}, {QStringLiteral("password"), password}})
                     .status,
                 201);
        const QJsonObject wrong{{QStringLiteral("email"), email}, {QStringLiteral("password"), QStringLiteral("not it at all")}};
        for (int i = 0; i < 5; ++i)
            QCOMPARE(send("POST", QStringLiteral("/api/v1/auth/login"), wrong).status, 401);
        const Reply locked = send("POST", QStringLiteral("/api/v1/auth/login"), wrong);
        QCOMPARE(locked.status, 429);
        QVERIFY2(locked.retryAfter.toInt() >= 1, locked.retryAfter.constData());
        QCOMPARE(locked.json.value(QStringLiteral("error")).toObject().value(QStringLiteral("code")).toString(),
                 QStringLiteral("auth.throttled"));
    }
};

QTEST_GUILESS_MAIN(TestAuthServer)
#include "tst_auth_server.moc"
