import QtQuick
import QtQuick.Controls

// A large touch button: filled (default) or outlined.
Button {
    id: control
    property color tone: Theme.primary
    property bool outline: false
    implicitHeight: Theme.touch
    implicitWidth: Math.max(Theme.touch * 2, label.implicitWidth + 40)
    font.pixelSize: Theme.fontNormal
    contentItem: Text {
        id: label
        text: control.text
        font: control.font
        color: control.outline ? (control.enabled ? control.tone : "#9aa4b0") : "white"
        horizontalAlignment: Text.AlignHCenter
        verticalAlignment: Text.AlignVCenter
        elide: Text.ElideRight
    }
    background: Rectangle {
        radius: Theme.radius
        color: control.outline ? (control.down ? Theme.selected : Theme.surface)
                               : (!control.enabled ? "#a9b3bf" : control.down ? Qt.darker(control.tone, 1.25) : control.tone)
        border.width: control.outline ? 2 : 0
        border.color: control.enabled ? control.tone : "#c3cad3"
    }
}
