// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "model/geometry.h"

#include <QPointF>
#include <QRectF>
#include <QVector>

namespace slidespec {

/*!
 * \brief Resize maths of the canvas's handles, in slide points (no UI).
 *
 * A handle is named by (hx, hy), each -1, 0 or 1: the side of the frame it
 * sits on along the frame's own x and y axes (-1 left/top, 1 right/bottom,
 * 0 the middle). Dragging it moves those edges; the opposite corner (or
 * edge) stays where it is on the slide, also for a rotated frame, whose
 * centre therefore moves.
 */
namespace ResizeGeometry {

/*!
 * The frame \a start becomes when handle (\a hx, \a hy) is dragged by
 * \a delta (slide coordinates, from where the drag began). \a keepAspect
 * (corner handles only) scales both sides by the larger factor. Sides stay
 * at least \a minSize; the rotation is kept.
 */
Frame resizeFrame(const Frame &start, int hx, int hy, QPointF delta, bool keepAspect, double minSize = 1);

/*! Where the corner or edge opposite handle (\a hx, \a hy) of \a frame lies on the slide. */
QPointF anchorPoint(const Frame &frame, int hx, int hy);

/*!
 * Axis-aligned \a bounds dragged by handle (\a hx, \a hy) by \a delta: the
 * selection box of several elements. Same rules as resizeFrame() without
 * rotation.
 */
QRectF resizeBounds(const QRectF &bounds, int hx, int hy, QPointF delta, bool keepAspect, double minSize = 1);

/*!
 * \a frames scaled as one picture from \a from to \a to: each centre keeps
 * its relative place in the bounds, each width and height scale with them.
 * Rotations are kept; a frame turned by about 90° takes the two factors the
 * other way round (exact for multiples of 90°, close otherwise). Sizes stay
 * at least \a minSize. With an empty \a from, \a frames come back as they are.
 */
QVector<Frame> scaleFrames(const QVector<Frame> &frames, const QRectF &from, const QRectF &to, double minSize = 1);

} // namespace ResizeGeometry

} // namespace slidespec
