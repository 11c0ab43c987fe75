#include "OrderListModel.h"

#include "DeviceText.h"
#include "SupplyDelegate.h"

#include <QJsonArray>

OrderListModel::OrderListModel(QObject* parent) : QAbstractTableModel(parent) {}

int OrderListModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_items.size());
}

int OrderListModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant OrderListModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid() || index.row() >= m_items.size())
        return {};
    const QJsonObject& item = m_items.at(index.row());
    if (role == ItemRole)
        return item;
    const int column = index.column();
    if (role == Qt::DisplayRole) {
        switch (column) {
        case SupplyColumn: {
            const QString type = DeviceText::supplyType(item.value(QLatin1String("type")).toString());
            const QString name = DeviceText::supplyName(item);
            return name == type ? name : name + QLatin1Char('\n') + type;
        }
        case NeedNowColumn:
            return item.value(QLatin1String("needNow")).toInt();
        case NeedSoonColumn:
            return item.value(QLatin1String("needSoon")).toInt();
        case PrintersColumn: {
            QStringList lines;
            for (const QJsonValue& v : item.value(QLatin1String("printers")).toArray()) {
                const QJsonObject p = v.toObject();
                const QString location = p.value(QLatin1String("location")).toString();
                const QString name = p.value(QLatin1String("name")).toString();
                QString line = location.isEmpty() ? name : DeviceText::tr("%1 (%2)").arg(name, location);
                line += QStringLiteral(" - ") + DeviceText::level(p.value(QLatin1String("level")).toInt(-1));
                const QString forecast = DeviceText::forecast(p);
                if (!forecast.isEmpty())
                    line += QStringLiteral(", ") + forecast;
                lines << line;
            }
            return lines.join(QLatin1Char('\n'));
        }
        default:
            return {};
        }
    }
    if (role == Qt::DecorationRole && column == SupplyColumn)
        return SupplyDelegate::supplyColor(item);
    if (role == Qt::TextAlignmentRole)
        return column == NeedNowColumn || column == NeedSoonColumn
                   ? QVariant(Qt::AlignCenter)
                   : QVariant(Qt::AlignLeft | Qt::AlignVCenter);
    return {};
}

QVariant OrderListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal)
        return {};
    if (role == Qt::ToolTipRole) {
        if (section == NeedNowColumn)
            return tr("Supplies at or below %1% now").arg(m_lowPercent);
        if (section == NeedSoonColumn)
            return tr("Supplies forecast to run out within %n day(s)", nullptr, m_days);
        return {};
    }
    if (role == Qt::TextAlignmentRole)
        return section == NeedNowColumn || section == NeedSoonColumn
                   ? QVariant(Qt::AlignCenter)
                   : QVariant(Qt::AlignLeft | Qt::AlignVCenter);
    if (role != Qt::DisplayRole)
        return {};
    switch (section) {
    case SupplyColumn:
        return tr("Supply");
    case NeedNowColumn:
        return tr("Need now");
    case NeedSoonColumn:
        return tr("Need soon");
    case PrintersColumn:
        return tr("Printers");
    default:
        return {};
    }
}

bool OrderListModel::setItemsFromJson(const QJsonObject& answer)
{
    if (!answer.value(QLatin1String("items")).isArray())
        return false;
    beginResetModel();
    m_items.clear();
    for (const QJsonValue& v : answer.value(QLatin1String("items")).toArray())
        if (v.isObject())
            m_items << v.toObject();
    m_days = answer.value(QLatin1String("days")).toInt();
    m_lowPercent = answer.value(QLatin1String("lowPercent")).toInt();
    endResetModel();
    Q_EMIT headerDataChanged(Qt::Horizontal, 0, ColumnCount - 1);
    return true;
}

void OrderListModel::clear()
{
    beginResetModel();
    m_items.clear();
    endResetModel();
}

int OrderListModel::totalNeeded() const
{
    int n = 0;
    for (const QJsonObject& item : m_items)
        n += item.value(QLatin1String("needNow")).toInt() + item.value(QLatin1String("needSoon")).toInt();
    return n;
}
