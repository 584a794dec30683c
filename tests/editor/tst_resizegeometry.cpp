// SPDX-License-Identifier: GPL-3.0-or-later
// Resize maths of the canvas handles: the opposite corner or edge stays put
// on the slide (also rotated), shift keeps the aspect, a multi-selection
// scales as one picture; and the controller's handle and multi-resize as one
// undo step each.

#include "canvas/resizegeometry.h"
#include "document/documentcontroller.h"

#include <QTest>
#include <QUndoStack>

#include <cmath>

using namespace slidespec;

namespace {

bool near(QPointF a, QPointF b, double eps = 1e-6)
{
    return std::abs(a.x() - b.x()) < eps && std::abs(a.y() - b.y()) < eps;
}

/*! Frame-local point (u, v in 0..1 of the size) on the slide. */
QPointF onSlide(const Frame &f, double u, double v)
{
    return f.transform().map(QPointF(u * f.w, v * f.h));
}

Element shape(const QString &id, const Frame &frame)
{
    Element e;
    e.id = id;
    e.kind = ElementKind::Shape;
    e.frame = frame;
    return e;
}

} // namespace

class TestResizeGeometry : public QObject
{
    Q_OBJECT

private slots:
    void oppositeCornerStays_data();
    void oppositeCornerStays();
    void keepAspect();
    void minimumSize();
    void scaleFramesAsOnePicture_data();
    void scaleFramesAsOnePicture();
    void controllerHandleDragIsOneStep();
    void controllerMultiResizeIsOneStep();
};

void TestResizeGeometry::oppositeCornerStays_data()
{
    QTest::addColumn<double>("rotation");
    QTest::addColumn<int>("hx");
    QTest::addColumn<int>("hy");
    QTest::addColumn<QPointF>("delta"); // slide coordinates
    QTest::addColumn<QSizeF>("size");   // expected size

    // Unrotated: the delta adds straight to the dragged sides.
    QTest::newRow("unrotated, bottom-right corner out by (40, 20)") << 0.0 << 1 << 1 << QPointF(40, 20) << QSizeF(240, 120);
    QTest::newRow("unrotated, top-left corner in by (10, 10)") << 0.0 << -1 << -1 << QPointF(10, 10) << QSizeF(190, 90);
    QTest::newRow("unrotated, right edge: height unchanged") << 0.0 << 1 << 0 << QPointF(30, 50) << QSizeF(230, 100);
    // Rotated 90° clockwise: the frame's x axis points down the slide.
    QTest::newRow("rotated 90°, right edge pulled down the slide by 30") << 90.0 << 1 << 0 << QPointF(0, 30)
                                                                         << QSizeF(230, 100);
    QTest::newRow("rotated 90°, bottom-right corner: slide (-20, 40) is local (40, 20)")
        << 90.0 << 1 << 1 << QPointF(-20, 40) << QSizeF(240, 120);
    // Rotated 30°: a pull along the frame's own x axis by 50.
    const double a = 30 * M_PI / 180;
    QTest::newRow("rotated 30°, right edge along its axis by 50")
        << 30.0 << 1 << 0 << QPointF(50 * std::cos(a), 50 * std::sin(a)) << QSizeF(250, 100);
    QTest::newRow("rotated 30°, top-left corner, a pull across the axis does not widen")
        << 30.0 << -1 << -1 << QPointF(-20 * std::sin(a), 20 * std::cos(a)) << QSizeF(200, 80);
    QTest::newRow("rotated 135°, bottom edge") << 135.0 << 0 << 1
                                               << QPointF(-25 * std::sin(135 * M_PI / 180), 25 * std::cos(135 * M_PI / 180))
                                               << QSizeF(200, 125);
}

void TestResizeGeometry::oppositeCornerStays()
{
    QFETCH(double, rotation);
    QFETCH(int, hx);
    QFETCH(int, hy);
    QFETCH(QPointF, delta);
    QFETCH(QSizeF, size);

    const Frame start{100, 150, 200, 100, rotation};
    const Frame out = ResizeGeometry::resizeFrame(start, hx, hy, delta, false);
    QCOMPARE(out.rotation, rotation);
    QVERIFY2(std::abs(out.w - size.width()) < 1e-6 && std::abs(out.h - size.height()) < 1e-6,
             qPrintable(QStringLiteral("size %1 x %2").arg(out.w).arg(out.h)));
    // The opposite corner (or the middle of the opposite edge) is where it was.
    const double u = (1 - hx) / 2.0, v = (1 - hy) / 2.0;
    QVERIFY(near(onSlide(out, u, v), onSlide(start, u, v)));
    QVERIFY(near(ResizeGeometry::anchorPoint(out, hx, hy), ResizeGeometry::anchorPoint(start, hx, hy)));
    // And the dragged handle followed the pointer along the dragged axes.
    if (hx != 0 && hy != 0)
        QVERIFY(near(onSlide(out, (1 + hx) / 2.0, (1 + hy) / 2.0), onSlide(start, (1 + hx) / 2.0, (1 + hy) / 2.0) + delta));
}

