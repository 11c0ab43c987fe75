#include "NotificationText.h"

#include "JobInfo.h"

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
