// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QImage>

namespace slidespec {

/*!
 * \brief Encodes \a image as a PNG, tuned for slides.
 *
 * Slides are mostly flat colour, where the generic encoder's adaptive
 * filtering and default compression cost four times the time for no smaller
 * files. Rows are stored unfiltered, or with the "up" filter when they repeat
 * the row above, and deflated at \a level (1 = fastest … 9 = smallest).
 * Opaque images are written as 8-bit RGB, others as 8-bit RGBA; the image's
 * resolution is kept (pHYs). Returns an empty array for a null image.
 */
QByteArray encodePng(const QImage &image, int level = 1);

} // namespace slidespec
