// SPDX-License-Identifier: GPL-3.0-or-later
#include "render/deckexport.h"

#include "render/pngencoder.h"
#include "render/sliderenderer.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QPageLayout>
#include <QPageSize>
#include <QPainter>
#include <QPdfWriter>
#include <QSaveFile>
#include <QThread>

#include <deque>
#include <future>

namespace slidespec {

namespace {

void setError(QString *error, const QString &message)
{
    if (error)
        *error = message;
}

bool checkDeck(const Deck &deck, QString *error)
{
    if (deck.slides.isEmpty()) {
        setError(error, QStringLiteral("the deck has no slides: add a slide before exporting"));
        return false;
    }
    if (!(deck.size.width() > 0) || !(deck.size.height() > 0)) {
        setError(error, QStringLiteral("the deck size %1 × %2 pt is not a valid slide size")
                            .arg(deck.size.width()).arg(deck.size.height()));
        return false;
    }
    return true;
}

/*! Writes \a image to \a fileName atomically; returns an error or "". */
QString writePng(const QString &fileName, const QImage &image)
{
    QSaveFile file(fileName);
    if (!file.open(QIODevice::WriteOnly))
        return QStringLiteral("cannot write %1: %2").arg(QDir::toNativeSeparators(fileName), file.errorString());
    const QByteArray png = encodePng(image);
    if (png.isEmpty()) {
        file.cancelWriting();
        return QStringLiteral("cannot encode %1 (out of memory?)").arg(QDir::toNativeSeparators(fileName));
    }
    if (file.write(png) != png.size() || !file.commit())
        return QStringLiteral("cannot write %1: %2").arg(QDir::toNativeSeparators(fileName), file.errorString());
    return {};
}

} // namespace

QStringList pngFileNames(const Deck &deck, const QString &target)
{
    QString dir;
    QString stem;
    const QFileInfo info(target);
    if (target.isEmpty() || target.endsWith(u'/') || info.isDir()
        || !target.endsWith(QLatin1String(".png"), Qt::CaseInsensitive)) {
        dir = target.isEmpty() ? QStringLiteral(".") : target;
        stem = deck.id.isEmpty() ? QStringLiteral("slide") : deck.id;
    } else {
        dir = info.path();
        stem = info.completeBaseName();
    }
    const qsizetype count = deck.slides.size();
    const int digits = std::max(2, int(QString::number(count).size()));
    QStringList names;
    names.reserve(count);
    const QDir d(dir);
    for (qsizetype i = 0; i < count; ++i)
        names.append(d.filePath(QStringLiteral("%1-%2.png").arg(stem).arg(i + 1, digits, 10, QLatin1Char('0'))));
    return names;
}

bool exportPngs(const SlideRenderer &renderer, const Deck &deck, const QString &target, int widthPx,
                QString *error, const ExportProgress &progress, QStringList *written)
{
    if (written)
        written->clear();
    if (!checkDeck(deck, error))
        return false;
    if (widthPx < 1 || widthPx > 16384) {
        setError(error, QStringLiteral("the width %1 px is out of range: use 1 to 16384").arg(widthPx));
        return false;
    }
    const QStringList names = pngFileNames(deck, target);
    const QString dir = QFileInfo(names.first()).path();
    if (!QDir().mkpath(dir)) {
        setError(error, QStringLiteral("cannot create the folder %1").arg(QDir::toNativeSeparators(dir)));
        return false;
    }

    RenderOptions options;
    options.fitOverflowingText = true;
    options.drawPlaceholders = true;

    // Slides are painted here, one after another; PNG compression, the
    // larger cost, runs in worker threads, a few slides behind.
    struct Pending
    {
        QString fileName;
        std::future<QString> result;
    };
    std::deque<Pending> pending;
    const size_t window = size_t(std::max(1, QThread::idealThreadCount()));
    QStringList done;
    QString failure;
    bool cancelled = false;
    const int total = int(names.size());

    auto collect = [&](Pending &job) {
        const QString why = job.result.get();
        if (why.isEmpty())
            done.append(job.fileName);
        else if (failure.isEmpty())
            failure = why;
    };

    for (int i = 0; i < total && failure.isEmpty() && !cancelled; ++i) {
        QImage image = renderer.renderSlide(deck, i, widthPx, options);
        if (image.isNull()) {
            failure = QStringLiteral("slide %1 could not be rendered at %2 px (out of memory?)").arg(i + 1).arg(widthPx);
            break;
        }
        const QString fileName = names.at(i);
        pending.push_back({fileName, std::async(std::launch::async, [fileName, image = std::move(image)] {
                               return writePng(fileName, image);
                           })});
        while (pending.size() >= window || (i == total - 1 && !pending.empty())) {
            collect(pending.front());
            pending.pop_front();
            if (failure.isEmpty() && progress && !progress(int(done.size()), total)) {
                cancelled = true;
                break;
            }
        }
    }
    while (!pending.empty()) {
        collect(pending.front());
        pending.pop_front();
    }

    if (failure.isEmpty() && !cancelled) {
        if (written)
            *written = done;
        return true;
    }
    for (const QString &fileName : std::as_const(done))
        QFile::remove(fileName);
    setError(error, cancelled ? QStringLiteral("the export was cancelled; no files were kept") : failure);
    return false;
}

bool exportPdf(const SlideRenderer &renderer, const Deck &deck, const QString &fileName, QString *error,
               const ExportProgress &progress)
{
    if (!checkDeck(deck, error))
        return false;
    if (fileName.isEmpty()) {
        setError(error, QStringLiteral("no file name was given for the PDF"));
        return false;
    }
    const QString nativeName = QDir::toNativeSeparators(fileName);

    QSaveFile file(fileName);
    if (!file.open(QIODevice::WriteOnly)) {
        setError(error, QStringLiteral("cannot write %1: %2").arg(nativeName, file.errorString()));
        return false;
    }

    RenderOptions options;
    options.fitOverflowingText = true;
    options.drawPlaceholders = true;
    options.minRasterScale = 3.0; // SVG images at 216 dpi

    const int total = int(deck.slides.size());
    bool cancelled = false;
    QString failure;
    {
        QPdfWriter writer(&file);
        writer.setTitle(deck.title);
        writer.setCreator(QStringLiteral("Slidespec"));
        writer.setResolution(72);
        const QPageSize pageSize(deck.size, QPageSize::Point, QString(), QPageSize::ExactMatch);
        const QPageLayout layout(pageSize, QPageLayout::Portrait, QMarginsF(0, 0, 0, 0), QPageLayout::Point);
        if (!writer.setPageLayout(layout)) {
            setError(error, QStringLiteral("the PDF writer refused the page size %1 × %2 pt")
                                .arg(deck.size.width()).arg(deck.size.height()));
            file.cancelWriting();
            return false;
        }
        QPainter painter;
        if (!painter.begin(&writer)) {
            setError(error, QStringLiteral("cannot start the PDF %1").arg(nativeName));
            file.cancelWriting();
            return false;
        }
        // The page may have been rounded to whole points: scale to fit exactly.
        const QRectF page = writer.pageLayout().fullRectPoints();
        const QTransform base = QTransform::fromScale(page.width() / deck.size.width(),
                                                      page.height() / deck.size.height());
        for (int i = 0; i < total; ++i) {
            if (i > 0 && !writer.newPage()) {
                failure = QStringLiteral("cannot add page %1 to %2").arg(i + 1).arg(nativeName);
                break;
            }
            painter.setTransform(base);
            renderer.paint(&painter, deck, i, options);
            if (progress && !progress(i + 1, total)) {
                cancelled = true;
                break;
            }
        }
        painter.end();
    }
    if (cancelled || !failure.isEmpty()) {
        file.cancelWriting();
        setError(error, cancelled ? QStringLiteral("the export was cancelled; no file was written") : failure);
        return false;
    }
    if (!file.commit()) {
        setError(error, QStringLiteral("cannot write %1: %2").arg(nativeName, file.errorString()));
        return false;
    }
    return true;
}

} // namespace slidespec
