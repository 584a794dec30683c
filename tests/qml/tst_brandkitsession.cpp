// SPDX-License-Identifier: GPL-3.0-or-later
// BrandKitSession, the brand-kit editor's logic: every edit of a user kit is
// written to its file at once; every refused action says why and leaves the
// file as it was; applying a kit restyles the open deck in one undo step
// (logos travel as data URIs); a new deck from a kit opens as an untitled
// deck or, with a workspace, as a new workspace deck; the selected kit's
// contrast, fonts and logos are reported.

#include "app/brandkitsession.h"
#include "app/workspacesession.h"
#include "document/documentcontroller.h"
#include "format/specjson.h"
#include "workspace/workspace.h"

#include <QBuffer>
#include <QDir>
#include <QFile>
#include <QImage>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonValue>
#include <QQmlComponent>
#include <QQmlEngine>
#include <QQmlExtensionPlugin>
#include <QQuickImageProvider>
#include <QTemporaryDir>
#include <QTranslator>
#include <QtTest>

Q_IMPORT_QML_PLUGIN(Slidespec_UiPlugin)

using namespace slidespec;

namespace {

const QString kDeck = QStringLiteral(SLIDESPEC_QML_TEST_DATA_DIR "/canvas-deck.json");

QByteArray readAll(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

/*! The value at \a pointer ("/colors/primary") of the JSON file \a path. */
QJsonValue jsonAt(const QString &path, const QString &pointer)
{
    QJsonValue value = QJsonDocument::fromJson(readAll(path)).object();
    for (const QString &key : pointer.split(u'/', Qt::SkipEmptyParts)) {
        if (value.isObject())
            value = value.toObject().value(key);
        else
            return QJsonValue(QJsonValue::Undefined);
    }
    return value;
}

QString writePng(const QString &folder, const QString &name, QRgb color)
{
    QImage image(16, 8, QImage::Format_RGB32);
    image.fill(color);
    const QString path = QDir(folder).filePath(name);
    return image.save(path, "PNG") ? path : QString();
}

/*! Calls the session's invokable \a method with \a args (QString, double, bool); returns its QString. */
QString call(BrandKitSession &session, const QString &method, const QVariantList &args)
{
    QString result;
    QList<QGenericArgument> generic;
    QList<QString> strings;
    QList<double> doubles;
    QList<bool> bools;
    QList<QUrl> urls;
    urls.reserve(args.size());
    strings.reserve(args.size());
    doubles.reserve(args.size());
    bools.reserve(args.size());
    for (const QVariant &arg : args) {
        if (arg.typeId() == QMetaType::Double) {
            doubles.append(arg.toDouble());
            generic.append(Q_ARG(double, doubles.last()));
        } else if (arg.typeId() == QMetaType::QUrl) {
            urls.append(arg.toUrl());
            generic.append(Q_ARG(QUrl, urls.last()));
        } else if (arg.typeId() == QMetaType::Bool) {
            bools.append(arg.toBool());
            generic.append(Q_ARG(bool, bools.last()));
        } else {
            strings.append(arg.toString());
            generic.append(Q_ARG(QString, strings.last()));
        }
    }
    while (generic.size() < 3)
        generic.append(QGenericArgument());
    const bool invoked = QMetaObject::invokeMethod(&session, method.toLatin1().constData(), Qt::DirectConnection,
                                                   Q_RETURN_ARG(QString, result), generic[0], generic[1], generic[2]);
    if (!invoked)
        return QStringLiteral("<no such method %1>").arg(method);
    return result;
}

} // namespace

class TestBrandKitSession : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void editsAreSaved_data();
    void editsAreSaved();
    void refusalsExplainAndKeepTheFile_data();
    void refusalsExplainAndKeepTheFile();
    void createDuplicateRenameRemove();
    void createFromDocumentKeepsTheDecksKit();
    void applyToDocumentIsOneUndoStep();
    void newDeckWithoutWorkspaceIsUntitled();
    void newDeckWithWorkspaceIsAWorkspaceDeck();
    void reportsContrastFontsAndLogos();
    void logoProviderServesTheSelectedKitsLogos();
    void messagesFollowTheLanguage();

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<BrandKitSession> m_session;
    QString m_kitId; //!< a user kit copied from the bundled northwind kit
};

