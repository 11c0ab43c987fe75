#pragma once
#include "Quota.h"

#include <QWidget>

class QLabel;
class QProgressBar;

/// One quota as a bar with its limit: whose it is, how much of it is used (green, orange from 80 %,
/// red at 100 %), what is left and what the policy means.
class QuotaGauge : public QWidget
{
    Q_OBJECT
public:
    /// Creates an empty gauge.
    explicit QuotaGauge(QWidget* parent = nullptr);

    /// Shows `state` with amounts in `currency`.
    void setState(const QuotaState& state, const QString& currency);
    /// Returns the state shown.
    QuotaState state() const { return m_state; }
    /// Returns the bar's value: the percentage used, at most 100.
    int barValue() const;
    /// Returns the line under the bar ("₩40,000 of ₩50,000 used (80 %) - ₩10,000 left").
    QString usedText() const;
    /// Returns the policy line.
    QString policyText() const;

private:
    QuotaState m_state;
    QLabel* m_title;
    QProgressBar* m_bar;
    QLabel* m_used;
    QLabel* m_policy;
};
