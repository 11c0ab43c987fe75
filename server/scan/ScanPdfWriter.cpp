#include "ScanPdfWriter.h"

#include "MemoryTiff.h"
#include "PdfImagePage.h"

#include <QBuffer>
#include <QImage>
#include <QImageReader>
#include <map>
#include <qpdf/Pipeline.hh>
#include <qpdf/QPDF.hh>
#include <qpdf/QPDFObjectHandle.hh>
#include <qpdf/QPDFPageDocumentHelper.hh>
#include <qpdf/QPDFWriter.hh>
#include <stdexcept>
#include <vector>

namespace {

// --- qpdf --------------------------------------------------------------------------------------------

// The PDF as qpdf writes it, handed to the caller's sink (the encrypting spool writer).
class SinkPipeline : public Pipeline
{
public:
    explicit SinkPipeline(const ScanPdfWriter::Sink& sink) : Pipeline("scan-pdf", nullptr), m_sink(sink) {}
    void write(unsigned char const* data, size_t len) override
    {
        if (len && !m_sink(reinterpret_cast<const char*>(data), static_cast<qint64>(len)))
            throw std::runtime_error("the PDF could not be stored");
    }
    void finish() override {}

private:
    const ScanPdfWriter::Sink& m_sink;
};

// Each image's bytes come from its page's source only when qpdf writes that image.
class PageImages : public QPDFObjectHandle::StreamDataProvider
{
public:
    void add(QPDFObjGen og, const ScanPdfPage* page) { m_pages[og] = page; }
    void provideStreamData(QPDFObjGen const& og, Pipeline* pipeline) override
    {
        auto it = m_pages.find(og);
        if (it == m_pages.end())
            throw std::runtime_error("unknown image");
        qint64 written = 0;
        const bool ok = it->second->data([&](const char* d, size_t n) {
            pipeline->write(reinterpret_cast<const unsigned char*>(d), n);
            written += static_cast<qint64>(n);
        });
        if (!ok || written != it->second->bytes)
            throw std::runtime_error("a scanned page could not be read from the spool");
        pipeline->finish();
    }

private:
    std::map<QPDFObjGen, const ScanPdfPage*> m_pages;
};

QPDFObjectHandle pageObject(QPDF& pdf, const ScanPdfPage& p, PageImages& images,
                            const std::shared_ptr<QPDFObjectHandle::StreamDataProvider>& provider)
{
    QPDFObjectHandle image = pdf.newStream();
    QPDFObjectHandle dict = image.getDict();
    dict.replaceKey("/Type", QPDFObjectHandle::newName("/XObject"));
    dict.replaceKey("/Subtype", QPDFObjectHandle::newName("/Image"));
    dict.replaceKey("/Width", QPDFObjectHandle::newInteger(p.width));
    dict.replaceKey("/Height", QPDFObjectHandle::newInteger(p.height));
    QPDFObjectHandle parms = QPDFObjectHandle::newNull();
    const char* filter = "/DCTDecode";
    if (p.encoding == ScanPdfPage::Encoding::G4) {
        filter = "/CCITTFaxDecode";
        dict.replaceKey("/ColorSpace", QPDFObjectHandle::newName("/DeviceGray"));
        dict.replaceKey("/BitsPerComponent", QPDFObjectHandle::newInteger(1));
        parms = QPDFObjectHandle::newDictionary();
        parms.replaceKey("/K", QPDFObjectHandle::newInteger(-1));
        parms.replaceKey("/Columns", QPDFObjectHandle::newInteger(p.width));
        parms.replaceKey("/Rows", QPDFObjectHandle::newInteger(p.height));
        parms.replaceKey("/BlackIs1", QPDFObjectHandle::newBool(false));
    } else {
        dict.replaceKey("/ColorSpace",
                        QPDFObjectHandle::newName(p.components == 3 ? "/DeviceRGB" : "/DeviceGray"));
        dict.replaceKey("/BitsPerComponent", QPDFObjectHandle::newInteger(8));
    }
    images.add(image.getObjGen(), &p);
    image.replaceStreamData(provider, QPDFObjectHandle::newName(filter), parms);

    const double dpi = p.dpi > 0 ? p.dpi : 150;
    const double widthPt = p.width / dpi * 72.0;
    const double heightPt = p.height / dpi * 72.0;
    return PdfImagePage::make(pdf, image, widthPt, heightPt);
}

quint16 be16(const QByteArray& d, qsizetype at)
{
    return static_cast<quint16>((static_cast<uchar>(d[at]) << 8) | static_cast<uchar>(d[at + 1]));
}

} // namespace

