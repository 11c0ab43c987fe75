#pragma once
#include <QJsonObject>
#include <QList>
#include <QPair>
#include <QString>

#include <optional>

/// What happens when a release would go over a limit: `Hard` refuses it (the job stays held), `Soft`
/// releases it and warns.
enum class QuotaPolicy { Hard, Soft };

/// Returns "hard" or "soft".
QString quotaPolicyName(QuotaPolicy policy);

/// Returns the policy named "hard" or "soft" (case-insensitive); nullopt for anything else.
std::optional<QuotaPolicy> quotaPolicyFromName(const QString& name);

/// One subject's (a user's or a department's) quota in one period. Money in minor units.
struct QuotaState
{
    QString scope;               ///< "user" or "department"
    QString subject;             ///< user name or department code
    QString subjectName;         ///< display name (department name; the user's full name)
    std::optional<qint64> limit; ///< none: no quota
    QuotaPolicy policy = QuotaPolicy::Soft;
    qint64 allowance = 0; ///< one-off addition to the limit for this period
    qint64 spent = 0;     ///< charged cost in the period, including reservations of jobs being released

    /// Returns limit + allowance; 0 without a limit (check `limit` first).
    qint64 effectiveLimit() const;

    /// Returns effectiveLimit() - spent (negative when a soft quota is overspent); nullopt without a
    /// limit.
    std::optional<qint64> remaining() const;

    /// Returns spent as a whole percentage of effectiveLimit(), rounded down (over 100 when overspent,
    /// never below 0); 0 without a limit; 100 when the effective limit is 0 or less and something was
    /// spent.
    int percentUsed() const;

    /// Returns {"scope", "subject", "subjectName", "limit" (absent without a limit), "policy" ("hard" /
    /// "soft"), "allowance", "spent", "remaining" (absent without a limit), "percentUsed"}.
    QJsonObject toJson() const;

    /// Returns the state in `json` (the keys of toJson(); "remaining" and "percentUsed" are derived and
    /// ignored). A missing or unknown policy is soft; missing numbers are 0.
    static QuotaState fromJson(const QJsonObject& json);

    bool operator==(const QuotaState& other) const = default;
};

/// What decideRelease() ruled about one release.
struct ReleaseDecision
{
    bool allowed = true;
    qint64 cost = 0;
    std::optional<QuotaState> refusedBy;    ///< the first hard quota the release would overspend
    QList<QPair<QuotaState, int>> warnings; ///< subjects crossing a threshold (80 or 100) with this release
};

/// The thresholds (percent of the effective limit) at which people are warned.
inline constexpr int kQuotaWarningThresholds[] = {80, 100};

/// The pure rule every release path uses. `quotas` are the user's and their departments' (own and
/// parents') states before this release; states without a limit are ignored. A hard quota refuses when
/// spent + cost > effectiveLimit (exactly reaching the limit is allowed; a job costing 0 or less is
/// always allowed); `refusedBy` is the first refusing quota in `quotas` order, and a refused release
/// has no warnings (nothing is spent). An allowed release lists, in `quotas` order, each (state before
/// the release, threshold) whose threshold it crosses: spent < threshold% of the effective limit <=
/// spent + cost. A release crossing both 80 and 100 lists both, 80 first. Remembering which warnings
/// were already sent in a period is the caller's job.
ReleaseDecision decideRelease(qint64 cost, const QList<QuotaState>& quotas);
