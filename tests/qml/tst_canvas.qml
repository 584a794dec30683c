// SPDX-License-Identifier: GPL-3.0-or-later
import QtQuick
import QtTest
import Slidespec.Ui

// The canvas and the panels against a real DocumentController opened on
// tests/qml/data/canvas-deck.json (fresh for every test function).
Item {
    id: root
    width: 1300
    height: 700

    EditorSession { id: session }

    SlideCanvas {
        id: canvas
        x: 0
        y: 0
        width: 1000
        height: 700
        session: session
    }

    IssuesPanel {
        id: issuesPanel
        x: 1000
        width: 300
        height: 700
        session: session
    }

    // Stands in for a palette tile being dropped on the canvas.
    Rectangle {
        id: dragSource
        property string componentId: "card"
        width: 10
        height: 10
        visible: false
        Drag.keys: ["slidespec/component"]
    }

    TestCase {
        id: test
        name: "Canvas"
        when: windowShown

        property var document: null
        readonly property real zoom: canvas.zoom

        function init() {
            document = testDecks.open("canvas-deck.json")
            verify(document !== null)
            session.document = document
            canvas.setZoom(1)
            wait(20)
        }
        function cleanup() {
            session.document = null
        }

        function pointer() { return findChild(canvas, "pointer") }
        function frameOf(id) { return session.element(id) }

        function test_dragMovesElementAndOneUndoRestores() {
            const p = pointer()
            verify(p)
            compare(frameOf("block").x, 100)
            // Grab the block at its middle and drag by (37, 40) pt in steps.
            const sx = 200 * zoom, sy = 200 * zoom
            mousePress(p, sx, sy)
            for (let i = 1; i <= 5; ++i)
                mouseMove(p, sx + 37 * zoom * i / 5, sy + 40 * zoom * i / 5)
            mouseRelease(p, sx + 37 * zoom, sy + 40 * zoom)
            compare(document.selection, ["block"])
            fuzzyCompare(frameOf("block").x, 137, 0.01)
            fuzzyCompare(frameOf("block").y, 190, 0.01)
            document.undoStack.undo()
            compare(frameOf("block").x, 100)
            compare(frameOf("block").y, 150)
            verify(!document.undoStack.canUndo, "the whole drag was one undo step")
        }

        function test_clickSelectsShiftClickAddsBandSelects() {
            const p = pointer()
            mouseClick(p, 200 * zoom, 200 * zoom)
            compare(document.selection, ["block"])
            mouseClick(p, 600 * zoom, 200 * zoom, Qt.LeftButton, Qt.ShiftModifier)
            compare(document.selection.length, 2)
            mouseClick(p, 900 * zoom, 500 * zoom)
            compare(document.selection.length, 0, "a click on empty slide clears")
            // Rubber band from empty space over both rectangles.
            mousePress(p, 80 * zoom, 130 * zoom)
            mouseMove(p, 300 * zoom, 200 * zoom)
            mouseMove(p, 720 * zoom, 270 * zoom)
            mouseRelease(p, 720 * zoom, 270 * zoom)
            compare(document.selection.sort(), ["block", "other"])
        }

        function test_arrowKeysNudge() {
            document.selection = ["block"]
            const keys = findChild(canvas, "keyTarget")
            keys.forceActiveFocus()
            keyClick(Qt.Key_Right)
            keyClick(Qt.Key_Down, Qt.ShiftModifier)
            keyClick(Qt.Key_Right)
            fuzzyCompare(frameOf("block").x, 102, 0.01)
            fuzzyCompare(frameOf("block").y, 160, 0.01)
            // Quick nudges of one selection are one undo step.
            document.undoStack.undo()
            compare(frameOf("block").x, 100)
            compare(frameOf("block").y, 150)
            verify(!document.undoStack.canUndo)
        }

        function test_snapRectDisabledGivesTheRawRect() {
            // Bottom 3 pt above the slide's middle: snaps when enabled...
            const on = session.snapRect(["block"], 137, 173, 200, 100, 15, 1, false)
            compare(on.y, 170)
            verify(on.guides.length > 0)
            // ... and with snapping off (Alt, or the setting) stays raw, without guides.
            const off = session.snapRect(["block"], 137, 173, 200, 100, 15, 1, true)
            compare([off.x, off.y, off.w, off.h], [137, 173, 200, 100])
            compare(off.guides.length, 0)
        }

        function test_resizeWithHandle() {
            document.selection = ["block"]
            const box = findChild(canvas, "selection_block")
            verify(box)
            const handle = findChild(box, "handle_1_1")
            verify(handle)
            tryVerify(() => handle.visible)
            // The handle moves with the edge, so the pointer is driven in page coordinates.
            const page = canvas.page
            const sx = 300 * zoom, sy = 250 * zoom
            mousePress(handle, handle.width / 2, handle.height / 2)
            for (let i = 1; i <= 4; ++i)
                mouseMove(page, sx + 40 * zoom * i / 4, sy + 45 * zoom * i / 4)
            mouseRelease(page, sx + 40 * zoom, sy + 45 * zoom)
            fuzzyCompare(frameOf("block").w, 240, 0.6)
            fuzzyCompare(frameOf("block").h, 145, 0.6)
            compare(frameOf("block").x, 100, "the top left stays")
            document.undoStack.undo()
            compare(frameOf("block").w, 200)
            compare(frameOf("block").h, 100)
            verify(!document.undoStack.canUndo, "one resize, one undo step")
        }

        function test_multiSelectionResizeScalesAllInOneStep() {
            canvas.snapping = false
            document.selection = ["block", "other"]
            const bounds = findChild(canvas, "selectionBounds")
            verify(bounds)
            tryVerify(() => bounds.visible)
            compare([bounds.element.x, bounds.element.y, bounds.element.w, bounds.element.h], [100, 150, 600, 100])
            const handle = findChild(bounds, "handle_1_1")
            tryVerify(() => handle.visible)
            const page = canvas.page
            const sx = 700 * zoom, sy = 250 * zoom
            mousePress(handle, handle.width / 2, handle.height / 2)
            for (let i = 1; i <= 4; ++i)
                mouseMove(page, sx + 150 * zoom * i / 4, sy + 37.5 * zoom * i / 4)
            mouseRelease(page, sx + 150 * zoom, sy + 37.5 * zoom)
            canvas.snapping = true
            // Bounds 600 x 100 → 750 x 137.5: ×1.25 across, ×1.375 down, from the top left.
            fuzzyCompare(frameOf("block").x, 100, 0.6)
            fuzzyCompare(frameOf("block").w, 250, 0.6)
            fuzzyCompare(frameOf("block").h, 137.5, 0.6)
            fuzzyCompare(frameOf("other").x, 600, 0.6)
            fuzzyCompare(frameOf("other").w, 250, 0.6)
            document.undoStack.undo()
            compare(frameOf("block").w, 200)
            compare(frameOf("other").x, 500)
            verify(!document.undoStack.canUndo, "the whole resize of both was one undo step")
        }

        function test_rotatedResizeKeepsTheOppositeEdge() {
            verify(session.setFrame("block", 100, 150, 200, 100, 90, EditorSession.Rotate))
            document.selection = ["block"]
            const box = findChild(canvas, "selection_block")
            const handle = findChild(box, "handle_1_0")
            tryVerify(() => handle.visible)
            // Turned 90° clockwise, the right edge's handle sits at slide (200, 300);
            // pulling it 40 pt down the slide widens the block by 40 while the
            // opposite edge (slide (200, 100)) stays.
            const page = canvas.page
            mousePress(handle, handle.width / 2, handle.height / 2)
            mouseMove(page, 200 * zoom, 320 * zoom)
            mouseMove(page, 200 * zoom, 340 * zoom)
            mouseRelease(page, 200 * zoom, 340 * zoom)
            fuzzyCompare(frameOf("block").w, 240, 0.6)
            compare(frameOf("block").h, 100)
            compare(frameOf("block").rotation, 90)
            fuzzyCompare(frameOf("block").x, 80, 0.6)
            fuzzyCompare(frameOf("block").y, 170, 0.6)
            document.undoStack.undo()
            compare(frameOf("block").w, 200)
            compare(frameOf("block").x, 100)
        }

        function test_dropInsertsComponent() {
            const count = session.elements.length
            dragSource.parent = canvas.page
            dragSource.x = 300 * zoom
            dragSource.y = 320 * zoom
            dragSource.Drag.active = true
            dragSource.Drag.drop()
            dragSource.Drag.active = false
            compare(session.elements.length, count + 1)
            const added = session.elements[session.elements.length - 1]
            compare(added.kind, "component")
            fuzzyCompare(added.x, 300, 1)
            fuzzyCompare(added.y, 320, 1)
            compare(document.selection, [added.id], "the new instance is selected")
        }

        // The colour the canvas shows at slide point (x, y).
        function canvasPixel(x, y) {
            const view = findChild(canvas, "slideView")
            const p = view.mapToItem(root, x * zoom, y * zoom)
            return grabImage(root).pixel(Math.round(p.x), Math.round(p.y))
        }

        function test_brandColourRestylesCanvas() {
            // Middle of "block", painted with brand:primary (#1f3a93).
            compare(canvasPixel(200, 200), Qt.color("#1f3a93"))
            verify(session.setBrandColor("primary", "#00a651"))
            wait(50)
            compare(canvasPixel(200, 200), Qt.color("#00a651"))
            compare(canvasPixel(600, 200), Qt.color("#e4572e"), "other tokens stay")
            document.undoStack.undo()
            wait(50)
            compare(canvasPixel(200, 200), Qt.color("#1f3a93"))
        }

        function overlapMarkers() {
            return session.markers.filter(m => m.ruleId === "overlap").length
        }

        function test_validationPanelReactsToOverlap() {
            const list = findChild(issuesPanel, "issueList")
            verify(list)
            const before = list.count
            compare(overlapMarkers(), 0)
            // Move "other" half over "block".
            verify(document.moveElements(["other"], -300, 30))
            tryVerify(() => list.count > before, 2000, "the panel lists the new issue")
            verify(overlapMarkers() >= 1, "the canvas marks the overlapping elements")
            let found = false
            for (let i = 0; i < list.count; ++i) {
                list.currentIndex = i
                if (list.currentItem.ruleId === "overlap")
                    found = true
            }
            verify(found)
            verify(document.problemCount > 0)
            document.undoStack.undo()
            tryVerify(() => list.count === before)
        }

        function test_inlineTextEditIsOneCommand() {
            const p = pointer()
            mouseDoubleClickSequence(p, 200 * zoom, 60 * zoom)
            const editor = findChild(canvas, "textEditor")
            tryVerify(() => editor.visible)
            editor.selectAll()
            keyClick(Qt.Key_H)
            keyClick(Qt.Key_I)
            keyClick(Qt.Key_Return, Qt.ControlModifier)
            verify(!editor.visible)
            compare(frameOf("title").text, "hi")
            document.undoStack.undo()
            compare(frameOf("title").text, "Canvas tests")
            verify(!document.undoStack.canUndo, "typing was one undo step")
        }

        function test_inlineRunFormatting() {
            canvas.startTextEdit("title")
            const editor = findChild(canvas, "textEditor")
            tryVerify(() => editor.visible && editor.activeFocus)
            // "Canvas" bold with Ctrl+B: one undo step named for it.
            editor.select(0, 6)
            keyClick(Qt.Key_B, Qt.ControlModifier)
            compare(document.undoStack.undoText, "Format text")
            verify(editor.visible, "the editor stays open")
            compare(editor.selectedText, "Canvas", "and keeps the selection")
            // A brand colour and a size from the bar, each its own step.
            const bar = findChild(canvas, "formatBar")
            verify(bar.visible)
            const accent = findChild(bar, "formatColor_accent")
            verify(accent)
            mouseClick(accent)
            verify(editor.visible && editor.activeFocus, "the bar does not end the edit")
            mouseClick(findChild(bar, "formatSize_40"))
            // Typed text is kept with the formatting.
            editor.cursorPosition = editor.length
            keyClick(Qt.Key_S)
            keyClick(Qt.Key_I, Qt.ControlModifier) // nothing selected: nothing to format
            keyClick(Qt.Key_Return, Qt.ControlModifier)
            verify(!editor.visible)
            compare(frameOf("title").text, "Canvas testss")
            // Undo: the typing, the size, the colour, the bold — then nothing.
            for (let i = 0; i < 4; ++i)
                document.undoStack.undo()
            verify(!document.undoStack.canUndo, "bold, colour, size and the typing were four steps")
            compare(frameOf("title").text, "Canvas tests")
        }

        function test_dragSnapsToSlideCentreAndShowsGuide() {
            const p = pointer()
            // Block bottom would land at 273, 3 pt from the slide's middle (270).
            const sx = 200 * zoom, sy = 200 * zoom
            mousePress(p, sx, sy)
            mouseMove(p, sx + 37 * zoom / 2, sy + 23 * zoom / 2)
            mouseMove(p, sx + 37 * zoom, sy + 23 * zoom)
            verify(canvas.guides.length > 0, "a guide shows while snapped")
            mouseRelease(p, sx + 37 * zoom, sy + 23 * zoom)
            fuzzyCompare(frameOf("block").y + frameOf("block").h, 270, 0.01)
            compare(canvas.guides.length, 0, "guides go when the drag ends")
        }

        function test_rotateHandle() {
            document.selection = ["block"]
            const box = findChild(canvas, "selection_block")
            const handle = findChild(box, "rotateHandle")
            tryVerify(() => handle.visible)
            // Pull the handle from above the centre to its right: 90 degrees.
            const page = canvas.page
            mousePress(handle, handle.width / 2, handle.height / 2)
            mouseMove(page, 300 * zoom, 120 * zoom)
            mouseMove(page, 400 * zoom, 200 * zoom)
            mouseRelease(page, 400 * zoom, 200 * zoom)
            fuzzyCompare(frameOf("block").rotation, 90, 0.5)
            document.undoStack.undo()
            compare(frameOf("block").rotation, 0)
            verify(!document.undoStack.canUndo)
        }

        function test_zoomKeepsGeometry() {
            canvas.setZoom(2)
            compare(canvas.page.width, session.slideWidth * 2)
            const p = pointer()
            mouseClick(p, 200 * 2, 200 * 2)
            compare(document.selection, ["block"], "hit testing follows the zoom")
            canvas.setZoom(10)
            compare(canvas.zoom, 4, "zoom stops at 400 %")
            canvas.fitToWindow = true
            verify(canvas.zoom < 1.1)
        }

        function test_rulersFollowZoomPanAndSelection() {
            const top = canvas.topRuler
            const left = canvas.leftRuler
            verify(top.visible && left.visible)
            const label = findChild(top, "rulerLabel_100")
            verify(label && label.visible, "a labelled tick at 100 pt")
            fuzzyCompare(label.parent.x, top.position(100), 0.01)
            // Slide 0 on the ruler is the page's edge on screen, at every zoom and pan.
            function check() {
                fuzzyCompare(top.position(0), canvas.page.mapToItem(top, 0, 0).x, 0.5)
                fuzzyCompare(left.position(0), canvas.page.mapToItem(left, 0, 0).y, 0.5)
                fuzzyCompare(top.position(100) - top.position(0), 100 * canvas.zoom, 0.01)
            }
            check()
            canvas.setZoom(2)
            check()
            verify(top.step <= 5, "finer ticks when zoomed in")
            canvas.panBy(150, 80)
            check()
            canvas.setZoom(0.25)
            check()
            verify(top.step >= 20, "coarser ticks when zoomed out")
            // The selection's extent is shaded on both rulers.
            canvas.setZoom(1)
            document.selection = ["block"]
            const across = findChild(top, "selectionExtent")
            const down = findChild(left, "selectionExtent")
            tryVerify(() => across.visible && down.visible)
            fuzzyCompare(across.x, top.position(100), 0.5)
            fuzzyCompare(across.width, 200, 0.5)
            fuzzyCompare(down.y, left.position(150), 0.5)
            fuzzyCompare(down.height, 100, 0.5)
            document.clearSelection()
            verify(!across.visible)
        }

        function test_ctrlWheelZoomsAboutTheCursor() {
            canvas.setZoom(2)
            const p = pointer()
            // Slide point (300, 200) under the cursor stays under it.
            const before = p.mapToItem(null, 300 * zoom, 200 * zoom)
            mouseWheel(p, 300 * zoom, 200 * zoom, 0, 120, Qt.NoButton, Qt.ControlModifier)
            fuzzyCompare(canvas.zoom, 2.2, 0.001)
            let after = p.mapToItem(null, 300 * canvas.zoom, 200 * canvas.zoom)
            fuzzyCompare(after.x, before.x, 1)
            fuzzyCompare(after.y, before.y, 1)
            // Pinch and wheel go through zoomAt, which keeps to 25–400 %.
            canvas.zoomAt(10, before.x, before.y)
            compare(canvas.zoom, 4)
            after = p.mapToItem(null, 300 * canvas.zoom, 200 * canvas.zoom)
            fuzzyCompare(after.x, before.x, 1)
            canvas.zoomAt(0.01, before.x, before.y)
            compare(canvas.zoom, 0.25)
            canvas.fitToWindow = true
            verify(canvas.zoom > 0.25 && canvas.zoom < 1.1, "and fit is still there")
        }

        function test_saveAsAndReopenKeepDrawing() {
            verify(document.moveElements(["block"], 0, 100))
            const path = testDecks.outputPath("saved-canvas-deck.json")
            compare(session.saveAs("file://" + path), "")
            verify(!document.modified)
            compare(session.openFile("file://" + path), "")
            wait(50)
            compare(frameOf("block").y, 250)
            compare(canvasPixel(200, 300), Qt.color("#1f3a93"), "the canvas draws the reopened deck")
            verify(session.openFile("file:///nonexistent/deck.json").length > 0, "a bad path says why")
            compare(frameOf("block").y, 250, "and the open deck stays")
        }

        function test_alignAndRestack() {
            document.selection = ["block", "other"]
            verify(!session.align(3), "already top-aligned: nothing to do")
            verify(document.moveElements(["other"], 0, 40))
            verify(session.align(5)) // bottom
            compare(frameOf("block").y + frameOf("block").h, 290)
            compare(frameOf("other").y + frameOf("other").h, 290)
            document.selection = ["block"]
            verify(session.changeZOrder(0))
            compare(session.elements[session.elements.length - 1].id, "block", "brought to front")
            verify(!session.align(42), "an unknown alignment does nothing")
        }
    }
}
