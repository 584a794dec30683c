// SPDX-License-Identifier: GPL-3.0-or-later
// Login throttling and the token-bucket rate limiter, on a fake clock: delays
// start after the free failures and double up to the cap, a success clears
// the account, Retry-After values are whole seconds rounded up.
#include "auth/throttle.h"

#include <QTest>

using namespace slidespec::server;
using namespace std::chrono_literals;

class TestAuthThrottle : public QObject
{
    Q_OBJECT

    std::chrono::milliseconds m_now{1'000'000};
    MonotonicClock clock()
    {
        return [this] { return m_now; };
    }

private slots:
    void init() { m_now = std::chrono::milliseconds(1'000'000); }

    void freeFailuresThenDoublingDelays()
    {
        LoginThrottle throttle({}, clock());
        const QString account = QStringLiteral("ana@example.com");
        const QString address = QStringLiteral("192.0.2.1");
        for (int i = 0; i < 4; ++i) {
            throttle.recordFailure(account, address);
            QCOMPARE(throttle.retryAfter(account, address), 0s);
        }
        // 5th failure: 1 s, then 2, 4, 8, 16 ...
        const std::chrono::seconds expected[] = {1s, 2s, 4s, 8s, 16s, 32s};
        for (const auto delay : expected) {
            throttle.recordFailure(account, address);
            QCOMPARE(throttle.retryAfter(account, address), delay);
            m_now += delay;
            QCOMPARE(throttle.retryAfter(account, address), 0s);
        }
    }

    void delayIsCapped()
    {
        LoginThrottle throttle({}, clock());
        for (int i = 0; i < 60; ++i)
            throttle.recordFailure(QStringLiteral("a@example.com"), QStringLiteral("x"));
        QCOMPARE(throttle.retryAfter(QStringLiteral("a@example.com"), QStringLiteral("y")), 15min);
    }

    void retryAfterRoundsUp()
    {
        LoginThrottle throttle({}, clock());
        for (int i = 0; i < 6; ++i) // 2 s delay
            throttle.recordFailure(QStringLiteral("b@example.com"), QStringLiteral("x"));
        m_now += 1500ms;
        QCOMPARE(throttle.retryAfter(QStringLiteral("b@example.com"), QStringLiteral("x")), 1s);
        m_now += 499ms;
        QCOMPARE(throttle.retryAfter(QStringLiteral("b@example.com"), QStringLiteral("x")), 1s);
        m_now += 1ms;
        QCOMPARE(throttle.retryAfter(QStringLiteral("b@example.com"), QStringLiteral("x")), 0s);
    }

    void successClearsTheAccountNotTheAddress()
    {
        LoginThrottleConfig config;
        config.freeFailuresPerAddress = 5;
        LoginThrottle throttle(config, clock());
        for (int i = 0; i < 5; ++i)
            throttle.recordFailure(QStringLiteral("c@example.com"), QStringLiteral("198.51.100.7"));
        QCOMPARE(throttle.retryAfter(QStringLiteral("c@example.com"), QStringLiteral("elsewhere")), 1s);
        throttle.recordSuccess(QStringLiteral("c@example.com"));
        QCOMPARE(throttle.accountFailures(QStringLiteral("c@example.com")), 0);
        QCOMPARE(throttle.retryAfter(QStringLiteral("c@example.com"), QStringLiteral("elsewhere")), 0s);
        // The address that failed five times is still delayed, whatever the account.
        QCOMPARE(throttle.retryAfter(QStringLiteral("other@example.com"), QStringLiteral("198.51.100.7")), 1s);
    }

    void addressThrottledAcrossAccounts()
    {
        LoginThrottle throttle({}, clock());
        // 20 different accounts from one address: the 20th failure starts the delay.
        for (int i = 0; i < 19; ++i)
            throttle.recordFailure(QStringLiteral("user%1@example.com").arg(i), QStringLiteral("203.0.113.9"));
        QCOMPARE(throttle.retryAfter(QStringLiteral("new@example.com"), QStringLiteral("203.0.113.9")), 0s);
        throttle.recordFailure(QStringLiteral("user19@example.com"), QStringLiteral("203.0.113.9"));
        QCOMPARE(throttle.retryAfter(QStringLiteral("new@example.com"), QStringLiteral("203.0.113.9")), 1s);
        QCOMPARE(throttle.retryAfter(QStringLiteral("new@example.com"), QStringLiteral("203.0.113.10")), 0s);
    }

