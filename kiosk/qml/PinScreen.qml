import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Mps.Kiosk

// ID + PIN on on-screen pads: letters for the ID, digits for the PIN.
Rectangle {
    id: screen
    objectName: "pinScreen"
    color: Theme.background
    readonly property bool portrait: height > width
    property Item activeField: userField

    function type(t) { activeField.text = activeField.text + t }
    function backspace() { activeField.text = activeField.text.slice(0, -1) }
    function typeJamo(j) { activeField.text = Hangul.type(activeField.text, j) }

    ColumnLayout {
        anchors.fill: parent
        spacing: 0
        Header {
            Layout.fillWidth: true
            Text {
                objectName: "countdown"
                text: qsTr("Back in %n s", "", Kiosk.secondsLeft)
                color: "#c9d6e6"
                font.pixelSize: Theme.fontSmall
            }
        }
        GridLayout {
            Layout.fillWidth: true
            Layout.fillHeight: true
            Layout.margins: Theme.gap
            columns: screen.portrait ? 1 : 2
            columnSpacing: 2 * Theme.gap
            rowSpacing: Theme.gap
            // A plain Column, not a ColumnLayout: Qt 6.4 left a nested ColumnLayout unarranged when
            // the message bar appeared, and the refusal was drawn over the title.
            Column {
                Layout.fillWidth: true
                Layout.preferredWidth: screen.portrait ? -1 : screen.width * 0.38
                Layout.alignment: Qt.AlignTop
                spacing: Theme.gap
                Text {
                    text: qsTr("Sign in with your ID and PIN")
                    font.pixelSize: Theme.fontLarge
                    font.bold: true
                    color: Theme.text
                    wrapMode: Text.WordWrap
                    width: parent.width
                }
                InputField {
                    id: userField
                    objectName: "userField"
                    label: qsTr("ID")
                    active: screen.activeField === userField
                    width: parent.width
                    onTapped: screen.activeField = userField
                }
                InputField {
                    id: pinField
                    objectName: "pinField"
                    label: qsTr("PIN")
                    secret: true
                    active: screen.activeField === pinField
                    width: parent.width
                    onTapped: screen.activeField = pinField
                }
                MessageBar { width: parent.width }
                RowLayout {
                    width: parent.width
                    spacing: Theme.gap
                    KioskButton {
                        objectName: "cancelButton"
                        text: qsTr("Cancel")
                        outline: true
                        Layout.fillWidth: true
                        onClicked: SignInController.cancel()
                    }
                    KioskButton {
                        objectName: "signInButton"
                        text: qsTr("Sign in")
                        enabled: userField.text !== "" && pinField.text !== "" && !Kiosk.busy
                        Layout.fillWidth: true
                        onClicked: SignInController.signInWithPin(userField.text, pinField.text)
                    }
                }
            }
            Item {
                Layout.fillWidth: true
                Layout.fillHeight: true
                Layout.preferredWidth: screen.portrait ? -1 : screen.width * 0.62
                Layout.minimumHeight: screen.portrait ? 360 : 0
                TextPad {
                    anchors.fill: parent
                    visible: screen.activeField === userField
                    onKey: (t) => screen.type(t)
                    onJamo: (j) => screen.typeJamo(j)
                    onBackspace: screen.backspace()
                }
                NumberPad {
                    anchors.centerIn: parent
                    width: Math.min(parent.width, 420)
                    height: Math.min(parent.height, 360)
                    visible: screen.activeField === pinField
                    onKey: (t) => screen.type(t)
                    onBackspace: screen.backspace()
                    onClear: pinField.text = ""
                }
            }
        }
    }
    Connections {
        target: Kiosk
        // A refused PIN is cleared so the next try starts fresh.
        function onMessageChanged() { if (Kiosk.messageIsError) { pinField.text = ""; screen.activeField = pinField } }
    }
}
