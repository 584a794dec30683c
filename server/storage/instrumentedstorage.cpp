// SPDX-License-Identifier: GPL-3.0-or-later
#include "storage/instrumentedstorage.h"

#include "http/metrics.h"

#include <QElapsedTimer>

namespace slidespec::server {

QString storageErrorKindName(StorageErrorKind kind)
{
    switch (kind) {
    case StorageErrorKind::NotFound:
        return QStringLiteral("not_found");
    case StorageErrorKind::InvalidKey:
        return QStringLiteral("invalid_key");
    case StorageErrorKind::InvalidConfig:
        return QStringLiteral("invalid_config");
    case StorageErrorKind::Unavailable:
        return QStringLiteral("unavailable");
    case StorageErrorKind::Denied:
        return QStringLiteral("denied");
    case StorageErrorKind::Io:
        return QStringLiteral("io");
    case StorageErrorKind::Protocol:
        return QStringLiteral("protocol");
    case StorageErrorKind::TooLarge:
        return QStringLiteral("too_large");
    }
    return QStringLiteral("unknown");
}

bool storageReady(StorageBackend &storage, QString *reason)
{
    const auto health = storage.checkHealth();
    if (health.ok())
        return true;
    if (reason)
        *reason = QStringLiteral("%1: %2").arg(storageErrorKindName(health.error().kind), health.error().message);
    return false;
}

InstrumentedStorage::InstrumentedStorage(std::shared_ptr<StorageBackend> inner, MetricsRegistry &metrics,
                                         QString backendLabel)
    : m_inner(std::move(inner)), m_backend(std::move(backendLabel))
{
    m_operations = metrics.counter(QStringLiteral("slidespec_storage_operations_total"),
                                   QStringLiteral("Storage operations by backend, operation and result (ok, not_found, error)."),
                                   {QStringLiteral("backend"), QStringLiteral("operation"), QStringLiteral("result")});
    m_errors = metrics.counter(QStringLiteral("slidespec_storage_errors_total"),
                               QStringLiteral("Storage operations that failed, by kind of failure."),
                               {QStringLiteral("backend"), QStringLiteral("operation"), QStringLiteral("kind")});
    m_duration = metrics.histogram(QStringLiteral("slidespec_storage_operation_duration_seconds"),
                                   QStringLiteral("Time spent in storage operations."),
                                   {QStringLiteral("backend"), QStringLiteral("operation")});
    m_bytes = metrics.counter(QStringLiteral("slidespec_storage_bytes_total"),
                              QStringLiteral("Object bytes written to and read from storage."),
                              {QStringLiteral("backend"), QStringLiteral("direction")});
}

template <typename Result>
void InstrumentedStorage::record(const char *operation, const Result &result, qint64 elapsedNs)
{
    const QString op = QString::fromLatin1(operation);
    QString outcome = QStringLiteral("ok");
    if (!result.ok()) {
        outcome = result.isNotFound() ? QStringLiteral("not_found") : QStringLiteral("error");
        if (!result.isNotFound() && m_errors)
            m_errors->inc({m_backend, op, storageErrorKindName(result.error().kind)});
    }
    if (m_operations)
        m_operations->inc({m_backend, op, outcome});
    if (m_duration)
        m_duration->observe({m_backend, op}, double(elapsedNs) / 1e9);
}

QString InstrumentedStorage::describe() const
{
    return m_inner->describe();
}

StorageResult<void> InstrumentedStorage::put(const QString &key, const QByteArray &bytes, const QString &contentType)
{
    QElapsedTimer timer;
    timer.start();
    auto result = m_inner->put(key, bytes, contentType);
    record("put", result, timer.nsecsElapsed());
    if (result.ok() && m_bytes)
        m_bytes->inc({m_backend, QStringLiteral("written")}, double(bytes.size()));
    return result;
}

StorageResult<StoredObject> InstrumentedStorage::get(const QString &key)
{
    QElapsedTimer timer;
    timer.start();
    auto result = m_inner->get(key);
    record("get", result, timer.nsecsElapsed());
    if (result.ok() && m_bytes)
        m_bytes->inc({m_backend, QStringLiteral("read")}, double(result.value().data.size()));
    return result;
}

StorageResult<ObjectInfo> InstrumentedStorage::stat(const QString &key)
{
    QElapsedTimer timer;
    timer.start();
    auto result = m_inner->stat(key);
    record("stat", result, timer.nsecsElapsed());
    return result;
}

StorageResult<void> InstrumentedStorage::remove(const QString &key)
{
    QElapsedTimer timer;
    timer.start();
    auto result = m_inner->remove(key);
    record("remove", result, timer.nsecsElapsed());
    return result;
}

StorageResult<QList<ObjectInfo>> InstrumentedStorage::list(const QString &prefix)
{
    QElapsedTimer timer;
    timer.start();
    auto result = m_inner->list(prefix);
    record("list", result, timer.nsecsElapsed());
    return result;
}

StorageResult<void> InstrumentedStorage::checkHealth()
{
    QElapsedTimer timer;
    timer.start();
    auto result = m_inner->checkHealth();
    record("health", result, timer.nsecsElapsed());
    return result;
}

} // namespace slidespec::server
