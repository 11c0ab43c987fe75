#include "DocumentInspector.h"
#include "PwgRasterWriter.h"
#include "TestData.h"

#include <QBuffer>
#include <QFile>
#include <QImage>
#include <QPageLayout>
#include <QPainter>
#include <QPdfWriter>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <atomic>
#include <cstring>
#include <thread>
#include <vector>

namespace {

/// One page of a PDF built by makePdf(): its size and orientation, and the colour of a block on it.
struct PageSpec
{
    QPageSize size;
    QPageLayout::Orientation orientation = QPageLayout::Portrait;
    QColor color = Qt::black;
};

/// Builds a PDF with QPdfWriter: one filled block per page, so pages have content but no text.
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
        painter.fillRect(QRect(40, 40, 150, 150), pages[i].color);
    }
    painter.end();
    return pdf;
}

/// Inspects `data` through a QBuffer, as the server does through its decrypting device.
DocumentInfo inspectBytes(const QByteArray& data, const QString& mimeType)
{
    QBuffer buffer;
    buffer.setData(data);
    buffer.open(QIODevice::ReadOnly);
    return DocumentInspector::inspect(&buffer, mimeType);
}

/// Renders `pdf` to PWG raster with PwgRasterWriter.
QByteArray pwgFromPdf(const QByteArray& pdf, bool color, int dpi = 72)
{
    QBuffer input;
    input.setData(pdf);
    input.open(QIODevice::ReadOnly);
    QByteArray out;
    PwgRasterWriter writer;
    RasterOptions options;
    options.dpi = dpi;
    options.color = color;
    const bool ok = writer.write(&input, options, [&out](const char* data, size_t len) {
        out.append(data, static_cast<qsizetype>(len));
        return true;
    });
    return ok ? out : QByteArray();
}

/// An Apple raster (URF) of `pages` pages of letter at 100 dpi, with a red (colour) or dark grey band
/// in the middle of each page.
QByteArray makeUrf(unsigned pages, bool color)
{
    return TestData::letterRaster(true, pages, color ? "srgb_8" : "sgray_8",
                                  [color](unsigned y, unsigned height, unsigned char* line, unsigned bytes) {
                                      if (y <= height / 3 || y >= height / 2)
                                          return;
                                      if (!color) {
                                          std::memset(line, 0x40, bytes);
                                          return;
                                      }
                                      for (unsigned x = 0; x + 2 < bytes; x += 3) {
                                          line[x] = 0xff;
                                          line[x + 1] = 0;
                                          line[x + 2] = 0;
                                      }
                                  });
}

/// A JPEG of `size` pixels declaring `dpi` (0 = leave Qt's default), white with a coloured block.
QByteArray makeJpeg(QSize size, int dpi, QColor block)
{
    QImage image(size, QImage::Format_RGB32);
    image.fill(Qt::white);
    if (dpi > 0) {
        image.setDotsPerMeterX(qRound(dpi / 0.0254));
        image.setDotsPerMeterY(qRound(dpi / 0.0254));
    }
    for (int y = size.height() / 4; y < size.height() / 2; ++y)
        for (int x = size.width() / 4; x < size.width() / 2; ++x)
            image.setPixel(x, y, block.rgb());
    QByteArray jpeg;
    QBuffer buffer(&jpeg);
    buffer.open(QIODevice::WriteOnly);
    image.save(&buffer, "JPEG", 90);
    return jpeg;
}

/// Checks that `png` decodes and its longest side is the thumbnail size, with `aspect` (w/h) kept.
void verifyThumbnail(const QByteArray& png, double aspect)
{
    QVERIFY2(!png.isEmpty(), "no thumbnail");
    QVERIFY(png.startsWith("\x89PNG"));
    QImage image;
    QVERIFY(image.loadFromData(png, "PNG"));
    QCOMPARE(std::max(image.width(), image.height()), DocumentInspector::ThumbnailSize);
    QVERIFY2(std::abs(double(image.width()) / image.height() - aspect) < 0.02,
             qPrintable(QStringLiteral("thumbnail %1x%2, expected aspect %3")
                            .arg(image.width())
                            .arg(image.height())
                            .arg(aspect)));
}

