// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QString>
#include <QStringList>
#include <QVariantMap>
#include <QVector>

#include <optional>

namespace slidespec {

/*! How bad an issue is. Errors block "ready to present"; warnings and info do not. */
enum class Severity { Error, Warning, Info };

/*! "error", "warning" or "info". */
QString severityName(Severity severity);

/*!
 * \brief An automatic fix for an issue, performed by applyFix().
 *
 * Kinds and their parameters (all in \c params):
 * - \c move: \c dx, \c dy (points) — moves elementId (and a group's children).
 * - \c resize: \c w, \c h (points) — new frame size of elementId.
 * - \c scale-font: \c scale — multiplies every font size of elementId's text.
 * - \c set-font-size: \c size — raises every run of elementId smaller than it.
 * - \c set-text-color: \c color (a `brand:TOKEN`) — the colour of the runs
 *   listed in \c runs ("paragraph:run" strings), or of all runs when absent.
 * - \c replace-color: \c from, \c to — replaces a literal colour or token
 *   everywhere in elementId (or in the slide background when elementId is empty).
 * - \c replace-font: \c from, \c to — replaces a font spec in elementId.
 * - \c set-param: \c name, \c value — sets a parameter of the component
 *   instance elementId (e.g. its text colour).
 */
struct Fix
{
    QString kind;
    QString description;  //!< what the fix does, for a button or tooltip
    QString elementId;    //!< the element it changes; empty for the slide itself
    QVariantMap params;
};

/*!
 * \brief One problem the validator found on a slide.
 *
 * \c ruleId is stable (tools and tests match on it); \c message is for people:
 * what is wrong, where, and how to fix it.
 */
struct Issue
{
    QString ruleId;
    Severity severity = Severity::Error;
    QString slideId;
    int slideIndex = -1;
    QStringList elementIds;   //!< elements involved; component parts report their instance
    QString message;
    QVariantMap data;         //!< measurements, e.g. ratio, required, apcaLc, overflowPt
    std::optional<Fix> fix;
};

/*! Sorts \a issues into the stable order: slide index, rule id, element ids, message. */
void sortIssues(QVector<Issue> &issues);

/*!
 * Issues as a JSON array, deterministic: sorted with sortIssues(), object keys
 * sorted, numbers as stored in \c data (the validator rounds them).
 */
QByteArray issuesToJson(const QVector<Issue> &issues);

} // namespace slidespec
