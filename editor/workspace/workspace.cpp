// SPDX-License-Identifier: GPL-3.0-or-later
#include "workspace/workspace.h"

#include "export/renderservices.h"
#include "document/deckedit.h"
#include "format/specjson.h"
#include "render/sliderenderer.h"
#include "workspace/durablefile.h"

#include <QBuffer>
#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QLoggingCategory>
#include <QRegularExpression>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QUuid>

#include <functional>

Q_LOGGING_CATEGORY(lcWorkspace, "slidespec.workspace")

namespace slidespec {

namespace {

QString sqlError(const QSqlQuery &query)
{
    return query.lastError().text();
}

bool exec(QSqlDatabase &db, const QString &sql, QString *error)
{
    QSqlQuery query(db);
    if (!query.exec(sql)) {
        if (error)
            *error = QStringLiteral("Workspace database: %1 (in: %2)").arg(sqlError(query), sql);
        return false;
    }
    return true;
}

/*! One schema step: the statements that take version N-1 to N. */
using Migration = std::function<bool(QSqlDatabase &db, QString *error)>;

bool hasFts5(QSqlDatabase &db)
{
    QSqlQuery query(db);
    if (!query.exec(QStringLiteral("CREATE VIRTUAL TABLE temp.fts5_probe USING fts5(x)")))
        return false;
    query.exec(QStringLiteral("DROP TABLE temp.fts5_probe"));
    return true;
}

const QVector<Migration> &migrations()
{
    static const QVector<Migration> steps = {
        // 1: the deck index.
        [](QSqlDatabase &db, QString *error) {
            return exec(db, QStringLiteral(
                            "CREATE TABLE decks ("
                            " id TEXT PRIMARY KEY NOT NULL,"
                            " title TEXT NOT NULL,"
                            " file_path TEXT NOT NULL,"
                            " created INTEGER NOT NULL,"
                            " modified INTEGER NOT NULL,"
                            " last_opened INTEGER,"
                            " slide_count INTEGER NOT NULL DEFAULT 0,"
                            " thumbnail BLOB,"
                            " search_text TEXT NOT NULL DEFAULT '')"), error)
                && exec(db, QStringLiteral("CREATE INDEX decks_by_modified ON decks(modified)"), error)
                && exec(db, QStringLiteral("CREATE INDEX decks_by_last_opened ON decks(last_opened)"), error);
        },
        // 2: full-text search, when this SQLite has FTS5 (else search uses LIKE).
        [](QSqlDatabase &db, QString *error) {
            if (!hasFts5(db)) {
                qCInfo(lcWorkspace) << "SQLite has no FTS5: search falls back to LIKE";
                return true;
            }
            return exec(db, QStringLiteral("CREATE VIRTUAL TABLE deck_fts USING fts5("
                                           "id UNINDEXED, title, body, tokenize = 'unicode61')"), error)
                && exec(db, QStringLiteral("INSERT INTO deck_fts(id, title, body) "
                                           "SELECT id, title, search_text FROM decks"), error);
        },
    };
    return steps;
}

QDateTime fromMs(const QVariant &value)
{
    return value.isNull() ? QDateTime() : QDateTime::fromMSecsSinceEpoch(value.toLongLong());
}

void collectText(const Element &element, QStringList &out)
{
    if (element.text && !element.text->isEmpty())
        out.append(element.text->plainText());
    for (const auto &[name, value] : element.params) {
        Q_UNUSED(name);
        if (!value.isEmpty())
            out.append(value);
    }
    for (const Element &child : element.children)
        collectText(child, out);
}

QString extensionFor(const QString &mime)
{
    if (mime == QLatin1String("image/png"))
        return QStringLiteral("png");
    if (mime == QLatin1String("image/jpeg"))
        return QStringLiteral("jpg");
    if (mime == QLatin1String("image/gif"))
        return QStringLiteral("gif");
    if (mime == QLatin1String("image/webp"))
        return QStringLiteral("webp");
    if (mime == QLatin1String("image/svg+xml"))
        return QStringLiteral("svg");
    return {};
}

} // namespace

Workspace::Workspace(const QString &rootPath, QObject *parent)
    : QObject(parent)
    , m_root(rootPath)
    , m_connection(QStringLiteral("slidespec-workspace-") + QUuid::createUuid().toString(QUuid::WithoutBraces))
{
    if (m_root.isEmpty())
        m_root = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) + QStringLiteral("/workspace");
    m_root = QDir::cleanPath(QDir(m_root).absolutePath());
}