void TestBrandKitSession::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_session = std::make_unique<BrandKitSession>();
    m_session->setFolder(m_dir->filePath(QStringLiteral("brands")));
    m_session->setCurrentKitId(QStringLiteral("northwind"));
    QCOMPARE(m_session->duplicate(QStringLiteral("northwind")), QString());
    m_kitId = m_session->currentKitId();
    QVERIFY(m_kitId != QLatin1String("northwind"));
    QVERIFY(QFile::exists(m_session->kit().value(QStringLiteral("fileName")).toString()));
}

void TestBrandKitSession::cleanup()
{
    m_session.reset();
    m_dir.reset();
}

void TestBrandKitSession::editsAreSaved_data()
{
    QTest::addColumn<QString>("method");
    QTest::addColumn<QVariantList>("args");
    QTest::addColumn<QString>("pointer");  // where in the kit file
    QTest::addColumn<QVariant>("expected"); // invalid: the member is gone

    QTest::newRow("setColor writes the new hex")
            << "setColor" << QVariantList{"primary", "#00a651"} << "/colors/primary" << QVariant("#00a651");
    QTest::newRow("setColor accepts a colour name")
            << "setColor" << QVariantList{"accent", "red"} << "/colors/accent" << QVariant("#ff0000");
    QTest::newRow("addColor adds a token")
            << "addColor" << QVariantList{"highlight", "#ffcc00"} << "/colors/highlight" << QVariant("#ffcc00");
    QTest::newRow("removeColor drops the token")
            << "removeColor" << QVariantList{"accent"} << "/colors/accent" << QVariant();
    QTest::newRow("renameColor keeps the colour under the new name")
            << "renameColor" << QVariantList{"accent", "highlight"} << "/colors/highlight" << QVariant("#c2410c");
    QTest::newRow("setFont changes a role's family")
            << "setFont" << QVariantList{"heading", "DejaVu Serif"} << "/fonts/heading/family"
            << QVariant("DejaVu Serif");
    QTest::newRow("setFont adds a new role")
            << "setFont" << QVariantList{"caption", "DejaVu Sans"} << "/fonts/caption/family" << QVariant("DejaVu Sans");
    QTest::newRow("removeFont drops the role")
            << "removeFont" << QVariantList{"heading"} << "/fonts/heading" << QVariant();
    QTest::newRow("setMinFontSize sets the guidance")
            << "setMinFontSize" << QVariantList{QVariant(18.0)} << "/guidance/minFontSize" << QVariant(18.0);
    QTest::newRow("setContrastLevel AAA")
            << "setContrastLevel" << QVariantList{"AAA"} << "/guidance/contrast" << QVariant("AAA");
    QTest::newRow("setAllowedColorsOnly false")
            << "setAllowedColorsOnly" << QVariantList{QVariant(false)} << "/guidance/allowedColorsOnly"
            << QVariant();
}

void TestBrandKitSession::editsAreSaved()
{
    QFETCH(QString, method);
    QFETCH(QVariantList, args);
    QFETCH(QString, pointer);
    QFETCH(QVariant, expected);

    const QString file = m_session->kit().value(QStringLiteral("fileName")).toString();
    QCOMPARE(call(*m_session, method, args), QString());
    QCOMPARE(m_session->lastError(), QString());
    const QJsonValue value = jsonAt(file, pointer);
    if (!expected.isValid()) {
        // Gone (or, for a false flag, left out of the canonical file).
        QVERIFY2(value.isUndefined() || value == QJsonValue(false), qPrintable(pointer));
    } else if (expected.typeId() == QMetaType::Double) {
        QCOMPARE(value.toDouble(), expected.toDouble());
    } else {
        QCOMPARE(value.toString().toLower(), expected.toString().toLower());
    }
    // The session shows what the file holds.
    QCOMPARE(m_session->kit().value(QStringLiteral("id")).toString(), m_kitId);
}

