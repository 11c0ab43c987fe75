// PdfPageTree: the pages of a PDF as Poppler finds them, walked with qpdf before Poppler does, within
// limits (issue 14, bounded work). Each row is checked against Poppler itself: the count, and which page
// is which (each page has its own width).
#include "DocumentInspector.h"
#include "PdfPageCost.h"
#include "PdfPageTree.h"
#include "PdfPageWalker.h"
#include "PwgRasterWriter.h"
#include "QpdfDeviceSource.h"
#include "TestData.h"

#include <QBuffer>
#include <QElapsedTimer>
#include <QRandomGenerator>
#include <QSemaphore>
#include <QSet>
#include <QTest>
#include <QThread>
#include <poppler-qt6.h>
#include <qpdf/Buffer.hh>
#include <qpdf/QPDF.hh>
#include <qpdf/QPDFWriter.hh>

#include <atomic>
#include <map>

namespace {

/// A PDF of the given objects (number -> body); object 1 is the catalog, its /Pages is 2 0 R.
QByteArray build(const std::map<int, QByteArray>& objects)
{
    QByteArray out("%PDF-1.4\n");
    std::map<int, qsizetype> offsets;
    out += "1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n";
    offsets[1] = 9;
    for (const auto& [number, body] : objects) {
        offsets[number] = out.size();
        out += QByteArray::number(number) + " 0 obj\n" + body + "\nendobj\n";
    }
    const int size = offsets.rbegin()->first + 1;
    const qsizetype xref = out.size();
    out += "xref\n0 " + QByteArray::number(size) + "\n0000000000 65535 f \n";
    for (int i = 1; i < size; ++i) {
        const auto it = offsets.find(i);
        out += it == offsets.end() ? QByteArray("0000000000 65535 f \n")
                                   : QByteArray::number(it->second).rightJustified(10, '0') + " 00000 n \n";
    }
    out += "trailer\n<< /Size " + QByteArray::number(size) + " /Root 1 0 R >>\nstartxref\n" +
           QByteArray::number(xref) + "\n%%EOF\n";
    return out;
}

QByteArray page(int width)
{
    return "<< /Type /Page /MediaBox [0 0 " + QByteArray::number(width) + " 800] >>";
}

QByteArray node(const QByteArray& kids, long long count)
{
    return "<< /Type /Pages /Kids " + kids + " /Count " + QByteArray::number(count) + " >>";
}

QByteArray refs(const QList<int>& numbers)
{
    QByteArray out("[");
    for (const int n : numbers)
        out += QByteArray::number(n) + " 0 R ";
    return out + "]";
}

struct Walk
{
    PdfPageTree::End end = PdfPageTree::End::Unreadable;
    QList<int> widths;    // of the pages walked (the whole tree), in order
    int popplerPages = 0; // how many of them Poppler finds
};

/// A PDF 1.5 whose page tree's root (object 2) sits compressed in an object stream (object 4), with
/// `kids` as its /Kids and `count` as its /Count; object 3 is a page (width 300). Cross-reference stream.
QByteArray objectStreamPdf(const QByteArray& kids, int count)
{
    const QByteArray header("2 0 ");
    const QByteArray data =
        header + "<< /Type /Pages /Count " + QByteArray::number(count) + " /Kids " + kids + " >>";
    const QByteArray packed = qCompress(data).mid(4); // a zlib stream without Qt's length prefix
    QByteArray out("%PDF-1.5\n");
    QList<qsizetype> offsets; // of objects 1, 3 and 4
    auto add = [&](int number, const QByteArray& body) {
        offsets.append(out.size());
        out += QByteArray::number(number) + " 0 obj\n" + body + "\nendobj\n";
    };
    add(1, "<< /Type /Catalog /Pages 2 0 R >>");
    add(3, page(300));
    add(4, "<< /Type /ObjStm /N 1 /First " + QByteArray::number(header.size()) + " /Length " +
               QByteArray::number(packed.size()) + " /Filter /FlateDecode >>\nstream\n" + packed +
               "\nendstream");
    // Cross-reference stream (object 5): type, field 2 (4 bytes), field 3 (2 bytes).
    QByteArray entries;
    auto entry = [&](int type, quint32 two, quint16 three) {
        entries += char(type);
        for (int shift = 24; shift >= 0; shift -= 8)
            entries += char((two >> shift) & 0xff);
        entries += char(three >> 8);
        entries += char(three & 0xff);
    };
    const qsizetype xref = out.size();
    entry(0, 0, 65535);
    entry(1, quint32(offsets[0]), 0);
    entry(2, 4, 0); // object 2: the first in object stream 4
    entry(1, quint32(offsets[1]), 0);
    entry(1, quint32(offsets[2]), 0);
    entry(1, quint32(xref), 0);
    out += "5 0 obj\n<< /Type /XRef /Size 6 /W [1 4 2] /Root 1 0 R /Length " +
           QByteArray::number(entries.size()) + " >>\nstream\n" + entries +
           "\nendstream\nendobj\nstartxref\n" + QByteArray::number(xref) + "\n%%EOF\n";
    return out;
}

Walk walk(const QByteArray& pdf)
{
    Walk w;
    QBuffer buffer;
    buffer.setData(pdf);
    buffer.open(QIODevice::ReadOnly);
    QPDF q;
    q.setSuppressWarnings(true);
    q.setAttemptRecovery(true);
    q.processInputSource(std::make_shared<QpdfDeviceSource>(&buffer));
    PdfPageWalker tree(q, PdfPageTree::MaxPages + 1);
    for (QPDFObjectHandle p = tree.next(); !p.isNull(); p = tree.next()) {
        QPDFObjectHandle box = p.getKey("/MediaBox");
        w.widths.append(box.isArray() ? static_cast<int>(box.getArrayItem(2).getNumericValue()) : -1);
    }
    w.end = tree.end();
    w.popplerPages = tree.popplerPages();
    if (w.end == PdfPageTree::End::Done && w.widths.size() > PdfPageTree::MaxPages)
        w.end = PdfPageTree::End::TooManyPages;
    return w;
}

/// The widths of the pages Poppler loads, in order, and how many PdfPageTree::loadablePages counts.
QList<int> popplerWidths(const QByteArray& pdf, int* loadable)
{
    std::unique_ptr<Poppler::Document> doc = Poppler::Document::loadFromData(pdf);
    QList<int> widths;
    *loadable = doc ? PdfPageTree::loadablePages(*doc) : -1;
    if (!doc)
        return widths;
    for (int i = 0; i < std::min(*loadable, PdfPageTree::MaxPages); ++i) {
        std::unique_ptr<Poppler::Page> p = doc->page(i);
        widths.append(p ? qRound(p->pageSizeF().width()) : -1);
    }
    return widths;
}

/// A one-page PDF whose page dictionary holds an array of `count` integers (qpdf: ~262 bytes each).
QByteArray pageWithIntegers(int count)
{
    std::map<int, QByteArray> objects;
    objects[2] = node("[3 0 R]", 1);
    objects[3] =
        "<< /Type /Page /MediaBox [0 0 300 800] /Foo [" + QByteArray("12345 ").repeated(count) + "] >>";
    return build(objects);
}

PdfPageTree::End check(const QByteArray& pdf, std::size_t memoryLimit = PdfPageTree::MaxMemory,
                       double cpuSeconds = PdfPageTree::MaxSeconds)
{
    QBuffer buffer;
    buffer.setData(pdf);
    buffer.open(QIODevice::ReadOnly);
    return PdfPageTree::check(&buffer, nullptr, memoryLimit, cpuSeconds).end;
}

DocumentInfo inspect(const QByteArray& pdf)
{
    QBuffer buffer;
    buffer.setData(pdf);
    buffer.open(QIODevice::ReadOnly);
    return DocumentInspector::inspect(&buffer, QStringLiteral("application/pdf"), false);
}

} // namespace

