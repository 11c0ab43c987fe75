#include "ReleaseQueue.h"

#include "OptionSupport.h"

#include "EventBus.h"
#include "JobService.h"
#include "Log.h"
#include "PwgRasterWriter.h"
#include "SpoolCipher.h"
#include "Store.h"
#include "Wiped.h"

#include <QJsonObject>
#include <cups/ipp.h>
#include <unistd.h>

namespace {
bool sameStatus(const PrinterStatus& a, const PrinterStatus& b)
{
    if (a.reachable != b.reachable || a.state != b.state || a.reasons != b.reasons ||
        a.supplies.size() != b.supplies.size() || a.capabilitiesJson() != b.capabilitiesJson())
        return false;
    for (int i = 0; i < a.supplies.size(); ++i)
        if (a.supplies[i].level != b.supplies[i].level)
            return false;
    return true;
}
} // namespace

ReleaseQueue::ReleaseQueue(Store& store, JobService& jobs, EventBus& events, Settings settings)
    : m_store(store), m_jobs(jobs), m_events(events), m_settings(settings)
{
}

ReleaseQueue::~ReleaseQueue()
{
    stop();
}

QString ReleaseQueue::describeFaults(const QStringList& faults)
{
    return StateReason::describeFaults(faults);
}

void ReleaseQueue::start()
{
    m_running = true;
    // Work from the last run: queued releases go out now; jobs already on a printer are followed.
    for (const StoredJob& j : m_store.jobsInState(JobState::Releasing))
        enqueue(j.printerId, j.info.id);
    for (const StoredJob& j : m_store.jobsInState(JobState::Printing)) {
        if (j.remoteJobUri.isEmpty())
            continue;
        Worker& w = workerFor(j.printerId);
        {
            std::lock_guard lock(w.mutex);
            w.follow.push_back(j.info.id);
        }
        w.cv.notify_one();
    }
}

void ReleaseQueue::stop()
{
    if (!m_running.exchange(false))
        return;
    m_stopCv.notify_all();
    std::map<qint64, std::unique_ptr<Worker>> workers;
    {
        std::lock_guard lock(m_mutex);
        workers.swap(m_workers);
    }
    for (auto& [id, w] : workers) {
        w->cv.notify_all();
        if (w->thread.joinable())
            w->thread.join();
    }
}

bool ReleaseQueue::sleepFor(int ms)
{
    std::unique_lock lock(m_mutex);
    m_stopCv.wait_for(lock, std::chrono::milliseconds(ms), [this] { return !m_running.load(); });
    return m_running;
}

ReleaseQueue::Worker& ReleaseQueue::workerFor(qint64 printerId)
{
    std::lock_guard lock(m_mutex);
    auto& slot = m_workers[printerId];
    if (!slot) {
        slot = std::make_unique<Worker>();
        Worker* w = slot.get();
        w->thread = std::thread([this, printerId, w] { runWorker(printerId, w); });
    }
    return *slot;
}

void ReleaseQueue::enqueue(qint64 printerId, qint64 jobId)
{
    Worker& w = workerFor(printerId);
    {
        std::lock_guard lock(w.mutex);
        w.queue.push_back(jobId);
    }
    w.cv.notify_one();
    if (m_enqueueHook)
        m_enqueueHook(printerId);
}

void ReleaseQueue::runWorker(qint64 printerId, Worker* w)
{
    while (m_running) {
        qint64 jobId = 0;
        bool resume = false;
        {
            std::unique_lock lock(w->mutex);
            w->cv.wait_for(lock, std::chrono::seconds(1),
                           [&] { return !m_running || !w->queue.empty() || !w->follow.empty(); });
            if (!m_running)
                return;
            if (!w->follow.empty()) {
                jobId = w->follow.front();
                w->follow.pop_front();
                resume = true;
            } else if (!w->queue.empty()) {
                jobId = w->queue.front();
                w->queue.pop_front();
            } else {
                continue;
            }
        }
        process(printerId, jobId, resume);
    }
}

PrinterStatus ReleaseQueue::refresh(qint64 printerId)
{
    auto printer = m_store.printerById(printerId);
    if (!printer)
        return {};
    PrinterStatus st = PrinterClient::query(printer->uri);
    return noteStatus(printerId, std::move(st));
}

