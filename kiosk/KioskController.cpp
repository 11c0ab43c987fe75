#include "KioskController.h"

#include "FingerprintEnrolRequest.h"

#include "ApiClient.h"
#include "EventStream.h"
#include "JobModel.h"
#include "KioskLog.h"
#include "KioskText.h"
#include "KioskTranslations.h"
#include "PrinterModel.h"
#include "ThumbnailCache.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QNetworkAccessManager>
#include <QQmlEngine>

namespace {
QPointer<KioskController> s_instance;

} // namespace

KioskController::KioskController(ApiClient* client, KioskTranslations* translations, QObject* parent)
    : QObject(parent), m_client(client), m_translations(translations),
      m_events(new EventStream(client, this)), m_jobs(new JobModel(client, nullptr, this)),
      m_alternatives(new PrinterModel(client, this))
{
    m_tick.setInterval(1000);
    connect(&m_tick, &QTimer::timeout, this, &KioskController::onTick);
    m_printerPoll.setInterval(15 * 1000);
    m_candidateRefresh.setInterval(60 * 1000);
    // The price on each job follows the copies, double-sided and black-and-white chosen.
    connect(this, &KioskController::optionsChanged, this, [this] {
        m_jobs->setReleaseOptions(m_copies, m_duplex && canDuplex(), m_mono && canChooseColour());
    });
    connect(&m_candidateRefresh, &QTimer::timeout, this, &KioskController::fetchCandidates);
    m_kioskEventsRetry.setSingleShot(true);
    m_kioskEventsRetry.setInterval(5 * 1000);
    connect(&m_kioskEventsRetry, &QTimer::timeout, this, &KioskController::openKioskEvents);
    connect(&m_printerPoll, &QTimer::timeout, this, &KioskController::refreshPrinter);
    connect(m_events, &EventStream::eventReceived, this, &KioskController::onEvent);
    // The server does not replay missed events: refetch on every (re)connection.
    connect(m_events, &EventStream::connected, m_jobs, &JobModel::refresh);
    connect(m_jobs, &JobModel::failed, this, [this](const QString& message) { setMessage(message, true); });
    if (client) {
        connect(client, &ApiClient::sessionExpired, this, [this] {
            if (m_inSession)
                endSession(
                    QCoreApplication::translate("KioskController", "Your session has ended. Sign in again."));
        });
    }
    if (translations)
        m_language = translations->language().isEmpty() ? m_language : translations->language();
}

KioskController::~KioskController() = default;

void KioskController::setInstance(KioskController* instance)
{
    s_instance = instance;
}

KioskController* KioskController::create(QQmlEngine* qml, QJSEngine* js)
{
    Q_UNUSED(qml)
    Q_UNUSED(js)
    Q_ASSERT(s_instance);
    QJSEngine::setObjectOwnership(s_instance, QJSEngine::CppOwnership);
    return s_instance;
}

void KioskController::setThumbnailCache(ThumbnailCache* cache)
{
    // The model is recreated only here, before QML binds to it.
    delete m_jobs;
    m_jobs = new JobModel(m_client, cache, this);
    connect(m_events, &EventStream::connected, m_jobs, &JobModel::refresh);
    connect(m_jobs, &JobModel::failed, this, [this](const QString& message) { setMessage(message, true); });
}

