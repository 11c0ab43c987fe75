#pragma once
#include <QJsonArray>
#include <QJsonObject>
#include <QWidget>

/// A small chart of one printer's supply levels over the last 30 days (the "history" of
/// GET /api/v1/devices/{id}): one line per supply in its own colour, 0-100 %, today at the right.
class SupplyHistoryView : public QWidget
{
    Q_OBJECT
public:
    /// Creates an empty chart.
    explicit SupplyHistoryView(QWidget* parent = nullptr);

    /// Shows `history` ({"supplies": {key: [[ISO, level]...]}}) of the printer whose `supplies`
    /// (device JSON) give each key its colour and name; `now` is the right edge.
    void setHistory(const QJsonObject& history, const QJsonArray& supplies,
                    const QDateTime& now = QDateTime::currentDateTime());
    /// Shows `message` instead of a chart ("Loading...", why not); empty clears the chart.
    void showMessage(const QString& message);
    /// Returns how many supply lines are drawn.
    int lineCount() const { return static_cast<int>(m_lines.size()); }

    QSize sizeHint() const override;

protected:
    void paintEvent(QPaintEvent* event) override;

private:
    struct Line
    {
        QString name;
        QColor colour;
        QList<QPointF> points; ///< x: days before now (0..30), y: level 0..100
    };
    QList<Line> m_lines;
    QString m_message;
};
