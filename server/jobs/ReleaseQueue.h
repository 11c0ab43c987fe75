#pragma once
#include "PrinterClient.h"

#include <QString>
#include <atomic>
#include <condition_variable>
#include <deque>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <thread>

class Store;
class JobService;
class EventBus;
struct StoredJob;
struct PrinterRecord;

/// Sends released jobs to their printers, one queue and one worker thread per printer, follows each
/// job on the printer to its end, and keeps every printer's last status for the API and kiosks (the
/// DeviceMonitor polls and hands each status over through noteStatus; docs/devices.md).
/// A job is sent at most once: once the Print-Job request starts, only the printer's answer or the
/// owner can decide what happens next.
class ReleaseQueue
{
public:
    struct Settings
    {
        int pollMs = 500;         ///< how often a printing job is checked on the printer
        int busyRetryMs = 1000;   ///< first wait after server-error-busy (doubles, up to 15 s)
        int busyGiveUpSecs = 600; ///< a printer busy this long hands the job back to its owner
        int stuckSecs =
            60; ///< a job waiting this long on a printer fault with nothing printed is pulled back
        int lostSecs = 600; ///< a printer unreachable this long while printing hands the job back
    };

    ReleaseQueue(Store& store, JobService& jobs, EventBus& events, Settings settings);
    ~ReleaseQueue();

    /// Resumes work left from the last run (queued and printing jobs).
    void start();
    void stop();
    /// Queues a job that is in state "releasing" for its printer.
    void enqueue(qint64 printerId, qint64 jobId);
    /// The last known status of a printer (queried now when never seen).
    PrinterStatus status(qint64 printerId);
    /// The last known status of a printer without asking it (default, capabilities unknown, when
    /// never seen): for checks that must not wait on a printer.
    PrinterStatus cachedStatus(qint64 printerId);
    /// Re-reads one printer's status now.
    PrinterStatus refresh(qint64 printerId);
    /// Records a status read elsewhere (the DeviceMonitor's poll): keeps the capabilities known
    /// before when it has none and publishes printer-changed when it differs from the last one.
    /// Returns the status as kept.
    PrinterStatus noteStatus(qint64 printerId, PrinterStatus status);
    /// Called with the printer's id whenever a job is queued for it (the monitor polls it soon).
    void setEnqueueHook(std::function<void(qint64 printerId)> hook) { m_enqueueHook = std::move(hook); }

    /// English words for printer faults ("paper jam", "out of paper"...; StateReason::describeFaults),
    /// for the API's faultText.
    static QString describeFaults(const QStringList& faults);

private:
    struct Worker
    {
        std::thread thread;
        std::mutex mutex;
        std::condition_variable cv;
        std::deque<qint64> queue;
        std::deque<qint64> follow; ///< jobs already on the printer to follow after a restart
    };

    Worker& workerFor(qint64 printerId);
    void runWorker(qint64 printerId, Worker* w);
    void process(qint64 printerId, qint64 jobId, bool resume);
    /// Sends the job; returns the remote job id or 0 when it went back to held.
    int send(const PrinterRecord& printer, const StoredJob& job);
    void followRemote(const PrinterRecord& printer, qint64 jobId, int remoteId);
    bool sleepFor(int ms);

    Store& m_store;
    JobService& m_jobs;
    EventBus& m_events;
    Settings m_settings;
    std::mutex m_mutex;
    std::condition_variable m_stopCv;
    std::map<qint64, std::unique_ptr<Worker>> m_workers;
    std::map<qint64, PrinterStatus> m_status;
    std::function<void(qint64)> m_enqueueHook;
    std::atomic<bool> m_running{false};
};
