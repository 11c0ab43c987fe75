#include "DocumentInspector.h"
#include "Wiped.h"
#include "WipedImage.h"

#include "Log.h"
#include "PdfPageCost.h"
#include "PdfPageTree.h"
#include "PdfTableScan.h"

#include <QBuffer>
#include <QDateTime>
#include <QIODevice>
#include <QImage>
#include <QImageReader>
#include <QPainter>
#include <QPainterPath>
#include <poppler-qt6.h>

#include <cups/cups.h>
#include <cups/raster.h>

#include <algorithm>
#include <cmath>
#include <cstring>
#include <memory>
#include <vector>

namespace {

enum class Format { Unknown, Detect, Pdf, PwgRaster, Urf, Jpeg };

// How far the red, green and blue channels of a pixel may differ before it counts as colour; absorbs
// JPEG and anti-aliasing noise in grey content.
constexpr int GreyTolerance = 12;

// Raster limits: a line is at most 16 MiB (as in libcups) and a decoded page at most 4 GiB, so a
// hostile header cannot make page counting run for hours or allocate without bound.
constexpr quint64 MaxBytesPerLine = 16U * 1024U * 1024U;
constexpr quint64 MaxBytesPerPage = 4ULL * 1024U * 1024U * 1024U;
// Every line of every page is decoded to reach the next page header, and a few compressed bytes can
// stand for a whole 4 GiB page (a line repeated 256 times, each "cleared to its end"): a 34 KB upload
// of 1,000 such pages would keep a worker decoding for minutes (found by fuzz_document_inspector). A
// document is refused past 32 GiB of decoded lines (~2 s here; 330 A4 pages in colour at 600 dpi).
constexpr quint64 MaxDecodedBytesPerDocument = 32ULL * 1024U * 1024U * 1024U;
// Page 1's thumbnail is box-filtered from every pixel: at most RenderBudget's output pixels (a PDF page
// is not rendered past them either); a larger first page gets the placeholder.
constexpr quint64 MaxThumbnailPixels = RenderBudget{}.maxOutputPixels;

constexpr char PwgSync[] = "RaS2";
constexpr char UrfMagic[] = "UNIRAST"; // followed by a NUL
constexpr int UrfFileHeaderSize = 12;  // "UNIRAST\0" + u32 BE page count
constexpr int UrfPageHeaderSize = 32;

DocumentInfo failure(const QString& error)
{
    DocumentInfo info;
    info.error = error;
    return info;
}

DocumentInfo lockedPdf()
{
    DocumentInfo locked = failure(PdfPageTree::refusal(PdfPageTree::End::Locked));
    locked.encrypted = true;
    return locked;
}

DocumentInfo tooManyPages()
{
    qCInfo(lcIngest) << "Document refused: more than" << PdfPageTree::MaxPages << "pages";
    DocumentInfo info = failure(PdfPageTree::refusal(PdfPageTree::End::TooManyPages));
    info.tooManyPages = true;
    return info;
}

QString unsupportedFormatError()
{
    return DocumentInspector::tr(
        "The document format is not supported. Print a PDF, JPEG or PWG raster file.");
}

Format formatFromMimeType(const QString& mimeType)
{
    const QString type = mimeType.section(QLatin1Char(';'), 0, 0).trimmed().toLower();
    if (type.isEmpty() || type == QLatin1String("application/octet-stream"))
        return Format::Detect;
    if (type == QLatin1String("application/pdf"))
        return Format::Pdf;
    if (type == QLatin1String("image/pwg-raster"))
        return Format::PwgRaster;
    if (type == QLatin1String("image/urf"))
        return Format::Urf;
    if (type == QLatin1String("image/jpeg"))
        return Format::Jpeg;
    return Format::Unknown;
}

Format formatFromMagic(const QByteArray& head)
{
    if (head.startsWith("RaS2"))
        return Format::PwgRaster;
    if (head.startsWith(QByteArray(UrfMagic, sizeof(UrfMagic))))
        return Format::Urf;
    if (head.startsWith("\xFF\xD8\xFF"))
        return Format::Jpeg;
    // PDF readers accept a header anywhere in the first kilobyte (PJL or mail prologues). Searched in
    // place: a copy of the head (left()) would be freed unwiped.
    const qsizetype pdf = head.indexOf("%PDF-");
    if (pdf >= 0 && pdf + 5 <= 1024)
        return Format::Pdf;
    return Format::Unknown;
}

// Reads the first `len` bytes of the document and rewinds, or returns a null array on a read error.
QByteArray readHead(QIODevice* device, qint64 len)
{
    if (!device->seek(0))
        return {};
    QByteArray head(static_cast<qsizetype>(len), Qt::Uninitialized);
    qint64 got = 0;
    while (got < len) {
        const qint64 n = device->read(head.data() + got, len - got);
        if (n < 0)
            return {};
        if (n == 0)
            break;
        got += n;
    }
    head.truncate(static_cast<qsizetype>(got));
    if (!device->seek(0))
        return {};
    if (head.isNull())
        head = QByteArray(""); // empty but not null: "read fine, nothing there"
    return head;
}

bool hasColour(const QImage& image)
{
    if (image.isGrayscale())
        return false;
    const QImage rgb = image.convertToFormat(QImage::Format_RGB32);
    for (int y = 0; y < rgb.height(); ++y) {
        const QRgb* line = reinterpret_cast<const QRgb*>(rgb.constScanLine(y));
        for (int x = 0; x < rgb.width(); ++x) {
            const int r = qRed(line[x]), g = qGreen(line[x]), b = qBlue(line[x]);
            if (std::abs(r - g) > GreyTolerance || std::abs(g - b) > GreyTolerance ||
                std::abs(r - b) > GreyTolerance)
                return true;
        }
    }
    return false;
}

// The thumbnail size for a page of physical size `w` x `h` (any unit): longest side ThumbnailSize.
QSize thumbnailSize(double w, double h)
{
    const int n = DocumentInspector::ThumbnailSize;
    if (w >= h)
        return {n, std::max(1, static_cast<int>(std::lround(n * h / w)))};
    return {std::max(1, static_cast<int>(std::lround(n * w / h))), n};
}

// Qt's PNG "quality" 80 is zlib level 1 ((100 - quality) * 9 / 91): a thumbnail is encoded once per
// job on the server's CPU, where the default level 6 took a quarter of a one-page job's render.
constexpr int PngQuality = 80;

QByteArray toPng(const QImage& image)
{
    QByteArray png;
    QBuffer buffer(&png);
    buffer.open(QIODevice::WriteOnly);
    if (!image.save(&buffer, "PNG", PngQuality))
        return {};
    return png;
}

// Scales a rendered page to exactly the thumbnail size and stores it as PNG; `colour` is what
// hasColour(page) said.
void setThumbnail(DocumentInfo& info, const QImage& page, double widthPt, double heightPt, bool colour)
{
    if (page.isNull())
        return;
    const QSize size = thumbnailSize(widthPt, heightPt);
    // Each picture of the page made on the way is wiped when it is freed.
    QImage scaled =
        page.size() != size ? page.scaled(size, Qt::IgnoreAspectRatio, Qt::SmoothTransformation) : QImage();
    const WipeImageOnExit wipeScaled(scaled);
    const QImage& thumb = scaled.isNull() ? page : scaled;
    // A page in shades of grey is stored as one: a third of the bytes to filter, compress and send.
    QImage grey = thumb.format() != QImage::Format_Grayscale8 && !colour
                      ? thumb.convertToFormat(QImage::Format_Grayscale8)
                      : QImage();
    const WipeImageOnExit wipeGrey(grey);
    info.thumbnailPng = toPng(grey.isNull() ? thumb : grey);
}

// ---------------------------------------------------------------------------------------------------------
// PDF

/// poppler-qt creates Poppler's global parameters (encoding tables, font directories) when the first
/// Document of the process opens and frees them when the last one closes: with one upload at a time that
/// is once per document, ~0.8 ms of CPU per one-page job (12 % of the server's samples while ingesting,
/// issue 14 section 4). One tiny document held for the life of the process keeps them (never freed:
/// no work at exit).
void keepPopplerGlobals()
{
    static const Poppler::Document* const keeper = [] {
        QByteArray pdf("%PDF-1.4\n");
        const qsizetype catalog = pdf.size();
        pdf += "1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n";
        const qsizetype pages = pdf.size();
        pdf += "2 0 obj\n<< /Type /Pages /Kids [] /Count 0 >>\nendobj\n";
        const qsizetype xref = pdf.size();
        pdf += QStringLiteral("xref\n0 3\n0000000000 65535 f \n%1 00000 n \n%2 00000 n \n")
                   .arg(catalog, 10, 10, QLatin1Char('0'))
                   .arg(pages, 10, 10, QLatin1Char('0'))
                   .toLatin1();
        pdf += "trailer\n<< /Size 3 /Root 1 0 R >>\nstartxref\n" + QByteArray::number(xref) + "\n%%EOF\n";
        return Poppler::Document::loadFromData(pdf).release();
    }();
    (void)keeper;
}

/// Walks the PDF's page tree with qpdf before Poppler does (PdfPageTree): a failure() when Poppler's walk
/// would be unbounded or the document has too many pages, else ok with the pages Poppler would find and,
/// when `colour` is given, page 1's colour read from its content (PdfColour) on the same qpdf document.
DocumentInfo checkPageTree(QIODevice* device, PdfPageTree::Result* tree, PdfColour::Verdict* colour)
{
    *tree = PdfPageTree::check(device, colour);
    switch (tree->end) {
    case PdfPageTree::End::Done: {
        DocumentInfo info;
        info.ok = true;
        return info;
    }
    case PdfPageTree::End::TooManyPages:
        return tooManyPages();
    case PdfPageTree::End::Locked:
        return lockedPdf();
    case PdfPageTree::End::TooDeep:
    case PdfPageTree::End::TooMuchWork:
        qCInfo(lcIngest) << "PDF refused: its page tree is"
                         << (tree->end == PdfPageTree::End::TooDeep ? "nested deeper than"
                                                                    : "costlier to walk than")
                         << "the limit";
        break;
    case PdfPageTree::End::TooMuchData:
    case PdfPageTree::End::TooCostly:
    case PdfPageTree::End::Walking:
    case PdfPageTree::End::Unreadable:
        break;
    }
    return failure(PdfPageTree::refusal(tree->end));
}

DocumentInfo inspectPdf(QIODevice* device, bool render)
{
    // One of the read slots for all of it, Poppler's opening too (the check below takes no second one):
    // Poppler sizes its object table from the file, ~40 bytes an entry up to PdfTableScan::MaxEntries,
    // so a 4 KB upload could cost it 80 to 160 MB, and 16 of them at once took the server to 1.2 GB.
    // The slot is given back after Poppler's document is gone (declared first, destroyed last).
    const PdfPageTree::ReadSlot slot;
    // The page tree first: Poppler believes its /Count and walks it without bounds.
    PdfPageTree::Result tree;
    PdfColour::Verdict colour = PdfColour::Verdict::Unknown;
    if (DocumentInfo checked = checkPageTree(device, &tree, render ? nullptr : &colour); !checked.ok)
        return checked;
    if (!device->seek(0))
        return failure(DocumentInspector::tr("The document could not be read."));

    keepPopplerGlobals();
    // Poppler reads the device on demand; the document is never copied into memory.
    std::unique_ptr<Poppler::Document> doc = Poppler::Document::load(device);
    if (!doc)
        return failure(DocumentInspector::tr("The document is not a valid PDF file."));
    if (doc->isLocked())
        return lockedPdf();

    // numPages() is the tree's /Count; when the walk found other pages, count those Poppler loads (its
    // walk goes no further than the check's did).
    const int declared = doc->numPages();
    const int pages = declared == tree.popplerPages ? declared : PdfPageTree::loadablePages(*doc);
    if (pages != declared)
        qCInfo(lcIngest) << "PDF declares" << declared << "pages; counting the" << pages
                         << "that can be read";
    if (pages > PdfPageTree::MaxPages)
        return tooManyPages();
    if (pages <= 0)
        return failure(DocumentInspector::tr("The PDF file has no pages."));
    std::unique_ptr<Poppler::Page> page = doc->page(0);
    if (!page)
        return failure(DocumentInspector::tr("The document is not a valid PDF file."));
    const QSizeF size = page->pageSizeF();
    if (!(size.width() > 0) || !(size.height() > 0) || !std::isfinite(size.width()) ||
        !std::isfinite(size.height()))
        return failure(DocumentInspector::tr("The document is not a valid PDF file."));

    DocumentInfo info;
    info.ok = true;
    info.pages = pages;
    info.widthPt = size.width();
    info.heightPt = size.height();
    info.pageSize = DocumentInspector::pwgMediaName(info.widthPt, info.heightPt);
    info.contentColour = colour;
    if (!render)
        return info;

    // Render page 1 at the resolution that makes its longest side the thumbnail size.
    doc->setRenderHint(Poppler::Document::Antialiasing);
    doc->setRenderHint(Poppler::Document::TextAntialiasing);
    const double dpi = DocumentInspector::ThumbnailSize * 72.0 / std::max(info.widthPt, info.heightPt);
    QImage image = page->renderToImage(dpi, dpi);
    const WipeImageOnExit wipeRendered(image);
    if (image.isNull()) {
        qCWarning(lcIngest) << "PDF page 1 could not be rendered for the thumbnail";
        return info;
    }
    info.color = hasColour(image);
    setThumbnail(info, image, info.widthPt, info.heightPt, info.color);
    return info;
}

// ---------------------------------------------------------------------------------------------------------
// PWG raster and Apple raster (URF): both decoded by libcups, one line at a time.

struct RasterSource
{
    QIODevice* device = nullptr;
    bool eof = false;
    bool error = false;
};

ssize_t readRaster(void* ctx, unsigned char* buffer, size_t length)
{
    auto* source = static_cast<RasterSource*>(ctx);
    const qint64 want = static_cast<qint64>(std::min<size_t>(length, 1U << 30));
    const qint64 n = source->device->read(reinterpret_cast<char*>(buffer), want);
    if (n < 0) {
        source->error = true;
        return -1;
    }
    if (n == 0)
        source->eof = true;
    return static_cast<ssize_t>(n);
}

struct RasterCloser
{
    void operator()(cups_raster_t* raster) const { cupsRasterClose(raster); }
};
using RasterPtr = std::unique_ptr<cups_raster_t, RasterCloser>;

// Reads an enum field of a page header as the number it holds: the header comes from the document, so
// the value may be outside the enum, and loading it as the enum type would be undefined behaviour.
template <typename Enum> unsigned rawValue(const Enum& field)
{
    static_assert(sizeof(Enum) == sizeof(unsigned));
    unsigned value = 0;
    std::memcpy(&value, &field, sizeof(value));
    return value;
}

bool isGreySpace(unsigned space)
{
    switch (space) {
    case CUPS_CSPACE_W:
    case CUPS_CSPACE_K:
    case CUPS_CSPACE_SW:
    case CUPS_CSPACE_WHITE:
    case CUPS_CSPACE_GOLD:
    case CUPS_CSPACE_SILVER:
        return true;
    default:
        return false;
    }
}

bool headerIsSane(const cups_page_header2_t& h)
{
    if (h.cupsWidth == 0 || h.cupsHeight == 0 || h.HWResolution[0] == 0 || h.HWResolution[1] == 0)
        return false;
    if (h.cupsBitsPerPixel == 0 || h.cupsBitsPerPixel > 240 || h.cupsBytesPerLine == 0)
        return false;
    if (rawValue(h.cupsColorOrder) != CUPS_ORDER_CHUNKED) // PWG 5102.4 and URF are always chunky
        return false;
    const quint64 bytesPerLine = (quint64{h.cupsWidth} * h.cupsBitsPerPixel + 7) / 8;
    if (bytesPerLine != h.cupsBytesPerLine || bytesPerLine > MaxBytesPerLine)
        return false;
    return bytesPerLine * h.cupsHeight <= MaxBytesPerPage;
}

/// Box-filters raster lines into a thumbnail as they stream past, so page 1 never sits in memory.
class RasterThumbnailer
{
public:
    /// Prepares for a page; returns false for pixel layouts the thumbnail does not decode.
    bool begin(const cups_page_header2_t& h)
    {
        m_space = rawValue(h.cupsColorSpace);
        m_bitsPerColor = h.cupsBitsPerColor;
        m_colors = h.cupsNumColors;
        const bool greyOk =
            (m_space == CUPS_CSPACE_W || m_space == CUPS_CSPACE_SW || m_space == CUPS_CSPACE_K) &&
            m_colors == 1;
        const bool rgbOk =
            (m_space == CUPS_CSPACE_RGB || m_space == CUPS_CSPACE_SRGB || m_space == CUPS_CSPACE_ADOBERGB) &&
            m_colors == 3;
        const bool cmykOk = m_space == CUPS_CSPACE_CMYK && m_colors == 4;
        const bool depthOk = m_bitsPerColor == 8 || m_bitsPerColor == 16 || (m_bitsPerColor == 1 && greyOk);
        if (!(greyOk || rgbOk || cmykOk) || !depthOk || h.cupsBitsPerPixel != m_bitsPerColor * m_colors)
            return false;

        m_width = h.cupsWidth;
        m_height = h.cupsHeight;
        m_target =
            thumbnailSize(double(h.cupsWidth) / h.HWResolution[0], double(h.cupsHeight) / h.HWResolution[1]);
        // Accumulate at no more than the raster's own size; tiny rasters are scaled up at the end.
        m_image =
            QImage(static_cast<int>(std::min<quint64>(m_target.width(), m_width)),
                   static_cast<int>(std::min<quint64>(m_target.height(), m_height)), QImage::Format_RGB32);
        m_image.fill(Qt::white);
        m_sums.assign(static_cast<size_t>(m_image.width()) * 3, 0);
        m_counts.assign(static_cast<size_t>(m_image.width()), 0);
        m_row = 0;
        m_y = 0;
        return true;
    }

