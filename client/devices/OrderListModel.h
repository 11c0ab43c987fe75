#pragma once
#include <QAbstractTableModel>
#include <QJsonObject>
#include <QList>

/// The consolidated supplies order list (GET /api/v1/supplies/order): one row per cartridge
/// (description and type), how many are needed now (at or below the low level) and soon (forecast to
/// run out within the days asked for), and for which printers, with their location and level.
class OrderListModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    /// The columns.
    enum Column { SupplyColumn, NeedNowColumn, NeedSoonColumn, PrintersColumn, ColumnCount };
    /// Data roles besides the display ones.
    enum Role { ItemRole = Qt::UserRole + 1 };

    /// Creates an empty list.
    explicit OrderListModel(QObject* parent = nullptr);

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

    /// Replaces the list with the items of a GET /api/v1/supplies/order answer; false without "items".
    bool setItemsFromJson(const QJsonObject& answer);
    /// Forgets every item.
    void clear();
    /// Returns the item in `row`.
    QJsonObject itemAt(int row) const { return m_items.value(row); }
    /// Returns the days the answer looked ahead (0 before the first answer).
    int days() const { return m_days; }
    /// Returns the server's low level in percent (0 before the first answer).
    int lowPercent() const { return m_lowPercent; }
    /// Returns the cartridges needed now and soon, summed over all items.
    int totalNeeded() const;

private:
    QList<QJsonObject> m_items;
    int m_days = 0;
    int m_lowPercent = 0;
};
