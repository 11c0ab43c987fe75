// Fuzzes server/fax/FaxTiffToPdf: a received fax TIFF (from the modem gateway, so from whoever dialled
// in) becomes a PDF through libtiff and qpdf. Oracles: a conversion that succeeds gives at least one
// page, a size per page, and a PDF that qpdf reads back with that many pages; a refusal says why.
#include "FaxTiffToPdf.h"
#include "FuzzSupport.h"

#include <cstdlib>
#include <qpdf/QPDF.hh>
#include <qpdf/QPDFPageDocumentHelper.hh>
#include <tiffio.h>

extern "C" int LLVMFuzzerInitialize(int*, char***)
{
    FuzzSupport::quietQt();
    // libtiff's default handlers print every warning of a damaged file to stderr.
    TIFFSetErrorHandler(nullptr);
    TIFFSetWarningHandler(nullptr);
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    FaxDocument doc;
    QString error;
    if (!FaxTiffToPdf::convert(FuzzSupport::bytes(data, size), &doc, &error)) {
        if (error.isEmpty())
            abort();
        return 0;
    }
    if (doc.pages < 1 || doc.pageSizes.size() != doc.pages || doc.pdf.isEmpty())
        abort();
    QPDF pdf;
    pdf.setSuppressWarnings(true);
    try {
        pdf.processMemoryFile("fax.pdf", doc.pdf.constData(), static_cast<size_t>(doc.pdf.size()));
        if (static_cast<int>(QPDFPageDocumentHelper(pdf).getAllPages().size()) != doc.pages)
            abort();
    } catch (const std::exception&) {
        abort(); // our own PDF must be readable
    }
    return 0;
}
