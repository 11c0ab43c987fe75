#include "KioskApplication.h"

#include "ActivityFilter.h"
#include "ApiClient.h"
#include "CardReader.h"
#include "FingerprintController.h"
#include "FingerprintReader.h"
#include "JobModel.h"
#include "JobsController.h"
#include "KioskController.h"
#include "KioskLog.h"
#include "KioskScreenshotRunner.h"
#include "KioskTranslations.h"
#include "PrinterStatusController.h"
#include "SaneScanner.h"
#include "ScanController.h"
#include "SignInController.h"
#include "ThumbnailCache.h"
#include "WedgeReader.h"

#include <QCommandLineParser>
#include <QDeadlineTimer>
#include <QFont>
#include <QFontDatabase>
#include <QGuiApplication>
#include <QQmlApplicationEngine>
#include <QQuickStyle>
#include <QQuickWindow>
#include <QTextStream>
#include <QTimer>

#include <atomic>
#include <memory>

namespace {

/// Logs the time of the first frame on screen after a state the UI must show (for bench/bench_kiosk.py):
/// arm() on the GUI thread, then the first frame synchronised after it (afterSynchronizing: the scene
/// holds the new state) is timed when it has been swapped (frameSwapped; render thread or GUI thread).
class FrameProbe : public QObject
{
public:
    enum Kind { None, Idle, Jobs };

    FrameProbe(QQuickWindow* window, const QElapsedTimer& sinceMain)
        : QObject(window), m_window(window), m_sinceMain(sinceMain)
    {
        connect(
            window, &QQuickWindow::afterSynchronizing, this,
            [this] {
                int armed = Armed;
                m_state.compare_exchange_strong(armed, Synced);
            },
            Qt::DirectConnection);
        connect(
            window, &QQuickWindow::frameSwapped, this,
            [this] {
                int synced = Synced;
                if (m_state.compare_exchange_strong(synced, Off))
                    report();
            },
            Qt::DirectConnection);
    }

    void arm(Kind kind, int jobs = 0)
    {
        m_kind = kind;
        m_jobCount = jobs;
        m_state = Armed;
        m_window->update();
    }
    /// The sign-in input arrived: a card's UID was read, or the sensor matched a finger.
    void cardTapped()
    {
        m_byFinger = false;
        m_tapNs = monotonicNs();
    }
    void fingerMatched()
    {
        m_byFinger = true;
        m_tapNs = monotonicNs();
    }

private:
    enum State { Off, Armed, Synced };
    static qint64 monotonicNs() { return QDeadlineTimer::current().deadlineNSecs(); } // CLOCK_MONOTONIC

    void report()
    {
        const auto ms = [](qint64 ns) { return QString::number(ns / 1e6, 'f', 1); };
        const qint64 now = monotonicNs();
        if (m_kind == Idle)
            qCInfo(lcKioskUi).nospace().noquote()
                << "idle screen shown after " << m_sinceMain.elapsed() << " ms (since main; monotonic "
                << ms(now) << " ms, main at " << m_sinceMain.msecsSinceReference() << " ms)";
        else if (m_kind == Jobs)
            qCInfo(lcKioskUi).nospace().noquote()
                << "job list shown with " << m_jobCount.load() << " jobs "
                << (m_tapNs ? ms(now - m_tapNs) : QStringLiteral("-1"))
                << (m_byFinger ? " ms after the finger was matched (monotonic "
                               : " ms after the card was read (monotonic ")
                << ms(now) << (m_byFinger ? " ms, finger matched at " : " ms, card read at ") << ms(m_tapNs)
                << " ms)";
    }

    QQuickWindow* m_window;
    QElapsedTimer m_sinceMain;
    std::atomic<int> m_state{Off};
    std::atomic<int> m_kind{None};
    std::atomic<int> m_jobCount{0};
    std::atomic<qint64> m_tapNs{0};
    std::atomic<bool> m_byFinger{false};
};

} // namespace

KioskApplication::KioskApplication() = default;

KioskApplication::~KioskApplication()
{
    // The window goes first: QML must not outlive the objects it binds to.
    m_engine.reset();
}

