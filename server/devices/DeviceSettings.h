#pragma once
#include <QSettings>
#include <QString>

/// The monitor's part of the `[devices]` group of the server configuration (docs/devices.md). The
/// alert keys of the same group are AlertSettings'.
struct DeviceSettings
{
    int pollSeconds = 60;        ///< poll-seconds: each printer's poll period
    int historyDays = 400;       ///< history-days: samples older than this are pruned
    int lowPercent = 15;         ///< low-percent: a supply at or below this needs ordering now
    int orderDays = 14;          ///< order-days: a supply forecast to run out within this many days
    int pollThreads = 4;         ///< poll-threads: the monitor's own threads
    int ippTimeoutMs = 5000;     ///< ipp-timeout-ms: one IPP poll's deadline
    int snmpTimeoutMs = 2000;    ///< snmp-timeout-ms: one SNMP request's timeout
    int snmpRetries = 2;         ///< snmp-retries
    int backoffMaxSeconds = 900; ///< backoff-max-seconds: the longest wait for an unreachable printer

    /// Reads the `[devices]` group of `ini` over `defaults`; values out of range keep the default.
    static DeviceSettings fromIni(QSettings& ini, const DeviceSettings& defaults)
    {
        DeviceSettings s = defaults;
        ini.beginGroup(QStringLiteral("devices"));
        const auto read = [&](const char* key, int* value, int min) {
            bool ok = false;
            const int v = ini.value(QLatin1String(key), *value).toInt(&ok);
            if (ok && v >= min)
                *value = v;
        };
        read("poll-seconds", &s.pollSeconds, 1);
        read("history-days", &s.historyDays, 1);
        read("low-percent", &s.lowPercent, 0);
        read("order-days", &s.orderDays, 0);
        read("poll-threads", &s.pollThreads, 1);
        read("ipp-timeout-ms", &s.ippTimeoutMs, 100);
        read("snmp-timeout-ms", &s.snmpTimeoutMs, 100);
        read("snmp-retries", &s.snmpRetries, 0);
        read("backoff-max-seconds", &s.backoffMaxSeconds, 1);
        ini.endGroup();
        return s;
    }
};