bool ScanPdfWriter::write(const QList<ScanPdfPage>& pages, const Sink& out, QString* error)
{
    if (pages.isEmpty()) {
        *error = QStringLiteral("a scan without pages makes no PDF");
        return false;
    }
    try {
        QPDF pdf;
        pdf.emptyPDF();
        auto images = std::make_shared<PageImages>();
        std::shared_ptr<QPDFObjectHandle::StreamDataProvider> provider = images;
        QPDFPageDocumentHelper helper(pdf);
        for (const ScanPdfPage& p : pages)
            helper.addPage(pageObject(pdf, p, *images, provider), false);
        SinkPipeline sink(out);
        QPDFWriter writer(pdf);
        writer.setOutputPipeline(&sink);
        // The images are compressed already: never decoded or recompressed, only copied.
        writer.setDecodeLevel(qpdf_dl_none);
        writer.write();
    } catch (const std::exception& e) {
        *error =
            QStringLiteral("the scan could not be made into a PDF: %1").arg(QString::fromLocal8Bit(e.what()));
        return false;
    }
    return true;
}

qint64 ScanPdfWriter::estimateSize(qint64 imageBytes, int pages)
{
    // Measured: about 600 bytes a page (page, content stream, image dictionary, xref) and 700 for the
    // header, catalogue, page tree and trailer; the bound leaves room for long numbers.
    return imageBytes + 1024LL * pages + 2048;
}

bool ScanPdfWriter::inspectJpeg(const QByteArray& jpeg, ScanPdfPage* page, QString* error)
{
    const qsizetype n = jpeg.size();
    if (n < 4 || static_cast<uchar>(jpeg[0]) != 0xFF || static_cast<uchar>(jpeg[1]) != 0xD8) {
        *error = QStringLiteral("the page is not a JPEG image");
        return false;
    }
    qsizetype pos = 2;
    while (pos + 4 <= n) {
        if (static_cast<uchar>(jpeg[pos]) != 0xFF) {
            *error = QStringLiteral("the JPEG image is damaged");
            return false;
        }
        const uchar marker = static_cast<uchar>(jpeg[pos + 1]);
        if (marker == 0xFF) { // fill byte
            ++pos;
            continue;
        }
        if (marker == 0x01 || (marker >= 0xD0 && marker <= 0xD7)) {
            pos += 2;
            continue;
        }
        if (marker == 0xD9 || marker == 0xDA) {
            *error = QStringLiteral("the JPEG image has no frame header");
            return false;
        }
        const quint16 length = be16(jpeg, pos + 2);
        if (length < 2 || pos + 2 + length > n) {
            *error = QStringLiteral("the JPEG image is damaged");
            return false;
        }
        const bool sof =
            (marker >= 0xC0 && marker <= 0xCF) && marker != 0xC4 && marker != 0xC8 && marker != 0xCC;
        if (sof) {
            if (marker > 0xC2) {
                *error = QStringLiteral("the JPEG image uses a lossless, hierarchical or arithmetic coding");
                return false;
            }
            if (length < 8) {
                *error = QStringLiteral("the JPEG image is damaged");
                return false;
            }
            const int precision = static_cast<uchar>(jpeg[pos + 4]);
            const int height = be16(jpeg, pos + 5);
            const int width = be16(jpeg, pos + 7);
            const int components = static_cast<uchar>(jpeg[pos + 9]);
            if (precision != 8 || (components != 1 && components != 3)) {
                *error = QStringLiteral("the JPEG image is not 8-bit grey or colour");
                return false;
            }
            if (width <= 0 || height <= 0 || width > MaxSide || height > MaxSide) {
                *error = QStringLiteral("the JPEG image has an impossible size (%1 x %2 pixels)")
                             .arg(width)
                             .arg(height);
                return false;
            }
            // A page cut short would show as a grey band: the image must end after its frame.
            const qsizetype end = jpeg.lastIndexOf(QByteArrayLiteral("\xFF\xD9"));
            if (end < pos) {
                *error = QStringLiteral("the JPEG image is cut short");
                return false;
            }
            page->encoding = ScanPdfPage::Encoding::Jpeg;
            page->width = width;
            page->height = height;
            page->components = components;
            page->bytes = n;
            return true;
        }
        pos += 2 + length;
    }
    *error = QStringLiteral("the JPEG image is damaged");
    return false;
}

