#include "ActivityFilter.h"

#include "WedgeReader.h"

#include <QKeyEvent>
#include <QWindow>

ActivityFilter::ActivityFilter(WedgeReader* wedge, QObject* parent) : QObject(parent), m_wedge(wedge)
{
    m_clock.start();
}

bool ActivityFilter::eventFilter(QObject* watched, QEvent* event)
{
    // Events reach the window first and then its items: count each input once, at the window.
    if (!qobject_cast<QWindow*>(watched))
        return false;
    switch (event->type()) {
    case QEvent::KeyPress: {
        auto* key = static_cast<QKeyEvent*>(event);
        Q_EMIT activity();
        if (m_wedgeActive && m_wedge) {
            const bool enter = key->key() == Qt::Key_Return || key->key() == Qt::Key_Enter;
            return m_wedge->keyPressed(key->text(), enter, m_clock.elapsed());
        }
        return false;
    }
    case QEvent::MouseButtonPress:
    case QEvent::TouchBegin:
    case QEvent::Wheel:
        Q_EMIT activity();
        return false;
    default:
        return false;
    }
}