PrinterStatus ReleaseQueue::noteStatus(qint64 printerId, PrinterStatus st)
{
    auto printer = m_store.printerById(printerId);
    if (!printer)
        return st;
    bool changed = false;
    {
        std::lock_guard lock(m_mutex);
        auto it = m_status.find(printerId);
        // What the printer can do outlives a moment it cannot be reached (cached until it answers).
        if (it != m_status.end())
            st.inheritCapabilities(it->second);
        changed = it == m_status.end() || !sameStatus(it->second, st);
        m_status[printerId] = st;
    }
    if (changed) {
        // The printer object of GET /api/v1/printers and /kiosk (without the admin-only uri), so an app
        // can put it in place of what it holds; the kiosk's own stream picks its printer by id.
        QJsonObject o = st.toJson();
        o.insert(QStringLiteral("id"), printerId);
        o.insert(QStringLiteral("name"), printer->name);
        o.insert(QStringLiteral("location"), printer->location);
        o.insert(QStringLiteral("faultText"), describeFaults(st.blockingFaults()));
        m_events.publishToAll(
            {{QStringLiteral("type"), QStringLiteral("printer-changed")}, {QStringLiteral("printer"), o}});
    }
    return st;
}

PrinterStatus ReleaseQueue::cachedStatus(qint64 printerId)
{
    std::lock_guard lock(m_mutex);
    auto it = m_status.find(printerId);
    return it != m_status.end() ? it->second : PrinterStatus{};
}

PrinterStatus ReleaseQueue::status(qint64 printerId)
{
    {
        std::lock_guard lock(m_mutex);
        auto it = m_status.find(printerId);
        if (it != m_status.end())
            return it->second;
    }
    return refresh(printerId);
}

void ReleaseQueue::process(qint64 printerId, qint64 jobId, bool resume)
{
    auto printer = m_store.printerById(printerId);
    auto job = m_store.job(jobId);
    if (!printer || !job)
        return;
    if (resume) {
        followRemote(*printer, jobId, job->remoteJobUri.toInt());
        return;
    }
    if (job->info.state != JobState::Releasing)
        return;
    const int remoteId = send(*printer, *job);
    if (remoteId > 0)
        followRemote(*printer, jobId, remoteId);
}

