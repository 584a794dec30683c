// SPDX-License-Identifier: GPL-3.0-or-later
#include "brandkitsession.h"

#include "templatesession.h"
#include "workspacesession.h"

#include "model/assetstore.h"
#include "text/fontresolver.h"
#include "validation/contrast.h"

#include <QDir>
#include <QFileInfo>
#include <QFontDatabase>
#include <QImage>
#include <QRegularExpression>

#include <algorithm>
#include <cmath>
#include <utility>

namespace slidespec {

namespace {

constexpr int kMaxNameLength = 80;

QString hexOf(const QColor &color)
{
    return color.alpha() == 255 ? color.name(QColor::HexRgb) : color.name(QColor::HexArgb);
}

const FontResolver &sharedFonts()
{
    static const FontResolver fonts;
    return fonts;
}

} // namespace

// ---- BrandLogoProvider -----------------------------------------------------

BrandLogoProvider::BrandLogoProvider(std::shared_ptr<Store> store)
    : QQuickImageProvider(QQuickImageProvider::Image)
    , m_store(std::move(store))
{
}

QImage BrandLogoProvider::requestImage(const QString &id, QSize *size, const QSize &requestedSize)
{
    // id: KIT/LOGO/REVISION
    const QString key = id.section(u'/', 0, 1);
    QByteArray bytes;
    {
        QMutexLocker lock(&m_store->mutex);
        bytes = m_store->logos.value(key);
    }
    QImage image;
    if (!bytes.isEmpty()) {
        image.loadFromData(bytes);
        if (!image.isNull() && requestedSize.isValid() && !requestedSize.isEmpty())
            image = image.scaled(requestedSize, Qt::KeepAspectRatio, Qt::SmoothTransformation);
    }
    if (size)
        *size = image.size();
    return image;
}

// ---- BrandKitSession ---------------------------------------------------------

BrandKitSession::BrandKitSession(QObject *parent)
    : QObject(parent)
    , m_library(std::make_unique<BrandKitLibrary>(QString()))
    , m_logos(std::make_shared<BrandLogoProvider::Store>())
{
    m_kits = new BrandKitListModel(m_library.get(), this);
    m_currentKitId = existingOrFirst({});
    rebuildKit();
}

BrandKitSession::~BrandKitSession() = default;

void BrandKitSession::classBegin()
{
    installProvider();
}

void BrandKitSession::installProvider()
{
    if (QQmlEngine *engine = qmlEngine(this)) {
        engine->removeImageProvider(QLatin1String(BrandLogoProvider::kName));
        engine->addImageProvider(QLatin1String(BrandLogoProvider::kName), new BrandLogoProvider(m_logos));
    }
}

void BrandKitSession::setDocument(DocumentController *document)
{
    if (m_document == document)
        return;
    if (m_document)
        disconnect(m_document, nullptr, this, nullptr);
    m_document = document;
    if (m_document) {
        connect(m_document, &DocumentController::brandChanged, this, &BrandKitSession::deckKitChanged);
        connect(m_document, &DocumentController::deckReset, this, &BrandKitSession::deckKitChanged);
    }
    emit documentChanged();
    emit deckKitChanged();
}

void BrandKitSession::setWorkspace(WorkspaceSession *workspace)
{
    if (m_workspace == workspace)
        return;
    m_workspace = workspace;
    emit workspaceChanged();
}

void BrandKitSession::setFolder(const QString &folder)
{
    if (m_folder == folder)
        return;
    m_folder = folder;
    // The model points at the library: replace both.
    auto library = std::make_unique<BrandKitLibrary>(folder);
    auto *model = new BrandKitListModel(library.get(), this);
    BrandKitListModel *old = m_kits;
    m_kits = model;
    // The old model lives until the event loop deletes it: so does its library.
    m_retired.push_back(std::exchange(m_library, std::move(library)));
    emit folderChanged();
    emit kitsChanged();
    old->deleteLater();
    m_currentKitId = existingOrFirst(m_currentKitId);
    rebuildKit();
}

QString BrandKitSession::existingOrFirst(const QString &id) const
{
    if (m_library->find(id))
        return id;
    return m_library->kits().isEmpty() ? QString() : m_library->kits().constFirst().kit.id;
}

void BrandKitSession::setCurrentKitId(const QString &id)
{
    const QString wanted = existingOrFirst(id);
    if (wanted == m_currentKitId && !m_kit.isEmpty())
        return;
    m_currentKitId = wanted;
    rebuildKit();
}

QString BrandKitSession::deckKitName() const
{
    if (!m_document)
        return {};
    const BrandKit &kit = m_document->deck().brand;
    return kit.name.isEmpty() ? kit.id : kit.name;
}

QString BrandKitSession::deckKitId() const
{
    return m_document ? m_document->deck().brand.id : QString();
}

QStringList BrandKitSession::fontFamilies() const
{
    if (m_families.isEmpty()) {
        m_families = QFontDatabase::families();
        m_families.removeDuplicates();
        std::sort(m_families.begin(), m_families.end(),
                  [](const QString &a, const QString &b) { return QString::localeAwareCompare(a, b) < 0; });
    }
    return m_families;
}

QString BrandKitSession::fail(const QString &message)
{
    m_lastError = message;
    emit lastErrorChanged();
    return message;
}

QString BrandKitSession::succeed()
{
    if (!m_lastError.isEmpty()) {
        m_lastError.clear();
        emit lastErrorChanged();
    }
    return {};
}

void BrandKitSession::refresh(const QString &select)
{
    m_kits->refresh();
    emit kitsChanged();
    m_currentKitId = existingOrFirst(select);
    rebuildKit();
}

void BrandKitSession::rebuildKit()
{
    m_kit.clear();
    ++m_revision;
    QHash<QString, QByteArray> logos;
    const BrandKitEntry *entry = m_library->find(m_currentKitId);
    if (entry) {
        const BrandKit &kit = entry->kit;
        const QVector<ContrastCell> cells = BrandKitLibrary::contrastMatrix(kit);
        QStringList texts;
        QStringList backgrounds;
        for (const ContrastCell &c : cells) {
            if (!texts.contains(c.text))
                texts.append(c.text);
            if (!backgrounds.contains(c.background))
                backgrounds.append(c.background);
        }
        QVariantList colors;
        for (const auto &[token, color] : kit.colors) {
            colors.append(QVariantMap{{QStringLiteral("token"), token},
                                      {QStringLiteral("color"), color},
                                      {QStringLiteral("hex"), hexOf(color)},
                                      {QStringLiteral("text"), texts.contains(token)},
                                      {QStringLiteral("background"), backgrounds.contains(token)}});
        }
        const double aaa = Contrast::requiredRatio(ContrastLevel::AAA, false);
        const double aa = Contrast::requiredRatio(ContrastLevel::AA, false);
        QVariantList contrast;
        QStringList failures;
        for (const ContrastCell &c : cells) {
            const QString badge = c.ratio + 1e-9 >= aaa ? QStringLiteral("AAA")
                                : c.ratio + 1e-9 >= aa ? QStringLiteral("AA")
                                                       : QStringLiteral("fail");
            contrast.append(QVariantMap{{QStringLiteral("text"), c.text},
                                        {QStringLiteral("background"), c.background},
                                        {QStringLiteral("ratio"), c.ratio},
                                        {QStringLiteral("required"), c.required},
                                        {QStringLiteral("passes"), c.passes},
                                        {QStringLiteral("intended"), c.intended},
                                        {QStringLiteral("badge"), badge}});
            if (c.intended && !c.passes) {
                failures.append(tr("%1 on %2: %3:1, needs %4:1")
                                    .arg(c.text, c.background)
                                    .arg(std::floor(c.ratio * 100) / 100, 0, 'f', 2)
                                    .arg(c.required, 0, 'f', 1));
            }
        }
        const FontResolver &fonts = m_document ? m_document->fonts() : sharedFonts();
        QVariantList fontRoles;
        for (const auto &[role, font] : kit.fonts) {
            const QString resolved = fonts.resolve(QStringLiteral("brand:") + role, kit);
            fontRoles.append(QVariantMap{{QStringLiteral("role"), role},
                                         {QStringLiteral("family"), font.family},
                                         {QStringLiteral("fallbacks"), font.fallbacks.join(QStringLiteral(", "))},
                                         {QStringLiteral("installed"), fonts.isInstalled(font.family)},
                                         {QStringLiteral("resolved"), resolved},
                                         {QStringLiteral("substituted"),
                                          resolved.compare(font.family, Qt::CaseInsensitive) != 0}});
        }
        QVariantList logoList;
        for (const Logo &logo : kit.logos) {
            const QByteArray bytes = m_library->logoBytes(logo);
            const bool readable = !bytes.isEmpty() && !AssetStore::sniffMime(bytes).isEmpty();
            const QString key = kit.id + u'/' + logo.id;
            if (readable)
                logos.insert(key, bytes);
            logoList.append(QVariantMap{
                    {QStringLiteral("id"), logo.id},
                    {QStringLiteral("name"), logo.name},
                    {QStringLiteral("variant"), logo.variant},
                    {QStringLiteral("readable"), readable},
                    {QStringLiteral("source"),
                     readable ? QStringLiteral("image://%1/%2/%3").arg(QLatin1String(BrandLogoProvider::kName), key)
                                        .arg(m_revision)
                              : QString()}});
        }
        const BrandGuidance &g = kit.guidance;
        m_kit = QVariantMap{
                {QStringLiteral("id"), kit.id},
                {QStringLiteral("name"), kit.name.isEmpty() ? kit.id : kit.name},
                {QStringLiteral("builtin"), entry->builtin},
                {QStringLiteral("fileName"), entry->fileName},
                {QStringLiteral("colors"), colors},
                {QStringLiteral("contrast"), contrast},
                {QStringLiteral("textTokens"), texts},
                {QStringLiteral("backgroundTokens"), backgrounds},
                {QStringLiteral("failures"), failures},
                {QStringLiteral("fonts"), fontRoles},
                {QStringLiteral("logos"), logoList},
                {QStringLiteral("guidance"),
                 QVariantMap{{QStringLiteral("minFontSize"), g.minFontSize},
                             {QStringLiteral("contrast"),
                              g.contrast == ContrastLevel::AAA ? QStringLiteral("AAA") : QStringLiteral("AA")},
                             {QStringLiteral("allowedColorsOnly"), g.allowedColorsOnly},
                             {QStringLiteral("allowedFontsOnly"), g.allowedFontsOnly},
                             {QStringLiteral("rules"), g.rules.join(u'\n')}}},
        };
    }
    {
        QMutexLocker lock(&m_logos->mutex);
        m_logos->logos = logos;
    }
    emit currentKitChanged();
}

QString BrandKitSession::validateName(const QString &name) const
{
    const QString trimmed = name.trimmed();
    if (trimmed.isEmpty())
        return tr("Give the brand kit a name.");
    if (trimmed.size() > kMaxNameLength)
        return tr("The name is too long: at most %1 characters.").arg(kMaxNameLength);
    for (const BrandKitEntry &e : m_library->kits()) {
        if (e.kit.name.compare(trimmed, Qt::CaseInsensitive) == 0)
            return tr("There is already a brand kit named \"%1\".").arg(e.kit.name);
    }
    return {};
}

QString BrandKitSession::validateToken(const QString &token) const
{
    static const QRegularExpression pattern(QStringLiteral("^[A-Za-z0-9._-]{1,64}$"));
    if (token.isEmpty())
        return tr("Give the colour token a name, for example \"primary\" or \"onPrimary\".");
    if (!pattern.match(token).hasMatch())
        return tr("\"%1\" cannot name a colour token: use up to 64 letters, digits, dots, dashes or "
                  "underscores, no spaces.").arg(token);
    if (const BrandKitEntry *e = m_library->find(m_currentKitId); e && e->kit.colors.count(token) > 0)
        return tr("The kit already has a colour token \"%1\".").arg(token);
    return {};
}

QString BrandKitSession::create(const QString &name)
{
    if (const QString why = validateName(name); !why.isEmpty())
        return fail(why);
    QString error;
    const QString id = m_library->create(name, {}, &error);
    if (id.isEmpty())
        return fail(tr("Could not create the brand kit: %1").arg(error));
    refresh(id);
    return succeed();
}

QString BrandKitSession::createFromDocument(const QString &name)
{
    if (!m_document)
        return fail(tr("There is no open deck to take the kit from."));
    if (const QString why = validateName(name); !why.isEmpty())
        return fail(why);
    QString error;
    const QString id = m_library->create(name, {}, &error);
    if (id.isEmpty())
        return fail(tr("Could not create the brand kit: %1").arg(error));
    BrandKit kit = m_document->deck().brand;
    kit.id = id;
    kit.name = name.trimmed();
    // Logos the deck keeps as its assets travel as data URIs.
    for (Logo &logo : kit.logos) {
        if (!logo.src.startsWith(QLatin1String("asset:")))
            continue;
        const AssetData data = m_document->assets().load(m_document->deck(), logo.src);
        if (data.ok())
            logo.src = QStringLiteral("data:%1;base64,%2").arg(data.mime, QString::fromLatin1(data.bytes.toBase64()));
    }
    if (!m_library->save(kit, &error)) {
        QString ignored;
        m_library->remove(id, &ignored);
        refresh(m_currentKitId);
        return fail(tr("Could not save the deck's kit: %1").arg(error));
    }
    refresh(id);
    return succeed();
}

QString BrandKitSession::duplicate(const QString &id)
{
    QString error;
    const QString copy = m_library->duplicate(id, &error);
    if (copy.isEmpty())
        return fail(tr("Could not duplicate the brand kit: %1").arg(error));
    refresh(copy);
    return succeed();
}

QString BrandKitSession::rename(const QString &id, const QString &name)
{
    const BrandKitEntry *e = m_library->find(id);
    if (!e)
        return fail(tr("There is no brand kit \"%1\".").arg(id));
    if (e->builtin)
        return fail(tr("\"%1\" is a bundled kit and cannot be renamed; duplicate it first.").arg(e->kit.name));
    if (name.trimmed() == e->kit.name)
        return succeed();
    if (const QString why = validateName(name); !why.isEmpty())
        return fail(why);
    QString error;
    if (!m_library->rename(id, name, &error))
        return fail(tr("Could not rename the brand kit: %1").arg(error));
    refresh(id);
    return succeed();
}

QString BrandKitSession::remove(const QString &id)
{
    const BrandKitEntry *e = m_library->find(id);
    if (!e)
        return fail(tr("There is no brand kit \"%1\".").arg(id));
    if (e->builtin)
        return fail(tr("\"%1\" is a bundled kit and cannot be deleted.").arg(e->kit.name));
    // Select the neighbour that takes its place in the list.
    const int row = m_kits->indexOf(id);
    QString error;
    if (!m_library->remove(id, &error))
        return fail(tr("Could not delete the brand kit: %1").arg(error));
    const QVector<BrandKitEntry> &kits = m_library->kits();
    const QString next = kits.isEmpty() ? QString() : kits.at(std::clamp(row, 0, int(kits.size()) - 1)).kit.id;
    refresh(m_currentKitId == id ? next : m_currentKitId);
    return succeed();
}

const BrandKitEntry *BrandKitSession::editableKit()
{
    const BrandKitEntry *e = m_library->find(m_currentKitId);
    if (!e) {
        fail(tr("Choose a brand kit first."));
        return nullptr;
    }
    if (e->builtin) {
        fail(tr("\"%1\" is a bundled kit and is read-only; duplicate it to change it.").arg(e->kit.name));
        return nullptr;
    }
    return e;
}

QString BrandKitSession::saveKit(const BrandKit &kit)
{
    QString error;
    if (!m_library->save(kit, &error))
        return fail(tr("Could not save the brand kit: %1").arg(error));
    refresh(kit.id);
    return succeed();
}

QString BrandKitSession::setColor(const QString &token, const QString &color)
{
    const BrandKitEntry *e = editableKit();
    if (!e)
        return m_lastError;
    if (e->kit.colors.count(token) == 0)
        return fail(tr("The kit has no colour token \"%1\".").arg(token));
    const QColor parsed = QColor::fromString(color.trimmed());
    if (!parsed.isValid())
        return fail(tr("\"%1\" is not a colour: write it as #RRGGBB, for example #1D4ED8.").arg(color));
    BrandKit kit = e->kit;
    if (kit.colors[token] == parsed)
        return succeed();
    kit.colors[token] = parsed;
    return saveKit(kit);
}

QString BrandKitSession::addColor(const QString &token, const QString &color)
{
    const BrandKitEntry *e = editableKit();
    if (!e)
        return m_lastError;
    if (const QString why = validateToken(token.trimmed()); !why.isEmpty())
        return fail(why);
    const QColor parsed = QColor::fromString(color.trimmed());
    if (!parsed.isValid())
        return fail(tr("\"%1\" is not a colour: write it as #RRGGBB, for example #1D4ED8.").arg(color));
    BrandKit kit = e->kit;
    kit.colors[token.trimmed()] = parsed;
    return saveKit(kit);
}

QString BrandKitSession::removeColor(const QString &token)
{
    const BrandKitEntry *e = editableKit();
    if (!e)
        return m_lastError;
    BrandKit kit = e->kit;
    if (kit.colors.erase(token) == 0)
        return fail(tr("The kit has no colour token \"%1\".").arg(token));
    return saveKit(kit);
}

QString BrandKitSession::renameColor(const QString &token, const QString &newToken)
{
    const BrandKitEntry *e = editableKit();
    if (!e)
        return m_lastError;
    const QString wanted = newToken.trimmed();
    if (wanted == token)
        return succeed();
    const auto it = e->kit.colors.find(token);
    if (it == e->kit.colors.end())
        return fail(tr("The kit has no colour token \"%1\".").arg(token));
    if (const QString why = validateToken(wanted); !why.isEmpty())
        return fail(why);
    BrandKit kit = e->kit;
    const QColor color = it->second;
    kit.colors.erase(token);
    kit.colors[wanted] = color;
    return saveKit(kit);
}

QString BrandKitSession::setFont(const QString &role, const QString &family)
{
    const BrandKitEntry *e = editableKit();
    if (!e)
        return m_lastError;
    static const QRegularExpression pattern(QStringLiteral("^[A-Za-z0-9._-]{1,64}$"));
    const QString r = role.trimmed();
    if (!pattern.match(r).hasMatch())
        return fail(tr("\"%1\" cannot name a font role: use letters and digits, for example \"heading\".").arg(role));
    const QString f = family.trimmed();
    if (f.isEmpty())
        return fail(tr("Choose a font family for the %1 role.").arg(r));
    BrandKit kit = e->kit;
    FontRole &font = kit.fonts[r];
    if (font.family == f)
        return succeed();
    font.family = f;
    if (font.fallbacks.isEmpty())
        font.fallbacks = {QStringLiteral("DejaVu Sans")};
    return saveKit(kit);
}

QString BrandKitSession::removeFont(const QString &role)
{
    const BrandKitEntry *e = editableKit();
    if (!e)
        return m_lastError;
    BrandKit kit = e->kit;
    if (kit.fonts.erase(role) == 0)
        return fail(tr("The kit has no font role \"%1\".").arg(role));
    return saveKit(kit);
}

QString BrandKitSession::importLogo(const QUrl &url, const QString &variant)
{
    const BrandKitEntry *e = editableKit();
    if (!e)
        return m_lastError;
    const QString path = url.isLocalFile()                         ? url.toLocalFile()
                       : url.scheme() == QLatin1String("qrc") ? u':' + url.path()
                                                               : url.toString();
    QString error;
    const QString id = m_library->importLogo(e->kit.id, path, variant, &error);
    if (id.isEmpty())
        return fail(tr("Could not import the logo: %1").arg(error));
    refresh(m_currentKitId);
    return succeed();
}

QString BrandKitSession::removeLogo(const QString &logoId)
{
    const BrandKitEntry *e = editableKit();
    if (!e)
        return m_lastError;
    BrandKit kit = e->kit;
    const auto it = std::find_if(kit.logos.begin(), kit.logos.end(), [&](const Logo &l) { return l.id == logoId; });
    if (it == kit.logos.end())
        return fail(tr("The kit has no logo \"%1\".").arg(logoId));
    kit.logos.erase(it);
    return saveKit(kit);
}

QString BrandKitSession::setLogoVariant(const QString &logoId, const QString &variant)
{
    const BrandKitEntry *e = editableKit();
    if (!e)
        return m_lastError;
    if (!variant.isEmpty() && variant != QLatin1String("light") && variant != QLatin1String("dark"))
        return fail(tr("A logo is for light or dark backgrounds, or for any."));
    BrandKit kit = e->kit;
    for (Logo &logo : kit.logos) {
        if (logo.id == logoId) {
            if (logo.variant == variant)
                return succeed();
            logo.variant = variant;
            return saveKit(kit);
        }
    }
    return fail(tr("The kit has no logo \"%1\".").arg(logoId));
}

QString BrandKitSession::setGuidanceRules(const QString &rules)
{
    const BrandKitEntry *e = editableKit();
    if (!e)
        return m_lastError;
    QStringList lines;
    for (const QString &line : rules.split(u'\n')) {
        if (!line.trimmed().isEmpty())
            lines.append(line.trimmed());
    }
    BrandKit kit = e->kit;
    if (kit.guidance.rules == lines)
        return succeed();
    kit.guidance.rules = lines;
    return saveKit(kit);
}

QString BrandKitSession::setMinFontSize(double points)
{
    const BrandKitEntry *e = editableKit();
    if (!e)
        return m_lastError;
    if (!std::isfinite(points) || points < 0 || points > 400)
        return fail(tr("The smallest font size must be between 0 (none) and 400 points."));
    BrandKit kit = e->kit;
    if (kit.guidance.minFontSize == points)
        return succeed();
    kit.guidance.minFontSize = points;
    return saveKit(kit);
}

QString BrandKitSession::setContrastLevel(const QString &level)
{
    const BrandKitEntry *e = editableKit();
    if (!e)
        return m_lastError;
    ContrastLevel wanted;
    if (level == QLatin1String("AA"))
        wanted = ContrastLevel::AA;
    else if (level == QLatin1String("AAA"))
        wanted = ContrastLevel::AAA;
    else
        return fail(tr("The contrast level is AA or AAA, not \"%1\".").arg(level));
    BrandKit kit = e->kit;
    if (kit.guidance.contrast == wanted)
        return succeed();
    kit.guidance.contrast = wanted;
    return saveKit(kit);
}

QString BrandKitSession::setAllowedColorsOnly(bool only)
{
    const BrandKitEntry *e = editableKit();
    if (!e)
        return m_lastError;
    BrandKit kit = e->kit;
    if (kit.guidance.allowedColorsOnly == only)
        return succeed();
    kit.guidance.allowedColorsOnly = only;
    return saveKit(kit);
}

QString BrandKitSession::setAllowedFontsOnly(bool only)
{
    const BrandKitEntry *e = editableKit();
    if (!e)
        return m_lastError;
    BrandKit kit = e->kit;
    if (kit.guidance.allowedFontsOnly == only)
        return succeed();
    kit.guidance.allowedFontsOnly = only;
    return saveKit(kit);
}

std::optional<BrandKit> BrandKitSession::portableKit(QString *error) const
{
    const BrandKitEntry *e = m_library->find(m_currentKitId);
    if (!e) {
        if (error)
            *error = tr("Choose a brand kit first.");
        return std::nullopt;
    }
    BrandKit kit = e->kit;
    for (Logo &logo : kit.logos) {
        if (!logo.src.startsWith(QLatin1String("asset:")))
            continue;
        QString why;
        const QByteArray bytes = m_library->logoBytes(logo, &why);
        if (bytes.isEmpty()) {
            if (error)
                *error = tr("The logo \"%1\" cannot be read: %2").arg(logo.name.isEmpty() ? logo.id : logo.name, why);
            return std::nullopt;
        }
        logo.src = QStringLiteral("data:%1;base64,%2")
                           .arg(AssetStore::sniffMime(bytes), QString::fromLatin1(bytes.toBase64()));
    }
    return kit;
}

QString BrandKitSession::applyToDocument()
{
    if (!m_document)
        return fail(tr("There is no open deck to apply the kit to."));
    QString error;
    const std::optional<BrandKit> kit = portableKit(&error);
    if (!kit)
        return fail(error);
    if (!m_document->applyBrandKit(*kit))
        return fail(tr("The deck already uses this kit as it is."));
    return succeed();
}

QString BrandKitSession::newDeck(const QString &title)
{
    QString error;
    std::optional<Deck> deck = m_library->newDeck(m_currentKitId, title, &error);
    if (!deck)
        return fail(tr("Could not make a deck from the kit: %1").arg(error));
    if (const QString why = openNewDeck(*deck, m_document, m_workspace); !why.isEmpty())
        return fail(why);
    return succeed();
}

} // namespace slidespec
