#include "KioskText.h"

#include "ApiReply.h"
#include "JobInfo.h"
#include "NaturalTime.h"
#include "StateReasonText.h"
#include "accounting/Money.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QStringList>

namespace {

using StateReasonText::Fault;
using StateReasonText::faultKind;

QString faultWord(const QString& keyword)
{
    switch (faultKind(keyword)) {
    case Fault::Jam:
        return QCoreApplication::translate("KioskText", "paper jam");
    case Fault::Paper:
        return QCoreApplication::translate("KioskText", "out of paper");
    case Fault::Toner:
        return QCoreApplication::translate("KioskText", "out of toner");
    case Fault::Cover:
        return QCoreApplication::translate("KioskText", "cover open");
    case Fault::Offline:
        return QCoreApplication::translate("KioskText", "offline");
    case Fault::WasteFull:
        return QCoreApplication::translate("KioskText", "waste toner full");
    case Fault::Other:
        break;
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

// A release refused because the printer cannot do one of its options (400 option-unsupported, or the
// job's reason): which option, in the kiosk's words, never the printer's English.
QString optionUnsupported(const QJsonObject& args)
{
    const QString printer = args.value(QLatin1String("printer")).toString();
    const QString option = args.value(QLatin1String("option")).toString();
    const QString value = args.value(QLatin1String("value")).toVariant().toString();
    if (printer.isEmpty())
        return QCoreApplication::translate(
            "KioskText", "This printer cannot print the job with the options chosen. Change them and print "
                         "again; the job is still held.");
    if (option == QLatin1String("sides"))
        return QCoreApplication::translate("KioskText", "%1 cannot print double-sided. Turn off Double-sided "
                                                        "and print again; the job is still held.")
            .arg(printer);
    if (option == QLatin1String("colorMode") && value == QLatin1String("color"))
        return QCoreApplication::translate("KioskText",
                                           "%1 prints only in black and white. Turn on Black and "
                                           "white and print again; the job is still held.")
            .arg(printer);
    if (option == QLatin1String("colorMode"))
        return QCoreApplication::translate("KioskText", "%1 cannot print in black and white. Turn off Black "
                                                        "and white and print again; the job is still held.")
            .arg(printer);
    const QJsonValue max = args.value(QLatin1String("supported"));
    if (option == QLatin1String("copies") && max.isDouble())
        return QCoreApplication::translate("KioskText",
                                           "%1 prints at most %n copies at a time. Choose fewer copies and "
                                           "print again; the job is still held.",
                                           nullptr, max.toInt())
            .arg(printer);
    return QCoreApplication::translate("KioskText", "%1 cannot print the job with the options chosen. Change "
                                                    "them and print again; the job is still held.")
        .arg(printer);
}

// The sentence for a reason code, empty for a code this kiosk does not know.
QString knownReason(const QString& code, const QJsonObject& args)
{
    if (code == QLatin1String("option-unsupported"))
        return optionUnsupported(args);
    if (code == QLatin1String("quota-exceeded"))
        return args.contains(QLatin1String("scope")) ? KioskText::quotaExceededShort(args)
                                                     : KioskText::forError(code, QString());
    return StateReasonText::sentence(code, args, StateReasonText::Where::Kiosk, faultWords);
}
} // namespace

QString KioskText::forReply(const ApiReply* reply)
{
    return forError(reply->errorCode(), reply->errorMessage(), reply->json(), QDateTime::currentDateTime());
}

QString KioskText::forError(const QString& code, const QString& fallback, const QJsonObject& body,
                            const QDateTime& now)
{
    if (code == QLatin1String("invalid-credentials") &&
        body.value(QLatin1String("attemptsLeft")).isDouble()) {
        const int left = body.value(QLatin1String("attemptsLeft")).toInt();
        if (left > 0)
            return QCoreApplication::translate(
                "KioskText",
                "The ID or PIN is not correct. You can try %n more time(s) before sign-in is locked.",
                nullptr, left);
    }
    if (code == QLatin1String("locked")) {
        const QDateTime until =
            QDateTime::fromString(body.value(QLatin1String("lockedUntil")).toString(), Qt::ISODate);
        if (until.isValid()) {
            // Today's time alone reads naturally inside the sentence; another day says which.
            const QString when = until.toLocalTime().date() == now.toLocalTime().date()
                                     ? NaturalTime::timeOfDay(until.toLocalTime().time())
                                     : NaturalTime::format(until, now);
            // Locked at this kiosk only (too many wrong tries here): other kiosks still work.
            if (body.value(QLatin1String("lockScope")).toString() == QLatin1String("here"))
                return QCoreApplication::translate(
                           "KioskText", "Sign-in is locked at this kiosk after too many wrong tries, "
                                        "until %1. Use the kiosk of another printer, or try again "
                                        "after that. If it keeps happening, tell the print admin.")
                    .arg(when);
            return QCoreApplication::translate(
                       "KioskText", "This account is locked after too many wrong PINs or passwords, until "
                                    "%1. Try again after that, or ask the print admin to unlock it.")
                .arg(when);
        }
    }
    if (code == QLatin1String("quota-exceeded") && body.value(QLatin1String("quota")).isObject())
        return quotaExceeded(body.value(QLatin1String("quota")).toObject());
    // Error answers that carry a job reason's code and arguments (option-unsupported: the option,
    // its value, the printer and what it supports at the top level of the error object).
    if (code == QLatin1String("option-unsupported"))
        return optionUnsupported(body);
    return forError(code, fallback);
}

QString KioskText::quotaExceeded(const QJsonObject& quota)
{
    const QString currency = quota.value(QLatin1String("currency")).toString();
    const QString cost = Money::format(quota.value(QLatin1String("cost")).toInteger(), currency);
    const qint64 remaining = quota.value(QLatin1String("remaining")).toInteger();
    const QString left = Money::format(qMax<qint64>(0, remaining), currency);
    const bool department = quota.value(QLatin1String("scope")).toString() == QLatin1String("department");
    QString name = quota.value(QLatin1String("subjectName")).toString();
    if (name.isEmpty())
        name = quota.value(QLatin1String("subject")).toString();
    if (department) {
        if (remaining <= 0)
            return QCoreApplication::translate(
                       "KioskText",
                       "The %1 print quota for this month is used up, so this job (%2) was not printed. It "
                       "stays held: ask your department head or the print admin for an allowance.")
                .arg(name, cost);
        return QCoreApplication::translate(
                   "KioskText", "This job costs %1, but only %2 is left of the %3 print quota this month. It "
                                "stays held: print fewer copies, in black and white or double-sided, or ask "
                                "your department head for an allowance.")
            .arg(cost, left, name);
    }
    if (remaining <= 0)
        return QCoreApplication::translate(
                   "KioskText", "Your print quota for this month is used up, so this job (%1) was not "
                                "printed. It stays held: ask the print admin for an allowance.")
            .arg(cost);
    return QCoreApplication::translate(
               "KioskText",
               "This job costs %1, but only %2 is left of your print quota this month. It stays held: print "
               "fewer copies, in black and white or double-sided, or ask the print admin for an allowance.")
        .arg(cost, left);
}

QString KioskText::quotaExceededShort(const QJsonObject& quota)
{
    const QString currency = quota.value(QLatin1String("currency")).toString();
    return QCoreApplication::translate("KioskText",
                                       "Not printed, over the quota: it costs %1, %2 is left this month.")
        .arg(Money::format(quota.value(QLatin1String("cost")).toInteger(), currency),
             Money::format(qMax<qint64>(0, quota.value(QLatin1String("remaining")).toInteger()), currency));
}

QString KioskText::quotaLeft(const QJsonArray& quotas, const QString& currency)
{
    // The quota that runs out first is the one that stops a release.
    QJsonObject tightest;
    qint64 least = 0;
    for (const QJsonValue& v : quotas) {
        const QJsonObject q = v.toObject();
        if (!q.value(QLatin1String("limit")).isDouble())
            continue;
        const qint64 remaining = q.value(QLatin1String("remaining")).isDouble()
                                     ? q.value(QLatin1String("remaining")).toInteger()
                                     : q.value(QLatin1String("limit")).toInteger() +
                                           q.value(QLatin1String("allowance")).toInteger() -
                                           q.value(QLatin1String("spent")).toInteger();
        if (tightest.isEmpty() || remaining < least) {
            tightest = q;
            least = remaining;
        }
    }
    if (tightest.isEmpty())
        return {};
    const QString cur = tightest.value(QLatin1String("currency")).toString(currency);
    QString name = tightest.value(QLatin1String("subjectName")).toString();
    if (name.isEmpty())
        name = tightest.value(QLatin1String("subject")).toString();
    const bool department = tightest.value(QLatin1String("scope")).toString() == QLatin1String("department");
    if (least < 0)
        return department
                   ? QCoreApplication::translate("KioskText", "%1 is %2 over its print quota this month")
                         .arg(name, Money::format(-least, cur))
                   : QCoreApplication::translate("KioskText", "You are %1 over your print quota this month")
                         .arg(Money::format(-least, cur));
    return department ? QCoreApplication::translate("KioskText", "Left of the %1 print quota this month: %2")
                            .arg(name, Money::format(least, cur))
                      : QCoreApplication::translate("KioskText", "Left of your print quota this month: %1")
                            .arg(Money::format(least, cur));
}

QString KioskText::forError(const QString& code, const QString& fallback)
{
    // Scan to my e-mail (docs/scan.md): the scanner's codes, then the server's. Pages already
    // scanned are kept in every case, so the sentences say so where the scan stopped half-way.
    if (code == QLatin1String("jammed"))
        return QCoreApplication::translate(
            "KioskText", "The paper jammed in the feeder. Open the feeder, take the sheet out "
                         "and put the pages not yet scanned back in. The pages scanned so far "
                         "are kept.");
    if (code == QLatin1String("feeder-empty"))
        return QCoreApplication::translate(
            "KioskText", "The document feeder is empty. Put your pages in the feeder face up, "
                         "or choose the glass and lay one page on it.");
    if (code == QLatin1String("cover-open"))
        return QCoreApplication::translate("KioskText",
                                           "The scanner's cover is open. Close it, then press Scan again.");
    if (code == QLatin1String("busy"))
        return QCoreApplication::translate("KioskText",
                                           "The scanner is busy with someone else's job. Wait a moment, then "
                                           "press Scan again.");
    if (code == QLatin1String("scanner-unavailable"))
        return QCoreApplication::translate(
            "KioskText", "The scanner cannot be reached. Try again in a minute; if it keeps "
                         "happening, tell the print admin.");
    if (code == QLatin1String("cancelled"))
        return QCoreApplication::translate("KioskText",
                                           "Scanning stopped. The pages scanned so far are kept.");
    if (code == QLatin1String("no-email"))
        return QCoreApplication::translate(
            "KioskText", "Your account has no e-mail address, so a scan cannot be sent to you. "
                         "Ask the print admin to add one.");
    if (code == QLatin1String("mail-disabled"))
        return QCoreApplication::translate(
            "KioskText", "Scanning to e-mail is not set up on the print server. Tell the print "
                         "admin.");
    if (code == QLatin1String("scan-too-large"))
        return QCoreApplication::translate(
            "KioskText", "This page would make the e-mail too large. Send the pages scanned so "
                         "far, then scan the rest as a second e-mail.");
    if (code == QLatin1String("no-pages"))
        return QCoreApplication::translate("KioskText", "There is nothing to send yet. Scan a page first.");
    if (code == QLatin1String("bad-image"))
        return QCoreApplication::translate(
            "KioskText", "The print server could not read a scanned page. Delete it and scan "
                         "it again.");
    if (code == QLatin1String("unknown-card"))
        return QCoreApplication::translate(
            "KioskText",
            "This card is not linked to an account yet. Sign in once with your ID and password to link it.");
    if (code == QLatin1String("invalid-credentials"))
        return QCoreApplication::translate("KioskText",
                                           "The ID or PIN is not correct. Check them and try again.");
    if (code == QLatin1String("locked"))
        return QCoreApplication::translate("KioskText",
                                           "Too many failed attempts. Sign-in is locked for five minutes; "
                                           "try again later or ask the print admin.");
    if (code == QLatin1String("card-taken"))
        return QCoreApplication::translate(
            "KioskText", "This card is already linked to another account. Ask the print admin.");
    if (code == QLatin1String("missing-credentials"))
        return QCoreApplication::translate("KioskText", "Enter your ID and PIN.");
    if (code == QLatin1String("no-match"))
        return QCoreApplication::translate(
            "KioskText", "The fingerprint did not match. Try again with the finger you registered.");
    if (code == QLatin1String("invalid-challenge"))
        return QCoreApplication::translate(
            "KioskText", "The fingerprint check timed out. Tap your card or touch the sensor again.");
    if (code == QLatin1String("bad-template"))
        return QCoreApplication::translate("KioskText",
                                           "The fingerprint could not be registered. Try again.");
    if (code == QLatin1String("unknown-kiosk"))
        return QCoreApplication::translate(
            "KioskText", "This kiosk is not registered. Ask the print admin for a device token.");
    if (code == QLatin1String("wrong-printer"))
        return QCoreApplication::translate("KioskText",
                                           "At this kiosk you can print only to its own printer.");
    if (code == QLatin1String("wrong-state"))
        return QCoreApplication::translate(
            "KioskText", "This job cannot be changed any more: it is already printing or finished.");
    if (code == QLatin1String("not-found"))
        return QCoreApplication::translate("KioskText", "This job no longer exists.");
    if (code == QLatin1String("unreachable") || code == QLatin1String("timeout"))
        return QCoreApplication::translate(
            "KioskText",
            "The print server cannot be reached. Try again in a moment, or tell the print admin.");
    if (code.startsWith(QLatin1String("tls-")))
        return QCoreApplication::translate(
            "KioskText", "The print server's identity could not be verified. Tell the print admin.");
    if (code == QLatin1String("invalid-session") || code == QLatin1String("unauthenticated"))
        return QCoreApplication::translate("KioskText", "Your session has ended. Sign in again.");
    if (code == QLatin1String("consent-required"))
        return QCoreApplication::translate(
            "KioskText",
            "A fingerprint is registered only with your consent. Agree on the consent screen first.");
    if (code == QLatin1String("option-unsupported"))
        return optionUnsupported({});
    if (code == QLatin1String("quota-exceeded"))
        return QCoreApplication::translate(
            "KioskText",
            "Your print quota does not allow this. The job is still held; ask your print admin.");
    if (code == QLatin1String("bad-options"))
        return QCoreApplication::translate("KioskText",
                                           "The print options were not accepted. Change them and try again.");
    if (code == QLatin1String("unknown-printer"))
        return QCoreApplication::translate(
            "KioskText", "The print server does not know this kiosk's printer. Tell the print admin.");
    if (code == QLatin1String("forbidden"))
        return QCoreApplication::translate("KioskText", "You are not allowed to do that here.");
    if (code == QLatin1String("unknown-user") || code == QLatin1String("unknown-department") ||
        code == QLatin1String("bad-period") || code == QLatin1String("bad-argument"))
        return QCoreApplication::translate(
            "KioskText", "The print server did not accept the request. Try again, or tell the print admin.");
    if (code == QLatin1String("capture-in-progress"))
        return QCoreApplication::translate("KioskText",
                                           "This document is still arriving. Try again in a moment.");
    // Upload refusals: met on the desktop, but said here too should a kiosk ever see one.
    if (code == QLatin1String("unsupported-format") || code == QLatin1String("hwp-unsupported") ||
        code == QLatin1String("encrypted-document") || code == QLatin1String("bad-document") ||
        code == QLatin1String("conversion-failed"))
        return QCoreApplication::translate("KioskText",
                                           "This document cannot be printed as it is. Save it as "
                                           "PDF on your computer and print that.");
    if (code == QLatin1String("too-large") || code == QLatin1String("too-many-pages"))
        return QCoreApplication::translate("KioskText", "The document is too large for the print server.");
    if (code == QLatin1String("converter-busy"))
        return QCoreApplication::translate(
            "KioskText", "The print server is busy converting other documents. Try again in a moment.");
    if (code == QLatin1String("spool-full"))
        return QCoreApplication::translate("KioskText",
                                           "The print server's storage is full. Try again later, or tell "
                                           "the print admin.");
    if (code == QLatin1String("hold-limit"))
        return QCoreApplication::translate("KioskText",
                                           "You have too many jobs waiting. Print or delete some first.");
    if (code == QLatin1String("too-many-uploads"))
        return QCoreApplication::translate("KioskText",
                                           "You are already sending several documents to the print server. "
                                           "Try again once they have arrived.");
    if (code == QLatin1String("sign-in-busy"))
        return QCoreApplication::translate(
            "KioskText", "The print server is checking many sign-ins right now. Try again in a moment.");
    if (code == QLatin1String("storage"))
        return QCoreApplication::translate("KioskText",
                                           "The print server could not store this. Tell the print admin.");
    if (code == QLatin1String("too-many-streams"))
        return QCoreApplication::translate(
            "KioskText", "The print server is following too many screens for this kiosk. It reconnects by "
                         "itself; if this stays, tell the print admin.");
    {
        // A job reason's code in an error answer.
        const QString reason = knownReason(code, {});
        if (!reason.isEmpty())
            return reason;
    }
    return fallback.isEmpty() ? QCoreApplication::translate(
                                    "KioskText", "Something went wrong. Try again, or tell the print admin.")
                              : fallback;
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
        return reason.isEmpty() ? QCoreApplication::translate("KioskText", "Waiting to print")
                                : QCoreApplication::translate("KioskText", "Not printed: %1").arg(reason);
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
    if (job.state == JobState::Held && job.stateReasonCode == QLatin1String("quota-exceeded"))
        return quotaExceededShort(job.stateReasonArgs);
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
