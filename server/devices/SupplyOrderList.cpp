#include "SupplyOrderList.h"

#include <QJsonObject>
#include <QMap>
#include <algorithm>

namespace {

QString csvCell(QString text)
{
    // A printer-supplied description must not become a spreadsheet formula.
    if (!text.isEmpty() && QStringLiteral("=+-@\t\r").contains(text.front()))
        text.prepend(QLatin1Char('\''));
    if (text.contains(QLatin1Char(',')) || text.contains(QLatin1Char('"')) ||
        text.contains(QLatin1Char('\n')) || text.contains(QLatin1Char('\r'))) {
        text.replace(QLatin1String("\""), QLatin1String("\"\""));
        return QLatin1Char('"') + text + QLatin1Char('"');
    }
    return text;
}

} // namespace

QList<SupplyOrderList::Item> SupplyOrderList::build(const QList<Supply>& supplies, int lowPercent, int days,
                                                    const QString& locationPrefix)
{
    QMap<QPair<QString, QString>, Item> groups;
    for (const Supply& s : supplies) {
        if (!locationPrefix.isEmpty() && !s.location.startsWith(locationPrefix, Qt::CaseInsensitive))
            continue;
        const bool now = s.level >= 0 && s.level <= lowPercent;
        const bool soon = !now && s.daysLeft && *s.daysLeft <= days;
        if (!now && !soon)
            continue;
        Item& item = groups[{s.type, s.description}];
        if (item.printers.isEmpty()) {
            item.description = s.description;
            item.type = s.type;
            item.color = s.color;
        }
        item.needNow += now ? 1 : 0;
        item.needSoon += soon ? 1 : 0;
        item.printers.append({s.printerId, s.printerName, s.location, s.level, s.daysLeft});
    }
    QList<Item> out = groups.values();
    for (Item& item : out)
        std::sort(item.printers.begin(), item.printers.end(), [](const Printer& a, const Printer& b) {
            return a.level != b.level ? a.level < b.level : a.name < b.name;
        });
    std::sort(out.begin(), out.end(), [](const Item& a, const Item& b) {
        if (a.needNow != b.needNow)
            return a.needNow > b.needNow;
        if (a.description != b.description)
            return a.description < b.description;
        return a.type < b.type;
    });
    return out;
}

QJsonArray SupplyOrderList::toJson(const QList<Item>& items)
{
    QJsonArray arr;
    for (const Item& item : items) {
        QJsonArray printers;
        for (const Printer& p : item.printers)
            printers.append(
                QJsonObject{{QStringLiteral("id"), p.id},
                            {QStringLiteral("name"), p.name},
                            {QStringLiteral("location"), p.location},
                            {QStringLiteral("level"), p.level},
                            {QStringLiteral("daysLeft"),
                             p.daysLeft ? QJsonValue(*p.daysLeft) : QJsonValue(QJsonValue::Null)}});
        arr.append(QJsonObject{{QStringLiteral("description"), item.description},
                               {QStringLiteral("type"), item.type},
                               {QStringLiteral("color"), item.color},
                               {QStringLiteral("needNow"), item.needNow},
                               {QStringLiteral("needSoon"), item.needSoon},
                               {QStringLiteral("printers"), printers}});
    }
    return arr;
}

QByteArray SupplyOrderList::toCsv(const QList<Item>& items)
{
    QString out = QStringLiteral("description,type,color,need_now,need_soon,printers\r\n");
    for (const Item& item : items) {
        QStringList printers;
        for (const Printer& p : item.printers) {
            QString text = p.name;
            if (!p.location.isEmpty())
                text += QStringLiteral(" (%1)").arg(p.location);
            text += p.level >= 0 ? QStringLiteral(" %1%").arg(p.level) : QStringLiteral(" ?");
            printers << text;
        }
        out += QStringList{csvCell(item.description),
                           csvCell(item.type),
                           csvCell(item.color),
                           QString::number(item.needNow),
                           QString::number(item.needSoon),
                           csvCell(printers.join(QStringLiteral("; ")))}
                   .join(QLatin1Char(','));
        out += QStringLiteral("\r\n");
    }
    return out.toUtf8();
}
