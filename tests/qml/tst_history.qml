// SPDX-License-Identifier: GPL-3.0-or-later
import QtQuick
import QtTest
import Slidespec.Ui

// The undo history panel against a real DocumentController opened on
// tests/qml/data/canvas-deck.json: every edit listed by name, a click goes
// to that state, the saved state is marked.
Item {
    id: root
    width: 900
    height: 600

    EditorSession { id: session }

    SlideCanvas { id: canvas; width: 600; height: 600; session: session }
    HistoryPanel { id: history; x: 600; width: 300; height: 600; session: session }

    TestCase {
        name: "History"
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
        function entry(row) { return findChild(history.list, "historyEntry_" + row) }
        function texts() {
            const out = []
            for (let i = 0; i < history.model.count; ++i)
                out.push(history.model.text(i))
            return out
        }

        function test_listsEditsAndClickGoesToState() {
            const list = history.list
            compare(list.count, 1, "just the opened state")
            compare(history.model.currentRow, 0)

            verify(document.moveElements(["block"], 10, 0))
            verify(session.setFill("block", "brand:accent"))
            verify(document.removeElements(["other"]))
            compare(texts(), ["Opened", "Move element", "Change fill", "Delete element"])
            compare(list.count, 4)
            compare(history.model.currentRow, 3)
            tryVerify(() => entry(3) && entry(3).current)

            // Click the "Move element" state: fill and delete are undone.
            const moved = entry(1)
            verify(moved)
            mouseClick(moved)
            compare(history.model.currentRow, 1)
            compare(frameOf("block").x, 110)
            verify(frameOf("other").id === "other", "the deleted element is back")
            compare(list.count, 4, "undone steps stay listed, to redo")
            tryVerify(() => entry(2) && entry(2).undone && entry(1).current)

            // And forward again to the last state.
            mouseClick(entry(3))
            compare(history.model.currentRow, 3)
            verify(frameOf("other").id === undefined, "deleted again")

            // Back to the start: the deck is as opened, unmodified.
            mouseClick(entry(0))
            verify(!document.modified)
            compare(frameOf("block").x, 100)
        }

        function test_marksTheCleanStateAndFollowsMerges() {
            tryVerify(() => entry(0) && entry(0).clean, 2000, "opened is the clean state")
            verify(document.moveElements(["block"], 5, 0))
            const path = testDecks.outputPath("history-deck.json")
            compare(session.saveAs("file://" + path), "")
            tryVerify(() => entry(1) && entry(1).clean && !entry(0).clean, 2000, "the saved state is marked")

            // A drag is one entry whose text stays "Move element".
            const drag = document.beginDrag()
            for (let i = 0; i < 5; ++i)
                verify(document.moveElements(["block"], 1, 0, drag))
            compare(history.list.count, 3)
            compare(history.model.text(2), "Move element")

            // Keyboard nudges in quick succession: one entry.
            document.selection = ["block"]
            const keys = findChild(canvas, "keyTarget")
            keys.forceActiveFocus()
            keyClick(Qt.Key_Right)
            keyClick(Qt.Key_Right)
            keyClick(Qt.Key_Right, Qt.ShiftModifier)
            compare(history.list.count, 4)
            compare(history.model.text(3), "Nudge element")
            compare(frameOf("block").x, 100 + 5 + 5 + 12)

            // Undo to the saved state by clicking it: unmodified again.
            mouseClick(entry(1))
            verify(!document.modified)
            compare(frameOf("block").x, 105)
        }

        function test_opensNewDocumentWithFreshHistory() {
            verify(document.moveElements(["block"], 5, 0))
            compare(history.list.count, 2)
            document.newDeck()
            compare(history.list.count, 1, "a new deck starts a new history")
            compare(history.model.currentRow, 0)
        }
    }
}
