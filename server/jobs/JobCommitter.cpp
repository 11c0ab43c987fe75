#include "JobCommitter.h"

#include "Log.h"

#include <chrono>

struct JobCommitter::Ticket
{
    Store::JobCommit item;
    bool done = false;
    qint64 id = 0;
};

namespace {
// With no uploads to carry them, confirmed files' marks are cleared on their own after this long.
constexpr std::chrono::milliseconds IdleClearAfter{1000};
} // namespace

JobCommitter::JobCommitter(Store& store) : m_store(store)
{
    m_thread = std::thread([this] { run(); });
}

JobCommitter::~JobCommitter()
{
    {
        std::lock_guard lock(m_mutex);
        m_stop = true;
    }
    m_wake.notify_all();
    if (m_thread.joinable())
        m_thread.join();
}

std::shared_ptr<JobCommitter::Ticket>
JobCommitter::submit(const StoredJob& job, const QByteArray& thumbnailPng,
                     const std::function<QByteArray(qint64 id)>& wrapKey, bool spoolUnsynced)
{
    auto ticket = std::make_shared<Ticket>();
    ticket->item = Store::JobCommit{job, thumbnailPng, wrapKey, spoolUnsynced};
    {
        std::lock_guard lock(m_mutex);
        m_waiting.push_back(ticket);
    }
    m_wake.notify_all();
    return ticket;
}

qint64 JobCommitter::wait(const std::shared_ptr<Ticket>& ticket)
{
    std::unique_lock lock(m_mutex);
    m_committed.wait(lock, [&] { return ticket->done; });
    return ticket->id;
}

qint64 JobCommitter::commit(const StoredJob& job, const QByteArray& thumbnailPng,
                            const std::function<QByteArray(qint64 id)>& wrapKey)
{
    return wait(submit(job, thumbnailPng, wrapKey, false));
}

void JobCommitter::spoolSynced(qint64 jobId)
{
    std::lock_guard lock(m_mutex);
    m_synced.append(jobId);
    // No wake-up: the next batch takes it, or the idle clear below.
}

void JobCommitter::run()
{
    std::unique_lock lock(m_mutex);
    for (;;) {
        if (m_waiting.empty() && !m_stop) {
            if (m_synced.isEmpty())
                m_wake.wait(lock, [&] { return m_stop || !m_waiting.empty() || !m_synced.isEmpty(); });
            else // marks to clear: with the next upload's batch, or alone after a quiet second
                m_wake.wait_for(lock, IdleClearAfter, [&] { return m_stop || !m_waiting.empty(); });
        }
        if (m_waiting.empty() && m_synced.isEmpty()) {
            if (m_stop)
                return;
            continue;
        }
        std::vector<std::shared_ptr<Ticket>> batch;
        batch.swap(m_waiting);
        QList<qint64> synced;
        synced.swap(m_synced);
        lock.unlock();
        QList<Store::JobCommit> items;
        items.reserve(static_cast<qsizetype>(batch.size()));
        for (const auto& t : batch)
            items.append(t->item);
        const QList<qint64> ids = m_store.commitJobs(items, synced);
        if (batch.size() > 1)
            qCDebug(lcIngest) << batch.size() << "jobs committed in one transaction";
        lock.lock();
        // A failed transaction cleared nothing: those marks are retried with the next batch.
        if (!items.isEmpty() && !synced.isEmpty() && ids.count(0) == ids.size())
            m_synced.append(synced);
        for (size_t i = 0; i < batch.size(); ++i) {
            batch[i]->id = ids.value(static_cast<qsizetype>(i), 0);
            batch[i]->done = true;
        }
        m_committed.notify_all();
    }
}
