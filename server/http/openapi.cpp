// SPDX-License-Identifier: GPL-3.0-or-later
#include "http/openapi.h"

#include "http/router.h"

#include <QJsonArray>

#include <set>

namespace slidespec::server {

namespace openapi {

QJsonObject type(const char *name, const char *format)
{
    QJsonObject t{{QStringLiteral("type"), QLatin1StringView(name)}};
    if (format)
        t.insert(QStringLiteral("format"), QLatin1StringView(format));
    return t;
}

QJsonObject nullable(QJsonObject schema)
{
    schema.insert(QStringLiteral("nullable"), true);
    return schema;
}

QJsonObject ref(const QString &name)
{
    return {{QStringLiteral("$ref"), QString(QStringLiteral("#/components/schemas/") + name)}};
}

QJsonObject arrayOf(const QJsonObject &items)
{
    return {{QStringLiteral("type"), QStringLiteral("array")}, {QStringLiteral("items"), items}};
}

QJsonObject objectSchema(const QJsonObject &properties, const QStringList &required)
{
    QJsonObject schema{{QStringLiteral("type"), QStringLiteral("object")}, {QStringLiteral("properties"), properties}};
    if (!required.isEmpty())
        schema.insert(QStringLiteral("required"), QJsonArray::fromStringList(required));
    return schema;
}

} // namespace openapi

namespace {

using openapi::ref;

QJsonObject errorSchema()
{
    const QJsonObject error{
        {QStringLiteral("type"), QStringLiteral("object")},
        {QStringLiteral("required"), QJsonArray{QStringLiteral("code"), QStringLiteral("message"), QStringLiteral("details")}},
        {QStringLiteral("properties"),
         QJsonObject{
             {QStringLiteral("code"), QJsonObject{{QStringLiteral("type"), QStringLiteral("string")},
                                                  {QStringLiteral("description"), QStringLiteral("Stable, dotted machine-readable code, e.g. route.not_found.")},
                                                  {QStringLiteral("example"), QStringLiteral("request.invalid_json")}}},
             {QStringLiteral("message"), QJsonObject{{QStringLiteral("type"), QStringLiteral("string")},
                                                     {QStringLiteral("description"), QStringLiteral("For people; may change.")}}},
             {QStringLiteral("details"), QJsonObject{{QStringLiteral("type"), QStringLiteral("object")},
                                                     {QStringLiteral("additionalProperties"), true}}},
         }},
    };
    return {
        {QStringLiteral("type"), QStringLiteral("object")},
        {QStringLiteral("required"), QJsonArray{QStringLiteral("error")}},
        {QStringLiteral("properties"), QJsonObject{{QStringLiteral("error"), error}}},
    };
}

QString reason(int status)
{
    switch (status) {
    case 200: return QStringLiteral("OK");
    case 201: return QStringLiteral("Created");
    case 202: return QStringLiteral("Accepted");
    case 204: return QStringLiteral("No content");
    case 400: return QStringLiteral("Bad request (malformed JSON, invalid parameters)");
    case 401: return QStringLiteral("Authentication required");
    case 403: return QStringLiteral("Not allowed");
    case 404: return QStringLiteral("Not found");
    case 409: return QStringLiteral("Conflict");
    case 412: return QStringLiteral("Precondition failed");
    case 413: return QStringLiteral("Body too large");
    case 415: return QStringLiteral("Unsupported media type");
    case 428: return QStringLiteral("Precondition required");
    case 429: return QStringLiteral("Too many requests");
    case 500: return QStringLiteral("Internal error (logged under the request id)");
    case 503: return QStringLiteral("Unavailable, busy or timed out");
    default: break;
    }
    return QStringLiteral("Error");
}

} // namespace

QJsonObject openApiDocument(const Router &router, const QString &serverUrl, const QString &version)
{
    QJsonObject paths;
    for (const Route &route : router.routes()) {
        QJsonObject operation;
        const RouteDoc &doc = route.doc;
        if (!doc.summary.isEmpty())
            operation.insert(QStringLiteral("summary"), doc.summary);
        if (!doc.description.isEmpty())
            operation.insert(QStringLiteral("description"), doc.description);
        if (!doc.tag.isEmpty())
            operation.insert(QStringLiteral("tags"), QJsonArray{doc.tag});
        QString opId = QString::fromLatin1(route.method).toLower();
        for (const auto &segment : route.pattern.split(QLatin1Char('/'), Qt::SkipEmptyParts)) {
            QString s = segment;
            s.remove(QLatin1Char('{')).remove(QLatin1Char('}'));
            for (auto &c : s) {
                if (!c.isLetterOrNumber())
                    c = QLatin1Char('_');
            }
            opId += QLatin1Char('_') + s;
        }
        operation.insert(QStringLiteral("operationId"), opId);

        QJsonArray parameters;
        for (const auto &name : route.paramNames()) {
            parameters.append(QJsonObject{{QStringLiteral("name"), name},
                                          {QStringLiteral("in"), QStringLiteral("path")},
                                          {QStringLiteral("required"), true},
                                          {QStringLiteral("schema"), QJsonObject{{QStringLiteral("type"), QStringLiteral("string")}}}});
        }
        for (const auto &q : doc.queryParams) {
            QJsonObject p{{QStringLiteral("name"), q.name},
                          {QStringLiteral("in"), QStringLiteral("query")},
                          {QStringLiteral("required"), q.required},
                          {QStringLiteral("schema"), QJsonObject{{QStringLiteral("type"), q.type}}}};
            if (!q.description.isEmpty())
                p.insert(QStringLiteral("description"), q.description);
            parameters.append(p);
        }
        parameters.append(QJsonObject{{QStringLiteral("name"), QStringLiteral("X-Request-Id")},
                                      {QStringLiteral("in"), QStringLiteral("header")},
                                      {QStringLiteral("required"), false},
                                      {QStringLiteral("description"), QStringLiteral("Echoed in the response; generated when absent or not 1–128 of [A-Za-z0-9._:-].")},
                                      {QStringLiteral("schema"), QJsonObject{{QStringLiteral("type"), QStringLiteral("string")}}}});
        operation.insert(QStringLiteral("parameters"), parameters);

        const bool hasBody = route.method == "POST" || route.method == "PUT" || route.method == "PATCH";
        if (hasBody) {
            QJsonObject schema = doc.requestSchema.isEmpty()
                ? QJsonObject{{QStringLiteral("type"), QStringLiteral("object")}}
                : ref(doc.requestSchema);
            operation.insert(QStringLiteral("requestBody"),
                             QJsonObject{{QStringLiteral("required"), !doc.requestSchema.isEmpty()},
                                         {QStringLiteral("content"), QJsonObject{{doc.requestContentType, QJsonObject{{QStringLiteral("schema"), schema}}}}}});
        }

        QJsonObject responses;
        QJsonObject success{{QStringLiteral("description"), reason(doc.successStatus)}};
        if (doc.successStatus != 204) {
            QJsonObject schema = doc.responseSchema.isEmpty()
                ? QJsonObject{{QStringLiteral("type"), QStringLiteral("object")}}
                : ref(doc.responseSchema);
            success.insert(QStringLiteral("content"),
                           QJsonObject{{doc.responseContentType, QJsonObject{{QStringLiteral("schema"), schema}}}});
        }
        responses.insert(QString::number(doc.successStatus), success);

        std::set<int> errors(doc.errorStatuses.cbegin(), doc.errorStatuses.cend());
        errors.insert(500);
        errors.insert(503);
        if (hasBody) {
            errors.insert(400);
            errors.insert(413);
            errors.insert(415);
        }
        if (route.auth == AuthMode::Required)
            errors.insert(401);
        if (!route.permission.isEmpty())
            errors.insert(403);
        if (!route.paramNames().isEmpty())
            errors.insert(404);
        for (const int status : errors) {
            responses.insert(QString::number(status),
                             QJsonObject{{QStringLiteral("$ref"), QStringLiteral("#/components/responses/Error%1").arg(status)}});
        }
        operation.insert(QStringLiteral("responses"), responses);

        if (route.auth == AuthMode::None) {
            operation.insert(QStringLiteral("security"), QJsonArray{});
        } else {
            QJsonArray security{QJsonObject{{QStringLiteral("bearerToken"), QJsonArray{}}}};
            if (route.auth == AuthMode::Optional)
                security.append(QJsonObject{});
            operation.insert(QStringLiteral("security"), security);
        }
        if (!route.permission.isEmpty())
            operation.insert(QStringLiteral("x-slidespec-permission"), route.permission);

        QJsonObject pathItem = paths.value(route.pattern).toObject();
        pathItem.insert(QString::fromLatin1(route.method).toLower(), operation);
        paths.insert(route.pattern, pathItem);
    }

    QJsonObject schemas;
    for (auto it = router.schemas().cbegin(); it != router.schemas().cend(); ++it)
        schemas.insert(it.key(), it.value());
    schemas.insert(QStringLiteral("Error"), errorSchema());

    QJsonObject errorResponses;
    for (const int status : {400, 401, 403, 404, 405, 409, 411, 412, 413, 415, 428, 429, 431, 500, 503}) {
        errorResponses.insert(QStringLiteral("Error%1").arg(status),
                              QJsonObject{{QStringLiteral("description"), reason(status)},
                                          {QStringLiteral("content"),
                                           QJsonObject{{QStringLiteral("application/json"),
                                                        QJsonObject{{QStringLiteral("schema"), ref(QStringLiteral("Error"))}}}}}});
    }

    return {
        {QStringLiteral("openapi"), QStringLiteral("3.0.3")},
        {QStringLiteral("info"), QJsonObject{{QStringLiteral("title"), QStringLiteral("Slidespec team server API")},
                                             {QStringLiteral("version"), version},
                                             {QStringLiteral("description"), QStringLiteral("JSON everywhere; every error is { \"error\": { code, message, details } }.")}}},
        {QStringLiteral("servers"), QJsonArray{QJsonObject{{QStringLiteral("url"), serverUrl}}}},
        {QStringLiteral("paths"), paths},
        {QStringLiteral("components"),
         QJsonObject{{QStringLiteral("schemas"), schemas},
                     {QStringLiteral("responses"), errorResponses},
                     {QStringLiteral("securitySchemes"),
                      QJsonObject{{QStringLiteral("bearerToken"),
                                   QJsonObject{{QStringLiteral("type"), QStringLiteral("http")},
                                               {QStringLiteral("scheme"), QStringLiteral("bearer")},
                                               {QStringLiteral("bearerFormat"), QStringLiteral("sss_… | ssp_…")},
                                               {QStringLiteral("description"),
                                                QStringLiteral("Authorization: Bearer <token>: a session token (sss_…) from "
                                                               "/api/v1/auth/signup or /api/v1/auth/login, or a personal API "
                                                               "token (ssp_…) from /api/v1/me/tokens, scoped to one org.")}}}}}}},
    };
}

} // namespace slidespec::server
