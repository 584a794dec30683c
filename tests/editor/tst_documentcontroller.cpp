// SPDX-License-Identifier: GPL-3.0-or-later
// DocumentController and its undo commands: every edit does and undoes
// exactly, drags merge, ids stay unique, validation follows edits, files
// round-trip.

#include "document/clipboard.h"
#include "document/deckedit.h"
#include "document/documentcontroller.h"

#include "format/specjson.h"
#include "validation/validator.h"

#include <QElapsedTimer>
#include <QGuiApplication>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QUndoStack>

#include <functional>
#include <limits>

using namespace slidespec;

namespace {

Element box(const QString &id, double x, double y, double w, double h)
{
    Element e;
    e.id = id;
    e.kind = ElementKind::Shape;
    e.frame = Frame{x, y, w, h, 0};
    e.fill = ColorRef::fromToken(QStringLiteral("primary"));
    return e;
}

Element textBox(const QString &id, const QString &text, double x, double y, double w, double h,
                const QString &role = {})
{
    Element e;
    e.id = id;
    e.kind = ElementKind::Text;
    e.role = role;
    e.frame = Frame{x, y, w, h, 0};
    TextBody body;
    Paragraph p;
    p.runs.append(TextRun{text, {}, {}, {}});
    body.paragraphs.append(p);
    body.style.size = 24;
    body.style.color = ColorRef::fromToken(QStringLiteral("text"));
    e.text = body;
    return e;
}

/*! Two slides: a title, three shapes and a group of two on the first. */
Deck fixtureDeck()
{
    Deck deck;
    deck.id = QStringLiteral("fixture");
    deck.title = QStringLiteral("Fixture");
    const SpecResult<BrandKit> kit = SpecJson::readBrandKitFile(QStringLiteral(":/slidespec/brands/northwind.json"));
    if (kit.ok())
        deck.brand = *kit.value;
    Slide s1;
    s1.id = QStringLiteral("s1");
    s1.elements.append(textBox(QStringLiteral("title"), QStringLiteral("First slide"), 48, 28, 864, 64,
                               QStringLiteral("title")));
    s1.elements.append(box(QStringLiteral("a"), 100, 150, 100, 100));
    s1.elements.append(box(QStringLiteral("b"), 300, 150, 100, 100));
    s1.elements.append(box(QStringLiteral("c"), 600, 200, 80, 80));
    Element g;
    g.id = QStringLiteral("g");
    g.kind = ElementKind::Group;
    g.children = {box(QStringLiteral("g1"), 100, 400, 50, 50), box(QStringLiteral("g2"), 200, 420, 50, 50)};
    g.frame = Frame{100, 400, 150, 70, 0};
    s1.elements.append(g);
    Slide s2;
    s2.id = QStringLiteral("s2");
    s2.elements.append(textBox(QStringLiteral("title2"), QStringLiteral("Second slide"), 48, 28, 864, 64,
                               QStringLiteral("title")));
    deck.slides = {s1, s2};
    return deck;
}

QStringList allIds(const Deck &deck)
{
    QStringList ids;
    for (const Slide &s : deck.slides) {
        ids.append(s.id);
        for (const Element &e : s.elements)
            DeckEdit::collectIds(e, ids);
    }
    return ids;
}

bool idsUnique(const Deck &deck)
{
    const QStringList ids = allIds(deck);
    return QSet<QString>(ids.begin(), ids.end()).size() == ids.size();
}

QStringList ruleIds(const QVector<Issue> &issues)
{
    QStringList out;
    for (const Issue &i : issues)
        out.append(i.ruleId);
    return out;
}

bool hasIssue(const QVector<Issue> &issues, const QString &rule, const QStringList &elementIds)
{
    for (const Issue &i : issues) {
        if (i.ruleId == rule && std::all_of(elementIds.begin(), elementIds.end(),
                                            [&](const QString &id) { return i.elementIds.contains(id); }))
            return true;
    }
    return false;
}

} // namespace

class TestDocumentController : public QObject
{
    Q_OBJECT

private slots:
    void everyEditDoesAndUndoesExactly_data();
    void everyEditDoesAndUndoesExactly();
    void noOpEditsPushNothing();
    void dragIsOneUndoStep();
    void separateDragsAreSeparateSteps();
    void quickNudgesAreOneUndoStep_data();
    void quickNudgesAreOneUndoStep();
    void typingMergesPerEditId();
    void formatTextRange_data();
    void formatTextRange();
    void typingKeepsRunFormatting_data();
    void typingKeepsRunFormatting();
    void formatTextIsOneUndoStep();
    void idsStayUnique();
    void groupUngroupRoundTrip();
    void removingGroupChildUpdatesGroup();
    void lockedElementsStayPut();
    void zOrder_data();
    void zOrder();
    void alignAndDistribute();
    void validationFollowsEdits();
    void editValidatesOnlyTouchedSlide();
    void applyFixIsOneUndoStep();
    void openSaveRoundTripAndModified();
    void openReportsErrors();
    void slideSignalsAndCurrentSlide();
    void clipboardGlue();
    void newDeckHasTitleSlide();
};

// ---- every command ---------------------------------------------------------

using Edit = std::function<bool(DocumentController &)>;
Q_DECLARE_METATYPE(Edit)

