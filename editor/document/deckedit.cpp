// SPDX-License-Identifier: GPL-3.0-or-later
#include "document/deckedit.h"

#include <QRegularExpression>
#include <QTransform>

#include <algorithm>
#include <cmath>
#include <limits>

namespace slidespec {

namespace {

void collectInto(const Element &element, QSet<QString> &ids)
{
    ids.insert(element.id);
    for (const Element &child : element.children)
        collectInto(child, ids);
}

} // namespace

QString slugify(const QString &text, int maxLength)
{
    QString slug;
    for (const QChar c : text.toLower()) {
        if ((c >= u'a' && c <= u'z') || (c >= u'0' && c <= u'9'))
            slug += c;
        else if (!slug.isEmpty() && !slug.endsWith(u'-'))
            slug += u'-';
    }
    while (slug.endsWith(u'-'))
        slug.chop(1);
    return slug.left(maxLength);
}

IdAllocator::IdAllocator(const Deck &deck)
    : m_used(DeckEdit::collectIds(deck))
{
}

QString IdAllocator::allocate(const QString &base)
{
    QString stem = base.isEmpty() ? QStringLiteral("element") : base;
    if (!m_used.contains(stem)) {
        m_used.insert(stem);
        return stem;
    }
    static const QRegularExpression numbered(QStringLiteral("^(.+)-\\d+$"));
    const QRegularExpressionMatch m = numbered.match(stem);
    if (m.hasMatch())
        stem = m.captured(1);
    for (int n = 2;; ++n) {
        const QString candidate = stem + u'-' + QString::number(n);
        if (!m_used.contains(candidate)) {
            m_used.insert(candidate);
            return candidate;
        }
    }
}

namespace DeckEdit {

QSet<QString> collectIds(const Deck &deck)
{
    QSet<QString> ids;
    for (const Slide &slide : deck.slides) {
        ids.insert(slide.id);
        for (const Element &e : slide.elements)
            collectInto(e, ids);
    }
    return ids;
}

void collectIds(const Element &element, QStringList &ids)
{
    ids.append(element.id);
    for (const Element &child : element.children)
        collectIds(child, ids);
}

void reassignIds(Element &element, IdAllocator &ids, const QString &prefix)
{
    element.id = ids.allocate(prefix + element.id);
    for (Element &child : element.children)
        reassignIds(child, ids, prefix);
}

QRectF boundsOf(const QVector<Element> &elements)
{
    QRectF bounds;
    bool first = true;
    for (const Element &e : elements) {
        const QRectF r = e.frame.boundingRect();
        // QRectF::united ignores empty rects (a line is zero high): add corners by hand.
        if (first) {
            bounds = r;
            first = false;
        } else {
            const double l = std::min(bounds.left(), r.left());
            const double t = std::min(bounds.top(), r.top());
            const double rr = std::max(bounds.right(), r.right());
            const double b = std::max(bounds.bottom(), r.bottom());
            bounds = QRectF(l, t, rr - l, b - t);
        }
    }
    return bounds;
}

void translate(Element &element, double dx, double dy)
{
    element.frame.x += dx;
    element.frame.y += dy;
    for (Element &child : element.children)
        translate(child, dx, dy);
}

namespace {

void scaleChildren(QVector<Element> &children, const Frame &from, const Frame &to)
{
    const double sx = from.w > 0 ? to.w / from.w : 1.0;
    const double sy = from.h > 0 ? to.h / from.h : 1.0;
    for (Element &child : children) {
        Frame f = child.frame;
        f.x = to.x + (f.x - from.x) * sx;
        f.y = to.y + (f.y - from.y) * sy;
        f.w *= sx;
        f.h *= sy;
        setFrame(child, f);
    }
}

} // namespace

void setFrame(Element &element, const Frame &frame)
{
    if (element.kind == ElementKind::Group && !element.children.isEmpty()) {
        const Frame old = element.frame;
        if (old.w == frame.w && old.h == frame.h) {
            const double dx = frame.x - old.x;
            const double dy = frame.y - old.y;
            for (Element &child : element.children)
                translate(child, dx, dy);
        } else {
            scaleChildren(element.children, old, frame);
        }
    }
    element.frame = frame;
}

void updateGroupFrames(QVector<Element> &elements)
{
    for (Element &e : elements) {
        if (e.kind != ElementKind::Group || e.children.isEmpty())
            continue;
        updateGroupFrames(e.children);
        const QRectF b = boundsOf(e.children);
        e.frame.x = b.x();
        e.frame.y = b.y();
        e.frame.w = b.width();
        e.frame.h = b.height();
    }
}

Element *find(QVector<Element> &elements, const QString &id)
{
    for (Element &e : elements) {
        if (e.id == id)
            return &e;
        if (Element *child = find(e.children, id))
            return child;
    }
    return nullptr;
}

const Element *find(const QVector<Element> &elements, const QString &id)
{
    for (const Element &e : elements) {
        if (e.id == id)
            return &e;
        if (const Element *child = find(e.children, id))
            return child;
    }
    return nullptr;
}

bool isLocked(const QVector<Element> &elements, const QString &id)
{
    for (const Element &e : elements) {
        if (e.id == id)
            return e.locked;
        if (find(e.children, id))
            return e.locked || isLocked(e.children, id);
    }
    return false;
}

int topLevelIndex(const QVector<Element> &elements, const QString &id)
{
    for (int i = 0; i < elements.size(); ++i) {
        if (elements[i].id == id)
            return i;
    }
    return -1;
}

QVector<int> paintOrder(const QVector<Element> &elements)
{
    QVector<int> order(elements.size());
    for (int i = 0; i < order.size(); ++i)
        order[i] = i;
    std::stable_sort(order.begin(), order.end(),
                     [&](int a, int b) { return elements[a].z < elements[b].z; });
    return order;
}

int maxZ(const QVector<Element> &elements)
{
    if (elements.isEmpty())
        return 0;
    int z = std::numeric_limits<int>::min();
    for (const Element &e : elements)
        z = std::max(z, e.z);
    return z;
}

void appendOnTop(QVector<Element> &elements, const QVector<Element> &added)
{
    const int z = maxZ(elements);
    for (Element e : added) {
        e.z = z;
        elements.append(e);
    }
}

namespace {

/*! The ids of \a ids that are top-level, in current paint order. */
QStringList inPaintOrder(const QVector<Element> &elements, const QStringList &ids)
{
    QStringList out;
    for (int i : paintOrder(elements)) {
        if (ids.contains(elements[i].id))
            out.append(elements[i].id);
    }
    return out;
}

} // namespace

bool changeZOrder(QVector<Element> &elements, const QStringList &ids, ZOrderChange change)
{
    const QStringList moving = inPaintOrder(elements, ids);
    if (moving.isEmpty())
        return false;
    const QVector<Element> before = elements;
    switch (change) {
    case ZOrderChange::BringToFront: {
        const int z = maxZ(elements);
        for (const QString &id : moving) {
            Element e = elements.takeAt(topLevelIndex(elements, id));
            e.z = z;
            elements.append(e);
        }
        break;
    }
    case ZOrderChange::SendToBack: {
        int z = std::numeric_limits<int>::max();
        for (const Element &e : elements)
            z = std::min(z, e.z);
        for (auto it = moving.crbegin(); it != moving.crend(); ++it) {
            Element e = elements.takeAt(topLevelIndex(elements, *it));
            e.z = z;
            elements.prepend(e);
        }
        break;
    }
    case ZOrderChange::BringForward:
        for (auto it = moving.crbegin(); it != moving.crend(); ++it) {
            const QVector<int> order = paintOrder(elements);
            const int self = topLevelIndex(elements, *it);
            const int pos = int(order.indexOf(self));
            int next = -1;
            for (int k = pos + 1; k < order.size(); ++k) {
                if (!moving.contains(elements[order[k]].id)) {
                    next = order[k];
                    break;
                }
            }
            if (next < 0)
                continue;
            const QString nextId = elements[next].id;
            Element e = elements.takeAt(self);
            e.z = elements[topLevelIndex(elements, nextId)].z;
            elements.insert(topLevelIndex(elements, nextId) + 1, e);
        }
        break;
    case ZOrderChange::SendBackward:
        for (const QString &id : moving) {
            const QVector<int> order = paintOrder(elements);
            const int self = topLevelIndex(elements, id);
            const int pos = int(order.indexOf(self));
            int prev = -1;
            for (int k = pos - 1; k >= 0; --k) {
                if (!moving.contains(elements[order[k]].id)) {
                    prev = order[k];
                    break;
                }
            }
            if (prev < 0)
                continue;
            const QString prevId = elements[prev].id;
            Element e = elements.takeAt(self);
            e.z = elements[topLevelIndex(elements, prevId)].z;
            elements.insert(topLevelIndex(elements, prevId), e);
        }
        break;
    }
    return elements != before;
}

bool group(QVector<Element> &elements, const QStringList &ids, const QString &groupId)
{
    const QStringList members = inPaintOrder(elements, ids);
    if (members.isEmpty())
        return false;
    Element g;
    g.id = groupId;
    g.kind = ElementKind::Group;
    const int topIndex = topLevelIndex(elements, members.last());
    g.z = elements[topIndex].z;
    // Insert where the topmost member was, counting the members removed before it.
    int insertAt = topIndex;
    for (const QString &id : members) {
        if (topLevelIndex(elements, id) < topIndex)
            --insertAt;
    }
    for (const QString &id : members)
        g.children.append(elements.takeAt(topLevelIndex(elements, id)));
    const QRectF b = boundsOf(g.children);
    g.frame = Frame{b.x(), b.y(), b.width(), b.height(), 0};
    elements.insert(insertAt, g);
    return true;
}

QStringList ungroup(QVector<Element> &elements, const QString &groupId)
{
    const int index = topLevelIndex(elements, groupId);
    if (index < 0 || elements[index].kind != ElementKind::Group)
        return {};
    const Element g = elements.takeAt(index);
    QStringList ids;
    QVector<Element> children;
    for (int i : paintOrder(g.children)) {
        Element child = g.children[i];
        child.z = g.z;
        if (g.frame.rotation != 0) {
            // Turn each child about the group's centre as the group showed it.
            QTransform t;
            const QPointF c = g.frame.center();
            t.translate(c.x(), c.y());
            t.rotate(g.frame.rotation);
            t.translate(-c.x(), -c.y());
            const QPointF newCentre = t.map(child.frame.center());
            Frame f = child.frame;
            f.x = newCentre.x() - f.w / 2;
            f.y = newCentre.y() - f.h / 2;
            f.rotation = std::fmod(f.rotation + g.frame.rotation, 360.0);
            setFrame(child, f);
        }
        ids.append(child.id);
        children.append(child);
    }
    for (int k = 0; k < children.size(); ++k)
        elements.insert(index + k, children[k]);
    return ids;
}

QVector<QPointF> alignOffsets(const QVector<QRectF> &rects, Alignment alignment, const QRectF &reference)
{
    QVector<QPointF> out;
    out.reserve(rects.size());
    for (const QRectF &r : rects) {
        switch (alignment) {
        case Alignment::Left: out.append({reference.left() - r.left(), 0}); break;
        case Alignment::HorizontalCenter: out.append({reference.center().x() - r.center().x(), 0}); break;
        case Alignment::Right: out.append({reference.right() - r.right(), 0}); break;
        case Alignment::Top: out.append({0, reference.top() - r.top()}); break;
        case Alignment::VerticalCenter: out.append({0, reference.center().y() - r.center().y()}); break;
        case Alignment::Bottom: out.append({0, reference.bottom() - r.bottom()}); break;
        }
    }
    return out;
}

QVector<QPointF> distributeOffsets(const QVector<QRectF> &rects, Distribution distribution)
{
    QVector<QPointF> out(rects.size(), QPointF(0, 0));
    if (rects.size() < 3)
        return out;
    const bool horizontal = distribution == Distribution::Horizontal;
    auto start = [&](const QRectF &r) { return horizontal ? r.left() : r.top(); };
    auto length = [&](const QRectF &r) { return horizontal ? r.width() : r.height(); };
    auto centre = [&](const QRectF &r) { return horizontal ? r.center().x() : r.center().y(); };
    QVector<int> order(rects.size());
    for (int i = 0; i < order.size(); ++i)
        order[i] = i;
    std::stable_sort(order.begin(), order.end(),
                     [&](int a, int b) { return centre(rects[a]) < centre(rects[b]); });
    const QRectF &first = rects[order.first()];
    const QRectF &last = rects[order.last()];
    double total = 0;
    for (const QRectF &r : rects)
        total += length(r);
    const double span = start(last) + length(last) - start(first);
    const double gap = (span - total) / double(rects.size() - 1);
    double pos = start(first) + length(first) + gap;
    for (int k = 1; k < order.size() - 1; ++k) {
        const QRectF &r = rects[order[k]];
        const double delta = pos - start(r);
        out[order[k]] = horizontal ? QPointF(delta, 0) : QPointF(0, delta);
        pos += length(r) + gap;
    }
    return out;
}

// ---- text runs --------------------------------------------------------------

namespace {

/*! One character of a body: its run (text cleared) and its paragraph. */
struct StyledChar
{
    QChar ch;
    int paragraph = 0;      //!< index into the body's paragraphs (a separator: the one it starts)
    TextRun run;            //!< style, link, extra; text empty
    bool separator = false; //!< the '\n' between two paragraphs
};

QVector<StyledChar> flatten(const TextBody &body)
{
    QVector<StyledChar> chars;
    for (int p = 0; p < body.paragraphs.size(); ++p) {
        if (p > 0) {
            chars.append(StyledChar{u'\n', p, {}, true});
        }
        for (const TextRun &run : body.paragraphs[p].runs) {
            TextRun style = run;
            style.text.clear();
            for (QChar c : run.text)
                chars.append(StyledChar{c, p, style});
        }
    }
    return chars;
}

/*! The runs of paragraph text \a chars (no separators), alike neighbours joined. */
QVector<TextRun> runsOf(const QVector<StyledChar> &chars, const TextRun &emptyStyle)
{
    QVector<TextRun> runs;
    for (const StyledChar &c : chars) {
        if (!runs.isEmpty()) {
            TextRun last = runs.last();
            last.text.clear();
            if (last == c.run) {
                runs.last().text += c.ch;
                continue;
            }
        }
        TextRun run = c.run;
        run.text = c.ch;
        runs.append(run);
    }
    if (runs.isEmpty())
        runs.append(emptyStyle);
    return runs;
}

/*! The style of the first run of \a paragraph, text cleared. */
TextRun firstRunStyle(const Paragraph &paragraph)
{
    TextRun run = paragraph.runs.isEmpty() ? TextRun{} : paragraph.runs.first();
    run.text.clear();
    return run;
}

/*! Rebuilds \a body's paragraphs from \a chars; paragraph formats from
 *  \a formats (by each character's paragraph), \a fallback when none. */
void rebuild(TextBody &body, const QVector<StyledChar> &chars, const QVector<Paragraph> &formats)
{
    QVector<Paragraph> paragraphs;
    QVector<StyledChar> current;
    int currentFormat = 0;
    auto flush = [&] {
        Paragraph p = formats.isEmpty() ? Paragraph{} : formats.value(currentFormat, formats.last());
        const TextRun empty = firstRunStyle(p);
        p.runs = runsOf(current, empty);
        paragraphs.append(p);
        current.clear();
    };
    for (const StyledChar &c : chars) {
        if (c.separator) {
            flush();
            currentFormat = c.paragraph;
            continue;
        }
        if (current.isEmpty())
            currentFormat = c.paragraph;
        current.append(c);
    }
    flush();
    body.paragraphs = paragraphs;
}

bool styleFlag(const TextStyle &style, int which)
{
    switch (which) {
    case 0: return style.bold.value_or(false);
    case 1: return style.italic.value_or(false);
    default: return style.underline.value_or(false);
    }
}

} // namespace

bool rangeHasStyle(const TextBody &body, int start, int end, int which)
{
    const QVector<StyledChar> chars = flatten(body);
    start = std::max(start, 0);
    end = std::min(end, int(chars.size()));
    bool any = false;
    for (int i = start; i < end; ++i) {
        if (chars[i].separator)
            continue;
        any = true;
        if (!styleFlag(body.style.overriddenBy(chars[i].run.style), which))
            return false;
    }
    return any;
}

bool formatTextRange(TextBody &body, int start, int end, const RunFormat &format)
{
    QVector<StyledChar> chars = flatten(body);
    if (format.isEmpty() || start < 0 || end > chars.size() || start >= end)
        return false;
    for (int i = start; i < end; ++i) {
        TextStyle &style = chars[i].run.style;
        if (format.bold)
            style.bold = format.bold;
        if (format.italic)
            style.italic = format.italic;
        if (format.underline)
            style.underline = format.underline;
        if (format.size)
            style.size = format.size;
        if (format.color)
            style.color = format.color;
    }
    rebuild(body, chars, body.paragraphs);
    return true;
}

void replaceText(TextBody &body, const QString &text)
{
    const QVector<StyledChar> old = flatten(body);
    const int oldLength = int(old.size());
    const int newLength = int(text.size());
    int prefix = 0;
    while (prefix < oldLength && prefix < newLength && old[prefix].ch == text[prefix])
        ++prefix;
    int suffix = 0;
    while (suffix < oldLength - prefix && suffix < newLength - prefix
           && old[oldLength - 1 - suffix].ch == text[newLength - 1 - suffix])
        ++suffix;

    // Typed text takes the style of the character before it (else after it,
    // else the first run of the body).
    TextRun typed = body.paragraphs.isEmpty() ? TextRun{} : firstRunStyle(body.paragraphs.first());
    int typedParagraph = 0;
    for (int i = prefix - 1; i >= 0; --i) {
        if (!old[i].separator) {
            typed = old[i].run;
            break;
        }
    }
    if (prefix == 0) {
        for (int i = prefix; i < oldLength; ++i) {
            if (!old[i].separator) {
                typed = old[i].run;
                break;
            }
        }
    }
    typed.link.clear(); // typing next to a link does not extend it
    if (prefix < oldLength)
        typedParagraph = old[prefix].paragraph;
    else if (oldLength > 0)
        typedParagraph = old.last().paragraph;

    QVector<StyledChar> chars;
    chars.reserve(newLength);
    for (int i = 0; i < newLength; ++i) {
        if (i < prefix) {
            chars.append(old[i]);
        } else if (i >= newLength - suffix) {
            chars.append(old[oldLength - (newLength - i)]);
        } else {
            // New paragraph breaks start paragraphs formatted like the one typed in.
            const bool separator = text[i] == u'\n';
            chars.append(StyledChar{text[i], typedParagraph, separator ? TextRun{} : typed, separator});
        }
    }
    QVector<Paragraph> formats = body.paragraphs;
    if (formats.isEmpty())
        formats.append(Paragraph{});
    rebuild(body, chars, formats);
}

} // namespace DeckEdit

} // namespace slidespec
