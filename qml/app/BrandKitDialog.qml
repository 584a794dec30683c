// SPDX-License-Identifier: GPL-3.0-or-later
import QtQuick
import QtQuick.Controls
import QtQuick.Dialogs
import QtQuick.Layouts
import Slidespec.Ui

// The brand-kit editor: the bundled kits (read-only, can be duplicated) and
// the user's, with colour tokens and their contrast matrix, font roles,
// logos and guidance. Every edit is saved to the user's kit at once; "Apply
// to current deck" restyles the open deck as one undo step.
Dialog {
    id: dialog

    required property BrandKitSession session
    readonly property var kit: session.kit
    readonly property bool editable: kit.id !== undefined && !kit.builtin
    property alias kitList: kitList
    property alias nameDialog: nameDialog
    property alias confirmDialog: confirmDialog
    property alias tabs: tabs
    /*! Called with a function that leaves the open deck (new deck); the
     *  window passes its "save changes?" guard. Null: leave at once. */
    property var confirmLeave: null
    /*! What the last action did, when that is worth saying (cleared on the next selection). */
    property string notice: ""

    objectName: "brandKitDialog"
    title: qsTr("Brand kits")
    modal: true
    anchors.centerIn: parent
    width: Math.min(parent ? parent.width - 60 : 1040, 1040)
    height: Math.min(parent ? parent.height - 60 : 720, 720)
    // Our own Close: the standard button's text would need Qt's translations.
    footer: DialogButtonBox {
        Button {
            text: qsTr("Close")
            DialogButtonBox.buttonRole: DialogButtonBox.RejectRole
        }
    }


    // A name for a new, renamed or captured kit, checked as it is typed.
    Dialog {
        id: nameDialog
        objectName: "kitNameDialog"
        property string action: "create"   // create, fromDeck, rename
        property string kitId: ""
        property alias nameField: nameField
        readonly property string problem: {
            if (action === "rename" && nameField.text.trim() === dialog.kit.name)
                return ""
            return dialog.session.validateName(nameField.text)
        }
        parent: Overlay.overlay
        anchors.centerIn: parent
        modal: true
        width: 420
        title: action === "rename" ? qsTr("Rename brand kit")
             : action === "fromDeck" ? qsTr("New brand kit from this deck's kit") : qsTr("New brand kit")
        footer: DialogButtonBox {
            Button {
                objectName: "kitNameOk"
                text: nameDialog.action === "rename" ? qsTr("Rename") : qsTr("Create")
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
                objectName: "kitNameField"
                Layout.fillWidth: true
                selectByMouse: true
                onAccepted: if (nameDialog.problem.length === 0) nameDialog.accept()
            }
            Label {
                Layout.fillWidth: true
                text: nameField.text.length > 0 ? nameDialog.problem : ""
                color: "#d64545"
                wrapMode: Text.WordWrap
            }
        }
        onOpened: { nameField.forceActiveFocus(); nameField.selectAll() }
        onAccepted: {
            if (action === "rename")
                dialog.session.rename(kitId, nameField.text)
            else if (action === "fromDeck")
                dialog.session.createFromDocument(nameField.text)
            else
                dialog.session.create(nameField.text)
        }
        function ask(what, id, name) {
            action = what
            kitId = id
            nameField.text = name
            open()
        }
    }

    Dialog {
        id: confirmDialog
        objectName: "kitConfirmDialog"
        property string kitId: ""
        property string kitName: ""
        parent: Overlay.overlay
        anchors.centerIn: parent
        modal: true
        width: 420
        title: qsTr("Delete brand kit")
        footer: DialogButtonBox {
            Button {
                objectName: "kitDeleteConfirm"
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
            text: qsTr("Delete the brand kit \"%1\"? Decks that embed it keep their colours; this cannot be undone.")
                  .arg(confirmDialog.kitName)
            wrapMode: Text.WordWrap
        }
        onAccepted: dialog.session.remove(kitId)
    }

    Connections {
        target: dialog.session
        function onCurrentKitChanged() { dialog.notice = "" }
    }
    onAboutToShow: notice = ""

    ColorDialog {
        id: colorDialog
        property string token: ""
        title: qsTr("Colour of %1").arg(token)
        onAccepted: dialog.session.setColor(token, selectedColor.toString())
    }

    FileDialog {
        id: logoDialog
        title: qsTr("Import logo")
        nameFilters: [qsTr("Images (*.png *.jpg *.jpeg *.svg)")]
        onAccepted: dialog.session.importLogo(selectedFile, "")
    }

    RowLayout {
        anchors.fill: parent
        spacing: 12

        // ---- the kits ----
        ColumnLayout {
            Layout.preferredWidth: 250
            Layout.fillHeight: true
            spacing: 6

            ListView {
                id: kitList
                objectName: "kitList"
                Layout.fillWidth: true
                Layout.fillHeight: true
                clip: true
                model: dialog.session.kits
                ScrollBar.vertical: ScrollBar {}
                delegate: ItemDelegate {
                    required property var model
                    readonly property string kitId: model.id
                    required property string name
                    required property bool builtin
                    required property color primaryColor
                    required property color backgroundColor
                    required property color textColor
                    width: ListView.view.width
                    highlighted: kitId === dialog.session.currentKitId
                    onClicked: dialog.session.currentKitId = kitId
                    contentItem: RowLayout {
                        spacing: 6
                        Rectangle {
                            width: 28
                            height: 20
                            color: backgroundColor
                            border.color: palette.mid
                            Rectangle { x: 3; y: 4; width: 10; height: 12; color: primaryColor }
                            Rectangle { x: 15; y: 8; width: 10; height: 4; color: textColor }
                        }
                        Label {
                            Layout.fillWidth: true
                            text: name
                            elide: Text.ElideRight
                        }
                        Label {
                            objectName: "inDeckBadge"
                            visible: kitId === dialog.session.deckKitId
                            text: qsTr("In this deck")
                            color: "#1e7b34"
                            font.pixelSize: 11
                        }
                        Label {
                            visible: builtin
                            text: qsTr("Built-in")
                            opacity: 0.6
                            font.pixelSize: 11
                        }
                    }
                }
            }

            GridLayout {
                Layout.fillWidth: true
                columns: 2
                Button {
                    objectName: "newKitButton"
                    Layout.fillWidth: true
                    text: qsTr("New…")
                    onClicked: nameDialog.ask("create", "", qsTr("My brand"))
                }
                Button {
                    objectName: "duplicateKitButton"
                    Layout.fillWidth: true
                    text: qsTr("Duplicate")
                    enabled: dialog.kit.id !== undefined
                    onClicked: dialog.session.duplicate(dialog.kit.id)
                }
                Button {
                    objectName: "renameKitButton"
                    Layout.fillWidth: true
                    text: qsTr("Rename…")
                    enabled: dialog.editable
                    onClicked: nameDialog.ask("rename", dialog.kit.id, dialog.kit.name)
                }
                Button {
                    objectName: "deleteKitButton"
                    Layout.fillWidth: true
                    text: qsTr("Delete…")
                    enabled: dialog.editable
                    onClicked: {
                        confirmDialog.kitId = dialog.kit.id
                        confirmDialog.kitName = dialog.kit.name
                        confirmDialog.open()
                    }
                }
                Button {
                    Layout.columnSpan: 2
                    Layout.fillWidth: true
                    text: qsTr("New kit from this deck…")
                    enabled: dialog.session.document !== null
                    ToolTip.visible: hovered
                    ToolTip.text: qsTr("Keep the open deck's colours, fonts and logos as a kit of your own")
                    onClicked: nameDialog.ask("fromDeck", "", dialog.session.deckKitName.length > 0
                                                              ? dialog.session.deckKitName : qsTr("Deck kit"))
                }
            }
            Label {
                Layout.fillWidth: true
                visible: dialog.session.loadErrors.length > 0
                text: qsTr("Some kit files were skipped:") + "\n" + dialog.session.loadErrors.join("\n")
                color: "#d64545"
                wrapMode: Text.WordWrap
                font.pixelSize: 11
            }
        }

        // ---- the selected kit ----
        ColumnLayout {
            // A fixed preference: the pages' implicit widths follow their width.
            Layout.preferredWidth: 600
            Layout.fillWidth: true
            Layout.fillHeight: true
            spacing: 6

            RowLayout {
                Layout.fillWidth: true
                Label {
                    Layout.fillWidth: true
                    text: dialog.kit.name !== undefined ? dialog.kit.name : qsTr("No kit chosen")
                    font.bold: true
                    font.pixelSize: 18
                    elide: Text.ElideRight
                }
                Button {
                    objectName: "applyKitButton"
                    text: qsTr("Apply to current deck")
                    enabled: dialog.kit.id !== undefined && dialog.session.document !== null
                    ToolTip.visible: hovered
                    ToolTip.text: qsTr("Restyle the open deck with this kit (one undo step)")
                    onClicked: {
                        if (dialog.session.applyToDocument().length === 0)
                            dialog.notice = qsTr("The open deck now uses \"%1\"; Undo restores its previous kit.")
                                            .arg(dialog.kit.name)
                    }
                }
                Button {
                    objectName: "newDeckFromKitButton"
                    text: qsTr("New deck from this kit")
                    enabled: dialog.kit.id !== undefined
                    onClicked: {
                        const run = () => {
                            if (dialog.session.newDeck("").length === 0)
                                dialog.close()
                        }
                        if (dialog.confirmLeave)
                            dialog.confirmLeave(run)
                        else
                            run()
                    }
                }
            }
            Label {
                Layout.fillWidth: true
                visible: dialog.kit.builtin === true
                text: qsTr("A built-in kit is read-only: duplicate it to make your own changes.")
                opacity: 0.75
                wrapMode: Text.WordWrap
            }
            Label {
                Layout.fillWidth: true
                text: qsTr("The open deck uses: %1").arg(dialog.session.deckKitName.length > 0
                                                         ? dialog.session.deckKitName
                                                         : qsTr("a kit of its own, without a name"))
                visible: dialog.session.document !== null
                opacity: 0.75
                elide: Text.ElideRight
            }
            Label {
                objectName: "kitNotice"
                Layout.fillWidth: true
                visible: dialog.notice.length > 0 && dialog.session.lastError.length === 0
                text: dialog.notice
                color: "#1e7b34"
                wrapMode: Text.WordWrap
            }
            Label {
                objectName: "kitError"
                Layout.fillWidth: true
                visible: dialog.session.lastError.length > 0
                text: dialog.session.lastError
                color: "#d64545"
                wrapMode: Text.WordWrap
            }

            TabBar {
                id: tabs
                objectName: "kitTabs"
                Layout.fillWidth: true
                TabButton { text: qsTr("Colours") }
                TabButton { text: qsTr("Fonts") }
                TabButton { text: qsTr("Logos") }
                TabButton { text: qsTr("Guidance") }
            }

            StackLayout {
                Layout.fillWidth: true
                Layout.fillHeight: true
                currentIndex: tabs.currentIndex
                visible: dialog.kit.id !== undefined

                BrandKitColors { kitDialog: dialog; colorPicker: colorDialog }

                // ---- fonts ----
                ScrollView {
                    clip: true
                    contentWidth: availableWidth
                    ColumnLayout {
                        width: parent.width
                        spacing: 6
                        Repeater {
                            model: dialog.kit.fonts !== undefined ? dialog.kit.fonts : []
                            delegate: RowLayout {
                                required property var modelData
                                Layout.fillWidth: true
                                Label { text: modelData.role; Layout.preferredWidth: 90; font.bold: true }
                                ComboBox {
                                    objectName: "fontRole_" + modelData.role
                                    Layout.fillWidth: true
                                    enabled: dialog.editable
                                    editable: true
                                    model: dialog.session.fontFamilies
                                    Component.onCompleted: {
                                        const i = find(modelData.family)
                                        currentIndex = i
                                        if (i < 0)
                                            editText = modelData.family
                                    }
                                    onActivated: index => dialog.session.setFont(modelData.role, textAt(index))
                                    onAccepted: dialog.session.setFont(modelData.role, editText)
                                }
                                Label {
                                    Layout.preferredWidth: 220
                                    text: modelData.substituted
                                          ? qsTr("⚠ Not installed here: drawn with %1").arg(modelData.resolved)
                                          : qsTr("Installed")
                                    color: modelData.substituted ? "#c77700" : palette.windowText
                                    opacity: modelData.substituted ? 1 : 0.6
                                    wrapMode: Text.WordWrap
                                }
                                Button {
                                    text: qsTr("Remove")
                                    enabled: dialog.editable
                                    onClicked: dialog.session.removeFont(modelData.role)
                                }
                            }
                        }
                        Label {
                            Layout.fillWidth: true
                            text: qsTr("Slides name roles as brand:heading, brand:body…; a family that is not installed is replaced by its fallbacks when drawing and exporting.")
                            wrapMode: Text.WordWrap
                            opacity: 0.7
                        }
                        RowLayout {
                            visible: dialog.editable
                            TextField {
                                id: newRole
                                placeholderText: qsTr("Role, e.g. caption")
                                Layout.preferredWidth: 160
                            }
                            ComboBox {
                                id: newRoleFamily
                                Layout.fillWidth: true
                                editable: true
                                model: dialog.session.fontFamilies
                            }
                            Button {
                                text: qsTr("Add role")
                                enabled: newRole.text.trim().length > 0
                                onClicked: {
                                    if (dialog.session.setFont(newRole.text, newRoleFamily.editText).length === 0)
                                        newRole.text = ""
                                }
                            }
                        }
                    }
                }

                // ---- logos ----
                ScrollView {
                    clip: true
                    contentWidth: availableWidth
                    ColumnLayout {
                        width: parent.width
                        spacing: 8
                        Button {
                            text: qsTr("Import logo…")
                            enabled: dialog.editable
                            onClicked: logoDialog.open()
                        }
                        Flow {
                            Layout.fillWidth: true
                            spacing: 10
                            Repeater {
                                model: dialog.kit.logos !== undefined ? dialog.kit.logos : []
                                delegate: Frame {
                                    required property var modelData
                                    width: 200
                                    ColumnLayout {
                                        anchors.fill: parent
                                        Rectangle {
                                            Layout.fillWidth: true
                                            Layout.preferredHeight: 100
                                            color: modelData.variant === "dark" ? "#1b1d21" : "#ffffff"
                                            border.color: palette.mid
                                            Image {
                                                objectName: "logoPreview_" + modelData.id
                                                anchors.fill: parent
                                                anchors.margins: 6
                                                source: modelData.source
                                                sourceSize.width: 180
                                                sourceSize.height: 90
                                                fillMode: Image.PreserveAspectFit
                                            }
                                            Label {
                                                anchors.centerIn: parent
                                                visible: !modelData.readable
                                                text: qsTr("Image missing")
                                                color: "#d64545"
                                            }
                                        }
                                        Label {
                                            Layout.fillWidth: true
                                            text: modelData.name.length > 0 ? modelData.name : modelData.id
                                            elide: Text.ElideRight
                                        }
                                        ComboBox {
                                            Layout.fillWidth: true
                                            enabled: dialog.editable
                                            model: [qsTr("Any background"), qsTr("Light backgrounds"), qsTr("Dark backgrounds")]
                                            readonly property var variants: ["", "light", "dark"]
                                            currentIndex: Math.max(0, variants.indexOf(modelData.variant))
                                            onActivated: index => dialog.session.setLogoVariant(modelData.id, variants[index])
                                        }
                                        Button {
                                            text: qsTr("Remove")
                                            enabled: dialog.editable
                                            onClicked: dialog.session.removeLogo(modelData.id)
                                        }
                                    }
                                }
                            }
                        }
                        Label {
                            Layout.fillWidth: true
                            text: qsTr("PNG, JPEG or SVG files; each image is stored once, by its content.")
                            opacity: 0.7
                            wrapMode: Text.WordWrap
                        }
                    }
                }

                // ---- guidance ----
                ScrollView {
                    clip: true
                    contentWidth: availableWidth
                    GridLayout {
                        width: parent.width
                        columns: 2
                        columnSpacing: 12
                        rowSpacing: 8
                        readonly property var guidance: dialog.kit.guidance !== undefined ? dialog.kit.guidance : ({})
                        Label { text: qsTr("Smallest font size (pt)") }
                        SpinBox {
                            enabled: dialog.editable
                            from: 0
                            to: 400
                            editable: true
                            value: parent.guidance.minFontSize !== undefined ? parent.guidance.minFontSize : 0
                            onValueModified: dialog.session.setMinFontSize(value)
                        }
                        Label { text: qsTr("Contrast level") }
                        ComboBox {
                            objectName: "contrastLevelBox"
                            enabled: dialog.editable
                            model: ["AA", "AAA"]
                            currentIndex: parent.guidance.contrast === "AAA" ? 1 : 0
                            onActivated: index => dialog.session.setContrastLevel(index === 1 ? "AAA" : "AA")
                        }
                        Label { text: qsTr("Only the kit's colours") }
                        Switch {
                            enabled: dialog.editable
                            checked: parent.guidance.allowedColorsOnly === true
                            onToggled: dialog.session.setAllowedColorsOnly(checked)
                        }
                        Label { text: qsTr("Only the kit's fonts") }
                        Switch {
                            enabled: dialog.editable
                            checked: parent.guidance.allowedFontsOnly === true
                            onToggled: dialog.session.setAllowedFontsOnly(checked)
                        }
                        Label {
                            Layout.alignment: Qt.AlignTop
                            text: qsTr("Rules for people\n(one per line)")
                        }
                        ColumnLayout {
                            Layout.fillWidth: true
                            TextArea {
                                id: rules
                                objectName: "guidanceRules"
                                Layout.fillWidth: true
                                Layout.preferredHeight: 160
                                readOnly: !dialog.editable
                                wrapMode: TextEdit.Wrap
                                text: parent.parent.guidance.rules !== undefined ? parent.parent.guidance.rules : ""
                            }
                            Button {
                                text: qsTr("Save rules")
                                enabled: dialog.editable
                                onClicked: dialog.session.setGuidanceRules(rules.text)
                            }
                        }
                    }
                }
            }
        }
    }
}
