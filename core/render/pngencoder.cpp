// SPDX-License-Identifier: GPL-3.0-or-later
#include "render/pngencoder.h"

#include <QtEndian>

#include <algorithm>
#include <array>
#include <cstring>

namespace slidespec {

namespace {

const std::array<quint32, 256> &crcTable()
{
    static const std::array<quint32, 256> table = [] {
        std::array<quint32, 256> t{};
        for (quint32 n = 0; n < 256; ++n) {
            quint32 c = n;
            for (int k = 0; k < 8; ++k)
                c = (c & 1) ? 0xedb88320u ^ (c >> 1) : c >> 1;
            t[n] = c;
        }
        return t;
    }();
    return table;
}

quint32 crc32(const char *data, qsizetype size, quint32 crc = 0xffffffffu)
{
    const auto &table = crcTable();
    for (qsizetype i = 0; i < size; ++i)
        crc = table[(crc ^ quint8(data[i])) & 0xff] ^ (crc >> 8);
    return crc;
}

void appendUInt32(QByteArray &out, quint32 value)
{
    char bytes[4];
    qToBigEndian<quint32>(value, bytes);
    out.append(bytes, 4);
}

/*! Appends a chunk: length, type, data, CRC of type and data. */
void appendChunk(QByteArray &out, const char (&type)[5], const char *data, qsizetype size)
{
    appendUInt32(out, quint32(size));
    const qsizetype typeAt = out.size();
    out.append(type, 4);
    out.append(data, size);
    appendUInt32(out, crc32(out.constData() + typeAt, size + 4) ^ 0xffffffffu);
}

} // namespace

QByteArray encodePng(const QImage &image, int level)
{
    if (image.isNull())
        return {};
    const bool alpha = image.hasAlphaChannel();
    const QImage pixels = image.convertToFormat(alpha ? QImage::Format_RGBA8888 : QImage::Format_RGB888);
    if (pixels.isNull())
        return {};
    const int width = pixels.width();
    const int height = pixels.height();
    const qsizetype rowBytes = qsizetype(width) * (alpha ? 4 : 3);

    // Scanlines, each preceded by its filter type: 0 (none) or 2 (up).
    QByteArray raw(qsizetype(height) * (rowBytes + 1), Qt::Uninitialized);
    char *out = raw.data();
    for (int y = 0; y < height; ++y) {
        const char *row = reinterpret_cast<const char *>(pixels.constScanLine(y));
        if (y > 0 && std::memcmp(row, pixels.constScanLine(y - 1), size_t(rowBytes)) == 0) {
            *out++ = 2;
            std::memset(out, 0, size_t(rowBytes));
        } else {
            *out++ = 0;
            std::memcpy(out, row, size_t(rowBytes));
        }
        out += rowBytes;
    }
    // qCompress() writes a 4-byte length, then a zlib stream: what IDAT holds.
    QByteArray deflated = qCompress(raw, std::clamp(level, 1, 9));
    raw.clear();
    if (deflated.size() < 4)
        return {};

    QByteArray png;
    png.reserve(deflated.size() + 128);
    png.append("\x89PNG\r\n\x1a\n", 8);
    char header[13];
    qToBigEndian<quint32>(quint32(width), header);
    qToBigEndian<quint32>(quint32(height), header + 4);
    header[8] = 8;                  // bits per sample
    header[9] = alpha ? 6 : 2;      // RGBA or RGB
    header[10] = header[11] = header[12] = 0; // deflate, adaptive filters, no interlace
    appendChunk(png, "IHDR", header, sizeof header);
    if (image.dotsPerMeterX() > 0 && image.dotsPerMeterY() > 0) {
        char phys[9];
        qToBigEndian<quint32>(quint32(image.dotsPerMeterX()), phys);
        qToBigEndian<quint32>(quint32(image.dotsPerMeterY()), phys + 4);
        phys[8] = 1; // metres
        appendChunk(png, "pHYs", phys, sizeof phys);
    }
    appendChunk(png, "IDAT", deflated.constData() + 4, deflated.size() - 4);
    appendChunk(png, "IEND", nullptr, 0);
    return png;
}

} // namespace slidespec
