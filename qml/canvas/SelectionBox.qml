// SPDX-License-Identifier: GPL-3.0-or-later
import QtQuick
import Slidespec.Ui

// The outline of one selected element, with eight resize handles (shift
// keeps the aspect ratio) and a rotation handle (shift: 15° steps). Each drag
// is one undo step; Alt turns snapping off. A rotated element resizes about
// its opposite corner or edge, which stays put on the slide. With `ids` set,
// the box is the bounds of several elements: its handles scale them all as
// one picture, and it has no rotation handle.
Item {
    id: box

    property var element: ({ id: "", x: 0, y: 0, w: 0, h: 0, rotation: 0, locked: true })
    required property Item host
    property bool handlesVisible: true
    /*! The elements a bounds box stands for; empty for one element's box. */
    property var ids: []
    readonly property bool multi: ids.length > 0
    readonly property real zoom: host.zoom

    objectName: "selection_" + element.id
    x: element.x * zoom
    y: element.y * zoom
    width: element.w * zoom
    height: element.h * zoom
    rotation: element.rotation

    Rectangle {
        anchors.fill: parent
        anchors.margins: -1
        color: "transparent"
        border.color: box.element.locked ? "#8a8f98" : "#2f6fed"
        border.width: 1.5
    }

    // Resize: hx, hy in {-1, 0, 1} say which edges the handle drags.
    Repeater {
        model: [[-1, -1], [0, -1], [1, -1], [1, 0], [1, 1], [0, 1], [-1, 1], [-1, 0]]
        delegate: Rectangle {
            id: handle
            required property var modelData
            required property int index
            readonly property int hx: modelData[0]
            readonly property int hy: modelData[1]
            objectName: "handle_" + hx + "_" + hy
            visible: box.handlesVisible
            width: 9
            height: 9
            x: (hx + 1) / 2 * box.width - width / 2
            y: (hy + 1) / 2 * box.height - height / 2
            color: "white"
            border.color: "#2f6fed"
            border.width: 1.5

            MouseArea {
                anchors.fill: parent
                anchors.margins: -3
                cursorShape: (handle.hx === 0) ? Qt.SizeVerCursor
                             : (handle.hy === 0) ? Qt.SizeHorCursor
                             : (handle.hx === handle.hy) ? Qt.SizeFDiagCursor : Qt.SizeBDiagCursor
                property point start
                property var frame
                property int dragId: 0
                onPressed: mouse => {
                    start = mapToItem(box.host.page, mouse.x, mouse.y)
                    frame = box.element
                    dragId = box.host.document.beginDrag()
                }
                onPositionChanged: mouse => {
                    const p = mapToItem(box.host.page, mouse.x, mouse.y)
                    const a = -frame.rotation * Math.PI / 180
                    const gx = (p.x - start.x) / box.zoom
                    const gy = (p.y - start.y) / box.zoom
                    const keepAspect = (mouse.modifiers & Qt.ShiftModifier) !== 0
                    if (frame.rotation !== 0 && !box.multi) {
                        // About the opposite corner, in slide space (ResizeGeometry).
                        box.host.document.resizeByHandle(frame.id, handle.hx, handle.hy, gx, gy, keepAspect, dragId)
                        return
                    }
                    const dx = gx * Math.cos(a) - gy * Math.sin(a)
                    const dy = gx * Math.sin(a) + gy * Math.cos(a)
                    let x = frame.x, y = frame.y, w = frame.w, h = frame.h
                    if (handle.hx < 0) { x += dx; w -= dx }
                    if (handle.hx > 0) w += dx
                    if (handle.hy < 0) { y += dy; h -= dy }
                    if (handle.hy > 0) h += dy
                    if (keepAspect && handle.hx !== 0 && handle.hy !== 0) {
                        const s = Math.max(w / frame.w, h / frame.h)
                        const nw = frame.w * s, nh = frame.h * s
                        if (handle.hx < 0) x = frame.x + frame.w - nw
                        if (handle.hy < 0) y = frame.y + frame.h - nh
                        w = nw; h = nh
                    } else if (frame.rotation === 0) {
                        const edges = (handle.hx < 0 ? 1 : 0) | (handle.hx > 0 ? 2 : 0)
                                    | (handle.hy < 0 ? 4 : 0) | (handle.hy > 0 ? 8 : 0)
                        const s = box.host.session.snapRect(box.multi ? box.ids : [frame.id], x, y, w, h, edges, box.zoom,
                                                              !box.host.snapping || (mouse.modifiers & Qt.AltModifier))
                        x = s.x; y = s.y; w = s.w; h = s.h
                        box.host.guides = s.guides
                    }
                    if (w < 1) { if (handle.hx < 0) x = frame.x + frame.w - 1; w = 1 }
                    if (h < 1) { if (handle.hy < 0) y = frame.y + frame.h - 1; h = 1 }
                    if (box.multi)
                        box.host.document.scaleElements(box.ids, Qt.rect(frame.x, frame.y, frame.w, frame.h),
                                                        Qt.rect(x, y, w, h), dragId)
                    else
                        box.host.session.setFrame(frame.id, x, y, w, h, frame.rotation, EditorSession.Resize, dragId)
                }
                onReleased: box.host.guides = []
            }
        }
    }

    // Rotation handle above the top edge.
    Rectangle {
        id: rotateHandle
        objectName: "rotateHandle"
        visible: box.handlesVisible && !box.multi
        width: 12
        height: 12
        radius: 6
        x: box.width / 2 - width / 2
        y: -28
        color: "white"
        border.color: "#2f6fed"
        border.width: 1.5
        Rectangle { x: parent.width / 2 - 0.5; y: parent.height; width: 1; height: 16; color: "#2f6fed" }
        MouseArea {
            anchors.fill: parent
            anchors.margins: -3
            cursorShape: Qt.CrossCursor
            property var frame
            property int dragId: 0
            onPressed: {
                frame = box.element
                dragId = box.host.document.beginDrag()
            }
            onPositionChanged: mouse => {
                const p = mapToItem(box.host.page, mouse.x, mouse.y)
                const cx = (frame.x + frame.w / 2) * box.zoom
                const cy = (frame.y + frame.h / 2) * box.zoom
                let angle = Math.atan2(p.y - cy, p.x - cx) * 180 / Math.PI + 90
                if (mouse.modifiers & Qt.ShiftModifier)
                    angle = Math.round(angle / 15) * 15
                angle = ((angle % 360) + 360) % 360
                box.host.session.setFrame(frame.id, frame.x, frame.y, frame.w, frame.h, angle,
                                            EditorSession.Rotate, dragId)
            }
        }
    }
}
