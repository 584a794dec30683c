// SPDX-License-Identifier: GPL-3.0-or-later
#include "export/exportjob.h"

#include "export/renderservices.h"
#include "pptx/pptxwriter.h"
#include "render/deckexport.h"
#include "render/sliderenderer.h"

#include <QDeadlineTimer>
#include <QFileInfo>
#include <QThread>

namespace slidespec {

ExportJob::ExportJob(QObject *parent)
    : QObject(parent)
{
}

ExportJob::~ExportJob()
{
    if (m_thread) {
        cancel();
        m_thread->wait();
        delete m_thread;
    }
}

bool ExportJob::wait(int timeoutMs)
{
    if (!m_thread)
        return true;
    return m_thread->wait(timeoutMs < 0 ? QDeadlineTimer(QDeadlineTimer::Forever) : QDeadlineTimer(timeoutMs));
}

void ExportJob::cancel()
{
    if (m_cancel)
        m_cancel->store(true);
}

void ExportJob::report(int percent, const QString &message)
{
    if (percent < m_progress)
        return;
    m_progress = percent;
    emit progressChanged(percent, message);
}

bool ExportJob::start(const Deck &deck, const QString &baseDir, Format format, const QString &target, int widthPx)
{
    if (m_running)
        return false;
    if (m_thread) {
        m_thread->wait();
        delete m_thread;
        m_thread = nullptr;
    }
    m_cancel = std::make_shared<std::atomic_bool>(false);
    m_progress = -1;
    m_running = true;
    emit runningChanged();
    report(0, tr("Starting export"));

    const std::shared_ptr<std::atomic_bool> cancelled = m_cancel;
    // Runs on the worker; posts to this object's thread. The destructor waits
    // for the worker, so `this` outlives every post made before it returns.
    auto post = [this](auto function) { QMetaObject::invokeMethod(this, std::move(function), Qt::QueuedConnection); };

    m_thread = QThread::create([=, this]() {
        RenderServices services(baseDir);
        const auto progress = [&](int done, int total) {
            const int percent = total > 0 ? std::min(99, done * 100 / total) : 99;
            const QString message = tr("Slide %1 of %2").arg(done).arg(total);
            post([this, percent, message] { report(percent, message); });
            return !cancelled->load();
        };
        QString error;
        QStringList files;
        bool ok = false;
        switch (format) {
        case Format::Pptx: {
            const PptxWriter writer(services.components, services.text, services.assets);
            ok = writer.writeFile(deck, target, &error, progress);
            if (ok)
                files.append(QFileInfo(target).absoluteFilePath());
            break;
        }
        case Format::Pdf: {
            const SlideRenderer renderer(services.components, services.text, services.assets);
            ok = exportPdf(renderer, deck, target, &error, progress);
            if (ok)
                files.append(QFileInfo(target).absoluteFilePath());
            break;
        }
        case Format::Png: {
            const SlideRenderer renderer(services.components, services.text, services.assets);
            ok = exportPngs(renderer, deck, target, widthPx, &error, progress, &files);
            break;
        }
        }
        if (!ok && cancelled->load())
            error = tr("Export cancelled.");
        if (!ok)
            files.clear();
        post([this, ok, error, files] {
            if (ok)
                report(100, tr("Done"));
            m_running = false;
            emit runningChanged();
            emit finished(ok, error, files);
        });
    });
    m_thread->start();
    return true;
}

} // namespace slidespec
