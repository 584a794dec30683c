// SPDX-License-Identifier: GPL-3.0-or-later
#include "render/pngencoder.h"

#include <QtEndian>

#include <algorithm>
#include <array>
#include <bit>
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

/*! Scratch buffers larger than this are not kept between images. */
constexpr qsizetype kMaxKeptScratch = 64 * 1024 * 1024;

/*! Adler-32 of \a data, the zlib stream's checksum. */
quint32 adler32(const uchar *data, qsizetype size)
{
    constexpr quint32 kBase = 65521;
    constexpr qsizetype kBlock = 5552 / 16 * 16; // a and b stay below 2^32
    quint32 a = 1, b = 0;
    while (size > 0) {
        qsizetype n = std::min(size, kBlock);
        size -= n;
        // Over N chunks of 16 bytes d[k][i]:
        //   a += Σ d,  b += 16·N·a + 16·Σ_k (sum of the chunks before k) + Σ_i (16 − i)·Σ_k d[k][i].
        // Per-lane sums keep the loop free of reductions, so it vectorises.
        const qsizetype chunks = n / 16;
        quint32 lane[16] = {};
        quint32 before[16] = {};
        for (qsizetype k = 0; k < chunks; ++k, data += 16) {
            for (int i = 0; i < 16; ++i) {
                before[i] += lane[i];
                lane[i] += data[i];
            }
        }
        quint64 sum = 0, prefix = 0, weighted = 0;
        for (int i = 0; i < 16; ++i) {
            sum += lane[i];
            prefix += before[i];
            weighted += quint64(16 - i) * lane[i];
        }
        quint64 b64 = b + quint64(16) * quint64(chunks) * a + 16 * prefix + weighted;
        quint64 a64 = a + sum;
        for (n -= chunks * 16; n > 0; --n) {
            a64 += *data++;
            b64 += a64;
        }
        a = quint32(a64 % kBase);
        b = quint32(b64 % kBase);
    }
    return (b << 16) | a;
}

/*! Writes bits least significant first, as deflate wants. */
class BitWriter
{
public:
    explicit BitWriter(uchar *out) : m_out(out) {}

    void put(quint32 value, int bits)
    {
        m_acc |= quint64(value) << m_bits;
        m_bits += bits;
        if (m_bits >= 32) {
            qToLittleEndian<quint32>(quint32(m_acc), m_out);
            m_out += 4;
            m_acc >>= 32;
            m_bits -= 32;
        }
    }
    /*! Pads to a byte boundary; returns the end of the output. */
    uchar *finish()
    {
        while (m_bits > 0) {
            *m_out++ = uchar(m_acc);
            m_acc >>= 8;
            m_bits -= 8;
        }
        m_bits = 0;
        return m_out;
    }

private:
    uchar *m_out;
    quint64 m_acc = 0;
    int m_bits = 0;
};

quint32 reverseBits(quint32 code, int bits)
{
    quint32 r = 0;
    for (int i = 0; i < bits; ++i) {
        r = (r << 1) | (code & 1);
        code >>= 1;
    }
    return r;
}

/*! Deflate's fixed Huffman codes, bit-reversed for BitWriter. */
struct FixedCodes
{
    struct Code
    {
        quint32 bits = 0;  //!< code, then extra bits where they are constant
        int length = 0;
    };
    std::array<Code, 288> literal{};
    std::array<Code, 30> distance{};
    //! For a match length 3…258: code and extra bits together.
    std::array<Code, 259> matchLength{};

    FixedCodes()
    {
        for (int s = 0; s < 288; ++s) {
            quint32 code;
            int len;
            if (s < 144) { code = 0x30 + s; len = 8; }
            else if (s < 256) { code = 0x190 + (s - 144); len = 9; }
            else if (s < 280) { code = s - 256; len = 7; }
            else { code = 0xC0 + (s - 280); len = 8; }
            literal[s] = {reverseBits(code, len), len};
        }
        for (int d = 0; d < 30; ++d)
            distance[d] = {reverseBits(quint32(d), 5), 5};
        static constexpr int kBase[] = {3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 15, 17, 19, 23, 27, 31,
                                        35, 43, 51, 59, 67, 83, 99, 115, 131, 163, 195, 227, 258};
        static constexpr int kExtra[] = {0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2,
                                         3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0};
        for (int len = 3; len <= 258; ++len) {
            int i = 28;
            while (kBase[i] > len)
                --i;
            const Code &c = literal[257 + i];
            matchLength[len] = {c.bits | (quint32(len - kBase[i]) << c.length), c.length + kExtra[i]};
        }
    }

    /*! The code and extra bits of distance \a d (1…32768). */
    static Code distanceCode(const FixedCodes &codes, int d)
    {
        static constexpr int kBase[] = {1, 2, 3, 4, 5, 7, 9, 13, 17, 25, 33, 49, 65, 97, 129, 193, 257, 385,
                                        513, 769, 1025, 1537, 2049, 3073, 4097, 6145, 8193, 12289, 16385, 24577};
        static constexpr int kExtra[] = {0, 0, 0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6, 7, 7,
                                         8, 8, 9, 9, 10, 10, 11, 11, 12, 12, 13, 13};
        int i = 29;
        while (kBase[i] > d)
            --i;
        const Code &c = codes.distance[i];
        return {c.bits | (quint32(d - kBase[i]) << 5), 5 + kExtra[i]};
    }
};

