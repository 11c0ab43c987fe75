#include "ThumbnailQueue.h"

#include <algorithm>

#include <sys/resource.h>
#include <sys/syscall.h>
#include <unistd.h>

ThumbnailQueue::ThumbnailQueue(Task task, int threads) : m_task(std::move(task))
{
    for (int i = 0; i < std::max(1, threads); ++i)
        m_threads.emplace_back([this] { run(); });
}

ThumbnailQueue::~ThumbnailQueue()
{
    {
        std::lock_guard lock(m_mutex);
        m_stopping = true;
    }
    m_wake.notify_all();
    for (std::thread& t : m_threads)
        t.join();
}

void ThumbnailQueue::enqueue(qint64 jobId)
{
    {
        std::lock_guard lock(m_mutex);
        if (m_queued.count(jobId) || m_running.count(jobId))
            return;
        m_queued.insert(jobId);
        m_queue.emplace_back(jobId, std::chrono::steady_clock::now());
    }
    m_wake.notify_one();
}

bool ThumbnailQueue::isPending(qint64 jobId) const
{
    std::lock_guard lock(m_mutex);
    return m_queued.count(jobId) || m_running.count(jobId);
}

int ThumbnailQueue::pending() const
{
    std::lock_guard lock(m_mutex);
    return static_cast<int>(m_queued.size() + m_running.size());
}

void ThumbnailQueue::finish(qint64 jobId)
{
    std::unique_lock lock(m_mutex);
    if (m_queued.count(jobId)) {
        // Still waiting its turn: take it out of the queue and render it here.
        m_queued.erase(jobId);
        m_queue.erase(
            std::find_if(m_queue.begin(), m_queue.end(), [&](const auto& q) { return q.first == jobId; }));
        render(lock, jobId);
        return;
    }
    m_done.wait(lock, [&] { return !m_running.count(jobId); });
}

void ThumbnailQueue::waitIdle()
{
    std::unique_lock lock(m_mutex);
    m_done.wait(lock, [&] { return m_queued.empty() && m_running.empty(); });
}

void ThumbnailQueue::finishAll()
{
    std::unique_lock lock(m_mutex);
    while (!m_queue.empty())
        render(lock, takeFront());
    m_done.wait(lock, [&] { return m_queued.empty() && m_running.empty(); });
}

void ThumbnailQueue::uploadStarted()
{
    std::lock_guard lock(m_mutex);
    ++m_uploads;
}

void ThumbnailQueue::uploadFinished()
{
    {
        std::lock_guard lock(m_mutex);
        --m_uploads;
        m_lastUploadEnd = std::chrono::steady_clock::now();
    }
    m_wake.notify_all();
}

bool ThumbnailQueue::mayRender(std::chrono::steady_clock::time_point* until) const
{
    const auto now = std::chrono::steady_clock::now();
    const auto oldestDue = m_queue.front().second + LongestDeferral;
    const auto quietFrom =
        m_uploads > 0 ? std::chrono::steady_clock::time_point::max() : m_lastUploadEnd + QuietBeforeRender;
    *until = std::min(oldestDue, quietFrom);
    return now >= *until;
}

void ThumbnailQueue::run()
{
    // Below the threads that acknowledge uploads and answer requests (Linux: nice is per thread).
    (void)setpriority(PRIO_PROCESS, static_cast<id_t>(syscall(SYS_gettid)), 10);
    std::unique_lock lock(m_mutex);
    for (;;) {
        m_wake.wait(lock, [&] { return m_stopping || !m_queue.empty(); });
        if (m_stopping)
            return;
        std::chrono::steady_clock::time_point until;
        if (!mayRender(&until)) {
            m_wake.wait_until(lock, until); // an upload ending or a new job wakes it early
            continue;
        }
        render(lock, takeFront());
    }
}

qint64 ThumbnailQueue::takeFront()
{
    const qint64 jobId = m_queue.front().first;
    m_queue.pop_front();
    m_queued.erase(jobId);
    return jobId;
}

void ThumbnailQueue::render(std::unique_lock<std::mutex>& lock, qint64 jobId)
{
    m_running.insert(jobId);
    lock.unlock();
    m_task(jobId);
    lock.lock();
    m_running.erase(jobId);
    m_done.notify_all();
}
