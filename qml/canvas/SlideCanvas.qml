// SPDX-License-Identifier: GPL-3.0-or-later
import QtQuick
import QtQuick.Controls
import Slidespec.Ui

// The canvas: the current slide painted by the core renderer (SlideView) at
// any zoom, with selection, move, resize, rotate, smart guides, issue
// markers and inline text editing on top. Geometry is in slide points;
// `zoom` is pixels per point.
Item {
    id: canvas

    required property EditorSession session
    readonly property DocumentController document: session.document
    property bool dark: false
    /*! Snap moves and resizes to the slide, margins and elements (Alt turns it off for one drag). */
    property bool snapping: true
    property bool showGrid: false
    /*! Rulers along the top and left, in slide points, following zoom and pan. */
    property bool showRulers: true
    readonly property real rulerSize: showRulers ? 20 : 0
    property alias topRuler: topRuler
    property alias leftRuler: leftRuler
    /*! Grid spacing, points. */
    property real gridSize: 10
    property bool fitToWindow: true
    property real manualZoom: 1
    readonly property real fitZoom: Math.max(0.05, Math.min((flick.width - 48) / session.slideWidth,
                                                             (flick.height - 48) / session.slideHeight))
    readonly property real zoom: fitToWindow ? fitZoom : manualZoom
    readonly property var selection: document ? document.selection : []
    property var guides: []
    property alias page: page
    property alias textEditor: textEditor
    readonly property string editingId: textEditor.elementId

    function setZoom(z) {
        manualZoom = Math.max(0.25, Math.min(4, z))
        fitToWindow = false
    }
    function zoomBy(factor) { setZoom(zoom * factor) }
    /*!
     * Zooms to \a z (clamped to 25–400 %) keeping the slide point under scene
     * position (\a sceneX, \a sceneY) where it is: the cursor of a ctrl+wheel,
     * the centre of a pinch.
     */
    function zoomAt(z, sceneX, sceneY) {
        const inPage = page.mapFromItem(null, sceneX, sceneY)
        const inView = flick.mapFromItem(null, sceneX, sceneY)
        const slideX = inPage.x / zoom, slideY = inPage.y / zoom
        setZoom(z)
        // The page's place in the content follows the zoom at once (bindings).
        flick.contentX = Math.max(0, Math.min(flick.contentWidth - flick.width, page.x + slideX * zoom - inView.x))
        flick.contentY = Math.max(0, Math.min(flick.contentHeight - flick.height, page.y + slideY * zoom - inView.y))
    }
    function panBy(dx, dy) {
        flick.contentX = Math.max(0, Math.min(flick.contentWidth - flick.width, flick.contentX + dx))
        flick.contentY = Math.max(0, Math.min(flick.contentHeight - flick.height, flick.contentY + dy))
    }
    function isSelected(id) { return document.selection.indexOf(id) >= 0 }
    function elementById(id) {
        const list = session.elements
        for (let i = 0; i < list.length; ++i)
            if (list[i].id === id)
                return list[i]
        return null
    }
    /*! The slide-space bounds {x, y, w, h} of elements \a ids (rotated frames included), or null. */
    function boundsOf(ids) {
        let l = Infinity, t = Infinity, r = -Infinity, b = -Infinity
        for (const id of ids) {
            const e = elementById(id)
            if (!e)
                continue
            const a = e.rotation * Math.PI / 180
            const cx = e.x + e.w / 2, cy = e.y + e.h / 2
            const hw = (Math.abs(e.w * Math.cos(a)) + Math.abs(e.h * Math.sin(a))) / 2
            const hh = (Math.abs(e.w * Math.sin(a)) + Math.abs(e.h * Math.cos(a))) / 2
            l = Math.min(l, cx - hw); r = Math.max(r, cx + hw)
            t = Math.min(t, cy - hh); b = Math.max(b, cy + hh)
        }
        return l === Infinity ? null : { x: l, y: t, w: r - l, h: b - t }
    }
    /*! The selection's bounds while several elements are selected (null otherwise). */
    readonly property var selectionBounds: (session.elements, selection.length > 1 ? boundsOf(selection) : null)
    function selectAll() {
        document.selection = session.elements.map(e => e.id)
    }
    function startTextEdit(id) {
        const e = elementById(id)
        if (!e || e.kind !== "text")
            return
        document.selection = [id]
        textEditor.elementId = id
        textEditor.fontSize = session.element(id).fontSize || 18
        textEditor.text = e.text
        textEditor.visible = true
        textEditor.forceActiveFocus()
        textEditor.selectAll()
    }
    function commitTextEdit() {
        if (textEditor.elementId === "")
            return
        const id = textEditor.elementId
        textEditor.elementId = ""
        textEditor.visible = false
        const e = elementById(id)
        if (e && e.text !== textEditor.text)
            session.setText(id, textEditor.text)
        keyTarget.forceActiveFocus()
    }
    /*!
     * Formats the text selected in the inline editor (\a format: see
     * DocumentController::formatText, e.g. {bold: "toggle"}) as one undo
     * step; typed text is stored first, keeping its runs. False when nothing
     * is selected.
     */
    function formatSelection(format) {
        const id = textEditor.elementId
        const start = textEditor.selectionStart, end = textEditor.selectionEnd
        if (id === "" || start === end)
            return false
        const e = elementById(id)
        if (e && e.text !== textEditor.text)
            session.setText(id, textEditor.text)
        return document.formatText(id, start, end, format)
    }
    function cancelTextEdit() {
        textEditor.elementId = ""
        textEditor.visible = false
        keyTarget.forceActiveFocus()
    }

    Rectangle {
        anchors.fill: parent
        color: canvas.dark ? "#17191c" : "#dcdfe4"
    }

    // Pinch zooms about the pinch's centre (touchpads, touch screens). On
    // the canvas, not the content: the content moves under the fingers.
    PinchHandler {
        id: pinch
        target: null
        property real lastScale: 1
        onActiveChanged: lastScale = scale
        onScaleChanged: {
            if (!active || lastScale <= 0)
                return
            canvas.zoomAt(canvas.zoom * scale / lastScale, centroid.scenePosition.x, centroid.scenePosition.y)
            lastScale = scale
        }
    }

    Flickable {
        id: flick
        anchors.fill: parent
        anchors.topMargin: canvas.rulerSize
        anchors.leftMargin: canvas.rulerSize
        clip: true
        contentWidth: Math.max(width, page.width + 48)
        contentHeight: Math.max(height, page.height + 48)
        boundsBehavior: Flickable.StopAtBounds
        interactive: false // panning: scroll bars, wheel, middle button
        ScrollBar.horizontal: ScrollBar {}
        ScrollBar.vertical: ScrollBar {}

        // Ctrl+wheel zooms about the cursor; the wheel alone scrolls (shift: sideways).
        WheelHandler {
            id: zoomWheel
            acceptedModifiers: Qt.ControlModifier
            onWheel: event => canvas.zoomAt(canvas.zoom * (event.angleDelta.y > 0 ? 1.1 : 1 / 1.1),
                                            zoomWheel.point.scenePosition.x, zoomWheel.point.scenePosition.y)
        }
        WheelHandler {
            acceptedModifiers: Qt.NoModifier | Qt.ShiftModifier
            onWheel: event => {
                const step = -(event.angleDelta.y || event.angleDelta.x) / 2
                if ((event.modifiers & Qt.ShiftModifier) || event.angleDelta.y === 0)
                    canvas.panBy(step, 0)
                else
                    canvas.panBy(0, step)
            }
        }
        // Middle button drags the view.
        DragHandler {
            acceptedButtons: Qt.MiddleButton
            target: null
            property point last
            onActiveChanged: last = centroid.position
            onCentroidChanged: {
                if (!active)
                    return
                canvas.panBy(last.x - centroid.position.x, last.y - centroid.position.y)
                last = centroid.position
            }
        }

        Item {
            id: page
            objectName: "page"
            x: (flick.contentWidth - width) / 2
            y: (flick.contentHeight - height) / 2
            width: canvas.session.slideWidth * canvas.zoom
            height: canvas.session.slideHeight * canvas.zoom

            Rectangle { // drop shadow
                x: 3; y: 4; width: parent.width; height: parent.height
                color: "#40000000"
            }

            SlideView {
                id: slideView
                objectName: "slideView"
                anchors.fill: parent
                document: canvas.document
                zoom: canvas.zoom
            }

            // The grid, over the slide (not exported).
            Item {
                id: grid
                objectName: "grid"
                anchors.fill: parent
                visible: canvas.showGrid && canvas.gridSize * canvas.zoom >= 4
                readonly property real step: canvas.gridSize * canvas.zoom
                Repeater {
                    model: grid.visible ? Math.floor(canvas.session.slideWidth / canvas.gridSize) : 0
                    delegate: Rectangle {
                        required property int index
                        x: (index + 1) * grid.step; width: 1; height: grid.height
                        color: canvas.dark ? "#30ffffff" : "#30000000"
                    }
                }
                Repeater {
                    model: grid.visible ? Math.floor(canvas.session.slideHeight / canvas.gridSize) : 0
                    delegate: Rectangle {
                        required property int index
                        y: (index + 1) * grid.step; height: 1; width: grid.width
                        color: canvas.dark ? "#30ffffff" : "#30000000"
                    }
                }
            }

            // Issue markers on their elements.
            Repeater {
                model: canvas.session.markers
                delegate: Rectangle {
                    required property var modelData
                    objectName: "marker_" + modelData.elementId
                    x: modelData.x * canvas.zoom - 3
                    y: modelData.y * canvas.zoom - 3
                    width: modelData.w * canvas.zoom + 6
                    height: modelData.h * canvas.zoom + 6
                    color: "transparent"
                    border.width: 2
                    border.color: modelData.severity === "error" ? "#e5484d"
                                  : modelData.severity === "warning" ? "#f5a524" : "#3e8ef7"
                    opacity: 0.85
                    Rectangle {
                        anchors.right: parent.right
                        anchors.bottom: parent.top
                        width: badge.implicitWidth + 8
                        height: badge.implicitHeight + 2
                        color: parent.border.color
                        Text {
                            id: badge
                            anchors.centerIn: parent
                            text: modelData.ruleId
                            color: "white"
                            font.pixelSize: 10
                        }
                    }
                }
            }

            // Pointer: select, rubber band, move, double-click to edit text.
            MouseArea {
                id: pointer
                objectName: "pointer"
                anchors.fill: parent
                acceptedButtons: Qt.LeftButton
                hoverEnabled: false
                property point pressPos
                property bool moving: false
                property bool banding: false
                property int dragId: 0
                property var startFrames: ({})
                property rect startBounds
                property real appliedDx: 0
                property real appliedDy: 0

                onPressed: mouse => {
                    canvas.commitTextEdit()
                    keyTarget.forceActiveFocus()
                    pressPos = Qt.point(mouse.x, mouse.y)
                    moving = false
                    banding = false
                    const hit = canvas.session.elementAt(mouse.x / canvas.zoom, mouse.y / canvas.zoom)
                    const additive = mouse.modifiers & (Qt.ShiftModifier | Qt.ControlModifier)
                    if (hit === "") {
                        if (!additive)
                            canvas.document.clearSelection()
                        banding = true
                        band.visible = false
                        return
                    }
                    let sel = canvas.document.selection.slice()
                    if (additive) {
                        const i = sel.indexOf(hit)
                        if (i >= 0) sel.splice(i, 1); else sel.push(hit)
                        canvas.document.selection = sel
                        return
                    }
                    if (sel.indexOf(hit) < 0)
                        canvas.document.selection = [hit]
                    // Prepare a move of the selection.
                    const frames = {}
                    let l = 1e9, t = 1e9, r = -1e9, b = -1e9
                    for (const id of canvas.document.selection) {
                        const e = canvas.elementById(id)
                        if (!e) continue
                        frames[id] = e
                        l = Math.min(l, e.x); t = Math.min(t, e.y)
                        r = Math.max(r, e.x + e.w); b = Math.max(b, e.y + e.h)
                    }
                    startFrames = frames
                    startBounds = Qt.rect(l, t, r - l, b - t)
                    appliedDx = 0
                    appliedDy = 0
                    dragId = canvas.document.beginDrag()
                    moving = true
                }
                onPositionChanged: mouse => {
                    if (banding) {
                        band.x = Math.min(pressPos.x, mouse.x)
                        band.y = Math.min(pressPos.y, mouse.y)
                        band.width = Math.abs(mouse.x - pressPos.x)
                        band.height = Math.abs(mouse.y - pressPos.y)
                        band.visible = true
                        return
                    }
                    if (!moving)
                        return
                    const dx = (mouse.x - pressPos.x) / canvas.zoom
                    const dy = (mouse.y - pressPos.y) / canvas.zoom
                    const snapped = canvas.session.snapRect(canvas.document.selection,
                                                            startBounds.x + dx, startBounds.y + dy,
                                                            startBounds.width, startBounds.height, 15,
                                                            canvas.zoom,
                                                            !canvas.snapping || (mouse.modifiers & Qt.AltModifier))
                    const tx = snapped.x - startBounds.x
                    const ty = snapped.y - startBounds.y
                    canvas.guides = snapped.guides
                    if (tx !== appliedDx || ty !== appliedDy) {
                        canvas.document.moveElements(canvas.document.selection, tx - appliedDx, ty - appliedDy, dragId)
                        appliedDx = tx
                        appliedDy = ty
                    }
                }
                onReleased: mouse => {
                    if (banding && band.visible) {
                        const ids = canvas.session.elementsIn(band.x / canvas.zoom, band.y / canvas.zoom,
                                                              band.width / canvas.zoom, band.height / canvas.zoom)
                        if (mouse.modifiers & (Qt.ShiftModifier | Qt.ControlModifier)) {
                            const sel = canvas.document.selection.slice()
                            for (const id of ids) if (sel.indexOf(id) < 0) sel.push(id)
                            canvas.document.selection = sel
                        } else {
                            canvas.document.selection = ids
                        }
                    }
                    band.visible = false
                    banding = false
                    moving = false
                    canvas.guides = []
                }
                onDoubleClicked: mouse => {
                    const hit = canvas.session.elementAt(mouse.x / canvas.zoom, mouse.y / canvas.zoom)
                    if (hit !== "")
                        canvas.startTextEdit(hit)
                }
            }

            // Component drops from the palette.
            DropArea {
                anchors.fill: parent
                keys: ["slidespec/component"]
                onDropped: drop => {
                    const id = drop.source && drop.source.componentId ? drop.source.componentId : ""
                    if (id)
                        canvas.session.addComponent(id, drop.x / canvas.zoom, drop.y / canvas.zoom)
                    drop.accept()
                }
            }

            // Selection: one box per selected element; handles when one is
            // selected. The model is the selection (not the element list), so
            // a box and its handles live on through a drag.
            Repeater {
                model: canvas.selection
                delegate: SelectionBox {
                    required property string modelData
                    element: canvas.elementById(modelData) || ({ id: modelData, x: 0, y: 0, w: 0, h: 0,
                                                                 rotation: 0, locked: true })
                    host: canvas
                    visible: canvas.editingId !== modelData
                    handlesVisible: canvas.selection.length === 1 && !element.locked
                }
            }

            // Several selected: one box around them all, whose handles scale
            // them together (one undo step per drag).
            SelectionBox {
                objectName: "selectionBounds"
                visible: canvas.selectionBounds !== null
                element: canvas.selectionBounds ? { id: "", x: canvas.selectionBounds.x, y: canvas.selectionBounds.y,
                                                    w: canvas.selectionBounds.w, h: canvas.selectionBounds.h,
                                                    rotation: 0, locked: false }
                                                : ({ id: "", x: 0, y: 0, w: 0, h: 0, rotation: 0, locked: true })
                ids: canvas.selectionBounds ? canvas.selection : []
                host: canvas
                handlesVisible: visible
            }

            // Smart guides while dragging.
            Repeater {
                model: canvas.guides
                delegate: Rectangle {
                    required property var modelData
                    color: "#ff2d95"
                    x: modelData.vertical ? modelData.position * canvas.zoom : modelData.start * canvas.zoom
                    y: modelData.vertical ? modelData.start * canvas.zoom : modelData.position * canvas.zoom
                    width: modelData.vertical ? 1 : (modelData.end - modelData.start) * canvas.zoom
                    height: modelData.vertical ? (modelData.end - modelData.start) * canvas.zoom : 1
                }
            }

            Rectangle {
                id: band
                objectName: "rubberBand"
                visible: false
                color: "#202f6fed"
                border.color: "#2f6fed"
            }

            // While editing text: the kit's colours and a few sizes for the
            // selected characters (nothing here takes the editor's focus).
            Rectangle {
                id: formatBar
                objectName: "formatBar"
                visible: textEditor.visible
                x: textEditor.x
                y: textEditor.y - height - 6
                width: formatRow.implicitWidth + 8
                height: 26
                radius: 4
                color: canvas.dark ? "#2a2d32" : "#ffffff"
                border.color: "#2f6fed"
                Row {
                    id: formatRow
                    x: 4
                    anchors.verticalCenter: parent.verticalCenter
                    spacing: 3
                    Repeater {
                        model: canvas.session.brandColors
                        delegate: Rectangle {
                            required property var modelData
                            objectName: "formatColor_" + modelData.token
                            width: 18
                            height: 18
                            color: modelData.color
                            border.color: "#8a8f98"
                            MouseArea {
                                anchors.fill: parent
                                onClicked: canvas.formatSelection({ color: "brand:" + parent.modelData.token })
                            }
                        }
                    }
                    Repeater {
                        model: [14, 18, 24, 32, 40, 48]
                        delegate: Rectangle {
                            required property int modelData
                            objectName: "formatSize_" + modelData
                            width: sizeLabel.implicitWidth + 8
                            height: 18
                            color: "transparent"
                            border.color: "#8a8f98"
                            Text {
                                id: sizeLabel
                                anchors.centerIn: parent
                                text: parent.modelData
                                font.pixelSize: 11
                                color: canvas.dark ? "#e8e9eb" : "#1b1d21"
                            }
                            MouseArea {
                                anchors.fill: parent
                                onClicked: canvas.formatSelection({ size: parent.modelData })
                            }
                        }
                    }
                }
            }

            TextArea {
                id: textEditor
                objectName: "textEditor"
                property string elementId: ""
                property real fontSize: 18 //!< points: the body size of the text being edited
                readonly property var frame: elementId !== "" ? canvas.elementById(elementId) : null
                visible: false
                x: frame ? frame.x * canvas.zoom : 0
                y: frame ? frame.y * canvas.zoom : 0
                width: frame ? Math.max(frame.w * canvas.zoom, 40) : 0
                height: frame ? Math.max(frame.h * canvas.zoom, implicitHeight) : 0
                rotation: frame ? frame.rotation : 0
                wrapMode: TextEdit.Wrap
                font.pixelSize: Math.max(8, fontSize * canvas.zoom)
                color: "#111111"
                background: Rectangle { color: "#f2ffffff"; border.color: "#2f6fed"; border.width: 2 }
                Keys.onEscapePressed: canvas.cancelTextEdit()
                Keys.onPressed: event => {
                    if ((event.key === Qt.Key_Return || event.key === Qt.Key_Enter)
                            && (event.modifiers & Qt.ControlModifier)) {
                        canvas.commitTextEdit()
                        event.accepted = true
                        return
                    }
                    // Ctrl+B / I / U: toggle on the selected characters.
                    if ((event.modifiers & Qt.ControlModifier) && !(event.modifiers & Qt.AltModifier)) {
                        const flag = event.key === Qt.Key_B ? "bold" : event.key === Qt.Key_I ? "italic"
                                   : event.key === Qt.Key_U ? "underline" : ""
                        if (flag !== "") {
                            const format = {}
                            format[flag] = "toggle"
                            canvas.formatSelection(format)
                            event.accepted = true
                        }
                    }
                }
                onActiveFocusChanged: if (!activeFocus && visible) canvas.commitTextEdit()
            }
        }
    }

    // Rulers: slide points along the top and the left edge, the ticks
    // spaced for the zoom, the selection's extent shaded.
    component Ruler: Rectangle {
        id: ruler
        /*! Qt.Horizontal: along the top (x); Qt.Vertical: down the left (y). */
        property int orientation: Qt.Horizontal
        readonly property bool horizontal: orientation === Qt.Horizontal
        /*! Where slide coordinate 0 lies on the ruler, pixels. */
        readonly property real origin: horizontal ? page.x - flick.contentX : page.y - flick.contentY
        readonly property real length: horizontal ? canvas.session.slideWidth : canvas.session.slideHeight
        /*! Points between ticks: the smallest of 1, 2, 5, 10… at least 6 px apart. */
        readonly property real step: {
            const steps = [1, 2, 5, 10, 20, 50, 100, 200, 500]
            for (const st of steps)
                if (st * canvas.zoom >= 6)
                    return st
            return 1000
        }
        /*! A label every this many points. */
        readonly property real labelStep: step * (step === 2 || step === 20 || step === 200 ? 5 : 10)
        readonly property var extent: canvas.selection.length > 0 ? (canvas.session.elements, canvas.boundsOf(canvas.selection))
                                                                 : null
        /*! Pixel position on the ruler of slide coordinate \a v. */
        function position(v) { return origin + v * canvas.zoom }

        color: canvas.dark ? "#24272c" : "#eceef1"
        clip: true
        Rectangle {
            objectName: "selectionExtent"
            visible: ruler.extent !== null
            x: ruler.horizontal ? ruler.position(ruler.extent ? ruler.extent.x : 0) : 0
            y: ruler.horizontal ? 0 : ruler.position(ruler.extent ? ruler.extent.y : 0)
            width: ruler.horizontal ? (ruler.extent ? ruler.extent.w : 0) * canvas.zoom : ruler.width
            height: ruler.horizontal ? ruler.height : (ruler.extent ? ruler.extent.h : 0) * canvas.zoom
            color: "#402f6fed"
        }
        Repeater {
            model: Math.floor(ruler.length / ruler.step) + 1
            delegate: Rectangle {
                required property int index
                readonly property real value: index * ruler.step
                readonly property bool major: value % ruler.labelStep === 0
                readonly property real size: major ? ruler.rulerDepth * 0.6 : ruler.rulerDepth * 0.25
                x: ruler.horizontal ? ruler.position(value) : ruler.width - size
                y: ruler.horizontal ? ruler.height - size : ruler.position(value)
                width: ruler.horizontal ? 1 : size
                height: ruler.horizontal ? size : 1
                color: canvas.dark ? "#8a8f98" : "#6b7079"
                Text {
                    objectName: "rulerLabel_" + parent.value
                    visible: parent.major
                    text: parent.value
                    font.pixelSize: 9
                    color: parent.color
                    x: ruler.horizontal ? 2 : -parent.x + 2
                    y: ruler.horizontal ? -ruler.height + parent.height + 1 : -2 + implicitWidth
                    rotation: ruler.horizontal ? 0 : -90
                    transformOrigin: Item.TopLeft
                }
            }
        }
        readonly property real rulerDepth: horizontal ? height : width
    }
    Ruler {
        id: topRuler
        objectName: "topRuler"
        visible: canvas.showRulers
        orientation: Qt.Horizontal
        x: canvas.rulerSize
        width: parent.width - canvas.rulerSize
        height: canvas.rulerSize
    }
    Ruler {
        id: leftRuler
        objectName: "leftRuler"
        visible: canvas.showRulers
        orientation: Qt.Vertical
        y: canvas.rulerSize
        width: canvas.rulerSize
        height: parent.height - canvas.rulerSize
    }

    // Keyboard: arrows move (shift = 10 pt), delete removes.
    Item {
        id: keyTarget
        objectName: "keyTarget"
        focus: true
        Keys.onPressed: event => {
            const sel = canvas.document.selection
            const step = (event.modifiers & Qt.ShiftModifier) ? 10 : 1
            let dx = 0, dy = 0
            switch (event.key) {
            case Qt.Key_Left: dx = -step; break
            case Qt.Key_Right: dx = step; break
            case Qt.Key_Up: dy = -step; break
            case Qt.Key_Down: dy = step; break
            case Qt.Key_Delete:
            case Qt.Key_Backspace:
                if (sel.length > 0) canvas.document.removeElements(sel)
                event.accepted = true
                return
            case Qt.Key_Escape:
                canvas.document.clearSelection()
                event.accepted = true
                return
            case Qt.Key_F2:
            case Qt.Key_Return:
                if (sel.length === 1) canvas.startTextEdit(sel[0])
                event.accepted = true
                return
            default:
                return
            }
            // Quick successive nudges of the same selection are one undo step.
            if (sel.length > 0)
                canvas.document.nudgeElements(sel, dx, dy)
            event.accepted = true
        }
    }
}
