// IPP attribute mapping of the hold queue and its jobs.
#include "IppAttributes.h"

#include <QTest>
#include <cups/cups.h>

class TestIppAttributes : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void printerAttributes()
    {
        IppAttributes::PrinterIdentity id;
        id.host = QStringLiteral("print.example");
        id.port = 8631;
        id.uuid = QStringLiteral("urn:uuid:00000000-0000-0000-0000-000000000001");
        ipp_t* a = IppAttributes::buildPrinterAttributes(id);
        QVERIFY(a);
        // A hold queue says so, and offers indefinite hold.
        ipp_attribute_t* hold = ippFindAttribute(a, "job-hold-until-supported", IPP_TAG_KEYWORD);
        QVERIFY(hold);
        QVERIFY(ippContainsString(hold, "indefinite"));
        QVERIFY(ippContainsString(hold, "no-hold"));
        QCOMPARE(QByteArray(ippGetString(ippFindAttribute(a, "job-hold-until-default", IPP_TAG_KEYWORD), 0,
                                         nullptr)),
                 QByteArray("indefinite"));
        ipp_attribute_t* ops = ippFindAttribute(a, "operations-supported", IPP_TAG_ENUM);
        QVERIFY(ippContainsInteger(ops, IPP_OP_HOLD_JOB));
        QVERIFY(ippContainsInteger(ops, IPP_OP_RELEASE_JOB));
        QVERIFY(ippContainsInteger(ops, IPP_OP_CREATE_JOB));
        QVERIFY(!ippContainsInteger(ops, IPP_OP_PRINT_URI));
        ipp_attribute_t* fmts = ippFindAttribute(a, "document-format-supported", IPP_TAG_MIMETYPE);
        for (const char* f : {"application/pdf", "image/pwg-raster", "image/urf", "image/jpeg"})
            QVERIFY2(ippContainsString(fmts, f), f);
        QVERIFY(!ippContainsString(fmts, "application/postscript"));
        // Only TLS is advertised unless plain HTTP is allowed.
        ipp_attribute_t* uris = ippFindAttribute(a, "printer-uri-supported", IPP_TAG_URI);
        QCOMPARE(ippGetCount(uris), 1);
        QCOMPARE(QByteArray(ippGetString(uris, 0, nullptr)),
                 QByteArray("ipps://print.example:8631/ipp/print"));
        QVERIFY(ippValidateAttributes(a));
        ippDelete(a);
        id.plainAllowed = true;
        a = IppAttributes::buildPrinterAttributes(id);
        QCOMPARE(ippGetCount(ippFindAttribute(a, "printer-uri-supported", IPP_TAG_URI)), 2);
        QCOMPARE(ippGetCount(ippFindAttribute(a, "uri-security-supported", IPP_TAG_KEYWORD)), 2);
        ippDelete(a);
    }

    void jobStates_data()
    {
        QTest::addColumn<int>("state");
        QTest::addColumn<int>("ipp");
        QTest::addColumn<QByteArray>("reason");
        QTest::newRow("held") << int(JobState::Held) << int(IPP_JSTATE_HELD)
                              << QByteArray("job-hold-until-specified");
        QTest::newRow("releasing") << int(JobState::Releasing) << int(IPP_JSTATE_PENDING)
                                   << QByteArray("job-queued");
        QTest::newRow("printing") << int(JobState::Printing) << int(IPP_JSTATE_PROCESSING)
                                  << QByteArray("job-printing");
        QTest::newRow("printed") << int(JobState::Printed) << int(IPP_JSTATE_COMPLETED)
                                 << QByteArray("job-completed-successfully");
        QTest::newRow("deleted") << int(JobState::Deleted) << int(IPP_JSTATE_CANCELED)
                                 << QByteArray("job-canceled-by-user");
        QTest::newRow("expired") << int(JobState::Expired) << int(IPP_JSTATE_ABORTED)
                                 << QByteArray("aborted-by-system");
    }
    void jobStates()
    {
        QFETCH(int, state);
        QFETCH(int, ipp);
        QFETCH(QByteArray, reason);
        QCOMPARE(int(IppAttributes::jobState(JobState(state))), ipp);
        QCOMPARE(QByteArray(IppAttributes::jobStateReason(JobState(state))), reason);
    }

    void jobAttributes()
    {
        JobInfo j;
        j.id = 42;
        j.name = QStringLiteral("보고서.pdf");
        j.owner = QStringLiteral("kim");
        j.pages = 5;
        j.size = 4096;
        j.options.copies = 2;
        j.options.sides = QStringLiteral("two-sided-long-edge");
        j.submitted = QDateTime::currentDateTimeUtc();
        ipp_t* a =
            IppAttributes::buildJobAttributes(j, QStringLiteral("ipps://h:1/ipp/print"), time(nullptr) - 10);
        QCOMPARE(ippGetInteger(ippFindAttribute(a, "job-id", IPP_TAG_INTEGER), 0), 42);
        QCOMPARE(QByteArray(ippGetString(ippFindAttribute(a, "job-uri", IPP_TAG_URI), 0, nullptr)),
                 QByteArray("ipps://h:1/ipp/print/42"));
        QCOMPARE(QString::fromUtf8(ippGetString(ippFindAttribute(a, "job-name", IPP_TAG_NAME), 0, nullptr)),
                 j.name);
        QCOMPARE(ippGetInteger(ippFindAttribute(a, "job-media-sheets", IPP_TAG_INTEGER), 0),
                 6); // 3 sheets x 2 copies
        QCOMPARE(ippGetInteger(ippFindAttribute(a, "job-k-octets", IPP_TAG_INTEGER), 0), 4);
        ippDelete(a);
    }
};

QTEST_GUILESS_MAIN(TestIppAttributes)
#include "TestIppAttributes.moc"
