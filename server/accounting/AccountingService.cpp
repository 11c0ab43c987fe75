#include "AccountingService.h"

#include "AccountingLog.h"
#include "Money.h"

#include <QJsonObject>

AccountingService::AccountingService(Store& store, EventBus& events, const Clock& clock,
                                     AccountingSettings settings)
    : m_store(store), m_events(events), m_clock(clock), m_settings(std::move(settings))
{
}

Period AccountingService::currentPeriod() const
{
    return Period::containing(m_clock.nowSecs(), m_settings.periods);
}

std::optional<Period> AccountingService::period(const QString& label) const
{
    if (label.isEmpty())
        return currentPeriod();
    return Period::fromLabel(label, m_settings.periods);
}

RateTable AccountingService::ratesAt(qint64 printerId, qint64 at)
{
    if (auto json = m_store.ledger().ratesAt(printerId, at)) {
        if (auto table = RateTable::fromJson(*json))
            return *table;
        qCWarning(lcAccounting) << "a stored rate table for printer" << printerId
                                << "is unreadable; using defaults";
    }
    return RateTable::defaults();
}

UsageCounts AccountingService::plannedCounts(const JobInfo& job)
{
    const bool color = job.color && job.options.colorMode != QLatin1String("monochrome");
    return UsageCounts::forJob(job.pages, job.options.copies, job.options.isDuplex(), color,
                               sizeClassOf(job.pageSize));
}

qint64 AccountingService::estimate(const JobInfo& job, qint64 printerId)
{
    return costOf(plannedCounts(job), ratesAt(printerId, m_clock.nowSecs()));
}

QuotaState AccountingService::toQuotaState(const SubjectSpend& s)
{
    QuotaState q;
    q.scope = s.scope;
    q.subject = s.subject;
    q.subjectName = s.subjectName;
    q.limit = s.limit;
    q.policy = quotaPolicyFromName(s.policy).value_or(QuotaPolicy::Soft);
    q.allowance = s.allowance;
    q.spent = s.spent;
    return q;
}

QString AccountingService::refusalMessage(const QuotaState& quota, qint64 cost, const QString& currency)
{
    const QLocale en(QLocale::English, QLocale::UnitedStates);
    const qint64 left = std::max<qint64>(0, quota.remaining().value_or(0));
    const QString whose = quota.scope == QLatin1String("user")
                              ? QStringLiteral("your monthly quota")
                              : QStringLiteral("the monthly quota of %1")
                                    .arg(quota.subjectName.isEmpty() ? quota.subject : quota.subjectName);
    return QStringLiteral(
               "This job costs %1 but only %2 is left of %3 (%4). Print fewer copies, in black and "
               "white or double-sided, or ask your print admin for an allowance.")
        .arg(Money::format(cost, currency, en), Money::format(left, currency, en), whose,
             Money::format(quota.effectiveLimit(), currency, en));
}

QJsonObject AccountingService::refusalJson(const QuotaRefusal& refusal)
{
    QJsonObject quota = refusal.quota.toJson();
    quota.insert(QStringLiteral("cost"), refusal.cost);
    quota.insert(QStringLiteral("currency"), refusal.currency);
    quota.insert(QStringLiteral("period"), refusal.period);
    return quota;
}

StateReason AccountingService::refusalReason(const QuotaRefusal& refusal)
{
    StateReason r;
    r.code = QStringLiteral("quota-exceeded");
    r.args = refusalJson(refusal);
    r.text = refusal.message;
    return r;
}

AccountingService::Outcome AccountingService::release(const UserRecord& user, const StoredJob& job,
                                                      qint64 printerId, const PrintOptions& options,
                                                      QuotaRefusal* refusal)
{
    JobInfo planned = job.info;
    planned.options = options;
    const qint64 cost = estimate(planned, printerId);
    const Period period = currentPeriod();
    ReleaseDecision decision;
    QList<SubjectSpend> seen;
    const auto r =
        m_store.ledger().reserveRelease(job.info.id, user.id, printerId, options, cost, ledgerPeriod(period),
                                        [&](const QList<SubjectSpend>& subjects) {
                                            seen = subjects;
                                            QList<QuotaState> states;
                                            for (const SubjectSpend& s : subjects)
                                                states.append(toQuotaState(s));
                                            decision = decideRelease(cost, states);
                                            return decision.allowed;
                                        });
    switch (r) {
    case LedgerStore::Reserve::Reserved:
        qCInfo(lcAccounting).noquote() << "job" << job.info.id << "of" << user.name << "reserved" << cost
                                       << m_settings.currency << "in" << period.label;
        publishWarnings(decision, seen, period.label, user.id);
        return Outcome::Released;
    case LedgerStore::Reserve::Refused:
        if (refusal && decision.refusedBy) {
            refusal->quota = *decision.refusedBy;
            refusal->cost = cost;
            refusal->currency = m_settings.currency;
            refusal->period = period.label;
            refusal->message = refusalMessage(*decision.refusedBy, cost, m_settings.currency);
        }
        qCInfo(lcAccounting).noquote()
            << "job" << job.info.id << "of" << user.name << "refused: costs" << cost << "over the"
            << (decision.refusedBy ? decision.refusedBy->scope : QString()) << "quota of"
            << (decision.refusedBy ? decision.refusedBy->subject : QString());
        return Outcome::Refused;
    case LedgerStore::Reserve::WrongState:
        return Outcome::WrongState;
    case LedgerStore::Reserve::Failed:
        break;
    }
    return Outcome::Failed;
}

