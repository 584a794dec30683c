// SPDX-License-Identifier: GPL-3.0-or-later
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Slidespec.Ui

// Properties of the selected element (name, geometry, text size, fill and
// outline from the brand's tokens with off-brand colours flagged, alt text), the slide's
// speaker notes and the deck's brand colours.
Pane {
    id: panel

    required property EditorSession session
    readonly property DocumentController document: session.document
    readonly property string selectedId: document && document.selection.length === 1 ? document.selection[0] : ""
    // Re-read whenever the elements change.
    readonly property var info: (session.elements, selectedId !== "" ? session.element(selectedId) : ({}))
    padding: 8

    component NumberField: TextField {
        id: field
        property real value: 0
        signal committed(real value)
        text: Math.round(value * 10) / 10
        validator: DoubleValidator {}
        selectByMouse: true
        Layout.fillWidth: true
        onEditingFinished: {
            const v = Number(text)
            if (!isNaN(v) && v !== value)
                committed(v)
        }
    }

    ScrollView {
        anchors.fill: parent
        contentWidth: availableWidth

        ColumnLayout {
            width: parent.width
            spacing: 6

            Label {
                text: panel.selectedId === "" ? ((panel.document?.selection.length ?? 0) > 1
                                                ? qsTr("%n elements selected", "", panel.document?.selection.length ?? 0)
                                                : qsTr("Nothing selected"))
                                             : qsTr("Element")
                font.bold: true
            }

            GridLayout {
                visible: panel.selectedId !== ""
                columns: 2
                Layout.fillWidth: true
                Label { text: qsTr("Name") }
                TextField {
                    objectName: "nameField"
                    Layout.fillWidth: true
                    text: panel.info.name || ""
                    placeholderText: panel.info.id || ""
                    onEditingFinished: if (text !== (panel.info.name || "")) panel.session.setName(panel.selectedId, text)
                }
                Label { text: qsTr("X") }
                NumberField {
                    objectName: "xField"
                    value: panel.info.x || 0
                    onCommitted: v => panel.session.setFrame(panel.selectedId, v, panel.info.y, panel.info.w, panel.info.h, panel.info.rotation)
                }
                Label { text: qsTr("Y") }
                NumberField {
                    value: panel.info.y || 0
                    onCommitted: v => panel.session.setFrame(panel.selectedId, panel.info.x, v, panel.info.w, panel.info.h, panel.info.rotation)
                }
                Label { text: qsTr("Width") }
                NumberField {
                    value: panel.info.w || 0
                    onCommitted: v => panel.session.setFrame(panel.selectedId, panel.info.x, panel.info.y, v, panel.info.h, panel.info.rotation, EditorSession.Resize)
                }
                Label { text: qsTr("Height") }
                NumberField {
                    value: panel.info.h || 0
                    onCommitted: v => panel.session.setFrame(panel.selectedId, panel.info.x, panel.info.y, panel.info.w, v, panel.info.rotation, EditorSession.Resize)
                }
                Label { text: qsTr("Rotation") }
                NumberField {
                    value: panel.info.rotation || 0
                    onCommitted: v => panel.session.setFrame(panel.selectedId, panel.info.x, panel.info.y, panel.info.w, panel.info.h, v, EditorSession.Rotate)
                }
                Label { text: qsTr("Text size"); visible: !!panel.info.hasText }
                NumberField {
                    visible: !!panel.info.hasText
                    value: panel.info.fontSize || 0
                    onCommitted: v => panel.session.setFontSize(panel.selectedId, v)
                }
                Label { text: qsTr("Fill") }
                ComboBox {
                    id: fillBox
                    Layout.fillWidth: true
                    model: [qsTr("None")].concat(panel.session.brandColors.map(c => c.token))
                    readonly property string fill: panel.info.fill || ""
                    currentIndex: fill.startsWith("brand:") ? 1 + panel.session.brandColors.findIndex(c => "brand:" + c.token === fill)
                                                            : (fill === "" ? 0 : -1)
                    displayText: currentIndex < 0 ? fill : currentText
                    onActivated: index => panel.session.setFill(panel.selectedId, index === 0 ? "" : "brand:" + panel.session.brandColors[index - 1].token)
                }
                Item { width: 1; visible: !!panel.info.fillOffBrand }
                Label {
                    visible: !!panel.info.fillOffBrand
                    Layout.fillWidth: true
                    wrapMode: Text.Wrap
                    color: "#e5484d"
                    text: qsTr("Off-brand colour: pick a brand token.")
                }
                Label { text: qsTr("Outline") }
                ComboBox {
                    id: strokeBox
                    objectName: "strokeBox"
                    Layout.fillWidth: true
                    model: [qsTr("None")].concat(panel.session.brandColors.map(c => c.token))
                    readonly property string stroke: panel.info.stroke || ""
                    currentIndex: stroke.startsWith("brand:") ? 1 + panel.session.brandColors.findIndex(c => "brand:" + c.token === stroke)
                                                              : (stroke === "" ? 0 : -1)
                    displayText: currentIndex < 0 ? stroke : currentText
                    // A new outline starts 1 pt wide; a recoloured one keeps its width.
                    onActivated: index => panel.session.setStroke(panel.selectedId,
                                                                  index === 0 ? "" : "brand:" + panel.session.brandColors[index - 1].token,
                                                                  panel.info.strokeWidth > 0 ? panel.info.strokeWidth : 1)
                }
                Label { text: qsTr("Outline width"); visible: strokeBox.stroke !== "" }
                NumberField {
                    objectName: "strokeWidthField"
                    visible: strokeBox.stroke !== ""
                    value: panel.info.strokeWidth || 0
                    onCommitted: v => panel.session.setStroke(panel.selectedId, strokeBox.stroke, v)
                }
                Item { width: 1; visible: !!panel.info.strokeOffBrand }
                Label {
                    visible: !!panel.info.strokeOffBrand
                    Layout.fillWidth: true
                    wrapMode: Text.Wrap
                    color: "#e5484d"
                    text: qsTr("Off-brand outline colour: pick a brand token.")
                }
                Label { text: qsTr("Alt text") }
                TextField {
                    Layout.fillWidth: true
                    text: panel.info.alt || ""
                    enabled: !panel.info.decorative
                    onEditingFinished: if (text !== (panel.info.alt || "")) panel.session.setAlt(panel.selectedId, text)
                }
                Item { width: 1 }
                CheckBox {
                    text: qsTr("Decorative (no alt text needed)")
                    checked: !!panel.info.decorative
                    onToggled: panel.session.setDecorative(panel.selectedId, checked)
                }
            }

            MenuSeparator { Layout.fillWidth: true }
            Label { text: qsTr("Speaker notes"); font.bold: true }
            TextArea {
                id: notes
                Layout.fillWidth: true
                Layout.preferredHeight: 90
                wrapMode: TextEdit.Wrap
                placeholderText: qsTr("Notes for the presenter")
                property int editId: 0
                readonly property string current: (panel.document?.currentSlide, panel.session.elements, panel.session.notes())
                text: current
                onActiveFocusChanged: if (activeFocus) editId = panel.document.beginDrag()
                onEditingFinished: if (text !== current) panel.session.setNotes(text, editId)
            }

            MenuSeparator { Layout.fillWidth: true }
            Label { text: qsTr("Brand colours"); font.bold: true }
            Repeater {
                model: panel.session.brandColors
                delegate: RowLayout {
                    required property var modelData
                    Layout.fillWidth: true
                    Rectangle { width: 18; height: 18; color: modelData.color; border.color: palette.mid }
                    Label { text: modelData.token; Layout.preferredWidth: 90; elide: Text.ElideRight }
                    TextField {
                        objectName: "brandColor_" + modelData.token
                        Layout.fillWidth: true
                        text: modelData.color.toString()
                        onEditingFinished: if (text !== modelData.color.toString()) panel.session.setBrandColor(modelData.token, text)
                    }
                }
            }
        }
    }
}
