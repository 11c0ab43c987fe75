#pragma once
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
