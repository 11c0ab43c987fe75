#include "TrayController.h"

#include "ApiClient.h"
#include "ClientLog.h"
#include "ClientSettings.h"
#include "EventStream.h"
#include "HistoryWindow.h"
#include "JobInfo.h"
#include "JobListModel.h"
#include "MyJobsWindow.h"
#include "PrinterListModel.h"
#include "SettingsDialog.h"
#include "SignInDialog.h"
#include "TrayIconPainter.h"
#include "UsageController.h"
#include "UsageWindow.h"

#include <QEvent>

#include <QApplication>
#include <QMenu>
#include <QSystemTrayIcon>

TrayController::TrayController(Session* session, ClientSettings* settings, JobListModel* jobs,
                               PrinterListModel* printers, MyJobsWindow* window, QObject* parent)
    : QObject(parent), m_session(session), m_settings(settings), m_jobs(jobs), m_printers(printers),
      m_window(window), m_tray(new QSystemTrayIcon(this)), m_menu(new QMenu)
{
    m_menu->setObjectName(QStringLiteral("trayMenu"));
    QAction* myJobs = m_menu->addAction(tr("My jobs"), this, &TrayController::showMyJobs);
    myJobs->setObjectName(QStringLiteral("myJobs"));
    QFont bold = myJobs->font();
    bold.setBold(true);
    myJobs->setFont(bold);
    m_menu->addAction(tr("Usage"), this, &TrayController::showUsage)->setObjectName(QStringLiteral("usage"));
    m_menu->addAction(tr("History"), this, &TrayController::showHistory)
        ->setObjectName(QStringLiteral("history"));
    m_menu->addAction(tr("Print a file..."), this, &TrayController::printFile)
        ->setObjectName(QStringLiteral("printFile"));
    m_menu->addSeparator();
    m_menu->addAction(tr("Settings..."), this, &TrayController::showSettings)
        ->setObjectName(QStringLiteral("settings"));
    m_signInOut = m_menu->addAction(tr("Sign out"));
    m_signInOut->setObjectName(QStringLiteral("signInOut"));
    connect(m_signInOut, &QAction::triggered, this, [this] {
        if (m_session->state() == Session::State::SignedOut)
            requestSignIn();
        else
            signOut();
    });
    m_menu->addSeparator();
    m_menu->addAction(tr("Quit"), qApp, &QCoreApplication::quit)->setObjectName(QStringLiteral("quit"));
    // A language chosen in Settings applies at once: the menu (a widget) hears of it.
    m_menu->installEventFilter(this);
    m_tray->setContextMenu(m_menu);

    connect(m_tray, &QSystemTrayIcon::activated, this, [this](QSystemTrayIcon::ActivationReason reason) {
        if (reason == QSystemTrayIcon::Trigger || reason == QSystemTrayIcon::DoubleClick)
            showMyJobs();
    });
    // A quota warning leads to where the quota is shown; everything else is about my jobs.
    connect(m_tray, &QSystemTrayIcon::messageClicked, this, [this] {
        if (m_quotaNotification)
            showUsage();
        else
            showMyJobs();
    });

    m_printedTimer.setSingleShot(true);
    m_printedTimer.setInterval(1500);
    connect(&m_printedTimer, &QTimer::timeout, this, &TrayController::flushPrinted);

    EventStream* events = m_session->events();
    connect(events, &EventStream::eventReceived, this, &TrayController::onEvent);
    connect(events, &EventStream::connected, this, [this] {
        // The server does not replay what happened while we were away: fetch everything again.
        m_live = true;
        m_jobs->refresh();
        m_printers->refresh();
        m_window->setLive(true);
        updateIcon();
    });
    auto offline = [this](const QString& why) {
        m_live = false;
        // The printers' states are no longer known: none is shown as ready until the server answers.
        m_printers->setServerReachable(false);
        m_window->setLive(false, why);
        updateIcon();
    };
    connect(events, &EventStream::disconnected, this, [offline] { offline({}); });
    connect(events, &EventStream::errorOccurred, this, offline);
    connect(m_session, &Session::stateChanged, this, &TrayController::onStateChanged);
    connect(m_session, &Session::signInRequired, this, &TrayController::requestSignIn);
    connect(m_session, &Session::notice, this, [this](const QString& message) {
        notify({tr("MPS Secure Print"), message, NotificationText::Severity::Warning});
    });
    connect(m_jobs, &JobListModel::heldCountChanged, this, &TrayController::updateIcon);
    onStateChanged(m_session->state());
}

