#pragma once
#include <QJsonObject>
#include <QString>
#include <QStringList>

#include <array>
#include <optional>

/// The page size classes that rates distinguish.
enum class SizeClass { A4, A3, Other };

/// Returns the size class of a PWG 5101.1 media name: A4, Letter, Legal and smaller (iso_a4_210x297mm,
/// na_letter_8.5x11in, iso_a5_..., ...) are A4; A3, Ledger/Tabloid and B4 (iso_a3_297x420mm,
/// na_ledger_11x17in, iso_b4_..., jis_b4_...) are A3; anything larger is Other. An empty or
/// unrecognised name is A4 (the office default).
SizeClass sizeClassOf(const QString& pwgMediaName);

/// Returns "a4", "a3" or "other".
QString sizeClassName(SizeClass sizeClass);

/// Returns the size class named "a4", "a3" or "other" (case-insensitive); nullopt for anything else.
std::optional<SizeClass> sizeClassFromName(const QString& name);

/// Prices per impression in minor units by size class x colour x sides: twelve numbers.
class RateTable
{
public:
    /// Returns the default KRW table: a4 mono 20/18 (simplex/duplex), a4 colour 100/95, a3 mono 40/36,
    /// a3 colour 200/190, other = a4.
    static RateTable defaults();

    /// Returns the price of one impression in minor units.
    qint64 price(SizeClass sizeClass, bool color, bool duplex) const;

    /// Sets the price of one impression in minor units.
    void setPrice(SizeClass sizeClass, bool color, bool duplex, qint64 minor);

    /// Sets the price named by `key` ("a3-color-duplex"). Returns false (and changes nothing) for an
    /// unknown key or a negative price.
    [[nodiscard]] bool set(const QString& key, qint64 minor);

    /// Returns the price named by `key`, nullopt for an unknown key.
    std::optional<qint64> get(const QString& key) const;

    /// Returns the twelve keys in a fixed order: a4-mono-simplex, a4-mono-duplex, a4-color-simplex,
    /// a4-color-duplex, then the same for a3 and other.
    static QStringList keys();

    /// Returns the key of one price ("a4-mono-simplex").
    static QString key(SizeClass sizeClass, bool color, bool duplex);

    /// Returns {"a4-mono-simplex": 20, ...} with all twelve keys.
    QJsonObject toJson() const;

    /// Returns the table in `json`; nullopt if a key is missing, not an integer or negative.
    /// Unknown keys are ignored.
    static std::optional<RateTable> fromJson(const QJsonObject& json);

    bool operator==(const RateTable& other) const = default;

private:
    static int index(SizeClass sizeClass, bool color, bool duplex);
    std::array<qint64, 12> m_prices{};
};
