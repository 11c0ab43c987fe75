#include "JobCommitter.h"

#include "Log.h"

JobCommitter::JobCommitter(Store& store) : m_store(store) {}

qint64 JobCommitter::commit(const StoredJob& job, const QByteArray& thumbnailPng,
                            const std::function<QByteArray(qint64 id)>& wrapKey)
{
    Waiting me{Store::JobCommit{job, thumbnailPng, wrapKey}};
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
        const QList<qint64> ids = m_store.commitJobs(items);
        if (batch.size() > 1)
            qCDebug(lcIngest) << batch.size() << "jobs committed in one transaction";
        lock.lock();
        for (size_t i = 0; i < batch.size(); ++i) {
            batch[i]->id = ids.value(static_cast<qsizetype>(i), 0);
            batch[i]->done = true;
        }
        m_committing = false;
        m_committed.notify_all();
    }
    return me.id;
}
