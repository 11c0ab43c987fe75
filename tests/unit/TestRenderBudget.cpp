// The render budget (issue 14): what a page may cost before Poppler renders it, how the cost is read
// from a PDF with qpdf, and what a document over the budget gets (a placeholder, not a render).
#include "DocumentInspector.h"
#include "PdfPageCost.h"
#include "RenderBudget.h"
#include "TestData.h"

#include <QBuffer>
#include <QImage>
#include <QPainter>
#include <QPdfWriter>
#include <QTest>

namespace {

/// A one-page PDF (A4) that draws image XObjects of the given sizes; each image's data is a tiny
/// Flate stream of zeros (valid only for the first bytes: never decoded unless rendered). With
/// `inForm`, the images sit in a form XObject that the page draws.
QByteArray pdfWithImages(const QList<QSize>& images, bool inForm = false, bool smask = false)
{
    QList<QByteArray> objects; // object n is objects[n - 1]
    // qCompress is a zlib stream after a 4-byte length: the stream is what /FlateDecode holds.
    const QByteArray packed = qCompress(QByteArray(16, '\0')).mid(4);

    objects << "<< /Type /Catalog /Pages 2 0 R >>";
    objects << "<< /Type /Pages /Kids [3 0 R] /Count 1 >>";
    objects << QByteArray(); // page, filled in below
    objects << QByteArray(); // content
    QByteArray xobjects, draws;
    for (int i = 0; i < images.size(); ++i) {
        QByteArray dict = "<< /Type /XObject /Subtype /Image /Width " +
                          QByteArray::number(images[i].width()) + " /Height " +
                          QByteArray::number(images[i].height()) +
                          " /ColorSpace /DeviceGray /BitsPerComponent 8 /Filter /FlateDecode /Length " +
                          QByteArray::number(packed.size());
        if (smask) {
            objects << "<< /Type /XObject /Subtype /Image /Width " + QByteArray::number(images[i].width()) +
                           " /Height " + QByteArray::number(images[i].height()) +
                           " /ColorSpace /DeviceGray /BitsPerComponent 8 /Filter /FlateDecode /Length " +
                           QByteArray::number(packed.size()) + " >>\nstream\n" + packed + "\nendstream";
            dict += " /SMask " + QByteArray::number(objects.size()) + " 0 R";
        }
        objects << dict + " >>\nstream\n" + packed + "\nendstream";
        xobjects += "/Im" + QByteArray::number(i) + " " + QByteArray::number(objects.size()) + " 0 R ";
        draws += "q 100 0 0 100 0 0 cm /Im" + QByteArray::number(i) + " Do Q\n";
    }
    QByteArray pageResources = "<< /XObject << " + xobjects + ">> >>";
    QByteArray content = draws;
    if (inForm) {
        objects << "<< /Type /XObject /Subtype /Form /BBox [0 0 595 842] /Resources " + pageResources +
                       " /Length " + QByteArray::number(draws.size()) + " >>\nstream\n" + draws +
                       "\nendstream";
        pageResources = "<< /XObject << /F0 " + QByteArray::number(objects.size()) + " 0 R >> >>";
        content = "/F0 Do\n";
    }
    objects[2] = "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources " + pageResources +
                 " /Contents 4 0 R >>";
    objects[3] =
        "<< /Length " + QByteArray::number(content.size()) + " >>\nstream\n" + content + "\nendstream";

    return TestData::pdfFromObjects(objects);
}

RenderBudget::PageCost costOf(const QByteArray& pdf)
{
    QBuffer buffer;
    buffer.setData(pdf);
    buffer.open(QIODevice::ReadOnly);
    PdfPageCost costs(&buffer);
    return costs.page(0);
}

} // namespace

class TestRenderBudget : public QObject
{
    Q_OBJECT

private slots:
    void check_data()
    {
        QTest::addColumn<qint64>("imagePixels");
        QTest::addColumn<bool>("known");
        QTest::addColumn<double>("dpi");
        QTest::addColumn<int>("verdict");
        const int fits = int(RenderBudget::Verdict::Fits);
        const int images = int(RenderBudget::Verdict::TooManyImagePixels);
        const int output = int(RenderBudget::Verdict::TooManyOutputPixels);
        // Budget below: 1,000,000 image pixels, 2,000,000 output pixels; page 720 x 720 pt (10 in).
        QTest::newRow("nothing") << qint64(0) << true << 72.0 << fits;
        QTest::newRow("images at the limit") << qint64(1000000) << true << 72.0 << fits;
        QTest::newRow("images over") << qint64(1000001) << true << 72.0 << images;
        QTest::newRow("unknown images count nothing") << qint64(5000000) << false << 72.0 << fits;
        QTest::newRow("output at 141 dpi fits (1410^2)") << qint64(0) << true << 141.0 << fits;
        QTest::newRow("output at 142 dpi does not (1420^2)") << qint64(0) << true << 142.0 << output;
        QTest::newRow("unknown cost, output over") << qint64(0) << false << 600.0 << output;
        QTest::newRow("images first") << qint64(2000000) << true << 600.0 << images;
    }
    void check()
    {
        QFETCH(qint64, imagePixels);
        QFETCH(bool, known);
        QFETCH(double, dpi);
        QFETCH(int, verdict);
        RenderBudget budget;
        budget.maxImagePixels = 1000000;
        budget.maxOutputPixels = 2000000;
        RenderBudget::PageCost cost;
        cost.imagePixels = imagePixels;
        cost.known = known;
        QCOMPARE(int(budget.check(cost, 720, 720, dpi)), verdict);
    }

