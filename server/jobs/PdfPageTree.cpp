#include "PdfPageTree.h"

#include "Log.h"
#include "PdfPageWalker.h"
#include "QpdfDeviceSource.h"

#include <poppler-qt6.h>
#include <qpdf/QPDF.hh>

#include <algorithm>

PdfPageTree::Result PdfPageTree::check(QPDF& pdf)
{
    PdfPageWalker tree(pdf, MaxPages + 1);
    while (!tree.next().isNull()) {
    }
    Result result{tree.end(), tree.count(), tree.popplerPages()};
    if (result.end == End::Done && result.pages > MaxPages)
        result.end = End::TooManyPages;
    return result;
}

PdfPageTree::Result PdfPageTree::check(QIODevice* device, PdfColour::Verdict* colour)
{
    Result result;
    try {
        QPDF pdf;
        pdf.setSuppressWarnings(true);
        pdf.setAttemptRecovery(true);
        pdf.processInputSource(std::make_shared<QpdfDeviceSource>(device));
        result = check(pdf);
        if (result.ok() && colour)
            *colour = PdfColour::firstPage(pdf);
    } catch (const std::exception& e) {
        qCInfo(lcIngest) << "qpdf cannot read the PDF:" << e.what();
        result = {};
    }
    return result;
}

int PdfPageTree::loadablePages(Poppler::Document& doc)
{
    const int declared = doc.numPages();
    if (declared <= 0)
        return 0;
    const int probe = std::min(declared, MaxPages + 1);
    if (doc.page(probe - 1))
        return probe;
    if (!doc.page(0))
        return 0;
    // Poppler has walked the whole tree now: each lookup below is answered from what it keeps.
    int loads = 0, fails = probe - 1;
    while (fails - loads > 1) {
        const int middle = loads + (fails - loads) / 2;
        if (doc.page(middle))
            loads = middle;
        else
            fails = middle;
    }
    return loads + 1;
}