void TestResizeGeometry::keepAspect()
{
    // 2:1, corner pulled mostly sideways: the larger factor wins for both.
    const Frame start{0, 0, 200, 100, 0};
    const Frame out = ResizeGeometry::resizeFrame(start, 1, 1, QPointF(100, 10), true);
    QCOMPARE(out.w, 300.0);
    QCOMPARE(out.h, 150.0);
    QCOMPARE(out.x, 0.0);
    QCOMPARE(out.y, 0.0);
    // Top-left corner of a rotated frame: aspect kept, bottom-right corner stays.
    const Frame turned{100, 100, 200, 100, 45};
    const Frame t = ResizeGeometry::resizeFrame(turned, -1, -1, QPointF(-30, -5), true);
    QVERIFY(std::abs(t.w / t.h - 2) < 1e-9);
    QVERIFY(near(onSlide(t, 1, 1), onSlide(turned, 1, 1)));
    // Edge handles ignore keepAspect.
    const Frame edge = ResizeGeometry::resizeFrame(start, 1, 0, QPointF(50, 0), true);
    QCOMPARE(edge.h, 100.0);
    QCOMPARE(edge.w, 250.0);
    // Axis-aligned bounds of a multi-selection follow the same rules.
    const QRectF bounds = ResizeGeometry::resizeBounds(QRectF(10, 10, 100, 50), -1, -1, QPointF(-10, 0), true);
    QVERIFY(near(bounds.bottomRight(), QPointF(110, 60)));
    QVERIFY(near(QPointF(bounds.width(), bounds.height()), QPointF(110, 55)));
}

void TestResizeGeometry::minimumSize()
{
    const Frame start{100, 100, 200, 100, 0};
    const Frame out = ResizeGeometry::resizeFrame(start, 1, 1, QPointF(-500, -500), false);
    QCOMPARE(out.w, 1.0);
    QCOMPARE(out.h, 1.0);
    QCOMPARE(out.x, 100.0); // the top-left corner stays
    const Frame left = ResizeGeometry::resizeFrame(start, -1, 0, QPointF(400, 0), false, 5);
    QCOMPARE(left.w, 5.0);
    QCOMPARE(left.x + left.w, 300.0); // the right edge stays
    const Frame aspect = ResizeGeometry::resizeFrame(start, 1, 1, QPointF(-500, -500), true, 4);
    QCOMPARE(aspect.h, 4.0);
    QCOMPARE(aspect.w, 8.0); // still 2:1
}

void TestResizeGeometry::scaleFramesAsOnePicture_data()
{
    QTest::addColumn<QVector<Frame>>("frames");
    QTest::addColumn<QRectF>("from");
    QTest::addColumn<QRectF>("to");
    QTest::addColumn<QVector<Frame>>("expected");
    const QVector<Frame> two{{0, 0, 100, 50, 0}, {200, 150, 100, 50, 0}};
    QTest::newRow("doubled from the top left")
        << two << QRectF(0, 0, 300, 200) << QRectF(0, 0, 600, 400)
        << QVector<Frame>{{0, 0, 200, 100, 0}, {400, 300, 200, 100, 0}};
    QTest::newRow("halved towards the bottom right")
        << two << QRectF(0, 0, 300, 200) << QRectF(150, 100, 150, 100)
        << QVector<Frame>{{150, 100, 50, 25, 0}, {250, 175, 50, 25, 0}};
    QTest::newRow("stretched sideways only")
        << two << QRectF(0, 0, 300, 200) << QRectF(0, 0, 600, 200)
        << QVector<Frame>{{0, 0, 200, 50, 0}, {400, 150, 200, 50, 0}};
    // A frame turned 90°: its width runs down the slide, so it takes the
    // vertical factor. Its bounds (50..100 wide, 0..100 tall) scale exactly.
    QTest::newRow("a frame turned 90° takes the factors the other way round")
        << QVector<Frame>{{25, 25, 100, 50, 90}} << QRectF(50, 0, 50, 100) << QRectF(50, 0, 100, 300)
        << QVector<Frame>{{-50, 100, 300, 100, 90}};
    QTest::newRow("empty bounds: nothing changes") << two << QRectF(0, 0, 0, 0) << QRectF(0, 0, 100, 100) << two;
}

