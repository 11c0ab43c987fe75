#include "AllocationBudget.h"

#include <malloc.h>
#include <time.h>

#include <cstdlib>
#include <exception>

namespace {

/// The innermost budget installed on this thread (each links to the one before it).
thread_local AllocationBudget* t_budget = nullptr;
/// Allocations on this thread since its CPU time was last read.
thread_local unsigned t_sinceClock = 0;

/// Returns this thread's CPU time in nanoseconds.
long long threadCpuNs() noexcept
{
    timespec t{};
    ::clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
    return static_cast<long long>(t.tv_sec) * 1'000'000'000LL + t.tv_nsec;
}

/// Work that held more than this at its peak gives its freed memory back when it ends.
constexpr std::ptrdiff_t TrimAbove = 32 * 1024 * 1024;

} // namespace

const char* AllocationBudget::Exceeded::what() const noexcept
{
    return "the memory or CPU time budget of this piece of work is spent";
}

AllocationBudget::AllocationBudget(std::size_t bytes, double cpuSeconds)
    : m_limit(static_cast<std::ptrdiff_t>(bytes)), m_cpuLimitNs(static_cast<long long>(cpuSeconds * 1e9))
{
}

AllocationBudget::~AllocationBudget()
{
    if (m_peak > TrimAbove)
        ::malloc_trim(0);
}

AllocationBudget::Scope::Scope(AllocationBudget& budget) : m_budget(budget)
{
    m_budget.m_outer = t_budget;
    m_budget.m_scopeStart = threadCpuNs();
    t_budget = &m_budget;
}

AllocationBudget::Scope::~Scope()
{
    m_budget.m_cpuNs += threadCpuNs() - m_budget.m_scopeStart;
    t_budget = m_budget.m_outer;
    m_budget.m_outer = nullptr;
}

bool AllocationBudget::take(std::size_t bytes) noexcept
{
    // While an exception unwinds, a destructor may allocate: refusing then would end the program.
    if (std::uncaught_exceptions() > 0)
        return true;
    const auto n = static_cast<std::ptrdiff_t>(bytes);
    const bool readClock = (++t_sinceClock & 1023) == 0;
    const long long now = readClock ? threadCpuNs() : 0;
    for (AllocationBudget* b = t_budget; b; b = b->m_outer) {
        if (b->m_used + n > b->m_limit) {
            b->m_outOfMemory = true;
            return false;
        }
        if (readClock && b->m_cpuNs + (now - b->m_scopeStart) > b->m_cpuLimitNs) {
            b->m_outOfTime = true;
            return false;
        }
    }
    for (AllocationBudget* b = t_budget; b; b = b->m_outer) {
        b->m_used += n;
        if (b->m_used > b->m_peak)
            b->m_peak = b->m_used;
    }
    return true;
}

void AllocationBudget::give(std::size_t bytes) noexcept
{
    for (AllocationBudget* b = t_budget; b; b = b->m_outer)
        b->m_used -= static_cast<std::ptrdiff_t>(bytes);
}

// The program's operator new and delete (replacing the standard library's, as the standard allows):
// malloc and free as before, counted against the thread's budget while one is installed. The nothrow,
// sized and array forms are replaced too (AddressSanitizer's own would pair its allocations with this
// free); aligned ones are not counted.

void* operator new(std::size_t size)
{
    void* p = std::malloc(size ? size : 1);
    if (!p)
        throw std::bad_alloc();
    if (t_budget && !AllocationBudget::take(malloc_usable_size(p))) {
        std::free(p);
        throw AllocationBudget::Exceeded();
    }
    return p;
}

void* operator new[](std::size_t size)
{
    return ::operator new(size);
}

void operator delete(void* p) noexcept
{
    if (p && t_budget)
        AllocationBudget::give(malloc_usable_size(p));
    std::free(p);
}

void operator delete[](void* p) noexcept
{
    ::operator delete(p);
}

void operator delete(void* p, std::size_t) noexcept
{
    ::operator delete(p);
}

void operator delete[](void* p, std::size_t) noexcept
{
    ::operator delete(p);
}

void* operator new(std::size_t size, const std::nothrow_t&) noexcept
{
    try {
        return ::operator new(size);
    } catch (...) {
        return nullptr;
    }
}

void* operator new[](std::size_t size, const std::nothrow_t&) noexcept
{
    return ::operator new(size, std::nothrow);
}

void operator delete(void* p, const std::nothrow_t&) noexcept
{
    ::operator delete(p);
}

void operator delete[](void* p, const std::nothrow_t&) noexcept
{
    ::operator delete(p);
}
