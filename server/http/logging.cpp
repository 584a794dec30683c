// SPDX-License-Identifier: GPL-3.0-or-later
#include "http/logging.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>

#include <spdlog/sinks/stdout_sinks.h>
#include <spdlog/spdlog.h>

#include <mutex>

namespace slidespec::server::logging {

namespace {

std::mutex g_setupMutex;

std::shared_ptr<spdlog::logger> logger()
{
    static std::shared_ptr<spdlog::logger> instance = [] {
        auto l = std::make_shared<spdlog::logger>("slidespec-server",
                                                  std::make_shared<spdlog::sinks::stderr_sink_mt>());
        l->set_pattern("%v");
        l->set_level(spdlog::level::info);
        l->flush_on(spdlog::level::trace);
        return l;
    }();
    return instance;
}

spdlog::level::level_enum toSpd(Level level)
{
    switch (level) {
    case Level::Trace: return spdlog::level::trace;
    case Level::Debug: return spdlog::level::debug;
    case Level::Info: return spdlog::level::info;
    case Level::Warn: return spdlog::level::warn;
    case Level::Error: return spdlog::level::err;
    }
    return spdlog::level::info;
}

const char *levelName(Level level)
{
    switch (level) {
    case Level::Trace: return "trace";
    case Level::Debug: return "debug";
    case Level::Info: return "info";
    case Level::Warn: return "warn";
    case Level::Error: return "error";
    }
    return "info";
}

} // namespace

void setup(const QString &level)
{
    std::lock_guard lock(g_setupMutex);
    const auto l = level == QLatin1String("off") ? spdlog::level::off
                                                 : spdlog::level::from_str(level.toStdString());
    logger()->set_level(l);
}

bool enabled(Level level)
{
    return logger()->should_log(toSpd(level));
}

void log(Level level, const QString &message, const QJsonObject &fields)
{
    if (!enabled(level))
        return;
    // ts, level and msg first (QJsonObject would sort them among the fields).
    QByteArray line = "{\"ts\":\"" + QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs).toLatin1()
        + "\",\"level\":\"" + levelName(level) + "\",\"msg\":";
    const QByteArray msg = QJsonDocument(QJsonArray{message}).toJson(QJsonDocument::Compact);
    line += msg.mid(1, msg.size() - 2);
    QJsonObject rest = fields;
    rest.remove(QStringLiteral("ts"));
    rest.remove(QStringLiteral("level"));
    rest.remove(QStringLiteral("msg"));
    if (!rest.isEmpty()) {
        const QByteArray tail = QJsonDocument(rest).toJson(QJsonDocument::Compact);
        line += ',' + tail.mid(1, tail.size() - 2);
    }
    line += '}';
    logger()->log(toSpd(level), "{}", std::string_view(line.constData(), size_t(line.size())));
}

} // namespace slidespec::server::logging