const QString A4 = QStringLiteral("iso_a4_210x297mm");
const QString Letter = QStringLiteral("na_letter_8.5x11in");

} // namespace

Q_DECLARE_METATYPE(PageSpec)

class TestDocumentInspector : public QObject
{
    Q_OBJECT

private slots:
    void cupsPdf_data();
    void cupsPdf();
    void builtPdf_data();
    void builtPdf();
    void pdfuniteMultiPage();
    void pwgRaster_data();
    void pwgRaster();
    void truncatedPwgRaster();
    void urf_data();
    void urf();
    void urfDecodeBudget();
    void jpeg_data();
    void jpeg();
    void autoDetect_data();
    void autoDetect();
    void rejected_data();
    void rejected();
    void truncatedPdf_data();
    void truncatedPdf();
    void concurrentCalls();
    void pwgMediaName_data();
    void pwgMediaName();
};

void TestDocumentInspector::cupsPdf_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<QString>("pageSize");
    QTest::addColumn<double>("widthPt");
    QTest::addColumn<double>("heightPt");

    QTest::newRow("default-testpage (A4)") << "default-testpage.pdf" << A4 << 595.276 << 841.89;
    QTest::newRow("form_english (A4, 595x842)") << "form_english.pdf" << A4 << 595.0 << 842.0;
    QTest::newRow("classified (letter)") << "classified.pdf" << Letter << 612.0 << 792.0;
    QTest::newRow("standard (letter)") << "standard.pdf" << Letter << 612.0 << 792.0;
}

void TestDocumentInspector::cupsPdf()
{
    QFETCH(QString, file);
    QFETCH(QString, pageSize);
    QFETCH(double, widthPt);
    QFETCH(double, heightPt);

    QFile pdf(TestData::cupsPdf(file.toLatin1().constData()));
    if (!pdf.open(QIODevice::ReadOnly))
        QSKIP("CUPS test PDFs are not installed");
    const DocumentInfo info = DocumentInspector::inspect(&pdf, QStringLiteral("application/pdf"));
    QVERIFY2(info.ok, qPrintable(info.error));
    QVERIFY(info.error.isEmpty());
    QCOMPARE(info.pages, 1);
    QCOMPARE(info.pageSize, pageSize);
    QVERIFY(std::abs(info.widthPt - widthPt) < 0.01);
    QVERIFY(std::abs(info.heightPt - heightPt) < 0.01);
    verifyThumbnail(info.thumbnailPng, widthPt / heightPt);
}

void TestDocumentInspector::builtPdf_data()
{
    QTest::addColumn<QList<PageSpec>>("pages");
    QTest::addColumn<QString>("pageSize");
    QTest::addColumn<bool>("landscape");
    QTest::addColumn<bool>("color");

    const PageSpec a4Black{QPageSize(QPageSize::A4), QPageLayout::Portrait, Qt::black};
    const PageSpec a4Red{QPageSize(QPageSize::A4), QPageLayout::Portrait, Qt::red};
    const PageSpec letterGrey{QPageSize(QPageSize::Letter), QPageLayout::Portrait, Qt::gray};
    const PageSpec a4Landscape{QPageSize(QPageSize::A4), QPageLayout::Landscape, Qt::blue};

    QTest::newRow("1 page A4 grey") << QList<PageSpec>{a4Black} << A4 << false << false;
    QTest::newRow("3 pages A4 red first") << QList<PageSpec>{a4Red, a4Black, a4Black} << A4 << false << true;
    QTest::newRow("5 pages letter grey") << QList<PageSpec>(5, letterGrey) << Letter << false << false;
    QTest::newRow("2 pages landscape A4") << QList<PageSpec>{a4Landscape, a4Black} << A4 << true << true;
    QTest::newRow("colour on page 2 only") << QList<PageSpec>{a4Black, a4Red} << A4 << false << false;
}

