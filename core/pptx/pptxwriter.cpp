// SPDX-License-Identifier: GPL-3.0-or-later
#include "pptx/pptxwriter.h"

#include "components/componentlibrary.h"
#include "model/assetstore.h"
#include "pptx/pptxxml.h"
#include "text/textlayout.h"

#include <QBuffer>
#include <QCryptographicHash>
#include <QDir>
#include <QFileInfo>
#include <QSaveFile>
#include <QUrl>

#include <zip.h>

#include <algorithm>
#include <cmath>
#include <map>
#include <set>
#include <vector>

namespace slidespec {

using pptx::XmlWriter;

namespace {

// Namespaces ---------------------------------------------------------------

constexpr const char *kNsA = "http://schemas.openxmlformats.org/drawingml/2006/main";
constexpr const char *kNsR = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
constexpr const char *kNsP = "http://schemas.openxmlformats.org/presentationml/2006/main";
constexpr const char *kNsPkgRels = "http://schemas.openxmlformats.org/package/2006/relationships";
constexpr const char *kNsContentTypes = "http://schemas.openxmlformats.org/package/2006/content-types";

constexpr const char *kRelBase = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/";
constexpr const char *kCtPml = "application/vnd.openxmlformats-officedocument.presentationml.";

constexpr const char *kDecorativeUri = "{C183D7F6-B498-43B3-948B-1728B52AA6E4}";
constexpr const char *kDecorativeNs = "http://schemas.microsoft.com/office/drawing/2017/decorative";
constexpr const char *kSvgBlipUri = "{96DAC541-7B7A-43D3-8B79-37D633B846F1}";
constexpr const char *kSvgNs = "http://schemas.microsoft.com/office/drawing/2016/SVG/main";

// IDs in presentation.xml: masters and layouts share one space from 2^31.
constexpr std::int64_t kFirstMasterId = 2147483648LL;
constexpr int kFirstSlideId = 256;
constexpr int kMaxNesting = 32;

// Notes page: 7.5 × 10 in portrait, as PowerPoint writes it.
constexpr std::int64_t kNotesWidth = 6858000;
constexpr std::int64_t kNotesHeight = 9144000;

// Rasterised width of SVG fallbacks, in pixels.
constexpr int kSvgFallbackWidth = 1024;

constexpr double kHalfSqrt2 = 0.70710678118654752440; // cos 45°

QString rel(const char *type)
{
    return QString::fromLatin1(kRelBase) + QLatin1String(type);
}

QString contentType(const char *suffix)
{
    return QString::fromLatin1(kCtPml) + QLatin1String(suffix);
}

// ST_Coordinate's range; PowerPoint refuses files with coordinates outside it.
constexpr double kMaxCoordinatePoints = 27273042316900.0 / kEmuPerPoint;

/*! Points to EMU, with non-finite values as 0 and everything clamped to
 *  ST_Coordinate, so hostile numbers cannot make an unreadable file. */
std::int64_t emu(double points)
{
    if (!std::isfinite(points))
        return 0;
    return pointsToEmu(std::clamp(points, -kMaxCoordinatePoints, kMaxCoordinatePoints));
}

/*! round(\a value × \a factor) clamped to [\a lo, \a hi]; non-finite values give \a lo. */
std::int64_t scaledInt(double value, double factor, std::int64_t lo, std::int64_t hi)
{
    const double v = value * factor;
    if (!std::isfinite(v))
        return lo;
    return std::llround(std::clamp(v, double(lo), double(hi)));
}

/*! A text inset in EMU: ST_Coordinate32, not negative. */
std::int64_t inset(double points)
{
    return std::clamp<std::int64_t>(emu(points), 0, 2147483647);
}

/*! \a value if finite, else \a fallback. */
double finiteOr(double value, double fallback)
{
    return std::isfinite(value) ? value : fallback;
}

/*! Rotation in 60000ths of a degree, normalised to [0, 360°). */
std::int64_t angle(double degrees)
{
    double d = std::fmod(finiteOr(degrees, 0.0), 360.0);
    if (d < 0)
        d += 360.0;
    std::int64_t a = std::llround(d * 60000.0);
    if (a >= 21600000)
        a -= 21600000;
    return a;
}

QString hexRgb(const QColor &c)
{
    return QString::asprintf("%02X%02X%02X", c.red(), c.green(), c.blue());
}

/*! Keeps element names readable and short: no line breaks, ≤ 255 chars. */
QString cleanName(const QString &name)
{
    QString n = name.simplified();
    if (n.size() > 255)
        n.truncate(255);
    return n;
}

// Relationships ---------------------------------------------------------------

struct Relationship
{
    QString id;
    QString type;
    QString target;
    bool external = false;
};

class Relationships
{
public:
    /*! The id of the relationship to \a target, adding it when new. */
    QString add(const QString &type, const QString &target, bool external = false)
    {
        for (const Relationship &r : m_rels) {
            if (r.type == type && r.target == target && r.external == external)
                return r.id;
        }
        Relationship r{QStringLiteral("rId%1").arg(m_rels.size() + 1), type, target, external};
        m_rels.append(r);
        return r.id;
    }

    bool isEmpty() const { return m_rels.isEmpty(); }

