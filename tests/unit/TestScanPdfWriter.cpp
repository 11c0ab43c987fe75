// ScanPdfWriter (docs/scan.md): scanned pages become one PDF with qpdf: colour and grey JPEGs embedded
// byte for byte as /DCTDecode, black-and-white pages as CCITT G4, each page sized from its pixels and
// the resolution. Checked by reading the PDF back with qpdf (structure, streams) and Poppler (pixels).
#include "ScanPdfWriter.h"

#include <QBuffer>
#include <QDir>
#include <QFont>
#include <QImage>
#include <QPainter>
#include <QProcess>
#include <QRandomGenerator>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <poppler-qt6.h>
#include <qpdf/QPDF.hh>
#include <qpdf/QPDFPageDocumentHelper.hh>
#include <qpdf/QPDFPageObjectHelper.hh>

namespace {

// A page of running text as a scanner sees it: A4 at `dpi`, 11 pt lines, a heading, a table rule.
QImage textPage(int dpi, int seed, QImage::Format format)
{
    const int w = qRound(210 / 25.4 * dpi);
    const int h = qRound(297 / 25.4 * dpi);
    QImage img(w, h, QImage::Format_RGB32);
    img.fill(QColor(250, 250, 247));
    QPainter p(&img);
    p.setRenderHint(QPainter::TextAntialiasing);
    QFont heading(QStringLiteral("DejaVu Serif"));
    heading.setPixelSize(dpi * 16 / 72);
    heading.setBold(true);
    p.setFont(heading);
    p.setPen(Qt::black);
    const int margin = dpi; // one inch
    p.drawText(margin, margin, QStringLiteral("Contract no. %1 - terms of supply").arg(1000 + seed));
    QFont body(QStringLiteral("DejaVu Serif"));
    body.setPixelSize(dpi * 11 / 72);
    p.setFont(body);
    static const QStringList words = {
        QStringLiteral("the"),     QStringLiteral("supplier"), QStringLiteral("shall"),
        QStringLiteral("deliver"), QStringLiteral("within"),   QStringLiteral("thirty"),
        QStringLiteral("days"),    QStringLiteral("of"),       QStringLiteral("order"),
        QStringLiteral("and"),     QStringLiteral("invoice"),  QStringLiteral("city"),
        QStringLiteral("hall"),    QStringLiteral("payment"),  QStringLiteral("clause")};
    QRandomGenerator rng(static_cast<quint32>(seed));
    const int lineHeight = dpi * 15 / 72;
    for (int y = margin + 2 * lineHeight; y < h - margin; y += lineHeight) {
        QString line;
        while (p.fontMetrics().horizontalAdvance(line) < w - 2 * margin - dpi / 2)
            line += words.at(static_cast<int>(rng.bounded(words.size()))) + QLatin1Char(' ');
        p.drawText(margin, y, line);
    }
    p.drawLine(margin, h / 2, w - margin, h / 2);
    p.end();
    return img.convertToFormat(format);
}

QByteArray jpeg(const QImage& img, int quality = 80)
{
    QByteArray out;
    QBuffer b(&out);
    b.open(QIODevice::WriteOnly);
    img.save(&b, "JPEG", quality);
    return out;
}

QByteArray png(const QImage& img)
{
    QByteArray out;
    QBuffer b(&out);
    b.open(QIODevice::WriteOnly);
    img.save(&b, "PNG");
    return out;
}

// A page whose stream comes from memory, read in small pieces as the spool reader would.
ScanPdfPage memoryPage(const ScanPdfPage& shape, const QByteArray& bytes, int dpi)
{
    ScanPdfPage p = shape;
    p.dpi = dpi;
    p.bytes = bytes.size();
    p.data = [bytes](const std::function<void(const char*, size_t)>& write) {
        for (qsizetype at = 0; at < bytes.size(); at += 4096)
            write(bytes.constData() + at, static_cast<size_t>(std::min<qsizetype>(4096, bytes.size() - at)));
        return true;
    };
    return p;
}

ScanPdfPage jpegPage(const QByteArray& bytes, int dpi)
{
    ScanPdfPage shape;
    QString error;
    if (!ScanPdfWriter::inspectJpeg(bytes, &shape, &error))
        qFatal("inspectJpeg: %s", qPrintable(error));
    return memoryPage(shape, bytes, dpi);
}

QByteArray writePdf(const QList<ScanPdfPage>& pages)
{
    QByteArray pdf;
    QString error;
    const bool ok = ScanPdfWriter::write(
        pages,
        [&pdf](const char* d, qint64 n) {
            pdf.append(d, n);
            return true;
        },
        &error);
    if (!ok)
        qWarning("write: %s", qPrintable(error));
    return ok ? pdf : QByteArray();
}

// The first image XObject of every page, as qpdf reads it.
struct PdfImage
{
    std::string filter;
    std::string colorSpace;
    int bitsPerComponent = 0;
    int width = 0;
    int height = 0;
    QByteArray raw;
    double mediaWidth = 0;
    double mediaHeight = 0;
};

QList<PdfImage> imagesOf(const QByteArray& pdfBytes)
{
    QList<PdfImage> out;
    QPDF pdf;
    pdf.processMemoryFile("scan.pdf", pdfBytes.constData(), static_cast<size_t>(pdfBytes.size()));
    for (QPDFPageObjectHelper& page : QPDFPageDocumentHelper(pdf).getAllPages()) {
        PdfImage i;
        QPDFObjectHandle box = page.getObjectHandle().getKey("/MediaBox");
        i.mediaWidth = box.getArrayItem(2).getNumericValue() - box.getArrayItem(0).getNumericValue();
        i.mediaHeight = box.getArrayItem(3).getNumericValue() - box.getArrayItem(1).getNumericValue();
        for (auto& [name, image] : page.getImages()) {
            QPDFObjectHandle dict = image.getDict();
            i.filter = dict.getKey("/Filter").getName();
            i.colorSpace = dict.getKey("/ColorSpace").getName();
            i.bitsPerComponent = dict.getKey("/BitsPerComponent").getIntValueAsInt();
            i.width = dict.getKey("/Width").getIntValueAsInt();
            i.height = dict.getKey("/Height").getIntValueAsInt();
            std::shared_ptr<Buffer> raw = image.getRawStreamData();
            i.raw = QByteArray(reinterpret_cast<const char*>(raw->getBuffer()),
                               static_cast<qsizetype>(raw->getSize()));
            break;
        }
        out.append(i);
    }
    return out;
}

} // namespace

