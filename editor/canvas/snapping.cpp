// SPDX-License-Identifier: GPL-3.0-or-later
#include "canvas/snapping.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace slidespec::Snapping {

namespace {

constexpr double kSame = 1e-6; //!< positions this close are the same line

struct Target
{
    double value;
    GuideKind kind;
    double start; //!< extent of the guide on the other axis
    double end;
};

/*! Everything one axis needs: x for Horizontal, y for Vertical. */
struct Axis
{
    bool horizontal;
    double lo(const QRectF &r) const { return horizontal ? r.left() : r.top(); }
    double hi(const QRectF &r) const { return horizontal ? r.right() : r.bottom(); }
    double mid(const QRectF &r) const { return (lo(r) + hi(r)) / 2; }
    double crossLo(const QRectF &r) const { return horizontal ? r.top() : r.left(); }
    double crossHi(const QRectF &r) const { return horizontal ? r.bottom() : r.right(); }
};

struct AxisResult
{
    double delta = 0;
    bool snapped = false;
    QVector<Guide> guides;
    std::optional<SpacingHint> spacing;
};

AxisResult snapAxis(const Request &req, const Axis &axis, bool loMoves, bool hiMoves)
{
    AxisResult out;
    if (!loMoves && !hiMoves)
        return out;
    const bool move = loMoves && hiMoves;
    const QRectF &r = req.rect;
    const double length = axis.horizontal ? req.slideSize.width() : req.slideSize.height();
    const double across = axis.horizontal ? req.slideSize.height() : req.slideSize.width();

    QVector<double> candidates;
    if (loMoves)
        candidates.append(axis.lo(r));
    if (move)
        candidates.append(axis.mid(r));
    if (hiMoves)
        candidates.append(axis.hi(r));

    QVector<Target> targets;
    targets.append({0, GuideKind::SlideEdge, 0, across});
    targets.append({length / 2, GuideKind::SlideCenter, 0, across});
    targets.append({length, GuideKind::SlideEdge, 0, across});
    if (req.safeMargins) {
        const Insets &m = *req.safeMargins;
        targets.append({axis.horizontal ? m.left : m.top, GuideKind::SafeMargin, 0, across});
        targets.append({length - (axis.horizontal ? m.right : m.bottom), GuideKind::SafeMargin, 0, across});
    }
    for (const QRectF &o : req.others) {
        const double s = std::min(axis.crossLo(o), axis.crossLo(r));
        const double e = std::max(axis.crossHi(o), axis.crossHi(r));
        targets.append({axis.lo(o), GuideKind::ElementEdge, s, e});
        targets.append({axis.mid(o), GuideKind::ElementCenter, s, e});
        targets.append({axis.hi(o), GuideKind::ElementEdge, s, e});
    }

    double best = std::numeric_limits<double>::infinity();
    for (double c : candidates) {
        for (const Target &t : targets) {
            const double d = t.value - c;
            if (std::abs(d) <= req.threshold && std::abs(d) < std::abs(best))
                best = d;
        }
    }

    // Equal spacing among neighbours in the same band (moves only).
    std::optional<SpacingHint> spacing;
    double spacingDelta = std::numeric_limits<double>::infinity();
    if (move) {
        QVector<QRectF> band;
        for (const QRectF &o : req.others) {
            if (axis.crossLo(o) < axis.crossHi(r) && axis.crossHi(o) > axis.crossLo(r))
                band.append(o);
        }
        const double centre = axis.mid(r);
        const double size = axis.hi(r) - axis.lo(r);
        auto nearestBefore = [&](double limit) -> std::optional<QRectF> {
            std::optional<QRectF> found;
            for (const QRectF &o : band) {
                if (axis.hi(o) <= limit + kSame && (!found || axis.hi(o) > axis.hi(*found)))
                    found = o;
            }
            return found;
        };
        auto nearestAfter = [&](double limit) -> std::optional<QRectF> {
            std::optional<QRectF> found;
            for (const QRectF &o : band) {
                if (axis.lo(o) >= limit - kSame && (!found || axis.lo(o) < axis.lo(*found)))
                    found = o;
            }
            return found;
        };
        const std::optional<QRectF> a = nearestBefore(centre);
        const std::optional<QRectF> b = nearestAfter(centre);
        struct Option
        {
            double lo;       //!< new low edge of the moving rect
            double gap;
            QVector<QPointF> intervals;
        };
        QVector<Option> options;
        if (a && b) {
            const double gap = (axis.lo(*b) - axis.hi(*a) - size) / 2;
            if (gap >= 0) {
                const double lo = axis.hi(*a) + gap;
                options.append({lo, gap, {{axis.hi(*a), lo}, {lo + size, axis.lo(*b)}}});
            }
        }
        if (a) {
            if (const std::optional<QRectF> a2 = nearestBefore(axis.lo(*a))) {
                const double gap = axis.lo(*a) - axis.hi(*a2);
                if (gap >= 0)
                    options.append({axis.hi(*a) + gap, gap,
                                    {{axis.hi(*a2), axis.lo(*a)}, {axis.hi(*a), axis.hi(*a) + gap}}});
            }
        }
        if (b) {
            if (const std::optional<QRectF> b2 = nearestAfter(axis.hi(*b))) {
                const double gap = axis.lo(*b2) - axis.hi(*b);
                if (gap >= 0)
                    options.append({axis.lo(*b) - gap - size, gap,
                                    {{axis.lo(*b) - gap, axis.lo(*b)}, {axis.hi(*b), axis.lo(*b2)}}});
            }
        }
        for (const Option &o : options) {
            const double d = o.lo - axis.lo(r);
            if (std::abs(d) <= req.threshold && std::abs(d) < std::abs(spacingDelta)) {
                spacingDelta = d;
                SpacingHint hint;
                hint.orientation = axis.horizontal ? Qt::Horizontal : Qt::Vertical;
                hint.gap = o.gap;
                hint.intervals = o.intervals;
                hint.across = (axis.crossLo(r) + axis.crossHi(r)) / 2;
                spacing = hint;
            }
        }
    }

    // An edge or centre wins a tie: its guide explains the snap best.
    if (std::isfinite(spacingDelta) && std::abs(spacingDelta) < std::abs(best) - kSame) {
        out.delta = spacingDelta;
        out.snapped = true;
        out.spacing = spacing;
        return out;
    }
    if (!std::isfinite(best))
        return out;
    out.delta = best;
    out.snapped = true;
    if (spacing && std::abs(spacingDelta - best) <= kSame)
        out.spacing = spacing;
    for (double c : candidates) {
        for (const Target &t : targets) {
            if (std::abs(t.value - (c + best)) > kSame)
                continue;
            Guide g{axis.horizontal ? Qt::Vertical : Qt::Horizontal, t.value, t.start, t.end, t.kind};
            if (!out.guides.contains(g))
                out.guides.append(g);
        }
    }
    return out;
}

} // namespace

