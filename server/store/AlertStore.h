#pragma once
#include "Database.h"

#include <QList>
#include <QString>
#include <mutex>
#include <optional>

/// One device alert as stored (docs/devices.md, "Alerts").
struct AlertRecord
{
    qint64 id = 0;
    qint64 printerId = 0;
    QString condition; ///< fault:media-jam, supply-low:<key>, supply-forecast:<key>, unreachable
    QString kind;      ///< fault, supply-low, supply-forecast, unreachable
    QString subject;   ///< the supply's description or the fault keyword
    int level = -1;    ///< the supply level when last seen; -1 none
    int daysLeft = -1; ///< the forecast when last seen; -1 none
    qint64 opened = 0;
    qint64 cleared = 0;    ///< 0 while open
    qint64 lastSent = 0;   ///< when a mail about it last went out; 0 never
    int reminders = 0;     ///< reminders issued
    qint64 remindedAt = 0; ///< when the last reminder fell due; 0 none
    qint64 openSent = 0;   ///< 0: the open mail is owed; > 0 when it went out; -1 none owed
    qint64 clearSent = -1; ///< 0: the all-clear mail is owed; > 0 when it went out; -1 none owed
    bool reminderOwed = false;

    bool isOpen() const { return cleared == 0; }
};

/// The device_alerts table (schema 8: AlertSchema) over the Store's connection and lock.
class AlertStore
{
public:
    AlertStore(Database& db, std::mutex& mutex) : m_db(db), m_mutex(mutex) {}

    /// Opens an alert (`record` without id); returns its id, 0 when that condition is already open
    /// for the printer or on a database error.
    qint64 open(const AlertRecord& record);
    /// Every open alert, oldest first; of one printer when `printerId` is not 0.
    QList<AlertRecord> openAlerts(qint64 printerId = 0);
    /// Open alerts and those cleared since `clearedSince`, newest first, at most `limit`.
    QList<AlertRecord> recent(qint64 clearedSince, int limit);
    /// Alerts with a mail owed (open, reminder or all clear), oldest first.
    QList<AlertRecord> owed();
    /// One alert; none when there is no such id.
    std::optional<AlertRecord> alert(qint64 id);
    /// Updates what the last poll saw of an open alert (level, forecast). False on a database error.
    [[nodiscard]] bool updateSeen(qint64 id, int level, int daysLeft);
    /// Ends an open alert at `at`; the all-clear mail becomes owed when `mailOwed`. False when it was
    /// not open.
    [[nodiscard]] bool clear(qint64 id, qint64 at, bool mailOwed);
    /// A reminder fell due at `at`: counts it and owes its mail. False when the alert is not open.
    [[nodiscard]] bool remind(qint64 id, qint64 at);
    /// Records that every mail owed for `ids` went out at `at`. False on a database error.
    [[nodiscard]] bool markSent(const QList<qint64>& ids, qint64 at);
    /// Deletes cleared alerts older than `before`; returns how many (-1 on error).
    int pruneCleared(qint64 before);

private:
    static AlertRecord read(const Statement& s);
    Database& m_db;
    std::mutex& m_mutex;
};
