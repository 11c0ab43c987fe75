#include "DeviceMonitor.h"

#include "EventBus.h"
#include "IppDevicePoller.h"
#include "PrinterClient.h"
#include "SnmpDevicePoller.h"
#include "Store.h"

#include <QDateTime>
#include <QLoggingCategory>
#include <QUrl>

namespace {
Q_LOGGING_CATEGORY(lcDevices, "mps.server.devices", QtInfoMsg)

constexpr qint64 PageSampleSecs = 3600;    // the page counter goes to the history at most once an hour
constexpr qint64 StoreUnchangedSecs = 600; // an unchanged status row is refreshed this often (last seen)
constexpr qint64 PruneSecs = 3600;

bool sameReading(const DeviceSnapshot& a, const DeviceSnapshot& b)
{
    if (a.reachable != b.reachable || a.state != b.state || a.reasons != b.reasons ||
        a.pageCount != b.pageCount || a.supplies.size() != b.supplies.size())
        return false;
    for (int i = 0; i < a.supplies.size(); ++i)
        if (a.supplies[i].key != b.supplies[i].key || a.supplies[i].level != b.supplies[i].level ||
            a.supplies[i].description != b.supplies[i].description)
            return false;
    return true;
}

// What an SNMP-only poll tells the release path (no capabilities: those stay as last read over IPP).
PrinterStatus statusFromSnapshot(const DeviceSnapshot& d)
{
    PrinterStatus st;
    st.reachable = d.reachable;
    st.error = d.error;
    st.state = d.state;
    st.reasons = d.reasons;
    st.checkedAt = d.checkedAt;
    st.impressionsCompleted = d.pageCount;
    for (const SupplySnapshot& s : d.supplies)
        st.supplies << SupplyLevel{s.description, s.type, s.color, s.level};
    return st;
}

SnmpDevicePoller::Target snmpTarget(const PrinterRecord& printer, const DeviceInventory& inv,
                                    const DeviceSettings& settings, QString* error)
{
    SnmpDevicePoller::Target t;
    t.timeoutMs = settings.snmpTimeoutMs;
    t.retries = settings.snmpRetries;
    if (!inv.snmpCommunity.isEmpty())
        t.community = inv.snmpCommunity;
    if (!inv.snmpAddress.isEmpty()) {
        if (!SnmpDevicePoller::parseAddress(inv.snmpAddress, &t.host, &t.port))
            *error = QStringLiteral("the SNMP address '%1' is not host[:port]").arg(inv.snmpAddress);
    } else {
        t.host = QUrl(printer.uri).host();
        if (t.host.isEmpty())
            *error = QStringLiteral("no SNMP address and no host in the printer's URI");
    }
    return t;
}
} // namespace

DeviceMonitor::DeviceMonitor(Store& store, EventBus& events, DeviceSettings settings)
    : m_store(store), m_events(events), m_settings(settings)
{
}

DeviceMonitor::~DeviceMonitor()
{
    stop();
}

void DeviceMonitor::addObserver(Observer observer)
{
    std::lock_guard lock(m_mutex);
    m_observers.push_back(std::move(observer));
}

void DeviceMonitor::setStatusSink(StatusSink sink)
{
    std::lock_guard lock(m_mutex);
    m_sink = std::move(sink);
}

void DeviceMonitor::setDeviceJson(DeviceJson json)
{
    std::lock_guard lock(m_mutex);
    m_json = std::move(json);
}

void DeviceMonitor::start()
{
    if (m_running.exchange(true))
        return;
    SnmpDevicePoller::initLibrary();
    {
        std::lock_guard lock(m_mutex);
        // What the last run saw, until the first poll of this run answers.
        for (const DeviceStatusRecord& r : m_store.devices().statuses()) {
            Entry& e = m_entries[r.snapshot.printerId];
            e.last = r.snapshot;
            e.lastSeen = r.lastSeen;
            e.unreachableSince = r.unreachableSince;
            e.lastStored = r.snapshot.checkedAt;
        }
        reloadLocked();
    }
    const int n = std::max(1, m_settings.pollThreads);
    for (int i = 0; i < n; ++i)
        m_threads.emplace_back([this] { runWorker(); });
    qCInfo(lcDevices).noquote() << "monitoring" << stats().printers << "printers every"
                                << m_settings.pollSeconds << "s on" << n << "threads";
}

