// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "http/httpresponse.h"

#include <QAbstractHttpServer>
#include <QHash>
#include <QHostAddress>
#include <QList>
#include <QPair>
#include <QPointer>
#include <QSet>
#include <QThreadPool>

#include <memory>

class QTcpSocket;

namespace slidespec::server {

class MetricsRegistry;
class MetricFamily;
class Router;
class ConnectionGuard;

/*!
 * \brief The HTTP server: QAbstractHttpServer (Qt HttpServer 6.4) with the
 * Router's pipeline run on a bounded thread pool.
 *
 * The event loop only parses, checks limits, and writes responses; every
 * handler (and its database work) runs on a worker thread. Responses on one
 * connection are written in request order.
 *
 * Limits, before Qt buffers a body: each connection's bytes are watched as
 * they arrive, so a Content-Length above the body limit is answered 413 at
 * once, a header block above 64 KiB 431, and a chunked body 411 (send
 * Content-Length). Bodies that still arrive above the limit get 413 too.
 * nginx is the first wall in production (installers/nginx).
 *
 * Every response carries X-Request-Id. One JSON log line per request, and
 * http_requests_total / http_request_duration_seconds in the metrics.
 *
 * Streamed responses (HttpResponse::stream(), Server-Sent Events): the head
 * is written like any answer, then the connection belongs to the
 * ResponseStream until it ends. A stream is not in flight (no request
 * timeout, not waited for by drain()), not idle (no idle timeout), and
 * counted in http_event_streams_open; over maxStreams (or one org's
 * maxStreamsPerOrg) it is refused with 503 (429) and Retry-After.
 * stopAccepting() ends every stream first.
 */
class HttpServer : public QAbstractHttpServer
{
    Q_OBJECT

public:
    struct Options
    {
        qint64 maxBodyBytes = 32 * 1024 * 1024;
        int maxHeaderBytes = 64 * 1024;
        int workerThreads = 8;
        int maxPendingRequests = 0;  //!< queued + running before 503 server.busy; 0 = 64 × workers
        int requestTimeoutMs = 30000;
        /*! A connection with no request being handled and no byte received for this long is closed
            (idle keep-alive, or a client stalled mid-request). */
        int idleTimeoutMs = 75000;
        QList<QPair<QHostAddress, int>> trustedProxies;
        int maxStreams = 1000;        //!< open streamed responses at once; over it 503 server.streams_full (-1 = no cap)
        int maxStreamsPerOrg = 100;   //!< per org (the request's org id); over it 429 streams.org_limit (-1 = no cap)
        /*! A stream whose unsent bytes exceed this (a client that does not read) is cut. */
        qint64 maxStreamBufferBytes = 1024 * 1024;
    };

    HttpServer(const Router &router, MetricsRegistry &metrics, Options options, QObject *parent = nullptr);
    ~HttpServer() override;

    /*! Listens on \a address : \a port (0 = any free port). */
    bool start(const QHostAddress &address, quint16 port, QString *error);
    /*! The port listened on (0 before start()). */
    quint16 port() const;

    /*!
     * Stops accepting connections and ends every open stream (their
     * connections close once flushed); in-flight requests still complete,
     * then their connections close.
     */
    void stopAccepting();
    /*! Requests received and not yet answered (open streams are not counted). */
    int inFlight() const { return m_inFlight; }
    /*! Streamed responses open now. */
    int openStreams() const { return int(m_streams.size()); }
    /*!
     * \brief Runs the event loop until no request is in flight or \a timeoutMs
     * passes; returns whether all finished. Then closes idle connections.
     */
    bool drain(int timeoutMs);

    /*! The client address for \a peer given X-Forwarded-For \a forwardedFor (trusted proxies only). */
    QHostAddress clientAddress(const QHostAddress &peer, const QByteArray &forwardedFor) const;

protected:
    bool handleRequest(const QHttpServerRequest &request, QTcpSocket *socket) override;
    void missingHandler(const QHttpServerRequest &request, QTcpSocket *socket) override;

private:
    friend class ConnectionGuard;
    struct Pending;

    void finish(const std::shared_ptr<Pending> &pending, HttpResponse response, const QString &routeLabel,
                const QString &userId, const QString &orgId);
    void writeInOrder(QTcpSocket *socket, quint64 sequence, QByteArray bytes, bool close,
                      std::shared_ptr<ResponseStream> stream = {}, const QString &streamOrg = {},
                      const QByteArray &requestId = {});
    QByteArray serialize(const HttpResponse &response, const QByteArray &requestId, bool headRequest,
                         bool close) const;
    QByteArray serializeStreamHead(const HttpResponse &response, const QByteArray &requestId, bool headOnly) const;
    void streamStarted(ConnectionGuard *guard, const QString &orgId);
    void streamEnded(ConnectionGuard *guard, const QString &orgId, const QByteArray &requestId, qint64 elapsedMs,
                     const char *reason);
    void closeStreams();
    void record(const QByteArray &method, const QString &routeLabel, int status, double seconds,
                const QByteArray &requestId, const QString &userId, const QString &orgId,
                const QHostAddress &remote);
    void rejectEarly(QTcpSocket *socket, const QByteArray &method, const QString &path, const QByteArray &requestId,
                     const ApiError &error);
    ConnectionGuard *guardOf(QTcpSocket *socket) const;
    QString routeLabel(const QByteArray &method, const QString &path) const;
    bool isTrustedProxy(const QHostAddress &address) const;

    const Router &m_router;
    MetricsRegistry &m_metrics;
    Options m_options;
    QThreadPool m_pool;
    MetricFamily *m_requests = nullptr;
    MetricFamily *m_duration = nullptr;
    MetricFamily *m_inFlightGauge = nullptr;
    MetricFamily *m_streamsGauge = nullptr;
    MetricFamily *m_streamsRefused = nullptr;
    int m_inFlight = 0;
    QSet<ConnectionGuard *> m_streams;    //!< event-loop thread only
    QHash<QString, int> m_streamsPerOrg;
    bool m_stopping = false;
};

} // namespace slidespec::server
