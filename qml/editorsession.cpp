// SPDX-License-Identifier: GPL-3.0-or-later
#include "editorsession.h"

#include "canvas/snapping.h"
#include "models/componentpalettemodel.h"
#include "models/issuelistmodel.h"
#include "models/slidelistmodel.h"

#include <QDir>

#include <algorithm>
#include <functional>

namespace slidespec {

namespace {

QString plainText(const TextBody &body)
{
    QStringList lines;
    for (const Paragraph &paragraph : body.paragraphs) {
        QString line;
        for (const TextRun &run : paragraph.runs)
            line += run.text;
        lines.append(line);
    }
    return lines.join(u'\n');
}

QVariantMap frameMap(const Element &element)
{
    const Frame &f = element.frame;
    return {{QStringLiteral("id"), element.id},
            {QStringLiteral("name"), element.name},
            {QStringLiteral("kind"), elementKindName(element.kind)},
            {QStringLiteral("x"), f.x},
            {QStringLiteral("y"), f.y},
            {QStringLiteral("w"), f.w},
            {QStringLiteral("h"), f.h},
            {QStringLiteral("rotation"), f.rotation},
            {QStringLiteral("locked"), element.locked},
            {QStringLiteral("text"), element.text ? plainText(*element.text) : QString()}};
}

} // namespace

EditorSession::EditorSession(QObject *parent)
    : QObject(parent)
{
}

EditorSession::~EditorSession() = default;

void EditorSession::setDocument(DocumentController *document)
{
    if (m_document == document && (document || !m_slides))
        return;
    if (m_document)
        disconnect(m_document, nullptr, this, nullptr);
    // The models refer to the old controller: they go with it.
    delete m_slides;
    delete m_issues;
    delete m_deckIssues;
    delete m_palette;
    m_slides = nullptr;
    m_issues = nullptr;
    m_deckIssues = nullptr;
    m_palette = nullptr;
    m_document = document;
    if (m_document) {
        m_slides = new SlideListModel(m_document, this);
        m_issues = new IssueListModel(m_document, this);
        m_deckIssues = new IssueListModel(m_document, this);
        m_deckIssues->setWholeDeck(true);
        m_palette = new ComponentPaletteModel(m_document->components(), this);
        auto elementsOnly = [this] { rebuildElements(); };
        connect(m_document, &DocumentController::elementsChanged, this, elementsOnly);
        connect(m_document, &DocumentController::currentSlideChanged, this, elementsOnly);
        connect(m_document, &DocumentController::slideChanged, this, elementsOnly);
        connect(m_document, &DocumentController::issuesChanged, this, &EditorSession::rebuildMarkers);
        connect(m_document, &DocumentController::brandChanged, this, [this] {
            ++m_brandRevision;
            emit brandChanged();
        });
        connect(m_document, &DocumentController::deckReset, this, [this] {
            rebuildElements();
            ++m_brandRevision;
            emit brandChanged();
            emit slideSizeChanged();
        });
        // By then the QPointer is already null; setDocument(nullptr) still
        // drops the models (see the check at the top).
        connect(m_document, &QObject::destroyed, this, [this] { setDocument(nullptr); });
    }
    rebuildElements();
    emit documentChanged();
    emit brandChanged();
    emit slideSizeChanged();
}

void EditorSession::rebuildElements()
{
    m_elements.clear();
    if (const Slide *slide = m_document ? m_document->currentSlideData() : nullptr) {
        for (const Element *element : slide->paintOrder())
            m_elements.append(frameMap(*element));
    }
    emit elementsChanged();
    rebuildMarkers();
}

void EditorSession::rebuildMarkers()
{
    m_markers.clear();
    if (m_document) {
        for (const Issue &issue : m_document->issues()) {
            for (const QString &id : issue.elementIds) {
                const Element *element = topLevel(id);
                if (!element)
                    continue;
                const QRectF r = element->frame.boundingRect();
                m_markers.append(QVariantMap{{QStringLiteral("elementId"), element->id},
                                             {QStringLiteral("x"), r.x()},
                                             {QStringLiteral("y"), r.y()},
                                             {QStringLiteral("w"), r.width()},
                                             {QStringLiteral("h"), r.height()},
                                             {QStringLiteral("severity"), severityName(issue.severity)},
                                             {QStringLiteral("ruleId"), issue.ruleId},
                                             {QStringLiteral("message"), issue.message}});
            }
        }
    }
    emit markersChanged();
}

const Element *EditorSession::topLevel(const QString &id) const
{
    const Slide *slide = m_document ? m_document->currentSlideData() : nullptr;
    if (!slide)
        return nullptr;
    for (const Element &element : slide->elements) {
        if (element.id == id)
            return &element;
    }
    // A child of a group: mark the group.
    std::function<bool(const Element &)> contains = [&](const Element &e) {
        for (const Element &child : e.children) {
            if (child.id == id || contains(child))
                return true;
        }
        return false;
    };
    for (const Element &element : slide->elements) {
        if (contains(element))
            return &element;
    }
    return nullptr;
}

QVariantList EditorSession::brandColors() const
{
    QVariantList list;
    if (!m_document)
        return list;
    for (const auto &[token, color] : m_document->deck().brand.colors)
        list.append(QVariantMap{{QStringLiteral("token"), token}, {QStringLiteral("color"), color}});
    return list;
}

double EditorSession::slideWidth() const
{
    return m_document ? m_document->deck().size.width() : kDefaultSlideWidth;
}

double EditorSession::slideHeight() const
{
    return m_document ? m_document->deck().size.height() : kDefaultSlideHeight;
}

QStringList EditorSession::templates() const
{
    QStringList ids;
    const QStringList files = QDir(QStringLiteral(":/slidespec/templates")).entryList({QStringLiteral("*.json")});
    for (const QString &file : files)
        ids.append(file.chopped(5));
    return ids;
}

namespace {

QString localPath(const QUrl &url)
{
    return url.isLocalFile() ? url.toLocalFile() : url.toString(QUrl::PreferLocalFile);
}

} // namespace

QString EditorSession::openFile(const QUrl &url)
{
    if (!m_document)
        return tr("No document.");
    QString error;
    return m_document->open(localPath(url), &error) ? QString() : error;
}

QString EditorSession::save()
{
    if (!m_document)
        return tr("No document.");
    QString error;
    return m_document->save(&error) ? QString() : error;
}

QString EditorSession::saveAs(const QUrl &url)
{
    if (!m_document)
        return tr("No document.");
    QString error;
    return m_document->saveAs(localPath(url), &error) ? QString() : error;
}

bool EditorSession::align(int alignment)
{
    if (!m_document || alignment < 0 || alignment > int(DeckEdit::Alignment::Bottom))
        return false;
    return m_document->alignElements(m_document->selection(), DeckEdit::Alignment(alignment));
}

bool EditorSession::distribute(int distribution)
{
    if (!m_document || distribution < 0 || distribution > int(DeckEdit::Distribution::Vertical))
        return false;
    return m_document->distributeElements(m_document->selection(), DeckEdit::Distribution(distribution));
}

bool EditorSession::changeZOrder(int change)
{
    if (!m_document || change < 0 || change > int(DeckEdit::ZOrderChange::SendBackward))
        return false;
    return m_document->changeZOrder(m_document->selection(), DeckEdit::ZOrderChange(change));
}

QStringList EditorSession::paste()
{
    return m_document ? m_document->paste() : QStringList();
}

QVariantMap EditorSession::element(const QString &id) const
{
    const Slide *slide = m_document ? m_document->currentSlideData() : nullptr;
    const Element *element = slide ? slide->findElement(id) : nullptr;
    if (!element)
        return {};
    QVariantMap map = frameMap(*element);
    const Deck &deck = m_document->deck();
    // A literal colour that is none of the kit's is off-brand.
    auto offBrand = [&deck](const ColorRef &color) {
        return color.token().isEmpty()
               && std::none_of(deck.brand.colors.begin(), deck.brand.colors.end(),
                               [&](const auto &token) { return token.second == color.color(); });
    };
    map.insert(QStringLiteral("fill"), element->fill ? element->fill->toString() : QString());
    map.insert(QStringLiteral("fillOffBrand"), element->fill && offBrand(*element->fill));
    map.insert(QStringLiteral("stroke"), element->stroke ? element->stroke->color.toString() : QString());
    map.insert(QStringLiteral("strokeWidth"), element->stroke ? element->stroke->width : 0.0);
    map.insert(QStringLiteral("strokeOffBrand"), element->stroke && offBrand(element->stroke->color));
    map.insert(QStringLiteral("alt"), element->alt);
    map.insert(QStringLiteral("decorative"), element->decorative);
    map.insert(QStringLiteral("hasText"), bool(element->text));
    map.insert(QStringLiteral("fontSize"), element->text && element->text->style.size ? *element->text->style.size : 0.0);
    return map;
}

bool EditorSession::setFrame(const QString &id, double x, double y, double w, double h, double rotation, int change,
                             int dragId)
{
    if (!m_document)
        return false;
    const FrameChange frameChange = change == Resize   ? FrameChange::Resize
                                    : change == Rotate ? FrameChange::Rotate
                                                       : FrameChange::Move;
    return m_document->setElementFrames({id}, {Frame{x, y, std::max(w, 1.0), std::max(h, 1.0), rotation}},
                                        frameChange, dragId);
}

QVariantMap EditorSession::snapRect(const QStringList &ids, double x, double y, double w, double h, int edges,
                                    double zoom, bool disabled) const
{
    Snapping::Request request;
    request.rect = QRectF(x, y, w, h);
    request.edges = Snapping::Edges(edges);
    request.disabled = disabled;
    request.threshold = 6.0 / std::max(zoom, 0.05);
    if (m_document) {
        const Deck &deck = m_document->deck();
        request.slideSize = deck.size;
        request.safeMargins = deck.brand.guidance.safeMargins;
        if (const Slide *slide = m_document->currentSlideData()) {
            for (const Element &element : slide->elements) {
                if (!ids.contains(element.id))
                    request.others.append(element.frame.boundingRect());
            }
        }
    }
    const Snapping::Result result = Snapping::snap(request);
    const QRectF snapped = result.apply(request.rect, request.edges);
    QVariantList guides;
    for (const Snapping::Guide &guide : result.guides) {
        guides.append(QVariantMap{{QStringLiteral("vertical"), guide.orientation == Qt::Vertical},
                                  {QStringLiteral("position"), guide.position},
                                  {QStringLiteral("start"), guide.start},
                                  {QStringLiteral("end"), guide.end}});
    }
    return {{QStringLiteral("x"), snapped.x()},
            {QStringLiteral("y"), snapped.y()},
            {QStringLiteral("w"), snapped.width()},
            {QStringLiteral("h"), snapped.height()},
            {QStringLiteral("guides"), guides}};
}

bool EditorSession::setText(const QString &id, const QString &text, int editId)
{
    return m_document && m_document->setElementProperty(id, ElementProperty::Text, text, editId);
}

bool EditorSession::setName(const QString &id, const QString &name)
{
    return m_document && m_document->setElementProperty(id, ElementProperty::Name, name);
}

bool EditorSession::setAlt(const QString &id, const QString &alt, int editId)
{
    return m_document && m_document->setElementProperty(id, ElementProperty::Alt, alt, editId);
}

bool EditorSession::setDecorative(const QString &id, bool decorative)
{
    return m_document && m_document->setElementProperty(id, ElementProperty::Decorative, decorative);
}

bool EditorSession::setFill(const QString &id, const QString &color)
{
    return m_document && m_document->setElementProperty(id, ElementProperty::Fill, color);
}

bool EditorSession::setStroke(const QString &id, const QString &color, double width)
{
    if (!m_document)
        return false;
    if (color.trimmed().isEmpty())
        return m_document->setElementProperty(id, ElementProperty::Stroke, QVariantMap());
    return m_document->setElementProperty(id, ElementProperty::Stroke,
                                          QVariantMap{{QStringLiteral("color"), color},
                                                      {QStringLiteral("width"), width}});
}

bool EditorSession::setFontSize(const QString &id, double size)
{
    const Slide *slide = m_document ? m_document->currentSlideData() : nullptr;
    const Element *element = slide ? slide->findElement(id) : nullptr;
    if (!element || !element->text || size <= 0)
        return false;
    TextBody body = *element->text;
    body.style.size = size;
    for (Paragraph &paragraph : body.paragraphs) {
        for (TextRun &run : paragraph.runs)
            run.style.size.reset();
    }
    return m_document->setElementText(id, body);
}

QString EditorSession::notes() const
{
    const Slide *slide = m_document ? m_document->currentSlideData() : nullptr;
    return slide ? slide->notes : QString();
}

bool EditorSession::setNotes(const QString &notes, int editId)
{
    return m_document && m_document->setSlideProperty(m_document->currentSlide(), SlideProperty::Notes, notes, editId);
}

bool EditorSession::setBrandColor(const QString &token, const QString &color)
{
    const QColor parsed(color);
    if (!m_document || !parsed.isValid())
        return false;
    BrandKit kit = m_document->deck().brand;
    kit.colors[token] = parsed;
    return m_document->applyBrandKit(kit, m_document->deck().brandRef);
}

QString EditorSession::addComponent(const QString &componentId, double x, double y)
{
    return m_document ? m_document->addComponent(componentId, QPointF(x, y)) : QString();
}

int EditorSession::addSlide(const QString &templateId)
{
    return m_document ? m_document->addSlideFromTemplate(templateId) : -1;
}

void EditorSession::revealIssue(IssueListModel *model, int row)
{
    if (!m_document || !model || row < 0 || row >= model->rowCount())
        return;
    const QModelIndex index = model->index(row);
    const int slide = model->data(index, IssueListModel::SlideIndexRole).toInt();
    if (slide != m_document->currentSlide())
        m_document->setCurrentSlide(slide);
    QStringList ids;
    for (const QString &id : model->data(index, IssueListModel::ElementIdsRole).toStringList()) {
        if (const Element *element = topLevel(id))
            ids.append(element->id);
    }
    m_document->setSelection(ids);
}

QString EditorSession::elementAt(double x, double y) const
{
    const Slide *slide = m_document ? m_document->currentSlideData() : nullptr;
    if (!slide)
        return {};
    const QVector<const Element *> order = slide->paintOrder();
    for (auto it = order.crbegin(); it != order.crend(); ++it) {
        const QTransform toLocal = (*it)->frame.transform().inverted();
        const QPointF local = toLocal.map(QPointF(x, y));
        if (QRectF(0, 0, (*it)->frame.w, (*it)->frame.h).contains(local))
            return (*it)->id;
    }
    return {};
}

QStringList EditorSession::elementsIn(double x, double y, double w, double h) const
{
    QStringList ids;
    const Slide *slide = m_document ? m_document->currentSlideData() : nullptr;
    if (!slide)
        return ids;
    const QRectF band = QRectF(x, y, w, h).normalized();
    for (const Element *element : slide->paintOrder()) {
        if (band.intersects(element->frame.boundingRect()))
            ids.append(element->id);
    }
    return ids;
}

} // namespace slidespec
