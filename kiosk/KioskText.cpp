#include "KioskText.h"

#include "ApiReply.h"
#include "JobInfo.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QStringList>

namespace {

enum class Fault { Jam, Paper, Toner, Cover, Offline, WasteFull, Other };

// Vendors add severity suffixes (media-empty-report): the condition decides, whatever the suffix.
Fault faultKind(const QString& keyword)
{
    if (keyword.startsWith(QLatin1String("media-jam")))
        return Fault::Jam;
    if (keyword.startsWith(QLatin1String("media-empty")) || keyword.startsWith(QLatin1String("media-needed")))
        return Fault::Paper;
    if (keyword.startsWith(QLatin1String("toner-empty")) || keyword.startsWith(QLatin1String("marker-supply-empty")))
        return Fault::Toner;
    if (keyword.startsWith(QLatin1String("door-open")) || keyword.startsWith(QLatin1String("cover-open")))
        return Fault::Cover;
    if (keyword.startsWith(QLatin1String("offline")) || keyword.startsWith(QLatin1String("shutdown")))
        return Fault::Offline;
    if (keyword.startsWith(QLatin1String("marker-waste-full")))
        return Fault::WasteFull;
    return Fault::Other;
}

QString faultWord(const QString& keyword)
{
    switch (faultKind(keyword)) {
    case Fault::Jam: return QCoreApplication::translate("KioskText", "paper jam");
    case Fault::Paper: return QCoreApplication::translate("KioskText", "out of paper");
    case Fault::Toner: return QCoreApplication::translate("KioskText", "out of toner");
    case Fault::Cover: return QCoreApplication::translate("KioskText", "cover open");
    case Fault::Offline: return QCoreApplication::translate("KioskText", "offline");
    case Fault::WasteFull: return QCoreApplication::translate("KioskText", "waste toner full");
    case Fault::Other: break;
    }
    return keyword;
}

// One fault gets a sentence of its own that says how it ends; several, or one we have no words for,
// are listed.
QString printerFault(const QString& printer, const QStringList& faults)
{
    QList<Fault> kinds;
    QStringList words;
    for (const QString& f : faults) {
        if (!kinds.contains(faultKind(f)))
            kinds << faultKind(f);
        if (!words.contains(faultWord(f)))
            words << faultWord(f);
    }
    switch (kinds.size() == 1 ? kinds.first() : Fault::Other) {
    case Fault::Jam:
        return QCoreApplication::translate("KioskText", "%1 has a paper jam. Your job is still held: print it at another printer, or try again once the jam is cleared.").arg(printer);
    case Fault::Paper:
        return QCoreApplication::translate("KioskText", "%1 is out of paper. Your job is still held: print it at another printer, or try again once paper is loaded.").arg(printer);
    case Fault::Toner:
        return QCoreApplication::translate("KioskText", "%1 is out of toner. Your job is still held: print it at another printer, or try again once the toner is replaced.").arg(printer);
    case Fault::Cover:
        return QCoreApplication::translate("KioskText", "A cover of %1 is open. Your job is still held: close it and try again, or print it at another printer.").arg(printer);
    case Fault::Offline:
        return QCoreApplication::translate("KioskText", "%1 cannot be reached. Your job is still held: print it at another printer, or try again later.").arg(printer);
    case Fault::WasteFull:
    case Fault::Other: break;
    }
    if (words.isEmpty())
        return QCoreApplication::translate("KioskText", "%1 cannot print now. Your job is still held: print it at another printer, or try again later.").arg(printer);
    return QCoreApplication::translate("KioskText", "%1 cannot print now (%2). Your job is still held: print it at another printer, or try again once the problem is fixed.")
        .arg(printer, words.join(QLatin1String(", ")));
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

// The sentence for a reason code, empty for a code this kiosk does not know.
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
        return QCoreApplication::translate("KioskText", "%1 cannot print %2 documents. Your job is still held: print it at another printer.")
            .arg(printer, formatName(args.value(QLatin1String("format")).toString()));
    if (code == QLatin1String("document-unreadable"))
        return QCoreApplication::translate("KioskText", "The print server could not read this job's document. Send it again from your computer, or tell the print admin.");
    if (code == QLatin1String("printer-busy"))
        return QCoreApplication::translate("KioskText", "%1 stayed busy for too long. Your job is still held: try again in a moment, or print it at another printer.").arg(printer);
    if (code == QLatin1String("printer-error"))
        return QCoreApplication::translate("KioskText", "%1 reported a problem (%2). Your job is still held: try again, or print it at another printer.")
            .arg(printer, args.value(QLatin1String("detail")).toString());
    if (code == QLatin1String("lost-contact"))
        return QCoreApplication::translate("KioskText", "The connection to %1 was lost while your job was printing, so it may have printed. Check the printer before you print it again.").arg(printer);
    if (code == QLatin1String("printer-aborted"))
        return QCoreApplication::translate("KioskText", "%1 stopped your job before it was finished. It is held again and was not charged: check the printer, then print it again.").arg(printer);
    if (code == QLatin1String("printer-canceled"))
        return QCoreApplication::translate("KioskText", "Your job was canceled at %1. It is held again and was not charged: print it again whenever you need it.").arg(printer);
    if (code == QLatin1String("release-interrupted"))
        return printer.isEmpty()
            ? QCoreApplication::translate("KioskText", "The print server stopped while your job was being sent to the printer, so it may have printed. Check the printer before you print it again.")
            : QCoreApplication::translate("KioskText", "The print server stopped while your job was being sent to %1, so it may have printed. Check the printer before you print it again.").arg(printer);
    if (code == QLatin1String("deleted"))
        return QCoreApplication::translate("KioskText", "Deleted by %1.").arg(args.value(QLatin1String("by")).toString());
    if (code == QLatin1String("expired"))
        return QCoreApplication::translate("KioskText", "Not printed within the hold time, so it was deleted. Send it again if you still need it.");
    return {};
}
} // namespace

