#include "WindowPlacement.h"

#include <QEvent>
#include <QGuiApplication>
#include <QObject>
#include <QScreen>
#include <QWidget>

namespace {

// Watches a window's Show events: the frame (title bar) size is only known once it is shown.
class OnScreenKeeper : public QObject
{
public:
    explicit OnScreenKeeper(QWidget* window) : QObject(window) { window->installEventFilter(this); }

protected:
    bool eventFilter(QObject* watched, QEvent* event) override
    {
        if (event->type() == QEvent::Show && watched == parent())
            WindowPlacement::ensureOnScreen(static_cast<QWidget*>(watched));
        return false;
    }
};

} // namespace

namespace WindowPlacement {

void keepOnScreen(QWidget* window)
{
    if (!window)
        return;
    new OnScreenKeeper(window);
    ensureOnScreen(window);
}

void ensureOnScreen(QWidget* window)
{
    if (!window)
        return;
    const QRect frame = window->frameGeometry();
    QScreen* screen = QGuiApplication::screenAt(frame.center());
    if (!screen)
        screen = QGuiApplication::primaryScreen();
    if (!screen)
        return;
    const QRect area = screen->availableGeometry();
    if (area.contains(frame))
        return;
    // The frame (title bar included) must fit: the client area is that much smaller.
    const QSize extra = frame.size() - window->geometry().size();
    const QSize size = window->size().boundedTo(area.size() - extra);
    window->resize(size);
    const QSize full = size + extra;
    const int x = qBound(area.left(), frame.left(), area.right() + 1 - full.width());
    const int y = qBound(area.top(), frame.top(), area.bottom() + 1 - full.height());
    window->move(x, y);
}

void bringToFront(QWidget* window)
{
    if (window->isMinimized())
        window->showNormal();
    else
        window->show();
    window->raise();
    window->activateWindow();
}

} // namespace WindowPlacement
