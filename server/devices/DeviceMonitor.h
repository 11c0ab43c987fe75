#pragma once
#include "DeviceSettings.h"
#include "DeviceSnapshot.h"

#include <QHash>
#include <QJsonObject>
#include <QList>
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <functional>
#include <map>
#include <mutex>
#include <optional>
#include <thread>
#include <vector>

class Store;
class EventBus;
struct PrinterStatus;

/// Polls every registered printer on its own schedule (IPP through PrinterClient, SNMP through
/// net-snmp), on its own small pool of threads, never the release threads (docs/devices.md).
/// An unreachable printer backs off (60 s, doubling, up to 15 min) and is polled at once again when
/// a release to it is queued (pokeSoon). After every poll the observers are called; on a change the
/// status and history are stored and `device-changed` goes to the admins. Thread-safe.
class DeviceMonitor
{
public:
    /// Called after every poll on a monitor thread, with the previous snapshot (printerId 0 and
    /// checkedAt 0 when there was none) and the new one. Must not block for long.
    using Observer = std::function<void(const DeviceSnapshot& before, const DeviceSnapshot& now)>;
    /// Receives each IPP poll's full status (capabilities included) so that the release path and
    /// /api/v1/printers see it (ReleaseQueue::noteStatus); SNMP-only polls are converted.
    using StatusSink = std::function<void(qint64 printerId, const PrinterStatus& status)>;
    /// Builds the device JSON that `device-changed` carries (DevicesApi's); none: not published.
    using DeviceJson = std::function<QJsonObject(qint64 printerId)>;

    DeviceMonitor(Store& store, EventBus& events, DeviceSettings settings);
    ~DeviceMonitor();
    DeviceMonitor(const DeviceMonitor&) = delete;
    DeviceMonitor& operator=(const DeviceMonitor&) = delete;

    /// Adds an observer (AlertService is one). Call before start().
    void addObserver(Observer observer);
    /// Where each poll's PrinterStatus goes (ReleaseQueue::noteStatus). Call before start().
    void setStatusSink(StatusSink sink);
    /// How the device JSON of `device-changed` is built. Call before start().
    void setDeviceJson(DeviceJson json);

    /// Loads the stored latest status (a restarted server shows last-seen at once) and starts polling.
    void start();
    /// Stops polling and joins the threads (a poll in flight finishes within its deadline).
    void stop();

    /// The last snapshot of a printer (this run, else the stored one); none when never polled.
    std::optional<DeviceSnapshot> latest(qint64 printerId) const;
    /// The last snapshot of every printer that has one.
    QList<DeviceSnapshot> latestAll() const;
    /// When the printer was first found unreachable in its current outage (epoch secs); 0 when reachable.
    qint64 unreachableSince(qint64 printerId) const;
    /// When the printer last answered (epoch secs); 0 when never.
    qint64 lastSeen(qint64 printerId) const;
    /// Polls the printer as soon as a monitor thread is free (a release to it was queued), ending
    /// any back-off.
    void pokeSoon(qint64 printerId);
    /// Re-reads the printer list now (a printer was added, changed or removed).
    void reloadPrinters();
    /// Changes the poll period, the back-off limit and the IPP/SNMP timeouts while polling (a
    /// configuration reload); printers due later than one new period are polled within it. The
    /// number of threads and the other keys keep their start-up values.
    void setPollSettings(const DeviceSettings& next);

    /// Counters for the bench and health: polls done, polls in flight, printers known.
    struct Stats
    {
        qint64 polls = 0;
        qint64 changes = 0;
        int inFlight = 0;
        int printers = 0;
    };
    Stats stats() const;

    const DeviceSettings& settings() const { return m_settings; }

private:
    using Clock = std::chrono::steady_clock;
    struct Entry
    {
        Clock::time_point due;
        int failures = 0;
        bool busy = false;
        bool known = false; ///< still registered (cleared entries go at the next reload)
        std::optional<DeviceSnapshot> last;
        qint64 unreachableSince = 0;
        qint64 lastSeen = 0;
        qint64 lastPagesSample = 0; ///< when the page counter was last written to the history
        qint64 lastStored = 0;      ///< when the status row was last written
    };

    void runWorker();
    void pollOne(qint64 printerId);
    void reloadLocked();
    std::chrono::seconds backoff(int failures) const;

    Store& m_store;
    EventBus& m_events;
    DeviceSettings m_settings;
    std::vector<Observer> m_observers;
    StatusSink m_sink;
    DeviceJson m_json;

    mutable std::mutex m_mutex;
    std::condition_variable m_cv;
    std::map<qint64, Entry> m_entries;
    Clock::time_point m_nextReload;
    bool m_reloadNow = false;
    std::vector<std::thread> m_threads;
    std::atomic<bool> m_running{false};
    qint64 m_polls = 0;
    qint64 m_changes = 0;
    int m_inFlight = 0;
};
