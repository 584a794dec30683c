// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "db/database.h"
#include "http/apierror.h"
#include "http/serviceresult.h"

#include <QByteArray>
#include <QHostAddress>
#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QPair>
#include <QProcessEnvironment>
#include <QString>
#include <QStringList>
#include <QUrl>

#include <chrono>
#include <optional>
#include <vector>

namespace slidespec::server {

/*!
 * \brief How webhooks are delivered and which URLs they may reach.
 *
 * The server fills it from ServerConfig (docs/server.md, docs/operations.md;
 * a malformed value stops the server at start-up):
 * - `--webhook-allow-http-loopback` / `SLIDESPEC_WEBHOOK_ALLOW_HTTP_LOOPBACK=1`
 *   (development only): http:// URLs to loopback addresses are accepted;
 * - `--webhook-allowed-networks` / `SLIDESPEC_WEBHOOK_ALLOWED_NETWORKS=10.1.0.0/16,fd00::/8`:
 *   private networks webhooks may reach despite the SSRF guard.
 * fromEnvironment() reads the variables for programs that fill a ServerConfig
 * by hand.
 */
struct WebhookConfig
{
    bool allowHttpLoopback = false;
    QList<QPair<QHostAddress, int>> allowedNetworks{};
    int maxAttempts = 6;
    /*! Delay after failed attempt n (1-based) is retryDelays[min(n, size) - 1]. */
    std::vector<std::chrono::milliseconds> retryDelays{std::chrono::seconds(30), std::chrono::minutes(2),
                                                       std::chrono::minutes(10), std::chrono::hours(1),
                                                       std::chrono::hours(6)};
    std::chrono::milliseconds timeout{10000};      //!< connect + send + answer, per attempt
    std::chrono::milliseconds pollInterval{1000};  //!< how often the worker looks for due deliveries
    std::chrono::seconds lease{120};               //!< a claimed delivery is retried by others after this
    int batchSize = 10;

    /*! The delay after failed attempt \a attempt (1-based). */
    std::chrono::milliseconds retryDelay(int attempt) const;

    /*! Reads the variables above; false with \a errors on a malformed value. */
    static bool fromEnvironment(const QProcessEnvironment &env, WebhookConfig *config, QStringList *errors);
};

/*! The events a webhook can subscribe to (docs/operations.md), plus "ping" (sent by the test route). */
QStringList webhookEventNames();

/*!
 * \brief The SSRF guard: whether a webhook URL may be registered or called.
 */
struct WebhookTarget
{
    QUrl url{};
    QString host{};                 //!< as written (for Host and TLS)
    quint16 port = 443;
    bool tls = true;
    QList<QHostAddress> addresses{}; //!< resolved and checked; connect to these only
};

class WebhookUrlGuard
{
public:
    /*!
     * \brief Checks \a url: https (or http to a loopback address when
     * allowHttpLoopback), no user info or fragment, a host that resolves
     * only to public addresses (or to allowedNetworks; loopback when
     * allowHttpLoopback). Resolves the name (blocking: call off the event
     * loop). On refusal returns a 400 `webhooks.invalid_url` whose message
     * says why.
     */
    static ServiceResult<WebhookTarget> check(const QString &url, const WebhookConfig &config);

    /*! True for addresses no webhook may reach by default (private, loopback, link-local, …). */
    static bool isNonPublic(const QHostAddress &address);
};

/*!
 * \brief The `X-Slidespec-Signature` value for \a body sent at \a unixTime:
 * `t=<unixTime>,v1=<hex HMAC-SHA256(secret, "<unixTime>." + body)>`.
 */
QByteArray webhookSignature(const QByteArray &secret, qint64 unixTime, const QByteArray &body);

/*!
 * \brief Verifies a signature header as a receiver would: the v1 HMAC
 * matches (constant-time) and t is within \a toleranceSeconds of \a nowUnix.
 */
bool verifyWebhookSignature(const QByteArray &header, const QByteArray &secret, const QByteArray &body, qint64 nowUnix,
                            qint64 toleranceSeconds = 300);

/*!
 * \brief Webhooks of an org (migration 0032): registration, the outbox, the
 * delivery log. The delivery itself is WebhookDispatcher's.
 */
struct AuditEvent;

class Webhooks
{
public:
    Webhooks(Database &db, WebhookConfig config);

    const WebhookConfig &config() const { return m_config; }

    /*!
     * \brief Queues \a event with \a data for every active webhook of
     * \a orgId that subscribed to it, with \a tx (outbox: sent only if the
     * caller's transaction commits). The scope of \a tx must be that org.
     * Returns the number of deliveries queued. Throws what libpqxx throws.
     *
     * The body sent is {id, event, orgId, createdAt, data}; `id` is the
     * delivery id, also sent as `X-Slidespec-Delivery`.
     */
    static int emitEvent(pqxx::transaction_base &tx, const QString &orgId, const QString &event, const QJsonObject &data);

    /*! emitEvent() in a transaction of its own. */
    DbResult<int> emitEvent(const OrgScope &scope, const QString &event, const QJsonObject &data);

    // The write operations record \a audit (object filled in) in their own
    // transaction when given, so the change and its audit row commit together.

    /*! {url, events, description?, active?} → the webhook with its secret (shown this once). */
    ServiceResult<QJsonObject> create(const OrgScope &scope, const QJsonObject &body, const AuditEvent *audit = nullptr);
    ServiceResult<QJsonArray> list(const OrgScope &scope);
    ServiceResult<QJsonObject> get(const OrgScope &scope, const QString &id);
    /*! {url?, events?, description?, active?} */
    ServiceResult<QJsonObject> update(const OrgScope &scope, const QString &id, const QJsonObject &body,
                                  const AuditEvent *audit = nullptr);
    ServiceResult<bool> remove(const OrgScope &scope, const QString &id, const AuditEvent *audit = nullptr);
    /*! The webhook's deliveries, newest first, each with its attempts. */
    ServiceResult<QJsonObject> deliveries(const OrgScope &scope, const QString &id, int limit);
    /*! Queues a "ping" delivery to this webhook (whatever its events). */
    ServiceResult<QJsonObject> sendTest(const OrgScope &scope, const QString &id);

private:
    std::optional<ApiError> validate(const QJsonObject &body, bool creating, QString *url, QStringList *events,
                                     QString *description, std::optional<bool> *active) const;

    Database &m_db;
    WebhookConfig m_config;
};

} // namespace slidespec::server
