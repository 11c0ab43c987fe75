#pragma once

class QWidget;

/// Keeps windows where people can see them: a geometry saved on another monitor or another screen
/// size must not put a window (partly) off screen.
namespace WindowPlacement {

/// Moves `window` (after restoreGeometry) so that it lies fully on the screen its centre is on, or
/// else on the primary screen, shrinking it to that screen's available area when it is larger.
void ensureOnScreen(QWidget* window);

/// Calls ensureOnScreen() now and every time `window` is shown (the frame is known only then).
void keepOnScreen(QWidget* window);

/// Shows `window` (restored when minimised), raises it and gives it focus: what a tray menu entry or a
/// notification click does.
void bringToFront(QWidget* window);

} // namespace WindowPlacement
