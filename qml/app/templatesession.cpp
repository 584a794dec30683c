// SPDX-License-Identifier: GPL-3.0-or-later
#include "templatesession.h"

#include "workspacesession.h"

#include "document/commands.h"
#include "document/deckedit.h"
#include "export/renderservices.h"
#include "format/specjson.h"
#include "model/assetstore.h"
#include "render/sliderenderer.h"
#include "workspace/workspace.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QQuickTextureFactory>
#include <QRunnable>

#include <utility>

namespace slidespec {

namespace {

constexpr int kMaxNameLength = 80;

QString trSession(const char *text)
{
    return QCoreApplication::translate("slidespec::TemplateSession", text);
}

/*! One thumbnail request: rendered on the provider's pool, then finished. */
class TemplateThumbnailResponse : public QQuickImageResponse, public QRunnable
{
public:
    TemplateThumbnailResponse(std::shared_ptr<TemplateThumbnailProvider::Store> store, QString id, int width)
        : m_store(std::move(store))
        , m_id(std::move(id))
        , m_width(width)
    {
        setAutoDelete(false);
    }

    QQuickTextureFactory *textureFactory() const override
    {
        return QQuickTextureFactory::textureFactoryForImage(m_image);
    }

    void run() override
    {
        m_image = TemplateThumbnailProvider::render(*m_store, m_id, m_width);
        emit finished();
    }

private:
    std::shared_ptr<TemplateThumbnailProvider::Store> m_store;
    QString m_id;
    int m_width;
    QImage m_image;
};

} // namespace

QString openNewDeck(const Deck &deck, DocumentController *document, WorkspaceSession *workspace)
{
    if (!document)
        return trSession(QT_TRANSLATE_NOOP("slidespec::TemplateSession", "There is no editor window to open the new deck in."));
    if (workspace && workspace->workspace() && workspace->workspace()->isOpen()) {
        QString error;
        const QString id = workspace->workspace()->createDeck(deck, &error);
        if (id.isEmpty())
            return trSession(QT_TRANSLATE_NOOP("slidespec::TemplateSession", "Could not add the new deck to the workspace: %1"))
                    .arg(error);
        return workspace->openDeck(id);
    }
    document->setDeck(deck);
    return {};
}

// ---- TemplateFilterModel ---------------------------------------------------

TemplateFilterModel::TemplateFilterModel(QObject *parent)
    : QSortFilterProxyModel(parent)
{
    auto changed = [this] { emit countChanged(); };
    connect(this, &QAbstractItemModel::modelReset, this, changed);
    connect(this, &QAbstractItemModel::rowsInserted, this, changed);
    connect(this, &QAbstractItemModel::rowsRemoved, this, changed);
    connect(this, &QAbstractItemModel::layoutChanged, this, changed);
}

void TemplateFilterModel::setSearchText(const QString &text)
{
    if (m_searchText == text)
        return;
    m_searchText = text;
    invalidateFilter();
    emit searchTextChanged();
    emit countChanged();
}

void TemplateFilterModel::setKind(const QString &kind)
{
    if (m_kind == kind)
        return;
    m_kind = kind;
    invalidateFilter();
    emit kindChanged();
    emit countChanged();
}

QVariant TemplateFilterModel::get(int row, const QString &role) const
{
    const QHash<int, QByteArray> roles = roleNames();
    const int key = roles.key(role.toUtf8(), -1);
    if (key < 0 || row < 0 || row >= rowCount())
        return {};
    return data(index(row, 0), key);
}

bool TemplateFilterModel::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    const QModelIndex i = sourceModel()->index(sourceRow, 0, sourceParent);
    if (!m_kind.isEmpty() && i.data(TemplateListModel::KindRole).toString() != m_kind)
        return false;
    const QString needle = m_searchText.trimmed();
    if (needle.isEmpty())
        return true;
    return i.data(TemplateListModel::NameRole).toString().contains(needle, Qt::CaseInsensitive)
            || i.data(TemplateListModel::DescriptionRole).toString().contains(needle, Qt::CaseInsensitive)
            || i.data(TemplateListModel::IdRole).toString().contains(needle, Qt::CaseInsensitive);
}

// ---- TemplateThumbnailProvider ---------------------------------------------

TemplateThumbnailProvider::TemplateThumbnailProvider(std::shared_ptr<Store> store)
    : m_store(std::move(store))
{
    m_pool.setMaxThreadCount(2);
}

TemplateThumbnailProvider::~TemplateThumbnailProvider()
{
    m_pool.waitForDone();
}

QQuickImageResponse *TemplateThumbnailProvider::requestImageResponse(const QString &id, const QSize &requestedSize)
{
    const int width = requestedSize.width() > 0 ? requestedSize.width() : 320;
    auto *response = new TemplateThumbnailResponse(m_store, id, width);
    m_pool.start(response);
    return response;
}

