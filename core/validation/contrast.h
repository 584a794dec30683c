// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "model/brandkit.h"

#include <QColor>
#include <QRgb>

namespace slidespec {

/*!
 * \brief Colour contrast arithmetic: WCAG 2.x and APCA.
 *
 * Colours are sRGB; alpha is handled by compositing first (compositeOver),
 * the way QPainter paints a translucent fill: per channel in sRGB space.
 */
namespace Contrast {

/*! WCAG 2.x relative luminance of an opaque sRGB colour, 0 (black) … 1 (white). */
double relativeLuminance(QRgb color);

/*! WCAG 2.x contrast ratio of two opaque colours, 1 … 21; symmetric. */
double ratio(QRgb a, QRgb b);

/*! WCAG's large text: at least 18 pt, or at least 14 pt and bold. */
bool isLargeText(double sizePt, bool bold);

/*! The ratio WCAG asks for: AA 4.5 (large 3), AAA 7 (large 4.5). */
double requiredRatio(ContrastLevel level, bool largeText);

/*!
 * APCA lightness contrast Lc (APCA-W3 0.0.98G-4g constants) of \a text on
 * \a background, both opaque. Positive for dark text on a light background,
 * negative for light on dark; about ±106 at most. Informational: WCAG 2.x
 * decides pass or fail.
 */
double apcaLc(QRgb text, QRgb background);

/*!
 * The least APCA |Lc| recommended for text of \a sizePt points (APCA's
 * simple "bronze" guidance, converted from CSS pixels at 1 pt = 4/3 px):
 * 75 for body text, 60 from 18 pt (or 12 pt bold), 45 from 27 pt (or 18 pt
 * bold), the sizes of headlines.
 */
double apcaRecommendedLc(double sizePt, bool bold);

/*! \a over (with its alpha) painted on opaque \a under; the result is opaque. */
QRgb compositeOver(QRgb over, QRgb under);

} // namespace Contrast

} // namespace slidespec
