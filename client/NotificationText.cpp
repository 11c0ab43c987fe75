#include "NotificationText.h"

#include "JobInfo.h"
#include "PrinterListModel.h"

#include <QJsonArray>

namespace {

enum class Fault { Jam, Paper, Toner, Door, Offline, Other };

// Vendors add severity suffixes (media-empty-report): the condition decides, whatever the suffix.
Fault faultKind(const QString& keyword)
{
    if (keyword.startsWith(QLatin1String("media-jam")))
        return Fault::Jam;
    if (keyword.startsWith(QLatin1String("media-empty")) || keyword.startsWith(QLatin1String("media-needed")))
        return Fault::Paper;
    if (keyword.startsWith(QLatin1String("toner-empty")) ||
        keyword.startsWith(QLatin1String("marker-supply-empty")))
        return Fault::Toner;
    if (keyword.startsWith(QLatin1String("door-open")) || keyword.startsWith(QLatin1String("cover-open")))
        return Fault::Door;
    if (keyword.startsWith(QLatin1String("offline")) || keyword.startsWith(QLatin1String("shutdown")))
        return Fault::Offline;
    return Fault::Other;
}

// One fault gets a sentence of its own that says how it ends; several, or one we have no sentence
// for, are listed in the printer list's words.
QString printerFault(const QString& printer, const QStringList& faults)
{
    QList<Fault> kinds;
    for (const QString& f : faults)
        if (!kinds.contains(faultKind(f)))
            kinds << faultKind(f);
    switch (kinds.size() == 1 ? kinds.first() : Fault::Other) {
    case Fault::Jam:
        return NotificationText::tr(
                   "%1 has a paper jam. Your job is still held: print it at another printer, or "
                   "try again once the jam is cleared.")
            .arg(printer);
    case Fault::Paper:
        return NotificationText::tr(
                   "%1 is out of paper. Your job is still held: print it at another printer, or "
                   "try again once paper is loaded.")
            .arg(printer);
    case Fault::Toner:
        return NotificationText::tr(
                   "%1 is out of toner. Your job is still held: print it at another printer, or "
                   "try again once the toner is replaced.")
            .arg(printer);
    case Fault::Door:
        return NotificationText::tr(
                   "A door or cover of %1 is open. Your job is still held: print it at another "
                   "printer, or try again once it is closed.")
            .arg(printer);
    case Fault::Offline:
        return NotificationText::tr(
                   "%1 cannot be reached. Your job is still held: print it at another printer, "
                   "or try again later.")
            .arg(printer);
    case Fault::Other:
        break;
    }
    if (faults.isEmpty())
        return NotificationText::tr(
                   "%1 cannot print now. Your job is still held: print it at another printer, or "
                   "try again later.")
            .arg(printer);
    return NotificationText::tr(
               "%1 cannot print now (%2). Your job is still held: print it at another printer, "
               "or try again once the problem is fixed.")
        .arg(printer, PrinterListModel::describeFaults(faults));
}

// Document formats by the names people know them by.
QString formatName(const QString& mimeType)
{
    if (mimeType == QLatin1String("application/pdf"))
        return QStringLiteral("PDF");
    if (mimeType == QLatin1String("image/jpeg"))
        return QStringLiteral("JPEG");
    if (mimeType == QLatin1String("image/pwg-raster"))
        return QStringLiteral("PWG Raster");
    if (mimeType == QLatin1String("image/urf"))
        return QStringLiteral("URF");
    return mimeType;
}

// The sentence for a reason code, empty for a code this app does not know.
QString knownReason(const QString& code, const QJsonObject& args)
{
    const QString printer = args.value(QLatin1String("printer")).toString();
    if (code == QLatin1String("printer-fault")) {
        QStringList faults;
        for (const QJsonValue& v : args.value(QLatin1String("faults")).toArray())
            faults << v.toString();
        return printerFault(printer, faults);
    }
    if (code == QLatin1String("format-unsupported"))
        return NotificationText::tr(
                   "%1 cannot print %2 documents. Your job is still held: print it at another "
                   "printer.")
            .arg(printer, formatName(args.value(QLatin1String("format")).toString()));
    if (code == QLatin1String("document-unreadable"))
        return NotificationText::tr("The print server could not read this job's document. Print the document "
                                    "again, or tell the print admin.");
    if (code == QLatin1String("printer-busy"))
        return NotificationText::tr(
                   "%1 stayed busy for too long. Your job is still held: try again in a moment, "
                   "or print it at another printer.")
            .arg(printer);
    if (code == QLatin1String("printer-error"))
        return NotificationText::tr(
                   "%1 reported a problem (%2). Your job is still held: try again, or print it "
                   "at another printer.")
            .arg(printer, args.value(QLatin1String("detail")).toString());
    if (code == QLatin1String("lost-contact"))
        return NotificationText::tr(
                   "The connection to %1 was lost while your job was printing, so it may have "
                   "printed. Check the printer before you print it again.")
            .arg(printer);
    if (code == QLatin1String("printer-aborted"))
        return NotificationText::tr(
                   "%1 stopped your job before it was finished. It is held again and was not "
                   "charged: check the printer, then print it again.")
            .arg(printer);
    if (code == QLatin1String("printer-canceled"))
        return NotificationText::tr(
                   "Your job was canceled at %1. It is held again and was not charged: print it "
                   "again whenever you need it.")
            .arg(printer);
    if (code == QLatin1String("release-interrupted")) {
        if (printer.isEmpty())
            return NotificationText::tr(
                "The print server stopped while your job was being sent to the printer, "
                "so it may have printed. Check the printer before you print it again.");
        return NotificationText::tr("The print server stopped while your job was being sent to %1, so it may "
                                    "have printed. Check the printer before you print it again.")
            .arg(printer);
    }
    if (code == QLatin1String("deleted"))
        return NotificationText::tr("Deleted by %1.").arg(args.value(QLatin1String("by")).toString());
    if (code == QLatin1String("expired"))
        return NotificationText::tr("Not printed within the hold time, so it was deleted. Print the document "
                                    "again if you still need it.");
    return {};
}

} // namespace