QImage TemplateThumbnailProvider::render(const Store &store, const QString &id, int widthPx)
{
    const QString kind = id.section(u'/', 0, 0);
    const QString templateId = id.section(u'/', 1, 1);
    Deck deck;
    QString baseDir;
    {
        QMutexLocker lock(&store.mutex);
        if (kind == QLatin1String("slide")) {
            const auto it = store.slides.constFind(templateId);
            if (it == store.slides.constEnd())
                return {};
            deck = store.preview;
            deck.slides = {*it};
        } else {
            const QString file = store.deckFiles.value(templateId);
            if (file.isEmpty())
                return {};
            baseDir = QFileInfo(file).absolutePath();
            lock.unlock();
            SpecResult<Deck> read = SpecJson::readDeckFile(file);
            if (!read.ok() || read.value->slides.isEmpty())
                return {};
            deck = std::move(*read.value);
        }
    }
    const std::shared_ptr<RenderServices> services = RenderServices::create(baseDir);
    const SlideRenderer renderer(services->components, services->text, services->assets);
    return renderer.renderSlide(deck, 0, widthPx);
}

// ---- TemplateSession ---------------------------------------------------------

TemplateSession::TemplateSession(QObject *parent)
    : QObject(parent)
    , m_library(std::make_unique<TemplateLibrary>(QString(), QStringLiteral(":/slidespec/templates"),
                                                  QStringLiteral(":/slidespec/samples")))
    , m_store(std::make_shared<TemplateThumbnailProvider::Store>())
{
    m_model = new TemplateListModel(m_library.get(), this);
    m_filter = new TemplateFilterModel(this);
    m_filter->setSourceModel(m_model);
    updatePreviewKit();
    refresh();
}

TemplateSession::~TemplateSession() = default;

void TemplateSession::classBegin()
{
    installProvider();
}

void TemplateSession::installProvider()
{
    if (QQmlEngine *engine = qmlEngine(this)) {
        engine->removeImageProvider(QLatin1String(TemplateThumbnailProvider::kName));
        engine->addImageProvider(QLatin1String(TemplateThumbnailProvider::kName),
                                 new TemplateThumbnailProvider(m_store));
    }
}

void TemplateSession::setDocument(DocumentController *document)
{
    if (m_document == document)
        return;
    if (m_document)
        disconnect(m_document, nullptr, this, nullptr);
    m_document = document;
    if (m_document) {
        connect(m_document, &DocumentController::brandChanged, this, &TemplateSession::updatePreviewKit);
        connect(m_document, &DocumentController::deckReset, this, &TemplateSession::updatePreviewKit);
    }
    updatePreviewKit();
    emit documentChanged();
}

void TemplateSession::setWorkspace(WorkspaceSession *workspace)
{
    if (m_workspace == workspace)
        return;
    m_workspace = workspace;
    emit workspaceChanged();
}

void TemplateSession::setFolder(const QString &folder)
{
    if (m_folder == folder)
        return;
    m_folder = folder;
    auto library = std::make_unique<TemplateLibrary>(folder, QStringLiteral(":/slidespec/templates"),
                                                     QStringLiteral(":/slidespec/samples"));
    auto *model = new TemplateListModel(library.get(), this);
    m_filter->setSourceModel(model);
    // The old model lives until the event loop deletes it: so does its library.
    m_retired.push_back(std::exchange(m_library, std::move(library)));
    m_model->deleteLater();
    m_model = model;
    emit folderChanged();
    refresh();
}

void TemplateSession::updatePreviewKit()
{
    Deck preview;
    if (m_document) {
        preview.size = m_document->deck().size;
        preview.brand = m_document->deck().brand;
        preview.assets = m_document->deck().assets;
    } else {
        const SpecResult<BrandKit> kit = SpecJson::readBrandKitFile(QStringLiteral(":/slidespec/brands/northwind.json"));
        if (kit.ok())
            preview.brand = *kit.value;
    }
    {
        QMutexLocker lock(&m_store->mutex);
        m_store->preview = preview;
    }
    ++m_revision;
    emit revisionChanged();
}

void TemplateSession::refresh()
{
    {
        QMutexLocker lock(&m_store->mutex);
        m_store->slides.clear();
        m_store->deckFiles.clear();
        for (const SlideTemplate &t : m_library->slideTemplates())
            m_store->slides.insert(t.id, t.slide);
        for (const DeckTemplate &t : m_library->deckTemplates())
            m_store->deckFiles.insert(t.id, t.fileName);
    }
    m_model->refresh();
    ++m_revision;
    emit templatesChanged();
    emit revisionChanged();
}

QString TemplateSession::fail(const QString &message)
{
    m_lastError = message;
    emit lastErrorChanged();
    return message;
}

QString TemplateSession::succeed()
{
    if (!m_lastError.isEmpty()) {
        m_lastError.clear();
        emit lastErrorChanged();
    }
    return {};
}

QString TemplateSession::baseDir() const
{
    if (!m_document || m_document->filePath().isEmpty())
        return {};
    return QFileInfo(m_document->filePath()).absolutePath();
}