class TestPdfPageTree : public QObject
{
    Q_OBJECT

private slots:
    // First, while the process's peak memory is still low.
    // The thumbnail's page cost and the raster release count the pages Poppler loads, and do not
    // ask qpdf for every page listed.
    void thumbnailAndRasterReleaseCountLoadablePages()
    {
        // qpdf's getAllPages() took ~1.5 KB for each page listed again: ~600 MB for these 400,000.
        QByteArray many("[");
        for (int i = 0; i < 400000; ++i)
            many += "3 0 R ";
        many += "]";
        const QByteArray pdf = build({{2, node(many, 1)}, {3, page(300)}});
        QBuffer buffer;
        buffer.setData(pdf);
        buffer.open(QIODevice::ReadOnly);
        const qint64 peakBefore = TestData::procSelfNumber("status", "VmHWM");
        QElapsedTimer timer;
        timer.start();
        {
            PdfPageCost costs(&buffer);
            QVERIFY(costs.page(0).known);
            QVERIFY(!costs.page(PdfPageTree::MaxPages).known); // past the limit
            QCOMPARE(costs.checkTree().end, PdfPageTree::End::TooManyPages);
        }
        const qint64 grew = TestData::procSelfNumber("status", "VmHWM") - peakBefore;
        qInfo() << "page costs of a PDF listing one page 400,000 times:" << timer.elapsed() << "ms, peak grew"
                << grew << "KiB";
        QVERIFY2(grew < 200 * 1024, qPrintable(QString::number(grew)));

        const QByteArray inflated = build({{2, node(refs({3}), 1999999)}, {3, page(300)}, {1999998, "null"}});
        QBuffer in;
        in.setData(inflated);
        in.open(QIODevice::ReadOnly);
        RasterOptions options;
        options.dpi = 72;
        QString why;
        QCOMPARE(PwgRasterWriter::checkBudget(&in, options, RenderBudget{}, &why), 0);
        QVERIFY(in.seek(0));
        PwgRasterWriter writer;
        qint64 bytes = 0;
        QVERIFY2(writer.write(&in, options,
                              [&bytes](const char*, size_t n) {
                                  bytes += qint64(n);
                                  return true;
                              }),
                 qPrintable(writer.errorString()));
        QCOMPARE(writer.pagesWritten(), 1);
        QVERIFY(bytes > 0);
    }

