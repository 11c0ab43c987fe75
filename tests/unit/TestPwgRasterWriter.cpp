#include "PwgRasterWriter.h"
#include "TestData.h"

#include <QBuffer>
#include <QFile>
#include <QImage>
#include <QPageLayout>
#include <QPainter>
#include <QPdfWriter>
#include <QTest>

#include <cups/cups.h>
#include <cups/raster.h>

#include <cstring>
#include <vector>

namespace {

struct PageSpec
{
    QPageSize size;
    QPageLayout::Orientation orientation = QPageLayout::Portrait;
};

/// Builds a PDF with QPdfWriter; each page gets a black block near its top left corner, so which way
/// up a rasterised page is can be checked.
QByteArray makePdf(const QList<PageSpec>& pages)
{
    QByteArray pdf;
    QBuffer buffer(&pdf);
    buffer.open(QIODevice::WriteOnly);
    QPdfWriter writer(&buffer);
    writer.setResolution(72);
    writer.setPageLayout(QPageLayout(pages.first().size, pages.first().orientation, QMarginsF()));
    QPainter painter(&writer);
    for (qsizetype i = 0; i < pages.size(); ++i) {
        if (i > 0) {
            writer.setPageLayout(QPageLayout(pages[i].size, pages[i].orientation, QMarginsF()));
            writer.newPage();
        }
        painter.fillRect(QRect(36, 36, 144, 72), Qt::black);
    }
    painter.end();
    return pdf;
}

const PageSpec A4{QPageSize(QPageSize::A4)};
const PageSpec Letter{QPageSize(QPageSize::Letter)};

/// One page read back from a PWG raster stream.
struct RasterPage
{
    cups_page_header2_t header;
    QByteArray pixels; // cupsHeight lines of cupsBytesPerLine
};

struct ReadContext
{
    const QByteArray* data;
    qsizetype pos = 0;
};

ssize_t readFromByteArray(void* ctx, unsigned char* buffer, size_t length)
{
    auto* context = static_cast<ReadContext*>(ctx);
    const qsizetype n =
        std::min<qsizetype>(static_cast<qsizetype>(length), context->data->size() - context->pos);
    std::memcpy(buffer, context->data->constData() + context->pos, static_cast<size_t>(n));
    context->pos += n;
    return static_cast<ssize_t>(n);
}

/// Decodes a whole PWG raster stream with libcups. Sets `complete` when every page decoded fully.
QList<RasterPage> readBack(const QByteArray& pwg, bool* complete)
{
    *complete = false;
    QList<RasterPage> pages;
    ReadContext context{&pwg};
    cups_raster_t* raster = cupsRasterOpenIO(readFromByteArray, &context, CUPS_RASTER_READ);
    if (!raster)
        return pages;
    RasterPage page;
    while (cupsRasterReadHeader2(raster, &page.header)) {
        page.pixels =
            QByteArray(qsizetype(page.header.cupsBytesPerLine) * page.header.cupsHeight, Qt::Uninitialized);
        for (unsigned y = 0; y < page.header.cupsHeight; ++y) {
            auto* line = reinterpret_cast<unsigned char*>(page.pixels.data()) +
                         qsizetype(y) * page.header.cupsBytesPerLine;
            if (cupsRasterReadPixels(raster, line, page.header.cupsBytesPerLine) !=
                page.header.cupsBytesPerLine) {
                cupsRasterClose(raster);
                return pages;
            }
        }
        pages.append(page);
    }
    cupsRasterClose(raster);
    *complete = context.pos == pwg.size();
    return pages;
}

/// Runs the writer over `pdf` into a byte array.
bool render(const QByteArray& pdf, const RasterOptions& options, QByteArray* out, PwgRasterWriter* writer)
{
    QBuffer input;
    input.setData(pdf);
    input.open(QIODevice::ReadOnly);
    return writer->write(&input, options, [out](const char* data, size_t len) {
        out->append(data, static_cast<qsizetype>(len));
        return true;
    });
}

/// Returns whether the pixel at (x, y) of a page is dark (the block drawn by makePdf).
bool isDark(const RasterPage& page, unsigned x, unsigned y)
{
    const unsigned channels = page.header.cupsBitsPerPixel / 8;
    const auto* p = reinterpret_cast<const unsigned char*>(page.pixels.constData()) +
                    qsizetype(y) * page.header.cupsBytesPerLine + qsizetype(x) * channels;
    for (unsigned c = 0; c < channels; ++c)
        if (p[c] > 64)
            return false;
    return true;
}

/// Size in pixels of PWG media `name` at `dpi`, as libcups computes it for the page header.
QSize mediaPixels(const char* name, int dpi)
{
    const pwg_media_t* media = pwgMediaForPWG(name);
    return media ? QSize(media->width * dpi / 2540, media->length * dpi / 2540) : QSize();
}

} // namespace

