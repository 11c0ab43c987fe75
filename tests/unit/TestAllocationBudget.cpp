// AllocationBudget: the heap and CPU time one piece of work may take, counted at each operator new and
// enforced by refusing the allocation past a limit (issue 14: qpdf parsing what a PDF makes it parse).
#include "AllocationBudget.h"
#include "TestData.h"

#include <QTest>
#include <qpdf/QPDF.hh>

#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

namespace {

constexpr std::size_t KiB = 1024;
constexpr std::size_t MiB = 1024 * KiB;

/// Allocates `bytes` with operator new (a vector's buffer), so the budget sees it.
std::unique_ptr<std::vector<char>> allocate(std::size_t bytes)
{
    return std::make_unique<std::vector<char>>(bytes, 'x');
}

/// Allocates a block in its destructor, as some destructors do while an exception unwinds.
struct AllocatesWhenDestroyed
{
    ~AllocatesWhenDestroyed() { allocate(2 * MiB); }
};

} // namespace

class TestAllocationBudget : public QObject
{
    Q_OBJECT

private slots:
    void countsAndRefusesPastTheLimit()
    {
        AllocationBudget budget(MiB, 60);
        const AllocationBudget::Scope scope(budget);
        auto first = allocate(512 * KiB);
        QVERIFY(budget.used() >= static_cast<std::ptrdiff_t>(512 * KiB));
        QVERIFY_THROWS_EXCEPTION(AllocationBudget::Exceeded, allocate(768 * KiB));
        QVERIFY(budget.exceeded());
        QVERIFY(budget.outOfMemory());
        QVERIFY(!budget.outOfTime());
        // What is freed can be allocated again: the budget is what is held, not what was ever taken.
        first.reset();
        QVERIFY(budget.used() < static_cast<std::ptrdiff_t>(64 * KiB));
        auto second = allocate(768 * KiB);
        QVERIFY(budget.peak() <= MiB);
        QVERIFY(budget.peak() >= 768 * KiB);
    }

    void nothrowNewReturnsNull()
    {
        AllocationBudget budget(MiB, 60);
        const AllocationBudget::Scope scope(budget);
        char* p = new (std::nothrow) char[2 * MiB];
        QCOMPARE(p, nullptr);
        QVERIFY(budget.outOfMemory());
    }

    void countsOnlyWhileInstalled()
    {
        AllocationBudget budget(MiB, 60);
        {
            const AllocationBudget::Scope scope(budget);
            auto small = allocate(100 * KiB);
        }
        const std::ptrdiff_t used = budget.used();
        auto big = allocate(8 * MiB); // no scope installed: not counted, not refused
        QCOMPARE(budget.used(), used);
        QVERIFY(!budget.exceeded());
    }

    // An allocation counts against every budget installed; the first whose limit it passes is marked.
    void nests()
    {
        AllocationBudget outer(8 * MiB, 60);
        const AllocationBudget::Scope outerScope(outer);
        auto held = allocate(MiB);
        {
            AllocationBudget inner(2 * MiB, 60);
            const AllocationBudget::Scope innerScope(inner);
            QVERIFY_THROWS_EXCEPTION(AllocationBudget::Exceeded, allocate(3 * MiB));
            QVERIFY(inner.outOfMemory());
            QVERIFY(!outer.exceeded());
            auto more = allocate(MiB);
            QVERIFY(inner.used() >= static_cast<std::ptrdiff_t>(MiB));
            QVERIFY(outer.used() >= static_cast<std::ptrdiff_t>(2 * MiB));
        }
        {
            AllocationBudget roomier(64 * MiB, 60);
            const AllocationBudget::Scope roomierScope(roomier);
            QVERIFY_THROWS_EXCEPTION(AllocationBudget::Exceeded, allocate(9 * MiB)); // past the outer
            QVERIFY(outer.outOfMemory());
            QVERIFY(!roomier.exceeded());
        }
        auto after = allocate(6 * MiB); // within the outer's limit again
        QVERIFY(outer.used() >= static_cast<std::ptrdiff_t>(7 * MiB));
    }

    void refusesOnceTheCpuTimeIsSpent()
    {
        AllocationBudget budget(1024 * MiB, 0.05);
        bool thrown = false;
        {
            const AllocationBudget::Scope scope(budget);
            try {
                // Small allocations with some work between them, as a parser does, until refused.
                for (long i = 0; i < 100'000'000; ++i) {
                    auto s = std::make_unique<std::string>(64, 'x');
                    volatile long sink = 0;
                    for (int spin = 0; spin < 1000; ++spin)
                        sink = sink + spin;
                }
            } catch (const AllocationBudget::Exceeded&) {
                thrown = true;
            }
        }
        QVERIFY2(thrown, "never refused");
        QVERIFY(budget.outOfTime());
        QVERIFY(!budget.outOfMemory());
        QVERIFY(budget.seconds() >= 0.05);
    }

    // While an exception unwinds, a destructor's allocation past the limit is let through: refusing it
    // would end the program (std::terminate).
    void nothingIsThrownWhileUnwinding()
    {
        AllocationBudget budget(MiB, 60);
        bool caught = false;
        {
            const AllocationBudget::Scope scope(budget);
            try {
                AllocatesWhenDestroyed guard;
                throw std::runtime_error("unwind");
            } catch (const std::runtime_error&) {
                caught = true;
            }
        }
        QVERIFY(caught);
        QVERIFY(!budget.exceeded());
    }

    // qpdf itself, parsing a page whose dictionary holds a million integers (262 MB in qpdf unbounded),
    // is stopped at the limit; the memory it held is freed as it unwinds. (qpdf may catch the failure
    // and give a null object instead: the budget says what happened.)
    void stopsQpdfAtTheLimit()
    {
        QByteArray ints("[");
        ints += QByteArray("12345 ").repeated(1'000'000);
        ints += "]";
        const QByteArray pdf = TestData::pdfFromObjects(
            {"<< /Type /Catalog /Pages 2 0 R >>", "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
             "<< /Type /Page /MediaBox [0 0 300 800] /Foo " + ints + " >>"});
        ints.clear();
        const qint64 before = TestData::procSelfNumber("status", "VmHWM");
        AllocationBudget budget(32 * MiB, 60);
        bool parsed = false;
        std::optional<QPDF> q; // destroyed after the scope, as PdfPageTree does
        {
            const AllocationBudget::Scope scope(budget);
            try {
                q.emplace();
                q->setSuppressWarnings(true);
                q->processMemoryFile("test", pdf.constData(), static_cast<size_t>(pdf.size()));
                parsed =
                    q->getRoot().getKey("/Pages").getKey("/Kids").getArrayItem(0).getKey("/Foo").isArray();
            } catch (const std::exception&) {
            }
        }
        q.reset();
        const qint64 grew = TestData::procSelfNumber("status", "VmHWM") - before;
        QVERIFY(!parsed);
        QVERIFY(budget.outOfMemory());
        QVERIFY(budget.peak() <= 32 * MiB);
        QVERIFY(budget.used() < static_cast<std::ptrdiff_t>(MiB));
        QVERIFY2(grew < 48 * 1024, qPrintable(QStringLiteral("peak grew by %1 KiB").arg(grew)));
    }
};

QTEST_GUILESS_MAIN(TestAllocationBudget)
#include "TestAllocationBudget.moc"
