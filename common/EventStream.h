#pragma once
#include "SseParser.h"

#include <QJsonObject>
#include <QObject>
#include <QPointer>
#include <QString>
#include <QTimer>

class ApiClient;
class ApiReply;

/// The server's push channel (GET /api/v1/events, server-sent events) for the signed-in user, or a
/// kiosk's own channel (setPath("/api/v1/kiosk/events"), device token only).
///
/// Connects through an ApiClient, so it uses the same server address, certificate pin, session and
/// device token. When the stream drops or cannot be opened it reconnects after 1 s, doubling up to
/// 30 s; a successful connection resets the delay. A reconnection sends the id of the last event
/// received (Last-Event-ID) and the server replays what was missed; when it no longer can, it sends
/// a `refetch` event, which emits refetchNeeded() and connected() (the apps' refetch path). A first
/// connection (after start()) emits refetchNeeded() too. Apps that refetch on every connected() stay
/// correct; refetching only on refetchNeeded() saves the work on a replayed reconnection. A refused
/// session (401) stops the stream (ApiClient::sessionExpired() tells the app); start() it again after
/// signing in.
class EventStream : public QObject
{
    Q_OBJECT
public:
    static constexpr int InitialRetryMs = 1000;
    static constexpr int MaxRetryMs = 30 * 1000;
    /// The server sends a keep-alive every 15 s; three missed ones mean the connection is dead.
    static constexpr int IdleTimeoutMs = 45 * 1000;

    /// Creates a stopped stream that will connect through `client`; without the client it stays idle.
    explicit EventStream(ApiClient* client, QObject* parent = nullptr);
    ~EventStream() override;

    /// Sets the stream's path (default /api/v1/events; a kiosk's idle channel is /api/v1/kiosk/events).
    void setPath(const QString& path) { m_path = path; }
    /// Connects now (dropping any current connection) and keeps reconnecting until stop().
    void start();
    /// Closes the stream and cancels any pending reconnection; emits disconnected() if connected.
    void stop();

    /// Returns true between start() and stop() (connected or trying to be).
    bool isActive() const { return m_active; }
    /// Returns true while the stream is open.
    bool isConnected() const { return m_connected; }
    /// Returns the delay of the last scheduled reconnection attempt in milliseconds (0 before any).
    int retryDelayMs() const { return m_lastRetryMs; }
    /// Returns the id of the last event received (sent as Last-Event-ID on reconnection), empty before.
    QByteArray lastEventId() const { return m_lastEventId; }
    /// Returns the last error, a sentence for the user (empty when none yet).
    QString errorString() const { return m_error; }

Q_SIGNALS:
    /// One event: its type ("job-held", "printer-changed", ...) and its JSON data object.
    void eventReceived(const QString& type, const QJsonObject& data);
    /// The stream is open (again); also emitted when the server asks for a refetch.
    void connected();
    /// What the app shows may be stale beyond what a replay restores: refetch everything (first
    /// connection, or the server's `refetch` event).
    void refetchNeeded();
    /// The open stream closed; a reconnection follows unless stop() was called or the session ended.
    void disconnected();
    /// Opening the stream failed or an open one broke; `message` says why (also errorString()).
    void errorOccurred(const QString& message);

private:
    void connectNow();
    void onStarted();
    void onData(const QByteArray& chunk);
    void onFinished();
    void scheduleRetry();
    void dropReply();

    QPointer<ApiClient> m_client;
    QString m_path = QStringLiteral("/api/v1/events");
    QPointer<ApiReply> m_reply;
    SseParser m_parser;
    QTimer m_retryTimer;
    QString m_error;
    QByteArray m_lastEventId;
    int m_retryMs = InitialRetryMs; // the delay the next retry will use
    int m_lastRetryMs = 0;
    bool m_active = false;
    bool m_connected = false;
};
