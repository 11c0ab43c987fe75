#include "Money.h"

#include <QHash>

#include <algorithm>
#include <limits>

namespace {

/// ISO 4217 currencies whose minor unit is not 1/100 (the list-one exponents that differ from 2).
int isoExponent(const QString& code)
{
    static const QHash<QString, int> exponents = {
        {QStringLiteral("BIF"), 0}, {QStringLiteral("CLP"), 0}, {QStringLiteral("DJF"), 0},
        {QStringLiteral("GNF"), 0}, {QStringLiteral("ISK"), 0}, {QStringLiteral("JPY"), 0},
        {QStringLiteral("KMF"), 0}, {QStringLiteral("KRW"), 0}, {QStringLiteral("PYG"), 0},
        {QStringLiteral("RWF"), 0}, {QStringLiteral("UGX"), 0}, {QStringLiteral("UYI"), 0},
        {QStringLiteral("VND"), 0}, {QStringLiteral("VUV"), 0}, {QStringLiteral("XAF"), 0},
        {QStringLiteral("XOF"), 0}, {QStringLiteral("XPF"), 0}, {QStringLiteral("BHD"), 3},
        {QStringLiteral("IQD"), 3}, {QStringLiteral("JOD"), 3}, {QStringLiteral("KWD"), 3},
        {QStringLiteral("LYD"), 3}, {QStringLiteral("OMR"), 3}, {QStringLiteral("TND"), 3},
        {QStringLiteral("CLF"), 4}, {QStringLiteral("UYW"), 4},
    };
    return exponents.value(code, 2);
}

qint64 powerOfTen(int exponent)
{
    qint64 p = 1;
    for (int i = 0; i < exponent; ++i)
        p *= 10;
    return p;
}

} // namespace

int Money::exponent(const QString& currency)
{
    return isoExponent(currency.trimmed().toUpper());
}

QString Money::symbol(const QString& currency, const QLocale& locale)
{
    const QString code = currency.trimmed().toUpper();
    if (locale.currencySymbol(QLocale::CurrencyIsoCode) == code)
        return locale.currencySymbol(QLocale::CurrencySymbol);
    // The usual symbols of currencies an office is likely to use; others show their ISO code.
    static const QHash<QString, QString> symbols = {
        {QStringLiteral("KRW"), QStringLiteral("₩")}, {QStringLiteral("USD"), QStringLiteral("$")},
        {QStringLiteral("EUR"), QStringLiteral("€")}, {QStringLiteral("JPY"), QStringLiteral("¥")},
        {QStringLiteral("GBP"), QStringLiteral("£")}, {QStringLiteral("CNY"), QStringLiteral("CN¥")},
    };
    return symbols.value(code, code);
}

QString Money::format(qint64 minor, const QString& currency, const QLocale& locale)
{
    const QString sym = symbol(currency, locale);
    const int exp = exponent(currency);
    if (exp == 0)
        return locale.toCurrencyString(qlonglong(minor), sym);
    // A double holds every amount below 2^53 minor units exactly enough for `exp` decimals.
    return locale.toCurrencyString(double(minor) / double(powerOfTen(exp)), sym, exp);
}

QString Money::toPlainString(qint64 minor, const QString& currency)
{
    const int exp = exponent(currency);
    if (exp == 0)
        return QString::number(minor);
    const qint64 scale = powerOfTen(exp);
    // Work on the magnitude so that -5 cents prints as "-0.05", not "0.-5".
    const bool negative = minor < 0;
    const quint64 magnitude = negative ? quint64(0) - quint64(minor) : quint64(minor);
    const QString whole = QString::number(magnitude / quint64(scale));
    const QString fraction = QStringLiteral("%1").arg(magnitude % quint64(scale), exp, 10, QLatin1Char('0'));
    return (negative ? QStringLiteral("-") : QString()) + whole + QLatin1Char('.') + fraction;
}

bool Money::parse(const QString& text, const QString& currency, qint64* minor)
{
    if (!minor)
        return false;
    const QString s = text.trimmed();
    const int exp = exponent(currency);
    const qsizetype dot = s.indexOf(QLatin1Char('.'));
    const QString wholePart = dot < 0 ? s : s.left(dot);
    const QString fractionPart = dot < 0 ? QString() : s.mid(dot + 1);
    if (wholePart.isEmpty() || (dot >= 0 && (fractionPart.isEmpty() || fractionPart.size() > exp)))
        return false;
    const auto allDigits = [](const QString& part) {
        return std::all_of(part.begin(), part.end(),
                           [](QChar c) { return c >= QLatin1Char('0') && c <= QLatin1Char('9'); });
    };
    if (!allDigits(wholePart) || !allDigits(fractionPart))
        return false;
    // Accumulate digit by digit so that overflow is detected rather than wrapped.
    qint64 value = 0;
    const QString digits = wholePart + fractionPart.leftJustified(exp, QLatin1Char('0'));
    for (const QChar c : digits) {
        const int d = c.unicode() - '0';
        if (value > (std::numeric_limits<qint64>::max() - d) / 10)
            return false;
        value = value * 10 + d;
    }
    *minor = value;
    return true;
}
