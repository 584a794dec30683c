// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "model/brandkit.h"
#include "model/deck.h"

#include <QCoreApplication>
#include <QString>
#include <QStringList>
#include <QVector>

#include <optional>

namespace slidespec {

class FontResolver;

/*! \brief One kit of the library and where it came from. */
struct BrandKitEntry
{
    BrandKit kit;
    QString fileName;  //!< the kit's JSON file
    bool builtin = false;  //!< bundled with the program: read-only
};

/*! \brief The WCAG contrast of one text-like token on one background-like token. */
struct ContrastCell
{
    QString text;        //!< token drawn as text (text, textMuted, onPrimary, …)
    QString background;  //!< token drawn behind it (background, surface, primary, …)
    double ratio = 1;    //!< WCAG 2.x ratio, 1 … 21
    double required = 4.5; //!< what the kit's guidance level asks of body text
    bool passes = false;   //!< ratio >= required
    bool intended = false; //!< a pairing the kit is meant for (text on background/surface, onX on X)
};

/*! \brief What BrandKitLibrary::check() found wrong or noteworthy in a kit. */
struct BrandKitReport
{
    QVector<ContrastCell> contrast;  //!< every text-like × background-like pair
    QStringList missingFonts;        //!< families of the font roles not installed here
    QStringList missingLogos;        //!< ids of logos whose image cannot be read
    /*! The intended pairs that fail the kit's level. */
    QVector<ContrastCell> failures() const;
};

/*!
 * \brief The brand kits the editor offers: the bundled ones (read-only) and
 * the user's, each a canonical `slidespec-brand` JSON file `ID.json` in a
 * folder (normally a subfolder of the workspace).
 *
 * Logos imported from image files are stored once by SHA-256 as
 * `assets/HASH.EXT` in that folder and referenced from the kit as
 * `asset:HASH`; newDeck() copies such logos into the deck's assets as data
 * URIs so the deck stands on its own.
 *
 * Not a QObject; BrandKitListModel shows it. Every failing call returns
 * false (or an empty id) and says why in \a error.
 */
class BrandKitLibrary
{
    Q_DECLARE_TR_FUNCTIONS(slidespec::BrandKitLibrary)

public:
    explicit BrandKitLibrary(QString userFolder,
                             QString bundledFolder = QStringLiteral(":/slidespec/brands"));

    QString userFolder() const { return m_userFolder; }
    QString assetsPath() const;

    /*! Re-reads both folders. Files that do not load are skipped and listed
     *  in loadErrors(); returns false when there were any. */
    bool reload();
    /*! One line per file that did not load: the file, then what is wrong. */
    QStringList loadErrors() const { return m_loadErrors; }

    /*! Bundled kits first, then the user's, each sorted by name. */
    const QVector<BrandKitEntry> &kits() const { return m_kits; }
    const BrandKitEntry *find(const QString &id) const;
    bool isBuiltin(const QString &id) const;

    /*! Creates a user kit named \a name: a copy of kit \a baseId when given,
     *  else a neutral starter kit. Returns the new id, or "" and \a error. */
    QString create(const QString &name, const QString &baseId = {}, QString *error = nullptr);
    /*! Copies kit \a id (bundled or user) as "Copy of NAME" under a new id. */
    QString duplicate(const QString &id, QString *error = nullptr);
    /*! Renames user kit \a id; its id and file stay. */
    bool rename(const QString &id, const QString &name, QString *error = nullptr);
    /*! Deletes user kit \a id (its file; shared logo assets stay). */
    bool remove(const QString &id, QString *error = nullptr);
    /*! Writes user kit \a kit atomically as canonical JSON; bundled ids are refused. */
    bool save(const BrandKit &kit, QString *error = nullptr);

    /*! Imports the image \a fileName (PNG, JPEG or SVG, sniffed from its
     *  bytes) as a logo of user kit \a kitId and saves the kit. Returns the
     *  new logo's id. */
    QString importLogo(const QString &kitId, const QString &fileName, const QString &variant = {},
                       QString *error = nullptr);
    /*! The bytes of \a logo's image, or empty with \a error. */
    QByteArray logoBytes(const Logo &logo, QString *error = nullptr) const;

    /*! Contrast, installed fonts and readable logos of \a kit. */
    BrandKitReport check(const BrandKit &kit, const FontResolver &fonts) const;

    /*! WCAG ratio of every text-like token against every background-like
     *  token, at the kit's guidance level. Text-like: `text`, `text…`,
     *  `onX`. Background-like: `background`, `surface…`, and each X that has
     *  an `onX`. */
    static QVector<ContrastCell> contrastMatrix(const BrandKit &kit);

    /*! A new deck with kit \a kitId embedded (logos as data-URI assets) and
     *  one slide from the "title" template; nullopt and \a error when the kit
     *  or template is missing. */
    std::optional<Deck> newDeck(const QString &kitId, const QString &title = {},
                                QString *error = nullptr) const;

private:
    QString uniqueId(const QString &name) const;
    QString fileFor(const QString &id) const;
    BrandKitEntry *findMutable(const QString &id);

    QString m_userFolder;
    QString m_bundledFolder;
    QVector<BrandKitEntry> m_kits;
    QStringList m_loadErrors;
};

} // namespace slidespec
