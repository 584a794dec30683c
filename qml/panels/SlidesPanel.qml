// SPDX-License-Identifier: GPL-3.0-or-later
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Slidespec.Ui

// The slide strip: thumbnails painted by the core renderer off the UI thread
// (ThumbnailProvider over ThumbnailCache; a new URL per thumbnailRevision),
// add from a layout template, duplicate, delete, skip, and reorder by
// dragging a thumbnail.
Pane {
    id: panel

    required property EditorSession session
    readonly property DocumentController document: session.document
    property alias gallery: gallery
    padding: 0

    ColumnLayout {
        anchors.fill: parent
        spacing: 0

        ListView {
            id: list
            objectName: "slideList"
            Layout.fillWidth: true
            Layout.fillHeight: true
            clip: true
            spacing: 6
            topMargin: 8
            bottomMargin: 8
            model: panel.session.slides
            currentIndex: panel.document?.currentSlide ?? -1
            ScrollBar.vertical: ScrollBar {}

            delegate: Item {
                id: row
                required property int index
                required property string title
                required property string layout
                required property bool hidden
                required property int issueCount
                required property int thumbnailRevision
                required property string slideId
                width: ListView.view.width
                height: thumb.height + 8

                Label {
                    x: 6
                    y: 4
                    width: 18
                    horizontalAlignment: Text.AlignRight
                    text: row.index + 1
                    opacity: row.hidden ? 0.4 : 1
                }
                Rectangle {
                    id: frame
                    x: 28
                    y: 4
                    width: row.width - 40
                    height: thumb.height
                    color: "transparent"
                    border.width: row.index === panel.document?.currentSlide ? 3 : 1
                    border.color: row.index === panel.document?.currentSlide ? palette.highlight : palette.mid
                    // The last finished thumbnail stays up while the next one
                    // renders on a worker thread (answered from the provider's
                    // cache, so it costs no render).
                    Image {
                        id: shown
                        anchors.fill: thumb
                        cache: false
                        sourceSize.width: thumb.width
                        opacity: thumb.opacity
                        visible: thumb.status !== Image.Ready
                    }
                    Image {
                        id: thumb
                        objectName: "thumbnail_" + row.index
                        anchors.left: parent.left
                        anchors.right: parent.right
                        anchors.margins: 1
                        y: 1
                        height: width * panel.session.slideHeight / panel.session.slideWidth
                        asynchronous: true
                        cache: false
                        sourceSize.width: width
                        source: "image://slidespec-thumbnail/" + row.index + "/" + row.thumbnailRevision + "/"
                                + encodeURIComponent(row.slideId)
                        opacity: row.hidden ? 0.4 : 1
                        onStatusChanged: if (status === Image.Ready) shown.source = source
                    }
                    Rectangle {
                        visible: row.issueCount > 0
                        anchors.right: parent.right
                        anchors.top: parent.top
                        anchors.margins: 4
                        width: Math.max(18, issueLabel.implicitWidth + 8)
                        height: 18
                        radius: 9
                        color: "#e5484d"
                        Text { id: issueLabel; anchors.centerIn: parent; text: row.issueCount; color: "white"; font.pixelSize: 11 }
                    }
                    Label {
                        visible: row.hidden
                        anchors.centerIn: parent
                        text: qsTr("Skipped")
                        font.bold: true
                    }
                }
                MouseArea {
                    anchors.fill: parent
                    property int from: -1
                    onPressed: from = row.index
                    onClicked: panel.document.currentSlide = row.index
                    onReleased: mouse => {
                        const p = mapToItem(list.contentItem, mouse.x, mouse.y)
                        const to = list.indexAt(p.x, p.y)
                        if (from >= 0 && to >= 0 && to !== from) {
                            panel.document.moveSlide(from, to)
                            panel.document.currentSlide = to
                        }
                        from = -1
                    }
                }
            }
        }

        GridLayout {
            Layout.fillWidth: true
            Layout.margins: 4
            columns: 2
            columnSpacing: 2
            rowSpacing: 2
            Button {
                Layout.fillWidth: true
                text: qsTr("Add")
                onClicked: gallery.open()
            }
            Button {
                Layout.fillWidth: true
                text: qsTr("Duplicate")
                onClicked: panel.document.duplicateSlide(panel.document.currentSlide)
            }
            Button {
                Layout.fillWidth: true
                text: qsTr("Delete")
                enabled: (panel.document?.slideCount ?? 0) > 1
                onClicked: panel.document.removeSlide(panel.document.currentSlide)
            }
            Button {
                Layout.fillWidth: true
                text: qsTr("Skip")
                checkable: true
                checked: list.currentItem ? list.currentItem.hidden : false
                onClicked: panel.document.setSlideHidden(panel.document.currentSlide, checked)
            }
        }
    }

    // Template gallery: each layout previewed in the deck's kit.
    Popup {
        id: gallery
        objectName: "templateGallery"
        parent: Overlay.overlay
        x: 240
        y: 60
        width: 560
        height: 420
        modal: true
        focus: true
        contentItem: ColumnLayout {
            Label { text: qsTr("Add a slide"); font.bold: true }
            GridView {
                id: templateGrid
                objectName: "templateGrid"
                Layout.fillWidth: true
                Layout.fillHeight: true
                clip: true
                cellWidth: 176
                cellHeight: 128
                model: panel.session.templates
                delegate: ItemDelegate {
                    required property string modelData
                    objectName: "template_" + modelData
                    width: 170
                    height: 122
                    onClicked: {
                        panel.session.addSlide(modelData)
                        gallery.close()
                    }
                    contentItem: Column {
                        spacing: 2
                        Image {
                            width: 156
                            height: 156 * panel.session.slideHeight / panel.session.slideWidth
                            sourceSize.width: 156
                            cache: false
                            source: gallery.visible ? "image://slidespec-thumbnail/template/" + modelData + "/"
                                                      + panel.session.brandRevision : ""
                        }
                        Label { text: modelData; width: 156; elide: Text.ElideRight }
                    }
                }
            }
        }
    }
}
