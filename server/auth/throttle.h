// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QHash>
#include <QString>

#include <chrono>
#include <functional>
#include <mutex>

/*!
 * \file throttle.h
 * \brief Login throttling (growing delays after failures) and a token-bucket
 * rate limiter, both in memory with an injectable clock.
 *
 * State is per process: several server instances each keep their own, so an
 * attacker spreading attempts over N instances gains about log2(N) doublings
 * of the delay, not N times the attempts. docs/auth.md says why this is kept
 * in memory rather than in PostgreSQL.
 */

namespace slidespec::server {

/*! \brief A monotonic clock: time since an arbitrary, fixed start. */
using MonotonicClock = std::function<std::chrono::milliseconds()>;

/*! The process's steady clock, the default of both classes here. */
std::chrono::milliseconds steadyNow();

/*! \brief How LoginThrottle grows its delays. */
struct LoginThrottleConfig
{
    int freeFailuresPerAccount = 5;  //!< failures before the first delay
    int freeFailuresPerAddress = 20; //!< an address may be a shared NAT
    std::chrono::seconds firstDelay{1};
    std::chrono::seconds maxDelay{15 * 60};
    std::chrono::seconds forgetAfter{24 * 60 * 60}; //!< quiet time that clears a counter
    int maxEntries = 100000;                        //!< memory bound per kind of key
};

/*!
 * \brief Login throttling per account and per client address.
 *
 * After the free failures, each further failure locks the key for a delay
 * that doubles (1 s, 2 s, 4 s, … up to maxDelay) counted from that failure.
 * Account keys are the lower-cased email whether or not an account exists,
 * so the throttle reveals nothing. A success clears the account's counter
 * (not the address's: one valid account must not reset an address that is
 * guessing others). Thread-safe.
 */
class LoginThrottle
{
public:
    explicit LoginThrottle(LoginThrottleConfig config = {}, MonotonicClock clock = steadyNow);

    /*!
     * \brief Zero when a login for \a account from \a address may be tried
     * now, otherwise the seconds to wait (rounded up: the Retry-After value).
     */
    std::chrono::seconds retryAfter(const QString &account, const QString &address) const;

    /*! Counts a failed login (wrong password, unknown or disabled account). */
    void recordFailure(const QString &account, const QString &address);

    /*! A successful login: clears \a account's failures. */
    void recordSuccess(const QString &account);

    /*! Failures counted for \a account (tests, diagnostics). */
    int accountFailures(const QString &account) const;

    const LoginThrottleConfig &config() const { return m_config; }

private:
    struct Entry
    {
        int failures = 0;
        std::chrono::milliseconds lastFailure{0};
    };

    std::chrono::milliseconds lockedUntil(const Entry &entry, int freeFailures) const;
    void prune(QHash<QString, Entry> &table, std::chrono::milliseconds now);
    void bump(QHash<QString, Entry> &table, const QString &key, std::chrono::milliseconds now);

    LoginThrottleConfig m_config;
    MonotonicClock m_clock;
    mutable std::mutex m_mutex;
    QHash<QString, Entry> m_accounts;
    QHash<QString, Entry> m_addresses;
};

/*! \brief One token bucket's size and refill rate. */
struct BucketLimit
{
    double capacity = 10;        //!< burst: requests allowed at once
    double refillPerSecond = 1;  //!< sustained rate
};

/*!
 * \brief Token-bucket rate limiting keyed by (route class, key), for example
 * ("auth", client address) or ("export", user id). A class without a limit
 * is not limited. Thread-safe; idle buckets (full again) are dropped.
 */
class RateLimiter
{
public:
    explicit RateLimiter(MonotonicClock clock = steadyNow);

    /*! Sets (or replaces) the limit of \a routeClass. */
    void setLimit(const QString &routeClass, BucketLimit limit);

    /*!
     * \brief Takes \a cost tokens from the (routeClass, key) bucket. Returns
     * zero when allowed, otherwise the whole seconds until enough tokens are
     * back (at least 1): the Retry-After value of a 429.
     */
    std::chrono::seconds acquire(const QString &routeClass, const QString &key, double cost = 1.0);

private:
    struct Bucket
    {
        double tokens = 0;
        std::chrono::milliseconds updated{0};
    };

    MonotonicClock m_clock;
    std::mutex m_mutex;
    QHash<QString, BucketLimit> m_limits;
    QHash<QString, Bucket> m_buckets;
    int m_operations = 0;
};

} // namespace slidespec::server
