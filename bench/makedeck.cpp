// SPDX-License-Identifier: GPL-3.0-or-later
//
// Writes the benchmark decks as spec JSON:
//   bench_makedeck export N OUT.json   — N slides, each: a title, three
//       bullets, a coloured card with a label, an accent bar (the content the
//       PptxGenJS peer writes too, read from the same JSON);
//   bench_makedeck validate N M OUT.json — N slides of M elements each (a grid
//       of text, cards, pictures and marks; every tenth slide has a mistake);
//   bench_makedeck dense M OUT.json — one slide of M elements (a title and a
//       fine grid of labels, cards, pictures and marks), for the editor's
//       drag benchmark.
#include "format/specjson.h"

#include <QBuffer>
#include <QCoreApplication>
#include <QImage>
#include <QTextStream>

using namespace slidespec;

namespace {

BrandKit brand()
{
    BrandKit kit;
    kit.id = QStringLiteral("bench");
    kit.name = QStringLiteral("Benchmark");
    kit.colors = {{QStringLiteral("background"), QColor(0xffffff)}, {QStringLiteral("text"), QColor(0x1b2430)},
                  {QStringLiteral("primary"), QColor(0x1f4e79)}, {QStringLiteral("accent"), QColor(0xe07a1f)},
                  {QStringLiteral("surface"), QColor(0xeef3f8)}, {QStringLiteral("onPrimary"), QColor(0xffffff)}};
    kit.fonts[QStringLiteral("heading")] = FontRole{QStringLiteral("Lato"), {QStringLiteral("DejaVu Sans")}, {}};
    kit.fonts[QStringLiteral("body")] = FontRole{QStringLiteral("Lato"), {QStringLiteral("DejaVu Sans")}, {}};
    kit.guidance.minFontSize = 12;
    kit.guidance.safeMargins = Insets{24, 24, 24, 24};
    return kit;
}

Element text(const QString &id, const QString &role, Frame frame, const QStringList &paragraphs, double size,
             bool bold, ListKind list = ListKind::None, const QString &color = QStringLiteral("brand:text"))
{
    Element e;
    e.id = id;
    e.kind = ElementKind::Text;
    e.role = role;
    e.frame = frame;
    TextBody body;
    body.style.size = size;
    body.style.color = ColorRef::parse(color);
    if (bold)
        body.style.bold = true;
    body.style.font = role == QLatin1String("title") ? QStringLiteral("brand:heading") : QStringLiteral("brand:body");
    for (const QString &p : paragraphs) {
        Paragraph para;
        para.list = list;
        para.spaceAfter = list == ListKind::None ? 0 : 6;
        TextRun run;
        run.text = p;
        para.runs.append(run);
        body.paragraphs.append(para);
    }
    e.text = body;
    return e;
}

Element shape(const QString &id, ShapeKind kind, Frame frame, const QString &fill)
{
    Element e;
    e.id = id;
    e.kind = ElementKind::Shape;
    e.shape = kind;
    e.frame = frame;
    e.fill = ColorRef::parse(fill);
    if (kind == ShapeKind::RoundedRectangle)
        e.cornerRadius = 12;
    return e;
}

Deck exportDeck(int slides)
{
    Deck deck;
    deck.id = QStringLiteral("bench-export");
    deck.title = QStringLiteral("Benchmark deck");
    deck.brand = brand();
    for (int i = 1; i <= slides; ++i) {
        const QString n = QString::number(i);
        Slide s;
        s.id = u's' + n;
        s.layout = QStringLiteral("title-body");
        s.elements.append(shape(u"bar" + n, ShapeKind::Rectangle, {48, 40, 8, 56}, QStringLiteral("brand:accent")));
        s.elements.append(text(u"title" + n, QStringLiteral("title"), {68, 40, 820, 56},
                               {QStringLiteral("Quarterly milestone %1: what we shipped").arg(i)}, 32, true));
        s.elements.append(text(u"bullets" + n, QStringLiteral("body"), {68, 130, 480, 220},
                               {QStringLiteral("Revenue grew %1% quarter over quarter").arg(10 + i % 17),
                                QStringLiteral("Onboarding time fell from 9 to %1 days").arg(2 + i % 5),
                                QStringLiteral("Three enterprise pilots converted to annual plans")},
                               20, false, ListKind::Bullet));
        s.elements.append(shape(u"card" + n, ShapeKind::RoundedRectangle, {600, 130, 300, 200}, QStringLiteral("brand:primary")));
        s.elements.append(text(u"label" + n, QStringLiteral("body"), {624, 150, 252, 160},
                               {QStringLiteral("Net retention"), QStringLiteral("%1%").arg(100 + i % 30)}, 24, true,
                               ListKind::None, QStringLiteral("brand:onPrimary")));
        deck.slides.append(s);
    }
    return deck;
}

// A small chart-like image, encoded once and embedded as a data URI.
QString chartPng()
{
    QImage image(64, 48, QImage::Format_RGB32);
    image.fill(QColor(0xeef3f8));
    for (int bar = 0; bar < 4; ++bar) {
        for (int y = 40 - bar * 8; y < 44; ++y) {
            for (int x = 6 + bar * 14; x < 16 + bar * 14; ++x)
                image.setPixel(x, y, 0x1f4e79);
        }
    }
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    image.save(&buffer, "PNG");
    return QStringLiteral("data:image/png;base64,") + QString::fromLatin1(bytes.toBase64());
}

Element picture(const QString &id, Frame frame, const QString &png, int n)
{
    Element img;
    img.id = id;
    img.kind = ElementKind::Image;
    img.frame = frame;
    img.src = png;
    img.alt = QStringLiteral("Bar chart %1").arg(n);
    return img;
}

Deck validateDeck(int slides, int perSlide)
{
    Deck deck;
    deck.id = QStringLiteral("bench-validate");
    deck.title = QStringLiteral("Validation benchmark");
    deck.brand = brand();
    const QString png = chartPng();
    for (int i = 1; i <= slides; ++i) {
        Slide s;
        s.id = QStringLiteral("v%1").arg(i);
        s.elements.append(text(s.id + QStringLiteral("-title"), QStringLiteral("title"), {40, 24, 880, 48},
                               {QStringLiteral("Slide %1 of the validation benchmark").arg(i)}, 28, true));
        // A tidy grid of cards, captions, pictures and marks — how real slides
        // look — with a deliberate mistake on every tenth slide.
        for (int k = 1; k < perSlide; ++k) {
            const QString id = s.id + QStringLiteral("-e%1").arg(k);
            const int cell = k - 1, col = cell % 6, row = (cell / 6) % 5;
            const Frame f{40.0 + col * 148, 88.0 + row * 84, 140, 72};
            switch (k % 5) {
            case 0:
                s.elements.append(shape(id, ShapeKind::RoundedRectangle, f, QStringLiteral("brand:surface")));
                break;
            case 1:
            case 4:
                s.elements.append(text(id, QStringLiteral("body"), f,
                                       {QStringLiteral("Item %1 with a short caption").arg(k)}, 14, false));
                break;
            case 2:
                s.elements.append(picture(id, f, png, k));
                break;
            default:
                s.elements.append(shape(id, ShapeKind::Ellipse, {f.x + 40, f.y + 6, 60, 60}, QStringLiteral("brand:accent")));
            }
        }
        if (i % 10 == 0) {
            s.elements.append(text(s.id + QStringLiteral("-note"), QStringLiteral("body"), {100, 120, 240, 60},
                                   {QStringLiteral("A note dropped on top of the grid")}, 12, false));
        }
        deck.slides.append(s);
    }
    return deck;
}

// One slide of \a count elements: a title and a grid of 20 columns (rows as
// many as needed, up to 15 fit) of small labels, cards, pictures and marks,
// none overlapping — a crowded but tidy slide to drag things around on.
Deck denseDeck(int count)
{
    Deck deck;
    deck.id = QStringLiteral("bench-dense");
    deck.title = QStringLiteral("Dense slide benchmark");
    deck.brand = brand();
    deck.brand.guidance.minFontSize = 8;
    const QString png = chartPng();
    Slide s;
    s.id = QStringLiteral("dense");
    s.elements.append(text(QStringLiteral("dense-title"), QStringLiteral("title"), {24, 16, 912, 36},
                           {QStringLiteral("A slide with %1 elements").arg(count)}, 24, true));
    for (int k = 1; k < count; ++k) {
        const QString id = QStringLiteral("d%1").arg(k);
        const int cell = k - 1, col = cell % 20, row = cell / 20;
        const Frame f{24.0 + col * 45.6, 60.0 + row * 30.5, 42, 27};
        switch (k % 4) {
        case 0:
            s.elements.append(shape(id, ShapeKind::RoundedRectangle, f, QStringLiteral("brand:surface")));
            break;
        case 1:
        case 3:
            s.elements.append(text(id, QStringLiteral("body"), f, {QStringLiteral("#%1").arg(k)}, 9, false));
            break;
        default:
            if (k % 8 == 2)
                s.elements.append(picture(id, f, png, k));
            else
                s.elements.append(shape(id, ShapeKind::Ellipse, {f.x + 9, f.y + 1.5, 24, 24}, QStringLiteral("brand:accent")));
        }
    }
    deck.slides.append(s);
    return deck;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const QStringList a = app.arguments();
    QTextStream err(stderr);
    Deck deck;
    QString out;
    if (a.size() == 4 && a[1] == QLatin1String("export")) {
        deck = exportDeck(a[2].toInt());
        out = a[3];
    } else if (a.size() == 5 && a[1] == QLatin1String("validate")) {
        deck = validateDeck(a[2].toInt(), a[3].toInt());
        out = a[4];
    } else if (a.size() == 4 && a[1] == QLatin1String("dense")) {
        deck = denseDeck(a[2].toInt());
        out = a[3];
    } else {
        err << "usage: bench_makedeck export N OUT.json | validate N M OUT.json | dense M OUT.json\n";
        return 2;
    }
    QString error;
    if (!SpecJson::writeFileAtomically(out, SpecJson::writeDeck(deck), &error)) {
        err << error << '\n';
        return 3;
    }
    return 0;
}
