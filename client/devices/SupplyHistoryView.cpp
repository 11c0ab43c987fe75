#include "SupplyHistoryView.h"

#include "DeviceText.h"
#include "SupplyDelegate.h"

#include <QDateTime>
#include <QPainter>
#include <QPainterPath>

#include <algorithm>

namespace {
constexpr double Days = 30.0;
}

SupplyHistoryView::SupplyHistoryView(QWidget* parent) : QWidget(parent)
{
    setObjectName(QStringLiteral("supplyHistory"));
    setMinimumSize(220, 100);
}

QSize SupplyHistoryView::sizeHint() const
{
    return {320, 130};
}

void SupplyHistoryView::setHistory(const QJsonObject& history, const QJsonArray& supplies,
                                   const QDateTime& now)
{
    m_lines.clear();
    m_message.clear();
    const QJsonObject bySupply = history.value(QLatin1String("supplies")).toObject();
    for (const QJsonValue& v : supplies) {
        const QJsonObject s = v.toObject();
        const QJsonArray samples = bySupply.value(s.value(QLatin1String("key")).toString()).toArray();
        Line line{DeviceText::supplyName(s), SupplyDelegate::supplyColor(s), {}};
        for (const QJsonValue& sample : samples) {
            const QJsonArray pair = sample.toArray();
            const QDateTime at = QDateTime::fromString(pair.at(0).toString(), Qt::ISODate);
            const int level = pair.at(1).toInt(-1);
            if (!at.isValid() || level < 0)
                continue; // unknown levels are not drawn as empty
            const double daysAgo = at.secsTo(now) / 86400.0;
            if (daysAgo <= Days)
                line.points << QPointF(qMax(0.0, daysAgo), qMin(level, 100));
        }
        if (!line.points.isEmpty()) {
            // The level now, from the device itself, ends the line at today.
            const int current = s.value(QLatin1String("level")).toInt(-1);
            if (current >= 0)
                line.points << QPointF(0, qMin(current, 100));
            m_lines << line;
        }
    }
    if (m_lines.isEmpty())
        m_message = DeviceText::tr("No supply history yet");
    update();
}

void SupplyHistoryView::showMessage(const QString& message)
{
    m_lines.clear();
    m_message = message;
    update();
}

void SupplyHistoryView::paintEvent(QPaintEvent*)
{
    QPainter p(this);
    p.setRenderHint(QPainter::Antialiasing);
    const QFontMetrics fm(font());
    const QRect title(0, 0, width(), fm.height() + 2);
    p.setPen(palette().color(QPalette::Text));
    p.drawText(title, Qt::AlignLeft | Qt::AlignVCenter, DeviceText::tr("Supply levels, last 30 days"));
    const int axis = fm.horizontalAdvance(QStringLiteral("100%")) + 4;
    // Half a line below the title, so that the "100%" label does not touch it.
    const int top = title.bottom() + fm.height() / 2 + 4;
    const QRect plot(axis, top, width() - axis - 2, height() - top - fm.height() / 2 - 2);
    if (plot.width() < 20 || plot.height() < 20)
        return;
    p.fillRect(plot, palette().color(QPalette::Base));
    p.setPen(palette().color(QPalette::Mid));
    p.drawRect(plot.adjusted(0, 0, -1, -1));
    for (int level : {0, 50, 100}) {
        const int y = plot.bottom() - plot.height() * level / 100;
        p.setPen(QPen(palette().color(QPalette::Midlight), 1, Qt::DotLine));
        if (level > 0 && level < 100)
            p.drawLine(plot.left(), y, plot.right(), y);
        p.setPen(palette().color(QPalette::Text));
        p.drawText(QRect(0, y - fm.height() / 2, axis - 3, fm.height()), Qt::AlignRight | Qt::AlignVCenter,
                   QStringLiteral("%1%").arg(level));
    }
    if (!m_message.isEmpty()) {
        p.setPen(palette().color(QPalette::Disabled, QPalette::Text));
        p.drawText(plot, Qt::AlignCenter | Qt::TextWordWrap, m_message);
        return;
    }
    auto toPoint = [&plot](const QPointF& v) {
        return QPointF(plot.right() - plot.width() * v.x() / Days,
                       plot.bottom() - plot.height() * v.y() / 100.0);
    };
    for (const Line& line : m_lines) {
        QList<QPointF> pts = line.points;
        std::sort(pts.begin(), pts.end(), [](const QPointF& a, const QPointF& b) { return a.x() > b.x(); });
        QPainterPath path(toPoint(pts.first()));
        for (int i = 1; i < pts.size(); ++i) {
            // Levels hold until the next sample: steps, not slopes (a refill is a jump).
            path.lineTo(toPoint(QPointF(pts.at(i).x(), pts.at(i - 1).y())));
            path.lineTo(toPoint(pts.at(i)));
        }
        // A light supply (yellow) gets a dark outline so that it shows on white.
        if (line.colour.lightness() > 170) {
            p.setPen(QPen(palette().color(QPalette::Mid), 4));
            p.drawPath(path);
        }
        p.setPen(QPen(line.colour, 2));
        p.drawPath(path);
    }
}
