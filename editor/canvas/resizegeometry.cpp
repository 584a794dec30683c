// SPDX-License-Identifier: GPL-3.0-or-later
#include "canvas/resizegeometry.h"

#include <QTransform>

#include <algorithm>
#include <cmath>

namespace slidespec::ResizeGeometry {

namespace {

QTransform rotation(double degrees)
{
    QTransform t;
    t.rotate(degrees);
    return t;
}

/*! The new side of a side \a size whose edge moved by \a d on side \a h. */
double side(double size, int h, double d)
{
    return h == 0 ? size : size + h * d;
}

} // namespace

QPointF anchorPoint(const Frame &frame, int hx, int hy)
{
    // In frame-local coordinates from the centre, then onto the slide.
    const QPointF local(-hx * frame.w / 2, -hy * frame.h / 2);
    return frame.center() + rotation(frame.rotation).map(local);
}

Frame resizeFrame(const Frame &start, int hx, int hy, QPointF delta, bool keepAspect, double minSize)
{
    hx = std::clamp(hx, -1, 1);
    hy = std::clamp(hy, -1, 1);
    // The pointer's move along the frame's own axes.
    const QPointF local = rotation(-start.rotation).map(delta);
    double w = side(start.w, hx, local.x());
    double h = side(start.h, hy, local.y());
    if (keepAspect && hx != 0 && hy != 0 && start.w > 0 && start.h > 0) {
        const double s = std::max(w / start.w, h / start.h);
        w = start.w * s;
        h = start.h * s;
    }
    if (keepAspect && hx != 0 && hy != 0 && (w < minSize || h < minSize) && start.w > 0 && start.h > 0) {
        const double s = std::max(minSize / start.w, minSize / start.h);
        w = start.w * s;
        h = start.h * s;
    }
    w = std::max(w, minSize);
    h = std::max(h, minSize);

    // Keep the opposite corner (or the middle of the opposite edge) in place.
    const QPointF anchor = anchorPoint(start, hx, hy);
    const QPointF anchorFromCentre = rotation(start.rotation).map(QPointF(-hx * w / 2, -hy * h / 2));
    const QPointF centre = anchor - anchorFromCentre;
    return Frame{centre.x() - w / 2, centre.y() - h / 2, w, h, start.rotation};
}

QRectF resizeBounds(const QRectF &bounds, int hx, int hy, QPointF delta, bool keepAspect, double minSize)
{
    const Frame f = resizeFrame(Frame{bounds.x(), bounds.y(), bounds.width(), bounds.height(), 0}, hx, hy, delta,
                                keepAspect, minSize);
    return f.rect();
}

QVector<Frame> scaleFrames(const QVector<Frame> &frames, const QRectF &from, const QRectF &to, double minSize)
{
    QVector<Frame> out;
    out.reserve(frames.size());
    if (from.width() <= 0 || from.height() <= 0)
        return frames;
    const double sx = to.width() / from.width();
    const double sy = to.height() / from.height();
    for (const Frame &f : frames) {
        const QPointF c = f.center();
        const QPointF nc(to.x() + (c.x() - from.x()) * sx, to.y() + (c.y() - from.y()) * sy);
        // A frame turned by about 90° has its width along the slide's y.
        const double turn = std::fmod(std::abs(f.rotation), 180.0);
        const bool across = turn > 45 && turn < 135;
        const double w = std::max(f.w * (across ? sy : sx), minSize);
        const double h = std::max(f.h * (across ? sx : sy), minSize);
        out.append(Frame{nc.x() - w / 2, nc.y() - h / 2, w, h, f.rotation});
    }
    return out;
}

} // namespace slidespec::ResizeGeometry
