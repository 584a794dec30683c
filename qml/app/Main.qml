// SPDX-License-Identifier: GPL-3.0-or-later
import QtQuick
import QtQuick.Controls
import QtQuick.Dialogs
import QtQuick.Layouts
import Slidespec.Ui

// The editor's main window: slides on the left, the canvas in the middle,
// inspector / issues / components on the right, the deck's problem count
// always in the toolbar.
ApplicationWindow {
    id: window

    required property DocumentController document
    /*! Opens the deck library at startup (the app sets it when no deck was named). */
    property bool startWithLibrary: false
    property alias session: editorSession
    property alias canvas: slideCanvas
    property alias slidesPanel: slidesPanel
    property alias workspace: workspaceSession
    property alias brandKits: brandKitSession
    property alias brandKitDialog: brandKitDialog
    property alias templates: templateSession
    property alias templateGallery: templateGallery
    property alias recoveryDialog: recoveryDialog
    property alias exporter: exportSession
    property alias exportDialog: exportDialog
    property alias pdfViewer: pdfViewer
    property alias settings: settings
    property alias settingsDialog: settingsDialog
    property alias libraryDialog: libraryDialog
    property alias saveChangesDialog: saveChangesDialog
    property alias historyPanel: historyPanel
    /*! Set once the user chose how to leave unsaved changes: the window may close. */
    property bool closeConfirmed: false
    property string appearance: settings.appearance === AppSettings.Dark ? "dark" : "light"
    readonly property bool dark: appearance === "dark"

    width: 1440
    height: 900
    visible: true
    title: (document.filePath.length > 0 ? document.filePath.split("/").pop() : qsTr("Untitled deck"))
           + (document.modified ? " •" : "") + " — " + qsTr("Slidespec")

    palette {
        window: window.dark ? "#1f2125" : "#f3f4f6"
        base: window.dark ? "#2a2d32" : "#ffffff"
        alternateBase: window.dark ? "#30343a" : "#f7f7f9"
        text: window.dark ? "#e8e9eb" : "#1b1d21"
        windowText: window.dark ? "#e8e9eb" : "#1b1d21"
        button: window.dark ? "#33373d" : "#e9eaee"
        buttonText: window.dark ? "#e8e9eb" : "#1b1d21"
        highlight: "#2f6fed"
        highlightedText: "#ffffff"
        mid: window.dark ? "#4a4f57" : "#c4c7cd"
        dark: window.dark ? "#15171a" : "#9ea3ab"
        light: window.dark ? "#3d4148" : "#ffffff"
        placeholderText: window.dark ? "#8a8f98" : "#8a8f98"
    }

    AppSettings {
        id: settings
        // No choice yet: the system's language when the UI has it, else English.
        Component.onCompleted: {
            const system = Qt.locale().name.split("_")[0]
            Language.language = language.length > 0 ? language
                              : Language.available.indexOf(system) >= 0 ? system : "en"
        }
    }

    SettingsDialog {
        id: settingsDialog
        settings: settings
        onLanguageChosen: language => window.setLanguage(language)
    }

    EditorSession {
        id: editorSession
        document: window.document
    }

    WorkspaceSession {
        id: workspaceSession
        document: window.document
        autosaveInterval: settings.autosaveInterval
        onAutosaveFailed: error => statusText.text = qsTr("Autosave failed: %1").arg(error)
    }

    LibraryDialog {
        id: libraryDialog
        workspace: workspaceSession
    }

    BrandKitSession {
        id: brandKitSession
        document: window.document
        workspace: workspaceSession
        folder: workspaceSession.rootPath + "/brands"
    }
    BrandKitDialog {
        id: brandKitDialog
        session: brandKitSession
        confirmLeave: action => window.keepChanges ? window.keepChanges(action) : action()
    }
    TemplateSession {
        id: templateSession
        document: window.document
        workspace: workspaceSession
        folder: workspaceSession.rootPath + "/templates"
    }
    TemplateGalleryDialog {
        id: templateGallery
        session: templateSession
        confirmLeave: action => window.keepChanges ? window.keepChanges(action) : action()
    }

    /*! Saves the open deck into the workspace library. */
    function saveToWorkspace() {
        const error = workspaceSession.saveToWorkspace()
        statusText.text = error.length > 0 ? qsTr("Could not save to the workspace: %1").arg(error)
                                           : qsTr("Saved to the workspace.")
        return error
    }

    RecoveryDialog {
        id: recoveryDialog
        workspace: workspaceSession
    }

    ExportSession {
        id: exportSession
        document: window.document
    }

    ExportDialog {
        id: exportDialog
        exporter: exportSession
        onShowPdf: file => window.showPdf(workspaceSession.fileUrl(file))
    }

    PdfViewer { id: pdfViewer }

    /*! Shows the PDF \a file in the app. */
    function showPdf(file) {
        pdfViewer.source = file
        pdfViewer.open()
    }

    FileDialog {
        id: exportFileDialog
        property int format: ExportSession.Pdf
        title: format === ExportSession.Pdf ? qsTr("Export PDF") : qsTr("Export PowerPoint")
        fileMode: FileDialog.SaveFile
        defaultSuffix: format === ExportSession.Pdf ? "pdf" : "pptx"
        nameFilters: format === ExportSession.Pdf ? [qsTr("PDF documents (*.pdf)")]
                                                  : [qsTr("PowerPoint presentations (*.pptx)")]
        onAccepted: exportDialog.begin(format, selectedFile)
    }
    FolderDialog {
        id: exportFolderDialog
        title: qsTr("Export PNG images to folder")
        onAccepted: exportDialog.begin(ExportSession.Png, selectedFolder)
    }

    function exportAs(format) {
        if (format === ExportSession.Png) {
            exportFolderDialog.open()
        } else {
            exportFileDialog.format = format
            exportFileDialog.selectedFile = exportSession.suggestedTarget(format)
            exportFileDialog.open()
        }
    }

    Component.onCompleted: {
        if (workspaceSession.recoverableSessions.length > 0)
            recoveryDialog.open()
        else if (startWithLibrary && workspaceSession.decks.count > 0)
            libraryDialog.open()
    }

    Shortcut { sequences: [StandardKey.Undo]; onActivated: window.document.undoStack.undo() }
    Shortcut { sequences: [StandardKey.Redo]; onActivated: window.document.undoStack.redo() }
    Shortcut { sequences: [StandardKey.Save]; onActivated: window.save() }
    Shortcut { sequences: [StandardKey.SaveAs]; onActivated: saveDialog.open() }
    Shortcut { sequences: [StandardKey.Open]; onActivated: window.keepChanges(() => openDialog.open()) }
    Shortcut { sequences: [StandardKey.Preferences]; onActivated: settingsDialog.open() }
    Shortcut { sequences: [StandardKey.New]; onActivated: window.newDeck() }
    Shortcut { sequences: [StandardKey.Paste]; onActivated: editorSession.paste() }
    Shortcut { sequences: [StandardKey.Copy]; onActivated: window.document.copySelection() }
    Shortcut { sequences: [StandardKey.Cut]; onActivated: window.document.cutSelection() }
    Shortcut { sequences: [StandardKey.SelectAll]; onActivated: slideCanvas.selectAll() }
    Shortcut { sequences: [StandardKey.ZoomIn]; onActivated: slideCanvas.zoomBy(1.25) }
    Shortcut { sequences: [StandardKey.ZoomOut]; onActivated: slideCanvas.zoomBy(0.8) }
    Shortcut { sequence: "Ctrl+D"; onActivated: window.document.duplicateElements(window.document.selection) }
    Shortcut { sequence: "Ctrl+G"; onActivated: window.document.groupElements(window.document.selection) }
    Shortcut { sequence: "Ctrl+Shift+G"; onActivated: window.document.ungroupElements(window.document.selection) }
    Shortcut { sequence: "Ctrl+0"; onActivated: slideCanvas.fitToWindow = true }

    /*! Switches the UI language ("en", "de") now and remembers it. */
    function setLanguage(language) {
        Language.language = language
        settings.language = Language.language
    }

    /*! Opens the deck at \a url and remembers it in the recent files. */
    function openFile(url) {
        const error = editorSession.openFile(url)
        statusText.text = error.length > 0 ? qsTr("Could not open: %1").arg(error) : ""
        if (error.length === 0)
            settings.addRecentFile(window.document.filePath)
        return error
    }

    /*! Saves the deck (asking where when it has no file yet), then runs \a then if it saved. */
    function save(then) {
        if (document.filePath.length === 0 || document.filePath.startsWith(":/")) {
            saveDialog.afterSave = then || null
            saveDialog.open()
            return
        }
        const error = editorSession.save()
        statusText.text = error.length > 0 ? qsTr("Could not save: %1").arg(error) : qsTr("Saved.")
        if (error.length === 0 && then)
            then()
    }

    /*!
     * Runs \a action (which leaves the open deck) once the deck's changes are
     * safe: at once when there are none; after saving it silently when it is
     * a workspace deck (autosave keeps those, the status line says so); else
     * after asking Save / Don't save / Cancel. \a quitting: the app closes
     * after \a action. Returns true when \a action ran.
     */
    function keepChanges(action, quitting) {
        if (!document.modified || saveWorkspaceDeck()) {
            action()
            return true
        }
        saveChangesDialog.deckName = document.filePath.length > 0 ? document.filePath.split("/").pop()
                                                                  : qsTr("Untitled deck")
        saveChangesDialog.quitting = !!quitting
        saveChangesDialog.ask(action)
        return false
    }
    /*! Saves a modified workspace deck in place; false for any other deck or when that fails. */
    function saveWorkspaceDeck() {
        if (workspaceSession.currentDeckId.length === 0)
            return false
        const error = workspaceSession.saveToWorkspace()
        if (error.length > 0) {
            statusText.text = qsTr("Could not save to the workspace: %1").arg(error)
            return false
        }
        statusText.text = qsTr("Your changes are saved in the workspace.")
        return true
    }
    /*! A new deck, once the open one's changes are safe. */
    function newDeck() {
        keepChanges(() => window.document.newDeck())
    }

    SaveChangesDialog {
        id: saveChangesDialog
        onSaveChosen: action => window.save(action)
        property bool quitting: false
        onDiscardChosen: action => {
            // Discarded on the way out: the autosave is not offered for
            // recovery next time. (Opening another deck drops it anyway.)
            const journal = workspaceSession.journalPath.split("/").pop()
            if (quitting && journal.endsWith(".json"))
                workspaceSession.discard(journal.slice(0, -5))
            action()
        }
    }

    onClosing: close => {
        if (closeConfirmed)
            return
        close.accepted = keepChanges(() => {
            window.closeConfirmed = true
            Qt.callLater(window.close)
        }, true)
    }

    FileDialog {
        id: openDialog
        title: qsTr("Open deck")
        nameFilters: [qsTr("Slide specs (*.json)")]
        onAccepted: window.openFile(selectedFile)
    }
    FileDialog {
        id: saveDialog
        title: qsTr("Save deck as")
        fileMode: FileDialog.SaveFile
        defaultSuffix: "json"
        nameFilters: [qsTr("Slide specs (*.json)")]
        /*! What to do after a successful save (leaving the deck after "Save changes?"). */
        property var afterSave: null
        onRejected: afterSave = null
        onAccepted: {
            const then = afterSave
            afterSave = null
            const error = editorSession.saveAs(selectedFile)
            statusText.text = error.length > 0 ? qsTr("Could not save: %1").arg(error) : qsTr("Saved.")
            if (error.length === 0) {
                settings.addRecentFile(window.document.filePath)
                if (then)
                    then()
            }
        }
    }

    header: ToolBar {
        RowLayout {
            anchors.fill: parent
            spacing: 4
            ToolButton { text: qsTr("New"); onClicked: window.newDeck() }
            ToolButton {
                text: qsTr("Open")
                onClicked: openMenu.popup()
                Menu {
                    id: openMenu
                    objectName: "openMenu"
                    MenuItem { text: qsTr("Open…"); onTriggered: window.keepChanges(() => openDialog.open()) }
                    MenuSeparator { visible: settings.recentFiles.length > 0 }
                    Instantiator {
                        model: settings.recentFiles
                        delegate: MenuItem {
                            required property string modelData
                            text: modelData.split("/").pop()
                            onTriggered: window.keepChanges(() => {
                                if (window.openFile(workspaceSession.fileUrl(modelData)).length > 0)
                                    settings.removeRecentFile(modelData)
                            })
                        }
                        onObjectAdded: (index, object) => openMenu.insertItem(index + 2, object)
                        onObjectRemoved: (index, object) => openMenu.removeItem(object)
                    }
                    MenuItem {
                        text: qsTr("Clear recent files")
                        enabled: settings.recentFiles.length > 0
                        onTriggered: settings.clearRecentFiles()
                    }
                    MenuSeparator {}
                    MenuItem { text: qsTr("Open from workspace…"); onTriggered: window.keepChanges(() => libraryDialog.open()) }
                    MenuItem { text: qsTr("New deck from template…"); onTriggered: templateGallery.openFor("deck") }
                    MenuItem { text: qsTr("Save to workspace"); onTriggered: window.saveToWorkspace() }
                }
            }
            ToolSeparator {}
            ToolButton {
                text: qsTr("Undo")
                enabled: window.document.undoStack.canUndo
                onClicked: window.document.undoStack.undo()
            }
            ToolButton {
                text: qsTr("Redo")
                enabled: window.document.undoStack.canRedo
                onClicked: window.document.undoStack.redo()
            }
            ToolButton { text: qsTr("Save"); onClicked: window.save() }
            ToolButton {
                text: qsTr("Export")
                enabled: !exportSession.running
                onClicked: exportMenu.popup()
                Menu {
                    id: exportMenu
                    MenuItem { text: qsTr("PowerPoint (PPTX)…"); onTriggered: window.exportAs(ExportSession.Pptx) }
                    MenuItem { text: qsTr("PDF…"); onTriggered: window.exportAs(ExportSession.Pdf) }
                    MenuItem { text: qsTr("PNG images…"); onTriggered: window.exportAs(ExportSession.Png) }
                }
            }
            ToolSeparator {}
            ToolButton {
                text: qsTr("Duplicate")
                enabled: window.document.selection.length > 0
                onClicked: window.document.duplicateElements(window.document.selection)
            }
            ToolButton {
                text: qsTr("Delete")
                enabled: window.document.selection.length > 0
                onClicked: window.document.removeElements(window.document.selection)
            }
            ToolButton {
                text: qsTr("Arrange")
                enabled: window.document.selection.length > 0
                onClicked: arrangeMenu.popup()
                Menu {
                    id: arrangeMenu
                    MenuItem { text: qsTr("Align left"); onTriggered: editorSession.align(0) }
                    MenuItem { text: qsTr("Align centre"); onTriggered: editorSession.align(1) }
                    MenuItem { text: qsTr("Align right"); onTriggered: editorSession.align(2) }
                    MenuItem { text: qsTr("Align top"); onTriggered: editorSession.align(3) }
                    MenuItem { text: qsTr("Align middle"); onTriggered: editorSession.align(4) }
                    MenuItem { text: qsTr("Align bottom"); onTriggered: editorSession.align(5) }
                    MenuSeparator {}
                    MenuItem {
                        text: qsTr("Distribute horizontally")
                        enabled: window.document.selection.length > 2
                        onTriggered: editorSession.distribute(0)
                    }
                    MenuItem {
                        text: qsTr("Distribute vertically")
                        enabled: window.document.selection.length > 2
                        onTriggered: editorSession.distribute(1)
                    }
                    MenuSeparator {}
                    MenuItem { text: qsTr("Bring to front"); onTriggered: editorSession.changeZOrder(0) }
                    MenuItem { text: qsTr("Send to back"); onTriggered: editorSession.changeZOrder(1) }
                    MenuItem { text: qsTr("Bring forward"); onTriggered: editorSession.changeZOrder(2) }
                    MenuItem { text: qsTr("Send backward"); onTriggered: editorSession.changeZOrder(3) }
                    MenuSeparator {}
                    MenuItem {
                        text: qsTr("Group")
                        enabled: window.document.selection.length > 1
                        onTriggered: window.document.groupElements(window.document.selection)
                    }
                    MenuItem {
                        text: qsTr("Ungroup")
                        onTriggered: window.document.ungroupElements(window.document.selection)
                    }
                }
            }
            ToolSeparator {}
            ToolButton {
                text: qsTr("Brand")
                onClicked: brandMenu.popup()
                Menu {
                    id: brandMenu
                    objectName: "brandMenu"
                    MenuItem { text: qsTr("Brand kits…"); onTriggered: brandKitDialog.open() }
                }
            }
            ToolButton {
                text: qsTr("Templates")
                onClicked: templatesMenu.popup()
                Menu {
                    id: templatesMenu
                    objectName: "templatesMenu"
                    MenuItem { text: qsTr("Template gallery…"); onTriggered: templateGallery.openFor("") }
                    MenuItem {
                        text: qsTr("Save current slide as template…")
                        enabled: window.document.slideCount > 0
                        onTriggered: { templateGallery.open(); templateGallery.askToSave("slide") }
                    }
                    MenuItem {
                        text: qsTr("Save deck as template…")
                        enabled: window.document.slideCount > 0
                        onTriggered: { templateGallery.open(); templateGallery.askToSave("deck") }
                    }
                }
            }
            ToolSeparator {}
            ComboBox {
                id: zoomBox
                objectName: "zoomBox"
                model: [qsTr("Fit"), "25 %", "50 %", "75 %", "100 %", "150 %", "200 %", "300 %", "400 %"]
                readonly property var factors: [0, 0.25, 0.5, 0.75, 1, 1.5, 2, 3, 4]
                displayText: slideCanvas.fitToWindow ? qsTr("Fit (%1 %)").arg(Math.round(slideCanvas.zoom * 100))
                                                     : Math.round(slideCanvas.zoom * 100) + " %"
                onActivated: index => {
                    if (index === 0)
                        slideCanvas.fitToWindow = true
                    else
                        slideCanvas.setZoom(factors[index])
                }
            }
            Item { Layout.fillWidth: true }
            Label {
                id: problemLabel
                objectName: "problemCount"
                text: window.document.problemCount === 0 ? qsTr("No problems")
                                                         : qsTr("%n problem(s)", "", window.document.problemCount)
                color: window.document.problemCount === 0 ? (window.dark ? "#7fd18b" : "#1e7b34") : "#d64545"
                font.bold: true
                MouseArea {
                    anchors.fill: parent
                    onClicked: { rightTabs.currentIndex = 1; issuesPanel.wholeDeck = true }
                }
            }
            ToolSeparator {}
            ComboBox {
                id: languageBox
                model: Language.available
                currentIndex: Math.max(0, Language.available.indexOf(Language.language))
                onActivated: index => window.setLanguage(Language.available[index])
                implicitWidth: 70
            }
            ToolButton {
                text: window.dark ? qsTr("Light") : qsTr("Dark")
                onClicked: settings.appearance = window.dark ? AppSettings.Light : AppSettings.Dark
            }
            ToolButton { text: qsTr("Settings…"); onClicked: settingsDialog.open() }
        }
    }

    SplitView {
        anchors.fill: parent

        SlidesPanel {
            id: slidesPanel
            session: editorSession
            SplitView.preferredWidth: 220
            SplitView.minimumWidth: 150
        }

        SlideCanvas {
            id: slideCanvas
            objectName: "slideCanvas"
            session: editorSession
            dark: window.dark
            snapping: settings.snapping
            showGrid: settings.showGrid
            gridSize: settings.gridSize
            SplitView.fillWidth: true
        }

        ColumnLayout {
            SplitView.preferredWidth: 320
            SplitView.minimumWidth: 240
            spacing: 0
            TabBar {
                id: rightTabs
                objectName: "rightTabs"
                Layout.fillWidth: true
                TabButton { text: qsTr("Inspector") }
                TabButton { text: qsTr("Issues (%1)").arg(issuesPanel.count) }
                TabButton { text: qsTr("Components") }
                TabButton { text: qsTr("History") }
            }
            StackLayout {
                currentIndex: rightTabs.currentIndex
                Layout.fillWidth: true
                Layout.fillHeight: true
                Inspector { session: editorSession }
                IssuesPanel { id: issuesPanel; session: editorSession }
                ComponentPalette { session: editorSession }
                HistoryPanel { id: historyPanel; objectName: "historyPanel"; session: editorSession }
            }
        }
    }

    footer: ToolBar {
        RowLayout {
            anchors.fill: parent
            anchors.leftMargin: 8
            anchors.rightMargin: 8
            Label {
                text: qsTr("Slide %1 of %2").arg(window.document.currentSlide + 1).arg(window.document.slideCount)
            }
            Label { id: statusText; objectName: "statusText"; Layout.fillWidth: true; elide: Text.ElideRight }
            Label {
                text: qsTr("%n problem(s) in the deck", "", window.document.problemCount)
            }
        }
    }
}
