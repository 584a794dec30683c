// SPDX-License-Identifier: GPL-3.0-or-later
#include "templates/templatelibrary.h"

#include "document/deckedit.h"
#include "format/specjson.h"
#include "model/assetstore.h"

#include <nlohmann/json.hpp>

#include <QDir>
#include <QFile>
#include <QFileInfo>

#include <algorithm>

namespace slidespec {

using nlohmann::json;

namespace {

void setError(QString *error, const QString &message)
{
    if (error)
        *error = message;
}

// Template-local ids: the element's role, else its kind (title, body, shape-2).
void localizeIds(Element &element, IdAllocator &ids)
{
    element.id = ids.allocate(element.role.isEmpty() ? elementKindName(element.kind) : element.role);
    for (Element &child : element.children)
        localizeIds(child, ids);
}

void assignElementIds(Element &element, IdAllocator &ids, const QString &prefix)
{
    element.id = ids.allocate(prefix + element.id);
    for (Element &child : element.children)
        assignElementIds(child, ids, prefix);
}

// Replaces an `asset:ID` reference by a data URI of its bytes; false with
// \a error when it cannot be read.
bool embedAsset(QString &src, const Deck *deck, const AssetStore &assets, QString *error)
{
    if (!src.startsWith(QLatin1String("asset:")))
        return true;
    if (!deck) {
        setError(error, TemplateLibrary::tr("The slide uses the image \"%1\", which belongs to its deck; "
                                       "save it from the deck so the image can be embedded.").arg(src));
        return false;
    }
    const AssetData data = assets.load(*deck, src);
    if (!data.ok()) {
        setError(error, TemplateLibrary::tr("Cannot embed the image \"%1\": %2").arg(src, data.error));
        return false;
    }
    src = QStringLiteral("data:%1;base64,%2").arg(data.mime, QString::fromLatin1(data.bytes.toBase64()));
    return true;
}

bool embedAssets(QVector<Element> &elements, const Deck *deck, const AssetStore &assets, QString *error)
{
    for (Element &e : elements) {
        if (!embedAsset(e.src, deck, assets, error) || !embedAssets(e.children, deck, assets, error))
            return false;
    }
    return true;
}

// Replaces the file assets of \a deck (relative to \a baseDir) by data URIs.
bool embedFileAssets(Deck &deck, const QString &baseDir, QString *error)
{
    const Deck original = deck;
    const AssetStore assets(baseDir);
    for (auto &[assetId, asset] : deck.assets) {
        if (!asset.data.isEmpty() || asset.path.isEmpty())
            continue;
        const AssetData data = assets.load(original, QStringLiteral("asset:") + assetId);
        if (!data.ok()) {
            setError(error, TemplateLibrary::tr("Cannot embed asset \"%1\" (%2) in the template: %3")
                                .arg(assetId, asset.path, data.error));
            return false;
        }
        asset.data = QStringLiteral("data:%1;base64,%2").arg(data.mime, QString::fromLatin1(data.bytes.toBase64()));
        asset.mime = data.mime;
        asset.path.clear();
    }
    return true;
}

QString qs(const std::string &s)
{
    return QString::fromStdString(s);
}

} // namespace

TemplateLibrary::TemplateLibrary(QString userFolder, QString bundledFolder, QString bundledDecksFolder)
    : m_userFolder(std::move(userFolder))
    , m_bundledFolder(std::move(bundledFolder))
    , m_bundledDecksFolder(std::move(bundledDecksFolder))
{
    reload();
}

QString TemplateLibrary::deckTemplatesPath() const
{
    return QDir(m_userFolder).filePath(QStringLiteral("decks"));
}

std::optional<SlideTemplate> TemplateLibrary::readTemplateFile(const QString &fileName, QString *error)
{
    const QString shown = QDir::toNativeSeparators(fileName);
    QFile file(fileName);
    if (!file.open(QIODevice::ReadOnly)) {
        setError(error, tr("%1: cannot open the template: %2").arg(shown, file.errorString()));
        return std::nullopt;
    }
    QVector<SpecError> errors;
    const std::optional<json> doc = SpecJson::parse(file.readAll(), shown, SpecLimits{}, errors);
    SlideTemplate tpl;
    tpl.fileName = fileName;
    if (doc) {
        try {
            if (!doc->is_object())
                throw std::runtime_error("expected a JSON object");
            if (doc->value("format", std::string()) != "slidespec-template")
                throw std::runtime_error("\"format\" must be \"slidespec-template\"");
            if (!doc->contains("version") || !(*doc)["version"].is_number_integer()
                || (*doc)["version"].get<int>() < 1)
                throw std::runtime_error("\"version\" must be an integer >= 1");
            if ((*doc)["version"].get<int>() > kFormatVersion)
                throw std::runtime_error("the template is from a newer version of Slidespec");
            if (!doc->contains("id") || !(*doc)["id"].is_string() || (*doc)["id"].get<std::string>().empty())
                throw std::runtime_error("\"id\" must be a non-empty string");
            if (!doc->contains("name") || !(*doc)["name"].is_string())
                throw std::runtime_error("\"name\" must be a string");
            if (doc->contains("description") && !(*doc)["description"].is_string())
                throw std::runtime_error("\"description\" must be a string");
            if (!doc->contains("slide"))
                throw std::runtime_error("expected a \"slide\" member");
            tpl.id = qs((*doc)["id"].get<std::string>());
            tpl.name = qs((*doc)["name"].get<std::string>());
            tpl.description = qs(doc->value("description", std::string()));
            std::optional<Slide> slide =
                SpecJson::slideFromJson((*doc)["slide"], QStringLiteral("$.slide"), shown, errors);
            if (slide)
                tpl.slide = *slide;
            else if (errors.isEmpty())
                errors.append(SpecError{shown, 0, 0, QStringLiteral("$.slide"), QStringLiteral("not a slide")});
        } catch (const std::exception &ex) {
            errors.append(SpecError{shown, 0, 0, QStringLiteral("$"), QString::fromUtf8(ex.what())});
        }
    }
    if (!doc || !errors.isEmpty()) {
        QStringList lines;
        for (const SpecError &e : std::as_const(errors))
            lines.append(e.toString());
        setError(error, lines.join(u'\n'));
        return std::nullopt;
    }
    return tpl;
}

QByteArray TemplateLibrary::writeTemplate(const SlideTemplate &tpl)
{
    json j = json::object();
    j["format"] = "slidespec-template";
    j["version"] = 1;
    j["id"] = tpl.id.toStdString();
    j["name"] = tpl.name.toStdString();
    if (!tpl.description.isEmpty())
        j["description"] = tpl.description.toStdString();
    j["slide"] = SpecJson::slideToJson(tpl.slide);
    return SpecJson::dump(j);
}

bool TemplateLibrary::reload()
{
    m_slides.clear();
    m_decks.clear();
    m_loadErrors.clear();
    auto readSlides = [this](const QString &folder, bool builtin) {
        QVector<SlideTemplate> found;
        const QDir dir(folder);
        for (const QString &name : dir.entryList({QStringLiteral("*.json")}, QDir::Files, QDir::Name)) {
            QString err;
            std::optional<SlideTemplate> tpl = readTemplateFile(dir.filePath(name), &err);
            if (!tpl) {
                m_loadErrors.append(tr("%1: this template was skipped because it does not load; "
                                                   "fix or remove the file.\n%2")
                                        .arg(QDir::toNativeSeparators(dir.filePath(name)), err));
                continue;
            }
            if (!builtin && findSlideTemplate(tpl->id)) {
                m_loadErrors.append(tr("%1: skipped: the id \"%2\" is already taken.")
                                        .arg(QDir::toNativeSeparators(dir.filePath(name)), tpl->id));
                continue;
            }
            tpl->builtin = builtin;
            found.append(*tpl);
        }
        if (!builtin) {
            std::stable_sort(found.begin(), found.end(), [](const SlideTemplate &a, const SlideTemplate &b) {
                return QString::localeAwareCompare(a.name, b.name) < 0;
            });
        }
        m_slides += found;
    };
    readSlides(m_bundledFolder, true);
    auto readDecks = [this](const QString &folder, bool builtin) {
        const QDir decks(folder);
        for (const QString &name : decks.entryList({QStringLiteral("*.json")}, QDir::Files, QDir::Name)) {
            const QString path = decks.filePath(name);
            const SpecResult<Deck> res = SpecJson::readDeckFile(path);
            if (!res.ok()) {
                m_loadErrors.append(tr("%1: this deck template was skipped because it does not load; "
                                                   "fix or remove the file.\n%2")
                                        .arg(QDir::toNativeSeparators(path), res.errorString()));
                continue;
            }
            DeckTemplate t;
            t.id = QFileInfo(name).completeBaseName();
            if (!builtin && findDeckTemplate(t.id)) {
                m_loadErrors.append(tr("%1: skipped: the id \"%2\" is a bundled deck template's; "
                                                   "rename the file.")
                                        .arg(QDir::toNativeSeparators(path), t.id));
                continue;
            }
            t.name = res.value->title.isEmpty() ? t.id : res.value->title;
            t.slideCount = int(res.value->slides.size());
            t.fileName = path;
            t.builtin = builtin;
            m_decks.append(t);
        }
    };
    if (!m_bundledDecksFolder.isEmpty())
        readDecks(m_bundledDecksFolder, true);
    if (!m_userFolder.isEmpty()) {
        readSlides(m_userFolder, false);
        readDecks(deckTemplatesPath(), false);
    }
    return m_loadErrors.isEmpty();
}

const SlideTemplate *TemplateLibrary::findSlideTemplate(const QString &id) const
{
    for (const SlideTemplate &t : m_slides) {
        if (t.id == id)
            return &t;
    }
    return nullptr;
}

const DeckTemplate *TemplateLibrary::findDeckTemplate(const QString &id) const
{
    for (const DeckTemplate &t : m_decks) {
        if (t.id == id)
            return &t;
    }
    return nullptr;
}

QString TemplateLibrary::uniqueId(const QString &name) const
{
    const QString slug = slugify(name);
    const QString base = slug.isEmpty() ? QStringLiteral("template") : slug;
    QString id = base;
    auto taken = [this](const QString &candidate) {
        return findSlideTemplate(candidate) || findDeckTemplate(candidate)
                || QFileInfo::exists(QDir(m_userFolder).filePath(candidate + QStringLiteral(".json")))
                || QFileInfo::exists(QDir(deckTemplatesPath()).filePath(candidate + QStringLiteral(".json")));
    };
    for (int n = 2; taken(id); ++n)
        id = base + u'-' + QString::number(n);
    return id;
}

QString TemplateLibrary::saveSlideAsTemplate(const Slide &slide, const QString &name, const QString &description,
                                             QString *error, const Deck *deck, const QString &baseDir)
{
    if (name.trimmed().isEmpty()) {
        setError(error, tr("A template needs a name."));
        return {};
    }
    if (m_userFolder.isEmpty() || !QDir().mkpath(m_userFolder)) {
        setError(error, tr("Cannot create the template folder \"%1\".").arg(QDir::toNativeSeparators(m_userFolder)));
        return {};
    }
    SlideTemplate tpl;
    tpl.id = uniqueId(name);
    tpl.name = name.trimmed();
    tpl.description = description.trimmed();
    tpl.slide.id = tpl.id;
    tpl.slide.layout = tpl.id;
    tpl.slide.background = slide.background;
    tpl.slide.elements = slide.elements;
    const AssetStore assets(baseDir);
    if (!embedAsset(tpl.slide.background.image, deck, assets, error)
        || !embedAssets(tpl.slide.elements, deck, assets, error))
        return {};
    IdAllocator ids;
    for (Element &e : tpl.slide.elements)
        localizeIds(e, ids);
    const QString fileName = QDir(m_userFolder).filePath(tpl.id + QStringLiteral(".json"));
    if (!SpecJson::writeFileAtomically(fileName, writeTemplate(tpl), error))
        return {};
    reload();
    return tpl.id;
}

QString TemplateLibrary::saveDeckAsTemplate(const Deck &deck, const QString &name, QString *error,
                                            const QString &baseDir)
{
    if (name.trimmed().isEmpty()) {
        setError(error, tr("A template needs a name."));
        return {};
    }
    if (!QDir().mkpath(deckTemplatesPath())) {
        setError(error, tr("Cannot create the template folder \"%1\".")
                            .arg(QDir::toNativeSeparators(deckTemplatesPath())));
        return {};
    }
    Deck copy = deck;
    if (!embedFileAssets(copy, baseDir, error))
        return {};
    copy.brandRef.clear(); // the kit travels embedded
    copy.title = name.trimmed();
    const QString id = uniqueId(name);
    const QString fileName = QDir(deckTemplatesPath()).filePath(id + QStringLiteral(".json"));
    if (!SpecJson::writeFileAtomically(fileName, SpecJson::writeDeck(copy), error))
        return {};
    reload();
    return id;
}

bool TemplateLibrary::remove(const QString &id, QString *error)
{
    QString fileName;
    if (const SlideTemplate *t = findSlideTemplate(id)) {
        if (t->builtin) {
            setError(error, tr("\"%1\" is a bundled template and cannot be deleted.").arg(id));
            return false;
        }
        fileName = t->fileName;
    } else if (const DeckTemplate *d = findDeckTemplate(id)) {
        if (d->builtin) {
            setError(error, tr("\"%1\" is a bundled template and cannot be deleted.").arg(id));
            return false;
        }
        fileName = d->fileName;
    } else {
        setError(error, tr("There is no template \"%1\".").arg(id));
        return false;
    }
    QFile file(fileName);
    if (!file.remove()) {
        setError(error, tr("Could not delete %1: %2").arg(QDir::toNativeSeparators(fileName), file.errorString()));
        return false;
    }
    reload();
    return true;
}

void TemplateLibrary::assignIds(Slide &slide, IdAllocator &ids, const QString &slideBase)
{
    slide.id = ids.allocate(slideBase);
    for (Element &e : slide.elements)
        assignElementIds(e, ids, slide.id + u'-');
}

std::optional<Slide> TemplateLibrary::instantiate(const QString &id, const Deck &deck, QString *error) const
{
    const SlideTemplate *t = findSlideTemplate(id);
    if (!t) {
        setError(error, tr("There is no slide template \"%1\".").arg(id));
        return std::nullopt;
    }
    Slide slide = t->slide;
    slide.layout = t->id;
    IdAllocator ids(deck);
    assignIds(slide, ids, QStringLiteral("slide-%1").arg(deck.slides.size() + 1));
    return slide;
}

int TemplateLibrary::insertInto(Deck &deck, const QString &id, int index, QString *error) const
{
    std::optional<Slide> slide = instantiate(id, deck, error);
    if (!slide)
        return -1;
    if (index < 0 || index > deck.slides.size())
        index = int(deck.slides.size());
    deck.slides.insert(index, *slide);
    return index;
}

std::optional<Deck> TemplateLibrary::newDeckFromTemplate(const QString &id, const QString &deckId, QString *error) const
{
    const DeckTemplate *t = findDeckTemplate(id);
    if (!t) {
        setError(error, tr("There is no deck template \"%1\".").arg(id));
        return std::nullopt;
    }
    SpecResult<Deck> res = SpecJson::readDeckFile(t->fileName);
    if (!res.ok()) {
        setError(error, res.errorString());
        return std::nullopt;
    }
    Deck deck = *res.value;
    if (!embedFileAssets(deck, QFileInfo(t->fileName).absolutePath(), error))
        return std::nullopt;
    deck.brandRef.clear(); // the kit (read through the reference) travels embedded
    deck.id = deckId;
    return deck;
}

} // namespace slidespec
