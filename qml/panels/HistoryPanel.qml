// SPDX-License-Identifier: GPL-3.0-or-later
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Slidespec.Ui

// The undo history: every edit by name, oldest first, the current state
// highlighted, undone ones greyed, the saved state marked. Clicking an entry
// takes the deck to that state (QUndoStack::setIndex).
Pane {
    id: panel

    required property EditorSession session
    readonly property DocumentController document: session.document
    property alias model: history
    property alias list: list
    padding: 0

    UndoHistoryModel {
        id: history
        stack: panel.document ? panel.document.undoStack : null
    }

    ListView {
        id: list
        objectName: "historyList"
        anchors.fill: parent
        clip: true
        model: history
        currentIndex: history.currentRow
        ScrollBar.vertical: ScrollBar {}
        onCountChanged: positionViewAtIndex(history.currentRow, ListView.Contain)

        delegate: ItemDelegate {
            id: entry
            required property int index
            required property string label
            required property bool current
            required property bool clean
            required property bool undone
            objectName: "historyEntry_" + index
            width: ListView.view.width
            highlighted: current
            opacity: undone ? 0.55 : 1
            onClicked: history.goTo(index)
            contentItem: RowLayout {
                spacing: 6
                Label {
                    Layout.fillWidth: true
                    text: entry.label
                    font.italic: entry.undone
                    elide: Text.ElideRight
                    color: entry.highlighted ? entry.palette.highlightedText : entry.palette.text
                }
                Label {
                    visible: entry.clean
                    text: qsTr("saved")
                    font.pixelSize: 11
                    opacity: 0.8
                    color: entry.highlighted ? entry.palette.highlightedText : entry.palette.text
                }
            }
            ToolTip.visible: hovered && entry.clean
            ToolTip.text: qsTr("The deck as last opened or saved")
        }
    }
}
