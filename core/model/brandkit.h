// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "model/color.h"
#include "model/extrafields.h"
#include "model/geometry.h"

#include <QColor>
#include <QString>
#include <QStringList>
#include <QVector>

#include <map>
#include <optional>

namespace slidespec {

enum class ContrastLevel { AA, AAA };

/*! \brief A font role of the kit (heading, body, …): a family and fallbacks. */
struct FontRole
{
    QString family;
    QStringList fallbacks;
    ExtraFields extra;

    bool operator==(const FontRole &) const = default;
};

/*! \brief A logo of the kit; `src` is an asset reference or data URI. */
struct Logo
{
    QString id;
    QString name;
    QString src;
    QString variant; //!< "light", "dark" or empty: which background it is for
    ExtraFields extra;

    bool operator==(const Logo &) const = default;
};

/*! \brief The kit's rules for decks that use it. */
struct BrandGuidance
{
    double minFontSize = 0;          //!< points; 0 = no minimum
    bool allowedColorsOnly = false;  //!< literal colours are off-brand
    bool allowedFontsOnly = false;   //!< families outside the font roles are off-brand
    std::optional<Insets> safeMargins;
    ContrastLevel contrast = ContrastLevel::AA;
    QStringList rules;               //!< free text shown to people
    ExtraFields extra;

    bool operator==(const BrandGuidance &) const = default;
};

/*!
 * \brief Colours, fonts, logos and guidance that style a deck.
 *
 * Elements name tokens (`brand:primary`, `brand:heading`) that resolve here.
 */
struct BrandKit
{
    QString id;
    QString name;
    std::map<QString, QColor> colors;   //!< token name → colour (sorted, canonical)
    std::map<QString, FontRole> fonts;  //!< role name → font (heading, body, …)
    QVector<Logo> logos;
    BrandGuidance guidance;
    ExtraFields extra;

    /*! The colour of \a token, or nullopt when the kit has no such token. */
    std::optional<QColor> color(const QString &token) const;
    /*! The role named \a role, or nullptr. */
    const FontRole *font(const QString &role) const;

    /*! Resolves a ColorRef; an unknown token yields nullopt. */
    std::optional<QColor> resolve(const ColorRef &ref) const;

    bool operator==(const BrandKit &) const = default;
};

} // namespace slidespec