void TestDocumentInspector::builtPdf()
{
    QFETCH(QList<PageSpec>, pages);
    QFETCH(QString, pageSize);
    QFETCH(bool, landscape);
    QFETCH(bool, color);

    const DocumentInfo info = inspectBytes(makePdf(pages), QStringLiteral("application/pdf"));
    QVERIFY2(info.ok, qPrintable(info.error));
    QCOMPARE(info.pages, pages.size());
    QCOMPARE(info.pageSize, pageSize);
    QCOMPARE(info.widthPt > info.heightPt, landscape);
    QCOMPARE(info.color, color);
    verifyThumbnail(info.thumbnailPng, info.widthPt / info.heightPt);
}

void TestDocumentInspector::pdfuniteMultiPage()
{
    const QString pdfunite = QStandardPaths::findExecutable(QStringLiteral("pdfunite"));
    if (pdfunite.isEmpty())
        QSKIP("pdfunite (poppler-utils) is not installed");
    if (!QFile::exists(TestData::cupsPdf()))
        QSKIP("CUPS test PDFs are not installed");
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString out = dir.filePath(QStringLiteral("united.pdf"));
    const QStringList inputs{TestData::cupsPdf("default-testpage.pdf"), TestData::cupsPdf("classified.pdf"),
                             TestData::cupsPdf("default.pdf"), TestData::cupsPdf("secret.pdf")};
    QCOMPARE(QProcess::execute(pdfunite, QStringList(inputs) << out), 0);

    QFile pdf(out);
    QVERIFY(pdf.open(QIODevice::ReadOnly));
    const DocumentInfo info = DocumentInspector::inspect(&pdf, QStringLiteral("application/pdf"));
    QVERIFY2(info.ok, qPrintable(info.error));
    QCOMPARE(info.pages, 4);
    QCOMPARE(info.pageSize, A4); // page 1 decides
    verifyThumbnail(info.thumbnailPng, 595.276 / 841.89);
}

void TestDocumentInspector::pwgRaster_data()
{
    QTest::addColumn<bool>("color");
    QTest::addColumn<QString>("mimeType");

    QTest::newRow("sRGB, declared") << true << "image/pwg-raster";
    QTest::newRow("sGray, declared") << false << "image/pwg-raster";
    QTest::newRow("sRGB, detected") << true << "application/octet-stream";
}

void TestDocumentInspector::pwgRaster()
{
    QFETCH(bool, color);
    QFETCH(QString, mimeType);

    const PageSpec a4{QPageSize(QPageSize::A4), QPageLayout::Portrait, Qt::black};
    const PageSpec letter{QPageSize(QPageSize::Letter), QPageLayout::Portrait, Qt::black};
    const QByteArray pwg = pwgFromPdf(makePdf({a4, letter, a4}), color);
    QVERIFY(pwg.startsWith("RaS2"));

    const DocumentInfo info = inspectBytes(pwg, mimeType);
    QVERIFY2(info.ok, qPrintable(info.error));
    QCOMPARE(info.pages, 3);
    QCOMPARE(info.pageSize, A4);
    // At 72 dpi a pixel is a point, and libcups rounds the page down to whole pixels.
    QVERIFY(std::abs(info.widthPt - 595.0) <= 1.0);
    QVERIFY(std::abs(info.heightPt - 842.0) <= 1.0);
    QCOMPARE(info.color, color); // raster: the colour space decides
    verifyThumbnail(info.thumbnailPng, 210.0 / 297.0);

    // The thumbnail shows the page: white paper with the dark block near the top left.
    QImage thumb;
    QVERIFY(thumb.loadFromData(info.thumbnailPng));
    QCOMPARE(qGray(thumb.pixel(thumb.width() - 5, thumb.height() - 5)), 255);
    QVERIFY(qGray(thumb.pixel(thumb.width() * 100 / 595, thumb.height() * 100 / 842)) < 64);
}

