import QtQuick
import Mps.Kiosk

// This printer cannot print: say so before anyone releases, and name the working printers nearby.
Rectangle {
    id: banner
    objectName: "faultBanner"
    visible: !PrinterStatusController.printerCanPrint
    // Summed from the parts (not the Column's own height, which a layout may read too early).
    // Not tied to `visible` (see MessageBar): Qt 6.4 kept the old space when both changed at once.
    implicitHeight: title.implicitHeight + hint.implicitHeight + chips.height + 2 * content.spacing + 20
    color: Theme.warning
    border.color: Theme.warningBorder
    border.width: 2
    radius: Theme.radius
    // A plain Column: its height follows the wrapped texts and the chips as they arrive.
    Column {
        id: content
        anchors.left: parent.left
        anchors.right: parent.right
        anchors.top: parent.top
        anchors.margins: 10
        spacing: 4
        Text {
            id: title
            objectName: "faultText"
            text: qsTr("%1 cannot print now: %2.").arg(PrinterStatusController.printerName).arg(PrinterStatusController.printerFaultText)
            font.pixelSize: Theme.fontNormal
            font.bold: true
            color: Theme.warningBorder
            wrapMode: Text.WordWrap
            width: parent.width
        }
        Text {
            id: hint
            text: PrinterStatusController.alternatives.count > 0
                  ? qsTr("Your jobs stay held. Print them at a printer nearby:")
                  : qsTr("Your jobs stay held until you print them at another printer.")
            font.pixelSize: Theme.fontSmall
            color: Theme.text
            wrapMode: Text.WordWrap
            width: parent.width
        }
        // One row of chips with a fixed height, so the banner's height is known at once.
        ListView {
            id: chips
            objectName: "alternatives"
            width: parent.width
            height: 40 // fixed: reserved while the list loads, so the banner never grows under the list
            orientation: ListView.Horizontal
            spacing: 8
            clip: true
            interactive: contentWidth > width
            model: PrinterStatusController.alternatives
            delegate: Rectangle {
                required property string name
                required property string location
                objectName: "alternative-" + name
                radius: 8
                color: "white"
                border.color: "#f0b27a"
                width: alt.implicitWidth + 24
                height: 40
                Text {
                    id: alt
                    anchors.centerIn: parent
                    text: location === "" ? name : qsTr("%1 (%2)").arg(name).arg(location)
                    font.pixelSize: Theme.fontSmall
                    font.bold: true
                    color: Theme.text
                }
            }
        }
    }
}
