#pragma once
#include "Quota.h"
#include "UsageRow.h"

#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QStringList>

#include <functional>
#include <optional>

class ApiClient;
class ApiReply;
class MemberUsageModel;
class PrinterUsageModel;
class TrendModel;

/// Fetches what the Usage window shows, through ApiClient, and holds it: my quota state and my
/// 12-month trend for everyone; for department heads and admins also the departments they may report
/// on and, for the chosen department and period, each member's usage, the printers used, the
/// department's quota, its trend and its savings against a baseline period; and the CSV export.
/// Everything is asynchronous; loading and errors (sentences) are reported per part.
class UsageController : public QObject
{
    Q_OBJECT
public:
    /// The parts fetched separately; each has its own error.
    enum class Part {
        Quota,
        MyTrend,
        Departments,
        Members,
        Printers,
        DepartmentQuota,
        DepartmentTrend,
        Savings
    };
    Q_ENUM(Part)

    /// A department the user may report on.
    struct Department
    {
        QString code;
        QString name;
        QString parent;
    };

    /// The number of periods in a trend.
    static constexpr int TrendMonths = 12;

    /// Creates a controller fetching through `api` (not owned; must outlive it).
    explicit UsageController(ApiClient* api, QObject* parent = nullptr);
    ~UsageController() override;

    /// Sets who is signed in, as the server described them ({name, role, department, ...}); the role
    /// "dept-head" or "admin" enables the department part.
    void setUser(const QJsonObject& user);
    /// Returns the signed-in user's name.
    QString username() const { return m_username; }
    /// Returns true for department heads and admins.
    bool canReportOnDepartments() const;
    /// Returns true for admins (who may pick any department).
    bool isAdmin() const;

    /// Returns the currency of every amount (from the server; "KRW" until it answers).
    QString currency() const { return m_currency; }
    /// Returns the current period's label ("2026-11"); empty until the server answered.
    QString currentPeriod() const { return m_currentPeriod; }
    /// Returns my quota states now: mine first, then my departments'.
    QList<QuotaState> quotas() const { return m_quotas; }
    /// Returns my usage per period, oldest first.
    TrendModel* myTrend() const { return m_myTrend; }

    /// Returns the departments I may report on.
    QList<Department> departments() const { return m_departments; }
    /// Returns the name of department `code` (the code when unknown).
    QString departmentName(const QString& code) const;
    /// Returns the chosen department's code.
    QString department() const { return m_department; }
    /// Returns the chosen period's label.
    QString period() const { return m_period; }
    /// Returns the periods to choose from, newest first (the last TrendMonths).
    QStringList periods() const;
    /// Returns the baseline period of the savings comparison (TrendMonths - 1 before the chosen one).
    QString savingsBaseline() const;
    /// Returns each member's usage in the chosen department and period.
    MemberUsageModel* members() const { return m_members; }
    /// Returns the printers the chosen department's members used in the chosen period.
    PrinterUsageModel* printers() const { return m_printers; }
    /// Returns the chosen department's usage per period, oldest first.
    TrendModel* departmentTrend() const { return m_departmentTrend; }
    /// Returns the chosen department's totals in the chosen period.
    UsageRow departmentTotals() const { return m_departmentTotals; }
    /// Returns the chosen department's quota in the chosen period (none when it has none or unknown).
    std::optional<QuotaState> departmentQuota() const { return m_departmentQuota; }
    /// Returns the savings answer ({baseline, compare, change}); empty until fetched.
    QJsonObject savings() const { return m_savings; }

    /// Returns true while anything is being fetched.
    bool isLoading() const { return !m_pending.isEmpty(); }
    /// Returns true while `part` is being fetched.
    bool isLoading(Part part) const { return m_pending.contains(part); }
    /// Returns why `part` could not be fetched, as a sentence; empty when it was.
    QString errorString(Part part) const { return m_errors.value(part); }

public Q_SLOTS:
    /// Fetches everything again: my quota and trend, and (for heads and admins) the departments and
    /// the chosen department's data.
    void refresh();
    /// Fetches my quota state again (after a quota warning).
    void refreshQuota();
    /// Chooses the department (a code from departments()) and fetches its data.
    void setDepartment(const QString& code);
    /// Chooses the period ("2026-11") and fetches the department's data for it.
    void setPeriod(const QString& label);
    /// Fetches the chosen department's members, printers, quota, trend and savings.
    void refreshDepartment();
    /// Downloads the members report of the chosen department and period as CSV and saves the server's
    /// bytes unchanged at `path`; answers with exportFinished().
    void exportCsv(const QString& path);
    /// Forgets everything (after signing out).
    void clear();

Q_SIGNALS:
    /// My quota state or trend changed.
    void mineChanged();
    /// The list of departments changed.
    void departmentsChanged();
    /// The chosen department's data (or the choice of department or period) changed.
    void departmentDataChanged();
    /// Fetching started or ended, or an error changed.
    void stateChanged();
    /// The CSV export ended: `ok` and a sentence saying where it went or why not.
    void exportFinished(bool ok, const QString& message);

private:
    void fetch(Part part, ApiReply* reply, const std::function<void(const QJsonObject&)>& onOk);
    void onMyFirstAnswers();
    static QString shiftLabel(const QString& label, int months);

    QPointer<ApiClient> m_api;
    QString m_username;
    QString m_role;
    QString m_ownDepartment;
    QString m_currency = QStringLiteral("KRW");
    QString m_currentPeriod;
    QList<QuotaState> m_quotas;
    QList<Department> m_departments;
    bool m_departmentsKnown = false;
    QString m_department;
    QString m_period;
    UsageRow m_departmentTotals;
    std::optional<QuotaState> m_departmentQuota;
    QJsonObject m_savings;
    TrendModel* m_myTrend;
    TrendModel* m_departmentTrend;
    MemberUsageModel* m_members;
    PrinterUsageModel* m_printers;
    QHash<Part, QPointer<ApiReply>> m_pending;
    QHash<Part, QString> m_errors;
    QPointer<ApiReply> m_export;
};
