#pragma once
#include "UsageRow.h"

#include <QAbstractTableModel>
#include <QList>

/// Usage per period, oldest first (GET /usage/trend): month, pages, cost and what was saved. The
/// charts read rows(); a table view can show it as it is.
class TrendModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    /// The columns, left to right.
    enum Column { PeriodColumn, PagesColumn, CostColumn, SavedColumn, ColumnCount };
    Q_ENUM(Column)

    /// Creates an empty model.
    explicit TrendModel(QObject* parent = nullptr);

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    /// Replaces the periods with `rows` (oldest first); amounts in `currency`.
    void setRows(const QList<UsageRow>& rows, const QString& currency);
    /// Returns the periods, oldest first.
    QList<UsageRow> rows() const { return m_rows; }
    /// Returns the currency of the amounts.
    QString currency() const { return m_currency; }
    /// Returns true when nothing was printed or saved in any period.
    bool isEmptyOfUsage() const;
    /// Returns the period labels, newest first (the period picker's choices).
    QStringList labelsNewestFirst() const;

private:
    QList<UsageRow> m_rows;
    QString m_currency;
};