    /// Adds the next line of the page.
    void addLine(const unsigned char* line)
    {
        const quint64 outWidth = static_cast<quint64>(m_image.width());
        const int row = static_cast<int>(m_y * static_cast<quint64>(m_image.height()) / m_height);
        if (row != m_row) {
            flushRow();
            m_row = row;
        }
        for (quint64 x = 0; x < m_width; ++x) {
            const size_t column = static_cast<size_t>(x * outWidth / m_width);
            int r = 0, g = 0, b = 0;
            pixel(line, x, r, g, b);
            m_sums[column * 3] += static_cast<quint64>(r);
            m_sums[column * 3 + 1] += static_cast<quint64>(g);
            m_sums[column * 3 + 2] += static_cast<quint64>(b);
            ++m_counts[column];
        }
        ++m_y;
    }

    /// Returns the finished thumbnail at its target size.
    QImage finish()
    {
        flushRow();
        if (m_image.size() != m_target)
            return m_image.scaled(m_target, Qt::IgnoreAspectRatio, Qt::SmoothTransformation);
        return m_image;
    }

private:
    int channel(const unsigned char* line, quint64 index) const
    {
        if (m_bitsPerColor == 8)
            return line[index];
        quint16 value = 0; // libcups hands 16-bit samples over in host byte order
        std::memcpy(&value, line + index * 2, sizeof(value));
        return value >> 8;
    }

