#pragma once
#include "UsageRow.h"

#include <QAbstractTableModel>
#include <QList>

/// Each member's usage in one period (GET /usage/report?by=user): name, pages, sheets, cost, quota
/// use and what is left. Qt::DisplayRole is text for people (amounts through QLocale); SortRole holds
/// the number to sort by, for a QSortFilterProxyModel with sortRole() = SortRole.
class MemberUsageModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    /// The columns, left to right.
    enum Column {
        NameColumn,
        PagesColumn,
        SheetsColumn,
        CostColumn,
        QuotaColumn,
        LeftColumn,
        SavedColumn,
        ColumnCount
    };
    Q_ENUM(Column)
    /// The role holding the value to sort by (QString for the name, numbers otherwise).
    static constexpr int SortRole = Qt::UserRole + 1;

    /// Creates an empty model.
    explicit MemberUsageModel(QObject* parent = nullptr);

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    /// Replaces the rows with `rows`; amounts are in `currency`.
    void setRows(const QList<UsageRow>& rows, const QString& currency);
    /// Returns the rows as given.
    QList<UsageRow> rows() const { return m_rows; }
    /// Returns the currency of the amounts.
    QString currency() const { return m_currency; }

private:
    QList<UsageRow> m_rows;
    QString m_currency;
};
