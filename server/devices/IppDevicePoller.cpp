#include "IppDevicePoller.h"

IppDevicePoller::Result IppDevicePoller::poll(qint64 printerId, const QString& uri, int timeoutMs)
{
    Result r;
    r.status = PrinterClient::query(uri, timeoutMs);
    r.snapshot = fromStatus(printerId, r.status);
    return r;
}

DeviceSnapshot IppDevicePoller::fromStatus(qint64 printerId, const PrinterStatus& status)
{
    DeviceSnapshot d;
    d.printerId = printerId;
    d.reachable = status.reachable;
    d.error = status.error;
    d.state = status.reachable ? status.state : QString();
    d.reasons = status.reachable ? status.reasons : QStringList();
    d.source = QStringLiteral("ipp");
    d.checkedAt = status.checkedAt;
    d.pageCount = status.impressionsCompleted;
    for (int i = 0; i < status.supplies.size(); ++i) {
        const SupplyLevel& s = status.supplies[i];
        SupplySnapshot ss;
        ss.key = QStringLiteral("ipp:%1").arg(i);
        ss.description = s.name;
        // printer-supply says "wasteToner" and "unknown" where marker-types says "waste-toner" and nothing.
        for (const QChar c : s.type) {
            if (c.isUpper())
                ss.type += QLatin1Char('-') + c.toLower();
            else
                ss.type += c;
        }
        ss.color =
            s.color == QLatin1String("unknown") || s.color == QLatin1String("none") ? QString() : s.color;
        // marker-levels: -1 unavailable, -2 unknown, -3 "some remaining" (RFC 8011 / PWG 5100.13)
        ss.level = s.level >= 0 ? std::min(s.level, 100) : (s.level == -3 ? -3 : -1);
        d.supplies.append(ss);
    }
    return d;
}
