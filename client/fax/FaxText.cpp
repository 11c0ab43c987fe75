#include "FaxText.h"

#include "ServerErrorText.h"

#include <QDateTime>

QString FaxText::numberError(const QString& code, const QString& typed)
{
    const QString number = typed.trimmed();
    if (code == QLatin1String("empty"))
        return tr("Enter the fax number.");
    if (code == QLatin1String("invalid-characters"))
        return tr("A fax number has only digits, spaces, dashes, dots and brackets, with # before a "
                  "sub-address. Check %1.")
            .arg(number);
    if (code == QLatin1String("too-short"))
        return tr("%1 is too short for a fax number. Check that the area code and every digit are there.")
            .arg(number);
    if (code == QLatin1String("too-long"))
        return tr("%1 is too long for a fax number. Check it for extra digits.").arg(number);
    if (code == QLatin1String("bad-area-code"))
        return tr("%1 does not start with a Korean area code such as 02, 031 or 010. Check the first "
                  "digits.")
            .arg(number);
    if (code == QLatin1String("international-unsupported"))
        return tr("%1 is a number abroad. Faxes go only to numbers in Korea; ask the print admin about "
                  "other countries.")
            .arg(number);
    if (code == QLatin1String("bad-subaddress"))
        return tr("The sub-address after # in %1 must be digits only, at most 20.").arg(number);
    return {};
}

QStringList FaxText::numberErrorCodes()
{
    return {QStringLiteral("empty"),         QStringLiteral("invalid-characters"),
            QStringLiteral("too-short"),     QStringLiteral("too-long"),
            QStringLiteral("bad-area-code"), QStringLiteral("international-unsupported"),
            QStringLiteral("bad-subaddress")};
}

QString FaxText::reason(const QString& reasonCode)
{
    if (reasonCode == QLatin1String("busy"))
        return tr("The line was busy each time it was called. Send it again later.");
    if (reasonCode == QLatin1String("no-answer"))
        return tr("Nobody answered. Check that the receiving fax machine is on, then send it again.");
    if (reasonCode == QLatin1String("not-a-fax"))
        return tr("A telephone or another device answered, not a fax machine. Check the number.");
    if (reasonCode == QLatin1String("line-error"))
        return tr("The call was cut off or the line was too poor. Send it again.");
    if (reasonCode == QLatin1String("invalid-number"))
        return tr("The fax line does not accept this number. Check the number.");
    if (reasonCode == QLatin1String("gateway-refused"))
        return tr("The fax server refused the fax. Ask the print admin.");
    if (reasonCode == QLatin1String("gateway-unreachable"))
        return tr("The fax server could not be reached for a long time. Send it again later or ask the "
                  "print admin.");
    if (reasonCode == QLatin1String("cancelled"))
        return tr("The fax was cancelled.");
    if (reasonCode == QLatin1String("unknown"))
        return tr("The fax could not be sent for a reason the fax server did not give. Send it again or "
                  "ask the print admin.");
    return {};
}

QStringList FaxText::reasonCodes()
{
    return {QStringLiteral("busy"),
            QStringLiteral("no-answer"),
            QStringLiteral("not-a-fax"),
            QStringLiteral("line-error"),
            QStringLiteral("invalid-number"),
            QStringLiteral("gateway-refused"),
            QStringLiteral("gateway-unreachable"),
            QStringLiteral("cancelled"),
            QStringLiteral("unknown")};
}

QString FaxText::reasonBrief(const QString& reasonCode)
{
    if (reasonCode == QLatin1String("busy"))
        return tr("line busy");
    if (reasonCode == QLatin1String("no-answer"))
        return tr("no answer");
    if (reasonCode == QLatin1String("not-a-fax"))
        return tr("not a fax machine");
    if (reasonCode == QLatin1String("line-error"))
        return tr("call cut off");
    if (reasonCode == QLatin1String("invalid-number"))
        return tr("number not accepted");
    if (reasonCode == QLatin1String("gateway-refused"))
        return tr("refused by the fax server");
    if (reasonCode == QLatin1String("gateway-unreachable"))
        return tr("fax server unreachable");
    if (reasonCode == QLatin1String("cancelled"))
        return tr("cancelled");
    if (reasonCode == QLatin1String("unknown"))
        return tr("reason unknown");
    return {};
}

