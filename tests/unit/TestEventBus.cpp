// EventBus (server/EventBus): event ids, replay after Last-Event-ID with the same visibility as live
// events, refetch when the history no longer covers the gap, per-key stream caps, detaching on close,
// what the history costs.
#include "EventBus.h"
#include "JobInfo.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>
#include <malloc.h>
#include <mutex>

namespace {
/// A push stream that records what it is given (the bus's side of a connection).
class RecordingStream final : public PushStream
{
public:
    bool push(const QByteArray& data) override
    {
        std::lock_guard lock(m_mutex);
        if (m_closed)
            return false;
        m_chunks.append(data);
        return true;
    }
    bool isOpen() const override
    {
        std::lock_guard lock(m_mutex);
        return !m_closed;
    }
    void close() override
    {
        std::function<void()> f;
        {
            std::lock_guard lock(m_mutex);
            m_closed = true;
            f = std::move(m_onClosed);
        }
        if (f)
            f();
    }
    void setOnClosed(std::function<void()> onClosed) override
    {
        std::lock_guard lock(m_mutex);
        m_onClosed = std::move(onClosed);
    }
    QByteArray all() const
    {
        std::lock_guard lock(m_mutex);
        return m_chunks.join();
    }
    /// The ids and types of the events received, in order.
    QList<QPair<quint64, QByteArray>> events() const
    {
        QList<QPair<quint64, QByteArray>> out;
        for (const QByteArray& block : all().split('\n')) {
            if (block.startsWith("id: "))
                out.append(qMakePair(block.mid(4).toULongLong(), QByteArray()));
            else if (block.startsWith("event: ") && !out.isEmpty())
                out.last().second = block.mid(7);
        }
        return out;
    }

private:
    mutable std::mutex m_mutex;
    QByteArrayList m_chunks;
    bool m_closed = false;
    std::function<void()> m_onClosed;
};

QJsonObject ev(const char* type, int job)
{
    return {{QStringLiteral("type"), QString::fromLatin1(type)}, {QStringLiteral("job"), job}};
}

/// A job event as JobService publishes it (the job as its owner sees it).
QJsonObject jobHeld(int job)
{
    JobInfo j;
    j.id = job;
    j.owner = QStringLiteral("kim");
    j.name = QStringLiteral("2027년 예산안 검토 의견서 (최종).pdf");
    j.documentFormat = QStringLiteral("application/pdf");
    j.size = 1048576;
    j.pages = 12;
    j.pageSize = QStringLiteral("iso_a4_210x297mm");
    j.submitted = QDateTime::fromSecsSinceEpoch(1796000000 + job);
    j.expires = j.submitted.addDays(3);
    QJsonObject o = j.toJson();
    o.insert(QStringLiteral("ownerDisplayName"), QStringLiteral("김민지 (총무과)"));
    return {{QStringLiteral("type"), QStringLiteral("job-held")}, {QStringLiteral("job"), o}};
}

EventBus::Formatter standard()
{
    return [](const EventBus::Event& e) { return e.standard(); };
}
} // namespace

class TestEventBus : public QObject
{
    Q_OBJECT
private slots:
    void liveEventsCarryIncreasingIds()
    {
        EventBus bus;
        auto s = std::make_shared<RecordingStream>();
        QVERIFY(bus.reserveStream("user:1"));
        bus.attachStream(1, false, "user:1", s, standard(), bus.lastEventId());
        bus.publishToUser(1, ev("job-held", 10));
        bus.publishToUser(2, ev("job-held", 20)); // someone else's
        bus.publishToAll(ev("printer-changed", 0));
        const auto got = s->events();
        QCOMPARE(got.size(), 2);
        QCOMPARE(got[0].second, QByteArray("job-held"));
        QCOMPARE(got[1].second, QByteArray("printer-changed"));
        QVERIFY(got[0].first < got[1].first);
        QCOMPARE(got[1].first, bus.lastEventId());
        QVERIFY(s->all().contains("\"job\":10"));
        QVERIFY(!s->all().contains("\"job\":20"));
    }