QRectF Result::apply(const QRectF &rect, Edges edges) const
{
    QRectF r = rect;
    if (edges == kMove)
        return r.translated(delta);
    if (edges & Edge::Left)
        r.setLeft(r.left() + delta.x());
    if (edges & Edge::Right)
        r.setRight(r.right() + delta.x());
    if (edges & Edge::Top)
        r.setTop(r.top() + delta.y());
    if (edges & Edge::Bottom)
        r.setBottom(r.bottom() + delta.y());
    return r;
}

Result snap(const Request &request)
{
    Result result;
    if (request.disabled || !(request.threshold > 0))
        return result;
    const AxisResult x = snapAxis(request, Axis{true}, request.edges.testFlag(Edge::Left),
                                  request.edges.testFlag(Edge::Right));
    const AxisResult y = snapAxis(request, Axis{false}, request.edges.testFlag(Edge::Top),
                                  request.edges.testFlag(Edge::Bottom));
    result.delta = QPointF(x.delta, y.delta);
    result.snappedX = x.snapped;
    result.snappedY = y.snapped;
    result.guides = x.guides + y.guides;
    if (x.spacing)
        result.spacing.append(*x.spacing);
    if (y.spacing)
        result.spacing.append(*y.spacing);
    return result;
}

} // namespace slidespec::Snapping
