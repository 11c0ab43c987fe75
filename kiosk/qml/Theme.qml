pragma Singleton
import QtQuick

// Colours and sizes shared by the screens. Touch targets are at least 48 px (touch: 56).
QtObject {
    readonly property color background: "#eef1f5"
    readonly property color surface: "#ffffff"
    readonly property color header: "#1f3a5f"
    readonly property color primary: "#1565c0"
    readonly property color text: "#1b1f24"
    readonly property color muted: "#5a6676"
    readonly property color danger: "#c62828"
    readonly property color ok: "#2e7d32"
    readonly property color warning: "#fff4e5"
    readonly property color warningBorder: "#e65100"
    readonly property color selected: "#e3efff"
    readonly property int touch: 56
    readonly property int radius: 10
    readonly property int gap: 12
    readonly property int fontSmall: 16
    readonly property int fontNormal: 20
    readonly property int fontLarge: 26
    readonly property int fontHuge: 36
}
