// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "model/deck.h"

#include <QByteArray>
#include <QString>
#include <QStringList>

#include <functional>

namespace slidespec {

class AssetStore;
class ComponentLibrary;
class TextLayoutEngine;

/*!
 * \brief Writes a Deck as a PowerPoint file (ECMA-376 PresentationML).
 *
 * Every element becomes a native shape with explicit geometry: text boxes,
 * preset shapes, pictures, groups and connectors. Brand colours are written
 * as literal sRGB values, fonts as the families FontResolver picks, so
 * PowerPoint and LibreOffice show what the renderer shows. Text that
 * overflows its frame is shrunk with the shared TextLayoutEngine's
 * fitScale() and written as `normAutofit fontScale`; run sizes stay the
 * design sizes, since PowerPoint multiplies them by fontScale (ECMA-376
 * 21.1.2.1.3), so the text fits when the file is opened.
 *
 * Slides refer to the master's layout matching Slide::layout (see
 * layoutIndex()); elements are written with explicit geometry and do not
 * use the layouts' placeholders.
 *
 * Output is deterministic: the same deck gives byte-identical files (fixed
 * part order, fixed zip timestamps, no volatile metadata).
 *
 * The writer holds no state between calls and is safe to use from several
 * threads at once when the engine and store are.
 */
class PptxWriter
{
public:
    /*! Reports progress: \a done of \a total slides written. Return false to cancel. */
    using Progress = std::function<bool(int done, int total)>;

    PptxWriter(const ComponentLibrary &components, const TextLayoutEngine &textLayout,
               const AssetStore &assets);

    /*!
     * The bytes of the `.pptx` file for \a deck, or an empty array with
     * \a error set when writing failed or \a progress cancelled.
     * Problems that did not stop the export (a missing image written as a
     * placeholder, an unknown colour token, …) are appended to \a warnings.
     */
    QByteArray write(const Deck &deck, QString *error, const Progress &progress = {},
                     QStringList *warnings = nullptr) const;

    /*!
     * Writes \a deck to \a fileName atomically: on failure or cancel the
     * file is untouched (or not created). Returns false and sets \a error
     * when it could not write.
     */
    bool writeFile(const Deck &deck, const QString &fileName, QString *error,
                   const Progress &progress = {}, QStringList *warnings = nullptr) const;

    /*! The names of the slide layouts in the written master, in order. */
    static QStringList layoutNames();

    /*! The layout (index into layoutNames()) a slide's `layout` maps to;
     *  unknown names map to the blank layout. */
    static int layoutIndex(const QString &slideLayout);

private:
    const ComponentLibrary &m_components;
    const TextLayoutEngine &m_textLayout;
    const AssetStore &m_assets;
};

} // namespace slidespec
