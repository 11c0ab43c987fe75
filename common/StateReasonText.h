#pragma once
#include <QJsonObject>
#include <QString>
#include <QStringList>

#include <functional>

/// The sentence a person reads for a job's state reason code (JobInfo::stateReasonCode and
/// stateReasonArgs, see docs/api.md): what happened and what to do next, in the app's language.
/// Shared by the tray client and the kiosk; its strings (context "StateReasonText") are in both
/// apps' catalogues, as ApiClient's are.
namespace StateReasonText {

/// The printer faults people are told about by name.
enum class Fault { Jam, Paper, Toner, Cover, Offline, WasteFull, Other };

/// Classifies a printer-state-reasons keyword; vendors' severity suffixes (media-empty-report) do
/// not matter.
Fault faultKind(const QString& keyword);

/// Where the sentence is read: it decides what "do it again" means (at the desk or at the MFP).
enum class Where { Desktop, Kiosk };

/// Names printer-state-reasons keywords ("media-jam", ...) in the app's words, joined.
using FaultWords = std::function<QString(const QStringList& keywords)>;

/// Returns the sentence for `code` with `args`, or empty for a code this build does not know (the
/// caller then shows the server's English stateReason). One printer fault gets a sentence of its
/// own that says how it ends; several, or an unusual one, are named through `faultWords`.
QString sentence(const QString& code, const QJsonObject& args, Where where, const FaultWords& faultWords);

/// Returns a document format (MIME type) by the name people know it by ("PDF", "JPEG", ...).
QString formatName(const QString& mimeType);

} // namespace StateReasonText
