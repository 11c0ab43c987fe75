#include "TrayController.h"

#include "ApiClient.h"
#include "ClientLog.h"
#include "ClientSettings.h"
#include "DevicesWindow.h"
#include "EventStream.h"
#include "FaxDialog.h"
#include "FaxInboxModel.h"
#include "FaxInboxWindow.h"
#include "FaxLog.h"
#include "FaxText.h"
#include "SentFaxModel.h"
#include "SentFaxWindow.h"
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
#include <QFileDialog>
#include <QMenu>
#include <QStandardPaths>
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
    m_devicesAction = m_menu->addAction(tr("Devices"), this, &TrayController::showDevices);
    m_devicesAction->setObjectName(QStringLiteral("devices"));
    m_devicesAction->setVisible(false);
    m_menu->addAction(tr("History"), this, &TrayController::showHistory)
        ->setObjectName(QStringLiteral("history"));
    m_menu->addAction(tr("Print a file..."), this, &TrayController::printFile)
        ->setObjectName(QStringLiteral("printFile"));
    m_menu->addSeparator();
    m_menu->addAction(tr("Send fax..."), this, &TrayController::sendFax)->setObjectName(QStringLiteral("sendFax"));
    m_menu->addAction(tr("Sent faxes"), this, &TrayController::showSentFaxes)
        ->setObjectName(QStringLiteral("sentFaxes"));
    m_faxInboxAction = m_menu->addAction(tr("Fax inbox"), this, [this] { showFaxInbox(); });
    m_faxInboxAction->setObjectName(QStringLiteral("faxInbox"));
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
    // A quota warning leads to where the quota is shown, a fax to its list; everything else is about my jobs.
    connect(m_tray, &QSystemTrayIcon::messageClicked, this, [this] {
        if (m_quotaNotification)
            showUsage();
        else if (m_devicesNotification)
            showDevices();
        else if (m_faxNotification == FaxTarget::SentFaxes)
            showSentFaxes();
        else if (m_faxNotification == FaxTarget::FaxInbox)
            showFaxInbox(m_notifiedFaxId);
        else
            showMyJobs();
    });

    m_sentFaxes = new SentFaxModel(m_session->api(), this);
    m_faxInbox = new FaxInboxModel(m_session->api(), this);
    connect(m_faxInbox, &FaxInboxModel::unreadCountChanged, this, &TrayController::updateFaxInboxAction);

    m_printedTimer.setSingleShot(true);
    m_printedTimer.setInterval(1500);
    connect(&m_printedTimer, &QTimer::timeout, this, &TrayController::flushPrinted);

    EventStream* events = m_session->events();
    connect(events, &EventStream::eventReceived, this, &TrayController::onEvent);
    connect(events, &EventStream::connected, this, [this] {
        // Reconnected: the server replays what happened while we were away (Last-Event-ID).
        m_live = true;
        m_printers->setServerReachable(true);
        m_window->setLive(true);
        updateIcon();
    });
    connect(events, &EventStream::refetchNeeded, this, [this] {
        // First connection, or the server could not replay everything missed: fetch everything again.
        m_jobs->refresh();
        m_printers->refresh();
        m_faxInbox->refresh();
        if (m_sentFaxWindow && m_sentFaxWindow->isVisible())
            m_sentFaxes->refresh();
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
    delete m_faxDialog.data();
    delete m_sentFaxWindow;
    delete m_faxInboxWindow;
    delete m_devicesWindow;
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
        {QStringLiteral("settings"), tr("Settings...")}, {QStringLiteral("quit"), tr("Quit")},
        {QStringLiteral("sendFax"), tr("Send fax...")},  {QStringLiteral("sentFaxes"), tr("Sent faxes")},
        {QStringLiteral("devices"), tr("Devices")}};
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
        m_faxInbox->refresh();
        m_devicesAction->setVisible(isAdmin());
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
        if (m_sentFaxWindow)
            m_sentFaxWindow->hide();
        if (m_faxInboxWindow)
            m_faxInboxWindow->hide();
        m_sentFaxes->clear();
        m_faxInbox->clear();
        m_faxStates.clear();
        m_devicesAction->setVisible(false);
        if (m_devicesWindow) {
            m_devicesWindow->hide();
            m_devicesWindow->clear();
        }
        break;
    case Session::State::Restoring:
        break;
    }
    updateIcon();
}

