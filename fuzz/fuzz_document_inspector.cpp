// Fuzzes server/jobs/DocumentInspector: every document a client submits is inspected (pages, size,
// colour, thumbnail) before it is held, through Poppler for PDF and our own readers for PWG raster,
// Apple raster (URF) and JPEG. The first input byte picks the declared type (as a client's
// document-format would say it, or "detect from the content"); the rest is the document.
// Oracles: a document that is ok has at least one page and a positive size, and a refusal says why;
// PdfTableScan finds the same table size in the document fed whole and fed in small pieces.
// An input holding "%PDF-" that asks for an object table of more than FuzzTableEntries entries, but not
// more than the server refuses (PdfTableScan::MaxEntries), is not inspected: Poppler would allocate its
// table, up to 80 MB, and copy it for page 1, the same code whatever the size, and such inputs took ~80 %
// of a sanitized run's time (session 41: 53 inputs a second). The server's handling of them is tested at
// real sizes (TestPdfTableScan, test_bounded_work); the table scan's oracle below still runs on them.
#include "DocumentInspector.h"
#include "FuzzSupport.h"
#include "PdfColour.h"
#include "PdfPageTree.h"
#include "PdfTableScan.h"

#include <QBuffer>
#include <QGuiApplication>
#include <cstdlib>

extern "C" int LLVMFuzzerInitialize(int* argc, char*** argv)
{
    FuzzSupport::quietQt();
    qputenv("QT_QPA_PLATFORM", "offscreen");
    // The JPEG reader and the PNG thumbnail writer are Qt GUI image plugins: keep an application.
    static int args = 1;
    static char name[] = "fuzz_document_inspector";
    static char* names[] = {name, nullptr};
    (void)argc;
    (void)argv;
    new QGuiApplication(args, names);
    return 0;
}

namespace {
constexpr qint64 FuzzTableEntries = 65'536; // ~2.6 MB in Poppler
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    if (size < 1)
        return 0;
    static const char* const types[] = {
        "application/octet-stream", "application/pdf", "image/pwg-raster", "image/urf", "image/jpeg", ""};
    const QString mimeType = QString::fromLatin1(types[data[0] % (sizeof types / sizeof types[0])]);
    QBuffer buffer;
    buffer.setData(FuzzSupport::bytes(data + 1, size - 1));
    if (!buffer.open(QIODevice::ReadOnly))
        abort();
    PdfTableScan whole;
    whole.feed(reinterpret_cast<const char*>(data + 1), static_cast<qsizetype>(size - 1));
    whole.finish();
    const bool largeTable =
        whole.largest() > FuzzTableEntries && !whole.overLimit() && buffer.data().indexOf("%PDF-") >= 0;
    if (!largeTable) {
        const DocumentInfo info = DocumentInspector::inspect(&buffer, mimeType);
        if (info.ok) {
            if (info.pages < 1 || info.pages > PdfPageTree::MaxPages || !(info.widthPt > 0) ||
                !(info.heightPt > 0) || info.pageSize.isEmpty())
                abort();
            // Intake reads page 1's colour with qpdf when it does not render (PdfColour).
            buffer.seek(0);
            (void)PdfColour::firstPage(&buffer);
        } else if (info.error.isEmpty()) {
            abort();
        }
    }
    // PdfTableScan (which inspect() ran on the whole document) gives the same answer however the bytes
    // arrive: here in pieces of 1 to 64 bytes, sized by the input's first byte.
    PdfTableScan pieces;
    const qsizetype piece = 1 + (data[0] >> 2);
    for (std::size_t at = 1; at < size; at += static_cast<std::size_t>(piece))
        pieces.feed(reinterpret_cast<const char*>(data + at),
                    std::min<qsizetype>(piece, static_cast<qsizetype>(size - at)));
    pieces.finish();
    if (whole.largest() != pieces.largest())
        abort();
    return 0;
}
