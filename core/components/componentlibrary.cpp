// SPDX-License-Identifier: GPL-3.0-or-later
#include "components/componentlibrary.h"

#include <nlohmann/json.hpp>

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QRegularExpression>
#include <QtDebug>

#include <algorithm>
#include <cmath>
#include <functional>
#include <set>

using nlohmann::json;

namespace slidespec {

namespace {

// Parameter values longer than this are cut: nobody types a million
// characters into a card, and the layout should not have to measure them.
constexpr qsizetype kMaxParamLength = 100000;
// A multiline parameter expands into at most this many paragraphs.
constexpr int kMaxLines = 500;

QString q(const std::string &s)
{
    return QString::fromStdString(s);
}

std::string s(const QString &q)
{
    return q.toStdString();
}

/*! A frame coordinate: `abs + pct / 100 × reference`. */
struct FrameTerm
{
    double abs = 0;
    double pct = 0;
};

/*!
 * Parses the frame expression grammar: a JSON number, or a string of
 * terms `NUMBER` or `NUMBER%` joined by `+` and `-` ("100% - 24").
 */
std::optional<FrameTerm> parseFrameExpression(const json &value, QString *why)
{
    if (value.is_number()) {
        const double d = value.get<double>();
        if (!std::isfinite(d) || std::fabs(d) > 1e6) {
            *why = QStringLiteral("the number is out of range");
            return std::nullopt;
        }
        return FrameTerm{d, 0};
    }
    if (!value.is_string()) {
        *why = QStringLiteral("expected a number or an expression string such as \"50% - 12\"");
        return std::nullopt;
    }
    const QString text = q(value.get_ref<const std::string &>());
    FrameTerm result;
    qsizetype i = 0;
    const qsizetype n = text.size();
    auto skipSpace = [&] {
        while (i < n && text.at(i).isSpace())
            ++i;
    };
    double sign = 1;
    bool expectTerm = true;
    skipSpace();
    if (i == n) {
        *why = QStringLiteral("the expression is empty");
        return std::nullopt;
    }
    while (i < n) {
        skipSpace();
        if (i == n)
            break;
        const QChar c = text.at(i);
        if (expectTerm) {
            if (c == u'-' || c == u'+') {
                if (c == u'-')
                    sign = -sign;
                ++i;
                continue;
            }
            const qsizetype start = i;
            while (i < n && (text.at(i).isDigit() || text.at(i) == u'.'))
                ++i;
            bool ok = false;
            const double number = text.mid(start, i - start).toDouble(&ok);
            if (!ok || i == start) {
                *why = QStringLiteral("expected a number at character %1 of \"%2\"").arg(start + 1).arg(text);
                return std::nullopt;
            }
            skipSpace();
            if (i < n && text.at(i) == u'%') {
                result.pct += sign * number;
                ++i;
            } else {
                result.abs += sign * number;
            }
            sign = 1;
            expectTerm = false;
        } else {
            if (c == u'+') {
                sign = 1;
            } else if (c == u'-') {
                sign = -1;
            } else {
                *why = QStringLiteral("expected '+' or '-' at character %1 of \"%2\"; "
                                      "the grammar is NUMBER, NUMBER%, and sums or differences of them")
                           .arg(i + 1).arg(text);
                return std::nullopt;
            }
            ++i;
            expectTerm = true;
        }
    }
    if (expectTerm) {
        *why = QStringLiteral("\"%1\" ends with an operator").arg(text);
        return std::nullopt;
    }
    if (std::fabs(result.abs) > 1e6 || std::fabs(result.pct) > 1e6) {
        *why = QStringLiteral("the expression is out of range");
        return std::nullopt;
    }
    return result;
}

/*! The names of the `{{param}}` placeholders in \a text. */
QStringList placeholders(const QString &text)
{
    QStringList names;
    qsizetype from = 0;
    while (true) {
        const qsizetype open = text.indexOf(QLatin1String("{{"), from);
        if (open < 0)
            break;
        const qsizetype close = text.indexOf(QLatin1String("}}"), open + 2);
        if (close < 0)
            break;
        names.append(text.mid(open + 2, close - open - 2).trimmed());
        from = close + 2;
    }
    return names;
}

/*! \a text with every `{{name}}` replaced by its value; unknown names stay. */
QString substitute(const QString &text, const QHash<QString, QString> &values)
{
    if (!text.contains(QLatin1String("{{")))
        return text;
    QString out;
    qsizetype from = 0;
    while (true) {
        const qsizetype open = text.indexOf(QLatin1String("{{"), from);
        const qsizetype close = open < 0 ? -1 : text.indexOf(QLatin1String("}}"), open + 2);
        if (open < 0 || close < 0) {
            out += QStringView(text).mid(from);
            break;
        }
        out += QStringView(text).mid(from, open - from);
        const QString name = text.mid(open + 2, close - open - 2).trimmed();
        const auto it = values.constFind(name);
        if (it != values.constEnd())
            out += *it;
        else
            out += QStringView(text).mid(open, close + 2 - open);
        from = close + 2;
    }
    return out;
}

/*! Parsed, checked parts of one component file. */
struct ComponentTemplate
{
    QString fileName;
    json parts = json::array(); //!< part element objects, frames still expressions
};

const ComponentTemplate *templateOf(const std::shared_ptr<const void> &t)
{
    return static_cast<const ComponentTemplate *>(t.get());
}

bool paramValueValid(const ComponentParam &p, const QString &value)
{
    if (p.type == QLatin1String("color"))
        return ColorRef::parse(value).has_value();
    if (p.type == QLatin1String("image"))
        return value.isEmpty() || value.startsWith(QLatin1String("asset:")) || value.startsWith(QLatin1String("data:"));
    if (p.type == QLatin1String("font"))
        return !value.trimmed().isEmpty();
    return true;
}

/*! The values to substitute: the instance's valid values over the defaults.
 *  Values that do not suit their parameter's type are named in \a rejected. */
QHash<QString, QString> effectiveValues(const ComponentDef &def, const std::map<QString, QString> *given,
                                        QStringList *rejected = nullptr)
{
    QHash<QString, QString> values;
    for (const ComponentParam &p : def.params) {
        QString v = p.defaultValue;
        if (given) {
            const auto it = given->find(p.name);
            if (it != given->end()) {
                if (paramValueValid(p, it->second))
                    v = it->second.left(kMaxParamLength);
                else if (rejected)
                    rejected->append(QStringLiteral("parameter \"%1\" = \"%2\" is not a valid %3 value; using the default \"%4\"")
                                         .arg(p.name, it->second.left(60), p.type, p.defaultValue));
            }
        }
        values.insert(p.name, v);
    }
    return values;
}

/*! Copies \a part with the instance's values in: frames in slide points,
 *  placeholders substituted, multiline values one paragraph per line. */
class Expander
{
public:
    Expander(const ComponentDef &def, const QHash<QString, QString> &values, const Frame &instance)
        : m_def(def), m_values(values), m_instance(instance)
    {}

