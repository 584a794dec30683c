// SPDX-License-Identifier: GPL-3.0-or-later
#include "canvas/slideview.h"

#include "document/documentcontroller.h"
#include "render/sliderenderer.h"

#include <QPainter>

namespace slidespec {

SlideView::SlideView(QQuickItem *parent)
    : QQuickPaintedItem(parent)
{
    setAntialiasing(true);
    updateSize();
}

SlideView::~SlideView() = default;

void SlideView::setDocument(DocumentController *document)
{
    if (m_document == document)
        return;
    if (m_document)
        disconnect(m_document, nullptr, this, nullptr);
    m_document = document;
    m_renderer.reset();
    if (m_document) {
        auto repaint = [this] { update(); };
        connect(m_document, &DocumentController::elementsChanged, this, repaint);
        connect(m_document, &DocumentController::slideChanged, this, repaint);
        connect(m_document, &DocumentController::currentSlideChanged, this, repaint);
        connect(m_document, &DocumentController::brandChanged, this, repaint);
        connect(m_document, &DocumentController::slidesInserted, this, repaint);
        connect(m_document, &DocumentController::slidesRemoved, this, repaint);
        connect(m_document, &DocumentController::slidesMoved, this, repaint);
        connect(m_document, &DocumentController::deckReset, this, [this] {
            m_renderer.reset();
            updateSize();
            update();
        });
        connect(m_document, &DocumentController::filePathChanged, this, [this] { m_renderer.reset(); });
    }
    updateSize();
    update();
    emit documentChanged();
}

void SlideView::setSlideIndex(int index)
{
    if (m_slideIndex == index)
        return;
    m_slideIndex = index;
    update();
    emit slideIndexChanged();
}

void SlideView::setZoom(double zoom)
{
    zoom = std::clamp(zoom, 0.01, 16.0);
    if (qFuzzyCompare(m_zoom, zoom))
        return;
    m_zoom = zoom;
    updateSize();
    update();
    emit zoomChanged();
}

void SlideView::updateSize()
{
    const QSizeF size = m_document ? m_document->deck().size : QSizeF(kDefaultSlideWidth, kDefaultSlideHeight);
    setImplicitSize(size.width() * m_zoom, size.height() * m_zoom);
}

void SlideView::paint(QPainter *painter)
{
    if (!m_document)
        return;
    const Deck &deck = m_document->deck();
    const int index = m_slideIndex >= 0 ? m_slideIndex : m_document->currentSlide();
    if (index < 0 || index >= deck.slides.size())
        return;
    // Dropped on deckReset and filePathChanged, when the controller
    // replaces the asset store the renderer refers to.
    if (!m_renderer)
        m_renderer = std::make_unique<SlideRenderer>(m_document->components(), m_document->textEngine(),
                                                     m_document->assets());
    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);
    painter->scale(width() / deck.size.width(), height() / deck.size.height());
    m_renderer->paint(painter, deck, index);
    painter->restore();
}

} // namespace slidespec
