#include "AlertCommands.h"

#include "AlertMailText.h"
#include "MailConfig.h"
#include "SmtpMailer.h"
#include "Store.h"

#include <QDateTime>
#include <QSettings>

namespace {

const char* AlertsHelp =
    "usage: mps-admin --data DIR [--config FILE] alerts list [--all]\n"
    "  Open device alerts (with --all also those cleared in the last 7 days): id, printer,\n"
    "  condition, state, level or days left, opened, cleared, last mail.\n";
const char* MailHelp = "usage: mps-admin --data DIR --config FILE mail test ADDRESS\n"
                       "  Sends a test message to ADDRESS through the [mail] relay of FILE and prints the\n"
                       "  SMTP answer (exit status 0 when the relay accepted it).\n";

QString when(qint64 secs)
{
    return secs > 0 ? QDateTime::fromSecsSinceEpoch(secs).toString(QStringLiteral("yyyy-MM-dd HH:mm"))
                    : QStringLiteral("-");
}

int listAlerts(Store& store, bool all, QTextStream& out)
{
    const qint64 now = QDateTime::currentSecsSinceEpoch();
    const QList<AlertRecord> alerts =
        all ? store.alerts().recent(now - 7 * 86400, 1000) : store.alerts().openAlerts();
    if (alerts.isEmpty()) {
        out << (all ? "No device alerts in the last 7 days.\n" : "No open device alerts.\n");
        return 0;
    }
    out << "ID\tPRINTER\tCONDITION\tSTATE\tLEVEL\tOPENED\tCLEARED\tLAST MAIL\n";
    for (const AlertRecord& a : alerts) {
        const auto printer = store.printerById(a.printerId);
        const QString state = !a.isOpen()       ? QStringLiteral("cleared")
                              : a.reminders > 0 ? QStringLiteral("reminder %1").arg(a.reminders)
                                                : QStringLiteral("open");
        QString level = QStringLiteral("-");
        if (a.level >= 0)
            level = QStringLiteral("%1%").arg(a.level);
        if (a.daysLeft >= 0)
            level += QStringLiteral(" ~%1d").arg(a.daysLeft);
        QString mailed = when(a.lastSent);
        if (a.openSent == 0 || a.clearSent == 0 || a.reminderOwed)
            mailed += QStringLiteral(" (mail owed)");
        out << a.id << '\t' << (printer ? printer->name : QStringLiteral("#%1").arg(a.printerId)) << '\t'
            << a.condition << '\t' << state << '\t' << level << '\t' << when(a.opened) << '\t'
            << when(a.cleared) << '\t' << mailed << '\n';
    }
    return 0;
}

int mailTest(const QString& configFile, const QString& address, QTextStream& out, QTextStream& err)
{
    MailConfig config;
    if (!configFile.isEmpty()) {
        QSettings ini(configFile, QSettings::IniFormat);
        config = MailConfig::fromIni(ini, config);
    }
    if (!config.enabled()) {
        err << "mps-admin: no [mail] url in the configuration; give --config FILE with a [mail] section "
               "(docs/devices.md, \"Mail\")\n";
        return 1;
    }
    MailMessage message = AlertMailText::test();
    message.to = {address};
    const SmtpMailer::Result result = SmtpMailer(config).send(message);
    if (result.ok) {
        out << "Accepted by " << config.url << " (SMTP " << result.smtpCode << ") for " << address << "\n";
        return 0;
    }
    err << "mps-admin: not sent: " << result.error;
    if (result.smtpCode > 0)
        err << " (SMTP " << result.smtpCode << ")";
    err << (result.retryable ? " - a temporary failure: try again later\n"
                             : " - the relay or the settings refused it: check [mail]\n");
    return 1;
}

} // namespace

bool AlertCommands::handles(const QString& noun)
{
    return noun == QLatin1String("alerts") || noun == QLatin1String("mail");
}

QString AlertCommands::help(const QString& noun)
{
    return QString::fromLatin1(noun == QLatin1String("mail") ? MailHelp : AlertsHelp);
}

int AlertCommands::run(Store& store, const QStringList& args, const QString& configFile, QTextStream& out,
                       QTextStream& err)
{
    const QString noun = args.value(0);
    const QString verb = args.value(1);
    if (noun == QLatin1String("alerts") && verb == QLatin1String("list") &&
        (args.size() == 2 || (args.size() == 3 && args.at(2) == QLatin1String("--all"))))
        return listAlerts(store, args.size() == 3, out);
    if (noun == QLatin1String("mail") && verb == QLatin1String("test") && args.size() == 3)
        return mailTest(configFile, args.at(2), out, err);
    err << help(noun);
    return 2;
}
