#include "PdfPageTree.h"

#include "Log.h"
#include "PdfPageWalker.h"
#include "QpdfDeviceSource.h"

#include <poppler-qt6.h>
#include <qpdf/Pipeline.hh>
#include <qpdf/QPDF.hh>
#include <qpdf/QPDFExc.hh>

#include <set>

#include <algorithm>

namespace {

/// Counts what passes through it and stops the decoding (throws Full) past a limit; keeps nothing.
class CountingSink : public Pipeline
{
public:
    struct Full
    {
    };
    explicit CountingSink(long long limit) : Pipeline("object stream size", nullptr), m_limit(limit) {}
    void write(unsigned char const*, size_t len) override
    {
        m_count += static_cast<long long>(len);
        if (m_count > m_limit)
            throw Full();
    }
    void finish() override {}

private:
    long long m_limit;
    long long m_count = 0;
};

/// Returns the number of the first object stream of `pdf` that decodes past `limit` bytes, or 0.
int objectStreamOverLimit(QPDF& pdf, long long limit)
{
    std::set<int> streams;
    for (const auto& [objGen, entry] : pdf.getXRefTable())
        if (entry.getType() == 2)
            streams.insert(entry.getObjStreamNumber());
    for (const int number : streams) {
        QPDFObjectHandle stream = pdf.getObjectByID(number, 0);
        if (!stream.isStream())
            continue; // its objects cannot be read at all
        CountingSink sink(limit);
        try {
            stream.pipeStreamData(&sink, 0, qpdf_dl_generalized, true);
        } catch (const CountingSink::Full&) {
            return number;
        }
    }
    return 0;
}

} // namespace

PdfPageTree::Result PdfPageTree::check(QPDF& pdf)
{
    try {
        if (const int stream = objectStreamOverLimit(pdf, MaxObjectStreamBytes)) {
            qCInfo(lcIngest) << "PDF object stream" << stream << "decodes to more than"
                             << MaxObjectStreamBytes << "bytes";
            return {End::TooMuchData, 0, 0};
        }
    } catch (const std::exception& e) {
        qCInfo(lcIngest) << "qpdf cannot read the PDF's object streams:" << e.what();
        return {};
    }
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
    } catch (const QPDFExc& e) {
        if (e.getErrorCode() == qpdf_e_password)
            return {End::Locked, 0, 0};
        qCInfo(lcIngest) << "qpdf cannot read the PDF:" << e.what();
        result = {};
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
