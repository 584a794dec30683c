// SPDX-License-Identifier: GPL-3.0-or-later
#include "auth/throttle.h"

#include <algorithm>
#include <cmath>

namespace slidespec::server {

using std::chrono::milliseconds;
using std::chrono::seconds;

milliseconds steadyNow()
{
    return std::chrono::duration_cast<milliseconds>(std::chrono::steady_clock::now().time_since_epoch());
}

namespace {

seconds ceilSeconds(milliseconds ms)
{
    if (ms <= milliseconds::zero())
        return seconds::zero();
    return seconds((ms.count() + 999) / 1000);
}

} // namespace

LoginThrottle::LoginThrottle(LoginThrottleConfig config, MonotonicClock clock)
    : m_config(config)
    , m_clock(clock ? std::move(clock) : MonotonicClock(steadyNow))
{
}

milliseconds LoginThrottle::lockedUntil(const Entry &entry, int freeFailures) const
{
    if (entry.failures < freeFailures || entry.lastFailure + m_config.forgetAfter <= m_clock())
        return milliseconds::zero();
    // Doubling from firstDelay; the exponent is capped so the shift cannot overflow.
    const int steps = std::min(entry.failures - freeFailures, 30);
    const auto delay = std::min<milliseconds>(m_config.firstDelay * (qint64(1) << steps), m_config.maxDelay);
    return entry.lastFailure + delay;
}

seconds LoginThrottle::retryAfter(const QString &account, const QString &address) const
{
    std::lock_guard lock(m_mutex);
    const milliseconds now = m_clock();
    milliseconds until = milliseconds::zero();
    if (const auto it = m_accounts.constFind(account); it != m_accounts.cend())
        until = std::max(until, lockedUntil(*it, m_config.freeFailuresPerAccount));
    if (const auto it = m_addresses.constFind(address); it != m_addresses.cend())
        until = std::max(until, lockedUntil(*it, m_config.freeFailuresPerAddress));
    return ceilSeconds(until - now);
}

void LoginThrottle::bump(QHash<QString, Entry> &table, const QString &key, milliseconds now)
{
    if (table.size() >= m_config.maxEntries && !table.contains(key))
        prune(table, now);
    Entry &entry = table[key];
    if (entry.failures > 0 && entry.lastFailure + m_config.forgetAfter <= now)
        entry.failures = 0;
    ++entry.failures;
    entry.lastFailure = now;
}

void LoginThrottle::prune(QHash<QString, Entry> &table, milliseconds now)
{
    for (auto it = table.begin(); it != table.end();) {
        if (it->lastFailure + m_config.forgetAfter <= now)
            it = table.erase(it);
        else
            ++it;
    }
    // Still full of live entries: drop the half with the fewest failures
    // rather than grow without bound (an attacker would need that many keys).
    if (table.size() >= m_config.maxEntries) {
        QList<int> counts;
        counts.reserve(table.size());
        for (const Entry &e : std::as_const(table))
            counts.append(e.failures);
        std::nth_element(counts.begin(), counts.begin() + counts.size() / 2, counts.end());
        const int median = counts.at(counts.size() / 2);
        for (auto it = table.begin(); it != table.end();) {
            if (it->failures <= median)
                it = table.erase(it);
            else
                ++it;
        }
    }
}

void LoginThrottle::recordFailure(const QString &account, const QString &address)
{
    std::lock_guard lock(m_mutex);
    const milliseconds now = m_clock();
    bump(m_accounts, account, now);
    bump(m_addresses, address, now);
}

void LoginThrottle::recordSuccess(const QString &account)
{
    std::lock_guard lock(m_mutex);
    m_accounts.remove(account);
}

int LoginThrottle::accountFailures(const QString &account) const
{
    std::lock_guard lock(m_mutex);
    return m_accounts.value(account).failures;
}

RateLimiter::RateLimiter(MonotonicClock clock)
    : m_clock(clock ? std::move(clock) : MonotonicClock(steadyNow))
{
}

void RateLimiter::setLimit(const QString &routeClass, BucketLimit limit)
{
    std::lock_guard lock(m_mutex);
    m_limits.insert(routeClass, limit);
    // Buckets of the class restart full under the new limit.
    const QString prefix = routeClass + QChar(u'\x1f');
    for (auto it = m_buckets.begin(); it != m_buckets.end();) {
        if (it.key().startsWith(prefix))
            it = m_buckets.erase(it);
        else
            ++it;
    }
}

seconds RateLimiter::acquire(const QString &routeClass, const QString &key, double cost)
{
    std::lock_guard lock(m_mutex);
    const auto limitIt = m_limits.constFind(routeClass);
    if (limitIt == m_limits.cend())
        return seconds::zero();
    const BucketLimit limit = *limitIt;
    const milliseconds now = m_clock();

    // Now and then drop buckets that have refilled completely: same as absent.
    if (++m_operations >= 4096) {
        m_operations = 0;
        for (auto it = m_buckets.begin(); it != m_buckets.end();) {
            const QString cls = it.key().section(QChar(u'\x1f'), 0, 0);
            const BucketLimit l = m_limits.value(cls);
            const double idle = double((now - it->updated).count()) / 1000.0;
            if (l.refillPerSecond <= 0 || it->tokens + idle * l.refillPerSecond >= l.capacity)
                it = m_buckets.erase(it);
            else
                ++it;
        }
    }

    const QString bucketKey = routeClass + QChar(u'\x1f') + key;
    auto it = m_buckets.find(bucketKey);
    if (it == m_buckets.end())
        it = m_buckets.insert(bucketKey, Bucket{limit.capacity, now});
    Bucket &bucket = *it;
    const double elapsed = double((now - bucket.updated).count()) / 1000.0;
    bucket.tokens = std::min(limit.capacity, bucket.tokens + std::max(0.0, elapsed) * limit.refillPerSecond);
    bucket.updated = now;
    if (bucket.tokens >= cost) {
        bucket.tokens -= cost;
        return seconds::zero();
    }
    if (limit.refillPerSecond <= 0)
        return seconds(3600);
    const double wait = (cost - bucket.tokens) / limit.refillPerSecond;
    return seconds(std::max<qint64>(1, qint64(std::ceil(wait))));
}

} // namespace slidespec::server
