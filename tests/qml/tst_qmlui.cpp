// SPDX-License-Identifier: GPL-3.0-or-later
// Runs the Qt Quick tests (tst_*.qml here) against the Slidespec.Ui module.
// QML asks `testDecks.open(name)` for a DocumentController opened on a deck
// from tests/qml/data.

#include "document/documentcontroller.h"
#include "panels/thumbnailprovider.h"

#include <QDir>
#include <QQmlContext>
#include <QQmlEngine>
#include <QQmlExtensionPlugin>
#include <QQuickStyle>
#include <QTemporaryDir>
#include <QtQuickTest>

#include <memory>
#include <vector>

Q_IMPORT_QML_PLUGIN(Slidespec_UiPlugin)

namespace slidespec {

/*! \brief Opens test decks for QML; each call gives a fresh controller. */
class TestDecks : public QObject
{
    Q_OBJECT

public:
    explicit TestDecks(QQmlEngine *engine)
        : QObject(engine)
        , m_engine(engine)
    {
    }

    Q_INVOKABLE slidespec::DocumentController *open(const QString &name)
    {
        auto *document = new DocumentController(this);
        QString error;
        if (!document->open(QDir(QStringLiteral(SLIDESPEC_QML_TEST_DATA_DIR)).absoluteFilePath(name), &error)) {
            qWarning("cannot open %s: %s", qPrintable(name), qPrintable(error));
            delete document;
            return nullptr;
        }
        ThumbnailProvider::install(m_engine, document);
        return document;
    }

    /*! Deletes \a document now, as a window closing would. */
    Q_INVOKABLE void close(slidespec::DocumentController *document) { delete document; }

    /*! Where a test may write a file: the test's build folder. */
    Q_INVOKABLE QString outputPath(const QString &name) const
    {
        return QDir::current().absoluteFilePath(name);
    }

    /*! A new empty folder, removed when the tests end. */
    Q_INVOKABLE QString tempFolder()
    {
        auto *dir = new QTemporaryDir;
        m_tempDirs.emplace_back(dir);
        return dir->path();
    }

private:
    QQmlEngine *m_engine;
    std::vector<std::unique_ptr<QTemporaryDir>> m_tempDirs;
};

class Setup : public QObject
{
    Q_OBJECT

public slots:
    void applicationAvailable() { QQuickStyle::setStyle(QStringLiteral("Fusion")); }
    void qmlEngineAvailable(QQmlEngine *engine)
    {
        engine->addImportPath(QStringLiteral("qrc:/qt/qml"));
        engine->rootContext()->setContextProperty(QStringLiteral("testDecks"), new TestDecks(engine));
    }
};

} // namespace slidespec

QUICK_TEST_MAIN_WITH_SETUP(qmlui, slidespec::Setup)

#include "tst_qmlui.moc"
