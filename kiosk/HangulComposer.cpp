#include "HangulComposer.h"

namespace {
constexpr char16_t SyllableBase = 0xAC00;
constexpr char16_t SyllableLast = 0xD7A3;
// Compatibility jamo in the order of the Unicode syllable formula.
const QString Initials = QStringLiteral("ㄱㄲㄴㄷㄸㄹㅁㅂㅃㅅㅆㅇㅈㅉㅊㅋㅌㅍㅎ");
const QString Medials = QStringLiteral("ㅏㅐㅑㅒㅓㅔㅕㅖㅗㅘㅙㅚㅛㅜㅝㅞㅟㅠㅡㅢㅣ");
const QString Finals =
    QStringLiteral(" ㄱㄲㄳㄴㄵㄶㄷㄹㄺㄻㄼㄽㄾㄿㅀㅁㅂㅄㅅㅆㅇㅈㅊㅋㅌㅍㅎ"); // index 0: none

struct Pair
{
    QChar first, second, joined;
};
const Pair Vowels[] = {{u'ㅗ', u'ㅏ', u'ㅘ'}, {u'ㅗ', u'ㅐ', u'ㅙ'}, {u'ㅗ', u'ㅣ', u'ㅚ'},
                       {u'ㅜ', u'ㅓ', u'ㅝ'}, {u'ㅜ', u'ㅔ', u'ㅞ'}, {u'ㅜ', u'ㅣ', u'ㅟ'},
                       {u'ㅡ', u'ㅣ', u'ㅢ'}};
const Pair Clusters[] = {{u'ㄱ', u'ㅅ', u'ㄳ'}, {u'ㄴ', u'ㅈ', u'ㄵ'}, {u'ㄴ', u'ㅎ', u'ㄶ'},
                         {u'ㄹ', u'ㄱ', u'ㄺ'}, {u'ㄹ', u'ㅁ', u'ㄻ'}, {u'ㄹ', u'ㅂ', u'ㄼ'},
                         {u'ㄹ', u'ㅅ', u'ㄽ'}, {u'ㄹ', u'ㅌ', u'ㄾ'}, {u'ㄹ', u'ㅍ', u'ㄿ'},
                         {u'ㄹ', u'ㅎ', u'ㅀ'}, {u'ㅂ', u'ㅅ', u'ㅄ'}};

QChar join(const Pair* begin, const Pair* end, QChar a, QChar b)
{
    for (const Pair* p = begin; p != end; ++p)
        if (p->first == a && p->second == b)
            return p->joined;
    return {};
}

// The cluster a final splits into when a vowel follows ({} when it is a single consonant).
const Pair* split(QChar cluster)
{
    for (const Pair& p : Clusters)
        if (p.joined == cluster)
            return &p;
    return nullptr;
}

QChar syllable(qsizetype initial, qsizetype medial, qsizetype final)
{
    return QChar(static_cast<char16_t>(SyllableBase + (initial * 21 + medial) * 28 + final));
}
} // namespace

HangulComposer::HangulComposer(QObject* parent) : QObject(parent) {}

QString HangulComposer::type(const QString& text, const QString& jamo)
{
    if (jamo.size() != 1 || text.isEmpty())
        return text + jamo;
    const QChar key = jamo.at(0);
    const QChar last = text.back();
    const QString head = text.chopped(1);
    const bool vowel = Medials.contains(key);
    if (!vowel && !Initials.contains(key))
        return text + jamo;

    if (last.unicode() >= SyllableBase && last.unicode() <= SyllableLast) {
        const int index = last.unicode() - SyllableBase;
        const int initial = index / (21 * 28), medial = (index / 28) % 21, final = index % 28;
        if (!vowel) {
            // A consonant closes an open syllable, or joins its final into a cluster.
            if (final == 0 && Finals.indexOf(key) > 0)
                return head + syllable(initial, medial, Finals.indexOf(key));
            const QChar cluster =
                final ? join(std::begin(Clusters), std::end(Clusters), Finals.at(final), key) : QChar();
            if (!cluster.isNull())
                return head + syllable(initial, medial, Finals.indexOf(cluster));
            return text + jamo;
        }
        if (final == 0) {
            const QChar both = join(std::begin(Vowels), std::end(Vowels), Medials.at(medial), key);
            return both.isNull() ? text + jamo : head + syllable(initial, Medials.indexOf(both), 0);
        }
        // A vowel after a final takes it (or the second half of a cluster) as its initial: 간+ㅏ → 가나.
        const QChar moved = Finals.at(final);
        if (const Pair* p = split(moved))
            return head + syllable(initial, medial, Finals.indexOf(p->first)) +
                   syllable(Initials.indexOf(p->second), Medials.indexOf(key), 0);
        if (Initials.contains(moved))
            return head + syllable(initial, medial, 0) +
                   syllable(Initials.indexOf(moved), Medials.indexOf(key), 0);
        return text + jamo;
    }
    if (vowel && Initials.contains(last))
        return head + syllable(Initials.indexOf(last), Medials.indexOf(key), 0);
    if (vowel && Medials.contains(last)) {
        const QChar both = join(std::begin(Vowels), std::end(Vowels), last, key);
        return both.isNull() ? text + jamo : head + both;
    }
    return text + jamo;
}
