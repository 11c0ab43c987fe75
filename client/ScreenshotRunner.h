#pragma once
#include <QObject>
#include <QString>

#include "NotificationText.h"

#include <functional>
#include <optional>

class ClientSettings;
class JobListModel;
class MyJobsWindow;
class Session;
class TrayController;
class QWidget;

/// Screenshot mode (mps-client --screenshot-dir DIR): signs in with the credentials in
/// $MPS_SCREENSHOT_SERVER, $MPS_SCREENSHOT_USER and $MPS_SCREENSHOT_PASSWORD, opens each screen in turn
/// and saves it as DIR/client-<screen>-<language>.png (signin, tray-menu, notification,
/// notification-server-alert, myjobs,
/// release, then the Usage window), then finishes. With $MPS_SCREENSHOT_ONLY=usage only the Usage
/// window is shot (for a second account). Usage is shot at 1366x768 and 1920x1080 as
/// usage-<user|head|admin>[-department]-<size>. Used by scripts/client-screenshots.sh under Xvfb.
class ScreenshotRunner : public QObject
{
    Q_OBJECT
public:
    /// Prepares a run that saves into `directory`; none of the objects are owned.
    ScreenshotRunner(const QString& directory, Session* session, ClientSettings* settings,
                     TrayController* tray, MyJobsWindow* window, JobListModel* jobs,
                     QObject* parent = nullptr);

    /// Starts the run.
    void start();

Q_SIGNALS:
    /// The run ended: 0 when every screenshot was saved.
    void finished(int exitCode);

private:
    void signIn();
    void trayMenu();
    void notification();
    /// Shows `message` as the tray's balloon, saves it as `name` and goes on with `next`.
    void shootNotification(const std::optional<NotificationText::Message>& message, const QString& name,
                           const std::function<void()>& next);
    void myJobs();
    void release();
    void options();
    void history();
    void settings();
    void usage();
    void usageAt(int sizeIndex);
    void done();
    bool save(const QImage& image, const QString& screen);
    bool saveWidget(QWidget* widget, const QString& screen);
    void fail(const QString& why);
    /// Calls `then` once `condition` holds (checked every 100 ms), or fails with `what` after `timeoutMs`.
    void waitFor(const std::function<bool()>& condition, int timeoutMs, const QString& what,
                 const std::function<void()>& then);

    QString m_directory;
    QString m_language;
    Session* m_session;
    ClientSettings* m_settings;
    TrayController* m_tray;
    MyJobsWindow* m_window;
    JobListModel* m_jobs;
    int m_failures = 0;
    bool m_usageOnly = false;
};
