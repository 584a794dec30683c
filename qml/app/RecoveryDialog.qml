// SPDX-License-Identifier: GPL-3.0-or-later
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Slidespec.Ui

// Offered at startup when autosave journals survived a crash: each deck can
// be recovered (opened as modified) or its journal discarded.
Dialog {
    id: dialog

    required property WorkspaceSession workspace
    property string lastError: ""

    objectName: "recoveryDialog"
    title: qsTr("Recover unsaved work")
    modal: true
    anchors.centerIn: parent
    width: 520
    // Our own Close: the standard button's text would need Qt's translations.
    footer: DialogButtonBox {
        Button {
            text: qsTr("Close")
            DialogButtonBox.buttonRole: DialogButtonBox.RejectRole
        }
    }
    closePolicy: Popup.CloseOnEscape

    ColumnLayout {
        anchors.fill: parent
        spacing: 8
        Label {
            Layout.fillWidth: true
            wrapMode: Text.WordWrap
            text: qsTr("Slidespec stopped before these decks were saved. Recover opens the autosaved deck; discard deletes the autosave.")
        }
        ListView {
            id: sessionList
            objectName: "recoveryList"
            Layout.fillWidth: true
            Layout.preferredHeight: Math.min(contentHeight, 260)
            clip: true
            model: dialog.workspace.recoverableSessions
            delegate: RowLayout {
                required property var modelData
                width: ListView.view.width
                spacing: 8
                ColumnLayout {
                    Layout.fillWidth: true
                    spacing: 0
                    Label {
                        Layout.fillWidth: true
                        text: modelData.title.length > 0 ? modelData.title : qsTr("Untitled deck")
                        font.bold: true
                        elide: Text.ElideRight
                    }
                    Label {
                        Layout.fillWidth: true
                        text: qsTr("Autosaved %1").arg(modelData.time.toLocaleString(Qt.locale(), Locale.ShortFormat))
                              + (modelData.filePath.length > 0 ? " — " + modelData.filePath.split("/").pop()
                                                               : " — " + qsTr("never saved"))
                        opacity: 0.7
                        elide: Text.ElideRight
                    }
                }
                Button {
                    text: qsTr("Recover")
                    onClicked: {
                        dialog.lastError = dialog.workspace.recover(modelData.deckId)
                        if (dialog.lastError.length === 0)
                            dialog.close()
                    }
                }
                Button {
                    text: qsTr("Discard")
                    onClicked: dialog.workspace.discard(modelData.deckId)
                }
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

    Connections {
        target: dialog.workspace
        function onRecoverableSessionsChanged() {
            if (dialog.workspace.recoverableSessions.length === 0)
                dialog.close()
        }
    }
}
