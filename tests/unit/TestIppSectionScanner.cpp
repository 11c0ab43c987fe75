// The IPP attribute section limits (issue 14): the scanner finds where a request's attributes end,
// counts them, and stops at the size or count limit, whatever way the bytes arrive.
#include "IppSectionScanner.h"

#include <QTest>
#include <cups/ipp.h>

namespace {

/// Encodes `request` with libcups, as a client sends it.
QByteArray encode(ipp_t* request)
{
    QByteArray out;
    ippSetState(request, IPP_STATE_IDLE);
    const ipp_state_t st = ippWriteIO(
        &out,
        [](void* ctx, ipp_uchar_t* buffer, size_t bytes) -> ssize_t {
            static_cast<QByteArray*>(ctx)->append(reinterpret_cast<const char*>(buffer),
                                                  static_cast<qsizetype>(bytes));
            return static_cast<ssize_t>(bytes);
        },
        1, nullptr, request);
    ippDelete(request);
    return st == IPP_STATE_DATA ? out : QByteArray();
}

/// A Get-Printer-Attributes request with `extra` more keywords in requested-attributes (one
/// attribute with many values) and `named` more operation attributes.
QByteArray request(int extraValues, int named)
{
    ipp_t* r = ippNewRequest(IPP_OP_GET_PRINTER_ATTRIBUTES);
    ippSetRequestId(r, 4242);
    ippAddString(r, IPP_TAG_OPERATION, IPP_TAG_URI, "printer-uri", nullptr, "ipp://localhost/ipp/print");
    std::vector<const char*> values(static_cast<size_t>(extraValues + 1), "printer-name");
    ippAddStrings(r, IPP_TAG_OPERATION, IPP_TAG_KEYWORD, "requested-attributes", extraValues + 1, nullptr,
                  values.data());
    for (int i = 0; i < named; ++i)
        ippAddString(r, IPP_TAG_OPERATION, IPP_TAG_NAME, qPrintable(QStringLiteral("x-%1").arg(i)), nullptr,
                     "value");
    // A collection: begin, member name, member value, end: four entries.
    ipp_t* col = ippNew();
    ippAddString(col, IPP_TAG_ZERO, IPP_TAG_KEYWORD, "media-type", nullptr, "stationery");
    ippAddCollection(r, IPP_TAG_JOB, "media-col", col);
    ippDelete(col);
    return encode(r);
}

} // namespace

class TestIppSectionScanner : public QObject
{
    Q_OBJECT

private slots:
    void findsTheEndBeforeDocumentData()
    {
        const QByteArray section = request(3, 2);
        QVERIFY(!section.isEmpty());
        IppSectionScanner s(256 * 1024, 2000);
        QCOMPARE(s.scan(section + QByteArray("%PDF-1.7 document bytes")), IppSectionScanner::State::Complete);
        QCOMPARE(s.sectionSize(), qint64(section.size()));
        QCOMPARE(s.requestId(), 4242);
        QCOMPARE(s.version(), 20);
        // charset, language, printer-uri, 4 keyword values, 2 names, the collection's 4
        QCOMPARE(s.entries(), 13);
    }

    void sameResultByteByByte()
    {
        const QByteArray section = request(10, 5);
        IppSectionScanner s(256 * 1024, 2000);
        QByteArray seen;
        IppSectionScanner::State st = IppSectionScanner::State::NeedMore;
        for (qsizetype i = 0; i < section.size(); ++i) {
            QCOMPARE(st, IppSectionScanner::State::NeedMore);
            seen.append(section[i]);
            st = s.scan(seen);
        }
        QCOMPARE(st, IppSectionScanner::State::Complete);
        QCOMPARE(s.sectionSize(), qint64(section.size()));
    }

    void countLimit()
    {
        // 3 fixed entries + 1,997 keywords + the collection's 4 = 2,004.
        const QByteArray section = request(1996, 0);
        IppSectionScanner atLimit(1024 * 1024, 2004);
        QCOMPARE(atLimit.scan(section), IppSectionScanner::State::Complete);
        IppSectionScanner over(1024 * 1024, 2003);
        QCOMPARE(over.scan(section), IppSectionScanner::State::TooMany);
    }

    void sizeLimitStopsWithinTheLimit()
    {
        const QByteArray section = request(0, 20000); // ~20 bytes each: ~400 KB
        QVERIFY(section.size() > 256 * 1024);
        IppSectionScanner s(256 * 1024, 1000000);
        // Fed as a reader would: never more than the limit.
        QByteArray seen;
        IppSectionScanner::State st = IppSectionScanner::State::NeedMore;
        while (st == IppSectionScanner::State::NeedMore && seen.size() < 256 * 1024) {
            seen.append(section.mid(seen.size(), std::min<qsizetype>(4096, 256 * 1024 - seen.size())));
            st = s.scan(seen);
        }
        QCOMPARE(st, IppSectionScanner::State::TooLarge);
        QVERIFY(seen.size() <= 256 * 1024);
    }

    void oneValueDeclaredPastTheLimitIsRefusedAtOnce()
    {
        // Header, operation group, then a text value declaring 65535 bytes: refused on its length alone.
        QByteArray bytes("\x02\x00\x00\x0b\x00\x00\x00\x01\x01\x41\x00\x01x\xff\xff", 15);
        IppSectionScanner s(4096, 2000);
        QCOMPARE(s.scan(bytes), IppSectionScanner::State::TooLarge);
    }

    void malformedAndTruncated()
    {
        IppSectionScanner zeroTag(4096, 100);
        QCOMPARE(zeroTag.scan(QByteArray("\x02\x00\x00\x0b\x00\x00\x00\x01\x00", 9)),
                 IppSectionScanner::State::Malformed);
        IppSectionScanner shortHeader(4096, 100);
        QCOMPARE(shortHeader.scan(QByteArray("\x02\x00\x00", 3)), IppSectionScanner::State::NeedMore);
        const QByteArray section = request(0, 0);
        IppSectionScanner cut(4096, 100);
        QCOMPARE(cut.scan(section.left(section.size() - 1)), IppSectionScanner::State::NeedMore);
    }

    void extensionTagIsSkipped()
    {
        // 0x7F + 4-byte tag, then name and value as usual; then end-of-attributes.
        QByteArray bytes("\x02\x00\x00\x0b\x00\x00\x00\x07\x01", 9);
        bytes += QByteArray("\x7f\x00\x00\x40\x00\x00\x01n\x00\x02vv", 12);
        bytes += '\x03';
        IppSectionScanner s(4096, 100);
        QCOMPARE(s.scan(bytes), IppSectionScanner::State::Complete);
        QCOMPARE(s.sectionSize(), qint64(bytes.size()));
        QCOMPARE(s.entries(), 1);
    }
};

QTEST_MAIN(TestIppSectionScanner)
#include "TestIppSectionScanner.moc"
