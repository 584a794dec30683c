// SPDX-License-Identifier: GPL-3.0-or-later
//
// Editor drag benchmark: drags one text element across a crowded slide the
// way the canvas does — one DocumentController::moveElements() per mouse
// move, all with one drag id so the steps merge into one undo step — and
// times each step: the model update and re-validation of the slide (inside
// the controller), the ThumbnailCache making the slide's thumbnail stale
// (its elementsChanged slot), and the request of the new thumbnail (queued on
// the cache's worker threads). Steps come at most every PACE ms (default 8,
// a 125 Hz mouse), with the event loop running in between, so finished
// renders land as they would in the editor. Prints figures; asserts nothing.
//   bench_editor_drag DECK.json [STEPS] [PACE_MS]
#include "benchutil.h"

#include "document/documentcontroller.h"
#include "render/sliderenderer.h"
#include "thumbnails/thumbnailcache.h"
#include "validation/validator.h"

#include <QElapsedTimer>
#include <QGuiApplication>
#include <QTextStream>
#include <QThread>

#include <vector>

using namespace slidespec;
using bench::percentile;

namespace {

// The slide strip's thumbnail width in Main.qml (panel 220 px − 42).
constexpr int kThumbWidth = 178;

double msSince(const QElapsedTimer &clock, qint64 fromNs)
{
    return double(clock.nsecsElapsed() - fromNs) / 1e6;
}

QString row(const QString &name, const std::vector<double> &v)
{
    return QStringLiteral("%1 %2 / %3 / %4 ms\n")
        .arg(name, -44)
        .arg(percentile(v, 0.5), 0, 'f', 3)
        .arg(percentile(v, 0.95), 0, 'f', 3)
        .arg(percentile(v, 1.0), 0, 'f', 3);
}

} // namespace