    void quietDayForgets()
    {
        LoginThrottle throttle({}, clock());
        for (int i = 0; i < 8; ++i)
            throttle.recordFailure(QStringLiteral("d@example.com"), QStringLiteral("x"));
        m_now += 24h;
        QCOMPARE(throttle.retryAfter(QStringLiteral("d@example.com"), QStringLiteral("x")), 0s);
        throttle.recordFailure(QStringLiteral("d@example.com"), QStringLiteral("x"));
        QCOMPARE(throttle.accountFailures(QStringLiteral("d@example.com")), 1);
    }

    void memoryIsBounded()
    {
        LoginThrottleConfig config;
        config.maxEntries = 100;
        LoginThrottle throttle(config, clock());
        for (int i = 0; i < 6; ++i)
            throttle.recordFailure(QStringLiteral("target@example.com"), QStringLiteral("a"));
        for (int i = 0; i < 1000; ++i)
            throttle.recordFailure(QStringLiteral("spray%1@example.com").arg(i), QStringLiteral("addr%1").arg(i));
        // The heavily failed account survives the eviction of one-off keys.
        QCOMPARE(throttle.accountFailures(QStringLiteral("target@example.com")), 6);
        QVERIFY(throttle.accountFailures(QStringLiteral("spray0@example.com")) == 0);
    }

    void bucketBurstThenRefill()
    {
        RateLimiter limiter(clock());
        limiter.setLimit(QStringLiteral("auth"), {5, 0.5}); // burst 5, one every 2 s
        for (int i = 0; i < 5; ++i)
            QCOMPARE(limiter.acquire(QStringLiteral("auth"), QStringLiteral("k")), 0s);
        QCOMPARE(limiter.acquire(QStringLiteral("auth"), QStringLiteral("k")), 2s);
        // Another key has its own bucket.
        QCOMPARE(limiter.acquire(QStringLiteral("auth"), QStringLiteral("other")), 0s);
        m_now += 1000ms;
        QCOMPARE(limiter.acquire(QStringLiteral("auth"), QStringLiteral("k")), 1s);
        m_now += 1000ms;
        QCOMPARE(limiter.acquire(QStringLiteral("auth"), QStringLiteral("k")), 0s);
        QCOMPARE(limiter.acquire(QStringLiteral("auth"), QStringLiteral("k")), 2s);
        // A long pause refills to the burst, not beyond.
        m_now += 1h;
        for (int i = 0; i < 5; ++i)
            QCOMPARE(limiter.acquire(QStringLiteral("auth"), QStringLiteral("k")), 0s);
        QVERIFY(limiter.acquire(QStringLiteral("auth"), QStringLiteral("k")) > 0s);
    }

    void classesAreSeparateAndUnlimitedByDefault()
    {
        RateLimiter limiter(clock());
        limiter.setLimit(QStringLiteral("export"), {1, 0.1});
        QCOMPARE(limiter.acquire(QStringLiteral("export"), QStringLiteral("u1")), 0s);
        QCOMPARE(limiter.acquire(QStringLiteral("export"), QStringLiteral("u1")), 10s);
        QCOMPARE(limiter.acquire(QStringLiteral("auth"), QStringLiteral("u1")), 0s);
        for (int i = 0; i < 1000; ++i)
            QCOMPARE(limiter.acquire(QStringLiteral("unlisted"), QStringLiteral("u1")), 0s);
    }

    void costAboveOne()
    {
        RateLimiter limiter(clock());
        limiter.setLimit(QStringLiteral("bytes"), {10, 1});
        QCOMPARE(limiter.acquire(QStringLiteral("bytes"), QStringLiteral("k"), 8), 0s);
        QCOMPARE(limiter.acquire(QStringLiteral("bytes"), QStringLiteral("k"), 8), 6s);
    }
};

QTEST_GUILESS_MAIN(TestAuthThrottle)
#include "tst_auth_throttle.moc"
