#include "SupplyDelegate.h"

#include "DeviceListModel.h"
#include "DeviceText.h"

#include <QApplication>
#include <QJsonArray>
#include <QPainter>

#include <algorithm>

namespace {
constexpr int Margin = 4;
constexpr int BarWidth = 90;
constexpr int LabelMaxWidth = 190;

int lineHeight(const QFontMetrics& fm)
{
    return fm.height() + 6;
}
} // namespace

SupplyDelegate::SupplyDelegate(Mode mode, QObject* parent) : QStyledItemDelegate(parent), m_mode(mode) {}

QColor SupplyDelegate::supplyColor(const QJsonObject& supply)
{
    QString name = supply.value(QLatin1String("color")).toString().trimmed();
    // IPP marker-colors may name several colours ("#00FFFF#FF00FF"): the first one.
    if (name.startsWith(QLatin1Char('#')) && name.size() > 7)
        name.truncate(7);
    QColor c(name);
    if (!c.isValid() || name.compare(QLatin1String("none"), Qt::CaseInsensitive) == 0)
        return QColor(0x9e, 0x9e, 0x9e);
    return c;
}

QSize SupplyDelegate::sizeHint(const QStyleOptionViewItem& option, const QModelIndex& index) const
{
    const QJsonArray supplies = index.data(DeviceListModel::SuppliesRole).toJsonArray();
    const QFontMetrics fm(option.font);
    const int lines = qMax(1, static_cast<int>(supplies.size()));
    int width = 0;
    for (const QJsonValue& v : supplies) {
        const QJsonObject s = v.toObject();
        if (m_mode == Mode::Bars)
            width = qMax(width, qMin(LabelMaxWidth, fm.horizontalAdvance(DeviceText::supplyName(s))) +
                                    BarWidth + fm.horizontalAdvance(DeviceText::level(-3)) + 4 * Margin);
        else
            width = qMax(width, fm.horizontalAdvance(DeviceText::forecast(s)) + 2 * Margin);
    }
    return {qMax(width, 60), lines * lineHeight(fm) + 2 * Margin};
}

void SupplyDelegate::paint(QPainter* painter, const QStyleOptionViewItem& option,
                           const QModelIndex& index) const
{
    // Background and selection as any other cell, without text.
    QStyleOptionViewItem opt = option;
    initStyleOption(&opt, index);
    opt.text.clear();
    const QWidget* widget = option.widget;
    QStyle* style = widget ? widget->style() : QApplication::style();
    style->drawControl(QStyle::CE_ItemViewItem, &opt, painter, widget);

    const QJsonArray supplies = index.data(DeviceListModel::SuppliesRole).toJsonArray();
    const int low = index.data(DeviceListModel::LowPercentRole).toInt();
    const QFontMetrics fm(option.font);
    const int lh = lineHeight(fm);
    const bool selected = option.state & QStyle::State_Selected;
    const QColor text = option.palette.color(selected ? QPalette::HighlightedText : QPalette::Text);
    QRect area = option.rect.adjusted(Margin, Margin, -Margin, -Margin);
    // The lines sit in the middle of the cell, as the text of the other columns does.
    if (!supplies.isEmpty()) {
        const int used = static_cast<int>(supplies.size()) * lh;
        area.setTop(area.top() + qMax(0, (area.height() - used) / 2));
    }

    painter->save();
    painter->setFont(option.font);
    if (supplies.isEmpty() && m_mode == Mode::Bars) {
        painter->setPen(option.palette.color(QPalette::Disabled, QPalette::Text));
        painter->drawText(area, Qt::AlignLeft | Qt::AlignVCenter, DeviceText::tr("No supplies reported"));
        painter->restore();
        return;
    }
    // The same widths on every row (they depend on the column only), so that the bars line up; a
    // narrow column shortens the names first, then the bars.
    const int pctWidth =
        std::max({fm.horizontalAdvance(DeviceText::level(100)), fm.horizontalAdvance(DeviceText::level(-3)),
                  fm.horizontalAdvance(DeviceText::level(-1))}) +
        Margin;
    const int labelWidth = qMax(40, qMin(LabelMaxWidth, area.width() - BarWidth - pctWidth - 2 * Margin));
    const int barWidth = qBound(24, area.width() - labelWidth - pctWidth - 2 * Margin, BarWidth);
    painter->setClipRect(option.rect);
    for (int i = 0; i < supplies.size(); ++i) {
        const QJsonObject s = supplies.at(i).toObject();
        const QRect line(area.left(), area.top() + i * lh, area.width(), lh);
        if (m_mode == Mode::Forecast) {
            painter->setPen(text);
            painter->drawText(line, Qt::AlignLeft | Qt::AlignVCenter,
                              fm.elidedText(DeviceText::forecast(s), Qt::ElideRight, line.width()));
            continue;
        }
        const int level = s.value(QLatin1String("level")).toInt(-1);
        const QRect label(line.left(), line.top(), labelWidth, lh);
        painter->setPen(text);
        painter->drawText(label, Qt::AlignLeft | Qt::AlignVCenter,
                          fm.elidedText(DeviceText::supplyName(s), Qt::ElideRight, label.width()));
        const QRect bar(label.right() + Margin, line.top() + 3, barWidth, lh - 6);
        // The empty part in the window's colour, the filled part in the supply's, framed so that
        // a yellow or white supply shows on a light background.
        painter->fillRect(bar, option.palette.color(QPalette::Window));
        const QColor colour = supplyColor(s);
        if (level > 0) {
            QRect filled = bar;
            filled.setWidth(qMax(1, bar.width() * qMin(level, 100) / 100));
            painter->fillRect(filled, colour);
        } else if (level == -3) {
            // "Some remaining" (Printer MIB): a hatched bar, no number.
            painter->fillRect(bar, QBrush(colour, Qt::BDiagPattern));
        }
        painter->setPen(option.palette.color(QPalette::Mid));
        painter->drawRect(bar.adjusted(0, 0, -1, -1));
        const QRect pct(bar.right() + Margin, line.top(), line.right() - bar.right() - Margin, lh);
        const bool isLow = level >= 0 && level <= low;
        QFont f = option.font;
        f.setBold(isLow);
        painter->setFont(f);
        painter->setPen(isLow && !selected ? QColor(0xc6, 0x28, 0x28) : text);
        painter->drawText(pct, Qt::AlignLeft | Qt::AlignVCenter, DeviceText::level(level));
        painter->setFont(option.font);
    }
    painter->restore();
}
