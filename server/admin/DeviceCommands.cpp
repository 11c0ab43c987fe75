#include "DeviceCommands.h"

#include "DeviceReport.h"
#include "DeviceSettings.h"
#include "Store.h"
#include "SupplyOrderList.h"

#include <QCommandLineParser>
#include <QDateTime>
#include <QJsonArray>
#include <QJsonObject>

namespace {

const char* DevicesHelp =
    "usage: mps-admin --data DIR [--config FILE] devices\n"
    "Every printer as the server last saw it, most in need of attention first:\n"
    "name, state (or unreachable), faults, supplies (description level%), page counter,\n"
    "last seen. Tab-separated, one printer a line.\n";
const char* SuppliesHelp =
    "usage: mps-admin --data DIR [--config FILE] supplies [--days N] [--location TEXT] [--csv]\n"
    "The consolidated supplies order list: each cartridge (by description) needed now (at or\n"
    "below [devices] low-percent) or forecast to run out within N days (default [devices]\n"
    "order-days, 14), how many, and for which printers. --location keeps the printers whose\n"
    "location starts with TEXT (a building or floor). --csv prints the same CSV as the tray.\n";

QString levelText(int level)
{
    if (level >= 0)
        return QStringLiteral("%1%").arg(level);
    return level == -3 ? QStringLiteral("some") : QStringLiteral("?");
}

} // namespace

bool DeviceCommands::handles(const QString& noun)
{
    return noun == QLatin1String("devices") || noun == QLatin1String("supplies");
}

QString DeviceCommands::help(const QString& noun)
{
    return QString::fromLatin1(noun == QLatin1String("supplies") ? SuppliesHelp : DevicesHelp);
}

int DeviceCommands::run(Store& store, const QStringList& args, const QString& configFile, QTextStream& out,
                        QTextStream& err)
{
    QCommandLineParser p;
    const QCommandLineOption days(QStringLiteral("days"), QString(), QStringLiteral("N")),
        location(QStringLiteral("location"), QString(), QStringLiteral("TEXT")), csv(QStringLiteral("csv"));
    p.addOptions({days, location, csv});
    QStringList full = args;
    full.prepend(QStringLiteral("mps-admin"));
    if (!p.parse(full)) {
        err << "mps-admin: " << p.errorText() << "\n";
        return 2;
    }
    const QStringList pos = p.positionalArguments();
    DeviceSettings settings;
    if (!configFile.isEmpty()) {
        QSettings ini(configFile, QSettings::IniFormat);
        settings = DeviceSettings::fromIni(ini, settings);
    }
    const qint64 now = QDateTime::currentSecsSinceEpoch();
    DeviceReport report(store, nullptr, settings, now);
    if (pos.value(0) == QLatin1String("devices") && pos.size() == 1 && !p.isSet(days) && !p.isSet(csv)) {
        for (const QJsonValue& v : report.devices()) {
            const QJsonObject d = v.toObject();
            QStringList supplies;
            for (const QJsonValue& s : d.value(QStringLiteral("supplies")).toArray()) {
                const QJsonObject o = s.toObject();
                QString text = o.value(QStringLiteral("description")).toString() + QLatin1Char(' ') +
                               levelText(o.value(QStringLiteral("level")).toInt(-1));
                if (o.value(QStringLiteral("daysLeft")).isDouble())
                    text += QStringLiteral(" (~%1 days)").arg(o.value(QStringLiteral("daysLeft")).toInt());
                supplies << text;
            }
            const bool checked = !d.value(QStringLiteral("checked")).isNull();
            const QString state = !checked ? QStringLiteral("not polled yet")
                                  : d.value(QStringLiteral("reachable")).toBool()
                                      ? d.value(QStringLiteral("state")).toString()
                                      : QStringLiteral("unreachable");
            QStringList faults;
            for (const QJsonValue& f : d.value(QStringLiteral("faults")).toArray())
                faults << f.toString();
            const QJsonValue pages = d.value(QStringLiteral("pageCount"));
            out << d.value(QStringLiteral("name")).toString() << "\t" << state << "\t"
                << (faults.isEmpty() ? QStringLiteral("-") : faults.join(QLatin1Char(','))) << "\t"
                << (supplies.isEmpty() ? QStringLiteral("-") : supplies.join(QStringLiteral("; "))) << "\t"
                << (pages.isDouble() ? QString::number(pages.toInteger()) : QStringLiteral("-")) << "\t"
                << (d.value(QStringLiteral("lastSeen")).isNull()
                        ? QStringLiteral("never")
                        : d.value(QStringLiteral("lastSeen")).toString())
                << "\n";
        }
        return 0;
    }
    if (pos.value(0) == QLatin1String("supplies") && pos.size() == 1) {
        int n = settings.orderDays;
        if (p.isSet(days)) {
            bool ok = false;
            n = p.value(days).toInt(&ok);
            if (!ok || n < 0 || n > 3650) {
                err << "mps-admin: --days takes a whole number from 0 to 3650\n";
                return 2;
            }
        }
        const QList<SupplyOrderList::Item> items =
            SupplyOrderList::build(report.orderSupplies(), settings.lowPercent, n, p.value(location));
        if (p.isSet(csv)) {
            out << QString::fromUtf8(SupplyOrderList::toCsv(items));
            return 0;
        }
        if (items.isEmpty()) {
            out << "nothing to order: no supply at or below " << settings.lowPercent
                << "% or forecast to run out within " << n << " days\n";
            return 0;
        }
        for (const SupplyOrderList::Item& item : items) {
            out << item.description << " (" << item.type
                << (item.color.isEmpty() ? QString() : ", " + item.color) << "): " << item.needNow << " now, "
                << item.needSoon << " within " << n << " days\n";
            for (const SupplyOrderList::Printer& pr : item.printers)
                out << "    " << pr.name << (pr.location.isEmpty() ? QString() : " (" + pr.location + ")")
                    << " " << levelText(pr.level)
                    << (pr.daysLeft ? QStringLiteral(", ~%1 days left").arg(*pr.daysLeft) : QString())
                    << "\n";
        }
        return 0;
    }
    err << "mps-admin: unknown command (see mps-admin " << pos.value(0) << " --help)\n";
    return 2;
}
