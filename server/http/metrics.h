// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>

#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <vector>

namespace slidespec::server {

class MetricsRegistry;

/*!
 * \brief A metric family with labels: a counter, gauge or histogram.
 * Label values are given in the order of the family's label names.
 * Thread-safe.
 */
class MetricFamily
{
public:
    enum class Type { Counter, Gauge, Histogram };

    /*! Counter/gauge: adds \a value (counters: must be ≥ 0). */
    void inc(const QStringList &labelValues = {}, double value = 1.0);
    /*! Gauge: sets the value. Counter: only for collectors mirroring a monotonic figure kept elsewhere. */
    void set(const QStringList &labelValues, double value);
    void set(double value) { set({}, value); }
    /*! Histogram: records one observation. */
    void observe(const QStringList &labelValues, double value);

    const QString &name() const { return m_name; }
    Type type() const { return m_type; }

private:
    friend class MetricsRegistry;
    MetricFamily(QString name, QString help, Type type, QStringList labelNames, std::vector<double> buckets);
    void render(QByteArray &out) const;

    struct Series
    {
        double value = 0;                 // counter/gauge, or histogram sum
        std::vector<std::uint64_t> counts; // histogram: per bucket (not cumulative)
        std::uint64_t count = 0;          // histogram: observations
    };

    QString m_name;
    QString m_help;
    Type m_type;
    QStringList m_labelNames;
    std::vector<double> m_buckets;
    mutable std::mutex m_mutex;
    std::map<QStringList, Series> m_series;
};

/*!
 * \brief Prometheus metrics: families registered by name, rendered in the
 * text exposition format (version 0.0.4) at GET /metrics.
 *
 * Registering the same name again returns the existing family (when its
 * type and labels match; otherwise null). Collectors run just before each
 * render, to copy figures kept elsewhere (pool statistics, storage counters)
 * into gauges.
 *
 * \code
 * auto *errors = metrics.counter("slidespec_storage_errors_total",
 *                                "Storage operations that failed", {"backend", "operation"});
 * errors->inc({"s3", "put"});
 * \endcode
 */
class MetricsRegistry
{
public:
    MetricsRegistry();
    ~MetricsRegistry();

    MetricFamily *counter(const QString &name, const QString &help, const QStringList &labelNames = {});
    MetricFamily *gauge(const QString &name, const QString &help, const QStringList &labelNames = {});
    MetricFamily *histogram(const QString &name, const QString &help, const QStringList &labelNames = {},
                            std::vector<double> buckets = defaultLatencyBuckets());

    /*! Adds a callback run before each render (on the rendering thread). */
    void addCollector(std::function<void()> collector);

    /*! The exposition text. */
    QByteArray render() const;

    /*! Seconds: 1 ms … 10 s. */
    static std::vector<double> defaultLatencyBuckets();

private:
    MetricFamily *family(const QString &name, const QString &help, MetricFamily::Type type,
                         const QStringList &labelNames, std::vector<double> buckets);

    mutable std::mutex m_mutex;
    std::vector<std::unique_ptr<MetricFamily>> m_families;
    std::vector<std::function<void()>> m_collectors;
};

} // namespace slidespec::server
