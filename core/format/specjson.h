// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "model/brandkit.h"
#include "model/deck.h"

#include <nlohmann/json_fwd.hpp>

#include <QByteArray>
#include <QString>
#include <QVector>

#include <optional>

namespace slidespec {

/*!
 * \brief One problem found while loading a spec: where it is and what to do.
 *
 * Syntax errors carry a line and column; schema errors carry the JSON path
 * (`$.slides[2].elements[0].frame.w`).
 */
struct SpecError
{
    QString file;      //!< file name, or empty for in-memory data
    int line = 0;      //!< 1-based, 0 when unknown
    int column = 0;    //!< 1-based, 0 when unknown
    QString path;      //!< JSON path, or empty for syntax errors
    QString message;   //!< what is wrong and what was expected

    /*! `file:line:column: message` or `file: $.path: message`. */
    QString toString() const;
};

/*! Limits that keep hostile input from exhausting memory or the stack. */
struct SpecLimits
{
    qint64 maxFileBytes = 64 * 1024 * 1024;
    int maxDepth = 64;
    int maxErrors = 50;
};

/*! The result of a load: a value, or the errors that stopped it. */
template<typename T>
struct SpecResult
{
    std::optional<T> value;
    QVector<SpecError> errors;    //!< non-empty exactly when !value
    QVector<SpecError> warnings;  //!< problems that did not stop the load

    bool ok() const { return value.has_value(); }
    /*! All errors, one per line. */
    QString errorString() const;
};

/*!
 * \brief Reading and writing the JSON spec format (docs/format.md).
 *
 * Loading is strict: wrong types, missing members and bad values are errors
 * with a JSON path. Unknown members are kept (ExtraFields) and written back.
 * Writing is canonical: sorted keys, two-space indent, integral numbers
 * without a fraction, defaults omitted; so load → save is byte-stable.
 */
namespace SpecJson {

/*! Reads a deck file; a `brandRef` is loaded relative to the file. */
SpecResult<Deck> readDeckFile(const QString &fileName, const SpecLimits &limits = {});
/*! Reads a deck from \a data; \a baseDir resolves `brandRef`, \a fileName
 *  only labels errors. */
SpecResult<Deck> readDeck(const QByteArray &data, const QString &fileName = {},
                          const QString &baseDir = {}, const SpecLimits &limits = {});

SpecResult<BrandKit> readBrandKitFile(const QString &fileName, const SpecLimits &limits = {});
SpecResult<BrandKit> readBrandKit(const QByteArray &data, const QString &fileName = {},
                                  const SpecLimits &limits = {});

/*! Canonical JSON of \a deck (a `brandRef` deck does not embed its kit). */
QByteArray writeDeck(const Deck &deck);
QByteArray writeBrandKit(const BrandKit &kit);

/*! Writes atomically (QSaveFile): on failure the old file is untouched.
 *  Returns false and sets \a error when it could not write. */
bool writeFileAtomically(const QString &fileName, const QByteArray &data, QString *error);

/*!
 * Parses JSON text with the loader's limits; on failure returns nullopt and
 * appends an error with line and column to \a errors.
 */
std::optional<nlohmann::json> parse(const QByteArray &data, const QString &fileName,
                                    const SpecLimits &limits, QVector<SpecError> &errors);

// Pieces for other readers of the format (components, templates, clipboard).
nlohmann::json elementToJson(const Element &element);
nlohmann::json slideToJson(const Slide &slide);
std::optional<Element> elementFromJson(const nlohmann::json &json, const QString &path,
                                       const QString &fileName, QVector<SpecError> &errors);
std::optional<Slide> slideFromJson(const nlohmann::json &json, const QString &path,
                                   const QString &fileName, QVector<SpecError> &errors);

/*! Serialises JSON the canonical way (sorted keys, 2-space indent, '\n' at end). */
QByteArray dump(const nlohmann::json &json);

} // namespace SpecJson

} // namespace slidespec
