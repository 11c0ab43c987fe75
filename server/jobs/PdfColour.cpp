#include "PdfColour.h"

#include "Log.h"
#include "PdfPageTree.h"
#include "PdfPageWalker.h"
#include "QpdfReading.h"

#include <QIODevice>
#include <qpdf/Pipeline.hh>
#include <qpdf/QPDF.hh>
#include <qpdf/QPDFObjectHandle.hh>
#include <qpdf/QPDFPageObjectHelper.hh>

#include <algorithm>
#include <cmath>
#include <limits>
#include <set>
#include <vector>

namespace {

// The render's tolerance (DocumentInspector: channels may differ by 12 of 255 and still be grey).
constexpr double GreyTolerance = 12.0 / 255.0;
// Work limits: past them the verdict is Unknown and the render decides.
constexpr size_t MaxContentBytes = 8U * 1024U * 1024U;
constexpr long MaxOperators = 200000;
constexpr int MaxFormDepth = 12;
constexpr int MaxPalette = 256;

enum class Tone { Grey, Colour, Unknown };

bool greyRgb(double r, double g, double b)
{
    return std::abs(r - g) <= GreyTolerance && std::abs(g - b) <= GreyTolerance &&
           std::abs(r - b) <= GreyTolerance;
}

Tone rgbTone(double r, double g, double b)
{
    return greyRgb(r, g, b) ? Tone::Grey : Tone::Colour;
}

Tone cmykTone(double c, double m, double y, double k)
{
    return rgbTone((1 - c) * (1 - k), (1 - m) * (1 - k), (1 - y) * (1 - k));
}

/// A colour space as far as grey or colour goes.
struct Space
{
    enum class Kind { Grey, Rgb, Cmyk, Indexed, Pattern, Other } kind = Kind::Grey;
    std::vector<Tone> palette; ///< Indexed: the tone of each entry
};

struct State
{
    Space fillSpace;
    Space strokeSpace;
    Tone fill = Tone::Grey; // black in DeviceGray
    Tone stroke = Tone::Grey;
    int textMode = 0;
    bool type3 = false;
};

/// Collects decoded content-stream bytes and gives up past a limit, before qpdf would hold a whole
/// oversized content stream in memory.
class BoundedSink : public Pipeline
{
public:
    struct Full
    {
    };
    /// Past `limit` bytes it throws Full, after keeping the first `limit` bytes when `keepPrefix`.
    explicit BoundedSink(size_t limit, bool keepPrefix = false)
        : Pipeline("bounded content", nullptr), m_limit(limit), m_keepPrefix(keepPrefix)
    {
    }
    void write(unsigned char const* data, size_t len) override
    {
        if (m_data.size() + len > m_limit) {
            if (m_keepPrefix)
                m_data.append(reinterpret_cast<const char*>(data), m_limit - m_data.size());
            throw Full();
        }
        m_data.append(reinterpret_cast<const char*>(data), len);
    }
    void finish() override {}
    std::string& data() { return m_data; }

private:
    size_t m_limit;
    bool m_keepPrefix;
    std::string m_data;
};

class Classifier : public QPDFObjectHandle::ParserCallbacks
{
public:
    Classifier() { m_scratch.emptyPDF(); }

    Tone result = Tone::Grey;

    /// Decodes a content stream (or the page's array of them) within what is left of the byte limit;
    /// false when it is over the limit or cannot be decoded.
    bool decode(QPDFObjectHandle content, std::string* out)
    {
        std::vector<QPDFObjectHandle> streams;
        if (content.isArray()) {
            for (int i = 0; i < content.getArrayNItems(); ++i)
                streams.push_back(content.getArrayItem(i));
        } else {
            streams.push_back(content);
        }
        BoundedSink sink(MaxContentBytes - std::min(MaxContentBytes, m_bytes));
        try {
            for (QPDFObjectHandle& stream : streams) {
                if (!stream.isStream() || !stream.pipeStreamData(&sink, 0, qpdf_dl_generalized, true))
                    return false;
                sink.write(reinterpret_cast<const unsigned char*>("\n"), 1);
            }
        } catch (const BoundedSink::Full&) {
            return false;
        }
        m_bytes += sink.data().size();
        out->swap(sink.data());
        return true;
    }

