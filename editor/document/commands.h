// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "document/deckedit.h"

#include "model/deck.h"
#include "validation/issue.h"

#include <QCoreApplication>
#include <QStringList>
#include <QUndoCommand>
#include <QVariant>
#include <QVector>

namespace slidespec {

class DocumentController;

/*!
 * \brief Merge ids of the undo commands that merge (QUndoCommand::id()).
 *
 * All in one enum so no two command classes ever share an id. Commands that
 * never merge return -1.
 */
enum class CommandId {
    MoveElements = 1,   //!< a drag of elements
    ResizeElements,     //!< a drag of a resize handle
    RotateElements,     //!< a drag of the rotation handle
    SetElementProperty, //!< typing into one property of one element
    SetSlideProperty,   //!< typing into one property of one slide (notes)
    NudgeElements,      //!< arrow-key nudges of the same elements in quick succession
};

/*! \brief What a SetElementFramesCommand does, for its text and merge id. */
enum class FrameChange { Move, Resize, Rotate };

/*!
 * \brief The element properties SetElementPropertyCommand sets, and the
 * QVariant each takes.
 */
enum class ElementProperty {
    Name,         //!< QString
    Role,         //!< QString
    Locked,       //!< bool
    Text,         //!< QString: plain text, '\n' between paragraphs; what did not
                  //!< change keeps its runs' styles (DeckEdit::replaceText)
    Fill,         //!< QString colour (`brand:TOKEN`, `#RRGGBB[AA]`), empty for none
    Stroke,       //!< QVariantMap {color, width, dash: solid|dash|dot}, empty for none
    Alt,          //!< QString
    Decorative,   //!< bool
    Params,       //!< QVariantMap: component parameters, replacing them all
    Src,          //!< QString: `asset:ID` or a data URI
    CornerRadius, //!< double, points
    Fit,          //!< QString: contain, cover or stretch (images)
};

/*! Applies \a value to \a element's \a property. False (with \a error) when
 *  the value does not suit the property. */
bool setElementProperty(Element &element, ElementProperty property, const QVariant &value,
                        QString *error = nullptr);

/*!
 * \brief Base of every edit of a DocumentController's deck.
 *
 * Commands change the deck only through the controller's mutation
 * primitives, which emit the typed change signals and re-validate what was
 * touched. changesSomething() is false for an edit that would do nothing;
 * the controller does not push such commands.
 */
class DocumentCommand : public QUndoCommand
{
public:
    virtual bool changesSomething() const = 0;

protected:
    DocumentCommand(DocumentController *document, const QString &text);

    DocumentController *document() const { return m_document; }
    const Deck &deck() const;

    // Forwarders to DocumentController's private primitives.
    void replaceElements(int slideIndex, const QVector<Element> &elements, const QStringList &ids);
    void replaceSlide(int slideIndex, const Slide &slide);
    void insertSlide(int index, const Slide &slide);
    void removeSlide(int index);
    void moveSlide(int from, int to);
    void replaceBrand(const BrandKit &kit, const QString &brandRef);

private:
    DocumentController *m_document;
};

/*!
 * \brief An edit of one slide's elements, kept as the element list before
 * and after: undo and redo restore exactly.
 *
 * Each kind of element edit is its own subclass, computing the "after" list
 * in its constructor from the deck as it is then.
 */
class SlideElementsCommand : public DocumentCommand
{
public:
    void undo() override;
    void redo() override;
    bool changesSomething() const override { return m_valid && m_before != m_after; }

    int slideIndex() const { return m_slideIndex; }
    /*! The elements the edit touched (for signals and the new selection). */
    const QStringList &changedIds() const { return m_changedIds; }

protected:
    SlideElementsCommand(DocumentController *document, int slideIndex, const QString &text);

    /*! The elements before the edit, to compute the new list from. */
    const QVector<Element> &before() const { return m_before; }
    void setAfter(QVector<Element> after, QStringList changedIds);

