// SPDX-License-Identifier: GPL-3.0-or-later
// ThumbnailCache: renders off the UI thread, matches the renderer, goes
// stale exactly for the slides that change, and stays within its bound.

#include "thumbnails/thumbnailcache.h"

#include "document/commands.h"
#include "document/documentcontroller.h"
#include "export/renderservices.h"
#include "format/specjson.h"
#include "render/sliderenderer.h"

#include <QGuiApplication>
#include <QSignalSpy>
#include <QTest>
#include <QThread>

using namespace slidespec;

namespace {

Deck sampleDeck()
{
    SpecResult<Deck> result =
        SpecJson::readDeckFile(QStringLiteral(SLIDESPEC_RESOURCES_DIR "/samples/quarterly-review.json"));
    if (!result.ok())
        qFatal("%s", qPrintable(result.errorString()));
    return *result.value;
}

/*! Waits for the thumbnail of \a id at \a width to be current; returns it. */
QImage waitFor(ThumbnailCache &cache, const QString &id, int width)
{
    cache.thumbnail(id, width);
    QSignalSpy ready(&cache, &ThumbnailCache::thumbnailReady);
    for (int i = 0; i < 200 && !cache.contains(id, width); ++i)
        ready.wait(100);
    return cache.contains(id, width) ? cache.thumbnail(id, width) : QImage();
}

} // namespace

class TestThumbnails : public QObject
{
    Q_OBJECT

private slots:
    void rendersOffTheUiThread();
    void matchesTheRenderer();
    void invalidatesOnlyTheChangedSlide();
    void staleImageMeanwhile();
    void brandChangeInvalidatesAll();
    void boundedLru();
    void timing();
};

void TestThumbnails::rendersOffTheUiThread()
{
    DocumentController doc;
    const QString path = QStringLiteral(SLIDESPEC_RESOURCES_DIR "/samples/quarterly-review.json");
    QVERIFY(doc.open(path));
    ThumbnailCache cache(&doc);
    const QString id = doc.deck().slides.first().id;

    // Record which thread renders: a probe runs in the same pool first.
    QThread *worker = nullptr;
    cache.threadPool()->start([&worker] { worker = QThread::currentThread(); });
    cache.threadPool()->waitForDone();
    QVERIFY(worker && worker != QThread::currentThread());

    QSignalSpy ready(&cache, &ThumbnailCache::thumbnailReady);
    QVERIFY(cache.thumbnail(id, 240).isNull()); // queued, not rendered here
    QCOMPARE(cache.pendingCount(), 1);
    cache.thumbnail(id, 240);
    QCOMPARE(cache.pendingCount(), 1); // asking again does not queue twice
    QVERIFY(ready.wait(20000));
    QCOMPARE(ready.first().at(0).toString(), id);
    QCOMPARE(ready.first().at(1).toInt(), cache.revision(id));
    QCOMPARE(cache.pendingCount(), 0);
    const QImage image = cache.thumbnail(id, 240);
    QCOMPARE(image.size(), QSize(240, 135));
    QCOMPARE(cache.renderCount(), 1);
    QVERIFY(cache.thumbnail(QStringLiteral("no-such-slide"), 240).isNull());
}

void TestThumbnails::matchesTheRenderer()
{
    DocumentController doc;
    const QString path = QStringLiteral(SLIDESPEC_RESOURCES_DIR "/samples/quarterly-review.json");
    QVERIFY(doc.open(path));
    ThumbnailCache cache(&doc);
    const int index = 1;
    const QImage thumb = waitFor(cache, doc.deck().slides.at(index).id, 320);
    QVERIFY(!thumb.isNull());
    RenderServices services(QFileInfo(path).absolutePath());
    const SlideRenderer renderer(services.components, services.text, services.assets);
    const QImage direct = renderer.renderSlide(doc.deck(), index, 320);
    QCOMPARE(thumb.convertToFormat(QImage::Format_RGB32), direct.convertToFormat(QImage::Format_RGB32));
}

void TestThumbnails::invalidatesOnlyTheChangedSlide()
{
    DocumentController doc;
    doc.setDeck(sampleDeck());
    ThumbnailCache cache(&doc);
    const QString first = doc.deck().slides.at(0).id;
    const QString second = doc.deck().slides.at(1).id;
    const QImage before = waitFor(cache, first, 160);
    QVERIFY(!waitFor(cache, second, 160).isNull());
    const int firstRevision = cache.revision(first);
    const int secondRevision = cache.revision(second);

    QVERIFY(doc.setSlideProperty(0, SlideProperty::BackgroundColor, QStringLiteral("#ff0000")));
    QVERIFY(cache.revision(first) > firstRevision);
    QCOMPARE(cache.revision(second), secondRevision);
    QVERIFY(!cache.contains(first, 160));
    QVERIFY(cache.contains(second, 160));

    const QImage after = waitFor(cache, first, 160);
    QVERIFY(!after.isNull());
    QVERIFY(after != before);
    QCOMPARE(after.pixelColor(2, 2), QColor(255, 0, 0));

    // An element edit invalidates too; undo makes another revision.
    const Slide &slide = doc.deck().slides.at(1);
    doc.setCurrentSlide(1);
    QVERIFY(doc.moveElements({slide.elements.first().id}, 10, 10));
    QVERIFY(cache.revision(second) > secondRevision);
    const int moved = cache.revision(second);
    doc.undoStack()->undo();
    QVERIFY(cache.revision(second) > moved);
}

