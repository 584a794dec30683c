// SPDX-License-Identifier: GPL-3.0-or-later
#include "http/httpserver.h"

#include "http/logging.h"
#include "http/metrics.h"
#include "http/router.h"

#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QElapsedTimer>
#include <QHttpServerRequest>
#include <QJsonObject>
#include <QPointer>
#include <QQueue>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTimer>

#include <sys/socket.h>

#include <map>
#include <mutex>

namespace slidespec::server {

// ---------------------------------------------------------------------------
// SocketStreamSink: a streamed response's writer, usable from any thread. The
// bytes wait here (under the mutex) until the event loop moves them to the
// socket; the guard pointer is cleared (under the mutex) before the guard
// goes, so a late write from a worker or feed thread never reaches a deleted
// object: it returns false.

class SocketStreamSink final : public StreamSink
{
public:
    SocketStreamSink(ConnectionGuard *guard, qint64 limit) : m_guard(guard), m_limit(limit) {}

    bool write(QByteArray bytes) override
    {
        std::lock_guard lock(m_mutex);
        if (!m_guard || m_ended)
            return false;
        if (m_queue.size() + bytes.size() > m_limit) {
            // The event loop has not caught up with this much: the client (or the server) is too slow.
            m_ended = true;
            m_overflow = true;
            m_queue.clear();
            scheduleLocked();
            return false;
        }
        m_queue += bytes;
        scheduleLocked();
        return true;
    }

    void close() override
    {
        std::lock_guard lock(m_mutex);
        if (!m_guard || m_ended)
            return;
        m_ended = true;
        scheduleLocked();
    }

    bool isOpen() const override
    {
        std::lock_guard lock(m_mutex);
        return m_guard && !m_ended;
    }

    // Event-loop thread only.
    struct Taken
    {
        QByteArray bytes;
        bool ended = false;
        bool overflow = false;
    };
    Taken take()
    {
        std::lock_guard lock(m_mutex);
        m_scheduled = false;
        return {std::exchange(m_queue, {}), m_ended, m_overflow};
    }
    void disconnectGuard()
    {
        std::lock_guard lock(m_mutex);
        m_guard = nullptr;
        m_ended = true;
        m_queue.clear();
    }

private:
    void scheduleLocked();

    mutable std::mutex m_mutex;
    ConnectionGuard *m_guard;
    const qint64 m_limit;
    QByteArray m_queue;
    bool m_scheduled = false;
    bool m_ended = false;
    bool m_overflow = false;
};

// ---------------------------------------------------------------------------
// ConnectionGuard: watches one connection's bytes before Qt buffers them, and
// keeps its responses in request order.

class ConnectionGuard : public QObject
{
public:
    struct RequestInfo
    {
        QByteArray method;
        bool close = false;
    };

    ConnectionGuard(QTcpSocket *socket, HttpServer *server)
        : QObject(socket), m_socket(socket), m_server(server)
    {
        connect(socket, &QTcpSocket::readyRead, this, &ConnectionGuard::beforeQt);
        // Idle connections (keep-alive, or stalled mid-request) are closed.
        m_idle.setSingleShot(true);
        m_idle.setInterval(server->m_options.idleTimeoutMs);
        connect(&m_idle, &QTimer::timeout, this, [this] {
            if (m_stream)
                return; // a stream is not idle: it writes heartbeats; TCP tells us when its client goes
            if (openRequests() > 0) {
                m_idle.start();
                return;
            }
            m_socket->abort();
        });
        m_idle.start();
        connect(socket, &QTcpSocket::disconnected, this, [this] { endStream("client_gone"); });
    }

    ~ConnectionGuard() override { endStream("connection_destroyed"); }

    // Connected after QAbstractHttpServer's own readyRead handler.
    void connectAfterQt() { connect(m_socket, &QTcpSocket::readyRead, this, &ConnectionGuard::afterQt); }

    RequestInfo takeInfo() { return m_infos.isEmpty() ? RequestInfo{} : m_infos.dequeue(); }

    quint64 nextSequence = 0;
    quint64 nextWrite = 0;
    struct Outgoing
    {
        QByteArray bytes;
        bool close = false;
        std::shared_ptr<ResponseStream> stream; //!< set: the connection becomes this stream once written
        QString streamOrg;
        QByteArray requestId;
    };
    std::map<quint64, Outgoing> ready;
    bool closing = false;