void TestDocumentInspector::truncatedPwgRaster()
{
    const PageSpec a4{QPageSize(QPageSize::A4), QPageLayout::Portrait, Qt::black};
    const QByteArray pwg = pwgFromPdf(makePdf({a4, a4}), true);
    QVERIFY(!pwg.isEmpty());

    for (const qsizetype len :
         {qsizetype(4), qsizetype(100), qsizetype(1800), pwg.size() / 4, pwg.size() - 10}) {
        const DocumentInfo info = inspectBytes(pwg.left(len), QStringLiteral("image/pwg-raster"));
        QVERIFY2(!info.ok, qPrintable(QStringLiteral("truncated at %1 of %2").arg(len).arg(pwg.size())));
        QVERIFY(!info.error.isEmpty());
    }
}

void TestDocumentInspector::urf_data()
{
    QTest::addColumn<bool>("color");
    QTest::addColumn<QString>("mimeType");

    QTest::newRow("sRGB, declared") << true << "image/urf";
    QTest::newRow("sGray, declared") << false << "image/urf";
    QTest::newRow("sGray, detected") << false << "application/octet-stream";
}

void TestDocumentInspector::urf()
{
    QFETCH(bool, color);
    QFETCH(QString, mimeType);

    const QByteArray urf = makeUrf(2, color);
    QVERIFY(urf.startsWith(QByteArray("UNIRAST\0", 8)));
    const DocumentInfo info = inspectBytes(urf, mimeType);
    QVERIFY2(info.ok, qPrintable(info.error));
    QCOMPARE(info.pages, 2);
    QCOMPARE(info.pageSize, Letter);
    QVERIFY(std::abs(info.widthPt - 612.0) < 1.0);
    QVERIFY(std::abs(info.heightPt - 792.0) < 1.0);
    QCOMPARE(info.color, color);
    verifyThumbnail(info.thumbnailPng, 8.5 / 11.0);

    QImage thumb;
    QVERIFY(thumb.loadFromData(info.thumbnailPng));
    // A grey page's thumbnail is a greyscale PNG; a colour one keeps its colour.
    QCOMPARE(thumb.format() == QImage::Format_Grayscale8, !color);
    const QRgb band = thumb.pixel(thumb.width() / 2, thumb.height() * 5 / 12);
    if (color)
        QVERIFY(qRed(band) > 200 && qGreen(band) < 50 && qBlue(band) < 50);
    else
        QVERIFY(std::abs(qGray(band) - 0x40) < 8);
    QCOMPARE(qGray(thumb.pixel(2, 2)), 255);

    // A URF whose first page header is nonsense is refused before libcups decodes anything.
    QByteArray broken = urf;
    broken[12] = char(7); // 7 bits per pixel
    QVERIFY(!inspectBytes(broken, QStringLiteral("image/urf")).ok);
}

/// A URF of `pages` grey pages, each 16 MiB - 1 pixels wide and 256 lines high (4 GiB decoded) held in
/// two bytes: one line repeated 256 times, cleared to its end (white).
QByteArray makeHugeUrf(quint32 pages)
{
    QByteArray out("UNIRAST\0", 8);
    const auto u32 = [&out](quint32 v) {
        for (int shift = 24; shift >= 0; shift -= 8)
            out.append(char((v >> shift) & 0xff));
    };
    u32(pages);
    for (quint32 p = 0; p < pages; ++p) {
        out.append("\x08\x00\x01\x04\x00\x00", 6); // 8 bits, sGray, simplex, normal quality
        out.append(6, '\0');
        u32(16 * 1024 * 1024 - 1); // width
        u32(256);                  // height
        u32(300);                  // dpi
        out.append(8, '\0');
        out.append("\xff\x80", 2); // 256 times: the line cleared to its end
    }
    return out;
}

