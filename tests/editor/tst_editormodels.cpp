// SPDX-License-Identifier: GPL-3.0-or-later
// List models (slides, issues, component palette) and the clipboard format.

#include "document/clipboard.h"
#include "document/documentcontroller.h"
#include "models/componentpalettemodel.h"
#include "models/issuelistmodel.h"
#include "models/slidelistmodel.h"

#include "components/componentlibrary.h"
#include "format/specjson.h"

#include <QAbstractItemModelTester>
#include <QMimeData>
#include <QSignalSpy>
#include <QTest>
#include <QUndoStack>

using namespace slidespec;

namespace {

QString sample(const QString &name)
{
    return QStringLiteral(SLIDESPEC_RESOURCES_DIR "/samples/") + name;
}

QStringList column(const QAbstractItemModel &model, int role)
{
    QStringList out;
    for (int r = 0; r < model.rowCount(); ++r)
        out.append(model.data(model.index(r, 0), role).toString());
    return out;
}

} // namespace

class TestEditorModels : public QObject
{
    Q_OBJECT

private slots:
    void slideListFollowsEdits();
    void issueListFollowsValidation();
    void componentPaletteFilters_data();
    void componentPaletteFilters();
    void rolesAreCamelCase();
    void clipboardRoundTrip();
    void clipboardReadsOtherShapes_data();
    void clipboardReadsOtherShapes();
    void clipboardRejectsBadInput_data();
    void clipboardRejectsBadInput();
};

void TestEditorModels::slideListFollowsEdits()
{
    DocumentController doc;
    QString error;
    QVERIFY2(doc.open(sample(QStringLiteral("pitch-deck.json")), &error), qPrintable(error));
    SlideListModel model(&doc);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QCOMPARE(model.rowCount(), doc.slideCount());
    QStringList ids;
    for (const Slide &s : doc.deck().slides)
        ids.append(s.id);
    QCOMPARE(column(model, SlideListModel::IdRole), ids);
    QCOMPARE(model.data(model.index(0), SlideListModel::TitleRole).toString(), doc.deck().slides[0].title());

    // An edit on slide 1 bumps its thumbnail revision only.
    doc.setCurrentSlide(1);
    const int rev0 = model.data(model.index(0), SlideListModel::ThumbnailRevisionRole).toInt();
    const int rev1 = model.data(model.index(1), SlideListModel::ThumbnailRevisionRole).toInt();
    const QString someId = doc.currentSlideData()->elements.last().id;
    QVERIFY(doc.moveElements({someId}, 5, 0));
    QVERIFY(model.data(model.index(1), SlideListModel::ThumbnailRevisionRole).toInt() > rev1);
    QCOMPARE(model.data(model.index(0), SlideListModel::ThumbnailRevisionRole).toInt(), rev0);

    // Insert, move, hide, remove: rows follow, not reset.
    QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
    QCOMPARE(doc.addSlideFromTemplate(QStringLiteral("quote"), 0), 0);
    QCOMPARE(model.rowCount(), doc.slideCount());
    QCOMPARE(model.data(model.index(0), SlideListModel::LayoutRole).toString(), QStringLiteral("quote"));
    QVERIFY(doc.moveSlide(0, 3));
    QCOMPARE(model.data(model.index(3), SlideListModel::LayoutRole).toString(), QStringLiteral("quote"));
    QVERIFY(doc.setSlideHidden(3, true));
    QCOMPARE(model.data(model.index(3), SlideListModel::HiddenRole).toBool(), true);
    doc.undoStack()->undo();
    doc.undoStack()->undo();
    doc.undoStack()->undo();
    QCOMPARE(column(model, SlideListModel::IdRole), ids);
    QCOMPARE(reset.count(), 0);

    // Issue counts follow validation: overlap two elements of slide 1.
    doc.setCurrentSlide(1);
    const int before = model.data(model.index(1), SlideListModel::IssueCountRole).toInt();
    const Slide *slide = doc.currentSlideData();
    const Element *top = slide->paintOrder().last();
    const Element *other = slide->paintOrder()[slide->paintOrder().size() - 2];
    QVERIFY(doc.moveElements({top->id}, other->frame.x - top->frame.x + 5, other->frame.y - top->frame.y + 5));
    QCOMPARE(model.data(model.index(1), SlideListModel::IssueCountRole).toInt(), doc.issueCount(1));
    QVERIFY(doc.issueCount(1) > before);
}