    /*! Resolves frames in \a el (and group children); false with \a why on a bad expression. */
    bool resolveFrames(json &el, QString *why) const
    {
        auto fit = el.find("frame");
        if (fit == el.end() || !fit->is_object()) {
            *why = QStringLiteral("frame is required but missing");
            return false;
        }
        json &f = *fit;
        const char *keys[] = {"x", "y", "w", "h"};
        double v[4] = {0, 0, 0, 0};
        for (int k = 0; k < 4; ++k) {
            const auto it = f.find(keys[k]);
            if (it == f.end()) {
                *why = QStringLiteral("frame.%1 is required but missing").arg(QLatin1String(keys[k]));
                return false;
            }
            QString error;
            const std::optional<FrameTerm> term = parseFrameExpression(*it, &error);
            if (!term) {
                *why = QStringLiteral("frame.%1: %2").arg(QLatin1String(keys[k]), error);
                return false;
            }
            const bool horizontal = k == 0 || k == 2;
            const double ref = horizontal ? m_instance.w : m_instance.h;
            double value = term->abs + term->pct / 100.0 * ref;
            if (k == 0)
                value += m_instance.x;
            else if (k == 1)
                value += m_instance.y;
            else
                value = std::max(0.0, value);
            v[k] = value;
        }
        f["x"] = v[0];
        f["y"] = v[1];
        f["w"] = v[2];
        f["h"] = v[3];
        if (auto children = el.find("children"); children != el.end() && children->is_array()) {
            QRectF bounds;
            for (json &child : *children) {
                if (!child.is_object())
                    continue;
                if (!resolveFrames(child, why))
                    return false;
                const json &cf = child["frame"];
                const QRectF r(cf["x"].get<double>(), cf["y"].get<double>(), cf["w"].get<double>(), cf["h"].get<double>());
                bounds = bounds.isNull() ? r : bounds.united(r);
            }
            if (!bounds.isNull()) {
                f["x"] = bounds.x();
                f["y"] = bounds.y();
                f["w"] = bounds.width();
                f["h"] = bounds.height();
            }
        }
        return true;
    }

