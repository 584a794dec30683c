// SPDX-License-Identifier: GPL-3.0-or-later
#include "storage/assetingest.h"

#include "storage/svgsanitizer.h"

#include <QCryptographicHash>

namespace slidespec::server {

QString assetStorageKey(const QByteArray &sha256Hex)
{
    return QStringLiteral("sha256/") + QString::fromLatin1(sha256Hex);
}

PreparedAssetResult prepareAsset(const QByteArray &upload, const QString &declaredMime, const AssetLimits &limits)
{
    PreparedAssetResult result;
    const AssetCheck check = checkAsset(upload, declaredMime, limits);
    if (!check.ok()) {
        result.error = check.error;
        switch (check.problem) {
        case AssetProblem::TooLarge:
            result.code = QStringLiteral("asset.too_large");
            break;
        case AssetProblem::Mismatch:
            result.code = QStringLiteral("asset.type_mismatch");
            break;
        default:
            result.code = QStringLiteral("asset.unsupported_type");
            break;
        }
        return result;
    }
    PreparedAsset &asset = result.asset;
    asset.type = check.type;
    asset.mime = assetTypeMime(check.type);
    asset.bytes = upload;
    if (check.type == AssetType::Svg) {
        SvgSanitizeOptions options;
        options.maxBytes = limits.maxSvgBytes;
        const SvgSanitizeResult svg = sanitizeSvg(upload, options);
        if (!svg.ok()) {
            result.code = QStringLiteral("asset.svg_invalid");
            result.error = QStringLiteral("The SVG was refused: %1").arg(svg.error);
            return result;
        }
        asset.bytes = svg.svg;
        asset.svgRemovals = svg.removedDescriptions();
    }
    asset.sha256 = QCryptographicHash::hash(asset.bytes, QCryptographicHash::Sha256).toHex();
    asset.key = assetStorageKey(asset.sha256);
    return result;
}

StorageResult<bool> storeAsset(StorageBackend &storage, const PreparedAsset &asset)
{
    auto exists = storage.exists(asset.key);
    if (!exists)
        return exists.error();
    if (exists.value())
        return false;
    auto put = storage.put(asset.key, asset.bytes, asset.mime);
    if (!put)
        return put.error();
    return true;
}

} // namespace slidespec::server
