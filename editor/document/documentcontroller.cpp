// SPDX-License-Identifier: GPL-3.0-or-later
#include "document/documentcontroller.h"

#include "canvas/resizegeometry.h"
#include "document/clipboard.h"

#include "components/componentlibrary.h"
#include "format/specjson.h"
#include "model/assetstore.h"
#include "text/fontresolver.h"
#include "text/textlayout.h"
#include "validation/validator.h"

#include <nlohmann/json.hpp>

#include <QClipboard>
#include <QFile>
#include <QFileInfo>
#include <QGuiApplication>
#include <QMimeData>
#include <QUndoStack>

#include <algorithm>
#include <cmath>

namespace slidespec {

DocumentController::DocumentController(QObject *parent)
    : QObject(parent)
    , m_undoStack(new QUndoStack(this))
    , m_fonts(std::make_unique<FontResolver>())
    , m_text(std::make_unique<TextLayoutEngine>(m_fonts.get()))
{
    resetServices();
    connect(m_undoStack, &QUndoStack::cleanChanged, this,
            [this](bool clean) { emit modifiedChanged(!clean); });
}

DocumentController::~DocumentController()
{
    // The stack's commands refer to this controller: drop them first.
    m_undoStack->clear();
}

const ComponentLibrary &DocumentController::components() const
{
    return ComponentLibrary::builtin();
}

void DocumentController::resetServices()
{
    // The validator keeps references to the asset store: replace both together.
    m_validator.reset();
    const QString baseDir = m_filePath.isEmpty() ? QString() : QFileInfo(m_filePath).absolutePath();
    m_assets = std::make_unique<AssetStore>(baseDir);
    m_validator = std::make_unique<Validator>(ComponentLibrary::builtin(), *m_text, *m_assets);
}

// ---- document -----------------------------------------------------------

void DocumentController::newDeck()
{
    Deck deck;
    deck.id = QStringLiteral("untitled");
    deck.title = tr("Untitled deck");
    const SpecResult<BrandKit> kit = SpecJson::readBrandKitFile(QStringLiteral(":/slidespec/brands/northwind.json"));
    if (kit.ok())
        deck.brand = *kit.value;
    setDeck(deck);
    if (std::optional<Slide> slide = loadTemplate(QStringLiteral("title"))) {
        IdAllocator ids(m_deck);
        slide->id = ids.allocate(QStringLiteral("slide-1"));
        for (Element &e : slide->elements)
            DeckEdit::reassignIds(e, ids, slide->id + u'-');
        m_deck.slides.append(*slide);
        m_slideIssues.append(QVector<Issue>());
        validateAll();
        emit deckReset();
        emit slideCountChanged();
        setCurrentSlide(0);
    }
}

void DocumentController::setDeck(const Deck &deck, const QString &filePath)
{
    m_undoStack->clear();
    m_deck = deck;
    const bool pathChanged = m_filePath != filePath;
    m_filePath = filePath;
    resetServices();
    m_slideIssues = QVector<QVector<Issue>>(m_deck.slides.size());
    validateAll();
    m_selection.clear();
    m_currentSlide = m_deck.slides.isEmpty() ? -1 : 0;
    m_undoStack->setClean();
    emit deckReset();
    emit slideCountChanged();
    if (pathChanged)
        emit filePathChanged();
    emit currentSlideChanged(m_currentSlide);
    emit selectionChanged();
    emit modifiedChanged(false);
}

bool DocumentController::open(const QString &filePath, QString *error)
{
    SpecResult<Deck> result = SpecJson::readDeckFile(filePath);
    if (!result.ok()) {
        if (error)
            *error = result.errorString();
        return false;
    }
    setDeck(*result.value, QFileInfo(filePath).absoluteFilePath());
    return true;
}

bool DocumentController::save(QString *error)
{
    if (m_filePath.isEmpty()) {
        if (error)
            *error = tr("The deck has no file yet: choose where to save it (Save As).");
        return false;
    }
    return saveAs(m_filePath, error);
}

bool DocumentController::saveAs(const QString &filePath, QString *error)
{
    const QString absolute = QFileInfo(filePath).absoluteFilePath();
    if (!SpecJson::writeFileAtomically(absolute, SpecJson::writeDeck(m_deck), error))
        return false;
    if (absolute != m_filePath) {
        m_filePath = absolute;
        resetServices();
        emit filePathChanged();
    }
    m_undoStack->setClean();
    return true;
}

bool DocumentController::isModified() const
{
    return !m_undoStack->isClean();
}

// ---- current slide and selection ----------------------------------------

void DocumentController::setCurrentSlide(int index)
{
    const int n = slideCount();
    index = n == 0 ? -1 : std::clamp(index, 0, n - 1);
    if (index == m_currentSlide)
        return;
    m_currentSlide = index;
    if (!m_selection.isEmpty()) {
        m_selection.clear();
        emit selectionChanged();
    }
    emit currentSlideChanged(index);
}

const Slide *DocumentController::currentSlideData() const
{
    return hasCurrentSlide() ? &m_deck.slides[m_currentSlide] : nullptr;
}

bool DocumentController::hasCurrentSlide() const
{
    return m_currentSlide >= 0 && m_currentSlide < m_deck.slides.size();
}

void DocumentController::setSelection(const QStringList &ids)
{
    QStringList valid;
    if (const Slide *slide = currentSlideData()) {
        for (const QString &id : ids) {
            if (!valid.contains(id) && slide->findElement(id))
                valid.append(id);
        }
    }
    if (valid == m_selection)
        return;
    m_selection = valid;
    emit selectionChanged();
}

void DocumentController::pruneSelection()
{
    setSelection(m_selection);
}

// ---- issues -----------------------------------------------------------------

QVector<Issue> DocumentController::issues() const
{
    return slideIssues(m_currentSlide);
}

QVector<Issue> DocumentController::slideIssues(int index) const
{
    return index >= 0 && index < m_slideIssues.size() ? m_slideIssues[index] : QVector<Issue>{};
}

QVector<Issue> DocumentController::deckIssues() const
{
    QVector<Issue> all;
    for (const QVector<Issue> &issues : m_slideIssues)
        all += issues;
    return all;
}

int DocumentController::issueCount(int index) const
{
    return index >= 0 && index < m_slideIssues.size() ? int(m_slideIssues[index].size()) : 0;
}

int DocumentController::problemCount() const
{
    int count = 0;
    for (const QVector<Issue> &issues : m_slideIssues) {
        for (const Issue &issue : issues)
            count += issue.severity != Severity::Info ? 1 : 0;
    }
    return count;
}

void DocumentController::validateAll()
{
    m_slideIssues = QVector<QVector<Issue>>(m_deck.slides.size());
    const QVector<Issue> all = m_validator->validateDeck(m_deck);
    for (const Issue &issue : all) {
        if (issue.slideIndex >= 0 && issue.slideIndex < m_slideIssues.size())
            m_slideIssues[issue.slideIndex].append(issue);
    }
    emit issuesChanged();
}

void DocumentController::validateRange(int first, int last)
{
    for (int i = std::max(first, 0); i <= last && i < m_deck.slides.size(); ++i)
        m_slideIssues[i] = m_validator->validateSlide(m_deck, i);
}

void DocumentController::validateSlide(int index, const QString &oldTitle)
{
    if (index < 0 || index >= m_deck.slides.size())
        return;
    m_slideIssues[index] = m_validator->validateSlide(m_deck, index);
    // Duplicate titles are the one rule that looks at other slides: when the
    // title changed, slides sharing the old or new title are affected too.
    const QString newTitle = m_deck.slides[index].title();
    if (newTitle != oldTitle) {
        for (int i = 0; i < m_deck.slides.size(); ++i) {
            if (i == index)
                continue;
            const QString t = m_deck.slides[i].title();
            if (!t.isEmpty() && (t.compare(oldTitle, Qt::CaseInsensitive) == 0
                                 || t.compare(newTitle, Qt::CaseInsensitive) == 0))
                m_slideIssues[i] = m_validator->validateSlide(m_deck, i);
        }
    }
    emit issuesChanged();
}

// ---- primitives (called by commands) --------------------------------------

void DocumentController::replaceElements(int slideIndex, const QVector<Element> &elements, const QStringList &ids)
{
    if (slideIndex < 0 || slideIndex >= m_deck.slides.size())
        return;
    Slide &slide = m_deck.slides[slideIndex];
    const QString oldTitle = slide.title();
    slide.elements = elements;
    validateSlide(slideIndex, oldTitle);
    emit elementsChanged(slideIndex, ids);
    if (slideIndex == m_currentSlide)
        pruneSelection();
}

void DocumentController::replaceSlide(int slideIndex, const Slide &slide)
{
    if (slideIndex < 0 || slideIndex >= m_deck.slides.size())
        return;
    const QString oldTitle = m_deck.slides[slideIndex].title();
    m_deck.slides[slideIndex] = slide;
    validateSlide(slideIndex, oldTitle);
    emit slideChanged(slideIndex);
    if (slideIndex == m_currentSlide)
        pruneSelection();
}

void DocumentController::insertSlide(int index, const Slide &slide)
{
    index = std::clamp(index, 0, slideCount());
    m_deck.slides.insert(index, slide);
    m_slideIssues.insert(index, QVector<Issue>());
    // Messages name slide numbers: the inserted slide and those after it
    // changed number. The new title may also duplicate another's.
    validateRange(index + 1, slideCount() - 1);
    validateSlide(index, QString());
    emit slidesInserted(index, index);
    emit slideCountChanged();
    m_currentSlide = -1; // force the change notification
    setCurrentSlide(index);
}

void DocumentController::removeSlideAt(int index)
{
    if (index < 0 || index >= m_deck.slides.size())
        return;
    const QString oldTitle = m_deck.slides[index].title();
    m_deck.slides.removeAt(index);
    m_slideIssues.removeAt(index);
    validateRange(index, slideCount() - 1);
    for (int i = 0; i < slideCount() && !oldTitle.isEmpty(); ++i) {
        if (m_deck.slides[i].title().compare(oldTitle, Qt::CaseInsensitive) == 0)
            validateRange(i, i);
    }
    emit issuesChanged();
    emit slidesRemoved(index, index);
    emit slideCountChanged();
    const int current = m_currentSlide;
    if (current > index || current >= slideCount()) {
        m_currentSlide = -1;
        setCurrentSlide(current > index ? current - 1 : current);
    } else if (current == index) {
        m_currentSlide = -1;
        setCurrentSlide(index);
    }
}

void DocumentController::moveSlideTo(int from, int to)
{
    const int n = slideCount();
    if (from < 0 || from >= n || to < 0 || to >= n || from == to)
        return;
    m_deck.slides.move(from, to);
    m_slideIssues.move(from, to);
    validateRange(std::min(from, to), std::max(from, to));
    emit issuesChanged();
    emit slidesMoved(from, to);
    int current = m_currentSlide;
    if (current == from)
        current = to;
    else if (from < current && to >= current)
        --current;
    else if (from > current && to <= current)
        ++current;
    if (current != m_currentSlide) {
        // Same slide, new index: keep the selection.
        m_currentSlide = current;
        emit currentSlideChanged(current);
    }
}

void DocumentController::replaceBrand(const BrandKit &kit, const QString &brandRef)
{
    m_deck.brand = kit;
    m_deck.brandRef = brandRef;
    // Every token may resolve differently: the one edit that checks every slide.
    validateAll();
    emit brandChanged();
}

bool DocumentController::push(std::unique_ptr<DocumentCommand> command)
{
    if (!command || !command->changesSomething())
        return false;
    m_undoStack->push(command.release());
    return true;
}

// ---- element edits --------------------------------------------------------

bool DocumentController::setElementFrames(const QStringList &ids, const QVector<Frame> &frames, FrameChange change,
                                          int dragId)
{
    if (!hasCurrentSlide())
        return false;
    return push(std::make_unique<SetElementFramesCommand>(this, m_currentSlide, ids, frames, change, dragId));
}

QVector<Frame> DocumentController::movedFrames(const QStringList &ids, double dx, double dy,
                                               QStringList *present) const
{
    QVector<Frame> frames;
    const Slide *slide = currentSlideData();
    if (!slide)
        return frames;
    for (const QString &id : ids) {
        if (const Element *e = slide->findElement(id)) {
            Frame f = e->frame;
            f.x += dx;
            f.y += dy;
            present->append(id);
            frames.append(f);
        }
    }
    return frames;
}

bool DocumentController::moveElements(const QStringList &ids, double dx, double dy, int dragId)
{
    if (!hasCurrentSlide())
        return false;
    QStringList present;
    const QVector<Frame> frames = movedFrames(ids, dx, dy, &present);
    return setElementFrames(present, frames, FrameChange::Move, dragId);
}

std::optional<Frame> DocumentController::dragStartFrame(const QString &id, int dragId)
{
    const Slide *slide = currentSlideData();
    const Element *element = slide ? slide->findElement(id) : nullptr;
    if (!element)
        return std::nullopt;
    if (dragId == 0)
        return element->frame;
    if (dragId != m_startFramesDragId) {
        m_startFramesDragId = dragId;
        m_startFrames.clear();
    }
    const auto it = m_startFrames.constFind(id);
    if (it != m_startFrames.constEnd())
        return *it;
    m_startFrames.insert(id, element->frame);
    return element->frame;
}

bool DocumentController::resizeByHandle(const QString &id, int hx, int hy, double dx, double dy, bool keepAspect,
                                        int dragId)
{
    const std::optional<Frame> start = dragStartFrame(id, dragId);
    if (!start || !std::isfinite(dx) || !std::isfinite(dy))
        return false;
    const Frame frame = ResizeGeometry::resizeFrame(*start, hx, hy, QPointF(dx, dy), keepAspect);
    return setElementFrames({id}, {frame}, FrameChange::Resize, dragId);
}

bool DocumentController::scaleElements(const QStringList &ids, const QRectF &from, const QRectF &to, int dragId)
{
    if (!hasCurrentSlide() || !from.isValid() || !to.isValid())
        return false;
    QStringList present;
    QVector<Frame> starts;
    for (const QString &id : ids) {
        if (const std::optional<Frame> start = dragStartFrame(id, dragId)) {
            present.append(id);
            starts.append(*start);
        }
    }
    return setElementFrames(present, ResizeGeometry::scaleFrames(starts, from, to), FrameChange::Resize, dragId);
}

bool DocumentController::nudgeElements(const QStringList &ids, double dx, double dy)
{
    if (!hasCurrentSlide())
        return false;
    if (!m_clock.isValid())
        m_clock.start();
    QStringList present;
    const QVector<Frame> frames = movedFrames(ids, dx, dy, &present);
    return push(std::make_unique<NudgeElementsCommand>(this, m_currentSlide, present, frames, m_clock.elapsed(),
                                                       m_nudgeMergeInterval));
}

bool DocumentController::setElementProperty(const QString &id, ElementProperty property, const QVariant &value,
                                            int editId, QString *error)
{
    if (!hasCurrentSlide())
        return false;
    auto command = std::make_unique<SetElementPropertyCommand>(this, m_currentSlide, id, property, value, editId);
    if (error)
        *error = command->error();
    return push(std::move(command));
}

bool DocumentController::setElementText(const QString &id, const TextBody &body, int editId)
{
    if (!hasCurrentSlide())
        return false;
    return push(std::make_unique<SetElementPropertyCommand>(this, m_currentSlide, id, body, editId));
}

bool DocumentController::formatText(const QString &id, int start, int end, const QVariantMap &format)
{
    const Slide *slide = currentSlideData();
    const Element *element = slide ? slide->findElement(id) : nullptr;
    if (!element || !element->text)
        return false;
    TextBody body = *element->text;
    DeckEdit::RunFormat runFormat;
    const char *flags[] = {"bold", "italic", "underline"};
    for (int which = 0; which < 3; ++which) {
        const QVariant value = format.value(QLatin1String(flags[which]));
        if (!value.isValid())
            continue;
        const bool on = value.toString() == QLatin1String("toggle") ? !DeckEdit::rangeHasStyle(body, start, end, which)
                                                                    : value.toBool();
        (which == 0 ? runFormat.bold : which == 1 ? runFormat.italic : runFormat.underline) = on;
    }
    if (format.contains(QStringLiteral("size"))) {
        bool ok = false;
        const double size = format.value(QStringLiteral("size")).toDouble(&ok);
        if (!ok || !std::isfinite(size) || size <= 0 || size > 4000)
            return false;
        runFormat.size = size;
    }
    if (format.contains(QStringLiteral("color"))) {
        const std::optional<ColorRef> color = ColorRef::parse(format.value(QStringLiteral("color")).toString().trimmed());
        if (!color)
            return false;
        runFormat.color = *color;
    }
    if (!DeckEdit::formatTextRange(body, start, end, runFormat))
        return false;
    auto command = std::make_unique<SetElementPropertyCommand>(this, m_currentSlide, id, body);
    command->setText(tr("Format text"));
    return push(std::move(command));
}

QString DocumentController::addElement(const Element &element)
{
    if (!hasCurrentSlide())
        return {};
    Element e = element;
    IdAllocator ids(m_deck);
    DeckEdit::reassignIds(e, ids);
    if (!push(std::make_unique<AddElementsCommand>(this, m_currentSlide, QVector<Element>{e})))
        return {};
    setSelection({e.id});
    return e.id;
}

QString DocumentController::addComponent(const QString &componentId, QPointF topLeft)
{
    IdAllocator ids(m_deck);
    const std::optional<Element> e = components().instantiate(componentId, ids.allocate(componentId), topLeft);
    return e ? addElement(*e) : QString();
}

bool DocumentController::removeElements(const QStringList &ids)
{
    if (!hasCurrentSlide())
        return false;
    return push(std::make_unique<RemoveElementsCommand>(this, m_currentSlide, ids));
}

bool DocumentController::changeZOrder(const QStringList &ids, DeckEdit::ZOrderChange change)
{
    if (!hasCurrentSlide())
        return false;
    return push(std::make_unique<ChangeZOrderCommand>(this, m_currentSlide, ids, change));
}

QString DocumentController::groupElements(const QStringList &ids)
{
    if (!hasCurrentSlide())
        return {};
    auto command = std::make_unique<GroupElementsCommand>(this, m_currentSlide, ids);
    const QString groupId = command->groupId();
    if (!push(std::move(command)))
        return {};
    setSelection({groupId});
    return groupId;
}

QStringList DocumentController::ungroupElements(const QStringList &ids)
{
    if (!hasCurrentSlide())
        return {};
    auto command = std::make_unique<UngroupElementsCommand>(this, m_currentSlide, ids);
    const QStringList children = command->childIds();
    if (!push(std::move(command)))
        return {};
    setSelection(children);
    return children;
}

bool DocumentController::alignElements(const QStringList &ids, DeckEdit::Alignment alignment)
{
    if (!hasCurrentSlide())
        return false;
    return push(std::make_unique<AlignElementsCommand>(this, m_currentSlide, ids, alignment));
}

bool DocumentController::distributeElements(const QStringList &ids, DeckEdit::Distribution distribution)
{
    if (!hasCurrentSlide())
        return false;
    return push(std::make_unique<DistributeElementsCommand>(this, m_currentSlide, ids, distribution));
}

QStringList DocumentController::duplicateElements(const QStringList &ids)
{
    if (!hasCurrentSlide())
        return {};
    auto command = std::make_unique<DuplicateElementsCommand>(this, m_currentSlide, ids,
                                                              QPointF(kDuplicateOffset, kDuplicateOffset));
    const QStringList copies = command->changedIds();
    if (!push(std::move(command)))
        return {};
    setSelection(copies);
    return copies;
}

QStringList DocumentController::pasteElements(const QVector<Element> &elements, QPointF offset)
{
    if (!hasCurrentSlide())
        return {};
    auto command = std::make_unique<PasteElementsCommand>(this, m_currentSlide, elements, offset);
    const QStringList pasted = command->changedIds();
    if (!push(std::move(command)))
        return {};
    setSelection(pasted);
    return pasted;
}

// ---- clipboard ----------------------------------------------------------------

QVector<Element> DocumentController::selectedElements() const
{
    QVector<Element> out;
    const Slide *slide = currentSlideData();
    if (!slide)
        return out;
    for (const Element *e : slide->paintOrder()) {
        if (m_selection.contains(e->id))
            out.append(*e);
    }
    // Selected group children are copied on their own, unless their group is too.
    for (const QString &id : m_selection) {
        if (DeckEdit::topLevelIndex(slide->elements, id) >= 0)
            continue;
        const bool groupSelected = std::any_of(m_selection.begin(), m_selection.end(), [&](const QString &other) {
            const Element *g = slide->findElement(other);
            return other != id && g && DeckEdit::find(g->children, id);
        });
        const Element *e = slide->findElement(id);
        if (e && !groupSelected)
            out.append(*e);
    }
    return out;
}

bool DocumentController::copySelection()
{
    const QVector<Element> elements = selectedElements();
    if (elements.isEmpty() || !QGuiApplication::clipboard())
        return false;
    QGuiApplication::clipboard()->setMimeData(ElementClipboard::toMimeData(elements));
    return true;
}

bool DocumentController::cutSelection()
{
    return copySelection() && removeElements(m_selection);
}

QStringList DocumentController::paste(QString *error)
{
    const QClipboard *clipboard = QGuiApplication::clipboard();
    const QMimeData *mime = clipboard ? clipboard->mimeData() : nullptr;
    if (!ElementClipboard::canRead(mime)) {
        if (error)
            *error = tr("The clipboard holds no slide elements.");
        return {};
    }
    const SpecResult<QVector<Element>> result = ElementClipboard::fromMimeData(mime);
    if (!result.ok()) {
        if (error) {
            QStringList lines;
            for (const SpecError &e : result.errors)
                lines.append(e.toString());
            *error = lines.join(u'\n');
        }
        return {};
    }
    // Pasting onto the slide the elements came from offsets them, so the
    // copy is visibly a copy.
    QPointF offset;
    if (const Slide *slide = currentSlideData()) {
        for (const Element &e : *result.value) {
            const Element *same = slide->findElement(e.id);
            if (same && same->frame == e.frame) {
                offset = QPointF(kDuplicateOffset, kDuplicateOffset);
                break;
            }
        }
    }
    return pasteElements(*result.value, offset);
}

// ---- slides -------------------------------------------------------------------

std::optional<Slide> DocumentController::loadTemplate(const QString &templateId, QString *error)
{
    const QString fileName = QStringLiteral(":/slidespec/templates/%1.json").arg(templateId);
    QFile file(fileName);
    if (!file.open(QIODevice::ReadOnly)) {
        if (error)
            *error = tr("There is no layout template \"%1\".").arg(templateId);
        return std::nullopt;
    }
    QVector<SpecError> errors;
    const std::optional<nlohmann::json> doc = SpecJson::parse(file.readAll(), fileName, SpecLimits{}, errors);
    std::optional<Slide> slide;
    if (doc && doc->is_object() && doc->contains("slide"))
        slide = SpecJson::slideFromJson((*doc)["slide"], QStringLiteral("$.slide"), fileName, errors);
    else if (doc)
        errors.append(SpecError{fileName, 0, 0, QStringLiteral("$"), QStringLiteral("expected a \"slide\" member")});
    if (!slide || !errors.isEmpty()) {
        if (error) {
            QStringList lines;
            for (const SpecError &e : errors)
                lines.append(e.toString());
            *error = lines.join(u'\n');
        }
        return std::nullopt;
    }
    return slide;
}

int DocumentController::addSlideFromTemplate(const QString &templateId, int index, QString *error)
{
    std::optional<Slide> slide = loadTemplate(templateId, error);
    if (!slide)
        return -1;
    if (index < 0 || index > slideCount())
        index = m_currentSlide + 1;
    IdAllocator ids(m_deck);
    slide->id = ids.allocate(QStringLiteral("slide-%1").arg(slideCount() + 1));
    // Template ids (title, body) are local: prefix them with the slide's id.
    for (Element &e : slide->elements)
        DeckEdit::reassignIds(e, ids, slide->id + u'-');
    push(std::make_unique<InsertSlideCommand>(this, index, *slide, tr("New slide")));
    return index;
}

int DocumentController::duplicateSlide(int index)
{
    if (index < 0 || index >= slideCount())
        return -1;
    Slide slide = m_deck.slides[index];
    IdAllocator ids(m_deck);
    slide.id = ids.allocate(slide.id);
    for (Element &e : slide.elements)
        DeckEdit::reassignIds(e, ids);
    push(std::make_unique<InsertSlideCommand>(this, index + 1, slide, tr("Duplicate slide")));
    return index + 1;
}

bool DocumentController::removeSlide(int index)
{
    return push(std::make_unique<RemoveSlideCommand>(this, index));
}

bool DocumentController::moveSlide(int from, int to)
{
    return push(std::make_unique<MoveSlideCommand>(this, from, to));
}

bool DocumentController::setSlideHidden(int index, bool hidden)
{
    return setSlideProperty(index, SlideProperty::Hidden, hidden);
}

bool DocumentController::setSlideProperty(int index, SlideProperty property, const QVariant &value, int editId,
                                           QString *error)
{
    auto command = std::make_unique<SetSlidePropertyCommand>(this, index, property, value, editId);
    if (error)
        *error = command->error();
    return push(std::move(command));
}

// ---- deck -----------------------------------------------------------------------

bool DocumentController::applyBrandKit(const BrandKit &kit, const QString &brandRef)
{
    return push(std::make_unique<ApplyBrandKitCommand>(this, kit, brandRef));
}

bool DocumentController::applyFix(const Issue &issue, QString *error)
{
    auto command = std::make_unique<ApplyFixCommand>(this, issue);
    if (error)
        *error = command->error();
    return push(std::move(command));
}

} // namespace slidespec
