// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QString>
#include <QStringList>

namespace slidespec::server {

/*! \brief The asset types the server accepts (docs/storage.md, "Sniffing"). */
enum class AssetType {
    Unknown,
    Png,
    Jpeg,
    Gif,
    WebP,
    Svg,
    Ttf,
    Otf,
    Woff,
    Woff2,
    Pptx,
};

/*! The canonical MIME type ("image/png"; empty for Unknown). */
QString assetTypeMime(AssetType type);
/*! A name for messages ("a PNG image"). */
QString assetTypeDescription(AssetType type);
/*! The type a declared MIME type names, aliases included ("image/jpg", "application/x-font-ttf"); Unknown if none. */
AssetType assetTypeFromMime(const QString &mime);

/*! \brief Upper bounds checked before and while sniffing. */
struct AssetLimits
{
    qint64 maxImageBytes = 20 * 1024 * 1024;       //!< PNG, JPEG, GIF, WebP
    qint64 maxSvgBytes = 2 * 1024 * 1024;          //!< SVG (parsed and sanitised in memory)
    qint64 maxFontBytes = 10 * 1024 * 1024;        //!< TTF, OTF, WOFF, WOFF2
    qint64 maxPptxBytes = 100 * 1024 * 1024;       //!< PPTX
    qint64 maxPptxUncompressed = 1024 * 1024 * 1024; //!< sum of a PPTX's entries (zip bombs)
    qint64 maxPptxEntries = 20000;
};

/*! \brief What sniffing found: the type, and for Unknown a reason for people. */
struct AssetSniff
{
    AssetType type = AssetType::Unknown;
    QString reason; //!< why it is Unknown ("a zip archive without ppt/presentation.xml")
};

/*!
 * \brief The type of \a bytes judged by content only (magic numbers, the SVG
 * root element, a PPTX's zip entries), never by name or declared type.
 *
 * PNG, JPEG, GIF (87a/89a), WebP (RIFF…WEBP), SVG (UTF-8 XML whose first
 * element is <svg>), TrueType (00010000 or "true"), OpenType ("OTTO"),
 * WOFF ("wOFF"), WOFF2 ("wOF2"), PPTX (a zip whose entries include
 * [Content_Types].xml and ppt/presentation.xml, within the limits).
 */
AssetSniff sniffAsset(const QByteArray &bytes, const AssetLimits &limits = {});
/*! sniffAsset(bytes).type */
AssetType sniffAssetType(const QByteArray &bytes);

/*! \brief Why an upload was refused. */
enum class AssetProblem {
    None,
    TooLarge,    //!< over a size limit (HTTP 413)
    Unsupported, //!< not one of the accepted types (HTTP 415)
    Mismatch,    //!< the declared type is not the content's (HTTP 415)
};

/*! \brief The verdict on an upload: its type, or an error for people. */
struct AssetCheck
{
    AssetType type = AssetType::Unknown;
    QString error; //!< empty when accepted
    AssetProblem problem = AssetProblem::None;
    bool ok() const { return error.isEmpty(); }
};

/*!
 * \brief Whether \a declaredMime (a Content-Type, parameters ignored) agrees
 * with the sniffed type. An empty declaration or application/octet-stream
 * means "not declared" and accepts the sniffed type. Unknown is always an
 * error.
 */
AssetCheck checkDeclaredType(const QString &declaredMime, AssetType sniffed);

/*!
 * \brief The whole upload check: overall size, sniffing, the type's own size
 * limit, then checkDeclaredType().
 */
AssetCheck checkAsset(const QByteArray &bytes, const QString &declaredMime, const AssetLimits &limits = {});

/*! The MIME types accepted, for error messages and the API document. */
QStringList acceptedAssetMimes();

} // namespace slidespec::server
