// SPDX-License-Identifier: GPL-3.0-or-later
import QtQuick
import QtTest
import Slidespec.Ui

// The brand-kit dialog against a real BrandKitLibrary in a temporary folder
// and a DocumentController opened on tests/qml/data/canvas-deck.json:
// editing a colour of a kit and applying it restyles the canvas in one undo
// step; kits are created, validated, duplicated, renamed and deleted through
// the dialog; the contrast matrix reports a failing pair.
Item {
    id: root
    width: 1300
    height: 800

    EditorSession { id: editor }
    SlideCanvas { id: canvas; x: 0; y: 0; width: 1000; height: 700; session: editor }
    BrandKitSession { id: kits }
    BrandKitDialog { id: dialog; session: kits }

    TestCase {
        name: "BrandKitUi"
        when: windowShown

        property var document: null

        function init() {
            document = testDecks.open("canvas-deck.json")
            verify(document !== null)
            editor.document = document
            kits.document = document
            kits.folder = testDecks.tempFolder()
            canvas.setZoom(1)
            wait(20)
        }
        function openDialog() {
            dialog.tabs.currentIndex = 0
            dialog.open()
            tryCompare(dialog, "opened", true)
        }
        function closeDialog() {
            dialog.close()
            tryCompare(dialog, "visible", false)
        }
        function cleanup() {
            dialog.nameDialog.close()
            dialog.confirmDialog.close()
            dialog.close()
            tryCompare(dialog, "visible", false)
            editor.document = null
            kits.document = null
        }

        function find(name) {
            const item = findChild(dialog.contentItem, name)
            verify(item, "the dialog has " + name)
            return item
        }
        // The colour the canvas shows at slide point (x, y).
        function canvasPixel(x, y) {
            const view = findChild(canvas, "slideView")
            const p = view.mapToItem(canvas, x * canvas.zoom, y * canvas.zoom)
            return grabImage(canvas).pixel(Math.round(p.x), Math.round(p.y))
        }
        function typeInto(field, text) {
            field.forceActiveFocus()
            field.selectAll()
            keyClick(Qt.Key_Delete)
            for (const ch of text)
                keyClick(ch)
        }
        function kitNames() {
            const names = []
            for (let i = 0; i < dialog.kitList.count; ++i) {
                dialog.kitList.currentIndex = i
                names.push(dialog.kitList.currentItem.name)
            }
            return names
        }
        function nameKit(name) {
            tryCompare(dialog.nameDialog, "opened", true)
            typeInto(dialog.nameDialog.nameField, name)
            const ok = findChild(dialog.nameDialog.footer, "kitNameOk")
            verify(ok.enabled, dialog.nameDialog.problem)
            mouseClick(ok)
            tryCompare(dialog.nameDialog, "visible", false)
        }

        function test_editedColourRestylesTheDeckInOneUndoStep() {
            // "block" is filled with brand:primary (#1f3a93).
            compare(canvasPixel(200, 200), Qt.color("#1f3a93"))
            openDialog()
            // Keep the deck's kit as a kit of our own, then edit its primary.
            dialog.nameDialog.ask("fromDeck", "", "Canvas kit")
            nameKit("Canvas kit")
            compare(kits.kit.name, "Canvas kit")
            compare(kits.kit.builtin, false)
            const hex = find("colorHex_primary")
            compare(hex.text, "#1f3a93")
            typeInto(hex, "#00a651")
            keyClick(Qt.Key_Return)
            tryVerify(() => kits.kit.colors.find(c => c.token === "primary").hex === "#00a651")
            compare(kits.lastError, "")
            verify(!document.undoStack.canUndo, "editing the kit alone leaves the deck")

            mouseClick(find("applyKitButton"))
            compare(kits.lastError, "")
            verify(find("kitNotice").visible, "the dialog says what happened")
            closeDialog()
            tryVerify(() => Qt.colorEqual(canvasPixel(200, 200), "#00a651"), 2000, "the canvas shows the new primary")
            compare(canvasPixel(600, 200), Qt.color("#e4572e"), "other tokens stay")
            compare(document.undoStack.undoText, "Apply brand kit")
            compare(kits.deckKitId, kits.currentKitId, "the list marks the deck's kit")

            document.undoStack.undo()
            verify(!document.undoStack.canUndo, "applying the kit was one undo step")
            tryVerify(() => Qt.colorEqual(canvasPixel(200, 200), "#1f3a93"), 2000, "one undo restores the deck")

            // Applying the same kit twice changes nothing the second time.
            document.undoStack.redo()
            openDialog()
            mouseClick(find("applyKitButton"))
            verify(kits.lastError.length > 0, "a no-op apply says so")
        }

        function test_createValidateDuplicateRenameDelete() {
            openDialog()
            const before = dialog.kitList.count
            verify(before >= 3, "the bundled kits are listed")

            mouseClick(find("newKitButton"))
            nameKit("Team kit")
            compare(dialog.kitList.count, before + 1)
            compare(kits.kit.name, "Team kit")
            verify(kits.kit.fileName.indexOf(kits.folder) === 0, "the kit is a file in the user's folder")

            // A second kit of the same name is refused before it is made.
            mouseClick(find("newKitButton"))
            tryCompare(dialog.nameDialog, "opened", true)
            typeInto(dialog.nameDialog.nameField, "team KIT")
            verify(!findChild(dialog.nameDialog.footer, "kitNameOk").enabled)
            verify(dialog.nameDialog.problem.indexOf("Team kit") >= 0, dialog.nameDialog.problem)
            typeInto(dialog.nameDialog.nameField, "   ")
            verify(!findChild(dialog.nameDialog.footer, "kitNameOk").enabled, "a blank name is refused")
            dialog.nameDialog.close()

            mouseClick(find("duplicateKitButton"))
            compare(kits.lastError, "")
            compare(kits.kit.name, "Copy of Team kit")
            compare(dialog.kitList.count, before + 2)

            mouseClick(find("renameKitButton"))
            nameKit("Sales kit")
            compare(kits.kit.name, "Sales kit")
            verify(kitNames().indexOf("Sales kit") >= 0)
            verify(kitNames().indexOf("Copy of Team kit") < 0)

            mouseClick(find("deleteKitButton"))
            tryCompare(dialog.confirmDialog, "opened", true)
            verify(dialog.confirmDialog.kitName === "Sales kit")
            mouseClick(findChild(dialog.confirmDialog.footer, "kitDeleteConfirm"))
            tryCompare(dialog.confirmDialog, "visible", false)
            compare(dialog.kitList.count, before + 1)
            verify(kitNames().indexOf("Sales kit") < 0)
            verify(kitNames().indexOf("Team kit") >= 0)
        }

        function test_builtinKitsAreReadOnlyButDuplicate() {
            openDialog()
            kits.currentKitId = "northwind"
            compare(kits.kit.builtin, true)
            verify(!find("deleteKitButton").enabled)
            verify(!find("renameKitButton").enabled)
            verify(find("colorHex_primary").readOnly)
            compare(kits.setColor("primary", "#000000").length > 0, true, "the session refuses too")
            mouseClick(find("duplicateKitButton"))
            compare(kits.kit.builtin, false)
            verify(!find("colorHex_primary").readOnly)
        }

        function test_contrastMatrixFlagsAFailingPair() {
            openDialog()
            mouseClick(find("newKitButton"))
            nameKit("Contrast kit")
            compare(kits.kit.failures.length, 0, "the starter kit passes")
            const summary = find("contrastSummary")
            const before = summary.text
            // Light grey text on a white background fails AA.
            const hex = find("colorHex_text")
            typeInto(hex, "#dddddd")
            keyClick(Qt.Key_Return)
            tryVerify(() => kits.kit.failures.length > 0)
            verify(kits.kit.failures[0].indexOf("text on background") === 0, kits.kit.failures[0])
            verify(summary.text !== before)
            const cell = find("contrastCell_text_background")
            compare(cell.badge, "fail")
            compare(find("contrastCell_onPrimary_primary").badge === "fail", false)
        }

        function test_logosImportWithPreviews() {
            openDialog()
            mouseClick(find("newKitButton"))
            nameKit("Logo kit")
            dialog.tabs.currentIndex = 2
            compare(kits.importLogo("qrc:/slidespec/samples/assets/warehouse-aisle.png", "light"), "")
            compare(kits.importLogo("qrc:/slidespec/samples/assets/northwind-logo.svg", ""), "")
            compare(kits.kit.logos.length, 2)
            // The same image again is the same logo: stored once, by content.
            compare(kits.importLogo("qrc:/slidespec/samples/assets/warehouse-aisle.png", "light"), "")
            compare(kits.kit.logos.length, 2)
            for (const logo of kits.kit.logos) {
                const preview = findChild(dialog.contentItem, "logoPreview_" + logo.id)
                verify(preview, logo.id)
                tryCompare(preview, "status", Image.Ready)
                verify(preview.implicitWidth > 0)
            }
            const error = kits.importLogo("qrc:/slidespec/samples/pitch-deck.json", "")
            verify(error.indexOf("not a PNG, JPEG or SVG") >= 0, error)
            compare(kits.kit.logos.length, 2)
        }

        function test_tokensAddRemoveAndBadNamesAreExplained() {
            openDialog()
            mouseClick(find("newKitButton"))
            nameKit("Token kit")
            const count = kits.kit.colors.length
            typeInto(find("newColorToken"), "highlight")
            typeInto(find("newColorHex"), "#ffcc00")
            mouseClick(find("addColorButton"))
            compare(kits.lastError, "")
            compare(kits.kit.colors.length, count + 1)
            verify(find("colorHex_highlight"))

            typeInto(find("newColorToken"), "bad token")
            mouseClick(find("addColorButton"))
            verify(kits.lastError.indexOf("bad token") >= 0, kits.lastError)
            verify(find("kitError").visible)

            typeInto(find("colorHex_highlight"), "not-a-colour")
            keyClick(Qt.Key_Return)
            verify(kits.lastError.indexOf("#RRGGBB") >= 0, kits.lastError)
            compare(find("colorHex_highlight").text, "#ffcc00", "a refused value goes back")

            verify(kits.removeColor("highlight") === "")
            compare(kits.kit.colors.length, count)
        }
    }
}
