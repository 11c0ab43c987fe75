#pragma once
#include <QString>

/// The [fax] section of mps-server.conf and the --fax-... options (docs/fax.md, docs/server.md).
struct FaxConfig
{
    QString gateway;                            ///< "hylafax"; empty: fax disabled
    QString host = QStringLiteral("127.0.0.1"); ///< the gateway's host (hfaxd)
    quint16 port = 4559;
    QString user = QStringLiteral("mps");
    QString passwordFile; ///< a file holding the gateway password (never the password itself)
    int pollSeconds = 5;
    int maxDials = 3;
    int maxTries = 3;
    int keepDays = 30; ///< default; `mps-admin fax settings --keep-days` overrides it
    int gatewayRetryMinutes = 60;
};
