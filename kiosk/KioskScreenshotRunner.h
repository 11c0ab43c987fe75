#pragma once
#include <QObject>
#include <QPointer>
#include <QString>
#include <QStringList>
#include <functional>

class KioskController;
class QQuickWindow;

/// Walks the kiosk through its screens against a real server and saves each one as a PNG, for the
/// docs and for checking by eye (scripts/kiosk-screenshots.sh). Shots: idle, pin, link, jobs,
/// confirm-delete, fault (the jobs screen while the printer cannot print), idle-fault, scan, scan-pages,
/// scan-jam (with --scanner).
class KioskScreenshotRunner : public QObject
{
    Q_OBJECT
public:
    /// Saves into `dir` as `<prefix>-<shot>.png`, signing in as `user` with `pin` for the job screens.
    KioskScreenshotRunner(KioskController* kiosk, QQuickWindow* window, const QString& dir,
                          const QString& prefix, const QString& user, const QString& pin,
                          const QStringList& shots, QObject* parent = nullptr);

    /// Starts; finished() follows with the exit code (0 when every shot was saved).
    void start();

Q_SIGNALS:
    void finished(int exitCode);

private:
    using Step = std::function<void()>;
    void next();
    void waitFor(const std::function<bool()>& ready, int settleMs, const Step& then, const QString& what);
    void grab(const QString& shot);
    void setField(const char* objectName, const QString& text);
    /// Touches libfprint's virtual sensor `times` times with the demo user's finger.
    void touchSensor(int times);

    QPointer<KioskController> m_kiosk;
    QPointer<QQuickWindow> m_window;
    QString m_dir;
    QString m_prefix;
    QString m_user;
    QString m_pin;
    QStringList m_shots;
    QList<Step> m_steps;
    int m_failures = 0;
};
