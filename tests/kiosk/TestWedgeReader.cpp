// WedgeReader: keyboard-wedge card readers type fast and end with Enter; people do not.
#include "WedgeReader.h"

#include <QSignalSpy>
#include <QTest>

class TestWedgeReader : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void typing_data()
    {
        QTest::addColumn<QString>("keys");
        QTest::addColumn<int>("gapMs");
        QTest::addColumn<QString>("expected"); // empty: no card
        QTest::newRow("decimal wedge") << "3283370500" << 15 << "3283370500";
        QTest::newRow("hex wedge") << "04A1B2C3" << 20 << "04A1B2C3";
        QTest::newRow("too slow: a person") << "1234567" << 400 << "";
        QTest::newRow("too short") << "123" << 10 << "";
        QTest::newRow("not a number") << "kim" << 10 << "";
    }
    void typing()
    {
        QFETCH(QString, keys);
        QFETCH(int, gapMs);
        QFETCH(QString, expected);
        WedgeReader wedge(200, 4);
        QSignalSpy spy(&wedge, &WedgeReader::cardTyped);
        qint64 t = 5000;
        for (const QChar c : keys)
            wedge.keyPressed(QString(c), false, t += gapMs);
        wedge.keyPressed({}, true, t += gapMs);
        if (expected.isEmpty()) {
            QCOMPARE(spy.size(), 0);
        } else {
            QCOMPARE(spy.size(), 1);
            QCOMPARE(spy.at(0).at(0).toString(), expected);
        }
    }

    void slowStartThenFastRunStillReads()
    {
        WedgeReader wedge(100, 4);
        QSignalSpy spy(&wedge, &WedgeReader::cardTyped);
        wedge.keyPressed(QStringLiteral("9"), false, 0); // a stray key long before
        qint64 t = 2000;
        for (const QChar c : QStringLiteral("12345678"))
            wedge.keyPressed(QString(c), false, t += 10);
        QVERIFY(wedge.keyPressed({}, true, t + 10));
        QCOMPARE(spy.size(), 1);
        QCOMPARE(spy.at(0).at(0).toString(), QStringLiteral("12345678"));
    }
};

QTEST_GUILESS_MAIN(TestWedgeReader)
#include "TestWedgeReader.moc"
