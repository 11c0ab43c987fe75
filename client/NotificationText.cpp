#include "NotificationText.h"

#include "DeviceText.h"
#include "JobInfo.h"
#include "PrinterListModel.h"
#include "QuotaText.h"
#include "ServerErrorText.h"
#include "StateReasonText.h"

#include <QJsonArray>

namespace {

// The sentence for a reason code, empty for a code this app does not know.
QString knownReason(const QString& code, const QJsonObject& args)
{
    const QString shared =
        StateReasonText::sentence(code, args, StateReasonText::Where::Desktop, [](const QStringList& faults) {
            return PrinterListModel::describeFaults(faults);
        });
    // Codes only the tray app meets as reasons (a release refused for its options, ...).
    return shared.isEmpty() && !code.isEmpty() ? ServerErrorText::sentence(code, args) : shared;
}

} // namespace

QString NotificationText::stateReason(const JobInfo& job)
{
    // Held over a quota: the reason's arguments are the refusal's numbers (docs/accounting.md).
    if (job.stateReasonCode == QLatin1String("quota-exceeded")) {
        const QString sentence = QuotaText::refusal(job.stateReasonArgs);
        if (!sentence.isEmpty())
            return sentence;
    }
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
    if (type == QLatin1String("quota-warning")) {
        return Message{QuotaText::warningTitle(event), QuotaText::warning(event, locale), Severity::Warning};
    }
    if (type == QLatin1String("job-expired")) {
        return Message{tr("Held job expired"),
                       tr("%1 was not printed in time and has been deleted.").arg(job.name),
                       Severity::Information};
    }
    if (type == QLatin1String("device-alert"))
        return DeviceText::alertNotification(event.value(QLatin1String("alert")).toObject());
    if (type == QLatin1String("scan-delivery"))
        return scanDelivery(event.value(QLatin1String("scan")).toObject());
    if (type == QLatin1String("server-alert"))
        return serverAlert(event, locale);
    return std::nullopt;
}

std::optional<NotificationText::Message> NotificationText::serverAlert(const QJsonObject& event,
                                                                       const QLocale& locale)
{
    const QString condition = event.value(QLatin1String("condition")).toString();
    const QString freeMb = locale.toString(event.value(QLatin1String("freeMb")).toInteger());
    const QString reserveMb = locale.toString(event.value(QLatin1String("reserveMb")).toInteger());
    if (condition == QLatin1String("spool-low"))
        return Message{
            tr("Print server storage low"),
            tr("The print server has %1 MB of storage left (%2 MB kept in reserve). Below the reserve "
               "it refuses new print jobs: delete old jobs or enlarge its disk.")
                .arg(freeMb, reserveMb),
            Severity::Warning};
    if (condition == QLatin1String("spool-full"))
        return Message{
            tr("Print server storage full"),
            tr("The print server is refusing new print jobs and fax drafts: its storage is down to "
               "the %1 MB it keeps in reserve. What people print waits on their computers until "
               "there is room. Delete old jobs or enlarge its disk.")
                .arg(reserveMb),
            Severity::Warning};
    if (condition == QLatin1String("spool-ok"))
        return Message{
            tr("Print server storage has room again"),
            tr("The print server has %1 MB of storage free again and takes new print jobs.").arg(freeMb),
            Severity::Information};
    return std::nullopt;
}

NotificationText::Message NotificationText::printed(int count, const QString& printer, const QString& name)
{
    if (count == 1)
        return Message{tr("Printed"), tr("%1 printed at %2").arg(name, printer), Severity::Information};
    return Message{tr("Printed"), tr("%n job(s) printed at %1", nullptr, count).arg(printer),
                   Severity::Information};
}

std::optional<NotificationText::Message> NotificationText::scanDelivery(const QJsonObject& scan)
{
    const QString state = scan.value(QLatin1String("state")).toString();
    const QString name = scan.value(QLatin1String("fileName")).toString();
    const int pages = scan.value(QLatin1String("pages")).toInt();
    if (state == QLatin1String("retrying"))
        return Message{tr("Scan not delivered yet"),
                       tr("%1 (%n page(s)) has not reached your mailbox yet. The print server keeps trying; "
                          "you need not scan it again.",
                          nullptr, pages)
                           .arg(name),
                       Severity::Warning};
    if (state == QLatin1String("failed")) {
        // The mail server's answer is technical English: kept in the log, not in the notification.
        return Message{tr("Scan not delivered"),
                       tr("%1 (%n page(s)) could not be delivered to your mailbox and has been deleted. Scan it "
                          "again; if it fails again, ask the print admin to check your e-mail address.",
                          nullptr, pages)
                           .arg(name),
                       Severity::Warning};
    }
    return std::nullopt;
}
