#include "SignInController.h"

#include "ApiClient.h"
#include "FingerprintController.h"
#include "KioskLog.h"
#include "KioskText.h"

#include <QCoreApplication>
#include <QQmlEngine>

SignInController::SignInController(KioskController* session) : QObject(session), m_session(session)
{
    connect(session, &KioskController::cancelled, this, [this] { m_pendingCard.clear(); });
    connect(session, &KioskController::sessionOpened, this, [this] { m_pendingCard.clear(); });
}

SignInController* SignInController::create(QQmlEngine* qml, QJSEngine* js)
{
    Q_UNUSED(qml)
    Q_UNUSED(js)
    KioskController* session = KioskController::instance();
    Q_ASSERT(session);
    QJSEngine::setObjectOwnership(session->signInController(), QJSEngine::CppOwnership);
    return session->signInController();
}

void SignInController::cardPresented(const QString& cardNumber)
{
    if (m_session->busy() || m_session->inSession() || cardNumber.isEmpty())
        return;
    qCInfo(lcKioskAuth) << "card presented";
    m_pendingCard = cardNumber;
    submit(m_session->client()->kioskSessionWithCard(cardNumber), KioskController::IdleScreen);
}

void SignInController::showPinEntry()
{
    if (m_session->inSession())
        return;
    m_session->clearMessage();
    m_session->setScreen(KioskController::PinScreen);
}

void SignInController::cancel()
{
    m_session->cancel();
}

void SignInController::signInWithPin(const QString& username, const QString& pin)
{
    if (m_session->busy() || m_session->inSession())
        return;
    if (username.trimmed().isEmpty() || pin.isEmpty()) {
        m_session->setMessage(QCoreApplication::translate("KioskController", "Enter your ID and PIN."), true,
                              QStringLiteral("missing-credentials"));
        return;
    }
    m_pendingCard.clear();
    submit(m_session->client()->kioskSessionWithPin(username.trimmed(), pin), KioskController::PinScreen);
}

void SignInController::linkCard(const QString& username, const QString& password)
{
    if (m_session->busy() || m_session->inSession())
        return;
    if (username.trimmed().isEmpty() || password.isEmpty()) {
        m_session->setMessage(QCoreApplication::translate("KioskController", "Enter your ID and password."),
                              true, QStringLiteral("missing-credentials"));
        return;
    }
    submit(m_session->client()->kioskSessionWithPassword(username.trimmed(), password, m_pendingCard),
           KioskController::LinkCardScreen);
}

void SignInController::submit(ApiReply* reply, KioskController::Screen onFailure)
{
    m_session->setBusy(true);
    m_session->clearMessage();
    connect(reply, &ApiReply::finished, this, [this, reply, onFailure] {
        reply->deleteLater();
        m_session->setBusy(false);
        FingerprintController* finger = m_session->fingerprintController();
        if (reply->ok()) {
            const QJsonObject answer = reply->json();
            if (answer.value(QLatin1String("verify")).toString() == QLatin1String("fingerprint")) {
                m_pendingCard.clear();
                finger->beginVerification(answer);
            } else {
                m_session->openSession(answer);
            }
            return;
        }
        const QString code = reply->errorCode();
        qCInfo(lcKioskAuth).noquote() << "sign-in refused:" << code;
        if (code == QLatin1String("no-match") && m_session->screen() == KioskController::VerifyScreen) {
            // The finger did not match: say so and ask again (the server counts the failures).
            m_session->setMessage(KioskText::forReply(reply), true, code);
            m_session->restartCountdown();
            finger->verifyAgain();
            return;
        }
        // The sentence first, so the next screen shows it from the start.
        m_session->setMessage(KioskText::forReply(reply), true, code);
        if (code == QLatin1String("unknown-card")) {
            m_session->setScreen(KioskController::LinkCardScreen);
        } else if (onFailure == KioskController::VerifyScreen) {
            finger->clearVerification();
            m_session->setScreen(KioskController::IdleScreen);
        } else {
            if (onFailure == KioskController::IdleScreen)
                m_pendingCard.clear();
            m_session->setScreen(onFailure);
            m_session->restartCountdown();
            // The sensor stopped looking while the sign-in was under way: look again.
            if (m_session->screen() == KioskController::IdleScreen)
                finger->startIdentification();
        }
    });
}
