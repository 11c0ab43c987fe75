#pragma once
#include "FingerprintReader.h"

#include <QElapsedTimer>
#include <QJsonObject>
#include <QObject>
#include <QPointer>
#include <QTimer>
#include <QtQml/qqmlregistration.h>

class ApiReply;
class KioskController;
class QJSEngine;
class QNetworkAccessManager;
class QQmlEngine;

/// Fingerprints at the kiosk (QML singleton `FingerprintController`, for the idle, fingerprint and
/// consent screens): identifying enrolled users with held jobs on the idle screen, the check after a
/// card or PIN when the server asks for it, and registering (after consent) or removing the signed-in
/// user's fingerprint. The sensor is FingerprintReader (libfprint on its own thread).
class FingerprintController : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    QML_SINGLETON
    Q_PROPERTY(bool fingerprintAvailable READ fingerprintAvailable NOTIFY fingerprintChanged)
    Q_PROPERTY(bool fingerprintCanIdentify READ fingerprintCanIdentify NOTIFY fingerprintChanged)
    Q_PROPERTY(bool hasFingerprint READ hasFingerprint NOTIFY fingerprintChanged)
    Q_PROPERTY(bool fingerprintFailed READ fingerprintFailed NOTIFY fingerprintChanged)
    Q_PROPERTY(QString sensorListening READ sensorListening NOTIFY fingerprintChanged)
    Q_PROPERTY(int enrollDone READ enrollDone NOTIFY fingerprintChanged)
    Q_PROPERTY(int enrollTotal READ enrollTotal NOTIFY fingerprintChanged)
public:
    /// Creates the fingerprint logic of `session` (which owns it).
    explicit FingerprintController(KioskController* session);

    /// QML singleton factory: the session's instance (KioskController::setInstance), owned by C++.
    static FingerprintController* create(QQmlEngine* qml, QJSEngine* js);

    /// Uses `reader` (may be null) for identification on the idle screen, verification after a card
    /// or PIN when the server asks for it, and enrolment in a session.
    void setFingerprintReader(FingerprintReader* reader);
    /// Sets how often the idle screen refetches the enrolled users with held jobs (default 60 s).
    void setFingerprintRefreshSecs(int secs);
    /// Looks for the enrolled users with held jobs and follows the kiosk's events (the idle screen).
    void start();
    /// Adopts a sign-in answer that asks for the fingerprint ("verify", "challenge", "user",
    /// "candidates"): shows VerifyScreen and checks the finger. Public for offline screen tests.
    void beginVerification(const QJsonObject& answer);
    /// The finger did not match: asks for it again.
    void verifyAgain();
    /// Forgets the check under way (its challenge and template).
    void clearVerification();
    /// On the idle screen: lets the sensor look for the candidates fetched last.
    void startIdentification();

    bool fingerprintAvailable() const;
    bool fingerprintCanIdentify() const;
    bool hasFingerprint() const { return m_hasFingerprint; }
    /// True on the fingerprint check when the sensor itself failed (not a wrong finger).
    bool fingerprintFailed() const { return m_fingerprintFailed; }
    /// What the sensor is waiting for a finger for: "enroll", "verify", "identify" or empty.
    QString sensorListening() const;
    int enrollDone() const { return m_enrollDone; }
    int enrollTotal() const { return m_enrollTotal; }
    /// The number of enrolled users the idle screen is looking for at the sensor (for tests).
    int fingerprintCandidates() const { return static_cast<int>(m_candidates.size()); }

public Q_SLOTS:
    /// Shows what registering a fingerprint means and asks for consent (ConsentScreen).
    void startEnrollment();
    /// The person agreed on the consent screen: starts registering their fingerprint (EnrollScreen);
    /// the template is sent with "consent": true.
    void agreeAndEnroll();
    /// Withdraws the consent: removes the signed-in user's fingerprint from the server.
    void removeFingerprint();
    /// Leaves the fingerprint screen: enrolment back to the jobs, verification back to idle.
    void cancelFingerprint();
    /// Asks for the finger again after a failure on the fingerprint screens.
    void retryFingerprint();
    /// After the sensor failed during the check: signs in with the card or PIN alone (the server
    /// allows it only for that check, and logs it).
    void continueWithoutFingerprint();

Q_SIGNALS:
    void fingerprintChanged();

private:
    void onScreenChanged();
    void fetchCandidates();
    void onIdentified(const QString& user);
    void onVerified(bool match);
    void onEnrolled(const QByteArray& templ);
    /// Follows a fingerprint registration (`enrolled`) or removal on the server.
    void changeFingerprint(ApiReply* reply, bool enrolled);
    /// The server's answer to a registration or removal: ok, or the error code, message and body.
    void applyFingerprintChange(bool ok, const QString& code, const QString& message, const QJsonObject& body,
                                bool enrolled);
    void setHasFingerprint(bool enrolled);
    /// A kiosk event (KioskController::kioskEvents): held jobs came or went, so the idle screen's
    /// fingerprint candidates are fetched again at once.
    void onKioskEvent(const QString& type);

    KioskController* m_session;
    QNetworkAccessManager* m_network = nullptr; ///< for FingerprintEnrolRequest, made when first needed
    bool m_consented = false;                   ///< agreed on the consent screen for the enrolment under way
    QTimer m_candidateRefresh;
    QPointer<FingerprintReader> m_fingerprint;
    QPointer<ApiReply> m_candidateReply;
    bool m_candidatesStale = false; ///< a refresh was asked for while one was under way
    QString m_verifyChallenge;      ///< after a card/PIN: this user's check
    QString m_identifyChallenge;    ///< on the idle screen: the candidates being looked for
    QString m_verifyUser;
    QByteArray m_verifyTemplate;
    QList<FingerprintReader::Candidate> m_candidates;
    int m_enrollDone = 0;
    int m_enrollTotal = 0;
    bool m_hasFingerprint = false;
    bool m_fingerprintFailed = false;
    QElapsedTimer m_sinceCandidates; ///< since the last candidates fetch on the idle screen
};