void TestBrandKitSession::refusalsExplainAndKeepTheFile_data()
{
    QTest::addColumn<QString>("kit"); // "user" or a bundled id
    QTest::addColumn<QString>("method");
    QTest::addColumn<QVariantList>("args");
    QTest::addColumn<QString>("message"); // part of the error

    QTest::newRow("a bundled kit is read-only")
            << "northwind" << "setColor" << QVariantList{"primary", "#000000"} << "read-only";
    QTest::newRow("a bundled kit cannot be renamed")
            << "northwind" << "rename" << QVariantList{"northwind", "Mine"} << "duplicate it first";
    QTest::newRow("a bundled kit cannot be deleted")
            << "northwind" << "remove" << QVariantList{"northwind"} << "cannot be deleted";
    QTest::newRow("a colour that is not one")
            << "user" << "setColor" << QVariantList{"primary", "#12"} << "#RRGGBB";
    QTest::newRow("a colour of an unknown token")
            << "user" << "setColor" << QVariantList{"nope", "#000000"} << "no colour token \"nope\"";
    QTest::newRow("a token name with a space")
            << "user" << "addColor" << QVariantList{"my token", "#000000"} << "cannot name a colour token";
    QTest::newRow("a token that exists")
            << "user" << "addColor" << QVariantList{"primary", "#000000"} << "already has a colour token";
    QTest::newRow("renaming onto a token that exists")
            << "user" << "renameColor" << QVariantList{"accent", "primary"} << "already has a colour token";
    QTest::newRow("removing an unknown token")
            << "user" << "removeColor" << QVariantList{"nope"} << "no colour token";
    QTest::newRow("a font role without a family")
            << "user" << "setFont" << QVariantList{"heading", "  "} << "Choose a font family";
    QTest::newRow("a font role with a bad name")
            << "user" << "setFont" << QVariantList{"my role", "Inter"} << "cannot name a font role";
    QTest::newRow("a negative smallest size")
            << "user" << "setMinFontSize" << QVariantList{QVariant(-1.0)} << "between 0";
    QTest::newRow("a contrast level that is not AA or AAA")
            << "user" << "setContrastLevel" << QVariantList{"A"} << "AA or AAA";
    QTest::newRow("a logo variant that is not light or dark")
            << "user" << "setLogoVariant" << QVariantList{"mark-light", "purple"} << "light or dark";
    QTest::newRow("an unknown logo")
            << "user" << "removeLogo" << QVariantList{"nope"} << "no logo \"nope\"";
    QTest::newRow("a logo that is not an image")
            << "user" << "importLogo" << QVariantList{"TEXTFILE"} << "not a PNG, JPEG or SVG";
    QTest::newRow("a logo file that is not there")
            << "user" << "importLogo" << QVariantList{QUrl::fromLocalFile("/nonexistent/logo.png")} << "Cannot open";
    QTest::newRow("a kit name that is taken")
            << "user" << "rename" << QVariantList{"USER", "Northwind Corporate"} << "already a brand kit named";
    QTest::newRow("a blank kit name")
            << "user" << "create" << QVariantList{"   "} << "Give the brand kit a name";
}

void TestBrandKitSession::refusalsExplainAndKeepTheFile()
{
    QFETCH(QString, kit);
    QFETCH(QString, method);
    QFETCH(QVariantList, args);
    QFETCH(QString, message);

    m_session->setCurrentKitId(kit == QLatin1String("user") ? m_kitId : kit);
    const QString file = m_session->kit().value(QStringLiteral("fileName")).toString();
    const QByteArray before = readAll(file);
    const int kits = m_session->kits()->rowCount();
    for (QVariant &arg : args) {
        if (arg == QLatin1String("USER"))
            arg = m_kitId;
        if (arg == QLatin1String("TEXTFILE")) {
            const QString text = m_dir->filePath(QStringLiteral("logo.png"));
            QFile f(text);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write("not an image at all");
            f.close();
            arg = QUrl::fromLocalFile(text);
        }
    }
    const QString error = call(*m_session, method, args);
    QVERIFY2(error.contains(message), qPrintable(error));
    QCOMPARE(m_session->lastError(), error);
    QCOMPARE(readAll(file), before);
    QCOMPARE(m_session->kits()->rowCount(), kits);
}

