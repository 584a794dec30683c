// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "document/documentcontroller.h"
#include "models/componentpalettemodel.h"
#include "models/issuelistmodel.h"
#include "models/slidelistmodel.h"

#include <QObject>
#include <QPointer>
#include <QQmlEngine>
#include <QStringList>
#include <QUrl>
#include <QVariantList>
#include <QVariantMap>

namespace slidespec {

/*!
 * \brief What the QML UI needs from one DocumentController: its list
 * models, the current slide's elements as plain values, and the edits the
 * canvas and the inspector make, in the types QML passes.
 *
 * The controller is made in C++ (the app's main(), a test's setup) and set
 * as \c document. The session does no editing of its own: every call ends
 * in one DocumentController edit, i.e. one undo step (or a merge of a drag).
 */
class EditorSession : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(slidespec::DocumentController *document READ document WRITE setDocument NOTIFY documentChanged)
    Q_PROPERTY(slidespec::SlideListModel *slides READ slides NOTIFY documentChanged)
    Q_PROPERTY(slidespec::IssueListModel *issues READ issues NOTIFY documentChanged)
    Q_PROPERTY(slidespec::IssueListModel *deckIssues READ deckIssues NOTIFY documentChanged)
    Q_PROPERTY(slidespec::ComponentPaletteModel *palette READ palette NOTIFY documentChanged)
    Q_PROPERTY(QVariantList elements READ elements NOTIFY elementsChanged)
    Q_PROPERTY(QVariantList markers READ markers NOTIFY markersChanged)
    Q_PROPERTY(QVariantList brandColors READ brandColors NOTIFY brandChanged)
    Q_PROPERTY(double slideWidth READ slideWidth NOTIFY slideSizeChanged)
    Q_PROPERTY(double slideHeight READ slideHeight NOTIFY slideSizeChanged)
    Q_PROPERTY(QStringList templates READ templates CONSTANT)
    Q_PROPERTY(int brandRevision READ brandRevision NOTIFY brandChanged)

public:
    /*! How setFrame() names the change, for the undo text and merging. */
    enum Change { Move, Resize, Rotate };
    Q_ENUM(Change)

    explicit EditorSession(QObject *parent = nullptr);
    ~EditorSession() override;

    DocumentController *document() const { return m_document; }
    void setDocument(DocumentController *document);

    SlideListModel *slides() const { return m_slides; }
    IssueListModel *issues() const { return m_issues; }
    IssueListModel *deckIssues() const { return m_deckIssues; }
    ComponentPaletteModel *palette() const { return m_palette; }

    /*! The current slide's top-level elements in paint order, each a map
     *  {id, name, kind, x, y, w, h, rotation, locked, text}. */
    QVariantList elements() const { return m_elements; }
    /*! Issues of the current slide placed on their elements, each a map
     *  {elementId, x, y, w, h, severity, ruleId, message}. */
    QVariantList markers() const { return m_markers; }
    /*! The kit's colour tokens, each {token, color}. */
    QVariantList brandColors() const;
    double slideWidth() const;
    double slideHeight() const;
    /*! Grows whenever the kit changes (cache-busting template previews). */
    int brandRevision() const { return m_brandRevision; }
    /*! Layout template ids under `:/slidespec/templates`. */
    QStringList templates() const;

    /*! Opens the deck at \a url (a file URL or path); returns what went
     *  wrong, or an empty string. */
    Q_INVOKABLE QString openFile(const QUrl &url);
    /*! Saves to the deck's file; returns what went wrong, or empty. */
    Q_INVOKABLE QString save();
    /*! Saves to \a url and makes it the deck's file; returns what went wrong, or empty. */
    Q_INVOKABLE QString saveAs(const QUrl &url);

