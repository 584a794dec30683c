// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "model/deck.h"

#include <QByteArray>
#include <QHash>
#include <QImage>
#include <QMutex>
#include <QString>

namespace slidespec {

/*! \brief The bytes of an image the deck uses, or why they could not be had. */
struct AssetData
{
    QByteArray bytes;
    QString mime;   //!< sniffed from the bytes: image/png, image/jpeg, image/gif, image/webp, image/svg+xml
    QString error;  //!< empty when the bytes were loaded

    bool ok() const { return error.isEmpty(); }
};

/*!
 * \brief Loads and decodes the images a deck refers to (`asset:ID` or data
 * URIs), from files relative to the deck's folder. Thread-safe; decoded
 * images are cached.
 */
class AssetStore
{
public:
    /*! \a baseDir is the folder of the deck file ("" for in-memory decks). */
    explicit AssetStore(QString baseDir = {});

    const QString &baseDir() const { return m_baseDir; }

    /*! Raw bytes of \a src. Never throws; on failure error() says why. */
    AssetData load(const Deck &deck, const QString &src) const;

    /*! Decoded image of \a src, or a null image (with \a error set) when the
     *  reference is missing or the bytes are not a readable image. SVG is
     *  rasterised at \a svgWidth pixels wide when the Qt SVG image plugin is
     *  installed. */
    QImage image(const Deck &deck, const QString &src, QString *error = nullptr, int svgWidth = 1024) const;

    /*! The content type of \a bytes from their signature; empty if unknown. */
    static QString sniffMime(const QByteArray &bytes);
    /*! Decodes a `data:[mime][;base64],payload` URI. */
    static AssetData decodeDataUri(const QString &uri);

    /*! Images larger than this are refused (bytes on disk). */
    static constexpr qint64 kMaxImageBytes = 64 * 1024 * 1024;

    void clearCache();

private:
    QString m_baseDir;
    mutable QMutex m_mutex;
    mutable QHash<QString, QImage> m_images;
    mutable QHash<QString, QString> m_errors;
};

} // namespace slidespec
