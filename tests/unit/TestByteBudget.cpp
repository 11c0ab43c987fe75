// ByteBudget: many holders share a number of bytes; a share that does not fit is refused whole.
#include "ByteBudget.h"

#include <QTest>
#include <atomic>
#include <thread>
#include <vector>

class TestByteBudget : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void takesUpToTheLimit()
    {
        ByteBudget budget(100);
        QVERIFY(budget.tryTake(60));
        QVERIFY(budget.tryTake(40));
        QCOMPARE(budget.used(), 100);
        QVERIFY(!budget.tryTake(1));
        QCOMPARE(budget.used(), 100); // a refusal takes nothing
        budget.give(40);
        QVERIFY(!budget.tryTake(41));
        QVERIFY(budget.tryTake(40));
        QCOMPARE(budget.used(), 100);
    }

    void zeroAndNegative()
    {
        ByteBudget budget(10);
        QVERIFY(budget.tryTake(0));
        QVERIFY(!budget.tryTake(-5));
        budget.give(-5);
        QCOMPARE(budget.used(), 0);
        QVERIFY(!budget.tryTake(11));
        QCOMPARE(budget.used(), 0);
    }

    void shareGivesBackWhatItHolds()
    {
        ByteBudget budget(100);
        {
            ByteBudgetShare a(budget);
            QVERIFY(a.grow(30));
            QVERIFY(a.grow(30));
            QCOMPARE(a.size(), 60);
            ByteBudgetShare b(budget);
            QVERIFY(b.grow(40));
            QVERIFY(!b.grow(1));
            QCOMPARE(b.size(), 40); // unchanged by the refusal
            QCOMPARE(budget.used(), 100);
            a.release();
            QCOMPARE(a.size(), 0);
            QCOMPARE(budget.used(), 40);
            a.release(); // twice gives back nothing more
            QCOMPARE(budget.used(), 40);
            QVERIFY(a.grow(60));
        }
        QCOMPARE(budget.used(), 0); // both shares went with their scope
    }

    // Threads taking and giving back in turn never see the budget over its limit, never lose a byte,
    // and a request that fits is never refused because another one was being refused at that moment.
    void concurrentHoldersStayWithinTheLimit()
    {
        constexpr int Threads = 8;
        constexpr int Rounds = 20000;
        ByteBudget budget(Threads * 10);
        std::atomic<bool> over{false};
        std::atomic<int> refusedFitting{0};
        std::vector<std::thread> threads;
        for (int t = 0; t < Threads; ++t) {
            threads.emplace_back([&, t] {
                for (int i = 0; i < Rounds; ++i) {
                    // Each thread's 10 bytes always fit (the limit is Threads * 10); the odd threads also
                    // ask for more than the whole budget, which must be refused without side effects.
                    if (t % 2 == 1 && budget.tryTake(budget.limit() + 1))
                        over = true;
                    if (!budget.tryTake(10)) {
                        ++refusedFitting;
                        continue;
                    }
                    if (budget.used() > budget.limit())
                        over = true;
                    budget.give(10);
                }
            });
        }
        for (auto& th : threads)
            th.join();
        QVERIFY(!over);
        QCOMPARE(refusedFitting.load(), 0);
        QCOMPARE(budget.used(), 0);
    }
};

QTEST_GUILESS_MAIN(TestByteBudget)
#include "TestByteBudget.moc"
