// mps-server's free() and realloc() wipe every heap block before malloc takes it back
// (server/WipeOnFree.cpp): a freed block, read back through /proc/self/mem (which reads memory
// without touching it as an object), no longer holds what it held. Linked like mps-server: without
// WipeOnFree.cpp the blocks of up to 1,032 bytes keep all but their first 16 bytes, and larger ones
// all but their first 16 to 32, and the heap blocks' rows here fail. Blocks malloc maps for themselves
// are unmapped, not wiped: wiping one would make every page of it resident (session 42).
#include <QByteArray>
#include <QTest>

#include <cstdlib>
#include <cstring>
#include <fcntl.h>
#include <malloc.h>
#include <memory>
#include <string>
#include <sys/resource.h>
#include <unistd.h>
#include <vector>

// The test keeps the address of a block it freed, as a number, to read there through /proc/self/mem.
#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC diagnostic ignored "-Wuse-after-free"
#endif

namespace {

constexpr char Marker[] = "MPS-WIPE-MARK-";
constexpr std::size_t MarkerLen = sizeof Marker - 1;

/// Fills `n` bytes at `at` with repeated markers.
void mark(void* at, std::size_t n)
{
    auto* p = static_cast<char*>(at);
    for (std::size_t i = 0; i < n; ++i)
        p[i] = Marker[i % MarkerLen];
}

/// A new block of `n` bytes from malloc(), full of markers (null when malloc() fails).
char* markedBlock(std::size_t n)
{
    auto* block = static_cast<char*>(std::malloc(n));
    if (block)
        mark(block, n);
    return block;
}

/// Whether the first `n` bytes at `p` are still what mark() wrote there.
bool stillMarked(const char* p, std::size_t n)
{
    for (std::size_t i = 0; i < n; ++i) {
        if (p[i] != Marker[i % MarkerLen])
            return false;
    }
    return true;
}

/// How many whole markers the `n` bytes at address `at` hold now, read through /proc/self/mem; -1 when
/// the memory is gone (a block malloc gave back to the system).
int markersAt(std::uintptr_t at, std::size_t n)
{
    const int fd = ::open("/proc/self/mem", O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return -2;
    std::string bytes(n, '\0');
    const ssize_t got = ::pread(fd, bytes.data(), n, static_cast<off_t>(at));
    ::close(fd);
    if (got != static_cast<ssize_t>(n))
        return -1;
    int count = 0;
    for (std::size_t i = bytes.find(Marker, 0, MarkerLen); i != std::string::npos;
         i = bytes.find(Marker, i + MarkerLen, MarkerLen))
        ++count;
    return count;
}

/// This process's peak resident memory so far, in KiB.
long peakKib()
{
    rusage usage{};
    ::getrusage(RUSAGE_SELF, &usage);
    return usage.ru_maxrss;
}

} // namespace

class TestWipeOnFree : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void aFreedBlockIsWiped_data()
    {
        QTest::addColumn<int>("size");
        // The thread cache's sizes, the arena's small and large bins, up to glibc's default mmap threshold.
        for (const int size : {24, 200, 1000, 1032, 1100, 5000, 64 * 1024})
            QTest::addRow("%d bytes", size) << size;
    }

    void aFreedBlockIsWiped()
    {
        QFETCH(int, size);
        char* block = markedBlock(static_cast<std::size_t>(size));
        QVERIFY(block);
        const auto at = reinterpret_cast<std::uintptr_t>(block);
        QVERIFY(markersAt(at, static_cast<std::size_t>(size)) >= size / int(MarkerLen) - 1);
        std::free(block);
        QCOMPARE(markersAt(at, static_cast<std::size_t>(size)), 0);
    }

    void aBlockMappedForItselfIsGivenBack()
    {
        // Larger than glibc's largest mmap threshold (32 MiB): mapped for it alone, and unmapped when
        // freed, so nothing of it is left to read.
        constexpr std::size_t Size = 40u << 20;
        char* block = markedBlock(Size);
        QVERIFY(block);
        const auto at = reinterpret_cast<std::uintptr_t>(block);
        QVERIFY(markersAt(at, 4096) > 0);
        std::free(block);
        QCOMPARE(markersAt(at, 4096), -1);
    }