void DeviceMonitor::stop()
{
    if (!m_running.exchange(false))
        return;
    m_cv.notify_all();
    for (std::thread& t : m_threads)
        if (t.joinable())
            t.join();
    m_threads.clear();
}

std::optional<DeviceSnapshot> DeviceMonitor::latest(qint64 printerId) const
{
    std::lock_guard lock(m_mutex);
    auto it = m_entries.find(printerId);
    if (it == m_entries.end())
        return std::nullopt;
    return it->second.last;
}

QList<DeviceSnapshot> DeviceMonitor::latestAll() const
{
    std::lock_guard lock(m_mutex);
    QList<DeviceSnapshot> out;
    for (const auto& [id, e] : m_entries)
        if (e.last)
            out.append(*e.last);
    return out;
}

qint64 DeviceMonitor::unreachableSince(qint64 printerId) const
{
    std::lock_guard lock(m_mutex);
    auto it = m_entries.find(printerId);
    return it == m_entries.end() ? 0 : it->second.unreachableSince;
}

qint64 DeviceMonitor::lastSeen(qint64 printerId) const
{
    std::lock_guard lock(m_mutex);
    auto it = m_entries.find(printerId);
    return it == m_entries.end() ? 0 : it->second.lastSeen;
}

void DeviceMonitor::pokeSoon(qint64 printerId)
{
    {
        std::lock_guard lock(m_mutex);
        auto it = m_entries.find(printerId);
        if (it == m_entries.end()) {
            m_reloadNow = true; // a printer added since the last reload
        } else {
            it->second.due = std::min(it->second.due, Clock::now());
        }
    }
    m_cv.notify_one();
}

void DeviceMonitor::reloadPrinters()
{
    {
        std::lock_guard lock(m_mutex);
        m_reloadNow = true;
    }
    m_cv.notify_one();
}

DeviceMonitor::Stats DeviceMonitor::stats() const
{
    std::lock_guard lock(m_mutex);
    Stats s;
    s.polls = m_polls;
    s.changes = m_changes;
    s.inFlight = m_inFlight;
    for (const auto& [id, e] : m_entries)
        s.printers += e.known ? 1 : 0;
    return s;
}

std::chrono::seconds DeviceMonitor::backoff(int failures) const
{
    // poll-seconds, then doubling with each further failure, up to backoff-max-seconds (15 min)
    qint64 secs = std::max(1, m_settings.pollSeconds);
    for (int i = 1; i < failures && secs < m_settings.backoffMaxSeconds; ++i)
        secs *= 2;
    return std::chrono::seconds(std::min<qint64>(secs, m_settings.backoffMaxSeconds));
}

void DeviceMonitor::reloadLocked()
{
    const auto now = Clock::now();
    m_reloadNow = false;
    m_nextReload = now + std::chrono::seconds(std::max(1, m_settings.pollSeconds));
    for (auto& [id, e] : m_entries)
        e.known = false;
    for (const PrinterRecord& p : m_store.printers()) {
        auto [it, added] = m_entries.try_emplace(p.id);
        if (added || it->second.due == Clock::time_point{})
            it->second.due = now;
        it->second.known = true;
    }
    for (auto it = m_entries.begin(); it != m_entries.end();) {
        if (!it->second.known && !it->second.busy)
            it = m_entries.erase(it);
        else
            ++it;
    }
}