QString FaxText::stateBrief(const QJsonObject& fax)
{
    const QString state = fax.value(QLatin1String("state")).toString();
    if (state == QLatin1String("sent")) {
        const int sent = fax.value(QLatin1String("pagesSent")).toInt();
        return tr("Sent, %n page(s) in %1", nullptr,
                  sent > 0 ? sent : fax.value(QLatin1String("pagesTotal")).toInt())
            .arg(duration(fax.value(QLatin1String("durationSecs")).toInt()));
    }
    if (state == QLatin1String("failed")) {
        QString why = reasonBrief(fax.value(QLatin1String("reasonCode")).toString());
        if (why.isEmpty())
            why = reasonBrief(QStringLiteral("unknown"));
        return tr("Not sent: %1").arg(why);
    }
    return FaxText::state(fax);
}

bool FaxText::isFinal(const QString& state)
{
    return state == QLatin1String("sent") || state == QLatin1String("failed") ||
           state == QLatin1String("cancelled");
}

QString FaxText::duration(int seconds)
{
    if (seconds < 60)
        return tr("%1 s").arg(seconds);
    return tr("%1 min %2 s").arg(seconds / 60).arg(seconds % 60, 2, 10, QLatin1Char('0'));
}

QString FaxText::state(const QJsonObject& fax)
{
    const QString state = fax.value(QLatin1String("state")).toString();
    const int sent = fax.value(QLatin1String("pagesSent")).toInt();
    const int total = fax.value(QLatin1String("pagesTotal")).toInt();
    if (state == QLatin1String("queued"))
        return tr("Waiting to be sent");
    if (state == QLatin1String("submitted"))
        return tr("Waiting for a free line");
    if (state == QLatin1String("dialling"))
        return tr("Dialling");
    if (state == QLatin1String("sending"))
        return tr("Sending page %1 of %2").arg(qMin(sent + 1, qMax(total, 1))).arg(total);
    if (state == QLatin1String("sent")) {
        QString text = tr("Sent, %n page(s) in %1", nullptr, sent > 0 ? sent : total)
                           .arg(duration(fax.value(QLatin1String("durationSecs")).toInt()));
        const QString remote = fax.value(QLatin1String("remoteId")).toString().trimmed();
        if (!remote.isEmpty())
            text += QLatin1Char(' ') + tr("(received by %1)").arg(remote);
        return text;
    }
    if (state == QLatin1String("cancelled"))
        return tr("Cancelled");
    if (state == QLatin1String("failed")) {
        const QString code = fax.value(QLatin1String("reasonCode")).toString();
        QString why = reason(code);
        if (why.isEmpty())
            why = reason(QStringLiteral("unknown"));
        if (sent > 0)
            return tr("Not sent after %1 of %2 pages: %3").arg(sent).arg(total).arg(why);
        return tr("Not sent: %1").arg(why);
    }
    return state;
}

QString FaxText::serverError(const QString& code, const QJsonObject& answer, const QString& fallback)
{
    const QString fax = faxOnlyError(code, answer);
    if (!fax.isEmpty())
        return fax;
    const QString shared = ServerErrorText::sentence(code, answer);
    if (!shared.isEmpty())
        return shared;
    return fallback;
}

QString FaxText::faxOnlyError(const QString& code, const QJsonObject& answer)
{
    if (code == QLatin1String("invalid-number")) {
        const QString number = answer.value(QLatin1String("number")).toString();
        const QString why = numberError(answer.value(QLatin1String("reason")).toString(), number);
        if (!why.isEmpty())
            return tr("Nothing was sent. %1").arg(why);
        return tr("Nothing was sent: the number %1 is not valid. Check it.").arg(number);
    }
    if (code == QLatin1String("gateway-unreachable"))
        return tr("The fax line cannot be reached right now, so this could not be done. Try again in a few "
                  "minutes.");
    if (code == QLatin1String("no-recipients"))
        return tr("Add at least one recipient with a fax number.");
    if (code == QLatin1String("too-many-recipients")) {
        const int max = answer.value(QLatin1String("maxRecipients")).toInt();
        if (max > 0)
            return tr("A fax can go to at most %n recipient(s) at once. Remove some and send the rest "
                      "afterwards.",
                      nullptr, max);
        return tr("There are too many recipients for one fax. Remove some and send the rest afterwards.");
    }
    if (code == QLatin1String("fax-disabled"))
        return tr("Faxing is not set up on the server. Ask the print admin.");
    if (code == QLatin1String("wrong-state"))
        return tr("This fax has already moved on (sent, finished or cancelled). The list shows where it is "
                  "now.");
    if (code == QLatin1String("gone"))
        return tr("This fax's document is no longer kept on the server. Send the document again from its "
                  "program.");
    if (code == QLatin1String("bad-cover"))
        return tr("The cover page could not be added. Turn the cover page off and on again, or send without "
                  "it.");
    if (code == QLatin1String("not-found"))
        return tr("This fax is no longer there: it was deleted or has expired.");
    return {};
}

