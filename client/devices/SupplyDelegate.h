#pragma once
#include <QColor>
#include <QJsonObject>
#include <QStyledItemDelegate>

/// Draws a printer's supplies (DeviceListModel::SuppliesRole), one line each: the supply's name, a bar
/// in the supply's own colour filled to its level, and the level ("45%", bold red at or below the low
/// level). In Forecast mode it draws each supply's forecast on the same lines, so that the two columns
/// read across.
class SupplyDelegate : public QStyledItemDelegate
{
    Q_OBJECT
public:
    /// What the delegate draws.
    enum class Mode { Bars, Forecast };

    /// Creates a delegate drawing `mode`.
    explicit SupplyDelegate(Mode mode, QObject* parent = nullptr);

    void paint(QPainter* painter, const QStyleOptionViewItem& option,
               const QModelIndex& index) const override;
    QSize sizeHint(const QStyleOptionViewItem& option, const QModelIndex& index) const override;

    /// Returns the colour a supply's bar is drawn in: its "color" ("#00FFFF", "cyan"; the first of
    /// several), or grey when it has none.
    static QColor supplyColor(const QJsonObject& supply);

private:
    Mode m_mode;
};
