// SPDX-License-Identifier: GPL-3.0-or-later
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Slidespec.Ui

// The deck library: the workspace's decks with their first slide, searched
// by title and slide text; new decks from a sample template.
Dialog {
    id: dialog

    required property WorkspaceSession workspace
    property string lastError: ""

    objectName: "libraryDialog"
    title: qsTr("Open from workspace")
    modal: true
    anchors.centerIn: parent
    width: Math.min(parent ? parent.width - 80 : 900, 900)
    height: Math.min(parent ? parent.height - 80 : 640, 640)
    // Our own Close: the standard button's text would need Qt's translations.
    footer: DialogButtonBox {
        Button {
            text: qsTr("Close")
            DialogButtonBox.buttonRole: DialogButtonBox.RejectRole
        }
    }

    onAboutToShow: {
        lastError = ""
        workspace.decks.refresh()
        search.forceActiveFocus()
    }

    function openDeck(id) {
        lastError = workspace.openDeck(id)
        if (lastError.length === 0)
            close()
    }

    function newFromTemplate(name) {
        lastError = workspace.newDeckFromTemplate(name)
        if (lastError.length === 0)
            close()
    }

    ColumnLayout {
        anchors.fill: parent
        spacing: 8

        RowLayout {
            Layout.fillWidth: true
            Label { text: qsTr("New deck from template") + ":" }
            Button {
                text: qsTr("Blank deck")
                onClicked: dialog.newFromTemplate("")
            }
            Repeater {
                model: dialog.workspace.deckTemplates
                delegate: Button {
                    required property string modelData
                    text: modelData
                    onClicked: dialog.newFromTemplate(modelData)
                }
            }
            Item { Layout.fillWidth: true }
        }

        TextField {
            id: search
            objectName: "librarySearch"
            Layout.fillWidth: true
            placeholderText: qsTr("Search decks")
            text: dialog.workspace.decks.searchText
            onTextEdited: dialog.workspace.decks.searchText = text
        }

        GridView {
            id: grid
            objectName: "libraryGrid"
            Layout.fillWidth: true
            Layout.fillHeight: true
            clip: true
            cellWidth: 212
            cellHeight: 176
            model: dialog.workspace.decks
            ScrollBar.vertical: ScrollBar {}
            delegate: ItemDelegate {
                required property string deckId
                required property string title
                required property string thumbnail
                required property int slideCount
                required property var modified
                width: grid.cellWidth - 8
                height: grid.cellHeight - 8
                ToolTip.visible: hovered
                ToolTip.text: qsTr("Open the deck")
                onClicked: dialog.openDeck(deckId)
                contentItem: ColumnLayout {
                    spacing: 2
                    Rectangle {
                        Layout.fillWidth: true
                        Layout.preferredHeight: width * 9 / 16
                        color: "#20000000"
                        Image {
                            anchors.fill: parent
                            anchors.margins: 1
                            source: thumbnail
                            fillMode: Image.PreserveAspectFit
                            asynchronous: true
                        }
                    }
                    Label {
                        Layout.fillWidth: true
                        text: title.length > 0 ? title : deckId
                        font.bold: true
                        elide: Text.ElideRight
                    }
                    Label {
                        Layout.fillWidth: true
                        text: qsTr("%n slide(s)", "", slideCount) + " · "
                              + qsTr("Modified %1").arg(modified.toLocaleString(Qt.locale(), Locale.ShortFormat))
                        opacity: 0.7
                        font.pixelSize: 11
                        elide: Text.ElideRight
                    }
                }
            }
            Label {
                anchors.centerIn: parent
                visible: grid.count === 0
                text: search.text.length > 0 ? qsTr("No deck matches.") : qsTr("No decks in the workspace yet.")
                opacity: 0.7
            }
        }

        Label {
            Layout.fillWidth: true
            visible: dialog.lastError.length > 0
            text: dialog.lastError
            color: "#d64545"
            wrapMode: Text.WordWrap
        }
    }
}
