// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "document/commands.h"
#include "document/deckedit.h"

#include "model/deck.h"
#include "validation/issue.h"

#include <QElapsedTimer>
#include <QHash>
#include <QObject>
#include <QPointF>
#include <QRectF>
#include <QString>
#include <QStringList>
#include <QUndoStack>
#include <QVector>

#include <memory>
#include <optional>

namespace slidespec {

class AssetStore;
class ComponentLibrary;
class FontResolver;
class TextLayoutEngine;
class Validator;

/*!
 * \brief One open deck in the editor: the model, its file, undo history,
 * current slide, selection, and the services that check and draw it.
 *
 * The deck is a plain value (core/model); this class is the QObject
 * boundary. Every edit is one DocumentCommand pushed on undoStack(); the
 * commands change the deck through private primitives that emit the typed
 * change signals below and re-validate only the slides they touched. The UI
 * (QML), the workspace and the thumbnail cache hang off these signals.
 *
 * Edit methods act on the current slide unless they take a slide index, and
 * return false (or an empty result) when there is nothing to do; nothing is
 * pushed then.
 */
class DocumentController : public QObject
{
    Q_OBJECT
    Q_PROPERTY(QString filePath READ filePath NOTIFY filePathChanged)
    Q_PROPERTY(bool modified READ isModified NOTIFY modifiedChanged)
    Q_PROPERTY(int slideCount READ slideCount NOTIFY slideCountChanged)
    Q_PROPERTY(int currentSlide READ currentSlide WRITE setCurrentSlide NOTIFY currentSlideChanged)
    Q_PROPERTY(QStringList selection READ selection WRITE setSelection NOTIFY selectionChanged)
    Q_PROPERTY(int problemCount READ problemCount NOTIFY issuesChanged)
    Q_PROPERTY(QUndoStack *undoStack READ undoStack CONSTANT)

public:
    explicit DocumentController(QObject *parent = nullptr);
    ~DocumentController() override;

    // ---- document -------------------------------------------------------

    const Deck &deck() const { return m_deck; }
    /*! A new one-slide deck (title template) with the kit at
     *  `:/slidespec/brands/northwind.json`; clears the history. */
    Q_INVOKABLE void newDeck();
    /*! Replaces the document by \a deck (as if opened from \a filePath);
     *  clears the history and validates every slide. */
    void setDeck(const Deck &deck, const QString &filePath = {});
    /*! Opens a deck file; on failure the open document stays and \a error
     *  says what is wrong and where. */
    bool open(const QString &filePath, QString *error = nullptr);
    /*! Saves to filePath() atomically (canonical JSON) and marks the history clean. */
    bool save(QString *error = nullptr);
    bool saveAs(const QString &filePath, QString *error = nullptr);

    QString filePath() const { return m_filePath; }
    /*! True when the deck differs from what was last opened or saved, i.e.
     *  the undo stack is not at its clean index. */
    bool isModified() const;
    QUndoStack *undoStack() const { return m_undoStack; }

    // ---- services -------------------------------------------------------

    const FontResolver &fonts() const { return *m_fonts; }
    const TextLayoutEngine &textEngine() const { return *m_text; }
    const AssetStore &assets() const { return *m_assets; }
    const ComponentLibrary &components() const;
    const Validator &validator() const { return *m_validator; }

    // ---- current slide and selection ------------------------------------

    int slideCount() const { return int(m_deck.slides.size()); }
    int currentSlide() const { return m_currentSlide; }
    /*! Makes \a index current (clamped) and clears the selection. */
    void setCurrentSlide(int index);
    /*! The current slide, or nullptr when the deck has none. */
    const Slide *currentSlideData() const;

    QStringList selection() const { return m_selection; }
    /*! Selects the elements \a ids of the current slide (unknown ids dropped). */
    void setSelection(const QStringList &ids);
    Q_INVOKABLE void clearSelection() { setSelection({}); }

    // ---- issues ---------------------------------------------------------

    /*! Issues of the current slide. */
    QVector<Issue> issues() const;
    /*! Issues of slide \a index. */
    QVector<Issue> slideIssues(int index) const;
    /*! Issues of every slide, in slide order. */
    QVector<Issue> deckIssues() const;
    /*! Number of issues of slide \a index. */
    int issueCount(int index) const;
    /*! Errors and warnings in the whole deck (info does not count). */
    int problemCount() const;

    // ---- element edits (current slide) -----------------------------------

