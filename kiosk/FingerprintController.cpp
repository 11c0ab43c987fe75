#include "FingerprintController.h"

#include "ApiClient.h"
#include "EventStream.h"
#include "FingerprintEnrolRequest.h"
#include "KioskController.h"
#include "KioskLog.h"
#include "KioskText.h"
#include "SignInController.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QNetworkAccessManager>
#include <QQmlEngine>

FingerprintController::FingerprintController(KioskController* session) : QObject(session), m_session(session)
{
    m_candidateRefresh.setInterval(60 * 1000);
    connect(&m_candidateRefresh, &QTimer::timeout, this, &FingerprintController::fetchCandidates);
    connect(session->kioskEvents(), &EventStream::eventReceived, this,
            [this](const QString& type, const QJsonObject&) { onKioskEvent(type); });
    connect(session, &KioskController::screenChanged, this, &FingerprintController::onScreenChanged);
    connect(session, &KioskController::idleActivity, this, [this] {
        // Someone at the idle screen may have printed seconds ago: their finger must be known now,
        // not at the next minute's refresh. One fetch per few seconds however often they touch.
        if (!m_sinceCandidates.isValid() || m_sinceCandidates.elapsed() > 3000)
            fetchCandidates();
    });
    connect(session, &KioskController::cancelled, this, [this] {
        clearVerification();
        if (m_fingerprintFailed) {
            m_fingerprintFailed = false;
            Q_EMIT fingerprintChanged();
        }
    });
    connect(session, &KioskController::sessionOpened, this, [this](const QJsonObject& answer) {
        clearVerification();
        m_fingerprintFailed = false;
        m_hasFingerprint =
            answer.value(QLatin1String("user")).toObject().value(QLatin1String("hasFingerprint")).toBool();
        Q_EMIT fingerprintChanged();
    });
    connect(session, &KioskController::sessionClosed, this, [this] {
        m_consented = false;
        setHasFingerprint(false);
    });
}

FingerprintController* FingerprintController::create(QQmlEngine* qml, QJSEngine* js)
{
    Q_UNUSED(qml)
    Q_UNUSED(js)
    KioskController* session = KioskController::instance();
    Q_ASSERT(session);
    QJSEngine::setObjectOwnership(session->fingerprintController(), QJSEngine::CppOwnership);
    return session->fingerprintController();
}

void FingerprintController::setFingerprintReader(FingerprintReader* reader)
{
    m_fingerprint = reader;
    if (!reader)
        return;
    ApiClient* client = m_session->client();
    connect(reader, &FingerprintReader::availabilityChanged, this, [this](bool available) {
        if (m_session->client())
            m_session->client()->setKioskHasFingerprintReader(available);
        Q_EMIT fingerprintChanged();
        if (available && m_session->screen() == KioskController::IdleScreen)
            fetchCandidates();
        if (!available) {
            m_candidates.clear();
            if (m_session->screen() == KioskController::VerifyScreen ||
                m_session->screen() == KioskController::EnrollScreen)
                cancelFingerprint();
        }
    });
    connect(reader, &FingerprintReader::activeActionChanged, this,
            &FingerprintController::fingerprintChanged);
    connect(reader, &FingerprintReader::identified, this, &FingerprintController::onIdentified);
    connect(reader, &FingerprintReader::verified, this, &FingerprintController::onVerified);
    connect(reader, &FingerprintReader::enrolled, this, &FingerprintController::onEnrolled);
    connect(reader, &FingerprintReader::enrollProgress, this, [this](int done, int total) {
        m_enrollDone = done;
        m_enrollTotal = total;
        Q_EMIT fingerprintChanged();
        if (done < total)
            m_session->setMessage(
                QCoreApplication::translate("KioskController",
                                            "Lift your finger and touch the sensor again (%1 of %2).")
                    .arg(done + 1)
                    .arg(total),
                false);
        m_session->userActivity();
    });
    connect(reader, &FingerprintReader::scanRetry, this, [this](const QString& message) {
        m_session->setMessage(message, false);
        m_session->userActivity();
    });
    connect(reader, &FingerprintReader::failed, this, [this](const QString& message) {
        m_session->setMessage(message, true, QStringLiteral("fingerprint-failed"));
        if (m_session->screen() == KioskController::VerifyScreen) {
            m_fingerprintFailed = true;
            Q_EMIT fingerprintChanged();
        }
        // On the idle screen the sensor keeps looking after a short pause.
        if (m_session->screen() == KioskController::IdleScreen)
            QTimer::singleShot(3000, this, [this] {
                if (m_session->screen() == KioskController::IdleScreen && !m_session->busy())
                    startIdentification();
            });
    });
    if (client)
        client->setKioskHasFingerprintReader(reader->isAvailable());
}

