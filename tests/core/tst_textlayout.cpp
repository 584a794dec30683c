// SPDX-License-Identifier: GPL-3.0-or-later
// The one text layout: point metrics, wrapping, overflow, shrink-to-fit,
// lists, anchoring, run boxes, font resolution, and caching.
#include "text/fontresolver.h"
#include "text/textlayout.h"

#include <QFontMetricsF>
#include <QImage>
#include <QPainter>
#include <QTest>
#include <QThread>

using namespace slidespec;

namespace {

BrandKit kit()
{
    BrandKit k;
    k.colors = {{QStringLiteral("text"), QColor(0x111111)}, {QStringLiteral("accent"), QColor(0xcc0000)}};
    k.fonts[QStringLiteral("body")] = FontRole{QStringLiteral("DejaVu Sans"), {}, {}};
    k.fonts[QStringLiteral("heading")] = FontRole{QStringLiteral("No Such Family"), {QStringLiteral("Lato")}, {}};
    return k;
}

TextBody body(const QStringList &paragraphs, double size = 18, ListKind list = ListKind::None)
{
    TextBody b;
    b.style.size = size;
    for (const QString &text : paragraphs) {
        Paragraph p;
        p.list = list;
        TextRun r;
        r.text = text;
        p.runs.append(r);
        b.paragraphs.append(p);
    }
    return b;
}

} // namespace

class TestTextLayout : public QObject
{
    Q_OBJECT

private:
    FontResolver m_fonts;
    TextLayoutEngine m_engine{&m_fonts};

private slots:
    void fontsResolveThroughRolesAndFallbacks_data()
    {
        QTest::addColumn<QString>("spec");
        QTest::addColumn<QString>("family");
        QTest::newRow("role") << "brand:body" << "DejaVu Sans";
        QTest::newRow("role-fallback-when-family-missing") << "brand:heading" << "Lato";
        QTest::newRow("unknown-role-uses-body") << "brand:caption" << "DejaVu Sans";
        QTest::newRow("installed-family") << "Liberation Serif" << "Liberation Serif";
        QTest::newRow("missing-family-uses-defaults") << "Comic Papyrus" << "Inter";
    }

    void fontsResolveThroughRolesAndFallbacks()
    {
        QFETCH(QString, spec);
        QFETCH(QString, family);
        QCOMPARE(m_fonts.resolve(spec, kit()), family);
    }

    void onePointIsOneUnit()
    {
        // One line of 18 pt text is a little more than 18 units tall at any DPI.
        const auto r = m_engine.layout(body({QStringLiteral("Hello")}), kit(), QSizeF(400, 100));
        QCOMPARE(r->lineCount(), 1);
        const double lineHeight = r->requiredHeight() - kDefaultTextInsets.top - kDefaultTextInsets.bottom;
        QVERIFY2(lineHeight > 18 && lineHeight < 25, qPrintable(QString::number(lineHeight)));
        const auto big = m_engine.layout(body({QStringLiteral("Hello")}, 36), kit(), QSizeF(400, 100));
        QVERIFY(qAbs((big->requiredHeight() - 7.2) / lineHeight - 2.0) < 0.05);
    }

    void wrapsToTheFrameWidth()
    {
        const QString text = QStringLiteral("The quick brown fox jumps over the lazy dog again and again");
        const auto wide = m_engine.layout(body({text}), kit(), QSizeF(900, 200));
        const auto narrow = m_engine.layout(body({text}), kit(), QSizeF(150, 200));
        QCOMPARE(wide->lineCount(), 1);
        QVERIFY(narrow->lineCount() >= 4);
        QVERIFY(narrow->requiredWidth() <= 150 + 0.5);
    }

    void overflowIsMeasured()
    {
        const QStringList paras(12, QStringLiteral("A line of text"));
        const auto r = m_engine.layout(body(paras), kit(), QSizeF(300, 100));
        QVERIFY(r->overflows());
        QVERIFY(r->requiredHeight() > 200);
        QVERIFY(!m_engine.layout(body(paras), kit(), QSizeF(300, r->requiredHeight()))->overflows());
    }

    void fitScaleMakesItFit()
    {
        const QStringList paras(8, QStringLiteral("A line of text"));
        const QSizeF frame(300, 120);
        const double scale = m_engine.fitScale(body(paras), kit(), frame);
        QVERIFY(scale < 1.0 && scale >= 0.25);
        QVERIFY(!m_engine.layout(body(paras), kit(), frame, scale)->overflows());
        // The next 2.5 % step up would not fit: the scale is the largest that does.
        if (scale < 0.975)
            QVERIFY(m_engine.layout(body(paras), kit(), frame, scale + 0.025)->overflows());
        QCOMPARE(m_engine.fitScale(body({QStringLiteral("short")}), kit(), frame), 1.0);
    }

    void listsIndentByLevel()
    {
        TextBody b = body({QStringLiteral("one"), QStringLiteral("two")}, 18, ListKind::Bullet);
        b.paragraphs[1].level = 2;
        const auto r = m_engine.layout(b, kit(), QSizeF(400, 200));
        const auto &boxes = r->runBoxes();
        QCOMPARE(boxes.size(), 2);
        QCOMPARE(boxes[0].rect.left(), kDefaultTextInsets.left + kListHanging);
        QCOMPARE(boxes[1].rect.left(), kDefaultTextInsets.left + kListHanging + 2 * kListIndentPerLevel);
    }