    QByteArray xml() const
    {
        XmlWriter x;
        x.start("Relationships").attr("xmlns", kNsPkgRels);
        for (const Relationship &r : m_rels) {
            x.start("Relationship").attr("Id", r.id).attr("Type", r.type).attr("Target", r.target);
            if (r.external)
                x.attr("TargetMode", "External");
            x.end();
        }
        return x.finish();
    }

private:
    QVector<Relationship> m_rels;
};

// Package -----------------------------------------------------------------------

struct Part
{
    QString name;       //!< zip entry name, no leading slash
    QByteArray data;
    bool compressed = true;
};

/*! Writes \a parts as a deterministic zip: given order, 1980-01-01 timestamps. */
QByteArray zipParts(const std::vector<Part> &parts, QString *error)
{
    zip_error_t zerr;
    zip_error_init(&zerr);
    zip_source_t *buffer = zip_source_buffer_create(nullptr, 0, 0, &zerr);
    if (!buffer) {
        *error = QStringLiteral("Could not create the zip buffer: %1").arg(QString::fromUtf8(zip_error_strerror(&zerr)));
        zip_error_fini(&zerr);
        return {};
    }
    zip_t *archive = zip_open_from_source(buffer, ZIP_TRUNCATE, &zerr);
    if (!archive) {
        *error = QStringLiteral("Could not create the zip archive: %1").arg(QString::fromUtf8(zip_error_strerror(&zerr)));
        zip_error_fini(&zerr);
        zip_source_free(buffer);
        return {};
    }
    zip_error_fini(&zerr);
    zip_source_keep(buffer); // we read it back after zip_close()

    auto fail = [&](const QString &what) {
        *error = QStringLiteral("Could not write the PowerPoint package (%1): %2")
                     .arg(what, QString::fromUtf8(zip_strerror(archive)));
        zip_discard(archive);
        zip_source_free(buffer);
        return QByteArray();
    };

    // MS-DOS date 1980-01-01 00:00:00: year 0, month 1, day 1.
    constexpr zip_uint16_t kDosDate = (0 << 9) | (1 << 5) | 1;
    constexpr zip_uint16_t kDosTime = 0;
    for (const Part &part : parts) {
        zip_source_t *source = zip_source_buffer(archive, part.data.constData(), zip_uint64_t(part.data.size()), 0);
        if (!source)
            return fail(part.name);
        const QByteArray name = part.name.toUtf8();
        const zip_int64_t index = zip_file_add(archive, name.constData(), source, ZIP_FL_ENC_UTF_8);
        if (index < 0) {
            zip_source_free(source);
            return fail(part.name);
        }
        if (zip_set_file_compression(archive, zip_uint64_t(index), part.compressed ? ZIP_CM_DEFLATE : ZIP_CM_STORE,
                                     part.compressed ? 6 : 0) < 0
            || zip_file_set_dostime(archive, zip_uint64_t(index), kDosTime, kDosDate, 0) < 0)
            return fail(part.name);
    }
    if (zip_close(archive) < 0)
        return fail(QStringLiteral("close"));

    QByteArray out;
    zip_stat_t st;
    zip_stat_init(&st);
    if (zip_source_stat(buffer, &st) < 0 || zip_source_open(buffer) < 0) {
        *error = QStringLiteral("Could not read back the zip archive");
        zip_source_free(buffer);
        return {};
    }
    out.resize(qsizetype(st.size));
    const zip_int64_t read = zip_source_read(buffer, out.data(), st.size);
    zip_source_close(buffer);
    zip_source_free(buffer);
    if (read < 0 || zip_uint64_t(read) != st.size) {
        *error = QStringLiteral("Could not read back the zip archive");
        return {};
    }
    return out;
}

// Layouts ---------------------------------------------------------------------------

struct PlaceholderSpec
{
    const char *type;   //!< ph type
    int idx;            //!< 0 = no idx attribute
    const char *name;
    double x, y, w, h;  //!< fractions of the slide size
};

struct LayoutSpec
{
    const char *key;    //!< Slide::layout spelling
    const char *name;   //!< shown in PowerPoint's layout gallery
    const char *type;   //!< ST_SlideLayoutType
    QVector<PlaceholderSpec> placeholders;
};

const QVector<LayoutSpec> &layoutSpecs()
{
    static const QVector<LayoutSpec> specs = {
        {"title", "Title Slide", "title",
         {{"ctrTitle", 0, "Title", 0.10, 0.28, 0.80, 0.24}, {"subTitle", 1, "Subtitle", 0.10, 0.55, 0.80, 0.15}}},
        {"titleBody", "Title and Content", "obj",
         {{"title", 0, "Title", 0.05, 0.05, 0.90, 0.15}, {"body", 1, "Content", 0.05, 0.23, 0.90, 0.70}}},
        {"twoColumns", "Two Content", "twoObj",
         {{"title", 0, "Title", 0.05, 0.05, 0.90, 0.15},
          {"body", 1, "Left Content", 0.05, 0.23, 0.435, 0.70},
          {"body", 2, "Right Content", 0.515, 0.23, 0.435, 0.70}}},
        {"sectionHeader", "Section Header", "secHead",
         {{"title", 0, "Title", 0.05, 0.35, 0.90, 0.20}, {"body", 1, "Text", 0.05, 0.57, 0.90, 0.12}}},
        {"imageText", "Picture with Caption", "picTx",
         {{"title", 0, "Title", 0.05, 0.05, 0.40, 0.15},
          {"pic", 1, "Picture", 0.50, 0.05, 0.45, 0.90},
          {"body", 2, "Text", 0.05, 0.23, 0.40, 0.70}}},
        {"quote", "Quote", "cust",
         {{"title", 0, "Quote", 0.10, 0.25, 0.80, 0.35}, {"body", 1, "Attribution", 0.10, 0.62, 0.80, 0.10}}},
        {"closing", "Closing", "cust", {{"title", 0, "Title", 0.10, 0.35, 0.80, 0.22}}},
        {"blank", "Blank", "blank", {}},
    };
    return specs;
}

QString normalisedKey(const QString &s)
{
    QString out;
    for (const QChar c : s) {
        if (c.isLetterOrNumber())
            out += c.toLower();
    }
    return out;
}

// Theme --------------------------------------------------------------------------

struct ThemeColors
{
    // dk1, lt1, dk2, lt2, accent1–6, hlink, folHlink
    QColor colors[12];
};

QColor pickColor(const BrandKit &kit, std::initializer_list<const char *> tokens, QColor fallback)
{
    for (const char *t : tokens) {
        if (const auto c = kit.color(QLatin1String(t)); c && c->isValid())
            return *c;
    }
    return fallback;
}

ThemeColors themeColors(const BrandKit &kit)
{
    ThemeColors t;
    t.colors[0] = pickColor(kit, {"text", "foreground", "dark"}, QColor(0x00, 0x00, 0x00));
    t.colors[1] = pickColor(kit, {"background", "light", "surface"}, QColor(0xFF, 0xFF, 0xFF));
    t.colors[2] = pickColor(kit, {"dark", "textMuted", "textSecondary", "secondaryText", "muted", "secondary", "text"}, QColor(0x44, 0x54, 0x6A));
    t.colors[3] = pickColor(kit, {"light", "surface", "backgroundAlt", "backgroundSecondary", "border", "background"}, QColor(0xE7, 0xE6, 0xE6));
    t.colors[4] = pickColor(kit, {"primary", "accent1"}, QColor(0x44, 0x72, 0xC4));
    t.colors[5] = pickColor(kit, {"secondary", "accent2"}, QColor(0xED, 0x7D, 0x31));
    t.colors[6] = pickColor(kit, {"accent", "accent3", "tertiary"}, QColor(0xA5, 0xA5, 0xA5));
    t.colors[7] = pickColor(kit, {"accent2", "accent4", "success"}, QColor(0xFF, 0xC0, 0x00));
    t.colors[8] = pickColor(kit, {"accent3", "accent5", "warning"}, QColor(0x5B, 0x9B, 0xD5));
    t.colors[9] = pickColor(kit, {"accent4", "accent6", "danger", "error"}, QColor(0x70, 0xAD, 0x47));
    t.colors[10] = pickColor(kit, {"link", "hyperlink", "primary"}, QColor(0x05, 0x63, 0xC1));
    t.colors[11] = pickColor(kit, {"visitedLink", "followedLink", "secondary"}, QColor(0x95, 0x4F, 0x72));
    return t;
}

QByteArray themeXml(const QString &name, const ThemeColors &colors, const QString &majorFont, const QString &minorFont)
{
    static const char *kSlots[12] = {"a:dk1", "a:lt1", "a:dk2", "a:lt2", "a:accent1", "a:accent2",
                                     "a:accent3", "a:accent4", "a:accent5", "a:accent6", "a:hlink", "a:folHlink"};
    XmlWriter x;
    x.start("a:theme").attr("xmlns:a", kNsA).attr("name", name);
    x.start("a:themeElements");
    x.start("a:clrScheme").attr("name", name);
    for (int i = 0; i < 12; ++i)
        x.start(kSlots[i]).start("a:srgbClr").attr("val", hexRgb(colors.colors[i])).end().end();
    x.end();
    x.start("a:fontScheme").attr("name", name);
    for (const auto &[tag, family] : {std::pair{"a:majorFont", majorFont}, std::pair{"a:minorFont", minorFont}}) {
        x.start(tag);
        x.start("a:latin").attr("typeface", family).end();
        x.start("a:ea").attr("typeface", "").end();
        x.start("a:cs").attr("typeface", "").end();
        x.end();
    }
    x.end();
    x.start("a:fmtScheme").attr("name", name);
    x.start("a:fillStyleLst");
    for (int i = 0; i < 3; ++i)
        x.start("a:solidFill").start("a:schemeClr").attr("val", "phClr").end().end();
    x.end();
    x.start("a:lnStyleLst");
    for (const int w : {6350, 12700, 19050}) {
        x.start("a:ln").attr("w", w).attr("cap", "flat").attr("cmpd", "sng").attr("algn", "ctr");
        x.start("a:solidFill").start("a:schemeClr").attr("val", "phClr").end().end();
        x.start("a:prstDash").attr("val", "solid").end();
        x.empty("a:miter");
        x.end();
    }
    x.end();
    x.start("a:effectStyleLst");
    for (int i = 0; i < 3; ++i)
        x.start("a:effectStyle").empty("a:effectLst").end();
    x.end();
    x.start("a:bgFillStyleLst");
    for (int i = 0; i < 3; ++i)
        x.start("a:solidFill").start("a:schemeClr").attr("val", "phClr").end().end();
    x.end();
    x.end(); // fmtScheme
    x.end(); // themeElements
    x.empty("a:objectDefaults");
    x.empty("a:extraClrSchemeLst");
    return x.finish();
}

void writeClrMap(XmlWriter &x, const char *tag)
{
    x.start(tag)
        .attr("bg1", "lt1").attr("tx1", "dk1").attr("bg2", "lt2").attr("tx2", "dk2")
        .attr("accent1", "accent1").attr("accent2", "accent2").attr("accent3", "accent3")
        .attr("accent4", "accent4").attr("accent5", "accent5").attr("accent6", "accent6")
        .attr("hlink", "hlink").attr("folHlink", "folHlink")
        .end();
}

void writeSpTreeHeader(XmlWriter &x)
{
    x.start("p:nvGrpSpPr");
    x.start("p:cNvPr").attr("id", 1).attr("name", "").end();
    x.empty("p:cNvGrpSpPr");
    x.empty("p:nvPr");
    x.end();
    x.start("p:grpSpPr").start("a:xfrm");
    x.start("a:off").attr("x", 0).attr("y", 0).end();
    x.start("a:ext").attr("cx", 0).attr("cy", 0).end();
    x.start("a:chOff").attr("x", 0).attr("y", 0).end();
    x.start("a:chExt").attr("cx", 0).attr("cy", 0).end();
    x.end().end();
}

void writeRect(XmlWriter &x, std::int64_t ox, std::int64_t oy, std::int64_t cx, std::int64_t cy)
{
    x.start("a:xfrm");
    x.start("a:off").attr("x", ox).attr("y", oy).end();
    x.start("a:ext").attr("cx", cx).attr("cy", cy).end();
    x.end();
}

void writePlaceholder(XmlWriter &x, int id, const PlaceholderSpec &ph, std::int64_t slideW, std::int64_t slideH,
                      const QString &prompt = {})
{
    x.start("p:sp");
    x.start("p:nvSpPr");
    x.start("p:cNvPr").attr("id", id).attr("name", QString::fromLatin1(ph.name) + u' ' + QString::number(id - 1)).end();
    x.start("p:cNvSpPr").start("a:spLocks").attr("noGrp", 1).end().end();
    x.start("p:nvPr").start("p:ph").attr("type", ph.type);
    if (ph.idx > 0)
        x.attr("idx", ph.idx);
    x.end().end();
    x.end();
    x.start("p:spPr");
    writeRect(x, std::llround(ph.x * double(slideW)), std::llround(ph.y * double(slideH)),
              std::llround(ph.w * double(slideW)), std::llround(ph.h * double(slideH)));
    x.end();
    if (qstrcmp(ph.type, "pic") != 0 && qstrcmp(ph.type, "sldImg") != 0) {
        x.start("p:txBody");
        x.empty("a:bodyPr");
        x.empty("a:lstStyle");
        x.start("a:p");
        if (!prompt.isEmpty())
            x.start("a:r").start("a:rPr").attr("lang", "en-US").end().start("a:t").text(prompt).end().end();
        x.start("a:endParaRPr").attr("lang", "en-US").end();
        x.end();
        x.end();
    }
    x.end();
}

void writeLevelStyle(XmlWriter &x, const char *tag, int size, const char *font, bool bullet, std::int64_t marL)
{
    x.start(tag).attr("marL", marL).attr("indent", bullet ? -228600 : 0).attr("algn", "l").attr("rtl", 0);
    x.start("a:spcBef").start("a:spcPts").attr("val", bullet ? 1000 : 0).end().end();
    if (bullet) {
        x.start("a:buFont").attr("typeface", "Arial").end();
        x.start("a:buChar").attr("char", "\u2022").end();
    } else {
        x.empty("a:buNone");
    }
    x.start("a:defRPr").attr("sz", size).attr("kern", 1200);
    x.start("a:solidFill").start("a:schemeClr").attr("val", "tx1").end().end();
    x.start("a:latin").attr("typeface", font).end();
    x.start("a:ea").attr("typeface", font[1] == 'm' && font[2] == 'j' ? "+mj-ea" : "+mn-ea").end();
    x.start("a:cs").attr("typeface", font[1] == 'm' && font[2] == 'j' ? "+mj-cs" : "+mn-cs").end();
    x.end();
    x.end();
}

// Media ------------------------------------------------------------------------------

struct Picture
{
    QString target;     //!< package part of the raster image (PNG/JPEG/GIF), "ppt/media/…"
    QString svgTarget;  //!< package part of the SVG original, or empty
    QSize pixels;
    QString error;      //!< why the image could not be embedded; empty when fine
};

QString displaySrc(const QString &src)
{
    if (src.startsWith(QLatin1String("data:")))
        return src.left(src.indexOf(u',') > 0 ? std::min<qsizetype>(src.indexOf(u','), 40) : 40) + QStringLiteral(",…");
    return src.left(80);
}

// The deck writer: state of one write() call ---------------------------------------------

class DeckWriter
{
public:
    DeckWriter(const Deck &deck, const ComponentLibrary &components, const TextLayoutEngine &textLayout,
               const AssetStore &assets)
        : m_deck(deck)
        , m_kit(deck.brand)
        , m_components(components)
        , m_textLayout(textLayout)
        , m_assets(assets)
    {}

