#pragma once
#include "Store.h"

#include <condition_variable>
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
    /// returns once its row is durable, true when it was committed (false: the row is gone or the
    /// transaction failed). The job's spool file must already be committed (Spool::commit).
    [[nodiscard]] bool commit(const StoredJob& job, const QByteArray& thumbnailPng);

private:
    struct Waiting
    {
        Store::JobCommit item;
        bool done = false;
        bool ok = false;
    };

    Store& m_store;
    std::mutex m_mutex;
    std::condition_variable m_committed;
    std::vector<Waiting*> m_waiting;
    bool m_committing = false;
};
