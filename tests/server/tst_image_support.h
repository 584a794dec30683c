// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Shared by the server tests that upload or ingest images (tst_assets,
// tst_assetsniff, tst_jobs_assets, tst_maintenance, tst_routematrix,
// tst_storageingest): real image files encoded by Qt.

#include <QBuffer>
#include <QByteArray>
#include <QColor>
#include <QImage>

namespace imagetest {

/*! \a image encoded as \a format ("PNG", "JPEG", …); empty if Qt cannot write that format. */
inline QByteArray encodeImage(const QImage &image, const char *format = "PNG")
{
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    if (!image.save(&buffer, format))
        return {};
    return bytes;
}

/*! A \a width × \a height PNG of the one colour \a color, from an image in \a pixelFormat. */
inline QByteArray solidPng(const QColor &color, int width, int height, QImage::Format pixelFormat = QImage::Format_ARGB32)
{
    QImage image(width, height, pixelFormat);
    image.fill(color);
    return encodeImage(image);
}

} // namespace imagetest
