#pragma once
#include <QByteArray>
#include <QJsonArray>
#include <QList>
#include <QString>
#include <optional>

/// One consolidated supplies order (docs/devices.md): which cartridges are needed now and soon,
/// how many, for which printers. Pure.
class SupplyOrderList
{
public:
    /// One supply of one printer, as the order list sees it.
    struct Supply
    {
        qint64 printerId = 0;
        QString printerName;
        QString location;
        QString description;
        QString type;
        QString color;
        int level = -1;              ///< percent; negative unknown
        std::optional<int> daysLeft; ///< forecast
    };
    struct Printer
    {
        qint64 id = 0;
        QString name;
        QString location;
        int level = -1;
        std::optional<int> daysLeft;
    };
    struct Item
    {
        QString description;
        QString type;
        QString color;
        int needNow = 0;  ///< supplies at or below low-percent
        int needSoon = 0; ///< the others forecast to run out within `days`
        QList<Printer> printers;
    };

    /// Groups the supplies that need ordering by (type, description): at or below `lowPercent` now,
    /// or forecast to run out within `days`. Only printers whose location starts with
    /// `locationPrefix` (all when empty). Sorted by needNow descending, then description.
    static QList<Item> build(const QList<Supply>& supplies, int lowPercent, int days,
                             const QString& locationPrefix = QString());
    /// The items as the REST answer's "items".
    static QJsonArray toJson(const QList<Item>& items);
    /// UTF-8 CSV: description,type,color,need_now,need_soon,printers ("name (location) level%" joined
    /// by "; "). Cells that a spreadsheet would read as a formula are prefixed with an apostrophe.
    static QByteArray toCsv(const QList<Item>& items);
};
