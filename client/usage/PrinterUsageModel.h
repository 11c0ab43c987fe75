#pragma once
#include "UsageRow.h"

#include <QAbstractTableModel>
#include <QList>

/// Which MFPs a department's members used in one period (GET /usage/report?by=printer&department=):
/// each printer with the department it belongs to, pages and cost, and whether it is the
/// department's own or another department's (charge-back). SortRole holds the value to sort by.
class PrinterUsageModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    /// The columns, left to right.
    enum Column { PrinterColumn, OwnerColumn, PagesColumn, CostColumn, ColumnCount };
    Q_ENUM(Column)
    /// The role holding the value to sort by.
    static constexpr int SortRole = Qt::UserRole + 1;
    /// Qt::UserRole + 2: bool, the printer belongs to the department reported on.
    static constexpr int OwnRole = Qt::UserRole + 2;

    /// Creates an empty model.
    explicit PrinterUsageModel(QObject* parent = nullptr);

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    /// Replaces the rows; `department` is the code reported on (its printers are "own"), `names` maps
    /// department codes to names for display.
    void setRows(const QList<UsageRow>& rows, const QString& currency, const QString& department,
                 const QHash<QString, QString>& names);
    /// Returns the pages printed on the department's own printers.
    int ownPages() const;
    /// Returns the pages printed on other departments' printers (and on printers of no department).
    int otherPages() const;

private:
    bool isOwn(const UsageRow& r) const { return !m_department.isEmpty() && r.department == m_department; }

    QList<UsageRow> m_rows;
    QString m_currency;
    QString m_department;
    QHash<QString, QString> m_names;
};