void KioskController::setFingerprintReader(FingerprintReader* reader)
{
    m_fingerprint = reader;
    if (!reader)
        return;
    connect(reader, &FingerprintReader::availabilityChanged, this, [this](bool available) {
        if (m_client)
            m_client->setKioskHasFingerprintReader(available);
        Q_EMIT fingerprintChanged();
        if (available && m_screen == IdleScreen)
            fetchCandidates();
        if (!available) {
            m_candidates.clear();
            if (m_screen == VerifyScreen || m_screen == EnrollScreen)
                cancelFingerprint();
        }
    });
    connect(reader, &FingerprintReader::activeActionChanged, this, &KioskController::fingerprintChanged);
    connect(reader, &FingerprintReader::identified, this, &KioskController::onIdentified);
    connect(reader, &FingerprintReader::verified, this, &KioskController::onVerified);
    connect(reader, &FingerprintReader::enrolled, this, &KioskController::onEnrolled);
    connect(reader, &FingerprintReader::enrollProgress, this, [this](int done, int total) {
        m_enrollDone = done;
        m_enrollTotal = total;
        Q_EMIT fingerprintChanged();
        if (done < total)
            setMessage(QCoreApplication::translate("KioskController",
                                                   "Lift your finger and touch the sensor again (%1 of %2).")
                           .arg(done + 1)
                           .arg(total),
                       false);
        userActivity();
    });
    connect(reader, &FingerprintReader::scanRetry, this, [this](const QString& message) {
        setMessage(message, false);
        userActivity();
    });
    connect(reader, &FingerprintReader::failed, this, [this](const QString& message) {
        setMessage(message, true, QStringLiteral("fingerprint-failed"));
        if (m_screen == VerifyScreen) {
            m_fingerprintFailed = true;
            Q_EMIT fingerprintChanged();
        }
        // On the idle screen the sensor keeps looking after a short pause.
        if (m_screen == IdleScreen)
            QTimer::singleShot(3000, this, [this] {
                if (m_screen == IdleScreen && !m_busy)
                    startIdentification();
            });
    });
    if (m_client)
        m_client->setKioskHasFingerprintReader(reader->isAvailable());
}

void KioskController::setFingerprintRefreshSecs(int secs)
{
    m_candidateRefresh.setInterval(secs * 1000);
}

bool KioskController::fingerprintAvailable() const
{
    return m_fingerprint && m_fingerprint->isAvailable();
}

QString KioskController::sensorListening() const
{
    if (!m_fingerprint)
        return {};
    switch (m_fingerprint->activeAction()) {
    case FingerprintReader::Action::Enroll:
        return QStringLiteral("enroll");
    case FingerprintReader::Action::Verify:
        return QStringLiteral("verify");
    case FingerprintReader::Action::Identify:
        return QStringLiteral("identify");
    case FingerprintReader::Action::None:
        break;
    }
    return {};
}

bool KioskController::fingerprintCanIdentify() const
{
    return fingerprintAvailable() && m_fingerprint->canIdentify();
}

void KioskController::setPrinterPollSecs(int secs)
{
    m_printerPoll.setInterval(secs * 1000);
}

void KioskController::start()
{
    refreshPrinter();
    m_printerPoll.start();
    setScreen(IdleScreen);
    fetchCandidates();
    openKioskEvents();
}

void KioskController::openKioskEvents()
{
    if (!m_client || m_kioskEvents)
        return;
    ApiReply* reply = m_client->openStream(QStringLiteral("/api/v1/kiosk/events"), 45 * 1000);
    m_kioskEvents = reply;
    m_kioskEventParser.reset();
    connect(reply, &ApiReply::streamData, this, [this](const QByteArray& chunk) {
        for (const SseParser::Event& e : m_kioskEventParser.feed(chunk)) {
            // Someone's held jobs changed: the idle screen's candidates are stale. Elsewhere the
            // return to the idle screen fetches them anyway.
            if (e.type == QLatin1String("candidates-changed") && m_screen == IdleScreen && !m_busy) {
                qCDebug(lcKioskFinger) << "held jobs changed: fetching the fingerprint candidates";
                fetchCandidates();
            }
        }
    });
    connect(reply, &ApiReply::finished, this, [this, reply] {
        reply->deleteLater();
        // A server without this stream (404) is not asked again; any other end reconnects.
        if (reply->httpStatus() == 404) {
            qCInfo(lcKioskFinger) << "the server sends no kiosk events; candidates refresh on a timer only";
            return;
        }
        m_kioskEventsRetry.start();
    });
}

// -- properties

QString KioskController::printerName() const
{
    return m_printer.value(QLatin1String("name")).toString();
}

QString KioskController::printerLocation() const
{
    return m_printer.value(QLatin1String("location")).toString();
}

QString KioskController::printerStateText() const
{
    if (!m_serverReachable)
        return QCoreApplication::translate("KioskController", "Print server unreachable, retrying");
    return KioskText::printerState(m_printer);
}

QString KioskController::printerFaultText() const
{
    return KioskText::faults(m_printer);
}

bool KioskController::printerCanPrint() const
{
    // Until the kiosk knows its printer, do not claim a fault.
    return m_printer.isEmpty() || m_printer.value(QLatin1String("canPrint")).toBool(true);
}

qint64 KioskController::printerId() const
{
    return m_printer.value(QLatin1String("id")).toInteger();
}

