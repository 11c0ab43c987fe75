#include "QuotaText.h"

#include "Money.h"

#include <QDate>

namespace {

QString subjectNameOf(const QJsonObject& quota)
{
    const QString name = quota.value(QLatin1String("subjectName")).toString();
    return name.isEmpty() ? quota.value(QLatin1String("subject")).toString() : name;
}

bool isDepartment(const QString& scope)
{
    return scope == QLatin1String("department");
}

} // namespace

QString QuotaText::money(qint64 minor, const QString& currency, const QLocale& locale)
{
    return Money::format(minor, currency.isEmpty() ? QStringLiteral("KRW") : currency, locale);
}

QString QuotaText::percent(int value, const QLocale& locale)
{
    //: A percentage: %1 is the number. Korean writes the sign without a space.
    return tr("%1 %").arg(locale.toString(value));
}

QString QuotaText::title(const QuotaState& state)
{
    if (isDepartment(state.scope))
        return tr("Monthly quota of %1").arg(state.subjectName.isEmpty() ? state.subject : state.subjectName);
    return tr("Your monthly quota");
}

QString QuotaText::usedLine(const QuotaState& state, const QString& currency, const QLocale& locale)
{
    if (!state.limit)
        return tr("%1 spent this month; there is no limit.").arg(money(state.spent, currency, locale));
    const qint64 left = state.remaining().value_or(0);
    const QString used =
        tr("%1 of %2 used (%3)")
            .arg(money(state.spent, currency, locale), money(state.effectiveLimit(), currency, locale),
                 percent(state.percentUsed(), locale));
    if (left >= 0)
        return tr("%1 - %2 left").arg(used, money(left, currency, locale));
    return tr("%1 - %2 over").arg(used, money(-left, currency, locale));
}

QString QuotaText::policyLine(const QuotaState& state, const QString& currency, const QLocale& locale)
{
    if (!state.limit)
        return {};
    QString line = state.policy == QuotaPolicy::Hard
                       ? tr("Hard limit: a job that would go over it stays held and is not printed.")
                       : tr("Soft limit: jobs over it still print, and you are warned.");
    if (state.allowance > 0)
        line +=
            QLatin1Char(' ') +
            tr("Includes an extra allowance of %1 this month.").arg(money(state.allowance, currency, locale));
    return line;
}

QString QuotaText::remainingShort(const QuotaState& state, const QString& currency, const QLocale& locale)
{
    if (!state.limit)
        return {};
    const qint64 left = state.remaining().value_or(0);
    if (left <= 0)
        return tr("Monthly quota used up (%1)").arg(money(state.effectiveLimit(), currency, locale));
    return tr("%1 of %2 left this month")
        .arg(money(left, currency, locale), money(state.effectiveLimit(), currency, locale));
}

QString QuotaText::refusal(const QJsonObject& quota, const QLocale& locale)
{
    if (quota.isEmpty())
        return {};
    const QString currency = quota.value(QLatin1String("currency")).toString();
    const qint64 cost = quota.value(QLatin1String("cost")).toInteger();
    qint64 left = quota.value(QLatin1String("remaining")).toInteger();
    if (!quota.contains(QLatin1String("remaining")))
        left =
            quota.value(QLatin1String("limit")).toInteger() - quota.value(QLatin1String("spent")).toInteger();
    const QString costText = money(cost, currency, locale);
    const QString leftText = money(qMax<qint64>(0, left), currency, locale);
    if (isDepartment(quota.value(QLatin1String("scope")).toString())) {
        const QString dept = subjectNameOf(quota);
        if (left <= 0)
            return tr("This job costs %1, but the monthly quota of %2 is used up. The job is still held: "
                      "ask your department head or the print admin for an extra allowance for %2, or print "
                      "it next month.")
                .arg(costText, dept);
        return tr("This job costs %1, but only %2 is left of the monthly quota of %3. Print fewer pages or "
                  "copies, print in black and white or on both sides, or ask your department head or the "
                  "print admin for an extra allowance for %3.")
            .arg(costText, leftText, dept);
    }
    if (left <= 0)
        return tr("This job costs %1, but your monthly quota is used up. The job is still held: ask your "
                  "department head for an extra allowance, or print it next month.")
            .arg(costText);
    return tr("This job costs %1, but only %2 is left of your monthly quota. Print fewer pages or copies, "
              "print in black and white or on both sides, or ask your department head for an extra "
              "allowance.")
        .arg(costText, leftText);
}

QString QuotaText::warningTitle(const QJsonObject& event)
{
    const int threshold = event.value(QLatin1String("threshold")).toInt();
    return threshold >= 100 ? tr("Monthly quota used up") : tr("Monthly quota almost used");
}

QString QuotaText::warning(const QJsonObject& event, const QLocale& locale)
{
    const QuotaState q = QuotaState::fromJson(event.value(QLatin1String("quota")).toObject());
    QString currency = event.value(QLatin1String("currency")).toString();
    if (currency.isEmpty())
        currency = event.value(QLatin1String("quota")).toObject().value(QLatin1String("currency")).toString();
    int threshold = event.value(QLatin1String("threshold")).toInt();
    if (threshold <= 0)
        threshold = q.percentUsed();
    const QString spent = money(q.spent, currency, locale);
    const QString limit = money(q.effectiveLimit(), currency, locale);
    const bool hard = q.policy == QuotaPolicy::Hard;
    if (isDepartment(q.scope)) {
        const QString dept = q.subjectName.isEmpty() ? q.subject : q.subjectName;
        if (threshold >= 100)
            return hard ? tr("The monthly quota of %1 is used up (%2 of %3). Its members' jobs stay held "
                             "until an allowance is added or the month ends.")
                              .arg(dept, spent, limit)
                        : tr("The monthly quota of %1 is used up (%2 of %3). Jobs still print; the "
                             "department head is told.")
                              .arg(dept, spent, limit);
        return tr("%1 of the monthly quota of %2 used (%3 of %4)")
            .arg(percent(threshold, locale), dept, spent, limit);
    }
    if (threshold >= 100)
        return hard ? tr("Your monthly quota is used up (%1 of %2). Further jobs stay held; ask your "
                         "department head for an extra allowance.")
                          .arg(spent, limit)
                    : tr("Your monthly quota is used up (%1 of %2). Jobs still print, but your department "
                         "head sees the overspend.")
                          .arg(spent, limit);
    return tr("%1 of your monthly quota used (%2 of %3)").arg(percent(threshold, locale), spent, limit);
}

QString QuotaText::periodName(const QString& label, const QLocale& locale)
{
    const QDate date = QDate::fromString(label + QStringLiteral("-01"), QStringLiteral("yyyy-MM-dd"));
    if (!date.isValid())
        return label;
    //: A monthly period: %1 is the month's name, %2 the year ("November 2026"; Korean "2026년 11월").
    return tr("%1 %2").arg(locale.standaloneMonthName(date.month()), QString::number(date.year()));
}