Workspace::~Workspace()
{
    if (QSqlDatabase::contains(m_connection)) {
        QSqlDatabase::database(m_connection, false).close();
        QSqlDatabase::removeDatabase(m_connection);
    }
}

QString Workspace::databasePath() const
{
    return m_root + QStringLiteral("/workspace.sqlite");
}

QString Workspace::assetsPath() const
{
    return m_root + QStringLiteral("/assets");
}

QString Workspace::recoveryPath() const
{
    return m_root + QStringLiteral("/recovery");
}

int Workspace::latestSchemaVersion()
{
    return int(migrations().size());
}

bool Workspace::open(QString *error)
{
    if (m_open)
        return true;
    if (!QDir().mkpath(m_root) || !QDir().mkpath(assetsPath()) || !QDir().mkpath(recoveryPath())) {
        if (error)
            *error = tr("Cannot create the workspace folder %1: check its permissions.").arg(m_root);
        return false;
    }
    if (!QSqlDatabase::isDriverAvailable(QStringLiteral("QSQLITE"))) {
        if (error)
            *error = tr("The Qt SQLite driver is not installed (package libqt6sql6-sqlite).");
        return false;
    }
    QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_connection);
    db.setDatabaseName(databasePath());
    if (!db.open()) {
        if (error)
            *error = tr("Cannot open the workspace database %1: %2").arg(databasePath(), db.lastError().text());
        return false;
    }
    if (!exec(db, QStringLiteral("PRAGMA journal_mode=WAL"), error)
        || !exec(db, QStringLiteral("PRAGMA foreign_keys=ON"), error) || !migrate(error)) {
        db.close();
        return false;
    }
    QSqlQuery fts(db);
    m_fts = fts.exec(QStringLiteral("SELECT 1 FROM sqlite_master WHERE name = 'deck_fts'")) && fts.next();
    m_open = true;
    return true;
}

int Workspace::schemaVersion() const
{
    if (!QSqlDatabase::contains(m_connection))
        return 0;
    QSqlQuery query(QSqlDatabase::database(m_connection));
    if (query.exec(QStringLiteral("SELECT MAX(version) FROM schema_version")) && query.next())
        return query.value(0).toInt();
    return 0;
}

bool Workspace::migrate(QString *error)
{
    QSqlDatabase db = QSqlDatabase::database(m_connection);
    if (!exec(db, QStringLiteral("CREATE TABLE IF NOT EXISTS schema_version ("
                                 " version INTEGER PRIMARY KEY NOT NULL,"
                                 " applied INTEGER NOT NULL)"), error))
        return false;
    const int current = schemaVersion();
    const QVector<Migration> &steps = migrations();
    if (current > steps.size()) {
        if (error)
            *error = tr("The workspace database %1 is at schema version %2, newer than this Slidespec (%3): "
                        "update Slidespec.").arg(databasePath()).arg(current).arg(steps.size());
        return false;
    }
    for (int version = current + 1; version <= steps.size(); ++version) {
        if (!db.transaction()) {
            if (error)
                *error = tr("Workspace database: %1").arg(db.lastError().text());
            return false;
        }
        QSqlQuery mark(db);
        mark.prepare(QStringLiteral("INSERT INTO schema_version(version, applied) VALUES (?, ?)"));
        mark.addBindValue(version);
        mark.addBindValue(QDateTime::currentMSecsSinceEpoch());
        if (!steps[version - 1](db, error) || !mark.exec()) {
            if (error && error->isEmpty())
                *error = sqlError(mark);
            db.rollback();
            if (error)
                *error = tr("Migrating the workspace database to version %1 failed: %2").arg(version).arg(*error);
            return false;
        }
        if (!db.commit()) {
            if (error)
                *error = tr("Workspace database: %1").arg(db.lastError().text());
            return false;
        }
        qCInfo(lcWorkspace) << "workspace schema migrated to version" << version;
    }
    return true;
}