void FingerprintController::setFingerprintRefreshSecs(int secs)
{
    m_candidateRefresh.setInterval(secs * 1000);
}

void FingerprintController::start()
{
    fetchCandidates();
}

bool FingerprintController::fingerprintAvailable() const
{
    return m_fingerprint && m_fingerprint->isAvailable();
}

QString FingerprintController::sensorListening() const
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

bool FingerprintController::fingerprintCanIdentify() const
{
    return fingerprintAvailable() && m_fingerprint->canIdentify();
}

void FingerprintController::onScreenChanged()
{
    // The sensor looks for enrolled users only on the idle screen; the other screens use it
    // for one purpose (verification, enrolment) or not at all.
    const KioskController::Screen screen = m_session->screen();
    if (screen == KioskController::IdleScreen) {
        fetchCandidates();
    } else {
        m_candidateRefresh.stop();
        if (screen != KioskController::VerifyScreen && screen != KioskController::EnrollScreen &&
            m_fingerprint)
            m_fingerprint->cancel();
    }
}

void FingerprintController::onKioskEvent(const QString& type)
{
    // Someone's held jobs changed: the idle screen's candidates are stale. Elsewhere the return to the
    // idle screen fetches them anyway.
    if (type == QLatin1String("candidates-changed") && m_session->screen() == KioskController::IdleScreen &&
        !m_session->busy()) {
        qCDebug(lcKioskFinger) << "held jobs changed: fetching the fingerprint candidates";
        fetchCandidates();
    }
}

// -- the check after a card or PIN

void FingerprintController::beginVerification(const QJsonObject& answer)
{
    const QJsonObject user = answer.value(QLatin1String("user")).toObject();
    const QJsonArray candidates = answer.value(QLatin1String("candidates")).toArray();
    m_verifyChallenge = answer.value(QLatin1String("challenge")).toString();
    m_verifyUser = user.value(QLatin1String("name")).toString();
    m_verifyTemplate = QByteArray::fromBase64(
        candidates.first().toObject().value(QLatin1String("template")).toString().toLatin1());
    if (!m_fingerprint || !m_fingerprint->isAvailable() || m_verifyChallenge.isEmpty() ||
        m_verifyTemplate.isEmpty()) {
        m_session->setMessage(QCoreApplication::translate("KioskController",
                                                          "Your account needs a fingerprint check, but the "
                                                          "sensor is not working. Ask the print admin."),
                              true, QStringLiteral("fingerprint-unavailable"));
        m_session->setScreen(KioskController::IdleScreen);
        return;
    }
    qCInfo(lcKioskAuth).noquote() << "fingerprint check for" << m_verifyUser;
    m_fingerprintFailed = false;
    Q_EMIT fingerprintChanged();
    m_session->setScreen(KioskController::VerifyScreen);
    m_session->setMessage(
        QCoreApplication::translate("KioskController", "Touch the fingerprint sensor to confirm it is you."),
        false);
    m_fingerprint->verify(m_verifyTemplate);
}

