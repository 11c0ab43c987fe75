// DeferredCancel: mps-scan-helper's own pthread_setcanceltype, which SANE's backends bind to. Their
// reader threads ask for asynchronous cancellation and are cancelled at the end of each page; one
// cancelled inside malloc or free kept its lock, and the scan hung (TestSaneScanner, now and then under
// load). Here the real test backend, through the real libsane, scans a page in a program linked like the
// helper: the backend's request must reach DeferredCancel and be made deferred.
#include "DeferredCancel.h"
#include "SaneDevice.h"
#include "SaneTestBackend.h"

#include <QTemporaryDir>
#include <QTest>
#include <QThread>

#include <pthread.h>

class TestDeferredCancel : public QObject
{
    Q_OBJECT
private:
    QTemporaryDir m_config;

private Q_SLOTS:
    void initTestCase() { QVERIFY(useSaneTestBackend(m_config)); }

    void aThreadAskingForAsynchronousCancellationGetsDeferred()
    {
        const int before = DeferredCancel::deferredRequests();
        int got = -1;
        QThread* t = QThread::create([&] {
            pthread_setcanceltype(PTHREAD_CANCEL_ASYNCHRONOUS, nullptr);
            // Asking again tells what is in effect.
            pthread_setcanceltype(PTHREAD_CANCEL_DEFERRED, &got);
        });
        t->start();
        QVERIFY(t->wait(10000));
        delete t;
        QCOMPARE(got, int(PTHREAD_CANCEL_DEFERRED));
        QCOMPARE(DeferredCancel::deferredRequests(), before + 1);
    }

    void theTestBackendsReaderThreadsAreDeferred()
    {
        const int before = DeferredCancel::deferredRequests();
        SaneDevice device(QStringLiteral("test"), nullptr);
        SaneScanner::Request r;
        r.source = SaneScanner::Source::Feeder;
        r.mode = SaneScanner::Mode::Gray;
        r.resolution = 75;
        r.maxPages = 3;
        int pages = 0;
        QVERIFY2(device.scan(r, [&](const QImage& image, int) { pages += image.isNull() ? 0 : 1; }),
                 qPrintable(device.errorCode()));
        device.endScan();
        QCOMPARE(pages, 3);
        // One reader thread a page, each asked for asynchronous cancellation (sanei_thread) and was
        // deferred: the backend, loaded by libsane with dlopen(), bound to the helper's function.
        QVERIFY2(DeferredCancel::deferredRequests() - before >= 3,
                 qPrintable(QString::number(DeferredCancel::deferredRequests() - before)));
    }
};

QTEST_GUILESS_MAIN(TestDeferredCancel)
#include "TestDeferredCancel.moc"
