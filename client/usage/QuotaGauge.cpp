#include "QuotaGauge.h"

#include "QuotaText.h"

#include <QLabel>
#include <QProgressBar>
#include <QVBoxLayout>

QuotaGauge::QuotaGauge(QWidget* parent) : QWidget(parent)
{
    m_title = new QLabel(this);
    QFont bold = m_title->font();
    bold.setBold(true);
    m_title->setFont(bold);
    m_bar = new QProgressBar(this);
    m_bar->setObjectName(QStringLiteral("quotaBar"));
    m_bar->setRange(0, 100);
    m_bar->setTextVisible(true);
    m_bar->setMinimumHeight(22);
    m_used = new QLabel(this);
    m_used->setObjectName(QStringLiteral("quotaUsed"));
    m_used->setWordWrap(true);
    m_policy = new QLabel(this);
    m_policy->setObjectName(QStringLiteral("quotaPolicy"));
    m_policy->setWordWrap(true);
    m_policy->setStyleSheet(QStringLiteral("color: #555555;"));
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(4);
    layout->addWidget(m_title);
    layout->addWidget(m_bar);
    layout->addWidget(m_used);
    layout->addWidget(m_policy);
}

void QuotaGauge::setState(const QuotaState& state, const QString& currency)
{
    m_state = state;
    const QLocale locale;
    m_title->setText(QuotaText::title(state));
    const int percent = state.percentUsed();
    m_bar->setVisible(state.limit.has_value());
    m_bar->setValue(qBound(0, percent, 100));
    m_bar->setFormat(QuotaText::percent(percent, locale));
    // Green while there is room, orange from the first warning, red once it is used up.
    const QString colour = percent >= 100  ? QStringLiteral("#c62828")
                           : percent >= 80 ? QStringLiteral("#ef6c00")
                                           : QStringLiteral("#2e7d32");
    m_bar->setStyleSheet(QStringLiteral("QProgressBar { border: 1px solid #9e9e9e; border-radius: 3px; "
                                        "background: #f2f2f2; text-align: center; color: #111111; } "
                                        "QProgressBar::chunk { background: %1; border-radius: 2px; }")
                             .arg(colour));
    m_used->setText(QuotaText::usedLine(state, currency, locale));
    m_policy->setText(QuotaText::policyLine(state, currency, locale));
    m_policy->setVisible(!m_policy->text().isEmpty());
}

int QuotaGauge::barValue() const
{
    return m_bar->value();
}

QString QuotaGauge::usedText() const
{
    return m_used->text();
}

QString QuotaGauge::policyText() const
{
    return m_policy->text();
}
