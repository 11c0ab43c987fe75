#include "DeviceText.h"

#include "FaxText.h"
#include "PrinterListModel.h"

#include <QJsonArray>
#include <QRegularExpression>

namespace {

QStringList stringsOf(const QJsonValue& value)
{
    QStringList out;
    for (const QJsonValue& v : value.toArray())
        out << v.toString();
    return out;
}

// -1 and null mean "not known" in the device JSON.
bool known(const QJsonValue& value)
{
    return value.isDouble() && value.toDouble() >= 0;
}

QDateTime isoTime(const QJsonValue& value)
{
    return QDateTime::fromString(value.toString(), Qt::ISODate);
}

// Neither answered nor failed: the monitor has not polled it yet.
bool neverChecked(const QJsonObject& device)
{
    return device.value(QLatin1String("lastSeen")).isNull() &&
           device.value(QLatin1String("unreachableSince")).isNull() &&
           device.value(QLatin1String("state")).toString().isEmpty();
}

QString where(const QJsonObject& alert)
{
    const QString printer = alert.value(QLatin1String("printer")).toString();
    const QString location = alert.value(QLatin1String("location")).toString();
    return location.isEmpty() ? printer : DeviceText::tr("%1 (%2)").arg(printer, location);
}

} // namespace

QString DeviceText::state(const QJsonObject& device)
{
    if (!device.value(QLatin1String("reachable")).toBool()) {
        if (neverChecked(device))
            return tr("Not checked yet");
        return tr("Not answering");
    }
    const QString state = device.value(QLatin1String("state")).toString();
    if (state == QLatin1String("processing"))
        return tr("Printing");
    if (state == QLatin1String("stopped"))
        return tr("Stopped");
    if (!stringsOf(device.value(QLatin1String("faults"))).isEmpty())
        return tr("Cannot print");
    return tr("Ready");
}

QString DeviceText::reasons(const QStringList& keywords)
{
    static const QRegularExpression suffix(QStringLiteral("-(error|warning|report)$"));
    QStringList words;
    for (const QString& raw : keywords) {
        QString k = raw;
        k.remove(suffix);
        QString w;
        if (k == QLatin1String("none") || k.isEmpty())
            continue;
        if (k == QLatin1String("media-low"))
            w = tr("paper low");
        else if (k == QLatin1String("toner-low") || k == QLatin1String("marker-supply-low"))
            w = tr("toner low");
        else if (k == QLatin1String("marker-waste-full"))
            w = tr("waste toner container full");
        else if (k == QLatin1String("marker-waste-almost-full"))
            w = tr("waste toner container almost full");
        else if (k == QLatin1String("other"))
            w = tr("needs service");
        else
            w = PrinterListModel::describeFaults({k}); // the words the release dialog uses
        if (!words.contains(w))
            words << w;
    }
    return words.join(PrinterListModel::tr(", "));
}

QString DeviceText::problems(const QJsonObject& device)
{
    if (!device.value(QLatin1String("reachable")).toBool() && !neverChecked(device))
        return tr("not answering");
    QStringList faults = stringsOf(device.value(QLatin1String("faults")));
    // "Paper low" is no fault yet, but someone should bring paper.
    for (const QString& r : stringsOf(device.value(QLatin1String("reasons"))))
        if (r.startsWith(QLatin1String("media-low")))
            faults << r;
    return reasons(faults);
}

QString DeviceText::supplyType(const QString& type)
{
    if (type == QLatin1String("toner") || type == QLatin1String("toner-cartridge"))
        return tr("Toner");
    if (type == QLatin1String("ink") || type == QLatin1String("ink-cartridge") ||
        type == QLatin1String("inkCartridge"))
        return tr("Ink");
    if (type.startsWith(QLatin1String("waste")))
        return tr("Waste toner container");
    if (type == QLatin1String("drum") || type == QLatin1String("opc") ||
        type == QLatin1String("photoconductor"))
        return tr("Drum");
    if (type == QLatin1String("fuser"))
        return tr("Fuser");
    if (type == QLatin1String("staples"))
        return tr("Staples");
    return type.isEmpty() ? tr("Supply") : type;
}

QString DeviceText::supplyName(const QJsonObject& supply)
{
    const QString description = supply.value(QLatin1String("description")).toString().trimmed();
    return description.isEmpty() ? supplyType(supply.value(QLatin1String("type")).toString()) : description;
}

QString DeviceText::level(int level)
{
    if (level >= 0)
        return QStringLiteral("%1%").arg(level);
    if (level == -3)
        return tr("some left");
    return tr("unknown");
}

QString DeviceText::forecast(const QJsonObject& supply)
{
    const QJsonValue days = supply.value(QLatin1String("daysLeft"));
    if (!known(days))
        return {};
    const int n = days.toInt();
    if (n == 0)
        return tr("runs out today");
    return tr("runs out in about %n day(s)", nullptr, n);
}

QString DeviceText::perDay(const QJsonObject& supply)
{
    const QJsonValue perDay = supply.value(QLatin1String("perDay"));
    if (!perDay.isDouble() || perDay.toDouble() <= 0)
        return {};
    return tr("uses about %1% a day").arg(QLocale().toString(perDay.toDouble(), 'f', 1));
}