    int m_slideIndex;
    bool m_valid = false;
    QVector<Element> m_before;
    QVector<Element> m_after;
    QStringList m_changedIds;
};

/*! \brief Moves, resizes or rotates elements; a drag (same non-zero drag
 *  id) merges into one undo step. Locked elements (or children of a locked
 *  group) stay where they are; so do they for align and distribute. */
class SetElementFramesCommand : public SlideElementsCommand
{
public:
    SetElementFramesCommand(DocumentController *document, int slideIndex, const QStringList &ids,
                            const QVector<Frame> &frames, FrameChange change, int dragId = 0);

    int id() const override;
    bool mergeWith(const QUndoCommand *other) override;

private:
    FrameChange m_change;
    int m_dragId;
};

/*!
 * \brief Moves elements by an arrow-key nudge. A nudge of the same elements
 * of the same slide at most \a mergeWindowMs after the previous one merges
 * into it, so holding or tapping an arrow key is one undo step.
 *
 * \a timeMs is when the key was pressed, on any monotonic millisecond clock
 * (the controller's); it only matters relative to the previous nudge.
 */
class NudgeElementsCommand : public SetElementFramesCommand
{
public:
    NudgeElementsCommand(DocumentController *document, int slideIndex, const QStringList &ids,
                         const QVector<Frame> &frames, qint64 timeMs, int mergeWindowMs);

    int id() const override { return int(CommandId::NudgeElements); }
    bool mergeWith(const QUndoCommand *other) override;

private:
    qint64 m_lastMs;
    int m_windowMs;
};

/*! \brief Sets one property of one element. Typing (same non-zero edit id)
 *  merges into one undo step. */
class SetElementPropertyCommand : public SlideElementsCommand
{
public:
    SetElementPropertyCommand(DocumentController *document, int slideIndex, const QString &elementId,
                              ElementProperty property, const QVariant &value, int editId = 0);
    /*! Sets the whole text body of \a elementId. */
    SetElementPropertyCommand(DocumentController *document, int slideIndex, const QString &elementId,
                              const TextBody &body, int editId = 0);

