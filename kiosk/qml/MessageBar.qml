import QtQuick
import Mps.Kiosk

// The current message of the kiosk (an error says what to do next). As tall as its text; tapping
// it puts it away.
Rectangle {
    objectName: "messageBar"
    visible: Kiosk.message !== ""
    // Not tied to `visible`: a height that changed together with the visibility left Qt 6.4's
    // positioners and layouts holding the old space (an empty band above the job list).
    implicitHeight: msg.implicitHeight + 20
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
    MouseArea {
        anchors.fill: parent
        onClicked: Kiosk.dismissMessage()
    }
}