    void run(QPDFObjectHandle resources, QPDFObjectHandle content, bool isPage, QPDFPageObjectHelper* page,
             int depth)
    {
        if (depth > MaxFormDepth) {
            unknown();
            return;
        }
        // A form starts from the graphics state it is drawn in; what it changes ends with it.
        m_states.push_back(m_states.empty() ? State{} : m_states.back());
        m_frames.push_back(Frame{resources, {}, m_states.size(), false});
        try {
            std::string data;
            QPDFObjectHandle source = isPage ? page->getObjectHandle().getKey("/Contents") : content;
            if (isPage && source.isNull()) {
                // an empty page
            } else if (!decode(source, &data)) {
                unknown();
            } else {
                QPDFObjectHandle::parseContentStream(QPDFObjectHandle::newStream(&m_scratch, data), this);
            }
        } catch (const std::exception& e) {
            qCInfo(lcIngest) << "qpdf cannot read a content stream for the colour:" << e.what();
            unknown();
        }
        m_states.resize(m_frames.back().base - 1);
        m_frames.pop_back();
    }

    void handleObject(QPDFObjectHandle obj) override
    {
        Frame& f = m_frames.back();
        if (f.inInline) {
            if (obj.isOperator() && obj.getOperatorValue() == "ID") {
                f.inInline = false;
                inlineImage(f.operands);
                f.operands.clear();
            } else {
                f.operands.push_back(obj);
            }
            return;
        }
        if (!obj.isOperator()) {
            if (!obj.isInlineImage())
                f.operands.push_back(obj);
            return;
        }
        if (++m_operators > MaxOperators) {
            unknown();
            terminateParsing();
        }
        const std::string op = obj.getOperatorValue();
        std::vector<QPDFObjectHandle> operands;
        operands.swap(f.operands);
        operate(op, operands);
        // One coloured mark settles it.
        if (result == Tone::Colour)
            terminateParsing();
    }

    void handleEOF() override {}

private:
    struct Frame
    {
        QPDFObjectHandle resources;
        std::vector<QPDFObjectHandle> operands;
        size_t base; ///< m_states' size at the frame's start: Q never pops below it
        bool inInline;
    };

    State& st() { return m_states.back(); }

    void unknown()
    {
        if (result == Tone::Grey)
            result = Tone::Unknown;
    }

    void paint(Tone t)
    {
        if (t == Tone::Colour)
            result = Tone::Colour;
        else if (t == Tone::Unknown)
            unknown();
    }

    static std::vector<double> numbers(std::vector<QPDFObjectHandle>& ops)
    {
        std::vector<double> v;
        for (auto o : ops) {
            if (o.isNumber())
                v.push_back(o.getNumericValue());
        }
        return v;
    }

    QPDFObjectHandle resource(const char* category, const std::string& name)
    {
        QPDFObjectHandle r = m_frames.back().resources;
        if (!r.isDictionary())
            return QPDFObjectHandle::newNull();
        QPDFObjectHandle dict = r.getKey(category);
        if (!dict.isDictionary())
            return QPDFObjectHandle::newNull();
        return dict.getKey(name);
    }

    // The tone of a palette's entries (raw lookup bytes in the base space).
    static std::vector<Tone> paletteTones(const Space& base, int hival, QPDFObjectHandle lookup)
    {
        const int n = base.kind == Space::Kind::Rgb ? 3 : base.kind == Space::Kind::Cmyk ? 4 : 1;
        std::string bytes;
        if (lookup.isString())
            bytes = lookup.getStringValue();
        if (lookup.isStream()) {
            // Only the entries read below: a lookup stream of a few KB can inflate to gigabytes (a 1 MB
            // PDF took 2.1 GB and 8 s at intake when the whole stream was decoded).
            BoundedSink sink(
                static_cast<size_t>(std::min(hival, MaxPalette - 1) + 1) * static_cast<size_t>(n), true);
            try {
                lookup.pipeStreamData(&sink, 0, qpdf_dl_generalized, true);
            } catch (const BoundedSink::Full&) {
                // the entries needed have arrived
            }
            bytes.swap(sink.data());
        }
        std::vector<Tone> tones;
        for (int i = 0; i <= hival && i < MaxPalette; ++i) {
            const size_t at = static_cast<size_t>(i) * static_cast<size_t>(n);
            if (at + static_cast<size_t>(n) > bytes.size()) {
                tones.push_back(Tone::Unknown);
                continue;
            }
            auto c = [&](int k) {
                return static_cast<unsigned char>(bytes[at + static_cast<size_t>(k)]) / 255.0;
            };
            if (base.kind == Space::Kind::Grey)
                tones.push_back(Tone::Grey);
            else if (base.kind == Space::Kind::Rgb)
                tones.push_back(rgbTone(c(0), c(1), c(2)));
            else if (base.kind == Space::Kind::Cmyk)
                tones.push_back(cmykTone(c(0), c(1), c(2), c(3)));
            else
                tones.push_back(Tone::Unknown);
        }
        return tones;
    }