void TestThumbnails::staleImageMeanwhile()
{
    DocumentController doc;
    doc.setDeck(sampleDeck());
    ThumbnailCache cache(&doc);
    const QString id = doc.deck().slides.at(0).id;
    const QImage old = waitFor(cache, id, 160);
    QVERIFY(doc.setSlideProperty(0, SlideProperty::BackgroundColor, QStringLiteral("#00ff00")));
    // While the new one renders, the old image stands in.
    const QImage meanwhile = cache.thumbnail(id, 160);
    QCOMPARE(meanwhile, old);
    const QImage fresh = waitFor(cache, id, 160);
    QCOMPARE(fresh.pixelColor(2, 2), QColor(0, 255, 0));

    // A render that finishes after a newer change does not announce itself.
    QSignalSpy ready(&cache, &ThumbnailCache::thumbnailReady);
    QVERIFY(doc.setSlideProperty(0, SlideProperty::BackgroundColor, QStringLiteral("#0000ff")));
    cache.thumbnail(id, 160);
    QVERIFY(doc.setSlideProperty(0, SlideProperty::BackgroundColor, QStringLiteral("#ffff00")));
    const QImage last = waitFor(cache, id, 160);
    QCOMPARE(last.pixelColor(2, 2), QColor(255, 255, 0));
    for (const QList<QVariant> &args : std::as_const(ready))
        QCOMPARE(args.at(1).toInt(), cache.revision(id));
}

void TestThumbnails::brandChangeInvalidatesAll()
{
    DocumentController doc;
    doc.setDeck(sampleDeck());
    ThumbnailCache cache(&doc);
    for (const Slide &slide : doc.deck().slides)
        QVERIFY(!waitFor(cache, slide.id, 96).isNull());
    BrandKit kit = doc.deck().brand;
    kit.name = QStringLiteral("Changed");
    QVERIFY(doc.applyBrandKit(kit));
    for (const Slide &slide : doc.deck().slides)
        QVERIFY(!cache.contains(slide.id, 96));
    doc.newDeck();
    QCOMPARE(doc.slideCount(), 1);
    QVERIFY(!waitFor(cache, doc.deck().slides.first().id, 96).isNull());
}

void TestThumbnails::boundedLru()
{
    DocumentController doc;
    doc.setDeck(sampleDeck());
    ThumbnailCache cache(&doc);
    // 320×180 RGB32 ≈ 225 KiB: room for two.
    cache.setMaxCost(500);
    const QVector<Slide> slides = doc.deck().slides;
    QVERIFY(slides.size() >= 3);
    QVERIFY(!waitFor(cache, slides.at(0).id, 320).isNull());
    QVERIFY(!waitFor(cache, slides.at(1).id, 320).isNull());
    QVERIFY(cache.contains(slides.at(0).id, 320));
    cache.thumbnail(slides.at(0).id, 320); // touch: slide 2 is now least recent
    QVERIFY(!waitFor(cache, slides.at(2).id, 320).isNull());
    QVERIFY(cache.totalCost() <= cache.maxCost());
    QCOMPARE(cache.cachedCount(), 2);
    QVERIFY(cache.contains(slides.at(0).id, 320));
    QVERIFY(!cache.contains(slides.at(1).id, 320));
    QVERIFY(cache.contains(slides.at(2).id, 320));
}

void TestThumbnails::timing()
{
    // 200 slides: the sample's slides repeated, images embedded next to the deck.
    const QString path = QStringLiteral(SLIDESPEC_RESOURCES_DIR "/samples/quarterly-review.json");
    SpecResult<Deck> result = SpecJson::readDeckFile(path);
    QVERIFY(result.ok());
    Deck deck = *result.value;
    const QVector<Slide> base = deck.slides;
    deck.slides.clear();
    for (int i = 0; deck.slides.size() < 200; ++i) {
        Slide slide = base.at(i % base.size());
        slide.id = QStringLiteral("s%1").arg(i);
        deck.slides.append(slide);
    }
    DocumentController doc;
    doc.setDeck(deck, path);
    ThumbnailCache cache(&doc);
    QElapsedTimer clock;
    clock.start();
    for (const Slide &slide : std::as_const(deck.slides))
        cache.thumbnail(slide.id, 240);
    QSignalSpy ready(&cache, &ThumbnailCache::thumbnailReady);
    while (cache.pendingCount() > 0)
        QVERIFY(ready.wait(20000));
    const qint64 wall = clock.elapsed();
    for (const Slide &slide : std::as_const(deck.slides))
        QVERIFY(cache.contains(slide.id, 240));
    QCOMPARE(cache.renderCount(), 200);
    qInfo("thumbnails: 200 slides at 240 px in %lld ms wall clock on %d worker threads (%.2f ms per slide)",
          wall, cache.threadPool()->maxThreadCount(), double(wall) / 200);
}

QTEST_MAIN(TestThumbnails)
#include "tst_thumbnails.moc"