void TestDocumentController::everyEditDoesAndUndoesExactly_data()
{
    QTest::addColumn<Edit>("edit");
    const QStringList ab{QStringLiteral("a"), QStringLiteral("b")};
    const QStringList abc{QStringLiteral("a"), QStringLiteral("b"), QStringLiteral("c")};

    QTest::newRow("move two elements") << Edit([=](DocumentController &d) { return d.moveElements(ab, 10, -5); });
    QTest::newRow("move a group moves its children") << Edit([](DocumentController &d) {
        return d.moveElements({QStringLiteral("g")}, 20, 20);
    });
    QTest::newRow("move a group child refits the group") << Edit([](DocumentController &d) {
        return d.moveElements({QStringLiteral("g1")}, -40, 0);
    });
    QTest::newRow("resize") << Edit([](DocumentController &d) {
        return d.setElementFrames({QStringLiteral("a")}, {Frame{100, 150, 180, 60, 0}}, FrameChange::Resize);
    });
    QTest::newRow("resize a group scales its children") << Edit([](DocumentController &d) {
        return d.setElementFrames({QStringLiteral("g")}, {Frame{100, 400, 300, 140, 0}}, FrameChange::Resize);
    });
    QTest::newRow("rotate") << Edit([](DocumentController &d) {
        return d.setElementFrames({QStringLiteral("c")}, {Frame{600, 200, 80, 80, 30}}, FrameChange::Rotate);
    });
    QTest::newRow("set name") << Edit([](DocumentController &d) {
        return d.setElementProperty(QStringLiteral("a"), ElementProperty::Name, QStringLiteral("Card"));
    });
    QTest::newRow("set locked") << Edit([](DocumentController &d) {
        return d.setElementProperty(QStringLiteral("b"), ElementProperty::Locked, true);
    });
    QTest::newRow("set role") << Edit([](DocumentController &d) {
        return d.setElementProperty(QStringLiteral("c"), ElementProperty::Role, QStringLiteral("footer"));
    });
    QTest::newRow("set text keeps style") << Edit([](DocumentController &d) {
        return d.setElementProperty(QStringLiteral("title"), ElementProperty::Text, QStringLiteral("New\ntitle"));
    });
    QTest::newRow("set text body") << Edit([](DocumentController &d) {
        TextBody body = *d.currentSlideData()->findElement(QStringLiteral("title"))->text;
        body.anchor = VAnchor::Bottom;
        return d.setElementText(QStringLiteral("title"), body);
    });
    QTest::newRow("set fill") << Edit([](DocumentController &d) {
        return d.setElementProperty(QStringLiteral("a"), ElementProperty::Fill, QStringLiteral("#ff0000"));
    });
    QTest::newRow("clear fill") << Edit([](DocumentController &d) {
        return d.setElementProperty(QStringLiteral("a"), ElementProperty::Fill, QString());
    });
    QTest::newRow("set stroke") << Edit([](DocumentController &d) {
        return d.setElementProperty(QStringLiteral("a"), ElementProperty::Stroke,
                                    QVariantMap{{QStringLiteral("color"), QStringLiteral("brand:border")},
                                                {QStringLiteral("width"), 2},
                                                {QStringLiteral("dash"), QStringLiteral("dot")}});
    });
    QTest::newRow("set alt and decorative") << Edit([](DocumentController &d) {
        return d.setElementProperty(QStringLiteral("g2"), ElementProperty::Alt, QStringLiteral("A square"))
            && d.setElementProperty(QStringLiteral("g2"), ElementProperty::Decorative, true);
    });
    QTest::newRow("set params") << Edit([](DocumentController &d) {
        return d.setElementProperty(QStringLiteral("c"), ElementProperty::Params,
                                    QVariantMap{{QStringLiteral("title"), QStringLiteral("x")}});
    });
    QTest::newRow("set corner radius") << Edit([](DocumentController &d) {
        return d.setElementProperty(QStringLiteral("c"), ElementProperty::CornerRadius, 8.0);
    });
    QTest::newRow("set fit") << Edit([](DocumentController &d) {
        return d.setElementProperty(QStringLiteral("c"), ElementProperty::Fit, QStringLiteral("cover"));
    });
    QTest::newRow("add element") << Edit([](DocumentController &d) {
        return !d.addElement(box(QStringLiteral("a"), 10, 10, 20, 20)).isEmpty();
    });
    QTest::newRow("add component") << Edit([](DocumentController &d) {
        return !d.addComponent(QStringLiteral("card"), QPointF(500, 300)).isEmpty();
    });
    QTest::newRow("remove elements keeps positions") << Edit([](DocumentController &d) {
        return d.removeElements({QStringLiteral("b"), QStringLiteral("g1")});
    });
    QTest::newRow("bring to front") << Edit([](DocumentController &d) {
        return d.changeZOrder({QStringLiteral("a")}, DeckEdit::ZOrderChange::BringToFront);
    });
    QTest::newRow("send to back") << Edit([](DocumentController &d) {
        return d.changeZOrder({QStringLiteral("c")}, DeckEdit::ZOrderChange::SendToBack);
    });
    QTest::newRow("bring forward") << Edit([](DocumentController &d) {
        return d.changeZOrder({QStringLiteral("a")}, DeckEdit::ZOrderChange::BringForward);
    });
    QTest::newRow("send backward") << Edit([](DocumentController &d) {
        return d.changeZOrder({QStringLiteral("c")}, DeckEdit::ZOrderChange::SendBackward);
    });
    QTest::newRow("group") << Edit([=](DocumentController &d) { return !d.groupElements(abc).isEmpty(); });
    QTest::newRow("ungroup") << Edit([](DocumentController &d) {
        return !d.ungroupElements({QStringLiteral("g")}).isEmpty();
    });
    QTest::newRow("align left") << Edit([=](DocumentController &d) {
        return d.alignElements(abc, DeckEdit::Alignment::Left);
    });
    QTest::newRow("align one to slide centre") << Edit([](DocumentController &d) {
        return d.alignElements({QStringLiteral("c")}, DeckEdit::Alignment::HorizontalCenter);
    });
    QTest::newRow("align bottom") << Edit([=](DocumentController &d) {
        return d.alignElements(abc, DeckEdit::Alignment::Bottom);
    });
    QTest::newRow("distribute horizontally") << Edit([=](DocumentController &d) {
        return d.distributeElements(abc, DeckEdit::Distribution::Horizontal);
    });
    QTest::newRow("duplicate") << Edit([=](DocumentController &d) { return !d.duplicateElements(ab).isEmpty(); });
    QTest::newRow("paste") << Edit([](DocumentController &d) {
        const SpecResult<QVector<Element>> clip = ElementClipboard::fromJson(
            ElementClipboard::toJson({*d.currentSlideData()->findElement(QStringLiteral("g"))}));
        return clip.ok() && !d.pasteElements(*clip.value, QPointF(5, 5)).isEmpty();
    });
    QTest::newRow("add slide from template") << Edit([](DocumentController &d) {
        return d.addSlideFromTemplate(QStringLiteral("title-body"), 1) == 1;
    });
    QTest::newRow("duplicate slide") << Edit([](DocumentController &d) { return d.duplicateSlide(0) == 1; });
    QTest::newRow("remove slide") << Edit([](DocumentController &d) { return d.removeSlide(0); });
    QTest::newRow("move slide") << Edit([](DocumentController &d) { return d.moveSlide(0, 1); });
    QTest::newRow("skip slide") << Edit([](DocumentController &d) { return d.setSlideHidden(1, true); });
    QTest::newRow("speaker notes") << Edit([](DocumentController &d) {
        return d.setSlideProperty(0, SlideProperty::Notes, QStringLiteral("Say hello\nThen go on"));
    });
    QTest::newRow("background colour") << Edit([](DocumentController &d) {
        return d.setSlideProperty(1, SlideProperty::BackgroundColor, QStringLiteral("brand:surface"));
    });
    QTest::newRow("background image") << Edit([](DocumentController &d) {
        return d.setSlideProperty(0, SlideProperty::BackgroundImage, QStringLiteral("asset:photo"));
    });
    QTest::newRow("apply brand kit") << Edit([](DocumentController &d) {
        const SpecResult<BrandKit> kit =
            SpecJson::readBrandKitFile(QStringLiteral(":/slidespec/brands/evergreen.json"));
        return kit.ok() && d.applyBrandKit(*kit.value);
    });
}

void TestDocumentController::everyEditDoesAndUndoesExactly()
{
    QFETCH(Edit, edit);
    DocumentController doc;
    doc.setDeck(fixtureDeck());
    const Deck before = doc.deck();
    const int steps = doc.undoStack()->count();
    QVERIFY(edit(doc));
    const Deck after = doc.deck();
    QVERIFY(!(after == before));
    QVERIFY(idsUnique(after));
    QVERIFY(doc.isModified());
    const int pushed = doc.undoStack()->count() - steps;
    QVERIFY(pushed >= 1);
    for (int i = 0; i < pushed; ++i)
        doc.undoStack()->undo();
    QVERIFY2(doc.deck() == before, "undo did not restore the deck");
    QVERIFY(!doc.isModified());
    for (int i = 0; i < pushed; ++i)
        doc.undoStack()->redo();
    QVERIFY2(doc.deck() == after, "redo did not reproduce the edit");
    // And once more, from the redone state.
    for (int i = 0; i < pushed; ++i)
        doc.undoStack()->undo();
    QVERIFY(doc.deck() == before);
}

