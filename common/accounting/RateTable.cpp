#include "RateTable.h"

#include <QRegularExpression>

#include <algorithm>
#include <cmath>

namespace {

/// The short and long edges in millimetres of a PWG self-describing name's dimension part
/// ("210x297mm", "8.5x11in"); false when it has none.
bool mediaSizeMm(const QString& name, double* shortMm, double* longMm)
{
    static const QRegularExpression dims(
        QStringLiteral("_([0-9]+(?:\\.[0-9]+)?)x([0-9]+(?:\\.[0-9]+)?)(mm|in)$"));
    const QRegularExpressionMatch m = dims.match(name);
    if (!m.hasMatch())
        return false;
    const double scale = m.captured(3) == QLatin1String("in") ? 25.4 : 1.0;
    const double a = m.captured(1).toDouble() * scale;
    const double b = m.captured(2).toDouble() * scale;
    *shortMm = std::min(a, b);
    *longMm = std::max(a, b);
    return true;
}

} // namespace

SizeClass sizeClassOf(const QString& pwgMediaName)
{
    const QString name = pwgMediaName.trimmed().toLower();
    if (name.isEmpty())
        return SizeClass::A4;
    // Names without dimensions (legacy "A4", "Letter", "A3", "Tabloid") are recognised by their prefix.
    double shortMm = 0, longMm = 0;
    if (!mediaSizeMm(name, &shortMm, &longMm)) {
        static const QRegularExpression a3Like(
            QStringLiteral("^(iso_)?a3|^(iso_|jis_)?b4|ledger|tabloid|11x17"));
        static const QRegularExpression a4Like(QStringLiteral(
            "^(iso_)?a[4-9]|^(iso_|jis_)?b[5-9]|letter|legal|executive|statement|env|postcard"));
        if (a3Like.match(name).hasMatch())
            return SizeClass::A3;
        if (a4Like.match(name).hasMatch())
            return SizeClass::A4;
        return SizeClass::A4;
    }
    // A4 (210x297), Letter (216x279), Legal (216x356) and anything smaller print on A4-class paper; up to
    // A3 (297x420), Ledger (279x432), B4 (250x353 / JIS 257x364) on A3-class paper; larger is other.
    // One millimetre of slack absorbs the rounding in inch-based names.
    if (shortMm <= 216 + 1 && longMm <= 356 + 1)
        return SizeClass::A4;
    if (shortMm <= 297 + 1 && longMm <= 432 + 1)
        return SizeClass::A3;
    return SizeClass::Other;
}

QString sizeClassName(SizeClass sizeClass)
{
    switch (sizeClass) {
    case SizeClass::A4:
        return QStringLiteral("a4");
    case SizeClass::A3:
        return QStringLiteral("a3");
    case SizeClass::Other:
        return QStringLiteral("other");
    }
    return QStringLiteral("a4");
}

std::optional<SizeClass> sizeClassFromName(const QString& name)
{
    const QString n = name.trimmed().toLower();
    for (SizeClass c : {SizeClass::A4, SizeClass::A3, SizeClass::Other}) {
        if (n == sizeClassName(c))
            return c;
    }
    return std::nullopt;
}

int RateTable::index(SizeClass sizeClass, bool color, bool duplex)
{
    return int(sizeClass) * 4 + (color ? 2 : 0) + (duplex ? 1 : 0);
}

RateTable RateTable::defaults()
{
    RateTable t;
    for (SizeClass c : {SizeClass::A4, SizeClass::Other}) {
        t.setPrice(c, false, false, 20);
        t.setPrice(c, false, true, 18);
        t.setPrice(c, true, false, 100);
        t.setPrice(c, true, true, 95);
    }
    t.setPrice(SizeClass::A3, false, false, 40);
    t.setPrice(SizeClass::A3, false, true, 36);
    t.setPrice(SizeClass::A3, true, false, 200);
    t.setPrice(SizeClass::A3, true, true, 190);
    return t;
}

qint64 RateTable::price(SizeClass sizeClass, bool color, bool duplex) const
{
    return m_prices[size_t(index(sizeClass, color, duplex))];
}

void RateTable::setPrice(SizeClass sizeClass, bool color, bool duplex, qint64 minor)
{
    m_prices[size_t(index(sizeClass, color, duplex))] = minor;
}

QString RateTable::key(SizeClass sizeClass, bool color, bool duplex)
{
    return sizeClassName(sizeClass) + (color ? QStringLiteral("-color") : QStringLiteral("-mono")) +
           (duplex ? QStringLiteral("-duplex") : QStringLiteral("-simplex"));
}

QStringList RateTable::keys()
{
    QStringList k;
    for (SizeClass c : {SizeClass::A4, SizeClass::A3, SizeClass::Other}) {
        for (bool color : {false, true}) {
            for (bool duplex : {false, true})
                k << key(c, color, duplex);
        }
    }
    return k;
}

bool RateTable::set(const QString& key, qint64 minor)
{
    const qsizetype i = keys().indexOf(key.trimmed().toLower());
    if (i < 0 || minor < 0)
        return false;
    m_prices[size_t(i)] = minor;
    return true;
}

std::optional<qint64> RateTable::get(const QString& key) const
{
    const qsizetype i = keys().indexOf(key.trimmed().toLower());
    if (i < 0)
        return std::nullopt;
    return m_prices[size_t(i)];
}

QJsonObject RateTable::toJson() const
{
    QJsonObject o;
    const QStringList k = keys();
    for (qsizetype i = 0; i < k.size(); ++i)
        o.insert(k[i], m_prices[size_t(i)]);
    return o;
}

std::optional<RateTable> RateTable::fromJson(const QJsonObject& json)
{
    RateTable t;
    const QStringList k = keys();
    for (qsizetype i = 0; i < k.size(); ++i) {
        const QJsonValue v = json.value(k[i]);
        if (!v.isDouble())
            return std::nullopt;
        const double d = v.toDouble();
        // JSON numbers are doubles: a price must be a whole, non-negative number of minor units.
        if (d < 0 || d > 9007199254740992.0 || d != std::floor(d))
            return std::nullopt;
        t.m_prices[size_t(i)] = qint64(d);
    }
    return t;
}