void TestResizeGeometry::scaleFramesAsOnePicture()
{
    QFETCH(QVector<Frame>, frames);
    QFETCH(QRectF, from);
    QFETCH(QRectF, to);
    QFETCH(QVector<Frame>, expected);
    const QVector<Frame> out = ResizeGeometry::scaleFrames(frames, from, to);
    QCOMPARE(out.size(), expected.size());
    for (int i = 0; i < out.size(); ++i) {
        const Frame &a = out.at(i), &b = expected.at(i);
        QVERIFY2(std::abs(a.x - b.x) < 1e-9 && std::abs(a.y - b.y) < 1e-9 && std::abs(a.w - b.w) < 1e-9
                     && std::abs(a.h - b.h) < 1e-9 && a.rotation == b.rotation,
                 qPrintable(QStringLiteral("frame %1: %2,%3 %4x%5").arg(i).arg(a.x).arg(a.y).arg(a.w).arg(a.h)));
    }
    // The scaled frames' bounds are the target (for unrotated or 90° frames).
    if (from.isValid()) {
        QRectF bounds;
        for (const Frame &f : out)
            bounds |= f.boundingRect();
        QVERIFY(near(bounds.topLeft(), to.topLeft()) && near(bounds.bottomRight(), to.bottomRight()));
    }
}

void TestResizeGeometry::controllerHandleDragIsOneStep()
{
    Deck deck;
    Slide slide;
    slide.id = QStringLiteral("s1");
    slide.elements = {shape(QStringLiteral("r"), Frame{100, 100, 200, 100, 30})};
    deck.slides = {slide};
    DocumentController doc;
    doc.setDeck(deck);
    const Frame start = doc.currentSlideData()->elements.first().frame;
    const QPointF fixed = onSlide(start, 0, 0);
    const int drag = doc.beginDrag();
    const double a = 30 * M_PI / 180;
    // Five pointer steps of a bottom-right drag, each measured from the start.
    for (int i = 1; i <= 5; ++i)
        QVERIFY(doc.resizeByHandle(QStringLiteral("r"), 1, 1, 10 * i * std::cos(a), 10 * i * std::sin(a), false, drag));
    const Frame end = doc.currentSlideData()->elements.first().frame;
    QVERIFY(std::abs(end.w - 250) < 1e-6);
    QVERIFY(std::abs(end.h - 100) < 1e-6);
    QVERIFY(near(onSlide(end, 0, 0), fixed)); // the top-left corner stayed on the slide
    QCOMPARE(doc.undoStack()->count(), 1);
    doc.undoStack()->undo();
    QCOMPARE(doc.currentSlideData()->elements.first().frame, start);
    QVERIFY(!doc.resizeByHandle(QStringLiteral("nope"), 1, 1, 5, 5, false, drag));
}

void TestResizeGeometry::controllerMultiResizeIsOneStep()
{
    Deck deck;
    Slide slide;
    slide.id = QStringLiteral("s1");
    slide.elements = {shape(QStringLiteral("a"), Frame{0, 0, 100, 50, 0}),
                      shape(QStringLiteral("b"), Frame{200, 150, 100, 50, 0})};
    Element locked = shape(QStringLiteral("l"), Frame{400, 400, 10, 10, 0});
    locked.locked = true;
    slide.elements.append(locked);
    deck.slides = {slide};
    DocumentController doc;
    doc.setDeck(deck);
    const Deck before = doc.deck();
    const QStringList ids{QStringLiteral("a"), QStringLiteral("b")};
    const QRectF from(0, 0, 300, 200);
    const int drag = doc.beginDrag();
    for (int i = 1; i <= 6; ++i)
        QVERIFY(doc.scaleElements(ids, from, QRectF(0, 0, 300 + 50 * i, 200 + 100.0 / 3 * i), drag));
    const Slide *s = doc.currentSlideData();
    QCOMPARE(s->findElement(QStringLiteral("a"))->frame, (Frame{0, 0, 200, 100, 0}));
    QCOMPARE(s->findElement(QStringLiteral("b"))->frame, (Frame{400, 300, 200, 100, 0}));
    QCOMPARE(doc.undoStack()->count(), 1);
    // A locked element in the selection stays as it is.
    QVERIFY(!doc.scaleElements({QStringLiteral("l")}, QRectF(400, 400, 10, 10), QRectF(400, 400, 50, 50)));
    doc.undoStack()->undo();
    QVERIFY(doc.deck() == before);
}

QTEST_MAIN(TestResizeGeometry)
#include "tst_resizegeometry.moc"