    void outputPixelsSaturates()
    {
        QCOMPARE(RenderBudget::outputPixels(72, 72, 1), qint64(1));
        QCOMPARE(RenderBudget::outputPixels(72, 72, 72), qint64(72 * 72));
        QCOMPARE(RenderBudget::outputPixels(595, 842, 72), qint64(595) * 842);
        QCOMPARE(RenderBudget::outputPixels(0, 842, 72), qint64(0));
        QCOMPARE(RenderBudget::outputPixels(1e300, 1e300, 1200), std::numeric_limits<qint64>::max());
    }

    void costCountsImageXObjects()
    {
        const RenderBudget::PageCost one = costOf(pdfWithImages({QSize(40000, 40000)}));
        QVERIFY(one.known);
        QCOMPARE(one.images, 1);
        QCOMPARE(one.imagePixels, qint64(40000) * 40000);

        const RenderBudget::PageCost two = costOf(pdfWithImages({QSize(100, 200), QSize(300, 400)}));
        QCOMPARE(two.images, 2);
        QCOMPARE(two.imagePixels, qint64(100 * 200 + 300 * 400));
    }

    void costLooksIntoFormsAndSoftMasks()
    {
        const RenderBudget::PageCost nested = costOf(pdfWithImages({QSize(5000, 6000)}, true));
        QVERIFY(nested.known);
        QCOMPARE(nested.imagePixels, qint64(5000) * 6000);
        const RenderBudget::PageCost masked = costOf(pdfWithImages({QSize(1000, 1000)}, false, true));
        QCOMPARE(masked.imagePixels, qint64(2000000));
    }

    void costOfGarbageIsUnknown()
    {
        QVERIFY(!costOf("this is not a PDF at all").known);
        QVERIFY(!costOf(QByteArray()).known);
    }

    void hugeImageGetsPlaceholderWithoutRendering()
    {
        const QByteArray pdf = pdfWithImages({QSize(40000, 40000)});
        QBuffer buffer;
        buffer.setData(pdf);
        buffer.open(QIODevice::ReadOnly);
        const DocumentInspector::Rendering r =
            DocumentInspector::render(&buffer, QStringLiteral("application/pdf"), 595, 842, RenderBudget());
        QVERIFY(r.placeholder);
        QVERIFY2(r.why.contains(QLatin1String("megapixels")), qPrintable(r.why));
        QVERIFY(r.color); // not known: never priced as less than it may be
        const QImage thumb = QImage::fromData(r.thumbnailPng, "PNG");
        QVERIFY(!thumb.isNull());
        QCOMPARE(std::max(thumb.width(), thumb.height()), DocumentInspector::ThumbnailSize);
        QVERIFY(thumb.height() > thumb.width()); // A4 portrait
    }

    void pageWithinBudgetIsRendered()
    {
        QByteArray pdf;
        {
            QBuffer out(&pdf);
            out.open(QIODevice::WriteOnly);
            QPdfWriter writer(&out);
            writer.setResolution(72);
            QPainter painter(&writer);
            painter.fillRect(QRect(40, 40, 150, 150), Qt::red);
        }
        QBuffer buffer;
        buffer.setData(pdf);
        buffer.open(QIODevice::ReadOnly);
        const DocumentInspector::Rendering r =
            DocumentInspector::render(&buffer, QStringLiteral("application/pdf"), 595, 842, RenderBudget());
        QVERIFY2(!r.placeholder, qPrintable(r.why));
        QVERIFY(r.color);
        const QImage thumb = QImage::fromData(r.thumbnailPng, "PNG");
        QCOMPARE(std::max(thumb.width(), thumb.height()), DocumentInspector::ThumbnailSize);
        QVERIFY(QImage::fromData(r.thumbnailPng) !=
                QImage::fromData(DocumentInspector::placeholderPng(595, 842)));
    }

    void smallBudgetRefusesAnOrdinaryImage()
    {
        RenderBudget tight;
        tight.maxImagePixels = 10000; // 100 x 100
        QBuffer buffer;
        buffer.setData(pdfWithImages({QSize(101, 100)}));
        buffer.open(QIODevice::ReadOnly);
        QVERIFY(DocumentInspector::render(&buffer, QStringLiteral("application/pdf"), 595, 842, tight)
                    .placeholder);
        QBuffer fits;
        fits.setData(pdfWithImages({QSize(100, 100)}));
        fits.open(QIODevice::ReadOnly);
        const auto r = DocumentInspector::render(&fits, QStringLiteral("application/pdf"), 595, 842, tight);
        QVERIFY2(!r.placeholder, qPrintable(r.why));
    }

    void hugeJpegGetsPlaceholder()
    {
        // A JPEG's header says its size: 30000 x 30000 is over the default budget and is never decoded.
        QImage small(64, 64, QImage::Format_RGB32);
        small.fill(Qt::blue);
        QByteArray jpeg;
        QBuffer out(&jpeg);
        out.open(QIODevice::WriteOnly);
        QVERIFY(small.save(&out, "JPEG"));
        // Patch the SOF0 frame's height and width.
        const qsizetype sof = jpeg.indexOf("\xFF\xC0");
        QVERIFY(sof > 0);
        jpeg[sof + 5] = char(30000 >> 8);
        jpeg[sof + 6] = char(30000 & 0xff);
        jpeg[sof + 7] = char(30000 >> 8);
        jpeg[sof + 8] = char(30000 & 0xff);
        QBuffer buffer;
        buffer.setData(jpeg);
        buffer.open(QIODevice::ReadOnly);
        const auto r =
            DocumentInspector::render(&buffer, QStringLiteral("image/jpeg"), 7200, 7200, RenderBudget());
        QVERIFY(r.placeholder);
        QVERIFY2(r.why.contains(QLatin1String("megapixels")), qPrintable(r.why));
    }
};

QTEST_MAIN(TestRenderBudget)
#include "TestRenderBudget.moc"
