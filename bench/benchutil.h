// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Small helpers shared by the editor benchmarks: percentiles and the
// process's memory figures from /proc/self/status.

#include <QFile>
#include <QString>

#include <algorithm>
#include <vector>

namespace slidespec::bench {

/*! \brief The \a p quantile (0…1, nearest rank) of \a v; 0 when empty. */
inline double percentile(std::vector<double> v, double p)
{
    if (v.empty())
        return 0;
    std::sort(v.begin(), v.end());
    return v[std::min(v.size() - 1, size_t(p * double(v.size() - 1) + 0.5))];
}

/*! \brief A field of /proc/self/status in MiB (e.g. "VmHWM", "VmRSS"); -1 when unknown. */
inline double procStatusMiB(const char *field)
{
    QFile status(QStringLiteral("/proc/self/status"));
    if (!status.open(QIODevice::ReadOnly))
        return -1;
    const QByteArray key = QByteArray(field) + ':';
    for (const QByteArray &line : status.readAll().split('\n')) {
        if (line.startsWith(key))
            return line.mid(key.size()).trimmed().split(' ').value(0).toDouble() / 1024.0;
    }
    return -1;
}

} // namespace slidespec::bench
