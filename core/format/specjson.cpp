// SPDX-License-Identifier: GPL-3.0-or-later
#include "format/specjson.h"

#include <nlohmann/json.hpp>

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSaveFile>

#include <cmath>
#include <functional>
#include <initializer_list>
#include <set>

using nlohmann::json;

namespace slidespec {

QString SpecError::toString() const
{
    QString where = file.isEmpty() ? QStringLiteral("<input>") : file;
    if (line > 0)
        where += u':' + QString::number(line) + u':' + QString::number(column);
    if (!path.isEmpty())
        where += u": " + path;
    return where + u": " + message;
}

template<typename T>
QString SpecResult<T>::errorString() const
{
    QStringList lines;
    for (const SpecError &e : errors)
        lines.append(e.toString());
    return lines.join(u'\n');
}
template struct SpecResult<Deck>;
template struct SpecResult<BrandKit>;

namespace {

// Geometry beyond this is certainly a mistake (about 350 m).
constexpr double kMaxCoordinate = 1e6;
constexpr double kMaxFontSize = 4000;

QString q(const std::string &s)
{
    return QString::fromStdString(s);
}

std::string s(const QString &q)
{
    return q.toStdString();
}

const char *typeName(const json &j)
{
    switch (j.type()) {
    case json::value_t::null: return "null";
    case json::value_t::object: return "an object";
    case json::value_t::array: return "an array";
    case json::value_t::string: return "a string";
    case json::value_t::boolean: return "a boolean";
    case json::value_t::number_integer:
    case json::value_t::number_unsigned:
    case json::value_t::number_float: return "a number";
    default: return "something else";
    }
}

// The spec's spelling of each enumeration, used to read and to write.
constexpr std::pair<const char *, HAlign> kAligns[] = {
    {"left", HAlign::Left}, {"center", HAlign::Center}, {"right", HAlign::Right}, {"justify", HAlign::Justify}};
constexpr std::pair<const char *, ListKind> kLists[] = {
    {"none", ListKind::None}, {"bullet", ListKind::Bullet}, {"number", ListKind::Number}};
constexpr std::pair<const char *, VAnchor> kAnchors[] = {
    {"top", VAnchor::Top}, {"middle", VAnchor::Middle}, {"bottom", VAnchor::Bottom}};
constexpr std::pair<const char *, DashStyle> kDashes[] = {
    {"solid", DashStyle::Solid}, {"dash", DashStyle::Dash}, {"dot", DashStyle::Dot}};
constexpr std::pair<const char *, ElementKind> kKinds[] = {
    {"text", ElementKind::Text}, {"shape", ElementKind::Shape}, {"image", ElementKind::Image},
    {"group", ElementKind::Group}, {"component", ElementKind::Component}};
constexpr std::pair<const char *, ShapeKind> kShapes[] = {
    {"rect", ShapeKind::Rectangle}, {"roundRect", ShapeKind::RoundedRectangle},
    {"ellipse", ShapeKind::Ellipse}, {"line", ShapeKind::Line}};
constexpr std::pair<const char *, ImageFit> kFits[] = {
    {"contain", ImageFit::Contain}, {"cover", ImageFit::Cover}, {"stretch", ImageFit::Stretch}};
constexpr std::pair<const char *, ContrastLevel> kLevels[] = {
    {"AA", ContrastLevel::AA}, {"AAA", ContrastLevel::AAA}};

template<typename E, size_t N>
const char *nameOf(const std::pair<const char *, E> (&table)[N], E value)
{
    for (const auto &[name, v] : table) {
        if (v == value)
            return name;
    }
    return table[0].first;
}

void lineColumnAt(const QByteArray &data, qsizetype offset, int &line, int &column)
{
    line = 1;
    column = 1;
    offset = std::min(offset, data.size());
    qsizetype lineStart = 0;
    for (qsizetype i = 0; i < offset; ++i) {
        if (data.at(i) == '\n') {
            ++line;
            lineStart = i + 1;
        }
    }
    // Columns count characters, not bytes: skip UTF-8 continuation bytes.
    for (qsizetype i = lineStart; i < offset; ++i) {
        if ((static_cast<unsigned char>(data.at(i)) & 0xC0) != 0x80)
            ++column;
    }
}

/*! Finds where nesting first exceeds \a maxDepth; -1 when it never does. */
qsizetype tooDeepAt(const QByteArray &data, int maxDepth)
{
    int depth = 0;
    bool inString = false;
    bool escaped = false;
    for (qsizetype i = 0; i < data.size(); ++i) {
        const char c = data.at(i);
        if (inString) {
            if (escaped)
                escaped = false;
            else if (c == '\\')
                escaped = true;
            else if (c == '"')
                inString = false;
            continue;
        }
        if (c == '"') {
            inString = true;
        } else if (c == '{' || c == '[') {
            if (++depth > maxDepth)
                return i;
        } else if (c == '}' || c == ']') {
            --depth;
        }
    }
    return -1;
}

/*!
 * Walks a parsed document, converting it to the model and collecting errors
 * with JSON paths. Every accessor reports its own errors and returns a value
 * that lets the walk continue, so one load reports many problems.
 */
class Reader
{
public:
    Reader(QString fileName, QVector<SpecError> &errors, int maxErrors)
        : m_fileName(std::move(fileName)), m_errors(errors), m_maxErrors(maxErrors)
    {}

    void error(const QString &path, const QString &message)
    {
        if (m_errors.size() >= m_maxErrors)
            return;
        SpecError e;
        e.file = m_fileName;
        e.path = path;
        e.message = message;
        m_errors.append(e);
    }

    static QString member(const QString &path, const char *key)
    {
        return path + u'.' + QLatin1String(key);
    }
    static QString index(const QString &path, qsizetype i)
    {
        return path + u'[' + QString::number(i) + u']';
    }

    bool isObject(const json &j, const QString &path)
    {
        if (j.is_object())
            return true;
        error(path, QStringLiteral("expected an object, found %1").arg(QLatin1String(typeName(j))));
        return false;
    }

