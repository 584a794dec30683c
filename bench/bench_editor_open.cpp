// SPDX-License-Identifier: GPL-3.0-or-later
//
// Editor open benchmark: from process start to the first frame of the main
// window with a deck open, the way app/desktop/main.cpp does it (offscreen
// platform unless QT_QPA_PLATFORM says otherwise), in phases:
//   exec → main()           (from /proc/self/stat; 10 ms resolution)
//   QGuiApplication
//   open: read and parse     (SpecJson::readDeckFile, the first half of DocumentController::open)
//   open: validate            (setDeck: services and validation of every slide, its second half)
//   QML load                  (engine.load of Main.qml: compile, create the window and its items)
//   first frame               (until QQuickWindow::frameSwapped; includes the thumbnails
//                              the slide strip paints on the GUI thread)
// then memory (VmHWM, VmRSS) after the first frame, and after rendering every
// slide's thumbnail through ThumbnailCache. Prints figures; asserts nothing.
//   bench_editor_open DECK.json
#include "benchutil.h"

#include "document/documentcontroller.h"
#include "format/specjson.h"
#include "panels/thumbnailprovider.h"
#include "thumbnails/thumbnailcache.h"

#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QGuiApplication>
#include <QQmlApplicationEngine>
#include <QQmlExtensionPlugin>
#include <QQuickStyle>
#include <QQuickWindow>
#include <QSGRendererInterface>
#include <QTextStream>
#include <QThread>
#include <QTimer>

#include <ctime>
#include <unistd.h>

Q_IMPORT_QML_PLUGIN(Slidespec_UiPlugin)

using namespace slidespec;

namespace {

// The slide strip's thumbnail width in Main.qml (panel 220 px − 42).
constexpr int kThumbWidth = 178;

/*! Milliseconds from this process's start (exec) to now, or -1. */
double msSinceProcessStart()
{
    QFile stat(QStringLiteral("/proc/self/stat"));
    if (!stat.open(QIODevice::ReadOnly))
        return -1;
    const QByteArray line = stat.readAll();
    // Fields after the command name (which may hold spaces) start after ") ";
    // starttime is field 22, i.e. the 20th after the name.
    const QList<QByteArray> fields = line.mid(line.lastIndexOf(')') + 2).split(' ');
    if (fields.size() < 20)
        return -1;
    const double startTicks = fields[19].toDouble();
    timespec now{};
    clock_gettime(CLOCK_BOOTTIME, &now);
    const double nowMs = double(now.tv_sec) * 1e3 + double(now.tv_nsec) / 1e6;
    return nowMs - startTicks * 1e3 / double(sysconf(_SC_CLK_TCK));
}

QString apiName(QSGRendererInterface::GraphicsApi api)
{
    switch (api) {
    case QSGRendererInterface::Software: return QStringLiteral("software");
    case QSGRendererInterface::OpenGL: return QStringLiteral("OpenGL");
    case QSGRendererInterface::Vulkan: return QStringLiteral("Vulkan");
    default: return QStringLiteral("other (%1)").arg(int(api));
    }
}

} // namespace

