// JobService: ingest, ownership, delete, expiry with an injected clock, crash reconciliation.
#include "Database.h"
#include "EventBus.h"
#include "JobService.h"
#include "ManualClock.h"
#include "Spool.h"
#include "SpoolCipher.h"
#include "Store.h"
#include "TestData.h"

#include <QDir>
#include <QJsonArray>
#include <QTemporaryDir>
#include <QTest>
#include <unistd.h>
#include <vector>

namespace {

/// A one-page PDF padded with an unused stream to exactly `size` bytes.
QByteArray paddedPdf(qint64 size)
{
    const auto make = [](qint64 padding) {
        QByteArray pad(padding, 'x');
        for (qint64 i = 0; i < padding; i += 4093)
            pad[i] = char('a' + i % 26);
        return TestData::pdfFromObjects({
            "<< /Type /Catalog /Pages 2 0 R >>",
            "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>",
            "<< /Length " + QByteArray::number(pad.size()) + " >>\nstream\n" + pad + "\nendstream",
        });
    };
    qint64 padding = size / 2;
    QByteArray pdf = make(padding);
    for (int i = 0; i < 4 && pdf.size() != size; ++i)
        pdf = make(padding += size - pdf.size());
    return pdf.size() == size ? pdf : QByteArray();
}

/// A PWG raster of `pages` pages of letter at 100 dpi in grey noise, which run-length coding cannot
/// shrink: about 0.94 MB a page.
QByteArray noiseRaster(unsigned pages)
{
    quint32 seed = 12345;
    return TestData::letterRaster(
        false, pages, "sgray_8", [&seed](unsigned, unsigned, unsigned char* line, unsigned bytes) {
            for (unsigned x = 0; x < bytes; ++x)
                line[x] = static_cast<unsigned char>((seed = seed * 1664525u + 1013904223u) >> 24);
        });
}

} // namespace

class TestJobService : public QObject
{
    Q_OBJECT

    struct Fixture
    {
        QTemporaryDir dir;
        Store store;
        Spool spool;
        EventBus events;
        ManualClock clock;
        SecretKey kek = SecretKey::random();
        SecretKey dbKey = SecretKey::random();
        JobService::Settings settings;
        std::unique_ptr<JobService> jobs;
        UserRecord kim, lee;

        bool init()
        {
            QString err;
            if (!store.open(dir.filePath(QStringLiteral("mps.db")), dbKey) ||
                !spool.open(dir.filePath(QStringLiteral("spool")), &err))
                return false;
            settings.holdSecs = 3600;
            settings.warnBeforeSecs = 600;
            settings.maxDocumentBytes = 1024 * 1024;
            jobs = std::make_unique<JobService>(store, spool, kek, events, clock, settings);
            kim.name = QStringLiteral("kim");
            kim.department = QStringLiteral("Finance");
            lee.name = QStringLiteral("lee");
            lee.department = QStringLiteral("IT");
            return store.addUser(&kim, &err) && store.addUser(&lee, &err);
        }
        IngestResult ingest(const UserRecord& who, const QByteArray& doc, const QString& format,
                            const QString& captureId = QString(), qint64 sizeAtLeast = 0)
        {
            JobInfo meta;
            meta.name = QStringLiteral("doc");
            meta.documentFormat = format;
            qint64 at = 0;
            return jobs->ingest(
                who, meta,
                [&](char* out, qint64 max) {
                    const qint64 n = std::min<qint64>(max, doc.size() - at);
                    memcpy(out, doc.constData() + at, static_cast<size_t>(n));
                    at += n;
                    return n;
                },
                0, captureId, sizeAtLeast);
        }
        /// The stored document of job `id`, decrypted to its authenticated end; empty when it cannot be.
        QByteArray storedDocument(qint64 id)
        {
            const auto job = store.job(id);
            SecretKey key;
            const int fd = job ? jobs->openDocument(*job, &key) : -1;
            if (fd < 0)
                return {};
            SpoolReader reader;
            QByteArray out;
            qint64 n = -1;
            if (reader.open(fd, key)) {
                std::vector<char> buf(64 * 1024);
                while ((n = reader.read(buf.data(), qint64(buf.size()))) > 0)
                    out.append(buf.data(), static_cast<qsizetype>(n));
            }
            ::close(fd);
            return n == 0 ? out : QByteArray();
        }
        int spoolFiles() const
        {
            return QDir(dir.filePath(QStringLiteral("spool"))).entryList(QDir::Files).size();
        }
    };

private Q_SLOTS:
    void initTestCase() { QVERIFY(initCrypto()); }

