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

namespace slidespec::server {

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
            if (openRequests() > 0) {
                m_idle.start();
                return;
            }
            m_socket->abort();
        });
        m_idle.start();
    }

    // Connected after QAbstractHttpServer's own readyRead handler.
    void connectAfterQt() { connect(m_socket, &QTcpSocket::readyRead, this, &ConnectionGuard::afterQt); }

    RequestInfo takeInfo() { return m_infos.isEmpty() ? RequestInfo{} : m_infos.dequeue(); }

    quint64 nextSequence = 0;
    quint64 nextWrite = 0;
    std::map<quint64, std::pair<QByteArray, bool>> ready;
    bool closing = false;

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
};

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
}

HttpServer::~HttpServer()
{
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
    record(pending->method, routeLabel, response.status(), pending->timer.nsecsElapsed() / 1e9, pending->requestId,
           userId, orgId, pending->remote);
    QTcpSocket *socket = pending->socket.data();
    if (!socket || socket->state() != QAbstractSocket::ConnectedState)
        return; // the client went away
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

void HttpServer::writeInOrder(QTcpSocket *socket, quint64 sequence, QByteArray bytes, bool close)
{
    ConnectionGuard *guard = guardOf(socket);
    if (!guard) {
        socket->write(bytes);
        if (close)
            socket->disconnectFromHost();
        return;
    }
    guard->ready[sequence] = {std::move(bytes), close};
    while (!guard->ready.empty() && guard->ready.begin()->first == guard->nextWrite && !guard->closing) {
        auto node = guard->ready.extract(guard->ready.begin());
        ++guard->nextWrite;
        guard->touch();
        socket->write(node.mapped().first);
        if (node.mapped().second) {
            guard->stopParsing();
            guard->closeGracefully();
        }
    }
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
