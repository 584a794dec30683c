// SPDX-License-Identifier: GPL-3.0-or-later
#include "document/clipboard.h"

#include <nlohmann/json.hpp>

#include <QMimeData>

namespace slidespec::ElementClipboard {

namespace {

constexpr char kFormat[] = "slidespec-elements";
const QString kFileLabel = QStringLiteral("clipboard");

SpecResult<QVector<Element>> failure(const QString &path, const QString &message)
{
    SpecResult<QVector<Element>> result;
    result.errors.append(SpecError{kFileLabel, 0, 0, path, message});
    return result;
}

} // namespace

QByteArray toJson(const QVector<Element> &elements)
{
    nlohmann::json list = nlohmann::json::array();
    for (const Element &e : elements)
        list.push_back(SpecJson::elementToJson(e));
    nlohmann::json doc = nlohmann::json::object();
    doc["format"] = kFormat;
    doc["version"] = kFormatVersion;
    doc["elements"] = std::move(list);
    return SpecJson::dump(doc);
}

SpecResult<QVector<Element>> fromJson(const QByteArray &data)
{
    SpecResult<QVector<Element>> result;
    const std::optional<nlohmann::json> doc = SpecJson::parse(data, kFileLabel, SpecLimits{}, result.errors);
    if (!doc)
        return result;
    const nlohmann::json *list = nullptr;
    QString path = QStringLiteral("$");
    if (doc->is_array()) {
        list = &*doc;
    } else if (doc->is_object() && doc->contains("elements")) {
        const auto format = doc->find("format");
        if (format != doc->end() && (!format->is_string() || format->get<std::string>() != kFormat))
            return failure(QStringLiteral("$.format"),
                           QStringLiteral("expected \"%1\": this is not a list of copied elements")
                               .arg(QLatin1String(kFormat)));
        list = &(*doc)["elements"];
        path = QStringLiteral("$.elements");
        if (!list->is_array())
            return failure(path, QStringLiteral("expected an array of elements"));
    } else if (doc->is_object()) {
        std::optional<Element> e = SpecJson::elementFromJson(*doc, path, kFileLabel, result.errors);
        if (e && result.errors.isEmpty())
            result.value = QVector<Element>{*e};
        return result;
    } else {
        return failure(path, QStringLiteral("expected an element, an array of elements or a "
                                            "{\"format\": \"slidespec-elements\"} object"));
    }
    QVector<Element> elements;
    for (std::size_t i = 0; i < list->size(); ++i) {
        std::optional<Element> e = SpecJson::elementFromJson((*list)[i], path + u'[' + QString::number(i) + u']',
                                                             kFileLabel, result.errors);
        if (e)
            elements.append(*e);
    }
    if (result.errors.isEmpty())
        result.value = elements;
    return result;
}

QMimeData *toMimeData(const QVector<Element> &elements)
{
    auto *mime = new QMimeData;
    const QByteArray json = toJson(elements);
    mime->setData(QString::fromLatin1(kMimeType), json);
    mime->setText(QString::fromUtf8(json));
    return mime;
}

bool canRead(const QMimeData *mime)
{
    if (!mime)
        return false;
    if (mime->hasFormat(QString::fromLatin1(kMimeType)))
        return true;
    if (!mime->hasText())
        return false;
    const QString text = mime->text().trimmed();
    return text.startsWith(u'{') || text.startsWith(u'[');
}

SpecResult<QVector<Element>> fromMimeData(const QMimeData *mime)
{
    if (!mime)
        return failure(QString(), QStringLiteral("the clipboard is empty"));
    if (mime->hasFormat(QString::fromLatin1(kMimeType)))
        return fromJson(mime->data(QString::fromLatin1(kMimeType)));
    if (mime->hasText())
        return fromJson(mime->text().toUtf8());
    return failure(QString(), QStringLiteral("the clipboard holds no slide elements"));
}

} // namespace slidespec::ElementClipboard
