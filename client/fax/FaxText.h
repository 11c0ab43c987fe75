#pragma once
#include "NotificationText.h"

#include <QCoreApplication>
#include <QJsonObject>
#include <QLocale>
#include <QString>
#include <QStringList>

#include <optional>

/// What the tray says about PC-fax (docs/fax.md): a sentence for every FaxNumber error code and every
/// failure reasonCode, a fax's state as a person reads it ("Sending page 2 of 3"), error answers of
/// the fax calls, and the notifications for sent, failed and received faxes. Pure text in the app's
/// language, testable without windows.
class FaxText
{
    Q_DECLARE_TR_FUNCTIONS(FaxText)
public:
    /// Returns the sentence for the FaxNumber error `code` about the number `typed` as the person
    /// wrote it (may be empty), or empty for an unknown code.
    static QString numberError(const QString& code, const QString& typed = {});
    /// Returns the FaxNumber error codes numberError() knows, for tests.
    static QStringList numberErrorCodes();

    /// Returns why a fax was not sent, for its `reasonCode`, saying what to do; empty for an unknown
    /// code.
    static QString reason(const QString& reasonCode);
    /// Returns the reason codes reason() knows, for tests.
    static QStringList reasonCodes();

    /// Returns a fax's `state` (with its pages, duration and remote ID where they matter) in a few
    /// words, e.g. "Sending page 2 of 3" or "Not sent: the line was busy" (fax JSON, docs/fax.md).
    static QString state(const QJsonObject& fax);
    /// Returns state() in a list's few words: a failure names its reason briefly ("Not sent: line
    /// busy"), a sent fax leaves out the receiver's ID. state() is the full sentence.
    static QString stateBrief(const QJsonObject& fax);
    /// Returns a failure `reasonCode` in two or three words ("line busy"); empty for an unknown code.
    static QString reasonBrief(const QString& reasonCode);
    /// Returns true for states that do not change any more (sent, failed, cancelled).
    static bool isFinal(const QString& state);

    /// Returns the sentence for an error answer of a fax call: `code` with the answer's fields
    /// (`number` and `reason` of invalid-number, ...); codes shared with print jobs (upload refusals)
    /// come from ServerErrorText. `fallback` (the server's or client's message) for unknown codes.
    static QString serverError(const QString& code, const QJsonObject& answer, const QString& fallback = {});
    /// Returns the sentence for the fax calls' own error codes only (fax-disabled, invalid-number,
    /// no-recipients, too-many-recipients, gone, bad-cover and the fax meaning of wrong-state and
    /// not-found), or empty. ServerErrorText asks here for codes it does not know.
    static QString faxOnlyError(const QString& code, const QJsonObject& answer);
    /// Returns why a department phone book entry cannot be changed by me ("forbidden" of a contact call).
    static QString contactForbidden();
    /// Returns the fax-specific server codes serverError() knows, for tests.
    static QStringList serverCodes();

    /// Returns the tray notification for a fax-status event whose fax is now sent or failed, or
    /// nothing for the states in between.
    static std::optional<NotificationText::Message> statusNotification(const QJsonObject& fax);
    /// Returns the tray notification for a received fax (inbox fax JSON).
    static NotificationText::Message receivedNotification(const QJsonObject& fax);

    /// Returns `when` the way people say it: "14:05" today, "yesterday 14:05", "3 Dec 14:05" this
    /// year, a full date otherwise, in `locale`.
    static QString naturalDate(const QDateTime& when, const QDateTime& now = QDateTime::currentDateTime(),
                               const QLocale& locale = QLocale());
    /// Returns a duration in seconds as "1 min 05 s" / "45 s".
    static QString duration(int seconds);
    /// Returns the mailbox of an inbox fax in words: "Mine" or the department's name.
    static QString mailbox(const QJsonObject& fax);
};
