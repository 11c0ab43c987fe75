#pragma once
#include <QString>

#include <chrono>
#include <condition_variable>
#include <mutex>

/// A counting semaphore around Argon2id checks: at most `capacity` run at once, so a flood of sign-ins
/// (each check takes 19 MiB) costs at most capacity x 19 MiB. A check that cannot get a slot within
/// `wait` is refused (the caller answers "busy"). Thread-safe.
class PasswordCheckPool
{
public:
    /// Counters for /healthz and the benchmarks.
    struct Stats
    {
        int capacity = 0;
        int inUse = 0;
        int peak = 0;        ///< most checks ever running at once
        quint64 checks = 0;  ///< checks that got a slot
        quint64 refused = 0; ///< checks refused after waiting
    };

    /// Holds one slot while alive (see tryAcquire()).
    class Slot
    {
    public:
        Slot() = default;
        Slot(Slot&& other) noexcept : m_pool(other.m_pool) { other.m_pool = nullptr; }
        Slot& operator=(Slot&&) = delete;
        Slot(const Slot&) = delete;
        ~Slot();
        /// True when a slot is held.
        explicit operator bool() const { return m_pool != nullptr; }

    private:
        friend class PasswordCheckPool;
        explicit Slot(PasswordCheckPool* pool) : m_pool(pool) {}
        PasswordCheckPool* m_pool = nullptr;
    };

    /// `capacity` <= 0 means one per processor core.
    PasswordCheckPool(int capacity, std::chrono::milliseconds wait);

    /// Waits up to the pool's wait for a free slot; returns a held Slot, or an empty one when all
    /// capacity stayed taken.
    [[nodiscard]] Slot tryAcquire();
    /// Returns a copy of the counters.
    Stats stats() const;

private:
    void release();

    mutable std::mutex m_mutex;
    std::condition_variable m_freed;
    std::chrono::milliseconds m_wait;
    Stats m_stats;
};