    void pixel(const unsigned char* line, quint64 x, int& r, int& g, int& b) const
    {
        if (m_colors == 1) {
            int v = 0;
            if (m_bitsPerColor == 1)
                v = ((line[x >> 3] >> (7 - (x & 7))) & 1) ? 255 : 0;
            else
                v = channel(line, x);
            if (m_space == CUPS_CSPACE_K)
                v = 255 - v;
            r = g = b = v;
        } else if (m_colors == 3) {
            r = channel(line, x * 3);
            g = channel(line, x * 3 + 1);
            b = channel(line, x * 3 + 2);
        } else {
            const int c = channel(line, x * 4), m = channel(line, x * 4 + 1), y = channel(line, x * 4 + 2),
                      k = channel(line, x * 4 + 3);
            r = (255 - c) * (255 - k) / 255;
            g = (255 - m) * (255 - k) / 255;
            b = (255 - y) * (255 - k) / 255;
        }
    }

    void flushRow()
    {
        if (m_row >= m_image.height())
            return;
        QRgb* out = reinterpret_cast<QRgb*>(m_image.scanLine(m_row));
        for (int x = 0; x < m_image.width(); ++x) {
            const size_t i = static_cast<size_t>(x);
            const quint64 n = m_counts[i];
            if (n == 0)
                continue;
            out[x] = qRgb(static_cast<int>(m_sums[i * 3] / n), static_cast<int>(m_sums[i * 3 + 1] / n),
                          static_cast<int>(m_sums[i * 3 + 2] / n));
        }
        std::fill(m_sums.begin(), m_sums.end(), 0);
        std::fill(m_counts.begin(), m_counts.end(), 0);
    }

