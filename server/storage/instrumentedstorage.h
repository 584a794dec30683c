// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "storage/storagebackend.h"

#include <QString>

#include <memory>

namespace slidespec::server {

class MetricFamily;
class MetricsRegistry;

/*!
 * \brief A StorageBackend that forwards to another and records Prometheus
 * metrics (docs/storage.md, "Metrics and readiness"):
 *
 * \list
 * \li \c slidespec_storage_operations_total{backend,operation,result} —
 *     result is \c ok, \c not_found or \c error;
 * \li \c slidespec_storage_errors_total{backend,operation,kind} — kind is the
 *     StorageErrorKind in snake case (\c unavailable, \c denied, ...);
 *     NotFound is not an error here;
 * \li \c slidespec_storage_operation_duration_seconds{backend,operation};
 * \li \c slidespec_storage_bytes_total{backend,direction} — direction is
 *     \c written or \c read.
 * \endlist
 *
 * Thread-safe as the inner backend is. The metric families live in the
 * registry, which must outlive this object.
 */
class InstrumentedStorage final : public StorageBackend
{
public:
    /*! \a backendLabel: "file" or "s3" (the \c backend label). */
    InstrumentedStorage(std::shared_ptr<StorageBackend> inner, MetricsRegistry &metrics, QString backendLabel);

    StorageBackend &inner() const { return *m_inner; }

    QString describe() const override;
    StorageResult<void> put(const QString &key, const QByteArray &bytes, const QString &contentType) override;
    StorageResult<StoredObject> get(const QString &key) override;
    StorageResult<ObjectInfo> stat(const QString &key) override;
    StorageResult<void> remove(const QString &key) override;
    StorageResult<QList<ObjectInfo>> list(const QString &prefix) override;
    StorageResult<void> checkHealth() override;

private:
    template <typename Result>
    void record(const char *operation, const Result &result, qint64 elapsedNs);

    std::shared_ptr<StorageBackend> m_inner;
    QString m_backend;
    MetricFamily *m_operations = nullptr;
    MetricFamily *m_errors = nullptr;
    MetricFamily *m_duration = nullptr;
    MetricFamily *m_bytes = nullptr;
};

/*! "unavailable", "denied", ... for a StorageErrorKind. */
QString storageErrorKindName(StorageErrorKind kind);

/*!
 * \brief A readiness check for Readiness::add(): runs checkHealth() and puts
 * the error's kind and message in \a reason when it fails. The message names
 * the store (folder or host and bucket), never a secret.
 */
bool storageReady(StorageBackend &storage, QString *reason);

} // namespace slidespec::server
