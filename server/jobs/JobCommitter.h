#pragma once
#include "Store.h"

#include <condition_variable>
#include <functional>
#include <memory>
#include <mutex>
#include <thread>
#include <vector>

/// Group commit of received jobs on its own thread: the rows of jobs that finish arriving at the same
/// time are committed in one SQLite transaction, so that they share one flush of the write-ahead log
/// instead of one each. A batch starts as soon as the thread is free (no added wait for a single
/// upload); rows that arrive while it flushes go together into the next one. Because the commit runs on
/// this thread, the caller can flush the job's spool file meanwhile (submit(), then wait()): the two
/// flushes overlap. Such a row is committed marked "spool file not yet durable"; once the caller knows
/// the file is on disk it says so (spoolSynced()) and the mark is cleared in a later batch, or after a
/// second without uploads, or at shutdown (never an extra flush on the acknowledgement path).
/// Thread-safe.
class JobCommitter
{
public:
    /// Commits through `store`, which must outlive this object; starts the commit thread.
    explicit JobCommitter(Store& store);
    /// Clears the marks still pending, then stops the thread.
    ~JobCommitter();
    JobCommitter(const JobCommitter&) = delete;
    JobCommitter& operator=(const JobCommitter&) = delete;

    /// One row on its way to the database (from submit()).
    struct Ticket;

    /// Queues `job` to be made whole and held (Store::commitJobs) with whatever else is waiting and
    /// returns at once. A job with id 0 is inserted and its key wrapped by `wrapKey` for the id it gets.
    /// `spoolUnsynced`: the job's spool file is still being flushed (Spool::publish() done,
    /// Spool::flush() not yet): the row is marked until spoolSynced(). Otherwise the file must already
    /// be durable (Spool::commit()).
    [[nodiscard]] std::shared_ptr<Ticket> submit(const StoredJob& job, const QByteArray& thumbnailPng,
                                                 const std::function<QByteArray(qint64 id)>& wrapKey,
                                                 bool spoolUnsynced);
    /// Waits until the ticket's row is durable: the job's id, or 0 when it was not committed (its
    /// receiving row is gone or the transaction failed).
    [[nodiscard]] qint64 wait(const std::shared_ptr<Ticket>& ticket);
    /// submit() of a job whose file is already durable, then wait().
    [[nodiscard]] qint64 commit(const StoredJob& job, const QByteArray& thumbnailPng,
                                const std::function<QByteArray(qint64 id)>& wrapKey = {});
    /// The spool file of committed job `jobId` is durable now: its mark is cleared with a later batch.
    void spoolSynced(qint64 jobId);

private:
    void run();

    Store& m_store;
    std::mutex m_mutex;
    std::condition_variable m_wake;
    std::condition_variable m_committed;
    std::vector<std::shared_ptr<Ticket>> m_waiting;
    QList<qint64> m_synced; ///< marks to clear with the next batch
    bool m_stop = false;
    std::thread m_thread;
};
