// SPDX-License-Identifier: GPL-3.0-or-later
#include "validation/validator.h"

#include "components/componentlibrary.h"
#include "model/assetstore.h"
#include "text/fontresolver.h"
#include "text/textlayout.h"
#include "validation/contrast.h"
#include "validation/geometry_p.h"

#include <QDir>
#include <QFileInfo>
#include <QImage>
#include <QMutex>
#include <QMutexLocker>
#include <QPolygonF>
#include <QSet>

#include <algorithm>
#include <array>
#include <cmath>
#include <deque>
#include <map>

namespace slidespec {

using namespace ValidationGeometry;

namespace {

constexpr double kTolerance = 0.5;       //!< points: closer than this counts as touching
constexpr double kMinOverlapArea = 2.0;  //!< pt²: smaller intersections are rounding, not overlap
constexpr double kMaxNudge = 24.0;       //!< points: an overlap this shallow is fixed by moving
constexpr int kSampleMaxSide = 256;      //!< images are sampled at most this many pixels a side
constexpr int kMaxCachedImages = 64;
constexpr double kSampleStep = 4.0;      //!< points between contrast samples

double round1(double v) { return std::round(v * 10.0) / 10.0; }
double round2(double v) { return std::round(v * 100.0) / 100.0; }

/*! A number for a message: at most \a decimals, no trailing zeros. */
QString num(double v, int decimals = 1)
{
    QString s = QString::number(v, 'f', decimals);
    if (s.contains(u'.')) {
        while (s.endsWith(u'0'))
            s.chop(1);
        if (s.endsWith(u'.'))
            s.chop(1);
    }
    if (s == QLatin1String("-0"))
        s = QStringLiteral("0");
    return s;
}

QString hexRgb(QRgb c) { return colorToHex(QColor::fromRgb(c | 0xff000000u)); }

bool isDecorRole(const QString &role)
{
    return role == QLatin1String("background") || role == QLatin1String("decoration");
}

/*! A decoded image, downsampled for sampling, or why it could not be had. */
struct ImageEntry
{
    QString src;
    QImage sample;     //!< ARGB32, at most kSampleMaxSide a side
    QSizeF natural;    //!< size of the full image, for fit arithmetic
    QString error;
    bool missing = false; //!< the reference or file does not exist (vs. undecodable bytes)

    bool ok() const { return error.isEmpty() && !sample.isNull(); }

    /*! The pixel (with alpha) at image-relative position \a u, \a v in [0, 1]. */
    QRgb pixelAt(double u, double v) const
    {
        const int x = std::clamp(int(u * sample.width()), 0, sample.width() - 1);
        const int y = std::clamp(int(v * sample.height()), 0, sample.height() - 1);
        return reinterpret_cast<const QRgb *>(sample.constScanLine(y))[x];
    }
};

using ImagePtr = std::shared_ptr<const ImageEntry>;

/*! What the checks need from a text layout: plain values, safe to keep and
 *  share between threads. */
struct TextMeasure
{
    bool overflows = false;
    double requiredHeight = 0;
    QRectF inkRect;                               //!< frame-local
    QVector<TextLayoutResult::RunBox> runBoxes;   //!< frame-local
};

/*! One drawable primitive of a slide, in paint order, with its geometry in slide points. */
struct Prim
{
    const Element *e = nullptr;
    QString reportId;     //!< the id issues name: the element, or its component instance
    QString partId;       //!< the component part's id, or empty
    int owner = 0;        //!< index of the top-level element it belongs to
    bool topLevel = false;
    bool inComponent = false;
    QTransform toSlide;   //!< frame-local → slide
    QTransform toLocal;   //!< slide → frame-local
    Quad quad;
    QRectF bounds;
    bool axisAligned = false; //!< toSlide is a translation: quad == bounds
    bool hasText = false;
    bool decorative = false;
    bool fullBleed = false;
    bool hasFill = false;
    QRgb fill = 0;        //!< resolved fill, with alpha
    ImagePtr image;       //!< decoded image (kind Image)

    bool isImage() const { return e->kind == ElementKind::Image; }
    bool isLine() const { return e->kind == ElementKind::Shape && e->shape == ShapeKind::Line; }
    /*! Whether frame-local point \a l is inside the shape's outline (not its stroke). */
    bool containsLocal(QPointF l, double tol = 0) const
    {
        const double w = e->frame.w, h = e->frame.h;
        if (l.x() < -tol || l.y() < -tol || l.x() > w + tol || l.y() > h + tol)
            return false;
        if (e->kind != ElementKind::Shape || tol > 0)
            return true;
        if (e->shape == ShapeKind::Ellipse) {
            if (w <= 0 || h <= 0)
                return false;
            const double dx = (l.x() - w / 2) / (w / 2);
            const double dy = (l.y() - h / 2) / (h / 2);
            return dx * dx + dy * dy <= 1.0 + 1e-9;
        }
        if (e->shape == ShapeKind::RoundedRectangle) {
            const double r = std::clamp(e->cornerRadius, 0.0, std::min(w, h) / 2);
            if (r <= 0)
                return true;
            const double cx = std::clamp(l.x(), r, w - r);
            const double cy = std::clamp(l.y(), r, h - r);
            const double dx = l.x() - cx, dy = l.y() - cy;
            return dx * dx + dy * dy <= r * r + 1e-9;
        }
        return true;
    }
    bool contains(QPointF slidePoint, double tol = 0) const { return containsLocal(toLocal.map(slidePoint), tol); }
};

/*! Whether \a text has a character that is not white space (no allocation). */
bool hasInk(const QString &text)
{
    return std::any_of(text.cbegin(), text.cend(), [](QChar c) { return !c.isSpace(); });
}

bool hasInk(const TextBody &body)
{
    for (const Paragraph &p : body.paragraphs) {
        for (const TextRun &r : p.runs) {
            if (hasInk(r.text))
                return true;
        }
    }
    return false;
}

QString excerpt(const QString &text)
{
    QString t = text.simplified();
    if (t.size() > 32)
        t = t.left(30).trimmed() + QStringLiteral("\u2026");
    return t;
}

/*! "text “Quarterly results” (t1)", "image (logo)", "component card (c1, part “title”)". */
QString describe(const Prim &p)
{
    const Element &e = *p.e;
    QString what;
    switch (e.kind) {
    case ElementKind::Text: what = QStringLiteral("text"); break;
    case ElementKind::Image: what = QStringLiteral("image"); break;
    case ElementKind::Group: what = QStringLiteral("group"); break;
    case ElementKind::Component: what = QStringLiteral("component"); break;
    case ElementKind::Shape:
        switch (e.shape) {
        case ShapeKind::Rectangle: what = QStringLiteral("rectangle"); break;
        case ShapeKind::RoundedRectangle: what = QStringLiteral("rounded rectangle"); break;
        case ShapeKind::Ellipse: what = QStringLiteral("ellipse"); break;
        case ShapeKind::Line: what = QStringLiteral("line"); break;
        }
        break;
    }
    if (e.text && !e.text->isEmpty())
        what += QStringLiteral(" \u201c%1\u201d").arg(excerpt(e.text->plainText()));
    if (p.partId.isEmpty())
        return QStringLiteral("%1 (%2)").arg(what, p.reportId);
    QString part = p.partId;
    if (part.startsWith(p.reportId + u'/'))
        part = part.mid(p.reportId.size() + 1);
    return QStringLiteral("%1 (part \u201c%2\u201d of component %3)").arg(what, part, p.reportId);
}

QString describeElement(const Element &e)
{
    Prim p;
    p.e = &e;
    p.reportId = e.id;
    if (e.kind == ElementKind::Component)
        return QStringLiteral("component \u201c%1\u201d (%2)").arg(e.component, e.id);
    return describe(p);
}

/*! The slide's title element (first "title" role in paint order), or nullptr. */
const Element *titleElement(const Slide &slide)
{
    for (const Element *e : slide.paintOrder()) {
        if (e->role == QLatin1String("title"))
            return e;
    }
    return nullptr;
}

QString titleKey(const QString &title) { return title.simplified().toCaseFolded(); }

/*! The kit colour nearest to \a c (Euclidean in RGB, weighted for the eye). */
std::optional<QString> nearestToken(const BrandKit &kit, QRgb c)
{
    std::optional<QString> best;
    double bestD = 0;
    for (const auto &[name, color] : kit.colors) {
        const double dr = qRed(c) - color.red(), dg = qGreen(c) - color.green(), db = qBlue(c) - color.blue();
        const double d = 2 * dr * dr + 4 * dg * dg + 3 * db * db;
        if (!best || d < bestD) {
            best = name;
            bestD = d;
        }
    }
    return best;
}

} // namespace

// ---------------------------------------------------------------------------

/*! What the per-slide checks need from the validator. */
struct ValidatorCore
{
    ValidatorCore(const ComponentLibrary &c, const TextLayoutEngine &t, const AssetStore &a)
        : components(c), text(t), assets(a)
    {}

    const ComponentLibrary &components;
    const TextLayoutEngine &text;
    const AssetStore &assets;