/*! How many bytes (up to 258) at \a at repeat those \a distance before. */
inline int matchLength(const uchar *data, qsizetype at, qsizetype size, qsizetype distance)
{
    const qsizetype limit = std::min<qsizetype>(258, size - at);
    const uchar *a = data + at;
    const uchar *b = a - distance;
    qsizetype n = 0;
    while (n + 8 <= limit) {
        quint64 x, y;
        std::memcpy(&x, a + n, 8);
        std::memcpy(&y, b + n, 8);
        if (x != y) // the first differing byte is the lowest in little-endian order
            return int(n + std::countr_zero(qFromLittleEndian(x) ^ qFromLittleEndian(y)) / 8);
        n += 8;
    }
    while (n < limit && a[n] == b[n])
        ++n;
    return int(n);
}

/*!
 * A zlib stream of \a raw in one fixed-Huffman deflate block, looking for
 * repeats only where slides have them: the byte before (runs of zeros from
 * the "up" filter), the pixel before (flat colour) and the row above.
 * About four times faster than zlib's fastest level on slides.
 */
QByteArray deflateScanlines(const uchar *data, qsizetype size, int bytesPerPixel, qsizetype rowStride)
{
    static const FixedCodes codes;
    // Worst case: every byte a 9-bit literal. The buffer is kept per thread:
    // fresh multi-megabyte buffers per slide cost more in page faults than
    // the compression itself.
    thread_local QByteArray scratch;
    const qsizetype capacity = size + size / 8 + 64;
    if (scratch.size() < capacity)
        scratch.resize(capacity);
    auto *begin = reinterpret_cast<uchar *>(scratch.data());
    begin[0] = 0x78; // deflate, 32 KiB window
    begin[1] = 0x01; // no dictionary, fastest; (0x7801 % 31) == 0
    BitWriter writer(begin + 2);
    writer.put(3, 3); // final block, fixed Huffman codes

    qsizetype distances[3] = {1, bytesPerPixel, rowStride};
    const int candidates = rowStride <= 32768 ? 3 : 2;
    FixedCodes::Code distanceCodes[3];
    for (int c = 0; c < 3; ++c)
        distanceCodes[c] = FixedCodes::distanceCode(codes, int(std::min<qsizetype>(distances[c], 32768)));

    qsizetype i = 0;
    while (i < size) {
        int best = 0;
        int bestCandidate = 0;
        for (int c = 0; c < candidates; ++c) {
            if (distances[c] > i)
                continue;
            const int len = matchLength(data, i, size, distances[c]);
            if (len > best) {
                best = len;
                bestCandidate = c;
                if (len == 258)
                    break;
            }
        }
        if (best >= 3) {
            const FixedCodes::Code &l = codes.matchLength[best];
            writer.put(l.bits, l.length);
            const FixedCodes::Code &d = distanceCodes[bestCandidate];
            writer.put(d.bits, d.length);
            i += best;
        } else {
            const FixedCodes::Code &c = codes.literal[data[i]];
            writer.put(c.bits, c.length);
            ++i;
        }
    }
    writer.put(codes.literal[256].bits, codes.literal[256].length);
    uchar *end = writer.finish();
    qToBigEndian<quint32>(adler32(data, size), end);
    end += 4;
    QByteArray result(reinterpret_cast<const char *>(begin), end - begin);
    if (scratch.size() > kMaxKeptScratch)
        scratch = QByteArray();
    return result;
}

} // namespace

QByteArray encodePng(const QImage &image, int level)
{
    if (image.isNull())
        return {};
    const bool alpha = image.hasAlphaChannel();
    // Opaque images are read as RGB32 (what slides are rendered in, so
    // usually without a copy); others as non-premultiplied RGBA.
    const QImage::Format format = alpha ? QImage::Format_RGBA8888 : QImage::Format_RGB32;
    const QImage pixels = image.format() == format ? image : image.convertToFormat(format);
    if (pixels.isNull())
        return {};
    const int width = pixels.width();
    const int height = pixels.height();
    const int bytesPerPixel = alpha ? 4 : 3;
    const qsizetype rowBytes = qsizetype(width) * bytesPerPixel;
    const size_t sourceRowBytes = size_t(width) * 4;

    // Scanlines, each preceded by its filter type: 0 (none) or 2 (up).
    thread_local QByteArray raw;
    const qsizetype rawSize = qsizetype(height) * (rowBytes + 1);
    if (raw.size() < rawSize)
        raw.resize(rawSize);
    auto *out = reinterpret_cast<uchar *>(raw.data());
    for (int y = 0; y < height; ++y) {
        const uchar *row = pixels.constScanLine(y);
        if (y > 0 && std::memcmp(row, pixels.constScanLine(y - 1), sourceRowBytes) == 0) {
            *out++ = 2;
            std::memset(out, 0, size_t(rowBytes));
        } else if (alpha) {
            *out++ = 0;
            std::memcpy(out, row, size_t(rowBytes));
        } else {
            *out++ = 0;
            const auto *px = reinterpret_cast<const QRgb *>(row);
            uchar *o = out;
            for (int x = 0; x < width; ++x) {
                o[0] = uchar(qRed(px[x]));
                o[1] = uchar(qGreen(px[x]));
                o[2] = uchar(qBlue(px[x]));
                o += 3;
            }
        }
        out += rowBytes;
    }
    const auto *rawData = reinterpret_cast<const uchar *>(raw.constData());
    QByteArray deflated;
    if (level <= 0) {
        deflated = deflateScanlines(rawData, rawSize, bytesPerPixel, rowBytes + 1);
    } else {
        // qCompress() writes a 4-byte length, then the zlib stream IDAT holds.
        deflated = qCompress(rawData, rawSize, std::min(level, 9));
        if (deflated.size() < 4)
            return {};
        deflated.remove(0, 4);
    }
    if (raw.size() > kMaxKeptScratch)
        raw = QByteArray();

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
    appendChunk(png, "IDAT", deflated.constData(), deflated.size());
    appendChunk(png, "IEND", nullptr, 0);
    return png;
}

} // namespace slidespec
