// Card number normalisation: one card, one ID, whatever the reader.
#include "CardNumber.h"

#include <QTest>

class TestCardNumber : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void normalize_data()
    {
        QTest::addColumn<QString>("raw");
        QTest::addColumn<int>("input");
        QTest::addColumn<int>("order");
        QTest::addColumn<QString>("expected");
        using CardNumber::ByteOrder;
        using CardNumber::Input;
        QTest::newRow("pcsc hex") << "04A1B2C3" << int(Input::Auto) << int(ByteOrder::AsRead) << "04A1B2C3";
        QTest::newRow("lower hex with spaces")
            << "04 a1 b2 c3" << int(Input::Auto) << int(ByteOrder::AsRead) << "04A1B2C3";
        QTest::newRow("colons") << "04:A1:B2:C3" << int(Input::Auto) << int(ByteOrder::AsRead) << "04A1B2C3";
        QTest::newRow("0x prefix") << "0x04a1b2c3" << int(Input::Auto) << int(ByteOrder::AsRead)
                                   << "04A1B2C3";
        // 0x04A1B2C3 = 77705923 decimal; wedge readers type 10-digit zero-padded decimals.
        QTest::newRow("wedge decimal")
            << "0077705923" << int(Input::Auto) << int(ByteOrder::AsRead) << "04A1B2C3";
        QTest::newRow("forced decimal")
            << "77705923" << int(Input::Decimal) << int(ByteOrder::AsRead) << "04A1B2C3";
        QTest::newRow("reversed reader")
            << "C3B2A104" << int(Input::Hex) << int(ByteOrder::Reversed) << "04A1B2C3";
        QTest::newRow("odd hex") << "4A1B2C3" << int(Input::Hex) << int(ByteOrder::AsRead) << "04A1B2C3";
        QTest::newRow("garbage") << "hello" << int(Input::Auto) << int(ByteOrder::AsRead) << "";
        QTest::newRow("empty") << "" << int(Input::Auto) << int(ByteOrder::AsRead) << "";
        QTest::newRow("decimal overflow")
            << "999999999999999999999" << int(Input::Decimal) << int(ByteOrder::AsRead) << "";
    }
    void normalize()
    {
        QFETCH(QString, raw);
        QFETCH(int, input);
        QFETCH(int, order);
        QFETCH(QString, expected);
        QCOMPARE(CardNumber::normalize(raw, CardNumber::Input(input), CardNumber::ByteOrder(order)),
                 expected);
    }
};

QTEST_GUILESS_MAIN(TestCardNumber)
#include "TestCardNumber.moc"