    unsigned m_space = 0;
    unsigned m_bitsPerColor = 0;
    unsigned m_colors = 0;
    quint64 m_width = 0;
    quint64 m_height = 0;
    quint64 m_y = 0;
    int m_row = 0;
    QSize m_target;
    QImage m_image;
    std::vector<quint64> m_sums;
    std::vector<quint64> m_counts;
};

quint32 bigEndian32(const unsigned char* p)
{
    return (quint32{p[0]} << 24) | (quint32{p[1]} << 16) | (quint32{p[2]} << 8) | quint32{p[3]};
}

// Checks the URF file header and first page header (layout as libcups reads it: bits per pixel,
// colour space, duplex, quality, media type, input slot, 6 reserved bytes, then width, height and
// resolution as u32 BE, then 8 reserved bytes). Returns the declared page count, or -1 when invalid.
qint64 checkUrfHeaders(const QByteArray& head)
{
    if (head.size() < UrfFileHeaderSize + UrfPageHeaderSize ||
        !head.startsWith(QByteArray(UrfMagic, sizeof(UrfMagic))))
        return -1;
    const auto* file = reinterpret_cast<const unsigned char*>(head.constData());
    const unsigned char* page = file + UrfFileHeaderSize;
    const unsigned bitsPerPixel = page[0];
    const unsigned colorSpace = page[1];
    const bool bppOk = bitsPerPixel == 8 || bitsPerPixel == 16 || bitsPerPixel == 24 || bitsPerPixel == 32 ||
                       bitsPerPixel == 48 || bitsPerPixel == 64;
    if (!bppOk || colorSpace > 6) // sGray, sRGB, CIELab, AdobeRGB, Gray, RGB, CMYK
        return -1;
    if (bigEndian32(page + 12) == 0 || bigEndian32(page + 16) == 0 || bigEndian32(page + 20) == 0)
        return -1;
    return bigEndian32(file + 8);
}

// Checks the first PWG page header's line length before libcups sees it: cupsRasterReadHeader2 allocates
// a line buffer of cupsBytesPerLine bytes (up to 4 GiB) before our own headerIsSane() could refuse it
// (found by fuzz_document_inspector). Offsets per PWG 5102.4, after the 4-byte sync word.
bool pwgFirstLineLengthIsSane(const QByteArray& head)
{
    constexpr int Sync = 4, Width = Sync + 372, BitsPerPixel = Sync + 388, BytesPerLine = Sync + 392;
    if (head.size() < BytesPerLine + 4)
        return true; // too short to hold a whole header: libcups refuses it without allocating
    const auto* h = reinterpret_cast<const unsigned char*>(head.constData());
    const quint64 bytesPerLine = bigEndian32(h + BytesPerLine);
    const quint64 expected = (quint64{bigEndian32(h + Width)} * bigEndian32(h + BitsPerPixel) + 7) / 8;
    return bytesPerLine != 0 && bytesPerLine <= MaxBytesPerLine && bytesPerLine == expected;
}

DocumentInfo inspectRaster(QIODevice* device, Format format, const QByteArray& head)
{
    const QString invalid =
        format == Format::Urf ? DocumentInspector::tr("The document is not a valid Apple raster (URF) file.")
                              : DocumentInspector::tr("The document is not a valid PWG raster file.");
    const QString damaged =
        DocumentInspector::tr("The raster document is incomplete or damaged. Print it again.");

    qint64 declaredPages = -1;
    if (format == Format::Urf) {
        declaredPages = checkUrfHeaders(head);
        if (declaredPages < 0)
            return failure(invalid);
    } else if (!head.startsWith(PwgSync) || !pwgFirstLineLengthIsSane(head)) {
        return failure(invalid);
    }

    RasterSource source{device};
    RasterPtr raster(cupsRasterOpenIO(readRaster, &source, CUPS_RASTER_READ));
    if (!raster)
        return failure(source.error ? DocumentInspector::tr("The document could not be read.") : invalid);

    DocumentInfo info;
    std::vector<unsigned char> line;
    RasterThumbnailer thumbnailer;
    quint64 decoded = 0;
    for (;;) {
        cups_page_header2_t header;
        std::memset(&header, 0, sizeof(header));
        if (!cupsRasterReadHeader2(raster.get(), &header)) {
            if (source.error)
                return failure(DocumentInspector::tr("The document could not be read."));
            if (!source.eof) // a header that libcups rejected, not the end of the stream
                return failure(info.pages == 0 ? invalid : damaged);
            break;
        }
        if (!headerIsSane(header))
            return failure(info.pages == 0 ? invalid : damaged);
        decoded += quint64{header.cupsBytesPerLine} * header.cupsHeight;
        if (decoded > MaxDecodedBytesPerDocument) {
            qCInfo(lcIngest) << "Raster page" << info.pages + 1 << "would take the decoded lines past"
                             << MaxDecodedBytesPerDocument << "bytes";
            DocumentInfo over =
                failure(DocumentInspector::tr("The raster document holds more pixels than "
                                              "the server accepts (%1 GB once decoded). Print "
                                              "it in parts, or at a lower resolution.")
                            .arg(MaxDecodedBytesPerDocument >> 30));
            over.tooLarge = true;
            return over;
        }

        const bool first = info.pages == 0;
        bool thumbnail = false;
        if (first) {
            info.widthPt = header.cupsWidth * 72.0 / header.HWResolution[0];
            info.heightPt = header.cupsHeight * 72.0 / header.HWResolution[1];
            info.pageSize = DocumentInspector::pwgMediaName(info.widthPt, info.heightPt);
            info.color = header.cupsNumColors > 1 && !isGreySpace(rawValue(header.cupsColorSpace));
            const quint64 pixels = quint64{header.cupsWidth} * header.cupsHeight;
            if (pixels > MaxThumbnailPixels)
                qCInfo(lcIngest) << "No thumbnail for a raster page of" << pixels << "pixels";
            else {
                thumbnail = thumbnailer.begin(header);
                if (!thumbnail)
                    qCInfo(lcIngest) << "No thumbnail for raster colour space"
                                     << rawValue(header.cupsColorSpace) << "at" << header.cupsBitsPerColor
                                     << "bits";
            }
        }

        // The lines must be decoded even when unused: the next page header follows the compressed data.
        line.resize(header.cupsBytesPerLine);
        for (unsigned y = 0; y < header.cupsHeight; ++y) {
            if (cupsRasterReadPixels(raster.get(), line.data(), header.cupsBytesPerLine) !=
                header.cupsBytesPerLine)
                return failure(source.error ? DocumentInspector::tr("The document could not be read.")
                                            : damaged);
            if (thumbnail)
                thumbnailer.addLine(line.data());
        }
        if (thumbnail) {
            const QImage page = thumbnailer.finish();
            setThumbnail(info, page, info.widthPt, info.heightPt, hasColour(page));
        }
        if (++info.pages > PdfPageTree::MaxPages)
            return tooManyPages();
    }

    if (info.pages == 0) // a stream that ends right after its file header holds nothing to print
        return failure(invalid);
    if (declaredPages > 0 && declaredPages != info.pages)
        qCInfo(lcIngest) << "URF header declares" << declaredPages << "pages but" << info.pages
                         << "were found; using the pages found";
    info.ok = true;
    return info;
}

// ---------------------------------------------------------------------------------------------------------
// JPEG

// The JFIF density (APP0 "JFIF": units, X and Y density) of the JPEG whose first bytes are `head`, as
// dots per metre; {0, 0} when it declares none. Read from the header, so no pixel is decoded.
QPair<int, int> jfifDotsPerMeter(const QByteArray& head)
{
    if (head.size() < 18 || !head.startsWith("\xFF\xD8\xFF\xE0") || head.mid(6, 5) != QByteArray("JFIF\0", 5))
        return {0, 0};
    const auto* b = reinterpret_cast<const unsigned char*>(head.constData());
    const int units = b[13];
    const int x = (b[14] << 8) | b[15], y = (b[16] << 8) | b[17];
    if (x <= 0 || y <= 0)
        return {0, 0};
    if (units == 1) // dots per inch
        return {qRound(x / 0.0254), qRound(y / 0.0254)};
    if (units == 2) // dots per centimetre
        return {x * 100, y * 100};
    return {0, 0};
}

/// Sets up a reader made as `QImageReader reader(device, "jpeg")` to decode with Qt's JPEG plugin
/// (libjpeg) only: bytes that are not a JPEG fail there (no size) instead of being offered to every
/// image plugin Qt has (SVG, GIF, ICO, ...) to recognise, so an upload taken for a JPEG never reaches
/// another image parser.
void readJpegOnly(QImageReader& reader)
{
    reader.setAutoDetectImageFormat(false);
    reader.setDecideFormatFromContent(false);
    reader.setAutoTransform(true);
}

DocumentInfo inspectJpeg(QIODevice* device, bool render)
{
    const QString invalid = DocumentInspector::tr("The document is not a valid JPEG image.");
    // Every JPEG starts with a start-of-image marker; anything else is refused before libjpeg sees it
    // (and logs its first bytes).
    if (!device->peek(3).startsWith("\xFF\xD8\xFF"))
        return failure(invalid);
    QImageReader reader(device, "jpeg");
    readJpegOnly(reader);
    const QSize stored = reader.size();
    if (stored.isEmpty())
        return failure(invalid);

    // Let libjpeg decode at a reduced scale, so the full-size image is never in memory.
    const QSize thumbStored = thumbnailSize(stored.width(), stored.height());
    reader.setScaledSize(thumbStored);
    // Without rendering, the density is all that is read (from the header).
    const QImage image = render ? reader.read() : QImage();
    if (render && image.isNull())
        return failure(invalid);

    const bool rotated = reader.transformation() & QImageIOHandler::TransformationRotate90;
    const QSize pixels = rotated ? stored.transposed() : stored;

    // A JPEG has no page size; use its declared resolution (JFIF density), else assume 300 dpi. Qt
    // leaves an image without a density at QImage's default, which is how "none" is recognised.
    const int defaultDpm = QImage(1, 1, QImage::Format_RGB32).dotsPerMeterX();
    double dpiX = 300, dpiY = 300;
    QPair<int, int> dpm{image.dotsPerMeterX(), image.dotsPerMeterY()};
    if (!render) {
        QByteArray head = readHead(device, 32);
        const WipeBytesOnExit wipeHead(head);
        dpm = jfifDotsPerMeter(head);
    }
    if (dpm.first != defaultDpm && dpm.first > 0 && dpm.second > 0) {
        dpiX = dpm.first * 0.0254;
        dpiY = dpm.second * 0.0254;
        if (rotated)
            std::swap(dpiX, dpiY);
    }

    DocumentInfo info;
    info.ok = true;
    info.pages = 1;
    info.widthPt = pixels.width() * 72.0 / dpiX;
    info.heightPt = pixels.height() * 72.0 / dpiY;
    info.pageSize = DocumentInspector::pwgMediaName(info.widthPt, info.heightPt);
    if (!render)
        return info;
    info.color = hasColour(image);
    setThumbnail(info, image, pixels.width(), pixels.height(), info.color);
    return info;
}

} // namespace

