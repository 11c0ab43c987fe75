// FaxService and FaxDispatcher (docs/fax.md) against a fake gateway: drafts, cover and page previews,
// ownership, number checks, the state sequence with its events, the ledger row, resend, cancel, crash
// recovery by tag, an unreachable gateway and expiry, with an injected clock.
#include "DocumentInspector.h"
#include "EventBus.h"
#include "FaxDispatcher.h"
#include "FaxService.h"
#include "ManualClock.h"
#include "Spool.h"
#include "Store.h"
#include "TestData.h"

#include <QBuffer>
#include <QDir>
#include <QImage>
#include <QJsonArray>
#include <QPainter>
#include <QPdfWriter>
#include <QTemporaryDir>
#include <QTest>
#include <map>

namespace {

// A PDF of `pages` A4 pages, each with its number written large.
QByteArray makePdf(int pages)
{
    QByteArray out;
    QBuffer buf(&out);
    buf.open(QIODevice::WriteOnly);
    QPdfWriter writer(&buf);
    writer.setPageSize(QPageSize(QPageSize::A4));
    writer.setResolution(72);
    QPainter p(&writer);
    for (int i = 1; i <= pages; ++i) {
        if (i > 1)
            writer.newPage();
        p.setFont(QFont(QStringLiteral("Sans"), 48));
        p.drawText(100, 200, QStringLiteral("Page %1").arg(i));
    }
    p.end();
    return out;
}

/// A one-page A4 PDF drawing one `side` x `side` grey image (1.6 gigapixels at 40000), as
/// test_bounded_work.py builds it: only the start of its data is there (never decoded when the budget
/// holds).
QByteArray hugeImagePdf(int side)
{
    const QByteArray zeros(qsizetype(side) * side / 1000, '\0');
    const QByteArray image = qCompress(zeros, 9).mid(4); // qCompress: 4-byte length, then zlib
    const QByteArray content = "q 595 0 0 842 0 0 cm /Im0 Do Q\n";
    const QList<QByteArray> objects{
        "<< /Type /Catalog /Pages 2 0 R >>", "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /XObject << /Im0 5 0 R >> >> "
        "/Contents 4 0 R >>",
        "<< /Length " + QByteArray::number(content.size()) + " >>\nstream\n" + content + "\nendstream",
        "<< /Type /XObject /Subtype /Image /Width " + QByteArray::number(side) + " /Height " +
            QByteArray::number(side) +
            " /ColorSpace /DeviceGray /BitsPerComponent 8 /Filter /FlateDecode /Length " +
            QByteArray::number(image.size()) + " >>\nstream\n" + image + "\nendstream"};
    return TestData::pdfFromObjects(objects);
}

ByteSource sourceOf(const QByteArray& data)
{
    auto at = std::make_shared<qint64>(0);
    return [data, at](char* out, qint64 max) {
        const qint64 n = std::min<qint64>(max, data.size() - *at);
        memcpy(out, data.constData() + *at, static_cast<size_t>(n));
        *at += n;
        return n;
    };
}

// Stands in for the gateway (the unit under test is the service and the dispatcher).
class FakeGateway : public FaxGateway
{
public:
    struct Job
    {
        QString tag;
        QString dialString;
        QString sender;
        QByteArray document; ///< every part, as the gateway received it
        FaxGatewayStatus status;
        int maxDials = 0;
    };
    bool reachable = true;
    bool refuse = false;
    bool loseAnswer = false; ///< takes the next fax but its answer is lost (as a JSUBM reply cut off)
    int submits = 0;
    int cancels = 0;
    std::map<QString, Job> jobs;

    QString name() const override { return QStringLiteral("fake"); }
    bool submit(const FaxSubmission& fax, QString* id, QString* error, bool* retryable,
                bool* nothingQueued = nullptr) override
    {
        if (!reachable || refuse) {
            *error = reachable ? QStringLiteral("503 refused") : QStringLiteral("connection refused");
            *retryable = !reachable;
            if (nothingQueued)
                *nothingQueued = true;
            return false;
        }
        ++submits;
        Job j;
        j.tag = fax.tag;
        j.dialString = fax.dialString;
        j.sender = fax.senderName;
        j.maxDials = fax.maxDials;
        for (const FaxDocumentPart& part : fax.parts) {
            char buf[4096];
            QByteArray bytes;
            for (qint64 n; (n = part.read(buf, sizeof buf)) > 0;)
                bytes.append(buf, static_cast<qsizetype>(n));
            if (bytes.size() != part.size) {
                *error = QStringLiteral("short part");
                *retryable = false;
                return false;
            }
            j.document.append(bytes);
        }
        j.status.state = FaxGatewayStatus::State::Queued;
        *id = QString::number(100 + submits);
        jobs[*id] = j;
        if (loseAnswer) {
            loseAnswer = false;
            id->clear();
            *error = QStringLiteral("timed out waiting for the answer to JSUBM");
            *retryable = true;
            if (nothingQueued)
                *nothingQueued = false;
            return false;
        }
        return true;
    }
    bool status(const QString& id, FaxGatewayStatus* out, QString* error) override
    {
        if (!reachable) {
            *error = QStringLiteral("connection refused");
            return false;
        }
        *out = jobs.at(id).status;
        return true;
    }
    bool cancel(const QString& id, QString* error) override
    {
        if (!reachable) {
            *error = QStringLiteral("connection refused");
            return false;
        }
        ++cancels;
        jobs.at(id).status.state = FaxGatewayStatus::State::Cancelled;
        return true;
    }
    bool findByTag(const QString& tag, QString* id, QString* error) override
    {
        if (!reachable) {
            *error = QStringLiteral("connection refused");
            return false;
        }
        id->clear();
        for (const auto& [jobId, job] : jobs)
            if (job.tag == tag)
                *id = jobId;
        return true;
    }
    Job& only()
    {
        Q_ASSERT(jobs.size() == 1);
        return jobs.begin()->second;
    }
};

} // namespace

