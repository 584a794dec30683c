// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QString>
#include <QVector>

#include <cstdint>
#include <type_traits>

namespace slidespec::pptx {

/*! \a text without the characters XML 1.0 forbids (C0 controls other than
 *  tab, LF and CR; lone surrogates; U+FFFE and U+FFFF). */
QString stripInvalidXmlChars(const QString &text);

/*!
 * \brief A small, fast XML writer for OOXML parts.
 *
 * Names are written as given (with their prefixes); text and attribute
 * values are stripped of characters XML forbids and escaped, so untrusted
 * strings can never produce malformed XML. Empty elements are self-closed.
 */
class XmlWriter
{
public:
    XmlWriter();

    XmlWriter &start(const char *name);
    XmlWriter &attr(const char *name, const QString &value);
    XmlWriter &attr(const char *name, const char *value);
    XmlWriter &attr(const char *name, std::int64_t value);
    template<typename T, typename = std::enable_if_t<std::is_integral_v<T> && !std::is_same_v<T, std::int64_t>>>
    XmlWriter &attr(const char *name, T value) { return attr(name, std::int64_t(value)); }
    XmlWriter &text(const QString &text);
    XmlWriter &end();
    /*! An element with no attributes and no content. */
    XmlWriter &empty(const char *name) { return start(name).end(); }
    /*! Appends already well-formed markup. */
    XmlWriter &raw(const char *markup);

    /*! The document; every element must have been ended. */
    QByteArray finish();

private:
    void closeStartTag();

    QByteArray m_out;
    QVector<const char *> m_stack;
    bool m_startOpen = false;
};

} // namespace slidespec::pptx