TrayController::~TrayController()
{
    delete m_menu;
    delete m_signIn.data();
    delete m_settingsDialog.data();
    delete m_usageWindow;
}

SignInDialog* TrayController::signInDialog() const
{
    return m_signIn.data();
}

void TrayController::show()
{
    updateIcon();
    if (!QSystemTrayIcon::isSystemTrayAvailable()) {
        // Without a tray host the window is the only way in; the icon still appears if a tray starts later.
        qCInfo(lcClientTray) << "no system tray available; showing My jobs instead";
        m_window->showAndRaise();
    }
    m_tray->show();
}

void TrayController::showMyJobs()
{
    m_window->showAndRaise();
    if (m_session->state() == Session::State::SignedOut)
        requestSignIn();
}

void TrayController::showUsage()
{
    if (m_session->state() == Session::State::SignedOut) {
        requestSignIn();
        return;
    }
    if (!m_usageWindow) {
        m_usage = new UsageController(m_session->api(), this);
        m_usageWindow = new UsageWindow(m_usage, m_settings);
    }
    m_usage->setUser(m_session->user());
    m_usageWindow->showAndRaise();
}

void TrayController::printFile()
{
    showMyJobs();
    if (m_session->state() != Session::State::SignedOut)
        m_window->printFile();
}

bool TrayController::eventFilter(QObject* watched, QEvent* event)
{
    if (watched == m_menu && event->type() == QEvent::LanguageChange)
        retranslateMenu();
    return QObject::eventFilter(watched, event);
}

void TrayController::retranslateMenu()
{
    const QHash<QString, QString> texts{
        {QStringLiteral("myJobs"), tr("My jobs")},       {QStringLiteral("usage"), tr("Usage")},
        {QStringLiteral("history"), tr("History")},      {QStringLiteral("printFile"), tr("Print a file...")},
        {QStringLiteral("settings"), tr("Settings...")}, {QStringLiteral("quit"), tr("Quit")}};
    for (QAction* a : m_menu->actions()) {
        if (texts.contains(a->objectName()))
            a->setText(texts.value(a->objectName()));
    }
    if (m_session->state() == Session::State::SignedOut)
        m_signInOut->setText(tr("Sign in..."));
    else
        m_signInOut->setText(
            tr("Sign out (%1)")
                .arg(m_session->user().value(QLatin1String("displayName")).toString(m_session->username())));
    updateIcon();
    // The Usage window is built in its language: built again (and its data fetched again) in the new one.
    if (m_usageWindow) {
        const bool shown = m_usageWindow->isVisible();
        m_usageWindow->hide();
        m_usageWindow->deleteLater();
        m_usageWindow = nullptr;
        m_usage->deleteLater();
        m_usage = nullptr;
        if (shown)
            showUsage();
    }
}

HistoryWindow* TrayController::historyWindow() const
{
    return m_historyWindow;
}

SettingsDialog* TrayController::settingsDialog() const
{
    return m_settingsDialog;
}

void TrayController::showHistory()
{
    if (!m_historyWindow) {
        m_historyWindow = new HistoryWindow(m_session->api());
        m_historyWindow->setAttribute(Qt::WA_DeleteOnClose);
    } else {
        m_historyWindow->refresh();
    }
    m_historyWindow->show();
    m_historyWindow->raise();
    m_historyWindow->activateWindow();
}

void TrayController::showSettings()
{
    if (!m_settingsDialog) {
        m_settingsDialog = new SettingsDialog(m_settings, nullptr, m_session->api(), m_session->user());
        m_settingsDialog->setAttribute(Qt::WA_DeleteOnClose);
        connect(m_settingsDialog, &SettingsDialog::fingerprintDeleted, m_session,
                &Session::forgetFingerprint);
    }
    m_settingsDialog->show();
    m_settingsDialog->raise();
    m_settingsDialog->activateWindow();
}

void TrayController::requestSignIn(const QString& reason)
{
    if (!m_signIn) {
        m_signIn = new SignInDialog(m_session->api());
        m_signIn->setAttribute(Qt::WA_DeleteOnClose);
        m_signIn->setServerUrl(m_settings->serverUrl());
        m_signIn->setUsername(m_settings->username());
        m_signIn->setTrustedCertificate(m_settings->serverUrl(), m_settings->certificateFingerprint());
        connect(m_signIn, &SignInDialog::signedIn, m_session, &Session::adopt);
    }
    m_signIn->setMessage(reason);
    m_signIn->show();
    m_signIn->raise();
    m_signIn->activateWindow();
    if (!reason.isEmpty() && !m_signIn->isActiveWindow())
        notify({tr("Sign in again"), reason, NotificationText::Severity::Warning});
}