void TestDocumentInspector::urfDecodeBudget()
{
    // Found by fuzz_document_inspector: a 152-byte URF took 4.8 s here to inspect (a thumbnail of a
    // 4-gigapixel page), and each further such page ~0.2 s. Page 1 over 160 megapixels gets no thumbnail.
    const DocumentInfo one = inspectBytes(makeHugeUrf(1), QStringLiteral("image/urf"));
    QVERIFY2(one.ok, qPrintable(one.error));
    QVERIFY(!one.tooLarge);
    QCOMPARE(one.pages, 1);
    QVERIFY(one.thumbnailPng.isEmpty());
    QVERIFY(one.widthPt > 0 && one.heightPt > 0);

    // 8 pages are 32 GiB of decoded lines, which is allowed; the ninth page is refused before it is
    // decoded, with a reason, whatever the file says its page count is.
    const DocumentInfo nine = inspectBytes(makeHugeUrf(9), QStringLiteral("application/octet-stream"));
    QVERIFY(!nine.ok);
    QVERIFY(nine.tooLarge); // refused as too large (413 / too-large), not as damaged
    QVERIFY(!nine.encrypted);
    QVERIFY2(nine.error.contains(QLatin1String("32 GB")), qPrintable(nine.error));
    QVERIFY(nine.error.contains(QLatin1String("Print it in parts")));
}

void TestDocumentInspector::jpeg_data()
{
    QTest::addColumn<QSize>("pixels");
    QTest::addColumn<int>("dpi");
    QTest::addColumn<QColor>("block");
    QTest::addColumn<QString>("pageSize");
    QTest::addColumn<bool>("color");

    QTest::newRow("A4 at 100 dpi, red") << QSize(827, 1169) << 100 << QColor(Qt::red) << A4 << true;
    QTest::newRow("letter at 150 dpi, grey")
        << QSize(1275, 1650) << 150 << QColor(Qt::darkGray) << Letter << false;
    QTest::newRow("landscape A4 at 100 dpi, blue")
        << QSize(1169, 827) << 100 << QColor(Qt::blue) << A4 << true;
}

void TestDocumentInspector::jpeg()
{
    QFETCH(QSize, pixels);
    QFETCH(int, dpi);
    QFETCH(QColor, block);
    QFETCH(QString, pageSize);
    QFETCH(bool, color);

    const DocumentInfo info = inspectBytes(makeJpeg(pixels, dpi, block), QStringLiteral("image/jpeg"));
    QVERIFY2(info.ok, qPrintable(info.error));
    QCOMPARE(info.pages, 1);
    QCOMPARE(info.pageSize, pageSize);
    QVERIFY(std::abs(info.widthPt - pixels.width() * 72.0 / dpi) < 1.0);
    QVERIFY(std::abs(info.heightPt - pixels.height() * 72.0 / dpi) < 1.0);
    QCOMPARE(info.color, color);
    verifyThumbnail(info.thumbnailPng, double(pixels.width()) / pixels.height());
}

void TestDocumentInspector::autoDetect_data()
{
    QTest::addColumn<QByteArray>("data");
    QTest::addColumn<int>("pages");

    const PageSpec a4{QPageSize(QPageSize::A4), QPageLayout::Portrait, Qt::black};
    QTest::newRow("PDF") << makePdf({a4, a4}) << 2;
    QTest::newRow("PDF after a PJL prologue")
        << QByteArray("\x1b%-12345X@PJL ENTER LANGUAGE=PDF\r\n") + makePdf({a4}) << 1;
    QTest::newRow("JPEG") << makeJpeg(QSize(300, 200), 72, Qt::green) << 1;
    QTest::newRow("PWG raster") << pwgFromPdf(makePdf({a4, a4, a4, a4}), false) << 4;
    QTest::newRow("URF") << makeUrf(3, true) << 3;
}

