#pragma once
#include <QChartView>
#include <QList>
#include <QStringList>

class QLabel;
class QStackedLayout;

/// A bar chart of money per category (months, members) with a value axis labelled in the currency
/// through QLocale ("₩120,000"), readable in Korean; shows a sentence instead when there is nothing
/// to draw.
class UsageChartView : public QWidget
{
    Q_OBJECT
public:
    /// One set of bars: its legend name, colour and one value (minor units) per category.
    struct Bars
    {
        QString name;
        QColor color;
        QList<qint64> values;
    };

    /// Creates an empty chart.
    explicit UsageChartView(QWidget* parent = nullptr);

    /// Draws `sets` over `categories` with money in `currency`; `horizontal` puts the categories on
    /// the left (members), else along the bottom (months). `title` goes above the chart. The bars of
    /// category `highlight` (e.g. the month chosen) are drawn darker; -1 for none.
    void setBars(const QString& title, const QStringList& categories, const QList<Bars>& sets,
                 const QString& currency, bool horizontal, int highlight = -1);
    /// Shows `text` instead of the chart (nothing to draw, loading, or an error).
    void showMessage(const QString& text);
    /// Returns the chart (for tests and screenshots).
    QChart* chart() const;
    /// Returns true when the chart, not a message, is shown.
    bool isChartShown() const;

    /// Returns ticks for a money axis from 0 covering `max` with at most about `count` steps of 1, 2 or
    /// 5 x 10^n (in minor units, never below one major unit step).
    static QList<qint64> niceTicks(qint64 max, int count = 5);

private:
    QChartView* m_view;
    QLabel* m_message;
    QStackedLayout* m_stack;
};
