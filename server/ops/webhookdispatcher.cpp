// SPDX-License-Identifier: GPL-3.0-or-later
#include "ops/webhookdispatcher.h"

#include "http/logging.h"
#include "http/metrics.h"
#include "ops/opsdb.h"
#include "storage/httpclient.h"

#include <QDateTime>
#include <QElapsedTimer>

namespace slidespec::server {

using namespace opsdb;
using namespace std::chrono;

struct WebhookDispatcher::Claimed
{
    QString id;
    QString orgId;
    QString webhookId;
    QString event;
    QByteArray body;
    QString url;
    QByteArray secret;
    int attempt = 0;
    int maxAttempts = 0;
};

WebhookDispatcher::WebhookDispatcher(Database::Options dbOptions, WebhookConfig config, MetricsRegistry *metrics)
    : m_config(std::move(config))
{
    dbOptions.poolSize = 2;
    dbOptions.applicationName = "slidespec-webhooks";
    m_db = std::make_unique<Database>(std::move(dbOptions));
    if (metrics) {
        m_attemptsMetric = metrics->counter(QStringLiteral("slidespec_webhook_attempts_total"),
                                            QStringLiteral("Webhook delivery attempts by outcome"),
                                            {QStringLiteral("outcome")});
    }
}

WebhookDispatcher::~WebhookDispatcher()
{
    stop();
}

void WebhookDispatcher::start()
{
    if (m_running.exchange(true))
        return;
    m_thread = std::thread([this] { loop(); });
}

void WebhookDispatcher::stop()
{
    if (!m_running.exchange(false))
        return;
    wake();
    if (m_thread.joinable())
        m_thread.join();
}

void WebhookDispatcher::wake()
{
    {
        std::lock_guard lock(m_mutex);
        m_woken = true;
    }
    m_wake.notify_all();
}

void WebhookDispatcher::loop()
{
    while (m_running.load()) {
        const int done = runOnce();
        if (done > 0)
            continue; // there may be more due right now
        std::unique_lock lock(m_mutex);
        m_wake.wait_for(lock, m_config.pollInterval, [this] { return m_woken || !m_running.load(); });
        m_woken = false;
    }
}

int WebhookDispatcher::runOnce()
{
    const double leaseSeconds = double(m_config.lease.count());
    auto claimed = m_db->withTransaction([&](pqxx::work &tx) {
        std::vector<Claimed> out;
        for (const auto &row : tx.exec_params("SELECT id::text, org_id::text, webhook_id::text, event, body, url, "
                                              "secret, attempt, max_attempts FROM app.webhook_claim($1, $2)",
                                              m_config.batchSize, leaseSeconds)) {
            Claimed c;
            c.id = q(row[0]);
            c.orgId = q(row[1]);
            c.webhookId = q(row[2]);
            c.event = q(row[3]);
            c.body = QByteArray::fromStdString(row[4].as<std::string>());
            c.url = q(row[5]);
            c.secret = QByteArray::fromStdString(row[6].as<std::string>());
            c.attempt = row[7].as<int>();
            c.maxAttempts = std::min(row[8].as<int>(), m_config.maxAttempts);
            out.push_back(std::move(c));
        }
        return out;
    });
    if (!claimed) {
        // Before migrations, or the database is away: try again at the next poll.
        logging::debug(QStringLiteral("webhook claim failed"), {{QStringLiteral("error"), claimed.error().message}});
        return 0;
    }
    for (const Claimed &delivery : claimed.value())
        deliver(delivery);
    return int(claimed.value().size());
}

void WebhookDispatcher::deliver(const Claimed &delivery)
{
    QElapsedTimer timer;
    timer.start();
    int status = 0;
    QString error;
    bool permanent = false;

    const auto target = WebhookUrlGuard::check(delivery.url, m_config);
    if (!target) {
        error = target.error().message;
        permanent = true; // the URL is refused outright: retrying cannot help
    } else {
        const WebhookTarget &t = target.value();
        QByteArray path = t.url.path(QUrl::FullyEncoded).toLatin1();
        if (path.isEmpty())
            path = "/";
        if (t.url.hasQuery())
            path += '?' + t.url.query(QUrl::FullyEncoded).toLatin1();
        const QByteArray hostHeader = t.host.toLatin1()
                                      + ((t.tls && t.port == 443) || (!t.tls && t.port == 80)
                                             ? QByteArray()
                                             : ':' + QByteArray::number(t.port));
        HttpClientRequest request;
        request.method = "POST";
        request.target = path;
        request.body = delivery.body;
        request.headers = {{"Host", hostHeader},
                           {"Content-Type", "application/json"},
                           {"User-Agent", "Slidespec-Webhooks/1"},
                           {"X-Slidespec-Event", delivery.event.toLatin1()},
                           {"X-Slidespec-Delivery", delivery.id.toLatin1()},
                           {"X-Slidespec-Signature",
                            webhookSignature(delivery.secret, QDateTime::currentSecsSinceEpoch(), delivery.body)}};
        for (const QHostAddress &address : t.addresses) {
            BlockingHttpClient::Endpoint endpoint;
            endpoint.connectHost = address.toString();
            endpoint.port = t.port;
            endpoint.tls = t.tls;
            endpoint.tlsPeerName = t.url.host();
            endpoint.timeoutMs = int(m_config.timeout.count());
            endpoint.maxResponseBytes = 64 * 1024;
            const auto response = BlockingHttpClient::send(endpoint, request);
            if (!response) {
                error = response.error().message;
                if (response.error().kind == StorageErrorKind::Unavailable)
                    continue; // try the next address
                break;
            }
            status = response.value().status;
            error = status >= 200 && status < 300
                        ? QString()
                        : QStringLiteral("HTTP %1: %2").arg(status).arg(QString::fromUtf8(response.value().body.left(300)));
            break;
        }
    }
    const bool success = status >= 200 && status < 300;
    const bool last = delivery.attempt >= delivery.maxAttempts;
    const double retrySeconds = double(m_config.retryDelay(delivery.attempt).count()) / 1000.0;
    const int durationMs = int(timer.elapsed());
    auto finished = m_db->withTransaction([&](pqxx::work &tx) {
        const auto row = tx.exec_params1("SELECT app.webhook_finish($1::uuid, $2::integer, $3::boolean, NULLIF($4::integer, 0), NULLIF($5::text, ''), $6::integer, $7::float8, $8::boolean)",
                                         s(delivery.id), delivery.attempt, success, status, s(error), durationMs,
                                         retrySeconds, permanent || last);
        return q(row[0]);
    });
    if (m_attemptsMetric)
        m_attemptsMetric->inc({success ? QStringLiteral("succeeded") : QStringLiteral("failed")});
    logging::info(QStringLiteral("webhook attempt"),
                  {{QStringLiteral("delivery_id"), delivery.id},
                   {QStringLiteral("org_id"), delivery.orgId},
                   {QStringLiteral("webhook_id"), delivery.webhookId},
                   {QStringLiteral("event"), delivery.event},
                   {QStringLiteral("attempt"), delivery.attempt},
                   {QStringLiteral("status"), status},
                   {QStringLiteral("error"), error},
                   {QStringLiteral("duration_ms"), durationMs},
                   {QStringLiteral("state"), finished ? finished.value() : QStringLiteral("?")}});
}

} // namespace slidespec::server
