#pragma once
#include "AccountingSettings.h"
#include "Clock.h"
#include "EventBus.h"
#include "Quota.h"
#include "QuotaRefusal.h"
#include "RateTable.h"
#include "Store.h"
#include "UsageCounts.h"

/// Prices jobs, enforces quotas at release and writes the priced ledger rows. Thread-safe (the store
/// serialises what must be atomic). Protocol-free: RestApi and the admin commands translate.
class AccountingService
{
public:
    enum class Outcome { Released, Refused, WrongState, Failed };

    AccountingService(Store& store, EventBus& events, const Clock& clock, AccountingSettings settings);

    const AccountingSettings& settings() const { return m_settings; }
    /// The period containing now.
    Period currentPeriod() const;
    /// The period labelled `label` ("2026-11"); the current one for an empty label; nullopt if invalid.
    std::optional<Period> period(const QString& label) const;
    /// The store's view of a period (reservations count only in the current one).
    LedgerPeriod ledgerPeriod(const Period& p) const
    {
        return {p.label, p.beginSecs, p.endSecs, p.contains(m_clock.nowSecs())};
    }

    /// The rate table in force at `at` for a printer (0: the default), else the built-in defaults.
    RateTable ratesAt(qint64 printerId, qint64 at);
    /// The rate table in force now for a printer (0: the default).
    RateTable ratesNow(qint64 printerId) { return ratesAt(printerId, m_clock.nowSecs()); }
    /// What a job would do to paper with its current options (before printing).
    static UsageCounts plannedCounts(const JobInfo& job);
    /// What a job would cost now at a printer (0: the default table), in minor units.
    qint64 estimate(const JobInfo& job, qint64 printerId);

    /// Prices `job` (with `options`) at `printerId` and, in one store transaction, checks the user's
    /// and their departments' quotas and moves the job held -> releasing with the cost reserved.
    /// Refused: `refusal` says by whom and why; the job stays held. Sends quota-warning events for
    /// thresholds crossed (once per subject, period and threshold).
    Outcome release(const UserRecord& user, const StoredJob& job, qint64 printerId,
                    const PrintOptions& options, QuotaRefusal* refusal);

    /// The priced ledger row for a job that ended: `printed` with the printer's reported impressions
    /// (0: pages x copies), or `deleted`/`expired` as saved.
    UsageRecord ledgerRow(const StoredJob& job, const QString& kind, int impressions);

    /// The user's quota state and each of their departments' in `period` (user first).
    QList<QuotaState> quotaStates(qint64 userId, const Period& period);
    /// One subject's state in `period`.
    QuotaState quotaState(const QString& scope, qint64 subjectId, const Period& period);
    /// The core's view of a store row.
    static QuotaState toQuotaState(const SubjectSpend& s);
    /// The held job's reason after a refusal: code "quota-exceeded", the refusal's quota object as
    /// arguments (as in the 403 answer), the English sentence.
    static StateReason refusalReason(const QuotaRefusal& refusal);
    /// The "quota" object of a refusal: the QuotaState JSON with "cost", "currency" and "period".
    static QJsonObject refusalJson(const QuotaRefusal& refusal);
    /// The English sentence of a refusal: "This job costs ₩2,400 but only ₩1,000 is left of ...".
    static QString refusalMessage(const QuotaState& quota, qint64 cost, const QString& currency);

private:
    void publishWarnings(const ReleaseDecision& decision, const QList<SubjectSpend>& subjects,
                         const QString& period, qint64 userId);

    Store& m_store;
    EventBus& m_events;
    const Clock& m_clock;
    AccountingSettings m_settings;
};
