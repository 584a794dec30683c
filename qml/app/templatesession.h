// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "document/documentcontroller.h"
#include "workspacesession.h"
#include "templates/templatelibrary.h"
#include "templates/templatelistmodel.h"

#include <QHash>
#include <QMutex>
#include <QObject>
#include <QPointer>
#include <QQmlEngine>
#include <QQmlParserStatus>
#include <QQuickAsyncImageProvider>
#include <QSortFilterProxyModel>
#include <QString>
#include <QStringList>
#include <QThreadPool>

#include <memory>
#include <vector>

namespace slidespec {

/*!
 * \brief Opens \a deck in \a document: as a new deck of \a workspace's
 * library when that is open, else as an untitled deck. Returns what went
 * wrong (translated), or empty. \a deck must stand on its own (assets
 * embedded).
 */
QString openNewDeck(const Deck &deck, DocumentController *document, WorkspaceSession *workspace);

/*!
 * \brief The templates of a TemplateListModel matching \c searchText (in
 * the name or description, case-insensitive) and \c kind ("", "slide" or
 * "deck").
 */
class TemplateFilterModel : public QSortFilterProxyModel
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("Use TemplateSession.templates")
    Q_PROPERTY(QString searchText READ searchText WRITE setSearchText NOTIFY searchTextChanged)
    Q_PROPERTY(QString kind READ kind WRITE setKind NOTIFY kindChanged)
    Q_PROPERTY(int count READ count NOTIFY countChanged)

public:
    explicit TemplateFilterModel(QObject *parent = nullptr);

    QString searchText() const { return m_searchText; }
    void setSearchText(const QString &text);
    QString kind() const { return m_kind; }
    void setKind(const QString &kind);
    int count() const { return rowCount(); }

    /*! The row's role \a role ("id", "name", "kind", …), or an invalid QVariant. */
    Q_INVOKABLE QVariant get(int row, const QString &role) const;

signals:
    void searchTextChanged();
    void kindChanged();
    void countChanged();

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;

private:
    QString m_searchText;
    QString m_kind;
};

/*!
 * \brief Template thumbnails for `image://slidespec-template/KIND/ID/REVISION`
 * (KIND: slide or deck), painted by the core SlideRenderer on the
 * provider's worker threads: slide templates in the open deck's kit, deck
 * templates as their first slide. TemplateSession fills the store.
 */
class TemplateThumbnailProvider : public QQuickAsyncImageProvider
{
public:
    static constexpr const char *kName = "slidespec-template";

    /*! What the workers may render, shared with the session that fills it. */
    struct Store
    {
        mutable QMutex mutex;
        Deck preview;                        //!< size and kit for slide templates, no slides
        QHash<QString, Slide> slides;        //!< slide template id → its slide
        QHash<QString, QString> deckFiles;   //!< deck template id → its file
    };

    explicit TemplateThumbnailProvider(std::shared_ptr<Store> store);
    ~TemplateThumbnailProvider() override;

    QQuickImageResponse *requestImageResponse(const QString &id, const QSize &requestedSize) override;

    /*! Renders \a id (KIND/ID[/REVISION]) from \a store; a null image when unknown. */
    static QImage render(const Store &store, const QString &id, int widthPx);

private:
    std::shared_ptr<Store> m_store;
    QThreadPool m_pool;
};

/*!
 * \brief The template gallery for QML: the bundled slide templates and
 * sample decks, and the user's slide and deck templates in \c folder, with
 * search, thumbnails (TemplateThumbnailProvider), and the actions: new deck
 * from a template, insert a slide from a template (one undo step), save the
 * current slide or the deck as a template, delete a user template.
 *
 * Every action returns what went wrong (translated, and also kept in
 * lastError), or an empty string.
 */
class TemplateSession : public QObject, public QQmlParserStatus
{
    Q_OBJECT
    Q_INTERFACES(QQmlParserStatus)
    QML_ELEMENT
    Q_PROPERTY(slidespec::DocumentController *document READ document WRITE setDocument NOTIFY documentChanged)
    Q_PROPERTY(slidespec::WorkspaceSession *workspace READ workspace WRITE setWorkspace NOTIFY workspaceChanged)
    Q_PROPERTY(QString folder READ folder WRITE setFolder NOTIFY folderChanged)
    Q_PROPERTY(slidespec::TemplateFilterModel *templates READ templates CONSTANT)
    Q_PROPERTY(QStringList loadErrors READ loadErrors NOTIFY templatesChanged)
    Q_PROPERTY(int revision READ revision NOTIFY revisionChanged)
    Q_PROPERTY(QString lastError READ lastError NOTIFY lastErrorChanged)

public:
    explicit TemplateSession(QObject *parent = nullptr);
    ~TemplateSession() override;

    /*! Installs the image provider in the object's engine. */
    void classBegin() override;
    void componentComplete() override {}

    DocumentController *document() const { return m_document; }
    void setDocument(DocumentController *document);
    WorkspaceSession *workspace() const { return m_workspace; }
    void setWorkspace(WorkspaceSession *workspace);
    /*! Where the user's templates live (normally `WORKSPACE/templates`);
     *  empty: only the bundled ones, nothing can be saved. */
    QString folder() const { return m_folder; }
    void setFolder(const QString &folder);

    TemplateLibrary *library() const { return m_library.get(); }
    TemplateFilterModel *templates() const { return m_filter; }
    QStringList loadErrors() const { return m_library->loadErrors(); }
    /*! Grows when a thumbnail may have changed (cache-busting). */
    int revision() const { return m_revision; }
    QString lastError() const { return m_lastError; }

    /*! Why \a name cannot name a new template of \a kind ("slide" or "deck"). */
    Q_INVOKABLE QString validateName(const QString &name, const QString &kind) const;
    /*! Opens a new deck from template \a id of \a kind: a deck template's
     *  slides, or a slide template's slide in the open deck's kit. */
    Q_INVOKABLE QString newDeck(const QString &id, const QString &kind);
    /*! Inserts slide template \a id after the current slide (one undo step)
     *  and makes it current. */
    Q_INVOKABLE QString insertSlide(const QString &id);
    /*! Saves the current slide as user slide template \a name. */
    Q_INVOKABLE QString saveSlideAsTemplate(const QString &name, const QString &description = {});
    /*! Saves the open deck as user deck template \a name. */
    Q_INVOKABLE QString saveDeckAsTemplate(const QString &name);
    /*! Deletes user template \a id. */
    Q_INVOKABLE QString remove(const QString &id);
    /*! The id of the template saved last (tests, selection after saving). */
    Q_INVOKABLE QString lastSavedId() const { return m_lastSavedId; }

signals:
    void documentChanged();
    void workspaceChanged();
    void folderChanged();
    void templatesChanged();
    void revisionChanged();
    void lastErrorChanged();

private:
    QString fail(const QString &message);
    QString succeed();
    void refresh();
    void updatePreviewKit();
    void installProvider();
    QString baseDir() const;

    QPointer<DocumentController> m_document;
    QPointer<WorkspaceSession> m_workspace;
    QString m_folder;
    std::unique_ptr<TemplateLibrary> m_library;
    std::vector<std::unique_ptr<TemplateLibrary>> m_retired; //!< the libraries of replaced models, which are deleted later
    TemplateListModel *m_model = nullptr;
    TemplateFilterModel *m_filter = nullptr;
    int m_revision = 0;
    QString m_lastError;
    QString m_lastSavedId;
    std::shared_ptr<TemplateThumbnailProvider::Store> m_store;
};

} // namespace slidespec
