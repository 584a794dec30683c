// SPDX-License-Identifier: GPL-3.0-or-later
#include "ops/opsmodule.h"

#include "http/logging.h"
#include "http/openapi.h"
#include "http/router.h"
#include "http/service.h"

#include <QDateTime>

#include <algorithm>

namespace slidespec::server {

namespace {

const QString orgPath = QStringLiteral("/api/v1/orgs/{orgId}");

HttpResponse failure(const ApiError &error)
{
    if (error.status == 402)
        return Usage::refusalResponse(error);
    HttpResponse response(error);
    if (error.status == 429) {
        const qint64 seconds = error.details.value(QStringLiteral("retryAfter")).toInteger();
        response.setHeader("Retry-After", QByteArray::number(std::max<qint64>(1, seconds)));
    }
    return response;
}

using openapi::arrayOf;
using openapi::objectSchema;
using openapi::ref;
using openapi::type;

void addSchemas(Router &router)
{
    const QJsonObject webhook = objectSchema({{QStringLiteral("id"), type("string")},
                                              {QStringLiteral("url"), type("string")},
                                              {QStringLiteral("events"), arrayOf(type("string"))},
                                              {QStringLiteral("description"), type("string")},
                                              {QStringLiteral("active"), type("boolean")},
                                              {QStringLiteral("createdAt"), type("string")},
                                              {QStringLiteral("updatedAt"), type("string")},
                                              {QStringLiteral("secret"), type("string")}});
    router.addSchema(QStringLiteral("Webhook"), webhook);
    router.addSchema(QStringLiteral("WebhookList"), objectSchema({{QStringLiteral("webhooks"), arrayOf(ref("Webhook"))}}));
    router.addSchema(QStringLiteral("WebhookRequest"), objectSchema({{QStringLiteral("url"), type("string")},
                                                                     {QStringLiteral("events"), arrayOf(type("string"))},
                                                                     {QStringLiteral("description"), type("string")},
                                                                     {QStringLiteral("active"), type("boolean")}}));
    router.addSchema(QStringLiteral("WebhookDeliveries"),
                     objectSchema({{QStringLiteral("deliveries"), arrayOf(type("object"))}}));
    router.addSchema(QStringLiteral("WebhookTest"), objectSchema({{QStringLiteral("deliveryId"), type("string")},
                                                                  {QStringLiteral("event"), type("string")},
                                                                  {QStringLiteral("state"), type("string")}}));
    router.addSchema(QStringLiteral("AuditPage"), objectSchema({{QStringLiteral("events"), arrayOf(type("object"))},
                                                                {QStringLiteral("nextCursor"), type("string")}}));
    router.addSchema(QStringLiteral("UsageDashboard"), objectSchema({{QStringLiteral("plan"), type("object")},
                                                                     {QStringLiteral("today"), type("string")},
                                                                     {QStringLiteral("current"), type("object")},
                                                                     {QStringLiteral("from"), type("string")},
                                                                     {QStringLiteral("to"), type("string")},
                                                                     {QStringLiteral("series"), arrayOf(type("object"))}}));
}

QueryParamDoc param(const char *name, const char *description, const char *type = "string")
{
    QueryParamDoc doc;
    doc.name = QLatin1StringView(name);
    doc.type = QLatin1StringView(type);
    doc.description = QLatin1StringView(description);
    return doc;
}

} // namespace

OpsModule::OpsModule(Database &db, Database::Options workerDb, WebhookConfig webhookConfig, MetricsRegistry *metrics)
    : m_audit(db)
    , m_usage(db)
    , m_webhooks(db, webhookConfig)
    , m_rateLimits(metrics)
    , m_dispatcher(std::make_unique<WebhookDispatcher>(std::move(workerDb), std::move(webhookConfig), metrics))
{
}

OpsModule::~OpsModule()
{
    m_dispatcher->stop();
}

bool OpsModule::install(Router &router)
{
    addSchemas(router);
    bool ok = true;
    const QString manage = QStringLiteral("webhooks.manage");
    const QString webhooksTag = QStringLiteral("webhooks");
    auto add = [&](const char *method, const QString &path, const QString &permission, RouteDoc doc, RouteHandler handler) {
        Route route;
        route.method = method;
        route.pattern = orgPath + path;
        route.permission = permission;
        route.doc = std::move(doc);
        route.handler = std::move(handler);
        ok = router.add(std::move(route)) && ok;
    };

    RouteDoc auditDoc;
    auditDoc.summary = QStringLiteral("List the org's audit log, newest first");
    auditDoc.tag = QStringLiteral("audit");
    auditDoc.responseSchema = QStringLiteral("AuditPage");
    auditDoc.queryParams = {param("action", "An action (member.removed) or a prefix (member.*)"),
                            param("actor", "The acting user's id"),
                            param("objectType", "The object's type, e.g. webhook"),
                            param("objectId", "The object's id"),
                            param("since", "ISO 8601 time, inclusive"),
                            param("until", "ISO 8601 time, exclusive"),
                            param("cursor", "nextCursor of the previous page"),
                            param("limit", "1 to 200 (default 50)", "integer")};
    add("GET", QStringLiteral("/audit"), QStringLiteral("audit.read"), auditDoc, [this](RequestContext &ctx) -> HttpResponse {
        AuditQuery query;
        if (auto error = AuditLog::parseQuery(ctx, &query))
            return *error;
        auto page = m_audit.list(ctx.orgScope(), query);
        if (!page)
            return page.error().toApiError();
        return HttpResponse::json(QJsonObject{
            {QStringLiteral("events"), page->events},
            {QStringLiteral("nextCursor"), page->nextCursor.isEmpty() ? QJsonValue() : QJsonValue(page->nextCursor)}});
    });

    RouteDoc usageDoc;
    usageDoc.summary = QStringLiteral("Usage dashboard: plan limits, today's use, per-day series");
    usageDoc.tag = QStringLiteral("usage");
    usageDoc.responseSchema = QStringLiteral("UsageDashboard");
    usageDoc.queryParams = {param("from", "First UTC day, YYYY-MM-DD (default: 29 days before to)"),
                            param("to", "Last UTC day, YYYY-MM-DD (default: today)")};
    add("GET", QStringLiteral("/usage"), QStringLiteral("usage.read"), usageDoc, [this](RequestContext &ctx) -> HttpResponse {
        QDate from, to;
        if (auto error = Usage::parseRange(ctx, &from, &to))
            return *error;
        auto dashboard = m_usage.dashboard(ctx.orgScope(), from, to);
        if (!dashboard)
            return dashboard.error().toApiError();
        return HttpResponse::json(dashboard.value());
    });

    RouteDoc createDoc;
    createDoc.summary = QStringLiteral("Register a webhook (the secret is in this answer only)");
    createDoc.tag = webhooksTag;
    createDoc.requestSchema = QStringLiteral("WebhookRequest");
    createDoc.responseSchema = QStringLiteral("Webhook");
    createDoc.successStatus = 201;
    createDoc.errorStatuses = {409};
    add("POST", QStringLiteral("/webhooks"), manage, createDoc, [this](RequestContext &ctx) -> HttpResponse {
        ApiError error;
        const auto body = ctx.jsonObject(&error);
        if (!body)
            return error;
        const AuditEvent audit = AuditEvent::fromRequest(ctx, QStringLiteral("webhook.created"));
        auto created = m_webhooks.create(ctx.orgScope(), *body, &audit);
        return created ? HttpResponse::json(created.value(), 201) : failure(created.error());
    });

    RouteDoc listDoc;
    listDoc.summary = QStringLiteral("List the org's webhooks");
    listDoc.tag = webhooksTag;
    listDoc.responseSchema = QStringLiteral("WebhookList");
    add("GET", QStringLiteral("/webhooks"), manage, listDoc, [this](RequestContext &ctx) -> HttpResponse {
        auto list = m_webhooks.list(ctx.orgScope());
        return list ? HttpResponse::json(QJsonObject{{QStringLiteral("webhooks"), list.value()}}) : failure(list.error());
    });

    RouteDoc getDoc;
    getDoc.summary = QStringLiteral("Get a webhook");
    getDoc.tag = webhooksTag;
    getDoc.responseSchema = QStringLiteral("Webhook");
    add("GET", QStringLiteral("/webhooks/{webhookId}"), manage, getDoc, [this](RequestContext &ctx) -> HttpResponse {
        auto webhook = m_webhooks.get(ctx.orgScope(), ctx.pathParam(QStringLiteral("webhookId")));
        return webhook ? HttpResponse::json(webhook.value()) : failure(webhook.error());
    });

    RouteDoc patchDoc;
    patchDoc.summary = QStringLiteral("Change a webhook's URL, events, description or active flag");
    patchDoc.tag = webhooksTag;
    patchDoc.requestSchema = QStringLiteral("WebhookRequest");
    patchDoc.responseSchema = QStringLiteral("Webhook");
    add("PATCH", QStringLiteral("/webhooks/{webhookId}"), manage, patchDoc, [this](RequestContext &ctx) -> HttpResponse {
        ApiError error;
        const auto body = ctx.jsonObject(&error);
        if (!body)
            return error;
        const AuditEvent audit = AuditEvent::fromRequest(ctx, QStringLiteral("webhook.updated"));
        auto updated = m_webhooks.update(ctx.orgScope(), ctx.pathParam(QStringLiteral("webhookId")), *body, &audit);
        return updated ? HttpResponse::json(updated.value()) : failure(updated.error());
    });

    RouteDoc deleteDoc;
    deleteDoc.summary = QStringLiteral("Delete a webhook and its delivery log");
    deleteDoc.tag = webhooksTag;
    deleteDoc.successStatus = 204;
    add("DELETE", QStringLiteral("/webhooks/{webhookId}"), manage, deleteDoc, [this](RequestContext &ctx) -> HttpResponse {
        const AuditEvent audit = AuditEvent::fromRequest(ctx, QStringLiteral("webhook.deleted"));
        auto removed = m_webhooks.remove(ctx.orgScope(), ctx.pathParam(QStringLiteral("webhookId")), &audit);
        return removed ? HttpResponse::noContent() : failure(removed.error());
    });

    RouteDoc deliveriesDoc;
    deliveriesDoc.summary = QStringLiteral("The webhook's delivery log, newest first, with every attempt");
    deliveriesDoc.tag = webhooksTag;
    deliveriesDoc.responseSchema = QStringLiteral("WebhookDeliveries");
    deliveriesDoc.queryParams = {param("limit", "1 to 200 (default 50)", "integer")};
    add("GET", QStringLiteral("/webhooks/{webhookId}/deliveries"), manage, deliveriesDoc,
        [this](RequestContext &ctx) -> HttpResponse {
            int limit = 50;
            if (ctx.query().hasQueryItem(QStringLiteral("limit"))) {
                bool numeric = false;
                limit = ctx.queryValue(QStringLiteral("limit")).toInt(&numeric);
                if (!numeric || limit < 1 || limit > 200)
                    return ApiError::badRequest(QStringLiteral("request.invalid_parameter"),
                                                QStringLiteral("\"limit\" is a whole number from 1 to 200."),
                                                {{QStringLiteral("parameter"), QStringLiteral("limit")}});
            }
            auto log = m_webhooks.deliveries(ctx.orgScope(), ctx.pathParam(QStringLiteral("webhookId")), limit);
            return log ? HttpResponse::json(log.value()) : failure(log.error());
        });

    RouteDoc testDoc;
    testDoc.summary = QStringLiteral("Send a ping event to the webhook now");
    testDoc.tag = webhooksTag;
    testDoc.responseSchema = QStringLiteral("WebhookTest");
    testDoc.successStatus = 202;
    testDoc.errorStatuses = {429};
    add("POST", QStringLiteral("/webhooks/{webhookId}/test"), manage, testDoc,
        m_rateLimits.limited(RateLimits::webhookTestClass(), [this](RequestContext &ctx) -> HttpResponse {
            auto queued = m_webhooks.sendTest(ctx.orgScope(), ctx.pathParam(QStringLiteral("webhookId")));
            if (!queued)
                return failure(queued.error());
            m_dispatcher->wake();
            return HttpResponse::json(queued.value(), 202);
        }));
    return ok;
}

OpsModule &installOps(Service &service)
{
    // The settings come from ServerConfig (flags or SLIDESPEC_WEBHOOK_*, checked by
    // ServerConfig::load(): a malformed value stops the server). A ServerConfig filled in by hand
    // (tests, embedders) was not loaded: then the variables are read here, and a malformed one is
    // logged and ignored.
    WebhookConfig config;
    const ServerConfig &server = service.config();
    if (server.loaded) {
        config.allowHttpLoopback = server.webhookAllowHttpLoopback;
        config.allowedNetworks = server.webhookAllowedNetworks;
    } else {
        QStringList errors;
        if (!WebhookConfig::fromEnvironment(QProcessEnvironment::systemEnvironment(), &config, &errors)) {
            for (const QString &e : errors)
                logging::error(QStringLiteral("webhook setting ignored"), {{QStringLiteral("error"), e}});
        }
        config.allowHttpLoopback = config.allowHttpLoopback || server.webhookAllowHttpLoopback;
        config.allowedNetworks += server.webhookAllowedNetworks;
    }
    auto module = std::make_shared<OpsModule>(service.database(), service.database().options(), config,
                                              &service.metrics());
    module->install(service.router());
    module->dispatcher().start();
    service.adopt(module); // stopped and destroyed with the service, before its pool and metrics
    return *module;
}

} // namespace slidespec::server
