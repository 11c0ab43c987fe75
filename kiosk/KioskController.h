#pragma once
#include <QJsonObject>
#include <QObject>
#include <QPointer>
#include <QTimer>
#include <QtQml/qqmlregistration.h>

class ApiClient;
class EventStream;
class FingerprintController;
class JobsController;
class KioskTranslations;
class PrinterStatusController;
class QJSEngine;
class QQmlEngine;
class ScanController;
class SignInController;

/// The kiosk's session, shown by QML as the singleton `Kiosk`: which screen is up, who is signed in,
/// the one message line, busy, the inactivity countdown and the language. It holds what the screens'
/// controllers share (the API client, the signed-in user's event stream) and owns them:
/// SignInController (card, PIN, linking a card), FingerprintController (identify, verify, enrol),
/// JobsController (held jobs, release, delete, quota), PrinterStatusController (the kiosk's printer
/// and its neighbours) and ScanController (scan to my e-mail). Each screen's QML talks to its own
/// controller; this class only opens and ends the session and moves between screens.
class KioskController : public QObject
{
    Q_OBJECT
    QML_NAMED_ELEMENT(Kiosk)
    QML_SINGLETON
    Q_PROPERTY(Screen screen READ screen NOTIFY screenChanged)
    Q_PROPERTY(bool busy READ busy NOTIFY busyChanged)
    Q_PROPERTY(QString message READ message NOTIFY messageChanged)
    Q_PROPERTY(bool messageIsError READ messageIsError NOTIFY messageChanged)
    Q_PROPERTY(QString userName READ userName NOTIFY userChanged)
    Q_PROPERTY(int secondsLeft READ secondsLeft NOTIFY secondsLeftChanged)
    Q_PROPERTY(bool signingOutAfterPrint READ signingOutAfterPrint NOTIFY secondsLeftChanged)
    Q_PROPERTY(QString language READ language WRITE setLanguage NOTIFY languageChanged)
public:
    enum Screen {
        IdleScreen,
        PinScreen,
        LinkCardScreen,
        JobsScreen,
        VerifyScreen,
        EnrollScreen,
        ConsentScreen,
        ScanScreen
    };
    Q_ENUM(Screen)

    /// Creates the session talking through `client` and its controllers; `translations` (may be null)
    /// switches languages.
    explicit KioskController(ApiClient* client, KioskTranslations* translations = nullptr,
                             QObject* parent = nullptr);
    ~KioskController() override;

    /// The instance QML's singletons return (set by the app before loading QML).
    static void setInstance(KioskController* instance);
    /// The instance given to setInstance() (null before).
    static KioskController* instance();
    /// QML singleton factory: returns the instance given to setInstance(), owned by C++.
    static KioskController* create(QQmlEngine* qml, QJSEngine* js);

    /// The API client every controller talks through (may be null in offline tests).
    ApiClient* client() const;
    /// The signed-in user's event stream (GET /api/v1/events), running during a session.
    EventStream* events() const { return m_events; }
    /// The kiosk's own event stream (GET /api/v1/kiosk/events, device token), open from start() on with
    /// or without a session: `printer-changed` for the kiosk's printer and `candidates-changed`.
    EventStream* kioskEvents() const { return m_kioskEvents; }
    SignInController* signInController() const { return m_signIn; }
    FingerprintController* fingerprintController() const { return m_fingerprint; }
    JobsController* jobsController() const { return m_jobs; }
    PrinterStatusController* printerStatus() const { return m_printer; }
    ScanController* scanController() const { return m_scan; }

    /// Sets the inactivity sign-out delay (default 30 s).
    void setIdleTimeoutSecs(int secs) { m_idleTimeoutSecs = secs; }
    int idleTimeoutSecs() const { return m_idleTimeoutSecs; }

    /// Fetches the kiosk's own details and shows the idle screen; polls the printer from then on.
    void start();
    /// Adopts a successful sign-in answer (POST /api/v1/kiosk/session: "user", "printer"): the
    /// controllers take their part (sessionOpened), then the jobs screen shows. Called by the sign-ins;
    /// public for offline screen tests.
    void openSession(const QJsonObject& answer);
    /// True between a sign-in and its sign-out.
    bool inSession() const { return m_inSession; }

    Screen screen() const { return m_screen; }
    bool busy() const { return m_busy; }
    QString message() const { return m_message; }
    bool messageIsError() const { return m_messageIsError; }
    /// The stable code of the last refusal ("unknown-card", "locked", ...), for logs and tests.
    QString lastErrorCode() const { return m_lastErrorCode; }
    QString userName() const { return m_userName; }
    int secondsLeft() const { return m_secondsLeft; }
    /// True while the session ends by itself shortly after "Print all".
    bool signingOutAfterPrint() const { return m_afterPrintAll; }
    QString language() const { return m_language; }

    /// Shows `screen`; every screen but the idle one starts the inactivity countdown.
    void setScreen(Screen screen);
    /// Marks a request the person waits for as under way (buttons disable).
    void setBusy(bool busy);
    /// Shows `message` on the current screen; `code` is the stable code of an error (lastErrorCode()).
    void setMessage(const QString& message, bool isError, const QString& code = {});
    /// Puts the message away.
    void clearMessage() { setMessage({}, false); }
    /// Starts the inactivity countdown again from the full delay.
    void restartCountdown();
    /// Ends the session by itself after `secs` seconds, the countdown showing; touches do not keep it.
    void signOutSoon(int secs);
    /// Switches the language ("ko" or "en") of every text on screen.
    void setLanguage(const QString& language);

public Q_SLOTS:
    /// Ends the session and returns to the idle screen.
    void signOut();
    /// Back to the idle screen without signing in (PIN, link-card and fingerprint check screens).
    void cancel();
    /// Puts the current message away (a tap on it).
    void dismissMessage();
    /// The person did something: restarts the inactivity countdown; on the idle screen, tells the
    /// controllers (idleActivity) so that the fingerprint candidates are fresh.
    void userActivity();

Q_SIGNALS:
    void screenChanged();
    void busyChanged();
    void messageChanged();
    void userChanged();
    void secondsLeftChanged();
    void languageChanged();
    /// A sign-in succeeded with `answer`; emitted before the jobs screen shows, for the controllers.
    void sessionOpened(const QJsonObject& answer);
    /// The session is ending (sign-out, timeout, expired): the controllers forget the user.
    void sessionClosed();
    /// The idle screen came back without a session (cancel on a sign-in screen, timeout).
    void cancelled();
    /// A touch on the idle screen.
    void idleActivity();
    /// A session began (`user` signed in) or ended.
    void signedIn(const QString& user);
    void signedOut();

private:
    void endSession(const QString& why);
    void onTick();

    QPointer<ApiClient> m_client;
    KioskTranslations* m_translations;
    EventStream* m_events;
    EventStream* m_kioskEvents;
    SignInController* m_signIn = nullptr;
    FingerprintController* m_fingerprint = nullptr;
    JobsController* m_jobs = nullptr;
    PrinterStatusController* m_printer = nullptr;
    ScanController* m_scan = nullptr;
    QTimer m_tick;
    QString m_userName;
    QString m_message;
    QString m_lastErrorCode;
    QString m_language = QStringLiteral("en");
    Screen m_screen = IdleScreen;
    int m_idleTimeoutSecs = 30;
    int m_secondsLeft = 0;
    bool m_busy = false;
    bool m_messageIsError = false;
    bool m_afterPrintAll = false;
    bool m_inSession = false;
};
