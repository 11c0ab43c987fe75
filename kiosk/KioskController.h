#pragma once
#include "FingerprintReader.h"
#include "JobModel.h"
#include "PrinterModel.h"
#include "SseParser.h"

#include <QElapsedTimer>
#include <QJsonObject>
#include <QObject>
#include <QPointer>
#include <QTimer>
#include <QtQml/qqmlregistration.h>

class QNetworkAccessManager;
class ApiClient;
class ApiReply;
class EventStream;
class KioskTranslations;
class QJSEngine;
class QQmlEngine;
class ThumbnailCache;

/// The kiosk's session logic, shown by QML as the singleton `Kiosk`: which screen is up, sign-in
/// by card, fingerprint, ID + PIN or password (linking an unknown card), the signed-in user's jobs (JobModel)
/// with release and delete, the kiosk printer's state and nearby alternatives (PrinterModel), the
/// inactivity countdown and the language. Everything talks to the server through ApiClient and
/// EventStream; QML only calls the invokables and binds to the properties.
class KioskController : public QObject
{
    Q_OBJECT
    QML_NAMED_ELEMENT(Kiosk)
    QML_SINGLETON
    Q_PROPERTY(Screen screen READ screen NOTIFY screenChanged)
    Q_PROPERTY(bool busy READ busy NOTIFY busyChanged)
    Q_PROPERTY(QString message READ message NOTIFY messageChanged)
    Q_PROPERTY(bool messageIsError READ messageIsError NOTIFY messageChanged)
    Q_PROPERTY(QString kioskName READ kioskName NOTIFY printerChanged)
    Q_PROPERTY(QString printerName READ printerName NOTIFY printerChanged)
    Q_PROPERTY(QString printerLocation READ printerLocation NOTIFY printerChanged)
    Q_PROPERTY(QString printerStateText READ printerStateText NOTIFY printerChanged)
    Q_PROPERTY(QString printerFaultText READ printerFaultText NOTIFY printerChanged)
    Q_PROPERTY(bool printerCanPrint READ printerCanPrint NOTIFY printerChanged)
    Q_PROPERTY(bool serverReachable READ serverReachable NOTIFY printerChanged)
    Q_PROPERTY(bool canDuplex READ canDuplex NOTIFY printerChanged)
    Q_PROPERTY(bool canChooseColour READ canChooseColour NOTIFY printerChanged)
    Q_PROPERTY(int copiesMax READ copiesMax NOTIFY printerChanged)
    Q_PROPERTY(QString userName READ userName NOTIFY userChanged)
    Q_PROPERTY(int secondsLeft READ secondsLeft NOTIFY secondsLeftChanged)
    Q_PROPERTY(bool signingOutAfterPrint READ signingOutAfterPrint NOTIFY secondsLeftChanged)
    Q_PROPERTY(bool confirmingDelete READ confirmingDelete NOTIFY confirmingDeleteChanged)
    Q_PROPERTY(int copies READ copies WRITE setCopies NOTIFY optionsChanged)
    Q_PROPERTY(bool duplex READ duplex WRITE setDuplex NOTIFY optionsChanged)
    Q_PROPERTY(bool mono READ mono WRITE setMono NOTIFY optionsChanged)
    Q_PROPERTY(QString language READ language WRITE setLanguage NOTIFY languageChanged)
    Q_PROPERTY(bool fingerprintAvailable READ fingerprintAvailable NOTIFY fingerprintChanged)
    Q_PROPERTY(bool fingerprintCanIdentify READ fingerprintCanIdentify NOTIFY fingerprintChanged)
    Q_PROPERTY(bool hasFingerprint READ hasFingerprint NOTIFY fingerprintChanged)
    Q_PROPERTY(bool fingerprintFailed READ fingerprintFailed NOTIFY fingerprintChanged)
    Q_PROPERTY(QString sensorListening READ sensorListening NOTIFY fingerprintChanged)
    Q_PROPERTY(int enrollDone READ enrollDone NOTIFY fingerprintChanged)
    Q_PROPERTY(int enrollTotal READ enrollTotal NOTIFY fingerprintChanged)
    Q_PROPERTY(QString quotaText READ quotaText NOTIFY quotaChanged)
    Q_PROPERTY(bool quotaLow READ quotaLow NOTIFY quotaChanged)
    Q_PROPERTY(JobModel* jobs READ jobs CONSTANT)
    Q_PROPERTY(PrinterModel* alternatives READ alternatives CONSTANT)
public:
    enum Screen {
        IdleScreen,
        PinScreen,
        LinkCardScreen,
        JobsScreen,
        VerifyScreen,
        EnrollScreen,
        ConsentScreen
    };
    Q_ENUM(Screen)
    static constexpr int AfterPrintAllSecs = 5;
    static constexpr int MaxCopies = 99;