int KioskApplication::start(const QStringList& args)
{
    QCommandLineParser p;
    p.setApplicationDescription(
        QStringLiteral("MPS kiosk: sign in at the printer and release your held jobs."));
    p.addHelpOption();
    const QCommandLineOption config(QStringLiteral("config"),
                                    QStringLiteral("INI file (default /etc/mps/kiosk.conf)."),
                                    QStringLiteral("FILE"), QStringLiteral("/etc/mps/kiosk.conf"));
    const QCommandLineOption server(QStringLiteral("server"), QStringLiteral("Server URL."),
                                    QStringLiteral("URL"));
    const QCommandLineOption tokenFile(
        QStringLiteral("device-token-file"),
        QStringLiteral("File holding the device token from mps-admin kiosk add."), QStringLiteral("FILE"));
    const QCommandLineOption pin(QStringLiteral("certificate-sha256"),
                                 QStringLiteral("Pinned server certificate."), QStringLiteral("HEX"));
    const QCommandLineOption lang(QStringLiteral("language"), QStringLiteral("ko or en."),
                                  QStringLiteral("LANG"));
    const QCommandLineOption idle(QStringLiteral("idle-timeout"),
                                  QStringLiteral("Seconds before signing out."), QStringLiteral("SECS"));
    // Accepted so that older launchers keep working; the printer's state is pushed now (issue 10).
    const QCommandLineOption poll(QStringLiteral("printer-poll"),
                                  QStringLiteral("Ignored: the printer's state is pushed by the server."),
                                  QStringLiteral("SECS"));
    const QCommandLineOption noReader(QStringLiteral("no-card-reader"), QStringLiteral("Do not use PC/SC."));
    const QCommandLineOption noFinger(QStringLiteral("no-fingerprint"),
                                      QStringLiteral("Do not use a fingerprint sensor."));
    const QCommandLineOption size(
        QStringLiteral("size"), QStringLiteral("Window size instead of full screen."), QStringLiteral("WxH"));
    const QCommandLineOption shots(QStringLiteral("screenshots"),
                                   QStringLiteral("Save every screen into DIR and quit."),
                                   QStringLiteral("DIR"));
    const QCommandLineOption shotList(QStringLiteral("shots"), QStringLiteral("Screens to save."),
                                      QStringLiteral("LIST"),
                                      QStringLiteral("idle,pin,link,jobs,confirm-delete"));
    const QCommandLineOption shotPrefix(QStringLiteral("shot-prefix"), QStringLiteral("File name prefix."),
                                        QStringLiteral("NAME"), QStringLiteral("kiosk"));
    const QCommandLineOption demoUser(QStringLiteral("demo-user"), QStringLiteral("User for screenshots."),
                                      QStringLiteral("NAME"));
    const QCommandLineOption scanner(QStringLiteral("scanner"),
                                     QStringLiteral("SANE device for scan to e-mail (e.g. test)."),
                                     QStringLiteral("DEVICE"));
    p.addOptions({config, server, tokenFile, pin, lang, idle, poll, noReader, noFinger, size, shots, shotList,
                  shotPrefix, demoUser, scanner});
    p.process(args);

    QTextStream err(stderr);
    QString error;
    if (!m_settings.loadFile(p.value(config), &error)) {
        err << "mps-kiosk: " << error << "\n";
        return 2;
    }
    if (p.isSet(server))
        m_settings.serverUrl = QUrl(p.value(server));
    if (p.isSet(tokenFile) && !m_settings.loadDeviceToken(p.value(tokenFile), &error)) {
        err << "mps-kiosk: " << error << "\n";
        return 2;
    }
    if (m_settings.deviceToken.isEmpty())
        m_settings.deviceToken = qgetenv("MPS_KIOSK_DEVICE_TOKEN");
    if (p.isSet(pin))
        m_settings.certificateSha256 = p.value(pin).toLatin1();
    if (p.isSet(lang))
        m_settings.language = p.value(lang);
    if (p.isSet(idle))
        m_settings.idleTimeoutSecs = p.value(idle).toInt();
    if (p.isSet(noReader))
        m_settings.useCardReader = false;
    if (p.isSet(noFinger))
        m_settings.useFingerprintReader = false;
    if (p.isSet(scanner))
        m_settings.scanner = p.value(scanner);
    if (!m_settings.serverUrl.isValid() || m_settings.serverUrl.isEmpty()) {
        err << "mps-kiosk: no server URL (server-url in the configuration, or --server)\n";
        return 2;
    }

    m_client = new ApiClient(this);
    m_client->setBaseUrl(m_settings.serverUrl);
    m_client->setDeviceToken(QString::fromLatin1(m_settings.deviceToken));
    if (!m_client->setPinnedCertificateSha256(m_settings.certificateSha256)) {
        err << "mps-kiosk: certificate-sha256 is not a SHA-256 fingerprint\n";
        return 2;
    }

    m_translations = new KioskTranslations(this);
    m_translations->setLanguage(m_settings.language);
    m_kiosk = new KioskController(m_client, m_translations, this);
    m_kiosk->setIdleTimeoutSecs(m_settings.idleTimeoutSecs);
    auto* thumbnails = new ThumbnailCache; // owned by the engine
    m_kiosk->jobsController()->setThumbnailCache(thumbnails);
    m_kiosk->scanController()->setThumbnailCache(thumbnails);
    KioskController::setInstance(m_kiosk);
    // Scanning: libsane in mps-scan-helper (SaneScanner starts it); no device configured, no scan button.
    if (!m_settings.scanner.isEmpty()) {
        m_scanner = new SaneScanner(m_settings.scanner, this);
        m_kiosk->scanController()->setMaxPages(m_settings.scanMaxPages);
        m_kiosk->scanController()->setScanner(m_scanner);
    }

    // Card readers: PC/SC on its own thread, and keyboard wedges through the key events of the idle screen.
    m_wedge = new WedgeReader(m_settings.wedgeMaxGapMs, 4, this);
    m_activity = new ActivityFilter(m_wedge, this);
    qApp->installEventFilter(m_activity);
    auto present = [this](const QString& raw) {
        m_kiosk->signInController()->cardPresented(m_settings.cardNumberFor(raw));
    };
    connect(m_wedge, &WedgeReader::cardTyped, this, present);
    connect(m_activity, &ActivityFilter::activity, m_kiosk, &KioskController::userActivity);
    auto wedgeOnIdle = [this] {
        m_activity->setWedgeActive(m_kiosk->screen() == KioskController::IdleScreen);
    };
    connect(m_kiosk, &KioskController::screenChanged, this, wedgeOnIdle);
    wedgeOnIdle();
    if (m_settings.useCardReader && !p.isSet(shots)) {
        m_cardReader = new CardReader(this);
        m_cardReader->setReaderName(m_settings.cardReader);
        connect(m_cardReader, &CardReader::cardTapped, this, present);
        m_cardReader->start();
    }
    // Fingerprints: libfprint on its own thread; identification runs on the idle screen.
    // Screenshots use libfprint's virtual sensor when one is configured, never real hardware.
    const bool virtualSensor = !qEnvironmentVariableIsEmpty("FP_VIRTUAL_DEVICE_STORAGE");
    if (m_settings.useFingerprintReader && (!p.isSet(shots) || virtualSensor)) {
        m_fingerprint = new FingerprintReader(this);
        m_kiosk->fingerprintController()->setFingerprintReader(m_fingerprint);
        m_fingerprint->start();
    }

    // Korean needs a CJK font; Noto Sans CJK covers both languages.
    const QStringList families = QFontDatabase::families();
    for (const char* family : {"Noto Sans CJK KR", "Noto Sans KR", "Noto Sans"}) {
        if (families.contains(QLatin1String(family))) {
            QFont f{QString::fromLatin1(family)};
            f.setPixelSize(18);
            QGuiApplication::setFont(f);
            break;
        }
    }
    QQuickStyle::setStyle(QStringLiteral("Basic"));

    m_engine = std::make_unique<QQmlApplicationEngine>();
    m_engine->addImageProvider(QStringLiteral("thumbnails"), thumbnails);
    m_engine->addImportPath(QStringLiteral("qrc:/"));
    connect(m_kiosk, &KioskController::languageChanged, m_engine.get(), &QQmlEngine::retranslate);
    m_engine->load(QUrl(QStringLiteral("qrc:/Mps/Kiosk/qml/Main.qml")));
    if (m_engine->rootObjects().isEmpty()) {
        err << "mps-kiosk: the user interface could not be loaded\n";
        return 1;
    }
    auto* window = qobject_cast<QQuickWindow*>(m_engine->rootObjects().constFirst());
    const QStringList wh = p.value(size).split(QLatin1Char('x'));
    if (window && wh.size() == 2) {
        window->resize(wh[0].toInt(), wh[1].toInt());
        window->show();
    } else if (window) {
        window->showFullScreen();
    }
    if (window)
        watchFrames(window);
    m_kiosk->start();

    if (p.isSet(shots)) {
        QString demoPin = qEnvironmentVariable("MPS_KIOSK_DEMO_PIN");
        auto* runner =
            new KioskScreenshotRunner(m_kiosk, window, p.value(shots), p.value(shotPrefix), p.value(demoUser),
                                      demoPin, p.value(shotList).split(QLatin1Char(',')), this);
        connect(runner, &KioskScreenshotRunner::finished, qApp,
                [](int code) { QTimer::singleShot(300, qApp, [code] { QCoreApplication::exit(code); }); });
        QTimer::singleShot(500, runner, &KioskScreenshotRunner::start);
    }
    return -1;
}

