// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "model/deck.h"

#include <QCache>
#include <QHash>
#include <QImage>
#include <QMutex>
#include <QString>

class QPainter;

namespace slidespec {

class AssetStore;
class ComponentLibrary;
class TextLayoutEngine;

/*! \brief How SlideRenderer draws a slide. */
struct RenderOptions
{
    /*!
     * Export mode: text that overflows its frame is drawn at
     * TextLayoutEngine::fitScale(), the scale the PPTX writer writes as
     * `normAutofit fontScale`, so PDF, PNG and PPTX agree. The editor's
     * preview leaves it off and shows the overflow.
     */
    bool fitOverflowingText = false;
    /*! A missing or unreadable image (or unknown component) is drawn as a
     *  neutral hatched box with a small label; off, it is left out. */
    bool drawPlaceholders = true;
    /*! renderSlide(): the image has widthPx × this pixels and this device
     *  pixel ratio, so it paints widthPx logical pixels wide. */
    double devicePixelRatio = 1.0;
    /*! Smallest number of pixels per point SVG images are rasterised at, for
     *  vector devices (PDF) whose own resolution is 1 unit per point. */
    double minRasterScale = 1.0;
};

/*!
 * \brief Paints slides with QPainter: the editor's preview, thumbnails and
 * the PNG and PDF exporters all draw through it.
 *
 * Text goes through TextLayoutEngine (the one text layout), component
 * instances through ComponentLibrary::expand(), images through AssetStore.
 * The renderer keeps references to the three; they must outlive it.
 * paint() and renderSlide() are const; the renderer's caches are guarded by
 * a mutex. Any thread may paint: TextLayoutEngine keeps each thread's text
 * layouts apart, as Qt's font engines require (the PNG exporter paints on
 * the calling thread and compresses in parallel).
 */
class SlideRenderer
{
public:
    SlideRenderer(const ComponentLibrary &components, const TextLayoutEngine &text, const AssetStore &assets);
    ~SlideRenderer();

    SlideRenderer(const SlideRenderer &) = delete;
    SlideRenderer &operator=(const SlideRenderer &) = delete;

    /*!
     * Paints slide \a slideIndex of \a deck in slide points: the painter's
     * transform must map one unit to one point (0,0 = the slide's top left).
     * The painter's state is restored on return. An index out of range paints
     * nothing.
     */
    void paint(QPainter *painter, const Deck &deck, int slideIndex, const RenderOptions &options = {}) const;

    /*! Slide \a slideIndex as an opaque image \a widthPx wide, the height
     *  following the deck's aspect ratio. Null when the index or width is
     *  out of range. */
    QImage renderSlide(const Deck &deck, int slideIndex, int widthPx, const RenderOptions &options = {}) const;

    /*! Paints slide \a slideIndex over all of \a image (reused: no
     *  allocation), scaled to its size in device pixels. Returns false, and
     *  leaves the image alone, when the index is out of range or the image
     *  is null or not a raster format QPainter paints on. */
    bool renderInto(QImage &image, const Deck &deck, int slideIndex, const RenderOptions &options = {}) const;

    /*! The colour a slide's background is filled with: its own colour, else
     *  the kit's `background` token, else white. */
    static QColor backgroundColor(const Deck &deck, const Slide &slide);

    const ComponentLibrary &components() const { return m_components; }
    const TextLayoutEngine &textEngine() const { return m_text; }
    const AssetStore &assets() const { return m_assets; }

private:
    struct Context;

    void paintElement(Context &ctx, const Element &element, int depth) const;
    void paintShape(Context &ctx, const Element &element) const;
    void paintText(Context &ctx, const TextBody &body, QSizeF size) const;
    void paintImage(Context &ctx, const QString &src, const QRectF &rect, ImageFit fit, bool placeholder) const;
    void paintPlaceholder(Context &ctx, const QRectF &rect, const QString &label) const;
    bool isSvg(const Deck &deck, const QString &src) const;
    QImage scaledImage(const QImage &image, const QRect &source, QSize size) const;

    const ComponentLibrary &m_components;
    const TextLayoutEngine &m_text;
    const AssetStore &m_assets;

    mutable QMutex m_mutex;
    mutable QHash<QString, bool> m_svgSources; //!< source key → is SVG
    mutable QCache<QString, QImage> m_scaled;  //!< smoothly downscaled images, cost in KiB
};

} // namespace slidespec
