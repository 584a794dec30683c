// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QObject>
#include <QSettings>
#include <QString>
#include <QStringList>

#include <memory>

namespace slidespec {

/*!
 * \brief The editor's preferences, stored with QSettings.
 *
 * Every property writes through at once and emits its change signal only
 * when the value changes. Construct with a file name (INI format) for tests
 * or portable installs; the default constructor uses the application's
 * native settings.
 */
class Settings : public QObject
{
    Q_OBJECT
    Q_PROPERTY(Appearance appearance READ appearance WRITE setAppearance NOTIFY appearanceChanged)
    Q_PROPERTY(QString language READ language WRITE setLanguage NOTIFY languageChanged)
    Q_PROPERTY(bool snapping READ snapping WRITE setSnapping NOTIFY snappingChanged)
    Q_PROPERTY(bool showGrid READ showGrid WRITE setShowGrid NOTIFY showGridChanged)
    Q_PROPERTY(double gridSize READ gridSize WRITE setGridSize NOTIFY gridSizeChanged)
    Q_PROPERTY(int autosaveInterval READ autosaveInterval WRITE setAutosaveInterval NOTIFY autosaveIntervalChanged)
    Q_PROPERTY(QStringList recentFiles READ recentFiles NOTIFY recentFilesChanged)

public:
    enum class Appearance { System, Light, Dark };
    Q_ENUM(Appearance)

    static constexpr int kMaxRecentFiles = 10;
    static constexpr double kDefaultGridSize = 10.0;      //!< points
    static constexpr int kDefaultAutosaveInterval = 800;  //!< milliseconds

    /*! The application's native settings (organisation and application name). */
    explicit Settings(QObject *parent = nullptr);
    /*! Settings in the INI file \a fileName. */
    explicit Settings(const QString &fileName, QObject *parent = nullptr);
    ~Settings() override;

    Appearance appearance() const;
    void setAppearance(Appearance appearance);
    /*! UI language as a BCP 47 name ("en", "fr-CA"), empty for the system's. */
    QString language() const;
    void setLanguage(const QString &language);
    bool snapping() const;
    void setSnapping(bool on);
    bool showGrid() const;
    void setShowGrid(bool on);
    /*! Grid spacing in points, clamped to 1–200. */
    double gridSize() const;
    void setGridSize(double points);
    /*! Autosave debounce in milliseconds, clamped to 100–600000. */
    int autosaveInterval() const;
    void setAutosaveInterval(int ms);

    /*! Recently opened files, most recent first, at most kMaxRecentFiles. */
    QStringList recentFiles() const;
    /*! Puts \a fileName first in the recent list (once). */
    Q_INVOKABLE void addRecentFile(const QString &fileName);
    Q_INVOKABLE void removeRecentFile(const QString &fileName);
    Q_INVOKABLE void clearRecentFiles();

    /*! Writes pending changes to storage. */
    Q_INVOKABLE void sync();

signals:
    void appearanceChanged();
    void languageChanged();
    void snappingChanged();
    void showGridChanged();
    void gridSizeChanged();
    void autosaveIntervalChanged();
    void recentFilesChanged();

private:
    bool store(const QString &key, const QVariant &value);
    void setRecent(const QStringList &files);

    std::unique_ptr<QSettings> m_settings;
};

} // namespace slidespec
