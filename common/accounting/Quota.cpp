#include "Quota.h"

#include <algorithm>
#include <limits>

namespace {

__extension__ using Wide = __int128;

/// True when `spent` has reached `threshold` percent of `limit`. Computed in 128 bits so that large
/// amounts cannot overflow; a limit of 0 or less is reached by any positive spending.
bool reached(qint64 spent, int threshold, qint64 limit)
{
    if (limit <= 0)
        return spent > 0;
    return Wide(spent) * 100 >= Wide(threshold) * Wide(limit);
}

} // namespace

QString quotaPolicyName(QuotaPolicy policy)
{
    return policy == QuotaPolicy::Hard ? QStringLiteral("hard") : QStringLiteral("soft");
}

std::optional<QuotaPolicy> quotaPolicyFromName(const QString& name)
{
    const QString n = name.trimmed().toLower();
    if (n == QLatin1String("hard"))
        return QuotaPolicy::Hard;
    if (n == QLatin1String("soft"))
        return QuotaPolicy::Soft;
    return std::nullopt;
}

qint64 QuotaState::effectiveLimit() const
{
    return limit ? *limit + allowance : 0;
}

std::optional<qint64> QuotaState::remaining() const
{
    if (!limit)
        return std::nullopt;
    return effectiveLimit() - spent;
}

int QuotaState::percentUsed() const
{
    if (!limit || spent <= 0)
        return 0;
    const qint64 l = effectiveLimit();
    if (l <= 0)
        return 100;
    const Wide percent = Wide(spent) * 100 / Wide(l);
    return int(std::min<Wide>(percent, 1'000'000'000));
}

QJsonObject QuotaState::toJson() const
{
    QJsonObject o{
        {QStringLiteral("scope"), scope},
        {QStringLiteral("subject"), subject},
        {QStringLiteral("subjectName"), subjectName},
        {QStringLiteral("policy"), quotaPolicyName(policy)},
        {QStringLiteral("allowance"), allowance},
        {QStringLiteral("spent"), spent},
        {QStringLiteral("percentUsed"), percentUsed()},
    };
    if (limit) {
        o.insert(QStringLiteral("limit"), *limit);
        o.insert(QStringLiteral("remaining"), *remaining());
    }
    return o;
}

QuotaState QuotaState::fromJson(const QJsonObject& json)
{
    QuotaState s;
    s.scope = json.value(QStringLiteral("scope")).toString();
    s.subject = json.value(QStringLiteral("subject")).toString();
    s.subjectName = json.value(QStringLiteral("subjectName")).toString();
    const QJsonValue limit = json.value(QStringLiteral("limit"));
    if (limit.isDouble())
        s.limit = limit.toInteger();
    s.policy =
        quotaPolicyFromName(json.value(QStringLiteral("policy")).toString()).value_or(QuotaPolicy::Soft);
    s.allowance = json.value(QStringLiteral("allowance")).toInteger();
    s.spent = json.value(QStringLiteral("spent")).toInteger();
    return s;
}

ReleaseDecision decideRelease(qint64 cost, const QList<QuotaState>& quotas)
{
    ReleaseDecision d;
    d.cost = cost;
    // Nothing is spent by a free job: it can neither overspend nor cross a threshold.
    if (cost <= 0)
        return d;
    for (const QuotaState& q : quotas) {
        if (q.limit && q.policy == QuotaPolicy::Hard && Wide(q.spent) + cost > q.effectiveLimit()) {
            d.allowed = false;
            d.refusedBy = q;
            return d;
        }
    }
    for (const QuotaState& q : quotas) {
        if (!q.limit)
            continue;
        const qint64 l = q.effectiveLimit();
        const qint64 after = qint64(std::min<Wide>(Wide(q.spent) + cost, std::numeric_limits<qint64>::max()));
        for (int threshold : kQuotaWarningThresholds) {
            if (!reached(q.spent, threshold, l) && reached(after, threshold, l))
                d.warnings.append({q, threshold});
        }
    }
    return d;
}
