#include "FaxTiffToPdf.h"

#include <QBuffer>
#include <QFile>
#include <QImage>
#include <QPainter>
#include <QTemporaryDir>
#include <QTest>
#include <poppler-qt6.h>
#include <qpdf/QPDF.hh>
#include <qpdf/QPDFPageDocumentHelper.hh>
#include <qpdf/QPDFPageObjectHelper.hh>
#include <tiffio.h>
#include <vector>

namespace {

/// How a test fax TIFF is written (with libtiff, as HylaFAX+ writes received faxes).
struct TiffSpec
{
    uint16_t compression = COMPRESSION_CCITTFAX4;
    uint32_t g3options = 0;
    uint16_t fillOrder = FILLORDER_MSB2LSB;
    uint16_t photometric = PHOTOMETRIC_MINISWHITE;
    uint32_t rowsPerStrip = 0; ///< 0: the whole page in one strip
    float yres = 196;
    int pages = 2;
    QByteArray subaddress;
    QByteArray tsi;
};

/// Page `n` of a test fax: lines of text and boxes, so that each page differs and compresses like a
/// real letter (tens of kilobytes), not like an empty page.
QImage pageImage(int n, int rows)
{
    QImage img(1728, rows, QImage::Format_RGB32);
    img.fill(Qt::white);
    QPainter p(&img);
    p.setRenderHint(QPainter::Antialiasing, false);
    p.setRenderHint(QPainter::TextAntialiasing, false);
    QFont f = p.font();
    f.setPixelSize(rows / 60);
    p.setFont(f);
    p.setPen(Qt::black);
    for (int line = 0; line < 40; ++line)
        p.drawText(
            60, 80 + line * (rows - 160) / 40,
            QStringLiteral("Page %1 line %2: The quick brown fox jumps over the lazy dog 0123456789 %3")
                .arg(n)
                .arg(line)
                .arg(QString(line % 7 + 3, QLatin1Char('#'))));
    p.fillRect(100 + n * 150, rows / 3, 120, 80, Qt::black);
    p.drawEllipse(QPoint(1300 - n * 40, rows / 2), 200, 120);
    p.end();
    return img;
}

/// One page as packed rows (MSB first), 1 = black for min-is-white (inverted for min-is-black).
QByteArray packRows(const QImage& img, uint16_t photometric)
{
    const int stride = (img.width() + 7) / 8;
    QByteArray bits(stride * img.height(), '\0');
    for (int y = 0; y < img.height(); ++y) {
        const auto* line = reinterpret_cast<const QRgb*>(img.constScanLine(y));
        for (int x = 0; x < img.width(); ++x) {
            const bool black = qGray(line[x]) < 128;
            if (black == (photometric == PHOTOMETRIC_MINISWHITE))
                bits[y * stride + x / 8] = static_cast<char>(bits[y * stride + x / 8] | (0x80 >> (x % 8)));
        }
    }
    return bits;
}

/// Writes a fax TIFF to `path`; returns the pages' images (what the PDF must show).
QList<QImage> writeTiff(const QString& path, const TiffSpec& spec)
{
    QList<QImage> images;
    TIFF* tif = TIFFOpen(QFile::encodeName(path).constData(), "w");
    if (!tif)
        return images;
    const int rows = spec.yres > 150 ? 2200 : 1100;
    for (int n = 1; n <= spec.pages; ++n) {
        const QImage img = pageImage(n, rows);
        images.append(img);
        const QByteArray bits = packRows(img, spec.photometric);
        TIFFSetField(tif, TIFFTAG_SUBFILETYPE, FILETYPE_PAGE);
        TIFFSetField(tif, TIFFTAG_IMAGEWIDTH, 1728);
        TIFFSetField(tif, TIFFTAG_IMAGELENGTH, rows);
        TIFFSetField(tif, TIFFTAG_BITSPERSAMPLE, 1);
        TIFFSetField(tif, TIFFTAG_SAMPLESPERPIXEL, 1);
        TIFFSetField(tif, TIFFTAG_COMPRESSION, spec.compression);
        if (spec.compression == COMPRESSION_CCITTFAX3)
            TIFFSetField(tif, TIFFTAG_GROUP3OPTIONS, spec.g3options);
        TIFFSetField(tif, TIFFTAG_PHOTOMETRIC, spec.photometric);
        TIFFSetField(tif, TIFFTAG_FILLORDER, spec.fillOrder);
        TIFFSetField(tif, TIFFTAG_XRESOLUTION, 204.0f);
        TIFFSetField(tif, TIFFTAG_YRESOLUTION, spec.yres);
        TIFFSetField(tif, TIFFTAG_RESOLUTIONUNIT, RESUNIT_INCH);
        TIFFSetField(tif, TIFFTAG_ROWSPERSTRIP, spec.rowsPerStrip ? spec.rowsPerStrip : uint32_t(rows));
        TIFFSetField(tif, TIFFTAG_PAGENUMBER, n - 1, spec.pages);
        if (!spec.tsi.isEmpty())
            TIFFSetField(tif, TIFFTAG_IMAGEDESCRIPTION, spec.tsi.constData());
        if (!spec.subaddress.isEmpty())
            TIFFSetField(tif, TIFFTAG_FAXSUBADDRESS, spec.subaddress.constData());
        const int stride = (1728 + 7) / 8;
        for (int y = 0; y < rows; ++y)
            if (TIFFWriteScanline(tif, const_cast<char*>(bits.constData() + y * stride), y, 0) < 0) {
                TIFFClose(tif);
                return {};
            }
        TIFFWriteDirectory(tif);
    }
    TIFFClose(tif);
    return images;
}

/// The bytes of every strip in the TIFF, as stored (what the PDF should carry without re-encoding).
qint64 stripBytes(const QString& path, int* strips)
{
    TIFF* tif = TIFFOpen(QFile::encodeName(path).constData(), "r");
    qint64 total = 0;
    *strips = 0;
    do {
        for (uint32_t s = 0; s < TIFFNumberOfStrips(tif); ++s) {
            total += static_cast<qint64>(TIFFGetStrileByteCount(tif, s));
            ++*strips;
        }
    } while (TIFFReadDirectory(tif));
    TIFFClose(tif);
    return total;
}

QByteArray readAll(const QString& path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

/// `tiff` (little-endian, as libtiff writes here) with the first directory's StripByteCounts entry made
/// one LONG of `count`.
QByteArray withStripByteCount(QByteArray tiff, quint32 count)
{
    const auto u16 = [&](qsizetype at) { return quint16(uchar(tiff[at]) | uchar(tiff[at + 1]) << 8); };
    const auto put = [&](qsizetype at, quint32 v, int bytes) {
        for (int i = 0; i < bytes; ++i)
            tiff[at + i] = char(v >> (8 * i));
    };
    const qsizetype ifd = qsizetype(u16(4) | quint32(u16(6)) << 16);
    for (int i = 0; i < u16(ifd); ++i) {
        const qsizetype entry = ifd + 2 + 12 * i;
        if (u16(entry) == TIFFTAG_STRIPBYTECOUNTS) {
            put(entry + 2, TIFF_LONG, 2);
            put(entry + 4, 1, 4);
            put(entry + 8, count, 4);
        }
    }
    return tiff;
}

/// Pixels of the original page that Poppler's rendering of the PDF page (at the fax's own resolution,
/// so one fax pixel is one rendered pixel) does not show, as a fraction of all pixels. Splash widens
/// edges by up to a pixel, so a pixel counts as shown when the same colour is within one pixel of it;
/// a wrongly decoded page (shifted rows, inverted, garbage) differs in several percent of its pixels.
double mismatch(const QImage& original, const QImage& rendered)
{
    if (rendered.size() != original.size())
        return 1.0;
    const int w = original.width(), h = original.height();
    std::vector<char> dark(size_t(w) * h);
    for (int y = 0; y < h; ++y)
        for (int x = 0; x < w; ++x)
            dark[size_t(y) * w + x] = qGray(rendered.pixel(x, y)) < 128;
    qint64 bad = 0;
    for (int y = 0; y < h; ++y)
        for (int x = 0; x < w; ++x) {
            const bool black = qGray(original.pixel(x, y)) < 128;
            bool seen = false;
            for (int dy = -1; dy <= 1 && !seen; ++dy)
                for (int dx = -1; dx <= 1 && !seen; ++dx) {
                    const int xx = x + dx, yy = y + dy;
                    seen = xx >= 0 && yy >= 0 && xx < w && yy < h && bool(dark[size_t(yy) * w + xx]) == black;
                }
            if (!seen)
                ++bad;
        }
    return double(bad) / (double(w) * h);
}

} // namespace

Q_DECLARE_METATYPE(TiffSpec)

class TestFaxTiffToPdf : public QObject
{
    Q_OBJECT

private slots:
    void converts_data();
    void converts();
    void metadata();
    void refusesNonFax_data();
    void refusesNonFax();
    void realFaxgettyTiff();
};

void TestFaxTiffToPdf::converts_data()
{
    QTest::addColumn<TiffSpec>("spec");
    TiffSpec g4;
    QTest::newRow("G4 fine, 2 pages") << g4;
    TiffSpec g3;
    g3.compression = COMPRESSION_CCITTFAX3;
    g3.yres = 98;
    g3.pages = 3;
    QTest::newRow("G3 1-D normal, 3 pages") << g3;
    TiffSpec g3fill = g3;
    g3fill.g3options = GROUP3OPT_FILLBITS;
    QTest::newRow("G3 1-D with fill bits") << g3fill;
    TiffSpec g32d;
    g32d.compression = COMPRESSION_CCITTFAX3;
    g32d.g3options = GROUP3OPT_2DENCODING;
    QTest::newRow("G3 2-D fine") << g32d;
    TiffSpec g32dfill = g32d;
    g32dfill.g3options |= GROUP3OPT_FILLBITS;
    QTest::newRow("G3 2-D fine with fill bits") << g32dfill;
    TiffSpec lsb = g4;
    lsb.fillOrder = FILLORDER_LSB2MSB;
    QTest::newRow("G4 LSB-first fill order") << lsb;
    TiffSpec lsb3 = g32d;
    lsb3.fillOrder = FILLORDER_LSB2MSB;
    QTest::newRow("G3 2-D LSB-first fill order") << lsb3;
    TiffSpec black = g4;
    black.photometric = PHOTOMETRIC_MINISBLACK;
    QTest::newRow("G4 min-is-black") << black;
    TiffSpec strips = g4;
    strips.rowsPerStrip = 256;
    QTest::newRow("G4 in strips of 256 rows") << strips;
    TiffSpec strips3 = g32d;
    strips3.rowsPerStrip = 100;
    strips3.fillOrder = FILLORDER_LSB2MSB;
    QTest::newRow("G3 2-D LSB-first in strips of 100 rows") << strips3;
}

void TestFaxTiffToPdf::converts()
{
    QFETCH(TiffSpec, spec);
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("fax.tif"));
    const QList<QImage> pages = writeTiff(path, spec);
    QCOMPARE(pages.size(), spec.pages);
    const QByteArray tiff = readAll(path);
    int strips = 0;
    const qint64 ccittBytes = stripBytes(path, &strips);
    const bool multiStrip = strips > spec.pages;

