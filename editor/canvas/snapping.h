// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "model/geometry.h"

#include <QFlags>
#include <QPointF>
#include <QRectF>
#include <QSizeF>
#include <QVector>

#include <optional>

namespace slidespec {

/*!
 * \brief Snapping of a dragged rectangle, as pure maths (no UI).
 *
 * The canvas calls snap() on every pointer move with the rect where the
 * pointer would put the element; it moves the element by the returned delta
 * and draws the guides. Everything is in slide points; the threshold is the
 * screen distance divided by the zoom, so snapping feels the same at every
 * zoom.
 */
namespace Snapping {

/*! Edges of the moving rect that move. */
enum class Edge { Left = 0x1, Right = 0x2, Top = 0x4, Bottom = 0x8 };
Q_DECLARE_FLAGS(Edges, Edge)

/*! All four edges: the rect is moved, not resized. */
constexpr Edges kMove = Edges(0xf);

/*! \brief What a snap is asked to do. */
struct Request
{
    QRectF rect;                      //!< where the pointer would put the rect
    Edges edges = kMove;              //!< all four for a move; the dragged edges for a resize
    QSizeF slideSize{kDefaultSlideWidth, kDefaultSlideHeight};
    std::optional<Insets> safeMargins; //!< the kit's safe margins, if any
    QVector<QRectF> others;           //!< bounds of the other elements of the slide
    double threshold = 6;             //!< points: snap when nearer than this
    bool disabled = false;            //!< the user holds Alt: no snapping, no guides
};

enum class GuideKind { SlideEdge, SlideCenter, SafeMargin, ElementEdge, ElementCenter };

/*! \brief A line to draw while snapped. */
struct Guide
{
    Qt::Orientation orientation; //!< Vertical: the line x = position; Horizontal: y = position
    double position = 0;
    double start = 0;            //!< extent along the line
    double end = 0;
    GuideKind kind = GuideKind::SlideEdge;

    bool operator==(const Guide &) const = default;
};

/*! \brief Equal gaps to mark while the rect sits at equal spacing. */
struct SpacingHint
{
    Qt::Orientation orientation;   //!< Horizontal: gaps along x
    double gap = 0;                //!< the common gap, points
    QVector<QPointF> intervals;    //!< each gap as (from, to) along the axis
    double across = 0;             //!< where to draw them on the other axis
};

/*! \brief How to move the rect, and what to show. */
struct Result
{
    QPointF delta;                 //!< add to the rect (for a resize: to the dragged edges)
    bool snappedX = false;
    bool snappedY = false;
    QVector<Guide> guides;
    QVector<SpacingHint> spacing;

    /*! The rect after snapping, for the edges \a edges. */
    QRectF apply(const QRectF &rect, Edges edges = kMove) const;
};

/*! Snaps \a request.rect to the slide's edges and centre, the safe margins,
 *  and other elements' edges and centres (and, for a move, to equal
 *  spacing between neighbours): whichever is nearest within the threshold,
 *  separately on each axis. */
Result snap(const Request &request);

} // namespace Snapping

} // namespace slidespec

Q_DECLARE_OPERATORS_FOR_FLAGS(slidespec::Snapping::Edges)