    mutable QMutex mutex;
    mutable std::deque<ImagePtr> images; //!< most recent last

    /*! The last measurements of each text element: comparing a body is much
     *  cheaper than building the engine's cache key, and most text does not
     *  change between two validations (a drag moves one element). Only plain
     *  numbers are kept, never the engine's result: that holds font engines
     *  of the thread that made it. */
    struct LayoutMemo
    {
        TextBody body;
        QSizeF size;
        quint64 generation = 0;
        TextMeasure measure;
    };
    mutable QHash<QString, LayoutMemo> layouts; //!< by element (or part) id
    mutable BrandKit layoutKit;                 //!< the kit of the current generation
    mutable quint64 kitGeneration = 0;

    /*! The memo generation for \a kit: a new one (forgetting the memo) when
     *  the kit differs from the last one seen. */
    quint64 useKit(const BrandKit &kit) const
    {
        QMutexLocker lock(&mutex);
        if (kitGeneration == 0 || !(layoutKit == kit)) {
            layouts.clear();
            layoutKit = kit;
            ++kitGeneration;
        }
        return kitGeneration;
    }

    TextMeasure layout(const Element &e, const BrandKit &kit, quint64 generation) const
    {
        const QSizeF size(e.frame.w, e.frame.h);
        {
            QMutexLocker lock(&mutex);
            const auto it = layouts.constFind(e.id);
            if (it != layouts.constEnd() && it->generation == generation && it->size == size && it->body == *e.text)
                return it->measure;
        }
        TextMeasure m;
        {
            const std::shared_ptr<const TextLayoutResult> result = text.layout(*e.text, kit, size);
            m.overflows = result->overflows();
            m.requiredHeight = result->requiredHeight();
            m.inkRect = result->inkRect();
            m.runBoxes = result->runBoxes();
        }
        QMutexLocker lock(&mutex);
        if (layouts.size() > 50000)
            layouts.clear();
        layouts.insert(e.id, LayoutMemo{*e.text, size, generation, m});
        return m;
    }

    /*! The last expansion of each component instance: expanding a
     *  component instantiates its template, comparing the instance is cheap. */
    struct ExpandMemo
    {
        Element instance;
        QVector<Element> parts;
        QString error;
    };
    mutable QHash<QString, ExpandMemo> expansions; //!< by instance id

    QVector<Element> expand(const Element &instance, QString *error) const
    {
        {
            QMutexLocker lock(&mutex);
            const auto it = expansions.constFind(instance.id);
            if (it != expansions.constEnd() && it->instance == instance) {
                *error = it->error;
                return it->parts;
            }
        }
        ExpandMemo memo{instance, components.expand(instance, error), *error};
        QMutexLocker lock(&mutex);
        if (expansions.size() > 50000)
            expansions.clear();
        expansions.insert(instance.id, memo);
        return memo.parts;
    }

    ImagePtr image(const Deck &deck, const QString &src) const;
    void checkSlide(const Deck &deck, int index, const QVector<QString> &titleKeys, quint64 generation,
                    QVector<Issue> &out) const;
};

ImagePtr ValidatorCore::image(const Deck &deck, const QString &src) const
{
    {
        QMutexLocker lock(&mutex);
        for (const ImagePtr &entry : images) {
            if (entry->src.size() == src.size()
                && (entry->src.constData() == src.constData() || entry->src == src))
                return entry;
        }
    }
    auto entry = std::make_shared<ImageEntry>();
    entry->src = src;
    QString error;
    const QImage full = assets.image(deck, src, &error);
    if (full.isNull()) {
        entry->error = error.isEmpty() ? QStringLiteral("the image could not be decoded") : error;
        if (src.startsWith(QLatin1String("asset:"))) {
            const auto it = deck.assets.find(src.mid(6));
            if (it == deck.assets.end()) {
                entry->missing = true;
            } else if (it->second.data.isEmpty()) {
                const QDir base(assets.baseDir().isEmpty() ? QDir::currentPath() : assets.baseDir());
                entry->missing = !QFileInfo::exists(base.filePath(it->second.path));
            }
        } else if (!src.startsWith(QLatin1String("data:"))) {
            entry->missing = true;
        }
    } else {
        entry->natural = full.size();
        QImage small = full;
        if (full.width() > kSampleMaxSide || full.height() > kSampleMaxSide)
            small = full.scaled(kSampleMaxSide, kSampleMaxSide, Qt::KeepAspectRatio, Qt::SmoothTransformation);
        entry->sample = small.convertToFormat(QImage::Format_ARGB32);
    }
    QMutexLocker lock(&mutex);
    images.push_back(entry);
    while (images.size() > size_t(kMaxCachedImages))
        images.pop_front();
    return entry;
}

// ---------------------------------------------------------------------------

namespace {

/*! The checks of one slide. Lives for one validateSlide() call. */
class SlideChecker
{
public:
    SlideChecker(const ValidatorCore &d, const Deck &deck, int index, const QVector<QString> &titleKeys,
                 quint64 generation, QVector<Issue> &out)
        : m_d(d), m_deck(deck), m_kit(deck.brand), m_slide(deck.slides.at(index)), m_index(index),
          m_titleKeys(titleKeys), m_generation(generation), m_out(out), m_slideRect(QPointF(0, 0), deck.size),
          m_where(QStringLiteral("slide %1").arg(index + 1))
    {}

    void run()
    {
        const QVector<const Element *> order = m_slide.paintOrder();
        m_prims.reserve(order.size() + 8);
        for (qsizetype i = 0; i < order.size(); ++i) {
            m_topLevel.append(order[i]);
            addElement(*order[i], QTransform(), int(i), QString(), true, 0);
        }
        m_descriptions.resize(m_prims.size());
        checkBackground();
        checkTitles();
        checkBounds();
        checkOverlap();
        for (const Prim &p : m_prims) {
            checkColors(p);
            if (p.isImage())
                checkImage(p);
            if (p.hasText)
                checkText(p);
        }
        reportSubstitutedFonts();
    }

private:
    // ---- model walking ----------------------------------------------------

    void addElement(const Element &e, const QTransform &parent, int owner, const QString &instanceId, bool topLevel,
                    int depth)
    {
        if (depth > 16)
            return;
        const Frame &f = e.frame;
        if (!std::isfinite(f.x) || !std::isfinite(f.y) || !std::isfinite(f.w) || !std::isfinite(f.h)
            || !std::isfinite(f.rotation) || std::abs(f.x) > 1e7 || std::abs(f.y) > 1e7 || f.w > 1e7 || f.h > 1e7)
            return; // the reader refuses such frames; in-memory decks are skipped, not crashed on
        if (e.kind == ElementKind::Group) {
            const QTransform t = rotationAbout(e.frame) * parent;
            QVector<const Element *> children;
            children.reserve(e.children.size());
            for (const Element &c : e.children)
                children.append(&c);
            std::stable_sort(children.begin(), children.end(),
                             [](const Element *a, const Element *b) { return a->z < b->z; });
            for (const Element *c : std::as_const(children))
                addElement(*c, t, owner, instanceId, false, depth + 1);
            return;
        }
        if (e.kind == ElementKind::Component) {
            QString error;
            QVector<Element> parts = m_d.expand(e, &error);
            if (parts.isEmpty() && !error.isEmpty()) {
                Issue &is = add(QStringLiteral("component-unknown"), Severity::Error, {e.id},
                                QStringLiteral("Component %1 on slide %2 cannot be drawn: %3. Choose a component "
                                               "from the library or remove the element.")
                                    .arg(describeElement(e)).arg(m_index + 1).arg(error));
                is.data.insert(QStringLiteral("component"), e.component);
                return;
            }
            m_expanded.push_back(std::move(parts));
            const QTransform t = rotationAbout(e.frame) * parent;
            const bool decor = isDecorRole(e.role);
            for (const Element &part : m_expanded.back()) {
                const qsizetype before = m_prims.size();
                addElement(part, t, owner, e.id, false, depth + 1);
                for (qsizetype k = before; k < m_prims.size(); ++k) {
                    m_prims[k].inComponent = true;
                    m_prims[k].decorative = m_prims[k].decorative || decor;
                }
            }
            return;
        }
        Prim p;
        p.e = &e;
        p.reportId = instanceId.isEmpty() ? e.id : instanceId;
        p.partId = instanceId.isEmpty() ? QString() : e.id;
        p.owner = owner;
        p.topLevel = topLevel;
        p.toSlide = e.frame.transform() * parent;
        p.toLocal = p.toSlide.inverted();
        p.quad = mapRect(p.toSlide, QRectF(0, 0, e.frame.w, e.frame.h));
        p.bounds = quadBounds(p.quad);
        p.axisAligned = p.toSlide.type() <= QTransform::TxTranslate;
        p.hasText = e.text && hasInk(*e.text)
            && (e.kind == ElementKind::Text || (e.kind == ElementKind::Shape && e.shape != ShapeKind::Line));
        p.decorative = isDecorRole(e.role) || (e.kind == ElementKind::Image && e.decorative)
            || (e.kind == ElementKind::Shape && e.shape == ShapeKind::Line);
        p.fullBleed = encloses(grownBy(p.bounds, kTolerance), m_slideRect);
        if (e.fill && (e.kind == ElementKind::Text || (e.kind == ElementKind::Shape && e.shape != ShapeKind::Line))) {
            if (const auto c = m_kit.resolve(*e.fill)) {
                p.fill = c->rgba();
                p.hasFill = qAlpha(p.fill) > 0;
            }
        }
        if (e.kind == ElementKind::Image && !e.src.isEmpty())
            p.image = m_d.image(m_deck, e.src);
        m_prims.append(std::move(p));
    }

