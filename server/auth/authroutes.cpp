// SPDX-License-Identifier: GPL-3.0-or-later
#include "auth/authroutes.h"

#include "auth/authservices.h"
#include "auth/sessionauthenticator.h"
#include "http/openapi.h"
#include "http/router.h"
#include "http/logging.h"
#include "http/service.h"
#include "maintenance/maintenance.h"
#include "ops/auditlog.h"

#include <QJsonArray>

#include <list>
#include <mutex>

namespace slidespec::server {

namespace {

const QString tag = QStringLiteral("auth");
const QString orgsTag = QStringLiteral("orgs");

/*! The error as a response; a 429 carries Retry-After (from details.retryAfter). */
HttpResponse failure(const ApiError &error)
{
    HttpResponse response(error);
    if (error.status == 429) {
        const qint64 seconds = std::max<qint64>(1, error.details.value(QStringLiteral("retryAfter")).toInteger());
        response.setHeader("Retry-After", QByteArray::number(seconds));
    }
    return response;
}

ApiError throttled(std::chrono::seconds wait)
{
    return {429, QStringLiteral("rate_limited"),
            QStringLiteral("Too many requests; try again in %1 seconds.").arg(wait.count()),
            {{QStringLiteral("retryAfter"), qint64(wait.count())}}};
}

/*!
 * The key the throttle and the rate limit count a client by: its IPv4
 * address, or its IPv6 /64 (one subscriber usually holds a whole /64, so
 * counting single IPv6 addresses would let one client rotate through 2^64 keys).
 */
QString clientAddress(const RequestContext &context)
{
    const QHostAddress &address = context.clientAddress();
    bool isV4 = false;
    const quint32 v4 = address.toIPv4Address(&isV4);
    if (isV4)
        return QHostAddress(v4).toString();
    if (address.protocol() == QAbstractSocket::IPv6Protocol) {
        Q_IPV6ADDR bytes = address.toIPv6Address();
        for (int i = 8; i < 16; ++i)
            bytes[i] = 0;
        return QHostAddress(bytes).toString() + QStringLiteral("/64");
    }
    return address.toString();
}

std::optional<ApiError> rateLimit(AuthServices &services, const RequestContext &context)
{
    const auto wait = services.rateLimiter().acquire(AuthServices::authRouteClass(), clientAddress(context));
    if (wait.count() > 0)
        return throttled(wait);
    return std::nullopt;
}

std::optional<ApiError> requireSession(const RequestContext &context)
{
    if (context.identity() && context.identity()->credentialKind == u"session")
        return std::nullopt;
    return ApiError{403, QStringLiteral("auth.session_required"),
                    QStringLiteral("This needs a login session; API tokens cannot manage accounts, tokens or orgs."),
                    {}};
}

ApiError invalidField(const QString &field, const QString &message)
{
    return ApiError::badRequest(QStringLiteral("request.invalid_field"), message, {{QStringLiteral("field"), field}});
}

/*! A string member: absent → nullopt (error unset); present but not a string → error. */
std::optional<QString> stringField(const QJsonObject &body, const QString &field, bool required,
                                   std::optional<ApiError> *error)
{
    const QJsonValue value = body.value(field);
    if (value.isUndefined() || (value.isNull() && !required)) {
        if (required)
            *error = invalidField(field, QStringLiteral("\"%1\" is required.").arg(field));
        return std::nullopt;
    }
    if (!value.isString()) {
        *error = invalidField(field, QStringLiteral("\"%1\" must be a string.").arg(field));
        return std::nullopt;
    }
    return value.toString();
}

/*! Parses the body as a JSON object into \a body, or returns the response to send. */
std::optional<HttpResponse> parseBody(const RequestContext &context, QJsonObject *body)
{
    ApiError error;
    const auto object = context.jsonObject(&error);
    if (!object)
        return HttpResponse(error);
    *body = *object;
    return std::nullopt;
}

std::optional<Role> roleField(const QJsonObject &body, std::optional<ApiError> *error)
{
    const auto text = stringField(body, QStringLiteral("role"), true, error);
    if (!text)
        return std::nullopt;
    const auto role = roleFromName(*text);
    if (!role) {
        *error = invalidField(QStringLiteral("role"),
                              QStringLiteral("\"role\" is one of owner, admin, editor, viewer (got \"%1\").").arg(*text));
    }
    return role;
}

/*! The request's side of an audit event (client address, request id, credential kind); the services fill in the rest. */
AuditEvent trailOf(const RequestContext &context)
{
    return AuditEvent::fromRequest(context, QString());
}

AccountService::Client clientOf(const RequestContext &context)
{
    return {context.clientAddress().toString(), QString::fromUtf8(context.header("user-agent")).left(512),
            clientAddress(context)};
}

using openapi::arrayOf;
using openapi::nullable;
using openapi::objectSchema;
using openapi::ref;
using openapi::type;

QJsonObject roleSchema()
{
    return {{QStringLiteral("type"), QStringLiteral("string")},
            {QStringLiteral("enum"), QJsonArray{QStringLiteral("owner"), QStringLiteral("admin"),
                                                QStringLiteral("editor"), QStringLiteral("viewer")}}};
}

void addSchemas(Router &router)
{
    const QJsonObject uuid = type("string", "uuid");
    const QJsonObject time = type("string", "date-time");
    router.addSchema(QStringLiteral("User"), objectSchema({{QStringLiteral("id"), uuid},
                                                           {QStringLiteral("email"), type("string", "email")},
                                                           {QStringLiteral("displayName"), type("string")},
                                                           {QStringLiteral("createdAt"), time}}));
    router.addSchema(QStringLiteral("SignupRequest"),
                     objectSchema({{QStringLiteral("email"), type("string", "email")},
                                   {QStringLiteral("password"), type("string", "password")},
                                   {QStringLiteral("displayName"), type("string")}},
                                  {QStringLiteral("email"), QStringLiteral("password")}));
    router.addSchema(QStringLiteral("LoginRequest"),
                     objectSchema({{QStringLiteral("email"), type("string", "email")},
                                   {QStringLiteral("password"), type("string", "password")}},
                                  {QStringLiteral("email"), QStringLiteral("password")}));
    router.addSchema(QStringLiteral("Session"), objectSchema({{QStringLiteral("token"), type("string")},
                                                              {QStringLiteral("sessionId"), uuid},
                                                              {QStringLiteral("expiresAt"), time},
                                                              {QStringLiteral("user"), ref("User")}}));
    router.addSchema(QStringLiteral("SessionInfo"), objectSchema({{QStringLiteral("id"), uuid},
                                                                  {QStringLiteral("createdAt"), time},
                                                                  {QStringLiteral("lastSeenAt"), time},
                                                                  {QStringLiteral("expiresAt"), time},
                                                                  {QStringLiteral("userAgent"), type("string")},
                                                                  {QStringLiteral("address"), type("string")},
                                                                  {QStringLiteral("current"), type("boolean")}}));
    router.addSchema(QStringLiteral("SessionList"),
                     objectSchema({{QStringLiteral("sessions"), arrayOf(ref("SessionInfo"))}}));
    QJsonObject org = objectSchema({{QStringLiteral("id"), uuid},
                                    {QStringLiteral("name"), type("string")},
                                    {QStringLiteral("slug"), type("string")},
                                    {QStringLiteral("settings"), type("object")},
                                    {QStringLiteral("createdAt"), time},
                                    {QStringLiteral("updatedAt"), time},
                                    {QStringLiteral("role"), roleSchema()},
                                    {QStringLiteral("allowedActions"), arrayOf(type("string"))}});
    router.addSchema(QStringLiteral("Org"), org);
    router.addSchema(QStringLiteral("OrgList"), objectSchema({{QStringLiteral("orgs"), arrayOf(ref("Org"))}}));
    router.addSchema(QStringLiteral("Me"), objectSchema({{QStringLiteral("user"), ref("User")},
                                                         {QStringLiteral("orgs"), arrayOf(ref("Org"))},
                                                         {QStringLiteral("credential"), type("object")}}));
    router.addSchema(QStringLiteral("PasswordChange"),
                     objectSchema({{QStringLiteral("currentPassword"), type("string", "password")},
                                   {QStringLiteral("newPassword"), type("string", "password")}},
                                  {QStringLiteral("currentPassword"), QStringLiteral("newPassword")}));
    QJsonObject token{{QStringLiteral("id"), uuid},
                      {QStringLiteral("name"), type("string")},
                      {QStringLiteral("orgId"), uuid},
                      {QStringLiteral("orgName"), type("string")},
                      {QStringLiteral("hint"), type("string")},
                      {QStringLiteral("createdAt"), time},
                      {QStringLiteral("lastUsedAt"), nullable(time)},
                      {QStringLiteral("expiresAt"), nullable(time)},
                      {QStringLiteral("revokedAt"), nullable(time)},
                      {QStringLiteral("userId"), uuid},
                      {QStringLiteral("userEmail"), type("string", "email")}};
    router.addSchema(QStringLiteral("ApiToken"), objectSchema(token));
    token.insert(QStringLiteral("token"), type("string"));
    router.addSchema(QStringLiteral("NewApiToken"), objectSchema(token));
    router.addSchema(QStringLiteral("ApiTokenList"),
                     objectSchema({{QStringLiteral("tokens"), arrayOf(ref("ApiToken"))}}));
    router.addSchema(QStringLiteral("CreateApiTokenRequest"),
                     objectSchema({{QStringLiteral("name"), type("string")},
                                   {QStringLiteral("orgId"), uuid},
                                   {QStringLiteral("expiresInDays"), type("integer")}},
                                  {QStringLiteral("name"), QStringLiteral("orgId")}));
    router.addSchema(QStringLiteral("CreateOrgRequest"),
                     objectSchema({{QStringLiteral("name"), type("string")}, {QStringLiteral("slug"), type("string")}},
                                  {QStringLiteral("name")}));
    router.addSchema(QStringLiteral("UpdateOrgRequest"), objectSchema({{QStringLiteral("name"), type("string")},
                                                                       {QStringLiteral("settings"), type("object")}}));
    router.addSchema(QStringLiteral("DeleteOrgRequest"),
                     objectSchema({{QStringLiteral("confirm"), type("string")}}, {QStringLiteral("confirm")}));
    router.addSchema(QStringLiteral("Member"), objectSchema({{QStringLiteral("userId"), uuid},
                                                             {QStringLiteral("email"), type("string", "email")},
                                                             {QStringLiteral("displayName"), type("string")},
                                                             {QStringLiteral("role"), roleSchema()},
                                                             {QStringLiteral("joinedAt"), time}}));
    router.addSchema(QStringLiteral("MemberList"), objectSchema({{QStringLiteral("members"), arrayOf(ref("Member"))}}));
    router.addSchema(QStringLiteral("UpdateMemberRequest"), objectSchema({{QStringLiteral("role"), roleSchema()}},
                                                                         {QStringLiteral("role")}));
    QJsonObject invite{{QStringLiteral("id"), uuid},
                       {QStringLiteral("orgId"), uuid},
                       {QStringLiteral("email"), type("string", "email")},
                       {QStringLiteral("role"), roleSchema()},
                       {QStringLiteral("createdBy"), nullable(uuid)},
                       {QStringLiteral("createdAt"), time},
                       {QStringLiteral("expiresAt"), time},
                       {QStringLiteral("usedAt"), nullable(time)},
                       {QStringLiteral("revokedAt"), nullable(time)},
                       {QStringLiteral("status"), type("string")}};
    router.addSchema(QStringLiteral("Invite"), objectSchema(invite));
    invite.insert(QStringLiteral("token"), type("string"));
    invite.insert(QStringLiteral("link"), type("string", "uri"));
    router.addSchema(QStringLiteral("NewInvite"), objectSchema(invite));
    router.addSchema(QStringLiteral("InviteList"), objectSchema({{QStringLiteral("invites"), arrayOf(ref("Invite"))}}));
    router.addSchema(QStringLiteral("CreateInviteRequest"),
                     objectSchema({{QStringLiteral("email"), type("string", "email")}, {QStringLiteral("role"), roleSchema()}},
                                  {QStringLiteral("email"), QStringLiteral("role")}));
    router.addSchema(QStringLiteral("AcceptedInvite"), objectSchema({{QStringLiteral("orgId"), uuid},
                                                                     {QStringLiteral("role"), roleSchema()},
                                                                     {QStringLiteral("alreadyMember"), type("boolean")}}));
}

} // namespace

bool registerAuthRoutes(Router &router, AuthServices &services)
{
    AuthServices *sv = &services;
    addSchemas(router);
    bool ok = true;
    auto add = [&](QByteArray method, const char *path, AuthMode auth, const char *permission, RouteDoc routeDoc,
                   RouteHandler handler) {
        Route route;
        route.method = std::move(method);
        route.pattern = QStringLiteral("/api/v1") + QLatin1StringView(path);
        route.auth = auth;
        route.permission = QLatin1StringView(permission);
        route.doc = std::move(routeDoc);
        route.handler = std::move(handler);
        ok = router.add(std::move(route)) && ok;
    };

    // --- accounts --------------------------------------------------------
    add("POST", "/auth/signup", AuthMode::None, "",
        routeDoc(tag, QStringLiteral("Create an account and log in"), QStringLiteral("SignupRequest"),
            QStringLiteral("Session"), 201, {409, 429}),
        [sv](RequestContext &ctx) -> HttpResponse {
            if (auto limited = rateLimit(*sv, ctx))
                return failure(*limited);
            QJsonObject body;
            if (auto bad = parseBody(ctx, &body))
                return *bad;
            std::optional<ApiError> error;
            const auto email = stringField(body, QStringLiteral("email"), true, &error);
            const auto password = stringField(body, QStringLiteral("password"), true, &error);
            const auto name = stringField(body, QStringLiteral("displayName"), false, &error);
            if (error)
                return *error;
            auto grant = sv->accounts().signup(*email, *password, name.value_or(QString()), clientOf(ctx), trailOf(ctx));
            if (!grant)
                return failure(grant.error());
            return HttpResponse::json(grant->toJson(), 201);
        });

    add("POST", "/auth/login", AuthMode::None, "",
        routeDoc(tag, QStringLiteral("Log in: a session token"), QStringLiteral("LoginRequest"), QStringLiteral("Session"),
            200, {429}),
        [sv](RequestContext &ctx) -> HttpResponse {
            if (auto limited = rateLimit(*sv, ctx))
                return failure(*limited);
            QJsonObject body;
            if (auto bad = parseBody(ctx, &body))
                return *bad;
            std::optional<ApiError> error;
            const auto email = stringField(body, QStringLiteral("email"), true, &error);
            const auto password = stringField(body, QStringLiteral("password"), true, &error);
            if (error)
                return *error;
            auto grant = sv->accounts().login(*email, *password, clientOf(ctx), trailOf(ctx));
            if (!grant)
                return failure(grant.error());
            return HttpResponse::json(grant->toJson());
        });

    add("POST", "/auth/logout", AuthMode::Required, "",
        routeDoc(tag, QStringLiteral("Log out: revoke this session"), {}, {}, 204),
        [sv](RequestContext &ctx) -> HttpResponse {
            if (auto denied = requireSession(ctx))
                return *denied;
            auto done = sv->accounts().logout(ctx.userId(), ctx.identity()->credentialId, trailOf(ctx));
            return done ? HttpResponse::noContent() : failure(done.error());
        });

    add("GET", "/me", AuthMode::Required, "",
        routeDoc(tag, QStringLiteral("The caller, their orgs, and what they may do in each"), {}, QStringLiteral("Me")),
        [sv](RequestContext &ctx) -> HttpResponse {
            auto user = sv->accounts().user(ctx.userId());
            if (!user)
                return failure(user.error());
            auto orgs = sv->orgs().listForUser(ctx.userId());
            if (!orgs)
                return failure(orgs.error());
            const Identity &identity = *ctx.identity();
            QJsonArray list;
            for (const OrgInfo &org : std::as_const(*orgs)) {
                if (identity.orgId.isEmpty() || identity.orgId == org.id)
                    list.append(org.toJson(true));
            }
            QJsonObject credential{{QStringLiteral("kind"), identity.credentialKind},
                                   {QStringLiteral("id"), identity.credentialId}};
            if (!identity.orgId.isEmpty())
                credential.insert(QStringLiteral("orgId"), identity.orgId);
            return HttpResponse::json(QJsonObject{{QStringLiteral("user"), user->toJson()},
                                                  {QStringLiteral("orgs"), list},
                                                  {QStringLiteral("credential"), credential}});
        });

    add("POST", "/me/password", AuthMode::Required, "",
        routeDoc(tag, QStringLiteral("Change the password; other sessions are revoked"), QStringLiteral("PasswordChange"),
            {}, 204, {429}),
        [sv](RequestContext &ctx) -> HttpResponse {
            if (auto denied = requireSession(ctx))
                return *denied;
            QJsonObject body;
            if (auto bad = parseBody(ctx, &body))
                return *bad;
            std::optional<ApiError> error;
            const auto current = stringField(body, QStringLiteral("currentPassword"), true, &error);
            const auto next = stringField(body, QStringLiteral("newPassword"), true, &error);
            if (error)
                return *error;
            auto done = sv->accounts().changePassword(ctx.userId(), ctx.identity()->credentialId, *current, *next,
                                                      clientAddress(ctx), trailOf(ctx));
            return done ? HttpResponse::noContent() : failure(done.error());
        });

    add("GET", "/me/sessions", AuthMode::Required, "",
        routeDoc(tag, QStringLiteral("The caller's live login sessions (devices)"), {}, QStringLiteral("SessionList")),
        [sv](RequestContext &ctx) -> HttpResponse {
            if (auto denied = requireSession(ctx))
                return *denied;
            auto sessions = sv->accounts().listSessions(ctx.userId(), ctx.identity()->credentialId);
            if (!sessions)
                return failure(sessions.error());
            QJsonArray list;
            for (const SessionInfo &session : std::as_const(*sessions))
                list.append(session.toJson());
            return HttpResponse::json(QJsonObject{{QStringLiteral("sessions"), list}});
        });

    add("DELETE", "/me/sessions/{sessionId}", AuthMode::Required, "",
        routeDoc(tag, QStringLiteral("Revoke one of the caller's sessions (log a device out)"), {}, {}, 204),
        [sv](RequestContext &ctx) -> HttpResponse {
            if (auto denied = requireSession(ctx))
                return *denied;
            auto done = sv->accounts().revokeSession(ctx.userId(), ctx.pathParam(QStringLiteral("sessionId")),
                                                     trailOf(ctx));
            return done ? HttpResponse::noContent() : failure(done.error());
        });

    add("GET", "/me/tokens", AuthMode::Required, "",
        routeDoc(tag, QStringLiteral("The caller's API tokens"), {}, QStringLiteral("ApiTokenList")),
        [sv](RequestContext &ctx) -> HttpResponse {
            if (auto denied = requireSession(ctx))
                return *denied;
            auto tokens = sv->accounts().listApiTokens(ctx.userId());
            if (!tokens)
                return failure(tokens.error());
            QJsonArray list;
            for (const ApiTokenInfo &t : std::as_const(*tokens))
                list.append(t.toJson());
            return HttpResponse::json(QJsonObject{{QStringLiteral("tokens"), list}});
        });

    add("POST", "/me/tokens", AuthMode::Required, "",
        routeDoc(tag, QStringLiteral("Create an API token scoped to one org (the secret is shown once)"),
            QStringLiteral("CreateApiTokenRequest"), QStringLiteral("NewApiToken"), 201),
        [sv](RequestContext &ctx) -> HttpResponse {
            if (auto denied = requireSession(ctx))
                return *denied;
            QJsonObject body;
            if (auto bad = parseBody(ctx, &body))
                return *bad;
            std::optional<ApiError> error;
            const auto name = stringField(body, QStringLiteral("name"), true, &error);
            const auto orgId = stringField(body, QStringLiteral("orgId"), true, &error);
            if (error)
                return *error;
            int days = 0;
            const QJsonValue expires = body.value(QStringLiteral("expiresInDays"));
            if (!expires.isUndefined() && !expires.isNull()) {
                if (!expires.isDouble() || expires.toDouble() != double(expires.toInt()))
                    return invalidField(QStringLiteral("expiresInDays"),
                                        QStringLiteral("\"expiresInDays\" must be a whole number of days."));
                days = expires.toInt();
            }
            auto created = sv->accounts().createApiToken(ctx.userId(), *orgId, *name, days, trailOf(ctx));
            if (!created)
                return failure(created.error());
            return HttpResponse::json(created->toJson(), 201);
        });

    add("DELETE", "/me/tokens/{tokenId}", AuthMode::Required, "",
        routeDoc(tag, QStringLiteral("Revoke one of the caller's API tokens"), {}, {}, 204),
        [sv](RequestContext &ctx) -> HttpResponse {
            if (auto denied = requireSession(ctx))
                return *denied;
            auto done = sv->accounts().revokeApiToken(ctx.userId(), ctx.pathParam(QStringLiteral("tokenId")),
                                                      trailOf(ctx));
            return done ? HttpResponse::noContent() : failure(done.error());
        });

    // --- orgs -------------------------------------------------------------
    add("POST", "/orgs", AuthMode::Required, "",
        routeDoc(orgsTag, QStringLiteral("Create an org; the caller becomes its owner"), QStringLiteral("CreateOrgRequest"),
            QStringLiteral("Org"), 201, {409}),
        [sv](RequestContext &ctx) -> HttpResponse {
            if (auto denied = requireSession(ctx))
                return *denied;
            QJsonObject body;
            if (auto bad = parseBody(ctx, &body))
                return *bad;
            std::optional<ApiError> error;
            const auto name = stringField(body, QStringLiteral("name"), true, &error);
            const auto slug = stringField(body, QStringLiteral("slug"), false, &error);
            if (error)
                return *error;
            auto org = sv->orgs().create(ctx.userId(), *name, slug.value_or(QString()), trailOf(ctx));
            if (!org)
                return failure(org.error());
            return HttpResponse::json(org->toJson(true), 201);
        });

    add("GET", "/orgs", AuthMode::Required, "",
        routeDoc(orgsTag, QStringLiteral("The caller's orgs"), {}, QStringLiteral("OrgList")),
        [sv](RequestContext &ctx) -> HttpResponse {
            auto orgs = sv->orgs().listForUser(ctx.userId());
            if (!orgs)
                return failure(orgs.error());
            const QString only = ctx.identity()->orgId;
            QJsonArray list;
            for (const OrgInfo &org : std::as_const(*orgs)) {
                if (only.isEmpty() || only == org.id)
                    list.append(org.toJson(true));
            }
            return HttpResponse::json(QJsonObject{{QStringLiteral("orgs"), list}});
        });

    add("GET", "/orgs/{orgId}", AuthMode::Required, "org.read",
        routeDoc(orgsTag, QStringLiteral("An org"), {}, QStringLiteral("Org")),
        [sv](RequestContext &ctx) -> HttpResponse {
            auto org = sv->orgs().get(ctx.userId(), ctx.orgId());
            return org ? HttpResponse::json(org->toJson(true)) : failure(org.error());
        });

    add("PATCH", "/orgs/{orgId}", AuthMode::Required, "org.update",
        routeDoc(orgsTag, QStringLiteral("Rename an org or replace its settings"), QStringLiteral("UpdateOrgRequest"),
            QStringLiteral("Org")),
        [sv](RequestContext &ctx) -> HttpResponse {
            QJsonObject body;
            if (auto bad = parseBody(ctx, &body))
                return *bad;
            std::optional<ApiError> error;
            const auto name = stringField(body, QStringLiteral("name"), false, &error);
            if (error)
                return *error;
            std::optional<QJsonObject> settings;
            const QJsonValue value = body.value(QStringLiteral("settings"));
            if (!value.isUndefined()) {
                if (!value.isObject())
                    return invalidField(QStringLiteral("settings"), QStringLiteral("\"settings\" must be an object."));
                settings = value.toObject();
            }
            auto org = sv->orgs().update(ctx.userId(), ctx.orgId(), name, settings, trailOf(ctx));
            return org ? HttpResponse::json(org->toJson(true)) : failure(org.error());
        });

    add("DELETE", "/orgs/{orgId}", AuthMode::Required, "org.delete",
        routeDoc(orgsTag, QStringLiteral("Delete an org for good (owners; body {\"confirm\": \"<org name>\"})"),
            QStringLiteral("DeleteOrgRequest"), QString(), 204, {409}),
        [sv](RequestContext &ctx) -> HttpResponse {
            QJsonObject body;
            if (auto bad = parseBody(ctx, &body))
                return *bad;
            std::optional<ApiError> error;
            const auto confirm = stringField(body, QStringLiteral("confirm"), false, &error);
            if (error)
                return *error;
            auto removed = sv->orgs().remove(ctx.userId(), ctx.orgId(), confirm.value_or(QString()), trailOf(ctx));
            if (!removed)
                return failure(removed.error());
            // The storage objects: the purge job now (the periodic run would also find them).
            const QString orgId = ctx.orgId();
            if (auto queued = maintenance::enqueue(sv->database(), MaintenanceTask::PurgeOrgs, {},
                                                   QStringLiteral("purge-orgs:") + orgId);
                !queued) {
                logging::warn(QStringLiteral("org deleted; its storage purge waits for the periodic run"),
                              {{QStringLiteral("org"), orgId}, {QStringLiteral("error"), queued.error().message}});
            }
            return HttpResponse::noContent();
        });

    add("GET", "/orgs/{orgId}/members", AuthMode::Required, "members.read",
        routeDoc(orgsTag, QStringLiteral("The org's members and their roles"), {}, QStringLiteral("MemberList")),
        [sv](RequestContext &ctx) -> HttpResponse {
            auto members = sv->orgs().members(ctx.userId(), ctx.orgId());
            if (!members)
                return failure(members.error());
            QJsonArray list;
            for (const MemberInfo &m : std::as_const(*members))
                list.append(m.toJson());
            return HttpResponse::json(QJsonObject{{QStringLiteral("members"), list}});
        });

    add("PATCH", "/orgs/{orgId}/members/{userId}", AuthMode::Required, "members.update_role",
        routeDoc(orgsTag, QStringLiteral("Change a member's role (owner rules apply)"), QStringLiteral("UpdateMemberRequest"),
            QStringLiteral("Member"), 200, {409}),
        [sv](RequestContext &ctx) -> HttpResponse {
            QJsonObject body;
            if (auto bad = parseBody(ctx, &body))
                return *bad;
            std::optional<ApiError> error;
            const auto role = roleField(body, &error);
            if (error)
                return *error;
            auto member = sv->orgs().changeRole(ctx.userId(), ctx.orgId(), ctx.pathParam(QStringLiteral("userId")), *role,
                                                trailOf(ctx));
            return member ? HttpResponse::json(member->toJson()) : failure(member.error());
        });

    // Any member may leave; removing someone else needs members.remove (checked by the service).
    add("DELETE", "/orgs/{orgId}/members/{userId}", AuthMode::Required, "org.read",
        routeDoc(orgsTag, QStringLiteral("Remove a member, or leave the org (your own id)"), {}, {}, 204, {409}),
        [sv](RequestContext &ctx) -> HttpResponse {
            auto done = sv->orgs().removeMember(ctx.userId(), ctx.orgId(), ctx.pathParam(QStringLiteral("userId")),
                                                trailOf(ctx));
            return done ? HttpResponse::noContent() : failure(done.error());
        });

    add("POST", "/orgs/{orgId}/invites", AuthMode::Required, "members.invite",
        routeDoc(orgsTag, QStringLiteral("Invite someone by email; returns the single-use link"),
            QStringLiteral("CreateInviteRequest"), QStringLiteral("NewInvite"), 201, {409}),
        [sv](RequestContext &ctx) -> HttpResponse {
            QJsonObject body;
            if (auto bad = parseBody(ctx, &body))
                return *bad;
            std::optional<ApiError> error;
            const auto email = stringField(body, QStringLiteral("email"), true, &error);
            const auto role = error ? std::nullopt : roleField(body, &error);
            if (error)
                return *error;
            auto invite = sv->orgs().invite(ctx.userId(), ctx.orgId(), *email, *role, trailOf(ctx));
            return invite ? HttpResponse::json(invite->toJson(), 201) : failure(invite.error());
        });

    add("GET", "/orgs/{orgId}/invites", AuthMode::Required, "invites.read",
        routeDoc(orgsTag, QStringLiteral("The org's invites with their status"), {}, QStringLiteral("InviteList")),
        [sv](RequestContext &ctx) -> HttpResponse {
            auto invites = sv->orgs().invites(ctx.userId(), ctx.orgId());
            if (!invites)
                return failure(invites.error());
            QJsonArray list;
            for (const InviteInfo &i : std::as_const(*invites))
                list.append(i.toJson());
            return HttpResponse::json(QJsonObject{{QStringLiteral("invites"), list}});
        });

    add("DELETE", "/orgs/{orgId}/invites/{inviteId}", AuthMode::Required, "invites.revoke",
        routeDoc(orgsTag, QStringLiteral("Revoke a pending invite"), {}, {}, 204, {409}),
        [sv](RequestContext &ctx) -> HttpResponse {
            auto done = sv->orgs().revokeInvite(ctx.userId(), ctx.orgId(), ctx.pathParam(QStringLiteral("inviteId")),
                                                trailOf(ctx));
            return done ? HttpResponse::noContent() : failure(done.error());
        });

    add("GET", "/orgs/{orgId}/tokens", AuthMode::Required, "tokens.manage",
        routeDoc(orgsTag, QStringLiteral("Every member's API tokens for this org (no secrets)"), {},
            QStringLiteral("ApiTokenList")),
        [sv](RequestContext &ctx) -> HttpResponse {
            auto tokens = sv->accounts().listOrgApiTokens(ctx.userId(), ctx.orgId());
            if (!tokens)
                return failure(tokens.error());
            QJsonArray list;
            for (const ApiTokenInfo &t : std::as_const(*tokens))
                list.append(t.toJson());
            return HttpResponse::json(QJsonObject{{QStringLiteral("tokens"), list}});
        });

    add("DELETE", "/orgs/{orgId}/tokens/{tokenId}", AuthMode::Required, "tokens.manage",
        routeDoc(orgsTag, QStringLiteral("Revoke any member's API token for this org"), {}, {}, 204),
        [sv](RequestContext &ctx) -> HttpResponse {
            auto done = sv->accounts().revokeOrgApiToken(ctx.userId(), ctx.orgId(), ctx.pathParam(QStringLiteral("tokenId")),
                                                          trailOf(ctx));
            return done ? HttpResponse::noContent() : failure(done.error());
        });

    add("POST", "/invites/{token}/accept", AuthMode::Required, "",
        routeDoc(orgsTag, QStringLiteral("Accept an invite (the logged-in account must have the invited email)"), {},
            QStringLiteral("AcceptedInvite"), 200, {410, 429}),
        [sv](RequestContext &ctx) -> HttpResponse {
            if (auto denied = requireSession(ctx))
                return *denied;
            if (auto limited = rateLimit(*sv, ctx))
                return failure(*limited);
            auto accepted = sv->orgs().accept(ctx.userId(), ctx.pathParam(QStringLiteral("token")).toLatin1(), trailOf(ctx));
            return accepted ? HttpResponse::json(accepted->toJson()) : failure(accepted.error());
        });

    return ok;
}

AuthModule::AuthModule(Database &db, const AuthConfig &config)
    : m_services(std::make_unique<AuthServices>(db, config))
    , m_authenticator(std::make_unique<SessionAuthenticator>(*m_services))
{
}

AuthModule::~AuthModule() = default;

bool AuthModule::install(Router &router)
{
    router.setAuthenticator(m_authenticator.get());
    return registerAuthRoutes(router, *m_services);
}

AuthConfig authConfigFor(const ServerConfig &config)
{
    AuthConfig auth;
    if (!config.publicBaseUrl.isEmpty())
        auth.publicBaseUrl = config.publicBaseUrl;
    return auth;
}

AuthModule &installAuth(Service &service)
{
    static std::mutex mutex;
    static std::list<std::unique_ptr<AuthModule>> modules;
    std::lock_guard lock(mutex);
    modules.push_back(std::make_unique<AuthModule>(service.database(), authConfigFor(service.config())));
    modules.back()->install(service.router());
    return *modules.back();
}

} // namespace slidespec::server
