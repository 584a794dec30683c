// SPDX-License-Identifier: GPL-3.0-or-later
#include "http/router.h"

#include "http/logging.h"

#include <QJsonArray>
#include <QUrl>

#include <exception>

namespace slidespec::server {

namespace {

const QRegularExpression &paramPattern()
{
    static const QRegularExpression re(QStringLiteral("^\\{([A-Za-z_][A-Za-z0-9_]*)\\}$"));
    return re;
}

const QRegularExpression &literalSegment()
{
    static const QRegularExpression re(QStringLiteral("^[A-Za-z0-9._~!$&'()*+,;=:@-]+$"));
    return re;
}

} // namespace

QStringList Route::paramNames() const
{
    QStringList names;
    for (const auto &segment : pattern.split(QLatin1Char('/'), Qt::SkipEmptyParts)) {
        const auto m = paramPattern().match(segment);
        if (m.hasMatch())
            names.append(m.captured(1));
    }
    return names;
}

Router::Router() = default;
Router::~Router() = default;

bool Router::add(Route route)
{
    auto fail = [&](const QString &why) {
        logging::error(QStringLiteral("route rejected"),
                       {{QStringLiteral("method"), QString::fromLatin1(route.method)},
                        {QStringLiteral("route"), route.pattern},
                        {QStringLiteral("reason"), why}});
        return false;
    };
    route.method = route.method.toUpper();
    static const QByteArrayList methods{"GET", "POST", "PUT", "PATCH", "DELETE"};
    if (!methods.contains(route.method))
        return fail(QStringLiteral("unsupported method"));
    if (!route.handler)
        return fail(QStringLiteral("no handler"));
    if (!route.pattern.startsWith(QLatin1Char('/')))
        return fail(QStringLiteral("the pattern must start with /"));
    if (!route.permission.isEmpty() && route.auth != AuthMode::Required)
        return fail(QStringLiteral("a route with a permission must require authentication"));

    Compiled compiled;
    QString regex = QStringLiteral("^");
    const auto segments = route.pattern.split(QLatin1Char('/'), Qt::SkipEmptyParts);
    for (const auto &segment : segments) {
        const auto m = paramPattern().match(segment);
        if (m.hasMatch()) {
            if (compiled.names.contains(m.captured(1)))
                return fail(QStringLiteral("parameter {%1} appears twice").arg(m.captured(1)));
            compiled.names.append(m.captured(1));
            regex += QStringLiteral("/([^/]+)");
        } else if (literalSegment().match(segment).hasMatch()) {
            regex += QLatin1Char('/') + QRegularExpression::escape(segment);
        } else {
            return fail(QStringLiteral("segment \"%1\" is neither a literal nor {name}").arg(segment));
        }
    }
    if (segments.isEmpty())
        regex += QLatin1Char('/');
    regex += QLatin1Char('$');
    compiled.regex = QRegularExpression(regex);
    compiled.regex.optimize();

    for (const auto &existing : std::as_const(m_routes)) {
        if (existing.method == route.method && existing.pattern == route.pattern)
            return fail(QStringLiteral("duplicate route"));
    }
    m_routes.append(std::move(route));
    m_compiled.append(std::move(compiled));
    return true;
}

void Router::addSchema(const QString &name, const QJsonObject &schema)
{
    m_schemas.insert(name, schema);
}

Router::Match Router::match(const QByteArray &method, const QString &path) const
{
    Match result;
    const QByteArray wanted = method == "HEAD" ? QByteArrayLiteral("GET") : method;
    // Literal routes win over parameterised ones: /decks/trash before /decks/{id}.
    int bestParams = std::numeric_limits<int>::max();
    for (qsizetype i = 0; i < m_routes.size(); ++i) {
        const auto m = m_compiled.at(i).regex.match(path);
        if (!m.hasMatch())
            continue;
        const auto &route = m_routes.at(i);
        if (route.method != wanted) {
            if (!result.allowedMethods.contains(route.method))
                result.allowedMethods.append(route.method);
            if (route.method == "GET" && !result.allowedMethods.contains("HEAD"))
                result.allowedMethods.append("HEAD");
            continue;
        }
        const int params = int(m_compiled.at(i).names.size());
        if (params >= bestParams)
            continue;
        bestParams = params;
        result.route = &route;
        result.params.clear();
        for (int n = 0; n < params; ++n) {
            result.params.insert(m_compiled.at(i).names.at(n),
                                 QUrl::fromPercentEncoding(m.captured(n + 1).toUtf8()));
        }
    }
    if (result.route)
        result.allowedMethods.clear();
    return result;
}

HttpResponse Router::dispatch(RequestContext &context) const
{
    try {
        auto found = match(context.method(), context.path());
        if (!found.route) {
            if (!found.allowedMethods.isEmpty()) {
                QJsonArray allowed;
                for (const auto &m : std::as_const(found.allowedMethods))
                    allowed.append(QString::fromLatin1(m));
                HttpResponse response(ApiError{405, QStringLiteral("route.method_not_allowed"),
                                               QStringLiteral("%1 is not allowed on %2.")
                                                   .arg(QString::fromLatin1(context.method()), context.path()),
                                               {{QStringLiteral("allowed"), allowed}}});
                response.setHeader("Allow", found.allowedMethods.join(", "));
                return response;
            }
            return ApiError{404, QStringLiteral("route.not_found"),
                            QStringLiteral("There is no %1 %2.").arg(QString::fromLatin1(context.method()),
                                                                     context.path()),
                            {}};
        }
        const Route &route = *found.route;
        context.setRoute(&route, std::move(found.params));

        if (route.auth != AuthMode::None) {
            if (m_authenticator) {
                AuthOutcome outcome = m_authenticator->authenticate(context);
                if (outcome.error)
                    return *outcome.error;
                if (outcome.identity)
                    context.setIdentity(std::move(outcome.identity));
            }
            if (route.auth == AuthMode::Required && !context.isAuthenticated())
                return ApiError::unauthorized();
        }
        if (!route.permission.isEmpty() && m_authenticator) {
            if (auto denied = m_authenticator->authorize(context, route.permission))
                return *denied;
        }
        return route.handler(context);
    } catch (const std::exception &e) {
        logging::error(QStringLiteral("handler failed"),
                       {{QStringLiteral("request_id"), QString::fromLatin1(context.requestId())},
                        {QStringLiteral("route"), context.route() ? context.route()->pattern : QString()},
                        {QStringLiteral("exception"), QString::fromUtf8(e.what())}});
    } catch (...) {
        logging::error(QStringLiteral("handler failed"),
                       {{QStringLiteral("request_id"), QString::fromLatin1(context.requestId())},
                        {QStringLiteral("route"), context.route() ? context.route()->pattern : QString()},
                        {QStringLiteral("exception"), QStringLiteral("unknown")}});
    }
    return ApiError::internal();
}

} // namespace slidespec::server
