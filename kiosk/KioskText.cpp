#include "KioskText.h"

#include "ApiReply.h"
#include "StateReasonText.h"
#include "JobInfo.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QStringList>

namespace {

using StateReasonText::Fault;
using StateReasonText::faultKind;

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

// The fault words of this app, for a state reason naming several faults.
QString faultWords(const QStringList& faults)
{
    QStringList words;
    for (const QString& f : faults)
        if (!words.contains(faultWord(f)))
            words << faultWord(f);
    return words.join(QLatin1String(", "));
}

// The sentence for a reason code, empty for a code this kiosk does not know.
QString knownReason(const QString& code, const QJsonObject& args)
{
    return StateReasonText::sentence(code, args, StateReasonText::Where::Kiosk, faultWords);
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