void KioskApplication::watchFrames(QQuickWindow* window)
{
    auto* probe = new FrameProbe(window, m_sinceMain);
    auto idleShown = std::make_shared<bool>(false);
    connect(m_kiosk->printerStatus(), &PrinterStatusController::printerChanged, probe,
            [this, probe, idleShown] {
                if (!*idleShown && m_kiosk->screen() == KioskController::IdleScreen &&
                    !m_kiosk->printerStatus()->printerName().isEmpty()) {
                    *idleShown = true;
                    probe->arm(FrameProbe::Idle);
                }
            });
    auto jobsPending = std::make_shared<bool>(false);
    connect(m_kiosk, &KioskController::signedIn, probe, [jobsPending] { *jobsPending = true; });
    JobModel* jobs = m_kiosk->jobsController()->jobs();
    connect(jobs, &JobModel::refreshed, probe, [this, probe, jobsPending, jobs] {
        if (*jobsPending && m_kiosk->screen() == KioskController::JobsScreen) {
            *jobsPending = false;
            probe->arm(FrameProbe::Jobs, jobs->rowCount());
        }
    });
    if (m_cardReader)
        connect(
            m_cardReader, &CardReader::cardTapped, probe, [probe] { probe->cardTapped(); },
            Qt::DirectConnection);
    connect(m_wedge, &WedgeReader::cardTyped, probe, [probe] { probe->cardTapped(); });
    if (m_fingerprint)
        connect(m_fingerprint, &FingerprintReader::identified, probe, [probe](const QString& user) {
            if (!user.isEmpty())
                probe->fingerMatched();
        });
}
