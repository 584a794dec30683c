// SPDX-License-Identifier: GPL-3.0-or-later
#include "ops/ratelimits.h"

#include "http/metrics.h"
#include "http/requestcontext.h"

namespace slidespec::server {

RateLimits::RateLimits(MetricsRegistry *metrics, MonotonicClock clock)
    : m_limiter(std::move(clock))
{
    if (metrics) {
        m_refusedMetric = metrics->counter(QStringLiteral("slidespec_rate_limited_total"),
                                           QStringLiteral("Requests refused with 429 by a rate limit, by route class"),
                                           {QStringLiteral("class")});
    }
    setLimit(exportClass(), {10, 1.0 / 6.0});
    setLimit(previewClass(), {60, 2});
    setLimit(uploadClass(), {30, 1});
    setLimit(downloadClass(), {120, 10});
    setLimit(webhookTestClass(), {5, 0.1});
}

void RateLimits::setLimit(const QString &routeClass, BucketLimit limit)
{
    {
        std::lock_guard lock(m_mutex);
        m_limits.insert(routeClass, limit);
    }
    m_limiter.setLimit(routeClass, limit);
}

std::optional<BucketLimit> RateLimits::limit(const QString &routeClass) const
{
    std::lock_guard lock(m_mutex);
    const auto it = m_limits.constFind(routeClass);
    if (it == m_limits.cend())
        return std::nullopt;
    return *it;
}

QString RateLimits::subjectOf(const RequestContext &context)
{
    if (!context.orgId().isEmpty())
        return QStringLiteral("org:") + context.orgId();
    if (!context.userId().isEmpty())
        return QStringLiteral("user:") + context.userId();
    return QStringLiteral("addr:") + context.clientAddress().toString();
}

std::optional<HttpResponse> RateLimits::check(const RequestContext &context, const QString &routeClass, double cost)
{
    const auto wait = m_limiter.acquire(routeClass, subjectOf(context), cost);
    if (wait.count() <= 0)
        return std::nullopt;
    {
        std::lock_guard lock(m_mutex);
        ++m_refusals[routeClass];
    }
    if (m_refusedMetric)
        m_refusedMetric->inc({routeClass});
    const ApiError error{429, QStringLiteral("rate_limited"),
                         QStringLiteral("Too many %1 requests; try again in %2 seconds.").arg(routeClass).arg(wait.count()),
                         {{QStringLiteral("class"), routeClass}, {QStringLiteral("retryAfter"), qint64(wait.count())}}};
    HttpResponse response(error);
    response.setHeader("Retry-After", QByteArray::number(qint64(wait.count())));
    return response;
}

RouteHandler RateLimits::limited(const QString &routeClass, RouteHandler handler)
{
    return [this, routeClass, handler = std::move(handler)](RequestContext &context) -> HttpResponse {
        if (auto refused = check(context, routeClass))
            return *refused;
        return handler(context);
    };
}

qint64 RateLimits::refusals(const QString &routeClass) const
{
    std::lock_guard lock(m_mutex);
    return m_refusals.value(routeClass);
}

} // namespace slidespec::server
