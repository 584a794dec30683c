// SPDX-License-Identifier: GPL-3.0-or-later
// slidespec: the desktop editor. Opens the deck given on the command line (or
// a bundled sample) and shows the Qt Quick main window of Slidespec.Ui.

#include "document/documentcontroller.h"
#include "panels/thumbnailprovider.h"

#include <QCommandLineParser>
#include <QGuiApplication>
#include <QQmlApplicationEngine>
#include <QQmlExtensionPlugin>
#include <QQuickStyle>
#include <QTextStream>

Q_IMPORT_QML_PLUGIN(Slidespec_UiPlugin)

int main(int argc, char *argv[])
{
    QGuiApplication app(argc, argv);
    QCoreApplication::setOrganizationName(QStringLiteral("Slidespec"));
    QCoreApplication::setApplicationName(QStringLiteral("slidespec"));
    QCoreApplication::setApplicationVersion(QStringLiteral(SLIDESPEC_VERSION));

    QCommandLineParser parser;
    parser.setApplicationDescription(QCoreApplication::translate("main", "Slidespec desktop editor"));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addPositionalArgument(QStringLiteral("deck"),
                                 QCoreApplication::translate("main", "Deck file to open (default: a sample deck)."));
    parser.process(app);

    slidespec::DocumentController document;
    const QString path = parser.positionalArguments().value(0, QStringLiteral(":/slidespec/samples/pitch-deck.json"));
    QString error;
    if (!document.open(path, &error)) {
        QTextStream(stderr) << QCoreApplication::translate("main", "Cannot open %1:\n%2\n").arg(path, error);
        if (!parser.positionalArguments().isEmpty())
            return 1;
        document.newDeck();
    }

    QQuickStyle::setStyle(QStringLiteral("Fusion"));
    QQmlApplicationEngine engine;
    engine.addImportPath(QStringLiteral("qrc:/qt/qml"));
    slidespec::ThumbnailProvider::install(&engine, &document);
    // Without a deck named, the workspace's deck library greets the user.
    engine.setInitialProperties({{QStringLiteral("document"), QVariant::fromValue(&document)},
                                 {QStringLiteral("startWithLibrary"), parser.positionalArguments().isEmpty()}});
    QObject::connect(&engine, &QQmlApplicationEngine::objectCreationFailed, &app,
                     [] { QCoreApplication::exit(1); }, Qt::QueuedConnection);
    engine.load(QUrl(QStringLiteral("qrc:/qt/qml/Slidespec/Ui/app/Main.qml")));
    return app.exec();
}