    bool isStreaming() const { return m_stream != nullptr; }

    /*! Hands the connection to \a stream (its head is written). */
    void startStream(std::shared_ptr<ResponseStream> stream, const QString &org, const QByteArray &requestId)
    {
        stopParsing(); // nothing more is read from a streamed connection
        m_idle.stop();
        m_stream = std::move(stream);
        m_streamOrg = org;
        m_streamRequestId = requestId;
        m_streamTimer.start();
        m_sink = std::make_shared<SocketStreamSink>(this, m_server->m_options.maxStreamBufferBytes);
        m_server->streamStarted(this, org);
        const std::shared_ptr<ResponseStream> keep = m_stream; // attach() may end the stream at once
        keep->attach(m_sink);
    }

    /*! Moves what the sink holds to the socket (event loop; queued by the sink). */
    void flushStream()
    {
        if (!m_sink)
            return;
        const SocketStreamSink::Taken taken = m_sink->take();
        if (taken.overflow) {
            endStream("slow_client");
            m_socket->abort();
            return;
        }
        if (!taken.bytes.isEmpty() && m_socket->state() == QAbstractSocket::ConnectedState) {
            m_socket->write(taken.bytes);
            if (m_socket->bytesToWrite() > m_server->m_options.maxStreamBufferBytes) {
                endStream("slow_client");
                m_socket->abort();
                return;
            }
        }
        if (taken.ended) {
            endStream("closed");
            closeGracefully();
        }
    }

    /*! Ends the stream (once): the sink refuses further writes, the stream is detached. */
    void endStream(const char *reason)
    {
        if (!m_stream)
            return;
        std::shared_ptr<ResponseStream> stream = std::move(m_stream);
        m_stream.reset();
        m_sink->disconnectGuard();
        m_sink.reset();
        m_server->streamEnded(this, m_streamOrg, m_streamRequestId, m_streamTimer.elapsed(), reason);
        stream->detach();
    }

    int openRequests() const { return int(nextSequence - nextWrite); }
    void touch() { m_idle.start(); }

    void closeGracefully()
    {
        if (closing)
            return;
        closing = true;
        // Lingering close: stop sending, keep reading (and discarding) for a
        // moment, so a client still sending its body reads our answer
        // instead of a reset.
        auto shutdownWrite = [this] {
            if (m_socket->state() == QAbstractSocket::ConnectedState)
                ::shutdown(int(m_socket->socketDescriptor()), SHUT_WR);
        };
        if (m_socket->bytesToWrite() > 0) {
            connect(m_socket, &QTcpSocket::bytesWritten, this, [this, shutdownWrite] {
                if (m_socket->bytesToWrite() == 0)
                    shutdownWrite();
            });
        } else {
            shutdownWrite();
        }
        QTimer::singleShot(2000, this, [this] { m_socket->abort(); });
    }

    void stopParsing()
    {
        if (m_state == State::Rejected)
            return;
        m_state = State::Rejected;
        // QAbstractHttpServer must not parse (and buffer) anything more.
        QObject::disconnect(m_socket, &QTcpSocket::readyRead, m_server, nullptr);
        discardInput();
    }

private:
    enum class State { Headers, Body, Rejected };

    void discardInput()
    {
        if (m_socket->isTransactionStarted())
            m_socket->rollbackTransaction();
        m_socket->readAll();
    }

    void beforeQt()
    {
        m_idle.start();
        if (m_state == State::Rejected) {
            discardInput();
            return;
        }
        const qint64 available = m_socket->bytesAvailable();
        const QByteArray all = m_socket->peek(available);
        const QByteArray fresh = m_unconsumed < all.size() ? all.mid(m_unconsumed) : QByteArray();
        m_unconsumed = 0;
        feed(fresh);
    }

    void afterQt()
    {
        // What QAbstractHttpServer left unread (a pipelined next request) was
        // already seen by feed().
        m_unconsumed = m_state == State::Rejected ? 0 : m_socket->bytesAvailable();
    }

