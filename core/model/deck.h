// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "model/brandkit.h"
#include "model/color.h"
#include "model/extrafields.h"
#include "model/geometry.h"

#include <QByteArray>
#include <QString>
#include <QVector>

#include <map>
#include <optional>

namespace slidespec {

/*! The version of the spec format this build reads and writes. */
constexpr int kFormatVersion = 1;

/*!
 * \brief Character formatting. Unset members inherit: run → text body style →
 * defaults (`brand:body`, 18 pt, `brand:text`).
 */
struct TextStyle
{
    std::optional<QString> font;   //!< family, or `brand:ROLE`
    std::optional<double> size;    //!< points
    std::optional<ColorRef> color;
    std::optional<bool> bold;
    std::optional<bool> italic;
    std::optional<bool> underline;
    ExtraFields extra; //!< unknown members of a body's "style" object

    /*! This style with every member \a over sets taking precedence. */
    TextStyle overriddenBy(const TextStyle &over) const;
    bool operator==(const TextStyle &) const = default;
};

struct TextRun
{
    QString text;
    TextStyle style;
    QString link; //!< hyperlink target, empty for none
    ExtraFields extra;

    bool operator==(const TextRun &) const = default;
};

enum class HAlign { Left, Center, Right, Justify };
enum class ListKind { None, Bullet, Number };
enum class VAnchor { Top, Middle, Bottom };

struct Paragraph
{
    QVector<TextRun> runs;
    HAlign align = HAlign::Left;
    ListKind list = ListKind::None;
    int level = 0;              //!< 0–8, indentation level for lists
    double lineSpacing = 1.0;   //!< multiple of the font's line height
    double spaceBefore = 0;     //!< points
    double spaceAfter = 0;      //!< points
    ExtraFields extra;

    QString plainText() const;
    bool operator==(const Paragraph &) const = default;
};

/*! Default insets match PowerPoint's: 0.1 in left/right, 0.05 in top/bottom. */
constexpr Insets kDefaultTextInsets{7.2, 3.6, 7.2, 3.6};

struct TextBody
{
    QVector<Paragraph> paragraphs;
    TextStyle style;            //!< defaults for every run of the body
    Insets insets = kDefaultTextInsets;
    VAnchor anchor = VAnchor::Top;
    ExtraFields extra;

    QString plainText() const;  //!< paragraphs joined with '\n'
    bool isEmpty() const;
    bool operator==(const TextBody &) const = default;
};

enum class ElementKind { Text, Shape, Image, Group, Component };

/*! The spec's name of \a kind: "text", "shape", "image", "group", "component". */
QString elementKindName(ElementKind kind);
enum class ShapeKind { Rectangle, RoundedRectangle, Ellipse, Line };
enum class ImageFit { Contain, Cover, Stretch };
enum class DashStyle { Solid, Dash, Dot };

struct Stroke
{
    ColorRef color;
    double width = 1;  //!< points
    DashStyle dash = DashStyle::Solid;
    ExtraFields extra;

    bool operator==(const Stroke &) const = default;
};

/*!
 * \brief One thing on a slide.
 *
 * A single value type for every kind, like Tiled's MapObject: members that do
 * not apply to a kind keep their defaults and are not written.
 *
 * Group children use slide coordinates; the group's frame is their bounds.
 * A line runs from the frame's top-left to its bottom-right corner, or from
 * bottom-left to top-right with `flipV`.
 */
struct Element
{
    QString id;          //!< stable, unique within the deck
    ElementKind kind = ElementKind::Shape;
    QString name;
    QString role;        //!< "title", "subtitle", "body", "footer", … or empty
    Frame frame;
    int z = 0;           //!< paint order; ties keep array order
    bool locked = false;

    // Text (kind Text), or the optional label of a Shape.
    std::optional<TextBody> text;

    // Shape
    ShapeKind shape = ShapeKind::Rectangle;
    std::optional<ColorRef> fill;
    std::optional<Stroke> stroke;
    double cornerRadius = 0;  //!< points, RoundedRectangle only
    bool flipV = false;       //!< Line only

    // Image
    QString src;              //!< `asset:ID` or a data URI
    QString alt;
    bool decorative = false;
    ImageFit fit = ImageFit::Contain;

    // Group
    QVector<Element> children;

    // Component
    QString component;        //!< component id in the library
    std::map<QString, QString> params;  //!< parameter values, all as strings

    ExtraFields extra;

    // Not defaulted: Element contains QVector<Element>, and Qt's container
    // comparison traits cannot see through a defaulted recursive operator.
    bool operator==(const Element &other) const;
    bool operator!=(const Element &other) const { return !(*this == other); }
};

struct Background
{
    std::optional<ColorRef> color;
    QString image;  //!< `asset:ID` or data URI, empty for none
    ExtraFields extra;

    bool operator==(const Background &) const = default;
};

struct Slide
{
    QString id;
    QString layout;      //!< template name (title, titleBody, …) or empty
    Background background;
    QVector<Element> elements;
    QString notes;       //!< speaker notes, plain text, '\n' between paragraphs
    bool hidden = false; //!< skipped in a slide show
    ExtraFields extra;

    /*! The element with \a id (searching groups), or nullptr. */
    const Element *findElement(const QString &id) const;
    Element *findElement(const QString &id);
    /*! Elements in paint order (by z, then array order); groups not expanded. */
    QVector<const Element *> paintOrder() const;
    /*! The text of the first element whose role is "title", or empty. */
    QString title() const;

    bool operator==(const Slide &) const = default;
};

/*! \brief A deck-level image: bytes embedded as a data URI or a file path. */
struct Asset
{
    QString path;        //!< relative to the deck file, or empty
    QString data;        //!< data URI, or empty
    QString mime;        //!< declared type, e.g. image/png
    ExtraFields extra;

    bool operator==(const Asset &) const = default;
};

/*!
 * \brief A slide deck: the root of a spec.
 */
struct Deck
{
    QString id;
    QString title;
    QSizeF size{kDefaultSlideWidth, kDefaultSlideHeight};
    BrandKit brand;          //!< embedded, or loaded from brandRef
    QString brandRef;        //!< path of the kit relative to the deck, or empty when embedded
    std::map<QString, Asset> assets;
    QVector<Slide> slides;
    int version = kFormatVersion;
    ExtraFields extra;

    const Slide *findSlide(const QString &id) const;
    bool operator==(const Deck &) const = default;
};

} // namespace slidespec
