#include "MemberUsageModel.h"

#include "QuotaText.h"

#include <QBrush>
#include <QColor>
#include <QLocale>

MemberUsageModel::MemberUsageModel(QObject* parent) : QAbstractTableModel(parent) {}

int MemberUsageModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
}

int MemberUsageModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant MemberUsageModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const UsageRow& r = m_rows.at(index.row());
    const QLocale locale;
    const bool hasLimit = r.quota && r.quota->limit;
    if (role == Qt::TextAlignmentRole)
        return index.column() == NameColumn ? QVariant(Qt::AlignLeft | Qt::AlignVCenter)
                                            : QVariant(Qt::AlignRight | Qt::AlignVCenter);
    if (role == Qt::ToolTipRole && hasLimit)
        return QuotaText::usedLine(*r.quota, m_currency, locale);
    if (role == Qt::ForegroundRole && hasLimit && index.column() >= QuotaColumn &&
        index.column() <= LeftColumn && r.quota->percentUsed() >= 100)
        return QBrush(QColor(0xb7, 0x1c, 0x1c));
    if (role == SortRole) {
        switch (index.column()) {
        case NameColumn:
            return r.name;
        case PagesColumn:
            return r.pages;
        case SheetsColumn:
            return r.sheets;
        case CostColumn:
            return r.cost;
        case QuotaColumn:
            return hasLimit ? r.quota->percentUsed() : -1;
        case LeftColumn:
            return hasLimit ? r.quota->remaining().value_or(0) : std::numeric_limits<qint64>::max();
        case SavedColumn:
            return r.savedCost;
        }
        return {};
    }
    if (role != Qt::DisplayRole)
        return {};
    switch (index.column()) {
    case NameColumn:
        return r.name == r.key ? r.name : tr("%1 (%2)").arg(r.name, r.key);
    case PagesColumn:
        return locale.toString(r.pages);
    case SheetsColumn:
        return locale.toString(r.sheets);
    case CostColumn:
        return QuotaText::money(r.cost, m_currency, locale);
    case QuotaColumn:
        return hasLimit ? QuotaText::percent(r.quota->percentUsed(), locale) : tr("no quota");
    case LeftColumn: {
        if (!hasLimit)
            return QString();
        const qint64 left = r.quota->remaining().value_or(0);
        return left >= 0 ? QuotaText::money(left, m_currency, locale)
                         : tr("%1 over").arg(QuotaText::money(-left, m_currency, locale));
    }
    case SavedColumn:
        return QuotaText::money(r.savedCost, m_currency, locale);
    }
    return {};
}

QVariant MemberUsageModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case NameColumn:
        return tr("Member");
    case PagesColumn:
        return tr("Pages");
    case SheetsColumn:
        return tr("Sheets");
    case CostColumn:
        return tr("Cost");
    case QuotaColumn:
        return tr("Quota used");
    case LeftColumn:
        return tr("Left");
    case SavedColumn:
        return tr("Saved");
    }
    return {};
}

void MemberUsageModel::setRows(const QList<UsageRow>& rows, const QString& currency)
{
    beginResetModel();
    m_rows = rows;
    m_currency = currency;
    endResetModel();
}