    int id() const override;
    bool mergeWith(const QUndoCommand *other) override;
    const QString &error() const { return m_error; }

private:
    QString m_elementId;
    ElementProperty m_property;
    int m_editId;
    QString m_error;
};

/*! \brief Adds new elements on top of a slide (ids must already be unique). */
class AddElementsCommand : public SlideElementsCommand
{
public:
    AddElementsCommand(DocumentController *document, int slideIndex, const QVector<Element> &elements);

protected:
    AddElementsCommand(DocumentController *document, int slideIndex, const QVector<Element> &elements,
                       const QString &text);
};

/*! \brief Pastes elements: fresh deck-unique ids, optional offset, on top. */
class PasteElementsCommand : public AddElementsCommand
{
public:
    PasteElementsCommand(DocumentController *document, int slideIndex, const QVector<Element> &elements,
                         QPointF offset = {});

private:
    static QVector<Element> prepared(const Deck &deck, QVector<Element> elements, QPointF offset);
};

/*! \brief Duplicates top-level elements: copies with fresh ids, offset, on top. */
class DuplicateElementsCommand : public SlideElementsCommand
{
public:
    DuplicateElementsCommand(DocumentController *document, int slideIndex, const QStringList &ids,
                             QPointF offset);
};

/*! \brief Removes elements (group children too), keeping the others' z and
 *  array positions. */
class RemoveElementsCommand : public SlideElementsCommand
{
public:
    RemoveElementsCommand(DocumentController *document, int slideIndex, const QStringList &ids);
};

/*! \brief Brings to front, sends to back, forward or backward. */
class ChangeZOrderCommand : public SlideElementsCommand
{
public:
    ChangeZOrderCommand(DocumentController *document, int slideIndex, const QStringList &ids,
                        DeckEdit::ZOrderChange change);
};

/*! \brief Groups top-level elements under a new group with a fresh id. */
class GroupElementsCommand : public SlideElementsCommand
{
public:
    GroupElementsCommand(DocumentController *document, int slideIndex, const QStringList &ids);
    /*! The new group's id. */
    const QString &groupId() const { return m_groupId; }

private:
    QString m_groupId;
};

/*! \brief Dissolves top-level groups into their children. */
class UngroupElementsCommand : public SlideElementsCommand
{
public:
    UngroupElementsCommand(DocumentController *document, int slideIndex, const QStringList &groupIds);
    /*! The freed children. */
    const QStringList &childIds() const { return m_childIds; }

private:
    QStringList m_childIds;
};

/*! \brief Aligns elements to each other's bounds, or one element to the slide. */
class AlignElementsCommand : public SlideElementsCommand
{
public:
    AlignElementsCommand(DocumentController *document, int slideIndex, const QStringList &ids,
                         DeckEdit::Alignment alignment);
};

/*! \brief Spaces three or more elements evenly. */
class DistributeElementsCommand : public SlideElementsCommand
{
public:
    DistributeElementsCommand(DocumentController *document, int slideIndex, const QStringList &ids,
                              DeckEdit::Distribution distribution);
};

/*! \brief Inserts a slide (new from a template, or a duplicate). */
class InsertSlideCommand : public DocumentCommand
{
public:
    InsertSlideCommand(DocumentController *document, int index, const Slide &slide, const QString &text);
    void undo() override;
    void redo() override;
    bool changesSomething() const override { return true; }

private:
    int m_index;
    Slide m_slide;
};

/*! \brief Removes a slide. */
class RemoveSlideCommand : public DocumentCommand
{
public:
    RemoveSlideCommand(DocumentController *document, int index);
    void undo() override;
    void redo() override;
    bool changesSomething() const override { return m_valid; }

private:
    int m_index;
    bool m_valid;
    Slide m_slide;
};

/*! \brief Moves a slide to another position. */
class MoveSlideCommand : public DocumentCommand
{
public:
    MoveSlideCommand(DocumentController *document, int from, int to);
    void undo() override;
    void redo() override;
    bool changesSomething() const override;

private:
    int m_from;
    int m_to;
};

/*!
 * \brief The slide properties SetSlidePropertyCommand sets, and the QVariant
 * each takes.
 */
enum class SlideProperty {
    Hidden,          //!< bool: skipped in the show
    Notes,           //!< QString: speaker notes, '\n' between paragraphs
    BackgroundColor, //!< QString colour, empty for the kit's background
    BackgroundImage, //!< QString: `asset:ID`, a data URI, or empty for none
};

/*! Applies \a value to \a slide's \a property. False (with \a error) when
 *  the value does not suit the property. */
bool setSlideProperty(Slide &slide, SlideProperty property, const QVariant &value, QString *error = nullptr);

/*! \brief Sets one property of a slide (skip, notes, background). Typing
 *  notes (same non-zero edit id) merges into one undo step. */
class SetSlidePropertyCommand : public DocumentCommand
{
public:
    SetSlidePropertyCommand(DocumentController *document, int index, SlideProperty property, const QVariant &value,
                            int editId = 0);
    void undo() override;
    void redo() override;
    bool changesSomething() const override { return m_valid && !(m_before == m_after); }
    int id() const override;
    bool mergeWith(const QUndoCommand *other) override;
    const QString &error() const { return m_error; }

private:
    int m_index;
    SlideProperty m_property;
    int m_editId;
    bool m_valid = false;
    Slide m_before;
    Slide m_after;
    QString m_error;
};

/*! \brief Replaces the deck's brand kit (and brandRef): one undo step. */
class ApplyBrandKitCommand : public DocumentCommand
{
public:
    ApplyBrandKitCommand(DocumentController *document, const BrandKit &kit, const QString &brandRef);
    void undo() override;
    void redo() override;
    bool changesSomething() const override;

private:
    BrandKit m_oldKit;
    QString m_oldRef;
    BrandKit m_newKit;
    QString m_newRef;
};

/*! \brief Performs a validator fix (core applyFix) as one undo step. */
class ApplyFixCommand : public DocumentCommand
{
public:
    ApplyFixCommand(DocumentController *document, const Issue &issue);
    void undo() override;
    void redo() override;
    bool changesSomething() const override { return m_valid && m_before != m_after; }
    const QString &error() const { return m_error; }

private:
    int m_slideIndex = -1;
    bool m_valid = false;
    Slide m_before;
    Slide m_after;
    QString m_error;
};

} // namespace slidespec
