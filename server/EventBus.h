#pragma once
#include "PushStream.h"

#include <QByteArray>
#include <QHash>
#include <QJsonObject>
#include <QString>
#include <chrono>
#include <condition_variable>
#include <deque>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <set>
#include <unordered_map>

/// Fan-out of job and printer events to push-channel subscribers (SSE). Thread-safe.
///
/// Every event gets an id (increasing; ids of a later server run are larger than any of an earlier
/// one). The bus keeps a bounded history (the last ten minutes, at most 10,000 events) so that a
/// push stream reconnecting with Last-Event-ID gets what it missed and may see, in order; when what
/// it missed is no longer known it gets a `refetch` event instead (docs/api.md, "Push channel").
class EventBus
{
public:
    /// One event as a push stream's formatter sees it. The history keeps only its bytes (an event's
    /// JSON object costs several times as much memory); object() parses them when a formatter asks.
    class Event
    {
    public:
        quint64 id() const { return m_id; }
        /// What a push stream usually sends: "id: N\nevent: TYPE\ndata: JSON\n\n".
        const QByteArray& standard() const { return m_standard; }
        /// The event's type (the TYPE above).
        QByteArray type() const;
        /// The event itself.
        QJsonObject object() const;

    private:
        friend class EventBus;
        Event(quint64 id, const QByteArray& standard, const QJsonObject* object)
            : m_id(id), m_standard(standard), m_object(object)
        {
        }
        quint64 m_id;
        const QByteArray& m_standard;
        const QJsonObject* m_object; ///< null when replayed from the history
    };
    /// Turns one event into the bytes a push stream sends; an empty result skips the event for this stream.
    using Formatter = std::function<QByteArray(const Event& event)>;

    /// One subscriber's queue. Events for other users never enter it.
    class Subscription
    {
    public:
        /// Waits up to `timeout` for the next event; returns false on timeout or when closed.
        bool wait(QJsonObject* event, std::chrono::milliseconds timeout);
        qint64 userId() const { return m_userId; }
        bool isAdmin() const { return m_admin; }
        /// True once the bus has shut down; wait() then returns false at once.
        bool isClosed()
        {
            std::lock_guard lock(m_mutex);
            return m_closed;
        }

    private:
        friend class EventBus;
        qint64 m_userId = 0;
        bool m_admin = false;
        std::mutex m_mutex;
        std::condition_variable m_cv;
        std::deque<QJsonObject> m_queue;
        bool m_closed = false;
    };

    /// Subscribes a user (admins also see every job event).
    std::shared_ptr<Subscription> subscribe(qint64 userId, bool admin);
    void unsubscribe(const std::shared_ptr<Subscription>& sub);
    /// Publishes an event about one user's job to that user (and admins).
    void publishToUser(qint64 userId, const QJsonObject& event);
    /// Publishes an event to that user's subscriptions only, not to admins (private mail: received faxes).
    void publishToUserOnly(qint64 userId, const QJsonObject& event);
    /// Publishes an event to administrators only (device status and alerts, docs/devices.md).
    void publishToAdmins(const QJsonObject& event);
    /// Publishes an event everyone may see (printer state).
    void publishToAll(const QJsonObject& event);
    /// Wakes every subscriber so that they end (server shutdown).
    void closeAll();

    /// Sets how many push streams one key (a user, a kiosk) may hold at once (default 8).
    void setStreamsPerKey(int max);
    /// Reserves a push stream for `key`; false when the key already holds the most allowed. A
    /// reservation is given back by attachStream()'s stream ending or by releaseStream().
    [[nodiscard]] bool reserveStream(const QString& key);
    /// Gives back a reservation that was not attached.
    void releaseStream(const QString& key);
    /// Returns the id of the latest event (events after it are new).
    quint64 lastEventId() const;
    /// Attaches a push stream reserved under `key`: first the events after `since` that it may see
    /// (or a refetch event when they are no longer all known), then live events, each through
    /// `format`. Detaches when the stream ends.
    void attachStream(qint64 userId, bool admin, const QString& key,
                      const std::shared_ptr<PushStream>& stream, Formatter format, quint64 since);
    /// Returns the number of attached push streams.
    int streamCount() const;
    /// The refetch event a stream gets when the events it missed are no longer known.
    static QByteArray refetchEvent(quint64 id);

private:
    enum class Audience { User, UserOnly, Admins, All };
    struct Entry
    {
        quint64 id;
        qint64 atMs;
        Audience audience;
        qint64 userId;
        QByteArray standard;
    };
    struct StreamSub
    {
        qint64 userId;
        bool admin;
        QString key;
        std::weak_ptr<PushStream> stream;
        Formatter format;
    };
    static bool visible(Audience audience, qint64 userId, qint64 subUser, bool subAdmin);
    void publish(Audience audience, qint64 userId, const QJsonObject& event);
    void detach(quint64 handle);
    void deliver(const std::shared_ptr<Subscription>& s, const QJsonObject& event);
    mutable std::mutex m_mutex;
    std::set<std::shared_ptr<Subscription>> m_subs;
    std::unordered_map<quint64, StreamSub> m_streams;
    quint64 m_nextHandle = 1;
    QHash<QString, int> m_perKey;
    int m_streamsPerKey = 8;
    std::deque<Entry> m_history;
    quint64 m_firstId = 0; ///< the id before this run's first event
    quint64 m_lastId = 0;
};