QString DeviceText::pageCount(const QJsonObject& device, const QLocale& locale)
{
    const QJsonValue count = device.value(QLatin1String("pageCount"));
    if (!known(count))
        return QStringLiteral("-");
    return locale.toString(static_cast<qint64>(count.toDouble()));
}

QString DeviceText::counterGap(const QJsonObject& device, const QLocale& locale)
{
    const QJsonValue gap = device.value(QLatin1String("counterGap"));
    if (!gap.isDouble())
        return {};
    return tr("%1 outside MPS").arg(locale.toString(static_cast<qint64>(gap.toDouble())));
}

QString DeviceText::counterGapExplained(const QJsonObject& device, const QLocale& locale)
{
    const QJsonValue gap = device.value(QLatin1String("counterGap"));
    const QJsonValue released = device.value(QLatin1String("releasedPages"));
    if (!gap.isDouble() || !released.isDouble())
        return {};
    const qint64 g = static_cast<qint64>(gap.toDouble());
    const qint64 r = static_cast<qint64>(released.toDouble());
    return tr("Since its counter was first read the printer counted %1 pages; MPS released %2 there. "
              "The %3 in between were copies, direct prints or reports.")
        .arg(locale.toString(g + r), locale.toString(r), locale.toString(g));
}

QString DeviceText::lastSeen(const QJsonObject& device, const QDateTime& now)
{
    const QDateTime seen = isoTime(device.value(QLatin1String("lastSeen")));
    if (!seen.isValid())
        return tr("never");
    return FaxText::naturalDate(seen, now);
}

QString DeviceText::unreachableSince(const QJsonObject& device, const QDateTime& now)
{
    if (device.value(QLatin1String("reachable")).toBool())
        return {};
    const QDateTime since = isoTime(device.value(QLatin1String("unreachableSince")));
    return since.isValid() ? tr("since %1").arg(FaxText::naturalDate(since, now)) : QString();
}

QString DeviceText::attention(int attention)
{
    switch (attention) {
    case 3:
        return tr("Needs attention now: a fault, or not answering");
    case 2:
        return tr("A supply is empty or low: replace it soon");
    case 1:
        return tr("A supply will run out within the forecast days");
    default:
        return tr("Fine");
    }
}

NotificationText::Message DeviceText::alertNotification(const QJsonObject& alert)
{
    const QString kind = alert.value(QLatin1String("kind")).toString();
    const QString state = alert.value(QLatin1String("state")).toString();
    const QString subject = alert.value(QLatin1String("subject")).toString();
    const QString printer = where(alert);
    const QJsonValue levelValue = alert.value(QLatin1String("level"));
    const int lvl = levelValue.isDouble() ? levelValue.toInt() : -1;
    using Severity = NotificationText::Severity;

    if (state == QLatin1String("cleared")) {
        if (kind == QLatin1String("fault"))
            return {tr("Printer fault cleared"), tr("%1: %2 is over.").arg(printer, reasons({subject})),
                    Severity::Information};
        if (kind == QLatin1String("unreachable"))
            return {tr("Printer answers again"), tr("%1 answers again.").arg(printer), Severity::Information};
        return {tr("Supply all clear"),
                lvl >= 0 ? tr("%1 at %2 is at %3% again.").arg(subject, printer).arg(lvl)
                         : tr("%1 at %2 no longer needs replacing.").arg(subject, printer),
                Severity::Information};
    }
    const bool reminder = state == QLatin1String("reminder");
    if (kind == QLatin1String("fault")) {
        const QString what = reasons({subject});
        return {reminder ? tr("Printer fault still open") : tr("Printer fault"),
                tr("%1: %2.").arg(printer, what), Severity::Warning};
    }
    if (kind == QLatin1String("unreachable")) {
        const QDateTime opened = isoTime(alert.value(QLatin1String("opened")));
        return {reminder ? tr("Printer still not answering") : tr("Printer not answering"),
                opened.isValid()
                    ? tr("%1 has not answered since %2.").arg(printer, FaxText::naturalDate(opened))
                    : tr("%1 does not answer.").arg(printer),
                Severity::Warning};
    }
    if (kind == QLatin1String("supply-forecast")) {
        const QJsonValue days = alert.value(QLatin1String("daysLeft"));
        const int n = known(days) ? days.toInt() : 0;
        return {reminder ? tr("Supply still running out") : tr("Supply running out"),
                n > 0 ? tr("%1 at %2 runs out in about %n day(s).", nullptr, n).arg(subject, printer)
                      : tr("%1 at %2 runs out today.").arg(subject, printer),
                Severity::Warning};
    }
    // supply-low, and any kind this app does not know yet.
    QString body;
    if (lvl == 0)
        body = tr("%1 at %2 is empty. Replace it.").arg(subject, printer);
    else if (lvl > 0)
        body = tr("%1 at %2 is at %3%. Replace it soon.").arg(subject, printer).arg(lvl);
    else
        body = tr("%1 at %2 is low. Replace it soon.").arg(subject, printer);
    return {reminder ? tr("Supply still low") : tr("Supply low"), body, Severity::Warning};
}
