#include "PdfTableScan.h"

#include "HexDigit.h"
#include "Wiped.h"

#include <QIODevice>
#include <algorithm>
#include <cstring>
#include <memory>
#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace {

constexpr qint64 Huge = qint64(1) << 40; // a number too long to be a real object count
constexpr int MaxReaders = 256;          // more at once: no real file does that, refused
constexpr qsizetype BackLimit = 1024;    // how far an "obj" header is read backwards (the tail)
/// Offsets kept for finish(); past that many, every table in a "startxref" counts whole.
constexpr std::size_t MaxRecorded = 4096;

/// PDF white space (Poppler's Lexer::isSpace).
constexpr bool isWhite(char c)
{
    return c == 0 || c == '\t' || c == '\n' || c == '\f' || c == '\r' || c == ' ';
}

constexpr bool isDelimiter(char c)
{
    switch (c) {
    case '(':
    case ')':
    case '<':
    case '>':
    case '[':
    case ']':
    case '{':
    case '}':
    case '/':
    case '%':
        return true;
    default:
        return false;
    }
}

/// White space or a delimiter: what ends a name or a number (a table, for the scan's inner loops).
constexpr std::array<bool, 256> EndsToken = [] {
    std::array<bool, 256> t{};
    for (int c = 0; c < 256; ++c)
        t[static_cast<std::size_t>(c)] = isWhite(static_cast<char>(c)) || isDelimiter(static_cast<char>(c));
    return t;
}();

bool isWhiteOrDelimiter(char c)
{
    return EndsToken[static_cast<unsigned char>(c)];
}

/// White space as the C library sees it (Poppler's rebuild of a damaged table reads lines with it).
bool isCSpace(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\v' || c == '\f' || c == '\r';
}

bool isDigit(char c)
{
    return c >= '0' && c <= '9';
}

/// Whether data[p], after `prev`, can end "obj" or "xref" or begin a name that can be /Size or /Index
/// (S, I, or an escape), or is a NUL after a digit (a cut, see cutAt()).
inline bool candidatePair(char prev, char c)
{
    return (c == 'j' && prev == 'b') || (c == 'f' && prev == 'e') ||
           (prev == '/' && (c == 'S' || c == 'I' || c == 'P' || c == 'X' || c == '#')) ||
           (c == 0 && isDigit(prev));
}

/// The first index p >= i (i >= 1) where candidatePair(data[p - 1], data[p]); n if none. Sixteen pairs
/// at a time where SSE2 is there (every x86-64): random bytes, as in compressed streams, hold one such
/// pair in ~13,000.
qsizetype nextCandidate(const char* data, qsizetype i, qsizetype n)
{
#if defined(__SSE2__)
    const __m128i j = _mm_set1_epi8('j'), b = _mm_set1_epi8('b'), f = _mm_set1_epi8('f'),
                  e = _mm_set1_epi8('e');
    const __m128i slash = _mm_set1_epi8('/'), S = _mm_set1_epi8('S'), I = _mm_set1_epi8('I'),
                  P = _mm_set1_epi8('P'), X = _mm_set1_epi8('X'), hash = _mm_set1_epi8('#');
    for (; i + 16 <= n; i += 16) {
        const __m128i c = _mm_loadu_si128(reinterpret_cast<const __m128i*>(data + i));
        const __m128i prev = _mm_loadu_si128(reinterpret_cast<const __m128i*>(data + i - 1));
        const __m128i keyword = _mm_or_si128(_mm_and_si128(_mm_cmpeq_epi8(c, j), _mm_cmpeq_epi8(prev, b)),
                                             _mm_and_si128(_mm_cmpeq_epi8(c, f), _mm_cmpeq_epi8(prev, e)));
        const __m128i name =
            _mm_and_si128(_mm_cmpeq_epi8(prev, slash),
                          _mm_or_si128(_mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(c, S), _mm_cmpeq_epi8(c, I)),
                                                    _mm_or_si128(_mm_cmpeq_epi8(c, P), _mm_cmpeq_epi8(c, X))),
                                       _mm_cmpeq_epi8(c, hash)));
        const __m128i cut = _mm_and_si128(_mm_cmpeq_epi8(c, _mm_setzero_si128()),
                                          _mm_and_si128(_mm_cmpgt_epi8(prev, _mm_set1_epi8('0' - 1)),
                                                        _mm_cmplt_epi8(prev, _mm_set1_epi8('9' + 1))));
        const int hits = _mm_movemask_epi8(_mm_or_si128(_mm_or_si128(keyword, name), cut));
        if (hits)
            return i + __builtin_ctz(static_cast<unsigned>(hits));
    }
