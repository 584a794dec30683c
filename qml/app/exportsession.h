// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "document/documentcontroller.h"
#include "export/exportjob.h"

#include <QObject>
#include <QPointer>
#include <QQmlEngine>
#include <QString>
#include <QStringList>
#include <QUrl>

namespace slidespec {

/*!
 * \brief Exports the open document for QML: PPTX, PDF or PNGs on the
 * editor's ExportJob worker thread, with progress and cancel.
 *
 * start() snapshots the deck; the UI stays responsive while the job runs.
 * progress climbs to 100 on success; finished() reports the files written
 * or the error (a cancelled export leaves no file behind).
 */
class ExportSession : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(slidespec::DocumentController *document READ document WRITE setDocument NOTIFY documentChanged)
    Q_PROPERTY(bool running READ isRunning NOTIFY runningChanged)
    Q_PROPERTY(int progress READ progress NOTIFY progressChanged)
    Q_PROPERTY(QString message READ message NOTIFY progressChanged)
    Q_PROPERTY(QString error READ error NOTIFY finished)
    Q_PROPERTY(QStringList files READ files NOTIFY finished)
    Q_PROPERTY(int format READ format NOTIFY runningChanged)

public:
    /*! Same values as ExportJob::Format. */
    enum Format { Pptx, Pdf, Png };
    Q_ENUM(Format)

    explicit ExportSession(QObject *parent = nullptr);
    ~ExportSession() override;

    DocumentController *document() const { return m_document; }
    void setDocument(DocumentController *document);

    bool isRunning() const { return m_job.isRunning(); }
    int progress() const { return m_progress; }
    QString message() const { return m_message; }
    /*! Why the last export failed, or empty. */
    QString error() const { return m_error; }
    /*! The files the last export wrote. */
    QStringList files() const { return m_files; }
    int format() const { return m_format; }

    /*! Starts exporting the document as \a format to \a target (a file URL
     *  or path; a folder for PNGs). Returns what went wrong, or empty. */
    Q_INVOKABLE QString start(int format, const QUrl &target);
    Q_INVOKABLE void cancel();
    /*! Blocks until the running export ends (tests). */
    Q_INVOKABLE bool wait(int timeoutMs = 30000);
    /*! A file name next to the deck for \a format ("deck.pdf"), as a URL. */
    Q_INVOKABLE QUrl suggestedTarget(int format) const;

signals:
    void documentChanged();
    void runningChanged();
    void progressChanged();
    void finished(bool ok, const QString &error, const QStringList &files);

private:
    QPointer<DocumentController> m_document;
    ExportJob m_job;
    int m_progress = 0;
    int m_format = Pdf;
    QString m_message;
    QString m_error;
    QStringList m_files;
};

} // namespace slidespec
