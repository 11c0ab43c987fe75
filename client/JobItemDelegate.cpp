#include "JobItemDelegate.h"

#include "JobListModel.h"

#include <QApplication>
#include <QDateTime>
#include <QImage>
#include <QLocale>
#include <QPainter>
#include <QPainterPath>

namespace {
constexpr int Margin = 8;
constexpr int ThumbHeight = 84;
constexpr int ThumbWidth = 60; // A4 portrait at ThumbHeight

QString when(const QDateTime& utc)
{
    const QDateTime local = utc.toLocalTime();
    const QLocale locale;
    const QDate today = QDate::currentDate();
    const QString time = locale.toString(local.time(), QLocale::ShortFormat);
    if (local.date() == today)
        return JobItemDelegate::tr("today %1").arg(time);
    if (local.date() == today.addDays(1))
        return JobItemDelegate::tr("tomorrow %1").arg(time);
    if (local.date() == today.addDays(-1))
        return JobItemDelegate::tr("yesterday %1").arg(time);
    return locale.toString(local, QLocale::ShortFormat);
}
} // namespace

QStringList JobItemDelegate::detailLines(const QModelIndex& index)
{
    const QString sep = QStringLiteral("  \u00b7  ");
    QStringList first;
    first << tr("%n page(s)", nullptr, index.data(JobListModel::PagesRole).toInt());
    first << (index.data(JobListModel::MonochromeRole).toBool() ? tr("Black and white") : tr("Colour"));
    first << (index.data(JobListModel::DuplexRole).toBool() ? tr("Two-sided") : tr("One-sided"));
    first << tr("%n copy(ies)", nullptr, index.data(JobListModel::CopiesRole).toInt());
    // What printing it will cost, as the server estimates it for the default printer.
    const QString cost = index.data(JobListModel::CostTextRole).toString();
    if (!cost.isEmpty())
        first << tr("about %1").arg(cost);
    const QString second =
        tr("Submitted %1").arg(when(index.data(JobListModel::SubmittedRole).toDateTime())) + sep +
        tr("Expires %1").arg(when(index.data(JobListModel::ExpiresRole).toDateTime()));
    return {first.join(sep), second};
}

QString JobItemDelegate::statusLine(const QModelIndex& index)
{
    const QString state = index.data(JobListModel::StateRole).toString();
    const QString printer = index.data(JobListModel::PrinterRole).toString();
    if (state == QLatin1String("releasing"))
        return tr("Sending to %1...").arg(printer);
    if (state == QLatin1String("printing"))
        return tr("Printing at %1").arg(printer);
    if (index.data(JobListModel::StateReasonCodeRole).toString() == QLatin1String("quota-exceeded"))
        return tr("Not printed: over the monthly quota; still held");
    if (!index.data(JobListModel::StateReasonRole).toString().isEmpty())
        return printer.isEmpty() ? tr("Not printed last time; still held")
                                 : tr("Not printed at %1; still held").arg(printer);
    return {};
}

QSize JobItemDelegate::sizeHint(const QStyleOptionViewItem& option, const QModelIndex& index) const
{
    Q_UNUSED(index)
    const QFontMetrics fm(option.font);
    const int text = fm.height() * 4 + 6 + Margin;
    return {qMax(320, option.rect.width()), qMax(ThumbHeight, text) + 2 * Margin};
}

void JobItemDelegate::paint(QPainter* painter, const QStyleOptionViewItem& option,
                            const QModelIndex& index) const
{
    QStyleOptionViewItem opt = option;
    initStyleOption(&opt, index);
    opt.text.clear();
    opt.icon = QIcon();
    QStyle* style = opt.widget ? opt.widget->style() : QApplication::style();
    style->drawPrimitive(QStyle::PE_PanelItemViewItem, &opt, painter, opt.widget);

    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);
    painter->setRenderHint(QPainter::SmoothPixmapTransform);
    const QRect r = option.rect.adjusted(Margin, Margin, -Margin, -Margin);

    // The first page, or a blank sheet while it is on its way.
    const QRect thumbBox(r.left(), r.top() + (r.height() - ThumbHeight) / 2, ThumbWidth, ThumbHeight);
    const QImage thumb = index.data(JobListModel::ThumbnailRole).value<QImage>();
    if (!thumb.isNull()) {
        const QSize s = thumb.size().scaled(thumbBox.size(), Qt::KeepAspectRatio);
        const QRect target(thumbBox.left() + (thumbBox.width() - s.width()) / 2,
                           thumbBox.top() + (thumbBox.height() - s.height()) / 2, s.width(), s.height());
        painter->fillRect(target.adjusted(1, 1, 1, 1), QColor(0, 0, 0, 40));
        painter->drawImage(target, thumb);
        painter->setPen(QColor(0, 0, 0, 60));
        painter->drawRect(target);
    } else {
        painter->setPen(QColor(0xbd, 0xbd, 0xbd));
        painter->setBrush(QColor(0xfa, 0xfa, 0xfa));
        painter->drawRect(thumbBox.adjusted(4, 0, -4, 0));
    }

    const bool selected = option.state & QStyle::State_Selected;
    const QPalette::ColorGroup cg =
        option.state & QStyle::State_Enabled ? QPalette::Normal : QPalette::Disabled;
    const QColor textColor = option.palette.color(cg, selected ? QPalette::HighlightedText : QPalette::Text);
    QColor dim = textColor;
    dim.setAlphaF(0.7f);

    const int x = thumbBox.right() + 14;
    const int w = r.right() - x;
    QFont nameFont = option.font;
    nameFont.setBold(true);
    nameFont.setPointSizeF(nameFont.pointSizeF() * 1.08);
    const QFontMetrics nfm(nameFont);
    const QFontMetrics fm(option.font);
    int y = r.top() + 2;

    painter->setFont(nameFont);
    painter->setPen(textColor);
    painter->drawText(QRect(x, y, w, nfm.height()), Qt::AlignLeft | Qt::AlignVCenter,
                      nfm.elidedText(index.data(JobListModel::NameRole).toString(), Qt::ElideMiddle, w));
    y += nfm.height() + 4;

    painter->setFont(option.font);
    const QStringList lines = detailLines(index);
    for (int i = 0; i < lines.size(); ++i) {
        QColor c = dim;
        if (i == 1 && index.data(JobListModel::ExpiringSoonRole).toBool() && !selected)
            c = QColor(0xc6, 0x5c, 0x00);
        painter->setPen(c);
        painter->drawText(QRect(x, y, w, fm.height()), Qt::AlignLeft | Qt::AlignVCenter,
                          fm.elidedText(lines.at(i), Qt::ElideRight, w));
        y += fm.height() + 1;
    }

    const QString status = statusLine(index);
    if (!status.isEmpty()) {
        const bool failed = index.data(JobListModel::StateRole).toString() == QLatin1String("held");
        painter->setPen(selected ? textColor
                                 : (failed ? QColor(0xb7, 0x1c, 0x1c) : QColor(0x1f, 0x5f, 0xa8)));
        painter->drawText(QRect(x, y, w, fm.height()), Qt::AlignLeft | Qt::AlignVCenter,
                          fm.elidedText(status, Qt::ElideRight, w));
    }
    painter->restore();
}