    QByteArray run(QString *error, const PptxWriter::Progress &progress, QStringList *warnings);

private:
    struct SlideContext
    {
        int slideIndex = 0;
        int nextId = 2;
        Relationships rels;
    };

    // Parts
    QByteArray contentTypesXml() const;
    QByteArray rootRelsXml() const;
    QByteArray coreXml() const;
    QByteArray appXml() const;
    QByteArray presentationXml() const;
    QByteArray presentationRelsXml() const;
    QByteArray masterXml() const;
    QByteArray masterRelsXml() const;
    QByteArray layoutXml(int index) const;
    QByteArray notesMasterXml() const;
    QByteArray notesSlideXml(int slideIndex) const;
    QByteArray slideXml(int slideIndex, Relationships &rels);

    // Slide content
    void writeBackground(XmlWriter &x, const Background &bg, SlideContext &ctx);
    void writeElement(XmlWriter &x, const Element &e, SlideContext &ctx, int depth);
    void writeNvProps(XmlWriter &x, int id, const QString &name, const QString &descr, bool decorative);
    void writeXfrm(XmlWriter &x, const QRectF &rect, double rotation, bool flipV = false);
    void writeShape(XmlWriter &x, const Element &e, SlideContext &ctx);
    void writeLine(XmlWriter &x, const Element &e, SlideContext &ctx);
    void writeTextBody(XmlWriter &x, const TextBody &body, QSizeF frameSize, SlideContext &ctx,
                       QSizeF presetInset = QSizeF(0, 0));
    void writeRun(XmlWriter &x, const TextRun &run, const TextStyle &bodyStyle, SlideContext &ctx);
    void writePicture(XmlWriter &x, const Element &e, SlideContext &ctx);
    void writePlaceholderShape(XmlWriter &x, const Element &e, SlideContext &ctx, const QString &why);
    void writeGroup(XmlWriter &x, const Element &e, const QString &name, const QVector<Element> &children,
                    SlideContext &ctx, int depth);
    void writeFill(XmlWriter &x, const std::optional<ColorRef> &color, const QString &where);
    void writeColor(XmlWriter &x, const QColor &c);
    void writeStroke(XmlWriter &x, const std::optional<Stroke> &stroke, const QString &where);

    std::optional<QColor> resolveColor(const ColorRef &ref, const QString &where);
    const Picture &picture(const QString &src);
    QString addMedia(const QByteArray &bytes, const QString &extension);
    QString hyperlinkRel(const QString &link, SlideContext &ctx, bool *slideJump);
    QString where(const SlideContext &ctx, const Element &e) const;
    void warn(const QString &message);

    QString mediaTarget(const QString &part) const { return QStringLiteral("../") + part.mid(4); }
    bool hasNotes() const { return m_notesCount > 0; }

    const Deck &m_deck;
    const BrandKit &m_kit;
    const ComponentLibrary &m_components;
    const TextLayoutEngine &m_textLayout;
    const AssetStore &m_assets;

    std::int64_t m_slideW = 0;
    std::int64_t m_slideH = 0;
    int m_notesCount = 0;
    QStringList m_warnings;
    std::set<QString> m_warned;