    FaxDocument doc;
    QString error;
    QVERIFY2(FaxTiffToPdf::convert(tiff, &doc, &error), qPrintable(error));
    QCOMPARE(doc.pages, spec.pages);
    QCOMPARE(doc.reencodedPages, multiStrip ? spec.pages : 0);
    if (!multiStrip) {
        // The CCITT data is carried over as it is: the same bytes, and a PDF about as big as the TIFF.
        QCOMPARE(doc.imageBytes, ccittBytes);
        QVERIFY2(
            doc.pdf.size() < tiff.size() * 1.1 && doc.pdf.size() > tiff.size() * 0.9,
            qPrintable(QStringLiteral("PDF %1 bytes, TIFF %2 bytes").arg(doc.pdf.size()).arg(tiff.size())));
        qInfo("%d pages: TIFF %lld bytes (CCITT %lld), PDF %lld bytes, %lld bytes per page", doc.pages,
              qint64(tiff.size()), ccittBytes, qint64(doc.pdf.size()), qint64(doc.pdf.size()) / doc.pages);
    } else {
        QVERIFY2(doc.pdf.size() < tiff.size() * 1.1, qPrintable(QString::number(doc.pdf.size())));
    }

    // The image streams are CCITT, never re-encoded as something else.
    QPDF q;
    q.processMemoryFile("fax.pdf", doc.pdf.constData(), static_cast<size_t>(doc.pdf.size()));
    for (QPDFPageObjectHelper& page : QPDFPageDocumentHelper(q).getAllPages())
        for (auto& [name, image] : page.getImages())
            QCOMPARE(QString::fromStdString(image.getDict().getKey("/Filter").getName()),
                     QStringLiteral("/CCITTFaxDecode"));