int main(int argc, char **argv)
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QGuiApplication app(argc, argv);
    const QStringList args = app.arguments();
    QTextStream out(stdout);
    QTextStream err(stderr);
    if (args.size() < 2) {
        err << "usage: bench_editor_drag DECK.json [STEPS] [PACE_MS]\n";
        return 2;
    }
    const int steps = args.size() > 2 ? std::max(1, args[2].toInt()) : 500;
    const double paceMs = args.size() > 3 ? args[3].toDouble() : 8.0;

    DocumentController document;
    QString error;
    if (!document.open(args[1], &error)) {
        err << error << '\n';
        return 2;
    }
    // The slide with the most elements, and a text element near its middle.
    int slideIndex = 0;
    for (int i = 0; i < document.slideCount(); ++i) {
        if (document.deck().slides[i].elements.size() > document.deck().slides[slideIndex].elements.size())
            slideIndex = i;
    }
    document.setCurrentSlide(slideIndex);
    const Slide &slide = document.deck().slides[slideIndex];
    const QString slideId = slide.id;
    const int elementCount = int(slide.elements.size());
    QString dragged;
    for (qsizetype k = slide.elements.size() / 2; k < slide.elements.size() && dragged.isEmpty(); ++k) {
        if (slide.elements[k].kind == ElementKind::Text)
            dragged = slide.elements[k].id;
    }
    if (dragged.isEmpty()) {
        err << "the deck's largest slide has no text element in its second half to drag\n";
        return 2;
    }
    document.setSelection({dragged});
    const int issuesBefore = document.issueCount(slideIndex);

    QElapsedTimer clock;
    clock.start();
    // Hooks around the cache's slot: connected before and after it, so they
    // run right before and right after it (same thread, connection order).
    qint64 validatedAt = 0, invalidateStart = 0, invalidateEnd = 0;
    QObject::connect(&document, &DocumentController::issuesChanged, [&] { validatedAt = clock.nsecsElapsed(); });
    QObject::connect(&document, &DocumentController::elementsChanged,
                     [&] { invalidateStart = clock.nsecsElapsed(); });
    ThumbnailCache cache(&document);
    QObject::connect(&document, &DocumentController::elementsChanged, [&] { invalidateEnd = clock.nsecsElapsed(); });

    // The first thumbnail, rendered before the drag starts.
    cache.thumbnail(slideId, kThumbWidth);
    while (!cache.contains(slideId, kThumbWidth)) {
        QCoreApplication::processEvents(QEventLoop::AllEvents, 5);
        QThread::usleep(200);
    }
    const double firstRenderMs = cache.lastRenderMs();

    std::vector<double> total, modelAndValidation, invalidation, request;
    const int dragId = document.beginDrag();
    for (int s = 0; s < steps; ++s) {
        // Back and forth over the grid: 60 steps right and down, 60 back.
        const double sign = (s / 60) % 2 == 0 ? 1.0 : -1.0;
        const qint64 start = clock.nsecsElapsed();
        if (!document.moveElements({dragged}, 1.5 * sign, 0.5 * sign, dragId)) {
            err << "step " << s << ": the move was refused\n";
            return 3;
        }
        const qint64 moved = clock.nsecsElapsed();
        cache.thumbnail(slideId, kThumbWidth);
        const qint64 end = clock.nsecsElapsed();
        total.push_back(double(end - start) / 1e6);
        modelAndValidation.push_back(double(validatedAt - start) / 1e6);
        invalidation.push_back(double(invalidateEnd - invalidateStart) / 1e6);
        request.push_back(double(end - moved) / 1e6);
        // The rest of the mouse interval: the event loop runs (finished renders arrive).
        do {
            QCoreApplication::processEvents(QEventLoop::AllEvents, 1);
            if (msSince(clock, start) < paceMs)
                QThread::usleep(100);
        } while (msSince(clock, start) < paceMs);
    }
    const int undoSteps = document.undoStack()->count();
    cache.threadPool()->waitForDone();
    QCoreApplication::processEvents();

    // For comparison: re-validating the slide alone (the validator's share of
    // a step), on a copy of the deck with the element moved the same way.
    Deck copy = document.deck();
    std::vector<double> validationOnly;
    for (int s = 0; s < steps; ++s) {
        for (Element &e : copy.slides[slideIndex].elements) {
            if (e.id == dragged) {
                const double sign = (s / 60) % 2 == 0 ? 1.0 : -1.0;
                e.frame.x += 1.5 * sign;
                e.frame.y += 0.5 * sign;
            }
        }
        const qint64 start = clock.nsecsElapsed();
        document.validator().validateSlide(copy, slideIndex);
        validationOnly.push_back(msSince(clock, start));
    }

    // What the QML slide strip does today: its ThumbnailProvider renders the
    // changed slide synchronously on the GUI thread when thumbnailRevision changes.
    const SlideRenderer renderer(document.components(), document.textEngine(), document.assets());
    renderer.renderSlide(document.deck(), slideIndex, kThumbWidth); // warm its caches
    std::vector<double> syncRender;
    for (int s = 0; s < 200; ++s) {
        const qint64 start = clock.nsecsElapsed();
        renderer.renderSlide(document.deck(), slideIndex, kThumbWidth);
        syncRender.push_back(msSince(clock, start));
    }

    out << "Drag of one text element on a slide of " << elementCount << " elements, " << steps
        << " steps paced at " << paceMs << " ms, " << undoSteps << " undo step(s) after the drag; issues on the slide "
        << issuesBefore << " before, " << document.issueCount(slideIndex) << " after\n";
    out << QStringLiteral("%1 p50 / p95 / max\n").arg(QString(), -44);
    out << row(QStringLiteral("drag step (all of the below)"), total);
    out << row(QStringLiteral("  move + re-validate slide (controller)"), modelAndValidation);
    out << row(QStringLiteral("  thumbnail invalidation (cache slot)"), invalidation);
    out << row(QStringLiteral("  thumbnail request (queue a render)"), request);
    out << row(QStringLiteral("re-validate the slide alone (Validator)"), validationOnly);
    out << row(QStringLiteral("thumbnail render, %1 px, GUI thread").arg(kThumbWidth), syncRender);
    out << "thumbnail renders on workers during the drag: " << cache.renderCount() - 1
        << ", first render " << QString::number(firstRenderMs, 'f', 2) << " ms\n";
    out << "peak RSS (VmHWM): " << QString::number(bench::procStatusMiB("VmHWM"), 'f', 1) << " MiB\n";
    return 0;
}