void FingerprintController::verifyAgain()
{
    if (m_fingerprint)
        m_fingerprint->verify(m_verifyTemplate);
}

void FingerprintController::clearVerification()
{
    m_verifyChallenge.clear();
    m_verifyTemplate.clear();
}

void FingerprintController::onVerified(bool match)
{
    if (m_session->screen() != KioskController::VerifyScreen || m_verifyChallenge.isEmpty())
        return;
    qCInfo(lcKioskAuth).noquote() << "fingerprint check for" << m_verifyUser
                                  << (match ? "matched" : "did not match");
    m_session->signInController()->submit(
        m_session->client()->kioskSessionWithFingerprint(m_verifyChallenge, m_verifyUser, match),
        KioskController::VerifyScreen);
}

void FingerprintController::continueWithoutFingerprint()
{
    if (m_session->screen() != KioskController::VerifyScreen || !m_fingerprintFailed ||
        m_verifyChallenge.isEmpty() || m_session->busy())
        return;
    qCInfo(lcKioskAuth).noquote() << "fingerprint sensor failed; continuing without it for" << m_verifyUser;
    m_session->signInController()->submit(
        m_session->client()->kioskSessionSensorFailed(m_verifyChallenge, m_verifyUser),
        KioskController::VerifyScreen);
}

// -- identification on the idle screen

