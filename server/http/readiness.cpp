// SPDX-License-Identifier: GPL-3.0-or-later
#include "http/readiness.h"

#include <QElapsedTimer>

#include <exception>

namespace slidespec::server {

void Readiness::add(const QString &name, Check check)
{
    std::lock_guard lock(m_mutex);
    m_checks.emplace_back(name, std::move(check));
}

QList<Readiness::Result> Readiness::run() const
{
    std::vector<std::pair<QString, Check>> checks;
    {
        std::lock_guard lock(m_mutex);
        checks = m_checks;
    }
    QList<Result> results;
    for (const auto &[name, check] : checks) {
        Result r;
        r.name = name;
        QElapsedTimer timer;
        timer.start();
        try {
            r.ok = check(&r.reason);
        } catch (const std::exception &e) {
            r.ok = false;
            r.reason = QStringLiteral("the check failed with an exception");
        } catch (...) {
            r.ok = false;
            r.reason = QStringLiteral("the check failed with an exception");
        }
        r.elapsedMs = timer.elapsed();
        results.append(r);
    }
    return results;
}

} // namespace slidespec::server