    // Poppler reads it: page count, page size from the resolution, and the very pixels of the fax.
    std::unique_ptr<Poppler::Document> pdf = Poppler::Document::loadFromData(doc.pdf);
    QVERIFY(pdf);
    QCOMPARE(pdf->numPages(), spec.pages);
    for (int i = 0; i < spec.pages; ++i) {
        std::unique_ptr<Poppler::Page> page = pdf->page(i);
        const QSizeF size = page->pageSizeF();
        const double rows = pages[i].height();
        QVERIFY2(qAbs(size.width() - 1728 / 204.0 * 72) < 0.5, qPrintable(QString::number(size.width())));
        QVERIFY2(qAbs(size.height() - rows / spec.yres * 72) < 0.5,
                 qPrintable(QString::number(size.height())));
        // An A4-sized page: 215 mm wide, about 270–280 mm long.
        QVERIFY(size.width() / 72 * 25.4 > 214 && size.width() / 72 * 25.4 < 216);
        const QImage rendered = page->renderToImage(204, spec.yres);
        const double bad = mismatch(pages[i], rendered);
        QVERIFY2(bad < 0.001,
                 qPrintable(QStringLiteral("page %1: %2 % of pixels differ").arg(i + 1).arg(bad * 100)));
    }
}

void TestFaxTiffToPdf::metadata()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("fax.tif"));
    TiffSpec spec;
    spec.pages = 1;
    spec.subaddress = "77";
    spec.tsi = "+82 2 555 0100      ";
    QVERIFY(!writeTiff(path, spec).isEmpty());
    FaxDocument doc;
    QString error;
    QVERIFY2(FaxTiffToPdf::convert(readAll(path), &doc, &error), qPrintable(error));
    QCOMPARE(doc.subaddress, QStringLiteral("77"));
    QCOMPARE(doc.tsi, QStringLiteral("+82 2 555 0100"));

    spec.subaddress.clear();
    spec.tsi.clear();
    QVERIFY(!writeTiff(path, spec).isEmpty());
    QVERIFY2(FaxTiffToPdf::convert(readAll(path), &doc, &error), qPrintable(error));
    QCOMPARE(doc.subaddress, QString());
    QCOMPARE(doc.tsi, QString());
}

