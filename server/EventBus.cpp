#include "EventBus.h"

#include <QDateTime>
#include <QJsonDocument>

namespace {
constexpr size_t MaxQueued = 1000;   // a stalled subscriber drops its oldest events, never blocks publishers
constexpr size_t MaxHistory = 10000; // events kept for replay
constexpr qint64 HistoryMs = 10 * 60 * 1000;     // ... and for at most this long
constexpr qsizetype MaxReplayBytes = 128 * 1024; // more missed than this: refetch instead
} // namespace

namespace {
/// The rest of the line of `standard` that starts with `prefix` ("\nevent: ", "\ndata: ").
QByteArray lineValue(const QByteArray& standard, const char* prefix)
{
    const qsizetype at = standard.indexOf(prefix);
    if (at < 0)
        return {};
    const qsizetype from = at + qsizetype(qstrlen(prefix));
    return standard.mid(from, standard.indexOf('\n', from) - from);
}
} // namespace

QByteArray EventBus::Event::type() const
{
    return lineValue(m_standard, "\nevent: ");
}

QJsonObject EventBus::Event::object() const
{
    return m_object ? *m_object : QJsonDocument::fromJson(lineValue(m_standard, "\ndata: ")).object();
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

bool EventBus::visible(Audience audience, qint64 userId, qint64 subUser, bool subAdmin)
{
    switch (audience) {
    case Audience::User:
        return subUser == userId || subAdmin;
    case Audience::UserOnly:
        return subUser == userId;
    case Audience::Admins:
        return subAdmin;
    case Audience::All:
        return true;
    }
    return false;
}

void EventBus::publish(Audience audience, qint64 userId, const QJsonObject& event)
{
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    std::lock_guard lock(m_mutex);
    if (m_firstId == 0) {
        // Ids of this run start above any of an earlier run (a thousand events per millisecond of
        // uptime would be needed to overtake the clock).
        m_firstId = m_lastId = quint64(now) * 1000;
    }
    const quint64 id = ++m_lastId;
    const QByteArray type = event.value(QLatin1String("type")).toString().toUtf8();
    const QByteArray standard = "id: " + QByteArray::number(id) + "\nevent: " + type +
                                "\ndata: " + QJsonDocument(event).toJson(QJsonDocument::Compact) + "\n\n";
    m_history.push_back(Entry{id, now, audience, userId, standard});
    while (m_history.size() > MaxHistory || (!m_history.empty() && now - m_history.front().atMs > HistoryMs))
        m_history.pop_front();
    for (const auto& s : m_subs)
        if (visible(audience, userId, s->m_userId, s->m_admin))
            deliver(s, event);
    for (auto& [handle, sub] : m_streams) {
        if (!visible(audience, userId, sub.userId, sub.admin))
            continue;
        if (auto stream = sub.stream.lock()) {
            const QByteArray bytes = sub.format(Event(id, standard, &event));
            if (!bytes.isEmpty())
                stream->push(bytes); // a refused push ends the stream; its close detaches it
        }
    }
}

void EventBus::publishToUser(qint64 userId, const QJsonObject& event)
{
    publish(Audience::User, userId, event);
}

void EventBus::publishToUserOnly(qint64 userId, const QJsonObject& event)
{
    publish(Audience::UserOnly, userId, event);
}

void EventBus::publishToAdmins(const QJsonObject& event)
{
    publish(Audience::Admins, 0, event);
}

void EventBus::publishToAll(const QJsonObject& event)
{
    publish(Audience::All, 0, event);
}

void EventBus::closeAll()
{
    std::vector<std::shared_ptr<PushStream>> streams;
    {
        std::lock_guard lock(m_mutex);
        for (const auto& s : m_subs) {
            {
                std::lock_guard l(s->m_mutex);
                s->m_closed = true;
            }
            s->m_cv.notify_all();
        }
        for (auto& [handle, sub] : m_streams)
            if (auto stream = sub.stream.lock())
                streams.push_back(std::move(stream));
    }
    for (const auto& s : streams)
        s->close();
}

void EventBus::setStreamsPerKey(int max)
{
    std::lock_guard lock(m_mutex);
    m_streamsPerKey = max;
}

bool EventBus::reserveStream(const QString& key)
{
    std::lock_guard lock(m_mutex);
    int& n = m_perKey[key];
    if (n >= m_streamsPerKey) {
        if (n == 0)
            m_perKey.remove(key);
        return false;
    }
    ++n;
    return true;
}

void EventBus::releaseStream(const QString& key)
{
    std::lock_guard lock(m_mutex);
    auto it = m_perKey.find(key);
    if (it != m_perKey.end() && --it.value() <= 0)
        m_perKey.erase(it);
}

quint64 EventBus::lastEventId() const
{
    std::lock_guard lock(m_mutex);
    return m_lastId;
}

QByteArray EventBus::refetchEvent(quint64 id)
{
    return "id: " + QByteArray::number(id) + "\nevent: refetch\ndata: {}\n\n";
}

void EventBus::attachStream(qint64 userId, bool admin, const QString& key,
                            const std::shared_ptr<PushStream>& stream, Formatter format, quint64 since)
{
    quint64 handle;
    {
        std::lock_guard lock(m_mutex);
        // Replay and attach under one lock: no live event can come between or before the replay.
        if (since != m_lastId) {
            const bool known = since <= m_lastId && since >= m_firstId &&
                               (m_history.empty() ? since == m_lastId : since + 1 >= m_history.front().id);
            if (!known) {
                stream->push(refetchEvent(m_lastId));
            } else {
                QByteArray replay;
                for (const auto& e : m_history) {
                    if (e.id <= since || !visible(e.audience, e.userId, userId, admin))
                        continue;
                    replay += format(Event(e.id, e.standard, nullptr));
                    if (replay.size() > MaxReplayBytes)
                        break; // a refetch below: no need to format the rest
                }
                // One push: a replay is one write, not a queue overflow; one too long to be worth it
                // is a refetch.
                if (replay.size() > MaxReplayBytes)
                    stream->push(refetchEvent(m_lastId));
                else if (!replay.isEmpty())
                    stream->push(replay);
            }
        }
        handle = m_nextHandle++;
        m_streams.emplace(handle, StreamSub{userId, admin, key, stream, std::move(format)});
    }
    stream->setOnClosed([this, handle] { detach(handle); });
}

void EventBus::detach(quint64 handle)
{
    std::lock_guard lock(m_mutex);
    auto it = m_streams.find(handle);
    if (it == m_streams.end())
        return;
    auto k = m_perKey.find(it->second.key);
    if (k != m_perKey.end() && --k.value() <= 0)
        m_perKey.erase(k);
    m_streams.erase(it);
}

int EventBus::streamCount() const
{
    std::lock_guard lock(m_mutex);
    return int(m_streams.size());
}