    /// Creates the controller talking through `client`; `translations` (may be null) switches languages.
    explicit KioskController(ApiClient* client, KioskTranslations* translations = nullptr,
                             QObject* parent = nullptr);
    ~KioskController() override;

    /// The instance QML's `Kiosk` singleton returns (set by the app before loading QML).
    static void setInstance(KioskController* instance);
    /// QML singleton factory: returns the instance given to setInstance(), owned by C++.
    static KioskController* create(QQmlEngine* qml, QJSEngine* js);

    /// Uses `reader` (may be null) for fingerprint identification on the idle screen, verification
    /// after a card or PIN when the server asks for it, and enrolment in a session.
    void setFingerprintReader(FingerprintReader* reader);
    /// Sets how often the idle screen refetches the enrolled users with held jobs (default 60 s).
    void setFingerprintRefreshSecs(int secs);
    /// Serves thumbnails from `cache` (the engine's image provider "thumbnails").
    void setThumbnailCache(ThumbnailCache* cache);
    /// Sets the inactivity sign-out delay (default 30 s) and how often the printer's state is polled.
    void setIdleTimeoutSecs(int secs) { m_idleTimeoutSecs = secs; }
    void setPrinterPollSecs(int secs);
    int idleTimeoutSecs() const { return m_idleTimeoutSecs; }

    /// Fetches the kiosk's own details and shows the idle screen; polls the printer from then on.
    void start();
    /// Adopts a successful sign-in answer (POST /api/v1/kiosk/session: "user", "printer"): shows the
    /// user's jobs and follows their events. Called by the sign-ins; public for offline screen tests.
    void openSession(const QJsonObject& answer);
    /// Adopts a sign-in answer that asks for the fingerprint ("verify", "challenge", "user",
    /// "candidates"): shows VerifyScreen and checks the finger. Public for offline screen tests.
    void beginVerification(const QJsonObject& answer);
    /// Takes the kiosk printer's status (a printer object of the API); asks for alternatives when
    /// it cannot print.
    void applyPrinter(const QJsonObject& printer);

    Screen screen() const { return m_screen; }
    bool busy() const { return m_busy; }
    QString message() const { return m_message; }
    bool messageIsError() const { return m_messageIsError; }
    /// The stable code of the last refusal ("unknown-card", "locked", ...), for logs and tests.
    QString lastErrorCode() const { return m_lastErrorCode; }
    QString kioskName() const { return m_kioskName; }
    QString printerName() const;
    QString printerLocation() const;
    QString printerStateText() const;
    QString printerFaultText() const;
    bool printerCanPrint() const;
    qint64 printerId() const;
    /// False while the print server cannot be reached (the last kiosk info request failed on the
    /// network): the printer's last known state is not shown as current then.
    bool serverReachable() const { return m_serverReachable; }
    /// The printer can print two-sided (its capabilities' "sides"); true when the server sent none.
    bool canDuplex() const;
    /// The printer prints in colour, so black and white is a choice; true when the server sent none.
    bool canChooseColour() const;
    /// The most copies the printer takes in one job (capabilities' copiesMax, at most MaxCopies).
    int copiesMax() const;
    QString userName() const { return m_userName; }
    int secondsLeft() const { return m_secondsLeft; }
    bool signingOutAfterPrint() const { return m_afterPrintAll; }
    bool confirmingDelete() const { return m_confirmingDelete; }
    int copies() const { return m_copies; }
    bool duplex() const { return m_duplex; }
    bool mono() const { return m_mono; }
    QString language() const { return m_language; }
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
    JobModel* jobs() const { return m_jobs; }
    PrinterModel* alternatives() const { return m_alternatives; }
    /// What is left of the signed-in user's tightest quota this period ("Left of your print quota
    /// this month: ₩12,340"), in the current language; empty without a quota or before it is known.
    QString quotaText() const;
    /// True when the tightest quota is 90 % used or more.
    bool quotaLow() const;
    /// Adopts the answer of GET /api/v1/usage/quota (docs/accounting.md). Public for offline tests.
    void applyQuota(const QJsonObject& answer);

