import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Mps.Kiosk

// The fingerprint sensor in use: confirming it is you after a card or PIN (VerifyScreen), or
// registering a finger while signed in (EnrollScreen), with a dot per touch.
Rectangle {
    id: screen
    objectName: "fingerprintScreen"
    color: Theme.background
    readonly property bool enrolling: Kiosk.screen === Kiosk.EnrollScreen
    readonly property bool portrait: height > width

    ColumnLayout {
        anchors.fill: parent
        spacing: 0
        Header {
            Layout.fillWidth: true
            Text {
                objectName: "countdown"
                text: qsTr("Auto sign-out in %n s", "", Kiosk.secondsLeft)
                color: Kiosk.secondsLeft <= 10 ? "#ffcc80" : "#c9d6e6"
                font.pixelSize: Theme.fontSmall
                font.bold: Kiosk.secondsLeft <= 10
            }
        }
        Item {
            Layout.fillWidth: true
            Layout.fillHeight: true
            ColumnLayout {
                anchors.centerIn: parent
                width: Math.min(parent.width - 2 * Theme.gap, 640)
                spacing: screen.portrait ? 24 : 14
                // A fingerprint drawn as nested arcs.
                Canvas {
                    id: print
                    Layout.alignment: Qt.AlignHCenter
                    implicitWidth: screen.portrait ? 120 : 96
                    implicitHeight: implicitWidth
                    property color tone: Kiosk.messageIsError ? Theme.danger : Theme.primary
                    onToneChanged: requestPaint()
                    onPaint: {
                        const ctx = getContext("2d")
                        ctx.reset()
                        ctx.strokeStyle = tone
                        ctx.lineWidth = width / 24
                        ctx.lineCap = "round"
                        const c = width / 2
                        // Rings open at the bottom, each a little different, like a finger's ridges.
                        for (let i = 1; i <= 5; ++i) {
                            const r = i * width / 11
                            ctx.beginPath()
                            ctx.arc(c, c, r, Math.PI * (0.72 + 0.06 * (i % 2)), Math.PI * (2.28 - 0.06 * ((i + 1) % 2)))
                            ctx.stroke()
                        }
                    }
                }
                Text {
                    objectName: "fingerprintTitle"
                    text: screen.enrolling ? qsTr("Register your fingerprint") : qsTr("Confirm it is you")
                    font.pixelSize: Theme.fontHuge
                    font.bold: true
                    color: Theme.text
                    horizontalAlignment: Text.AlignHCenter
                    wrapMode: Text.WordWrap
                    Layout.fillWidth: true
                }
                Text {
                    objectName: "fingerprintHint"
                    text: screen.enrolling
                          ? qsTr("Touch the sensor %n more time(s) with the same finger, lifting it in between.", "",
                                 Math.max(0, FingerprintController.enrollTotal - FingerprintController.enrollDone))
                          : qsTr("Your account asks for your fingerprint after the card or PIN.")
                    font.pixelSize: Theme.fontNormal
                    color: Theme.muted
                    horizontalAlignment: Text.AlignHCenter
                    wrapMode: Text.WordWrap
                    Layout.fillWidth: true
                }
                Row {
                    objectName: "enrollDots"
                    visible: screen.enrolling && FingerprintController.enrollTotal > 0
                    Layout.alignment: Qt.AlignHCenter
                    spacing: 14
                    Repeater {
                        model: FingerprintController.enrollTotal
                        Rectangle {
                            required property int index
                            width: 26
                            height: 26
                            radius: 13
                            color: index < FingerprintController.enrollDone ? Theme.ok : Theme.surface
                            border.color: index < FingerprintController.enrollDone ? Theme.ok : "#9aa4b0"
                            border.width: 2
                        }
                    }
                }
                MessageBar { Layout.fillWidth: true }
                Text {
                    visible: screen.enrolling
                    text: qsTr("Your fingerprint is kept encrypted on the print server, never on this kiosk. You can remove it here at any time.")
                    font.pixelSize: Theme.fontSmall
                    color: Theme.muted
                    horizontalAlignment: Text.AlignHCenter
                    wrapMode: Text.WordWrap
                    Layout.fillWidth: true
                }
                GridLayout {
                    Layout.alignment: Qt.AlignHCenter
                    columns: screen.portrait ? 1 : 4
                    columnSpacing: Theme.gap
                    rowSpacing: 8
                    KioskButton {
                        objectName: "fingerprintRetry"
                        visible: Kiosk.messageIsError
                        text: qsTr("Try again")
                        enabled: !Kiosk.busy
                        Layout.fillWidth: screen.portrait
                        onClicked: FingerprintController.retryFingerprint()
                    }
                    KioskButton {
                        objectName: "fingerprintSkip"
                        visible: !screen.enrolling && FingerprintController.fingerprintFailed
                        text: qsTr("Continue without fingerprint")
                        outline: true
                        enabled: !Kiosk.busy
                        Layout.fillWidth: screen.portrait
                        onClicked: FingerprintController.continueWithoutFingerprint()
                    }
                    KioskButton {
                        objectName: "fingerprintRemove"
                        visible: screen.enrolling && FingerprintController.hasFingerprint
                        text: qsTr("Withdraw consent and delete my fingerprint")
                        outline: true
                        tone: Theme.danger
                        enabled: !Kiosk.busy
                        Layout.fillWidth: screen.portrait
                        onClicked: FingerprintController.removeFingerprint()
                    }
                    KioskButton {
                        objectName: "fingerprintCancel"
                        text: screen.enrolling ? qsTr("Back to my jobs") : qsTr("Cancel")
                        outline: true
                        Layout.fillWidth: screen.portrait
                        onClicked: FingerprintController.cancelFingerprint()
                    }
                }
                BusyIndicator {
                    running: Kiosk.busy
                    visible: running
                    Layout.alignment: Qt.AlignHCenter
                }
            }
        }
    }
}
