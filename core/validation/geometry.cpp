// SPDX-License-Identifier: GPL-3.0-or-later
#include "validation/geometry_p.h"

#include <algorithm>
#include <cmath>

namespace slidespec::ValidationGeometry {

QTransform rotationAbout(const Frame &f)
{
    QTransform t;
    if (f.rotation == 0)
        return t;
    const QPointF c = f.center();
    t.translate(c.x(), c.y());
    t.rotate(f.rotation);
    t.translate(-c.x(), -c.y());
    return t;
}

QRectF quadBounds(const Quad &q)
{
    double x0 = q[0].x(), x1 = x0, y0 = q[0].y(), y1 = y0;
    for (const QPointF &p : q) {
        x0 = std::min(x0, p.x());
        x1 = std::max(x1, p.x());
        y0 = std::min(y0, p.y());
        y1 = std::max(y1, p.y());
    }
    return QRectF(QPointF(x0, y0), QPointF(x1, y1));
}

Quad mapRect(const QTransform &t, const QRectF &r)
{
    return {t.map(r.topLeft()), t.map(r.topRight()), t.map(r.bottomRight()), t.map(r.bottomLeft())};
}

double polygonArea(const QVector<QPointF> &poly)
{
    double a = 0;
    for (qsizetype i = 0, n = poly.size(); i < n; ++i) {
        const QPointF &p = poly[i];
        const QPointF &q = poly[(i + 1) % n];
        a += p.x() * q.y() - q.x() * p.y();
    }
    return std::abs(a) / 2;
}

/*! The intersection of two convex quads (Sutherland–Hodgman). */
QVector<QPointF> intersectQuads(const Quad &subject, const Quad &clip)
{
    QVector<QPointF> out(subject.begin(), subject.end());
    // Orientation of the clip polygon decides which side is "inside".
    double orient = 0;
    for (int i = 0; i < 4; ++i) {
        const QPointF &a = clip[size_t(i)];
        const QPointF &b = clip[size_t((i + 1) % 4)];
        orient += a.x() * b.y() - b.x() * a.y();
    }
    const double sign = orient >= 0 ? 1.0 : -1.0;
    for (int i = 0; i < 4 && !out.isEmpty(); ++i) {
        const QPointF a = clip[size_t(i)];
        const QPointF b = clip[size_t((i + 1) % 4)];
        auto side = [&](const QPointF &p) {
            return sign * ((b.x() - a.x()) * (p.y() - a.y()) - (b.y() - a.y()) * (p.x() - a.x()));
        };
        QVector<QPointF> input;
        input.swap(out);
        for (qsizetype k = 0, n = input.size(); k < n; ++k) {
            const QPointF &cur = input[k];
            const QPointF &prev = input[(k + n - 1) % n];
            const double sc = side(cur);
            const double sp = side(prev);
            if (sc >= 0) {
                if (sp < 0)
                    out.append(prev + (cur - prev) * (sp / (sp - sc)));
                out.append(cur);
            } else if (sp >= 0) {
                out.append(prev + (cur - prev) * (sp / (sp - sc)));
            }
        }
    }
    return out;
}

/*! Where an image of \a natural size is drawn inside \a frame with \a fit (as SlideRenderer draws it). */
QRectF drawnRect(const QRectF &frame, QSizeF natural, ImageFit fit)
{
    if (fit == ImageFit::Stretch || natural.width() <= 0 || natural.height() <= 0)
        return frame;
    const double s = fit == ImageFit::Contain
        ? std::min(frame.width() / natural.width(), frame.height() / natural.height())
        : std::max(frame.width() / natural.width(), frame.height() / natural.height());
    const QSizeF size(natural.width() * s, natural.height() * s);
    return QRectF(frame.center() - QPointF(size.width() / 2, size.height() / 2), size);
}

} // namespace slidespec::ValidationGeometry