QString TemplateSession::validateName(const QString &name, const QString &kind) const
{
    const QString trimmed = name.trimmed();
    if (trimmed.isEmpty())
        return tr("Give the template a name.");
    if (trimmed.size() > kMaxNameLength)
        return tr("The name is too long: at most %1 characters.").arg(kMaxNameLength);
    if (kind == QLatin1String("deck")) {
        for (const DeckTemplate &t : m_library->deckTemplates()) {
            if (t.name.compare(trimmed, Qt::CaseInsensitive) == 0)
                return tr("There is already a deck template named \"%1\".").arg(t.name);
        }
    } else {
        for (const SlideTemplate &t : m_library->slideTemplates()) {
            if (t.name.compare(trimmed, Qt::CaseInsensitive) == 0)
                return tr("There is already a slide template named \"%1\".").arg(t.name);
        }
    }
    return {};
}

QString TemplateSession::newDeck(const QString &id, const QString &kind)
{
    QString error;
    Deck deck;
    if (kind == QLatin1String("deck")) {
        std::optional<Deck> made = m_library->newDeckFromTemplate(id, QStringLiteral("untitled"), &error);
        if (!made)
            return fail(tr("Could not make a deck from the template: %1").arg(error));
        deck = std::move(*made);
        deck.id.clear(); // the workspace names it after its title
    } else {
        const SlideTemplate *t = m_library->findSlideTemplate(id);
        if (!t)
            return fail(tr("There is no slide template \"%1\".").arg(id));
        // The open deck's size and kit (with the assets its logos use).
        if (m_document) {
            const Deck &open = m_document->deck();
            deck.size = open.size;
            deck.brand = open.brand;
            for (const Logo &logo : deck.brand.logos) {
                if (!logo.src.startsWith(QLatin1String("asset:")))
                    continue;
                const AssetData data = m_document->assets().load(open, logo.src);
                if (!data.ok())
                    continue;
                Asset asset;
                asset.mime = data.mime;
                asset.data = QStringLiteral("data:%1;base64,%2")
                                     .arg(data.mime, QString::fromLatin1(data.bytes.toBase64()));
                deck.assets[logo.src.mid(6)] = asset;
            }
        } else {
            const SpecResult<BrandKit> kit =
                    SpecJson::readBrandKitFile(QStringLiteral(":/slidespec/brands/northwind.json"));
            if (kit.ok())
                deck.brand = *kit.value;
        }
        deck.title = t->name;
        std::optional<Slide> slide = m_library->instantiate(id, deck, &error);
        if (!slide)
            return fail(tr("Could not make a deck from the template: %1").arg(error));
        deck.slides.append(*slide);
    }
    if (deck.id.isEmpty() && !(m_workspace && m_workspace->workspace() && m_workspace->workspace()->isOpen())) {
        const QString slug = slugify(deck.title);
        deck.id = slug.isEmpty() ? QStringLiteral("untitled") : slug;
    }
    if (const QString why = openNewDeck(deck, m_document, m_workspace); !why.isEmpty())
        return fail(why);
    return succeed();
}

QString TemplateSession::insertSlide(const QString &id)
{
    if (!m_document)
        return fail(tr("There is no open deck to insert the slide into."));
    QString error;
    std::optional<Slide> slide = m_library->instantiate(id, m_document->deck(), &error);
    if (!slide)
        return fail(tr("Could not insert the slide: %1").arg(error));
    const int index = m_document->currentSlide() + 1;
    // One undo step, like every other edit of the deck.
    m_document->undoStack()->push(
            new InsertSlideCommand(m_document, index, *slide, tr("Insert slide from template")));
    m_document->setCurrentSlide(index);
    return succeed();
}

QString TemplateSession::saveSlideAsTemplate(const QString &name, const QString &description)
{
    if (!m_document || !m_document->currentSlideData())
        return fail(tr("There is no slide to save: open a deck and choose a slide."));
    if (const QString why = validateName(name, QStringLiteral("slide")); !why.isEmpty())
        return fail(why);
    QString error;
    const QString id = m_library->saveSlideAsTemplate(*m_document->currentSlideData(), name, description, &error,
                                                      &m_document->deck(), baseDir());
    if (id.isEmpty())
        return fail(tr("Could not save the slide as a template: %1").arg(error));
    m_lastSavedId = id;
    refresh();
    return succeed();
}

QString TemplateSession::saveDeckAsTemplate(const QString &name)
{
    if (!m_document || m_document->slideCount() == 0)
        return fail(tr("There is no deck to save: open a deck with at least one slide."));
    if (const QString why = validateName(name, QStringLiteral("deck")); !why.isEmpty())
        return fail(why);
    QString error;
    const QString id = m_library->saveDeckAsTemplate(m_document->deck(), name, &error, baseDir());
    if (id.isEmpty())
        return fail(tr("Could not save the deck as a template: %1").arg(error));
    m_lastSavedId = id;
    refresh();
    return succeed();
}

QString TemplateSession::remove(const QString &id)
{
    QString error;
    if (!m_library->remove(id, &error))
        return fail(tr("Could not delete the template: %1").arg(error));
    refresh();
    return succeed();
}

} // namespace slidespec