    void feed(const QByteArray &bytes)
    {
        qsizetype i = 0;
        while (i < bytes.size() && m_state != State::Rejected) {
            if (m_state == State::Body) {
                const qint64 take = qMin<qint64>(m_bodyLeft, bytes.size() - i);
                m_bodyLeft -= take;
                i += take;
                if (m_bodyLeft == 0)
                    m_state = State::Headers;
                continue;
            }
            const char c = bytes.at(i++);
            if (m_header.isEmpty() && (c == '\r' || c == '\n' || c == ' ' || c == '\t'))
                continue; // Qt skips whitespace between requests too
            m_header.append(c);
            if (c == '\n' && (m_header.endsWith("\n\r\n") || m_header.endsWith("\n\n"))) {
                onHeaders();
            } else if (m_header.size() > m_server->m_options.maxHeaderBytes) {
                reject(QByteArray(), QString(), QByteArray(),
                       ApiError{431, QStringLiteral("request.headers_too_large"),
                                QStringLiteral("The request line and headers exceed %1 bytes.")
                                    .arg(m_server->m_options.maxHeaderBytes),
                                {}});
            }
        }
    }

    void onHeaders()
    {
        const QList<QByteArray> lines = m_header.split('\n');
        m_header.clear();
        const QList<QByteArray> requestLine = lines.value(0).trimmed().split(' ');
        RequestInfo info;
        info.method = requestLine.value(0);
        const QByteArray target = requestLine.value(1);
        const QByteArray version = requestLine.value(requestLine.size() - 1);
        const QString path = QString::fromLatin1(target.left(target.indexOf('?') >= 0 ? target.indexOf('?') : target.size()));
        QByteArray connection, transferEncoding, requestId;
        QList<QByteArray> lengths;
        for (qsizetype n = 1; n < lines.size(); ++n) {
            const QByteArray line = lines.at(n).trimmed();
            const qsizetype colon = line.indexOf(':');
            if (colon <= 0)
                continue;
            const QByteArray name = line.left(colon).trimmed().toLower();
            const QByteArray value = line.mid(colon + 1).trimmed();
            if (name == "content-length")
                lengths.append(value);
            else if (name == "transfer-encoding")
                transferEncoding = value.toLower();
            else if (name == "connection")
                connection = value.toLower();
            else if (name == "x-request-id")
                requestId = value;
        }
        info.close = connection.contains("close") || (version == "HTTP/1.0" && !connection.contains("keep-alive"));

        if (!transferEncoding.isEmpty() && transferEncoding != "identity") {
            reject(info.method, path, requestId,
                   ApiError{411, QStringLiteral("request.length_required"),
                            QStringLiteral("Chunked request bodies are not accepted: send Content-Length."), {}});
            return;
        }
        qint64 length = 0;
        for (const auto &value : std::as_const(lengths)) {
            bool ok = false;
            const qint64 v = value.toLongLong(&ok);
            if (!ok || v < 0 || (length && v != length)) {
                reject(info.method, path, requestId,
                       ApiError::badRequest(QStringLiteral("request.invalid_content_length"),
                                            QStringLiteral("The Content-Length header is not one valid length.")));
                return;
            }
            length = v;
        }
        if (length > m_server->m_options.maxBodyBytes) {
            reject(info.method, path, requestId,
                   ApiError{413, QStringLiteral("request.too_large"),
                            QStringLiteral("The body is %1 bytes; the limit is %2 bytes.")
                                .arg(length)
                                .arg(m_server->m_options.maxBodyBytes),
                            {{QStringLiteral("limit"), m_server->m_options.maxBodyBytes},
                             {QStringLiteral("length"), length}}});
            return;
        }
        m_infos.enqueue(info);
        if (length > 0) {
            m_state = State::Body;
            m_bodyLeft = length;
        }
    }

    void reject(const QByteArray &method, const QString &path, const QByteArray &requestId, const ApiError &error)
    {
        stopParsing();
        m_server->rejectEarly(m_socket, method, path, requestId, error);
    }