void TestFaxTiffToPdf::refusesNonFax_data()
{
    QTest::addColumn<QByteArray>("data");
    QTest::addColumn<QString>("expected");
    QTemporaryDir dir;

    QImage img(200, 100, QImage::Format_RGB32);
    img.fill(Qt::white);
    QByteArray png;
    QBuffer buf(&png);
    buf.open(QIODevice::WriteOnly);
    img.save(&buf, "PNG");
    QTest::newRow("PNG") << png << QStringLiteral("not a TIFF");
    QTest::newRow("empty") << QByteArray() << QStringLiteral("not a TIFF");
    QTest::newRow("PDF") << QByteArray("%PDF-1.4\n%%EOF\n") << QStringLiteral("not a TIFF");

    // A TIFF that is not a fax: 8-bit grey, LZW.
    const QString grey = dir.filePath(QStringLiteral("grey.tif"));
    TIFF* tif = TIFFOpen(QFile::encodeName(grey).constData(), "w");
    TIFFSetField(tif, TIFFTAG_IMAGEWIDTH, 64);
    TIFFSetField(tif, TIFFTAG_IMAGELENGTH, 8);
    TIFFSetField(tif, TIFFTAG_BITSPERSAMPLE, 8);
    TIFFSetField(tif, TIFFTAG_SAMPLESPERPIXEL, 1);
    TIFFSetField(tif, TIFFTAG_COMPRESSION, COMPRESSION_LZW);
    TIFFSetField(tif, TIFFTAG_PHOTOMETRIC, PHOTOMETRIC_MINISBLACK);
    TIFFSetField(tif, TIFFTAG_ROWSPERSTRIP, 8);
    QByteArray row(64, '\x40');
    for (int y = 0; y < 8; ++y)
        TIFFWriteScanline(tif, row.data(), y, 0);
    TIFFClose(tif);
    QTest::newRow("grey LZW TIFF") << readAll(grey) << QStringLiteral("not a fax image");

    // A bilevel TIFF without CCITT compression (PackBits).
    const QString packbits = dir.filePath(QStringLiteral("packbits.tif"));
    tif = TIFFOpen(QFile::encodeName(packbits).constData(), "w");
    TIFFSetField(tif, TIFFTAG_IMAGEWIDTH, 1728);
    TIFFSetField(tif, TIFFTAG_IMAGELENGTH, 8);
    TIFFSetField(tif, TIFFTAG_BITSPERSAMPLE, 1);
    TIFFSetField(tif, TIFFTAG_SAMPLESPERPIXEL, 1);
    TIFFSetField(tif, TIFFTAG_COMPRESSION, COMPRESSION_PACKBITS);
    TIFFSetField(tif, TIFFTAG_PHOTOMETRIC, PHOTOMETRIC_MINISWHITE);
    TIFFSetField(tif, TIFFTAG_ROWSPERSTRIP, 8);
    QByteArray bits(216, '\0');
    for (int y = 0; y < 8; ++y)
        TIFFWriteScanline(tif, bits.data(), y, 0);
    TIFFClose(tif);
    QTest::newRow("PackBits bilevel TIFF") << readAll(packbits) << QStringLiteral("not a fax image");

    // A real fax TIFF cut short: its strips point past the end.
    const QString g4 = dir.filePath(QStringLiteral("g4.tif"));
    TiffSpec spec;
    spec.pages = 1;
    writeTiff(g4, spec);
    QTest::newRow("truncated fax") << readAll(g4).left(2000) << QString();
    // Its one strip said to be longer than the whole file (a damaged or hostile directory): refused
    // before any room is made for it.
    const QByteArray whole = readAll(g4);
    QTest::newRow("strip longer than the file")
        << withStripByteCount(whole, quint32(whole.size()) + 1) << QStringLiteral("larger than the file");
    QTest::newRow("strip of 60 MB") << withStripByteCount(whole, 60'000'000)
                                    << QStringLiteral("larger than the file");
}

