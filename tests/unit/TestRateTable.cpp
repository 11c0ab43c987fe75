// RateTable and size classes: PWG media names, the default KRW table, keys and JSON.
#include "RateTable.h"

#include <QJsonValue>
#include <QSet>
#include <QTest>

class TestRateTable : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void sizeClassOf_data()
    {
        QTest::addColumn<QString>("media");
        QTest::addColumn<int>("expected");
        QTest::newRow("A4") << "iso_a4_210x297mm" << int(SizeClass::A4);
        QTest::newRow("Letter") << "na_letter_8.5x11in" << int(SizeClass::A4);
        QTest::newRow("Legal") << "na_legal_8.5x14in" << int(SizeClass::A4);
        QTest::newRow("A5") << "iso_a5_148x210mm" << int(SizeClass::A4);
        QTest::newRow("A6") << "iso_a6_105x148mm" << int(SizeClass::A4);
        QTest::newRow("JIS B5") << "jis_b5_182x257mm" << int(SizeClass::A4);
        QTest::newRow("index card") << "na_index-4x6_4x6in" << int(SizeClass::A4);
        QTest::newRow("A3") << "iso_a3_297x420mm" << int(SizeClass::A3);
        QTest::newRow("Ledger") << "na_ledger_11x17in" << int(SizeClass::A3);
        QTest::newRow("JIS B4") << "jis_b4_257x364mm" << int(SizeClass::A3);
        QTest::newRow("ISO B4") << "iso_b4_250x353mm" << int(SizeClass::A3);
        QTest::newRow("A3 extra") << "iso_a3-extra_322x445mm" << int(SizeClass::Other);
        QTest::newRow("A2") << "iso_a2_420x594mm" << int(SizeClass::Other);
        QTest::newRow("Arch B") << "na_arch-b_12x18in" << int(SizeClass::Other);
        QTest::newRow("upper case") << "ISO_A3_297X420MM" << int(SizeClass::A3);
        QTest::newRow("legacy A3") << "A3" << int(SizeClass::A3);
        QTest::newRow("legacy Tabloid") << "Tabloid" << int(SizeClass::A3);
        QTest::newRow("legacy Letter") << "Letter" << int(SizeClass::A4);
        QTest::newRow("empty") << "" << int(SizeClass::A4);
        QTest::newRow("unknown") << "roll_max_36x1200in-no-such" << int(SizeClass::A4);
    }
    void sizeClassOf()
    {
        QFETCH(QString, media);
        QFETCH(int, expected);
        QCOMPARE(int(::sizeClassOf(media)), expected);
    }

    void sizeClassNames()
    {
        for (SizeClass c : {SizeClass::A4, SizeClass::A3, SizeClass::Other})
            QCOMPARE(sizeClassFromName(sizeClassName(c)), std::optional<SizeClass>(c));
        QCOMPARE(sizeClassName(SizeClass::A4), QStringLiteral("a4"));
        QCOMPARE(sizeClassName(SizeClass::A3), QStringLiteral("a3"));
        QCOMPARE(sizeClassName(SizeClass::Other), QStringLiteral("other"));
        QCOMPARE(sizeClassFromName(QStringLiteral("A3")), std::optional<SizeClass>(SizeClass::A3));
        QVERIFY(!sizeClassFromName(QStringLiteral("b4")));
        QVERIFY(!sizeClassFromName(QString()));
    }

    void defaults_data()
    {
        QTest::addColumn<QString>("key");
        QTest::addColumn<int>("sizeClass");
        QTest::addColumn<bool>("color");
        QTest::addColumn<bool>("duplex");
        QTest::addColumn<qint64>("expected");
        const auto row = [](const char* key, SizeClass c, bool color, bool duplex, qint64 price) {
            QTest::newRow(key) << QString::fromLatin1(key) << int(c) << color << duplex << price;
        };
        row("a4-mono-simplex", SizeClass::A4, false, false, 20);
        row("a4-mono-duplex", SizeClass::A4, false, true, 18);
        row("a4-color-simplex", SizeClass::A4, true, false, 100);
        row("a4-color-duplex", SizeClass::A4, true, true, 95);
        row("a3-mono-simplex", SizeClass::A3, false, false, 40);
        row("a3-mono-duplex", SizeClass::A3, false, true, 36);
        row("a3-color-simplex", SizeClass::A3, true, false, 200);
        row("a3-color-duplex", SizeClass::A3, true, true, 190);
        row("other-mono-simplex", SizeClass::Other, false, false, 20);
        row("other-mono-duplex", SizeClass::Other, false, true, 18);
        row("other-color-simplex", SizeClass::Other, true, false, 100);
        row("other-color-duplex", SizeClass::Other, true, true, 95);
    }
    void defaults()
    {
        QFETCH(QString, key);
        QFETCH(int, sizeClass);
        QFETCH(bool, color);
        QFETCH(bool, duplex);
        QFETCH(qint64, expected);
        const RateTable t = RateTable::defaults();
        QCOMPARE(t.price(SizeClass(sizeClass), color, duplex), expected);
        QCOMPARE(t.get(key), std::optional<qint64>(expected));
        QCOMPARE(RateTable::key(SizeClass(sizeClass), color, duplex), key);
        QCOMPARE(t.toJson().value(key).toInteger(), expected);
    }

    void keys()
    {
        const QStringList k = RateTable::keys();
        QCOMPARE(k.size(), 12);
        QCOMPARE(QSet<QString>(k.begin(), k.end()).size(), 12);
        QCOMPARE(k.first(), QStringLiteral("a4-mono-simplex"));
        QCOMPARE(k.at(3), QStringLiteral("a4-color-duplex"));
        QCOMPARE(k.at(4), QStringLiteral("a3-mono-simplex"));
        QCOMPARE(k.last(), QStringLiteral("other-color-duplex"));
    }

    void set_data()
    {
        QTest::addColumn<QString>("key");
        QTest::addColumn<qint64>("price");
        QTest::addColumn<bool>("ok");
        QTest::newRow("known") << "a3-color-duplex" << qint64(250) << true;
        QTest::newRow("upper case") << "A3-COLOR-DUPLEX" << qint64(250) << true;
        QTest::newRow("zero") << "a4-mono-simplex" << qint64(0) << true;
        QTest::newRow("negative") << "a4-mono-simplex" << qint64(-1) << false;
        QTest::newRow("unknown size") << "b4-mono-simplex" << qint64(10) << false;
        QTest::newRow("colour spelling") << "a4-colour-simplex" << qint64(10) << false;
        QTest::newRow("empty") << "" << qint64(10) << false;
    }
    void set()
    {
        QFETCH(QString, key);
        QFETCH(qint64, price);
        QFETCH(bool, ok);
        RateTable t = RateTable::defaults();
        QCOMPARE(t.set(key, price), ok);
        if (ok) {
            QCOMPARE(t.get(key), std::optional<qint64>(price));
        } else {
            QVERIFY(t == RateTable::defaults()); // nothing changed
        }
    }

    void setPriceChangesOne()
    {
        RateTable t = RateTable::defaults();
        t.setPrice(SizeClass::Other, true, false, 300);
        QCOMPARE(t.price(SizeClass::Other, true, false), qint64(300));
        QCOMPARE(t.price(SizeClass::A4, true, false), qint64(100));
        QCOMPARE(t.price(SizeClass::Other, true, true), qint64(95));
    }

    void jsonRoundTrip()
    {
        RateTable t = RateTable::defaults();
        t.setPrice(SizeClass::A3, true, true, 12345);
        const std::optional<RateTable> back = RateTable::fromJson(t.toJson());
        QVERIFY(back);
        QVERIFY(*back == t);
        QCOMPARE(t.toJson().size(), 12);
    }

    void fromJsonRejects_data()
    {
        QTest::addColumn<QString>("key");
        QTest::addColumn<QJsonValue>("value");
        QTest::newRow("missing") << "a3-mono-duplex" << QJsonValue(QJsonValue::Undefined);
        QTest::newRow("negative") << "a3-mono-duplex" << QJsonValue(-1);
        QTest::newRow("fraction") << "a3-mono-duplex" << QJsonValue(1.5);
        QTest::newRow("string") << "a3-mono-duplex" << QJsonValue(QStringLiteral("40"));
        QTest::newRow("null") << "a3-mono-duplex" << QJsonValue(QJsonValue::Null);
    }
    void fromJsonRejects()
    {
        QFETCH(QString, key);
        QFETCH(QJsonValue, value);
        QJsonObject o = RateTable::defaults().toJson();
        if (value.isUndefined())
            o.remove(key);
        else
            o.insert(key, value);
        QVERIFY(!RateTable::fromJson(o));
    }

    void fromJsonIgnoresUnknownKeys()
    {
        QJsonObject o = RateTable::defaults().toJson();
        o.insert(QStringLiteral("fax-page"), 50);
        const std::optional<RateTable> t = RateTable::fromJson(o);
        QVERIFY(t);
        QVERIFY(*t == RateTable::defaults());
    }
};

QTEST_GUILESS_MAIN(TestRateTable)
#include "TestRateTable.moc"
