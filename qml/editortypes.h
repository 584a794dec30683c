// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// QML registrations of the editor library's types. The editor library has no
// QML macros of its own; these shims name its types for the QML type system.

#include "document/documentcontroller.h"
#include "models/componentpalettemodel.h"
#include "models/issuelistmodel.h"
#include "models/slidelistmodel.h"
#include "settings/settings.h"
#include "workspace/workspacemodel.h"

#include <QQmlEngine>
#include <QUndoStack>

namespace slidespec {

/*! \brief DocumentController in QML (made in C++, handed to EditorSession). */
struct DocumentControllerForeign
{
    Q_GADGET
    QML_FOREIGN(slidespec::DocumentController)
    QML_NAMED_ELEMENT(DocumentController)
    QML_UNCREATABLE("DocumentController is made in C++ and handed to EditorSession.document")
};

/*! \brief SlideListModel in QML (EditorSession.slides). */
struct SlideListModelForeign
{
    Q_GADGET
    QML_FOREIGN(slidespec::SlideListModel)
    QML_NAMED_ELEMENT(SlideListModel)
    QML_UNCREATABLE("Use EditorSession.slides")
};

/*! \brief IssueListModel in QML (EditorSession.issues). */
struct IssueListModelForeign
{
    Q_GADGET
    QML_FOREIGN(slidespec::IssueListModel)
    QML_NAMED_ELEMENT(IssueListModel)
    QML_UNCREATABLE("Use EditorSession.issues")
};

/*! \brief ComponentPaletteModel in QML (EditorSession.palette). */
struct ComponentPaletteModelForeign
{
    Q_GADGET
    QML_FOREIGN(slidespec::ComponentPaletteModel)
    QML_NAMED_ELEMENT(ComponentPaletteModel)
    QML_UNCREATABLE("Use EditorSession.palette")
};

/*! \brief QUndoStack in QML (DocumentController.undoStack). */
struct UndoStackForeign
{
    Q_GADGET
    QML_FOREIGN(QUndoStack)
    QML_NAMED_ELEMENT(UndoStack)
    QML_UNCREATABLE("Use DocumentController.undoStack")
};

struct WorkspaceModelForeign
{
    Q_GADGET
    QML_FOREIGN(slidespec::WorkspaceModel)
    QML_NAMED_ELEMENT(WorkspaceModel)
    QML_UNCREATABLE("Use WorkspaceSession.decks")
};

/*! The editor's preferences (Settings over the app's native QSettings). */
struct SettingsForeign
{
    Q_GADGET
    QML_FOREIGN(slidespec::Settings)
    QML_NAMED_ELEMENT(AppSettings)
};

} // namespace slidespec
