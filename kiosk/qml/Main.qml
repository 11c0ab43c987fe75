import QtQuick
import QtQuick.Controls
import Mps.Kiosk

// The kiosk window: one screen at a time, chosen by Kiosk.screen.
ApplicationWindow {
    id: window
    width: 1024
    height: 600
    title: qsTr("MPS Kiosk")
    color: Theme.background

    Loader {
        id: screens
        objectName: "screens"
        anchors.fill: parent
        sourceComponent: {
            switch (Kiosk.screen) {
            case Kiosk.PinScreen: return pinScreen
            case Kiosk.LinkCardScreen: return linkScreen
            case Kiosk.JobsScreen: return jobsScreen
            case Kiosk.VerifyScreen: return fingerprintScreen
            case Kiosk.EnrollScreen: return fingerprintScreen
            case Kiosk.ConsentScreen: return consentScreen
            case Kiosk.ScanScreen: return scanScreen
            default: return idleScreen
            }
        }
    }
    Component { id: idleScreen; IdleScreen {} }
    Component { id: pinScreen; PinScreen {} }
    Component { id: linkScreen; LinkCardScreen {} }
    Component { id: jobsScreen; JobsScreen {} }
    Component { id: fingerprintScreen; FingerprintScreen {} }
    Component { id: consentScreen; ConsentScreen {} }
    Component { id: scanScreen; ScanScreen {} }
}