int main(int argc, char **argv)
{
    const double beforeMainMs = msSinceProcessStart();
    QElapsedTimer clock;
    clock.start();
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QGuiApplication app(argc, argv);
    QCoreApplication::setOrganizationName(QStringLiteral("Slidespec"));
    QCoreApplication::setApplicationName(QStringLiteral("slidespec-bench"));
    const double appMs = double(clock.nsecsElapsed()) / 1e6;
    QTextStream out(stdout);
    QTextStream err(stderr);
    const QStringList args = app.arguments();
    if (args.size() < 2) {
        err << "usage: bench_editor_open DECK.json\n";
        return 2;
    }

    // DocumentController::open() is readDeckFile + setDeck; timed as its two halves.
    qint64 t = clock.nsecsElapsed();
    DocumentController document;
    SpecResult<Deck> loaded = SpecJson::readDeckFile(args[1]);
    if (!loaded.ok()) {
        err << loaded.errorString() << '\n';
        return 2;
    }
    const double parseMs = double(clock.nsecsElapsed() - t) / 1e6;
    t = clock.nsecsElapsed();
    document.setDeck(*loaded.value, QFileInfo(args[1]).absoluteFilePath());
    const double validateMs = double(clock.nsecsElapsed() - t) / 1e6;
    int elements = 0;
    for (const Slide &s : document.deck().slides)
        elements += int(s.elements.size());

    t = clock.nsecsElapsed();
    QQuickStyle::setStyle(QStringLiteral("Fusion"));
    QQmlApplicationEngine engine;
    engine.addImportPath(QStringLiteral("qrc:/qt/qml"));
    ThumbnailProvider::install(&engine, &document);
    engine.setInitialProperties({{QStringLiteral("document"), QVariant::fromValue(&document)}});
    engine.load(QUrl(QStringLiteral("qrc:/qt/qml/Slidespec/Ui/app/Main.qml")));
    auto *window = engine.rootObjects().isEmpty() ? nullptr : qobject_cast<QQuickWindow *>(engine.rootObjects().constFirst());
    if (!window) {
        err << "Main.qml did not create a window\n";
        return 3;
    }
    const qint64 loadedAt = clock.nsecsElapsed();
    const double qmlMs = double(loadedAt - t) / 1e6;

    qint64 frameAt = 0;
    // Direct: frameSwapped may come from the render thread; quit through the event loop.
    QObject::connect(window, &QQuickWindow::frameSwapped, &app, [&] {
        if (!frameAt) {
            frameAt = clock.nsecsElapsed();
            QMetaObject::invokeMethod(&app, &QCoreApplication::quit, Qt::QueuedConnection);
        }
    }, Qt::DirectConnection);
    QTimer::singleShot(30000, &app, [&] {
        err << "no frame within 30 s\n";
        QCoreApplication::exit(4);
    });
    if (app.exec() != 0 || !frameAt)
        return 4;
    const double frameMs = double(frameAt - loadedAt) / 1e6;
    const double totalMs = double(frameAt) / 1e6;
    const double hwmFrame = bench::procStatusMiB("VmHWM");
    const double rssFrame = bench::procStatusMiB("VmRSS");

    // Every slide's thumbnail, rendered on the cache's worker threads.
    ThumbnailCache cache(&document);
    t = clock.nsecsElapsed();
    for (const Slide &s : document.deck().slides)
        cache.thumbnail(s.id, kThumbWidth);
    while (cache.pendingCount() > 0) {
        QCoreApplication::processEvents(QEventLoop::AllEvents, 5);
        QThread::usleep(200);
    }
    const double thumbsMs = double(clock.nsecsElapsed() - t) / 1e6;

    out << "Open " << document.slideCount() << " slides (" << elements << " elements) to the first frame, "
        << "QPA " << QGuiApplication::platformName() << ", scene graph "
        << apiName(window->rendererInterface()->graphicsApi()) << "\n";
    const auto line = [&](const QString &name, double ms) {
        out << QStringLiteral("%1 %2 ms\n").arg(name, -40).arg(ms, 8, 'f', 1);
    };
    line(QStringLiteral("exec → main() (±10 ms)"), beforeMainMs);
    line(QStringLiteral("QGuiApplication"), appMs);
    line(QStringLiteral("open: read and parse"), parseMs);
    line(QStringLiteral("open: validate every slide"), validateMs);
    line(QStringLiteral("QML load (Main.qml)"), qmlMs);
    line(QStringLiteral("first frame (until frameSwapped)"), frameMs);
    line(QStringLiteral("main() → first frame"), totalMs);
    line(QStringLiteral("exec → first frame"), totalMs + std::max(0.0, beforeMainMs));
    out << QStringLiteral("peak RSS after the first frame: %1 MiB (VmRSS %2 MiB)\n")
               .arg(hwmFrame, 0, 'f', 1).arg(rssFrame, 0, 'f', 1);
    out << QStringLiteral("all %1 thumbnails (%2 px, %3 worker threads): %4 ms; peak RSS after: %5 MiB "
                          "(VmRSS %6 MiB, cache %7 KiB)\n")
               .arg(cache.renderCount()).arg(kThumbWidth).arg(cache.threadPool()->maxThreadCount())
               .arg(thumbsMs, 0, 'f', 1).arg(bench::procStatusMiB("VmHWM"), 0, 'f', 1)
               .arg(bench::procStatusMiB("VmRSS"), 0, 'f', 1).arg(cache.totalCost());
    return 0;
}