void TestDocumentController::noOpEditsPushNothing()
{
    DocumentController doc;
    doc.setDeck(fixtureDeck());
    QVERIFY(!doc.moveElements({QStringLiteral("nope")}, 5, 5));
    QVERIFY(!doc.moveElements({QStringLiteral("a")}, 0, 0));
    QVERIFY(!doc.setElementProperty(QStringLiteral("a"), ElementProperty::Name, QString()));
    QString error;
    QVERIFY(!doc.setElementProperty(QStringLiteral("a"), ElementProperty::Fill, QStringLiteral("reddish"), 0,
                                    &error));
    QVERIFY2(error.contains(QLatin1String("not a colour")), qPrintable(error));
    QVERIFY(!doc.groupElements({QStringLiteral("a")}).size());
    QVERIFY(!doc.distributeElements({QStringLiteral("a"), QStringLiteral("b")}, DeckEdit::Distribution::Horizontal));
    QVERIFY(!doc.changeZOrder({QStringLiteral("g")}, DeckEdit::ZOrderChange::BringToFront)); // already on top
    QVERIFY(!doc.moveSlide(0, 0));
    QVERIFY(!doc.removeSlide(7));
    QVERIFY(!doc.setSlideHidden(0, false));
    QVERIFY(doc.addSlideFromTemplate(QStringLiteral("no-such-template"), -1, &error) < 0);
    QVERIFY(error.contains(QLatin1String("no-such-template")));
    QCOMPARE(doc.undoStack()->count(), 0);
    QVERIFY(!doc.isModified());
}

// ---- merging -------------------------------------------------------------------

void TestDocumentController::dragIsOneUndoStep()
{
    DocumentController doc;
    doc.setDeck(fixtureDeck());
    const Deck before = doc.deck();
    const int drag = doc.beginDrag();
    QElapsedTimer timer;
    timer.start();
    for (int i = 0; i < 100; ++i)
        QVERIFY(doc.moveElements({QStringLiteral("a"), QStringLiteral("g")}, 1, 0.5, drag));
    const qint64 ms = timer.elapsed();
    qInfo("100 drag steps (move, validate the slide, merge): %lld ms", ms);
    QCOMPARE(doc.undoStack()->count(), 1);
    QCOMPARE(doc.currentSlideData()->findElement(QStringLiteral("a"))->frame.x, 200.0);
    QCOMPARE(doc.currentSlideData()->findElement(QStringLiteral("g1"))->frame.y, 450.0);
    const Deck after = doc.deck();
    doc.undoStack()->undo();
    QVERIFY(doc.deck() == before);
    doc.undoStack()->redo();
    QVERIFY(doc.deck() == after);
}

void TestDocumentController::separateDragsAreSeparateSteps()
{
    DocumentController doc;
    doc.setDeck(fixtureDeck());
    const int first = doc.beginDrag();
    doc.moveElements({QStringLiteral("a")}, 1, 0, first);
    doc.moveElements({QStringLiteral("a")}, 1, 0, first);
    const int second = doc.beginDrag();
    QVERIFY(second != first);
    doc.moveElements({QStringLiteral("a")}, 1, 0, second);
    // A resize in the same drag id is a different kind of change: no merge.
    doc.setElementFrames({QStringLiteral("a")}, {Frame{103, 150, 120, 100, 0}}, FrameChange::Resize, second);
    // A drag that ends where it began leaves no step behind.
    const int third = doc.beginDrag();
    const Frame start = doc.currentSlideData()->findElement(QStringLiteral("c"))->frame;
    doc.moveElements({QStringLiteral("c")}, 5, 5, third);
    doc.moveElements({QStringLiteral("c")}, -5, -5, third);
    QCOMPARE(doc.undoStack()->count(), 3);
    QCOMPARE(doc.currentSlideData()->findElement(QStringLiteral("c"))->frame, start);
    // Without a drag id, nothing merges.
    doc.moveElements({QStringLiteral("a")}, 1, 0);
    doc.moveElements({QStringLiteral("a")}, 1, 0);
    QCOMPARE(doc.undoStack()->count(), 5);
    for (int i = 0; i < 5; ++i)
        doc.undoStack()->undo();
    QVERIFY(!doc.isModified());
    QCOMPARE(doc.currentSlideData()->findElement(QStringLiteral("a"))->frame.x, 100.0);
}

void TestDocumentController::quickNudgesAreOneUndoStep_data()
{
    QTest::addColumn<QList<QStringList>>("selections"); // the ids of each nudge
    QTest::addColumn<QList<int>>("pausesMs");           // pause before each nudge
    QTest::addColumn<int>("steps");                     // undo steps expected
    const QStringList a{QStringLiteral("a")};
    const QStringList ab{QStringLiteral("a"), QStringLiteral("b")};
    QTest::newRow("five quick nudges of one element: one step")
        << QList<QStringList>{a, a, a, a, a} << QList<int>{0, 0, 0, 0, 0} << 1;
    QTest::newRow("quick nudges of two elements: one step")
        << QList<QStringList>{ab, ab, ab} << QList<int>{0, 0, 0} << 1;
    QTest::newRow("a pause longer than the interval starts a new step")
        << QList<QStringList>{a, a, a, a} << QList<int>{0, 0, 320, 0} << 2;
    QTest::newRow("another selection starts a new step")
        << QList<QStringList>{a, a, ab, ab, a} << QList<int>{0, 0, 0, 0, 0} << 3;
}

void TestDocumentController::quickNudgesAreOneUndoStep()
{
    QFETCH(QList<QStringList>, selections);
    QFETCH(QList<int>, pausesMs);
    QFETCH(int, steps);

    DocumentController doc;
    doc.setDeck(fixtureDeck());
    doc.setNudgeMergeInterval(250);
    const Deck before = doc.deck();
    const double ax = doc.currentSlideData()->findElement(QStringLiteral("a"))->frame.x;
    for (int i = 0; i < selections.size(); ++i) {
        if (pausesMs.at(i) > 0)
            QTest::qWait(pausesMs.at(i));
        QVERIFY(doc.nudgeElements(selections.at(i), 10, 1));
    }
    QCOMPARE(doc.undoStack()->count(), steps);
    QCOMPARE(doc.currentSlideData()->findElement(QStringLiteral("a"))->frame.x, ax + 10 * selections.size());
    QVERIFY(doc.undoStack()->text(0).startsWith(QStringLiteral("Nudge element")));
    const Deck after = doc.deck();
    for (int i = 0; i < steps; ++i)
        doc.undoStack()->undo();
    QVERIFY(doc.deck() == before);
    QVERIFY(!doc.isModified());
    for (int i = 0; i < steps; ++i)
        doc.undoStack()->redo();
    QVERIFY(doc.deck() == after);

    // Back where they started: the step goes. A drag in between never merges
    // with a nudge (different command ids).
    DocumentController other;
    other.setDeck(fixtureDeck());
    QVERIFY(other.nudgeElements({QStringLiteral("a")}, 1, 0));
    QVERIFY(other.nudgeElements({QStringLiteral("a")}, -1, 0));
    QCOMPARE(other.undoStack()->count(), 0);
    QVERIFY(other.nudgeElements({QStringLiteral("a")}, 1, 0));
    QVERIFY(other.moveElements({QStringLiteral("a")}, 1, 0, other.beginDrag()));
    QVERIFY(other.nudgeElements({QStringLiteral("a")}, 1, 0));
    QCOMPARE(other.undoStack()->count(), 3);
    // Nothing merges across a save (the clean state).
    other.undoStack()->setClean();
    QVERIFY(other.nudgeElements({QStringLiteral("a")}, 1, 0));
    QCOMPARE(other.undoStack()->count(), 4);
}