int ReleaseQueue::send(const PrinterRecord& printer, const StoredJob& job)
{
    const qint64 jobId = job.info.id;
    int busyWaitMs = m_settings.busyRetryMs;
    const auto started = std::chrono::steady_clock::now();
    for (;;) {
        // Check the printer first: a job is not sent into a jam, an empty tray or a dead printer.
        const PrinterStatus st = refresh(printer.id);
        if (!st.canPrint()) {
            const QString why = st.reachable ? describeFaults(st.blockingFaults()) : st.error;
            m_jobs.releaseFinished(jobId, false, 0,
                                   StateReason::printerFault(printer.name, st.blockingFaults(),
                                                             st.reachable ? QString() : st.error));
            qCInfo(lcRelease).noquote() << "job" << jobId << "not sent to" << printer.name << ":" << why;
            return 0;
        }
        QString format = job.info.documentFormat;
        bool raster = false;
        if (!st.formats.contains(format)) {
            if (format == QLatin1String("application/pdf") &&
                st.formats.contains(QLatin1String("image/pwg-raster")))
                raster = true;
            else {
                m_jobs.releaseFinished(jobId, false, 0, StateReason::formatUnsupported(printer.name, format));
                return 0;
            }
        }
        // Capabilities unknown at release (printer not reached then) are known now: the same check
        // (colour was checked at release if it was asked for; a mono printer prints the rest in grey).
        if (const auto why = OptionSupport::check(job.info.options, st, printer.name, false)) {
            m_jobs.releaseFinished(jobId, false, 0, why->reason());
            qCInfo(lcRelease).noquote()
                << "job" << jobId << "not sent to" << printer.name << ":" << why->message;
            return 0;
        }
        if (!m_jobs.markPrinting(jobId, printer.id))
            return 0; // deleted or changed meanwhile
        auto fresh = m_store.job(jobId);
        if (!fresh)
            return 0;
        SecretKey key;
        const int fd = m_jobs.openDocument(*fresh, &key);
        if (fd < 0) {
            m_jobs.releaseFinished(jobId, false, 0, StateReason::documentUnreadable());
            return 0;
        }
        PrintOptions options = fresh->info.options;
        PrinterClient::SendResult res;
        if (!raster) {
            // Stream: decrypt a chunk, send a chunk. The bytes that reach the printer are the bytes printed.
            res = PrinterClient::printJob(printer.uri, fresh->info.name, fresh->info.owner, format, options,
                                          [&](const PrinterClient::Writer& write) {
                                              SpoolReader reader;
                                              if (!reader.open(fd, key))
                                                  return false;
                                              WipedChars buf(64 * 1024); // plaintext: wiped when freed
                                              for (;;) {
                                                  const qint64 n = reader.read(
                                                      buf.data(), static_cast<qint64>(buf.size()));
                                                  if (n < 0)
                                                      return false;
                                                  if (n == 0)
                                                      return true;
                                                  if (!write(buf.data(), static_cast<size_t>(n)))
                                                      return false;
                                              }
                                          });
        } else {
            format = QStringLiteral("image/pwg-raster");
            RasterOptions ro;
            ro.dpi = st.rasterResolutions.contains(300) ? 300 : st.rasterResolutions.value(0, 300);
            ro.color = options.colorMode != QLatin1String("monochrome") &&
                       st.rasterTypes.contains(QLatin1String("srgb_8"));
            ro.sides = options.sides;
            ro.mediaName = fresh->info.pageSize;
            // Pages over the render budget are refused before anything goes to the printer.
            QString tooComplex;
            int overPage = 0;
            {
                SpoolReader reader;
                std::unique_ptr<SpoolIndex> index = reader.open(fd, key) ? reader.buildIndex() : nullptr;
                if (index) {
                    SpoolDevice dev(fd, std::move(index));
                    dev.open(QIODevice::ReadOnly);
                    overPage = PwgRasterWriter::checkBudget(&dev, ro, m_jobs.settings().render, &tooComplex);
                }
                // The writer below reads the file from its start again.
                (void)::lseek(fd, 0, SEEK_SET);
            }
            if (overPage > 0) {
                ::close(fd);
                qCInfo(lcRelease).noquote() << "job" << jobId << "not sent to" << printer.name
                                            << ": page" << overPage << "is over the render budget";
                m_jobs.releaseFinished(jobId, false, 0,
                                       StateReason{QStringLiteral("document-too-complex"),
                                                   {{QStringLiteral("printer"), printer.name},
                                                    {QStringLiteral("page"), overPage}},
                                                   tooComplex + QStringLiteral(" The job is still held.")});
                return 0;
            }
            res = PrinterClient::printJob(
                printer.uri, fresh->info.name, fresh->info.owner, format, options,
                [&](const PrinterClient::Writer& write) {
                    SpoolReader reader;
                    if (!reader.open(fd, key))
                        return false;
                    std::unique_ptr<SpoolIndex> index = reader.buildIndex();
                    if (!index)
                        return false;
                    SpoolDevice dev(fd, std::move(index));
                    dev.open(QIODevice::ReadOnly);
                    PwgRasterWriter writer;
                    writer.setBudget(m_jobs.settings().render);
                    const bool ok =
                        writer.write(&dev, ro, [&](const char* d, size_t n) { return write(d, n); });
                    if (!ok)
                        qCWarning(lcRelease).noquote() << "job" << jobId << "raster:" << writer.errorString();
                    return ok;
                });
        }
        ::close(fd);
        switch (res.kind) {
        case PrinterClient::SendResult::Kind::Ok:
            m_store.setRemoteJob(jobId, QString::number(res.remoteJobId));
            m_jobs.publishJob(jobId, QStringLiteral("job-printing"));
            qCInfo(lcRelease).noquote() << "job" << jobId << "sent to" << printer.name << "as remote job"
                                        << res.remoteJobId << (raster ? "(PWG raster)" : "");
            return res.remoteJobId > 0 ? res.remoteJobId : -1;
        case PrinterClient::SendResult::Kind::Busy: {
            // Nothing was accepted: safe to try again, within limits.
            (void)m_store.transition(jobId, JobState::Printing, JobState::Releasing, StateReason(),
                                     printer.id);
            const auto waited =
                std::chrono::duration_cast<std::chrono::seconds>(std::chrono::steady_clock::now() - started);
            if (waited.count() > m_settings.busyGiveUpSecs) {
                m_jobs.releaseFinished(jobId, false, 0, StateReason::printerBusy(printer.name));
                return 0;
            }
            if (!sleepFor(busyWaitMs))
                return 0;
            busyWaitMs = std::min(busyWaitMs * 2, 15000);
            continue;
        }
        case PrinterClient::SendResult::Kind::Unreachable:
            // Gone between the status check and the send: the same as an offline printer to its user.
            m_jobs.releaseFinished(
                jobId, false, 0,
                StateReason::printerFault(printer.name, {QStringLiteral("offline")}, res.error));
            qCInfo(lcRelease).noquote() << "job" << jobId << "failed at" << printer.name << ":" << res.error;
            return 0;
        case PrinterClient::SendResult::Kind::Refused:
            // A refused option gets its code and arguments, not libcups' English inside a sentence.
            if (const auto why =
                    OptionSupport::fromUnsupported(res.unsupported, fresh->info.options, st, printer.name)) {
                m_jobs.releaseFinished(jobId, false, 0, why->reason());
                qCInfo(lcRelease).noquote()
                    << "job" << jobId << "refused by" << printer.name << ":" << res.error;
                return 0;
            }
            [[fallthrough]];
        case PrinterClient::SendResult::Kind::Failed:
            m_jobs.releaseFinished(jobId, false, 0, StateReason::printerError(printer.name, res.error));
            qCInfo(lcRelease).noquote() << "job" << jobId << "failed at" << printer.name << ":" << res.error;
            return 0;
        }
        return 0;
    }
}

