// SPDX-License-Identifier: GPL-3.0-or-later
// Snapping maths: which target wins, the delta, the guides, equal spacing.

#include "canvas/snapping.h"

#include <QTest>

#include <cmath>
#include <limits>

using namespace slidespec;
using Snapping::Edge;
using Snapping::Edges;
using Snapping::GuideKind;

class TestSnapping : public QObject
{
    Q_OBJECT

private slots:
    void snap_data();
    void snap();
    void guidesListEveryLineTheRectNowTouches();
    void thresholdFollowsZoom();
    void resultAppliesToDraggedEdgesOnly();
    void disabledGivesTheRawRect_data();
    void disabledGivesTheRawRect();
};

namespace {
constexpr double kNone = std::numeric_limits<double>::quiet_NaN();
}

void TestSnapping::snap_data()
{
    QTest::addColumn<QRectF>("rect");
    QTest::addColumn<int>("edges");
    QTest::addColumn<QVector<QRectF>>("others");
    QTest::addColumn<double>("margin");    // safe margin on all sides, < 0 for none
    QTest::addColumn<bool>("disabled");
    QTest::addColumn<QPointF>("delta");
    QTest::addColumn<int>("guideKind");    // kind of a vertical guide expected, -1 for none
    QTest::addColumn<double>("guideAt");   // its x
    QTest::addColumn<double>("gap");       // expected equal-spacing gap, NaN for none

    const int move = int(Snapping::kMove);
    const QVector<QRectF> none;

    QTest::newRow("left edge snaps to slide centre")
        << QRectF(477, 100, 100, 50) << move << none << -1.0 << false << QPointF(3, 0)
        << int(GuideKind::SlideCenter) << 480.0 << kNone;
    QTest::newRow("centre snaps to slide centre")
        << QRectF(428, 100, 100, 50) << move << none << -1.0 << false << QPointF(2, 0)
        << int(GuideKind::SlideCenter) << 480.0 << kNone;
    QTest::newRow("right edge snaps to slide edge")
        << QRectF(856, 100, 100, 50) << move << none << -1.0 << false << QPointF(4, 0)
        << int(GuideKind::SlideEdge) << 960.0 << kNone;
    QTest::newRow("left edge snaps to another element's right edge")
        << QRectF(702, 50, 80, 40) << move << QVector<QRectF>{{600, 300, 100, 100}} << -1.0 << false
        << QPointF(-2, 0) << int(GuideKind::ElementEdge) << 700.0 << kNone;
    QTest::newRow("centre snaps to another element's centre")
        << QRectF(611, 50, 80, 40) << move << QVector<QRectF>{{600, 300, 100, 100}} << -1.0 << false
        << QPointF(-1, 0) << int(GuideKind::ElementCenter) << 650.0 << kNone;
    QTest::newRow("top edge snaps to another element's top")
        << QRectF(100, 297, 80, 40) << move << QVector<QRectF>{{600, 300, 100, 100}} << -1.0 << false
        << QPointF(0, 3) << -1 << 0.0 << kNone;
    QTest::newRow("left edge snaps to safe margin")
        << QRectF(39, 100, 80, 40) << move << none << 36.0 << false << QPointF(-3, 0)
        << int(GuideKind::SafeMargin) << 36.0 << kNone;
    QTest::newRow("nearest target wins: margin over slide edge")
        << QRectF(4, 100, 80, 40) << move << none << 6.0 << false << QPointF(2, 0)
        << int(GuideKind::SafeMargin) << 6.0 << kNone;
    QTest::newRow("no snap beyond threshold")
        << QRectF(450, 100, 10, 10) << move << QVector<QRectF>{{600, 300, 100, 100}} << 36.0 << false
        << QPointF(0, 0) << -1 << 0.0 << kNone;
    QTest::newRow("disabled (Alt held): no snap even at 1 pt")
        << QRectF(479, 100, 100, 50) << move << none << -1.0 << true << QPointF(0, 0) << -1 << 0.0 << kNone;
    QTest::newRow("equal spacing between two neighbours")
        << QRectF(247, 102, 100, 50) << move << QVector<QRectF>{{100, 100, 100, 50}, {400, 100, 100, 50}}
        << -1.0 << false << QPointF(3, -2) << -1 << 0.0 << 50.0;
    QTest::newRow("equal spacing continues a row")
        << QRectF(303, 100, 40, 40) << move
        << QVector<QRectF>{{100, 100, 40, 40}, {200, 100, 40, 40}} << -1.0 << false << QPointF(-3, 0) << -1
        << 0.0 << 60.0;
    QTest::newRow("resize snaps the dragged right edge only")
        << QRectF(2, 100, 475, 50) << int(Edge::Right) << none << -1.0 << false << QPointF(3, 0)
        << int(GuideKind::SlideCenter) << 480.0 << kNone;
    QTest::newRow("resize of the left edge ignores the right edge's targets")
        << QRectF(20, 100, 458, 50) << int(Edge::Left) << none << -1.0 << false << QPointF(0, 0) << -1 << 0.0
        << kNone;
}

