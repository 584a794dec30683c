// SPDX-License-Identifier: GPL-3.0-or-later
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Slidespec.Ui

// The editor's preferences: appearance, language, snapping, grid and the
// autosave interval. Every change applies and is stored at once.
Dialog {
    id: dialog

    required property AppSettings settings
    signal languageChosen(string language)

    objectName: "settingsDialog"
    title: qsTr("Settings")
    modal: true
    anchors.centerIn: parent
    width: 420
    // Our own Close: the standard button's text would need Qt's translations.
    footer: DialogButtonBox {
        Button {
            text: qsTr("Close")
            DialogButtonBox.buttonRole: DialogButtonBox.RejectRole
        }
    }

    GridLayout {
        anchors.fill: parent
        columns: 2
        columnSpacing: 12
        rowSpacing: 8

        Label { text: qsTr("Appearance") }
        ComboBox {
            objectName: "appearanceBox"
            Layout.fillWidth: true
            model: [qsTr("System"), qsTr("Light"), qsTr("Dark")]
            currentIndex: dialog.settings.appearance
            onActivated: index => dialog.settings.appearance = index
        }

        Label { text: qsTr("Language") }
        ComboBox {
            Layout.fillWidth: true
            model: Language.available
            currentIndex: Math.max(0, Language.available.indexOf(Language.language))
            onActivated: index => dialog.languageChosen(Language.available[index])
        }

        Label { text: qsTr("Snapping") }
        Switch {
            objectName: "snappingSwitch"
            checked: dialog.settings.snapping
            onToggled: dialog.settings.snapping = checked
        }

        Label { text: qsTr("Show grid") }
        Switch {
            checked: dialog.settings.showGrid
            onToggled: dialog.settings.showGrid = checked
        }

        Label { text: qsTr("Grid size (pt)") }
        SpinBox {
            Layout.fillWidth: true
            from: 1
            to: 200
            editable: true
            value: dialog.settings.gridSize
            onValueModified: dialog.settings.gridSize = value
        }

        Label { text: qsTr("Autosave after (ms)") }
        SpinBox {
            objectName: "autosaveBox"
            Layout.fillWidth: true
            from: 100
            to: 600000
            stepSize: 100
            editable: true
            value: dialog.settings.autosaveInterval
            onValueModified: dialog.settings.autosaveInterval = value
        }
    }
}
