import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Mps.Kiosk

// Scan to my e-mail: source, colour, resolution and file name; the pages as they come; Send. The
// address is the signed-in person's own, shown and never asked for (ScanController).
Rectangle {
    id: screen
    objectName: "scanScreen"
    color: Theme.background
    readonly property bool portrait: height > width
    property bool editingName: false

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
        GridLayout {
            Layout.fillWidth: true
            Layout.fillHeight: true
            Layout.margins: Theme.gap
            columns: screen.portrait ? 1 : 2
            columnSpacing: Theme.gap
            rowSpacing: Theme.gap
            // The heading, the address and the message stacked by plain bindings (as on the jobs
            // screen), the pages below the last visible one.
            Item {
                Layout.fillWidth: true
                Layout.fillHeight: true
                Text {
                    id: title
                    objectName: "scanTitle"
                    width: parent.width
                    text: qsTr("Scan to my e-mail")
                    font.pixelSize: Theme.fontLarge
                    font.bold: true
                    color: Theme.text
                    elide: Text.ElideRight
                }
                Text {
                    id: address
                    objectName: "scanAddress"
                    y: title.height + 4
                    width: parent.width
                    text: ScanController.addressText
                    font.pixelSize: Theme.fontNormal
                    color: Theme.muted
                    elide: Text.ElideMiddle
                }
                MessageBar {
                    id: bar
                    y: address.y + address.height + Theme.gap
                    width: parent.width
                }
                Item {
                    id: top
                    height: bar.visible ? bar.y + bar.height : address.y + address.height
                }
                Item {
                    anchors.top: top.bottom
                    anchors.topMargin: Theme.gap
                    anchors.left: parent.left
                    anchors.right: parent.right
                    anchors.bottom: parent.bottom
                    GridView {
                        id: pages
                        objectName: "scanPages"
                        anchors.fill: parent
                        clip: true
                        cellWidth: 150
                        cellHeight: 214
                        model: ScanController.pages
                        delegate: Item {
                            id: page
                            required property int index
                            required property int number
                            required property string thumbnail
                            required property bool uploaded
                            objectName: "scanPage-" + number
                            width: pages.cellWidth
                            height: pages.cellHeight
                            Rectangle {
                                anchors.fill: parent
                                anchors.margins: 6
                                color: Theme.surface
                                radius: Theme.radius
                                border.color: "#c3cad3"
                                Image {
                                    anchors.top: parent.top
                                    anchors.topMargin: 6
                                    anchors.horizontalCenter: parent.horizontalCenter
                                    width: parent.width - 12
                                    height: parent.height - 62
                                    fillMode: Image.PreserveAspectFit
                                    source: page.thumbnail
                                    asynchronous: true
                                }
                                Text {
                                    anchors.left: parent.left
                                    anchors.leftMargin: 10
                                    anchors.bottom: parent.bottom
                                    anchors.bottomMargin: 14
                                    text: page.number
                                    font.pixelSize: Theme.fontNormal
                                    font.bold: true
                                    color: page.uploaded ? Theme.text : Theme.muted
                                }
                                KioskButton {
                                    objectName: "deletePage-" + page.number
                                    anchors.right: parent.right
                                    anchors.bottom: parent.bottom
                                    anchors.margins: 4
                                    implicitWidth: 48
                                    implicitHeight: 48
                                    outline: true
                                    tone: Theme.danger
                                    text: "✕"
                                    enabled: !ScanController.scanning && !ScanController.sending
                                    Accessible.name: qsTr("Delete page %1").arg(page.number)
                                    onClicked: ScanController.deletePage(page.index)
                                }
                            }
                        }
                        ScrollBar.vertical: ScrollBar { width: 12 }
                    }
                    Text {
                        objectName: "scanEmpty"
                        anchors.centerIn: parent
                        width: parent.width - 2 * Theme.gap
                        visible: pages.count === 0 && !ScanController.scanning
                        text: qsTr("Put your pages in the feeder or on the glass, then press Scan. The pages appear here as they are scanned.")
                        font.pixelSize: Theme.fontNormal
                        color: Theme.muted
                        wrapMode: Text.WordWrap
                        horizontalAlignment: Text.AlignHCenter
                    }
                    BusyIndicator {
                        anchors.centerIn: parent
                        running: ScanController.scanning && pages.count === 0
                    }
                }
            }
            // Settings and actions: a side panel in landscape, a bottom panel in portrait.
            GridLayout {
                Layout.fillWidth: screen.portrait
                Layout.preferredWidth: screen.portrait ? -1 : Math.max(360, screen.width * 0.4)
                Layout.alignment: Qt.AlignTop
                columns: 2
                columnSpacing: Theme.gap
                rowSpacing: 8
                Text {
                    text: qsTr("Source")
                    font.pixelSize: Theme.fontSmall
                    color: Theme.muted
                }
                ChoiceRow {
                    objectName: "sourceChoice"
                    namePrefix: "source-"
                    Layout.fillWidth: true
                    choices: ScanController.sources
                    current: ScanController.source
                    enabled: !ScanController.scanning
                    onChosen: (v) => ScanController.source = v
                }
                Text {
                    text: qsTr("Colour")
                    font.pixelSize: Theme.fontSmall
                    color: Theme.muted
                }
                ChoiceRow {
                    objectName: "modeChoice"
                    namePrefix: "mode-"
                    Layout.fillWidth: true
                    choices: [{ value: "color", text: qsTr("Colour") }, { value: "gray", text: qsTr("Grey") },
                              { value: "lineart", text: qsTr("B/W", "black and white") }]
                    current: ScanController.mode
                    enabled: !ScanController.settingsLocked
                    onChosen: (v) => ScanController.mode = v
                }
                Text {
                    text: qsTr("Quality")
                    font.pixelSize: Theme.fontSmall
                    color: Theme.muted
                }
                ChoiceRow {
                    objectName: "resolutionChoice"
                    namePrefix: "resolution-"
                    Layout.fillWidth: true
                    choices: [{ value: 150, text: qsTr("150 dpi") }, { value: 300, text: qsTr("300 dpi") }]
                    current: ScanController.resolution
                    enabled: !ScanController.settingsLocked
                    onChosen: (v) => ScanController.resolution = v
                }
                Text {
                    text: qsTr("File name")
                    font.pixelSize: Theme.fontSmall
                    color: Theme.muted
                }
                KioskButton {
                    objectName: "fileNameButton"
                    Layout.fillWidth: true
                    outline: true
                    tone: Theme.text
                    text: qsTr("%1.pdf").arg(ScanController.fileName)
                    font.pixelSize: Theme.fontSmall
                    enabled: !ScanController.sending
                    onClicked: { nameField.text = ScanController.fileName; screen.editingName = true }
                }
                KioskButton {
                    objectName: "scanButton"
                    Layout.columnSpan: 2
                    Layout.fillWidth: true
                    visible: !ScanController.scanning
                    text: ScanController.scanButtonText
                    enabled: ScanController.canScan
                    onClicked: ScanController.scan()
                }
                KioskButton {
                    objectName: "stopButton"
                    Layout.columnSpan: 2
                    Layout.fillWidth: true
                    visible: ScanController.scanning
                    outline: true
                    tone: Theme.danger
                    text: qsTr("Stop scanning")
                    onClicked: ScanController.cancelScan()
                }
                KioskButton {
                    objectName: "sendButton"
                    Layout.columnSpan: 2
                    Layout.fillWidth: true
                    tone: Theme.ok
                    text: ScanController.pagesText === "" ? qsTr("Send")
                                                         : qsTr("Send (%1)").arg(ScanController.pagesText)
                    enabled: ScanController.canSend
                    onClicked: ScanController.send()
                }
                KioskButton {
                    objectName: "scanBackButton"
                    Layout.columnSpan: 2
                    Layout.fillWidth: true
                    outline: true
                    text: ScanController.pagesText === "" ? qsTr("Back to my jobs") : qsTr("Discard and go back")
                    enabled: !ScanController.sending
                    onClicked: ScanController.closeScreen()
                }
            }
        }
    }

    // The file name, typed on the kiosk's keyboard over the screen.
    Rectangle {
        objectName: "fileNameEditor"
        anchors.fill: parent
        visible: screen.editingName
        color: Theme.background
        MouseArea { anchors.fill: parent } // nothing below takes taps meanwhile
        ColumnLayout {
            anchors.fill: parent
            anchors.margins: Theme.gap
            spacing: Theme.gap
            RowLayout {
                Layout.fillWidth: true
                spacing: Theme.gap
                InputField {
                    id: nameField
                    objectName: "fileNameField"
                    label: qsTr("File name (.pdf is added)")
                    active: true
                    Layout.fillWidth: true
                }
                KioskButton {
                    objectName: "fileNameDone"
                    Layout.alignment: Qt.AlignBottom
                    text: qsTr("Done")
                    enabled: nameField.text.trim() !== ""
                    onClicked: { ScanController.fileName = nameField.text; screen.editingName = false }
                }
            }
            TextPad {
                Layout.fillWidth: true
                Layout.fillHeight: true
                onKey: (t) => nameField.text = nameField.text + t
                onJamo: (j) => nameField.text = Hangul.type(nameField.text, j)
                onBackspace: nameField.text = nameField.text.slice(0, -1)
            }
        }
    }
}
