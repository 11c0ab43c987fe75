#include "PasswordCheckPool.h"

#include <thread>

PasswordCheckPool::Slot::~Slot()
{
    if (m_pool)
        m_pool->release();
}

PasswordCheckPool::PasswordCheckPool(int capacity, std::chrono::milliseconds wait) : m_wait(wait)
{
    if (capacity <= 0)
        capacity = static_cast<int>(std::max(1U, std::thread::hardware_concurrency()));
    m_stats.capacity = capacity;
}

PasswordCheckPool::Slot PasswordCheckPool::tryAcquire()
{
    std::unique_lock lock(m_mutex);
    if (!m_freed.wait_for(lock, m_wait, [this] { return m_stats.inUse < m_stats.capacity; })) {
        ++m_stats.refused;
        return Slot();
    }
    ++m_stats.inUse;
    ++m_stats.checks;
    m_stats.peak = std::max(m_stats.peak, m_stats.inUse);
    return Slot(this);
}

void PasswordCheckPool::release()
{
    {
        std::lock_guard lock(m_mutex);
        --m_stats.inUse;
    }
    m_freed.notify_one();
}

PasswordCheckPool::Stats PasswordCheckPool::stats() const
{
    std::lock_guard lock(m_mutex);
    return m_stats;
}