class TestFaxService : public QObject
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
        FakeGateway gateway;
        std::unique_ptr<FaxService> faxes;
        std::unique_ptr<FaxDispatcher> dispatcher;
        UserRecord kim, lee, park;

        bool init(const QString& gatewayName = QStringLiteral("fake"))
        {
            QString err;
            if (!store.open(dir.filePath(QStringLiteral("mps.db")), SecretKey::random()) ||
                !spool.open(dir.filePath(QStringLiteral("spool")), &err))
                return false;
            FaxService::Settings s;
            s.gateway = gatewayName;
            s.draftHoldSecs = 3600;
            s.keepDays = 30;
            s.maxDocumentBytes = 4 * 1024 * 1024;
            s.maxRecipients = 3;
            faxes = std::make_unique<FaxService>(store, spool, kek, events, clock, s);
            FaxDispatcher::Settings ds;
            ds.gatewayRetryMinutes = 60;
            ds.maxDials = 2;
            dispatcher = std::make_unique<FaxDispatcher>(store, *faxes, gateway, clock, ds);
            faxes->setDispatcher(dispatcher.get());
            kim.name = QStringLiteral("kim");
            kim.department = QStringLiteral("CIVIL");
            kim.displayName = QStringLiteral("김민원");
            lee.name = QStringLiteral("lee");
            lee.department = QStringLiteral("IT");
            park.name = QStringLiteral("park");
            park.department = QStringLiteral("CIVIL");
            // addUser keeps the login name only; the display name is set as mps-admin user edit does.
            return store.addUser(&kim, &err) && store.addUser(&lee, &err) && store.addUser(&park, &err) &&
                   store.updateUser(&kim, &err);
        }
        qint64 draft(const UserRecord& who, int pages = 2)
        {
            const FaxDraftResult r =
                faxes->upload(who, QStringLiteral("contract.pdf"), QStringLiteral("application/pdf"),
                              sourceOf(makePdf(pages)), QString());
            return r.status == IngestResult::Status::Ok ? r.draft.value(QLatin1String("id")).toInteger() : 0;
        }
        // A draft of kim's sent to two numbers: the ids of its two faxes (still queued).
        std::pair<qint64, qint64> sendToTwo()
        {
            const FaxSendResult r = faxes->send(
                kim, draft(kim),
                {{QString(), QStringLiteral("02-123-4567")}, {QString(), QStringLiteral("02-765-4321")}});
            if (r.faxes.size() != 2)
                return {0, 0};
            return {r.faxes.at(0).toObject().value(QLatin1String("id")).toInteger(),
                    r.faxes.at(1).toObject().value(QLatin1String("id")).toInteger()};
        }
        int spoolFiles() const
        {
            return QDir(dir.filePath(QStringLiteral("spool"))).entryList(QDir::Files).size();
        }
        QString state(qint64 faxId) { return store.fax().fax(faxId)->state; }
        QList<UsageRecord> faxRows()
        {
            QList<UsageRecord> out;
            for (const UsageRecord& u : store.usage(0))
                if (u.kind == QLatin1String("fax-sent"))
                    out.append(u);
            return out;
        }
    };

    // The fax-status events waiting for a subscriber, as (fax id, state, pagesSent).
    static QList<std::tuple<qint64, QString, int>> drain(EventBus::Subscription& sub)
    {
        QList<std::tuple<qint64, QString, int>> out;
        QJsonObject e;
        while (sub.wait(&e, std::chrono::milliseconds(0))) {
            if (e.value(QLatin1String("type")).toString() != QLatin1String("fax-status"))
                continue;
            const QJsonObject f = e.value(QLatin1String("fax")).toObject();
            out.append({f.value(QLatin1String("id")).toInteger(), f.value(QLatin1String("state")).toString(),
                        f.value(QLatin1String("pagesSent")).toInt()});
        }
        return out;
    }