void TestDocumentInspector::autoDetect()
{
    QFETCH(QByteArray, data);
    QFETCH(int, pages);

    for (const QString& type : {QStringLiteral("application/octet-stream"), QString()}) {
        const DocumentInfo info = inspectBytes(data, type);
        QVERIFY2(info.ok, qPrintable(info.error));
        QCOMPARE(info.pages, pages);
        QVERIFY(!info.thumbnailPng.isEmpty());
    }
}

void TestDocumentInspector::rejected_data()
{
    QTest::addColumn<QByteArray>("data");
    QTest::addColumn<QString>("mimeType");
    QTest::addColumn<QString>("errorContains");

    QByteArray garbage(4096, Qt::Uninitialized);
    for (qsizetype i = 0; i < garbage.size(); ++i)
        garbage[i] = char((i * 7919 + 13) % 251);
    const PageSpec a4{QPageSize(QPageSize::A4), QPageLayout::Portrait, Qt::black};
    const QByteArray pdf = makePdf({a4});

    QTest::newRow("garbage as PDF") << garbage << "application/pdf"
                                    << "PDF";
    QTest::newRow("empty as PDF") << QByteArray() << "application/pdf"
                                  << "empty";
    QTest::newRow("PDF header only") << QByteArray("%PDF-1.7\n") << "application/pdf"
                                     << "PDF";
    QTest::newRow("text as PDF") << QByteArray("Hello, printer\n") << "application/pdf"
                                 << "PDF";
    QTest::newRow("garbage as PWG raster") << garbage << "image/pwg-raster"
                                           << "PWG";
    QTest::newRow("PWG sync only") << QByteArray("RaS2") << "image/pwg-raster"
                                   << "PWG";
    QTest::newRow("garbage as URF") << garbage << "image/urf"
                                    << "URF";
    QTest::newRow("URF magic only") << QByteArray("UNIRAST\0\0\0\0\1", 12) << "image/urf"
                                    << "URF";
    QTest::newRow("garbage as JPEG") << garbage << "image/jpeg"
                                     << "JPEG";
    QTest::newRow("PDF as JPEG") << pdf << "image/jpeg"
                                 << "JPEG";
    // Another image format is not handed to another image plugin (an SVG would be read by Qt SVG).
    QTest::newRow("SVG as JPEG")
        << QByteArray("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"10\" height=\"10\">"
                      "<rect width=\"10\" height=\"10\"/></svg>")
        << "image/jpeg"
        << "JPEG";
    QTest::newRow("JPEG marker, then garbage") << QByteArray("\xFF\xD8\xFF", 3) + garbage << "image/jpeg"
                                               << "JPEG";
    QTest::newRow("PDF as PWG raster") << pdf << "image/pwg-raster"
                                       << "PWG";
    QTest::newRow("garbage as octet-stream") << garbage << "application/octet-stream"
                                             << "not supported";
    QTest::newRow("PDF as text/plain") << pdf << "text/plain"
                                       << "not supported";
    QTest::newRow("PNG as octet-stream")
        << QByteArray("\x89PNG\r\n\x1a\n") + garbage << "application/octet-stream"
        << "not supported";
}

void TestDocumentInspector::rejected()
{
    QFETCH(QByteArray, data);
    QFETCH(QString, mimeType);
    QFETCH(QString, errorContains);

    const DocumentInfo info = inspectBytes(data, mimeType);
    QVERIFY(!info.ok);
    QVERIFY2(info.error.contains(errorContains), qPrintable(info.error));
    QVERIFY(info.error.endsWith(QLatin1Char('.')));
    QCOMPARE(info.pages, 0);
    QVERIFY(info.thumbnailPng.isEmpty());
}

void TestDocumentInspector::truncatedPdf_data()
{
    QTest::addColumn<double>("fraction");

    QTest::newRow("10%") << 0.1;
    QTest::newRow("50%") << 0.5;
    QTest::newRow("90%") << 0.9;
    QTest::newRow("all but 20 bytes") << -20.0;
}

