#pragma once
#include "Database.h"
#include "DeviceSnapshot.h"

#include <QHash>
#include <QList>
#include <QString>
#include <mutex>
#include <optional>

/// A printer's inventory columns (docs/devices.md). The community is never logged nor sent in REST.
struct DeviceInventory
{
    qint64 printerId = 0;
    QString model;
    QString serial;
    QString protocol = QStringLiteral("ipp"); ///< ipp, snmp, ipp+snmp
    QString snmpAddress;                      ///< host[:port]; empty: the IPP URI's host, port 161
    QString snmpCommunity;                    ///< empty: public
};

/// The latest status of one printer as stored (a restarted server shows it at once).
struct DeviceStatusRecord
{
    DeviceSnapshot snapshot;
    qint64 lastSeen = 0;         ///< when it last answered (epoch secs); 0 never
    qint64 unreachableSince = 0; ///< start of the current outage; 0 when reachable
};

/// One history sample: a supply's level (key = the supply key) or the page counter (key "pages").
struct DeviceSample
{
    QString key;
    qint64 at = 0;
    qint64 value = 0;
};

/// The device monitoring tables (schema 7: DeviceSchema) over the Store's connection and lock:
/// inventory columns of printers, device_status, device_samples, and the ledger sums reconciliation
/// needs.
class DeviceStore
{
public:
    DeviceStore(Database& db, std::mutex& mutex) : m_db(db), m_mutex(mutex) {}

    /// The inventory of one printer; none when no such printer.
    std::optional<DeviceInventory> inventory(qint64 printerId);
    /// The inventory of every printer, by printer id.
    QHash<qint64, DeviceInventory> inventories();
    /// Stores a printer's inventory columns. False with `error` (no such printer, database error).
    [[nodiscard]] bool setInventory(const DeviceInventory& inventory, QString* error);

    /// Stores (replaces) a printer's latest status. False on a database error.
    [[nodiscard]] bool saveStatus(const DeviceStatusRecord& status);
    /// The stored latest status of every printer that has one.
    QList<DeviceStatusRecord> statuses();
    std::optional<DeviceStatusRecord> status(qint64 printerId);

    /// Adds history samples of one printer taken at `at`. False on a database error.
    [[nodiscard]] bool addSamples(qint64 printerId, qint64 at, const QList<DeviceSample>& samples);
    /// A printer's samples since `since` (epoch secs), by key then time.
    QList<DeviceSample> samples(qint64 printerId, qint64 since);
    /// Every printer's supply samples (not pages) since `since`, by printer id, each by key then time.
    QHash<qint64, QList<DeviceSample>> supplySamples(qint64 since);
    /// The oldest page counter sample of a printer; none when there is none.
    std::optional<DeviceSample> firstPageSample(qint64 printerId);
    /// Every printer's oldest page counter sample, by printer id.
    QHash<qint64, DeviceSample> firstPageSamples();
    /// Per printer with a page counter sample: impressions MPS released there (the ledger's printed
    /// rows) since its oldest page counter sample.
    QHash<qint64, qint64> releasedSinceFirstPageSample();
    /// Impressions MPS released to a printer since `since` (the ledger's printed rows).
    qint64 releasedImpressions(qint64 printerId, qint64 since);
    /// Deletes samples older than `before`; returns how many (-1 on error).
    int pruneSamples(qint64 before);

private:
    Database& m_db;
    std::mutex& m_mutex;
};
