// SPDX-License-Identifier: GPL-3.0-or-later
#include "panels/thumbnailprovider.h"

#include "document/documentcontroller.h"
#include "render/sliderenderer.h"
#include "thumbnails/thumbnailcache.h"

#include <QQuickImageResponse>
#include <QThread>
#include <QUrl>

#include <algorithm>
#include <QQuickTextureFactory>

namespace slidespec {

namespace {

/*! What Qt's image reader waits on; lives on the reader's thread. */
class ThumbnailResponse : public QQuickImageResponse
{
public:
    QQuickTextureFactory *textureFactory() const override
    {
        return QQuickTextureFactory::textureFactoryForImage(m_image);
    }
    QString errorString() const override { return m_error; }

    void deliver(const QImage &image, const QString &error)
    {
        m_image = image;
        m_error = image.isNull() && error.isEmpty() ? QStringLiteral("no thumbnail") : error;
        emit finished();
    }

private:
    QImage m_image;
    QString m_error;
};

/*!
 * One request on the UI thread: made on the reader's thread and connected
 * to its response there (so a response Qt deletes just drops the
 * connection), then moved to the UI thread to do the work.
 */
class ThumbnailRequest : public QObject
{
    Q_OBJECT

public:
    QString id;
    int width = 0;

    /*! On the UI thread: answers from \a cache now or when the thumbnail is ready. */
    void run(DocumentController *document, ThumbnailCache *cache)
    {
        if (!document || !cache) {
            finish({}, QStringLiteral("no document"));
            return;
        }
        setParent(cache); // goes with the cache if the provider goes first
        if (id.startsWith(QLatin1String("template/"))) {
            // A layout template in the open deck's kit: a handful, on demand.
            QImage image;
            if (const std::optional<Slide> slide = DocumentController::loadTemplate(id.section(u'/', 1, 1))) {
                Deck preview;
                preview.size = document->deck().size;
                preview.brand = document->deck().brand;
                preview.slides = {*slide};
                const SlideRenderer renderer(document->components(), document->textEngine(), document->assets());
                image = renderer.renderSlide(preview, 0, width);
            }
            finish(image, {});
            return;
        }
        // INDEX/REVISION[/SLIDE-ID]: the id, when given, wins (slides may
        // have moved since the URL was made).
        const QString wanted = QUrl::fromPercentEncoding(id.section(u'/', 2).toUtf8());
        bool ok = false;
        int index = id.section(u'/', 0, 0).toInt(&ok);
        if (!wanted.isEmpty()) {
            const QVector<Slide> &slides = document->deck().slides;
            const auto it = std::find_if(slides.begin(), slides.end(), [&](const Slide &s) { return s.id == wanted; });
            ok = it != slides.end();
            index = ok ? int(it - slides.begin()) : -1;
        }
        if (!ok || index < 0 || index >= document->slideCount()) {
            finish({}, QStringLiteral("no slide %1").arg(id));
            return;
        }
        const QString slideId = document->deck().slides.at(index).id;
        if (cache->contains(slideId, width)) {
            finish(cache->thumbnail(slideId, width), {});
            return;
        }
        connect(cache, &ThumbnailCache::thumbnailReady, this, [this, cache, slideId](const QString &readyId) {
            if (readyId == slideId && cache->contains(slideId, width))
                finish(cache->thumbnail(slideId, width), {});
        });
        cache->thumbnail(slideId, width); // queues the render
    }

signals:
    void done(const QImage &image, const QString &error);

private:
    void finish(const QImage &image, const QString &error)
    {
        emit done(image, error);
        disconnect();
        deleteLater();
    }
};

} // namespace

ThumbnailProvider::ThumbnailProvider(DocumentController *document)
    : m_document(document)
    , m_cache(std::make_unique<ThumbnailCache>(document))
    , m_cacheGuard(m_cache.get())
{
}

ThumbnailProvider::~ThumbnailProvider()
{
    // The engine may drop its last reference on the image reader's thread:
    // the cache is deleted on its own.
    if (m_cache && m_cache->thread() != QThread::currentThread())
        m_cache.release()->deleteLater();
}

QQuickImageResponse *ThumbnailProvider::requestImageResponse(const QString &id, const QSize &requestedSize)
{
    auto *response = new ThumbnailResponse;
    auto *request = new ThumbnailRequest;
    request->id = id;
    request->width = requestedSize.width() > 0 ? requestedSize.width() : 240;
    QObject::connect(request, &ThumbnailRequest::done, response, &ThumbnailResponse::deliver, Qt::QueuedConnection);
    request->moveToThread(m_cache->thread());
    // The document or the provider (with its cache) may be gone by the time
    // the request runs: both pointers are guarded and read on the UI thread.
    QMetaObject::invokeMethod(
        request, [request, document = m_document, cache = m_cacheGuard] { request->run(document, cache); },
        Qt::QueuedConnection);
    return response;
}

void ThumbnailProvider::install(QQmlEngine *engine, DocumentController *document)
{
    engine->removeImageProvider(QLatin1String(kName));
    engine->addImageProvider(QLatin1String(kName), new ThumbnailProvider(document));
}

} // namespace slidespec

#include "thumbnailprovider.moc"