void TestDocumentInspector::truncatedPdf()
{
    QFETCH(double, fraction);

    const QByteArray pdf = TestData::readFile(TestData::cupsPdf());
    if (pdf.isEmpty())
        QSKIP("CUPS test PDFs are not installed");
    const qsizetype len = fraction < 0 ? pdf.size() + qsizetype(fraction) : qsizetype(pdf.size() * fraction);

    // Poppler may rebuild a damaged file or refuse it; either way the answer is consistent.
    const DocumentInfo info = inspectBytes(pdf.left(len), QStringLiteral("application/pdf"));
    if (info.ok) {
        QVERIFY(info.pages >= 1);
        QVERIFY(info.error.isEmpty());
    } else {
        QVERIFY(!info.error.isEmpty());
        QCOMPARE(info.pages, 0);
    }
}

void TestDocumentInspector::concurrentCalls()
{
    const PageSpec a4{QPageSize(QPageSize::A4), QPageLayout::Portrait, Qt::red};
    const QByteArray pdf = makePdf({a4, a4, a4});
    const QByteArray jpeg = makeJpeg(QSize(827, 1169), 100, Qt::red);
    const QByteArray pwg = pwgFromPdf(pdf, true);

    std::atomic<int> failures{0};
    std::vector<std::thread> threads;
    for (int t = 0; t < 4; ++t) {
        threads.emplace_back([&, t] {
            for (int round = 0; round < 5; ++round) {
                const int kind = (t + round) % 3;
                const DocumentInfo info = kind == 0   ? inspectBytes(pdf, QStringLiteral("application/pdf"))
                                          : kind == 1 ? inspectBytes(jpeg, QStringLiteral("image/jpeg"))
                                                      : inspectBytes(pwg, QStringLiteral("image/pwg-raster"));
                if (!info.ok || info.pages != (kind == 1 ? 1 : 3) || info.pageSize != A4 || !info.color ||
                    info.thumbnailPng.isEmpty())
                    ++failures;
            }
        });
    }
    for (std::thread& thread : threads)
        thread.join();
    QCOMPARE(failures.load(), 0);
}

void TestDocumentInspector::pwgMediaName_data()
{
    QTest::addColumn<double>("widthPt");
    QTest::addColumn<double>("heightPt");
    QTest::addColumn<QString>("name");

    QTest::newRow("A4") << 595.276 << 841.89 << A4;
    QTest::newRow("A4 rounded") << 595.0 << 842.0 << A4;
    QTest::newRow("A4 landscape") << 841.89 << 595.276 << A4;
    QTest::newRow("letter") << 612.0 << 792.0 << Letter;
    QTest::newRow("legal") << 612.0 << 1008.0 << "na_legal_8.5x14in";
    QTest::newRow("A3") << 841.89 << 1190.55 << "iso_a3_297x420mm";
    QTest::newRow("A5") << 419.53 << 595.28 << "iso_a5_148x210mm";
    QTest::newRow("custom 100x300 mm") << 283.465 << 850.394 << "custom_100x300mm_100x300mm";
    QTest::newRow("custom, landscape") << 850.394 << 283.465 << "custom_100x300mm_100x300mm";
    QTest::newRow("custom square") << 300.0 << 300.0 << "custom_105.83x105.83mm_105.83x105.83mm";
    QTest::newRow("zero") << 0.0 << 842.0 << QString();
    QTest::newRow("negative") << -595.0 << 842.0 << QString();
}

void TestDocumentInspector::pwgMediaName()
{
    QFETCH(double, widthPt);
    QFETCH(double, heightPt);
    QFETCH(QString, name);

    QCOMPARE(DocumentInspector::pwgMediaName(widthPt, heightPt), name);
}

QTEST_MAIN(TestDocumentInspector)
#include "TestDocumentInspector.moc"
