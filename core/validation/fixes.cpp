// SPDX-License-Identifier: GPL-3.0-or-later
// applyFix(): performs the automatic fixes the validator offers (see Fix).
#include "validation/validator.h"

#include "text/textlayout.h"

#include <cmath>

namespace slidespec {

namespace {

void translate(Element &e, double dx, double dy)
{
    e.frame.x += dx;
    e.frame.y += dy;
    for (Element &c : e.children)
        translate(c, dx, dy);
}

double floorTenth(double v) { return std::floor(v * 10.0 + 1e-6) / 10.0; }

bool replaceColor(Element &e, const QString &from, const QString &to)
{
    const std::optional<ColorRef> target = ColorRef::parse(to);
    if (!target)
        return false;
    bool changed = false;
    auto swap = [&](std::optional<ColorRef> &ref) {
        if (ref && ref->toString().compare(from, Qt::CaseInsensitive) == 0) {
            ref = *target;
            changed = true;
        }
    };
    swap(e.fill);
    if (e.stroke && e.stroke->color.toString().compare(from, Qt::CaseInsensitive) == 0) {
        e.stroke->color = *target;
        changed = true;
    }
    if (e.text) {
        swap(e.text->style.color);
        for (Paragraph &p : e.text->paragraphs) {
            for (TextRun &r : p.runs)
                swap(r.style.color);
        }
    }
    for (auto &[k, v] : e.params) {
        if (v.compare(from, Qt::CaseInsensitive) == 0) {
            v = to;
            changed = true;
        }
    }
    for (Element &c : e.children)
        changed = replaceColor(c, from, to) || changed;
    return changed;
}

bool replaceFont(Element &e, const QString &from, const QString &to)
{
    bool changed = false;
    auto swap = [&](std::optional<QString> &font) {
        if (font && font->compare(from, Qt::CaseInsensitive) == 0) {
            font = to;
            changed = true;
        }
    };
    if (e.text) {
        swap(e.text->style.font);
        for (Paragraph &p : e.text->paragraphs) {
            for (TextRun &r : p.runs)
                swap(r.style.font);
        }
    }
    for (auto &[k, v] : e.params) {
        if (v.compare(from, Qt::CaseInsensitive) == 0) {
            v = to;
            changed = true;
        }
    }
    for (Element &c : e.children)
        changed = replaceFont(c, from, to) || changed;
    return changed;
}

bool fail(QString *error, const QString &why)
{
    if (error)
        *error = why;
    return false;
}

} // namespace

bool applyFix(Deck &deck, const Issue &issue, QString *error)
{
    if (!issue.fix)
        return fail(error, QStringLiteral("the issue \u201c%1\u201d has no automatic fix").arg(issue.ruleId));
    const Fix &fix = *issue.fix;
    Slide *slide = nullptr;
    for (Slide &s : deck.slides) {
        if (s.id == issue.slideId) {
            slide = &s;
            break;
        }
    }
    if (!slide && issue.slideIndex >= 0 && issue.slideIndex < deck.slides.size())
        slide = &deck.slides[issue.slideIndex];
    if (!slide)
        return fail(error, QStringLiteral("the slide \u201c%1\u201d is no longer in the deck").arg(issue.slideId));

    const QVariantMap &pm = fix.params;
    if (fix.elementId.isEmpty()) {
        if (fix.kind != QLatin1String("replace-color"))
            return fail(error, QStringLiteral("the fix \u201c%1\u201d needs an element").arg(fix.kind));
        const auto to = ColorRef::parse(pm.value(QStringLiteral("to")).toString());
        const QString from = pm.value(QStringLiteral("from")).toString();
        if (!to || !slide->background.color
            || slide->background.color->toString().compare(from, Qt::CaseInsensitive) != 0)
            return fail(error, QStringLiteral("the slide background no longer uses %1").arg(from));
        slide->background.color = *to;
        return true;
    }
    Element *e = slide->findElement(fix.elementId);
    if (!e)
        return fail(error, QStringLiteral("the element \u201c%1\u201d is no longer on the slide").arg(fix.elementId));

    if (fix.kind == QLatin1String("move")) {
        translate(*e, pm.value(QStringLiteral("dx")).toDouble(), pm.value(QStringLiteral("dy")).toDouble());
        return true;
    }
    if (fix.kind == QLatin1String("resize")) {
        const double w = pm.value(QStringLiteral("w")).toDouble();
        const double h = pm.value(QStringLiteral("h")).toDouble();
        if (!(w > 0) || !(h > 0))
            return fail(error, QStringLiteral("the fix has no valid size"));
        e->frame.w = w;
        e->frame.h = h;
        return true;
    }
    if (fix.kind == QLatin1String("replace-color")) {
        if (!replaceColor(*e, pm.value(QStringLiteral("from")).toString(), pm.value(QStringLiteral("to")).toString()))
            return fail(error, QStringLiteral("%1 no longer uses %2").arg(e->id, pm.value(QStringLiteral("from")).toString()));
        return true;
    }
    if (fix.kind == QLatin1String("set-param")) {
        const QString name = pm.value(QStringLiteral("name")).toString();
        if (e->kind != ElementKind::Component || name.isEmpty())
            return fail(error, QStringLiteral("%1 is not a component instance").arg(e->id));
        e->params[name] = pm.value(QStringLiteral("value")).toString();
        return true;
    }
    if (fix.kind == QLatin1String("replace-font")) {
        if (!replaceFont(*e, pm.value(QStringLiteral("from")).toString(), pm.value(QStringLiteral("to")).toString()))
            return fail(error, QStringLiteral("%1 no longer uses %2").arg(e->id, pm.value(QStringLiteral("from")).toString()));
        return true;
    }
    if (!e->text)
        return fail(error, QStringLiteral("%1 has no text").arg(e->id));
    TextBody &body = *e->text;
    if (fix.kind == QLatin1String("scale-font")) {
        const double scale = pm.value(QStringLiteral("scale")).toDouble();
        if (!(scale > 0) || scale > 1)
            return fail(error, QStringLiteral("the fix has no valid scale"));
        body.style.size = floorTenth(body.style.size.value_or(kDefaultFontSize) * scale);
        for (Paragraph &p : body.paragraphs) {
            for (TextRun &r : p.runs) {
                if (r.style.size)
                    r.style.size = floorTenth(*r.style.size * scale);
            }
        }
        return true;
    }
    if (fix.kind == QLatin1String("set-font-size")) {
        const double size = pm.value(QStringLiteral("size")).toDouble();
        if (!(size > 0))
            return fail(error, QStringLiteral("the fix has no valid size"));
        if (body.style.size.value_or(kDefaultFontSize) < size)
            body.style.size = size;
        for (Paragraph &p : body.paragraphs) {
            for (TextRun &r : p.runs) {
                if (r.style.size && *r.style.size < size)
                    r.style.size = size;
            }
        }
        return true;
    }
    if (fix.kind == QLatin1String("set-text-color")) {
        const auto color = ColorRef::parse(pm.value(QStringLiteral("color")).toString());
        if (!color)
            return fail(error, QStringLiteral("the fix has no valid colour"));
        const QStringList runs = pm.value(QStringLiteral("runs")).toStringList();
        if (runs.isEmpty()) {
            body.style.color = *color;
            for (Paragraph &p : body.paragraphs) {
                for (TextRun &r : p.runs)
                    r.style.color.reset();
            }
            return true;
        }
        for (const QString &pr : runs) {
            const QStringList parts = pr.split(u':');
            const int pi = parts.value(0).toInt();
            const int ri = parts.value(1).toInt();
            if (parts.size() != 2 || pi < 0 || pi >= body.paragraphs.size() || ri < 0
                || ri >= body.paragraphs[pi].runs.size())
                return fail(error, QStringLiteral("%1 no longer has the run %2").arg(e->id, pr));
            body.paragraphs[pi].runs[ri].style.color = *color;
        }
        return true;
    }
    return fail(error, QStringLiteral("unknown fix \u201c%1\u201d").arg(fix.kind));
}

} // namespace slidespec
