import QtQuick
import QtQuick.Layouts
import Mps.Kiosk

// "Delete these jobs?" over the job list, answered by JobsController.confirmDelete() or cancelDelete().
Rectangle {
    id: overlay
    objectName: "confirmDeleteDialog"
    visible: JobsController.confirmingDelete
    color: "#99000000"
    MouseArea { anchors.fill: parent } // keeps taps off the list below
    Rectangle {
        anchors.centerIn: parent
        width: Math.min(parent.width - 40, 520)
        implicitHeight: box.implicitHeight + 48
        radius: Theme.radius
        color: Theme.surface
        ColumnLayout {
            id: box
            anchors.fill: parent
            anchors.margins: 24
            spacing: 16
            Text {
                text: qsTr("Delete %n job(s)?", "", JobsController.jobs.selectedCount)
                font.pixelSize: Theme.fontLarge
                font.bold: true
                color: Theme.text
                wrapMode: Text.WordWrap
                Layout.fillWidth: true
            }
            Text {
                text: qsTr("Deleted jobs are destroyed on the server and cannot be printed or recovered.")
                font.pixelSize: Theme.fontNormal
                color: Theme.muted
                wrapMode: Text.WordWrap
                Layout.fillWidth: true
            }
            RowLayout {
                Layout.fillWidth: true
                spacing: Theme.gap
                KioskButton {
                    objectName: "keepButton"
                    text: qsTr("Keep")
                    outline: true
                    Layout.fillWidth: true
                    onClicked: JobsController.cancelDelete()
                }
                KioskButton {
                    objectName: "confirmDeleteButton"
                    text: qsTr("Delete")
                    tone: Theme.danger
                    Layout.fillWidth: true
                    onClicked: JobsController.confirmDelete()
                }
            }
        }
    }
}
