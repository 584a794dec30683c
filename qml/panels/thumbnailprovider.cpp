// SPDX-License-Identifier: GPL-3.0-or-later
#include "panels/thumbnailprovider.h"

#include "document/documentcontroller.h"
#include "render/sliderenderer.h"

namespace slidespec {

ThumbnailProvider::ThumbnailProvider(DocumentController *document)
    : QQuickImageProvider(QQuickImageProvider::Image)
    , m_document(document)
{
    // The controller replaces its asset store when the deck or its folder
    // changes; the renderer holds a reference to it.
    if (document) {
        auto drop = [this] { m_renderer.reset(); };
        connect(document, &DocumentController::deckReset, this, drop);
        connect(document, &DocumentController::filePathChanged, this, drop);
    }
}

ThumbnailProvider::~ThumbnailProvider() = default;

QImage ThumbnailProvider::requestImage(const QString &id, QSize *size, const QSize &requestedSize)
{
    QImage image;
    if (m_document) {
        if (!m_renderer)
            m_renderer = std::make_unique<SlideRenderer>(m_document->components(), m_document->textEngine(),
                                                         m_document->assets());
        const int width = requestedSize.width() > 0 ? requestedSize.width() : 240;
        if (id.startsWith(QLatin1String("template/"))) {
            // A layout template, styled with the open deck's kit.
            if (const std::optional<Slide> slide = DocumentController::loadTemplate(id.section(u'/', 1, 1))) {
                Deck preview;
                preview.size = m_document->deck().size;
                preview.brand = m_document->deck().brand;
                preview.slides = {*slide};
                image = m_renderer->renderSlide(preview, 0, width);
            }
        } else {
            image = m_renderer->renderSlide(m_document->deck(), id.section(u'/', 0, 0).toInt(), width);
        }
    }
    if (size)
        *size = image.size();
    return image;
}

void ThumbnailProvider::install(QQmlEngine *engine, DocumentController *document)
{
    engine->removeImageProvider(QLatin1String(kName));
    engine->addImageProvider(QLatin1String(kName), new ThumbnailProvider(document));
}

} // namespace slidespec
