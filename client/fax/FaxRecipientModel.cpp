#include "FaxRecipientModel.h"

#include <QJsonObject>

FaxRecipientModel::FaxRecipientModel(QObject* parent) : QAbstractTableModel(parent) {}

int FaxRecipientModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
}

int FaxRecipientModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant FaxRecipientModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid() || index.row() >= m_rows.size())
        return {};
    const Recipient& r = m_rows.at(index.row());
    if (role == Qt::DisplayRole || role == Qt::ToolTipRole)
        return index.column() == NameColumn ? r.name : r.number;
    return {};
}

QVariant FaxRecipientModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    return section == NameColumn ? tr("Name") : tr("Fax number");
}

bool FaxRecipientModel::add(const Recipient& recipient)
{
    for (const Recipient& r : std::as_const(m_rows))
        if (r.dial == recipient.dial)
            return false;
    const int row = static_cast<int>(m_rows.size());
    beginInsertRows({}, row, row);
    m_rows.append(recipient);
    endInsertRows();
    Q_EMIT changed();
    return true;
}

void FaxRecipientModel::remove(int row)
{
    if (row < 0 || row >= m_rows.size())
        return;
    beginRemoveRows({}, row, row);
    m_rows.removeAt(row);
    endRemoveRows();
    Q_EMIT changed();
}

void FaxRecipientModel::clear()
{
    beginResetModel();
    m_rows.clear();
    endResetModel();
    Q_EMIT changed();
}

QJsonArray FaxRecipientModel::toJson() const
{
    QJsonArray out;
    for (const Recipient& r : m_rows)
        out.append(QJsonObject{{QStringLiteral("name"), r.name}, {QStringLiteral("number"), r.number}});
    return out;
}

QString FaxRecipientModel::summary(int maxNames) const
{
    QStringList names;
    for (const Recipient& r : m_rows) {
        if (names.size() == maxNames)
            break;
        names << (r.name.isEmpty() ? r.number : r.name);
    }
    QString text = names.join(QStringLiteral(", "));
    if (m_rows.size() > maxNames)
        text = tr("%1 and %n other(s)", nullptr, static_cast<int>(m_rows.size()) - maxNames).arg(text);
    return text;
}
