// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QImage>

namespace slidespec {

/*!
 * \brief Encodes \a image as a PNG, tuned for slides.
 *
 * Slides are mostly flat colour, where the generic encoder's adaptive
 * filtering and default compression cost much time for no smaller files.
 * Rows are stored unfiltered, or with the "up" filter when they repeat the
 * row above. \a level 0 deflates with a fast encoder that only looks for the
 * repeats slides have (runs of one colour, rows like the one above); 1 … 9
 * use zlib's levels (1 = fastest, 9 = smallest).
 * Opaque images are written as 8-bit RGB, others as 8-bit RGBA; the image's
 * resolution is kept (pHYs). Returns an empty array for a null image.
 */
QByteArray encodePng(const QImage &image, int level = 0);

} // namespace slidespec