void TestFaxTiffToPdf::refusesNonFax()
{
    QFETCH(QByteArray, data);
    QFETCH(QString, expected);
    FaxDocument doc;
    QString error;
    QVERIFY(!FaxTiffToPdf::convert(data, &doc, &error));
    QVERIFY(!error.isEmpty());
    QVERIFY2(error.contains(expected), qPrintable(error));
    QVERIFY(doc.pdf.isEmpty());
}

void TestFaxTiffToPdf::realFaxgettyTiff()
{
    // A fax received by faxgetty over the iaxmodem loop (tests/fixtures/hylafax.py), checked in.
    const QString path = QStringLiteral(MPS_SOURCE_DIR "/tests/unit/data/fax/faxgetty-received.tif");
    if (!QFile::exists(path))
        QSKIP("tests/unit/data/fax/faxgetty-received.tif is not there yet");
    const QByteArray tiff = readAll(path);
    FaxDocument doc;
    QString error;
    QVERIFY2(FaxTiffToPdf::convert(tiff, &doc, &error), qPrintable(error));
    // What faxgetty wrote for a 1-page call from the loop's remote (TSI "+82 5550200", sub-address 77):
    // G4, LSB-first fill order, 204x98 dpi, ImageDescription = TSI then the CallID lines.
    QCOMPARE(doc.pages, 1);
    QCOMPARE(doc.tsi, QStringLiteral("+82 5550200"));
    QCOMPARE(doc.subaddress, QStringLiteral("77"));
    QCOMPARE(doc.reencodedPages, 0);
    QVERIFY(doc.pdf.size() < tiff.size() * 1.1);
    std::unique_ptr<Poppler::Document> pdf = Poppler::Document::loadFromData(doc.pdf);
    QVERIFY(pdf);
    QCOMPARE(pdf->numPages(), doc.pages);
    // The PDF shows what libtiff decodes from the TIFF, pixel for pixel.
    TIFF* tif = TIFFOpen(QFile::encodeName(path).constData(), "r");
    QVERIFY(tif);
    uint32_t w = 0, h = 0;
    TIFFGetField(tif, TIFFTAG_IMAGEWIDTH, &w);
    TIFFGetField(tif, TIFFTAG_IMAGELENGTH, &h);
    QImage decoded(int(w), int(h), QImage::Format_RGB32);
    std::vector<unsigned char> row(static_cast<size_t>(TIFFScanlineSize(tif)));
    for (uint32_t y = 0; y < h; ++y) {
        QVERIFY(TIFFReadScanline(tif, row.data(), y, 0) >= 0);
        for (uint32_t x = 0; x < w; ++x)
            decoded.setPixel(int(x), int(y),
                             (row[x / 8] & (0x80 >> (x % 8))) ? qRgb(0, 0, 0) : qRgb(255, 255, 255));
    }
    TIFFClose(tif);
    const QImage rendered = pdf->page(0)->renderToImage(204, 98);
    const double bad = mismatch(decoded, rendered);
    QVERIFY2(bad < 0.001, qPrintable(QStringLiteral("%1 % of pixels differ").arg(bad * 100)));
    qInfo("faxgetty TIFF: %d pages, %lld bytes; PDF %lld bytes; TSI '%s', sub-address '%s'", doc.pages,
          qint64(tiff.size()), qint64(doc.pdf.size()), qPrintable(doc.tsi), qPrintable(doc.subaddress));
}

QTEST_MAIN(TestFaxTiffToPdf)
#include "TestFaxTiffToPdf.moc"
