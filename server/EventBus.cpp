#include "EventBus.h"

namespace {
constexpr size_t MaxQueued = 1000; // a stalled subscriber drops its oldest events, never blocks publishers
}

bool EventBus::Subscription::wait(QJsonObject* event, std::chrono::milliseconds timeout)
{
    std::unique_lock lock(m_mutex);
    m_cv.wait_for(lock, timeout, [this] { return m_closed || !m_queue.empty(); });
    if (m_queue.empty())
        return false;
    *event = m_queue.front();
    m_queue.pop_front();
    return true;
}

std::shared_ptr<EventBus::Subscription> EventBus::subscribe(qint64 userId, bool admin)
{
    auto s = std::make_shared<Subscription>();
    s->m_userId = userId;
    s->m_admin = admin;
    std::lock_guard lock(m_mutex);
    m_subs.insert(s);
    return s;
}

void EventBus::unsubscribe(const std::shared_ptr<Subscription>& sub)
{
    std::lock_guard lock(m_mutex);
    m_subs.erase(sub);
}

void EventBus::deliver(const std::shared_ptr<Subscription>& s, const QJsonObject& event)
{
    {
        std::lock_guard lock(s->m_mutex);
        if (s->m_queue.size() >= MaxQueued)
            s->m_queue.pop_front();
        s->m_queue.push_back(event);
    }
    s->m_cv.notify_one();
}

void EventBus::publishToUser(qint64 userId, const QJsonObject& event)
{
    std::lock_guard lock(m_mutex);
    for (const auto& s : m_subs)
        if (s->m_userId == userId || s->m_admin)
            deliver(s, event);
}

void EventBus::publishToUserOnly(qint64 userId, const QJsonObject& event)
{
    std::lock_guard lock(m_mutex);
    for (const auto& s : m_subs)
        if (s->m_userId == userId)
            deliver(s, event);
}

void EventBus::publishToAdmins(const QJsonObject& event)
{
    std::lock_guard lock(m_mutex);
    for (const auto& s : m_subs)
        if (s->m_admin)
            deliver(s, event);
}

void EventBus::publishToAll(const QJsonObject& event)
{
    std::lock_guard lock(m_mutex);
    for (const auto& s : m_subs)
        deliver(s, event);
}

void EventBus::closeAll()
{
    std::lock_guard lock(m_mutex);
    for (const auto& s : m_subs) {
        {
            std::lock_guard l(s->m_mutex);
            s->m_closed = true;
        }
        s->m_cv.notify_all();
    }
}
