import QtQuick
import Mps.Kiosk

// The current message of the kiosk (an error says what to do next).
Rectangle {
    visible: Kiosk.message !== ""
    implicitHeight: visible ? Math.max(Theme.touch, msg.contentHeight + 20) : 0
    color: Kiosk.messageIsError ? "#fdecea" : "#e8f5e9"
    border.color: Kiosk.messageIsError ? Theme.danger : Theme.ok
    border.width: 2
    radius: Theme.radius
    Text {
        id: msg
        objectName: "messageText"
        x: 10
        width: parent.width - 20
        anchors.verticalCenter: parent.verticalCenter
        text: Kiosk.message
        wrapMode: Text.WordWrap
        color: Kiosk.messageIsError ? Theme.danger : Theme.ok
        font.pixelSize: Theme.fontNormal
    }
}
