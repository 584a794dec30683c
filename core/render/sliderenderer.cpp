// SPDX-License-Identifier: GPL-3.0-or-later
#include "render/sliderenderer.h"

#include "components/componentlibrary.h"
#include "model/assetstore.h"
#include "text/textlayout.h"

#include <QMutexLocker>
#include <QPainter>
#include <QPaintEngine>

#include <algorithm>
#include <climits>
#include <cmath>

namespace slidespec {

namespace {

/*! Groups may nest 8 deep in a file; in-memory decks are cut off here. */
constexpr int kMaxDepth = 32;
/*! SVG rasterisation sizes are rounded up to a multiple of this, so the
 *  asset cache holds few sizes of one image. */
constexpr int kSvgWidthStep = 64;
constexpr int kMaxSvgWidth = 4096;

const QColor kPlaceholderFill(0xEE, 0xEE, 0xEE);
const QColor kPlaceholderHatch(0xC4, 0xC4, 0xC4);
const QColor kPlaceholderBorder(0x9E, 0x9E, 0x9E);
const QColor kPlaceholderText(0x61, 0x61, 0x61);

bool isFinite(const Frame &f)
{
    return std::isfinite(f.x) && std::isfinite(f.y) && std::isfinite(f.w) && std::isfinite(f.h)
        && std::isfinite(f.rotation);
}

/*! \a elements in paint order: by z, ties in array order. */
QVector<const Element *> paintOrder(const QVector<Element> &elements)
{
    QVector<const Element *> order;
    order.reserve(elements.size());
    for (const Element &e : elements)
        order.append(&e);
    std::stable_sort(order.begin(), order.end(), [](const Element *a, const Element *b) { return a->z < b->z; });
    return order;
}

/*! Rotation by \a degrees about \a centre, in slide coordinates. */
QTransform rotationAbout(QPointF centre, double degrees)
{
    QTransform t;
    t.translate(centre.x(), centre.y());
    t.rotate(degrees);
    t.translate(-centre.x(), -centre.y());
    return t;
}

QPen strokePen(const Stroke &stroke, const QColor &color)
{
    QPen pen(color, stroke.width);
    pen.setJoinStyle(Qt::MiterJoin);
    pen.setCapStyle(Qt::FlatCap);
    // Patterns in units of the pen width, close to PowerPoint's dash / sysDot.
    switch (stroke.dash) {
    case DashStyle::Solid:
        break;
    case DashStyle::Dash:
        pen.setDashPattern({4, 3});
        break;
    case DashStyle::Dot:
        pen.setDashPattern({1, 1});
        break;
    }
    return pen;
}

/*! Largest scale factor the painter's device transform applies. */
double deviceScale(const QPainter *painter)
{
    const QTransform t = painter->deviceTransform();
    const double sx = std::hypot(t.m11(), t.m12());
    const double sy = std::hypot(t.m21(), t.m22());
    return std::max(sx, sy);
}

} // namespace

struct SlideRenderer::Context
{
    QPainter *painter = nullptr;
    const Deck *deck = nullptr;
    const RenderOptions *options = nullptr;
};

SlideRenderer::SlideRenderer(const ComponentLibrary &components, const TextLayoutEngine &text,
                             const AssetStore &assets)
    : m_components(components)
    , m_text(text)
    , m_assets(assets)
{
    m_scaled.setMaxCost(96 * 1024); // KiB
}

SlideRenderer::~SlideRenderer() = default;

QColor SlideRenderer::backgroundColor(const Deck &deck, const Slide &slide)
{
    if (slide.background.color) {
        if (const auto c = deck.brand.resolve(*slide.background.color))
            return *c;
    }
    if (const auto c = deck.brand.color(QStringLiteral("background")))
        return *c;
    return Qt::white;
}

void SlideRenderer::paint(QPainter *painter, const Deck &deck, int slideIndex, const RenderOptions &options) const
{
    if (!painter || slideIndex < 0 || slideIndex >= deck.slides.size())
        return;
    const Slide &slide = deck.slides.at(slideIndex);
    painter->save();
    painter->setRenderHint(QPainter::Antialiasing, true);
    painter->setRenderHint(QPainter::SmoothPixmapTransform, true);
    painter->setRenderHint(QPainter::TextAntialiasing, true);

    Context ctx{painter, &deck, &options};
    const QRectF slideRect(QPointF(0, 0), deck.size);
    painter->fillRect(slideRect, backgroundColor(deck, slide));
    if (!slide.background.image.isEmpty()) {
        // A broken background image keeps the colour rather than covering
        // the slide with a placeholder.
        paintImage(ctx, slide.background.image, slideRect, ImageFit::Cover, false);
    }
    for (const Element *e : slide.paintOrder())
        paintElement(ctx, *e, 0);
    painter->restore();
}

QImage SlideRenderer::renderSlide(const Deck &deck, int slideIndex, int widthPx, const RenderOptions &options) const
{
    if (slideIndex < 0 || slideIndex >= deck.slides.size() || widthPx <= 0 || widthPx > 32768
        || !(deck.size.width() > 0) || !(deck.size.height() > 0))
        return {};
    const double dpr = options.devicePixelRatio > 0 ? options.devicePixelRatio : 1.0;
    const int w = int(std::lround(widthPx * dpr));
    const int h = std::max(1, int(std::lround(w * deck.size.height() / deck.size.width())));
    if (w <= 0 || w > 32768 || h > 32768)
        return {};
    // Slides are opaque: RGB32 is the raster engine's fastest format.
    QImage image(w, h, QImage::Format_RGB32);
    if (image.isNull() || !renderInto(image, deck, slideIndex, options))
        return {};
    image.setDevicePixelRatio(dpr);
    return image;
}

bool SlideRenderer::renderInto(QImage &image, const Deck &deck, int slideIndex, const RenderOptions &options) const
{
    if (image.isNull() || image.format() == QImage::Format_Invalid || image.format() == QImage::Format_Indexed8
        || image.format() == QImage::Format_Mono || image.format() == QImage::Format_MonoLSB
        || slideIndex < 0 || slideIndex >= deck.slides.size() || !(deck.size.width() > 0) || !(deck.size.height() > 0))
        return false;
    const int w = image.width();
    const int h = image.height();
    image.setDevicePixelRatio(1.0);
    image.fill(Qt::white);
    // Paint at 72 dpi, so a font's point size is that many slide units on
    // this device as on the one text layout's; then record the real
    // resolution (pixels per inch of slide) for the file's metadata.
    constexpr int kDotsPerMeterAt72Dpi = 2835; // 72 / 0.0254
    image.setDotsPerMeterX(kDotsPerMeterAt72Dpi);
    image.setDotsPerMeterY(kDotsPerMeterAt72Dpi);
    {
        QPainter painter(&image);
        painter.scale(w / deck.size.width(), h / deck.size.height());
        paint(&painter, deck, slideIndex, options);
    }
    const int dotsPerMeter = int(std::lround(w / (deck.size.width() / 72.0) / 0.0254));
    image.setDotsPerMeterX(std::max(1, dotsPerMeter));
    image.setDotsPerMeterY(std::max(1, dotsPerMeter));
    return true;
}

void SlideRenderer::paintElement(Context &ctx, const Element &e, int depth) const
{
    if (depth > kMaxDepth || !isFinite(e.frame))
        return;
    QPainter *p = ctx.painter;
    switch (e.kind) {
    case ElementKind::Group: {
        p->save();
        if (e.frame.rotation != 0)
            p->setTransform(rotationAbout(e.frame.center(), e.frame.rotation), true);
        for (const Element *child : paintOrder(e.children))
            paintElement(ctx, *child, depth + 1);
        p->restore();
        return;
    }
    case ElementKind::Component: {
        QString error;
        const QVector<Element> parts = m_components.expand(e, &error);
        if (parts.isEmpty()) {
            if (ctx.options->drawPlaceholders && !error.isEmpty()) {
                p->save();
                p->setTransform(e.frame.transform(), true);
                paintPlaceholder(ctx, QRectF(0, 0, e.frame.w, e.frame.h),
                                 QStringLiteral("unknown component \u201c%1\u201d").arg(e.component));
                p->restore();
            }
            return;
        }
        p->save();
        if (e.frame.rotation != 0)
            p->setTransform(rotationAbout(e.frame.center(), e.frame.rotation), true);
        for (const Element &part : parts)
            paintElement(ctx, part, depth + 1);
        p->restore();
        return;
    }
    case ElementKind::Text:
    case ElementKind::Shape:
    case ElementKind::Image:
        break;
    }

    p->save();
    p->setTransform(e.frame.transform(), true);
    const QRectF local(0, 0, e.frame.w, e.frame.h);
    switch (e.kind) {
    case ElementKind::Text:
        if (e.fill) {
            if (const auto c = ctx.deck->brand.resolve(*e.fill))
                p->fillRect(local, *c);
        }
        if (e.text)
            paintText(ctx, *e.text, local.size());
        break;
    case ElementKind::Shape:
        paintShape(ctx, e);
        if (e.text && e.shape != ShapeKind::Line)
            paintText(ctx, *e.text, local.size());
        break;
    case ElementKind::Image:
        paintImage(ctx, e.src, local, e.fit, ctx.options->drawPlaceholders);
        break;
    default:
        break;
    }
    p->restore();
}

void SlideRenderer::paintShape(Context &ctx, const Element &e) const
{
    QPainter *p = ctx.painter;
    const BrandKit &kit = ctx.deck->brand;
    const QRectF local(0, 0, e.frame.w, e.frame.h);

    QPen pen(Qt::NoPen);
    if (e.stroke && e.stroke->width > 0 && std::isfinite(e.stroke->width)) {
        if (const auto c = kit.resolve(e.stroke->color))
            pen = strokePen(*e.stroke, *c);
    }
    QBrush brush(Qt::NoBrush);
    if (e.fill && e.shape != ShapeKind::Line) {
        if (const auto c = kit.resolve(*e.fill))
            brush = QBrush(*c);
    }
    if (pen.style() == Qt::NoPen && brush.style() == Qt::NoBrush)
        return;
    p->setPen(pen);
    p->setBrush(brush);
    switch (e.shape) {
    case ShapeKind::Rectangle:
        p->drawRect(local);
        break;
    case ShapeKind::RoundedRectangle: {
        const double r = std::clamp(e.cornerRadius, 0.0, std::min(local.width(), local.height()) / 2);
        if (r > 0)
            p->drawRoundedRect(local, r, r, Qt::AbsoluteSize);
        else
            p->drawRect(local);
        break;
    }
    case ShapeKind::Ellipse:
        p->drawEllipse(local);
        break;
    case ShapeKind::Line:
        if (e.flipV)
            p->drawLine(local.bottomLeft(), local.topRight());
        else
            p->drawLine(local.topLeft(), local.bottomRight());
        break;
    }
}

void SlideRenderer::paintText(Context &ctx, const TextBody &body, QSizeF size) const
{
    if (body.isEmpty())
        return;
    const BrandKit &kit = ctx.deck->brand;
    double scale = 1.0;
    auto result = m_text.layout(body, kit, size, scale);
    if (ctx.options->fitOverflowingText && result->overflows()) {
        scale = m_text.fitScale(body, kit, size);
        if (scale != 1.0)
            result = m_text.layout(body, kit, size, scale);
    }
    result->draw(ctx.painter);
}

bool SlideRenderer::isSvg(const Deck &deck, const QString &src) const
{
    const QString key = src.size() > 256 ? QString::number(qHash(src)) + u'#' + QString::number(src.size()) : src;
    {
        QMutexLocker lock(&m_mutex);
        const auto it = m_svgSources.constFind(key);
        if (it != m_svgSources.constEnd())
            return *it;
    }
    const AssetData data = m_assets.load(deck, src);
    const bool svg = data.mime == QLatin1String("image/svg+xml");
    QMutexLocker lock(&m_mutex);
    if (m_svgSources.size() > 4096)
        m_svgSources.clear();
    m_svgSources.insert(key, svg);
    return svg;
}

void SlideRenderer::paintImage(Context &ctx, const QString &src, const QRectF &rect, ImageFit fit,
                               bool placeholder) const
{
    if (rect.width() <= 0 || rect.height() <= 0)
        return;
    QPainter *p = ctx.painter;
    QString error;
    QImage image;
    const bool svg = !src.isEmpty() && isSvg(*ctx.deck, src);
    if (svg) {
        // Rasterise at the size the image is drawn, in device pixels.
        const QImage probe = m_assets.image(*ctx.deck, src, &error, kSvgWidthStep);
        if (!probe.isNull()) {
            double drawnWidth = rect.width();
            if (fit == ImageFit::Cover && probe.height() > 0) {
                const double aspect = double(probe.width()) / probe.height();
                drawnWidth = std::max(rect.width(), rect.height() * aspect);
            } else if (fit == ImageFit::Contain && probe.height() > 0) {
                const double aspect = double(probe.width()) / probe.height();
                drawnWidth = std::min(rect.width(), rect.height() * aspect);
            }
            const double pixels = drawnWidth * std::max(ctx.options->minRasterScale, deviceScale(p));
            int width = int(std::ceil(pixels / kSvgWidthStep)) * kSvgWidthStep;
            width = std::clamp(width, kSvgWidthStep, kMaxSvgWidth);
            image = m_assets.image(*ctx.deck, src, &error, width);
        }
    } else if (!src.isEmpty()) {
        image = m_assets.image(*ctx.deck, src, &error);
    }
    if (image.isNull() || image.width() <= 0 || image.height() <= 0) {
        if (placeholder)
            paintPlaceholder(ctx, rect, QStringLiteral("missing image"));
        return;
    }

    const double iw = image.width();
    const double ih = image.height();
    QRectF target = rect;
    QRectF source(0, 0, iw, ih);
    switch (fit) {
    case ImageFit::Stretch:
        break;
    case ImageFit::Contain: {
        const double s = std::min(rect.width() / iw, rect.height() / ih);
        const QSizeF size(iw * s, ih * s);
        target = QRectF(rect.center() - QPointF(size.width() / 2, size.height() / 2), size);
        break;
    }
    case ImageFit::Cover: {
        // Crop the source to the frame's aspect: no clip path needed.
        const double s = std::max(rect.width() / iw, rect.height() / ih);
        const QSizeF size(rect.width() / s, rect.height() / s);
        source = QRectF(QPointF((iw - size.width()) / 2, (ih - size.height()) / 2), size);
        break;
    }
    }
    // Bilinear sampling of a much larger image aliases: on raster devices,
    // draw a copy scaled down smoothly to the device size (cached).
    const double pixelsPerUnit = deviceScale(p);
    const QSize devicePixels(int(std::ceil(target.width() * pixelsPerUnit)), int(std::ceil(target.height() * pixelsPerUnit)));
    if (p->paintEngine() && p->paintEngine()->type() == QPaintEngine::Raster && devicePixels.width() > 0
        && devicePixels.height() > 0 && devicePixels.width() * 2 < source.width()
        && devicePixels.height() * 2 < source.height()) {
        const QImage scaled = scaledImage(image, source.toAlignedRect(), devicePixels);
        if (!scaled.isNull()) {
            p->drawImage(target, scaled);
            return;
        }
    }
    p->drawImage(target, image, source);
}

QImage SlideRenderer::scaledImage(const QImage &image, const QRect &source, QSize size) const
{
    const QString key = QStringLiteral("%1:%2,%3,%4,%5:%6x%7")
                            .arg(image.cacheKey())
                            .arg(source.x()).arg(source.y()).arg(source.width()).arg(source.height())
                            .arg(size.width()).arg(size.height());
    {
        QMutexLocker lock(&m_mutex);
        if (const QImage *cached = m_scaled.object(key))
            return *cached;
    }
    const QImage scaled = image.copy(source).scaled(size, Qt::IgnoreAspectRatio, Qt::SmoothTransformation);
    QMutexLocker lock(&m_mutex);
    m_scaled.insert(key, new QImage(scaled), int(std::min<qsizetype>(scaled.sizeInBytes() / 1024, INT_MAX)));
    return scaled;
}

void SlideRenderer::paintPlaceholder(Context &ctx, const QRectF &rect, const QString &label) const
{
    if (rect.width() <= 0 || rect.height() <= 0)
        return;
    QPainter *p = ctx.painter;
    p->save();
    p->fillRect(rect, kPlaceholderFill);
    QBrush hatch(kPlaceholderHatch, Qt::BDiagPattern);
    p->fillRect(rect, hatch);
    QPen pen(kPlaceholderBorder, 1);
    pen.setCosmetic(true);
    p->setPen(pen);
    p->setBrush(Qt::NoBrush);
    p->drawRect(rect);

    // The label goes through the one text layout like all other text.
    const double size = std::clamp(std::min(rect.width(), rect.height()) / 8, 4.0, 10.0);
    TextBody body;
    body.anchor = VAnchor::Middle;
    body.insets = Insets{2, 2, 2, 2};
    body.style.size = size;
    body.style.color = ColorRef::fromColor(kPlaceholderText);
    Paragraph para;
    para.align = HAlign::Center;
    TextRun run;
    run.text = label;
    para.runs.append(run);
    body.paragraphs.append(para);
    const auto result = m_text.layout(body, ctx.deck->brand, rect.size(), 1.0);
    if (!result->overflows() || rect.height() >= size * 1.5) {
        p->translate(rect.topLeft());
        p->setClipRect(QRectF(QPointF(0, 0), rect.size()), Qt::IntersectClip);
        result->draw(p);
    }
    p->restore();
}

} // namespace slidespec
