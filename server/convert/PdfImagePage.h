#pragma once
#include <qpdf/QPDF.hh>
#include <qpdf/QPDFObjectHandle.hh>

/// A PDF page that shows one image over all of it: the page of a received fax or of a scan.
class PdfImagePage
{
public:
    /// Returns a new indirect page object `widthPt` x `heightPt` points (1/72 in) in `pdf` whose only
    /// content draws `image` (an image XObject stream, named /Im0) over the whole page. Not yet added
    /// to the page tree.
    static QPDFObjectHandle make(QPDF& pdf, const QPDFObjectHandle& image, double widthPt, double heightPt);
};
