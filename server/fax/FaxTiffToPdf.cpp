#include "FaxTiffToPdf.h"

#include "MemoryTiff.h"
#include "PdfImagePage.h"

#include <QtGlobal>
#include <qpdf/QPDF.hh>
#include <qpdf/QPDFObjectHandle.hh>
#include <qpdf/QPDFPageDocumentHelper.hh>
#include <qpdf/QPDFWriter.hh>
#include <tiffio.h>
#include <vector>

namespace {

constexpr uint32_t MaxColumns = 10000; // the widest fax (A3, 16 pels/mm) is 4864
constexpr uint32_t MaxRows = 100000;

// One page as it goes into the PDF.
struct Page
{
    std::string ccitt;
    uint32_t columns = 0;
    uint32_t rows = 0;
    int k = -1;
    bool blackIs1 = false;
    bool byteAlign = false;
    double widthPt = 0;
    double heightPt = 0;
};

// Reads the current directory of `tif` (a file of `fileSize` bytes) as one page; false with a sentence
// in `error`.
bool readPage(TIFF* tif, qint64 fileSize, int number, Page* page, bool* reencoded, QString* error,
              const QString& libError)
{
    uint32_t columns = 0, rows = 0, g3opts = 0;
    uint16_t compression = 0, bps = 1, spp = 1, photometric = PHOTOMETRIC_MINISWHITE;
    uint16_t fillOrder = FILLORDER_MSB2LSB, resUnit = RESUNIT_INCH;
    float xres = 0, yres = 0;
    TIFFGetField(tif, TIFFTAG_IMAGEWIDTH, &columns);
    TIFFGetField(tif, TIFFTAG_IMAGELENGTH, &rows);
    TIFFGetFieldDefaulted(tif, TIFFTAG_COMPRESSION, &compression);
    TIFFGetFieldDefaulted(tif, TIFFTAG_BITSPERSAMPLE, &bps);
    TIFFGetFieldDefaulted(tif, TIFFTAG_SAMPLESPERPIXEL, &spp);
    TIFFGetField(tif, TIFFTAG_PHOTOMETRIC, &photometric);
    TIFFGetFieldDefaulted(tif, TIFFTAG_FILLORDER, &fillOrder);
    TIFFGetFieldDefaulted(tif, TIFFTAG_RESOLUTIONUNIT, &resUnit);
    TIFFGetField(tif, TIFFTAG_XRESOLUTION, &xres);
    TIFFGetField(tif, TIFFTAG_YRESOLUTION, &yres);
    if (compression != COMPRESSION_CCITTFAX3 && compression != COMPRESSION_CCITTFAX4) {
        *error = QStringLiteral("page %1 is not a fax image (TIFF compression %2, not CCITT Group 3 or 4)")
                     .arg(number)
                     .arg(compression);
        return false;
    }
    if (bps != 1 || spp != 1 ||
        (photometric != PHOTOMETRIC_MINISWHITE && photometric != PHOTOMETRIC_MINISBLACK)) {
        *error = QStringLiteral("page %1 is not a black-and-white fax image").arg(number);
        return false;
    }
    if (columns == 0 || rows == 0 || columns > MaxColumns || rows > MaxRows) {
        *error = QStringLiteral("page %1 has an impossible size for a fax (%2 x %3 pixels)")
                     .arg(number)
                     .arg(columns)
                     .arg(rows);
        return false;
    }
    if (compression == COMPRESSION_CCITTFAX3)
        TIFFGetField(tif, TIFFTAG_GROUP3OPTIONS, &g3opts);

    // Page size from the resolution; a fax TIFF without one is taken as 204 dpi across and normal
    // (98 lpi) or fine (196 lpi) down, whichever gives an A4-like height.
    double xdpi = xres, ydpi = yres;
    if (resUnit == RESUNIT_CENTIMETER) {
        xdpi *= 2.54;
        ydpi *= 2.54;
    }
    if (resUnit == RESUNIT_NONE || xdpi < 50 || xdpi > 1200)
        xdpi = 204;
    if (resUnit == RESUNIT_NONE || ydpi < 30 || ydpi > 1200)
        ydpi = rows > 1600 ? 196 : 98;
    page->columns = columns;
    page->rows = rows;
    page->blackIs1 = photometric == PHOTOMETRIC_MINISBLACK;
    page->widthPt = columns / xdpi * 72.0;
    page->heightPt = rows / ydpi * 72.0;

    const uint32_t strips = TIFFNumberOfStrips(tif);
    if (strips == 1 && !(g3opts & GROUP3OPT_UNCOMPRESSED)) {
        // The usual case: copy the CCITT bits as they are (PDF wants the most significant bit first).
        const tmsize_t size = static_cast<tmsize_t>(TIFFGetStrileByteCount(tif, 0));
        // The strip's bytes are in the file, so its length cannot be more than the file's (a damaged or
        // hostile directory may say gigabytes; nothing is allocated for that).
        if (size <= 0 || size > fileSize) {
            *error = QStringLiteral(
                         "page %1 of the fax is damaged (its image data is missing or larger than the file)")
                         .arg(number);
            return false;
        }
        page->ccitt.resize(static_cast<size_t>(size));
        if (TIFFReadRawStrip(tif, 0, page->ccitt.data(), size) != size) {
            *error = QStringLiteral("page %1 of the fax is damaged: %2").arg(number).arg(libError);
            return false;
        }
        if (fillOrder == FILLORDER_LSB2MSB)
            TIFFReverseBits(reinterpret_cast<uint8_t*>(page->ccitt.data()), size);
        page->k = compression == COMPRESSION_CCITTFAX4 ? -1 : ((g3opts & GROUP3OPT_2DENCODING) ? 4 : 0);
        page->byteAlign = compression == COMPRESSION_CCITTFAX3 && (g3opts & GROUP3OPT_FILLBITS);
        *reencoded = false;
        return true;
    }

    // Several strips (each starts its own coding) or uncompressed mode: decode the page and encode it
    // again as one G4 strip.
    const tmsize_t rowBytes = TIFFScanlineSize(tif);
    if (rowBytes != static_cast<tmsize_t>((columns + 7) / 8)) {
        *error = QStringLiteral("page %1 of the fax is damaged (bad row size)").arg(number);
        return false;
    }
    std::vector<unsigned char> bitmap(static_cast<size_t>(rowBytes) * rows, 0);
    tmsize_t filled = 0;
    for (uint32_t s = 0; s < strips; ++s) {
        const tmsize_t room = static_cast<tmsize_t>(bitmap.size()) - filled;
        if (room <= 0)
            break;
        const tmsize_t n = TIFFReadEncodedStrip(tif, s, bitmap.data() + filled, room);
        if (n < 0) {
            *error = QStringLiteral("page %1 of the fax is damaged: %2").arg(number).arg(libError);
            return false;
        }
        filled += n;
    }
    QByteArray g4;
    QString encodeError;
    if (!MemoryTiff::encodeG4(bitmap.data(), bitmap.size(), columns, rows, photometric, &g4, &encodeError)) {
        *error = QStringLiteral("cannot re-encode a fax page: %1").arg(encodeError);
        return false;
    }
    page->ccitt.assign(g4.constData(), static_cast<size_t>(g4.size()));
    page->k = -1;
    page->byteAlign = false;
    *reencoded = true;
    return true;
}

QString tagText(TIFF* tif, ttag_t tag)
{
    const char* value = nullptr;
    if (TIFFGetField(tif, tag, &value) && value)
        return QString::fromLatin1(value).trimmed();
    return QString();
}

QPDFObjectHandle pageObject(QPDF& pdf, const Page& p)
{
    QPDFObjectHandle image = pdf.newStream();
    QPDFObjectHandle dict = image.getDict();
    dict.replaceKey("/Type", QPDFObjectHandle::newName("/XObject"));
    dict.replaceKey("/Subtype", QPDFObjectHandle::newName("/Image"));
    dict.replaceKey("/Width", QPDFObjectHandle::newInteger(p.columns));
    dict.replaceKey("/Height", QPDFObjectHandle::newInteger(p.rows));
    dict.replaceKey("/ColorSpace", QPDFObjectHandle::newName("/DeviceGray"));
    dict.replaceKey("/BitsPerComponent", QPDFObjectHandle::newInteger(1));
    QPDFObjectHandle parms = QPDFObjectHandle::newDictionary();
    parms.replaceKey("/K", QPDFObjectHandle::newInteger(p.k));
    parms.replaceKey("/Columns", QPDFObjectHandle::newInteger(p.columns));
    parms.replaceKey("/Rows", QPDFObjectHandle::newInteger(p.rows));
    parms.replaceKey("/BlackIs1", QPDFObjectHandle::newBool(p.blackIs1));
    parms.replaceKey("/EncodedByteAlign", QPDFObjectHandle::newBool(p.byteAlign));
    image.replaceStreamData(p.ccitt, QPDFObjectHandle::newName("/CCITTFaxDecode"), parms);

    return PdfImagePage::make(pdf, image, p.widthPt, p.heightPt);
}

} // namespace