void TestSnapping::snap()
{
    QFETCH(QRectF, rect);
    QFETCH(int, edges);
    QFETCH(QVector<QRectF>, others);
    QFETCH(double, margin);
    QFETCH(bool, disabled);
    QFETCH(QPointF, delta);
    QFETCH(int, guideKind);
    QFETCH(double, guideAt);
    QFETCH(double, gap);

    Snapping::Request req;
    req.rect = rect;
    req.edges = Edges(edges);
    req.others = others;
    if (margin >= 0)
        req.safeMargins = Insets{margin, margin, margin, margin};
    req.disabled = disabled;
    req.threshold = 6;
    const Snapping::Result result = Snapping::snap(req);
    QCOMPARE(result.delta, delta);
    if (disabled || delta.isNull()) {
        QVERIFY(result.guides.isEmpty());
        QVERIFY(result.spacing.isEmpty());
    }
    if (guideKind >= 0) {
        const bool found = std::any_of(result.guides.begin(), result.guides.end(), [&](const Snapping::Guide &g) {
            return g.orientation == Qt::Vertical && int(g.kind) == guideKind && qFuzzyCompare(g.position, guideAt);
        });
        QVERIFY2(found, "the expected guide is missing");
    }
    if (std::isnan(gap)) {
        QVERIFY(result.spacing.isEmpty());
    } else {
        QCOMPARE(result.spacing.size(), 1);
        QCOMPARE(result.spacing.first().orientation, Qt::Horizontal);
        QCOMPARE(result.spacing.first().gap, gap);
        for (const QPointF &interval : result.spacing.first().intervals)
            QCOMPARE(interval.y() - interval.x(), gap);
    }
}

void TestSnapping::guidesListEveryLineTheRectNowTouches()
{
    // Snapped to the slide centre, the rect's left edge also meets an
    // element's right edge at 480: both guides show.
    Snapping::Request req;
    req.rect = QRectF(478, 100, 100, 50);
    req.others = {QRectF(380, 300, 100, 20)};
    const Snapping::Result r = Snapping::snap(req);
    QCOMPARE(r.delta, QPointF(2, 0));
    QVERIFY(r.snappedX);
    QVERIFY(!r.snappedY);
    QCOMPARE(r.guides.size(), 2);
    const Snapping::Guide &element = r.guides[0].kind == GuideKind::ElementEdge ? r.guides[0] : r.guides[1];
    QCOMPARE(element.kind, GuideKind::ElementEdge);
    // The element guide spans both rects.
    QCOMPARE(element.start, 100.0);
    QCOMPARE(element.end, 320.0);
}

void TestSnapping::thresholdFollowsZoom()
{
    // 6 screen pixels at 400 % zoom are 1.5 pt: a 3 pt miss does not snap.
    Snapping::Request req;
    req.rect = QRectF(477, 100, 100, 50);
    req.threshold = 6 / 4.0;
    QCOMPARE(Snapping::snap(req).delta, QPointF(0, 0));
    req.threshold = 6 / 0.25; // 25 %: 24 pt
    req.rect = QRectF(460, 100, 100, 50);
    QCOMPARE(Snapping::snap(req).delta, QPointF(20, 0));
}

void TestSnapping::resultAppliesToDraggedEdgesOnly()
{
    Snapping::Result r;
    r.delta = QPointF(3, -2);
    QCOMPARE(r.apply(QRectF(10, 10, 100, 50)), QRectF(13, 8, 100, 50));
    QCOMPARE(r.apply(QRectF(10, 10, 100, 50), Edges(Edge::Right) | Edge::Top), QRectF(10, 8, 103, 52));
    QCOMPARE(r.apply(QRectF(10, 10, 100, 50), Edges(Edge::Left)), QRectF(13, 10, 97, 50));
}

void TestSnapping::disabledGivesTheRawRect_data()
{
    QTest::addColumn<QRectF>("rect");
    QTest::addColumn<int>("edges");
    QTest::addColumn<QVector<QRectF>>("others");
    const QVector<QRectF> row{{100, 100, 100, 50}, {400, 100, 100, 50}};
    QTest::newRow("move 1 pt from the slide centre") << QRectF(429, 100, 100, 50) << int(Snapping::kMove)
                                                      << QVector<QRectF>{};
    QTest::newRow("move onto another element's edge") << QRectF(501, 100, 40, 40) << int(Snapping::kMove) << row;
    QTest::newRow("move 2 pt from equal spacing") << QRectF(252, 100, 100, 50) << int(Snapping::kMove) << row;
    QTest::newRow("resize the right edge 1 pt from the slide edge")
        << QRectF(700, 300, 259, 50) << int(Edge::Right) << row;
    QTest::newRow("resize the top-left corner near the safe margin")
        << QRectF(37, 37, 200, 200) << int(Edge::Left | Edge::Top) << row;
}

void TestSnapping::disabledGivesTheRawRect()
{
    QFETCH(QRectF, rect);
    QFETCH(int, edges);
    QFETCH(QVector<QRectF>, others);

    Snapping::Request req;
    req.rect = rect;
    req.edges = Edges(edges);
    req.others = others;
    req.safeMargins = Insets{36, 36, 36, 36};
    req.threshold = 6;
    // Enabled, the rect snaps somewhere (else the row proves nothing) ...
    const Snapping::Result on = Snapping::snap(req);
    QVERIFY(on.snappedX || on.snappedY);
    QVERIFY(!on.guides.isEmpty() || !on.spacing.isEmpty());
    // ... and disabled (Alt held, or the setting off), it stays exactly where
    // the pointer put it, with nothing to draw.
    req.disabled = true;
    const Snapping::Result off = Snapping::snap(req);
    QCOMPARE(off.delta, QPointF(0, 0));
    QVERIFY(!off.snappedX && !off.snappedY);
    QVERIFY(off.guides.isEmpty());
    QVERIFY(off.spacing.isEmpty());
    QCOMPARE(off.apply(rect, req.edges), rect);
}

QTEST_MAIN(TestSnapping)
#include "tst_snapping.moc"
