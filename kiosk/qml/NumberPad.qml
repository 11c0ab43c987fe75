import QtQuick
import QtQuick.Layouts

// Digits for the PIN. Emits keys; the screen puts them into its field.
GridLayout {
    id: pad
    signal key(string text)
    signal backspace()
    signal clear()
    columns: 3
    rowSpacing: 8
    columnSpacing: 8
    Repeater {
        model: ["1", "2", "3", "4", "5", "6", "7", "8", "9"]
        delegate: KioskButton {
            required property string modelData
            objectName: "numkey-" + modelData
            text: modelData
            outline: true
            font.pixelSize: Theme.fontLarge
            Layout.fillWidth: true
            Layout.fillHeight: true
            Layout.minimumHeight: Theme.touch
            onClicked: pad.key(modelData)
        }
    }
    KioskButton {
        text: qsTr("Clear")
        outline: true
        Layout.fillWidth: true
        Layout.fillHeight: true
        Layout.minimumHeight: Theme.touch
        onClicked: pad.clear()
    }
    KioskButton {
        objectName: "numkey-0"
        text: "0"
        outline: true
        font.pixelSize: Theme.fontLarge
        Layout.fillWidth: true
        Layout.fillHeight: true
        Layout.minimumHeight: Theme.touch
        onClicked: pad.key("0")
    }
    KioskButton {
        objectName: "numkey-back"
        text: "←"
        outline: true
        font.pixelSize: Theme.fontLarge
        Layout.fillWidth: true
        Layout.fillHeight: true
        Layout.minimumHeight: Theme.touch
        onClicked: pad.backspace()
    }
}