void FingerprintController::fetchCandidates()
{
    ApiClient* client = m_session->client();
    if (!client || !fingerprintCanIdentify() || m_session->screen() != KioskController::IdleScreen)
        return;
    m_candidateRefresh.start();
    if (m_candidateReply) {
        // The answer under way may predate the change that asked for this one: ask again after it.
        m_candidatesStale = true;
        return;
    }
    m_candidatesStale = false;
    m_sinceCandidates.start();
    ApiReply* reply = client->fingerprintCandidates();
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

void FingerprintController::startIdentification()
{
    if (!fingerprintCanIdentify() || m_session->screen() != KioskController::IdleScreen || m_session->busy())
        return;
    // Nobody enrolled has jobs waiting: the sensor has no one to look for.
    if (m_candidates.isEmpty())
        m_fingerprint->cancel();
    else
        m_fingerprint->identify(m_candidates);
}

void FingerprintController::onIdentified(const QString& user)
{
    if (m_session->screen() != KioskController::IdleScreen || m_session->inSession() || m_session->busy())
        return;
    if (user.isEmpty()) {
        qCInfo(lcKioskAuth) << "fingerprint not recognised";
        m_session->setMessage(
            QCoreApplication::translate("KioskController",
                                        "Fingerprint not recognised, or you have no jobs waiting. Try "
                                        "again, tap your card, or sign in with your ID and PIN."),
            true, QStringLiteral("fingerprint-unknown"));
        startIdentification();
        return;
    }
    qCInfo(lcKioskAuth).noquote() << "fingerprint identified:" << user;
    ApiReply* reply = m_session->client()->kioskSessionWithFingerprint(m_identifyChallenge, user, true);
    m_session->signInController()->submit(reply, KioskController::IdleScreen);
    // A refused identification (expired challenge, locked account) looks again with fresh candidates.
    connect(reply, &ApiReply::finished, this, [this, reply] {
        if (!reply->ok())
            fetchCandidates();
    });
}

// -- registering and removing (the signed-in user)

void FingerprintController::startEnrollment()
{
    if (!m_session->inSession() || !fingerprintAvailable())
        return;
    // Biometric data (PIPA): nothing is scanned before the person has read what is kept and agreed.
    m_consented = false;
    m_session->clearMessage();
    m_session->setScreen(KioskController::ConsentScreen);
}

void FingerprintController::agreeAndEnroll()
{
    if (!m_session->inSession() || !fingerprintAvailable() ||
        m_session->screen() != KioskController::ConsentScreen)
        return;
    m_consented = true;
    qCInfo(lcKioskAuth).noquote() << "fingerprint consent given by" << m_session->userName();
    m_enrollDone = 0;
    m_enrollTotal = m_fingerprint->enrollStages();
    Q_EMIT fingerprintChanged();
    m_session->setScreen(KioskController::EnrollScreen);
    m_session->setMessage(
        QCoreApplication::translate("KioskController", "Touch the sensor with the finger you want to use."),
        false);
    m_fingerprint->enroll(m_session->userName());
}

void FingerprintController::onEnrolled(const QByteArray& templ)
{
    if (m_session->screen() != KioskController::EnrollScreen || !m_session->inSession() || !m_consented)
        return;
    if (!m_network)
        m_network = new QNetworkAccessManager(this);
    auto* request = new FingerprintEnrolRequest(*m_session->client(), m_network, templ, this);
    m_session->setBusy(true);
    connect(request, &FingerprintEnrolRequest::finished, this, [this, request] {
        request->deleteLater();
        m_session->setBusy(false);
        applyFingerprintChange(request->ok(), request->errorCode(), request->errorMessage(), request->json(),
                               true);
    });
}

void FingerprintController::removeFingerprint()
{
    if (!m_session->inSession())
        return;
    if (m_fingerprint)
        m_fingerprint->cancel();
    changeFingerprint(m_session->client()->removeFingerprint(), false);
}

void FingerprintController::changeFingerprint(ApiReply* reply, bool enrolled)
{
    m_session->setBusy(true);
    connect(reply, &ApiReply::finished, this, [this, reply, enrolled] {
        reply->deleteLater();
        m_session->setBusy(false);
        applyFingerprintChange(reply->ok(), reply->errorCode(), reply->errorMessage(), reply->json(),
                               enrolled);
    });
}

void FingerprintController::applyFingerprintChange(bool ok, const QString& code, const QString& message,
                                                   const QJsonObject& body, bool enrolled)
{
    if (!m_session->inSession())
        return;
    if (!ok) {
        m_session->setMessage(KioskText::forError(code, message, body, QDateTime::currentDateTime()), true,
                              code);
        return;
    }
    qCInfo(lcKioskAuth).noquote() << (enrolled ? "fingerprint registered for" : "fingerprint removed for")
                                  << m_session->userName();
    setHasFingerprint(enrolled);
    m_session->setScreen(KioskController::JobsScreen);
    m_session->setMessage(
        enrolled ? QCoreApplication::translate("KioskController",
                                               "Fingerprint registered. Next time, just touch the sensor.")
                 : QCoreApplication::translate(
                       "KioskController",
                       "Your consent is withdrawn and your fingerprint was deleted from the print server."),
        false);
    m_consented = false;
}

void FingerprintController::cancelFingerprint()
{
    if (m_fingerprint)
        m_fingerprint->cancel();
    m_consented = false;
    const KioskController::Screen screen = m_session->screen();
    if ((screen == KioskController::EnrollScreen || screen == KioskController::ConsentScreen) &&
        m_session->inSession()) {
        m_session->clearMessage();
        m_session->setScreen(KioskController::JobsScreen);
    } else if (screen == KioskController::VerifyScreen) {
        m_session->cancel();
    }
}

void FingerprintController::retryFingerprint()
{
    if (!m_fingerprint)
        return;
    m_fingerprintFailed = false;
    Q_EMIT fingerprintChanged();
    m_session->clearMessage();
    m_session->restartCountdown();
    if (m_session->screen() == KioskController::VerifyScreen && !m_verifyTemplate.isEmpty())
        m_fingerprint->verify(m_verifyTemplate);
    else if (m_session->screen() == KioskController::EnrollScreen)
        startEnrollment();
}

void FingerprintController::setHasFingerprint(bool enrolled)
{
    m_hasFingerprint = enrolled;
    Q_EMIT fingerprintChanged();
}
