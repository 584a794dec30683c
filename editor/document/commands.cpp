// SPDX-License-Identifier: GPL-3.0-or-later
#include "document/commands.h"

#include "document/documentcontroller.h"

#include "validation/validator.h"

#include <cmath>

namespace slidespec {

namespace {

// The commands' texts (the undo history's entries) are translated in the
// context slidespec::Commands, spelled out in each call so lupdate finds them.

std::optional<ColorRef> colorFrom(const QVariant &value, QString *error)
{
    const QString text = value.toString().trimmed();
    std::optional<ColorRef> c = ColorRef::parse(text);
    if (!c && error)
        *error = QStringLiteral("\"%1\" is not a colour: use brand:TOKEN or #RRGGBB[AA]").arg(text);
    return c;
}

void setError(QString *error, const QString &message)
{
    if (error)
        *error = message;
}

} // namespace

bool setElementProperty(Element &element, ElementProperty property, const QVariant &value, QString *error)
{
    switch (property) {
    case ElementProperty::Name:
        element.name = value.toString();
        return true;
    case ElementProperty::Role:
        element.role = value.toString();
        return true;
    case ElementProperty::Locked:
        element.locked = value.toBool();
        return true;
    case ElementProperty::Text: {
        // What did not change keeps its runs' styles (DeckEdit::replaceText).
        TextBody body = element.text.value_or(TextBody{});
        DeckEdit::replaceText(body, value.toString());
        element.text = body;
        return true;
    }
    case ElementProperty::Fill: {
        if (value.toString().trimmed().isEmpty()) {
            element.fill.reset();
            return true;
        }
        const std::optional<ColorRef> c = colorFrom(value, error);
        if (!c)
            return false;
        element.fill = *c;
        return true;
    }
    case ElementProperty::Stroke: {
        const QVariantMap map = value.toMap();
        if (map.isEmpty()) {
            element.stroke.reset();
            return true;
        }
        Stroke s = element.stroke.value_or(Stroke{});
        if (map.contains(QStringLiteral("color"))) {
            const std::optional<ColorRef> c = colorFrom(map.value(QStringLiteral("color")), error);
            if (!c)
                return false;
            s.color = *c;
        } else if (s.color.isNull()) {
            setError(error, QStringLiteral("a new outline needs a colour"));
            return false;
        }
        if (map.contains(QStringLiteral("width"))) {
            bool ok = false;
            const double w = map.value(QStringLiteral("width")).toDouble(&ok);
            if (!ok || !std::isfinite(w) || w < 0 || w > 1000) {
                setError(error, QStringLiteral("the outline width must be a number from 0 to 1000 points"));
                return false;
            }
            s.width = w;
        }
        if (map.contains(QStringLiteral("dash"))) {
            const QString dash = map.value(QStringLiteral("dash")).toString();
            if (dash == QLatin1String("solid"))
                s.dash = DashStyle::Solid;
            else if (dash == QLatin1String("dash"))
                s.dash = DashStyle::Dash;
            else if (dash == QLatin1String("dot"))
                s.dash = DashStyle::Dot;
            else {
                setError(error, QStringLiteral("the dash must be solid, dash or dot, not \"%1\"").arg(dash));
                return false;
            }
        }
        element.stroke = s;
        return true;
    }
    case ElementProperty::Alt:
        element.alt = value.toString();
        return true;
    case ElementProperty::Decorative:
        element.decorative = value.toBool();
        return true;
    case ElementProperty::Params: {
        std::map<QString, QString> params;
        const QVariantMap map = value.toMap();
        for (auto it = map.cbegin(); it != map.cend(); ++it)
            params[it.key()] = it.value().toString();
        element.params = params;
        return true;
    }
    case ElementProperty::Src:
        element.src = value.toString();
        return true;
    case ElementProperty::CornerRadius: {
        bool ok = false;
        const double r = value.toDouble(&ok);
        if (!ok || !std::isfinite(r) || r < 0) {
            setError(error, QStringLiteral("the corner radius must be a number of points, 0 or more"));
            return false;
        }
        element.cornerRadius = r;
        return true;
    }
    case ElementProperty::Fit: {
        const QString fit = value.toString();
        if (fit == QLatin1String("contain"))
            element.fit = ImageFit::Contain;
        else if (fit == QLatin1String("cover"))
            element.fit = ImageFit::Cover;
        else if (fit == QLatin1String("stretch"))
            element.fit = ImageFit::Stretch;
        else {
            setError(error, QStringLiteral("the fit must be contain, cover or stretch, not \"%1\"").arg(fit));
            return false;
        }
        return true;
    }
    }
    setError(error, QStringLiteral("unknown property"));
    return false;
}

// ---- DocumentCommand ------------------------------------------------------

DocumentCommand::DocumentCommand(DocumentController *document, const QString &text)
    : QUndoCommand(text)
    , m_document(document)
{
}

const Deck &DocumentCommand::deck() const
{
    return m_document->deck();
}

void DocumentCommand::replaceElements(int slideIndex, const QVector<Element> &elements, const QStringList &ids)
{
    m_document->replaceElements(slideIndex, elements, ids);
}

void DocumentCommand::replaceSlide(int slideIndex, const Slide &slide)
{
    m_document->replaceSlide(slideIndex, slide);
}

void DocumentCommand::insertSlide(int index, const Slide &slide)
{
    m_document->insertSlide(index, slide);
}

void DocumentCommand::removeSlide(int index)
{
    m_document->removeSlideAt(index);
}

void DocumentCommand::moveSlide(int from, int to)
{
    m_document->moveSlideTo(from, to);
}

void DocumentCommand::replaceBrand(const BrandKit &kit, const QString &brandRef)
{
    m_document->replaceBrand(kit, brandRef);
}

// ---- SlideElementsCommand -------------------------------------------------

SlideElementsCommand::SlideElementsCommand(DocumentController *document, int slideIndex, const QString &text)
    : DocumentCommand(document, text)
    , m_slideIndex(slideIndex)
{
    if (slideIndex >= 0 && slideIndex < deck().slides.size())
        m_before = deck().slides[slideIndex].elements;
}

void SlideElementsCommand::setAfter(QVector<Element> after, QStringList changedIds)
{
    m_after = std::move(after);
    m_changedIds = std::move(changedIds);
    m_valid = m_slideIndex >= 0 && m_slideIndex < deck().slides.size();
}

void SlideElementsCommand::undo()
{
    replaceElements(m_slideIndex, m_before, m_changedIds);
}

void SlideElementsCommand::redo()
{
    replaceElements(m_slideIndex, m_after, m_changedIds);
}

// ---- frames ---------------------------------------------------------------

namespace {

QString frameText(FrameChange change, qsizetype count)
{
    switch (change) {
    case FrameChange::Move:
        return count == 1 ? QCoreApplication::translate("slidespec::Commands", "Move element")
                          : QCoreApplication::translate("slidespec::Commands", "Move elements");
    case FrameChange::Resize:
        return count == 1 ? QCoreApplication::translate("slidespec::Commands", "Resize element")
                          : QCoreApplication::translate("slidespec::Commands", "Resize elements");
    case FrameChange::Rotate:
        return count == 1 ? QCoreApplication::translate("slidespec::Commands", "Rotate element")
                          : QCoreApplication::translate("slidespec::Commands", "Rotate elements");
    }
    return {};
}

} // namespace

SetElementFramesCommand::SetElementFramesCommand(DocumentController *document, int slideIndex,
                                                 const QStringList &ids, const QVector<Frame> &frames,
                                                 FrameChange change, int dragId)
    : SlideElementsCommand(document, slideIndex, frameText(change, ids.size()))
    , m_change(change)
    , m_dragId(dragId)
{
    if (ids.size() != frames.size())
        return;
    QVector<Element> after = before();
    QStringList changed;
    for (int i = 0; i < ids.size(); ++i) {
        Element *e = DeckEdit::find(after, ids[i]);
        if (!e || DeckEdit::isLocked(before(), ids[i]))
            continue;
        const Frame &f = frames[i];
        if (!std::isfinite(f.x) || !std::isfinite(f.y) || !std::isfinite(f.w) || !std::isfinite(f.h)
            || !std::isfinite(f.rotation) || f.w < 0 || f.h < 0)
            return;
        DeckEdit::setFrame(*e, f);
        changed.append(ids[i]);
    }
    if (changed.isEmpty())
        return;
    DeckEdit::updateGroupFrames(after);
    setAfter(after, changed);
}

int SetElementFramesCommand::id() const
{
    if (m_dragId == 0)
        return -1;
    switch (m_change) {
    case FrameChange::Move: return int(CommandId::MoveElements);
    case FrameChange::Resize: return int(CommandId::ResizeElements);
    case FrameChange::Rotate: return int(CommandId::RotateElements);
    }
    return -1;
}

bool SetElementFramesCommand::mergeWith(const QUndoCommand *other)
{
    const auto *o = static_cast<const SetElementFramesCommand *>(other);
    if (o->m_dragId != m_dragId || o->m_slideIndex != m_slideIndex || o->m_change != m_change
        || o->m_changedIds != m_changedIds)
        return false;
    m_after = o->m_after;
    // A drag back to where it started leaves no undo step.
    setObsolete(m_after == m_before);
    return true;
}

NudgeElementsCommand::NudgeElementsCommand(DocumentController *document, int slideIndex, const QStringList &ids,
                                           const QVector<Frame> &frames, qint64 timeMs, int mergeWindowMs)
    : SetElementFramesCommand(document, slideIndex, ids, frames, FrameChange::Move)
    , m_lastMs(timeMs)
    , m_windowMs(mergeWindowMs)
{
    setText(changedIds().size() == 1 ? QCoreApplication::translate("slidespec::Commands", "Nudge element")
                                     : QCoreApplication::translate("slidespec::Commands", "Nudge elements"));
}

bool NudgeElementsCommand::mergeWith(const QUndoCommand *other)
{
    const auto *o = static_cast<const NudgeElementsCommand *>(other);
    const qint64 since = o->m_lastMs - m_lastMs;
    if (o->m_slideIndex != m_slideIndex || o->m_changedIds != m_changedIds || since < 0 || since > m_windowMs)
        return false;
    m_after = o->m_after;
    m_lastMs = o->m_lastMs;
    // Nudged back to where it started: no undo step.
    setObsolete(m_after == m_before);
    return true;
}

// ---- properties -----------------------------------------------------------

namespace {

QString propertyText(ElementProperty property)
{
    switch (property) {
    case ElementProperty::Name: return QCoreApplication::translate("slidespec::Commands", "Rename element");
    case ElementProperty::Role: return QCoreApplication::translate("slidespec::Commands", "Change role");
    case ElementProperty::Locked: return QCoreApplication::translate("slidespec::Commands", "Lock or unlock element");
    case ElementProperty::Text: return QCoreApplication::translate("slidespec::Commands", "Edit text");
    case ElementProperty::Fill: return QCoreApplication::translate("slidespec::Commands", "Change fill");
    case ElementProperty::Stroke: return QCoreApplication::translate("slidespec::Commands", "Change outline");
    case ElementProperty::Alt: return QCoreApplication::translate("slidespec::Commands", "Change alternative text");
    case ElementProperty::Decorative: return QCoreApplication::translate("slidespec::Commands", "Mark as decorative");
    case ElementProperty::Params:
        return QCoreApplication::translate("slidespec::Commands", "Change component settings");
    case ElementProperty::Src: return QCoreApplication::translate("slidespec::Commands", "Replace image");
    case ElementProperty::CornerRadius:
        return QCoreApplication::translate("slidespec::Commands", "Change corner radius");
    case ElementProperty::Fit: return QCoreApplication::translate("slidespec::Commands", "Change image fit");
    }
    return {};
}

} // namespace

SetElementPropertyCommand::SetElementPropertyCommand(DocumentController *document, int slideIndex,
                                                     const QString &elementId, ElementProperty property,
                                                     const QVariant &value, int editId)
    : SlideElementsCommand(document, slideIndex, propertyText(property))
    , m_elementId(elementId)
    , m_property(property)
    , m_editId(editId)
{
    QVector<Element> after = before();
    Element *e = DeckEdit::find(after, elementId);
    if (!e) {
        m_error = QStringLiteral("there is no element \"%1\" on this slide").arg(elementId);
        return;
    }
    if (!slidespec::setElementProperty(*e, property, value, &m_error))
        return;
    setAfter(after, {elementId});
}

SetElementPropertyCommand::SetElementPropertyCommand(DocumentController *document, int slideIndex,
                                                     const QString &elementId, const TextBody &body, int editId)
    : SlideElementsCommand(document, slideIndex, propertyText(ElementProperty::Text))
    , m_elementId(elementId)
    , m_property(ElementProperty::Text)
    , m_editId(editId)
{
    QVector<Element> after = before();
    Element *e = DeckEdit::find(after, elementId);
    if (!e) {
        m_error = QStringLiteral("there is no element \"%1\" on this slide").arg(elementId);
        return;
    }
    e->text = body;
    setAfter(after, {elementId});
}

int SetElementPropertyCommand::id() const
{
    return m_editId == 0 ? -1 : int(CommandId::SetElementProperty);
}

bool SetElementPropertyCommand::mergeWith(const QUndoCommand *other)
{
    const auto *o = static_cast<const SetElementPropertyCommand *>(other);
    if (o->m_editId != m_editId || o->m_slideIndex != m_slideIndex || o->m_elementId != m_elementId
        || o->m_property != m_property)
        return false;
    m_after = o->m_after;
    // A drag back to where it started leaves no undo step.
    setObsolete(m_after == m_before);
    return true;
}

// ---- add, paste, duplicate, remove ----------------------------------------

AddElementsCommand::AddElementsCommand(DocumentController *document, int slideIndex, const QVector<Element> &elements)
    : AddElementsCommand(document, slideIndex, elements,
                         elements.size() == 1 ? QCoreApplication::translate("slidespec::Commands", "Add element")
                                              : QCoreApplication::translate("slidespec::Commands", "Add elements"))
{
}

AddElementsCommand::AddElementsCommand(DocumentController *document, int slideIndex,
                                       const QVector<Element> &elements, const QString &text)
    : SlideElementsCommand(document, slideIndex, text)
{
    if (elements.isEmpty())
        return;
    QVector<Element> after = before();
    DeckEdit::appendOnTop(after, elements);
    QStringList ids;
    for (const Element &e : elements)
        ids.append(e.id);
    setAfter(after, ids);
}

PasteElementsCommand::PasteElementsCommand(DocumentController *document, int slideIndex,
                                           const QVector<Element> &elements, QPointF offset)
    : AddElementsCommand(document, slideIndex, prepared(document->deck(), elements, offset),
                         QCoreApplication::translate("slidespec::Commands", "Paste"))
{
}

QVector<Element> PasteElementsCommand::prepared(const Deck &deck, QVector<Element> elements, QPointF offset)
{
    IdAllocator ids(deck);
    for (Element &e : elements) {
        DeckEdit::reassignIds(e, ids);
        if (!offset.isNull())
            DeckEdit::translate(e, offset.x(), offset.y());
    }
    return elements;
}

DuplicateElementsCommand::DuplicateElementsCommand(DocumentController *document, int slideIndex,
                                                   const QStringList &ids, QPointF offset)
    : SlideElementsCommand(document, slideIndex, QCoreApplication::translate("slidespec::Commands", "Duplicate"))
{
    IdAllocator allocator(deck());
    QVector<Element> copies;
    for (int i : DeckEdit::paintOrder(before())) {
        if (!ids.contains(before()[i].id))
            continue;
        Element copy = before()[i];
        DeckEdit::reassignIds(copy, allocator);
        DeckEdit::translate(copy, offset.x(), offset.y());
        copies.append(copy);
    }
    if (copies.isEmpty())
        return;
    QVector<Element> after = before();
    DeckEdit::appendOnTop(after, copies);
    QStringList newIds;
    for (const Element &e : copies)
        newIds.append(e.id);
    setAfter(after, newIds);
}

namespace {

bool removeFrom(QVector<Element> &elements, const QStringList &ids)
{
    bool removed = false;
    for (int i = int(elements.size()) - 1; i >= 0; --i) {
        if (ids.contains(elements[i].id)) {
            elements.removeAt(i);
            removed = true;
        } else if (!elements[i].children.isEmpty()) {
            removed = removeFrom(elements[i].children, ids) || removed;
        }
    }
    return removed;
}

/*! Drops groups left with no children. */
void dropEmptyGroups(QVector<Element> &elements, const QVector<Element> &before)
{
    for (int i = int(elements.size()) - 1; i >= 0; --i) {
        Element &e = elements[i];
        if (e.kind != ElementKind::Group)
            continue;
        const Element *was = DeckEdit::find(before, e.id);
        dropEmptyGroups(e.children, before);
        if (e.children.isEmpty() && was && !was->children.isEmpty())
            elements.removeAt(i);
    }
}

} // namespace

RemoveElementsCommand::RemoveElementsCommand(DocumentController *document, int slideIndex, const QStringList &ids)
    : SlideElementsCommand(document, slideIndex,
                           ids.size() == 1 ? QCoreApplication::translate("slidespec::Commands", "Delete element")
                                           : QCoreApplication::translate("slidespec::Commands", "Delete elements"))
{
    QVector<Element> after = before();
    if (!removeFrom(after, ids))
        return;
    dropEmptyGroups(after, before());
    DeckEdit::updateGroupFrames(after);
    setAfter(after, ids);
}

// ---- z-order, group ---------------------------------------------------------

namespace {

QString zOrderText(DeckEdit::ZOrderChange change)
{
    switch (change) {
    case DeckEdit::ZOrderChange::BringToFront:
        return QCoreApplication::translate("slidespec::Commands", "Bring to front");
    case DeckEdit::ZOrderChange::SendToBack: return QCoreApplication::translate("slidespec::Commands", "Send to back");
    case DeckEdit::ZOrderChange::BringForward:
        return QCoreApplication::translate("slidespec::Commands", "Bring forward");
    case DeckEdit::ZOrderChange::SendBackward:
        return QCoreApplication::translate("slidespec::Commands", "Send backward");
    }
    return {};
}

} // namespace

ChangeZOrderCommand::ChangeZOrderCommand(DocumentController *document, int slideIndex, const QStringList &ids,
                                         DeckEdit::ZOrderChange change)
    : SlideElementsCommand(document, slideIndex, zOrderText(change))
{
    QVector<Element> after = before();
    if (DeckEdit::changeZOrder(after, ids, change))
        setAfter(after, ids);
}

GroupElementsCommand::GroupElementsCommand(DocumentController *document, int slideIndex, const QStringList &ids)
    : SlideElementsCommand(document, slideIndex, QCoreApplication::translate("slidespec::Commands", "Group"))
{
    int found = 0;
    for (const QString &id : ids)
        found += DeckEdit::topLevelIndex(before(), id) >= 0 ? 1 : 0;
    if (found < 2)
        return;
    IdAllocator allocator(deck());
    m_groupId = allocator.allocate(QStringLiteral("group"));
    QVector<Element> after = before();
    if (!DeckEdit::group(after, ids, m_groupId))
        return;
    setAfter(after, QStringList(ids) << m_groupId);
}

UngroupElementsCommand::UngroupElementsCommand(DocumentController *document, int slideIndex,
                                               const QStringList &groupIds)
    : SlideElementsCommand(document, slideIndex, QCoreApplication::translate("slidespec::Commands", "Ungroup"))
{
    QVector<Element> after = before();
    QStringList changed;
    for (const QString &id : groupIds) {
        const QStringList children = DeckEdit::ungroup(after, id);
        if (children.isEmpty())
            continue;
        m_childIds += children;
        changed << id << children;
    }
    if (!changed.isEmpty())
        setAfter(after, changed);
}

// ---- align, distribute ------------------------------------------------------

namespace {

QString alignText(DeckEdit::Alignment alignment)
{
    switch (alignment) {
    case DeckEdit::Alignment::Left: return QCoreApplication::translate("slidespec::Commands", "Align left");
    case DeckEdit::Alignment::HorizontalCenter:
        return QCoreApplication::translate("slidespec::Commands", "Align centre");
    case DeckEdit::Alignment::Right: return QCoreApplication::translate("slidespec::Commands", "Align right");
    case DeckEdit::Alignment::Top: return QCoreApplication::translate("slidespec::Commands", "Align top");
    case DeckEdit::Alignment::VerticalCenter: return QCoreApplication::translate("slidespec::Commands", "Align middle");
    case DeckEdit::Alignment::Bottom: return QCoreApplication::translate("slidespec::Commands", "Align bottom");
    }
    return {};
}

/*! Moves each of \a ids by the matching offset; returns the moved ids. */
QStringList moveBy(QVector<Element> &elements, const QStringList &ids, const QVector<QPointF> &offsets)
{
    QStringList moved;
    for (int i = 0; i < ids.size(); ++i) {
        if (offsets[i].isNull())
            continue;
        Element *e = DeckEdit::find(elements, ids[i]);
        DeckEdit::translate(*e, offsets[i].x(), offsets[i].y());
        moved.append(ids[i]);
    }
    DeckEdit::updateGroupFrames(elements);
    return moved;
}

/*! The ids of \a ids present in \a elements and not locked, and their bounds. */
QStringList presentIds(const QVector<Element> &elements, const QStringList &ids, QVector<QRectF> &rects)
{
    QStringList present;
    for (const QString &id : ids) {
        if (const Element *e = DeckEdit::find(elements, id)) {
            if (present.contains(id) || DeckEdit::isLocked(elements, id))
                continue;
            present.append(id);
            rects.append(e->frame.boundingRect());
        }
    }
    return present;
}

} // namespace

AlignElementsCommand::AlignElementsCommand(DocumentController *document, int slideIndex, const QStringList &ids,
                                           DeckEdit::Alignment alignment)
    : SlideElementsCommand(document, slideIndex, alignText(alignment))
{
    QVector<QRectF> rects;
    const QStringList present = presentIds(before(), ids, rects);
    if (present.isEmpty())
        return;
    QRectF reference;
    if (present.size() == 1) {
        reference = QRectF(QPointF(0, 0), deck().size);
    } else {
        QVector<Element> bounds;
        for (const QString &id : present)
            bounds.append(*DeckEdit::find(before(), id));
        reference = DeckEdit::boundsOf(bounds);
    }
    QVector<Element> after = before();
    const QStringList moved = moveBy(after, present, DeckEdit::alignOffsets(rects, alignment, reference));
    if (!moved.isEmpty())
        setAfter(after, moved);
}

DistributeElementsCommand::DistributeElementsCommand(DocumentController *document, int slideIndex,
                                                     const QStringList &ids, DeckEdit::Distribution distribution)
    : SlideElementsCommand(document, slideIndex,
                           distribution == DeckEdit::Distribution::Horizontal
                               ? QCoreApplication::translate("slidespec::Commands", "Distribute horizontally")
                               : QCoreApplication::translate("slidespec::Commands", "Distribute vertically"))
{
    QVector<QRectF> rects;
    const QStringList present = presentIds(before(), ids, rects);
    if (present.size() < 3)
        return;
    QVector<Element> after = before();
    const QStringList moved = moveBy(after, present, DeckEdit::distributeOffsets(rects, distribution));
    if (!moved.isEmpty())
        setAfter(after, moved);
}

// ---- slides ---------------------------------------------------------------

InsertSlideCommand::InsertSlideCommand(DocumentController *document, int index, const Slide &slide,
                                       const QString &text)
    : DocumentCommand(document, text)
    , m_index(index)
    , m_slide(slide)
{
}

void InsertSlideCommand::redo()
{
    insertSlide(m_index, m_slide);
}

void InsertSlideCommand::undo()
{
    removeSlide(m_index);
}

RemoveSlideCommand::RemoveSlideCommand(DocumentController *document, int index)
    : DocumentCommand(document, QCoreApplication::translate("slidespec::Commands", "Delete slide"))
    , m_index(index)
    , m_valid(index >= 0 && index < document->deck().slides.size())
{
    if (m_valid)
        m_slide = deck().slides[index];
}

void RemoveSlideCommand::redo()
{
    removeSlide(m_index);
}

void RemoveSlideCommand::undo()
{
    insertSlide(m_index, m_slide);
}

MoveSlideCommand::MoveSlideCommand(DocumentController *document, int from, int to)
    : DocumentCommand(document, QCoreApplication::translate("slidespec::Commands", "Move slide"))
    , m_from(from)
    , m_to(to)
{
}

bool MoveSlideCommand::changesSomething() const
{
    const int n = int(deck().slides.size());
    return m_from != m_to && m_from >= 0 && m_from < n && m_to >= 0 && m_to < n;
}

void MoveSlideCommand::redo()
{
    moveSlide(m_from, m_to);
}

void MoveSlideCommand::undo()
{
    moveSlide(m_to, m_from);
}

bool setSlideProperty(Slide &slide, SlideProperty property, const QVariant &value, QString *error)
{
    switch (property) {
    case SlideProperty::Hidden:
        slide.hidden = value.toBool();
        return true;
    case SlideProperty::Notes:
        slide.notes = value.toString();
        return true;
    case SlideProperty::BackgroundColor: {
        if (value.toString().trimmed().isEmpty()) {
            slide.background.color.reset();
            return true;
        }
        const std::optional<ColorRef> c = colorFrom(value, error);
        if (!c)
            return false;
        slide.background.color = *c;
        return true;
    }
    case SlideProperty::BackgroundImage:
        slide.background.image = value.toString().trimmed();
        return true;
    }
    setError(error, QStringLiteral("unknown property"));
    return false;
}

namespace {

QString slidePropertyText(SlideProperty property, const QVariant &value)
{
    switch (property) {
    case SlideProperty::Hidden:
        return value.toBool() ? QCoreApplication::translate("slidespec::Commands", "Skip slide")
                              : QCoreApplication::translate("slidespec::Commands", "Show slide");
    case SlideProperty::Notes: return QCoreApplication::translate("slidespec::Commands", "Edit speaker notes");
    case SlideProperty::BackgroundColor:
        return QCoreApplication::translate("slidespec::Commands", "Change background colour");
    case SlideProperty::BackgroundImage:
        return QCoreApplication::translate("slidespec::Commands", "Change background image");
    }
    return {};
}

} // namespace

SetSlidePropertyCommand::SetSlidePropertyCommand(DocumentController *document, int index, SlideProperty property,
                                                 const QVariant &value, int editId)
    : DocumentCommand(document, slidePropertyText(property, value))
    , m_index(index)
    , m_property(property)
    , m_editId(editId)
{
    if (index < 0 || index >= deck().slides.size()) {
        m_error = QStringLiteral("there is no slide %1").arg(index + 1);
        return;
    }
    m_before = deck().slides[index];
    m_after = m_before;
    m_valid = slidespec::setSlideProperty(m_after, property, value, &m_error);
}

void SetSlidePropertyCommand::redo()
{
    replaceSlide(m_index, m_after);
}

void SetSlidePropertyCommand::undo()
{
    replaceSlide(m_index, m_before);
}

int SetSlidePropertyCommand::id() const
{
    return m_editId == 0 ? -1 : int(CommandId::SetSlideProperty);
}

bool SetSlidePropertyCommand::mergeWith(const QUndoCommand *other)
{
    const auto *o = static_cast<const SetSlidePropertyCommand *>(other);
    if (o->m_editId != m_editId || o->m_index != m_index || o->m_property != m_property)
        return false;
    m_after = o->m_after;
    // A drag back to where it started leaves no undo step.
    setObsolete(m_after == m_before);
    return true;
}

// ---- deck -----------------------------------------------------------------

ApplyBrandKitCommand::ApplyBrandKitCommand(DocumentController *document, const BrandKit &kit,
                                           const QString &brandRef)
    : DocumentCommand(document, QCoreApplication::translate("slidespec::Commands", "Apply brand kit"))
    , m_oldKit(document->deck().brand)
    , m_oldRef(document->deck().brandRef)
    , m_newKit(kit)
    , m_newRef(brandRef)
{
}

bool ApplyBrandKitCommand::changesSomething() const
{
    return !(m_oldKit == m_newKit) || m_oldRef != m_newRef;
}

void ApplyBrandKitCommand::redo()
{
    replaceBrand(m_newKit, m_newRef);
}

void ApplyBrandKitCommand::undo()
{
    replaceBrand(m_oldKit, m_oldRef);
}

ApplyFixCommand::ApplyFixCommand(DocumentController *document, const Issue &issue)
    : DocumentCommand(document, issue.fix ? issue.fix->description
                                          : QCoreApplication::translate("slidespec::Commands", "Fix issue"))
{
    const Deck &current = deck();
    int index = issue.slideIndex;
    if (index < 0 || index >= current.slides.size() || current.slides[index].id != issue.slideId) {
        index = -1;
        for (int i = 0; i < current.slides.size(); ++i) {
            if (current.slides[i].id == issue.slideId)
                index = i;
        }
    }
    if (index < 0) {
        m_error = QStringLiteral("the slide of this issue (\"%1\") is gone").arg(issue.slideId);
        return;
    }
    if (!issue.fix) {
        m_error = QStringLiteral("this issue has no automatic fix");
        return;
    }
    Issue located = issue;
    located.slideIndex = index;
    Deck copy = current;
    if (!slidespec::applyFix(copy, located, &m_error))
        return;
    // A fix changes one slide; anything else would not be undone exactly.
    Deck check = copy;
    check.slides[index] = current.slides[index];
    if (!(check == current)) {
        m_error = QStringLiteral("the fix changes more than its slide");
        return;
    }
    m_slideIndex = index;
    m_before = current.slides[index];
    m_after = copy.slides[index];
    m_valid = true;
}

void ApplyFixCommand::redo()
{
    replaceSlide(m_slideIndex, m_after);
}

void ApplyFixCommand::undo()
{
    replaceSlide(m_slideIndex, m_before);
}

} // namespace slidespec
