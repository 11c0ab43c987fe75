#pragma once
#include <QtGlobal>
#include <array>
#include <deque>
#include <vector>

class QIODevice;

/// How large an object table a PDF reader may build for a file, read from the file's bytes as they
/// arrive, before Poppler opens it.
///
/// Poppler sizes its cross-reference table (about 40 bytes an entry, and a second copy for each page
/// it renders) from numbers written in the file: a trailer's or cross-reference stream's /Size, the
/// pairs of an /Index, a table's "first count" subsection headers, and, when it rebuilds a damaged
/// table, the highest "num gen obj" header it finds. A 1 KiB file whose only object is numbered
/// 30,000,000 made the server allocate 2.4 GB and spend 4 s (issue 14, found by fuzz_ipp_request
/// without sanitizers). This scan finds those numbers wherever they are written (in any stream too, so
/// it can only overestimate) and gives the largest; a document over MaxEntries is refused before
/// Poppler sees it.
///
/// It is not a PDF parser: it tokenizes only after an "xref" keyword, a /Size or /Index name (with #xx
/// escapes decoded) and backwards from an "obj" keyword, as far as those numbers reach, with comments
/// and whitespace of any length between tokens. Cost: one pass over each chunk for the byte pairs that
/// can start something ("bj", "ef", "/S", "/I", "/#", a digit and a NUL; 16 at a time with SSE2),
/// ~0.17 ms per MiB.
/// An /Index that refers to an array elsewhere (Poppler fetches it; no writer makes one) makes the
/// document refused. A table that starts at the "xref" of a "startxref" (its first number is then the
/// file's own offset, as large as the file) counts only its count, unless an offset written in the file
/// (startxref, /Prev, /XRefStm) points there: then Poppler reads it, and it counts whole.
class PdfTableScan
{
public:
    /// Documents whose table could be larger are refused: 2 million entries, ~80 MB in Poppler (and as
    /// much again while a page is rendered). Real documents have thousands.
    static constexpr qint64 MaxEntries = 2'000'000;

    PdfTableScan() = default;
    ~PdfTableScan(); ///< wipes the bytes it kept
    PdfTableScan(const PdfTableScan&) = delete;
    PdfTableScan& operator=(const PdfTableScan&) = delete;

    /// The next `n` bytes of the file.
    void feed(const char* data, qsizetype n);
    /// The end of the file: numbers still being read count.
    void finish();
    /// The largest table size the bytes fed so far ask for (after finish(): the whole file's).
    qint64 largest() const { return m_largest; }
    bool overLimit() const { return m_largest > MaxEntries; }

    /// Reads `device` from its start to its end (256 KiB at a time) and returns largest(); the device's
    /// position is restored. -1 when it cannot be read.
    static qint64 scan(QIODevice* device);

private:
    /// A forward reader of the tokens after a keyword or name.
    struct Reader
    {
        enum class Kind { Size, Index, Xref, StartXref, Offset } kind;
        enum class Want { Open, First, Count, Skip } want = Want::First;
        bool inComment = false;
        bool inToken = false;
        bool tokenIsInt = true;
        bool negative = false;
        int digits = 0;
        qint64 value = 0;
        qint64 first = 0;
        qint64 skip = 0; // entry tokens left to pass
        int ignore = 0;  // bytes of its keyword still to come
        qint64 at = 0;   // StartXref: where its "xref" is in the file
        int sections = 0; // subsections read
    };
    /// A table in "startxref" ("xref" at `at`): Poppler reads it only if an offset points there.
    struct InnerTable
    {
        qint64 at = 0;
        qint64 first = 0;
        qint64 count = 0;
    };
    /// Feeds `c` to `r`; false when it is done.
    bool step(Reader& r, char c);
    /// A whole token ended: false when the reader is done.
    bool token(Reader& r);
    void note(qint64 entries);
    /// "obj" ends at `at` (index into data, may be < 3 when it began in the carried tail).
    void objAt(const char* data, qsizetype at);
    /// A NUL or an "endobj" begins at `at`: digits right before it end a piece for Poppler's rebuild.
    void cutAt(const char* data, qsizetype at);
    /// An "obj" begins at `at`: the numbers cut within CutReach before it count.
    void confirmCuts(qsizetype at);
    /// Forgets the cuts before `where` (a place in the file): out of reach of any "obj" from now on.
    void dropCutsBefore(qint64 where);
    /// The table size asked for by the number that ends at `j` after white space (going back no further
    /// than `low`): the number + 1, or 0 when there is none.
    qint64 numBefore(const char* data, qsizetype j, qsizetype low) const;
    /// The digits ending at `last` (going back no further than `low`), as a number (Huge when too
    /// long); `first` gets where they begin.
    qint64 runValue(const char* data, qsizetype last, qsizetype low, qsizetype* first = nullptr) const;
    char before(const char* data, qsizetype i) const; ///< byte i of data, or of the tail when i < 0
    void startReader(Reader::Kind kind, int ignore = 0);
    void startXref(const char* data, qsizetype at, int ignore);
    void endName();
    void byte(const char* data, qsizetype i);
    /// data[i] may end "obj" or "xref": checked backwards, and acted on.
    void keywordEnd(const char* data, qsizetype i);

    qint64 m_largest = 0;
    std::vector<Reader> m_readers;
    qint64 m_fed = 0;                ///< bytes fed before the current chunk
    std::vector<InnerTable> m_inner; ///< tables in "startxref", resolved by finish()
    std::vector<qint64> m_offsets;   ///< values of startxref, /Prev and /XRefStm
    /// Numbers cut by a NUL or an "endobj" (where in the file, the table size they ask for) that count
    /// only if an "obj" follows within CutReach: each is larger than every later one, oldest first.
    struct Cut
    {
        qint64 at = 0;
        qint64 entries = 0;
    };
    std::deque<Cut> m_cuts;
    bool m_inName = false;
    std::array<char, 24> m_name{};
    int m_nameLen = 0; // raw characters; more than fit means "neither Size nor Index"
    /// The last bytes of what was fed before, for an "obj" header read backwards across chunks.
    std::array<char, 1024> m_tail{};
    int m_tailLen = 0;
};