namespace {

/*! A body's runs as "text[flags]" per run, paragraphs split by '|':
 *  b bold, i italic, u underline, sN size, c colour token or #hex, l link. */
QString describe(const TextBody &body)
{
    QStringList paragraphs;
    for (const Paragraph &p : body.paragraphs) {
        QStringList runs;
        for (const TextRun &r : p.runs) {
            QString flags;
            if (r.style.bold.value_or(false))
                flags += u'b';
            if (r.style.italic.value_or(false))
                flags += u'i';
            if (r.style.underline.value_or(false))
                flags += u'u';
            if (r.style.size)
                flags += QStringLiteral("s%1").arg(*r.style.size);
            if (r.style.color)
                flags += u'c' + r.style.color->toString().remove(QStringLiteral("brand:"));
            if (!r.link.isEmpty())
                flags += u'l';
            runs.append(flags.isEmpty() ? r.text : r.text + u'[' + flags + u']');
        }
        paragraphs.append(runs.join(u' '));
    }
    return paragraphs.join(u'|');
}

TextBody bodyOf(const QStringList &paragraphs)
{
    TextBody body;
    for (const QString &text : paragraphs) {
        Paragraph p;
        p.runs.append(TextRun{text, {}, {}, {}});
        body.paragraphs.append(p);
    }
    return body;
}

} // namespace

void TestDocumentController::formatTextRange_data()
{
    QTest::addColumn<QStringList>("paragraphs");
    QTest::addColumn<int>("start");
    QTest::addColumn<int>("end");
    QTest::addColumn<QString>("format"); // b, i, u, s40, caccent
    QTest::addColumn<QString>("expected");
    QTest::newRow("a word in the middle goes bold: three runs")
        << QStringList{QStringLiteral("one two three")} << 4 << 7 << QStringLiteral("b")
        << QStringLiteral("one  two[b]  three");
    QTest::newRow("the whole text: one run")
        << QStringList{QStringLiteral("hello")} << 0 << 5 << QStringLiteral("i") << QStringLiteral("hello[i]");
    QTest::newRow("across a paragraph break: both paragraphs, the break is no character to style")
        << QStringList{QStringLiteral("ab"), QStringLiteral("cd")} << 1 << 4 << QStringLiteral("u")
        << QStringLiteral("a b[u]|c[u] d");
    QTest::newRow("size from the kit's scale") << QStringList{QStringLiteral("big deal")} << 0 << 3
                                               << QStringLiteral("s40") << QStringLiteral("big[s40]  deal");
    QTest::newRow("a brand colour") << QStringList{QStringLiteral("red flag")} << 0 << 3
                                    << QStringLiteral("caccent") << QStringLiteral("red[caccent]  flag");
}

void TestDocumentController::formatTextRange()
{
    QFETCH(QStringList, paragraphs);
    QFETCH(int, start);
    QFETCH(int, end);
    QFETCH(QString, format);
    QFETCH(QString, expected);
    TextBody body = bodyOf(paragraphs);
    DeckEdit::RunFormat f;
    if (format == QLatin1String("b"))
        f.bold = true;
    else if (format == QLatin1String("i"))
        f.italic = true;
    else if (format == QLatin1String("u"))
        f.underline = true;
    else if (format.startsWith(u's'))
        f.size = format.mid(1).toDouble();
    else
        f.color = ColorRef::fromToken(format.mid(1));
    QVERIFY(DeckEdit::formatTextRange(body, start, end, f));
    QCOMPARE(describe(body), expected);
    QCOMPARE(body.plainText(), paragraphs.join(u'\n'));
    // Undoing the format by hand joins the runs again.
    DeckEdit::RunFormat off;
    if (f.bold)
        off.bold = false;
    if (f.bold) {
        QVERIFY(DeckEdit::formatTextRange(body, 0, int(body.plainText().size()), off));
        QCOMPARE(body.paragraphs.first().runs.size(), 1);
    }
    QVERIFY(!DeckEdit::formatTextRange(body, 3, 3, f));            // empty range
    QVERIFY(!DeckEdit::formatTextRange(body, 0, 999, f));          // out of range
    QVERIFY(!DeckEdit::formatTextRange(body, 0, 1, DeckEdit::RunFormat{})); // no format
}

void TestDocumentController::typingKeepsRunFormatting_data()
{
    QTest::addColumn<QString>("newText");
    QTest::addColumn<QString>("expected");
    // The body: "one two[b] three" (bold "two"), one paragraph.
    QTest::newRow("typing inside the bold word types bold") << QStringLiteral("one twoo three")
                                                          << QStringLiteral("one  twoo[b]  three");
    QTest::newRow("typing after the plain start types plain") << QStringLiteral("oneX two three")
                                                            << QStringLiteral("oneX  two[b]  three");
    QTest::newRow("deleting the bold word joins the plain runs") << QStringLiteral("one  three")
                                                               << QStringLiteral("one  three");
    QTest::newRow("a new paragraph after the bold word keeps both sides")
        << QStringLiteral("one two\n three") << QStringLiteral("one  two[b]| three");
    QTest::newRow("replacing everything takes the first run's style") << QStringLiteral("new")
                                                                     << QStringLiteral("new");
}

void TestDocumentController::typingKeepsRunFormatting()
{
    QFETCH(QString, newText);
    QFETCH(QString, expected);
    TextBody body = bodyOf({QStringLiteral("one two three")});
    DeckEdit::RunFormat bold;
    bold.bold = true;
    QVERIFY(DeckEdit::formatTextRange(body, 4, 7, bold));
    DeckEdit::replaceText(body, newText);
    QCOMPARE(describe(body), expected);
    QCOMPARE(body.plainText(), newText);
}

