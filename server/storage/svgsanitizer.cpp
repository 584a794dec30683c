// SPDX-License-Identifier: GPL-3.0-or-later
#include "storage/svgsanitizer.h"

#include <QRegularExpression>
#include <QSet>
#include <QXmlStreamReader>
#include <QXmlStreamWriter>

namespace slidespec::server {

namespace {

const QString SvgNs = QStringLiteral("http://www.w3.org/2000/svg");
const QString XlinkNs = QStringLiteral("http://www.w3.org/1999/xlink");
const QString XmlNs = QStringLiteral("http://www.w3.org/XML/1998/namespace");

const QSet<QString> &allowedElements()
{
    static const QSet<QString> elements = {
        // structure
        QStringLiteral("svg"), QStringLiteral("g"), QStringLiteral("defs"), QStringLiteral("symbol"),
        QStringLiteral("use"), QStringLiteral("title"), QStringLiteral("desc"), QStringLiteral("switch"),
        QStringLiteral("a"), QStringLiteral("view"), QStringLiteral("style"),
        // shapes and text
        QStringLiteral("path"), QStringLiteral("rect"), QStringLiteral("circle"), QStringLiteral("ellipse"),
        QStringLiteral("line"), QStringLiteral("polyline"), QStringLiteral("polygon"), QStringLiteral("text"),
        QStringLiteral("tspan"), QStringLiteral("textPath"), QStringLiteral("image"),
        // paint servers, clipping, masking, markers
        QStringLiteral("linearGradient"), QStringLiteral("radialGradient"), QStringLiteral("stop"),
        QStringLiteral("pattern"), QStringLiteral("clipPath"), QStringLiteral("mask"), QStringLiteral("marker"),
        QStringLiteral("solidColor"),
        // filters
        QStringLiteral("filter"), QStringLiteral("feBlend"), QStringLiteral("feColorMatrix"),
        QStringLiteral("feComponentTransfer"), QStringLiteral("feComposite"), QStringLiteral("feConvolveMatrix"),
        QStringLiteral("feDiffuseLighting"), QStringLiteral("feDisplacementMap"), QStringLiteral("feDistantLight"),
        QStringLiteral("feDropShadow"), QStringLiteral("feFlood"), QStringLiteral("feFuncA"), QStringLiteral("feFuncB"),
        QStringLiteral("feFuncG"), QStringLiteral("feFuncR"), QStringLiteral("feGaussianBlur"), QStringLiteral("feImage"),
        QStringLiteral("feMerge"), QStringLiteral("feMergeNode"), QStringLiteral("feMorphology"),
        QStringLiteral("feOffset"), QStringLiteral("fePointLight"), QStringLiteral("feSpecularLighting"),
        QStringLiteral("feSpotLight"), QStringLiteral("feTile"), QStringLiteral("feTurbulence"),
    };
    return elements;
}

/*! Lower-case, without whitespace and control characters: what a browser's URL parser effectively sees. */
QString squeezed(const QString &value)
{
    QString out;
    out.reserve(value.size());
    for (const QChar c : value) {
        if (c.unicode() <= 0x20 || c.unicode() == 0x7f || c.isSpace())
            continue;
        out += c.toLower();
    }
    return out;
}

bool isSafeHref(const QString &value)
{
    static const QRegularExpression fragment(QStringLiteral("^#[A-Za-z_][A-Za-z0-9_.:-]*$"));
    if (fragment.match(value.trimmed()).hasMatch())
        return true;
    // Base64 may be wrapped over lines: judge it without whitespace.
    static const QRegularExpression dataImage(QStringLiteral("^data:image/(png|jpeg|jpg|gif|webp);base64,[a-z0-9+/=]*$"));
    return dataImage.match(squeezed(value)).hasMatch();
}

/*! Every url(...) in \a value points into this document (#fragment). */
bool urlsAreLocal(const QString &value)
{
    const QString lower = value.toLower();
    qsizetype from = 0;
    for (;;) {
        const qsizetype at = lower.indexOf(QLatin1String("url("), from);
        if (at < 0)
            return true;
        qsizetype i = at + 4;
        while (i < lower.size() && (lower.at(i).isSpace() || lower.at(i) == u'"' || lower.at(i) == u'\''))
            ++i;
        if (i >= lower.size() || lower.at(i) != u'#')
            return false;
        from = i;
    }
}

/*! Why CSS text is unsafe, or empty when it is safe. */
QString cssProblem(const QString &css)
{
    const QString s = squeezed(css);
    if (s.contains(QLatin1String("@import")))
        return QStringLiteral("@import");
    if (s.contains(QLatin1String("javascript:")))
        return QStringLiteral("javascript:");
    if (s.contains(QLatin1String("expression(")))
        return QStringLiteral("expression()");
    if (s.contains(QLatin1String("-moz-binding")) || s.contains(QLatin1String("behavior:")))
        return QStringLiteral("a binding");
    if (css.contains(u'\\'))
        return QStringLiteral("a CSS escape");
    if (!urlsAreLocal(css))
        return QStringLiteral("an external url()");
    // url( written some other way ("u" "rl(" in a comment) would need an
    // escape or a comment inside the word; comments inside words:
    if (s.contains(QLatin1String("/*")) && s.contains(QLatin1String("url")))
        return QStringLiteral("a comment near url()");
    return {};
}

class Sanitizer
{
public:
    Sanitizer(const QByteArray &input, const SvgSanitizeOptions &options)
        : m_reader(input), m_writer(&m_output), m_options(options)
    {
    }