#endif
    for (; i < n; ++i) {
        if (candidatePair(data[i - 1], data[i]))
            return i;
    }
    return n;
}

} // namespace

PdfTableScan::~PdfTableScan()
{
    sodium_memzero(m_tail.data(), m_tail.size());
    sodium_memzero(m_name.data(), m_name.size());
}

void PdfTableScan::note(qint64 entries)
{
    m_largest = std::max(m_largest, entries);
}

char PdfTableScan::before(const char* data, qsizetype i) const
{
    if (i >= 0)
        return data[i];
    const qsizetype t = m_tailLen + i; // i < 0: from the end of the tail
    return t >= 0 ? m_tail[static_cast<std::size_t>(t)] : '\n';
}

qint64 PdfTableScan::runValue(const char* data, qsizetype last, qsizetype low, qsizetype* first) const
{
    qint64 value = 0;
    qint64 scale = 1;
    int digits = 0;
    qsizetype i = last;
    for (; i >= low && isDigit(before(data, i)); --i, ++digits) {
        if (digits < 15) {
            value += (before(data, i) - '0') * scale;
            scale *= 10;
        } else if (before(data, i) != '0') {
            value = Huge;
        }
    }
    if (first)
        *first = i + 1;
    return std::min(value, Huge);
}

// Poppler rebuilds a damaged table from "num gen obj" headers, reading the file in pieces of at most 255
// characters (a line, or a part of a longer one) as C strings: white space between the three, and a
// number that ends its piece (at a NUL, at an "endobj", where it cuts the piece, or at the piece's end)
// goes on at the start of the next piece. Where pieces begin is not known here, so every reading Poppler
// could make is counted:
//  1. "num gen obj" with white space between (none needed before "obj");          objAt()
//  2. gen's digits directly before "obj": a piece may end inside them, so that
//     they are num and gen;                                                      objAt()
//  3. digits cut by a NUL or an "endobj": num (of 7 digits or more: fewer cannot pass MaxEntries), or gen
//     with num before it after white space, if an "obj" begins within CutReach after the cut.
//                                                                                cutAt(), confirmCuts()
// After a cut Poppler skips the rest of that piece and needs gen, then "obj", at the start (after white
// space) of the next piece or the one after: three pieces of at most 256 bytes (255 characters, or fewer
// and a line end), so "obj" begins at most 768 bytes after the cut (pdfinfo rebuilt a table of 30
// million entries, 1.2 GB, from a cut 702 bytes before its "obj", and none from the same bytes with the
// first line one character longer). Without that "obj", binary data holding seven digits before a NUL
// is not a header.
constexpr qint64 CutReach = 1024;

void PdfTableScan::objAt(const char* data, qsizetype at)
{
    // Numbers cut before it count (also at an "endobj", whose "obj" may begin a piece of its own).
    confirmCuts(at);
    if (before(data, at - 1) == 'd' && before(data, at - 2) == 'n' && before(data, at - 3) == 'e') {
        cutAt(data, at - 3); // "endobj" is not "num gen obj"; it cuts a piece
        return;
    }
    const qsizetype low = std::max<qsizetype>(at - BackLimit, -m_tailLen);
    qsizetype i = at - 1;
    while (i >= low && isCSpace(before(data, i)))
        --i;
    if (i < low || !isDigit(before(data, i)))
        return;
    qsizetype genFirst = 0;
    const qint64 gen = runValue(data, i, low, &genFirst);
    note(gen / 10 + 1);                       // 2.
    note(numBefore(data, genFirst - 1, low)); // 1.
}

qint64 PdfTableScan::numBefore(const char* data, qsizetype j, qsizetype low) const
{
    if (j < low || !isCSpace(before(data, j)))
        return 0;
    while (j >= low && isCSpace(before(data, j)))
        --j;
    return j >= low && isDigit(before(data, j)) ? runValue(data, j, low) + 1 : 0;
}

