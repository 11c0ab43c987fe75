// SupplyForecast (docs/devices.md): least-squares use per day over the samples since the last refill,
// days left rounded down, nothing when the history is too short or the level does not fall.
#include "SupplyForecast.h"

#include <QTest>

namespace {
constexpr qint64 Day = 86400;
constexpr qint64 Now = 1800000000;

QList<SupplyForecast::Sample> daily(const QList<int>& levels, qint64 lastAt = Now)
{
    // One sample a day, the last one at `lastAt`.
    QList<SupplyForecast::Sample> out;
    for (int i = 0; i < levels.size(); ++i)
        out.append({lastAt - (levels.size() - 1 - i) * Day, levels[i]});
    return out;
}
} // namespace

class TestSupplyForecast : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void knownAnswers_data()
    {
        QTest::addColumn<QList<int>>("levels");
        QTest::addColumn<int>("levelNow");
        QTest::addColumn<double>("perDay"); // -1: none
        QTest::addColumn<int>("daysLeft");  // -1: none
        QTest::newRow("steady 2/day") << QList<int>{60, 58, 56, 54, 52, 50} << 50 << 2.0 << 25;
        QTest::newRow("3/day rounds down") << QList<int>{40, 37, 34, 31} << 31 << 3.0 << 10;
        QTest::newRow("noisy slope") << QList<int>{50, 49, 46, 46, 42} << 42 << 1.9 << 22;
        QTest::newRow("flat: none") << QList<int>{50, 50, 50} << 50 << -1.0 << -1;
        QTest::newRow("rising: none") << QList<int>{40, 45, 50} << 50 << -1.0 << -1;
        QTest::newRow("one sample: none") << QList<int>{50} << 50 << -1.0 << -1;
        // A refill (a rise of 20 points or more) starts the history again: only 90, 85, 80 count.
        QTest::newRow("after refill") << QList<int>{20, 15, 10, 90, 85, 80} << 80 << 5.0 << 16;
        // A rise of less than 20 is noise, not a refill.
        QTest::newRow("small rise kept") << QList<int>{60, 50, 55, 40} << 40 << 5.5 << 7;
        QTest::newRow("level unknown: no days") << QList<int>{60, 58, 56} << -1 << 2.0 << -1;
        QTest::newRow("empty now: 0 days") << QList<int>{4, 2, 0} << 0 << 2.0 << 0;
    }
    void knownAnswers()
    {
        QFETCH(QList<int>, levels);
        QFETCH(int, levelNow);
        QFETCH(double, perDay);
        QFETCH(int, daysLeft);
        const SupplyForecast::Result r = SupplyForecast::forecast(daily(levels), levelNow, Now);
        if (perDay < 0) {
            QVERIFY(!r.perDay);
        } else {
            QVERIFY(r.perDay);
            QVERIFY2(qAbs(*r.perDay - perDay) < 0.05, qPrintable(QString::number(*r.perDay)));
        }
        if (daysLeft < 0)
            QVERIFY(!r.daysLeft);
        else
            QCOMPARE(r.daysLeft.value_or(-1), daysLeft);
    }

    void needsADayOfHistory()
    {
        // Two samples twelve hours apart say nothing yet, however steep.
        const QList<SupplyForecast::Sample> s{{Now - Day / 2, 80}, {Now, 40}};
        QVERIFY(!SupplyForecast::forecast(s, 40, Now).perDay);
        const QList<SupplyForecast::Sample> s2{{Now - Day, 80}, {Now, 40}};
        QCOMPARE(SupplyForecast::forecast(s2, 40, Now).daysLeft.value_or(-1), 1);
    }

    void onlyTheLastThirtyDays()
    {
        // Fast use 40 days ago, slow use in the last 30 days: the forecast follows the recent rate.
        QList<SupplyForecast::Sample> s{{Now - 45 * Day, 100}, {Now - 40 * Day, 90}};
        s += daily({80, 79, 78, 77, 76}, Now);
        const SupplyForecast::Result r = SupplyForecast::forecast(s, 76, Now);
        QVERIFY(r.perDay);
        QVERIFY2(qAbs(*r.perDay - 1.0) < 0.01, qPrintable(QString::number(*r.perDay)));
        QCOMPARE(r.daysLeft.value_or(-1), 76);
    }

    void unknownSampleLevelsIgnored()
    {
        QList<SupplyForecast::Sample> s = daily({30, -1, 26, -3, 22});
        const SupplyForecast::Result r = SupplyForecast::forecast(s, 22, Now);
        QVERIFY(r.perDay);
        QVERIFY2(qAbs(*r.perDay - 2.0) < 0.01, qPrintable(QString::number(*r.perDay)));
    }
};

QTEST_GUILESS_MAIN(TestSupplyForecast)
#include "TestSupplyForecast.moc"
