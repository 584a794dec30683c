// SPDX-License-Identifier: GPL-3.0-or-later
// Test helper for tst_workspace: opens deck ID of the workspace at ROOT,
// makes EDITS edits (slide 1's notes become "edit 1" … "edit EDITS"), waits
// for each to be autosaved, then makes one more edit and crashes before it
// is saved: MODE "kill" first leaves a half-written journal temporary file
// (as if killed inside the write) and raises SIGKILL; "abort" calls
// std::abort() with the edit waiting for the debounce.
//
// usage: autosave_crash_helper ROOT ID EDITS kill|abort

#include "document/commands.h"
#include "document/documentcontroller.h"
#include "format/specjson.h"
#include "workspace/autosavecontroller.h"
#include "workspace/workspace.h"

#include <QEventLoop>
#include <QFile>
#include <QGuiApplication>
#include <QTimer>

#include <csignal>
#include <cstdio>
#include <cstdlib>

using namespace slidespec;

int main(int argc, char **argv)
{
    QGuiApplication app(argc, argv);
    const QStringList args = app.arguments();
    if (args.size() != 5) {
        std::fprintf(stderr, "usage: autosave_crash_helper ROOT ID EDITS kill|abort\n");
        return 2;
    }
    Workspace workspace(args.at(1));
    QString error;
    if (!workspace.open(&error)) {
        std::fprintf(stderr, "%s\n", qPrintable(error));
        return 1;
    }
    const QString id = args.at(2);
    const std::optional<Deck> deck = workspace.loadDeck(id, &error);
    if (!deck) {
        std::fprintf(stderr, "%s\n", qPrintable(error));
        return 1;
    }
    DocumentController document;
    document.setDeck(*deck, workspace.deckFilePath(id));
    AutosaveController autosave(&document, workspace.journalPath(id));
    autosave.setInterval(20);

    const int edits = args.at(3).toInt();
    for (int i = 1; i <= edits; ++i) {
        QEventLoop loop;
        QObject::connect(&autosave, &AutosaveController::journalWritten, &loop, &QEventLoop::quit);
        QTimer::singleShot(10000, &loop, [&loop] { loop.exit(1); });
        document.setSlideProperty(0, SlideProperty::Notes, QStringLiteral("edit %1").arg(i));
        if (loop.exec() != 0) {
            std::fprintf(stderr, "autosave did not happen\n");
            return 1;
        }
        std::printf("autosaved %d\n", i);
        std::fflush(stdout);
    }

    // One more edit that never reaches a complete journal.
    autosave.setInterval(60000);
    document.setSlideProperty(0, SlideProperty::Notes, QStringLiteral("edit %1 (lost in the crash)").arg(edits + 1));
    std::printf("crashing\n");
    std::fflush(stdout);
    if (args.at(4) == QLatin1String("kill")) {
        const QByteArray json = SpecJson::writeDeck(document.deck());
        QFile temp(workspace.recoveryPath() + QStringLiteral("/.") + id + QStringLiteral(".json.Xq3kZ9.tmp"));
        if (temp.open(QIODevice::WriteOnly)) {
            temp.write(json.left(json.size() / 2));
            temp.flush();
        }
        std::raise(SIGKILL);
    }
    std::abort();
}