    // Only the spool's own names become paths: 32 lower-case hex digits and ".job".
    void spoolNames_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<bool>("valid");
        const QString hex = QStringLiteral("0123456789abcdef0123456789abcdef");
        QTest::newRow("spool name") << hex + QStringLiteral(".job") << true;
        QTest::newRow("upper-case hex") << hex.toUpper() + QStringLiteral(".job") << false;
        QTest::newRow("31 digits") << hex.left(31) + QStringLiteral(".job") << false;
        QTest::newRow("33 digits") << hex + QStringLiteral("0.job") << false;
        QTest::newRow("other suffix") << hex + QStringLiteral(".jobs") << false;
        QTest::newRow("no suffix") << hex + QStringLiteral("0000") << false;
        QTest::newRow("letter past f") << QStringLiteral("g") + hex.mid(1) + QStringLiteral(".job") << false;
        QTest::newRow("path") << QStringLiteral("../") + hex.mid(3) + QStringLiteral(".job") << false;
        QTest::newRow("slash inside")
            << hex.left(16) + QStringLiteral("/") + hex.mid(17) + QStringLiteral(".job") << false;
        QTest::newRow("full-width digit")
            << QStringLiteral("\uFF10") + hex.mid(1) + QStringLiteral(".job") << false;
        QTest::newRow("empty") << QString() << false;
    }
    void spoolNames()
    {
        QFETCH(QString, name);
        QFETCH(bool, valid);
        QCOMPARE(Spool::validName(name), valid);
    }

    void ingestAndRead()
    {
        Fixture f;
        QVERIFY(f.init());
        const QByteArray pdf = TestData::readFile(TestData::cupsPdf());
        auto sub = f.events.subscribe(f.kim.id, false);
        const IngestResult r = f.ingest(f.kim, pdf, QStringLiteral("application/pdf"));
        QCOMPARE(int(r.status), int(IngestResult::Status::Ok));
        QCOMPARE(r.job.pages, 1);
        QCOMPARE(r.job.pageSize, QStringLiteral("iso_a4_210x297mm"));
        QCOMPARE(f.spoolFiles(), 1);
        QJsonObject e;
        QVERIFY(sub->wait(&e, std::chrono::milliseconds(100)));
        QCOMPARE(e.value(QLatin1String("type")).toString(), QStringLiteral("job-held"));
        // The stored file decrypts back to the very bytes received.
        QCOMPARE(f.storedDocument(r.job.id), pdf);
        // The thumbnail is rendered after the acknowledgement, on the thumbnail worker.
        f.jobs->waitForThumbnails();
        QVERIFY(!f.jobs->thumbnailFor(f.kim, r.job.id).isEmpty());
    }

    void longDocumentInspectedFromTheSpoolFile()
    {
        // A request that announces a long document (Content-Length, or a chunked body still going after
        // the read-ahead) is not copied into memory for its inspection: it is read back from its
        // encrypted spool file, with the same verdicts.
        Fixture f;
        QVERIFY(f.init());
        const QByteArray pdf = TestData::readFile(TestData::cupsPdf());
        const IngestResult r =
            f.ingest(f.kim, pdf, QStringLiteral("application/pdf"), QString(), 64 * 1024 * 1024);
        QCOMPARE(int(r.status), int(IngestResult::Status::Ok));
        QCOMPARE(r.job.pages, 1);
        QCOMPARE(r.job.pageSize, QStringLiteral("iso_a4_210x297mm"));
        QCOMPARE(r.job.size, qint64(pdf.size()));
        const IngestResult bad = f.ingest(f.kim, QByteArray(5000, 'x'), QStringLiteral("application/pdf"),
                                          QString(), 64 * 1024 * 1024);
        QCOMPARE(int(bad.status), int(IngestResult::Status::BadDocument));
        QCOMPARE(f.spoolFiles(), 1);
    }

    void thumbnailSeeksWithTheIndexFromIntake()
    {
        // The thumbnail's render seeks in the spool file with the chunk states recorded while it was
        // encrypted: with intake, it reads page 1 and the cross-reference, not the whole file (6 MB of
        // page 2 that a rebuilt index would have to decrypt).
        Fixture f;
        QVERIFY(f.init());
        f.jobs->setHoldLimits(3600, 600, 64 * 1024 * 1024);
        const QByteArray page1 = "0.5 G 10 10 m 500 800 l S\n";
        const QByteArray page2 = QByteArray("10 10 m 500 800 l S\n").repeated(300'000); // 6 MB
        const QByteArray pdf = TestData::pdfFromObjects({
            "<< /Type /Catalog /Pages 2 0 R >>",
            "<< /Type /Pages /Kids [3 0 R 4 0 R] /Count 2 >>",
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 5 0 R >>",
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 6 0 R >>",
            "<< /Length " + QByteArray::number(page1.size()) + " >>\nstream\n" + page1 + "\nendstream",
            "<< /Length " + QByteArray::number(page2.size()) + " >>\nstream\n" + page2 + "\nendstream",
        });
        const qint64 before = TestData::procSelfNumber("io", "rchar");
        const IngestResult r = f.ingest(f.kim, pdf, QStringLiteral("application/pdf"));
        QCOMPARE(int(r.status), int(IngestResult::Status::Ok));
        QCOMPARE(r.job.pages, 2);
        f.jobs->waitForThumbnails();
        const qint64 withIndex = TestData::procSelfNumber("io", "rchar") - before;
        const QByteArray thumbnail = f.jobs->thumbnailFor(f.kim, r.job.id);
        QVERIFY(!thumbnail.isEmpty());
        QVERIFY2(withIndex < pdf.size() / 4,
                 qPrintable(QStringLiteral("read %1 of %2 bytes").arg(withIndex).arg(pdf.size())));

        auto job = f.jobs->jobFor(f.kim, r.job.id);
        QVERIFY(job);
        QVERIFY(!job->color);
    }

    void queuedThumbnailsRenderedOnRequest()
    {
        // renderQueuedThumbnails() renders what is queued at once (the quiet time before rendering
        // does not apply), and leaves nothing queued or running.
        Fixture f;
        QVERIFY(f.init());
        QList<qint64> ids;
        for (int i = 0; i < 3; ++i) {
            const IngestResult r =
                f.ingest(f.kim, TestData::readFile(TestData::cupsPdf()), QStringLiteral("application/pdf"));
            QCOMPARE(int(r.status), int(IngestResult::Status::Ok));
            ids << r.job.id;
        }
        f.jobs->renderQueuedThumbnails();
        for (const qint64 id : ids) {
            QVERIFY(!f.jobs->thumbnailPending(f.kim, id));
            QVERIFY(!f.jobs->thumbnailFor(f.kim, id).isEmpty());
        }
    }

    void everyByteStoredWhateverTheReads_data()
    {
        // Intake reads a document kept for inspection straight into the kept bytes, and a longer one
        // through its buffer; the switch happens where it outgrows the 4 MiB - 64 KiB kept in memory
        // (DocumentIntake.cpp, InMemoryInspectBytes). The rasters' page count is read from every byte
        // of the copy inspected: a byte lost or moved there loses pages.
        constexpr qint64 kept = 4 * 1024 * 1024 - 64 * 1024;
        QTest::addColumn<QByteArray>("document");
        QTest::addColumn<QString>("format");
        QTest::addColumn<int>("pages");
        QTest::addColumn<int>("piece"); // the largest piece the source hands over per read; 0: as asked
        // The length the request told (bodyBytesAtLeast): the kept bytes' room is sized from it; a
        // document longer than told (a chunked upload still arriving) moves to larger room as it comes.
        QTest::addColumn<qint64>("told");
        const QString pdf = QStringLiteral("application/pdf");
        const QString pwg = QStringLiteral("image/pwg-raster");
        QTest::newRow("small PDF, whole reads") << paddedPdf(300'000) << pdf << 1 << 0 << qint64(0);
        QTest::newRow("PDF just under the kept size")
            << paddedPdf(kept - 1) << pdf << 1 << 70'001 << qint64(0);
        QTest::newRow("PDF of exactly the kept size") << paddedPdf(kept) << pdf << 1 << 65'536 << qint64(0);
        QTest::newRow("PDF one byte over") << paddedPdf(kept + 1) << pdf << 1 << 0 << qint64(0);
        QTest::newRow("6 MB PDF, uneven reads") << paddedPdf(6'000'000) << pdf << 1 << 99'991 << qint64(0);
        const QByteArray four = noiseRaster(4), five = noiseRaster(5);
        QVERIFY(four.size() < kept && five.size() > kept);
        QTest::newRow("raster kept, uneven reads") << four << pwg << 4 << 33'333 << qint64(0);
        QTest::newRow("raster kept, whole reads") << four << pwg << 4 << 0 << qint64(0);
        QTest::newRow("raster over the kept size") << five << pwg << 5 << 77'777 << qint64(0);
        QTest::newRow("raster, length told") << four << pwg << 4 << 33'333 << qint64(four.size());
        QTest::newRow("raster, told too little") << four << pwg << 4 << 0 << qint64(1000);
        QTest::newRow("raster over the kept size, told too little") << five << pwg << 5 << 0 << qint64(1000);
        QTest::newRow("PDF of exactly the kept size, told") << paddedPdf(kept) << pdf << 1 << 0 << kept;
    }

    void everyByteStoredWhateverTheReads()
    {
        QFETCH(QByteArray, document);
        QFETCH(QString, format);
        QFETCH(int, pages);
        QFETCH(int, piece);
        QFETCH(qint64, told);
        Fixture f;
        QVERIFY(f.init());
        f.jobs->setHoldLimits(3600, 600, 64 * 1024 * 1024);
        JobInfo meta;
        meta.name = QStringLiteral("doc");
        meta.documentFormat = format;
        qint64 at = 0;
        int reads = 0;
        const IngestResult r = f.jobs->ingest(
            f.kim, meta,
            [&](char* out, qint64 max) {
                // Pieces of varying length, never more than asked.
                const qint64 want = piece > 0 ? std::min<qint64>(max, 1 + (7919 * reads++) % piece) : max;
                const qint64 n = std::min<qint64>(want, document.size() - at);
                memcpy(out, document.constData() + at, static_cast<size_t>(n));
                at += n;
                return n;
            },
            0, QString(), told);
        QCOMPARE(int(r.status), int(IngestResult::Status::Ok));
        QCOMPARE(r.job.size, qint64(document.size()));
        QCOMPARE(r.job.pages, pages);
        const QByteArray back = f.storedDocument(r.job.id);
        QCOMPARE(back.size(), document.size());
        QVERIFY(back == document);
    }

    void thumbnailRenderedAtStartUp()
    {
        // A job acknowledged just before a stop has no thumbnail yet; the next start renders it without
        // what intake knew (the index is rebuilt from the file) and gets the same picture as a render
        // right after intake.
        Fixture f;
        QVERIFY(f.init());
        const QByteArray pdf = TestData::readFile(TestData::cupsPdf());
        qint64 left = 0;
        // The stop comes well within the 200 ms the queue waits after an upload; a loaded machine may
        // still let the render in first, so it is tried a few times.
        for (int attempt = 0; attempt < 5 && !left; ++attempt) {
            const IngestResult r = f.ingest(f.kim, pdf, QStringLiteral("application/pdf"));
            QCOMPARE(int(r.status), int(IngestResult::Status::Ok));
            f.jobs.reset();
            if (f.store.thumbnail(r.job.id).isEmpty())
                left = r.job.id;
            f.jobs = std::make_unique<JobService>(f.store, f.spool, f.kek, f.events, f.clock, f.settings);
        }
        QVERIFY(left);
        f.jobs->reconcile();
        f.jobs->waitForThumbnails();
        const QByteArray atStartUp = f.store.thumbnail(left);
        QVERIFY(!atStartUp.isEmpty());
        const IngestResult r = f.ingest(f.kim, pdf, QStringLiteral("application/pdf"));
        QCOMPARE(int(r.status), int(IngestResult::Status::Ok));
        f.jobs->waitForThumbnails();
        QCOMPARE(f.store.thumbnail(r.job.id), atStartUp);
    }

    void refusedDocumentsLeaveNothing_data()
    {
        QTest::addColumn<QByteArray>("doc");
        QTest::addColumn<QString>("format");
        QTest::addColumn<int>("status");
        QTest::newRow("garbage as pdf")
            << QByteArray(5000, 'x') << "application/pdf" << int(IngestResult::Status::BadDocument);
        QTest::newRow("empty") << QByteArray() << "application/pdf" << int(IngestResult::Status::BadDocument);
        QTest::newRow("unknown sniffed") << QByteArray("hello world") << "application/octet-stream"
                                         << int(IngestResult::Status::BadDocument);
        QTest::newRow("too large") << QByteArray(2 * 1024 * 1024, '%') << "application/pdf"
                                   << int(IngestResult::Status::TooLarge);
    }
    void refusedDocumentsLeaveNothing()
    {
        QFETCH(QByteArray, doc);
        QFETCH(QString, format);
        QFETCH(int, status);
        Fixture f;
        QVERIFY(f.init());
        const IngestResult r = f.ingest(f.kim, doc, format);
        QCOMPARE(int(r.status), status);
        QVERIFY(!r.error.isEmpty());
        QCOMPARE(f.spoolFiles(), 0);
        QVERIFY(QDir(f.dir.filePath(QStringLiteral("spool/tmp"))).isEmpty());
        QCOMPARE(f.store.jobCount(), qint64(0));
    }

    void abortedUploadLeavesNothing()
    {
        Fixture f;
        QVERIFY(f.init());
        JobInfo meta;
        meta.documentFormat = QStringLiteral("application/pdf");
        int calls = 0;
        const IngestResult r = f.jobs->ingest(f.kim, meta, [&](char* out, qint64) -> qint64 {
            if (calls++ < 3) {
                memset(out, '%', 1000);
                return 1000;
            }
            return -1; // the client went away
        });
        QCOMPARE(int(r.status), int(IngestResult::Status::Aborted));
        QCOMPARE(f.spoolFiles(), 0);
        QCOMPARE(f.store.jobCount(), qint64(0));
    }

    void ownershipAndDelete()
    {
        Fixture f;
        QVERIFY(f.init());
        const IngestResult r =
            f.ingest(f.kim, TestData::readFile(TestData::cupsPdf()), QStringLiteral("application/pdf"));
        const qint64 id = r.job.id;
        QString err;
        // lee cannot see, change, release or delete kim's job: it simply does not exist for him.
        QVERIFY(!f.jobs->jobFor(f.lee, id));
        QCOMPARE(int(f.jobs->remove(f.lee, id)), int(JobActionResult::NotFound));
        QCOMPARE(int(f.jobs->updateOptions(f.lee, id, {{QStringLiteral("copies"), 2}}, &err)),
                 int(JobActionResult::NotFound));
        QCOMPARE(int(f.jobs->release(f.lee, id, 1, {}, &err)), int(JobActionResult::NotFound));
        QVERIFY(f.jobs->thumbnailFor(f.lee, id).isEmpty());
        QCOMPARE(f.jobs->jobsFor(f.lee, true).size(), 0);
        // kim changes and deletes it: the key is destroyed, the file removed, paper saved recorded.
        QCOMPARE(int(f.jobs->updateOptions(f.kim, id, {{QStringLiteral("copies"), 0}}, &err)),
                 int(JobActionResult::BadOptions));
        QCOMPARE(int(f.jobs->updateOptions(f.kim, id, {{QStringLiteral("copies"), 3}}, &err)),
                 int(JobActionResult::Ok));
        QCOMPARE(int(f.jobs->remove(f.kim, id)), int(JobActionResult::Ok));
        QCOMPARE(f.spoolFiles(), 0);
        const auto gone = f.store.job(id);
        QCOMPARE(gone->info.state, JobState::Deleted);
        QVERIFY(gone->wrappedKey.isEmpty());
        const auto usage = f.store.usage(0);
        QCOMPARE(usage.size(), 1);
        QCOMPARE(usage.first().kind, QStringLiteral("deleted"));
        QCOMPARE(usage.first().sheets, 3);
        QCOMPARE(usage.first().department, QStringLiteral("Finance"));
    }

    void expiryWithInjectedClock()
    {
        Fixture f;
        QVERIFY(f.init());
        auto sub = f.events.subscribe(f.kim.id, false);
        const IngestResult r =
            f.ingest(f.kim, TestData::readFile(TestData::cupsPdf()), QStringLiteral("application/pdf"));
        QJsonObject e;
        QVERIFY(sub->wait(&e, std::chrono::milliseconds(100))); // job-held
        // The thumbnail, rendered after the acknowledgement, is announced with job-changed.
        f.jobs->waitForThumbnails();
        QVERIFY(sub->wait(&e, std::chrono::milliseconds(100)));
        QCOMPARE(e.value(QLatin1String("type")).toString(), QStringLiteral("job-changed"));
        f.clock.advance(3000 + 10); // inside the warning window (the last 600 s of the 3600 s hold)
        f.jobs->sweep();
        QVERIFY(sub->wait(&e, std::chrono::milliseconds(100)));
        QCOMPARE(e.value(QLatin1String("type")).toString(), QStringLiteral("job-expiring"));
        f.jobs->sweep(); // warned once only
        QVERIFY(!sub->wait(&e, std::chrono::milliseconds(50)));
        QCOMPARE(f.store.job(r.job.id)->info.state, JobState::Held);
        f.clock.advance(600);
        f.jobs->sweep();
        QCOMPARE(f.store.job(r.job.id)->info.state, JobState::Expired);
        QCOMPARE(f.spoolFiles(), 0);
        QCOMPARE(f.store.usage(0).first().kind, QStringLiteral("expired"));
    }

    void reasonsHaveCodesAndArguments()
    {
        Fixture f;
        QVERIFY(f.init());
        QString err;
        PrinterRecord p{0, QStringLiteral("3F-East"), QStringLiteral("ipp://127.0.0.1:9/ipp/print"),
                        QStringLiteral("3F")};
        QVERIFY(f.store.addPrinter(&p, &err));
        const QByteArray pdf = TestData::readFile(TestData::cupsPdf());
        auto code = [&](qint64 id) { return f.store.job(id)->info.stateReasonCode; };

        // Expiry first: the clock moves past the hold time of every job held so far.
        const qint64 expired = f.ingest(f.kim, pdf, QStringLiteral("application/pdf")).job.id;
        f.clock.advance(3600 + 1);
        f.jobs->sweep();
        QCOMPARE(f.store.job(expired)->info.state, JobState::Expired);
        QCOMPARE(code(expired), QStringLiteral("expired"));
        QCOMPARE(f.store.job(expired)->info.stateReason, QStringLiteral("Not released within the hold time"));

        // A release the printer aborted: held again, with the printer and its reasons, pushed as such.
        const qint64 aborted = f.ingest(f.kim, pdf, QStringLiteral("application/pdf")).job.id;
        QCOMPARE(int(f.jobs->release(f.kim, aborted, p.id, {}, &err)), int(JobActionResult::Ok));
        QVERIFY(f.jobs->markPrinting(aborted, p.id));
        auto sub = f.events.subscribe(f.kim.id, false);
        f.jobs->releaseFinished(
            aborted, false, 0,
            StateReason::printerEnded(p.name, true, {QStringLiteral("aborted-by-system")}));
        QJsonObject e;
        QVERIFY(sub->wait(&e, std::chrono::milliseconds(100)));
        QCOMPARE(e.value(QLatin1String("type")).toString(), QStringLiteral("job-release-failed"));
        const QJsonObject pushed = e.value(QLatin1String("job")).toObject();
        QCOMPARE(pushed.value(QLatin1String("state")).toString(), QStringLiteral("held"));
        QCOMPARE(pushed.value(QLatin1String("stateReasonCode")).toString(),
                 QStringLiteral("printer-aborted"));
        QCOMPARE(pushed.value(QLatin1String("stateReasonArgs")).toObject(),
                 (QJsonObject{{QStringLiteral("printer"), QStringLiteral("3F-East")},
                              {QStringLiteral("reasons"), QJsonArray{QStringLiteral("aborted-by-system")}}}));
        QVERIFY(pushed.value(QLatin1String("stateReason")).toString().contains(QLatin1String("aborted")));

        // Deleted by its owner; over IPP the English says so, the code is the same.
        const qint64 deleted = f.ingest(f.kim, pdf, QStringLiteral("application/pdf")).job.id;
        QCOMPARE(int(f.jobs->remove(f.kim, deleted)), int(JobActionResult::Ok));
        QCOMPARE(code(deleted), QStringLiteral("deleted"));
        QCOMPARE(f.store.job(deleted)->info.stateReasonArgs.value(QLatin1String("by")).toString(),
                 QStringLiteral("kim"));
        const qint64 canceled = f.ingest(f.kim, pdf, QStringLiteral("application/pdf")).job.id;
        QCOMPARE(int(f.jobs->remove(f.kim, canceled, QStringLiteral("Canceled over IPP"))),
                 int(JobActionResult::Ok));
        QCOMPARE(code(canceled), QStringLiteral("deleted"));
        QCOMPARE(f.store.job(canceled)->info.stateReason, QStringLiteral("Canceled over IPP"));

        // A release cut off by a stop: found at start-up, given back with the printer named.
        const qint64 interrupted = f.ingest(f.kim, pdf, QStringLiteral("application/pdf")).job.id;
        QCOMPARE(int(f.jobs->release(f.kim, interrupted, p.id, {}, &err)), int(JobActionResult::Ok));
        QVERIFY(f.jobs->markPrinting(interrupted, p.id));
        f.jobs->reconcile();
        QCOMPARE(code(interrupted), QStringLiteral("release-interrupted"));

        // The API's job objects carry them, and so does the database after a restart.
        const QJsonObject api = f.jobs->jobFor(f.kim, aborted)->toJson();
        QCOMPARE(api.value(QLatin1String("stateReasonCode")).toString(), QStringLiteral("printer-aborted"));
        Store reopened;
        QVERIFY(reopened.open(f.dir.filePath(QStringLiteral("mps.db")), f.dbKey));
        const QList<std::pair<qint64, QString>> expected = {
            {expired, QStringLiteral("expired")},
            {aborted, QStringLiteral("printer-aborted")},
            {deleted, QStringLiteral("deleted")},
            {canceled, QStringLiteral("deleted")},
            {interrupted, QStringLiteral("release-interrupted")}};
        for (const auto& [id, c] : expected) {
            const JobInfo j = reopened.job(id)->info;
            QCOMPARE(j.stateReasonCode, c);
            QCOMPARE(j.stateReasonArgs, f.store.job(id)->info.stateReasonArgs);
            QCOMPARE(j.stateReason, f.store.job(id)->info.stateReason);
        }
        QCOMPARE(reopened.job(interrupted)->info.stateReasonArgs,
                 (QJsonObject{{QStringLiteral("printer"), QStringLiteral("3F-East")}}));
        // A job that prints has no reason left.
        QVERIFY(f.jobs->release(f.kim, aborted, p.id, {}, &err) == JobActionResult::Ok);
        QVERIFY(f.jobs->markPrinting(aborted, p.id));
        f.jobs->releaseFinished(aborted, true, 1);
        QVERIFY(code(aborted).isEmpty());
        QVERIFY(!f.jobs->jobFor(f.kim, aborted)->toJson().contains(QLatin1String("stateReasonCode")));
    }

    void captureUploadedOnce()
    {
        Fixture f;
        QVERIFY(f.init());
        const QByteArray pdf = TestData::readFile(TestData::cupsPdf());
        const QString capture = QStringLiteral("0123456789abcdef0123456789abcdef");
        // A retry after an interrupted upload is a fresh start.
        JobInfo meta;
        meta.documentFormat = QStringLiteral("application/pdf");
        const IngestResult cut = f.jobs->ingest(
            f.kim, meta, [](char*, qint64) -> qint64 { return -1; }, 0, capture);
        QCOMPARE(int(cut.status), int(IngestResult::Status::Aborted));
        const IngestResult first = f.ingest(f.kim, pdf, QStringLiteral("application/pdf"), capture);
        QCOMPARE(int(first.status), int(IngestResult::Status::Ok));
        // The same capture again (answer lost, crash after the upload): the first job, nothing stored.
        const IngestResult again = f.ingest(f.kim, pdf, QStringLiteral("application/pdf"), capture);
        QCOMPARE(int(again.status), int(IngestResult::Status::Duplicate));
        QCOMPARE(again.job.id, first.job.id);
        QCOMPARE(f.spoolFiles(), 1);
        QCOMPARE(f.store.jobCount(), qint64(1));
        // Capture ids are per person: lee's capture with the same id is his own job.
        const IngestResult lees = f.ingest(f.lee, pdf, QStringLiteral("application/pdf"), capture);
        QCOMPARE(int(lees.status), int(IngestResult::Status::Ok));
        QVERIFY(lees.job.id != first.job.id);
        // Still arriving: the second attempt waits instead of storing a copy.
        const qint64 reserved =
            f.store.createReceivingJob(f.kim.id, meta, QStringLiteral("feedfacefeedfacefeedfacefeedface"));
        QVERIFY(reserved > 0);
        const IngestResult racing = f.ingest(f.kim, pdf, QStringLiteral("application/pdf"),
                                             QStringLiteral("feedfacefeedfacefeedfacefeedface"));
        QCOMPARE(int(racing.status), int(IngestResult::Status::InProgress));
    }

    void reconcileAfterCrash()
    {
        Fixture f;
        QVERIFY(f.init());
        const IngestResult r =
            f.ingest(f.kim, TestData::readFile(TestData::cupsPdf()), QStringLiteral("application/pdf"));
        // Leftovers of a crash: a temp file, an orphan spool file, a half-created job.
        QFile tmp(f.dir.filePath(QStringLiteral("spool/tmp/deadbeef.part")));
        QVERIFY(tmp.open(QIODevice::WriteOnly));
        tmp.close();
        QFile orphan(f.dir.filePath(QStringLiteral("spool/0123456789abcdef0123456789abcdef.job")));
        QVERIFY(orphan.open(QIODevice::WriteOnly));
        orphan.close();
        JobInfo half;
        half.submitted = f.clock.now();
        f.store.createReceivingJob(f.kim.id, half);
        f.jobs->reconcile();
        QCOMPARE(f.spoolFiles(), 1);
        QVERIFY(!tmp.exists());
        QCOMPARE(f.store.jobCount(), qint64(1));
        QCOMPARE(f.store.job(r.job.id)->info.state, JobState::Held);
    }

    // A row committed while its spool file was still being flushed stays marked until the file is known
    // durable. After a crash in that window, start-up keeps a marked job whose file is complete and
    // removes one whose file is missing or partial (its upload was never acknowledged).
    void reconcileChecksUnconfirmedSpoolFiles()
    {
        Fixture f;
        QVERIFY(f.init());
        const QByteArray pdf = TestData::readFile(TestData::cupsPdf());
        QList<qint64> ids;
        for (int i = 0; i < 3; ++i) {
            const IngestResult r = f.ingest(f.kim, pdf, QStringLiteral("application/pdf"));
            QCOMPARE(int(r.status), int(IngestResult::Status::Ok));
            ids.append(r.job.id);
        }
        // A clean stop leaves no mark: acknowledged files were confirmed durable.
        f.jobs.reset();
        QVERIFY(f.store.jobsWithUnsyncedSpool().isEmpty());
        // The state a crash leaves before the marks were cleared: all three rows still marked (through a
        // second connection, as the crashed server's last transactions would have left them).
        {
            Database db;
            QVERIFY(db.open(f.dir.filePath(QStringLiteral("mps.db")), f.dbKey));
            QVERIFY(db.exec("UPDATE jobs SET spool_unsynced = 1;"));
        }
        QCOMPARE(f.store.jobsWithUnsyncedSpool().size(), 3);
        auto spoolPath = [&](qint64 id) {
            return f.dir.filePath(QStringLiteral("spool/") + f.store.job(id)->spoolName);
        };
        // The second file only partly reached the disk, the third not at all.
        QFile partial(spoolPath(ids[1]));
        QVERIFY(partial.size() > 1024);
        QVERIFY(partial.resize(partial.size() / 2));
        QVERIFY(QFile::remove(spoolPath(ids[2])));
        JobService::Settings s;
        f.jobs = std::make_unique<JobService>(f.store, f.spool, f.kek, f.events, f.clock, s);
        f.jobs->reconcile();
        QCOMPARE(f.store.job(ids[0])->info.state, JobState::Held);
        QVERIFY(!f.store.job(ids[1]));
        QVERIFY(!f.store.job(ids[2]));
        QCOMPARE(f.store.jobCount(), qint64(1));
        QCOMPARE(f.spoolFiles(), 1); // the partial file went with its row
        // The complete one is still served whole, and its mark is cleared (at the latest at the stop).
        QCOMPARE(f.storedDocument(ids[0]), pdf);
        f.jobs.reset();
        QVERIFY(f.store.jobsWithUnsyncedSpool().isEmpty());
    }
};

QTEST_MAIN(TestJobService)
#include "TestJobService.moc"