QString KioskText::forReply(const ApiReply* reply)
{
    return forError(reply->errorCode(), reply->errorMessage());
}

QString KioskText::forError(const QString& code, const QString& fallback)
{
    if (code == QLatin1String("unknown-card"))
        return QCoreApplication::translate("KioskText", "This card is not linked to an account yet. Sign in once with your ID and password to link it.");
    if (code == QLatin1String("invalid-credentials"))
        return QCoreApplication::translate("KioskText", "The ID or PIN is not correct. Check them and try again.");
    if (code == QLatin1String("locked"))
        return QCoreApplication::translate("KioskText", "Too many failed attempts. Sign-in is locked for five minutes; try again later or ask the print admin.");
    if (code == QLatin1String("card-taken"))
        return QCoreApplication::translate("KioskText", "This card is already linked to another account. Ask the print admin.");
    if (code == QLatin1String("missing-credentials"))
        return QCoreApplication::translate("KioskText", "Enter your ID and PIN.");
    if (code == QLatin1String("no-match"))
        return QCoreApplication::translate("KioskText", "The fingerprint did not match. Try again with the finger you registered.");
    if (code == QLatin1String("invalid-challenge"))
        return QCoreApplication::translate("KioskText", "The fingerprint check timed out. Tap your card or touch the sensor again.");
    if (code == QLatin1String("bad-template"))
        return QCoreApplication::translate("KioskText", "The fingerprint could not be registered. Try again.");
    if (code == QLatin1String("unknown-kiosk"))
        return QCoreApplication::translate("KioskText", "This kiosk is not registered. Ask the print admin for a device token.");
    if (code == QLatin1String("wrong-printer"))
        return QCoreApplication::translate("KioskText", "At this kiosk you can print only to its own printer.");
    if (code == QLatin1String("wrong-state"))
        return QCoreApplication::translate("KioskText", "This job cannot be changed any more: it is already printing or finished.");
    if (code == QLatin1String("not-found"))
        return QCoreApplication::translate("KioskText", "This job no longer exists.");
    if (code == QLatin1String("unreachable") || code == QLatin1String("timeout"))
        return QCoreApplication::translate("KioskText", "The print server cannot be reached. Try again in a moment, or tell the print admin.");
    if (code.startsWith(QLatin1String("tls-")))
        return QCoreApplication::translate("KioskText", "The print server's identity could not be verified. Tell the print admin.");
    if (code == QLatin1String("invalid-session") || code == QLatin1String("unauthenticated"))
        return QCoreApplication::translate("KioskText", "Your session has ended. Sign in again.");
    return fallback.isEmpty() ? QCoreApplication::translate("KioskText", "Something went wrong. Try again, or tell the print admin.") : fallback;
}

QString KioskText::faults(const QJsonObject& printer)
{
    QStringList words;
    for (const QJsonValue& v : printer.value(QLatin1String("faults")).toArray()) {
        const QString w = faultWord(v.toString());
        if (!words.contains(w))
            words << w;
    }
    if (words.isEmpty() && !printer.value(QLatin1String("reachable")).toBool(true))
        words << QCoreApplication::translate("KioskText", "offline");
    return words.join(QLatin1String(", "));
}

QString KioskText::printerState(const QJsonObject& printer)
{
    if (printer.isEmpty())
        return QCoreApplication::translate("KioskText", "Unknown");
    const QString f = faults(printer);
    if (!f.isEmpty())
        return QCoreApplication::translate("KioskText", "Cannot print: %1").arg(f);
    const QString state = printer.value(QLatin1String("state")).toString();
    if (state == QLatin1String("processing"))
        return QCoreApplication::translate("KioskText", "Printing");
    if (state == QLatin1String("stopped"))
        return QCoreApplication::translate("KioskText", "Stopped");
    if (state == QLatin1String("offline"))
        return QCoreApplication::translate("KioskText", "Offline");
    return QCoreApplication::translate("KioskText", "Ready");
}

QString KioskText::jobState(const QString& state, const QString& reason)
{
    if (state == QLatin1String("held"))
        return reason.isEmpty() ? QCoreApplication::translate("KioskText", "Waiting to print") : QCoreApplication::translate("KioskText", "Not printed: %1").arg(reason);
    if (state == QLatin1String("releasing"))
        return QCoreApplication::translate("KioskText", "Sending to the printer…");
    if (state == QLatin1String("printing"))
        return QCoreApplication::translate("KioskText", "Printing…");
    if (state == QLatin1String("printed"))
        return QCoreApplication::translate("KioskText", "Printed");
    if (state == QLatin1String("deleted"))
        return QCoreApplication::translate("KioskText", "Deleted");
    if (state == QLatin1String("expired"))
        return QCoreApplication::translate("KioskText", "Expired");
    return state;
}

QString KioskText::jobState(const JobInfo& job)
{
    // Our sentences stand alone (they say whether the job may have printed after all); the server's
    // English is introduced as a failure, as before codes existed.
    const QString known = knownReason(job.stateReasonCode, job.stateReasonArgs);
    if (job.state == JobState::Held && !known.isEmpty())
        return known;
    return jobState(jobStateName(job.state), job.stateReason);
}

QString KioskText::stateReason(const QString& code, const QJsonObject& args, const QString& fallback)
{
    const QString known = knownReason(code, args);
    return known.isEmpty() ? fallback : known;
}
