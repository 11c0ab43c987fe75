#pragma once
#include <QtGlobal>

#include <chrono>
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
/// acknowledgement of others. While uploads are in flight the workers wait (they would take CPU, the
/// disk and the store's lock from the acknowledgements): a thumbnail is rendered once no upload has been
/// in flight for a moment, or when it has waited too long (so a steady stream never starves them).
/// Thread-safe.
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
    /// Renders every queued job now, in the calling thread, and waits for those being rendered: after
    /// it, nothing is queued or running (the IPP fuzzer, after each input; waitIdle() would wait for
    /// the quiet time first).
    void finishAll();
    /// Jobs queued or being rendered.
    int pending() const;
    /// An upload started arriving: rendering waits until it and every other one has ended.
    void uploadStarted();
    /// The upload from uploadStarted() ended (acknowledged or refused).
    void uploadFinished();

    /// How long no upload must have been in flight before rendering starts.
    static constexpr std::chrono::milliseconds QuietBeforeRender{200};
    /// A queued job is rendered after this long even while uploads keep arriving.
    static constexpr std::chrono::milliseconds LongestDeferral{10000};

private:
    void run();
    /// Takes the oldest queued job out of the queue (locked; the queue is not empty).
    qint64 takeFront();
    /// Renders `jobId`, taken out of the queue, with `lock` released meanwhile (locked before and after).
    void render(std::unique_lock<std::mutex>& lock, qint64 jobId);

    Task m_task;
    mutable std::mutex m_mutex;
    std::condition_variable m_wake;
    std::condition_variable m_done;
    /// Whether a worker may start rendering now; else when it may (locked).
    bool mayRender(std::chrono::steady_clock::time_point* until) const;

    std::deque<std::pair<qint64, std::chrono::steady_clock::time_point>> m_queue; ///< id, when queued
    int m_uploads = 0; ///< uploads in flight
    std::chrono::steady_clock::time_point m_lastUploadEnd{};
    std::set<qint64> m_queued;
    std::set<qint64> m_running;
    bool m_stopping = false;
    std::vector<std::thread> m_threads;
};