class TestPwgRasterWriter : public QObject
{
    Q_OBJECT

private slots:
    void threePages_data();
    void threePages();
    void cupsTestPage();
    void fixedMedia();
    void landscapePageOnPortraitMedia();
    void duplexBackSides_data();
    void duplexBackSides();
    void sinkAborts_data();
    void sinkAborts();
    void invalidInput_data();
    void invalidInput();
    void copiesAreNotRepeated();
};

void TestPwgRasterWriter::threePages_data()
{
    QTest::addColumn<bool>("color");
    QTest::addColumn<int>("dpi");

    QTest::newRow("sRGB 72 dpi") << true << 72;
    QTest::newRow("sGray 72 dpi") << false << 72;
    QTest::newRow("sRGB 150 dpi") << true << 150;
    QTest::newRow("sGray 300 dpi") << false << 300;
}

void TestPwgRasterWriter::threePages()
{
    QFETCH(bool, color);
    QFETCH(int, dpi);

    QByteArray pwg;
    PwgRasterWriter writer;
    RasterOptions options;
    options.dpi = dpi;
    options.color = color;
    QVERIFY2(render(makePdf({A4, Letter, A4}), options, &pwg, &writer), qPrintable(writer.errorString()));
    QVERIFY(writer.errorString().isEmpty());
    QCOMPARE(writer.pagesWritten(), 3);
    QVERIFY(pwg.startsWith("RaS2"));

    bool complete = false;
    const QList<RasterPage> pages = readBack(pwg, &complete);
    QVERIFY(complete);
    QCOMPARE(pages.size(), 3);
    const char* media[] = {"iso_a4_210x297mm", "na_letter_8.5x11in", "iso_a4_210x297mm"};
    for (int i = 0; i < 3; ++i) {
        const cups_page_header2_t& h = pages[i].header;
        const QSize expected = mediaPixels(media[i], dpi);
        QCOMPARE(QByteArray(h.cupsPageSizeName), QByteArray(media[i]));
        QCOMPARE(int(h.cupsWidth), expected.width());
        QCOMPARE(int(h.cupsHeight), expected.height());
        QCOMPARE(h.HWResolution[0], unsigned(dpi));
        QCOMPARE(h.HWResolution[1], unsigned(dpi));
        QCOMPARE(h.cupsColorSpace, color ? CUPS_CSPACE_SRGB : CUPS_CSPACE_SW);
        QCOMPARE(h.cupsBitsPerColor, 8U);
        QCOMPARE(h.cupsBitsPerPixel, color ? 24U : 8U);
        QCOMPARE(h.cupsColorOrder, CUPS_ORDER_CHUNKED);
        QCOMPARE(h.cupsInteger[CUPS_RASTER_PWG_TotalPageCount], 3U);
        QCOMPARE(h.Duplex, 0U);

        // The block at (36..180, 36..108) pt is black, the rest of the page white.
        QVERIFY(isDark(pages[i], unsigned(100 * dpi / 72), unsigned(72 * dpi / 72)));
        QVERIFY(!isDark(pages[i], h.cupsWidth - 2, h.cupsHeight - 2));
        QVERIFY(!isDark(pages[i], unsigned(100 * dpi / 72), unsigned(200 * dpi / 72)));
    }
}