    void numbersHaveRoomAtLargeSizes()
    {
        for (const double size : {18.0, 40.0}) {
            const TextBody b = body({QStringLiteral("first"), QStringLiteral("second")}, size, ListKind::Number);
            const auto r = m_engine.layout(b, kit(), QSizeF(800, 400));
            const double left = r->runBoxes().first().rect.left();
            QCOMPARE(left, kDefaultTextInsets.left + listHanging(ListKind::Number, size));
            // "2." fits in the hanging room with a gap of a quarter em.
            QFont font(QStringLiteral("DejaVu Sans"));
            font.setPixelSize(int(size)); // one pixel per point, as the layout measures
            QVERIFY(listHanging(ListKind::Number, size) > QFontMetricsF(font).horizontalAdvance(QStringLiteral("10.")) + size / 4);
        }
        // Shrink-to-fit scales fonts, not indents.
        const TextBody b = body({QStringLiteral("first")}, 40, ListKind::Number);
        const auto scaled = m_engine.layout(b, kit(), QSizeF(800, 400), 0.5);
        QCOMPARE(scaled->runBoxes().first().rect.left(), kDefaultTextInsets.left + listHanging(ListKind::Number, 40));
    }

    void anchorsPlaceTextVertically_data()
    {
        QTest::addColumn<int>("anchor");
        QTest::newRow("top") << int(VAnchor::Top);
        QTest::newRow("middle") << int(VAnchor::Middle);
        QTest::newRow("bottom") << int(VAnchor::Bottom);
    }

    void anchorsPlaceTextVertically()
    {
        QFETCH(int, anchor);
        TextBody b = body({QStringLiteral("Anchored")});
        b.anchor = VAnchor(anchor);
        const QRectF ink = m_engine.layout(b, kit(), QSizeF(300, 200))->inkRect();
        switch (VAnchor(anchor)) {
        case VAnchor::Top: QVERIFY(qAbs(ink.top() - kDefaultTextInsets.top) < 0.01); break;
        case VAnchor::Middle: QVERIFY(qAbs(ink.center().y() - 100) < 0.01); break;
        case VAnchor::Bottom: QVERIFY(qAbs(ink.bottom() - (200 - kDefaultTextInsets.bottom)) < 0.01); break;
        }
    }

    void runBoxesCarryResolvedStyles()
    {
        TextBody b = body({QString()});
        b.paragraphs[0].runs.clear();
        TextRun plain;
        plain.text = QStringLiteral("plain ");
        TextRun red;
        red.text = QStringLiteral("red");
        red.style.color = ColorRef::fromToken(QStringLiteral("accent"));
        red.style.bold = true;
        b.paragraphs[0].runs = {plain, red};
        const auto r = m_engine.layout(b, kit(), QSizeF(400, 100));
        QCOMPARE(r->runBoxes().size(), 2);
        QCOMPARE(r->runBoxes()[0].style.color, QColor(0x111111));
        QCOMPARE(r->runBoxes()[1].style.color, QColor(0xcc0000));
        QVERIFY(r->runBoxes()[1].style.bold);
        QVERIFY(r->runBoxes()[1].rect.left() >= r->runBoxes()[0].rect.right() - 0.5);
    }

    void identicalTextSharesACachedLayout()
    {
        const auto a = m_engine.layout(body({QStringLiteral("cached")}), kit(), QSizeF(200, 50));
        const auto b = m_engine.layout(body({QStringLiteral("cached")}), kit(), QSizeF(200, 50));
        QCOMPARE(a.get(), b.get());
        const auto c = m_engine.layout(body({QStringLiteral("cached")}), kit(), QSizeF(201, 50));
        QVERIFY(a.get() != c.get());
    }

    void eachThreadDrawsItsOwnLayouts()
    {
        const TextBody b = body({QStringLiteral("threads")});
        const auto mine = m_engine.layout(b, kit(), QSizeF(200, 50));
        std::shared_ptr<const TextLayoutResult> theirs[2];
        QImage images[2];
        QThread *threads[2];
        for (int i = 0; i < 2; ++i) {
            threads[i] = QThread::create([&, i] {
                theirs[i] = m_engine.layout(b, kit(), QSizeF(200, 50));
                images[i] = QImage(200, 50, QImage::Format_ARGB32);
                images[i].fill(Qt::white);
                for (int round = 0; round < 50; ++round) {
                    QPainter p(&images[i]);
                    theirs[i]->draw(&p);
                }
            });
            threads[i]->start();
        }
        for (QThread *thread : threads) {
            QVERIFY(thread->wait(30000));
            delete thread;
        }
        QVERIFY(theirs[0].get() != mine.get() && theirs[1].get() != mine.get() && theirs[0].get() != theirs[1].get());
        QCOMPARE(theirs[0]->requiredHeight(), mine->requiredHeight());
        QCOMPARE(images[0], images[1]);
        // The main thread's cache is untouched by the finished threads.
        QCOMPARE(m_engine.layout(b, kit(), QSizeF(200, 50)).get(), mine.get());
    }

    void drawingAtAnyScaleStaysInsideTheBox()
    {
        const auto r = m_engine.layout(body({QStringLiteral("Ink stays inside")}), kit(), QSizeF(300, 60));
        for (const double scale : {1.0, 4.0}) {
            QImage image(QSize(400, 100) * scale, QImage::Format_ARGB32);
            image.fill(Qt::white);
            QPainter p(&image);
            p.scale(scale, scale);
            r->draw(&p);
            p.end();
            int inked = 0;
            for (int y = 0; y < image.height(); ++y) {
                for (int x = 0; x < image.width(); ++x) {
                    if (qGray(image.pixel(x, y)) < 128) {
                        ++inked;
                        QVERIFY(x < 300 * scale && y < 60 * scale);
                    }
                }
            }
            QVERIFY(inked > 50);
        }
    }
};

QTEST_MAIN(TestTextLayout)
#include "tst_textlayout.moc"
