// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "model/deck.h"

#include <QCoreApplication>
#include <QString>
#include <QStringList>
#include <QVector>

#include <optional>

namespace slidespec {

class IdAllocator;

/*! \brief One slide template: a `slidespec-template` file. */
struct SlideTemplate
{
    QString id;
    QString name;
    QString description;
    Slide slide;           //!< element ids are template-local (title, body, …)
    QString fileName;
    bool builtin = false;  //!< bundled: read-only
};

/*! \brief One deck template: a deck file kept in the templates folder. */
struct DeckTemplate
{
    QString id;        //!< the file's base name
    QString name;      //!< the deck's title
    int slideCount = 0;
    QString fileName;
    bool builtin = false;  //!< bundled (a sample deck): read-only
};

/*!
 * \brief Layout templates for new slides and decks: the bundled slide
 * templates (read-only) and the user's.
 *
 * The user's folder holds slide templates as canonical `ID.json` files
 * (`"format": "slidespec-template", "version": 1`) and deck templates as deck
 * files under `decks/ID.json`. Not a QObject; TemplateListModel shows it.
 *
 * Deck files in \a bundledDecksFolder (the app passes the sample decks,
 * `:/slidespec/samples`) are offered as read-only deck templates; their
 * file assets are embedded when a deck is made from them.
 */
class TemplateLibrary
{
    Q_DECLARE_TR_FUNCTIONS(slidespec::TemplateLibrary)

public:
    explicit TemplateLibrary(QString userFolder,
                             QString bundledFolder = QStringLiteral(":/slidespec/templates"),
                             QString bundledDecksFolder = {});

    QString userFolder() const { return m_userFolder; }
    QString deckTemplatesPath() const;

    /*! Re-reads both folders; unreadable files are listed in loadErrors(). */
    bool reload();
    QStringList loadErrors() const { return m_loadErrors; }

    /*! Bundled slide templates (file order), then the user's (by name). */
    const QVector<SlideTemplate> &slideTemplates() const { return m_slides; }
    /*! Bundled deck templates (file order), then the user's (file order). */
    const QVector<DeckTemplate> &deckTemplates() const { return m_decks; }
    const SlideTemplate *findSlideTemplate(const QString &id) const;
    const DeckTemplate *findDeckTemplate(const QString &id) const;

    /*! Saves \a slide as user template \a name: ids become template-local
     *  (from each element's role, else its kind), background and elements
     *  are kept, notes dropped, and `layout` becomes the template's id (as
     *  the format asks). Images named `asset:ID` are embedded as data URIs,
     *  read through \a deck (whose file is in \a baseDir); without \a deck
     *  such a slide is refused. Returns the new template id. */
    QString saveSlideAsTemplate(const Slide &slide, const QString &name,
                                const QString &description = {}, QString *error = nullptr,
                                const Deck *deck = nullptr, const QString &baseDir = {});
    /*! Saves \a deck (its kit embedded) as deck template \a name. Assets
     *  kept as files next to the deck (read from \a baseDir, the deck
     *  file's folder) are embedded as data URIs. */
    QString saveDeckAsTemplate(const Deck &deck, const QString &name, QString *error = nullptr,
                               const QString &baseDir = {});
    /*! Deletes the user slide or deck template \a id; bundled ones are refused. */
    bool remove(const QString &id, QString *error = nullptr);

    /*! A copy of template \a id's slide with ids unique in \a deck. */
    std::optional<Slide> instantiate(const QString &id, const Deck &deck, QString *error = nullptr) const;
    /*! Inserts template \a id's slide into \a deck at \a index (-1 = end);
     *  returns the index, or -1 with \a error. */
    int insertInto(Deck &deck, const QString &id, int index = -1, QString *error = nullptr) const;
    /*! A new deck from deck template \a id, with deck id \a deckId; its kit
     *  is embedded (no brandRef) and assets kept as files next to the
     *  template are embedded as data URIs, so the deck stands on its own. */
    std::optional<Deck> newDeckFromTemplate(const QString &id, const QString &deckId = QStringLiteral("untitled"),
                                            QString *error = nullptr) const;

    /*! Gives \a slide a fresh id and its elements ids from \a ids. */
    static void assignIds(Slide &slide, IdAllocator &ids, const QString &slideBase);
    /*! Reads a `slidespec-template` file; nullopt with \a error (naming the file). */
    static std::optional<SlideTemplate> readTemplateFile(const QString &fileName, QString *error = nullptr);
    /*! Canonical JSON of \a tpl. */
    static QByteArray writeTemplate(const SlideTemplate &tpl);

private:
    QString uniqueId(const QString &name) const;

    QString m_userFolder;
    QString m_bundledFolder;
    QString m_bundledDecksFolder;
    QVector<SlideTemplate> m_slides;
    QVector<DeckTemplate> m_decks;
    QStringList m_loadErrors;
};

} // namespace slidespec