    Issue &add(const QString &rule, Severity severity, const QStringList &elementIds, const QString &message)
    {
        Issue is;
        is.ruleId = rule;
        is.severity = severity;
        is.slideId = m_slide.id;
        is.slideIndex = m_index;
        is.elementIds = elementIds;
        is.message = message;
        m_out.append(std::move(is));
        return m_out.last();
    }

    const QString &where() const { return m_where; }

    /*! describe() of \a p, made once per slide check. */
    const QString &described(const Prim &p) const
    {
        QString &d = m_descriptions[&p - m_prims.constData()];
        if (d.isEmpty())
            d = describe(p);
        return d;
    }

    /*! Whether a fix may change \a p's element directly (not a component part, not locked). */
    static bool editable(const Prim &p) { return !p.inComponent && !p.e->locked; }

    bool isContent(const Prim &p) const
    {
        if (p.decorative || p.fullBleed || !(p.e->frame.w > 0) || !(p.e->frame.h > 0))
            return false;
        // Nothing is painted for an empty text box or a shape without fill,
        // outline or label, so it cannot cover anything.
        if (p.e->kind == ElementKind::Text)
            return p.hasText || p.hasFill;
        if (p.e->kind == ElementKind::Shape)
            return p.hasText || p.hasFill || (p.e->stroke && p.e->stroke->width > 0);
        return true;
    }

    /*! The glyphs' bounds of a text prim, in slide points. */
    Quad inkQuad(const Prim &p) const
    {
        const auto layout = m_d.layout(*p.e, m_kit, m_generation);
        return mapRect(p.toSlide, layout.inkRect);
    }

    // ---- background, titles -----------------------------------------------

    void checkBackground()
    {
        const Background &bg = m_slide.background;
        if (bg.color)
            checkColorRef(*bg.color, QStringLiteral("background colour"), nullptr, {});
        if (!bg.image.isEmpty()) {
            m_bgImage = m_d.image(m_deck, bg.image);
            if (!m_bgImage->ok()) {
                reportBrokenImage(*m_bgImage, {}, QStringLiteral("The background image of %1").arg(where()));
                m_bgImage.reset();
            }
        }
        QColor base = Qt::white;
        if (bg.color) {
            if (const auto c = m_kit.resolve(*bg.color))
                base = *c;
            else if (const auto k = m_kit.color(QStringLiteral("background")))
                base = *k;
        } else if (const auto k = m_kit.color(QStringLiteral("background"))) {
            base = *k;
        }
        m_bgColor = Contrast::compositeOver(base.rgba(), qRgb(255, 255, 255));
    }

    void checkTitles()
    {
        const QString title = m_slide.title();
        if (title.isEmpty()) {
            add(QStringLiteral("slide-title-missing"), Severity::Warning, {},
                QStringLiteral("Slide %1 has no title. Give a text element the role \u201ctitle\u201d (it can be "
                               "visually hidden off the content area) so the slide is named in the outline, in "
                               "navigation and for screen readers.")
                    .arg(m_index + 1));
            return;
        }
        const QString key = titleKey(title);
        QStringList others;
        for (qsizetype i = 0; i < m_titleKeys.size(); ++i) {
            if (i != m_index && !m_titleKeys[i].isEmpty() && m_titleKeys[i] == key)
                others.append(QString::number(i + 1));
        }
        if (others.isEmpty())
            return;
        const Element *te = titleElement(m_slide);
        Issue &is = add(QStringLiteral("slide-title-duplicate"), Severity::Warning,
                        te ? QStringList{te->id} : QStringList{},
                        QStringLiteral("Slide %1 has the same title \u201c%2\u201d as slide %3. Titles tell slides "
                                       "apart in the outline and for screen readers: make each one distinct "
                                       "(e.g. add \u201c(continued)\u201d or what differs).")
                            .arg(m_index + 1)
                            .arg(excerpt(title), others.join(QStringLiteral(", "))));
        is.data.insert(QStringLiteral("title"), title);
        QVariantList slides;
        for (const QString &o : std::as_const(others))
            slides.append(o.toInt() - 1);
        is.data.insert(QStringLiteral("otherSlides"), slides);
    }

    // ---- geometry -----------------------------------------------------------

    /*! A move of \a r into \a target, if it fits. */
    static std::optional<QPointF> moveInto(const QRectF &r, const QRectF &target)
    {
        if (r.width() > target.width() + 1e-6 || r.height() > target.height() + 1e-6)
            return std::nullopt;
        double dx = 0, dy = 0;
        if (r.left() < target.left())
            dx = target.left() - r.left();
        else if (r.right() > target.right())
            dx = target.right() - r.right();
        if (r.top() < target.top())
            dy = target.top() - r.top();
        else if (r.bottom() > target.bottom())
            dy = target.bottom() - r.bottom();
        return QPointF(std::ceil(dx * 100) / 100, std::ceil(dy * 100) / 100);
    }

    Fix moveFix(const QString &id, QPointF d, const QString &why) const
    {
        Fix f;
        f.kind = QStringLiteral("move");
        f.elementId = id;
        f.params.insert(QStringLiteral("dx"), round2(d.x()));
        f.params.insert(QStringLiteral("dy"), round2(d.y()));
        f.description = QStringLiteral("Move %1 by %2, %3 pt %4").arg(id, num(d.x(), 2), num(d.y(), 2), why);
        return f;
    }

    void checkBounds()
    {
        const std::optional<Insets> margins = m_kit.guidance.safeMargins;
        const QRectF safe = margins ? m_slideRect.adjusted(margins->left, margins->top, -margins->right,
                                                           -margins->bottom)
                                    : m_slideRect;
        for (qsizetype i = 0; i < m_topLevel.size(); ++i) {
            const Element &e = *m_topLevel[i];
            QRectF bounds;
            const bool decorative = isDecorRole(e.role) || (e.kind == ElementKind::Image && e.decorative);
            bool anyPrim = false;
            bool textual = false;
            bool pictures = false;
            for (const Prim &p : std::as_const(m_prims)) {
                if (p.owner != i)
                    continue;
                bounds = anyPrim ? bounds.united(p.bounds) : p.bounds;
                anyPrim = true;
                textual = textual || p.hasText;
                pictures = pictures || p.isImage();
            }
            if (!anyPrim) {
                if (e.kind == ElementKind::Group)
                    continue; // empty group: nothing to see
                bounds = e.frame.boundingRect();
            }
            const bool fullBleed = encloses(grownBy(bounds, kTolerance), m_slideRect);
            const QRectF inner = m_slideRect.adjusted(-kTolerance, -kTolerance, kTolerance, kTolerance);
            const bool locked = e.locked;
            if (!overlapsArea(bounds, m_slideRect) && !(encloses(m_slideRect, bounds))) {
                Issue &is = add(QStringLiteral("off-slide"), decorative ? Severity::Warning : Severity::Error, {e.id},
                                QStringLiteral("%1 is entirely outside %2 (at %3, %4 pt; the slide is %5 \u00d7 %6 pt), "
                                               "so it is never seen. Move it onto the slide or delete it.")
                                    .arg(capitalised(describeElement(e)), where(), num(bounds.x()), num(bounds.y()),
                                         num(m_slideRect.width()), num(m_slideRect.height())));
                is.data.insert(QStringLiteral("outside"), QStringLiteral("entirely"));
                if (!locked) {
                    if (const auto d = moveInto(bounds, safe))
                        is.fix = moveFix(e.id, *d, QStringLiteral("onto the slide"));
                }
                continue;
            }
            if (decorative || fullBleed)
                continue;
            // A shape or picture without text that runs to an edge is a bleed,
            // placed there on purpose (a band, a half-page photo).
            const bool bleed = anyPrim && !textual
                && (bounds.left() <= m_slideRect.left() + kTolerance || bounds.top() <= m_slideRect.top() + kTolerance
                    || bounds.right() >= m_slideRect.right() - kTolerance
                    || bounds.bottom() >= m_slideRect.bottom() - kTolerance);
            if (!encloses(inner, bounds)) {
                if (bleed && !pictures)
                    continue;
                const double left = std::max(0.0, m_slideRect.left() - bounds.left());
                const double top = std::max(0.0, m_slideRect.top() - bounds.top());
                const double right = std::max(0.0, bounds.right() - m_slideRect.right());
                const double bottom = std::max(0.0, bounds.bottom() - m_slideRect.bottom());
                QStringList sides;
                if (left > 0) sides << QStringLiteral("%1 pt past the left edge").arg(num(left));
                if (top > 0) sides << QStringLiteral("%1 pt past the top edge").arg(num(top));
                if (right > 0) sides << QStringLiteral("%1 pt past the right edge").arg(num(right));
                if (bottom > 0) sides << QStringLiteral("%1 pt past the bottom edge").arg(num(bottom));
                Issue &is = add(QStringLiteral("off-slide"), bleed ? Severity::Warning : Severity::Error, {e.id},
                                bleed ? QStringLiteral("%1 runs off %2 (%3), so the slide edge crops it. Fine for a "
                                                       "deliberate bleed; otherwise move it inside the slide.")
                                            .arg(capitalised(describeElement(e)), where(),
                                                 sides.join(QStringLiteral(", ")))
                                      : QStringLiteral("%1 sticks out of %2 (%3) and will be cut off. Move it inside "
                                                       "the slide or make it smaller.")
                                            .arg(capitalised(describeElement(e)), where(),
                                                 sides.join(QStringLiteral(", "))));
                is.data.insert(QStringLiteral("outside"), QStringLiteral("partly"));
                is.data.insert(QStringLiteral("left"), round1(left));
                is.data.insert(QStringLiteral("top"), round1(top));
                is.data.insert(QStringLiteral("right"), round1(right));
                is.data.insert(QStringLiteral("bottom"), round1(bottom));
                if (!locked) {
                    const auto d = moveInto(bounds, safe).has_value() ? moveInto(bounds, safe) : moveInto(bounds, m_slideRect);
                    if (d)
                        is.fix = moveFix(e.id, *d, QStringLiteral("inside the slide"));
                }
                continue;
            }
            if (margins && !bleed && !encloses(grownBy(safe, kTolerance), bounds)) {
                const double left = std::max(0.0, safe.left() - bounds.left());
                const double top = std::max(0.0, safe.top() - bounds.top());
                const double right = std::max(0.0, bounds.right() - safe.right());
                const double bottom = std::max(0.0, bounds.bottom() - safe.bottom());
                Issue &is = add(QStringLiteral("safe-margin"), Severity::Warning, {e.id},
                                QStringLiteral("%1 on %2 reaches into the brand's safe margin (%3 pt left, %4 top, %5 "
                                               "right, %6 bottom), by %7 pt. Keep content inside the margins so "
                                               "it is not cropped by projectors and matches the brand layout.")
                                    .arg(capitalised(describeElement(e)), where(), num(margins->left),
                                         num(margins->top), num(margins->right), num(margins->bottom),
                                         num(std::max({left, top, right, bottom}))));
                is.data.insert(QStringLiteral("left"), round1(left));
                is.data.insert(QStringLiteral("top"), round1(top));
                is.data.insert(QStringLiteral("right"), round1(right));
                is.data.insert(QStringLiteral("bottom"), round1(bottom));
                if (!locked) {
                    if (const auto d = moveInto(bounds, safe))
                        is.fix = moveFix(e.id, *d, QStringLiteral("inside the safe margins"));
                }
            }
        }
    }

