#pragma once
#include "PdfPageTree.h"
#include "RenderBudget.h"

#include <memory>

class QIODevice;

/// Reads what pages of a PDF would cost to render (RenderBudget::PageCost) with qpdf, without
/// rendering or decoding anything: the /Width and /Height of every image XObject a page's resources
/// name, through nested forms. Inline images in content streams are not counted (the time limit covers
/// them). Reads the device on demand; the document is never copied into memory. qpdf holds at most
/// PdfPageTree::MaxMemory and spends at most PdfPageTree::MaxSeconds on it (AllocationBudget).
class PdfPageCost
{
public:
    /// Opens the PDF on `device` (open, readable, seekable, starting at offset 0). The device must
    /// outlive this object and must not be read by anything else while it is used.
    explicit PdfPageCost(QIODevice* device);
    ~PdfPageCost();

    /// Returns the cost of page `index` (0-based, in the order Poppler walks the page tree, PdfPageTree);
    /// known = false when qpdf cannot read it or it is past PdfPageTree::MaxPages.
    RenderBudget::PageCost page(int index);

    /// Walks the whole page tree (PdfPageTree::check); Unreadable when qpdf cannot open the document,
    /// TooCostly when it would take more than PdfPageTree::MaxMemory or MaxSeconds for it.
    PdfPageTree::Result checkTree();

    /// Returns true once qpdf would have taken more than PdfPageTree::MaxMemory or MaxSeconds for this
    /// document (all it read here counts: opening, the walk, each page asked for); pages are then of
    /// unknown cost.
    bool exceeded() const;

private:
    struct Impl;
    std::unique_ptr<Impl> d;
};