    void walksAsPopplerDoes_data()
    {
        QTest::addColumn<QByteArray>("pdf");
        QTest::addColumn<int>("pages");

        // 2 -> [3 -> [5, 6], 4 -> [7 -> [8], 9]]: depth first.
        QTest::newRow("nested") << build({{2, node(refs({3, 4}), 4)},
                                          {3, node(refs({5, 6}), 2)},
                                          {4, node(refs({7, 9}), 2)},
                                          {5, page(101)},
                                          {6, page(102)},
                                          {7, node(refs({8}), 1)},
                                          {8, page(103)},
                                          {9, page(104)}})
                                << 4;
        // One page, /Count 1999999: Poppler's numPages() says 1,999,999 (the table is large enough).
        QTest::newRow("count-inflated")
            << build({{2, node(refs({3}), 1999999)}, {3, page(101)}, {1999998, "null"}}) << 1;
        // Five pages, /Count 2: Poppler stops at two.
        QTest::newRow("count-short") << build({{2, node(refs({3, 4, 5, 6, 7}), 2)},
                                               {3, page(101)},
                                               {4, page(102)},
                                               {5, page(103)},
                                               {6, page(104)},
                                               {7, page(105)}})
                                     << 2;
        // A page listed three times is three pages.
        QTest::newRow("listed-again")
            << build({{2, node(refs({3, 3, 4, 3}), 4)}, {3, page(101)}, {4, page(102)}}) << 4;
        // A kid naming an ancestor is skipped.
        QTest::newRow("loop") << build({{2, node(refs({3, 4}), 3)},
                                        {3, node(refs({5, 2, 3, 6}), 2)},
                                        {4, page(103)},
                                        {5, page(101)},
                                        {6, page(102)}})
                              << 3;
        // A kid that is not a dictionary is skipped; one that is not a reference ends the walk.
        QTest::newRow("not-a-dictionary")
            << build({{2, node(refs({7, 3, 4}), 2)}, {3, page(101)}, {4, page(102)}, {7, "42"}}) << 2;
        QTest::newRow("not-a-reference")
            << build({{2, node("[3 0 R << /Type /Page /MediaBox [0 0 300 300] >> 4 0 R]", 3)},
                      {3, page(101)},
                      {4, page(102)}})
            << 1;
        // A node whose /Kids is not an array ends the walk.
        QTest::newRow("kids-not-an-array") << build({{2, node(refs({3, 4, 5}), 3)},
                                                     {3, page(101)},
                                                     {4, "<< /Type /Pages /Kids 5 /Count 1 >>"},
                                                     {5, page(102)}})
                                           << 1;
        // A dictionary without /Kids is a page, whatever its /Type.
        QTest::newRow("untyped-page")
            << build({{2, node(refs({3, 4}), 2)}, {3, "<< /MediaBox [0 0 101 800] >>"}, {4, page(102)}}) << 2;
        // /Kids given as a reference (Poppler reads it again for every kid).
        QTest::newRow("kids-by-reference") << build({{2, "<< /Type /Pages /Kids 9 0 R /Count 2 >>"},
                                                     {9, refs({3, 4})},
                                                     {3, page(101)},
                                                     {4, page(102)}})
                                           << 2;
    }

