// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "auth/throttle.h"
#include "http/httpresponse.h"
#include "http/router.h"

#include <QHash>
#include <QString>

#include <optional>

namespace slidespec::server {

class MetricFamily;
class MetricsRegistry;
class RequestContext;

/*!
 * \brief Token-bucket rate limits on the expensive endpoints, by route
 * class, built on auth's RateLimiter (throttle.h).
 *
 * A request is charged to the bucket of (class, subject), the subject being
 * the org the request acts in when there is one, else the user, else the
 * client address: one busy org cannot starve the others, and anonymous
 * callers are limited per address. A refusal is `429 rate_limited` with
 * `Retry-After` and details {class, retryAfter}, and counts in
 * `slidespec_rate_limited_total{class}`.
 *
 * Classes and their defaults (docs/operations.md): export (burst 10, 1 per
 * 6 s), preview (burst 60, 2 per s), upload (burst 30, 1 per s), download
 * (burst 120, 10 per s), webhook_test (burst 5, 1 per 10 s).
 *
 * Routes use it either by checking at the top of the handler:
 * \code
 * if (auto refused = limits.check(ctx, RateLimits::exportClass()))
 *     return *refused;
 * \endcode
 * or by wrapping the handler: `.handler = limits.limited("export", handler)`.
 */
class RateLimits
{
public:
    explicit RateLimits(MetricsRegistry *metrics = nullptr, MonotonicClock clock = steadyNow);

    static QString exportClass() { return QStringLiteral("export"); }
    static QString previewClass() { return QStringLiteral("preview"); }
    static QString uploadClass() { return QStringLiteral("upload"); }
    static QString downloadClass() { return QStringLiteral("download"); }
    static QString webhookTestClass() { return QStringLiteral("webhook_test"); }

    /*! Replaces the limit of \a routeClass (tests, configuration). */
    void setLimit(const QString &routeClass, BucketLimit limit);
    /*! The limit of \a routeClass, when it has one. */
    std::optional<BucketLimit> limit(const QString &routeClass) const;

    /*! The bucket subject of a request: "org:<id>", "user:<id>" or "addr:<address>". */
    static QString subjectOf(const RequestContext &context);

    /*!
     * \brief Takes \a cost tokens for \a context in \a routeClass. nullopt:
     * go ahead; otherwise the 429 response to send.
     */
    std::optional<HttpResponse> check(const RequestContext &context, const QString &routeClass, double cost = 1.0);

    /*! \a handler behind check(\a routeClass). */
    RouteHandler limited(const QString &routeClass, RouteHandler handler);

    /*! Refusals so far in \a routeClass (tests, diagnostics). */
    qint64 refusals(const QString &routeClass) const;

private:
    RateLimiter m_limiter;
    MetricFamily *m_refusedMetric = nullptr;
    mutable std::mutex m_mutex;
    QHash<QString, BucketLimit> m_limits;
    QHash<QString, qint64> m_refusals;
};

} // namespace slidespec::server
