// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QList>
#include <QString>

namespace slidespec::server {

/*! \brief One thing the sanitiser took out, and where it was in the input. */
struct SvgRemoval
{
    QString what; //!< "element <script>", "attribute onload on <svg>", "href on <image> (not #fragment or data:image)"
    qint64 line = 0;
    qint64 column = 0;
};

/*! \brief Bounds on what the sanitiser parses. */
struct SvgSanitizeOptions
{
    qint64 maxBytes = 2 * 1024 * 1024;
    int maxDepth = 256;
    int maxElements = 200000;
};

/*! \brief The sanitised document, what was removed, or why it was refused. */
struct SvgSanitizeResult
{
    QByteArray svg;              //!< UTF-8 XML, only when ok()
    QList<SvgRemoval> removed;   //!< in document order
    QString error;               //!< "line 3, column 7: ..." when refused
    bool ok() const { return error.isEmpty(); }
    /*! "element <script> (line 2, column 3); ..." for logs and API details. */
    QStringList removedDescriptions() const;
};

/*!
 * \brief Parses \a input with QXmlStreamReader and writes back, with
 * QXmlStreamWriter, only a safe subset of SVG (docs/storage.md, "SVG
 * sanitiser"):
 *
 * \list
 * \li Elements: an allowlist of SVG shapes, text, structure, paint servers,
 *     clipping, masking, markers, filters and images. Everything else is
 *     dropped with its content: <script>, <foreignObject>, animation
 *     (<animate>, <set>, … can rewrite href), elements of other namespaces.
 * \li Attributes: no event handlers (on*), no xml:base, none of foreign
 *     namespaces; href / xlink:href only as a same-document "#fragment" or a
 *     data:image/(png|jpeg|gif|webp);base64 URL; no value containing
 *     "javascript:" (after removing whitespace and control characters); url()
 *     in any value only as url(#fragment).
 * \li Style: declarations of a style attribute with an external url(),
 *     @import, expression(), javascript: or CSS escapes are dropped; a
 *     <style> element with any of them is dropped whole.
 * \li A DOCTYPE without declarations is dropped; one that declares entities
 *     or notations refuses the document (billion laughs, external entities).
 *     Entity references other than the XML built-ins refuse it too.
 * \li Processing instructions and comments are dropped.
 * \endlist
 *
 * Malformed XML, a root other than <svg>, or input past the options' bounds
 * is refused with an error naming the line and column.
 */
SvgSanitizeResult sanitizeSvg(const QByteArray &input, const SvgSanitizeOptions &options = {});

} // namespace slidespec::server
