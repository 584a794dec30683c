// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>

#include <memory>

namespace slidespec::server {

/*!
 * \brief Where a streamed response writes: the client connection, seen
 * from any thread.
 *
 * Owned jointly by the server and the ResponseStream (a shared_ptr); it
 * stays valid after the connection is gone, and then write() returns false.
 * Thread-safe: the bytes are queued and written to the socket on the
 * server's event-loop thread, in the order write() was called.
 */
class StreamSink
{
public:
    virtual ~StreamSink() = default;

    /*!
     * Queues \a bytes for the client. Returns false (and drops them) once
     * the stream has ended: the client went away, close() was called, the
     * server is stopping, or the client reads too slowly (more than the
     * server's stream buffer waits unsent).
     */
    virtual bool write(QByteArray bytes) = 0;
    /*! Ends the stream: what was written is flushed, then the connection closes. Idempotent. */
    virtual void close() = 0;
    /*! Whether write() would still accept bytes. */
    virtual bool isOpen() const = 0;
};

/*!
 * \brief The body of a streamed response (Server-Sent Events): a handler
 * returns `HttpResponse::stream(...)` with one of these, and the server keeps
 * the connection.
 *
 * The server calls attach() once, on its event-loop thread, right after it
 * wrote the status line, the headers and the response's initial body; from
 * then on the stream may write to the sink from any thread. It calls
 * detach() once, on the event-loop thread, when the stream ends for any
 * reason (the client disconnected or read too slowly, the sink was closed,
 * the server stops): after it returns, the stream must not count on its
 * writes being delivered and should release what it holds (subscriptions,
 * timers). A stream that is refused (over the server's stream caps, HEAD, the
 * client already gone) is neither attached nor detached: it is only
 * destroyed, so it should subscribe to things in attach(), not before.
 * Neither call may block for long: they run on the event loop.
 */
class ResponseStream
{
public:
    virtual ~ResponseStream() = default;
    virtual void attach(std::shared_ptr<StreamSink> sink) = 0;
    virtual void detach() = 0;
};

} // namespace slidespec::server
