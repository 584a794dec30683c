// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "model/deck.h"

#include <QString>
#include <QStringList>

#include <functional>

namespace slidespec {

class SlideRenderer;

/*!
 * Called after each slide with the number done and the total; return false
 * to cancel the export (nothing it wrote is left behind).
 */
using ExportProgress = std::function<bool(int done, int total)>;

/*!
 * \brief The file names exportPngs() writes for a deck of \a slideCount
 * slides to \a target.
 *
 * \a target is a folder (existing, or ending in '/') — files are named
 * `<deck id or "slide">-01.png` … inside it — or a file name `DIR/STEM.png`,
 * giving `DIR/STEM-01.png` …. Numbers have at least two digits, more when
 * the deck has 100 slides or more.
 */
QStringList pngFileNames(const Deck &deck, const QString &target);

/*!
 * \brief Renders every slide (hidden ones too) of \a deck to a PNG \a widthPx
 * pixels wide, in export mode (overflowing text shrunk like PowerPoint's
 * autofit).
 *
 * Each file is written atomically (to a hidden file in the same folder,
 * renamed over the target when complete); when the export fails or is
 * cancelled, the files this call wrote are removed. Returns false and sets \a error
 * (when not null) on failure or cancel. \a written, when not null, receives
 * the files written.
 */
bool exportPngs(const SlideRenderer &renderer, const Deck &deck, const QString &target, int widthPx,
                QString *error, const ExportProgress &progress = {}, QStringList *written = nullptr);

/*!
 * \brief Writes \a deck as a PDF: one page per slide (hidden ones too), each
 * exactly the deck size in points, with vector text that stays selectable.
 *
 * The title metadata is the deck's title, the creator "Slidespec". The file
 * is written to a temporary file next to \a fileName and renamed when
 * complete, so a failed or cancelled export leaves no partial PDF (and an
 * existing file untouched). Returns false and sets \a error on failure.
 */
bool exportPdf(const SlideRenderer &renderer, const Deck &deck, const QString &fileName, QString *error,
               const ExportProgress &progress = {});

} // namespace slidespec
