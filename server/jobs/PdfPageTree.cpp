#include "PdfPageTree.h"

#include "AllocationBudget.h"
#include "Log.h"
#include "PdfPageWalker.h"
#include "QpdfReading.h"

#include <QCoreApplication>
#include <QSemaphore>
#include <QThread>
#include <poppler-qt6.h>
#include <qpdf/Pipeline.hh>
#include <qpdf/QPDF.hh>

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

namespace {

QSemaphore& readSemaphore()
{
    static QSemaphore semaphore(PdfPageTree::readSlots());
    return semaphore;
}

thread_local int t_readSlotDepth = 0; // ReadSlots alive on this thread

} // namespace

int PdfPageTree::readSlots()
{
    return std::clamp(QThread::idealThreadCount(), 2, 8);
}

PdfPageTree::ReadSlot::ReadSlot()
{
    if (t_readSlotDepth++ == 0)
        readSemaphore().acquire();
}

PdfPageTree::ReadSlot::~ReadSlot()
{
    if (--t_readSlotDepth == 0)
        readSemaphore().release();
}

PdfPageTree::Result PdfPageTree::check(QIODevice* device, PdfColour::Verdict* colour, std::size_t memoryLimit,
                                       double cpuSeconds)
{
    Result result;
    const QpdfReading::Outcome read = QpdfReading::run(device, memoryLimit, cpuSeconds, [&](QPDF& pdf) {
        result = check(pdf);
        if (result.ok() && colour) {
            // A page whose resources cost too much leaves its colour unknown; the document is not
            // refused for that (a thumbnail or raster release reading them is, PdfPageCost). Half the
            // budget, so that this one runs out before the whole check's.
            AllocationBudget page1(memoryLimit / 2, cpuSeconds / 2);
            {
                const AllocationBudget::Scope pageScope(page1);
                *colour = PdfColour::firstPage(pdf);
            }
            if (page1.exceeded())
                *colour = PdfColour::Verdict::Unknown;
        }
    });
    // The walk and the colour check end as unreadable when qpdf's allocation fails: the budget says why.
    if (read.exceeded) {
        if (read.outOfMemory)
            qCInfo(lcIngest) << "PDF refused: qpdf would hold more than" << memoryLimit << "bytes to read it";
        else
            qCInfo(lcIngest) << "PDF refused: qpdf would take more than" << cpuSeconds
                             << "s of CPU time to read it";
        if (colour)
            *colour = PdfColour::Verdict::Unknown;
        return {End::TooCostly, 0, 0};
    }
    if (read.locked)
        return {End::Locked, 0, 0};
    if (!read.error.empty()) {
        qCInfo(lcIngest) << "qpdf cannot read the PDF:" << read.error.c_str();
        return {};
    }
    return result;
}

QString PdfPageTree::refusal(End end)
{
    switch (end) {
    case End::TooManyPages:
        return QCoreApplication::translate("PdfPageTree", "The document has more than %L1 pages, more than "
                                                          "this server takes in one job. Print it in parts.")
            .arg(MaxPages);
    case End::TooDeep:
    case End::TooMuchWork:
        return QCoreApplication::translate("PdfPageTree",
                                           "The PDF file's list of pages is built in a way this server does "
                                           "not read. Save it again as a new PDF and print that.");
    case End::TooMuchData:
        return QCoreApplication::translate("PdfPageTree",
                                           "The PDF file holds compressed objects larger than this server "
                                           "reads. Save it again as a new PDF and print that.");
    case End::TooCostly:
        return QCoreApplication::translate("PdfPageTree",
                                           "The PDF file is built in a way that would take this server more "
                                           "memory or time than it gives one document. Save it again as a "
                                           "new PDF and print that.");
    case End::Locked:
        return QCoreApplication::translate(
            "PdfPageTree",
            "The PDF file is protected by a password. Remove the password and print it again.");
    case End::Walking:
    case End::Done:
    case End::Unreadable:
        break;
    }
    return QCoreApplication::translate("PdfPageTree", "The document is not a valid PDF file.");
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
