// SPDX-License-Identifier: GPL-3.0-or-later
#include "model/deck.h"

#include <algorithm>

namespace slidespec {

QString elementKindName(ElementKind kind)
{
    switch (kind) {
    case ElementKind::Text: return QStringLiteral("text");
    case ElementKind::Shape: return QStringLiteral("shape");
    case ElementKind::Image: return QStringLiteral("image");
    case ElementKind::Group: return QStringLiteral("group");
    case ElementKind::Component: return QStringLiteral("component");
    }
    return QStringLiteral("element");
}

TextStyle TextStyle::overriddenBy(const TextStyle &over) const
{
    TextStyle s = *this;
    if (over.font)
        s.font = over.font;
    if (over.size)
        s.size = over.size;
    if (over.color)
        s.color = over.color;
    if (over.bold)
        s.bold = over.bold;
    if (over.italic)
        s.italic = over.italic;
    if (over.underline)
        s.underline = over.underline;
    return s;
}

QString Paragraph::plainText() const
{
    QString text;
    for (const TextRun &run : runs)
        text += run.text;
    return text;
}

QString TextBody::plainText() const
{
    QStringList lines;
    lines.reserve(paragraphs.size());
    for (const Paragraph &p : paragraphs)
        lines.append(p.plainText());
    return lines.join(u'\n');
}

bool TextBody::isEmpty() const
{
    return std::all_of(paragraphs.begin(), paragraphs.end(), [](const Paragraph &p) {
        return std::all_of(p.runs.begin(), p.runs.end(),
                           [](const TextRun &r) { return r.text.trimmed().isEmpty(); });
    });
}

bool Element::operator==(const Element &o) const
{
    return id == o.id && kind == o.kind && name == o.name && role == o.role && frame == o.frame && z == o.z
        && locked == o.locked && text == o.text && shape == o.shape && fill == o.fill && stroke == o.stroke
        && cornerRadius == o.cornerRadius && flipV == o.flipV && src == o.src && alt == o.alt
        && decorative == o.decorative && fit == o.fit && children == o.children && component == o.component
        && params == o.params && extra == o.extra;
}

namespace {
// One search for both overloads: the const one passes its own elements in.
template<typename Elements>
auto findIn(Elements &elements, const QString &id) -> decltype(&elements[0])
{
    for (auto &e : elements) {
        if (e.id == id)
            return &e;
        if (auto child = findIn(e.children, id))
            return child;
    }
    return nullptr;
}
} // namespace

Element *Slide::findElement(const QString &elementId)
{
    return findIn(elements, elementId);
}

const Element *Slide::findElement(const QString &elementId) const
{
    return findIn(elements, elementId);
}

QVector<const Element *> Slide::paintOrder() const
{
    QVector<const Element *> order;
    order.reserve(elements.size());
    for (const Element &e : elements)
        order.append(&e);
    std::stable_sort(order.begin(), order.end(),
                     [](const Element *a, const Element *b) { return a->z < b->z; });
    return order;
}

QString Slide::title() const
{
    for (const Element *e : paintOrder()) {
        if (e->role != QLatin1String("title"))
            continue;
        if (e->text)
            return e->text->plainText().simplified();
        // A component in the title role (title block, quote…) keeps its
        // title text in the "title" parameter by convention.
        const auto it = e->params.find(QStringLiteral("title"));
        if (it != e->params.end())
            return it->second.simplified();
    }
    return {};
}

const Slide *Deck::findSlide(const QString &slideId) const
{
    for (const Slide &s : slides) {
        if (s.id == slideId)
            return &s;
    }
    return nullptr;
}

} // namespace slidespec
