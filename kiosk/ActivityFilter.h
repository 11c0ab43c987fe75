#pragma once
#include <QElapsedTimer>
#include <QObject>

class WedgeReader;

/// An application-wide event filter: every touch, click or key counts as activity (for the
/// inactivity sign-out), and while `wedgeActive` key presses go to the keyboard-wedge reader first.
class ActivityFilter : public QObject
{
    Q_OBJECT
public:
    /// Creates a filter feeding `wedge` (may be null); install it with installEventFilter().
    explicit ActivityFilter(WedgeReader* wedge, QObject* parent = nullptr);

    /// Routes key presses to the wedge reader (on the idle screen, where nothing else takes keys).
    void setWedgeActive(bool active) { m_wedgeActive = active; }

Q_SIGNALS:
    /// The user touched, clicked or typed.
    void activity();

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    WedgeReader* m_wedge;
    QElapsedTimer m_clock;
    bool m_wedgeActive = false;
};
