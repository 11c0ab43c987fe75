#include "PdfTableScan.h"

#include "Wiped.h"

#include <QIODevice>
#include <cstring>
#include <memory>

namespace {

constexpr qint64 Huge = qint64(1) << 40; // a number too long to be a real object count
constexpr int MaxReaders = 256;          // more at once: no real file does that, refused
constexpr qsizetype BackLimit = 1200;    // how far an "obj" header is read backwards

/// PDF white space (Poppler's Lexer::isSpace).
bool isWhite(char c)
{
    return c == 0 || c == '\t' || c == '\n' || c == '\f' || c == '\r' || c == ' ';
}

bool isDelimiter(char c)
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

/// White space as the C library sees it (Poppler's rebuild of a damaged table reads lines with it).
bool isCSpace(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\v' || c == '\f' || c == '\r';
}

bool isDigit(char c)
{
    return c >= '0' && c <= '9';
}

int hexValue(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
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

void PdfTableScan::objAt(const char* data, qsizetype at)
{
    // Poppler's rebuild: "num gen obj" read from lines of up to 255 characters, white space between;
    // a number that ends its line's C string (a NUL right after it) goes on on the next line. So going
    // backwards from "obj": white space, then the digits of gen, either right there or, past a line
    // break, just before the first NUL of the line before; then the same again for num.
    const qsizetype low = std::max<qsizetype>(at - BackLimit, -m_tailLen);
    qsizetype i = at - 1;
    auto digitsEndingBefore = [&](qsizetype& pos) -> bool {
        bool crossedBreak = false;
        while (pos >= low && isCSpace(before(data, pos))) {
            crossedBreak = crossedBreak || before(data, pos) == '\n' || before(data, pos) == '\r';
            --pos;
        }
        if (pos < low)
            return false;
        if (isDigit(before(data, pos)))
            return true;
        if (!crossedBreak)
            return false;
        // The line before, up to its first NUL.
        qsizetype start = pos;
        while (start - 1 >= low && before(data, start - 1) != '\n' && before(data, start - 1) != '\r')
            --start;
        for (qsizetype k = start; k <= pos; ++k) {
            if (before(data, k) == 0) {
                if (k - 1 >= start && isDigit(before(data, k - 1))) {
                    pos = k - 1;
                    return true;
                }
                return false;
            }
        }
        return false;
    };
    if (!digitsEndingBefore(i))
        return;
    while (i >= low && isDigit(before(data, i))) // gen
        --i;
    if (i < low || !isCSpace(before(data, i)))
        return;
    if (!digitsEndingBefore(i))
        return;
    qint64 num = 0;
    qint64 scale = 1;
    int digits = 0;
    while (i >= low && isDigit(before(data, i))) {
        if (digits < 15)
            num += (before(data, i) - '0') * scale;
        else if (before(data, i) != '0')
            num = Huge;
        scale = digits < 15 ? scale * 10 : scale;
        ++digits;
        --i;
    }
    note(std::min(num, Huge) + 1);
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
        return false; // "[" is handled as it is read
    case Reader::Want::First:
        if (!isInt || value < 0)
            return false;
        if (r.kind == Reader::Kind::Size) {
            note(value);
            return false;
        }
        r.first = value;
        r.want = Reader::Want::Count;
        return true;
    case Reader::Want::Count:
        if (!isInt || value < 0)
            return false;
        // A table that "startxref" points into starts with the file's own offset: its count is what
        // is asked for beyond what is there.
        note(r.kind == Reader::Kind::StartXref ? value : r.first + value);
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
}

void PdfTableScan::byte(const char* data, qsizetype i)
{
    const char c = data[i];
    if (m_inName) {
        if (isWhite(c) || isDelimiter(c))
            endName();
        else if (m_nameLen < static_cast<int>(m_name.size()))
            m_name[static_cast<std::size_t>(m_nameLen++)] = c;
        else
            m_nameLen = static_cast<int>(m_name.size()) + 1; // too long to be /Size or /Index
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

void PdfTableScan::feed(const char* data, qsizetype n)
{
    if (overLimit() || n <= 0)
        return;
    // "obj" headers, read backwards (also one whose "obj" began in the tail).
    for (int k = 1; k <= 2; ++k) {
        if (m_tailLen >= k && n >= 3 - k && std::memcmp(m_tail.data() + m_tailLen - k, "obj", k) == 0 &&
            std::memcmp(data, "obj" + k, 3 - k) == 0)
            objAt(data, -k);
    }
    for (const char* p = data; (p = static_cast<const char*>(memmem(p, data + n - p, "obj", 3)));) {
        objAt(data, p - data);
        p += 3;
    }
    // "xref" that began in the tail: its reader starts after the rest of the keyword.
    for (int k = 1; k <= 3; ++k) {
        if (m_tailLen >= k && n >= 4 - k && std::memcmp(m_tail.data() + m_tailLen - k, "xref", k) == 0 &&
            std::memcmp(data, "xref" + k, 4 - k) == 0)
            startXref(data, -k, 4 - k);
    }
    // Names and "xref" keywords, with the readers they start; idle stretches are skipped.
    const char* nextSlash = nullptr;
    const char* nextXref = nullptr;
    qsizetype slashFrom = -1;
    qsizetype xrefFrom = -1;
    for (qsizetype i = 0; i < n && !overLimit();) {
        if (m_readers.empty() && !m_inName) {
            if (slashFrom < 0 || (nextSlash && nextSlash - data < i)) {
                nextSlash = static_cast<const char*>(std::memchr(data + i, '/', static_cast<size_t>(n - i)));
                slashFrom = i;
            }
            if (xrefFrom < 0 || (nextXref && nextXref - data < i)) {
                nextXref = static_cast<const char*>(memmem(data + i, static_cast<size_t>(n - i), "xref", 4));
                xrefFrom = i;
            }
            qsizetype next = n;
            if (nextSlash)
                next = std::min<qsizetype>(next, nextSlash - data);
            if (nextXref)
                next = std::min<qsizetype>(next, nextXref - data);
            if (next >= n)
                break;
            i = next;
        }
        byte(data, i);
        if (data[i] == 'x' && i + 4 <= n && std::memcmp(data + i, "xref", 4) == 0)
            startXref(data, i, 3);
        ++i;
    }
    // Keep the last bytes for the next chunk.
    const qsizetype keep = std::min<qsizetype>(n, static_cast<qsizetype>(m_tail.size()));
    const qsizetype old = std::min<qsizetype>(m_tailLen, static_cast<qsizetype>(m_tail.size()) - keep);
    std::memmove(m_tail.data(), m_tail.data() + m_tailLen - old, static_cast<size_t>(old));
    std::memcpy(m_tail.data() + old, data + n - keep, static_cast<size_t>(keep));
    m_tailLen = static_cast<int>(old + keep);
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
}

qint64 PdfTableScan::scan(QIODevice* device)
{
    if (!device || !device->isReadable())
        return -1;
    const qint64 pos = device->pos();
    if (!device->seek(0))
        return -1;
    constexpr qint64 Chunk = 256 * 1024;
    std::unique_ptr<char[], WipeDelete> buf{new char[Chunk], WipeDelete{Chunk}};
    PdfTableScan scan;
    bool ok = true;
    for (;;) {
        const qint64 n = device->read(buf.get(), Chunk);
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
