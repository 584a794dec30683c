// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QString>

namespace slidespec::server {

/*! \brief The kinds of versioned content an org keeps (docs/api-content.md). */
enum class ContentKind { Deck, BrandKit, Template };

/*! \brief One problem in a submitted spec: where it is and what is wrong. */
struct SpecProblem
{
    QString path;    //!< JSON path (`$.slides[0].elements[1].frame.w`), empty for syntax errors
    int line = 0;    //!< 1-based, 0 when unknown
    int column = 0;  //!< 1-based, 0 when unknown
    QString message;

    QJsonObject toJson() const;
};

/*!
 * \brief The core's verdict on a spec submitted to the server.
 */
struct SpecCheck
{
    bool syntaxError = false;     //!< not JSON at all (400); otherwise errors are schema problems (422)
    QList<SpecProblem> errors;    //!< empty when accepted
    QList<SpecProblem> warnings;  //!< accepted anyway (e.g. a newer format version)
    QString suggestedName;        //!< the deck's title, the kit's or template's name (may be empty)
    QString templateKind;         //!< templates: "slide" or "deck"

    bool ok() const { return errors.isEmpty(); }
    static QJsonArray toJson(const QList<SpecProblem> &problems);
};

/*!
 * \brief Checks \a bytes as a spec of \a kind with the core's strict reader
 * (core/format/specjson.h): a deck (`"format": "slidespec"`), a brand kit
 * (`"slidespec-brand"`), or a template — a slide template
 * (`"slidespec-template"`, docs/format.md "Layout templates") or a whole deck
 * used as a template.
 *
 * The server keeps decks self-contained: a `brandRef` (a kit file next to
 * the deck on a desktop) is refused at `$.brandRef`, and never read, since
 * the server has no deck folder and must not open files named by a client.
 * \a maxBytes bounds the size the parser accepts.
 */
SpecCheck checkSpec(ContentKind kind, const QByteArray &bytes, qint64 maxBytes);

} // namespace slidespec::server
