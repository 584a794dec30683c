// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "validation/issue.h"

#include "model/deck.h"

#include <QString>
#include <QVector>

#include <memory>

namespace slidespec {

class AssetStore;
class ComponentLibrary;
class TextLayoutEngine;

/*!
 * \brief Checks slides for layout, accessibility and brand problems.
 *
 * Rules, their stable ids (tools and tests match on them), severity and fix:
 *
 * | id                      | severity                                   | fix                    |
 * |-------------------------|--------------------------------------------|------------------------|
 * | overlap                 | error with text or a hidden picture, else warning; data.kind: text-over-text, text-boxes, covers-text, partial, hidden, tinted | move, when a nudge of ≤ 24 pt separates two unrotated top-level boxes |
 * | off-slide               | error; warning for a picture bleeding off an edge or a decoration entirely off | move |
 * | safe-margin             | warning                                    | move                   |
 * | text-overflow           | error                                      | resize (the box, or a component instance when that makes room for its part), else scale-font |
 * | contrast                | error                                      | set-text-color, or set-param on a component |
 * | contrast-apca           | info: passes WCAG, below APCA's recommended Lc for its size | — |
 * | min-font-size           | error                                      | set-font-size          |
 * | image-alt               | error                                      | —                      |
 * | slide-title-missing     | warning                                    | —                      |
 * | slide-title-duplicate   | warning                                    | —                      |
 * | brand-color             | warning                                    | replace-color          |
 * | brand-font              | warning                                    | replace-font           |
 * | brand-token-unknown     | error                                      | —                      |
 * | asset-missing           | error                                      | —                      |
 * | image-broken            | error                                      | —                      |
 * | component-unknown       | error                                      | —                      |
 * | font-substituted        | info: a family is not installed here       | —                      |
 *
 * What counts: elements with the role "background" or "decoration",
 * decorative images and anything covering the whole slide may bleed off the
 * edges and never overlap anything; neither do lines and invisible boxes
 * (empty text, shapes with neither fill nor outline). Shapes without text
 * that run to a slide edge (bands) may bleed off it and ignore the safe
 * margins. Content on a shape or picture that holds it entirely is
 * layering, not overlap; text on text always overlaps.
 * Parts of one group or component instance are not checked against each
 * other. Safe margins come from the kit's guidance.safeMargins.
 *
 * Components are checked through their expanded primitives
 * (ComponentLibrary::expand) and reported against the instance; groups are
 * checked child by child. Text is measured only with TextLayoutEngine, the
 * layout the renderer and the PPTX writer use.
 *
 * Contrast is measured per laid-out run box against the background actually
 * beneath it: the slide background (colour, image drawn to cover the slide),
 * then every shape, text box fill and image painted earlier whose geometry
 * covers part of the box (rotation, ellipses, rounded corners, translucent
 * fills composited), then the text element's own fill. Where the background
 * under a box is not uniform it is sampled on a grid of about 4 pt, and the
 * reported ratio is the 5th percentile of the samples: the contrast that 95 %
 * of the run's area reaches, so a stray pixel does not decide, but a dark
 * band under one word does.
 *
 * Results are deterministic. The validator is thread-safe: decoded, down-
 * sampled images are cached under a mutex.
 */
class Validator
{
public:
    /*! The three collaborators must outlive the validator. */
    Validator(const ComponentLibrary &components, const TextLayoutEngine &text, const AssetStore &assets);
    ~Validator();

    Validator(const Validator &) = delete;
    Validator &operator=(const Validator &) = delete;

    /*! The issues of slide \a slideIndex (checked against the whole deck for
     *  duplicate titles), in the stable order of sortIssues(). */
    QVector<Issue> validateSlide(const Deck &deck, int slideIndex) const;
    /*! The issues of every slide, in the stable order of sortIssues(). */
    QVector<Issue> validateDeck(const Deck &deck) const;

    /*! Forgets cached images (call when the deck's assets change). */
    void clearCache();

    /*! The percentile of sampled backgrounds that decides a run's contrast. */
    static constexpr double kContrastPercentile = 0.05;

private:
    struct Private;
    std::unique_ptr<Private> d;
};

/*!
 * Performs \a issue's automatic fix on \a deck. Returns false (and says why
 * in \a error) when the issue has no fix or its element is gone.
 */
bool applyFix(Deck &deck, const Issue &issue, QString *error = nullptr);

} // namespace slidespec
