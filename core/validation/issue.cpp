// SPDX-License-Identifier: GPL-3.0-or-later
#include "validation/issue.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>
#include <tuple>

namespace slidespec {

QString severityName(Severity severity)
{
    switch (severity) {
    case Severity::Error: return QStringLiteral("error");
    case Severity::Warning: return QStringLiteral("warning");
    case Severity::Info: return QStringLiteral("info");
    }
    return QStringLiteral("error");
}

void sortIssues(QVector<Issue> &issues)
{
    std::stable_sort(issues.begin(), issues.end(), [](const Issue &a, const Issue &b) {
        if (a.slideIndex != b.slideIndex)
            return a.slideIndex < b.slideIndex;
        if (a.ruleId != b.ruleId)
            return a.ruleId < b.ruleId;
        if (a.elementIds != b.elementIds)
            return a.elementIds < b.elementIds;
        return a.message < b.message;
    });
}

QByteArray issuesToJson(const QVector<Issue> &input)
{
    QVector<Issue> issues = input;
    sortIssues(issues);
    QJsonArray array;
    for (const Issue &issue : std::as_const(issues)) {
        QJsonObject o;
        o.insert(QStringLiteral("ruleId"), issue.ruleId);
        o.insert(QStringLiteral("severity"), severityName(issue.severity));
        o.insert(QStringLiteral("slideId"), issue.slideId);
        o.insert(QStringLiteral("slideIndex"), issue.slideIndex);
        o.insert(QStringLiteral("elementIds"), QJsonArray::fromStringList(issue.elementIds));
        o.insert(QStringLiteral("message"), issue.message);
        if (!issue.data.isEmpty())
            o.insert(QStringLiteral("data"), QJsonObject::fromVariantMap(issue.data));
        if (issue.fix) {
            QJsonObject f;
            f.insert(QStringLiteral("kind"), issue.fix->kind);
            f.insert(QStringLiteral("description"), issue.fix->description);
            if (!issue.fix->elementId.isEmpty())
                f.insert(QStringLiteral("elementId"), issue.fix->elementId);
            if (!issue.fix->params.isEmpty())
                f.insert(QStringLiteral("params"), QJsonObject::fromVariantMap(issue.fix->params));
            o.insert(QStringLiteral("fix"), f);
        }
        array.append(o);
    }
    return QJsonDocument(array).toJson(QJsonDocument::Indented);
}

} // namespace slidespec