QStringList FaxText::serverCodes()
{
    return {QStringLiteral("invalid-number"),      QStringLiteral("no-recipients"),
            QStringLiteral("too-many-recipients"), QStringLiteral("fax-disabled"),
            QStringLiteral("wrong-state"),         QStringLiteral("gone"),
            QStringLiteral("bad-cover"),           QStringLiteral("not-found")};
}

QString FaxText::contactForbidden()
{
    return tr("Only the person who added this entry, the department's heads and admins may change it.");
}

std::optional<NotificationText::Message> FaxText::statusNotification(const QJsonObject& fax)
{
    const QString state = fax.value(QLatin1String("state")).toString();
    QString to = fax.value(QLatin1String("recipientName")).toString().trimmed();
    const QString number = fax.value(QLatin1String("number")).toString();
    to = to.isEmpty() ? number : tr("%1 (%2)").arg(to, number);
    const QString name = fax.value(QLatin1String("name")).toString();
    if (state == QLatin1String("sent"))
        return NotificationText::Message{
            tr("Fax sent"), tr("%1 was sent to %2.").arg(name, to) + QLatin1Char(' ') + FaxText::state(fax),
            NotificationText::Severity::Information};
    if (state == QLatin1String("failed")) {
        QString why = reason(fax.value(QLatin1String("reasonCode")).toString());
        if (why.isEmpty())
            why = reason(QStringLiteral("unknown"));
        return NotificationText::Message{
            tr("Fax not sent"),
            tr("%1 to %2 was not sent. %3 You can send it again from Sent faxes.").arg(name, to, why),
            NotificationText::Severity::Warning};
    }
    return std::nullopt;
}

NotificationText::Message FaxText::receivedNotification(const QJsonObject& fax)
{
    QString from = fax.value(QLatin1String("fromName")).toString().trimmed();
    const QString number = fax.value(QLatin1String("fromNumber")).toString();
    if (from.isEmpty())
        from = number.isEmpty() ? tr("an unknown sender") : number;
    else if (!number.isEmpty())
        from = tr("%1 (%2)").arg(from, number);
    const int pages = fax.value(QLatin1String("pages")).toInt();
    const QJsonObject box = fax.value(QLatin1String("mailbox")).toObject();
    QString body = box.value(QLatin1String("type")).toString() == QLatin1String("department")
                       ? tr("%n page(s) from %1 for %2.", nullptr, pages)
                             .arg(from, box.value(QLatin1String("name")).toString())
                       : tr("%n page(s) from %1.", nullptr, pages).arg(from);
    if (fax.value(QLatin1String("partial")).toBool())
        body += QLatin1Char(' ') + tr("Only part of it arrived.");
    return {tr("New fax"), body + QLatin1Char(' ') + tr("Open the fax inbox to read it."),
            NotificationText::Severity::Information};
}

QString FaxText::naturalDate(const QDateTime& when, const QDateTime& now, const QLocale& locale)
{
    if (!when.isValid())
        return {};
    const QDateTime local = when.toLocalTime();
    const QDate today = now.toLocalTime().date();
    const QString time = locale.toString(local.time(), QLocale::ShortFormat);
    if (local.date() == today)
        return time;
    if (local.date() == today.addDays(-1))
        return tr("yesterday %1").arg(time);
    if (local.date().year() == today.year())
        return tr("%1 %2").arg(locale.toString(local.date(), locale.language() == QLocale::Korean
                                                                 ? QStringLiteral("M월 d일")
                                                                 : QStringLiteral("d MMM")),
                               time);
    return locale.toString(local.date(), QLocale::ShortFormat);
}

QString FaxText::mailbox(const QJsonObject& fax)
{
    const QJsonObject box = fax.value(QLatin1String("mailbox")).toObject();
    const QString type = box.value(QLatin1String("type")).toString();
    if (type == QLatin1String("department")) {
        const QString name = box.value(QLatin1String("name")).toString();
        return name.isEmpty() ? box.value(QLatin1String("code")).toString() : name;
    }
    if (type == QLatin1String("unrouted") || type == QLatin1String("default"))
        return tr("Unrouted");
    return tr("Mine");
}
