import QtQuick
import QtQuick.Controls

// A print option as a large switch with its label; the whole row is the touch target.
Switch {
    id: control
    implicitHeight: Theme.touch
    font.pixelSize: Theme.fontNormal
    indicator: Rectangle {
        x: control.width - width - 4
        anchors.verticalCenter: parent.verticalCenter
        implicitWidth: 64
        implicitHeight: 34
        radius: 17
        color: control.checked ? Theme.primary : "#c3cad3"
        Rectangle {
            x: control.checked ? parent.width - width - 3 : 3
            anchors.verticalCenter: parent.verticalCenter
            width: 28
            height: 28
            radius: 14
            color: "white"
        }
    }
    contentItem: Text {
        text: control.text
        font: control.font
        color: Theme.text
        verticalAlignment: Text.AlignVCenter
        rightPadding: 76
        elide: Text.ElideRight
    }
}