    static QString capitalised(QString s)
    {
        if (!s.isEmpty())
            s[0] = s[0].toUpper();
        return s;
    }

    void checkOverlap()
    {
        std::map<std::pair<QString, QString>, qsizetype> seen; // report pair → issue index in m_out
        for (qsizetype j = 0; j < m_prims.size(); ++j) {
            const Prim &b = m_prims[j]; // upper
            if (!isContent(b))
                continue;
            const QRectF bb = b.bounds.adjusted(kTolerance, kTolerance, -kTolerance, -kTolerance);
            for (qsizetype i = 0; i < j; ++i) {
                const Prim &a = m_prims[i]; // lower
                if (a.owner == b.owner || !isContent(a) || !overlapsArea(bb, a.bounds))
                    continue;
                double area = 0;
                QRectF ib;
                bool bInA = false, aInB = false;
                if (a.axisAligned && b.axisAligned) {
                    // The common case: two unrotated boxes, no polygons needed.
                    ib = a.bounds.intersected(b.bounds);
                    area = ib.width() * ib.height();
                    if (area < kMinOverlapArea)
                        continue;
                    bInA = encloses(grownBy(a.bounds, kTolerance), b.bounds);
                    aInB = encloses(grownBy(b.bounds, kTolerance), a.bounds);
                } else {
                    const QVector<QPointF> inter = intersectQuads(b.quad, a.quad);
                    if (inter.size() < 3)
                        continue;
                    area = polygonArea(inter);
                    if (area < kMinOverlapArea)
                        continue;
                    ib = QPolygonF(inter).boundingRect();
                    bInA = std::all_of(b.quad.begin(), b.quad.end(),
                                       [&](const QPointF &q) { return a.contains(q, kTolerance); });
                    aInB = std::all_of(a.quad.begin(), a.quad.end(),
                                       [&](const QPointF &q) { return b.contains(q, kTolerance); });
                }
                const bool textOverText = a.hasText && b.hasText;
                QString kind;
                Severity severity = Severity::Error;
                if (textOverText) {
                    // Text boxes that overlap are an error even when the letters do
                    // not collide yet: the next edit makes them. The message says which.
                    kind = QStringLiteral("text-over-text");
                    const QVector<QPointF> ink = intersectQuads(inkQuad(b), inkQuad(a));
                    if (ink.size() < 3 || polygonArea(ink) < kMinOverlapArea)
                        kind = QStringLiteral("text-boxes");
                } else if (bInA && !a.hasText) {
                    continue; // layering: b sits on a card, shape or picture beneath
                } else if (bInA) {
                    // b sits inside a text box or labelled shape: fine beside the
                    // letters, not on them.
                    const QVector<QPointF> ink = intersectQuads(b.quad, inkQuad(a));
                    if (ink.size() < 3 || polygonArea(ink) < kMinOverlapArea)
                        continue;
                    kind = QStringLiteral("covers-text");
                } else if (aInB) {
                    const bool seeThrough = !b.hasText && !b.isImage() && !b.hasFill;
                    if (seeThrough)
                        continue; // an outline frame around a
                    const bool translucent = !b.hasText && !b.isImage() && qAlpha(b.fill) < 255;
                    kind = translucent ? QStringLiteral("tinted") : QStringLiteral("hidden");
                    severity = (a.hasText || a.isImage()) && !translucent ? Severity::Error : Severity::Warning;
                } else {
                    kind = QStringLiteral("partial");
                    severity = a.hasText || b.hasText ? Severity::Error : Severity::Warning;
                }
                QString message;
                if (kind == QLatin1String("tinted")) {
                    message = QStringLiteral("%1 lies under the translucent %2 on %3, which tints it and lowers its "
                                             "contrast. Bring it to the front, or send the shape behind it.")
                                  .arg(capitalised(described(a)), described(b), where());
                } else if (kind == QLatin1String("covers-text")) {
                    message = QStringLiteral("%1 covers letters of %2 on %3. Move it beside the text, or make room "
                                             "for it (shorter text, a larger box).")
                                  .arg(capitalised(described(b)), described(a), where());
                } else if (kind == QLatin1String("hidden")) {
                    message = QStringLiteral("%1 is completely covered by %2 on %3. Move one of them, or send the "
                                             "cover backwards if it is meant as a background.")
                                  .arg(capitalised(described(a)), described(b), where());
                } else if (kind == QLatin1String("text-over-text")) {
                    message = QStringLiteral("%1 overlaps %2 on %3 (%4 \u00d7 %5 pt): text on text is unreadable. "
                                             "Move or resize one of them so they no longer touch.")
                                  .arg(capitalised(described(b)), described(a), where(), num(ib.width()),
                                       num(ib.height()));
                } else if (kind == QLatin1String("text-boxes")) {
                    message = QStringLiteral("The box of %1 overlaps the box of %2 on %3 (%4 \u00d7 %5 pt). The "
                                             "letters do not touch yet, but will as soon as the text changes: move "
                                             "or resize one of them so the boxes are apart.")
                                  .arg(described(b), described(a), where(), num(ib.width()), num(ib.height()));
                } else {
                    message = QStringLiteral("%1 partly overlaps %2 on %3 (%4 \u00d7 %5 pt). Move or resize one "
                                             "of them, or put the upper one fully inside the lower one.")
                                  .arg(capitalised(described(b)), described(a), where(), num(ib.width()),
                                       num(ib.height()));
                }
                const auto key = std::make_pair(a.reportId, b.reportId);
                const auto it = seen.find(key);
                if (it != seen.end()) {
                    Issue &old = m_out[it->second];
                    const bool moreSpecific = int(severity) == int(old.severity)
                        && (kind == QLatin1String("text-over-text") || kind == QLatin1String("text-boxes"))
                        && !old.data.value(QStringLiteral("kind")).toString().startsWith(QLatin1String("text-"));
                    if (int(severity) < int(old.severity) || moreSpecific) {
                        old.severity = severity;
                        old.message = message;
                        old.data.insert(QStringLiteral("kind"), kind);
                        old.fix = kind != QLatin1String("hidden") && kind != QLatin1String("tinted") ? nudgeFix(a, b)
                                                                                                   : std::nullopt;
                    }
                    continue;
                }
                Issue &is = add(QStringLiteral("overlap"), severity, {a.reportId, b.reportId}, message);
                seen.emplace(key, m_out.size() - 1);
                is.data.insert(QStringLiteral("kind"), kind);
                is.data.insert(QStringLiteral("area"), round1(area));
                is.data.insert(QStringLiteral("width"), round1(ib.width()));
                is.data.insert(QStringLiteral("height"), round1(ib.height()));
                if (kind != QLatin1String("hidden") && kind != QLatin1String("tinted"))
                    is.fix = nudgeFix(a, b);
            }
        }
    }

