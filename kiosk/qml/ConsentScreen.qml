import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Mps.Kiosk

// Before a fingerprint is registered (biometric data, PIPA): what is kept, where, why, for how long,
// and that the card and PIN always remain. Nothing is scanned until the person agrees.
Rectangle {
    id: screen
    objectName: "consentScreen"
    color: Theme.background
    readonly property bool portrait: height > width

    ColumnLayout {
        anchors.fill: parent
        spacing: 0
        Header {
            Layout.fillWidth: true
            Text {
                text: qsTr("Auto sign-out in %n s", "", Kiosk.secondsLeft)
                color: Kiosk.secondsLeft <= 10 ? "#ffcc80" : "#c9d6e6"
                font.pixelSize: Theme.fontSmall
                font.bold: Kiosk.secondsLeft <= 10
            }
        }
        Flickable {
            id: flick
            Layout.fillWidth: true
            Layout.fillHeight: true
            clip: true
            contentWidth: width
            contentHeight: terms.implicitHeight + 2 * Theme.gap
            boundsBehavior: Flickable.StopAtBounds
            ScrollBar.vertical: ScrollBar { policy: flick.contentHeight > flick.height ? ScrollBar.AlwaysOn : ScrollBar.AlwaysOff }
            ColumnLayout {
                id: terms
                x: Math.max(Theme.gap, (flick.width - width) / 2)
                y: Theme.gap
                width: Math.min(flick.width - 2 * Theme.gap, 820)
                spacing: 8
                Text {
                    objectName: "consentTitle"
                    text: qsTr("Register your fingerprint?")
                    font.pixelSize: Theme.fontLarge
                    font.bold: true
                    color: Theme.text
                    wrapMode: Text.WordWrap
                    Layout.fillWidth: true
                }
                Repeater {
                    model: [
                        [qsTr("What is kept"), qsTr("A template computed from your fingerprint (a set of numbers), not an image of it.")],
                        [qsTr("Where"), qsTr("Only on the print server, encrypted. Never on this kiosk.")],
                        [qsTr("Why"), qsTr("To recognise you at the kiosks, so you can print your jobs by touching the sensor.")],
                        [qsTr("For how long"), qsTr("Until you withdraw your consent: here under \"My fingerprint\" or in the tray app.")],
                        [qsTr("Your choice"), qsTr("Registering is optional. Your card and PIN always keep working.")]
                    ]
                    RowLayout {
                        required property var modelData
                        Layout.fillWidth: true
                        spacing: Theme.gap
                        Text {
                            text: modelData[0]
                            font.pixelSize: Theme.fontNormal
                            font.bold: true
                            color: Theme.text
                            Layout.preferredWidth: screen.portrait ? 150 : 190
                            Layout.alignment: Qt.AlignTop
                            wrapMode: Text.WordWrap
                        }
                        Text {
                            text: modelData[1]
                            font.pixelSize: Theme.fontNormal
                            color: Theme.text
                            wrapMode: Text.WordWrap
                            Layout.fillWidth: true
                        }
                    }
                }
                MessageBar { Layout.fillWidth: true }
            }
        }
        Rectangle {
            Layout.fillWidth: true
            implicitHeight: buttons.implicitHeight + 2 * Theme.gap
            color: Theme.surface
            GridLayout {
                id: buttons
                anchors.fill: parent
                anchors.margins: Theme.gap
                columns: screen.portrait ? 1 : 3
                columnSpacing: Theme.gap
                rowSpacing: 8
                KioskButton {
                    objectName: "consentAgree"
                    text: qsTr("Agree and register")
                    tone: Theme.ok
                    enabled: !Kiosk.busy
                    Layout.fillWidth: true
                    onClicked: FingerprintController.agreeAndEnroll()
                }
                KioskButton {
                    objectName: "consentWithdraw"
                    visible: FingerprintController.hasFingerprint
                    text: qsTr("Withdraw consent and delete my fingerprint")
                    outline: true
                    tone: Theme.danger
                    enabled: !Kiosk.busy
                    Layout.fillWidth: true
                    onClicked: FingerprintController.removeFingerprint()
                }
                KioskButton {
                    objectName: "consentCancel"
                    text: qsTr("Cancel")
                    outline: true
                    Layout.fillWidth: true
                    onClicked: FingerprintController.cancelFingerprint()
                }
            }
        }
    }
}
