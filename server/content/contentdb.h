// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Internal to server/content: one scoped transaction per service call that
// may end with an ApiError (rolling back), and small conversions.

#include "db/database.h"
#include "db/runscoped.h"
#include "http/serviceresult.h"

#include <pqxx/pqxx>

#include <QJsonDocument>
#include <QJsonObject>
#include <QString>

#include <optional>
#include <string>

namespace slidespec::server::contentdb {

/*! An ISO 8601 UTC timestamp (milliseconds) of \a column, as the API shows times. */
inline std::string iso(const char *column)
{
    return std::string("to_char(") + column + " AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS.MS\"Z\"')";
}
inline std::string iso(const std::string &column)
{
    return iso(column.c_str());
}

inline QString text(const pqxx::field &field)
{
    return field.is_null() ? QString() : QString::fromUtf8(field.c_str(), qsizetype(field.size()));
}

// Cursors are opaque to clients: base64url of a small JSON object with the
// sort key of the last row returned.
inline QString encodeCursor(const QJsonObject &key)
{
    return QString::fromLatin1(QJsonDocument(key).toJson(QJsonDocument::Compact).toBase64(
        QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
}

inline std::optional<QJsonObject> decodeCursor(const QString &cursor)
{
    if (cursor.size() > 1024)
        return std::nullopt;
    const auto decoded = QByteArray::fromBase64Encoding(
        cursor.toLatin1(), QByteArray::Base64UrlEncoding | QByteArray::AbortOnBase64DecodingErrors);
    if (!decoded)
        return std::nullopt;
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(*decoded, &error);
    if (error.error != QJsonParseError::NoError || !doc.isObject())
        return std::nullopt;
    return doc.object();
}

} // namespace slidespec::server::contentdb
