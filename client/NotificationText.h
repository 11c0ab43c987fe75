#pragma once
#include <QCoreApplication>
#include <QJsonObject>
#include <QLocale>
#include <QString>

#include <optional>

struct JobInfo;

/// Turns push-channel events about my jobs into the tray notifications a person reads
/// ("report.pdf held - 12 pages"). Pure text: no UI, so the wording is testable in every language.
class NotificationText
{
    Q_DECLARE_TR_FUNCTIONS(NotificationText)
public:
    /// How prominent a notification is.
    enum class Severity { Information, Warning };

    /// One notification.
    struct Message
    {
        QString title;
        QString body;
        Severity severity = Severity::Information;
    };

    /// Returns the notification for a push event (`type` such as "job-held", `event` the event's JSON
    /// with its "job"), or nothing for events that need none (changes, deletions the user made).
    /// A failed release says why in the user's language (stateReason()). From a server without reason
    /// codes, `printerFault` is what keeps the job's printer from printing, in words ("paper jam"),
    /// when known; without it the server's English reason is quoted. Dates and amounts are written
    /// with `locale`. A "quota-warning" event ({"quota", "threshold", "currency"}) says how much of
    /// which monthly quota is used (QuotaText::warning). A "device-alert" event ({"alert"}, print
    /// admins) names the printer and the supply or fault (DeviceText::alertNotification); a
    /// "scan-delivery" event ({"scan"}) is told when it is "retrying" or "failed" (scanDelivery()). A
    /// "server-alert" event (print admins) says the print server's storage is low, full or has room
    /// again (serverAlert()).
    static std::optional<Message> forEvent(const QString& type, const QJsonObject& event,
                                           const QString& printerFault = {},
                                           const QLocale& locale = QLocale());

    /// Returns why `job` is where it is, in the user's language: the sentence for its stateReasonCode
    /// with its arguments (docs/api.md), which says what to do next, or the server's English
    /// stateReason for a code this app does not know and for jobs from before codes. A job held over a
    /// quota ("quota-exceeded") gets QuotaText::refusal() of its arguments. Empty when the job has no
    /// reason.
    static QString stateReason(const JobInfo& job);

    /// The notification for a "server-alert" event ({"condition": "spool-low" | "spool-full" |
    /// "spool-ok", "freeMb", "reserveMb"}); nothing for a condition this app does not know.
    static std::optional<Message> serverAlert(const QJsonObject& event, const QLocale& locale = QLocale());

    /// Returns the notification for `count` of my jobs printed at `printer` (several events in a row
    /// become one notification: "2 jobs printed at 3F-East"). `name` is the job's name when count is 1.
    static Message printed(int count, const QString& printer, const QString& name);

    /// Returns the notification for a scan on its way to my mailbox (the "scan" of a scan-delivery
    /// event, docs/scan.md): for "retrying" that it has not arrived yet and is tried again, for
    /// "failed" that it will not arrive and what to do; nothing for "sent" and other states.
    static std::optional<Message> scanDelivery(const QJsonObject& scan);
};