void TestDocumentController::formatTextIsOneUndoStep()
{
    DocumentController doc;
    doc.setDeck(fixtureDeck());
    const Deck before = doc.deck();
    const QString title = QStringLiteral("title"); // "First slide"
    auto body = [&] { return doc.currentSlideData()->findElement(title)->text.value(); };

    // Ctrl+B on "slide": bold, one step named for it.
    QVERIFY(doc.formatText(title, 6, 11, {{QStringLiteral("bold"), QStringLiteral("toggle")}}));
    QCOMPARE(describe(body()), QStringLiteral("First  slide[b]"));
    QCOMPARE(doc.undoStack()->count(), 1);
    QCOMPARE(doc.undoStack()->text(0), QStringLiteral("Format text"));
    // Again: the whole range is bold, so the toggle takes it off.
    QVERIFY(doc.formatText(title, 6, 11, {{QStringLiteral("bold"), QStringLiteral("toggle")}}));
    QVERIFY(!body().paragraphs.first().runs.last().style.bold.value_or(false));
    // Colour and size from the kit, several at once: still one step.
    QVERIFY(doc.formatText(title, 0, 5, {{QStringLiteral("color"), QStringLiteral("brand:accent")},
                                         {QStringLiteral("size"), 40}, {QStringLiteral("italic"), true}}));
    QCOMPARE(doc.undoStack()->count(), 3);
    const TextRun first = body().paragraphs.first().runs.first();
    QCOMPARE(first.text, QStringLiteral("First"));
    QCOMPARE(first.style.size, std::optional<double>(40));
    QCOMPARE(first.style.color->toString(), QStringLiteral("brand:accent"));
    QVERIFY(first.style.italic.value_or(false));
    // Editing the text afterwards keeps the formatted run.
    QVERIFY(doc.setElementProperty(title, ElementProperty::Text, QStringLiteral("First slides")));
    QCOMPARE(body().paragraphs.first().runs.first().style.size, std::optional<double>(40));
    QCOMPARE(body().plainText(), QStringLiteral("First slides"));

    // Refused: bad colour, bad size, nothing to do, not a text element.
    QVERIFY(!doc.formatText(title, 0, 5, {{QStringLiteral("color"), QStringLiteral("reddish")}}));
    QVERIFY(!doc.formatText(title, 0, 5, {{QStringLiteral("size"), -3}}));
    QVERIFY(!doc.formatText(title, 2, 2, {{QStringLiteral("bold"), true}}));
    QVERIFY(!doc.formatText(QStringLiteral("a"), 0, 1, {{QStringLiteral("bold"), true}}));
    QCOMPARE(doc.undoStack()->count(), 4);
    while (doc.undoStack()->canUndo())
        doc.undoStack()->undo();
    QVERIFY(doc.deck() == before);
}

void TestDocumentController::typingMergesPerEditId()
{
    DocumentController doc;
    doc.setDeck(fixtureDeck());
    const Deck before = doc.deck();
    QString text;
    for (const QChar c : QStringLiteral("Hello")) {
        text += c;
        QVERIFY(doc.setElementProperty(QStringLiteral("title"), ElementProperty::Text, text, 7));
    }
    QCOMPARE(doc.undoStack()->count(), 1);
    QCOMPARE(doc.currentSlideData()->findElement(QStringLiteral("title"))->text->plainText(), QStringLiteral("Hello"));
    doc.undoStack()->undo();
    QVERIFY(doc.deck() == before);

    // Notes typed in one session are one step too.
    const int notesEdit = doc.beginDrag();
    QVERIFY(doc.setSlideProperty(0, SlideProperty::Notes, QStringLiteral("H"), notesEdit));
    QVERIFY(doc.setSlideProperty(0, SlideProperty::Notes, QStringLiteral("Hi"), notesEdit));
    QCOMPARE(doc.undoStack()->index(), 1);
    QCOMPARE(doc.deck().slides[0].notes, QStringLiteral("Hi"));
    QString error;
    QVERIFY(!doc.setSlideProperty(0, SlideProperty::BackgroundColor, QStringLiteral("blue-ish"), 0, &error));
    QVERIFY(error.contains(QLatin1String("not a colour")));
}

// ---- ids --------------------------------------------------------------------

void TestDocumentController::idsStayUnique()
{
    DocumentController doc;
    doc.setDeck(fixtureDeck());
    const QStringList copies = doc.duplicateElements({QStringLiteral("a"), QStringLiteral("g")});
    QCOMPARE(copies.size(), 2);
    QVERIFY(idsUnique(doc.deck()));
    QCOMPARE(doc.selection(), copies);
    // The copy sits on top, offset.
    const Element *copy = doc.currentSlideData()->findElement(copies.first());
    QCOMPARE(copy->frame.x, 100 + DocumentController::kDuplicateOffset);
    QCOMPARE(DeckEdit::paintOrder(doc.currentSlideData()->elements).last(),
             int(doc.currentSlideData()->elements.size()) - 1);

    // Pasting the same clipboard twice.
    const QByteArray clip = ElementClipboard::toJson({*doc.currentSlideData()->findElement(QStringLiteral("g"))});
    for (int i = 0; i < 2; ++i) {
        const SpecResult<QVector<Element>> parsed = ElementClipboard::fromJson(clip);
        QVERIFY(parsed.ok());
        QCOMPARE(doc.pasteElements(*parsed.value).size(), 1);
        QVERIFY(idsUnique(doc.deck()));
    }
    // Every bundled template, twice (its local ids are the same each time).
    for (const QString &templ : {QStringLiteral("title"), QStringLiteral("title-body"),
                                 QStringLiteral("two-columns"), QStringLiteral("section-header"),
                                 QStringLiteral("image-text"), QStringLiteral("quote"), QStringLiteral("closing"),
                                 QStringLiteral("blank")}) {
        for (int i = 0; i < 2; ++i) {
            QString error;
            const int index = doc.addSlideFromTemplate(templ, -1, &error);
            QVERIFY2(index >= 0, qPrintable(error));
            QCOMPARE(doc.currentSlide(), index);
            QCOMPARE(doc.deck().slides[index].layout, templ);
            QVERIFY2(idsUnique(doc.deck()), qPrintable(templ));
        }
    }
    QVERIFY(doc.duplicateSlide(0) == 1);
    QVERIFY(idsUnique(doc.deck()));
    // And the deck still saves and loads (ids are valid spec ids).
    const SpecResult<Deck> reread = SpecJson::readDeck(SpecJson::writeDeck(doc.deck()));
    QVERIFY2(reread.ok(), qPrintable(reread.errorString()));
}

// ---- group -------------------------------------------------------------------

void TestDocumentController::groupUngroupRoundTrip()
{
    DocumentController doc;
    doc.setDeck(fixtureDeck());
    const QVector<Element> before = doc.currentSlideData()->elements;
    auto orderOf = [](const Slide &s) {
        QStringList ids;
        for (const Element *e : s.paintOrder())
            ids.append(e->id);
        return ids;
    };
    const QStringList orderBefore = orderOf(*doc.currentSlideData());

    const QString groupId = doc.groupElements({QStringLiteral("b"), QStringLiteral("a")});
    QVERIFY(!groupId.isEmpty());
    QCOMPARE(doc.selection(), QStringList{groupId});
    const Element *g = doc.currentSlideData()->findElement(groupId);
    QVERIFY(g);
    QCOMPARE(g->kind, ElementKind::Group);
    QCOMPARE(g->frame, (Frame{100, 150, 300, 100, 0}));
    QCOMPARE(g->children.size(), 2);
    QCOMPARE(g->children[0].id, QStringLiteral("a")); // paint order kept
    QCOMPARE(g->children[0].frame, before[1].frame);  // slide coordinates kept
    QCOMPARE(g->children[1].frame, before[2].frame);

    const QStringList children = doc.ungroupElements({groupId});
    QCOMPARE(children, (QStringList{QStringLiteral("a"), QStringLiteral("b")}));
    QCOMPARE(doc.currentSlideData()->elements, before);
    QCOMPARE(orderOf(*doc.currentSlideData()), orderBefore);
    QCOMPARE(doc.undoStack()->count(), 2);

    // A rotated group's rotation goes to its children.
    doc.setElementFrames({QStringLiteral("g")}, {Frame{100, 400, 150, 70, 90}}, FrameChange::Rotate);
    doc.ungroupElements({QStringLiteral("g")});
    const Element *g1 = doc.currentSlideData()->findElement(QStringLiteral("g1"));
    QCOMPARE(g1->frame.rotation, 90.0);
    // g1's centre (125, 425) turns 90° about the group centre (175, 435).
    QCOMPARE(g1->frame.center(), QPointF(185, 385));
}

