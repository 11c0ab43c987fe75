#pragma once
#include <QObject>
#include <QStringList>

#include <memory>

class CaptureService;
class ClientSettings;
class JobListModel;
class JobUploader;
class MyJobsWindow;
class PrinterListModel;
class ScreenshotRunner;
class Session;
class SingleInstance;
class TokenStore;
class TrayController;

/// Puts the tray app together: reads the command line, claims the single instance, picks the language,
/// and creates the settings, session, models, window and tray. main() only creates the QApplication
/// and this.
class ClientApplication : public QObject
{
    Q_OBJECT
public:
    explicit ClientApplication(QObject* parent = nullptr);
    ~ClientApplication() override;

    /// Starts the app with `arguments` (QCoreApplication::arguments()). Returns an exit code when the
    /// process should end at once (another instance runs, bad arguments), or -1 to enter the event loop.
    int start(const QStringList& arguments);

private:
    void startCapture();

    std::unique_ptr<SingleInstance> m_instance;
    std::unique_ptr<ClientSettings> m_settings;
    TokenStore* m_tokens = nullptr;
    Session* m_session = nullptr;
    JobListModel* m_jobs = nullptr;
    PrinterListModel* m_printers = nullptr;
    JobUploader* m_uploader = nullptr;
    std::unique_ptr<MyJobsWindow> m_window;
    std::unique_ptr<TrayController> m_tray;
    ScreenshotRunner* m_screenshots = nullptr;
    CaptureService* m_capture = nullptr;
};
