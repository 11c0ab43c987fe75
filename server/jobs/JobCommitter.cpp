#include "JobCommitter.h"

#include "Log.h"

JobCommitter::JobCommitter(Store& store) : m_store(store) {}

bool JobCommitter::commit(const StoredJob& job, const QByteArray& thumbnailPng)
{
    Waiting me{Store::JobCommit{job, thumbnailPng}};
    std::unique_lock lock(m_mutex);
    m_waiting.push_back(&me);
    while (!me.done) {
        if (m_committing) {
            m_committed.wait(lock);
            continue;
        }
        // Nobody is flushing: this caller commits every job waiting now, its own among them.
        m_committing = true;
        std::vector<Waiting*> batch;
        batch.swap(m_waiting);
        lock.unlock();
        QList<Store::JobCommit> items;
        items.reserve(static_cast<qsizetype>(batch.size()));
        for (const Waiting* w : batch)
            items.append(w->item);
        const QList<bool> ok = m_store.commitJobs(items);
        if (batch.size() > 1)
            qCDebug(lcIngest) << batch.size() << "jobs committed in one transaction";
        lock.lock();
        for (size_t i = 0; i < batch.size(); ++i) {
            batch[i]->ok = ok.value(static_cast<qsizetype>(i), false);
            batch[i]->done = true;
        }
        m_committing = false;
        m_committed.notify_all();
    }
    return me.ok;
}