// ---- decks --------------------------------------------------------------

QString Workspace::deckFilePath(const QString &id) const
{
    return m_root + u'/' + id + QStringLiteral(".json");
}

QString Workspace::uniqueId(const QString &wanted) const
{
    const QString base = wanted.isEmpty() ? QStringLiteral("deck") : wanted;
    QString id = base;
    for (int n = 2; record(id) || QFileInfo::exists(deckFilePath(id)); ++n)
        id = base + u'-' + QString::number(n);
    return id;
}

QString Workspace::deckText(const Deck &deck)
{
    QStringList lines;
    for (const Slide &slide : deck.slides) {
        for (const Element &element : slide.elements)
            collectText(element, lines);
    }
    return lines.join(u'\n');
}

QByteArray Workspace::renderThumbnail(const Deck &deck, const QString &baseDir, int widthPx)
{
    if (deck.slides.isEmpty())
        return {};
    RenderServices services(baseDir);
    const SlideRenderer renderer(services.components, services.text, services.assets);
    const QImage image = renderer.renderSlide(deck, 0, widthPx);
    QByteArray png;
    QBuffer buffer(&png);
    buffer.open(QIODevice::WriteOnly);
    image.save(&buffer, "PNG");
    return png;
}

bool Workspace::writeIndex(const QString &id, const Deck &deck, bool create, QString *error)
{
    QSqlDatabase db = QSqlDatabase::database(m_connection);
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    const QString text = deckText(deck);
    if (!db.transaction()) {
        if (error)
            *error = db.lastError().text();
        return false;
    }
    QSqlQuery query(db);
    if (create) {
        query.prepare(QStringLiteral("INSERT INTO decks(id, title, file_path, created, modified, slide_count, "
                                     "thumbnail, search_text) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"));
        query.addBindValue(id);
        query.addBindValue(deck.title);
        query.addBindValue(deckFilePath(id));
        query.addBindValue(now);
        query.addBindValue(now);
    } else {
        query.prepare(QStringLiteral("UPDATE decks SET title = ?, modified = ?, slide_count = ?, thumbnail = ?, "
                                     "search_text = ? WHERE id = ?"));
        query.addBindValue(deck.title);
        query.addBindValue(now);
    }
    query.addBindValue(int(deck.slides.size()));
    query.addBindValue(renderThumbnail(deck, m_root));
    query.addBindValue(QString(deck.title + u'\n' + text).toCaseFolded());
    if (!create)
        query.addBindValue(id);
    bool ok = query.exec();
    QString failure = ok ? QString() : sqlError(query);
    if (ok && m_fts) {
        QSqlQuery remove(db);
        remove.prepare(QStringLiteral("DELETE FROM deck_fts WHERE id = ?"));
        remove.addBindValue(id);
        QSqlQuery insert(db);
        insert.prepare(QStringLiteral("INSERT INTO deck_fts(id, title, body) VALUES (?, ?, ?)"));
        insert.addBindValue(id);
        insert.addBindValue(deck.title);
        insert.addBindValue(text);
        ok = remove.exec() && insert.exec();
        if (!ok)
            failure = remove.lastError().isValid() ? sqlError(remove) : sqlError(insert);
    }
    if (!ok || !db.commit()) {
        if (error)
            *error = tr("Workspace database: %1").arg(ok ? db.lastError().text() : failure);
        db.rollback();
        return false;
    }
    return true;
}