    Space space(QPDFObjectHandle cs, int depth = 0)
    {
        Space s;
        s.kind = Space::Kind::Other;
        if (depth > 4)
            return s;
        if (cs.isName()) {
            const std::string n = cs.getName();
            if (n == "/DeviceGray" || n == "/G" || n == "/CalGray")
                s.kind = Space::Kind::Grey;
            else if (n == "/DeviceRGB" || n == "/RGB")
                s.kind = Space::Kind::Rgb;
            else if (n == "/DeviceCMYK" || n == "/CMYK")
                s.kind = Space::Kind::Cmyk;
            else if (n == "/Pattern")
                s.kind = Space::Kind::Pattern;
            else {
                QPDFObjectHandle named = resource("/ColorSpace", n);
                if (!named.isNull())
                    return space(named, depth + 1);
            }
            return s;
        }
        if (!cs.isArray() || cs.getArrayNItems() < 1 || !cs.getArrayItem(0).isName())
            return s;
        const std::string family = cs.getArrayItem(0).getName();
        if (family == "/CalGray") {
            s.kind = Space::Kind::Grey;
        } else if (family == "/CalRGB") {
            s.kind = Space::Kind::Rgb;
        } else if (family == "/ICCBased" && cs.getArrayNItems() >= 2 && cs.getArrayItem(1).isStream()) {
            QPDFObjectHandle n = cs.getArrayItem(1).getDict().getKey("/N");
            const long long comps = n.isInteger() ? n.getIntValue() : 0;
            s.kind = comps == 1   ? Space::Kind::Grey
                     : comps == 3 ? Space::Kind::Rgb
                     : comps == 4 ? Space::Kind::Cmyk
                                  : Space::Kind::Other;
        } else if ((family == "/Indexed" || family == "/I") && cs.getArrayNItems() >= 4) {
            const Space base = space(cs.getArrayItem(1), depth + 1);
            QPDFObjectHandle hival = cs.getArrayItem(2);
            if (hival.isInteger() && hival.getIntValue() >= 0) {
                s.kind = Space::Kind::Indexed;
                s.palette =
                    paletteTones(base, static_cast<int>(std::min<long long>(hival.getIntValue(), MaxPalette)),
                                 cs.getArrayItem(3));
            }
        } else if (family == "/Separation" && cs.getArrayNItems() >= 2 && cs.getArrayItem(1).isName()) {
            const std::string colorant = cs.getArrayItem(1).getName();
            if (colorant == "/Black" || colorant == "/All" || colorant == "/None")
                s.kind = Space::Kind::Grey;
        } else if (family == "/Pattern") {
            s.kind = Space::Kind::Pattern;
        }
        return s;
    }

    static Tone initialTone(const Space& s)
    {
        switch (s.kind) {
        case Space::Kind::Grey:
        case Space::Kind::Rgb:
        case Space::Kind::Cmyk:
            return Tone::Grey; // black
        case Space::Kind::Indexed:
            return s.palette.empty() ? Tone::Unknown : s.palette.front();
        default:
            return Tone::Unknown;
        }
    }

    static Tone toneIn(const Space& s, std::vector<QPDFObjectHandle>& ops)
    {
        const std::vector<double> v = numbers(ops);
        switch (s.kind) {
        case Space::Kind::Grey:
            return Tone::Grey;
        case Space::Kind::Rgb:
            return v.size() >= 3 ? rgbTone(v[0], v[1], v[2]) : Tone::Unknown;
        case Space::Kind::Cmyk:
            return v.size() >= 4 ? cmykTone(v[0], v[1], v[2], v[3]) : Tone::Unknown;
        case Space::Kind::Indexed: {
            if (v.empty())
                return Tone::Unknown;
            const auto i = static_cast<long long>(v[0]);
            if (i < 0 || i >= static_cast<long long>(s.palette.size()))
                return Tone::Unknown;
            return s.palette[static_cast<size_t>(i)];
        }
        default:
            return Tone::Unknown;
        }
    }

    void paintText()
    {
        if (st().type3) {
            unknown();
            return;
        }
        const int m = st().textMode;
        if (m == 0 || m == 2 || m == 4 || m == 6)
            paint(st().fill);
        if (m == 1 || m == 2 || m == 5 || m == 6)
            paint(st().stroke);
    }

