// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "http/apierror.h"

#include <optional>
#include <utility>

namespace slidespec::server {

/*!
 * \brief What a service call returns: a value, or the ApiError to send
 * (the status, stable code and message are chosen by the service, so the
 * HTTP layer only forwards them). ServiceResult<void> holds no value.
 */
template<typename T>
class ServiceResult
{
public:
    ServiceResult(T value) : m_value(std::move(value)) {}
    ServiceResult(ApiError error) : m_error(std::move(error)) {}
    bool ok() const { return m_value.has_value(); }
    explicit operator bool() const { return ok(); }
    T &value() { return *m_value; }
    const T &value() const { return *m_value; }
    T &operator*() { return *m_value; }
    const T &operator*() const { return *m_value; }
    T *operator->() { return &*m_value; }
    const T *operator->() const { return &*m_value; }
    const ApiError &error() const { return m_error; }

private:
    std::optional<T> m_value;
    ApiError m_error;
};

template<>
class ServiceResult<void>
{
public:
    ServiceResult() = default;
    ServiceResult(ApiError error) : m_ok(false), m_error(std::move(error)) {}
    bool ok() const { return m_ok; }
    explicit operator bool() const { return ok(); }
    const ApiError &error() const { return m_error; }

private:
    bool m_ok = true;
    ApiError m_error;
};

} // namespace slidespec::server
