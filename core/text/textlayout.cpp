// SPDX-License-Identifier: GPL-3.0-or-later
#include "text/textlayout.h"

#include <QFont>
#include <QImage>
#include <QMutexLocker>
#include <QPainter>
#include <QTextLayout>

#include <algorithm>
#include <cmath>
#include <thread>
#include <unordered_map>
#include <vector>

namespace slidespec {

namespace {

/*! A paint device of exactly 72 dpi: fonts sized in points measure in points. */
const QPaintDevice *pointDevice()
{
    static const QImage device = [] {
        QImage image(1, 1, QImage::Format_ARGB32_Premultiplied);
        const int dotsPerMeter = int(std::lround(72.0 / 0.0254));
        image.setDotsPerMeterX(dotsPerMeter);
        image.setDotsPerMeterY(dotsPerMeter);
        return image;
    }();
    return &device;
}

QFont makeFont(const ResolvedRunStyle &st)
{
    QFont font(st.family);
    font.setPointSizeF(st.size);
    font.setBold(st.bold);
    font.setItalic(st.italic);
    font.setUnderline(st.underline);
    font.setKerning(true);
    // No ligatures ("fi", "ti"): PowerPoint does not apply them by default,
    // and Qt's PDF writer cannot map a ligature glyph back to its letters,
    // so text copied from an exported PDF would lose them. Any letter
    // spacing turns ligatures off in Qt; 100 % spacing changes nothing else.
    font.setLetterSpacing(QFont::PercentageSpacing, 100);
    font.setHintingPreference(QFont::PreferNoHinting);
    font.setStyleStrategy(QFont::PreferAntialias);
    return font;
}

QTextOption textOption(HAlign align)
{
    QTextOption option;
    option.setUseDesignMetrics(true);
    option.setWrapMode(QTextOption::WrapAtWordBoundaryOrAnywhere);
    switch (align) {
    case HAlign::Left: option.setAlignment(Qt::AlignLeft | Qt::AlignAbsolute); break;
    case HAlign::Center: option.setAlignment(Qt::AlignHCenter); break;
    case HAlign::Right: option.setAlignment(Qt::AlignRight | Qt::AlignAbsolute); break;
    case HAlign::Justify: option.setAlignment(Qt::AlignJustify); break;
    }
    return option;
}

QString bulletFor(int level)
{
    static const QString kBullets[] = {QStringLiteral("\u2022"), QStringLiteral("\u2013"), QStringLiteral("\u25E6")};
    return kBullets[level % 3];
}

template<typename T>
void appendRaw(QByteArray &key, T value)
{
    key.append(reinterpret_cast<const char *>(&value), sizeof value);
}

void appendKey(QByteArray &key, const ResolvedRunStyle &st)
{
    key += st.family.toUtf8();
    key += '\x1f';
    appendRaw(key, st.size);
    appendRaw(key, st.color.isValid() ? st.color.rgba() : 0u);
    key += char('0' + (st.bold ? 1 : 0) + (st.italic ? 2 : 0) + (st.underline ? 4 : 0));
}

} // namespace

double listHanging(ListKind kind, double fontSize)
{
    switch (kind) {
    case ListKind::None: return 0;
    case ListKind::Bullet: return std::max(kListHanging, 0.8 * fontSize);
    case ListKind::Number: return std::max(kListHanging, 2.0 * fontSize); // "10." and a gap, as PowerPoint
    }
    return kListHanging;
}

ResolvedRunStyle resolveRunStyle(const TextStyle &style, const BrandKit &kit, const FontResolver &fonts,
                                 double fontScale)
{
    ResolvedRunStyle r;
    r.family = fonts.resolve(style.font.value_or(FontResolver::defaultFontSpec()), kit);
    r.size = style.size.value_or(kDefaultFontSize) * fontScale;
    const ColorRef color = style.color.value_or(ColorRef::fromToken(QStringLiteral("text")));
    r.color = kit.resolve(color).value_or(QColor());
    r.bold = style.bold.value_or(false);
    r.italic = style.italic.value_or(false);
    r.underline = style.underline.value_or(false);
    return r;
}

TextLayoutResult::~TextLayoutResult() = default;

void TextLayoutResult::draw(QPainter *painter) const
{
    for (const Block &block : m_blocks) {
        block.layout->draw(painter, block.origin);
        if (!block.bullet.isEmpty()) {
            painter->save();
            QFont font(makeFont(block.bulletStyle), pointDevice());
            // QPainter resolves point sizes at its device's DPI: scale so one
            // point stays one unit, as for the laid-out text.
            if (const QPaintDevice *device = painter->device(); device && device->logicalDpiY() > 0
                && device->logicalDpiY() != 72)
                font.setPointSizeF(font.pointSizeF() * 72.0 / device->logicalDpiY());
            painter->setFont(font);
            painter->setPen(block.bulletStyle.color.isValid() ? block.bulletStyle.color : QColor(Qt::black));
            painter->drawText(block.bulletOrigin, block.bullet);
            painter->restore();
        }
    }
}

namespace detail {

/*! Every thread's layouts of one engine. */
struct LayoutCaches
{
    using Cache = QHash<QByteArray, std::shared_ptr<const TextLayoutResult>>;
    QMutex mutex;
    std::unordered_map<std::thread::id, Cache> byThread;
};

} // namespace detail

namespace {

/*!
 * Runs when a thread exits: C++ thread_local destructors run before the
 * pthread-key destructors where Qt drops the thread's font engines, so the
 * thread's layouts go first. (QThread::finished is no use: Qt 6.4 does not
 * emit it for threads it did not start, and connecting to it leaks them.)
 */
struct ThreadExitPurge
{
    std::vector<std::weak_ptr<detail::LayoutCaches>> engines;

