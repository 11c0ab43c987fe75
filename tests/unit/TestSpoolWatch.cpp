// SpoolWatch (docs/server.md "Spool space"): the levels of a real spool directory's file system, one mail
// per change of level, the level kept across a restart, and a relay that fails tried again after 1, 2, 4
// minutes, not at every sweep.
#include "ManualClock.h"
#include "Spool.h"
#include "SpoolWatch.h"

#include <QTemporaryDir>
#include <QtTest>

namespace {

constexpr qint64 MiB = 1024 * 1024;
constexpr qint64 Huge = qint64(1) << 60; // more than any disk: the spool is always below it

struct Relay
{
    QList<MailMessage> sent; ///< every message tried
    bool failing = false;
    SmtpMailer::Result send(const MailMessage& m)
    {
        sent.append(m);
        SmtpMailer::Result r;
        r.ok = !failing;
        r.retryable = failing;
        r.error = failing ? QStringLiteral("connection refused") : QString();
        return r;
    }
};

} // namespace

class TestSpoolWatch : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    std::unique_ptr<Spool> m_spoolOwner;
    ManualClock m_clock;
    Relay m_relay;
    QString m_state; ///< what the watch stored
    QList<QJsonObject> m_events;

    std::unique_ptr<SpoolWatch> watch(qint64 warnBytes)
    {
        SpoolWatch::Hooks hooks;
        hooks.recipients = [] { return QStringList{QStringLiteral("admin@example.test")}; };
        hooks.publishToAdmins = [this](const QJsonObject& e) { m_events.append(e); };
        hooks.send = [this](const MailMessage& m) { return m_relay.send(m); };
        hooks.loadState = [this] { return m_state; };
        hooks.saveState = [this](const QString& s) { m_state = s; };
        return std::make_unique<SpoolWatch>(*m_spoolOwner, warnBytes, m_dir.filePath(QStringLiteral("spool")),
                                            m_clock, hooks);
    }

private Q_SLOTS:
    void init()
    {
        QVERIFY(m_dir.isValid());
        QString error;
        m_spoolOwner = std::make_unique<Spool>();
        QVERIFY2(m_spoolOwner->open(m_dir.filePath(QStringLiteral("spool")), &error), qPrintable(error));
        m_spoolOwner->setReserveBytes(0);
        m_relay = Relay();
        m_state.clear();
        m_events.clear();
    }

    void levelsFollowTheFreeSpace()
    {
        // Nothing to say while there is room.
        auto w = watch(MiB);
        w->check();
        QCOMPARE(w->level(), SpoolWatch::Level::Ok);
        QVERIFY(m_relay.sent.isEmpty() && m_events.isEmpty());
        // Below the warning mark: low, one mail, one event.
        w = watch(Huge);
        w->check();
        w->check();
        QCOMPARE(w->level(), SpoolWatch::Level::Low);
        QCOMPARE(m_relay.sent.size(), 1);
        QVERIFY(m_relay.sent[0].subject.contains(QLatin1String("Print server storage low")));
        QVERIFY(m_relay.sent[0].text.contains(QStringLiteral("저장 공간이 부족합니다")));
        QVERIFY(m_relay.sent[0].text.contains(m_dir.filePath(QStringLiteral("spool"))));
        QCOMPARE(m_relay.sent[0].to, QStringList{QStringLiteral("admin@example.test")});
        QCOMPARE(m_events.size(), 1);
        QCOMPARE(m_events[0].value(QLatin1String("condition")).toString(), QStringLiteral("spool-low"));
        // At the reserve: full.
        m_spoolOwner->setReserveBytes(Huge);
        w->check();
        QCOMPARE(w->level(), SpoolWatch::Level::Full);
        QCOMPARE(m_relay.sent.size(), 2);
        QVERIFY(m_relay.sent[1].subject.contains(QLatin1String("full")));
        // Back from full to low (the reserve gone, the warning mark not): nothing is mailed.
        m_spoolOwner->setReserveBytes(0);
        w->check();
        QCOMPARE(w->level(), SpoolWatch::Level::Low);
        QCOMPARE(m_relay.sent.size(), 2);
        QCOMPARE(m_events.size(), 3);
        // A restart at that level neither repeats nor forgets: nothing is owed.
        w = watch(Huge);
        QCOMPARE(w->level(), SpoolWatch::Level::Low);
        w->check();
        QCOMPARE(m_relay.sent.size(), 2);
        // Room again: the all-clear.
        w = watch(MiB);
        w->check();
        QCOMPARE(w->level(), SpoolWatch::Level::Ok);
        QCOMPARE(m_relay.sent.size(), 3);
        QVERIFY(m_relay.sent[2].subject.contains(QLatin1String("has room again")));
        QCOMPARE(m_events.last().value(QLatin1String("condition")).toString(), QStringLiteral("spool-ok"));
    }

    void anAllClearFollowsOnlyWhatWasTold()
    {
        // Low is told; the full mail then fails; room again: the all-clear goes (they heard "low").
        auto w = watch(Huge);
        w->check();
        QCOMPARE(m_relay.sent.size(), 1);
        m_relay.failing = true;
        m_spoolOwner->setReserveBytes(Huge);
        w->check();
        QCOMPARE(m_relay.sent.size(), 2);
        m_relay.failing = false;
        m_spoolOwner->setReserveBytes(0);
        w = watch(MiB); // a restart with room: what was told is stored
        w->check();
        QCOMPARE(m_relay.sent.size(), 3);
        QVERIFY(m_relay.sent[2].subject.contains(QLatin1String("has room again")));
        // Nothing went out (the relay failed): room again says nothing.
        m_relay = Relay();
        m_relay.failing = true;
        w = watch(Huge);
        w->check();
        QCOMPARE(m_relay.sent.size(), 1);
        m_relay.failing = false;
        w = watch(MiB);
        w->check();
        QCOMPARE(w->level(), SpoolWatch::Level::Ok);
        QCOMPARE(m_relay.sent.size(), 1);
    }

    void aFailingRelayIsTriedAgainLater()
    {
        m_relay.failing = true;
        m_spoolOwner->setReserveBytes(Huge);
        auto w = watch(MiB);
        w->check(); // full: the mail fails
        QCOMPARE(m_relay.sent.size(), 1);
        m_clock.advance(30);
        w->check(); // not before a minute
        QCOMPARE(m_relay.sent.size(), 1);
        m_clock.advance(31);
        w->check(); // fails again: then two minutes
        QCOMPARE(m_relay.sent.size(), 2);
        m_clock.advance(119);
        w->check();
        QCOMPARE(m_relay.sent.size(), 2);
        // Still owed after a restart (stored), and sent once the relay answers.
        m_relay.failing = false;
        w = watch(MiB);
        m_clock.advance(1);
        w->check();
        QCOMPARE(m_relay.sent.size(), 3);
        QVERIFY(m_relay.sent[2].subject.contains(QLatin1String("full")));
        w->check();
        QCOMPARE(m_relay.sent.size(), 3);
    }
};

QTEST_GUILESS_MAIN(TestSpoolWatch)
#include "TestSpoolWatch.moc"
