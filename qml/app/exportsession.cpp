// SPDX-License-Identifier: GPL-3.0-or-later
#include "exportsession.h"

#include <QDir>
#include <QFileInfo>
#include <QStandardPaths>

namespace slidespec {

namespace {

QString localPath(const QUrl &url)
{
    return url.isLocalFile() ? url.toLocalFile() : url.toString();
}

bool isResource(const QString &path)
{
    return path.startsWith(QLatin1String(":/")) || path.startsWith(QLatin1String("qrc:"));
}

} // namespace

ExportSession::ExportSession(QObject *parent)
    : QObject(parent)
{
    connect(&m_job, &ExportJob::runningChanged, this, &ExportSession::runningChanged);
    connect(&m_job, &ExportJob::progressChanged, this, [this](int percent, const QString &message) {
        m_progress = percent;
        m_message = message;
        emit progressChanged();
    });
    connect(&m_job, &ExportJob::finished, this, [this](bool ok, const QString &error, const QStringList &files) {
        m_error = ok ? QString() : error;
        m_files = ok ? files : QStringList();
        emit finished(ok, m_error, m_files);
    });
}

ExportSession::~ExportSession() = default;

void ExportSession::setDocument(DocumentController *document)
{
    if (m_document == document)
        return;
    m_document = document;
    emit documentChanged();
}

QString ExportSession::start(int format, const QUrl &target)
{
    if (!m_document)
        return tr("There is no deck to export.");
    if (m_job.isRunning())
        return tr("An export is already running: wait for it or cancel it.");
    if (format < Pptx || format > Png)
        return tr("Unknown export format %1.").arg(format);
    const QString path = localPath(target);
    if (path.isEmpty())
        return tr("Choose where to export to.");
    const QString deckPath = m_document->filePath();
    // Images resolve relative to the deck (a bundled sample's too: `:/…`).
    const QString baseDir = deckPath.isEmpty() ? QString() : QFileInfo(deckPath).absolutePath();
    m_format = format;
    m_progress = 0;
    m_message.clear();
    m_error.clear();
    m_files.clear();
    emit progressChanged();
    if (!m_job.start(m_document->deck(), baseDir, static_cast<ExportJob::Format>(format), path))
        return tr("The export could not start.");
    return {};
}

void ExportSession::cancel()
{
    m_job.cancel();
}

bool ExportSession::wait(int timeoutMs)
{
    return m_job.wait(timeoutMs);
}

QUrl ExportSession::suggestedTarget(int format) const
{
    const QString deckPath = m_document ? m_document->filePath() : QString();
    QString dir = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
    QString stem = QStringLiteral("deck");
    if (!deckPath.isEmpty()) {
        const QFileInfo info(deckPath);
        stem = info.completeBaseName();
        if (!isResource(deckPath))
            dir = info.absolutePath();
    }
    if (format == Png)
        return QUrl::fromLocalFile(QDir(dir).absoluteFilePath(stem));
    return QUrl::fromLocalFile(QDir(dir).absoluteFilePath(stem + (format == Pptx ? QStringLiteral(".pptx")
                                                                                 : QStringLiteral(".pdf"))));
}

} // namespace slidespec
