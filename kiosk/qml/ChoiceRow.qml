import QtQuick
import QtQuick.Layouts
import Mps.Kiosk

// One choice among a few, as a row of touch buttons: the chosen one filled, the others outlined.
// `choices` is [{value, text}]; `chosen(value)` is emitted on a tap.
RowLayout {
    id: row
    property var choices: []
    property var current
    property string namePrefix: ""
    signal chosen(var value)
    spacing: 6
    Repeater {
        model: row.choices
        KioskButton {
            required property var modelData
            objectName: row.namePrefix + modelData.value
            text: modelData.text
            outline: row.current !== modelData.value
            implicitWidth: 60
            Layout.fillWidth: true
            font.pixelSize: Theme.fontSmall
            onClicked: row.chosen(modelData.value)
        }
    }
}
