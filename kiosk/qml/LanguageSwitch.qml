import QtQuick
import QtQuick.Controls
import Mps.Kiosk

// 한국어 / English: each language named in itself, so anyone can find theirs.
Row {
    spacing: 6
    Repeater {
        model: [{ code: "ko", label: "한국어" }, { code: "en", label: "English" }]
        delegate: KioskButton {
            required property var modelData
            objectName: "lang-" + modelData.code
            text: modelData.label
            outline: Kiosk.language !== modelData.code
            tone: Kiosk.language === modelData.code ? Theme.primary : "#ffffff"
            implicitWidth: 92
            font.pixelSize: Theme.fontSmall
            onClicked: Kiosk.language = modelData.code
            background: Rectangle {
                radius: Theme.radius
                color: Kiosk.language === modelData.code ? "#ffffff" : "transparent"
                border.width: 2
                border.color: "#ffffff"
            }
            contentItem: Text {
                text: modelData.label
                font.pixelSize: Theme.fontSmall
                font.bold: Kiosk.language === modelData.code
                color: Kiosk.language === modelData.code ? Theme.header : "#ffffff"
                horizontalAlignment: Text.AlignHCenter
                verticalAlignment: Text.AlignVCenter
            }
        }
    }
}