    ~ThreadExitPurge()
    {
        const std::thread::id self = std::this_thread::get_id();
        for (const std::weak_ptr<detail::LayoutCaches> &weak : engines) {
            if (const std::shared_ptr<detail::LayoutCaches> caches = weak.lock()) {
                detail::LayoutCaches::Cache dropped;
                {
                    QMutexLocker lock(&caches->mutex);
                    const auto it = caches->byThread.find(self);
                    if (it == caches->byThread.end())
                        continue;
                    dropped.swap(it->second);
                    caches->byThread.erase(it);
                }
                // `dropped` frees the layouts here, outside the lock.
            }
        }
    }
};

thread_local ThreadExitPurge t_exitPurge;

} // namespace

TextLayoutEngine::TextLayoutEngine(const FontResolver *fonts)
    : m_fonts(fonts)
    , m_caches(std::make_shared<detail::LayoutCaches>())
{}

TextLayoutEngine::~TextLayoutEngine() = default;

void TextLayoutEngine::clearCache()
{
    QMutexLocker lock(&m_caches->mutex);
    for (auto &[thread, cache] : m_caches->byThread)
        cache.clear();
}

std::shared_ptr<const TextLayoutResult> TextLayoutEngine::layout(const TextBody &body, const BrandKit &kit,
                                                                 QSizeF frameSize, double fontScale) const
{
    if (!(fontScale > 0) || !std::isfinite(fontScale))
        fontScale = 1.0; // a scale is a positive factor; anything else means none
    // The key holds everything that changes the result: text, resolved styles,
    // paragraph formatting, frame size and scale.
    QByteArray key;
    key.reserve(256);
    appendRaw(key, frameSize.width());
    appendRaw(key, frameSize.height());
    appendRaw(key, fontScale);
    key += char('0' + int(body.anchor));
    appendRaw(key, body.insets.left);
    appendRaw(key, body.insets.top);
    appendRaw(key, body.insets.right);
    appendRaw(key, body.insets.bottom);
    for (const Paragraph &p : body.paragraphs) {
        key += '\x1e';
        key += char('0' + int(p.align));
        key += char('0' + int(p.list));
        appendRaw(key, p.level);
        appendRaw(key, p.lineSpacing);
        appendRaw(key, p.spaceBefore);
        appendRaw(key, p.spaceAfter);
        appendKey(key, resolveRunStyle(body.style, kit, *m_fonts, fontScale));
        for (const TextRun &r : p.runs) {
            key += '\x1d';
            appendKey(key, resolveRunStyle(body.style.overriddenBy(r.style), kit, *m_fonts, fontScale));
            const QByteArray text = r.text.toUtf8();
            appendRaw(key, text.size()); // length first: no text can forge a key
            key += text;
        }
    }
    const std::thread::id thread = std::this_thread::get_id();
    {
        QMutexLocker lock(&m_caches->mutex);
        const auto cache = m_caches->byThread.find(thread);
        if (cache != m_caches->byThread.end()) {
            const auto it = cache->second.constFind(key);
            if (it != cache->second.constEnd())
                return *it;
        }
    }
    std::shared_ptr<const TextLayoutResult> result = compute(body, kit, frameSize, fontScale);
    bool firstInThread = false;
    {
        QMutexLocker lock(&m_caches->mutex);
        auto [cache, inserted] = m_caches->byThread.try_emplace(thread);
        firstInThread = inserted;
        if (cache->second.size() > 20000)
            cache->second.clear();
        cache->second.insert(key, result);
    }
    if (firstInThread) {
        std::vector<std::weak_ptr<detail::LayoutCaches>> &engines = t_exitPurge.engines;
        engines.erase(std::remove_if(engines.begin(), engines.end(),
                                     [](const auto &weak) { return weak.expired(); }),
                      engines.end());
        engines.push_back(m_caches);
    }
    return result;
}

std::shared_ptr<const TextLayoutResult> TextLayoutEngine::compute(const TextBody &body, const BrandKit &kit,
                                                                  QSizeF frameSize, double fontScale) const
{
    auto result = std::make_shared<TextLayoutResult>();
    result->m_fontScale = fontScale;
    const Insets &in = body.insets;
    const double innerWidth = std::max(1.0, frameSize.width() - in.left - in.right);
    const double innerHeight = frameSize.height() - in.top - in.bottom;

    double y = 0;
    double widest = 0;
    int numbers[9] = {};
    int previousLevel = -1;

    for (int pi = 0; pi < body.paragraphs.size(); ++pi) {
        const Paragraph &p = body.paragraphs.at(pi);
        const ResolvedRunStyle paraStyle = resolveRunStyle(
            p.runs.isEmpty() ? body.style : body.style.overriddenBy(p.runs.first().style), kit, *m_fonts, fontScale);

        const bool isList = p.list != ListKind::None;
        const double hanging = listHanging(p.list, paraStyle.size / fontScale);
        const double indent = kListIndentPerLevel * p.level + hanging;
        const double width = std::max(1.0, innerWidth - indent);

        if (pi > 0)
            y += p.spaceBefore;

        QString text;
        QList<QTextLayout::FormatRange> formats;
        QVector<std::pair<int, int>> runRanges;
        QVector<ResolvedRunStyle> runStyles;
        for (const TextRun &r : p.runs) {
            const ResolvedRunStyle st = resolveRunStyle(body.style.overriddenBy(r.style), kit, *m_fonts, fontScale);
            QTextLayout::FormatRange range;
            range.start = int(text.size());
            // Line and paragraph separators inside a run would break the
            // one-paragraph-per-layout model; show them as spaces.
            QString runText = r.text;
            runText.replace(u'\n', u' ').replace(QChar::LineSeparator, u' ').replace(QChar::ParagraphSeparator, u' ');
            text += runText;
            range.length = int(runText.size());
            range.format.setFont(makeFont(st), QTextCharFormat::FontPropertiesAll);
            range.format.setForeground(st.color.isValid() ? st.color : QColor(Qt::black));
            formats.append(range);
            runRanges.append({range.start, range.start + range.length});
            runStyles.append(st);
        }

        TextLayoutResult::Block block;
        block.layout = std::make_unique<QTextLayout>(text, makeFont(paraStyle), const_cast<QPaintDevice *>(pointDevice()));
        QTextLayout &tl = *block.layout;
        tl.setTextOption(textOption(p.align));
        tl.setFormats(formats);
        tl.setCacheEnabled(true);
        tl.beginLayout();
        double ly = 0;
        double firstAscent = -1;
        for (QTextLine line = tl.createLine(); line.isValid(); line = tl.createLine()) {
            line.setLineWidth(width);
            line.setPosition(QPointF(0, ly));
            if (firstAscent < 0)
                firstAscent = line.ascent();
            ly += line.height() * p.lineSpacing;
            widest = std::max(widest, indent + line.naturalTextWidth());
            ++result->m_lineCount;
        }
        tl.endLayout();
        if (tl.lineCount() > 0) {
            // The last line's extra spacing beyond its own height is not part of the block.
            const QTextLine last = tl.lineAt(tl.lineCount() - 1);
            ly -= last.height() * (p.lineSpacing - 1.0);
        }

        block.origin = QPointF(in.left + indent, y); // anchoring added below
        if (isList) {
            if (p.list == ListKind::Number) {
                if (previousLevel < p.level)
                    numbers[p.level] = 0;
                block.bullet = QString::number(++numbers[p.level]) + u'.';
            } else {
                block.bullet = bulletFor(p.level);
            }
            block.bulletStyle = paraStyle;
            block.bulletOrigin = QPointF(in.left + indent - hanging, y + std::max(0.0, firstAscent));
            previousLevel = p.level;
        } else {
            previousLevel = -1;
            std::fill(std::begin(numbers), std::end(numbers), 0);
        }

        for (int li = 0; li < tl.lineCount(); ++li) {
            const QTextLine line = tl.lineAt(li);
            const int lineStart = line.textStart();
            const int lineEnd = lineStart + line.textLength();
            for (int ri = 0; ri < runRanges.size(); ++ri) {
                const int s = std::max(lineStart, runRanges[ri].first);
                const int e = std::min(lineEnd, runRanges[ri].second);
                if (s >= e || text.mid(s, e - s).trimmed().isEmpty())
                    continue;
                const double x1 = line.cursorToX(s);
                const double x2 = line.cursorToX(e);
                TextLayoutResult::RunBox box;
                box.paragraph = pi;
                box.run = ri;
                box.rect = QRectF(in.left + indent + std::min(x1, x2), y + line.y(), std::abs(x2 - x1), line.height());
                box.style = runStyles[ri];
                result->m_runBoxes.append(box);
            }
        }

        y += ly;
        if (pi + 1 < body.paragraphs.size())
            y += p.spaceAfter;
        result->m_blocks.push_back(std::move(block));
    }

    const double contentHeight = y;
    double offset = in.top;
    if (body.anchor == VAnchor::Middle)
        offset = in.top + (innerHeight - contentHeight) / 2;
    else if (body.anchor == VAnchor::Bottom)
        offset = frameSize.height() - in.bottom - contentHeight;
    for (TextLayoutResult::Block &block : result->m_blocks) {
        block.origin.ry() += offset;
        block.bulletOrigin.ry() += offset;
    }
    QRectF ink;
    for (TextLayoutResult::RunBox &box : result->m_runBoxes) {
        box.rect.translate(0, offset);
        ink = ink.united(box.rect);
    }
    result->m_inkRect = ink;
    result->m_requiredHeight = contentHeight + in.top + in.bottom;
    result->m_requiredWidth = widest + in.left + in.right;
    // Half a point of tolerance absorbs rounding between layout engines.
    result->m_overflows = result->m_requiredHeight > frameSize.height() + 0.5;
    return result;
}

double TextLayoutEngine::fitScale(const TextBody &body, const BrandKit &kit, QSizeF frameSize) const
{
    if (!layout(body, kit, frameSize, 1.0)->overflows())
        return 1.0;
    // Search in 2.5 % steps between 25 % and 97.5 %, like PowerPoint's autofit.
    int lo = 10, hi = 39; // scale = k / 40
    if (layout(body, kit, frameSize, lo / 40.0)->overflows())
        return lo / 40.0;
    while (lo < hi) {
        const int mid = (lo + hi + 1) / 2;
        if (layout(body, kit, frameSize, mid / 40.0)->overflows())
            hi = mid - 1;
        else
            lo = mid;
    }
    return lo / 40.0;
}

} // namespace slidespec
