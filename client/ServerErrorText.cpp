#include "ServerErrorText.h"

#include "FaxText.h"
#include "QuotaText.h"
#include "StateReasonText.h"

#include <QJsonArray>
#include <QLocale>

QString ServerErrorText::optionValue(const QString& option, const QJsonValue& value)
{
    const QString v = value.toVariant().toString();
    if (option == QLatin1String("sides")) {
        if (v == QLatin1String("one-sided"))
            return tr("one-sided");
        if (v == QLatin1String("two-sided-long-edge"))
            return tr("two-sided (long edge)");
        if (v == QLatin1String("two-sided-short-edge"))
            return tr("two-sided (short edge)");
    } else if (option == QLatin1String("colorMode")) {
        if (v == QLatin1String("color"))
            return tr("colour");
        if (v == QLatin1String("monochrome"))
            return tr("black and white");
        if (v == QLatin1String("auto"))
            return tr("as in the document");
    } else if (option == QLatin1String("copies")) {
        return tr("%n copies", nullptr, value.toInt());
    }
    return v;
}

QString ServerErrorText::sentence(const QString& code, const QJsonObject& answer)
{
    const QString printer = answer.value(QLatin1String("printer")).toString();
    if (code == QLatin1String("option-unsupported")) {
        const QString option = answer.value(QLatin1String("option")).toString();
        const QJsonValue value = answer.value(QLatin1String("value"));
        if (option == QLatin1String("copies")) {
            const int max = answer.value(QLatin1String("copiesMax"))
                                .toInt(answer.value(QLatin1String("supported")).toInt(1));
            return tr("Printer %1 prints at most %n copies at a time. The job is still held: choose fewer "
                      "copies under Options, or another printer.",
                      nullptr, qMax(1, max))
                .arg(printer);
        }
        if (option == QLatin1String("sides"))
            return tr("Printer %1 cannot print %2. The job is still held: choose one-sided under Options, "
                      "or another printer.")
                .arg(printer, optionValue(option, value));
        if (option == QLatin1String("colorMode"))
            return tr("Printer %1 cannot print in %2. The job is still held: choose black and white under "
                      "Options, or another printer.")
                .arg(printer, optionValue(option, value));
        return tr("Printer %1 cannot print with these options. The job is still held: change the options, "
                  "or choose another printer.")
            .arg(printer);
    }
    if (code == QLatin1String("unsupported-format")) {
        const QString format = answer.value(QLatin1String("format")).toString();
        if (format.isEmpty())
            return tr("This kind of file cannot be printed. Open it in its program and save it as PDF, "
                      "then print the PDF.");
        return tr("%1 files cannot be printed. Open the file in its program and save it as PDF, then print "
                  "the PDF.")
            .arg(format);
    }
    if (code == QLatin1String("hwp-unsupported"))
        return tr("This Hangul document (%1) cannot be converted on the server. Open it in Hangul and save "
                  "it as PDF, then print the PDF.")
            .arg(answer.value(QLatin1String("version")).toString(QStringLiteral("HWP")));
    if (code == QLatin1String("encrypted-document"))
        return tr("The document is protected with a password. Open it, save a copy without the password "
                  "or as PDF, and print that.");
    if (code == QLatin1String("bad-document"))
        return tr("The document is damaged or not what its name says and cannot be read. Open it in its "
                  "program, save it as PDF and print the PDF.");
    if (code == QLatin1String("too-many-pages"))
        return tr("The document has more than %1 pages, more than the server takes in one job. Print it in "
                  "parts.")
            .arg(QLocale().toString(answer.value(QLatin1String("maxPages")).toInt(10000)));
    if (code == QLatin1String("conversion-failed"))
        return tr("The server could not convert the document to print it. Save it as PDF in its program and "
                  "print the PDF.");
    if (code == QLatin1String("converter-busy"))
        return tr("The server is converting many documents right now. Try again in a minute.");
    if (code == QLatin1String("too-large"))
        return tr("The document is too large for the server. Print it in parts or ask the print admin.");
    if (code == QLatin1String("spool-full"))
        return tr("The print server's storage is full, so the document was not stored. Try again later; tell "
                  "the print admin if this lasts.");
    if (code == QLatin1String("hold-limit")) {
        if (answer.contains(QLatin1String("maxMegabytes")))
            return tr("Your waiting jobs take %1 MB, and the server keeps at most %2 MB for one person. "
                      "Print or delete some of them, then send this document again.")
                .arg(answer.value(QLatin1String("megabytes")).toInteger())
                .arg(answer.value(QLatin1String("maxMegabytes")).toInteger());
        return tr("You already have %n job(s) waiting, the most the server keeps for one person. Print or "
                  "delete some of them, then send this document again.",
                  nullptr, answer.value(QLatin1String("jobs")).toInt());
    }
    if (code == QLatin1String("too-many-uploads"))
        return tr("You are already sending %n document(s) to the server, the most it takes from one person "
                  "at once. Wait until they have arrived, then send this one again.",
                  nullptr, answer.value(QLatin1String("uploads")).toInt(4));
    if (code == QLatin1String("quota-exceeded")) {
        const QString s = QuotaText::refusal(answer.value(QLatin1String("quota")).toObject());
        if (!s.isEmpty())
            return s;
        return tr("This job would go over a monthly print quota, so it was not printed and is still held. "
                  "Print fewer pages, in black and white or on both sides, or ask your department head.");
    }
    if (code == QLatin1String("quota-warning"))
        return tr("You have used most of a monthly print quota. Open Usage to see what is left.");
    if (code == QLatin1String("bad-options"))
        return tr(
            "These print options are not valid. Choose 1 to 999 copies and one of the offered sides and "
            "colours.");
    if (code == QLatin1String("wrong-state"))
        return tr("The job is no longer held: it is printing, was printed or was deleted. The list shows its "
                  "state now.");
    if (code == QLatin1String("unknown-printer"))
        return tr("The printer is no longer set up on the server. Choose another printer.");
    if (code == QLatin1String("wrong-printer"))
        return tr("At a kiosk, jobs can only be printed at the kiosk's own printer.");
    if (code == QLatin1String("forbidden"))
        return tr("You are not allowed to do that.");
    if (code == QLatin1String("storage"))
        return tr("The server could not store the document. Try again later or ask the print admin.");
    if (code == QLatin1String("capture-in-progress"))
        return tr("This document is still being received. It appears in My jobs in a moment.");
    if (code == QLatin1String("invalid-credentials"))
        return tr("The user name or password is not correct. Check them and try again.");
    if (code == QLatin1String("missing-credentials"))
        return tr("Enter your user name and password.");
    if (code == QLatin1String("locked"))
        return tr("There were too many attempts. Wait a few minutes and try again.");
    if (code == QLatin1String("sign-in-busy"))
        return tr("The server is checking many sign-ins right now. Try again in a moment.");
    if (code == QLatin1String("account-disabled") || code == QLatin1String("disabled"))
        return tr("This account is turned off. Ask the print admin.");
    if (code == QLatin1String("unauthenticated"))
        return tr("Your session has ended. Sign in again.");
    if (code == QLatin1String("unknown-user"))
        return tr("There is no such user on the server.");
    if (code == QLatin1String("unknown-department"))
        return tr("There is no such department on the server.");
    if (code == QLatin1String("unknown-card"))
        return tr("This card is not linked to anyone yet. Link it at a kiosk with your user name and "
                  "password.");
    if (code == QLatin1String("card-taken"))
        return tr("This card is already linked to another person. Ask the print admin.");
    if (code == QLatin1String("no-match"))
        return tr("The fingerprint was not recognised. Try again, or sign in with your card or password.");
    if (code == QLatin1String("invalid-challenge"))
        return tr("The sign-in took too long. Start again.");
    if (code == QLatin1String("bad-template"))
        return tr("The fingerprint could not be read. Enrol it again.");
    if (code == QLatin1String("consent-required"))
        return tr("Fingerprints are stored only with your consent. Read what is stored and agree first.");
    if (code == QLatin1String("no-fingerprint"))
        return tr("You have no fingerprint stored.");
    if (code == QLatin1String("bad-period"))
        return tr("The month asked for is not valid. Choose another month.");
    if (code == QLatin1String("bad-argument") || code == QLatin1String("bad-request"))
        return tr("The server did not accept the request. Update the app or ask the print admin.");
    if (code == QLatin1String("not-found"))
        return tr("The server does not know this request. Check the server address.");
    if (code == QLatin1String("too-many-streams"))
        return tr("Too many windows of yours are following the server at once. Close MPS on a computer you "
                  "no longer use; this one reconnects by itself.");
    // Scan to e-mail (docs/scan.md): the kiosk's calls; said here too should the tray ever meet one.
    if (code == QLatin1String("no-email"))
        return tr("Your account has no e-mail address, so scans cannot be sent to you. Ask the print admin "
                  "to add one.");
    if (code == QLatin1String("mail-disabled"))
        return tr("Scanning to e-mail is not set up on the print server. Tell the print admin.");
    if (code == QLatin1String("scan-too-large"))
        return tr("The scan is too large for one e-mail. Send the pages scanned so far and scan the rest "
                  "separately.");
    if (code == QLatin1String("bad-image"))
        return tr("The print server could not read a scanned page. Scan it again.");
    if (code == QLatin1String("no-pages"))
        return tr("There is nothing to send yet. Scan a page first.");
    // The fax calls' own codes (fax-disabled, invalid-number, ...: docs/fax.md) are FaxText's.
    if (const QString fax = FaxText::faxOnlyError(code, answer); !fax.isEmpty())
        return fax;
    // The job reasons the kiosk shares (printer faults, expiry, ...) have their own sentences.
    return StateReasonText::sentence(code, answer, StateReasonText::Where::Desktop, {});
}