    /*! Moving the upper element (or the lower, when the upper is locked) the
     *  shortest way out, when both are plain top-level boxes and it is a nudge. */
    std::optional<Fix> nudgeFix(const Prim &a, const Prim &b) const
    {
        if (!a.topLevel || !b.topLevel || a.e->frame.rotation != 0 || b.e->frame.rotation != 0)
            return std::nullopt;
        const Prim *moving = !b.e->locked ? &b : (!a.e->locked ? &a : nullptr);
        if (!moving)
            return std::nullopt;
        const Prim &other = moving == &b ? a : b;
        const QRectF m = moving->bounds, o = other.bounds;
        const std::array<QPointF, 4> moves = {QPointF(o.right() - m.left(), 0), QPointF(o.left() - m.right(), 0),
                                              QPointF(0, o.bottom() - m.top()), QPointF(0, o.top() - m.bottom())};
        std::optional<QPointF> best;
        for (const QPointF &d : moves) {
            const double len = std::abs(d.x()) + std::abs(d.y());
            if (len > kMaxNudge || !encloses(m_slideRect, m.translated(d)))
                continue;
            if (!best || len < std::abs(best->x()) + std::abs(best->y()))
                best = d;
        }
        if (!best)
            return std::nullopt;
        return moveFix(moving->e->id, *best, QStringLiteral("so it no longer overlaps %1").arg(other.reportId));
    }

    // ---- colours and fonts --------------------------------------------------

    /*! Checks one colour reference; \a p is the element (nullptr for the slide background). */
    void checkColorRef(const ColorRef &ref, const QString &what, const Prim *p, const QString &reportId)
    {
        if (ref.isNull())
            return;
        const QString key = reportId + u'\x1f' + ref.toString();
        if (m_colorSeen.contains(key))
            return;
        m_colorSeen.insert(key);
        const QString subject = p ? QStringLiteral("%1 on %2").arg(capitalised(described(*p)), where())
                                  : QStringLiteral("The background of %1").arg(where());
        const QStringList ids = reportId.isEmpty() ? QStringList{} : QStringList{reportId};
        if (ref.isToken()) {
            if (m_kit.color(ref.token()))
                return;
            QStringList names;
            for (const auto &[name, c] : m_kit.colors)
                names << name;
            Issue &is = add(QStringLiteral("brand-token-unknown"), Severity::Error, ids,
                            QStringLiteral("%1 uses the colour token \u201c%2\u201d (%3), which the brand kit does not "
                                           "define. Pick one of the kit's colours: %4.")
                                .arg(subject, ref.toString(), what,
                                     names.isEmpty() ? QStringLiteral("(the kit has none)")
                                                     : names.join(QStringLiteral(", "))));
            is.data.insert(QStringLiteral("token"), ref.token());
            return;
        }
        if (!m_kit.guidance.allowedColorsOnly)
            return;
        const QRgb c = ref.color().rgba();
        const auto token = nearestToken(m_kit, c);
        bool exact = false;
        if (token) {
            const QColor k = *m_kit.color(*token);
            exact = k.rgb() == QColor::fromRgba(c).rgb();
        }
        Issue &is = add(QStringLiteral("brand-color"), Severity::Warning, ids,
                        exact ? QStringLiteral("%1 uses the literal colour %2 (%3); the brand kit has it as "
                                               "brand:%4. Use the token so a change of the kit restyles it.")
                                    .arg(subject, ref.toString(), what, *token)
                              : QStringLiteral("%1 uses %2 (%3), which is not a brand colour: the kit allows only "
                                               "its own colours. %4")
                                    .arg(subject, ref.toString(), what,
                                         token ? QStringLiteral("The nearest is brand:%1 (%2).")
                                                     .arg(*token, colorToHex(*m_kit.color(*token)))
                                               : QStringLiteral("Add colours to the kit.")));
        is.data.insert(QStringLiteral("color"), ref.toString());
        if (token)
            is.data.insert(QStringLiteral("nearest"), QString(QStringLiteral("brand:") + *token));
        if (token && (!p || fixableRef(*p, ref.toString()))) {
            Fix f;
            f.kind = QStringLiteral("replace-color");
            f.elementId = reportId;
            f.params.insert(QStringLiteral("from"), ref.toString());
            f.params.insert(QStringLiteral("to"), QString(QStringLiteral("brand:") + *token));
            f.description = QStringLiteral("Replace %1 with brand:%2").arg(ref.toString(), *token);
            is.fix = f;
        }
    }

    /*! Whether replace-color/replace-font on \a p's reported element can change \a value:
     *  plain elements always, component parts only when a parameter holds it. */
    bool fixableRef(const Prim &p, const QString &value) const
    {
        if (!p.inComponent)
            return true;
        const Element *inst = m_slide.findElement(p.reportId);
        if (!inst)
            return false;
        for (const auto &[k, v] : inst->params) {
            if (v.compare(value, Qt::CaseInsensitive) == 0)
                return true;
        }
        return false;
    }

    void checkColors(const Prim &p)
    {
        const Element &e = *p.e;
        if (e.fill && !p.isLine())
            checkColorRef(*e.fill, QStringLiteral("fill"), &p, p.reportId);
        if (e.stroke)
            checkColorRef(e.stroke->color, QStringLiteral("outline"), &p, p.reportId);
        if (p.hasText) {
            if (e.text->style.color)
                checkColorRef(*e.text->style.color, QStringLiteral("text colour"), &p, p.reportId);
            for (const Paragraph &para : e.text->paragraphs) {
                for (const TextRun &r : para.runs) {
                    if (r.style.color)
                        checkColorRef(*r.style.color, QStringLiteral("text colour"), &p, p.reportId);
                }
            }
        }
    }

    /*! Remembers \a p when the family \a spec asks for first is not installed. */
    void noteSubstitution(const Prim &p, const QString &spec)
    {
        auto known = m_substitutes.constFind(spec);
        if (known == m_substitutes.constEnd()) {
            const FontResolver &fonts = m_d.text.fonts();
            const QStringList wanted = FontResolver::requestedFamilies(spec, m_kit);
            QString missing;
            if (!wanted.isEmpty() && !fonts.isInstalled(wanted.first()))
                missing = wanted.first();
            known = m_substitutes.insert(spec, missing);
            if (!missing.isEmpty() && !m_substituted.count(missing))
                m_substituted[missing].first = fonts.resolve(spec, m_kit);
        }
        if (known->isEmpty())
            return;
        QStringList &ids = m_substituted[*known].second;
        if (!ids.contains(p.reportId))
            ids.append(p.reportId);
    }

    void reportSubstitutedFonts()
    {
        for (const auto &[wanted, used] : m_substituted) {
            Issue &is = add(QStringLiteral("font-substituted"), Severity::Info, used.second,
                            QStringLiteral("The font \u201c%1\u201d is not installed here, so text on %2 is measured, "
                                           "drawn and exported with \u201c%3\u201d. Install %1 to see the deck as "
                                           "designed; line breaks may differ where it is installed.")
                                .arg(wanted, where(), used.first));
            is.data.insert(QStringLiteral("font"), wanted);
            is.data.insert(QStringLiteral("substitute"), used.first);
        }
    }

