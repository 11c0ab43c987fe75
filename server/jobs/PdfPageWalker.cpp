#include "PdfPageWalker.h"

#include "Log.h"

#include <qpdf/QPDF.hh>

#include <algorithm>

PdfPageWalker::PdfPageWalker(QPDF& pdf, int limit)
    : m_pdf(pdf), m_limit(limit), m_single(QPDFObjectHandle::newNull())
{
}

QPDFObjectHandle PdfPageWalker::next()
{
    if (m_end != End::Walking)
        return QPDFObjectHandle::newNull();
    try {
        QPDFObjectHandle page = step();
        if (!page.isNull()) {
            ++m_count;
            if (!m_popplerStopped && m_popplerPages < m_declared)
                ++m_popplerPages;
            return page;
        }
    } catch (const std::exception& e) {
        qCInfo(lcIngest) << "qpdf cannot read the page tree:" << e.what();
        m_end = End::Unreadable;
    }
    m_path.clear();
    return QPDFObjectHandle::newNull();
}

bool PdfPageWalker::start()
{
    QPDFObjectHandle root = m_pdf.getRoot().getKey("/Pages");
    if (!root.isIndirect() || !root.isDictionary())
        return false; // Poppler finds no pages either
    // Poppler's page count is the root's /Count (a real number too), and it walks no further.
    QPDFObjectHandle count = root.getKey("/Count");
    if (count.isNumber()) {
        const double declared = count.getNumericValue();
        m_declared =
            declared >= 1 ? static_cast<int>(std::min<double>(declared, PdfPageTree::MaxPages + 1)) : 0;
    } else if (root.getKey("/Type").isNameAndEquals("/Page")) {
        // A root that is itself a page is one page (Poppler recovers it so).
        m_declared = 1;
        m_single = root;
        return true;
    }
    m_path.clear();
    if (!push(root, root.getObjectID()))
        return false;
    return true;
}

bool PdfPageWalker::push(QPDFObjectHandle node, int ref)
{
    QPDFObjectHandle kids = node.getKey("/Kids");
    if (!kids.isArray()) {
        m_popplerStopped = true; // Poppler ends its walk at a node whose /Kids is not an array
        return false;
    }
    m_path.push_back(Node{kids, kids.getArrayNItems(), 0, kids.isIndirect(), ref});
    return true;
}

QPDFObjectHandle PdfPageWalker::step()
{
    if (!m_started) {
        m_started = true;
        if (!start()) {
            m_end = End::Done;
            return QPDFObjectHandle::newNull();
        }
        if (!m_single.isNull()) {
            QPDFObjectHandle page = m_single;
            m_single = QPDFObjectHandle::newNull();
            return page;
        }
    }
    for (;;) {
        if (m_count >= m_limit || m_path.empty()) {
            m_end = End::Done;
            return QPDFObjectHandle::newNull();
        }
        Node& node = m_path.back();
        // What Poppler does for this kid: read the node's /Kids (again, when it is a reference) and
        // compare the kid with every ancestor.
        m_work += 1 + static_cast<long>(m_path.size()) + (node.kidsIndirect ? node.size : 0);
        if (m_work > PdfPageTree::MaxWork) {
            m_end = End::TooMuchWork;
            return QPDFObjectHandle::newNull();
        }
        if (node.index >= node.size) {
            m_path.pop_back();
            if (!m_path.empty())
                ++m_path.back().index;
            continue;
        }
        QPDFObjectHandle kid = node.kids.getArrayItem(node.index);
        if (!kid.isIndirect()) {
            m_popplerStopped = true; // Poppler ends its walk here; this one goes on
            ++node.index;
            continue;
        }
        const int ref = kid.getObjectID();
        const bool loop =
            std::any_of(m_path.begin(), m_path.end(), [ref](const Node& n) { return n.ref == ref; });
        if (loop || !kid.isDictionary()) {
            ++node.index;
            continue;
        }
        if (kid.getKey("/Type").isNameAndEquals("/Page") || !kid.hasKey("/Kids")) {
            ++node.index;
            return kid;
        }
        if (static_cast<int>(m_path.size()) >= PdfPageTree::MaxDepth) {
            m_end = End::TooDeep;
            return QPDFObjectHandle::newNull();
        }
        if (!push(kid, ref))
            ++node.index;
    }
}
