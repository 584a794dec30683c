// SPDX-License-Identifier: GPL-3.0-or-later
import QtQuick
import QtTest
import Slidespec.Ui

// The template gallery against a real TemplateLibrary (user folder: a
// temporary one) and a DocumentController opened on
// tests/qml/data/canvas-deck.json: the built-in templates are listed with
// thumbnails rendered off the UI thread; the current slide is saved as a
// template, appears, is inserted (one undo step) and deleted; names are
// checked; search filters; a deck template makes a new deck.
Item {
    id: root
    width: 1300
    height: 800

    TemplateSession { id: templates }
    TemplateGalleryDialog { id: gallery; session: templates }

    TestCase {
        name: "TemplateUi"
        when: windowShown

        property var document: null

        function init() {
            document = testDecks.open("canvas-deck.json")
            verify(document !== null)
            templates.document = document
            templates.folder = testDecks.tempFolder()
            templates.templates.searchText = ""
            templates.templates.kind = ""
            gallery.clearChoice()
            gallery.open()
            tryCompare(gallery, "opened", true)
        }
        function cleanup() {
            gallery.nameDialog.close()
            gallery.confirmDialog.close()
            gallery.close()
            tryCompare(gallery, "visible", false)
            templates.document = null
        }

        function find(name) {
            const item = findChild(gallery.contentItem, name)
            verify(item, "the gallery has " + name)
            return item
        }
        function typeInto(field, text) {
            field.forceActiveFocus()
            field.selectAll()
            keyClick(Qt.Key_Delete)
            for (const ch of text)
                keyClick(ch)
        }
        function rows() {
            const out = []
            const model = templates.templates
            for (let row = 0; row < model.count; ++row)
                out.push({id: model.get(row, "id"), kind: model.get(row, "kind"), name: model.get(row, "name"),
                          builtin: model.get(row, "builtin")})
            return out
        }
        function tileOf(id, kind) {
            const list = rows()
            for (let row = 0; row < list.length; ++row) {
                if (list[row].id === id && list[row].kind === kind) {
                    gallery.grid.positionViewAtIndex(row, GridView.Contain)
                    return gallery.grid.itemAtIndex(row)
                }
            }
            return null
        }
        function saveAs(kind, name) {
            mouseClick(find(kind === "deck" ? "saveDeckTemplateButton" : "saveSlideTemplateButton"))
            tryCompare(gallery.nameDialog, "opened", true)
            typeInto(gallery.nameDialog.nameField, name)
            const save = findChild(gallery.nameDialog.footer, "templateSaveButton")
            verify(save.enabled, gallery.nameDialog.problem)
            mouseClick(save)
            tryCompare(gallery.nameDialog, "visible", false)
            compare(templates.lastError, "")
        }

        function test_builtinTemplatesListedWithThumbnails() {
            const list = rows()
            const slides = list.filter(r => r.kind === "slide" && r.builtin).map(r => r.id)
            for (const id of ["title", "title-body", "two-columns", "quote", "blank"])
                verify(slides.indexOf(id) >= 0, "the built-in slide template " + id + " is listed")
            const decks = list.filter(r => r.kind === "deck" && r.builtin).map(r => r.id)
            verify(decks.indexOf("pitch-deck") >= 0, "the sample decks are built-in deck templates")
            compare(gallery.grid.count, list.length)

            // The thumbnail of the first tile is painted (asynchronously).
            const tile = tileOf("title", "slide")
            verify(tile)
            const image = findChild(tile, "templateThumbnail")
            tryCompare(image, "status", Image.Ready, 5000)
            verify(image.implicitWidth > 0)
            const deckTile = tileOf("pitch-deck", "deck")
            tryCompare(findChild(deckTile, "templateThumbnail"), "status", Image.Ready, 5000)
        }

        function test_saveSlideAsTemplateInsertItAndDeleteIt() {
            const before = gallery.grid.count
            saveAs("slide", "Canvas layout")
            compare(gallery.grid.count, before + 1)
            const saved = rows().find(r => r.name === "Canvas layout")
            verify(saved, "the saved template is listed")
            compare(saved.kind, "slide")
            compare(saved.builtin, false)
            compare(gallery.selectedId, saved.id, "and chosen")
            verify(find("templateNotice").visible && find("templateNotice").text.indexOf("Canvas layout") >= 0)
            const tile = tileOf(saved.id, "slide")
            verify(tile)
            tryCompare(findChild(tile, "templateThumbnail"), "status", Image.Ready, 5000)

            // Insert it after the current (first) slide.
            compare(document.slideCount, 2)
            mouseClick(find("insertTemplateSlideButton"))
            compare(templates.lastError, "")
            tryCompare(gallery, "visible", false)
            compare(document.slideCount, 3)
            compare(document.currentSlide, 1, "the new slide follows the current one and becomes current")
            compare(document.undoStack.undoText, "Insert slide from template")
            document.undoStack.undo()
            compare(document.slideCount, 2, "one undo removes it")
            verify(!document.undoStack.canUndo)

            // Delete it, with confirmation.
            gallery.open()
            tryCompare(gallery, "opened", true)
            verify(gallery.choose(saved.id, "slide"))
            const remove = find("deleteTemplateButton")
            verify(remove.enabled)
            mouseClick(remove)
            tryCompare(gallery.confirmDialog, "opened", true)
            mouseClick(findChild(gallery.confirmDialog.footer, "templateDeleteConfirm"))
            tryCompare(gallery.confirmDialog, "visible", false)
            compare(templates.lastError, "")
            compare(gallery.grid.count, before)
            verify(!rows().find(r => r.name === "Canvas layout"), "the deleted template is gone")
            compare(gallery.selectedId, "")
        }

        function test_builtinTemplatesCannotBeDeleted() {
            verify(gallery.choose("title", "slide"))
            verify(!find("deleteTemplateButton").enabled)
            verify(templates.remove("title").length > 0, "the session refuses too")
            verify(gallery.choose("pitch-deck", "deck"))
            verify(!find("deleteTemplateButton").enabled)
            verify(!find("insertTemplateSlideButton").enabled, "a deck template is not a slide")
        }

        function test_namesAreChecked() {
            mouseClick(find("saveSlideTemplateButton"))
            tryCompare(gallery.nameDialog, "opened", true)
            const save = findChild(gallery.nameDialog.footer, "templateSaveButton")
            verify(!save.enabled, "no name, no save")
            const builtinName = rows().find(r => r.id === "title").name
            typeInto(gallery.nameDialog.nameField, builtinName.toUpperCase())
            verify(!save.enabled, "a name that is taken")
            verify(gallery.nameDialog.problem.indexOf(builtinName) >= 0, gallery.nameDialog.problem)
            typeInto(gallery.nameDialog.nameField, "x".repeat(81))
            verify(!save.enabled, "a name that is too long")
            typeInto(gallery.nameDialog.nameField, "Fine name")
            verify(save.enabled)
            gallery.nameDialog.close()
            // The session checks the same way.
            verify(templates.saveSlideAsTemplate("  ").length > 0)
            verify(templates.lastError.length > 0)
        }

        function test_searchFilters() {
            const all = gallery.grid.count
            typeInto(gallery.search, "quote")
            tryVerify(() => gallery.grid.count > 0 && gallery.grid.count < all)
            verify(rows().every(r => r.name.toLowerCase().indexOf("quote") >= 0 || r.id.indexOf("quote") >= 0))
            typeInto(gallery.search, "no template is called this")
            tryCompare(gallery.grid, "count", 0)
            typeInto(gallery.search, "")
            tryCompare(gallery.grid, "count", all)
            templates.templates.kind = "deck"
            verify(rows().every(r => r.kind === "deck"))
        }

        function test_openForDeckTemplatesShowsOnlyDecks() {
            gallery.close()
            tryCompare(gallery, "visible", false)
            gallery.openFor("deck")
            tryCompare(gallery, "opened", true)
            verify(gallery.grid.count > 0)
            verify(rows().every(r => r.kind === "deck"), "the menu's \"New deck from template…\" shows deck templates")
            compare(findChild(gallery.contentItem, "templateKindBox").currentIndex, 2)
            gallery.close()
            tryCompare(gallery, "visible", false)
            gallery.openFor("")
            tryCompare(gallery, "opened", true)
            verify(rows().some(r => r.kind === "slide"))
        }

        function test_deckTemplateAndNewDeck() {
            saveAs("deck", "Canvas deck")
            const saved = rows().find(r => r.name === "Canvas deck")
            verify(saved)
            compare(saved.kind, "deck")
            compare(gallery.selectedKind, "deck")
            // A new deck from it: no workspace here, so an untitled deck.
            mouseClick(find("newDeckFromTemplateButton"))
            compare(templates.lastError, "")
            tryCompare(gallery, "visible", false)
            compare(document.slideCount, 2)
            compare(document.filePath, "", "the new deck has no file yet")

            // A slide template makes a one-slide deck in the open deck's kit.
            gallery.open()
            tryCompare(gallery, "opened", true)
            verify(gallery.choose("quote", "slide"))
            mouseClick(find("newDeckFromTemplateButton"))
            compare(templates.lastError, "")
            compare(document.slideCount, 1)
        }
    }
}
