// SPDX-License-Identifier: GPL-3.0-or-later
// Shared helpers for the server tests: a fresh PostgreSQL database per test
// run, and a small HTTP/1.1 client that runs the event loop while it waits
// (the server under test lives on the same thread).
#pragma once

#include "db/migrator.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QList>
#include <QPair>
#include <QProcessEnvironment>
#include <QString>
#include <QTcpSocket>
#include <QTimer>
#include <QUrl>
#include <QUuid>

#include <pqxx/pqxx>

namespace slidespec::server::test {

/*!
 * \brief One database of its own for a test executable, created from the
 * test cluster's URLs (SLIDESPEC_TEST_DATABASE_URL for the app role,
 * SLIDESPEC_TEST_MIGRATION_DATABASE_URL for the owner; `scripts/pg.sh env`
 * prints them) and dropped at the end. Tests running in parallel never share
 * a schema.
 */
class TestDatabase
{
public:
    TestDatabase() = default;
    TestDatabase(const TestDatabase &) = delete;
    TestDatabase &operator=(const TestDatabase &) = delete;
    ~TestDatabase() { drop(); }

    /*! Creates the database; false with \a error (saying what to do) when the URLs are missing or wrong. */
    bool create(const QString &tag, QString *error)
    {
        const auto env = QProcessEnvironment::systemEnvironment();
        const QString app = env.value(QStringLiteral("SLIDESPEC_TEST_DATABASE_URL"));
        const QString owner = env.value(QStringLiteral("SLIDESPEC_TEST_MIGRATION_DATABASE_URL"));
        if (app.isEmpty() || owner.isEmpty()) {
            *error = QStringLiteral(
                "SLIDESPEC_TEST_DATABASE_URL and SLIDESPEC_TEST_MIGRATION_DATABASE_URL must be set: run "
                "scripts/test.sh, or `scripts/pg.sh start && eval \"$(scripts/pg.sh env)\"` before ctest.");
            return false;
        }
        m_name = QStringLiteral("slidespec_t_%1_%2")
                     .arg(tag, QUuid::createUuid().toString(QUuid::Id128).left(12));
        m_adminUrl = owner;
        try {
            pqxx::connection c(owner.toStdString());
            pqxx::nontransaction n(c);
            n.exec("CREATE DATABASE " + n.quote_name(m_name.toStdString()));
        } catch (const std::exception &e) {
            *error = QStringLiteral("cannot create the test database with %1: %2")
                         .arg(owner, QString::fromUtf8(e.what()).trimmed());
            m_name.clear();
            return false;
        }
        m_appUrl = withDatabase(app, m_name);
        m_ownerUrl = withDatabase(owner, m_name);
        return true;
    }

    /*! Creates the database and applies every built-in migration. */
    bool createMigrated(const QString &tag, const QString &appRole, QString *error)
    {
        if (!create(tag, error))
            return false;
        const auto report = Migrator(m_ownerUrl, appRole).migrate();
        if (!report.ok)
            *error = report.error;
        return report.ok;
    }

    void drop()
    {
        if (m_name.isEmpty())
            return;
        try {
            pqxx::connection c(m_adminUrl.toStdString());
            pqxx::nontransaction n(c);
            n.exec("DROP DATABASE IF EXISTS " + n.quote_name(m_name.toStdString()) + " WITH (FORCE)");
        } catch (const std::exception &) {
            // Best effort; a leftover test database is harmless.
        }
        m_name.clear();
    }

    const QString &name() const { return m_name; }
    const QString &appUrl() const { return m_appUrl; }
    const QString &ownerUrl() const { return m_ownerUrl; }

