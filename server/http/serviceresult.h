// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "http/apierror.h"
#include "result.h"

namespace slidespec::server {

/*!
 * \brief What a service call returns: a value, or the ApiError to send
 * (the status, stable code and message are chosen by the service, so the
 * HTTP layer only forwards them). ServiceResult<void> holds no value.
 */
template<typename T>
using ServiceResult = Result<T, ApiError>;

} // namespace slidespec::server
