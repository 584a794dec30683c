// SPDX-License-Identifier: GPL-3.0-or-later
#include "settings/settings.h"

#include <QFileInfo>
#include <QMetaEnum>

#include <algorithm>

namespace slidespec {

namespace {

const QString kAppearance = QStringLiteral("appearance/theme");
const QString kLanguage = QStringLiteral("appearance/language");
const QString kSnapping = QStringLiteral("canvas/snapping");
const QString kShowGrid = QStringLiteral("canvas/showGrid");
const QString kGridSize = QStringLiteral("canvas/gridSize");
const QString kAutosave = QStringLiteral("document/autosaveInterval");
const QString kRecent = QStringLiteral("document/recentFiles");

} // namespace

Settings::Settings(QObject *parent)
    : QObject(parent)
    , m_settings(std::make_unique<QSettings>())
{
}

Settings::Settings(const QString &fileName, QObject *parent)
    : QObject(parent)
    , m_settings(std::make_unique<QSettings>(fileName, QSettings::IniFormat))
{
}

Settings::~Settings() = default;

bool Settings::store(const QString &key, const QVariant &value)
{
    if (m_settings->contains(key) && m_settings->value(key) == value)
        return false;
    m_settings->setValue(key, value);
    return true;
}

Settings::Appearance Settings::appearance() const
{
    const QMetaEnum meta = QMetaEnum::fromType<Appearance>();
    bool ok = false;
    const int value = meta.keyToValue(m_settings->value(kAppearance).toString().toLatin1().constData(), &ok);
    return ok ? Appearance(value) : Appearance::System;
}

void Settings::setAppearance(Appearance appearance)
{
    if (appearance == this->appearance() && m_settings->contains(kAppearance))
        return;
    store(kAppearance, QString::fromLatin1(QMetaEnum::fromType<Appearance>().valueToKey(int(appearance))));
    emit appearanceChanged();
}

QString Settings::language() const
{
    return m_settings->value(kLanguage).toString();
}

void Settings::setLanguage(const QString &language)
{
    if (language == this->language())
        return;
    store(kLanguage, language);
    emit languageChanged();
}

bool Settings::snapping() const
{
    return m_settings->value(kSnapping, true).toBool();
}

void Settings::setSnapping(bool on)
{
    if (on == snapping())
        return;
    store(kSnapping, on);
    emit snappingChanged();
}

bool Settings::showGrid() const
{
    return m_settings->value(kShowGrid, false).toBool();
}

void Settings::setShowGrid(bool on)
{
    if (on == showGrid())
        return;
    store(kShowGrid, on);
    emit showGridChanged();
}

double Settings::gridSize() const
{
    bool ok = false;
    const double value = m_settings->value(kGridSize, kDefaultGridSize).toDouble(&ok);
    return ok ? std::clamp(value, 1.0, 200.0) : kDefaultGridSize;
}

void Settings::setGridSize(double points)
{
    points = std::clamp(points, 1.0, 200.0);
    if (qFuzzyCompare(points, gridSize()))
        return;
    store(kGridSize, points);
    emit gridSizeChanged();
}

int Settings::autosaveInterval() const
{
    bool ok = false;
    const int value = m_settings->value(kAutosave, kDefaultAutosaveInterval).toInt(&ok);
    return ok ? std::clamp(value, 100, 600000) : kDefaultAutosaveInterval;
}

void Settings::setAutosaveInterval(int ms)
{
    ms = std::clamp(ms, 100, 600000);
    if (ms == autosaveInterval())
        return;
    store(kAutosave, ms);
    emit autosaveIntervalChanged();
}

QStringList Settings::recentFiles() const
{
    return m_settings->value(kRecent).toStringList();
}

void Settings::setRecent(const QStringList &files)
{
    if (files == recentFiles())
        return;
    store(kRecent, files);
    emit recentFilesChanged();
}

void Settings::addRecentFile(const QString &fileName)
{
    if (fileName.isEmpty())
        return;
    const QString path = QFileInfo(fileName).absoluteFilePath();
    QStringList files = recentFiles();
    files.removeAll(path);
    files.prepend(path);
    setRecent(files.mid(0, kMaxRecentFiles));
}

void Settings::removeRecentFile(const QString &fileName)
{
    QStringList files = recentFiles();
    files.removeAll(QFileInfo(fileName).absoluteFilePath());
    files.removeAll(fileName);
    setRecent(files);
}

void Settings::clearRecentFiles()
{
    setRecent({});
}

void Settings::sync()
{
    m_settings->sync();
}

} // namespace slidespec