    static QString withDatabase(const QString &url, const QString &database)
    {
        QUrl u(url);
        u.setPath(QLatin1Char('/') + database);
        return u.toString();
    }

private:
    QString m_name;
    QString m_adminUrl;
    QString m_appUrl;
    QString m_ownerUrl;
};

/*! A parsed HTTP response. */
struct RawResponse
{
    bool ok = false;         //!< a complete response arrived
    int status = 0;
    QList<QPair<QByteArray, QByteArray>> headers;
    QByteArray body;
    bool closed = false;     //!< the server closed the connection

    QByteArray header(const QByteArray &name) const
    {
        for (const auto &h : headers) {
            if (h.first.compare(name, Qt::CaseInsensitive) == 0)
                return h.second;
        }
        return {};
    }
};

/*!
 * \brief A raw HTTP/1.1 connection to the server under test. Runs the event
 * loop while waiting, so an in-process server keeps serving.
 */
class RawConnection
{
public:
    explicit RawConnection(quint16 port)
    {
        m_socket.connectToHost(QStringLiteral("127.0.0.1"), port);
        QObject::connect(&m_socket, &QTcpSocket::readyRead, &m_socket, [this] { m_buffer += m_socket.readAll(); });
        QObject::connect(&m_socket, &QTcpSocket::disconnected, &m_socket, [this] { m_closed = true; });
    }

    void send(const QByteArray &bytes) { m_socket.write(bytes); }

    /*! Reads the next response (waiting up to \a timeoutMs). */
    RawResponse read(int timeoutMs = 10000, bool headResponse = false)
    {
        QElapsedTimer timer;
        timer.start();
        for (;;) {
            RawResponse r;
            if (parse(&r, headResponse))
                return r;
            if (m_closed || timer.elapsed() > timeoutMs) {
                r.closed = m_closed;
                return r;
            }
            QEventLoop loop;
            QTimer::singleShot(20, &loop, &QEventLoop::quit);
            loop.exec();
        }
    }

    /*! Sends a request and reads its response. */
    RawResponse request(const QByteArray &method, const QByteArray &target, const QByteArray &body = {},
                        const QList<QPair<QByteArray, QByteArray>> &headers = {}, int timeoutMs = 10000)
    {
        QByteArray out = method + ' ' + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\n";
        bool hasLength = false;
        for (const auto &h : headers) {
            out += h.first + ": " + h.second + "\r\n";
            hasLength = hasLength || h.first.compare("content-length", Qt::CaseInsensitive) == 0;
        }
        if (!body.isEmpty() && !hasLength)
            out += "Content-Length: " + QByteArray::number(body.size()) + "\r\n";
        out += "\r\n" + body;
        send(out);
        return read(timeoutMs, method == "HEAD");
    }

    bool isClosed() const { return m_closed; }

private:
    bool parse(RawResponse *r, bool headResponse)
    {
        const qsizetype end = m_buffer.indexOf("\r\n\r\n");
        if (end < 0)
            return false;
        const QList<QByteArray> lines = m_buffer.left(end).split('\n');
        const QList<QByteArray> status = lines.value(0).trimmed().split(' ');
        r->status = status.value(1).toInt();
        qsizetype length = 0;
        for (qsizetype i = 1; i < lines.size(); ++i) {
            const QByteArray line = lines.at(i).trimmed();
            const qsizetype colon = line.indexOf(':');
            if (colon <= 0)
                continue;
            r->headers.append({line.left(colon).trimmed(), line.mid(colon + 1).trimmed()});
            if (line.left(colon).trimmed().compare("content-length", Qt::CaseInsensitive) == 0)
                length = line.mid(colon + 1).trimmed().toLongLong();
        }
        if (headResponse)
            length = 0; // HEAD: the headers describe a body that is not sent
        if (m_buffer.size() < end + 4 + length)
            return false;
        r->body = m_buffer.mid(end + 4, length);
        m_buffer.remove(0, end + 4 + length);
        r->ok = true;
        r->closed = m_closed;
        return true;
    }

    QTcpSocket m_socket;
    QByteArray m_buffer;
    bool m_closed = false;
};

} // namespace slidespec::server::test
