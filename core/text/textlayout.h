// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "model/deck.h"
#include "text/fontresolver.h"

#include <QColor>
#include <QHash>
#include <QRectF>
#include <QVector>

#include <memory>

class QPainter;
class QTextLayout;

namespace slidespec {

namespace detail {
struct LayoutCaches;
}

/*! List geometry shared by the layout and the PPTX writer (points). */
constexpr double kListIndentPerLevel = 27.0; //!< 0.375 in per level
constexpr double kListHanging = 18.0;        //!< 0.25 in for the bullet
constexpr double kDefaultFontSize = 18.0;

/*!
 * The hanging indent of a list paragraph whose first run is \a fontSize
 * points (before any shrink-to-fit: PowerPoint scales fonts, not indents):
 * room for the bullet or the number and a gap, never less than kListHanging.
 */
double listHanging(ListKind kind, double fontSize);

/*! A run's style with everything inherited and resolved. */
struct ResolvedRunStyle
{
    QString family;      //!< installed family (FontResolver)
    double size = kDefaultFontSize; //!< points, after any font scale
    QColor color;        //!< resolved colour; invalid if the token is unknown
    bool bold = false;
    bool italic = false;
    bool underline = false;
};

/*! Resolves \a style (already merged body → run) against \a kit. */
ResolvedRunStyle resolveRunStyle(const TextStyle &style, const BrandKit &kit,
                                 const FontResolver &fonts, double fontScale = 1.0);

/*!
 * \brief The laid-out text of one element, in frame-local points.
 *
 * Produced by TextLayoutEngine; immutable and shareable between threads.
 */
class TextLayoutResult
{
public:
    /*! Where one run's glyphs are on one line, for contrast checks. */
    struct RunBox
    {
        int paragraph = 0;
        int run = 0;
        QRectF rect;             //!< frame-local points
        ResolvedRunStyle style;
    };

    ~TextLayoutResult();

    /*! Height the text needs, insets included. */
    double requiredHeight() const { return m_requiredHeight; }
    /*! Widest line, insets included. */
    double requiredWidth() const { return m_requiredWidth; }
    /*! True when the text needs more height than the frame gives it, or a
     *  single word is wider than the frame. */
    bool overflows() const { return m_overflows; }
    double fontScale() const { return m_fontScale; }
    int lineCount() const { return m_lineCount; }
    const QVector<RunBox> &runBoxes() const { return m_runBoxes; }
    /*! Bounds of the glyphs, frame-local, after vertical anchoring. */
    QRectF inkRect() const { return m_inkRect; }

    /*! Draws the text in frame-local coordinates (the painter's transform maps
     *  the frame's top left to 0,0). Text outside the frame is drawn too:
     *  overflow is visible, as it will be in PowerPoint. */
    void draw(QPainter *painter) const;

private:
    friend class TextLayoutEngine;

    struct Block
    {
        std::unique_ptr<QTextLayout> layout;
        QPointF origin;       //!< frame-local top left of the layout
        QString bullet;       //!< bullet or number text, empty for none
        QPointF bulletOrigin; //!< baseline-left of the bullet
        ResolvedRunStyle bulletStyle;
    };

    std::vector<Block> m_blocks;
    QVector<RunBox> m_runBoxes;
    double m_requiredHeight = 0;
    double m_requiredWidth = 0;
    double m_fontScale = 1.0;
    int m_lineCount = 0;
    bool m_overflows = false;
    QRectF m_inkRect;
};

/*!
 * \brief The one text layout of Slidespec.
 *
 * The validator's overflow check, the renderer and the PPTX writer's shrink
 * all call layout(), so what the check reports is what the preview shows and
 * what the export contains. Layout uses design metrics at 72 dpi, so one
 * point is one unit at every zoom and on every device.
 *
 * Results are cached by content, per thread: Qt's font engines belong to the
 * thread that made them, so a result may be drawn only in the thread that
 * asked for it, while its measurements (heights, run boxes) may be read
 * anywhere. The engine itself is thread-safe, and forgets a thread's layouts
 * when that thread exits (QThread or not), before Qt's own per-thread data
 * goes.
 */
class TextLayoutEngine
{
public:
    explicit TextLayoutEngine(const FontResolver *fonts);
    ~TextLayoutEngine();

    std::shared_ptr<const TextLayoutResult> layout(const TextBody &body, const BrandKit &kit,
                                                   QSizeF frameSize, double fontScale = 1.0) const;

    /*! The largest font scale in [0.25, 1], in 2.5 % steps, at which the text
     *  fits \a frameSize; 1 when it fits already, 0.25 when even that does not
     *  fit. What the exporter writes as PowerPoint's `normAutofit fontScale`. */
    double fitScale(const TextBody &body, const BrandKit &kit, QSizeF frameSize) const;

    const FontResolver &fonts() const { return *m_fonts; }

    void clearCache();

private:
    std::shared_ptr<const TextLayoutResult> compute(const TextBody &body, const BrandKit &kit,
                                                    QSizeF frameSize, double fontScale) const;

    const FontResolver *m_fonts;
    // Per-thread caches; shared with the thread-exit hooks that purge them.
    std::shared_ptr<detail::LayoutCaches> m_caches;
};

} // namespace slidespec