void TrayController::signOut()
{
    m_session->signOut();
}

void TrayController::onStateChanged(Session::State state)
{
    switch (state) {
    case Session::State::SignedIn:
        m_jobs->setOwner(m_session->username());
        // People by the name colleagues know them by ("displayName"), the login name only without one.
        m_window->setSignedInUser(
            m_session->user().value(QLatin1String("displayName")).toString(m_session->username()));
        m_signInOut->setText(
            tr("Sign out (%1)")
                .arg(m_session->user().value(QLatin1String("displayName")).toString(m_session->username())));
        m_jobs->refresh();
        m_printers->refresh();
        break;
    case Session::State::SignedOut:
        m_live = false;
        m_jobs->clear();
        m_window->setSignedInUser({});
        m_window->setLive(false);
        m_signInOut->setText(tr("Sign in..."));
        // Another person may sign in next: nothing of this one's usage stays on screen.
        if (m_usageWindow) {
            m_usageWindow->hide();
            m_usage->clear();
        }
        break;
    case Session::State::Restoring:
        break;
    }
    updateIcon();
}

void TrayController::onEvent(const QString& type, const QJsonObject& data)
{
    m_jobs->applyEvent(type, data);
    m_printers->applyEvent(type, data);
    const JobInfo job = JobInfo::fromJson(data.value(QLatin1String("job")).toObject());
    if (!job.owner.isEmpty() && job.owner != m_session->username())
        return; // an administrator also hears about other people's jobs
    if (type == QLatin1String("job-printed")) {
        m_printed[job.printer].append(job.name);
        m_printedTimer.start();
        return;
    }
    if (type == QLatin1String("quota-warning")) {
        // What is left changed: the job list's quota line and an open Usage window follow.
        m_jobs->refreshQuota();
        if (m_usageWindow && m_usageWindow->isVisible())
            m_usage->refreshQuota();
    }
    const auto message = NotificationText::forEvent(type, data, m_printers->faultTextFor(job.printer));
    if (message) {
        notify(*message);
        m_quotaNotification = type == QLatin1String("quota-warning");
    }
}

void TrayController::flushPrinted()
{
    for (auto it = m_printed.cbegin(); it != m_printed.cend(); ++it)
        notify(NotificationText::printed(static_cast<int>(it.value().size()), it.key(), it.value().value(0)));
    m_printed.clear();
}

void TrayController::notify(const NotificationText::Message& message)
{
    m_lastNotification = message;
    m_quotaNotification = false;
    qCInfo(lcClientTray).noquote() << "notification:" << message.title;
    if (!m_settings->showNotifications() || !m_tray->isVisible())
        return;
    m_tray->showMessage(message.title, message.body,
                        message.severity == NotificationText::Severity::Warning
                            ? QSystemTrayIcon::Warning
                            : QSystemTrayIcon::Information,
                        message.severity == NotificationText::Severity::Warning ? 15000 : 8000);
}

void TrayController::setWaitingCaptures(int count)
{
    m_waitingCaptures = qMax(0, count);
    updateIcon();
}

void TrayController::updateIcon()
{
    const Session::State state = m_session->state();
    const int held = m_jobs->heldCount();
    TrayIconPainter::Status status = TrayIconPainter::Status::SignedOut;
    QString tip;
    if (state == Session::State::SignedOut) {
        tip = tr("MPS Secure Print - not signed in");
    } else if (!m_live) {
        status = TrayIconPainter::Status::Offline;
        tip = tr("MPS Secure Print - %n job(s) held, not connected to the server", nullptr, held);
    } else {
        status = TrayIconPainter::Status::SignedIn;
        tip = tr("MPS Secure Print - %n job(s) held", nullptr, held);
    }
    if (m_waitingCaptures > 0)
        tip +=
            QLatin1Char('\n') + tr("%n printed document(s) waiting to be sent", nullptr, m_waitingCaptures);
    m_tray->setIcon(TrayIconPainter::icon(state == Session::State::SignedOut ? 0 : held, status));
    m_tray->setToolTip(tip);
}