    void setCopies(int copies);
    void setDuplex(bool duplex);
    void setMono(bool mono);
    /// Switches the language ("ko" or "en") of every text on screen.
    void setLanguage(const QString& language);

public Q_SLOTS:
    /// A card was read (PC/SC or keyboard wedge): signs in with it, or asks to link it.
    void cardPresented(const QString& cardNumber);
    /// Shows the ID + PIN screen.
    void showPinEntry();
    /// Back to the idle screen without signing in.
    void cancel();
    /// Signs in with ID and PIN.
    void signInWithPin(const QString& username, const QString& pin);
    /// Signs in with ID and password and links the card that was just refused as unknown.
    void linkCard(const QString& username, const QString& password);
    /// Releases the selected jobs to this kiosk's printer with the chosen options.
    void printSelected();
    /// Releases every held job, then signs out shortly after.
    void printAll();
    /// Asks to confirm deleting the selected jobs (confirmingDelete).
    void requestDelete();
    /// Deletes the selected jobs after the confirmation.
    void confirmDelete();
    /// Keeps the jobs.
    void cancelDelete();
    /// Ends the session and returns to the idle screen.
    void signOut();
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
    /// Puts the current message away (a tap on it).
    void dismissMessage();
    /// The user did something: restarts the inactivity countdown; on the idle screen, looks again
    /// for the enrolled users with held jobs (someone who printed seconds ago is touching it).
    void userActivity();
    /// Fetches the printer's state now (also done periodically).
    void refreshPrinter();

Q_SIGNALS:
    void screenChanged();
    void busyChanged();
    void messageChanged();
    void printerChanged();
    void userChanged();
    void secondsLeftChanged();
    void confirmingDeleteChanged();
    void optionsChanged();
    void languageChanged();
    void fingerprintChanged();
    void quotaChanged();
    /// A session began (`user` signed in) or ended.
    void signedIn(const QString& user);
    void signedOut();

private:
    void setScreen(Screen screen);
    void setBusy(bool busy);
    void setMessage(const QString& message, bool isError, const QString& code = {});
    void clearMessage() { setMessage({}, false); }
    void beginSignIn(ApiReply* reply, Screen onFailure);
    void endSession(const QString& why);
    void release(const QList<qint64>& ids, bool thenSignOut);
    void onTick();
    void onEvent(const QString& type, const QJsonObject& data);
    void restartCountdown();
    void startIdentification();
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
    /// Fetches the user's quota state (GET /api/v1/usage/quota) for quotaText().
    void fetchQuota();
    /// Follows GET /api/v1/kiosk/events: held jobs came or went, so the idle screen's fingerprint
    /// candidates are fetched again at once. Reconnects after a pause when the stream ends.
    void openKioskEvents();

    QPointer<ApiClient> m_client;
    QNetworkAccessManager* m_network = nullptr; ///< for FingerprintEnrolRequest, made when first needed
    bool m_serverReachable = true;              ///< the last kiosk info request reached the server
    bool m_consented = false;                   ///< agreed on the consent screen for the enrolment under way
    KioskTranslations* m_translations;
    EventStream* m_events;
    JobModel* m_jobs;
    PrinterModel* m_alternatives;
    QTimer m_tick;
    QTimer m_printerPoll;
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
    QJsonObject m_printer;
    QJsonObject m_quota; ///< GET /api/v1/usage/quota of the signed-in user
    QPointer<ApiReply> m_quotaReply;
    QElapsedTimer m_sinceCandidates; ///< since the last candidates fetch on the idle screen
    QPointer<ApiReply> m_kioskEvents;
    SseParser m_kioskEventParser;
    QTimer m_kioskEventsRetry;
    QString m_kioskName;
    QString m_userName;
    QString m_pendingCard;
    QString m_message;
    QString m_lastErrorCode;
    QString m_language = QStringLiteral("en");
    Screen m_screen = IdleScreen;
    int m_idleTimeoutSecs = 30;
    int m_secondsLeft = 0;
    int m_copies = 1;
    int m_pendingReleases = 0;
    bool m_releaseFailed = false;
    bool m_busy = false;
    bool m_messageIsError = false;
    bool m_confirmingDelete = false;
    bool m_duplex = false;
    bool m_mono = false;
    bool m_afterPrintAll = false;
    bool m_inSession = false;
};