QString Workspace::createDeck(const Deck &deck, QString *error)
{
    if (!m_open) {
        if (error)
            *error = tr("The workspace is not open.");
        return {};
    }
    const QString id = uniqueId(slugify(deck.id.isEmpty() ? deck.title : deck.id, 48));
    Deck stored = deck;
    if (stored.id.isEmpty())
        stored.id = id; // the format requires one
    if (!SpecJson::writeFileAtomically(deckFilePath(id), SpecJson::writeDeck(stored), error))
        return {};
    if (!writeIndex(id, stored, true, error)) {
        QFile::remove(deckFilePath(id));
        return {};
    }
    emit decksChanged();
    return id;
}

bool Workspace::saveDeck(const QString &id, const Deck &deck, QString *error)
{
    if (!record(id)) {
        if (error)
            *error = tr("There is no deck '%1' in the workspace.").arg(id);
        return false;
    }
    if (!SpecJson::writeFileAtomically(deckFilePath(id), SpecJson::writeDeck(deck), error)
        || !writeIndex(id, deck, false, error))
        return false;
    QFile::remove(journalPath(id)); // saved cleanly: nothing left to recover
    emit decksChanged();
    return true;
}

std::optional<Deck> Workspace::loadDeck(const QString &id, QString *error)
{
    if (!record(id)) {
        if (error)
            *error = tr("There is no deck '%1' in the workspace.").arg(id);
        return std::nullopt;
    }
    SpecResult<Deck> result = SpecJson::readDeckFile(deckFilePath(id));
    if (!result.ok()) {
        if (error)
            *error = result.errorString();
        return std::nullopt;
    }
    markOpened(id);
    return std::move(result.value);
}

bool Workspace::markOpened(const QString &id)
{
    QSqlQuery query(QSqlDatabase::database(m_connection));
    query.prepare(QStringLiteral("UPDATE decks SET last_opened = ? WHERE id = ?"));
    query.addBindValue(QDateTime::currentMSecsSinceEpoch());
    query.addBindValue(id);
    if (!query.exec() || query.numRowsAffected() != 1)
        return false;
    emit decksChanged();
    return true;
}

bool Workspace::removeDeck(const QString &id, QString *error)
{
    if (!record(id)) {
        if (error)
            *error = tr("There is no deck '%1' in the workspace.").arg(id);
        return false;
    }
    QSqlDatabase db = QSqlDatabase::database(m_connection);
    QSqlQuery query(db);
    query.prepare(QStringLiteral("DELETE FROM decks WHERE id = ?"));
    query.addBindValue(id);
    bool ok = query.exec();
    QString failure = ok ? QString() : sqlError(query);
    if (ok && m_fts) {
        QSqlQuery fts(db);
        fts.prepare(QStringLiteral("DELETE FROM deck_fts WHERE id = ?"));
        fts.addBindValue(id);
        ok = fts.exec();
        if (!ok)
            failure = sqlError(fts);
    }
    if (!ok) {
        if (error)
            *error = tr("Workspace database: %1").arg(failure);
        return false;
    }
    QFile::remove(deckFilePath(id));
    QFile::remove(journalPath(id));
    emit decksChanged();
    return true;
}

QVector<DeckRecord> Workspace::query(const QString &sql, const QVariantList &values) const
{
    QVector<DeckRecord> out;
    if (!QSqlDatabase::contains(m_connection))
        return out;
    QSqlQuery query(QSqlDatabase::database(m_connection));
    query.prepare(QStringLiteral("SELECT id, title, file_path, created, modified, last_opened, thumbnail, "
                                 "slide_count FROM decks ") + sql);
    for (const QVariant &value : values)
        query.addBindValue(value);
    if (!query.exec()) {
        qCWarning(lcWorkspace) << "workspace query failed:" << sqlError(query);
        return out;
    }
    while (query.next()) {
        DeckRecord r;
        r.id = query.value(0).toString();
        r.title = query.value(1).toString();
        r.filePath = query.value(2).toString();
        r.created = fromMs(query.value(3));
        r.modified = fromMs(query.value(4));
        r.lastOpened = fromMs(query.value(5));
        r.thumbnailPng = query.value(6).toByteArray();
        r.slideCount = query.value(7).toInt();
        out.append(r);
    }
    return out;
}

