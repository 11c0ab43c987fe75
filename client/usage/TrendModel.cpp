#include "TrendModel.h"

#include "QuotaText.h"

#include <QLocale>

TrendModel::TrendModel(QObject* parent) : QAbstractTableModel(parent) {}

int TrendModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
}

int TrendModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant TrendModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid) ||
        role != Qt::DisplayRole)
        return {};
    const UsageRow& r = m_rows.at(index.row());
    const QLocale locale;
    switch (index.column()) {
    case PeriodColumn:
        return QuotaText::periodName(r.label, locale);
    case PagesColumn:
        return locale.toString(r.pages);
    case CostColumn:
        return QuotaText::money(r.cost, m_currency, locale);
    case SavedColumn:
        return QuotaText::money(r.savedCost, m_currency, locale);
    }
    return {};
}

QVariant TrendModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case PeriodColumn:
        return tr("Month");
    case PagesColumn:
        return tr("Pages");
    case CostColumn:
        return tr("Cost");
    case SavedColumn:
        return tr("Saved");
    }
    return {};
}

void TrendModel::setRows(const QList<UsageRow>& rows, const QString& currency)
{
    beginResetModel();
    m_rows = rows;
    m_currency = currency;
    endResetModel();
}

bool TrendModel::isEmptyOfUsage() const
{
    for (const UsageRow& r : m_rows) {
        if (r.pages > 0 || r.cost > 0 || r.savedPages > 0)
            return false;
    }
    return true;
}

QStringList TrendModel::labelsNewestFirst() const
{
    QStringList labels;
    for (auto it = m_rows.crbegin(); it != m_rows.crend(); ++it)
        labels << it->label;
    return labels;
}