QStringList ServerErrorText::knownCodes()
{
    return {QStringLiteral("option-unsupported"),  QStringLiteral("unsupported-format"),
            QStringLiteral("hwp-unsupported"),     QStringLiteral("encrypted-document"),
            QStringLiteral("bad-document"),        QStringLiteral("too-many-pages"),
            QStringLiteral("conversion-failed"),   QStringLiteral("converter-busy"),
            QStringLiteral("too-large"),           QStringLiteral("spool-full"),
            QStringLiteral("hold-limit"),          QStringLiteral("too-many-uploads"),
            QStringLiteral("quota-exceeded"),      QStringLiteral("quota-warning"),
            QStringLiteral("bad-options"),         QStringLiteral("wrong-state"),
            QStringLiteral("unknown-printer"),     QStringLiteral("wrong-printer"),
            QStringLiteral("forbidden"),           QStringLiteral("storage"),
            QStringLiteral("capture-in-progress"), QStringLiteral("invalid-credentials"),
            QStringLiteral("missing-credentials"), QStringLiteral("locked"),
            QStringLiteral("sign-in-busy"),        QStringLiteral("unknown-user"),
            QStringLiteral("unknown-department"),  QStringLiteral("unknown-card"),
            QStringLiteral("card-taken"),          QStringLiteral("no-match"),
            QStringLiteral("invalid-challenge"),   QStringLiteral("bad-template"),
            QStringLiteral("consent-required"),    QStringLiteral("bad-period"),
            QStringLiteral("bad-argument")};
}
