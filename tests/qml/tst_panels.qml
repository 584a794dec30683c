// SPDX-License-Identifier: GPL-3.0-or-later
import QtQuick
import QtTest
import Slidespec.Ui

// The slide strip, issues panel, inspector and component palette against a
// DocumentController opened on tests/qml/data/canvas-deck.json.
Item {
    id: root
    width: 1200
    height: 800

    EditorSession { id: session }

    SlidesPanel { id: slides; x: 0; width: 240; height: 800; session: session }
    IssuesPanel { id: issues; x: 240; width: 320; height: 800; session: session }
    Inspector { id: inspector; x: 560; width: 320; height: 800; session: session }
    ComponentPalette { id: palette; x: 880; width: 320; height: 800; session: session }
    // A small canvas under the inspector, to drop palette tiles on.
    SlideCanvas { id: canvas; x: 560; y: 500; width: 320; height: 300; session: session }

    TestCase {
        name: "Panels"
        when: windowShown

        property var document: null

        function init() {
            document = testDecks.open("canvas-deck.json")
            verify(document !== null)
            session.document = document
            wait(20)
        }
        function cleanup() {
            session.document = null
        }
        function frameOf(id) { return session.element(id) }

        function test_slideStripAddsClicksAndReorders() {
            const list = findChild(slides, "slideList")
            tryCompare(list, "count", 2)
            verify(session.addSlide("title-body") >= 0)
            tryCompare(list, "count", 3)
            compare(document.currentSlide, 1, "the new slide follows the current one and becomes current")
            // Click the first thumbnail.
            mouseClick(list.itemAtIndex(0))
            compare(document.currentSlide, 0)
            // Drag the first thumbnail onto the third.
            const first = list.itemAtIndex(0)
            const third = list.itemAtIndex(2)
            const target = third.mapToItem(first, third.width / 2, third.height / 2)
            mousePress(first, first.width / 2, first.height / 2)
            mouseMove(first, target.x, target.y)
            mouseRelease(first, target.x, target.y)
            tryCompare(list.itemAtIndex(2), "title", "Canvas tests")
            compare(document.currentSlide, 2)
        }

        // The colour of thumbnail \a thumb at slide point (x, y).
        function thumbPixel(thumb, x, y) {
            const scale = thumb.width / session.slideWidth
            const p = thumb.mapToItem(root, x * scale, y * scale)
            return grabImage(root).pixel(Math.round(p.x), Math.round(p.y))
        }

        function test_thumbnailsRenderOffTheUiThreadAndFollowEdits() {
            const list = findChild(slides, "slideList")
            tryCompare(list, "count", 2)
            const first = findChild(list.itemAtIndex(0), "thumbnail_0")
            const second = findChild(list.itemAtIndex(1), "thumbnail_1")
            verify(first && second)
            tryCompare(first, "status", Image.Ready, 20000)
            tryCompare(second, "status", Image.Ready, 20000)
            compare(thumbPixel(first, 200, 200), Qt.color("#1f3a93"), "the block, in brand:primary")
            const firstSource = first.source
            const secondSource = second.source

            verify(document.moveElements(["block"], 0, 200))
            verify(first.source !== firstSource, "the edited slide's thumbnail is stale")
            compare(first.status, Image.Loading, "and renders elsewhere: the edit did not wait for it")
            compare(second.source, secondSource, "the other slide's thumbnail stays")
            compare(second.status, Image.Ready)
            tryCompare(first, "status", Image.Ready, 20000)
            compare(thumbPixel(first, 200, 400), Qt.color("#1f3a93"), "the new thumbnail shows the move")
            compare(thumbPixel(first, 200, 200), Qt.color("#ffffff"))

            // After undo the thumbnail follows again.
            document.undoStack.undo()
            tryVerify(() => first.status === Image.Ready && thumbPixel(first, 200, 200) === Qt.color("#1f3a93"),
                      20000)
        }

        function test_issueClickRevealsAndFixRepairs() {
            const list = findChild(issues, "issueList")
            compare(list.count, 0)
            // "other" overlaps "block" by 10 pt: a nudge fixes it.
            verify(document.moveElements(["other"], -210, 0))
            tryVerify(() => list.count > 0)
            let row = -1
            for (let i = 0; i < list.count; ++i)
                if (list.itemAtIndex(i).ruleId === "overlap")
                    row = i
            verify(row >= 0)
            document.clearSelection()
            mouseClick(list.itemAtIndex(row), 20, 10)
            compare(document.selection.slice().sort(), ["block", "other"])
            const fix = findChild(list.itemAtIndex(row), "fixButton")
            verify(fix && fix.visible, "the overlap offers a fix")
            mouseClick(fix)
            tryCompare(list, "count", 0)
            document.undoStack.undo()
            tryVerify(() => list.count > 0, 1000, "undo brings the overlap back")
        }

        function test_inspectorEditsGeometryAndFlagsOffBrand() {
            document.selection = ["block"]
            const x = findChild(inspector, "xField")
            verify(x)
            tryCompare(x, "text", "100")
            x.text = "123"
            x.editingFinished()
            compare(frameOf("block").x, 123)
            verify(!frameOf("block").fillOffBrand)
            verify(session.setFill("block", "#123456"))
            verify(frameOf("block").fillOffBrand, "a literal colour outside the kit is off-brand")
            verify(session.setFill("block", "brand:accent"))
            verify(!frameOf("block").fillOffBrand)
        }

        function test_inspectorEditsOutline() {
            document.selection = ["block"]
            const box = findChild(inspector, "strokeBox")
            const width = findChild(inspector, "strokeWidthField")
            verify(box && width)
            tryCompare(box, "currentIndex", 0) // none
            verify(!width.visible)
            // Pick the accent token: a 1 pt outline in brand:accent, one undo step.
            const accent = 1 + session.brandColors.findIndex(c => c.token === "accent")
            box.currentIndex = accent
            box.activated(accent)
            compare(frameOf("block").stroke, "brand:accent")
            compare(frameOf("block").strokeWidth, 1)
            tryVerify(() => width.visible)
            width.text = "4"
            width.editingFinished()
            compare(frameOf("block").strokeWidth, 4)
            compare(frameOf("block").stroke, "brand:accent", "the width keeps the colour")
            verify(!frameOf("block").strokeOffBrand)
            verify(session.setStroke("block", "#123456", 2))
            verify(frameOf("block").strokeOffBrand, "a literal colour outside the kit is flagged")
            verify(!session.setStroke("block", "not a colour", 2), "a bad colour is refused")
            box.activated(0)
            compare(frameOf("block").stroke, "", "None removes the outline")
            // Each action was one step: none, accent, 4 pt, #123456, none.
            document.undoStack.undo()
            compare(frameOf("block").stroke, "#123456")
            document.undoStack.undo()
            document.undoStack.undo()
            compare(frameOf("block").strokeWidth, 1)
            document.undoStack.undo()
            compare(frameOf("block").stroke, "")
            verify(!document.undoStack.canUndo)
        }

        function test_brandColourEditInInspector() {
            const field = findChild(inspector, "brandColor_primary")
            verify(field)
            field.text = "#00a651"
            field.editingFinished()
            compare(session.brandColors.find(c => c.token === "primary").color, Qt.color("#00a651"))
        }

        function test_paletteSearchAndDoubleClickInsert() {
            const list = findChild(palette, "componentList")
            const search = findChild(palette, "componentSearch")
            verify(list.count > 1)
            search.text = "card"
            tryVerify(() => list.count >= 1)
            const tile = findChild(list, "tile_card")
            verify(tile)
            const count = session.elements.length
            mouseDoubleClickSequence(tile)
            compare(session.elements.length, count + 1)
            compare(session.elements[count].kind, "component")
        }

        function test_paletteTileDraggedOntoCanvasInserts() {
            const list = findChild(palette, "componentList")
            findChild(palette, "componentSearch").text = "card"
            tryVerify(() => findChild(list, "tile_card") !== null)
            const tile = findChild(list, "tile_card")
            const count = session.elements.length
            // Drop point: the middle of the canvas page.
            const page = canvas.page
            const target = page.mapToItem(tile, page.width / 2, page.height / 2)
            mousePress(tile, 20, 20)
            for (let i = 1; i <= 10; ++i)
                mouseMove(tile, 20 + (target.x - 20) * i / 10, 20 + (target.y - 20) * i / 10)
            const end = page.mapToItem(tile, page.width / 2, page.height / 2)
            mouseRelease(tile, end.x, end.y)
            compare(session.elements.length, count + 1)
            const added = session.elements[count]
            compare(added.kind, "component")
            verify(added.x > session.slideWidth / 4 && added.x < session.slideWidth * 3 / 4,
                   "inserted where it was dropped")
        }

        function test_templateGalleryAddsSlide() {
            const list = findChild(slides, "slideList")
            tryCompare(list, "count", 2)
            const gallery = slides.gallery
            verify(gallery)
            gallery.open()
            tryCompare(gallery, "opened", true)
            const grid = findChild(gallery.contentItem, "templateGrid")
            tryVerify(() => grid.count === session.templates.length && grid.height > 100)
            const row = session.templates.indexOf("quote")
            tryVerify(() => grid.itemAtIndex(row) !== null)
            const quote = grid.itemAtIndex(row)
            mouseClick(quote)
            tryCompare(list, "count", 3)
            compare(list.itemAtIndex(1).layout, "quote")
            verify(!gallery.visible)
        }

        function test_controllerDeletedUnderTheSession() {
            verify(session.slides !== null)
            testDecks.close(document)
            document = null
            compare(session.document, null)
            compare(session.slides, null, "the models went with their controller")
            compare(session.elements.length, 0)
        }
    }
}
