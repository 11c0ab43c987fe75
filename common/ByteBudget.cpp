#include "ByteBudget.h"

bool ByteBudget::tryTake(std::int64_t n)
{
    if (n <= 0)
        return n == 0;
    // Compare and swap rather than add-then-undo: an add that is undone would, for a moment, make a
    // concurrent request that fits look as if it did not.
    std::int64_t used = m_used.load(std::memory_order_relaxed);
    do {
        if (n > m_limit - used)
            return false;
    } while (!m_used.compare_exchange_weak(used, used + n, std::memory_order_relaxed));
    return true;
}

void ByteBudget::give(std::int64_t n)
{
    if (n > 0)
        m_used.fetch_sub(n, std::memory_order_relaxed);
}

bool ByteBudgetShare::grow(std::int64_t n)
{
    if (!m_budget.tryTake(n))
        return false;
    m_size += n;
    return true;
}

void ByteBudgetShare::release()
{
    m_budget.give(m_size);
    m_size = 0;
}