private Q_SLOTS:
    void initTestCase() { QVERIFY(initCrypto()); }

    void draftCoverAndPages()
    {
        Fixture f;
        QVERIFY(f.init());
        const qint64 id = f.draft(f.kim, 2);
        QVERIFY(id > 0);
        auto d = f.faxes->draftJson(f.kim, id);
        QVERIFY(d);
        QCOMPARE(d->value(QLatin1String("pages")).toInt(), 2);
        QCOMPARE(d->value(QLatin1String("hasCover")).toBool(), false);
        // A cover of two pages is refused; one page is taken and numbered first.
        FaxDraftResult bad = f.faxes->setCover(f.kim, id, sourceOf(makePdf(2)));
        QCOMPARE(bad.code, QStringLiteral("bad-cover"));
        FaxDraftResult notPdf = f.faxes->setCover(f.kim, id, sourceOf(QByteArray("hello, not a pdf")));
        QCOMPARE(notPdf.code, QStringLiteral("bad-cover"));
        const FaxDraftResult cover = f.faxes->setCover(f.kim, id, sourceOf(makePdf(1)));
        QCOMPARE(int(cover.status), int(IngestResult::Status::Ok));
        QCOMPARE(cover.draft.value(QLatin1String("pages")).toInt(), 3);
        QCOMPARE(cover.draft.value(QLatin1String("documentPages")).toInt(), 2);
        QCOMPARE(cover.draft.value(QLatin1String("hasCover")).toBool(), true);
        QCOMPARE(f.spoolFiles(), 2);
        // Replacing the cover removes the old file.
        QCOMPARE(int(f.faxes->setCover(f.kim, id, sourceOf(makePdf(1))).status),
                 int(IngestResult::Status::Ok));
        QCOMPARE(f.spoolFiles(), 2);
        for (int page = 1; page <= 3; ++page) {
            const QByteArray png = f.faxes->pagePng(f.kim, id, page, 300);
            QVERIFY2(!png.isEmpty(), qPrintable(QString::number(page)));
            QImage img;
            QVERIFY(img.loadFromData(png, "PNG"));
            QCOMPARE(img.width(), 300);
            QVERIFY(img.isGrayscale());
        }
        QVERIFY(f.faxes->pagePng(f.kim, id, 4, 300).isEmpty());
        QVERIFY(f.faxes->pagePng(f.kim, id, 0, 300).isEmpty());
        QCOMPARE(QImage::fromData(f.faxes->pagePng(f.kim, id, 1, 5000)).width(), 1700);
        QCOMPARE(int(f.faxes->removeCover(f.kim, id)), int(FaxActionResult::Ok));
        QCOMPARE(f.faxes->draftJson(f.kim, id)->value(QLatin1String("pages")).toInt(), 2);
        QCOMPARE(f.spoolFiles(), 1);
        // Start-up reconciliation keeps the draft's file (it is live).
        f.spool.reconcile(f.store.liveSpoolNames());
        QCOMPARE(f.spoolFiles(), 1);
        QVERIFY(!f.faxes->pagePng(f.kim, id, 1, 200).isEmpty());
        QCOMPARE(int(f.faxes->deleteDraft(f.kim, id)), int(FaxActionResult::Ok));
        QCOMPARE(f.spoolFiles(), 0);
        QVERIFY(!f.faxes->draftJson(f.kim, id));
    }

    void previewOverTheRenderBudgetIsThePlaceholder()
    {
        // A page drawing a 40000 x 40000 image (over the 150-megapixel default budget) is previewed
        // as the thumbnails' placeholder at the asked width, without decoding the image.
        Fixture f;
        QVERIFY(f.init());
        const FaxDraftResult r =
            f.faxes->upload(f.kim, QStringLiteral("huge.pdf"), QStringLiteral("application/pdf"),
                            sourceOf(hugeImagePdf(40000)), QString());
        QCOMPARE(int(r.status), int(IngestResult::Status::Ok));
        const qint64 id = r.draft.value(QLatin1String("id")).toInteger();
        QImage preview;
        QVERIFY(preview.loadFromData(f.faxes->pagePng(f.kim, id, 1, 300), "PNG"));
        const QImage placeholder = QImage::fromData(DocumentInspector::placeholderPng(595, 842), "PNG")
                                       .convertToFormat(QImage::Format_Grayscale8)
                                       .scaledToWidth(300, Qt::SmoothTransformation);
        QCOMPARE(preview.convertToFormat(QImage::Format_Grayscale8), placeholder);
        // The same page with a 4000 x 4000 image (16 megapixels, within the budget) is rendered.
        const FaxDraftResult r2 =
            f.faxes->upload(f.kim, QStringLiteral("big.pdf"), QStringLiteral("application/pdf"),
                            sourceOf(hugeImagePdf(4000)), QString());
        QCOMPARE(int(r2.status), int(IngestResult::Status::Ok));
        QImage rendered;
        QVERIFY(rendered.loadFromData(
            f.faxes->pagePng(f.kim, r2.draft.value(QLatin1String("id")).toInteger(), 1, 300), "PNG"));
        QCOMPARE(rendered.width(), 300);
        QVERIFY(rendered.convertToFormat(QImage::Format_Grayscale8) != placeholder);
    }

    void uploadRefusalsAndCapture()
    {
        Fixture f;
        QVERIFY(f.init());
        const FaxDraftResult junk =
            f.faxes->upload(f.kim, QStringLiteral("x"), QString(), sourceOf("just words\x01\x02"), QString());
        QCOMPARE(int(junk.status), int(IngestResult::Status::BadDocument));
        QVERIFY(!junk.code.isEmpty());
        const FaxDraftResult empty =
            f.faxes->upload(f.kim, QStringLiteral("x"), QString(), sourceOf(QByteArray()), QString());
        QCOMPARE(int(empty.status), int(IngestResult::Status::BadDocument));
        QCOMPARE(f.spoolFiles(), 0);
        const QByteArray pdf = makePdf(1);
        const FaxDraftResult first = f.faxes->upload(f.kim, QStringLiteral("a.pdf"), QString(), sourceOf(pdf),
                                                     QStringLiteral("cap-1"));
        QCOMPARE(int(first.status), int(IngestResult::Status::Ok));
        const FaxDraftResult again = f.faxes->upload(f.kim, QStringLiteral("a.pdf"), QString(), sourceOf(pdf),
                                                     QStringLiteral("cap-1"));
        QCOMPARE(int(again.status), int(IngestResult::Status::Duplicate));
        QCOMPARE(again.draft.value(QLatin1String("id")), first.draft.value(QLatin1String("id")));
        QCOMPARE(f.spoolFiles(), 1);
        QString err;
        const qint64 forwarded =
            f.faxes->createDraftFromPdf(f.lee, QStringLiteral("fwd.pdf"), sourceOf(pdf), &err);
        QVERIFY2(forwarded > 0, qPrintable(err));
        QCOMPARE(f.store.fax().draft(forwarded)->source, QStringLiteral("forward"));
        QCOMPARE(f.faxes->createDraftFromPdf(f.lee, QStringLiteral("x"), sourceOf("nope"), &err), 0);
        QVERIFY(!err.isEmpty());
    }

    void othersGetNotFound()
    {
        Fixture f;
        QVERIFY(f.init());
        const qint64 id = f.draft(f.kim);
        QVERIFY(!f.faxes->draftJson(f.lee, id));
        QVERIFY(f.faxes->pagePng(f.lee, id, 1, 200).isEmpty());
        QCOMPARE(f.faxes->setCover(f.lee, id, sourceOf(makePdf(1))).code, QStringLiteral("not-found"));
        QCOMPARE(int(f.faxes->removeCover(f.lee, id)), int(FaxActionResult::NotFound));
        QCOMPARE(int(f.faxes->deleteDraft(f.lee, id)), int(FaxActionResult::NotFound));
        QCOMPARE(int(f.faxes->send(f.lee, id, {{QString(), QStringLiteral("02-123-4567")}}).status),
                 int(FaxSendResult::Status::NotFound));
        const FaxSendResult sent = f.faxes->send(f.kim, id, {{QString(), QStringLiteral("02-123-4567")}});
        QCOMPARE(int(sent.status), int(FaxSendResult::Status::Ok));
        const qint64 faxId = sent.faxes.at(0).toObject().value(QLatin1String("id")).toInteger();
        QVERIFY(!f.faxes->faxJson(f.lee, faxId));
        QVERIFY(f.faxes->faxJson(f.kim, faxId));
        QCOMPARE(int(f.faxes->cancel(f.lee, faxId)), int(FaxActionResult::NotFound));
        QCOMPARE(int(f.faxes->resend(f.lee, faxId, QString()).status), int(FaxSendResult::Status::NotFound));
        QCOMPARE(f.faxes->sentJson(f.lee, 100).size(), 0);
        QCOMPARE(f.faxes->sentJson(f.kim, 100).size(), 1);
        QCOMPARE(f.state(faxId), QStringLiteral("queued"));
    }

    void invalidNumberRefusesAll()
    {
        Fixture f;
        QVERIFY(f.init());
        const qint64 id = f.draft(f.kim);
        const FaxSendResult r = f.faxes->send(f.kim, id,
                                              {{QStringLiteral("A"), QStringLiteral("02-123-4567")},
                                               {QStringLiteral("B"), QStringLiteral("099-123-4567")},
                                               {QStringLiteral("C"), QStringLiteral("hello")}});
        QCOMPARE(int(r.status), int(FaxSendResult::Status::InvalidNumber));
        QCOMPARE(r.errorCode, QStringLiteral("invalid-number"));
        QCOMPARE(r.number, QStringLiteral("099-123-4567"));
        QCOMPARE(r.reason, QStringLiteral("bad-area-code"));
        QCOMPARE(f.faxes->sentJson(f.kim, 100).size(), 0);
        QCOMPARE(f.store.fax().draft(id)->state, QStringLiteral("draft"));
        QCOMPARE(int(f.faxes->send(f.kim, id, {}).status), int(FaxSendResult::Status::NoRecipients));
        QList<FaxRecipient> four(4, FaxRecipient{QString(), QStringLiteral("02-123-4567")});
        QCOMPARE(int(f.faxes->send(f.kim, id, four).status), int(FaxSendResult::Status::TooManyRecipients));
        QCOMPARE(f.faxes->sentJson(f.kim, 100).size(), 0);
        f.dispatcher->runOnce();
        QCOMPARE(f.gateway.submits, 0);
    }

    void disabledWithoutGateway()
    {
        Fixture f;
        QVERIFY(f.init(QString()));
        QCOMPARE(f.faxes->settingsJson().value(QLatin1String("enabled")).toBool(), false);
        const qint64 id = f.draft(f.kim);
        QVERIFY(id > 0);
        const FaxSendResult r = f.faxes->send(f.kim, id, {{QString(), QStringLiteral("02-123-4567")}});
        QCOMPARE(int(r.status), int(FaxSendResult::Status::Disabled));
        QCOMPARE(r.errorCode, QStringLiteral("fax-disabled"));
    }

    void stateSequenceEventsAndLedger()
    {
        Fixture f;
        QVERIFY(f.init());
        QVERIFY(f.store.fax().setSetting(QStringLiteral("outside-prefix"), QStringLiteral("9")));
        const QJsonObject settings = f.faxes->settingsJson();
        QCOMPARE(settings.value(QLatin1String("outsidePrefix")).toString(), QStringLiteral("9"));
        QCOMPARE(settings.value(QLatin1String("enabled")).toBool(), true);
        const qint64 id = f.draft(f.kim, 2);
        const QByteArray cover = makePdf(1);
        QCOMPARE(int(f.faxes->setCover(f.kim, id, sourceOf(cover)).status), int(IngestResult::Status::Ok));
        auto sub = f.events.subscribe(f.kim.id, false);
        auto leeSub = f.events.subscribe(f.lee.id, false);
        const FaxSendResult r = f.faxes->send(f.kim, id,
                                              {{QStringLiteral("서초구청"), QStringLiteral("(02) 123-4567")},
                                               {QStringLiteral("내선"), QStringLiteral("3101#5")}});
        QCOMPARE(int(r.status), int(FaxSendResult::Status::Ok));
        QCOMPARE(r.faxes.size(), 2);
        const QJsonObject first = r.faxes.at(0).toObject();
        QCOMPARE(first.value(QLatin1String("state")).toString(), QStringLiteral("queued"));
        QCOMPARE(first.value(QLatin1String("number")).toString(), QStringLiteral("02-123-4567"));
        QCOMPARE(first.value(QLatin1String("pagesTotal")).toInt(), 3);
        QCOMPARE(first.value(QLatin1String("recipientName")).toString(), QStringLiteral("서초구청"));
        const qint64 a = first.value(QLatin1String("id")).toInteger();
        const qint64 b = r.faxes.at(1).toObject().value(QLatin1String("id")).toInteger();
        QCOMPARE(f.store.fax().draft(id)->state, QStringLiteral("sent"));
        QCOMPARE(int(f.faxes->send(f.kim, id, {{QString(), QStringLiteral("02-123-4567")}}).status),
                 int(FaxSendResult::Status::WrongState));
        using Ev = std::tuple<qint64, QString, int>;
        QCOMPARE(drain(*sub),
                 (QList<Ev>{{a, QStringLiteral("queued"), 0}, {b, QStringLiteral("queued"), 0}}));

        f.dispatcher->runOnce();
        QCOMPARE(f.gateway.submits, 2);
        QCOMPARE(drain(*sub),
                 (QList<Ev>{{a, QStringLiteral("submitted"), 0}, {b, QStringLiteral("submitted"), 0}}));
        const QString jobA = f.store.fax().fax(a)->gatewayJobId;
        const QString jobB = f.store.fax().fax(b)->gatewayJobId;
        FakeGateway::Job& ga = f.gateway.jobs.at(jobA);
        // The outside prefix goes before the city number, not before the extension; the gateway got the
        // cover, then the document, decrypted.
        QCOMPARE(ga.dialString, QStringLiteral("9021234567"));
        QCOMPARE(f.gateway.jobs.at(jobB).dialString, QStringLiteral("3101#5"));
        QCOMPARE(ga.tag, QStringLiteral("mps-fax-%1").arg(a));
        QCOMPARE(ga.sender, QStringLiteral("김민원"));
        QCOMPARE(ga.maxDials, 2);
        QVERIFY(ga.document.startsWith(cover));
        QVERIFY(ga.document.size() > cover.size() + 100);
        QCOMPARE(ga.document.count("%PDF-"), 2);

        // Nothing changed at the gateway: no event.
        f.dispatcher->runOnce();
        QVERIFY(drain(*sub).isEmpty());
        ga.status.state = FaxGatewayStatus::State::Dialling;
        ga.status.attempts = 1;
        f.dispatcher->runOnce();
        QCOMPARE(drain(*sub), (QList<Ev>{{a, QStringLiteral("dialling"), 0}}));
        ga.status.state = FaxGatewayStatus::State::Sending;
        ga.status.pagesSent = 1;
        ga.status.pagesTotal = 3;
        ga.status.remoteId = QStringLiteral("+82 2 123 4567");
        f.dispatcher->runOnce();
        QCOMPARE(drain(*sub), (QList<Ev>{{a, QStringLiteral("sending"), 1}}));
        ga.status.pagesSent = 2;
        f.dispatcher->runOnce();
        QCOMPARE(drain(*sub), (QList<Ev>{{a, QStringLiteral("sending"), 2}}));
        QVERIFY(f.faxRows().isEmpty());
        f.clock.advance(60);
        ga.status.state = FaxGatewayStatus::State::Sent;
        ga.status.pagesSent = 3;
        ga.status.durationSecs = 48;
        f.dispatcher->runOnce();
        QCOMPARE(drain(*sub), (QList<Ev>{{a, QStringLiteral("sent"), 3}}));
        const FaxOutRecord done = *f.store.fax().fax(a);
        QCOMPARE(done.state, QStringLiteral("sent"));
        QCOMPARE(done.remoteId, QStringLiteral("+82 2 123 4567"));
        QCOMPARE(done.durationSecs, 48);
        QCOMPARE(done.finished, f.clock.nowSecs());
        // One ledger row: the pages sent, the sender and their department, the gateway, no cost.
        QList<UsageRecord> rows = f.faxRows();
        QCOMPARE(rows.size(), 1);
        QCOMPARE(rows.at(0).pages, 3);
        QCOMPARE(rows.at(0).userId, f.kim.id);
        QCOMPARE(rows.at(0).department, QStringLiteral("CIVIL"));
        QCOMPARE(rows.at(0).printer, QStringLiteral("fake"));
        QCOMPARE(rows.at(0).cost, qint64(0));
        // Polling again changes nothing and writes no second row.
        f.dispatcher->runOnce();
        f.dispatcher->runOnce();
        QCOMPARE(f.faxRows().size(), 1);
        QVERIFY(drain(*sub).isEmpty());
        QVERIFY(drain(*leeSub).isEmpty());

        // The second fails on a busy line after one page: that page is counted.
        FakeGateway::Job& gb = f.gateway.jobs.at(jobB);
        gb.status.state = FaxGatewayStatus::State::Failed;
        gb.status.pagesSent = 1;
        gb.status.reasonCode = QStringLiteral("busy");
        gb.status.reasonText = QStringLiteral("Busy signal detected");
        f.dispatcher->runOnce();
        QCOMPARE(drain(*sub), (QList<Ev>{{b, QStringLiteral("failed"), 1}}));
        const FaxOutRecord failed = *f.store.fax().fax(b);
        QCOMPARE(failed.reasonCode, QStringLiteral("busy"));
        QCOMPARE(failed.reason, QStringLiteral("Busy signal detected"));
        rows = f.faxRows();
        QCOMPARE(rows.size(), 2);
        QCOMPARE(rows.at(1).pages, 1);
        // The sent list: newest first, both mine.
        QCOMPARE(f.faxes->sentJson(f.kim, 100).size(), 2);
    }

    void resend()
    {
        Fixture f;
        QVERIFY(f.init());
        const qint64 id = f.draft(f.kim);
        const FaxSendResult r =
            f.faxes->send(f.kim, id, {{QStringLiteral("A"), QStringLiteral("02-123-4567")}});
        const qint64 faxId = r.faxes.at(0).toObject().value(QLatin1String("id")).toInteger();
        QCOMPARE(int(f.faxes->resend(f.kim, faxId, QString()).status),
                 int(FaxSendResult::Status::WrongState));
        f.dispatcher->runOnce();
        FakeGateway::Job& job = f.gateway.only();
        job.status.state = FaxGatewayStatus::State::Failed;
        job.status.reasonCode = QStringLiteral("no-answer");
        f.dispatcher->runOnce();
        QCOMPARE(f.state(faxId), QStringLiteral("failed"));
        // A failed fax with no page through is not in the ledger.
        QVERIFY(f.faxRows().isEmpty());
        const FaxSendResult badNumber = f.faxes->resend(f.kim, faxId, QStringLiteral("12"));
        QCOMPARE(int(badNumber.status), int(FaxSendResult::Status::InvalidNumber));
        QCOMPARE(badNumber.reason, QStringLiteral("too-short"));
        const FaxSendResult again = f.faxes->resend(f.kim, faxId, QStringLiteral("031-123-4567"));
        QCOMPARE(int(again.status), int(FaxSendResult::Status::Ok));
        const QJsonObject fax = again.faxes.at(0).toObject();
        QCOMPARE(fax.value(QLatin1String("resendOf")).toInteger(), faxId);
        QCOMPARE(fax.value(QLatin1String("number")).toString(), QStringLiteral("031-123-4567"));
        QCOMPARE(fax.value(QLatin1String("recipientName")).toString(), QStringLiteral("A"));
        QCOMPARE(fax.value(QLatin1String("state")).toString(), QStringLiteral("queued"));
        f.dispatcher->runOnce();
        QCOMPARE(f.gateway.submits, 2);
        // Past keep-days the document's key is destroyed: a resend is gone.
        const qint64 resentId = fax.value(QLatin1String("id")).toInteger();
        QCOMPARE(int(f.faxes->cancel(f.kim, resentId)), int(FaxActionResult::Ok));
        f.clock.advance(31LL * 24 * 3600);
        const int before = f.spoolFiles();
        f.faxes->sweep();
        QCOMPARE(f.store.fax().draft(id)->state, QStringLiteral("gone"));
        QVERIFY(f.store.fax().draft(id)->wrappedKey.isEmpty());
        QCOMPARE(f.spoolFiles(), before - 1);
        const FaxSendResult gone = f.faxes->resend(f.kim, faxId, QString());
        QCOMPARE(int(gone.status), int(FaxSendResult::Status::Gone));
        QCOMPARE(gone.errorCode, QStringLiteral("gone"));
    }

    void keepDaysFromSettings()
    {
        Fixture f;
        QVERIFY(f.init());
        QVERIFY(f.store.fax().setSetting(QStringLiteral("keep-days"), QStringLiteral("2")));
        QCOMPARE(f.faxes->keepDays(), 2);
        const qint64 id = f.draft(f.kim);
        const FaxSendResult r = f.faxes->send(f.kim, id, {{QString(), QStringLiteral("02-123-4567")}});
        const qint64 faxId = r.faxes.at(0).toObject().value(QLatin1String("id")).toInteger();
        // While the fax is live its document stays, keep-days or not.
        f.clock.advance(3 * 24 * 3600);
        f.faxes->sweep();
        QCOMPARE(f.store.fax().draft(id)->state, QStringLiteral("sent"));
        QCOMPARE(int(f.faxes->cancel(f.kim, faxId)), int(FaxActionResult::Ok));
        f.faxes->sweep();
        QCOMPARE(f.store.fax().draft(id)->state, QStringLiteral("gone"));
        QCOMPARE(f.spoolFiles(), 0);
    }

    void cancel()
    {
        Fixture f;
        QVERIFY(f.init());
        const qint64 id = f.draft(f.kim);
        auto sub = f.events.subscribe(f.kim.id, false);
        const FaxSendResult r = f.faxes->send(
            f.kim, id,
            {{QString(), QStringLiteral("02-123-4567")}, {QString(), QStringLiteral("02-765-4321")}});
        const qint64 a = r.faxes.at(0).toObject().value(QLatin1String("id")).toInteger();
        const qint64 b = r.faxes.at(1).toObject().value(QLatin1String("id")).toInteger();
        // Still queued: cancelled here, the gateway never sees it.
        QCOMPARE(int(f.faxes->cancel(f.kim, a)), int(FaxActionResult::Ok));
        QCOMPARE(f.state(a), QStringLiteral("cancelled"));
        QCOMPARE(f.store.fax().fax(a)->reasonCode, QStringLiteral("cancelled"));
        f.dispatcher->runOnce();
        QCOMPARE(f.gateway.submits, 1);
        QCOMPARE(f.gateway.only().dialString, QStringLiteral("027654321"));
        // At the gateway: removed there.
        f.gateway.only().status.state = FaxGatewayStatus::State::Sending;
        f.dispatcher->runOnce();
        QCOMPARE(f.state(b), QStringLiteral("sending"));
        f.gateway.reachable = false;
        QCOMPARE(int(f.faxes->cancel(f.kim, b)), int(FaxActionResult::Failed));
        QCOMPARE(f.state(b), QStringLiteral("sending"));
        f.gateway.reachable = true;
        QCOMPARE(int(f.faxes->cancel(f.kim, b)), int(FaxActionResult::Ok));
        QCOMPARE(f.gateway.cancels, 1);
        QCOMPARE(int(f.gateway.only().status.state), int(FaxGatewayStatus::State::Cancelled));
        QCOMPARE(f.state(b), QStringLiteral("cancelled"));
        QCOMPARE(int(f.faxes->cancel(f.kim, b)), int(FaxActionResult::WrongState));
        const auto events = drain(*sub);
        QCOMPARE(std::get<1>(events.last()), QStringLiteral("cancelled"));
        QVERIFY(f.faxRows().isEmpty());
    }

    // The gateway is down: a fax it never took is cancelled here; one it may hold waits for it.
    void cancelWhileGatewayDown()
    {
        Fixture f;
        QVERIFY(f.init());
        const auto [a, b] = f.sendToTwo();
        QVERIFY(a && b);
        // a: the hand-over failed before the gateway took anything.
        f.gateway.reachable = false;
        f.dispatcher->runOnce();
        QCOMPARE(f.state(a), QStringLiteral("queued"));
        QVERIFY(f.store.fax().fax(a)->gateway.isEmpty());
        QCOMPARE(int(f.faxes->cancel(f.kim, a)), int(FaxActionResult::Ok));
        QCOMPARE(f.state(a), QStringLiteral("cancelled"));
        QCOMPARE(f.store.fax().fax(a)->reasonCode, QStringLiteral("cancelled"));
        // b: the gateway took it but its answer was lost; then the gateway went away.
        f.gateway.reachable = true;
        f.gateway.loseAnswer = true;
        f.dispatcher->runOnce();
        QCOMPARE(f.state(b), QStringLiteral("queued"));
        QCOMPARE(f.store.fax().fax(b)->gateway, QStringLiteral("fake"));
        f.gateway.reachable = false;
        QCOMPARE(int(f.faxes->cancel(f.kim, b)), int(FaxActionResult::Failed));
        QCOMPARE(f.state(b), QStringLiteral("queued"));
        // Back again: found by its tag and removed there; a never reached the gateway at all.
        f.gateway.reachable = true;
        QCOMPARE(int(f.faxes->cancel(f.kim, b)), int(FaxActionResult::Ok));
        QCOMPARE(f.state(b), QStringLiteral("cancelled"));
        QCOMPARE(f.gateway.cancels, 1);
        QCOMPARE(f.gateway.jobs.size(), size_t(1));
        QCOMPARE(f.gateway.only().tag, QStringLiteral("mps-fax-%1").arg(b));
        f.dispatcher->runOnce();
        QCOMPARE(f.gateway.submits, 1);
        QVERIFY(f.faxRows().isEmpty());
    }

    void cancelThroughTheDispatcherThread()
    {
        Fixture f;
        QVERIFY(f.init());
        const qint64 id = f.draft(f.kim);
        auto sub = f.events.subscribe(f.kim.id, false);
        const FaxSendResult r = f.faxes->send(f.kim, id, {{QString(), QStringLiteral("02-123-4567")}});
        const qint64 faxId = r.faxes.at(0).toObject().value(QLatin1String("id")).toInteger();
        f.dispatcher->start();
        // Wait for the hand-over, then cancel from this (an API) thread.
        QJsonObject e;
        bool submitted = false;
        while (!submitted && sub->wait(&e, std::chrono::seconds(30)))
            submitted = e.value(QLatin1String("fax")).toObject().value(QLatin1String("state")).toString() ==
                        QLatin1String("submitted");
        QVERIFY(submitted);
        QCOMPARE(int(f.faxes->cancel(f.kim, faxId)), int(FaxActionResult::Ok));
        f.dispatcher->stop();
        QCOMPARE(f.state(faxId), QStringLiteral("cancelled"));
        QCOMPARE(f.gateway.cancels, 1);
    }

    void crashRecoveryByTag()
    {
        Fixture f;
        QVERIFY(f.init());
        const auto [a, b] = f.sendToTwo();
        QVERIFY(a && b);
        // The server was killed after the gateway accepted fax a but before its row said so, and while
        // it was about to hand over fax b (which never reached the gateway).
        QVERIFY(f.store.fax().markHandingOver(a, QStringLiteral("fake"), f.clock.nowSecs()));
        QVERIFY(f.store.fax().markHandingOver(b, QStringLiteral("fake"), f.clock.nowSecs()));
        FaxSubmission before;
        before.tag = QStringLiteral("mps-fax-%1").arg(a);
        before.dialString = QStringLiteral("021234567");
        QString jobId, err;
        bool retryable = false;
        QVERIFY(f.gateway.submit(before, &jobId, &err, &retryable));
        QCOMPARE(f.gateway.submits, 1);
        // A new dispatcher (the restarted server) finds fax a by its tag and hands over only fax b.
        FaxDispatcher restarted(f.store, *f.faxes, f.gateway, f.clock, FaxDispatcher::Settings());
        restarted.runOnce();
        QCOMPARE(f.gateway.submits, 2);
        QCOMPARE(f.state(a), QStringLiteral("submitted"));
        QCOMPARE(f.store.fax().fax(a)->gatewayJobId, jobId);
        QCOMPARE(f.state(b), QStringLiteral("submitted"));
        QVERIFY(f.store.fax().fax(b)->gatewayJobId != jobId);
        restarted.runOnce();
        QCOMPARE(f.gateway.submits, 2);
        QCOMPARE(f.gateway.jobs.size(), size_t(2));
    }

    void gatewayUnreachable()
    {
        Fixture f;
        QVERIFY(f.init());
        const auto [a, b] = f.sendToTwo();
        QVERIFY(a && b);
        // b reaches the gateway; then the gateway goes away.
        QCOMPARE(int(f.faxes->cancel(f.kim, a)), int(FaxActionResult::Ok));
        f.dispatcher->runOnce();
        QCOMPARE(f.state(b), QStringLiteral("submitted"));
        const qint64 id2 = f.draft(f.kim);
        const FaxSendResult r2 = f.faxes->send(f.kim, id2, {{QString(), QStringLiteral("010-1234-5678")}});
        const qint64 c = r2.faxes.at(0).toObject().value(QLatin1String("id")).toInteger();
        f.gateway.reachable = false;
        f.dispatcher->runOnce();
        QCOMPARE(f.state(c), QStringLiteral("queued"));
        QCOMPARE(f.state(b), QStringLiteral("submitted"));
        f.clock.advance(59 * 60);
        f.dispatcher->runOnce();
        QCOMPARE(f.state(c), QStringLiteral("queued"));
        QCOMPARE(f.state(b), QStringLiteral("submitted"));
        f.clock.advance(2 * 60);
        f.dispatcher->runOnce();
        // Both have been without the gateway for more than gateway-retry-minutes.
        QCOMPARE(f.state(c), QStringLiteral("failed"));
        QCOMPARE(f.store.fax().fax(c)->reasonCode, QStringLiteral("gateway-unreachable"));
        QCOMPARE(f.state(b), QStringLiteral("failed"));
        QCOMPARE(f.store.fax().fax(b)->reasonCode, QStringLiteral("gateway-unreachable"));
        // A gateway that refuses a fax fails it at once.
        f.gateway.reachable = true;
        f.gateway.refuse = true;
        const FaxSendResult r3 = f.faxes->resend(f.kim, c, QString());
        const qint64 d = r3.faxes.at(0).toObject().value(QLatin1String("id")).toInteger();
        f.dispatcher->runOnce();
        QCOMPARE(f.state(d), QStringLiteral("failed"));
        QCOMPARE(f.store.fax().fax(d)->reasonCode, QStringLiteral("gateway-refused"));
    }

    void draftExpiry()
    {
        Fixture f;
        QVERIFY(f.init());
        const qint64 old = f.draft(f.kim);
        f.clock.advance(1800);
        const qint64 young = f.draft(f.kim);
        QCOMPARE(f.spoolFiles(), 2);
        f.clock.advance(1801);
        f.faxes->sweep();
        QVERIFY(!f.faxes->draftJson(f.kim, old));
        QVERIFY(f.faxes->draftJson(f.kim, young));
        QCOMPARE(f.store.fax().draft(old)->state, QStringLiteral("gone"));
        QCOMPARE(f.spoolFiles(), 1);
        QCOMPARE(int(f.faxes->send(f.kim, old, {{QString(), QStringLiteral("02-123-4567")}}).status),
                 int(FaxSendResult::Status::NotFound));
    }

    void contacts()
    {
        Fixture f;
        QVERIFY(f.init());
        QJsonObject c;
        QString code, reason;
        QCOMPARE(int(f.faxes->addContact(f.kim,
                                         {{QStringLiteral("name"), QStringLiteral("서초구청 민원과")},
                                          {QStringLiteral("number"), QStringLiteral("0221234567")}},
                                         &c, &code, &reason)),
                 int(FaxActionResult::Ok));
        QCOMPARE(c.value(QLatin1String("number")).toString(), QStringLiteral("02-2123-4567"));
        QCOMPARE(c.value(QLatin1String("scope")).toString(), QStringLiteral("personal"));
        QCOMPARE(int(f.faxes->addContact(f.kim,
                                         {{QStringLiteral("name"), QStringLiteral("Printer vendor")},
                                          {QStringLiteral("number"), QStringLiteral("1588-1234")},
                                          {QStringLiteral("scope"), QStringLiteral("department")},
                                          {QStringLiteral("note"), QStringLiteral("toner")}},
                                         &c, &code, &reason)),
                 int(FaxActionResult::Ok));
        const qint64 shared = c.value(QLatin1String("id")).toInteger();
        QCOMPARE(c.value(QLatin1String("department")).toString(), QStringLiteral("CIVIL"));
        QCOMPARE(int(f.faxes->addContact(f.kim,
                                         {{QStringLiteral("name"), QStringLiteral("x")},
                                          {QStringLiteral("number"), QStringLiteral("+1 212 555 0100")}},
                                         &c, &code, &reason)),
                 int(FaxActionResult::Invalid));
        QCOMPARE(code, QStringLiteral("invalid-number"));
        QCOMPARE(reason, QStringLiteral("international-unsupported"));
        QCOMPARE(f.faxes->contactsJson(f.kim, QString()).size(), 2);
        QCOMPARE(f.faxes->contactsJson(f.kim, QStringLiteral("민원")).size(), 1);
        QCOMPARE(f.faxes->contactsJson(f.kim, QStringLiteral("1588")).size(), 1);
        QCOMPARE(f.faxes->contactsJson(f.kim, QStringLiteral("21234")).size(), 1);
        QCOMPARE(f.faxes->contactsJson(f.kim, QStringLiteral("nobody")).size(), 0);
        // park (same department) sees the shared entry only and cannot change it; lee sees none.
        QCOMPARE(f.faxes->contactsJson(f.park, QString()).size(), 1);
        QCOMPARE(f.faxes->contactsJson(f.lee, QString()).size(), 0);
        QCOMPARE(int(f.faxes->removeContact(f.park, shared)), int(FaxActionResult::Forbidden));
        QCOMPARE(int(f.faxes->removeContact(f.lee, shared)), int(FaxActionResult::NotFound));
        // The department's head may.
        QString err;
        QVERIFY(f.store.departments().setHead(f.park.departmentId, f.park.id, false, &err));
        QCOMPARE(
            int(f.faxes->updateContact(f.park, shared, {{QStringLiteral("name"), QStringLiteral("Vendor")}},
                                       &c, &code, &reason)),
            int(FaxActionResult::Ok));
        QCOMPARE(c.value(QLatin1String("name")).toString(), QStringLiteral("Vendor"));
        QCOMPARE(c.value(QLatin1String("number")).toString(), QStringLiteral("1588-1234"));
        QCOMPARE(int(f.faxes->removeContact(f.park, shared)), int(FaxActionResult::Ok));
        QCOMPARE(f.faxes->contactsJson(f.kim, QString()).size(), 1);
    }
};

QTEST_MAIN(TestFaxService)
#include "TestFaxService.moc"
