// SPDX-License-Identifier: GPL-3.0-or-later
//
// Validation benchmark: a whole deck on open (cold caches, then warm), and one
// slide at a time as on every drag step (one element moved by a point each
// time, so the moved element's layout is new). Prints figures; asserts nothing.
//   bench_validate DECK.json [ROUNDS]
#include "components/componentlibrary.h"
#include "format/specjson.h"
#include "model/assetstore.h"
#include "text/fontresolver.h"
#include "text/textlayout.h"
#include "validation/validator.h"

#include <QElapsedTimer>
#include <QFileInfo>
#include <QGuiApplication>
#include <QTextStream>

#include <algorithm>
#include <vector>

using namespace slidespec;

namespace {

double percentile(std::vector<double> v, double p)
{
    if (v.empty())
        return 0;
    std::sort(v.begin(), v.end());
    return v[std::min(v.size() - 1, size_t(p * double(v.size() - 1) + 0.5))];
}

} // namespace

int main(int argc, char **argv)
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QGuiApplication app(argc, argv);
    QTextStream out(stdout);
    const QStringList args = app.arguments();
    if (args.size() < 2) {
        QTextStream(stderr) << "usage: bench_validate DECK.json [ROUNDS]\n";
        return 2;
    }
    const int rounds = args.size() > 2 ? args[2].toInt() : 20;
    const auto loaded = SpecJson::readDeckFile(args[1]);
    if (!loaded.ok()) {
        QTextStream(stderr) << loaded.errorString() << '\n';
        return 2;
    }
    Deck deck = *loaded.value;
    int elements = 0;
    for (const Slide &s : deck.slides)
        elements += int(s.elements.size());

    QElapsedTimer t;
    // The first validation in a process also starts Qt's font database
    // (fontconfig) and decodes images for the first time: a cost an editor
    // pays once at start-up, reported on its own.
    double firstMs = 0;
    {
        FontResolver fonts;
        TextLayoutEngine text(&fonts);
        AssetStore assets(QFileInfo(args[1]).absolutePath());
        const Validator validator(ComponentLibrary::builtin(), text, assets);
        t.start();
        validator.validateDeck(deck);
        firstMs = double(t.nsecsElapsed()) / 1e6;
    }

    // A deck opened in a running process: new, empty layout and image caches.
    FontResolver fonts;
    TextLayoutEngine text(&fonts);
    AssetStore assets(QFileInfo(args[1]).absolutePath());
    const Validator validator(ComponentLibrary::builtin(), text, assets);
    t.restart();
    const int issues = int(validator.validateDeck(deck).size());
    const double coldMs = double(t.nsecsElapsed()) / 1e6;

    std::vector<double> warm;
    for (int r = 0; r < rounds; ++r) {
        t.restart();
        validator.validateDeck(deck);
        warm.push_back(double(t.nsecsElapsed()) / 1e6);
    }

    // Drag steps: move one text element of slide k by one point, validate that slide.
    std::vector<double> steps;
    for (int r = 0; r < rounds * 10; ++r) {
        const int k = r % int(deck.slides.size());
        Slide &slide = deck.slides[k];
        for (Element &e : slide.elements) {
            if (e.kind == ElementKind::Text && e.role != QLatin1String("title")) {
                e.frame.x += 1;
                e.frame.w += (r % 2) ? 1 : -1; // a new width: the layout is recomputed
                break;
            }
        }
        t.restart();
        validator.validateSlide(deck, k);
        steps.push_back(double(t.nsecsElapsed()) / 1e6);
    }

    out << "deck: " << deck.slides.size() << " slides, " << elements << " elements, " << issues << " issues\n";
    out << QStringLiteral("validate deck, first in the process (font database start-up): %1 ms\n").arg(firstMs, 0, 'f', 2);
    out << QStringLiteral("validate deck on open, empty caches: %1 ms\n").arg(coldMs, 0, 'f', 2);
    out << QStringLiteral("validate deck, warm: p50 %1 ms, p95 %2 ms (%3 rounds)\n")
               .arg(percentile(warm, 0.5), 0, 'f', 2).arg(percentile(warm, 0.95), 0, 'f', 2).arg(rounds);
    out << QStringLiteral("validate one slide after a drag step: p50 %1 ms, p95 %2 ms, max %3 ms (%4 steps)\n")
               .arg(percentile(steps, 0.5), 0, 'f', 3).arg(percentile(steps, 0.95), 0, 'f', 3)
               .arg(percentile(steps, 1.0), 0, 'f', 3).arg(steps.size());
    return 0;
}
