// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "brand/brandkitlibrary.h"
#include "brand/brandkitlistmodel.h"
#include "document/documentcontroller.h"
#include "workspacesession.h"

#include <QHash>
#include <QMutex>
#include <QObject>
#include <QPointer>
#include <QQmlEngine>
#include <QQmlParserStatus>
#include <QQuickImageProvider>
#include <QString>
#include <QStringList>
#include <QUrl>
#include <QVariantList>
#include <QVariantMap>

#include <memory>
#include <vector>

namespace slidespec {

/*! \brief BrandKitListModel in QML (BrandKitSession.kits). */
struct BrandKitListModelForeign
{
    Q_GADGET
    QML_FOREIGN(slidespec::BrandKitListModel)
    QML_NAMED_ELEMENT(BrandKitListModel)
    QML_UNCREATABLE("Use BrandKitSession.kits")
};

/*!
 * \brief The images of the logos BrandKitSession shows, for
 * `image://slidespec-logo/KIT/LOGO/REVISION`. The session hands it the
 * bytes; requests may come from any thread.
 */
class BrandLogoProvider : public QQuickImageProvider
{
public:
    static constexpr const char *kName = "slidespec-logo";

    /*! The bytes behind the provider, shared with the session that fills it. */
    struct Store
    {
        QMutex mutex;
        QHash<QString, QByteArray> logos; //!< "KIT/LOGO" → image bytes
    };

    explicit BrandLogoProvider(std::shared_ptr<Store> store);
    QImage requestImage(const QString &id, QSize *size, const QSize &requestedSize) override;

private:
    std::shared_ptr<Store> m_store;
};

/*!
 * \brief The brand-kit editor for QML: the kits of a BrandKitLibrary (the
 * bundled ones read-only, the user's in \c folder), the selected kit as
 * plain values (colour tokens, contrast matrix, font roles, logos,
 * guidance), edits that are saved to the user's kit at once, and the two
 * ways a kit reaches a deck: applyToDocument() (one undo step) and
 * newDeck().
 *
 * Every action returns what went wrong (translated, and also kept in
 * lastError), or an empty string; a false or empty result never changes a
 * file.
 */
class BrandKitSession : public QObject, public QQmlParserStatus
{
    Q_OBJECT
    Q_INTERFACES(QQmlParserStatus)
    QML_ELEMENT
    Q_PROPERTY(slidespec::DocumentController *document READ document WRITE setDocument NOTIFY documentChanged)
    Q_PROPERTY(slidespec::WorkspaceSession *workspace READ workspace WRITE setWorkspace NOTIFY workspaceChanged)
    Q_PROPERTY(QString folder READ folder WRITE setFolder NOTIFY folderChanged)
    Q_PROPERTY(slidespec::BrandKitListModel *kits READ kits NOTIFY folderChanged)
    Q_PROPERTY(QStringList loadErrors READ loadErrors NOTIFY kitsChanged)
    Q_PROPERTY(QString currentKitId READ currentKitId WRITE setCurrentKitId NOTIFY currentKitChanged)
    Q_PROPERTY(QVariantMap kit READ kit NOTIFY currentKitChanged)
    Q_PROPERTY(QString deckKitName READ deckKitName NOTIFY deckKitChanged)
    Q_PROPERTY(QString deckKitId READ deckKitId NOTIFY deckKitChanged)
    Q_PROPERTY(QString lastError READ lastError NOTIFY lastErrorChanged)
    Q_PROPERTY(QStringList fontFamilies READ fontFamilies CONSTANT)

public:
    explicit BrandKitSession(QObject *parent = nullptr);
    ~BrandKitSession() override;

    /*! Installs the image provider in the object's engine. */
    void classBegin() override;
    void componentComplete() override {}

    DocumentController *document() const { return m_document; }
    void setDocument(DocumentController *document);
    WorkspaceSession *workspace() const { return m_workspace; }
    void setWorkspace(WorkspaceSession *workspace);

    /*! Where the user's kits live (normally `WORKSPACE/brands`); empty: only
     *  the bundled kits, nothing can be saved. */
    QString folder() const { return m_folder; }
    void setFolder(const QString &folder);

    BrandKitLibrary *library() const { return m_library.get(); }
    BrandKitListModel *kits() const { return m_kits; }
    QStringList loadErrors() const { return m_library->loadErrors(); }

    QString currentKitId() const { return m_currentKitId; }
    /*! Selects kit \a id (an unknown id selects the first kit). */
    void setCurrentKitId(const QString &id);

