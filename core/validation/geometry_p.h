// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Geometry helpers of the validator (private to core/validation).

#include "model/deck.h"

#include <QPointF>
#include <QRectF>
#include <QTransform>
#include <QVector>

#include <array>

namespace slidespec::ValidationGeometry {

/*! A rotated rectangle: four corners in slide points, in order. */
using Quad = std::array<QPointF, 4>;

/*! \a outer contains \a inner, edges included; unlike QRectF::contains()
 *  a zero-height line or zero-width rule counts. */
inline bool encloses(const QRectF &outer, const QRectF &inner)
{
    return inner.left() >= outer.left() && inner.right() <= outer.right() && inner.top() >= outer.top()
        && inner.bottom() <= outer.bottom();
}

/*! \a a and \a b share at least a point; degenerate rectangles included. */
inline bool touches(const QRectF &a, const QRectF &b)
{
    return a.left() <= b.right() && b.left() <= a.right() && a.top() <= b.bottom() && b.top() <= a.bottom();
}

/*! \a a and \a b share an area (not just an edge). */
inline bool overlapsArea(const QRectF &a, const QRectF &b)
{
    return a.left() < b.right() && b.left() < a.right() && a.top() < b.bottom() && b.top() < a.bottom();
}

inline QRectF grownBy(const QRectF &r, double d) { return r.adjusted(-d, -d, d, d); }

/*! The rotation of a group or component instance about its centre. */
QTransform rotationAbout(const Frame &f);
/*! The axis-aligned bounds of \a q. */
QRectF quadBounds(const Quad &q);
/*! The corners of \a r mapped by \a t. */
Quad mapRect(const QTransform &t, const QRectF &r);
/*! The area of a simple polygon (shoelace). */
double polygonArea(const QVector<QPointF> &poly);
/*! The intersection of two convex quads (Sutherland–Hodgman); empty or
 *  fewer than three points when they do not overlap. */
QVector<QPointF> intersectQuads(const Quad &subject, const Quad &clip);
/*! Where an image of \a natural size is drawn inside \a frame with \a fit,
 *  as SlideRenderer draws it (centred; cover may exceed the frame). */
QRectF drawnRect(const QRectF &frame, QSizeF natural, ImageFit fit);

} // namespace slidespec::ValidationGeometry
