#include "JobInfo.h"

#include <QJsonArray>
#include <QJsonValue>

namespace {
struct StateName
{
    JobState state;
    const char* name;
};
constexpr StateName StateNames[] = {
    {JobState::Receiving, "receiving"}, {JobState::Held, "held"},       {JobState::Releasing, "releasing"},
    {JobState::Printing, "printing"},   {JobState::Printed, "printed"}, {JobState::Deleted, "deleted"},
    {JobState::Expired, "expired"},
};

const QString Printer = QStringLiteral("printer"); // the argument most reasons have
} // namespace

QString jobStateName(JobState s)
{
    for (const auto& n : StateNames)
        if (n.state == s)
            return QString::fromLatin1(n.name);
    return QStringLiteral("unknown");
}

JobState jobStateFromName(const QString& name, bool* ok)
{
    for (const auto& n : StateNames)
        if (name == QLatin1String(n.name)) {
            if (ok)
                *ok = true;
            return n.state;
        }
    if (ok)
        *ok = false;
    return JobState::Held;
}

StateReason StateReason::printerFault(const QString& printer, const QStringList& faults,
                                      const QString& detail)
{
    return {QStringLiteral("printer-fault"),
            {{Printer, printer}, {QStringLiteral("faults"), QJsonArray::fromStringList(faults)}},
            QStringLiteral("%1 cannot print now (%2). The job is still held.")
                .arg(printer, detail.isEmpty() ? describeFaults(faults) : detail)};
}

StateReason StateReason::formatUnsupported(const QString& printer, const QString& format)
{
    return {QStringLiteral("format-unsupported"),
            {{Printer, printer}, {QStringLiteral("format"), format}},
            QStringLiteral("%1 cannot print %2 documents. Release the job at another printer.")
                .arg(printer, format)};
}

StateReason StateReason::documentUnreadable()
{
    return {QStringLiteral("document-unreadable"),
            {},
            QStringLiteral("The job's document could not be opened on the server.")};
}

StateReason StateReason::printerBusy(const QString& printer)
{
    return {QStringLiteral("printer-busy"),
            {{Printer, printer}},
            QStringLiteral("%1 stayed busy too long. The job is still held.").arg(printer)};
}

StateReason StateReason::printerError(const QString& printer, const QString& detail)
{
    return {QStringLiteral("printer-error"),
            {{Printer, printer}, {QStringLiteral("detail"), detail}},
            QStringLiteral("%1: %2 The job is still held.").arg(printer, detail)};
}

StateReason StateReason::lostContact(const QString& printer)
{
    return {QStringLiteral("lost-contact"),
            {{Printer, printer}},
            QStringLiteral("Lost contact with %1 while printing. Check the printer before printing again.")
                .arg(printer)};
}

StateReason StateReason::printerEnded(const QString& printer, bool aborted, const QStringList& reasons)
{
    return {aborted ? QStringLiteral("printer-aborted") : QStringLiteral("printer-canceled"),
            {{Printer, printer}, {QStringLiteral("reasons"), QJsonArray::fromStringList(reasons)}},
            QStringLiteral("%1 %2 the job (%3). It is held again and was not charged.")
                .arg(printer, aborted ? QStringLiteral("aborted") : QStringLiteral("canceled"),
                     reasons.join(QStringLiteral(", ")))};
}

StateReason StateReason::releaseInterrupted(const QString& printer)
{
    QJsonObject args;
    if (!printer.isEmpty())
        args.insert(Printer, printer);
    return {QStringLiteral("release-interrupted"), args,
            QStringLiteral("The release was interrupted. Check the printer before printing again.")};
}

StateReason StateReason::deleted(const QString& by)
{
    return {QStringLiteral("deleted"), {{QStringLiteral("by"), by}}, QStringLiteral("Deleted by %1").arg(by)};
}

StateReason StateReason::expired()
{
    return {QStringLiteral("expired"), {}, QStringLiteral("Not released within the hold time")};
}

QString StateReason::describeFaults(const QStringList& faults)
{
    QStringList parts;
    for (const QString& f : faults) {
        if (f == QLatin1String("media-jam"))
            parts << QStringLiteral("paper jam");
        else if (f == QLatin1String("media-empty") || f == QLatin1String("media-needed"))
            parts << QStringLiteral("out of paper");
        else if (f == QLatin1String("toner-empty") || f == QLatin1String("marker-supply-empty"))
            parts << QStringLiteral("out of toner");
        else if (f == QLatin1String("door-open") || f == QLatin1String("cover-open"))
            parts << QStringLiteral("a door or cover is open");
        else if (f == QLatin1String("offline"))
            parts << QStringLiteral("offline or unreachable");
        else
            parts << f;
    }
    return parts.join(QStringLiteral(", "));
}

