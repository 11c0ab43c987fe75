// PdfTableScan: how large an object table Poppler would build for a PDF, read from its bytes before
// Poppler opens it (issue 14, bounded work; fuzz_ipp_request found a 1 KiB PDF that cost 2.4 GB).
#include "DocumentInspector.h"
#include "PdfTableScan.h"

#include <QBuffer>
#include <QPainter>
#include <QPdfWriter>
#include <QRandomGenerator>
#include <QTest>

namespace {

/// A one-page PDF whose page object is numbered `pageNumber`, with `xrefExtra` after the table's
/// entries and `trailerExtra` in its trailer; `brokenXref` points startxref nowhere (Poppler then
/// rebuilds the table from the "num gen obj" headers).
QByteArray pdf(qint64 pageNumber = 3, const QByteArray& xrefExtra = {}, const QByteArray& trailerExtra = {},
               bool brokenXref = false, qint64 size = 4)
{
    const QList<QByteArray> bodies{"<< /Type /Catalog /Pages 2 0 R >>",
                                   "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
                                   "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>"};
    QByteArray out("%PDF-1.4\n");
    QList<qsizetype> offsets;
    for (int i = 0; i < bodies.size(); ++i) {
        offsets.append(out.size());
        out += QByteArray::number(i == 2 ? pageNumber : i + 1) + " 0 obj\n" + bodies[i] + "\nendobj\n";
    }
    const qsizetype xref = out.size();
    out += "xref\n0 4\n0000000000 65535 f \n";
    for (const qsizetype o : offsets)
        out += QByteArray::number(o).rightJustified(10, '0') + " 00000 n \n";
    out += xrefExtra;
    out += "trailer\n<< /Size " + QByteArray::number(size) + " /Root 1 0 R" + trailerExtra +
           " >>\nstartxref\n" + QByteArray::number(brokenXref ? 999999 : xref) + "\n%%EOF\n";
    return out;
}

qint64 scanWhole(const QByteArray& bytes)
{
    PdfTableScan scan;
    scan.feed(bytes.constData(), bytes.size());
    scan.finish();
    return scan.largest();
}

/// The same bytes fed in pieces of `piece` bytes (0: random pieces of 1-40 bytes).
qint64 scanInPieces(const QByteArray& bytes, int piece)
{
    PdfTableScan scan;
    QRandomGenerator random(7);
    for (qsizetype at = 0; at < bytes.size();) {
        const qsizetype n = std::min<qsizetype>(piece ? piece : random.bounded(1, 41), bytes.size() - at);
        scan.feed(bytes.constData() + at, n);
        at += n;
    }
    scan.finish();
    return scan.largest();
}

} // namespace