void TestEditorModels::issueListFollowsValidation()
{
    DocumentController doc;
    QString error;
    QVERIFY2(doc.open(sample(QStringLiteral("quarterly-review.json")), &error), qPrintable(error));
    IssueListModel current(&doc);
    IssueListModel deckWide(&doc);
    deckWide.setWholeDeck(true);
    QAbstractItemModelTester t1(&current, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QAbstractItemModelTester t2(&deckWide, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QCOMPARE(current.rowCount(), 0); // the samples are clean
    QCOMPARE(doc.problemCount(), 0);

    // Push the title off the slide.
    doc.setCurrentSlide(1);
    const QString titleId = [&] {
        for (const Element *e : doc.currentSlideData()->paintOrder()) {
            if (e->role == QLatin1String("title"))
                return e->id;
        }
        return QString();
    }();
    QVERIFY(!titleId.isEmpty());
    QVERIFY(doc.moveElements({titleId}, 0, -200));
    QVERIFY(current.rowCount() > 0);
    QCOMPARE(deckWide.rowCount(), int(doc.deckIssues().size()));
    QVERIFY(column(current, IssueListModel::RuleIdRole).contains(QStringLiteral("off-slide")));
    int row = -1;
    for (int r = 0; r < current.rowCount(); ++r) {
        const QModelIndex i = current.index(r);
        if (current.data(i, IssueListModel::RuleIdRole) == QStringLiteral("off-slide")) {
            row = r;
            QCOMPARE(current.data(i, IssueListModel::SlideIndexRole).toInt(), 1);
            QVERIFY(current.data(i, IssueListModel::ElementIdsRole).toStringList().contains(titleId));
            QVERIFY(!current.data(i, IssueListModel::MessageRole).toString().isEmpty());
            QCOMPARE(current.data(i, IssueListModel::SeverityRole).toString(),
                     severityName(current.issue(r).severity));
        }
    }
    QVERIFY(row >= 0);
    if (current.data(current.index(row), IssueListModel::HasFixRole).toBool()) {
        QVERIFY(current.applyFix(row));
        QVERIFY(!column(current, IssueListModel::RuleIdRole).contains(QStringLiteral("off-slide")));
        doc.undoStack()->undo();
    }
    doc.undoStack()->undo();
    QCOMPARE(current.rowCount(), 0);
    QCOMPARE(deckWide.rowCount(), 0);
}

void TestEditorModels::componentPaletteFilters_data()
{
    QTest::addColumn<QString>("filter");
    QTest::addColumn<QString>("mustContain");
    QTest::addColumn<bool>("allMatch");
    QTest::newRow("empty filter lists every component") << QString() << QStringLiteral("card") << false;
    QTest::newRow("by id, any case") << QStringLiteral("QUOTE") << QStringLiteral("quote") << true;
    QTest::newRow("two words must both match") << QStringLiteral("stat callout") << QStringLiteral("stat-callout")
                                               << true;
    QTest::newRow("nothing matches") << QStringLiteral("zebra-unicorn") << QString() << true;
}

void TestEditorModels::componentPaletteFilters()
{
    QFETCH(QString, filter);
    QFETCH(QString, mustContain);
    const ComponentLibrary &lib = ComponentLibrary::builtin();
    ComponentPaletteModel model(lib);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QSignalSpy changed(&model, &ComponentPaletteModel::filterChanged);
    model.setFilter(filter);
    QCOMPARE(changed.count(), filter.isEmpty() ? 0 : 1);
    const QStringList ids = column(model, ComponentPaletteModel::IdRole);
    if (filter.isEmpty())
        QCOMPARE(ids.size(), lib.components().size());
    if (mustContain.isEmpty())
        QVERIFY(ids.isEmpty());
    else
        QVERIFY2(ids.contains(mustContain), qPrintable(ids.join(u',')));
    for (int r = 0; r < model.rowCount(); ++r) {
        const QModelIndex i = model.index(r);
        QVERIFY(!model.data(i, ComponentPaletteModel::NameRole).toString().isEmpty());
        QVERIFY(lib.find(model.data(i, ComponentPaletteModel::IdRole).toString()));
    }
}

void TestEditorModels::rolesAreCamelCase()
{
    DocumentController doc;
    doc.newDeck();
    SlideListModel slides(&doc);
    IssueListModel issues(&doc);
    ComponentPaletteModel palette(ComponentLibrary::builtin());
    for (const QAbstractItemModel *m : {static_cast<QAbstractItemModel *>(&slides),
                                        static_cast<QAbstractItemModel *>(&issues),
                                        static_cast<QAbstractItemModel *>(&palette)}) {
        const QHash<int, QByteArray> names = m->roleNames();
        QVERIFY(names.contains(Qt::UserRole + 1));
        for (auto it = names.cbegin(); it != names.cend(); ++it) {
            QVERIFY(it.key() > Qt::UserRole);
            QVERIFY2(!it.value().isEmpty() && QChar(it.value().at(0)).isLower() && !it.value().contains('_'),
                     it.value().constData());
        }
    }
}

// ---- clipboard --------------------------------------------------------------

void TestEditorModels::clipboardRoundTrip()
{
    const SpecResult<Deck> deck = SpecJson::readDeckFile(sample(QStringLiteral("pitch-deck.json")));
    QVERIFY(deck.ok());
    QVector<Element> all;
    for (const Slide &s : deck.value->slides)
        all += s.elements;
    QVERIFY(all.size() > 10);
    const QByteArray json = ElementClipboard::toJson(all);
    const SpecResult<QVector<Element>> back = ElementClipboard::fromJson(json);
    QVERIFY(back.ok());
    QCOMPARE(*back.value, all);
    QCOMPARE(ElementClipboard::toJson(*back.value), json); // canonical

    std::unique_ptr<QMimeData> mime(ElementClipboard::toMimeData(all));
    QVERIFY(mime->hasFormat(QString::fromLatin1(ElementClipboard::kMimeType)));
    QCOMPARE(mime->text().toUtf8(), json);
    QVERIFY(ElementClipboard::canRead(mime.get()));
    const SpecResult<QVector<Element>> fromMime = ElementClipboard::fromMimeData(mime.get());
    QVERIFY(fromMime.ok());
    QCOMPARE(*fromMime.value, all);

    // Text only (pasted through a text editor) reads too.
    QMimeData text;
    text.setText(QString::fromUtf8(json));
    QVERIFY(ElementClipboard::canRead(&text));
    QCOMPARE(*ElementClipboard::fromMimeData(&text).value, all);
    QMimeData prose;
    prose.setText(QStringLiteral("just some words"));
    QVERIFY(!ElementClipboard::canRead(&prose));
}

void TestEditorModels::clipboardReadsOtherShapes_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<int>("count");
    const QByteArray el = R"({"id": "x", "type": "shape", "shape": "rect", "frame": {"x": 1, "y": 2, "w": 3, "h": 4}})";
    QTest::newRow("one element object") << el << 1;
    QTest::newRow("a bare array of elements") << QByteArray("[" + el + ", " + el + "]") << 2;
    QTest::newRow("an empty list") << QByteArray(R"({"format": "slidespec-elements", "version": 1, "elements": []})")
                                   << 0;
}

void TestEditorModels::clipboardReadsOtherShapes()
{
    QFETCH(QByteArray, json);
    QFETCH(int, count);
    const SpecResult<QVector<Element>> r = ElementClipboard::fromJson(json);
    QVERIFY(r.ok());
    QCOMPARE(r.value->size(), count);
}

void TestEditorModels::clipboardRejectsBadInput_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QString>("where");
    QTest::newRow("syntax error gives line and column") << QByteArray("[{\"id\": ") << QStringLiteral("clipboard:1:");
    QTest::newRow("bad element gives its path")
        << QByteArray(R"({"elements": [{"id": "x", "type": "shape", "shape": "rect", "frame": {"x": 1}}]})")
        << QStringLiteral("$.elements[0].frame");
    QTest::newRow("another format is refused")
        << QByteArray(R"({"format": "slidespec", "elements": []})") << QStringLiteral("$.format");
    QTest::newRow("a number is not elements") << QByteArray("42") << QStringLiteral("expected an element");
}

void TestEditorModels::clipboardRejectsBadInput()
{
    QFETCH(QByteArray, json);
    QFETCH(QString, where);
    const SpecResult<QVector<Element>> r = ElementClipboard::fromJson(json);
    QVERIFY(!r.ok());
    QVERIFY(!r.errors.isEmpty());
    QStringList lines;
    for (const SpecError &e : r.errors)
        lines.append(e.toString());
    QVERIFY2(lines.join(u'\n').contains(where), qPrintable(lines.join(u'\n')));
}

QTEST_MAIN(TestEditorModels)
#include "tst_editormodels.moc"
