// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "model/brandkit.h"

#include <QHash>
#include <QMutex>
#include <QString>
#include <QStringList>

namespace slidespec {

/*!
 * \brief Turns a spec's font reference into the family that is really used.
 *
 * One resolver serves the validator, the renderer and the PPTX writer, so a
 * deck is measured, drawn and exported with the same family:
 *
 * 1. `brand:ROLE` names a role of the kit; a bare family is taken as is.
 * 2. The first installed of: the role's family, its fallbacks (in order).
 * 3. Otherwise the first installed of defaultFallbacks(): the families the
 *    setup script installs (see docs/fonts.md).
 */
class FontResolver
{
public:
    FontResolver();

    /*! The family that renders \a fontSpec under \a kit. Never empty. */
    QString resolve(const QString &fontSpec, const BrandKit &kit) const;

    /*! The families \a fontSpec asks for, in preference order, before checking
     *  what is installed (for reporting off-brand fonts). */
    static QStringList requestedFamilies(const QString &fontSpec, const BrandKit &kit);

    /*! Whether the font database has \a family (case-insensitive). Thread-safe. */
    bool isInstalled(const QString &family) const;

    /*! Families tried last, in order: Inter, Lato, DejaVu Sans, Liberation Sans. */
    static QStringList defaultFallbacks();

    /*! The font role a spec uses when a run names none. */
    static QString defaultFontSpec() { return QStringLiteral("brand:body"); }

private:
    // Asked of the font database one family at a time: listing every family
    // makes Qt populate each one, which costs more than a whole export.
    mutable QMutex m_mutex;
    mutable QHash<QString, bool> m_installed; //!< lower-case family name → installed
};

} // namespace slidespec