    void image(QPDFObjectHandle dict)
    {
        QPDFObjectHandle mask = dict.getKey("/ImageMask");
        if (mask.isBool() && mask.getBoolValue()) {
            paint(st().fill);
            return;
        }
        QPDFObjectHandle cs = dict.getKey("/ColorSpace");
        if (cs.isNull()) {
            unknown(); // JPX carries its own colour space
            return;
        }
        const Space s = space(cs);
        if (s.kind == Space::Kind::Grey)
            return;
        if (s.kind == Space::Kind::Indexed && !s.palette.empty() &&
            std::all_of(s.palette.begin(), s.palette.end(), [](Tone t) { return t == Tone::Grey; }))
            return;
        // Colour-capable pixels: only decoding them would tell.
        unknown();
    }

    void inlineImage(std::vector<QPDFObjectHandle>& ops)
    {
        QPDFObjectHandle dict = QPDFObjectHandle::newDictionary();
        for (size_t i = 0; i + 1 < ops.size(); i += 2) {
            if (!ops[i].isName())
                continue;
            std::string key = ops[i].getName();
            if (key == "/IM")
                key = "/ImageMask";
            else if (key == "/CS")
                key = "/ColorSpace";
            dict.replaceKey(key, ops[i + 1]);
        }
        image(dict);
    }

    void xobject(const std::string& name)
    {
        QPDFObjectHandle x = resource("/XObject", name);
        if (!x.isStream()) {
            unknown();
            return;
        }
        QPDFObjectHandle dict = x.getDict();
        QPDFObjectHandle subtype = dict.getKey("/Subtype");
        if (subtype.isNameAndEquals("/Image")) {
            // An image mask paints in the current colour; other images are judged once.
            QPDFObjectHandle mask = dict.getKey("/ImageMask");
            const bool isMask = mask.isBool() && mask.getBoolValue();
            if (!isMask && x.isIndirect() && !m_seenImages.insert(x.getObjGen()).second)
                return;
            image(dict);
        } else if (subtype.isNameAndEquals("/Form")) {
            QPDFObjectHandle res = dict.getKey("/Resources");
            if (!res.isDictionary())
                res = m_frames.back().resources;
            run(res, x, false, nullptr, static_cast<int>(m_frames.size()));
        } else {
            unknown();
        }
    }

    void operate(const std::string& op, std::vector<QPDFObjectHandle>& ops)
    {
        State& s = st();
        if (op == "q") {
            m_states.push_back(s);
        } else if (op == "Q") {
            if (m_states.size() > m_frames.back().base)
                m_states.pop_back();
        } else if (op == "g") {
            s.fillSpace = Space{};
            s.fill = Tone::Grey;
        } else if (op == "G") {
            s.strokeSpace = Space{};
            s.stroke = Tone::Grey;
        } else if (op == "rg" || op == "RG") {
            const std::vector<double> v = numbers(ops);
            const Tone t = v.size() >= 3 ? rgbTone(v[0], v[1], v[2]) : Tone::Unknown;
            (op == "rg" ? s.fillSpace : s.strokeSpace).kind = Space::Kind::Rgb;
            (op == "rg" ? s.fill : s.stroke) = t;
        } else if (op == "k" || op == "K") {
            const std::vector<double> v = numbers(ops);
            const Tone t = v.size() >= 4 ? cmykTone(v[0], v[1], v[2], v[3]) : Tone::Unknown;
            (op == "k" ? s.fillSpace : s.strokeSpace).kind = Space::Kind::Cmyk;
            (op == "k" ? s.fill : s.stroke) = t;
        } else if (op == "cs" || op == "CS") {
            Space sp;
            sp.kind = Space::Kind::Other;
            if (!ops.empty())
                sp = space(ops.back());
            (op == "cs" ? s.fillSpace : s.strokeSpace) = sp;
            (op == "cs" ? s.fill : s.stroke) = initialTone(sp);
        } else if (op == "sc" || op == "scn") {
            s.fill = toneIn(s.fillSpace, ops);
        } else if (op == "SC" || op == "SCN") {
            s.stroke = toneIn(s.strokeSpace, ops);
        } else if (op == "f" || op == "F" || op == "f*") {
            paint(s.fill);
        } else if (op == "S" || op == "s") {
            paint(s.stroke);
        } else if (op == "B" || op == "B*" || op == "b" || op == "b*") {
            paint(s.fill);
            paint(s.stroke);
        } else if (op == "Tr") {
            const std::vector<double> v = numbers(ops);
            // Poppler ignores an operand that is not an integer and tests the mode's low bits (converting
            // a larger number to int would be undefined: found by fuzz_ipp_request under UBSan).
            if (!v.empty() && v[0] == std::floor(v[0]) && v[0] >= std::numeric_limits<int>::min() &&
                v[0] <= std::numeric_limits<int>::max())
                s.textMode = static_cast<int>(v[0]) & 7;
        } else if (op == "Tf") {
            s.type3 = false;
            if (!ops.empty() && ops.front().isName()) {
                QPDFObjectHandle font = resource("/Font", ops.front().getName());
                s.type3 = font.isDictionary() && font.getKey("/Subtype").isNameAndEquals("/Type3");
            }
        } else if (op == "Tj" || op == "TJ" || op == "'" || op == "\"") {
            paintText();
        } else if (op == "sh") {
            QPDFObjectHandle sh = ops.empty() || !ops.back().isName()
                                      ? QPDFObjectHandle::newNull()
                                      : resource("/Shading", ops.back().getName());
            QPDFObjectHandle dict = sh.isStream() ? sh.getDict() : sh;
            if (!dict.isDictionary() || space(dict.getKey("/ColorSpace")).kind != Space::Kind::Grey)
                unknown();
        } else if (op == "Do") {
            if (!ops.empty() && ops.back().isName())
                xobject(ops.back().getName());
            else
                unknown();
        } else if (op == "BI") {
            m_frames.back().inInline = true;
        } else if (op == "d0") {
            unknown();
        }
    }