    SvgSanitizeResult run();

private:
    void remove(const QString &what)
    {
        m_result.removed.append({what, m_reader.lineNumber(), m_reader.columnNumber()});
    }
    QString where() const
    {
        return QStringLiteral("line %1, column %2").arg(m_reader.lineNumber()).arg(m_reader.columnNumber());
    }
    bool fail(const QString &message)
    {
        m_result.error = QStringLiteral("%1: %2").arg(where(), message);
        return false;
    }
    bool skipElement();
    bool writeElement();
    void writeAttributes(const QString &element);
    QString sanitizeStyleAttribute(const QString &element, const QString &style);

    QXmlStreamReader m_reader;
    QByteArray m_output;
    QXmlStreamWriter m_writer;
    SvgSanitizeOptions m_options;
    SvgSanitizeResult m_result;
    int m_depth = 0;
    int m_elements = 0;
    QString m_currentElement;
};

/*! Skips the current element and all it contains (the reader is on its StartElement). */
bool Sanitizer::skipElement()
{
    int depth = 1;
    while (depth > 0 && !m_reader.atEnd()) {
        switch (m_reader.readNext()) {
        case QXmlStreamReader::StartElement:
            if (++m_elements > m_options.maxElements)
                return fail(QStringLiteral("more than %1 elements.").arg(m_options.maxElements));
            if (++depth + m_depth > m_options.maxDepth)
                return fail(QStringLiteral("elements nested deeper than %1.").arg(m_options.maxDepth));
            break;
        case QXmlStreamReader::EndElement:
            --depth;
            break;
        case QXmlStreamReader::EntityReference:
            return fail(QStringLiteral("entity reference '&%1;' (only the XML built-in entities are allowed).")
                            .arg(m_reader.name()));
        default:
            break;
        }
    }
    return !m_reader.hasError();
}

QString Sanitizer::sanitizeStyleAttribute(const QString &element, const QString &style)
{
    QStringList kept;
    for (const QString &declaration : style.split(u';', Qt::SkipEmptyParts)) {
        const QString problem = cssProblem(declaration);
        if (problem.isEmpty())
            kept << declaration.trimmed();
        else
            remove(QStringLiteral("style declaration '%1' on <%2> (%3)").arg(declaration.trimmed().left(80), element, problem));
    }
    return kept.join(QStringLiteral("; "));
}

void Sanitizer::writeAttributes(const QString &element)
{
    for (const QXmlStreamAttribute &attribute : m_reader.attributes()) {
        const QString ns = attribute.namespaceUri().toString();
        const QString name = attribute.name().toString();
        const QString qualified = attribute.qualifiedName().toString();
        const QString value = attribute.value().toString();
        const QString lowerName = name.toLower();
        if (!ns.isEmpty() && ns != XlinkNs && ns != XmlNs) {
            remove(QStringLiteral("attribute %1 on <%2> (foreign namespace)").arg(qualified, element));
            continue;
        }
        if (ns.isEmpty() && lowerName.startsWith(QLatin1String("xmlns"))) {
            // Not a namespace declaration (those are not attributes here): a lookalike.
            remove(QStringLiteral("attribute %1 on <%2> (xmlns lookalike)").arg(qualified, element));
            continue;
        }
        if (lowerName.startsWith(QLatin1String("on"))) {
            remove(QStringLiteral("event handler %1 on <%2>").arg(qualified, element));
            continue;
        }
        if (ns == XmlNs && name == QLatin1String("base")) {
            remove(QStringLiteral("attribute xml:base on <%1>").arg(element));
            continue;
        }
        if (lowerName == QLatin1String("href")) {
            if (!isSafeHref(value)) {
                remove(QStringLiteral("%1 on <%2> (not a #fragment or data:image URL: '%3')")
                           .arg(qualified, element, value.left(60)));
                continue;
            }
        } else if (squeezed(value).contains(QLatin1String("javascript:"))) {
            remove(QStringLiteral("attribute %1 on <%2> (javascript:)").arg(qualified, element));
            continue;
        }
        QString written = value;
        if (lowerName == QLatin1String("style")) {
            written = sanitizeStyleAttribute(element, value);
            if (written.isEmpty())
                continue;
        } else if (!urlsAreLocal(value)) {
            remove(QStringLiteral("attribute %1 on <%2> (external url())").arg(qualified, element));
            continue;
        }
        if (ns == XlinkNs)
            m_writer.writeAttribute(XlinkNs, name, written);
        else if (ns == XmlNs)
            m_writer.writeAttribute(XmlNs, name, written);
        else
            m_writer.writeAttribute(name, written);
    }
}

/*! Writes the current (allowed) element and its content. */
bool Sanitizer::writeElement()
{
    const QString name = m_reader.name().toString();
    if (name == QLatin1String("style")) {
        // Read the whole stylesheet first: all of it is kept or none.
        const QXmlStreamAttributes attributes = m_reader.attributes();
        QString css;
        while (!m_reader.atEnd()) {
            const auto token = m_reader.readNext();
            if (token == QXmlStreamReader::Characters)
                css += m_reader.text();
            else if (token == QXmlStreamReader::EndElement)
                break;
            else if (token == QXmlStreamReader::StartElement) {
                remove(QStringLiteral("element <%1> inside <style>").arg(m_reader.name()));
                if (!skipElement())
                    return false;
            } else if (token == QXmlStreamReader::EntityReference) {
                return fail(QStringLiteral("entity reference '&%1;'.").arg(m_reader.name()));
            }
        }
        if (m_reader.hasError())
            return false;
        const QString problem = cssProblem(css);
        if (!problem.isEmpty()) {
            remove(QStringLiteral("element <style> (%1)").arg(problem));
            return true;
        }
        m_writer.writeStartElement(name);
        for (const QXmlStreamAttribute &attribute : attributes) {
            if (attribute.namespaceUri().isEmpty() && attribute.name() == QLatin1String("type"))
                m_writer.writeAttribute(QStringLiteral("type"), attribute.value().toString());
        }
        m_writer.writeCharacters(css);
        m_writer.writeEndElement();
        return true;
    }

    m_writer.writeStartElement(name);
    if (m_depth == 1) {
        m_writer.writeDefaultNamespace(SvgNs);
        m_writer.writeNamespace(XlinkNs, QStringLiteral("xlink"));
    }
    writeAttributes(name);
    while (!m_reader.atEnd()) {
        switch (m_reader.readNext()) {
        case QXmlStreamReader::StartElement: {
            if (++m_elements > m_options.maxElements)
                return fail(QStringLiteral("more than %1 elements.").arg(m_options.maxElements));
            const QString ns = m_reader.namespaceUri().toString();
            const QString child = m_reader.name().toString();
            if (m_depth + 1 > m_options.maxDepth)
                return fail(QStringLiteral("elements nested deeper than %1.").arg(m_options.maxDepth));
            if ((!ns.isEmpty() && ns != SvgNs) || !allowedElements().contains(child)) {
                remove(QStringLiteral("element <%1>%2").arg(m_reader.qualifiedName(),
                                                            ns.isEmpty() || ns == SvgNs ? QString()
                                                                                        : QStringLiteral(" (namespace %1)").arg(ns)));
                if (!skipElement())
                    return false;
                break;
            }
            ++m_depth;
            if (!writeElement())
                return false;
            --m_depth;
            break;
        }
        case QXmlStreamReader::EndElement:
            m_writer.writeEndElement();
            return true;
        case QXmlStreamReader::Characters:
            m_writer.writeCharacters(m_reader.text().toString());
            break;
        case QXmlStreamReader::ProcessingInstruction:
            remove(QStringLiteral("processing instruction <?%1?>").arg(m_reader.processingInstructionTarget()));
            break;
        case QXmlStreamReader::EntityReference:
            return fail(QStringLiteral("entity reference '&%1;' (only the XML built-in entities are allowed).")
                            .arg(m_reader.name()));
        case QXmlStreamReader::DTD:
            return fail(QStringLiteral("a DOCTYPE inside the document."));
        default:
            break; // comments
        }
    }
    return !m_reader.hasError();
}

SvgSanitizeResult Sanitizer::run()
{
    m_writer.setAutoFormatting(false);
    m_writer.writeStartDocument();
    bool rootSeen = false;
    while (!m_reader.atEnd()) {
        const auto token = m_reader.readNext();
        switch (token) {
        case QXmlStreamReader::DTD:
            if (!m_reader.entityDeclarations().isEmpty() || !m_reader.notationDeclarations().isEmpty()
                || m_reader.text().contains(QLatin1String("<!ENTITY")) || m_reader.text().contains(QLatin1String("<!entity"))) {
                fail(QStringLiteral("the DOCTYPE declares entities or notations; they are refused (entity expansion "
                                    "and external entities). Remove the DOCTYPE."));
                return m_result;
            }
            remove(QStringLiteral("DOCTYPE %1").arg(m_reader.dtdName()));
            break;
        case QXmlStreamReader::ProcessingInstruction:
            remove(QStringLiteral("processing instruction <?%1?>").arg(m_reader.processingInstructionTarget()));
            break;
        case QXmlStreamReader::EntityReference:
            fail(QStringLiteral("entity reference '&%1;'.").arg(m_reader.name()));
            return m_result;
        case QXmlStreamReader::StartElement: {
            if (rootSeen) {
                fail(QStringLiteral("a second root element."));
                return m_result;
            }
            rootSeen = true;
            const QString ns = m_reader.namespaceUri().toString();
            if (m_reader.name() != QLatin1String("svg") || (!ns.isEmpty() && ns != SvgNs)) {
                fail(QStringLiteral("the root element is <%1>, not <svg>.").arg(m_reader.qualifiedName()));
                return m_result;
            }
            m_depth = 1;
            m_elements = 1;
            if (!writeElement()) {
                if (m_result.error.isEmpty())
                    fail(m_reader.errorString());
                return m_result;
            }
            break;
        }
        default:
            break;
        }
    }
    if (m_reader.hasError()) {
        m_result.error = QStringLiteral("%1: %2").arg(where(), m_reader.errorString());
        return m_result;
    }
    if (!rootSeen) {
        m_result.error = QStringLiteral("%1: no <svg> element.").arg(where());
        return m_result;
    }
    m_writer.writeEndDocument();
    m_result.svg = m_output;
    return m_result;
}

} // namespace

QStringList SvgSanitizeResult::removedDescriptions() const
{
    QStringList out;
    for (const SvgRemoval &removal : removed)
        out << QStringLiteral("%1 (line %2, column %3)").arg(removal.what).arg(removal.line).arg(removal.column);
    return out;
}

SvgSanitizeResult sanitizeSvg(const QByteArray &input, const SvgSanitizeOptions &options)
{
    if (input.size() > options.maxBytes) {
        SvgSanitizeResult result;
        result.error = QStringLiteral("line 1, column 1: the SVG has %1 bytes; at most %2 are accepted.")
                           .arg(input.size())
                           .arg(options.maxBytes);
        return result;
    }
    return Sanitizer(input, options).run();
}

} // namespace slidespec::server