    /*! Members of \a obj not in \a known, kept for the round trip. */
    static ExtraFields extras(const json &obj, std::initializer_list<const char *> known)
    {
        json extra = json::object();
        for (auto it = obj.begin(); it != obj.end(); ++it) {
            bool isKnown = false;
            for (const char *k : known) {
                if (it.key() == k) {
                    isKnown = true;
                    break;
                }
            }
            if (!isKnown)
                extra[it.key()] = it.value();
        }
        return ExtraFields(std::move(extra));
    }

    const json *find(const json &obj, const char *key, const QString &path, bool required)
    {
        const auto it = obj.find(key);
        if (it == obj.end()) {
            if (required)
                error(member(path, key), QStringLiteral("is required but missing"));
            return nullptr;
        }
        return &*it;
    }

    std::optional<QString> string(const json &obj, const char *key, const QString &path,
                                  bool required = false)
    {
        const json *v = find(obj, key, path, required);
        if (!v)
            return std::nullopt;
        if (!v->is_string()) {
            error(member(path, key), QStringLiteral("expected a string, found %1").arg(QLatin1String(typeName(*v))));
            return std::nullopt;
        }
        return q(v->get_ref<const std::string &>());
    }

    QString stringOr(const json &obj, const char *key, const QString &path, const QString &fallback = {})
    {
        return string(obj, key, path).value_or(fallback);
    }

    QString id(const json &obj, const char *key, const QString &path)
    {
        const std::optional<QString> v = string(obj, key, path, true);
        if (!v)
            return {};
        if (v->isEmpty() || v->size() > 200) {
            error(member(path, key), QStringLiteral("must be a non-empty string of at most 200 characters"));
            return {};
        }
        return *v;
    }

    std::optional<double> number(const json &obj, const char *key, const QString &path,
                                 double min, double max, bool required = false)
    {
        const json *v = find(obj, key, path, required);
        if (!v)
            return std::nullopt;
        if (!v->is_number()) {
            error(member(path, key), QStringLiteral("expected a number, found %1").arg(QLatin1String(typeName(*v))));
            return std::nullopt;
        }
        const double d = v->get<double>();
        if (!std::isfinite(d) || d < min || d > max) {
            error(member(path, key), QStringLiteral("expected a number from %1 to %2, found %3")
                                         .arg(min).arg(max).arg(d));
            return std::nullopt;
        }
        return d;
    }

    std::optional<int> integer(const json &obj, const char *key, const QString &path, int min, int max)
    {
        const json *v = find(obj, key, path, false);
        if (!v)
            return std::nullopt;
        if (!v->is_number_integer()) {
            error(member(path, key), QStringLiteral("expected a whole number, found %1").arg(QLatin1String(typeName(*v))));
            return std::nullopt;
        }
        const qint64 i = v->get<qint64>();
        if (i < min || i > max) {
            error(member(path, key), QStringLiteral("expected a whole number from %1 to %2, found %3").arg(min).arg(max).arg(i));
            return std::nullopt;
        }
        return static_cast<int>(i);
    }

    std::optional<bool> boolean(const json &obj, const char *key, const QString &path)
    {
        const json *v = find(obj, key, path, false);
        if (!v)
            return std::nullopt;
        if (!v->is_boolean()) {
            error(member(path, key), QStringLiteral("expected true or false, found %1").arg(QLatin1String(typeName(*v))));
            return std::nullopt;
        }
        return v->get<bool>();
    }

    template<typename E, size_t N>
    std::optional<E> enumeration(const json &obj, const char *key, const QString &path,
                                 const std::pair<const char *, E> (&values)[N])
    {
        const std::optional<QString> v = string(obj, key, path);
        if (!v)
            return std::nullopt;
        QStringList names;
        for (const auto &[name, value] : values) {
            if (*v == QLatin1String(name))
                return value;
            names.append(u'"' + QLatin1String(name) + u'"');
        }
        error(member(path, key), QStringLiteral("expected one of %1, found \"%2\"").arg(names.join(QStringLiteral(", ")), *v));
        return std::nullopt;
    }

    std::optional<ColorRef> color(const json &obj, const char *key, const QString &path, bool required = false)
    {
        const std::optional<QString> v = string(obj, key, path, required);
        if (!v)
            return std::nullopt;
        const std::optional<ColorRef> c = ColorRef::parse(*v);
        if (!c)
            error(member(path, key), QStringLiteral("expected a colour \"#RRGGBB\", \"#RRGGBBAA\" or \"brand:TOKEN\", found \"%1\"").arg(*v));
        return c;
    }

    QStringList stringList(const json &obj, const char *key, const QString &path)
    {
        const json *v = find(obj, key, path, false);
        QStringList list;
        if (!v)
            return list;
        if (!v->is_array()) {
            error(member(path, key), QStringLiteral("expected an array of strings, found %1").arg(QLatin1String(typeName(*v))));
            return list;
        }
        for (size_t i = 0; i < v->size(); ++i) {
            const json &item = (*v)[i];
            if (!item.is_string())
                error(index(member(path, key), qsizetype(i)), QStringLiteral("expected a string, found %1").arg(QLatin1String(typeName(item))));
            else
                list.append(q(item.get_ref<const std::string &>()));
        }
        return list;
    }

    const json *array(const json &obj, const char *key, const QString &path, bool required)
    {
        const json *v = find(obj, key, path, required);
        if (v && !v->is_array()) {
            error(member(path, key), QStringLiteral("expected an array, found %1").arg(QLatin1String(typeName(*v))));
            return nullptr;
        }
        return v;
    }

    const json *object(const json &obj, const char *key, const QString &path, bool required)
    {
        const json *v = find(obj, key, path, required);
        if (v && !v->is_object()) {
            error(member(path, key), QStringLiteral("expected an object, found %1").arg(QLatin1String(typeName(*v))));
            return nullptr;
        }
        return v;
    }

    // ---- model pieces -------------------------------------------------

