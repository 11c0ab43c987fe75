#pragma once
#include <QString>

class QIODevice;
class QPDF;

/// Decides whether page 1 of a PDF prints in colour from what its content says, with qpdf and without
/// rendering: the colours its painting operators use (DeviceGray, CalGray, ICC with one component,
/// Indexed over grey, and RGB/CMYK values whose channels are equal within the render's tolerance count
/// as grey), the colour spaces of its images, shadings and inline images, through forms and annotation
/// appearances. Page 1 only, as the render (DocumentInspector::render) decides. What cannot be decided
/// cheaply (an image in an RGB, CMYK or Lab space whose pixels would have to be decoded, patterns,
/// spot colours, Type 3 fonts, a content stream over the work limit) leaves the verdict Unknown, and the
/// render decides later. Stateless; safe to call from several threads at once.
class PdfColour
{
public:
    enum class Verdict { Mono, Colour, Unknown };

    /// Reads the PDF on `device` (open, readable, seekable; the document starts at offset 0) and returns
    /// whether page 1 is black and white (Mono), surely has colour (Colour), or cannot be told without
    /// rendering it (Unknown, also for a document qpdf cannot read, or not within PdfPageTree::MaxMemory
    /// and MaxSeconds: AllocationBudget). Moves the device position.
    static Verdict firstPage(QIODevice* device);

    /// The same for a document qpdf has opened already (page 1 as PdfPageTree finds it).
    static Verdict firstPage(QPDF& pdf);

    /// Returns "mono", "colour" or "unknown", for logs.
    static QString name(Verdict verdict);
};