// Capabilities (issue 13 section 2): offer only what the printer can do. Absent (older server, printer
// never reached) means the kiosk offers what it always did; the server still checks each release.
bool KioskController::canDuplex() const
{
    const QJsonValue sides =
        m_printer.value(QLatin1String("capabilities")).toObject().value(QLatin1String("sides"));
    if (!sides.isArray())
        return true;
    for (const QJsonValue& s : sides.toArray())
        if (s.toString().startsWith(QLatin1String("two-sided")))
            return true;
    return false;
}

bool KioskController::canChooseColour() const
{
    const QJsonValue color =
        m_printer.value(QLatin1String("capabilities")).toObject().value(QLatin1String("color"));
    return !color.isBool() || color.toBool();
}

int KioskController::copiesMax() const
{
    const QJsonValue max =
        m_printer.value(QLatin1String("capabilities")).toObject().value(QLatin1String("copiesMax"));
    if (!max.isDouble())
        return MaxCopies;
    return qBound(1, max.toInt(), MaxCopies);
}

void KioskController::setCopies(int copies)
{
    copies = qBound(1, copies, copiesMax());
    if (copies == m_copies)
        return;
    m_copies = copies;
    Q_EMIT optionsChanged();
}

void KioskController::setDuplex(bool duplex)
{
    duplex = duplex && canDuplex();
    if (duplex == m_duplex)
        return;
    m_duplex = duplex;
    Q_EMIT optionsChanged();
}

void KioskController::setMono(bool mono)
{
    mono = mono && canChooseColour();
    if (mono == m_mono)
        return;
    m_mono = mono;
    Q_EMIT optionsChanged();
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
    Q_EMIT printerChanged();
    Q_EMIT quotaChanged();
    if (m_jobs->rowCount() > 0)
        Q_EMIT m_jobs->dataChanged(m_jobs->index(0), m_jobs->index(m_jobs->rowCount() - 1));
    if (m_alternatives->rowCount() > 0)
        Q_EMIT m_alternatives->dataChanged(m_alternatives->index(0),
                                           m_alternatives->index(m_alternatives->rowCount() - 1));
}

