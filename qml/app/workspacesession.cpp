// SPDX-License-Identifier: GPL-3.0-or-later
#include "workspacesession.h"

#include "format/specjson.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>
#include <QUndoStack>
#include <QUuid>
#include <QVariantMap>

#include <algorithm>

namespace slidespec {

namespace {

QString workspaceFolder()
{
    return qEnvironmentVariable("SLIDESPEC_WORKSPACE");
}

bool isUntitled(const QString &filePath)
{
    return filePath.isEmpty() || filePath.startsWith(QLatin1String(":/"))
           || filePath.startsWith(QLatin1String("qrc:"));
}

} // namespace

WorkspaceSession::WorkspaceSession(QObject *parent)
    : QObject(parent)
    , m_workspace(std::make_unique<Workspace>(workspaceFolder()))
{
    m_decks = new WorkspaceModel(m_workspace.get(), this);
    if (!m_workspace->open(&m_error)) {
        qWarning("workspace: %s", qPrintable(m_error));
        return;
    }
    m_pending = m_workspace->recoverableSessions();
    m_decks->refresh();
}

WorkspaceSession::~WorkspaceSession() = default;

QString WorkspaceSession::rootPath() const
{
    return m_workspace->rootPath();
}

void WorkspaceSession::setDocument(DocumentController *document)
{
    if (m_document == document)
        return;
    if (m_document)
        disconnect(m_document, nullptr, this, nullptr);
    m_document = document;
    if (m_document) {
        connect(m_document, &DocumentController::deckReset, this, [this] {
            if (!m_recovering)
                attach({});
        });
        connect(m_document, &DocumentController::filePathChanged, this, [this] {
            if (!m_recovering && m_document && m_document->filePath() != m_journalFile)
                attach({});
        });
        connect(m_document, &QObject::destroyed, this, [this] { m_autosave.reset(); });
        attach({});
    } else {
        m_autosave.reset();
    }
    emit documentChanged();
}

QString WorkspaceSession::journalId(const QString &filePath) const
{
    if (isUntitled(filePath))
        return QStringLiteral("untitled-") + QUuid::createUuid().toString(QUuid::Id128).left(12);
    const QFileInfo info(filePath);
    if (QDir(info.absolutePath()) == QDir(m_workspace->rootPath()))
        return info.completeBaseName();
    QString stem = info.completeBaseName();
    stem.replace(QRegularExpression(QStringLiteral("[^A-Za-z0-9_-]")), QStringLiteral("_"));
    const QByteArray hash =
        QCryptographicHash::hash(info.absoluteFilePath().toUtf8(), QCryptographicHash::Sha1).toHex().left(10);
    return stem.left(40) + u'-' + QString::fromLatin1(hash);
}

void WorkspaceSession::attach(const QString &id)
{
    if (!m_document || !m_workspace->isOpen())
        return;
    const QString filePath = m_document->filePath();
    const QString newId = id.isEmpty() ? journalId(filePath) : id;
    if (m_autosave) {
        const bool stillOffered = std::any_of(m_pending.cbegin(), m_pending.cend(),
                                              [this](const RecoverableSession &s) { return s.deckId == m_journalId; });
        // The user moved on from the previous document: its journal goes,
        // unless it is still offered for recovery or is the one recovered now.
        if (!stillOffered && newId != m_journalId)
            m_autosave->close();
        m_autosave.reset();
    }
    m_journalId = newId;
    m_journalFile = filePath;
    m_autosave = std::make_unique<AutosaveController>(m_document, m_workspace->journalPath(newId));
    m_autosave->setInterval(m_interval);
    const QString origin = originPath(newId);
    const bool external = !isUntitled(filePath) && QDir(QFileInfo(filePath).absolutePath()) != QDir(rootPath());
    connect(m_autosave.get(), &AutosaveController::journalWritten, this, [origin, filePath, external] {
        if (!external)
            return;
        QFile file(origin);
        if (file.open(QIODevice::WriteOnly | QIODevice::Truncate))
            file.write(filePath.toUtf8());
    });
    connect(m_autosave.get(), &AutosaveController::journalRemoved, this, [origin] { QFile::remove(origin); });
    connect(m_autosave.get(), &AutosaveController::writeFailed, this, &WorkspaceSession::autosaveFailed);
    emit journalPathChanged();
}

QString WorkspaceSession::originPath(const QString &id) const
{
    return m_workspace->recoveryPath() + u'/' + id + QStringLiteral(".origin");
}

QVariantList WorkspaceSession::recoverableSessions() const
{
    QVariantList out;
    for (const RecoverableSession &session : m_pending) {
        QFile origin(originPath(session.deckId));
        QString filePath;
        if (origin.open(QIODevice::ReadOnly))
            filePath = QString::fromUtf8(origin.readAll());
        else if (QFileInfo::exists(session.deckPath))
            filePath = session.deckPath;
        out.append(QVariantMap{{QStringLiteral("deckId"), session.deckId},
                               {QStringLiteral("title"), session.title},
                               {QStringLiteral("journalPath"), session.journalPath},
                               {QStringLiteral("filePath"), filePath},
                               {QStringLiteral("time"), session.journalTime}});
    }
    return out;
}

QString WorkspaceSession::journalPath() const
{
    return m_autosave ? m_autosave->journalPath() : QString();
}

void WorkspaceSession::setAutosaveInterval(int ms)
{
    if (ms == m_interval)
        return;
    m_interval = ms;
    if (m_autosave)
        m_autosave->setInterval(ms);
    emit autosaveIntervalChanged();
}

QString WorkspaceSession::recover(const QString &deckId)
{
    if (!m_document)
        return tr("No document to recover into.");
    QString filePath;
    for (const QVariant &entry : recoverableSessions()) {
        const QVariantMap map = entry.toMap();
        if (map.value(QStringLiteral("deckId")).toString() == deckId)
            filePath = map.value(QStringLiteral("filePath")).toString();
    }
    QFile journal(m_workspace->journalPath(deckId));
    if (!journal.open(QIODevice::ReadOnly))
        return tr("Cannot read the autosave %1: %2").arg(journal.fileName(), journal.errorString());
    // brandRef resolves against the deck's own folder.
    const QString baseDir = filePath.isEmpty() ? rootPath() : QFileInfo(filePath).absolutePath();
    SpecResult<Deck> result = SpecJson::readDeck(journal.readAll(), journal.fileName(), baseDir);
    if (!result.ok())
        return result.errorString();

    forget(deckId);
    // The recovered deck keeps journalling to the same file until it is saved.
    m_recovering = true;
    m_document->setDeck(*result.value, filePath);
    m_recovering = false;
    attach(deckId);
    m_document->undoStack()->resetClean(); // modified: it differs from the file
    return {};
}

void WorkspaceSession::discard(const QString &deckId)
{
    if (deckId == m_journalId && m_autosave)
        m_autosave->close();
    m_workspace->discardRecovery(deckId);
    QFile::remove(originPath(deckId));
    forget(deckId);
}

void WorkspaceSession::forget(const QString &id)
{
    const auto before = m_pending.size();
    m_pending.erase(std::remove_if(m_pending.begin(), m_pending.end(),
                                   [&id](const RecoverableSession &s) { return s.deckId == id; }),
                    m_pending.end());
    if (m_pending.size() != before)
        emit recoverableSessionsChanged();
}

QStringList WorkspaceSession::deckTemplates() const
{
    QStringList names;
    const QStringList files = QDir(QStringLiteral(":/slidespec/samples")).entryList({QStringLiteral("*.json")});
    for (const QString &file : files)
        names.append(file.chopped(5));
    return names;
}

QString WorkspaceSession::currentDeckId() const
{
    if (!m_document || isUntitled(m_document->filePath()))
        return {};
    const QFileInfo info(m_document->filePath());
    if (QDir(info.absolutePath()) != QDir(rootPath()))
        return {};
    return m_workspace->record(info.completeBaseName()) ? info.completeBaseName() : QString();
}

QString WorkspaceSession::openDeck(const QString &id)
{
    if (!m_workspace->isOpen())
        return tr("The workspace is not open: %1").arg(m_error);
    if (!m_document)
        return tr("No document to recover into.");
    if (!m_workspace->record(id))
        return tr("The deck %1 is not in the workspace.").arg(id);
    QString error;
    if (!m_document->open(m_workspace->deckFilePath(id), &error))
        return error;
    m_workspace->markOpened(id);
    emit journalPathChanged();
    return {};
}

bool WorkspaceSession::makePortable(Deck &deck, const QString &baseDir, QString *error)
{
    // The workspace copy must not depend on the original's folder: embed
    // the kit and import every image file.
    deck.brandRef.clear();
    for (auto &[name, asset] : deck.assets) {
        if (asset.path.isEmpty())
            continue;
        const QString source = QDir(baseDir).absoluteFilePath(asset.path);
        const QString imported = m_workspace->importAssetFile(source, error);
        if (imported.isEmpty())
            return false;
        asset.path = imported;
    }
    return true;
}

QString WorkspaceSession::addAndOpen(Deck deck, const QString &baseDir)
{
    if (!m_workspace->isOpen())
        return tr("The workspace is not open: %1").arg(m_error);
    if (!m_document)
        return tr("No document to recover into.");
    QString error;
    if (!makePortable(deck, baseDir, &error))
        return error;
    const QString id = m_workspace->createDeck(deck, &error);
    if (id.isEmpty())
        return error;
    return openDeck(id);
}

QString WorkspaceSession::newDeckFromTemplate(const QString &templateName)
{
    if (templateName.isEmpty()) {
        DocumentController blank;
        blank.newDeck();
        Deck deck = blank.deck();
        return addAndOpen(deck, QStringLiteral(":/slidespec/brands"));
    }
    const QString file = QStringLiteral(":/slidespec/samples/%1.json").arg(templateName);
    SpecResult<Deck> result = SpecJson::readDeckFile(file);
    if (!result.ok())
        return result.errorString();
    Deck deck = std::move(*result.value);
    deck.id.clear();
    return addAndOpen(std::move(deck), QStringLiteral(":/slidespec/samples"));
}

QString WorkspaceSession::saveToWorkspace()
{
    if (!m_document)
        return tr("No document to recover into.");
    QString error;
    const QString id = currentDeckId();
    if (!id.isEmpty()) {
        if (!m_workspace->saveDeck(id, m_document->deck(), &error) || !m_document->save(&error))
            return error;
        return {};
    }
    const QString path = m_document->filePath();
    const QString baseDir = path.isEmpty() ? QString() : QFileInfo(path).absolutePath();
    return addAndOpen(m_document->deck(), baseDir);
}

bool WorkspaceSession::flushAutosave()
{
    return m_autosave && m_autosave->flush();
}

} // namespace slidespec