    Insets insets(const json &j, const QString &path, Insets fallback)
    {
        if (!isObject(j, path))
            return fallback;
        Insets in = fallback;
        in.left = number(j, "left", path, 0, kMaxCoordinate).value_or(fallback.left);
        in.top = number(j, "top", path, 0, kMaxCoordinate).value_or(fallback.top);
        in.right = number(j, "right", path, 0, kMaxCoordinate).value_or(fallback.right);
        in.bottom = number(j, "bottom", path, 0, kMaxCoordinate).value_or(fallback.bottom);
        return in;
    }

    Frame frame(const json &j, const QString &path)
    {
        Frame f;
        if (!isObject(j, path))
            return f;
        f.x = number(j, "x", path, -kMaxCoordinate, kMaxCoordinate, true).value_or(0);
        f.y = number(j, "y", path, -kMaxCoordinate, kMaxCoordinate, true).value_or(0);
        f.w = number(j, "w", path, 0, kMaxCoordinate, true).value_or(0);
        f.h = number(j, "h", path, 0, kMaxCoordinate, true).value_or(0);
        f.rotation = number(j, "rotation", path, -360, 360).value_or(0);
        return f;
    }

    TextStyle textStyle(const json &j, const QString &path)
    {
        TextStyle st;
        if (const auto font = string(j, "font", path)) {
            if (font->trimmed().isEmpty())
                error(member(path, "font"), QStringLiteral("expected a font family or \"brand:ROLE\", found an empty string"));
            else
                st.font = *font;
        }
        st.size = number(j, "size", path, 1, kMaxFontSize);
        st.color = color(j, "color", path);
        st.bold = boolean(j, "bold", path);
        st.italic = boolean(j, "italic", path);
        st.underline = boolean(j, "underline", path);
        return st;
    }

    TextRun run(const json &j, const QString &path)
    {
        TextRun r;
        if (!isObject(j, path))
            return r;
        r.text = string(j, "text", path, true).value_or(QString());
        r.style = textStyle(j, path);
        r.link = stringOr(j, "link", path);
        r.extra = extras(j, {"text", "font", "size", "color", "bold", "italic", "underline", "link"});
        return r;
    }

    Paragraph paragraph(const json &j, const QString &path)
    {
        Paragraph p;
        if (!isObject(j, path))
            return p;
        if (const json *runs = array(j, "runs", path, true)) {
            for (size_t i = 0; i < runs->size(); ++i)
                p.runs.append(run((*runs)[i], index(member(path, "runs"), qsizetype(i))));
        }
        p.align = enumeration(j, "align", path, kAligns).value_or(HAlign::Left);
        p.list = enumeration(j, "list", path, kLists).value_or(ListKind::None);
        p.level = integer(j, "level", path, 0, 8).value_or(0);
        p.lineSpacing = number(j, "lineSpacing", path, 0.5, 5).value_or(1.0);
        p.spaceBefore = number(j, "spaceBefore", path, 0, 1000).value_or(0);
        p.spaceAfter = number(j, "spaceAfter", path, 0, 1000).value_or(0);
        p.extra = extras(j, {"runs", "align", "list", "level", "lineSpacing", "spaceBefore", "spaceAfter"});
        return p;
    }

    TextBody textBody(const json &j, const QString &path)
    {
        TextBody t;
        if (!isObject(j, path))
            return t;
        if (const json *paras = array(j, "paragraphs", path, true)) {
            for (size_t i = 0; i < paras->size(); ++i)
                t.paragraphs.append(paragraph((*paras)[i], index(member(path, "paragraphs"), qsizetype(i))));
        }
        if (const json *st = object(j, "style", path, false)) {
            t.style = textStyle(*st, member(path, "style"));
            t.style.extra = extras(*st, {"font", "size", "color", "bold", "italic", "underline"});
        }
        if (const json *in = find(j, "insets", path, false))
            t.insets = insets(*in, member(path, "insets"), kDefaultTextInsets);
        t.anchor = enumeration(j, "anchor", path, kAnchors).value_or(VAnchor::Top);
        t.extra = extras(j, {"paragraphs", "style", "insets", "anchor"});
        return t;
    }

    Stroke stroke(const json &j, const QString &path)
    {
        Stroke st;
        if (!isObject(j, path))
            return st;
        st.color = color(j, "color", path, true).value_or(ColorRef());
        st.width = number(j, "width", path, 0, 1000).value_or(1);
        st.dash = enumeration(j, "dash", path, kDashes).value_or(DashStyle::Solid);
        st.extra = extras(j, {"color", "width", "dash"});
        return st;
    }

