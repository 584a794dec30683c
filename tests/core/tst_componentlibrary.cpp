// SPDX-License-Identifier: GPL-3.0-or-later
#include "components/componentlibrary.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QtTest>

using namespace slidespec;

namespace {

const Element *part(const QVector<Element> &parts, const QString &id)
{
    for (const Element &e : parts) {
        if (e.id == id)
            return &e;
    }
    return nullptr;
}

QString firstRunText(const Element &e)
{
    if (!e.text || e.text->paragraphs.isEmpty() || e.text->paragraphs.first().runs.isEmpty())
        return {};
    return e.text->paragraphs.first().runs.first().text;
}

Element cardAt(const QSizeF &size)
{
    const std::optional<Element> e = ComponentLibrary::builtin().instantiate(QStringLiteral("card"), QStringLiteral("c1"), {100, 50});
    Element card = e.value_or(Element{});
    card.frame.w = size.width();
    card.frame.h = size.height();
    return card;
}

/*! Writes a one-part component whose part frame is \a frame (JSON text). */
bool writeComponent(const QString &dir, const QByteArray &frameJson)
{
    QFile f(dir + QStringLiteral("/probe.json"));
    if (!f.open(QIODevice::WriteOnly))
        return false;
    f.write(R"({"format": "slidespec-component", "version": 1, "id": "probe", "name": "Probe",
        "defaultSize": {"width": 200, "height": 100}, "params": [],
        "parts": [{"id": "box", "type": "shape", "shape": "rect", "frame": )" + frameJson + "}]}");
    return true;
}

} // namespace

class TestComponentLibrary : public QObject
{
    Q_OBJECT

private slots:
    void builtinHasTheDocumentedComponents();
    void everyComponentExpandsInsideItsFrame_data();
    void everyComponentExpandsInsideItsFrame();
    void resizingLaysPartsOutAgain();
    void paramsSubstitute();
    void colourDefaultsAreBrandTokens();
    void badParamsFallBackToDefaults_data();
    void badParamsFallBackToDefaults();
    void multilineBecomesParagraphs();
    void imagePlaceholderShowsBoxWithoutImage();
    void titleRoleReachesTheTitlePart();
    void unknownComponentIsAnError();
    void frameExpressions_data();
    void frameExpressions();
    void malformedFilesNameFileAndPath_data();
    void malformedFilesNameFileAndPath();
    void sourceTreeMatchesBuiltin();
};

void TestComponentLibrary::builtinHasTheDocumentedComponents()
{
    const ComponentLibrary &lib = ComponentLibrary::builtin();
    for (const char *id : {"card", "divider", "accent-bar", "title-block", "image-placeholder", "quote",
                           "stat-callout", "two-column-list", "timeline-step", "logo-lockup"})
        QVERIFY2(lib.find(QLatin1String(id)), id);
}

void TestComponentLibrary::everyComponentExpandsInsideItsFrame_data()
{
    QTest::addColumn<QString>("componentId");
    for (const ComponentDef &def : ComponentLibrary::builtin().components())
        QTest::newRow(qPrintable(def.id)) << def.id;
}