void KioskController::setScreen(Screen screen)
{
    if (screen == m_screen)
        return;
    m_screen = screen;
    m_confirmingDelete = false;
    Q_EMIT confirmingDeleteChanged();
    // Every screen but the idle one goes back there after inactivity.
    if (screen == IdleScreen) {
        m_tick.stop();
        m_secondsLeft = 0;
        Q_EMIT secondsLeftChanged();
    } else {
        restartCountdown();
    }
    // The sensor looks for enrolled users only on the idle screen; the other screens use it
    // for one purpose (verification, enrolment) or not at all.
    if (screen == IdleScreen) {
        fetchCandidates();
    } else {
        m_candidateRefresh.stop();
        if (screen != VerifyScreen && screen != EnrollScreen && m_fingerprint)
            m_fingerprint->cancel();
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

void KioskController::applyPrinter(const QJsonObject& printer)
{
    if (printer.isEmpty() || printer == m_printer)
        return;
    const bool couldPrint = printerCanPrint();
    m_printer = printer;
    // Options chosen before are kept only where the printer can still do them.
    if ((m_duplex && !canDuplex()) || (m_mono && !canChooseColour()) || m_copies > copiesMax()) {
        m_duplex = m_duplex && canDuplex();
        m_mono = m_mono && canChooseColour();
        m_copies = qMin(m_copies, copiesMax());
        Q_EMIT optionsChanged();
    }
    Q_EMIT printerChanged();
    if (!printerCanPrint()) {
        if (couldPrint)
            qCInfo(lcKioskJobs).noquote()
                << "printer" << printerName() << "cannot print:" << printerFaultText();
        // Alternatives are listed for the signed-in user (the printer list needs a session).
        if (m_inSession)
            m_alternatives->refresh(printerId(), printerLocation());
    } else {
        m_alternatives->clear();
    }
}

void KioskController::refreshPrinter()
{
    if (!m_client)
        return;
    ApiReply* reply = m_client->kioskInfo();
    connect(reply, &ApiReply::finished, this, [this, reply] {
        reply->deleteLater();
        if (!reply->ok()) {
            qCWarning(lcKioskUi).noquote() << "kiosk info failed:" << reply->errorCode();
            // State shown must be state known: without the server the printer's state is not known.
            // The poll keeps trying; the first answer brings the state back.
            const QString code = reply->errorCode();
            const bool reachable = !(code == QLatin1String("unreachable") ||
                                     code == QLatin1String("timeout") || code == QLatin1String("tls-failed"));
            if (reachable != m_serverReachable) {
                m_serverReachable = reachable;
                Q_EMIT printerChanged();
            }
            if (m_screen == IdleScreen)
                setMessage(KioskText::forReply(reply), true, reply->errorCode());
            return;
        }
        m_kioskName = reply->json().value(QLatin1String("kiosk")).toString();
        m_serverReachable = true;
        // A server error shown on the idle screen is over once the server answers again.
        if (m_screen == IdleScreen && m_messageIsError &&
            (m_lastErrorCode == QLatin1String("unreachable") ||
             m_lastErrorCode == QLatin1String("unknown-kiosk")))
            clearMessage();
        applyPrinter(reply->json().value(QLatin1String("printer")).toObject());
        Q_EMIT printerChanged();
    });
}

// -- signing in

void KioskController::cardPresented(const QString& cardNumber)
{
    if (m_busy || m_inSession || cardNumber.isEmpty())
        return;
    qCInfo(lcKioskAuth) << "card presented";
    m_pendingCard = cardNumber;
    beginSignIn(m_client->kioskSessionWithCard(cardNumber), IdleScreen);
}

void KioskController::showPinEntry()
{
    if (m_inSession)
        return;
    clearMessage();
    setScreen(PinScreen);
}

void KioskController::cancel()
{
    if (m_inSession)
        return;
    m_pendingCard.clear();
    m_verifyChallenge.clear();
    m_verifyTemplate.clear();
    if (m_fingerprintFailed) {
        m_fingerprintFailed = false;
        Q_EMIT fingerprintChanged();
    }
    clearMessage();
    setScreen(IdleScreen);
}

void KioskController::signInWithPin(const QString& username, const QString& pin)
{
    if (m_busy || m_inSession)
        return;
    if (username.trimmed().isEmpty() || pin.isEmpty()) {
        setMessage(QCoreApplication::translate("KioskController", "Enter your ID and PIN."), true,
                   QStringLiteral("missing-credentials"));
        return;
    }
    m_pendingCard.clear();
    beginSignIn(m_client->kioskSessionWithPin(username.trimmed(), pin), PinScreen);
}

void KioskController::linkCard(const QString& username, const QString& password)
{
    if (m_busy || m_inSession)
        return;
    if (username.trimmed().isEmpty() || password.isEmpty()) {
        setMessage(QCoreApplication::translate("KioskController", "Enter your ID and password."), true,
                   QStringLiteral("missing-credentials"));
        return;
    }
    beginSignIn(m_client->kioskSessionWithPassword(username.trimmed(), password, m_pendingCard),
                LinkCardScreen);
}

void KioskController::beginSignIn(ApiReply* reply, Screen onFailure)
{
    setBusy(true);
    clearMessage();
    connect(reply, &ApiReply::finished, this, [this, reply, onFailure] {
        reply->deleteLater();
        setBusy(false);
        if (reply->ok()) {
            const QJsonObject answer = reply->json();
            if (answer.value(QLatin1String("verify")).toString() == QLatin1String("fingerprint"))
                beginVerification(answer);
            else
                openSession(answer);
            return;
        }
        const QString code = reply->errorCode();
        qCInfo(lcKioskAuth).noquote() << "sign-in refused:" << code;
        if (code == QLatin1String("no-match") && m_screen == VerifyScreen) {
            // The finger did not match: say so and ask again (the server counts the failures).
            setMessage(KioskText::forReply(reply), true, code);
            restartCountdown();
            if (m_fingerprint)
                m_fingerprint->verify(m_verifyTemplate);
            return;
        }
        // The sentence first, so the next screen shows it from the start.
        setMessage(KioskText::forReply(reply), true, code);
        if (code == QLatin1String("unknown-card")) {
            setScreen(LinkCardScreen);
        } else if (onFailure == VerifyScreen) {
            m_verifyChallenge.clear();
            m_verifyTemplate.clear();
            setScreen(IdleScreen);
        } else {
            if (onFailure == IdleScreen)
                m_pendingCard.clear();
            setScreen(onFailure);
            restartCountdown();
            // The sensor stopped looking while the sign-in was under way: look again.
            if (m_screen == IdleScreen)
                startIdentification();
        }
    });
}

void KioskController::beginVerification(const QJsonObject& answer)
{
    const QJsonObject user = answer.value(QLatin1String("user")).toObject();
    const QJsonArray candidates = answer.value(QLatin1String("candidates")).toArray();
    m_verifyChallenge = answer.value(QLatin1String("challenge")).toString();
    m_verifyUser = user.value(QLatin1String("name")).toString();
    m_verifyTemplate = QByteArray::fromBase64(
        candidates.first().toObject().value(QLatin1String("template")).toString().toLatin1());
    if (!m_fingerprint || !m_fingerprint->isAvailable() || m_verifyChallenge.isEmpty() ||
        m_verifyTemplate.isEmpty()) {
        setMessage(QCoreApplication::translate("KioskController",
                                               "Your account needs a fingerprint check, but the "
                                               "sensor is not working. Ask the print admin."),
                   true, QStringLiteral("fingerprint-unavailable"));
        setScreen(IdleScreen);
        return;
    }
    qCInfo(lcKioskAuth).noquote() << "fingerprint check for" << m_verifyUser;
    m_pendingCard.clear();
    m_fingerprintFailed = false;
    Q_EMIT fingerprintChanged();
    setScreen(VerifyScreen);
    setMessage(
        QCoreApplication::translate("KioskController", "Touch the fingerprint sensor to confirm it is you."),
        false);
    m_fingerprint->verify(m_verifyTemplate);
}

void KioskController::onVerified(bool match)
{
    if (m_screen != VerifyScreen || m_verifyChallenge.isEmpty())
        return;
    qCInfo(lcKioskAuth).noquote() << "fingerprint check for" << m_verifyUser
                                  << (match ? "matched" : "did not match");
    beginSignIn(m_client->kioskSessionWithFingerprint(m_verifyChallenge, m_verifyUser, match), VerifyScreen);
}

void KioskController::openSession(const QJsonObject& answer)
{
    const QJsonObject user = answer.value(QLatin1String("user")).toObject();
    m_userName = user.value(QLatin1String("name")).toString();
    m_verifyChallenge.clear();
    m_verifyTemplate.clear();
    m_fingerprintFailed = false;
    m_hasFingerprint = user.value(QLatin1String("hasFingerprint")).toBool();
    Q_EMIT fingerprintChanged();
    m_inSession = true;
    m_pendingCard.clear();
    m_copies = 1;
    m_duplex = false;
    m_mono = false;
    m_afterPrintAll = false;
    Q_EMIT optionsChanged();
    qCInfo(lcKioskAuth).noquote() << "signed in:" << m_userName;
    Q_EMIT userChanged();
    const QJsonObject printer = answer.value(QLatin1String("printer")).toObject();
    m_printer = {};
    applyPrinter(printer);
    clearMessage();
    setScreen(JobsScreen);
    m_jobs->refresh();
    m_events->start();
    fetchQuota();
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

void KioskController::endSession(const QString& why)
{
    qCInfo(lcKioskAuth).noquote() << "signed out:" << m_userName << (why.isEmpty() ? QString() : why);
    m_inSession = false;
    m_events->stop();
    if (m_client && !m_client->token().isEmpty()) {
        ApiReply* reply = m_client->logout();
        connect(reply, &ApiReply::finished, reply, &QObject::deleteLater);
    }
    m_jobs->clear();
    m_alternatives->clear();
    m_quota = {};
    if (m_quotaReply)
        m_quotaReply->abort();
    Q_EMIT quotaChanged();
    m_userName.clear();
    m_hasFingerprint = false;
    m_afterPrintAll = false;
    m_pendingReleases = 0;
    Q_EMIT userChanged();
    setScreen(IdleScreen);
    setMessage(why, false);
    Q_EMIT signedOut();
}

// -- fingerprints

void KioskController::fetchCandidates()
{
    if (!m_client || !fingerprintCanIdentify() || m_screen != IdleScreen)
        return;
    m_candidateRefresh.start();
    if (m_candidateReply) {
        // The answer under way may predate the change that asked for this one: ask again after it.
        m_candidatesStale = true;
        return;
    }
    m_candidatesStale = false;
    m_sinceCandidates.start();
    ApiReply* reply = m_client->fingerprintCandidates();
    m_candidateReply = reply;
    connect(reply, &ApiReply::finished, this, [this, reply] {
        reply->deleteLater();
        m_candidateReply = nullptr;
        if (m_candidatesStale) {
            fetchCandidates();
            return;
        }
        if (!reply->ok()) {
            qCWarning(lcKioskFinger).noquote() << "fingerprint candidates failed:" << reply->errorCode();
            return;
        }
        const QJsonObject answer = reply->json();
        m_identifyChallenge = answer.value(QLatin1String("challenge")).toString();
        m_candidates.clear();
        for (const QJsonValue& v : answer.value(QLatin1String("candidates")).toArray()) {
            const QJsonObject c = v.toObject();
            m_candidates.append(
                {c.value(QLatin1String("user")).toString(),
                 QByteArray::fromBase64(c.value(QLatin1String("template")).toString().toLatin1())});
        }
        qCDebug(lcKioskFinger) << "looking for" << m_candidates.size() << "enrolled users";
        startIdentification();
    });
}

void KioskController::startIdentification()
{
    if (!fingerprintCanIdentify() || m_screen != IdleScreen || m_busy)
        return;
    // Nobody enrolled has jobs waiting: the sensor has no one to look for.
    if (m_candidates.isEmpty())
        m_fingerprint->cancel();
    else
        m_fingerprint->identify(m_candidates);
}

void KioskController::onIdentified(const QString& user)
{
    if (m_screen != IdleScreen || m_inSession || m_busy)
        return;
    if (user.isEmpty()) {
        qCInfo(lcKioskAuth) << "fingerprint not recognised";
        setMessage(QCoreApplication::translate("KioskController",
                                               "Fingerprint not recognised, or you have no jobs waiting. Try "
                                               "again, tap your card, or sign in with your ID and PIN."),
                   true, QStringLiteral("fingerprint-unknown"));
        startIdentification();
        return;
    }
    qCInfo(lcKioskAuth).noquote() << "fingerprint identified:" << user;
    ApiReply* reply = m_client->kioskSessionWithFingerprint(m_identifyChallenge, user, true);
    beginSignIn(reply, IdleScreen);
    // A refused identification (expired challenge, locked account) looks again with fresh candidates.
    connect(reply, &ApiReply::finished, this, [this, reply] {
        if (!reply->ok())
            fetchCandidates();
    });
}

void KioskController::startEnrollment()
{
    if (!m_inSession || !fingerprintAvailable())
        return;
    // Biometric data (PIPA): nothing is scanned before the person has read what is kept and agreed.
    m_consented = false;
    clearMessage();
    setScreen(ConsentScreen);
}

void KioskController::agreeAndEnroll()
{
    if (!m_inSession || !fingerprintAvailable() || m_screen != ConsentScreen)
        return;
    m_consented = true;
    qCInfo(lcKioskAuth).noquote() << "fingerprint consent given by" << m_userName;
    m_enrollDone = 0;
    m_enrollTotal = m_fingerprint->enrollStages();
    Q_EMIT fingerprintChanged();
    setScreen(EnrollScreen);
    setMessage(
        QCoreApplication::translate("KioskController", "Touch the sensor with the finger you want to use."),
        false);
    m_fingerprint->enroll(m_userName);
}

void KioskController::onEnrolled(const QByteArray& templ)
{
    if (m_screen != EnrollScreen || !m_inSession || !m_consented)
        return;
    if (!m_network)
        m_network = new QNetworkAccessManager(this);
    auto* request = new FingerprintEnrolRequest(*m_client, m_network, templ, this);
    setBusy(true);
    connect(request, &FingerprintEnrolRequest::finished, this, [this, request] {
        request->deleteLater();
        setBusy(false);
        applyFingerprintChange(request->ok(), request->errorCode(), request->errorMessage(), request->json(),
                               true);
    });
}

void KioskController::removeFingerprint()
{
    if (!m_inSession)
        return;
    if (m_fingerprint)
        m_fingerprint->cancel();
    changeFingerprint(m_client->removeFingerprint(), false);
}

void KioskController::changeFingerprint(ApiReply* reply, bool enrolled)
{
    setBusy(true);
    connect(reply, &ApiReply::finished, this, [this, reply, enrolled] {
        reply->deleteLater();
        setBusy(false);
        applyFingerprintChange(reply->ok(), reply->errorCode(), reply->errorMessage(), reply->json(),
                               enrolled);
    });
}

void KioskController::applyFingerprintChange(bool ok, const QString& code, const QString& message,
                                             const QJsonObject& body, bool enrolled)
{
    if (!m_inSession)
        return;
    if (!ok) {
        setMessage(KioskText::forError(code, message, body, QDateTime::currentDateTime()), true, code);
        return;
    }
    qCInfo(lcKioskAuth).noquote() << (enrolled ? "fingerprint registered for" : "fingerprint removed for")
                                  << m_userName;
    setHasFingerprint(enrolled);
    setScreen(JobsScreen);
    setMessage(enrolled
                   ? QCoreApplication::translate("KioskController",
                                                 "Fingerprint registered. Next time, just touch the sensor.")
                   : QCoreApplication::translate(
                         "KioskController",
                         "Your consent is withdrawn and your fingerprint was deleted from the print server."),
               false);
    m_consented = false;
}

void KioskController::cancelFingerprint()
{
    if (m_fingerprint)
        m_fingerprint->cancel();
    m_consented = false;
    if ((m_screen == EnrollScreen || m_screen == ConsentScreen) && m_inSession) {
        clearMessage();
        setScreen(JobsScreen);
    } else if (m_screen == VerifyScreen) {
        cancel();
    }
}

void KioskController::continueWithoutFingerprint()
{
    if (m_screen != VerifyScreen || !m_fingerprintFailed || m_verifyChallenge.isEmpty() || m_busy)
        return;
    qCInfo(lcKioskAuth).noquote() << "fingerprint sensor failed; continuing without it for" << m_verifyUser;
    beginSignIn(m_client->kioskSessionSensorFailed(m_verifyChallenge, m_verifyUser), VerifyScreen);
}

void KioskController::retryFingerprint()
{
    if (!m_fingerprint)
        return;
    m_fingerprintFailed = false;
    Q_EMIT fingerprintChanged();
    clearMessage();
    restartCountdown();
    if (m_screen == VerifyScreen && !m_verifyTemplate.isEmpty())
        m_fingerprint->verify(m_verifyTemplate);
    else if (m_screen == EnrollScreen)
        startEnrollment();
}

void KioskController::setHasFingerprint(bool enrolled)
{
    m_hasFingerprint = enrolled;
    Q_EMIT fingerprintChanged();
}

// -- quota

void KioskController::fetchQuota()
{
    if (!m_client || !m_inSession || m_quotaReply)
        return;
    ApiReply* reply = m_client->usageQuota();
    m_quotaReply = reply;
    connect(reply, &ApiReply::finished, this, [this, reply] {
        reply->deleteLater();
        if (!m_inSession)
            return;
        if (!reply->ok()) {
            // A server without accounting, or a passing failure: the quota line just stays away.
            qCInfo(lcKioskJobs).noquote() << "quota not known:" << reply->errorCode();
            return;
        }
        applyQuota(reply->json());
    });
}

void KioskController::applyQuota(const QJsonObject& answer)
{
    if (answer == m_quota)
        return;
    m_quota = answer;
    Q_EMIT quotaChanged();
}

QString KioskController::quotaText() const
{
    return KioskText::quotaLeft(m_quota.value(QLatin1String("quotas")).toArray(),
                                m_quota.value(QLatin1String("currency")).toString());
}

bool KioskController::quotaLow() const
{
    for (const QJsonValue& v : m_quota.value(QLatin1String("quotas")).toArray()) {
        const QJsonObject q = v.toObject();
        if (!q.value(QLatin1String("limit")).isDouble())
            continue;
        const qint64 limit =
            q.value(QLatin1String("limit")).toInteger() + q.value(QLatin1String("allowance")).toInteger();
        if (q.value(QLatin1String("spent")).toInteger() * 10 >= limit * 9)
            return true;
    }
    return false;
}

// -- jobs

void KioskController::printSelected()
{
    release(m_jobs->selectedIds(), false);
}

void KioskController::printAll()
{
    release(m_jobs->heldIds(), true);
}

void KioskController::release(const QList<qint64>& ids, bool thenSignOut)
{
    if (!m_inSession || ids.isEmpty())
        return;
    if (!printerCanPrint()) {
        setMessage(
            QCoreApplication::translate(
                "KioskController",
                "%1 cannot print now (%2). Your jobs stay held: print them at one of the printers listed.")
                .arg(printerName(), printerFaultText()),
            true, QStringLiteral("printer-fault"));
        return;
    }
    QJsonObject options{{QStringLiteral("copies"), qMin(m_copies, copiesMax())},
                        {QStringLiteral("sides"), m_duplex && canDuplex()
                                                      ? QStringLiteral("two-sided-long-edge")
                                                      : QStringLiteral("one-sided")}};
    if (m_mono && canChooseColour())
        options.insert(QStringLiteral("colorMode"), QStringLiteral("monochrome"));
    clearMessage();
    m_releaseFailed = false;
    m_pendingReleases += static_cast<int>(ids.size());
    setBusy(true);
    for (qint64 id : ids) {
        qCInfo(lcKioskJobs) << "release job" << id << "to" << printerName();
        ApiReply* reply = m_client->releaseJob(id, printerName(), options);
        connect(reply, &ApiReply::finished, this, [this, reply, thenSignOut] {
            reply->deleteLater();
            if (!m_inSession)
                return;
            if (reply->ok()) {
                m_jobs->applyJob(reply->json().value(QLatin1String("job")).toObject());
            } else {
                // A refusal over a quota says what the job costs, what is left and what to do; the
                // job stays held (docs/accounting.md).
                m_releaseFailed = true;
                setMessage(KioskText::forReply(reply), true, reply->errorCode());
                m_jobs->refresh();
            }
            if (--m_pendingReleases > 0)
                return;
            setBusy(false);
            // Releases reserve their cost against the quota: show what is left now.
            fetchQuota();
            if (thenSignOut && !m_releaseFailed) {
                // "Print all" is the last thing people do: sign out soon, with the countdown showing.
                m_afterPrintAll = true;
                m_secondsLeft = AfterPrintAllSecs;
                setMessage(
                    QCoreApplication::translate(
                        "KioskController", "Your jobs are printing. You will be signed out in a moment."),
                    false);
                Q_EMIT secondsLeftChanged();
            }
        });
    }
}

void KioskController::requestDelete()
{
    if (!m_inSession || m_jobs->selectedCount() == 0)
        return;
    m_confirmingDelete = true;
    Q_EMIT confirmingDeleteChanged();
}

void KioskController::cancelDelete()
{
    m_confirmingDelete = false;
    Q_EMIT confirmingDeleteChanged();
}

void KioskController::confirmDelete()
{
    cancelDelete();
    if (!m_inSession)
        return;
    for (qint64 id : m_jobs->selectedIds()) {
        qCInfo(lcKioskJobs) << "delete job" << id;
        ApiReply* reply = m_client->deleteJob(id);
        connect(reply, &ApiReply::finished, this, [this, reply, id] {
            reply->deleteLater();
            if (!m_inSession)
                return;
            if (reply->ok()) {
                m_jobs->removeJob(id);
            } else {
                setMessage(KioskText::forReply(reply), true, reply->errorCode());
                m_jobs->refresh();
            }
        });
    }
}

void KioskController::onEvent(const QString& type, const QJsonObject& data)
{
    if (type == QLatin1String("printer-changed")) {
        const QJsonObject p = data.value(QLatin1String("printer")).toObject();
        if (p.value(QLatin1String("id")).toInteger() == printerId())
            applyPrinter(p);
        else if (!printerCanPrint())
            m_alternatives->refresh(printerId(), printerLocation());
        return;
    }
    if (!type.startsWith(QLatin1String("job-")))
        return;
    const QJsonObject job = data.value(QLatin1String("job")).toObject();
    if (type == QLatin1String("job-deleted") || type == QLatin1String("job-expired"))
        m_jobs->removeJob(job.value(QLatin1String("id")).toInteger());
    else
        m_jobs->applyJob(job);
    // A printed job is charged what the printer did; an aborted one releases its reservation.
    const QString state = job.value(QLatin1String("state")).toString();
    if (state == QLatin1String("printed") || state == QLatin1String("held"))
        fetchQuota();
}

// -- inactivity

void KioskController::restartCountdown()
{
    m_secondsLeft = m_idleTimeoutSecs;
    m_tick.start();
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
        // Someone at the idle screen may have printed seconds ago: their finger must be known now,
        // not at the next minute's refresh. One fetch per few seconds however often they touch.
        if (!m_sinceCandidates.isValid() || m_sinceCandidates.elapsed() > 3000)
            fetchCandidates();
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
