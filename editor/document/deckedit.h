// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "model/deck.h"

#include <QPointF>
#include <QRectF>
#include <QSet>
#include <QString>
#include <QStringList>
#include <QVector>

#include <optional>

namespace slidespec {

/*!
 * \brief Hands out ids that are unique in a deck.
 *
 * Seeded with every slide and element id (group children included);
 * allocate() reserves what it returns, so a batch of new elements never
 * collides with itself either.
 */
/*!
 * \a text as an id: lower-case ASCII letters and digits, other runs of
 * characters as one '-', none at either end, at most \a maxLength long.
 * Empty when \a text has no letter or digit; callers pick a fallback.
 */
QString slugify(const QString &text, int maxLength = 60);

class IdAllocator
{
public:
    IdAllocator() = default;
    explicit IdAllocator(const Deck &deck);

    /*! \a base itself when free, else `base-2`, `base-3`, … (a trailing
     *  `-N` of \a base is dropped first, so copying `card-2` gives `card-3`). */
    QString allocate(const QString &base);
    void reserve(const QString &id) { m_used.insert(id); }
    bool contains(const QString &id) const { return m_used.contains(id); }

private:
    QSet<QString> m_used;
};

/*!
 * \brief Pure edits of model values behind the editor's undo commands.
 *
 * Everything here works on plain model values and has no QObject in sight,
 * so the maths (group bounds, alignment, z-order) is tested on its own.
 * Only top-level elements of a slide are reordered, grouped or aligned;
 * frames can be set on any element, group children included.
 */
namespace DeckEdit {

/*! Every slide and element id of \a deck. */
QSet<QString> collectIds(const Deck &deck);
/*! Appends the ids of \a element and its descendants to \a ids. */
void collectIds(const Element &element, QStringList &ids);

/*! Gives \a element and its descendants fresh ids from \a ids, each built
 *  from `prefix + old id` (prefix may be empty). */
void reassignIds(Element &element, IdAllocator &ids, const QString &prefix = {});

/*! The axis-aligned bounds of \a elements' (rotated) frames; null when empty. */
QRectF boundsOf(const QVector<Element> &elements);

/*! Moves \a element (and a group's children) by \a dx, \a dy. */
void translate(Element &element, double dx, double dy);

/*! Gives \a element the frame \a frame. A group's children are moved and
 *  scaled with it, so the group's frame stays their bounds. */
void setFrame(Element &element, const Frame &frame);

/*! Recomputes the frame of every group in \a elements (recursively) as the
 *  bounds of its children, keeping each group's rotation. */
void updateGroupFrames(QVector<Element> &elements);

/*! The element \a id anywhere in \a elements, or nullptr. */
Element *find(QVector<Element> &elements, const QString &id);
const Element *find(const QVector<Element> &elements, const QString &id);

/*! Whether \a id, or a group holding it, is locked against moving. */
bool isLocked(const QVector<Element> &elements, const QString &id);

/*! Array index of the top-level element \a id, or -1. */
int topLevelIndex(const QVector<Element> &elements, const QString &id);

/*! Array indices of \a elements in paint order (z, then array order). */
QVector<int> paintOrder(const QVector<Element> &elements);

/*! Highest top-level z of \a elements (0 when empty). */
int maxZ(const QVector<Element> &elements);

/*! Appends \a added on top of everything: in their order, each with the
 *  current highest z (ties paint in array order, so they land on top). */
void appendOnTop(QVector<Element> &elements, const QVector<Element> &added);

enum class ZOrderChange { BringToFront, SendToBack, BringForward, SendBackward };

/*! Restacks the top-level elements \a ids, keeping their order among
 *  themselves. Forward/backward pass the next/previous other element in
 *  paint order. Returns false when nothing changed. */
bool changeZOrder(QVector<Element> &elements, const QStringList &ids, ZOrderChange change);

/*! Replaces the top-level elements \a ids by one group \a groupId holding
 *  them (in paint order, slide coordinates kept); the group's frame is their
 *  bounds, it takes the place and z of the topmost one. False when fewer
 *  than one element was found. */
bool group(QVector<Element> &elements, const QStringList &ids, const QString &groupId);

/*! Replaces the top-level group \a groupId by its children, in its place in
 *  paint order; a rotated group's rotation is applied to them. Returns the
 *  children's ids, empty when \a groupId is not a top-level group. */
QStringList ungroup(QVector<Element> &elements, const QString &groupId);

enum class Alignment { Left, HorizontalCenter, Right, Top, VerticalCenter, Bottom };
enum class Distribution { Horizontal, Vertical };

/*! How far to move each of \a rects so its \a alignment edge or centre
 *  lines up with that of \a reference. */
QVector<QPointF> alignOffsets(const QVector<QRectF> &rects, Alignment alignment, const QRectF &reference);

/*! How far to move each of \a rects so the gaps between neighbours (sorted
 *  by centre) are equal; the outermost two stay. Zero offsets for fewer
 *  than three rects. */
QVector<QPointF> distributeOffsets(const QVector<QRectF> &rects, Distribution distribution);

/*!
 * \brief What formatTextRange() sets on the characters it covers; members
 * left empty stay as they are.
 */
struct RunFormat
{
    std::optional<bool> bold;
    std::optional<bool> italic;
    std::optional<bool> underline;
    std::optional<double> size; //!< points
    std::optional<ColorRef> color;

    bool isEmpty() const { return !bold && !italic && !underline && !size && !color; }
};

/*!
 * Sets \a format on characters [\a start, \a end) of \a body, counted in
 * its plainText() (paragraphs joined by one '\n'). Runs are split at the
 * range's ends and neighbours that end up alike are joined again. False
 * (nothing changed) for an empty or out-of-range range or an empty format.
 */
bool formatTextRange(TextBody &body, int start, int end, const RunFormat &format);

/*! Whether every character in [\a start, \a end) of \a body is bold
 *  (\a which 0), italic (1) or underlined (2), the body's style included:
 *  what Ctrl+B/I/U toggle. */
bool rangeHasStyle(const TextBody &body, int start, int end, int which);

/*!
 * Replaces \a body's text by \a text ('\n' between paragraphs) keeping
 * the formatting of what did not change: the characters before and after
 * the edit keep their runs' styles and links, typed text takes the style of
 * the character before it, and each paragraph keeps its format.
 */
void replaceText(TextBody &body, const QString &text);

} // namespace DeckEdit

} // namespace slidespec
