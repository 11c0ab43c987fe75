#pragma once
#include <QtGlobal>

#include <condition_variable>
#include <deque>
#include <functional>
#include <mutex>
#include <set>
#include <thread>
#include <vector>

/// Renders job thumbnails after the jobs were acknowledged: a queue of job ids worked off by a fixed
/// number of background threads at low CPU priority, so that a burst of uploads is acknowledged at
/// the speed of counting, encrypting and committing, and a slow document never holds up the
/// acknowledgement of others. Thread-safe.
class ThumbnailQueue
{
public:
    /// Renders and stores one job's thumbnail (called on a worker thread, or by finish()).
    using Task = std::function<void(qint64 jobId)>;

    /// Starts `threads` workers (at least 1) running `task`.
    ThumbnailQueue(Task task, int threads);
    /// Stops the workers after the job each is on; queued jobs stay unrendered (start-up queues them).
    ~ThumbnailQueue();

    /// Queues `jobId` (once: a job already queued or being rendered is not queued again).
    void enqueue(qint64 jobId);
    /// True while `jobId` is queued or being rendered.
    bool isPending(qint64 jobId) const;
    /// Makes sure `jobId` is rendered before it returns: runs it in the calling thread when it is still
    /// queued, waits for the worker when it is being rendered, returns at once otherwise.
    void finish(qint64 jobId);
    /// Waits until nothing is queued or being rendered (tests, shutdown).
    void waitIdle();
    /// Jobs queued or being rendered.
    int pending() const;

private:
    void run();

    Task m_task;
    mutable std::mutex m_mutex;
    std::condition_variable m_wake;
    std::condition_variable m_done;
    std::deque<qint64> m_queue;
    std::set<qint64> m_queued;
    std::set<qint64> m_running;
    bool m_stopping = false;
    std::vector<std::thread> m_threads;
};
