// UsageCounts: impressions, sheets, cost and savings of a job.
#include "UsageCounts.h"

#include <QTest>

class TestUsageCounts : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void forJob_data()
    {
        QTest::addColumn<int>("pages");
        QTest::addColumn<int>("copies");
        QTest::addColumn<bool>("duplex");
        QTest::addColumn<bool>("color");
        QTest::addColumn<int>("impressions");
        QTest::addColumn<int>("colorImpressions");
        QTest::addColumn<int>("sheets");
        QTest::newRow("3 pages simplex mono") << 3 << 1 << false << false << 3 << 0 << 3;
        QTest::newRow("3 pages duplex") << 3 << 1 << true << false << 3 << 0 << 2;
        QTest::newRow("3 pages x2 duplex colour") << 3 << 2 << true << true << 6 << 6 << 4;
        QTest::newRow("4 pages x3 duplex") << 4 << 3 << true << false << 12 << 0 << 6;
        QTest::newRow("1 page x5 duplex") << 1 << 5 << true << false << 5 << 0 << 5;
        QTest::newRow("10 pages x2 simplex colour") << 10 << 2 << false << true << 20 << 20 << 20;
        QTest::newRow("no pages") << 0 << 1 << false << true << 0 << 0 << 0;
        QTest::newRow("no copies") << 10 << 0 << false << false << 0 << 0 << 0;
        QTest::newRow("negative pages") << -4 << 1 << false << false << 0 << 0 << 0;
    }
    void forJob()
    {
        QFETCH(int, pages);
        QFETCH(int, copies);
        QFETCH(bool, duplex);
        QFETCH(bool, color);
        QFETCH(int, impressions);
        QFETCH(int, colorImpressions);
        QFETCH(int, sheets);
        const UsageCounts c = UsageCounts::forJob(pages, copies, duplex, color, SizeClass::A3);
        QCOMPARE(c.impressions, impressions);
        QCOMPARE(c.colorImpressions, colorImpressions);
        QCOMPARE(c.sheets, sheets);
        QCOMPARE(c.duplex, duplex);
        QCOMPARE(c.sizeClass, SizeClass::A3);
    }

    void fromImpressions_data()
    {
        QTest::addColumn<int>("impressions");
        QTest::addColumn<bool>("duplex");
        QTest::addColumn<bool>("color");
        QTest::addColumn<int>("colorImpressions");
        QTest::addColumn<int>("sheets");
        QTest::newRow("5 duplex") << 5 << true << false << 0 << 3;
        QTest::newRow("4 simplex colour") << 4 << false << true << 4 << 4;
        QTest::newRow("none") << 0 << true << true << 0 << 0;
    }
    void fromImpressions()
    {
        QFETCH(int, impressions);
        QFETCH(bool, duplex);
        QFETCH(bool, color);
        QFETCH(int, colorImpressions);
        QFETCH(int, sheets);
        const UsageCounts c = UsageCounts::fromImpressions(impressions, duplex, color, SizeClass::A4);
        QCOMPARE(c.impressions, impressions);
        QCOMPARE(c.colorImpressions, colorImpressions);
        QCOMPARE(c.sheets, sheets);
        QCOMPARE(c.copies, 1);
    }

    void cost_data()
    {
        QTest::addColumn<int>("pages");
        QTest::addColumn<int>("copies");
        QTest::addColumn<bool>("duplex");
        QTest::addColumn<bool>("color");
        QTest::addColumn<int>("sizeClass");
        QTest::addColumn<qint64>("expected");
        // Default KRW table: a4 mono 20/18, a4 colour 100/95, a3 mono 40/36, a3 colour 200/190, other = a4.
        QTest::newRow("a4 mono simplex 10") << 10 << 1 << false << false << int(SizeClass::A4) << qint64(200);
        QTest::newRow("a4 mono duplex 7") << 7 << 1 << true << false << int(SizeClass::A4) << qint64(126);
        QTest::newRow("a4 colour duplex 3x2") << 3 << 2 << true << true << int(SizeClass::A4) << qint64(570);
        QTest::newRow("a3 mono simplex 10") << 10 << 1 << false << false << int(SizeClass::A3) << qint64(400);
        QTest::newRow("a3 colour duplex 5") << 5 << 1 << true << true << int(SizeClass::A3) << qint64(950);
        QTest::newRow("other colour simplex 2")
            << 2 << 1 << false << true << int(SizeClass::Other) << qint64(200);
        QTest::newRow("nothing") << 0 << 1 << false << true << int(SizeClass::A3) << qint64(0);
    }
    void cost()
    {
        QFETCH(int, pages);
        QFETCH(int, copies);
        QFETCH(bool, duplex);
        QFETCH(bool, color);
        QFETCH(int, sizeClass);
        QFETCH(qint64, expected);
        const UsageCounts c = UsageCounts::forJob(pages, copies, duplex, color, SizeClass(sizeClass));
        QCOMPARE(costOf(c, RateTable::defaults()), expected);
    }

    void costSplitsMonoAndColour()
    {
        // A printer report could mix them; each part is priced at its own rate.
        UsageCounts c = UsageCounts::forJob(10, 1, false, false, SizeClass::A4);
        c.colorImpressions = 3;
        QCOMPARE(costOf(c, RateTable::defaults()), qint64(7 * 20 + 3 * 100));
    }

    void costInCents()
    {
        RateTable usd;
        usd.setPrice(SizeClass::A4, false, false, 5); // $0.05
        QCOMPARE(costOf(UsageCounts::forJob(4, 3, false, false, SizeClass::A4), usd), qint64(60));
    }

    void savings_data()
    {
        QTest::addColumn<int>("pages");
        QTest::addColumn<bool>("duplex");
        QTest::addColumn<bool>("printedColor");
        QTest::addColumn<bool>("documentColor");
        QTest::addColumn<int>("sheets");
        QTest::addColumn<qint64>("cost");
        // Baseline: the same impressions simplex, in colour when the document is colour.
        QTest::newRow("duplex mono of a colour doc")
            << 10 << true << false << true << 5 << qint64(1000 - 180);
        QTest::newRow("duplex mono of a mono doc") << 10 << true << false << false << 5 << qint64(200 - 180);
        QTest::newRow("duplex colour") << 10 << true << true << true << 5 << qint64(1000 - 950);
        QTest::newRow("simplex mono of a colour doc") << 10 << false << false << true << 0 << qint64(800);
        QTest::newRow("simplex as is") << 10 << false << false << false << 0 << qint64(0);
        QTest::newRow("simplex colour") << 10 << false << true << true << 0 << qint64(0);
        QTest::newRow("odd pages duplex") << 3 << true << false << false << 1 << qint64(60 - 54);
    }
    void savings()
    {
        QFETCH(int, pages);
        QFETCH(bool, duplex);
        QFETCH(bool, printedColor);
        QFETCH(bool, documentColor);
        QFETCH(int, sheets);
        QFETCH(qint64, cost);
        const UsageCounts printed = UsageCounts::forJob(pages, 1, duplex, printedColor, SizeClass::A4);
        const Savings s = savingsOf(printed, documentColor, RateTable::defaults());
        QCOMPARE(s.sheets, sheets);
        QCOMPARE(s.cost, cost);
    }

    void savingsNeverNegative()
    {
        RateTable odd = RateTable::defaults();
        odd.setPrice(SizeClass::A4, false, true, 30); // duplex dearer than simplex
        const Savings s = savingsOf(UsageCounts::forJob(10, 1, true, false, SizeClass::A4), false, odd);
        QCOMPARE(s.sheets, 5);
        QCOMPARE(s.cost, qint64(0));
    }

    void json()
    {
        const UsageCounts c = UsageCounts::forJob(3, 2, true, true, SizeClass::Other);
        const QJsonObject o = c.toJson();
        QCOMPARE(o.value(QStringLiteral("sizeClass")).toString(), QStringLiteral("other"));
        QCOMPARE(o.value(QStringLiteral("sheets")).toInt(), 4);
        QCOMPARE(o.value(QStringLiteral("colorImpressions")).toInt(), 6);
        QCOMPARE(UsageCounts::fromJson(o), c);
        QCOMPARE(UsageCounts::fromJson(QJsonObject()), UsageCounts());
    }
};

QTEST_GUILESS_MAIN(TestUsageCounts)
#include "TestUsageCounts.moc"
