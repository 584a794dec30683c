// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Shared by tst_webhooks and tst_jobs_webhooks: a real HTTP receiver on a
// loopback port (a QTcpServer in the test's event loop) for webhook deliveries.

#include <QElapsedTimer>
#include <QHash>
#include <QHostAddress>
#include <QList>
#include <QObject>
#include <QTcpServer>
#include <QTcpSocket>

#include <memory>

namespace webhooktest {

/*!
 * \brief A tiny HTTP server: records each request (one per connection) and
 * answers with the next status in script, 200 once the script is used up
 * (0: never answer, so the sender must time out).
 */
class Receiver : public QObject
{
public:
    struct Request
    {
        QByteArray method;
        QByteArray target;
        QHash<QByteArray, QByteArray> headers; // lower-case names
        QByteArray body;
        qint64 atMs = 0;
    };

    QList<Request> requests;
    QList<int> script;

    bool start()
    {
        m_clock.start();
        connect(&m_server, &QTcpServer::newConnection, this, [this] {
            while (QTcpSocket *socket = m_server.nextPendingConnection()) {
                auto buffer = std::make_shared<QByteArray>();
                connect(socket, &QTcpSocket::readyRead, socket, [this, socket, buffer] {
                    *buffer += socket->readAll();
                    const qsizetype end = buffer->indexOf("\r\n\r\n");
                    if (end < 0)
                        return;
                    Request r;
                    const QList<QByteArray> lines = buffer->left(end).split('\n');
                    const QList<QByteArray> first = lines.value(0).trimmed().split(' ');
                    r.method = first.value(0);
                    r.target = first.value(1);
                    qsizetype length = 0;
                    for (qsizetype i = 1; i < lines.size(); ++i) {
                        const qsizetype colon = lines.at(i).indexOf(':');
                        if (colon > 0)
                            r.headers.insert(lines.at(i).left(colon).trimmed().toLower(), lines.at(i).mid(colon + 1).trimmed());
                    }
                    length = r.headers.value("content-length").toLongLong();
                    if (buffer->size() < end + 4 + length)
                        return;
                    r.body = buffer->mid(end + 4, length);
                    r.atMs = m_clock.elapsed();
                    buffer->clear();
                    requests.append(r);
                    const int status = script.isEmpty() ? 200 : script.takeFirst();
                    if (status == 0)
                        return; // hang: the sender must time out
                    socket->write("HTTP/1.1 " + QByteArray::number(status) + " Scripted\r\nContent-Length: 2\r\n"
                                  "Connection: close\r\n\r\nok");
                    socket->disconnectFromHost();
                });
                connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
            }
        });
        return m_server.listen(QHostAddress::LocalHost, 0);
    }

    QString url(const QString &path = QStringLiteral("/hook")) const
    {
        return QStringLiteral("http://127.0.0.1:%1%2").arg(m_server.serverPort()).arg(path);
    }

private:
    QTcpServer m_server;
    QElapsedTimer m_clock;
};

} // namespace webhooktest
