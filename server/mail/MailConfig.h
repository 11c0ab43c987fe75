#pragma once
#include <QSettings>
#include <QString>

/// The [mail] section of mps-server.conf (docs/devices.md, "Mail"): the SMTP relay every mail of the
/// server goes through (device alerts, scan to e-mail).
struct MailConfig
{
    QString url; ///< "smtp://host:port" (STARTTLS) or "smtps://host:port" (implicit TLS); empty: mail off
    QString starttls = QStringLiteral("required"); ///< "required" (default) or "off" (loopback relay only)
    QString user;                                  ///< SMTP AUTH user; empty: no authentication
    QString passwordFile;    ///< a file holding the SMTP password (never the password itself; never logged)
    QString from;            ///< the envelope and header sender, e.g. "MPS <mps@city.go.kr>"
    QString caFile;          ///< PEM CA bundle to verify the server with; empty: the system's
    int timeoutSeconds = 30; ///< connect and overall transfer limit
    int maxMessageMb = 20;   ///< the largest message (attachments included) the server will try to send

    /// True when an SMTP relay is configured.
    bool enabled() const { return !url.isEmpty(); }

    /// Reads the `[mail]` group of `ini` over `defaults`: the one reader of that group (ServerConfig
    /// and mps-admin mail test).
    static MailConfig fromIni(QSettings& ini, const MailConfig& defaults)
    {
        MailConfig c = defaults;
        ini.beginGroup(QStringLiteral("mail"));
        c.url = ini.value(QStringLiteral("url"), c.url).toString().trimmed();
        c.starttls = ini.value(QStringLiteral("starttls"), c.starttls).toString().trimmed();
        c.user = ini.value(QStringLiteral("user"), c.user).toString();
        c.passwordFile = ini.value(QStringLiteral("password-file"), c.passwordFile).toString();
        // QSettings splits "Name, Dept <a@b>" at the comma: join a list back.
        c.from = ini.value(QStringLiteral("from"), c.from).toStringList().join(QStringLiteral(", "));
        c.caFile = ini.value(QStringLiteral("ca-file"), c.caFile).toString();
        c.timeoutSeconds = ini.value(QStringLiteral("timeout-seconds"), c.timeoutSeconds).toInt();
        c.maxMessageMb = ini.value(QStringLiteral("max-message-mb"), c.maxMessageMb).toInt();
        ini.endGroup();
        return c;
    }
};
