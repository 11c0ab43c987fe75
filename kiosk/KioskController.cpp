#include "KioskController.h"

#include "ApiClient.h"
#include "EventStream.h"
#include "FingerprintController.h"
#include "JobsController.h"
#include "KioskLog.h"
#include "KioskTranslations.h"
#include "PrinterStatusController.h"
#include "ScanController.h"
#include "SignInController.h"

#include <QCoreApplication>
#include <QQmlEngine>

namespace {
QPointer<KioskController> s_instance;
} // namespace

KioskController::KioskController(ApiClient* client, KioskTranslations* translations, QObject* parent)
    : QObject(parent), m_client(client), m_translations(translations),
      m_events(new EventStream(client, this)), m_kioskEvents(new EventStream(client, this))
{
    m_kioskEvents->setPath(QStringLiteral("/api/v1/kiosk/events"));
    m_tick.setInterval(1000);
    connect(&m_tick, &QTimer::timeout, this, &KioskController::onTick);
    if (client) {
        connect(client, &ApiClient::sessionExpired, this, [this] {
            if (m_inSession)
                endSession(
                    QCoreApplication::translate("KioskController", "Your session has ended. Sign in again."));
        });
    }
    if (translations)
        m_language = translations->language().isEmpty() ? m_language : translations->language();
    // The printer first: the jobs controller follows its capabilities.
    m_printer = new PrinterStatusController(this);
    m_fingerprint = new FingerprintController(this);
    m_signIn = new SignInController(this);
    m_jobs = new JobsController(this);
    m_scan = new ScanController(this);
}

KioskController::~KioskController() = default;

void KioskController::setInstance(KioskController* instance)
{
    s_instance = instance;
}

KioskController* KioskController::instance()
{
    return s_instance;
}

KioskController* KioskController::create(QQmlEngine* qml, QJSEngine* js)
{
    Q_UNUSED(qml)
    Q_UNUSED(js)
    Q_ASSERT(s_instance);
    QJSEngine::setObjectOwnership(s_instance, QJSEngine::CppOwnership);
    return s_instance;
}

ApiClient* KioskController::client() const
{
    return m_client;
}

void KioskController::start()
{
    m_printer->start();
    setScreen(IdleScreen);
    m_fingerprint->start();
    // The kiosk's own channel, open with or without a session: its printer's state and held jobs coming
    // or going are pushed; nothing on the kiosk polls for them.
    m_kioskEvents->start();
}

void KioskController::setLanguage(const QString& language)
{
    const QString lang = language == QLatin1String("ko") ? language : QStringLiteral("en");
    if (m_translations)
        m_translations->setLanguage(lang);
    if (lang == m_language)
        return;
    m_language = lang;
    // Sentences already on screen were made in the old language.
    clearMessage();
    Q_EMIT languageChanged();
}

void KioskController::setScreen(Screen screen)
{
    if (screen == m_screen)
        return;
    m_screen = screen;
    // Every screen but the idle one goes back there after inactivity.
    if (screen == IdleScreen) {
        m_tick.stop();
        m_secondsLeft = 0;
        Q_EMIT secondsLeftChanged();
    } else {
        restartCountdown();
    }
    Q_EMIT screenChanged();
}

void KioskController::setBusy(bool busy)
{
    if (busy == m_busy)
        return;
    m_busy = busy;
    Q_EMIT busyChanged();
}

void KioskController::setMessage(const QString& message, bool isError, const QString& code)
{
    m_lastErrorCode = isError ? code : QString();
    if (message == m_message && isError == m_messageIsError)
        return;
    m_message = message;
    m_messageIsError = isError;
    Q_EMIT messageChanged();
}

// -- the session

void KioskController::openSession(const QJsonObject& answer)
{
    const QJsonObject user = answer.value(QLatin1String("user")).toObject();
    m_userName = user.value(QLatin1String("name")).toString();
    m_inSession = true;
    m_afterPrintAll = false;
    qCInfo(lcKioskAuth).noquote() << "signed in:" << m_userName;
    Q_EMIT userChanged();
    // Each controller takes its part of the answer (the user's fingerprint, the printer, the jobs).
    Q_EMIT sessionOpened(answer);
    clearMessage();
    setScreen(JobsScreen);
    m_events->start();
    Q_EMIT signedIn(m_userName);
}

void KioskController::signOut()
{
    if (!m_inSession) {
        cancel();
        return;
    }
    endSession({});
}

void KioskController::cancel()
{
    if (m_inSession)
        return;
    Q_EMIT cancelled();
    clearMessage();
    setScreen(IdleScreen);
}

void KioskController::endSession(const QString& why)
{
    qCInfo(lcKioskAuth).noquote() << "signed out:" << m_userName << (why.isEmpty() ? QString() : why);
    m_inSession = false;
    m_events->stop();
    if (m_client && !m_client->token().isEmpty()) {
        ApiReply* reply = m_client->logout();
        connect(reply, &ApiReply::finished, reply, &QObject::deleteLater);
    }
    // Nothing of the user stays on the kiosk: every controller forgets its part.
    Q_EMIT sessionClosed();
    m_userName.clear();
    m_afterPrintAll = false;
    Q_EMIT userChanged();
    setScreen(IdleScreen);
    setMessage(why, false);
    Q_EMIT signedOut();
}

// -- inactivity

void KioskController::restartCountdown()
{
    m_secondsLeft = m_idleTimeoutSecs;
    m_tick.start();
    Q_EMIT secondsLeftChanged();
}

void KioskController::signOutSoon(int secs)
{
    m_afterPrintAll = true;
    m_secondsLeft = secs;
    Q_EMIT secondsLeftChanged();
}

void KioskController::dismissMessage()
{
    clearMessage();
    userActivity();
}

void KioskController::userActivity()
{
    if (m_screen == IdleScreen) {
        Q_EMIT idleActivity();
        return;
    }
    if (m_afterPrintAll)
        return;
    if (m_secondsLeft != m_idleTimeoutSecs)
        restartCountdown();
    else
        m_tick.start(); // keep a whole second before the next tick
}

void KioskController::onTick()
{
    if (m_screen == IdleScreen)
        return;
    if (--m_secondsLeft > 0) {
        Q_EMIT secondsLeftChanged();
        return;
    }
    if (m_inSession)
        endSession(m_afterPrintAll
                       ? QCoreApplication::translate("KioskController",
                                                     "You have been signed out. Your jobs are printing.")
                       : QCoreApplication::translate(
                             "KioskController", "You were signed out after %n second(s) without activity.",
                             nullptr, m_idleTimeoutSecs));
    else
        cancel();
}
