// EventBus (server/EventBus): event ids, replay after Last-Event-ID with the same visibility as live
// events, refetch when the history no longer covers the gap, per-key stream caps, detaching on close.
#include "EventBus.h"

#include <QJsonObject>
#include <QTest>
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

EventBus::Formatter standard()
{
    return [](quint64, const QJsonObject&, const QByteArray& s) { return s; };
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
            [](quint64 id, const QJsonObject& e, const QByteArray&) -> QByteArray {
                if (e.value("type").toString() != "job-held")
                    return {};
                return "id: " + QByteArray::number(id) + "\nevent: candidates-changed\ndata: {}\n\n";
            },
            bus.lastEventId());
        bus.publishToUser(5, ev("job-held", 1));
        bus.publishToAll(ev("printer-changed", 0));
        QCOMPARE(s->events().size(), 1);
        QCOMPARE(s->events()[0].second, QByteArray("candidates-changed"));
        QVERIFY(!s->all().contains("\"job\""));
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
