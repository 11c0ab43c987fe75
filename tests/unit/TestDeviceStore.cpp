// DeviceStore and schema 7 (docs/devices.md): inventory columns, latest status across a reopen,
// history samples, the first page counter sample, retention.
#include "Store.h"

#include <QTemporaryDir>
#include <QTest>

class TestDeviceStore : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    SecretKey m_key;

    static qint64 addPrinter(Store& s, const QString& name)
    {
        PrinterRecord p;
        p.name = name;
        p.uri = QStringLiteral("ipp://%1.example/ipp/print").arg(name);
        QString err;
        if (!s.addPrinter(&p, &err))
            return 0;
        return p.id;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(initCrypto());
        m_key = SecretKey::random();
    }

    void inventoryDefaultsAndRoundTrip()
    {
        Store s;
        QVERIFY(s.open(m_dir.filePath(QStringLiteral("inv.db")), m_key));
        const qint64 id = addPrinter(s, QStringLiteral("mfp1"));
        QVERIFY(id > 0);
        auto inv = s.devices().inventory(id);
        QVERIFY(inv);
        QCOMPARE(inv->protocol, QStringLiteral("ipp")); // NULL column: the default
        QVERIFY(inv->snmpAddress.isEmpty());
        inv->model = QStringLiteral("MFP 9000");
        inv->serial = QStringLiteral("SN-42");
        inv->protocol = QStringLiteral("ipp+snmp");
        inv->snmpAddress = QStringLiteral("10.0.0.5:1161");
        inv->snmpCommunity = QStringLiteral("s3cret");
        QString err;
        QVERIFY(s.devices().setInventory(*inv, &err));
        const auto back = s.devices().inventories().value(id);
        QCOMPARE(back.model, QStringLiteral("MFP 9000"));
        QCOMPARE(back.serial, QStringLiteral("SN-42"));
        QCOMPARE(back.protocol, QStringLiteral("ipp+snmp"));
        QCOMPARE(back.snmpAddress, QStringLiteral("10.0.0.5:1161"));
        QCOMPARE(back.snmpCommunity, QStringLiteral("s3cret"));
        DeviceInventory none;
        none.printerId = 9999;
        QVERIFY(!s.devices().setInventory(none, &err));
        QVERIFY(!err.isEmpty());
    }

    void statusSurvivesReopen()
    {
        const QString path = m_dir.filePath(QStringLiteral("status.db"));
        qint64 id = 0;
        {
            Store s;
            QVERIFY(s.open(path, m_key));
            id = addPrinter(s, QStringLiteral("mfp2"));
            DeviceStatusRecord r;
            r.snapshot.printerId = id;
            r.snapshot.reachable = true;
            r.snapshot.state = QStringLiteral("idle");
            r.snapshot.reasons = {QStringLiteral("toner-low"), QStringLiteral("media-jam")};
            r.snapshot.supplies = {{QStringLiteral("snmp:1"), QStringLiteral("Black, TN-2420 \"XL\""),
                                    QStringLiteral("toner"), QStringLiteral("black"), 12},
                                   {QStringLiteral("snmp:2"), QStringLiteral("Waste"),
                                    QStringLiteral("waste-toner"), QString(), -3}};
            r.snapshot.pageCount = 12345;
            r.snapshot.source = QStringLiteral("snmp");
            r.snapshot.checkedAt = 1000;
            r.lastSeen = 1000;
            QVERIFY(s.devices().saveStatus(r));
            r.snapshot.checkedAt = 1060; // replaces, not adds
            QVERIFY(s.devices().saveStatus(r));
            // A status for a printer that does not exist is not stored.
            DeviceStatusRecord ghost;
            ghost.snapshot.printerId = 777;
            QVERIFY(s.devices().saveStatus(ghost));
            QCOMPARE(s.devices().statuses().size(), 1);
        }
        Store s;
        QVERIFY(s.open(path, m_key));
        const auto r = s.devices().status(id);
        QVERIFY(r);
        QCOMPARE(r->snapshot.reachable, true);
        QCOMPARE(r->snapshot.state, QStringLiteral("idle"));
        QCOMPARE(r->snapshot.reasons,
                 (QStringList{QStringLiteral("toner-low"), QStringLiteral("media-jam")}));
        QCOMPARE(r->snapshot.supplies.size(), 2);
        QCOMPARE(r->snapshot.supplies[0].description, QStringLiteral("Black, TN-2420 \"XL\""));
        QCOMPARE(r->snapshot.supplies[0].level, 12);
        QCOMPARE(r->snapshot.supplies[1].level, -3);
        QCOMPARE(r->snapshot.pageCount, 12345);
        QCOMPARE(r->snapshot.checkedAt, 1060);
        QCOMPARE(r->lastSeen, 1000);
        // Removing the printer removes its status (ON DELETE CASCADE).
        QString err;
        QVERIFY(s.removePrinter(id, true, &err));
        QVERIFY(!s.devices().status(id));
    }

    void samplesAndRetention()
    {
        Store s;
        QVERIFY(s.open(m_dir.filePath(QStringLiteral("samples.db")), m_key));
        const qint64 a = addPrinter(s, QStringLiteral("a"));
        const qint64 b = addPrinter(s, QStringLiteral("b"));
        QVERIFY(s.devices().addSamples(
            a, 100, {{QStringLiteral("snmp:1"), 0, 80}, {QStringLiteral("pages"), 0, 500}}));
        QVERIFY(s.devices().addSamples(
            a, 200, {{QStringLiteral("snmp:1"), 0, 70}, {QStringLiteral("pages"), 0, 600}}));
        QVERIFY(s.devices().addSamples(b, 150, {{QStringLiteral("ipp:0"), 0, 30}}));
        QVERIFY(s.devices().addSamples(9999, 150,
                                       {{QStringLiteral("ipp:0"), 0, 30}})); // no such printer: ignored

        const auto all = s.devices().samples(a, 0);
        QCOMPARE(all.size(), 4);
        QCOMPARE(all[0].key, QStringLiteral("pages")); // by key, then time
        QCOMPARE(all[2].value, 80);
        QCOMPARE(all[2].at, 100);
        QCOMPARE(s.devices().samples(a, 150).size(), 2);
        const auto supplies = s.devices().supplySamples(0);
        QCOMPARE(supplies.value(a).size(), 2); // pages left out
        QCOMPARE(supplies.value(b).size(), 1);
        QVERIFY(!supplies.contains(9999));
        QCOMPARE(s.devices().firstPageSample(a).value_or(DeviceSample{}).value, 500);
        QVERIFY(!s.devices().firstPageSample(b));
        QCOMPARE(s.devices().firstPageSamples().value(a).value, 500);
        QCOMPARE(s.devices().releasedSinceFirstPageSample().value(a, -1), 0);

        QCOMPARE(s.devices().pruneSamples(150), 2);
        QCOMPARE(s.devices().samples(a, 0).size(), 2);
        QCOMPARE(s.devices().firstPageSample(a).value_or(DeviceSample{}).value, 600);
        QCOMPARE(s.devices().pruneSamples(150), 0);
    }
};

QTEST_GUILESS_MAIN(TestDeviceStore)
#include "TestDeviceStore.moc"
