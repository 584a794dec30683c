// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "db/database.h"
#include "ops/webhooks.h"

#include <atomic>
#include <condition_variable>
#include <memory>
#include <mutex>
#include <thread>

namespace slidespec::server {

class MetricFamily;
class MetricsRegistry;

/*!
 * \brief The webhook delivery worker: one thread that claims due deliveries
 * (app.webhook_claim: FOR UPDATE SKIP LOCKED, so several server instances
 * share the work), POSTs each, and records the attempt (app.webhook_finish).
 *
 * A request is `POST <url>` with the JSON body stored when the event was emitted and the
 * headers Content-Type: application/json, User-Agent: Slidespec-Webhooks/1,
 * X-Slidespec-Event, X-Slidespec-Delivery (the delivery id, stable across
 * retries) and X-Slidespec-Signature: `t=<unix>,v1=<hex HMAC-SHA256 of
 * "<unix>.<body>" with the webhook's secret>`. A 2xx answer is success;
 * anything else, a timeout or a refused connection is retried after
 * WebhookConfig::retryDelay(attempt); after maxAttempts the delivery is
 * failed. The URL is checked again (SSRF guard, fresh DNS) before every
 * attempt and the connection goes to the address that was checked, so a DNS
 * change cannot point a registered hook at an internal address.
 *
 * It owns a small database pool of its own (2 connections), so it never
 * competes with request handlers and outlives nothing it borrows.
 */
class WebhookDispatcher
{
public:
    WebhookDispatcher(Database::Options dbOptions, WebhookConfig config, MetricsRegistry *metrics = nullptr);
    ~WebhookDispatcher();
    WebhookDispatcher(const WebhookDispatcher &) = delete;
    WebhookDispatcher &operator=(const WebhookDispatcher &) = delete;

    /*! Starts the thread (idempotent). */
    void start();
    /*! Stops the thread, letting the attempt in progress finish. Blocks. */
    void stop();
    /*! Looks for due deliveries now instead of at the next poll. */
    void wake();

    /*! Claims and delivers one batch on the calling thread; returns how many were attempted. */
    int runOnce();

private:
    struct Claimed;
    void loop();
    void deliver(const Claimed &delivery);

    std::unique_ptr<Database> m_db;
    WebhookConfig m_config;
    MetricFamily *m_attemptsMetric = nullptr;
    std::thread m_thread;
    std::mutex m_mutex;
    std::condition_variable m_wake;
    bool m_woken = false;
    std::atomic<bool> m_running{false};
};

} // namespace slidespec::server
