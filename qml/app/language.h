// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QObject>
#include <QQmlEngine>
#include <QTranslator>

namespace slidespec {

/*!
 * \brief The UI language, switchable while the app runs: loads
 * `:/i18n/slidespec_LANG.qm` and retranslates every qsTr() binding.
 */
class Language : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    QML_SINGLETON
    Q_PROPERTY(QString language READ language WRITE setLanguage NOTIFY languageChanged)
    Q_PROPERTY(QStringList available READ available CONSTANT)

public:
    explicit Language(QQmlEngine *engine, QObject *parent = nullptr);
    static Language *create(QQmlEngine *engine, QJSEngine *);

    /*! "en" or "de"; empty until set (the UI then shows its source strings). */
    QString language() const { return m_language; }
    void setLanguage(const QString &language);
    QStringList available() const { return {QStringLiteral("en"), QStringLiteral("de")}; }

signals:
    void languageChanged();

private:
    QQmlEngine *m_engine;
    QTranslator m_translator;
    QString m_language; //!< empty until the first setLanguage()
};

} // namespace slidespec
