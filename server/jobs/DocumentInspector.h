#pragma once
#include "PdfColour.h"
#include "RenderBudget.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QString>

class QIODevice;

/// What the server learns about a submitted document before it is held: shown to the user,
/// charged for, and used to pick how the document is sent at release.
struct DocumentInfo
{
    bool ok = false;
    QString error;           ///< A translated sentence a user can act on when !ok.
    int pages = 0;           ///< Number of pages (impressions before copies and duplex).
    QString pageSize;        ///< PWG self-describing media name of page 1, e.g. "iso_a4_210x297mm".
    double widthPt = 0;      ///< Page 1 width in points (1/72 in).
    double heightPt = 0;     ///< Page 1 height in points.
    bool color = false;      ///< PDF/JPEG: page 1 has a non-grey pixel; raster: the colour space is colour.
    QByteArray thumbnailPng; ///< Page 1 as PNG, longest side 256 px; may be empty for odd raster types and
                             ///< for a raster page 1 of over 160 megapixels.
    bool encrypted = false;  ///< !ok because the document is protected by a password.
    bool tooLarge = false;   ///< !ok because a raster holds more pixels than the server decodes.
    bool tooManyPages = false; ///< !ok because it has more than PdfPageTree::MaxPages pages.
    /// A PDF inspected without rendering: page 1's colour as its content says (PdfColour).
    PdfColour::Verdict contentColour = PdfColour::Verdict::Unknown;
};

/// Counts, measures and thumbnails a document (PDF, PWG raster, Apple raster, JPEG) without holding
/// it in memory: PDFs are read through Poppler's QIODevice stream, rasters a line at a time.
/// Stateless; safe to call from several threads at once.
class DocumentInspector
{
    Q_DECLARE_TR_FUNCTIONS(DocumentInspector)

public:
    /// Longest side of DocumentInfo::thumbnailPng in pixels.
    static constexpr int ThumbnailSize = 256;

    /// Inspects the document on `device` (open, readable and seekable; the document starts at offset 0)
    /// declared as `mimeType`. "application/octet-stream" (or an empty type) is detected from the
    /// content. Returns ok with pages, page 1 size, colour and thumbnail, or !ok with a user-facing
    /// error for broken, locked, empty or unsupported documents. Moves the device position.
    /// With `render` false, PDF and JPEG page 1 is not rendered: no thumbnail and colour false (see
    /// render()); rasters are thumbnailed anyway while their pages are counted.
    /// A PDF whose object table could be larger than PdfTableScan::MaxEntries is refused before Poppler
    /// opens it: `pdfTableEntries` is what a PdfTableScan fed the same bytes found (-1: read the device
    /// once more to find it). So is one whose page tree Poppler could not walk within PdfPageTree's
    /// limits (qpdf walks it first); its pages are those Poppler can load, not its /Count. A document of
    /// more than PdfPageTree::MaxPages pages is refused. Without rendering, a PDF's contentColour is
    /// read from page 1's content on the same qpdf document.
    static DocumentInfo inspect(QIODevice* device, const QString& mimeType, bool render = true,
                                qint64 pdfTableEntries = -1);

    /// What rendering page 1 gave.
    struct Rendering
    {
        QByteArray thumbnailPng; ///< page 1 (or a placeholder) as PNG, longest side ThumbnailSize
        bool color = false;      ///< page 1 has a non-grey pixel (true when over the budget: not known)
        bool placeholder = false; ///< over the budget or not renderable: thumbnailPng is the placeholder
        QString why;             ///< placeholder: why, in English, for the log
    };

    /// Renders page 1 of the PDF or JPEG on `device` (already inspected: page size `widthPt` x
    /// `heightPt`) within `budget`: a page whose images or output exceed it is not rendered and gets
    /// the placeholder; a render that runs past budget.thumbnailMs is abandoned the same way, and so is
    /// a PDF whose object table could be too large (PdfTableScan) or whose page tree Poppler could not
    /// walk within PdfPageTree's limits. Both are read from the whole document unless `tableChecked`
    /// (this process's intake checked them: reading it again would decrypt a whole large document for a
    /// thumbnail of page 1); a document stored by an older server may not have been checked.
    static Rendering render(QIODevice* device, const QString& mimeType, double widthPt, double heightPt,
                            const RenderBudget& budget, bool tableChecked = false);

    /// Returns a neutral page-shaped PNG (longest side ThumbnailSize) standing for a page that was not
    /// rendered, for a page of `widthPt` x `heightPt` (A4 when unknown).
    static QByteArray placeholderPng(double widthPt, double heightPt);

    /// Returns the PWG self-describing media name for a page of `widthPt` x `heightPt` points,
    /// orientation-independent: a standard size within libcups' tolerance ("iso_a4_210x297mm",
    /// "na_letter_8.5x11in") or libcups' custom name ("custom_100x300mm_100x300mm"). Empty for a
    /// non-positive size.
    static QString pwgMediaName(double widthPt, double heightPt);
};