void TestDocumentController::removingGroupChildUpdatesGroup()
{
    DocumentController doc;
    doc.setDeck(fixtureDeck());
    QVERIFY(doc.removeElements({QStringLiteral("g2")}));
    const Element *g = doc.currentSlideData()->findElement(QStringLiteral("g"));
    QCOMPARE(g->frame, (Frame{100, 400, 50, 50, 0}));
    QVERIFY(doc.removeElements({QStringLiteral("g1")}));
    QVERIFY(!doc.currentSlideData()->findElement(QStringLiteral("g"))); // empty group goes too
    // Positions of the others are kept.
    QCOMPARE(doc.currentSlideData()->elements.size(), 4);
    QCOMPARE(doc.currentSlideData()->elements[2].id, QStringLiteral("b"));
}

void TestDocumentController::lockedElementsStayPut()
{
    DocumentController doc;
    doc.setDeck(fixtureDeck());
    QVERIFY(doc.setElementProperty(QStringLiteral("a"), ElementProperty::Locked, true));
    QVERIFY(doc.setElementProperty(QStringLiteral("g"), ElementProperty::Locked, true));
    const int steps = doc.undoStack()->count();
    QVERIFY(!doc.moveElements({QStringLiteral("a")}, 10, 0));
    QVERIFY(!doc.moveElements({QStringLiteral("g1")}, 10, 0)); // inside a locked group
    QVERIFY(!doc.alignElements({QStringLiteral("a")}, DeckEdit::Alignment::Right));
    QCOMPARE(doc.undoStack()->count(), steps);
    // The unlocked ones of a mixed selection still move.
    QVERIFY(doc.moveElements({QStringLiteral("a"), QStringLiteral("b")}, 10, 0));
    QCOMPARE(doc.currentSlideData()->findElement(QStringLiteral("a"))->frame.x, 100.0);
    QCOMPARE(doc.currentSlideData()->findElement(QStringLiteral("b"))->frame.x, 310.0);
}

// ---- z-order -------------------------------------------------------------------

void TestDocumentController::zOrder_data()
{
    QTest::addColumn<QVector<int>>("zs");        // z of e0..e3
    QTest::addColumn<QStringList>("ids");
    QTest::addColumn<int>("change");
    QTest::addColumn<QStringList>("expected");   // paint order after

    const QVector<int> flat{0, 0, 0, 0};
    QTest::newRow("front, equal z: array order decides")
        << flat << QStringList{"e0"} << int(DeckEdit::ZOrderChange::BringToFront)
        << QStringList{"e1", "e2", "e3", "e0"};
    QTest::newRow("back keeps the moved ones' order")
        << flat << QStringList{"e3", "e2"} << int(DeckEdit::ZOrderChange::SendToBack)
        << QStringList{"e2", "e3", "e0", "e1"};
    QTest::newRow("forward passes one element")
        << flat << QStringList{"e1"} << int(DeckEdit::ZOrderChange::BringForward)
        << QStringList{"e0", "e2", "e1", "e3"};
    QTest::newRow("backward passes one element")
        << flat << QStringList{"e2"} << int(DeckEdit::ZOrderChange::SendBackward)
        << QStringList{"e0", "e2", "e1", "e3"};
    QTest::newRow("forward with z: takes the next one's z")
        << QVector<int>{5, 1, 3, 0} << QStringList{"e3"} << int(DeckEdit::ZOrderChange::BringForward)
        << QStringList{"e1", "e3", "e2", "e0"};
    QTest::newRow("front with z above others")
        << QVector<int>{5, 1, 3, 0} << QStringList{"e1"} << int(DeckEdit::ZOrderChange::BringToFront)
        << QStringList{"e3", "e2", "e0", "e1"};
    QTest::newRow("forward of a contiguous pair moves both")
        << flat << QStringList{"e0", "e1"} << int(DeckEdit::ZOrderChange::BringForward)
        << QStringList{"e2", "e0", "e1", "e3"};
}

void TestDocumentController::zOrder()
{
    QFETCH(QVector<int>, zs);
    QFETCH(QStringList, ids);
    QFETCH(int, change);
    QFETCH(QStringList, expected);
    QVector<Element> elements;
    for (int i = 0; i < zs.size(); ++i) {
        Element e = box(QStringLiteral("e%1").arg(i), i * 10, 0, 5, 5);
        e.z = zs[i];
        elements.append(e);
    }
    QVERIFY(DeckEdit::changeZOrder(elements, ids, DeckEdit::ZOrderChange(change)));
    QStringList order;
    for (int i : DeckEdit::paintOrder(elements))
        order.append(elements[i].id);
    QCOMPARE(order, expected);
}

// ---- align, distribute ---------------------------------------------------------