    std::map<QByteArray, QString> m_mediaByHash; //!< sha-256 → part name
    std::vector<Part> m_media;                   //!< in first-use order
    std::set<QString> m_mediaExtensions;
    std::map<QString, Picture> m_pictures;       //!< by src
};

void DeckWriter::warn(const QString &message)
{
    if (m_warned.insert(message).second)
        m_warnings.append(message);
}

QString DeckWriter::where(const SlideContext &ctx, const Element &e) const
{
    return QStringLiteral("Slide %1, element \"%2\"").arg(ctx.slideIndex + 1).arg(e.id.isEmpty() ? e.name : e.id);
}

std::optional<QColor> DeckWriter::resolveColor(const ColorRef &ref, const QString &whereText)
{
    if (ref.isNull())
        return std::nullopt;
    const std::optional<QColor> c = m_kit.resolve(ref);
    if (!c || !c->isValid()) {
        warn(QStringLiteral("%1: the colour \"%2\" is not in the brand kit; written without it. "
                            "Add the token to the kit or use a #RRGGBB colour.")
                 .arg(whereText, ref.toString()));
        return std::nullopt;
    }
    return c;
}

QByteArray DeckWriter::run(QString *error, const PptxWriter::Progress &progress, QStringList *warnings)
{
    QString dummy;
    if (!error)
        error = &dummy;
    error->clear();

    m_slideW = emu(m_deck.size.width());
    m_slideH = emu(m_deck.size.height());
    // ST_SlideSizeCoordinate: 1 in to 56 in per side.
    if (m_slideW < 914400 || m_slideH < 914400 || m_slideW > 51206400 || m_slideH > 51206400) {
        *error = QStringLiteral("The slide size %1 × %2 pt is outside what PowerPoint supports "
                                "(72 pt to 4032 pt per side). Change the deck's size.")
                     .arg(m_deck.size.width()).arg(m_deck.size.height());
        return {};
    }
    for (const Slide &s : m_deck.slides) {
        if (!s.notes.trimmed().isEmpty())
            ++m_notesCount;
    }

    const int total = int(m_deck.slides.size());
    std::vector<Part> slideParts;
    slideParts.reserve(size_t(total) * 3);
    for (int i = 0; i < total; ++i) {
        Relationships rels;
        QByteArray xml = slideXml(i, rels);
        const QString base = QStringLiteral("ppt/slides/slide%1.xml").arg(i + 1);
        slideParts.push_back({base, std::move(xml)});
        slideParts.push_back({QStringLiteral("ppt/slides/_rels/slide%1.xml.rels").arg(i + 1), rels.xml()});
        if (progress && !progress(i + 1, total)) {
            *error = QStringLiteral("Export cancelled.");
            return {};
        }
    }

    const ThemeColors colors = themeColors(m_kit);
    const FontResolver &fonts = m_textLayout.fonts();
    const QString majorFont = fonts.resolve(QStringLiteral("brand:heading"), m_kit);
    const QString minorFont = fonts.resolve(QStringLiteral("brand:body"), m_kit);
    const QString themeName = m_kit.name.isEmpty() ? QStringLiteral("Slidespec") : cleanName(m_kit.name);

    std::vector<Part> parts;
    parts.push_back({QStringLiteral("[Content_Types].xml"), contentTypesXml()});
    parts.push_back({QStringLiteral("_rels/.rels"), rootRelsXml()});
    parts.push_back({QStringLiteral("docProps/core.xml"), coreXml()});
    parts.push_back({QStringLiteral("docProps/app.xml"), appXml()});
    parts.push_back({QStringLiteral("ppt/presentation.xml"), presentationXml()});
    parts.push_back({QStringLiteral("ppt/_rels/presentation.xml.rels"), presentationRelsXml()});
    parts.push_back({QStringLiteral("ppt/presProps.xml"), [] {
                         XmlWriter x;
                         x.start("p:presentationPr").attr("xmlns:a", kNsA).attr("xmlns:r", kNsR).attr("xmlns:p", kNsP);
                         return x.finish();
                     }()});
    parts.push_back({QStringLiteral("ppt/viewProps.xml"), [] {
                         XmlWriter x;
                         x.start("p:viewPr").attr("xmlns:a", kNsA).attr("xmlns:r", kNsR).attr("xmlns:p", kNsP);
                         x.start("p:normalViewPr");
                         x.start("p:restoredLeft").attr("sz", 15620).end();
                         x.start("p:restoredTop").attr("sz", 94660).end();
                         x.end();
                         x.start("p:gridSpacing").attr("cx", 76200).attr("cy", 76200).end();
                         return x.finish();
                     }()});
    parts.push_back({QStringLiteral("ppt/tableStyles.xml"), [] {
                         XmlWriter x;
                         x.start("a:tblStyleLst").attr("xmlns:a", kNsA).attr("def", "{5C22544A-7EE6-4342-B048-85BDC9FD1C3A}");
                         return x.finish();
                     }()});
    parts.push_back({QStringLiteral("ppt/theme/theme1.xml"), themeXml(themeName, colors, majorFont, minorFont)});
    parts.push_back({QStringLiteral("ppt/slideMasters/slideMaster1.xml"), masterXml()});
    parts.push_back({QStringLiteral("ppt/slideMasters/_rels/slideMaster1.xml.rels"), masterRelsXml()});
    for (int i = 0; i < layoutSpecs().size(); ++i) {
        parts.push_back({QStringLiteral("ppt/slideLayouts/slideLayout%1.xml").arg(i + 1), layoutXml(i)});
        Relationships r;
        r.add(rel("slideMaster"), QStringLiteral("../slideMasters/slideMaster1.xml"));
        parts.push_back({QStringLiteral("ppt/slideLayouts/_rels/slideLayout%1.xml.rels").arg(i + 1), r.xml()});
    }
    if (hasNotes()) {
        parts.push_back({QStringLiteral("ppt/theme/theme2.xml"),
                         themeXml(themeName + QStringLiteral(" Notes"), colors, majorFont, minorFont)});
        parts.push_back({QStringLiteral("ppt/notesMasters/notesMaster1.xml"), notesMasterXml()});
        Relationships r;
        r.add(rel("theme"), QStringLiteral("../theme/theme2.xml"));
        parts.push_back({QStringLiteral("ppt/notesMasters/_rels/notesMaster1.xml.rels"), r.xml()});
    }
    for (Part &p : slideParts)
        parts.push_back(std::move(p));
    for (int i = 0; i < total; ++i) {
        if (m_deck.slides.at(i).notes.trimmed().isEmpty())
            continue;
        parts.push_back({QStringLiteral("ppt/notesSlides/notesSlide%1.xml").arg(i + 1), notesSlideXml(i)});
        Relationships r;
        r.add(rel("notesMaster"), QStringLiteral("../notesMasters/notesMaster1.xml"));
        r.add(rel("slide"), QStringLiteral("../slides/slide%1.xml").arg(i + 1));
        parts.push_back({QStringLiteral("ppt/notesSlides/_rels/notesSlide%1.xml.rels").arg(i + 1), r.xml()});
    }
    for (Part &p : m_media)
        parts.push_back(std::move(p));
    // The content types depend on the media found while writing the slides.
    parts.front().data = contentTypesXml();

    QByteArray zip = zipParts(parts, error);
    if (warnings)
        warnings->append(m_warnings);
    return zip;
}

// Package parts ------------------------------------------------------------------

QByteArray DeckWriter::contentTypesXml() const
{
    XmlWriter x;
    x.start("Types").attr("xmlns", kNsContentTypes);
    std::map<QString, QString> defaults = {
        {QStringLiteral("rels"), QStringLiteral("application/vnd.openxmlformats-package.relationships+xml")},
        {QStringLiteral("xml"), QStringLiteral("application/xml")},
    };
    static const std::map<QString, QString> kMediaTypes = {
        {QStringLiteral("png"), QStringLiteral("image/png")},
        {QStringLiteral("jpeg"), QStringLiteral("image/jpeg")},
        {QStringLiteral("gif"), QStringLiteral("image/gif")},
        {QStringLiteral("svg"), QStringLiteral("image/svg+xml")},
    };
    for (const QString &ext : m_mediaExtensions)
        defaults[ext] = kMediaTypes.at(ext);
    for (const auto &[ext, type] : defaults)
        x.start("Default").attr("Extension", ext).attr("ContentType", type).end();

    auto override = [&x](const QString &part, const QString &type) {
        x.start("Override").attr("PartName", u'/' + part).attr("ContentType", type).end();
    };
    override(QStringLiteral("ppt/presentation.xml"), contentType("presentation.main+xml"));
    override(QStringLiteral("ppt/slideMasters/slideMaster1.xml"), contentType("slideMaster+xml"));
    for (int i = 0; i < layoutSpecs().size(); ++i)
        override(QStringLiteral("ppt/slideLayouts/slideLayout%1.xml").arg(i + 1), contentType("slideLayout+xml"));
    for (int i = 0; i < m_deck.slides.size(); ++i)
        override(QStringLiteral("ppt/slides/slide%1.xml").arg(i + 1), contentType("slide+xml"));
    if (hasNotes()) {
        override(QStringLiteral("ppt/notesMasters/notesMaster1.xml"), contentType("notesMaster+xml"));
        for (int i = 0; i < m_deck.slides.size(); ++i) {
            if (!m_deck.slides.at(i).notes.trimmed().isEmpty())
                override(QStringLiteral("ppt/notesSlides/notesSlide%1.xml").arg(i + 1), contentType("notesSlide+xml"));
        }
    }
    const QString themeType = QStringLiteral("application/vnd.openxmlformats-officedocument.theme+xml");
    override(QStringLiteral("ppt/theme/theme1.xml"), themeType);
    if (hasNotes())
        override(QStringLiteral("ppt/theme/theme2.xml"), themeType);
    override(QStringLiteral("ppt/presProps.xml"), contentType("presProps+xml"));
    override(QStringLiteral("ppt/viewProps.xml"), contentType("viewProps+xml"));
    override(QStringLiteral("ppt/tableStyles.xml"), contentType("tableStyles+xml"));
    override(QStringLiteral("docProps/core.xml"), QStringLiteral("application/vnd.openxmlformats-package.core-properties+xml"));
    override(QStringLiteral("docProps/app.xml"),
             QStringLiteral("application/vnd.openxmlformats-officedocument.extended-properties+xml"));
    return x.finish();
}

QByteArray DeckWriter::rootRelsXml() const
{
    Relationships r;
    r.add(rel("officeDocument"), QStringLiteral("ppt/presentation.xml"));
    r.add(QStringLiteral("http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties"),
          QStringLiteral("docProps/core.xml"));
    r.add(rel("extended-properties"), QStringLiteral("docProps/app.xml"));
    return r.xml();
}

QByteArray DeckWriter::coreXml() const
{
    // No dates: they would make two exports of the same deck differ.
    XmlWriter x;
    x.start("cp:coreProperties")
        .attr("xmlns:cp", "http://schemas.openxmlformats.org/package/2006/metadata/core-properties")
        .attr("xmlns:dc", "http://purl.org/dc/elements/1.1/")
        .attr("xmlns:dcterms", "http://purl.org/dc/terms/")
        .attr("xmlns:dcmitype", "http://purl.org/dc/dcmitype/")
        .attr("xmlns:xsi", "http://www.w3.org/2001/XMLSchema-instance");
    if (!m_deck.title.isEmpty())
        x.start("dc:title").text(m_deck.title).end();
    x.start("dc:creator").text(QStringLiteral("Slidespec")).end();
    return x.finish();
}

QByteArray DeckWriter::appXml() const
{
    int hidden = 0;
    for (const Slide &s : m_deck.slides)
        hidden += s.hidden ? 1 : 0;
    XmlWriter x;
    x.start("Properties")
        .attr("xmlns", "http://schemas.openxmlformats.org/officeDocument/2006/extended-properties")
        .attr("xmlns:vt", "http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes");
    x.start("Application").text(QStringLiteral("Slidespec")).end();
    x.start("PresentationFormat").text(QStringLiteral("Custom")).end();
    x.start("Slides").text(QString::number(m_deck.slides.size())).end();
    x.start("Notes").text(QString::number(m_notesCount)).end();
    x.start("HiddenSlides").text(QString::number(hidden)).end();
    x.start("AppVersion").text(QStringLiteral("16.0000")).end();
    return x.finish();
}

QByteArray DeckWriter::presentationXml() const
{
    XmlWriter x;
    x.start("p:presentation").attr("xmlns:a", kNsA).attr("xmlns:r", kNsR).attr("xmlns:p", kNsP)
        .attr("saveSubsetFonts", 1);
    // rId1 master, rId2… slides, then the notes master (see presentationRelsXml).
    x.start("p:sldMasterIdLst").start("p:sldMasterId").attr("id", kFirstMasterId).attr("r:id", "rId1").end().end();
    const int slideCount = int(m_deck.slides.size());
    if (hasNotes()) {
        x.start("p:notesMasterIdLst").start("p:notesMasterId")
            .attr("r:id", QStringLiteral("rId%1").arg(slideCount + 2)).end().end();
    }
    if (slideCount > 0) {
        x.start("p:sldIdLst");
        for (int i = 0; i < slideCount; ++i)
            x.start("p:sldId").attr("id", kFirstSlideId + i).attr("r:id", QStringLiteral("rId%1").arg(i + 2)).end();
        x.end();
    }
    x.start("p:sldSz").attr("cx", m_slideW).attr("cy", m_slideH);
    if (m_slideW == 9144000 && m_slideH == 6858000)
        x.attr("type", "screen4x3");
    else if (m_slideW == 9144000 && m_slideH == 5143500)
        x.attr("type", "screen16x9");
    else if (m_slideW == 9144000 && m_slideH == 5715000)
        x.attr("type", "screen16x10");
    else
        x.attr("type", "custom");
    x.end();
    x.start("p:notesSz").attr("cx", kNotesWidth).attr("cy", kNotesHeight).end();
    x.start("p:defaultTextStyle");
    x.start("a:defPPr").start("a:defRPr").attr("lang", "en-US").end().end();
    writeLevelStyle(x, "a:lvl1pPr", 1800, "+mn-lt", false, 0);
    x.end();
    return x.finish();
}

QByteArray DeckWriter::presentationRelsXml() const
{
    Relationships r;
    r.add(rel("slideMaster"), QStringLiteral("slideMasters/slideMaster1.xml"));
    for (int i = 0; i < m_deck.slides.size(); ++i)
        r.add(rel("slide"), QStringLiteral("slides/slide%1.xml").arg(i + 1));
    if (hasNotes())
        r.add(rel("notesMaster"), QStringLiteral("notesMasters/notesMaster1.xml"));
    r.add(rel("presProps"), QStringLiteral("presProps.xml"));
    r.add(rel("viewProps"), QStringLiteral("viewProps.xml"));
    r.add(rel("theme"), QStringLiteral("theme/theme1.xml"));
    r.add(rel("tableStyles"), QStringLiteral("tableStyles.xml"));
    return r.xml();
}

/*! Opens p:cSld with the theme's background (bg1) and an empty p:spTree:
 *  the start of both the slide master and the notes master. */
void startMasterShapeTree(XmlWriter &x)
{
    x.start("p:cSld");
    x.start("p:bg").start("p:bgPr");
    x.start("a:solidFill").start("a:schemeClr").attr("val", "bg1").end().end();
    x.empty("a:effectLst");
    x.end().end();
    x.start("p:spTree");
    writeSpTreeHeader(x);
}

QByteArray DeckWriter::masterXml() const
{
    XmlWriter x;
    x.start("p:sldMaster").attr("xmlns:a", kNsA).attr("xmlns:r", kNsR).attr("xmlns:p", kNsP);
    startMasterShapeTree(x);
    writePlaceholder(x, 2, {"title", 0, "Title Placeholder", 0.05, 0.05, 0.90, 0.15}, m_slideW, m_slideH);
    writePlaceholder(x, 3, {"body", 1, "Text Placeholder", 0.05, 0.23, 0.90, 0.70}, m_slideW, m_slideH);
    x.end(); // spTree
    x.end(); // cSld
    writeClrMap(x, "p:clrMap");
    x.start("p:sldLayoutIdLst");
    for (int i = 0; i < layoutSpecs().size(); ++i)
        x.start("p:sldLayoutId").attr("id", kFirstMasterId + 1 + i).attr("r:id", QStringLiteral("rId%1").arg(i + 1)).end();
    x.end();
    x.start("p:txStyles");
    x.start("p:titleStyle");
    writeLevelStyle(x, "a:lvl1pPr", 4400, "+mj-lt", false, 0);
    x.end();
    x.start("p:bodyStyle");
    for (int lvl = 0; lvl < 3; ++lvl) {
        static const char *kTags[] = {"a:lvl1pPr", "a:lvl2pPr", "a:lvl3pPr"};
        writeLevelStyle(x, kTags[lvl], 2800 - 400 * lvl, "+mn-lt", true, 228600 + 457200 * lvl);
    }
    x.end();
    x.start("p:otherStyle");
    x.start("a:defPPr").start("a:defRPr").attr("lang", "en-US").end().end();
    writeLevelStyle(x, "a:lvl1pPr", 1800, "+mn-lt", false, 0);
    x.end();
    x.end(); // txStyles
    return x.finish();
}

QByteArray DeckWriter::masterRelsXml() const
{
    Relationships r;
    for (int i = 0; i < layoutSpecs().size(); ++i)
        r.add(rel("slideLayout"), QStringLiteral("../slideLayouts/slideLayout%1.xml").arg(i + 1));
    r.add(rel("theme"), QStringLiteral("../theme/theme1.xml"));
    return r.xml();
}

QByteArray DeckWriter::layoutXml(int index) const
{
    const LayoutSpec &spec = layoutSpecs().at(index);
    XmlWriter x;
    x.start("p:sldLayout").attr("xmlns:a", kNsA).attr("xmlns:r", kNsR).attr("xmlns:p", kNsP)
        .attr("type", spec.type).attr("preserve", 1);
    x.start("p:cSld").attr("name", spec.name);
    x.start("p:spTree");
    writeSpTreeHeader(x);
    int id = 2;
    for (const PlaceholderSpec &ph : spec.placeholders)
        writePlaceholder(x, id++, ph, m_slideW, m_slideH);
    x.end();
    x.end();
    x.start("p:clrMapOvr").empty("a:masterClrMapping").end();
    return x.finish();
}

QByteArray DeckWriter::notesMasterXml() const
{
    XmlWriter x;
    x.start("p:notesMaster").attr("xmlns:a", kNsA).attr("xmlns:r", kNsR).attr("xmlns:p", kNsP);
    startMasterShapeTree(x);
    // The slide image keeps the deck's aspect ratio: 7/9 of the page wide, at most 3/8 of it high.
    const double imgH = std::min(0.375, 0.7778 * double(kNotesWidth) / double(kNotesHeight) * double(m_slideH) / double(m_slideW));
    writePlaceholder(x, 2, {"sldImg", 0, "Slide Image Placeholder", 0.1111, 0.075, 0.7778, imgH}, kNotesWidth, kNotesHeight);
    writePlaceholder(x, 3, {"body", 1, "Notes Placeholder", 0.10, 0.475, 0.80, 0.45}, kNotesWidth, kNotesHeight);
    x.end();
    x.end();
    writeClrMap(x, "p:clrMap");
    x.start("p:notesStyle");
    writeLevelStyle(x, "a:lvl1pPr", 1200, "+mn-lt", false, 0);
    x.end();
    return x.finish();
}

QByteArray DeckWriter::notesSlideXml(int slideIndex) const
{
    const Slide &slide = m_deck.slides.at(slideIndex);
    XmlWriter x;
    x.start("p:notes").attr("xmlns:a", kNsA).attr("xmlns:r", kNsR).attr("xmlns:p", kNsP);
    x.start("p:cSld");
    x.start("p:spTree");
    writeSpTreeHeader(x);

    const double imgW = 0.7778 * double(kNotesWidth);
    const double imgH = std::min(0.375 * double(kNotesHeight), imgW * double(m_slideH) / double(m_slideW));
    x.start("p:sp");
    x.start("p:nvSpPr");
    x.start("p:cNvPr").attr("id", 2).attr("name", "Slide Image Placeholder 1").end();
    x.start("p:cNvSpPr").start("a:spLocks").attr("noGrp", 1).attr("noRot", 1).attr("noChangeAspect", 1).end().end();
    x.start("p:nvPr").start("p:ph").attr("type", "sldImg").end().end();
    x.end();
    x.start("p:spPr");
    writeRect(x, std::llround((double(kNotesWidth) - imgW) / 2), std::llround(0.075 * double(kNotesHeight)),
              std::llround(imgW), std::llround(imgH));
    x.end();
    x.end();

    x.start("p:sp");
    x.start("p:nvSpPr");
    x.start("p:cNvPr").attr("id", 3).attr("name", "Notes Placeholder 2").end();
    x.start("p:cNvSpPr").start("a:spLocks").attr("noGrp", 1).end().end();
    x.start("p:nvPr").start("p:ph").attr("type", "body").attr("idx", 1).end().end();
    x.end();
    x.start("p:spPr");
    writeRect(x, std::llround(0.10 * double(kNotesWidth)), std::llround(0.475 * double(kNotesHeight)),
              std::llround(0.80 * double(kNotesWidth)), std::llround(0.45 * double(kNotesHeight)));
    x.end();
    x.start("p:txBody");
    x.empty("a:bodyPr");
    x.empty("a:lstStyle");
    QString notes = slide.notes;
    notes.replace(QLatin1String("\r\n"), QLatin1String("\n")).replace(u'\r', u'\n');
    for (const QString &line : notes.split(u'\n')) {
        x.start("a:p");
        if (!line.isEmpty())
            x.start("a:r").start("a:rPr").attr("lang", "en-US").attr("dirty", 0).end().start("a:t").text(line).end().end();
        else
            x.start("a:endParaRPr").attr("lang", "en-US").end();
        x.end();
    }
    x.end(); // txBody
    x.end(); // sp
    x.end(); // spTree
    x.end(); // cSld
    x.start("p:clrMapOvr").empty("a:masterClrMapping").end();
    return x.finish();
}

// Slides ----------------------------------------------------------------------------------

QByteArray DeckWriter::slideXml(int slideIndex, Relationships &rels)
{
    const Slide &slide = m_deck.slides.at(slideIndex);
    SlideContext ctx;
    ctx.slideIndex = slideIndex;
    ctx.rels.add(rel("slideLayout"),
                 QStringLiteral("../slideLayouts/slideLayout%1.xml").arg(PptxWriter::layoutIndex(slide.layout) + 1));

    XmlWriter x;
    x.start("p:sld").attr("xmlns:a", kNsA).attr("xmlns:r", kNsR).attr("xmlns:p", kNsP);
    if (slide.hidden)
        x.attr("show", 0);
    x.start("p:cSld");
    if (!slide.id.isEmpty())
        x.attr("name", cleanName(slide.id));
    writeBackground(x, slide.background, ctx);
    x.start("p:spTree");
    writeSpTreeHeader(x);
    for (const Element *e : slide.paintOrder())
        writeElement(x, *e, ctx, 0);
    x.end(); // spTree
    x.end(); // cSld
    x.start("p:clrMapOvr").empty("a:masterClrMapping").end();

    if (!slide.notes.trimmed().isEmpty())
        ctx.rels.add(rel("notesSlide"), QStringLiteral("../notesSlides/notesSlide%1.xml").arg(slideIndex + 1));
    rels = std::move(ctx.rels);
    return x.finish();
}

void DeckWriter::writeBackground(XmlWriter &x, const Background &bg, SlideContext &ctx)
{
    const QString whereText = QStringLiteral("Slide %1, background").arg(ctx.slideIndex + 1);
    if (!bg.image.isEmpty()) {
        const Picture &pic = picture(bg.image);
        if (pic.error.isEmpty()) {
            const QString rid = ctx.rels.add(rel("image"), mediaTarget(pic.target));
            x.start("p:bg").start("p:bgPr");
            x.start("a:blipFill").attr("dpi", 0).attr("rotWithShape", 1);
            x.start("a:blip").attr("r:embed", rid);
            if (!pic.svgTarget.isEmpty()) {
                const QString svgRid = ctx.rels.add(rel("image"), mediaTarget(pic.svgTarget));
                x.start("a:extLst").start("a:ext").attr("uri", kSvgBlipUri);
                x.start("asvg:svgBlip").attr("xmlns:asvg", kSvgNs).attr("r:embed", svgRid).end();
                x.end().end();
            }
            x.end();
            // Cover the slide: crop the image to the slide's aspect ratio.
            x.start("a:srcRect");
            if (pic.pixels.width() > 0 && pic.pixels.height() > 0) {
                const double ia = double(pic.pixels.width()) / pic.pixels.height();
                const double sa = double(m_slideW) / double(m_slideH);
                if (ia > sa) {
                    const std::int64_t crop = std::llround((1.0 - sa / ia) / 2 * 100000);
                    x.attr("l", crop).attr("r", crop);
                } else if (ia < sa) {
                    const std::int64_t crop = std::llround((1.0 - ia / sa) / 2 * 100000);
                    x.attr("t", crop).attr("b", crop);
                }
            }
            x.end();
            x.start("a:stretch").empty("a:fillRect").end();
            x.end(); // blipFill
            x.empty("a:effectLst");
            x.end().end();
            return;
        }
        warn(QStringLiteral("%1: the image %2 could not be embedded (%3); the background colour is used instead.")
                 .arg(whereText, displaySrc(bg.image), pic.error));
    }
    if (bg.color) {
        const std::optional<QColor> c = resolveColor(*bg.color, whereText);
        if (c) {
            x.start("p:bg").start("p:bgPr");
            x.start("a:solidFill");
            writeColor(x, *c);
            x.end();
            x.empty("a:effectLst");
            x.end().end();
        }
    }
}

void DeckWriter::writeColor(XmlWriter &x, const QColor &c)
{
    x.start("a:srgbClr").attr("val", hexRgb(c));
    if (c.alpha() < 255)
        x.start("a:alpha").attr("val", std::llround(c.alphaF() * 100000.0)).end();
    x.end();
}

void DeckWriter::writeFill(XmlWriter &x, const std::optional<ColorRef> &color, const QString &whereText)
{
    const std::optional<QColor> c = color ? resolveColor(*color, whereText) : std::nullopt;
    if (!c) {
        x.empty("a:noFill");
        return;
    }
    x.start("a:solidFill");
    writeColor(x, *c);
    x.end();
}

void DeckWriter::writeStroke(XmlWriter &x, const std::optional<Stroke> &stroke, const QString &whereText)
{
    const std::optional<QColor> c = stroke ? resolveColor(stroke->color, whereText) : std::nullopt;
    if (!stroke || !c || stroke->width <= 0) {
        x.start("a:ln").empty("a:noFill").end();
        return;
    }
    x.start("a:ln").attr("w", std::min<std::int64_t>(emu(stroke->width), 20116800)); // ST_LineWidth: ≤ 1584 pt
    x.start("a:solidFill");
    writeColor(x, *c);
    x.end();
    const char *dash = "solid";
    if (stroke->dash == DashStyle::Dash)
        dash = "dash";
    else if (stroke->dash == DashStyle::Dot)
        dash = "sysDot";
    x.start("a:prstDash").attr("val", dash).end();
    x.end();
}

void DeckWriter::writeNvProps(XmlWriter &x, int id, const QString &name, const QString &descr, bool decorative)
{
    x.start("p:cNvPr").attr("id", id).attr("name", cleanName(name));
    if (!descr.isEmpty())
        x.attr("descr", descr);
    if (decorative) {
        x.start("a:extLst").start("a:ext").attr("uri", kDecorativeUri);
        x.start("adec:decorative").attr("xmlns:adec", kDecorativeNs).attr("val", 1).end();
        x.end().end();
    }
    x.end();
}

void DeckWriter::writeXfrm(XmlWriter &x, const QRectF &rect, double rotation, bool flipV)
{
    x.start("a:xfrm");
    const std::int64_t rot = angle(rotation);
    if (rot != 0)
        x.attr("rot", rot);
    if (flipV)
        x.attr("flipV", 1);
    x.start("a:off").attr("x", emu(rect.x())).attr("y", emu(rect.y())).end();
    x.start("a:ext").attr("cx", std::max<std::int64_t>(0, emu(rect.width())))
        .attr("cy", std::max<std::int64_t>(0, emu(rect.height()))).end();
    x.end();
}

/*! A locked element cannot be moved, resized or rotated in PowerPoint either. */
static XmlWriter &lockAttrs(XmlWriter &x)
{
    return x.attr("noMove", 1).attr("noResize", 1).attr("noRot", 1);
}

static QString elementName(const Element &e, const char *fallback, int id)
{
    if (!e.name.trimmed().isEmpty())
        return e.name;
    if (!e.id.isEmpty())
        return e.id;
    return QStringLiteral("%1 %2").arg(QLatin1String(fallback)).arg(id - 1);
}

void DeckWriter::writeElement(XmlWriter &x, const Element &e, SlideContext &ctx, int depth)
{
    if (depth > kMaxNesting) {
        warn(QStringLiteral("%1: groups nested deeper than %2 levels are not exported.").arg(where(ctx, e)).arg(kMaxNesting));
        return;
    }
    switch (e.kind) {
    case ElementKind::Text:
        writeShape(x, e, ctx);
        break;
    case ElementKind::Shape:
        if (e.shape == ShapeKind::Line)
            writeLine(x, e, ctx);
        else
            writeShape(x, e, ctx);
        break;
    case ElementKind::Image:
        writePicture(x, e, ctx);
        break;
    case ElementKind::Group: {
        QVector<Element> children = e.children;
        std::stable_sort(children.begin(), children.end(), [](const Element &a, const Element &b) { return a.z < b.z; });
        writeGroup(x, e, elementName(e, "Group", ctx.nextId), children, ctx, depth);
        break;
    }
    case ElementKind::Component: {
        QString error;
        const QVector<Element> parts = m_components.expand(e, &error);
        if (!error.isEmpty())
            warn(QStringLiteral("%1: %2").arg(where(ctx, e), error));
        QString name = e.name.trimmed();
        if (name.isEmpty()) {
            const ComponentDef *def = m_components.find(e.component);
            name = def && !def->name.isEmpty() ? def->name : e.component;
        }
        if (name.isEmpty())
            name = elementName(e, "Component", ctx.nextId);
        if (parts.isEmpty() && !error.isEmpty()) {
            writePlaceholderShape(x, e, ctx, QStringLiteral("Missing component: ") + e.component);
            break;
        }
        writeGroup(x, e, name, parts, ctx, depth);
        break;
    }
    }
}

void DeckWriter::writeGroup(XmlWriter &x, const Element &e, const QString &name, const QVector<Element> &children,
                            SlideContext &ctx, int depth)
{
    const int id = ctx.nextId++;
    x.start("p:grpSp");
    x.start("p:nvGrpSpPr");
    writeNvProps(x, id, name, e.alt, e.decorative);
    x.start("p:cNvGrpSpPr");
    if (e.locked)
        lockAttrs(x.start("a:grpSpLocks")).attr("noUngrp", 1).end();
    x.end();
    x.empty("p:nvPr");
    x.end();
    // Child offset and extent equal the group's: children keep slide coordinates.
    x.start("p:grpSpPr");
    x.start("a:xfrm");
    const std::int64_t rot = angle(e.frame.rotation);
    if (rot != 0)
        x.attr("rot", rot);
    const std::int64_t ox = emu(e.frame.x), oy = emu(e.frame.y);
    const std::int64_t cx = std::max<std::int64_t>(0, emu(e.frame.w)), cy = std::max<std::int64_t>(0, emu(e.frame.h));
    x.start("a:off").attr("x", ox).attr("y", oy).end();
    x.start("a:ext").attr("cx", cx).attr("cy", cy).end();
    x.start("a:chOff").attr("x", ox).attr("y", oy).end();
    x.start("a:chExt").attr("cx", cx).attr("cy", cy).end();
    x.end();
    x.end();
    for (const Element &child : children)
        writeElement(x, child, ctx, depth + 1);
    x.end();
}

void DeckWriter::writeShape(XmlWriter &x, const Element &e, SlideContext &ctx)
{
    const int id = ctx.nextId++;
    const bool isTextBox = e.kind == ElementKind::Text;
    const QString whereText = where(ctx, e);
    x.start("p:sp");
    x.start("p:nvSpPr");
    writeNvProps(x, id, elementName(e, isTextBox ? "TextBox" : "Shape", id), e.alt, e.decorative);
    x.start("p:cNvSpPr");
    if (isTextBox)
        x.attr("txBox", 1);
    if (e.locked)
        lockAttrs(x.start("a:spLocks")).end();
    x.end();
    x.empty("p:nvPr");
    x.end();

    x.start("p:spPr");
    writeXfrm(x, e.frame.rect(), e.frame.rotation);
    const char *geometry = "rect";
    if (!isTextBox && e.shape == ShapeKind::Ellipse)
        geometry = "ellipse";
    else if (!isTextBox && e.shape == ShapeKind::RoundedRectangle)
        geometry = "roundRect";
    x.start("a:prstGeom").attr("prst", geometry);
    if (qstrcmp(geometry, "roundRect") == 0) {
        const double side = std::min(e.frame.w, e.frame.h);
        const double ratio = side > 0 ? finiteOr(e.cornerRadius / side, 0.0) : 0.0;
        const std::int64_t adj = std::llround(std::clamp(ratio, 0.0, 0.5) * 100000.0);
        x.start("a:avLst").start("a:gd").attr("name", "adj").attr("fmla", QStringLiteral("val %1").arg(adj)).end().end();
    } else {
        x.empty("a:avLst");
    }
    x.end();
    writeFill(x, e.fill, whereText);
    if (isTextBox && !e.stroke)
        x.start("a:ln").empty("a:noFill").end();
    else
        writeStroke(x, e.stroke, whereText);
    x.end(); // spPr

    // Preset geometries inset their text rectangle (an ellipse to its
    // inscribed rectangle, a rounded rectangle by 0.29 × the radius), while
    // the shared layout uses the whole frame: take that inset off the
    // body's insets so PowerPoint wraps the text where the preview does.
    QSizeF presetInset(0, 0);
    if (!isTextBox && e.shape == ShapeKind::Ellipse) {
        presetInset = QSizeF(e.frame.w * (1 - kHalfSqrt2) / 2, e.frame.h * (1 - kHalfSqrt2) / 2);
    } else if (!isTextBox && e.shape == ShapeKind::RoundedRectangle) {
        const double r = std::clamp(e.cornerRadius, 0.0, std::max(0.0, std::min(e.frame.w, e.frame.h) / 2));
        presetInset = QSizeF(r * (1 - kHalfSqrt2), r * (1 - kHalfSqrt2));
    }
    if (e.text)
        writeTextBody(x, *e.text, QSizeF(e.frame.w, e.frame.h), ctx, presetInset);
    else if (isTextBox)
        writeTextBody(x, TextBody{}, QSizeF(e.frame.w, e.frame.h), ctx);
    x.end(); // sp
}

void DeckWriter::writeLine(XmlWriter &x, const Element &e, SlideContext &ctx)
{
    const int id = ctx.nextId++;
    x.start("p:cxnSp");
    x.start("p:nvCxnSpPr");
    writeNvProps(x, id, elementName(e, "Line", id), e.alt, e.decorative);
    x.start("p:cNvCxnSpPr");
    if (e.locked)
        lockAttrs(x.start("a:cxnSpLocks")).end();
    x.end();
    x.empty("p:nvPr");
    x.end();
    x.start("p:spPr");
    writeXfrm(x, e.frame.rect(), e.frame.rotation, e.flipV);
    x.start("a:prstGeom").attr("prst", "line").empty("a:avLst").end();
    writeStroke(x, e.stroke, where(ctx, e));
    x.end();
    x.end();
    if (e.text && !e.text->isEmpty())
        warn(QStringLiteral("%1: a line cannot carry text in PowerPoint; its label is not exported.").arg(where(ctx, e)));
}

QString DeckWriter::hyperlinkRel(const QString &link, SlideContext &ctx, bool *slideJump)
{
    *slideJump = false;
    const QString trimmed = link.trimmed();
    if (trimmed.startsWith(u'#')) {
        const QString target = trimmed.mid(1);
        for (int i = 0; i < m_deck.slides.size(); ++i) {
            if (m_deck.slides.at(i).id == target) {
                *slideJump = true;
                return ctx.rels.add(rel("slide"), QStringLiteral("slide%1.xml").arg(i + 1));
            }
        }
        warn(QStringLiteral("Slide %1: the link \"%2\" names no slide of the deck; it is not exported.")
                 .arg(ctx.slideIndex + 1).arg(trimmed.left(80)));
        return {};
    }
    const QUrl url(trimmed, QUrl::TolerantMode);
    if (!url.isValid() || url.scheme().isEmpty()) {
        warn(QStringLiteral("Slide %1: the link \"%2\" is not a valid URL; it is not exported. "
                            "Write a full URL such as https://example.com.")
                 .arg(ctx.slideIndex + 1).arg(trimmed.left(80)));
        return {};
    }
    return ctx.rels.add(rel("hyperlink"), QString::fromLatin1(url.toEncoded()), true);
}

void DeckWriter::writeRun(XmlWriter &x, const TextRun &run, const TextStyle &bodyStyle, SlideContext &ctx)
{
    const ResolvedRunStyle st = resolveRunStyle(bodyStyle.overriddenBy(run.style), m_kit, m_textLayout.fonts());
    QString text = run.text;
    // The shared layout shows line breaks inside a run as spaces; so does the export.
    text.replace(u'\n', u' ').replace(u'\r', u' ').replace(QChar::LineSeparator, u' ').replace(QChar::ParagraphSeparator, u' ');

    x.start("a:r");
    x.start("a:rPr").attr("lang", "en-US")
        .attr("sz", scaledInt(st.size, 100, 100, 400000))
        .attr("b", st.bold ? 1 : 0).attr("i", st.italic ? 1 : 0);
    if (st.underline)
        x.attr("u", "sng");
    x.attr("dirty", 0);
    if (st.color.isValid()) {
        x.start("a:solidFill");
        writeColor(x, st.color);
        x.end();
    } else {
        const ColorRef ref = bodyStyle.overriddenBy(run.style).color.value_or(ColorRef::fromToken(QStringLiteral("text")));
        warn(QStringLiteral("Slide %1: the text colour \"%2\" is not in the brand kit; the theme's text colour is used.")
                 .arg(ctx.slideIndex + 1).arg(ref.toString()));
    }
    x.start("a:latin").attr("typeface", st.family).end();
    x.start("a:cs").attr("typeface", st.family).end();
    if (!run.link.trimmed().isEmpty()) {
        bool slideJump = false;
        const QString rid = hyperlinkRel(run.link, ctx, &slideJump);
        if (!rid.isEmpty()) {
            x.start("a:hlinkClick").attr("r:id", rid);
            if (slideJump)
                x.attr("action", "ppaction://hlinksldjump");
            x.end();
        }
    }
    x.end(); // rPr
    x.start("a:t").text(text).end();
    x.end();
}

void DeckWriter::writeTextBody(XmlWriter &x, const TextBody &body, QSizeF frameSize, SlideContext &ctx,
                               QSizeF presetInset)
{
    const bool measurable = std::isfinite(frameSize.width()) && std::isfinite(frameSize.height())
        && frameSize.width() > 0 && frameSize.height() > 0 && frameSize.width() <= kMaxCoordinatePoints
        && frameSize.height() <= kMaxCoordinatePoints;
    const double scale = body.isEmpty() || !measurable ? 1.0 : m_textLayout.fitScale(body, m_kit, frameSize);
    x.start("p:txBody");
    x.start("a:bodyPr").attr("rot", 0).attr("spcFirstLastPara", 0).attr("vertOverflow", "overflow")
        .attr("horzOverflow", "overflow").attr("vert", "horz").attr("wrap", "square")
        .attr("lIns", inset(body.insets.left - presetInset.width()))
        .attr("tIns", inset(body.insets.top - presetInset.height()))
        .attr("rIns", inset(body.insets.right - presetInset.width()))
        .attr("bIns", inset(body.insets.bottom - presetInset.height()))
        .attr("numCol", 1).attr("rtlCol", 0)
        .attr("anchor", body.anchor == VAnchor::Middle ? "ctr" : body.anchor == VAnchor::Bottom ? "b" : "t")
        .attr("anchorCtr", 0);
    if (scale < 1.0) {
        // PowerPoint shows each run at sz × fontScale: the same shrink the
        // shared layout computed, so the text fits when the file is opened.
        x.start("a:normAutofit").attr("fontScale", scaledInt(scale, 100000, 1000, 99999)).end();
    } else {
        x.empty("a:noAutofit");
    }
    x.end(); // bodyPr
    x.empty("a:lstStyle");

    const FontResolver &fonts = m_textLayout.fonts();
    auto endParaRPr = [&](const Paragraph *p) {
        const TextStyle style = p && !p->runs.isEmpty() ? body.style.overriddenBy(p->runs.last().style) : body.style;
        const ResolvedRunStyle st = resolveRunStyle(style, m_kit, fonts);
        x.start("a:endParaRPr").attr("lang", "en-US")
            .attr("sz", scaledInt(st.size, 100, 100, 400000)).attr("dirty", 0);
        if (st.color.isValid()) {
            x.start("a:solidFill");
            writeColor(x, st.color);
            x.end();
        }
        x.start("a:latin").attr("typeface", st.family).end();
        x.end();
    };

    if (body.paragraphs.isEmpty()) {
        x.start("a:p");
        endParaRPr(nullptr);
        x.end();
    }
    for (qsizetype pi = 0; pi < body.paragraphs.size(); ++pi) {
        const Paragraph &p = body.paragraphs.at(pi);
        const bool isList = p.list != ListKind::None;
        const int level = std::clamp(p.level, 0, 8);
        x.start("a:p");
        x.start("a:pPr");
        // The same indents as TextLayoutEngine: the hanging room follows the
        // unscaled size of the paragraph's first run.
        const TextStyle firstStyle = p.runs.isEmpty() ? body.style : body.style.overriddenBy(p.runs.first().style);
        const double hanging = listHanging(p.list, resolveRunStyle(firstStyle, m_kit, fonts).size);
        const double marL = kListIndentPerLevel * level + hanging;
        if (marL > 0)
            x.attr("marL", emu(marL));
        if (level > 0)
            x.attr("lvl", level);
        x.attr("indent", isList ? -emu(hanging) : 0);
        const char *algn = "l";
        switch (p.align) {
        case HAlign::Left: algn = "l"; break;
        case HAlign::Center: algn = "ctr"; break;
        case HAlign::Right: algn = "r"; break;
        case HAlign::Justify: algn = "just"; break;
        }
        x.attr("algn", algn);
        if (std::abs(p.lineSpacing - 1.0) > 1e-6)
            x.start("a:lnSpc").start("a:spcPct").attr("val", std::llround(std::clamp(finiteOr(p.lineSpacing, 1.0), 0.0, 132.0) * 100000)).end().end();
        // The shared layout ignores space before the first paragraph and
        // after the last one; so does the export.
        x.start("a:spcBef").start("a:spcPts")
            .attr("val", pi > 0 ? scaledInt(p.spaceBefore, 100, 0, 158400) : 0).end().end();
        x.start("a:spcAft").start("a:spcPts")
            .attr("val", pi + 1 < body.paragraphs.size() ? scaledInt(p.spaceAfter, 100, 0, 158400) : 0)
            .end().end();
        if (p.list == ListKind::Bullet) {
            static const char *kBullets[] = {"\u2022", "\u2013", "\u25E6"};
            x.empty("a:buFontTx");
            x.start("a:buChar").attr("char", kBullets[level % 3]).end();
        } else if (p.list == ListKind::Number) {
            x.empty("a:buFontTx");
            x.start("a:buAutoNum").attr("type", "arabicPeriod").end();
        } else {
            x.empty("a:buNone");
        }
        x.end(); // pPr
        for (const TextRun &r : p.runs) {
            if (r.text.isEmpty())
                continue;
            writeRun(x, r, body.style, ctx);
        }
        endParaRPr(&p);
        x.end(); // p
    }
    x.end(); // txBody
}

QString DeckWriter::addMedia(const QByteArray &bytes, const QString &extension)
{
    QByteArray key = QCryptographicHash::hash(bytes, QCryptographicHash::Sha256);
    key += extension.toLatin1();
    const auto it = m_mediaByHash.find(key);
    if (it != m_mediaByHash.end())
        return it->second;
    const QString part = QStringLiteral("ppt/media/image%1.%2").arg(m_media.size() + 1).arg(extension);
    // PNG, JPEG and GIF are compressed already: store them, deflate only SVG.
    m_media.push_back({part, bytes, extension == QLatin1String("svg")});
    m_mediaExtensions.insert(extension);
    m_mediaByHash.emplace(key, part);
    return part;
}

const Picture &DeckWriter::picture(const QString &src)
{
    const auto cached = m_pictures.find(src);
    if (cached != m_pictures.end())
        return cached->second;

    Picture pic;
    const AssetData data = m_assets.load(m_deck, src);
    if (!data.ok()) {
        pic.error = data.error;
    } else {
        QString imageError;
        const bool isSvg = data.mime == QLatin1String("image/svg+xml");
        const QImage image = m_assets.image(m_deck, src, &imageError, kSvgFallbackWidth);
        if (image.isNull()) {
            pic.error = imageError.isEmpty() ? QStringLiteral("the image could not be decoded") : imageError;
        } else {
            pic.pixels = image.size();
            static const std::map<QString, QString> kNative = {
                {QStringLiteral("image/png"), QStringLiteral("png")},
                {QStringLiteral("image/jpeg"), QStringLiteral("jpeg")},
                {QStringLiteral("image/gif"), QStringLiteral("gif")},
            };
            const auto native = kNative.find(data.mime);
            if (native != kNative.end() && !isSvg) {
                pic.target = addMedia(data.bytes, native->second);
            } else {
                // SVG (as the fallback of the original) and formats
                // PowerPoint may not read (WebP): embed a PNG rendering.
                QByteArray png;
                QBuffer buffer(&png);
                buffer.open(QIODevice::WriteOnly);
                if (!image.save(&buffer, "PNG")) {
                    pic.error = QStringLiteral("the image could not be converted to PNG");
                } else {
                    pic.target = addMedia(png, QStringLiteral("png"));
                    if (isSvg)
                        pic.svgTarget = addMedia(data.bytes, QStringLiteral("svg"));
                }
            }
        }
    }
    return m_pictures.emplace(src, pic).first->second;
}

void DeckWriter::writePlaceholderShape(XmlWriter &x, const Element &e, SlideContext &ctx, const QString &why)
{
    const int id = ctx.nextId++;
    x.start("p:sp");
    x.start("p:nvSpPr");
    writeNvProps(x, id, why, e.alt, e.decorative);
    x.start("p:cNvSpPr");
    if (e.locked)
        lockAttrs(x.start("a:spLocks")).end();
    x.end();
    x.empty("p:nvPr");
    x.end();
    x.start("p:spPr");
    writeXfrm(x, e.frame.rect(), e.frame.rotation);
    x.start("a:prstGeom").attr("prst", "rect").empty("a:avLst").end();
    x.start("a:solidFill").start("a:srgbClr").attr("val", "EEEEEE").end().end();
    x.start("a:ln").attr("w", 12700);
    x.start("a:solidFill").start("a:srgbClr").attr("val", "999999").end().end();
    x.start("a:prstDash").attr("val", "dash").end();
    x.end();
    x.end();
    x.end();
}

void DeckWriter::writePicture(XmlWriter &x, const Element &e, SlideContext &ctx)
{
    const Picture &pic = picture(e.src);
    if (!pic.error.isEmpty()) {
        warn(QStringLiteral("%1: the image %2 could not be embedded (%3); a placeholder is written instead.")
                 .arg(where(ctx, e), displaySrc(e.src), pic.error));
        writePlaceholderShape(x, e, ctx, QStringLiteral("Missing image: ") + (e.name.isEmpty() ? e.id : e.name));
        return;
    }
    const int id = ctx.nextId++;
    const QString rid = ctx.rels.add(rel("image"), mediaTarget(pic.target));
    const QString svgRid = pic.svgTarget.isEmpty() ? QString() : ctx.rels.add(rel("image"), mediaTarget(pic.svgTarget));

    QRectF rect = e.frame.rect();
    double cropL = 0, cropT = 0, cropR = 0, cropB = 0; // fractions
    if (pic.pixels.width() > 0 && pic.pixels.height() > 0 && rect.width() > 0 && rect.height() > 0) {
        const double ia = double(pic.pixels.width()) / pic.pixels.height();
        const double fa = rect.width() / rect.height();
        if (e.fit == ImageFit::Cover) {
            if (ia > fa)
                cropL = cropR = (1.0 - fa / ia) / 2;
            else if (ia < fa)
                cropT = cropB = (1.0 - ia / fa) / 2;
        } else if (e.fit == ImageFit::Contain) {
            QSizeF size = rect.size();
            if (ia > fa)
                size.setHeight(rect.width() / ia);
            else
                size.setWidth(rect.height() * ia);
            const QPointF c = rect.center();
            rect = QRectF(c.x() - size.width() / 2, c.y() - size.height() / 2, size.width(), size.height());
        }
    }

    x.start("p:pic");
    x.start("p:nvPicPr");
    writeNvProps(x, id, elementName(e, "Picture", id), e.alt, e.decorative);
    x.start("p:cNvPicPr").start("a:picLocks").attr("noChangeAspect", 1);
    if (e.locked)
        lockAttrs(x);
    x.end().end();
    x.empty("p:nvPr");
    x.end();
    x.start("p:blipFill");
    x.start("a:blip").attr("r:embed", rid);
    if (!svgRid.isEmpty()) {
        x.start("a:extLst").start("a:ext").attr("uri", kSvgBlipUri);
        x.start("asvg:svgBlip").attr("xmlns:asvg", kSvgNs).attr("r:embed", svgRid).end();
        x.end().end();
    }
    x.end();
    x.start("a:srcRect");
    auto crop = [&x](const char *name, double f) {
        const std::int64_t v = std::llround(f * 100000);
        if (v != 0)
            x.attr(name, v);
    };
    crop("l", cropL);
    crop("t", cropT);
    crop("r", cropR);
    crop("b", cropB);
    x.end();
    x.start("a:stretch").empty("a:fillRect").end();
    x.end(); // blipFill
    x.start("p:spPr");
    writeXfrm(x, rect, e.frame.rotation);
    x.start("a:prstGeom").attr("prst", "rect").empty("a:avLst").end();
    x.end();
    x.end(); // pic
}

} // namespace

// PptxWriter ----------------------------------------------------------------------------

PptxWriter::PptxWriter(const ComponentLibrary &components, const TextLayoutEngine &textLayout, const AssetStore &assets)
    : m_components(components)
    , m_textLayout(textLayout)
    , m_assets(assets)
{}

QStringList PptxWriter::layoutNames()
{
    QStringList names;
    for (const LayoutSpec &spec : layoutSpecs())
        names.append(QString::fromLatin1(spec.name));
    return names;
}

int PptxWriter::layoutIndex(const QString &slideLayout)
{
    static const std::map<QString, int> kAliases = [] {
        std::map<QString, int> m;
        const QVector<LayoutSpec> &specs = layoutSpecs();
        for (int i = 0; i < specs.size(); ++i) {
            m[normalisedKey(QString::fromLatin1(specs.at(i).key))] = i;
            m[normalisedKey(QString::fromLatin1(specs.at(i).name))] = i;
        }
        auto alias = [&m](const char *name, const char *key) {
            m[normalisedKey(QString::fromLatin1(name))] = m.at(normalisedKey(QString::fromLatin1(key)));
        };
        alias("titleSlide", "title");
        alias("cover", "title");
        alias("titleContent", "titleBody");
        alias("titleAndBody", "titleBody");
        alias("content", "titleBody");
        alias("body", "titleBody");
        alias("bullets", "titleBody");
        alias("twoColumn", "twoColumns");
        alias("twoContent", "twoColumns");
        alias("comparison", "twoColumns");
        alias("section", "sectionHeader");
        alias("sectionTitle", "sectionHeader");
        alias("imageAndText", "imageText");
        alias("textImage", "imageText");
        alias("image", "imageText");
        alias("pictureText", "imageText");
        alias("quotation", "quote");
        alias("end", "closing");
        alias("thanks", "closing");
        alias("thankYou", "closing");
        alias("empty", "blank");
        return m;
    }();
    const auto it = kAliases.find(normalisedKey(slideLayout));
    return it == kAliases.end() ? int(layoutSpecs().size()) - 1 : it->second;
}

QByteArray PptxWriter::write(const Deck &deck, QString *error, const Progress &progress, QStringList *warnings) const
{
    DeckWriter writer(deck, m_components, m_textLayout, m_assets);
    return writer.run(error, progress, warnings);
}

bool PptxWriter::writeFile(const Deck &deck, const QString &fileName, QString *error, const Progress &progress,
                           QStringList *warnings) const
{
    QString dummy;
    if (!error)
        error = &dummy;
    const QByteArray data = write(deck, error, progress, warnings);
    if (data.isEmpty()) {
        if (error->isEmpty())
            *error = QStringLiteral("The PowerPoint file could not be produced.");
        return false;
    }
    QSaveFile file(fileName);
    if (!file.open(QIODevice::WriteOnly)) {
        *error = QStringLiteral("Cannot write \"%1\": %2. Choose a folder you can write to.")
                     .arg(QDir::toNativeSeparators(fileName), file.errorString());
        return false;
    }
    if (file.write(data) != data.size() || !file.commit()) {
        *error = QStringLiteral("Writing \"%1\" failed: %2. The previous file, if any, is unchanged.")
                     .arg(QDir::toNativeSeparators(fileName), file.errorString());
        file.cancelWriting();
        return false;
    }
    return true;
}

} // namespace slidespec