void AccountingService::publishWarnings(const ReleaseDecision& decision, const QList<SubjectSpend>& subjects,
                                        const QString& period, qint64 userId)
{
    for (const auto& warning : decision.warnings) {
        // Named locals, not a structured binding: clang 14 cannot capture bindings in the lambda below.
        const auto& state = warning.first;
        const auto& threshold = warning.second;
        auto it = std::find_if(subjects.begin(), subjects.end(), [&](const SubjectSpend& s) {
            return s.scope == state.scope && s.subject == state.subject;
        });
        if (it == subjects.end())
            continue;
        if (!m_store.ledger().markWarning(state.scope, it->subjectId, period, threshold, m_clock.nowSecs()))
            continue; // already told this period
        QuotaState after = state;
        after.spent += decision.cost;
        const QJsonObject event{{QStringLiteral("type"), QStringLiteral("quota-warning")},
                                {QStringLiteral("threshold"), threshold},
                                {QStringLiteral("period"), period},
                                {QStringLiteral("currency"), m_settings.currency},
                                {QStringLiteral("quota"), after.toJson()}};
        m_events.publishToUser(userId, event);
        if (state.scope == QLatin1String("department")) {
            if (auto d = m_store.departments().byId(it->subjectId)) {
                for (const QString& head : d->heads) {
                    auto h = m_store.userByName(head);
                    if (h && h->id != userId)
                        m_events.publishToUser(h->id, event);
                }
            }
        }
        qCInfo(lcAccounting).noquote()
            << state.scope << state.subject << "passed" << threshold << "% of its quota in" << period;
    }
}

UsageRecord AccountingService::ledgerRow(const StoredJob& job, const QString& kind, int impressions)
{
    const JobInfo& j = job.info;
    const bool docColor = j.color;
    const bool color = docColor && j.options.colorMode != QLatin1String("monochrome");
    const SizeClass size = sizeClassOf(j.pageSize);
    const bool printed = kind == QLatin1String("printed");
    // Charged from what the printer reported completed where it did, else from pages x copies.
    const UsageCounts counts =
        printed && impressions > 0
            ? UsageCounts::fromImpressions(impressions, j.options.isDuplex(), color, size)
            : UsageCounts::forJob(j.pages, j.options.copies, j.options.isDuplex(), color, size);
    const qint64 now = m_clock.nowSecs();
    const RateTable rates = ratesAt(job.printerId, now);

    UsageRecord u;
    u.jobId = j.id;
    u.userId = job.ownerId;
    if (auto owner = m_store.userById(job.ownerId))
        u.department = owner->department;
    u.printer = j.printer;
    u.printerId = job.printerId;
    u.kind = kind;
    u.pages = counts.pages * counts.copies; // pages x copies, as every ledger row counts them
    u.copies = j.options.copies;
    u.sheets = counts.sheets;
    u.impressions = counts.impressions;
    u.colorImpressions = counts.colorImpressions;
    u.color = color;
    u.duplex = j.options.isDuplex();
    u.sizeClass = sizeClassName(size);
    u.at = now;
    if (printed) {
        u.cost = costOf(counts, rates);
        const Savings saved = savingsOf(counts, docColor, rates);
        u.savedSheets = saved.sheets;
        u.savedCost = saved.cost;
    } else {
        // Never printed: everything it would have used is saved.
        u.savedSheets = counts.sheets;
        u.savedCost = costOf(counts, rates);
    }
    return u;
}

QList<QuotaState> AccountingService::quotaStates(qint64 userId, const Period& period)
{
    QList<QuotaState> out;
    for (const SubjectSpend& s : m_store.ledger().subjectsFor(userId, ledgerPeriod(period)))
        out.append(toQuotaState(s));
    return out;
}

QuotaState AccountingService::quotaState(const QString& scope, qint64 subjectId, const Period& period)
{
    return toQuotaState(m_store.ledger().spendOf(scope, subjectId, ledgerPeriod(period)));
}
