#pragma once
#include <QList>
#include <QString>
#include <QStringList>

/// One marker supply (toner, ink, drum, waste) as one poll found it (docs/devices.md).
struct SupplySnapshot
{
    QString key;         ///< stable per printer: "ipp:<index>" or "snmp:<prtMarkerSuppliesIndex>"
    QString description; ///< as the printer names it; the order list groups by it
    QString type;        ///< toner, ink, waste-toner, drum, ...
    QString color;       ///< "#000000" or a colour name; empty when unknown
    int level = -1;      ///< percent 0..100; -1 unknown; -3 "some remaining" (Printer MIB)

    bool operator==(const SupplySnapshot&) const = default;
};

/// What one poll of one printer found, over IPP, SNMP or both (docs/devices.md).
struct DeviceSnapshot
{
    qint64 printerId = 0;
    bool reachable = false;
    QString error;       ///< why not reachable (technical, for logs and admins)
    QString state;       ///< idle, processing, stopped; empty when unreachable
    QStringList reasons; ///< printer-state-reasons keywords (SNMP error bits mapped to the same keywords)
    QList<SupplySnapshot> supplies;
    qint64 pageCount = -1; ///< lifetime impressions; -1 unknown
    QString source;        ///< "ipp", "snmp" or "ipp+snmp"
    qint64 checkedAt = 0;  ///< epoch seconds of this poll
};
