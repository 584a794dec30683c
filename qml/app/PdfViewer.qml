// SPDX-License-Identifier: GPL-3.0-or-later
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import QtQuick.Pdf

// An exported PDF, shown in the app with Qt PDF: every page, scrollable.
Dialog {
    id: viewer

    property url source
    readonly property int status: pdfDocument.status
    readonly property int pageCount: pdfDocument.pageCount

    objectName: "pdfViewer"
    title: source.toString().split("/").pop()
    modal: true
    anchors.centerIn: parent
    width: parent ? parent.width * 0.8 : 900
    height: parent ? parent.height * 0.9 : 700
    // Our own Close: the standard button's text would need Qt's translations.
    footer: DialogButtonBox {
        Button {
            text: qsTr("Close")
            DialogButtonBox.buttonRole: DialogButtonBox.RejectRole
        }
    }

    PdfDocument {
        id: pdfDocument
        source: viewer.source
    }

    ColumnLayout {
        anchors.fill: parent
        Label {
            text: pdfDocument.status === PdfDocument.Error ? qsTr("Cannot show the PDF: %1").arg(pdfDocument.error)
                                                           : qsTr("%n page(s)", "", pdfDocument.pageCount)
        }
        PdfMultiPageView {
            Layout.fillWidth: true
            Layout.fillHeight: true
            clip: true
            document: pdfDocument
        }
    }
}
