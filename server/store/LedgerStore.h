#pragma once
#include "Database.h"
#include "JobInfo.h"

#include <QJsonObject>
#include <QList>
#include <QString>
#include <functional>
#include <mutex>
#include <optional>

struct UsageRecord;

/// A versioned rate table as stored (prices as RateTable JSON).
struct RateTableRecord
{
    qint64 id = 0;
    qint64 printerId = 0; ///< 0: the default table
    QString printer;
    qint64 effectiveFrom = 0; ///< UTC seconds
    QJsonObject rates;
};

/// A quota as stored.
struct QuotaRecord
{
    QString scope; ///< user or department
    qint64 subjectId = 0;
    QString subject;     ///< user name or department code
    QString subjectName; ///< department name; the user name for users
    qint64 limit = 0;
    QString policy; ///< hard or soft
};

/// An accounting period as the store sees it: a label and a UTC range [begin, end).
struct LedgerPeriod
{
    QString label;
    qint64 begin = 0;
    qint64 end = 0;
    bool current = true; ///< the period now: reservations of jobs in flight count as spent
};

/// One subject's quota and what it spent in a period (charged rows + reservations of jobs in flight).
struct SubjectSpend
{
    QString scope;
    qint64 subjectId = 0;
    QString subject;
    QString subjectName;
    std::optional<qint64> limit;
    QString policy = QStringLiteral("soft");
    qint64 allowance = 0;
    qint64 spent = 0;
};

/// Which ledger rows a report reads.
struct UsageFilter
{
    qint64 begin = 0;
    qint64 end = 0;
    QList<qint64> departmentIds;      ///< users' departments (at print time); empty: all
    qint64 userId = 0;                ///< one user; 0: all
    bool restrictDepartments = false; ///< true with an empty list: nothing matches
};

/// Sums of ledger rows, for one group (a user, department or printer) or all of them.
struct UsageSums
{
    qint64 subjectId = 0;
    QString key;        ///< user name, department code or printer name
    QString name;       ///< department name; user or printer name otherwise
    QString department; ///< the user's or printer's department code; the parent's for a department
    qint64 jobs = 0;
    qint64 pages = 0;
    qint64 sheets = 0;
    qint64 impressions = 0;
    qint64 colorImpressions = 0;
    qint64 duplexImpressions = 0;
    qint64 cost = 0;
    qint64 savedJobs = 0;
    qint64 savedPages = 0;
    qint64 savedSheets = 0;
    qint64 savedCost = 0;
    qint64 crossDepartmentPages = 0;
    qint64 crossDepartmentCost = 0;
    qint64 people = 0; ///< distinct users with any row (totals only)
};

/// The accounting tables: rates, quotas, allowances, quota warnings, release reservations, the ledger
/// import and the report aggregations (all in SQL over the indexes; the ledger is never loaded).
/// Shares the Store's connection and lock.
///
/// Running totals: `usage_day_totals` (AccountingSchema) is kept by triggers on the ledger in the
/// transaction that writes a row, so finishJob, the import and any other writer of `usage` keep it
/// exact; reports by department, report totals, trends and department quotas read it.
class LedgerStore
{
public:
    enum class Reserve { Reserved, Refused, WrongState, Failed };
    enum class GroupBy { User, Department, Printer };

    LedgerStore(Database& db, std::mutex& mutex) : m_db(db), m_mutex(mutex) {}

    // Rates
    /// Stores a rate table for a printer (0: the default) taking effect at `effectiveFrom`.
    [[nodiscard]] bool addRateTable(qint64 printerId, qint64 effectiveFrom, const QJsonObject& rates,
                                    qint64 now, QString* error);
    /// Every stored table, default first, then by printer name and time.
    QList<RateTableRecord> rateTables();
    /// The table in force at `at` for a printer: the printer's latest with effectiveFrom <= at, else
    /// the default's, else (before every table) the earliest of the printer's and the default's; nullopt
    /// when none is stored.
    std::optional<QJsonObject> ratesAt(qint64 printerId, qint64 at);

    // Quotas and allowances
    [[nodiscard]] bool setQuota(const QString& scope, qint64 subjectId, qint64 limit, const QString& policy,
                                QString* error);
    /// Removes a quota; false when there was none.
    bool clearQuota(const QString& scope, qint64 subjectId);
    QList<QuotaRecord> quotas();
    [[nodiscard]] bool addAllowance(const QString& scope, qint64 subjectId, const QString& period,
                                    qint64 amount, const QString& note, qint64 at, QString* error);
    /// The user's state and each of their departments' up the parent chain (user first).
    QList<SubjectSpend> subjectsFor(qint64 userId, const LedgerPeriod& period);
    /// One subject's state.
    SubjectSpend spendOf(const QString& scope, qint64 subjectId, const LedgerPeriod& period);

    /// In one transaction under the lock: reads the states of the user and their departments, asks
    /// `decide` (true = allowed) and, when allowed, moves the job held -> releasing at `printerId` with
    /// `options` and `cost` reserved. Refused or wrong state: nothing changes.
    Reserve reserveRelease(qint64 jobId, qint64 userId, qint64 printerId, const PrintOptions& options,
                           qint64 cost, const LedgerPeriod& period,
                           const std::function<bool(const QList<SubjectSpend>&)>& decide);
    /// Remembers that a warning was sent; true the first time for (subject, period, threshold).
    bool markWarning(const QString& scope, qint64 subjectId, const QString& period, int threshold, qint64 at);

    /// Imports ledger rows in one transaction: `next` fills the row and returns 1, returns 0 at the end
    /// or -1 on a bad row (nothing is then kept). The departments are filled in from the user's and
    /// printer's current ones. Returns the number of rows or -1 (with `error` when the database failed).
    /// `bulk`: drop the ledger's indexes for the inserts and build them again at the end (same
    /// transaction): much faster for hundreds of thousands of rows, slower for a few.
    qint64 importRows(const std::function<int(UsageRecord*)>& next, bool bulk, QString* error);
    /// Writes one ledger row (departments filled in as for jobs) for a caller that already holds the
    /// store lock, inside its own transaction: the fax dispatcher's 'fax-sent' rows (FaxStore::finish).
    [[nodiscard]] bool addRowLocked(const UsageRecord& row);

    /// A server-wide setting kept in the database (meta table), e.g. the accounting currency the server
    /// runs with, so that mps-admin reports agree with it. Empty when never set.
    QString setting(const QString& key);
    [[nodiscard]] bool setSetting(const QString& key, const QString& value);

    // Reports
    /// The sums of the filter's ledger rows per user, department (of the user at print time) or
    /// printer, named, in name/code order. By department (without a user filter) the whole UTC days
    /// of the range are read from the running totals (usage_day_totals), the partial days at its ends
    /// from the ledger: the same numbers as summing the ledger.
    QList<UsageSums> usageBy(GroupBy by, const UsageFilter& filter);
    /// The sums of the filter's ledger rows together. `countPeople`: also the distinct users (`people`;
    /// reads every ledger row of the range); without it and without a user filter the whole days come
    /// from the running totals and `people` is 0.
    UsageSums usageTotals(const UsageFilter& filter, bool countPeople = true);

private:
    SubjectSpend spendLocked(const QString& scope, qint64 subjectId, const LedgerPeriod& period,
                             bool withSpent);
    QList<SubjectSpend> subjectsLocked(qint64 userId, const LedgerPeriod& period, bool onlyLimited);

    Database& m_db;
    std::mutex& m_mutex;
};