QJsonObject PrintOptions::toJson() const
{
    return {{QStringLiteral("copies"), copies},
            {QStringLiteral("sides"), sides},
            {QStringLiteral("colorMode"), colorMode}};
}

bool PrintOptions::mergeJson(const QJsonObject& o, QString* error)
{
    if (o.contains(QLatin1String("copies"))) {
        const int c = o.value(QLatin1String("copies")).toInt(-1);
        if (c < 1 || c > 999) {
            *error = QStringLiteral("copies must be between 1 and 999");
            return false;
        }
        copies = c;
    }
    if (o.contains(QLatin1String("sides"))) {
        const QString s = o.value(QLatin1String("sides")).toString();
        if (s != QLatin1String("one-sided") && s != QLatin1String("two-sided-long-edge") &&
            s != QLatin1String("two-sided-short-edge")) {
            *error = QStringLiteral("sides must be one-sided, two-sided-long-edge or two-sided-short-edge");
            return false;
        }
        sides = s;
    }
    if (o.contains(QLatin1String("colorMode"))) {
        const QString m = o.value(QLatin1String("colorMode")).toString();
        if (m != QLatin1String("auto") && m != QLatin1String("color") && m != QLatin1String("monochrome")) {
            *error = QStringLiteral("colorMode must be auto, color or monochrome");
            return false;
        }
        colorMode = m;
    }
    return true;
}

void JobInfo::setReason(const StateReason& r)
{
    stateReason = r.text;
    stateReasonCode = r.code;
    stateReasonArgs = r.args;
}

int JobInfo::sheets() const
{
    const int perCopy = options.isDuplex() ? (pages + 1) / 2 : pages;
    return perCopy * options.copies;
}

QJsonObject JobInfo::toJson() const
{
    QJsonObject o{{QStringLiteral("id"), id},
                  {QStringLiteral("owner"), owner},
                  {QStringLiteral("name"), name},
                  {QStringLiteral("documentFormat"), documentFormat},
                  {QStringLiteral("size"), size},
                  {QStringLiteral("pages"), pages},
                  {QStringLiteral("color"), color},
                  {QStringLiteral("pageSize"), pageSize},
                  {QStringLiteral("options"), options.toJson()},
                  {QStringLiteral("sheets"), sheets()},
                  {QStringLiteral("state"), jobStateName(state)},
                  {QStringLiteral("stateReason"), stateReason},
                  {QStringLiteral("printer"), printer},
                  {QStringLiteral("submitted"), submitted.toUTC().toString(Qt::ISODate)},
                  {QStringLiteral("expires"), expires.toUTC().toString(Qt::ISODate)},
                  {QStringLiteral("impressionsCompleted"), impressionsCompleted}};
    // The code travels only with a reason; apps that do not know it show stateReason.
    if (!stateReasonCode.isEmpty()) {
        o.insert(QStringLiteral("stateReasonCode"), stateReasonCode);
        o.insert(QStringLiteral("stateReasonArgs"), stateReasonArgs);
    }
    return o;
}

JobInfo JobInfo::fromJson(const QJsonObject& o)
{
    JobInfo j;
    j.id = o.value(QLatin1String("id")).toInteger();
    j.owner = o.value(QLatin1String("owner")).toString();
    j.name = o.value(QLatin1String("name")).toString();
    j.documentFormat = o.value(QLatin1String("documentFormat")).toString();
    j.size = o.value(QLatin1String("size")).toInteger();
    j.pages = o.value(QLatin1String("pages")).toInt();
    j.color = o.value(QLatin1String("color")).toBool();
    j.pageSize = o.value(QLatin1String("pageSize")).toString();
    QString ignored;
    (void)j.options.mergeJson(o.value(QLatin1String("options")).toObject(), &ignored);
    j.state = jobStateFromName(o.value(QLatin1String("state")).toString());
    j.stateReason = o.value(QLatin1String("stateReason")).toString();
    j.stateReasonCode = o.value(QLatin1String("stateReasonCode")).toString();
    j.stateReasonArgs = o.value(QLatin1String("stateReasonArgs")).toObject();
    j.printer = o.value(QLatin1String("printer")).toString();
    j.submitted = QDateTime::fromString(o.value(QLatin1String("submitted")).toString(), Qt::ISODate);
    j.expires = QDateTime::fromString(o.value(QLatin1String("expires")).toString(), Qt::ISODate);
    j.impressionsCompleted = o.value(QLatin1String("impressionsCompleted")).toInt();
    return j;
}
