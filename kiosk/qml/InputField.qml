import QtQuick

// A touch input box filled by the on-screen pads (no system keyboard at the kiosk).
Rectangle {
    id: field
    property string text: ""
    property string label: ""
    property bool secret: false
    property bool active: false
    signal tapped()
    implicitHeight: Theme.touch + 28
    implicitWidth: 300
    color: "transparent"
    Text {
        id: caption
        text: field.label
        font.pixelSize: Theme.fontSmall
        color: Theme.muted
    }
    Rectangle {
        anchors.top: caption.bottom
        anchors.topMargin: 4
        anchors.left: parent.left
        anchors.right: parent.right
        height: Theme.touch
        radius: Theme.radius
        color: Theme.surface
        border.width: field.active ? 3 : 1
        border.color: field.active ? Theme.primary : "#b7c0cc"
        Text {
            anchors.fill: parent
            anchors.leftMargin: 14
            anchors.rightMargin: 14
            verticalAlignment: Text.AlignVCenter
            font.pixelSize: Theme.fontLarge
            color: Theme.text
            elide: Text.ElideLeft
            text: field.secret ? "●".repeat(field.text.length) : field.text
        }
        MouseArea {
            anchors.fill: parent
            onClicked: field.tapped()
        }
    }
}
