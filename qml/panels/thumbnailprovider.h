// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "thumbnails/thumbnailcache.h"

#include <QPointer>
#include <QQmlEngine>
#include <QQuickAsyncImageProvider>

#include <memory>

namespace slidespec {

class DocumentController;

/*!
 * \brief Slide thumbnails for `image://slidespec-thumbnail/INDEX/REVISION/SLIDE-ID`
 * (the percent-encoded id, when given, finds the slide; else the index),
 * rendered by ThumbnailCache on its worker threads: the UI thread never
 * paints a slide for the strip. The revision (SlideListModel's
 * thumbnailRevision role) only makes the URL new after an edit, so Qt's
 * pixmap cache may keep each image. `image://slidespec-thumbnail/template/ID/REVISION`
 * previews layout template ID in the deck's kit (REVISION:
 * EditorSession::brandRevision); those few are painted on the UI thread.
 *
 * Qt asks for images on its image-reader thread; each request hops to the
 * UI thread (where the document and the cache live), and its response
 * finishes when the cache has the slide's current thumbnail. A response
 * Qt cancels (the URL moved on) is simply never answered.
 */
class ThumbnailProvider : public QQuickAsyncImageProvider
{
public:
    static constexpr const char *kName = "slidespec-thumbnail";

    explicit ThumbnailProvider(DocumentController *document);
    ~ThumbnailProvider() override;

    QQuickImageResponse *requestImageResponse(const QString &id, const QSize &requestedSize) override;

    /*! The cache behind the strip (tests, diagnostics); UI thread only. */
    ThumbnailCache *cache() const { return m_cache.get(); }

    /*! Adds a provider for \a document to \a engine (replacing an earlier one). */
    static void install(QQmlEngine *engine, DocumentController *document);

private:
    QPointer<DocumentController> m_document;
    std::unique_ptr<ThumbnailCache> m_cache; //!< lives on the UI thread
    QPointer<ThumbnailCache> m_cacheGuard;   //!< the same, for requests that outlive the provider
};

} // namespace slidespec