    /*! Substitutes placeholders everywhere in \a j except frames. */
    void substituteAll(json &j) const
    {
        if (j.is_string()) {
            const QString text = q(j.get_ref<const std::string &>());
            if (text.contains(QLatin1String("{{")))
                j = s(substitute(text, m_values));
            return;
        }
        if (j.is_array()) {
            for (json &item : j)
                substituteAll(item);
            return;
        }
        if (!j.is_object())
            return;
        for (auto it = j.begin(); it != j.end(); ++it) {
            if (it.key() == "frame")
                continue;
            if (it.key() == "paragraphs" && it.value().is_array())
                expandParagraphs(it.value());
            substituteAll(it.value());
        }
    }

private:
    /*! The first multiline parameter a paragraph's runs name, or empty. */
    QString multilineParamIn(const json &paragraph) const
    {
        const auto runs = paragraph.find("runs");
        if (runs == paragraph.end() || !runs->is_array())
            return {};
        for (const json &run : *runs) {
            const auto text = run.find("text");
            if (text == run.end() || !text->is_string())
                continue;
            for (const QString &name : placeholders(q(text->get_ref<const std::string &>()))) {
                const ComponentParam *p = m_def.param(name);
                if (p && p->type == QLatin1String("multiline"))
                    return name;
            }
        }
        return {};
    }

    void expandParagraphs(json &paragraphs) const
    {
        json out = json::array();
        for (const json &para : paragraphs) {
            const QString name = para.is_object() ? multilineParamIn(para) : QString();
            if (name.isEmpty()) {
                out.push_back(para);
                continue;
            }
            QStringList lines = m_values.value(name).split(u'\n');
            if (lines.size() > kMaxLines)
                lines = lines.mid(0, kMaxLines);
            const int baseLevel = para.value("level", 0);
            for (QString line : lines) {
                if (line.endsWith(u'\r'))
                    line.chop(1);
                // Leading tabs indent list items: "\tDetail" is level 1.
                int tabs = 0;
                while (tabs < line.size() && line.at(tabs) == u'\t')
                    ++tabs;
                json copy = para;
                const QString placeholder = QStringLiteral("{{%1}}").arg(name);
                for (json &run : copy["runs"]) {
                    auto text = run.find("text");
                    if (text == run.end() || !text->is_string())
                        continue;
                    QString t = q(text->get_ref<const std::string &>());
                    // Normalise "{{ name }}" spellings before replacing.
                    static const QRegularExpression spaced(QStringLiteral("\\{\\{\\s*([^}]*?)\\s*\\}\\}"));
                    t.replace(spaced, QStringLiteral("{{\\1}}"));
                    t.replace(placeholder, line.mid(tabs));
                    *text = s(t);
                }
                const int level = std::clamp(baseLevel + tabs, 0, 8);
                if (level != 0)
                    copy["level"] = level;
                else
                    copy.erase("level");
                out.push_back(std::move(copy));
            }
        }
        paragraphs = std::move(out);
    }

