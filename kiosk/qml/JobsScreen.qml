import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Mps.Kiosk

// The signed-in user's jobs at this printer: select, print with options, or delete.
Rectangle {
    id: screen
    objectName: "jobsScreen"
    color: Theme.background
    readonly property bool portrait: height > width

    ColumnLayout {
        anchors.fill: parent
        spacing: 0
        Header {
            Layout.fillWidth: true
            Text {
                objectName: "countdown"
                text: Kiosk.signingOutAfterPrint ? qsTr("Signing out in %n s", "", Kiosk.secondsLeft)
                                                 : qsTr("Auto sign-out in %n s", "", Kiosk.secondsLeft)
                color: Kiosk.secondsLeft <= 10 ? "#ffcc80" : "#c9d6e6"
                font.pixelSize: Theme.fontSmall
                font.bold: Kiosk.secondsLeft <= 10
            }
            KioskButton {
                objectName: "signOutButton"
                text: qsTr("Sign out")
                tone: "#ffffff"
                implicitWidth: 104
                font.pixelSize: Theme.fontSmall
                onClicked: Kiosk.signOut()
                contentItem: Text {
                    text: qsTr("Sign out")
                    font.pixelSize: Theme.fontSmall
                    font.bold: true
                    color: Theme.header
                    horizontalAlignment: Text.AlignHCenter
                    verticalAlignment: Text.AlignVCenter
                }
            }
        }
        GridLayout {
            Layout.fillWidth: true
            Layout.fillHeight: true
            Layout.margins: Theme.gap
            columns: screen.portrait ? 1 : 2
            columnSpacing: Theme.gap
            rowSpacing: Theme.gap
            // The heading and the bars stacked by plain bindings, the list below the last visible
            // one: each bar is exactly as tall as its text and takes no room once hidden. (A
            // ColumnLayout, and a Column too, in Qt 6.4 kept the space of a bar that had been shown:
            // an empty band above the list for the rest of the session.)
            Item {
                id: jobsColumn
                Layout.fillWidth: true
                Layout.fillHeight: true
                Text {
                    id: greeting
                    objectName: "greeting"
                    width: parent.width
                    text: qsTr("%1, your held jobs").arg(Kiosk.userName)
                    font.pixelSize: Theme.fontLarge
                    font.bold: true
                    color: Theme.text
                    elide: Text.ElideRight
                }
                Text {
                    id: quota
                    objectName: "quotaText"
                    y: greeting.height + 4
                    width: parent.width
                    visible: text !== ""
                    text: JobsController.quotaText
                    font.pixelSize: Theme.fontSmall
                    color: JobsController.quotaLow ? Theme.danger : Theme.muted
                    font.bold: JobsController.quotaLow
                    wrapMode: Text.WordWrap
                }
                FaultBanner {
                    id: fault
                    y: (quota.visible ? quota.y + quota.height : greeting.height) + Theme.gap
                    width: parent.width
                }
                MessageBar {
                    id: bar
                    y: (fault.visible ? fault.y + fault.height : fault.y - Theme.gap) + Theme.gap
                    width: parent.width
                }
                Item {
                    id: top
                    height: (bar.visible ? bar.y + bar.height : bar.y - Theme.gap)
                }
                Item {
                    anchors.top: top.bottom
                    anchors.topMargin: Theme.gap
                    anchors.left: parent.left
                    anchors.right: parent.right
                    anchors.bottom: parent.bottom
                    ListView {
                        id: list
                        objectName: "jobList"
                        anchors.fill: parent
                        clip: true
                        spacing: 8
                        model: JobsController.jobs
                        delegate: JobDelegate { width: ListView.view.width }
                        ScrollBar.vertical: ScrollBar { width: 12 }
                    }
                    Text {
                        anchors.centerIn: parent
                        visible: list.count === 0 && !JobsController.jobs.loading
                        text: qsTr("You have no held jobs.")
                        font.pixelSize: Theme.fontLarge
                        color: Theme.muted
                    }
                    BusyIndicator {
                        anchors.centerIn: parent
                        running: JobsController.jobs.loading && list.count === 0
                    }
                }
            }
                // Options and actions: a side panel in landscape, a bottom panel in portrait.
                GridLayout {
                    Layout.fillWidth: screen.portrait
                    Layout.preferredWidth: screen.portrait ? -1 : Math.max(320, screen.width * 0.34)
                    Layout.alignment: Qt.AlignTop
                    columns: screen.portrait ? 2 : 1
                    columnSpacing: Theme.gap
                    rowSpacing: 8
                    RowLayout {
                        Layout.fillWidth: true
                        spacing: 8
                        Text {
                            text: qsTr("Copies")
                            font.pixelSize: Theme.fontNormal
                            color: Theme.text
                            Layout.fillWidth: true
                        }
                        KioskButton {
                            objectName: "copiesMinus"
                            text: "−"
                            outline: true
                            implicitWidth: Theme.touch
                            font.pixelSize: Theme.fontLarge
                            enabled: JobsController.copies > 1
                            onClicked: JobsController.copies = JobsController.copies - 1
                        }
                        Text {
                            objectName: "copiesValue"
                            text: JobsController.copies
                            font.pixelSize: Theme.fontLarge
                            horizontalAlignment: Text.AlignHCenter
                            Layout.preferredWidth: 44
                        }
                        KioskButton {
                            objectName: "copiesPlus"
                            text: "+"
                            outline: true
                            implicitWidth: Theme.touch
                            font.pixelSize: Theme.fontLarge
                            enabled: JobsController.copies < PrinterStatusController.copiesMax
                            onClicked: JobsController.copies = JobsController.copies + 1
                        }
                    }
                    OptionSwitch {
                        objectName: "duplexSwitch"
                        visible: PrinterStatusController.canDuplex
                        text: qsTr("Double-sided")
                        checked: JobsController.duplex
                        onToggled: JobsController.duplex = checked
                        Layout.fillWidth: true
                    }
                    OptionSwitch {
                        objectName: "monoSwitch"
                        visible: PrinterStatusController.canChooseColour
                        text: qsTr("Black and white")
                        checked: JobsController.mono
                        onToggled: JobsController.mono = checked
                        Layout.fillWidth: true
                    }
                    KioskButton {
                        objectName: "selectAllButton"
                        text: JobsController.jobs.selectedCount > 0 && JobsController.jobs.selectedCount === JobsController.jobs.heldCount
                              ? qsTr("Select none") : qsTr("Select all")
                        outline: true
                        enabled: JobsController.jobs.heldCount > 0
                        Layout.fillWidth: true
                        onClicked: JobsController.jobs.selectAll(!(JobsController.jobs.selectedCount > 0 && JobsController.jobs.selectedCount === JobsController.jobs.heldCount))
                    }
                    KioskButton {
                        objectName: "deleteButton"
                        text: qsTr("Delete")
                        outline: true
                        tone: Theme.danger
                        enabled: JobsController.jobs.selectedCount > 0 && !Kiosk.busy
                        Layout.fillWidth: true
                        onClicked: JobsController.requestDelete()
                    }
                    KioskButton {
                        objectName: "printButton"
                        text: qsTr("Print selected (%1)").arg(JobsController.jobs.selectedCount)
                        enabled: JobsController.jobs.selectedCount > 0 && PrinterStatusController.printerCanPrint && !Kiosk.busy
                        Layout.fillWidth: true
                        onClicked: JobsController.printSelected()
                    }
                    KioskButton {
                        objectName: "scanToMailButton"
                        visible: ScanController.available
                        text: qsTr("Scan to my e-mail")
                        outline: true
                        enabled: !Kiosk.busy
                        Layout.fillWidth: true
                        onClicked: ScanController.openScreen()
                    }
                    KioskButton {
                        objectName: "fingerprintButton"
                        visible: FingerprintController.fingerprintAvailable
                        text: FingerprintController.hasFingerprint ? qsTr("My fingerprint") : qsTr("Register fingerprint")
                        outline: true
                        enabled: !Kiosk.busy
                        Layout.fillWidth: true
                        onClicked: FingerprintController.startEnrollment()
                    }
                    KioskButton {
                        objectName: "printAllButton"
                        text: qsTr("Print all and sign out")
                        tone: Theme.ok
                        enabled: JobsController.jobs.heldCount > 0 && PrinterStatusController.printerCanPrint && !Kiosk.busy
                        Layout.fillWidth: true
                        onClicked: JobsController.printAll()
                    }
                }
        }
    }
    ConfirmDeleteDialog { anchors.fill: parent }
}
