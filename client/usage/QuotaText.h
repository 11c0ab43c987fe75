#pragma once
#include "Quota.h"

#include <QCoreApplication>
#include <QJsonObject>
#include <QLocale>
#include <QString>

/// What the tray app says about money and quotas, in the user's language: amounts through QLocale
/// (Money::format, "₩12,340"), a quota's state in one line, the sentence for a release the server
/// refused with "quota-exceeded", and the quota-warning notification. Pure text: no UI, so the wording
/// is testable in every language.
class QuotaText
{
    Q_DECLARE_TR_FUNCTIONS(QuotaText)
public:
    /// Returns `minor` units of `currency` for people ("₩12,340"), through `locale`.
    static QString money(qint64 minor, const QString& currency, const QLocale& locale = QLocale());

    /// Returns a whole percentage through `locale` ("80 %" / "80%").
    static QString percent(int value, const QLocale& locale = QLocale());

    /// Returns whose quota `state` is, for a heading: "Your monthly quota", or "Monthly quota of
    /// 재무과" for a department.
    static QString title(const QuotaState& state);

    /// Returns the state in one line: "₩40,000 of ₩50,000 used (80 %) - ₩10,000 left", or what was
    /// spent when there is no limit.
    static QString usedLine(const QuotaState& state, const QString& currency,
                            const QLocale& locale = QLocale());

    /// Returns what the policy means for the person: over a hard quota jobs stay held; over a soft one
    /// they print and the department head sees it. Mentions an allowance when one was granted.
    static QString policyLine(const QuotaState& state, const QString& currency,
                              const QLocale& locale = QLocale());

    /// Returns a short "₩10,000 of ₩50,000 left this month" for a status bar; empty without a limit.
    static QString remainingShort(const QuotaState& state, const QString& currency,
                                  const QLocale& locale = QLocale());

    /// Returns the sentence for a release refused with "quota-exceeded": `quota` is the refusal's
    /// "quota" object ({scope, subject, subjectName?, limit, spent, remaining, cost, currency,
    /// period}). Says what the job costs, what is left, and what the person can do; a department
    /// quota names the department. Empty when `quota` is empty (then the server's message is shown).
    static QString refusal(const QJsonObject& quota, const QLocale& locale = QLocale());

    /// Returns the notification body for a "quota-warning" push event ({"quota": QuotaState JSON,
    /// "threshold": 80 or 100, "currency"}): "80 % of your monthly quota used (₩40,000 of ₩50,000)".
    static QString warning(const QJsonObject& event, const QLocale& locale = QLocale());

    /// Returns the notification title for a "quota-warning" push event.
    static QString warningTitle(const QJsonObject& event);

    /// Returns a period label ("2026-11") as people say it: "November 2026", "2026년 11월". The
    /// label itself when it is not one.
    static QString periodName(const QString& label, const QLocale& locale = QLocale());
};