void TestBrandKitSession::createDuplicateRenameRemove()
{
    const int count = m_session->kits()->rowCount();
    QCOMPARE(m_session->create(QStringLiteral("Team")), QString());
    const QString team = m_session->currentKitId();
    QCOMPARE(m_session->kit().value(QStringLiteral("name")).toString(), QStringLiteral("Team"));
    QCOMPARE(m_session->kits()->rowCount(), count + 1);
    QVERIFY(!m_session->kit().value(QStringLiteral("builtin")).toBool());

    QCOMPARE(m_session->duplicate(team), QString());
    const QString copy = m_session->currentKitId();
    QVERIFY(copy != team);
    QCOMPARE(m_session->kit().value(QStringLiteral("name")).toString(), QStringLiteral("Copy of Team"));

    QCOMPARE(m_session->rename(copy, QStringLiteral("Sales")), QString());
    QCOMPARE(m_session->currentKitId(), copy);
    QCOMPARE(m_session->kit().value(QStringLiteral("name")).toString(), QStringLiteral("Sales"));
    QCOMPARE(m_session->rename(copy, QStringLiteral("Sales")), QString()); // unchanged: fine

    const QString file = m_session->kit().value(QStringLiteral("fileName")).toString();
    QCOMPARE(m_session->remove(copy), QString());
    QVERIFY(!QFile::exists(file));
    QCOMPARE(m_session->kits()->rowCount(), count + 1);
    QVERIFY(!m_session->currentKitId().isEmpty());
    QVERIFY2(m_session->currentKitId() != copy, "the selection moves to a neighbour");
    QVERIFY(m_session->remove(copy).contains(QStringLiteral("no brand kit")));
}

void TestBrandKitSession::createFromDocumentKeepsTheDecksKit()
{
    QVERIFY(m_session->createFromDocument(QStringLiteral("Deck kit")).contains(QStringLiteral("no open deck")));
    DocumentController document;
    QVERIFY(document.open(kDeck));
    m_session->setDocument(&document);
    QCOMPARE(m_session->deckKitName(), document.deck().brand.id);
    QCOMPARE(m_session->createFromDocument(QStringLiteral("Deck kit")), QString());
    const BrandKitEntry *entry = m_session->library()->find(m_session->currentKitId());
    QVERIFY(entry);
    QCOMPARE(entry->kit.name, QStringLiteral("Deck kit"));
    QVERIFY(entry->kit.colors == document.deck().brand.colors);
    QVERIFY(entry->kit.fonts == document.deck().brand.fonts);
}

void TestBrandKitSession::applyToDocumentIsOneUndoStep()
{
    QVERIFY(m_session->applyToDocument().contains(QStringLiteral("no open deck")));
    DocumentController document;
    QVERIFY(document.open(kDeck));
    m_session->setDocument(&document);
    const BrandKit original = document.deck().brand;

    m_session->setCurrentKitId(m_kitId);
    QCOMPARE(m_session->setColor(QStringLiteral("primary"), QStringLiteral("#00a651")), QString());
    const QString png = writePng(m_dir->path(), QStringLiteral("mark.png"), qRgb(200, 10, 10));
    QCOMPARE(m_session->importLogo(QUrl::fromLocalFile(png)), QString());
    QVERIFY(!document.undoStack()->canUndo());

    QSignalSpy restyled(&document, &DocumentController::brandChanged);
    QCOMPARE(m_session->applyToDocument(), QString());
    QCOMPARE(restyled.count(), 1);
    QCOMPARE(document.undoStack()->count(), 1);
    QCOMPARE(document.deck().brand.id, m_kitId);
    QCOMPARE(document.deck().brand.color(QStringLiteral("primary")), QColor(QStringLiteral("#00a651")));
    QVERIFY(document.deck().brandRef.isEmpty());
    bool embedded = false;
    for (const Logo &logo : document.deck().brand.logos) {
        QVERIFY2(logo.src.startsWith(QLatin1String("data:")), qPrintable(logo.src));
        embedded = embedded || logo.src.startsWith(QLatin1String("data:image/png;base64,"));
    }
    QVERIFY2(embedded, "the imported logo travels with the deck");

    document.undoStack()->undo();
    QVERIFY(document.deck().brand == original);
    document.undoStack()->redo();
    QVERIFY(m_session->applyToDocument().contains(QStringLiteral("already uses")));
    QCOMPARE(document.undoStack()->count(), 1);
}