    void checkFontSpec(const Prim &p, const QString &spec)
    {
        const QString key = p.reportId + u'\x1e' + spec;
        if (m_fontSeen.contains(key))
            return;
        m_fontSeen.insert(key);
        QStringList roles;
        for (const auto &[name, role] : m_kit.fonts)
            roles << name;
        if (spec.startsWith(QLatin1String("brand:"))) {
            const QString role = spec.mid(6);
            if (m_kit.font(role))
                return;
            Issue &is = add(QStringLiteral("brand-token-unknown"), Severity::Error, {p.reportId},
                            QStringLiteral("%1 on %2 uses the font role \u201c%3\u201d, which the brand kit does not "
                                           "define, so it falls back to another font. Use one of the kit's roles: %4.")
                                .arg(capitalised(described(p)), where(), spec,
                                     roles.isEmpty() ? QStringLiteral("(the kit has none)")
                                                     : roles.join(QStringLiteral(", "))));
            is.data.insert(QStringLiteral("token"), spec);
            return;
        }
        if (!m_kit.guidance.allowedFontsOnly)
            return;
        for (const auto &[name, role] : m_kit.fonts) {
            if (role.family.compare(spec, Qt::CaseInsensitive) == 0
                || role.fallbacks.contains(spec, Qt::CaseInsensitive))
                return;
        }
        QString replacement;
        const bool heading = p.e->role == QLatin1String("title") || p.e->role == QLatin1String("subtitle");
        if (heading && m_kit.font(QStringLiteral("heading")))
            replacement = QStringLiteral("brand:heading");
        else if (m_kit.font(QStringLiteral("body")))
            replacement = QStringLiteral("brand:body");
        else if (!roles.isEmpty())
            replacement = QStringLiteral("brand:") + roles.first();
        Issue &is = add(QStringLiteral("brand-font"), Severity::Warning, {p.reportId},
                        QStringLiteral("%1 on %2 uses the font \u201c%3\u201d, which is not one of the brand's fonts. "
                                       "Use a font role of the kit (%4).")
                            .arg(capitalised(described(p)), where(), spec,
                                 roles.isEmpty() ? QStringLiteral("the kit has none")
                                                 : QStringLiteral("brand:") + roles.join(QStringLiteral(", brand:"))));
        is.data.insert(QStringLiteral("font"), spec);
        if (!replacement.isEmpty() && fixableRef(p, spec)) {
            Fix f;
            f.kind = QStringLiteral("replace-font");
            f.elementId = p.reportId;
            f.params.insert(QStringLiteral("from"), spec);
            f.params.insert(QStringLiteral("to"), replacement);
            f.description = QStringLiteral("Use %1 instead of %2").arg(replacement, spec);
            is.fix = f;
        }
    }

    // ---- images -------------------------------------------------------------

    void reportBrokenImage(const ImageEntry &img, const QStringList &ids, const QString &subject)
    {
        if (img.missing) {
            Issue &is = add(QStringLiteral("asset-missing"), Severity::Error, ids,
                            QStringLiteral("%1 is missing: %2. Add the file or asset to the deck, or choose "
                                           "another image.")
                                .arg(subject, img.error));
            is.data.insert(QStringLiteral("src"), img.src.left(120));
        } else {
            Issue &is = add(QStringLiteral("image-broken"), Severity::Error, ids,
                            QStringLiteral("%1 cannot be shown: %2. Replace it with a PNG, JPEG, GIF, WebP or SVG "
                                           "image.")
                                .arg(subject, img.error));
            is.data.insert(QStringLiteral("src"), img.src.left(120));
        }
    }

    void checkImage(const Prim &p)
    {
        const Element &e = *p.e;
        if (p.image && !p.image->ok())
            reportBrokenImage(*p.image, {p.reportId},
                              QStringLiteral("The picture of %1 on %2").arg(described(p), where()));
        else if (e.src.isEmpty())
            add(QStringLiteral("asset-missing"), Severity::Error, {p.reportId},
                QStringLiteral("%1 on %2 has no picture. Choose an image for it or delete it.")
                    .arg(capitalised(described(p)), where()));
        if (!e.decorative && !isDecorRole(e.role) && e.alt.trimmed().isEmpty()) {
            add(QStringLiteral("image-alt"), Severity::Error, {p.reportId},
                QStringLiteral("%1 on %2 has no alternative text. Describe what it shows for people who cannot "
                               "see it, or mark it decorative if it carries no information.")
                    .arg(capitalised(described(p)), where()));
        }
    }

    // ---- text: overflow, size, fonts, contrast --------------------------------

    void checkText(const Prim &p)
    {
        const Element &e = *p.e;
        const TextBody &body = *e.text;
        const TextMeasure layout = m_d.layout(e, m_kit, m_generation);

        // Fonts and sizes, per run.
        const double minSize = m_kit.guidance.minFontSize;
        double smallest = -1;
        if (body.style.font)
            checkFontSpec(p, *body.style.font);
        for (const Paragraph &para : body.paragraphs) {
            for (const TextRun &r : para.runs) {
                if (r.style.font)
                    checkFontSpec(p, *r.style.font);
                if (!hasInk(r.text))
                    continue;
                noteSubstitution(p, r.style.font ? *r.style.font
                                                 : body.style.font.value_or(FontResolver::defaultFontSpec()));
                const double s = r.style.size.value_or(body.style.size.value_or(kDefaultFontSize));
                if (smallest < 0 || s < smallest)
                    smallest = s;
            }
        }
        if (minSize > 0 && smallest >= 0 && smallest + 1e-9 < minSize) {
            Issue &is = add(QStringLiteral("min-font-size"), Severity::Error, {p.reportId},
                            QStringLiteral("%1 on %2 has text at %3 pt; the brand's minimum is %4 pt, so it is hard "
                                           "to read from the back of a room. Make it at least %4 pt (and shorten the "
                                           "text if it no longer fits).")
                                .arg(capitalised(described(p)), where(), num(smallest), num(minSize)));
            is.data.insert(QStringLiteral("size"), round1(smallest));
            is.data.insert(QStringLiteral("minimum"), round1(minSize));
            if (editable(p)) {
                Fix f;
                f.kind = QStringLiteral("set-font-size");
                f.elementId = e.id;
                f.params.insert(QStringLiteral("size"), minSize);
                f.description = QStringLiteral("Raise text smaller than %1 pt to %1 pt").arg(num(minSize));
                is.fix = f;
            }
        }

        if (layout.overflows)
            reportOverflow(p, layout, smallest);
        checkContrast(p, layout);
    }

    void reportOverflow(const Prim &p, const TextMeasure &layout, double smallest)
    {
        const Element &e = *p.e;
        const QSizeF size(e.frame.w, e.frame.h);
        const double required = layout.requiredHeight;
        const double over = required - size.height();
        const double fit = m_d.text.fitScale(*e.text, m_kit, size);
        // fitScale() stops at 25 %; say so when even that does not fit.
        const bool fitsShrunk = !m_d.text.layout(*e.text, m_kit, size, fit)->overflows();
        const QString shrinkHint = fitsShrunk
            ? QStringLiteral("(to %1 % it would fit)").arg(num(fit * 100, 1))
            : QStringLiteral("(even at %1 % it would not fit: shorten it or enlarge the box)").arg(num(fit * 100, 1));
        Issue &is = add(QStringLiteral("text-overflow"), Severity::Error, {p.reportId},
                        QStringLiteral("%1 on %2 does not fit its box: it needs %3 pt of height and has %4 pt "
                                       "(%5 pt short). Shorten the text, enlarge the box, or shrink the font %6.")
                            .arg(capitalised(described(p)), where(), num(required), num(size.height()), num(over),
                                 shrinkHint));
        is.data.insert(QStringLiteral("requiredHeight"), round1(required));
        is.data.insert(QStringLiteral("availableHeight"), round1(size.height()));
        is.data.insert(QStringLiteral("overflowPt"), round1(over));
        is.data.insert(QStringLiteral("fitScale"), fit);
        if (!editable(p)) {
            is.fix = growComponentFix(p, over);
            return;
        }

        // Prefer growing the box when there is room below it.
        if (e.frame.rotation == 0 && p.topLevel) {
            const double newH = std::ceil(required + 1.0);
            const QRectF grown(e.frame.x, e.frame.y, e.frame.w, newH);
            if (roomToGrow(p.bounds, grown, p.owner)) {
                Fix f;
                f.kind = QStringLiteral("resize");
                f.elementId = e.id;
                f.params.insert(QStringLiteral("w"), e.frame.w);
                f.params.insert(QStringLiteral("h"), newH);
                f.description = QStringLiteral("Make the box %1 pt tall").arg(num(newH));
                is.fix = f;
                return;
            }
        }
        const double minSize = m_kit.guidance.minFontSize;
        const bool fits = fitsShrunk;
        if (fits && fit < 1.0 && (minSize <= 0 || smallest < 0 || smallest * fit + 1e-9 >= minSize)) {
            Fix f;
            f.kind = QStringLiteral("scale-font");
            f.elementId = e.id;
            f.params.insert(QStringLiteral("scale"), fit);
            f.description = QStringLiteral("Shrink the text to %1 %").arg(num(fit * 100));
            is.fix = f;
        }
    }

    /*! Whether a top-level box at \a old may grow to \a grown: it stays on the
     *  slide (and inside the safe margins unless it already reached into
     *  them), collides with nothing new and leaves no card it sits in. */
    bool roomToGrow(const QRectF &old, const QRectF &grown, int owner) const
    {
        QRectF area = m_slideRect;
        if (const auto &m = m_kit.guidance.safeMargins)
            area = area.adjusted(m->left, m->top, -m->right, -m->bottom);
        if (!encloses(grownBy(area, kTolerance), grown) && !(encloses(m_slideRect, grown) && !encloses(area, old)))
            return false;
        for (const Prim &q : std::as_const(m_prims)) {
            if (q.owner == owner || !isContent(q))
                continue;
            const QRectF qi = q.bounds.adjusted(kTolerance, kTolerance, -kTolerance, -kTolerance);
            const QRectF qo = grownBy(q.bounds, kTolerance);
            const bool newCollision = overlapsArea(qi, grown) && !overlapsArea(qi, old) && !encloses(qo, grown);
            const bool leavesContainer = encloses(qo, old) && !encloses(qo, grown);
            if (newCollision || leavesContainer)
                return false;
        }
        return true;
    }

