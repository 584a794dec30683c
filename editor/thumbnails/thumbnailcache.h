// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QCache>
#include <QHash>
#include <QImage>
#include <QObject>
#include <QPointer>
#include <QSet>
#include <QString>
#include <QThreadPool>

#include <memory>

namespace slidespec {

class DocumentController;
struct RenderServices;

/*!
 * \brief Slide thumbnails for the slide list, rendered with SlideRenderer on
 * worker threads and kept in a bounded LRU cache.
 *
 * A thumbnail is keyed by (slide id, revision, width). Each slide's revision
 * starts at 1 and goes up whenever the document says the slide changed
 * (elementsChanged, slideChanged; every slide on brandChanged and
 * deckReset), which makes its cached images stale. thumbnail() returns the
 * current image when cached; otherwise it queues a render of a copy of the
 * deck and returns the newest stale image (or a null one) meanwhile;
 * thumbnailReady() says when the current one is there.
 *
 * Each render uses its own SlideRenderer over shared, thread-safe services
 * (TextLayoutEngine keeps each thread's layouts apart). Images cost their
 * size in KiB against maxCost() (default 64 MiB); the least recently used go.
 */
class ThumbnailCache : public QObject
{
    Q_OBJECT

public:
    explicit ThumbnailCache(DocumentController *document, QObject *parent = nullptr);
    /*! Waits for the renders in flight. */
    ~ThumbnailCache() override;

    /*! Thumbnail of slide \a slideId \a widthPx wide (see class comment). */
    QImage thumbnail(const QString &slideId, int widthPx);
    /*! The current revision of slide \a slideId (0 if unknown). */
    int revision(const QString &slideId) const;
    /*! True when the current thumbnail of \a slideId at \a widthPx is cached. */
    bool contains(const QString &slideId, int widthPx) const;

    /*! Cache bound in KiB. */
    void setMaxCost(qsizetype kib) { m_cache.setMaxCost(kib); }
    qsizetype maxCost() const { return m_cache.maxCost(); }
    qsizetype totalCost() const { return m_cache.totalCost(); }
    int cachedCount() const { return int(m_cache.count()); }

    /*! Renders waiting or running. */
    int pendingCount() const { return int(m_pending.size()); }
    /*! Number of renders finished so far (tests, diagnostics). */
    int renderCount() const { return m_renders; }
    /*! Milliseconds the last render took on its worker. */
    double lastRenderMs() const { return m_lastRenderMs; }
    QThreadPool *threadPool() { return &m_pool; }

public slots:
    /*! Makes slide \a slideId's thumbnails stale. */
    void invalidate(const QString &slideId);
    /*! Makes every thumbnail stale (and drops the render services). */
    void invalidateAll();

signals:
    /*! The thumbnail of \a slideId at \a revision is ready: ask thumbnail() again. */
    void thumbnailReady(const QString &slideId, int revision);

private:
    struct Key
    {
        QString slideId;
        int revision = 0;
        int width = 0;
        bool operator==(const Key &) const = default;
        friend size_t qHash(const Key &key, size_t seed = 0) { return qHashMulti(seed, key.slideId, key.revision, key.width); }
    };

    void invalidateIndex(int slideIndex);
    void onRendered(const Key &key, const QImage &image, double ms);

    QPointer<DocumentController> m_document;
    std::shared_ptr<RenderServices> m_services;
    QHash<QString, int> m_revisions;
    QHash<QPair<QString, int>, int> m_newest; //!< (slide id, width) → revision of its newest image
    int m_base = 1; //!< added to every revision; invalidateAll() raises it
    QCache<Key, QImage> m_cache;
    QSet<Key> m_pending;
    QThreadPool m_pool;
    int m_renders = 0;
    double m_lastRenderMs = 0;
};

} // namespace slidespec
