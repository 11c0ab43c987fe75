#include "PdfPageTree.h"

#include "AllocationBudget.h"
#include "Log.h"
#include "PdfPageWalker.h"
#include "QpdfReading.h"

#include <QCoreApplication>
#include <QThread>
#include <poppler-qt6.h>
#include <qpdf/Pipeline.hh>
#include <qpdf/QPDF.hh>

#include <condition_variable>
#include <list>
#include <map>
#include <mutex>
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

/// The read slots: how many are held, and by whom. A waiter takes one when one is free and its owner
/// holds fewer than readSlotsPerOwner(), in the order the waiters came among those that may.
struct ReadSlots
{
    struct Waiter
    {
        unsigned long long ticket;
        long long owner;
    };
    std::mutex mutex;
    std::condition_variable changed;
    int held = 0;
    std::map<long long, int> byOwner; // owners other than 0 holding at least one
    std::list<Waiter> waiting;        // in the order they came
    unsigned long long nextTicket = 0;

    bool mayOwnOneMore(long long owner) const
    {
        const auto it = byOwner.find(owner);
        return owner == 0 || it == byOwner.end() || it->second < PdfPageTree::readSlotsPerOwner();
    }
    bool mayTake(const Waiter& me) const
    {
        if (held >= PdfPageTree::readSlots() || !mayOwnOneMore(me.owner))
            return false;
        // A waiter ahead that may take the slot goes first; one held back by its owner's share does not
        // hold up those behind it.
        for (const Waiter& w : waiting) {
            if (w.ticket == me.ticket)
                return true;
            if (mayOwnOneMore(w.owner))
                return false;
        }
        return true;
    }
};

ReadSlots& readSlotState()
{
    static ReadSlots state;
    return state;
}

thread_local int t_readSlotDepth = 0;         // ReadSlots alive on this thread
thread_local long long t_readSlotOwner = 0;   // ReadSlot::Owner on this thread
thread_local long long t_readSlotTakenBy = 0; // the owner the outermost ReadSlot was taken for

} // namespace

int PdfPageTree::readSlots()
{
    return std::clamp(QThread::idealThreadCount(), 2, 8);
}

int PdfPageTree::readSlotsPerOwner()
{
    return std::max(1, readSlots() / 2);
}

PdfPageTree::ReadSlot::ReadSlot()
{
    if (t_readSlotDepth++ != 0)
        return;
    ReadSlots& s = readSlotState();
    std::unique_lock lock(s.mutex);
    const ReadSlots::Waiter me{s.nextTicket++, t_readSlotOwner};
    s.waiting.push_back(me);
    s.changed.wait(lock, [&] { return s.mayTake(me); });
    s.waiting.remove_if([&](const ReadSlots::Waiter& w) { return w.ticket == me.ticket; });
    const long long owner = me.owner;
    ++s.held;
    if (owner != 0)
        ++s.byOwner[owner];
    t_readSlotTakenBy = owner;
    // Another waiter may be able to take a slot now that this one left the line.
    s.changed.notify_all();
}

PdfPageTree::ReadSlot::~ReadSlot()
{
    if (--t_readSlotDepth != 0)
        return;
    ReadSlots& s = readSlotState();
    {
        const std::lock_guard lock(s.mutex);
        --s.held;
        const long long owner = t_readSlotTakenBy;
        if (owner != 0 && --s.byOwner[owner] <= 0)
            s.byOwner.erase(owner);
    }
    s.changed.notify_all();
}

PdfPageTree::ReadSlot::Owner::Owner(long long ownerId) : m_previous(t_readSlotOwner)
{
    t_readSlotOwner = ownerId;
}

PdfPageTree::ReadSlot::Owner::~Owner()
{
    t_readSlotOwner = m_previous;
}

int PdfPageTree::ReadSlot::held()
{
    ReadSlots& s = readSlotState();
    const std::lock_guard lock(s.mutex);
    return s.held;
}

int PdfPageTree::ReadSlot::heldBy(long long ownerId)
{
    ReadSlots& s = readSlotState();
    const std::lock_guard lock(s.mutex);
    const auto it = s.byOwner.find(ownerId);
    return it == s.byOwner.end() ? 0 : it->second;
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
