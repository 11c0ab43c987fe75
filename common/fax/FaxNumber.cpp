#include "FaxNumber.h"

#include <QStringList>

namespace {

constexpr int MaxSubaddressDigits = 20;

bool allDigits(const QString& s)
{
    for (const QChar c : s)
        if (c < QLatin1Char('0') || c > QLatin1Char('9'))
            return false;
    return true;
}

// Length rule of one prefix: the total national lengths allowed (digits, leading 0 included).
struct Prefix
{
    const char* prefix;
    int lengths[2];
};

// Korean numbering plan: Seoul 02 (7 or 8 subscriber digits), the provinces' 0NN area codes, mobiles
// (010 always 8 subscriber digits, the old 01X 7 or 8), 070 internet phones, 080 free calls.
constexpr Prefix Prefixes[] = {
    {"02", {9, 10}},   {"031", {10, 11}}, {"032", {10, 11}}, {"033", {10, 11}}, {"041", {10, 11}},
    {"042", {10, 11}}, {"043", {10, 11}}, {"044", {10, 11}}, {"051", {10, 11}}, {"052", {10, 11}},
    {"053", {10, 11}}, {"054", {10, 11}}, {"055", {10, 11}}, {"061", {10, 11}}, {"062", {10, 11}},
    {"063", {10, 11}}, {"064", {10, 11}}, {"010", {11, 11}}, {"011", {10, 11}}, {"016", {10, 11}},
    {"017", {10, 11}}, {"018", {10, 11}}, {"019", {10, 11}}, {"070", {11, 11}}, {"080", {10, 10}},
    {"15", {8, 8}},    {"16", {8, 8}},    {"18", {8, 8}},
};

} // namespace

QString FaxNumber::groupNational(const QString& digits, QString* errorCode)
{
    const Prefix* match = nullptr;
    for (const Prefix& p : Prefixes)
        if (digits.startsWith(QLatin1String(p.prefix)))
            match = &p;
    if (!match) {
        // Two digits cannot say which area yet.
        *errorCode = digits.size() < 3 ? QStringLiteral("too-short") : QStringLiteral("bad-area-code");
        return {};
    }
    const int n = static_cast<int>(digits.size());
    if (n < match->lengths[0] || (n > match->lengths[0] && n < match->lengths[1])) {
        *errorCode = QStringLiteral("too-short");
        return {};
    }
    if (n > match->lengths[1]) {
        *errorCode = QStringLiteral("too-long");
        return {};
    }
    if (digits.startsWith(QLatin1Char('1'))) // 1588-1234
        return digits.left(4) + QLatin1Char('-') + digits.mid(4);
    const int area = static_cast<int>(qstrlen(match->prefix));
    const int last = 4;
    const int middle = n - area - last;
    return digits.left(area) + QLatin1Char('-') + digits.mid(area, middle) + QLatin1Char('-') +
           digits.right(last);
}

FaxNumberResult FaxNumber::normalize(const QString& typed, const FaxDialPlan& plan)
{
    FaxNumberResult r;
    const QString trimmed = typed.trimmed();
    if (trimmed.isEmpty()) {
        r.errorCode = QStringLiteral("empty");
        return r;
    }
    // The number, then an optional T.30 sub-address after '#'.
    const qsizetype hash = trimmed.indexOf(QLatin1Char('#'));
    const QString typedMain = hash < 0 ? trimmed : trimmed.left(hash);
    const bool hasSub = hash >= 0;
    const QString sub = hasSub ? trimmed.mid(hash + 1).trimmed() : QString();

    QString main;
    for (const QChar c : typedMain) {
        if (c.isSpace() || c == QLatin1Char('-') || c == QLatin1Char('.') || c == QLatin1Char('(') ||
            c == QLatin1Char(')'))
            continue;
        if ((c >= QLatin1Char('0') && c <= QLatin1Char('9')) || (c == QLatin1Char('+') && main.isEmpty())) {
            main.append(c);
            continue;
        }
        r.errorCode = QStringLiteral("invalid-characters");
        return r;
    }
    if (main.isEmpty() || main == QLatin1String("+")) {
        r.errorCode =
            hasSub || main == QLatin1String("+") ? QStringLiteral("too-short") : QStringLiteral("empty");
        return r;
    }
    if (hasSub && (sub.isEmpty() || sub.size() > MaxSubaddressDigits || !allDigits(sub))) {
        r.errorCode = QStringLiteral("bad-subaddress");
        return r;
    }
    const QString subSuffix = hasSub ? QLatin1Char('#') + sub : QString();

    // An internal extension dials as it is, without the outside-line prefix.
    if (plan.extensionDigits > 0 && main.size() == plan.extensionDigits &&
        !main.startsWith(QLatin1Char('0')) && !main.startsWith(QLatin1Char('+'))) {
        r.ok = true;
        r.dialString = main + subSuffix;
        r.display = main + subSuffix;
        return r;
    }

    // International forms: "+82 2 ...", "82-2-...", "0082 ...", "00182 ..." (carrier codes); Korea only.
    QString national = main;
    if (main.startsWith(QLatin1Char('+')) || main.startsWith(QLatin1String("00")) ||
        main.startsWith(QLatin1String("82"))) {
        QString rest;
        if (main.startsWith(QLatin1Char('+'))) {
            rest = main.mid(1);
        } else if (main.startsWith(QLatin1String("00"))) {
            rest = main.mid(2);
            for (const char* carrier : {"700", "1", "2", "5", "6", "8"}) {
                const QString c = QLatin1String(carrier);
                if (rest.startsWith(c + QLatin1String("82"))) {
                    rest = rest.mid(c.size());
                    break;
                }
            }
        } else {
            rest = main;
        }
        if (!rest.startsWith(QLatin1String("82"))) {
            r.errorCode =
                rest.size() < 2 ? QStringLiteral("too-short") : QStringLiteral("international-unsupported");
            return r;
        }
        rest = rest.mid(2);
        // "+82 (0)2 ..." keeps the trunk 0 some people write.
        national = rest.startsWith(QLatin1Char('0')) ? rest : QLatin1Char('0') + rest;
        // 15xx/16xx/18xx numbers have no trunk 0.
        if (national.size() == 9 &&
            (national.startsWith(QLatin1String("015")) || national.startsWith(QLatin1String("016")) ||
             national.startsWith(QLatin1String("018"))) &&
            !rest.startsWith(QLatin1Char('0')))
            national = rest;
    } else if (!main.startsWith(QLatin1Char('0')) && !main.startsWith(QLatin1Char('1'))) {
        // A local number without its area code, or too few digits for anything.
        r.errorCode = main.size() < 7 ? QStringLiteral("too-short") : QStringLiteral("bad-area-code");
        return r;
    }

    QString error;
    const QString display = groupNational(national, &error);
    if (display.isEmpty()) {
        r.errorCode = error;
        return r;
    }
    r.ok = true;
    r.dialString = plan.outsidePrefix + national + subSuffix;
    r.display = display + subSuffix;
    return r;
}
