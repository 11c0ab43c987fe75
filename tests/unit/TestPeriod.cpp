// Accounting periods: month boundaries in the office's time zone with a configurable start day.
#include "Period.h"

#include <QDateTime>
#include <QTest>

namespace {

qint64 utc(const char* iso)
{
    const QDateTime t = QDateTime::fromString(QString::fromLatin1(iso), Qt::ISODate);
    Q_ASSERT(t.isValid());
    return t.toSecsSinceEpoch();
}

PeriodSpec spec(int startDay, const char* zone)
{
    return PeriodSpec{startDay, QTimeZone(QByteArray(zone))};
}

} // namespace

class TestPeriod : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void zones()
    {
        // The rows below need the tz database; fail loudly rather than test UTC twice.
        QVERIFY(QTimeZone(QByteArray("Asia/Seoul")).isValid());
        QVERIFY(QTimeZone(QByteArray("Europe/Berlin")).isValid());
        QVERIFY(QTimeZone(QByteArray("America/Santiago")).isValid());
        QCOMPARE(PeriodSpec().startDay, 1);
        QCOMPARE(PeriodSpec().zone.id(), QByteArray("Asia/Seoul"));
    }

    void containing_data()
    {
        QTest::addColumn<QString>("instant");
        QTest::addColumn<int>("startDay");
        QTest::addColumn<QString>("zone");
        QTest::addColumn<QString>("label");
        QTest::addColumn<QString>("begin");
        QTest::addColumn<QString>("end");
        const auto row = [](const char* name, const char* instant, int day, const char* zone,
                            const char* label, const char* begin, const char* end) {
            QTest::newRow(name) << QString::fromLatin1(instant) << day << QString::fromLatin1(zone)
                                << QString::fromLatin1(label) << QString::fromLatin1(begin)
                                << QString::fromLatin1(end);
        };
        row("mid month Seoul", "2026-11-15T12:00:00Z", 1, "Asia/Seoul", "2026-11", "2026-10-31T15:00:00Z",
            "2026-11-30T15:00:00Z");
        // 1 Dec 00:00 in Seoul is 30 Nov 15:00 UTC: the same instant is December in Seoul, November in UTC.
        row("boundary instant Seoul", "2026-11-30T15:00:00Z", 1, "Asia/Seoul", "2026-12",
            "2026-11-30T15:00:00Z", "2026-12-31T15:00:00Z");
        row("boundary instant UTC", "2026-11-30T15:00:00Z", 1, "UTC", "2026-11", "2026-11-01T00:00:00Z",
            "2026-12-01T00:00:00Z");
        row("one second before Seoul", "2026-11-30T14:59:59Z", 1, "Asia/Seoul", "2026-11",
            "2026-10-31T15:00:00Z", "2026-11-30T15:00:00Z");
        row("31st last second", "2026-01-31T23:59:59Z", 1, "UTC", "2026-01", "2026-01-01T00:00:00Z",
            "2026-02-01T00:00:00Z");
        row("31st in Seoul is next month", "2026-01-31T15:00:00Z", 1, "Asia/Seoul", "2026-02",
            "2026-01-31T15:00:00Z", "2026-02-28T15:00:00Z");
        row("leap day", "2028-02-29T12:00:00Z", 1, "UTC", "2028-02", "2028-02-01T00:00:00Z",
            "2028-03-01T00:00:00Z");
        row("leap day ends in Seoul", "2028-02-29T15:00:00Z", 1, "Asia/Seoul", "2028-03",
            "2028-02-29T15:00:00Z", "2028-03-31T15:00:00Z");
        row("day 25 after start", "2026-11-25T00:00:00+09:00", 25, "Asia/Seoul", "2026-11",
            "2026-11-24T15:00:00Z", "2026-12-24T15:00:00Z");
        row("day 25 before start", "2026-11-24T23:59:59+09:00", 25, "Asia/Seoul", "2026-10",
            "2026-10-24T15:00:00Z", "2026-11-24T15:00:00Z");
        row("day 25 December", "2026-12-26T00:00:00Z", 25, "Asia/Seoul", "2026-12", "2026-12-24T15:00:00Z",
            "2027-01-24T15:00:00Z");
        row("day 25 into January", "2027-01-10T00:00:00Z", 25, "Asia/Seoul", "2026-12",
            "2026-12-24T15:00:00Z", "2027-01-24T15:00:00Z");
        row("day 25 January starts", "2027-01-25T00:00:00+09:00", 25, "Asia/Seoul", "2027-01",
            "2027-01-24T15:00:00Z", "2027-02-24T15:00:00Z");
        row("day 28 February", "2027-02-28T00:00:00Z", 28, "UTC", "2027-02", "2027-02-28T00:00:00Z",
            "2027-03-28T00:00:00Z");
        row("start day 31 clamps to 28", "2026-03-30T00:00:00Z", 31, "UTC", "2026-03", "2026-03-28T00:00:00Z",
            "2026-04-28T00:00:00Z");
        row("start day 0 clamps to 1", "2026-03-30T00:00:00Z", 0, "UTC", "2026-03", "2026-03-01T00:00:00Z",
            "2026-04-01T00:00:00Z");
        // Summer time starts in March: the period begins at UTC+1 and ends at UTC+2.
        row("Berlin summer time", "2026-03-15T12:00:00Z", 1, "Europe/Berlin", "2026-03",
            "2026-02-28T23:00:00Z", "2026-03-31T22:00:00Z");
        // Chile moves its clocks from 00:00 to 01:00: the period begins at the first hour that exists.
        row("midnight skipped", "2026-09-10T12:00:00Z", 6, "America/Santiago", "2026-09",
            "2026-09-06T04:00:00Z", "2026-10-06T03:00:00Z");
        row("just before skipped midnight", "2026-09-06T03:59:59Z", 6, "America/Santiago", "2026-08",
            "2026-08-06T04:00:00Z", "2026-09-06T04:00:00Z");
        row("invalid zone is UTC", "2026-03-15T12:00:00Z", 1, "No/Such_Zone", "2026-03",
            "2026-03-01T00:00:00Z", "2026-04-01T00:00:00Z");
    }
    void containing()
    {
        QFETCH(QString, instant);
        QFETCH(int, startDay);
        QFETCH(QString, zone);
        QFETCH(QString, label);
        QFETCH(QString, begin);
        QFETCH(QString, end);
        const PeriodSpec s = spec(startDay, zone.toLatin1().constData());
        const qint64 t = utc(instant.toLatin1().constData());
        const Period p = Period::containing(t, s);
        QCOMPARE(p.label, label);
        QCOMPARE(p.beginSecs, utc(begin.toLatin1().constData()));
        QCOMPARE(p.endSecs, utc(end.toLatin1().constData()));
        QVERIFY(p.contains(t));
        QVERIFY(p.isValid());
        // The label names the same period.
        QCOMPARE(Period::fromLabel(label, s), std::optional<Period>(p));
    }

    void fromLabelInvalid_data()
    {
        QTest::addColumn<QString>("label");
        QTest::newRow("month 13") << "2026-13";
        QTest::newRow("month 00") << "2026-00";
        QTest::newRow("one-digit month") << "2026-1";
        QTest::newRow("two-digit year") << "26-11";
        QTest::newRow("slash") << "2026/11";
        QTest::newRow("with day") << "2026-11-01";
        QTest::newRow("leading space") << " 2026-11";
        QTest::newRow("letters") << "abcd-ef";
        QTest::newRow("year 999") << "0999-01";
        QTest::newRow("empty") << "";
    }
    void fromLabelInvalid()
    {
        QFETCH(QString, label);
        QVERIFY(!Period::fromLabel(label, PeriodSpec()));
    }

    void previousAndNext_data()
    {
        QTest::addColumn<QString>("label");
        QTest::addColumn<QString>("previous");
        QTest::addColumn<QString>("next");
        QTest::newRow("January") << "2026-01"
                                 << "2025-12"
                                 << "2026-02";
        QTest::newRow("December") << "2026-12"
                                  << "2026-11"
                                  << "2027-01";
        QTest::newRow("leap February") << "2028-02"
                                       << "2028-01"
                                       << "2028-03";
    }
    void previousAndNext()
    {
        QFETCH(QString, label);
        QFETCH(QString, previous);
        QFETCH(QString, next);
        for (int day : {1, 25}) {
            const PeriodSpec s = spec(day, "Asia/Seoul");
            const Period p = *Period::fromLabel(label, s);
            QCOMPARE(p.previous(s).label, previous);
            QCOMPARE(p.next(s).label, next);
            QCOMPARE(p.previous(s).endSecs, p.beginSecs);
            QCOMPARE(p.next(s).beginSecs, p.endSecs);
            QCOMPARE(p.next(s).previous(s), p);
        }
    }

    void periodsTileTime()
    {
        // Two years of consecutive periods, each ending where the next begins, each instant in exactly one.
        const PeriodSpec s = spec(25, "Asia/Seoul");
        Period p = Period::containing(utc("2026-01-01T00:00:00Z"), s);
        for (int i = 0; i < 24; ++i) {
            const Period n = p.next(s);
            QCOMPARE(n.beginSecs, p.endSecs);
            QCOMPARE(Period::containing(p.endSecs - 1, s), p);
            QCOMPARE(Period::containing(p.endSecs, s), n);
            p = n;
        }
    }

    void lastN()
    {
        const PeriodSpec s = spec(1, "Asia/Seoul");
        const Period nov = *Period::fromLabel(QStringLiteral("2026-11"), s);
        const QList<Period> twelve = nov.lastN(12, s);
        QCOMPARE(twelve.size(), 12);
        QCOMPARE(twelve.first().label, QStringLiteral("2025-12"));
        QCOMPARE(twelve.at(1).label, QStringLiteral("2026-01"));
        QCOMPARE(twelve.last(), nov);
        for (qsizetype i = 1; i < twelve.size(); ++i)
            QCOMPARE(twelve.at(i).beginSecs, twelve.at(i - 1).endSecs);
        QCOMPARE(nov.lastN(1, s), QList<Period>{nov});
        QVERIFY(nov.lastN(0, s).isEmpty());
        QVERIFY(nov.lastN(-3, s).isEmpty());
    }

    void json()
    {
        const PeriodSpec s = spec(25, "Asia/Seoul");
        const Period p = *Period::fromLabel(QStringLiteral("2026-11"), s);
        const QJsonObject o = p.toJson();
        QCOMPARE(o.value(QStringLiteral("label")).toString(), QStringLiteral("2026-11"));
        QCOMPARE(o.value(QStringLiteral("begin")).toString(), QStringLiteral("2026-11-24T15:00:00Z"));
        QCOMPARE(o.value(QStringLiteral("end")).toString(), QStringLiteral("2026-12-24T15:00:00Z"));
        const QJsonObject local = p.toJson(s.zone);
        QCOMPARE(local.value(QStringLiteral("begin")).toString(),
                 QStringLiteral("2026-11-25T00:00:00+09:00"));
        QCOMPARE(local.value(QStringLiteral("end")).toString(), QStringLiteral("2026-12-25T00:00:00+09:00"));
        QCOMPARE(Period::fromJson(o), std::optional<Period>(p));
        QCOMPARE(Period::fromJson(local), std::optional<Period>(p));
        QJsonObject bad = o;
        bad.insert(QStringLiteral("label"), QStringLiteral("2026-13"));
        QVERIFY(!Period::fromJson(bad));
        bad = o;
        bad.remove(QStringLiteral("end"));
        QVERIFY(!Period::fromJson(bad));
        bad = o;
        bad.insert(QStringLiteral("end"), o.value(QStringLiteral("begin")));
        QVERIFY(!Period::fromJson(bad));
    }

    void specValidity()
    {
        QVERIFY(PeriodSpec().isValid());
        QVERIFY(spec(28, "UTC").isValid());
        QVERIFY(!spec(29, "UTC").isValid());
        QVERIFY(!spec(0, "UTC").isValid());
        QVERIFY(!spec(1, "No/Such_Zone").isValid());
    }
};

QTEST_GUILESS_MAIN(TestPeriod)
#include "TestPeriod.moc"