    // Decoded content is parsed as a stream of this empty document: a new stream in the document read
    // makes qpdf resolve all of that document's objects first (QPDF::fixDanglingReferences).
    QPDF m_scratch;
    std::vector<Frame> m_frames;
    std::vector<State> m_states;
    std::set<QPDFObjGen> m_seenImages;
    size_t m_bytes = 0;
    long m_operators = 0;
};

} // namespace

PdfColour::Verdict PdfColour::firstPage(QIODevice* device)
{
    // qpdf's memory and time as at intake (PdfPageTree::check); past them the colour is unknown.
    Verdict verdict = Verdict::Unknown;
    const QpdfReading::Outcome read =
        QpdfReading::run(device, PdfPageTree::MaxMemory, PdfPageTree::MaxSeconds,
                         [&](QPDF& pdf) { verdict = firstPage(pdf); });
    if (read.exceeded) {
        qCInfo(lcIngest) << "qpdf would take more than" << PdfPageTree::MaxMemory << "bytes or"
                         << PdfPageTree::MaxSeconds << "s to read the document's colour";
        return Verdict::Unknown;
    }
    if (!read.error.empty()) {
        qCInfo(lcIngest) << "qpdf cannot read the document for its colour:" << read.error.c_str();
        return Verdict::Unknown;
    }
    return verdict;
}

PdfColour::Verdict PdfColour::firstPage(QPDF& pdf)
{
    try {
        // Page 1 as Poppler finds it: a few objects read, where walking every page would read each
        // page object (in another encrypted chunk of a long spool file).
        QPDFObjectHandle leaf = PdfPageWalker(pdf, 1).next();
        if (leaf.isNull())
            return Verdict::Unknown;
        QPDFPageObjectHelper page(leaf);
        QPDFObjectHandle pageObject = page.getObjectHandle();
        Classifier c;
        {
            c.run(page.getAttribute("/Resources", false), pageObject, true, &page, 0);
            // Annotation appearances are drawn too.
            QPDFObjectHandle annots = pageObject.getKey("/Annots");
            for (int i = 0;
                 annots.isArray() && i < annots.getArrayNItems() && i < 1000 && c.result != Tone::Colour;
                 ++i) {
                QPDFObjectHandle annot = annots.getArrayItem(i);
                if (!annot.isDictionary())
                    continue;
                QPDFObjectHandle ap = annot.getKey("/AP");
                if (!ap.isDictionary())
                    continue;
                QPDFObjectHandle n = ap.getKey("/N");
                if (n.isStream())
                    c.run(n.getDict().getKey("/Resources"), n, false, nullptr, 1);
                else if (!n.isNull())
                    c.result = c.result == Tone::Grey ? Tone::Unknown : c.result;
            }
        }
        switch (c.result) {
        case Tone::Grey:
            return Verdict::Mono;
        case Tone::Colour:
            return Verdict::Colour;
        case Tone::Unknown:
            return Verdict::Unknown;
        }
    } catch (const std::exception& e) {
        qCInfo(lcIngest) << "qpdf cannot read the document for its colour:" << e.what();
    }
    return Verdict::Unknown;
}

QString PdfColour::name(Verdict verdict)
{
    switch (verdict) {
    case Verdict::Mono:
        return QStringLiteral("mono");
    case Verdict::Colour:
        return QStringLiteral("colour");
    case Verdict::Unknown:
        break;
    }
    return QStringLiteral("unknown");
}
