// SPDX-License-Identifier: GPL-3.0-or-later
import QtQuick
import QtQuick.Controls
import QtQuick.Dialogs
import QtQuick.Layouts
import Slidespec.Ui

// The colour tokens of the kit in BrandKitDialog (name, swatch, hex) and the
// contrast of each text-like token on each background-like token, with the
// pairs that fail the kit's level listed.
ScrollView {
    id: page

    required property var kitDialog
    required property ColorDialog colorPicker
    readonly property var kit: kitDialog.kit
    readonly property bool editable: kitDialog.editable
    readonly property var session: kitDialog.session

    clip: true
    contentWidth: availableWidth

    /*! The contrast cell of \a text on \a background, or null. */
    function cell(text, background) {
        const cells = kit.contrast !== undefined ? kit.contrast : []
        for (let i = 0; i < cells.length; ++i)
            if (cells[i].text === text && cells[i].background === background)
                return cells[i]
        return null
    }
    function colorOf(token) {
        const colors = kit.colors !== undefined ? kit.colors : []
        for (let i = 0; i < colors.length; ++i)
            if (colors[i].token === token)
                return colors[i].color
        return "transparent"
    }

    ColumnLayout {
        width: page.availableWidth
        spacing: 6

        Label { text: qsTr("Colour tokens"); font.bold: true }
        Repeater {
            model: page.kit.colors !== undefined ? page.kit.colors : []
            delegate: RowLayout {
                required property var modelData
                Layout.fillWidth: true
                spacing: 6
                Rectangle {
                    width: 34
                    height: 24
                    radius: 3
                    color: modelData.color
                    border.color: palette.mid
                    MouseArea {
                        anchors.fill: parent
                        enabled: page.editable
                        cursorShape: page.editable ? Qt.PointingHandCursor : Qt.ArrowCursor
                        onClicked: {
                            page.colorPicker.token = modelData.token
                            page.colorPicker.selectedColor = modelData.color
                            page.colorPicker.open()
                        }
                    }
                }
                TextField {
                    objectName: "colorToken_" + modelData.token
                    Layout.preferredWidth: 150
                    text: modelData.token
                    readOnly: !page.editable
                    selectByMouse: true
                    onEditingFinished: {
                        if (text !== modelData.token && page.session.renameColor(modelData.token, text).length > 0)
                            text = modelData.token
                    }
                }
                TextField {
                    objectName: "colorHex_" + modelData.token
                    Layout.preferredWidth: 110
                    text: modelData.hex
                    readOnly: !page.editable
                    selectByMouse: true
                    font.family: "monospace"
                    onEditingFinished: {
                        if (text !== modelData.hex && page.session.setColor(modelData.token, text).length > 0)
                            text = modelData.hex
                    }
                }
                Label {
                    Layout.fillWidth: true
                    text: modelData.text ? qsTr("text") : modelData.background ? qsTr("background") : ""
                    opacity: 0.6
                    font.pixelSize: 11
                }
                Button {
                    text: qsTr("Remove")
                    visible: page.editable
                    onClicked: page.session.removeColor(modelData.token)
                }
            }
        }
        RowLayout {
            visible: page.editable
            spacing: 6
            TextField {
                id: newToken
                objectName: "newColorToken"
                Layout.preferredWidth: 150
                placeholderText: qsTr("New token, e.g. onSurface")
            }
            TextField {
                id: newHex
                objectName: "newColorHex"
                Layout.preferredWidth: 110
                text: "#000000"
                font.family: "monospace"
            }
            Button {
                objectName: "addColorButton"
                text: qsTr("Add colour")
                enabled: newToken.text.trim().length > 0
                onClicked: {
                    if (page.session.addColor(newToken.text, newHex.text).length === 0)
                        newToken.text = ""
                }
            }
        }
        Label {
            Layout.fillWidth: true
            text: qsTr("Tokens named text… or onX are drawn as text; background, surface… and each X with an onX are drawn behind it.")
            wrapMode: Text.WordWrap
            opacity: 0.7
            font.pixelSize: 11
        }

        Label {
            Layout.topMargin: 10
            text: qsTr("Contrast (WCAG): text tokens down, background tokens across")
            font.bold: true
        }
        Label {
            objectName: "contrastSummary"
            Layout.fillWidth: true
            readonly property var failures: page.kit.failures !== undefined ? page.kit.failures : []
            text: failures.length === 0
                  ? qsTr("Every intended pairing passes the kit's contrast level.")
                  : qsTr("%n intended pairing(s) fail the kit's contrast level:", "", failures.length)
            color: failures.length === 0 ? "#1e7b34" : "#d64545"
            wrapMode: Text.WordWrap
        }
        Repeater {
            objectName: "failureList"
            model: page.kit.failures !== undefined ? page.kit.failures : []
            delegate: Label {
                required property string modelData
                Layout.fillWidth: true
                text: "• " + modelData
                wrapMode: Text.WordWrap
            }
        }
        GridLayout {
            id: matrix
            objectName: "contrastMatrix"
            readonly property var texts: page.kit.textTokens !== undefined ? page.kit.textTokens : []
            readonly property var backgrounds: page.kit.backgroundTokens !== undefined ? page.kit.backgroundTokens : []
            columns: backgrounds.length + 1
            columnSpacing: 4
            rowSpacing: 4

            Item { width: 1; height: 1 }
            Repeater {
                model: matrix.backgrounds
                delegate: Label {
                    required property string modelData
                    text: modelData
                    font.pixelSize: 11
                    Layout.preferredWidth: 86
                    elide: Text.ElideRight
                }
            }
            Repeater {
                model: matrix.texts.length * (matrix.backgrounds.length + 1)
                delegate: Loader {
                    required property int index
                    readonly property int row: Math.floor(index / (matrix.backgrounds.length + 1))
                    readonly property int column: index % (matrix.backgrounds.length + 1) - 1
                    readonly property string textToken: matrix.texts[row]
                    readonly property var cellData: column >= 0 ? page.cell(textToken, matrix.backgrounds[column]) : null
                    sourceComponent: column < 0 ? rowLabel : contrastCell
                }
            }
        }
        Component {
            id: rowLabel
            Label {
                text: parent ? parent.textToken : ""
                font.pixelSize: 11
                Layout.preferredWidth: 90
            }
        }
        Component {
            id: contrastCell
            Rectangle {
                readonly property var cellData: parent ? parent.cellData : null
                objectName: cellData ? "contrastCell_" + cellData.text + "_" + cellData.background : ""
                readonly property string badge: cellData ? cellData.badge : ""
                width: 86
                height: 46
                radius: 3
                color: cellData ? page.colorOf(cellData.background) : "transparent"
                border.width: cellData && cellData.intended ? 2 : 1
                border.color: cellData && cellData.intended ? (cellData.passes ? "#1e7b34" : "#d64545") : palette.mid
                Column {
                    anchors.centerIn: parent
                    Label {
                        anchors.horizontalCenter: parent.horizontalCenter
                        text: qsTr("Aa")
                        font.bold: true
                        color: cellData ? page.colorOf(cellData.text) : "black"
                    }
                    Rectangle {
                        anchors.horizontalCenter: parent.horizontalCenter
                        width: badgeLabel.implicitWidth + 8
                        height: badgeLabel.implicitHeight + 2
                        radius: 3
                        color: badge === "AAA" ? "#1e7b34" : badge === "AA" ? "#2f6fed" : "#d64545"
                        Label {
                            id: badgeLabel
                            anchors.centerIn: parent
                            text: cellData ? (badge === "fail" ? qsTr("fail") : badge) + " " + cellData.ratio.toFixed(1) : ""
                            color: "white"
                            font.pixelSize: 10
                        }
                    }
                }
                ToolTip.visible: cellArea.containsMouse
                ToolTip.text: cellData ? qsTr("%1 on %2: %3:1 (the kit asks %4:1%5)")
                                     .arg(cellData.text).arg(cellData.background).arg(cellData.ratio.toFixed(2))
                                     .arg(cellData.required.toFixed(1))
                                     .arg(cellData.intended ? "" : qsTr("; not a pairing the kit intends")) : ""
                MouseArea { id: cellArea; anchors.fill: parent; hoverEnabled: true }
            }
        }

    }
}
