#include "PdfPageCost.h"

#include "AllocationBudget.h"
#include "Log.h"
#include "PdfPageWalker.h"
#include "QpdfDeviceSource.h"

#include <QIODevice>
#include <qpdf/QPDF.hh>
#include <qpdf/QPDFObjectHandle.hh>

#include <set>
#include <string>
#include <vector>

namespace {

constexpr int MaxFormDepth = 12;

void addResources(QPDFObjectHandle resources, RenderBudget::PageCost& cost, std::set<QPDFObjGen>& seen,
                  int depth)
{
    if (depth > MaxFormDepth || !resources.isDictionary())
        return;
    QPDFObjectHandle xobjects = resources.getKey("/XObject");
    if (!xobjects.isDictionary())
        return;
    for (const std::string& key : xobjects.getKeys()) {
        QPDFObjectHandle x = xobjects.getKey(key);
        if (x.isIndirect() && !seen.insert(x.getObjGen()).second)
            continue; // each image or form once
        if (!x.isStream())
            continue;
        QPDFObjectHandle dict = x.getDict();
        QPDFObjectHandle subtype = dict.getKey("/Subtype");
        if (subtype.isNameAndEquals("/Image")) {
            auto pixels = [](QPDFObjectHandle d) -> qint64 {
                QPDFObjectHandle w = d.getKey("/Width"), h = d.getKey("/Height");
                if (!w.isInteger() || !h.isInteger())
                    return 0;
                const long long wv = std::max<long long>(0, w.getIntValue());
                const long long hv = std::max<long long>(0, h.getIntValue());
                if (wv > 0 && hv > std::numeric_limits<qint64>::max() / wv)
                    return std::numeric_limits<qint64>::max() / 4;
                return wv * hv;
            };
            qint64 px = pixels(dict);
            QPDFObjectHandle smask = dict.getKey("/SMask");
            if (smask.isStream())
                px += pixels(smask.getDict());
            cost.imagePixels = std::min(cost.imagePixels + px, std::numeric_limits<qint64>::max() / 2);
            ++cost.images;
        } else if (subtype.isNameAndEquals("/Form")) {
            addResources(dict.getKey("/Resources"), cost, seen, depth + 1);
        }
    }
}

/// Has qpdf parse every object a page draws with, as Poppler will when it renders it: its resources
/// (fonts and their widths, images' and forms' dictionaries, colour spaces, patterns), contents and
/// annotations, following references through dictionaries, arrays and streams' dictionaries (not their
/// data), each object once (`seen`). Links that lead away from the page are not followed: a parent
/// (of the page, an annotation or a form field), an annotation's page, a link's destination or action.
/// Stops at the first failure (the budget spent, the document damaged): what qpdf read is counted.
void parseWhatThePageDraws(QPDFObjectHandle page, std::set<QPDFObjGen>& seen)
{
    static const std::set<std::string> away{
        "/Parent", "/P",    "/Dest",  "/A",    "/AA",  "/PA",    "/Pg",
        "/Next",   "/Prev", "/First", "/Last", "/IRT", "/Popup", "/StructTreeRoot"};
    std::vector<QPDFObjectHandle> pending{page};
    while (!pending.empty()) {
        QPDFObjectHandle object = pending.back();
        pending.pop_back();
        if (object.isIndirect() && !seen.insert(object.getObjGen()).second)
            continue;
        if (object.isStream())
            object = object.getDict();
        if (object.isDictionary()) {
            for (const std::string& key : object.getKeys())
                if (!away.count(key))
                    pending.push_back(object.getKey(key));
        } else if (object.isArray()) {
            const int n = object.getArrayNItems();
            for (int i = 0; i < n; ++i)
                pending.push_back(object.getArrayItem(i));
        }
    }
}

} // namespace

struct PdfPageCost::Impl
{
    PdfPageTree::ReadSlot slot; // first: held until the qpdf objects are gone
    AllocationBudget budget{PdfPageTree::MaxMemory, PdfPageTree::MaxSeconds}; // outlives the qpdf objects
    QIODevice* device = nullptr;
    QPDF pdf;
    bool open = false;
    std::unique_ptr<PdfPageWalker> tree; // walked as far as a page was asked for
    std::vector<QPDFObjectHandle> pages;
    std::set<QPDFObjGen> parsed; // objects parseWhatThePageDraws() reached, for all pages asked for
};

PdfPageCost::PdfPageCost(QIODevice* device) : d(std::make_unique<Impl>())
{
    d->device = device;
    const AllocationBudget::Scope scope(d->budget);
    try {
        d->pdf.setSuppressWarnings(true);
        d->pdf.setAttemptRecovery(true);
        d->pdf.processInputSource(std::make_shared<QpdfDeviceSource>(device));
        d->tree = std::make_unique<PdfPageWalker>(d->pdf, PdfPageTree::MaxPages);
        d->open = true;
    } catch (const std::exception& e) {
        qCInfo(lcIngest) << "qpdf cannot read the document's pages:" << e.what();
    }
}

PdfPageCost::~PdfPageCost() = default;

PdfPageTree::Result PdfPageCost::checkTree()
{
    if (!d->open)
        return {d->budget.exceeded() ? PdfPageTree::End::TooCostly : PdfPageTree::End::Unreadable, 0, 0};
    PdfPageTree::Result result;
    {
        const AllocationBudget::Scope scope(d->budget);
        result = PdfPageTree::check(d->pdf);
    }
    if (d->budget.exceeded())
        return {PdfPageTree::End::TooCostly, 0, 0};
    return result;
}

bool PdfPageCost::exceeded() const
{
    return d->budget.exceeded();
}

RenderBudget::PageCost PdfPageCost::page(int index)
{
    RenderBudget::PageCost cost;
    if (!d->open || index < 0 || d->budget.exceeded())
        return cost;
    const AllocationBudget::Scope scope(d->budget);
    while (static_cast<int>(d->pages.size()) <= index) {
        QPDFObjectHandle next = d->tree->next();
        if (next.isNull())
            return cost;
        d->pages.push_back(next);
    }
    try {
        std::set<QPDFObjGen> seen;
        QPDFObjectHandle page = d->pages[static_cast<size_t>(index)];
        // Poppler's parse of what the page draws costs a tenth of qpdf's: within qpdf's budget, it is
        // bounded too.
        parseWhatThePageDraws(page, d->parsed);
        // Resources may be inherited from the page tree.
        QPDFObjectHandle resources = page.getKey("/Resources");
        QPDFObjectHandle p = page;
        for (int up = 0; !resources.isDictionary() && p.hasKey("/Parent") && up < 64; ++up) {
            p = p.getKey("/Parent");
            resources = p.getKey("/Resources");
        }
        addResources(resources, cost, seen, 0);
        // Annotation appearances draw too.
        QPDFObjectHandle annots = page.getKey("/Annots");
        if (annots.isArray()) {
            for (int i = 0; i < annots.getArrayNItems() && i < 1000; ++i) {
                QPDFObjectHandle ap = annots.getArrayItem(i).getKey("/AP");
                if (!ap.isDictionary())
                    continue;
                QPDFObjectHandle n = ap.getKey("/N");
                if (n.isStream())
                    addResources(n.getDict().getKey("/Resources"), cost, seen, 1);
            }
        }
        cost.known = !d->budget.exceeded();
    } catch (const std::exception& e) {
        qCInfo(lcIngest) << "qpdf cannot read page" << index + 1 << ":" << e.what();
    }
    return cost;
}
