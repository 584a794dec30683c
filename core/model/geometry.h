// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QPointF>
#include <QRectF>
#include <QSizeF>
#include <QTransform>

#include <cstdint>

namespace slidespec {

/*! Geometry in a spec is in points (1/72 inch). */
constexpr double kEmuPerPoint = 12700.0;
constexpr double kDefaultSlideWidth = 960.0;  //!< 16:9, 13.333 in
constexpr double kDefaultSlideHeight = 540.0; //!< 7.5 in

/*! Exact conversion to English Metric Units: 1 pt = 12700 EMU. Rounds to
 *  the nearest EMU, which is exact for any multiple of 1/12700 pt. */
std::int64_t pointsToEmu(double points);

/*! \brief Position, size and rotation of an element, in points. */
struct Frame
{
    double x = 0;
    double y = 0;
    double w = 0;
    double h = 0;
    double rotation = 0; //!< degrees, clockwise, about the centre

    QRectF rect() const { return QRectF(x, y, w, h); }
    QPointF center() const { return QPointF(x + w / 2, y + h / 2); }
    /*! The axis-aligned bounds of the rotated frame. */
    QRectF boundingRect() const;
    /*! Maps frame-local coordinates (0,0 = top left) to slide coordinates. */
    QTransform transform() const;

    bool operator==(const Frame &) const = default;
};

/*! \brief Distances from the four edges, in points. */
struct Insets
{
    double left = 0;
    double top = 0;
    double right = 0;
    double bottom = 0;

    bool operator==(const Insets &) const = default;
};

} // namespace slidespec
