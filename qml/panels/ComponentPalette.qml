// SPDX-License-Identifier: GPL-3.0-or-later
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Slidespec.Ui

// The component library, searchable. Double-click inserts a component on
// the current slide; dragging a tile onto the canvas inserts it there.
Pane {
    id: panel

    required property EditorSession session
    padding: 6

    ColumnLayout {
        anchors.fill: parent
        TextField {
            objectName: "componentSearch"
            Layout.fillWidth: true
            placeholderText: qsTr("Search components")
            onTextChanged: panel.session.palette.filter = text
        }
        ListView {
            id: list
            objectName: "componentList"
            Layout.fillWidth: true
            Layout.fillHeight: true
            clip: true
            spacing: 4
            model: panel.session.palette
            ScrollBar.vertical: ScrollBar {}
            section.property: "category"
            section.delegate: Label {
                required property string section
                text: section
                font.bold: true
                topPadding: 6
            }
            delegate: Rectangle {
                id: tile
                objectName: "tile_" + componentId
                required property string componentId
                required property string name
                required property string description
                width: ListView.view.width
                height: 44
                radius: 4
                color: mouse.containsMouse ? palette.alternateBase : palette.base
                border.color: palette.mid
                Drag.active: mouse.drag.active
                Drag.keys: ["slidespec/component"]
                Drag.hotSpot.x: 10
                Drag.hotSpot.y: 10
                Column {
                    anchors.fill: parent
                    anchors.margins: 6
                    Label { text: tile.name; font.bold: true }
                    Label { text: tile.description; elide: Text.ElideRight; width: parent.width; opacity: 0.7; font.pixelSize: 11 }
                }
                MouseArea {
                    id: mouse
                    anchors.fill: parent
                    hoverEnabled: true
                    drag.target: tile
                    onReleased: {
                        if (tile.Drag.active)
                            tile.Drag.drop()
                        tile.x = 0
                    }
                    onDoubleClicked: panel.session.addComponent(tile.componentId, 48, 48)
                }
                ToolTip.visible: mouse.containsMouse && !mouse.drag.active
                ToolTip.text: tile.description
                ToolTip.delay: 600
            }
        }
    }
}