class TestScanPdfWriter : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void jpegPagesArePassedThroughByteForByte_data()
    {
        QTest::addColumn<int>("dpi");
        QTest::addColumn<bool>("color");
        QTest::newRow("colour 150") << 150 << true;
        QTest::newRow("grey 300") << 300 << false;
    }

    void jpegPagesArePassedThroughByteForByte()
    {
        QFETCH(int, dpi);
        QFETCH(bool, color);
        QList<QByteArray> jpegs;
        QList<ScanPdfPage> pages;
        for (int i = 0; i < 3; ++i) {
            jpegs << jpeg(textPage(dpi, i, color ? QImage::Format_RGB32 : QImage::Format_Grayscale8));
            pages << jpegPage(jpegs.last(), dpi);
            QCOMPARE(pages.last().components, color ? 3 : 1);
        }
        const QByteArray pdf = writePdf(pages);
        QVERIFY(!pdf.isEmpty());
        const QList<PdfImage> images = imagesOf(pdf);
        QCOMPARE(images.size(), 3);
        for (int i = 0; i < 3; ++i) {
            QCOMPARE(images[i].filter, std::string("/DCTDecode"));
            QCOMPARE(images[i].colorSpace, std::string(color ? "/DeviceRGB" : "/DeviceGray"));
            QCOMPARE(images[i].bitsPerComponent, 8);
            QVERIFY2(images[i].raw == jpegs[i], "the JPEG was not embedded unchanged");
            // A4 in points from the pixels and the resolution.
            QVERIFY(qAbs(images[i].mediaWidth - 595.3) < 1.0);
            QVERIFY(qAbs(images[i].mediaHeight - 841.9) < 1.0);
        }
        QVERIFY(pdf.size() <=
                ScanPdfWriter::estimateSize(jpegs[0].size() + jpegs[1].size() + jpegs[2].size(), 3));
        // Poppler opens it and sees three A4 pages.
        std::unique_ptr<Poppler::Document> doc = Poppler::Document::loadFromData(pdf);
        QVERIFY(doc);
        QCOMPARE(doc->numPages(), 3);
        QVERIFY(qAbs(doc->page(2)->pageSizeF().width() - 595.3) < 1.0);
    }

    void blackAndWhitePagesBecomeG4()
    {
        const int dpi = 300;
        const QImage source = textPage(dpi, 7, QImage::Format_Grayscale8);
        // The kiosk sends 1-bit PNGs; an 8-bit one is thresholded the same way.
        for (const QImage& sent :
             {source.convertToFormat(QImage::Format_Mono, Qt::ThresholdDither), source}) {
            QByteArray g4;
            ScanPdfPage shape;
            QString error;
            QVERIFY2(ScanPdfWriter::pngToG4(png(sent), &g4, &shape, &error), qPrintable(error));
            QCOMPARE(shape.encoding, ScanPdfPage::Encoding::G4);
            QCOMPARE(shape.width, source.width());
            QCOMPARE(shape.height, source.height());
            // A text page in G4 is a few tens of kilobytes, far below its 1-bit bitmap (1 MB).
            QVERIFY2(g4.size() < 200 * 1024, qPrintable(QString::number(g4.size())));
            const QByteArray pdf = writePdf({memoryPage(shape, g4, dpi)});
            const QList<PdfImage> images = imagesOf(pdf);
            QCOMPARE(images.size(), 1);
            QCOMPARE(images[0].filter, std::string("/CCITTFaxDecode"));
            QCOMPARE(images[0].bitsPerComponent, 1);
            QVERIFY(images[0].raw == g4);
            QVERIFY(qAbs(images[0].mediaWidth - 595.3) < 1.0);
            // Rendered back at the scan's resolution, the page is the thresholded source.
            std::unique_ptr<Poppler::Document> doc = Poppler::Document::loadFromData(pdf);
            QVERIFY(doc);
            const QImage shown =
                doc->page(0)->renderToImage(dpi, dpi).convertToFormat(QImage::Format_Grayscale8);
            QVERIFY(qAbs(shown.width() - source.width()) <= 1);
            qint64 same = 0, total = 0, black = 0;
            for (int y = 0; y < std::min(shown.height(), source.height()); ++y)
                for (int x = 0; x < std::min(shown.width(), source.width()); ++x) {
                    const bool a = source.constScanLine(y)[x] < 128;
                    const bool b = shown.constScanLine(y)[x] < 128;
                    same += a == b;
                    black += a;
                    ++total;
                }
            QVERIFY(black > total / 100); // there is text on it
            // Poppler resamples the page by a fraction of a pixel (A4 is 2480.3 px at 300 dpi), so glyph
            // edges may move by one pixel; an inverted or shifted page would agree on far fewer.
            QVERIFY2(same > total * 96 / 100,
                     qPrintable(QStringLiteral("%1 of %2 pixels").arg(same).arg(total)));
        }
    }

    void tenGreyTextPagesAt150DpiStayWellUnder2MB()
    {
        // Ten real document pages (CUPS's test documents: text, banners, a form), scanned as the kiosk
        // does it: 150 dpi grey, JPEG quality 80.
        const QStringList docs = QDir(QStringLiteral("/usr/share/cups/data"))
                                     .entryList({QStringLiteral("*.pdf")}, QDir::Files, QDir::Name);
        if (docs.size() < 10)
            QSKIP("fewer than ten test documents in /usr/share/cups/data (package cups)");
        QList<ScanPdfPage> pages;
        qint64 imageBytes = 0;
        for (const QString& name : docs.mid(0, 10)) {
            std::unique_ptr<Poppler::Document> doc =
                Poppler::Document::load(QStringLiteral("/usr/share/cups/data/") + name);
            QVERIFY(doc);
            doc->setRenderHint(Poppler::Document::Antialiasing);
            doc->setRenderHint(Poppler::Document::TextAntialiasing);
            const QImage page =
                doc->page(0)->renderToImage(150, 150).convertToFormat(QImage::Format_Grayscale8);
            const QByteArray j = jpeg(page);
            imageBytes += j.size();
            pages << jpegPage(j, 150);
        }
        const QByteArray pdf = writePdf(pages);
        QVERIFY(!pdf.isEmpty());
        qInfo("10 grey document pages, 150 dpi, JPEG q80: %lld bytes (%lld a page)",
              static_cast<long long>(pdf.size()), static_cast<long long>(pdf.size() / 10));
        QVERIFY2(pdf.size() < 2 * 1024 * 1024, qPrintable(QString::number(pdf.size())));
        QVERIFY(pdf.size() >= imageBytes);
        QVERIFY(pdf.size() <= ScanPdfWriter::estimateSize(imageBytes, 10));
        std::unique_ptr<Poppler::Document> doc = Poppler::Document::loadFromData(pdf);
        QVERIFY(doc);
        QCOMPARE(doc->numPages(), 10);
        // The same with ten dense synthetic pages (48 full lines of 11 pt text): reported, not a target.
        QList<ScanPdfPage> dense;
        for (int i = 0; i < 10; ++i)
            dense << jpegPage(jpeg(textPage(150, 100 + i, QImage::Format_Grayscale8)), 150);
        qInfo("10 dense synthetic text pages, 150 dpi grey: %lld bytes",
              static_cast<long long>(writePdf(dense).size()));
    }

    void saneTestBackendPagesAreCarried()
    {
        // Pages from the SANE test backend (shared/peers.md, "Scanner"), as the kiosk gets them.
        const QString scanimage = QStandardPaths::findExecutable(QStringLiteral("scanimage"));
        if (scanimage.isEmpty())
            QSKIP("scanimage (sane-utils) is not installed");
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        QFile conf(dir.filePath(QStringLiteral("dll.conf")));
        QVERIFY(conf.open(QIODevice::WriteOnly));
        conf.write("test\n");
        conf.close();
        QList<ScanPdfPage> pages;
        QList<QByteArray> jpegs;
        for (const char* mode : {"Color", "Gray"}) {
            QProcess p;
            QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
            env.insert(QStringLiteral("SANE_CONFIG_DIR"), dir.path());
            p.setProcessEnvironment(env);
            p.start(scanimage, {QStringLiteral("-d"), QStringLiteral("test"), QStringLiteral("--mode"),
                                QString::fromLatin1(mode), QStringLiteral("--test-picture"),
                                QStringLiteral("Color pattern"), QStringLiteral("--resolution"),
                                QStringLiteral("150"), QStringLiteral("--format=jpeg")});
            QVERIFY(p.waitForFinished(60000));
            QCOMPARE(p.exitCode(), 0);
            jpegs << p.readAllStandardOutput();
            pages << jpegPage(jpegs.last(), 150);
        }
        QCOMPARE(pages[0].components, 3);
        QCOMPARE(pages[1].components, 1);
        const QList<PdfImage> images = imagesOf(writePdf(pages));
        QCOMPARE(images.size(), 2);
        for (int i = 0; i < 2; ++i) {
            QVERIFY(images[i].raw == jpegs[i]);
            QVERIFY(qAbs(images[i].mediaWidth - pages[i].width * 72.0 / 150) < 0.01);
            QVERIFY(qAbs(images[i].mediaHeight - pages[i].height * 72.0 / 150) < 0.01);
        }
    }

    void badImagesAreRefused()
    {
        ScanPdfPage shape;
        QByteArray g4;
        QString error;
        QVERIFY(!ScanPdfWriter::inspectJpeg(QByteArray("not a jpeg at all"), &shape, &error));
        QVERIFY(!error.isEmpty());
        const QByteArray good = jpeg(textPage(150, 1, QImage::Format_Grayscale8));
        QVERIFY(ScanPdfWriter::inspectJpeg(good, &shape, &error));
        // Cut off in the middle of its scan data: no end marker.
        error.clear();
        QVERIFY(!ScanPdfWriter::inspectJpeg(good.left(good.size() / 2), &shape, &error));
        QVERIFY(!error.isEmpty());
        // Cut off inside its headers.
        QVERIFY(!ScanPdfWriter::inspectJpeg(good.left(40), &shape, &error));
        QVERIFY(!ScanPdfWriter::pngToG4(good, &g4, &shape, &error));
        QVERIFY(!ScanPdfWriter::pngToG4(QByteArray("\x89PNG\r\n\x1a\ngarbage"), &g4, &shape, &error));
    }

    void aPageThatCannotBeReadMakesNoPdf()
    {
        ScanPdfPage p = jpegPage(jpeg(textPage(150, 3, QImage::Format_Grayscale8)), 150);
        p.data = [](const std::function<void(const char*, size_t)>&) { return false; };
        QByteArray pdf;
        QString error;
        QVERIFY(!ScanPdfWriter::write(
            {p},
            [&pdf](const char* d, qint64 n) {
                pdf.append(d, n);
                return true;
            },
            &error));
        QVERIFY(!error.isEmpty());
        QVERIFY(!ScanPdfWriter::write(
            {}, [](const char*, qint64) { return true; }, &error));
    }
};

QTEST_MAIN(TestScanPdfWriter)
#include "TestScanPdfWriter.moc"
