#include "PrinterUsageModel.h"

#include "QuotaText.h"

#include <QBrush>
#include <QColor>
#include <QLocale>

PrinterUsageModel::PrinterUsageModel(QObject* parent) : QAbstractTableModel(parent) {}

int PrinterUsageModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
}

int PrinterUsageModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant PrinterUsageModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const UsageRow& r = m_rows.at(index.row());
    const QLocale locale;
    switch (role) {
    case OwnRole:
        return isOwn(r);
    case Qt::TextAlignmentRole:
        return index.column() >= PagesColumn ? QVariant(Qt::AlignRight | Qt::AlignVCenter)
                                             : QVariant(Qt::AlignLeft | Qt::AlignVCenter);
    case Qt::ForegroundRole:
        if (index.column() == OwnerColumn && !isOwn(r))
            return QBrush(QColor(0xa0, 0x52, 0x00));
        return {};
    case SortRole:
        switch (index.column()) {
        case PrinterColumn:
            return r.name;
        case OwnerColumn:
            return isOwn(r) ? QString() : r.department; // own printers first
        case PagesColumn:
            return r.pages;
        case CostColumn:
            return r.cost;
        }
        return {};
    case Qt::DisplayRole:
        switch (index.column()) {
        case PrinterColumn:
            return r.name;
        case OwnerColumn: {
            if (r.department.isEmpty())
                return tr("No department");
            const QString name = m_names.value(r.department, r.department);
            return isOwn(r) ? tr("%1 (own)").arg(name) : tr("%1 (other department)").arg(name);
        }
        case PagesColumn:
            return locale.toString(r.pages);
        case CostColumn:
            return QuotaText::money(r.cost, m_currency, locale);
        }
        return {};
    default:
        return {};
    }
}

QVariant PrinterUsageModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case PrinterColumn:
        return tr("Printer");
    case OwnerColumn:
        return tr("Belongs to");
    case PagesColumn:
        return tr("Pages");
    case CostColumn:
        return tr("Cost");
    }
    return {};
}

void PrinterUsageModel::setRows(const QList<UsageRow>& rows, const QString& currency,
                                const QString& department, const QHash<QString, QString>& names)
{
    beginResetModel();
    // Jobs deleted or expired used no printer: they are savings, not printer use.
    m_rows.clear();
    for (const UsageRow& r : rows) {
        if (!r.key.isEmpty() || r.pages > 0)
            m_rows << r;
    }
    m_currency = currency;
    m_department = department;
    m_names = names;
    endResetModel();
}

int PrinterUsageModel::ownPages() const
{
    int n = 0;
    for (const UsageRow& r : m_rows)
        n += isOwn(r) ? r.pages : 0;
    return n;
}

int PrinterUsageModel::otherPages() const
{
    int n = 0;
    for (const UsageRow& r : m_rows)
        n += isOwn(r) ? 0 : r.pages;
    return n;
}
