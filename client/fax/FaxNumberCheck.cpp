#include "FaxNumberCheck.h"

#include <QRegularExpression>
#include <QStringList>

#if __has_include("fax/FaxNumber.h")
#include "fax/FaxNumber.h"
#define MPS_HAVE_SHARED_FAX_NUMBER 1
#elif __has_include("FaxNumber.h")
#include "FaxNumber.h"
#define MPS_HAVE_SHARED_FAX_NUMBER 1
#endif

namespace {

#ifndef MPS_HAVE_SHARED_FAX_NUMBER
FaxNumberCheck::Result failure(const char* code)
{
    FaxNumberCheck::Result r;
    r.errorCode = QString::fromLatin1(code);
    return r;
}

// The local rules of docs/fax.md, used until common/fax/FaxNumber is part of the build.
QString areaCode(const QString& digits)
{
    if (digits.startsWith(QLatin1String("02")))
        return QStringLiteral("02");
    static const QStringList three = {
        QStringLiteral("031"), QStringLiteral("032"), QStringLiteral("033"), QStringLiteral("041"),
        QStringLiteral("042"), QStringLiteral("043"), QStringLiteral("044"), QStringLiteral("051"),
        QStringLiteral("052"), QStringLiteral("053"), QStringLiteral("054"), QStringLiteral("055"),
        QStringLiteral("061"), QStringLiteral("062"), QStringLiteral("063"), QStringLiteral("064"),
        QStringLiteral("010"), QStringLiteral("011"), QStringLiteral("016"), QStringLiteral("017"),
        QStringLiteral("018"), QStringLiteral("019"), QStringLiteral("070"), QStringLiteral("050")};
    for (const QString& a : three)
        if (digits.startsWith(a))
            return a;
    return {};
}

FaxNumberCheck::Result localCheck(const QString& typed, const QString& outsidePrefix, int extensionDigits)
{
    const QString text = typed.trimmed();
    if (text.isEmpty())
        return failure("empty");
    QString main = text;
    QString sub;
    if (const int hash = text.indexOf(QLatin1Char('#')); hash >= 0) {
        main = text.left(hash).trimmed();
        sub = text.mid(hash + 1).trimmed();
        static const QRegularExpression subDigits(QStringLiteral("^[0-9]{1,20}$"));
        if (!subDigits.match(sub).hasMatch())
            return failure("bad-subaddress");
    }
    static const QRegularExpression allowed(QStringLiteral("^\\+?[0-9 ().\\-]*$"));
    if (!allowed.match(main).hasMatch())
        return failure("invalid-characters");
    QString digits;
    for (QChar c : main)
        if (c.isDigit())
            digits += c;
    if (digits.isEmpty())
        return failure("empty");
    // "+82 2 ...", "0082 2 ..." and "82-2-..." are Korean numbers written for abroad.
    bool international = main.startsWith(QLatin1Char('+'));
    if (!international && digits.startsWith(QLatin1String("00"))) {
        digits.remove(0, 2);
        international = true;
    }
    if (international || (digits.startsWith(QLatin1String("82")) && digits.size() >= 9)) {
        if (!digits.startsWith(QLatin1String("82")))
            return failure("international-unsupported");
        digits = digits.mid(2);
        if (!digits.startsWith(QLatin1Char('0')))
            digits.prepend(QLatin1Char('0'));
    }
    FaxNumberCheck::Result r;
    if (!digits.startsWith(QLatin1Char('0'))) {
        if (digits.size() == extensionDigits) {
            r.ok = true;
            r.dialString = digits;
            r.display = digits;
        } else if (digits.size() == 8 &&
                   (digits.startsWith(QLatin1String("15")) || digits.startsWith(QLatin1String("16")) ||
                    digits.startsWith(QLatin1String("18")))) {
            r.ok = true;
            r.dialString = outsidePrefix + digits;
            r.display = digits.left(4) + QLatin1Char('-') + digits.mid(4);
        } else if (digits.size() < 8) {
            return failure("too-short");
        } else {
            return failure("bad-area-code");
        }
    } else {
        const QString area = areaCode(digits);
        if (area.isEmpty())
            return digits.size() < 3 ? failure("too-short") : failure("bad-area-code");
        const int local = static_cast<int>(digits.size() - area.size());
        if (local < 7)
            return failure("too-short");
        if (local > 8)
            return failure("too-long");
        const int head = local - 4;
        r.ok = true;
        r.dialString = outsidePrefix + digits;
        r.display =
            area + QLatin1Char('-') + digits.mid(area.size(), head) + QLatin1Char('-') + digits.right(4);
    }
    if (!sub.isEmpty()) {
        r.dialString += QLatin1Char('#') + sub;
        r.display += QLatin1Char('#') + sub;
    }
    return r;
}
#endif

} // namespace

FaxNumberCheck::Result FaxNumberCheck::check(const QString& typed, const QString& outsidePrefix,
                                             int extensionDigits)
{
#ifdef MPS_HAVE_SHARED_FAX_NUMBER
    FaxDialPlan plan;
    plan.outsidePrefix = outsidePrefix;
    plan.extensionDigits = extensionDigits;
    const FaxNumberResult shared = FaxNumber::normalize(typed, plan);
    Result r;
    r.ok = shared.ok;
    r.dialString = shared.dialString;
    r.display = shared.display;
    r.errorCode = shared.errorCode;
    return r;
#else
    return localCheck(typed, outsidePrefix, extensionDigits);
#endif
}

bool FaxNumberCheck::usesSharedRules()
{
#ifdef MPS_HAVE_SHARED_FAX_NUMBER
    return true;
#else
    return false;
#endif
}