void PdfTableScan::cutAt(const char* data, qsizetype at)
{
    if (!isDigit(before(data, at - 1)))
        return;
    constexpr int LongDigits = 7;
    const qsizetype low = std::max<qsizetype>(at - BackLimit, -m_tailLen);
    qsizetype first = 0;
    const qint64 value = runValue(data, at - 1, low, &first);
    // A short number cut there may be gen: num is before it.
    const qint64 entries = at - first >= LongDigits ? value + 1 : numBefore(data, first - 1, low);
    if (entries <= m_largest)
        return;
    const qint64 where = m_fed + at;
    dropCutsBefore(where - CutReach);
    while (!m_cuts.empty() && m_cuts.back().entries <= entries)
        m_cuts.pop_back(); // never the largest again while this one is within reach
    m_cuts.push_back({where, entries});
}

void PdfTableScan::confirmCuts(qsizetype at)
{
    dropCutsBefore(m_fed + at - CutReach);
    if (!m_cuts.empty())
        note(m_cuts.front().entries); // the largest within reach
}

void PdfTableScan::dropCutsBefore(qint64 where)
{
    while (!m_cuts.empty() && m_cuts.front().at < where)
        m_cuts.pop_front();
}

void PdfTableScan::startReader(Reader::Kind kind, int ignore)
{
    if (static_cast<int>(m_readers.size()) >= MaxReaders) {
        note(Huge);
        return;
    }
    Reader r;
    r.kind = kind;
    r.want = kind == Reader::Kind::Index ? Reader::Want::Open : Reader::Want::First;
    r.ignore = ignore;
    m_readers.push_back(r);
}

bool PdfTableScan::token(Reader& r)
{
    const bool isInt = r.tokenIsInt && r.digits > 0;
    const qint64 value = r.negative ? -1 : r.value;
    switch (r.want) {
    case Reader::Want::Open:
        // "[" is handled as it is read. An /Index given as a reference to an array elsewhere (which
        // Poppler fetches) is not followed here: no writer makes one, and the document is refused.
        if (isInt)
            note(Huge);
        return false;
    case Reader::Want::First:
        if (!isInt || value < 0)
            return false;
        if (r.kind == Reader::Kind::Size) {
            note(value);
            return false;
        }
        if (r.kind == Reader::Kind::Offset) {
            if (m_offsets.size() <= MaxRecorded)
                m_offsets.push_back(value);
            return false;
        }
        if (r.kind == Reader::Kind::StartXref && r.sections == 0 && m_offsets.size() <= MaxRecorded)
            m_offsets.push_back(value); // startxref's own value: it may point to this "xref" itself
        r.first = value;
        r.want = Reader::Want::Count;
        return true;
    case Reader::Want::Count:
        if (!isInt || value < 0)
            return false;
        // A table in "startxref" starts with the file's own offset: its count is what it asks for
        // beyond what is there, and, if an offset points to it, the two (finish()).
        if (r.kind == Reader::Kind::StartXref && r.sections == 0) {
            note(value);
            if (m_inner.size() < MaxRecorded)
                m_inner.push_back({r.at, r.first, value});
            else
                note(r.first + value);
        } else {
            note(r.first + value);
        }
        ++r.sections;
        if (r.kind == Reader::Kind::Index) {
            r.want = Reader::Want::First;
            return true;
        }
        r.skip = 3 * value; // offset, generation, n/f
        r.want = r.skip > 0 ? Reader::Want::Skip : Reader::Want::First;
        return !overLimit();
    case Reader::Want::Skip:
        if (--r.skip == 0)
            r.want = Reader::Want::First;
        return true;
    }
    return false;
}

bool PdfTableScan::step(Reader& r, char c)
{
    if (r.ignore > 0) {
        --r.ignore;
        return true;
    }
    if (r.inComment) {
        if (c == '\n' || c == '\r')
            r.inComment = false;
        return true;
    }
    const bool white = isWhite(c);
    const bool delimiter = isDelimiter(c);
    if (r.inToken && (white || delimiter)) {
        r.inToken = false;
        if (!token(r))
            return false;
    }
    if (white)
        return true;
    if (c == '%') {
        r.inComment = true;
        return true;
    }
    if (delimiter) {
        if (r.want == Reader::Want::Open)
            return c == '[' ? (r.want = Reader::Want::First, true) : false;
        // Any other delimiter is a token that is not a number.
        r.tokenIsInt = false;
        r.digits = 0;
        return token(r);
    }
    if (!r.inToken) {
        r.inToken = true;
        r.tokenIsInt = true;
        r.negative = false;
        r.digits = 0;
        r.value = 0;
        if (c == '+' || c == '-') {
            r.negative = c == '-';
            return true;
        }
    }
    if (isDigit(c)) {
        r.value = r.value < Huge ? r.value * 10 + (c - '0') : Huge;
        ++r.digits;
    } else {
        r.tokenIsInt = false; // a real number, a keyword ...
    }
    return true;
}