bool ScanPdfWriter::pngToG4(const QByteArray& png, QByteArray* g4, ScanPdfPage* page, QString* error)
{
    QBuffer buffer;
    buffer.setData(png);
    buffer.open(QIODevice::ReadOnly);
    QImageReader reader(&buffer, "png");
    const QSize size = reader.size();
    if (!png.startsWith("\x89PNG\r\n\x1a\n") || !size.isValid()) {
        *error = QStringLiteral("the page is not a PNG image");
        return false;
    }
    if (size.width() > MaxSide || size.height() > MaxSide) {
        *error = QStringLiteral("the PNG image has an impossible size (%1 x %2 pixels)")
                     .arg(size.width())
                     .arg(size.height());
        return false;
    }
    reader.setAllocationLimit(1024); // MB: the size check above keeps real pages far below it
    QImage image = reader.read();
    if (image.isNull()) {
        *error = QStringLiteral("the PNG image is damaged: %1").arg(reader.errorString());
        return false;
    }
    if (image.hasAlphaChannel()) {
        // Transparent parts are paper.
        const QImage argb = image.convertToFormat(QImage::Format_ARGB32);
        QImage flat(image.size(), QImage::Format_Grayscale8);
        for (int y = 0; y < argb.height(); ++y) {
            const QRgb* src = reinterpret_cast<const QRgb*>(argb.constScanLine(y));
            uchar* dst = flat.scanLine(y);
            for (int x = 0; x < argb.width(); ++x) {
                const int a = qAlpha(src[x]);
                dst[x] = static_cast<uchar>((qGray(src[x]) * a + 255 * (255 - a)) / 255);
            }
        }
        image = flat;
    }
    if (image.format() != QImage::Format_Grayscale8)
        image = image.convertToFormat(QImage::Format_Grayscale8);
    const int width = image.width();
    const int height = image.height();
    const size_t rowBytes = static_cast<size_t>(width + 7) / 8;
    std::vector<unsigned char> bitmap(rowBytes * static_cast<size_t>(height), 0);
    for (int y = 0; y < height; ++y) {
        const uchar* src = image.constScanLine(y);
        unsigned char* dst = bitmap.data() + rowBytes * static_cast<size_t>(y);
        for (int x = 0; x < width; ++x)
            if (src[x] < 128)
                dst[x >> 3] |= static_cast<unsigned char>(0x80 >> (x & 7));
    }
    image = QImage();
    QString libError;
    if (!MemoryTiff::encodeG4(bitmap.data(), bitmap.size(), static_cast<uint32_t>(width),
                              static_cast<uint32_t>(height), PHOTOMETRIC_MINISWHITE, g4, &libError)) {
        *error = QStringLiteral("cannot encode the page: %1").arg(libError);
        return false;
    }
    page->encoding = ScanPdfPage::Encoding::G4;
    page->width = width;
    page->height = height;
    page->components = 1;
    page->bytes = g4->size();
    return true;
}