void TestDocumentController::alignAndDistribute()
{
    const QVector<QRectF> rects{{10, 10, 20, 20}, {50, 40, 40, 10}, {200, 0, 10, 80}};
    const QRectF ref(10, 0, 200, 80);
    QCOMPARE(DeckEdit::alignOffsets(rects, DeckEdit::Alignment::Left, ref),
             (QVector<QPointF>{{0, 0}, {-40, 0}, {-190, 0}}));
    QCOMPARE(DeckEdit::alignOffsets(rects, DeckEdit::Alignment::Right, ref),
             (QVector<QPointF>{{180, 0}, {120, 0}, {0, 0}}));
    QCOMPARE(DeckEdit::alignOffsets(rects, DeckEdit::Alignment::HorizontalCenter, ref),
             (QVector<QPointF>{{90, 0}, {40, 0}, {-95, 0}}));
    QCOMPARE(DeckEdit::alignOffsets(rects, DeckEdit::Alignment::Top, ref),
             (QVector<QPointF>{{0, -10}, {0, -40}, {0, 0}}));
    QCOMPARE(DeckEdit::alignOffsets(rects, DeckEdit::Alignment::VerticalCenter, ref),
             (QVector<QPointF>{{0, 20}, {0, -5}, {0, 0}}));
    QCOMPARE(DeckEdit::alignOffsets(rects, DeckEdit::Alignment::Bottom, ref),
             (QVector<QPointF>{{0, 50}, {0, 30}, {0, 0}}));
    // Widths 20 + 40 + 10 = 70 over a span of 200: gaps of 65; the middle one
    // moves from 50 to 95. Outermost stay. Input order does not matter.
    QCOMPARE(DeckEdit::distributeOffsets(rects, DeckEdit::Distribution::Horizontal),
             (QVector<QPointF>{{0, 0}, {45, 0}, {0, 0}}));
    QCOMPARE(DeckEdit::distributeOffsets({rects[2], rects[0], rects[1]}, DeckEdit::Distribution::Horizontal),
             (QVector<QPointF>{{0, 0}, {0, 0}, {45, 0}}));
    // Vertically, sorted by centre: [10..30] c=20, [40..50] c=45, [0..80] c=40.
    // Order: 0 (c 20), 2 (c 40), 1 (c 45); first top 10, last bottom 50:
    // span 40, heights 110, gap -35; the middle (rect 2) goes to 30 - 35 = -5.
    QCOMPARE(DeckEdit::distributeOffsets(rects, DeckEdit::Distribution::Vertical),
             (QVector<QPointF>{{0, 0}, {0, 0}, {0, -5}}));

    DocumentController doc;
    doc.setDeck(fixtureDeck());
    const QStringList abc{QStringLiteral("a"), QStringLiteral("b"), QStringLiteral("c")};
    QVERIFY(doc.alignElements(abc, DeckEdit::Alignment::Top));
    for (const QString &id : abc)
        QCOMPARE(doc.currentSlideData()->findElement(id)->frame.y, 150.0);
    // a 100..200, b 300..400, c 600..680: widths 280 over 580 → gaps 150; b to 350.
    QVERIFY(doc.distributeElements(abc, DeckEdit::Distribution::Horizontal));
    QCOMPARE(doc.currentSlideData()->findElement(QStringLiteral("b"))->frame.x, 350.0);
    // One element aligns to the slide.
    QVERIFY(doc.alignElements({QStringLiteral("c")}, DeckEdit::Alignment::Right));
    QCOMPARE(doc.currentSlideData()->findElement(QStringLiteral("c"))->frame.x, 960.0 - 80);
}

// ---- validation -------------------------------------------------------------------

void TestDocumentController::validationFollowsEdits()
{
    DocumentController doc;
    doc.setDeck(fixtureDeck());
    const QStringList ab{QStringLiteral("a"), QStringLiteral("b")};
    QVERIFY2(!hasIssue(doc.issues(), QStringLiteral("overlap"), ab), qPrintable(ruleIds(doc.issues()).join(u',')));
    const int problemsBefore = doc.problemCount();
    QSignalSpy spy(&doc, &DocumentController::issuesChanged);

    // Put b half over a.
    QVERIFY(doc.moveElements({QStringLiteral("b")}, -150, 0));
    QVERIFY(spy.count() >= 1);
    QVERIFY2(hasIssue(doc.issues(), QStringLiteral("overlap"), ab), qPrintable(ruleIds(doc.issues()).join(u',')));
    QVERIFY(doc.problemCount() > problemsBefore);
    QVERIFY(hasIssue(doc.deckIssues(), QStringLiteral("overlap"), ab));

    doc.undoStack()->undo();
    QVERIFY(!hasIssue(doc.issues(), QStringLiteral("overlap"), ab));
    QCOMPARE(doc.problemCount(), problemsBefore);

    // Duplicate titles: renaming slide 2's title to slide 1's flags both;
    // the edit is on slide 2, but slide 1's issue list follows too.
    QVERIFY(!hasIssue(doc.slideIssues(0), QStringLiteral("slide-title-duplicate"), {}));
    doc.setCurrentSlide(1);
    QVERIFY(doc.setElementProperty(QStringLiteral("title2"), ElementProperty::Text, QStringLiteral("First slide")));
    QVERIFY(hasIssue(doc.slideIssues(1), QStringLiteral("slide-title-duplicate"), {}));
    QVERIFY(hasIssue(doc.slideIssues(0), QStringLiteral("slide-title-duplicate"), {}));
    doc.undoStack()->undo();
    QVERIFY(!hasIssue(doc.slideIssues(0), QStringLiteral("slide-title-duplicate"), {}));
    QVERIFY(!hasIssue(doc.slideIssues(1), QStringLiteral("slide-title-duplicate"), {}));
}

void TestDocumentController::editValidatesOnlyTouchedSlide()
{
    // A big deck: an edit must cost one slide's validation, not the deck's.
    Deck deck = fixtureDeck();
    const Slide first = deck.slides.first();
    deck.slides.clear();
    for (int i = 0; i < 200; ++i) {
        Slide s = first;
        s.id = QStringLiteral("s%1").arg(i);
        for (Element &e : s.elements) {
            e.id += QStringLiteral("-%1").arg(i);
            for (Element &c : e.children)
                c.id += QStringLiteral("-%1").arg(i);
            if (e.role == QLatin1String("title"))
                e.text->paragraphs[0].runs[0].text = QStringLiteral("Slide %1").arg(i);
        }
        deck.slides.append(s);
    }
    DocumentController doc;
    QElapsedTimer timer;
    timer.start();
    doc.setDeck(deck);
    const qint64 openMs = timer.elapsed();
    qint64 deckNs = std::numeric_limits<qint64>::max();
    for (int i = 0; i < 3; ++i) {
        timer.restart();
        doc.validator().validateDeck(doc.deck());
        deckNs = std::min(deckNs, timer.nsecsElapsed());
    }
    doc.setCurrentSlide(100);
    const int drag = doc.beginDrag();
    // The best of many short batches, as for the deck: a busy machine (other
    // builds) only slows some of them.
    double perEditNs = std::numeric_limits<double>::max();
    for (int batch = 0; batch < 15; ++batch) {
        timer.restart();
        for (int i = 0; i < 10; ++i)
            doc.moveElements({QStringLiteral("a-100")}, 1, 0, drag);
        perEditNs = std::min(perEditNs, timer.nsecsElapsed() / 10.0);
    }
    qInfo("200-slide deck: open %lld ms, validate deck %.2f ms, one edit (move + validate its slide) %.3f ms",
          openMs, deckNs / 1e6, perEditNs / 1e6);
    QVERIFY2(perEditNs * 5 < deckNs, "an edit costs as much as validating the deck");
}

void TestDocumentController::applyFixIsOneUndoStep()
{
    DocumentController doc;
    doc.setDeck(fixtureDeck());
    // b overlaps a by 10 pt: shallow enough for a nudge fix.
    QVERIFY(doc.moveElements({QStringLiteral("b")}, -110, 0));
    std::optional<Issue> fixable;
    for (const Issue &i : doc.issues()) {
        if (i.ruleId == QLatin1String("overlap") && i.fix)
            fixable = i;
    }
    QVERIFY2(fixable, "no overlap issue with a fix");
    const Deck before = doc.deck();
    const int count = doc.undoStack()->count();
    QString error;
    QVERIFY2(doc.applyFix(*fixable, &error), qPrintable(error));
    QCOMPARE(doc.undoStack()->count(), count + 1);
    QVERIFY(!hasIssue(doc.issues(), QStringLiteral("overlap"), {QStringLiteral("a"), QStringLiteral("b")}));
    const Deck after = doc.deck();
    doc.undoStack()->undo();
    QVERIFY(doc.deck() == before);
    QVERIFY(hasIssue(doc.issues(), QStringLiteral("overlap"), {QStringLiteral("a"), QStringLiteral("b")}));
    doc.undoStack()->redo();
    QVERIFY(doc.deck() == after);

    // A stale issue (its slide is gone) is refused with a reason.
    Issue stale = *fixable;
    stale.slideId = QStringLiteral("gone");
    QVERIFY(!doc.applyFix(stale, &error));
    QVERIFY(error.contains(QLatin1String("gone")));
}