DocumentInfo DocumentInspector::inspect(QIODevice* device, const QString& mimeType, bool render,
                                        qint64 pdfTableEntries)
{
    if (!device || !device->isReadable())
        return failure(tr("The document could not be read."));

    // Enough for every magic number, including a PDF header after a short prologue, both URF headers and
    // the first PWG page header.
    QByteArray head = readHead(device, 2048);
    const WipeBytesOnExit wipeHead(head); // the document's first bytes: plaintext
    if (head.isNull()) {
        qCWarning(lcIngest) << "Reading the document failed:" << device->errorString();
        return failure(tr("The document could not be read."));
    }
    if (head.isEmpty())
        return failure(tr("The document is empty."));

    Format format = formatFromMimeType(mimeType);
    if (format == Format::Detect)
        format = formatFromMagic(head);

    DocumentInfo info;
    switch (format) {
    case Format::Pdf: {
        // Poppler sizes its object table from numbers in the file: a small file can ask for gigabytes.
        const qint64 table = pdfTableEntries >= 0 ? pdfTableEntries : PdfTableScan::scan(device);
        if (table > PdfTableScan::MaxEntries) {
            qCInfo(lcIngest).noquote() << "PDF refused: it asks for an object table of" << table
                                       << "entries (limit" << PdfTableScan::MaxEntries << ")";
            return failure(tr("The PDF file declares more objects than this server reads (%L1). Save it "
                              "again as a new PDF and print that.")
                               .arg(PdfTableScan::MaxEntries));
        }
        info = inspectPdf(device, render);
        break;
    }
    case Format::PwgRaster:
    case Format::Urf:
        info = inspectRaster(device, format, head);
        break;
    case Format::Jpeg:
        info = inspectJpeg(device, render);
        break;
    case Format::Unknown:
    case Format::Detect:
        info = failure(unsupportedFormatError());
        break;
    }

    if (info.ok)
        qCDebug(lcIngest) << "Inspected" << mimeType << "document:" << info.pages << "pages," << info.pageSize
                          << (info.color ? "colour" : "grey");
    else
        qCInfo(lcIngest) << "Rejected" << mimeType << "document:" << info.error;
    return info;
}

