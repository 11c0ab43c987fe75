#include "UploadGate.h"

UploadGate::Pass::~Pass()
{
    if (m_gate)
        m_gate->leave(m_userId);
}

UploadGate::Pass UploadGate::enter(qint64 userId)
{
    const int limit = m_limit;
    const std::lock_guard lock(m_mutex);
    int& n = m_arriving[userId];
    if (limit > 0 && n >= limit)
        return {};
    ++n;
    return Pass(this, userId);
}

int UploadGate::arriving(qint64 userId) const
{
    const std::lock_guard lock(m_mutex);
    const auto it = m_arriving.find(userId);
    return it == m_arriving.end() ? 0 : it->second;
}

void UploadGate::leave(qint64 userId)
{
    const std::lock_guard lock(m_mutex);
    const auto it = m_arriving.find(userId);
    if (it != m_arriving.end() && --it->second <= 0)
        m_arriving.erase(it);
}

QString UploadGate::refusal(int limit)
{
    return QStringLiteral("You are already sending %1 documents to this server, the most it takes from one "
                          "person at once. Send this one again once they have arrived.")
        .arg(limit);
}
