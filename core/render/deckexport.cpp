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
#include <QRandomGenerator>
#include <QSaveFile>
#include <QThread>
#include <QThreadPool>

#include <cmath>
#include <deque>
#include <filesystem>
#include <future>
#include <memory>
#include <vector>

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

/*!
 * Writes \a data to \a fileName atomically: to a hidden file next to it,
 * renamed over it when complete. Returns an error or "".
 *
 * Unlike QSaveFile this does not wait for the disk (fsync), which costs
 * ~10 ms per file and dominated exporting a deck to PNGs.
 */
QString writeReplacing(const QString &fileName, const QByteArray &data)
{
    const QFileInfo info(fileName);
    const QString native = QDir::toNativeSeparators(fileName);
    const QString temp = info.dir().filePath(QStringLiteral(".%1.%2.part")
                                                 .arg(info.fileName())
                                                 .arg(QRandomGenerator::global()->generate(), 8, 16, QLatin1Char('0')));
    QFile file(temp);
    if (!file.open(QIODevice::WriteOnly | QIODevice::NewOnly))
        return QStringLiteral("cannot write %1: %2").arg(native, file.errorString());
    if (file.write(data) != data.size() || !file.flush()) {
        const QString why = file.errorString();
        file.close();
        file.remove();
        return QStringLiteral("cannot write %1: %2").arg(native, why);
    }
    file.close();
    std::error_code ec;
    std::filesystem::rename(QFileInfo(temp).filesystemAbsoluteFilePath(), info.filesystemAbsoluteFilePath(), ec);
    if (ec) {
        QFile::remove(temp);
        return QStringLiteral("cannot write %1: %2").arg(native, QString::fromLocal8Bit(ec.message()));
    }
    return {};
}

/*! Encodes \a image and writes it to \a fileName; returns an error or "". */
QString writePng(const QString &fileName, const QImage &image)
{
    const QByteArray png = encodePng(image);
    if (png.isEmpty())
        return QStringLiteral("cannot encode %1 (out of memory?)").arg(QDir::toNativeSeparators(fileName));
    return writeReplacing(fileName, png);
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
    const bool dirExisted = QFileInfo(dir).isDir();
    if (!QDir().mkpath(dir)) {
        setError(error, QStringLiteral("cannot create the folder %1").arg(QDir::toNativeSeparators(dir)));
        return false;
    }

    RenderOptions options;
    options.fitOverflowingText = true;
    options.drawPlaceholders = true;

    // Slides are painted here, one after another; PNG compression, the
    // larger cost, runs in worker threads, a few slides behind. Images are
    // reused from a ring one longer than the number of slides in flight.
    const int heightPx = std::max(1, int(std::lround(widthPx * deck.size.height() / deck.size.width())));
    // Fewer slides in flight for huge images: at most ~512 MB of them.
    const qint64 imageBytes = qint64(widthPx) * heightPx * 4;
    const int window = int(std::clamp<qint64>((qint64(512) << 20) / std::max<qint64>(imageBytes, 1) - 1, 1,
                                              std::max(1, QThread::idealThreadCount())));
    std::vector<QImage> images(size_t(window) + 1);
    QThreadPool pool; // after images: destroyed (and waited for) first
    pool.setMaxThreadCount(window);
    struct Pending
    {
        QString fileName;
        std::future<QString> result;
    };
    std::deque<Pending> pending;
    QStringList done;
    QString failure;
    bool cancelled = false;
    const int total = int(names.size());

    auto collect = [&] {
        Pending &job = pending.front();
        const QString why = job.result.get();
        if (why.isEmpty())
            done.append(job.fileName);
        else if (failure.isEmpty())
            failure = why;
        pending.pop_front();
    };

    for (int i = 0; i < total && failure.isEmpty() && !cancelled; ++i) {
        QImage &image = images[size_t(i) % images.size()];
        if (image.isNull())
            image = QImage(widthPx, heightPx, QImage::Format_RGB32);
        if (image.isNull() || !renderer.renderInto(image, deck, i, options)) {
            failure = QStringLiteral("slide %1 could not be rendered at %2 × %3 px (out of memory?)")
                          .arg(i + 1).arg(widthPx).arg(heightPx);
            break;
        }
        const QString fileName = names.at(i);
        auto promise = std::make_shared<std::promise<QString>>();
        pending.push_back({fileName, promise->get_future()});
        const QImage *source = &image; // untouched here until this job is collected
        pool.start([promise, fileName, source] { promise->set_value(writePng(fileName, *source)); });
        while (!pending.empty() && (int(pending.size()) >= window || i == total - 1)) {
            collect();
            if (failure.isEmpty() && progress && !progress(int(done.size()), total)) {
                cancelled = true;
                break;
            }
        }
    }
    while (!pending.empty())
        collect();

    if (failure.isEmpty() && !cancelled) {
        if (written)
            *written = done;
        return true;
    }
    for (const QString &fileName : std::as_const(done))
        QFile::remove(fileName);
    if (!dirExisted)
        QDir().rmdir(dir); // only when empty
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