void TestPwgRasterWriter::cupsTestPage()
{
    QFile pdf(TestData::cupsPdf());
    if (!pdf.open(QIODevice::ReadOnly))
        QSKIP("CUPS test PDFs are not installed");

    QByteArray pwg;
    PwgRasterWriter writer;
    RasterOptions options;
    options.dpi = 100;
    QVERIFY2(writer.write(&pdf, options,
                          [&pwg](const char* data, size_t len) {
                              pwg.append(data, static_cast<qsizetype>(len));
                              return true;
                          }),
             qPrintable(writer.errorString()));
    QCOMPARE(writer.pagesWritten(), 1);

    bool complete = false;
    const QList<RasterPage> pages = readBack(pwg, &complete);
    QVERIFY(complete);
    QCOMPARE(pages.size(), 1);
    QCOMPARE(QByteArray(pages[0].header.cupsPageSizeName), QByteArray("iso_a4_210x297mm"));
    QCOMPARE(QSize(int(pages[0].header.cupsWidth), int(pages[0].header.cupsHeight)),
             mediaPixels("iso_a4_210x297mm", 100));
    QVERIFY(pages[0].pixels.count(char(0xff)) < pages[0].pixels.size()); // not a blank page
}

void TestPwgRasterWriter::fixedMedia()
{
    QByteArray pwg;
    PwgRasterWriter writer;
    RasterOptions options;
    options.dpi = 72;
    options.mediaName = QStringLiteral("na_letter_8.5x11in");
    QVERIFY2(render(makePdf({A4, A4}), options, &pwg, &writer), qPrintable(writer.errorString()));

    bool complete = false;
    const QList<RasterPage> pages = readBack(pwg, &complete);
    QVERIFY(complete);
    QCOMPARE(pages.size(), 2);
    for (const RasterPage& page : pages) {
        QCOMPARE(QByteArray(page.header.cupsPageSizeName), QByteArray("na_letter_8.5x11in"));
        QCOMPARE(QSize(int(page.header.cupsWidth), int(page.header.cupsHeight)), QSize(612, 792));
        // A4 is taller than letter, so the page was shrunk to fit: the block is still on the sheet.
        QVERIFY(isDark(page, 100, 70));
    }
}

void TestPwgRasterWriter::landscapePageOnPortraitMedia()
{
    QByteArray pwg;
    PwgRasterWriter writer;
    RasterOptions options;
    options.dpi = 72;
    options.color = false;
    QVERIFY2(
        render(makePdf({PageSpec{QPageSize(QPageSize::A4), QPageLayout::Landscape}}), options, &pwg, &writer),
        qPrintable(writer.errorString()));

    bool complete = false;
    const QList<RasterPage> pages = readBack(pwg, &complete);
    QVERIFY(complete);
    QCOMPARE(pages.size(), 1);
    const cups_page_header2_t& h = pages[0].header;
    QCOMPARE(QByteArray(h.cupsPageSizeName), QByteArray("iso_a4_210x297mm"));
    QVERIFY(h.cupsHeight > h.cupsWidth); // portrait sheet

    // Turned a quarter anticlockwise: the block from the landscape page's top left is at the bottom left.
    QVERIFY(isDark(pages[0], 70, h.cupsHeight - 100));
    QVERIFY(!isDark(pages[0], 70, 70));
}

void TestPwgRasterWriter::duplexBackSides_data()
{
    QTest::addColumn<QString>("sides");
    QTest::addColumn<QString>("sheetBack");
    QTest::addColumn<bool>("mirrorX");
    QTest::addColumn<bool>("mirrorY");

    QTest::newRow("long edge, normal") << "two-sided-long-edge"
                                       << "normal" << false << false;
    QTest::newRow("long edge, flipped") << "two-sided-long-edge"
                                        << "flipped" << false << true;
    QTest::newRow("long edge, rotated") << "two-sided-long-edge"
                                        << "rotated" << true << true;
    QTest::newRow("long edge, manual-tumble") << "two-sided-long-edge"
                                              << "manual-tumble" << false << false;
    QTest::newRow("short edge, flipped") << "two-sided-short-edge"
                                         << "flipped" << true << false;
    QTest::newRow("short edge, rotated") << "two-sided-short-edge"
                                         << "rotated" << false << false;
    QTest::newRow("short edge, manual-tumble") << "two-sided-short-edge"
                                               << "manual-tumble" << true << true;
    QTest::newRow("one-sided ignores sheet back") << "one-sided"
                                                  << "rotated" << false << false;
}