    /*! A fresh id for a drag: pass it to every step of one drag so the steps
     *  merge into one undo step. Also serves as the edit id of a typing
     *  session (setElementProperty, setElementText). */
    Q_INVOKABLE int beginDrag() { return ++m_lastDragId; }
    /*! Sets frames of \a ids (same length as \a frames). */
    bool setElementFrames(const QStringList &ids, const QVector<Frame> &frames,
                          FrameChange change = FrameChange::Move, int dragId = 0);
    /*! Moves \a ids by \a dx, \a dy points. */
    Q_INVOKABLE bool moveElements(const QStringList &ids, double dx, double dy, int dragId = 0);
    /*! Moves \a ids by \a dx, \a dy points from the keyboard: a nudge of the
     *  same elements within nudgeMergeInterval() of the previous one joins
     *  its undo step (NudgeElementsCommand). */
    Q_INVOKABLE bool nudgeElements(const QStringList &ids, double dx, double dy);
    /*!
     * Drags resize handle (\a hx, \a hy) of element \a id (see
     * ResizeGeometry) by (\a dx, \a dy) slide points from where drag
     * \a dragId began: the opposite corner or edge stays put on the slide,
     * also when the element is rotated. \a keepAspect for corner handles.
     * The steps of one drag pass one \a dragId (one undo step).
     */
    Q_INVOKABLE bool resizeByHandle(const QString &id, int hx, int hy, double dx, double dy, bool keepAspect,
                                    int dragId = 0);
    /*!
     * Scales \a ids as one picture so that \a from (their bounds when drag
     * \a dragId began) becomes \a to: the multi-selection's resize handles.
     * The steps of one drag pass one \a dragId (one undo step).
     */
    Q_INVOKABLE bool scaleElements(const QStringList &ids, const QRectF &from, const QRectF &to, int dragId = 0);
    /*! Milliseconds between nudges that still make one undo step
     *  (default kNudgeMergeInterval). */
    int nudgeMergeInterval() const { return m_nudgeMergeInterval; }
    void setNudgeMergeInterval(int ms) { m_nudgeMergeInterval = ms; }
    bool setElementProperty(const QString &id, ElementProperty property, const QVariant &value,
                            int editId = 0, QString *error = nullptr);
    bool setElementText(const QString &id, const TextBody &body, int editId = 0);
    /*!
     * Formats characters [\a start, \a end) of text element \a id (counted in
     * its plain text, '\n' between paragraphs) as one undo step. \a format
     * holds any of: bold, italic, underline (true, false or "toggle": on
     * unless the whole range has it), size (points), color (`brand:TOKEN` or
     * `#RRGGBB`). False when nothing changes or a value is unusable.
     */
    Q_INVOKABLE bool formatText(const QString &id, int start, int end, const QVariantMap &format);
    /*! Adds \a element on top (a fresh id if its own is taken) and selects it. */
    QString addElement(const Element &element);
    /*! Adds an instance of component \a componentId at \a topLeft. */
    QString addComponent(const QString &componentId, QPointF topLeft = {});
    Q_INVOKABLE bool removeElements(const QStringList &ids);
    bool changeZOrder(const QStringList &ids, DeckEdit::ZOrderChange change);
    /*! Groups \a ids; returns the new group's id (selected), or empty. */
    Q_INVOKABLE QString groupElements(const QStringList &ids);
    /*! Ungroups the groups among \a ids; selects and returns their children. */
    Q_INVOKABLE QStringList ungroupElements(const QStringList &ids);
    bool alignElements(const QStringList &ids, DeckEdit::Alignment alignment);
    bool distributeElements(const QStringList &ids, DeckEdit::Distribution distribution);
    /*! Duplicates \a ids offset by kDuplicateOffset; selects the copies. */
    Q_INVOKABLE QStringList duplicateElements(const QStringList &ids);
    /*! Pastes \a elements with fresh ids; selects them. */
    QStringList pasteElements(const QVector<Element> &elements, QPointF offset = {});

    // ---- clipboard (QGuiApplication::clipboard) --------------------------

    /*! The selected elements of the current slide, in paint order. */
    QVector<Element> selectedElements() const;
    Q_INVOKABLE bool copySelection();
    Q_INVOKABLE bool cutSelection();
    /*! Pastes from the system clipboard; \a error says why not. */
    QStringList paste(QString *error = nullptr);

    // ---- slides -----------------------------------------------------------

