// SPDX-License-Identifier: GPL-3.0-or-later
#include "validation/contrast.h"

#include <array>
#include <cmath>

namespace slidespec::Contrast {

namespace {

/*! sRGB channel (0–255) → linear light, per WCAG 2.x. The WCAG text names
 *  0.03928 as the threshold, sRGB 0.04045; no 8-bit value lies between. */
const std::array<double, 256> &linearTable()
{
    static const std::array<double, 256> table = [] {
        std::array<double, 256> t{};
        for (int i = 0; i < 256; ++i) {
            const double c = i / 255.0;
            t[size_t(i)] = c <= 0.04045 ? c / 12.92 : std::pow((c + 0.055) / 1.055, 2.4);
        }
        return t;
    }();
    return table;
}

/*! APCA's simple 2.4 power curve per channel. */
const std::array<double, 256> &apcaTable()
{
    static const std::array<double, 256> table = [] {
        std::array<double, 256> t{};
        for (int i = 0; i < 256; ++i)
            t[size_t(i)] = std::pow(i / 255.0, 2.4);
        return t;
    }();
    return table;
}

} // namespace

double relativeLuminance(QRgb color)
{
    const auto &lin = linearTable();
    return 0.2126 * lin[size_t(qRed(color))] + 0.7152 * lin[size_t(qGreen(color))]
        + 0.0722 * lin[size_t(qBlue(color))];
}

double ratio(QRgb a, QRgb b)
{
    const double la = relativeLuminance(a);
    const double lb = relativeLuminance(b);
    const double hi = std::max(la, lb);
    const double lo = std::min(la, lb);
    return (hi + 0.05) / (lo + 0.05);
}

bool isLargeText(double sizePt, bool bold)
{
    // A hair of tolerance so 17.999 pt from a font scale still counts as 18.
    constexpr double eps = 1e-6;
    return sizePt + eps >= 18.0 || (bold && sizePt + eps >= 14.0);
}

double requiredRatio(ContrastLevel level, bool largeText)
{
    if (level == ContrastLevel::AAA)
        return largeText ? 4.5 : 7.0;
    return largeText ? 3.0 : 4.5;
}

double apcaRecommendedLc(double sizePt, bool bold)
{
    if (sizePt >= 27 || (bold && sizePt >= 18))
        return 45;
    if (sizePt >= 18 || (bold && sizePt >= 12))
        return 60;
    return 75;
}

double apcaLc(QRgb text, QRgb background)
{
    // APCA-W3 0.0.98G-4g.
    constexpr double normBG = 0.56, normTXT = 0.57, revTXT = 0.62, revBG = 0.65;
    constexpr double blkThrs = 0.022, blkClmp = 1.414;
    constexpr double scaleBoW = 1.14, scaleWoB = 1.14;
    constexpr double loBoWoffset = 0.027, loWoBoffset = 0.027;
    constexpr double deltaYmin = 0.0005, loClip = 0.1;

    const auto &t = apcaTable();
    auto screenY = [&t](QRgb c) {
        double y = 0.2126729 * t[size_t(qRed(c))] + 0.7151522 * t[size_t(qGreen(c))]
            + 0.0721750 * t[size_t(qBlue(c))];
        if (y < blkThrs)
            y += std::pow(blkThrs - y, blkClmp);
        return y;
    };
    const double txtY = screenY(text);
    const double bgY = screenY(background);
    if (std::abs(bgY - txtY) < deltaYmin)
        return 0.0;
    double out = 0.0;
    if (bgY > txtY) {
        const double sapc = (std::pow(bgY, normBG) - std::pow(txtY, normTXT)) * scaleBoW;
        out = sapc < loClip ? 0.0 : sapc - loBoWoffset;
    } else {
        const double sapc = (std::pow(bgY, revBG) - std::pow(txtY, revTXT)) * scaleWoB;
        out = sapc > -loClip ? 0.0 : sapc + loWoBoffset;
    }
    return out * 100.0;
}

QRgb compositeOver(QRgb over, QRgb under)
{
    const int a = qAlpha(over);
    if (a == 255)
        return over | 0xff000000u;
    if (a == 0)
        return under | 0xff000000u;
    auto mix = [a](int o, int u) { return (o * a + u * (255 - a) + 127) / 255; };
    return qRgb(mix(qRed(over), qRed(under)), mix(qGreen(over), qGreen(under)), mix(qBlue(over), qBlue(under)));
}

} // namespace slidespec::Contrast
