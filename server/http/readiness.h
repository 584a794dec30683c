// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QList>
#include <QString>

#include <functional>
#include <mutex>
#include <vector>

namespace slidespec::server {

/*!
 * \brief Readiness checks behind GET /readyz. The database check is built
 * in; other modules (storage) add theirs.
 *
 * A check returns true when ready, or false with a short reason in its
 * argument (no secrets: it is shown to whoever asks /readyz). Checks run on a
 * worker thread and should answer within a second or two.
 *
 * \code
 * readiness.add("storage", [&](QString *reason) { return storage.ping(reason); });
 * \endcode
 */
class Readiness
{
public:
    using Check = std::function<bool(QString *reason)>;

    void add(const QString &name, Check check);

    struct Result
    {
        QString name;
        bool ok = false;
        QString reason;
        qint64 elapsedMs = 0;
    };
    /*! Runs every check (exceptions count as failures). */
    QList<Result> run() const;

private:
    mutable std::mutex m_mutex;
    std::vector<std::pair<QString, Check>> m_checks;
};

} // namespace slidespec::server
