import QtQuick
import QtQuick.Layouts

// Letters, digits and the few signs user names and passwords use. Emits keys.
ColumnLayout {
    id: pad
    signal key(string text)
    signal backspace()
    property bool shifted: false
    readonly property var rows: ["1234567890", "qwertyuiop", "asdfghjkl-", "zxcvbnm._@"]
    spacing: 6
    Repeater {
        model: pad.rows
        delegate: RowLayout {
            required property string modelData
            Layout.fillWidth: true
            Layout.fillHeight: true
            spacing: 4
            Repeater {
                model: modelData.split("")
                delegate: KioskButton {
                    required property string modelData
                    readonly property string keyText: pad.shifted ? modelData.toUpperCase() : modelData
                    objectName: "textkey-" + modelData
                    text: keyText
                    outline: true
                    implicitWidth: 48
                    font.pixelSize: Theme.fontNormal
                    Layout.fillWidth: true
                    Layout.fillHeight: true
                    Layout.minimumWidth: 48
                    Layout.minimumHeight: 48
                    onClicked: pad.key(keyText)
                }
            }
        }
    }
    RowLayout {
        Layout.fillWidth: true
        Layout.fillHeight: true
        spacing: 4
        KioskButton {
            text: "⇧"
            outline: !pad.shifted
            Layout.fillWidth: true
            Layout.fillHeight: true
            Layout.minimumHeight: 48
            onClicked: pad.shifted = !pad.shifted
        }
        KioskButton {
            objectName: "textkey-back"
            text: "←"
            outline: true
            Layout.fillWidth: true
            Layout.fillHeight: true
            Layout.minimumHeight: 48
            onClicked: pad.backspace()
        }
    }
}