void TestPwgRasterWriter::duplexBackSides()
{
    QFETCH(QString, sides);
    QFETCH(QString, sheetBack);
    QFETCH(bool, mirrorX);
    QFETCH(bool, mirrorY);

    const QByteArray pdf = makePdf({A4, A4, A4});
    RasterOptions options;
    options.dpi = 72;
    options.color = false;
    options.sides = sides;

    QByteArray plain;
    PwgRasterWriter plainWriter;
    options.sheetBack = QStringLiteral("normal");
    QVERIFY(render(pdf, options, &plain, &plainWriter));
    QByteArray turned;
    PwgRasterWriter turnedWriter;
    options.sheetBack = sheetBack;
    QVERIFY2(render(pdf, options, &turned, &turnedWriter), qPrintable(turnedWriter.errorString()));

    bool complete = false;
    const QList<RasterPage> normalPages = readBack(plain, &complete);
    QVERIFY(complete);
    const QList<RasterPage> pages = readBack(turned, &complete);
    QVERIFY(complete);
    QCOMPARE(pages.size(), 3);

    const bool duplex = sides != QLatin1String("one-sided");
    for (int i = 0; i < 3; ++i) {
        const cups_page_header2_t& h = pages[i].header;
        QCOMPARE(h.Duplex, duplex ? 1U : 0U);
        QCOMPARE(h.Tumble, sides == QLatin1String("two-sided-short-edge") ? 1U : 0U);
        const bool back = i == 1; // pages 1 and 3 are fronts
        const bool mx = back && mirrorX, my = back && mirrorY;
        QCOMPARE(h.cupsInteger[CUPS_RASTER_PWG_CrossFeedTransform], mx ? 0xffffffffU : 1U);
        QCOMPARE(h.cupsInteger[CUPS_RASTER_PWG_FeedTransform], my ? 0xffffffffU : 1U);

        // The pixels really are turned: compare with the untransformed page.
        const RasterPage& reference = normalPages[i];
        const unsigned w = h.cupsWidth, hh = h.cupsHeight;
        for (unsigned y = 0; y < hh; y += 7) {
            for (unsigned x = 0; x < w; x += 5) {
                const unsigned sx = mx ? w - 1 - x : x, sy = my ? hh - 1 - y : y;
                if (isDark(pages[i], x, y) != isDark(reference, sx, sy))
                    QFAIL(qPrintable(QStringLiteral("page %1 differs at %2,%3").arg(i + 1).arg(x).arg(y)));
            }
        }
    }
}

void TestPwgRasterWriter::sinkAborts_data()
{
    QTest::addColumn<qsizetype>("acceptBytes");
    QTest::addColumn<int>("maxPages");

    QTest::newRow("refuses the first write") << qsizetype(0) << 0;
    QTest::newRow("refuses after the file header") << qsizetype(4) << 0;
    QTest::newRow("refuses in page 2") << qsizetype(-2) << 1;
}

