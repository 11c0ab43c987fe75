#pragma once
#include "PdfPageTree.h"

#include <qpdf/QPDFObjectHandle.hh>

#include <vector>

/// Walks a PDF's page tree with qpdf one page at a time, as PdfPageTree describes: the whole tree, in
/// Poppler's order, within PdfPageTree's limits, counting the pages Poppler would find.
class PdfPageWalker
{
public:
    using End = PdfPageTree::End;

    /// Prepares to walk the tree of `pdf` (opened by qpdf) for at most `limit` pages.
    PdfPageWalker(QPDF& pdf, int limit);

    /// Returns the next page's dictionary, or a null handle once the walk has ended (end() says why).
    /// The first popplerPages() pages are Poppler's pages 1, 2, ... Never throws: a qpdf exception ends
    /// the walk as Unreadable.
    QPDFObjectHandle next();

    /// Returns why the walk ended (Walking while next() still returns pages).
    End end() const { return m_end; }

    /// Returns how many pages next() has returned.
    int count() const { return m_count; }

    /// Returns how many of those Poppler finds too (it stops earlier: see PdfPageTree).
    int popplerPages() const { return m_popplerPages; }

private:
    struct Node
    {
        QPDFObjectHandle kids;
        int size = 0;
        int index = 0;
        bool kidsIndirect = false;
        int ref = 0; // object number, for Poppler's loop check
    };
    QPDFObjectHandle step();
    bool start();
    bool push(QPDFObjectHandle node, int ref);

    QPDF& m_pdf;
    int m_limit;
    int m_count = 0;
    int m_popplerPages = 0;
    int m_declared = 0;            // the root's /Count: Poppler finds no more pages
    bool m_popplerStopped = false; // the walk passed a point where Poppler's ends
    long m_work = 0;
    bool m_started = false;
    End m_end = End::Walking;
    QPDFObjectHandle m_single; // a root that is itself the only page, until returned
    std::vector<Node> m_path;  // from the root to the node whose kids are being walked
};