    void aMappedBlockThatGrowsLeavesNothingBehind()
    {
        constexpr std::size_t Before = 40u << 20;
        char* block = markedBlock(Before);
        QVERIFY(block);
        const auto at = reinterpret_cast<std::uintptr_t>(block);
        void* keepNeighbour = std::malloc(Before); // mapped too, perhaps right after it
        QVERIFY(keepNeighbour);
        char* grown = static_cast<char*>(std::realloc(block, 2 * Before));
        QVERIFY(grown);
        QVERIFY(stillMarked(grown, Before));
        // Moved, the old place holds nothing of it any more (unmapped, or part of another mapping).
        if (reinterpret_cast<std::uintptr_t>(grown) != at)
            QVERIFY(markersAt(at, Before) <= 0);
        std::free(grown);
        std::free(keepNeighbour);
    }

    void anUntouchedMappedBlockIsNotMadeResident()
    {
        // A large calloc() is mapped and left untouched (the kernel's pages are zero): libcups makes one
        // of the line length a raster page header declares, up to 4 GiB. Wiping it when freed would
        // write every page of it; it is unmapped instead.
        constexpr std::size_t Size = 512u << 20;
        const long before = peakKib();
        void* block = std::calloc(Size, 1);
        QVERIFY(block);
        std::free(block);
        const long grown = peakKib() - before;
        QVERIFY2(grown < 32 * 1024, qPrintable(QStringLiteral("peak grew by %1 KiB").arg(grown)));
    }

    void aBlockThatGrowsLeavesNothingBehind()
    {
        // realloc() moves a block that cannot grow where it is; the old one is wiped, the new one has
        // everything.
        constexpr std::size_t Before = 3000;
        constexpr std::size_t After = 100000;
        char* block = markedBlock(Before);
        const auto at = reinterpret_cast<std::uintptr_t>(block);
        QVERIFY(block);
        void* keepNeighbour = std::malloc(64); // so that the block cannot grow in place
        char* grown = static_cast<char*>(std::realloc(block, After));
        QVERIFY(grown);
        QVERIFY(reinterpret_cast<std::uintptr_t>(grown) != at);
        QCOMPARE(markersAt(at, Before), 0);
        QVERIFY(stillMarked(grown, Before));
        std::free(grown);
        std::free(keepNeighbour);
    }

    void aBlockThatShrinksKeepsItsStartOnly()
    {
        constexpr std::size_t Before = 8000;
        constexpr std::size_t After = 100;
        char* block = markedBlock(Before);
        const auto at = reinterpret_cast<std::uintptr_t>(block);
        QVERIFY(block);
        char* shrunk = static_cast<char*>(std::realloc(block, After));
        QCOMPARE(reinterpret_cast<std::uintptr_t>(shrunk), at); // in place
        QVERIFY(stillMarked(shrunk, After));
        // Beyond what it keeps (rounded up to malloc's granule), nothing of it is left.
        const std::size_t kept = ::malloc_usable_size(shrunk);
        QCOMPARE(markersAt(at + kept, Before - kept), 0);
        std::free(shrunk);
    }

    void librariesFreeThroughIt()
    {
        // C++'s delete (libstdc++'s operator delete calls free) and Qt's containers (QByteArray grows
        // with realloc) are other libraries' calls, bound to the program's free() and realloc().
        auto* vector = new std::vector<char>(4000);
        mark(vector->data(), vector->size());
        const auto vectorAt = reinterpret_cast<std::uintptr_t>(vector->data());
        delete vector;
        QCOMPARE(markersAt(vectorAt, 4000), 0);

        QByteArray bytes(2000, Qt::Uninitialized);
        mark(bytes.data(), 2000);
        const auto bytesAt = reinterpret_cast<std::uintptr_t>(bytes.constData());
        void* keepNeighbour = std::malloc(64);
        bytes.reserve(200000); // moves
        QVERIFY(reinterpret_cast<std::uintptr_t>(bytes.constData()) != bytesAt);
        QCOMPARE(markersAt(bytesAt, 2000), 0);
        std::free(keepNeighbour);
    }
};

QTEST_GUILESS_MAIN(TestWipeOnFree)
#include "TestWipeOnFree.moc"