bool FaxTiffToPdf::convert(const QByteArray& tiff, FaxDocument* out, QString* error)
{
    *out = FaxDocument();
    if (tiff.size() < 8 || !(tiff.startsWith("II*\0") || tiff.startsWith("MM\0*"))) {
        *error = QStringLiteral("the document is not a TIFF fax image");
        return false;
    }
    MemoryTiff file(tiff);
    if (!file.open("rm", "fax")) {
        *error = QStringLiteral("the fax image cannot be read: %1").arg(file.errorString());
        return false;
    }
    TIFF* tif = file.handle();
    std::vector<Page> pages;
    int number = 0;
    do {
        ++number;
        if (number == 1) {
            // HylaFAX+ writes the TSI as the description's first line, then the CallID lines.
            out->tsi = tagText(tif, TIFFTAG_IMAGEDESCRIPTION).section(QLatin1Char('\n'), 0, 0).trimmed();
            out->subaddress = tagText(tif, TIFFTAG_FAXSUBADDRESS);
        }
        Page page;
        bool reencoded = false;
        if (!readPage(tif, tiff.size(), number, &page, &reencoded, error, file.errorString()))
            return false;
        out->imageBytes += static_cast<qint64>(page.ccitt.size());
        out->pageSizes.append(QSizeF(page.widthPt, page.heightPt));
        if (reencoded)
            ++out->reencodedPages;
        pages.push_back(std::move(page));
    } while (TIFFReadDirectory(tif));
    if (!file.errorString().isEmpty() && pages.empty()) {
        *error = QStringLiteral("the fax image cannot be read: %1").arg(file.errorString());
        return false;
    }

    try {
        QPDF pdf;
        pdf.emptyPDF();
        QPDFPageDocumentHelper helper(pdf);
        for (const Page& p : pages)
            helper.addPage(pageObject(pdf, p), false);
        QPDFWriter writer(pdf);
        writer.setOutputMemory();
        writer.setDeterministicID(true);
        writer.write();
        std::shared_ptr<Buffer> buffer = writer.getBufferSharedPointer();
        out->pdf = QByteArray(reinterpret_cast<const char*>(buffer->getBuffer()),
                              static_cast<qsizetype>(buffer->getSize()));
    } catch (const std::exception& e) {
        *error =
            QStringLiteral("the fax could not be made into a PDF: %1").arg(QString::fromLocal8Bit(e.what()));
        return false;
    }
    out->pages = static_cast<int>(pages.size());
    return true;
}
