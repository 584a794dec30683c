// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "model/deck.h"

#include <QObject>
#include <QString>
#include <QStringList>

#include <atomic>
#include <memory>

class QThread;

namespace slidespec {

/*!
 * \brief Exports a deck to PPTX, PDF or PNGs on a worker thread, with
 * progress and cancel.
 *
 * start() copies the deck (a value), so edits made while the export runs do
 * not race with it, and builds its own render services for the worker
 * (images resolve relative to the \a baseDir given). Signals are delivered
 * in the job's thread: progress() with a percentage that never decreases,
 * then exactly one finished(). cancel() stops the export at the next slide;
 * the core writers then remove everything they wrote (no partial file).
 */
class ExportJob : public QObject
{
    Q_OBJECT
    Q_PROPERTY(bool running READ isRunning NOTIFY runningChanged)
    Q_PROPERTY(int progress READ progressValue NOTIFY progressChanged)

public:
    enum class Format { Pptx, Pdf, Png };
    Q_ENUM(Format)

    explicit ExportJob(QObject *parent = nullptr);
    /*! Cancels a running export and waits for it. */
    ~ExportJob() override;

    /*!
     * Starts exporting \a deck as \a format to \a target (a file for PPTX and
     * PDF; a folder or `DIR/STEM.png` for PNGs, see pngFileNames()).
     * \a widthPx is the PNG width. Returns false when a job is running.
     */
    bool start(const Deck &deck, const QString &baseDir, Format format, const QString &target,
               int widthPx = 1920);

    bool isRunning() const { return m_running; }
    int progressValue() const { return m_progress; }
    /*! Blocks until the worker has finished (the finished() signal is still
     *  delivered through the event loop). Returns false on timeout. */
    bool wait(int timeoutMs = -1);

public slots:
    /*! Asks the running export to stop; finished(false, …) follows. */
    void cancel();

signals:
    /*! \a percent (0–100) done; \a message says what is being written. */
    void progressChanged(int percent, const QString &message);
    /*! The export ended: \a ok, or why not in \a error; \a files written. */
    void finished(bool ok, const QString &error, const QStringList &files);
    void runningChanged();

private:
    void report(int percent, const QString &message);

    QThread *m_thread = nullptr;
    std::shared_ptr<std::atomic_bool> m_cancel;
    bool m_running = false;
    int m_progress = 0;
};

} // namespace slidespec
