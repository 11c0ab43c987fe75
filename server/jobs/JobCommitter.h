#pragma once
#include "Store.h"

#include <condition_variable>
#include <functional>
#include <mutex>
#include <vector>

/// Group commit of received jobs: the rows of jobs that finish arriving at the same time are committed
/// in one SQLite transaction, so that they share one flush of the write-ahead log instead of one each.
/// The first caller commits at once (no added wait for a single upload); callers that arrive while it
/// flushes wait and are committed together by the next one of them. Thread-safe.
class JobCommitter
{
public:
    /// Commits through `store`, which must outlive this object.
    explicit JobCommitter(Store& store);

    /// Makes `job` whole and held (Store::commitJobs) together with whatever other jobs are waiting;
    /// returns once its row is durable: the job's id, or 0 when it was not committed (its receiving row
    /// is gone or the transaction failed). A job with id 0 is inserted and its key wrapped by `wrapKey`
    /// for the id it gets. The job's spool file must already be committed (Spool::commit).
    [[nodiscard]] qint64 commit(const StoredJob& job, const QByteArray& thumbnailPng,
                                const std::function<QByteArray(qint64 id)>& wrapKey = {});

private:
    struct Waiting
    {
        Store::JobCommit item;
        bool done = false;
        qint64 id = 0;
    };

    Store& m_store;
    std::mutex m_mutex;
    std::condition_variable m_committed;
    std::vector<Waiting*> m_waiting;
    bool m_committing = false;
};