    std::optional<Element> element(const json &j, const QString &path, int depth = 0)
    {

        if (!isObject(j, path))
            return std::nullopt;
        const int errorsBefore = int(m_errors.size());
        Element e;
        e.id = id(j, "id", path);
        const std::optional<ElementKind> kind = enumeration(j, "type", path, kKinds);
        if (!kind && !j.contains("type"))
            error(member(path, "type"), QStringLiteral("is required but missing: one of \"text\", \"shape\", \"image\", \"group\", \"component\""));
        e.kind = kind.value_or(ElementKind::Shape);
        e.name = stringOr(j, "name", path);
        e.role = stringOr(j, "role", path);
        if (const json *f = find(j, "frame", path, true))
            e.frame = frame(*f, member(path, "frame"));
        e.z = integer(j, "z", path, -1000000, 1000000).value_or(0);
        e.locked = boolean(j, "locked", path).value_or(false);

        switch (e.kind) {
        case ElementKind::Text:
            if (const json *t = find(j, "text", path, true))
                e.text = textBody(*t, member(path, "text"));
            e.fill = color(j, "fill", path);
            e.extra = extras(j, {"id", "type", "name", "role", "frame", "z", "locked", "text", "fill"});
            break;
        case ElementKind::Shape:
            e.shape = enumeration(j, "shape", path, kShapes).value_or(ShapeKind::Rectangle);
            if (!j.contains("shape"))
                error(member(path, "shape"), QStringLiteral("is required but missing: one of \"rect\", \"roundRect\", \"ellipse\", \"line\""));
            e.fill = color(j, "fill", path);
            if (const json *st = find(j, "stroke", path, false))
                e.stroke = stroke(*st, member(path, "stroke"));
            e.cornerRadius = number(j, "cornerRadius", path, 0, kMaxCoordinate).value_or(0);
            e.flipV = boolean(j, "flipV", path).value_or(false);
            if (const json *t = find(j, "text", path, false))
                e.text = textBody(*t, member(path, "text"));
            e.extra = extras(j, {"id", "type", "name", "role", "frame", "z", "locked", "shape", "fill", "stroke", "cornerRadius", "flipV", "text"});
            break;
        case ElementKind::Image:
            e.src = string(j, "src", path, true).value_or(QString());
            e.alt = stringOr(j, "alt", path);
            e.decorative = boolean(j, "decorative", path).value_or(false);
            e.fit = enumeration(j, "fit", path, kFits).value_or(ImageFit::Contain);
            if (!e.src.isEmpty() && !e.src.startsWith(QLatin1String("asset:")) && !e.src.startsWith(QLatin1String("data:")))
                error(member(path, "src"), QStringLiteral("expected \"asset:ID\" or a data: URI, found \"%1\"").arg(e.src.left(60)));
            e.extra = extras(j, {"id", "type", "name", "role", "frame", "z", "locked", "src", "alt", "decorative", "fit"});
            break;
        case ElementKind::Group:
            if (depth >= 8) {
                error(path, QStringLiteral("groups are nested more than 8 deep; ungroup some of them"));
                break;
            }
            if (const json *children = array(j, "children", path, true)) {
                for (size_t i = 0; i < children->size(); ++i) {
                    if (auto child = element((*children)[i], index(member(path, "children"), qsizetype(i)), depth + 1))
                        e.children.append(std::move(*child));
                }
            }
            e.extra = extras(j, {"id", "type", "name", "role", "frame", "z", "locked", "children"});
            break;
        case ElementKind::Component:
            e.component = id(j, "component", path);
            if (const json *params = object(j, "params", path, false)) {
                for (auto it = params->begin(); it != params->end(); ++it) {
                    if (!it.value().is_string())
                        error(member(member(path, "params"), it.key().c_str()),
                              QStringLiteral("expected a string, found %1").arg(QLatin1String(typeName(it.value()))));
                    else
                        e.params[q(it.key())] = q(it.value().get_ref<const std::string &>());
                }
            }
            e.extra = extras(j, {"id", "type", "name", "role", "frame", "z", "locked", "component", "params"});
            break;
        }
        if (m_errors.size() > errorsBefore)
            return std::nullopt;
        return e;
    }

    Background background(const json &j, const QString &path)
    {
        Background b;
        if (!isObject(j, path))
            return b;
        b.color = color(j, "color", path);
        b.image = stringOr(j, "image", path);
        b.extra = extras(j, {"color", "image"});
        return b;
    }

    std::optional<Slide> slide(const json &j, const QString &path)
    {
        if (!isObject(j, path))
            return std::nullopt;
        const int errorsBefore = int(m_errors.size());
        Slide sl;
        sl.id = id(j, "id", path);
        sl.layout = stringOr(j, "layout", path);
        if (const json *bg = find(j, "background", path, false))
            sl.background = background(*bg, member(path, "background"));
        if (const json *elements = array(j, "elements", path, true)) {
            for (size_t i = 0; i < elements->size(); ++i) {
                if (auto e = element((*elements)[i], index(member(path, "elements"), qsizetype(i))))
                    sl.elements.append(std::move(*e));
            }
        }
        sl.notes = stringOr(j, "notes", path);
        sl.hidden = boolean(j, "hidden", path).value_or(false);
        sl.extra = extras(j, {"id", "layout", "background", "elements", "notes", "hidden"});
        if (m_errors.size() > errorsBefore)
            return std::nullopt;
        return sl;
    }

    BrandKit brandKit(const json &j, const QString &path)
    {
        BrandKit kit;
        if (!isObject(j, path))
            return kit;
        kit.id = stringOr(j, "id", path);
        kit.name = stringOr(j, "name", path);
        if (const json *colors = object(j, "colors", path, true)) {
            for (auto it = colors->begin(); it != colors->end(); ++it) {
                const QString key = q(it.key());
                const QString p = member(member(path, "colors"), it.key().c_str());
                const std::optional<ColorRef> c = it.value().is_string()
                    ? ColorRef::parse(q(it.value().get_ref<const std::string &>())) : std::nullopt;
                if (!c || c->isToken())
                    error(p, QStringLiteral("expected a colour \"#RRGGBB\" or \"#RRGGBBAA\""));
                else if (!ColorRef::parse(u"brand:" + key))
                    error(p, QStringLiteral("token names use letters, digits, '-', '_' and '.'"));
                else
                    kit.colors[key] = c->color();
            }
        }
        if (const json *fonts = object(j, "fonts", path, true)) {
            for (auto it = fonts->begin(); it != fonts->end(); ++it) {
                const QString p = member(member(path, "fonts"), it.key().c_str());
                if (!isObject(it.value(), p))
                    continue;
                FontRole role;
                role.family = string(it.value(), "family", p, true).value_or(QString());
                role.fallbacks = stringList(it.value(), "fallbacks", p);
                role.extra = extras(it.value(), {"family", "fallbacks"});
                kit.fonts[q(it.key())] = role;
            }
        }
        if (const json *logos = array(j, "logos", path, false)) {
            for (size_t i = 0; i < logos->size(); ++i) {
                const QString p = index(member(path, "logos"), qsizetype(i));
                const json &lj = (*logos)[i];
                if (!isObject(lj, p))
                    continue;
                Logo logo;
                logo.id = id(lj, "id", p);
                logo.name = stringOr(lj, "name", p);
                logo.src = string(lj, "src", p, true).value_or(QString());
                logo.variant = stringOr(lj, "variant", p);
                logo.extra = extras(lj, {"id", "name", "src", "variant"});
                kit.logos.append(logo);
            }
        }
        if (const json *g = object(j, "guidance", path, false)) {
            const QString p = member(path, "guidance");
            BrandGuidance &gd = kit.guidance;
            gd.minFontSize = number(*g, "minFontSize", p, 0, 1000).value_or(0);
            gd.allowedColorsOnly = boolean(*g, "allowedColorsOnly", p).value_or(false);
            gd.allowedFontsOnly = boolean(*g, "allowedFontsOnly", p).value_or(false);
            if (const json *m = find(*g, "safeMargins", p, false))
                gd.safeMargins = insets(*m, member(p, "safeMargins"), Insets{});
            gd.contrast = enumeration(*g, "contrast", p, kLevels).value_or(ContrastLevel::AA);
            gd.rules = stringList(*g, "rules", p);
            gd.extra = extras(*g, {"minFontSize", "allowedColorsOnly", "allowedFontsOnly", "safeMargins", "contrast", "rules"});
        }
        kit.extra = extras(j, {"format", "version", "id", "name", "colors", "fonts", "logos", "guidance"});
        return kit;
    }