std::optional<DeckRecord> Workspace::record(const QString &id) const
{
    const QVector<DeckRecord> found = query(QStringLiteral("WHERE id = ?"), {id});
    if (found.isEmpty())
        return std::nullopt;
    return found.first();
}

QVector<DeckRecord> Workspace::decks() const
{
    return query(QStringLiteral("ORDER BY modified DESC, rowid DESC"), {});
}

QVector<DeckRecord> Workspace::recent(int limit) const
{
    return query(QStringLiteral("WHERE last_opened IS NOT NULL ORDER BY last_opened DESC, rowid DESC LIMIT ?"),
                 {limit});
}

QVector<DeckRecord> Workspace::search(const QString &text) const
{
    static const QRegularExpression separators(QStringLiteral("[^\\w]+"),
                                               QRegularExpression::UseUnicodePropertiesOption);
    const QStringList words = text.split(separators, Qt::SkipEmptyParts);
    if (words.isEmpty())
        return decks();
    if (m_fts) {
        QStringList terms;
        for (const QString &word : words)
            terms.append(u'"' + QString(word).replace(u'"', QStringLiteral("\"\"")) + QStringLiteral("\"*"));
        return query(QStringLiteral("WHERE id IN (SELECT id FROM deck_fts WHERE deck_fts MATCH ?) "
                                    "ORDER BY modified DESC, rowid DESC"),
                     {terms.join(u' ')});
    }
    QStringList clauses;
    QVariantList values;
    for (const QString &word : words) {
        QString folded = word.toCaseFolded();
        folded.replace(u'\\', QStringLiteral("\\\\")).replace(u'%', QStringLiteral("\\%")).replace(u'_', QStringLiteral("\\_"));
        clauses.append(QStringLiteral("search_text LIKE ? ESCAPE '\\'"));
        values.append(QString(u'%' + folded + u'%'));
    }
    return query(QStringLiteral("WHERE ") + clauses.join(QStringLiteral(" AND "))
                     + QStringLiteral(" ORDER BY modified DESC, rowid DESC"),
                 values);
}

// ---- assets -------------------------------------------------------------

QString Workspace::importAssetData(const QByteArray &bytes, QString *error)
{
    const QString mime = AssetStore::sniffMime(bytes);
    const QString extension = extensionFor(mime);
    if (extension.isEmpty()) {
        if (error)
            *error = tr("Not an image Slidespec can use: use PNG, JPEG, GIF, WebP or SVG.");
        return {};
    }
    if (bytes.size() > AssetStore::kMaxImageBytes) {
        if (error)
            *error = tr("The image is larger than %1 MiB: use a smaller one.").arg(AssetStore::kMaxImageBytes >> 20);
        return {};
    }
    const QString hash = QString::fromLatin1(QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex());
    const QString relative = QStringLiteral("assets/") + hash + u'.' + extension;
    const QString absolute = m_root + u'/' + relative;
    QFileInfo existing(absolute);
    if (existing.exists() && existing.size() == bytes.size())
        return relative; // stored already: content addressed
    if (!SpecJson::writeFileAtomically(absolute, bytes, error))
        return {};
    return relative;
}