void TestComponentLibrary::everyComponentExpandsInsideItsFrame()
{
    QFETCH(QString, componentId);
    const ComponentLibrary &lib = ComponentLibrary::builtin();
    const ComponentDef *def = lib.find(componentId);
    QVERIFY(def);
    QVERIFY(!def->name.isEmpty());
    QVERIFY(!def->description.isEmpty());
    QVERIFY(def->defaultSize.width() > 0 && def->defaultSize.height() > 0);

    const std::optional<Element> inst = lib.instantiate(componentId, QStringLiteral("inst"), {40, 30});
    QVERIFY(inst);
    QCOMPARE(inst->kind, ElementKind::Component);
    QCOMPARE(inst->frame.w, def->defaultSize.width());
    QCOMPARE(inst->role, def->defaultRole);

    QString error;
    const QVector<Element> parts = lib.expand(*inst, &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QVERIFY(!parts.isEmpty());
    const QRectF bounds = inst->frame.rect().adjusted(-0.5, -0.5, 0.5, 0.5);
    for (const Element &p : parts) {
        QVERIFY2(p.id.startsWith(QLatin1String("inst/")), qPrintable(p.id));
        QVERIFY2(p.kind != ElementKind::Component, qPrintable(p.id));
        // Lines have a zero height, which QRectF::contains() refuses: compare edges.
        const QRectF r = p.frame.rect();
        QVERIFY2(r.left() >= bounds.left() && r.top() >= bounds.top() && r.right() <= bounds.right()
                     && r.bottom() <= bounds.bottom(), qPrintable(p.id));
    }
}

void TestComponentLibrary::resizingLaysPartsOutAgain()
{
    const ComponentLibrary &lib = ComponentLibrary::builtin();
    const QVector<Element> small = lib.expand(cardAt({280, 180}));
    const QVector<Element> large = lib.expand(cardAt({560, 360}));
    const Element *bodySmall = part(small, QStringLiteral("c1/body"));
    const Element *bodyLarge = part(large, QStringLiteral("c1/body"));
    QVERIFY(bodySmall && bodyLarge);
    // "100% - 40" wide, "100% - 88" high, 20 pt from the left.
    QCOMPARE(bodySmall->frame.w, 240.0);
    QCOMPARE(bodyLarge->frame.w, 520.0);
    QCOMPARE(bodyLarge->frame.h, 272.0);
    QCOMPARE(bodyLarge->frame.x, 120.0);
    const Element *bg = part(large, QStringLiteral("c1/bg"));
    QVERIFY(bg);
    QCOMPARE(bg->frame.rect(), QRectF(100, 50, 560, 360));
}

void TestComponentLibrary::paramsSubstitute()
{
    Element card = cardAt({280, 180});
    card.params[QStringLiteral("title")] = QStringLiteral("Revenue");
    card.params[QStringLiteral("fill")] = QStringLiteral("#ff0000");
    const QVector<Element> parts = ComponentLibrary::builtin().expand(card);
    QCOMPARE(firstRunText(*part(parts, QStringLiteral("c1/title"))), QStringLiteral("Revenue"));
    const Element *bg = part(parts, QStringLiteral("c1/bg"));
    QVERIFY(bg && bg->fill);
    QCOMPARE(bg->fill->toString(), QStringLiteral("#ff0000"));

    // A multiline body's paragraphs keep the part's paragraph formatting.
    card.params[QStringLiteral("body")] = QStringLiteral("one\ntwo");
    const QVector<Element> withList = ComponentLibrary::builtin().expand(card);
    const Element *body = part(withList, QStringLiteral("c1/body"));
    QVERIFY(body && body->text);
    QCOMPARE(body->text->paragraphs.size(), 2);
    QCOMPARE(body->text->paragraphs.at(1).plainText(), QStringLiteral("two"));
    QCOMPARE(body->text->paragraphs.at(1).lineSpacing, 1.15);
}

void TestComponentLibrary::colourDefaultsAreBrandTokens()
{
    const QVector<Element> parts = ComponentLibrary::builtin().expand(cardAt({280, 180}));
    const Element *bg = part(parts, QStringLiteral("c1/bg"));
    QVERIFY(bg && bg->fill);
    QVERIFY(bg->fill->isToken());
    QCOMPARE(bg->fill->token(), QStringLiteral("surface"));
    const Element *title = part(parts, QStringLiteral("c1/title"));
    QVERIFY(title && title->text && title->text->style.font);
    QCOMPARE(*title->text->style.font, QStringLiteral("brand:heading"));
}

void TestComponentLibrary::badParamsFallBackToDefaults_data()
{
    QTest::addColumn<QString>("param");
    QTest::addColumn<QString>("value");
    QTest::addColumn<bool>("warns");
    QTest::newRow("text colour is not a colour") << "textColor" << "not a colour" << true;
    QTest::newRow("fill is empty") << "fill" << "" << true;
    QTest::newRow("fill is a bare word") << "fill" << "red" << true;
    QTest::newRow("title is empty") << "title" << "" << false;
    QTest::newRow("title is a megabyte") << "title" << QString(1 << 20, u'x') << false;
    QTest::newRow("body has ten thousand lines") << "body" << QStringLiteral("line\n").repeated(10000) << false;
    QTest::newRow("title has braces") << "title" << "{{title}} {{nope}} }}{{" << false;
    QTest::newRow("unknown parameter") << "nosuch" << "whatever" << false;
}

void TestComponentLibrary::badParamsFallBackToDefaults()
{
    QFETCH(QString, param);
    QFETCH(QString, value);
    QFETCH(bool, warns);
    Element card = cardAt({280, 180});
    card.params[param] = value;
    QString warning;
    const QVector<Element> parts = ComponentLibrary::builtin().expand(card, &warning);
    QCOMPARE(parts.size(), 4);
    QCOMPARE(!warning.isEmpty(), warns);
    if (warns)
        QVERIFY2(warning.contains(param), qPrintable(warning));
    for (const Element &p : parts) {
        if (p.fill)
            QVERIFY(!p.fill->isNull());
        if (p.text && p.text->style.color)
            QVERIFY(!p.text->style.color->isNull());
    }
}

void TestComponentLibrary::multilineBecomesParagraphs()
{
    const ComponentLibrary &lib = ComponentLibrary::builtin();
    std::optional<Element> list = lib.instantiate(QStringLiteral("two-column-list"), QStringLiteral("l"));
    QVERIFY(list);
    list->params[QStringLiteral("left")] = QStringLiteral("Alpha\n\tDetail\r\nGamma");
    const QVector<Element> parts = lib.expand(*list);
    const Element *left = part(parts, QStringLiteral("l/left"));
    QVERIFY(left && left->text);
    const QVector<Paragraph> &paras = left->text->paragraphs;
    QCOMPARE(paras.size(), 3);
    QCOMPARE(paras.at(0).plainText(), QStringLiteral("Alpha"));
    QCOMPARE(paras.at(1).plainText(), QStringLiteral("Detail"));
    QCOMPARE(paras.at(1).level, 1);
    QCOMPARE(paras.at(2).plainText(), QStringLiteral("Gamma"));
    for (const Paragraph &p : paras)
        QCOMPARE(p.list, ListKind::Bullet);
}

void TestComponentLibrary::imagePlaceholderShowsBoxWithoutImage()
{
    const ComponentLibrary &lib = ComponentLibrary::builtin();
    std::optional<Element> img = lib.instantiate(QStringLiteral("image-placeholder"), QStringLiteral("i"));
    QVERIFY(img);
    QVector<Element> parts = lib.expand(*img);
    QVERIFY(part(parts, QStringLiteral("i/placeholder")));
    QVERIFY(!part(parts, QStringLiteral("i/image")));

    img->params[QStringLiteral("image")] = QStringLiteral("asset:photo");
    img->params[QStringLiteral("alt")] = QStringLiteral("A photo");
    parts = lib.expand(*img);
    QVERIFY(!part(parts, QStringLiteral("i/placeholder")));
    const Element *image = part(parts, QStringLiteral("i/image"));
    QVERIFY(image);
    QCOMPARE(image->src, QStringLiteral("asset:photo"));
    QCOMPARE(image->alt, QStringLiteral("A photo"));

    img->params[QStringLiteral("image")] = QStringLiteral("/etc/passwd");
    parts = lib.expand(*img);
    QVERIFY2(part(parts, QStringLiteral("i/placeholder")), "a bad image reference falls back to the empty default");
}

void TestComponentLibrary::titleRoleReachesTheTitlePart()
{
    const ComponentLibrary &lib = ComponentLibrary::builtin();
    std::optional<Element> tb = lib.instantiate(QStringLiteral("title-block"), QStringLiteral("t"));
    QVERIFY(tb);
    QCOMPARE(tb->role, QStringLiteral("title"));
    QCOMPARE(lib.find(QStringLiteral("title-block"))->titleParam, QStringLiteral("title"));
    tb->params[QStringLiteral("title")] = QStringLiteral("Quarterly review");
    const QVector<Element> parts = lib.expand(*tb);
    const Element *title = part(parts, QStringLiteral("t/title"));
    QVERIFY(title);
    QCOMPARE(title->role, QStringLiteral("title"));
    QCOMPARE(firstRunText(*title), QStringLiteral("Quarterly review"));
}

void TestComponentLibrary::unknownComponentIsAnError()
{
    const ComponentLibrary &lib = ComponentLibrary::builtin();
    Element e;
    e.id = QStringLiteral("x");
    e.kind = ElementKind::Component;
    e.component = QStringLiteral("no-such-component");
    QString error;
    QVERIFY(lib.expand(e, &error).isEmpty());
    QVERIFY(error.contains(QLatin1String("no-such-component")));
    QVERIFY(!lib.instantiate(QStringLiteral("no-such-component"), QStringLiteral("y")));

    e.kind = ElementKind::Text;
    error.clear();
    QVERIFY(lib.expand(e, &error).isEmpty());
    QVERIFY(!error.isEmpty());
}

void TestComponentLibrary::frameExpressions_data()
{
    QTest::addColumn<QByteArray>("frame");
    QTest::addColumn<QRectF>("expected"); // for an instance at (10, 20) sized 200 × 100
    QTest::newRow("numbers are points from the top left") << QByteArray(R"({"x": 5, "y": 6, "w": 7, "h": 8})") << QRectF(15, 26, 7, 8);
    QTest::newRow("percent of width and height") << QByteArray(R"({"x": "50%", "y": "25%", "w": "50%", "h": "50%"})") << QRectF(110, 45, 100, 50);
    QTest::newRow("percent minus points") << QByteArray(R"({"x": 12, "y": 0, "w": "100% - 24", "h": "100%-10"})") << QRectF(22, 20, 176, 90);
    QTest::newRow("percent plus points") << QByteArray(R"({"x": "50% + 8", "y": " 10 ", "w": "25% + 2.5", "h": 1})") << QRectF(118, 30, 52.5, 1);
    QTest::newRow("several terms") << QByteArray(R"({"x": "100% - 10 - 5", "y": "-5 + 10", "w": 1, "h": "50% + 50% - 1"})") << QRectF(195, 25, 1, 99);
    QTest::newRow("negative size clamps to zero") << QByteArray(R"({"x": 0, "y": 0, "w": "10% - 100", "h": 0})") << QRectF(10, 20, 0, 0);
}

void TestComponentLibrary::frameExpressions()
{
    QFETCH(QByteArray, frame);
    QFETCH(QRectF, expected);
    QTemporaryDir dir;
    QVERIFY(writeComponent(dir.path(), frame));
    const SpecResult<ComponentLibrary> lib = ComponentLibrary::loadDirectory(dir.path());
    QVERIFY2(lib.ok(), qPrintable(lib.errorString()));
    const std::optional<Element> inst = lib.value->instantiate(QStringLiteral("probe"), QStringLiteral("p"), {10, 20});
    QVERIFY(inst);
    const QVector<Element> parts = lib.value->expand(*inst);
    QCOMPARE(parts.size(), 1);
    QCOMPARE(parts.first().frame.rect(), expected);
}

void TestComponentLibrary::malformedFilesNameFileAndPath_data()
{
    // Each folder holds one component file and expected.txt: the JSON path
    // (or message fragment) the error must name.
    QTest::addColumn<QString>("caseDir");
    QTest::addColumn<QString>("expected");
    const QDir root(QStringLiteral(SLIDESPEC_TEST_DATA_DIR "/components"));
    const QStringList cases = root.entryList(QDir::Dirs | QDir::NoDotAndDotDot, QDir::Name);
    QVERIFY(!cases.isEmpty());
    for (const QString &name : cases) {
        QFile f(root.filePath(name + QStringLiteral("/expected.txt")));
        QVERIFY2(f.open(QIODevice::ReadOnly), qPrintable(name));
        QTest::newRow(qPrintable(name)) << root.filePath(name) << QString::fromUtf8(f.readAll()).trimmed();
    }
}

void TestComponentLibrary::malformedFilesNameFileAndPath()
{
    QFETCH(QString, caseDir);
    QFETCH(QString, expected);
    const SpecResult<ComponentLibrary> lib = ComponentLibrary::loadDirectory(caseDir);
    QVERIFY(!lib.ok());
    QVERIFY(!lib.errors.isEmpty());
    const QString all = lib.errorString();
    QVERIFY2(all.contains(QLatin1String(".json")), qPrintable(all));
    QVERIFY2(all.contains(expected), qPrintable(all));
}

void TestComponentLibrary::sourceTreeMatchesBuiltin()
{
    const SpecResult<ComponentLibrary> lib = ComponentLibrary::loadDirectory(QStringLiteral(SLIDESPEC_RESOURCES_DIR "/components"));
    QVERIFY2(lib.ok(), qPrintable(lib.errorString()));
    QCOMPARE(lib.value->components().size(), ComponentLibrary::builtin().components().size());
}

QTEST_MAIN(TestComponentLibrary)

#include "tst_componentlibrary.moc"
