import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Mps.Kiosk

// Waiting for someone: tap a card, or sign in with ID and PIN.
Rectangle {
    id: screen
    objectName: "idleScreen"
    color: Theme.background
    readonly property bool portrait: height > width
    ColumnLayout {
        anchors.fill: parent
        spacing: 0
        Header { Layout.fillWidth: true }
        Item {
            Layout.fillWidth: true
            Layout.fillHeight: true
            ColumnLayout {
                anchors.centerIn: parent
                width: Math.min(parent.width - 2 * Theme.gap, 640)
                spacing: screen.portrait ? 28 : 18
                Rectangle {
                    objectName: "printerStatePill"
                    Layout.alignment: Qt.AlignHCenter
                    radius: height / 2
                    implicitHeight: 40
                    implicitWidth: stateText.implicitWidth + 40
                    // Green only for a state the kiosk knows: the server answered and the printer can print.
                    readonly property bool good: PrinterStatusController.printerCanPrint && PrinterStatusController.serverReachable
                    color: good ? "#e8f5e9" : "#fdecea"
                    border.color: good ? Theme.ok : Theme.danger
                    Text {
                        id: stateText
                        anchors.centerIn: parent
                        text: PrinterStatusController.printerStateText
                        font.pixelSize: Theme.fontNormal
                        color: parent.good ? Theme.ok : Theme.danger
                    }
                }
                // A staff card drawn above the reader's place.
                Rectangle {
                    Layout.alignment: Qt.AlignHCenter
                    implicitWidth: 150
                    implicitHeight: 95
                    radius: 10
                    color: Theme.primary
                    Rectangle { x: 16; y: 18; width: 34; height: 26; radius: 4; color: "#ffd54f" }
                    Rectangle { x: 16; y: 60; width: 110; height: 8; radius: 4; color: "#90caf9" }
                    Rectangle { x: 16; y: 74; width: 70; height: 8; radius: 4; color: "#90caf9" }
                }
                Text {
                    objectName: "tapCardText"
                    text: qsTr("Tap your staff card")
                    font.pixelSize: Theme.fontHuge
                    font.bold: true
                    color: Theme.text
                    horizontalAlignment: Text.AlignHCenter
                    wrapMode: Text.WordWrap
                    Layout.fillWidth: true
                }
                Text {
                    objectName: "touchSensorText"
                    visible: FingerprintController.fingerprintCanIdentify
                    text: qsTr("or touch the fingerprint sensor")
                    font.pixelSize: Theme.fontLarge
                    color: Theme.primary
                    horizontalAlignment: Text.AlignHCenter
                    wrapMode: Text.WordWrap
                    Layout.fillWidth: true
                }
                // Gives its place to a message (a refusal of three lines must fit at 1024x600).
                Text {
                    objectName: "idleHint"
                    visible: Kiosk.message === ""
                    text: qsTr("Your held print jobs appear here. Print them or delete the ones you no longer need.")
                    font.pixelSize: Theme.fontNormal
                    color: Theme.muted
                    horizontalAlignment: Text.AlignHCenter
                    wrapMode: Text.WordWrap
                    Layout.fillWidth: true
                }
                KioskButton {
                    objectName: "pinButton"
                    text: qsTr("Sign in with ID and PIN")
                    outline: true
                    Layout.alignment: Qt.AlignHCenter
                    Layout.preferredWidth: Math.min(parent.width, 420)
                    enabled: !Kiosk.busy
                    onClicked: SignInController.showPinEntry()
                }
                BusyIndicator {
                    running: Kiosk.busy
                    visible: running
                    Layout.alignment: Qt.AlignHCenter
                }
                MessageBar { Layout.fillWidth: true }
            }
        }
    }
}
