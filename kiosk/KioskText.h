#pragma once
#include <QJsonObject>
#include <QString>

class ApiReply;

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
} // namespace KioskText
