// SupplyOrderList (docs/devices.md): cartridges grouped by (type, description) across printers, needed
// now (at or below low-percent) or soon (forecast within the days), location prefix, JSON and CSV.
#include "SupplyOrderList.h"

#include <QJsonObject>
#include <QTest>

namespace {
SupplyOrderList::Supply supply(qint64 id, const QString& printer, const QString& location,
                               const QString& description, int level,
                               std::optional<int> daysLeft = std::nullopt,
                               const QString& type = QStringLiteral("toner"))
{
    SupplyOrderList::Supply s;
    s.printerId = id;
    s.printerName = printer;
    s.location = location;
    s.description = description;
    s.type = type;
    s.color = QStringLiteral("black");
    s.level = level;
    s.daysLeft = daysLeft;
    return s;
}
const QString Tn = QStringLiteral("Black Toner Cartridge TN-2420");
const QString Cyan = QStringLiteral("Cyan Toner C-100");
} // namespace

class TestSupplyOrderList : public QObject
{
    Q_OBJECT

    QList<SupplyOrderList::Supply> fleet()
    {
        return {
            supply(1, QStringLiteral("mfp-3e"), QStringLiteral("Main/3F East"), Tn, 10),
            supply(2, QStringLiteral("mfp-3w"), QStringLiteral("Main/3F West"), Tn,
                   15), // at low-percent: now
            supply(3, QStringLiteral("mfp-4e"), QStringLiteral("Main/4F East"), Tn, 40, 9), // soon
            supply(4, QStringLiteral("mfp-annex"), QStringLiteral("Annex/1F"), Tn, 60,
                   30), // not within 14 days
            supply(5, QStringLiteral("mfp-3e"), QStringLiteral("Main/3F East"), Cyan, 5),
            supply(6, QStringLiteral("mfp-x"), QStringLiteral("Main/2F"), Tn, -1),  // unknown level: nothing
            supply(7, QStringLiteral("mfp-y"), QStringLiteral("Main/2F"), Tn, -3)}; // "some remaining"
    }

private Q_SLOTS:
    void groupsAcrossPrinters()
    {
        const auto items = SupplyOrderList::build(fleet(), 15, 14);
        QCOMPARE(items.size(), 2);
        // By needNow descending: the black toner (2 now) before cyan (1 now).
        QCOMPARE(items[0].description, Tn);
        QCOMPARE(items[0].needNow, 2);
        QCOMPARE(items[0].needSoon, 1);
        QCOMPARE(items[0].printers.size(), 3);
        // Lowest level first.
        QCOMPARE(items[0].printers[0].name, QStringLiteral("mfp-3e"));
        QCOMPARE(items[0].printers[2].daysLeft.value_or(-1), 9);
        QCOMPARE(items[1].description, Cyan);
        QCOMPARE(items[1].needNow, 1);
        QCOMPARE(items[1].needSoon, 0);
    }

    void daysAndThreshold()
    {
        // 30 days takes in the annex printer's forecast; a low-percent of 10 leaves mfp-3w out of "now".
        const auto items = SupplyOrderList::build(fleet(), 10, 30);
        QCOMPARE(items[0].description, Tn);
        QCOMPARE(items[0].needNow, 1);
        QCOMPARE(items[0].needSoon, 2);
        QCOMPARE(items[0].printers.size(), 3);
        QVERIFY(SupplyOrderList::build({supply(1, QStringLiteral("a"), QString(), Tn, 50, 20)}, 15, 14)
                    .isEmpty());
    }

    void sameDescriptionOtherTypeIsAnotherItem()
    {
        auto list = fleet();
        list.append(supply(8, QStringLiteral("mfp-z"), QStringLiteral("Main/5F"), Tn, 3, std::nullopt,
                           QStringLiteral("waste-toner")));
        QCOMPARE(SupplyOrderList::build(list, 15, 14).size(), 3);
    }

    void locationPrefix()
    {
        const auto floor3 = SupplyOrderList::build(fleet(), 15, 30, QStringLiteral("Main/3F"));
        QCOMPARE(floor3.size(), 2);
        QCOMPARE(floor3[0].printers.size(), 2);
        const auto annex = SupplyOrderList::build(fleet(), 15, 30, QStringLiteral("annex"));
        QCOMPARE(annex.size(), 1);
        QCOMPARE(annex[0].needSoon, 1);
        QCOMPARE(annex[0].printers[0].name, QStringLiteral("mfp-annex"));
        QVERIFY(SupplyOrderList::build(fleet(), 15, 30, QStringLiteral("Tower")).isEmpty());
    }

    void json()
    {
        const QJsonArray a = SupplyOrderList::toJson(SupplyOrderList::build(fleet(), 15, 14));
        const QJsonObject first = a[0].toObject();
        QCOMPARE(first[QStringLiteral("description")].toString(), Tn);
        QCOMPARE(first[QStringLiteral("type")].toString(), QStringLiteral("toner"));
        QCOMPARE(first[QStringLiteral("needNow")].toInt(), 2);
        QCOMPARE(first[QStringLiteral("needSoon")].toInt(), 1);
        const QJsonObject p = first[QStringLiteral("printers")].toArray()[0].toObject();
        QCOMPARE(p[QStringLiteral("id")].toInteger(), 1);
        QCOMPARE(p[QStringLiteral("location")].toString(), QStringLiteral("Main/3F East"));
        QCOMPARE(p[QStringLiteral("level")].toInt(), 10);
        QVERIFY(p[QStringLiteral("daysLeft")].isNull());
    }

    void csv()
    {
        const QByteArray csv = SupplyOrderList::toCsv(SupplyOrderList::build(fleet(), 15, 14));
        const QList<QByteArray> lines = csv.split('\n');
        QCOMPARE(lines[0].trimmed(), QByteArray("description,type,color,need_now,need_soon,printers"));
        QCOMPARE(lines[1].trimmed(),
                 QByteArray("Black Toner Cartridge TN-2420,toner,black,2,1,mfp-3e (Main/3F East) "
                            "10%; mfp-3w (Main/3F West) 15%; mfp-4e (Main/4F East) 40%"));
        QCOMPARE(lines[2].trimmed(), QByteArray("Cyan Toner C-100,toner,black,1,0,mfp-3e (Main/3F East) 5%"));
    }

    void csvQuotesAndDefusesFormulas()
    {
        const auto items = SupplyOrderList::build(
            {supply(1, QStringLiteral("a, b"), QString(), QStringLiteral("=HYPERLINK(\"x\")"), 5)}, 15, 14);
        const QByteArray csv = SupplyOrderList::toCsv(items);
        QVERIFY2(csv.contains("\"'=HYPERLINK(\"\"x\"\")\",toner"), csv.constData());
        QVERIFY2(csv.contains("\"a, b 5%\""), csv.constData());
    }
};

QTEST_GUILESS_MAIN(TestSupplyOrderList)
#include "TestSupplyOrderList.moc"