QString DocumentInspector::pwgMediaName(double widthPt, double heightPt)
{
    if (!(widthPt > 0) || !(heightPt > 0) || !std::isfinite(widthPt) || !std::isfinite(heightPt))
        return {};
    // PWG names are portrait; a landscape page is the same sheet turned.
    const double shortPt = std::min(widthPt, heightPt);
    const double longPt = std::max(widthPt, heightPt);
    constexpr double MaxHundredthsMm = 100000000.0; // 1 km: nothing real, but keeps the int in range
    const double w = std::min(std::round(shortPt * 2540.0 / 72.0), MaxHundredthsMm);
    const double l = std::min(std::round(longPt * 2540.0 / 72.0), MaxHundredthsMm);
    const int width = std::max(1, static_cast<int>(w));
    const int length = std::max(1, static_cast<int>(l));

    if (const pwg_media_t* media = pwgMediaForSize(width, length); media && media->pwg)
        return QString::fromLatin1(media->pwg);

    // libcups makes up a custom name itself; this mirrors its format in case it ever does not.
    const QString dims =
        QStringLiteral("%1x%2mm").arg(width / 100.0, 0, 'g', 10).arg(length / 100.0, 0, 'g', 10);
    return QStringLiteral("custom_") + dims + QLatin1Char('_') + dims;
}

