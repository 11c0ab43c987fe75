import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Mps.Kiosk

// An unknown card: sign in once with ID and password to link it to the account.
Rectangle {
    id: screen
    objectName: "linkCardScreen"
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
                spacing: 8
                Text {
                    text: qsTr("Link this card")
                    font.pixelSize: Theme.fontLarge
                    font.bold: true
                    color: Theme.text
                    width: parent.width
                }
                Text {
                    visible: !messageBar.visible
                    text: qsTr("This card is not linked to an account yet. Enter your ID and password once; after that, tapping the card is enough.")
                    font.pixelSize: Theme.fontSmall
                    color: Theme.muted
                    wrapMode: Text.WordWrap
                    width: parent.width
                }
                MessageBar { id: messageBar; width: parent.width }
                InputField {
                    id: userField
                    objectName: "linkUserField"
                    label: qsTr("ID")
                    active: screen.activeField === userField
                    width: parent.width
                    onTapped: screen.activeField = userField
                }
                InputField {
                    id: passwordField
                    objectName: "linkPasswordField"
                    label: qsTr("Password")
                    secret: true
                    active: screen.activeField === passwordField
                    width: parent.width
                    onTapped: screen.activeField = passwordField
                }
                RowLayout {
                    width: parent.width
                    spacing: Theme.gap
                    KioskButton {
                        text: qsTr("Cancel")
                        outline: true
                        Layout.fillWidth: true
                        onClicked: SignInController.cancel()
                    }
                    KioskButton {
                        objectName: "linkButton"
                        text: qsTr("Link and sign in")
                        enabled: userField.text !== "" && passwordField.text !== "" && !Kiosk.busy
                        Layout.fillWidth: true
                        onClicked: SignInController.linkCard(userField.text, passwordField.text)
                    }
                }
            }
            ColumnLayout {
                Layout.fillWidth: true
                Layout.fillHeight: true
                Layout.preferredWidth: screen.portrait ? -1 : screen.width * 0.62
                spacing: Theme.gap
                TextPad {
                    Layout.fillWidth: true
                    Layout.fillHeight: true
                    Layout.minimumHeight: 300
                    onKey: (t) => screen.type(t)
                    onJamo: (j) => screen.typeJamo(j)
                    onBackspace: screen.backspace()
                }
            }
        }
    }
}
