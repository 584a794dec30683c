// SPDX-License-Identifier: GPL-3.0-or-later
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts

// "Save changes?" before the open deck is left (quit, open, new) while it
// has unsaved changes: Save, Don't save or Cancel. ask() remembers what to
// do next; the window runs it after a save or a discard, never on Cancel.
Dialog {
    id: dialog

    /*! The deck's name as the title bar shows it. */
    property string deckName: ""
    /*! What to do once the changes are saved or discarded. */
    property var pendingAction: null

    signal saveChosen(var action)
    signal discardChosen(var action)

    objectName: "saveChangesDialog"
    title: qsTr("Save changes?")
    modal: true
    anchors.centerIn: parent
    width: 460
    closePolicy: Popup.CloseOnEscape

    /*! Asks about the open deck's changes, then (unless cancelled) runs \a action. */
    function ask(action) {
        pendingAction = action
        open()
    }
    /*! Clicks a choice: "save", "discard" or "cancel" (also what the buttons do). */
    function choose(choice) {
        const action = pendingAction
        pendingAction = null
        close()
        if (choice === "save")
            saveChosen(action)
        else if (choice === "discard")
            discardChosen(action)
    }

    // Our own buttons: the standard ones' texts would need Qt's translations.
    footer: DialogButtonBox {
        Button {
            objectName: "saveChangesSave"
            text: qsTr("Save")
            onClicked: dialog.choose("save")
        }
        Button {
            objectName: "saveChangesDiscard"
            text: qsTr("Don't save")
            onClicked: dialog.choose("discard")
        }
        Button {
            objectName: "saveChangesCancel"
            text: qsTr("Cancel")
            onClicked: dialog.choose("cancel")
        }
    }
    onRejected: pendingAction = null

    Label {
        width: parent.width
        wrapMode: Text.WordWrap
        text: qsTr("“%1” has changes that are not saved. Save them before you go on? If you don't, they are lost.")
              .arg(dialog.deckName)
    }
}