void PdfTableScan::endName()
{
    m_inName = false;
    if (m_nameLen > static_cast<int>(m_name.size()))
        return;
    // Decode #xx escapes (a '#' not followed by two hex digits stands for itself).
    char decoded[sizeof(m_name)];
    int n = 0;
    for (int i = 0; i < m_nameLen; ++i) {
        if (m_name[i] == '#' && i + 2 < m_nameLen && hexValue(m_name[i + 1]) >= 0 &&
            hexValue(m_name[i + 2]) >= 0) {
            decoded[n++] = static_cast<char>(hexValue(m_name[i + 1]) * 16 + hexValue(m_name[i + 2]));
            i += 2;
        } else {
            decoded[n++] = m_name[i];
        }
    }
    if (n == 4 && std::memcmp(decoded, "Size", 4) == 0)
        startReader(Reader::Kind::Size);
    else if ((n == 4 && std::memcmp(decoded, "Prev", 4) == 0) ||
             (n == 7 && std::memcmp(decoded, "XRefStm", 7) == 0))
        startReader(Reader::Kind::Offset);
    else if (n == 5 && std::memcmp(decoded, "Index", 5) == 0)
        startReader(Reader::Kind::Index);
    sodium_memzero(decoded, sizeof(decoded));
}

void PdfTableScan::startXref(const char* data, qsizetype at, int ignore)
{
    // "xref" at `at` (may begin in the tail): within "startxref" it is the one Poppler reads only if
    // an offset points there.
    bool start = true;
    for (int k = 0; k < 5; ++k)
        start = start && before(data, at - 5 + k) == "start"[k];
    startReader(start ? Reader::Kind::StartXref : Reader::Kind::Xref, ignore);
    if (start && !m_readers.empty())
        m_readers.back().at = m_fed + at;
}

void PdfTableScan::byte(const char* data, qsizetype i)
{
    const char c = data[i];
    if (m_inName) {
        if (isWhiteOrDelimiter(c))
            endName();
        else if (m_nameLen < static_cast<int>(m_name.size()))
            m_name[static_cast<std::size_t>(m_nameLen++)] = c;
        else
            m_inName = false; // too long to be /Size or /Index: where it ends starts nothing new
    }
    for (std::size_t k = 0; k < m_readers.size();) {
        if (step(m_readers[k], c))
            ++k;
        else
            m_readers.erase(m_readers.begin() + static_cast<std::ptrdiff_t>(k));
    }
    if (c == '/') {
        m_inName = true;
        m_nameLen = 0;
    }
}

void PdfTableScan::keywordEnd(const char* data, qsizetype i)
{
    const char c = data[i];
    if (c == 'j' && before(data, i - 1) == 'b' && before(data, i - 2) == 'o')
        objAt(data, i - 2);
    else if (c == 'f' && before(data, i - 1) == 'e' && before(data, i - 2) == 'r' &&
             before(data, i - 3) == 'x')
        startXref(data, i - 3, 0);
    else if (c == 0)
        cutAt(data, i);
}

