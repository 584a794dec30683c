// SPDX-License-Identifier: GPL-3.0-or-later
#include "model/assetstore.h"

#include <QBuffer>
#include <QDir>
#include <QFile>
#include <QImageReader>
#include <QMutexLocker>

namespace slidespec {

AssetStore::AssetStore(QString baseDir)
    : m_baseDir(std::move(baseDir))
{}

QString AssetStore::sniffMime(const QByteArray &b)
{
    if (b.startsWith("\x89PNG\r\n\x1a\n"))
        return QStringLiteral("image/png");
    if (b.startsWith("\xff\xd8\xff"))
        return QStringLiteral("image/jpeg");
    if (b.startsWith("GIF87a") || b.startsWith("GIF89a"))
        return QStringLiteral("image/gif");
    if (b.size() >= 12 && b.startsWith("RIFF") && b.mid(8, 4) == "WEBP")
        return QStringLiteral("image/webp");
    // SVG: XML text whose first element is <svg>, after an optional prolog.
    const QByteArray head = b.left(1024).trimmed();
    if (head.startsWith("<svg") || ((head.startsWith("<?xml") || head.startsWith("<!--")) && head.contains("<svg")))
        return QStringLiteral("image/svg+xml");
    return {};
}

AssetData AssetStore::decodeDataUri(const QString &uri)
{
    AssetData d;
    if (!uri.startsWith(QLatin1String("data:"))) {
        d.error = QStringLiteral("not a data: URI");
        return d;
    }
    const qsizetype comma = uri.indexOf(u',');
    if (comma < 0) {
        d.error = QStringLiteral("the data: URI has no ',' before its payload");
        return d;
    }
    const QString header = uri.mid(5, comma - 5);
    const QByteArray payload = uri.mid(comma + 1).toLatin1();
    if (header.endsWith(QLatin1String(";base64"))) {
        auto decoded = QByteArray::fromBase64Encoding(payload, QByteArray::AbortOnBase64DecodingErrors);
        if (!decoded) {
            d.error = QStringLiteral("the data: URI's base64 payload is corrupt");
            return d;
        }
        d.bytes = *decoded;
    } else {
        d.bytes = QByteArray::fromPercentEncoding(payload);
    }
    d.mime = sniffMime(d.bytes);
    if (d.mime.isEmpty())
        d.error = QStringLiteral("the data is not a PNG, JPEG, GIF, WebP or SVG image");
    return d;
}

AssetData AssetStore::load(const Deck &deck, const QString &src) const
{
    if (src.startsWith(QLatin1String("data:")))
        return decodeDataUri(src);
    AssetData d;
    if (!src.startsWith(QLatin1String("asset:"))) {
        d.error = QStringLiteral("\"%1\" is neither \"asset:ID\" nor a data: URI").arg(src.left(60));
        return d;
    }
    const QString id = src.mid(6);
    const auto it = deck.assets.find(id);
    if (it == deck.assets.end()) {
        d.error = QStringLiteral("the asset \"%1\" is not defined in the deck").arg(id);
        return d;
    }
    const Asset &asset = it->second;
    if (!asset.data.isEmpty()) {
        d = decodeDataUri(asset.data);
        if (!d.ok())
            d.error = QStringLiteral("asset \"%1\": %2").arg(id, d.error);
        return d;
    }
    const QString fileName = QDir(m_baseDir.isEmpty() ? QDir::currentPath() : m_baseDir).filePath(asset.path);
    QFile file(fileName);
    if (!file.open(QIODevice::ReadOnly)) {
        d.error = QStringLiteral("asset \"%1\": cannot open %2: %3").arg(id, fileName, file.errorString());
        return d;
    }
    if (file.size() > kMaxImageBytes) {
        d.error = QStringLiteral("asset \"%1\": %2 is larger than %3 MB").arg(id, fileName).arg(kMaxImageBytes >> 20);
        return d;
    }
    d.bytes = file.readAll();
    d.mime = sniffMime(d.bytes);
    if (d.mime.isEmpty())
        d.error = QStringLiteral("asset \"%1\": %2 is not a PNG, JPEG, GIF, WebP or SVG image").arg(id, fileName);
    return d;
}

QImage AssetStore::image(const Deck &deck, const QString &src, QString *error, int svgWidth) const
{
    // Data URIs can be large; key them by a hash of the content.
    const QString key = (src.size() > 256 ? QString::number(qHash(src)) + u'#' + QString::number(src.size()) : src)
        + u'@' + m_baseDir + u'@' + QString::number(svgWidth);
    {
        QMutexLocker lock(&m_mutex);
        const auto it = m_images.constFind(key);
        if (it != m_images.constEnd()) {
            if (error)
                *error = m_errors.value(key);
            return *it;
        }
    }
    QImage image;
    QString why;
    const AssetData data = load(deck, src);
    if (!data.ok()) {
        why = data.error;
    } else {
        QBuffer buffer;
        buffer.setData(data.bytes);
        buffer.open(QIODevice::ReadOnly);
        QImageReader reader(&buffer);
        reader.setAutoTransform(true);
        if (data.mime == QLatin1String("image/svg+xml")) {
            const QSize natural = reader.size();
            if (natural.isValid() && natural.width() > 0)
                reader.setScaledSize(natural.scaled(svgWidth, svgWidth * 16, Qt::KeepAspectRatio));
        }
        if (!reader.read(&image)) {
            why = QStringLiteral("%1 image could not be decoded: %2").arg(data.mime, reader.errorString());
            image = QImage();
        }
    }
    QMutexLocker lock(&m_mutex);
    if (m_images.size() > 512) {
        m_images.clear();
        m_errors.clear();
    }
    m_images.insert(key, image);
    if (!why.isEmpty())
        m_errors.insert(key, why);
    if (error)
        *error = why;
    return image;
}

void AssetStore::clearCache()
{
    QMutexLocker lock(&m_mutex);
    m_images.clear();
    m_errors.clear();
}

} // namespace slidespec