QString Workspace::importAssetFile(const QString &fileName, QString *error)
{
    QFile file(fileName);
    if (file.size() > AssetStore::kMaxImageBytes) {
        if (error)
            *error = tr("%1 is larger than %2 MiB: use a smaller image.").arg(fileName).arg(AssetStore::kMaxImageBytes >> 20);
        return {};
    }
    if (!file.open(QIODevice::ReadOnly)) {
        if (error)
            *error = tr("Cannot read %1: %2").arg(fileName, file.errorString());
        return {};
    }
    return importAssetData(file.readAll(), error);
}

QString Workspace::addImageToDeck(Deck &deck, const QString &fileName, QString *error)
{
    const QString relative = importAssetFile(fileName, error);
    if (relative.isEmpty())
        return {};
    const QString hash = QFileInfo(relative).completeBaseName();
    for (const auto &[id, asset] : deck.assets) {
        if (asset.path == relative)
            return QStringLiteral("asset:") + id;
    }
    const QString id = QStringLiteral("img-") + hash.left(12);
    Asset asset;
    asset.path = relative;
    QFile stored(m_root + u'/' + relative);
    if (stored.open(QIODevice::ReadOnly))
        asset.mime = AssetStore::sniffMime(stored.read(64));
    deck.assets[id] = asset;
    return QStringLiteral("asset:") + id;
}

// ---- crash recovery -----------------------------------------------------

QString Workspace::journalPath(const QString &id) const
{
    return recoveryPath() + u'/' + id + QStringLiteral(".json");
}

QVector<RecoverableSession> Workspace::recoverableSessions() const
{
    QVector<RecoverableSession> out;
    const QDir dir(recoveryPath());
    const QFileInfoList entries = dir.entryInfoList(QDir::Files | QDir::Hidden, QDir::Name);
    for (const QFileInfo &entry : entries) {
        if (DurableFile::isTemporary(entry.fileName())) {
            qCWarning(lcWorkspace).noquote() << "ignoring" << entry.absoluteFilePath()
                                             << "- an autosave that never completed (the app stopped while writing)";
            continue;
        }
        if (entry.suffix() != QLatin1String("json"))
            continue;
        const QString id = entry.completeBaseName();
        RecoverableSession session;
        session.deckId = id;
        session.journalPath = entry.absoluteFilePath();
        session.deckPath = deckFilePath(id);
        session.journalTime = entry.lastModified();
        const QFileInfo deckFile(session.deckPath);
        if (deckFile.exists() && deckFile.lastModified() > session.journalTime) {
            qCInfo(lcWorkspace).noquote() << "ignoring" << session.journalPath << "- older than" << session.deckPath;
            continue;
        }
        QString error;
        const std::optional<Deck> deck = recover(id, &error);
        if (!deck) {
            qCWarning(lcWorkspace).noquote() << "ignoring unreadable autosave" << session.journalPath << "-" << error;
            continue;
        }
        session.title = deck->title;
        out.append(session);
    }
    return out;
}

std::optional<Deck> Workspace::recover(const QString &id, QString *error) const
{
    QFile file(journalPath(id));
    if (!file.open(QIODevice::ReadOnly)) {
        if (error)
            *error = tr("Cannot read the autosave %1: %2").arg(file.fileName(), file.errorString());
        return std::nullopt;
    }
    SpecResult<Deck> result = SpecJson::readDeck(file.readAll(), file.fileName(), m_root);
    if (!result.ok()) {
        if (error)
            *error = result.errorString();
        return std::nullopt;
    }
    return std::move(result.value);
}

bool Workspace::restore(const QString &id, QString *error)
{
    const std::optional<Deck> deck = recover(id, error);
    if (!deck)
        return false;
    const bool known = record(id).has_value();
    if (!SpecJson::writeFileAtomically(deckFilePath(id), SpecJson::writeDeck(*deck), error)
        || !writeIndex(id, *deck, !known, error))
        return false;
    discardRecovery(id);
    emit decksChanged();
    return true;
}

void Workspace::discardRecovery(const QString &id)
{
    QFile::remove(journalPath(id));
}

} // namespace slidespec