    /*! For text overflowing in a component part: making the instance taller,
     *  when that gives the part room (checked by expanding it again). */
    std::optional<Fix> growComponentFix(const Prim &p, double over) const
    {
        if (!p.inComponent || p.owner < 0 || p.owner >= m_topLevel.size())
            return std::nullopt;
        const Element &inst = *m_topLevel[p.owner];
        if (inst.id != p.reportId || inst.locked || inst.frame.rotation != 0)
            return std::nullopt;
        const double newH = std::ceil(inst.frame.h + over + 1.0);
        const QRectF grown(inst.frame.x, inst.frame.y, inst.frame.w, newH);
        if (!roomToGrow(inst.frame.rect(), grown, p.owner))
            return std::nullopt;
        Element candidate = inst;
        candidate.frame.h = newH;
        QString error;
        const QVector<Element> parts = m_d.components.expand(candidate, &error);
        const auto part = std::find_if(parts.begin(), parts.end(), [&](const Element &x) { return x.id == p.partId; });
        if (part == parts.end() || !part->text
            || m_d.text.layout(*part->text, m_kit, QSizeF(part->frame.w, part->frame.h))->overflows())
            return std::nullopt;
        Fix f;
        f.kind = QStringLiteral("resize");
        f.elementId = inst.id;
        f.params.insert(QStringLiteral("w"), inst.frame.w);
        f.params.insert(QStringLiteral("h"), newH);
        f.description = QStringLiteral("Make %1 %2 pt tall").arg(inst.id, num(newH));
        return f;
    }

    /*! A layer that may paint under a run: a filled shape or text box, or an image. */
    struct Layer
    {
        const Prim *prim = nullptr;
        bool full = false; //!< a uniform fill covering the whole run box
    };

    /*! The colour of \a layer at slide point \a pt, or nullopt where it paints nothing. */
    static std::optional<QRgb> layerColor(const Prim &layer, QPointF pt)
    {
        const QPointF l = layer.toLocal.map(pt);
        if (!layer.containsLocal(l))
            return std::nullopt;
        if (!layer.isImage())
            return layer.fill;
        const ImageEntry &img = *layer.image;
        const QRectF r = drawnRect(QRectF(0, 0, layer.e->frame.w, layer.e->frame.h), img.natural, layer.e->fit);
        if (!r.contains(l) || r.width() <= 0 || r.height() <= 0)
            return std::nullopt;
        return img.pixelAt((l.x() - r.x()) / r.width(), (l.y() - r.y()) / r.height());
    }

    QRgb baseColor(QPointF pt) const
    {
        if (!m_bgImage)
            return m_bgColor;
        const QRectF r = drawnRect(m_slideRect, m_bgImage->natural, ImageFit::Cover);
        const QRgb px = m_bgImage->pixelAt((pt.x() - r.x()) / r.width(), (pt.y() - r.y()) / r.height());
        return Contrast::compositeOver(px, m_bgColor);
    }

    struct RunVerdict
    {
        int paragraph = 0;
        int run = 0;
        double ratio = 21;
        double required = 4.5;
        QRgb text = 0;
        QRgb background = 0;
        double size = 0;
        bool bold = false;
        bool large = false;
        QVector<QRgb> samples; //!< opaque backgrounds sampled under the run
    };

    static double percentileRatio(QRgb text, const QVector<QRgb> &backgrounds, QRgb *worstBg,
                                  QVector<std::pair<double, QRgb>> &scratch)
    {
        scratch.clear();
        for (QRgb bg : backgrounds)
            scratch.append({Contrast::ratio(Contrast::compositeOver(text, bg), bg), bg});
        std::sort(scratch.begin(), scratch.end(), [](const auto &x, const auto &y) {
            return x.first < y.first || (x.first == y.first && x.second < y.second);
        });
        const qsizetype idx = qsizetype(std::floor(Validator::kContrastPercentile * double(scratch.size() - 1)));
        if (worstBg)
            *worstBg = scratch[idx].second;
        return scratch[idx].first;
    }

    void checkContrast(const Prim &p, const TextMeasure &layout)
    {
        const qsizetype self = &p - m_prims.constData();
        const ContrastLevel level = m_kit.guidance.contrast;
        QVector<Layer> layers;
        QVector<QRgb> samples;
        QVector<std::pair<double, QRgb>> scratch;
        QVector<RunVerdict> failing;
        RunVerdict worst;
        bool any = false;
        double worstMargin = 0;
        std::optional<RunVerdict> apcaLow; //!< the passing run furthest below APCA's recommendation

        for (const TextLayoutResult::RunBox &box : layout.runBoxes) {
            if (!box.style.color.isValid() || box.rect.isEmpty())
                continue;
            const Quad q = mapRect(p.toSlide, box.rect);
            const QRectF qb = quadBounds(q);
            layers.clear();
            bool baseHidden = false;
            for (qsizetype k = 0; k <= self; ++k) {
                const Prim &l = m_prims[k];
                if (!(l.hasFill || (l.isImage() && l.image && l.image->ok())) || !touches(l.bounds, qb))
                    continue;
                Layer layer{&l, false};
                if (!l.isImage()) {
                    layer.full = std::all_of(q.begin(), q.end(), [&](const QPointF &c) { return l.contains(c); });
                    if (layer.full && qAlpha(l.fill) == 255) {
                        layers.clear(); // everything beneath is hidden
                        baseHidden = true;
                    }
                }
                layers.append(layer);
            }
            const bool uniform = (baseHidden || !m_bgImage)
                && std::all_of(layers.cbegin(), layers.cend(), [](const Layer &l) { return l.full; });
            samples.clear();
            auto sampleAt = [&](QPointF pt) {
                QRgb c = baseHidden ? m_bgColor : baseColor(pt);
                for (const Layer &layer : std::as_const(layers)) {
                    if (layer.full) {
                        c = Contrast::compositeOver(layer.prim->fill, c);
                    } else if (const auto lc = layerColor(*layer.prim, pt)) {
                        c = Contrast::compositeOver(*lc, c);
                    }
                }
                samples.append(c);
            };
            if (uniform) {
                sampleAt(p.toSlide.map(box.rect.center()));
            } else {
                const int nx = std::clamp(int(std::ceil(box.rect.width() / kSampleStep)), 2, 64);
                const int ny = std::clamp(int(std::ceil(box.rect.height() / kSampleStep)), 2, 16);
                for (int iy = 0; iy < ny; ++iy) {
                    for (int ix = 0; ix < nx; ++ix) {
                        const QPointF local(box.rect.x() + (ix + 0.5) * box.rect.width() / nx,
                                            box.rect.y() + (iy + 0.5) * box.rect.height() / ny);
                        sampleAt(p.toSlide.map(local));
                    }
                }
            }
            const QRgb text = box.style.color.rgba();
            QRgb worstBg = 0;
            const double ratio = percentileRatio(text, samples, &worstBg, scratch);
            const bool large = Contrast::isLargeText(box.style.size, box.style.bold);
            const double required = Contrast::requiredRatio(level, large);
            if (ratio + 1e-9 >= required) {
                // Passes WCAG; APCA's view is reported as information.
                const QRgb shown = Contrast::compositeOver(text, worstBg);
                const double lc = std::abs(Contrast::apcaLc(shown, worstBg));
                const double wanted = Contrast::apcaRecommendedLc(box.style.size, box.style.bold);
                if (lc + 1e-9 < wanted && (!apcaLow || lc < apcaLow->ratio)) {
                    RunVerdict v;
                    v.paragraph = box.paragraph;
                    v.run = box.run;
                    v.ratio = lc;        // Lc, not a WCAG ratio
                    v.required = wanted;
                    v.text = shown;
                    v.background = worstBg;
                    v.size = box.style.size;
                    v.bold = box.style.bold;
                    apcaLow = v;
                }
                continue;
            }
            RunVerdict v;
            v.paragraph = box.paragraph;
            v.run = box.run;
            v.ratio = ratio;
            v.required = required;
            v.text = Contrast::compositeOver(text, worstBg);
            v.background = worstBg;
            v.size = box.style.size;
            v.bold = box.style.bold;
            v.large = large;
            v.samples = samples;
            const double margin = ratio / required;
            if (!any || margin < worstMargin) {
                worst = v;
                worstMargin = margin;
                any = true;
            }
            failing.append(std::move(v));
        }
        if (!any) {
            if (apcaLow) {
                Issue &info = add(QStringLiteral("contrast-apca"), Severity::Info, {p.reportId},
                                  QStringLiteral("%1 on %2 passes WCAG, but its APCA contrast is Lc %3 (text %4 on "
                                                 "%5); APCA recommends at least Lc %6 for %7 pt%8 text. Consider "
                                                 "more contrast; this is information, not an error.")
                                      .arg(capitalised(described(p)), where(), num(apcaLow->ratio, 1),
                                           hexRgb(apcaLow->text), hexRgb(apcaLow->background),
                                           num(apcaLow->required), num(apcaLow->size, 1),
                                           apcaLow->bold ? QStringLiteral(" bold") : QString()));
                info.data.insert(QStringLiteral("apcaLc"), round1(apcaLow->ratio));
                info.data.insert(QStringLiteral("apcaRecommended"), apcaLow->required);
                info.data.insert(QStringLiteral("fontSize"), round1(apcaLow->size));
                info.data.insert(QStringLiteral("foreground"), hexRgb(apcaLow->text));
                info.data.insert(QStringLiteral("background"), hexRgb(apcaLow->background));
                info.data.insert(QStringLiteral("paragraph"), apcaLow->paragraph);
                info.data.insert(QStringLiteral("run"), apcaLow->run);
            }
            return;
        }

        const QString levelName = level == ContrastLevel::AAA ? QStringLiteral("AAA") : QStringLiteral("AA");
        const double lc = Contrast::apcaLc(worst.text, worst.background);
        Issue &is = add(QStringLiteral("contrast"), Severity::Error, {p.reportId},
                        QStringLiteral("%1 on %2 has a contrast of %3:1 against its background %4 (text %5); WCAG "
                                       "%6 needs %7:1 for %8 text. Use a %9 text colour or change the background.")
                            .arg(capitalised(described(p)), where(), num(worst.ratio, 2), hexRgb(worst.background),
                                 hexRgb(worst.text), levelName, num(worst.required, 1),
                                 worst.large ? QStringLiteral("large") : QStringLiteral("normal"),
                                 Contrast::relativeLuminance(worst.background) > 0.18 ? QStringLiteral("darker")
                                                                                       : QStringLiteral("lighter")));
        is.data.insert(QStringLiteral("ratio"), round2(worst.ratio));
        is.data.insert(QStringLiteral("required"), worst.required);
        is.data.insert(QStringLiteral("level"), levelName);
        is.data.insert(QStringLiteral("largeText"), worst.large);
        is.data.insert(QStringLiteral("fontSize"), round1(worst.size));
        is.data.insert(QStringLiteral("foreground"), hexRgb(worst.text));
        is.data.insert(QStringLiteral("background"), hexRgb(worst.background));
        is.data.insert(QStringLiteral("apcaLc"), round1(lc));
        is.data.insert(QStringLiteral("paragraph"), worst.paragraph);
        is.data.insert(QStringLiteral("run"), worst.run);
        is.data.insert(QStringLiteral("failingRuns"), int(failing.size()));
        const QString colorParam = p.inComponent ? textColorParam(p, worst) : QString();
        if (!editable(p) && colorParam.isEmpty())
            return;

        // The brand colour that gives every failing run the best contrast.
        std::optional<QString> bestToken;
        double bestMargin = 0;
        for (const auto &[name, color] : m_kit.colors) {
            if (color.alpha() != 255)
                continue;
            double minMargin = 1e9;
            for (const RunVerdict &v : std::as_const(failing))
                minMargin = std::min(minMargin, percentileRatio(color.rgba(), v.samples, nullptr, scratch) / v.required);
            if (minMargin >= 1.0 && (!bestToken || minMargin > bestMargin)) {
                bestToken = name;
                bestMargin = minMargin;
            }
        }
        if (!bestToken)
            return;
        if (!colorParam.isEmpty()) {
            Fix f;
            f.kind = QStringLiteral("set-param");
            f.elementId = p.reportId;
            f.params.insert(QStringLiteral("name"), colorParam);
            f.params.insert(QStringLiteral("value"), QString(QStringLiteral("brand:") + *bestToken));
            f.description = QStringLiteral("Set the component's \u201c%1\u201d to brand:%2")
                                .arg(colorParam, *bestToken);
            is.message += QStringLiteral(" Set the component's \u201c%1\u201d to brand:%2, the brand colour "
                                         "with the most contrast here.")
                              .arg(colorParam, *bestToken);
            is.fix = f;
            return;
        }
        QStringList runs;
        for (const RunVerdict &v : std::as_const(failing)) {
            const QString r = QStringLiteral("%1:%2").arg(v.paragraph).arg(v.run);
            if (!runs.contains(r))
                runs.append(r);
        }
        Fix f;
        f.kind = QStringLiteral("set-text-color");
        f.elementId = p.e->id;
        f.params.insert(QStringLiteral("color"), QString(QStringLiteral("brand:") + *bestToken));
        f.params.insert(QStringLiteral("runs"), runs);
        f.description = QStringLiteral("Use brand:%1 for the text (%2:1)")
                            .arg(*bestToken, num(bestMargin * worst.required, 2));
        is.message += QStringLiteral(" The brand colour with the most contrast here is brand:%1.").arg(*bestToken);
        is.fix = f;
    }