    void checkHeader(const json &j, const char *expectedFormat, int *version)
    {
        const std::optional<QString> format = string(j, "format", QStringLiteral("$"), true);
        if (format && *format != QLatin1String(expectedFormat))
            error(QStringLiteral("$.format"), QStringLiteral("expected \"%1\", found \"%2\"").arg(QLatin1String(expectedFormat), *format));
        const std::optional<int> v = integer(j, "version", QStringLiteral("$"), 1, 1000000);
        if (!v && !j.contains("version"))
            error(QStringLiteral("$.version"), QStringLiteral("is required but missing: this build writes version %1").arg(kFormatVersion));
        if (version && v)
            *version = *v;
    }

private:
    QString m_fileName;
    QVector<SpecError> &m_errors;
    int m_maxErrors;
};

// ---- writing ----------------------------------------------------------

json num(double v)
{
    if (std::isfinite(v) && std::trunc(v) == v && std::fabs(v) < 9.0e15)
        return json(static_cast<std::int64_t>(v));
    return json(v);
}

json insetsToJson(const Insets &in)
{
    return json{{"left", num(in.left)}, {"top", num(in.top)}, {"right", num(in.right)}, {"bottom", num(in.bottom)}};
}

json withExtras(json obj, const ExtraFields &extra)
{
    if (!extra.isEmpty()) {
        for (auto it = extra.object().begin(); it != extra.object().end(); ++it) {
            if (!obj.contains(it.key()))
                obj[it.key()] = it.value();
        }
    }
    return obj;
}

void styleToJson(json &obj, const TextStyle &st)
{
    if (st.font)
        obj["font"] = s(*st.font);
    if (st.size)
        obj["size"] = num(*st.size);
    if (st.color)
        obj["color"] = s(st.color->toString());
    if (st.bold)
        obj["bold"] = *st.bold;
    if (st.italic)
        obj["italic"] = *st.italic;
    if (st.underline)
        obj["underline"] = *st.underline;
}

json textBodyToJson(const TextBody &t)
{
    json paras = json::array();
    for (const Paragraph &p : t.paragraphs) {
        json runs = json::array();
        for (const TextRun &r : p.runs) {
            json rj = json::object();
            rj["text"] = s(r.text);
            styleToJson(rj, r.style);
            if (!r.link.isEmpty())
                rj["link"] = s(r.link);
            runs.push_back(withExtras(std::move(rj), r.extra));
        }
        json pj = json::object();
        pj["runs"] = std::move(runs);
        if (p.align != HAlign::Left)
            pj["align"] = nameOf(kAligns, p.align);
        if (p.list != ListKind::None)
            pj["list"] = nameOf(kLists, p.list);
        if (p.level != 0)
            pj["level"] = p.level;
        if (p.lineSpacing != 1.0)
            pj["lineSpacing"] = num(p.lineSpacing);
        if (p.spaceBefore != 0)
            pj["spaceBefore"] = num(p.spaceBefore);
        if (p.spaceAfter != 0)
            pj["spaceAfter"] = num(p.spaceAfter);
        paras.push_back(withExtras(std::move(pj), p.extra));
    }
    json tj = json::object();
    tj["paragraphs"] = std::move(paras);
    json style = json::object();
    styleToJson(style, t.style);
    style = withExtras(std::move(style), t.style.extra);
    if (!style.empty())
        tj["style"] = std::move(style);
    if (t.insets != kDefaultTextInsets)
        tj["insets"] = insetsToJson(t.insets);
    if (t.anchor != VAnchor::Top)
        tj["anchor"] = nameOf(kAnchors, t.anchor);
    return withExtras(std::move(tj), t.extra);
}

json brandKitToJson(const BrandKit &kit)
{
    json j = json::object();
    if (!kit.id.isEmpty())
        j["id"] = s(kit.id);
    if (!kit.name.isEmpty())
        j["name"] = s(kit.name);
    json colors = json::object();
    for (const auto &[token, c] : kit.colors)
        colors[s(token)] = s(colorToHex(c));
    j["colors"] = std::move(colors);
    json fonts = json::object();
    for (const auto &[role, f] : kit.fonts) {
        json fj = json::object();
        fj["family"] = s(f.family);
        if (!f.fallbacks.isEmpty()) {
            json fb = json::array();
            for (const QString &name : f.fallbacks)
                fb.push_back(s(name));
            fj["fallbacks"] = std::move(fb);
        }
        fonts[s(role)] = withExtras(std::move(fj), f.extra);
    }
    j["fonts"] = std::move(fonts);
    if (!kit.logos.isEmpty()) {
        json logos = json::array();
        for (const Logo &l : kit.logos) {
            json lj = json::object();
            lj["id"] = s(l.id);
            if (!l.name.isEmpty())
                lj["name"] = s(l.name);
            lj["src"] = s(l.src);
            if (!l.variant.isEmpty())
                lj["variant"] = s(l.variant);
            logos.push_back(withExtras(std::move(lj), l.extra));
        }
        j["logos"] = std::move(logos);
    }
    const BrandGuidance &g = kit.guidance;
    json gj = json::object();
    if (g.minFontSize != 0)
        gj["minFontSize"] = num(g.minFontSize);
    if (g.allowedColorsOnly)
        gj["allowedColorsOnly"] = true;
    if (g.allowedFontsOnly)
        gj["allowedFontsOnly"] = true;
    if (g.safeMargins)
        gj["safeMargins"] = insetsToJson(*g.safeMargins);
    if (g.contrast != ContrastLevel::AA)
        gj["contrast"] = nameOf(kLevels, g.contrast);
    if (!g.rules.isEmpty()) {
        json rules = json::array();
        for (const QString &r : g.rules)
            rules.push_back(s(r));
        gj["rules"] = std::move(rules);
    }
    gj = withExtras(std::move(gj), g.extra);
    if (!gj.empty())
        j["guidance"] = std::move(gj);
    return withExtras(std::move(j), kit.extra);
}

QByteArray readLimited(const QString &fileName, const SpecLimits &limits, QVector<SpecError> &errors)
{
    QFile file(fileName);
    SpecError e;
    e.file = fileName;
    if (!file.open(QIODevice::ReadOnly)) {
        e.message = QStringLiteral("cannot open the file: %1").arg(file.errorString());
        errors.append(e);
        return {};
    }
    if (file.size() > limits.maxFileBytes) {
        e.message = QStringLiteral("the file is %1 MB; specs may be at most %2 MB. "
                                   "Move embedded images out of the file into asset paths.")
                        .arg(double(file.size()) / (1024 * 1024), 0, 'f', 1)
                        .arg(limits.maxFileBytes / (1024 * 1024));
        errors.append(e);
        return {};
    }
    QByteArray data = file.readAll();
    if (file.error() != QFileDevice::NoError) {
        e.message = QStringLiteral("cannot read the file: %1").arg(file.errorString());
        errors.append(e);
        return {};
    }
    return data;
}

} // namespace

namespace SpecJson {

std::optional<json> parse(const QByteArray &data, const QString &fileName, const SpecLimits &limits,
                          QVector<SpecError> &errors)
{
    SpecError e;
    e.file = fileName;
    if (data.size() > limits.maxFileBytes) {
        e.message = QStringLiteral("the input is %1 bytes; specs may be at most %2 bytes")
                        .arg(data.size()).arg(limits.maxFileBytes);
        errors.append(e);
        return std::nullopt;
    }
    const qsizetype deep = tooDeepAt(data, limits.maxDepth);
    if (deep >= 0) {
        lineColumnAt(data, deep, e.line, e.column);
        e.message = QStringLiteral("nesting is deeper than %1 levels; a spec never needs that").arg(limits.maxDepth);
        errors.append(e);
        return std::nullopt;
    }
    try {
        return json::parse(data.constBegin(), data.constEnd());
    } catch (const json::parse_error &ex) {
        // ex.byte is the 1-based offset of the last byte read: the end of
        // the token where the parser noticed the problem.
        QString what = QString::fromUtf8(ex.what());
        const qsizetype offset = qsizetype(ex.byte > 0 ? ex.byte - 1 : 0);
        lineColumnAt(data, offset, e.line, e.column);
        // "[json.exception.parse_error.101] parse error at line 1, column 2: syntax error while parsing value - invalid literal; last read: 'x'"
        const int colon = what.indexOf(QLatin1String(": "), what.indexOf(QLatin1String("parse error")));
        if (colon >= 0)
            what = what.mid(colon + 2);
        e.message = QStringLiteral("invalid JSON: %1").arg(what);
        errors.append(e);
    } catch (const json::out_of_range &ex) {
        // "number overflow parsing '1e999'": no position is given; find the number.
        const QString what = QString::fromUtf8(ex.what());
        const qsizetype quote = what.indexOf(u'\'');
        if (quote >= 0 && what.endsWith(u'\'')) {
            const qsizetype at = data.indexOf(what.mid(quote + 1, what.size() - quote - 2).toUtf8());
            if (at >= 0)
                lineColumnAt(data, at, e.line, e.column);
        }
        e.message = QStringLiteral("invalid JSON: a number is too large for a spec (%1)").arg(what.mid(what.indexOf(u']') + 2));
        errors.append(e);
    } catch (const std::exception &ex) {
        e.message = QStringLiteral("invalid JSON: %1").arg(QString::fromUtf8(ex.what()));
        errors.append(e);
    }
    return std::nullopt;
}

SpecResult<BrandKit> readBrandKit(const QByteArray &data, const QString &fileName, const SpecLimits &limits)
{
    SpecResult<BrandKit> result;
    const std::optional<json> doc = parse(data, fileName, limits, result.errors);
    if (!doc)
        return result;
    Reader reader(fileName, result.errors, limits.maxErrors);
    if (!reader.isObject(*doc, QStringLiteral("$")))
        return result;
    reader.checkHeader(*doc, "slidespec-brand", nullptr);
    BrandKit kit = reader.brandKit(*doc, QStringLiteral("$"));
    if (result.errors.isEmpty())
        result.value = std::move(kit);
    return result;
}

SpecResult<BrandKit> readBrandKitFile(const QString &fileName, const SpecLimits &limits)
{
    SpecResult<BrandKit> result;
    const QByteArray data = readLimited(fileName, limits, result.errors);
    if (!result.errors.isEmpty())
        return result;
    return readBrandKit(data, fileName, limits);
}

SpecResult<Deck> readDeck(const QByteArray &data, const QString &fileName, const QString &baseDir,
                          const SpecLimits &limits)
{
    SpecResult<Deck> result;
    const std::optional<json> doc = parse(data, fileName, limits, result.errors);
    if (!doc)
        return result;
    Reader r(fileName, result.errors, limits.maxErrors);
    const QString root = QStringLiteral("$");
    if (!r.isObject(*doc, root))
        return result;
    const json &j = *doc;

    Deck deck;
    r.checkHeader(j, "slidespec", &deck.version);
    if (deck.version > kFormatVersion) {
        SpecError w;
        w.file = fileName;
        w.path = QStringLiteral("$.version");
        w.message = QStringLiteral("the file is format version %1 and this build knows version %2: "
                                   "members it does not know are kept unchanged, but are not shown or checked")
                        .arg(deck.version).arg(kFormatVersion);
        result.warnings.append(w);
    }
    deck.id = r.id(j, "id", root);
    deck.title = r.stringOr(j, "title", root);
    if (const json *size = r.object(j, "size", root, false)) {
        const QString p = QStringLiteral("$.size");
        deck.size.setWidth(r.number(*size, "width", p, 1, 20000, true).value_or(kDefaultSlideWidth));
        deck.size.setHeight(r.number(*size, "height", p, 1, 20000, true).value_or(kDefaultSlideHeight));
    }

    const json *brand = r.object(j, "brand", root, false);
    const std::optional<QString> brandRef = r.string(j, "brandRef", root);
    if (brand && brandRef) {
        r.error(QStringLiteral("$.brandRef"), QStringLiteral("a deck has either an embedded \"brand\" or a \"brandRef\", not both"));
    } else if (brand) {
        deck.brand = r.brandKit(*brand, QStringLiteral("$.brand"));
    } else if (brandRef) {
        deck.brandRef = *brandRef;
        const QString kitFile = QDir(baseDir.isEmpty() ? QDir::currentPath() : baseDir).filePath(*brandRef);
        SpecResult<BrandKit> kit = readBrandKitFile(kitFile, limits);
        if (kit.ok()) {
            deck.brand = std::move(*kit.value);
        } else {
            r.error(QStringLiteral("$.brandRef"), QStringLiteral("the brand kit \"%1\" could not be loaded:").arg(*brandRef));
            result.errors += kit.errors;
        }
    } else {
        r.error(QStringLiteral("$.brand"), QStringLiteral("is required: embed a brand kit as \"brand\" or name its file in \"brandRef\""));
    }

    if (const json *assets = r.object(j, "assets", root, false)) {
        for (auto it = assets->begin(); it != assets->end(); ++it) {
            const QString p = Reader::member(QStringLiteral("$.assets"), it.key().c_str());
            if (!r.isObject(it.value(), p))
                continue;
            Asset a;
            a.path = r.stringOr(it.value(), "path", p);
            a.data = r.stringOr(it.value(), "data", p);
            a.mime = r.stringOr(it.value(), "mime", p);
            if (a.path.isEmpty() == a.data.isEmpty())
                r.error(p, QStringLiteral("an asset has exactly one of \"path\" (a file relative to the deck) or \"data\" (a data: URI)"));
            if (!a.data.isEmpty() && !a.data.startsWith(QLatin1String("data:")))
                r.error(Reader::member(p, "data"), QStringLiteral("expected a data: URI"));
            if (a.path.contains(QLatin1String("..")) || QDir::isAbsolutePath(a.path))
                r.error(Reader::member(p, "path"), QStringLiteral("must be a relative path inside the deck's folder (no \"..\", not absolute)"));
            a.extra = Reader::extras(it.value(), {"path", "data", "mime"});
            deck.assets[q(it.key())] = a;
        }
    }

    if (const json *slides = r.array(j, "slides", root, true)) {
        for (size_t i = 0; i < slides->size(); ++i) {
            if (auto sl = r.slide((*slides)[i], Reader::index(QStringLiteral("$.slides"), qsizetype(i))))
                deck.slides.append(std::move(*sl));
        }
    }
    deck.extra = Reader::extras(j, {"format", "version", "id", "title", "size", "brand", "brandRef", "assets", "slides"});

    // Identity and reference checks that need the whole deck.
    if (result.errors.isEmpty()) {
        std::set<QString> slideIds;
        std::set<QString> elementIds;
        std::function<void(const QVector<Element> &, const QString &)> visit;
        visit = [&](const QVector<Element> &elements, const QString &p) {
            for (qsizetype i = 0; i < elements.size(); ++i) {
                const Element &e = elements.at(i);
                const QString ep = Reader::index(p, i);
                if (!elementIds.insert(e.id).second)
                    r.error(ep + QStringLiteral(".id"), QStringLiteral("the element id \"%1\" is used twice; ids must be unique in the deck").arg(e.id));
                if (e.src.startsWith(QLatin1String("asset:")) && !deck.assets.count(e.src.mid(6)))
                    r.error(ep + QStringLiteral(".src"), QStringLiteral("refers to the asset \"%1\", which is not in $.assets").arg(e.src.mid(6)));
                visit(e.children, ep + QStringLiteral(".children"));
            }
        };
        for (qsizetype i = 0; i < deck.slides.size(); ++i) {
            const Slide &sl = deck.slides.at(i);
            const QString sp = Reader::index(QStringLiteral("$.slides"), i);
            if (!slideIds.insert(sl.id).second)
                r.error(sp + QStringLiteral(".id"), QStringLiteral("the slide id \"%1\" is used twice; ids must be unique").arg(sl.id));
            if (sl.background.image.startsWith(QLatin1String("asset:")) && !deck.assets.count(sl.background.image.mid(6)))
                r.error(sp + QStringLiteral(".background.image"), QStringLiteral("refers to the asset \"%1\", which is not in $.assets").arg(sl.background.image.mid(6)));
            visit(sl.elements, sp + QStringLiteral(".elements"));
        }
    }

    if (result.errors.isEmpty())
        result.value = std::move(deck);
    return result;
}

SpecResult<Deck> readDeckFile(const QString &fileName, const SpecLimits &limits)
{
    SpecResult<Deck> result;
    const QByteArray data = readLimited(fileName, limits, result.errors);
    if (!result.errors.isEmpty())
        return result;
    return readDeck(data, fileName, QFileInfo(fileName).absolutePath(), limits);
}

json elementToJson(const Element &e)
{

    json j = json::object();
    j["id"] = s(e.id);
    j["type"] = s(elementKindName(e.kind));
    if (!e.name.isEmpty())
        j["name"] = s(e.name);
    if (!e.role.isEmpty())
        j["role"] = s(e.role);
    json f = {{"x", num(e.frame.x)}, {"y", num(e.frame.y)}, {"w", num(e.frame.w)}, {"h", num(e.frame.h)}};
    if (e.frame.rotation != 0)
        f["rotation"] = num(e.frame.rotation);
    j["frame"] = std::move(f);
    if (e.z != 0)
        j["z"] = e.z;
    if (e.locked)
        j["locked"] = true;

    switch (e.kind) {
    case ElementKind::Text:
        j["text"] = textBodyToJson(e.text.value_or(TextBody{}));
        if (e.fill)
            j["fill"] = s(e.fill->toString());
        break;
    case ElementKind::Shape:
        j["shape"] = nameOf(kShapes, e.shape);
        if (e.fill)
            j["fill"] = s(e.fill->toString());
        if (e.stroke) {
            json st = {{"color", s(e.stroke->color.toString())}, {"width", num(e.stroke->width)}};
            if (e.stroke->dash != DashStyle::Solid)
                st["dash"] = nameOf(kDashes, e.stroke->dash);
            j["stroke"] = withExtras(std::move(st), e.stroke->extra);
        }
        if (e.cornerRadius != 0)
            j["cornerRadius"] = num(e.cornerRadius);
        if (e.flipV)
            j["flipV"] = true;
        if (e.text)
            j["text"] = textBodyToJson(*e.text);
        break;
    case ElementKind::Image:
        j["src"] = s(e.src);
        if (!e.alt.isEmpty())
            j["alt"] = s(e.alt);
        if (e.decorative)
            j["decorative"] = true;
        if (e.fit != ImageFit::Contain)
            j["fit"] = nameOf(kFits, e.fit);
        break;
    case ElementKind::Group: {
        json children = json::array();
        for (const Element &c : e.children)
            children.push_back(elementToJson(c));
        j["children"] = std::move(children);
        break;
    }
    case ElementKind::Component: {
        j["component"] = s(e.component);
        if (!e.params.empty()) {
            json params = json::object();
            for (const auto &[k, v] : e.params)
                params[s(k)] = s(v);
            j["params"] = std::move(params);
        }
        break;
    }
    }
    return withExtras(std::move(j), e.extra);
}

json slideToJson(const Slide &sl)
{
    json j = json::object();
    j["id"] = s(sl.id);
    if (!sl.layout.isEmpty())
        j["layout"] = s(sl.layout);
    json bg = json::object();
    if (sl.background.color)
        bg["color"] = s(sl.background.color->toString());
    if (!sl.background.image.isEmpty())
        bg["image"] = s(sl.background.image);
    bg = withExtras(std::move(bg), sl.background.extra);
    if (!bg.empty())
        j["background"] = std::move(bg);
    json elements = json::array();
    for (const Element &e : sl.elements)
        elements.push_back(elementToJson(e));
    j["elements"] = std::move(elements);
    if (!sl.notes.isEmpty())
        j["notes"] = s(sl.notes);
    if (sl.hidden)
        j["hidden"] = true;
    return withExtras(std::move(j), sl.extra);
}

std::optional<Element> elementFromJson(const json &j, const QString &path, const QString &fileName,
                                       QVector<SpecError> &errors)
{
    Reader r(fileName, errors, SpecLimits{}.maxErrors);
    return r.element(j, path);
}

std::optional<Slide> slideFromJson(const json &j, const QString &path, const QString &fileName,
                                   QVector<SpecError> &errors)
{
    Reader r(fileName, errors, SpecLimits{}.maxErrors);
    return r.slide(j, path);
}

QByteArray dump(const json &j)
{
    std::string text = j.dump(2, ' ', false, json::error_handler_t::replace);
    text.push_back('\n');
    return QByteArray::fromStdString(text);
}

QByteArray writeDeck(const Deck &deck)
{
    json j = json::object();
    j["format"] = "slidespec";
    j["version"] = std::max(deck.version, kFormatVersion);
    j["id"] = s(deck.id);
    if (!deck.title.isEmpty())
        j["title"] = s(deck.title);
    if (deck.size != QSizeF(kDefaultSlideWidth, kDefaultSlideHeight))
        j["size"] = {{"width", num(deck.size.width())}, {"height", num(deck.size.height())}};
    if (deck.brandRef.isEmpty())
        j["brand"] = brandKitToJson(deck.brand);
    else
        j["brandRef"] = s(deck.brandRef);
    if (!deck.assets.empty()) {
        json assets = json::object();
        for (const auto &[id, a] : deck.assets) {
            json aj = json::object();
            if (!a.path.isEmpty())
                aj["path"] = s(a.path);
            if (!a.data.isEmpty())
                aj["data"] = s(a.data);
            if (!a.mime.isEmpty())
                aj["mime"] = s(a.mime);
            assets[s(id)] = withExtras(std::move(aj), a.extra);
        }
        j["assets"] = std::move(assets);
    }
    json slides = json::array();
    for (const Slide &sl : deck.slides)
        slides.push_back(slideToJson(sl));
    j["slides"] = std::move(slides);
    return dump(withExtras(std::move(j), deck.extra));
}

QByteArray writeBrandKit(const BrandKit &kit)
{
    json j = brandKitToJson(kit);
    j["format"] = "slidespec-brand";
    j["version"] = kFormatVersion;
    return dump(j);
}

bool writeFileAtomically(const QString &fileName, const QByteArray &data, QString *error)
{
    QSaveFile file(fileName);
    if (!file.open(QIODevice::WriteOnly)) {
        if (error)
            *error = QStringLiteral("%1: cannot write: %2").arg(fileName, file.errorString());
        return false;
    }
    if (file.write(data) != data.size() || !file.commit()) {
        if (error)
            *error = QStringLiteral("%1: cannot write: %2").arg(fileName, file.errorString());
        file.cancelWriting();
        return false;
    }
    return true;
}

} // namespace SpecJson
} // namespace slidespec
