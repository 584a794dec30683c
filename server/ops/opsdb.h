// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Internal to server/ops: small conversions between Qt and libpqxx.

#include <pqxx/field>

#include <QJsonDocument>
#include <QJsonObject>
#include <QString>

#include <string>

namespace slidespec::server::opsdb {

inline std::string s(const QString &text)
{
    return text.toStdString();
}

inline QString q(const pqxx::field &field)
{
    return field.is_null() ? QString() : QString::fromStdString(field.as<std::string>());
}

inline std::string json(const QJsonObject &object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact).toStdString();
}

inline QJsonObject jsonObject(const pqxx::field &field)
{
    if (field.is_null())
        return {};
    return QJsonDocument::fromJson(QByteArray::fromStdString(field.as<std::string>())).object();
}

/*! SQL for a timestamptz column as ISO 8601 UTC text with milliseconds. */
inline std::string iso(const char *column)
{
    return std::string("to_char(") + column + " AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS.MS\"Z\"')";
}

/*! A uuid in its canonical text form (what PostgreSQL accepts), lower-case. */
inline bool isUuid(const QString &text)
{
    if (text.size() != 36)
        return false;
    for (int i = 0; i < 36; ++i) {
        const QChar c = text.at(i);
        if (i == 8 || i == 13 || i == 18 || i == 23) {
            if (c != u'-')
                return false;
        } else if (!c.isDigit() && !(c >= u'a' && c <= u'f') && !(c >= u'A' && c <= u'F')) {
            return false;
        }
    }
    return true;
}

} // namespace slidespec::server::opsdb
