import QtQuick
import QtQuick.Layouts
import Mps.Kiosk

// A complete keyboard for IDs and passwords: letters (shift for capitals), a page with every ASCII
// symbol, a space, and a Korean (두벌식) layout whose jamo join into syllables (Hangul.type in C++).
// Emits `key` for text to append, `jamo` for a Hangul key, `backspace`.
ColumnLayout {
    id: pad
    signal key(string text)
    signal jamo(string text)
    signal backspace()
    property bool shifted: false
    property bool symbols: false
    property bool hangul: false
    readonly property var latinRows: ["1234567890", "qwertyuiop", "asdfghjkl", "zxcvbnm"]
    readonly property var hangulRows: ["1234567890", "ㅂㅈㄷㄱㅅㅛㅕㅑㅐㅔ", "ㅁㄴㅇㄹㅎㅗㅓㅏㅣ", "ㅋㅌㅊㅍㅠㅜㅡ"]
    readonly property var symbolRows: ["!@#$%^&*()", "-_=+[]{}\\|", ";:'\",.<>/?", "`~"]
    // Shift on the Korean layout gives the tense consonants and ㅒ ㅖ.
    readonly property var hangulShift: ({"ㅂ": "ㅃ", "ㅈ": "ㅉ", "ㄷ": "ㄸ", "ㄱ": "ㄲ", "ㅅ": "ㅆ", "ㅐ": "ㅒ", "ㅔ": "ㅖ"})
    readonly property var rows: symbols ? symbolRows : hangul ? hangulRows : latinRows
    // Every character key has the width of one in ten across; shorter rows are centred.
    readonly property real keyWidth: Math.max(40, (width - 9 * 4) / 10)
    spacing: 6

    function shown(k) {
        if (!shifted || symbols)
            return k
        return hangul ? (hangulShift[k] || k) : k.toUpperCase()
    }
    function press(k) {
        const t = shown(k)
        if (hangul && !symbols && /[ㄱ-ㅣ]/.test(t))
            pad.jamo(t)
        else
            pad.key(t)
    }

    Repeater {
        model: pad.rows
        // A fixed-size cell per row with a centred Row of keys: the layout sees no size that depends
        // on its own width (Qt 6.4 left rows unarranged when it did).
        delegate: Item {
            id: row
            required property string modelData
            Layout.fillWidth: true
            Layout.fillHeight: true
            Layout.minimumHeight: 48
            Layout.maximumHeight: 84 // keys stay key-shaped on tall screens
            implicitHeight: Theme.touch
            Row {
                anchors.centerIn: parent
                spacing: 4
                Repeater {
                    model: row.modelData.split("")
                    delegate: KioskButton {
                        required property string modelData
                        objectName: "textkey-" + modelData
                        text: pad.shown(modelData)
                        outline: true
                        width: pad.keyWidth
                        height: row.height
                        font.pixelSize: Theme.fontNormal
                        onClicked: pad.press(modelData)
                    }
                }
            }
        }
    }
    RowLayout {
        Layout.fillWidth: true
        Layout.fillHeight: true
        Layout.maximumHeight: 84
        spacing: 4
        KioskButton {
            objectName: "textkey-shift"
            text: "⇧"
            outline: !pad.shifted
            enabled: !pad.symbols
            implicitWidth: 56
            Layout.fillWidth: true
            Layout.fillHeight: true
            Layout.minimumHeight: 48
            onClicked: pad.shifted = !pad.shifted
        }
        KioskButton {
            objectName: "textkey-symbols"
            //: The keyboard key that shows the symbols page, and (on it) the one back to letters.
            text: pad.symbols ? (pad.hangul ? "가나다" : "ABC") : qsTr("!#1")
            outline: true
            implicitWidth: 72
            font.pixelSize: Theme.fontSmall
            Layout.fillWidth: true
            Layout.fillHeight: true
            Layout.minimumHeight: 48
            onClicked: pad.symbols = !pad.symbols
        }
        KioskButton {
            objectName: "textkey-hangul"
            text: pad.hangul ? "ABC" : "한글"
            outline: true
            implicitWidth: 72
            font.pixelSize: Theme.fontSmall
            Layout.fillWidth: true
            Layout.fillHeight: true
            Layout.minimumHeight: 48
            onClicked: { pad.hangul = !pad.hangul; pad.symbols = false; pad.shifted = false }
        }
        KioskButton {
            objectName: "textkey-space"
            text: qsTr("Space")
            outline: true
            implicitWidth: 120
            font.pixelSize: Theme.fontSmall
            Layout.fillWidth: true
            Layout.preferredWidth: 200
            Layout.fillHeight: true
            Layout.minimumHeight: 48
            onClicked: pad.key(" ")
        }
        KioskButton {
            objectName: "textkey-back"
            text: "←"
            outline: true
            implicitWidth: 56
            Layout.fillWidth: true
            Layout.fillHeight: true
            Layout.minimumHeight: 48
            onClicked: pad.backspace()
        }
    }
    // Takes what the capped rows leave, so the pad still fills its place (a pad with a maximum
    // height made the screen's layout centre everything, header included).
    Item {
        Layout.fillHeight: true
        Layout.preferredHeight: 0
    }
}
