#pragma once
#include <QByteArray>
#include <QList>
#include <QString>
#include <functional>

/// One scanned page as it goes into the PDF: its image stream, already in its final encoding.
struct ScanPdfPage
{
    enum class Encoding {
        Jpeg, ///< a baseline or progressive JPEG, embedded unchanged (/DCTDecode)
        G4    ///< CCITT Group 4, 1 = black (/CCITTFaxDecode, K -1)
    };
    Encoding encoding = Encoding::Jpeg;
    int width = 0;      ///< pixels
    int height = 0;     ///< pixels
    int components = 1; ///< JPEG: 1 (grey) or 3 (colour); G4: 1
    int dpi = 150;      ///< the scan's resolution: the page size is width / dpi inches
    qint64 bytes = 0;   ///< the stream's size
    /// Writes the stream's bytes into `write` (called once per PDF written, from the writing thread);
    /// false when they could not be read (the PDF is then not made).
    std::function<bool(const std::function<void(const char*, size_t)>& write)> data;
};

/// Assembles scanned pages into one PDF with qpdf (docs/scan.md): a page per image, sized from the
/// pixels and the resolution, colour and grey JPEGs embedded byte for byte as /DCTDecode,
/// black-and-white pages as CCITT G4. Each image is pulled from its source when the writer reaches
/// it and the PDF is pushed to a sink as it is written, so memory holds about one page, not the scan.
/// Also prepares uploaded pages: checks a JPEG and reads its size, turns a PNG into 1-bit G4.
class ScanPdfWriter
{
public:
    using Sink = std::function<bool(const char* data, qint64 len)>;

    /// Writes the PDF of `pages` (at least one) into `out`. Returns false with `error` when a page's
    /// data could not be read, the sink refused bytes or qpdf failed.
    [[nodiscard]] static bool write(const QList<ScanPdfPage>& pages, const Sink& out, QString* error);

    /// An upper bound of the PDF's size for pages whose image streams add up to `imageBytes`.
    static qint64 estimateSize(qint64 imageBytes, int pages);

    /// Reads a JPEG's frame header: fills `page` (encoding, width, height, components, bytes; not
    /// dpi or data). False with `error` for data that is not a JPEG a PDF can carry as it is
    /// (not 8-bit baseline/extended/progressive, not 1 or 3 components, damaged, or too large).
    [[nodiscard]] static bool inspectJpeg(const QByteArray& jpeg, ScanPdfPage* page, QString* error);

    /// Turns a PNG (any bit depth or colour; thresholded at half grey) into a 1-bit page encoded as
    /// CCITT G4 in `g4`; fills `page` (encoding G4, width, height, bytes). False with `error` for data
    /// that is not a readable PNG or is too large.
    [[nodiscard]] static bool pngToG4(const QByteArray& png, QByteArray* g4, ScanPdfPage* page,
                                      QString* error);

    /// The largest page accepted, in pixels on either side (a 600 dpi A3 page fits).
    static constexpr int MaxSide = 12000;
};