    void walksAsPopplerDoes()
    {
        QFETCH(QByteArray, pdf);
        QFETCH(int, pages);
        const Walk w = walk(pdf);
        QCOMPARE(w.end, PdfPageTree::End::Done);
        QCOMPARE(w.popplerPages, pages);
        int loadable = 0;
        const QList<int> poppler = popplerWidths(pdf, &loadable);
        QCOMPARE(loadable, pages);
        QCOMPARE(w.widths.mid(0, pages), poppler);
        const DocumentInfo info = inspect(pdf);
        QVERIFY2(info.ok, qPrintable(info.error));
        QCOMPARE(info.pages, pages);
        QCOMPARE(info.widthPt, poppler.first());
    }

    void limits_data()
    {
        QTest::addColumn<QByteArray>("pdf");
        QTest::addColumn<PdfPageTree::End>("end");
        QTest::addColumn<QString>("error"); // a piece of what inspect() says; empty: accepted

        auto chain = [](int depth) {
            std::map<int, QByteArray> objects;
            for (int i = 0; i < depth; ++i)
                objects[2 + i] = node(refs({3 + i}), 1);
            objects[2 + depth] = page(101);
            return build(objects);
        };
        QTest::newRow("chain-256") << chain(PdfPageTree::MaxDepth - 1) << PdfPageTree::End::Done << QString();
        QTest::newRow("chain-300") << chain(300) << PdfPageTree::End::TooDeep
                                   << QStringLiteral("list of pages");

        auto flat = [](int pages, bool byReference) {
            std::map<int, QByteArray> objects;
            QList<int> kids;
            for (int i = 0; i < pages; ++i) {
                kids.append(10 + i);
                objects[10 + i] = page(100 + i % 500);
            }
            if (byReference) {
                objects[2] = "<< /Type /Pages /Kids 3 0 R /Count " + QByteArray::number(pages) + " >>";
                objects[3] = refs(kids);
            } else {
                objects[2] = node(refs(kids), pages);
            }
            return build(objects);
        };
        QTest::newRow("flat-10000") << flat(PdfPageTree::MaxPages, false) << PdfPageTree::End::Done
                                    << QString();
        QTest::newRow("flat-10001") << flat(PdfPageTree::MaxPages + 1, false)
                                    << PdfPageTree::End::TooManyPages
                                    << QStringLiteral("more than 10,000 pages");
        // Poppler's steps: pages x (pages + 2): 1,000 is ~1 M, 4,000 ~16 M.
        QTest::newRow("by-reference-1000") << flat(1000, true) << PdfPageTree::End::Done << QString();
        QTest::newRow("by-reference-4000")
            << flat(4000, true) << PdfPageTree::End::TooMuchWork << QStringLiteral("list of pages");
        // One page listed 100,000 times (qpdf's getAllPages() made 100,000 copies of it).
        QByteArray many("[");
        for (int i = 0; i < 100000; ++i)
            many += "3 0 R ";
        many += "]";
        QTest::newRow("listed-100000")
            << build({{2, node(many, 100000)}, {3, page(101)}}) << PdfPageTree::End::TooManyPages
            << QStringLiteral("more than 10,000 pages");
        // Poppler would see one page (its /Count); a printer that walks the tree a hundred thousand.
        QTest::newRow("listed-100000-count-1")
            << build({{2, node(many, 1)}, {3, page(101)}}) << PdfPageTree::End::TooManyPages
            << QStringLiteral("more than 10,000 pages");
    }