void ReleaseQueue::followRemote(const PrinterRecord& printer, qint64 jobId, int remoteId)
{
    auto stuckSince = std::chrono::steady_clock::time_point{};
    auto lostSince = std::chrono::steady_clock::time_point{};
    int lastImpressions = -1;
    while (m_running) {
        if (remoteId <= 0) {
            // The printer accepted the job without an id: nothing to follow, count it as printed.
            m_jobs.releaseFinished(jobId, true, 0);
            return;
        }
        const PrinterClient::RemoteJob rj = PrinterClient::jobStatus(printer.uri, remoteId);
        const auto now = std::chrono::steady_clock::now();
        if (!rj.reachable || !rj.known) {
            if (lostSince == std::chrono::steady_clock::time_point{})
                lostSince = now;
            if (now - lostSince > std::chrono::seconds(m_settings.lostSecs)) {
                m_jobs.releaseFinished(jobId, false, 0, StateReason::lostContact(printer.name));
                return;
            }
        } else {
            lostSince = {};
            if (rj.impressions != lastImpressions) {
                lastImpressions = rj.impressions;
                m_store.setImpressions(jobId, rj.impressions);
            }
            if (rj.state == IPP_JSTATE_COMPLETED) {
                qCInfo(lcRelease).noquote() << "job" << jobId << "completed at" << printer.name << ","
                                            << rj.impressions << "impressions";
                m_jobs.releaseFinished(jobId, true, rj.impressions);
                return;
            }
            if (rj.state == IPP_JSTATE_ABORTED || rj.state == IPP_JSTATE_CANCELED) {
                m_jobs.releaseFinished(
                    jobId, false, 0,
                    StateReason::printerEnded(printer.name, rj.state == IPP_JSTATE_ABORTED, rj.reasons));
                return;
            }
            // Waiting on a fault with nothing printed yet: pull it back so it can print elsewhere.
            const PrinterStatus st = status(printer.id);
            QStringList faults = st.blockingFaults();
            QStringList jobFaults; // the job may say what it waits for before the printer's status does
            bool waitingOnFault = rj.impressions == 0 && !faults.isEmpty();
            for (const QString& r : rj.reasons) {
                if (r == QLatin1String("media-needed") || r.startsWith(QLatin1String("media-jam"))) {
                    waitingOnFault = rj.impressions == 0;
                    const QString fault =
                        r == QLatin1String("media-needed") ? r : QStringLiteral("media-jam");
                    if (!jobFaults.contains(fault))
                        jobFaults << fault;
                }
            }
            if (faults.isEmpty())
                faults = jobFaults;
            if (waitingOnFault) {
                if (stuckSince == std::chrono::steady_clock::time_point{})
                    stuckSince = now;
                if (now - stuckSince > std::chrono::seconds(m_settings.stuckSecs)) {
                    PrinterClient::cancelJob(printer.uri, remoteId);
                    m_jobs.releaseFinished(jobId, false, 0, StateReason::printerFault(printer.name, faults));
                    return;
                }
            } else {
                stuckSince = {};
            }
        }
        if (!sleepFor(m_settings.pollMs))
            return;
    }
}
