import QtQuick
import QtQuick.Layouts
import Mps.Kiosk

// The top bar of every screen: this printer, its state, a slot for the screen, the language switch.
Rectangle {
    id: header
    default property alias extra: slot.data
    implicitHeight: Theme.touch + 20
    color: Theme.header
    RowLayout {
        anchors.fill: parent
        anchors.leftMargin: Theme.gap
        anchors.rightMargin: Theme.gap
        spacing: Theme.gap
        ColumnLayout {
            spacing: 0
            Layout.fillWidth: true
            Layout.minimumWidth: 96
            Text {
                objectName: "headerPrinter"
                text: PrinterStatusController.printerName
                color: "white"
                font.pixelSize: Theme.fontNormal
                font.bold: true
                elide: Text.ElideRight
                Layout.fillWidth: true
            }
            Text {
                text: PrinterStatusController.printerLocation
                color: "#c9d6e6"
                font.pixelSize: Theme.fontSmall
                elide: Text.ElideRight
                Layout.fillWidth: true
            }
        }
        RowLayout {
            id: slot
            spacing: Theme.gap
        }
        LanguageSwitch {}
    }
}