    void limits()
    {
        QFETCH(QByteArray, pdf);
        QFETCH(PdfPageTree::End, end);
        QFETCH(QString, error);
        QElapsedTimer timer;
        timer.start();
        QCOMPARE(walk(pdf).end, end);
        const DocumentInfo info = inspect(pdf);
        QCOMPARE(info.ok, error.isEmpty());
        if (!error.isEmpty())
            QVERIFY2(info.error.contains(error), qPrintable(info.error));
        qInfo() << QTest::currentDataTag() << "walk and inspect:" << timer.elapsed() << "ms";
    }

    // Trees made of random pieces (nodes, pages, pages listed again, loops, kids that are not
    // dictionaries or not references, /Counts too high and too low): the walk finds the pages Poppler
    // loads, in the same order.
    void randomTreesAgreeWithPoppler()
    {
        QRandomGenerator random(37);
        int compared = 0;
        for (int round = 0; round < 400; ++round) {
            std::map<int, QByteArray> objects;
            const int count = random.bounded(3, 40);
            int width = 100;
            for (int n = 3; n < 3 + count; ++n) {
                const int kind = random.bounded(10);
                if (kind < 5) {
                    objects[n] = page(width++);
                } else if (kind < 9) {
                    QList<int> kids;
                    for (int k = random.bounded(0, 5); k > 0; --k)
                        kids.append(random.bounded(2, 3 + count));
                    objects[n] = kind == 8 ? "<< /Kids " + refs(kids) + " >>" : node(refs(kids), 0);
                } else {
                    objects[n] =
                        random.bounded(2) ? QByteArray("7") : QByteArray("<< /Type /Pages /Kids /None >>");
                }
            }
            QList<int> rootKids;
            for (int k = random.bounded(1, 6); k > 0; --k)
                rootKids.append(random.bounded(3, 3 + count));
            const int declared = random.bounded(1, 2 * count);
            objects[2] = node(refs(rootKids), declared);
            const QByteArray pdf = build(objects);

            const Walk w = walk(pdf);
            if (w.end != PdfPageTree::End::Done)
                continue; // over a limit (a deep or looping tree): not handed to Poppler
            int loadable = 0;
            const QList<int> poppler = popplerWidths(pdf, &loadable);
            const DocumentInfo info = inspect(pdf);
            if (loadable <= 0) {
                // Poppler finds none (a /Count larger than its object table, say): refused.
                QVERIFY2(!info.ok, pdf.constData());
                continue;
            }
            ++compared;
            QVERIFY2(w.popplerPages == loadable, pdf.constData());
            QCOMPARE(w.widths.mid(0, loadable), poppler);
            QVERIFY2(info.ok, qPrintable(info.error));
            QCOMPARE(info.pages, loadable);
        }
        QVERIFY2(compared > 100, qPrintable(QString::number(compared)));
    }

