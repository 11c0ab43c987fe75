#pragma once
#include <QStyledItemDelegate>

/// Draws one job of JobListModel in My jobs: the first-page thumbnail, the name, then pages, colour,
/// sides and copies, then when it was submitted and when it expires, and what is happening to it.
class JobItemDelegate : public QStyledItemDelegate
{
    Q_OBJECT
public:
    using QStyledItemDelegate::QStyledItemDelegate;

    void paint(QPainter* painter, const QStyleOptionViewItem& option,
               const QModelIndex& index) const override;
    QSize sizeHint(const QStyleOptionViewItem& option, const QModelIndex& index) const override;

    /// Returns the detail lines shown under the name (translated, dates in the default locale).
    static QStringList detailLines(const QModelIndex& index);
    /// Returns the status line (releasing, printing, last release failed), or empty for a plain held job.
    static QString statusLine(const QModelIndex& index);
};