    void replayGivesWhatWasMissedThatTheUserMaySee()
    {
        EventBus bus;
        bus.publishToUser(1, ev("job-held", 1));
        const quint64 seen = bus.lastEventId();
        bus.publishToUser(2, ev("job-held", 2));    // not kim's
        bus.publishToUser(1, ev("job-changed", 1)); // kim's
        bus.publishToAdmins(ev("device-alert", 0)); // admins only
        bus.publishToUserOnly(2, ev("fax-received", 3));
        bus.publishToAll(ev("printer-changed", 0));
        auto kim = std::make_shared<RecordingStream>();
        QVERIFY(bus.reserveStream("user:1"));
        bus.attachStream(1, false, "user:1", kim, standard(), seen);
        QCOMPARE(kim->events().size(), 2);
        QCOMPARE(kim->events()[0].second, QByteArray("job-changed"));
        QCOMPARE(kim->events()[1].second, QByteArray("printer-changed"));
        // An admin sees other users' jobs and admin events, but not another user's private mail.
        auto admin = std::make_shared<RecordingStream>();
        QVERIFY(bus.reserveStream("user:9"));
        bus.attachStream(9, true, "user:9", admin, standard(), seen);
        QList<QByteArray> types;
        for (const auto& e : admin->events())
            types.append(e.second);
        QCOMPARE(types, (QList<QByteArray>{"job-held", "job-changed", "device-alert", "printer-changed"}));
        // Then live events follow the replay, in order.
        bus.publishToUser(1, ev("job-printed", 1));
        QCOMPARE(kim->events().last().second, QByteArray("job-printed"));
        QVERIFY(kim->events()[1].first < kim->events()[2].first);
    }

    void unknownOrFutureIdsAskForARefetch()
    {
        EventBus bus;
        bus.publishToAll(ev("printer-changed", 0));
        for (quint64 since : {quint64(1), bus.lastEventId() + 5}) {
            auto s = std::make_shared<RecordingStream>();
            QVERIFY(bus.reserveStream("k"));
            bus.attachStream(1, false, "k", s, standard(), since);
            QCOMPARE(s->events().size(), 1);
            QCOMPARE(s->events()[0].second, QByteArray("refetch"));
            s->close();
        }
    }

    void formatterCanRenameAndSkip()
    {
        EventBus bus;
        auto s = std::make_shared<RecordingStream>();
        QVERIFY(bus.reserveStream("kiosk:1"));
        bus.attachStream(
            0, true, "kiosk:1", s,
            [](const EventBus::Event& e) -> QByteArray {
                if (e.type() != "job-held")
                    return {};
                return "id: " + QByteArray::number(e.id()) + "\nevent: candidates-changed\ndata: {}\n\n";
            },
            bus.lastEventId());
        bus.publishToUser(5, ev("job-held", 1));
        bus.publishToAll(ev("printer-changed", 0));
        QCOMPARE(s->events().size(), 1);
        QCOMPARE(s->events()[0].second, QByteArray("candidates-changed"));
        QVERIFY(!s->all().contains("\"job\""));
    }