    // A page tree in a compressed object stream is read as any other; one whose object stream inflates
    // past MaxObjectStreamBytes is refused before qpdf or Poppler parse it (an 88 KB file with 10 million
    // kids there took the server 780 MB and 9 s).
    void objectStreams()
    {
        const QByteArray small = objectStreamPdf("[3 0 R 3 0 R]", 2);
        QCOMPARE(walk(small).end, PdfPageTree::End::Done);
        QCOMPARE(walk(small).popplerPages, 2);
        int loadable = 0;
        QCOMPARE(popplerWidths(small, &loadable), (QList<int>{300, 300}));
        DocumentInfo info = inspect(small);
        QVERIFY2(info.ok, qPrintable(info.error));
        QCOMPARE(info.pages, 2);

        QByteArray many("[");
        many += QByteArray("3 0 R ").repeated(3'000'000); // 18 MB once inflated, ~20 KB compressed
        many += "]";
        const QByteArray bomb = objectStreamPdf(many, 1);
        many.clear();
        QVERIFY(bomb.size() < 100'000);
        const qint64 before = TestData::procSelfNumber("status", "VmHWM");
        info = inspect(bomb);
        const qint64 grew = TestData::procSelfNumber("status", "VmHWM") - before;
        QVERIFY(!info.ok);
        QVERIFY2(info.error.contains(QStringLiteral("compressed objects")), qPrintable(info.error));
        // Parsed, the array alone would take ~200 MB in qpdf.
        QVERIFY2(grew < 64 * 1024, qPrintable(QStringLiteral("peak grew by %1 KiB").arg(grew)));
    }

    // A PDF that needs a password is said to be one (qpdf cannot open it without).
    void passwordProtected()
    {
        QByteArray plain = TestData::pdfFromObjects(
            {"<< /Type /Catalog /Pages 2 0 R >>", "<< /Type /Pages /Kids [3 0 R] /Count 1 >>", page(300)});
        QPDF source;
        source.processMemoryFile("plain", plain.constData(), static_cast<size_t>(plain.size()));
        QPDFWriter writer(source);
        writer.setOutputMemory();
        writer.setR6EncryptionParameters("user", "owner", true, true, true, true, true, true, qpdf_r3p_full,
                                         true);
        writer.write();
        const std::shared_ptr<Buffer> out = writer.getBufferSharedPointer();
        const QByteArray locked(reinterpret_cast<const char*>(out->getBuffer()),
                                static_cast<qsizetype>(out->getSize()));
        const DocumentInfo info = inspect(locked);
        QVERIFY(!info.ok);
        QVERIFY(info.encrypted);
        QVERIFY2(info.error.contains(QStringLiteral("password")), qPrintable(info.error));
    }

    // What qpdf holds and spends reading a document is bounded (AllocationBudget), whatever the objects
    // it is made to parse: a page's own dictionary, the trailer (parsed when the file is opened), a
    // /Kids array, a page's resources.
    void costlyObjectsAreBounded()
    {
        QCOMPARE(check(pageWithIntegers(200'000)), PdfPageTree::End::Done); // ~52 MB in qpdf: read

        QByteArray pdf = pageWithIntegers(1'000'000); // 6 MB, ~262 MB in qpdf
        qint64 before = TestData::procSelfNumber("status", "VmHWM");
        QCOMPARE(check(pdf, 32 * 1024 * 1024), PdfPageTree::End::TooCostly);
        qint64 grew = TestData::procSelfNumber("status", "VmHWM") - before;
        QVERIFY2(grew < 64 * 1024, qPrintable(QStringLiteral("peak grew by %1 KiB").arg(grew)));

        std::map<int, QByteArray> objects;
        objects[2] = node("[3 0 R]", 1);
        objects[3] = page(300);
        pdf = build(objects);
        QCOMPARE(check(pdf), PdfPageTree::End::Done);
        pdf.replace("/Root 1 0 R >>", "/Root 1 0 R /Bar [" + QByteArray("7 ").repeated(1'000'000) + "] >>");
        before = TestData::procSelfNumber("status", "VmHWM");
        QCOMPARE(check(pdf, 32 * 1024 * 1024), PdfPageTree::End::TooCostly);
        grew = TestData::procSelfNumber("status", "VmHWM") - before;
        QVERIFY2(grew < 64 * 1024, qPrintable(QStringLiteral("peak grew by %1 KiB").arg(grew)));

        // A /Kids array of a million references: ~2.5 s of qpdf's parsing, then more than MaxPages.
        objects[2] = "<< /Type /Pages /Count 1 /Kids [" + QByteArray("3 0 R ").repeated(1'000'000) + "] >>";
        pdf = build(objects);
        QCOMPARE(check(pdf, PdfPageTree::MaxMemory, 0.2), PdfPageTree::End::TooCostly);
        QCOMPARE(check(pdf), PdfPageTree::End::TooManyPages);
    }

    // Page 1's resources are not read by the walk: at intake they leave its colour unknown; a raster
    // release, which has qpdf read all the page draws with before Poppler does, is refused with a reason.
    void costlyResourcesRefuseARasterRelease_data()
    {
        QTest::addColumn<QByteArray>("pdf");
        std::map<int, QByteArray> objects;
        objects[2] = node("[3 0 R]", 1);
        objects[3] = "<< /Type /Page /MediaBox [0 0 300 800] /Resources 4 0 R >>";
        QByteArray keys("<<");
        for (int i = 0; i < 1'000'000; ++i)
            keys += " /K" + QByteArray::number(i) + " 1";
        objects[4] = keys + " >>"; // 11 MB, ~700 MB in qpdf
        keys.clear();
        QTest::newRow("a dictionary of a million keys") << build(objects);
        // Poppler parses a font's widths when it draws with it (at ~22 bytes an entry; qpdf ~262).
        objects[4] = "<< /Font << /F1 5 0 R >> >>";
        objects[5] =
            "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /FirstChar 0 /LastChar 255 /Widths [" +
            QByteArray("500 ").repeated(3'000'000) + "] >>"; // 12 MB, ~790 MB in qpdf
        objects[6] = "<< /Length 22 >>\nstream\nBT /F1 9 Tf (Hi) Tj ET\nendstream";
        objects[3] = "<< /Type /Page /MediaBox [0 0 300 800] /Resources 4 0 R /Contents 6 0 R >>";
        QTest::newRow("a font of 3 million widths") << build(objects);
    }

    void costlyResourcesRefuseARasterRelease()
    {
        QFETCH(QByteArray, pdf);
        const qint64 before = TestData::procSelfNumber("status", "VmHWM");
        const DocumentInfo info = inspect(pdf);
        QVERIFY2(info.ok, qPrintable(info.error));
        QCOMPARE(info.pages, 1);

        QBuffer in;
        in.setData(pdf);
        in.open(QIODevice::ReadOnly);
        RasterOptions options;
        options.dpi = 72;
        QString why;
        QCOMPARE(PwgRasterWriter::checkBudget(&in, options, RenderBudget{}, &why), 1);
        QVERIFY2(why.contains(QStringLiteral("memory or time")), qPrintable(why));
        const qint64 grew = TestData::procSelfNumber("status", "VmHWM") - before;
        QVERIFY2(grew < 320 * 1024, qPrintable(QStringLiteral("peak grew by %1 KiB").arg(grew)));
    }

    void eachRefusalHasItsSentence()
    {
        using End = PdfPageTree::End;
        QSet<QString> seen;
        for (const End end : {End::TooManyPages, End::TooDeep, End::TooMuchData, End::TooCostly, End::Locked,
                              End::Unreadable}) {
            const QString sentence = PdfPageTree::refusal(end);
            QVERIFY(sentence.endsWith(QLatin1Char('.')));
            QVERIFY2(!seen.contains(sentence), qPrintable(sentence));
            seen.insert(sentence);
        }
        QCOMPARE(PdfPageTree::refusal(End::TooMuchWork), PdfPageTree::refusal(End::TooDeep));
        QVERIFY(PdfPageTree::refusal(End::TooManyPages).contains(QStringLiteral("10,000")));
    }

    // One person's documents hold at most half the read slots while another person's reading waits, and
    // that one is not held up behind a waiter of the first person's that may not take one.
    void readSlotsAreSharedBetweenPeople()
    {
        const int total = PdfPageTree::readSlots();
        const int share = PdfPageTree::readSlotsPerOwner();
        QCOMPARE(share, std::max(1, total / 2));
        QCOMPARE(PdfPageTree::ReadSlot::held(), 0);
        QSemaphore release;                   // lets each holder go
        std::atomic<int> took[3] = {0, 0, 0}; // by owner 1, 2 and no one (0)
        auto reader = [&](long long owner) {
            return QThread::create([&, owner] {
                const PdfPageTree::ReadSlot::Owner who(owner);
                const PdfPageTree::ReadSlot slot;
                ++took[owner == 0 ? 2 : owner - 1];
                release.acquire();
            });
        };
        QList<QThread*> threads;
        auto start = [&](long long owner) {
            threads.append(reader(owner));
            threads.last()->start();
        };
        // Owner 1 takes its share, and one more of its readings waits behind it.
        for (int i = 0; i < share + 1; ++i)
            start(1);
        QTRY_COMPARE_WITH_TIMEOUT(took[0].load(), share, 10000);
        QTest::qWait(200);
        QCOMPARE(took[0].load(), share);
        QCOMPARE(PdfPageTree::ReadSlot::heldBy(1), share);
        // Owner 2 came later, and gets a slot at once.
        start(2);
        QTRY_COMPARE_WITH_TIMEOUT(took[1].load(), 1, 10000);
        QCOMPARE(took[0].load(), share);
        // Readings of no one's (background thumbnails) take what is left, up to the total.
        for (int i = 0; i < total; ++i)
            start(0);
        QTRY_COMPARE_WITH_TIMEOUT(PdfPageTree::ReadSlot::held(), total, 10000);
        QTest::qWait(200);
        QCOMPARE(PdfPageTree::ReadSlot::held(), total);
        QCOMPARE(took[2].load(), total - share - 1);
        // As slots are let go, everyone waiting gets one.
        release.release(share + 1 + 1 + total);
        for (QThread* t : threads) {
            QVERIFY(t->wait(10000));
            delete t;
        }
        QCOMPARE(took[0].load(), share + 1);
        QCOMPARE(took[2].load(), total);
        QCOMPARE(PdfPageTree::ReadSlot::held(), 0);
        QCOMPARE(PdfPageTree::ReadSlot::heldBy(1), 0);
    }

    // A document of more than MaxPages pages stored by an older server is refused at a raster release.
    void rasterReleaseRefusesTooManyPages()
    {
        std::map<int, QByteArray> objects;
        QList<int> kids;
        for (int i = 0; i < PdfPageTree::MaxPages + 1; ++i)
            kids.append(3);
        objects[2] = node(refs(kids), PdfPageTree::MaxPages + 1);
        objects[3] = page(300);
        QBuffer in;
        in.setData(build(objects));
        in.open(QIODevice::ReadOnly);
        RasterOptions options;
        options.dpi = 72;
        QString why;
        QCOMPARE(PwgRasterWriter::checkBudget(&in, options, RenderBudget{}, &why), 1);
        QVERIFY2(why.contains(QStringLiteral("more than 10,000 pages")), qPrintable(why));
    }
};

QTEST_GUILESS_MAIN(TestPdfPageTree)
#include "TestPdfPageTree.moc"
