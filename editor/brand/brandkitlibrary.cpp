// SPDX-License-Identifier: GPL-3.0-or-later
#include "brand/brandkitlibrary.h"

#include "document/deckedit.h"
#include "format/specjson.h"
#include "model/assetstore.h"
#include "templates/templatelibrary.h"
#include "text/fontresolver.h"
#include "validation/contrast.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>

#include <algorithm>

namespace slidespec {

namespace {

QString kitSlug(const QString &name)
{
    const QString slug = slugify(name);
    return slug.isEmpty() ? QStringLiteral("kit") : slug;
}

bool isTextLike(const QString &token)
{
    if (token.startsWith(QLatin1String("text")))
        return true;
    return token.size() > 2 && token.startsWith(QLatin1String("on")) && token.at(2).isUpper();
}

QString onTokenFor(const QString &token)
{
    if (token.isEmpty())
        return {};
    return QStringLiteral("on") + token.at(0).toUpper() + token.mid(1);
}

BrandKit starterKit()
{
    BrandKit kit;
    kit.colors = {
        {QStringLiteral("accent"), QColor(QStringLiteral("#b45309"))},
        {QStringLiteral("background"), QColor(QStringLiteral("#ffffff"))},
        {QStringLiteral("border"), QColor(QStringLiteral("#cbd5e1"))},
        {QStringLiteral("onAccent"), QColor(QStringLiteral("#ffffff"))},
        {QStringLiteral("onPrimary"), QColor(QStringLiteral("#ffffff"))},
        {QStringLiteral("primary"), QColor(QStringLiteral("#1d4ed8"))},
        {QStringLiteral("surface"), QColor(QStringLiteral("#f1f5f9"))},
        {QStringLiteral("text"), QColor(QStringLiteral("#0f172a"))},
        {QStringLiteral("textMuted"), QColor(QStringLiteral("#475569"))},
    };
    const QStringList fallbacks{QStringLiteral("Lato"), QStringLiteral("DejaVu Sans")};
    kit.fonts[QStringLiteral("heading")] = FontRole{QStringLiteral("Inter"), fallbacks, {}};
    kit.fonts[QStringLiteral("body")] = FontRole{QStringLiteral("Inter"), fallbacks, {}};
    return kit;
}

void setError(QString *error, const QString &message)
{
    if (error)
        *error = message;
}

} // namespace

QVector<ContrastCell> BrandKitReport::failures() const
{
    QVector<ContrastCell> out;
    for (const ContrastCell &c : contrast) {
        if (c.intended && !c.passes)
            out.append(c);
    }
    return out;
}

BrandKitLibrary::BrandKitLibrary(QString userFolder, QString bundledFolder)
    : m_userFolder(std::move(userFolder))
    , m_bundledFolder(std::move(bundledFolder))
{
    reload();
}

QString BrandKitLibrary::assetsPath() const
{
    return QDir(m_userFolder).filePath(QStringLiteral("assets"));
}

bool BrandKitLibrary::reload()
{
    m_kits.clear();
    m_loadErrors.clear();
    auto readFolder = [this](const QString &folder, bool builtin) {
        QVector<BrandKitEntry> found;
        const QDir dir(folder);
        const QStringList files = dir.entryList({QStringLiteral("*.json")}, QDir::Files, QDir::Name);
        for (const QString &name : files) {
            const QString path = dir.filePath(name);
            const SpecResult<BrandKit> res = SpecJson::readBrandKitFile(path);
            if (!res.ok()) {
                m_loadErrors.append(tr("%1: this brand kit was skipped because it does not load; "
                                                   "fix or remove the file.\n%2")
                                        .arg(QDir::toNativeSeparators(path), res.errorString()));
                continue;
            }
            if (!builtin && isBuiltin(res.value->id)) {
                m_loadErrors.append(tr("%1: skipped: its id \"%2\" is a bundled kit's; "
                                                   "give it another id.")
                                        .arg(QDir::toNativeSeparators(path), res.value->id));
                continue;
            }
            if (!builtin && std::any_of(found.cbegin(), found.cend(),
                                        [&](const BrandKitEntry &e) { return e.kit.id == res.value->id; })) {
                m_loadErrors.append(tr("%1: skipped: another file already has the id \"%2\".")
                                        .arg(QDir::toNativeSeparators(path), res.value->id));
                continue;
            }
            found.append(BrandKitEntry{*res.value, path, builtin});
        }
        std::stable_sort(found.begin(), found.end(), [](const BrandKitEntry &a, const BrandKitEntry &b) {
            return QString::localeAwareCompare(a.kit.name, b.kit.name) < 0;
        });
        m_kits += found;
    };
    readFolder(m_bundledFolder, true);
    if (!m_userFolder.isEmpty())
        readFolder(m_userFolder, false);
    return m_loadErrors.isEmpty();
}

const BrandKitEntry *BrandKitLibrary::find(const QString &id) const
{
    for (const BrandKitEntry &e : m_kits) {
        if (e.kit.id == id)
            return &e;
    }
    return nullptr;
}

BrandKitEntry *BrandKitLibrary::findMutable(const QString &id)
{
    return const_cast<BrandKitEntry *>(std::as_const(*this).find(id));
}

bool BrandKitLibrary::isBuiltin(const QString &id) const
{
    const BrandKitEntry *e = find(id);
    return e && e->builtin;
}

QString BrandKitLibrary::fileFor(const QString &id) const
{
    return QDir(m_userFolder).filePath(id + QStringLiteral(".json"));
}

QString BrandKitLibrary::uniqueId(const QString &name) const
{
    const QString base = kitSlug(name);
    QString id = base;
    for (int n = 2; find(id) || QFileInfo::exists(fileFor(id)); ++n)
        id = base + u'-' + QString::number(n);
    return id;
}

QString BrandKitLibrary::create(const QString &name, const QString &baseId, QString *error)
{
    const QString trimmed = name.trimmed();
    if (trimmed.isEmpty()) {
        setError(error, tr("A brand kit needs a name."));
        return {};
    }
    BrandKit kit;
    if (baseId.isEmpty()) {
        kit = starterKit();
    } else {
        const BrandKitEntry *base = find(baseId);
        if (!base) {
            setError(error, tr("There is no brand kit \"%1\" to start from.").arg(baseId));
            return {};
        }
        kit = base->kit;
    }
    kit.id = uniqueId(trimmed);
    kit.name = trimmed;
    if (!save(kit, error))
        return {};
    return kit.id;
}

QString BrandKitLibrary::duplicate(const QString &id, QString *error)
{
    const BrandKitEntry *e = find(id);
    if (!e) {
        setError(error, tr("There is no brand kit \"%1\" to duplicate.").arg(id));
        return {};
    }
    return create(tr("Copy of %1").arg(e->kit.name.isEmpty() ? e->kit.id : e->kit.name), id, error);
}

bool BrandKitLibrary::rename(const QString &id, const QString &name, QString *error)
{
    const BrandKitEntry *e = find(id);
    if (!e) {
        setError(error, tr("There is no brand kit \"%1\".").arg(id));
        return false;
    }
    if (e->builtin) {
        setError(error, tr("\"%1\" is a bundled brand kit and cannot be renamed; duplicate it first.").arg(id));
        return false;
    }
    if (name.trimmed().isEmpty()) {
        setError(error, tr("A brand kit needs a name."));
        return false;
    }
    BrandKit kit = e->kit;
    kit.name = name.trimmed();
    return save(kit, error);
}

bool BrandKitLibrary::remove(const QString &id, QString *error)
{
    const BrandKitEntry *e = find(id);
    if (!e) {
        setError(error, tr("There is no brand kit \"%1\".").arg(id));
        return false;
    }
    if (e->builtin) {
        setError(error, tr("\"%1\" is a bundled brand kit and cannot be deleted.").arg(id));
        return false;
    }
    QFile file(e->fileName);
    if (!file.remove()) {
        setError(error, tr("Could not delete %1: %2").arg(QDir::toNativeSeparators(e->fileName), file.errorString()));
        return false;
    }
    reload();
    return true;
}

bool BrandKitLibrary::save(const BrandKit &kit, QString *error)
{
    if (kit.id.isEmpty()) {
        setError(error, tr("A brand kit needs an id."));
        return false;
    }
    if (isBuiltin(kit.id)) {
        setError(error, tr("\"%1\" is a bundled brand kit and is read-only; duplicate it to change it.").arg(kit.id));
        return false;
    }
    if (m_userFolder.isEmpty() || !QDir().mkpath(m_userFolder)) {
        setError(error, tr("Cannot create the brand kit folder \"%1\".").arg(QDir::toNativeSeparators(m_userFolder)));
        return false;
    }
    const QByteArray data = SpecJson::writeBrandKit(kit);
    // Never write a file the loader would refuse.
    const SpecResult<BrandKit> check = SpecJson::readBrandKit(data, kit.id + QStringLiteral(".json"));
    if (!check.ok()) {
        setError(error, tr("The brand kit is not valid: %1").arg(check.errorString()));
        return false;
    }
    const BrandKitEntry *existing = find(kit.id);
    const QString fileName = existing ? existing->fileName : fileFor(kit.id);
    if (!SpecJson::writeFileAtomically(fileName, data, error))
        return false;
    reload();
    return true;
}

QString BrandKitLibrary::importLogo(const QString &kitId, const QString &fileName, const QString &variant,
                                    QString *error)
{
    const BrandKitEntry *e = find(kitId);
    if (!e) {
        setError(error, tr("There is no brand kit \"%1\".").arg(kitId));
        return {};
    }
    if (e->builtin) {
        setError(error, tr("\"%1\" is a bundled brand kit and is read-only; duplicate it to add logos.").arg(kitId));
        return {};
    }
    QFile file(fileName);
    if (!file.open(QIODevice::ReadOnly)) {
        setError(error, tr("Cannot open %1: %2").arg(QDir::toNativeSeparators(fileName), file.errorString()));
        return {};
    }
    if (file.size() > AssetStore::kMaxImageBytes) {
        setError(error, tr("%1 is too large for a logo (at most %2 MB).")
                            .arg(QDir::toNativeSeparators(fileName)).arg(AssetStore::kMaxImageBytes / (1024 * 1024)));
        return {};
    }
    const QByteArray bytes = file.readAll();
    const QString mime = AssetStore::sniffMime(bytes);
    QString ext;
    if (mime == QLatin1String("image/png"))
        ext = QStringLiteral("png");
    else if (mime == QLatin1String("image/jpeg"))
        ext = QStringLiteral("jpg");
    else if (mime == QLatin1String("image/svg+xml"))
        ext = QStringLiteral("svg");
    if (ext.isEmpty()) {
        setError(error, tr("%1 is not a PNG, JPEG or SVG image; logos must be one of those.")
                            .arg(QDir::toNativeSeparators(fileName)));
        return {};
    }
    const QString hash = QString::fromLatin1(QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex());
    const QString assetFile = QDir(assetsPath()).filePath(hash + u'.' + ext);
    if (!QFileInfo::exists(assetFile)) {
        if (!QDir().mkpath(assetsPath())) {
            setError(error, tr("Cannot create %1.").arg(QDir::toNativeSeparators(assetsPath())));
            return {};
        }
        if (!SpecJson::writeFileAtomically(assetFile, bytes, error))
            return {};
    }
    BrandKit kit = e->kit;
    const QString src = QStringLiteral("asset:") + hash;
    for (const Logo &l : std::as_const(kit.logos)) {
        if (l.src == src)
            return l.id; // already a logo of this kit
    }
    IdAllocator ids;
    for (const Logo &l : std::as_const(kit.logos))
        ids.reserve(l.id);
    Logo logo;
    logo.id = ids.allocate(QStringLiteral("logo"));
    logo.name = QFileInfo(fileName).completeBaseName();
    logo.src = src;
    logo.variant = variant;
    kit.logos.append(logo);
    if (!save(kit, error))
        return {};
    return logo.id;
}

QByteArray BrandKitLibrary::logoBytes(const Logo &logo, QString *error) const
{
    if (logo.src.startsWith(QLatin1String("data:"))) {
        const AssetData data = AssetStore::decodeDataUri(logo.src);
        if (!data.ok()) {
            setError(error, data.error);
            return {};
        }
        return data.bytes;
    }
    if (logo.src.startsWith(QLatin1String("asset:"))) {
        const QString hash = logo.src.mid(6);
        const QDir dir(assetsPath());
        const QStringList files = hash.isEmpty() ? QStringList()
                                                 : dir.entryList({hash + QStringLiteral(".*")}, QDir::Files);
        if (files.isEmpty()) {
            setError(error, tr("logo \"%1\": %2 has no file in %3")
                                .arg(logo.id, logo.src, QDir::toNativeSeparators(assetsPath())));
            return {};
        }
        QFile file(dir.filePath(files.first()));
        if (!file.open(QIODevice::ReadOnly)) {
            setError(error, tr("logo \"%1\": %2").arg(logo.id, file.errorString()));
            return {};
        }
        return file.readAll();
    }
    setError(error, tr("logo \"%1\": \"%2\" is neither asset:ID nor a data URI").arg(logo.id, logo.src));
    return {};
}

QVector<ContrastCell> BrandKitLibrary::contrastMatrix(const BrandKit &kit)
{
    QStringList texts;
    QStringList backgrounds;
    for (const auto &[token, color] : kit.colors) {
        Q_UNUSED(color);
        if (isTextLike(token))
            texts.append(token);
        else if (token == QLatin1String("background") || token.startsWith(QLatin1String("surface"))
                 || kit.colors.count(onTokenFor(token)) > 0)
            backgrounds.append(token);
    }
    const double required = Contrast::requiredRatio(kit.guidance.contrast, false);
    QVector<ContrastCell> cells;
    for (const QString &t : std::as_const(texts)) {
        for (const QString &b : std::as_const(backgrounds)) {
            const QRgb bg = Contrast::compositeOver(kit.colors.at(b).rgba(), qRgb(255, 255, 255));
            const QRgb fg = Contrast::compositeOver(kit.colors.at(t).rgba(), bg);
            ContrastCell c;
            c.text = t;
            c.background = b;
            c.ratio = Contrast::ratio(fg, bg);
            c.required = required;
            c.passes = c.ratio + 1e-9 >= required;
            c.intended = t.startsWith(QLatin1String("text"))
                    ? (b == QLatin1String("background") || b.startsWith(QLatin1String("surface")))
                    : t == onTokenFor(b);
            cells.append(c);
        }
    }
    return cells;
}

BrandKitReport BrandKitLibrary::check(const BrandKit &kit, const FontResolver &fonts) const
{
    BrandKitReport report;
    report.contrast = contrastMatrix(kit);
    for (const auto &[role, font] : kit.fonts) {
        Q_UNUSED(role);
        if (!font.family.isEmpty() && !fonts.isInstalled(font.family) && !report.missingFonts.contains(font.family))
            report.missingFonts.append(font.family);
    }
    for (const Logo &logo : kit.logos) {
        QString err;
        const QByteArray bytes = logoBytes(logo, &err);
        if (bytes.isEmpty() || AssetStore::sniffMime(bytes).isEmpty())
            report.missingLogos.append(logo.id);
    }
    return report;
}

std::optional<Deck> BrandKitLibrary::newDeck(const QString &kitId, const QString &title, QString *error) const
{
    const BrandKitEntry *e = find(kitId);
    if (!e) {
        setError(error, tr("There is no brand kit \"%1\".").arg(kitId));
        return std::nullopt;
    }
    Deck deck;
    deck.title = title.isEmpty() ? e->kit.name : title;
    deck.id = kitSlug(deck.title);
    deck.brand = e->kit;
    // Logos stored in the kit folder travel with the deck as data URIs.
    for (const Logo &logo : std::as_const(deck.brand.logos)) {
        if (!logo.src.startsWith(QLatin1String("asset:")))
            continue;
        const QByteArray bytes = logoBytes(logo);
        if (bytes.isEmpty())
            continue;
        Asset asset;
        asset.mime = AssetStore::sniffMime(bytes);
        asset.data = QStringLiteral("data:%1;base64,%2").arg(asset.mime, QString::fromLatin1(bytes.toBase64()));
        deck.assets[logo.src.mid(6)] = asset;
    }
    std::optional<SlideTemplate> tpl =
        TemplateLibrary::readTemplateFile(QStringLiteral(":/slidespec/templates/title.json"), error);
    if (!tpl)
        return std::nullopt;
    IdAllocator ids(deck);
    Slide slide = tpl->slide;
    TemplateLibrary::assignIds(slide, ids, QStringLiteral("slide-1"));
    deck.slides.append(slide);
    return deck;
}

} // namespace slidespec
