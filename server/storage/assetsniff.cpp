// SPDX-License-Identifier: GPL-3.0-or-later
#include "storage/assetsniff.h"

#include <zip.h>

#include <algorithm>
#include <memory>

namespace slidespec::server {

namespace {

struct TypeRow
{
    AssetType type;
    const char *mime;
    const char *description;
};

const TypeRow Types[] = {
    {AssetType::Png, "image/png", "a PNG image"},
    {AssetType::Jpeg, "image/jpeg", "a JPEG image"},
    {AssetType::Gif, "image/gif", "a GIF image"},
    {AssetType::WebP, "image/webp", "a WebP image"},
    {AssetType::Svg, "image/svg+xml", "an SVG image"},
    {AssetType::Ttf, "font/ttf", "a TrueType font"},
    {AssetType::Otf, "font/otf", "an OpenType font"},
    {AssetType::Woff, "font/woff", "a WOFF font"},
    {AssetType::Woff2, "font/woff2", "a WOFF2 font"},
    {AssetType::Pptx, "application/vnd.openxmlformats-officedocument.presentationml.presentation",
     "a PowerPoint presentation (PPTX)"},
};

const struct
{
    const char *alias;
    AssetType type;
} Aliases[] = {
    {"image/jpg", AssetType::Jpeg},
    {"image/pjpeg", AssetType::Jpeg},
    {"image/svg", AssetType::Svg},
    {"application/x-font-ttf", AssetType::Ttf},
    {"application/x-font-truetype", AssetType::Ttf},
    {"application/font-sfnt", AssetType::Ttf},
    {"font/sfnt", AssetType::Ttf},
    {"application/x-font-otf", AssetType::Otf},
    {"application/x-font-opentype", AssetType::Otf},
    {"application/font-woff", AssetType::Woff},
    {"application/font-woff2", AssetType::Woff2},
};

bool isFont(AssetType type)
{
    return type == AssetType::Ttf || type == AssetType::Otf || type == AssetType::Woff || type == AssetType::Woff2;
}

QString hexHead(const QByteArray &bytes)
{
    const QByteArray head = bytes.left(8);
    QString printable;
    for (const char c : head)
        printable += (c >= 0x20 && c < 0x7f) ? QChar::fromLatin1(c) : QChar(u'.');
    return QStringLiteral("%1 ('%2')").arg(QString::fromLatin1(head.toHex(' ')), printable);
}

/*! After an optional BOM, whitespace, XML declaration, comments and DOCTYPE: is the first element <svg>? */
bool looksLikeSvg(const QByteArray &bytes)
{
    const qsizetype limit = std::min<qsizetype>(bytes.size(), 64 * 1024);
    qsizetype i = bytes.startsWith("\xef\xbb\xbf") ? 3 : 0;
    auto skipSpace = [&] {
        while (i < limit && (bytes[i] == ' ' || bytes[i] == '\t' || bytes[i] == '\r' || bytes[i] == '\n'))
            ++i;
    };
    for (int guard = 0; guard < 1000; ++guard) {
        skipSpace();
        if (i >= limit || bytes[i] != '<')
            return false;
        const QByteArray rest = QByteArray::fromRawData(bytes.constData() + i, limit - i);
        qsizetype end = -1;
        if (rest.startsWith("<?"))
            end = rest.indexOf("?>"), end = end < 0 ? -1 : end + 2;
        else if (rest.startsWith("<!--"))
            end = rest.indexOf("-->"), end = end < 0 ? -1 : end + 3;
        else if (rest.startsWith("<!DOCTYPE") || rest.startsWith("<!doctype")) {
            // Up to the '>' that closes it, past an internal subset in [...].
            const qsizetype bracket = rest.indexOf('[');
            const qsizetype close = rest.indexOf('>');
            if (bracket >= 0 && bracket < close) {
                const qsizetype subsetEnd = rest.indexOf("]", bracket);
                end = subsetEnd < 0 ? -1 : rest.indexOf('>', subsetEnd);
            } else {
                end = close;
            }
            end = end < 0 ? -1 : end + 1;
        } else {
            if (!rest.startsWith("<svg") || rest.size() < 5)
                return false;
            const char next = rest[4];
            return next == ' ' || next == '>' || next == '/' || next == '\t' || next == '\r' || next == '\n';
        }
        if (end < 0)
            return false;
        i += end;
    }
    return false;
}

AssetSniff sniffZip(const QByteArray &bytes, const AssetLimits &limits)
{
    zip_error_t error;
    zip_error_init(&error);
    zip_source_t *source = zip_source_buffer_create(bytes.constData(), zip_uint64_t(bytes.size()), 0, &error);
    if (!source) {
        zip_error_fini(&error);
        return {AssetType::Unknown, QStringLiteral("a zip archive that cannot be read")};
    }
    zip_t *archive = zip_open_from_source(source, ZIP_RDONLY, &error);
    if (!archive) {
        const QString message = QString::fromUtf8(zip_error_strerror(&error));
        zip_source_free(source);
        zip_error_fini(&error);
        return {AssetType::Unknown, QStringLiteral("a damaged zip archive (%1)").arg(message)};
    }
    zip_error_fini(&error);
    const std::unique_ptr<zip_t, int (*)(zip_t *)> guard(archive, zip_close);
    const zip_int64_t count = zip_get_num_entries(archive, 0);
    if (count < 0 || count > limits.maxPptxEntries)
        return {AssetType::Unknown, QStringLiteral("a zip archive with %1 entries (at most %2 are accepted)")
                                        .arg(count)
                                        .arg(limits.maxPptxEntries)};
    qint64 total = 0;
    bool contentTypes = false;
    bool presentation = false;
    for (zip_int64_t index = 0; index < count; ++index) {
        zip_stat_t stat;
        zip_stat_init(&stat);
        if (zip_stat_index(archive, zip_uint64_t(index), 0, &stat) != 0)
            return {AssetType::Unknown, QStringLiteral("a damaged zip archive (entry %1 unreadable)").arg(index)};
        if ((stat.valid & ZIP_STAT_SIZE) != 0) {
            total += qint64(std::min<zip_uint64_t>(stat.size, zip_uint64_t(limits.maxPptxUncompressed) + 1));
            if (total > limits.maxPptxUncompressed)
                return {AssetType::Unknown, QStringLiteral("a zip archive that expands to more than %1 bytes (zip bomb?)")
                                                .arg(limits.maxPptxUncompressed)};
        }
        if ((stat.valid & ZIP_STAT_NAME) != 0 && stat.name) {
            const QByteArray name(stat.name);
            contentTypes = contentTypes || name == "[Content_Types].xml";
            presentation = presentation || name == "ppt/presentation.xml";
        }
    }
    if (!contentTypes || !presentation)
        return {AssetType::Unknown, QStringLiteral("a zip archive without %1 (not a PPTX presentation)")
                                        .arg(contentTypes ? QStringLiteral("ppt/presentation.xml")
                                                          : QStringLiteral("[Content_Types].xml"))};
    return {AssetType::Pptx, QString()};
}

} // namespace

QString assetTypeMime(AssetType type)
{
    for (const TypeRow &row : Types) {
        if (row.type == type)
            return QString::fromLatin1(row.mime);
    }
    return {};
}

QString assetTypeDescription(AssetType type)
{
    for (const TypeRow &row : Types) {
        if (row.type == type)
            return QString::fromLatin1(row.description);
    }
    return QStringLiteral("an unsupported file");
}

AssetType assetTypeFromMime(const QString &mime)
{
    const QString m = mime.section(u';', 0, 0).trimmed().toLower();
    for (const TypeRow &row : Types) {
        if (m == QLatin1String(row.mime))
            return row.type;
    }
    for (const auto &alias : Aliases) {
        if (m == QLatin1String(alias.alias))
            return alias.type;
    }
    return AssetType::Unknown;
}

QStringList acceptedAssetMimes()
{
    QStringList mimes;
    for (const TypeRow &row : Types)
        mimes << QString::fromLatin1(row.mime);
    return mimes;
}

AssetSniff sniffAsset(const QByteArray &b, const AssetLimits &limits)
{
    if (b.isEmpty())
        return {AssetType::Unknown, QStringLiteral("an empty file")};
    if (b.startsWith("\x89PNG\r\n\x1a\n"))
        return {AssetType::Png, {}};
    if (b.startsWith("\xff\xd8\xff"))
        return {AssetType::Jpeg, {}};
    if (b.startsWith("GIF87a") || b.startsWith("GIF89a"))
        return {AssetType::Gif, {}};
    if (b.size() >= 12 && b.startsWith("RIFF") && b.mid(8, 4) == "WEBP")
        return {AssetType::WebP, {}};
    // Fonts: the sfnt version of the table directory (12 bytes at least).
    if (b.size() >= 12 && (b.startsWith(QByteArray("\x00\x01\x00\x00", 4)) || b.startsWith("true")))
        return {AssetType::Ttf, {}};
    if (b.size() >= 12 && b.startsWith("OTTO"))
        return {AssetType::Otf, {}};
    if (b.size() >= 44 && b.startsWith("wOFF"))
        return {AssetType::Woff, {}};
    if (b.size() >= 48 && b.startsWith("wOF2"))
        return {AssetType::Woff2, {}};
    if (b.startsWith("PK\x03\x04"))
        return sniffZip(b, limits);
    if (looksLikeSvg(b))
        return {AssetType::Svg, {}};
    if (b.startsWith("\xff\xfe") || b.startsWith("\xfe\xff"))
        return {AssetType::Unknown, QStringLiteral("UTF-16 text (SVG must be UTF-8)")};
    return {AssetType::Unknown, QStringLiteral("content starting with %1").arg(hexHead(b))};
}

AssetType sniffAssetType(const QByteArray &bytes)
{
    return sniffAsset(bytes).type;
}

AssetCheck checkDeclaredType(const QString &declaredMime, AssetType sniffed)
{
    if (sniffed == AssetType::Unknown)
        return {AssetType::Unknown,
                QStringLiteral("The file is not a supported asset; accepted types: %1.").arg(acceptedAssetMimes().join(u", ")),
                AssetProblem::Unsupported};
    const QString declared = declaredMime.section(u';', 0, 0).trimmed().toLower();
    if (declared.isEmpty() || declared == QLatin1String("application/octet-stream"))
        return {sniffed, {}};
    const AssetType named = assetTypeFromMime(declared);
    if (named == sniffed)
        return {sniffed, {}};
    // TrueType and OpenType are both sfnt: accept either name for either.
    if ((named == AssetType::Ttf || named == AssetType::Otf) && (sniffed == AssetType::Ttf || sniffed == AssetType::Otf))
        return {sniffed, {}};
    if (named == AssetType::Unknown)
        return {AssetType::Unknown, QStringLiteral("The declared type '%1' is not accepted (the content is %2; declare "
                                                   "it as %3).")
                                        .arg(declared, assetTypeDescription(sniffed), assetTypeMime(sniffed)),
                AssetProblem::Mismatch};
    return {AssetType::Unknown, QStringLiteral("The declared type '%1' does not match the content, which is %2; "
                                               "declare it as %3.")
                                    .arg(declared, assetTypeDescription(sniffed), assetTypeMime(sniffed)),
                AssetProblem::Mismatch};
}

AssetCheck checkAsset(const QByteArray &bytes, const QString &declaredMime, const AssetLimits &limits)
{
    const qint64 overall = std::max({limits.maxImageBytes, limits.maxSvgBytes, limits.maxFontBytes, limits.maxPptxBytes});
    if (bytes.size() > overall)
        return {AssetType::Unknown, QStringLiteral("The file has %1 bytes; no asset may exceed %2 bytes.")
                                        .arg(bytes.size())
                                        .arg(overall),
                AssetProblem::TooLarge};
    const AssetSniff sniff = sniffAsset(bytes, limits);
    if (sniff.type == AssetType::Unknown)
        return {AssetType::Unknown, QStringLiteral("The file is not a supported asset (%1); accepted types: %2.")
                                        .arg(sniff.reason, acceptedAssetMimes().join(u", ")),
                AssetProblem::Unsupported};
    qint64 limit = limits.maxImageBytes;
    if (sniff.type == AssetType::Svg)
        limit = limits.maxSvgBytes;
    else if (isFont(sniff.type))
        limit = limits.maxFontBytes;
    else if (sniff.type == AssetType::Pptx)
        limit = limits.maxPptxBytes;
    if (bytes.size() > limit)
        return {AssetType::Unknown, QStringLiteral("The file is %1 of %2 bytes; the limit for this type is %3 bytes.")
                                        .arg(assetTypeDescription(sniff.type))
                                        .arg(bytes.size())
                                        .arg(limit),
                AssetProblem::TooLarge};
    return checkDeclaredType(declaredMime, sniff.type);
}

} // namespace slidespec::server
