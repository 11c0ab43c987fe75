#pragma once
#include "RenderBudget.h"

#include <QCoreApplication>
#include <QString>

#include <cstddef>
#include <functional>

class QIODevice;

/// How a PDF is rasterised for a printer that does not take PDF.
struct RasterOptions
{
    /// Resolution in both directions, 72 to 1200 (one of the printer's "pwg-raster-document-resolution").
    int dpi = 300;
    /// sRGB 8 bits when true, sGray 8 bits when false.
    bool color = true;
    /// IPP "sides": one-sided, two-sided-long-edge or two-sided-short-edge.
    QString sides = QStringLiteral("one-sided");
    /// Ignored: copies travel in the IPP request, pages are not repeated.
    int copies = 1;
    /// PWG media name (e.g. "iso_a4_210x297mm"); empty = the nearest standard size of each page.
    QString mediaName;
    /// The printer's "pwg-raster-document-sheet-back" (normal, flipped, rotated, manual-tumble): how back
    /// sides must be turned when printing two-sided.
    QString sheetBack = QStringLiteral("normal");
};

/// Receives the raster stream as it is produced; returns false to abort (e.g. the printer went away).
using RasterSink = std::function<bool(const char* data, size_t len)>;

/// Renders a PDF to a PWG raster stream (PWG 5102.4) a page at a time with Poppler and libcups, for
/// printers that do not accept PDF. Memory holds one rendered page, whatever the document size.
class PwgRasterWriter
{
    Q_DECLARE_TR_FUNCTIONS(PwgRasterWriter)

public:
    /// Writes the whole PWG raster stream for the PDF on `pdf` (open, readable, seekable) to `sink`.
    /// Each page is rendered at options.dpi and placed on options.mediaName (or its own size), shrunk
    /// to fit when larger and turned when its orientation differs. Returns true when every page was
    /// written; false with errorString() set when the PDF cannot be read, an option is invalid or the
    /// sink aborted.
    [[nodiscard]] bool write(QIODevice* pdf, const RasterOptions& options, const RasterSink& sink);

    /// Limits rendering: each page is rendered for at most budget.rasterPageMs (past it write() fails).
    /// The pixel limits are checked by checkBudget() before anything is sent.
    void setBudget(const RenderBudget& budget) { m_budget = budget; }

    /// Why a PDF whose object table could be too large (PdfTableScan) is not rendered.
    static QString tableTooLarge();

    /// Why a document of more than PdfPageTree::MaxPages pages is not rendered.
    static QString tooManyPages();

    /// Checks every page of the PDF on `pdf` against `budget` at `options` (resolution and media)
    /// without rendering. Returns 0 when all fit, else the first page (1-based) that does not, with a
    /// user-facing sentence in `why`; 1 for a document it does not render at all (an object table or a
    /// page tree over the limits of PdfTableScan and PdfPageTree). A page whose resources qpdf cannot
    /// read within PdfPageTree::MaxMemory and MaxSeconds does not fit. Moves the device position.
    static int checkBudget(QIODevice* pdf, const RasterOptions& options, const RenderBudget& budget,
                           QString* why);

    /// Returns how many pages went to the sink completely during the last write().
    int pagesWritten() const;

    /// Returns a user-facing sentence explaining why the last write() failed; empty after success.
    QString errorString() const;

private:
    bool fail(const QString& error);

    int m_pagesWritten = 0;
    QString m_error;
    RenderBudget m_budget;
};
