// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "http/serviceresult.h"
#include "content/specvalidation.h"

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QString>

#include <optional>

namespace slidespec::server {

class Database;

/*! \brief How a kind of content is named in SQL, URLs, permissions and errors. */
struct ContentKindInfo
{
    ContentKind kind;
    const char *table;         //!< "decks"
    const char *revisionTable; //!< "deck_revisions"
    const char *pathSegment;   //!< "decks", "brand-kits", "templates"
    const char *idParam;       //!< "deckId", "brandKitId", "templateId"
    const char *permission;    //!< matrix prefix: "decks", "brandkits", "templates"
    const char *codePrefix;    //!< error codes: "decks.not_found", …
    const char *singular;      //!< "deck", "brand kit", "template"
    const char *schema;        //!< OpenAPI schema name: "Deck", "BrandKit", "Template"
    const char *auditName;     //!< audit actions and object type: "deck", "brandkit", "template"
};

const ContentKindInfo &contentKindInfo(ContentKind kind);

/*! \brief Who acts, in which org, from where (from the request; for the audit log). */
struct ContentActor
{
    QString userId;
    QString orgId;
    QString clientAddress{};
    QString requestId{};
};

/*! \brief A deck, brand kit or template, without its spec. */
struct ContentItem
{
    QString id;
    QString name;
    int revision = 0;       //!< the current revision
    qint64 size = 0;        //!< bytes of the current revision's spec
    QString createdBy;
    QString updatedBy;
    QString createdAt;      //!< ISO 8601 UTC
    QString updatedAt;
    QString deletedAt;      //!< empty unless in the trash
    QString templateKind;   //!< templates: "slide" or "deck"

    QJsonObject toJson(ContentKind kind) const;
};

/*! \brief One saved revision's metadata. */
struct RevisionInfo
{
    int revision = 0;
    qint64 size = 0;
    QString sha256;
    QString author;
    QString createdAt;

    QJsonObject toJson() const;
};

/*! \brief An item with one revision's exact bytes. */
struct SpecRevision
{
    ContentItem item;
    RevisionInfo revision;
    QByteArray spec;
};

/*! \brief List parameters; validate them with ContentService::parseListQuery(). */
struct ContentListQuery
{
    int limit = 50;
    QString cursor;        //!< opaque, from a previous page's nextCursor
    QString search;        //!< case-insensitive substring of the name
    bool deleted = false;  //!< the trash instead of the live items
    QString sort = QStringLiteral("updated"); //!< "updated" (newest first) or "name"
};

template<typename T>
struct Page
{
    QList<T> items;
    QString nextCursor; //!< empty on the last page
};

/*!
 * \brief Decks, brand kits and templates of an org, with revisions, on
 * PostgreSQL (migration 0010). Every call runs in one transaction scoped to
 * the actor's org (OrgScope), so row-level security applies as well as the
 * explicit `org_id` filters. Ids that are not UUIDs, and ids of another
 * org's objects, are "not found". Thread-safe; never throws.
 *
 * In the same transaction as the change (so both commit or neither): the
 * audit log records trash and restore (`deck.deleted`, `deck.restored`,
 * `brandkit.…`, `template.…`), and deck changes queue webhook events
 * (`deck.created`, `deck.updated`, `deck.deleted`, `deck.restored`), see
 * docs/operations.md.
 */
class ContentService
{
public:
    explicit ContentService(Database &db);

    static constexpr int MaxPageSize = 100;
    static constexpr int MaxNameLength = 200;

    /*!
     * \brief Checks a name: trimmed, 1–MaxNameLength characters, no control
     * characters (nor line/paragraph separators). Returns the trimmed name,
     * or sets \a error to what is wrong.
     */
    static std::optional<QString> normalizeName(const QString &raw, QString *error);

    /*! The list query from URL parameters (limit, cursor, q, deleted, sort), or a 400. */
    static ServiceResult<ContentListQuery> parseListQuery(const QString &limit, const QString &cursor,
                                                          const QString &q, const QString &deleted,
                                                          const QString &sort);

    /*! Creates revision 1 from \a spec (already checked with checkSpec()). */
    ServiceResult<ContentItem> create(ContentKind kind, const ContentActor &actor, const QString &name,
                                      const QByteArray &spec, const SpecCheck &check);

    ServiceResult<Page<ContentItem>> list(ContentKind kind, const ContentActor &actor, const ContentListQuery &query);

    /*! The item with its current revision (\a revision unset) or revision \a revision. */
    ServiceResult<SpecRevision> get(ContentKind kind, const ContentActor &actor, const QString &id,
                                    std::optional<int> revision = std::nullopt);

    /*! The item alone. */
    ServiceResult<ContentItem> item(ContentKind kind, const ContentActor &actor, const QString &id);

    /*!
     * \brief Saves revision current+1 when the current revision is
     * \a expectedRevision; otherwise 412 `content.revision_mismatch` with
     * details.currentRevision. Trashed items are refused (409). \a name,
     * when set, renames the item in the same transaction.
     */
    ServiceResult<ContentItem> update(ContentKind kind, const ContentActor &actor, const QString &id,
                                      int expectedRevision, const std::optional<QString> &name,
                                      const QByteArray &spec, const SpecCheck &check);

    /*! Moves to the trash (idempotent). */
    ServiceResult<ContentItem> trash(ContentKind kind, const ContentActor &actor, const QString &id);
    /*! Takes out of the trash; 409 `content.not_in_trash` when it is not there. */
    ServiceResult<ContentItem> restore(ContentKind kind, const ContentActor &actor, const QString &id);

    /*! Revisions, newest first; \a cursor from a previous page. */
    ServiceResult<Page<RevisionInfo>> revisions(ContentKind kind, const ContentActor &actor, const QString &id,
                                                int limit, const QString &cursor);

private:
    Database &m_db;
};

/*! SHA-256 of \a bytes, lower-case hex. */
QString sha256Hex(const QByteArray &bytes);

/*! Whether \a text is a UUID (8-4-4-4-12 hex digits). */
bool looksLikeUuid(const QString &text);

} // namespace slidespec::server