    /*! Aligns the selection: 0 left, 1 centre, 2 right, 3 top, 4 middle,
     *  5 bottom (DeckEdit::Alignment); one element aligns to the slide. */
    Q_INVOKABLE bool align(int alignment);
    /*! Spaces the selection evenly: 0 horizontally, 1 vertically. */
    Q_INVOKABLE bool distribute(int distribution);
    /*! Restacks the selection: 0 to front, 1 to back, 2 forward, 3 backward. */
    Q_INVOKABLE bool changeZOrder(int change);
    /*! Pastes elements from the system clipboard onto the current slide. */
    Q_INVOKABLE QStringList paste();

    /*! Everything the inspector shows of element \a id: the elements() map
     *  plus fill, fillOffBrand, stroke (its colour, empty for none),
     *  strokeWidth, strokeOffBrand, alt, decorative, fontSize, hasText. */
    Q_INVOKABLE QVariantMap element(const QString &id) const;
    /*! Sets the frame of \a id; a drag passes one \a dragId to every step. */
    Q_INVOKABLE bool setFrame(const QString &id, double x, double y, double w, double h, double rotation,
                              int change = Move, int dragId = 0);
    /*!
     * Snaps rect (\a x, \a y, \a w, \a h) dragged by its \a edges
     * (Snapping::Edge flags, 15 = a move) against the slide, the kit's safe
     * margins and the elements not in \a ids. \a zoom turns the 6 pixel
     * threshold into points. Returns {x, y, w, h, guides: [{vertical,
     * position, start, end}]}.
     */
    Q_INVOKABLE QVariantMap snapRect(const QStringList &ids, double x, double y, double w, double h, int edges,
                                     double zoom, bool disabled) const;
    /*! Replaces the plain text of \a id (one undo step per \a editId). */
    Q_INVOKABLE bool setText(const QString &id, const QString &text, int editId = 0);
    Q_INVOKABLE bool setName(const QString &id, const QString &name);
    Q_INVOKABLE bool setAlt(const QString &id, const QString &alt, int editId = 0);
    Q_INVOKABLE bool setDecorative(const QString &id, bool decorative);
    /*! \a color is `brand:TOKEN`, `#RRGGBB` or empty for none. */
    Q_INVOKABLE bool setFill(const QString &id, const QString &color);
    /*! Outlines \a id in \a color (`brand:TOKEN`, `#RRGGBB`) \a width points
     *  wide; an empty \a color removes the outline. One undo step. */
    Q_INVOKABLE bool setStroke(const QString &id, const QString &color, double width);
    /*! Sets the body font size of text element \a id, points. */
    Q_INVOKABLE bool setFontSize(const QString &id, double size);
    Q_INVOKABLE QString notes() const;
    Q_INVOKABLE bool setNotes(const QString &notes, int editId = 0);
    /*! Changes the kit's colour \a token to \a color (one undo step). */
    Q_INVOKABLE bool setBrandColor(const QString &token, const QString &color);
    /*! Inserts component \a componentId with its top left at (\a x, \a y). */
    Q_INVOKABLE QString addComponent(const QString &componentId, double x, double y);
    /*! Adds a slide from layout template \a templateId after the current one. */
    Q_INVOKABLE int addSlide(const QString &templateId);
    /*! Goes to the slide of issue \a row of \a model and selects its elements. */
    Q_INVOKABLE void revealIssue(slidespec::IssueListModel *model, int row);
    /*! Top-level element under slide point (\a x, \a y), topmost first; empty if none. */
    Q_INVOKABLE QString elementAt(double x, double y) const;
    /*! Top-level elements whose bounds intersect the rect. */
    Q_INVOKABLE QStringList elementsIn(double x, double y, double w, double h) const;

signals:
    void documentChanged();
    void elementsChanged();
    void markersChanged();
    void brandChanged();
    void slideSizeChanged();

private:
    void rebuildElements();
    void rebuildMarkers();
    const Element *topLevel(const QString &id) const;

    QPointer<DocumentController> m_document;
    SlideListModel *m_slides = nullptr;
    IssueListModel *m_issues = nullptr;
    IssueListModel *m_deckIssues = nullptr;
    ComponentPaletteModel *m_palette = nullptr;
    QVariantList m_elements;
    QVariantList m_markers;
    int m_brandRevision = 0;
};

} // namespace slidespec
