// SPDX-License-Identifier: GPL-3.0-or-later
#include "http/metrics.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace slidespec::server {

namespace {

QByteArray formatValue(double v)
{
    if (std::isnan(v))
        return QByteArrayLiteral("NaN");
    if (std::isinf(v))
        return v > 0 ? QByteArrayLiteral("+Inf") : QByteArrayLiteral("-Inf");
    if (v == std::floor(v) && std::fabs(v) < 1e15)
        return QByteArray::number(qint64(v));
    return QByteArray::number(v, 'g', 12);
}

QByteArray escapeLabel(const QString &value)
{
    QByteArray out;
    for (const char c : value.toUtf8()) {
        if (c == '\\')
            out += "\\\\";
        else if (c == '"')
            out += "\\\"";
        else if (c == '\n')
            out += "\\n";
        else
            out += c;
    }
    return out;
}

QByteArray escapeHelp(const QString &help)
{
    QByteArray out;
    for (const char c : help.toUtf8()) {
        if (c == '\\')
            out += "\\\\";
        else if (c == '\n')
            out += "\\n";
        else
            out += c;
    }
    return out;
}

QByteArray labelText(const QStringList &names, const QStringList &values, const QByteArray &extra = {})
{
    QByteArray out;
    for (qsizetype i = 0; i < names.size(); ++i) {
        if (!out.isEmpty())
            out += ',';
        out += names.at(i).toUtf8() + "=\"" + escapeLabel(values.value(i)) + '"';
    }
    if (!extra.isEmpty()) {
        if (!out.isEmpty())
            out += ',';
        out += extra;
    }
    return out.isEmpty() ? QByteArray() : '{' + out + '}';
}

} // namespace

MetricFamily::MetricFamily(QString name, QString help, Type type, QStringList labelNames, std::vector<double> buckets)
    : m_name(std::move(name)),
      m_help(std::move(help)),
      m_type(type),
      m_labelNames(std::move(labelNames)),
      m_buckets(std::move(buckets))
{
}

void MetricFamily::inc(const QStringList &labelValues, double value)
{
    if (m_type == Type::Histogram || (m_type == Type::Counter && value < 0))
        return;
    std::lock_guard lock(m_mutex);
    m_series[labelValues].value += value;
}

void MetricFamily::set(const QStringList &labelValues, double value)
{
    if (m_type == Type::Histogram)
        return;
    std::lock_guard lock(m_mutex);
    m_series[labelValues].value = value;
}

void MetricFamily::observe(const QStringList &labelValues, double value)
{
    if (m_type != Type::Histogram)
        return;
    std::lock_guard lock(m_mutex);
    auto &s = m_series[labelValues];
    if (s.counts.empty())
        s.counts.assign(m_buckets.size(), 0);
    for (size_t i = 0; i < m_buckets.size(); ++i) {
        if (value <= m_buckets[i]) {
            ++s.counts[i];
            break;
        }
    }
    s.value += value;
    ++s.count;
}

void MetricFamily::render(QByteArray &out) const
{
    const QByteArray name = m_name.toUtf8();
    out += "# HELP " + name + ' ' + escapeHelp(m_help) + '\n';
    out += "# TYPE " + name + ' '
        + (m_type == Type::Counter ? "counter" : m_type == Type::Gauge ? "gauge" : "histogram") + '\n';
    std::lock_guard lock(m_mutex);
    if (m_series.empty() && m_labelNames.isEmpty() && m_type != Type::Histogram) {
        out += name + " 0\n";
        return;
    }
    for (const auto &[labels, s] : m_series) {
        if (m_type != Type::Histogram) {
            out += name + labelText(m_labelNames, labels) + ' ' + formatValue(s.value) + '\n';
            continue;
        }
        std::uint64_t cumulative = 0;
        for (size_t i = 0; i < m_buckets.size(); ++i) {
            cumulative += s.counts.empty() ? 0 : s.counts[i];
            out += name + "_bucket" + labelText(m_labelNames, labels, "le=\"" + formatValue(m_buckets[i]) + '"')
                + ' ' + QByteArray::number(quint64(cumulative)) + '\n';
        }
        out += name + "_bucket" + labelText(m_labelNames, labels, "le=\"+Inf\"") + ' '
            + QByteArray::number(quint64(s.count)) + '\n';
        out += name + "_sum" + labelText(m_labelNames, labels) + ' ' + formatValue(s.value) + '\n';
        out += name + "_count" + labelText(m_labelNames, labels) + ' ' + QByteArray::number(quint64(s.count)) + '\n';
    }
}

MetricsRegistry::MetricsRegistry() = default;
MetricsRegistry::~MetricsRegistry() = default;

MetricFamily *MetricsRegistry::counter(const QString &name, const QString &help, const QStringList &labelNames)
{
    return family(name, help, MetricFamily::Type::Counter, labelNames, {});
}

MetricFamily *MetricsRegistry::gauge(const QString &name, const QString &help, const QStringList &labelNames)
{
    return family(name, help, MetricFamily::Type::Gauge, labelNames, {});
}

MetricFamily *MetricsRegistry::histogram(const QString &name, const QString &help, const QStringList &labelNames,
                                         std::vector<double> buckets)
{
    return family(name, help, MetricFamily::Type::Histogram, labelNames, std::move(buckets));
}

MetricFamily *MetricsRegistry::family(const QString &name, const QString &help, MetricFamily::Type type,
                                      const QStringList &labelNames, std::vector<double> buckets)
{
    std::lock_guard lock(m_mutex);
    for (const auto &f : m_families) {
        if (f->name() == name)
            return f->type() == type && f->m_labelNames == labelNames ? f.get() : nullptr;
    }
    std::sort(buckets.begin(), buckets.end());
    m_families.push_back(std::unique_ptr<MetricFamily>(new MetricFamily(name, help, type, labelNames, std::move(buckets))));
    return m_families.back().get();
}

void MetricsRegistry::addCollector(std::function<void()> collector)
{
    std::lock_guard lock(m_mutex);
    m_collectors.push_back(std::move(collector));
}

QByteArray MetricsRegistry::render() const
{
    std::vector<std::function<void()>> collectors;
    {
        std::lock_guard lock(m_mutex);
        collectors = m_collectors;
    }
    for (const auto &c : collectors)
        c();
    QByteArray out;
    std::lock_guard lock(m_mutex);
    for (const auto &f : m_families)
        f->render(out);
    return out;
}

std::vector<double> MetricsRegistry::defaultLatencyBuckets()
{
    return {0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10};
}

} // namespace slidespec::server
