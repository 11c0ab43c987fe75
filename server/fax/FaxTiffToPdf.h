#pragma once
#include <QByteArray>
#include <QList>
#include <QSizeF>
#include <QString>

/// A received fax made into a PDF, with what the TIFF said about the call.
struct FaxDocument
{
    QByteArray pdf;
    int pages = 0;
    QString subaddress; ///< T.30 sub-address (TIFFTAG_FAXSUBADDRESS), empty when none
    QString tsi; ///< the sender's TSI: the first line of ImageDescription (HylaFAX+ adds the CallIDs below)
    qint64 imageBytes = 0;   ///< CCITT bytes carried into the PDF (the TIFF's strips, or re-encoded)
    QList<QSizeF> pageSizes; ///< each page's size in PDF points (1/72 in)
    int reencodedPages = 0;  ///< pages that had several strips and were re-encoded as one G4 strip
};

/// Turns a received fax TIFF (CCITT G3 1-D/2-D or G4, one bit per pixel, any number of pages) into a
/// PDF without re-encoding the image data: each page's strip becomes a /CCITTFaxDecode image XObject
/// with the TIFF's parameters (K, Columns, Rows, BlackIs1, EncodedByteAlign), filling a page whose size
/// comes from the TIFF's resolution. A page stored in several strips is decoded and re-encoded as one
/// G4 strip in memory. libtiff reads, qpdf writes; nothing touches the disk.
class FaxTiffToPdf
{
public:
    /// Converts the TIFF in `tiff` into `out`. Returns false with a sentence in `error` for a TIFF that
    /// is not a fax (not CCITT-compressed bilevel), is damaged, or has no page.
    [[nodiscard]] static bool convert(const QByteArray& tiff, FaxDocument* out, QString* error);
};
