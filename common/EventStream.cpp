#include "EventStream.h"

#include "ApiClient.h"
#include "ApiReply.h"
#include "Log.h"

#include <QJsonDocument>

EventStream::EventStream(ApiClient* client, QObject* parent) : QObject(parent), m_client(client)
{
    m_retryTimer.setSingleShot(true);
    connect(&m_retryTimer, &QTimer::timeout, this, &EventStream::connectNow);
}

EventStream::~EventStream()
{
    dropReply();
}

void EventStream::start()
{
    m_active = true;
    m_lastEventId.clear(); // a new start refetches everything; no replay of another session's events
    m_retryMs = InitialRetryMs;
    m_retryTimer.stop();
    if (m_connected) {
        m_connected = false;
        Q_EMIT disconnected();
    }
    connectNow();
}

void EventStream::stop()
{
    m_active = false;
    m_retryTimer.stop();
    dropReply();
    if (m_connected) {
        m_connected = false;
        Q_EMIT disconnected();
    }
}

void EventStream::dropReply()
{
    if (!m_reply)
        return;
    ApiReply* reply = m_reply;
    m_reply = nullptr;
    reply->disconnect(this);
    // Deferred: this may run inside one of the reply's own signals.
    reply->abort();
    reply->deleteLater();
}

void EventStream::connectNow()
{
    if (!m_active || !m_client)
        return;
    dropReply();
    m_parser.reset();
    ApiReply* reply = m_client->openStream(m_path, IdleTimeoutMs, m_lastEventId);
    m_reply = reply;
    connect(reply, &ApiReply::streamStarted, this, &EventStream::onStarted);
    connect(reply, &ApiReply::streamData, this, &EventStream::onData);
    connect(reply, &ApiReply::finished, this, &EventStream::onFinished);
}

void EventStream::onStarted()
{
    if (m_reply && m_reply->contentType() != QLatin1String("text/event-stream")) {
        qCWarning(lcApiClient).noquote() << "event stream has content type" << m_reply->contentType();
        dropReply();
        m_error = tr("The server sent something other than events. Check the server address.");
        Q_EMIT errorOccurred(m_error);
        scheduleRetry();
        return;
    }
    m_connected = true;
    m_retryMs = InitialRetryMs;
    m_error.clear();
    const bool first = m_lastEventId.isEmpty();
    qCInfo(lcApiClient) << "event stream connected" << (first ? "" : "(replaying from the last event seen)");
    Q_EMIT connected();
    if (first && m_reply)
        Q_EMIT refetchNeeded();
}

void EventStream::onData(const QByteArray& chunk)
{
    const ApiReply* current = m_reply;
    const QList<SseParser::Event> events = m_parser.feed(chunk);
    for (const SseParser::Event& e : events) {
        if (!e.id.isEmpty())
            m_lastEventId = e.id.toUtf8();
        if (e.type == QLatin1String("refetch")) {
            // The server could not replay everything missed: the apps' refetch path.
            qCInfo(lcApiClient) << "event stream: the server asks for a refetch";
            Q_EMIT refetchNeeded();
            if (m_reply != current || !m_active)
                return;
            Q_EMIT connected();
            if (m_reply != current || !m_active)
                return;
            continue;
        }
        const QJsonDocument doc = QJsonDocument::fromJson(e.data);
        if (!doc.isObject()) {
            qCWarning(lcApiClient).noquote() << "event" << e.type << "has no JSON object as data; ignored";
            continue;
        }
        Q_EMIT eventReceived(e.type, doc.object());
        // A slot may have stopped or restarted the stream; the rest of this chunk is stale then.
        if (m_reply != current || !m_active)
            return;
    }
}

void EventStream::onFinished()
{
    ApiReply* reply = m_reply;
    if (!reply)
        return;
    m_reply = nullptr;
    reply->disconnect(this);
    reply->deleteLater();
    const bool wasConnected = m_connected;
    m_connected = false;
    const bool sessionRefused = reply->httpStatus() == 401 || reply->httpStatus() == 403;
    if (!reply->ok())
        m_error = reply->errorMessage();
    else if (wasConnected)
        m_error = tr("The connection to the server was closed. Reconnecting.");
    if (wasConnected) {
        qCInfo(lcApiClient).noquote() << "event stream closed" << reply->errorCode();
        Q_EMIT disconnected();
    } else {
        qCInfo(lcApiClient).noquote() << "event stream could not connect:" << reply->errorCode();
    }
    if (!m_error.isEmpty())
        Q_EMIT errorOccurred(m_error);
    if (sessionRefused) {
        m_active = false;
        return;
    }
    scheduleRetry();
}

void EventStream::scheduleRetry()
{
    if (!m_active)
        return;
    m_lastRetryMs = m_retryMs;
    m_retryTimer.start(m_retryMs);
    m_retryMs = qMin(m_retryMs * 2, MaxRetryMs);
}
