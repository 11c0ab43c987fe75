import QtQuick
import QtQuick.Layouts
import Mps.Kiosk

// One held job: thumbnail, name, pages, colour, time, progress. Tap to select.
Rectangle {
    id: row
    required property int index
    required property string name
    required property string details
    required property string thumbnail
    required property bool selected
    required property bool selectable
    required property bool failed
    required property string stateText
    implicitHeight: Math.max(112, info.implicitHeight + 24)
    radius: Theme.radius
    color: selected ? Theme.selected : Theme.surface
    border.width: selected ? 3 : 1
    border.color: selected ? Theme.primary : "#d5dbe3"
    RowLayout {
        anchors.fill: parent
        anchors.margins: 10
        spacing: Theme.gap
        Rectangle {
            implicitWidth: 40
            implicitHeight: 40
            radius: 8
            // Hidden but keeping its place while the job is on its way, so the row does not jump.
            opacity: row.selectable ? 1 : 0
            border.width: 2
            border.color: row.selected ? Theme.primary : "#8d99a8"
            color: row.selected ? Theme.primary : "white"
            Text {
                anchors.centerIn: parent
                text: "✓"
                visible: row.selected
                color: "white"
                font.pixelSize: 26
                font.bold: true
            }
        }
        Rectangle {
            implicitWidth: 66
            implicitHeight: 90
            color: "#f7f7f7"
            border.color: "#c8ced6"
            Image {
                anchors.fill: parent
                anchors.margins: 1
                source: row.thumbnail
                fillMode: Image.PreserveAspectFit
                asynchronous: true
                sourceSize.height: 180
            }
        }
        ColumnLayout {
            id: info
            Layout.fillWidth: true
            spacing: 2
            Text {
                text: row.name
                font.pixelSize: Theme.fontNormal
                font.bold: true
                color: Theme.text
                elide: Text.ElideMiddle
                Layout.fillWidth: true
            }
            Text {
                text: row.details
                font.pixelSize: Theme.fontSmall
                color: Theme.muted
                elide: Text.ElideRight
                Layout.fillWidth: true
            }
            Text {
                objectName: "jobState"
                text: row.stateText
                font.pixelSize: Theme.fontSmall
                font.bold: !row.selectable || row.failed
                color: row.failed ? Theme.danger : row.selectable ? Theme.muted : Theme.primary
                wrapMode: Text.WordWrap
                Layout.fillWidth: true
            }
        }
    }
    MouseArea {
        anchors.fill: parent
        enabled: row.selectable
        onClicked: JobsController.jobs.setSelected(row.index, !row.selected)
    }
}
