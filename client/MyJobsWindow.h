#pragma once
#include "JobListModel.h"

#include <QList>
#include <QMainWindow>
#include <QPointer>

class ClientSettings;
class JobUploader;
class PrinterListModel;
class QAction;
class QLabel;
class QListView;
class QMessageBox;
class QProgressBar;
class QStackedWidget;
class QToolBar;

/// "My jobs": my held jobs with their first pages and options. Delete several at once (after asking),
/// change copies, sides and colour, print them at a printer chosen from the server's list, and add
/// documents by dropping files on the window or with "Print a file...". Every action is asynchronous;
/// results show in the status bar. Closing the window hides it: the tray app keeps running.
class MyJobsWindow : public QMainWindow
{
    Q_OBJECT
public:
    /// Creates the window over `jobs` and `printers`, uploading through `uploader`; `settings` keeps the
    /// last printer and the window geometry (may be null). None are owned; all must outlive it.
    MyJobsWindow(JobListModel* jobs, PrinterListModel* printers, JobUploader* uploader,
                 ClientSettings* settings, QWidget* parent = nullptr);
    ~MyJobsWindow() override;

    /// Returns the list of jobs (for tests and screenshots).
    QListView* view() const { return m_view; }
    /// Returns the ids of the selected jobs, in list order.
    QList<qint64> selectedJobIds() const;
    /// Returns the ids of the selected jobs that are held (those that can be changed or printed).
    QList<qint64> selectedHeldJobIds() const;
    /// Returns the action with the object name `name` ("delete", "options", "release", "printFile",
    /// "refresh"), for tests and the tray menu.
    QAction* action(const QString& name) const;
    /// Returns the text in the status bar's message area.
    QString statusText() const;
    /// Returns what is left of my quota as the status bar shows it (empty without a quota).
    QString quotaText() const;

    /// Shows whether the push channel is live; `detail` explains an outage.
    void setLive(bool live, const QString& detail = {});
    /// Shows who is signed in (empty when nobody).
    void setSignedInUser(const QString& name);

public Q_SLOTS:
    /// Asks for confirmation, then deletes the selected jobs.
    void deleteSelected();
    /// Opens the options dialog for the selected held jobs.
    void changeOptionsOfSelected();
    /// Opens the printer choice for the selected held jobs.
    void releaseSelected();
    /// Opens a file dialog and uploads the chosen files.
    void printFile();
    /// Uploads `paths` as new held jobs.
    void uploadFiles(const QStringList& paths);
    /// Brings the window to the front.
    void showAndRaise();

protected:
    void changeEvent(QEvent* event) override;
    void closeEvent(QCloseEvent* event) override;
    void dragEnterEvent(QDragEnterEvent* event) override;
    void dropEvent(QDropEvent* event) override;

private:
    void createActions();
    void retranslate();
    void updateActions();
    void updateEmptyState();
    void showStatus(const QString& text);
    void showErrors(const QString& title, const QStringList& errors);
    void onActionFinished(JobListModel::Action action, int succeeded, const QStringList& errors);

    JobListModel* m_jobs;
    PrinterListModel* m_printers;
    JobUploader* m_uploader;
    ClientSettings* m_settings;
    QString m_pendingReleasePrinter;
    QListView* m_view;
    QStackedWidget* m_stack;
    QLabel* m_emptyLabel;
    QLabel* m_message;
    QLabel* m_live;
    QToolBar* m_toolBar = nullptr;
    bool m_isLive = false;
    QString m_liveDetail;
    QString m_signedInName;
    QLabel* m_user;
    QLabel* m_quota;
    QProgressBar* m_progress;
    QPointer<QMessageBox> m_errorBox;
    QAction* m_delete = nullptr;
    QAction* m_options = nullptr;
    QAction* m_release = nullptr;
    QAction* m_printFile = nullptr;
    QAction* m_refresh = nullptr;
};