class TestPdfTableScan : public QObject
{
    Q_OBJECT

private slots:
    // Each way a file tells Poppler how large a table to make, found wherever it is written, whole
    // or fed in pieces (a byte at a time, random pieces, and the ingest's 256 KiB).
    void findsEveryWayOfAsking_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<qint64>("entries");
        QTest::newRow("ordinary") << pdf() << qint64(4);
        QTest::newRow("object number, table rebuilt") << pdf(30000000, {}, {}, true) << qint64(30000001);
        QTest::newRow("trailer /Size") << pdf(3, {}, {}, false, 30000000) << qint64(30000000);
        QTest::newRow("/Size with #xx escapes and a comment")
            << pdf(3, {}, " /S#69#7Ae % the size\n\n   30000000") << qint64(30000000);
        QTest::newRow("xref subsection") << pdf(3, "29999999 1\n0000000009 00000 n \n") << qint64(30000000);
        QTest::newRow("xref stream /Index pairs")
            << pdf(3, {}, " /Type /XRef /Index [0 4 % first and count\n 29999990 10]") << qint64(30000000);
        // Poppler's rebuild reads "num gen obj" across a line break after a NUL that ends the C string.
        static const char nul[] = "%PDF-1.4\n30000000\0 junk\n0 obj\n<< >>\nendobj\n";
        QTest::newRow("object number before a NUL") << QByteArray(nul, sizeof(nul) - 1) << qint64(30000001);
        QTest::newRow("object number, gen on the next line")
            << QByteArray("%PDF-1.4\n   30000000\n  0\n obj\n<< >>\nendobj\n") << qint64(30000001);
        QTest::newRow("/Index as a reference: refused")
            << pdf(3, {}, " /Type /XRef /Index 12 0 R") << (qint64(1) << 40);
        // Poppler reads the file in pieces of 255 characters: one may end inside a run of digits, which
        // are then num and gen; a NUL or an "endobj" cuts a piece, and what follows it is not read.
        QTest::newRow("piece ending inside the digits")
            << QByteArray("%PDF-1.4\n300000000 obj\n") << qint64(30000001);
        static const char fooled[] = "%PDF-1.4\n30000000 0\0 1 2\n obj\n";
        QTest::newRow("num gen, NUL, then what looks like a header")
            << QByteArray(fooled, sizeof(fooled) - 1) << qint64(30000001);
        QTest::newRow("digits cut by endobj")
            << QByteArray("%PDF-1.4\n30000000endobj\n0 obj\n") << qint64(30000001);
        // After a cut Poppler needs gen and "obj" at the start of the next two pieces (of 255 characters
        // at most): the farthest "obj" it reads, here 702 bytes after the NUL (pdfinfo built its table of
        // 30 million entries from these bytes, and none with the first line one character longer).
        {
            QByteArray far("%PDF-1.4\n30000000", 17);
            far += '\0';
            far += QByteArray(255 - 9, 'x') + QByteArray(253, ' ') + QByteArray("0", 1) + '\0';
            far += QByteArray(200, ' ') + "obj\n<< >>\nendobj\n";
            QTest::newRow("obj 702 bytes after a cut") << far << qint64(30000001);
        }
        // Seven digits before a NUL in binary data are no header when no "obj" follows within reach.
        {
            QByteArray binary("%PDF-1.4\n4 0 obj\n<< /Length 2000 >>\nstream\n");
            for (int k = 0; k < 2000; ++k)
                binary += static_cast<char>("\x93\x01\xfe"[k % 3]);
            binary.insert(binary.size() - 1500, QByteArray("\x05"
                                                           "30000000\0"
                                                           "\x7f",
                                                           11));
            const QByteArray end("\nendstream\nendobj\n5 0 obj\n<< >>\nendobj\n");
            QTest::newRow("digits cut by a NUL in a stream, no obj within reach")
                << binary + end << qint64(6);
            QTest::newRow("digits cut by a NUL at the end of the file")
                << QByteArray("%PDF-1.4\n1 0 obj\n<< >>\nendobj\n30000000\0\n", 40) << qint64(2);
        }
        // A table that startxref points into: its first number is the file's offset, its count counts.
        QTest::newRow("xref inside startxref")
            << QByteArray("%PDF-1.4\ntrailer << /Prev 14 >>\nstartxref\n9\n%%EOF\n29999999 ")
            << qint64(29999999);
        // ... unless an offset points to it (here /Prev): then Poppler reads it whole.
        {
            QByteArray pointed("%PDF-1.4\ntrailer << /Prev PPPP >>\nstartxref\n2500000\n%%EOF\n5 ");
            pointed.replace("PPPP",
                            QByteArray::number(pointed.indexOf("startxref") + 5).rightJustified(4, '0'));
            QTest::newRow("xref inside startxref, pointed to") << pointed << qint64(2500005);
        }
        // An incremental update after a large offset is not a table of that size.
        QTest::newRow("update after a large startxref")
            << QByteArray("%PDF-1.4\nstartxref\n52000000\n%%EOF\n7 0 obj\n<< /Size 9 >>\nendobj\n")
            << qint64(9);
        // Words that contain the keywords are not them.
        QTest::newRow("endobj, /SizeX, /Indexes")
            << QByteArray("%PDF-1.4\n5 0 endobj /SizeX 90000000 /Indexes [0 90000000]\n") << qint64(0);
        QTest::newRow("negative and real numbers")
            << QByteArray("%PDF-1.4\n/Size -90000000 /Size 90000000.5 /Index [0 -5]\n") << qint64(0);
    }

    void findsEveryWayOfAsking()
    {
        QFETCH(QByteArray, bytes);
        QFETCH(qint64, entries);
        QCOMPARE(scanWhole(bytes), entries);
        QCOMPARE(scanInPieces(bytes, 1), entries);
        QCOMPARE(scanInPieces(bytes, 0), entries);
        // The same inside a larger file, past the first 256 KiB piece, with its end in the next one
        // (where an offset in the file points elsewhere then: the row that depends on it is left out).
        if (QByteArray(QTest::currentDataTag()).contains("pointed to"))
            return;
        QByteArray padded = QByteArray(256 * 1024 - 10, ' ') + bytes;
        QCOMPARE(scanInPieces(padded, 256 * 1024), entries);
        QBuffer device(&padded);
        QVERIFY(device.open(QIODevice::ReadOnly));
        QVERIFY(device.seek(5));
        QCOMPARE(PdfTableScan::scan(&device), entries);
        QCOMPARE(device.pos(), qint64(5)); // left where it was
    }

    // Random files made of the pieces the scan looks for: the same answer whole, a byte at a time and
    // in random pieces (every way a keyword, a name or a number can be cut between two chunks).
    void sameAnswerHoweverTheBytesArrive()
    {
        const QList<QByteArray> parts{"/Size",
                                      "/S#69ze",
                                      "/Index",
                                      "[",
                                      "]",
                                      " ",
                                      "\n",
                                      "\r",
                                      "%c\n",
                                      "\0",
                                      "obj",
                                      "endobj",
                                      "xref",
                                      "startxref",
                                      "0",
                                      "7",
                                      "123",
                                      "2999999",
                                      "30000000",
                                      "-5",
                                      "1.5",
                                      "/",
                                      "S",
                                      "I",
                                      "#",
                                      "e",
                                      "f",
                                      "j",
                                      "b",
                                      "<<",
                                      ">>",
                                      "/Size 40",
                                      "/S#69ze 41\n",
                                      "5 0 obj",
                                      "30000000 0 obj",
                                      "xref\n0 4\n",
                                      "/Index [1 2 ",
                                      "startxref\n9\n",
                                      "0000000009 00000 n \n"};
        QRandomGenerator random(36);
        int nonZero = 0;
        for (int round = 0; round < 3000; ++round) {
            QByteArray bytes;
            const int count = random.bounded(1, 60);
            for (int k = 0; k < count; ++k)
                bytes += parts[random.bounded(parts.size())];
            const qint64 whole = scanWhole(bytes);
            nonZero += whole > 0;
            QCOMPARE(scanInPieces(bytes, 1), whole);
            QCOMPARE(scanInPieces(bytes, 0), whole);
            QCOMPARE(scanInPieces(bytes, 3), whole);
        }
        QVERIFY2(nonZero > 1500, qPrintable(QString::number(nonZero))); // the rounds did find numbers
    }

    // A real PDF (Qt's writer, several pages) asks for what it holds, far below the limit.
    void realDocumentIsWellUnderTheLimit()
    {
        QBuffer out;
        QVERIFY(out.open(QIODevice::ReadWrite));
        {
            QPdfWriter writer(&out);
            QPainter painter(&writer);
            for (int page = 0; page < 5; ++page) {
                if (page)
                    writer.newPage();
                painter.drawText(100, 100, QStringLiteral("page %1").arg(page + 1));
            }
        }
        const qint64 entries = scanWhole(out.data());
        QVERIFY2(entries > 5 && entries < 200, qPrintable(QString::number(entries)));
        QCOMPARE(PdfTableScan::scan(&out), entries);
    }

    // Inspection refuses a PDF over the limit before Poppler opens it, with a sentence a person can
    // act on, and takes the same document with an ordinary table.
    void inspectionRefusesOverTheLimit()
    {
        QByteArray bomb = pdf(30000000, {}, {}, true);
        QBuffer device(&bomb);
        QVERIFY(device.open(QIODevice::ReadOnly));
        const DocumentInfo refused =
            DocumentInspector::inspect(&device, QStringLiteral("application/pdf"), false);
        QVERIFY(!refused.ok);
        QVERIFY2(refused.error.contains(QStringLiteral("declares more objects than this server reads")),
                 qPrintable(refused.error));
        // Told by the caller that fed the bytes as they arrived: not read again.
        QByteArray plain = pdf();
        QBuffer ordinary(&plain);
        QVERIFY(ordinary.open(QIODevice::ReadOnly));
        QVERIFY(!DocumentInspector::inspect(&ordinary, QStringLiteral("application/pdf"), false,
                                            PdfTableScan::MaxEntries + 1)
                     .ok);
        const DocumentInfo fine =
            DocumentInspector::inspect(&ordinary, QStringLiteral("application/pdf"), false);
        QVERIFY2(fine.ok, qPrintable(fine.error));
        QCOMPARE(fine.pages, 1);
        // The thumbnail's render of a stored document checks again: the placeholder, not Poppler.
        const DocumentInspector::Rendering r =
            DocumentInspector::render(&device, QStringLiteral("application/pdf"), 595, 842, RenderBudget{});
        QVERIFY(r.placeholder);
        QVERIFY2(r.why.contains(QStringLiteral("object table")), qPrintable(r.why));
    }
};

QTEST_MAIN(TestPdfTableScan)
#include "TestPdfTableScan.moc"
