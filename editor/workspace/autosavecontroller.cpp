// SPDX-License-Identifier: GPL-3.0-or-later
#include "workspace/autosavecontroller.h"

#include "document/documentcontroller.h"
#include "format/specjson.h"
#include "workspace/durablefile.h"

#include <QFile>
#include <QLoggingCategory>

Q_LOGGING_CATEGORY(lcAutosave, "slidespec.autosave")

namespace slidespec {

AutosaveController::AutosaveController(DocumentController *document, const QString &journalPath, QObject *parent)
    : QObject(parent)
    , m_document(document)
    , m_journalPath(journalPath)
{
    m_timer.setSingleShot(true);
    m_timer.setInterval(kDefaultInterval);
    connect(&m_timer, &QTimer::timeout, this, [this] {
        emit pendingChanged();
        writeJournal();
    });
    if (document) {
        connect(document->undoStack(), &QUndoStack::indexChanged, this, &AutosaveController::onIndexChanged);
        connect(document->undoStack(), &QUndoStack::cleanChanged, this, &AutosaveController::onCleanChanged);
        // A new or opened document starts clean: a pending write of the old one is moot.
        connect(document, &DocumentController::deckReset, this, [this] {
            if (m_timer.isActive()) {
                m_timer.stop();
                emit pendingChanged();
            }
        });
    }
}

AutosaveController::~AutosaveController() = default;

void AutosaveController::setInterval(int ms)
{
    ms = std::max(0, ms);
    if (ms == m_timer.interval())
        return;
    m_timer.setInterval(ms);
    emit intervalChanged();
}

void AutosaveController::setJournalPath(const QString &path)
{
    if (path == m_journalPath)
        return;
    removeJournal();
    m_journalPath = path;
    emit journalPathChanged();
    if (m_document && m_document->isModified())
        onIndexChanged();
}

void AutosaveController::onIndexChanged()
{
    if (!m_document)
        return;
    if (!m_document->isModified()) {
        onCleanChanged(true);
        return;
    }
    const bool wasActive = m_timer.isActive();
    m_timer.start(); // restarts: the debounce
    if (!wasActive)
        emit pendingChanged();
}

void AutosaveController::onCleanChanged(bool clean)
{
    if (!clean)
        return;
    if (m_timer.isActive()) {
        m_timer.stop();
        emit pendingChanged();
    }
    removeJournal();
}

bool AutosaveController::flush()
{
    if (!m_timer.isActive())
        return true;
    m_timer.stop();
    emit pendingChanged();
    return writeJournal();
}

bool AutosaveController::writeJournal()
{
    if (!m_document || m_journalPath.isEmpty())
        return false;
    QElapsedTimer clock;
    clock.start();
    QString error;
    if (!DurableFile::write(m_journalPath, SpecJson::writeDeck(m_document->deck()), &error)) {
        qCWarning(lcAutosave).noquote() << "autosave failed:" << error;
        emit writeFailed(error);
        return false;
    }
    m_lastWriteMs = double(clock.nsecsElapsed()) / 1e6;
    ++m_writes;
    emit journalWritten(m_journalPath);
    return true;
}

void AutosaveController::close()
{
    if (m_timer.isActive()) {
        m_timer.stop();
        emit pendingChanged();
    }
    removeJournal();
}

void AutosaveController::removeJournal()
{
    if (!m_journalPath.isEmpty() && QFile::exists(m_journalPath) && QFile::remove(m_journalPath))
        emit journalRemoved(m_journalPath);
}

} // namespace slidespec