    QTcpSocket *m_socket;
    HttpServer *m_server;
    State m_state = State::Headers;
    QByteArray m_header;
    qint64 m_bodyLeft = 0;
    qint64 m_unconsumed = 0;
    QQueue<RequestInfo> m_infos;
    QTimer m_idle;
    std::shared_ptr<ResponseStream> m_stream;
    std::shared_ptr<SocketStreamSink> m_sink;
    QString m_streamOrg;
    QByteArray m_streamRequestId;
    QElapsedTimer m_streamTimer;
};

void SocketStreamSink::scheduleLocked()
{
    if (m_scheduled || !m_guard)
        return;
    m_scheduled = true;
    // Delivered only while the guard lives: Qt drops events posted to an object when it is deleted,
    // and the guard clears m_guard (under m_mutex) before that.
    QMetaObject::invokeMethod(m_guard, [guard = m_guard] { guard->flushStream(); }, Qt::QueuedConnection);
}

namespace {

class GuardedTcpServer : public QTcpServer
{
public:
    GuardedTcpServer(HttpServer *server) : QTcpServer(server), m_server(server) {}

protected:
    void incomingConnection(qintptr descriptor) override
    {
        auto *socket = new QTcpSocket(this);
        if (!socket->setSocketDescriptor(descriptor)) {
            delete socket;
            return;
        }
        auto *guard = new ConnectionGuard(socket, m_server);
        addPendingConnection(socket); // QAbstractHttpServer connects its handlers here
        guard->connectAfterQt();
    }

private:
    HttpServer *m_server;
};

QByteArray methodName(QHttpServerRequest::Method method)
{
    switch (method) {
    case QHttpServerRequest::Method::Get: return "GET";
    case QHttpServerRequest::Method::Put: return "PUT";
    case QHttpServerRequest::Method::Delete: return "DELETE";
    case QHttpServerRequest::Method::Post: return "POST";
    case QHttpServerRequest::Method::Head: return "HEAD";
    case QHttpServerRequest::Method::Options: return "OPTIONS";
    case QHttpServerRequest::Method::Patch: return "PATCH";
    case QHttpServerRequest::Method::Connect: return "CONNECT";
    case QHttpServerRequest::Method::Trace: return "TRACE";
    default: break;
    }
    return "UNKNOWN";
}

QByteArray headerSafe(const QByteArray &value)
{
    QByteArray v = value;
    v.replace('\r', ' ').replace('\n', ' ');
    return v;
}

} // namespace

struct HttpServer::Pending
{
    QPointer<QTcpSocket> socket;
    quint64 sequence = 0;
    QByteArray method;
    QString path;
    QByteArray requestId;
    QHostAddress remote;
    bool close = false;
    bool counted = false;
    bool done = false;
    QElapsedTimer timer;
};

HttpServer::HttpServer(const Router &router, MetricsRegistry &metrics, Options options, QObject *parent)
    : QAbstractHttpServer(parent), m_router(router), m_metrics(metrics), m_options(std::move(options))
{
    if (m_options.maxPendingRequests <= 0)
        m_options.maxPendingRequests = 64 * qMax(1, m_options.workerThreads);
    m_pool.setMaxThreadCount(qMax(1, m_options.workerThreads));
    m_pool.setObjectName(QStringLiteral("slidespec-http-workers"));
    m_requests = m_metrics.counter(QStringLiteral("http_requests_total"), QStringLiteral("HTTP requests answered."),
                                   {QStringLiteral("route"), QStringLiteral("method"), QStringLiteral("status")});
    m_duration = m_metrics.histogram(QStringLiteral("http_request_duration_seconds"),
                                     QStringLiteral("Time from receiving a request to writing its response."),
                                     {QStringLiteral("route"), QStringLiteral("method"), QStringLiteral("status")});
    m_inFlightGauge = m_metrics.gauge(QStringLiteral("http_requests_in_flight"),
                                      QStringLiteral("Requests received and not yet answered."));
    m_streamsGauge = m_metrics.gauge(QStringLiteral("http_event_streams_open"),
                                     QStringLiteral("Streamed responses (Server-Sent Events) open now."));
    m_streamsGauge->set(0);
    m_streamsRefused = m_metrics.counter(QStringLiteral("http_event_streams_refused_total"),
                                         QStringLiteral("Streamed responses refused: over the server's or an org's "
                                                        "cap, or while stopping."),
                                         {QStringLiteral("reason")});
}

HttpServer::~HttpServer()
{
    // Streams are detached while this object is whole (their guards die later, with the sockets).
    const QList<ConnectionGuard *> guards = m_streams.values();
    for (ConnectionGuard *guard : guards)
        guard->endStream("server_destroyed");
    m_pool.waitForDone();
}

bool HttpServer::start(const QHostAddress &address, quint16 port, QString *error)
{
    auto *tcp = new GuardedTcpServer(this);
    if (!tcp->listen(address, port)) {
        if (error)
            *error = QStringLiteral("cannot listen on %1:%2: %3").arg(address.toString()).arg(port).arg(tcp->errorString());
        delete tcp;
        return false;
    }
    bind(tcp);
    return true;
}

quint16 HttpServer::port() const
{
    const auto list = servers();
    return list.isEmpty() ? 0 : list.first()->serverPort();
}

void HttpServer::stopAccepting()
{
    m_stopping = true;
    for (auto *tcp : servers())
        tcp->close();
    closeStreams(); // a stream never finishes by itself: end them first, so clients reconnect elsewhere
}

bool HttpServer::drain(int timeoutMs)
{
    QDeadlineTimer deadline(timeoutMs);
    while (m_inFlight > 0 && !deadline.hasExpired())
        QCoreApplication::processEvents(QEventLoop::AllEvents, 50);
    const bool finished = m_inFlight == 0;
    m_pool.waitForDone(int(qMax<qint64>(0, deadline.remainingTime())));
    // Close the idle keep-alive connections.
    for (auto *tcp : servers()) {
        for (auto *socket : tcp->findChildren<QTcpSocket *>()) {
            auto *guard = guardOf(socket);
            if (!guard || guard->openRequests() == 0)
                socket->disconnectFromHost();
        }
    }
    QCoreApplication::processEvents(QEventLoop::AllEvents, 50);
    return finished;
}

ConnectionGuard *HttpServer::guardOf(QTcpSocket *socket) const
{
    if (!socket)
        return nullptr;
    for (QObject *child : socket->children()) {
        if (auto *guard = dynamic_cast<ConnectionGuard *>(child))
            return guard;
    }
    return nullptr;
}

bool HttpServer::isTrustedProxy(const QHostAddress &address) const
{
    QHostAddress a = address;
    bool isV4 = false;
    const quint32 v4 = a.toIPv4Address(&isV4);
    if (isV4)
        a = QHostAddress(v4);
    for (const auto &p : m_options.trustedProxies) {
        if (a.isInSubnet(p))
            return true;
    }
    return false;
}

QHostAddress HttpServer::clientAddress(const QHostAddress &peer, const QByteArray &forwardedFor) const
{
    if (forwardedFor.isEmpty() || !isTrustedProxy(peer))
        return peer;
    // Walk from the right: each trusted proxy appended the address it saw.
    const QList<QByteArray> hops = forwardedFor.split(',');
    QHostAddress client = peer;
    for (qsizetype i = hops.size() - 1; i >= 0; --i) {
        const QHostAddress hop(QString::fromLatin1(hops.at(i).trimmed()));
        if (hop.isNull())
            break;
        client = hop;
        if (!isTrustedProxy(hop))
            break;
    }
    return client;
}

QString HttpServer::routeLabel(const QByteArray &method, const QString &path) const
{
    const auto found = m_router.match(method, path);
    return found.route ? found.route->pattern : QStringLiteral("<unmatched>");
}

bool HttpServer::handleRequest(const QHttpServerRequest &request, QTcpSocket *socket)
{
    ConnectionGuard *guard = guardOf(socket);
    const ConnectionGuard::RequestInfo info = guard ? guard->takeInfo() : ConnectionGuard::RequestInfo{};

    HttpRequestData data;
    data.method = info.method.isEmpty() ? methodName(request.method()) : info.method;
    const QUrl url = request.url();
    data.path = url.path(QUrl::FullyEncoded);
    if (data.path.isEmpty())
        data.path = QStringLiteral("/");
    data.query = request.query();
    for (const auto &h : request.headers())
        data.headers.append({h.first.toLower(), h.second});
    data.body = request.body();
    data.peerAddress = request.remoteAddress();

    QByteArray requestId = data.header("x-request-id").trimmed();
    if (!isSaneRequestId(requestId))
        requestId = newRequestId();

    auto pending = std::make_shared<Pending>();
    pending->timer.start();
    pending->socket = socket;
    pending->sequence = guard ? guard->nextSequence++ : 0;
    pending->method = data.method;
    pending->path = data.path;
    pending->requestId = requestId;
    pending->close = info.close || m_stopping || !guard;
    pending->remote = clientAddress(data.peerAddress, data.header("x-forwarded-for"));

    if (data.body.size() > m_options.maxBodyBytes) {
        finish(pending,
               ApiError{413, QStringLiteral("request.too_large"),
                        QStringLiteral("The body is %1 bytes; the limit is %2 bytes.")
                            .arg(data.body.size())
                            .arg(m_options.maxBodyBytes),
                        {{QStringLiteral("limit"), m_options.maxBodyBytes},
                         {QStringLiteral("length"), qint64(data.body.size())}}},
               routeLabel(data.method, data.path), {}, {});
        return true;
    }
    if (m_inFlight >= m_options.maxPendingRequests) {
        HttpResponse busy(ApiError{503, QStringLiteral("server.busy"),
                                   QStringLiteral("The server is busy; try again in a moment."), {}});
        busy.setHeader("Retry-After", "1");
        finish(pending, busy, routeLabel(data.method, data.path), {}, {});
        return true;
    }

    pending->counted = true;
    ++m_inFlight;
    m_inFlightGauge->set(m_inFlight);

    QTimer::singleShot(m_options.requestTimeoutMs, this, [this, weak = std::weak_ptr<Pending>(pending)] {
        if (auto p = weak.lock(); p && !p->done) {
            logging::warn(QStringLiteral("request timed out"),
                          {{QStringLiteral("request_id"), QString::fromLatin1(p->requestId)},
                           {QStringLiteral("timeout_ms"), m_options.requestTimeoutMs}});
            finish(p,
                   ApiError{503, QStringLiteral("request.timeout"),
                            QStringLiteral("The request took longer than %1 ms and was abandoned; try again.")
                                .arg(m_options.requestTimeoutMs),
                            {}},
                   routeLabel(p->method, p->path), {}, {});
        }
    });

    const QHostAddress client = pending->remote;
    m_pool.start([this, pending, data = std::move(data), requestId, client]() mutable {
        RequestContext context(std::move(data), requestId, client);
        HttpResponse response = m_router.dispatch(context);
        const QString label = context.route() ? context.route()->pattern : QStringLiteral("<unmatched>");
        QMetaObject::invokeMethod(
            this,
            [this, pending, response = std::move(response), label, user = context.userId(),
             org = context.orgId()]() mutable { finish(pending, std::move(response), label, user, org); },
            Qt::QueuedConnection);
    });
    return true;
}

void HttpServer::missingHandler(const QHttpServerRequest &request, QTcpSocket *socket)
{
    // handleRequest() takes every request; this is only a safety net.
    Q_UNUSED(request);
    if (socket)
        socket->disconnectFromHost();
}

void HttpServer::finish(const std::shared_ptr<Pending> &pending, HttpResponse response, const QString &routeLabel,
                        const QString &userId, const QString &orgId)
{
    if (pending->done)
        return;
    pending->done = true;
    if (pending->counted) {
        --m_inFlight;
        m_inFlightGauge->set(m_inFlight);
    }
    std::shared_ptr<ResponseStream> stream;
    if (response.isStream()) {
        // A streamed response: refused over the caps, while stopping, and for HEAD (headers only).
        stream = response.responseStream();
        const int orgStreams = m_streamsPerOrg.value(orgId);
        if (pending->method == "HEAD") {
            stream.reset();
        } else if (m_stopping) {
            stream.reset();
            response = HttpResponse(ApiError{503, QStringLiteral("server.stopping"),
                                             QStringLiteral("The server is restarting; reconnect in a moment."), {}});
            response.setHeader("Retry-After", "1");
            m_streamsRefused->inc({QStringLiteral("stopping")});
        } else if (m_options.maxStreams >= 0 && m_streams.size() >= m_options.maxStreams) {
            stream.reset();
            response = HttpResponse(ApiError{503, QStringLiteral("server.streams_full"),
                                             QStringLiteral("The server has %1 event streams open, its limit; "
                                                            "reconnect later.").arg(m_options.maxStreams),
                                             {{QStringLiteral("limit"), m_options.maxStreams}}});
            response.setHeader("Retry-After", "5");
            m_streamsRefused->inc({QStringLiteral("server_limit")});
        } else if (!orgId.isEmpty() && m_options.maxStreamsPerOrg >= 0 && orgStreams >= m_options.maxStreamsPerOrg) {
            stream.reset();
            response = HttpResponse(ApiError{429, QStringLiteral("streams.org_limit"),
                                             QStringLiteral("This org has %1 event streams open, its limit; close "
                                                            "one or reconnect later.").arg(m_options.maxStreamsPerOrg),
                                             {{QStringLiteral("limit"), m_options.maxStreamsPerOrg}}});
            response.setHeader("Retry-After", "5");
            m_streamsRefused->inc({QStringLiteral("org_limit")});
        }
    }
    record(pending->method, routeLabel, response.status(), pending->timer.nsecsElapsed() / 1e9, pending->requestId,
           userId, orgId, pending->remote);
    QTcpSocket *socket = pending->socket.data();
    if (!socket || socket->state() != QAbstractSocket::ConnectedState)
        return; // the client went away (a stream is dropped without being attached)
    if (response.isStream()) {
        // The head of a stream (or all of a HEAD answer); the stream starts when it is written.
        const bool headOnly = !stream;
        QByteArray head = serializeStreamHead(response, pending->requestId, headOnly);
        writeInOrder(socket, pending->sequence, std::move(head), headOnly, std::move(stream), orgId, pending->requestId);
        return;
    }
    const bool close = pending->close || m_stopping;
    writeInOrder(socket, pending->sequence,
                 serialize(response, pending->requestId, pending->method == "HEAD", close), close);
}

void HttpServer::rejectEarly(QTcpSocket *socket, const QByteArray &method, const QString &path,
                             const QByteArray &requestId, const ApiError &error)
{
    ConnectionGuard *guard = guardOf(socket);
    const QByteArray id = isSaneRequestId(requestId) ? requestId : newRequestId();
    record(method.isEmpty() ? QByteArrayLiteral("UNKNOWN") : method,
           method.isEmpty() ? QStringLiteral("<unmatched>") : routeLabel(method, path), error.status, 0, id, {}, {},
           clientAddress(socket->peerAddress(), {}));
    const QByteArray bytes = serialize(HttpResponse(error), id, false, true);
    if (guard)
        writeInOrder(socket, guard->nextSequence++, bytes, true);
}

void HttpServer::writeInOrder(QTcpSocket *socket, quint64 sequence, QByteArray bytes, bool close,
                              std::shared_ptr<ResponseStream> stream, const QString &streamOrg,
                              const QByteArray &requestId)
{
    ConnectionGuard *guard = guardOf(socket);
    if (!guard) {
        socket->write(bytes);
        if (close || stream)
            socket->disconnectFromHost();
        return;
    }
    guard->ready[sequence] = {std::move(bytes), close, std::move(stream), streamOrg, requestId};
    while (!guard->ready.empty() && guard->ready.begin()->first == guard->nextWrite && !guard->closing
           && !guard->isStreaming()) {
        auto node = guard->ready.extract(guard->ready.begin());
        ++guard->nextWrite;
        guard->touch();
        ConnectionGuard::Outgoing &out = node.mapped();
        socket->write(out.bytes);
        if (out.stream) {
            // The connection is the stream's now; later pipelined answers are never written.
            guard->startStream(std::move(out.stream), out.streamOrg, out.requestId);
        } else if (out.close) {
            guard->stopParsing();
            guard->closeGracefully();
        }
    }
}

void HttpServer::streamStarted(ConnectionGuard *guard, const QString &orgId)
{
    m_streams.insert(guard);
    if (!orgId.isEmpty())
        ++m_streamsPerOrg[orgId];
    m_streamsGauge->set(double(m_streams.size()));
}

void HttpServer::streamEnded(ConnectionGuard *guard, const QString &orgId, const QByteArray &requestId,
                             qint64 elapsedMs, const char *reason)
{
    m_streams.remove(guard);
    if (!orgId.isEmpty()) {
        auto it = m_streamsPerOrg.find(orgId);
        if (it != m_streamsPerOrg.end() && --it.value() <= 0)
            m_streamsPerOrg.erase(it);
    }
    m_streamsGauge->set(double(m_streams.size()));
    if (logging::enabled(logging::Level::Info)) {
        logging::info(QStringLiteral("event stream closed"),
                      {{QStringLiteral("request_id"), QString::fromLatin1(requestId)},
                       {QStringLiteral("org_id"), orgId.isEmpty() ? QJsonValue() : QJsonValue(orgId)},
                       {QStringLiteral("seconds"), qRound64(elapsedMs / 10.0) / 100.0},
                       {QStringLiteral("reason"), QString::fromLatin1(reason)}});
    }
}

void HttpServer::closeStreams()
{
    const QList<ConnectionGuard *> guards = m_streams.values();
    for (ConnectionGuard *guard : guards) {
        guard->endStream("server_stopping");
        guard->closeGracefully();
    }
}

QByteArray HttpServer::serializeStreamHead(const HttpResponse &response, const QByteArray &requestId,
                                          bool headOnly) const
{
    QByteArray out;
    out.reserve(320 + response.body().size());
    out += "HTTP/1.1 " + QByteArray::number(response.status()) + ' ' + httpReasonPhrase(response.status()) + "\r\n";
    out += "Content-Type: "
           + (response.contentType().isEmpty() ? QByteArrayLiteral("text/event-stream") : headerSafe(response.contentType()))
           + "\r\n";
    out += "X-Request-Id: " + requestId + "\r\n";
    bool hasCacheControl = false;
    bool hasAccel = false;
    for (const auto &[name, value] : response.headers()) {
        const QByteArray lower = name.toLower();
        if (lower == "content-length" || lower == "connection" || lower == "x-request-id" || lower == "content-type"
            || lower == "transfer-encoding")
            continue;
        hasCacheControl = hasCacheControl || lower == "cache-control";
        hasAccel = hasAccel || lower == "x-accel-buffering";
        out += headerSafe(name) + ": " + headerSafe(value) + "\r\n";
    }
    if (!hasCacheControl)
        out += "Cache-Control: no-cache\r\n";
    if (!hasAccel)
        out += "X-Accel-Buffering: no\r\n"; // nginx passes each event on at once
    out += "X-Content-Type-Options: nosniff\r\n";
    // No Content-Length: the body ends when the connection closes.
    out += "Connection: close\r\n\r\n";
    if (!headOnly)
        out += response.body();
    return out;
}

QByteArray HttpServer::serialize(const HttpResponse &response, const QByteArray &requestId, bool headRequest,
                                 bool close) const
{
    const int status = response.status();
    const bool noBody = status == 204 || status == 304 || (status >= 100 && status < 200);
    QByteArray out;
    out.reserve(256 + response.body().size());
    out += "HTTP/1.1 " + QByteArray::number(status) + ' ' + httpReasonPhrase(status) + "\r\n";
    if (!response.contentType().isEmpty() && !noBody)
        out += "Content-Type: " + headerSafe(response.contentType()) + "\r\n";
    if (!noBody)
        out += "Content-Length: " + QByteArray::number(response.body().size()) + "\r\n";
    out += "X-Request-Id: " + requestId + "\r\n";
    bool hasCacheControl = false;
    for (const auto &[name, value] : response.headers()) {
        const QByteArray lower = name.toLower();
        if (lower == "content-length" || lower == "connection" || lower == "x-request-id" || lower == "content-type")
            continue;
        if (lower == "cache-control")
            hasCacheControl = true;
        out += headerSafe(name) + ": " + headerSafe(value) + "\r\n";
    }
    if (!hasCacheControl)
        out += "Cache-Control: no-store\r\n";
    out += "X-Content-Type-Options: nosniff\r\n";
    if (close)
        out += "Connection: close\r\n";
    out += "\r\n";
    if (!headRequest && !noBody)
        out += response.body();
    return out;
}

void HttpServer::record(const QByteArray &method, const QString &routeLabel, int status, double seconds,
                        const QByteArray &requestId, const QString &userId, const QString &orgId,
                        const QHostAddress &remote)
{
    const QStringList labels{routeLabel, QString::fromLatin1(method), QString::number(status)};
    m_requests->inc(labels);
    m_duration->observe(labels, seconds);
    const auto level = status >= 500 ? logging::Level::Error : logging::Level::Info;
    if (!logging::enabled(level))
        return;
    logging::log(level, QStringLiteral("request"),
                 {{QStringLiteral("request_id"), QString::fromLatin1(requestId)},
                  {QStringLiteral("method"), QString::fromLatin1(method)},
                  {QStringLiteral("route"), routeLabel},
                  {QStringLiteral("status"), status},
                  {QStringLiteral("latency_ms"), qRound64(seconds * 100000.0) / 100.0},
                  {QStringLiteral("user_id"), userId.isEmpty() ? QJsonValue() : QJsonValue(userId)},
                  {QStringLiteral("org_id"), orgId.isEmpty() ? QJsonValue() : QJsonValue(orgId)},
                  {QStringLiteral("remote"), remote.toString()}});
}

} // namespace slidespec::server