void TestPwgRasterWriter::sinkAborts()
{
    QFETCH(qsizetype, acceptBytes);
    QFETCH(int, maxPages);

    const QByteArray pdf = makePdf({A4, A4, A4});
    RasterOptions options;
    options.dpi = 72;

    // -2: accept page 1 (measured from a one-page run), page 2's header and a few bytes of its pixels.
    if (acceptBytes == -2) {
        QByteArray onePage;
        PwgRasterWriter measure;
        QVERIFY(render(makePdf({A4}), options, &onePage, &measure));
        acceptBytes = onePage.size() + qsizetype(sizeof(cups_page_header2_t)) + 8;
    }

    QBuffer input;
    input.setData(pdf);
    input.open(QIODevice::ReadOnly);
    qsizetype accepted = 0;
    int callsAfterRefusal = 0;
    bool refused = false;
    PwgRasterWriter writer;
    const bool ok = writer.write(&input, options, [&](const char*, size_t len) {
        if (refused) {
            ++callsAfterRefusal;
            return false;
        }
        if (accepted + qsizetype(len) > acceptBytes) {
            refused = true;
            return false;
        }
        accepted += qsizetype(len);
        return true;
    });
    QVERIFY(!ok);
    QVERIFY(refused);
    QCOMPARE(callsAfterRefusal, 0);
    QVERIFY(!writer.errorString().isEmpty());
    QVERIFY(writer.pagesWritten() <= maxPages);
    QVERIFY(writer.pagesWritten() < 3);
}

void TestPwgRasterWriter::invalidInput_data()
{
    QTest::addColumn<QByteArray>("pdf");
    QTest::addColumn<int>("dpi");
    QTest::addColumn<QString>("sides");
    QTest::addColumn<QString>("mediaName");
    QTest::addColumn<QString>("sheetBack");

    const QByteArray pdf = makePdf({A4});
    QTest::newRow("garbage") << QByteArray(3000, 'x') << 72 << "one-sided"
                             << ""
                             << "normal";
    QTest::newRow("empty") << QByteArray() << 72 << "one-sided"
                           << ""
                           << "normal";
    QTest::newRow("PDF header only") << QByteArray("%PDF-1.4\n") << 72 << "one-sided"
                                     << ""
                                     << "normal";
    QTest::newRow("dpi 0") << pdf << 0 << "one-sided"
                           << ""
                           << "normal";
    QTest::newRow("dpi 100000") << pdf << 100000 << "one-sided"
                                << ""
                                << "normal";
    QTest::newRow("bad sides") << pdf << 72 << "three-sided"
                               << ""
                               << "normal";
    QTest::newRow("unknown media") << pdf << 72 << "one-sided"
                                   << "no_such_paper"
                                   << "normal";
    QTest::newRow("bad sheet back") << pdf << 72 << "two-sided-long-edge"
                                    << ""
                                    << "sideways";
}

void TestPwgRasterWriter::invalidInput()
{
    QFETCH(QByteArray, pdf);
    QFETCH(int, dpi);
    QFETCH(QString, sides);
    QFETCH(QString, mediaName);
    QFETCH(QString, sheetBack);

    RasterOptions options;
    options.dpi = dpi;
    options.sides = sides;
    options.mediaName = mediaName;
    options.sheetBack = sheetBack;
    QByteArray out;
    PwgRasterWriter writer;
    QVERIFY(!render(pdf, options, &out, &writer));
    QVERIFY(!writer.errorString().isEmpty());
    QVERIFY(writer.errorString().endsWith(QLatin1Char('.')));
    QCOMPARE(writer.pagesWritten(), 0);

    // The same writer works again afterwards, and forgets the old error.
    RasterOptions good;
    good.dpi = 72;
    QByteArray again;
    QVERIFY(render(makePdf({A4}), good, &again, &writer));
    QVERIFY(writer.errorString().isEmpty());
    QCOMPARE(writer.pagesWritten(), 1);
}

void TestPwgRasterWriter::copiesAreNotRepeated()
{
    RasterOptions options;
    options.dpi = 72;
    options.copies = 3;
    QByteArray pwg;
    PwgRasterWriter writer;
    QVERIFY(render(makePdf({A4, A4}), options, &pwg, &writer));
    QCOMPARE(writer.pagesWritten(), 2);
    bool complete = false;
    QCOMPARE(readBack(pwg, &complete).size(), 2);
    QVERIFY(complete);
}

QTEST_MAIN(TestPwgRasterWriter)
#include "TestPwgRasterWriter.moc"