QByteArray DocumentInspector::placeholderPng(double widthPt, double heightPt)
{
    if (!(widthPt > 0) || !(heightPt > 0) || !std::isfinite(widthPt) || !std::isfinite(heightPt)) {
        widthPt = 595;
        heightPt = 842;
    }
    const QSize size = thumbnailSize(widthPt, heightPt);
    QImage image(size, QImage::Format_RGB32);
    image.fill(QColor(0xf2, 0xf2, 0xf2));
    QPainter p(&image);
    p.setRenderHint(QPainter::Antialiasing);
    p.setPen(QPen(QColor(0xb0, 0xb0, 0xb0), 2));
    p.drawRect(QRectF(1, 1, size.width() - 2, size.height() - 2));
    // A picture frame with a hill and a sun: "a page that is not shown", without words.
    const double s = std::min(size.width(), size.height()) * 0.45;
    const QRectF frame((size.width() - s) / 2, (size.height() - s) / 2, s, s * 0.8);
    p.drawRoundedRect(frame, s * 0.06, s * 0.06);
    QPainterPath hill;
    hill.moveTo(frame.left() + s * 0.08, frame.bottom() - s * 0.1);
    hill.lineTo(frame.left() + s * 0.38, frame.top() + s * 0.35);
    hill.lineTo(frame.left() + s * 0.58, frame.top() + s * 0.55);
    hill.lineTo(frame.left() + s * 0.7, frame.top() + s * 0.45);
    hill.lineTo(frame.right() - s * 0.08, frame.bottom() - s * 0.1);
    hill.closeSubpath();
    p.fillPath(hill, QColor(0xc8, 0xc8, 0xc8));
    p.setBrush(QColor(0xc8, 0xc8, 0xc8));
    p.drawEllipse(QPointF(frame.right() - s * 0.22, frame.top() + s * 0.2), s * 0.07, s * 0.07);
    p.end();
    return toPng(image);
}

