#pragma once
#include "PdfColour.h"

#include <QString>

#include <cstddef>

class QIODevice;
class QPDF;
namespace Poppler {
class Document;
}

/// The pages of a PDF as Poppler (which counts and renders them) finds them, walked with qpdf before
/// Poppler does, so that what walking them costs is known and bounded.
///
/// A page tree is only the file's word, and Poppler believes it:
/// - it reports the root's /Count as the page count (a 463-byte file with one page and /Count 1999999
///   was held as 1,999,999 pages and priced so, and a raster release asked Poppler for each);
/// - it walks the tree checking each kid against all its ancestors and reading a /Kids array given as a
///   reference again for every kid (6,000 pages under one such array took 7 s to reach the last; a chain
///   of 30,000 nested nodes 0.5 s to reach the first page, growing with the square);
/// - and qpdf's own QPDFPageDocumentHelper::getAllPages() copies every page listed twice (a 6 MB file
///   listing one page a million times took the thumbnail 1.5 GB) and recurses once per level (a chain
///   of 30,000 nodes overflowed its stack).
/// PdfPageWalker walks the whole tree as Poppler walks as much of it as it reads: depth first from the
/// catalog's /Pages; a dictionary with /Type /Page or without /Kids is a page, another dictionary a node
/// whose /Kids are walked; a kid that is one of its own ancestors, or not a dictionary, is skipped. Where
/// Poppler stops (a kid that is not an indirect reference, a node whose /Kids is not an array, the
/// root's /Count reached) the walk goes on, so that Poppler never walks further than this did; it also
/// counts the pages Poppler would find before it stops. It never goes deeper than MaxDepth, past MaxPages
/// pages, or past MaxWork steps of what Poppler would do for the same walk, and says which stopped it.
/// This header holds no qpdf type, so that the files including it need not compile qpdf's headers.
class PdfPageTree
{
public:
    /// Documents with more pages are refused: Poppler keeps ~1 KB for each page it has walked to until
    /// the document is closed.
    static constexpr int MaxPages = 10000;
    /// Nodes from the root to a page; real documents nest a few levels.
    static constexpr int MaxDepth = 256;
    /// Poppler's steps for the whole walk: one per kid, one per ancestor it checks the kid against, and
    /// one per entry of a /Kids array it reads again (~0.2 us each here: ~2 s). A flat tree of 10,000
    /// pages takes 20,000; one /Kids array of 3,000 pages given as a reference 9,000,000.
    static constexpr long MaxWork = 10'000'000;
    /// Decoded bytes of one compressed object stream (PDF 1.5). qpdf and Poppler parse every object of
    /// an object stream they touch into memory, at 5 to 12 times its decoded size for an array: an 88 KB
    /// file whose page tree's /Kids (10 million entries) sat in one took the server 780 MB and 9 s.
    /// Writers put ~100 objects in one, a few hundred KB.
    static constexpr long long MaxObjectStreamBytes = 8LL * 1024 * 1024;
    /// Heap memory qpdf may hold while it opens, checks and reads one document (AllocationBudget):
    /// what it parses is kept, at 25 to 350 bytes a token of the file, so that a 6 MB array of integers
    /// would take 262 MB and a 60 MB one 2.6 GB. Real documents: a tagged 750-page one takes 17 MB (34 MB
    /// with object streams), 9,750 pages 57 MB.
    static constexpr std::size_t MaxMemory = 256 * 1024 * 1024;
    /// CPU seconds qpdf may spend on the same (AllocationBudget): it parses ~2.5 us a token, so a 60 MB
    /// array of references took 24 s (512 MB, the largest document taken, would be 3 minutes). The tagged
    /// 750-page document takes 0.9 s, 9,750 pages 0.6 s.
    static constexpr double MaxSeconds = 10.0;

    /// At most this many documents are read by qpdf at once, each within its budget, so that what the
    /// budgets hold together is bounded too: 8 uploads at once of an 18 MB page of integers took the
    /// server to 2.4 GB with a budget each. The thread count, 2 to 8.
    static int readSlots();