// ---- files -------------------------------------------------------------------

void TestDocumentController::openSaveRoundTripAndModified()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("deck.json"));
    DocumentController doc;
    QSignalSpy modified(&doc, &DocumentController::modifiedChanged);
    doc.setDeck(fixtureDeck());
    QVERIFY(!doc.isModified());
    QString error;
    QVERIFY(!doc.save(&error)); // no file yet
    QVERIFY(!error.isEmpty());
    QVERIFY2(doc.saveAs(path, &error), qPrintable(error));
    QCOMPARE(doc.filePath(), QFileInfo(path).absoluteFilePath());

    QVERIFY(doc.moveElements({QStringLiteral("a")}, 5, 5));
    QVERIFY(doc.isModified());
    QVERIFY(!modified.isEmpty());
    QCOMPARE(modified.last().first().toBool(), true);
    doc.undoStack()->undo();
    QVERIFY(!doc.isModified()); // back at the saved state
    doc.undoStack()->redo();
    QVERIFY(doc.isModified());
    QVERIFY2(doc.save(&error), qPrintable(error));
    QVERIFY(!doc.isModified());
    const Deck saved = doc.deck();
    doc.undoStack()->undo();
    QVERIFY(doc.isModified()); // the file holds the moved state

    DocumentController other;
    QVERIFY2(other.open(path, &error), qPrintable(error));
    QVERIFY(!other.isModified());
    QCOMPARE(other.undoStack()->count(), 0);
    QCOMPARE(SpecJson::writeDeck(other.deck()), SpecJson::writeDeck(saved));
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QCOMPARE(file.readAll(), SpecJson::writeDeck(saved)); // canonical bytes
    QCOMPARE(other.currentSlide(), 0);
}

void TestDocumentController::openReportsErrors()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("bad.json"));
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("{\"format\": \"slidespec\", \"version\": 1, \"id\": \"x\", \"slides\": [ {\"id\": 3} ] }");
    file.close();
    DocumentController doc;
    doc.setDeck(fixtureDeck());
    QString error;
    QVERIFY(!doc.open(path, &error));
    QVERIFY2(error.contains(QLatin1String("$.")), qPrintable(error));
    QCOMPARE(doc.deck().id, QStringLiteral("fixture")); // the open document stays
    QVERIFY(!doc.open(dir.filePath(QStringLiteral("missing.json")), &error));
    QVERIFY(!error.isEmpty());
}

// ---- signals ----------------------------------------------------------------

void TestDocumentController::slideSignalsAndCurrentSlide()
{
    DocumentController doc;
    doc.setDeck(fixtureDeck());
    QSignalSpy inserted(&doc, &DocumentController::slidesInserted);
    QSignalSpy removed(&doc, &DocumentController::slidesRemoved);
    QSignalSpy moved(&doc, &DocumentController::slidesMoved);
    QSignalSpy changed(&doc, &DocumentController::elementsChanged);
    QSignalSpy slideChanged(&doc, &DocumentController::slideChanged);

    doc.setSelection({QStringLiteral("a"), QStringLiteral("nope")});
    QCOMPARE(doc.selection(), QStringList{QStringLiteral("a")});
    QVERIFY(doc.moveElements({QStringLiteral("a")}, 1, 1));
    QCOMPARE(changed.count(), 1);
    QCOMPARE(changed.first().at(0).toInt(), 0);
    QCOMPARE(changed.first().at(1).toStringList(), QStringList{QStringLiteral("a")});

    QCOMPARE(doc.addSlideFromTemplate(QStringLiteral("title-body")), 1);
    QCOMPARE(inserted.count(), 1);
    QCOMPARE(doc.currentSlide(), 1);
    QVERIFY(doc.selection().isEmpty());
    QVERIFY(doc.moveSlide(1, 2));
    QCOMPARE(moved.count(), 1);
    QCOMPARE(doc.currentSlide(), 2); // the current slide followed
    QVERIFY(doc.setSlideHidden(0, true));
    QCOMPARE(slideChanged.count(), 1);
    QVERIFY(doc.removeSlide(2));
    QCOMPARE(removed.count(), 1);
    QCOMPARE(doc.currentSlide(), 1);

    // Removing the selected element drops it from the selection.
    doc.setCurrentSlide(0);
    doc.setSelection({QStringLiteral("a"), QStringLiteral("b")});
    QVERIFY(doc.removeElements({QStringLiteral("a")}));
    QCOMPARE(doc.selection(), QStringList{QStringLiteral("b")});
}

void TestDocumentController::clipboardGlue()
{
    DocumentController doc;
    doc.setDeck(fixtureDeck());
    // A child whose group is selected too is copied once, with the group.
    doc.setSelection({QStringLiteral("g1"), QStringLiteral("g")});
    QCOMPARE(doc.selectedElements().size(), 1);
    doc.setSelection({QStringLiteral("g1")});
    QCOMPARE(doc.selectedElements().size(), 1);
    QCOMPARE(doc.selectedElements().first().id, QStringLiteral("g1"));

    doc.setSelection({QStringLiteral("g"), QStringLiteral("a")});
    QVERIFY(doc.copySelection());
    QString error;
    const QStringList pasted = doc.paste(&error);
    QVERIFY2(pasted.size() == 2, qPrintable(error));
    QVERIFY(idsUnique(doc.deck()));
    // Pasted over its originals: offset so it shows.
    QCOMPARE(doc.currentSlideData()->findElement(pasted.first())->frame.x, 100 + DocumentController::kDuplicateOffset);
    QCOMPARE(doc.selection(), pasted);
    QVERIFY(doc.cutSelection());
    for (const QString &id : pasted)
        QVERIFY(!doc.currentSlideData()->findElement(id));
    doc.setCurrentSlide(1);
    QCOMPARE(doc.paste(&error).size(), 2);
    QCOMPARE(doc.currentSlideData()->elements.size(), 3);
}

void TestDocumentController::newDeckHasTitleSlide()
{
    DocumentController doc;
    doc.newDeck();
    QCOMPARE(doc.slideCount(), 1);
    QCOMPARE(doc.currentSlide(), 0);
    QCOMPARE(doc.deck().slides[0].layout, QStringLiteral("title"));
    QVERIFY(!doc.deck().brand.colors.empty());
    QVERIFY(idsUnique(doc.deck()));
    QVERIFY(!doc.isModified());
    QCOMPARE(doc.undoStack()->count(), 0);
}

QTEST_MAIN(TestDocumentController)
#include "tst_documentcontroller.moc"
