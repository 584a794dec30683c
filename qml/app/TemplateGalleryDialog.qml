// SPDX-License-Identifier: GPL-3.0-or-later
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Slidespec.Ui

// The template gallery: the built-in slide templates and sample decks and
// the user's own, with thumbnails painted off the UI thread; new deck from
// a template, insert a slide from one, save the current slide or the deck
// as a template, delete the user's.
Dialog {
    id: dialog

    required property TemplateSession session
    /*! The id and kind of the chosen template ("" when none). */
    property string selectedId: ""
    property string selectedKind: ""
    property bool selectedBuiltin: true
    /*! Called with a function that leaves the open deck (new deck); the
     *  window passes its "save changes?" guard. Null: leave at once. */
    property var confirmLeave: null
    /*! What the last action did, when that is worth saying. */
    property string notice: ""
    property string selectedName: ""
    property alias grid: grid
    property alias search: search
    property alias nameDialog: nameDialog
    property alias confirmDialog: confirmDialog

    objectName: "templateGalleryDialog"
    title: qsTr("Template gallery")
    modal: true
    anchors.centerIn: parent
    width: Math.min(parent ? parent.width - 60 : 1000, 1000)
    height: Math.min(parent ? parent.height - 60 : 700, 700)
    // Our own Close: the standard button's text would need Qt's translations.
    footer: DialogButtonBox {
        Button {
            text: qsTr("Close")
            DialogButtonBox.buttonRole: DialogButtonBox.RejectRole
        }
    }

    onAboutToShow: {
        notice = ""
        search.forceActiveFocus()
    }

    /*! Opens the gallery showing the templates of \a kind ("", "slide" or "deck"). */
    function openFor(kind) {
        session.templates.kind = kind
        open()
    }

    /*! Chooses the template \a id of \a kind (as a click does). */
    function choose(id, kind) {
        const model = session.templates
        for (let row = 0; row < model.count; ++row) {
            if (model.get(row, "id") === id && model.get(row, "kind") === kind) {
                grid.currentIndex = row
                selectedId = id
                selectedKind = kind
                selectedBuiltin = model.get(row, "builtin")
                selectedName = model.get(row, "name")
                return true
            }
        }
        return false
    }
    function clearChoice() {
        grid.currentIndex = -1
        selectedId = ""
        selectedKind = ""
        selectedBuiltin = true
        selectedName = ""
    }
    function newDeck() {
        const id = selectedId
        const kind = selectedKind
        const run = () => {
            if (session.newDeck(id, kind).length === 0)
                close()
        }
        if (confirmLeave)
            confirmLeave(run)
        else
            run()
    }
    function insertSlide() {
        if (session.insertSlide(selectedId).length === 0)
            close()
    }
    /*! Opens the name prompt to save the current slide ("slide") or the deck ("deck"). */
    function askToSave(kind) {
        nameDialog.kind = kind
        nameDialog.nameField.text = ""
        nameDialog.descriptionField.text = ""
        nameDialog.open()
    }

    Connections {
        target: dialog.session
        function onTemplatesChanged() {
            if (dialog.selectedId.length > 0 && !dialog.choose(dialog.selectedId, dialog.selectedKind))
                dialog.clearChoice()
        }
    }

    Dialog {
        id: nameDialog
        objectName: "templateNameDialog"
        property string kind: "slide"
        property alias nameField: nameField
        property alias descriptionField: descriptionField
        readonly property string problem: dialog.session.validateName(nameField.text, kind)
        parent: Overlay.overlay
        anchors.centerIn: parent
        modal: true
        width: 440
        title: kind === "deck" ? qsTr("Save deck as template") : qsTr("Save slide as template")
        footer: DialogButtonBox {
            Button {
                objectName: "templateSaveButton"
                text: qsTr("Save")
                enabled: nameDialog.problem.length === 0
                DialogButtonBox.buttonRole: DialogButtonBox.AcceptRole
            }
            Button {
                text: qsTr("Cancel")
                DialogButtonBox.buttonRole: DialogButtonBox.RejectRole
            }
        }
        ColumnLayout {
            anchors.fill: parent
            Label { text: qsTr("Name") }
            TextField {
                id: nameField
                objectName: "templateNameField"
                Layout.fillWidth: true
                selectByMouse: true
                placeholderText: nameDialog.kind === "deck" ? qsTr("e.g. Quarterly update") : qsTr("e.g. Big number")
                onAccepted: if (nameDialog.problem.length === 0) nameDialog.accept()
            }
            Label {
                visible: nameDialog.kind === "slide"
                text: qsTr("What it is for (optional)")
            }
            TextField {
                id: descriptionField
                visible: nameDialog.kind === "slide"
                Layout.fillWidth: true
                selectByMouse: true
            }
            Label {
                Layout.fillWidth: true
                text: nameField.text.length > 0 ? nameDialog.problem : ""
                color: "#d64545"
                wrapMode: Text.WordWrap
            }
        }
        onOpened: nameField.forceActiveFocus()
        onAccepted: {
            const error = kind === "deck" ? dialog.session.saveDeckAsTemplate(nameField.text)
                                          : dialog.session.saveSlideAsTemplate(nameField.text, descriptionField.text)
            if (error.length === 0) {
                dialog.choose(dialog.session.lastSavedId(), kind)
                dialog.notice = kind === "deck" ? qsTr("Saved the deck as the template \"%1\".").arg(nameField.text.trim())
                                                : qsTr("Saved the slide as the template \"%1\".").arg(nameField.text.trim())
            }
        }
    }

    Dialog {
        id: confirmDialog
        objectName: "templateConfirmDialog"
        parent: Overlay.overlay
        anchors.centerIn: parent
        modal: true
        width: 420
        title: qsTr("Delete template")
        footer: DialogButtonBox {
            Button {
                objectName: "templateDeleteConfirm"
                text: qsTr("Delete")
                DialogButtonBox.buttonRole: DialogButtonBox.AcceptRole
            }
            Button {
                text: qsTr("Cancel")
                DialogButtonBox.buttonRole: DialogButtonBox.RejectRole
            }
        }
        Label {
            width: parent.width
            text: qsTr("Delete the template \"%1\"? Decks made from it stay as they are; this cannot be undone.")
                  .arg(dialog.selectedName)
            wrapMode: Text.WordWrap
        }
        onAccepted: {
            if (dialog.session.remove(dialog.selectedId).length === 0)
                dialog.clearChoice()
        }
    }

    ColumnLayout {
        anchors.fill: parent
        spacing: 8

        RowLayout {
            Layout.fillWidth: true
            TextField {
                id: search
                objectName: "templateSearch"
                Layout.fillWidth: true
                placeholderText: qsTr("Search templates")
                text: dialog.session.templates.searchText
                onTextEdited: dialog.session.templates.searchText = text
            }
            ComboBox {
                objectName: "templateKindBox"
                model: [qsTr("All templates"), qsTr("Slide templates"), qsTr("Deck templates")]
                readonly property var kinds: ["", "slide", "deck"]
                currentIndex: Math.max(0, kinds.indexOf(dialog.session.templates.kind))
                onActivated: index => dialog.session.templates.kind = kinds[index]
                implicitWidth: 170
            }
            Button {
                objectName: "saveSlideTemplateButton"
                text: qsTr("Save current slide as template…")
                enabled: dialog.session.document !== null && dialog.session.document.slideCount > 0
                onClicked: dialog.askToSave("slide")
            }
            Button {
                objectName: "saveDeckTemplateButton"
                text: qsTr("Save deck as template…")
                enabled: dialog.session.document !== null && dialog.session.document.slideCount > 0
                onClicked: dialog.askToSave("deck")
            }
        }

        GridView {
            id: grid
            objectName: "templateGrid"
            Layout.fillWidth: true
            Layout.fillHeight: true
            clip: true
            cellWidth: 230
            cellHeight: 196
            currentIndex: -1
            model: dialog.session.templates
            ScrollBar.vertical: ScrollBar {}
            delegate: ItemDelegate {
                id: tile
                required property int index
                required property var model
                readonly property string templateId: model.id
                required property string name
                required property string description
                required property string kind
                required property bool builtin
                required property int slideCount
                width: grid.cellWidth - 8
                height: grid.cellHeight - 8
                highlighted: dialog.selectedId === templateId && dialog.selectedKind === kind
                ToolTip.visible: hovered && description.length > 0
                ToolTip.text: description
                onClicked: dialog.choose(templateId, kind)
                onDoubleClicked: {
                    dialog.choose(templateId, kind)
                    if (kind === "slide" && dialog.session.document !== null)
                        dialog.insertSlide()
                    else
                        dialog.newDeck()
                }
                contentItem: ColumnLayout {
                    spacing: 2
                    Rectangle {
                        Layout.fillWidth: true
                        Layout.preferredHeight: width * 9 / 16
                        color: "#20000000"
                        Image {
                            id: thumb
                            objectName: "templateThumbnail"
                            anchors.fill: parent
                            anchors.margins: 1
                            source: "image://slidespec-template/" + tile.kind + "/" + tile.templateId + "/" + dialog.session.revision
                            sourceSize.width: 320
                            fillMode: Image.PreserveAspectFit
                            asynchronous: true
                        }
                        BusyIndicator {
                            anchors.centerIn: parent
                            running: thumb.status === Image.Loading
                            visible: running
                        }
                    }
                    Label {
                        Layout.fillWidth: true
                        text: tile.name
                        font.bold: true
                        elide: Text.ElideRight
                    }
                    Label {
                        Layout.fillWidth: true
                        text: (tile.kind === "deck" ? qsTr("Deck · %n slide(s)", "", tile.slideCount) : qsTr("Slide"))
                              + " · " + (tile.builtin ? qsTr("Built-in") : qsTr("Yours"))
                        opacity: 0.7
                        font.pixelSize: 11
                        elide: Text.ElideRight
                    }
                }
            }
            Label {
                anchors.centerIn: parent
                visible: grid.count === 0
                text: search.text.length > 0 ? qsTr("No template matches.") : qsTr("No templates.")
                opacity: 0.7
            }
        }

        Label {
            objectName: "templateNotice"
            Layout.fillWidth: true
            visible: dialog.notice.length > 0 && dialog.session.lastError.length === 0
            text: dialog.notice
            color: "#1e7b34"
            wrapMode: Text.WordWrap
        }
        Label {
            objectName: "templateError"
            Layout.fillWidth: true
            visible: dialog.session.lastError.length > 0
            text: dialog.session.lastError
            color: "#d64545"
            wrapMode: Text.WordWrap
        }

        RowLayout {
            Layout.fillWidth: true
            Label {
                Layout.fillWidth: true
                text: dialog.selectedId.length > 0 ? dialog.selectedName : qsTr("Choose a template.")
                elide: Text.ElideRight
                opacity: dialog.selectedId.length > 0 ? 1 : 0.7
            }
            Button {
                objectName: "newDeckFromTemplateButton"
                text: qsTr("New deck from template")
                enabled: dialog.selectedId.length > 0
                onClicked: dialog.newDeck()
            }
            Button {
                objectName: "insertTemplateSlideButton"
                text: qsTr("Insert slide")
                enabled: dialog.selectedKind === "slide" && dialog.session.document !== null
                ToolTip.visible: hovered
                ToolTip.text: qsTr("Insert it after the current slide (one undo step)")
                onClicked: dialog.insertSlide()
            }
            Button {
                objectName: "deleteTemplateButton"
                text: qsTr("Delete…")
                enabled: dialog.selectedId.length > 0 && !dialog.selectedBuiltin
                onClicked: confirmDialog.open()
            }
        }
    }
}
