#pragma once
#include <atomic>
#include <cstdint>

/// A number of bytes shared by many holders (all request bodies buffered in memory, all documents
/// kept in memory for inspection): a holder takes a share before it uses the memory and gives it
/// back after. A share that would go over the limit is refused, and nothing is taken. Thread-safe.
/// Plain C++ (no Qt).
class ByteBudget
{
public:
    explicit ByteBudget(std::int64_t limit) : m_limit(limit) {}
    ByteBudget(const ByteBudget&) = delete;
    ByteBudget& operator=(const ByteBudget&) = delete;

    /// Takes `n` bytes when they fit under the limit; returns false, taking nothing, when they do not.
    /// A refused request never counts, even for a moment, against anyone else's.
    [[nodiscard]] bool tryTake(std::int64_t n);
    /// Gives back `n` bytes taken before.
    void give(std::int64_t n);
    /// The bytes taken and not given back.
    std::int64_t used() const { return m_used.load(std::memory_order_relaxed); }
    std::int64_t limit() const { return m_limit; }

private:
    const std::int64_t m_limit;
    std::atomic<std::int64_t> m_used{0};
};

/// One holder's share of a ByteBudget, grown as its memory grows and given back whole when it is
/// released or destroyed.
class ByteBudgetShare
{
public:
    explicit ByteBudgetShare(ByteBudget& budget) : m_budget(budget) {}
    ~ByteBudgetShare() { release(); }
    ByteBudgetShare(const ByteBudgetShare&) = delete;
    ByteBudgetShare& operator=(const ByteBudgetShare&) = delete;

    /// Grows the share by `n` bytes; returns false, leaving the share as it was, when the budget
    /// cannot spare them.
    [[nodiscard]] bool grow(std::int64_t n);
    /// Gives the whole share back.
    void release();
    /// The bytes this share holds.
    std::int64_t size() const { return m_size; }

private:
    ByteBudget& m_budget;
    std::int64_t m_size = 0;
};
