// Money: integer minor units, ISO 4217 exponents, locale formatting and strict parsing.
#include "Money.h"

#include <QTest>

#include <limits>

class TestMoney : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void exponent_data()
    {
        QTest::addColumn<QString>("currency");
        QTest::addColumn<int>("expected");
        QTest::newRow("KRW") << "KRW" << 0;
        QTest::newRow("krw lower case") << "krw" << 0;
        QTest::newRow("JPY") << "JPY" << 0;
        QTest::newRow("USD") << "USD" << 2;
        QTest::newRow("EUR") << "EUR" << 2;
        QTest::newRow("KWD") << "KWD" << 3;
        QTest::newRow("unknown") << "ZZZ" << 2;
        QTest::newRow("empty") << "" << 2;
    }
    void exponent()
    {
        QFETCH(QString, currency);
        QFETCH(int, expected);
        QCOMPARE(Money::exponent(currency), expected);
    }

    // What Qt 6.4's QLocale (CLDR data) really prints; negative amounts use the accounting pattern.
    void format_data()
    {
        QTest::addColumn<qint64>("minor");
        QTest::addColumn<QString>("currency");
        QTest::addColumn<QString>("locale");
        QTest::addColumn<QString>("expected");
        QTest::newRow("KRW in ko_KR") << qint64(12340) << "KRW"
                                      << "ko_KR" << QStringLiteral("₩12,340");
        QTest::newRow("KRW millions") << qint64(1234567) << "KRW"
                                      << "ko_KR" << QStringLiteral("₩1,234,567");
        QTest::newRow("KRW zero") << qint64(0) << "KRW"
                                  << "ko_KR" << QStringLiteral("₩0");
        QTest::newRow("KRW negative") << qint64(-12340) << "KRW"
                                      << "ko_KR" << QStringLiteral("(₩12,340)");
        QTest::newRow("KRW in en_US") << qint64(12340) << "KRW"
                                      << "en_US" << QStringLiteral("₩12,340");
        QTest::newRow("USD in en_US") << qint64(150) << "USD"
                                      << "en_US" << QStringLiteral("$1.50");
        QTest::newRow("USD cents") << qint64(5) << "USD"
                                   << "en_US" << QStringLiteral("$0.05");
        QTest::newRow("USD in ko_KR") << qint64(150) << "USD"
                                      << "ko_KR" << QStringLiteral("$1.50");
        QTest::newRow("EUR in de_DE") << qint64(123450) << "EUR"
                                      << "de_DE" << QStringLiteral("1.234,50\u00a0€");
        QTest::newRow("unknown code") << qint64(150) << "ZZZ"
                                      << "en_US" << QStringLiteral("ZZZ1.50");
    }
    void format()
    {
        QFETCH(qint64, minor);
        QFETCH(QString, currency);
        QFETCH(QString, locale);
        QFETCH(QString, expected);
        QCOMPARE(Money::format(minor, currency, QLocale(locale)), expected);
    }

    void toPlainString_data()
    {
        QTest::addColumn<qint64>("minor");
        QTest::addColumn<QString>("currency");
        QTest::addColumn<QString>("expected");
        QTest::newRow("KRW") << qint64(12340) << "KRW"
                             << "12340";
        QTest::newRow("KRW negative") << qint64(-500) << "KRW"
                                      << "-500";
        QTest::newRow("USD") << qint64(1550) << "USD"
                             << "15.50";
        QTest::newRow("USD cents") << qint64(5) << "USD"
                                   << "0.05";
        QTest::newRow("USD negative cents") << qint64(-5) << "USD"
                                            << "-0.05";
        QTest::newRow("KWD") << qint64(5) << "KWD"
                             << "0.005";
        QTest::newRow("USD min") << std::numeric_limits<qint64>::min() << "USD"
                                 << "-92233720368547758.08";
    }
    void toPlainString()
    {
        QFETCH(qint64, minor);
        QFETCH(QString, currency);
        QFETCH(QString, expected);
        QCOMPARE(Money::toPlainString(minor, currency), expected);
    }

    void parse_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("currency");
        QTest::addColumn<bool>("ok");
        QTest::addColumn<qint64>("expected");
        QTest::newRow("KRW") << "12340"
                             << "KRW" << true << qint64(12340);
        QTest::newRow("KRW spaces") << " 7 "
                                    << "KRW" << true << qint64(7);
        QTest::newRow("KRW zero") << "0"
                                  << "KRW" << true << qint64(0);
        QTest::newRow("USD two decimals") << "15.50"
                                          << "USD" << true << qint64(1550);
        QTest::newRow("USD one decimal") << "15.5"
                                         << "USD" << true << qint64(1550);
        QTest::newRow("USD whole") << "15"
                                   << "USD" << true << qint64(1500);
        QTest::newRow("KRW max") << "9223372036854775807"
                                 << "KRW" << true << std::numeric_limits<qint64>::max();
        QTest::newRow("USD max") << "92233720368547758.07"
                                 << "USD" << true << std::numeric_limits<qint64>::max();
        QTest::newRow("KRW decimals") << "15.50"
                                      << "KRW" << false << qint64(0);
        QTest::newRow("KRW point zero") << "15.0"
                                        << "KRW" << false << qint64(0);
        QTest::newRow("USD three decimals") << "15.505"
                                            << "USD" << false << qint64(0);
        QTest::newRow("negative") << "-1"
                                  << "KRW" << false << qint64(0);
        QTest::newRow("plus") << "+1"
                              << "KRW" << false << qint64(0);
        QTest::newRow("grouping") << "12,340"
                                  << "KRW" << false << qint64(0);
        QTest::newRow("symbol") << QStringLiteral("₩12340") << "KRW" << false << qint64(0);
        QTest::newRow("empty") << ""
                               << "KRW" << false << qint64(0);
        QTest::newRow("leading point") << ".5"
                                       << "USD" << false << qint64(0);
        QTest::newRow("trailing point") << "5."
                                        << "USD" << false << qint64(0);
        QTest::newRow("exponent") << "1e3"
                                  << "KRW" << false << qint64(0);
        QTest::newRow("inner space") << "1 000"
                                     << "KRW" << false << qint64(0);
        QTest::newRow("arabic-indic digits") << QStringLiteral("\u0661\u0662") << "KRW" << false << qint64(0);
        QTest::newRow("KRW overflow") << "9223372036854775808"
                                      << "KRW" << false << qint64(0);
        QTest::newRow("USD overflow") << "92233720368547758.08"
                                      << "USD" << false << qint64(0);
    }
    void parse()
    {
        QFETCH(QString, text);
        QFETCH(QString, currency);
        QFETCH(bool, ok);
        QFETCH(qint64, expected);
        qint64 minor = -42;
        QCOMPARE(Money::parse(text, currency, &minor), ok);
        QCOMPARE(minor, ok ? expected : qint64(-42)); // untouched on failure
        if (ok) {
            qint64 again = 0;
            QVERIFY(Money::parse(Money::toPlainString(minor, currency), currency, &again));
            QCOMPARE(again, minor);
        }
    }

    void parseNullTarget() { QVERIFY(!Money::parse(QStringLiteral("1"), QStringLiteral("KRW"), nullptr)); }
};

QTEST_GUILESS_MAIN(TestMoney)
#include "TestMoney.moc"
