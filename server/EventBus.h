#pragma once
#include <QByteArray>
#include <QJsonObject>
#include <QString>
#include <chrono>
#include <condition_variable>
#include <deque>
#include <memory>
#include <mutex>
#include <set>

/// Fan-out of job and printer events to push-channel subscribers (SSE). Thread-safe.
class EventBus
{
public:
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

private:
    void deliver(const std::shared_ptr<Subscription>& s, const QJsonObject& event);
    std::mutex m_mutex;
    std::set<std::shared_ptr<Subscription>> m_subs;
};
