// SPDX-License-Identifier: GPL-3.0-or-later
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Slidespec.Ui

// The progress of an export: a bar, what is being written, Cancel while it
// runs; afterwards the error or what was written, and Show for a PDF.
Dialog {
    id: dialog

    required property ExportSession exporter
    property bool succeeded: false
    readonly property var formatNames: [qsTr("PowerPoint"), qsTr("PDF"), qsTr("PNG images")]
    signal showPdf(string file)

    objectName: "exportDialog"
    title: qsTr("Export as %1").arg(formatNames[exporter.format])
    modal: true
    anchors.centerIn: parent
    width: 460
    closePolicy: exporter.running ? Popup.NoAutoClose : Popup.CloseOnEscape

    /*! Starts exporting as \a format to \a target and shows the progress. */
    function begin(format, target) {
        succeeded = false
        const error = exporter.start(format, target)
        if (error.length > 0) {
            errorLabel.text = error
        } else {
            errorLabel.text = ""
        }
        open()
    }

    Connections {
        target: dialog.exporter
        function onFinished(ok, error, files) {
            dialog.succeeded = ok
            errorLabel.text = ok ? "" : error
        }
    }

    ColumnLayout {
        anchors.fill: parent
        spacing: 8
        ProgressBar {
            objectName: "exportProgress"
            Layout.fillWidth: true
            from: 0
            to: 100
            value: dialog.exporter.progress
        }
        Label {
            Layout.fillWidth: true
            elide: Text.ElideMiddle
            text: dialog.exporter.running ? dialog.exporter.message
                  : dialog.succeeded ? qsTr("Exported %n file(s).", "", dialog.exporter.files.length)
                  : ""
        }
        Label {
            id: errorLabel
            objectName: "exportError"
            Layout.fillWidth: true
            visible: text.length > 0
            color: "#d64545"
            wrapMode: Text.WordWrap
        }
        RowLayout {
            Layout.alignment: Qt.AlignRight
            Button {
                objectName: "exportShow"
                text: qsTr("Show")
                visible: dialog.succeeded && dialog.exporter.format === ExportSession.Pdf
                onClicked: {
                    dialog.showPdf(dialog.exporter.files[0])
                    dialog.close()
                }
            }
            Button {
                text: dialog.exporter.running ? qsTr("Cancel") : qsTr("Close")
                onClicked: {
                    if (dialog.exporter.running)
                        dialog.exporter.cancel()
                    else
                        dialog.close()
                }
            }
        }
    }
}
