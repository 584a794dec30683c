// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QJsonObject>
#include <QString>

namespace slidespec::server::logging {

enum class Level { Trace, Debug, Info, Warn, Error };

/*!
 * \brief Sets up the server's structured log: one JSON object per line on
 * stderr (spdlog), at \a level ("trace" … "error", or "off").
 * Safe to call more than once (tests).
 */
void setup(const QString &level);

/*! Whether \a level is logged. */
bool enabled(Level level);

/*!
 * \brief Logs one line: {"ts", "level", "msg", …fields}. Never pass secrets,
 * tokens, passwords or request bodies in \a fields.
 */
void log(Level level, const QString &message, const QJsonObject &fields = {});

inline void info(const QString &message, const QJsonObject &fields = {}) { log(Level::Info, message, fields); }
inline void warn(const QString &message, const QJsonObject &fields = {}) { log(Level::Warn, message, fields); }
inline void error(const QString &message, const QJsonObject &fields = {}) { log(Level::Error, message, fields); }
inline void debug(const QString &message, const QJsonObject &fields = {}) { log(Level::Debug, message, fields); }

} // namespace slidespec::server::logging