    void replayedEventsLookToAFormatterAsLiveOnesDo()
    {
        // A kiosk-like formatter reads the event's type and fields: it must see the same on a
        // replay (from the history's bytes) as live.
        EventBus bus;
        bus.publishToAll(ev("printer-changed", 0));
        const quint64 seen = bus.lastEventId();
        bus.publishToUser(1, jobHeld(7));
        bus.publishToUser(1, jobHeld(8));
        QStringList seenByFormatter;
        const EventBus::Formatter onlyJob8 = [&seenByFormatter](const EventBus::Event& e) -> QByteArray {
            const QJsonObject o = e.object();
            seenByFormatter.append(
                QStringLiteral("%1 %2 %3")
                    .arg(QString::fromLatin1(e.type()), o.value("job").toObject().value("name").toString())
                    .arg(o.value("job").toObject().value("id").toInteger()));
            return o.value("job").toObject().value("id").toInteger() == 8 ? e.standard() : QByteArray();
        };
        auto replayed = std::make_shared<RecordingStream>();
        QVERIFY(bus.reserveStream("k"));
        bus.attachStream(1, false, "k", replayed, onlyJob8, seen);
        const QStringList fromHistory = seenByFormatter;
        seenByFormatter.clear();
        auto live = std::make_shared<RecordingStream>();
        QVERIFY(bus.reserveStream("k"));
        bus.attachStream(1, false, "k", live, onlyJob8, bus.lastEventId());
        replayed->close();
        bus.publishToUser(1, jobHeld(7));
        bus.publishToUser(1, jobHeld(8));
        const QString name = QStringLiteral("2027년 예산안 검토 의견서 (최종).pdf");
        QCOMPARE(fromHistory, (QStringList{"job-held " + name + " 7", "job-held " + name + " 8"}));
        QCOMPARE(seenByFormatter, fromHistory);
        QCOMPARE(replayed->events().size(), 1);
        QCOMPARE(live->events().size(), 1);
        // The bytes sent are the same but for the id.
        QCOMPARE(replayed->all().mid(replayed->all().indexOf("\nevent:")),
                 live->all().mid(live->all().indexOf("\nevent:")));
    }

    void aReplayTooLongForOneWriteStopsFormattingAndAsksForARefetch()
    {
        EventBus bus;
        bus.publishToAll(ev("printer-changed", 0));
        const quint64 seen = bus.lastEventId();
        for (int i = 0; i < 5000; ++i)
            bus.publishToUser(1, jobHeld(i)); // ~1 KB each: 5 MB missed
        int formatted = 0;
        auto s = std::make_shared<RecordingStream>();
        QVERIFY(bus.reserveStream("k"));
        bus.attachStream(
            1, false, "k", s,
            [&formatted](const EventBus::Event& e) {
                ++formatted;
                return e.standard();
            },
            seen);
        QCOMPARE(s->events().size(), 1);
        QCOMPARE(s->events()[0].second, QByteArray("refetch"));
        QVERIFY2(formatted < 500, qPrintable(QString::number(formatted))); // 128 KiB's worth, not 5,000
    }

    void theHistoryKeepsAJobEventInLittleMoreThanItsBytes()
    {
        // Ten thousand events (the history's most) of a city hall's busy ten minutes stay in memory
        // for replay: kept as the bytes a stream sends, not also as JSON objects (~3 KB more each).
        EventBus bus;
        const QByteArray one = QJsonDocument(jobHeld(1)).toJson(QJsonDocument::Compact);
        const size_t before = mallinfo2().uordblks;
        for (int i = 0; i < 10000; ++i)
            bus.publishToUser(1, jobHeld(i));
        const double perEvent = double(mallinfo2().uordblks - before) / 10000;
        qInfo("%.0f bytes in use per event of %lld bytes of JSON", perEvent, qint64(one.size()));
        QVERIFY2(perEvent < 2.0 * one.size(), qPrintable(QString::number(perEvent)));
    }

    void streamsAreCappedPerKeyAndGiveTheirPlaceBack()
    {
        EventBus bus;
        bus.setStreamsPerKey(2);
        auto a = std::make_shared<RecordingStream>();
        auto b = std::make_shared<RecordingStream>();
        QVERIFY(bus.reserveStream("user:1"));
        bus.attachStream(1, false, "user:1", a, standard(), 0);
        QVERIFY(bus.reserveStream("user:1"));
        bus.attachStream(1, false, "user:1", b, standard(), 0);
        QVERIFY(!bus.reserveStream("user:1"));
        QVERIFY(bus.reserveStream("user:2")); // another user is not affected
        bus.releaseStream("user:2");
        QCOMPARE(bus.streamCount(), 2);
        a->close(); // the connection ended: detached, its place free again
        QCOMPARE(bus.streamCount(), 1);
        QVERIFY(bus.reserveStream("user:1"));
        bus.publishToUser(1, ev("job-held", 1));
        QVERIFY(a->events().isEmpty());
        QCOMPARE(b->events().size(), 1);
    }
};

QTEST_GUILESS_MAIN(TestEventBus)
#include "TestEventBus.moc"
