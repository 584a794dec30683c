// SPDX-License-Identifier: GPL-3.0-or-later
#include "pptx/pptxxml.h"

namespace slidespec::pptx {

namespace {

bool isAllowedBmp(char16_t c)
{
    if (c < 0x20)
        return c == 0x9 || c == 0xA || c == 0xD;
    return c != 0xFFFE && c != 0xFFFF;
}

void appendEscaped(QByteArray &out, const QString &value, bool attribute)
{
    const QByteArray utf8 = stripInvalidXmlChars(value).toUtf8();
    out.reserve(out.size() + utf8.size() + 8);
    for (const char c : utf8) {
        switch (c) {
        case '&': out += "&amp;"; break;
        case '<': out += "&lt;"; break;
        case '>': out += "&gt;"; break;
        case '"': out += attribute ? "&quot;" : "\""; break;
        case '\r': out += "&#13;"; break;
        case '\n': out += attribute ? "&#10;" : "\n"; break;
        case '\t': out += attribute ? "&#9;" : "\t"; break;
        default: out += c; break;
        }
    }
}

} // namespace

QString stripInvalidXmlChars(const QString &text)
{
    bool clean = true;
    for (qsizetype i = 0; i < text.size() && clean; ++i) {
        const char16_t c = text.at(i).unicode();
        if (QChar::isSurrogate(c) || !isAllowedBmp(c))
            clean = false;
    }
    if (clean)
        return text;

    QString out;
    out.reserve(text.size());
    for (qsizetype i = 0; i < text.size(); ++i) {
        const char16_t c = text.at(i).unicode();
        if (QChar::isHighSurrogate(c)) {
            if (i + 1 < text.size() && QChar::isLowSurrogate(text.at(i + 1).unicode())) {
                out += text.at(i);
                out += text.at(i + 1);
                ++i;
            }
            continue; // a lone high surrogate is dropped
        }
        if (QChar::isLowSurrogate(c) || !isAllowedBmp(c))
            continue;
        out += text.at(i);
    }
    return out;
}

XmlWriter::XmlWriter()
{
    m_out.reserve(4096);
    m_out += "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\r\n";
}

void XmlWriter::closeStartTag()
{
    if (m_startOpen) {
        m_out += '>';
        m_startOpen = false;
    }
}

XmlWriter &XmlWriter::start(const char *name)
{
    closeStartTag();
    m_out += '<';
    m_out += name;
    m_stack.append(name);
    m_startOpen = true;
    return *this;
}

XmlWriter &XmlWriter::attr(const char *name, const QString &value)
{
    Q_ASSERT(m_startOpen);
    m_out += ' ';
    m_out += name;
    m_out += "=\"";
    appendEscaped(m_out, value, true);
    m_out += '"';
    return *this;
}

XmlWriter &XmlWriter::attr(const char *name, const char *value)
{
    return attr(name, QString::fromUtf8(value));
}

XmlWriter &XmlWriter::attr(const char *name, std::int64_t value)
{
    Q_ASSERT(m_startOpen);
    m_out += ' ';
    m_out += name;
    m_out += "=\"";
    m_out += QByteArray::number(qlonglong(value));
    m_out += '"';
    return *this;
}

XmlWriter &XmlWriter::text(const QString &text)
{
    closeStartTag();
    appendEscaped(m_out, text, false);
    return *this;
}

XmlWriter &XmlWriter::raw(const char *markup)
{
    closeStartTag();
    m_out += markup;
    return *this;
}

XmlWriter &XmlWriter::end()
{
    Q_ASSERT(!m_stack.isEmpty());
    const char *name = m_stack.takeLast();
    if (m_startOpen) {
        m_out += "/>";
        m_startOpen = false;
    } else {
        m_out += "</";
        m_out += name;
        m_out += '>';
    }
    return *this;
}

QByteArray XmlWriter::finish()
{
    while (!m_stack.isEmpty())
        end();
    return std::move(m_out);
}

} // namespace slidespec::pptx
