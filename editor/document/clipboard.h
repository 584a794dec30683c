// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "format/specjson.h"
#include "model/deck.h"

#include <QByteArray>
#include <QString>
#include <QVector>

class QMimeData;

namespace slidespec {

/*!
 * \brief Elements on the clipboard, as spec JSON.
 *
 * The payload is `{"format": "slidespec-elements", "version": 1,
 * "elements": [...]}` with each element written by SpecJson::elementToJson,
 * offered as kMimeType and as text/plain, so it pastes into a text editor
 * and back. Reading also accepts a bare array of elements or one element
 * object, as someone might paste from a deck file.
 */
namespace ElementClipboard {

inline constexpr char kMimeType[] = "application/x-slidespec-elements+json";

/*! Canonical JSON of \a elements. */
QByteArray toJson(const QVector<Element> &elements);

/*! The elements in \a data; errors carry the JSON path (`$.elements[1].frame`).
 *  Ids are as written: callers give them fresh ones before inserting. */
SpecResult<QVector<Element>> fromJson(const QByteArray &data);

/*! New mime data holding \a elements in both formats (caller owns it). */
QMimeData *toMimeData(const QVector<Element> &elements);

/*! Whether \a mime holds something fromMimeData() may read. */
bool canRead(const QMimeData *mime);

/*! Reads kMimeType, else text/plain that parses as elements. */
SpecResult<QVector<Element>> fromMimeData(const QMimeData *mime);

} // namespace ElementClipboard

} // namespace slidespec
