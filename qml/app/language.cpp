// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/language.h"

#include <QCoreApplication>

namespace slidespec {

Language::Language(QQmlEngine *engine, QObject *parent)
    : QObject(parent)
    , m_engine(engine)
{
}

Language *Language::create(QQmlEngine *engine, QJSEngine *)
{
    return new Language(engine);
}

void Language::setLanguage(const QString &language)
{
    if (language == m_language || !available().contains(language))
        return;
    QCoreApplication::removeTranslator(&m_translator);
    if (m_translator.load(QStringLiteral(":/i18n/slidespec_%1.qm").arg(language)))
        QCoreApplication::installTranslator(&m_translator);
    m_language = language;
    if (m_engine)
        m_engine->retranslate();
    emit languageChanged();
}

} // namespace slidespec
