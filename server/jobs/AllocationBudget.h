#pragma once
#include <cstddef>
#include <new>

/// How much heap memory and CPU time one piece of work may take, counted as it allocates and enforced by
/// failing the allocation that would pass either limit.
///
/// qpdf keeps every object it parses, at 25 to 350 bytes for each token of the file (an array of a
/// million integers, 6 MB of file, is 262 MB in qpdf; a dictionary of a million keys, 11 MB, 700 MB), and
/// parses ~2.5 us a token (a 60 MB array, 24 s). Which objects a walk of the page tree or of a page's
/// resources parses is up to the file, and no count of the file's bytes or tokens bounds that without
/// refusing real documents (a tagged 750-page one holds 3 million tokens, of which qpdf parses what it
/// walks: 34 MB). So the memory and the time themselves are counted: while a Scope is installed on a
/// thread, every operator new and delete on that thread (the program's replacement of them, in
/// AllocationBudget.cpp) adds or takes the block's size to or from the budget, every 1024th allocation
/// reads the thread's CPU time, and an allocation that would take the budget past its bytes, or comes
/// after its seconds, throws Exceeded (a std::bad_alloc) instead. qpdf unwinds and its caller's catch sees
/// a failure; exceeded() tells it why.
///
/// Nothing is thrown while an exception is unwinding (a destructor allocating then is let through), and
/// the work's objects should be destroyed after its Scope has ended (a destructor cannot throw).
/// Allocations by malloc() itself (C libraries, Qt's containers) are not counted: the budget is for C++
/// libraries such as qpdf. A block freed on another thread than the one that allocated it is not taken
/// back. Budgets nest: an allocation counts against every budget installed on the thread.
class AllocationBudget
{
public:
    /// What operator new throws past a limit.
    struct Exceeded : std::bad_alloc
    {
        const char* what() const noexcept override;
    };

    /// Installs a budget on the current thread for as long as it lives (scopes are LIFO per thread); the
    /// thread's CPU time while it is installed counts against the budget's seconds.
    class Scope
    {
    public:
        explicit Scope(AllocationBudget& budget);
        ~Scope();
        Scope(const Scope&) = delete;
        Scope& operator=(const Scope&) = delete;

    private:
        AllocationBudget& m_budget;
    };

    /// A budget of `bytes` of heap and `cpuSeconds` of the thread's CPU time, none used.
    AllocationBudget(std::size_t bytes, double cpuSeconds);
    /// Gives the memory freed back to the system (malloc_trim) when the work held much at its peak:
    /// glibc keeps a thread's freed blocks for it otherwise.
    ~AllocationBudget();
    AllocationBudget(const AllocationBudget&) = delete;
    AllocationBudget& operator=(const AllocationBudget&) = delete;

    /// Returns true once an allocation was refused for this budget (outOfMemory() or outOfTime()).
    bool exceeded() const { return m_outOfMemory || m_outOfTime; }
    /// Returns true once an allocation was refused because it would pass the bytes.
    bool outOfMemory() const { return m_outOfMemory; }
    /// Returns true once an allocation was refused because the seconds were spent.
    bool outOfTime() const { return m_outOfTime; }
    /// Returns the most bytes held at once while installed.
    std::size_t peak() const { return static_cast<std::size_t>(m_peak); }
    /// Returns the bytes held now (allocated minus freed while installed; may be negative).
    std::ptrdiff_t used() const { return m_used; }
    /// Returns the CPU seconds spent while installed (until the current Scope's start, if installed).
    double seconds() const { return static_cast<double>(m_cpuNs) / 1e9; }

    /// Counts a block of `bytes` just allocated on this thread; false (nothing counted, the budget
    /// marked) when it passes the bytes or seconds of a budget installed. For operator new.
    static bool take(std::size_t bytes) noexcept;
    /// Counts a block of `bytes` about to be freed on this thread. For operator delete.
    static void give(std::size_t bytes) noexcept;

private:
    std::ptrdiff_t m_limit;
    long long m_cpuLimitNs;
    std::ptrdiff_t m_used = 0;
    std::ptrdiff_t m_peak = 0;
    long long m_cpuNs = 0;      // CPU time of ended scopes
    long long m_scopeStart = 0; // the thread's CPU time when the current scope began
    bool m_outOfMemory = false;
    bool m_outOfTime = false;
    AllocationBudget* m_outer = nullptr; // the budget installed before this one, while installed
};