void DeviceMonitor::runWorker()
{
    qint64 lastPrune = 0;
    std::unique_lock lock(m_mutex);
    while (m_running) {
        const auto now = Clock::now();
        if (m_reloadNow || now >= m_nextReload)
            reloadLocked();
        qint64 nextId = 0;
        Clock::time_point nextDue = m_nextReload;
        for (const auto& [id, e] : m_entries) {
            if (e.busy || !e.known)
                continue;
            if (e.due < nextDue || (nextId == 0 && e.due <= nextDue)) {
                nextDue = e.due;
                nextId = id;
            }
        }
        if (nextId == 0 || nextDue > now) {
            m_cv.wait_until(lock, nextDue);
            continue;
        }
        Entry& e = m_entries[nextId];
        e.busy = true;
        ++m_inFlight;
        lock.unlock();
        pollOne(nextId);
        const qint64 wall = QDateTime::currentSecsSinceEpoch();
        if (wall - lastPrune >= PruneSecs) {
            lastPrune = wall;
            const int n =
                m_store.devices().pruneSamples(wall - static_cast<qint64>(m_settings.historyDays) * 86400);
            if (n > 0)
                qCInfo(lcDevices) << "pruned" << n << "history samples older than" << m_settings.historyDays
                                  << "days";
        }
        lock.lock();
        --m_inFlight;
    }
}

void DeviceMonitor::setPollSettings(const DeviceSettings& next)
{
    {
        std::lock_guard lock(m_mutex);
        m_settings.pollSeconds = next.pollSeconds;
        m_settings.ippTimeoutMs = next.ippTimeoutMs;
        m_settings.snmpTimeoutMs = next.snmpTimeoutMs;
        m_settings.snmpRetries = next.snmpRetries;
        m_settings.backoffMaxSeconds = next.backoffMaxSeconds;
        // A shorter period takes effect now, not after the longer wait already scheduled.
        const auto latest = Clock::now() + std::chrono::seconds(std::max(1, m_settings.pollSeconds));
        m_nextReload = std::min(m_nextReload, latest);
        for (auto& [id, e] : m_entries) {
            if (e.failures == 0 && e.due > latest)
                e.due = latest;
        }
    }
    m_cv.notify_all();
    qCInfo(lcDevices).noquote() << "polling every" << next.pollSeconds << "s (configuration reloaded)";
}

