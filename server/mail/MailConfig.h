#pragma once
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
};
