// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "document/documentcontroller.h"

#include <QPointer>
#include <QQuickPaintedItem>

#include <memory>

namespace slidespec {

class SlideRenderer;

/*!
 * \brief Paints one slide of a DocumentController with the core's
 * SlideRenderer, in slide points scaled by \c zoom: what the canvas shows is
 * what PNG, PDF and PPTX export draw (overflowing text is shown, not fitted).
 *
 * The item sizes itself to the slide at the zoom (implicit size) and
 * repaints whenever the document says the slide's look may have changed.
 */
class SlideView : public QQuickPaintedItem
{
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(slidespec::DocumentController *document READ document WRITE setDocument NOTIFY documentChanged)
    Q_PROPERTY(int slideIndex READ slideIndex WRITE setSlideIndex NOTIFY slideIndexChanged)
    Q_PROPERTY(double zoom READ zoom WRITE setZoom NOTIFY zoomChanged)

public:
    explicit SlideView(QQuickItem *parent = nullptr);
    ~SlideView() override;

    DocumentController *document() const { return m_document; }
    void setDocument(DocumentController *document);
    /*! The slide painted; -1 (default) follows the current slide. */
    int slideIndex() const { return m_slideIndex; }
    void setSlideIndex(int index);
    /*! Pixels per point. */
    double zoom() const { return m_zoom; }
    void setZoom(double zoom);

    void paint(QPainter *painter) override;

signals:
    void documentChanged();
    void slideIndexChanged();
    void zoomChanged();

private:
    void updateSize();

    QPointer<DocumentController> m_document;
    int m_slideIndex = -1;
    double m_zoom = 1.0;
    std::unique_ptr<SlideRenderer> m_renderer; //!< dropped when the controller's services change
};

} // namespace slidespec
