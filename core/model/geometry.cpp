// SPDX-License-Identifier: GPL-3.0-or-later
#include "model/geometry.h"

#include <cmath>

namespace slidespec {

std::int64_t pointsToEmu(double points)
{
    return static_cast<std::int64_t>(std::llround(points * kEmuPerPoint));
}

QTransform Frame::transform() const
{
    QTransform t;
    t.translate(x + w / 2, y + h / 2);
    if (rotation != 0)
        t.rotate(rotation);
    t.translate(-w / 2, -h / 2);
    return t;
}

QRectF Frame::boundingRect() const
{
    if (rotation == 0)
        return rect();
    return transform().mapRect(QRectF(0, 0, w, h));
}

} // namespace slidespec
