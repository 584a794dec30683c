// SPDX-License-Identifier: GPL-3.0-or-later
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Slidespec.Ui

// Validator issues of the current slide or of the whole deck, live. Clicking
// an issue goes to its slide and selects its elements; "Fix" performs the
// validator's automatic fix as one undo step.
Pane {
    id: panel

    required property EditorSession session
    property bool wholeDeck: false
    readonly property var model: wholeDeck ? session.deckIssues : session.issues
    readonly property int count: list.count
    padding: 6

    ColumnLayout {
        anchors.fill: parent
        RowLayout {
            RadioButton { text: qsTr("This slide"); checked: !panel.wholeDeck; onClicked: panel.wholeDeck = false }
            RadioButton { text: qsTr("Whole deck"); checked: panel.wholeDeck; onClicked: panel.wholeDeck = true }
        }
        Label {
            visible: list.count === 0
            text: panel.wholeDeck ? qsTr("The deck has no issues.") : qsTr("This slide has no issues.")
            opacity: 0.7
        }
        ListView {
            id: list
            objectName: "issueList"
            Layout.fillWidth: true
            Layout.fillHeight: true
            clip: true
            spacing: 4
            model: panel.model
            ScrollBar.vertical: ScrollBar {}
            delegate: ItemDelegate {
                id: issue
                required property int index
                required property string ruleId
                required property string severity
                required property string message
                required property bool hasFix
                required property string fixDescription
                required property int slideIndex
                width: ListView.view.width
                onClicked: panel.session.revealIssue(panel.model, index)
                contentItem: RowLayout {
                    spacing: 6
                    Rectangle {
                        Layout.alignment: Qt.AlignTop
                        Layout.topMargin: 4
                        width: 10; height: 10; radius: 5
                        color: issue.severity === "error" ? "#e5484d" : issue.severity === "warning" ? "#f5a524" : "#3e8ef7"
                    }
                    ColumnLayout {
                        Layout.fillWidth: true
                        spacing: 2
                        Label {
                            Layout.fillWidth: true
                            text: panel.wholeDeck ? qsTr("Slide %1 · %2").arg(issue.slideIndex + 1).arg(issue.ruleId)
                                                  : issue.ruleId
                            font.bold: true
                        }
                        Label { Layout.fillWidth: true; text: issue.message; wrapMode: Text.Wrap }
                    }
                    Button {
                        objectName: "fixButton"
                        visible: issue.hasFix
                        text: qsTr("Fix")
                        ToolTip.visible: hovered
                        ToolTip.text: issue.fixDescription
                        onClicked: panel.model.applyFix(issue.index)
                    }
                }
            }
        }
    }
}
