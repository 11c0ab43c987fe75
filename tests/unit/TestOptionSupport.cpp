// A release's options against a printer's capabilities (issue 13 section 2): OptionSupport.
#include "OptionSupport.h"
#include "PrinterClient.h"

#include <QJsonArray>
#include <QTest>

namespace {

PrinterStatus simplexMono()
{
    PrinterStatus st;
    st.reachable = true;
    st.sides = {QStringLiteral("one-sided")};
    st.colorModes = {QStringLiteral("monochrome"), QStringLiteral("auto")};
    st.copiesMax = 10;
    st.capabilitiesKnown = true;
    return st;
}

PrintOptions options(const char* sides, const char* colorMode, int copies)
{
    PrintOptions o;
    o.sides = QString::fromLatin1(sides);
    o.colorMode = QString::fromLatin1(colorMode);
    o.copies = copies;
    return o;
}

} // namespace

class TestOptionSupport : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void whatThePrinterCanDoPasses()
    {
        QVERIFY(!OptionSupport::check(options("one-sided", "auto", 10), simplexMono(), QStringLiteral("p")));
        QVERIFY(
            !OptionSupport::check(options("one-sided", "monochrome", 1), simplexMono(), QStringLiteral("p")));
    }
    void eachOptionIsRefusedWithWhatIsSupported()
    {
        auto r = OptionSupport::check(options("two-sided-long-edge", "auto", 1), simplexMono(),
                                      QStringLiteral("p"));
        QVERIFY(r);
        QCOMPARE(r->option, QStringLiteral("sides"));
        QCOMPARE(r->value.toString(), QStringLiteral("two-sided-long-edge"));
        QCOMPARE(r->supported.toArray(), QJsonArray{QStringLiteral("one-sided")});
        QCOMPARE(r->reason().code, QStringLiteral("option-unsupported"));
        QCOMPARE(r->reason().args.value(QStringLiteral("printer")).toString(), QStringLiteral("p"));

        r = OptionSupport::check(options("one-sided", "color", 1), simplexMono(), QStringLiteral("p"));
        QVERIFY(r);
        QCOMPARE(r->option, QStringLiteral("colorMode"));
        QVERIFY(!r->supported.toArray().contains(QStringLiteral("color")));

        r = OptionSupport::check(options("one-sided", "auto", 11), simplexMono(), QStringLiteral("p"));
        QVERIFY(r);
        QCOMPARE(r->option, QStringLiteral("copies"));
        QCOMPARE(r->supported.toInt(), 10);
        QCOMPARE(r->fields().value(QStringLiteral("value")).toInt(), 11);
    }
    void colourFallsBackToColorSupported()
    {
        PrinterStatus st = simplexMono();
        st.colorModes.clear();
        st.color = true;
        QVERIFY(!OptionSupport::check(options("one-sided", "color", 1), st, QStringLiteral("p")));
        st.color = false;
        QVERIFY(OptionSupport::check(options("one-sided", "color", 1), st, QStringLiteral("p")));
        // A desktop job's default "color", not asked for at this release, is not refused.
        QVERIFY(!OptionSupport::check(options("one-sided", "color", 1), st, QStringLiteral("p"), false));
    }
    void unknownCapabilitiesNeverRefuse()
    {
        PrinterStatus never; // never reached
        QVERIFY(
            !OptionSupport::check(options("two-sided-long-edge", "color", 999), never, QStringLiteral("p")));
        QVERIFY(never.capabilitiesJson().isEmpty());
        QVERIFY(!never.toJson().contains(QStringLiteral("capabilities")));
    }
    void capabilitiesOutliveAnUnreachableMoment()
    {
        PrinterStatus down;
        down.inheritCapabilities(simplexMono());
        QVERIFY(down.capabilitiesKnown);
        QCOMPARE(down.capabilitiesJson().value(QStringLiteral("copiesMax")).toInt(), 10);
        QCOMPARE(down.toJson()
                     .value(QStringLiteral("capabilities"))
                     .toObject()
                     .value(QStringLiteral("color"))
                     .toBool(),
                 false);
    }
    void aPrintersRefusalNamesTheOption()
    {
        const PrintOptions o = options("two-sided-long-edge", "auto", 1);
        auto r =
            OptionSupport::fromUnsupported({QStringLiteral("sides")}, o, simplexMono(), QStringLiteral("p"));
        QVERIFY(r);
        QCOMPARE(r->option, QStringLiteral("sides"));
        QVERIFY(!r->message.contains(QLatin1String("Unsupported")));
        QVERIFY(!OptionSupport::fromUnsupported({QStringLiteral("job-name")}, o, simplexMono(),
                                                QStringLiteral("p")));
    }
};

QTEST_GUILESS_MAIN(TestOptionSupport)
#include "TestOptionSupport.moc"
