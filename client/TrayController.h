#pragma once
#include "NotificationText.h"
#include "Session.h"

#include <QHash>
#include <QObject>
#include <QPointer>
#include <QTimer>

class ClientSettings;
class DevicesWindow;
class FaxDialog;
class FaxInboxModel;
class FaxInboxWindow;
class HistoryWindow;
class JobListModel;
class MyJobsWindow;
class PrinterListModel;
class QAction;
class QMenu;
class QSystemTrayIcon;
class SentFaxModel;
class SentFaxWindow;
class SettingsDialog;
class SignInDialog;
class UsageController;
class UsageWindow;

/// The tray icon and everything hanging off it: the menu (My jobs, Usage, Devices for print admins,
/// History, Print a file..., Send fax...,
/// Sent faxes, Fax inbox with its unread count, Settings, Sign in / Sign out, Quit), the held-job count
/// on the icon, and notifications driven by the push channel (held, printed at <printer>, not printed
/// and still held, expiring soon, quota warnings, fax sent / not sent, new fax, a scan not delivered yet
/// or at all, and for print admins device alerts opened and cleared).
/// Asks for sign-in whenever the session needs it. Owns the Usage window, made when first opened.
class TrayController : public QObject
{
    Q_OBJECT
public:
    /// Wires the tray to `session`, `settings`, the models and the My jobs window; none are owned and
    /// all must outlive it.
    TrayController(Session* session, ClientSettings* settings, JobListModel* jobs, PrinterListModel* printers,
                   MyJobsWindow* window, QObject* parent = nullptr);
    ~TrayController() override;

    /// Shows the tray icon (or, without a system tray, the My jobs window).
    void show();
    /// Returns the tray menu.
    QMenu* menu() const { return m_menu; }
    /// Returns the tray icon.
    QSystemTrayIcon* trayIcon() const { return m_tray; }
    /// Returns the sign-in dialog while it is open.
    SignInDialog* signInDialog() const;
    /// Returns the last notification shown (for tests and screenshots).
    NotificationText::Message lastNotification() const { return m_lastNotification; }
    /// Returns the Usage window (null until it was first opened).
    UsageWindow* usageWindow() const { return m_usageWindow; }
    /// Returns the History window while it is open (null otherwise).
    HistoryWindow* historyWindow() const;
    /// Returns the Settings dialog while it is open (null otherwise).
    SettingsDialog* settingsDialog() const;
    /// Returns my sent faxes (kept live by the push channel).
    SentFaxModel* sentFaxModel() const { return m_sentFaxes; }
    /// Returns my fax inbox (kept live by the push channel).
    FaxInboxModel* faxInboxModel() const { return m_faxInbox; }
    /// Returns the Sent faxes window (null until it was first opened).
    SentFaxWindow* sentFaxWindow() const { return m_sentFaxWindow; }
    /// Returns the Fax inbox window (null until it was first opened).
    FaxInboxWindow* faxInboxWindow() const { return m_faxInboxWindow; }
    /// Returns the fax dialog opened last while it is open (null otherwise).
    FaxDialog* faxDialog() const;
    /// Returns the Devices window (print admins; null until it was first opened).
    DevicesWindow* devicesWindow() const { return m_devicesWindow; }

public Q_SLOTS:
    /// Opens My jobs.
    void showMyJobs();
    /// Opens Usage (my quota and trend; departments for heads and admins), fetching it afresh.
    void showUsage();
    /// Shows what became of my jobs in the last 90 days.
    void showHistory();
    /// Opens My jobs and its file dialog.
    void printFile();
    /// Opens the settings.
    void showSettings();
    /// Asks for a document (PDF, office documents, text, HWP, pictures) and opens the fax dialog on it.
    void sendFax();
    /// Opens the fax dialog on the file at `path` (uploaded as a draft).
    void sendFaxFile(const QString& path);
    /// Opens the fax dialog on draft `draftId` (a document printed to "MPS Fax", named `name`).
    void openFaxDraft(qint64 draftId, const QString& name = {});
    /// Opens Sent faxes.
    void showSentFaxes();
    /// Opens the Fax inbox (selecting fax `id` when given).
    void showFaxInbox(qint64 id = 0);
    /// Opens Devices (every printer's state and supplies, the order list); print admins only.
    void showDevices();
    /// Opens the sign-in dialog, showing `reason` (why) when not empty.
    void requestSignIn(const QString& reason = {});
    /// Signs out.
    void signOut();
    /// Says in the tooltip that `count` printed documents wait to be sent to the server.
    void setWaitingCaptures(int count);
    /// Shows `message` as a tray notification (if notifications are on).
    void notify(const NotificationText::Message& message);

private:
    void onEvent(const QString& type, const QJsonObject& data);
    bool eventFilter(QObject* watched, QEvent* event) override;
    void onStateChanged(Session::State state);
    void flushPrinted();
    void updateIcon();
    void retranslateMenu();
    void onFaxEvent(const QString& type, const QJsonObject& data);
    void updateFaxInboxAction();
    FaxDialog* makeFaxDialog(FaxDialog* dialog);
    bool isAdmin() const;

    Session* m_session;
    ClientSettings* m_settings;
    JobListModel* m_jobs;
    PrinterListModel* m_printers;
    MyJobsWindow* m_window;
    QSystemTrayIcon* m_tray;
    QMenu* m_menu;
    QAction* m_signInOut;
    QPointer<SignInDialog> m_signIn;
    QPointer<SettingsDialog> m_settingsDialog;
    QPointer<HistoryWindow> m_historyWindow;
    UsageController* m_usage = nullptr;
    UsageWindow* m_usageWindow = nullptr;
    NotificationText::Message m_lastNotification;
    // Printed jobs arrive one event each; a short wait lets "2 jobs printed at 3F-East" be one message.
    QTimer m_printedTimer;
    QHash<QString, QStringList> m_printed; // printer -> job names
    int m_waitingCaptures = 0;
    bool m_quotaNotification = false; // the last notification was a quota warning: a click opens Usage
    enum class FaxTarget { None, SentFaxes, FaxInbox };
    FaxTarget m_faxNotification = FaxTarget::None; // the last notification was about a fax: a click opens it
    qint64 m_notifiedFaxId = 0;
    SentFaxModel* m_sentFaxes = nullptr;
    FaxInboxModel* m_faxInbox = nullptr;
    SentFaxWindow* m_sentFaxWindow = nullptr;
    FaxInboxWindow* m_faxInboxWindow = nullptr;
    QAction* m_faxInboxAction = nullptr;
    QPointer<FaxDialog> m_faxDialog;
    QHash<qint64, QString> m_faxStates; // fax id -> last state heard, to notify each end once
    bool m_live = false;
    // Device monitoring (print admins): the menu entry is shown to admins only.
    QAction* m_devicesAction = nullptr;
    DevicesWindow* m_devicesWindow = nullptr;
    bool m_devicesNotification = false; // the last notification was a device alert: a click opens Devices
};