QString NotificationText::stateReason(const JobInfo& job)
{
    const QString known = knownReason(job.stateReasonCode, job.stateReasonArgs);
    return known.isEmpty() ? job.stateReason : known;
}

std::optional<NotificationText::Message> NotificationText::forEvent(const QString& type,
                                                                    const QJsonObject& event,
                                                                    const QString& printerFault,
                                                                    const QLocale& locale)
{
    const JobInfo job = JobInfo::fromJson(event.value(QLatin1String("job")).toObject());
    if (type == QLatin1String("job-held")) {
        return Message{tr("Print job held"), tr("%1 held - %n page(s)", nullptr, job.pages).arg(job.name),
                       Severity::Information};
    }
    if (type == QLatin1String("job-printed"))
        return printed(1, job.printer, job.name);
    if (type == QLatin1String("job-release-failed")) {
        const QString known = knownReason(job.stateReasonCode, job.stateReasonArgs);
        if (!known.isEmpty()) {
            // The job may have printed after all: the title must not say it did not.
            const bool uncertain = job.stateReasonCode == QLatin1String("lost-contact") ||
                                   job.stateReasonCode == QLatin1String("release-interrupted");
            return Message{uncertain ? tr("Check the printer") : tr("Not printed"),
                           tr("%1: %2").arg(job.name, known), Severity::Warning};
        }
        QString body;
        if (!printerFault.isEmpty() && !job.printer.isEmpty()) {
            body = tr("%1 was not printed at %2 (%3). It is still held: release it again later or choose "
                      "another printer.")
                       .arg(job.name, job.printer, printerFault);
        } else {
            body =
                tr("%1 was not printed. It is still held: release it again later or choose another printer.")
                    .arg(job.name);
            // Without a known printer fault, the server's own explanation is the best there is.
            if (!job.stateReason.isEmpty())
                body += QLatin1Char('\n') + job.stateReason;
        }
        return Message{tr("Not printed"), body, Severity::Warning};
    }
    if (type == QLatin1String("job-expiring")) {
        const QString when = locale.toString(job.expires.toLocalTime(), QLocale::ShortFormat);
        return Message{tr("Held job expires soon"),
                       tr("%1 will be deleted at %2 unless you print it.").arg(job.name, when),
                       Severity::Warning};
    }
    if (type == QLatin1String("job-expired")) {
        return Message{tr("Held job expired"),
                       tr("%1 was not printed in time and has been deleted.").arg(job.name),
                       Severity::Information};
    }
    return std::nullopt;
}

NotificationText::Message NotificationText::printed(int count, const QString& printer, const QString& name)
{
    if (count == 1)
        return Message{tr("Printed"), tr("%1 printed at %2").arg(name, printer), Severity::Information};
    return Message{tr("Printed"), tr("%n job(s) printed at %1", nullptr, count).arg(printer),
                   Severity::Information};
}