void TestBrandKitSession::newDeckWithoutWorkspaceIsUntitled()
{
    DocumentController document;
    QVERIFY(document.open(kDeck));
    m_session->setDocument(&document);
    m_session->setCurrentKitId(QStringLiteral("midnight"));
    QCOMPARE(m_session->newDeck(QStringLiteral("Night talk")), QString());
    QCOMPARE(document.filePath(), QString());
    QCOMPARE(document.slideCount(), 1);
    QCOMPARE(document.deck().title, QStringLiteral("Night talk"));
    QCOMPARE(document.deck().brand.id, QStringLiteral("midnight"));
    QCOMPARE(document.problemCount(), 0);
}

void TestBrandKitSession::newDeckWithWorkspaceIsAWorkspaceDeck()
{
    qputenv("SLIDESPEC_WORKSPACE", m_dir->filePath(QStringLiteral("workspace")).toUtf8());
    DocumentController document;
    QVERIFY(document.open(kDeck));
    WorkspaceSession workspace;
    QCOMPARE(workspace.error(), QString());
    workspace.setDocument(&document);
    m_session->setDocument(&document);
    m_session->setWorkspace(&workspace);
    const int decks = int(workspace.workspace()->decks().size());

    m_session->setCurrentKitId(m_kitId);
    QCOMPARE(m_session->newDeck(), QString());
    QCOMPARE(int(workspace.workspace()->decks().size()), decks + 1);
    QVERIFY2(document.filePath().startsWith(workspace.rootPath()), qPrintable(document.filePath()));
    QCOMPARE(document.deck().brand.id, m_kitId);
    QVERIFY(!workspace.currentDeckId().isEmpty());
    qunsetenv("SLIDESPEC_WORKSPACE");
}

void TestBrandKitSession::reportsContrastFontsAndLogos()
{
    m_session->setCurrentKitId(m_kitId);
    QVariantMap kit = m_session->kit();
    QVERIFY(kit.value(QStringLiteral("failures")).toStringList().isEmpty());
    QVERIFY(kit.value(QStringLiteral("textTokens")).toStringList().contains(QStringLiteral("text")));
    QVERIFY(kit.value(QStringLiteral("backgroundTokens")).toStringList().contains(QStringLiteral("background")));
    const QVariantList cells = kit.value(QStringLiteral("contrast")).toList();
    QVERIFY(!cells.isEmpty());
    for (const QVariant &c : cells) {
        const QVariantMap cell = c.toMap();
        const double ratio = cell.value(QStringLiteral("ratio")).toDouble();
        const QString badge = cell.value(QStringLiteral("badge")).toString();
        QCOMPARE(badge, ratio >= 7 ? QStringLiteral("AAA") : ratio >= 4.5 ? QStringLiteral("AA") : QStringLiteral("fail"));
    }

    // Light grey text on white fails, and says so by name.
    QCOMPARE(m_session->setColor(QStringLiteral("text"), QStringLiteral("#dddddd")), QString());
    kit = m_session->kit();
    const QStringList failures = kit.value(QStringLiteral("failures")).toStringList();
    QVERIFY(!failures.isEmpty());
    QVERIFY2(failures.first().startsWith(QStringLiteral("text on background: 1.")), qPrintable(failures.first()));

    // A family that is not installed is flagged with what draws instead.
    QCOMPARE(m_session->setFont(QStringLiteral("heading"), QStringLiteral("No Such Family 123")), QString());
    bool flagged = false;
    for (const QVariant &f : m_session->kit().value(QStringLiteral("fonts")).toList()) {
        const QVariantMap font = f.toMap();
        if (font.value(QStringLiteral("role")) == QLatin1String("heading")) {
            QVERIFY(!font.value(QStringLiteral("installed")).toBool());
            QVERIFY(font.value(QStringLiteral("substituted")).toBool());
            QVERIFY(!font.value(QStringLiteral("resolved")).toString().isEmpty());
            flagged = true;
        }
    }
    QVERIFY(flagged);
    QVERIFY(!m_session->fontFamilies().isEmpty());
}

