// SPDX-License-Identifier: GPL-3.0-or-later
#include "content/contentroutes.h"

#include "content/contentservice.h"
#include "content/specvalidation.h"
#include "http/openapi.h"
#include "http/router.h"
#include "http/service.h"
#include "ops/ratelimits.h"
#include "ops/usage.h"
#include "storage/instrumentedstorage.h"
#include "storage/storagebackend.h"

#include <QDateTime>
#include <QJsonArray>
#include <QMessageAuthenticationCode>
#include <QUrl>

#include <spdlog/spdlog.h>

namespace slidespec::server {

namespace {

const QString kApiPrefix = QStringLiteral("/api/v1");

/*! Everything the handlers share; owned by the handlers' shared pointers. */
struct ContentContext
{
    ContentContext(Database &db, std::shared_ptr<StorageBackend> storage, ContentOptions o)
        : options(std::move(o))
        , content(db)
        , assets(db, std::move(storage), options.assets)
        , signer(options.urlSigningKey, options.clock)
    {
    }

    ContentOptions options;
    ContentService content;
    AssetService assets;
    UrlSigner signer;

    QDateTime now() const { return options.clock ? options.clock() : QDateTime::currentDateTimeUtc(); }

    /*! The 429 to send when \a routeClass's bucket for this request is empty. */
    std::optional<HttpResponse> limited(const RequestContext &ctx, const QString &routeClass) const
    {
        return options.rateLimits ? options.rateLimits->check(ctx, routeClass) : std::nullopt;
    }
};

ContentActor actorOf(const RequestContext &ctx)
{
    return {ctx.userId(), ctx.orgId(), ctx.clientAddress().toString(), QString::fromLatin1(ctx.requestId())};
}

ApiError invalidName(const QString &message)
{
    return ApiError::badRequest(QStringLiteral("request.invalid_name"), message,
                                {{QStringLiteral("parameter"), QStringLiteral("name")}});
}

// ---- ETags --------------------------------------------------------------

QByteArray etagOf(int revision)
{
    return '"' + QByteArray::number(revision) + '"';
}

struct EntityTag
{
    bool weak = false;
    QByteArray opaque; //!< without quotes
};

/*! Splits an If-Match / If-None-Match list; nullopt when malformed. "*" is one tag with opaque "*". */
std::optional<QList<EntityTag>> parseEntityTags(const QByteArray &header)
{
    QList<EntityTag> tags;
    const QByteArray text = header.trimmed();
    if (text == "*")
        return QList<EntityTag>{{false, "*"}};
    qsizetype i = 0;
    while (i < text.size()) {
        while (i < text.size() && (text.at(i) == ' ' || text.at(i) == ',' || text.at(i) == '\t'))
            ++i;
        if (i >= text.size())
            break;
        EntityTag tag;
        if (text.mid(i, 2) == "W/") {
            tag.weak = true;
            i += 2;
        }
        if (i >= text.size() || text.at(i) != '"')
            return std::nullopt;
        const qsizetype end = text.indexOf('"', i + 1);
        if (end < 0)
            return std::nullopt;
        tag.opaque = text.mid(i + 1, end - i - 1);
        tags.append(tag);
        i = end + 1;
    }
    if (tags.isEmpty())
        return std::nullopt;
    return tags;
}

/*! Whether If-None-Match \a header matches revision \a revision (weak comparison). */
bool noneMatchHits(const QByteArray &header, const QByteArray &opaque)
{
    const auto tags = parseEntityTags(header);
    if (!tags)
        return false;
    for (const EntityTag &t : *tags) {
        if (t.opaque == "*" || t.opaque == opaque)
            return true;
    }
    return false;
}

/*! The revision If-Match names, or the error: 428 when missing, 400 when unusable. */
std::variant<int, ApiError> expectedRevision(const RequestContext &ctx)
{
    const QByteArray header = ctx.header("if-match");
    if (header.trimmed().isEmpty()) {
        return ApiError{428, QStringLiteral("content.if_match_required"),
                        QStringLiteral("Updates need If-Match with the ETag of the revision you edited, e.g. "
                                       "If-Match: \"3\" (GET gives it), so nobody's changes are overwritten."),
                        {}};
    }
    const auto tags = parseEntityTags(header);
    auto bad = [](const QString &why) {
        return ApiError::badRequest(QStringLiteral("request.invalid_if_match"),
                                    QStringLiteral("If-Match %1: send the one ETag a GET returned, e.g. \"3\".").arg(why));
    };
    if (!tags)
        return bad(QStringLiteral("is malformed"));
    if (tags->size() != 1)
        return bad(QStringLiteral("names several revisions"));
    const EntityTag &tag = tags->first();
    if (tag.opaque == "*")
        return bad(QStringLiteral("\"*\" is not accepted"));
    if (tag.weak)
        return bad(QStringLiteral("must be a strong ETag (without W/)"));
    bool ok = false;
    const int revision = tag.opaque.toInt(&ok);
    if (!ok || revision < 1)
        return bad(QStringLiteral("does not name a revision"));
    return revision;
}

// ---- specs --------------------------------------------------------------

bool isJsonType(const QByteArray &contentType)
{
    const QByteArray type = contentType.split(';').first().trimmed().toLower();
    return type.isEmpty() || type == "application/json" || type.endsWith("+json");
}

/*! The body checked as a spec of \a kind, or the error to send. */
std::variant<SpecCheck, ApiError> checkedSpec(const RequestContext &ctx, ContentKind kind, qint64 maxBytes)
{
    const QByteArray &body = ctx.body();
    if (!isJsonType(ctx.header("content-type"))) {
        return ApiError{415, QStringLiteral("request.unsupported_media_type"),
                        QStringLiteral("Send the spec as application/json."), {}};
    }
    if (body.isEmpty())
        return ApiError::badRequest(QStringLiteral("request.body_required"),
                                    QStringLiteral("Send the spec (JSON) as the request body."));
    if (body.size() > maxBytes) {
        return ApiError{413, QStringLiteral("request.too_large"),
                        QStringLiteral("A spec may be at most %1 bytes.").arg(maxBytes),
                        {{QStringLiteral("limit"), maxBytes}, {QStringLiteral("size"), qint64(body.size())}}};
    }
    SpecCheck check = checkSpec(kind, body, maxBytes);
    if (check.ok())
        return check;
    const QJsonObject details{{QStringLiteral("problems"), SpecCheck::toJson(check.errors)}};
    const SpecProblem &first = check.errors.first();
    const QString where = first.path.isEmpty()
        ? (first.line > 0 ? QStringLiteral("line %1, column %2").arg(first.line).arg(first.column) : QString())
        : first.path;
    const QString summary = where.isEmpty() ? first.message : where + QStringLiteral(": ") + first.message;
    if (check.syntaxError)
        return ApiError::badRequest(QStringLiteral("spec.invalid_json"),
                                    QStringLiteral("The spec is not valid JSON (%1).").arg(summary), details);
    return ApiError{422, QStringLiteral("spec.invalid"),
                    QStringLiteral("The %1 does not follow the spec format: %2%3")
                        .arg(QLatin1StringView(contentKindInfo(kind).singular), summary,
                             check.errors.size() > 1
                                 ? QStringLiteral(" (and %1 more problems in details)").arg(check.errors.size() - 1)
                                 : QString()),
                    details};
}

QString defaultName(ContentKind kind)
{
    switch (kind) {
    case ContentKind::Deck: return QStringLiteral("Untitled deck");
    case ContentKind::BrandKit: return QStringLiteral("Untitled brand kit");
    case ContentKind::Template: return QStringLiteral("Untitled template");
    }
    return QStringLiteral("Untitled");
}

QString itemPath(const ContentKindInfo &k, const QString &orgId, const QString &id)
{
    return QStringLiteral("%1/orgs/%2/%3/%4").arg(kApiPrefix, orgId, QLatin1StringView(k.pathSegment), id);
}

HttpResponse itemResponse(ContentKind kind, const ContentItem &item, int status, const SpecCheck *check = nullptr)
{
    QJsonObject body = item.toJson(kind);
    if (check && !check->warnings.isEmpty())
        body.insert(QStringLiteral("warnings"), SpecCheck::toJson(check->warnings));
    HttpResponse response = HttpResponse::json(body, status);
    response.setHeader("ETag", etagOf(item.revision));
    return response;
}

HttpResponse specResponse(const SpecRevision &rev, const RequestContext &ctx, bool immutable)
{
    const QByteArray etag = etagOf(rev.revision.revision);
    HttpResponse response(200);
    if (noneMatchHits(ctx.header("if-none-match"), QByteArray::number(rev.revision.revision))) {
        response.setStatus(304);
    } else {
        response = HttpResponse::bytes("application/json", rev.spec);
    }
    response.setHeader("ETag", etag);
    response.setHeader("X-Slidespec-Revision", QByteArray::number(rev.revision.revision));
    response.setHeader("X-Slidespec-Current-Revision", QByteArray::number(rev.item.revision));
    response.setHeader("Cache-Control", immutable ? "private, max-age=31536000, immutable" : "private, no-cache");
    return response;
}

QJsonObject pageJson(const QString &member, const QJsonArray &items, const QString &nextCursor)
{
    return {{member, items}, {QStringLiteral("nextCursor"), nextCursor.isEmpty() ? QJsonValue() : QJsonValue(nextCursor)}};
}

std::variant<int, ApiError> limitParam(const RequestContext &ctx, int fallback)
{
    const QString text = ctx.queryValue(QStringLiteral("limit"));
    if (text.isEmpty())
        return fallback;
    bool ok = false;
    const int n = text.toInt(&ok);
    if (!ok || n < 1 || n > ContentService::MaxPageSize) {
        return ApiError::badRequest(QStringLiteral("request.invalid_query"),
                                    QStringLiteral("\"limit\" is a whole number from 1 to %1.").arg(ContentService::MaxPageSize),
                                    {{QStringLiteral("parameter"), QStringLiteral("limit")}});
    }
    return n;
}

// ---- assets -------------------------------------------------------------

/*! Content-Disposition with an ASCII fallback and the UTF-8 name (RFC 6266 / 5987). */
QByteArray contentDisposition(const AssetInfo &asset)
{
    const bool inlineSafe = asset.contentType == u"image/png" || asset.contentType == u"image/jpeg"
                            || asset.contentType == u"image/gif" || asset.contentType == u"image/webp";
    QByteArray ascii;
    for (const QChar c : asset.name) {
        const char16_t u = c.unicode();
        const bool safe = (u >= 'a' && u <= 'z') || (u >= 'A' && u <= 'Z') || (u >= '0' && u <= '9') || u == '.'
                          || u == '-' || u == '_' || u == ' ';
        ascii += safe ? char(u) : '_';
    }
    if (ascii.isEmpty())
        ascii = "asset";
    return QByteArray(inlineSafe ? "inline" : "attachment") + "; filename=\"" + ascii + "\"; filename*=UTF-8''"
           + asset.name.toUtf8().toPercentEncoding();
}

HttpResponse downloadResponse(const AssetDownload &download, const RequestContext &ctx)
{
    const QByteArray etag = '"' + download.asset.sha256.toLatin1() + '"';
    HttpResponse response(200);
    if (noneMatchHits(ctx.header("if-none-match"), download.asset.sha256.toLatin1()))
        response.setStatus(304);
    else
        response = HttpResponse::bytes(download.asset.contentType.toLatin1(), download.bytes);
    response.setHeader("ETag", etag);
    response.setHeader("X-Content-Type-Options", "nosniff");
    response.setHeader("Content-Disposition", contentDisposition(download.asset));
    response.setHeader("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'; sandbox");
    response.setHeader("Cache-Control", "private, max-age=31536000, immutable");
    return response;
}

QString signedDownloadPath(const QString &orgId, const QString &assetId)
{
    return QStringLiteral("%1/signed/assets/%2/%3").arg(kApiPrefix, orgId.toLower(), assetId.toLower());
}

// ---- OpenAPI ------------------------------------------------------------

using openapi::arrayOf;
using openapi::nullable;
using openapi::objectSchema;
using openapi::ref;
using openapi::type;

void addSchemas(Router &router)
{
    const QJsonObject uuid = type("string", "uuid");
    const QJsonObject time = type("string", "date-time");
    QJsonObject item{{QStringLiteral("id"), uuid},
                     {QStringLiteral("name"), type("string")},
                     {QStringLiteral("revision"), type("integer")},
                     {QStringLiteral("size"), type("integer")},
                     {QStringLiteral("createdBy"), nullable(uuid)},
                     {QStringLiteral("updatedBy"), nullable(uuid)},
                     {QStringLiteral("createdAt"), time},
                     {QStringLiteral("updatedAt"), time},
                     {QStringLiteral("deletedAt"), nullable(time)},
                     {QStringLiteral("warnings"), arrayOf(ref(QStringLiteral("SpecProblem")))}};
    const QStringList required{QStringLiteral("id"), QStringLiteral("name"), QStringLiteral("revision")};
    router.addSchema(QStringLiteral("SpecProblem"),
                     objectSchema({{QStringLiteral("path"), nullable(type("string"))},
                                   {QStringLiteral("line"), type("integer")},
                                   {QStringLiteral("column"), type("integer")},
                                   {QStringLiteral("message"), type("string")}},
                                  {QStringLiteral("message")}));
    router.addSchema(QStringLiteral("Spec"),
                     QJsonObject{{QStringLiteral("type"), QStringLiteral("object")},
                                 {QStringLiteral("description"),
                                  QStringLiteral("A spec in the Slidespec JSON format (docs/format.md), stored "
                                                 "and returned byte for byte.")}});
    router.addSchema(QStringLiteral("Deck"), objectSchema(item, required));
    router.addSchema(QStringLiteral("BrandKit"), objectSchema(item, required));
    QJsonObject templateItem = item;
    templateItem.insert(QStringLiteral("templateKind"),
                        QJsonObject{{QStringLiteral("type"), QStringLiteral("string")},
                                    {QStringLiteral("enum"), QJsonArray{QStringLiteral("slide"), QStringLiteral("deck")}}});
    router.addSchema(QStringLiteral("Template"), objectSchema(templateItem, required));
    for (const char *name : {"Deck", "BrandKit", "Template"}) {
        router.addSchema(QString(QLatin1StringView(name) + QStringLiteral("List")),
                         objectSchema({{QStringLiteral("items"), arrayOf(ref(QLatin1StringView(name)))},
                                       {QStringLiteral("nextCursor"), nullable(type("string"))}}));
    }
    router.addSchema(QStringLiteral("Revision"),
                     objectSchema({{QStringLiteral("revision"), type("integer")},
                                   {QStringLiteral("size"), type("integer")},
                                   {QStringLiteral("sha256"), type("string")},
                                   {QStringLiteral("author"), nullable(uuid)},
                                   {QStringLiteral("createdAt"), time}}));
    router.addSchema(QStringLiteral("RevisionList"),
                     objectSchema({{QStringLiteral("revisions"), arrayOf(ref(QStringLiteral("Revision")))},
                                   {QStringLiteral("nextCursor"), nullable(type("string"))}}));
    router.addSchema(QStringLiteral("Asset"),
                     objectSchema({{QStringLiteral("id"), uuid},
                                   {QStringLiteral("name"), type("string")},
                                   {QStringLiteral("sha256"), type("string")},
                                   {QStringLiteral("size"), type("integer")},
                                   {QStringLiteral("contentType"), type("string")},
                                   {QStringLiteral("createdBy"), nullable(uuid)},
                                   {QStringLiteral("createdAt"), time},
                                   {QStringLiteral("sanitized"), arrayOf(type("string"))}}));
    router.addSchema(QStringLiteral("AssetList"),
                     objectSchema({{QStringLiteral("items"), arrayOf(ref(QStringLiteral("Asset")))},
                                   {QStringLiteral("nextCursor"), nullable(type("string"))}}));
    router.addSchema(QStringLiteral("SignedUrlRequest"),
                     objectSchema({{QStringLiteral("expiresIn"), type("integer")}}));
    router.addSchema(QStringLiteral("SignedUrl"),
                     objectSchema({{QStringLiteral("url"), type("string")},
                                   {QStringLiteral("path"), type("string")},
                                   {QStringLiteral("expiresAt"), time}}));
}

QueryParamDoc param(const char *name, const char *type, const QString &description)
{
    return {QLatin1StringView(name), QLatin1StringView(type), description, false};
}

// ---- routes -------------------------------------------------------------

bool addKindRoutes(Router &router, const std::shared_ptr<ContentContext> &cx, ContentKind kind)
{
    const ContentKindInfo &k = contentKindInfo(kind);
    const QString base = QStringLiteral("%1/orgs/{orgId}/%2").arg(kApiPrefix, QLatin1StringView(k.pathSegment));
    const QString one = base + QStringLiteral("/{") + QLatin1StringView(k.idParam) + QLatin1Char('}');
    const QString idParam = QLatin1StringView(k.idParam);
    const QString tag = QLatin1StringView(k.pathSegment);
    const QString perm = QLatin1StringView(k.permission);
    const QString schema = QLatin1StringView(k.schema);
    const QString singular = QLatin1StringView(k.singular);
    bool ok = true;
    auto add = [&](const char *method, const QString &pattern, const QString &permission, RouteDoc d,
                   RouteHandler handler) {
        ok = router.add({.method = method,
                         .pattern = pattern,
                         .handler = std::move(handler),
                         .auth = AuthMode::Required,
                         .permission = permission,
                         .doc = std::move(d)})
             && ok;
    };
    const QueryParamDoc nameParam = param("name", "string", QStringLiteral("Name (1–200 characters); default: the spec's title or name"));

    add("POST", base, perm + QStringLiteral(".write"),
        routeDoc(tag, QStringLiteral("Create a %1 from its spec (revision 1)").arg(singular), QStringLiteral("Spec"), schema,
            201, {415, 422}, {nameParam}),
        [cx, kind, k](RequestContext &ctx) -> HttpResponse {
            std::optional<QString> name;
            QString error;
            if (ctx.query().hasQueryItem(QStringLiteral("name"))) {
                name = ContentService::normalizeName(ctx.queryValue(QStringLiteral("name")), &error);
                if (!name)
                    return invalidName(error);
            }
            auto checked = checkedSpec(ctx, kind, cx->options.maxSpecBytes);
            if (auto *bad = std::get_if<ApiError>(&checked))
                return *bad;
            const SpecCheck &check = std::get<SpecCheck>(checked);
            if (!name) {
                name = ContentService::normalizeName(check.suggestedName.left(ContentService::MaxNameLength), &error);
                if (!name)
                    name = defaultName(kind);
            }
            auto created = cx->content.create(kind, actorOf(ctx), *name, ctx.body(), check);
            if (!created)
                return created.error();
            HttpResponse response = itemResponse(kind, *created, 201, &check);
            response.setHeader("Location", itemPath(k, ctx.orgId(), created->id).toUtf8());
            return response;
        });

    add("GET", base, perm + QStringLiteral(".read"),
        routeDoc(tag, QStringLiteral("List the org's %1s (newest first, or by name); ?deleted=true lists the trash").arg(singular),
            {}, schema + QStringLiteral("List"), 200, {},
            {param("limit", "integer", QStringLiteral("1–100, default 50")),
             param("cursor", "string", QStringLiteral("nextCursor of the previous page")),
             param("q", "string", QStringLiteral("Case-insensitive text the name contains")),
             param("deleted", "boolean", QStringLiteral("true: the trash")),
             param("sort", "string", QStringLiteral("updated (default) or name"))}),
        [cx, kind](RequestContext &ctx) -> HttpResponse {
            auto query = ContentService::parseListQuery(
                ctx.queryValue(QStringLiteral("limit")), ctx.queryValue(QStringLiteral("cursor")),
                ctx.queryValue(QStringLiteral("q")), ctx.queryValue(QStringLiteral("deleted")),
                ctx.queryValue(QStringLiteral("sort")));
            if (!query)
                return query.error();
            auto page = cx->content.list(kind, actorOf(ctx), *query);
            if (!page)
                return page.error();
            QJsonArray items;
            for (const ContentItem &item : std::as_const(page->items))
                items.append(item.toJson(kind));
            return HttpResponse::json(pageJson(QStringLiteral("items"), items, page->nextCursor));
        });

    add("GET", one, perm + QStringLiteral(".read"),
        routeDoc(tag, QStringLiteral("The %1's current spec, byte for byte (ETag: its revision; If-None-Match → 304)").arg(singular),
            {}, QStringLiteral("Spec"), 200, {304}),
        [cx, kind, idParam](RequestContext &ctx) -> HttpResponse {
            auto rev = cx->content.get(kind, actorOf(ctx), ctx.pathParam(idParam));
            if (!rev)
                return rev.error();
            return specResponse(*rev, ctx, false);
        });

    add("GET", one + QStringLiteral("/metadata"), perm + QStringLiteral(".read"),
        routeDoc(tag, QStringLiteral("The %1's name, revision and times").arg(singular), {}, schema),
        [cx, kind, idParam](RequestContext &ctx) -> HttpResponse {
            auto item = cx->content.item(kind, actorOf(ctx), ctx.pathParam(idParam));
            if (!item)
                return item.error();
            return itemResponse(kind, *item, 200);
        });

    add("PUT", one, perm + QStringLiteral(".write"),
        routeDoc(tag, QStringLiteral("Save a new revision of the %1 (If-Match: the revision you edited)").arg(singular),
            QStringLiteral("Spec"), schema, 200, {409, 412, 415, 422, 428}, {nameParam}),
        [cx, kind, idParam](RequestContext &ctx) -> HttpResponse {
            std::optional<QString> name;
            QString error;
            if (ctx.query().hasQueryItem(QStringLiteral("name"))) {
                name = ContentService::normalizeName(ctx.queryValue(QStringLiteral("name")), &error);
                if (!name)
                    return invalidName(error);
            }
            auto expected = expectedRevision(ctx);
            if (auto *bad = std::get_if<ApiError>(&expected))
                return *bad;
            auto checked = checkedSpec(ctx, kind, cx->options.maxSpecBytes);
            if (auto *bad = std::get_if<ApiError>(&checked))
                return *bad;
            const SpecCheck &check = std::get<SpecCheck>(checked);
            auto updated = cx->content.update(kind, actorOf(ctx), ctx.pathParam(idParam), std::get<int>(expected), name,
                                              ctx.body(), check);
            if (!updated) {
                HttpResponse response(updated.error());
                if (updated.error().status == 412) {
                    response.setHeader("ETag",
                                       etagOf(updated.error().details.value(QStringLiteral("currentRevision")).toInt()));
                }
                return response;
            }
            return itemResponse(kind, *updated, 200, &check);
        });

    add("DELETE", one, perm + QStringLiteral(".delete"),
        routeDoc(tag, QStringLiteral("Move the %1 to the trash (restore undoes it)").arg(singular), {}, schema),
        [cx, kind, idParam](RequestContext &ctx) -> HttpResponse {
            auto item = cx->content.trash(kind, actorOf(ctx), ctx.pathParam(idParam));
            if (!item)
                return item.error();
            return itemResponse(kind, *item, 200);
        });

    add("POST", one + QStringLiteral("/restore"), perm + QStringLiteral(".delete"),
        routeDoc(tag, QStringLiteral("Take the %1 out of the trash").arg(singular), {}, schema, 200, {409}),
        [cx, kind, idParam](RequestContext &ctx) -> HttpResponse {
            auto item = cx->content.restore(kind, actorOf(ctx), ctx.pathParam(idParam));
            if (!item)
                return item.error();
            return itemResponse(kind, *item, 200);
        });

    add("GET", one + QStringLiteral("/revisions"), perm + QStringLiteral(".read"),
        routeDoc(tag, QStringLiteral("The %1's revisions, newest first").arg(singular), {}, QStringLiteral("RevisionList"), 200,
            {}, {param("limit", "integer", QStringLiteral("1–100, default 50")),
                 param("cursor", "string", QStringLiteral("nextCursor of the previous page"))}),
        [cx, kind, idParam](RequestContext &ctx) -> HttpResponse {
            auto limit = limitParam(ctx, 50);
            if (auto *bad = std::get_if<ApiError>(&limit))
                return *bad;
            auto page = cx->content.revisions(kind, actorOf(ctx), ctx.pathParam(idParam), std::get<int>(limit),
                                              ctx.queryValue(QStringLiteral("cursor")));
            if (!page)
                return page.error();
            QJsonArray items;
            for (const RevisionInfo &r : std::as_const(page->items))
                items.append(r.toJson());
            return HttpResponse::json(pageJson(QStringLiteral("revisions"), items, page->nextCursor));
        });

    add("GET", one + QStringLiteral("/revisions/{revision}"), perm + QStringLiteral(".read"),
        routeDoc(tag, QStringLiteral("One revision's spec, byte for byte as it was saved"), {},
            QStringLiteral("Spec"), 200, {304}),
        [cx, kind, k, idParam](RequestContext &ctx) -> HttpResponse {
            bool isNumber = false;
            const int revision = ctx.pathParam(QStringLiteral("revision")).toInt(&isNumber);
            if (!isNumber || revision < 1) {
                return ApiError{404, QStringLiteral("content.revision_not_found"),
                                QStringLiteral("Revisions are numbered from 1."), {}};
            }
            auto rev = cx->content.get(kind, actorOf(ctx), ctx.pathParam(idParam), revision);
            if (!rev)
                return rev.error();
            return specResponse(*rev, ctx, true);
        });
    Q_UNUSED(k);
    return ok;
}

bool addAssetRoutes(Router &router, const std::shared_ptr<ContentContext> &cx)
{
    const QString base = kApiPrefix + QStringLiteral("/orgs/{orgId}/assets");
    const QString one = base + QStringLiteral("/{assetId}");
    const QString tag = QStringLiteral("assets");
    bool ok = true;
    auto add = [&](const char *method, const QString &pattern, AuthMode auth, const QString &permission, RouteDoc d,
                   RouteHandler handler) {
        ok = router.add({.method = method,
                         .pattern = pattern,
                         .handler = std::move(handler),
                         .auth = auth,
                         .permission = permission,
                         .doc = std::move(d)})
             && ok;
    };

    RouteDoc upload = routeDoc(tag, QStringLiteral("Upload an asset (raw body); the same bytes again return the existing asset (200)"),
                          {}, QStringLiteral("Asset"), 201, {413, 415, 422, 429},
                          {{QStringLiteral("name"), QStringLiteral("string"), QStringLiteral("File name (no path)"), true}});
    upload.requestContentType = QStringLiteral("application/octet-stream");
    upload.description = QStringLiteral("The type is sniffed from the content (%1) and must agree with Content-Type. "
                                        "SVG is sanitised before it is stored; `sanitized` lists what was removed.")
                             .arg(acceptedAssetMimes().join(QStringLiteral(", ")));
    add("POST", base, AuthMode::Required, QStringLiteral("assets.write"), upload,
        [cx](RequestContext &ctx) -> HttpResponse {
            if (auto refused = cx->limited(ctx, RateLimits::uploadClass()))
                return *refused;
            if (!ctx.query().hasQueryItem(QStringLiteral("name")))
                return invalidName(QStringLiteral("Give the file name as ?name=."));
            QString error;
            const auto name = AssetService::normalizeFileName(ctx.queryValue(QStringLiteral("name")), &error);
            if (!name)
                return invalidName(error);
            auto uploaded = cx->assets.upload(actorOf(ctx), *name, QString::fromLatin1(ctx.header("content-type")),
                                              ctx.body());
            if (!uploaded)
                return Usage::refusalResponse(uploaded.error());
            HttpResponse response = HttpResponse::json(uploaded->asset.toJson(), uploaded->created ? 201 : 200);
            response.setHeader("Location",
                               QStringLiteral("%1/orgs/%2/assets/%3").arg(kApiPrefix, ctx.orgId(), uploaded->asset.id).toUtf8());
            return response;
        });

    add("GET", base, AuthMode::Required, QStringLiteral("assets.read"),
        routeDoc(tag, QStringLiteral("The org's assets, newest first"), {}, QStringLiteral("AssetList"), 200, {},
            {param("limit", "integer", QStringLiteral("1–100, default 50")),
             param("cursor", "string", QStringLiteral("nextCursor of the previous page"))}),
        [cx](RequestContext &ctx) -> HttpResponse {
            auto limit = limitParam(ctx, 50);
            if (auto *bad = std::get_if<ApiError>(&limit))
                return *bad;
            auto page = cx->assets.list(actorOf(ctx), std::get<int>(limit), ctx.queryValue(QStringLiteral("cursor")));
            if (!page)
                return page.error();
            QJsonArray items;
            for (const AssetInfo &a : std::as_const(page->items))
                items.append(a.toJson());
            return HttpResponse::json(pageJson(QStringLiteral("items"), items, page->nextCursor));
        });

    add("GET", one, AuthMode::Required, QStringLiteral("assets.read"),
        routeDoc(tag, QStringLiteral("An asset's metadata"), {}, QStringLiteral("Asset")),
        [cx](RequestContext &ctx) -> HttpResponse {
            auto asset = cx->assets.get(actorOf(ctx), ctx.pathParam(QStringLiteral("assetId")));
            if (!asset)
                return asset.error();
            return HttpResponse::json(asset->toJson());
        });

    RouteDoc content = routeDoc(tag, QStringLiteral("Download an asset's bytes (sniffed type, nosniff)"), {}, {}, 200,
                           {304, 429, 503});
    content.responseContentType = QStringLiteral("application/octet-stream");
    add("GET", one + QStringLiteral("/content"), AuthMode::Required, QStringLiteral("assets.read"), content,
        [cx](RequestContext &ctx) -> HttpResponse {
            if (auto refused = cx->limited(ctx, RateLimits::downloadClass()))
                return *refused;
            auto download = cx->assets.download(actorOf(ctx), ctx.pathParam(QStringLiteral("assetId")));
            if (!download)
                return Usage::refusalResponse(download.error());
            return downloadResponse(*download, ctx);
        });

    add("POST", one + QStringLiteral("/signed-url"), AuthMode::Required, QStringLiteral("assets.read"),
        routeDoc(tag, QStringLiteral("An expiring download link that needs no login"), QStringLiteral("SignedUrlRequest"),
            QStringLiteral("SignedUrl"), 200, {503}),
        [cx](RequestContext &ctx) -> HttpResponse {
            int seconds = cx->options.defaultSignedUrlSeconds;
            if (!ctx.body().trimmed().isEmpty()) {
                ApiError error;
                const auto body = ctx.jsonObject(&error);
                if (!body)
                    return error;
                const QJsonValue value = body->value(QStringLiteral("expiresIn"));
                if (!value.isUndefined()) {
                    const double n = value.toDouble(-1);
                    if (!value.isDouble() || n != std::floor(n) || n < 1 || n > cx->options.maxSignedUrlSeconds) {
                        return ApiError::badRequest(
                            QStringLiteral("request.invalid_field"),
                            QStringLiteral("\"expiresIn\" is a whole number of seconds from 1 to %1.")
                                .arg(cx->options.maxSignedUrlSeconds),
                            {{QStringLiteral("field"), QStringLiteral("expiresIn")}});
                    }
                    seconds = int(n);
                }
            }
            if (!cx->signer.isValid()) {
                return ApiError{503, QStringLiteral("assets.signing_unavailable"),
                                QStringLiteral("Signed links need the server's secret key (SLIDESPEC_SECRET_KEY_FILE)."), {}};
            }
            auto asset = cx->assets.get(actorOf(ctx), ctx.pathParam(QStringLiteral("assetId")));
            if (!asset)
                return asset.error();
            const QDateTime expires = cx->now().addSecs(seconds);
            const QString path = cx->signer.signedPath(signedDownloadPath(ctx.orgId(), asset->id), expires);
            return HttpResponse::json(QJsonObject{{QStringLiteral("url"), QString(cx->options.publicBaseUrl + path)},
                                       {QStringLiteral("path"), path},
                                       {QStringLiteral("expiresAt"), expires.toUTC().toString(Qt::ISODate)}});
        });

    RouteDoc signedDoc = routeDoc(tag, QStringLiteral("Download an asset through a signed link (no login; expired or altered → 403)"),
                             {}, {}, 200, {403, 429, 503},
                             {{QStringLiteral("expires"), QStringLiteral("integer"), QStringLiteral("Unix time"), true},
                              {QStringLiteral("sig"), QStringLiteral("string"), QStringLiteral("HMAC-SHA256, base64url"), true}});
    signedDoc.responseContentType = QStringLiteral("application/octet-stream");
    add("GET", kApiPrefix + QStringLiteral("/signed/assets/{orgId}/{assetId}"), AuthMode::None, QString(), signedDoc,
        [cx](RequestContext &ctx) -> HttpResponse {
            const auto verification = cx->signer.verify(ctx.path(), ctx.query());
            if (!verification.ok()) {
                const bool expired = verification.verdict == UrlSigner::Verdict::Expired;
                return ApiError{403, expired ? QStringLiteral("assets.link_expired") : QStringLiteral("assets.link_invalid"),
                                verification.message.isEmpty()
                                    ? (expired ? QStringLiteral("This link has expired: ask for a new one.")
                                               : QStringLiteral("This link is not valid."))
                                    : verification.message,
                                {}};
            }
            const QString orgId = ctx.pathParam(QStringLiteral("orgId"));
            if (auto refused = cx->limited(ctx, RateLimits::downloadClass()))
                return *refused;
            if (!looksLikeUuid(orgId))
                return ApiError{404, QStringLiteral("assets.not_found"), QStringLiteral("No such asset."), {}};
            auto download = cx->assets.download({QString(), orgId.toLower(), ctx.clientAddress().toString(),
                                                 QString::fromLatin1(ctx.requestId())},
                                                ctx.pathParam(QStringLiteral("assetId")));
            if (!download)
                return Usage::refusalResponse(download.error());
            return downloadResponse(*download, ctx);
        });
    return ok;
}

} // namespace

QByteArray deriveUrlSigningKey(const QByteArray &secretKey)
{
    if (secretKey.isEmpty())
        return {};
    return QMessageAuthenticationCode::hash("slidespec asset download links v1", secretKey, QCryptographicHash::Sha256);
}

bool registerContentRoutes(Router &router, Database &db, std::shared_ptr<StorageBackend> storage,
                           ContentOptions options)
{
    auto cx = std::make_shared<ContentContext>(db, std::move(storage), std::move(options));
    addSchemas(router);
    bool ok = true;
    for (ContentKind kind : {ContentKind::Deck, ContentKind::BrandKit, ContentKind::Template})
        ok = addKindRoutes(router, cx, kind) && ok;
    ok = addAssetRoutes(router, cx) && ok;
    return ok;
}

bool installContentModule(Service &service)
{
    const ServerConfig &config = service.config();
    std::shared_ptr<StorageBackend> storage;
    bool storageOk = true;
    if (config.storageUrl.isEmpty()) {
        spdlog::warn("content: no storage URL configured; asset routes answer 503");
    } else if (auto created = createStorage(config.storageUrl); !created) {
        // The content routes still register (asset routes answer 503), so the
        // API and its documentation stay whole; /readyz has no storage check then.
        spdlog::error("content: storage unusable, asset routes will answer 503: {}",
                      created.error().message.toStdString());
        storageOk = false;
    } else {
        // Storage metrics (operations, errors, latency, bytes) and the /readyz check.
        const QString label = config.storageUrl.startsWith(QLatin1String("s3:"), Qt::CaseInsensitive)
            ? QStringLiteral("s3")
            : QStringLiteral("file");
        storage = std::make_shared<InstrumentedStorage>(created.value(), service.metrics(), label);
        service.readiness().add(QStringLiteral("storage"),
                                [storage](QString *reason) { return storageReady(*storage, reason); });
    }
    ContentOptions options;
    options.maxSpecBytes = config.maxBodyBytes;
    options.assets.maxBytes = config.maxBodyBytes;
    options.urlSigningKey = deriveUrlSigningKey(config.secretKey);
    options.publicBaseUrl = config.publicBaseUrl;
    options.rateLimits = std::make_shared<RateLimits>(&service.metrics());
    while (options.publicBaseUrl.endsWith(QLatin1Char('/')))
        options.publicBaseUrl.chop(1);
    return registerContentRoutes(service.router(), service.database(), std::move(storage), std::move(options))
           && storageOk;
}

} // namespace slidespec::server