    /*! Reads template \a templateId from `:/slidespec/templates/ID.json`. */
    static std::optional<Slide> loadTemplate(const QString &templateId, QString *error = nullptr);
    /*! Inserts a slide made from template \a templateId at \a index (-1 =
     *  after the current slide), with deck-unique ids; makes it current and
     *  returns its index, or -1. */
    int addSlideFromTemplate(const QString &templateId, int index = -1, QString *error = nullptr);
    /*! Inserts a copy of slide \a index after it; returns the new index or -1. */
    Q_INVOKABLE int duplicateSlide(int index);
    Q_INVOKABLE bool removeSlide(int index);
    Q_INVOKABLE bool moveSlide(int from, int to);
    Q_INVOKABLE bool setSlideHidden(int index, bool hidden);
    /*! Sets a property of slide \a index; notes typed with one \a editId
     *  (from beginDrag()) merge into one undo step. */
    bool setSlideProperty(int index, SlideProperty property, const QVariant &value, int editId = 0,
                          QString *error = nullptr);

    // ---- deck -----------------------------------------------------------

    /*! Restyles the deck with \a kit, as one undo step. \a brandRef names its
     *  file relative to the deck, or is empty to embed the kit. */
    bool applyBrandKit(const BrandKit &kit, const QString &brandRef = {});
    /*! Performs \a issue's automatic fix as one undo step. */
    bool applyFix(const Issue &issue, QString *error = nullptr);

    /*! Offset of duplicates from their originals, points. */
    static constexpr double kDuplicateOffset = 12.0;
    /*! Default nudgeMergeInterval(), milliseconds. */
    static constexpr int kNudgeMergeInterval = 1000;

signals:
    /*! The whole document was replaced (new, open). */
    void deckReset();
    void filePathChanged();
    void modifiedChanged(bool modified);
    void slideCountChanged();
    void currentSlideChanged(int index);
    /*! Something of slide \a index other than its element list changed
     *  (hidden, background…), or the whole slide was replaced. */
    void slideChanged(int index);
    /*! Elements \a ids of slide \a slideIndex were changed, added or removed. */
    void elementsChanged(int slideIndex, const QStringList &ids);
    void slidesInserted(int first, int last);
    void slidesRemoved(int first, int last);
    /*! Slide \a from now sits at \a to. */
    void slidesMoved(int from, int to);
    void brandChanged();
    void selectionChanged();
    /*! The issues of some slides changed. */
    void issuesChanged();

private:
    friend class DocumentCommand;

    bool push(std::unique_ptr<DocumentCommand> command);
    /*! The frames of those of \a ids on the current slide moved by (\a dx, \a dy); their ids in \a present. */
    QVector<Frame> movedFrames(const QStringList &ids, double dx, double dy, QStringList *present) const;
    /*! The frame of \a id on the current slide when drag \a dragId began
     *  (now, for a new drag or dragId 0); nullopt when there is no such element. */
    std::optional<Frame> dragStartFrame(const QString &id, int dragId);
    bool hasCurrentSlide() const;

    // Mutation primitives: the only code that changes m_deck after load.
    void replaceElements(int slideIndex, const QVector<Element> &elements, const QStringList &ids);
    void replaceSlide(int slideIndex, const Slide &slide);
    void insertSlide(int index, const Slide &slide);
    void removeSlideAt(int index);
    void moveSlideTo(int from, int to);
    void replaceBrand(const BrandKit &kit, const QString &brandRef);

    void resetServices();
    void validateAll();
    /*! Validates slide \a index; when its title changed from \a oldTitle, also
     *  the slides whose duplicate-title state may have changed. */
    void validateSlide(int index, const QString &oldTitle);
    void validateRange(int first, int last);
    void pruneSelection();

    Deck m_deck;
    QString m_filePath;
    QUndoStack *m_undoStack;
    int m_currentSlide = -1;
    QStringList m_selection;
    int m_lastDragId = 0;
    int m_nudgeMergeInterval = kNudgeMergeInterval;
    QElapsedTimer m_clock; //!< timestamps of nudges
    int m_startFramesDragId = 0;
    QHash<QString, Frame> m_startFrames; //!< frames when drag m_startFramesDragId began

    std::unique_ptr<FontResolver> m_fonts;
    std::unique_ptr<TextLayoutEngine> m_text;
    std::unique_ptr<AssetStore> m_assets;
    std::unique_ptr<Validator> m_validator;
    QVector<QVector<Issue>> m_slideIssues; //!< parallel to m_deck.slides
};

} // namespace slidespec