void TestBrandKitSession::logoProviderServesTheSelectedKitsLogos()
{
    m_session->setCurrentKitId(m_kitId);
    const QString png = writePng(m_dir->path(), QStringLiteral("mark.png"), qRgb(10, 200, 10));
    QCOMPARE(m_session->importLogo(QUrl::fromLocalFile(png), QStringLiteral("dark")), QString());
    QString source;
    for (const QVariant &l : m_session->kit().value(QStringLiteral("logos")).toList()) {
        const QVariantMap logo = l.toMap();
        QVERIFY(logo.value(QStringLiteral("readable")).toBool());
        if (logo.value(QStringLiteral("variant")) == QLatin1String("dark"))
            source = logo.value(QStringLiteral("source")).toString();
    }
    QVERIFY2(source.startsWith(QStringLiteral("image://slidespec-logo/")), qPrintable(source));

    // A session made by QML installs the provider in its engine, which
    // serves the bytes of the selected kit's logos.
    QQmlEngine engine;
    engine.addImportPath(QStringLiteral("qrc:/qt/qml"));
    QQmlComponent component(&engine);
    component.setData("import Slidespec.Ui\nBrandKitSession {}", QUrl());
    std::unique_ptr<QObject> object(component.create());
    QVERIFY2(object, qPrintable(component.errorString()));
    auto *qmlSession = qobject_cast<BrandKitSession *>(object.get());
    QVERIFY(qmlSession);
    qmlSession->setFolder(m_session->folder());
    qmlSession->setCurrentKitId(m_kitId);
    auto *provider = dynamic_cast<QQuickImageProvider *>(engine.imageProvider(QLatin1String(BrandLogoProvider::kName)));
    QVERIFY(provider);
    QSize size;
    const QImage image = provider->requestImage(source.section(u'/', 3), &size, QSize());
    QCOMPARE(image.size(), QSize(16, 8));
    QCOMPARE(size, QSize(16, 8));
    QCOMPARE(image.pixel(2, 2), qRgb(10, 200, 10));
    QVERIFY(provider->requestImage(QStringLiteral("nokit/nologo/1"), &size, QSize()).isNull());
}

void TestBrandKitSession::messagesFollowTheLanguage()
{
    // The session's and the library's messages are translated, as is the
    // name of a copy.
    QTranslator german;
    QVERIFY(german.load(QStringLiteral(":/i18n/slidespec_de.qm")));
    QCoreApplication::installTranslator(&german);
    QCOMPARE(m_session->duplicate(m_kitId), QString());
    QVERIFY2(m_session->kit().value(QStringLiteral("name")).toString().startsWith(QStringLiteral("Kopie von ")),
             qPrintable(m_session->kit().value(QStringLiteral("name")).toString()));
    m_session->setCurrentKitId(QStringLiteral("northwind"));
    QString error = m_session->setColor(QStringLiteral("primary"), QStringLiteral("#000000"));
    QVERIFY2(error.contains(QStringLiteral("schreibgeschützt")), qPrintable(error));
    m_session->setCurrentKitId(m_kitId);
    error = m_session->importLogo(QUrl::fromLocalFile(QStringLiteral("/nonexistent/logo.png")));
    QVERIFY2(error.startsWith(QStringLiteral("Das Logo konnte nicht importiert werden: "))
                     && error.contains(QStringLiteral("kann nicht geöffnet werden")),
             qPrintable(error));
    QCoreApplication::removeTranslator(&german);
    error = m_session->setColor(QStringLiteral("nope"), QStringLiteral("#000000"));
    QVERIFY2(error.contains(QStringLiteral("no colour token")), qPrintable(error));
}

QTEST_MAIN(TestBrandKitSession)

#include "tst_brandkitsession.moc"