void TrayController::onEvent(const QString& type, const QJsonObject& data)
{
    if (type.startsWith(QLatin1String("fax-"))) {
        onFaxEvent(type, data);
        return;
    }
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
    // Device and server alerts are for print admins (the server sends them to admins only; a role changed
    // since sign-in is not told).
    if ((type == QLatin1String("device-alert") || type == QLatin1String("server-alert")) && !isAdmin())
        return;
    const auto message = NotificationText::forEvent(type, data, m_printers->faultTextFor(job.printer));
    if (message) {
        notify(*message);
        m_quotaNotification = type == QLatin1String("quota-warning");
        m_devicesNotification = type == QLatin1String("device-alert");
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
    m_devicesNotification = false;
    m_faxNotification = FaxTarget::None;
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

void TrayController::onFaxEvent(const QString& type, const QJsonObject& data)
{
    m_sentFaxes->applyEvent(type, data);
    m_faxInbox->applyEvent(type, data);
    const QJsonObject fax = data.value(QLatin1String("fax")).toObject();
    const qint64 id = fax.value(QLatin1String("id")).toVariant().toLongLong();
    if (type == QLatin1String("fax-status")) {
        // Every page is an event: notify once when the fax has ended.
        const QString state = fax.value(QLatin1String("state")).toString();
        if (m_faxStates.value(id) == state)
            return;
        m_faxStates.insert(id, state);
        if (const auto message = FaxText::statusNotification(fax)) {
            notify(*message);
            m_faxNotification = FaxTarget::SentFaxes;
        }
    } else if (type == QLatin1String("fax-received")) {
        notify(FaxText::receivedNotification(fax));
        m_faxNotification = FaxTarget::FaxInbox;
        m_notifiedFaxId = id;
    }
}

void TrayController::updateFaxInboxAction()
{
    const int unread = m_faxInbox->unreadCount();
    m_faxInboxAction->setText(unread > 0 ? tr("Fax inbox (%n unread)", nullptr, unread) : tr("Fax inbox"));
    QFont font = m_faxInboxAction->font();
    font.setBold(unread > 0);
    m_faxInboxAction->setFont(font);
}

FaxDialog* TrayController::faxDialog() const
{
    return m_faxDialog.data();
}

FaxDialog* TrayController::makeFaxDialog(FaxDialog* dialog)
{
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &FaxDialog::faxSent, this, [this](const QJsonArray& faxes) {
        for (const QJsonValue& v : faxes)
            m_sentFaxes->applyEvent(QStringLiteral("fax-status"), {{QStringLiteral("fax"), v.toObject()}});
        notify({tr("Fax queued"),
                tr("%n fax(es) queued. The tray tells you when they have been sent.", nullptr,
                   static_cast<int>(faxes.size())),
                NotificationText::Severity::Information});
        m_faxNotification = FaxTarget::SentFaxes;
    });
    m_faxDialog = dialog;
    dialog->show();
    dialog->raise();
    dialog->activateWindow();
    return dialog;
}

void TrayController::sendFax()
{
    if (m_session->state() == Session::State::SignedOut) {
        requestSignIn();
        return;
    }
    auto* chooser = new QFileDialog(nullptr, tr("Send a file as fax"),
                                    QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation));
    chooser->setObjectName(QStringLiteral("faxFileDialog"));
    chooser->setAttribute(Qt::WA_DeleteOnClose);
    chooser->setFileMode(QFileDialog::ExistingFile);
    chooser->setNameFilters({tr("Documents and pictures (*.pdf *.doc *.docx *.xls *.xlsx *.ppt *.pptx *.odt "
                                "*.ods *.odp *.rtf *.txt *.hwp *.jpg *.jpeg *.png *.tif *.tiff *.bmp *.gif)"),
                             tr("All files (*)")});
    connect(chooser, &QFileDialog::fileSelected, this, &TrayController::sendFaxFile);
    chooser->open();
}

void TrayController::sendFaxFile(const QString& path)
{
    if (path.isEmpty())
        return;
    auto* dialog = makeFaxDialog(new FaxDialog(m_session->api(), m_session->user()));
    dialog->uploadFile(path);
}

void TrayController::openFaxDraft(qint64 draftId, const QString& name)
{
    qCInfo(lcClientFax).noquote() << "opening the fax dialog on printed draft" << draftId << name;
    makeFaxDialog(new FaxDialog(m_session->api(), draftId, m_session->user()));
}

void TrayController::showSentFaxes()
{
    if (m_session->state() == Session::State::SignedOut) {
        requestSignIn();
        return;
    }
    if (!m_sentFaxWindow) {
        m_sentFaxWindow = new SentFaxWindow(m_sentFaxes);
        connect(m_sentFaxWindow, &SentFaxWindow::sendFaxRequested, this, &TrayController::sendFax);
    }
    m_sentFaxWindow->showAndRaise();
}

void TrayController::showFaxInbox(qint64 id)
{
    if (m_session->state() == Session::State::SignedOut) {
        requestSignIn();
        return;
    }
    if (!m_faxInboxWindow) {
        m_faxInboxWindow = new FaxInboxWindow(m_faxInbox, m_session->api());
        connect(m_faxInboxWindow, &FaxInboxWindow::forwarded, m_sentFaxes, &SentFaxModel::refresh);
    }
    m_faxInboxWindow->showAndRaise();
    if (id > 0)
        m_faxInboxWindow->selectFax(id);
}

bool TrayController::isAdmin() const
{
    return m_session->user().value(QLatin1String("role")).toString() == QLatin1String("admin");
}

void TrayController::showDevices()
{
    if (m_session->state() == Session::State::SignedOut) {
        requestSignIn();
        return;
    }
    if (!isAdmin())
        return;
    if (!m_devicesWindow)
        m_devicesWindow = new DevicesWindow(m_session->api(), m_session->events());
    m_devicesWindow->showAndRaise();
}
