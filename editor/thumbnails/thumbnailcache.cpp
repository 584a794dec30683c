// SPDX-License-Identifier: GPL-3.0-or-later
#include "thumbnails/thumbnailcache.h"

#include "document/documentcontroller.h"
#include "export/renderservices.h"
#include "render/sliderenderer.h"

#include <QElapsedTimer>
#include <QFileInfo>
#include <QRunnable>

namespace slidespec {

namespace {

QString baseDirOf(const DocumentController *document)
{
    return document && !document->filePath().isEmpty() ? QFileInfo(document->filePath()).absolutePath() : QString();
}

} // namespace

ThumbnailCache::ThumbnailCache(DocumentController *document, QObject *parent)
    : QObject(parent)
    , m_document(document)
{
    m_cache.setMaxCost(64 * 1024);
    if (!document)
        return;
    connect(document, &DocumentController::elementsChanged, this,
            [this](int slideIndex, const QStringList &) { invalidateIndex(slideIndex); });
    connect(document, &DocumentController::slideChanged, this, &ThumbnailCache::invalidateIndex);
    connect(document, &DocumentController::slidesInserted, this, [this](int first, int last) {
        for (int i = first; i <= last; ++i)
            invalidateIndex(i);
    });
    // Moving slides can change what a slide shows (slide numbers): redraw the range.
    connect(document, &DocumentController::slidesMoved, this, [this](int from, int to) {
        for (int i = std::min(from, to); i <= std::max(from, to); ++i)
            invalidateIndex(i);
    });
    connect(document, &DocumentController::brandChanged, this, &ThumbnailCache::invalidateAll);
    connect(document, &DocumentController::deckReset, this, &ThumbnailCache::invalidateAll);
    connect(document, &DocumentController::filePathChanged, this, &ThumbnailCache::invalidateAll);
}

ThumbnailCache::~ThumbnailCache()
{
    m_pool.clear();
    m_pool.waitForDone();
}

int ThumbnailCache::revision(const QString &slideId) const
{
    return m_base + m_revisions.value(slideId, 0);
}

bool ThumbnailCache::contains(const QString &slideId, int widthPx) const
{
    return m_cache.contains(Key{slideId, revision(slideId), widthPx});
}

QImage ThumbnailCache::thumbnail(const QString &slideId, int widthPx)
{
    if (widthPx <= 0 || !m_document)
        return {};
    const Key key{slideId, revision(slideId), widthPx};
    if (const QImage *image = m_cache.object(key))
        return *image;

    const Deck &deck = m_document->deck();
    int index = -1;
    for (int i = 0; i < deck.slides.size(); ++i) {
        if (deck.slides.at(i).id == slideId) {
            index = i;
            break;
        }
    }
    if (index < 0)
        return {};

    if (!m_pending.contains(key)) {
        m_pending.insert(key);
        if (!m_services)
            m_services = RenderServices::create(baseDirOf(m_document));
        // The worker gets its own copy of the deck (implicitly shared, so
        // cheap) and keeps the services alive while it runs.
        m_pool.start([this, key, index, deck = Deck(deck), services = m_services] {
            QElapsedTimer clock;
            clock.start();
            const SlideRenderer renderer(services->components, services->text, services->assets);
            const QImage image = renderer.renderSlide(deck, index, key.width);
            const double ms = double(clock.nsecsElapsed()) / 1e6;
            QMetaObject::invokeMethod(this, [this, key, image, ms] { onRendered(key, image, ms); },
                                      Qt::QueuedConnection);
        });
    }

    const auto newest = m_newest.constFind({slideId, widthPx});
    if (newest != m_newest.constEnd()) {
        if (const QImage *stale = m_cache.object(Key{slideId, *newest, widthPx}))
            return *stale;
    }
    return {};
}

void ThumbnailCache::onRendered(const Key &key, const QImage &image, double ms)
{
    m_pending.remove(key);
    ++m_renders;
    m_lastRenderMs = ms;
    if (image.isNull())
        return;
    const qsizetype kib = image.sizeInBytes() / 1024 + 1;
    m_cache.insert(key, new QImage(image), kib);
    int &newest = m_newest[{key.slideId, key.width}];
    newest = std::max(newest, key.revision);
    if (key.revision == revision(key.slideId))
        emit thumbnailReady(key.slideId, key.revision);
}

void ThumbnailCache::invalidate(const QString &slideId)
{
    ++m_revisions[slideId];
}

void ThumbnailCache::invalidateIndex(int slideIndex)
{
    if (m_document && slideIndex >= 0 && slideIndex < m_document->slideCount())
        invalidate(m_document->deck().slides.at(slideIndex).id);
}

void ThumbnailCache::invalidateAll()
{
    ++m_base;
    m_services.reset();
}

} // namespace slidespec
