// UploadGate: how many uploads one person may have arriving at once (issue 14: one signed-in person with
// many connections held handler threads and read slots that everyone shares).
#include "UploadGate.h"

#include <QTest>
#include <QThread>

#include <atomic>
#include <vector>

class TestUploadGate : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void upToTheLimitThenRefused()
    {
        UploadGate gate(3);
        std::vector<UploadGate::Pass> passes;
        for (int i = 0; i < 3; ++i) {
            passes.push_back(gate.enter(7));
            QVERIFY(passes.back());
        }
        QCOMPARE(gate.arriving(7), 3);
        QVERIFY(!gate.enter(7));
        QCOMPARE(gate.arriving(7), 3); // a refused one takes no place
        // Someone else is not counted with them.
        const UploadGate::Pass other = gate.enter(8);
        QVERIFY(other);
        QCOMPARE(gate.arriving(8), 1);
        // One that ends gives its place back.
        passes.pop_back();
        QCOMPARE(gate.arriving(7), 2);
        QVERIFY(gate.enter(7)); // a temporary: its place is given back at once
        QCOMPARE(gate.arriving(7), 2);
        passes.clear();
        QCOMPARE(gate.arriving(7), 0);
    }

    void noLimit()
    {
        UploadGate gate(0);
        std::vector<UploadGate::Pass> passes;
        for (int i = 0; i < 100; ++i) {
            passes.push_back(gate.enter(1));
            QVERIFY(passes.back());
        }
        QCOMPARE(gate.arriving(1), 100);
        // A limit set while running counts the uploads already arriving.
        gate.setLimit(4);
        QVERIFY(!gate.enter(1));
        passes.resize(3);
        QVERIFY(gate.enter(1));
    }

    void movedPassKeepsOnePlace()
    {
        UploadGate gate(1);
        UploadGate::Pass a = gate.enter(5);
        UploadGate::Pass b(std::move(a));
        QVERIFY(!a); // NOLINT(bugprone-use-after-move): the moved-from pass holds nothing
        QVERIFY(b);
        QCOMPARE(gate.arriving(5), 1);
    }

    void manyThreadsNeverPassTheLimit()
    {
        UploadGate gate(4);
        std::atomic<int> inside{0};
        std::atomic<int> most{0};
        std::atomic<int> refused{0};
        QList<QThread*> threads;
        for (int t = 0; t < 8; ++t) {
            threads.append(QThread::create([&] {
                for (int i = 0; i < 2000; ++i) {
                    const UploadGate::Pass pass = gate.enter(42);
                    if (!pass) {
                        ++refused;
                        continue;
                    }
                    const int now = ++inside;
                    int seen = most.load();
                    while (now > seen && !most.compare_exchange_weak(seen, now)) {
                    }
                    --inside;
                }
            }));
            threads.last()->start();
        }
        for (QThread* t : threads) {
            QVERIFY(t->wait(30000));
            delete t;
        }
        QVERIFY(most.load() <= 4);
        QVERIFY(most.load() >= 1);
        QCOMPARE(gate.arriving(42), 0);
        qInfo() << "most at once:" << most.load() << "refused:" << refused.load();
    }
};

QTEST_GUILESS_MAIN(TestUploadGate)
#include "TestUploadGate.moc"