    /// At most this many of the slots are held for one person's documents at once (Owner), half of
    /// them and at least one: a person sending many costly documents at once leaves the other slots to
    /// everyone else instead of making them wait up to MaxSeconds a document.
    static int readSlotsPerOwner();

    /// Holds one of readSlots() while it lives, waiting for one to be free (re-entrant on a thread: only
    /// the outermost holder on a thread takes a slot). Every reading of a document by qpdf under a
    /// budget holds one: check(QIODevice*), PdfPageCost, PdfColour::firstPage(QIODevice*). On a thread
    /// with an Owner, it also waits while that owner holds readSlotsPerOwner(); waiters are served in
    /// the order they came among those who may take one.
    class ReadSlot
    {
    public:
        ReadSlot();
        ~ReadSlot();
        ReadSlot(const ReadSlot&) = delete;
        ReadSlot& operator=(const ReadSlot&) = delete;

        /// While it lives, the ReadSlots taken on this thread are `ownerId`'s (a user's id; 0: no one's,
        /// as for the background thumbnails, which are bounded by their own threads).
        class Owner
        {
        public:
            explicit Owner(long long ownerId);
            ~Owner();
            Owner(const Owner&) = delete;
            Owner& operator=(const Owner&) = delete;

        private:
            long long m_previous;
        };

        /// How many slots are held now, in all and by `ownerId` (for tests and the log).
        static int held();
        static int heldBy(long long ownerId);
    };

    /// Why a walk ended.
    enum class End {
        Walking,      ///< next() has not returned null yet
        Done,         ///< all pages Poppler would find were returned
        TooManyPages, ///< the tree holds more than the limit given (MaxPages + 1 for check())
        TooDeep,      ///< a page is more than MaxDepth nodes below the root
        TooMuchWork,  ///< Poppler would take more than MaxWork steps
        TooMuchData,  ///< an object stream decodes to more than MaxObjectStreamBytes (check() only)
        TooCostly,    ///< qpdf would take more than MaxMemory or MaxSeconds (check(QIODevice*), PdfPageCost)
        Locked,       ///< the document needs a password (check(QIODevice*) only)
        Unreadable,   ///< qpdf could not read the tree
    };

    /// What check() found.
    struct Result
    {
        End end = End::Unreadable;
        int pages = 0;        ///< pages in the whole tree (at most MaxPages + 1)
        int popplerPages = 0; ///< of those, the ones Poppler finds before it stops
        bool ok() const { return end == End::Done; }
    };

    /// Decodes each compressed object stream of `pdf` (opened by qpdf) as far as MaxObjectStreamBytes,
    /// without keeping it, then walks the whole tree with PdfPageWalker: Done when both are within the
    /// limits (then Poppler's walk of the tree is too), or the limit passed. Never throws.
    static Result check(QPDF& pdf);

    /// Opens the PDF on `device` (open, readable, seekable; the document starts at offset 0) with qpdf
    /// and checks its tree; Unreadable when qpdf cannot open it. When the tree is within the limits and
    /// `colour` is given, reads page 1's colour from its content on the same qpdf document (PdfColour).
    /// All of it holds at most `memoryLimit` bytes of qpdf's heap and takes at most `cpuSeconds` of the
    /// thread's CPU time (TooCostly past either). Moves the device position. Never throws.
    static Result check(QIODevice* device, PdfColour::Verdict* colour = nullptr,
                        std::size_t memoryLimit = MaxMemory, double cpuSeconds = MaxSeconds);

    /// Returns the sentence a person is told when a document is refused for `end` (not Done, Walking):
    /// what is wrong and what to do about it.
    static QString refusal(End end);

    /// Returns how many pages of `doc` Poppler can load: numPages() when the last of them loads, else
    /// how many do (found with ~log2(n) lookups after one walk). At most MaxPages + 1, which means
    /// "more than MaxPages". Poppler keeps the pages it walked with the document. Call it only for a
    /// document whose tree check() accepted: Poppler's own walk is not bounded.
    static int loadablePages(Poppler::Document& doc);
};