void DeviceMonitor::pollOne(qint64 printerId)
{
    // The settings a reload may change, as they are now (setPollSettings).
    const DeviceSettings settings = [this] {
        std::lock_guard lock(m_mutex);
        return m_settings;
    }();
    const auto printer = m_store.printerById(printerId);
    const auto inv = m_store.devices().inventory(printerId);
    if (!printer || !inv) {
        std::lock_guard lock(m_mutex);
        auto it = m_entries.find(printerId);
        if (it != m_entries.end()) {
            it->second.busy = false;
            it->second.known = false;
        }
        return;
    }
    // Ask the printer: IPP, SNMP, or IPP for state and SNMP for what IPP does not report.
    DeviceSnapshot snap;
    PrinterStatus status;
    bool haveStatus = false;
    const QString protocol = inv->protocol;
    if (protocol == QLatin1String("snmp")) {
        QString error;
        const SnmpDevicePoller::Target t = snmpTarget(*printer, *inv, settings, &error);
        if (!error.isEmpty()) {
            snap.error = error;
            snap.source = QStringLiteral("snmp");
            snap.checkedAt = QDateTime::currentSecsSinceEpoch();
        } else {
            snap = SnmpDevicePoller::poll(printerId, t);
        }
        status = statusFromSnapshot(snap);
    } else {
        IppDevicePoller::Result r = IppDevicePoller::poll(printerId, printer->uri, settings.ippTimeoutMs);
        snap = r.snapshot;
        status = r.status;
        if (protocol == QLatin1String("ipp+snmp")) {
            snap.source = QStringLiteral("ipp+snmp");
            if (snap.reachable && (snap.supplies.isEmpty() || snap.pageCount < 0)) {
                QString error;
                const SnmpDevicePoller::Target t = snmpTarget(*printer, *inv, settings, &error);
                const DeviceSnapshot s =
                    error.isEmpty() ? SnmpDevicePoller::poll(printerId, t) : DeviceSnapshot{};
                if (s.reachable) {
                    if (snap.supplies.isEmpty()) {
                        snap.supplies = s.supplies;
                        for (const SupplySnapshot& ss : s.supplies)
                            status.supplies << SupplyLevel{ss.description, ss.type, ss.color, ss.level};
                    }
                    if (snap.pageCount < 0)
                        snap.pageCount = s.pageCount;
                } else {
                    qCDebug(lcDevices).noquote()
                        << "printer" << printer->name << "SNMP:" << (error.isEmpty() ? s.error : error);
                }
            }
        }
    }
    haveStatus = true;
    snap.printerId = printerId;
    if (snap.checkedAt == 0)
        snap.checkedAt = QDateTime::currentSecsSinceEpoch();

    // Book-keeping under the lock; the store, the observers and the events after it.
    DeviceSnapshot before;
    bool changed = false, store = false;
    QList<DeviceSample> samples;
    DeviceStatusRecord record;
    std::vector<Observer> observers;
    StatusSink sink;
    DeviceJson json;
    {
        std::lock_guard lock(m_mutex);
        auto it = m_entries.find(printerId);
        if (it == m_entries.end())
            return;
        Entry& e = it->second;
        e.busy = false;
        if (e.last)
            before = *e.last;
        // An unreachable printer keeps what the last reachable poll read about supplies and pages, so
        // a moment offline does not erase them from the views (nor open or close supply alerts).
        if (!snap.reachable && e.last) {
            snap.supplies = e.last->supplies;
            snap.pageCount = e.last->pageCount;
        }
        changed = !e.last || !sameReading(before, snap);
        if (snap.reachable) {
            e.failures = 0;
            e.lastSeen = snap.checkedAt;
            e.unreachableSince = 0;
            e.due = Clock::now() + std::chrono::seconds(std::max(1, m_settings.pollSeconds));
        } else {
            ++e.failures;
            if (e.unreachableSince == 0)
                e.unreachableSince = snap.checkedAt;
            e.due = Clock::now() + backoff(e.failures);
            if (e.failures == 1 || changed)
                qCInfo(lcDevices).noquote() << "printer" << printer->name << "unreachable:" << snap.error;
        }
        if (snap.reachable && before.printerId != 0 && !before.reachable)
            qCInfo(lcDevices).noquote() << "printer" << printer->name << "answers again";
        // History: each supply whose level changed (or is new), the page counter once an hour.
        if (snap.reachable) {
            for (const SupplySnapshot& s : snap.supplies) {
                if (s.level < 0)
                    continue;
                bool same = false;
                for (const SupplySnapshot& b : before.supplies)
                    same = same || (b.key == s.key && b.level == s.level && before.reachable);
                if (!same)
                    samples.append({s.key, snap.checkedAt, s.level});
            }
            if (snap.pageCount >= 0 && snap.checkedAt - e.lastPagesSample >= PageSampleSecs) {
                e.lastPagesSample = snap.checkedAt;
                samples.append({QStringLiteral("pages"), snap.checkedAt, snap.pageCount});
            }
        }
        e.last = snap;
        store = changed || snap.checkedAt - e.lastStored >= StoreUnchangedSecs;
        if (store)
            e.lastStored = snap.checkedAt;
        record.snapshot = snap;
        record.lastSeen = e.lastSeen;
        record.unreachableSince = e.unreachableSince;
        ++m_polls;
        if (changed)
            ++m_changes;
        observers = m_observers;
        sink = m_sink;
        json = m_json;
    }
    if (store && !m_store.devices().saveStatus(record))
        qCWarning(lcDevices).noquote() << "printer" << printer->name << ": its status could not be stored";
    if (!samples.isEmpty() && !m_store.devices().addSamples(printerId, snap.checkedAt, samples))
        qCWarning(lcDevices).noquote() << "printer" << printer->name << ": its history could not be stored";
    if (sink && haveStatus)
        sink(printerId, status);
    for (const Observer& o : observers)
        o(before, snap);
    if (changed && json) {
        m_events.publishToAdmins({{QStringLiteral("type"), QStringLiteral("device-changed")},
                                  {QStringLiteral("device"), json(printerId)}});
    }
}