DocumentInspector::Rendering DocumentInspector::render(QIODevice* device, const QString& mimeType,
                                                       double widthPt, double heightPt,
                                                       const RenderBudget& budget, bool tableChecked)
{
    Rendering out;
    auto placeholder = [&](const QString& why) {
        out.placeholder = true;
        out.why = why;
        out.color = true; // not known: never priced below what it may be
        out.thumbnailPng = placeholderPng(widthPt, heightPt);
        return out;
    };
    if (!device || !device->seek(0))
        return placeholder(QStringLiteral("the document could not be read"));
    Format format = formatFromMimeType(mimeType);
    if (format == Format::Detect) {
        QByteArray head = readHead(device, 1024);
        const WipeBytesOnExit wipeHead(head);
        format = formatFromMagic(head);
    }

    if (format == Format::Jpeg) {
        QImageReader reader(device, "jpeg");
        readJpegOnly(reader);
        const QSize stored = reader.size();
        if (stored.isEmpty())
            return placeholder(QStringLiteral("the JPEG has no size"));
        const qint64 pixels = qint64(stored.width()) * stored.height();
        if (pixels > budget.maxImagePixels)
            return placeholder(QStringLiteral("the JPEG has %1 megapixels (budget %2)")
                                   .arg(pixels / 1000000)
                                   .arg(budget.maxImagePixels / 1000000));
        reader.setScaledSize(thumbnailSize(stored.width(), stored.height()));
        const QImage image = reader.read();
        if (image.isNull())
            return placeholder(QStringLiteral("the JPEG could not be decoded"));
        const bool rotated = reader.transformation() & QImageIOHandler::TransformationRotate90;
        const QSize px = rotated ? stored.transposed() : stored;
        out.color = hasColour(image);
        DocumentInfo info;
        setThumbnail(info, image, px.width(), px.height(), out.color);
        out.thumbnailPng = info.thumbnailPng;
        return out;
    }
    if (format != Format::Pdf)
        return placeholder(QStringLiteral("not a PDF or JPEG"));

    const double dpi = ThumbnailSize * 72.0 / std::max(widthPt, heightPt);
    if (const qint64 table = tableChecked ? 0 : PdfTableScan::scan(device);
        table > PdfTableScan::MaxEntries || table < 0)
        return placeholder(QStringLiteral("the PDF asks for an object table of %1 entries (limit %2)")
                               .arg(table)
                               .arg(PdfTableScan::MaxEntries));
    {
        // What page 1 would cost, read from its resources before Poppler touches it.
        PdfPageCost costs(device);
        if (!tableChecked) {
            // Stored by an older server: its page tree was not checked either (PdfPageTree).
            if (const PdfPageTree::Result tree = costs.checkTree(); !tree.ok())
                return placeholder(
                    QStringLiteral("Poppler could not walk the PDF's page tree within the limits"));
        }
        const RenderBudget::PageCost cost = costs.page(0);
        if (costs.exceeded())
            return placeholder(QStringLiteral("qpdf would take more than %1 MiB or %2 s to read page 1")
                                   .arg(PdfPageTree::MaxMemory / (1024 * 1024))
                                   .arg(PdfPageTree::MaxSeconds));
        switch (budget.check(cost, widthPt, heightPt, dpi)) {
        case RenderBudget::Verdict::Fits:
            break;
        case RenderBudget::Verdict::TooManyImagePixels:
            return placeholder(QStringLiteral("page 1 draws %1 megapixels of images (budget %2)")
                                   .arg(cost.imagePixels / 1000000)
                                   .arg(budget.maxImagePixels / 1000000));
        case RenderBudget::Verdict::TooManyOutputPixels:
            return placeholder(QStringLiteral("page 1 is too large to render"));
        }
    }
    if (!device->seek(0))
        return placeholder(QStringLiteral("the document could not be read"));
    keepPopplerGlobals();
    std::unique_ptr<Poppler::Document> doc = Poppler::Document::load(device);
    if (!doc || doc->isLocked())
        return placeholder(QStringLiteral("the PDF could not be opened"));
    std::unique_ptr<Poppler::Page> page = doc->page(0);
    if (!page)
        return placeholder(QStringLiteral("page 1 could not be read"));
    // The page as Poppler sees it (turned pages included) sets the thumbnail's shape.
    const QSizeF pageSize = page->pageSizeF();
    if (pageSize.width() > 0 && pageSize.height() > 0 && std::isfinite(pageSize.width()) &&
        std::isfinite(pageSize.height())) {
        widthPt = pageSize.width();
        heightPt = pageSize.height();
    }
    const double pageDpi = ThumbnailSize * 72.0 / std::max(widthPt, heightPt);
    if (budget.check({}, widthPt, heightPt, pageDpi) != RenderBudget::Verdict::Fits)
        return placeholder(QStringLiteral("page 1 is too large to render"));
    doc->setRenderHint(Poppler::Document::Antialiasing);
    doc->setRenderHint(Poppler::Document::TextAntialiasing);
    // Poppler asks between drawing operators whether to stop: past the deadline it does.
    const qint64 deadline = QDateTime::currentMSecsSinceEpoch() + budget.thumbnailMs;
    bool aborted = false;
    struct AbortState
    {
        qint64 deadline;
        bool* aborted;
    };
    AbortState state{deadline, &aborted};
    QImage image = page->renderToImage(
        pageDpi, pageDpi, -1, -1, -1, -1, Poppler::Page::Rotate0, nullptr, nullptr,
        [](const QVariant& closure) {
            auto* st = static_cast<AbortState*>(closure.value<void*>());
            if (QDateTime::currentMSecsSinceEpoch() <= st->deadline)
                return false;
            *st->aborted = true;
            return true;
        },
        QVariant::fromValue(static_cast<void*>(&state)));
    const WipeImageOnExit wipeRendered(image);
    if (aborted)
        return placeholder(QStringLiteral("rendering page 1 took longer than %1 ms").arg(budget.thumbnailMs));
    if (image.isNull())
        return placeholder(QStringLiteral("page 1 could not be rendered"));
    out.color = hasColour(image);
    DocumentInfo info;
    setThumbnail(info, image, widthPt, heightPt, out.color);
    out.thumbnailPng = info.thumbnailPng;
    if (out.thumbnailPng.isEmpty())
        return placeholder(QStringLiteral("the thumbnail could not be encoded"));
    return out;
}
