// SPDX-License-Identifier: GPL-3.0-or-later
#include "content/specvalidation.h"

#include "format/specjson.h"

#include <nlohmann/json.hpp>

namespace slidespec::server {

namespace {

SpecProblem problemOf(const SpecError &e)
{
    return {e.path, e.line, e.column, e.message};
}

void addAll(QList<SpecProblem> *out, const QVector<SpecError> &errors)
{
    for (const SpecError &e : errors)
        out->append(problemOf(e));
}

SpecProblem at(const QString &path, const QString &message)
{
    return {path, 0, 0, message};
}

/*! Parses to JSON; on a syntax problem fills \a check and returns nullopt. */
std::optional<nlohmann::json> parseJson(const QByteArray &bytes, const SpecLimits &limits, SpecCheck *check)
{
    QVector<SpecError> errors;
    std::optional<nlohmann::json> doc = SpecJson::parse(bytes, QString(), limits, errors);
    if (!doc) {
        check->syntaxError = true;
        addAll(&check->errors, errors);
        if (check->errors.isEmpty())
            check->errors.append(at(QString(), QStringLiteral("not valid JSON")));
        return std::nullopt;
    }
    if (!doc->is_object()) {
        check->errors.append(at(QStringLiteral("$"), QStringLiteral("expected an object")));
        return std::nullopt;
    }
    return doc;
}

QString stringMember(const nlohmann::json &j, const char *name)
{
    const auto it = j.find(name);
    if (it == j.end() || !it->is_string())
        return {};
    return QString::fromStdString(it->get<std::string>());
}

void checkDeck(const QByteArray &bytes, const nlohmann::json &doc, const SpecLimits &limits, SpecCheck *check)
{
    if (doc.contains("brandRef")) {
        check->errors.append(at(QStringLiteral("$.brandRef"),
                                QStringLiteral("the server keeps decks self-contained: embed the brand kit as "
                                               "\"brand\" instead of naming a kit file in \"brandRef\"")));
        return;
    }
    const SpecResult<Deck> deck = SpecJson::readDeck(bytes, QString(), QString(), limits);
    addAll(&check->errors, deck.errors);
    addAll(&check->warnings, deck.warnings);
    if (deck.ok())
        check->suggestedName = deck.value->title;
}

void checkBrandKit(const QByteArray &bytes, const SpecLimits &limits, SpecCheck *check)
{
    const SpecResult<BrandKit> kit = SpecJson::readBrandKit(bytes, QString(), limits);
    addAll(&check->errors, kit.errors);
    addAll(&check->warnings, kit.warnings);
    if (kit.ok())
        check->suggestedName = kit.value->name;
}

// A slide template (docs/format.md, "Layout templates"): format, version,
// id, name, optional description, and one slide read by the core.
void checkSlideTemplate(const nlohmann::json &doc, SpecCheck *check)
{
    const auto version = doc.find("version");
    if (version == doc.end())
        check->errors.append(at(QStringLiteral("$.version"), QStringLiteral("is required but missing: this build writes version 1")));
    else if (!version->is_number_integer() || version->get<std::int64_t>() < 1)
        check->errors.append(at(QStringLiteral("$.version"), QStringLiteral("expected an integer ≥ 1")));
    for (const char *member : {"id", "name"}) {
        const auto it = doc.find(member);
        const QString path = QStringLiteral("$.") + QLatin1StringView(member);
        if (it == doc.end())
            check->errors.append(at(path, QStringLiteral("is required but missing")));
        else if (!it->is_string() || it->get<std::string>().empty())
            check->errors.append(at(path, QStringLiteral("expected a non-empty string")));
    }
    const auto description = doc.find("description");
    if (description != doc.end() && !description->is_string())
        check->errors.append(at(QStringLiteral("$.description"), QStringLiteral("expected a string")));
    const auto slide = doc.find("slide");
    if (slide == doc.end()) {
        check->errors.append(at(QStringLiteral("$.slide"), QStringLiteral("is required but missing")));
    } else {
        QVector<SpecError> errors;
        SpecJson::slideFromJson(*slide, QStringLiteral("$.slide"), QString(), errors);
        addAll(&check->errors, errors);
    }
    check->suggestedName = stringMember(doc, "name");
}

} // namespace

QJsonObject SpecProblem::toJson() const
{
    QJsonObject o{{QStringLiteral("message"), message}};
    o.insert(QStringLiteral("path"), path.isEmpty() ? QJsonValue() : QJsonValue(path));
    if (line > 0) {
        o.insert(QStringLiteral("line"), line);
        o.insert(QStringLiteral("column"), column);
    }
    return o;
}

QJsonArray SpecCheck::toJson(const QList<SpecProblem> &problems)
{
    QJsonArray list;
    for (const SpecProblem &p : problems)
        list.append(p.toJson());
    return list;
}

SpecCheck checkSpec(ContentKind kind, const QByteArray &bytes, qint64 maxBytes)
{
    SpecCheck check;
    SpecLimits limits;
    limits.maxFileBytes = maxBytes;
    try {
        const std::optional<nlohmann::json> doc = parseJson(bytes, limits, &check);
        if (!doc)
            return check;
        switch (kind) {
        case ContentKind::Deck:
            checkDeck(bytes, *doc, limits, &check);
            break;
        case ContentKind::BrandKit:
            checkBrandKit(bytes, limits, &check);
            break;
        case ContentKind::Template: {
            const QString format = stringMember(*doc, "format");
            if (format == u"slidespec-template") {
                check.templateKind = QStringLiteral("slide");
                checkSlideTemplate(*doc, &check);
            } else if (format == u"slidespec") {
                check.templateKind = QStringLiteral("deck");
                checkDeck(bytes, *doc, limits, &check);
            } else {
                check.errors.append(at(QStringLiteral("$.format"),
                                       QStringLiteral("expected \"slidespec-template\" (a slide template) or "
                                                      "\"slidespec\" (a deck used as a template)")));
            }
            break;
        }
        }
    } catch (const std::exception &e) {
        // The core does not throw on bad input; this is a last wall.
        check.errors.append(at(QStringLiteral("$"), QStringLiteral("could not be read: %1").arg(QString::fromUtf8(e.what()))));
    }
    return check;
}

} // namespace slidespec::server
