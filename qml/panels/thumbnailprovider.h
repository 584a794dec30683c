// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QPointer>
#include <QQmlEngine>
#include <QQuickImageProvider>

#include <memory>

namespace slidespec {

class DocumentController;
class SlideRenderer;

/*!
 * \brief Slide thumbnails for `image://slidespec-thumbnail/INDEX/REVISION`,
 * painted by the core SlideRenderer. The revision (SlideListModel's
 * thumbnailRevision role) only busts Qt's image cache.
 * `image://slidespec-thumbnail/template/ID/REVISION` previews layout template
 * ID in the deck's kit (REVISION: EditorSession::brandRevision).
 *
 * Runs on the GUI thread (Image.asynchronous false), where the deck lives.
 * Signals are connected to the provider (a QObject in Qt 6), which the
 * engine owns and deletes.
 */
class ThumbnailProvider : public QQuickImageProvider
{
public:
    static constexpr const char *kName = "slidespec-thumbnail";

    explicit ThumbnailProvider(DocumentController *document);
    ~ThumbnailProvider() override;

    QImage requestImage(const QString &id, QSize *size, const QSize &requestedSize) override;

    /*! Adds a provider for \a document to \a engine (replacing an earlier one). */
    static void install(QQmlEngine *engine, DocumentController *document);

private:
    QPointer<DocumentController> m_document;
    std::unique_ptr<SlideRenderer> m_renderer; //!< dropped when the controller's services change
};

} // namespace slidespec