    /*!
     * The selected kit: {id, name, builtin, colors: [{token, color, hex,
     * text, background}], contrast: [{text, background, ratio, required,
     * passes, intended, badge ("AAA", "AA" or "fail")}], textTokens,
     * backgroundTokens, failures: [string], fonts: [{role, family,
     * fallbacks, installed, resolved, substituted}], logos: [{id, name,
     * variant, source, readable}], guidance: {minFontSize, contrast,
     * allowedColorsOnly, allowedFontsOnly, rules}}; empty when none.
     */
    QVariantMap kit() const { return m_kit; }
    /*! The name (or id) of the kit the open deck embeds. */
    QString deckKitName() const;
    /*! The id of the kit the open deck embeds ("" when none or no id). */
    QString deckKitId() const;
    QString lastError() const { return m_lastError; }
    /*! The font families installed here, sorted. */
    QStringList fontFamilies() const;

    /*! Why \a name cannot name a kit (empty: it can). */
    Q_INVOKABLE QString validateName(const QString &name) const;
    /*! Why \a token cannot be added as a colour token of the selected kit. */
    Q_INVOKABLE QString validateToken(const QString &token) const;

    /*! A new user kit named \a name (the starter colours), selected. */
    Q_INVOKABLE QString create(const QString &name);
    /*! A new user kit named \a name from the open deck's kit, selected. */
    Q_INVOKABLE QString createFromDocument(const QString &name);
    /*! Copies kit \a id (bundled or user) as a user kit, selected. */
    Q_INVOKABLE QString duplicate(const QString &id);
    Q_INVOKABLE QString rename(const QString &id, const QString &name);
    /*! Deletes user kit \a id; the selection moves to a neighbour. */
    Q_INVOKABLE QString remove(const QString &id);

    /*! Sets colour token \a token of the selected kit to \a color (#RRGGBB,
     *  #AARRGGBB or a colour name). */
    Q_INVOKABLE QString setColor(const QString &token, const QString &color);
    Q_INVOKABLE QString addColor(const QString &token, const QString &color);
    Q_INVOKABLE QString removeColor(const QString &token);
    Q_INVOKABLE QString renameColor(const QString &token, const QString &newToken);

    /*! Sets font role \a role (heading, body, …; added when new) to \a family. */
    Q_INVOKABLE QString setFont(const QString &role, const QString &family);
    Q_INVOKABLE QString removeFont(const QString &role);

    /*! Imports the PNG, JPEG or SVG at \a url (a file or `qrc:` URL) as a
     *  logo of the selected kit. */
    Q_INVOKABLE QString importLogo(const QUrl &url, const QString &variant = {});
    Q_INVOKABLE QString removeLogo(const QString &logoId);
    /*! \a variant: "", "light" or "dark". */
    Q_INVOKABLE QString setLogoVariant(const QString &logoId, const QString &variant);

    /*! One rule per line. */
    Q_INVOKABLE QString setGuidanceRules(const QString &rules);
    Q_INVOKABLE QString setMinFontSize(double points);
    /*! \a level: "AA" or "AAA". */
    Q_INVOKABLE QString setContrastLevel(const QString &level);
    Q_INVOKABLE QString setAllowedColorsOnly(bool only);
    Q_INVOKABLE QString setAllowedFontsOnly(bool only);

    /*! Restyles the open deck with the selected kit (embedded, logos as
     *  data URIs) as one undo step. */
    Q_INVOKABLE QString applyToDocument();
    /*! Opens a new deck with the selected kit: a new workspace deck when
     *  \c workspace is set and open, else an untitled deck. */
    Q_INVOKABLE QString newDeck(const QString &title = {});

    /*! The selected kit with its logos as data URIs, as a deck embeds it. */
    std::optional<BrandKit> portableKit(QString *error = nullptr) const;

signals:
    void documentChanged();
    void workspaceChanged();
    void folderChanged();
    void kitsChanged();
    void currentKitChanged();
    void deckKitChanged();
    void lastErrorChanged();

private:
    QString fail(const QString &message);
    QString succeed();
    /*! The selected user kit, or nullptr with lastError set. */
    const BrandKitEntry *editableKit();
    QString saveKit(const BrandKit &kit);
    void refresh(const QString &select);
    QString existingOrFirst(const QString &id) const;
    void rebuildKit();
    void installProvider();

    QPointer<DocumentController> m_document;
    QPointer<WorkspaceSession> m_workspace;
    QString m_folder;
    std::unique_ptr<BrandKitLibrary> m_library;
    std::vector<std::unique_ptr<BrandKitLibrary>> m_retired; //!< the libraries of replaced models, which are deleted later
    BrandKitListModel *m_kits = nullptr;
    QString m_currentKitId;
    QVariantMap m_kit;
    QString m_lastError;
    mutable QStringList m_families; //!< installed font families, read once
    int m_revision = 0;
    std::shared_ptr<BrandLogoProvider::Store> m_logos;
};

} // namespace slidespec