    const ComponentDef &m_def;
    const QHash<QString, QString> &m_values;
    const Frame &m_instance;
};

/*! Renames the ids of a part and its children to `INSTANCE/PART`. */
void renameIds(json &el, const QString &instanceId)
{
    if (auto it = el.find("id"); it != el.end() && it->is_string())
        *it = s(instanceId + u'/' + q(it->get_ref<const std::string &>()));
    if (auto children = el.find("children"); children != el.end() && children->is_array()) {
        for (json &c : *children) {
            if (c.is_object())
                renameIds(c, instanceId);
        }
    }
}

/*! Whether a part's `when` / `unless` conditions let it show. */
bool partVisible(const json &part, const QHash<QString, QString> &values)
{
    if (auto w = part.find("when"); w != part.end() && w->is_string()
        && values.value(q(w->get_ref<const std::string &>())).trimmed().isEmpty())
        return false;
    if (auto u = part.find("unless"); u != part.end() && u->is_string()
        && !values.value(q(u->get_ref<const std::string &>())).trimmed().isEmpty())
        return false;
    return true;
}

/*!
 * One part of \a def for \a instance, or nullopt when it is hidden or
 * cannot be built (\a why says why).
 */
std::optional<Element> expandPart(const ComponentDef &def, const json &part, const QHash<QString, QString> &values,
                                  const Element &instance, const QString &path, const QString &fileName,
                                  QString *why)
{
    if (!partVisible(part, values))
        return std::nullopt;
    json el = part;
    el.erase("when");
    el.erase("unless");
    const Expander expander(def, values, instance.frame);
    if (!expander.resolveFrames(el, why))
        return std::nullopt;
    expander.substituteAll(el);
    renameIds(el, instance.id.isEmpty() ? QStringLiteral("component") : instance.id);
    QVector<SpecError> errors;
    std::optional<Element> e = SpecJson::elementFromJson(el, path, fileName, errors);
    if (!e && !errors.isEmpty())
        *why = errors.first().toString();
    return e;
}

void addError(QVector<SpecError> &errors, const QString &file, const QString &path, const QString &message)
{
    SpecError e;
    e.file = file;
    e.path = path;
    e.message = message;
    errors.append(e);
}

/*! Checks the parts of a component: ids, frames, placeholders, conditions,
 *  and that each part reads as a spec element with the default values. */
void checkParts(const ComponentDef &def, const json &parts, const QString &file, QVector<SpecError> &errors)
{
    std::set<std::string> ids;
    const QHash<QString, QString> defaults = effectiveValues(def, nullptr);
    std::function<void(const json &, const QString &, bool)> visit;
    visit = [&](const json &el, const QString &path, bool topLevel) {
        if (!el.is_object()) {
            addError(errors, file, path, QStringLiteral("expected an element object"));
            return;
        }
        if (auto id = el.find("id"); id != el.end() && id->is_string()) {
            const std::string &v = id->get_ref<const std::string &>();
            if (v.find('/') != std::string::npos)
                addError(errors, file, path + QStringLiteral(".id"), QStringLiteral("part ids may not contain '/'"));
            if (!ids.insert(v).second)
                addError(errors, file, path + QStringLiteral(".id"),
                         QStringLiteral("the part id \"%1\" is used twice; part ids must be unique in the component").arg(q(v)));
        }
        if (el.value("type", std::string()) == "component")
            addError(errors, file, path + QStringLiteral(".type"), QStringLiteral("components cannot contain components; use text, shape, image or group parts"));
        for (const char *cond : {"when", "unless"}) {
            const auto c = el.find(cond);
            if (c == el.end())
                continue;
            if (!topLevel)
                addError(errors, file, path + u'.' + QLatin1String(cond), QStringLiteral("conditions are allowed on top-level parts only"));
            else if (!c->is_string() || !def.param(q(c->get_ref<const std::string &>())))
                addError(errors, file, path + u'.' + QLatin1String(cond), QStringLiteral("expected the name of a parameter of this component"));
        }
        if (auto f = el.find("frame"); f != el.end() && f->is_object()) {
            for (const char *k : {"x", "y", "w", "h"}) {
                const auto v = f->find(k);
                if (v == f->end())
                    continue; // elementFromJson reports it
                QString why;
                if (!parseFrameExpression(*v, &why))
                    addError(errors, file, path + QStringLiteral(".frame.") + QLatin1String(k), why);
            }
        }
        // Placeholders must name parameters.
        std::function<void(const json &, const QString &)> strings = [&](const json &j, const QString &p) {
            if (j.is_string()) {
                for (const QString &name : placeholders(q(j.get_ref<const std::string &>()))) {
                    if (!def.param(name))
                        addError(errors, file, p, QStringLiteral("\"{{%1}}\" names no parameter of this component").arg(name));
                }
            } else if (j.is_array()) {
                for (size_t i = 0; i < j.size(); ++i)
                    strings(j[i], p + u'[' + QString::number(i) + u']');
            } else if (j.is_object()) {
                for (auto it = j.begin(); it != j.end(); ++it) {
                    if (it.key() != "children" && it.key() != "frame")
                        strings(it.value(), p + u'.' + q(it.key()));
                }
            }
        };
        strings(el, path);
        if (auto children = el.find("children"); children != el.end() && children->is_array()) {
            for (size_t i = 0; i < children->size(); ++i)
                visit((*children)[i], path + QStringLiteral(".children[") + QString::number(i) + u']', false);
        }
    };
    for (size_t i = 0; i < parts.size(); ++i)
        visit(parts[i], QStringLiteral("$.parts[%1]").arg(i), true);
    if (!errors.isEmpty())
        return;

    // Each part must read as an element once the defaults are in.
    Element probe;
    probe.id = QStringLiteral("probe");
    probe.frame = Frame{0, 0, def.defaultSize.width(), def.defaultSize.height(), 0};
    for (size_t i = 0; i < parts.size(); ++i) {
        json el = parts[i];
        el.erase("when");
        el.erase("unless");
        const QString path = QStringLiteral("$.parts[%1]").arg(i);
        const Expander expander(def, defaults, probe.frame);
        QString why;
        if (!expander.resolveFrames(el, &why)) {
            addError(errors, file, path, why);
            continue;
        }
        expander.substituteAll(el);
        SpecJson::elementFromJson(el, path, file, errors);
    }
}

/*! Reads one component file into \a def; false with errors on failure. */
bool readComponent(const QByteArray &data, const QString &file, ComponentDef &def,
                   std::shared_ptr<const void> &parsed, QVector<SpecError> &errors)
{
    const qsizetype errorsBefore = errors.size();
    const std::optional<json> doc = SpecJson::parse(data, file, SpecLimits{}, errors);
    if (!doc)
        return false;
    const json &j = *doc;
    if (!j.is_object()) {
        addError(errors, file, QStringLiteral("$"), QStringLiteral("expected an object"));
        return false;
    }
    auto str = [&](const char *key, bool required) -> QString {
        const auto it = j.find(key);
        if (it == j.end()) {
            if (required)
                addError(errors, file, QStringLiteral("$.") + QLatin1String(key), QStringLiteral("is required but missing"));
            return {};
        }
        if (!it->is_string()) {
            addError(errors, file, QStringLiteral("$.") + QLatin1String(key), QStringLiteral("expected a string"));
            return {};
        }
        return q(it->get_ref<const std::string &>());
    };
    if (str("format", true) != QLatin1String("slidespec-component") && j.contains("format"))
        addError(errors, file, QStringLiteral("$.format"), QStringLiteral("expected \"slidespec-component\""));
    if (const auto v = j.find("version"); v == j.end() || !v->is_number_integer() || v->get<qint64>() < 1)
        addError(errors, file, QStringLiteral("$.version"), QStringLiteral("expected a whole number ≥ 1 (this build writes 1)"));
    def.id = str("id", true);
    if (j.contains("id") && (def.id.isEmpty() || def.id.contains(u'/')))
        addError(errors, file, QStringLiteral("$.id"), QStringLiteral("expected a non-empty id without '/'"));
    def.name = str("name", true);
    def.description = str("description", false);
    def.category = str("category", false);
    def.defaultRole = str("defaultRole", false);
    def.titleParam = str("titleParam", false);

    const auto size = j.find("defaultSize");
    if (size == j.end() || !size->is_object()) {
        addError(errors, file, QStringLiteral("$.defaultSize"), QStringLiteral("is required: an object {\"width\", \"height\"} in points"));
    } else {
        for (const char *k : {"width", "height"}) {
            const auto v = size->find(k);
            if (v == size->end() || !v->is_number() || v->get<double>() <= 0 || v->get<double>() > 20000) {
                addError(errors, file, QStringLiteral("$.defaultSize.") + QLatin1String(k), QStringLiteral("expected a number from 1 to 20000"));
                continue;
            }
            if (k[0] == 'w')
                def.defaultSize.setWidth(v->get<double>());
            else
                def.defaultSize.setHeight(v->get<double>());
        }
    }

    static const QStringList kTypes = {QStringLiteral("text"), QStringLiteral("multiline"), QStringLiteral("color"),
                                       QStringLiteral("image"), QStringLiteral("font")};
    if (const auto params = j.find("params"); params != j.end()) {
        if (!params->is_array()) {
            addError(errors, file, QStringLiteral("$.params"), QStringLiteral("expected an array"));
        } else {
            for (size_t i = 0; i < params->size(); ++i) {
                const json &pj = (*params)[i];
                const QString p = QStringLiteral("$.params[%1]").arg(i);
                if (!pj.is_object()) {
                    addError(errors, file, p, QStringLiteral("expected an object"));
                    continue;
                }
                ComponentParam param;
                for (const auto &[key, target] : {std::pair<const char *, QString *>{"name", &param.name},
                                                  {"label", &param.label}, {"type", &param.type},
                                                  {"default", &param.defaultValue}}) {
                    const auto v = pj.find(key);
                    if (v == pj.end()) {
                        if (key[0] == 'n' || key[0] == 't')
                            addError(errors, file, p + u'.' + QLatin1String(key), QStringLiteral("is required but missing"));
                    } else if (!v->is_string()) {
                        addError(errors, file, p + u'.' + QLatin1String(key), QStringLiteral("expected a string"));
                    } else {
                        *target = q(v->get_ref<const std::string &>());
                    }
                }
                if (pj.contains("type") && !kTypes.contains(param.type))
                    addError(errors, file, p + QStringLiteral(".type"),
                             QStringLiteral("expected one of \"text\", \"multiline\", \"color\", \"image\", \"font\", found \"%1\"").arg(param.type));
                else if (!paramValueValid(param, param.defaultValue))
                    addError(errors, file, p + QStringLiteral(".default"),
                             QStringLiteral("\"%1\" is not a valid %2 value").arg(param.defaultValue, param.type));
                if (param.label.isEmpty())
                    param.label = param.name;
                if (def.param(param.name))
                    addError(errors, file, p + QStringLiteral(".name"), QStringLiteral("the parameter \"%1\" is defined twice").arg(param.name));
                def.params.append(param);
            }
        }
    }
    if (!def.titleParam.isEmpty() && !def.param(def.titleParam))
        addError(errors, file, QStringLiteral("$.titleParam"), QStringLiteral("names no parameter of this component"));

    const auto parts = j.find("parts");
    if (parts == j.end() || !parts->is_array() || parts->empty()) {
        addError(errors, file, QStringLiteral("$.parts"), QStringLiteral("is required: a non-empty array of elements"));
    } else if (errors.size() == errorsBefore) {
        checkParts(def, *parts, file, errors);
    }
    if (errors.size() > errorsBefore)
        return false;
    auto t = std::make_shared<ComponentTemplate>();
    t->fileName = file;
    t->parts = *parts;
    parsed = std::move(t);
    return true;
}

} // namespace

template<>
QString SpecResult<ComponentLibrary>::errorString() const
{
    QStringList lines;
    for (const SpecError &e : errors)
        lines.append(e.toString());
    return lines.join(u'\n');
}

const ComponentParam *ComponentDef::param(const QString &paramName) const
{
    for (const ComponentParam &p : params) {
        if (p.name == paramName)
            return &p;
    }
    return nullptr;
}

ComponentLibrary::ComponentLibrary() = default;
ComponentLibrary::~ComponentLibrary() = default;
ComponentLibrary::ComponentLibrary(ComponentLibrary &&) noexcept = default;
ComponentLibrary &ComponentLibrary::operator=(ComponentLibrary &&) noexcept = default;

SpecResult<ComponentLibrary> ComponentLibrary::loadDirectory(const QString &dir)
{
    SpecResult<ComponentLibrary> result;
    ComponentLibrary lib = loadLenient(dir, result.errors);
    if (result.errors.isEmpty())
        result.value = std::move(lib);
    return result;
}

const ComponentLibrary &ComponentLibrary::builtin()
{
    static const ComponentLibrary library = [] {
        QVector<SpecError> errors;
        ComponentLibrary lib = loadLenient(QStringLiteral(":/slidespec/components"), errors);
        for (const SpecError &e : errors)
            qWarning().noquote() << "built-in component:" << e.toString();
        return lib;
    }();
    return library;
}

const ComponentDef *ComponentLibrary::find(const QString &id) const
{
    for (const ComponentDef &d : m_components) {
        if (d.id == id)
            return &d;
    }
    return nullptr;
}

QVector<Element> ComponentLibrary::expand(const Element &instance, QString *error) const
{
    QVector<Element> out;
    if (instance.kind != ElementKind::Component) {
        if (error)
            *error = QStringLiteral("\"%1\" is not a component instance").arg(instance.id);
        return out;
    }
    const ComponentDef *def = find(instance.component);
    if (!def || !def->m_template) {
        if (error) {
            QStringList known;
            for (const ComponentDef &d : m_components)
                known.append(d.id);
            *error = QStringLiteral("\"%1\" uses the unknown component \"%2\"; known components: %3")
                         .arg(instance.id, instance.component, known.join(QStringLiteral(", ")));
        }
        return out;
    }
    const ComponentTemplate *t = templateOf(def->m_template);
    QStringList problems;
    const QHash<QString, QString> values = effectiveValues(*def, &instance.params, &problems);
    QHash<QString, QString> defaults;
    for (size_t i = 0; i < t->parts.size(); ++i) {
        const json &part = t->parts[i];
        const QString path = QStringLiteral("$.parts[%1]").arg(i);
        QString why;
        std::optional<Element> e = expandPart(*def, part, values, instance, path, t->fileName, &why);
        if (!e && !why.isEmpty()) {
            // A value that breaks the part (say, text in a font field that
            // the reader refuses) falls back to the defaults for this part.
            if (defaults.isEmpty())
                defaults = effectiveValues(*def, nullptr);
            problems.append(why);
            why.clear();
            e = expandPart(*def, part, defaults, instance, path, t->fileName, &why);
        }
        if (!e)
            continue;
        out.append(std::move(*e));
    }
    // Paint order: by the parts' z, then file order; then every part takes
    // the instance's z so the component paints where the instance is.
    std::stable_sort(out.begin(), out.end(), [](const Element &a, const Element &b) { return a.z < b.z; });
    const QString titleRef = def->titleParam.isEmpty() ? QString() : QStringLiteral("{{%1}}").arg(def->titleParam);
    for (qsizetype i = 0; i < out.size(); ++i) {
        Element &e = out[i];
        e.z = instance.z;
        e.locked = instance.locked;
    }
    // The part that shows the title parameter carries the instance's role,
    // so "title" instances expand to a "title" text.
    if (!instance.role.isEmpty() && !titleRef.isEmpty()) {
        for (size_t i = 0; i < t->parts.size(); ++i) {
            const json &part = t->parts[i];
            const std::string dumped = part.dump();
            if (dumped.find(s(titleRef)) == std::string::npos)
                continue;
            const QString partId = instance.id + u'/' + q(part.value("id", std::string()));
            for (Element &e : out) {
                if (e.id == partId)
                    e.role = instance.role;
            }
            break;
        }
    }
    if (error) {
        for (QString &p : problems)
            p.prepend(QStringLiteral("\"%1\" (%2): ").arg(instance.id, def->id));
        *error = problems.join(u'\n');
    }
    return out;
}

std::optional<Element> ComponentLibrary::instantiate(const QString &componentId, const QString &elementId,
                                                     QPointF topLeft) const
{
    const ComponentDef *def = find(componentId);
    if (!def)
        return std::nullopt;
    Element e;
    e.id = elementId;
    e.kind = ElementKind::Component;
    e.component = def->id;
    e.name = def->name;
    e.role = def->defaultRole;
    e.frame = Frame{topLeft.x(), topLeft.y(), def->defaultSize.width(), def->defaultSize.height(), 0};
    // Text is content the user edits, so it is written into the instance;
    // colours, fonts and images stay unset and follow the defaults (brand
    // tokens), so changing the kit restyles the instance.
    for (const ComponentParam &p : def->params) {
        if (p.type == QLatin1String("text") || p.type == QLatin1String("multiline"))
            e.params[p.name] = p.defaultValue;
    }
    return e;
}

ComponentLibrary ComponentLibrary::loadLenient(const QString &dir, QVector<SpecError> &errors)
{
    ComponentLibrary lib;
    const QDir d(dir);
    if (!d.exists()) {
        addError(errors, dir, {}, QStringLiteral("the component folder does not exist"));
        return lib;
    }
    QVector<ComponentDef> defs;
    const QStringList files = d.entryList({QStringLiteral("*.json")}, QDir::Files, QDir::Name);
    for (const QString &name : files) {
        const QString path = d.filePath(name);
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly)) {
            addError(errors, path, {}, QStringLiteral("cannot open the file: %1").arg(file.errorString()));
            continue;
        }
        if (file.size() > 4 * 1024 * 1024) {
            addError(errors, path, {}, QStringLiteral("a component file may be at most 4 MB"));
            continue;
        }
        ComponentDef def;
        if (!readComponent(file.readAll(), path, def, def.m_template, errors))
            continue;
        if (def.id != QFileInfo(name).completeBaseName())
            addError(errors, path, QStringLiteral("$.id"),
                     QStringLiteral("the id \"%1\" differs from the file name; name the file \"%1.json\"").arg(def.id));
        bool duplicate = false;
        for (const ComponentDef &other : defs)
            duplicate = duplicate || other.id == def.id;
        if (duplicate) {
            addError(errors, path, QStringLiteral("$.id"), QStringLiteral("another file already defines \"%1\"").arg(def.id));
            continue;
        }
        defs.append(std::move(def));
    }
    lib.m_components = std::move(defs);
    return lib;
}

} // namespace slidespec
