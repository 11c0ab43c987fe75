#include "UsageChartView.h"

#include "QuotaText.h"

#include <QApplication>
#include <QBarCategoryAxis>
#include <QBarSeries>
#include <QBarSet>
#include <QCategoryAxis>
#include <QHorizontalBarSeries>
#include <QLabel>
#include <QLegend>
#include <QStackedLayout>

#include <cmath>

UsageChartView::UsageChartView(QWidget* parent) : QWidget(parent)
{
    m_view = new QChartView(new QChart, this);
    m_view->setRenderHint(QPainter::Antialiasing);
    m_view->setMinimumHeight(220);
    m_message = new QLabel(this);
    m_message->setObjectName(QStringLiteral("chartMessage"));
    m_message->setAlignment(Qt::AlignCenter);
    m_message->setWordWrap(true);
    m_message->setMargin(16);
    m_message->setStyleSheet(QStringLiteral("color: #555555; border: 1px dashed #bdbdbd;"));
    m_stack = new QStackedLayout(this);
    m_stack->addWidget(m_view);
    m_stack->addWidget(m_message);
}

QChart* UsageChartView::chart() const
{
    return m_view->chart();
}

bool UsageChartView::isChartShown() const
{
    return m_stack->currentWidget() == m_view;
}

void UsageChartView::showMessage(const QString& text)
{
    m_message->setText(text);
    m_stack->setCurrentWidget(m_message);
}

QList<qint64> UsageChartView::niceTicks(qint64 max, int count)
{
    if (max <= 0)
        max = 1;
    const double raw = static_cast<double>(max) / qMax(1, count);
    const double magnitude = std::pow(10.0, std::floor(std::log10(raw)));
    double step = magnitude;
    for (const double f : {1.0, 2.0, 5.0, 10.0}) {
        step = f * magnitude;
        if (step >= raw)
            break;
    }
    const qint64 s = qMax<qint64>(1, static_cast<qint64>(std::llround(step)));
    QList<qint64> ticks;
    for (qint64 t = 0; t < max + s; t += s)
        ticks << t;
    return ticks;
}

void UsageChartView::setBars(const QString& title, const QStringList& categories, const QList<Bars>& sets,
                             const QString& currency, bool horizontal, int highlight)
{
    auto* chart = new QChart;
    const QFont base = QApplication::font();
    QFont titleFont = base;
    titleFont.setBold(true);
    titleFont.setPointSizeF(base.pointSizeF() * 1.1);
    chart->setTitle(title);
    chart->setTitleFont(titleFont);
    chart->setAnimationOptions(QChart::NoAnimation);
    chart->setBackgroundRoundness(0);
    // Room on the right for the last amount under a horizontal chart's value axis.
    chart->setMargins(horizontal ? QMargins(4, 4, 28, 4) : QMargins(4, 4, 4, 4));
    chart->legend()->setFont(base);
    chart->legend()->setAlignment(Qt::AlignBottom);
    chart->legend()->setVisible(sets.size() > 1);

    QAbstractBarSeries* series = horizontal ? static_cast<QAbstractBarSeries*>(new QHorizontalBarSeries)
                                            : static_cast<QAbstractBarSeries*>(new QBarSeries);
    qint64 max = 0;
    const QLocale locale;
    for (const Bars& b : sets) {
        auto* set = new QBarSet(b.name);
        set->setColor(b.color);
        set->setBorderColor(b.color.darker(115));
        for (const qint64 v : b.values) {
            set->append(static_cast<qreal>(v));
            max = qMax(max, v);
        }
        set->setSelectedColor(b.color.darker(160));
        if (highlight >= 0 && highlight < b.values.size())
            set->selectBar(highlight);
        series->append(set);
    }
    series->setBarWidth(sets.size() > 1 ? 0.8 : 0.6);
    chart->addSeries(series);

    auto* categoryAxis = new QBarCategoryAxis;
    categoryAxis->append(categories);
    categoryAxis->setLabelsFont(base);
    categoryAxis->setGridLineVisible(false);
    // Qt elides labels laid out while the chart was hidden (another tab) and keeps them so; names and
    // months are short enough to be shown whole.
    categoryAxis->setTruncateLabels(false);

    // Money on the value axis, written the way people write it ("₩120,000"), not as printf would.
    auto* valueAxis = new QCategoryAxis;
    valueAxis->setLabelsPosition(QCategoryAxis::AxisLabelsPositionOnValue);
    // Fewer steps across the width of a narrow member chart, so that each amount fits under its line.
    const QList<qint64> ticks = niceTicks(max, horizontal ? 3 : 5);
    valueAxis->setStartValue(0);
    for (const qint64 t : ticks) {
        if (t > 0)
            valueAxis->append(QuotaText::money(t, currency, locale), static_cast<qreal>(t));
    }
    valueAxis->setRange(0, static_cast<qreal>(ticks.last()));
    valueAxis->setLabelsFont(base);
    valueAxis->setTruncateLabels(false);
    valueAxis->setGridLineColor(QColor(0xe0, 0xe0, 0xe0));

    chart->addAxis(categoryAxis, horizontal ? Qt::AlignLeft : Qt::AlignBottom);
    chart->addAxis(valueAxis, horizontal ? Qt::AlignBottom : Qt::AlignLeft);
    series->attachAxis(categoryAxis);
    series->attachAxis(valueAxis);

    QChart* old = m_view->chart();
    m_view->setChart(chart);
    delete old;
    m_stack->setCurrentWidget(m_view);
}
