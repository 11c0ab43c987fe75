#pragma once
#include "DeviceSnapshot.h"

#include <QByteArray>
#include <QString>

/// Polls one printer over SNMP v2c with net-snmp's single-session API (one session per poll, so
/// polls on several threads never share state): hrPrinterStatus, hrPrinterDetectedErrorState,
/// prtMarkerLifeCount and the Printer MIB supplies table (RFC 3805), numeric OIDs only.
class SnmpDevicePoller
{
public:
    struct Target
    {
        QString host;
        quint16 port = 161;
        QString community = QStringLiteral("public"); ///< never logged
        int timeoutMs = 2000;
        int retries = 2;
    };

    /// Initialises net-snmp once per process (no MIB files, no configuration files). Safe to call
    /// more than once; call before the first poll from a single thread.
    static void initLibrary();
    /// Polls `target`. Never throws; check snapshot.reachable (error says why not).
    static DeviceSnapshot poll(qint64 printerId, const Target& target);

    /// printer-state-reasons keywords for the hrPrinterDetectedErrorState bits (docs/devices.md). Pure.
    static QStringList reasonsFromErrorState(const QByteArray& bits);
    /// The IPP marker-types keyword of a prtMarkerSuppliesType value ("toner", "waste-toner", "opc"...).
    static QString supplyType(int type);
    /// A supply level in percent from prtMarkerSuppliesLevel, unit and max capacity (-1 unknown, -3 some
    /// remaining).
    static int percent(int level, int unit, int maxCapacity);
    /// "host[:port]" -> host and port (default 161); false when it cannot be read.
    static bool parseAddress(const QString& address, QString* host, quint16* port);
};
