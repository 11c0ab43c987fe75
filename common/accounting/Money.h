#pragma once
#include <QLocale>
#include <QString>

/// Money is an integer count of a currency's minor unit (KRW: won; USD: cents), never a float.
/// The currency is an ISO 4217 code. These helpers convert between minor units and text.
struct Money
{
    /// Returns the digits after the decimal point of an ISO 4217 currency (KRW 0, JPY 0, USD 2,
    /// EUR 2, KWD 3, ...); 2 for an unknown code. The code is case-insensitive.
    static int exponent(const QString& currency);

    /// Returns the currency's symbol ("₩" for KRW, "$" for USD, ...): the locale's own symbol when
    /// `currency` is the locale's currency, else a built-in table, else the ISO code itself.
    static QString symbol(const QString& currency, const QLocale& locale = QLocale());

    /// Returns `minor` units formatted for people through `locale` (QLocale::toCurrencyString):
    /// "₩12,340" for 12340 KRW, "$1.50" for 150 USD in en_US.
    static QString format(qint64 minor, const QString& currency, const QLocale& locale = QLocale());

    /// Returns `minor` units as a plain decimal number with the currency's exponent, without symbol
    /// or grouping ("12340" for KRW, "15.50" / "-0.05" for USD): the inverse of parse(), for CSV files
    /// and command-line output.
    static QString toPlainString(qint64 minor, const QString& currency);

    /// Parses "12340" or "15.50" (at most the currency's exponent digits after the point; "15.5" and
    /// "15" are 1550 for USD) into minor units. Surrounding spaces are ignored. Returns false on
    /// anything else: a sign, grouping, a symbol, too many decimals, overflow or a null `minor`.
    [[nodiscard]] static bool parse(const QString& text, const QString& currency, qint64* minor);
};
