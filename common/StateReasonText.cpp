#include "StateReasonText.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QList>

namespace {

using StateReasonText::Fault;
using StateReasonText::faultKind;

QString printerFault(const QString& printer, const QStringList& faults, StateReasonText::Where where,
                     const StateReasonText::FaultWords& faultWords)
{
    QList<Fault> kinds;
    for (const QString& f : faults)
        if (!kinds.contains(faultKind(f)))
            kinds << faultKind(f);
    switch (kinds.size() == 1 ? kinds.first() : Fault::Other) {
    case Fault::Jam:
        return QCoreApplication::translate("StateReasonText",
                                           "%1 has a paper jam. Your job is still held: print it at another "
                                           "printer, or try again once the jam is cleared.")
            .arg(printer);
    case Fault::Paper:
        return QCoreApplication::translate("StateReasonText",
                                           "%1 is out of paper. Your job is still held: print it at another "
                                           "printer, or try again once paper is loaded.")
            .arg(printer);
    case Fault::Toner:
        return QCoreApplication::translate("StateReasonText",
                                           "%1 is out of toner. Your job is still held: print it at another "
                                           "printer, or try again once the toner is replaced.")
            .arg(printer);
    case Fault::Cover:
        // At the MFP the person can close it; at the desk they can only wait for it or go elsewhere.
        return where == StateReasonText::Where::Kiosk
                   ? QCoreApplication::translate("StateReasonText",
                                                 "A cover of %1 is open. Your job is still held: close it "
                                                 "and try again, or print it at another printer.")
                         .arg(printer)
                   : QCoreApplication::translate(
                         "StateReasonText", "A door or cover of %1 is open. Your job is still held: print it "
                                            "at another printer, or try again once it is closed.")
                         .arg(printer);
    case Fault::Offline:
        return QCoreApplication::translate("StateReasonText",
                                           "%1 cannot be reached. Your job is still held: print it at "
                                           "another printer, or try again later.")
            .arg(printer);
    case Fault::WasteFull:
    case Fault::Other:
        break;
    }
    const QString words = faultWords ? faultWords(faults) : faults.join(QLatin1String(", "));
    if (words.isEmpty())
        return QCoreApplication::translate("StateReasonText",
                                           "%1 cannot print now. Your job is still held: print it at another "
                                           "printer, or try again later.")
            .arg(printer);
    return QCoreApplication::translate("StateReasonText",
                                       "%1 cannot print now (%2). Your job is still held: print it at "
                                       "another printer, or try again once the problem is fixed.")
        .arg(printer, words);
}

} // namespace

StateReasonText::Fault StateReasonText::faultKind(const QString& keyword)
{
    if (keyword.startsWith(QLatin1String("media-jam")))
        return Fault::Jam;
    if (keyword.startsWith(QLatin1String("media-empty")) || keyword.startsWith(QLatin1String("media-needed")))
        return Fault::Paper;
    if (keyword.startsWith(QLatin1String("toner-empty")) ||
        keyword.startsWith(QLatin1String("marker-supply-empty")))
        return Fault::Toner;
    if (keyword.startsWith(QLatin1String("door-open")) || keyword.startsWith(QLatin1String("cover-open")))
        return Fault::Cover;
    if (keyword.startsWith(QLatin1String("offline")) || keyword.startsWith(QLatin1String("shutdown")))
        return Fault::Offline;
    if (keyword.startsWith(QLatin1String("marker-waste-full")))
        return Fault::WasteFull;
    return Fault::Other;
}

QString StateReasonText::formatName(const QString& mimeType)
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

QString StateReasonText::sentence(const QString& code, const QJsonObject& args, Where where,
                                  const FaultWords& faultWords)
{
    const QString printer = args.value(QLatin1String("printer")).toString();
    const bool kiosk = where == Where::Kiosk;
    if (code == QLatin1String("printer-fault")) {
        QStringList faults;
        for (const QJsonValue& v : args.value(QLatin1String("faults")).toArray())
            faults << v.toString();
        return printerFault(printer, faults, where, faultWords);
    }
    if (code == QLatin1String("format-unsupported"))
        return QCoreApplication::translate(
                   "StateReasonText",
                   "%1 cannot print %2 documents. Your job is still held: print it at another printer.")
            .arg(printer, formatName(args.value(QLatin1String("format")).toString()));
    if (code == QLatin1String("document-unreadable"))
        return kiosk ? QCoreApplication::translate(
                           "StateReasonText", "The print server could not read this job's document. Send it "
                                              "again from your computer, or tell the print admin.")
                     : QCoreApplication::translate("StateReasonText",
                                                   "The print server could not read this job's document. "
                                                   "Print the document again, or tell the print admin.");
    if (code == QLatin1String("printer-busy"))
        return QCoreApplication::translate("StateReasonText",
                                           "%1 stayed busy for too long. Your job is still held: try again "
                                           "in a moment, or print it at another printer.")
            .arg(printer);
    if (code == QLatin1String("printer-error"))
        return QCoreApplication::translate("StateReasonText",
                                           "%1 reported a problem (%2). Your job is still held: try again, "
                                           "or print it at another printer.")
            .arg(printer, args.value(QLatin1String("detail")).toString());
    if (code == QLatin1String("lost-contact"))
        return QCoreApplication::translate("StateReasonText",
                                           "The connection to %1 was lost while your job was printing, so it "
                                           "may have printed. Check the printer before you print it again.")
            .arg(printer);
    if (code == QLatin1String("printer-aborted"))
        return QCoreApplication::translate("StateReasonText",
                                           "%1 stopped your job before it was finished. It is held again and "
                                           "was not charged: check the printer, then print it again.")
            .arg(printer);
    if (code == QLatin1String("printer-canceled"))
        return QCoreApplication::translate("StateReasonText",
                                           "Your job was canceled at %1. It is held again and was not "
                                           "charged: print it again whenever you need it.")
            .arg(printer);
    if (code == QLatin1String("release-interrupted"))
        return printer.isEmpty()
                   ? QCoreApplication::translate(
                         "StateReasonText",
                         "The print server stopped while your job was being sent to the printer, so it may "
                         "have printed. Check the printer before you print it again.")
                   : QCoreApplication::translate(
                         "StateReasonText",
                         "The print server stopped while your job was being sent to %1, so it may have "
                         "printed. Check the printer before you print it again.")
                         .arg(printer);
    if (code == QLatin1String("deleted"))
        return QCoreApplication::translate("StateReasonText", "Deleted by %1.")
            .arg(args.value(QLatin1String("by")).toString());
    if (code == QLatin1String("expired"))
        return kiosk ? QCoreApplication::translate("StateReasonText",
                                                   "Not printed within the hold time, so it was deleted. "
                                                   "Send it again if you still need it.")
                     : QCoreApplication::translate("StateReasonText",
                                                   "Not printed within the hold time, so it was deleted. "
                                                   "Print the document again if you still need it.");
    return {};
}