void PdfTableScan::feed(const char* data, qsizetype n)
{
    if (overLimit() || n <= 0)
        return;
    // Every byte a reader is reading goes through byte(). Between readers only pairs of bytes can start
    // something: the end of "obj" or "xref" (its keyword then checked backwards, into the tail when it
    // began in the chunk before), and "/S", "/I" or "/#", the start of a name that can be /Size or
    // /Index (read here when it ends in this chunk).
    for (qsizetype i = 0; i < n && !overLimit(); ++i) {
        if (m_readers.empty() && !m_inName) {
            if (i == 0 && !candidatePair(before(data, -1), data[0]))
                i = 1;
            i = i == 0 ? 0 : nextCandidate(data, i, n);
            if (i >= n)
                break;
            if (before(data, i - 1) == '/' &&
                (data[i] == 'S' || data[i] == 'I' || data[i] == 'P' || data[i] == 'X' || data[i] == '#')) {
                const qsizetype longest = static_cast<qsizetype>(m_name.size());
                qsizetype end = i;
                while (end < n && end - i <= longest && !isWhiteOrDelimiter(data[end]))
                    ++end;
                // "obj" or "xref" may end inside a name too: an offset can point into one. A reader it
                // starts reads what follows, the rest of the name included, byte by byte.
                qsizetype started = -1;
                for (qsizetype k = i; k < end && started < 0; ++k) {
                    if (data[k] == 'j' || data[k] == 'f') {
                        keywordEnd(data, k);
                        if (!m_readers.empty())
                            started = k;
                    }
                }
                if (started >= 0) {
                    m_nameLen = static_cast<int>(started + 1 - i);
                    m_inName = m_nameLen <= longest;
                    if (m_inName)
                        std::memcpy(m_name.data(), data + i, static_cast<size_t>(m_nameLen));
                    i = started; // the next byte goes through byte()
                    continue;
                }
                if (end - i > longest) {
                    i = end - 1; // too long to be /Size or /Index
                    continue;
                }
                m_nameLen = static_cast<int>(end - i);
                std::memcpy(m_name.data(), data + i, static_cast<size_t>(m_nameLen));
                if (end == n) { // it goes on in the next chunk
                    m_inName = true;
                    break;
                }
                endName();
                i = end - 1; // the byte that ended it is next
                continue;
            }
        }
        byte(data, i);
        keywordEnd(data, i);
    }
    // Keep the last bytes for the next chunk.
    const qsizetype keep = std::min<qsizetype>(n, static_cast<qsizetype>(m_tail.size()));
    const qsizetype old = std::min<qsizetype>(m_tailLen, static_cast<qsizetype>(m_tail.size()) - keep);
    std::memmove(m_tail.data(), m_tail.data() + m_tailLen - old, static_cast<size_t>(old));
    std::memcpy(m_tail.data() + old, data + n - keep, static_cast<size_t>(keep));
    m_tailLen = static_cast<int>(old + keep);
    m_fed += n;
}

void PdfTableScan::finish()
{
    if (m_inName)
        endName();
    for (Reader& r : m_readers) {
        if (r.inToken && !r.inComment) {
            r.inToken = false;
            (void)token(r);
        }
    }
    m_readers.clear();
    // A table in "startxref" that an offset points to is read whole by Poppler. Too many offsets to
    // keep: every such table counts whole.
    if (m_offsets.size() > MaxRecorded) {
        for (const InnerTable& t : m_inner)
            note(t.first + t.count);
    } else {
        std::sort(m_offsets.begin(), m_offsets.end());
        for (const InnerTable& t : m_inner) {
            if (std::binary_search(m_offsets.begin(), m_offsets.end(), t.at))
                note(t.first + t.count);
        }
    }
    m_inner.clear();
    m_offsets.clear();
    m_cuts.clear(); // no "obj" after them
}

qint64 PdfTableScan::scan(QIODevice* device)
{
    if (!device || !device->isReadable())
        return -1;
    const qint64 pos = device->pos();
    if (!device->seek(0))
        return -1;
    // 256 KiB at a time, or the whole document when it is smaller (a room of 256 KiB for a page of a
    // few kilobytes would be its own mmap, and wiped whole).
    const qint64 known = device->isSequential() ? 0 : device->size();
    const qint64 chunk = known > 0 ? std::min<qint64>(known, 256 * 1024) : 256 * 1024;
    std::unique_ptr<char[], WipeDelete> buf{new char[static_cast<std::size_t>(chunk)],
                                            WipeDelete{static_cast<std::size_t>(chunk)}};
    PdfTableScan scan;
    bool ok = true;
    for (;;) {
        const qint64 n = device->read(buf.get(), chunk);
        if (n < 0) {
            ok = false;
            break;
        }
        if (n == 0)
            break;
        scan.feed(buf.get(), n);
        if (scan.overLimit())
            break;
    }
    scan.finish();
    device->seek(pos);
    return ok ? scan.largest() : -1;
}
