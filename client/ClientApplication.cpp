#include "ClientApplication.h"

#include "CaptureService.h"
#include "ClientLog.h"
#include "ClientSettings.h"
#include "JobListModel.h"
#include "JobUploader.h"
#include "MyJobsWindow.h"
#include "NotificationText.h"
#include "OutboxUploader.h"
#include "PrinterListModel.h"
#include "ScreenshotRunner.h"
#include "Session.h"
#include "SingleInstance.h"
#include "TokenStore.h"
#include "Translations.h"
#include "TrayController.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QDir>
#include <QMessageBox>

#include <cstdio>

ClientApplication::ClientApplication(QObject* parent) : QObject(parent) {}

ClientApplication::~ClientApplication()
{
    // The tray and window refer to the models and session: they go first.
    m_tray.reset();
    m_window.reset();
}

int ClientApplication::start(const QStringList& arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("MPS Secure Print tray client"));
    parser.addHelpOption();
    const QCommandLineOption langOption(QStringLiteral("lang"),
                                        QStringLiteral("User interface language: ko or en."),
                                        QStringLiteral("language"));
    const QCommandLineOption settingsOption(QStringLiteral("settings"),
                                            QStringLiteral("Use this settings file instead of the user's."),
                                            QStringLiteral("file"));
    const QCommandLineOption shotsOption(
        QStringLiteral("screenshot-dir"),
        QStringLiteral("Sign in with $MPS_SCREENSHOT_SERVER, $MPS_SCREENSHOT_USER and "
                       "$MPS_SCREENSHOT_PASSWORD, save screenshots of each screen "
                       "into this directory, and quit."),
        QStringLiteral("dir"));
    parser.addOptions({langOption, settingsOption, shotsOption});
    if (!parser.parse(arguments)) {
        std::fprintf(stderr, "%s\n", qPrintable(parser.errorText()));
        return 2;
    }
    if (parser.isSet(QStringLiteral("help")))
        parser.showHelp(0);
    const QString lang = parser.value(langOption);
    if (!lang.isEmpty() && lang != QLatin1String("ko") && lang != QLatin1String("en")) {
        std::fprintf(stderr, "--lang must be ko or en\n");
        return 2;
    }

    m_settings = parser.isSet(settingsOption)
                     ? std::make_unique<ClientSettings>(parser.value(settingsOption), QString())
                     : std::make_unique<ClientSettings>();
    Translations::install(qApp, Translations::resolve(lang.isEmpty() ? m_settings->language() : lang));

    m_instance = std::make_unique<SingleInstance>();
    if (!m_instance->claim()) {
        if (!m_instance->errorString().isEmpty()) {
            QMessageBox::critical(nullptr, tr("MPS Secure Print"), m_instance->errorString());
            return 1;
        }
        qCInfo(lcClientTray) << "already running; asked the running instance to show My jobs";
        return 0;
    }

    m_tokens = new TokenStore(QStringLiteral("mps-client"), this);
    m_session = new Session(m_settings.get(), m_tokens, this);
    m_jobs = new JobListModel(m_session->api(), this);
    m_printers = new PrinterListModel(m_session->api(), this);
    m_uploader = new JobUploader(m_session->api(), this);
    m_window = std::make_unique<MyJobsWindow>(m_jobs, m_printers, m_uploader, m_settings.get());
    m_tray =
        std::make_unique<TrayController>(m_session, m_settings.get(), m_jobs, m_printers, m_window.get());
    connect(m_instance.get(), &SingleInstance::activationRequested, m_tray.get(),
            &TrayController::showMyJobs);

    if (parser.isSet(shotsOption)) {
        m_screenshots = new ScreenshotRunner(parser.value(shotsOption), m_session, m_settings.get(),
                                             m_tray.get(), m_window.get(), m_jobs, this);
        connect(m_screenshots, &ScreenshotRunner::finished, qApp, &QCoreApplication::exit,
                Qt::QueuedConnection);
        m_tray->show();
        m_screenshots->start();
        return -1;
    }

    m_tray->show();
    startCapture();
    m_session->restore();
    return -1;
}

void ClientApplication::startCapture()
{
    // Documents printed to "MPS Secure Print" reach the outbox through the CUPS backend; the capture
    // service sends them with this session and keeps them while nobody is signed in.
    m_capture = new CaptureService(m_session->api(), this);
    connect(m_capture, &CaptureService::failed, m_tray.get(), [this](const QString& message) {
        qCWarning(lcClientTray).noquote() << "print capture is not running:" << message;
        m_tray->notify({tr("Printing to MPS Secure Print is not available"), message,
                        NotificationText::Severity::Warning});
    });
    connect(m_capture, &CaptureService::captureFailed, m_tray.get(),
            [this](const QString& title, const QString& message, bool willRetry) {
                if (willRetry)
                    return; // it goes by itself once the server is back
                m_tray->notify({title.isEmpty() ? tr("A printed document was not sent") : title, message,
                                NotificationText::Severity::Warning});
            });
    connect(m_capture, &CaptureService::captureWaitingForRoom, m_tray.get(),
            [this](const QString& title, const QString& message) {
                m_tray->notify({title.isEmpty() ? tr("A printed document is waiting") : title, message,
                                NotificationText::Severity::Warning});
            });
    connect(m_capture, &CaptureService::pendingCountChanged, m_tray.get(),
            &TrayController::setWaitingCaptures);
    // A document printed to "MPS Fax" is a fax draft now: the fax dialog opens on it.
    connect(m_capture, &CaptureService::faxDraftReady, m_tray.get(), &TrayController::openFaxDraft);
    connect(m_capture, &CaptureService::waitingForSignIn, m_tray.get(), [this] {
        if (m_session->state() != Session::State::SignedOut)
            return; // a stored session is being restored; the uploader is woken when it is
        m_tray->requestSignIn(
            tr("Documents you printed are waiting. Sign in to send them to the print server."));
    });
    connect(m_session, &Session::stateChanged, m_capture, [this](Session::State state) {
        if (state == Session::State::SignedIn)
            m_capture->uploader()->wake();
    });
    m_capture->start();
}
