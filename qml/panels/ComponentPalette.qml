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
                    drag.target: dragProxy
                    drag.threshold: 4
                    preventStealing: true // a tile drag is not a flick of the list
                    onPressed: mouse => {
                        const p = mapToItem(panel, mouse.x, mouse.y)
                        dragProxy.x = p.x - 10
                        dragProxy.y = p.y - 10
                        dragProxy.componentId = tile.componentId
                        dragProxy.label = tile.name
                    }
                    onReleased: {
                        if (dragProxy.Drag.active)
                            dragProxy.Drag.drop()
                        dragProxy.dragging = false
                    }
                    drag.onActiveChanged: if (drag.active) dragProxy.dragging = true
                    onDoubleClicked: panel.session.addComponent(tile.componentId, 48, 48)
                }
                ToolTip.visible: mouse.containsMouse && !mouse.drag.active
                ToolTip.text: tile.description
                ToolTip.delay: 600
            }
        }
    }

    // What a tile drag carries to the canvas (a DropArea keyed "slidespec/component").
    Rectangle {
        id: dragProxy
        property string componentId
        property string label
        property bool dragging: false
        visible: dragging
        width: proxyLabel.implicitWidth + 16
        height: 24
        radius: 4
        color: palette.highlight
        opacity: 0.9
        Drag.active: dragging
        Drag.keys: ["slidespec/component"]
        Drag.hotSpot.x: 10
        Drag.hotSpot.y: 10
        Label { id: proxyLabel; anchors.centerIn: parent; text: dragProxy.label; color: palette.highlightedText }
    }
}
