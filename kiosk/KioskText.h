#pragma once
#include <QDateTime>
#include <QJsonObject>
#include <QString>

class ApiReply;
struct JobInfo;

/// The kiosk's user-facing sentences for what the server and the printers report, translated
/// (context "KioskText"). The server speaks English; the kiosk speaks the chosen language.
namespace KioskText {
/// Returns the sentence for a failed call: ours for the codes we know, else the reply's own.
QString forReply(const ApiReply* reply);
/// Returns the sentence for an error code, or `fallback` when the code is not one we translate.
QString forError(const QString& code, const QString& fallback);
/// As above, with the details of the error answer `body` (docs/api.md): "attemptsLeft" of a wrong
/// PIN or password, "lockedUntil" of a locked account (said relative to `now`), "quota" of a release
/// over a hard quota (docs/accounting.md).
QString forError(const QString& code, const QString& fallback, const QJsonObject& body, const QDateTime& now);
/// Returns what a release refused over a quota means and what to do: `quota` is the refusal's
/// QuotaState with "cost" and "currency".
QString quotaExceeded(const QJsonObject& quota);
/// Returns a job's reason of a release refused over a quota in a few words, for its row in the list
/// ("Over the quota: costs ₩2,400, ₩1,000 left this month"); the message says the whole sentence.
QString quotaExceededShort(const QJsonObject& quota);
/// Returns how much of the tightest quota in `quotas` (QuotaState JSON, GET /api/v1/usage/quota) is
/// left this period ("Left this month: ₩12,340"); empty when none has a limit.
QString quotaLeft(const QJsonArray& quotas, const QString& currency);
/// Returns a printer's state in a few words ("Ready", "Paper jam", "Offline"...).
QString printerState(const QJsonObject& printer);
/// Returns the printer's stopping faults in words ("paper jam, out of toner"); empty when none.
QString faults(const QJsonObject& printer);
/// Returns a job's progress for its owner ("Held", "Printing…", "Not printed: ... Still held.").
QString jobState(const QString& state, const QString& reason);
/// Returns a job's progress for its owner with its reason in the kiosk's language: a held job with a
/// reason says what went wrong and what to do (stateReason()).
QString jobState(const JobInfo& job);
/// Returns the sentence for a job's reason `code` with its `args` (docs/api.md: "printer-fault",
/// "lost-contact", ...), or `fallback` (the server's English stateReason) for a code the kiosk does
/// not know or none.
QString stateReason(const QString& code, const QJsonObject& args, const QString& fallback);
} // namespace KioskText
