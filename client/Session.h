#pragma once
#include <QJsonObject>
#include <QObject>
#include <QString>

class ApiClient;
class ClientSettings;
class EventStream;
class TokenStore;

/// Who is signed in to which server, for the whole tray app. Owns the ApiClient and the push channel,
/// restores the session from the keychain at start, stores a new one after sign-in, and notices when
/// the server ends it (then sign-in is asked for again; nothing captured meanwhile is lost, it waits
/// in the outbox).
class Session : public QObject
{
    Q_OBJECT
public:
    /// Where the session stands.
    enum class State {
        SignedOut, ///< no token: the user must sign in
        Restoring, ///< reading the keychain or checking a stored token with the server
        SignedIn,  ///< a token is in use (the server may still be unreachable for a while)
    };
    Q_ENUM(State)

    /// Creates a signed-out session using `settings` (server, pin, user name) and `tokens` (keychain),
    /// both of which must outlive it. A null `tokens` keeps the token in memory only (tests).
    Session(ClientSettings* settings, TokenStore* tokens, QObject* parent = nullptr);
    ~Session() override;

    /// Returns the API client; its server address, pin and token follow this session.
    ApiClient* api() const { return m_api; }
    /// Returns the push channel, running while signed in.
    EventStream* events() const { return m_events; }
    /// Returns the current state.
    State state() const { return m_state; }
    /// Returns the signed-in user's name (empty when signed out).
    QString username() const { return m_username; }
    /// Returns the signed-in user as the server described them ({name, department, role, ...}).
    QJsonObject user() const { return m_user; }

    /// Applies the configured server and pin to the API client, then looks for a stored token in the
    /// keychain and checks it with the server. Ends in SignedIn or in signInRequired().
    void restore();
    /// Takes over a session that SignInDialog has just opened on api() (the token is set there):
    /// remembers the server, pin and user name, stores the token in the keychain, starts the push channel.
    void adopt(const QJsonObject& user);
    /// Notes that the user's fingerprint was deleted (user()["hasFingerprint"] becomes false).
    void forgetFingerprint() { m_user.insert(QStringLiteral("hasFingerprint"), false); }
    /// Signs out: ends the session on the server, forgets the token (keychain too), stops the push channel.
    void signOut();

Q_SIGNALS:
    /// The state changed.
    void stateChanged(Session::State state);
    /// The user must sign in (again); `reason` is a sentence to show, empty at first start.
    void signInRequired(const QString& reason);
    /// Something the user should know about the session (e.g. the keychain is unavailable).
    void notice(const QString& message);

private:
    void setState(State state);
    void startSignedIn();
    void onSessionExpired();
    QString account() const;

    ClientSettings* m_settings;
    TokenStore* m_tokens;
    ApiClient* m_api;
    EventStream* m_events;
    QString m_username;
    QJsonObject m_user;
    State m_state = State::SignedOut;
};
