#pragma once
#include "AccountingService.h"
#include "Period.h"
#include "Quota.h"
#include "Store.h"

#include <QList>
#include <QString>
#include <optional>

/// Why a report was not given: an HTTP-like status, a stable code and an English sentence.
struct ReportError
{
    int status = 403;
    QString code = QStringLiteral("forbidden");
    QString message;
};

/// One row of a usage report (or its totals).
struct UsageRow
{
    UsageSums sums;
    std::optional<QuotaState> quota; ///< by user / department, when the subject has a quota
    QString label;                   ///< trend rows: the period label
};

/// A usage report for one period.
struct UsageReport
{
    Period period;
    QString by; ///< user, department or printer
    QString currency;
    QList<UsageRow> rows;
    UsageRow totals;
};

/// One side of a savings comparison.
struct SavingsSide
{
    Period period;
    UsageSums sums; ///< sums.people: distinct users with any ledger row in the period
    double pagesPerPerson = 0;
    double sheetsPerPerson = 0;
    double colorShare = 0;
};

/// Usage reports, trends, savings and the departments one may see, with the role rules of
/// docs/accounting.md: a user sees only themselves, a department head the departments they head and
/// their sub-departments (and themselves), an admin everything. Aggregation happens in SQL.
class UsageReports
{
public:
    UsageReports(Store& store, AccountingService& accounting);

    /// The report `by` user, department or printer for the period labelled `period` (empty: now),
    /// optionally for one department (and its sub-departments). False with `error`.
    [[nodiscard]] bool report(const UserRecord& who, const QString& by, const QString& period,
                              const QString& department, UsageReport* out, ReportError* error);
    /// `months` periods ending with the current one, oldest first, for a department, a user or (both
    /// empty) `who` themselves.
    [[nodiscard]] bool trend(const UserRecord& who, int months, const QString& department,
                             const QString& user, QList<UsageRow>* out, ReportError* error);
    /// A baseline period against a later one, for a department or everything `who` may see.
    [[nodiscard]] bool savings(const UserRecord& who, const QString& baseline, const QString& compare,
                               const QString& department, SavingsSide* base, SavingsSide* later,
                               ReportError* error);
    /// The departments `who` may report on (admins: all; heads: theirs and their sub-departments).
    QList<DepartmentRecord> departmentsFor(const UserRecord& who);

    /// Colour impressions / impressions, 0..1 rounded to 4 places (JSON and CSV share it).
    static double share(qint64 part, qint64 whole);

private:
    /// Narrows `filter` to what `who` may see of `department` / `user` (both empty: everything they may
    /// see, or only themselves when `selfByDefault`).
    bool scope(const UserRecord& who, const QString& department, const QString& user, bool selfByDefault,
               UsageFilter* filter, ReportError* error);
    QList<qint64> visibleDepartments(const UserRecord& who);
    bool resolvePeriod(const QString& label, Period* out, ReportError* error);

    Store& m_store;
    AccountingService& m_accounting;
};