    /*! The colour parameter of \a p's component instance that sets the colour
     *  of the run in \a v: the only colour parameter whose value (set, or its
     *  default) is the run's colour. Empty when none or ambiguous. */
    QString textColorParam(const Prim &p, const RunVerdict &v) const
    {
        const Element *inst = m_slide.findElement(p.reportId);
        if (!inst || inst->locked || !p.e->text)
            return {};
        const ComponentDef *def = m_d.components.find(inst->component);
        const TextBody &body = *p.e->text;
        if (!def || v.paragraph >= body.paragraphs.size() || v.run >= body.paragraphs[v.paragraph].runs.size())
            return {};
        const TextRun &run = body.paragraphs[v.paragraph].runs[v.run];
        const std::optional<ColorRef> ref = run.style.color ? run.style.color : body.style.color;
        const QString value = ref ? ref->toString() : QStringLiteral("brand:text");
        QString found;
        for (const ComponentParam &param : def->params) {
            if (param.type != QLatin1String("color"))
                continue;
            const auto it = inst->params.find(param.name);
            const QString current = it != inst->params.end() ? it->second : param.defaultValue;
            if (current.compare(value, Qt::CaseInsensitive) != 0)
                continue;
            if (!found.isEmpty())
                return {}; // two parameters hold that colour: which one colours the text is a guess
            found = param.name;
        }
        return found;
    }

    const ValidatorCore &m_d;
    const Deck &m_deck;
    const BrandKit &m_kit;
    const Slide &m_slide;
    const int m_index;
    const QVector<QString> &m_titleKeys;
    const quint64 m_generation;
    QVector<Issue> &m_out;
    const QRectF m_slideRect;
    const QString m_where;
    mutable QVector<QString> m_descriptions; //!< described(), by prim index

    QVector<const Element *> m_topLevel;
    QVector<Prim> m_prims;
    std::deque<QVector<Element>> m_expanded; //!< component parts the prims point into
    ImagePtr m_bgImage;
    QRgb m_bgColor = 0xffffffff;
    QSet<QString> m_colorSeen;
    QSet<QString> m_fontSeen;
    QHash<QString, QString> m_substitutes;  //!< font spec → its missing first family, or ""
    std::map<QString, std::pair<QString, QStringList>> m_substituted; //!< missing family → (used, element ids)
};

QVector<QString> titleKeys(const Deck &deck)
{
    QVector<QString> keys;
    keys.reserve(deck.slides.size());
    for (const Slide &s : deck.slides)
        keys.append(titleKey(s.title()));
    return keys;
}

} // namespace

void ValidatorCore::checkSlide(const Deck &deck, int index, const QVector<QString> &keys, quint64 generation,
                               QVector<Issue> &out) const
{
    SlideChecker checker(*this, deck, index, keys, generation, out);
    checker.run();
}

struct Validator::Private : ValidatorCore
{
    using ValidatorCore::ValidatorCore;
};

// ---------------------------------------------------------------------------

Validator::Validator(const ComponentLibrary &components, const TextLayoutEngine &text, const AssetStore &assets)
    : d(std::make_unique<Private>(components, text, assets))
{}

Validator::~Validator() = default;

void Validator::clearCache()
{
    QMutexLocker lock(&d->mutex);
    d->images.clear();
    d->layouts.clear();
    d->expansions.clear();
}

QVector<Issue> Validator::validateSlide(const Deck &deck, int slideIndex) const
{
    QVector<Issue> issues;
    if (slideIndex < 0 || slideIndex >= deck.slides.size())
        return issues;
    d->checkSlide(deck, slideIndex, titleKeys(deck), d->useKit(deck.brand), issues);
    sortIssues(issues);
    return issues;
}

QVector<Issue> Validator::validateDeck(const Deck &deck) const
{
    QVector<Issue> issues;
    const QVector<QString> keys = titleKeys(deck);
    const quint64 generation = d->useKit(deck.brand);
    // Slides come in index order, so sorting each slide's few issues sorts them all.
    QVector<Issue> slideIssues;
    for (int i = 0; i < deck.slides.size(); ++i) {
        slideIssues.clear();
        d->checkSlide(deck, i, keys, generation, slideIssues);
        sortIssues(slideIssues);
        for (Issue &is : slideIssues)
            issues.append(std::move(is));
    }
    return issues;
}

} // namespace slidespec
